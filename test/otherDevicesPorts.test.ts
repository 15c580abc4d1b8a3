import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A port a program could not open that the log shows is another USB device's (a GNSS receiver's
// ttyACM0, unplugged) is that device's, not the modem's: a note naming whose (a blind probe's gpsd
// had raised "the modem's port is missing" as a warning).

const REF = Date.UTC(2025, 2, 21);
const at = (clock: string, rest: string): string => `2025-03-20T${clock}+0100 rpi-bus42 ${rest}`;
/** A cdc_acm device at 1-1.3 with port ttyACM0, named `product`, unplugged at 12:42:53 and back at 12:45:25; a program fails to open its port meanwhile. */
function replug(product: string, program: string): string {
  return [
    at('12:40:00', 'kernel: usb 1-1.3: new full-speed USB device number 4 using dwc_otg'),
    at('12:40:00', 'kernel: usb 1-1.3: New USB device found, idVendor=1546, idProduct=01a7, bcdDevice= 1.00'),
    at('12:40:00', `kernel: usb 1-1.3: Product: ${product}`),
    at('12:40:00', 'kernel: cdc_acm 1-1.3:1.0: ttyACM0: USB ACM device'),
    at('12:42:53', 'kernel: usb 1-1.3: USB disconnect, device number 4'),
    at('12:42:53', `${program}: device open of /dev/ttyACM0 failed: No such file or directory - retrying read-only`),
    at('12:43:23', `${program}: device open of /dev/ttyACM0 failed: No such file or directory - retrying read-only`),
    at('12:45:25', 'kernel: usb 1-1.3: new full-speed USB device number 6 using dwc_otg'),
    at('12:45:25', 'kernel: usb 1-1.3: New USB device found, idVendor=1546, idProduct=01a7, bcdDevice= 1.00'),
    at('12:45:25', `kernel: usb 1-1.3: Product: ${product}`),
    at('12:45:25', 'kernel: cdc_acm 1-1.3:1.0: ttyACM0: USB ACM device'),
  ].join('\n') + '\n';
}
const portMissing = (text: string) => analyzeText(text, { referenceTime: REF }).findings.filter((f) => f.code === 'modem-port-missing');

describe("a port that is another device's", () => {
  it('a GNSS receiver\'s port gpsd could not open: a note that says whose', () => {
    const found = portMissing(replug('u-blox 7 - GPS/GNSS Receiver', 'gpsd[712]: gpsd:ERROR: SER:'));
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /the port is USB device 1-1\.3's, not a modem's: it calls itself "u-blox 7 - GPS\/GNSS Receiver"/);
  });
  it('a device that may be a modem (cdc_acm, named as one): the finding stays a warning', () => {
    const found = portMissing(replug('Telit LE910 LTE Module', 'modem-app[712]: ERROR:'));
    assert.equal(found.length, 1);
    assert.notEqual(found[0].severity, 'info');
  });
});
