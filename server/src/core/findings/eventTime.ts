import { formatDuration } from '../records/timeWords';
import { YEAR_2000 } from '../formats/timestampGrammar';
import { catalogueEntry, meetsFindingIf } from '../catalogue/index';
import type { FindingCode, LogEvent } from '../model';

/** Seconds on the best clock the event has: wall time, else kernel uptime. */
export function eventSeconds(e: LogEvent): number | undefined {
  if (e.time !== undefined) return e.time / 1000;
  return e.uptime;
}

/** How far (ms) the clock was said to be stepped between two events (LogEvent.clockStepMs). */
function clockStepBetween(a: LogEvent, b: LogEvent): number {
  return (b.clockStepMs ?? 0) - (a.clockStepMs ?? 0);
}

/** Words for a step of the clock announced between two events, after their span: "" for none. */
export function clockStepWords(a: LogEvent, b: LogEvent): string {
  const ms = clockStepBetween(a, b);
  return ms === 0 ? '' : ` (the clock was stepped ${ms > 0 ? 'forward' : 'back'} by ${formatDuration(Math.abs(ms) / 1000)} in between)`;
}

/** What secondsBetween reads of a line: an event's clocks, or a finding's time. */
export type Timed = Pick<LogEvent, 'time' | 'uptime' | 'clockStepMs'> & { segment?: number };

/** Seconds between two events when both sit on the same clock, else undefined. */
export function secondsBetween(a: Timed, b: Timed): number | undefined {
  // From a clock not yet set (1970) to a set one, the kernel's uptime is the time that passed.
  if (a.time !== undefined && b.time !== undefined && a.time < YEAR_2000 && b.time >= YEAR_2000 && a.uptime !== undefined && b.uptime !== undefined && a.segment === b.segment) return b.uptime - a.uptime;
  // A step of the clock announced between them is not time that passed (clockStepMs).
  if (a.time !== undefined && b.time !== undefined) return (b.time - (b.clockStepMs ?? 0) - (a.time - (a.clockStepMs ?? 0))) / 1000;
  if (a.uptime !== undefined && b.uptime !== undefined && a.segment === b.segment) return b.uptime - a.uptime;
  return undefined;
}

/**
 * Whether `e` is in `at`'s file at most `seconds` before it, or `lines` lines before it without a
 * common clock (a line just before a drop that says what cut it, a driver unloaded just before its
 * interfaces went, a tool's start just before the modem left).
 */
export function isJustBefore(e: Timed & { file: number; line: number }, at: Timed & { file: number; line: number }, seconds: number, lines: number): boolean {
  if (e.file !== at.file || e.line > at.line) return false;
  const s = secondsBetween(e, at);
  return s !== undefined ? s >= 0 && s <= seconds : at.line - e.line <= lines;
}

/**
 * Events in the order they happened: by boot segment, then by clock. An event without a clock
 * keeps its place after the event before it in the file.
 */
export function chronological(events: readonly LogEvent[]): LogEvent[] {
  // A log's events are nearly always in order already: checked first, without sorting or keying
  // 50,000 events again on every append the language server reads.
  if (inOrder(events)) return events.slice();
  let carry = -Infinity;
  const keyed = events.map((e, i) => {
    const t = eventSeconds(e);
    if (t !== undefined) carry = t;
    return { e, i, seg: e.segment, t: t ?? carry };
  });
  keyed.sort((a, b) => a.e.file - b.e.file || a.seg - b.seg || a.t - b.t || a.i - b.i);
  return keyed.map((k) => k.e);
}

/**
 * Whether `chronological`'s sort would keep `events` as they are: its keys (file, segment, clock
 * carried over from the event before) never decrease from one event to the next. A clock that is
 * not a number leaves the answer to the sort.
 */
function inOrder(events: readonly LogEvent[]): boolean {
  let carry = -Infinity;
  let file = -Infinity;
  let segment = -Infinity;
  let last = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const t = eventSeconds(e);
    if (t !== undefined) {
      if (Number.isNaN(t)) return false;
      carry = t;
    }
    if (e.file < file) return false;
    if (e.file === file) {
      if (e.segment < segment) return false;
      if (e.segment === segment && carry < last) return false;
    }
    file = e.file;
    segment = e.segment;
    last = carry;
  }
  return true;
}

/** The finding an event is evidence for, per its catalogue entry (and that entry's condition). */
export function findingOf(e: LogEvent): FindingCode | undefined {
  const entry = catalogueEntry(e.id);
  if (!entry?.finding || !meetsFindingIf(entry, e.fields)) return undefined;
  return entry.finding;
}

/** The events of all files by their file and line: what a finding's lines are, asked by line (a post-pass's). */
export interface EventsByLine {
  at(file: number, line: number): LogEvent | undefined;
}

/** Indexes the events by file and line, once, for the passes that ask what is on a finding's lines. */
export function eventsByLine(events: readonly LogEvent[]): EventsByLine {
  const byKey = new Map(events.map((e) => [`${e.file}|${e.line}`, e] as const));
  return { at: (file, line) => byKey.get(`${file}|${line}`) };
}
