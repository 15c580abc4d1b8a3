import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A modem back in another USB mode whose data interface has no control device (ECM where QMI was:
// no /dev/cdc-wdm0), and its connection still opens the old device: the modem is back, its data
// connection is not. Blind probe L's EC25 back in ECM after an update had been told a data problem
// with the APN's advice.

const REF = Date.UTC(2026, 11, 8);
const k = (clock: string, m: string) => `Wed Oct 21 ${clock} 2026 kern.info kernel: [ 5503.218872] ${m}`;
const away = [
  k('14:11:57', 'usb 1-1: USB disconnect, device number 2'),
  k('14:11:57', "qmi_wwan 1-1:1.4 wwan0: unregister 'qmi_wwan' usb-ehci-platform-1, WWAN/QMI device"),
  k('14:15:09', 'usb 1-1: new high-speed USB device number 3 using ehci-platform'),
  k('14:15:09', 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  k('14:15:09', 'option 1-1:1.2: GSM modem (1-port) converter detected'),
  k('14:15:09', 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB2'),
];
const ecm = k('14:15:09', "cdc_ether 1-1:1.4 usb0: register 'cdc_ether' at usb-ehci-platform-1, CDC Ethernet Device, 02:50:f4:00:00:00");
const qmi = k('14:15:09', "qmi_wwan 1-1:1.4 wwan0: register 'qmi_wwan' at usb-ehci-platform-1, WWAN/QMI device, 02:50:f4:00:00:00");
const failedOpen = (clock: string) => `Wed Oct 21 ${clock} 2026 daemon.err gsmd[1450]: Failed to open QMI device /dev/cdc-wdm0: No such file or directory`;
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('a modem back in a USB mode without the control device its connection uses', () => {
  it('ECM where QMI was, and the QMI device looked for after: the drop story says so, with the USB mode\'s advice first', () => {
    const drop = tell([...away, ecm, failedOpen('14:15:33'), failedOpen('14:16:05')]).episodes.find((e) => e.kind === 'modem-drop')!;
    assert.ok(drop.steps.some((s) => /came back with cdc_ether where qmi_wwan was.*a program still looked for that device/.test(s.text)), drop.steps.map((s) => s.text).join('\n'));
    assert.match(drop.advice[0], /another USB mode/);
  });
  it("OpenWrt's qmi.sh finding no control device (its line names none): the same", () => {
    const qmiSh = (clock: string) => `Wed Oct 21 ${clock} 2026 daemon.notice netifd: wwan (7311): The specified control device does not exist`;
    const drop = tell([...away, ecm, qmiSh('14:15:33'), qmiSh('14:16:05')]).episodes.find((e) => e.kind === 'modem-drop')!;
    assert.ok(drop.steps.some((s) => /came back with cdc_ether where qmi_wwan was/.test(s.text)), drop.steps.map((s) => s.text).join('\n'));
    assert.match(drop.advice[0], /another USB mode/);
  });
  it('back in QMI: the same failed open is no mode change', () => {
    const drop = tell([...away, qmi, failedOpen('14:15:33')]).episodes.find((e) => e.kind === 'modem-drop')!;
    assert.ok(!drop.steps.some((s) => /USB mode without the control device/.test(s.text)));
    assert.doesNotMatch(drop.advice.join(' '), /another USB mode/);
  });
});
