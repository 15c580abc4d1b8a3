// The page's own view of a payload: every drawable thing (mark, USB gap, silence, episode, boot)
// becomes an `Item` with a key, a severity and a rank, so the canvas, the hit test, the tooltip and
// the accessible list all speak about the same objects. Pure functions, no DOM.
import type { MarkSeverity, TimelinePayload } from '../../../../server/src/core/timeline/timelineTypes';
import { formatDuration, formatTime } from './format';

export type ItemKind = 'mark' | 'gap' | 'silence' | 'episode' | 'boot';

export interface Item {
  key: string;
  kind: ItemKind;
  /** Index into `model.lanes`; -1 for episodes and boots, which cross all lanes. */
  lane: number;
  start: number;
  end: number;
  /** A span still open when the log ends (drawn to the end of the range). */
  open: boolean;
  line: number;
  severity: MarkSeverity;
  label: string;
  count: number;
  verdict?: string;
  /** What a group of events is ("2 USB disconnects"): the title of a mark of several events. */
  group?: string;
  /** Episodes: the row of the episode band (stories that overlap in time get rows of their own). */
  row?: number;
  /** Higher is more important: what the bounded accessible list keeps first. */
  rank: number;
}

export interface Window {
  start: number;
  end: number;
}

export interface Model {
  payload: TimelinePayload;
  clock: TimelinePayload['clock'];
  /** The range with a margin, so marks at its ends are not cut in half. The window stays inside. */
  domain: Window;
  minSpan: number;
  lanes: { id: string; label: string }[];
  /** Marks sorted by start. */
  marks: Item[];
  /** Gaps then silences. */
  spans: Item[];
  episodes: Item[];
  /** Rows of the episode band: 1, or more when stories overlap in time. */
  episodeRows: number;
  boots: Item[];
  all: Item[];
  byKey: Map<string, Item>;
  /** Longest burst, to find marks that start left of the window but reach into it. */
  maxMarkLength: number;
  /** (line, time) pairs sorted by line, to place the editor cursor. */
  anchors: { line: number; t: number }[];
}

const SEVERITY_RANK: Record<MarkSeverity, number> = { error: 3, warning: 2, info: 1 };
const KIND_RANK: Record<ItemKind, number> = { episode: 4, silence: 3, gap: 3, mark: 2, boot: 1 };

function rank(kind: ItemKind, severity: MarkSeverity, count: number): number {
  return SEVERITY_RANK[severity] * 1e8 + KIND_RANK[kind] * 1e7 + Math.min(count, 1e7 - 1);
}

export function episodeSeverity(verdict: string): MarkSeverity {
  if (verdict === 'stuck' || verdict === 'failed') return 'error';
  if (verdict === 'succeeded') return 'info';
  return 'warning';
}

