import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A trouble over each time but coming again and again is told as coming back, with advice for what
// brings it back (a blind probe's PPP link hung up four times in eight minutes, redialled each
// time, and had been told "recovered", a note with no advice). Failures before a single success
// are not that: the last attempt worked.

const REF = Date.UTC(2024, 5, 1);
const at = (m: number, s: number, text: string): string => `May 21 16:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')} solarpi ${text}`;
const link = (m: number): string[] => [at(m, 0, 'pppd[712]: Connect: ppp0 <--> /dev/ttyUSB3'), at(m, 5, 'pppd[712]: local  IP address 100.70.9.88')];
const hangup = (m: number): string => at(m, 40, 'pppd[712]: Modem hangup');
const refused = (m: number): string => at(m, 40, 'ModemManager[744]: <warn>  [modem0] connection attempt #1 failed: Invalid APN');
const story = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === 'data-connection-problem');

describe('a trouble that keeps coming back', () => {
  it('four hang-ups, the link back after each: coming back, with advice for what drops it', () => {
    const s = story([...link(1), hangup(1), ...link(3), hangup(3), ...link(5), hangup(5), ...link(7), hangup(7), ...link(9)])!;
    assert.equal(s.verdict, 'recurring');
    assert.equal(s.severity, 'warning');
    assert.match(s.advice.join(' '), /its settings let it connect, so look at what drops it/);
  });
  it('two hang-ups, back after each: recovered, as before', () => {
    assert.equal(story([...link(1), hangup(1), ...link(3), hangup(3), ...link(5)])!.verdict, 'recovered');
  });
  it('four refused attempts, then one that works: recovered, not coming back', () => {
    const s = story([refused(1), refused(2), refused(3), refused(4), at(6, 0, 'ModemManager[744]: <info>  [modem0] state changed (connecting -> connected)')])!;
    assert.equal(s.verdict, 'recovered');
  });
});

// Two programs' lines of one drop are one time (a re-test probe read "4 times" for two drops:
// ModemManager's bearer lost and NetworkManager's device state, a second apart, each time).
describe('how many times a trouble came', () => {
  const drop = (m: number): string[] => [
    at(m, 10, 'ModemManager[744]: <info>  [modem0] state changed (connected -> registered)'),
    at(m, 11, "NetworkManager[700]: <info>  [1716300000.0000] device (cdc-wdm0): state change: activated -> failed (reason 'modem-no-carrier', sys-iface-state: 'managed')"),
  ];
  it("counts two programs' lines of one drop once", () => {
    const s = story([...drop(1), ...drop(5)])!;
    assert.match(s.summary, /went down 2 times \(\d+ lines\)/);
  });

  it("tells drops of two programs' lines each, the connection back after each, as coming back", () => {
    const back = (m: number): string => at(m, 40, 'ModemManager[744]: <info>  [modem0] state changed (connecting -> connected)');
    const s = story([back(0), ...drop(1), back(1), ...drop(5), back(5), ...drop(9), back(9)])!;
    assert.equal(s.verdict, 'recurring');
    assert.match(s.why, /3 times/);
    assert.match(s.advice.join(' '), /look at what drops it/);
  });
});

// A trouble that a restart of the whole system ended is not one the modem got over: the story says
// the restart came between, and keeps the advice for the trouble (a blind probe's hung modem, back
// only after the watchdog daemon rebooted the Pi, had been told "recovered" with no advice).
describe('a trouble over only after the system restarted', () => {
  const hang = [
    'Dec  6 03:12:52 pi ModemManager[512]: <warn>  [modem0] port ttyUSB2 timed out 2 consecutive times',
    'Dec  6 03:14:28 pi ModemManager[512]: <error> [modem0] port ttyUSB2 timed out 10 consecutive times, marking modem as invalid',
  ];
  const boot = ['Dec  6 03:24:31 pi kernel: [    0.000000] Booting Linux on physical CPU 0x0', 'Dec  6 03:24:31 pi kernel: [    0.000000] Linux version 6.1.21-v8+ (dom@buildbot) (gcc 8.4.0) #1642 SMP PREEMPT Mon Apr  3 17:24:16 BST 2023'];
  const back = ['Dec  6 03:24:52 pi ModemManager[498]: <info>  [modem0] state changed (connecting -> connected)'];
  const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2026, 11, 7) }).episodes.find((e) => e.kind === 'modem-unresponsive')!;
  it('says the restart came between, and keeps the advice', () => {
    const s = tell([...hang, ...boot, ...back]);
    assert.equal(s.verdict, 'recovered');
    assert.match(s.why, /the system restarting after it/);
    assert.ok(s.steps.some((x) => /The system restarted .*over only after it/.test(x.text)));
    assert.ok(s.advice.length > 0);
  });
  it('reads ModemManager\'s AT commands that got no answer as the modem not answering', () => {
    const serial = ['Dec  6 03:12:52 pi ModemManager[512]: <warn>  [modem0] couldn\'t load signal quality: Serial command timed out', 'Dec  6 03:14:28 pi ModemManager[512]: <warn>  [modem0] couldn\'t refresh access technologies: Serial command timed out'];
    const s = tell([...serial, ...boot, ...back]);
    assert.ok(s.steps.some((x) => /The system restarted/.test(x.text)));
  });
  it('names what restarted the system when a line before the restart says so', () => {
    const watchdog = "Dec  6 03:24:11 pi watchdog[389]: shutting down the system because of error 101 = 'Network is unreachable'";
    const s = tell([...hang, watchdog, ...boot, ...back]);
    assert.ok(s.steps.some((x) => /The system restarted .*after "shutting down the system because of error 101/.test(x.text)));
    assert.ok(s.evidence.includes(3));
    // OpenWrt's init starting an orderly shutdown: asked for, not a crash.
    const procd = tell([...hang, 'Dec  6 03:24:11 pi procd: - shutdown -', ...boot, ...back]);
    assert.ok(procd.steps.some((x) => /The system restarted .*after "- shutdown -"/.test(x.text)));
  });
  it('reads journalctl\'s line between two boots as the restart (a unit\'s own journal holds no kernel line)', () => {
    for (const separator of ['-- Boot 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d --', '-- Reboot --']) {
      const s = tell([...hang, separator, ...back]);
      assert.ok(s.steps.some((x) => /The system restarted/.test(x.text)), separator);
    }
  });
  it('over without a restart: no such step, and no advice but what lasts', () => {
    const s = tell([...hang, ...back]);
    assert.equal(s.verdict, 'recovered');
    assert.ok(!s.steps.some((x) => /The system restarted/.test(x.text)));
    assert.deepEqual(s.advice, []);
  });
});


