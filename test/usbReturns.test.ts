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

describe('a device that shows it is no modem', () => {
  // What any device shows of itself, beyond the driver table (blind probe C of the 27th session: a
  // CH340 adapter, a keyboard, a Wi-Fi dongle and a dock's hub had each been told as a modem).
  const dmesg = (s: number, m: string) => `[${s.toFixed(6).padStart(12)}] ${m}`;
  const plug = (path: string, s: number, n: number, extra: string[]) => [dmesg(s, `usb ${path}: new ${extra[0]} USB device number ${n} using xhci_hcd`), ...extra.slice(1).map((m, i) => dmesg(s + 0.1 * (i + 1), m.replace('PATH', path)))];
  const churn = (path: string, extra: string[]) => [...plug(path, 100, 5, extra), dmesg(200, `usb ${path}: USB disconnect, device number 5`), ...plug(path, 204, 6, extra)];
  const tell = (lines: string[]) => {
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    return { gaps: gaps(a), stories: a.episodes.map((e) => e.kind) };
  };
  const cases: [string, string[], RegExp][] = [
    ['a CH340 USB-serial adapter (a driver the table does not know)', ['full-speed', 'usb PATH: New USB device found, idVendor=1a86, idProduct=7523, bcdDevice= 2.64', 'ch341 PATH:1.0: ch341-uart converter detected', 'usb PATH: ch341-uart converter now attached to ttyUSB0'], /USB-serial adapter's \(ch341-uart converter\)/],
    ['a keyboard (low speed)', ['low-speed', 'usb PATH: New USB device found, idVendor=046d, idProduct=c31c, bcdDevice=64.02'], /low-speed device/],
    ['a Wi-Fi dongle, by its own name', ['high-speed', 'usb PATH: New USB device found, idVendor=148f, idProduct=7601, bcdDevice= 0.00', 'usb PATH: Product: 802.11 n WLAN'], /calls itself "802\.11 n WLAN"/],
    ['another Wi-Fi adapter, by its own name', ['high-speed', 'usb PATH: New USB device found, idVendor=0bda, idProduct=8179, bcdDevice= 0.00', 'usb PATH: Product: 802.11n NIC'], /calls itself "802\.11n NIC"/],
    // cdc_acm serves modems and GNSS receivers alike: its own name says which (blind probe L's u-blox receiver).
    ['a GNSS receiver on cdc_acm, by its own name', ['full-speed', 'usb PATH: New USB device found, idVendor=1546, idProduct=01a8, bcdDevice= 3.01', 'usb PATH: Product: u-blox GNSS receiver', 'cdc_acm PATH:1.0: ttyACM0: USB ACM device'], /calls itself "u-blox GNSS receiver"/],
  ];
  for (const [what, extra, why] of cases) {
    it(`${what}: a note, no modem story`, () => {
      const { gaps: found, stories } = tell(churn('1-1.3', extra));
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'info');
      assert.match(found[0].message, why);
      assert.match(found[0].message, /no modem's ports or data connection went with it/);
      assert.ok(!stories.includes('modem-drop'), stories.join());
    });
  }
  it('a hub: its drop takes the devices on it, and says so', () => {
    const lines = [...plug('1-1', 10, 2, ['high-speed', 'usb PATH: New USB device found, idVendor=0bda, idProduct=5411']), ...plug('1-1.4', 11, 3, ['high-speed']), dmesg(50, 'usb 1-1: USB disconnect, device number 2'), dmesg(50.1, 'usb 1-1.4: USB disconnect, device number 3'), ...plug('1-1', 55, 4, ['high-speed'])];
    const hub = tell(lines).gaps.find((f) => /USB device 1-1 left/.test(f.message))!;
    assert.match(hub.message, /It is a hub \(the log shows USB 1-1\.4 on one of its ports\): the devices on it left the bus with it/);
    assert.ok(!/no modem's ports/.test(hub.message));
  });
  it('a modem on cdc_acm that names itself so is still the modem', () => {
    const { gaps: found } = tell(churn('1-1.3', ['high-speed', 'usb PATH: New USB device found, idVendor=1234, idProduct=5678', 'usb PATH: Product: LTE Modem with GPS', 'cdc_acm PATH:1.0: ttyACM0: USB ACM device']));
    assert.equal(found[0].severity, 'warning');
  });
  it('a modem that names itself with a network word is still the modem (its own words name a modem)', () => {
    const { gaps: found, stories } = tell(churn('1-1.3', ['high-speed', 'usb PATH: New USB device found, idVendor=1234, idProduct=5678', 'usb PATH: Product: 4G LTE WiFi Modem', 'option PATH:1.2: GSM modem (1-port) converter detected', 'usb PATH: GSM modem (1-port) converter now attached to ttyUSB2']));
    assert.equal(found[0].severity, 'warning');
    assert.ok(stories.includes('modem-drop'), stories.join());
  });
});

describe('another adapter plugged into the same port', () => {
  it('is another device, not a composition change', () => {
    const dmesg = (t: number, m: string) => `[${t.toFixed(6).padStart(12)}] ${m}`;
    const a = analyzeText([
      dmesg(10, 'usb 1-1.2: new full-speed USB device number 3 using xhci_hcd'),
      dmesg(10.1, 'usb 1-1.2: New USB device found, idVendor=10c4, idProduct=ea60, bcdDevice= 1.00'),
      dmesg(10.2, 'cp210x 1-1.2:1.0: cp210x converter detected'),
      dmesg(10.3, 'usb 1-1.2: cp210x converter now attached to ttyUSB0'),
      dmesg(60, 'usb 1-1.2: USB disconnect, device number 3'),
      dmesg(70, 'usb 1-1.2: new full-speed USB device number 4 using xhci_hcd'),
      dmesg(70.1, 'usb 1-1.2: New USB device found, idVendor=0403, idProduct=6001, bcdDevice= 6.00'),
      dmesg(70.2, 'ftdi_sio 1-1.2:1.0: FTDI USB Serial Device converter detected'),
      dmesg(70.3, 'usb 1-1.2: FTDI USB Serial Device converter now attached to ttyUSB0'),
    ].join('\n') + '\n', { referenceTime: REF });
    assert.ok(!a.findings.some((f) => f.code === 'usb-composition-change'), a.findings.map((f) => `${f.code}:${f.message}`).join('\n'));
  });
});
