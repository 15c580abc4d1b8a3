import { closeSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';

// A saved log's text left in its file. A big log opened from its file (openFromFile.ts) is held
// as 64 KiB blocks that say where their bytes lie and what they summed to, not as strings: the
// server reads a block again when a hover, a range or a re-read needs its text. Holding the text
// cost its size in memory touched for the first time, which is slow on some machines (a 45 MB
// log on the development machine: 131-137 ms to decode into 1 MiB strings that are kept, 20-22 ms
// into 64 KiB strings dropped after use), and the size itself in the server's memory. Only blocks
// of ASCII without NUL or ESC are left in the file: their text is their bytes, one character a
// byte. Those without CR too (most logs; a log saved on Windows has CRLFs) are `clean`: their
// lines can be read where they lie (logDocument.ts, `isClean`).
//
// A file can change after it was opened (a logger appends, a rotation replaces it). A block whose
// bytes no longer sum to what they did throws `TextGone`; the server then lets the document go and
// asks the client for its text (server.ts), as it does when a file is not the editor's text at
// open. Bytes appended after the blocks do not disturb them.

/** Text kept somewhere other than a string, read when it is needed. It holds no NUL, ESC or U+FFFD. */
export interface KeptText {
  readonly length: number;
  /** Whether it holds no CR either (logDocument.ts, `isClean`). */
  readonly clean: boolean;
  /** The text. Throws `TextGone` when it can no longer be read as it was. */
  read(): string;
  /** Characters `a` to `b` of it, still kept. */
  part(a: number, b: number): KeptText;
}

/** A document's text can no longer be read from its file as it was (the file changed or went). */
export class TextGone extends Error {
  constructor(readonly uri: string, why: string) {
    super(`the text of ${uri} can no longer be read from its file: ${why}`);
    this.name = 'TextGone';
  }
}

/** Bytes in a block: small enough that a block's text is a young string, dropped cheaply after use. */
export const BLOCK_BYTES = 1 << 16;

/** The file blocks are read from, as one document opened it (one object per open). */
export interface BlockSource {
  uri: string;
  path: string;
}

/**
 * Bytes read ahead of the blocks asked for: a re-read asks for every block in turn, and one read
 * of 1 MiB costs less than sixteen of 64 KiB (a 45 MB log: 690 block reads took about 35 ms of a
 * first open, in open, read and close calls). They are kept for one source, the file as one
 * document opened it: bytes served from here are still summed, and a block is its text only if
 * they sum as they did at that open, so old bytes of a file written since can only give that
 * document's own text, never a block of a document opened later.
 */
const AHEAD_BYTES = 1 << 20;
const ahead: { source: BlockSource | undefined; at: number; n: number; bytes: Buffer } = { source: undefined, at: 0, n: 0, bytes: Buffer.allocUnsafeSlow(0) };
/** Where the last block read ended: a read that starts there reads ahead. */
const last: { source: BlockSource | undefined; end: number } = { source: undefined, end: -1 };

/** `length` bytes of the source's file at `at` (fewer at its end), from the bytes read ahead or the file. */
function bytesAt(source: BlockSource, at: number, length: number): Buffer {
  const sequential = last.source === source && last.end === at;
  last.source = source;
  last.end = at + length;
  if (ahead.source === source && at >= ahead.at && at + length <= ahead.at + ahead.n) return ahead.bytes.subarray(at - ahead.at, at - ahead.at + length);
  if (ahead.bytes.length < AHEAD_BYTES) ahead.bytes = Buffer.allocUnsafeSlow(AHEAD_BYTES);
  const want = sequential ? AHEAD_BYTES : Math.min(length, AHEAD_BYTES);
  ahead.source = undefined;
  let n = 0;
  const fd = openSync(source.path, 'r');
  try {
    while (n < want) {
      const got = readSync(fd, ahead.bytes, n, want - n, at + n);
      if (got === 0) break;
      n += got;
    }
  } finally {
    closeSync(fd);
  }
  Object.assign(ahead, { source, at, n });
  return ahead.bytes.subarray(0, Math.min(n, length));
}

/**
 * A sum of a block's bytes that changes when any byte does: CRC-32, native from Node 20.15 and
 * 22.2 (8-10 ms for 45 MB here), else a multiplicative hash of 32-bit words in which each step is
 * one-to-one in both the sum so far and the word, so one changed word always changes the result
 * (31-33 ms for 45 MB, warm). It finds a file that changed by accident; a file written to match on
 * purpose could only make the server show that file's text.
 */
export const blockSum: (bytes: Uint8Array) => number = typeof (zlib as { crc32?: unknown }).crc32 === 'function'
  ? (bytes) => (zlib as unknown as { crc32(data: Uint8Array): number }).crc32(bytes)
  : wordSum;

/** The fallback sum of blockSum (exported for its test). */
export function wordSum(bytes: Uint8Array): number {
  let h = bytes.length | 0;
  const words = bytes.length >>> 2;
  const aligned = (bytes.byteOffset & 3) === 0;
  const view = aligned ? new Int32Array(bytes.buffer, bytes.byteOffset, words) : undefined;
  for (let i = 0; i < words; i++) {
    const w = view ? view[i] : bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24);
    h = Math.imul(((h << 5) | (h >>> 27)) ^ w, 0x9e3779b1);
  }
  for (let i = words * 4; i < bytes.length; i++) h = Math.imul(((h << 5) | (h >>> 27)) ^ bytes[i], 0x9e3779b1);
  return h >>> 0;
}

/** A block of a file: `length` bytes of ASCII at byte `at`, which summed to `sum` when it was read; `clean` without CR. */
export class FileBlock implements KeptText {
  constructor(private readonly source: BlockSource, private readonly at: number, readonly length: number, private readonly sum: number, readonly clean = true) {}

  read(): string {
    let bytes: Buffer;
    try {
      bytes = bytesAt(this.source, this.at, this.length);
    } catch (err) {
      throw new TextGone(this.source.uri, (err as Error).message);
    }
    if (bytes.length < this.length) throw new TextGone(this.source.uri, `the file is shorter than it was (${this.at + bytes.length} bytes)`);
    if (blockSum(bytes) !== this.sum) throw new TextGone(this.source.uri, `bytes ${this.at} to ${this.at + this.length} changed`);
    return bytes.toString('latin1');
  }

  part(a: number, b: number): KeptText {
    return new KeptPart(this, a, b);
  }
}

/** Characters `a` to `b` of a kept text. */
class KeptPart implements KeptText {
  constructor(private readonly whole: KeptText, private readonly a: number, private readonly b: number) {}

  get length(): number {
    return this.b - this.a;
  }

  get clean(): boolean {
    return this.whole.clean;
  }

  read(): string {
    return this.whole.read().slice(this.a, this.b);
  }

  part(a: number, b: number): KeptText {
    return new KeptPart(this.whole, this.a + a, this.a + b);
  }
}
