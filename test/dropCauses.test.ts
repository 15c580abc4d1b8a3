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

// (A cause given by a finding's code, not a mark, is tried in its programs' own logs below.)
for (const cause of DROP_CAUSES.filter((c) => c.mark !== undefined)) {
  describe(`a drop after a line marked ${cause.mark}`, () => {
    const lines = CATALOGUE.filter((e) => e.story?.includes(cause.mark!)).flatMap((e) => e.samples.map((s) => ({ id: e.id, sample: s })));
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

// The modem stopped answering its manager, then left the bus and came back (DROP_CAUSES' code
// cause): one story, the hang told as what came before the drop (a blind probe's RUT240 had it
// told as two, the drop's with hardware advice).
describe('a drop just after the modem stopped answering its manager', () => {
  const rut = (clock: string, text: string) => `Tue Jan 14 ${clock} 2025 ${text}`;
  const gsmd = (clock: string, text: string) => rut(clock, `daemon.info gsmd[1893]: ${text}`);
  const kern = (clock: string, up: number, text: string) => rut(clock, `kern.info kernel: [${up.toFixed(6).padStart(13)}] ${text}`);
  const drop = (hangAt: string, goneAt: string): string[] => [
    rut('03:20:00', "daemon.notice netifd: Interface 'mob1s1a1' is now up"),
    gsmd(hangAt, '[__check_timeout:401] error: [MODEM_MANAGER] Multiple request to the modem timeouted, modem may be unresponsive'),
    gsmd(hangAt, '[__trigger_hang:1105] error: [MODEM] Modem `1-1 [2c7c:0125]` is not responsive!'),
    rut(hangAt, "daemon.notice netifd: Interface 'mob1s1a1' is now down"),
    kern(goneAt, 432512.12, 'usb 1-1: USB disconnect, device number 4'),
    kern(goneAt, 432512.19, 'option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0'),
    gsmd(goneAt, '[__write:1300] warning: [CMM] Write to `1-1 [2c7c:0125]` modem failed: errno 5'),
    kern('03:23:24', 432521.41, 'usb 1-1: new high-speed USB device number 5 using ehci-platform'),
    kern('03:23:24', 432521.6, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
    kern('03:23:25', 432522.1, 'option 1-1:1.2: GSM modem (1-port) converter detected'),
    rut('03:23:51', "daemon.notice netifd: Interface 'mob1s1a1' is now up"),
  ];
  const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2025, 0, 20) });

  it('3 s before the drop: one story, the drop, its cause the hang, with its advice and not the hardware route', () => {
    const a = tell(drop('03:23:12', '03:23:15'));
    assert.deepEqual(a.episodes.map((e) => e.kind), [modemDropStory.id]);
    const story = a.episodes[0];
    assert.match(story.summary, /stopped answering its manager just before it/);
    assert.match(story.summary, /an inference/);
    assert.ok(story.evidence.includes(2) && story.evidence.includes(3), `the hang's lines are the story's: ${story.evidence}`);
    assert.ok(story.advice.some((t) => /hung/.test(t)), story.advice.join(' | '));
    assert.ok(!story.advice.some((t) => /treat a modem that keeps dropping off USB as hardware/.test(t)), story.advice.join(' | '));
  });

  it('a hang two minutes before the drop explains nothing: two stories', () => {
    const a = tell(drop('03:21:10', '03:23:15'));
    const story = a.episodes.find((e) => e.kind === modemDropStory.id)!;
    assert.match(story.summary, /does not say/);
    assert.ok(a.episodes.some((e) => e.kind === 'modem-unresponsive'), a.episodes.map((e) => e.kind).join());
  });
});
