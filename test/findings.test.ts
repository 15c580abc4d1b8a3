import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, FileAnalysis, finishAnalysis, readAgain, type AnalyzeOptions } from '../server/src/core/analyze';
import { HeldBytes, HeldLines, READ_AGAIN_BUDGET } from '../server/src/core/readAgain';
import { reshape } from './support/reshape';
import type { Analysis, FindingCode } from '../server/src/core/model';

const REF = Date.UTC(2025, 0, 1);

function run(lines: string[], options: AnalyzeOptions = {}): Analysis {
  return analyzeText(lines.join('\n') + '\n', { referenceTime: REF, ...options });
}

function codes(a: Analysis): FindingCode[] {
  return a.findings.map((f) => f.code);
}

const W = (t: string): string => `Mon Dec  2 ${t} 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to \`1-1 [2c7c:6005]\` modem failed: errno 5`;
const K = (t: string, up: number, msg: string): string => `Mon Dec  2 ${t} 2024 kern.info kernel: [${up.toFixed(6).padStart(12)}] ${msg}`;
const filler = (from: number, n: number, stepMin = 5): string[] =>
  Array.from({ length: n }, (_, i) => {
    const m = from + i * stepMin;
    return `Mon Dec  2 ${String(20 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00 2024 daemon.info dnsmasq[2170]: read /etc/hosts - 4 addresses`;
  });

