import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';
import { reshape, type Shape } from './support/reshape';

// A modem on PCIe (an M.2 card in a laptop or a router) is driven by the kernel's MHI driver: it
// does not leave USB, it crashes and is recovered (catalogue/entries/pcieModems.ts, source X89).

const REF = Date.UTC(2024, 11, 4);
const analyze = (text: string): Analysis => analyzeText(text, { referenceTime: REF });

const BEFORE = [
  'Dec  2 19:50:05 thinkpad ModemManager[812]: <info>  [modem0] state changed (registered -> connecting)',
  'Dec  2 19:50:07 thinkpad ModemManager[812]: <info>  [modem0] state changed (connecting -> connected)',
];
const CRASH = [
  'Dec  2 19:54:59 thinkpad kernel: [  812.402113] mhi-pci-generic 0000:08:00.0: firmware crashed (6)',
  'Dec  2 19:55:01 thinkpad kernel: [  814.410000] mhi-pci-generic 0000:08:00.0: Device died',
  'Dec  2 19:55:01 thinkpad kernel: [  814.410500] mhi-pci-generic 0000:08:00.0: device recovery started',
  'Dec  2 19:55:02 thinkpad ModemManager[812]: <info>  [modem0] state changed (connected -> disconnecting)',
];
const FAILED = ['Dec  2 19:55:09 thinkpad kernel: [  822.000100] mhi-pci-generic 0000:08:00.0: Recovery failed'];
const BACK = [
  'Dec  2 19:55:20 thinkpad ModemManager[812]: <info>  [modem1] state changed (enabling -> registered)',
  'Dec  2 19:55:25 thinkpad ModemManager[812]: <info>  [modem1] state changed (connecting -> connected)',
];
const AFTER = ['Dec  2 19:58:00 thinkpad systemd[1]: Started Daily apt download activities.'];
const log = (...parts: string[][]): string => `${parts.flat().join('\n')}\n`;

