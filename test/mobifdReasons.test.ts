import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, pickVariant } from '../server/src/core/catalogue/advice';
import { dataStory, registrationStory } from '../server/src/core/stories/entries/problems';

// mobifd says why a RutOS router has no mobile data (its message formats, source S20): a roaming
// network its SIM's settings refuse data on, the network's reject causes, a lost connection. A
// blind probe's router with data roaming denied was told "no problems".

const REF = Date.UTC(2025, 11, 4);
const at = (s: number, body: string): string => `Thu Jan 16 08:${String(40 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} 2025 ${body}`;
const told = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe("mobifd's reasons for no mobile data", () => {
  it('data roaming denied: the data story, advising the roaming setting and not the APN', () => {
    const a = told([
      at(0, 'daemon.notice mobifd: [gsm.modem0] Roaming operator detected and deny data roaming flag is on. Connection will not be initiated!'),
      at(60, 'daemon.notice mobifd: [gsm.modem0] Roaming operator detected and deny data roaming flag is on. Connection will not be initiated!'),
    ]);
    const story = a.episodes.find((e) => e.kind === dataStory.id);
    assert.ok(story, a.episodes.map((e) => e.kind).join(', '));
    assert.deepEqual(story.advice, [pickVariant(ADVICE.allowDataRoaming, 'rutos')!.text]);
  });
  it('an EMM reject is the registration\'s, an ESM reject the data connection\'s', () => {
    const emm = told([at(0, 'daemon.warn mobifd: [gsm.modem0] Network notification received -> EMM reject cause "PLMN not allowed"')]);
    assert.deepEqual(emm.episodes.map((e) => e.kind), [registrationStory.id]);
    const esm = told([at(0, 'daemon.warn mobifd: [gsm.modem0] ESM reject cause "Missing or unknown APN" received. Setting connection timeout')]);
    assert.deepEqual(esm.episodes.map((e) => e.kind), [dataStory.id]);
  });
  it('a lost data connection and its return', () => {
    const a = told([
      at(0, 'daemon.notice mobifd: [gsm.modem0] Data connection was lost'),
      at(40, "daemon.notice netifd: Interface 'mob1s1a1' is now up"),
    ]);
    assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), [`${dataStory.id}:recovered`]);
  });
});
