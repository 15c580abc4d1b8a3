import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { modemDropStory } from '../server/src/core/stories/entries/modemDrop';

// On a host of two modems, a story of the one that dropped says the other stayed on the bus (a
// blind probe's host read as if its only uplink had gone); when both dropped, it says no such thing.

const REF = Date.UTC(2024, 11, 4);
const k = (t: number, msg: string): string => `[${t.toFixed(6).padStart(12)}] ${msg}`;
const up = (t: number, path: string, id: string): string[] => [
  k(t, `usb ${path}: new high-speed USB device number 2 using xhci-hcd`),
  k(t + 0.1, `usb ${path}: New USB device found, idVendor=2c7c, idProduct=${id}, bcdDevice= 3.18`),
  k(t + 0.2, `option ${path}:1.2: GSM modem (1-port) converter detected`),
];
const dropAndBack = (t: number, path: string, id: string): string[] => [k(t, `usb ${path}: USB disconnect, device number 2`), ...up(t + 10, path, id)];
const story = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === modemDropStory.id);

describe('a host of two modems', () => {
  it('one drops: its story says the other stayed', () => {
    const s = story([...up(20, '1-1.1', '0125'), ...up(21, '1-1.2', '0306'), ...dropAndBack(100, '1-1.2', '0306'), k(900, 'usb 3-1: new full-speed USB device number 4 using xhci-hcd')]);
    assert.ok(s?.steps.some((st) => /Another modem, the modem \(Quectel EC25\/EG25\) at USB 1-1\.1, stayed on the bus throughout/.test(st.text)), s?.steps.map((st) => st.text).join(' | '));
  });
  it('both drop: no modem stayed', () => {
    const s = story([...up(20, '1-1.1', '0125'), ...up(21, '1-1.2', '0306'), ...dropAndBack(100, '1-1.2', '0306'), ...dropAndBack(200, '1-1.1', '0125'), k(900, 'usb 3-1: new full-speed USB device number 4 using xhci-hcd')]);
    assert.ok(s && !s.steps.some((st) => /Another modem/.test(st.text)));
  });
});

describe('a return after the system started again', () => {
  it('is said to be after the boot', () => {
    const s = story([
      ...up(20, '1-1.2', '0306'),
      k(100, 'usb 1-1.2: USB disconnect, device number 2'),
      k(0.0, 'Linux version 6.1.0-21-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.90-1 (2024-05-03)'),
      ...up(12, '1-1.2', '0306'),
      k(900, 'usb 3-1: new full-speed USB device number 4 using xhci-hcd'),
    ]);
    const step = s?.steps.find((st) => /left the USB bus/.test(st.text));
    assert.ok(step, s?.steps.map((st) => st.text).join(' | '));
    assert.match(step.text, /after the system started again \(line 5\)/);
  });
  it('a return in the same boot says nothing of one', () => {
    const s = story([...up(20, '1-1.2', '0306'), ...dropAndBack(100, '1-1.2', '0306'), k(900, 'usb 3-1: new full-speed USB device number 4 using xhci-hcd')]);
    assert.ok(s && !s.steps.some((st) => /started again/.test(st.text)));
  });
});
