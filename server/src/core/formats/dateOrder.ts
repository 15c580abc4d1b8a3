/**
 * Which number comes first in a file's numeric dates with slashes. `02/12/2024` is 2 December to
 * en-GB, fr or es (a LuCI log table copied from a browser in those locales, a spreadsheet's
 * export) and 12 February to en-US. A date whose first number is over 12 can only be day first,
 * one whose second is over 12 only month first; between two dates of a log, a day changes far
 * more often than a month, so dates that change in their first number alone are day first too
 * (read month first, a log that passes midnight from 01/12 to 02/12 would leap a month). The
 * timestamp grammar reads a date that could be either month first unless told otherwise; this is
 * what a file's dates say, gathered as the parser reads them, and the reading it calls for.
 */
export interface SlashDateEvidence {
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
}

export function newSlashDateEvidence(): SlashDateEvidence {
  return { dates: 0, dayFirst: 0, monthFirst: 0, firstChanges: 0, secondChanges: 0 };
}

/** Counts a date as written (`a/b/yyyy`). */
export function noteSlashDate(e: SlashDateEvidence, date: readonly [number, number]): void {
  const [a, b] = date;
  e.dates++;
  if (a > 12) e.dayFirst++;
  if (b > 12) e.monthFirst++;
  const last = e.last;
  if (last && a !== last[0] && b === last[1]) e.firstChanges++;
  if (last && b !== last[1] && a === last[0]) e.secondChanges++;
  e.last = date;
}

/** Whether the dates are day first: a first number over 12 or changes in it, and no second number over 12. */
export function readsDayFirst(e: SlashDateEvidence): boolean {
  return e.monthFirst === 0 && (e.dayFirst > 0 || e.firstChanges > e.secondChanges);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * When nothing in the dates says which number is the day (every one could be either, and none
 * changes in one number alone: a log of one day), the notice that says how they were read and what else they
 * could be: an inference the log does not settle. Undefined when the dates settle it, or there are none.
 */
export function undecidedOrder(e: SlashDateEvidence): string | undefined {
  if (e.dates === 0 || !e.last || e.dayFirst > 0 || e.monthFirst > 0 || e.firstChanges > 0 || e.secondChanges > 0) return undefined;
  const [a, b] = e.last;
  if (a === b) return undefined;
  const d = (n: number): string => String(n).padStart(2, '0');
  return `Dates written with slashes could be day or month first, and nothing in this log says which: they were read month first, as en-US writes them (${d(a)}/${d(b)} is ${b} ${MONTH_NAMES[a - 1]}). If the log writes the day first (en-GB, fr, es), ${d(a)}/${d(b)} is ${a} ${MONTH_NAMES[b - 1]}. The times of day, and the gaps between lines, are the same either way.`;
}

/** Why the dates were read day first, for the notice that says so. */
export function dayFirstEvidence(e: SlashDateEvidence): string {
  if (e.dayFirst > 0) return `${e.dayFirst === 1 ? 'a date has' : `${e.dayFirst} dates have`} a first number over 12, and none a second one`;
  const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);
  if (e.secondChanges === 0) return `from one date to the next only the first number changes (${times(e.firstChanges)}), as a day does`;
  return `from one date to the next the first number changes ${times(e.firstChanges)} and the second ${times(e.secondChanges)}: a day changes more often than a month`;
}
