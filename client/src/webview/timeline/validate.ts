// Everything that reaches the page is checked here before use: messages from the extension and
// the state VS Code gives back. Payload text comes from log lines written by strangers: it is kept
// as plain strings (shown later with textContent or drawn on the canvas, never parsed as HTML), and
// sizes are bounded so a broken or hostile payload cannot make the page unusable.
import type { LaneId, MarkSeverity, TimelineEpisode, TimelineMark, TimelinePayload, TimelineSpan } from '../../../../server/src/core/timeline/timelineTypes';

export type IncomingMessage = { type: 'payload'; payload: TimelinePayload } | { type: 'cursor'; line: number };

/** What the page keeps with `vscode.setState` (small: the payload itself is sent again on load). */
export interface SavedState {
  v: 1;
  uri: string;
  clock: TimelinePayload['clock'];
  window: { start: number; end: number };
  /** The window was the whole range: a grown log shows its whole new range. */
  full: boolean;
  cursorLine?: number;
}

export const LIMITS = { marks: 20000, spans: 5000, episodes: 500, boots: 1000, lanes: 32, bins: 10000, label: 500, uri: 4096 };

const SEVERITIES: readonly MarkSeverity[] = ['error', 'warning', 'info'];
// Wall times are ms since the epoch; beyond ±8.64e15 a Date is invalid.
const MAX_ABS_TIME = 8.64e15;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_ABS_TIME;
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1e9;
const isLaneId = (v: unknown): v is LaneId => typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,39}$/.test(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? (v.length > LIMITS.label ? `${v.slice(0, LIMITS.label)}…` : v) : undefined);

export function parseMessage(data: unknown): IncomingMessage | undefined {
  if (!isObj(data)) return undefined;
  if (data.type === 'cursor') return isLine(data.line) ? { type: 'cursor', line: data.line } : undefined;
  if (data.type === 'payload') {
    const payload = parsePayload(data.payload);
    return payload ? { type: 'payload', payload } : undefined;
  }
  return undefined;
}

/** A clean copy of the payload, or undefined when its frame is wrong. Bad items are dropped. */
export function parsePayload(p: unknown): TimelinePayload | undefined {
  if (!isObj(p) || p.version !== 1) return undefined;
  if (typeof p.uri !== 'string' || p.uri.length > LIMITS.uri) return undefined;
  if (p.clock !== 'wall' && p.clock !== 'uptime') return undefined;
  if (!Array.isArray(p.lanes) || !Array.isArray(p.marks)) return undefined;
  let range: TimelinePayload['range'];
  if (p.range !== undefined) {
    if (!isObj(p.range) || !isTime(p.range.start) || !isTime(p.range.end) || p.range.end < p.range.start) return undefined;
    range = { start: p.range.start, end: p.range.end };
  }
  const lanes: TimelinePayload['lanes'] = [];
  const laneIds = new Set<string>();
  for (const l of p.lanes.slice(0, LIMITS.lanes)) {
    if (!isObj(l) || !isLaneId(l.id) || laneIds.has(l.id)) continue;
    laneIds.add(l.id);
    lanes.push({ id: l.id, label: text(l.label) ?? l.id });
  }
  const marks: TimelineMark[] = [];
  for (const m of p.marks.slice(0, LIMITS.marks)) {
    if (!isObj(m) || !isLaneId(m.lane) || !laneIds.has(m.lane) || !isTime(m.t) || !isLine(m.line)) continue;
    if (!SEVERITIES.includes(m.severity as MarkSeverity)) continue;
    const label = text(m.label);
    if (label === undefined) continue;
    const endT = isTime(m.endT) && m.endT >= m.t ? m.endT : m.t;
    const count = typeof m.count === 'number' && Number.isInteger(m.count) && m.count >= 1 ? m.count : 1;
    const group = count > 1 ? text(m.group) : undefined;
    marks.push({ lane: m.lane, t: m.t, endT, line: m.line, severity: m.severity as MarkSeverity, label, count, ...(group ? { group } : {}) });
  }
  return {
    version: 1,
    uri: p.uri,
    clock: p.clock,
    range,
    lanes,
    marks,
    density: parseDensity(p.density),
    gaps: parseSpans(p.gaps, laneIds),
    silences: parseSpans(p.silences, laneIds),
    episodes: parseEpisodes(p.episodes),
    boots: parseBoots(p.boots),
    unplaced: typeof p.unplaced === 'number' && Number.isInteger(p.unplaced) && p.unplaced >= 0 ? p.unplaced : 0,
  };
}

function parseSpans(v: unknown, laneIds: Set<string>): TimelineSpan[] {
  const out: TimelineSpan[] = [];
  if (!Array.isArray(v)) return out;
  for (const s of v.slice(0, LIMITS.spans)) {
    if (!isObj(s) || !isLaneId(s.lane) || !laneIds.has(s.lane) || !isTime(s.start) || !isLine(s.line)) continue;
    const label = text(s.label);
    if (label === undefined) continue;
    if (s.end !== undefined && !(isTime(s.end) && s.end >= s.start)) continue;
    out.push({ lane: s.lane, start: s.start, end: s.end as number | undefined, line: s.line, label });
  }
  return out;
}

function parseEpisodes(v: unknown): TimelineEpisode[] {
  const out: TimelineEpisode[] = [];
  if (!Array.isArray(v)) return out;
  for (const e of v.slice(0, LIMITS.episodes)) {
    if (!isObj(e) || !isTime(e.start) || !isTime(e.end) || e.end < e.start || !isLine(e.line)) continue;
    const label = text(e.label);
    const verdict = text(e.verdict);
    if (label === undefined || verdict === undefined) continue;
    const severity = e.severity === 'error' || e.severity === 'warning' || e.severity === 'info' || e.severity === 'hint' ? e.severity : undefined;
    out.push({ start: e.start, end: e.end, verdict, label, line: e.line, ...(severity ? { severity } : {}) });
  }
  return out;
}

function parseBoots(v: unknown): TimelinePayload['boots'] {
  const out: TimelinePayload['boots'] = [];
  if (!Array.isArray(v)) return out;
  for (const b of v.slice(0, LIMITS.boots)) {
    if (!isObj(b) || !isTime(b.t) || !isLine(b.line)) continue;
    out.push({ t: b.t, line: b.line, label: text(b.label) ?? 'boot' });
  }
  return out;
}

function parseDensity(v: unknown): TimelinePayload['density'] {
  const empty = { start: 0, width: 1, error: [], warning: [], info: [] };
  if (!isObj(v) || !isTime(v.start) || !isTime(v.width) || !(v.width > 0)) return empty;
  const counts = (a: unknown): number[] | undefined => {
    if (!Array.isArray(a) || a.length > LIMITS.bins) return undefined;
    return a.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) ? (a as number[]).slice() : undefined;
  };
  const error = counts(v.error);
  const warning = counts(v.warning);
  const info = counts(v.info);
  if (!error || !warning || !info) return empty;
  return { start: v.start, width: v.width, error, warning, info };
}

export function parseSavedState(s: unknown): SavedState | undefined {
  if (!isObj(s) || s.v !== 1 || typeof s.uri !== 'string' || (s.clock !== 'wall' && s.clock !== 'uptime')) return undefined;
  const w = s.window;
  if (!isObj(w) || !isTime(w.start) || !isTime(w.end) || !(w.end > w.start)) return undefined;
  return { v: 1, uri: s.uri, clock: s.clock, window: { start: w.start, end: w.end }, full: s.full === true, cursorLine: isLine(s.cursorLine) ? s.cursorLine : undefined };
}
