import type { ReadOrder } from '../oldestFirst';
import { YEAR_2000 } from '../formats/timestampGrammar';

// A file can be a listing of several logs: grep over rotated files (`messages:...`,
// `messages.1:...`), `tail -n +1 messages messages.1` (`==> messages <==` before each), a
// troubleshoot system.log's `[Logfile messages]` sections. Shells list `messages*` as
// messages, messages.1, messages.2: the newest log first, each one oldest first. Read in the order
// listed, the clock runs back at each new part and the span, the silences and the stories are
// wrong. Where the parts' times do not overlap, the order they happened in is plain: the file is
// read again with its parts in that order (FileAnalysis.readAgain), each part's lines as they are.

/** The parts of a listing in the order they happened in, when it is not the order listed. */
export interface ListingOrder {
  /** The first line of each part, in the file's order (the first is 1: the lines before any header). */
  starts: number[];
  /** Each part's name (a header's, grep's file name), undefined for the lines before the first. */
  names: (string | undefined)[];
  /** The parts (indices into `starts`) in reading order. */
  order: number[];
  /** The parts are mails (a `Subject:` header starts each), not files. */
  mails: boolean;
}


/**
 * The wall-clock span of each part of a file, as it is read (EventCollector): a header or a new
 * grep file name starts a part. Bounded: past `maxParts` parts no order is given.
 */
export class ListingParts {
  private readonly starts: number[] = [1];
  private readonly names: (string | undefined)[] = [undefined];
  /** The earliest and latest wall time of each part before the current one (Infinity, -Infinity: none). */
  private readonly min: number[] = [];
  private readonly max: number[] = [];
  /** The current part's: asked of every timed line, so kept in fields. */
  private curMin = Infinity;
  private curMax = -Infinity;
  private over = false;
  /** A part was started by a mail's header. */
  private mails = false;

  constructor(private readonly maxParts: number) {}

  /** A copy that goes on apart (EventCollector.snapshot's fork). */
  copy(): ListingParts {
    const c = new ListingParts(this.maxParts);
    c.starts.splice(0, 1, ...this.starts);
    c.names.splice(0, 1, ...this.names);
    c.min.push(...this.min);
    c.max.push(...this.max);
    c.curMin = this.curMin;
    c.curMax = this.curMax;
    c.over = this.over;
    c.mails = this.mails;
    return c;
  }

  /** A part named `name` starts at `line`; `mail` when a mail's header starts it. */
  start(name: string, line: number, mail = false): void {
    if (this.over) return;
    if (mail) this.mails = true;
    if (this.starts.length > this.maxParts) {
      this.over = true;
      return;
    }
    // A header on the first line leaves no lines before it: it is the first part.
    if (line === 1 && this.starts.length === 1) {
      this.names[0] = name;
      return;
    }
    this.min.push(this.curMin);
    this.max.push(this.curMax);
    this.curMin = Infinity;
    this.curMax = -Infinity;
    this.starts.push(line);
    this.names.push(name);
  }

  /** A line of the current part has the wall time `time` (ms); earlier than 2000 (1970, a time of day alone: year 1000) places no part. */
  time(time: number): void {
    // (1970, a clock not yet set, places no part.)
    if (time < YEAR_2000) return;
    if (time < this.curMin) this.curMin = time;
    if (time > this.curMax) this.curMax = time;
  }

  /**
   * The parts in time order, or undefined when they are listed so already, or their times
   * overlap (two logs of the same hours: no order of whole parts is time order), or fewer than two
   * have a time. Parts without a time keep their place; the timed ones change places among themselves.
   */
  order(): ListingOrder | undefined {
    const spans = this.spans();
    if (!spans) return undefined;
    const { timed, sorted } = spans;
    if (timed.length < 2 || sorted.every((k, i) => k === timed[i]) || this.overlapping(sorted)) return undefined;
    const order = this.starts.map((_, k) => k);
    timed.forEach((slot, i) => (order[slot] = sorted[i]));
    return { starts: this.starts.slice(), names: this.names.slice(), order, mails: this.mails };
  }

