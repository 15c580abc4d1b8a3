import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis, LogRecord } from '../server/src/core/model';
import { LineParser } from '../server/src/core/records/lineParser';

// A log pasted through a mail (wrapped at a space near 76 columns, the rest perhaps indented) or
// copied from a terminal (cut at its width, inside words) arrives with its lines broken anywhere:
// after a program's colon, inside a device's stamp after a capture's, inside a CSV row's quoted
// message, before a date a message quotes. Each case here is one record broken so, read as the one
// record it was. test/composedShapes.test.ts runs every format shape through both wraps.

const REF = Date.UTC(2024, 11, 4);
const analyze = (lines: string[]): Analysis => analyzeText(`${lines.join('\n')}\n`, { referenceTime: REF });
const ids = (a: Analysis): string[] => a.events.map((e) => `${e.line}-${e.endLine} ${e.id}`);

function records(lines: string[]): LogRecord[] {
  const p = new LineParser({ referenceYear: 2024 });
  const out: LogRecord[] = [];
  lines.forEach((l, i) => {
    const r = p.parse(l, i + 1);
    if (typeof r !== 'string') out.push(r);
  });
  return out;
}

const REFUSED = 'Dec  2 19:55:05 router gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!';

describe('lines a wrap broke', () => {
  it('reads a header the wrap ended after the program\'s colon, with its message on the next, indented line', () => {
    const wrapped = ['Dec  2 19:55:05 router gsmd[3553]:', '    [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!'];
    const [r] = records(wrapped);
    assert.equal(r.tag, 'gsmd');
    assert.equal(r.pid, 3553);
    assert.equal(r.endLine, 2);
    assert.match(r.message, /^\[__new_modem:767\] error: .* already exists and is registered!$/);
    assert.deepEqual(ids(analyze(wrapped)), ['1-2 gsmd.already-registered']);
    // gsmd is known to have spoken (its silence after a loss is measured from its lines).
    assert.deepEqual(ids(analyze(wrapped)), ids(analyze([REFUSED])).map((s) => s.replace('1-1', '1-2')));
  });

  it('takes the indented line for that message even when it looks like a line of its own, and keeps the header\'s clock', () => {
    // NetworkManager's own stamp (a Unix time of 2022) on the wrapped line must not become the record's time.
    const wrapped = [
      'Tue Apr 23 08:40:13 2024 [1713861613.195] user.info NetworkManager[497]:',
      '    <info>  [1650696013.1949] device (cdc-wdm0): state change: activated -> unmanaged (reason \'removed\')',
      'Tue Apr 23 08:40:14 2024 [1713861614.000] user.info NetworkManager[497]: <info>  [1650696014.0001] manager: startup complete',
    ];
    const rs = records(wrapped);
    assert.equal(rs.length, 2);
    assert.equal(rs[0].tag, 'NetworkManager');
    assert.equal(new Date(rs[0].time!).toISOString(), '2024-04-23T08:40:13.000Z');
    assert.match(rs[0].message, /^device \(cdc-wdm0\): state change/);
    assert.equal(analyze(wrapped).findings.filter((f) => f.code === 'clock-jump').length, 0);
  });

  it('reads a logread -t header a wrap cut after its `facility.level`, the program on the next line', () => {
    const wrapped = ['     1\tThu Jun  6 06:00:08 2024 [1717653608.000] user.info', '    ModemManager[519]: <warn>  [modem0/bearer2] connection attempt #2 failed: Unknown error'];
    const [r] = records(wrapped);
    assert.equal(r.facility, 'user');
    assert.equal(r.tag, 'ModemManager');
    // Not the time since 1970 read as the kernel's uptime.
    assert.equal(r.uptime, undefined);
    assert.equal(r.endLine, 2);
    assert.deepEqual(ids(analyze(wrapped)), ['1-2 mm.connection-attempt-failed']);
  });

  it('does not join a line to a header that ended with a space (syslog\'s empty message), nor a line at the margin', () => {
    const rs = records(['Dec  2 19:55:05 router kernel: ', '    indented text', 'Dec  2 19:55:06 router gsmd[3553]:', 'Dec  2 19:55:07 router netifd: Interface \'mob1s1a1\' is now down']);
    assert.deepEqual(rs.map((r) => [r.line, r.endLine, r.tag, r.message]), [
      [1, 2, 'kernel', 'indented text'],
      [3, 3, 'gsmd', ''],
      [4, 4, 'netifd', 'Interface \'mob1s1a1\' is now down'],
    ]);
  });

  it('reads a date a terminal cut off a message at the margin as the rest of it, not as a record (no clock jump to 1000 or to the build date)', () => {
    const line = 'Dec  2 19:49:46 router kernel: [    0.000000] Linux version 5.4.284 (tltbuild@teltonika) (gcc version 8.4.0 (OpenWrt GCC 8.4.0 r16279+5-bd2ec9b3b7)) #0 Mon Nov 25 09:42:11 2024';
    for (const width of [80, 100]) {
      const cut = line.match(new RegExp(`.{1,${width}}`, 'g'))!;
      const rs = records(cut);
      assert.equal(rs.length, 1, `cut at ${width}: ${cut.join(' | ')}`);
      assert.match(rs[0].message, /Linux version 5\.4\.284 .*#0 Mon Nov 25 09:42:11 2024$/);
      assert.deepEqual(analyze(cut).findings.filter((f) => f.code === 'clock-jump'), []);
    }
    // `25 09:42:11 2024` after a mail's wrap: no line number before a time of day.
    assert.equal(records(['Dec  2 19:49:46 router kernel: [    0.000000] Linux version 5.4.284 #0 Mon Nov', '25 09:42:11 2024']).length, 1);
  });

  it('keeps two words apart where a terminal cut between them, and joins a word it cut inside', () => {
    const between = 'May 10 10:16:47 router netifd: lte (2437): SIM in illegal state - Power-cycling SIM';
    const at = between.indexOf('SIM', 60);
    const cutBetween = [between.slice(0, 80), between.slice(80)];
    assert.equal(cutBetween[0].length, 80);
    assert.ok(at >= 80 && cutBetween[0].endsWith(' '));
    assert.match(records(cutBetween)[0].message, /Power-cycling SIM$/);
    assert.deepEqual(ids(analyze(cutBetween)), ['1-2 uqmi.sim-illegal']);
    const inside = 'Dec  2 19:55:05 router gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5';
    assert.match(records(inside.match(/.{1,80}/g)!)[0].message, /Write to `1-1 \[2c7c:6005\]` modem failed: errno 5$/);
  });

  it('continues a line a terminal cut with its rest even when that starts as a new line would (`[`, a quote)', () => {
    const cut = ['Dec  2 19:55:05 gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 ', '[2c7c:6005]` already exists and is registered!'];
    assert.equal(cut[0].length, 80);
    assert.deepEqual(ids(analyze(cut)), ['1-2 gsmd.already-registered']);
    const quoted = ['Jan 22 21:49:50 mobiled: Data session setup attempt for PDN 0 failed with error ', '"Network failure"'];
    assert.equal(quoted[0].length, 80);
    assert.match(records(quoted)[0].message, /failed with error "Network failure"$/);
    assert.deepEqual(ids(analyze(quoted)), ['1-2 mobiled.pdn-setup-failed']);
  });

  it('continues a line without a clock (its stamp left off) that a terminal cut, and only where it was cut', () => {
    const line = 'daemon.notice netifd: provider (9858): comgt 12:02:15 -> Error @118, line 9, Could not write to COM device. (1)';
    const cut = line.match(/.{1,80}/g)!;
    assert.equal(cut[0].length, 80);
    assert.deepEqual(ids(analyze(cut)), ['1-2 comgt.com-write-failed']);
    // A line shorter than any terminal's width was not cut: the text after it is a line of its own.
    const short = ['daemon.notice netifd: provider (9858): comgt 12:02:15 -> Error @118, line 9,', 'Could not write to COM device. (1)'];
    assert.equal(records(short)[0].endLine, 1);
    assert.doesNotMatch(records(short)[0].message, /Could not/);
    // A record after a cut line is a record, not the cut line's rest.
    const next = [cut[0], 'daemon.err pppd[123]: Connect script failed'];
    assert.deepEqual(records(next).map((r) => r.tag), ['netifd', 'pppd']);
  });

  it('reads a device\'s line a wrap cut inside its stamp, after a capture\'s stamp or a syslog server\'s columns', () => {
    const loki = ['2024-12-02T19:55:05.000Z {host="router", job="syslog"} Mon Dec  2 19:55:05', '    2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!'];
    const kiwi = ['2024-12-02\t19:55:06\tDaemon.Info\t192.168.1.1\tDec  2 19:55:05', '    gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!'];
    for (const wrapped of [loki, kiwi]) {
      const [r] = records(wrapped);
      assert.equal(r.tag, 'gsmd', wrapped[0]);
      assert.equal(r.endLine, 2);
      assert.deepEqual(ids(analyze(wrapped)), ['1-2 gsmd.already-registered']);
    }
    assert.equal(records(kiwi)[0].host, '192.168.1.1');
  });

  it('reads a CSV row whose quoted message a wrap carried onto the next line, quotes undone', () => {
    const wrapped = ['"2024-12-02T19:55:05.000Z","router","info","gsmd","[__new_modem:767] error: [MODEM_MANAGER] Modem ""1-1', '[2c7c:6005]"" already exists and is registered!"'];
    const [r] = records(wrapped);
    assert.equal(r.tag, 'gsmd');
    assert.equal(r.message, '[__new_modem:767] error: [MODEM_MANAGER] Modem "1-1 [2c7c:6005]" already exists and is registered!');
    // The next row is a row of its own again.
    assert.equal(records([...wrapped, '"2024-12-02T19:55:06.000Z","router","info","netifd","Interface \'mob1s1a1\' is now down"']).length, 2);
  });
});

describe('leads before a table\'s rows and other whole lines', () => {
  const rows = [
    '"message","host","severity","program","@timestamp"',
    '"[__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!","router","info","gsmd","2024-12-02T19:55:05.000Z"',
  ];
  for (const [how, lead] of [['cat -n', (i: number) => `${String(i + 1).padStart(6)}\t`], ['a code block', () => '    '], ['a list', () => '- '], ['grep -n', (i: number) => `export.csv:${i + 1}:`]] as const) {
    it(`reads a headed CSV's rows after ${how}`, () => {
      const a = analyze(rows.map((r, i) => `${lead(i)}${r}`));
      assert.deepEqual(ids(a), ['2-2 gsmd.already-registered']);
      assert.equal(a.events[0].time, Date.UTC(2024, 11, 2, 19, 55, 5));
    });
  }

  it('reads a level word before a line after a pasted number, and a capture\'s time of day before a whole line in a code block', () => {
    assert.deepEqual(ids(analyze([`  12: [ERROR] ${REFUSED}`])), ['1-1 gsmd.already-registered']);
    assert.deepEqual(ids(analyze([`    [19:55:05.123] ${REFUSED}`])), ['1-1 gsmd.already-registered']);
    // An indented time of day before plain text is still wrapped text, not a record.
    const rs = records([REFUSED, '    19:55:06 and then nothing']);
    assert.equal(rs.length, 1);
  });
});

describe('clocks of pastes', () => {
  it('takes no step between a time of day alone and a date for a clock jump', () => {
    const a = analyze([REFUSED, '19:54:00 gsmd[3553]: [__read:10] debug: [CMM] read = 12']);
    assert.deepEqual(a.findings.filter((f) => f.code === 'clock-jump'), []);
  });

  it('tells kernel lines relayed by syslog listed newest first by their uptimes when their whole seconds hardly move', () => {
    // Twenty kernel lines within two seconds, newest first: one step of the wall clock, nineteen of the uptime.
    const lines = Array.from({ length: 20 }, (_, i) => {
      const k = 19 - i;
      return `Dec  2 19:55:0${k < 10 ? 5 : 6} router kernel: [  ${(466 + k * 0.05).toFixed(6)}] usb 1-1: usb ${k} status`;
    });
    const a = analyze(lines);
    assert.ok(a.notices.some((n) => /newest first/.test(n.message)), a.notices.map((n) => n.message).join('\n'));
    assert.deepEqual(a.findings.filter((f) => f.code === 'reboot'), []);
  });
});

describe('a CSV quote that never closes', () => {
  it('takes no more than a long message\'s lines, and ends at the next row', () => {
    const open = '"2024-12-02T19:55:05.000Z","router","info","gsmd","a message whose quote is never closed';
    const next = '"2024-12-02T19:55:06.000Z","router","info","netifd","Interface \'mob1s1a1\' is now down"';
    assert.deepEqual(records([open, 'its rest', next]).map((r) => [r.line, r.endLine]), [[1, 2], [3, 3]]);
    // A syslog line after many lines is a record again (within a quote it would be the quote's text).
    const prose = Array.from({ length: 60 }, (_, i) => `line ${i} of some text`);
    const rs = records([open, ...prose, 'Dec  2 19:55:07 router netifd: Interface \'mob1s1a1\' is now down']);
    assert.deepEqual(rs.map((r) => [r.line, r.tag]), [[1, 'gsmd'], [62, 'netifd']]);
  });
});
