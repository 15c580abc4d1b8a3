import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A connection check through the modem's own network device, in any program's words: its
// failures are a data stall (the link up, nothing passing), its answers the data back. Blind
// probes' watchdogs had had only their modem resets told, and a stall over was told not over.

const REF = Date.UTC(2025, 2, 28);
const at = (clock: string, rest: string): string => `Thu Mar 27 ${clock} 2025 user.warn lte: ${rest}`;
const data = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).episodes.filter((e) => e.kind === 'data-connection-problem');

describe('a connection check through the modem\'s device', () => {
  const failing = (dev: string) => [at('03:14:30', `ping 9.9.9.9 via ${dev} failed (1/3)`), at('03:15:00', `ping 9.9.9.9 via ${dev} failed (2/3)`), at('03:15:30', `ping -I ${dev} -c 3 9.9.9.9: 0/3 replies (3/3)`)];
  it('failing is a data stall, with the stall\'s advice; not over while it fails', () => {
    const told = data(failing('wwan0'));
    assert.equal(told.length, 1);
    assert.equal(told[0].verdict, 'unresolved');
    assert.ok(told[0].advice.some((a) => /data stall/.test(a)), told[0].advice.join(' | '));
  });
  it('answered again afterwards: recovered', () => {
    const told = data([...failing('wwan0'), at('03:15:48', 'ping 9.9.9.9 via wwan0: 3/3 replies, link recovered')]);
    assert.equal(told[0]?.verdict, 'recovered');
  });
  it('in other words (a check that failed via the device, the link via it recovered): the same stall, over', () => {
    const told = data([at('11:02:10', 'check failed via wwp0s20f0u3i12 (1 consecutive)'), at('11:03:10', 'check failed via wwp0s20f0u3i12 (2 consecutive)'), at('11:09:10', 'link via wwp0s20f0u3i12 recovered after 7 failed checks')]);
    assert.equal(told[0]?.verdict, 'recovered');
  });
  it('through the LAN or a wired WAN: nothing of the modem', () => {
    assert.deepEqual(data(failing('eth0')), []);
    assert.deepEqual(data(failing('br-lan')), []);
  });
});

// mwan3's own tracking checks: through the mobile interface, a stall from its first failure.
describe("mwan3's tracking checks", () => {
  const check = (clock: string, iface: string, dev: string, result: string) => `Tue Jul 16 ${clock} 2024 user.info mwan3track[2741]: Check (ping) ${result} for target "8.8.8.8" on interface ${iface} (${dev}). Current score: 4`;
  const run = (iface: string, dev: string) => [
    check('11:06:10', iface, dev, 'failed'), check('11:06:20', iface, dev, 'failed'), check('11:06:30', iface, dev, 'failed'),
    `Tue Jul 16 11:06:50 2024 user.notice mwan3track[2741]: Interface ${iface} (${dev}) is offline`,
    `Tue Jul 16 11:13:52 2024 user.notice mwan3track[2741]: Interface ${iface} (${dev}) is online`,
  ];
  it('failing through the mobile device: the stall starts at the first failed check, and is over when the interface is online again', () => {
    const told = analyzeText(run('wwan', 'wwan0').join('\n') + '\n', { referenceTime: Date.UTC(2024, 6, 17) }).episodes.filter((e) => e.kind === 'data-connection-problem');
    assert.equal(told.length, 1);
    assert.equal(told[0].verdict, 'recovered');
    assert.equal(told[0].startLine, 1);
  });
  it('through the wired WAN: no story', () => {
    assert.deepEqual(analyzeText(run('wan', 'eth0.2').join('\n') + '\n', { referenceTime: Date.UTC(2024, 6, 17) }).episodes, []);
  });
});
