import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { modemDropStory } from '../server/src/core/stories/entries/modemDrop';
import { modemLostStory } from '../server/src/core/stories/entries/modemLost';

// A device that comes back on the modem's port is the modem only if the log lets it be: an ID the
// table knows as no modem's that nothing of a modem's takes (no modem driver, no serial port, no
// network interface) is another device, and the modem is lost (a blind probe: a crashed modem back
// as 05c6:900e `QUSB__BULK` had been told "came back 2 s later").

const REF = Date.UTC(2024, 11, 4);
const k = (t: number, msg: string): string => `[${t.toFixed(6).padStart(12)}] ${msg}`;
const before = [
  k(20, 'usb 1-1: new high-speed USB device number 2 using xhci-hcd'),
  k(20.1, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  k(20.2, 'option 1-1:1.2: GSM modem (1-port) converter detected'),
  k(20.3, 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB2'),
  k(100, 'usb 1-1: USB disconnect, device number 2'),
  k(100.1, 'option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2'),
  k(102, 'usb 1-1: new high-speed USB device number 3 using xhci-hcd'),
];
const stories = (lines: string[]): string[] => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).episodes.map((e) => `${e.kind}:${e.verdict}`);
const later = k(1200, 'usb 3-1: new full-speed USB device number 4 using xhci-hcd');

describe('what came back on the modem\'s port', () => {
  it('an ID no modem has, with nothing of a modem\'s, and the log goes on: the modem is lost', () => {
    const told = stories([...before, k(102.1, 'usb 1-1: New USB device found, idVendor=05c6, idProduct=900e, bcdDevice= 0.00'), k(102.2, 'usb 1-1: Product: QUSB__BULK'), later]);
    assert.ok(told.includes(`${modemLostStory.id}:off-the-bus`), told.join(', '));
    assert.ok(!told.some((s) => s.startsWith(`${modemDropStory.id}:`)), told.join(', '));
  });
  it('the modem\'s own ID: it came back', () => {
    const told = stories([...before, k(102.1, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'), later]);
    assert.deepEqual(told, [`${modemDropStory.id}:came-back`]);
  });
  it('an unknown ID that a modem driver takes: it came back', () => {
    const told = stories([...before, k(102.1, 'usb 1-1: New USB device found, idVendor=1e0e, idProduct=9001, bcdDevice= 2.32'), k(102.3, 'option 1-1:1.2: GSM modem (1-port) converter detected'), later]);
    assert.deepEqual(told, [`${modemDropStory.id}:came-back`]);
  });
  it('its install mode first (a virtual CD-ROM), then switched to a modem again: it came back, with no change of composition', () => {
    // A blind probe's Huawei stick, reset once: back as 12d1:1f01 (usb-storage), switched by
    // usb_modeswitch to 12d1:14dc with cdc_ether 4 s later. It had been told "Modem lost".
    const hilink = [
      k(20, 'usb 1-2: new high-speed USB device number 5 using xhci_hcd'),
      k(20.1, 'usb 1-2: New USB device found, idVendor=12d1, idProduct=14dc, bcdDevice= 1.02'),
      k(20.2, "cdc_ether 1-2:1.0 eth1: register 'cdc_ether' at usb-0000:00:14.0-2, CDC Ethernet Device, 0c:5b:8f:27:9a:64"),
      k(100, 'usb 1-2: USB disconnect, device number 5'),
      k(100.1, "cdc_ether 1-2:1.0 eth1: unregister 'cdc_ether' usb-0000:00:14.0-2, CDC Ethernet Device"),
      k(112, 'usb 1-2: new high-speed USB device number 6 using xhci_hcd'),
      k(112.1, 'usb 1-2: New USB device found, idVendor=12d1, idProduct=1f01, bcdDevice= 1.02'),
      k(112.2, 'usb-storage 1-2:1.0: USB Mass Storage device detected'),
      k(115, 'usb 1-2: USB disconnect, device number 6'),
      k(116, 'usb 1-2: new high-speed USB device number 7 using xhci_hcd'),
      k(116.1, 'usb 1-2: New USB device found, idVendor=12d1, idProduct=14dc, bcdDevice= 1.02'),
      k(116.2, "cdc_ether 1-2:1.0 eth1: register 'cdc_ether' at usb-0000:00:14.0-2, CDC Ethernet Device, 0c:5b:8f:27:9a:64"),
      later,
    ];
    const a = analyzeText(hilink.join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), [`${modemDropStory.id}:came-back`]);
    assert.deepEqual(a.findings.filter((f) => f.code === 'usb-composition-change'), []);
    // Back as a modem when the switch brought it back, not at its install mode's return.
    assert.ok(a.episodes[0].steps.some((s) => /came back in its install mode .* switched to its modem mode at uptime 116 s/.test(s.text)), a.episodes[0].steps.map((s) => s.text).join(' | '));
  });
  it('the story and the finding measure the time without it to the log\'s end, not to its last catalogued line', () => {
    // A blind probe's story said 30 min 18 s where its finding said 37 min 26 s.
    const gone = [...before.slice(0, 6), later, k(3000, 'random: crng reseeded on system resumption')];
    const a = analyzeText(gone.join('\n') + '\n', { referenceTime: REF });
    const lost = a.episodes.find((e) => e.kind === modemLostStory.id);
    assert.match(lost?.summary ?? '', /goes on for 48 min 20 s without it/);
    assert.match(a.findings.find((f) => f.code === 'usb-gap')?.message ?? '', /goes on for 48 min 20 s without it/);
  });
  it('the log ends just after the return: it cannot tell, so it came back', () => {
    const told = stories([...before, k(102.1, 'usb 1-1: New USB device found, idVendor=05c6, idProduct=900e, bcdDevice= 0.00')]);
    assert.ok(!told.some((s) => s.startsWith(`${modemLostStory.id}:`)), told.join(', '));
  });
});
