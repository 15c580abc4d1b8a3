import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { logfmtPairs, readLogfmtLine } from '../server/src/core/formats/logfmt';

// logfmt (formats/logfmt.ts): Go's loggers' `key=value` text. The metamorphic test re-tells every
// labelled log so (shape `logfmt`); here, the pairs themselves and what is no logfmt line.

/** A value as Go's log/slog TextHandler writes it: bare when it can be, else strconv.Quote'd. */
function goValue(v: string): string {
  if (v !== '' && /^[^\s"=\\]+$/.test(v)) return v;
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}

describe('a line of logfmt pairs', () => {
  it('gives back every pair Go wrote, whatever its value holds', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_.]{0,12}$/);
    fc.assert(
      fc.property(fc.dictionary(key, fc.string({ maxLength: 30 }), { minKeys: 2, maxKeys: 6 }), (pairs) => {
        const line = Object.entries(pairs).map(([k, v]) => `${k}=${goValue(v)}`).join(' ');
        assert.deepEqual({ ...logfmtPairs(line) }, { ...pairs });
      }),
      { numRuns: 500 },
    );
  });

  it('reads the message, time, level and program by role', () => {
    const j = readLogfmtLine('ts=2024-12-02T19:54:59.123Z lvl=warn caller=modem.go:42 app=gsmd msg="write failed: errno 5 \\"EIO\\"\\tport=1-1"');
    assert.ok(j);
    assert.equal(j.message, 'write failed: errno 5 "EIO"\tport=1-1');
    assert.equal(j.time, Date.UTC(2024, 11, 2, 19, 54, 59, 123));
    assert.equal(j.level, 'warn');
    assert.equal(j.tag, 'gsmd');
  });

  it('reads a date and a time of day given as two pairs as one time (a firewall\'s event log: FortiGate)', () => {
    const j = readLogfmtLine('date=2024-12-02 time=19:54:59 devname="FGT40F" logid="0100040704" type="event" subtype="system" level="notice" msg="LTE modem disconnected"');
    assert.ok(j);
    assert.equal(j.time, Date.UTC(2024, 11, 2, 19, 54, 59));
    assert.equal(j.level, 'notice');
    // A date alone, or a time alone, is no time.
    assert.equal(readLogfmtLine('date=2024-12-02 level=notice msg="x y"')?.time, undefined);
    assert.equal(readLogfmtLine('time=19:54:59 level=notice msg="x y"')?.time, undefined);
  });

  it('is no line of prose, of one pair, with a word that is no pair, or with a quote left open', () => {
    for (const line of ['a=1 and some prose', 'msg=hello', 'msg="cut short level=info', 'level=info msg=a"b', 'x = 1 msg=y', 'status=ok items=3']) {
      assert.equal(readLogfmtLine(line), undefined, line);
    }
  });
});
