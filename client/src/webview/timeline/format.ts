// Time and duration text for the timeline page. Wall times are log times without a zone, carried
// as ms since the epoch read as UTC, so they are rendered in UTC: what the log said, not local time.
import type { TimelinePayload } from '../../../../server/src/core/timeline/timelineTypes';

export type Clock = TimelinePayload['clock'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `2024-12-02 19:54:59` (ms shown only when `withMs`), or `uptime 466.5 s`. */
export function formatTime(clock: Clock, t: number, withMs = false): string {
  if (!Number.isFinite(t)) return '?';
  if (clock === 'uptime') return `uptime ${formatSeconds(t)} s`;
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return '?';
  const base = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return withMs ? `${base}.${String(d.getUTCMilliseconds()).padStart(3, '0')}` : base;
}

/** Seconds with one decimal, without a trailing `.0` on whole values of long uptimes. */
function formatSeconds(s: number): string {
  const r = Math.round(s * 10) / 10;
  return Number.isInteger(r) && Math.abs(r) >= 1000 ? String(r) : r.toFixed(1);
}

/** A duration on the payload clock (ms for wall, s for uptime) as `2 min 31 s`, `1 d 1 h`. */
export function formatDuration(clock: Clock, d: number): string {
  return formatSecondsDuration(clock === 'wall' ? d / 1000 : d);
}

export function formatSecondsDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  s = Math.max(0, s);
  if (s < 10) return `${Math.round(s * 10) / 10} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const two = (a: number, ua: string, b: number, ub: string): string => (b ? `${a} ${ua} ${b} ${ub}` : `${a} ${ua}`);
  if (s < 3600) {
    const t = Math.round(s);
    return two(Math.floor(t / 60), 'min', t % 60, 's');
  }
  if (s < 86400) {
    const m = Math.round(s / 60);
    return two(Math.floor(m / 60), 'h', m % 60, 'min');
  }
  const h = Math.round(s / 3600);
  return two(Math.floor(h / 24), 'd', h % 24, 'h');
}

export interface Tick {
  t: number;
  label: string;
  /** A day boundary (wall clock): drawn stronger. */
  major: boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WALL_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 364 * DAY];

/** Axis ticks between `start` and `end`, at most about `maxTicks` of them. */
export function ticks(clock: Clock, start: number, end: number, maxTicks: number, out: Tick[] = []): Tick[] {
  out.length = 0;
  const span = end - start;
  if (!(span > 0) || !(maxTicks >= 1)) return out;
  let step: number;
  if (clock === 'wall') {
    step = WALL_STEPS.find((s) => span / s <= maxTicks) ?? niceStep(span / maxTicks);
  } else {
    step = niceStep(span / maxTicks);
  }
  const first = Math.ceil(start / step) * step;
  for (let t = first, i = 0; t <= end && i < 1000; i++, t = first + i * step) {
    out.push(clock === 'wall' ? wallTick(t, step) : { t, label: uptimeTick(t, step), major: false });
  }
  return out;
}

function niceStep(raw: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function wallTick(t: number, step: number): Tick {
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return { t, label: '', major: false };
  const midnight = t % DAY === 0;
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const hm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  let label: string;
  if (step >= DAY || (midnight && step >= MINUTE)) label = date;
  else if (step >= MINUTE) label = hm;
  else if (step >= SECOND) label = `${hm}:${pad2(d.getUTCSeconds())}`;
  else label = `${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
  return { t, label, major: midnight };
}

function uptimeTick(t: number, step: number): string {
  if (step < 1) {
    const decimals = Math.min(6, Math.max(1, -Math.floor(Math.log10(step))));
    return `${t.toFixed(decimals)} s`;
  }
  if (Math.abs(t) < 10000) return `${Math.round(t)} s`;
  return formatSecondsDuration(t);
}
