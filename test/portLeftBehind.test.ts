import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A program that opens the modem's serial port itself (an SMS gateway, a script) and still opens
// the old name after the modem came back under other ones: the modem is back, the program is not.
// Blind probe G's gammu, smstools and pyserial hosts had been told "came back" with power advice.

const REF = Date.UTC(2024, 11, 7);
const k = (clock: string, m: string) => `Dec 02 ${clock} smsgw kernel: ${m}`;
const drop = (from: number, to: number): string[] => [
  k('19:54:59', 'usb 1-1.3: USB disconnect, device number 4'),
  ...[0, 1, 2].map((i) => k('19:54:59', `option1 ttyUSB${from + i}: GSM modem (1-port) converter now disconnected from ttyUSB${from + i}`)),
  k('19:55:04', 'usb 1-1.3: new high-speed USB device number 5 using xhci_hcd'),
  k('19:55:04', 'usb 1-1.3: New USB device found, idVendor=1e0e, idProduct=9001, bcdDevice= 3.18'),
  ...[0, 1, 2].map((i) => k('19:55:05', `usb 1-1.3: GSM modem (1-port) converter now attached to ttyUSB${to + i}`)),
];
const programs: [string, (clock: string) => string][] = [
  ['gammu-smsd (no port named)', (c) => `Dec 02 ${c} smsgw gammu-smsd[742]: Error at init connection: Error opening device, it doesn't exist. (DEVICENOTEXIST[4])`],
  ['smstools', (c) => `Dec 02 ${c} smsgw smsd[2805]: GSM1: Couldn't open serial port /dev/ttyUSB2, error: No such file or directory, waiting 30 sec.`],
  ['pyserial', (c) => `Dec 02 ${c} smsgw python3[1201]: ERROR relay: open failed: [Errno 2] could not open port /dev/ttyUSB2: [Errno 2] No such file or directory: '/dev/ttyUSB2'`],
];
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('a program left on the old port after the modem came back under other names', () => {
  for (const [name, line] of programs) {
    it(`${name}: one story, the modem back and the program not, with the advice to restart it and use a stable name`, () => {
      const a = tell([...drop(0, 3), line('19:56:00'), line('19:57:00')]);
      assert.deepEqual(a.episodes.map((e) => e.kind), ['modem-drop']);
      const story = a.episodes[0];
      assert.match(story.summary, /under other port names \(ttyUSB3, ttyUSB4, ttyUSB5\)/);
      assert.ok(story.steps.some((s) => /a program still could not open its port/.test(s.text)), story.steps.map((s) => s.text).join(' | '));
      assert.match(story.advice[0], /Restart the program/);
      assert.match(story.advice[0], /\/dev\/serial\/by-id\//);
    });
  }
  it('the same names after the return: no program left behind is told', () => {
    const a = tell([...drop(0, 0), programs[1][1]('19:56:00')]);
    const story = a.episodes.find((e) => e.kind === 'modem-drop')!;
    assert.doesNotMatch(story.summary, /other port names/);
  });
  it('a port the modem never had is no old port of its', () => {
    const a = tell([...drop(0, 3), 'Dec 02 19:56:00 smsgw smsd[2805]: GSM1: Cannot open serial port /dev/ttyACM7, error: No such file or directory']);
    assert.doesNotMatch(a.episodes.find((e) => e.kind === 'modem-drop')!.summary, /other port names/);
  });
  it("a missing configuration file is no modem's port", () => {
    const a = tell(['Dec 02 19:56:00 smsgw smsd[2805]: cannot open /etc/smsd.conf: No such file or directory']);
    assert.ok(!a.findings.some((f) => f.code === 'modem-port-missing'), a.findings.map((f) => f.code).join());
  });
  it('on OpenWrt the advice names its init scripts, not udev', () => {
    const lr = (clock: string, m: string) => `Mon Dec  2 ${clock} 2024 ${m}`;
    const lines = [...drop(0, 3).map((l) => lr(l.slice(7, 15), `kern.info kernel: ${l.slice(30)}`)), lr('19:56:00', 'daemon.info smsd[2805]: GSM1: Cannot open serial port /dev/ttyUSB2, error: No such file or directory'), lr('19:56:05', "daemon.notice netifd: Interface 'lan' is now up")];
    const story = tell(lines).episodes.find((e) => e.kind === 'modem-drop')!;
    assert.match(story.advice[0], /\/etc\/init\.d\//);
    assert.doesNotMatch(story.advice[0], /serial\/by-id/);
  });
});

describe("the program's own \"modem not answering\" beside its failed opens", () => {
  it('is its failing to open the old port: no story of its own', () => {
    const not = (c: string) => `Dec 02 ${c} smsgw smsd[2805]: GSM1: Modem is not ready to answer commands (Timeouts: 0)`;
    const a = tell([...drop(0, 3), programs[1][1]('19:56:00'), not('19:56:30'), programs[1][1]('19:57:00'), not('19:57:30')]);
    assert.deepEqual(a.episodes.map((e) => e.kind), ['modem-drop']);
  });
});
