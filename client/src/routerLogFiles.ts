import { open } from 'node:fs/promises';
import pkg from '../../package.json';
import { LineParser } from '../../server/src/core/records/lineParser';

// Which files are router logs, from the two places that know: the language contribution in
// package.json (file names, patterns) and the core's format registry (what a line looks like).
// No list of its own, so the big-file path cannot drift from what opens as Router Log.

const language = pkg.contributes.languages.find((l) => l.id === 'routerlog')!;
const NAMES = new Set<string>(language.filenames);
const PATTERNS = language.filenamePatterns.map(globToRegExp);

/** VS Code's filename globs (`messages.[0-9]`, `*.logread`) as anchored regexes over a base name. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '[^/\\\\]*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      re += glob.slice(i, end + 1);
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether VS Code opens a file of this name as Router Log. */
export function isRouterLogName(path: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? path;
  return NAMES.has(base) || PATTERNS.some((p) => p.test(base));
}

/** Whether most of the first lines of a text read as log records (the format registry decides). */
export function looksLikeRouterLog(firstLines: readonly string[]): boolean {
  const parser = new LineParser();
  let content = 0;
  let records = 0;
  firstLines.forEach((line, i) => {
    const r = parser.parse(line, i + 1);
    if (typeof r === 'string') return;
    content++;
    if (r.format !== 'text' && r.format !== 'section') records++;
  });
  return content >= 3 && records * 2 > content;
}

/** Reads the first lines of a file (up to 16 KiB) for `looksLikeRouterLog`. */
export async function firstLinesOf(path: string, max = 40): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(16384);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8').split('\n').slice(0, max);
  } finally {
    await handle.close();
  }
}

/** VS Code does not sync files above this size to extensions (nor to language servers). */
export const SYNC_LIMIT = 50 * 1024 * 1024;

/**
 * Whether a file shown in a tab must be read from disk by the server: a `file:` log over the sync
 * limit that VS Code did not sync, not read already at this modification time, and a router log by
 * name or first lines. The same answer at activation (a cold start or a reload with the log already
 * open), on a tab change, and for a restored timeline.
 */
export function needsDiskAnalysis(f: { scheme: string; synced: boolean; size: number | undefined; mtimeMs: number; readAt: number | undefined; routerLog: boolean }): boolean {
  if (f.scheme !== 'file' || f.synced || f.size === undefined || f.size <= SYNC_LIMIT) return false;
  if (f.readAt === f.mtimeMs) return false;
  return f.routerLog;
}
