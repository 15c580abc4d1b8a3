import { createReadStream } from 'node:fs';
import { Parser, type ReadEntry } from 'tar';

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
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 5000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
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
  /** Problems with the archive as a whole (truncated, corrupt, limits reached). */
  problems: string[];
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

/** Reads every regular file of a (gzipped) tar archive into memory, refusing anything unsafe. */
export function readArchive(path: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS, signal?: AbortSignal): Promise<ArchiveContents> {
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
      if (current && !stopped) {
        out.files.push({ path: current.name, size: current.size, content: Buffer.concat(current.chunks), ...(current.mtime ? { mtime: current.mtime } : {}) });
        out.problems.push(`${current.name} is cut short: ${current.size} of ${current.expected} bytes arrived.`);
      }
      resolve(out);
    };
    const source = createReadStream(path, signal ? { signal } : {});
    const stop = (problem: string): void => {
      if (stopped) return;
      stopped = true;
      out.problems.push(problem);
      source.destroy();
      parser.abort(new Error(problem));
    };
    const parser = new Parser({
      strict: false,
      onwarn: (code: string, message: string | Error) => {
        const text = typeof message === 'string' ? message : message.message;
        if (!out.problems.includes(text)) out.problems.push(`${code === 'TAR_BAD_ARCHIVE' || /truncat/i.test(text) ? 'The archive is truncated or damaged' : 'Archive warning'}: ${text}`);
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
          if (total > limits.maxTotalBytes) return stop(`The archive expands to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB; reading stopped there (a decompression bomb?).`);
          reading.chunks.push(c);
        });
        entry.on('end', () => {
          if (current === reading) current = undefined;
          if (stopped) return;
          const file: ArchiveFile = { path: name, size: reading.size, content: Buffer.concat(reading.chunks) };
          if (reading.mtime) file.mtime = reading.mtime;
          if (reading.size < entry.size) out.problems.push(`${name} is cut short: ${reading.size} of ${entry.size} bytes arrived.`);
          out.files.push(file);
        });
      },
    });
    parser.on('error', (err: Error) => {
      if (!stopped) out.problems.push(`The archive is truncated or damaged: ${err.message}`);
      finish();
    });
    parser.on('close', finish);
    source.on('error', (err: NodeJS.ErrnoException) => {
      if (err.name === 'AbortError') reject(err);
      else if (!stopped) {
        out.problems.push(`Cannot read the archive: ${err.message}`);
        finish();
      }
    });
    source.pipe(parser);
  });
}
