import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineParser } from '../server/src/core/records/lineParser';
import type { LogRecord } from '../server/src/core/model';

// A container's service name before each line: `docker compose logs` (`modemmanager-1  | `) and
// `kubectl logs --prefix` (`[pod/NAME/CONTAINER] `). The metamorphic test re-tells every labelled
// log so (shapes `compose`, `kubectl-prefix`); here, what the lead gives and what it must not take.

function parseAll(lines: string[]): (LogRecord | string)[] {
  const p = new LineParser({ referenceYear: 2024 });
  return lines.map((l, i) => p.parse(l, i + 1));
}

describe('a container service\'s name before each line', () => {
  it('is taken off, and names the program of a line that has none', () => {
    const [a, b, c] = parseAll([
      'modemmanager-1  | 2024-12-02T19:54:59.123456Z <info>  [modem0] state changed (registered -> connecting)',
      'syslog-1        | Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: modem lost',
      '[pod/mm-7d9f8/modemmanager] 2024-12-02T19:55:00Z <warn>  [modem0] connection attempt #2 failed',
    ]) as LogRecord[];
    assert.equal(a.tag, 'modemmanager');
    assert.equal(a.message, 'state changed (registered -> connecting)');
    assert.equal(a.time, Date.UTC(2024, 11, 2, 19, 54, 59, 123));
    // A line's own program stands.
    assert.equal(b.tag, 'gsmd');
    assert.equal(b.message, 'modem lost');
    assert.equal(c.tag, 'modemmanager');
    assert.equal(c.level, 'warn');
  });

  it('keeps a record\'s wrapped lines its text, and leaves a line that is no log line after a name', () => {
    const [a, b, c] = parseAll([
      'syslog-1  | Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: a message that a terminal',
      'syslog-1  | wrapped here',
      'web | hello world',
    ]);
    assert.equal((a as LogRecord).message, 'a message that a terminal wrapped here');
    assert.equal(b, 'continuation');
    assert.equal((c as LogRecord).format, 'text');
    // Before any service line, a bar after a word is no lead.
    const [d] = parseAll(['web | hello world']);
    assert.equal((d as LogRecord).format, 'text');
  });
});
