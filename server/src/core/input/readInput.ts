import { isSqliteDatabase } from './eventDatabase';
import { createReadStream, promises as fs } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { sniffEncoding } from './encoding';
import { gunzipKeeping } from './gzip';

/** An input that cannot be read at all: the message is for a person, one line. */
export class InputError extends Error {}

export interface InputInfo {
  /** Last modification time (ms), to date yearless syslog lines. */
  mtime?: number;
  /** What kind of bytes were found, when it matters to the reader. */
  notices: string[];
  compressedBytes?: number;
  /** A file that can be read again from its start (not standard input, not a pipe). */
  rereadable?: boolean;
}

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SNIFF_BYTES = 8192;
/** Bytes per read of a file. */
const CHUNK_BYTES = 1 << 18;
/** A `.gz` log up to this size is read whole and gunzipped keeping what a damaged end held; larger ones stream. */
const GZIP_IN_MEMORY_BYTES = 32 * 1024 * 1024;

/**
 * Streams a file (or stdin with `-`) chunk by chunk to `onChunk`, gunzipping rotated `.gz` logs on
 * the way. Refuses what is not a log with a clear message instead of a stack trace.
 */
export async function readInput(path: string, onChunk: (chunk: Uint8Array) => void, onOpen?: (info: InputInfo) => void, signal?: AbortSignal): Promise<InputInfo> {
  if (path === '-') {
    const info: InputInfo = { notices: [] };
    onOpen?.(info);
    return pump(await gunzipIfGzip(process.stdin), onChunk, info);
  }
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EACCES') throw new InputError(`${path}: permission denied`);
    throw new InputError(`${path}: cannot read (${code ?? (err as Error).message})`);
  }
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory; give the log file inside it (for a troubleshoot archive: system.log)`);
  if (!stat.isFile() && !stat.isFIFO()) throw new InputError(`${path}: is not a regular file`);
  if (!stat.isFile()) {
    // A pipe given by name (`gsmlens diagnose <(ssh router logread)`) cannot be read twice or at
    // a position: it is read once from its start, as standard input is.
    const info: InputInfo = { notices: [] };
    onOpen?.(info);
    return pump(await gunzipIfGzip(createReadStream(path, { highWaterMark: CHUNK_BYTES, ...(signal ? { signal } : {}) })), onChunk, info);
  }
  const info: InputInfo = { mtime: stat.mtimeMs, notices: [], rereadable: true };
  onOpen?.(info);
  if (stat.size === 0) {
    info.notices.push('The file is empty (0 bytes): there is nothing to analyse.');
    return info;
  }
  const head = await readHead(path);
  if (startsWith(head, ZIP)) {
    throw new InputError(`${path}: is a .zip archive (RutOS makes password-protected troubleshoot.tar.zip files); these are not supported: download the troubleshoot file without a password, or unzip it and pass system.log`);
  }
  const gzipped = startsWith(head, GZIP);
  if (isTar(gzipped ? await peekGunzipped(path) : head)) {
    throw new InputError(`${path}: is a tar archive (a troubleshoot archive?); extract system.log from it (tar xzf ${path}) and pass that file`);
  }
  let stream: Readable;
  if (gzipped && stat.size <= GZIP_IN_MEMORY_BYTES) {
    // A rotated .gz log of usual size is gunzipped in memory as GNU gzip does: a bad CRC or bytes
    // after the data keep every line (zlib's stream drops its last output on such an error).
    info.compressedBytes = stat.size;
    const gz = await fs.readFile(path, signal ? { signal } : {});
    stream = gunzipKeeping(gz, { push: (p) => info.notices.push(p) }, { maxRatio: Number.POSITIVE_INFINITY });
  } else if (gzipped) {
    info.compressedBytes = stat.size;
    stream = createReadStream(path, { highWaterMark: CHUNK_BYTES, ...(signal ? { signal } : {}) }).pipe(createGunzip());
  } else {
    binaryNotice(head, info);
    await pumpFile(path, onChunk, signal);
    return info;
  }
  return pump(stream, onChunk, info);
}

function binaryNotice(head: Uint8Array, info: InputInfo): void {
  // UTF-16 text has a zero byte beside each ASCII character: it is text, decoded by the splitter.
  const sniff = sniffEncoding(head).encoding !== 'utf-8' ? 0 : binaryShare(head);
  if (sniff > 0.1) info.notices.push(`The file looks binary (${Math.round(sniff * 100)}% of its first bytes are control characters): only the text lines in it were read.`);
}

/**
 * Reads a plain file with the next read already under way while a chunk is analysed. A read
 * stream asks for the next chunk only after the last one was handled, so the analysis waited for
 * every read (a tenth of the wall time of a 1M-line log was idle in a CPU profile).
 */
async function pumpFile(path: string, onChunk: (chunk: Uint8Array) => void, signal?: AbortSignal): Promise<void> {
  const fh = await fs.open(path, 'r');
  let next: Promise<{ bytesRead: number; buffer: Buffer }> | undefined;
  try {
    let position = 0;
    const read = (): Promise<{ bytesRead: number; buffer: Buffer }> => fh.read(Buffer.allocUnsafe(CHUNK_BYTES), 0, CHUNK_BYTES, position);
    next = read();
    for (;;) {
      const { bytesRead, buffer } = await next;
      next = undefined;
      signal?.throwIfAborted();
      if (bytesRead === 0) return;
      position += bytesRead;
      next = read();
      onChunk(buffer.subarray(0, bytesRead));
    }
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new InputError(`cannot read the input: ${(err as Error).message}`);
  } finally {
    // A read still under way must end before its file is closed.
    await next?.catch(() => undefined);
    await fh.close();
  }
}

/** Whether a path is a tar archive, gzipped or not (a RutOS troubleshoot.tar.gz). */
export async function isTarArchive(path: string): Promise<boolean> {
  if (path === '-') return false;
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat?.isFile() || stat.size === 0) return false;
  const head = await readHead(path);
  return isTar(startsWith(head, GZIP) ? await peekGunzipped(path) : head);
}

/** Largest event database read from disk (a troubleshoot archive caps each entry at 16 MiB). */
export const MAX_EVENT_DATABASE_BYTES = 64 * 1024 * 1024;

/**
 * A file on disk that is an SQLite database (RutOS's event database, `log.db`, input/eventDatabase.ts):
 * its bytes, or undefined when it is none. One over MAX_EVENT_DATABASE_BYTES is refused with an InputError.
 */
export async function readSqliteFile(path: string): Promise<Buffer | undefined> {
  if (path === '-') return undefined;
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat?.isFile() || stat.size < 100 || !isSqliteDatabase(await readHead(path))) return undefined;
  if (stat.size > MAX_EVENT_DATABASE_BYTES) throw new InputError(`${path}: an SQLite database of ${stat.size} bytes is over the ${MAX_EVENT_DATABASE_BYTES}-byte limit for an event database`);
  return fs.readFile(path);
}

/** A file's first `bytes` bytes (fewer when it is shorter). */
export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Buffer> {
  const fh = await fs.open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The first bytes of a gzip stream, decompressed; a truncated stream just yields less. */
function peekGunzipped(path: string): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const src = createReadStream(path, { start: 0, end: 65535 });
    const gz = createGunzip();
    const done = (): void => {
      src.destroy();
      gz.destroy();
      resolve(Buffer.concat(chunks).subarray(0, 1024));
    };
    gz.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      if (size >= 1024) done();
    });
    gz.on('end', done);
    gz.on('error', done);
    src.on('error', done);
    src.pipe(gz);
  });
}

/**
 * Standard input has no name to go by: `gsmlens diagnose - < system.log.1.gz` is recognised by
 * gzip's magic bytes and decompressed, as a `.gz` file is.
 */
async function gunzipIfGzip(stream: Readable): Promise<Readable> {
  // Wait for the first two bytes (a pipe may deliver one byte first), or the end of the input.
  const first = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      stream.off('data', onData);
      stream.off('end', stop);
      stream.off('error', onError);
      stream.pause();
      resolve(Buffer.concat(chunks));
    };
    const onData = (c: Buffer): void => {
      chunks.push(c);
      size += c.length;
      if (size >= GZIP.length) stop();
    };
    const onError = (err: Error): void => reject(new InputError(`cannot read the input: ${err.message}`));
    stream.on('data', onData);
    stream.once('end', stop);
    stream.once('error', onError);
  });
  const rest = new PassThrough();
  if (first.length) rest.write(first);
  if (stream.readableEnded) rest.end();
  else stream.pipe(rest);
  stream.on('error', (err) => rest.destroy(err));
  return startsWith(first, GZIP) ? rest.pipe(createGunzip()) : rest;
}

function pump(stream: Readable, onChunk: (chunk: Uint8Array) => void, info: InputInfo): Promise<InputInfo> {
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => onChunk(chunk));
    stream.on('end', () => resolve(info));
    stream.on('error', (err: NodeJS.ErrnoException) => {
      // A truncated .gz still gave us every complete line before the damage.
      if (err.name === 'AbortError') reject(err);
      else if (err.code === 'Z_BUF_ERROR' || err.code === 'Z_DATA_ERROR' || /unexpected end/i.test(err.message)) {
        info.notices.push(`The compressed file is truncated or damaged (${err.message}): the lines before the damage were read.`);
        resolve(info);
      } else if (err.name !== 'AbortError') reject(new InputError(`cannot read the input: ${err.message}`));
    });
  });
}

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

function isTar(buf: Uint8Array): boolean {
  return buf.length >= 262 && Buffer.from(buf.subarray(257, 262)).toString('latin1') === 'ustar';
}

function binaryShare(buf: Uint8Array): number {
  if (buf.length === 0) return 0;
  let bad = 0;
  for (const b of buf) if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 127) bad++;
  return bad / buf.length;
}
