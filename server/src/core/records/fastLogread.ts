import { isPlausibleUptime, isRealClock, isRealDate } from '../formats/timestampGrammar';
import { wallTime } from './timeWords';

/** What the fast lane reads of a plain logread line, without building a record. */
export interface FastLine {
  time: number;
  /** Program tag, '' for a tagless RutOS event line. */
  tag: string;
  /** Index in the line where the message starts. */
  messageStart: number;
  /** Kernel uptime in seconds for `kernel: [  466.515595]` lines. */
  uptime?: number;
}

const SPACE = 32;
const COLON = 58;

// ctime() is always English: month names as three character codes, no string slicing per line.
const ENGLISH_MONTHS = new Map(
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => [(m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2), i]),
);

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
}

/**
 * Reads the commonest line of a big RutOS log, `Mon Dec  2 19:54:59 2024 daemon.info tag[pid]: msg`,
 * with character checks instead of regexes. It answers only for lines whose shape is certain and
 * returns undefined for everything else (record ids, kernel lines, odd tags, paste artefacts), which
 * then take the full parser. On a million-line log this is most of the work.
 */
export function readFastLogread(s: string): FastLine | undefined {
  if (s.length < 32 || s.charCodeAt(3) !== SPACE || s.charCodeAt(7) !== SPACE || s.charCodeAt(13) !== COLON || s.charCodeAt(16) !== COLON || s.charCodeAt(19) !== SPACE || s.charCodeAt(24) !== SPACE) return undefined;
  const month = ENGLISH_MONTHS.get((s.charCodeAt(4) << 16) | (s.charCodeAt(5) << 8) | s.charCodeAt(6)) ?? -1;
  const d1 = s.charCodeAt(8) === SPACE ? 0 : digit(s, 8);
  const day = d1 * 10 + digit(s, 9);
  const h = digit(s, 11) * 10 + digit(s, 12);
  const m = digit(s, 14) * 10 + digit(s, 15);
  const sec = digit(s, 17) * 10 + digit(s, 18);
  const year = digit(s, 20) * 1000 + digit(s, 21) * 100 + digit(s, 22) * 10 + digit(s, 23);
  // A date that is not on the calendar (`Feb 31`, year 0000) is the full parser's, which refuses it too.
  if (!isRealDate(month, day, year) || !isRealClock(h, m, sec)) return undefined;
  // `daemon.info ` then the tag.
  const prioEnd = s.indexOf(' ', 25);
  // A line without `facility.level` (`... 2020 netifd: msg`) is the full parser's.
  const dot = s.indexOf('.', 25);
  if (prioEnd < 0 || dot < 0 || dot > prioEnd) return undefined;
  const tagStart = prioEnd + 1;
  let i = tagStart;
  const limit = Math.min(s.length, tagStart + 64);
  for (; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === COLON || c === SPACE || c === 91 /* [ */) break;
  }
  if (i === limit) return undefined;
  const stop = s.charCodeAt(i);
  let tag = '';
  let messageStart: number;
  if (stop === COLON && s.charCodeAt(i + 1) === SPACE && i > tagStart) {
    tag = s.slice(tagStart, i);
    messageStart = i + 2;
  } else if (stop === 91 && i > tagStart) {
    const close = s.indexOf(']: ', i);
    if (close < 0 || close - i > 11) return undefined;
    tag = s.slice(tagStart, i);
    messageStart = close + 3;
  } else if (stop === SPACE && i > tagStart && s.charCodeAt(i + 1) !== 91) {
    // A tagless event: the first word is followed by more words, not by `:`.
    messageStart = tagStart;
  } else return undefined;
  const time = wallTime(year, month, day, h, m, sec);
  if (tag === 'kernel') {
    // `kernel: [  466.515595] usb 1-1: ...`: the printk stamp, then the message.
    if (s.charCodeAt(messageStart) !== 91) return undefined;
    let a = messageStart + 1;
    while (s.charCodeAt(a) === SPACE) a++;
    const close = s.indexOf(']', a);
    if (close < 0 || close - a > 20) return undefined;
    const uptime = Number(s.slice(a, close));
    if (!isPlausibleUptime(uptime)) return undefined;
    return { time, tag, messageStart: s.charCodeAt(close + 1) === SPACE ? close + 2 : close + 1, uptime };
  }
  return { time, tag, messageStart };
}
