import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, pickVariant } from '../server/src/core/catalogue/advice';
import { CATALOGUE } from '../server/src/core/catalogue/index';
import { deviceOfPort } from '../server/src/core/findings/usbHistory';
import { LineParser } from '../server/src/core/records/lineParser';
import { modemDropStory } from '../server/src/core/stories/entries/modemDrop';
import { DROP_CAUSES } from '../server/src/core/stories/modemDevice';

// A line just before a modem's drop that says what cut it off the bus (the host controller dying,
// the hub cutting its port's power for an over-current, the board's under-voltage) is told as the
// drop's likely cause, labelled a reading, with its advice (a blind probe: "what made it drop the
// log does not say" right after `usb 1-1-port2: over-current change #1` and `HC died`). Every
// catalogue sample of every entry carrying a cause's mark is tried.

const REF = Date.UTC(2024, 11, 4);
const parser = new LineParser({ referenceYear: 2024 });
const at = (uptime: number, message: string): string => `[${uptime.toFixed(6).padStart(12)}] ${message}`;

/** A modem at `path` that drops at 100 s and comes back at 110 s; `before` is logged at `when`. */
function dropAfter(path: string, before: string, when: number): string {
  return [
    at(20, `usb ${path}: new high-speed USB device number 2 using xhci-hcd`),
    at(20.1, `usb ${path}: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18`),
    at(20.2, `option ${path}:1.2: GSM modem (1-port) converter detected`),
    at(when, before),
    at(100, `usb ${path}: USB disconnect, device number 2`),
    at(110, `usb ${path}: new high-speed USB device number 3 using xhci-hcd`),
    at(110.1, `usb ${path}: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18`),
    at(110.2, `option ${path}:1.2: GSM modem (1-port) converter detected`),
    at(900, 'usb 3-1: new full-speed USB device number 4 using xhci-hcd'),
  ].sort((a, b) => Number(a.slice(1, 13)) - Number(b.slice(1, 13))).join('\n') + '\n';
}

for (const cause of DROP_CAUSES) {
  describe(`a drop after a line marked ${cause.mark}`, () => {
    const lines = CATALOGUE.filter((e) => e.story?.includes(cause.mark)).flatMap((e) => e.samples.map((s) => ({ id: e.id, sample: s })));
    it('the catalogue has lines to try', () => assert.ok(lines.length >= 1));
    for (const { id, sample } of lines) {
      const record = parser.parse(sample, 1);
      if (typeof record !== 'object') continue;
      const message = record.message.replace(/^\[\s*\d+\.\d+\]\s*/, '');
      const port = /\b((?:usb\d+|\d+-[\d.]+)-port\d+)\b/.exec(message)?.[1];
      const path = port ? deviceOfPort(port) : '1-1.2';
      it(`${id}: "${message.slice(0, 60)}" 2 s before: told as the cause, with its advice`, () => {
        const story = analyzeText(dropAfter(path, message, 98), { referenceTime: REF }).episodes.find((e) => e.kind === modemDropStory.id);
        assert.ok(story, 'a drop story');
        assert.ok(story.summary.includes(cause.head), story.summary);
        assert.ok(/an inference/.test(story.summary));
        assert.ok(story.advice.includes(pickVariant(ADVICE[cause.advice], 'linux')!.text), story.advice.join(' | '));
      });
      it(`${id}: a minute before, it explains nothing`, () => {
        const story = analyzeText(dropAfter(path, message, 40), { referenceTime: REF }).episodes.find((e) => e.kind === modemDropStory.id);
        assert.ok(story && !story.summary.includes(cause.head), story?.summary);
      });
    }
  });
}

describe("an over-current on another device's port is not the modem's", () => {
  it('usb 1-1-port3 before the drop of the modem at 1-1.2', () => {
    const story = analyzeText(dropAfter('1-1.2', 'usb 1-1-port3: over-current change #1', 98), { referenceTime: REF }).episodes.find((e) => e.kind === modemDropStory.id);
    assert.ok(story && /does not say/.test(story.summary), story?.summary);
  });
  it("a hub's port above the modem is its power too (1-1-port2 for the modem at 1-1.2.4)", () => {
    const story = analyzeText(dropAfter('1-1.2.4', 'usb 1-1-port2: over-current condition', 98), { referenceTime: REF }).episodes.find((e) => e.kind === modemDropStory.id);
    assert.ok(story && /over-current/.test(story.summary), story?.summary);
  });
});
