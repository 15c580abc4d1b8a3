import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// chat's timeout waiting for the modem's OK to a plain AT command is a modem silent on that port
// (wrong port, held by another program, hung), not the network: two blind probes' dial-up setups
// (a Raspberry Pi whose port ModemManager held, a hung 3G stick) had been told to check the APN.

const REF = Date.UTC(2024, 2, 20);

function dial(expect: string, failed: string, minute: number): string[] {
  const at = (s: number): string => `Mon Mar 18 10:${String(minute).padStart(2, '0')}:${String(s).padStart(2, '0')} 2024`;
  return [
    `${at(1)} local2.info chat[4412]: abort on (NO CARRIER)`,
    `${at(1)} local2.info chat[4412]: send (${expect === 'OK' ? 'AT&F^M' : 'ATD*99#^M'})`,
    `${at(1)} local2.info chat[4412]: expect (${expect})`,
    ...(failed === 'Failed' ? [`${at(46)} local2.info chat[4412]: alarm`] : []),
    `${at(46)} local2.info chat[4412]: ${failed}`,
    `${at(46)} daemon.err pppd[4410]: Connect script failed`,
  ];
}

describe('chat waiting for the modem', () => {
  it("a timeout on OK: the modem is silent on its port, whatever the host", () => {
    const a = analyzeText([...dial('OK', 'Failed', 40), ...dial('OK', 'Failed', 41)].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => e.kind), ['data-connection-problem']);
    assert.match(a.episodes[0].advice.join(' '), /did not answer a plain AT command .* not the network, not the APN/);
  });
  it('NO CARRIER to the dial: the data session, as before', () => {
    const a = analyzeText([...dial('CONNECT', 'Failed (NO CARRIER)', 40), ...dial('CONNECT', 'Failed (NO CARRIER)', 41)].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => e.kind), ['data-connection-problem']);
    assert.doesNotMatch(a.episodes[0].advice.join(' '), /plain AT command/);
    assert.match(a.episodes[0].advice.join(' '), /APN/);
  });
});

// chat -v writes the modem's answers with their carriage returns in caret notation (`^M`): the
// answer is the same one, and a registration denied in it is read (a blind probe's had not been).
describe("the modem's answers in chat's verbose lines", () => {
  const answer = (text: string) => analyzeText(`Mar  7 02:14:01 meter-gw local2.info chat[812]: ${text}\n`, { referenceTime: REF });
  for (const cr of ['', '^M', '^M^M', ' ^M']) {
    it(`+CREG: 0,3 with ${JSON.stringify(cr)} after it: the registration denied`, () => {
      const a = answer(`+CREG: 0,3${cr}`);
      assert.deepEqual(a.findings.map((f) => f.code), ['registration-failed']);
      assert.match(a.findings[0].message, /denied/);
    });
  }
  it('polled every five minutes for half an hour: one finding', () => {
    const lines = ['02:14:01', '02:19:05', '02:24:08', '02:29:12', '02:34:15', '02:39:18'].map((c) => `Mar  7 ${c} meter-gw local2.info chat[812]: +CREG: 0,3^M`);
    const found = analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).findings.filter((f) => f.code === 'registration-failed');
    assert.equal(found.length, 1);
    assert.equal(found[0].count, 6);
  });
  it('a caret inside the text stays text', () => {
    assert.deepEqual(answer('+CREG: 0,3^Mx').findings, []);
  });
});
