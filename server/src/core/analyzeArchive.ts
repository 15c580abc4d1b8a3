import type { AnalyzeOptions } from './analyze';
import { FileAnalysis, finishAnalysis } from './analyze';
import { readArchive, type ArchiveContents } from './input/archive';
import type { FileEvents } from './events/eventCollector';
import { readEventDatabase } from './input/eventDatabase';
import type { Analysis, InputNotice } from './model';
import { eventLine, rowsOutsideLog, zoneOffset } from './troubleshoot/eventDatabaseLines';
import { readDeviceFacts } from './troubleshoot/deviceFacts';
import { ARCHIVE_ALSO_READ as ALSO_READ, ARCHIVE_FACTS as FACTS, ARCHIVE_LOGS as LOGS, compareLogOrder } from './input/logSet';

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
  const chosen = contents.files.filter((f) => LOGS.test(f.path) || ALSO_READ.test(f.path)).sort((a, b) => rank(a.path) - rank(b.path) || compareLogOrder(a.path, b.path));
  const facts = readDeviceFacts(contents.files.filter((f) => FACTS.test(f.path)).map((f) => ({ path: f.path, text: decoder(f.content) })));
  const files = chosen.map((f, i) => {
    const analysis = new FileAnalysis(i, `${path}:${f.path}`, options.referenceTime ?? f.mtime, options.fastLane, options.customRules);
    analysis.splitter.push(f.content);
    // Read: its bytes may go (memory holds one entry's analysis, not every entry's text).
    f.content = Buffer.alloc(0);
    return analysis.finish();
  });
  const logFiles = chosen.map((f, i) => (LOGS.test(f.path) ? i : -1)).filter((i) => i >= 0);
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
  if (!chosen.some((f) => LOGS.test(f.path))) notices.push({ file: 0, severity: 'warning', message: `The archive holds no system.log or messages file to analyse (${contents.files.length} files read).` });
  analysis.notices.unshift(...notices);
  return { ...analysis, archive: { path, entries: contents.files.map((f) => f.path), refused: contents.refused, problems: contents.problems } };
}

/** The WebUI's event database (knowledge 1.4, 1.7): `log.db`, from /log or /storage. */
const EVENT_DATABASE = /(^|\/)log\.db$/;

/**
 * The event database's rows the logs do not hold, read as a log of their own
 * (troubleshoot/eventDatabaseLines.ts): on the logs' clock where the events found in both show the
 * router's zone offset, else in UTC; findings only, no story (its rows are events, not the log
 * around them). Undefined file when nothing is left to read; notices say what was read and why.
 */
async function eventDatabaseFile(bytes: Buffer, index: number, path: string, logs: readonly FileEvents[], options: AnalyzeOptions): Promise<{ file?: FileEvents; notices: InputNotice[] }> {
  const db = await readEventDatabase(bytes);
  const notices: InputNotice[] = db.problems.map((p) => ({ file: 0, severity: 'warning' as const, message: `${path}, the WebUI's event database: ${p}.` }));
  if (db.rows.length === 0) return { notices };
  const read = (lines: string[]): FileEvents => {
    const f = new FileAnalysis(index, path, undefined, options.fastLane, options.customRules);
    f.splitter.push(Buffer.from(lines.join('\n') + '\n'));
    return f.finish();
  };
  const zone = zoneOffset(read(db.rows.map((r) => eventLine(r, 0))).events, logs.flatMap((f) => f.events));
  const times = logs.flatMap((f) => (f.summary.firstTime !== undefined && f.summary.lastTime !== undefined ? [f.summary.firstTime, f.summary.lastTime] : []));
  const span = times.length > 0 ? { from: Math.min(...times), to: Math.max(...times) } : undefined;
  const rows = rowsOutsideLog(db.rows, span, zone?.offsetMs);
  const tables = db.tables.map((t) => `${t.name} (${t.rows})`).join(', ');
  const clock = zone
    ? `its times (UTC) were moved by ${zone.offsetMs < 0 ? '-' : '+'}${formatOffset(Math.abs(zone.offsetMs))}, the router's zone offset: ${zone.agreeing} of the ${zone.pairs} events found in both the database and the logs lie that far apart`
    : `its times are UTC (the database keeps the epoch), while the logs' are the router's local time: no two events found in both tell the router's zone offset`;
  const kept = span ? `${rows.length} of them lie outside the logs' span of time${zone ? '' : ' (by more than a zone offset can explain)'} and are read here as lines, one a row; the others are the logs' own events` : 'they are read here as lines, one a row';
  notices.push({ file: index, severity: 'info', message: `The WebUI's event database holds ${db.rows.length} events (tables ${tables}); ${kept}. ${clock[0].toUpperCase()}${clock.slice(1)}.` });
  return rows.length > 0 ? { file: read(rows.map((r) => eventLine(r, zone?.offsetMs ?? 0))), notices } : { notices };
}

/** `2 h`, `5 h 30 min`. */
function formatOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : h === 0 ? `${m} min` : `${h} h ${m} min`;
}

/** system.log first, so the episode and most findings are in the file people open first. */
function rank(p: string): number {
  if (/(^|\/)system\.log$/.test(p)) return 0;
  if (/messages/.test(p)) return 1;
  if (/service_logs/.test(p)) return 2;
  return 3;
}
