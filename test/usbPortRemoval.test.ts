import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { USB_DRIVERS, usbDriver } from '../server/src/core/catalogue/tables/usbDrivers';
import { buildUsbHistory } from '../server/src/core/findings/usbHistory';
import type { Analysis } from '../server/src/core/model';

// A device's ports go away after its `USB disconnect` line (usb_disconnect() prints it, then its
// interfaces are unbound: knowledge 4.3). A log that shows only that (a gammu host's
// /var/log/messages, fixture 042: nothing names the device's ports before) still shows whose ports
// they were, and so that the device was a modem.

const REF = Date.UTC(2024, 11, 4);

/** A Huawei modem (an ID no table knows) leaves the bus, its three option ports go, it is back 9 s later. */
const DROP = [
  ['usb 1-5: USB disconnect, device number 52', 0],
  ['option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0', 0.0005],
  ['option1 ttyUSB1: GSM modem (1-port) converter now disconnected from ttyUSB1', 0.0009],
  ['option1 ttyUSB2: usb_wwan_indat_callback: resubmit read urb failed. (-19)', 0.001],
  ['option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2', 0.0012],
  ['usb 1-5: new full-speed USB device number 53 using xhci_hcd', 9],
  ['usb 1-5: New USB device found, idVendor=12d1, idProduct=1001', 9.1],
] as const;

/** The same kernel lines as each shape of log writes them, the first at 11:26:01 (uptime 4000 s). */
const SHAPES: Record<string, (message: string, seconds: number) => string> = {
  'BSD syslog with a host (/var/log/messages)': (m, s) => `Dec 30 11:26:${String(1 + Math.floor(s)).padStart(2, '0')} ca4ae2 kernel: ${m}`,
  'bare dmesg': (m, s) => `[${(4000 + s).toFixed(6).padStart(12)}] ${m}`,
  'RutOS logread': (m, s) => `Mon Dec 30 11:26:${String(1 + Math.floor(s)).padStart(2, '0')} 2024 kern.info kernel: [${(4000 + s).toFixed(6).padStart(12)}] ${m}`,
  'journalctl -o short-iso': (m, s) => `2024-12-30T11:26:${String(1 + Math.floor(s)).padStart(2, '0')}+0100 host kernel: ${m}`,
};

const tell = (lines: readonly (readonly [string, number])[], shape: (m: string, s: number) => string): Analysis =>
  analyzeText(lines.map(([m, s]) => shape(m, s)).join('\n') + '\n', { referenceTime: REF });

const stories = (a: Analysis): string[] => a.episodes.map((e) => `${e.kind}:${e.verdict}`);

