import { sniffEncoding, type TextEncodingName } from './encoding';
import { asciiQuotes, asciiSpaces, hasTypographicQuote, hasUnicodeSpace, OTHER_WHITESPACE_CHARS } from './unicodeSpaces';
import { Utf8Pieces } from './utf8Pieces';

const PIECE = 65536;
const SPECIAL = new RegExp(`[\\0\\uFFFD${OTHER_WHITESPACE_CHARS}]`);
/**
 * What makes a line need a look of its own: a NUL, U+FFFD (an invalid byte's stand-in), a space
 * other than ASCII's or a typographic quote (unicodeSpaces.ts), which the line is given with as its ASCII one, or other
 * whitespace the fast readers leave to the full parser (hasOtherWhitespace, unicodeSpaces.ts).
 */
const isSpecial = (text: string): boolean => SPECIAL.test(text) || hasUnicodeSpace(text) || hasTypographicQuote(text);
/** Bytes held before the encoding is told (UTF-16 or UTF-8); a shorter file is told at its end. */
const SNIFF_BYTES = 512;

/** Longest line kept whole; the rest of a longer line is dropped and counted (never buffered). */
export const MAX_LINE_CHARS = 65536;

export interface SplitStats {
  lines: number;
  bytes: number;
  /** Lines that held bytes which are not valid UTF-8 (shown as U+FFFD). */
  invalidUtf8Lines: number;
  firstInvalidUtf8Line?: number;
  /** Lines cut at MAX_LINE_CHARS. */
  truncatedLines: number;
  firstTruncatedLine?: number;
  nulLines: number;
  /** The encoding the first bytes showed, when it is not UTF-8 (the text was decoded from it). */
  encoding?: Exclude<TextEncodingName, 'utf-8'>;
  /** Lines that ended in a lone CR (old Mac line ends, or a CR inside an LF file): each is a line, as the editor shows it. */
  crLines: number;
}

/**
 * Bytes in, numbered text lines out. Decodes UTF-8 across chunk boundaries (invalid bytes become
 * U+FFFD and are counted), or UTF-16 when the first bytes show it; splits lines where an editor
 * does (LF, CRLF and a lone CR); and bounds memory for a file that is one endless line.
 */
export class LineSplitter {
  private readonly utf8 = new Utf8Pieces();
  private partial = '';
  /** Set once the first bytes were looked at: UTF-16 text is decoded by its own decoder. */
  private sniffed = false;
  /** The first bytes, held until there are enough to tell the encoding (a pipe may give one byte at a time). */
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private utf16: TextDecoder | undefined;
  /** The last text fed ended in CR: an LF that starts the next is the same line end. */
  private pendingCR = false;
  /** True while the current line has passed MAX_LINE_CHARS: the rest is skipped until LF. */
  private overflowing = false;
  /**
   * Whether the text being fed may hold U+FFFD or NUL: false for a pure-ASCII piece without a NUL
   * byte (told once per 64 KiB piece), so most lines skip the two per-line searches.
   */
  private special = true;
  /** Whether the unfinished line came from text that may hold them. */
  private partialSpecial = false;
  readonly stats: SplitStats = { lines: 0, bytes: 0, invalidUtf8Lines: 0, truncatedLines: 0, nulLines: 0, crLines: 0 };

  /**
   * `onSpan`, when given, takes the lines that lie whole inside a text that holds no NUL, ESC or
   * U+FFFD, as `text[start, end)` (a `\n` at `end`), instead of `onLine` taking each as a string of
   * its own: a reader that needs only a few of the lines' texts makes no string for the others.
   */
  constructor(
    private readonly onLine: (text: string, lineNo: number) => void,
    private readonly onSpan?: (text: string, start: number, end: number, lineNo: number) => void,
  ) {}

