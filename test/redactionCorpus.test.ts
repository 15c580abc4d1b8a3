import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Redactor } from '../server/src/core/redact/redact';
import { MUST_STAY, SECRETS } from './fixtures/redaction/corpus';

// The redaction corpus as one measurement: how many secrets survive and how many values that
// must stay are eaten. Both must be zero; the rates are printed so a change shows its figures
// (`node --import tsx --test test/redactionCorpus.test.ts | grep redaction:`).

/**
 * Whether any of `secret` survives in `out`: the whole value, or a 4-character piece of it that
 * the rest of the original line does not also hold (a value redacted only up to `&`, or a phone
 * number whose country code is left, is a leak).
 */
export function leaks(line: string, secret: string, out: string): string | undefined {
  if (out.includes(secret)) return secret;
  if (secret.length <= 4) return undefined;
  const rest = line.split(secret).join('\u0000');
  for (let i = 0; i + 4 <= secret.length; i++) {
    const piece = secret.slice(i, i + 4);
    if (!rest.includes(piece) && out.includes(piece)) return piece;
  }
  return undefined;
}

function measure() {
  const leaked: string[] = [];
  const mislabelled: string[] = [];
  for (const [kind, secret, line] of SECRETS) {
    const out = new Redactor().redact(line);
    const piece = leaks(line, secret, out);
    if (piece !== undefined) leaked.push(`${kind} "${secret}" (kept "${piece}"): ${out}`);
    else if (!out.includes(`<${kind}-`)) mislabelled.push(`${kind} "${secret}": ${out}`);
  }
  const eaten: string[] = [];
  for (const [keep, line] of MUST_STAY) {
    const out = new Redactor().redact(line);
    if (!out.includes(keep)) eaten.push(`"${keep}": ${out}`);
  }
  return { leaked, mislabelled, eaten };
}

describe('redaction corpus', () => {
  it('is big enough to measure classes, and every case is well formed', () => {
    assert.ok(SECRETS.length >= 250, `${SECRETS.length} secrets`);
    assert.ok(MUST_STAY.length >= 150, `${MUST_STAY.length} must-stay values`);
    for (const [, secret, line] of SECRETS) assert.ok(line.includes(secret), `the line holds its secret: ${secret}`);
    for (const [keep, line] of MUST_STAY) assert.ok(line.includes(keep), `the line holds its value: ${keep}`);
  });

  it('leaks no secret and eats no value that must stay (rates printed)', (t) => {
    const { leaked, mislabelled, eaten } = measure();
    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
    const figures = `redaction: leaked ${leaked.length}/${SECRETS.length} (${pct(leaked.length, SECRETS.length)}), over-redacted ${eaten.length}/${MUST_STAY.length} (${pct(eaten.length, MUST_STAY.length)}), mislabelled ${mislabelled.length}`;
    t.diagnostic(figures);
    assert.deepEqual(leaked, [], 'secrets that survived');
    assert.deepEqual(eaten, [], 'values that must stay but were redacted');
    assert.deepEqual(mislabelled, [], 'secrets hidden under another kind of placeholder');
  });

  it('counts a value redacted only in part as a leak', () => {
    // The measure itself must be able to fail: a half-redacted password is caught.
    assert.equal(leaks('password=Pw&17x', 'Pw&17x', 'password=<SECRET-1>&17x'), '&17x');
    assert.equal(leaks('from +7 (912) 345-67-89', '+7 (912) 345-67-89', 'from +7 (912) <PHONE-1>'), '+7 (');
    assert.equal(leaks('IMEI: 35-209900-176148-1', '35-209900-176148-1', 'IMEI: <IMEI-1>'), undefined);
  });
});
