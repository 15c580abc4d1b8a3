import { logfmtPairs } from '../formats/logfmt';
import { MAX_WRAPPED_LINES, TERMINAL_WIDTHS, unwrapped, wrappedBefore } from './wrapWidths';

/**
 * A line of fields whose quoted value a wrap carried onto the next lines (a mail's, a terminal's),
 * or that a terminal cut inside a pair:
 * a CSV row (`"message","host",...`, its message first perhaps and its time last) or a logfmt line
 * (`time=... msg="Interface 'mob1s1a1' is now`), whose quotes it does not close. Such a line can be
 * read only whole, so it is held until its quotes balance, then read as the one line it was, at its
 * lines. A line whose quotes never balance within MAX_WRAPPED_LINES is given back to be read as lines.
 */


/** A CSV row's first column, quoted; or logfmt's first `key=`. */
const CSV_START = /^\s*"/;
const LOGFMT_START = /^\s*[A-Za-z_][\w.-]{0,40}=/;

export type QuotedState = 'open' | 'closed' | 'broken';

export class QuotedLine {
  readonly lines: string[] = [];
  readonly lineNos: number[] = [];
  state: QuotedState = 'open';
  /** Whether the quotes seen so far leave one open. */
  private open = false;

  private constructor(private readonly kind: 'csv' | 'logfmt') {}

  /**
   * A line that opens a quote it does not close, of a CSV row or a logfmt line, or a logfmt line a
   * terminal cut inside a pair (`... host` | `=router`); undefined for any other.
   */
  static opening(text: string, lineNo: number): QuotedLine | undefined {
    const kind = CSV_START.test(text) ? 'csv' : LOGFMT_START.test(text) ? 'logfmt' : undefined;
    if (kind === undefined) return undefined;
    const held = new QuotedLine(kind);
    held.take(text, lineNo);
    return held.open || held.cutPairs() ? held : undefined;
  }

  /** A logfmt line as wide as a terminal whose pairs do not read: the terminal cut it inside one. */
  private cutPairs(): boolean {
    const last = this.lines[this.lines.length - 1];
    return this.kind === 'logfmt' && TERMINAL_WIDTHS.has(last.length) && logfmtPairs(this.text()) === undefined;
  }

  /** Takes the next line; the state after it. */
  push(text: string, lineNo: number): QuotedState {
    if (this.state !== 'open') return this.state;
    // A wrap took the line there only if it was long, or the next word would have made it so.
    if (!wrappedBefore(this.lines[this.lines.length - 1], text) || this.lines.length >= MAX_WRAPPED_LINES) return (this.state = 'broken');
    this.take(text, lineNo);
    if (!this.open && !this.cutPairs()) this.state = 'closed';
    return this.state;
  }

  /** The line as it was before the wraps. */
  text(): string {
    let out = this.lines[0];
    for (let i = 1; i < this.lines.length; i++) out += unwrapped(this.lines[i - 1], this.lines[i]);
    return out;
  }

  /** A copy that can take lines without changing this one (a snapshot's). */
  copy(): QuotedLine {
    const c = new QuotedLine(this.kind);
    c.lines.push(...this.lines);
    c.lineNos.push(...this.lineNos);
    c.state = this.state;
    c.open = this.open;
    return c;
  }

  private take(text: string, lineNo: number): void {
    this.lines.push(text);
    this.lineNos.push(lineNo);
    // CSV doubles a quote inside a quoted column (two that cancel); logfmt escapes it with `\`.
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
      if (this.kind === 'logfmt' && this.open && isEscaped(text, i)) continue;
      this.open = !this.open;
    }
  }
}

/** Whether the character at `i` follows an odd run of backslashes. */
function isEscaped(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && text.charCodeAt(k) === 0x5c) k--;
  return (i - 1 - k) % 2 === 1;
}