describe('findings', () => {
  it('groups a burst of write failures into one finding with a count', () => {
    const a = run([W('19:54:59'), W('19:55:00'), W('19:55:02'), W('19:55:05')]);
    const f = a.findings.filter((x) => x.code === 'modem-write-failure');
    assert.equal(f.length, 1);
    assert.equal(f[0].count, 4);
    assert.equal(f[0].line, 1);
    assert.equal(f[0].endLine, 4);
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /errno 5 \(EIO\).*4 times in 6 s/);
  });

  it('splits bursts that are further apart than the burst window', () => {
    const a = run([W('19:54:59'), W('19:55:00'), W('20:30:00')]);
    assert.equal(a.findings.filter((x) => x.code === 'modem-write-failure').length, 2);
    const wide = run([W('19:54:59'), W('19:55:00'), W('20:30:00')], { burstWindowSeconds: 3600 });
    assert.equal(wide.findings.filter((x) => x.code === 'modem-write-failure').length, 1);
  });

  it('reports duplicate registration and the silence after it', () => {
    const a = run([
      W('19:54:59'),
      'Mon Dec  2 19:55:05 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!',
      'Mon Dec  2 19:55:05 2024 daemon.info gsmd[3553]: [__modem_added:594] error: [MODEM_MANAGER] Unable to initialize `1-1 [2c7c:6005]` modem!',
      ...filler(0, 12),
    ]);
    assert.ok(codes(a).includes('modem-duplicate-registration'));
    const silent = a.findings.find((f) => f.code === 'modem-silent');
    assert.ok(silent, 'modem-silent expected');
    assert.equal(silent.severity, 'error');
    assert.match(silent.message, /since 19:55:05/);
  });

  it('does not call gsmd silent when it speaks again', () => {
    const a = run([
      W('19:54:59'),
      'Mon Dec  2 19:55:05 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!',
      ...filler(0, 3),
      'Mon Dec  2 20:20:00 2024 daemon.info gsmd[4120]: [__new_modem:801] debug: [MODEM_MANAGER] New modem:',
      ...filler(30, 10),
    ]);
    assert.ok(!codes(a).includes('modem-silent'));
  });

  // gsmd's silence proves little (knowledge 6); a RutOS mobile interface up after the loss shows
  // gsmd has the modem again (a blind probe's updated RUTX11 had been told "gsmd went silent").
  it('does not call gsmd silent when the mobile interface comes up again after the loss', () => {
    const lines = [W('19:54:59'), ...filler(0, 3), 'Mon Dec  2 19:58:10 2024 daemon.notice netifd: Interface \'mob1s1a1\' is now up', ...filler(30, 12)];
    assert.ok(!codes(run(lines)).includes('modem-silent'));
    // The LAN coming up says nothing of the modem.
    const lan = lines.map((l) => l.replace("'mob1s1a1'", "'lan'"));
    assert.ok(codes(run(lan)).includes('modem-silent'));
  });

  it('reports every drop off the bus, short or long, with how long it lasted', () => {
    // Real labels count an 8 s and even a 143 ms re-enumeration as the modem dropping off USB.
    const short = run([K('10:00:00', 100, 'usb 1-1: USB disconnect, device number 5'), K('10:00:08', 108, 'usb 1-1: new high-speed USB device number 6 using xhci-hcd')]);
    assert.deepEqual(codes(short), ['usb-gap']);
    assert.equal(short.findings[0].severity, 'warning');
    assert.match(short.findings[0].message, /at 10:00:00 and was back at 10:00:08, 8 s later/);
    const long = run([K('10:00:00', 100, 'usb 1-1: USB disconnect, device number 5'), K('10:02:31', 251, 'usb 1-1: new high-speed USB device number 6 using xhci-hcd')]);
    const gap = long.findings.find((f) => f.code === 'usb-gap');
    assert.ok(gap);
    assert.match(gap.message, /2 min 31 s/);
  });

  it('reports a device that never came back, with an error once the log goes on without it', () => {
    const a = run([K('10:00:00', 100, 'usb 1-1: USB disconnect, device number 5'), ...filler(0, 3)]);
    const gap = a.findings.find((f) => f.code === 'usb-gap');
    assert.ok(gap);
    assert.equal(gap.severity, 'error');
    assert.match(gap.message, /did not come back/);
  });

  it('infers a departure from interface teardown when no disconnect line was logged', () => {
    const a = run(['[  207.989583] option 2-1:1.0: device disconnected', "[  208.010636] qmi_wwan 2-1:1.4 wwan0: unregister 'qmi_wwan' usb-1c1b000.usb-1, WWAN/QMI device", '[  304.184245] usb usb4-port1: unable to enumerate USB device']);
    assert.ok(codes(a).includes('usb-gap'));
  });

  it('finds a reconnect loop and reports it once', () => {
    const lines: string[] = [];
    for (let i = 0; i < 5; i++) {
      const up = 1000 + i * 60;
      lines.push(`[${up.toFixed(6)}] usb 1-1: USB disconnect, device number ${6 + i}`, `[${(up + 0.4).toFixed(6)}] usb 1-1: new high-speed USB device number ${7 + i} using ehci-platform`);
    }
    const a = run(lines);
    assert.deepEqual(codes(a), ['usb-reconnect-loop']);
    assert.equal(a.findings[0].count, 10);
    assert.match(a.findings[0].message, /5 times within 4 min/);
  });

  it('sees a different USB composition after re-enumeration', () => {
    const a = run([
      "[   11.215003] rndis_host 1-1:1.0 usb0: register 'rndis_host' at usb-101c0000.ehci-1, RNDIS device, 02:4b:b3:b9:eb:e5",
      '[  466.515595] usb 1-1: USB disconnect, device number 6',
      '[  617.304417] usb 1-1: new high-speed USB device number 7 using ehci-platform',
      "[  618.127355] cdc_ether 1-1:1.0 usb0: register 'cdc_ether' at usb-101c0000.ehci-1, CDC Ethernet Device, 02:4b:b3:b9:eb:e5",
    ]);
    const change = a.findings.find((f) => f.code === 'usb-composition-change');
    assert.ok(change);
    assert.match(change.message, /cdc_ether instead of rndis_host/);
  });

  it('knows which data mode RutOS expects from the modem\'s USB ID', () => {
    const a = run([
      'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
      "Mon Dec  2 20:00:05 2024 kern.info kernel: [  618.127355] cdc_ether 1-1:1.0 usb0: register 'cdc_ether' at usb-101c0000.ehci-1, CDC Ethernet Device, 02:4b:b3:b9:eb:e5",
    ]);
    const change = a.findings.find((f) => f.code === 'usb-composition-change');
    assert.ok(change);
    assert.match(change.message, /ECM mode, but RutOS drives it in RNDIS mode/);
  });

  it('recognises emergency download mode in lsusb output', () => {
    const a = run(['Bus 001 Device 024: ID 05c6:9008', 'Bus 003 Device 002: ID 05e3:0610']);
    const edl = a.findings.find((f) => f.code === 'modem-edl-mode');
    assert.ok(edl);
    assert.equal(edl.line, 1);
    assert.equal(a.episodes[0]?.verdict, 'failed');
  });

  it('reads the real level of gsmd lines and conditional PIN/registration codes', () => {
    const a = run([
      'Fri Mar  7 08:12:40 2025 daemon.info gsmd[2210]: [urc_pin_state:133] debug: Modem `1-1 [2c7c:0801]` URC Event: PIN State: OK (1)',
      'Fri Mar  7 08:12:41 2025 daemon.info gsmd[2210]: [urc_pin_state:133] debug: Modem `1-1 [2c7c:0801]` URC Event: PIN State: Not inserted (10)',
      'Fri Mar  7 08:14:55 2025 daemon.info gsmd[2210]: [urc_net_state:160] debug: Modem `1-1 [2c7c:0801]` URC Event: NET State: Denied (3)',
    ]);
    assert.deepEqual(codes(a), ['sim-error', 'registration-failed']);
    assert.equal(a.findings[0].line, 2);
  });

  it('tells clean reboots from unexpected ones', () => {
    const a = run([
      'Tue Dec  3 09:10:02 2024 kern.info Request from Web UI',
      'Tue Dec  3 09:12:40 2024 kern.info Device startup after unexpected shutdown',
    ]);
    assert.deepEqual(codes(a).sort(), ['reboot', 'unexpected-reboot']);
  });

  it('starts a boot segment when uptime restarts and reports the boot', () => {
    const a = run([K('10:00:00', 5000, 'usb 1-1: USB disconnect, device number 5'), K('10:05:00', 1.5, 'usb 1-1: new high-speed USB device number 2 using ehci-platform')]);
    assert.equal(a.files[0].segments, 2);
    assert.ok(codes(a).includes('reboot'));
  });

  it('reports a clock that jumps, including from 1970', () => {
    const a = run([
      'Thu Jan  1 00:00:40 1970 kern.info kernel: [   40.000000] usb 1-1: new high-speed USB device number 2 using ehci-platform',
      'Mon Dec  2 19:54:59 2024 kern.info kernel: [   45.000000] usb 1-1: USB disconnect, device number 2',
    ]);
    const jump = a.findings.find((f) => f.code === 'clock-jump');
    assert.ok(jump);
    assert.match(jump.message, /1970/);
    assert.ok(a.notices.some((n) => /1970/.test(n.message)));
  });

  it('places a clock set between two kernel lines at the line the wall clock stepped, with the times the log shows', () => {
    const a = run([
      'Thu Jan  1 00:01:30 1970 kern.info kernel: [   90.000000] br-lan: port 2(eth0.1) entered forwarding state',
      'Thu Jan  1 00:01:35 1970 daemon.info dnsmasq[812]: started, version 2.89',
      'Thu Jan  1 00:01:40 1970 daemon.notice ntpd[1400]: setting time to 2024-06-18 14:22:05.120000 (offset +1718720185.120000s)',
      'Tue Jun 18 14:22:06 2024 daemon.info dnsmasq[812]: read /etc/hosts - 4 names',
      'Tue Jun 18 14:22:10 2024 daemon.info dropbear[900]: Running in background',
      'Tue Jun 18 14:23:00 2024 kern.info kernel: [  144.000000] br-lan: port 2(eth0.1) entered forwarding state',
    ]);
    const jump = a.findings.find((f) => f.code === 'clock-jump')!;
    assert.equal(jump.line, 4);
    assert.match(jump.message, /from 1970-01-01 00:01:40 to 2024-06-18 14:22:06/);
  });

  it('keeps quiet about a healthy log', () => {
    const a = run([
      "Sun Jan 19 22:50:03 2025 daemon.notice netifd: Interface 'wwan' is now up",
      'Mon Dec  2 18:01:12 2024 kern.info Mobile data connected (IPv4, internal modem)',
      ...filler(0, 5),
    ]);
    assert.deepEqual(a.findings.filter((f) => f.severity !== 'info'), []);
    assert.equal(a.episodes.length, 0);
  });

  it('counts each kernel event once in a troubleshoot system.log', () => {
    const a = run([
      '[Dmesg]',
      '[  466.515595] usb 1-1: USB disconnect, device number 6',
      '',
      '[Logread]',
      'Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6',
      'Mon Dec  2 19:58:00 2024 daemon.info dnsmasq[2170]: read /etc/hosts - 4 addresses',
    ]);
    const disconnects = a.events.filter((e) => e.id === 'usb.disconnect');
    assert.equal(disconnects.length, 1);
    assert.equal(disconnects[0].line, 5, 'the dated copy wins');
  });

  it('maps dmesg uptime to wall time within the boot', () => {
    const a = run([
      '[Dmesg]',
      '[  700.000000] usb 1-1: USB disconnect, device number 7',
      '[Logread]',
      'Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.500000] usb 1-1: new high-speed USB device number 7 using ehci-platform',
    ]);
    const d = a.events.find((e) => e.id === 'usb.disconnect');
    assert.equal(new Date(d!.time!).toISOString().slice(11, 19), '20:01:26');
  });
});

