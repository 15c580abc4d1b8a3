import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, UNKNOWNS, pickVariant } from '../server/src/core/catalogue/advice';

// Cellular routers that are not Linux boxes (Cisco IOS, MikroTik RouterOS) and FreeBSD gateways:
// their modem's lines are read as stories, the stack is named from them however the log arrives,
// and the advice names that system's own commands (a blind probe's pfSense and RouterOS had been
// told `lsusb` and `/dev/ttyUSB*`, its Cisco IR1101 nothing at all).

const REF = Date.UTC(2025, 5, 1);
const analyze = (text: string) => analyzeText(text, { referenceTime: REF });

const CISCO_DOWN_UP = [
  'May 21 03:02:47.904 CEST: %SYS-6-LOGOUT: User netops has exited tty session 2(10.50.0.31)',
  'May 21 03:47:19.337 CEST: %CELLWAN-2-MODEM_DOWN: Modem in slot 0/1 is DOWN',
  'May 21 03:47:19.342 CEST: %LINK-3-UPDOWN: Interface Cellular0/1/0, changed state to down',
  'May 21 03:47:20.341 CEST: %LINEPROTO-5-UPDOWN: Line protocol on Interface Cellular0/1/0, changed state to down',
  'May 21 03:49:02.455 CEST: %CELLWAN-2-MODEM_UP: Modem in slot 0/1 is now UP',
  'May 21 03:49:10.113 CEST: %CELLWAN-2-MODEM_RADIO: Cellular0/1/0 Modem radio has been turned on',
  'May 21 03:49:32.940 CEST: %LINEPROTO-5-UPDOWN: Line protocol on Interface Cellular0/1/0, changed state to up',
  'May 21 04:00:00.014 CEST: %SMART_LIC-6-REPORTING_REQUIRED: A Usage report acknowledgement will be required in 301 days.',
];

describe('a Cisco router\'s cellular modem', () => {
  it('going down and up again is a story that is over, on Cisco IOS, with IOS\'s commands', () => {
    const a = analyze(CISCO_DOWN_UP.join('\n') + '\n');
    assert.equal(a.host, 'Cisco IOS');
    const story = a.episodes.find((e) => e.kind === 'modem-unresponsive');
    assert.equal(story?.verdict, 'recovered');
    assert.match(story!.steps.map((s) => s.text).join(' '), /slot 0\/1 went down/);
    // The data connection's loss is the modem's, told with it, not a story of its own.
    assert.equal(a.episodes.filter((e) => e.kind === 'data-connection-problem').length, 0);
    assert.match([...story!.advice, ...story!.unknowns].join(' '), /show cellular/);
  });

  it('reads the same through a syslog server: the same story, the stack still Cisco', () => {
    const relayed = CISCO_DOWN_UP.map((l, i) => `2025-05-21T03:${String(i).padStart(2, '0')}:00.000+02:00 ir1101.example.net 0003${90 + i}: ${l}`);
    const a = analyze(relayed.join('\n') + '\n');
    assert.equal(a.host, 'Cisco IOS');
    assert.equal(a.episodes.find((e) => e.kind === 'modem-unresponsive')?.verdict, 'recovered');
  });

  it('a SIM that is not present is the missing SIM\'s story', () => {
    const a = analyze('*Jun 10 05:31:39.475: %CELLWAN-2-MODEM_UP: Modem in slot 0 is now UP\n*Jun 10 05:31:47.660: %CELLWAN-2-SIM_NOT_PRESENT: [Cellular0]: SIM is not present in Slot 0\n');
    const sim = a.episodes.find((e) => e.kind === 'sim-problem');
    assert.ok(sim);
    assert.match(sim!.advice.join(' '), /sees no SIM card.*show cellular/);
  });
});

