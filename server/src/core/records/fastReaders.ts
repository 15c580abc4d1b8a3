import type { FormatId, Level } from '../model';
import { errorLevelWords, levelFromLetter, levelFromNumber, levelFromWord, levelRank } from './levels';
import { isPlausibleUptime, isPlausibleWallTime, isRealClock, isRealDate, readStamp, zoneOffsetMinutes, type StampParts } from '../formats/timestampGrammar';
import { readJsonLine } from '../formats/jsonLines';
import { EPOCH_FLOOR, KERNEL_DEVICE, labelSetEnd, MAX_MATCH_CHARS, mayReadNested, mayStartWallClock, startsTimedRecord, type KnownBody } from './lineParser';
import { ownSlice } from '../input/ownString';
import { hasOtherWhitespace } from '../input/unicodeSpaces';
import { ZONE_ABBREVIATIONS, zoneNameOffset } from '../formats/dateWords';
import { PROGRAM_NAMES } from '../catalogue/tables/programNames';
import { fieldLead, mayLeadWithFields } from './fieldLead';
import { SPACED_COLUMN_CHARS } from '../formats/columns';
import { ENVELOPES } from '../formats/envelopes';
import { APPLICATION_LEVEL_WORDS, AT_CONSOLE_LINE } from '../formats/registry';
import { programOfUnit } from './unitName';

// The fast lane: for the formats that fill big logs, a reader of the line's header by character
// checks, keyed by the registry's format id. A reader answers only when the line's shape is certain,
// that is when the full parser (registry order, timestamp grammar, body reader, envelopes) would
// give the line to the same format with the same clocks, tag and host; for anything else it returns
// false and the line takes the full parser. The collector then screens the message with the
// catalogue's literals and, when nothing can match, accounts for the line without a record.

/**
 * What a fast reader takes from a line. One object is reused for every line, so a million lines
 * allocate only their tags (and hosts).
 */
export interface FastRead {
  format: FormatId;
  /** The year as written, or -1 when the stamp has none (the parser's yearless year applies). */
  year: number;
  /** 0-11; -1 when the line has no wall clock (dmesg); TIME_OF_DAY when it has a time of day alone. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Kernel uptime in seconds, or -1. */
  uptime: number;
  /** Program tag, '' for a line without one. */
  tag: string;
  /** Host column, '' for none. */
  host: string;
  /**
   * The first word of a syslog body when the parser's host-column learning (`HOST_LIKE`) takes it,
   * '' when it does not.
   */
  firstWord: string;
  /**
   * A word the read holds only while the file has not shown it as a host, '' for none: an
   * iso-plain line's first word, which journal-iso (earlier in the registry) takes for a host it
   * knows.
   */
  notHost: string;
  /** Index in the line where the message starts, before envelopes are peeled. */
  messageStart: number;
  /** Seconds since a program started (a flashing tool's stamp, a ModemManager debug stamp below EPOCH_FLOOR), or -1. */
  elapsed: number;
  /** The wall time in ms a ModemManager debug stamp gives as Unix time, when `month` is UNIX_TIME. */
  unixMs: number;
  /**
   * The read holds only when the line before left no record that text may continue: the parser
   * takes a clockless `word: ...` line without a pid after a timed one for its wrapped text.
   */
  onlyAfterClosed: boolean;
  /** The stamp's numeric offset from UTC in minutes (`Z`, `+hh:mm`, `+hhmm`), or NO_ZONE: the parser moves such a time onto the file's first offset. */
  zoneMinutes: number;
  /** A JSON line's time field's offset from UTC (its time stays as written, at that offset), or NO_ZONE: the file says the offset its times are shown at. */
  shownZone: number;
  /**
   * The tag may be a kernel device's name (`u3g0: detached` read as tag `u3g0`): the collector
   * tries such a line untagged too, so the whole line is screened with every literal.
   */
  screenUntagged: boolean;
  /**
   * Where the format's header ends (what its registry pattern matches), when it holds the stamp
   * and nothing else the pattern captures; -1 when the reader does not say.
   */
  bodyStart: number;
  /**
   * Where a syslog body's message starts, after `host`, `facility.level` and `tag[pid]: ` and
   * before any envelope, when the reader read such a body (-1 otherwise), with where its
   * `facility.level` stands (`facilityAt` -1 for none) and the `[` of its pid (-1 for none):
   * positions only, so a line nobody needs the fields of costs nothing more (`knownBody`).
   */
  restStart: number;
  facilityAt: number;
  facilityEnd: number;
  pidAt: number;
  /** The number before the stamp (a logd record id, `525 Mon Dec  2 ...`), or -1. */
  recordId: number;
  /**
   * The message as a string of its own when the line holds it only encoded (a JSON line's value,
   * escapes undone), else '': the collector screens this instead of the line from `messageStart`.
   */
  decoded: string;
  /** The rank of a level the line gives outside its words (a JSON line's PRIORITY or level field), or -1. */
  levelRank: number;
}

/** `FastRead.month` of a line that has a time of day and no date (the time-only format). */
export const TIME_OF_DAY = -2;
/** `FastRead.month` of a line whose wall time is a Unix time in `unixMs` (a ModemManager debug stamp). */
export const UNIX_TIME = -3;
/** FastRead.zoneMinutes of a stamp without a numeric offset. */
export const NO_ZONE = -100_000;

export interface FastReader {
  format: FormatId;
  /**
   * Reads the line `text[start, end)` into `out` (its positions are indexes in `text`): a whole
   * line (`0, text.length`), or one inside a longer text, a decoded piece of a file, read where it
   * lies so that no line string is made. Such a span must end before a `\n` and hold no NUL and no
   * ESC: the caller has checked the piece for them once.
   */
  read(text: string, start: number, end: number, out: FastRead): boolean;
}

// The line being read, `s[lineStart, lineEnd)`: the readers and their helpers read no further.
// Every check a character at `lineEnd` (a `\n` in a span) meets fails as for the end of a whole
// line, where charCodeAt gives NaN; the fastLane tests read each line both ways.
let lineStart = 0;
let lineEnd = 0;

/** A reader of the line at `a` in `s`, up to `lineEnd`. */
type SpanRead = (s: string, a: number, out: FastRead) => boolean;

/** A reader that reads a line where it lies. */
function spanReader(format: FormatId, read: SpanRead): FastReader {
  return {
    format,
    read(s, start, end, out) {
      lineStart = start;
      lineEnd = end;
      out.zoneMinutes = NO_ZONE;
      out.shownZone = NO_ZONE;
      // A whole line of a log after a capture tool's stamp is read as that line (LineParser.capturedLine).
      if (!read(s, start, out) || (out.tag === '' && out.decoded === '' && capturesLine(s, out.messageStart, end))) return false;
      // Cisco's system message (`%LINK-3-UPDOWN: `), after a syslog header that read Cisco's
      // sequence number as the tag (`123: *Dec  2 ...: %LINK-3-UPDOWN: `), names the program and the
      // level: the parser's (the cisco-message envelope). A tag that is a number is rare otherwise.
      if (mayBeCiscoMessage(s, out)) return false;
      // A unit's name where the program stands (journalctl -o with-unit) names the program, as the parser reads it.
      // (A unit's name ends in `e`: one comparison for every other tag.)
      const tag = out.tag;
      if (tag.charCodeAt(tag.length - 1) === 101 /* e */) out.tag = programOfUnit(tag);
      return true;
    },
  };
}

/**
 * Whether the parser may read a Cisco system message (the cisco-message envelope) in the line
 * just read: its message starts with `%`, or the tag is a number (Cisco's, relayed by a syslog
 * server), or a line without a tag has `*`, `.` or a month's shape first or a Cisco message after its first word.
 */
function mayBeCiscoMessage(s: string, out: FastRead): boolean {
  // The tag's first character read here, not by digit(): its call sites see only the line's text
  // (a tag is a string of another kind, and a second kind there slowed every reader by 4%).
  const t = out.tag.charCodeAt(0);
  if (t >= 48 && t <= 57) return true;
  const first = out.decoded !== '' ? out.decoded.charCodeAt(0) : s.charCodeAt(out.messageStart);
  if (first === 37 /* % */) return true;
  if (out.tag !== '') return false;
  if (first === 42 /* * */ || first === DOT) return true;
  if (out.decoded !== '') return false;
  // Cisco's stamp without its number after a syslog server's header and host: a month's shape first.
  return monthShapedAt(s, out.messageStart) || (out.host === '' && ciscoAfterWord(s, out.messageStart));
}

/**
 * Whether a capital, two small letters and a space stand at `i`: the shape of a month the
 * cisco-message envelope takes before Cisco's stamp (`[A-Z][a-z]{2}\s+`), English or not.
 */
function monthShapedAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  const l1 = s.charCodeAt(i + 1);
  const l2 = s.charCodeAt(i + 2);
  return c >= 65 && c <= 90 && l1 >= 97 && l1 <= 122 && l2 >= 97 && l2 <= 122 && s.charCodeAt(i + 3) === SPACE;
}

/**
 * Whether a Cisco system message may follow the first word of a message without a program at `i`
 * (`192.0.2.1 %LINK-3-UPDOWN: `, `192.0.2.1 *Dec  2 ...: %LINK...`): the parser takes the word for
 * the host (its syslog body reader). More than the envelope's pattern takes, never less: a `%`, a
 * `*` or a `.`, or a capital and two small letters (a month) after the first space.
 */
function ciscoAfterWord(s: string, i: number): boolean {
  const space = findInLine(s, SPACE, i, i + 66);
  if (space < 0) return false;
  const c = s.charCodeAt(space + 1);
  return c === 37 /* % */ || c === 42 /* * */ || c === DOT || monthShapedAt(s, space + 1);
}

/** Whether the message at `i` is Loki's labels, or a whole line of a log: the parser reads the labels' fields, or that line. */
function capturesLine(s: string, i: number, end: number): boolean {
  const m = labelSetEnd(s, i, end);
  return m > i || (mayStartWallClock(s, m, end) && startsTimedRecord(s.slice(m, end)));
}

/** The first `c` in the line from `i` and before `limit`, or -1: a span's text goes on past its end. */
function findInLine(s: string, c: number, i: number, limit = lineEnd): number {
  const stop = Math.min(limit, lineEnd);
  for (let k = i; k < stop; k++) if (s.charCodeAt(k) === c) return k;
  return -1;
}

/** The rank of `err` (levels.ts): a level of this rank or less is an error or worse. */
const ERROR_RANK = levelRank('err');

/**
 * A level a line gives where no word says it, at error or worse, or undefined when it gives none
 * so: a JSON line's PRIORITY or level field, ESP-IDF's letter (`E (1234)`), RFC 5424's or a BSD
 * line's `<PRI>` (its severity, the number's last three bits).
 */
function unwordedError(s: string, out: FastRead): boolean | undefined {
  // The formats whose reader keeps the level it read: a JSON line's field, logcat's letter.
  if (out.format === 'json-lines' || out.format === 'logcat' || out.format === 'logcat-time' || out.format === 'logcat-brief' || out.format === 'zephyr' || out.format === 'cisco' || out.format === 'cisco-uptime') return out.levelRank >= 0 && out.levelRank <= ERROR_RANK;
  if (out.format === 'esp-idf') return s.charCodeAt(lineStart) === 69 /* E */;
  if (s.charCodeAt(lineStart) !== LT || (out.format !== 'rfc5424' && out.format !== 'bsd-syslog')) return undefined;
  let pri = 0;
  let k = lineStart + 1;
  for (let d = digit(s, k); d >= 0 && k <= lineStart + 3; d = digit(s, ++k)) pri = pri * 10 + d;
  return s.charCodeAt(k) !== GT || (pri & 7) <= ERROR_RANK;
}

/**
 * Whether the line just read (`out`, `s[.., end)`) may be at error level or worse, as the parser
 * settles a record's level (its daemon's own word first, then the syslog priority or an
 * application's level word in the header): true whenever the read cannot tell, so a line the
 * parser would find at error level is never taken for less.
 */
export function mayBeErrorLevel(s: string, out: FastRead, end: number): boolean {
  if (unwordedError(s, out) === true) return true;
  // A message given only encoded (a JSON line's): its own level word, where it starts.
  if (out.decoded !== '') return opensWithErrorLevel(s, out);
  // ModemManager's `<err>`, `<error>`, `<crit>`, where the body starts (before the envelope a reader may have stepped over).
  if (opensWithErrorLevel(s, out)) return true;
  // A level word in the header: a syslog priority (`daemon.err`, LuCI's `daemon.crit:`), an
  // application's (`ERROR`, `[fatal]`). logread's header has only the priority, whose level word is
  // read where the reader found it; ESP-IDF's and a JSON line's level is their letter and field.
  if (out.format === 'logread') {
    if (out.facilityAt >= 0) {
      let dot = out.facilityEnd - 1;
      while (dot > out.facilityAt && s.charCodeAt(dot) !== DOT) dot--;
      const level = levelWord(s, dot + 1, out.facilityEnd - dot - 1);
      if (level !== '' && levelRank(levelFromWord(level)!) <= ERROR_RANK) return true;
    }
  } else if (out.format !== 'esp-idf' && namesErrorLevel(s, lineStart, out.messageStart)) return true;
  // gsmd's `[function:line] error: `, and `critical:`, `fatal:`: the screen of the program's own
  // candidates holds these words (the catch-all's literals); a line screened untagged is not.
  const i = out.messageStart;
  if (s.charCodeAt(i) !== OPEN || !out.screenUntagged) return false;
  const close = findInLine(s, CLOSE, i + 1, Math.min(end, i + 83));
  if (close < 0 || s.charCodeAt(close + 1) !== SPACE) return false;
  const w = close + 2;
  return sameText(s, w, 'error:') || sameText(s, w, 'critical:') || sameText(s, w, 'fatal:');
}

/**
 * Whether `s[a, b)` holds a word that starts as a level at error or worse does (levels.ts), in any
 * case: more than the parser reads as one, never less.
 */
function namesErrorLevel(s: string, a: number, b: number): boolean {
  for (let k = a; k < b - 2; k++) {
    // Words only: `raspberrypi` names no level.
    if (k > a && isLetterCode(s.charCodeAt(k - 1))) continue;
    const words = ERROR_WORDS_BY_FIRST[s.charCodeAt(k) | 0x20];
    if (words !== undefined) for (const w of words) if (lowerAt(s, k + 1, w)) return true;
  }
  return false;
}

/** levels.ts's words for error or worse, by their first letter, each without it. */
const ERROR_WORDS_BY_FIRST: (string[] | undefined)[] = [];
for (const w of errorLevelWords()) (ERROR_WORDS_BY_FIRST[w.charCodeAt(0)] ??= []).push(w.slice(1));

function isLetterCode(c: number): boolean {
  const l = c | 0x20;
  return l >= 97 && l <= 122;
}

