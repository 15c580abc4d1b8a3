import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A USB driver's module removed and loaded again (`rmmod qmi_wwan; modprobe qmi_wwan`, a package
// upgrade): the modem's interface goes and comes back, the modem stays on the bus. Blind probe L's
// driver reload had been told "Modem dropped off USB" with power-supply advice.

const REF = Date.UTC(2026, 11, 8);
const k = (clock: string, m: string) => `Thu Dec  3 ${clock} 2026 kern.info kernel: [52220.113004] ${m}`;
const reload = (driver: string) => [
  k('16:42:14', `usbcore: deregistering interface driver ${driver}`),
  k('16:42:14', "qmi_wwan 1-1.2:1.4 wwan0: unregister 'qmi_wwan' usb-1e1c0000.xhci-1.2, WWAN/QMI device"),
  k('16:42:16', 'qmi_wwan 1-1.2:1.4: cdc-wdm0: USB WDM device'),
  k('16:42:16', "qmi_wwan 1-1.2:1.4 wwan0: register 'qmi_wwan' at usb-1e1c0000.xhci-1.2, WWAN/QMI device, 2e:0b:6d:91:4c:7a"),
  k('16:42:16', 'usbcore: registered new interface driver qmi_wwan'),
];
const before = [k('16:40:00', 'usb 1-1.2: new high-speed USB device number 3 using xhci-mtk'), k('16:40:00', 'usb 1-1.2: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18')];
const after = ['Thu Dec  3 16:45:00 2026 cron.info crond[1312]: USER root pid 8890 cmd /usr/bin/check_wan.sh'];
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('a USB driver unloaded and loaded again', () => {
  it('is no drop of the modem: no story, no USB gap', () => {
    const a = tell([...before, ...reload('qmi_wwan'), ...after]);
    assert.deepEqual(a.episodes.map((e) => e.kind), []);
    assert.deepEqual(a.findings.filter((f) => f.code === 'usb-gap'), []);
  });
  it('another driver unloaded: the interface going is a departure as before', () => {
    const a = tell([...before, ...reload('cdc_ether'), ...after]);
    assert.ok(a.findings.some((f) => f.code === 'usb-gap'), a.findings.map((f) => f.code).join());
  });
});
