import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { buildUsbHistory, deviceOfPort } from '../server/src/core/findings/usbHistory';
import type { Analysis } from '../server/src/core/model';

// `new full-speed USB device number 5 using ehci-pci` is the kernel starting to enumerate a device
// on a port, not the device being there: when every attempt fails and the kernel prints `unable to
// enumerate USB device` for the port, the device is still off the bus (catalogue: K3b).

const REF = Date.UTC(2024, 2, 12);

/** An EC25 on port 3 of hub 1-1 (1-1.3) leaves the bus at 100 s; the kernel tries to bring it up again. */
const LEFT = [
  '[   10.000000] usb 1-1.3: new high-speed USB device number 4 using ehci-pci',
  '[   10.100000] usb 1-1.3: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18',
  '[   10.300000] option 1-1.3:1.2: GSM modem (1-port) converter detected',
  '[   10.310000] usb 1-1.3: GSM modem (1-port) converter now attached to ttyUSB2',
  '[  100.000000] usb 1-1.3: USB disconnect, device number 4',
];
/** One round of attempts the device never answers, ending as the kernel ends it. */
const failedRound = (t: number, n: number): string[] => [
  `[${(t).toFixed(6).padStart(12)}] usb 1-1.3: new full-speed USB device number ${n} using ehci-pci`,
  `[${(t + 0.5).toFixed(6).padStart(12)}] usb 1-1.3: device descriptor read/64, error -71`,
  `[${(t + 1).toFixed(6).padStart(12)}] usb 1-1.3: new full-speed USB device number ${n + 1} using ehci-pci`,
  `[${(t + 1.5).toFixed(6).padStart(12)}] usb 1-1.3: device not accepting address ${n + 1}, error -71`,
  `[${(t + 2).toFixed(6).padStart(12)}] usb 1-1-port3: unable to enumerate USB device`,
];
const END = ['[  400.000000] random: crng reseeded on system resumption'];

/** A line's uptime as a ctime wall stamp (`Tue Mar 12 00:01:40 2024`), the boot at REF. */
const ctime = (l: string): string => {
  const d = new Date(REF + Math.floor(+/^\[\s*([\d.]+)\]/.exec(l)![1]) * 1000);
  return d.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_, wd, day, mon, year, clock) => `${wd} ${mon} ${day.padStart(2, ' ')} ${clock} ${year}`);
};
/** The same kernel lines as a router's logread writes them (its stamp, then the kernel's). */
const asLogread = (lines: string[]): string[] => lines.map((l) => `${ctime(l)} kern.info kernel: ${l}`);
/** As `dmesg -T` writes them, the uptime turned into a wall time. */
const asDmesgT = (lines: string[]): string[] => lines.map((l) => `[${ctime(l)}] ${l.replace(/^\[\s*[\d.]+\] /, '')}`);

const SHAPES: Record<string, (lines: string[]) => string[]> = { dmesg: (l) => l, logread: asLogread, 'dmesg -T': asDmesgT };
const tell = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const stories = (a: Analysis): string[] => a.episodes.map((e) => `${e.kind}:${e.verdict}`);

describe('USB: attempts the kernel gave up on are no return', () => {
  it('names the device a hub\'s port holds as the kernel names the port', () => {
    assert.equal(deviceOfPort('1-1-port3'), '1-1.3');
    assert.equal(deviceOfPort('usb4-port1'), '4-1');
    assert.equal(deviceOfPort('2-1.4-port2'), '2-1.4.2');
    for (const name of ['1-1', '1-1.3', 'usb4', 'port3', '1-1-port', 'x-port3']) assert.equal(deviceOfPort(name), name);
  });

  it('tells the modem lost when every attempt to bring it back failed, in every shape of log', () => {
    for (const [name, shape] of Object.entries(SHAPES)) {
      const a = tell(shape([...LEFT, ...failedRound(102, 5), ...failedRound(250, 7), ...END]));
      assert.deepEqual(stories(a), ['modem-lost:off-the-bus'], name);
      const lost = a.episodes[0];
      assert.equal(lost.steps.filter((s) => /gave up/.test(s.text)).length, 2, `${name}: ${lost.steps.map((s) => s.text).join(' | ')}`);
      const [device] = buildUsbHistory(a.events).filter((d) => d.path === '1-1.3');
      assert.equal(device.absences.length, 1, name);
      assert.equal(device.absences[0].back, undefined, name);
    }
  });

  it('takes a return the device answers after failed attempts, and keeps a return it answered', () => {
    // Two failed rounds, then an attempt the device answers with its IDs and a driver: it came back.
    const answered = [
      '[  300.000000] usb 1-1.3: new high-speed USB device number 9 using ehci-pci',
      '[  300.100000] usb 1-1.3: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18',
      '[  300.300000] option 1-1.3:1.2: GSM modem (1-port) converter detected',
    ];
    const back = tell([...LEFT, ...failedRound(102, 5), ...answered, ...END]);
    assert.deepEqual(stories(back), ['modem-drop:came-back']);
    // A retry that fails once before the device answers (no `unable to enumerate`): it came back.
    const retried = tell([...LEFT, ...failedRound(102, 5).slice(0, 2), ...answered, ...END]);
    assert.deepEqual(stories(retried), ['modem-drop:came-back']);
    // The return is the attempt the device answered, not the failed one before it (a blind probe's
    // modem had been told back 23 s early), in every shape of log.
    for (const [name, shape] of Object.entries(SHAPES)) {
      const a = tell(shape([...LEFT, ...failedRound(102, 5).slice(0, 2), ...answered, ...END]));
      const [device] = buildUsbHistory(a.events).filter((d) => d.path === '1-1.3');
      assert.match(device.absences[0].back!.text, /number 9/, name);
      const drop = a.episodes.find((e) => e.kind === 'modem-drop')!;
      assert.ok(drop.steps.some((s) => /came back 3 min 20 s later/.test(s.text)), `${name}: ${drop.steps.map((s) => s.text).join(' | ')}`);
    }
    // The kernel giving up on the port after the device answered undoes nothing.
    const later = tell([...LEFT, ...answered, '[  310.000000] usb 1-1-port3: unable to enumerate USB device', ...END]);
    const [device] = buildUsbHistory(later.events).filter((d) => d.path === '1-1.3');
    assert.ok(device.absences[0].back, 'the return stands');
  });
});