/** Whether the lowercase ASCII word `w` stands at `i` in `s`, in any case. */
function lowerAt(s: string, i: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) if ((s.charCodeAt(i + k) | 0x20) !== w.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether the message just read opens with an error level in angle brackets (ModemManager's
 * `<err>`, `<error>`, `<crit>`), the level a line without a program can have as ModemManager's:
 * its envelope's level is the record's, whatever the syslog priority says.
 */
export function opensWithErrorLevel(s: string, out: FastRead): boolean {
  const text = out.decoded !== '' ? out.decoded : s;
  // Where the body's message starts, before the envelope a reader may have stepped over (logread's ModemManager lines).
  const i = out.decoded !== '' ? 0 : out.restStart >= 0 ? out.restStart : out.messageStart;
  return text.charCodeAt(i) === LT && (sameText(text, i + 1, 'err') || sameText(text, i + 1, 'crit'));
}

/**
 * Whether the message just read opens with a level word in angle brackets and a bracketed number
 * (`<info>  [1733169299.1234] `: NetworkManager's, ModemManager's debug stamp), a Unix time the
 * parser may read the year of yearless dates from (LineParser.yearWitness).
 */
export function opensWithUnixStamp(s: string, out: FastRead): boolean {
  if (out.decoded !== '') return false;
  const i = out.restStart >= 0 ? out.restStart : out.messageStart;
  if (s.charCodeAt(i) !== LT) return false;
  const close = findInLine(s, GT, i + 1, i + 12);
  if (close < 0) return false;
  let k = close + 1;
  while (s.charCodeAt(k) === SPACE) k++;
  if (s.charCodeAt(k) !== OPEN) return false;
  // Ten digits before the point: a Unix time since 2001 (EPOCH_FLOOR), not a daemon's seconds since it started.
  let d = k + 1;
  while (digit(s, d) >= 0) d++;
  return d - k - 1 >= 10;
}

export function newFastRead(): FastRead {
  return { format: 'logread', year: -1, month: -1, day: 0, hour: 0, minute: 0, second: 0, ms: 0, uptime: -1, tag: '', host: '', firstWord: '', notHost: '', messageStart: 0, elapsed: -1, unixMs: 0, onlyAfterClosed: false, zoneMinutes: NO_ZONE, shownZone: NO_ZONE, screenUntagged: false, bodyStart: -1, restStart: -1, facilityAt: -1, facilityEnd: -1, pidAt: -1, recordId: -1, decoded: '', levelRank: -1 };
}

const SPACE = 32;
const COLON = 58;
const COMMA = 44;
const DOT = 46;
const OPEN = 91; // [
const BAR = 124; // |
const CLOSE = 93; // ]
const LT = 60; // <
const GT = 62; // >

// Character classes of lineParser's TAG (`[A-Za-z0-9_.\/@-]`) and of a host column as read here
// (HOST's class without `:`, so `fe80::1` stays the full parser's).
const TAG_CHAR = 1;
const HOST_CHAR = 2;

function isClass(c: number, bit: number): boolean {
  if (bit === TAG_CHAR) return (c >= 97 && c <= 122) || (c >= 64 && c <= 90) || (c >= 45 && c <= 57) || c === 95;
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

/**
 * The digit at `i`, or a number so negative that any sum of place values it is part of (a
 * four-digit year at most 9,999) stays negative and is refused: with -1,000, `301<` read as the
 * year 3,010 - 1,000 = 2010 (found by the fuzzer's differential).
 */
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1e6;
}

/**
 * Three ASCII characters as one number, -1 when any is not ASCII: a wider character would run
 * into its neighbour's bits (`Th\u0875` packed as `Thu`, found by the fuzzer in a byte-flipped
 * UTF-16 log, took a weekday the parser refuses).
 */
function code3(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return (a | b | c) < 128 ? (a << 16) | (b << 8) | c : -1;
}

// Stamps written by machines are English: month and weekday names as three character codes.
const ENGLISH_MONTHS = new Map(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => [code3(m, 0), i]));
const ENGLISH_WEEKDAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => code3(d, 0)));
/**
 * Whether the text must go to the full parser whatever its shape: paste artefacts it strips (a
 * trailing CR or backtick, NUL bytes, ANSI colours) or a line it matches on its first part only.
 */
function needsFullParser(s: string): boolean {
  const last = s.charCodeAt(lineEnd - 1);
  if (lineEnd - lineStart > MAX_MATCH_CHARS || last === 13 || last === 0x60) return true;
  // A span's piece was checked for NUL, ESC and other whitespace (hasOtherWhitespace) once (FastReader.read, LineSplitter).
  return lineStart === 0 && lineEnd === s.length && (s.indexOf('\0') >= 0 || s.indexOf('\u001b') >= 0 || hasOtherWhitespace(s));
}

/** Whether `s[a, b)` is `facility.level` as lineParser's FACILITY_PRIO reads it. */
function isFacilityLevel(s: string, a: number, b: number): boolean {
  const c0 = s.charCodeAt(a);
  if (c0 < 97 || c0 > 122) return false;
  let d = a + 1;
  for (; d < b && d - a <= 12; d++) {
    const c = s.charCodeAt(d);
    if (c === DOT) break;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  if (d >= b || s.charCodeAt(d) !== DOT) return false;
  const level = levelWord(s, d + 1, b - d - 1);
  return level !== '' && sameText(s, d + 1, level);
}

/** The level word of FACILITY_PRIO (`emerg` ... `debug`) that `s[i, i + n)` can be, or ''. */
function levelWord(s: string, i: number, n: number): string {
  switch (s.charCodeAt(i)) {
    case 105 /* i */: return n === 4 ? 'info' : '';
    case 110 /* n */: return n === 6 ? 'notice' : '';
    case 100 /* d */: return n === 5 ? 'debug' : '';
    case 119 /* w */: return n === 4 ? 'warn' : n === 7 ? 'warning' : '';
    case 101 /* e */: return n === 3 ? 'err' : n !== 5 ? '' : s.charCodeAt(i + 1) === 109 /* m */ ? 'emerg' : 'error';
    case 99 /* c */: return n === 4 ? 'crit' : '';
    case 97 /* a */: return n === 5 ? 'alert' : '';
    default: return '';
  }
}

// Tags and hosts repeat from line to line: each is made a string once and found again here, so a
// line allocates nothing for them and the maps keyed by tag (the matcher's candidates, the watched
// daemons) find a string whose hash is already known.
const WORDS: string[] = new Array<string>(1024).fill('');

/** `s[a, b)` (not empty), as the string an earlier line with the same word got where possible. */
function word(s: string, a: number, b: number): string {
  const n = b - a;
  const slot = (((n * 31 + s.charCodeAt(a)) * 31 + s.charCodeAt(a + (n >> 1))) * 31 + s.charCodeAt(b - 1)) & 1023;
  const known = WORDS[slot];
  if (known.length === n && sameText(s, a, known)) return known;
  const fresh = ownSlice(s, a, b);
  WORDS[slot] = fresh;
  return fresh;
}

/**
 * Whether `w` stands in `s` at `a`. A loop, not `startsWith`: that builtin costs more than the
 * few characters of a tag or a level word.
 */
function sameText(s: string, a: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) if (s.charCodeAt(a + k) !== w.charCodeAt(k)) return false;
  return true;
}

/** The end of a run of TAG's characters from `i` (at most 65 of them). */
function scanTag(s: string, i: number): number {
  let j = i;
  const limit = Math.min(lineEnd, i + 65);
  while (j < limit && isClass(s.charCodeAt(j), TAG_CHAR)) j++;
  return j;
}

/**
 * A tag at `i`: `tag: ` or `tag[pid]: ` with TAG's characters (1 to 64 of them). Returns where the
 * message starts and sets `tagEnd` and `tagRead` (the tag), or -1.
 */
let tagEnd = 0;
let tagRead = '';
function readTag(s: string, i: number): number {
  // A tag seen before is found by its first three characters and compared, not scanned again.
  const slot = ((s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) * 31 + s.charCodeAt(i + 2)) & 511 & ~1;
  for (let way = slot; way <= slot + 1; way++) {
    const known = TAGS[way];
    if (known.length === 0 || !sameText(s, i, known)) continue;
    const after = s.charCodeAt(i + known.length);
    if (after !== COLON && after !== OPEN && after !== SPACE) continue;
    tagRead = known;
    return readTagEnd(s, i, i + known.length);
  }
  const j = scanTag(s, i);
  const start = readTagEnd(s, i, j);
  if (start < 0) return -1;
  tagRead = word(s, i, j);
  TAGS[slot + 1] = TAGS[slot];
  TAGS[slot] = tagRead;
  return start;
}

/** Tags already read, two for each hash of their first three characters. */
const TAGS: string[] = new Array<string>(512).fill('');

/**
 * The same, the characters of the tag already scanned up to `j`. Sets `pidOpen`: where the `[` of
 * the pid is, or -1. TAG reads a space before it too (`pbr [9755]: `, OpenWrt's pbr).
 */
let pidOpen = -1;
function readTagEnd(s: string, i: number, j: number): number {
  if (j === i || j - i > 64) return -1;
  tagEnd = j;
  pidOpen = -1;
  const c = s.charCodeAt(j);
  // (A tag at the line's end, its message wrapped onto the next line, is the parser's: LineParser.awaitsMessage.)
  if (c === COLON) return s.charCodeAt(j + 1) === SPACE ? j + 2 : -1;
  if (c === SPACE && s.charCodeAt(j + 1) === OPEN) j++;
  else if (c !== OPEN) return -1;
  pidOpen = j;
  return afterPidColon(s, j);
}

/**
 * A printk stamp `[  466.515595]` at `i`, as the envelope and the dmesg format read it: spaces,
 * 1-10 digits, a dot, 1-9 digits. Returns the index after `]` and sets `uptimeRead`, or -1.
 */
let uptimeRead = 0;
function readUptime(s: string, i: number, delta = false): number {
  if (s.charCodeAt(i) !== OPEN) return -1;
  let a = i + 1;
  while (s.charCodeAt(a) === SPACE) a++;
  // The digits as one integer n and the power of ten of the fraction, read in the same pass.
  let n = 0;
  let j = a;
  for (let d = digit(s, j); d >= 0 && j - a <= 10; d = digit(s, ++j)) n = n * 10 + d;
  if (j === a || j - a > 10 || s.charCodeAt(j) !== DOT) return -1;
  let k = j + 1;
  for (let d = digit(s, k); d >= 0 && k - j <= 10; d = digit(s, ++k)) n = n * 10 + d;
  if (k === j + 1 || k - j > 10) return -1;
  const close = s.charCodeAt(k) === CLOSE ? k : delta ? afterDelta(s, k) : -1;
  if (close < 0) return -1;
  // With at most 15 digits n and 10^f are exact doubles, and one division of exact doubles is
  // correctly rounded, as Number() of the text is: the same number without a string.
  const uptime = k - a - 1 <= 15 ? n / POWERS_OF_TEN[k - j - 1] : Number(s.slice(a, k));
  if (!isPlausibleUptime(uptime)) return -1;
  uptimeRead = uptime;
  return close + 1;
}

/**
 * `dmesg -d` and `journalctl -o short-delta`: ` <    0.000123>` after the uptime at `k`, the time
 * since the line before (not kept). Returns where the stamp's `]` is, or -1.
 */
