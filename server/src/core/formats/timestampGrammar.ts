import { isWeekday, monthIndex, ZONE_WORD, zoneNameOffset } from './dateWords';
import { DEFAULT_ORDER, type DateOrder, type DateOrders, type DateSeparator, type NumericDate } from './dateOrder';

// A timestamp grammar rather than a list of formats: one reader for the stamps that syslog
// daemons, journalctl, `dmesg -T`, LuCI's log page and application loggers print, in the locales
// of dateWords.ts. Formats capture the stamp's text loosely (`STAMP_SPAN`) and this module decides
// what it says, so a stamp shape read in one format is read in all of them.

/**
 * What a log's clock can plausibly say, as data. Routers without a clock source write 1970; no log
 * is from before that, and a year past 2199 is a corrupt line, not a date (it would also break the
 * four-digit years of ISO 8601 in the JSON report). A stamp outside is not read as a time.
 */
export const PLAUSIBLE_YEARS = { first: 1970, last: 2199 } as const;
/** The first wall time of a set clock: earlier ones (1970 and on) are a clock with no time source yet. */
export const YEAR_2000 = Date.UTC(2000, 0, 1);
/** Longest kernel uptime read as one: a century. A longer `[ 99999999999.0]` is a corrupt line. */
export const MAX_UPTIME_SECONDS = 100 * 365 * 86400;

