import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A dual-SIM RutOS router moves its data to the other SIM (a schedule, a failover, a data limit):
// SIM 1's interface goes down and the same modem's SIM 2 interface comes up seconds later. That is
// a switch, not an outage (a blind probe's scheduled 08:00/20:00 switch was told as a data
// connection problem lasting twelve hours). netifd's `has lost the connection` is a real loss.

const REF = Date.UTC(2024, 11, 4);
const at = (clock: string, rest: string) => `Wed Dec  4 ${clock} 2024 daemon.notice netifd: ${rest}`;
const noise = (clock: string) => `Wed Dec  4 ${clock} 2024 daemon.info dnsmasq[1920]: read /etc/hosts - 4 names`;
const dataStories = (text: string) => analyzeText(text, { referenceTime: REF }).episodes.filter((e) => e.kind === 'data-connection-problem');
const downs = (text: string) => analyzeText(text, { referenceTime: REF }).findings.filter((f) => f.code === 'interface-down');

/** SIM `from`'s interface down at `clock`, SIM `to`'s up `after` seconds later. */
function switchAt(clock: string, from: number, to: number, upClock: string): string[] {
  return [at(clock, `Interface 'mob1s${from}a1' is now down`), at(clock, `Interface 'mob1s${from}a1_4' is now down`), at(upClock, `Interface 'mob1s${to}a1' is setting up now`), at(upClock, `Interface 'mob1s${to}a1' is now up`)];
}

describe('a SIM switch', () => {
  it('to the same modem\'s other SIM and back is no data connection problem, and its downs are notes', () => {
    const text = [noise('07:59:00'), ...switchAt('08:00:00', 1, 2, '08:00:20'), noise('12:00:00'), ...switchAt('20:00:00', 2, 1, '20:00:19'), noise('21:00:00')].join('\n');
    assert.deepEqual(dataStories(text), []);
    const found = downs(text);
    assert.ok(found.length > 0 && found.every((f) => f.severity === 'info' && /other SIM within (20|19) s/.test(f.message)), JSON.stringify(found.map((f) => [f.severity, f.message])));
  });

  it('is no switch when the other SIM comes up long after, or another modem\'s interface does', () => {
    const late = [noise('07:59:00'), ...switchAt('08:00:00', 1, 2, '08:30:00'), noise('09:00:00')].join('\n');
    assert.ok(downs(late).some((f) => f.severity === 'warning'));
    assert.equal(dataStories(late).length, 1);
    const otherModem = [noise('07:59:00'), at('08:00:00', "Interface 'mob1s1a1' is now down"), at('08:00:20', "Interface 'mob2s2a1' is now up"), noise('09:00:00')].join('\n');
    assert.ok(downs(otherModem).some((f) => f.severity === 'warning'));
  });
});

describe('a SIM switch after failures', () => {
  it('leaves the failures before it trouble: only the interface\'s last loss before the other SIM came up is the switch', () => {
    const tries = ['07:30:24', '07:30:58', '07:31:31'].flatMap((clock, i) => [at(clock, "Interface 'mob1s1a1' is setting up now"), at(clock, "Interface 'mob1s1a1' is now down"), ...(i < 2 ? [noise(clock)] : [])]);
    const text = [noise('07:30:00'), ...tries, at('07:32:15', "Interface 'mob1s2a1' is now up"), noise('07:40:00')].join('\n');
    const found = downs(text);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning', 'info']);
    const stories = dataStories(text);
    assert.equal(stories.length, 1);
    assert.ok(stories[0].steps.some((s) => /connected on another SIM/.test(s.text)));
  });
});

