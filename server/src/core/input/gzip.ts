import { Readable } from 'node:stream';
import { constants, crc32, createInflateRaw } from 'node:zlib';

// Gunzips a troubleshoot archive held in memory the way GNU gzip does: what was decompressed is
// kept when the data turns out damaged. zlib's gunzip checks the CRC at the very end and then
// throws away the output it still held, so a small archive with a bad CRC, or with bytes after
// its gzip data, lost every entry. Here the deflate data is inflated raw (RFC 1951) after reading
// the gzip header (RFC 1952) ourselves; the CRC-32 and length are checked afterwards, and any
// problem becomes a sentence for the person instead of an empty archive.

export interface GunzipLimits {
  /**
   * More decompressed bytes than this many times the compressed size is refused as a likely
   * decompression bomb (node-tar's own guard uses the same ratio); real logs compress 5-20 times.
   */
  maxRatio: number;
}

export const DEFAULT_GUNZIP_LIMITS: GunzipLimits = { maxRatio: 1000 };

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** Whether gzip's magic bytes (and the deflate method) start at `at`. */
export function isGzipAt(buf: Uint8Array, at = 0): boolean {
  return buf[at] === 0x1f && buf[at + 1] === 0x8b && buf[at + 2] === 8;
}

/** Where the deflate data of a gzip member starting at `at` begins, or undefined when the header is cut short. */
function headerEnd(buf: Uint8Array, at: number): number | undefined {
  const flags = buf[at + 3];
  let p = at + 10;
  if (flags & FEXTRA) {
    if (p + 2 > buf.length) return undefined;
    p += 2 + (buf[p] | (buf[p + 1] << 8));
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    while (p < buf.length && buf[p] !== 0) p++;
    p++;
  }
  if (flags & FHCRC) p += 2;
  return p <= buf.length ? p : undefined;
}

const allZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

/**
 * The decompressed bytes of gzip data, member after member, as a stream; `problems` receives one
 * sentence per problem (damaged or cut-short data, a CRC that does not match, bytes after the
 * end, a likely bomb). Whatever was decompressed before a problem is kept.
 */
export function gunzipKeeping(gz: Buffer, problems: { push(problem: string, stop?: boolean): void }, limits: GunzipLimits = DEFAULT_GUNZIP_LIMITS): Readable {
  return Readable.from(members(gz, problems, limits), { objectMode: false });
}

async function* members(gz: Buffer, problems: { push(problem: string, stop?: boolean): void }, limits: GunzipLimits): AsyncGenerator<Buffer> {
  let at = 0;
  let total = 0;
  const budget = Math.max(1, gz.length) * limits.maxRatio;
  for (let member = 0; at < gz.length; member++) {
    if (!isGzipAt(gz, at)) {
      // Zeros after the data are padding some tools add; anything else is noted.
      if (!allZero(gz.subarray(at))) problems.push(`${gz.length - at} bytes after the end of the gzip data were ignored (not gzip data).`);
      return;
    }
    const start = headerEnd(gz, at);
    if (start === undefined) {
      problems.push('The gzip data is truncated or damaged inside its header.');
      return;
    }
    // A sync flush at the end makes a cut-short stream give what it has instead of an error.
    const inflater = createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH });
    const body = gz.subarray(start);
    inflater.end(body);
    let crc = 0;
    let size = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        if (total + chunk.length > budget) {
          yield chunk.subarray(0, Math.max(0, budget - total));
          problems.push(`The archive was refused as a likely decompression bomb: it expands more than ${limits.maxRatio} times its ${gz.length} bytes; reading stopped there.`, true);
          inflater.destroy();
          return;
        }
        crc = crc32(chunk, crc);
        size += chunk.length;
        total += chunk.length;
        yield chunk;
      }
    } catch (err) {
      problems.push(`The gzip data is truncated or damaged (${(err as Error).message}); what was decompressed before the damage was read.`);
      return;
    }
    const trailer = body.subarray(inflater.bytesWritten);
    if (trailer.length < 8) {
      problems.push('The gzip data is truncated or damaged (its end is missing); what arrived was read.');
      return;
    }
    if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== size >>> 0) {
      problems.push('The gzip check (CRC-32 and length) does not match the data: it may be damaged; everything it held was read.');
    }
    at = start + inflater.bytesWritten + 8;
  }
}