const PLAUSIBLE_FROM = Date.UTC(PLAUSIBLE_YEARS.first, 0, 1);
const PLAUSIBLE_UNTIL = Date.UTC(PLAUSIBLE_YEARS.last + 1, 0, 1);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (0-11); February has 29 when the year is unknown or a leap year. */
export function daysInMonth(month: number, year?: number): number {
  if (month === 1 && year !== undefined && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return 28;
  return DAYS_IN_MONTH[month] ?? 0;
}

/** Whether a date is on the calendar (`Feb 30`, `13/45`, `0000-00-00` are not) and, when it has a year, a plausible one. */
export function isRealDate(month: number, day: number, year?: number): boolean {
  if (!Number.isInteger(month) || month < 0 || month > 11 || !Number.isInteger(day) || day < 1 || day > daysInMonth(month, year)) return false;
  return year === undefined || (year >= PLAUSIBLE_YEARS.first && year <= PLAUSIBLE_YEARS.last);
}

/** Whether a time of day is on the clock (a leap second allowed). */
export function isRealClock(hour: number, minute: number, second: number): boolean {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
}

/** Whether a wall time (ms, as written, stored as UTC) lies within the plausible years. */
export function isPlausibleWallTime(t: number): boolean {
  return t >= PLAUSIBLE_FROM && t < PLAUSIBLE_UNTIL;
}

/** Whether a kernel uptime in seconds is one (not negative, not over a century). */
export function isPlausibleUptime(seconds: number): boolean {
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_UPTIME_SECONDS;
}

/** The parts of a stamp, as written. `year`/`month`/`day` are absent for a time-only stamp. */
export interface StampParts {
  /** Which shape of the grammar read it: `iso`, `numeric`, `month-first`, `day-first`, `time`. */
  shape?: StampShape;
  year?: number;
  /** 0-11. */
  month?: number;
  day?: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /**
   * Zone as written (`CEST`, `+0200`, `Z`). Times stay as written, but for a numeric offset or `Z`
   * (zoneOffsetMinutes): a file's stamps are shown on its first such offset (LineParser.zoneShift).
   */
  zone?: string;
  /** A numeric date with slashes or dashes, year last (`12/02/2024`): its separator and first two numbers as written (dateOrder.ts). */
  numeric?: NumericDate;
}

const TIME = String.raw`(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,:](?<fraction>\d{1,9}))?)?(?:\s?(?<ampm>[AaPp]\.?[Mm]\.?))?`;
const ZONE = String.raw`(?<zone>Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5})`;
const WORD = String.raw`[\p{L}][\p{L}'’.-]{0,24}`;
// A month as Japanese, Chinese and Korean locales write it: its number and 月 or 월 (glibc's ja_JP
// and ko_KR pad the months before October with a space: journalctl's ` 3月 01 00:14:08`).
const MONTH = String.raw`(?:${WORD}|\d{1,2}[月월])`;
// Words some locales put between the date and the time: `à`, `um`, `a les`, `alle`, `om`, `в`;
// Kibana's `@` (its default date format, `MMM D, YYYY @ HH:mm:ss.SSS`, in every Discover export).
const AT = String.raw`(?:(?:à|a|um|a les|a las|alle|om|o|в|at|@)\s+)?`;

export type StampShape = 'iso' | 'numeric' | 'month-first' | 'day-first' | 'time';

const SHAPES: readonly { id: StampShape; re: RegExp }[] = [
  // 2024-12-02T19:54:59.123+02:00, 2024-12-02 19:54:59 (ISO 8601 / RFC 3339, journalctl short-iso)
  // 2024-12-02_19:54:59:123 (Quectel's and other serial tools' logs: an underscore, a colon before the milliseconds)
  { id: 'iso', re: new RegExp(String.raw`^(?<year>\d{4})-(?<mon>\d{1,2})-(?<day>\d{1,2})(?:T|_|\s+)${TIME}(?:\s?${ZONE})?$`, 'u') },
  // 24.01.2026, 15:09:43 MEZ (de), 02/12/2024 19:54 (en-GB), 12/2/2024, 7:54:59 PM (en-US), 2024/12/02 19:54:59,
  // and with a year of two digits: 02.12.24 19:54:59, 12/2/24 7:54:59 PM
  // (A year of four digits before a dash is the iso shape's: refused before the groups are made, as toParts would.)
  { id: 'numeric', re: new RegExp(String.raw`^(?!\d{4}-)(?<a>\d{1,4})(?<sep>[./-])(?<b>\d{1,2})[./-](?<c>\d{2,4})\.?,?\s+${AT}${TIME}(?:\s+${ZONE})?$`, 'u') },
  // Mon Dec  2 19:54:59 2024 (ctime), May 13 15:11:13 (BSD), wto lip  4 21:36:24 2017 (dmesg -T, pl),
  // Apr 23 08:40:12.901864 (journalctl short-precise), Mon Dec  2 19:54:59 CET 2024 (date),
  // jan/02/2024 19:54:59 and jan/02 19:54:59 (MikroTik RouterOS's `/log print`: slashes),
  // Feb 9, 2024 @ 07:53:31.709 (Kibana's default date format),
  // Mar15 11:47 (`dmesg -H`'s minute marker: util-linux's short_ctime is strftime `%b%e %H:%M`,
  // so a day of two digits follows the month with no space)
  { id: 'month-first', re: new RegExp(String.raw`^\x20?(?:(?<wday>${WORD}),?\s+)?(?<mon>${MONTH})(?:\s+|\/(?=\d)|(?=\d{2}\s))(?<day>\d{1,2})(?:st|nd|rd|th)?\.?,?(?:\s+|\/(?=\d{4}\s))(?:(?<year1>\d{4}),?\s+)?${AT}${TIME}(?:\s+${ZONE})?(?:\s+(?<year>\d{4}))?$`, 'u') },
  // 7 de maig 2026, 13:07:01 CEST (ca), 7. Mai 2026 um 13:07:01 (de), 7 мая 2026 г., 13:07:01 (ru), Di, 4. Dez 2024 21:36
  // 02-Dec-2024 19:54:59 (Java's, Oracle's and Apache's dd-MMM-yyyy)
  { id: 'day-first', re: new RegExp(String.raw`^(?:(?<wday>${WORD}),?\s+)?(?<day>\d{1,2})(?:\.?\s+|-)(?:de\s+)?(?<mon>${WORD})(?:\s+|-)(?:de\s+)?(?:(?<year>\d{4})(?:\s*г\.?)?,?\s+)?${AT}${TIME}(?:\s+${ZONE})?$`, 'u') },
  // 19:54:59, 19:54:59.123 (time only: a console, a condensed paste)
  { id: 'time', re: new RegExp(String.raw`^${TIME}(?:\s+${ZONE})?$`, 'u') },
];

/**
 * A loose regex source for a stamp at the start of a line, for use inside a format's pattern with
 * the named group `stamp`: an ISO stamp, or up to five words and numbers ending in a clock time,
 * optionally followed by a zone and a year. Bounded and free of nested ambiguity, so it runs in
 * linear time; `readStamp` then accepts or refuses what it captured.
 */
export const STAMP_SPAN = String.raw`(?<stamp>\d{4}-\d{2}-\d{2}(?:T|\s|_)\d{2}:\d{2}(?::\d{2}(?:[.,:]\d{1,9})?)?(?:Z|\s?[+-]\d{2}:?\d{2}(?=\s|$|\]))?(?:\s(?:${ZONE_WORD})(?=\s|$|\]))?|(?:\x20(?=\d[月월]\s))?(?:(?:[\p{L}\d][\p{L}\d.,'’/-]{0,24}|@)\s+){1,5}\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s+(?:[A-Z]{2,5}(?=\s+\d{4}(?:\s|$)|\s*\]|$)|(?:${ZONE_WORD})(?=\s)))?(?:\s+\d{4}(?=\s|$))?)`;

/** A clock time alone at the start of a line: `19:54:59`, `19:54:59.123`. */
export const TIME_SPAN = String.raw`(?<stamp>\d{1,2}:\d{2}:\d{2}(?:[.,:]\d{1,9})?)`;

/** Stamp text inside brackets: `[7 de maig 2026, 13:07:01 CEST]`, `[wto lip  4 21:36:24 2017]`. */
export const BRACKETED_STAMP = String.raw`\[\s*(?<stamp>[^\[\]]{5,64}?)\s*\]`;

/**
 * Reads a stamp's text, or undefined when it is not a real date and time in a known locale.
 * `orders`: how a numeric date that could be either (`02/12/2024`, `02-12-2024`) is read, as the
 * file's dates say (dateOrder.ts); else as its separator usually means (DEFAULT_ORDER).
 */
export function readStamp(text: string, only?: readonly StampShape[], orders: DateOrders = NO_ORDERS): Readonly<StampParts> | undefined {
  // The full parser tries the formats of its registry in turn, and each that captures the line's
  // stamp reads it (a log4j line: logread, journal-iso and iso-plain read `2024-03-01 12:00:01`):
  // each shape's reading of the last stamp is kept, so a line's stamp is read once per shape.
  // What a shape reads depends on the text and the orders alone, so the memo answers as a read would.
  const memo = lastStamp;
  if (memo.text !== text || memo.orders !== orders) {
    memo.text = text;
    memo.orders = orders;
    memo.read.fill(UNREAD);
  }
  for (let i = 0; i < SHAPES.length; i++) {
    const shape = SHAPES[i];
    if (only && !only.includes(shape.id)) continue;
    let parts = memo.read[i];
    if (parts === UNREAD) {
      const plain = shape.id === 'iso' ? plainIso(text) : NOT_PLAIN;
      if (plain !== NOT_PLAIN) parts = memo.read[i] = plain;
      else {
        const m = shape.re.exec(text);
        parts = memo.read[i] = m ? toParts(shape.id, m.groups!, orders) : undefined;
      }
    }
    if (parts) return parts;
  }
  return undefined;
}

/** No orders given: the separators' usual meaning (one object, so the memo below can compare it). */
const NO_ORDERS: DateOrders = Object.freeze({});
/** A shape's reading not yet made for the memo's text. */
const UNREAD = null;
/** The last stamp read and each shape's reading of it (undefined: refused), in SHAPES' order. */
const lastStamp: { text: string; orders: DateOrders; read: (Readonly<StampParts> | undefined | typeof UNREAD)[] } = {
  text: '',
  orders: NO_ORDERS,
  read: SHAPES.map(() => UNREAD),
};

/** A stamp plainIso does not read: the iso shape's expression reads it. */
const NOT_PLAIN = 0;

/**
 * The iso shape's reading of its plainest stamps, `2024-12-02 19:54:59`, `2024-12-02T19:54:59.123`
 * (`T`, `_` or a space; two-digit fields; a fraction after `.`, `,` or `:`; nothing after), read
 * from the characters: the most common stamp of the logs the full parser reads (application logs,
 * journalctl's short-iso, syslog-ng), whose expression and named groups cost more than the rest of
 * the reading. Anything else, a zone or AM/PM after it included, is NOT_PLAIN. Its answer is the
 * expression's (test/formats.test.ts compares them on generated stamps).
 */
function plainIso(t: string): Readonly<StampParts> | undefined | typeof NOT_PLAIN {
  const n = t.length;
  if (n < 19 || n > 29) return NOT_PLAIN;
  const sep = t.charCodeAt(10);
  if (t.charCodeAt(4) !== 0x2d || t.charCodeAt(7) !== 0x2d || !(sep === 0x54 || sep === 0x5f || sep === 0x20) || t.charCodeAt(13) !== 0x3a || t.charCodeAt(16) !== 0x3a) return NOT_PLAIN;
  const year = digits(t, 0, 4);
  const mon = digits(t, 5, 7);
  const day = digits(t, 8, 10);
  const hour = digits(t, 11, 13);
  const minute = digits(t, 14, 16);
  const second = digits(t, 17, 19);
  if (year < 0 || mon < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return NOT_PLAIN;
  let ms = 0;
  if (n > 19) {
    const mark = t.charCodeAt(19);
    if (!(mark === 0x2e || mark === 0x2c || mark === 0x3a) || n === 20 || digits(t, 20, n) < 0) return NOT_PLAIN;
    ms = +t.slice(20, 23).padEnd(3, '0');
  }
  if (!isRealClock(hour, minute, second)) return undefined;
  const parts: StampParts = { shape: 'iso', hour, minute, second, ms };
  if (!isRealDate(mon - 1, day, year)) return undefined;
  parts.month = mon - 1;
  parts.day = day;
  parts.year = year;
  return parts;
}

/** The number the ASCII digits `t[a, b)` write; -1 when one is not a digit. */
function digits(t: string, a: number, b: number): number {
  let v = 0;
  for (let i = a; i < b; i++) {
    const d = t.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function toParts(shape: StampShape, g: Record<string, string | undefined>, orders: DateOrders): StampParts | undefined {
  let hour = +g.hour!;
  const minute = +g.minute!;
  const second = g.second ? +g.second : 0;
  if (g.ampm) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = /^p/i.test(g.ampm);
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (!isRealClock(hour, minute, second)) return undefined;
  const parts: StampParts = { shape, hour, minute, second, ms: g.fraction ? +g.fraction.slice(0, 3).padEnd(3, '0') : 0 };
  if (g.zone) parts.zone = g.zone;
  if (shape === 'time') return parts;
  if (g.wday && !isWeekday(g.wday)) return undefined;
  let year: number | undefined;
  let month: number;
  let day: number;
  if (shape === 'iso') {
    year = +g.year!;
    month = +g.mon! - 1;
    day = +g.day!;
  } else if (shape === 'numeric') {
    const a = +g.a!, b = +g.b!, c = +g.c!;
    // `2024-12-02 19:54` is the iso shape's (the expression refuses it); a numeric date with dashes is day-first (`02-12-2024`).
    if (g.a!.length === 4) [year, month, day] = [a, b - 1, c];
    else {
      // A year of four digits, or of two (`02.12.24`, `12/2/24`: Windows' and many devices' short
      // dates): 70-99 are the 1900s (a router without a clock source writes 1970), the rest the 2000s.
      if (g.c!.length === 3) return undefined;
      year = g.c!.length === 2 ? (c >= 70 ? 1900 + c : 2000 + c) : c;
      // Dots are day-first everywhere (de, pl, ru). Slashes and dashes go as a number over 12
      // says, else as the file's dates say, else as the separator usually means (dateOrder.ts).
      const sep = g.sep as '.' | DateSeparator;
      const order: DateOrder = sep === '.' || a > 12 ? 'day-first' : b > 12 ? 'month-first' : orders[sep] ?? DEFAULT_ORDER[sep];
      [month, day] = order === 'day-first' ? [b - 1, a] : [a - 1, b];
      if (sep !== '.') parts.numeric = { sep, a, b };
    }
  } else {
    month = monthIndex(g.mon!);
    if (month < 0) return undefined;
    day = +g.day!;
    const y = g.year ?? g.year1;
    if (y) year = +y;
  }
  if (!isRealDate(month, day, year)) return undefined;
  parts.month = month;
  parts.day = day;
  if (year !== undefined) parts.year = year;
  return parts;
}

/**
 * The offset from UTC in minutes of a zone written as `Z` or `+hh:mm` / `+hhmm`, or named by an
 * abbreviation that names one zone (`CEST`, dateWords' zoneNameOffset); undefined for any other
 * name (`IST`), which keeps its times as written.
 */
export function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (zone === 'Z') return 0;
  const named = zoneNameOffset(zone);
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +(m[3] ?? 0));
}

