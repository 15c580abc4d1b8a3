import { catalogueEntry } from '../catalogue/index';
import { describeEvent, fillTemplate } from '../events/describeEvent';
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
  const members = new Map<TimelineMark, Member>();
  for (const e of placed) {
    const t = tOf(e)!;
    const lane = LANE_OF[e.subsystem];
    // A file of several devices (core/hostReadings.ts): one device's burst is not another's.
    const key = `${lane}|${e.id}|${e.device ?? ''}`;
    const m = open.get(key);
    if (m && t - m.endT <= burstUnit && t >= m.t) {
      m.count++;
      m.endT = t;
      join(members.get(m)!, e);
      if (RANK[SEVERITY[e.severity]] < RANK[m.severity]) m.severity = SEVERITY[e.severity];
      continue;
    }
    const mark: TimelineMark = { lane, t, endT: t, line: e.line, severity: SEVERITY[e.severity], label: `${e.device !== undefined ? `${e.device}: ` : ''}${describeEvent(e.id, e.fields, e.text)}`, count: 1 };
    open.set(key, mark);
    members.set(mark, newMember(e));
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
  if (marks.length > options.maxMarks && range) marks = mergeByBin(marks, range, Math.floor(options.maxMarks / LANES.length), members);
  for (const m of marks) if (m.count > 1) m.group = groupLabel(m, members.get(m));

  const density = { start: range?.start ?? 0, width: range ? Math.max((range.end - range.start) / options.densityBins, wall ? 1000 : 1) : 1, error: new Array<number>(options.densityBins).fill(0), warning: new Array<number>(options.densityBins).fill(0), info: new Array<number>(options.densityBins).fill(0) };
  for (const e of placed) {
    const bin = Math.min(options.densityBins - 1, Math.floor((tOf(e)! - density.start) / density.width));
    density[SEVERITY[e.severity]][Math.max(0, bin)]++;
  }

  const gaps: TimelineSpan[] = [];
  // Each device's USB bus on its own: two routers' `1-1` are two devices.
  const byDevice = new Map<string | undefined, LogEvent[]>();
  for (const e of placed) {
    const list = byDevice.get(e.device);
    if (list) list.push(e);
    else byDevice.set(e.device, [e]);
  }
  for (const d of [...byDevice.values()].flatMap((events) => buildUsbHistory(events))) {
    for (const a of d.absences) {
      const start = tOf(a.gone);
      if (start === undefined) continue;
      const end = a.back ? tOf(a.back) : undefined;
      const secs = end !== undefined ? (end - start) / (wall ? 1000 : 1) : undefined;
      gaps.push({ lane: 'usb', start, ...(end !== undefined ? { end } : {}), line: a.gone.line, label: `${a.gone.device !== undefined ? `${a.gone.device}: ` : ''}USB ${d.path} off the bus ${secs !== undefined ? formatDuration(secs) : '(did not come back)'}` });
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
    // A file read in reverse starts, in time, at its last line.
    if (file.summary.firstTime !== undefined) boots.push({ t: file.summary.firstTime, line: file.readOrder ? file.endLine : 1, label: 'Log starts' });
    file.segmentStarts.forEach((s, i) => {
      if (s.time !== undefined) boots.push({ t: s.time, line: s.line, label: `Boot ${i + 2}` });
    });
  }

  return { version: 1, uri, clock, ...(range ? { range } : {}), lanes: LANES, marks, density, gaps, silences, episodes, boots, unplaced };
}

/** What the events of one mark share: their kinds, and each placeholder of the summary they agree on. */
interface Member {
  ids: Set<string>;
  /** The words of each `{placeholder}` of the first kind's summary; null where members differ. */
  values: Map<string, string | null>;
}

function placeholders(e: { id: string; fields: Record<string, string>; text: string }): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const summary = catalogueEntry(e.id)?.summary ?? '{message}';
  for (const [, name] of summary.matchAll(/\{(\w+)\}/g)) out.set(name, fillTemplate(`{${name}}`, e.fields, e.text));
  return out;
}

function newMember(e: { id: string; fields: Record<string, string>; text: string }): Member {
  return { ids: new Set([e.id]), values: placeholders(e) };
}

function join(into: Member, e: { id: string; fields: Record<string, string>; text: string }): void {
  into.ids.add(e.id);
  const mine = placeholders(e);
  for (const [k, v] of into.values) if (v !== mine.get(k)) into.values.set(k, null);
}

function joinMembers(into: Member, other: Member): void {
  for (const id of other.ids) into.ids.add(id);
  for (const [k, v] of into.values) if (v !== other.values.get(k)) into.values.set(k, null);
}

/**
 * What a mark of several events is, with its count: the entry's plural noun ("2 USB disconnects"),
 * else its summary with only the words every member shares ("3 × gsmd could not write to modem 1-1
 * …"), or for a bin of different kinds the lane ("12 USB / kernel events"). Never one member's words.
 */
function groupLabel(m: TimelineMark, member: Member | undefined): string {
  const lane = LANES.find((l) => l.id === m.lane)?.label ?? m.lane;
  if (!member || member.ids.size !== 1) return `${m.count} ${lane} events`;
  const entry = catalogueEntry([...member.ids][0]);
  if (entry?.group) return `${m.count} ${entry.group}`;
  const words = (entry?.summary ?? '{message}').replace(/\{(\w+)\}/g, (_, name: string) => member.values.get(name) ?? '…');
  const shared = words.replace(/\s+\(\)/g, '').replace(/\s{2,}/g, ' ').trim();
  return shared && shared !== '…' ? `${m.count} × ${shared}` : `${m.count} ${lane} events`;
}

/** Merges marks per lane and time bin, keeping the worst severity and the first line. */
function mergeByBin(marks: TimelineMark[], range: { start: number; end: number }, binsPerLane: number, members: Map<TimelineMark, Member>): TimelineMark[] {
  const width = Math.max(1, (range.end - range.start) / binsPerLane);
  const bins = new Map<string, TimelineMark>();
  for (const m of marks) {
    const key = `${m.lane}|${Math.floor((m.t - range.start) / width)}`;
    const b = bins.get(key);
    const mm = members.get(m);
    if (!b) {
      const copy = { ...m };
      if (mm) members.set(copy, { ids: new Set(mm.ids), values: new Map(mm.values) });
      bins.set(key, copy);
      continue;
    }
    const bm = members.get(b);
    if (bm && mm) joinMembers(bm, mm);
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
