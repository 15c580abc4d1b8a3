import { isAscii } from 'node:buffer';

const PIECE = 65536;

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
}

/**
 * Bytes in, numbered text lines out. Decodes UTF-8 across chunk boundaries (invalid bytes become
 * U+FFFD and are counted), splits on LF, and bounds memory for a file that is one endless line.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  private partial = '';
  private midCharacter = false;
  /** True while the current line has passed MAX_LINE_CHARS: the rest is skipped until LF. */
  private overflowing = false;
  readonly stats: SplitStats = { lines: 0, bytes: 0, invalidUtf8Lines: 0, truncatedLines: 0, nulLines: 0 };

  constructor(private readonly onLine: (text: string, lineNo: number) => void) {}

  push(chunk: Uint8Array): void {
    this.stats.bytes += chunk.length;
    // Decoding in 64 KiB pieces, and ASCII as latin1, is ten times faster than one big UTF-8
    // decode; the decoder keeps its state for a character split between pieces.
    for (let o = 0; o < chunk.length; o += PIECE) {
      const piece = chunk.subarray(o, Math.min(o + PIECE, chunk.length));
      this.feed(!this.midCharacter && isAscii(piece) ? Buffer.from(piece.buffer, piece.byteOffset, piece.length).toString('latin1') : this.decodeUtf8(piece));
    }
  }

  private decodeUtf8(piece: Uint8Array): string {
    const text = this.decoder.decode(piece, { stream: true });
    // A piece that ends inside a multi-byte character leaves bytes in the decoder.
    const last = piece[piece.length - 1];
    this.midCharacter = last >= 0x80;
    return text;
  }

  pushText(text: string): void {
    this.stats.bytes += Buffer.byteLength(text);
    this.feed(text);
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

  end(): void {
    this.feed(this.decoder.decode());
    if (this.partial.length > 0 || this.overflowing) this.emit(this.partial, this.overflowing);
    this.partial = '';
    this.overflowing = false;
  }

  private feed(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      if (this.overflowing) {
        this.emit(this.partial, true);
      } else {
        const full = this.partial.length ? this.partial + text.slice(start, nl) : text.slice(start, nl);
        const cut = full.length > MAX_LINE_CHARS;
        this.emit(cut ? full.slice(0, MAX_LINE_CHARS) : full, cut);
      }
      this.partial = '';
      this.overflowing = false;
      start = nl + 1;
    }
    if (start < text.length && !this.overflowing) {
      this.partial += text.slice(start);
      if (this.partial.length > MAX_LINE_CHARS) {
        this.partial = this.partial.slice(0, MAX_LINE_CHARS);
        this.overflowing = true;
      }
    }
  }

  private emit(line: string, truncated: boolean): void {
    const n = ++this.stats.lines;
    if (truncated) {
      this.stats.truncatedLines++;
      this.stats.firstTruncatedLine ??= n;
    }
    if (line.indexOf('\uFFFD') >= 0) {
      this.stats.invalidUtf8Lines++;
      this.stats.firstInvalidUtf8Line ??= n;
    }
    if (line.indexOf('\0') >= 0) this.stats.nulLines++;
    this.onLine(line, n);
  }
}
