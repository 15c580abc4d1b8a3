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