describe('USB: ports that go away after a disconnect are that device\'s', () => {
  it('tells the modem\'s drop from its disconnect and its ports\' removal alone, in every shape of log', () => {
    for (const [name, shape] of Object.entries(SHAPES)) {
      const a = tell(DROP, shape);
      assert.deepEqual(stories(a), ['modem-drop:came-back'], name);
      const [device] = buildUsbHistory(a.events);
      assert.deepEqual(device.absences[0].events.filter((e) => e.fields.tty).map((e) => e.fields.tty), ['ttyUSB0', 'ttyUSB1', 'ttyUSB2'], name);
    }
  });

  it('without the ports\' lines the device is not called the modem (the ID is no table\'s)', () => {
    for (const [name, shape] of Object.entries(SHAPES)) {
      // An ID no table knows (12d1:1001 is in usb_modeswitch's data, as some Huawei sticks' install mode).
      const a = tell(DROP.filter(([m]) => !m.includes('tty')).map(([m, s]) => [m.replace('idVendor=12d1, idProduct=1001', 'idVendor=1234, idProduct=5678'), s] as const), shape);
      assert.deepEqual(stories(a), [], name);
      assert.ok(a.findings.some((f) => f.lines.includes(1)), `${name}: the gap is still a finding`);
    }
  });

  it('takes the ports of a disconnect of the same stamp printed before it (a short log listed newest first)', () => {
    const shape = SHAPES['BSD syslog with a host (/var/log/messages)'];
    const reversed = DROP.map(([m, s]) => shape(m, s)).reverse().join('\n') + '\n';
    const a = analyzeText(reversed, { referenceTime: REF });
    assert.deepEqual(stories(a), ['modem-drop:came-back']);
    // Another device's line between them: the ports are not the disconnect's.
    const lines = DROP.map(([m, s]) => shape(m, s));
    const between = [...lines.slice(1, 5).reverse(), shape('usb 1-4: USB disconnect, device number 7', 0), lines[0], ...lines.slice(5)].join('\n') + '\n';
    const [d15] = buildUsbHistory(analyzeText(between, { referenceTime: REF }).events).filter((d) => d.path === '1-5');
    assert.deepEqual(d15.absences[0].events.filter((e) => e.fields.tty).map((e) => e.line), []);
  });

  it('takes a removal for the device only right after its disconnect, with no other device between', () => {
    const shape = SHAPES['bare dmesg'];
    // The ports go 5 s after the disconnect: not part of it.
    // (An ID no table knows: 12d1:1001 alone would make the device a modem.)
    const late = tell(DROP.map(([m, s]) => [m.replace('idVendor=12d1, idProduct=1001', 'idVendor=1234, idProduct=5678'), m.includes('tty') ? s + 5 : s + (s > 1 ? 5 : 0)] as const), shape);
    assert.deepEqual(stories(late), [], 'a removal 5 s later');
    // Another device's line between the disconnect and the ports.
    const between = [DROP[0], ['usb 1-4: USB disconnect, device number 7', 0.0002] as const, ...DROP.slice(1)].map(([m, s]) => [m.replace('idVendor=12d1, idProduct=1001', 'idVendor=1234, idProduct=5678'), s] as const);
    const other = tell(between, shape);
    assert.ok(!other.episodes.some((e) => e.steps.some((s) => s.text.includes('1-5'))), stories(other).join(' '));
    // A removal printed after the device came back is no new drop of it.
    const after = tell([...DROP, ['option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0', 9.2]], shape);
    const [device] = buildUsbHistory(after.events);
    assert.equal(device.absences.length, 1);
  });

  it('calls a device with a USB-serial adapter\'s ports no modem, and one with a modem driver\'s ports the modem', () => {
    const serial = Object.keys(USB_DRIVERS).filter((n) => USB_DRIVERS[n].serial);
    assert.ok(serial.includes('pl2303') && serial.includes('option'), serial.join(' '));
    for (const driver of serial) {
      // A device that binds the driver, then drops and comes back: its attach line names no driver.
      const lines = [
        '[   10.000000] usb 1-1: new full-speed USB device number 2 using xhci-hcd',
        '[   10.100000] usb 1-1: New USB device found, idVendor=1234, idProduct=5678, bcdDevice= 3.00',
        `[   10.200000] ${driver} 1-1:1.0: ${driver} converter detected`,
        `[   10.210000] usb 1-1: ${driver} converter now attached to ttyUSB0`,
        '[  300.000000] usb 1-1: USB disconnect, device number 2',
        `[  300.000500] ${driver} ttyUSB0: ${driver} converter now disconnected from ttyUSB0`,
        '[  310.000000] usb 1-1: new full-speed USB device number 3 using xhci-hcd',
        '[  900.000000] random: crng reseeded on system resumption',
      ];
      const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
      const modem = usbDriver(driver)!.device === 'modem';
      assert.deepEqual(stories(a), modem ? ['modem-drop:came-back'] : [], `${driver} (${usbDriver(driver)!.device})`);
    }
  });

  it('reads a port\'s driver by the name the kernel prints (option1, pl2303), and no inherited word as one', () => {
    assert.equal(usbDriver('option1'), USB_DRIVERS.option);
    assert.equal(usbDriver('pl2303'), USB_DRIVERS.pl2303);
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty1']) assert.equal(usbDriver(word), undefined, word);
    const a = analyzeText('[  300.000500] pl2303 ttyUSB0: pl2303 converter now disconnected from ttyUSB0\n', { referenceTime: REF });
    assert.equal(a.events[0]?.fields.driver, 'pl2303');
  });
});
