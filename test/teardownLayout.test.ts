import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { modemDropStory } from '../server/src/core/stories/entries/modemDrop';

// A log that begins after the modem came up shows its USB layout only as its drivers let go of its
// interfaces (`qmi_wwan 1-1:1.4 wwan0: unregister`): a modem switched to another mode (Quectel's
// `AT+QCFG="usbnet",1`) and back with cdc_ether where qmi_wwan had been is a composition change
// (a blind probe's had been told "came back" and nothing more).

const REF = Date.UTC(2024, 11, 4);
const k = (t: number, msg: string): string => `Sat Feb 10 18:33:${String(t).padStart(2, '0')} 2024 kern.info kernel: [ ${(1880 + t).toFixed(6)}] ${msg}`;
const drop = [
  k(28, 'usb 1-1: USB disconnect, device number 2'),
  k(28, 'option 1-1:1.2: device disconnected'),
  k(28, "qmi_wwan 1-1:1.4 wwan0: unregister 'qmi_wwan' usb-1e1c0000.xhci-1, WWAN/QMI device"),
  k(41, 'usb 1-1: new high-speed USB device number 3 using xhci-mtk'),
  k(41, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  k(41, 'option 1-1:1.2: GSM modem (1-port) converter detected'),
];
const changes = (back: string): string[] =>
  analyzeText([...drop, k(42, back), 'Sat Feb 10 18:50:00 2024 daemon.info dnsmasq[1712]: read /etc/hosts - 4 addresses'].join('\n') + '\n', { referenceTime: REF })
    .findings.filter((f) => f.code === 'usb-composition-change').map((f) => f.message);

describe('the layout a drop\'s teardown shows', () => {
  it('back with cdc_ether where qmi_wwan let go: a composition change', () => {
    const told = changes("cdc_ether 1-1:1.4 usb0: register 'cdc_ether' at usb-1e1c0000.xhci-1, CDC Ethernet Device, 5e:d0:6f:1a:00:01");
    assert.equal(told.length, 1);
    assert.match(told[0], /interface 4 is now cdc_ether, was qmi_wwan/);
  });
  it('back with the same driver: no change', () => {
    assert.deepEqual(changes("qmi_wwan 1-1:1.4 wwan0: register 'qmi_wwan' at usb-1e1c0000.xhci-1, WWAN/QMI device, 5e:d0:6f:1a:00:01"), []);
  });
});

describe('the drop story tells a return in another composition', () => {
  it('as a step of the drop, in the change\'s own words', () => {
    const text = [...drop, k(42, "cdc_ether 1-1:1.4 usb0: register 'cdc_ether' at usb-1e1c0000.xhci-1, CDC Ethernet Device, 5e:d0:6f:1a:00:01"), 'Sat Feb 10 18:50:00 2024 daemon.info dnsmasq[1712]: read /etc/hosts - 4 addresses'].join('\n') + '\n';
    const story = analyzeText(text, { referenceTime: REF }).episodes.find((e) => e.kind === modemDropStory.id);
    assert.ok(story?.steps.some((s) => /came back in a different USB composition \(interface 4 is now cdc_ether, was qmi_wwan/.test(s.text)), story?.steps.map((s) => s.text).join(' | '));
  });
});
