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

describe("mobifd's low-signal reconnect", () => {
  it('tells the drop as the weak signal\'s, with advice on the signal', () => {
    const a = tell([
      at('13:07:37', 'daemon.info mobifd[2617]: [gsm.modem1] Low signal notify triggered! Signal: "-111" | Threshold: "-105"'),
      at('13:07:39', 'daemon.info mobifd[2617]: [gsm.modem1] Restarting connection due to low signal level'),
      at('13:07:40', "daemon.notice netifd: Interface 'mob2s1a1' is now down"),
      at('13:08:13', "daemon.notice netifd: Interface 'mob2s1a1' is now up"),
    ]);
    const s = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
    assert.ok(s.steps.some((x) => /because the signal is low/.test(x.text)));
    assert.match(s.advice.join(' '), /low-signal threshold/);
  });
});

describe('a dual-SIM router that switched SIMs', () => {
  it('the other SIM connected is not the trouble over, even where a line names no interface', () => {
    const a = tell([
      at('08:00:41', "daemon.notice netifd: Interface 'mob1s1a1' is now down"),
      at('08:01:05', 'daemon.notice netifd: mob1s1a1 (7711): Command failed: Request timed out'),
      at('08:04:14', 'daemon.info mobifd[2301]: [gsm.modem0] SIM slot changed to 2'),
      at('08:04:46', "daemon.notice netifd: Interface 'mob1s2a1' is now up"),
      at('08:04:47', 'kern.info Mobile data connected (IPv4, internal modem)'),
    ]);
    const s = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
    assert.equal(s.verdict, 'unresolved');
    assert.ok(s.steps.some((x) => /connected on another SIM/.test(x.text)), s.steps.map((x) => x.text).join('\n'));
  });
});
