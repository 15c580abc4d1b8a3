import { describeEvent } from '../events/describeEvent';
import type { FileEvents } from '../events/eventCollector';
import { buildUsbHistory } from '../findings/usbHistory';
import type { Analysis, LogEvent, Severity, Subsystem } from '../model';
import { formatDuration } from '../records/timeWords';
import type { LaneId, MarkSeverity, TimelineMark, TimelinePayload, TimelineSpan } from './timelineTypes';

const LANES: { id: LaneId; label: string }[] = [
  { id: 'modem', label: 'Modem daemon' },
  { id: 'usb', label: 'USB / kernel' },
  { id: 'network', label: 'Network' },
  { id: 'mobile-events', label: 'Mobile events' },
  { id: 'system', label: 'System' },
  { id: 'firmware-update', label: 'Firmware update' },
];

const LANE_OF: Record<Subsystem, LaneId> = {
  modem: 'modem', mobifd: 'modem', usb: 'usb', network: 'network', 'mobile-events': 'mobile-events', system: 'system', 'firmware-update': 'firmware-update',
};

const SEVERITY: Record<Severity, MarkSeverity> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };
const RANK: Record<MarkSeverity, number> = { error: 0, warning: 1, info: 2 };

export interface TimelineOptions {
  /** Most marks sent to the page; beyond it marks are merged per lane and time bin. */
  maxMarks: number;
  densityBins: number;
  /** Events of one kind closer than this (s) are one mark. */
  burstSeconds: number;
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = { maxMarks: 3000, densityBins: 400, burstSeconds: 30 };

/**
 * The timeline of a log: marks per subsystem lane, USB absences, gsmd silences, episodes and boots,
 * on one clock (wall time when the log has it, else kernel uptime), bounded in size.
 */
export function buildTimeline(uri: string, analysis: Analysis, file: FileEvents | undefined, options: TimelineOptions = DEFAULT_TIMELINE_OPTIONS): TimelinePayload {
  const wall = analysis.events.some((e) => e.time !== undefined);
  const clock: TimelinePayload['clock'] = wall ? 'wall' : 'uptime';
  const tOf = (e: LogEvent): number | undefined => (wall ? e.time : e.uptime);
  const placed = analysis.events.filter((e) => tOf(e) !== undefined);
  const unplaced = analysis.events.length - placed.length;
  const burstUnit = wall ? options.burstSeconds * 1000 : options.burstSeconds;

  let marks: TimelineMark[] = [];
  const open = new Map<string, TimelineMark>();
  for (const e of placed) {
    const t = tOf(e)!;
    const lane = LANE_OF[e.subsystem];
    const key = `${lane}|${e.id}`;
    const m = open.get(key);
    if (m && t - m.endT <= burstUnit && t >= m.t) {
      m.count++;
      m.endT = t;
      if (RANK[SEVERITY[e.severity]] < RANK[m.severity]) m.severity = SEVERITY[e.severity];
      continue;
    }
    const mark: TimelineMark = { lane, t, endT: t, line: e.line, severity: SEVERITY[e.severity], label: describeEvent(e.id, e.fields, e.text), count: 1 };
    open.set(key, mark);
    marks.push(mark);
  }
  let range: { start: number; end: number } | undefined;
  for (const e of placed) {
    const t = tOf(e)!;
    if (!range) range = { start: t, end: t };
    else if (t < range.start) range.start = t;
    else if (t > range.end) range.end = t;
  }
  const endTime = wall ? file?.endTime ?? analysis.files[0]?.lastTime : undefined;
  if (range && endTime !== undefined && endTime > range.end) range = { start: range.start, end: endTime };
  if (marks.length > options.maxMarks && range) marks = mergeByBin(marks, range, Math.floor(options.maxMarks / LANES.length));
  for (const m of marks) if (m.count > 1) m.label = `${m.label} (×${m.count})`;

  const density = { start: range?.start ?? 0, width: range ? Math.max((range.end - range.start) / options.densityBins, wall ? 1000 : 1) : 1, error: new Array<number>(options.densityBins).fill(0), warning: new Array<number>(options.densityBins).fill(0), info: new Array<number>(options.densityBins).fill(0) };
  for (const e of placed) {
    const bin = Math.min(options.densityBins - 1, Math.floor((tOf(e)! - density.start) / density.width));
    density[SEVERITY[e.severity]][Math.max(0, bin)]++;
  }

  const gaps: TimelineSpan[] = [];
  for (const d of buildUsbHistory(placed)) {
    for (const a of d.absences) {
      const start = tOf(a.gone);
      if (start === undefined) continue;
      const end = a.back ? tOf(a.back) : undefined;
      const secs = end !== undefined ? (end - start) / (wall ? 1000 : 1) : undefined;
      gaps.push({ lane: 'usb', start, ...(end !== undefined ? { end } : {}), line: a.gone.line, label: `USB ${d.path} off the bus ${secs !== undefined ? formatDuration(secs) : '(did not come back)'}` });
    }
  }

  const silences: TimelineSpan[] = [];
  for (const f of analysis.findings.filter((x) => x.code === 'modem-silent')) {
    const at = placed.find((e) => e.line === f.line && e.file === f.file);
    const start = at ? tOf(at) : undefined;
    if (start === undefined) continue;
    const end = range?.end;
    silences.push({ lane: 'modem', start, ...(end !== undefined ? { end } : {}), line: f.line, label: `gsmd silent${end !== undefined ? ` ${formatDuration((end - start) / (wall ? 1000 : 1))}` : ''}` });
  }

  const byLine = new Map(placed.map((e) => [e.line, e]));
  const episodes = analysis.episodes.flatMap((ep) => {
    const ts = ep.evidence.map((l) => byLine.get(l)).map((e) => (e ? tOf(e) : undefined)).filter((t): t is number => t !== undefined);
    if (!ts.length) return [];
    return [{ start: Math.min(...ts), end: Math.max(...ts), verdict: ep.verdictLabel, label: ep.title, line: ep.startLine, severity: ep.severity }];
  });

  const boots: TimelinePayload['boots'] = [];
  if (file && wall) {
    if (file.summary.firstTime !== undefined) boots.push({ t: file.summary.firstTime, line: 1, label: 'Log starts' });
    file.segmentStarts.forEach((s, i) => {
      if (s.time !== undefined) boots.push({ t: s.time, line: s.line, label: `Boot ${i + 2}` });
    });
  }

  return { version: 1, uri, clock, ...(range ? { range } : {}), lanes: LANES, marks, density, gaps, silences, episodes, boots, unplaced };
}

/** Merges marks per lane and time bin, keeping the worst severity and the first line. */
function mergeByBin(marks: TimelineMark[], range: { start: number; end: number }, binsPerLane: number): TimelineMark[] {
  const width = Math.max(1, (range.end - range.start) / binsPerLane);
  const bins = new Map<string, TimelineMark>();
  for (const m of marks) {
    const key = `${m.lane}|${Math.floor((m.t - range.start) / width)}`;
    const b = bins.get(key);
    if (!b) {
      bins.set(key, { ...m });
      continue;
    }
    b.count += m.count;
    b.endT = Math.max(b.endT, m.endT);
    if (RANK[m.severity] < RANK[b.severity] || (m.severity === b.severity && m.line < b.line)) {
      b.severity = m.severity;
      b.label = m.label;
      b.line = m.line;
    }
  }
  return [...bins.values()].sort((a, b) => a.t - b.t);
}
