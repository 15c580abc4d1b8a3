import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { modemLostStory } from '../server/src/core/stories/entries/modemLost';

// A USB modem (a dongle) shows first as a storage device with a virtual CD-ROM, its install mode,
// until usb_modeswitch switches it to its modem mode; usb_modeswitch's data lists the IDs of those
// install modes [X130]. A blind probe's Huawei stick that stayed 12d1:1f01 on a Raspberry Pi, and a
// ZTE stick whose switching was disabled, had been told nothing; an Alcatel IK41's switch at boot
// (1bbb:f000 to 1bbb:0195, rndis_host) had been a drop.

const REF = Date.UTC(2024, 11, 4);
const k = (t: number, msg: string): string => `[${t.toFixed(6).padStart(12)}] ${msg}`;
const installMode = (t: number, vidpid: string): string[] => [
  k(t, 'usb 1-1.3: new high-speed USB device number 4 using dwc_otg'),
  k(t + 0.1, `usb 1-1.3: New USB device found, idVendor=${vidpid.slice(0, 4)}, idProduct=${vidpid.slice(5)}, bcdDevice= 1.02`),
  k(t + 0.2, 'usb-storage 1-1.3:1.0: USB Mass Storage device detected'),
  k(t + 1.2, 'scsi 0:0:0:0: CD-ROM            HUAWEI   Mass Storage     2.31 PQ: 0 ANSI: 2'),
];
const later = (t: number): string => k(t, 'usb 1-1.2: new full-speed USB device number 9 using dwc_otg');
const read = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('a USB modem left in its install mode', () => {
  it('stays a virtual CD-ROM while the log goes on: the modem is lost there, with what switches it', () => {
    const a = read([...installMode(12, '12d1:1f01'), later(200)]);
    assert.deepEqual(a.findings.filter((f) => f.code === 'modem-install-mode').map((f) => f.severity), ['error']);
    assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), [`${modemLostStory.id}:install-mode`]);
    assert.match(a.episodes[0].summary, /12d1:1f01, the install mode of a USB modem \(Huawei .*\).* not switched to its modem mode \(to 12d1:14db, 12d1:14dc\)/);
    assert.match(a.episodes[0].advice.join(' '), /usb-modeswitch-data .*DisableSwitching=1/);
  });
  it('replugged and back in its install mode again: still left in its install mode, not a modem lost or a drop', () => {
    // A blind probe's stick, unplugged and plugged in again by its user, never switched.
    const a = read([...installMode(12, '12d1:1f01'), k(312, 'usb 1-1.3: USB disconnect, device number 4'), ...installMode(319, '12d1:1f01').map((l) => l.replace('number 4', 'number 5')), later(420)]);
    assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), [`${modemLostStory.id}:install-mode`]);
  });
  it('says so when usb_modeswitch says switching is disabled', () => {
    // journalctl's lines: the kernel's and the dispatcher's (through logger, tagged with the user) on one clock.
    const j = (s: number, tag: string, msg: string): string => `Nov 04 09:${String(10 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} ubuntu-box ${tag}: ${msg}`;
    const a = read([
      ...installMode(12, '19d2:1225').map((l, i) => j(12 + i, 'kernel', l.replace(/^\[[^\]]*\] /, ''))),
      j(16, 'root[1633]', 'usb_modeswitch: switching disabled, no action for 19d2:1225'),
      j(290, 'kernel', 'usb 1-1.2: new full-speed USB device number 9 using xhci_hcd'),
    ]);
    assert.ok(a.events.some((e) => e.id === 'usb_modeswitch.switching-disabled' && e.fields.vidpid === '19d2:1225'));
    assert.match(a.findings.find((f) => f.code === 'modem-install-mode')?.message ?? '', /ZTE .*switching is disabled/);
  });
  it('says so when usb_modeswitch sent the switch and the stick did not follow it', () => {
    const j = (s: number, tag: string, msg: string): string => `Nov 04 09:${String(10 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} pi ${tag}: ${msg}`;
    const a = read([
      ...installMode(12, '12d1:1f01').map((l, i) => j(12 + i, 'kernel', l.replace(/^\[[^\]]*\] /, ''))),
      j(17, 'usb_modeswitch[1034]', 'switch device 12d1:1f01 on 001/004'),
      j(290, 'kernel', 'usb 1-1.2: new full-speed USB device number 9 using xhci_hcd'),
    ]);
    const message = a.findings.find((f) => f.code === 'modem-install-mode')?.message ?? '';
    assert.match(message, /usb_modeswitch sent it the switch at 09:10:17 .*did not come back in its modem mode/);
    assert.doesNotMatch(message, /No line shows usb_modeswitch/);
    // The stick reset by the switch and came back in its install mode again: the same.
    const again = read([
      ...installMode(12, '12d1:1f01').map((l, i) => j(12 + i, 'kernel', l.replace(/^\[[^\]]*\] /, ''))),
      j(17, 'usb_modeswitch[1034]', 'switch device 12d1:1f01 on 001/004'),
      j(20, 'kernel', 'usb 1-1.3: USB disconnect, device number 4'),
      ...installMode(24, '12d1:1f01').map((l, i) => j(24 + i, 'kernel', l.replace(/^\[[^\]]*\] /, '').replace('number 4', 'number 5'))),
      j(290, 'kernel', 'usb 1-1.2: new full-speed USB device number 9 using xhci_hcd'),
    ]);
    assert.match(again.findings.find((f) => f.code === 'modem-install-mode')?.message ?? '', /usb_modeswitch sent it the switch at 09:10:17/);
  });
  it('switched within seconds (usb_modeswitch\'s own lines too): a note, no story', () => {
    const a = read([
      ...installMode(12, '12d1:1f01'),
      'Oct 17 13:41:22 kiosk-07 usb_modeswitch[5911]: switch device 12d1:1f01 on 001/004',
      k(15, 'usb 1-1.3: USB disconnect, device number 4'),
      k(16, 'usb 1-1.3: new high-speed USB device number 5 using dwc_otg'),
      k(16.1, 'usb 1-1.3: New USB device found, idVendor=12d1, idProduct=14dc, bcdDevice= 1.02'),
      k(16.2, "cdc_ether 1-1.3:1.0 eth1: register 'cdc_ether' at usb-3f980000.usb-1.3, CDC Ethernet Device, 0c:5b:8f:27:9a:64"),
      'Oct 17 13:41:24 kiosk-07 usb_modeswitch[5911]: switched to 12d1:14dc on 001/005',
      later(200),
    ]);
    assert.deepEqual(a.findings.filter((f) => f.code !== 'usb-disconnect').map((f) => `${f.code} ${f.severity}`), ['usb-gap info']);
    assert.deepEqual(a.episodes, []);
    assert.ok(a.events.some((e) => e.id === 'usb_modeswitch.switch') && a.events.some((e) => e.id === 'usb_modeswitch.switched'));
  });
  it('an install mode switched to one of its target IDs under a driver that may be a modem\'s (rndis_host): the switch, no drop', () => {
    const a = read([
      ...installMode(12, '1bbb:f000'),
      k(15, 'usb 1-1.3: USB disconnect, device number 4'),
      k(16, 'usb 1-1.3: new high-speed USB device number 5 using dwc_otg'),
      k(16.1, 'usb 1-1.3: New USB device found, idVendor=1bbb, idProduct=0195, bcdDevice= 2.28'),
      k(16.2, "rndis_host 1-1.3:1.0 usb0: register 'rndis_host' at usb-3f980000.usb-1.3, RNDIS device, 12:34:56:78:9a:bc"),
      later(200),
    ]);
    assert.match(a.findings.find((f) => f.code === 'usb-gap')?.message ?? '', /left its install mode/);
    assert.deepEqual(a.episodes, []);
  });
  it('on OpenWrt the advice is its own package and data file (usbmode, /etc/usb-mode.json)', () => {
    const owrt = (t: number, m: string): string => `Sun Dec  7 07:${String(31 + Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')} 2025 kern.info kernel: [${t.toFixed(6).padStart(12)}] ${m}`;
    const lines = [
      ...installMode(12, '19d2:2000').map((l, i) => owrt(12 + i, l.replace(/^\[[^\]]*\] /, ''))),
      'Sun Dec  7 07:34:00 2025 daemon.notice netifd: Interface \'lan\' is now up',
      owrt(200, 'usb 1-1.2: new full-speed USB device number 9 using ehci-platform'),
    ];
    const a = read(lines);
    assert.deepEqual(a.episodes.map((e) => e.verdict), ['install-mode']);
    assert.match(a.episodes[0].advice.join(' '), /opkg install usb-modeswitch.*usb-mode\.json|usb-mode\.json.*opkg install usb-modeswitch/);
  });
  it('the log ends a few seconds after it came up: too soon to say it was not switched', () => {
    const a = read([...installMode(12, '12d1:1f01'), later(30)]);
    assert.deepEqual(a.findings.filter((f) => f.code === 'modem-install-mode'), []);
  });
  it('a Wi-Fi stick\'s install mode is no modem\'s', () => {
    const a = read([...installMode(12, '0bda:1a2b'), later(200)]);
    assert.deepEqual(a.findings.filter((f) => f.code === 'modem-install-mode'), []);
    assert.deepEqual(a.episodes, []);
  });
});
