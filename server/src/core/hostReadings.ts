import type { FileEvents } from './events/eventCollector';
import { HOSTS_READ, perHostNotice, type HostsSeen } from './events/hostSequence';
import type { Episode, Finding, InputNotice, LogEvent } from './model';

// A file of several devices' interleaved lines (events/hostSequence.ts) is read once per host
// (FileAnalysis.readAgain). The readings are one file to the person (its lines, its notices, its
// summary) and one device each to the detectors and stories: each reading has a file index of its
// own (`hostReadingIndex`), which `finishAnalysis` runs them on as files (every detector and story
// keeps to one file's events), then puts the results back in the file and names each one's host.

/**
 * The file index of a file's `k`th host reading: its events carry it from the start, so the
 * detectors get them without a copy. Negative, so no file's index is one.
 */
export function hostReadingIndex(file: number, k: number): number {
  return -(file * HOSTS_READ + k + 1);
}

/** The share of the file's event budget each of `hosts` readings gets (EventCollector's `eventShare`). */
export function hostEventShare(hosts: number): number {
  return 1 / Math.max(1, hosts);
}

/** The file as the person sees it (one summary, its notices once) over its host readings (`byHost`). */
export function joinHostReadings(read: FileEvents, seen: HostsSeen, readings: FileEvents[]): FileEvents {
  const { host: _host, ...first } = readings[0];
  const notices: InputNotice[] = [];
  const said = new Set<string>();
  for (const r of readings) {
    for (const n of r.notices) {
      const key = `${n.severity} ${n.message}`;
      if (!said.has(key)) notices.push({ ...n, file: read.file });
      said.add(key);
    }
  }
  notices.push({ file: read.file, severity: 'info', message: perHostNotice(seen) });
  const byLine = <T extends { line: number }>(lists: T[][]): T[] => lists.flat().sort((a, b) => a.line - b.line);
  const times = readings.flatMap((r) => [r.summary.firstTime, r.summary.lastTime]).filter((t) => t !== undefined);
  // The file's lines, formats and recognition are the first reading's, which read every line (a
  // host's reading may be fed its lines only); boots and times are the hosts'.
  const { newestFirst: _n, readReversed: _r, dateOrders: _d, yearAssumed: _y, yearFromLine: _w, yearFromDate: _v, ...whole } = read.summary;
  const { newestFirst, readReversed, dateOrders, yearAssumed, yearFromLine, yearFromDate } = first.summary;
  return {
    ...first,
    file: read.file,
    endLine: read.endLine,
    summary: {
      ...whole,
      ...(newestFirst ? { newestFirst } : {}),
      ...(readReversed ? { readReversed } : {}),
      ...(dateOrders ? { dateOrders } : {}),
      ...(yearAssumed !== undefined ? { yearAssumed } : {}),
      ...(yearFromLine !== undefined ? { yearFromLine } : {}),
      ...(yearFromDate !== undefined ? { yearFromDate } : {}),
      // Each reading's first segment is no boot of its own: the boots are the hosts' restarts.
      segments: 1 + readings.reduce((n, r) => n + r.summary.segments - 1, 0),
      ...(times.length > 0 ? { firstTime: Math.min(...times), lastTime: Math.max(...times) } : {}),
    },
    // The whole file's outline: every host's boots and clock jumps, in line order.
    events: byLine(readings.map((r) => r.events)),
    segmentStarts: byLine(readings.map((r) => r.segmentStarts)),
    clockJumps: byLine(readings.map((r) => r.clockJumps)),
    notices,
    hosts: seen,
    byHost: readings,
  };
}

/** Where a reading's results go back: the file's index, and the host named on each. */
interface Back {
  file: number;
  host: string;
}

/**
 * The files the detectors and stories read: each host reading of a file read per host as a file
 * of its own (its index `hostReadingIndex`), the others as they are; and `back`, which the results
 * are put back with (`putBack`).
 */
export function expandHostReadings(files: FileEvents[]): { files: FileEvents[]; back: Map<number, Back> } {
  const back = new Map<number, Back>();
  if (!files.some((f) => f.byHost)) return { files, back };
  const out: FileEvents[] = [];
  for (const f of files) {
    if (!f.byHost) {
      out.push(f);
      continue;
    }
    for (const r of f.byHost) {
      back.set(r.file, { file: f.file, host: r.host ?? '' });
      // The file's own notices and the person's rules are said once, on the file (finishAnalysis).
      out.push({ ...r, notices: [], custom: [] });
    }
  }
  return { files: out, back };
}

/** The findings, stories and events of host readings put back in their file, each naming its host. */
export function putBack(back: Map<number, Back>, found: { events: LogEvent[]; findings: Finding[]; episodes: Episode[] }): { events: LogEvent[]; findings: Finding[]; episodes: Episode[] } {
  if (back.size === 0) return found;
  const events = found.events.map((e) => {
    const b = back.get(e.file);
    return b ? { ...e, file: b.file, device: b.host } : e;
  });
  events.sort((a, b) => a.file - b.file || a.line - b.line);
  const findings = found.findings.map((f) => {
    const b = back.get(f.file);
    return b ? { ...f, file: b.file, device: b.host, message: `${b.host}: ${f.message}` } : f;
  });
  const episodes = found.episodes.map((e) => {
    const b = back.get(e.file);
    return b ? { ...e, file: b.file, device: b.host, title: `${e.title} on ${b.host}` } : e;
  });
  return { events, findings, episodes };
}
