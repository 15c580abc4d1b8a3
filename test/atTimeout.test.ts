import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// An application's own words for an AT command the modem left unanswered (blind probes: a SIMCom
// module over a UART, silent for two minutes, had been told three notes; a single timeout, the
// next poll answered, must stay a note).

const REF = Date.UTC(2024, 6, 23);
const at = (clock: string, rest: string): string => `2024-07-22T${clock}+0200 vanbox-03 lte-agent[1187]: ${rest}`;
const poll = (clock: string) => at(clock, 'INFO lte_agent.poll: rssi=+CSQ: 22,99 creg=+CREG: 0,5');
const timeout = (clock: string, cmd = 'AT+CSQ') => at(clock, `WARNING lte_agent.modem: timeout waiting for response to ${cmd} (5.0 s), will retry next cycle`);
const analyze = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('AT commands left unanswered', () => {
  it('one, the next poll answered: a note, no story', () => {
    const a = analyze([poll('14:10:12'), timeout('14:11:17'), poll('14:12:12')]);
    assert.deepEqual(a.findings.map((f) => `${f.code} ${f.severity}`), ['modem-unresponsive info']);
    assert.deepEqual(a.episodes, []);
  });
  it('several in a row: the modem not answering; its RDY after a power cycle shows it over', () => {
    const hang = [timeout('14:11:17'), timeout('14:11:19', 'AT'), timeout('14:11:21', 'AT'), at('14:11:22', 'ERROR lte_agent.modem: module silent')];
    const still = analyze([poll('14:10:12'), ...hang]);
    assert.deepEqual(still.episodes.map((e) => `${e.kind}:${e.verdict}`), ['modem-unresponsive:unresolved']);
    const back = analyze([poll('14:10:12'), ...hang, at('14:12:40', 'DEBUG lte_agent.at: << RDY')]);
    assert.deepEqual(back.episodes.map((e) => `${e.kind}:${e.verdict}`), ['modem-unresponsive:recovered']);
  });
});