describe('a MikroTik RouterOS router\'s LTE modem', () => {
  const log = [
    ' 2025-03-14 09:05:01 system,info,account user monitor logged out from 10.8.0.6 via api',
    ' 2025-03-14 09:07:33 lte,info lte1: modem not responding, resetting',
    ' 2025-03-14 09:07:33 interface,info lte1 link down',
    ' 2025-03-14 09:08:17 lte,info lte1 IPv4: 100.72.19.88, DNS: 80.244.99.37,80.244.99.36',
    ' 2025-03-14 09:08:19 interface,info lte1 link up',
    ' 2025-03-14 09:10:12 system,info,account user admin logged out from 192.168.88.23 via winbox',
  ];
  it('its interface down and up again is over, on RouterOS, with RouterOS\'s commands', () => {
    const a = analyze(log.join('\n') + '\n');
    assert.equal(a.host, 'MikroTik RouterOS');
    assert.ok(a.events.some((e) => e.id === 'routeros.lte-link-down' && e.fields.iface === 'lte1'));
    assert.ok(a.episodes.length > 0 && a.episodes.every((e) => e.verdict === 'recovered'), a.episodes.map((e) => `${e.kind}: ${e.verdict}`).join(', '));
    const told = a.episodes.flatMap((e) => [...e.advice, ...e.unknowns]).join(' ');
    assert.match(told, /\/interface lte/);
    assert.doesNotMatch(told, /lsusb|ttyUSB/);
  });
  it('reads `/log print` of RouterOS 6: every line indented, today\'s with a time of day alone', () => {
    const v6 = [' mar/13 23:51:02 system,info,account user admin logged out from 192.168.88.10 via winbox', ' 08:00:00 script,info lte-watch: ok rtt=61ms', ' 08:14:05 interface,info lte1 link down', ' 08:19:47 interface,info lte1 link up'];
    const a = analyze(v6.join('\n') + '\n');
    assert.equal(a.host, 'MikroTik RouterOS');
    assert.deepEqual(a.events.map((e) => e.id), ['routeros.lte-link-down', 'routeros.lte-link-up']);
    assert.equal(a.episodes.find((e) => e.kind === 'data-connection-problem')?.verdict, 'recovered');
    // Text wrapped under a record may start with a time of day: without a program and a level after it, it stays the record's.
    const wrapped = analyze(' 2025-03-14 08:14:05 lte,info lte1 modem status:\n   08:14:05 the modem said nothing more\n');
    assert.equal(wrapped.files[0].skipped.continuation, 1);
  });

  it('another interface\'s link is no modem event', () => {
    const a = analyze(' 2025-03-14 09:07:33 interface,info ether1 link down\n 2025-03-14 09:08:19 interface,info ether1 link up\n');
    assert.deepEqual(a.findings.filter((f) => f.code === 'mobile-data-down'), []);
  });
});

describe('advice on hosts whose tools are not Linux\'s', () => {
  // Advice for lines only a Linux host writes (usb_modeswitch, ModemManager's FCC lock and radio
  // switches, a QMI channel, OpenWrt's protocol scripts finding no device, a ttyUSB port renamed,
  // Linux's qmi_wwan and cdc_ether drivers trading places, NetworkManager's secrets): a log of these hosts has no such line to call for it.
  const LINUX_LINES_ONLY = new Set(['switchInstallMode', 'fccUnlock', 'hardwareRadioOff', 'checkQmiChannel', 'modemDeviceMissing', 'followRenamedPort', 'portHeldByAnother', 'usbModeChanged', 'storeConnectionSecret']);
  const LINUX_TOOLS = /\blsusb\b|\/dev\/ttyUSB|cdc-wdm|\bmmcli\b|\bgsmctl\b|\bqmicli\b|\buqmi\b|\blogread\b|\bnmcli\b|\bsystemctl\b|\bjournalctl\b|\bmodprobe\b|\brfkill\b|\/etc\/init\.d|\buci\b/;
  for (const host of ['freebsd', 'cisco', 'routeros'] as const) {
    it(`names no Linux tool on ${host}`, () => {
      const wrong = Object.entries({ ...ADVICE, ...UNKNOWNS })
        .filter(([key]) => !LINUX_LINES_ONLY.has(key))
        .filter(([, variants]) => LINUX_TOOLS.test(pickVariant(variants, host)?.text ?? ''))
        .map(([key]) => key);
      assert.deepEqual(wrong, []);
    });
  }
});
