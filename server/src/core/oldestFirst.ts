import type { FileEvents } from './events/eventCollector';
import type { Analysis, Episode, Finding, InputNotice, LogEvent } from './model';
import { LineParser } from './records/lineParser';

// A log listed newest first (an aggregator's export, `journalctl -r`, a log viewer's table) is
// read again oldest first (readAgain.ts): its records in reverse order, each record's own lines
// (a wrapped message) kept after its first, and the line numbers of that reading mapped back to
// the file's.

/**
 * Where each line of the reversed reading lies in the file: `fileLine[r]` is the file's line of
 * reading line `r` (1-based; index 0 unused). A record's lines keep their order, so a record read
 * from line `r` to `r + k` is the file's lines `fileLine[r]` to `fileLine[r] + k`.
 */
export interface ReadOrder {
  fileLine: Int32Array;
  /** The first reading line of the record each reading line belongs to. */
  recordStart: Int32Array;
  /**
   * The reading keeps the file's order within parts and moves whole parts (a listing of logs read
   * in time order, events/listingParts.ts), instead of reversing records.
   */
  partsMoved?: boolean;
}

/**
 * The last line of the record each line starts (0 where a line starts none: blank lines,
 * elisions, a record's wrapped lines), as the format layer splits them. The parser alone, in file
 * order: only the newest record can take more lines (a wrapped continuation, a backslash), so
 * spans are contiguous.
 */
export function recordEnds(lines: readonly string[], referenceYear: number): Int32Array {
  const ends = new Int32Array(lines.length + 1);
  const parser = new LineParser({ referenceYear });
  let open: { line: number; endLine: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const record = parser.parse(lines[i], i + 1);
    if (typeof record === 'string') continue;
    if (open) ends[open.line] = open.endLine;
    open = record;
  }
  if (open) ends[open.line] = open.endLine;
  return ends;
}

/**
 * How many lines come before the file's first record when that record is a table's row (the
 * header that names the columns of the rows after it, and what precedes it): they stay first when
 * the records are reversed. Only the first `PREAMBLE_LINES` lines are looked at.
 */
export function preambleLines(lines: readonly string[], referenceYear: number): number {
  const parser = new LineParser({ referenceYear });
  for (let i = 0; i < Math.min(lines.length, PREAMBLE_LINES); i++) {
    const record = parser.parse(lines[i], i + 1);
    // The first record of a format: the lines before it are a preamble only when they named its
    // columns (a table's header). Other text before it may be a record the parser reads only in
    // context (a journal line without a program), which the reversal must move as any record.
    if (typeof record !== 'string' && record.format !== 'text') return record.format === 'table' ? i : 0;
  }
  return 0;
}
const PREAMBLE_LINES = 50;

/** The lines in reading order (records newest last, the `preamble` lines first) and where each lies in the file. */
export function reverseRecords(lines: readonly string[], ends: Int32Array, preamble = 0): { lines: string[]; order: ReadOrder } {
  const n = lines.length;
  // Units in file order: a record's lines, or one line that is no record's.
  const starts: number[] = [];
  for (let line = 1; line <= n; line = Math.max(line, ends[line]) + 1) starts.push(line);
  const out: string[] = new Array(n);
  const fileLine = new Int32Array(n + 1);
  const recordStart = new Int32Array(n + 1);
  let r = 1;
  // What comes before the first record (a table's header row, which names the columns of the rows
  // after it; a title) stays first: read last, the header named nothing, and a blind probe's
  // Kibana export, newest first, lost its table.
  const kept = starts.findIndex((line) => line > preamble);
  const head = kept < 0 ? 0 : kept;
  const order = [...starts.slice(0, head).map((_, i) => i), ...starts.slice(head).map((_, i) => starts.length - 1 - i)];
  for (const u of order) {
    const from = starts[u];
    const to = Math.max(from, ends[from]);
    const first = r;
    for (let line = from; line <= to; line++, r++) {
      out[r - 1] = lines[line - 1];
      fileLine[r] = line;
      recordStart[r] = first;
    }
  }
  return { lines: out, order: { fileLine, recordStart } };
}

/** The file's line of a reading line (lines outside the reading are kept: an editor's tail line). */
export function fileLineOf(order: ReadOrder, line: number): number {
  return line >= 1 && line < order.fileLine.length ? order.fileLine[line] : line;
}