describe('a PCIe modem\'s crash (the kernel\'s MHI driver)', () => {
  it('is one finding and a story that is not over when the kernel could not recover it, with advice for the host', () => {
    const a = analyze(log(BEFORE, CRASH, FAILED, AFTER));
    const crash = a.findings.filter((f) => f.code === 'modem-crash');
    assert.equal(crash.length, 1);
    assert.equal(crash[0].severity, 'error');
    assert.equal(crash[0].line, 3);
    assert.deepEqual(crash[0].eventIds, ['mhi.firmware-crashed', 'mhi.device-died', 'mhi.recovery-started', 'mhi.recovery-failed']);
    assert.match(crash[0].message, /0000:08:00\.0 reported a firmware crash/);
    const story = a.episodes.find((e) => e.kind === 'modem-crash');
    assert.equal(story?.verdict, 'unresolved');
    assert.equal(a.host, 'Linux with ModemManager');
    assert.match(story!.advice.join(' '), /lspci.*mmcli -L/);
    // The driver said its recovery failed: a power cycle comes first, not a check whether it came back.
    assert.match(story!.advice[0], /^The kernel could not recover the modem.*power-cycled\. Reboot the host/);
    assert.doesNotMatch(story!.advice.join(' '), /Check whether the kernel recovered/);
    // No USB story: the modem never was on USB.
    assert.deepEqual(a.findings.filter((f) => f.code.startsWith('usb-')), []);
  });

  it('is over when ModemManager registers the modem again after the recovery', () => {
    const a = analyze(log(BEFORE, CRASH, BACK, AFTER));
    assert.equal(a.episodes.find((e) => e.kind === 'modem-crash')?.verdict, 'recovered');
  });

  it('reads the same lines in a bare dmesg, an OpenWrt logread and a journal', () => {
    const text = log(BEFORE, CRASH, FAILED, AFTER);
    const codes = (t: string): string[] => analyze(t).findings.map((f) => f.code).filter((c) => c === 'modem-crash');
    for (const shape of ['logread', 'journal-short-iso', 'rfc5424', 'dmesg-iso'] as Shape[]) {
      assert.deepEqual(codes(reshape(text, shape, { referenceYear: 2024 })), ['modem-crash'], shape);
    }
    const dmesg = CRASH.concat(FAILED).filter((l) => l.includes('kernel:')).map((l) => l.slice(l.indexOf('[')));
    assert.deepEqual(codes(`${dmesg.join('\n')}\n`), ['modem-crash']);
  });

  it('reads MediaTek\'s t7xx driver too: an exception, a failed boot handshake', () => {
    const a = analyze('[  812.402113] mtk_t7xx 0000:55:00.0: Exception event\n[  872.402113] mtk_t7xx 0000:55:00.0: MD handshake timeout\n');
    assert.deepEqual(a.events.map((e) => e.id), ['t7xx.exception', 't7xx.handshake-failed']);
    assert.ok(a.findings.length >= 1 && a.findings.every((f) => f.code === 'modem-crash'));
    assert.equal(a.episodes[0]?.kind, 'modem-crash');
  });

  // The kernel's WWAN framework names each control port it makes and removes (X139): after a crash,
  // the ports made again are the driver's recovery, where no manager's line says so (a plain dmesg).
  const crashAndPorts = (at: number): string[] => [
    `[${at}.512000] mhi-pci-generic 0000:01:00.0: firmware crashed (6)`,
    `[${at}.603100] wwan wwan0: port wwan0at0 disconnected`,
    `[${at}.603400] wwan wwan0: port wwan0mbim0 disconnected`,
    `[${at + 22}.512000] wwan wwan0: port wwan0mbim0 attached`,
    `[${at + 22}.512600] wwan wwan0: port wwan0at0 attached`,
  ];
  const BOOT = ['[    1.914431] mhi mhi0: Power on setup success', '[   12.020300] wwan wwan0: port wwan0mbim0 attached', '[   12.020600] wwan wwan0: port wwan0at0 attached'];

  it('is over each time in a bare dmesg when the modem\'s ports come back after each crash, and its advice is the firmware\'s', () => {
    const a = analyze(log(BOOT, crashAndPorts(9667), crashAndPorts(11032), crashAndPorts(11970)));
    const story = a.episodes.find((e) => e.kind === 'modem-crash');
    assert.equal(story?.verdict, 'recurring');
    assert.ok(a.events.some((e) => e.id === 'wwan.port-attached' && e.fields.port === 'wwan0at0'));
    // Recovered each time: the advice is about the firmware that keeps crashing, not whether it came back.
    assert.match(story!.advice.join(' '), /firmware crashed again/);
    assert.doesNotMatch(story!.advice.join(' '), /Check whether the kernel recovered/);
  });

  it('is not over when the ports go and do not come back, however often they came at boot', () => {
    const one = crashAndPorts(9667).slice(0, 3);
    const story = analyze(log(BOOT, one)).episodes.find((e) => e.kind === 'modem-crash');
    assert.equal(story?.verdict, 'unresolved');
    assert.match(story!.advice.join(' '), /Check whether the kernel recovered/);
  });

  it('tells a crash loop the same in a bare dmesg and in the router\'s logread', () => {
    const text = log(BOOT, crashAndPorts(9667), crashAndPorts(11032), crashAndPorts(11970));
    const verdict = (t: string): string | undefined => analyze(t).episodes.find((e) => e.kind === 'modem-crash')?.verdict;
    assert.equal(verdict(text), 'recurring');
    assert.equal(verdict(reshape(text, 'logread', { referenceYear: 2024 })), 'recurring');
  });

  it('is a crash where the driver only says it started recovering the modem, its ports cycling', () => {
    const cycle = (at: number): string[] => [`[${at}.100000] mhi-pci-generic 0000:01:00.0: device recovery started`, `[${at}.200000] wwan wwan0: port wwan0at0 disconnected`, `[${at + 9}.300000] wwan wwan0: port wwan0at0 attached`];
    const story = analyze(log(BOOT, cycle(5000), cycle(6000), cycle(7000))).episodes.find((e) => e.kind === 'modem-crash');
    assert.equal(story?.verdict, 'recurring');
  });

  it('says nothing of a modem the driver found and started', () => {
    const a = analyze('[    5.123456] mhi-pci-generic 0000:08:00.0: MHI PCI device found: foxconn-sdx55\n[    6.2] wwan wwan0: port wwan0at0 attached\n');
    assert.deepEqual(a.findings, []);
  });
});

describe('a PCIe modem that did not resume from suspend', () => {
  it('is the crash story: not over until the modem is back, over once it is', () => {
    // A blind probe's laptop: after a resume the modem stayed unusable until ModemManager was restarted.
    const resume = ['Dec  2 19:54:59 thinkpad kernel: [  812.402113] mhi-pci-generic 0000:08:00.0: failed to resume device: -110', 'Dec  2 19:54:59 thinkpad kernel: [  812.403000] mhi-pci-generic 0000:08:00.0: device recovery started'];
    const stuck = analyze(log(BEFORE, resume, AFTER));
    assert.deepEqual(stuck.episodes.map((e) => `${e.kind}:${e.verdict}`), ['modem-crash:unresolved']);
    assert.match(stuck.episodes[0].steps[0].text, /did not resume from suspend \(error -110\)/);
    assert.deepEqual(analyze(log(BEFORE, resume, BACK, AFTER)).episodes.map((e) => `${e.kind}:${e.verdict}`), ['modem-crash:recovered']);
  });
});

