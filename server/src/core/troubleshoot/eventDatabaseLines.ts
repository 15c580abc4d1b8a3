import type { EventRow } from '../input/eventDatabase';
import type { LogEvent } from '../model';

// The rows of RutOS's event database (input/eventDatabase.ts) as lines of a log, so the catalogue
// reads them as it reads the same texts in logread (an event's text without a program), and where
// they stand on the log's clock.
//
// The database keeps each event's time as the epoch (UTC); logread writes the router's local time
// and names no zone. The same event in both tells the difference: when events of the same kind
// and text lie a whole number of quarter hours apart, most of them by the same amount, that is the
// router's zone offset, and the database's times are moved by it. Otherwise they stay in UTC and
// a notice says so.

const QUARTER_HOUR = 15 * 60_000;
/** Zone offsets run from UTC-12 to UTC+14. */
const MAX_OFFSET = 14 * 3600_000;

/** A row as a line: `2024-12-02T19:54:57 Mobile data disconnected (internal modem)`, its time moved by `offsetMs`. */
export function eventLine(row: EventRow, offsetMs: number): string {
  const iso = new Date(row.time * 1000 + offsetMs).toISOString().slice(0, 19);
  // One line per row: a text with a line break would start a record of no known shape.
  return `${iso} ${row.text.replace(/[\r\n]+/g, ' ')}`;
}

export interface ZoneOffset {
  offsetMs: number;
  /** Events found in both, and how many of them lie this far apart. */
  pairs: number;
  agreeing: number;
}

/**
 * The zone offset the same events in the database (read in UTC) and in the log show, or
 * undefined: at least two pairs agree, and they are most of the pairs.
 */
export function zoneOffset(database: readonly LogEvent[], log: readonly LogEvent[]): ZoneOffset | undefined {
  const byKey = new Map<string, number[]>();
  for (const e of log) {
    if (e.time === undefined) continue;
    const key = `${e.id}\u0000${e.text}`;
    const times = byKey.get(key);
    if (times) times.push(e.time);
    else byKey.set(key, [e.time]);
  }
  const votes = new Map<number, number>();
  let pairs = 0;
  for (const e of database) {
    const times = e.time === undefined ? undefined : byKey.get(`${e.id}\u0000${e.text}`);
    if (!times) continue;
    // The nearest of the log's times for this event, if it is within a zone's reach.
    let best: number | undefined;
    for (const t of times) if (Math.abs(t - e.time!) <= MAX_OFFSET && (best === undefined || Math.abs(t - e.time!) < Math.abs(best))) best = t - e.time!;
    if (best === undefined) continue;
    const rounded = Math.round(best / QUARTER_HOUR) * QUARTER_HOUR;
    // A second or two apart at most: the database's row and the log's line are one write.
    if (Math.abs(best - rounded) > 2000) continue;
    pairs++;
    votes.set(rounded, (votes.get(rounded) ?? 0) + 1);
  }
  let top: [number, number] | undefined;
  for (const v of votes) if (!top || v[1] > top[1]) top = v;
  if (!top || top[1] < 2 || top[1] * 2 <= pairs) return undefined;
  return { offsetMs: top[0], pairs, agreeing: top[1] };
}

/** The logs' span of time, on their clock (ms). */
export interface LogSpan {
  from: number;
  to: number;
}

/**
 * Whether a row may be one of the logs' own lines: inside their span once moved by the zone
 * offset, or with none known, within a zone's reach of it.
 */
export function mayBeInLog(row: EventRow, span: LogSpan, offset: number | undefined): boolean {
  const margin = offset === undefined ? MAX_OFFSET : 0;
  const t = row.time * 1000 + (offset ?? 0);
  return t >= span.from - margin && t <= span.to + margin;
}

/** The rows the logs do not hold already (all of them when there are no logs with clocks). */
export function rowsOutsideLog(rows: readonly EventRow[], span: LogSpan | undefined, offset: number | undefined): EventRow[] {
  return span ? rows.filter((r) => !mayBeInLog(r, span, offset)) : [...rows];
}
