/**
 * Whether a span of text holds any of a set of literals: the catalogue's screen, asked once for
 * nearly every line of a log (EventMatcher.mayMatch), so it must cost less than reading the line.
 *
 * Wu and Manber's multi-pattern search ("A fast algorithm for multi-pattern searching", 1994):
 * a window as long as the shortest literal slides along the text, and the last two characters
 * of the window say how far it may move without passing the start of any literal; only where
 * they end the first `m` characters of some literal are those literals compared. A catalogue
 * literal is 7 characters or more for most tags, so the window moves several characters at a
 * time where a regular expression of the same alternatives looks at every character: 0.6-0.9x
 * the time of V8's on the messages of the bench logs (2026-12-05). No maintained npm package does
 * a multi-literal search with skips on a range of a string; Aho-Corasick packages read every
 * character, as the regular expression does.
 *
 * A few short literals (`alarm`, chat's whole line) would shrink the window for all the others: literals under
 * SHORT characters are searched on their own by the engine's `indexOf` instead (0.82x the time
 * of a window of 3 on kernel messages, 0.85x on whole lines screened with every literal).
 *
 * Characters are hashed by their low byte (two characters that share it only cost a comparison);
 * comparisons are exact, or ignore ASCII case for the literals of a pattern that does, so the
 * answer is a plain search's (test/literalScreen.test.ts).
 */
export class LiteralScreen {
  /** Characters in the window: the shortest long literal's length (at least SHORT). */
  private readonly m: number;
  /** How far the window may move, by the hash of its last two characters. */
  private readonly shift = new Uint8Array(1 << 16);
  /** The long literals, each once; they are known by their place here. */
  private readonly long: string[];
  /**
   * The long literals (by place) by the hash of their first `m` characters' first two and last two
   * (windowHash): those of hash `w` are `ids[firstOf[w], firstOf[w + 1])`. A window the shift
   * stops at ends like some literal's first `m` characters; in ordinary text most such windows (a
   * common pair: `ed`, `in`) begin like none, and an empty range says so before any literal is
   * compared; one that begins like some is compared with those alone, not with every literal that
   * ends so (the screen of every entry has 290 literals, and seven of them on average ended so).
   */
  private readonly firstOf = new Uint32Array((1 << 16) + 1);
  private readonly ids: Uint32Array;
  /** The literals under SHORT characters: searched alone. */
  private readonly short: string[];
  /**
   * For `found`: the call in which each long literal was last listed, so each is listed once
   * however often a span holds it, without searching the list (a long line dense with literals
   * holds thousands of them).
   */
  private readonly listedIn: Uint32Array;
  private call = 0;
  /** Whether each long literal (by place) is compared ignoring ASCII case. */
  private readonly foldsAt: Uint8Array;
  /** The short literals compared ignoring ASCII case, in lower case. */
  private readonly shortFolded: string[];

  /**
   * `folded`: the literals (of `literals`) to be found in any ASCII case, those of a pattern that
   * ignores case (`/no SIM card/i` reads `No Sim Card`). Only ASCII letters are folded, as the
   * pattern's `i` flag without `u` folds nothing a log's words need beyond them.
   */
  constructor(literals: readonly string[], private readonly folded: ReadonlySet<string> = new Set()) {
    const unique = [...new Set(literals.filter((l) => l.length > 0))];
    this.long = unique.filter((l) => l.length >= SHORT);
    this.short = unique.filter((l) => l.length < SHORT && !folded.has(l));
    this.shortFolded = unique.filter((l) => l.length < SHORT && folded.has(l));
    this.foldsAt = Uint8Array.from(this.long, (l) => (folded.has(l) ? 1 : 0));
    this.listedIn = new Uint32Array(this.long.length);
    this.m = this.long.length ? Math.min(...this.long.map((l) => l.length)) : SHORT;
    const m = this.m;
    // A pair found nowhere in the first m characters of a literal lets the window move past it.
    this.shift.fill(this.long.length ? m - 1 : 255);
    const byWindow = new Map<number, number[]>();
    const add = (w: number, id: number): void => {
      const ids = byWindow.get(w);
      if (!ids) byWindow.set(w, [id]);
      else if (ids[ids.length - 1] !== id) ids.push(id);
    };
    // A literal found in any case is hashed in every case of each letter the hashes read (two
    // characters a pair, four a window): the text's characters are hashed as they are, so the
    // walk costs what it does without such literals.
    this.long.forEach((literal, id) => {
      const folds = this.foldsAt[id] === 1;
      const firsts = casesOf(literal.charCodeAt(0), folds);
      const seconds = casesOf(literal.charCodeAt(1), folds);
      for (let j = 2; j <= m; j++) {
        const move = m - j;
        for (const a of casesOf(literal.charCodeAt(j - 2), folds)) {
          for (const b of casesOf(literal.charCodeAt(j - 1), folds)) {
            const h = pairHash(a, b);
            if (move < this.shift[h]) this.shift[h] = move;
            if (move === 0) for (const first of firsts) for (const second of seconds) add(windowHashOf(first, second, h), id);
          }
        }
      }
    });
    this.ids = new Uint32Array([...byWindow.values()].reduce((n, ids) => n + ids.length, 0));
    // Each hash's range starts where the one before ended: filled for the hashes some window has,
    // then carried over the empty ones (by fill, not a loop: a screen is built cold, in the
    // interpreter, where a loop over 65,536 hashes took 3 ms).
    let n = 0;
    let w = 0;
    for (const hash of [...byWindow.keys()].sort((a, b) => a - b)) {
      this.firstOf.fill(n, w, hash + 1);
      w = hash + 1;
      for (const id of byWindow.get(hash)!) this.ids[n++] = id;
    }
    this.firstOf.fill(n, w);
  }

