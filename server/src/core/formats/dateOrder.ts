/**
 * Which number comes first in a file's numeric dates. `02/12/2024` is 2 December to en-GB, fr or
 * es (a LuCI log table copied from a browser in those locales, a spreadsheet's export) and 12
 * February to en-US; `12-25-2024` is an American's 25 December, `02-12-2024` a European's 2
 * December. A date whose first number is over 12 can only be day first, one whose second is over
 * 12 only month first; between two dates of a log, a day changes far more often than a month, so
 * dates that change in one number alone tell which one is the day (read the other way, a log that
 * passes midnight from 01/12 to 02/12 would leap a month). The timestamp grammar reads a date
 * that could be either as its separator usually means (DEFAULT_ORDER) unless told otherwise; this
 * is what a file's dates say, gathered as the parser reads them, and the reading it calls for.
 * Dates with dots are day first everywhere (de, pl, ru), and year-first dates are ISO's order.
 */
export type DateOrder = 'day-first' | 'month-first';
export type DateSeparator = '/' | '-';

/** How a date that could be either is read when the file does not say: slashes as en-US, dashes as Europe writes them. */
export const DEFAULT_ORDER: Readonly<Record<DateSeparator, DateOrder>> = { '/': 'month-first', '-': 'day-first' };

/** The reading a file calls for, where it is not DEFAULT_ORDER's. */
export type DateOrders = Partial<Record<DateSeparator, DateOrder>>;

/** A numeric date as written, year last: its separator and its first two numbers. */
export interface NumericDate {
  sep: DateSeparator;
  a: number;
  b: number;
}

interface Evidence {
  /** Dates read. */
  dates: number;
  /** Dates whose first number is over 12 (day first). */
  dayFirst: number;
  /** Dates whose second number is over 12 (month first). */
  monthFirst: number;
  /** Steps from one date to the next that change its first number and keep its second. */
  firstChanges: number;
  /** Steps that change its second number and keep its first. */
  secondChanges: number;
  /** The last date's two numbers, as written. */
  last?: readonly [number, number];
  /** Dates on a line with a Unix time (NetworkManager's `[1796621804.0200]`) that falls on the date read day first, and not on it read month first. */
  unixDayFirst?: number;
  /** ... on the date read month first, and not day first. */
  unixMonthFirst?: number;
  /** The first such line. */
  unixLine?: number;
}

/** What a file's numeric dates say of their order, per separator. */
export type DateEvidence = Partial<Record<DateSeparator, Evidence>>;

/** Counts a date as written; `e` is the file's evidence (a copy per editor snapshot: copyEvidence). */
export function noteDate(e: DateEvidence, date: NumericDate): void {
  const x = (e[date.sep] ??= { dates: 0, dayFirst: 0, monthFirst: 0, firstChanges: 0, secondChanges: 0 });
  const { a, b } = date;
  x.dates++;
  if (a > 12) x.dayFirst++;
  if (b > 12) x.monthFirst++;
  const last = x.last;
  if (last && a !== last[0] && b === last[1]) x.firstChanges++;
  if (last && b !== last[1] && a === last[0]) x.secondChanges++;
  x.last = [a, b];
}

/**
 * A date as written on a line that also carries a Unix time (NetworkManager's and ModemManager's
 * `<info>  [1796621804.0200]`): the Unix time names the day whatever the zone, so the reading
 * whose day it falls on is the file's (a blind probe's `07/12/2026` beside NetworkManager's
 * time of 7 December had been read as 12 July). A day is a day in any zone from UTC-12 to UTC+14.
 */
export function noteUnixWitness(e: DateEvidence, date: NumericDate, year: number, unixSeconds: number, line: number): void {
  const x = e[date.sep];
  if (!x || date.a === date.b || date.a > 12 || date.b > 12) return;
  const at = unixSeconds * 1000;
  const onDay = (month: number, day: number): boolean => {
    const start = Date.UTC(year, month - 1, day);
    return at >= start - 12 * HOUR && at < start + DAY + 14 * HOUR;
  };
  const dayFirst = onDay(date.b, date.a);
  const monthFirst = onDay(date.a, date.b);
  if (dayFirst === monthFirst) return;
  if (dayFirst) x.unixDayFirst = (x.unixDayFirst ?? 0) + 1;
  else x.unixMonthFirst = (x.unixMonthFirst ?? 0) + 1;
  x.unixLine ??= line;
}
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function copyEvidence(e: DateEvidence): DateEvidence {
  const out: DateEvidence = {};
  for (const sep of Object.keys(e) as DateSeparator[]) out[sep] = { ...e[sep]! };
  return out;
}