/** Undefined for a log without times: nothing can be placed. */
export function buildModel(p: TimelinePayload): Model | undefined {
  if (!p.range) return undefined;
  const clock = p.clock;
  const minSpan = clock === 'wall' ? 1000 : 1;
  const laneIndex = new Map<string, number>();
  p.lanes.forEach((l, i) => laneIndex.set(l.id, i));
  let lo = p.range.start;
  let hi = p.range.end;
  const all: Item[] = [];
  const push = (item: Item): Item => {
    all.push(item);
    lo = Math.min(lo, item.start);
    if (!item.open) hi = Math.max(hi, item.end);
    return item;
  };
  const marks = p.marks
    .map((m, i) => push({ key: `mark:${i}`, kind: 'mark', lane: laneIndex.get(m.lane) ?? 0, start: m.t, end: m.endT, open: false, line: m.line, severity: m.severity, label: m.label, count: m.count, ...(m.count > 1 && m.group ? { group: m.group } : {}), rank: rank('mark', m.severity, m.count) }))
    .sort((a, b) => a.start - b.start || a.lane - b.lane);
  const spans: Item[] = [];
  p.gaps.forEach((g, i) => spans.push(push({ key: `gap:${i}`, kind: 'gap', lane: laneIndex.get(g.lane) ?? 0, start: g.start, end: g.end ?? p.range!.end, open: g.end === undefined, line: g.line, severity: 'warning', label: g.label, count: 1, rank: rank('gap', 'warning', 1) })));
  p.silences.forEach((s, i) => spans.push(push({ key: `silence:${i}`, kind: 'silence', lane: laneIndex.get(s.lane) ?? 0, start: s.start, end: s.end ?? p.range!.end, open: s.end === undefined, line: s.line, severity: 'error', label: s.label, count: 1, rank: rank('silence', 'error', 1) })));
  const episodes = p.episodes.map((e, i) => {
    const severity: MarkSeverity = e.severity === 'hint' ? 'info' : e.severity ?? episodeSeverity(e.verdict);
    return push({ key: `episode:${i}`, kind: 'episode', lane: -1, start: e.start, end: e.end, open: false, line: e.line, severity, label: e.label, count: 1, verdict: e.verdict, rank: rank('episode', severity, 1) });
  });
  const episodeRows = stackRows(episodes);
  const boots = p.boots.map((b, i) => push({ key: `boot:${i}`, kind: 'boot', lane: -1, start: b.t, end: b.t, open: false, line: b.line, severity: 'info', label: b.label, count: 1, rank: rank('boot', 'info', 1) }));
  for (const s of spans) if (s.end < s.start) s.end = s.start;
  const span = Math.max(hi - lo, minSpan);
  const margin = Math.max(span * 0.015, minSpan / 2);
  const anchors = all.map((it) => ({ line: it.line, t: it.start })).sort((a, b) => a.line - b.line || a.t - b.t);
  return {
    payload: p,
    clock,
    domain: { start: lo - margin, end: hi + margin },
    minSpan,
    lanes: p.lanes,
    marks,
    spans,
    episodes,
    episodeRows,
    boots,
    all,
    byKey: new Map(all.map((it) => [it.key, it])),
    maxMarkLength: marks.reduce((m, it) => Math.max(m, it.end - it.start), 0),
    anchors,
  };
}

/** Most rows of the episode band; a story beyond them shares the row that frees up first. */
export const MAX_EPISODE_ROWS = 4;

/**
 * Gives every episode a row so that episodes in one row never overlap in time (their bars, and the
 * labels drawn inside the bars, cannot collide): greedy by start, the first row free at the start.
 * Returns the number of rows used.
 */
export function stackRows(episodes: Item[]): number {
  const ends: number[] = [];
  const order = [...episodes].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const ep of order) {
    let row = ends.findIndex((end) => end < ep.start);
    if (row < 0 && ends.length < MAX_EPISODE_ROWS) row = ends.push(ep.end) - 1;
    else if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = Math.max(ends[row], ep.end);
    ep.row = row;
  }
  return Math.max(1, ends.length);
}

/**
 * The time of an editor line: the time of a mark (or span, boot) on that line; between two known
 * lines, interpolated when time goes forward between them; otherwise the nearest known line before.
 */
export function timeOfLine(model: Model, line: number): { t: number; exact: boolean } {
  const a = model.anchors;
  const range = model.payload.range!;
  if (a.length === 0) return { t: range.start, exact: false };
  // Last anchor with anchor.line <= line.
  let lo = 0;
  let hi = a.length - 1;
  let prev = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid].line <= line) {
      prev = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (prev >= 0 && a[prev].line === line) {
    // Several items may share the line: take the earliest time among them.
    let i = prev;
    while (i > 0 && a[i - 1].line === line) i--;
    return { t: a[i].t, exact: true };
  }
  const next = prev + 1 < a.length ? a[prev + 1] : undefined;
  if (prev < 0) return { t: next ? Math.min(next.t, range.start) : range.start, exact: false };
  const p = a[prev];
  if (next && next.t >= p.t && next.line > p.line) {
    return { t: p.t + ((next.t - p.t) * (line - p.line)) / (next.line - p.line), exact: false };
  }
  return { t: p.t, exact: false };
}

