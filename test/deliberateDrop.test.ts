import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { CATALOGUE } from '../server/src/core/catalogue/index';
import { marksOf } from '../server/src/core/stories/evidence';
import type { Analysis } from '../server/src/core/model';

// A modem that drops off USB right after something restarted it on purpose (ping_reboot's
// `Restarting modem after 3 unsuccessful tries`, mobifd's forced restart: knowledge 4.3) was taken
// off the bus by that restart: the story says so and points at why the restart fired, not at the
// modem's hardware.

const REF = Date.UTC(2024, 9, 17);

/** A RutOS router's logread: a line at `at` seconds past 03:00:00 (the kernel's uptime 81000 s later). */
const at = (seconds: number, body: string): string => {
  const d = new Date(Date.UTC(2024, 9, 17, 3, 0, 0) + seconds * 1000);
  const clock = d.toISOString().slice(11, 19);
  return `Thu Oct 17 ${clock} 2024 ${body}`;
};
const kernel = (seconds: number, message: string): string => at(seconds, `kern.info kernel: [${(81000 + seconds).toFixed(6).padStart(12)}] ${message}`);

/** The modem (an EC25) leaves the bus at `t` and is back 9 s later. */
const drop = (t: number, n: number): string[] => [
  kernel(t, `usb 1-1: USB disconnect, device number ${n}`),
  kernel(t + 0.01, 'option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2'),
  kernel(t + 9, `usb 1-1: new high-speed USB device number ${n + 1} using ehci-platform`),
  kernel(t + 9.1, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  kernel(t + 9.2, 'option 1-1:1.2: GSM modem (1-port) converter detected'),
];
const tail = [at(1800, 'daemon.info dnsmasq-dhcp[2207]: DHCPACK(br-lan) 192.168.1.122 d8:3a:dd:10:4c:7e plc-gw')];

/** The RutOS logread samples of the catalogue's entries with a mark (and without another). */
const samplesMarked = (mark: string, not?: string): string[] => CATALOGUE.filter((e) => (e.story ?? []).includes(mark as never) && !(not && (e.story ?? []).includes(not as never)))
  .flatMap((e) => e.samples.filter((s) => /^\w{3} \w{3} [ \d]\d [\d:]{8} \d{4} /.test(s)).map((s) => s.replace(/^\w{3} \w{3} [ \d]\d [\d:]{8} \d{4} /, '')));
/** Every deliberate restart of the modem the catalogue has a RutOS logread sample of (a system's shutdown is below). */
const RESTARTS = samplesMarked('deliberate-restart', 'shutdown');
/** The system shutting down on purpose: what goes down after it, until the next boot, is its doing (findings/shutdowns.ts). */
// (Without a sample's own kernel uptime, which would read as another boot beside this test's.)
const SHUTDOWNS = samplesMarked('shutdown').map((s) => s.replace(/\[\s*\d+\.\d+\] /, ''));

const tell = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const stories = (a: Analysis): string[] => a.episodes.map((e) => `${e.kind}:${e.verdict}`);

describe('a modem drop right after a deliberate restart', () => {
  it('is told as the restart\'s, for every deliberate restart the catalogue knows', () => {
    assert.ok(RESTARTS.length >= 4, RESTARTS.join('\n'));
    for (const restart of RESTARTS) {
      const a = tell([at(1198, restart), ...drop(1200, 3), ...tail]);
      assert.ok(a.events.some((e) => marksOf(e).includes('deliberate-restart')), `catalogued: ${restart}`);
      assert.deepEqual(stories(a), ['modem-drop:restarted'], restart);
      const story = a.episodes[0];
      assert.ok(story.steps.some((s) => s.line === 1 && s.text.includes('on purpose')), `${restart}: ${story.steps.map((s) => s.text).join(' | ')}`);
      assert.doesNotMatch(story.advice.join(' '), /hardware|resets by itself/, restart);
    }
  });

  it('is a note after a shutdown of the system, which takes the modem down with it', () => {
    assert.ok(SHUTDOWNS.length >= 2, SHUTDOWNS.join('\n'));
    for (const shutdown of SHUTDOWNS) {
      const a = tell([at(1198, shutdown), ...drop(1200, 3), ...tail]);
      assert.deepEqual(stories(a), [], shutdown);
      assert.match(a.findings.find((f) => f.code === 'usb-gap')!.message, /while the system was shutting down/, shutdown);
    }
  });

  it('is told as a drop of unknown cause without the restart, with one too long before it, or when another drop has none', () => {
    const restart = RESTARTS.find((r) => r.includes('Restarting modem after'))!;
    assert.deepEqual(stories(tell([...drop(1200, 3), ...tail])), ['modem-drop:came-back']);
    // Ten minutes before: something else may have happened since.
    assert.deepEqual(stories(tell([at(600, restart), ...drop(1200, 3), ...tail])), ['modem-drop:came-back']);
    // After the drop: no explanation of it.
    assert.deepEqual(stories(tell([...drop(1200, 3), at(1215, restart), ...tail])), ['modem-drop:came-back']);
    // Two drops, the second with no restart before it.
    assert.deepEqual(stories(tell([at(198, restart), ...drop(200, 3), ...drop(1200, 5), ...tail])), ['modem-drop:came-back']);
    assert.deepEqual(stories(tell([at(198, restart), ...drop(200, 3), at(1199, restart), ...drop(1200, 5), ...tail])), ['modem-drop:restarted']);
  });
});

describe('a USB reset through the device\'s sysfs authorized file', () => {
  it('is a drop on purpose: the kernel says the device was authorized again after its drivers let go of it', () => {
    // A blind probe's watchdog wrote 0, then 1, to /sys/bus/usb/devices/1-1/authorized: no disconnect
    // line, its ports torn down, bound again, then `authorized to connect` (hub.c). It had been an unexplained drop.
    const lines = [
      kernel(0, 'usb 1-1: new high-speed USB device number 2 using ehci-platform'),
      kernel(0.1, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
      kernel(0.2, 'option 1-1:1.2: GSM modem (1-port) converter detected'),
      kernel(0.3, 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB2'),
      kernel(600, 'option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2'),
      kernel(600.1, 'option 1-1:1.2: device disconnected'),
      kernel(605, 'option 1-1:1.2: GSM modem (1-port) converter detected'),
      kernel(605.1, 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB2'),
      kernel(605.2, 'usb 1-1: authorized to connect'),
      kernel(1800, 'usb 1-2: new full-speed USB device number 9 using ehci-platform'),
    ];
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), ['modem-drop:restarted']);
    assert.match(a.episodes[0].summary, /reset it on purpose through its sysfs authorized file/);
    // Without the kernel's line it is a drop like any other.
    const plain = analyzeText(lines.filter((l) => !l.includes('authorized')).join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(plain.episodes.map((e) => `${e.kind}:${e.verdict}`), ['modem-drop:came-back']);
  });
});