describe('several episodes in one log', () => {
  const episode = (day: number): string[] => {
    const d = `Mon Dec  ${day} `;
    return [
      `${d}19:54:50 2024 kern.info kernel: [  303.102113] usb 1-1: USB disconnect, device number 5`,
      `${d}19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to \`1-1 [2c7c:6005]\` modem failed: errno 5`,
      `${d}19:55:05 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem \`1-1 [2c7c:6005]\` already exists and is registered!`,
    ].map((l) => l.replace(`Mon Dec  ${day} `, `${['Sun', 'Mon', 'Tue', 'Wed'][day - 1]} Dec  ${day} `));
  };

  it('tells each attempt as its own episode, with its own evidence', () => {
    const a = analyzeText([...episode(2), ...filler(0, 30, 20), ...episode(3), ...filler(0, 3)].join('\n'), { referenceTime: REF });
    assert.equal(a.episodes.length, 2);
    assert.ok(a.episodes[0].endLine < a.episodes[1].startLine, 'the episodes do not overlap');
    assert.ok(a.episodes[0].evidence.every((l) => l <= 3));
    assert.ok(a.episodes[1].evidence.every((l) => l > 33));
    assert.ok(!a.episodes[0].steps.some((s) => /The log ends/.test(s.text)), 'only the last episode reaches the end of the log');
    assert.equal(a.findings.filter((f) => f.code === 'fw-update-stuck').length, 2);
  });
});

