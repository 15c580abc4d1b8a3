import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { LogRecord } from '../server/src/core/model';
import { LineParser } from '../server/src/core/records/lineParser';

// A Cisco router's log, as its console shows it (`show logging`) and as a syslog server writes
// what the router sent: Cisco's system message `%FACILITY-SEVERITY-MNEMONIC: ` (sources X83, X84)
// names the program and the level wherever it stands (the format `cisco`, the envelope
// cisco-message). The cellular facility's modem going down and up and a cellular interface's line
// protocol are catalogued (ciscoCellular.ts); the facility's other errors are quoted.

const REF = Date.UTC(2024, 11, 4);

/** A cellular router's console log: the modem drops and comes back (written for this test, not a real capture). */
const CONSOLE = [
  '000101: *Dec  2 19:54:40.101: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (192.0.2.10)',
  '000102: *Dec  2 19:54:49.870: %CELLWAN-2-MODEM_DOWN: Modem in slot 0/1 is DOWN',
  '000103: *Dec  2 19:54:49.871: %LINK-3-UPDOWN: Interface Cellular0/1/0, changed state to down',
  '000104: *Dec  2 19:54:50.871: %LINEPROTO-5-UPDOWN: Line protocol on Interface Cellular0/1/0, changed state to down',
  '000105: *Dec  2 19:55:31.442: %CELLWAN-2-MODEM_UP: Modem in slot 0/1 is now UP',
  '000106: *Dec  2 19:55:36.002: %CELLWAN-6-MODEM_RADIO: Cellular0/1/0 Modem radio has been turned on',
  '000107: *Dec  2 19:55:52.310: %LINK-3-UPDOWN: Interface Cellular0/1/0, changed state to up',
  '000108: *Dec  2 19:55:53.310: %LINEPROTO-5-UPDOWN: Line protocol on Interface Cellular0/1/0, changed state to up',
];

/** What a reader sees of a record: where and when, which program, at which level, saying what. */
function seen(lines: readonly string[]): { time?: number; tag?: string; level?: string; message: string }[] {
  const parser = new LineParser({ referenceYear: 2024 });
  return lines.map((line, i) => {
    const r = parser.parse(line, i + 1) as LogRecord;
    assert.equal(typeof r, 'object', line);
    return { time: r.time, tag: r.tag, level: r.level, message: r.message };
  });
}

/** When a syslog server got the line: the router's time of day, its fraction dropped. */
const arrived = (line: string): string => /(\d\d:\d\d:\d\d)/.exec(line)![1];

/** The same lines in other shapes a Cisco log takes. */
const RETOLD: Record<string, (line: string) => string> = {
  // Without sequence numbers, the clock synchronised (no `*`), milliseconds kept.
  'no number, synchronised': (l) => l.replace(/^\d+: \*/, ''),
  // `service timestamps log datetime year show-timezone`, the time source lost (`.`).
  'year and zone': (l) => l.replace(/^(\d+: )\*(\w{3} +\d+) ([\d:.]+):/, '$1.$2 2024 $3 UTC:'),
  // Sent to a syslog server (rsyslog's file): its stamp (when the line arrived) and the router's
  // address, Cisco's number where the tag stands.
  'relayed by a syslog server': (l) => `Dec  2 ${arrived(l)} 192.0.2.1 ${l.replace(/^0+/, '')}`,
  // The same server writing RFC 3339 stamps.
  'relayed, ISO stamps': (l) => `2024-12-02T${arrived(l)}+00:00 192.0.2.1 ${l.replace(/^0+/, '')}`,
  // The packets as captured, `<PRI>` first (local7), no server header.
  'raw packets': (l) => `<187>${l.replace(/^0+/, '')}`,
};

