import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

describe("a program's words in a person's question", () => {
  // Blind probe P: a healthy log under a mail's `Subject: ... SIM missing??` and a customer's question
  // had been told "SIM problem: NOT OVER". Programs state; a person asks.
  const healthy = 'Mon Jun  1 07:58:47 2026 daemon.notice netifd: wwan (1988): Starting network wwan\n';
  for (const line of ['Subject: RE: URGENT - modem lost / SIM missing?? router offline', 'Hi, is the SIM not inserted properly? Registration denied maybe?', 'mmcli says: failed reason sim-missing ??? the SIM is in!']) {
    it(`is no event: ${line}`, () => {
      const a = analyzeText(`${line}\n${healthy}`, { referenceTime: Date.UTC(2026, 11, 8) });
      assert.deepEqual(a.events.filter((e) => e.line === 1).map((e) => e.id), []);
    });
  }
  it('the same words stated are still read', () => {
    const a = analyzeText(`couldn't load supported IP families: SIM not inserted\n${healthy}`, { referenceTime: Date.UTC(2026, 11, 8) });
    assert.ok(a.events.some((e) => e.line === 1), a.events.map((e) => e.id).join());
  });
});