function afterDelta(s: string, k: number): number {
  let p = k;
  while (s.charCodeAt(p) === SPACE) p++;
  if (p === k || s.charCodeAt(p) !== LT) return -1;
  p++;
  while (s.charCodeAt(p) === SPACE) p++;
  const a = p;
  while (digit(s, p) >= 0 && p - a <= 10) p++;
  if (p === a || p - a > 10 || s.charCodeAt(p) !== DOT) return -1;
  const f = ++p;
  while (digit(s, p) >= 0 && p - f <= 9) p++;
  if (p === f || p - f > 9 || s.charCodeAt(p) !== 62 /* > */ || s.charCodeAt(p + 1) !== CLOSE) return -1;
  return p + 1;
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/**
 * The envelopes that change a record's clocks or tag apply to kernel lines and untagged ones: the
 * printk stamp gives the uptime, a printk level `<6>` is left to the full parser (after it a stamp
 * is not peeled), and a tag spelled `Kernel` too.
 */
function readKernelMessage(s: string, out: FastRead): boolean {
  const tag = out.tag;
  const c = s.charCodeAt(out.messageStart);
  if (tag === 'kernel') {
    if (c === LT) return false;
    if (c !== OPEN) return true;
    const end = readUptime(s, out.messageStart);
    if (end < 0) return false;
    out.uptime = uptimeRead;
    out.messageStart = s.charCodeAt(end) === SPACE ? end + 1 : end;
    return true;
  }
  if (tag === '') return c !== OPEN && c !== LT;
  return !(tag.length === 6 && (tag.charCodeAt(0) | 32) === 107 /* k */ && tag.toLowerCase() === 'kernel');
}

/** readKernelMessage for the lines it concerns: most tags do not start with a `k`. */
function kernelChecked(s: string, out: FastRead): boolean {
  const tag = out.tag;
  return tag !== '' && (tag.charCodeAt(0) | 32) !== 107 /* k */ ? true : readKernelMessage(s, out);
}

/** A host word the timestamp grammar would read as part of the stamp: `am`, `p.m.`, a year. */
function stampLikeHost(s: string, a: number, b: number): boolean {
  const n = b - a;
  if (n === 4 && digit(s, a) >= 0 && digit(s, a + 1) >= 0 && digit(s, a + 2) >= 0 && digit(s, a + 3) >= 0) return true;
  return n >= 2 && n <= 4 && /^[AaPp]\.?[Mm]\.?$/.test(s.slice(a, b));
}

/**
 * The body of a `syslog` format as lineParser's readBody reads it, for the shapes that leave no
 * doubt: `facility.level tag[pid]: `, `tag[pid]: `, `host tag[pid]: ` (one space between fields),
 * and when `tagless` a RutOS event `facility.level Words of the message`. `hostFirst` is
 * journalctl's: the host must be there.
 */
function readSyslogBody(s: string, i: number, out: FastRead, tagless: boolean, hostFirst: boolean): boolean {
  if (spacedColumns(s, i)) return false;
  out.uptime = -1;
  out.firstWord = '';
  out.notHost = '';
  out.host = '';
  out.tag = '';
  clearRare(out);
  // Most lines of a log start with `facility.level `: its end found first, its characters checked once.
  const space = findInLine(s, SPACE, i, i + 21);
  if (!hostFirst && space > i && space - i <= 20 && isFacilityLevel(s, i, space)) return readAfterFacility(s, i, space, out, tagless);
  const j = scanTag(s, i);
  if (j === i) return false;
  const stop = s.charCodeAt(j);
  if (!hostFirst && stop !== SPACE) {
    // `tag: ` or `tag[pid]: ` right after the stamp; `daemon.info: ` would be read as a facility.
    const start = readTagEnd(s, i, j);
    if (start < 0 || isFacilityLevel(s, i, j)) return false;
    out.tag = word(s, i, j);
    out.messageStart = start;
    out.restStart = start;
    out.pidAt = pidOpen;
    return true;
  }
  if (stop !== SPACE || j - i > 64) return false;
  // A host column, then the tag (`facility.level` was tried above). A level word is no host: the
  // parser reads it as the level (readBody).
  for (let k = i; k < j; k++) if (!isClass(s.charCodeAt(k), HOST_CHAR)) return false;
  if (isFacilityLevel(s, i, j) || stampLikeHost(s, i, j) || levelWordAt(s, i) === j) return false;
  const second = j + 1;
  // `host facility.level tag[pid]: `: a router's syslog received by another (fixture 030); not
  // journalctl's (the parser reads such a journal line as an application's text).
  const secondEnd = hostFirst ? -1 : findInLine(s, SPACE, second, second + 21);
  if (secondEnd > second && isFacilityLevel(s, second, secondEnd)) {
    if (!readAfterFacility(s, second, secondEnd, out, false)) return false;
    out.host = word(s, i, j);
    return true;
  }
  const start = readTag(s, second);
  if (start < 0 || isFacilityLevel(s, second, tagEnd) || kernelDevice(tagRead)) return false;
  out.host = word(s, i, j);
  out.tag = tagRead;
  out.messageStart = start;
  out.restStart = start;
  out.pidAt = pidOpen;
  return true;
}

/** After `facility.level ` (`s[i, j)`): `tag[pid]: `, or when `tagless` a message without a tag. */
function readAfterFacility(s: string, i: number, j: number, out: FastRead, tagless: boolean): boolean {
  const start = readTaggedBody(s, j + 1);
  if (start < 0 || (taggedBodyTag === '' && (!tagless || mayLeadWithFields(s, start)))) return false;
  out.tag = taggedBodyTag;
  out.messageStart = start;
  out.restStart = start;
  out.facilityAt = i;
  out.facilityEnd = j;
  // readTaggedBody leaves pidOpen at -1 for a message without a tag.
  out.pidAt = pidOpen;
  // The parser's host-column learning reads the first word of a message without a tag.
  if (taggedBodyTag === '' && !taggedBodyEmpty) out.firstWord = word(s, i, j);
  return true;
}

/**
 * `hh:mm:ss` at `i`, then when `fraction` an optional `.fraction` (1-9 digits), or `,fraction` too
 * when `comma` (the timestamp grammar's `[.,]`: `dmesg --time-format iso`, Python's logging and
 * log4j write a comma). Returns the index after the clock, or -1.
 */
function readClock(s: string, i: number, out: FastRead, fraction: boolean, comma = false): number {
  if (s.charCodeAt(i + 2) !== COLON || s.charCodeAt(i + 5) !== COLON) return -1;
  out.hour = digit(s, i) * 10 + digit(s, i + 1);
  out.minute = digit(s, i + 3) * 10 + digit(s, i + 4);
  out.second = digit(s, i + 6) * 10 + digit(s, i + 7);
  if (!isRealClock(out.hour, out.minute, out.second)) return -1;
  out.ms = 0;
  let j = i + 8;
  const separator = s.charCodeAt(j);
  if (fraction && (separator === DOT || (comma && separator === COMMA))) {
    const a = j + 1;
    let k = a;
    while (k - a < 10 && digit(s, k) >= 0) k++;
    if (k === a || k - a > 9) return -1;
    // As the grammar reads it: the first three digits, padded.
    out.ms = digit(s, a) * 100 + (k > a + 1 ? digit(s, a + 1) * 10 : 0) + (k > a + 2 ? digit(s, a + 2) : 0);
    j = k;
  }
  return j;
}

/**
 * An English ctime stamp with the year at `i` (`Mon Dec  2 19:54:59 2024`, day padded with a
 * space or a zero) into `out`'s date and clock; returns the index after the year, or -1.
 */
function readCtime(s: string, i: number, out: FastRead): number {
  if (s.charCodeAt(i + 3) !== SPACE || s.charCodeAt(i + 7) !== SPACE || s.charCodeAt(i + 10) !== SPACE || s.charCodeAt(i + 19) !== SPACE) return -1;
  // The date of the line before, written alike (`Mon Dec  2 ` and the year): only the clock is read.
  // Most lines of a log share their date with the line before; its names and its place on the
  // calendar were a tenth of a RutOS log's time.
  if (ctimeDate !== '' && sameText(s, i, ctimeDate) && s.charCodeAt(i + 20) === ctimeYear0 && s.charCodeAt(i + 21) === ctimeYear1 && s.charCodeAt(i + 22) === ctimeYear2 && s.charCodeAt(i + 23) === ctimeYear3) {
    if (readClock(s, i + 11, out, false) !== i + 19) return -1;
    out.year = ctimeYearRead;
    out.month = ctimeMonthRead;
    out.day = ctimeDayRead;
    return i + 24;
  }
  if (!ENGLISH_WEEKDAYS.has(code3(s, i))) return -1;
  const month = ENGLISH_MONTHS.get(code3(s, i + 4)) ?? -1;
  const day = (s.charCodeAt(i + 8) === SPACE ? 0 : digit(s, i + 8)) * 10 + digit(s, i + 9);
  const year = digit(s, i + 20) * 1000 + digit(s, i + 21) * 100 + digit(s, i + 22) * 10 + digit(s, i + 23);
  // A date that is not on the calendar (`Feb 31`, year 0000) is the full parser's, which refuses it too.
  if (!isRealDate(month, day, year) || readClock(s, i + 11, out, false) !== i + 19) return -1;
  out.year = year;
  out.month = month;
  out.day = day;
  ctimeDate = s.slice(i, i + 11);
  ctimeYear0 = s.charCodeAt(i + 20);
  ctimeYear1 = s.charCodeAt(i + 21);
  ctimeYear2 = s.charCodeAt(i + 22);
  ctimeYear3 = s.charCodeAt(i + 23);
  ctimeYearRead = year;
  ctimeMonthRead = month;
  ctimeDayRead = day;
  return i + 24;
}

/** The last date readCtime read in full: its first 11 characters, its year's four, and what they said. */
let ctimeDate = '';
let ctimeYear0 = 0;
let ctimeYear1 = 0;
let ctimeYear2 = 0;
let ctimeYear3 = 0;
let ctimeYearRead = 0;
let ctimeMonthRead = 0;
let ctimeDayRead = 0;

/**
 * `Mon Dec  2 19:54:59 2024 daemon.info tag[pid]: msg`: ctime with the year, as logread writes it;
 * and `525 Mon Dec  2 ...`, the same after a logd record id (RutOS's log file from 7.11 on,
 * knowledge 1.3), which gave every line of such a file to the full parser (3.6 times the time).
 */
function readLogread(s: string, a: number, out: FastRead): boolean {
  // The pattern's `^(?:(?<recordId>\d{1,12})\s+)?`: 1-12 digits and one space (other white space is the parser's).
  let at = a;
  let id = -1;
  if (digit(s, a) >= 0) {
    let k = a;
    for (id = 0; k - a < 12 && digit(s, k) >= 0; k++) id = id * 10 + digit(s, k);
    if (s.charCodeAt(k) !== SPACE) return false;
    at = k + 1;
  }
  if (lineEnd - at < 32 || s.charCodeAt(at + 24) !== SPACE || readCtime(s, at, out) < 0) return false;
  // `logread -t`'s seconds since 1970 after the date (`[1733169299.123] `), before `facility.level`.
  let body = at + 25;
  if (s.charCodeAt(body) === OPEN) {
    body = afterLogreadSeconds(s, body);
    const space = body < 0 ? -1 : findInLine(s, SPACE, body, body + 21);
    if (space < 0 || !isFacilityLevel(s, body, space)) return false;
  }
  if (needsFullParser(s) || !readSyslogBody(s, body, out, true, false)) return false;
  const m = out.messageStart;
  if (out.tag === '' && out.pidAt >= 0 && s.charCodeAt(m) === LT) {
    if (!mmEnvelopeKeepsClock(s, m)) return false;
    // The message the catalogue is matched against is after the envelope: screened from there
    // (the screen of every program's entries found `modem` in each `[modem0]`: 0.7 us a line).
    out.messageStart = mmEnvelopeEnd;
  } else if (!kernelChecked(s, out)) return false;
  out.format = 'logread';
  // The pattern's `stamp\s+`: one space (the body starts with no space).
  out.bodyStart = body;
  out.recordId = id;
  return true;
}

/** After `[seconds.mmm] ` at `i` (the registry's logread pattern: 1-11 digits, a dot, 3 digits, one space here), or -1. */
function afterLogreadSeconds(s: string, i: number): number {
  let k = i + 1;
  while (k - i <= 11 && digit(s, k) >= 0) k++;
  if (k === i + 1 || k - i > 12 || s.charCodeAt(k) !== DOT) return -1;
  for (let n = 1; n <= 3; n++) if (digit(s, k + n) < 0) return -1;
  return s.charCodeAt(k + 4) === CLOSE && s.charCodeAt(k + 5) === SPACE && s.charCodeAt(k + 6) !== SPACE ? k + 6 : -1;
}

/**
 * `Dec  2 19:54:59 host tag[pid]: msg`, with or without the host, `<PRI>` first or not,
 * journalctl's `Dec 02 19:54:59.901864`: BSD syslog (RFC 3164) and journalctl short/short-precise.
 */
function readBsd(s: string, a: number, out: FastRead): boolean {
  const i = afterPri(s, a);
  if (i < 0) return false;
  const j = readMonthDay(s, i, out);
  if (j < 0 || !isRealDate(out.month, out.day)) return false;
  const end = readClock(s, j + 1, out, true, true);
  if (end < 0 || s.charCodeAt(end) !== SPACE || zoneWordAt(s, end + 1)) return false;
  if (needsFullParser(s) || !readSyslogBody(s, end + 1, out, false, false) || !kernelChecked(s, out)) return false;
  out.format = 'bsd-syslog';
  out.year = -1;
  return true;
}

/**
 * An English month and its day at `i` (`Dec  2`, `Dec 2`, `Dec 02`) into `out.month` and `out.day`
 * (not checked against the calendar); returns where the space after the day stands, or -1.
 */
function readMonthDay(s: string, i: number, out: FastRead): number {
  const month = ENGLISH_MONTHS.get(code3(s, i)) ?? -1;
  if (month < 0 || s.charCodeAt(i + 3) !== SPACE) return -1;
  let j = i + 4;
  let day: number;
  if (s.charCodeAt(j) === SPACE) {
    day = digit(s, j + 1);
    j += 2;
  } else if (s.charCodeAt(j + 1) === SPACE) {
    day = digit(s, j);
    j += 1;
  } else {
    day = digit(s, j) * 10 + digit(s, j + 1);
    j += 2;
  }
  if (s.charCodeAt(j) !== SPACE) return -1;
  out.month = month;
  out.day = day;
  return j;
}

/**
 * `2024-12-02T19:54:59.123456+01:00 ` (or a space for the `T`): an ISO 8601 / RFC 3339 stamp as the
 * timestamp grammar reads it (the zone is kept as written, times are not shifted). Returns the
 * index after the stamp, or -1.
 */
function readIsoStamp(s: string, i: number, out: FastRead, tOnly: boolean, zoneNeeded: boolean): number {
  const sep = s.charCodeAt(i + 10);
  if (sep !== 84 /* T */ && (tOnly || sep !== SPACE)) return -1;
  if (!readIsoDate(s, i, out)) return -1;
  // RFC 5424 (`tOnly`) writes a `.` fraction only; STAMP_SPAN, which the others use, reads `,` too.
  let j = readClock(s, i + 11, out, true, !tOnly);
  if (j < 0) return -1;
  const z = s.charCodeAt(j);
  if (z === 90 /* Z */) {
    j++;
    out.zoneMinutes = 0;
  } else if (z === 43 || z === 45) {
    if (digit(s, j + 1) < 0 || digit(s, j + 2) < 0) return -1;
    const hours = digit(s, j + 1) * 10 + digit(s, j + 2);
    j += s.charCodeAt(j + 3) === COLON ? 4 : 3;
    if (digit(s, j) < 0 || digit(s, j + 1) < 0) return -1;
    if (zoneNeeded && s.charCodeAt(j - 1) !== COLON) return -1;
    out.zoneMinutes = (z === 45 ? -1 : 1) * (hours * 60 + digit(s, j) * 10 + digit(s, j + 1));
    j += 2;
  } else if (zoneNeeded) return -1;
  // A zone offset after a space (`19:54:59.123 +0100`) is the stamp's in STAMP_SPAN: the parser's.
  else if (z === SPACE && (s.charCodeAt(j + 1) === 43 || s.charCodeAt(j + 1) === 45) && digit(s, j + 2) >= 0) return -1;
  // So is a zone's name (`19:54:59 CET`).
  if (s.charCodeAt(j) === SPACE && zoneWordAt(s, j + 1)) return -1;
  return j;
}

/** Whether a time zone's name (ZONE_ABBREVIATIONS) stands at `i`, a word of its own: STAMP_SPAN takes it into the stamp. */
function zoneWordAt(s: string, i: number): boolean {
  let j = i;
  while (j < lineEnd && j - i <= 4) {
    const c = s.charCodeAt(j);
    if (c < 65 || c > 90) break;
    j++;
  }
  if (j - i < 2 || (j < lineEnd && s.charCodeAt(j) !== SPACE && s.charCodeAt(j) !== 93 /* ] */)) return false;
  // The capitals packed into a number, looked up without making a string: a log4j line's level
  // word (`WARN`, `DEBUG`) stands here on every line, and its slice cost 3 % of such a log's time.
  let code = 0;
  for (let k = i; k < j; k++) code = code * 32 + (s.charCodeAt(k) - 64);
  return ZONE_CODES.has(code);
}

/** ZONE_ABBREVIATIONS (two to five capitals) packed as zoneWordAt packs a word. */
const ZONE_CODES = new Set(
  ZONE_ABBREVIATIONS.map((z) => {
    let code = 0;
    for (let k = 0; k < z.length; k++) code = code * 32 + (z.charCodeAt(k) - 64);
    return code;
  }),
);

/** `2024-12-02` at `i`, a date on the calendar, into `out`'s date. */
function readIsoDate(s: string, i: number, out: FastRead): boolean {
  if (s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return false;
  const year = digit(s, i) * 1000 + digit(s, i + 1) * 100 + digit(s, i + 2) * 10 + digit(s, i + 3);
  const month = digit(s, i + 5) * 10 + digit(s, i + 6) - 1;
  const day = digit(s, i + 8) * 10 + digit(s, i + 9);
  if (!isRealDate(month, day, year)) return false;
  out.year = year;
  out.month = month;
  out.day = day;
  return true;
}

/**
 * Whether the body at `i`, right after the one space that ends a stamp, is a table's row copied as
 * text, its columns two spaces or more apart (formats/columns.ts, `spaces`): a second space here,
 * and after the spaces another gap of two within a column's length. Such a row is the parser's.
 */
function spacedColumns(s: string, i: number): boolean {
  if (s.charCodeAt(i) !== SPACE) return false;
  let b = i + 1;
  while (s.charCodeAt(b) === SPACE) b++;
  return twoSpacesIn(s, b + 1, b + SPACED_COLUMN_CHARS + 1);
}

/**
 * Whether two spaces stand together from `i` on, the first before `limit`, in the line: a gap
 * between a table's columns copied as text.
 */
function twoSpacesIn(s: string, i: number, limit: number): boolean {
  const at = nextTwoSpaces(s, i);
  return at >= 0 && at < Math.min(limit, lineEnd);
}

// Where the first two spaces together stand in `twoText` from `twoFrom` on (-1: none to its end):
// the answer for any `i` from `twoFrom` to there. A piece's lines ask it in order, so the piece is
// searched once (a search from each line to the piece's end, on a log without two spaces, had
// made each line 2.8 times slower; searched character by character in each line, 65 characters
// on every line of a log4j log, it was a tenth of the line's time).
let twoText = '';
let twoFrom = 0;
let twoAt = -1;

function nextTwoSpaces(s: string, i: number): number {
  const same = s === twoText;
  // Kept even when equal: a piece of the same characters as the last (a file of one line over and
  // over) is compared whole once, and its later lines compare by reference (EventCollector.mayJoin).
  twoText = s;
  if (!same || i < twoFrom || (twoAt >= 0 && i > twoAt)) {
    twoFrom = i;
    twoAt = s.indexOf('  ', i);
  }
  return twoAt;
}

/** `2024-12-02T19:54:59+01:00 host tag[pid]: msg`: journalctl short-iso, ISO-dated syslog with a host, `<PRI>` perhaps before it. */
function readJournalIso(s: string, a: number, out: FastRead): boolean {
  // rsyslog's forwarding format: a `<PRI>` first (it gives the level and facility, not the clock).
  const i = afterPri(s, a);
  if (i < 0) return false;
  const end = readIsoStamp(s, i, out, false, false);
  if (end < 0 || s.charCodeAt(end) !== SPACE) return false;
  if (needsFullParser(s) || !readSyslogBody(s, end + 1, out, false, true) || !kernelChecked(s, out)) return false;
  out.format = 'journal-iso';
  return true;
}

/**
 * `Mon 2024-12-02 19:54:59 CET host tag[pid]: msg`: journalctl -o short-full (an English weekday,
 * the date, the time with perhaps a fraction, a zone abbreviation or offset), then a host.
 */
function readJournalFull(s: string, a: number, out: FastRead): boolean {
  if (s.charCodeAt(a + 3) !== SPACE || !ENGLISH_WEEKDAYS.has(code3(s, a))) return false;
  const i = a + 4;
  if (s.charCodeAt(i + 10) !== SPACE || !readIsoDate(s, i, out)) return false;
  const clockEnd = readClock(s, i + 11, out, true);
  if (clockEnd < 0 || s.charCodeAt(clockEnd) !== SPACE) return false;
  // The zone: two to five capitals, or `+hh`, `+hhmm`, `+hh:mm`.
  const z = clockEnd + 1;
  let j = z;
  const sign = s.charCodeAt(z);
  if (sign === 43 || sign === 45) {
    if (digit(s, z + 1) < 0 || digit(s, z + 2) < 0) return false;
    j = z + 3;
    const m = s.charCodeAt(j) === COLON ? j + 1 : j;
    // journalctl prints an offset only where the zone has no name (`+03`): read as ISO's are.
    let minutes = 0;
    if (digit(s, m) >= 0 && digit(s, m + 1) >= 0) {
      minutes = digit(s, m) * 10 + digit(s, m + 1);
      j = m + 2;
    }
    out.zoneMinutes = (sign === 45 ? -1 : 1) * ((digit(s, z + 1) * 10 + digit(s, z + 2)) * 60 + minutes);
  } else {
    while (j - z < 5 && s.charCodeAt(j) >= 65 && s.charCodeAt(j) <= 90) j++;
    if (j - z < 2) return false;
    // A name that names one zone is read at its offset (dateWords' zoneNameOffset), as the parser does.
    out.zoneMinutes = zoneNameOffset(s.slice(z, j)) ?? NO_ZONE;
  }
  if (s.charCodeAt(j) !== SPACE) return false;
  if (needsFullParser(s) || !readSyslogBody(s, j + 1, out, false, true) || !kernelChecked(s, out)) return false;
  out.format = 'journal-full';
  return true;
}

/**
 * Seconds with a fraction at `i` (`minInt` to `maxInt` digits, a dot, 1-9 digits): where they
 * end, or -1, and their value in `secondsRead`, read as the parser reads it (Number of the text),
 * so milliseconds made of it round alike.
 */
let secondsRead = 0;
function readSeconds(s: string, i: number, minInt: number, maxInt: number): number {
  let k = i;
  while (k - i <= maxInt && digit(s, k) >= 0) k++;
  if (k - i < minInt || k - i > maxInt || s.charCodeAt(k) !== DOT) return -1;
  let f = k + 1;
  while (f - k <= 10 && digit(s, f) >= 0) f++;
  if (f === k + 1 || f - k - 1 > 9) return -1;
  secondsRead = Number(s.slice(i, f));
  return f;
}

/** `1733169299.123456 host tag[pid]: msg`: journalctl -o short-unix (a Unix time), then a host. */
function readJournalUnix(s: string, a: number, out: FastRead): boolean {
  const f = readSeconds(s, a, 9, 11);
  if (f < 0 || s.charCodeAt(f) !== SPACE) return false;
  const n = secondsRead;
  if (n < EPOCH_FLOOR) return false;
  if (needsFullParser(s) || !readSyslogBody(s, f + 1, out, false, true) || !kernelChecked(s, out)) return false;
  out.year = -1;
  out.month = UNIX_TIME;
  out.unixMs = Math.round(n * 1000);
  out.format = 'journal-unix';
  return true;
}

/**
 * `2018-08-28 13:58:33.374040500 ERROR    Read error, quitting`: an application log with an ISO
 * stamp and perhaps a level word (daemontools multilog, Python logging). journal-iso comes first
 * in the registry and takes the line when its first word is a host: when a tag follows that word
 * (those lines are refused here) or when the file has shown the word as a host (`notHost`, which
 * the collector checks).
 */
function readIsoPlain(s: string, a: number, out: FastRead): boolean {
  const end = readIsoStamp(s, a, out, false, false);
  if (end < 0 || s.charCodeAt(end) !== SPACE || spacedColumns(s, end + 1)) return false;
  // `logcat -v year`'s lines are logcat's (first in the registry): the pid and thread, or a level letter and `/`.
  let q = end + 1;
  while (s.charCodeAt(q) === SPACE) q++;
  const next = s.charCodeAt(q);
  if ((next >= 48 && next <= 57) || s.charCodeAt(q + 1) === 47 /* / */) {
    LOGCAT_AFTER_STAMP.lastIndex = end;
    if (LOGCAT_AFTER_STAMP.test(s)) return false;
  }
  let i = end + 1;
  while (s.charCodeAt(i) === SPACE) i++;
  // The first word as journal-iso's HOST reads it (`[A-Za-z0-9_.:-]{1,64}` and white space).
  let w = i;
  while (w - i <= 64 && (isClass(s.charCodeAt(w), HOST_CHAR) || s.charCodeAt(w) === COLON)) w++;
  const hostLike = w > i && w - i <= 64 && (s.charCodeAt(w) === SPACE || s.charCodeAt(w) === 9);
  if (hostLike) {
    // What follows it must not be a tag (TAG: tag characters, perhaps ` [pid]`, then `: `). A run
    // of tag characters holds no `:`, ` ` or `[`, so TAG can only end where the run ends. A `[`
    // that is not a pid and a colon (`dnsmasq: query[A] ...`, `mobifd: [gsm.modem0] ...`) is text.
    let a = w;
    while (s.charCodeAt(a) === SPACE || s.charCodeAt(a) === 9) a++;
    let t = a;
    while (t - a <= 64 && isClass(s.charCodeAt(t), TAG_CHAR)) t++;
    const c = s.charCodeAt(t);
    // A kernel device's name there (`usb 1-1: ...`) is no program's: the parser keeps the line whole.
    if ((c === COLON && s.charCodeAt(t + 1) === SPACE && !(t > a && kernelDevice(word(s, a, t)))) || (c === OPEN && afterPidColon(s, t) >= 0) || (c === SPACE && afterPidColon(s, t + 1) >= 0)) return false;
    // Nor `facility.level` (then a tag: a syslog-ng template's `host facility.level tag: `, journal-iso's).
    if (facilityLevelAt(s, a)) return false;
    // After `facility.level`, a template's fields (fieldLead.ts) are the parser's to read.
    if (fieldsMayFollow(s, a, t) && mayLeadWithFields(s, a) && facilityLevelAt(s, i)) return false;
  }
  // An optional level word (`ERROR`, `WARNING:`) and the white space after it.
  let start = i;
  const level = levelWordAt(s, i);
  if (level > i) {
    start = level;
    if (s.charCodeAt(start) === COLON) start++;
    while (s.charCodeAt(start) === SPACE) start++;
    // After a level word the parser reads a host and a program as well (`INFO modem.py:264
    // ModemManager[1880]: `, `INFO router gsmd: `): the lane had read them as the message, with no
    // program (found by a fast-lane test's generated log).
    if (hostThenTagAt(s, start)) return false;
  }
  // An application's program in brackets (log4j's `[%t]`, Python's `[%(name)s]`): its name, and
  // the message after it; or a bracket the parser leaves in the message (a thread's name with a space).
  const bracket = s.charCodeAt(start) === OPEN ? bracketedName(s, start) : -1;
  const name = bracket > 0 ? word(s, start + 1, bracket) : '';
  const reading = name !== '' ? bracketReading(name) : PARSER_READS;
  const bracketed = reading === PROGRAM_READ ? name : '';
  if (bracketed !== '') {
    start = bracket + 1;
    while (s.charCodeAt(start) === SPACE) start++;
  }
  const c = s.charCodeAt(start);
  // White space other than spaces, or an envelope the parser would peel (`[`, `<`), is the parser's;
  // so is a program the body reads off (lineParser's PROGRAM_LEAD: `kernel: `, `gsmd[3553]: `), and
  // after a level word a `facility.level` (the first word's check above did not see it), and a
  // table's next column (`| router | kernel | ...`, formats/columns.ts).
  if ((start < lineEnd && !(c > 32 && c < 127)) || (c === OPEN && reading !== MESSAGE_READ) || c === LT || (c === BAR && s.charCodeAt(start + 1) === SPACE) || needsFullParser(s) || programLeadAt(s, start) || (start > i && facilityLevelAt(s, start))) return false;
  // After a bracketed program the parser reads the rest as the message (readProgramLead).
  if (bracketed !== '') {
    messageRead(out, 'iso-plain', bracketed, '', -1, start);
    return true;
  }
  // A known program's name and `: ` (lineParser's NAMED_LEAD) is the program; the message follows.
  const named = namedProgramEnd(s, start);
  // A template's program and level as fields (`- gsmd - INFO - `), as the parser's body reads them.
  const mayLead = named < 0 && (start !== i || !hostLike || fieldsMayFollow(s, i, w)) && mayLeadWithFields(s, start);
  const lead = mayLead ? fieldLead(s.slice(start, lineEnd), level > i) : undefined;
  if (lead) messageRead(out, 'iso-plain', lead.program, '', -1, start + lead.end);
  else messageRead(out, 'iso-plain', named > 0 ? word(s, start, named - 2) : '', '', -1, named > 0 ? named : start);
  // After a level word the parser reads the next word as a host it has learned (`ERROR  modem.py:273
  // <debug> ...` once `ERROR  modem.py:273 ModemManager[812]: ...` showed it before a program): the
  // lane asks it of that word, not of the level word (found by a fast-lane test's generated log).
  out.notHost = level > i ? hostWordAt(s, start) : hostLike ? word(s, i, w) : '';
  return true;
}

/**
 * Whether `s` holds at `i` a word as journal-iso's HOST reads it, white space, and a tag after it
 * (`tag: `, not a kernel device's; `tag[pid]: `; `tag [pid]: `): a host and a program, as the
 * first word's check in readIsoPlain asks.
 */
function hostThenTagAt(s: string, i: number): boolean {
  let w = i;
  while (w - i <= 64 && (isClass(s.charCodeAt(w), HOST_CHAR) || s.charCodeAt(w) === COLON)) w++;
  if (w === i || w - i > 64 || (s.charCodeAt(w) !== SPACE && s.charCodeAt(w) !== 9)) return false;
  let a = w;
  while (s.charCodeAt(a) === SPACE || s.charCodeAt(a) === 9) a++;
  let t = a;
  while (t - a <= 64 && isClass(s.charCodeAt(t), TAG_CHAR)) t++;
  const c = s.charCodeAt(t);
  return (c === COLON && s.charCodeAt(t + 1) === SPACE && !(t > a && kernelDevice(word(s, a, t)))) || (c === OPEN && afterPidColon(s, t) >= 0) || (c === SPACE && afterPidColon(s, t + 1) >= 0);
}

/** The word at `a` as journal-iso's HOST reads it (`[A-Za-z0-9_.:-]{1,64}`) when white space follows it, else ''. */
function hostWordAt(s: string, a: number): string {
  let w = a;
  while (w - a <= 64 && (isClass(s.charCodeAt(w), HOST_CHAR) || s.charCodeAt(w) === COLON)) w++;
  return w > a && w - a <= 64 && (s.charCodeAt(w) === SPACE || s.charCodeAt(w) === 9) ? word(s, a, w) : '';
}

/**
 * Where the `]` of a name in brackets at `at` stands that the parser may read as a program
 * (`[scheduling-1] `, as lineParser's BRACKETED_LEAD and readProgramLead read one: a program's
 * characters) or leave in the message (`[HikariPool-1 housekeeper] `: words of those characters
 * with single spaces between them, which BRACKETED_LEAD does not read, nor the embedded level's
 * `[function:line]`), a letter first, then spaces and more text; bracketReading says which. -1 for
 * a bracket the parser reads otherwise or may: a pid after a colon, a second bracket after it (a
 * level's, perhaps), or two spaces within a table column's width of it (the parser may read the
 * line as a table copied as text, columns.ts).
 */
function bracketedName(s: string, at: number): number {
  let j = at + 1;
  const c0 = s.charCodeAt(j);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return -1;
  for (j++; j - at <= 64; j++) {
    const c = s.charCodeAt(j);
    if (c === SPACE ? s.charCodeAt(j - 1) === SPACE : !isClass(c, TAG_CHAR)) break;
  }
  if (s.charCodeAt(j) !== CLOSE || s.charCodeAt(j - 1) === SPACE || s.charCodeAt(j + 1) !== SPACE) return -1;
  let k = j + 1;
  while (s.charCodeAt(k) === SPACE) k++;
  if (k >= lineEnd || s.charCodeAt(k) === OPEN) return -1;
  return twoSpacesIn(s, at, at + SPACED_COLUMN_CHARS + 2) ? -1 : j;
}

/** bracketReading's answers: the parser reads the bracket as the program, leaves it in the message, or reads it otherwise (or may). */
const PROGRAM_READ = 0;
const MESSAGE_READ = 1;
const PARSER_READS = 2;
type BracketReading = typeof PROGRAM_READ | typeof MESSAGE_READ | typeof PARSER_READS;

/**
 * How the parser reads a name in brackets (bracketedName's): a name without a space as a program
 * (neither a level word, nor a kernel device's name), one with a space left in the message; a
 * bracket an envelope reads (ModemManager's `[modem0]`, which the parser is sure of and this reader
 * is not) is the parser's either way. Remembered per name: an application's threads repeat.
 */
function bracketReading(name: string): BracketReading {
  let known = BRACKET_NAMES.get(name);
  if (known === undefined) {
    const spaced = name.indexOf(' ') >= 0;
    const bracket = `[${name}] `;
    known = BRACKET_ENVELOPES.some((e) => e.test(bracket)) ? PARSER_READS : spaced ? MESSAGE_READ : levelFromWord(name) === undefined && !KERNEL_DEVICE.test(name) ? PROGRAM_READ : PARSER_READS;
    if (BRACKET_NAMES.size >= BRACKET_NAMES_KEPT) BRACKET_NAMES.clear();
    BRACKET_NAMES.set(name, known);
  }
  return known;
}

/** The envelopes' patterns that open with a bracket (formats/envelopes.ts). */
const BRACKET_ENVELOPES: readonly RegExp[] = ENVELOPES.map((e) => e.pattern).filter((p) => p.source.startsWith('^\\['));
const BRACKET_NAMES = new Map<string, BracketReading>();
const BRACKET_NAMES_KEPT = 1024;

/**
 * Whether a field lead (fieldLead.ts) may start at `from`, seen from the word there that a reader
 * scanned already (`s[from, to)`, its characters those of a program's name): a bracket, or a
 * separator's dash or bar, at `from`; commas after the word (RouterOS's topics); or a space and a
 * separator or an upper-case word. What mayLeadWithFields asks, without scanning the word again:
 * most lines have none, and each costs a call.
 */
function fieldsMayFollow(s: string, from: number, to: number): boolean {
  const c = s.charCodeAt(from);
  if (c === LT || c === 0x28 /* ( */ || c === 0x7b /* { */ || ((c === 0x2d /* - */ || c === BAR) && s.charCodeAt(from + 1) === SPACE)) return true;
  if (to === from) return false;
  const e = s.charCodeAt(to);
  if (e === 0x2c /* , */) return true;
  const n = s.charCodeAt(to + 1);
  return e === SPACE && (((n === 0x2d || n === BAR) && s.charCodeAt(to + 2) === SPACE) || (n >= 65 && n <= 90));
}

/** After a known program's name and `: ` at `i` (lineParser's NAMED_LEAD, catalogue/tables/programNames.ts), or -1. */
function namedProgramEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
  const t = scanTag(s, i);
  if (t - i > 64 || s.charCodeAt(t) !== COLON || s.charCodeAt(t + 1) !== SPACE) return -1;
  return PROGRAM_NAMES.has(word(s, i, t).toLowerCase()) ? t + 2 : -1;
}

/**
 * Whether `facility.level` stands at `i` as FACILITY_PRIO reads it (whatever follows the level
 * word): a run of lowercase letters and digits, a dot, a level word.
 */
function facilityLevelAt(s: string, i: number): boolean {
  let d = i;
  for (let c = s.charCodeAt(d); d - i <= 12 && ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)); c = s.charCodeAt(++d));
  if (d === i || s.charCodeAt(d) !== DOT) return false;
  let e = d + 1;
  for (let c = s.charCodeAt(e); e - d <= 8 && c >= 97 && c <= 122; c = s.charCodeAt(++e));
  return isFacilityLevel(s, i, e);
}

