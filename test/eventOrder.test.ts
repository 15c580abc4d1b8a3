import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { chronological, eventSeconds } from '../server/src/core/findings/eventTime';
import type { LogEvent } from '../server/src/core/model';

// `chronological` skips its sort when the events are already in order (the common case, asked on
// every append the language server reads): the answer must be the sort's, in order or not.

/** The sort `chronological` does when events are out of order: file, boot segment, clock carried over, place. */
function sorted(events: readonly LogEvent[]): LogEvent[] {
  let carry = -Infinity;
  const keyed = events.map((e, i) => {
    const t = eventSeconds(e);
    if (t !== undefined) carry = t;
    return { e, i, t: t ?? carry };
  });
  keyed.sort((a, b) => a.e.file - b.e.file || a.e.segment - b.e.segment || a.t - b.t || a.i - b.i);
  return keyed.map((k) => k.e);
}

const event = fc.record({
  file: fc.integer({ min: 0, max: 2 }),
  segment: fc.integer({ min: 0, max: 3 }),
  time: fc.option(fc.integer({ min: 0, max: 50 }).map((s) => s * 1000), { nil: undefined }),
  uptime: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
  line: fc.nat(),
}).map((r) => ({ id: 'x', severity: 'info', subsystem: 'system', fields: {}, text: '', endLine: r.line, ...r }) as unknown as LogEvent);

/** Events as a log gives them: mostly in order, with a clock step back, a missing stamp or a new boot now and then. */
const nearlyInOrder = fc.array(fc.tuple(fc.integer({ min: -2, max: 5 }), fc.boolean(), fc.boolean()), { maxLength: 60 }).map((steps) => {
  let t = 0;
  let segment = 0;
  return steps.map(([dt, stamped, reboot], line) => {
    t += dt;
    if (reboot && dt === 5) segment++;
    return { id: 'x', severity: 'info', subsystem: 'system', fields: {}, text: '', file: 0, segment, line, endLine: line, ...(stamped ? { time: t * 1000 } : {}) } as unknown as LogEvent;
  });
});

describe('events in the order they happened', () => {
  it('are the sort\'s answer, whether or not the events were in order already', () => {
    fc.assert(fc.property(fc.oneof(fc.array(event, { maxLength: 40 }), nearlyInOrder), (events) => {
      const got = chronological(events);
      assert.deepEqual(got.map((e) => events.indexOf(e)), sorted(events).map((e) => events.indexOf(e)));
      assert.notEqual(got, events, 'a new array: the caller may change it');
    }), { numRuns: 3000 });
  });
});
