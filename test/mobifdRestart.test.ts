import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// mobifd restarting the modem on purpose (blind probe A of the 27th session: its health check's
// restart had been a drop whose cause "the log does not give", with hardware advice).

const REF = Date.UTC(2026, 0, 1);
const at = (clock: string, rest: string): string => `Mon Sep  8 ${clock} 2025 ${rest}`;
const drop = [
  at('14:29:34', 'kern.info kernel: [95583.075609] usb 1-1.4: USB disconnect, device number 5'),
  at('14:29:34', 'kern.info kernel: [95583.447953] option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0'),
  at('14:29:42', 'kern.info kernel: [95591.287331] usb 1-1.4: new high-speed USB device number 6 using ehci-platform'),
  at('14:29:42', 'kern.info kernel: [95591.290000] usb 1-1.4: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  at('14:29:42', 'kern.info kernel: [95591.350331] option 1-1.4:1.0: GSM modem (1-port) converter detected'),
  at('14:29:42', 'kern.info kernel: [95591.350400] usb 1-1.4: GSM modem (1-port) converter now attached to ttyUSB0'),
];
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe("mobifd's own restart of the modem", () => {
  for (const line of [
    "daemon.info mobifd[2301]: [gsm.modem0] Modem restart flag was set by: 'health_check'",
    'daemon.info mobifd[2301]: [gsm.modem0] generic_restart invoked sucessfully',
    'daemon.info mobifd[2301]: [gsm.modem0] Restarting modem to apply sim_hotswap configuration changes',
  ]) {
    it(`"${line.slice(line.indexOf(']', 30) + 2)}": the drop after it was asked for`, () => {
      const s = tell([at('14:29:31', line), ...drop]).episodes.find((e) => e.kind === 'modem-drop')!;
      assert.match(s.summary, /restarted it on purpose/);
    });
  }
  it('without it, the same drop is not said to be asked for', () => {
    const s = tell(drop).episodes.find((e) => e.kind === 'modem-drop')!;
    assert.doesNotMatch(s.summary, /on purpose/);
  });
});