// Flasher output, ModemManager/libqmi traces, comgt, procd and ESP-IDF lines told as another device
// or firmware would print them: the same facts as fixtures 003, 029, 033, 035, 039, 045, 047, 049
// and 053, not their wording.
describe('modem facts read from other stacks', () => {
  const codesOf = (lines: string[]): FindingCode[] => codes(run(lines));

  it('reads emergency download mode from a flasher that switched the modem and stopped', () => {
    // QFirehose 1.1.x on a PC (no colon after the stamp), a different module, stopped before Sahara.
    const a = run([
      '[003.528] P: /dev/bus/usb/006/028 idVendor=2c7c idProduct=0620',
      '[004.533] switch to \'Emergency download mode\'',
      '[004.535] successful, wait module reboot',
      '[005.536] fail to fopen /sys/bus/usb/devices/6-1/uevent, errno: 2 (No such file or directory)',
    ]);
    const edl = a.findings.find((f) => f.code === 'modem-edl-mode');
    assert.ok(edl, 'modem-edl-mode expected');
    assert.equal(edl.severity, 'error');
    assert.equal(edl.line, 3);
    assert.match(edl.message, /no flash completing/);
  });

  it('reads emergency download mode from a failed Sahara hand-over, and the 9008 ID when printed', () => {
    const sahara = run([
      '[006.537] [0] /sys/bus/usb/devices/5-1 5c6/9008/0',
      '[006.542] STATE <-- SAHARA_WAIT_HELLO',
      '[011.544] Received a different command: 4 while waiting for hello packet',
      '[011.544] SENDING --> SAHARA_RESET',
      '[011.545] Sahara protocol error',
      '[011.545] Upgrade module failed.',
    ]);
    assert.ok(codes(sahara).includes('modem-edl-mode'));
    assert.ok(codes(sahara).includes('fw-update-failed'));
    const id = run(['[006.540] P: /dev/bus/usb/005/036 idVendor=05c6 idProduct=9008', 'P:  Vendor=05c6 ProdID=9008 Rev= 0.00']);
    assert.match(id.findings.find((f) => f.code === 'modem-edl-mode')!.message, /05c6:9008/);
  });

  it('says nothing of emergency download mode once the flash completed', () => {
    // A successful QFirehose run: the modem passes through EDL (05c6:9008, Sahara) and is written.
    const a = run([
      '[003.528] P: /dev/bus/usb/006/028 idVendor=2c7c idProduct=0620',
      '[004.533] switch to \'Emergency download mode\'',
      '[004.535] successful, wait module reboot',
      '[006.540] P: /dev/bus/usb/005/036 idVendor=05c6 idProduct=9008',
      '[006.542] STATE <-- SAHARA_WAIT_HELLO',
      '[006.542] RECEIVED <-- SAHARA_MODE_IMAGE_TX_PENDING',
      '[006.609] Sahara protocol completed',
      '[084.199] send ../sbl1.mbn, filesize=556180',
      '[084.445] THE TOTAL DOWNLOAD TIME IS 77.904 s',
      '[084.446] Upgrade module successfully.',
    ]);
    assert.ok(!codes(a).includes('modem-edl-mode'), codes(a).join(','));
  });

  it('does not read a crash-dump capture over Sahara as emergency download mode', () => {
    const a = run([
      '[003.118] STATE <-- SAHARA_WAIT_HELLO',
      '[003.120] RECEIVED <-- SAHARA_MODE_MEMORY_DEBUG',
      '[012.336] Sahara protocol completed',
      '[012.337] Catch DUMP using Sahara protocol successful',
    ]);
    assert.ok(!codes(a).includes('modem-edl-mode'));
    assert.ok(a.events.some((e) => e.id === 'sahara.memory-dump'));
  });

  it('reads an unresponsive modem and a dropped bearer from ModemManager, and QMI timeouts from libqmi', () => {
    assert.deepEqual(codesOf([
      'Jun 03 10:15:02 pi ModemManager[640]: <wrn> [modem1] port cdc-wdm0 timed out 3 consecutive times',
      'Jun 03 10:15:40 pi ModemManager[640]: <msg> [modem1] state changed (connected -> searching)',
    ]).sort(), ['mobile-data-down', 'modem-unresponsive']);
    assert.deepEqual(codesOf([
      'Dec 14 10:28:00 71edded ModemManager[1284]: transaction 0x40 aborted, but message is not abortable',
      'Dec 14 10:28:08 71edded ModemManager[1284]: [modem0/bearer0] reloading stats failed: QMI operation failed: Transaction timed out',
    ]), ['modem-unresponsive']);
    // A disconnect that was asked for passes through "disconnecting": no data-down finding.
    assert.deepEqual(codesOf([
      'Sun Feb  9 12:31:48 2025 daemon.notice [2656]: <msg> [modem0] state changed (connected -> disconnecting)',
      'Sun Feb  9 12:31:49 2025 daemon.notice [2656]: <msg> [modem0] state changed (disconnecting -> registered)',
    ]), []);
  });

  it('reads a failed registration from a +CME ERROR answer and from ModemManager', () => {
    assert.deepEqual(codesOf(['Mar 02 09:14:12 pinephone ModemManager[812]: <dbg> [modem0/at] <-- \'<CR><LF>+CME ERROR: no network service<CR><LF>\'']), ['registration-failed']);
    assert.deepEqual(codesOf(['Mar 02 09:14:40 thinkpad ModemManager[812]: <wrn> [modem0] registration in network failed: Network not allowed - emergency calls only']), ['registration-failed']);
    assert.deepEqual(codesOf(['Mar 02 09:14:12 pinephone ModemManager[812]: <dbg> [modem0/at] <-- \'<CR><LF>+CME ERROR: 3<CR><LF>\'']), []);
  });

  it('reads a failed write to the modem from comgt', () => {
    assert.deepEqual(codesOf(['Tue Jun 11 08:01:02 2019 daemon.notice netifd: wan3g (2211): comgt 08:01:02 -> Error @97, line 7, Could not write to COM device. (1)']), ['modem-write-failure']);
  });

  it('reads a boot from procd\'s stages and from a crash banner, not from the watchdog stage', () => {
    assert.deepEqual(codesOf(['Fri Mar  1 07:00:12 2024 user.info kernel: [    9.100512] procd: - early -', 'Fri Mar  1 07:00:12 2024 user.info kernel: [    9.103318] procd: - watchdog -']), ['reboot']);
    assert.deepEqual(codesOf(['Fri Mar  1 07:00:12 2024 user.info kernel: [    9.103318] procd: - watchdog -']), []);
    const crash = run(['Jan  9 03:12:44 kernel: _ Reboot message ... ____________________', 'Jan  9 03:12:44 kernel: <0>Internal error: Oops: 17 [#1] SMP ARM']);
    assert.deepEqual(codes(crash), ['reboot']);
    assert.ok(crash.events.some((e) => e.id === 'kernel.oops' && e.severity === 'error'));
  });

  it('follows a cellular module on an ESP-IDF USB host by its address and sees it loop', () => {
    const cycle = (t: number): string[] => [
      `I (${t}) USBH_CDC: Opened cdc device: 1`,
      `I (${t + 4}) USBH_CDC: New device connected, address: 1`,
      `E (${t + 8000}) USBH: Device 1 gone`,
      `W (${t + 8010}) 4g_main: Modem Board Event: USB disconnected`,
    ];
    const a = run([...cycle(7643), ...cycle(21111), ...cycle(39020), ...cycle(57550)]);
    assert.ok(codes(a).includes('usb-reconnect-loop'), codes(a).join(','));
    // A normal start of the same stack (esp-iot-solution's example output) raises nothing.
    const healthy = run([
      'I (7634) modem_board: DTE reconnect, reconnecting ...',
      'I (7639) 4g_main: Modem Board Event: USB connected',
      'I (7643) USBH_CDC: Opened cdc device: 1',
      'I (7647) USBH_CDC: New device connected, address: 1',
      'I (8639) modem_board: reconnect after 5s...',
      'I (12649) modem_board: Network Auto reconnecting ...',
      'W (12650) 4g_main: Modem Board Event: Network disconnected',
      'I (13770) 4g_main: Modem Board Event: Network connected',
    ]);
    assert.deepEqual(healthy.findings.filter((f) => f.severity !== 'info'), []);
  });
});

