import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { CME_ERRORS } from '../server/src/core/catalogue/tables/cmeErrors';

// NetworkManager reports a connection ModemManager could not bring up with the modem's own error
// in words (`failed to connect modem: Network not allowed - Emergency calls only`). An error of
// 3GPP TS 27.007's table is the problem it names: the registration's or the SIM's, not the data
// connection's (a blind probe: a denied SIM was told as a registration problem and also as a data
// connection problem with advice to check the APN).

const REF = Date.UTC(2024, 4, 12);
const SHAPES: Record<string, (error: string) => string> = {
  'journalctl short': (e) => `May 12 14:03:31 raspberrypi NetworkManager[452]: <warn>  [1715515411.6021] modem-broadband[cdc-wdm0]: failed to connect modem: ${e}`,
  'journalctl short-iso': (e) => `2024-05-12T14:03:31+02:00 raspberrypi NetworkManager[452]: <warn>  [1715515411.6021] modem-broadband[cdc-wdm0]: failed to connect modem: ${e}`,
  'an older NetworkManager': (e) => `May 12 14:03:31 raspberrypi NetworkManager[452]: <warn> (ttyUSB2): failed to connect modem: ${e}`,
};

const findingsOf = (line: string): string[] => analyzeText(line + '\n', { referenceTime: REF }).findings.map((f) => f.code);

describe('NetworkManager\'s "failed to connect modem" with the modem\'s error in words', () => {
  it('is the problem each error of 27.007\'s table names, in every shape', () => {
    for (const row of CME_ERRORS) {
      // The words as ModemManager writes them (its table's case), with what may follow them.
      const error = `${row.text[0].toUpperCase()}${row.text.slice(1)}${row.code === 32 ? ' - Emergency calls only' : ''}`;
      for (const [name, shape] of Object.entries(SHAPES)) {
        assert.deepEqual(findingsOf(shape(error)), [row.finding], `${row.code} "${error}", ${name}`);
      }
    }
  });

  it('is the data connection\'s problem for any other error', () => {
    for (const error of ['Couldn\'t connect: No carrier', 'Serving network not available', 'Unknown error', 'SIMPLE connect failed: network timeouts abound']) {
      for (const [name, shape] of Object.entries(SHAPES)) assert.deepEqual(findingsOf(shape(error)), ['data-session-failed'], `"${error}", ${name}`);
    }
  });

  it('tells one story, the registration\'s, for a denied modem', () => {
    const lines = [
      '2024-05-12T14:03:31+02:00 raspberrypi ModemManager[498]: <info>  [modem0] 3GPP registration state changed (searching -> denied)',
      '2024-05-12T14:03:31+02:00 raspberrypi NetworkManager[452]: <warn>  [1715515411.6021] modem-broadband[cdc-wdm0]: failed to connect modem: Network not allowed - Emergency calls only',
      "2024-05-12T14:03:31+02:00 raspberrypi NetworkManager[452]: <info>  [1715515411.6030] device (cdc-wdm0): state change: prepare -> failed (reason 'gsm-registration-denied', sys-iface-state: 'managed')",
    ];
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => e.kind), ['registration-problem']);
    assert.doesNotMatch(a.episodes[0].advice.join(' '), /APN/);
  });
});

describe("NetworkManager giving a mobile connection up for a secret no one gave ('no-secrets')", () => {
  const nmLine = (clock: string, device: string) => `Dec 03 ${clock} pi NetworkManager[1102]: <info>  [1796290897.7120] device (${device}): state change: need-auth -> failed (reason 'no-secrets', sys-iface-state: 'managed')`;
  it('on the modem\'s device, after ModemManager found the SIM locked: the SIM story tells it as its consequence', () => {
    const text = ['Dec 03 09:41:37 pi ModemManager[690]: <info>  [modem0] state changed (unknown -> locked)', nmLine('09:41:40', 'cdc-wdm0'), nmLine('09:42:10', 'cdc-wdm0')].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: Date.UTC(2026, 11, 8) });
    const sim = a.episodes.find((e) => e.kind === 'sim-problem')!;
    assert.ok(sim.steps.some((s) => /needed a secret no one gave/.test(s.text)), sim.steps.map((s) => s.text).join('\n'));
  });
  it('alone, its advice is to store the secret in the connection', () => {
    const a = analyzeText([nmLine('09:41:40', 'cdc-wdm0'), nmLine('09:42:10', 'cdc-wdm0')].join('\n') + '\n', { referenceTime: Date.UTC(2026, 11, 8) });
    assert.match(a.episodes.find((e) => e.kind === 'data-connection-problem')!.advice.join(' '), /gsm\.pin/);
  });
  it("on a Wi-Fi device: not the modem's", () => {
    const a = analyzeText(nmLine('09:41:40', 'wlp2s0') + '\n', { referenceTime: Date.UTC(2026, 11, 8) });
    assert.ok(!a.findings.some((f) => f.code === 'data-session-failed'));
  });
});
