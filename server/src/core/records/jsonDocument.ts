/**
 * A JSON document written over many lines (`journalctl -o json-pretty`, an aggregator's export or
 * answer saved pretty-printed), held a line at a time until it closes, so that its records can be
 * read whole (formats/jsonLines.ts, `recordsInDocument`).
 *
 * The lines are checked against JSON's grammar as they come, so text that only starts like JSON
 * (a `{` in a shell session, a bracketed dmesg line) is told at its first wrong character and
 * given back to be read as lines. A document is held up to HELD_DOCUMENT_CHARS; past that it is
 * given back too.
 *
 * A JSON line (`journalctl -o json`, GELF) pasted through a mail or copied from a terminal comes
 * wrapped, inside its strings and numbers: such a line goes on over the next ones as a document
 * does, and the wraps are undone when it is read (`unwrappedText`).
 */

import { MAX_WRAPPED_LINES, TERMINAL_WIDTHS, unwrapped, wrappedBefore } from './wrapWidths';

/** The most of a document held: beyond it, its lines are read one by one as any others. */
export const HELD_DOCUMENT_CHARS = 8 * 1024 * 1024;
/** And the most lines: a line of `[` each (the deepest JSON) holds a string per two characters. */
export const HELD_DOCUMENT_LINES = 250_000;

/** At most this many line breaks inside a document's strings (wraps of its lines): past them it is no document. */
const MAX_STRING_BREAKS = 10_000;

/** What the checker expects next, outside a string. */
const enum Expect {
  Value,
  /** A key or `}` (just after `{`). */
  KeyOrEnd,
  Key,
  Colon,
  /** `,` or the end of the container (after a value). */
  CommaOrEnd,
  /** A value or `]` (just after `[`). */
  ValueOrEnd,
  /** The document closed: only spaces. */
  Done,
}

export type DocumentState = 'open' | 'closed' | 'broken';

export class JsonDocumentLines {
  readonly lines: string[] = [];
  readonly lineNos: number[] = [];
  /** The first and last line of each object, in the order their `{` comes (recordsInDocument's index). */
  readonly objectStarts: number[] = [];
  readonly objectEnds: number[] = [];
  private chars = 0;
  /** Open containers: an object's index, or -1 for an array. */
  private readonly stack: number[] = [];
  private expect = Expect.Value;
  private inString = false;
  private escaped = false;
  /** Inside a number or a literal (`true`): ends at the next structural character or space. */
  private inWord = false;
  private trailingComma = false;
  /** Lines (indexes into `lines`) that end inside a string or a number: a mail or a terminal wrapped them there. */
  private readonly wrapCuts: number[] = [];
  /** How many lines in a row the string open at the end of the last line has ended. */
  private stringLines = 0;
  state: DocumentState = 'open';

  /** Takes the next line; the state after it. */
  push(text: string, lineNo: number): DocumentState {
    if (this.state !== 'open') return this.state;
    // A line that ended inside a string was wrapped there only if it was long, or the next word
    // would not have fitted after it (a wrap moves a long word down early).
    const cut = this.wrapCuts[this.wrapCuts.length - 1];
    if (cut !== undefined && cut === this.lines.length - 1 && !wrappedBefore(this.lines[cut], text)) return (this.state = 'broken');
    this.lines.push(text);
    this.lineNos.push(lineNo);
    this.chars += text.length + 1;
    if (this.chars > HELD_DOCUMENT_CHARS || this.lines.length > HELD_DOCUMENT_LINES) return (this.state = 'broken');
    for (let i = 0; i < text.length; i++) {
      if (!this.take(text.charCodeAt(i), lineNo)) return (this.state = 'broken');
    }
    // JSON's strings do not go on past a line, unless a wrap cut the line: a line that long, a
    // JSON line (`journalctl -o json`, GELF) pasted through a mail or copied from a terminal.
    if (this.inString) {
      const index = this.lines.length - 1;
      const last = this.wrapCuts[this.wrapCuts.length - 1];
      this.stringLines = last === index - 1 ? this.stringLines + 1 : 1;
      if (this.stringLines > MAX_WRAPPED_LINES || this.wrapCuts.length >= MAX_STRING_BREAKS) return (this.state = 'broken');
      this.wrapCuts.push(index);
    }
    // A number or a word ends with its line, unless a terminal cut it there (at its width).
    if (this.inWord) {
      if (TERMINAL_WIDTHS.has(text.length) && this.wrapCuts.length < MAX_STRING_BREAKS) this.wrapCuts.push(this.lines.length - 1);
      else this.endWord();
    }
    if (this.expect === Expect.Done) this.state = 'closed';
    return this.state;
  }

