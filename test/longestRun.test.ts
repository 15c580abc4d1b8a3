import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { secondsBetween } from '../server/src/core/findings/eventTime';
import { longestRun } from '../server/src/core/findings/detectors/usbFindings';
import type { LogEvent } from '../server/src/core/model';

// A reconnect loop is the longest run of cycles within the window. The search is linear where it
// can be; its answer must be the plain search's on any events, one clock or many, in order or not.

function plainLongestRun(events: readonly LogEvent[], windowSeconds: number): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  for (let i = 0; i < events.length; i++) {
    let j = i + 1;
    for (; j < events.length; j++) {
      const span = secondsBetween(events[i], events[j]);
      if (span !== undefined && span > windowSeconds) break;
    }
    if (j - i > best.length) best = { start: i, length: j - i };
  }
  return best;
}

const at = (time: number | undefined, uptime: number | undefined, segment: number) =>
  ({ id: 'x', file: 0, line: 1, endLine: 1, segment, fields: {}, text: '', severity: 'info', subsystem: 'usb', ...(time !== undefined ? { time } : {}), ...(uptime !== undefined ? { uptime } : {}) }) as unknown as LogEvent;

/** Cycles on one wall clock, in order: a loop's usual shape. */
const ordered = fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 80 }).map((steps) => {
  let t = 0;
  return steps.map((dt) => at((t += dt) * 1000, undefined, 0));
});
/** Cycles on uptimes in one boot, in order. */
const uptimes = fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 80 }).map((steps) => {
  let t = 0;
  return steps.map((dt) => at(undefined, (t += dt), 0));
});
/** Wall times in any order (a clock set back, files of a set). */
const unordered = fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 60 }).map((ts) => ts.map((t) => at(t * 1000, undefined, 0)));
/** Anything: wall times, uptimes, neither, boots, out of order. */
const mixed = fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }), fc.integer({ min: 0, max: 2 })), { maxLength: 60 })
  .map((xs) => xs.map(([t, u, s]) => at(t === undefined ? undefined : t * 1000, u, s)));

describe('the longest run of reconnect cycles within the window', () => {
  it('is the plain search\'s answer on any cycles', () => {
    fc.assert(fc.property(fc.oneof(ordered, uptimes, unordered, mixed), fc.constantFrom(0, 60, 900, 5000), (events, window) => {
      assert.deepEqual(longestRun(events, window), plainLongestRun(events, window));
    }), { numRuns: 3000 });
  });
});
