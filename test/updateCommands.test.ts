import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A firmware update asked of fwupd is the update's start (blind probe C of the 27th session: a
// successful update through fwupd had been told "the log has no line from an update tool").

const REF = Date.UTC(2026, 0, 1);
const k = (clock: string, m: string) => `Mar 18 ${clock} kiosk-22 kernel: ${m}`;
const flash = [
  k('13:30:08', 'usb 2-3: USB disconnect, device number 4'),
  k('13:30:08', 'option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0'),
  k('13:30:10', 'usb 2-3: new high-speed USB device number 5 using xhci_hcd'),
  k('13:30:10', 'usb 2-3: New USB device found, idVendor=05c6, idProduct=9008, bcdDevice= 0.00'),
  k('13:32:21', 'usb 2-3: USB disconnect, device number 5'),
  k('13:32:49', 'usb 2-3: new high-speed USB device number 6 using xhci_hcd'),
  k('13:32:49', 'usb 2-3: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  k('13:32:49', 'option 2-3:1.0: GSM modem (1-port) converter detected'),
  k('13:32:49', 'usb 2-3: GSM modem (1-port) converter now attached to ttyUSB0'),
];
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === 'modem-firmware-update');

describe('an update asked of fwupd', () => {
  it('starts the update story at the command', () => {
    const s = tell(['Mar 18 13:30:02 kiosk-22 sudo[30411]:    admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/fwupdmgr update', ...flash])!;
    assert.ok(s.steps.some((x) => /The modem firmware update started at 13:30:02/.test(x.text)), s.steps.map((x) => x.text).join('\n'));
    assert.doesNotMatch(s.steps.map((x) => x.text).join(' '), /no line from an update tool/);
  });
  const command = 'Mar 18 13:30:02 kiosk-22 sudo[30411]:    admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/fwupdmgr update';
  it('fwupd updates any device: with no modem leaving the bus after it (a laptop\'s UEFI), no modem update is told, nor ModemManager named', () => {
    const a = analyzeText([command, 'Successfully installed firmware', 'Mar 18 14:10:10 kiosk-22 systemd[1]: Starting Daily apt upgrade and clean activities...'].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => e.kind), []);
    assert.doesNotMatch(a.host ?? '', /ModemManager/);
  });
  it('a modem leaving the bus an hour after it: not the command\'s update', () => {
    const late = flash.map((l) => l.replace(/Mar 18 13:3/, 'Mar 18 14:3'));
    // (Its download mode still tells an update, inferred: not one the command started.)
    assert.ok(!tell([command, ...late])!.steps.some((x) => /update started at 13:30:02/.test(x.text)));
  });
  it('fwupdmgr\'s success after the modem came back: the update finished, with high confidence', () => {
    // fwupdmgr's console output pasted above the journal's lines, as a user pastes both.
    const s = tell(['$ sudo fwupdmgr update', 'Successfully installed firmware', ...flash])!;
    assert.equal(s.verdict, 'succeeded');
    assert.equal(s.confidence, 'high');
  });
  it('fwupd\'s engine failing to write the firmware, the modem left in download mode: failed, told by the tool', () => {
    const failed = 'Mar 18 13:32:00 kiosk-22 fwupd[1021]: 13:32:00.412 FuEngine             failed to write-firmware: failed to write firehose: program of NON-HLOS.ubi failed';
    const s = tell([command, ...flash.slice(0, 4), failed, 'Mar 18 14:00:00 kiosk-22 systemd[1]: Started Daily apt download activities.'])!;
    assert.equal(s.verdict, 'failed');
    assert.equal(s.confidence, 'high');
    assert.match(s.summary, /failed to write-firmware/);
  });
  it("fwupd's failure in the journal alone, minutes after the modem left (no command): the modem's update failed", () => {
    const failed = 'Mar 18 13:33:40 kiosk-22 fwupd[1021]: 13:33:40.118 FuEngine             failed to update-cleanup after failed update: failed to get device before update cleanup: failed to wait for detach replug: device 5c0e did not come back';
    const s = tell([...flash.slice(0, 4), failed, 'Mar 18 14:00:00 kiosk-22 systemd[1]: Started Daily apt download activities.'])!;
    assert.equal(s.verdict, 'failed');
    assert.match(s.summary, /failed to wait for detach replug/);
  });
  it("fwupd's failure after a dock's hub left the bus (no modem): no modem update", () => {
    const hub = [
      'Mar 18 13:30:08 kiosk-22 kernel: usb 3-1: USB disconnect, device number 2',
      'Mar 18 13:30:08 kiosk-22 kernel: usb 3-1.1: USB disconnect, device number 3',
      'Mar 18 13:31:00 kiosk-22 fwupd[1021]: 13:31:00.412 FuEngine             failed to write-firmware: failed to write: transfer timed out',
    ];
    const lines = ['Mar 18 13:29:00 kiosk-22 kernel: usb 3-1: new high-speed USB device number 2 using xhci_hcd', 'Mar 18 13:29:00 kiosk-22 kernel: usb 3-1: New USB device found, idVendor=0bda, idProduct=5411, bcdDevice= 1.36', 'Mar 18 13:29:00 kiosk-22 kernel: hub 3-1:1.0: USB hub found', ...hub];
    assert.equal(tell(lines), undefined);
  });
  it('a command that only lists updates starts nothing', () => {
    const s = tell(['Mar 18 13:30:02 kiosk-22 sudo[30411]:    admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/fwupdmgr get-updates', ...flash])!;
    assert.ok(!s.steps.some((x) => /update started/.test(x.text)));
  });
});