/**
 * Whether lineParser's PROGRAM_LEAD stands at `i`: `kernel: `, or a program's name and ` [pid]: `
 * or `[pid]: `. A `facility.level` that the body reads off before it needs no check of its own as
 * the first word: with a program after it, that word is read as a host before a tag and the line
 * is left; a tagless line's facility (`daemon.info Mobile data connected`) the fast lane does not
 * account for, and its message from `messageStart` still holds the parser's.
 */
function programLeadAt(s: string, i: number): boolean {
  if (s.startsWith('kernel: ', i)) return true;
  const c = s.charCodeAt(i);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  const t = scanTag(s, i);
  if (t - i > 64) return false;
  const open = s.charCodeAt(t) === SPACE ? t + 1 : t;
  return s.charCodeAt(open) === OPEN && afterPidColon(s, open) >= 0;
}

/**
 * Whether a tag read after a first word is a kernel device's name (lineParser's KERNEL_DEVICE:
 * `usb 1-1: `), which the parser does not read as a host and a program. Asked of tags starting
 * with a digit, `u` or `t` only: most programs' do not.
 */
function kernelDevice(tag: string): boolean {
  const c = tag.charCodeAt(0);
  return ((c >= 48 && c <= 57) || c === 117 || c === 116) && KERNEL_DEVICE.test(tag);
}

