import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { findingOf } from '../server/src/core/findings/eventTime';
import { CME_ERRORS } from '../server/src/core/catalogue/tables/cmeErrors';

// The modem's `+CME ERROR:` answers are 3GPP's, whoever logs them: every row of the table, by its
// number and by its words, gives its finding under a modem manager's trace, a chat script's
// output and a microcontroller's console alike.

const REF = Date.UTC(2024, 11, 4);
const WRITERS: ((answer: string) => string)[] = [
  (a) => `Dec  2 19:54:59 laptop ModemManager[812]: <dbg> [1733169299.372109] [wwan0at1/at] <-- '<CR><LF>${a}<CR><LF>'`,
  (a) => `Mon Dec  2 19:54:59 2024 daemon.err chat[2170]: ${a}`,
  (a) => `E (5123) modem: AT+CPIN? -> ${a}`,
];

describe('+CME ERROR answers, from the table', () => {
  for (const row of CME_ERRORS) {
    it(`${row.code} (${row.text}) is ${row.finding}, by number and by words, in every writer's line`, () => {
      for (const said of [String(row.code), row.text, row.text.toUpperCase()]) {
        for (const write of WRITERS) {
          const a = analyzeText(`${write(`+CME ERROR: ${said}`)}\n`, { referenceTime: REF });
          assert.deepEqual(a.events.map(findingOf), [row.finding], write(`+CME ERROR: ${said}`));
          assert.ok(a.findings.some((f) => f.code === row.finding && f.message.includes(/^\d+$/.test(said) ? `${said} (${row.text})` : said)), a.findings.map((f) => f.message).join('\n'));
        }
      }
    });
  }

  it('reads no other number as one of them (a code is its whole number)', () => {
    for (const other of ['1', '3', '100', '302', '1010', '1490', '4']) {
      const a = analyzeText(`+CME ERROR: ${other}\n`, { referenceTime: REF });
      assert.deepEqual(a.events, [], other);
    }
  });
});
