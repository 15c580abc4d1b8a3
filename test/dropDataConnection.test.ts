import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A modem that leaves the USB bus takes its data connection with it, and the data comes back some
// time after the modem does. Blind probe N: a ModemManager reset had NetworkManager's
// `modem-no-carrier` a second before the USB disconnect, told as a data problem of its own with
// the APN's advice; and the drop stories ended at the USB return, understating the outage (20 s
// on the bus, 42 s without data).

const REF = Date.UTC(2026, 11, 7);
const nm = (clock: string, m: string) => `Dec 07 ${clock} edge NetworkManager[1288]: <info>  [1796638564.6220] ${m}`;
const mm = (clock: string, m: string) => `Dec 07 ${clock} edge ModemManager[1322]: <msg> [modem0] ${m}`;
const k = (clock: string, m: string) => `Dec 07 ${clock} edge kernel: ${m}`;
const noise = (clock: string) => `Dec 07 ${clock} edge systemd[1]: Started Daily apt download activities.`;

const leaves = (clock: string) => [
  k(clock, 'usb 1-1.4: USB disconnect, device number 5'),
  k(clock, 'qmi_wwan 1-1.4:1.4 wwan0: unregister \'qmi_wwan\' usb-fe980000.usb-1.4, WWAN/QMI device'),
];
const returns = (clock: string) => [
  k(clock, 'usb 1-1.4: new high-speed USB device number 6 using dwc2'),
  k(clock, 'usb 1-1.4: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  k(clock, 'qmi_wwan 1-1.4:1.4: cdc-wdm0: USB WDM device'),
  k(clock, 'qmi_wwan 1-1.4:1.4 wwan0: register \'qmi_wwan\' at usb-fe980000.usb-1.4, WWAN/QMI device, 62:1c:d9:30:45:aa'),
];
const dataDown = (clock: string) => nm(clock, "device (cdc-wdm0): state change: activated -> deactivating (reason 'modem-no-carrier', sys-iface-state: 'managed')");
const dataUp = (clock: string) => mm(clock, 'state changed (connecting -> connected)');
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('a modem drop tells its data connection going down with it and coming back after it', () => {
  it('the data down a second before the drop and up after the return: one story, the outage to the data\'s return', () => {
    const a = tell([noise('10:15:00'), dataDown('10:16:04'), ...leaves('10:16:05'), ...returns('10:16:27'), noise('10:16:30'), dataUp('10:16:49'), noise('10:18:00')]);
    assert.deepEqual(a.episodes.map((e) => e.kind), ['modem-drop']);
    const steps = a.episodes[0].steps.map((s) => s.text);
    assert.ok(steps.some((s) => /data connection went down at 10:16:04, as it left the bus/.test(s)), steps.join(' | '));
    assert.ok(steps.some((s) => /data connection was up again at 10:16:49, 44 s after the modem left/.test(s)), steps.join(' | '));
  });

  it('a data failure a minute before the drop is not the drop\'s: it stays a story of its own', () => {
    const a = tell([noise('10:14:00'), dataDown('10:15:04'), ...leaves('10:16:05'), ...returns('10:16:27'), dataUp('10:16:49')]);
    assert.ok(a.episodes.some((e) => e.kind === 'data-connection-problem'), a.episodes.map((e) => e.kind).join());
    assert.ok(!a.episodes.find((e) => e.kind === 'modem-drop')!.steps.some((s) => /went down at/.test(s.text)));
  });

  it('a reconnection that failed first (a refused bearer after the return) is the data story\'s, and the drop does not claim its end', () => {
    const refused = mm('10:16:40', "couldn't connect bearer: Unknown error (MissingOrUnknownApn)");
    const a = tell([noise('10:15:00'), ...leaves('10:16:05'), ...returns('10:16:27'), refused, dataUp('10:18:49')]);
    assert.ok(!a.episodes.find((e) => e.kind === 'modem-drop')!.steps.some((s) => /up again/.test(s.text)));
  });

  it('the data up again long after the return (an hour) is not the return\'s', () => {
    const a = tell([noise('10:15:00'), ...leaves('10:16:05'), ...returns('10:16:27'), noise('10:30:00'), dataUp('11:20:00')]);
    assert.ok(!a.episodes.find((e) => e.kind === 'modem-drop')!.steps.some((s) => /up again/.test(s.text)));
  });
});

describe("the data connection up again is the modem's interface's", () => {
  const ow = (clock: string, m: string) => `Sun Jan 19 ${clock} 2025 ${m}`;
  const kern = (clock: string, m: string) => ow(clock, `kern.info kernel: [ 100.000000] ${m}`);
  const drop = [kern('22:50:00', 'usb 1-1: USB disconnect, device number 2'), kern('22:50:05', 'usb 1-1: new high-speed USB device number 3 using ehci-platform'), kern('22:50:05', 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18')];
  it("the LAN coming up after the modem's return is not its data back", () => {
    const a = analyzeText([ow('22:49:00', 'daemon.info dnsmasq[1]: started'), ...drop, ow('22:50:30', "daemon.notice netifd: Interface 'lan' is now up")].join('\n') + '\n', { referenceTime: REF });
    assert.ok(!a.episodes.find((e) => e.kind === 'modem-drop')!.steps.some((s) => /up again/.test(s.text)));
  });
  it('the mobile interface its going took down, up again: its data back', () => {
    const a = analyzeText([ow('22:49:00', 'daemon.info dnsmasq[1]: started'), ow('22:49:58', "daemon.notice netifd: Interface 'mob1s1a1' is now down"), ...drop, ow('22:50:30', "daemon.notice netifd: Interface 'mob1s1a1' is now up")].join('\n') + '\n', { referenceTime: REF });
    assert.ok(a.episodes.find((e) => e.kind === 'modem-drop')!.steps.some((s) => /up again at 22:50:30/.test(s.text)));
  });
});
