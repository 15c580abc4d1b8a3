/**
 * Where each line of a document starts, kept cheaply across edits. A keystroke in the middle of a
 * 45 MB log would otherwise copy and shift 420,000 offsets (22-30 ms, mostly page faults for the
 * new array); here it records the edit over the offsets it changes (`EditedStarts`), and lookups
 * read through it. Many edits on top of each other, or the next append, join them into plain
 * `Starts` again.
 */
export type LineStarts = number[] | Starts | EditedStarts;

/**
 * Offsets in blocks of typed memory that are never copied: the 420,000 line starts of a 45 MB
 * log, found in its 1 MiB parts, took 60-67 ms pushed into a plain array, mostly the array's
 * growth (each larger copy in memory touched for the first time, 8 bytes a number), and 18-26 ms
 * in blocks of 64K 32-bit numbers (a fresh process each, 3 runs). Offsets are below 2^32: no
 * document the server holds comes near 4G characters.
 */
export class Starts {
  private readonly blocks: Uint32Array[] = [];
  private n = 0;
  private readonly mask: number;

  /** `blockBits`: 2^blockBits offsets a block (small in tests, so they cross blocks). */
  constructor(private readonly blockBits = 16) {
    this.mask = (1 << blockBits) - 1;
  }

  get length(): number {
    return this.n;
  }

  at(k: number): number {
    return this.blocks[k >>> this.blockBits][k & this.mask];
  }

  push(offset: number): void {
    const b = this.n >>> this.blockBits;
    if (b === this.blocks.length) this.blocks.push(new Uint32Array(this.mask + 1));
    this.blocks[b][this.n & this.mask] = offset;
    this.n++;
  }

  pop(): void {
    if (this.n > 0) this.n--;
  }
}

/** The starts of `base` with its lines `keep`..`skipTo - 1` replaced by `region`, those after moved by `delta`. */
export interface EditedStarts {
  base: LineStarts;
  /** Lines of `base` kept as they are: 0..keep-1. */
  keep: number;
  /** The starts of the lines the edit made, in place of base lines keep..skipTo-1. */
  region: number[];
  /** The first line of `base` after the edit; it and those after it move by `delta`. */
  skipTo: number;
  delta: number;
  /** Lines in all. */
  count: number;
  /** Edits between this and plain starts. */
  depth: number;
}

/**
 * Edits kept over one another before they are joined into plain starts (appends join them at once).
 * A lookup reads through each, so even this many cost microseconds; joining costs 20-30 ms on a
 * 45 MB log, which is why it is not done per keystroke.
 */
const MAX_DEPTH = 256;

export function startAt(starts: LineStarts, line: number): number {
  let s = starts;
  let k = line;
  let add = 0;
  for (;;) {
    if (s instanceof Starts) return s.at(k) + add;
    if (Array.isArray(s)) return s[k] + add;
    if (k < s.keep) {
      s = s.base;
      continue;
    }
    const r = k - s.keep;
    if (r < s.region.length) return s.region[r] + add;
    k = r - s.region.length + s.skipTo;
    add += s.delta;
    s = s.base;
  }
}

/** The starts after an edit of `base` (which has `baseCount` lines), kept as an edit while that is cheap. */
export function edited(base: LineStarts, baseCount: number, keep: number, region: number[], skipTo: number, delta: number): LineStarts {
  const e: EditedStarts = { base, keep, region, skipTo, delta, count: keep + region.length + (baseCount - skipTo), depth: isEdited(base) ? base.depth + 1 : 1 };
  return e.depth > MAX_DEPTH ? toStarts(e, e.count) : e;
}

function isEdited(s: LineStarts): s is EditedStarts {
  return !(s instanceof Starts) && !Array.isArray(s);
}

/** The first `count` starts as plain Starts (the same when they already are), in one pass. */
export function toStarts(starts: LineStarts, count: number): Starts {
  if (starts instanceof Starts) return starts;
  const out = new Starts();
  for (const [from, a, b, add] of runs(starts, 0, count, 0)) for (let k = a; k < b; k++) out.push(startAt(from, k) + add);
  return out;
}

/** Lines lo..hi-1 of `starts` as runs of plain starts: [starts, first, end, amount to add]. */
function* runs(starts: LineStarts, lo: number, hi: number, add: number): Generator<[number[] | Starts, number, number, number]> {
  if (hi <= lo) return;
  if (!isEdited(starts)) {
    yield [starts, lo, hi, add];
    return;
  }
  const { keep, region, skipTo, delta, base } = starts;
  yield* runs(base, lo, Math.min(hi, keep), add);
  const r0 = Math.max(lo, keep) - keep;
  const r1 = Math.min(hi, keep + region.length) - keep;
  if (r1 > r0) yield [region, r0, r1, add];
  const after = keep + region.length;
  if (hi > after) yield* runs(base, Math.max(lo, after) - after + skipTo, hi - after + skipTo, add + delta);
}

/** The last line below `count` that starts at or before `offset` (binary search); also serves any ascending array of starts. */
export function lineAt(starts: LineStarts, count: number, offset: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startAt(starts, mid) > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}
