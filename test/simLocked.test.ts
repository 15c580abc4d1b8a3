import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// ModemManager's `locked` state: the modem waits to be unlocked, almost always by the SIM's PIN
// [X104]. A blind probe's laptop whose SIM wanted a PIN nobody gave (`unknown -> locked`, then
// NetworkManager's `no-secrets`) had been told "No modem, USB or network problems found".

const REF = Date.UTC(2024, 11, 1);
const mm = (clock: string, text: string): string => `Nov 18 ${clock} x1c ModemManager[874]: <info>  [modem0] ${text}`;
const owrt = (clock: string, text: string): string => `Mon Nov 18 ${clock} 2024 daemon.notice [2656]: <msg> [modem0] ${text}`;

describe('a modem that waits for its SIM PIN', () => {
  for (const [name, line] of [['journalctl', mm], ['OpenWrt logread', owrt]] as const) {
    it(`${name}: a SIM problem not over, with advice that says how to send the PIN`, () => {
      const a = analyzeText([line('14:02:30', 'state changed (unknown -> locked)'), line('14:06:30', 'state changed (unknown -> locked)')].join('\n') + '\n', { referenceTime: REF });
      assert.deepEqual(a.episodes.map((e) => `${e.kind}: ${e.verdict}`), ['sim-problem: unresolved']);
      assert.match(a.episodes[0].advice.join(' '), /whether it is locked .* `mmcli -i 0 --pin=<PIN>` sends the PIN/);
    });
  }
  it('unlocked and registered: recovered', () => {
    const a = analyzeText([mm('14:02:30', 'state changed (unknown -> locked)'), mm('14:03:10', 'state changed (locked -> disabled)'), mm('14:03:20', '3GPP registration state changed (searching -> home)')].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => `${e.kind}: ${e.verdict}`), ['sim-problem: recovered']);
  });
});

// Three blind probes (a Raspberry Pi's SIM7600, OpenWrt's ModemManager, Kibana's export) had a
// missing SIM told as a PIN lock first, for ModemManager's passing `locked` before it found no
// card; one had uqmi's refused PIN told "reseat it and try it in a phone".
describe('what the SIM problem is decides the advice', () => {
  it('a missing SIM, after ModemManager\'s passing `locked`: the missing SIM\'s advice alone, no PIN', () => {
    for (const words of ["modem couldn't be initialized: Couldn't check unlock status: SIM not inserted", 'error initializing: Modem in failed state: sim-missing']) {
      const log = [mm('14:02:30', 'state changed (unknown -> locked)'), mm('14:02:32', words).replace('<info> ', '<warn> '), mm('14:02:32', 'state changed (locked -> failed)')].join('\n') + '\n';
      const a = analyzeText(log, { referenceTime: REF });
      assert.deepEqual(a.episodes.map((e) => `${e.kind}: ${e.verdict}`), ['sim-problem: unresolved'], words);
      const advice = a.episodes[0].advice.join(' ');
      assert.match(advice, /sees no SIM card/, words);
      assert.doesNotMatch(advice, /--pin/, words);
    }
  });
  it('a PIN the SIM refused (OpenWrt\'s qmi.sh): correct the PIN, and the script does not retry by itself', () => {
    const qmi = (clock: string, text: string): string => `Thu Jun 20 ${clock} 2024 daemon.notice netifd: wwan (1893): ${text}`;
    for (const words of ['Unable to verify PIN', 'PIN verify count value is 2 this is below the limit of 3']) {
      const a = analyzeText([qmi('07:41:10', 'Waiting for SIM initialization'), qmi('07:41:16', words)].join('\n') + '\n', { referenceTime: REF });
      assert.deepEqual(a.episodes.map((e) => e.kind), ['sim-problem'], words);
      assert.match(a.episodes[0].advice.join(' '), /refused the PIN .*`pincode`/, words);
      assert.doesNotMatch(a.episodes[0].advice.join(' '), /try it in a phone/, words);
    }
  });
});
