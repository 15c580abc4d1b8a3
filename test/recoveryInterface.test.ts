import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A line that shows a data connection problem over must name the interface that was in trouble
// when it names one (a blind probe: another SIM's `mob1s2a1` coming up had been told as SIM1's
// `mob1s1a1` back, and `lan` coming up after a reboot as mobile data back).

const REF = Date.UTC(2025, 2, 10);
const at = (clock: string, body: string): string => `Mon Mar 10 ${clock} 2025 ${body}`;
const failing = (iface: string): string[] => [
  at('08:10:49', `daemon.notice netifd: ${iface} (2310): Command failed: Request timed out`),
  at('08:11:20', `daemon.notice netifd: ${iface} (2388): Command failed: Request timed out`),
];
const storyOf = (lines: string[]): string => {
  const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
  return a.episodes.map((e) => `${e.kind}:${e.verdict}`).join(' ');
};
const up = (iface: string): string => at('08:13:27', `daemon.notice netifd: Interface '${iface}' is now up`);

describe('the line that shows a data connection back', () => {
  it('names the interface in trouble, or its IPv4 / IPv6 alias', () => {
    for (const [iface, back] of [['mob1s1a1', 'mob1s1a1'], ['mob1s1a1', 'mob1s1a1_4'], ['wan', 'wan_6'], ['wan_4', 'wan']]) {
      assert.equal(storyOf([...failing(iface), up(back)]), 'data-connection-problem:recovered', `${iface} then ${back}`);
    }
  });

  it('is not another interface coming up: another SIM\'s, the LAN', () => {
    for (const [iface, other] of [['mob1s1a1', 'mob1s2a1'], ['mob1s1a1', 'lan'], ['wwan', 'wan']]) {
      assert.equal(storyOf([...failing(iface), up(other)]), 'data-connection-problem:unresolved', `${iface} then ${other}`);
    }
  });

  it("the same modem on its other SIM is told as the router's switch, not as the trouble over", () => {
    const a = analyzeText([...failing('mob1s1a1'), up('mob1s2a1')].join('\n') + '\n', { referenceTime: REF });
    const story = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
    assert.equal(story.verdict, 'unresolved');
    assert.ok(story.steps.some((x) => /connected on another SIM at 08:13:27: "Interface 'mob1s2a1' is now up"/.test(x.text)), story.steps.map((x) => x.text).join('\n'));
    const otherModem = analyzeText([...failing('mob1s1a1'), up('mob2s1a1')].join('\n') + '\n', { referenceTime: REF });
    assert.ok(!otherModem.episodes[0].steps.some((x) => /another SIM/.test(x.text)));
  });

  it('reads failover tracking: a mobile interface offline is mobile data down, online again its return', () => {
    const track = (clock: string, iface: string, dev: string, state: string): string => at(clock, `user.notice mwan3track[5012]: Interface ${iface} (${dev}) is ${state}`);
    // RutOS's mob1s1a1, or any interface on a WWAN network device: mobile.
    for (const [iface, dev] of [['mob1s1a1', 'qmimux0'], ['5G', 'wwan0'], ['lte', 'wwan1']]) {
      assert.equal(storyOf([track('08:10:00', iface, dev, 'offline')]), 'data-connection-problem:unresolved', `${iface} (${dev})`);
      assert.equal(storyOf([track('08:10:00', iface, dev, 'offline'), track('08:16:30', iface, dev, 'online')]), 'data-connection-problem:recovered', `${iface} (${dev}) back`);
      assert.equal(storyOf([track('08:10:00', iface, dev, 'offline'), track('08:16:30', 'wan', 'eth0.2', 'online')]), 'data-connection-problem:unresolved', `${iface} (${dev}), then the wired WAN`);
    }
    // A wired WAN's failover is no modem's.
    assert.equal(storyOf([track('08:10:00', 'wan', 'eth0.2', 'offline')]), '');
  });
  it('when the trouble\'s lines name no interface, a RutOS mobile interface coming up shows it over; the LAN does not', () => {
    // gsmd declaring the modem unresponsive names a modem, not an interface (a blind probe's modem came back after a power cycle).
    const stuck = at('08:10:00', 'daemon.info gsmd[2701]: [__trigger_hang:412] error: [MODEM] Modem `1-1 [2c7c:6005]` is not responsive!');
    const told = (lines: string[]): string => storyOf(lines).split(' ').filter((s) => s.startsWith('modem-unresponsive:')).join(' ');
    assert.equal(told([stuck, up('mob1s1a1')]), 'modem-unresponsive:recovered');
    assert.equal(told([stuck, up('lan')]), 'modem-unresponsive:unresolved');
  });
});
