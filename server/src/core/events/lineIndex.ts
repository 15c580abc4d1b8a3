/**
 * Looks up the items of one file (events, findings) by line range in O(log n + k), so stories and
 * detectors that ask "what lies between these lines" per window or per USB absence stay linear in
 * the log instead of scanning every event for every question (issue 11: "linear everything").
 *
 * Answers keep the items' own order (events are chronological, which is not always line order:
 * a log with lines out of order), exactly as `items.filter(inRange)` would.
 */
export class LineIndex<T extends { line: number }> {
  /** Positions in `items`, ordered by line (ties by position); undefined when `items` already is. */
  private readonly order: Int32Array | undefined;
  private readonly lines: Float64Array;

  constructor(private readonly items: readonly T[]) {
    let sorted = true;
    for (let i = 1; i < items.length && sorted; i++) sorted = items[i].line >= items[i - 1].line;
    if (sorted) {
      this.order = undefined;
      this.lines = Float64Array.from(items, (x) => x.line);
    } else {
      const order = Int32Array.from(items, (_, i) => i).sort((a, b) => items[a].line - items[b].line || a - b);
      this.order = order;
      this.lines = Float64Array.from(order, (i) => items[i].line);
    }
  }

  /** Items with `from <= line <= to`, in their own order. */
  within(from: number, to: number): T[] {
    const a = this.firstAtOrAfter(from);
    const b = this.firstAtOrAfter(to + 1);
    if (b <= a) return [];
    if (!this.order) return this.items.slice(a, b);
    return Array.from(this.order.subarray(a, b)).sort((x, y) => x - y).map((i) => this.items[i]);
  }

  /** The item on the first line after `line` (the first in its own order on that line), if any. */
  firstAfter(line: number): T | undefined {
    const at = this.firstAtOrAfter(line + 1);
    if (at >= this.lines.length) return undefined;
    if (!this.order) return this.items[at];
    let first = this.order[at];
    for (let k = at + 1; k < this.lines.length && this.lines[k] === this.lines[at]; k++) first = Math.min(first, this.order[k]);
    return this.items[first];
  }

  /** Up to `count` items on the lines before `line`, the nearest line first (ties: the later in their own order first). */
  lastBefore(line: number, count: number): T[] {
    const out: T[] = [];
    for (let k = this.firstAtOrAfter(line) - 1; k >= 0 && out.length < count; k--) out.push(this.items[this.order ? this.order[k] : k]);
    return out;
  }

  /** How many items lie on lines after `line`. */
  countAfter(line: number): number {
    return this.lines.length - this.firstAtOrAfter(line + 1);
  }

  private firstAtOrAfter(line: number): number {
    let lo = 0;
    let hi = this.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lines[mid] < line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const cache = new WeakMap<readonly { line: number }[], LineIndex<{ line: number }>>();

/** The index of a list that is not changed after it is made (a story context's events), built once. */
export function lineIndexOf<T extends { line: number }>(items: readonly T[]): LineIndex<T> {
  let index = cache.get(items) as LineIndex<T> | undefined;
  if (!index) cache.set(items, (index = new LineIndex(items)));
  return index;
}