/**
 * The file's lines of a reading range, first and last. Whole records of the reading are whole
 * records of the file, in the opposite order: the range starts in the file at the first line of
 * its last record, and ends at the last line of its first record.
 */
export function fileRangeOf(order: ReadOrder, from: number, to: number): { line: number; endLine: number } {
  const a = fileLineOf(order, from);
  const b = fileLineOf(order, to);
  if (to < 1 || to >= order.fileLine.length || from < 1 || from >= order.fileLine.length) return { line: Math.min(a, b), endLine: Math.max(a, b) };
  // Parts keep their lines' order: a range starts where it starts in the reading. One that runs
  // into a part listed earlier in the file ends, in the file, where it starts.
  if (order.partsMoved) return { line: a, endLine: Math.max(a, b) };
  // The last record's first line is the range's first line in the file (when the range holds it whole).
  const lastStart = Math.max(from, order.recordStart[to]);
  const line = Math.min(a, fileLineOf(order, lastStart));
  // The first record's lines run on in the file as they do in the reading, up to `to` at most.
  let endLine = Math.max(a, b);
  for (let r = from + 1; r <= to && order.recordStart[r] === order.recordStart[from]; r++) endLine = Math.max(endLine, order.fileLine[r]);
  return { line, endLine };
}

function eventInFile(order: ReadOrder, e: LogEvent): LogEvent {
  const { line, endLine } = fileRangeOf(order, e.line, e.endLine);
  return { ...e, line, endLine };
}

function findingInFile(order: ReadOrder, f: Finding): Finding {
  const { line, endLine } = fileRangeOf(order, f.line, f.endLine);
  return { ...f, line, endLine, lines: f.lines.map((l) => fileLineOf(order, l)).sort((a, b) => a - b) };
}

function episodeInFile(order: ReadOrder, e: Episode): Episode {
  const { line, endLine } = fileRangeOf(order, e.startLine, e.endLine);
  return { ...e, startLine: line, endLine, evidence: e.evidence.map((l) => fileLineOf(order, l)), steps: e.steps.map((s) => (s.line !== undefined ? { ...s, line: fileLineOf(order, s.line) } : s)) };
}

export function noticeInFile(order: ReadOrder, n: InputNotice): InputNotice {
  return n.line !== undefined ? { ...n, line: fileLineOf(order, n.line) } : n;
}

/**
 * The parts of an analysis made over files read in reverse, with the file's own line numbers:
 * what a person sees and clicks on names the line in the file they opened. Events keep their
 * order (the order they happened in); findings and lists of lines are in the file's order.
 * (A file's notices are in the file's lines already: `FileAnalysis.readAgain` maps them.)
 */
export function toFileLines<T extends Pick<Analysis, 'events' | 'findings' | 'episodes'>>(parts: T, orders: ReadonlyMap<number, ReadOrder>): T {
  if (orders.size === 0) return parts;
  const map = <X extends { file: number }>(list: readonly X[], f: (o: ReadOrder, x: X) => X): X[] => list.map((x) => {
    const o = orders.get(x.file);
    return o ? f(o, x) : x;
  });
  return {
    ...parts,
    events: map(parts.events, eventInFile),
    findings: map(parts.findings, findingInFile),
    episodes: map(parts.episodes, episodeInFile),
  };
}

/**
 * A file's events and state as the editor reads them (hovers, outline, timeline), with the file's
 * own line numbers. Boots keep their order (the order they happened in).
 */
export function fileEventsInFile(f: FileEvents): FileEvents {
  const order = f.readOrder;
  if (!order) return f;
  return {
    ...f,
    events: f.events.map((e) => eventInFile(order, e)),
    clockJumps: f.clockJumps.map((j) => ({ ...j, line: fileLineOf(order, j.line) })),
    segmentStarts: f.segmentStarts.map((s) => ({ ...s, line: fileLineOf(order, s.line) })),
    daemons: Object.fromEntries(Object.entries(f.daemons).map(([k, d]) => [k, { ...d, firstLine: fileLineOf(order, d.firstLine), lastLine: fileLineOf(order, d.lastLine) }])),
    elisions: f.elisions.map((l) => fileLineOf(order, l)).sort((a, b) => a - b),
    // Sections are in the file's order, each up to the next (outline, folding).
    sections: f.sections.map((s) => ({ ...s, line: fileLineOf(order, s.line) })).sort((a, b) => a.line - b.line),
  };
}
