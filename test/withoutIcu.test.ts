import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { count } from '../server/src/core/countText';
import { compareFindings } from '../server/src/core/findings/findingOrder';
import { FINDING_DOCS } from '../server/src/core/findings/findingDocs';
import type { Finding } from '../server/src/core/model';

// Counts and the order of findings are worked out without ICU (its set-up is a tenth of a run on
// a small log); the answers must be ICU's.

describe('answers ICU would give', () => {
  it('groups any count as toLocaleString("en-US") does', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1000, max: 1_000_000 }), fc.double()), (n) => {
      assert.equal(count(n), n.toLocaleString('en-US'));
    }), { numRuns: 5000 });
    for (const n of [0, -0, 999, 1000, 100_000, 1_000_000, Number.MAX_SAFE_INTEGER, NaN, Infinity, 1.5]) assert.equal(count(n), n.toLocaleString('en-US'));
  });

  it('orders findings on one line by code as localeCompare does, for the catalogue\'s codes and any other', () => {
    const codes = fc.oneof(fc.constantFrom(...Object.keys(FINDING_DOCS)), fc.stringMatching(/^[a-z0-9-]{0,12}$/), fc.string({ maxLength: 8 }));
    const finding = (code: string): Finding => ({ code, file: 0, line: 1 } as unknown as Finding);
    fc.assert(fc.property(codes, codes, (a, b) => {
      assert.equal(Math.sign(compareFindings(finding(a), finding(b))), Math.sign(a.localeCompare(b)), `${a} vs ${b}`);
    }), { numRuns: 5000 });
  });
});