describe('the kernel told in the shapes of dmesg options', () => {
  // A modem dropping off USB and coming back, as dmesg prints it with -x, -d, -H and --time-format iso,
  // and -x before another option's stamp (-T, -H) or none (-t).
  const told: Record<string, string> = {
    'dmesg -x': 'kern  :info  : [  100.123456] usb 1-1: USB disconnect, device number 6\nkern  :info  : [  220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform\n',
    'dmesg -d': '[  100.123456 <    0.000123>] usb 1-1: USB disconnect, device number 6\n[  220.123456 <  120.000000>] usb 1-1: new high-speed USB device number 7 using ehci-platform\n',
    'dmesg -H': '[Dec 2 19:54] usb 1-1: USB disconnect, device number 6\n[  +2.000000] usb 1-1: new high-speed USB device number 7 using ehci-platform\n',
    'dmesg --time-format iso': '2024-12-02T19:54:01,123456+01:00 usb 1-1: USB disconnect, device number 6\n2024-12-02T19:56:01,123456+01:00 usb 1-1: new high-speed USB device number 7 using ehci-platform\n',
    'dmesg -x -T': 'kern  :info  : [Mon Dec  2 19:54:01 2024] usb 1-1: USB disconnect, device number 6\nkern  :info  : [Mon Dec  2 19:56:01 2024] usb 1-1: new high-speed USB device number 7 using ehci-platform\n',
    'dmesg -x -H': 'kern  :info  : [Dec 2 19:54] usb 1-1: USB disconnect, device number 6\nkern  :info  : [  +2.000000] usb 1-1: new high-speed USB device number 7 using ehci-platform\n',
    'dmesg -x -t': 'kern  :info  : usb 1-1: USB disconnect, device number 6\nkern  :info  : usb 1-1: new high-speed USB device number 7 using ehci-platform\n',
  };
  for (const [how, text] of Object.entries(told)) {
    it(`${how}: the drop and the return, never "did not come back"`, () => {
      const gaps = analyzeText(text, { referenceTime: Date.UTC(2024, 11, 3) }).findings.filter((f) => f.code === 'usb-gap');
      assert.equal(gaps.length, 1, how);
      assert.match(gaps[0].message, /and was back/, how);
      assert.deepEqual(gaps[0].lines, [1, 2], how);
    });
  }
});

describe('the kernel told as JSON lines', () => {
  // A modem dropping off USB and coming back, as journalctl -o json and Docker's json-file write it.
  const told: Record<string, string> = {
    'journalctl -o json': [
      { __REALTIME_TIMESTAMP: '1733169241123456', SYSLOG_IDENTIFIER: 'kernel', _SOURCE_MONOTONIC_TIMESTAMP: '100123456', MESSAGE: 'usb 1-1: USB disconnect, device number 6' },
      { __REALTIME_TIMESTAMP: '1733169361123456', SYSLOG_IDENTIFIER: 'kernel', _SOURCE_MONOTONIC_TIMESTAMP: '220123456', MESSAGE: 'usb 1-1: new high-speed USB device number 7 using ehci-platform' },
    ].map((o) => JSON.stringify(o)).join('\n'),
    "Docker's json-file": [
      { log: 'Mon Dec  2 19:54:01 2024 kern.info kernel: [  100.123456] usb 1-1: USB disconnect, device number 6\n', stream: 'stdout', time: '2024-12-02T19:54:01.1Z' },
      { log: 'Mon Dec  2 19:56:01 2024 kern.info kernel: [  220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform\n', stream: 'stdout', time: '2024-12-02T19:56:01.1Z' },
    ].map((o) => JSON.stringify(o)).join('\n'),
  };
  for (const [how, text] of Object.entries(told)) {
    it(`${how}: the drop and the return, 2 min apart`, () => {
      const gaps = analyzeText(text, { referenceTime: Date.UTC(2024, 11, 3) }).findings.filter((f) => f.code === 'usb-gap');
      assert.equal(gaps.length, 1, how);
      assert.match(gaps[0].message, /and was back .*2 min later/, how);
      assert.deepEqual(gaps[0].lines, [1, 2], how);
    });
  }
});

describe('one drop and return in the shapes of other syslog writers and pastes', () => {
  // The same two kernel lines as other writers lay them out; each must give the gap with its time.
  const A = 'usb 1-1: USB disconnect, device number 6';
  const B = 'usb 1-1: new high-speed USB device number 7 using ehci-platform';
  const shapes: Record<string, (message: string, clock: string, uptime: string) => string> = {
    'ISO, no host (a template without it)': (m, c) => `2024-12-02T${c}+01:00 kernel: ${m}`,
    'ISO with a space, no host': (m, c) => `2024-12-02 ${c} kernel: ${m}`,
    'ISO without seconds': (m, c) => `2024-12-02T${c.slice(0, 5)} kernel: ${m}`,
    'ISO with facility.level, no host': (m, c) => `2024-12-02 ${c},123 kern.info kernel: ${m}`,
    "rsyslog's forwarding format (<PRI>, RFC 3339, host)": (m, c) => `<6>2024-12-02T${c}.123456+01:00 router kernel: ${m}`,
    'RFC 3339 with a host and the uptime': (m, c, u) => `2024-12-02T${c}.123Z router.local kernel: [${u}] ${m}`,
    'BSD, a day of one digit': (m, c, u) => `Dec 2 ${c} router kernel: [  ${u}] ${m}`,
    'BSD with a weekday': (m, c) => `Mon Dec  2 ${c} router kernel: ${m}`,
    'BSD, the month in lower case': (m, c) => `dec 02 ${c} router kernel: ${m}`,
    'BusyBox without a host': (m, c) => `Dec  2 ${c} kernel: ${m}`,
    'a date with slashes': (m, c) => `2024/12/02 ${c} kernel: ${m}`,
    'a German date': (m, c) => `02.12.2024 ${c} router kernel: ${m}`,
    'an American date': (m, c) => `12/02/2024 ${c} router kernel: ${m}`,
    'dmesg -T without a weekday': (m, c) => `[Dec  2 ${c} 2024] ${m}`,
    "LuCI's table, a kernel row": (m, c, u) => `[2.12.2024, ${c}] kern.info: [${u}] ${m}`,
    // Tables exported from a log aggregator or a spreadsheet (formats/columns.ts).
    'tab-separated columns': (m, c) => `2024-12-02 ${c}\trouter\tkernel\t${m}`,
    'tab-separated, no host, CRLF': (m, c) => `2024-12-02 ${c}\tkernel\t${m}\r`,
    'columns printed with bars': (m, c) => `2024-12-02 ${c} | router | kernel | ${m}`,
    'CSV, every column quoted': (m, c) => `"2024-12-02 ${c}","router","kernel","${m}"`,
    'CSV without quotes, a level column': (m, c) => `2024-12-02T${c}Z,router,info,kernel,${m}`,
    // A program the format does not read off: the event's text is found after it (eventMatcher.ts).
    'a bracketed ISO date, then the program': (m, c) => `[2024-12-02 ${c}] kernel: ${m}`,
    'a time with milliseconds, the program in brackets': (m, c) => `${c}.123 [kernel] ${m}`,
    'ISO, a host, then facility.level (syslog-ng)': (m, c) => `2024-12-02T${c}+01:00 router kern.info kernel: ${m}`,
    "JavaScript's Date.toString()": (m, c) => `Mon Dec 02 2024 ${c} GMT+0100 kernel: ${m}`,
    'a Unix time without a host': (m, c) => `${c === '19:54:59' ? 1733169299 : 1733169419}.123 kernel: ${m}`,
  };
  for (const [how, line] of Object.entries(shapes)) {
    it(how, () => {
      const text = `${line(A, '19:54:59', '100.123456')}\n${line(B, '19:56:59', '220.123456')}\n`;
      const gaps = analyzeText(text, { referenceTime: Date.UTC(2024, 11, 3) }).findings.filter((f) => f.code === 'usb-gap');
      assert.equal(gaps.length, 1, text);
      assert.match(gaps[0].message, /and was back .*2 min later/, text);
    });
  }
});

