import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// What an orderly shutdown takes down is its doing (blind probe C of the 27th session: a router
// rebooted by its nightly schedule had been told a data connection problem with APN advice).

const REF = Date.UTC(2025, 5, 1);
const at = (clock: string, rest: string): string => `Sun Jan 12 ${clock} 2025 ${rest}`;
const boot = [
  at('04:00:41', 'kern.info kernel: [    0.000000] Booting Linux on physical CPU 0x0'),
  at('04:00:41', 'kern.info kernel: [    0.000000] Linux version 5.10.201 (build@rutos) (gcc 8.4.0) #0 SMP Mon Nov 18 09:12:11 2024'),
  at('04:01:23', "daemon.notice netifd: Interface 'mob1s1a1' is now up"),
];
const down = [at('04:00:01', "daemon.notice netifd: Interface 'mob1s1a1' is now down"), at('04:00:01', 'kern.info Mobile data disconnected (internal modem)')];
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('an orderly shutdown', () => {
  for (const [who, line] of [
    ["OpenWrt's init", at('04:00:01', 'daemon.info procd: - shutdown -')],
    ['the kernel', at('04:00:01', 'kern.info kernel: [581207.114021] reboot: Restarting system')],
  ] as const) {
    it(`(${who}): what goes down after it is a note, and no story`, () => {
      const a = tell([line, ...down, ...boot]);
      assert.deepEqual(a.episodes.map((e) => e.kind), []);
      const f = a.findings.find((x) => x.code === 'interface-down')!;
      assert.equal(f.severity, 'info');
      assert.match(f.message, /while the system was shutting down \(line 1: /);
    });
  }
  it('without it, the same lines are a data connection story (the shutdown line is what changes it)', () => {
    const a = tell([...down, ...boot]);
    assert.ok(a.episodes.some((e) => e.kind === 'data-connection-problem'), a.episodes.map((e) => e.kind).join());
  });
  it('a trouble before the shutdown stays what it was', () => {
    const a = tell([...down, at('04:00:02', 'daemon.info procd: - shutdown -'), ...boot]);
    assert.equal(a.findings.find((x) => x.code === 'interface-down')!.severity, 'warning');
  });
  it("a journal's systemd-logind: the same", () => {
    const j = (t: string, m: string) => `Jan 12 04:00:${t} pi ${m}`;
    const a = tell([
      j('00', 'systemd-logind[402]: System is rebooting (requested by user root/0).'),
      j('01', "NetworkManager[610]: <info>  [1736654401.0000] device (cdc-wdm0): state change: activated -> deactivating (reason 'unmanaged', sys-iface-state: 'managed')"),
      j('01', 'ModemManager[600]: <info>  [modem0] state changed (connected -> disconnecting)'),
      j('30', 'kernel: Linux version 6.1.21-v8+ (dom@buildbot) (gcc 8.4.0) #1642 SMP PREEMPT Mon Apr  3 17:24:16 BST 2023'),
    ]);
    assert.ok(!a.episodes.some((e) => e.severity === 'warning' || e.severity === 'error'), a.episodes.map((e) => `${e.kind}:${e.verdict}`).join());
    assert.ok(!a.findings.some((f) => f.severity !== 'info'), a.findings.map((f) => `${f.code}:${f.severity}`).join());
  });
});

describe('the modem disabled on request', () => {
  const j = (clock: string, m: string) => `Nov 04 ${clock} edge-box-07 ${m}`;
  const disable = j('10:15:40', 'ModemManager[702]: <info>  [modem0] state changed (connected -> disabling)');
  const noCarrier = (clock: string) => j(clock, `NetworkManager[688]: <info>  [1730715340.5633] device (cdc-wdm0): state change: activated -> unavailable (reason 'modem-no-carrier', sys-iface-state: 'managed')`);
  const back = j('10:21:13', 'ModemManager[702]: <info>  [modem0] state changed (connecting -> connected)');
  it('what it ends in the next minute is a note, and no story', () => {
    const a = tell([disable, noCarrier('10:15:40'), j('10:15:41', 'ModemManager[702]: <info>  [modem0] state changed (disabling -> disabled)'), back]);
    assert.ok(!a.findings.some((f) => f.severity !== 'info'), a.findings.map((f) => `${f.code}:${f.severity}`).join());
    assert.match(a.findings.find((f) => f.code === 'data-session-failed')!.message, /as the modem was being disabled on request \(line 1: "state changed \(connected -> disabling\)"\)/);
    assert.deepEqual(a.episodes.map((e) => e.kind), []);
  });
  it('without the request, the same line is a trouble', () => {
    const a = tell([noCarrier('10:15:40'), back]);
    assert.ok(a.findings.some((f) => f.code === 'data-session-failed' && f.severity === 'warning'));
  });
  it('what goes down minutes later is not its doing', () => {
    const a = tell([disable, noCarrier('10:19:40'), back]);
    assert.ok(a.findings.some((f) => f.code === 'data-session-failed' && f.severity === 'warning'));
  });
});

describe("the system's sleep", () => {
  const k = (clock: string, m: string) => `May 30 ${clock} x270 kernel: ${m}`;
  const sleep = [k('18:44:52', 'PM: suspend entry (deep)'), k('18:44:52', 'ACPI: PM: Preparing to enter system sleep state S3'), k('21:07:33', 'ACPI: PM: Waking up from system sleep state S3')];
  const drop = [k('21:07:33', 'usb 2-3: USB disconnect, device number 3'), k('21:07:33', "cdc_mbim 2-3:1.12 wwan0: unregister 'cdc_mbim' usb-0000:00:14.0-3, CDC MBIM")];
  const back = [k('21:07:33', 'usb 2-3: new high-speed USB device number 4 using xhci_hcd'), k('21:07:33', 'usb 2-3: New USB device found, idVendor=1199, idProduct=9079, bcdDevice= 0.06'), k('21:07:34', "cdc_mbim 2-3:1.12 wwan0: register 'cdc_mbim' at usb-0000:00:14.0-3, CDC MBIM, 86:b7:3a:2e:0f:11")];
  const wake = [k('21:07:33', 'PM: suspend exit')];
  it('a modem back as the system woke is a note, no story', () => {
    const a = tell([...sleep, ...drop, ...back.slice(0, 2), ...wake, back[2], k('21:20:00', 'usb 1-1: new full-speed USB device number 9 using xhci_hcd')]);
    assert.deepEqual(a.episodes.map((e) => e.kind), []);
    assert.match(a.findings.find((f) => f.code === 'usb-gap')!.message, /as the system slept and woke/);
  });
  it('a modem that did not come back after it is still lost', () => {
    const a = tell([...sleep, ...drop, ...wake, k('21:20:00', 'usb 1-1: new full-speed USB device number 9 using xhci_hcd')]);
    assert.ok(a.episodes.some((e) => e.kind === 'modem-lost' || e.kind === 'modem-drop'), a.episodes.map((e) => e.kind).join());
  });
  // The kernel's uptime does not count a suspend: across a sleep the wall clock moves on by the
  // time slept, which is no clock set (a blind probe's Chromebook, shut for 40 minutes).
  const iso = (clock: string, up: number, m: string) => `2024-12-07T${clock}Z INFO kernel: [${up.toFixed(6).padStart(12)}] ${m}`;
  const around = (asleep: string[]) => [iso('16:08:01.2', 8811.1, 'wlan0: deauthenticating from 1c:61:b4:aa:02:10 by local choice (Reason: 3=DEAUTH_LEAVING)'), ...asleep, iso('16:47:36.0', 8813.2, 'wlan0: authenticated')];
  it('the wall clock moving on across a sleep is time slept, not a clock set', () => {
    const a = tell(around([iso('16:08:02.3', 8812.2, 'PM: suspend entry (s2idle)'), iso('16:47:35.9', 8813.1, 'PM: suspend exit')]));
    const jump = a.findings.find((f) => f.code === 'clock-jump')!;
    assert.match(jump.message, /slept before it \(line 2: "PM: suspend entry \(s2idle\)"\)/);
    assert.doesNotMatch(jump.message, /clock was set|not comparable/);
  });
  it('the same step without a sleep before it is a clock set', () => {
    const a = tell(around([iso('16:08:02.3', 8812.2, 'usb 1-1: new full-speed USB device number 9 using xhci_hcd'), iso('16:47:35.9', 8813.1, 'usb 1-1: new full-speed USB device number 10 using xhci_hcd')]));
    assert.match(a.findings.find((f) => f.code === 'clock-jump')!.message, /clock was set/);
  });
  it('a modem taken off the bus as the system prepares its sleep, before the kernel\'s line, is the sleep\'s too', () => {
    const prep = [`May 30 18:44:51 x270 ModemManager[988]: <info>  [sleep-monitor-systemd] system is about to suspend`];
    const a = tell([...prep, ...drop.map((l) => l.replace('21:07:33', '18:44:51')), k('18:44:52', 'PM: suspend entry (deep)'), ...back.slice(0, 2), ...wake, back[2], k('21:20:00', 'usb 1-1: new full-speed USB device number 9 using xhci_hcd')]);
    assert.deepEqual(a.episodes.map((e) => e.kind), []);
    assert.match(a.findings.find((f) => f.code === 'usb-gap')!.message, /as the system slept and woke/);
  });
  it('the same drop with no sleep around it is a drop', () => {
    const a = tell([...drop, ...back, k('21:20:00', 'usb 1-1: new full-speed USB device number 9 using xhci_hcd')]);
    assert.ok(a.episodes.some((e) => e.kind === 'modem-drop'));
  });
});

describe("an OpenWrt protocol script's teardown", () => {
  const n = (clock: string, m: string) => `Tue Dec  3 ${clock} 2024 daemon.notice netifd: ${m}`;
  const failed = (iface: string, pid: number) => n('15:05:03', `${iface} (${pid}): Command failed: Permission denied`);
  it('the ubus call that fails as the interface goes is a note', () => {
    const a = tell([n('15:05:03', 'wwan (2311): Stopping network wwan'), failed('wwan', 2311), n('15:05:03', "Interface 'wwan' is now down")]);
    const f = a.findings.find((x) => x.code === 'data-session-failed')!;
    assert.equal(f.severity, 'info');
    assert.match(f.message, /as the interface's protocol script tore it down \(line 1: "Stopping network wwan"\)/);
    assert.ok(!a.episodes.some((e) => e.kind === 'data-connection-problem'));
  });
  it("another interface's failure, or one with no teardown before it, stays a trouble", () => {
    const other = tell([n('15:05:03', 'wwan (2311): Stopping network wwan'), failed('lte', 2400)]);
    assert.equal(other.findings.find((x) => x.code === 'data-session-failed')!.severity, 'warning');
    const alone = tell([failed('wwan', 2311)]);
    assert.equal(alone.findings.find((x) => x.code === 'data-session-failed')!.severity, 'warning');
  });
});