  /** Whether `text[from, end)` holds one of the literals. */
  test(text: string, from: number, end: number): boolean {
    return this.scanLong(text, from, end, undefined) || (this.short.length + this.shortFolded.length > 0 && this.hasShort(text, from, end, undefined));
  }

  /**
   * Every literal that `text[from, end)` holds, each once (in no set order), into `out`, which is
   * emptied first. The matcher asks this of the few lines the screen passes, so it tries only the
   * entries whose literals are there: a log whose every line holds a common literal (`[INFO] `)
   * would otherwise try each entry's literals on each line.
   */
  found(text: string, from: number, end: number, out: string[]): string[] {
    out.length = 0;
    if (++this.call === 0xffffffff) {
      this.listedIn.fill(0);
      this.call = 1;
    }
    this.scanLong(text, from, end, out);
    if (this.short.length + this.shortFolded.length > 0) this.hasShort(text, from, end, out);
    return out;
  }

  /**
   * The window's walk for the long literals: without `out`, whether one is there (it stops at the
   * first); with it, each one there, pushed once.
   */
  private scanLong(text: string, from: number, end: number, out: string[] | undefined): boolean {
    const m = this.m;
    const shift = this.shift;
    for (let i = from + m - 1; i < end; ) {
      const h = pairHash(text.charCodeAt(i - 1), text.charCodeAt(i));
      const move = shift[h];
      if (move !== 0) {
        i += move;
        continue;
      }
      const start = i - m + 1;
      const w = windowHash(text, start, h);
      const last = this.firstOf[w + 1];
      for (let k = this.firstOf[w]; k < last; k++) {
        const id = this.ids[k];
        if (!(this.foldsAt[id] === 0 ? literalAt(text, start, end, this.long[id]) : foldedAt(text, start, end, this.long[id]))) continue;
        if (out === undefined) return true;
        if (this.listedIn[id] !== this.call) {
          this.listedIn[id] = this.call;
          out.push(this.long[id]);
        }
      }
      i++;
    }
    return out !== undefined && out.length > 0;
  }

  /** Where `literal` (one of the screen's) last starts in `text` at or before `before`, in the case the screen finds it in; -1 if nowhere. */
  lastIndexOf(text: string, literal: string, before: number): number {
    if (!this.folded.has(literal)) return text.lastIndexOf(literal, before);
    for (let at = Math.min(before, text.length - literal.length); at >= 0; at--) if (foldedAt(text, at, text.length, literal)) return at;
    return -1;
  }

  /** Whether the span holds a short literal; with `out`, each one it holds, pushed. */
  private hasShort(text: string, from: number, end: number, out: string[] | undefined): boolean {
    // A slice shares the text's characters: the search stops at the span's end.
    const span = from === 0 && end === text.length ? text : text.slice(from, end);
    let held = false;
    for (let k = 0; k < this.short.length; k++) {
      if (span.indexOf(this.short[k]) < 0) continue;
      if (out === undefined) return true;
      out.push(this.short[k]);
      held = true;
    }
    for (let k = 0; k < this.shortFolded.length; k++) {
      const literal = this.shortFolded[k];
      let at = 0;
      while (at <= span.length - literal.length && !foldedAt(span, at, span.length, literal)) at++;
      if (at > span.length - literal.length) continue;
      if (out === undefined) return true;
      out.push(literal);
      held = true;
    }
    return held;
  }
}

/**
 * Literals shorter than this are searched on their own (see LiteralScreen). The screen of every
 * entry (a line without a program) holds some 290 literals, so a window of 5 found some literal's
 * pair at nearly every other character; one of 6, with `alarm` searched alone, took 0.8x the time
 * on the messages of the bench's ModemManager lines, and no other screen has a literal of 5.
 */
const SHORT = 6;

function pairHash(a: number, b: number): number {
  return ((a & 255) << 8) | (b & 255);
}

/** A character code, and its other ASCII case when `folds` and it is a letter. */
function casesOf(c: number, folds: boolean): number[] {
  if (!folds) return [c];
  const lower = asciiLower(c);
  return lower >= 97 && lower <= 122 ? [lower, lower - 32] : [c];
}

/** A hash of a window's first two characters and `last`, the pairHash of its last two. */
function windowHash(text: string, start: number, last: number): number {
  return windowHashOf(text.charCodeAt(start), text.charCodeAt(start + 1), last);
}

function windowHashOf(first: number, second: number, last: number): number {
  return ((pairHash(first, second) * 0x9e5) ^ last) & 0xffff;
}

/** Whether `literal` stands at `start` in any ASCII case, and ends by `end`. */
function foldedAt(text: string, start: number, end: number, literal: string): boolean {
  const n = literal.length;
  if (start + n > end) return false;
  for (let q = 0; q < n; q++) if (asciiLower(text.charCodeAt(start + q)) !== asciiLower(literal.charCodeAt(q))) return false;
  return true;
}

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** Whether `literal` stands at `start` and ends by `end`. */
function literalAt(text: string, start: number, end: number, literal: string): boolean {
  const n = literal.length;
  if (start + n > end) return false;
  for (let q = 0; q < n; q++) if (text.charCodeAt(start + q) !== literal.charCodeAt(q)) return false;
  return true;
}
