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
    it(`${name}, rssi 20: nothing of the signal`, () => {
      const a = analyzeText(lines(20, sig).join('\n') + '\n', { referenceTime: REF });
      const story = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
      assert.ok(!story.steps.some((s) => /weak signal/.test(s.text)));
      assert.doesNotMatch(story.advice.join(' '), /weak signal/);
    });
  }
});
