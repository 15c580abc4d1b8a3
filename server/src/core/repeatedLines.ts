// A block of lines pasted twice (a support mail with a part copied again, a ticket whose comment
// repeats the log) reads as a clock set back at the copy's first line, and every event in it is
// told twice: a blind probe's five failed data sessions became seven, and "the clock was set
// back" was its only explanation. A copy repeats its lines word for word, stamps included; a
// clock set back writes new lines. So where the clock runs back (a reason to read the file again,
// readAgain.ts), the lines from there are compared with the lines before: a run of them that
// repeats earlier lines exactly is a copy, read once (its lines are read as blank ones, so every
// line keeps its number), and a notice says which lines repeat which.

import { YEAR_2000 } from './formats/timestampGrammar';
import { LineParser } from './records/lineParser';
import { isTimeOnly } from './records/timeWords';

/**
 * The lines looked at: an array, or an editor's document read a line at a time (its text is not
 * split again only to find that a clock set back is no copy).
 */
export interface LineSource {
  readonly length: number;
  /** The line at a 0-based index (an array's `at`). */
  at(index: number): string | undefined;
}

function lineAt(source: LineSource, i: number): string {
  return source.at(i) ?? '';
}

/** Lines `from` to `to` (1-based, inclusive) repeat lines `of` to `of + (to - from)`, word for word. */
export interface RepeatedBlock {
  from: number;
  to: number;
  of: number;
}

/** The fewest lines with text a copy holds: one line alike is a program saying the same thing again. */
const MIN_REPEATED_LINES = 2;
/** How far back the original of a copy is sought: a paste repeats what it has just shown. */
const SEARCH_BACK_LINES = 5_000;
/** The most steps back of the clock looked at: past that, the clock is not steady, not the paste doubled. */
export const MAX_REPEAT_STEPS = 64;
/** The most line comparisons for one file: a crafted file of near-copies costs no more than this. */
const MAX_COMPARISONS = 4_000_000;

/**
 * The copies among `lines` that start at or before each line in `stepsBack` (1-based lines where
 * the clock runs back) and run through it, in the file's order, none overlapping another.
 */
export function repeatedBlocks(lines: LineSource, stepsBack: readonly number[], timeAt: TimeAt = () => undefined): RepeatedBlock[] {
  const blocks: RepeatedBlock[] = [];
  const budget = { left: MAX_COMPARISONS };
  for (const step of stepsBack.slice(0, MAX_REPEAT_STEPS)) {
    const at = step - 1;
    if (at < 1 || at >= lines.length || lineAt(lines, at).trim() === '') continue;
    if (blocks.some((b) => step >= b.from && step <= b.to)) continue;
    const block = copyThrough(lines, at, budget);
    if (block && isInsertion(block, lines.length, timeAt) && !blocks.some((b) => block.from <= b.to && block.to >= b.from)) blocks.push(block);
  }
  return blocks.sort((a, b) => a.from - b.from);
}

/**
 * The copy of earlier lines that holds line index `at`, its original the nearest earlier line
 * alike that starts a run of at least MIN_REPEATED_LINES with text; undefined when there is none.
 * (The nearest: a paste repeats what it has just shown; and each candidate is looked at once, so
 * a file of one line said over and over costs one pass.)
 */
function copyThrough(source: LineSource, at: number, budget: { left: number }): RepeatedBlock | undefined {
  const line = (i: number): string => lineAt(source, i);
  const text = line(at);
  for (let j = at - 1; j >= Math.max(0, at - SEARCH_BACK_LINES) && budget.left > 0; j--) {
    budget.left--;
    if (line(j) !== text) continue;
    // Backward while the lines before both are alike (the copy began before the clock ran back),
    // the copy never starting before the original's line; forward to where they differ.
    let back = 0;
    while (j - back - 1 >= 0 && at - back - 1 > j && line(j - back - 1) === line(at - back - 1)) back++;
    budget.left -= back;
    let ahead = 1;
    while (at + ahead < source.length && line(j + ahead) === line(at + ahead)) ahead++;
    budget.left -= ahead;
    const from = at - back;
    const to = at + ahead - 1;
    let said = 0;
    for (let k = from; k <= to && said < MIN_REPEATED_LINES; k++) if (line(k).trim() !== '') said++;
    if (said >= MIN_REPEATED_LINES) return { from: from + 1, to: to + 1, of: j - back + 1 };
  }
  return undefined;
}

/** The wall time (ms) a line at a 0-based index is stamped with, or undefined. */
export type TimeAt = (index: number) => number | undefined;

/**
 * Each line's time as the parser reads a line alone (a new parser each time: the few lines around
 * a copy are read out of turn, and no state of one may carry to the next).
 */
export function lineTimes(source: LineSource, referenceYear: number): TimeAt {
  return (i) => {
    const text = source.at(i);
    if (text === undefined) return undefined;
    const record = new LineParser({ referenceYear }).parse(text, i + 1);
    return typeof record === 'object' && record.time !== undefined && record.time >= YEAR_2000 && !isTimeOnly(record.time) ? record.time : undefined;
  };
}

/** How far around a copy a line with a time is sought. */
const TIME_SEARCH_LINES = 20;
/** The clock may run back this much between lines written in turn (as the collector's clock jumps). */
const BACK_TOLERANCE_MS = 60_000;

/**
 * Whether the log runs on after the copy from where it was before it: taken out, the copy leaves
 * the clock going forward. A clock set back (or a reboot onto a clock restored from the same
 * saved time, whose first lines can be written alike) goes on from the earlier time instead.
 */
function isInsertion(block: RepeatedBlock, count: number, timeAt: TimeAt): boolean {
  let before: number | undefined;
  for (let i = block.from - 2; i >= Math.max(0, block.from - 1 - TIME_SEARCH_LINES) && before === undefined; i--) before = timeAt(i);
  let after: number | undefined;
  for (let i = block.to; i < Math.min(count, block.to + TIME_SEARCH_LINES) && after === undefined; i++) after = timeAt(i);
  return before === undefined || after === undefined || after >= before - BACK_TOLERANCE_MS;
}

/** The lines with each copy's lines made blank: read once, every line at its number. */
export function withoutRepeats(lines: readonly string[], blocks: readonly RepeatedBlock[]): string[] {
  const out = lines.slice();
  for (const b of blocks) for (let line = b.from; line <= b.to; line++) out[line - 1] = '';
  return out;
}

/** What a person is told of the copies: which lines repeat which, and that they were read once. */
export function repeatNotice(blocks: readonly RepeatedBlock[]): string {
  const shown = blocks.slice(0, 4).map((b) => `lines ${b.from}-${b.to} repeat lines ${b.of}-${b.of + b.to - b.from}`);
  const more = blocks.length > 4 ? ` and ${blocks.length - 4} more blocks` : '';
  return `Some lines are the file's earlier lines again, word for word and with the same times (${shown.join('; ')}${more}): a block pasted twice, not a clock set back. Each such copy was read once, so its events are not counted twice. Line numbers are the file's own.`;
}
