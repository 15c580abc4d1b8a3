import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// The modem's +CSQ (X110) around a data or registration trouble: a weak signal (rssi 9 or less)
// is told as a step, with the coverage's advice first. A blind probe's flapping PPP link under
// CSQ 2 to 6 had been told to check the APN.

const REF = Date.UTC(2024, 6, 1);
const at = (clock: string, text: string): string => `Tue Jun  4 ${clock} 2024 ${text}`;
const lines = (rssi: number, sig: (clock: string, rssi: number) => string): string[] => [
  sig('14:00:01', rssi),
  at('14:00:30', 'daemon.notice pppd[3101]: Connect: ppp0 <--> /dev/ttyUSB0'),
  at('14:02:10', 'daemon.info pppd[3101]: Modem hangup'),
  sig('14:05:01', rssi + 1),
  at('14:06:30', 'daemon.notice pppd[3130]: Connect: ppp0 <--> /dev/ttyUSB0'),
  at('14:08:10', 'daemon.info pppd[3130]: Modem hangup'),
];
const comgt = (clock: string, rssi: number): string => at(clock, `user.notice 3gsig: Signal Quality: ${rssi},99`);
const trace = (clock: string, rssi: number): string => at(clock, `daemon.debug modem-poll[900]: AT< +CSQ: ${rssi},99`);

describe('a weak signal around a data trouble', () => {
  for (const [name, sig] of [["comgt's Signal Quality", comgt], ['an AT trace', trace]] as const) {
    it(`${name}, rssi 3: a step with its dBm, and the coverage's advice first`, () => {
      const a = analyzeText(lines(3, sig).join('\n') + '\n', { referenceTime: REF });
      const story = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
      assert.ok(story.steps.some((s) => /weak signal around it \(2 readings of rssi 9 or less, the weakest 3: -107 dBm\)/.test(s.text)), story.steps.map((s) => s.text).join('\n'));
      assert.match(story.advice[0], /weak signal around the trouble/);
    });
    it(`${name}, rssi 3, the link up again at the end: still the coverage's advice`, () => {
      const back = [...lines(3, sig), at('14:09:30', 'daemon.notice pppd[3160]: Connect: ppp0 <--> /dev/ttyUSB0'), at('14:09:33', 'daemon.notice pppd[3160]: local  IP address 10.64.1.2')];
      const story = analyzeText(back.join('\n') + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === 'data-connection-problem')!;
      assert.equal(story.verdict, 'recovered');
      assert.match(story.advice[0] ?? '', /weak signal around the trouble/);
    });
    it(`${name}, rssi 20: nothing of the signal`, () => {
      const a = analyzeText(lines(20, sig).join('\n') + '\n', { referenceTime: REF });
      const story = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
      assert.ok(!story.steps.some((s) => /weak signal/.test(s.text)));
      assert.doesNotMatch(story.advice.join(' '), /weak signal/);
    });
  }
});

// rssi 99 is "not known or not detectable" (X110): no network the modem can measure, told apart
// from a weak one (a blind probe's 3G-only dongle after its operator's 3G shutdown, CSQ 99,99 for
// days, had been told to check its APN).
describe('no signal the modem can measure around a data trouble', () => {
  const noSignal = (clock: string): string => comgt(clock, 99);
  for (const [name, sig] of [["comgt's Signal Quality", noSignal], ['an AT trace', (clock: string) => trace(clock, 99)]] as const) {
    it(`${name}, rssi 99: a step of its own, and the coverage's advice for no signal first, not a weak signal's`, () => {
      const text = lines(0, sig).join('\n') + '\n';
      const a = analyzeText(text, { referenceTime: REF });
      const story = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
      assert.ok(story.steps.some((s) => /no signal it could measure around it \(2 readings of rssi 99, "not known or not detectable"\)/.test(s.text)), story.steps.map((s) => s.text).join('\n'));
      assert.ok(!story.steps.some((s) => /weak signal/.test(s.text)));
      assert.match(story.advice[0], /no signal it could measure around the trouble/);
      // No setting helps without a signal: the APN check waits.
      assert.ok(!story.advice.some((x) => /APN/.test(x)), story.advice.join(' | '));
    });
  }
  it('a modem reporting itself not registered and not searching (+CREG status 0) has a registration trouble', () => {
    const text = [at('09:31:10', 'user.notice sigmon: AT+CREG? -> +CREG: 0,0'), at('09:41:10', 'user.notice sigmon: AT+CREG? -> +CREG: 0,0')].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.ok(a.episodes.some((e) => e.kind === 'registration-problem' && e.verdict === 'unresolved'), JSON.stringify(a.episodes.map((e) => [e.kind, e.verdict])));
    // Registered within a minute after it: a modem starting up, a note.
    const brief = [at('09:31:10', 'user.notice sigmon: AT+CREG? -> +CREG: 0,0'), at('09:31:40', 'user.notice sigmon: AT+CREG? -> +CREG: 0,1')].join('\n') + '\n';
    assert.ok(!analyzeText(brief, { referenceTime: REF }).episodes.some((e) => e.kind === 'registration-problem'));
  });
});
