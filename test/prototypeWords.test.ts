import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { toJsonReport } from '../server/src/core/report/jsonReport';

// Log text is written by strangers, and a word of it looked up in a plain object that has no such
// key answers with what every object inherits: `constructor`, `toString`, `__proto__`... A JSON
// line's `"level":"constructor"` was read as a level (Object's constructor) and the line told as
// "a modem program logged an error". Each such word, in every place of a line where the parser or
// the catalogue looks a word up, must be read as a word no table knows: the analysis of the line
// with it is the analysis of the line with a made-up word of the same shape, the word put back.

/** Every name an object literal answers without having it as its own (Object.prototype's). */
const INHERITED = Object.getOwnPropertyNames(Object.prototype);

/**
 * Lines with a word `W` where a level, a month, a program, a host, a key, a label, a column name
 * or a tag stands, each around a modem program's error so that findings depend on how it is read.
 */
const TEMPLATES: readonly string[] = [
  '{"time":"2024-12-02T19:54:5S","level":"W","msg":"Modem failed to respond","app":"gsmd"}',
  '{"time":"2024-12-02T19:54:5S","W":"error","msg":"Modem failed to respond","app":"gsmd"}',
  'time=2024-12-02T19:54:5S level=W msg="Modem failed to respond" app=gsmd',
  '2024-12-02 19:54:5S [W] gsmd: Modem failed to respond',
  '2024-12-02 19:54:5S gsmd - W - Modem failed to respond',
  '2024-12-02 19:54:5S W: gsmd[12]: Modem failed to respond',
  'W  2 19:54:5S router gsmd[12]: Modem failed to respond',
  'Mon W  2 19:54:5S 2024 daemon.err gsmd[12]: Modem failed to respond',
  'Mon Dec  2 19:54:5S 2024 daemon.W gsmd[12]: Modem failed to respond',
  'Mon Dec  2 19:54:5S 2024 daemon.err W[12]: Modem failed to respond',
  'Dec  2 19:54:5S W gsmd[12]: Modem failed to respond',
  '{host="rut", W="x"} Mon Dec  2 19:54:5S 2024 daemon.err gsmd[12]: Modem failed to respond',
  '"2024-12-02 19:54:5S","W","gsmd","Modem failed to respond"',
  'Sun May 20 20:17:4S 2018 [1560]: <W>  [modem0] state changed (registered -> connected)',
  'E (1234S) W: modem did not answer',
  '[W] Dec  2 19:54:5S router gsmd[12]: Modem failed to respond',
];

/** The word with each letter made `q` (its case kept): the same shape to every pattern, known to no table. */
const madeUp = (word: string): string => word.replace(/[a-z]/g, 'q').replace(/[A-Z]/g, 'Q');

function report(lines: string[]): string {
  return JSON.stringify(toJsonReport(analyzeText(lines.join('\n'), { path: 'words.log' })));
}

describe('words every object inherits, in a log', () => {
  it('are read as words no table knows, wherever a line holds them', () => {
    let compared = 0;
    for (const template of TEMPLATES) {
      // Three lines a second apart, and a table's header before the CSV rows.
      const lines = (word: string) => {
        const body = [1, 2, 3].map((s) => template.replace('W', word).replace('S', String(s)));
        return template.startsWith('"') ? [`"time","${word}","program","message"`, ...body] : body;
      };
      for (const word of INHERITED) {
        const stand = madeUp(word);
        assert.notEqual(stand, word);
        const want = report(lines(stand)).split(stand).join(word);
        assert.equal(report(lines(word)), want, `${word} in ${template}`);
        compared++;
      }
    }
    assert.equal(compared, TEMPLATES.length * INHERITED.length);
  });
});
