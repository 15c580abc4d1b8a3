import { createReadStream, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ReadEntry } from 'tar';
import { DEFAULT_GUNZIP_LIMITS, gunzipKeeping, isGzipAt } from './gzip';

// Troubleshoot archives (`troubleshoot.tar.gz` from the RutOS WebUI, knowledge 1.7) are read in
// memory with node-tar, npm's own tar library: it gunzips, parses ustar/pax headers and reports
// truncation. Nothing is ever written to disk, and entries that could be used to escape a target
// folder or exhaust memory are refused by name.

export interface ArchiveLimits {
  /** More entries than this is not a troubleshoot archive; reading stops. */
  maxEntries: number;
  /** Uncompressed bytes kept in memory for all entries together (decompression bombs stop here). */
  maxTotalBytes: number;
  /** Largest single entry kept; larger ones are listed but not read. */
  maxEntryBytes: number;
  /** Decompressed bytes beyond this many times the compressed size: refused as a likely bomb. */
  maxRatio?: number;
}

// A troubleshoot archive's logs are a RAM ring buffer of 128-200 KiB and their rotations (knowledge
// 1.5): 16 MiB is already far more than any real one holds, and the whole archive is held in
// memory while it is read, so these limits are what bound the memory of an archive bomb.
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 5000,
  maxTotalBytes: 32 * 1024 * 1024,
  maxEntryBytes: 16 * 1024 * 1024,
  maxRatio: DEFAULT_GUNZIP_LIMITS.maxRatio,
};

export interface ArchiveFile {
  /** Normalised path inside the archive, without `./`. */
  path: string;
  size: number;
  content: Buffer;
  mtime?: number;
}

export interface RefusedEntry {
  path: string;
  reason: string;
}

export interface ArchiveContents {
  files: ArchiveFile[];
  refused: RefusedEntry[];
  /** Problems with the archive as a whole (truncated, corrupt, limits reached), each said once with its count. */
  problems: string[];
}

/** Problems said once each, with how many times they came (a damaged archive repeats one warning per block). */
class ProblemList {
  private readonly counts = new Map<string, number>();
  /** Set when reading was refused (a likely bomb): what follows from the stop is not a problem of its own. */
  closed = false;
  add(text: string, stop = false): void {
    if (this.closed) return;
    this.counts.set(text, (this.counts.get(text) ?? 0) + 1);
    if (stop) this.closed = true;
  }
  list(): string[] {
    return [...this.counts].map(([text, n]) => (n > 1 ? `${text} (${n} times)` : text));
  }
}

/** Why an entry name is refused, or undefined when it is a plain relative path. */
export function unsafeName(name: string): string | undefined {
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return 'absolute path';
  const parts = name.split(/[\\/]+/);
  if (parts.includes('..')) return 'path leaves the archive (..)';
  if (name.includes('\0')) return 'NUL in the name';
  return undefined;
}

const PLAIN_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/**
 * Reads every regular file of a (gzipped) tar archive into memory, refusing anything unsafe. A
 * gzipped archive is read whole and gunzipped here (`gunzipKeeping`), so damaged gzip data still
 * gives the entries it held.
 */
export async function readArchive(path: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS, signal?: AbortSignal): Promise<ArchiveContents> {
  const head = Buffer.alloc(3);
  const fh = await fs.open(path, 'r');
  try {
    await fh.read(head, 0, 3, 0);
  } finally {
    await fh.close();
  }
  // node-tar is loaded when an archive is read: at start it cost every run (it loads assert, zlib
  // and fs/promises), and most runs read a plain log. Loaded before the source is made, so
  // nothing can happen to the source before the parser listens.
  const { Parser } = await import('tar');
  const problems = new ProblemList();
  let source: Readable;
  if (isGzipAt(head)) {
    const gz = await fs.readFile(path, signal ? { signal } : {});
    source = gunzipKeeping(gz, { push: (p, stop) => problems.add(p, stop) }, { maxRatio: limits.maxRatio ?? DEFAULT_GUNZIP_LIMITS.maxRatio });
  } else source = createReadStream(path, signal ? { signal } : {});
  return parseTar(Parser, source, limits, problems);
}