// ----- the visible window -----

export function clampWindow(w: Window, domain: Window, minSpan: number): Window {
  const domainSpan = domain.end - domain.start;
  let span = Math.min(Math.max(w.end - w.start, Math.min(minSpan, domainSpan)), domainSpan);
  if (!Number.isFinite(span) || span <= 0) span = domainSpan;
  let start = Number.isFinite(w.start) ? w.start : domain.start;
  start = Math.min(Math.max(start, domain.start), domain.end - span);
  return { start, end: start + span };
}

/** Zoom by `factor` (< 1 zooms in) keeping the time under `anchor` where it is. */
export function zoomWindow(w: Window, factor: number, anchor: number, domain: Window, minSpan: number): Window {
  const span = w.end - w.start;
  const newSpan = Math.min(Math.max(span * factor, minSpan), domain.end - domain.start);
  const ratio = span > 0 ? (anchor - w.start) / span : 0.5;
  const start = anchor - ratio * newSpan;
  return clampWindow({ start, end: start + newSpan }, domain, minSpan);
}

export function panWindow(w: Window, dt: number, domain: Window, minSpan: number): Window {
  return clampWindow({ start: w.start + dt, end: w.end + dt }, domain, minSpan);
}

export function isFull(w: Window, domain: Window): boolean {
  const eps = (domain.end - domain.start) * 1e-9;
  return w.start <= domain.start + eps && w.end >= domain.end - eps;
}

export function covers(outer: Window, inner: Window): boolean {
  return inner.start >= outer.start && inner.end <= outer.end && inner.end > inner.start;
}

// ----- words for tooltips and screen readers -----

const KIND_WORD: Record<ItemKind, string> = { mark: '', gap: 'USB absence', silence: 'Silence', episode: 'Episode', boot: 'Boot' };
const SEVERITY_WORD: Record<MarkSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function laneLabel(model: Model, it: Item): string {
  return it.lane >= 0 ? (model.lanes[it.lane]?.label ?? '') : 'all lanes';
}

/** The time part: `2024-12-02 19:54:59 → 19:55:05 (6 s)`. */
export function itemTimeText(model: Model, it: Item): string {
  const from = formatTime(model.clock, it.start);
  if (it.kind === 'boot' || (it.kind === 'mark' && it.end === it.start)) return from;
  const toFull = it.open ? 'end of log' : formatTime(model.clock, it.end);
  // Same day: only the time of day for the end.
  const to = model.clock === 'wall' && !it.open && toFull.slice(0, 10) === from.slice(0, 10) ? toFull.slice(11) : toFull;
  return `${from} → ${to} (${formatDuration(model.clock, it.end - it.start)}${it.open ? ', still open' : ''})`;
}

/** The title line: the label, with the verdict of an episode and the count of a burst. */
export function itemTitle(it: Item): string {
  if (it.kind === 'episode') return `${it.label}: ${it.verdict ?? ''}`;
  if (it.kind === 'mark' && it.count > 1) return it.group ?? `×${it.count} ${it.label}`;
  return it.label;
}

/** Everything a screen reader needs, in one sentence-like string (plain text, set as aria-label). */
export function itemAriaLabel(model: Model, it: Item): string {
  const parts = [it.kind === 'mark' ? SEVERITY_WORD[it.severity] : KIND_WORD[it.kind]];
  if (it.kind === 'episode') parts.push(`verdict ${it.verdict ?? ''}`);
  parts.push(laneLabel(model, it), itemTimeText(model, it));
  if (it.group) parts.push(it.group, `first: ${it.label}`);
  else {
    parts.push(it.label);
    if (it.count > 1) parts.push(`${it.count} events`);
  }
  parts.push(`line ${it.line}`);
  return parts.join('. ');
}

export function kindWord(it: Item): string {
  return it.kind === 'mark' ? SEVERITY_WORD[it.severity] : KIND_WORD[it.kind];
}