/** After `[pid]: ` at `i` (TAG's pid: 1-10 digits), or -1. */
function afterPidColon(s: string, i: number): number {
  if (s.charCodeAt(i) !== OPEN) return -1;
  let k = i + 1;
  while (k - i <= 11 && digit(s, k) >= 0) k++;
  if (k === i + 1 || k - i > 11) return -1;
  return s.charCodeAt(k) === CLOSE && s.charCodeAt(k + 1) === COLON && s.charCodeAt(k + 2) === SPACE ? k + 3 : -1;
}

/** The registry's level words, the longer first (`WARNING` before `WARN`: a whole word is asked for). */
const LEVEL_WORDS = [...APPLICATION_LEVEL_WORDS].sort((a, b) => b.length - a.length);

/** The end of iso-plain's level word at `i` when one stands there as a whole word, else `i`. */
function levelWordAt(s: string, i: number): number {
  for (const w of LEVEL_WORDS) {
    if (!sameText(s, i, w)) continue;
    const next = s.charCodeAt(i + w.length);
    // `\b`: not followed by a word character.
    if ((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95) continue;
    return i + w.length;
  }
  return i;
}

/** A field of an RFC 5424 header: 1 to `max` printable ASCII characters, then a space. Returns the index of the space, or -1. */
function readField(s: string, i: number, max: number): number {
  let j = i;
  for (; j - i <= max; j++) {
    const c = s.charCodeAt(j);
    if (c === SPACE) break;
    if (!(c > 32 && c < 127)) return -1;
  }
  return j > i && j - i <= max && s.charCodeAt(j) === SPACE ? j : -1;
}

/** `<165>1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg`: RFC 5424. */
function readRfc5424(s: string, a: number, out: FastRead): boolean {
  if (s.charCodeAt(a) !== LT) return false;
  let i = a + 1;
  while (i < a + 5 && digit(s, i) >= 0) i++;
  if (i === a + 1 || i > a + 4 || s.charCodeAt(i) !== GT || s.charCodeAt(i + 1) !== 49 /* 1 */ || s.charCodeAt(i + 2) !== SPACE) return false;
  let j = readIsoStamp(s, i + 3, out, true, true);
  if (j < 0 || s.charCodeAt(j) !== SPACE) return false;
  const hostStart = j + 1;
  const hostEnd = readField(s, hostStart, 255);
  if (hostEnd < 0) return false;
  const appEnd = readField(s, hostEnd + 1, 48);
  if (appEnd < 0) return false;
  const procEnd = readField(s, appEnd + 1, 128);
  if (procEnd < 0) return false;
  const msgIdEnd = readField(s, procEnd + 1, 32);
  if (msgIdEnd < 0) return false;
  // Structured data: `-`, or `[id k="v"]` elements with `\]` escapes.
  j = msgIdEnd + 1;
  if (s.charCodeAt(j) === 45 /* - */) {
    j++;
    if (j < lineEnd && s.charCodeAt(j) !== SPACE) return false;
  } else {
    if (s.charCodeAt(j) !== OPEN) return false;
    while (s.charCodeAt(j) === OPEN) {
      j++;
      for (;;) {
        if (j >= lineEnd) return false;
        const c = s.charCodeAt(j);
        if (c === CLOSE) break;
        if (c === 92 /* \ */) {
          const n = s.charCodeAt(j + 1);
          if (j + 1 >= lineEnd || n === 0x2028 || n === 0x2029) return false;
          j += 2;
        } else j++;
      }
      j++;
    }
  }
  if (s.charCodeAt(j) === SPACE) j++;
  if (needsFullParser(s)) return false;
  const host = word(s, hostStart, hostEnd);
  const app = word(s, hostEnd + 1, appEnd);
  messageRead(out, 'rfc5424', app === '-' ? '' : app, host === '-' ? '' : host, -1, j);
  return kernelChecked(s, out);
}

/**
 * `[  123.456789] usb 1-1: ...`, `<6>[    4.123456] ...`, `kernel: [   70.955000] ...`: the kernel
 * ring buffer as `dmesg` and `dmesg -r` print it, and as some pastes keep it after a bare `kernel:`.
 */
function readDmesg(s: string, a: number, out: FastRead): boolean {
  const i = s.charCodeAt(a) === 107 /* k */ ? afterKernelPrefix(s, a) : afterPri(s, a);
  if (i < 0) return false;
  const end = readUptime(s, i, true);
  if (end < 0) return false;
  const next = s.charCodeAt(end);
  let start = end;
  if (next === SPACE) {
    // `[ 1234.5] host prog[pid]: ` is journalctl -o short-monotonic (journal-monotonic).
    if (i === a && monotonicAhead(s, end)) return false;
    // `[089.125] Upgrade module successfully.` is a flashing tool's elapsed time (tool-elapsed).
    if (i === a && toolElapsedEnd(s, a) >= 0) return false;
    start = end + 1;
  } else if (end < lineEnd && !(next > 32 && next < 127 && next !== COLON)) {
    // `[005.415]: ` is a flashing tool's elapsed time (tool-elapsed); other white space is the parser's.
    return false;
  }
  // `<info> [1767016030.3]` after the stamp would give a wall time; a printk level is the parser's too.
  if (!noClockEnvelope(s, start, 4) || needsFullParser(s)) return false;
  out.year = -1;
  out.month = -1;
  messageRead(out, 'dmesg', 'kernel', '', uptimeRead, start);
  return true;
}

/** `[  +2.000123] usb 1-1: ...`: dmesg -H's lines after its first stamp, the time since the line before (no clock). */
function readDmesgRelative(s: string, a: number, out: FastRead): boolean {
  if (s.charCodeAt(a) !== OPEN) return false;
  let i = a + 1;
  while (s.charCodeAt(i) === SPACE) i++;
  if (s.charCodeAt(i) !== 43 /* + */) return false;
  const m = readSeconds(s, i + 1, 1, 10);
  if (m < 0 || s.charCodeAt(m) !== CLOSE) return false;
  const start = afterOptionalSpace(s, m + 1);
  // An envelope with a clock after it (a printk level, a stamp) is the parser's.
  if (start < 0 || !noClockEnvelope(s, start, 4) || needsFullParser(s)) return false;
  out.year = -1;
  out.month = -1;
  messageRead(out, 'dmesg-relative', 'kernel', '', -1, start);
  return true;
}

/**
 * Fills what a reader of a line without a syslog body read besides its date: the format, the tag
 * and host as the header gives them, the uptime (-1: none) and where the message starts. Such a
 * line has no first word for host-column learning and holds whatever hosts the file has shown.
 */
function messageRead(out: FastRead, format: FormatId, tag: string, host: string, uptime: number, messageStart: number): void {
  out.format = format;
  out.tag = tag;
  out.host = host;
  out.uptime = uptime;
  out.messageStart = messageStart;
  out.firstWord = '';
  out.notHost = '';
  clearRare(out);
}

/** Resets the fields only a few shapes set (an elapsed clock, a Unix-time clock, the conditions on the read). */
function clearRare(out: FastRead): void {
  out.decoded = '';
  out.elapsed = -1;
  out.onlyAfterClosed = false;
  out.screenUntagged = false;
  out.bodyStart = -1;
  out.restStart = -1;
  out.facilityAt = -1;
  out.facilityEnd = -1;
  out.pidAt = -1;
  out.recordId = -1;
  out.levelRank = -1;
}

/** After `kernel:` at `a` and the spaces that follow it, or -1 when the line does not start so. */
function afterKernelPrefix(s: string, a: number): number {
  if (!s.startsWith('kernel:', a)) return -1;
  let i = a + 7;
  while (s.charCodeAt(i) === SPACE) i++;
  return i;
}

/**
 * `19:54:59 gsmd[1]: ...`, `[12:02:38] netifd: ...`, `19:54:59.250 kernel: ...`: a time of day
 * alone (a serial console, a condensed paste), then a syslog body. Two-digit hours and a `.` or
 * `,` fraction only; other spellings are the full parser's.
 */
function readTimeOnly(s: string, a: number, out: FastRead): boolean {
  const i = s.charCodeAt(a) === OPEN ? a + 1 : a;
  let j = readClock(s, i, out, true, true);
  if (j < 0) return false;
  if (s.charCodeAt(j) === CLOSE) j++;
  if (s.charCodeAt(j) !== SPACE) return false;
  while (s.charCodeAt(j) === SPACE) j++;
  if (needsFullParser(s) || !readSyslogBody(s, j, out, false, false) || !kernelChecked(s, out)) return false;
  out.format = 'time-only';
  out.year = -1;
  out.month = TIME_OF_DAY;
  return true;
}

/**
 * `[Mon Dec  2 19:54:59 2024] usb 1-1: ...`: `dmesg -T` in an English locale (other locales'
 * names are the full parser's). A message whose first word has a dot may be LuCI's
 * `facility.level` (the luci format, earlier in the registry), and one that opens with `[` or `<`
 * may carry a kernel envelope: both are left to the full parser.
 */
function readDmesgT(s: string, a: number, out: FastRead): boolean {
  if (s.charCodeAt(a) !== OPEN) return false;
  let i = a + 1;
  while (s.charCodeAt(i) === SPACE) i++;
  let j = readCtime(s, i, out);
  if (j < 0) return false;
  while (s.charCodeAt(j) === SPACE) j++;
  if (s.charCodeAt(j) !== CLOSE) return false;
  j++;
  // `\s?` after the stamp: one space, and the message must not start with more white space.
  const start = s.charCodeAt(j) === SPACE ? j + 1 : j;
  const c = s.charCodeAt(start);
  if (start < lineEnd && !(c > 32 && c < 127)) return false;
  if (c === OPEN || c === LT || needsFullParser(s)) return false;
  for (let k = start; k < lineEnd && s.charCodeAt(k) !== SPACE; k++) if (s.charCodeAt(k) === DOT) return false;
  messageRead(out, 'dmesg-T', 'kernel', '', -1, start);
  return true;
}

/**
 * `[ 1234.567890] raspberrypi ModemManager[519]: ...`: journalctl -o short-monotonic, a host and
 * a tag with a pid (or `kernel: `) after the uptime. A kernel message that opens with `[` or `<`
 * (an envelope the parser would peel) is left to the full parser.
 */
function readJournalMonotonic(s: string, a: number, out: FastRead): boolean {
  const end = readUptime(s, a, true);
  if (end < 0 || s.charCodeAt(end) !== SPACE) return false;
  let i = end + 1;
  while (s.charCodeAt(i) === SPACE) i++;
  const hostStart = i;
  while (i - hostStart <= 64 && isClass(s.charCodeAt(i), HOST_CHAR)) i++;
  if (i === hostStart || i - hostStart > 64 || s.charCodeAt(i) !== SPACE) return false;
  const hostEnd = i;
  while (s.charCodeAt(i) === SPACE) i++;
  const start = readTag(s, i);
  if (start < 0) return false;
  const tag = tagRead;
  // The format's look-ahead: a tag with a pid, or `kernel: ` itself.
  if (pidOpen !== tagEnd && tag !== 'kernel') return false;
  const c = s.charCodeAt(start);
  if (tag === 'kernel' && (c === OPEN || c === LT)) return false;
  if (needsFullParser(s)) return false;
  out.year = -1;
  out.month = -1;
  messageRead(out, 'journal-monotonic', tag, word(s, hostStart, hostEnd), uptimeRead, start);
  // The line has no wall time: a ModemManager debug stamp gives it one.
  if (c === LT ? !readMmEnvelope(s, start, out) : !noClockEnvelope(s, start, 4)) return false;
  return kernelChecked(s, out);
}

/**
 * Whether after a printk stamp comes what journal-monotonic takes (`\s+[\w.:-]{1,64}\s+` then
 * `prog[pid]: ` or `kernel: `), or anything this check cannot rule out (other white space).
 */
function monotonicAhead(s: string, end: number): boolean {
  let q = skipBlanks(s, end);
  if (q < 0) return true;
  const a = q;
  for (let c = s.charCodeAt(q); isClass(c, HOST_CHAR) || c === COLON; c = s.charCodeAt(++q));
  if (q === a || q - a > 64 || q >= lineEnd) return q === a && q < lineEnd && !(s.charCodeAt(q) > 32 && s.charCodeAt(q) < 127);
  const c = s.charCodeAt(q);
  if (c !== SPACE && c !== 9) return !(c > 32 && c < 127);
  q = skipBlanks(s, q);
  if (q < 0 || s.startsWith('kernel: ', q)) return true;
  const t = q;
  while (isClass(s.charCodeAt(q), TAG_CHAR)) q++;
  return q > t && s.charCodeAt(q) === OPEN;
}

/** Skips spaces and tabs; -1 when other white space (or a control character) follows, which only the full parser reads for sure. */
function skipBlanks(s: string, i: number): number {
  let q = i;
  while (s.charCodeAt(q) === SPACE || s.charCodeAt(q) === 9) q++;
  const c = s.charCodeAt(q);
  return q < lineEnd && !(c > 32 && c < 127) ? -1 : q;
}

/** Where the line at `a` goes on after a syslog `<PRI>` (1-3 digits) if it has one: `a` without, -1 for a malformed one. */
function afterPri(s: string, a: number): number {
  if (s.charCodeAt(a) !== LT) return a;
  let i = a + 1;
  while (i < a + 5 && digit(s, i) >= 0) i++;
  if (i === a + 1 || i > a + 4 || s.charCodeAt(i) !== GT) return -1;
  return i + 1;
}

/**
 * Whether no envelope the parser peels at `i` (envelopes.ts) can give the line a clock it lacks:
 * a ModemManager level (`<info> [1767016030.3]`), a printk level, a bracketed number (a kernel
 * stamp, a flashing tool's elapsed time). Other brackets (`[modem0]`) and netifd's `iface (pid): `
 * may be peeled before one, so they are stepped over; `rounds` is how many envelopes the parser
 * may still peel. Stepping over a bracket the parser keeps can only refuse more lines.
 */
function noClockEnvelope(s: string, i: number, rounds: number): boolean {
  let p = i;
  for (let round = 0; round < rounds; round++) {
    const c = s.charCodeAt(p);
    if (c === LT) return false;
    if (c === OPEN) {
      let d = p + 1;
      while (s.charCodeAt(d) === SPACE) d++;
      const close = findInLine(s, CLOSE, p + 1);
      const inner = s.charCodeAt(d);
      if (close < 0 || digit(s, d) >= 0 || !(inner > 32 && inner < 127)) return false;
      p = close + 1;
      if (s.charCodeAt(p) === COLON) p++;
      const w = s.charCodeAt(p);
      if (p < lineEnd && w !== SPACE && !(w > 32 && w < 127)) return false;
      while (s.charCodeAt(p) === SPACE) p++;
      continue;
    }
    const q = afterIfacePrefix(s, p);
    if (q < 0) return true;
    p = q;
  }
  return true;
}

/** noClockEnvelope on a text of its own (a JSON line's message), the line being read left as it was. */
function noClockEnvelopeIn(text: string): boolean {
  const start = lineStart;
  const end = lineEnd;
  lineStart = 0;
  lineEnd = text.length;
  const none = noClockEnvelope(text, 0, 4);
  lineStart = start;
  lineEnd = end;
  return none;
}

/** After netifd's `iface (pid): ` at `p` (the netifd-protocol envelope), or -1. */
function afterIfacePrefix(s: string, p: number): number {
  let k = p;
  for (let c = s.charCodeAt(k); k - p <= 32 && (isClass(c, HOST_CHAR) || c === 64 /* @ */); c = s.charCodeAt(++k));
  if (k === p || k - p > 32 || s.charCodeAt(k) !== SPACE || s.charCodeAt(k + 1) !== 40 /* ( */) return -1;
  let d = k + 2;
  while (d - k - 2 <= 10 && digit(s, d) >= 0) d++;
  if (d === k + 2 || d - k - 2 > 10 || s.charCodeAt(d) !== 41 /* ) */ || s.charCodeAt(d + 1) !== COLON || s.charCodeAt(d + 2) !== SPACE) return -1;
  return d + 3;
}

/** ModemManager's level words, as the modemmanager-level envelope reads them. */
const MM_LEVELS = ['dbg', 'debug', 'info', 'inf', 'msg', 'message', 'warn', 'wrn', 'warning', 'err', 'error', 'crit', 'critical'];

/** The index after `<level>` at `i` with one of ModemManager's level words, or -1. */
function mmLevelEnd(s: string, i: number): number {
  if (s.charCodeAt(i) !== LT) return -1;
  const close = findInLine(s, GT, i + 1, i + 10);
  const n = close - i - 1;
  if (close < 0 || n > 8) return -1;
  for (const w of MM_LEVELS) if (w.length === n && sameText(s, i + 1, w)) return close + 1;
  return -1;
}

/**
 * ModemManager's level envelope at `i` (`<dbg> [1767016030.369046] [wwan0at1/at] `), as the
 * modemmanager-level envelope peels it: its debug stamp is the line's wall time when it is Unix
 * time, else seconds since the daemon started. For lines without a wall time or an elapsed clock
 * of their own. False when the envelope's end is not certain, or what follows it could be another
 * envelope with a clock.
 */
function readMmEnvelope(s: string, i: number, out: FastRead): boolean {
  let j = mmLevelEnd(s, i);
  // `(?:\s+|$)` after each part: spaces only here, other white space is the parser's.
  if (j < 0 || (j < lineEnd && s.charCodeAt(j) !== SPACE)) return false;
  while (s.charCodeAt(j) === SPACE) j++;
  if (s.charCodeAt(j) === OPEN && digit(s, j + 1) >= 0) {
    const f = readSeconds(s, j + 1, 1, 10);
    if (f < 0 || s.charCodeAt(f) !== CLOSE || (f + 1 < lineEnd && s.charCodeAt(f + 1) !== SPACE)) return false;
    const n = secondsRead;
    if (n >= EPOCH_FLOOR) {
      // A Unix time past the plausible years gives no clock: the parser's (LineParser applyEnvelope).
      if (!isPlausibleWallTime(n * 1000)) return false;
      out.month = UNIX_TIME;
      out.unixMs = Math.round(n * 1000);
    } else out.elapsed = n;
    j = f + 1;
    while (s.charCodeAt(j) === SPACE) j++;
  }
  if (s.charCodeAt(j) === OPEN) {
    // The object the line is about: `[^\]\s][^\]]{0,63}`, then perhaps `:`.
    const c = s.charCodeAt(j + 1);
    const close = findInLine(s, CLOSE, j + 1);
    if (!(c > 32 && c < 127) || c === CLOSE || close < 0 || close - j - 1 > 64) return false;
    j = close + 1;
    if (s.charCodeAt(j) === COLON) j++;
    if (j < lineEnd && s.charCodeAt(j) !== SPACE) return false;
    while (s.charCodeAt(j) === SPACE) j++;
  }
  mmEnvelopeEnd = j;
  // With a wall time the envelopes after this one can change no clock that matters; without one
  // another ModemManager envelope could still give it.
  return out.month === UNIX_TIME || noClockEnvelope(s, j, 3);
}

/** Where the text after the envelope readMmEnvelope read starts. */
let mmEnvelopeEnd = 0;

/**
 * ModemManager's envelope at `i` after an empty tag and a pid (`daemon.info [2656]: <info>  [modem0] ...`:
 * OpenWrt's ModemManager logs with no name), in a line with a wall time of its own, which stays its
 * time: the envelope gives fields only. One with seconds since the daemon started (an elapsed
 * clock the record keeps) is the parser's.
 */
function mmEnvelopeKeepsClock(s: string, i: number): boolean {
  MM_PROBE.month = -1;
  MM_PROBE.elapsed = -1;
  return readMmEnvelope(s, i, MM_PROBE) && MM_PROBE.elapsed < 0;
}

const MM_PROBE = newFastRead();

/**
 * `[005.415]: qusb_noblock_read read=0`: a flashing tool's log (QFirehose, QLib), seconds since
 * the tool started.
 */
function readToolElapsed(s: string, a: number, out: FastRead): boolean {
  const close = toolElapsedEnd(s, a);
  if (close < 0) return false;
  const start = s.charCodeAt(close + 1) === COLON ? afterOptionalSpace(s, close + 2) : close + 2;
  if (start < 0 || needsFullParser(s) || !noClockEnvelope(s, start, 4)) return false;
  out.year = -1;
  out.month = -1;
  messageRead(out, 'tool-elapsed', '', '', -1, start);
  out.elapsed = Number(s.slice(a + 1, close));
  return true;
}

/**
 * Where the `]` of a flashing tool's elapsed time at `a` is (`[005.415]: ` in QFirehose 1.4.11,
 * `[005.415] ` in 1.1.8 and 1.4.17: 3 to 6 digits from the bracket on, 3 decimals), or -1. The
 * kernel's stamp has 6 decimals and pads with spaces: never this.
 */
function toolElapsedEnd(s: string, a: number): number {
  if (s.charCodeAt(a) !== OPEN) return -1;
  let k = a + 1;
  while (k <= a + 7 && digit(s, k) >= 0) k++;
  if (k < a + 4 || k > a + 7 || s.charCodeAt(k) !== DOT || digit(s, k + 1) < 0 || digit(s, k + 2) < 0 || digit(s, k + 3) < 0) return -1;
  const after = s.charCodeAt(k + 5);
  return s.charCodeAt(k + 4) === CLOSE && (after === COLON || after === SPACE) ? k + 4 : -1;
}

/**
 * `I (22116) modem_board: reconnect after 5s...`: an ESP-IDF console, a level letter and
 * milliseconds since boot. Lines with ANSI colours are the full parser's (it removes them first).
 */
function readEspIdf(s: string, i: number, out: FastRead): boolean {
  const level = s.charCodeAt(i);
  if (!(level === 69 || level === 87 || level === 73 || level === 68 || level === 86) /* E W I D V */ || s.charCodeAt(i + 1) !== SPACE || s.charCodeAt(i + 2) !== 40 /* ( */) return false;
  let n = 0;
  let k = i + 3;
  for (let d = digit(s, k); d >= 0 && k <= i + 15; d = digit(s, ++k)) n = n * 10 + d;
  if (k === i + 3 || k > i + 15 || s.charCodeAt(k) !== 41 /* ) */ || s.charCodeAt(k + 1) !== SPACE) return false;
  // The tag: up to 41 characters before the first `:`, the first not white space, then `: `.
  const a = k + 2;
  const colon = findInLine(s, COLON, a, a + 42);
  const first = s.charCodeAt(a);
  if (colon <= a || colon - a > 41 || s.charCodeAt(colon + 1) !== SPACE || !(first > 32 && first < 127)) return false;
  for (let t = a; t < colon; t++) {
    const c = s.charCodeAt(t);
    if (!(c >= 32 && c < 127)) return false;
  }
  const tag = word(s, a, colon);
  // A tag spelled `kernel` would have kernel envelopes peeled; a wall time or an elapsed clock may come from a ModemManager envelope.
  if (needsFullParser(s) || tag.toLowerCase() === 'kernel' || !noClockEnvelope(s, colon + 2, 4)) return false;
  out.year = -1;
  out.month = -1;
  messageRead(out, 'esp-idf', tag, '', n / 1000, colon + 2);
  return true;
}

/**
 * Where a Cisco console line's stamp starts at `a`, or -1: after a `<PRI>`, a sequence number and
 * `: ` (digits followed by anything else are the stamp's: an uptime's `00:01:23`), and the `*`
 * (clock not authoritative) or `.` (its time source lost) before it.
 */
function afterCiscoLead(s: string, a: number): number {
  let i = afterPri(s, a);
  if (i < 0) return -1;
  let k = i;
  while (k - i < 10 && digit(s, k) >= 0) k++;
  if (k > i && s.charCodeAt(k) === COLON && s.charCodeAt(k + 1) === SPACE) {
    i = k + 2;
    while (s.charCodeAt(i) === SPACE) i++;
  }
  const mark = s.charCodeAt(i);
  return mark === 42 /* * */ || mark === DOT ? i + 1 : i;
}

/**
 * `000123: *Dec  2 2024 19:54:59.123 UTC: %LINK-3-UPDOWN: msg`: a Cisco console's log (the format
 * cisco): `<PRI>` and a sequence number may lead, `*` or `.` before an English month, the day, a
 * year or none, the clock, a zone in capitals or none, `: `; then the system message, whose
 * facility is the program and whose severity (0-7) the level, as the cisco-message envelope reads it.
 */
function readCisco(s: string, a: number, out: FastRead): boolean {
  const i = afterCiscoLead(s, a);
  if (i < 0) return false;
  let j = readMonthDay(s, i, out);
  if (j < 0) return false;
  let year = -1;
  if (s.charCodeAt(j + 5) === SPACE) {
    year = digit(s, j + 1) * 1000 + digit(s, j + 2) * 100 + digit(s, j + 3) * 10 + digit(s, j + 4);
    if (year < 0) return false;
    j += 5;
  }
  if (!isRealDate(out.month, out.day, year < 0 ? undefined : year)) return false;
  let k = readClock(s, j + 1, out, true);
  if (k < 0) return false;
  if (s.charCodeAt(k) === SPACE) {
    let z = k + 1;
    while (z - k <= 5 && s.charCodeAt(z) >= 65 && s.charCodeAt(z) <= 90) z++;
    if (z - k < 3 || z - k > 6) return false;
    k = z;
  }
  if (s.charCodeAt(k) !== COLON || s.charCodeAt(k + 1) !== SPACE) return false;
  if (!readCiscoMessage(s, k + 2, out, 'cisco', -1)) return false;
  out.year = year;
  return true;
}

/**
 * `000123: 00:01:23.456: %LINK-3-UPDOWN: msg`, `1d02h: %LINK-3-UPDOWN: msg`: a Cisco console's log
 * stamped with the time since boot (the format cisco-uptime): `hh:mm:ss` is the uptime, the
 * longer `1d02h`, `2w3d` are read as no clock (hours or days only).
 */
function readCiscoUptime(s: string, a: number, out: FastRead): boolean {
  const i = afterCiscoLead(s, a);
  if (i < 0) return false;
  let uptime = -1;
  let j: number;
  if (s.charCodeAt(i + 2) === COLON) {
    // hh:mm:ss, hours of two digits (under a day), then milliseconds or none.
    const h = digit(s, i) * 10 + digit(s, i + 1);
    const m = digit(s, i + 3) * 10 + digit(s, i + 4);
    const sec = digit(s, i + 6) * 10 + digit(s, i + 7);
    if (h < 0 || m < 0 || m > 59 || sec < 0 || sec > 59 || s.charCodeAt(i + 5) !== COLON) return false;
    uptime = h * 3600 + m * 60 + sec;
    j = i + 8;
    if (s.charCodeAt(j) === DOT) {
      const ms = digit(s, j + 1) * 100 + digit(s, j + 2) * 10 + digit(s, j + 3);
      if (ms < 0) return false;
      uptime += ms / 1000;
      j += 4;
    }
  } else {
    // 1d02h, 2w3d, 1y2w: 1-4 digits and y, w or d, then 1-2 digits and w, d or h.
    j = i;
    while (j - i < 4 && digit(s, j) >= 0) j++;
    const u1 = s.charCodeAt(j);
    if (j === i || !(u1 === 121 || u1 === 119 || u1 === 100)) return false;
    const b = ++j;
    while (j - b < 2 && digit(s, j) >= 0) j++;
    const u2 = s.charCodeAt(j);
    if (j === b || !(u2 === 119 || u2 === 100 || u2 === 104)) return false;
    j++;
  }
  if (s.charCodeAt(j) !== COLON || s.charCodeAt(j + 1) !== SPACE) return false;
  if (!readCiscoMessage(s, j + 2, out, 'cisco-uptime', uptime)) return false;
  out.year = -1;
  out.month = -1;
  return true;
}

/**
 * Cisco's system message at `k` after the stamp's `: ` (spaces may lead it), `%FACILITY-SEVERITY-MNEMONIC: `,
 * read into `out` as the cisco-message envelope reads it: the facility the program, the severity the level.
 */
function readCiscoMessage(s: string, k: number, out: FastRead, format: FormatId, uptime: number): boolean {
  while (s.charCodeAt(k) === SPACE) k++;
  // The mnemonic has no dash, so it follows the token's last one.
  if (s.charCodeAt(k) !== 37 /* % */) return false;
  const f = k + 1;
  let e = f;
  let lastDash = -1;
  for (; e - f < 150; e++) {
    const c = s.charCodeAt(e);
    if (c === 45 /* - */) lastDash = e;
    else if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) break;
  }
  if (lastDash - f < 3 || s.charCodeAt(lastDash - 2) !== 45) return false;
  const severity = digit(s, lastDash - 1);
  const mnemonic = s.charCodeAt(lastDash + 1);
  if (severity < 0 || severity > 7 || e - lastDash - 1 > 40 || !((mnemonic >= 65 && mnemonic <= 90) || (mnemonic >= 48 && mnemonic <= 57))) return false;
  // The facility, before the severity: one to three parts, each a capital and at most 31 more.
  const facilityEnd = lastDash - 2;
  let parts = 0;
  for (let p = f, q = f; p <= facilityEnd; p++) {
    if (p === facilityEnd || s.charCodeAt(p) === 45) {
      const c = s.charCodeAt(q);
      if (p - q < 1 || p - q > 32 || !(c >= 65 && c <= 90) || ++parts > 3) return false;
      q = p + 1;
    }
  }
  let m = e;
  if (s.charCodeAt(m) === SPACE) m++;
  if (s.charCodeAt(m) !== COLON) return false;
  m++;
  if (s.charCodeAt(m) === SPACE) m++;
  // Envelopes the parser peels after this one may bring a clock (a ModemManager debug stamp).
  if (needsFullParser(s) || !noClockEnvelope(s, m, 3)) return false;
  messageRead(out, format, word(s, f, facilityEnd), '', uptime, m);
  out.levelRank = levelRank(levelFromNumber(severity));
  return true;
}

