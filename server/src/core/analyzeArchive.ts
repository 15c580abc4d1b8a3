import type { AnalyzeOptions } from './analyze';
import { FileAnalysis, finishAnalysis } from './analyze';
import { readArchive, type ArchiveContents } from './input/archive';
import type { Analysis, FileSummary, InputNotice } from './model';
import { EVENT_DATABASE, eventDatabaseFile } from './troubleshoot/eventDatabaseFile';
import { readDeviceFacts } from './troubleshoot/deviceFacts';
import { ARCHIVE_ALSO_READ as ALSO_READ, ARCHIVE_FACTS as FACTS, ARCHIVE_LOGS as LOGS, compareLogOrder, isLogName, rotatedLogs } from './input/logSet';
import { looksLikeLog } from './input/logSniff';
import { basename } from 'node:path';

// Which files of a troubleshoot archive are logs to analyse, and which only hold facts
// (knowledge 1.7, input/logSet.ts): system.log (with [Dmesg]/[Logread]/[Logfile ...]) and
// per-service logs are logs; sysinfo.log is analysed too, for its lsusb lines; gsm.log and the
// rest give facts. A rotated set (messages.1, messages) is read oldest first, as in a directory.

export interface ArchiveAnalysis extends Analysis {
  archive: { path: string; entries: string[]; refused: ArchiveContents['refused']; problems: string[] };
}

/** Diagnoses a whole troubleshoot archive: its logs, its lsusb, gsm.log and dfota status. */
export async function analyzeArchive(path: string, options: AnalyzeOptions = {}): Promise<ArchiveAnalysis> {
  const contents = await readArchive(path, undefined, options.signal);
  const decoder = (b: Buffer): string => new TextDecoder('utf-8', { fatal: false }).decode(b);
  // A troubleshoot archive names its logs; any other archive (a tar.gz a person made of a journal
  // export, of /var/log) has logs under any name: those named as logs are in a directory, or
  // whose first lines read as a log (a blind probe's `journal-atelier.txt` had been skipped).
  // Its system.log or a file of its device facts tells a troubleshoot archive; a `messages` alone
  // does not (a blind probe's tar.gz of a Pi's /var/log had been read for its messages only).
  const troubleshoot = contents.files.some((f) => TROUBLESHOOT_MARK.test(f.path) || FACTS.test(f.path));
  // (The event database is read as one, below.)
  const isLog = (f: ArchiveContents['files'][number]): boolean => LOGS.test(f.path) || (!troubleshoot && !FACTS.test(f.path) && !EVENT_DATABASE.test(f.path) && (isLogName(basename(f.path)) || looksLikeLog(f.content)));
  const chosen = contents.files.filter((f) => isLog(f) || ALSO_READ.test(f.path)).sort((a, b) => rank(a.path) - rank(b.path) || compareLogOrder(a.path, b.path));
  const facts = readDeviceFacts(contents.files.filter((f) => FACTS.test(f.path)).map((f) => ({ path: f.path, text: decoder(f.content) })));
  // A rotated log's entries (`var/log/syslog.1`, `var/log/syslog`) are one log, read oldest first (input/logSet.ts).
  const byPath = new Map(chosen.map((f) => [f.path, f]));
  const logs = rotatedLogs(chosen.map((f) => f.path)).map((log) => log.map((p) => byPath.get(p)!));
  const files = logs.map((entries, i) => {
    const newest = entries[entries.length - 1];
    const analysis = new FileAnalysis(i, `${path}:${newest.path}`, options.referenceTime ?? newest.mtime, options.fastLane, options.customRules);
    const parts: NonNullable<FileSummary['parts']> = [];
    for (const f of entries) {
      const firstLine = analysis.splitter.stats.lines + 1;
      analysis.splitter.push(f.content);
      if (entries.length > 1) analysis.splitter.endPart();
      parts.push({ path: `${path}:${f.path}`, firstLine, lastLine: analysis.splitter.stats.lines });
      // Read: its bytes may go (memory holds one entry's analysis, not every entry's text).
      f.content = Buffer.alloc(0);
    }
    const read = analysis.finish();
    if (entries.length > 1) read.summary.parts = parts;
    return read;
  });
  const logFiles = logs.map((entries, i) => (entries.some((f) => !ALSO_READ.test(f.path) || LOGS.test(f.path)) ? i : -1)).filter((i) => i >= 0);
  const said: InputNotice[] = [];
  const database = contents.files.find((f) => EVENT_DATABASE.test(f.path));
  if (database) {
    const read = await eventDatabaseFile(database.content, files.length, `${path}:${database.path}`, logFiles.map((i) => files[i]), options);
    if (read.file) files.push(read.file);
    said.push(...read.notices);
  }
  const analysis = finishAnalysis(files, options, { facts, episodeFiles: logFiles });
  const notices = [
    ...said,
    ...contents.problems.map((message) => ({ file: 0, severity: 'warning' as const, message })),
    ...contents.refused.map((r) => ({ file: 0, severity: 'warning' as const, message: `Refused archive entry ${JSON.stringify(r.path)}: ${r.reason}.` })),
  ];
  if (!logFiles.length) notices.push({ file: 0, severity: 'warning', message: `The archive holds no log to analyse: no system.log or messages file, and no file whose lines read as a log (${contents.files.length} files read).` });
  analysis.notices.unshift(...notices);
  return { ...analysis, archive: { path, entries: contents.files.map((f) => f.path), refused: contents.refused, problems: contents.problems } };
}

/** A troubleshoot archive's own log (knowledge 1.7). */
const TROUBLESHOOT_MARK = /(^|\/)system\.log$/;

/** system.log first, so the episode and most findings are in the file people open first. */
function rank(p: string): number {
  if (/(^|\/)system\.log$/.test(p)) return 0;
  if (/messages/.test(p)) return 1;
  if (/service_logs/.test(p)) return 2;
  return 3;
}
