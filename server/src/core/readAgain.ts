import type { FileEvents } from './events/eventCollector';
import { LineSplitter } from './input/lineSplitter';
import type { DateOrders } from './formats/dateOrder';
import type { ListingOrder } from './events/listingParts';
import { readsPerHost, type HostsSeen } from './events/hostSequence';
import { MAX_REPEAT_STEPS } from './repeatedLines';
import { YEAR_2000 } from './formats/timestampGrammar';
import { isTimeOnly } from './records/timeWords';

// Some things about a file are known only once it has been read whole, and change how each of
// its lines reads: that it is listed newest first (eventCollector's NEWEST_FIRST), or which number
// its numeric dates put first (formats/dateOrder.ts). Such a file is read a second time knowing
// them (FileAnalysis.readAgain): its text is had again (a file on disk read once more, an
// editor's document, a text in memory, the bytes of standard input kept as they came) and held
// as lines, up to a budget.

/**
 * The most of a file that is read a second time: its lines are held in memory whole. A bigger one
 * is read once, with a notice that says what the second reading would have changed.
 */
export const READ_AGAIN_BUDGET = { lines: 250_000, chars: 32 * 1024 * 1024 };

/**
 * Lines of a second reading between two steps (steps.ts) where the language server answers other
 * requests: a few milliseconds of work (about 1 us a line).
 */
export const READ_AGAIN_STEP_LINES = 4096;

/** Why the first reading of a file is not its last: what a second one would read otherwise. */
export interface ReadAgainReasons {
  /** The lines run newest first: read them in reverse (oldestFirst.ts). */
  reverse: boolean;
  /** The numeric dates are in another order than they were read in: which, and why (formats/dateOrder.ts), or undefined. */
  dates: { orders: DateOrders; why: string[] } | undefined;
  /** The file lists several logs out of time order: read its parts in time order (events/listingParts.ts). */
  parts?: ListingOrder;
  /** The lines of several devices take turns (a syslog server's file): read each host's on their own (events/hostSequence.ts). */
  hosts?: HostsSeen;
  /**
   * The lines where the wall clock runs back: a block pasted twice starts a copy there, read once
   * (repeatedLines.ts). Only a reason to look: with no copy found, the first reading stands.
   */
  repeats?: number[];
}

/** What a second reading of the file would change, or undefined when the first one stands. */
export function readAgainReasons(read: FileEvents): ReadAgainReasons | undefined {
  // A file read per host (hostReadings.ts) has had its second reading.
  if (read.byHost) return undefined;
  // Records read from inside lines or a JSON document are no lines to reverse (its notice says so).
  const reverse = read.summary.newestFirst === true && read.recordsInLines !== true;
  const dates = read.dateOrders;
  // Lines that run back on the whole are read in reverse; parts out of order matter only otherwise.
  const parts = !reverse && read.recordsInLines !== true ? read.listingOrder : undefined;
  // A reading of one host's lines is itself the second reading.
  const hosts = read.host === undefined && readsPerHost(read.hosts) ? read.hosts : undefined;
  // Lines that run back on the whole, or parts moved, are no copies of the lines before them.
  // Only a dated clock's step back: a boot writes the same lines at the same uptimes again, and a
  // router without a clock the same 1970 stamps (a blind probe's ESP32 console, which browned out
  // and printed its boot again to the millisecond); a time of day alone repeats every day.
  const back = !reverse && parts === undefined && read.recordsInLines !== true ? read.clockJumps.filter((j) => j.to < j.from && j.to >= YEAR_2000 && !isTimeOnly(j.to)).map((j) => j.line) : [];
  // Only a file that can be held is looked at: a reason that may come to nothing must cost a big file no second pass.
  const held = read.summary.lines <= READ_AGAIN_BUDGET.lines && read.summary.bytes <= READ_AGAIN_BUDGET.chars;
  // (A syslog server's file of several devices is read per host, as it grows: no copies looked for there.)
  const repeats = held && hosts === undefined && back.length > 0 && back.length <= MAX_REPEAT_STEPS ? back : undefined;
  return reverse || dates !== undefined || parts !== undefined || hosts !== undefined || repeats !== undefined
    ? { reverse, dates, ...(parts ? { parts } : {}), ...(hosts ? { hosts } : {}), ...(repeats ? { repeats } : {}) }
    : undefined;
}

/** A copy may be the only reason to read the file again: whether it is (and so, found none, the first reading stands). */
export function onlyRepeats(reasons: ReadAgainReasons): reasons is ReadAgainReasons & { repeats: number[] } {
  return reasons.repeats !== undefined && !reasons.reverse && reasons.dates === undefined && reasons.parts === undefined && reasons.hosts === undefined;
}

/**
 * The lines of a text as FileAnalysis numbers them (the same splitter: CR, NUL, the line bound),
 * held as strings, or undefined past READ_AGAIN_BUDGET. `splitter` takes the text as it comes.
 */
export class HeldLines {
  readonly lines: string[] = [];
  private chars = 0;
  over = false;
  readonly splitter = new LineSplitter((text) => this.hold(text), (text, start, end) => this.hold(text.slice(start, end)));

  private hold(text: string): void {
    if (this.over) return;
    this.chars += text.length + 1;
    if (this.lines.length >= READ_AGAIN_BUDGET.lines || this.chars > READ_AGAIN_BUDGET.chars) {
      this.over = true;
      this.lines.length = 0;
      return;
    }
    this.lines.push(text);
  }

  /** The lines, the unfinished last one included; undefined when the text was over the budget. */
  end(): string[] | undefined {
    this.splitter.end();
    return this.over ? undefined : this.lines;
  }
}

/**
 * The bytes of an input that cannot be read a second time (standard input, a pipe), kept as they
 * come in case its first reading calls for a second: the chunks themselves, not split into lines
 * (a piped log in order costs no work and at most the budget's bytes), let go past the budget.
 */
export class HeldBytes {
  private chunks: Uint8Array[] = [];
  private bytes = 0;
  over = false;

  push(chunk: Uint8Array): void {
    if (this.over) return;
    this.bytes += chunk.length;
    if (this.bytes > READ_AGAIN_BUDGET.chars) {
      this.over = true;
      this.chunks = [];
      return;
    }
    this.chunks.push(chunk);
  }

  /** The lines, as HeldLines holds them (over its budget when these were). */
  lines(): HeldLines {
    const held = new HeldLines();
    if (this.over) held.over = true;
    else for (const c of this.chunks) held.splitter.push(c);
    this.chunks = [];
    return held;
  }
}