describe('dates written with slashes or dashes: day or month first', () => {
  const ref = { referenceTime: Date.UTC(2026, 11, 6) };
  const drop = (date: string, clock: string, n: number): string => `[${date}, ${clock}] kern.info: usb 1-1: USB disconnect, device number ${n}`;
  const back = (date: string, clock: string, n: number): string => `[${date}, ${clock}] kern.info: usb 1-1: new high-speed USB device number ${n} using ehci-platform`;

  it('a modem off the bus across midnight, copied from an en-GB browser: 3 minutes, not a month', () => {
    const a = analyzeText([drop('01/12/2026', '23:58:11', 5), back('02/12/2026', '00:01:11', 6)].join('\n'), ref);
    assert.match(a.findings.find((f) => f.code === 'usb-gap')!.message, /3 min later/);
    assert.equal(new Date(a.files[0].firstTime!).toISOString(), '2026-12-01T23:58:11.000Z');
    assert.deepEqual(a.files[0].dateOrders, { '/': 'day-first' });
    assert.ok(a.notices.some((n) => /read day first.*first number changes/.test(n.message)), JSON.stringify(a.notices));
  });

  it('a day over 12 anywhere settles it for the dates before it too', () => {
    const a = analyzeText([drop('05/12/2026', '10:00:00', 5), back('05/12/2026', '10:00:04', 6), drop('13/12/2026', '10:00:00', 6)].join('\n'), ref);
    assert.equal(new Date(a.files[0].firstTime!).toISOString().slice(0, 10), '2026-12-05');
    assert.ok(a.notices.some((n) => /read day first.*a date has a first number over 12/.test(n.message)));
  });

  it('en-US dates stay month first: a day changing is the second number', () => {
    const a = analyzeText([drop('12/1/2026', '11:58:11 PM', 5), back('12/2/2026', '12:01:11 AM', 6)].join('\n'), ref);
    assert.match(a.findings.find((f) => f.code === 'usb-gap')!.message, /3 min later/);
    assert.equal(a.files[0].dateOrders, undefined);
    assert.ok(!a.notices.some((n) => /day first/.test(n.message)));
  });

  it('a date that says month first wins over changes in the first number', () => {
    const a = analyzeText([drop('01/12/2026', '10:00:00', 5), back('02/12/2026', '10:00:00', 6), drop('03/12/2026', '10:00:00', 6), back('12/25/2026', '10:00:00', 7)].join('\n'), ref);
    assert.equal(a.files[0].dateOrders, undefined);
  });

  it('a log of one day whose dates could be either says so, with both readings', () => {
    const a = analyzeText([drop('02/12/2026', '10:00:00', 5), back('02/12/2026', '10:00:04', 6)].join('\n'), ref);
    const said = a.notices.find((n) => /could be day or month first/.test(n.message));
    assert.ok(said, JSON.stringify(a.notices));
    assert.match(said.message, /read month first .* so 02\/12 is 12 February\. Read day first .* 02\/12 is 2 December/);
    assert.equal(new Date(a.files[0].firstTime!).toISOString().slice(0, 10), '2026-02-12', 'read month first, as the notice says');
    // Settled either way, nothing is said.
    for (const settled of [[drop('13/12/2026', '10:00:00', 5)], [drop('12/13/2026', '10:00:00', 5)], [drop('01/12/2026', '23:58:11', 5), back('02/12/2026', '00:01:11', 6)]]) {
      assert.ok(!analyzeText(settled.join('\n'), ref).notices.some((n) => /could be day or month first/.test(n.message)), settled[0]);
    }
  });

  it('dates with dashes: day first as Europe writes them, month first when the dates say so (an American template)', () => {
    const line = (date: string, clock: string, what: string): string => `${date} ${clock} router kernel: usb 1-1: ${what}`;
    const us = analyzeText([line('12-01-2026', '23:58:11', 'USB disconnect, device number 5'), line('12-02-2026', '00:01:11', 'new high-speed USB device number 6 using ehci-platform')].join('\n'), ref);
    assert.match(us.findings.find((f) => f.code === 'usb-gap')!.message, /3 min later/);
    assert.deepEqual(us.files[0].dateOrders, { '-': 'month-first' });
    assert.ok(us.notices.some((n) => /dashes were read month first .*only the second number changes/.test(n.message)), JSON.stringify(us.notices));
    const eu = analyzeText([line('01-12-2026', '23:58:11', 'USB disconnect, device number 5'), line('02-12-2026', '00:01:11', 'new high-speed USB device number 6 using ehci-platform')].join('\n'), ref);
    assert.match(eu.findings.find((f) => f.code === 'usb-gap')!.message, /3 min later/);
    assert.equal(eu.files[0].dateOrders, undefined, 'day first is how dashes are read anyway');
    // A second number over 12 can only be a day: read, not refused as a date.
    const christmas = analyzeText(line('12-25-2026', '10:00:00', 'USB disconnect, device number 5'), ref);
    assert.equal(new Date(christmas.files[0].firstTime!).toISOString().slice(0, 10), '2026-12-25');
  });

  it('piped in past the budget, which is not kept to read again, it says the dates should be read day first but were not', () => {
    const text = [drop('01/12/2026', '23:58:11', 5), back('02/12/2026', '00:01:11', 6)].join('\n');
    const f = new FileAnalysis(0, '-', ref.referenceTime);
    f.splitter.pushText(text);
    const read = f.finish();
    const kept = new HeldBytes();
    kept.push(Buffer.from(text));
    kept.push(Buffer.alloc(READ_AGAIN_BUDGET.chars));
    const a = finishAnalysis([readAgain(f, read, kept.lines())], ref);
    assert.ok(a.notices.some((n) => n.severity === 'warning' && /should be read day first .*they were not: it has more than 250,000 lines or 32 MiB/.test(n.message)), JSON.stringify(a.notices));
  });
});

