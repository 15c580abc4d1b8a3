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

  it('finds the first item after a line as a scan does (the first in its own order on the nearest line)', () => {
    fc.assert(fc.property(items, fc.integer({ min: -5, max: 70 }), (xs, line) => {
      const after = xs.filter((x) => x.line > line);
      const nearest = after.length ? Math.min(...after.map((x) => x.line)) : undefined;
      assert.equal(new LineIndex(xs).firstAfter(line), nearest === undefined ? undefined : after.find((x) => x.line === nearest));
    }), { numRuns: 2000 });
  });

  it('lists the last items before a line, the nearest first, as a sort does', () => {
    fc.assert(fc.property(items, fc.integer({ min: -5, max: 70 }), fc.integer({ min: 0, max: 6 }), (xs, line, count) => {
      const before = xs.map((x, i) => ({ x, i })).filter(({ x }) => x.line < line).sort((a, b) => b.x.line - a.x.line || b.i - a.i).slice(0, count).map(({ x }) => x);
      assert.deepEqual(new LineIndex(xs).lastBefore(line, count), before);
    }), { numRuns: 2000 });
  });
});
