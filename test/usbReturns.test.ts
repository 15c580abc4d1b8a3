import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// What a modem's return to the bus is, and what is no change of it (blind probe A of the 27th
// session: RutOS logs re-told from the knowledge base's message formats).

const REF = Date.UTC(2025, 0, 1);
const logread = (clock: string, uptime: number, message: string, level = 'kern.info'): string =>
  `Mon Dec  2 ${clock} 2024 ${level} kernel: [${uptime.toFixed(6).padStart(12)}] ${message}`;
const gaps = (a: Analysis) => a.findings.filter((f) => f.code === 'usb-gap');

describe('a modem whose first line in the log is its disconnect', () => {
  // RutOS's tty hotplug script writes `Device ttyUSB0 ... disappeared!` to /dev/kmsg as the modem
  // goes (knowledge 1.1, S5): a line of the modem's layout while it is off the bus, no return.
  const lines = [
    logread('19:54:58', 913.406, 'usb 1-1: USB disconnect, device number 6'),
    logread('19:54:58', 913.887, 'option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0'),
    logread('19:54:58', 913.925, '[01-serial-symlink.sh] Device ttyUSB0 at /devices/platform/101c0000.ehci/usb1/1-1/1-1:1.3/ttyUSB0/tty/ttyUSB0 disappeared!', 'user.warn'),
    logread('19:55:09', 924.526, 'usb 1-1: new high-speed USB device number 7 using ehci-platform'),
    logread('19:55:09', 924.706, 'option 1-1:1.3: GSM modem (1-port) converter detected'),
    logread('19:55:09', 924.709, 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB1'),
    logread('19:58:00', 1095.0, 'usb 1-1: USB disconnect, device number 7'),
    logread('19:58:05', 1100.0, 'usb 1-1: new high-speed USB device number 8 using ehci-platform'),
    logread('19:58:05', 1100.2, 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB0'),
  ];
  it('is back when the kernel enumerates it again, before it leaves again', () => {
    const found = gaps(analyzeText(lines.join('\n') + '\n', { referenceTime: REF }));
    assert.equal(found.length, 2, found.map((f) => f.message).join('\n'));
    assert.ok(found.every((f) => /was back/.test(f.message) && !/did not come back/.test(f.message)), found.map((f) => f.message).join('\n'));
    assert.ok(found[0].lines.includes(3), 'the script\'s line is part of the going');
  });
  it('without the script\'s line, the same', () => {
    const found = gaps(analyzeText(lines.filter((l) => !l.includes('serial-symlink')).join('\n') + '\n', { referenceTime: REF }));
    assert.equal(found.filter((f) => /was back/.test(f.message)).length, 2);
  });
});

describe('a modem back with the same drivers on the same interfaces', () => {
  const layout = (t: string, up: number, ttys: number[], devnum: number) => [
    logread(t, up, `usb 1-1: new high-speed USB device number ${devnum} using ehci-platform`),
    logread(t, up + 0.1, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
    ...[0, 1, 2, 3].flatMap((i) => [logread(t, up + 0.2 + i / 100, `option 1-1:1.${i}: GSM modem (1-port) converter detected`), logread(t, up + 0.25 + i / 100, `usb 1-1: GSM modem (1-port) converter now attached to ttyUSB${ttys[i]}`)]),
    logread(t, up + 0.3, 'qmi_wwan 1-1:1.4: cdc-wdm0: USB WDM device'),
    logread(t, up + 0.31, "qmi_wwan 1-1:1.4 wwan0: register 'qmi_wwan' at usb-101c0000.ehci-1, WWAN/QMI device, 2a:5e:0f:41:7c:19"),
  ];
  const tell = (after: number[]) => analyzeText([...layout('10:00:00', 100, [0, 1, 2, 3], 2), logread('10:05:00', 400, 'usb 1-1: USB disconnect, device number 2'), ...layout('10:05:09', 409, after, 3)].join('\n') + '\n', { referenceTime: REF });
  it('its ports numbered anew: a note, no composition change', () => {
    const a = tell([4, 5, 6, 7]);
    assert.ok(!a.findings.some((f) => f.code === 'usb-composition-change'), a.findings.map((f) => f.message).join('\n'));
    const renumbered = a.findings.find((f) => f.code === 'usb-ports-renumbered');
    assert.ok(renumbered, a.findings.map((f) => f.code).join());
    assert.equal(renumbered.severity, 'info');
    assert.match(renumbered.message, /same USB composition, its serial ports under other numbers \(interface 0 is ttyUSB4, was ttyUSB0; .*\): numbers that moved up/);
  });
  it('the same numbers: neither', () => {
    const a = tell([0, 1, 2, 3]);
    assert.ok(!a.findings.some((f) => f.code === 'usb-composition-change' || f.code === 'usb-ports-renumbered'));
  });
});

describe('an update tool that ends after reporting a failure', () => {
  // modem_updater's `[INFO] Script finished` is its last line whatever the outcome (S22).
  const run = (failed: boolean) => [
    'DO NOT TURN OFF YOUR DEVICE DURING THE UPDATE PROCESS!',
    '[INFO] Stopping services:',
    'Starting flasher...',
    ...(failed ? ['[000.115]: switch to \'Emergency download mode\'', '[062.255]: Upgrade module failed.', '[ERROR] Firmware flashing failed. Exiting..'] : ['[080.000]: Upgrade module successfully.']),
    '[INFO] Starting services:',
    '[INFO] Waiting for modem: 1',
    ...(failed ? ['Looks like modem is not responsive. A system reboot may be required.'] : ['Modem is responding to AT commands. Modem is ready']),
    '[INFO] Script finished',
  ];
  const update = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === 'modem-firmware-update');
  it('failed, not succeeded', () => {
    const s = update(run(true))!;
    assert.equal(s.verdict, 'failed');
    assert.ok(s.steps.some((x) => /The update tool ended, after the failure it reported/.test(x.text)));
    assert.ok(s.advice.length > 0);
  });
  it('a run without a failure still succeeds', () => {
    assert.equal(update(run(false))!.verdict, 'succeeded');
  });
});
