import { Utf8Pieces } from '../core/input/utf8Pieces';

/**
 * The value of one JSON string, decoded from its bytes as they arrive and kept as text pieces of
 * about PIECE_BYTES each, never as one string: the language server's reader of big messages
 * (pieceMessageReader.ts) gives a 45 MB `didOpen` text to LogDocument.fromPieces this way,
 * without the joined body, the decoded JSON or `JSON.parse`'s copy.
 *
 * The value is `JSON.parse`'s exactly (test/jsonStringPieces.test.ts): escapes are written out as
 * UTF-8 bytes into one reused buffer, which is decoded as the body would be (invalid UTF-8 to
 * U+FFFD, a byte order mark kept); a `\uXXXX` surrogate without its other half, which has no
 * UTF-8, is put between the decoded bytes as the lone UTF-16 unit JSON.parse makes of it. What
 * JSON forbids in a string (a raw control character, an unknown escape) throws, as JSON.parse does.
 */
export class JsonStringPieces {
  private readonly out: Uint8Array;
  private p = 0;
  private readonly utf8 = new Utf8Pieces({ ignoreBOM: true });
  private readonly pieces: string[] = [];
  /** Text of the current piece decoded so far, when a lone surrogate cut it. */
  private parts: string[] = [];
  /** -1: not in an escape; 0: after the backslash; 1-4: hex digits of a `\u` read. */
  private escape = -1;
  private unit = 0;
  /** A high surrogate waiting to see whether a low one follows. */
  private high = -1;
  private closed = false;

  constructor(pieceBytes = PIECE_BYTES) {
    this.out = new Uint8Array(Math.max(8, pieceBytes));
  }

  /**
   * Reads `bytes[from, end)` as more of the string's content (after its opening quote). Returns
   * the index of the closing quote, or -1 when all of it was content.
   */
  feed(bytes: Uint8Array, from: number, end: number): number {
    if (this.closed) throw new Error('JSON string already closed');
    let i = from;
    // The last bytes may have ended inside an escape, or after a high surrogate.
    if (this.escape >= 0 || this.high >= 0) {
      i = this.readEscape(bytes, i, end);
      if (i < 0) return -1;
    }
    const out = this.out;
    const size = out.length;
    let p = this.p;
    while (i < end) {
      // The common case: plain bytes copied until a quote, a backslash or a control character.
      const b = bytes[i];
      if (b === QUOTE) {
        this.p = p;
        this.close();
        return i;
      }
      if (b === BACKSLASH) {
        this.p = p;
        this.escape = 0;
        i = this.readEscape(bytes, i + 1, end);
        if (i < 0) return -1;
        p = this.p;
        continue;
      }
      if (b < 0x20) throw new SyntaxError(`Bad control character in string literal (0x${b.toString(16).padStart(2, '0')})`);
      out[p++] = b;
      i++;
      if (p === size) {
        this.p = p;
        this.flushPiece();
        p = 0;
      }
    }
    this.p = p;
    return -1;
  }

  /** The string's value, in pieces (none for an empty string). Call once, after feed found the closing quote. */
  take(): string[] {
    if (!this.closed) throw new Error('JSON string not closed');
    return this.pieces;
  }

  /**
   * Reads on inside an escape, and past a high surrogate to see whether its low half follows.
   * Returns the index to go on from, or -1 if the bytes ended first (the state is kept).
   */
  private readEscape(bytes: Uint8Array, i: number, end: number): number {
    while (i < end) {
      const b = bytes[i];
      if (this.escape < 0) {
        if (this.high < 0) return i;
        // After a high surrogate: only a `\u` escape can bring its low half.
        if (b !== BACKSLASH) {
          this.lone(this.high);
          this.high = -1;
          return i;
        }
        this.escape = 0;
        i++;
        continue;
      }
      if (this.escape === 0) {
        if (b === U) {
          this.escape = 1;
          this.unit = 0;
          i++;
          continue;
        }
        const simple = SIMPLE_ESCAPES[b];
        if (simple < 0) throw new SyntaxError(`Bad escaped character in JSON string (${JSON.stringify(String.fromCharCode(b))})`);
        if (this.high >= 0) {
          this.lone(this.high);
          this.high = -1;
        }
        this.escape = -1;
        this.put(simple);
        return i + 1;
      }
      const digit = hexValue(b);
      if (digit < 0) throw new SyntaxError('Bad Unicode escape in JSON string');
      this.unit = this.unit * 16 + digit;
      i++;
      if (this.escape < 4) this.escape++;
      else {
        this.escape = -1;
        this.unicode(this.unit);
      }
    }
    return -1;
  }

  /** A `\uXXXX` code unit. */
  private unicode(unit: number): void {
    if (this.high >= 0) {
      const high = this.high;
      this.high = -1;
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        this.codePoint(0x10000 + ((high - 0xd800) << 10) + (unit - 0xdc00));
        return;
      }
      this.lone(high);
    }
    if (unit >= 0xd800 && unit <= 0xdbff) this.high = unit;
    else if (unit >= 0xdc00 && unit <= 0xdfff) this.lone(unit);
    else this.codePoint(unit);
  }

  private codePoint(c: number): void {
    if (c < 0x80) this.put(c);
    else if (c < 0x800) {
      this.put(0xc0 | (c >> 6));
      this.put(0x80 | (c & 63));
    } else if (c < 0x10000) {
      this.put(0xe0 | (c >> 12));
      this.put(0x80 | ((c >> 6) & 63));
      this.put(0x80 | (c & 63));
    } else {
      this.put(0xf0 | (c >> 18));
      this.put(0x80 | ((c >> 12) & 63));
      this.put(0x80 | ((c >> 6) & 63));
      this.put(0x80 | (c & 63));
    }
  }

  private put(b: number): void {
    this.out[this.p++] = b;
    if (this.p === this.out.length) this.flushPiece();
  }

  /** A surrogate without its other half: the bytes before it are decoded (and ended), then the unit is added as it is. */
  private lone(unit: number): void {
    this.parts.push(this.utf8.decode(this.out.subarray(0, this.p)) + this.utf8.end(), String.fromCharCode(unit));
    this.p = 0;
  }

  /** The buffer is full: its bytes become a piece (a character cut at its end goes to the next). */
  private flushPiece(): void {
    const text = this.utf8.decode(this.out.subarray(0, this.p));
    this.p = 0;
    this.parts.push(text);
    this.endPiece();
  }

  private endPiece(): void {
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    if (text.length === 0) return;
    this.pieces.push(text);
  }

  private close(): void {
    // Nothing can follow a closing quote: a high surrogate left waiting is lone.
    if (this.high >= 0) {
      this.lone(this.high);
      this.high = -1;
    }
    this.parts.push(this.utf8.decode(this.out.subarray(0, this.p)) + this.utf8.end());
    this.p = 0;
    this.endPiece();
    this.closed = true;
  }
}

/** Bytes of decoded text per piece. */
export const PIECE_BYTES = 1 << 20;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const U = 0x75;

/** The byte each one-character escape stands for, by the character after the backslash (-1: none). */
const SIMPLE_ESCAPES = new Int16Array(256).fill(-1);
for (const [c, b] of [['"', 0x22], ['\\', 0x5c], ['/', 0x2f], ['b', 0x08], ['f', 0x0c], ['n', 0x0a], ['r', 0x0d], ['t', 0x09]] as const) SIMPLE_ESCAPES[c.charCodeAt(0)] = b;

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  return -1;
}
