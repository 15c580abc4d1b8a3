import { isRealClock, isRealDate } from '../formats/timestampGrammar';

export { monthIndex } from '../formats/dateWords';

/** Whether the fields form a real calendar time; a pasted `Dec 32 25:61` is not a timestamp. */
export function validClock(month: number, day: number, h: number, m: number, s: number): boolean {
  return isRealDate(month, day) && isRealClock(h, m, s);
}

/** Logs carry no time zone, so times are kept as written and stored as if they were UTC. */
let dayKey = -1;
let dayStart = 0;

export function wallTime(year: number, month: number, day: number, h: number, m: number, s: number, ms = 0): number {
  // Consecutive lines share their day; Date.UTC once per day keeps a million lines cheap.
  const key = (year * 16 + month) * 32 + day;
  if (key !== dayKey) {
    dayKey = key;
    dayStart = Date.UTC(year, month, day);
  }
  return dayStart + ((h * 60 + m) * 60 + s) * 1000 + ms;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Lines that carry only a time of day are placed on days counted from this base, far from any
 * real date, so their order and gaps hold while no date is invented (formatTime shows the time).
 */
export const TIME_ONLY_BASE = Date.UTC(1000, 0, 1);
const TIME_ONLY_END = Date.UTC(1001, 0, 1);

export function isTimeOnly(t: number): boolean {
  return t >= TIME_ONLY_BASE && t < TIME_ONLY_END;
}

/** `2024-12-02 19:54:59`, the way a person reads a log time; `19:54:59` for a time-only log. */
export function formatTime(t: number): string {
  const d = new Date(t);
  if (isTimeOnly(t)) {
    const day = Math.floor((t - TIME_ONLY_BASE) / 86400_000);
    return `${day > 0 ? `day ${day + 1}, ` : ''}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `19:54:59`. */
export function formatClock(t: number): string {
  const d = new Date(t);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2 min 31 s`, `6 s`, `3 h 2 min`, `1 d 4 h`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s < 86400) return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
  return `${Math.floor(s / 86400)} d${Math.floor((s % 86400) / 3600) ? ` ${Math.floor((s % 86400) / 3600)} h` : ''}`;
}

/** ` at 19:54:59`, ` at uptime 303 s`, or nothing: where something happened, on the best clock it has. */
export function atTime(e: { time?: number; uptime?: number } | undefined): string {
  if (!e) return '';
  if (e.time !== undefined) return ` at ${formatClock(e.time)}`;
  if (e.uptime !== undefined) return ` at uptime ${e.uptime.toFixed(0)} s`;
  return '';
}
