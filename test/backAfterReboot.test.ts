import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { modemDropStory } from '../server/src/core/stories/entries/modemDrop';
import type { Analysis } from '../server/src/core/model';

// A modem that left the USB bus and was back only when the system started again did not come back
// by itself: the restart brought it back (a blind probe's modem, gone 36 minutes until a reboot,
// had been told "came back" with the advice for a modem that resets by itself). A drop the system
// itself went down just after (a power cut takes both) is not that.

const REF = Date.UTC(2025, 3, 9);
const at = (clock: string, body: string): string => `Tue Apr  8 ${clock} 2025 ${body}`;
const kernel = (clock: string, uptime: string, msg: string): string => at(clock, `kern.info kernel: [${uptime}] ${msg}`);
const GONE = [
  kernel('10:05:12', '86412.120331', 'usb 1-1: USB disconnect, device number 2'),
  kernel('10:05:12', '86412.121044', 'option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0'),
  at('10:05:13', "daemon.notice netifd: Interface 'wwan' has lost the connection"),
];
/** The system starts at `clock` and enumerates the modem. */
const boot = (clock: string): string[] => [
  kernel(clock, '    0.000000', 'Booting Linux on physical CPU 0x0'),
  kernel(clock, '    0.000000', 'Linux version 5.15.137 (builder@buildhost) (gcc 12.3.0) #0 SMP Tue Nov 14 13:38:11 2023'),
  kernel(clock, '    2.511200', 'usb 1-1: new high-speed USB device number 2 using xhci-hcd'),
  kernel(clock, '    2.700330', 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  kernel(clock, '    5.120000', 'option 1-1:1.0: GSM modem (1-port) converter detected'),
  kernel(clock, '    5.121000', 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB0'),
];
const tell = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const drop = (a: Analysis) => a.episodes.find((e) => e.kind === modemDropStory.id);

describe('a modem back only when the system started again', () => {
  it('is told as back only after a reboot, not by itself, with advice for next time', () => {
    const s = drop(tell([at('10:00:00', 'daemon.info dnsmasq[1820]: read /etc/hosts - 4 addresses'), ...GONE, at('10:41:05', 'daemon.info procd: - shutdown -'), ...boot('10:42:01')]));
    assert.equal(s?.verdict, 'back-after-reboot');
    assert.match(s.summary, /did not come back by itself/);
    assert.match(s.summary, /36 min 49 s later/);
    assert.ok(s.advice.some((x) => /did not come back by itself/.test(x)) && !s.advice.some((x) => /resets by itself/.test(x)), s.advice.join(' | '));
  });
  it('the same when only lines no entry reads (cron, an application) show the system going on', () => {
    const cron = (clock: string) => at(clock, 'cron.info crond[1200]: USER root pid 3100 cmd /usr/bin/push-metrics');
    const s = drop(tell([...GONE, cron('10:20:00'), cron('10:35:00'), ...boot('10:42:01')]));
    assert.equal(s?.verdict, 'back-after-reboot');
  });
  it('is a plain return when it came back while the system ran, and when the system itself went down just after the drop', () => {
    const byItself = drop(tell([...GONE, kernel('10:05:30', '86430.000000', 'usb 1-1: new high-speed USB device number 3 using xhci-hcd'), kernel('10:05:30', '86430.100000', 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'), at('10:41:05', 'daemon.info procd: - shutdown -'), ...boot('10:42:01')]));
    assert.equal(byItself?.verdict, 'came-back');
    // The system's last line is the drop's second: a power cut took both.
    const withTheSystem = drop(tell([...GONE, ...boot('10:05:40')]));
    assert.equal(withTheSystem?.verdict, 'came-back');
  });
});