// The modem inside a Qualcomm chip (Chromebooks, phones, some routers): the kernel's q6v5 driver,
// the IPA driver and a vendor kernel's subsystem restart (X167, X168). A blind probe's three such
// crashes, each recovered, had been "no problems found"; the audio processor's crash is no modem's.
describe('the modem inside the system\'s chip', () => {
  const d = (up: number, m: string) => `[${up.toFixed(6).padStart(12)}] ${m}`;
  const mainline = [
    d(5012.331, 'qcom-q6v5-mss 4080000.remoteproc: fatal error received: dog_hb.c:267:DOG_HB detects starvation of task 0xd9b0a1a0'),
    d(5012.3311, 'remoteproc remoteproc0: crash detected in 4080000.remoteproc: type fatal error'),
    d(5012.3426, 'ipa 1e40000.ipa: received modem crashed event'),
    d(5013.8119, 'qcom-q6v5-mss 4080000.remoteproc: MBA booted without debug policy, loading mpss'),
    d(5016.1119, 'ipa 1e40000.ipa: received modem running event'),
    d(5030, 'wlan0: authenticated'),
  ];
  const vendor = [
    d(8123.4408, 'subsys-pil-tz 4080000.qcom,mss: modem: Fatal error on the modem.'),
    d(8123.4411, 'modem subsystem failure reason: nas_mm_msg.c:1712:Assertion mm_as_id < MAX_AS_IDS failed.'),
    d(8123.4412, 'subsys-restart: __subsystem_restart_dev(): Restart sequence requested for modem, restart_level = RELATED.'),
    d(8125.611, 'subsys-restart: subsystem_restart_wq_func(): [kworker/u16:5:22871]: Restart sequence for modem completed.'),
    d(8131.2, 'healthd: battery l=64 v=3915'),
  ];
  for (const [name, lines] of [['mainline remoteproc and IPA', mainline], ['a vendor kernel\'s subsystem restart', vendor]] as const) {
    it(`${name}: a modem crash, recovered, its firmware's reason on the line`, () => {
      const a = analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2024, 11, 8) });
      assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), ['modem-crash:recovered']);
      assert.doesNotMatch(a.episodes[0].summary, /PCIe/);
      assert.ok(a.findings.some((f) => f.code === 'modem-crash' && /\.c:\d+/.test(f.message)), a.findings.map((f) => f.message).join(' | '));
    });
  }
  it("the audio processor's crash is no modem's", () => {
    const a = analyzeText([d(100, 'qcom_q6v5_pas 3000000.remoteproc: fatal error received: adsp crashed'), d(100.1, 'remoteproc remoteproc1: crash detected in 3000000.remoteproc: type fatal error'), d(103, 'remoteproc remoteproc1: remote processor 3000000.remoteproc is now up')].join('\n') + '\n', { referenceTime: Date.UTC(2024, 11, 8) });
    assert.deepEqual(a.episodes, []);
    assert.ok(!a.findings.some((f) => f.code === 'modem-crash'));
  });
});

describe('a crash recovered, then one that was not', () => {
  it('the story is not over, and says the first was over in between', () => {
    const d = (up: number, m: string) => `[${up.toFixed(6).padStart(12)}] ${m}`;
    const crash = (up: number) => [d(up, 'mhi-pci-generic 0000:01:00.0: firmware crashed (6)'), d(up + 2, 'mhi-pci-generic 0000:01:00.0: device recovery started')];
    const lines = [...crash(100), d(130, 'wwan wwan0: port wwan0at0 attached'), ...crash(5000), d(5014, 'mhi-pci-generic 0000:01:00.0: Recovery failed'), d(5300, 'wlan0: authenticated')];
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2024, 11, 8) });
    const story = a.episodes.find((e) => e.kind === 'modem-crash')!;
    assert.equal(story.verdict, 'unresolved');
    assert.ok(story.steps.some((s) => /over in between/.test(s.text) && /wwan0at0 attached/.test(s.text)), story.steps.map((s) => s.text).join(' | '));
  });
});
