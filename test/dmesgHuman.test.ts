import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { parseLog, reshape } from './support/reshape';

// `dmesg -H` (and -e) writes the time since the line before, `[  +2.000123]`, except on the first
// line of each new minute, which carries the clock instead: `[Mar15 11:47]` (util-linux's
// strftime `%b%e %H:%M`). The minute's first line is the one after a pause, often the one that
// matters (a modem leaving the bus after a quiet spell). The metamorphic test compares what is told
// of a log re-told so; this one asks of every line that it is still read as the kernel's, with the
// same catalogued event, and the clock lines at their minute.

const REF = Date.UTC(2024, 11, 4);
const DIR = join(__dirname, 'fixtures', 'real');
const labels: { file: string }[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const CASES = [
  { name: 'rut901-sample', text: readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8') },
  ...labels.map((l) => ({ name: l.file.slice(0, 3), text: readFileSync(join(DIR, l.file), 'utf8') })),
];
const MINUTE_LINE = /^\[[A-Z][a-z]{2}[ \d]\d \d{2}:\d{2}\] /;

describe('dmesg -H: every kernel line read, the minute lines at their minute', () => {
  let retold = 0;
  for (const c of CASES) {
    const human = reshape(c.text, 'dmesg-H', { referenceYear: 2024 });
    // A record with continuation lines is re-told on one line: the lines no longer pair up.
    if (human === c.text || parseLog(c.text).lines.some((l) => l.result === 'continuation')) continue;
    retold++;
    it(c.name, () => {
      const before = parseLog(c.text);
      const after = parseLog(human);
      assert.equal(after.lines.length, before.lines.length);
      let minuteLines = 0;
      for (let i = 0; i < after.lines.length; i++) {
        const was = before.lines[i];
        const now = after.lines[i];
        if (now.raw === was.raw || typeof was.result === 'string') continue;
        assert.equal(typeof now.result, 'object', `line ${i + 1} not read: ${now.raw}`);
        if (typeof now.result !== 'object') continue;
        assert.equal(now.result.tag, 'kernel', `line ${i + 1}: ${now.raw}`);
        if (MINUTE_LINE.test(now.raw)) {
          minuteLines++;
          const wall = before.clock.get(was.result);
          assert.ok(wall !== undefined && now.result.time !== undefined, `line ${i + 1}: ${now.raw}`);
          // dmesg -H writes no year: the month, day, hour and minute.
          const minute = (t: number): string => new Date(t).toISOString().slice(5, 16);
          assert.equal(minute(now.result.time), minute(wall), `line ${i + 1}: ${now.raw}`);
        }
      }
      assert.ok(minuteLines > 0, 'a re-told log has a line opening a minute');
      // The same catalogued events on the re-told lines (every one the kernel's).
      const lines = new Set(after.lines.flatMap((l, i) => (l.raw !== before.lines[i].raw ? [i + 1] : [])));
      const events = (text: string): string[] =>
        analyzeText(text, { referenceTime: REF }).events.filter((e) => lines.has(e.line)).map((e) => `${e.line} ${e.id}`);
      assert.deepEqual(events(human).sort(), events(c.text).sort());
    });
  }
  it('re-tells the logs that have kernel lines', () => assert.ok(retold >= 15, `${retold} logs re-told`));
});