// A modem manager that started again between the trouble and its end ended it, as a system's restart
// does (a blind probe's modem, marked invalid by ModemManager and back only after an admin's
// `sudo systemctl restart ModemManager`, had been told "recovered" as if by itself).
describe('a trouble over only after its modem manager restarted', () => {
  const hang = [
    'Mar 01 00:01:13 lte-box ModemManager[552]: <wrn> [modem0] port cdc-wdm0 timed out 9 consecutive times',
    'Mar 01 00:01:33 lte-box ModemManager[552]: <err> [modem0] port cdc-wdm0 timed out 10 consecutive times, marking modem as invalid',
  ];
  const sudo = 'Mar 01 00:13:55 lte-box sudo[8930]:    admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/systemctl restart ModemManager';
  const start = ['Mar 01 00:13:56 lte-box ModemManager[8941]: <msg> ModemManager (version 1.20.4) starting in system bus...', 'Mar 01 00:13:57 lte-box systemd[1]: Started ModemManager.service - Modem Manager.'];
  const back = 'Mar 01 00:14:08 lte-box ModemManager[8941]: <msg> [modem0] state changed (connecting -> connected)';
  const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2026, 11, 7) }).episodes.find((e) => e.kind === 'modem-unresponsive')!;
  it('names the restart and who asked for it, and keeps the advice', () => {
    const s = tell([...hang, sudo, ...start, back]);
    assert.equal(s.verdict, 'recovered');
    assert.match(s.why, /its modem manager restarting after it/);
    const step = s.steps.find((x) => /The modem manager started again/.test(x.text));
    assert.ok(step, s.steps.map((x) => x.text).join('\n'));
    assert.match(step.text, /after "admin : TTY=pts\/0 ; .*COMMAND=\/usr\/bin\/systemctl restart ModemManager" at 00:13:55: the trouble was over only after it/);
    assert.ok(s.evidence.includes(3), 'the command is evidence');
    assert.ok(s.advice.length > 0);
  });
  it('a restart nobody is seen asking for is still told, without a cause', () => {
    const s = tell([...hang, ...start, back]);
    const step = s.steps.find((x) => /The modem manager started again/.test(x.text))!;
    assert.ok(step && !/after "/.test(step.text));
  });
  it('a command restarting another program is no cause', () => {
    const s = tell([...hang, sudo.replace('ModemManager', 'NetworkManager'), ...start, back]);
    assert.ok(!s.steps.some((x) => /NetworkManager"/.test(x.text)));
  });
});

describe("ModemManager's bearer that could not connect", () => {
  it('is a data connection trouble (its simple connect, at the debug level)', () => {
    const a = analyzeText(["Dec 07 09:12:40 pi ModemManager[612]: <dbg> [modem0] couldn't connect bearer: QMI protocol error (14): 'CallFailed'", "Dec 07 09:13:10 pi ModemManager[612]: <dbg> [modem0] couldn't connect bearer: QMI protocol error (14): 'CallFailed'"].join('\n') + '\n', { referenceTime: Date.UTC(2026, 11, 31) });
    const s = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
    assert.ok(s, a.episodes.map((e) => e.kind).join());
    assert.match(s.steps[0].text, /the data bearer could not connect: QMI protocol error \(14\): 'CallFailed'/);
  });
});