/** What the dates say, when it is not what they were read as: the order per separator and why. */
export function ordersCalledFor(e: DateEvidence, read: DateOrders = {}): { orders: DateOrders; why: string[] } | undefined {
  const orders: DateOrders = {};
  const why: string[] = [];
  for (const sep of Object.keys(e) as DateSeparator[]) {
    const said = saidOrder(e[sep]!);
    if (said && said.order !== (read[sep] ?? DEFAULT_ORDER[sep])) {
      orders[sep] = said.order;
      why.push(`${SEPARATOR_NAMES[sep]} were read ${said.order.replace('-', ' ')} (${WRITTEN[sep][said.order]}): ${said.why}`);
    }
  }
  return why.length ? { orders, why } : undefined;
}

const SEPARATOR_NAMES: Record<DateSeparator, string> = { '/': 'Dates written with slashes', '-': 'Dates written with dashes' };
const WRITTEN: Record<DateSeparator, Record<DateOrder, string>> = {
  '/': { 'day-first': 'dd/mm/yyyy, as en-GB, fr or es write them, not en-US\'s mm/dd/yyyy', 'month-first': 'mm/dd/yyyy, as en-US writes them' },
  '-': { 'day-first': 'dd-mm-yyyy, as Europe writes them', 'month-first': 'mm-dd-yyyy, as en-US writes them, not dd-mm-yyyy' },
};

/** The order a separator's dates say, and why: one number over 12 and never the other, or changes in one number alone, more than in the other. */
function saidOrder(x: Evidence): { order: DateOrder; why: string } | undefined {
  const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);
  const over = (n: number, which: string, other: string): string => `${n === 1 ? 'a date has' : `${n} dates have`} a ${which} number over 12, and none a ${other}`;
  const changes = (day: number, month: number, which: string): string => (month === 0
    ? `from one date to the next only the ${which} number changes (${times(day)}), as a day does`
    : `from one date to the next the ${which} number changes ${times(day)} and the other ${times(month)}: a day changes more often than a month`);
  if (x.dayFirst > 0 && x.monthFirst === 0) return { order: 'day-first', why: over(x.dayFirst, 'first', 'second') };
  if (x.monthFirst > 0 && x.dayFirst === 0) return { order: 'month-first', why: over(x.monthFirst, 'second', 'first') };
  if (x.dayFirst > 0 || x.monthFirst > 0) return undefined;
  const unixDay = x.unixDayFirst ?? 0;
  const unixMonth = x.unixMonthFirst ?? 0;
  const unix = (n: number, order: DateOrder): string => `the Unix time on line ${x.unixLine}${n > 1 ? ` (and on ${n - 1} more)` : ''} falls on its date read ${order.replace('-', ' ')}, not on it read the other way`;
  if (unixDay > 0 && unixMonth === 0) return { order: 'day-first', why: unix(unixDay, 'day-first') };
  if (unixMonth > 0 && unixDay === 0) return { order: 'month-first', why: unix(unixMonth, 'month-first') };
  if (x.firstChanges > x.secondChanges) return { order: 'day-first', why: changes(x.firstChanges, x.secondChanges, 'first') };
  if (x.secondChanges > x.firstChanges) return { order: 'month-first', why: changes(x.secondChanges, x.firstChanges, 'second') };
  return undefined;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * When nothing in a separator's dates says which number is the day (every one could be either,
 * and none changes in one number alone: a log of one day), the notice that says how they were
 * read and what else they could be: an inference the log does not settle.
 */
export function undecidedOrders(e: DateEvidence, read: DateOrders = {}): string[] {
  const out: string[] = [];
  for (const sep of Object.keys(e) as DateSeparator[]) {
    const x = e[sep]!;
    if (x.dates === 0 || !x.last || x.dayFirst > 0 || x.monthFirst > 0 || x.firstChanges > 0 || x.secondChanges > 0 || x.unixDayFirst || x.unixMonthFirst) continue;
    const [a, b] = x.last;
    if (a === b) continue;
    const order = read[sep] ?? DEFAULT_ORDER[sep];
    const other: DateOrder = order === 'day-first' ? 'month-first' : 'day-first';
    const d = (n: number): string => String(n).padStart(2, '0');
    const as = (o: DateOrder): string => (o === 'day-first' ? `${a} ${MONTH_NAMES[b - 1]}` : `${b} ${MONTH_NAMES[a - 1]}`);
    const date = `${d(a)}${sep}${d(b)}`;
    out.push(`${SEPARATOR_NAMES[sep]} could be day or month first, and nothing in this log says which: they were read ${order.replace('-', ' ')} (${WRITTEN[sep][order]}), so ${date} is ${as(order)}. Read ${other.replace('-', ' ')} (${WRITTEN[sep][other].split(',')[0]}), ${date} is ${as(other)}. The times of day, and the gaps between lines, are the same either way.`);
  }
  return out;
}
