import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A reconnect loop that ends with the modem gone: the story says so (a blind probe's brown-out
// loop ended with the kernel giving up on the port; its headline had only said "drops by itself").

const REF = Date.UTC(2024, 9, 10);
const k = (s: number, text: string): string => `[Tue Oct  8 14:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} 2024] ${text}`;

function loop(extra: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < 4; i++) {
    const t = 60 + i * 100;
    lines.push(k(t, `usb 1-1.4: USB disconnect, device number ${3 + i}`), k(t + 4, `usb 1-1.4: new high-speed USB device number ${4 + i} using xhci_hcd`), k(t + 4, 'option 1-1.4:1.2: GSM modem (1-port) converter detected'));
  }
  return [...lines, ...extra].join('\n') + '\n';
}

describe('a reconnect loop that ends with the modem gone', () => {
  it('the last drop, never back while the log goes on, is told in the summary and the steps', () => {
    const noise = Array.from({ length: 20 }, (_, i) => k(600 + i * 30, `wlan0: authenticated with station ${i}`));
    const a = analyzeText(loop([k(500, 'usb 1-1.4: USB disconnect, device number 8'), ...noise]), { referenceTime: REF });
    const story = a.episodes.find((e) => e.kind === 'reconnect-loop')!;
    assert.match(story.summary, /then it dropped once more at 14:08:20 and was gone for the rest of the log/);
    assert.ok(story.steps.some((s) => /left the bus again at 14:08:20 and did not come back: the log goes on without it/.test(s.text)));
    // One story: the loop's ending is not told again as a modem lost.
    assert.deepEqual(a.episodes.map((e) => e.kind), ['reconnect-loop']);
  });
  it('a loop whose modem came back the last time says nothing of the kind', () => {
    const a = analyzeText(loop([]), { referenceTime: REF });
    const story = a.episodes.find((e) => e.kind === 'reconnect-loop')!;
    assert.doesNotMatch(story.summary, /once more/);
  });
});

// A drop the log outlives by its own end (not its last catalogued line) is a modem lost, as the
// usb-gap finding counts it: a probe's laptop whose modem left, then two hours of other lines,
// had been told "the log ends before it comes back".
describe('a modem gone while the log goes on with lines of no catalogue entry', () => {
  it('is lost, not "the log ends"', () => {
    const noise = Array.from({ length: 20 }, (_, i) => k(600 + i * 60, `wlan0: authenticated with station ${i}`));
    const a = analyzeText([k(60, 'usb 1-1.4: new high-speed USB device number 3 using xhci_hcd'), k(61, 'option 1-1.4:1.2: GSM modem (1-port) converter detected'), k(400, 'usb 1-1.4: USB disconnect, device number 3'), ...noise].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), ['modem-lost:off-the-bus']);
  });
});

// A loop that ended long before the log did: the modem stayed on the bus (a blind probe's three
// drops in an hour, then four quiet hours, had been told as still dropping by itself, an error).
describe('a reconnect loop that stopped while the log went on', () => {
  const quiet = (from: number, minutes: number): string[] => Array.from({ length: minutes }, (_, i) => k(from + i * 60, `wlan0: authenticated with station ${i}`).replace(/14:(\d\d):/, (_, m) => `${String(14 + Math.floor((+m) / 60)).padStart(2, '0')}:${String(+m % 60).padStart(2, '0')}:`));
  it('is told as stopped (a warning), with how long the modem stayed, when the log goes on for three periods and 10 minutes after its last return', () => {
    const a = analyzeText(loop(quiet(700, 40)), { referenceTime: REF });
    const story = a.episodes.find((e) => e.kind === 'reconnect-loop')!;
    assert.equal(story.verdict, 'stopped');
    assert.equal(story.severity, 'warning');
    assert.match(story.summary, /came back 4 times, about every 1 min 40 s; then it stayed on the bus for the last 44 min 36 s of the log/);
    assert.ok(story.steps.some((s) => /came back for the last time at 14:06:04 and stayed on the bus: 44 min 36 s to the log's end/.test(s.text)));
  });
  it('is still dropping by itself when the log ends soon after its last return', () => {
    const a = analyzeText(loop(quiet(700, 3)), { referenceTime: REF });
    assert.equal(a.episodes.find((e) => e.kind === 'reconnect-loop')!.verdict, 'looping');
  });
});


// A modem the ID table does not know is named by the words its USB descriptor gives it (a blind
// probe's Sierra EM7455 under an ID of Lenovo's had been "the modem at USB 2-1").
describe('a modem whose ID the table does not know', () => {
  it('is named by its Product string, as its own words', () => {
    const lines: string[] = [];
    for (let i = 0; i < 4; i++) {
      const t = 60 + i * 100;
      lines.push(k(t, `usb 2-1: USB disconnect, device number ${3 + i}`), k(t + 4, `usb 2-1: new SuperSpeed USB device number ${4 + i} using xhci-hcd`), k(t + 4, 'usb 2-1: New USB device found, idVendor=1199, idProduct=9079, bcdDevice= 0.06'), k(t + 4, 'usb 2-1: Product: Sierra Wireless EM7455 Qualcomm Snapdragon X7 LTE-A'), k(t + 4, 'qcserial 2-1:1.2: Qualcomm USB modem converter detected'));
    }
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    const story = a.episodes.find((e) => e.kind === 'reconnect-loop')!;
    assert.match(story.summary, /^The modem \("Sierra Wireless EM7455 Qualcomm Snapdragon X7 LTE-A", as it names itself\) at USB 2-1 dropped off USB/);
  });
});
