import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { USB_DRIVERS, usbDriver } from '../server/src/core/catalogue/tables/usbDrivers';

// The driver table (catalogue/tables/usbDrivers.ts) is the one place that says what a driver
// binding tells of a device; the catalogue's kernel entries, the USB histories and the stories all
// read it. Each driver is tried through the whole analysis, so a driver known to one of them and
// not to another (as three hand-kept lists once were) fails here.

const REF = Date.UTC(2024, 11, 4);
const names = Object.keys(USB_DRIVERS);

/** A device of an ID no table knows that binds `driver`, leaves the bus at 300 s and does not come back. */
function lostDevice(bind: string[]): string {
  return [
    '[   10.000000] usb 1-1: new high-speed USB device number 2 using xhci-hcd',
    '[   10.100000] usb 1-1: New USB device found, idVendor=1234, idProduct=5678, bcdDevice= 3.18',
    ...bind,
    '[  300.000000] usb 1-1: USB disconnect, device number 2',
    '[  900.000000] random: crng reseeded on system resumption',
    '',
  ].join('\n');
}

const usbnetLine = (driver: string): string => `[   10.200000] ${driver} 1-1:1.4 wwan0: register '${driver}' at usb-xhci-hcd.0-1, WWAN device, 02:00:00:00:00:01`;
const serialLines = (driver: string): string[] => [`[   10.200000] ${driver} 1-1:1.2: GSM modem (1-port) converter detected`, '[   10.210000] usb 1-1: GSM modem (1-port) converter now attached to ttyUSB2'];

