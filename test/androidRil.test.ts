import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// Android's telephony in logcat (RILJ, the radio buffer): the radio HAL's registration states and
// the SIM card's state as their toString prints them, on an Android host whose advice names
// Android's own screens and dumpsys, not a modem's AT port (a blind probe's Android gateway had
// been told nothing, on "Linux").

const REF = Date.UTC(2026, 2, 18);
const ril = (clock: string, rest: string): string => `03-17 ${clock}.400  1532  1547 D RILJ    : ${rest} [PHONE0]`;
const reg = (clock: string, state: string): string => ril(clock, `[4411]< DATA_REGISTRATION_STATE {.regState = ${state}, .rat = UNKNOWN, .reasonDataDenied = 0, .maxDataCalls = 16}`);
const analyze = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe("Android's radio in logcat", () => {
  it('out of service for minutes, then registered: a registration problem that recovered, on Android', () => {
    const a = analyze([reg('09:14:08', 'NOT_REG_MT_SEARCHING_OP'), reg('09:14:20', 'NOT_REG_MT_SEARCHING_OP'), reg('09:15:32', 'NOT_REG_MT_SEARCHING_OP'), reg('09:15:43', 'REG_HOME')]);
    assert.equal(a.host, 'Android');
    assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), ['registration-problem:recovered']);
  });
  it('still searching at the end: advice from Android\'s own screens and dumpsys, no AT port', () => {
    const a = analyze([reg('09:14:08', 'NOT_REG_MT_SEARCHING_OP'), reg('09:20:08', 'NOT_REG_MT_SEARCHING_OP'), reg('09:30:08', 'NOT_REG_MT_SEARCHING_OP')]);
    const advice = a.episodes[0]?.advice.join(' ') ?? '';
    assert.match(advice, /dumpsys telephony\.registry/);
    assert.doesNotMatch(advice, /AT\+C/);
  });
  it('denied: the operator\'s advice', () => {
    const a = analyze([reg('09:14:08', 'REG_DENIED'), reg('09:30:08', 'REG_DENIED')]);
    assert.match(a.episodes[0]?.advice.join(' ') ?? '', /network denied/i);
  });
  it('a SIM card in error, polled again and again: one finding, a SIM story', () => {
    const sim = (clock: string) => ril(clock, '[0288]< GET_SIM_STATUS IccCardState {CARDSTATE_ERROR,PINSTATE_UNKNOWN,num_apps=0,gsm_id=-1,cdma_id=-1,ims_id=-1}');
    const a = analyze([sim('14:05:07'), sim('14:09:10'), sim('14:13:10'), sim('14:17:10')]);
    assert.equal(a.findings.filter((f) => f.code === 'sim-error').length, 1);
    assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), ['sim-problem:unresolved']);
  });
  it('registered, or a SIM present and ready: nothing to tell', () => {
    const a = analyze([reg('09:14:08', 'REG_HOME'), ril('09:14:09', '[0301]< GET_SIM_STATUS IccCardState {CARDSTATE_PRESENT,PINSTATE_UNKNOWN,num_apps=1,gsm_id=0{APPTYPE_USIM,APPSTATE_READY},cdma_id=-1,ims_id=1}')]);
    assert.deepEqual(a.findings, []);
    assert.deepEqual(a.episodes, []);
  });
});
