import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A story before the clock was set (a router boots at 1970 until NTP sets its clock) says its times
// are that clock's, not the day's, whether or not a kernel line's uptime shows the step.
describe('a story told before the device\'s clock was set', () => {
  const lines = [
    'Thu Jan  1 00:01:42 1970 kern.info kernel: [  102.100000] usb 1-1: USB disconnect, device number 2',
    'Thu Jan  1 00:01:58 1970 kern.info kernel: [  118.300000] usb 1-1: new high-speed USB device number 3 using xhci-hcd',
    'Thu Jan  1 00:01:58 1970 kern.info kernel: [  118.500000] usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18',
    'Thu Jan  1 00:01:59 1970 kern.info kernel: [  119.100000] usb 1-1: GSM modem (1-port) converter now attached to ttyUSB2',
    'Thu Jan  1 00:02:45 1970 daemon.err ntpd[2510]: setting time to 2026-12-05 08:14:03.411802 (offset +1796458278.411802s)',
    'Sat Dec  5 08:14:04 2026 daemon.info ntpd[2510]: ntpd: reply from 162.159.200.1: offset:+0.001205',
    'Sat Dec  5 09:00:00 2026 cron.info crond[1570]: USER root pid 2611 cmd /usr/bin/opkg update',
  ];
  it('says when the clock was set, in the story', () => {
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2026, 11, 7) });
    assert.ok(a.findings.some((f) => f.code === 'clock-jump' && f.line === 6));
    const drop = a.episodes.find((e) => e.kind === 'modem-drop');
    assert.ok(drop);
    assert.ok(drop!.unknowns.some((u) => /clock was set at line 6, from 1970-01-01 00:02:45 to 2026-12-05 08:14:04/.test(u)), drop!.unknowns.join('\n'));
  });
  it('says nothing of it when the clock was set before the story', () => {
    const later = [lines[4], lines[5], ...lines.slice(0, 4).map((l) => l.replace('Thu Jan  1 00:0', 'Sat Dec  5 08:2').replace(' 1970 ', ' 2026 '))];
    const drop = analyzeText(later.join('\n') + '\n', { referenceTime: Date.UTC(2026, 11, 7) }).episodes.find((e) => e.kind === 'modem-drop');
    assert.ok(drop && !drop.unknowns.some((u) => /clock was set/.test(u)));
  });
});

// A clock that steps back between a trouble and the line that shows it over (summer time ending
// in a log without offsets, a restart on an older clock) leaves the story's steps in the order of
// the lines: a blind probe's "Then ... over" had been told before its trouble, by its earlier time.
describe('a story across a step back of the clock', () => {
  it('tells its steps in the order of the lines', () => {
    const lines = [
      'Oct 25 02:41:10 kiosk ModemManager[1021]: <info>  [modem0] 3GPP registration state changed (home -> searching)',
      'Oct 25 02:55:02 kiosk systemd[1]: Starting Cleanup of Temporary Directories...',
      'Oct 25 02:12:30 kiosk ModemManager[1021]: <info>  [modem0] 3GPP registration state changed (searching -> home)',
    ];
    const story = analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2026, 9, 26) }).episodes.find((e) => e.kind === 'registration-problem');
    assert.ok(story);
    assert.deepEqual(story!.steps.map((s) => s.line), [1, 3]);
    assert.match(story!.steps[1].text, /^Then/);
  });
});
