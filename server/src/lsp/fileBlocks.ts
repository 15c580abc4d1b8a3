import { closeSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';

// A saved log's text left in its file. A big log opened from its file (openFromFile.ts) is held
// as 64 KiB blocks that say where their bytes lie and what they summed to, not as strings: the
// server reads a block again when a hover, a range or a re-read needs its text. Holding the text
// cost its size in memory touched for the first time, which is slow on some machines (a 45 MB
// log on the development machine: 131-137 ms to decode into 1 MiB strings that are kept, 20-22 ms
// into 64 KiB strings dropped after use), and the size itself in the server's memory. Only blocks
// of ASCII without CR, NUL or ESC are left in the file: their text is their bytes, one character
// a byte, and their lines can be read where they lie (logDocument.ts, `isClean`).
//
// A file can change after it was opened (a logger appends, a rotation replaces it). A block whose
// bytes no longer sum to what they did throws `TextGone`; the server then lets the document go and
// asks the client for its text (server.ts), as it does when a file is not the editor's text at
// open. Bytes appended after the blocks do not disturb them.

/** Text kept somewhere other than a string, read when it is needed. It holds no CR, NUL, ESC or U+FFFD. */
export interface KeptText {
  readonly length: number;
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

/** The file blocks are read from. */
export interface BlockSource {
  uri: string;
  path: string;
}

/** One buffer for every block read: a read's text is decoded from it before the next read. */
const buffer = Buffer.allocUnsafeSlow(BLOCK_BYTES);

/**
 * A sum of a block's bytes that changes when any byte does (CRC-32, native where Node has it,
 * else a multiplicative hash of 32-bit words in which each step is one-to-one in both the sum so far
 * and the word, so one changed word always changes the result). It finds a file that changed by
 * accident; a file written to match on purpose could only make the server show that file's text.
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

/** A block of a file: `length` bytes of ASCII at byte `at`, which summed to `sum` when it was read. */
export class FileBlock implements KeptText {
  constructor(private readonly source: BlockSource, private readonly at: number, readonly length: number, private readonly sum: number) {}

  read(): string {
    let fd: number | undefined;
    let n = 0;
    try {
      fd = openSync(this.source.path, 'r');
      while (n < this.length) {
        const got = readSync(fd, buffer, n, this.length - n, this.at + n);
        if (got === 0) break;
        n += got;
      }
    } catch (err) {
      throw new TextGone(this.source.uri, (err as Error).message);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const bytes = buffer.subarray(0, n);
    if (n < this.length) throw new TextGone(this.source.uri, `the file is shorter than it was (${this.at + n} bytes)`);
    if (blockSum(bytes) !== this.sum) throw new TextGone(this.source.uri, `bytes ${this.at} to ${this.at + n} changed`);
    return buffer.toString('latin1', 0, n);
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

  read(): string {
    return this.whole.read().slice(this.a, this.b);
  }

  part(a: number, b: number): KeptText {
    return new KeptPart(this.whole, this.a + a, this.a + b);
  }
}