/**
 * `[00:00:12.500,123] <inf> lte_lc: msg`: Zephyr's log, the hours since boot unbounded, then the
 * minutes, seconds, milliseconds and (after a comma) microseconds; a level and the module may follow.
 */
function readZephyr(s: string, a: number, out: FastRead): boolean {
  if (s.charCodeAt(a) !== OPEN) return false;
  let hours = 0;
  let k = a + 1;
  for (let d = digit(s, k); d >= 0 && k - a <= 8; d = digit(s, ++k)) hours = hours * 10 + d;
  if (k - a - 1 < 2 || k - a - 1 > 7 || s.charCodeAt(k) !== COLON || s.charCodeAt(k + 3) !== COLON || s.charCodeAt(k + 6) !== DOT || s.charCodeAt(k + 10) !== 44 /* , */ || s.charCodeAt(k + 14) !== CLOSE) return false;
  // digit() is far below zero for a character that is none: any such sum is negative.
  const minutes = digit(s, k + 1) * 10 + digit(s, k + 2);
  const seconds = digit(s, k + 4) * 10 + digit(s, k + 5);
  const ms = digit(s, k + 7) * 100 + digit(s, k + 8) * 10 + digit(s, k + 9);
  const us = digit(s, k + 11) * 100 + digit(s, k + 12) * 10 + digit(s, k + 13);
  if (minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || ms < 0 || us < 0) return false;
  // The whole stamp in microseconds, divided once: the double Number() makes of the same decimal text.
  const uptime = (((hours * 60 + minutes) * 60 + seconds) * 1e6 + ms * 1000 + us) / 1e6;
  if (!isPlausibleUptime(uptime)) return false;
  let p = k + 15;
  if (s.charCodeAt(p) === SPACE) p++;
  // `<err> `, `<wrn> `, `<inf> `, `<dbg> `.
  let rank = -1;
  if (s.charCodeAt(p) === LT && s.charCodeAt(p + 4) === 62 /* > */ && s.charCodeAt(p + 5) === SPACE) {
    const level = ZEPHYR_LEVELS.indexOf(s.slice(p + 1, p + 4));
    if (level >= 0) {
      rank = levelRank(levelFromWord(ZEPHYR_LEVELS[level])!);
      p += 6;
    }
  }
  // The module: a letter or `_`, then word characters, dots, slashes and dashes, then `: `.
  let t = p;
  const first = s.charCodeAt(t);
  let tag = '';
  if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95) {
    t++;
    while (t - p <= 64 && isZephyrModuleChar(s.charCodeAt(t))) t++;
    if (t - p <= 64 && s.charCodeAt(t) === COLON && s.charCodeAt(t + 1) === SPACE) {
      tag = word(s, p, t);
      p = t + 2;
    }
  }
  if (needsFullParser(s) || tag.toLowerCase() === 'kernel' || !noClockEnvelope(s, p, 4)) return false;
  out.year = -1;
  out.month = -1;
  messageRead(out, 'zephyr', tag, '', uptime, p);
  out.levelRank = rank;
  return true;
}

