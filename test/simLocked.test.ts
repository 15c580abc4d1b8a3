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