describe('an OpenWrt interface a modem protocol script names', () => {
  const owrt = (clock: string, rest: string) => `Fri Mar  8 ${clock} 2024 daemon.notice netifd: ${rest}`;
  const losses = (iface: string, qmi: boolean) =>
    ['16', '22', '33', '41'].flatMap((m) => [
      owrt(`02:${m}:44`, `Interface '${iface}' has lost the connection`),
      owrt(`02:${m}:45`, `Interface '${iface}' is setting up now`),
      ...(qmi ? [owrt(`02:${m}:46`, `${iface} (44${m}): Waiting for SIM initialization`), owrt(`02:${m}:52`, `${iface} (44${m}): Starting network ${iface}`)] : []),
      owrt(`02:${m}:59`, `Interface '${iface}' is now up`),
    ]);
  it('is the modem\'s, whatever its name: its losses again and again are a data problem that keeps coming back', () => {
    const stories = dataStories([noise('02:10:00'), ...losses('wwan', true)].join('\n'));
    assert.equal(stories.length, 1);
    assert.equal(stories[0].verdict, 'recurring');
  });
  it('is not when no modem script names it (a PPPoE WAN losing its link): no story', () => {
    assert.deepEqual(dataStories([noise('02:10:00'), ...losses('wan', false)].join('\n')), []);
  });
  // OpenWrt's 3g protocol: pppd over the modem's serial port, on the device `3g-<interface>`; pppd's
  // own `Connect:` line, the one that names the port, was before the paste began.
  const deviceDown = (device: string, iface: string) => [owrt('09:14:22', `Network device '${device}' link is down`), owrt('09:14:22', `Interface '${iface}' has lost the connection`), owrt('09:14:31', `Interface '${iface}' is now up`)];
  it('is the modem\'s when its device is the 3g protocol\'s (`3g-lte`): one loss is a data connection problem, and it recovered', () => {
    const stories = dataStories([noise('09:00:00'), ...deviceDown('3g-lte', 'lte'), noise('09:30:00')].join('\n'));
    assert.equal(stories.length, 1);
    assert.equal(stories[0].verdict, 'recovered');
    assert.ok(downs([noise('09:00:00'), ...deviceDown('3g-lte', 'lte')].join('\n')).every((f) => f.severity === 'warning'));
  });
  it('is not when the device is another protocol\'s (`pppoe-wan`) or another interface\'s `3g-` device', () => {
    assert.deepEqual(dataStories([noise('09:00:00'), ...deviceDown('pppoe-wan', 'wan'), noise('09:30:00')].join('\n')), []);
    const other = [noise('09:00:00'), owrt('09:10:00', "Network device '3g-lte' link is up"), ...deviceDown('eth1', 'wan'), noise('09:30:00')].join('\n');
    assert.deepEqual(dataStories(other), []);
  });
});

describe('netifd\'s "has lost the connection"', () => {
  it('on a RutOS mobile interface again and again is a data connection problem that keeps coming back', () => {
    const lines = [noise('02:10:00')];
    for (const m of ['16', '22', '33', '41']) {
      lines.push(at(`02:${m}:44`, "Interface 'mob1s1a1' has lost the connection"), at(`02:${m}:45`, "Interface 'mob1s1a1' is setting up now"), at(`02:${m}:59`, "Interface 'mob1s1a1' is now up"));
    }
    const stories = dataStories(lines.join('\n'));
    assert.equal(stories.length, 1);
    assert.equal(stories[0].verdict, 'recurring');
  });
});

describe('a connection that dropped again and again and was not back at the end', () => {
  // Up between its drops: the settings let it connect, so the advice is what drops it, not the APN.
  const advice = (lines: string[]) => dataStories([noise('07:59:00'), ...lines, noise('09:00:00')].join('\n'))[0]?.advice ?? [];
  it('came up between its drops (SIM 1 before the failover to SIM 2): what drops it, not the APN', () => {
    const told = advice([
      at('08:02:10', "Interface 'mob1s1a1' has lost the connection"), at('08:02:40', "Interface 'mob1s1a1' is now up"),
      at('08:09:10', "Interface 'mob1s1a1' has lost the connection"), at('08:09:45', "Interface 'mob1s1a1' is now up"),
      at('08:15:30', "Interface 'mob1s1a1' has lost the connection"), at('08:15:31', "Interface 'mob1s1a1' is now down"),
      at('08:16:20', "Interface 'mob1s2a1' is now up"),
    ]);
    assert.ok(told.some((a) => /look at what drops it/.test(a)), told.join(' | '));
    assert.ok(!told.some((a) => /APN/.test(a)), told.join(' | '));
  });
  it('never came up: the settings are still the advice', () => {
    const told = advice([at('08:02:10', "Interface 'mob1s1a1' is now down"), at('08:09:10', "Interface 'mob1s1a1' is now down"), at('08:15:30', "Interface 'mob1s1a1' is now down")]);
    assert.ok(told.some((a) => /APN/.test(a)), told.join(' | '));
  });
});
