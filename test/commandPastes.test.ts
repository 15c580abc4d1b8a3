import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// One paste of several commands' output, each after its prompt (blind probe F of the 27th session:
// logread then dmesg had one drop told twice and the dmesg's uptimes read as a reboot).

const REF = Date.UTC(2025, 0, 1);
const lr = (clock: string, up: number, m: string) => `Tue Mar  5 ${clock} 2024 kern.info kernel: [${up.toFixed(6).padStart(12)}] ${m}`;
const dm = (up: number, m: string) => `[${up.toFixed(6).padStart(12)}] ${m}`;
const DROP: [string, number, string][] = [
  ['10:42:13', 8224.11842, 'usb 2-1: USB disconnect, device number 4'],
  ['10:42:13', 8224.119233, 'option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0'],
  ['10:42:31', 8242.4, 'usb 2-1: new high-speed USB device number 5 using xhci-hcd'],
  ['10:42:31', 8242.6, 'usb 2-1: New USB device found, idVendor=2c7c, idProduct=0512, bcdDevice= 3.18'],
  ['10:42:31', 8242.7, 'option 2-1:1.2: GSM modem (1-port) converter detected'],
];
const paste = (prompt: (cmd: string) => string) => [
  prompt('logread | tail -200'), ...DROP.map(([c, u, m]) => lr(c, u, m)),
  prompt('dmesg | tail -30'), dm(12.5, 'usb 2-1: new high-speed USB device number 2 using xhci-hcd'), ...DROP.map(([, u, m]) => dm(u, m)),
  prompt('lsusb'), 'Bus 002 Device 005: ID 2c7c:0512 Quectel Wireless Solutions Co., Ltd. EG12/EG18',
];
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('a paste of several commands, each after its prompt', () => {
  for (const [shape, prompt] of [
    ['OpenWrt/RutOS root prompt', (c: string) => `root@RUTX11:~# ${c}`],
    ['a user\'s prompt with a path', (c: string) => `pi@gw:~ $ ${c}`],
    ['a bare $ prompt', (c: string) => `$ ${c}`],
    ['rules around the command', (c: string) => `===== ${c} =====`],
  ] as const) {
    it(`(${shape}): the drop the two commands both show is told once, and dmesg's uptimes are no reboot`, () => {
      const a = tell(paste(prompt));
      const s = a.episodes.find((e) => e.kind === 'modem-drop')!;
      assert.ok(s, a.episodes.map((e) => e.kind).join());
      assert.match(s.summary, /dropped off the USB bus once/);
      assert.ok(!a.findings.some((f) => f.code === 'reboot' || f.code === 'unexpected-reboot'), a.findings.map((f) => f.code).join());
    });
  }
  it('without the prompts, the dmesg part is read as the log going on (the prompt is what tells the parts apart)', () => {
    const a = tell(paste(() => '').filter((l) => l !== ''));
    assert.ok(a.findings.some((f) => f.code === 'reboot') || /2 times/.test(a.episodes.find((e) => e.kind === 'modem-drop')?.summary ?? ''));
  });
  it('a command typed at the prompt is read too (an update tool run by hand)', () => {
    const a = tell(['root@RUT955:~# modem_updater -i 1-1.4 -v EC25EUGAR08A03M4G_01.200.01.200', 'DO NOT TURN OFF YOUR DEVICE DURING THE UPDATE PROCESS!']);
    assert.ok(a.events.some((e) => e.line === 1), a.events.map((e) => `${e.line}:${e.id}`).join());
  });
});

