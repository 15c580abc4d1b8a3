import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// The network's own reason for refusing a modem, as umbim prints it (X183) and as +CEREG's n=3
// form gives it (X184): which of the registration and the data connection was refused follows the
// cause's kind, and the cause is named in words.

const REF = Date.UTC(2025, 2, 20);
const netifd = (clock: string, text: string) => `Wed Mar 19 ${clock} 2025 daemon.notice netifd: wwan (3120): ${text}`;
const kinds = (text: string) => analyzeText(text, { referenceTime: REF }).episodes.map((e) => `${e.kind}:${e.verdict}`);

describe("umbim's nwerror", () => {
  const answer = (clock: string, error: string, state: string) => [netifd(clock, `  nwerror: ${error}`), netifd(clock, `  registerstate: ${state}`)];
  it('a mobility cause in the registration answer is the network refusing the registration, named', () => {
    const text = [...answer('17:02:13', '000B - plmn-not-allowed', '0006 - denied'), ...answer('17:02:43', '000B - plmn-not-allowed', '0006 - denied')].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.deepEqual(kinds(text), ['registration-problem:unresolved']);
    assert.match(a.episodes[0].steps[0].text, /refused the registration: plmn-not-allowed \(cause 000B hex\)/);
  });
  it('a session cause in the connect answer, registered at home, is the data connection refused: no registration story', () => {
    const text = [
      netifd('17:02:13', '  nwerror: 0000 - unknown'),
      netifd('17:02:13', '  registerstate: 0003 - home'),
      ...['17:02:14', '17:02:44'].map((c) => netifd(c, '  nwerror: 001B - missing-or-unknown-apn')),
    ].join('\n') + '\n';
    assert.deepEqual(kinds(text), ['data-connection-problem:unresolved']);
  });
});

describe("+CEREG's reject cause", () => {
  const line = (clock: string, text: string) => `2025-03-16T${clock}+0100 gw lte-mon[812]: ${text}`;
  it('names the cause in words, and the modem\'s circuit-switched registration does not end its LTE refusal', () => {
    const text = ['11:18:03', '11:19:01', '11:19:59'].flatMap((c) => [line(c, 'AT+CEREG? -> +CEREG: 3,3,"1F4A","0A3C2105",7,0,7'), line(c, 'AT+CREG? -> +CREG: 0,1')]).join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    const story = a.episodes.find((e) => e.kind === 'registration-problem')!;
    assert.equal(story.verdict, 'unresolved');
    assert.ok(story.steps.some((s) => /reject cause 7 \(EPS services not allowed\)/.test(s.text)), story.steps.map((s) => s.text).join(' | '));
    // Registered on LTE after it: over.
    const over = text + line('11:21:00', 'AT+CEREG? -> +CEREG: 3,1,"1F4A","0A3C2105",7') + '\n';
    assert.equal(analyzeText(over, { referenceTime: REF }).episodes.find((e) => e.kind === 'registration-problem')!.verdict, 'recovered');
  });
  it('a cause of type 1 is the modem maker\'s own', () => {
    const a = analyzeText(['11:18:03', '11:19:01'].map((c) => line(c, '+CEREG: 3,"1F4A","0A3C2105",7,1,42')).join('\n') + '\n', { referenceTime: REF });
    assert.ok(a.episodes[0].steps.some((s) => /reject cause 42 \(the modem maker's own cause\)/.test(s.text)));
  });
});
