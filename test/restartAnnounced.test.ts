import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, pickVariant } from '../server/src/core/catalogue/advice';
import { modemDropStory } from '../server/src/core/stories/entries/modemDrop';
import type { Analysis } from '../server/src/core/model';

// A modem reset on purpose by a script or a tool before it drops off USB: mmcli's reset (`mmcli -m
// 0 -r`, its answer `successfully reseted the modem`, source X128) and any program's own words for
// what it does (`resetting modem`, `restarting the LTE module`, `power cycling modem`). Blind
// probes' watchdogs (one through mmcli, one through the USB port's `authorized`) had been told as
// drops of unknown cause, with advice about the supply and the cable.

const REF = Date.UTC(2024, 8, 13);
const at = (clock: string, body: string): string => `Thu Sep 12 ${clock} 2024 ${body}`;
const kernel = (clock: string, msg: string): string => at(clock, `kern.info kernel: [22386.411300] ${msg}`);

/** The modem (an RM520N) leaves the bus at 06:15:06 and is back at 06:15:25. */
const DROP = [
  kernel('06:15:06', 'usb 2-1: USB disconnect, device number 2'),
  kernel('06:15:06', 'option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0'),
  kernel('06:15:25', 'usb 2-1: new SuperSpeed USB device number 3 using xhci-mtk'),
  kernel('06:15:25', 'usb 2-1: New USB device found, idVendor=2c7c, idProduct=0801, bcdDevice= 5.04'),
  kernel('06:15:25', 'option 2-1:1.0: GSM modem (1-port) converter detected'),
  at('06:55:01', 'cron.err crond[1601]: USER root pid 5902 cmd /usr/sbin/lte-watchdog'),
];
const tell = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const drop = (a: Analysis) => a.episodes.find((e) => e.kind === modemDropStory.id);

describe('a modem restarted on purpose by a script or a tool, then off the bus', () => {
  it('mmcli\'s reset, as a watchdog logs it, is the drop\'s cause: restarted on purpose, why it fired is the advice', () => {
    const a = tell([
      at('06:15:03', "user.notice lte-watchdog: no reply from 1.1.1.1 via wwan0 for 180s (modem state: connected), running 'mmcli -m 0 -r'"),
      at('06:15:04', 'user.notice lte-watchdog: successfully reseted the modem'),
      ...DROP,
    ]);
    const s = drop(a);
    assert.equal(s?.verdict, 'restarted');
    assert.deepEqual(s.advice, [pickVariant(ADVICE.whyRestartFired, 'modemmanager')!.text]);
    assert.ok(s.steps.some((x) => x.line === 2 && x.text.includes('on purpose')), s.steps.map((x) => x.text).join(' | '));
  });

  for (const said of [
    "user.notice lte-watchdog: no reply from 1.1.1.1 via wwan0 for 180s, running 'mmcli -m 0 -r'",
    'user.notice lte-watchdog: resetting modem: echo 0 > /sys/bus/usb/devices/2-1/authorized; sleep 5; echo 1 > /sys/bus/usb/devices/2-1/authorized',
    'daemon.notice cellmgr[812]: restarting the LTE module after 3 failed pings',
    'user.notice root: power cycling modem via GPIO 17',
    'user.notice netwatch: no network for 600 s, will reset the modem',
    'user.warn lte: no traffic for 90 s, rebinding modem USB device 2-1 (unbind/bind)',
    'user.notice lte: echo 2-1 > /sys/bus/usb/drivers/usb/unbind',
  ]) {
    it(`a program's own words are a deliberate restart: ${said.slice(0, 60)}`, () => {
      assert.equal(drop(tell([at('06:15:03', said), ...DROP]))?.verdict, 'restarted');
    });
  }

  for (const said of [
    'user.notice lte-watchdog: modem restarted',
    'user.notice lte-watchdog: ping ok, no need to reset the modem',
    'user.notice lte-watchdog: not resetting modem: last reset 2 min ago',
    'daemon.notice procd: Restarting ModemManager...',
    'user.notice lte-watchdog: resetting modem statistics',
    "user.err lte-watchdog: error: couldn't reset the modem: 'GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Unsupported: Cannot reset the modem: operation not supported'",
    // Another USB device unbound: that device's reset, not the modem's.
    'user.notice cam-watchdog: echo 1-1.2 > /sys/bus/usb/drivers/usb/unbind',
  ]) {
    it(`no restart said, none told: ${said.slice(0, 60)}`, () => {
      assert.equal(drop(tell([at('06:15:03', said), ...DROP]))?.verdict, 'came-back');
    });
  }
});
