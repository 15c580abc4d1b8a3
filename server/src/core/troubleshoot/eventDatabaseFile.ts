import { FileAnalysis, type AnalyzeOptions } from '../analyze';
import type { FileEvents } from '../events/eventCollector';
import { readEventDatabase, type EventRow } from '../input/eventDatabase';
import type { InputNotice } from '../model';
import { formatDuration } from '../records/timeWords';
import { eventLine, mayBeInLog, rowsOutsideLog, zoneOffset } from './eventDatabaseLines';

/** The WebUI's event database (knowledge 1.4, 1.7): `log.db`, from /log or /storage. */
export const EVENT_DATABASE = /(^|\/)log\.db$/;

/**
 * The event database's rows the logs do not hold, read as a log of their own
 * (troubleshoot/eventDatabaseLines.ts): on the logs' clock where the events found in both show the
 * router's zone offset, else in UTC; findings only, no story (its rows are events, not the log
 * around them). Undefined file when nothing is left to read; notices say what was read and why.
 */
export async function eventDatabaseFile(bytes: Buffer, index: number, path: string, logs: readonly FileEvents[], options: AnalyzeOptions): Promise<{ file?: FileEvents; notices: InputNotice[] }> {
  const db = await readEventDatabase(bytes);
  const notices: InputNotice[] = db.problems.map((p) => ({ file: 0, severity: 'warning' as const, message: `${path}, the WebUI's event database: ${p}.` }));
  if (db.rows.length === 0) return { notices };
  // Rows read a thousand lines at a time: no string of the whole database is made.
  const read = (rows: readonly EventRow[], offsetMs: number): FileEvents => {
    const f = new FileAnalysis(index, path, undefined, options.fastLane, options.customRules);
    for (let i = 0; i < rows.length; i += 1000) f.splitter.push(Buffer.from(rows.slice(i, i + 1000).map((r) => `${eventLine(r, offsetMs)}\n`).join('')));
    return f.finish();
  };
  const times = logs.flatMap((f) => (f.summary.firstTime !== undefined && f.summary.lastTime !== undefined ? [f.summary.firstTime, f.summary.lastTime] : []));
  const span = times.length > 0 ? { from: Math.min(...times), to: Math.max(...times) } : undefined;
  // Only rows a zone offset can put inside the logs' span may be the logs' own events.
  const near = span ? db.rows.filter((r) => mayBeInLog(r, span, undefined)) : [];
  const zone = near.length > 0 ? zoneOffset(read(near, 0).events, logs.flatMap((f) => f.events)) : undefined;
  const rows = rowsOutsideLog(db.rows, span, zone?.offsetMs);
  const tables = db.tables.map((t) => `${t.name} (${t.rows})`).join(', ');
  const clock = zone
    ? `its times (UTC) were moved by ${zone.offsetMs < 0 ? '-' : '+'}${formatDuration(Math.abs(zone.offsetMs) / 1000)}, the router's zone offset: ${zone.agreeing} of the ${zone.pairs} events found in both the database and the logs lie that far apart`
    : `its times are UTC (the database keeps the epoch), while the logs' are the router's local time: no two events found in both tell the router's zone offset`;
  const kept = span ? `${rows.length} of them lie outside the logs' span of time${zone ? '' : ' (by more than a zone offset can explain)'} and are read here as lines, one a row; the others are the logs' own events` : 'they are read here as lines, one a row';
  notices.push({ file: rows.length > 0 ? index : 0, severity: 'info', message: `The WebUI's event database holds ${db.rows.length} events (tables ${tables}); ${kept}. ${clock[0].toUpperCase()}${clock.slice(1)}.` });
  return rows.length > 0 ? { file: read(rows, zone?.offsetMs ?? 0), notices } : { notices };
}