const ZEPHYR_LEVELS = ['err', 'wrn', 'inf', 'dbg'];

/** `[\w./-]`: the characters of a Zephyr module's name after its first. */
function isZephyrModuleChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === DOT || c === 47 /* / */ || c === 45 /* - */;
}

/**
 * `12-02 19:54:59.123 E/RILJ    ( 1234): msg` (`adb logcat -v time`) and `E/RILJ    ( 1234): msg`
 * (`-v brief`): the level letter, `/`, the tag (no `:` or `(` in it), spaces, the pid in parentheses.
 */
function readLogcatTime(s: string, a: number, out: FastRead): boolean {
  return readLogcatBriefOrTime(s, a, out, true);
}

function readLogcatBrief(s: string, a: number, out: FastRead): boolean {
  return readLogcatBriefOrTime(s, a, out, false);
}

function readLogcatBriefOrTime(s: string, a: number, out: FastRead, timed: boolean): boolean {
  let p = a;
  if (timed) {
    const end = readLogcatStamp(s, a, out);
    if (end < 0 || s.charCodeAt(end) !== SPACE) return false;
    p = end + 1;
  } else {
    out.year = -1;
    out.month = -1;
    out.day = 0;
    out.ms = 0;
  }
  const level = levelFromLetter(s.charAt(p));
  if (level === undefined || s.charCodeAt(p + 1) !== 47 /* / */) return false;
  const t = p + 2;
  const first = s.charCodeAt(t);
  if (!(first > 32 && first < 127) || first === COLON || first === 40 /* ( */) return false;
  // The tag runs to the first `(`; no `:` before it, spaces after it are padding.
  let open = t + 1;
  for (; open < lineEnd && open - t <= 64 + 64; open++) {
    const c = s.charCodeAt(open);
    if (c === 40 /* ( */) break;
    if (c === COLON || !(c >= 32 && c < 127)) return false;
  }
  if (s.charCodeAt(open) !== 40 /* ( */) return false;
  let tagEnd = open;
  while (s.charCodeAt(tagEnd - 1) === SPACE) tagEnd--;
  if (tagEnd - t > 64) return false;
  let k = open + 1;
  while (s.charCodeAt(k) === SPACE) k++;
  const d0 = k;
  while (digit(s, k) >= 0 && k - d0 < 8) k++;
  // logcat pads the pid to five (`%5d`): `(5)` is no pid of its (`I/O error (5): `).
  if (k === d0 || k - d0 > 7 || k - open - 1 < 5 || k - open - 1 > 8 || s.charCodeAt(k) !== 41 /* ) */ || s.charCodeAt(k + 1) !== COLON || s.charCodeAt(k + 2) !== SPACE) return false;
  return logcatRead(s, t, tagEnd, k + 3, out, timed ? 'logcat-time' : 'logcat-brief', level);
}

/**
 * The end of a logcat line's read, in each of its layouts (its stamp, if any, read into `out`
 * before): the tag `s[t, tagEnd)`, the message at `start` and the level. A tag spelled `kernel` would
 * have the kernel's envelopes peeled, and a message may open with a clock's envelope: the parser's.
 */
function logcatRead(s: string, t: number, tagEnd: number, start: number, out: FastRead, format: FormatId, level: Level): boolean {
  const tag = word(s, t, tagEnd);
  if (needsFullParser(s) || tag.toLowerCase() === 'kernel' || !noClockEnvelope(s, start, 4)) return false;
  messageRead(out, format, tag, '', -1, start);
  out.levelRank = levelRank(level);
  return true;
}

/**
 * logcat's stamp at `a`, `MM-DD hh:mm:ss.mmm` (with `-v year` the year before it), into `out`'s
 * date and clock (year -1 when none is written); the index after it, or -1.
 */
function readLogcatStamp(s: string, a: number, out: FastRead): number {
  const year = logcatYear(s, a);
  const d = year >= 0 ? a + 5 : a;
  if (s.charCodeAt(d + 2) !== 45 /* - */ || s.charCodeAt(d + 5) !== SPACE || s.charCodeAt(d + 14) !== DOT) return -1;
  const month = digit(s, d) * 10 + digit(s, d + 1) - 1;
  const day = digit(s, d + 3) * 10 + digit(s, d + 4);
  if (!isRealDate(month, day, year >= 0 ? year : undefined) || readClock(s, d + 6, out, false) !== d + 14) return -1;
  const ms = digit(s, d + 15) * 100 + digit(s, d + 16) * 10 + digit(s, d + 17);
  if (ms < 0) return -1;
  out.year = year;
  out.month = month;
  out.day = day;
  out.ms = ms;
  return d + 18;
}

/** `[04-17_17:20:24:577] QConnectManager_Linux_V1.6.5`: quectel-cm's console, a date without a year. */
function readQuectelCm(s: string, a: number, out: FastRead): boolean {
  if (s.charCodeAt(a) !== OPEN || s.charCodeAt(a + 3) !== 45 /* - */ || s.charCodeAt(a + 6) !== 95 /* _ */ || s.charCodeAt(a + 15) !== COLON || s.charCodeAt(a + 19) !== CLOSE) return false;
  const month = digit(s, a + 1) * 10 + digit(s, a + 2) - 1;
  const day = digit(s, a + 4) * 10 + digit(s, a + 5);
  if (!isRealDate(month, day) || readClock(s, a + 7, out, false) !== a + 15) return false;
  const ms = digit(s, a + 16) * 100 + digit(s, a + 17) * 10 + digit(s, a + 18);
  if (ms < 0) return false;
  const start = afterOptionalSpace(s, a + 20);
  if (start < 0 || needsFullParser(s) || !noClockEnvelope(s, start, 4)) return false;
  messageRead(out, 'quectel-cm', 'quectel-cm', '', -1, start);
  out.year = -1;
  out.month = month;
  out.day = day;
  out.ms = ms;
  return true;
}

/**
 * `12-02 19:54:59.123  1234  1290 E RILJ    : msg`: Android's logcat (threadtime), a date without
 * a year (or with one, `-v year`), the pid and the thread, a level letter, the tag padded with spaces, `: `.
 */
function readLogcat(s: string, a: number, out: FastRead): boolean {
  const end = readLogcatStamp(s, a, out);
  if (end < 0 || s.charCodeAt(end) !== SPACE) return false;
  // The pid and the thread: digits after spaces, one space before the level letter.
  let k = end;
  for (let n = 0; n < 2; n++) {
    const from = k;
    while (s.charCodeAt(k) === SPACE) k++;
    if (k === from) return false;
    const d0 = k;
    while (digit(s, k) >= 0 && k - d0 < 8) k++;
    if (k === d0 || k - d0 > 7) return false;
  }
  const level = levelFromLetter(s.charAt(k + 1));
  if (s.charCodeAt(k) !== SPACE || level === undefined || s.charCodeAt(k + 2) !== SPACE) return false;
  // The tag: its first character no blank or colon, up to 64 characters, then spaces and `: `.
  const t = k + 3;
  const first = s.charCodeAt(t);
  const colon = findInLine(s, COLON, t, t + 256);
  if (colon < 0 || s.charCodeAt(colon + 1) !== SPACE || !(first > 32 && first < 127) || first === COLON) return false;
  let tagEnd = colon;
  while (tagEnd > t && s.charCodeAt(tagEnd - 1) === SPACE) tagEnd--;
  if (tagEnd - t > 64) return false;
  for (let q = t; q < tagEnd; q++) {
    const c = s.charCodeAt(q);
    if (!(c >= 32 && c < 127)) return false;
  }
  return logcatRead(s, t, tagEnd, colon + 2, out, 'logcat', level);
}

/** After an ISO stamp, what logcat writes next: its pid and thread and a level letter, or a level letter and `/`. */
const LOGCAT_AFTER_STAMP = / +(?:\d{1,7} +\d{1,7} [VDIWEFA] |[VDIWEFA]\/)/y;

/** The year `logcat -v year` writes before the month (`2024-`) at `a`, or -1. */
function logcatYear(s: string, a: number): number {
  if (s.charCodeAt(a + 4) !== 45 /* - */) return -1;
  const year = digit(s, a) * 1000 + digit(s, a + 1) * 100 + digit(s, a + 2) * 10 + digit(s, a + 3);
  return year < 0 ? -1 : year;
}

/**
 * After `facility.level`, perhaps a `:`, and the spaces that follow (FACILITY_LEVEL `:?\s+` of
 * registry.ts) at `f`; -1 when no such word stands there or no space follows it.
 */
function afterFacilityLevel(s: string, f: number): number {
  let e = f;
  while (e - f <= 20 && e < lineEnd && s.charCodeAt(e) !== SPACE && s.charCodeAt(e) !== COLON) e++;
  if (!isFacilityLevel(s, f, e)) return -1;
  let g = s.charCodeAt(e) === COLON ? e + 1 : e;
  if (s.charCodeAt(g) !== SPACE) return -1;
  while (s.charCodeAt(g) === SPACE) g++;
  return g;
}

/**
 * The body of a `tagged` format after its `facility.level` (at `i`): `tag[pid]: `, or a message
 * without a tag whose first word is followed by a space and not by `[pid]` (so TAG cannot match).
 * Returns where the message starts and sets `taggedBodyTag` ('' for none), or -1.
 */