describe('a log listed newest first (an export sorted so, a log viewer)', () => {
  const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const dir = join(__dirname, 'fixtures');
  const logs = [
    ...readdirSync(join(dir, 'real')).filter((n) => n.endsWith('.log')).map((n) => join(dir, 'real', n)),
    ...readdirSync(join(dir, 'not-router')).map((n) => join(dir, 'not-router', n)),
    join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'),
  ];
  const ref = { referenceTime: Date.UTC(2024, 11, 4) };

  it('no log in order is taken for one (every real, not-router and sample log)', () => {
    const flagged = logs.filter((p) => analyzeText(readFileSync(p, 'utf8'), ref).files[0].newestFirst);
    assert.deepEqual(flagged, []);
  });

  /** Each finding and story with the text of its lines in place of their numbers: the same in either order when the numbers are the file's. */
  const byText = (a: Analysis, text: string): { findings: string[]; stories: string[] } => {
    const lines = text.split('\n');
    const at = (n: number): string => lines[n - 1] ?? '';
    // A burst keeps its first lines only (MAX_FINDING_LINES): which ones depends on the order.
    const findings = a.findings.filter((f) => f.lines.length === f.count).map((f) => `${f.code} ${f.severity} ${f.message} | ${f.lines.map(at).sort().join(' / ')}`).sort();
    const stories = a.episodes.map((e) => `${e.kind}: ${e.verdict} ${e.summary} | ${e.evidence.map(at).sort().join(' / ')}`);
    return { findings, stories };
  };

  it('the same logs listed newest first are read in reverse: the same findings and stories, on the same lines of text', () => {
    let reversed = 0;
    for (const p of logs) {
      const text = readFileSync(p, 'utf8');
      const newestFirst = reshape(text, 'newest-first', { referenceYear: 2024 });
      const a = analyzeText(newestFirst, ref);
      if (!a.files[0].readReversed) {
        // Not recognised: too few steps in time to tell (NEWEST_FIRST.minSteps), so read as written.
        assert.equal(a.files[0].newestFirst, undefined, p);
        continue;
      }
      reversed++;
      assert.deepEqual(byText(a, newestFirst), byText(analyzeText(text, ref), text), p);
      assert.ok(a.notices.some((n) => /newest first.*read in reverse/.test(n.message)), p);
      // `-294 s`, not `USB 1-1 since`.
      assert.ok(!a.findings.some((f) => /(?<![\w.-])-\d+ (?:s|min)\b/.test(f.message)), `a negative duration in ${p}`);
    }
    // Those with enough distinct times to tell (NEWEST_FIRST.minSteps steps back): 26 of the 68
    // when this was written; the others are clockless, or a few lines within a second or on one clock each.
    assert.ok(reversed >= 26, `only ${reversed} of ${logs.length} logs listed newest first were recognised as such`);
  });

  it('the motivating RUT901 log listed newest first tells the same story, citing the file\'s own lines', () => {
    const text = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
    const newestFirst = text.replace(/\n$/, '').split('\n').reverse().join('\n') + '\n';
    const a = analyzeText(newestFirst, ref);
    const inOrder = analyzeText(text, ref);
    assert.equal(a.files[0].readReversed, true);
    assert.equal(a.files[0].newestFirst, undefined, 'read in reverse, the file is in order for every surface');
    assert.deepEqual(a.episodes.map((e) => [e.title, e.verdictLabel, e.summary, e.steps.map((s) => s.text)]), inOrder.episodes.map((e) => [e.title, e.verdictLabel, e.summary, e.steps.map((s) => s.text)]));
    // Line n of the file in order is line 760 - n listed newest first: every number cited is the file's.
    const last = text.replace(/\n$/, '').split('\n').length + 1;
    const mirror = (n: number): number => last - n;
    assert.deepEqual(a.episodes[0].evidence.slice().sort((x, y) => x - y), inOrder.episodes[0].evidence.map(mirror).sort((x, y) => x - y));
    assert.deepEqual(a.episodes[0].steps.map((s) => s.line), inOrder.episodes[0].steps.map((s) => (s.line === undefined ? undefined : mirror(s.line))));
    const stuck = (x: Analysis) => x.findings.find((f) => f.code === 'fw-update-stuck')!;
    assert.deepEqual([stuck(a).line, stuck(a).endLine], [mirror(stuck(inOrder).endLine), mirror(stuck(inOrder).line)]);
    // Events are listed in the order they happened, numbered as in the file.
    for (let i = 1; i < a.events.length; i++) assert.ok(a.events[i].line <= a.events[i - 1].line || a.events[i].time === a.events[i - 1].time, `event ${i} out of order`);
  });

  it('a wrapped record listed newest first keeps its wrapped line after it, and is told on both', () => {
    const log = [
      'Mon Dec  2 20:00:09 2024 daemon.info netifd: Interface \'mob1s1a1\' is now up',
      'Mon Dec  2 20:00:04 2024 kern.info kernel: [  310.100000] usb 1-1: new high-speed USB device number 6 using',
      '    ehci-platform',
      'Mon Dec  2 19:57:33 2024 kern.info kernel: [  159.000000] usb 1-1: USB disconnect, device number 5',
      'Mon Dec  2 19:57:30 2024 daemon.info netifd: Interface \'mob1s1a1\' is now down',
      'Mon Dec  2 19:57:20 2024 daemon.info netifd: Interface \'mob1s1a1\' is now up',
    ].join('\n');
    const a = analyzeText(log, ref);
    assert.equal(a.files[0].readReversed, true);
    const gap = a.findings.find((f) => f.code === 'usb-gap');
    assert.ok(gap, JSON.stringify(a.findings.map((f) => f.code)));
    assert.match(gap.message, /2 min 31 s later/);
    assert.deepEqual([gap.line, gap.endLine], [2, 4], 'the return (lines 2-3, wrapped) to the drop (line 4)');
    const back = a.events.find((e) => e.line === 2);
    assert.equal(back?.endLine, 3);
  });

  it('a log listed newest first over the budget is flagged, not read backwards', () => {
    const text = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
    const newestFirst = text.split('\n').reverse().join('\n');
    const f = new FileAnalysis(0, '-', ref.referenceTime);
    f.splitter.pushText(newestFirst);
    const read = f.finish();
    assert.equal(read.summary.newestFirst, true);
    // Standard input's bytes past the budget are let go (HeldBytes), so it cannot be read again.
    const kept = new HeldBytes();
    kept.push(Buffer.from(newestFirst));
    kept.push(Buffer.alloc(READ_AGAIN_BUDGET.chars));
    const piped = finishAnalysis([readAgain(f, read, kept.lines())], ref);
    assert.deepEqual(piped.episodes, []);
    assert.ok(piped.notices.some((n) => /not read in reverse here: it has more than 250,000 lines or 32 MiB/.test(n.message)));
    const held = new HeldLines();
    for (let i = 0; i <= READ_AGAIN_BUDGET.lines && !held.over; i += 1000) held.splitter.pushText('x\n'.repeat(1000));
    assert.equal(held.end(), undefined, 'more lines than the budget are not held');
    assert.equal(held.lines.length, 0, 'and what was held is let go');
  });
});