describe('USB drivers: one table read alike by the catalogue, the USB histories and the stories', () => {
  it('reads every usbnet driver\'s network interface, and tells the modem\'s loss only for a modem\'s driver', () => {
    const usbnet = names.filter((n) => USB_DRIVERS[n].usbnet);
    assert.ok(usbnet.length >= 10, usbnet.join(' '));
    for (const driver of usbnet) {
      const a = analyzeText(lostDevice([usbnetLine(driver)]), { referenceTime: REF });
      const ids = a.events.map((e) => e.id);
      assert.ok(ids.includes('usb.net-register'), `${driver}: ${ids.join(' ')}`);
      // rndis_host is a tethered phone's as often as a modem's: with an unknown ID it is not "the modem".
      // The log goes on 10 min after it left (its uptime end): lost; a drop where the log says less.
      const told = a.episodes.some((e) => e.kind === 'modem-drop' || e.kind === 'modem-lost');
      assert.equal(told, USB_DRIVERS[driver].device === 'modem', `${driver} (${USB_DRIVERS[driver].device}): stories ${a.episodes.map((e) => e.kind).join(' ')}`);
    }
  });

  it('reads every usb-serial driver\'s ports', () => {
    for (const driver of names.filter((n) => USB_DRIVERS[n].serial)) {
      const a = analyzeText(lostDevice(serialLines(driver)), { referenceTime: REF });
      const detected = a.events.find((e) => e.id === 'usb.serial-detected');
      assert.equal(detected?.fields.driver, driver, driver);
    }
  });

  it("reads cdc_acm's ports into the device's layout, and calls an ACM device the modem only with a modem's ID", () => {
    // A device with ACM ports that keeps reconnecting: a microcontroller board (2341:0043) or a Quectel EC25 (2c7c:0125).
    const loop = (vid: string, pid: string): string => {
      const lines: string[] = [];
      for (let i = 0; i < 4; i++) {
        const t = 10 + i * 60;
        lines.push(`[${String(t).padStart(5)}.000000] usb 1-1: new high-speed USB device number ${i + 2} using xhci-hcd`);
        lines.push(`[${String(t).padStart(5)}.100000] usb 1-1: New USB device found, idVendor=${vid}, idProduct=${pid}, bcdDevice= 3.18`);
        lines.push(`[${String(t).padStart(5)}.200000] cdc_acm 1-1:1.0: ttyACM0: USB ACM device`);
        lines.push(`[${String(t).padStart(5)}.210000] cdc_acm 1-1:1.2: ttyACM1: USB ACM device`);
        lines.push(`[${String(t + 30).padStart(5)}.000000] usb 1-1: USB disconnect, device number ${i + 2}`);
      }
      return lines.join('\n');
    };
    const board = analyzeText(loop('2341', '0043'), { referenceTime: REF });
    assert.ok(board.events.some((e) => e.id === 'usb.acm-attached' && e.fields.tty === 'ttyACM1' && e.fields.iface === '2'));
    const found = board.findings.find((f) => f.code === 'usb-reconnect-loop');
    assert.ok(found, 'the reconnects are shown');
    assert.match(found!.message, /^USB device 1-1 disconnected and came back/);
    assert.deepEqual(board.episodes.map((e) => e.kind), [], 'no story calls the board the modem');
    const modem = analyzeText(loop('2c7c', '0125'), { referenceTime: REF });
    assert.ok(modem.episodes.some((e) => e.kind === 'reconnect-loop'), modem.episodes.map((e) => e.kind).join(' '));
  });

  it('makes a reconnect loop an error for a device a modem\'s driver (or none the table knows) binds, a warning for one only other drivers bind', () => {
    // The bindings the kernel's entries read: a usb-serial driver's port, a usbnet driver's interface, an ACM port.
    const bind = (driver: string, t: number): string | undefined =>
      USB_DRIVERS[driver].serial ? `[${String(t).padStart(5)}.200000] ${driver} 1-2:1.0: ${driver} converter detected`
        : USB_DRIVERS[driver].usbnet ? `[${String(t).padStart(5)}.200000] ${driver} 1-2:1.4 wwan0: register '${driver}' at usb-xhci-hcd.0-2, WWAN device, 02:00:00:00:00:01`
          : driver === 'cdc_acm' ? `[${String(t).padStart(5)}.200000] cdc_acm 1-2:1.0: ttyACM0: USB ACM device` : undefined;
    const read = names.filter((n) => !USB_DRIVERS[n].freebsd && bind(n, 0) !== undefined);
    assert.ok(read.some((n) => USB_DRIVERS[n].device === 'adapter') && read.some((n) => USB_DRIVERS[n].device === 'modem'), read.join(' '));
    for (const driver of read) {
      const lines: string[] = [];
      for (let i = 0; i < 4; i++) {
        const t = 10 + i * 60;
        lines.push(`[${String(t).padStart(5)}.000000] usb 1-2: new full-speed USB device number ${i + 2} using xhci-hcd`);
        lines.push(`[${String(t).padStart(5)}.100000] usb 1-2: New USB device found, idVendor=1234, idProduct=5678, bcdDevice= 3.18`);
        lines.push(bind(driver, t)!);
        lines.push(`[${String(t + 30).padStart(5)}.000000] usb 1-2: USB disconnect, device number ${i + 2}`);
      }
      const loop = analyzeText(lines.join('\n'), { referenceTime: REF }).findings.find((f) => f.code === 'usb-reconnect-loop');
      const device = USB_DRIVERS[driver].device;
      assert.equal(loop?.severity, device === 'not' || device === 'adapter' ? 'warning' : 'error', `${driver} (${device})`);
    }
  });

  it('a device that only drivers of no modem let go of as it left is a note, however long it is gone', () => {
    // A blind probe's console cable on a router of a syslog server's file, unplugged: the log began
    // after it came up, so only its disconnect names the driver. It had been an error, "did not come
    // back", which `--fail-on error` would fail on.
    const cable = [
      '[  300.000000] usb 3-1: USB disconnect, device number 3',
      '[  300.001000] ftdi_sio ttyUSB4: FTDI USB Serial Device converter now disconnected from ttyUSB4',
      '[  300.002000] ftdi_sio 3-1:1.0: device disconnected',
      '[  900.000000] usb 1-2: new full-speed USB device number 4 using xhci-hcd',
      '',
    ].join('\n');
    const gap = analyzeText(cable, { referenceTime: REF }).findings.filter((f) => f.code === 'usb-gap');
    assert.deepEqual(gap.map((f) => f.severity), ['info']);
    assert.match(gap[0].message, /no modem's ports or data connection went with it/);
    // A modem's driver in the same place: the error stands.
    const modem = analyzeText(cable.replace(/ftdi_sio ttyUSB4: FTDI USB Serial Device/, 'option1 ttyUSB4: GSM modem (1-port)').replace('ftdi_sio 3-1', 'option 3-1'), { referenceTime: REF });
    assert.deepEqual(modem.findings.filter((f) => f.code === 'usb-gap').map((f) => f.severity), ['error']);
  });

  it('knows a driver by the name a port gives it (option1) and keeps names that end in digits (pl2303)', () => {
    assert.equal(usbDriver('option1'), USB_DRIVERS.option);
    assert.equal(usbDriver('pl2303'), USB_DRIVERS.pl2303);
    assert.equal(usbDriver('no_such_driver'), undefined);
  });
});