let taggedBodyTag = '';
/** TAG read an empty tag and a pid, `[2656]: ` (OpenWrt's ModemManager logs so); its `[` is at `pidOpen`. */
let taggedBodyEmpty = false;
function readTaggedBody(s: string, i: number): number {
  taggedBodyEmpty = false;
  const start = readTag(s, i);
  if (start >= 0) {
    taggedBodyTag = tagRead;
    return start;
  }
  taggedBodyTag = '';
  pidOpen = -1;
  // TAG's name is `{0,64}?`: none, then `[pid]: `. (A `: ` alone the body reader leaves in the message.)
  const afterPid = afterPidColon(s, i);
  if (afterPid >= 0) {
    taggedBodyEmpty = true;
    pidOpen = i;
    tagEnd = i;
    return afterPid;
  }
  const k = scanTag(s, i);
  if (k === i || s.charCodeAt(k) !== SPACE || s.charCodeAt(k + 1) === OPEN) return -1;
  return i;
}

/**
 * `[24.01.2026, 15:09:43 MEZ] user.notice: pbr[9755]: ...`: a copy of LuCI's log table. Its stamp
 * is in the browser's locale, so it is read by the timestamp grammar itself; the rest by character.
 */
function readLuci(s: string, i: number, out: FastRead): boolean {
  if (s.charCodeAt(i) !== OPEN) return false;
  let a = i + 1;
  while (s.charCodeAt(a) === SPACE) a++;
  const close = findInLine(s, CLOSE, a, a + 81);
  if (close < 0 || close - a > 80) return false;
  let b = close;
  while (b > a && s.charCodeAt(b - 1) === SPACE) b--;
  if (b - a < 5 || b - a > 64) return false;
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c === OPEN || c === 9 || c === 0xa0 || c === 0x202f) return false;
  }
  // `\s+` then `facility.level`, perhaps a `:`, then `\s+`.
  let f = close + 1;
  if (s.charCodeAt(f) !== SPACE) return false;
  while (s.charCodeAt(f) === SPACE) f++;
  const g = afterFacilityLevel(s, f);
  if (g < 0 || needsFullParser(s)) return false;
  const start = readTaggedBody(s, g);
  if (start < 0) return false;
  messageRead(out, 'luci', taggedBodyTag, '', -1, start);
  return kernelChecked(s, out) && luciStamp(s, a, b, out);
}

/**
 * What the timestamp grammar says of LuCI stamps, by the stamp with its clock left out: a LuCI
 * copy has a few dates and a new clock on almost every line. Each date is read twice, with the
 * clock `12:00:00` and `13:00:00` in its place: both read on a 24-hour clock; only the first on a
 * 12-hour one, where 12 reads as 0 after `AM` and as 12 after `PM`. The line's own clock is then
 * applied as the grammar would (`toParts`): a real time of day, 1-12 on a 12-hour clock. Stamps
 * whose clock is not `h:mm:ss` go to the grammar whole.
 */
const LUCI_DATES = new Map<string, readonly [StampParts | undefined, StampParts | undefined]>();
const LUCI_DATES_KEPT = 256;
/** The date parts of the last LuCI stamp read (around its clock) and what they read as. */
let lastLuciDate: { before: string; after: string; read?: readonly [StampParts | undefined, StampParts | undefined] } = { before: '', after: '' };

/** Reads LuCI's stamp `s[a, b)` into `out`'s date and clock; false when it has no date. */
function luciStamp(s: string, a: number, b: number, out: FastRead): boolean {
  // The clock: the first `h:mm:ss` (a date has no colon), not glued to a digit before it.
  const c = findInLine(s, COLON, a, b);
  const h0 = c - 2 >= a && digit(s, c - 2) >= 0 ? c - 2 : c - 1;
  const clock = c > a && c < b - 5 && digit(s, c - 1) >= 0 && (h0 === a || digit(s, h0 - 1) < 0)
    && digit(s, c + 1) >= 0 && digit(s, c + 2) >= 0 && s.charCodeAt(c + 3) === COLON && digit(s, c + 4) >= 0 && digit(s, c + 5) >= 0;
  if (!clock) return setStamp(out, readStamp(s.slice(a, b)));
  // The line before mostly has the same date: its parts are compared in place, not joined into a key.
  let read: readonly [StampParts | undefined, StampParts | undefined] | undefined;
  const last = lastLuciDate;
  if (last.read && h0 - a === last.before.length && b - c - 6 === last.after.length && sameText(s, a, last.before) && sameText(s, c + 6, last.after)) read = last.read;
  else {
    // Kept past this line (here and in LUCI_DATES' keys): copies, not slices of the piece.
    const before = ownSlice(s, a, h0);
    const after = ownSlice(s, c + 6, b);
    const key = `${before}\u0001${after}`;
    read = LUCI_DATES.get(key);
    if (!read) {
      const at = (t: string): StampParts | undefined => readStamp(`${before}${t}${after}`);
      read = [at('12:00:00'), at('13:00:00')];
      if (LUCI_DATES.size >= LUCI_DATES_KEPT) LUCI_DATES.clear();
      LUCI_DATES.set(key, read);
    }
    lastLuciDate = { before, after, read };
  }
  const [noon, one] = read;
  if (!noon || noon.numeric) return false;
  let hour = (h0 === c - 2 ? digit(s, h0) * 10 : 0) + digit(s, c - 1);
  const minute = digit(s, c + 1) * 10 + digit(s, c + 2);
  const second = digit(s, c + 4) * 10 + digit(s, c + 5);
  if (!one) {
    // A 12-hour clock: 12 AM read as 0, 12 PM as 12.
    if (hour < 1 || hour > 12) return false;
    hour = (hour % 12) + (noon.hour === 12 ? 12 : 0);
  }
  if (!isRealClock(hour, minute, second) || !setStamp(out, noon)) return false;
  // A zone in the stamp (`[20.11.2024, 00:00:00 MEZ]`) is read at its offset, as the parser reads
  // it (a fast-lane property test's seed: the lane had read it as none, and moved one stamp fewer).
  out.zoneMinutes = zoneOffsetMinutes(noon.zone) ?? NO_ZONE;
  out.hour = hour;
  out.minute = minute;
  out.second = second;
  return true;
}

/** The date, clock and milliseconds of stamp parts into `out`; false without a date. */
function setStamp(out: FastRead, parts: StampParts | undefined): boolean {
  // A date with slashes or dashes is left to the full parser, which learns from it which number is the day (dateOrder.ts).
  if (!parts || parts.month === undefined || parts.day === undefined || parts.numeric) return false;
  out.year = parts.year ?? -1;
  out.month = parts.month;
  out.day = parts.day;
  out.hour = parts.hour;
  out.minute = parts.minute;
  out.second = parts.second;
  out.ms = parts.ms;
  return true;
}

/**
 * `<info>  [1767016030.370510] [modem0] ...`: ModemManager's own output (`--debug` on a
 * console), whose clock is the debug stamp of its level envelope.
 */
function readModemManager(s: string, a: number, out: FastRead): boolean {
  const end = mmLevelEnd(s, a);
  // The format's level words are the envelope's but `message` and `critical`; `\s` must follow.
  if (end < 0 || sameText(s, a + 1, 'message>') || sameText(s, a + 1, 'critical>') || s.charCodeAt(end) !== SPACE || needsFullParser(s)) return false;
  out.year = -1;
  out.month = -1;
  messageRead(out, 'modemmanager', 'ModemManager', '', -1, a);
  return readMmEnvelope(s, a, out);
}

/** The registry's AT conversation line, read where a line starts in the text. */
const AT_CONSOLE_AT = new RegExp(AT_CONSOLE_LINE, 'y');

/** `AT+CPIN?`, `+CPIN: READY`, `OK`: a line of an AT conversation (the registry's at-console); after a timed record the parser's wrapped text. */
function readAtConsole(s: string, a: number, out: FastRead): boolean {
  AT_CONSOLE_AT.lastIndex = a;
  if (!AT_CONSOLE_AT.test(s) || needsFullParser(s)) return false;
  out.year = -1;
  out.month = -1;
  messageRead(out, 'at-console', '', '', -1, a);
  out.onlyAfterClosed = true;
  out.screenUntagged = true;
  return true;
}

/**
 * `daemon.notice pppd[9626]: Modem hangup`, `pppd[9626]: ...`, `netifd: ...`: syslog lines whose
 * stamps were stripped in a paste. Without a pid the parser takes such a line for wrapped text
 * after a timed one, and the tag may be a kernel device's name: the read says both.
 */
function readStripped(s: string, a: number, out: FastRead): boolean {
  if (needsFullParser(s)) return false;
  out.year = -1;
  out.month = -1;
  // `facility.level:?\s+(?=\S)`, then a tag or a message without one; or a certain tag first.
  // (A `facility.level` not followed so is no certain tag either: the tag branch refuses it.)
  const g = afterFacilityLevel(s, a);
  const facility = g >= 0;
  if (facility) {
    const start = readTaggedBody(s, g);
    if (start < 0) return false;
    messageRead(out, 'stripped', taggedBodyTag, '', -1, start);
  } else {
    const start = readTag(s, a);
    // `data: {...}` is a server-sent event's JSON (journalctl -o json-sse), which the parser reads as a JSON line.
    if (start < 0 || !certainTag(s, a, tagEnd) || (s.charCodeAt(start) === 123 /* { */ && tagRead === 'data')) return false;
    messageRead(out, 'stripped', tagRead, '', -1, start);
  }
  const withPid = pidOpen >= 0 && out.tag !== '';
  out.onlyAfterClosed = !withPid;
  out.screenUntagged = !withPid && !facility;
  const tag = out.tag;
  // After `facility.level`, `kernel: [ 12.5] ...` is this format's, with the kernel's uptime.
  if (facility && tag === 'kernel' && s.charCodeAt(out.messageStart) === OPEN) return readKernelMessage(s, out) && noClockEnvelope(s, out.messageStart, 3);
  const m = out.messageStart;
  // `kernel:  [ 12.5] ...` is dmesg's (white space of any length there); a printk level or a
  // ModemManager envelope may bring a clock.
  if (tag === '' || (tag.length === 6 && tag.toLowerCase() === 'kernel')) return s.charCodeAt(m) !== SPACE && noClockEnvelope(s, m, 4);
  if (s.charCodeAt(m) === LT) return readMmEnvelope(s, m, out);
  return noClockEnvelope(s, m, 4);
}

/**
 * After a stamp's `\s?` at `i`: past one space, or at `i` when a printable character or the end
 * is there; -1 for other white space, which only the full parser reads for sure.
 */
function afterOptionalSpace(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === SPACE) return i + 1;
  return i < lineEnd && !(c > 32 && c < 127) ? -1 : i;
}

/**
 * Whether the tag at the line's start `a`, ending at `end`, is one of CERTAIN_TAG's (registry.ts):
 * with a pid a letter first; without one a lowercase word of two or more characters or a
 * CamelCase name (`ModemManager`), not `Error`.
 */
function certainTag(s: string, a: number, end: number): boolean {
  const c0 = s.charCodeAt(a);
  if (pidOpen >= 0) return (c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90);
  if (c0 >= 97 && c0 <= 122) return end - a >= 2;
  if (!(c0 >= 65 && c0 <= 90)) return false;
  let k = a + 1;
  while (k < end && s.charCodeAt(k) >= 97 && s.charCodeAt(k) <= 122) k++;
  const c = s.charCodeAt(k);
  return k > a + 1 && k < end && c >= 65 && c <= 90 && end - k - 1 <= 40;
}

/**
 * The syslog body a reader read (`restStart` >= 0) as the parser's body reader gives it, from the
 * line `line` that starts at `lineStart` in the text that was read: the words and the pid are made
 * here, for the few lines that need them.
 */
export function knownBody(line: string, out: FastRead, lineStart: number): KnownBody {
  const at = (i: number): number => i - lineStart;
  let facility = '';
  let level = '';
  if (out.facilityAt >= 0) {
    const a = at(out.facilityAt);
    const dot = line.indexOf('.', a);
    facility = line.slice(a, dot);
    level = line.slice(dot + 1, at(out.facilityEnd));
  }
  let pid = -1;
  if (out.pidAt >= 0) {
    pid = 0;
    for (let k = at(out.pidAt) + 1; digit(line, k) >= 0; k++) pid = pid * 10 + digit(line, k);
  }
  return { host: out.host, facility, level, tag: out.tag, pid, restStart: at(out.restStart) };
}

/**
 * A JSON line (formats/jsonLines.ts) whose message is no log line of its own: read with the
 * parser's own JSON reader, without a record; the collector screens the decoded message
 * (`decoded`), escapes undone. Taken only when no envelope could give the message a clock, and
 * when no format could read the message as a line of its own (mayReadNested).
 */
function readJsonLines(s: string, a: number, out: FastRead): boolean {
  // journalctl -o json-seq's record separator, -o json-sse's `data: ` (stripPasteArtefacts).
  let b = a;
  if (s.charCodeAt(b) === 0x1e) b++;
  else if (s.charCodeAt(b) === 100 /* d */ && sameText(s, b, 'data:')) b += s.charCodeAt(b + 5) === SPACE ? 6 : 5;
  if (s.charCodeAt(b) !== 123 /* { */ || needsFullParser(s)) return false;
  const j = readJsonLine(s.slice(b, lineEnd));
  if (!j) return false;
  if (!noClockEnvelopeIn(j.message) || mayReadNested(j.message, j.tag)) return false;
  messageRead(out, 'json-lines', j.tag ?? '', j.host ?? '', j.uptime ?? -1, b);
  out.decoded = j.message;
  out.levelRank = j.level !== undefined ? levelRank(j.level) : -1;
  out.year = -1;
  out.month = -1;
  if (j.time !== undefined) {
    out.month = UNIX_TIME;
    out.unixMs = j.time;
    if (j.zone !== undefined) out.shownZone = j.zone;
  }
  return true;
}

/** The fast readers, by the registry format whose lines each takes. */
export const FAST_READERS: Partial<Record<FormatId, FastReader>> = Object.fromEntries(
  ([
    ['logread', readLogread],
    ['bsd-syslog', readBsd],
    ['journal-iso', readJournalIso],
    ['journal-full', readJournalFull],
    ['journal-unix', readJournalUnix],
    ['rfc5424', readRfc5424],
    ['dmesg', readDmesg],
    ['dmesg-T', readDmesgT],
    ['dmesg-relative', readDmesgRelative],
    ['time-only', readTimeOnly],
    ['iso-plain', readIsoPlain],
    ['journal-monotonic', readJournalMonotonic],
    ['luci', readLuci],
    ['tool-elapsed', readToolElapsed],
    ['esp-idf', readEspIdf],
    ['cisco', readCisco],
    ['cisco-uptime', readCiscoUptime],
    ['quectel-cm', readQuectelCm],
    ['logcat', readLogcat],
    ['logcat-time', readLogcatTime],
    ['logcat-brief', readLogcatBrief],
    ['zephyr', readZephyr],
    ['modemmanager', readModemManager],
    ['at-console', readAtConsole],
    ['stripped', readStripped],
    ['json-lines', readJsonLines],
  ] as const satisfies readonly (readonly [FormatId, SpanRead])[]).map(([format, read]) => [format, spanReader(format, read)]),
);
