import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { InputError, readHead } from './readInput';
import { looksLikeLog, SNIFF_BYTES } from './logSniff';

// Which files are logs, and in what order a set of them is read: shared by troubleshoot archives
// (analyzeArchive.ts) and directories named on the command line. A rotated set (messages.2.gz,
// messages.1, messages.0, messages; or syslog-20240101.gz, syslog) is read oldest first, so the
// story reads in time order the way lnav merges files.

/** Logs in a troubleshoot archive (knowledge 1.7): system.log (with its [Logfile ...] sections), messages, per-service logs. */
export const ARCHIVE_LOGS = /(^|\/)(system\.log|messages(\.\d+)?|service_logs\/[^/]+\.log)$/;
/** Read as a log too, for its lsusb lines. */
export const ARCHIVE_ALSO_READ = /(^|\/)sysinfo\.log$/;
/** Files that give device facts; gsm.log only facts (it is a modem trace, not a system log). */
export const ARCHIVE_FACTS = /(^|\/)(sysinfo\.log|gsm\.log|tmp\/dfota_status\.json)$/;
const FACTS_ONLY = /(^|\/)gsm\.log$/;

/** A rotation suffix: `.N`, `-YYYYMMDD` (logrotate's dateext), each optionally `.gz`. */
// `[\s\S]`, not `.`: an archive entry name may hold a line break (found by `npm run fuzz`).
const ROTATION = /^([\s\S]*?)(?:\.(\d{1,4})|-(\d{8}))?(\.gz)?$/;
/** The names of logs in a directory, rotation suffix removed. */
// `log.db`: RutOS's event database, an unpacked troubleshoot archive's (read by analyzeFiles as such).
const LOG_NAME = /^(?:messages|syslog|dmesg|logread|kern|[^/]+\.log|[^/]+\.logread|log\.db)$/;
/** Sub-folders of a directory that hold logs too (as in an unpacked troubleshoot archive). */
const LOG_FOLDERS = ['service_logs'];

export interface Rotation {
  /** The live file's name: `messages` for `messages.2.gz`. */
  base: string;
  /** Larger is older: the live file is -1, `.N` is N, a dated suffix counts back from its date. */
  age: number;
}

/** The rotated set a file name belongs to, and its place in it. */
export function rotationOf(path: string): Rotation {
  const m = ROTATION.exec(path) as RegExpExecArray;
  const [, base, n, date] = m;
  if (n !== undefined) return { base, age: Number(n) };
  if (date !== undefined) return { base, age: 1e8 - Number(date) };
  return { base, age: -1 };
}

/** Orders file names by rotated set (by name), each set oldest first. */
export function compareLogOrder(a: string, b: string): number {
  const ra = rotationOf(a);
  const rb = rotationOf(b);
  if (ra.base !== rb.base) return ra.base < rb.base ? -1 : 1;
  return rb.age - ra.age || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The paths as the logs they are: the files of one rotated log (the same name in the same folder,
 * `syslog.2.gz`, `syslog.1`, `syslog`) are one log, its files oldest first, where the first of them
 * was named; every other path a log of its own. A drop in `syslog.1` whose return is in `syslog`
 * is one story (a blind probe's rotated set had been told "the log ends before it comes back").
 */
export function rotatedLogs(paths: readonly string[]): string[][] {
  const logs: string[][] = [];
  // rotationOf's base keeps the folder: `x/syslog.1` and `x/syslog` share one, `y/syslog` another.
  const bySet = new Map<string, string[]>();
  for (const path of paths) {
    const { base, age } = rotationOf(path);
    const set = path === '-' ? undefined : bySet.get(base);
    if (set && !set.some((p) => rotationOf(p).age === age)) {
      set.push(path);
      continue;
    }
    const log = [path];
    if (path !== '-' && !set) bySet.set(base, log);
    logs.push(log);
  }
  for (const log of logs) if (log.length > 1) log.sort((a, b) => rotationOf(b).age - rotationOf(a).age);
  return logs;
}

/** Whether a file found in a directory is a log to read. */
export function isLogName(name: string): boolean {
  if (name.startsWith('.') || FACTS_ONLY.test(name)) return false;
  return LOG_NAME.test(rotationOf(name).base);
}

/**
 * The files to read for what a person named: a directory gives the logs in it (and in its
 * service_logs/), rotated sets oldest first; a file named twice, by another path or through a
 * symbolic link, is read once (the first time it is named); `-` (standard input) once.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = async (path: string): Promise<void> => {
    const key = path === '-' ? '-' : await identity(path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(path);
  };
  for (const path of paths) {
    const stat = path === '-' ? undefined : await fs.stat(path).catch(() => undefined);
    if (!stat?.isDirectory()) {
      // Missing and unreadable files are refused by readInput with its own message.
      await add(path);
      continue;
    }
    const logs = await logsIn(path);
    if (logs.length === 0) throw new InputError(`${path}: is a directory with no logs in it (looked for messages, syslog, dmesg, logread, *.log and their rotations such as messages.1 or system.log.2.gz, and for files whose first lines read as a log)`);
    for (const log of logs) await add(log);
  }
  return out;
}

async function logsIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const folder of ['', ...LOG_FOLDERS]) {
    const where = folder ? join(dir, folder) : dir;
    const entries = await fs.readdir(where, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (!folder) throw new InputError(`${dir}: cannot list the directory (${err.code ?? err.message})`);
      return [];
    });
    const names = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name).filter((n) => !n.startsWith('.') && !FACTS_ONLY.test(n));
    for (const name of names.sort(compareLogOrder)) {
      const path = join(where, name);
      if (!(await fs.stat(path).catch(() => undefined))?.isFile()) continue;
      // Named as a log, or its first lines read as one (`journal-atelier.txt`, `modem-2024-03.txt`).
      if (isLogName(name) || (!/\.gz$/i.test(name) && looksLikeLog(await readHead(path, SNIFF_BYTES).catch(() => Buffer.alloc(0))))) found.push(path);
    }
  }
  return found;
}

/** The same file under any name: device and inode, else the real path, else the path as given. */
async function identity(path: string): Promise<string> {
  const stat = await fs.stat(path).catch(() => undefined);
  if (stat && (stat.ino !== 0 || stat.dev !== 0)) return `${stat.dev}:${stat.ino}`;
  return fs.realpath(path).catch(() => path);
}
