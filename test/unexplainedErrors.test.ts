import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A modem program's error the catalogue has no entry for (another firmware's wording, a rare
// message) is still shown: quoted, as what the line says, never explained
// (catalogue/entries/modemProgramErrors.ts). Lines an entry explains, warnings, and other
// programs' errors are not reported so.
const REF = Date.UTC(2024, 11, 4);
/** logread's stamp `s` seconds after 19:50:00 on 2 December 2024. */
const at = (s: number): string => {
  const d = new Date(Date.UTC(2024, 11, 2, 19, 50) + s * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `Mon Dec  2 ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} 2024`;
};
const codes = (text: string): string[] => analyzeText(text, { referenceTime: REF }).findings.map((f) => f.code);

describe("a modem program's error that no entry explains", () => {
  it('is one problem per burst, quoting each message with its count, at info level', () => {
    const a = analyzeText([
      `${at(0)} daemon.info gsmd[3553]: [sim_slot_set:412] error: Failed to set SIM slot 2`,
      `${at(10)} daemon.info gsmd[3553]: [sim_slot_set:412] error: Failed to set SIM slot 2`,
      `${at(20)} daemon.err mobifd[3612]: [gsm.modem0] Failed to apply band lock`,
    ].join('\n'), { referenceTime: REF });
    const f = a.findings.filter((x) => x.code === 'unexplained-modem-error');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
    assert.deepEqual([f[0].line, f[0].endLine, f[0].count], [1, 3, 3]);
    assert.match(f[0].message, /^gsmd logged an error: \[sim_slot_set:412\] error: Failed to set SIM slot 2 \(2 times\); mobifd logged an error: \[gsm\.modem0\] Failed to apply band lock \(3 lines in 20 s\)$/);
  });

  it('reads the level where each program writes it: its own word, ModemManager\'s <err>, the syslog priority, journald\'s PRIORITY', () => {
    assert.deepEqual(codes('Jun 06 13:45:46 jantar ModemManager[771]: <err> [modem0] could not load the carrier configuration'), ['unexplained-modem-error']);
    assert.deepEqual(codes(`${at(0)} daemon.crit dfota[812]: something broke`), ['unexplained-modem-error']);
    assert.deepEqual(codes('<27>1 2024-12-02T19:54:59.000Z router gsmd 3553 - - a new failure'), ['unexplained-modem-error']);
    assert.deepEqual(codes(JSON.stringify({ __REALTIME_TIMESTAMP: '1733169299000000', PRIORITY: '3', SYSLOG_IDENTIFIER: 'ModemManager', MESSAGE: 'a new failure' })), ['unexplained-modem-error']);
  });

  it("OpenWrt's ModemManager, which logs without a program: told by its own level and object", () => {
    const lines: string[] = [];
    for (let i = 0; i < 2500; i++) lines.push(`${at(i)} daemon.info [2656]: <info> [modem0] signal quality updated (${i % 60})`);
    lines.push(`${at(2500)} daemon.err [2656]: <err> [modem0] could not load the carrier configuration`, `${at(2501)} daemon.err [1999]: some other daemon without a program`);
    const text = lines.join('\n');
    const fast = analyzeText(text, { referenceTime: REF });
    assert.deepEqual(fast, analyzeText(text, { referenceTime: REF, fastLane: false }));
    const f = fast.findings.filter((x) => x.code === 'unexplained-modem-error');
    assert.deepEqual(f.map((x) => [x.line, x.message]), [[2501, 'ModemManager logged an error: could not load the carrier configuration']]);
  });

  it("ModemManager's <err> in a journal, past line 2,000: the same in both lanes", () => {
    const stamp = (i: number): string => `Jun 06 13:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const lines: string[] = [];
    for (let i = 0; i < 2500; i++) lines.push(`${stamp(i)} jantar ModemManager[771]: <info> [modem0] signal quality updated (${i % 60})`);
    lines.push(`${stamp(2500)} jantar ModemManager[771]: <err> [modem0] could not load the carrier configuration`);
    const text = lines.join('\n');
    const fast = analyzeText(text, { referenceTime: REF });
    assert.deepEqual(fast, analyzeText(text, { referenceTime: REF, fastLane: false }));
    assert.deepEqual(fast.findings.filter((x) => x.code === 'unexplained-modem-error').map((x) => x.line), [2501]);
  });

  it('finds the level in any header the fast lane reads: an application\'s level word, LuCI\'s priority, a host that only contains the letters', () => {
    const iso = (i: number): string => new Date(Date.UTC(2024, 11, 2, 19) + i * 1000).toISOString().replace('T', ' ').slice(0, 19);
    const shapes: ((i: number, level: string, text: string) => string)[] = [
      (i, level, text) => `${iso(i)} ${level === 'err' ? 'ERROR' : 'INFO'} gsmd[3553]: ${text}`,
      (i, level, text) => `[${new Date(Date.UTC(2024, 11, 2, 19) + i * 1000).toLocaleString('de-DE', { timeZone: 'UTC' })} MEZ] daemon.${level}: gsmd[3553]: ${text}`,
      (i, level, text) => `Dec  2 ${iso(i).slice(11)} raspberrypi gsmd[3553]: ${level === 'err' ? '[f:1] error: ' : ''}${text}`,
    ];
    for (const shape of shapes) {
      const lines: string[] = [];
      for (let i = 0; i < 2500; i++) lines.push(shape(i, 'info', `[at_signal_query:412] [AT] << +QCSQ: "LTE",-71,-93,217,${i % 50}`));
      lines.push(shape(2500, 'err', 'a failure not seen before'));
      const text = lines.join('\n');
      const fast = analyzeText(text, { referenceTime: REF });
      assert.deepEqual(fast, analyzeText(text, { referenceTime: REF, fastLane: false }), lines[0]);
      assert.deepEqual(fast.findings.filter((x) => x.code === 'unexplained-modem-error').map((x) => x.line), [2501], lines[2500]);
    }
  });

  it('is not told for a line an entry explains, a warning, or another program\'s error', () => {
    assert.ok(!codes(`${at(0)} daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to \`1-1 [2c7c:6005]\` modem failed: errno 5`).includes('unexplained-modem-error'));
    assert.deepEqual(codes(`${at(0)} daemon.info gsmd[3553]: [sim_slot_set:412] warning: Failed to set SIM slot 2`), []);
    assert.deepEqual(codes(`${at(0)} daemon.err dnsmasq[2170]: failed to bind DHCP server socket`), []);
    assert.deepEqual(codes(`${at(0)} daemon.err netifd: Interface 'lan' has failed for a new reason`), []);
  });

  it("is told for a program named for the modem on a stack the catalogue has no entries for, not for a name that only holds the letters", () => {
    assert.deepEqual(codes(`${at(0)} daemon.err gl_modem[2210]: AT port /dev/ttyUSB3 not ready`), ['unexplained-modem-error']);
    assert.deepEqual(codes('Dec  2 19:54:59 MikroTik lte,error lte1: failed to apply band setting'), ['unexplained-modem-error']);
    // A line whose words say what is wrong is told by them (catalogue/entries/modemWords.ts), not quoted.
    assert.deepEqual(codes('Dec  2 19:54:59 MikroTik lte,error lte1: modem not responding'), ['modem-unresponsive']);
    assert.deepEqual(codes(`${at(0)} daemon.err wwan-monitor[812]: no answer on cdc-wdm0`), ['unexplained-modem-error']);
    assert.deepEqual(codes(`${at(0)} daemon.err filter[2210]: rule failed`), []);
    assert.deepEqual(codes(`${at(0)} daemon.err usbmodem-probe[2210]: rule failed`), []);
    assert.deepEqual(codes(`${at(0)} daemon.info gl_modem[2210]: AT port /dev/ttyUSB3 ready`), []);
    // Both lanes, a busy log of such a program: its errors past line 2,000 are the parser's.
    const lines: string[] = [];
    for (let i = 0; i < 2600; i++) lines.push(`${at(i)} daemon.${i % 500 === 499 ? 'err' : 'info'} gl_modem[2210]: signal ${-70 - (i % 20)} dBm`);
    const text = lines.join('\n');
    const fast = analyzeText(text, { referenceTime: REF });
    assert.deepEqual(fast, analyzeText(text, { referenceTime: REF, fastLane: false }));
    assert.deepEqual(fast.events.map((e) => e.line), [500, 1000, 1500, 2000, 2500]);
  });

  it('is told the same by the fast lane and the full parser, past line 2,000 of a busy log', () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(`${at(i)} daemon.info gsmd[3553]: [at_signal_query:412] [AT] << +QCSQ: "LTE",-71,-93,217,-13`);
    lines.push(`${at(3000)} daemon.info gsmd[3553]: [sim_slot_set:412] error: Failed to set SIM slot 2`, `${at(3001)} daemon.err gsmd[3553]: [sim_slot_set:412] another one`);
    const text = lines.join('\n');
    const fast = analyzeText(text, { referenceTime: REF });
    assert.deepEqual(fast, analyzeText(text, { referenceTime: REF, fastLane: false }));
    assert.deepEqual(fast.findings.map((f) => [f.code, f.line]), [['unexplained-modem-error', 3001]]);
  });
});
