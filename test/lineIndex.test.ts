import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../server/src/core/events/lineIndex';

// Stories and detectors ask "which events lie between these lines" once per window or absence;
// the index must answer exactly what a scan with filter would, in the same order, lines out of
// order included (events are chronological, not always in line order).
const items = fc.array(fc.record({ line: fc.integer({ min: 1, max: 60 }), id: fc.nat() }), { maxLength: 80 });

describe('LineIndex', () => {
  it('answers a line range exactly as filter does, in the same order', () => {
    fc.assert(fc.property(items, fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 }), (xs, from, to) => {
      assert.deepEqual(new LineIndex(xs).within(from, to), xs.filter((x) => x.line >= from && x.line <= to));
    }), { numRuns: 2000 });
  });

  it('counts the items after a line as filter does', () => {
    fc.assert(fc.property(items, fc.integer({ min: -5, max: 70 }), (xs, line) => {
      assert.equal(new LineIndex(xs).countAfter(line), xs.filter((x) => x.line > line).length);
    }), { numRuns: 2000 });
  });
});
