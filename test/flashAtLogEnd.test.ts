import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A modem switched from running into download (EDL) mode is being flashed, which takes minutes. A
// blind probe's RutOS log ended 4 min into such a flash and was told "FAILED" with the advice to
// re-flash: a user could cut a running flash short, which is what leaves a modem stuck [F8].
// Download mode at a boot, or a log that goes on long after, is no flash running.

const REF = Date.UTC(2026, 11, 8);
const k = (clock: string, m: string) => `Fri Dec  4 ${clock} 2026 kern.info kernel: [18341.221004] ${m}`;
const other = (clock: string) => `Fri Dec  4 ${clock} 2026 daemon.info dnsmasq-dhcp[2305]: DHCPACK(br-lan) 192.168.1.160 ac:bc:32:9e:01:77 nvr`;
const intoDownload = (gone: string, back: string) => [
  k(gone, 'usb 2-1: USB disconnect, device number 2'),
  k(gone, 'option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2'),
  k(back, 'usb 2-1: new high-speed USB device number 3 using xhci-hcd'),
  k(back, 'usb 2-1: New USB device found, idVendor=05c6, idProduct=9008, bcdDevice= 0.00'),
  k(back, 'usb 2-1: Product: QHSUSB__BULK'),
];
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const update = (lines: string[]) => tell(lines).episodes.find((e) => e.kind === 'modem-firmware-update')!;

describe('a modem in download mode when the log ends', () => {
  it('minutes after it went there from running: neither failed nor done, and the advice is to let the flash end first', () => {
    // RutOS by its mobile interface's name (mob1s1a1): the advice is RutOS's.
    const down = "Fri Dec  4 23:00:03 2026 daemon.notice netifd: Interface 'mob1s1a1' is now down";
    const e = update([other('22:58:12'), down, ...intoDownload('23:00:09', '23:00:11'), other('23:03:01'), other('23:04:06')]);
    assert.equal(e.verdict, 'flashing-at-end');
    assert.equal(e.confidence, 'low');
    assert.match(e.summary, /whether a flash was still writing it or had stopped, the log cannot tell/);
    assert.match(e.advice[0], /Do not reboot or power-cycle the router yet/);
    // The re-flash, if it comes to that, names the modem's own USB id from the log, not 1-1.
    assert.ok(e.advice.some((a) => /modem_updater -i 2-1 /.test(a)), e.advice.join(' | '));
  });

  it('an hour after it went there: the flash is over, and it failed', () => {
    const e = update([other('22:58:12'), ...intoDownload('23:00:09', '23:00:11'), other('23:30:00'), other('23:45:00')]);
    assert.equal(e.verdict, 'failed');
  });

  it('in download mode from the boot on (a power cut mid-flash): no flash runs, it failed', () => {
    const boot = `Sat Dec  5 06:12:44 2026 kern.notice kernel: [    0.000000] Linux version 5.10.224 (builder@runner) #0 SMP`;
    const lines = [other('22:58:12'), k('23:00:09', 'usb 2-1: USB disconnect, device number 2'), boot,
      ...['usb 2-1: new high-speed USB device number 2 using xhci-hcd', 'usb 2-1: New USB device found, idVendor=05c6, idProduct=9008, bcdDevice= 0.00'].map((m) => `Sat Dec  5 06:12:44 2026 kern.info kernel: [    6.034771] ${m}`),
      'Sat Dec  5 06:15:02 2026 daemon.info dnsmasq-dhcp[2290]: DHCPACK(br-lan) 192.168.1.111 d8:3a:dd:51:0e:42 cam'];
    assert.equal(update(lines).verdict, 'failed');
  });

  it('the data connection going down as the modem left is the update\'s, not a story of its own', () => {
    const down = "Fri Dec  4 23:00:03 2026 daemon.notice netifd: Interface 'mob1s1a1' is now down";
    const a = tell([other('22:58:12'), down, ...intoDownload('23:00:09', '23:00:11'), other('23:04:06')]);
    assert.deepEqual(a.episodes.map((e) => e.kind), ['modem-firmware-update']);
  });
  it("a flasher's own `switch to 'Emergency download mode'` before the modem left (QFirehose logged through systemd-cat): still a flash that may run", () => {
    const q = (clock: string, m: string) => `Fri Dec  4 ${clock} 2026 user.info qfirehose[3318]: ${m}`;
    const e = update([other('22:58:12'), q('23:00:08', "[001.004] switch to 'Emergency download mode'"), q('23:00:08', '[001.210] successful, wait module reboot'), ...intoDownload('23:00:09', '23:00:11'), q('23:02:30', '[150.000] Upgrade progress:   64'), other('23:04:06')]);
    assert.equal(e.verdict, 'flashing-at-end');
  });
  it('a raw dmesg (uptime only): minutes of uptime after download mode are measured so', () => {
    const d = (up: number, m: string) => `[${up.toFixed(6).padStart(12)}] ${m}`;
    const e = update([d(5000, 'usb 2-1: USB disconnect, device number 2'), d(5002, 'usb 2-1: new high-speed USB device number 3 using xhci-hcd'), d(5002.1, 'usb 2-1: New USB device found, idVendor=05c6, idProduct=9008, bcdDevice= 0.00'), d(5300, 'br-lan: port 2(eth0.1) entered forwarding state')]);
    assert.equal(e.verdict, 'flashing-at-end');
  });
  it('a download-mode device that re-enumerates still in that mode is no modem going there from running (EDL from boot, reset)', () => {
    const d = (up: number, m: string) => `[${up.toFixed(6).padStart(12)}] ${m}`;
    const e = update([d(15, 'usb 1-1: new high-speed USB device number 2 using xhci-mtk'), d(15.1, 'usb 1-1: New USB device found, idVendor=05c6, idProduct=9008, bcdDevice= 0.00'), d(61.7, 'usb 1-1: USB disconnect, device number 2'), d(62.2, 'usb 1-1: new high-speed USB device number 3 using xhci-mtk'), d(62.3, 'usb 1-1: New USB device found, idVendor=05c6, idProduct=9008, bcdDevice= 0.00')]);
    assert.equal(e.verdict, 'failed');
  });
});