// A time daemon's step of the clock is not time that passed: a modem off the bus for 15 s across
// chrony's 2-hour step had been told back 2 h later (a blind probe's), and one across a router's
// first NTP sync from 1970 back 20,004 days later.
describe('a USB drop across a step of the clock', () => {
  const j = (clock: string, m: string) => `Oct 08 ${clock} gw ${m}`;
  const modem = [j('06:00:00', 'kernel: usb 1-4: new high-speed USB device number 3 using xhci_hcd'), j('06:00:00', 'kernel: usb 1-4: New USB device found, idVendor=1bc7, idProduct=1201, bcdDevice= 3.18'), j('06:00:01', "kernel: qmi_wwan 1-4:1.2 wwan0: register 'qmi_wwan' at usb-0000:00:15.0-4, WWAN/QMI device, 6e:4c:10:32:1a:8d")];
  const back = (clock: string) => [j(clock, 'kernel: usb 1-4: new high-speed USB device number 4 using xhci_hcd'), j(clock, 'kernel: usb 1-4: New USB device found, idVendor=1bc7, idProduct=1201, bcdDevice= 3.18'), j(clock, "kernel: qmi_wwan 1-4:1.2 wwan0: register 'qmi_wwan' at usb-0000:00:15.0-4, WWAN/QMI device, 6e:4c:10:32:1a:8d")];
  it("chronyd's announced step is taken out of the time it was away, and said", () => {
    const a = run([...modem, j('06:14:25', 'kernel: usb 1-4: USB disconnect, device number 3'), j('08:14:32', 'chronyd[712]: System clock was stepped by 7200.311822 seconds'), ...back('08:14:40')]);
    const gap = a.findings.find((f) => f.code === 'usb-gap')!;
    assert.match(gap.message, /, 15 s later \(the clock was stepped forward by 2 h in between\)/);
  });
  it('without the step the same times are 2 hours', () => {
    const a = run([...modem, j('06:14:25', 'kernel: usb 1-4: USB disconnect, device number 3'), ...back('08:14:40')]);
    assert.match(a.findings.find((f) => f.code === "usb-gap")!.message, /, 2 h later: /);
  });
  it("from a clock not yet set (1970) to a set one, the kernel's uptime says how long", () => {
    const lr = (date: string, up: number, m: string) => `${date} kern.info kernel: [${up.toFixed(6).padStart(12)}] ${m}`;
    const a = run([
      lr('Thu Jan  1 00:00:20 1970', 20, 'usb 1-1: new high-speed USB device number 2 using ehci-platform'), lr('Thu Jan  1 00:00:20 1970', 20.1, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'), lr('Thu Jan  1 00:00:21 1970', 21, 'option 1-1:1.2: GSM modem (1-port) converter detected'),
      lr('Thu Jan  1 00:00:40 1970', 40, 'usb 1-1: USB disconnect, device number 2'),
      'Mon Dec  2 19:54:59 2024 daemon.notice ntpd[1432]: setting time to 2024-12-02 19:54:59.123456 (offset +1733169259.123456s)',
      lr('Mon Dec  2 19:55:00 2024', 49, 'usb 1-1: new high-speed USB device number 3 using ehci-platform'), lr('Mon Dec  2 19:55:00 2024', 49.1, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'), lr('Mon Dec  2 19:55:01 2024', 50, 'option 1-1:1.2: GSM modem (1-port) converter detected'),
    ]);
    assert.match(a.findings.find((f) => f.code === 'usb-gap')!.message, /, 9 s later/);
  });
});