  /** The document's text (without the comma after it: the list it was in is not). */
  text(): string {
    const text = this.wrapCuts.length === 0 ? this.lines.join('\n') : this.unwrappedText();
    return this.trailingComma ? text.slice(0, text.lastIndexOf(',')) : text;
  }

  /**
   * The lines joined, a wrap inside a string undone: at a terminal's width the line was cut inside
   * a word (joined as it is); before that a mail wrapped it at a space (a space, the next line's
   * indentation dropped).
   */
  private unwrappedText(): string {
    const cuts = new Set(this.wrapCuts);
    let out = this.lines[0];
    for (let i = 1; i < this.lines.length; i++) out += cuts.has(i - 1) ? unwrapped(this.lines[i - 1], this.lines[i]) : `\n${this.lines[i]}`;
    return out;
  }

  /** A copy that can take lines without changing this one (a snapshot's). */
  copy(): JsonDocumentLines {
    const c = Object.assign(Object.create(JsonDocumentLines.prototype) as JsonDocumentLines, this);
    for (const k of ['lines', 'lineNos', 'objectStarts', 'objectEnds', 'stack', 'wrapCuts'] as const) (c as unknown as Record<string, unknown[]>)[k] = (this as unknown as Record<string, unknown[]>)[k].slice();
    return c;
  }

  private take(c: number, lineNo: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 0x5c /* \ */) this.escaped = true;
      else if (c === 0x22 /* " */) {
        this.inString = false;
        this.expect = this.expect === Expect.Key ? Expect.Colon : Expect.CommaOrEnd;
      } else if (c < 0x20 && c !== 0x09) return false;
      return true;
    }
    if (this.inWord) {
      if (isWordChar(c)) return true;
      this.endWord();
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) return true;
    const e = this.expect;
    switch (c) {
      case 0x7b /* { */:
        if (e !== Expect.Value && e !== Expect.ValueOrEnd) return false;
        this.stack.push(this.objectStarts.length);
        this.objectStarts.push(lineNo);
        this.objectEnds.push(lineNo);
        this.expect = Expect.KeyOrEnd;
        return true;
      case 0x5b /* [ */:
        if (e !== Expect.Value && e !== Expect.ValueOrEnd) return false;
        this.stack.push(-1);
        this.expect = Expect.ValueOrEnd;
        return true;
      case 0x7d /* } */:
      case 0x5d /* ] */: {
        const top = this.stack[this.stack.length - 1];
        const closesObject = c === 0x7d;
        if (top === undefined || (top >= 0) !== closesObject) return false;
        if (!(e === Expect.CommaOrEnd || (closesObject ? e === Expect.KeyOrEnd : e === Expect.ValueOrEnd))) return false;
        this.stack.pop();
        if (top >= 0) this.objectEnds[top] = lineNo;
        this.expect = this.stack.length === 0 ? Expect.Done : Expect.CommaOrEnd;
        return true;
      }
      case 0x3a /* : */:
        if (e !== Expect.Colon) return false;
        this.expect = Expect.Value;
        return true;
      case 0x2c /* , */:
        // After the document, one comma: it was an element of a list that began before it (the
        // rest of an export too big to hold, read an object at a time).
        if (e === Expect.Done && !this.trailingComma) return (this.trailingComma = true);
        if (e !== Expect.CommaOrEnd) return false;
        this.expect = this.stack[this.stack.length - 1]! >= 0 ? Expect.Key : Expect.Value;
        return true;
      case 0x22 /* " */:
        if (e === Expect.KeyOrEnd || e === Expect.Key) this.expect = Expect.Key;
        else if (e !== Expect.Value && e !== Expect.ValueOrEnd) return false;
        this.inString = true;
        return true;
      default:
        // A number or `true`, `false`, `null`: its characters are checked, its spelling by JSON.parse.
        if ((e !== Expect.Value && e !== Expect.ValueOrEnd) || !isWordStart(c)) return false;
        this.inWord = true;
        return true;
    }
  }

  private endWord(): void {
    this.inWord = false;
    this.expect = this.stack.length === 0 ? Expect.Done : Expect.CommaOrEnd;
  }
}

function isWordStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d /* - */ || c === 0x74 /* t */ || c === 0x66 /* f */ || c === 0x6e /* n */;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45 || c === 0x65 || (c >= 0x61 && c <= 0x7a);
}

/**
 * A document that opens on this line and goes on past it, or undefined: the line must start with
 * `{` or `[` and be JSON so far. A line that is a whole document is a JSON line (or a join) instead.
 */
export function openJsonDocument(text: string, lineNo: number): JsonDocumentLines | undefined {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  const c = text.charCodeAt(i);
  if (c !== 0x7b && c !== 0x5b) return undefined;
  const doc = new JsonDocumentLines();
  return doc.push(text, lineNo) === 'open' ? doc : undefined;
}
