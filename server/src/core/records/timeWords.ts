// Month abbreviations as they appear in real logs. ctime() (logread) is always English, but
// journalctl and syslog daemons follow the locale: fixture 034 has a lowercase Spanish `jun`.
const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
  // es / it / pt / fr / de variants that differ from the English ones
  ene: 0, gen: 0, fev: 1, 'fév': 1, abr: 3, avr: 3, mai: 4, mag: 4, giu: 5, lug: 6,
  ago: 7, 'aoû': 7, aou: 7, set: 8, out: 9, ott: 9, okt: 9, dic: 11, dez: 11, 'déc': 11,
  'mär': 2, mrz: 2,
};

/** Month index (0-11) for an abbreviation in any common locale, or -1. */
const ENGLISH: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

export function monthIndex(word: string): number {
  const fast = ENGLISH[word];
  if (fast !== undefined) return fast;
  const key = word.slice(0, 3).toLowerCase();
  const m = MONTHS[key];
  return m === undefined ? -1 : m;
}

/** Whether the fields form a real calendar time; a pasted `Dec 32 25:61` is not a timestamp. */
export function validClock(month: number, day: number, h: number, m: number, s: number): boolean {
  return month >= 0 && month < 12 && day >= 1 && day <= 31 && h < 24 && m < 60 && s < 61;
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

/** `2024-12-02 19:54:59`, the way a person reads a log time. */
export function formatTime(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `19:54:59`. */
export function formatClock(t: number): string {
  return formatTime(t).slice(11);
}

/** `2 min 31 s`, `6 s`, `3 h 2 min`, `1 d 4 h`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s < 86400) return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
  return `${Math.floor(s / 86400)} d${Math.floor((s % 86400) / 3600) ? ` ${Math.floor((s % 86400) / 3600)} h` : ''}`;
}