  push(chunk: Uint8Array): void {
    this.stats.bytes += chunk.length;
    if (!this.sniffed) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < SNIFF_BYTES) return;
      chunk = this.sniff();
    }
    this.decodePush(chunk);
  }

  /** Tells the encoding from the bytes held so far and gives them back as one chunk. */
  private sniff(): Uint8Array {
    this.sniffed = true;
    const head = this.head.length === 1 ? this.head[0] : Buffer.concat(this.head);
    this.head = [];
    const { encoding } = sniffEncoding(head);
    if (encoding !== 'utf-8') {
      this.stats.encoding = encoding;
      this.utf16 = new TextDecoder(encoding, { fatal: false });
    }
    return head;
  }

  private decodePush(chunk: Uint8Array): void {
    if (this.utf16) {
      const text = this.utf16.decode(chunk, { stream: true });
      return this.feed(text, 0, text.length, false);
    }
    // Decoding in 64 KiB pieces, and ASCII as latin1, is ten times faster than one big UTF-8
    // decode (Utf8Pieces keeps a character split between pieces).
    for (let o = 0; o < chunk.length; o += PIECE) {
      const piece = chunk.subarray(o, Math.min(o + PIECE, chunk.length));
      const text = this.utf8.decode(piece);
      // ASCII's share of SPECIAL: NUL, vertical tab and form feed (three native scans of the bytes).
      this.special = this.utf8.ascii ? piece.indexOf(0) !== -1 || piece.indexOf(11) !== -1 || piece.indexOf(12) !== -1 : isSpecial(text);
      this.feed(text, 0, text.length, false);
      this.special = true;
    }
  }

  pushText(text: string): void {
    this.stats.bytes += Buffer.byteLength(text);
    // One scan of the text tells whether its lines need theirs.
    this.special = isSpecial(text);
    this.feed(text, 0, text.length, false);
    this.special = true;
  }

  /**
   * `text[start, end)`, read where it lies, from a text its caller knows holds no CR, NUL, ESC or
   * U+FFFD there (an editor document's piece: lsp/logDocument.ts). Its lines are spans of `text`
   * itself: a slice of a longer string is a V8 sliced string, which the readers read more slowly
   * than the flat string it is cut from, and every scan of a slice for those characters would run
   * on past its end.
   */
  pushCleanRange(text: string, start: number, end: number): void {
    this.stats.bytes += Buffer.byteLength(start === 0 && end === text.length ? text : text.slice(start, end));
    this.special = false;
    this.feed(text, start, end, true);
    this.special = true;
  }

  /** The unfinished last line (text after the last LF), if any. */
  pendingLine(): string | undefined {
    return this.partial.length > 0 ? this.partial : undefined;
  }

  /**
   * Forgets the unfinished last line, for a caller that will push it again changed (an editor
   * whose user typed inside the last line).
   */
  dropPendingLine(): void {
    this.stats.bytes -= Buffer.byteLength(this.partial);
    this.partial = '';
    this.overflowing = false;
  }

  /**
   * Ends the text pushed so far as the end of a file would (its unfinished last line a line of its
   * own) and goes on: the next file's lines follow, numbered on (a rotated log's files read as one
   * log: input/logSet.ts). The encoding told from the first file's bytes stays.
   */
  endPart(): void {
    this.end();
  }

  end(): void {
    if (!this.sniffed && this.headBytes > 0) this.decodePush(this.sniff());
    const rest = this.utf16 ? this.utf16.decode() : this.utf8.end();
    this.feed(rest, 0, rest.length, false);
    if (this.pendingCR) this.stats.crLines++;
    this.pendingCR = false;
    if (this.partial.length > 0 || this.overflowing) this.emit(this.partial, this.overflowing);
    this.partial = '';
    this.overflowing = false;
  }

  /** Lines of `text[start, end)`; `clean`: the range holds no CR, NUL, ESC or U+FFFD (pushCleanRange), else it is the whole text. */
  private feed(text: string, start: number, end: number, clean: boolean): void {
    if (this.pendingCR && end > start) {
      this.pendingCR = false;
      if (text.charCodeAt(start) === 10) start++;
      else this.stats.crLines++;
    }
    if (!clean && text.indexOf('\r', start) >= 0) {
      text = this.crToLf(text.slice(start));
      start = 0;
      end = text.length;
    }
    const onSpan = this.onSpan !== undefined && !this.special && (clean || text.indexOf('\u001b', start) < 0) ? this.onSpan : undefined;
    for (;;) {
      // A clean range is cut from a longer text: a line end past `end` is not this range's.
      const nl = text.indexOf('\n', start);
      if (nl < 0 || nl >= end) break;
      if (onSpan !== undefined && this.partial.length === 0 && !this.overflowing && nl - start <= MAX_LINE_CHARS) {
        onSpan(text, start, nl, ++this.stats.lines);
        start = nl + 1;
        continue;
      }
      const special = this.special || this.partialSpecial;
      if (this.overflowing) {
        this.emit(this.partial, true, special);
      } else {
        const full = this.partial.length ? this.partial + text.slice(start, nl) : text.slice(start, nl);
        const cut = full.length > MAX_LINE_CHARS;
        this.emit(cut ? full.slice(0, MAX_LINE_CHARS) : full, cut, special);
      }
      this.partial = '';
      this.partialSpecial = false;
      this.overflowing = false;
      start = nl + 1;
    }
    if (start < end && !this.overflowing) {
      this.partialSpecial ||= this.special;
      this.partial += text.slice(start, end);
      if (this.partial.length > MAX_LINE_CHARS) {
        this.partial = this.partial.slice(0, MAX_LINE_CHARS);
        this.overflowing = true;
      }
    }
  }

  /**
   * CRLF becomes LF and a lone CR a line end of its own, as VS Code and the LSP text documents
   * count lines: the line numbers of a report are the editor's. A CR at the end of the text may
   * be the first half of a CRLF split between chunks.
   */
  private crToLf(text: string): string {
    const last = text.length - 1;
    if (text.charCodeAt(last) === 13) this.pendingCR = true;
    return text.replace(/\r\n?/g, (m, at: number) => {
      if (m.length === 1 && at !== last) this.stats.crLines++;
      return '\n';
    });
  }

  private emit(line: string, truncated: boolean, special = true): void {
    const n = ++this.stats.lines;
    if (truncated) {
      this.stats.truncatedLines++;
      this.stats.firstTruncatedLine ??= n;
    }
    if (special && line.indexOf('\uFFFD') >= 0) {
      this.stats.invalidUtf8Lines++;
      this.stats.firstInvalidUtf8Line ??= n;
    }
    if (special && line.indexOf('\0') >= 0) this.stats.nulLines++;
    if (special) {
      if (hasUnicodeSpace(line)) line = asciiSpaces(line);
      if (hasTypographicQuote(line)) line = asciiQuotes(line);
    }
    this.onLine(line, n);
  }
}
