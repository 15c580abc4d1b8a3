import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A burst of lines is one finding; its message says what the lines said, each distinct message
// once with its count. Lines alike but for a number that counts up (ModemManager's `timed out 2
// consecutive times`, 3, ... 9) are one message with the numbers' range, so the line that differs
// in words (`..., marking modem as invalid`) is not lost among them (a blind probe: it had been
// folded into "and 5 other messages").

const REF = Date.UTC(2024, 0, 8);
const line = (s: number, message: string): string => `Jan 08 22:${String(47 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} latitude ModemManager[905]: <wrn> [modem0] ${message}`;
const messageOf = (lines: string[]): string => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).findings.find((f) => f.code === 'modem-unresponsive')!.message;

describe('a burst\'s message', () => {
  it('gives a count that goes up as its range, and keeps the message that differs in words', () => {
    const lines = [];
    for (let n = 2; n <= 9; n++) lines.push(line((n - 2) * 10, `port cdc-wdm0 timed out ${n} consecutive times`));
    lines.push(line(80, 'port cdc-wdm0 timed out 10 consecutive times, marking modem as invalid'));
    const m = messageOf(lines);
    assert.match(m, /2 to 9 times in a row \(8 lines\)/);
    assert.match(m, /10 times in a row, marking modem as invalid/);
    assert.doesNotMatch(m, /other messages/);
  });

  it('counts the same message, and lists different ones each with its count', () => {
    const same = [0, 10, 20].map((s) => line(s, 'port ttyUSB2 timed out 3 consecutive times'));
    assert.match(messageOf(same), /3 times in a row \(3 times in 20 s\)$/);
    // Two ports: a number inside a name is the name's, not a count: two messages, each with its count.
    const two = [line(0, 'port ttyUSB2 timed out 3 consecutive times'), line(5, 'port ttyUSB3 timed out 3 consecutive times'), line(10, 'port ttyUSB2 timed out 3 consecutive times')];
    assert.match(messageOf(two), /ttyUSB2 3 times in a row \(2 times\); the modem did not answer on ttyUSB3 3 times in a row \(3 lines/);
  });
});
