import { Utf8Pieces } from '../core/input/utf8Pieces';

/**
 * The value of one JSON string, decoded from its bytes as they arrive and kept as text pieces of
 * at most PIECE_BYTES characters each, never as one string: the language server's reader of big
 * messages (pieceMessageReader.ts) gives a 45 MB `didOpen` text to LogDocument.fromPieces this way,
 * without the joined body, the decoded JSON or `JSON.parse`'s copy of the whole.
 *
 * The value is `JSON.parse`'s exactly (test/pieceMessageReader.test.ts), because JSON.parse makes
 * it: each part of the bytes as they arrive is decoded as the body would be (invalid UTF-8 to
 * U+FFFD, a byte order mark kept), cut where no escape is open, and given to JSON.parse as a string
 * of its own. A JSON string's value is its escapes' and characters' values one after the other, so
 * the parts' values joined are the whole's; and what JSON forbids in a string (a raw control
 * character, an unknown escape, a bad `\u`) throws as JSON.parse does, because JSON.parse reads it.
 * No byte is looked at in JavaScript but the quotes and backslashes the native searches find: a
 * byte-by-byte reader took 40 ms of an 11 MB didOpen (100,000 log lines) warm and 60-80 cold, this 23 and 46 (8 runs each).
 */
export class JsonStringPieces {
  private readonly utf8 = new Utf8Pieces({ ignoreBOM: true });
  private readonly pieces: string[] = [];
  /** Values of parts not yet made into pieces, and their length. */
  private parts: string[] = [];
  private partsLength = 0;
  /** The end of the text decoded so far, after the last place no escape was open: a backslash and what of its escape has come. */
  private carry = '';
  private closed = false;

  constructor(private readonly pieceChars = PIECE_BYTES) {}

  /**
   * Reads `bytes[from, end)` as more of the string's content (after its opening quote). Returns
   * the index of the closing quote, or -1 when all of it was content.
   */
  feed(bytes: Uint8Array, from: number, end: number): number {
    if (this.closed) throw new Error('JSON string already closed');
    const quote = this.closingQuote(bytes, from, end);
    const stop = quote < 0 ? end : quote;
    let text = this.carry + (stop > from ? this.utf8.decode(bytes.subarray(from, stop)) : '');
    if (quote >= 0) text += this.utf8.end();
    const cut = quote >= 0 ? text.length : openEscapeAt(text);
    this.carry = text.slice(cut);
    if (cut > 0) this.addValue(JSON.parse(`"${text.slice(0, cut)}"`) as string);
    if (quote < 0) return -1;
    this.closed = true;
    this.flush(true);
    return quote;
  }

  /** The string's value, in pieces (none for an empty string). Call once, after feed found the closing quote. */
  take(): string[] {
    if (!this.closed) throw new Error('JSON string not closed');
    return this.pieces;
  }

  /**
   * Where in `bytes[from, end)` the string's closing quote is, or -1: the first quote after an even
   * run of backslashes (an odd run escapes it), counting a backslash carried from before `from`.
   */
  private closingQuote(bytes: Uint8Array, from: number, end: number): number {
    for (let q = bytes.indexOf(QUOTE, from); q >= 0 && q < end; q = bytes.indexOf(QUOTE, q + 1)) {
      let k = q;
      while (k > from && bytes[k - 1] === BACKSLASH) k--;
      let run = q - k;
      if (k === from && this.carry === '\\') run++;
      if (run % 2 === 0) return q;
    }
    return -1;
  }

  private addValue(value: string): void {
    if (value.length === 0) return;
    this.parts.push(value);
    this.partsLength += value.length;
    if (this.partsLength >= this.pieceChars) this.flush(false);
  }

  /**
   * Makes pieces of the parts: every whole piece's worth, and with `all` the rest too. A piece never
   * ends between the halves of a surrogate pair (the high half waits for the next).
   */
  private flush(all: boolean): void {
    if (this.partsLength === 0) return;
    let text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    while (text.length >= this.pieceChars || (all && text.length > 0)) {
      let n = Math.min(text.length, this.pieceChars);
      if (n < text.length && isHighSurrogate(text.charCodeAt(n - 1)) && n > 1) n--;
      this.pieces.push(n === text.length ? text : text.slice(0, n));
      text = text.slice(n);
    }
    this.parts = text.length > 0 ? [text] : [];
    this.partsLength = text.length;
  }
}

/**
 * Where the escape still open at the end of `text` starts (its backslash), or `text.length` if
 * none is: a backslash ending an odd run with fewer than its escape's characters after it (two,
 * six for `\u`). Only the last six characters can hold one.
 */
function openEscapeAt(text: string): number {
  const last = text.lastIndexOf('\\');
  if (last < 0 || last < text.length - 6) return text.length;
  let k = last;
  while (k > 0 && text.charCodeAt(k - 1) === BACKSLASH) k--;
  // An even run is whole escapes of a backslash; the last of an odd run opens one.
  if ((last - k + 1) % 2 === 0) return text.length;
  const needs = text.charCodeAt(last + 1) === U ? 6 : 2;
  return text.length - last >= needs ? text.length : last;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Bytes of decoded text per piece. */
export const PIECE_BYTES = 1 << 20;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const U = 0x75;