function parseTar(Parser: typeof import('tar').Parser, source: Readable, limits: ArchiveLimits, problems: ProblemList): Promise<ArchiveContents> {
  return new Promise((resolve, reject) => {
    const out: ArchiveContents = { files: [], refused: [], problems: [] };
    let entries = 0;
    let total = 0;
    let stopped = false;
    let settled = false;
    /** The entry being read: kept so a truncated archive still yields what arrived of it. */
    let current: { name: string; chunks: Buffer[]; size: number; expected: number; mtime?: number } | undefined;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      if (current && !stopped && !problems.closed) {
        out.files.push({ path: current.name, size: current.size, content: Buffer.concat(current.chunks), ...(current.mtime ? { mtime: current.mtime } : {}) });
        problems.add(`${current.name} is cut short: ${current.size} of ${current.expected} bytes arrived.`);
      }
      out.problems = problems.list();
      resolve(out);
    };
    const stop = (problem: string): void => {
      if (stopped) return;
      stopped = true;
      problems.add(problem);
      source.destroy();
      parser.abort(new Error(problem));
    };
    const parser = new Parser({
      strict: false,
      onwarn: (code: string, message: string | Error) => {
        const text = typeof message === 'string' ? message : message.message;
        if (/max decompression ratio/i.test(text)) problems.add(`The archive was refused as a likely decompression bomb (${text}); reading stopped there.`);
        else problems.add(`${code === 'TAR_BAD_ARCHIVE' || /truncat/i.test(text) ? 'The archive is truncated or damaged' : 'Archive warning'}: ${text}`);
      },
      onReadEntry: (entry: ReadEntry) => {
        entries++;
        const name = entry.path.replace(/^\.\/+/, '');
        if (entries > limits.maxEntries) {
          entry.resume();
          return stop(`The archive has more than ${limits.maxEntries} entries; reading stopped there.`);
        }
        const bad = unsafeName(entry.path);
        if (bad) {
          out.refused.push({ path: entry.path, reason: bad });
          return entry.resume();
        }
        if (entry.type === 'Directory') return entry.resume();
        if (!PLAIN_TYPES.has(entry.type)) {
          const what = entry.type === 'SymbolicLink' ? `symbolic link to ${entry.linkpath}` : entry.type === 'Link' ? `hard link to ${entry.linkpath}` : `${entry.type} entry (not a regular file)`;
          out.refused.push({ path: name, reason: what });
          return entry.resume();
        }
        if (entry.size > limits.maxEntryBytes) {
          out.refused.push({ path: name, reason: `${entry.size} bytes is over the ${limits.maxEntryBytes}-byte limit per file` });
          return entry.resume();
        }
        const reading = { name, chunks: [] as Buffer[], size: 0, expected: entry.size, ...(entry.mtime ? { mtime: entry.mtime.getTime() } : {}) };
        current = reading;
        entry.on('data', (c: Buffer) => {
          if (stopped) return;
          reading.size += c.length;
          total += c.length;
          if (total > limits.maxTotalBytes) return stop(`The archive expands to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB; reading stopped there: refused as a likely decompression bomb.`);
          reading.chunks.push(c);
        });
        entry.on('end', () => {
          if (current === reading) current = undefined;
          if (stopped) return;
          const file: ArchiveFile = { path: name, size: reading.size, content: Buffer.concat(reading.chunks) };
          if (reading.mtime) file.mtime = reading.mtime;
          if (reading.size < entry.size) problems.add(`${name} is cut short: ${reading.size} of ${entry.size} bytes arrived.`);
          out.files.push(file);
        });
      },
    });
    parser.on('error', (err: Error) => {
      if (/max decompression ratio/i.test(err.message)) problems.add(`The archive was refused as a likely decompression bomb (${err.message}); reading stopped there.`);
      else if (!stopped) problems.add(`The archive is truncated or damaged: ${err.message}`);
      finish();
    });
    parser.on('close', finish);
    source.on('error', (err: NodeJS.ErrnoException) => {
      if (err.name === 'AbortError') reject(err);
      else if (!stopped) {
        problems.add(`Cannot read the archive: ${err.message}`);
        finish();
      }
    });
    source.pipe(parser);
  });
}
