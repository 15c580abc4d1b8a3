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