describe("Cisco's system messages", () => {
  it('reads a console log whole: the facility is the program, the severity the level, the clock the line\'s', () => {
    const a = analyzeText(CONSOLE.join('\n'), { referenceTime: REF });
    assert.equal(a.files[0].format, 'cisco');
    assert.equal(a.files[0].parsedLines, CONSOLE.length);
    const r = seen(CONSOLE);
    assert.deepEqual(r.map((x) => x.tag), ['SYS', 'CELLWAN', 'LINK', 'LINEPROTO', 'CELLWAN', 'CELLWAN', 'LINK', 'LINEPROTO']);
    assert.deepEqual(r.map((x) => x.level), ['notice', 'crit', 'err', 'notice', 'crit', 'info', 'err', 'notice']);
    assert.equal(r[1].message, 'Modem in slot 0/1 is DOWN');
    assert.equal(r[1].time, Date.UTC(2024, 11, 2, 19, 54, 49, 870));
    assert.equal(a.host, 'Cisco IOS');
  });

  it('tells the modem down and up again as a story that is over, the facility\'s other errors quoted', () => {
    const a = analyzeText(CONSOLE.join('\n'), { referenceTime: REF });
    const story = a.episodes.find((e) => e.kind === 'modem-unresponsive');
    assert.equal(story?.verdict, 'recovered');
    assert.deepEqual(a.findings.filter((x) => x.code === 'modem-unresponsive').map((x) => x.line), [2]);
    // The catalogue's entries read MODEM_DOWN and MODEM_UP (ciscoCellular.ts): no catch-all quotes them.
    assert.deepEqual(a.findings.filter((x) => x.code === 'unexplained-modem-error'), []);
    const other = analyzeText('000109: *Dec  2 19:56:00.000: %CELLWAN-3-SOME_ERROR: Cellular0/1/0: a step failed\n', { referenceTime: REF });
    assert.equal(other.findings.find((x) => x.code === 'unexplained-modem-error')?.message, 'CELLWAN logged an error: Cellular0/1/0: a step failed');
    // An interface's error is not the modem's: LINK is no modem program.
    assert.ok(!a.findings.some((x) => /LINK logged/.test(x.message)));
  });

  it('gives the same findings whether the fast lane or the full parser reads the lines', () => {
    // The fast lane takes a console line by its own reader; it must leave a cellular facility's
    // error to the parser, as the parser would match it (a program only a catch-all names).
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(...CONSOLE.map((l) => l.replace(/^\d+/, String(i * 10 + 1)).replace(/19:5(\d)/, `${String(10 + (i % 9)).padStart(2, '0')}:5$1`)));
    for (const text of [lines.join('\n'), lines.map(RETOLD['relayed by a syslog server']).join('\n')]) {
      const full = analyzeText(text, { referenceTime: REF, fastLane: false });
      const fast = analyzeText(text, { referenceTime: REF });
      assert.deepEqual(fast.findings, full.findings);
      assert.deepEqual(fast.events.length, full.events.length);
      assert.ok(full.events.length >= 600, `${full.events.length} events`);
    }
  });

  for (const [name, retell] of Object.entries(RETOLD)) {
    it(`reads the same programs, levels and messages ${name}`, () => {
      const lines = CONSOLE.map(retell);
      const a = seen(CONSOLE);
      const b = seen(lines);
      assert.deepEqual(b.map(({ tag, level, message }) => ({ tag, level, message })), a.map(({ tag, level, message }) => ({ tag, level, message })), lines[1]);
      assert.ok(b.every((x) => x.time !== undefined), 'every line keeps a clock');
      const findings = (t: string[]) => analyzeText(t.join('\n'), { referenceTime: REF }).findings.map((x) => `${x.code} ${x.message}`);
      assert.deepEqual(findings(lines), findings(CONSOLE));
    });
  }

  it('reads a switch that relays without Cisco\'s number: the word before the message is the host', () => {
    const [r] = seen(['Dec  2 19:54:59 switch01 %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/1 is down (Link failure)']);
    assert.deepEqual({ tag: r.tag, level: r.level, message: r.message }, { tag: 'ETHPORT', level: 'notice', message: 'Interface Ethernet1/1 is down (Link failure)' });
  });

  it('reads a console stamped with the time since boot: hh:mm:ss as the uptime, 1d02h as no clock, never a time of day', () => {
    // `service timestamps log uptime` (X83): the same log a minute after boot, then past a day.
    const lines = CONSOLE.map((l, i) => l.replace(/\*Dec  2 19:5(\d):(\d\d)\.(\d{3})/, i < 6 ? '00:0$1:$2.$3' : `1d0${i}h`));
    const records = seen(lines);
    assert.deepEqual(records.map(({ tag, level, message }) => ({ tag, level, message })), seen(CONSOLE).map(({ tag, level, message }) => ({ tag, level, message })));
    assert.ok(records.every((r) => r.time === undefined), 'no wall time');
    const parser = new LineParser({ referenceYear: 2024 });
    const parsed = lines.map((l, i) => parser.parse(l, i + 1) as LogRecord);
    assert.deepEqual(parsed.map((r) => r.format), lines.map(() => 'cisco-uptime'));
    assert.deepEqual(parsed.map((r) => r.uptime), [280.101, 289.87, 289.871, 290.871, 331.442, 336.002, undefined, undefined]);
    const a = analyzeText(lines.join('\n'), { referenceTime: REF });
    assert.deepEqual(a.findings.filter((x) => x.code === 'modem-unresponsive').map((x) => x.line), [2]);
  });

  it('gives no time of day to a stamp of uptime, and no program to text that only looks alike', () => {
    // `service timestamps log uptime`: hours since boot, not a clock.
    const up = new LineParser({ referenceYear: 2024 }).parse('00:01:23: %LINK-3-UPDOWN: Interface Cellular0/2/0, changed state to down', 1);
    assert.ok(typeof up !== 'string' && up.format === 'cisco-uptime' && up.time === undefined && up.uptime === 83, 'read as the time since boot');
    for (const line of ['Dec  2 19:54:59 router app[1]: progress %FOO-3: half done', 'Dec  2 19:54:59 router app[1]: 100%-3-X: y']) {
      const [r] = seen([line]);
      assert.equal(r.tag, 'app', line);
    }
  });
});
