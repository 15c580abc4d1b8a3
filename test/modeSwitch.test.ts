import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// A modem with an install mode shows as a storage device (a virtual CD-ROM with its Windows
// driver) until usb_modeswitch, or the modem itself, switches it: it leaves the bus and comes back
// with another product ID and its modem ports [X101]. A blind probe's Raspberry Pi with a Huawei
// stick, switched at every boot, had been told "Modem dropped off USB" with power-supply advice.

const REF = Date.UTC(2025, 3, 10);

const SWITCH = [
  'usb 1-1.3: new high-speed USB device number 3 using xhci_hcd',
  'usb 1-1.3: New USB device found, idVendor=12d1, idProduct=1f01, bcdDevice= 1.02',
  'usb-storage 1-1.3:1.0: USB Mass Storage device detected',
  'scsi host0: usb-storage 1-1.3:1.0',
  'scsi 0:0:0:0: CD-ROM            HUAWEI   Mass Storage     2.31 PQ: 0 ANSI: 2',
  'usb 1-1.3: USB disconnect, device number 3',
  'usb 1-1.3: new high-speed USB device number 4 using xhci_hcd',
  'usb 1-1.3: New USB device found, idVendor=12d1, idProduct=1506, bcdDevice= 1.02',
  'option 1-1.3:1.0: GSM modem (1-port) converter detected',
  'usb 1-1.3: GSM modem (1-port) converter now attached to ttyUSB0',
  'huawei_cdc_ncm 1-1.3:1.2: cdc-wdm0: USB WDM device',
  "huawei_cdc_ncm 1-1.3:1.2 wwan0: register 'huawei_cdc_ncm' at usb-0000:01:00.0-1.3, Huawei CDC NCM device, 00:1e:10:1f:00:00",
];
const DROP = [
  'usb 1-1.3: USB disconnect, device number 4',
  'option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0',
  'usb 1-1.3: new high-speed USB device number 5 using xhci_hcd',
  'usb 1-1.3: New USB device found, idVendor=12d1, idProduct=1506, bcdDevice= 1.02',
  'option 1-1.3:1.0: GSM modem (1-port) converter detected',
  'usb 1-1.3: GSM modem (1-port) converter now attached to ttyUSB0',
];

/** The lines a second apart from `start` seconds, in three shapes: dmesg, journalctl, OpenWrt logread. */
function shapes(lines: readonly string[], start = 5): { name: string; text: string }[] {
  const clock = (i: number): string => { const s = start + i; return `06:${String(12 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`; };
  return [
    { name: 'dmesg', text: lines.map((l, i) => `[${(5 + start + i).toFixed(6).padStart(12)}] ${l}`).join('\n') + '\n' },
    { name: 'journalctl', text: lines.map((l, i) => `Apr 02 ${clock(i)} gw-field-07 kernel: ${l}`).join('\n') + '\n' },
    { name: 'logread', text: lines.map((l, i) => `Wed Apr  2 ${clock(i)} 2025 kern.info kernel: [ ${(5 + start + i).toFixed(6)}] ${l}`).join('\n') + '\n' },
  ];
}

const usb = (a: Analysis): string[] => a.findings.filter((f) => f.code.startsWith('usb-')).map((f) => `${f.code} ${f.severity}`);

describe('a modem leaving its install mode is no drop', () => {
  for (const s of shapes(SWITCH)) {
    it(`${s.name}: a note, no story, no change of composition`, () => {
      const a = analyzeText(s.text, { referenceTime: REF });
      assert.deepEqual(usb(a), ['usb-gap info']);
      assert.match(a.findings.find((f) => f.code === 'usb-gap')!.message, /left its install mode: .* as a modem/);
      assert.deepEqual(a.episodes, []);
    });
  }
  for (const s of shapes([...SWITCH, ...DROP], 300)) {
    it(`${s.name}: a drop of the switched modem (after the boot) is still one`, () => {
      const a = analyzeText(s.text, { referenceTime: REF });
      assert.deepEqual(usb(a), ['usb-gap info', 'usb-gap warning']);
      assert.deepEqual(a.episodes.map((e) => e.kind), ['modem-drop']);
      assert.equal(a.episodes[0].steps.filter((x) => /left the USB bus/.test(x.text)).length, 1);
    });
  }
  it('a storage device that comes back as storage is no switch', () => {
    const disk = [SWITCH[0], 'usb 1-1.3: New USB device found, idVendor=0781, idProduct=5581, bcdDevice= 1.00', SWITCH[2], 'usb 1-1.3: USB disconnect, device number 3', 'usb 1-1.3: new high-speed USB device number 4 using xhci_hcd', 'usb 1-1.3: New USB device found, idVendor=0781, idProduct=5581, bcdDevice= 1.00', SWITCH[2]];
    const a = analyzeText(shapes(disk)[1].text, { referenceTime: REF });
    // A flash drive's replug: a note that it had no modem's functions (usbDrivers.test.ts).
    assert.deepEqual(usb(a), ['usb-gap info']);
    assert.doesNotMatch(a.findings[0]?.message ?? '', /install mode/);
    assert.match(a.findings[0]?.message ?? '', /no modem's ports/);
  });
});