describe("a paste's lsusb after a modem that left the bus", () => {
  const log = [
    '[ 8000.000000] usb 1-1.3: new high-speed USB device number 4 using xhci_hcd',
    '[ 8000.100000] usb 1-1.3: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18',
    '[ 8000.200000] option 1-1.3:1.2: GSM modem (1-port) converter detected',
    '[ 8224.118420] usb 1-1.3: USB disconnect, device number 4',
    '[ 8224.119233] option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2',
    '[ 8600.000000] random: crng reseeded on system resumption',
    'pi@gw:~ $ lsusb',
    'Bus 001 Device 002: ID 2109:3431 VIA Labs, Inc. Hub',
  ];
  // (The log ends minutes after the drop: a drop the log ends on, or a modem lost, as its clocks say.)
  const lost = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === 'modem-lost' || e.kind === 'modem-drop')!;
  const words = (s: ReturnType<typeof lost>) => s.steps.map((x) => x.text).join('\n');
  it('without the modem\'s ID: the story says it was not on the bus when the listing was made', () => {
    assert.match(words(lost(log)), /does not show the modem's ID \(2c7c:0125\): the modem was not on the bus when that listing was made/);
  });
  it('with it: the story says it was on the bus again by then', () => {
    assert.match(words(lost([...log, 'Bus 001 Device 005: ID 2c7c:0125 Quectel Wireless Solutions Co., Ltd. EC25 LTE modem'])), /shows the modem's ID \(2c7c:0125\): the modem was on the bus again when that listing was made/);
  });
  it('no listing: the story cannot say', () => {
    assert.doesNotMatch(words(lost(log.slice(0, 6))), /lsusb/);
  });
});

// A paste of `dmesg -T` (dates with a year) and a syslog's kernel lines (dates without one), in
// either order: the yearless part is read in the dated part's year, not the file's (blind probe F's
// paste had been read two years apart, its one drop told twice).
describe('a year carried from one part of a paste to a part without one', () => {
  const at = (clock: string) => `Tue Mar  5 ${clock} 2024`;
  const dmesgT = ['root@gw:~# dmesg -T | tail', ...DROP.map(([c, , m]) => `[${at(c)}] ${m}`)];
  const syslog = ['root@gw:~# grep kernel /var/log/syslog', ...DROP.map(([c, u, m]) => `Mar  5 ${c} gw kernel: [${u.toFixed(6).padStart(12)}] ${m}`)];
  const LATER = Date.UTC(2026, 11, 7);
  for (const [order, lines] of [['dated part first', [...dmesgT, ...syslog]], ['yearless part first', [...syslog, ...dmesgT]]] as const) {
    it(`${order}: one drop, in 2024, and the header names the line whose date gave the year`, () => {
      const a = analyzeText(lines.join('\n') + '\n', { referenceTime: LATER });
      const drops = a.episodes.filter((e) => e.kind === 'modem-drop');
      assert.equal(drops.length, 1, a.episodes.map((e) => e.kind).join());
      assert.match(drops[0].summary, /dropped off the USB bus once/);
      for (const e of a.events) if (e.time !== undefined) assert.equal(new Date(e.time).getUTCFullYear(), 2024, `line ${e.line}`);
      const f = a.files[0];
      assert.equal(new Date(f.firstTime!).getUTCFullYear(), 2024);
      assert.equal(new Date(f.lastTime!).getUTCFullYear(), 2024);
      const datedFirst = lines.findIndex((l) => l.startsWith('[Tue')) + 1;
      assert.equal(f.yearFromDate, datedFirst);
    });
  }

  it('across New Year: the yearless part\'s December is the dated part\'s year before (a blind probe\'s paste was told twice, a year apart)', () => {
    const up = (clock: string): string => `[${(86000 + (clock.startsWith('23') ? 0 : 600) + Number(clock.slice(-2))).toFixed(6).padStart(12)}]`;
    const bsd = (day: string, clock: string, m: string) => `${day} ${clock} gw kernel: ${up(clock)} ${m}`;
    const lr = (wd: string, day: string, clock: string, year: number, m: string) => `${wd} ${day} ${clock} ${year} kern.info kernel: ${up(clock)} ${m}`;
    const drop: [string, string][] = [['00:03:10', 'usb 1-1: USB disconnect, device number 2'], ['00:03:31', 'usb 1-1: new high-speed USB device number 3 using xhci-mtk'], ['00:03:31', 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'], ['00:03:32', "qmi_wwan 1-1:1.4 wwan0: register 'qmi_wwan' at usb-1e1c0000.xhci-1, WWAN/QMI device, 4e:2a:10:b2:91:0c"]];
    const lines = [
      '==> /var/log/remote/gw.log <==', bsd('Dec 31', '23:58:02', 'wlan0: authenticated'), ...drop.map(([c, m]) => bsd('Jan  1', c, m)),
      '==> logread on the router <==', lr('Sun', 'Dec 31', '23:59:10', 2023, 'wlan0: authenticated'), ...drop.map(([c, m]) => lr('Mon', 'Jan  1', c, 2024, m)),
    ];
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: LATER });
    assert.equal(a.episodes.filter((e) => e.kind === 'modem-drop').length, 1, a.episodes.map((e) => e.kind).join());
    assert.equal(new Date(a.files[0].firstTime!).toISOString().slice(0, 10), '2023-12-31');
    assert.equal(new Date(a.files[0].lastTime!).getUTCFullYear(), 2024);
  });

  it('a yearless log alone keeps the year of the file, and says it assumed it', () => {
    const a = analyzeText(syslog.slice(1).join('\n') + '\n', { referenceTime: LATER });
    assert.equal(a.files[0].yearFromDate, undefined);
    assert.equal(a.files[0].yearAssumed, 2026);
  });

  it('a 1970 date (a clock not yet set) gives the yearless lines after it no year', () => {
    const a = analyzeText(['Thu Jan  1 00:00:12 1970 kern.info kernel: [   12.000000] usb 2-1: new high-speed USB device number 2 using xhci-hcd', ...syslog.slice(1)].join('\n') + '\n', { referenceTime: LATER });
    assert.equal(a.files[0].yearFromDate, undefined);
    const drop = a.events.find((e) => /USB disconnect/.test(e.text));
    assert.equal(new Date(drop!.time!).getUTCFullYear(), 2026);
  });
});