  /**
   * Two parts whose times overlap, the later listed second (each was read in turn, so the clock
   * runs back at the second one's first line), or undefined.
   */
  overlap(): { first: string | undefined; second: string | undefined; line: number } | undefined {
    const spans = this.spans();
    if (!spans) return undefined;
    const { sorted } = spans;
    const [min, max] = this.bounds();
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      if (max[a] > min[b]) {
        const [first, second] = a < b ? [a, b] : [b, a];
        return { first: this.names[first], second: this.names[second], line: this.starts[second] };
      }
    }
    return undefined;
  }

  /** Each part's earliest and latest time, the current one's included. */
  private bounds(): [number[], number[]] {
    return [[...this.min, this.curMin], [...this.max, this.curMax]];
  }

  /** The parts with a time, in the order listed and in time order (by their earliest); undefined past the budget. */
  private spans(): { timed: number[]; sorted: number[] } | undefined {
    if (this.over) return undefined;
    const [min] = this.bounds();
    const timed = this.starts.map((_, k) => k).filter((k) => min[k] !== Infinity);
    const sorted = [...timed].sort((a, b) => min[a] - min[b] || a - b);
    return { timed, sorted };
  }

  private overlapping(sorted: number[]): boolean {
    const [min, max] = this.bounds();
    for (let i = 1; i < sorted.length; i++) if (max[sorted[i - 1]] > min[sorted[i]]) return true;
    return false;
  }
}

/**
 * The lines of a listing with its parts in reading order (`listing.order`), each part's lines as
 * they are, and where each lies in the file. A record never spans two parts (a header ends one; a
 * new grep file name starts one), so every line is its own unit for `fileRangeOf`.
 */
export function linesInListingOrder(lines: readonly string[], listing: ListingOrder): { lines: string[]; order: ReadOrder } {
  const n = lines.length;
  const out: string[] = [];
  const fileLine = new Int32Array(n + 1);
  const recordStart = new Int32Array(n + 1);
  for (const k of listing.order) {
    const to = Math.min(n, (listing.starts[k + 1] ?? n + 1) - 1);
    for (let line = listing.starts[k]; line <= to; line++) {
      out.push(lines[line - 1]);
      fileLine[out.length] = line;
      recordStart[out.length] = out.length;
    }
  }
  return { lines: out, order: { fileLine, recordStart, partsMoved: true } };
}

/** The notice of a listing read in time order: which logs, in the order read. */
export function listingNotice(listing: ListingOrder): string {
  const named = listing.order.map((k) => listing.names[k]).filter((name): name is string => name !== undefined);
  const listed = listing.names.filter((name): name is string => name !== undefined);
  const names = (list: string[], sep: string): string => (list.length > 6 ? `${list.slice(0, 6).join(sep)} and ${list.length - 6} more` : list.join(sep));
  if (listing.mails) {
    // Lines before the first mail's subject (its From: and Date:) are no part of their own to count.
    return `The file holds ${listed.length} mails${listed.length ? ` (${names(listed.map(quote), ', ')})` : ''} whose log lines run in another order than they are pasted (a log sent in parts, the later part first): they were read in time order${named.length ? ` (${names(named.map(quote), ', then ')})` : ''}, each mail's lines as they are. Line numbers are the file's own.`;
  }
  return `The file lists ${listing.order.length} logs${listed.length ? ` (${names(listed, ', ')})` : ''} whose times run in another order than they are listed (a shell lists rotated logs, \`messages*\`, newest first): they were read in time order${named.length ? ` (${names(named, ', then ')})` : ''}, each log's lines as they are. Line numbers are the file's own.`;
}

/** A mail's subject, quoted: it is a sentence of its own (`Re: modem down (part 2/2)`). */
function quote(subject: string): string {
  return `"${subject}"`;
}
