import type { Level, LogRecord } from '../model';
import { PROGRAM_NAMES } from '../catalogue/tables/programNames';
import { levelFromWord } from './levels';

// An application's template that writes its program and level as fields after the clock, each
// followed by the same separator: Python logging's `%(asctime)s - %(name)s - %(levelname)s -
// %(message)s` (`2024-12-02 19:54:59,123 - gsmd - INFO - ...`), the same with bars
// (`gsmd | INFO | ...`), Go and Java loggers' `gsmd INFO ...` or `INFO gsmd ...`, a name in angle
// brackets or parentheses (`<gsmd> `, `(gsmd) `). The fields are read by what they are, not by
// their order: a program and a level word, either first. A word before a separator is only
// taken for a program with evidence: a level field beside it, or a name the catalogue or a
// router's daemons know (PROGRAM_NAMES), so a message that starts `Link - up` keeps its words.
// MikroTik RouterOS writes its topics, comma-joined, where a program would stand (`lte,error `,
// `system,info,account `): the first is the program, a level word among them the level.

/** A program's name as lineParser's PROGRAM_NAME reads one. */
const NAME = /^[A-Za-z][A-Za-z0-9_.\/@-]{0,63}$/;
/** A kernel device's name (lineParser's KERNEL_DEVICE) is no program's: `usb 1-1 - ...`. */
const DEVICE = /^(?:(?:\d+-\d+(?:\.\d+)*|usb\d+)(?:-port\d+)?|tty[A-Za-z]*\d+|usb)$/;
/** A syslog `facility.level` is no program's name either (`daemon.info INFO ...`). */
const FACILITY_LEVEL = /^[a-z][a-z0-9]{0,11}\.[a-z]+$/;
/** A program the catalogue or a router's daemons know (PROGRAM_NAMES), or the kernel. */
function isKnownProgram(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'kernel' || PROGRAM_NAMES.has(lower);
}

/** RouterOS's topics: two to six lower-case words joined by commas, then a space. */
const TOPICS = /^([a-z][a-z0-9-]{0,31}(?:,[a-z][a-z0-9-]{0,31}){1,5}) +/;

/** How fields are separated, longest first: a space alone only between a name and an upper-case level word. */
const SEPARATORS = [' - ', ' | ', ' '] as const;
/** Brackets a program's name may stand in. */
const BRACKETS: Record<string, string> = { '<': '>', '(': ')', '{': '}' };

/**
 * Whether a field lead may start at `i` of `s`: a cheap test, asked first by fieldLead and by the
 * fast lane (its iso-plain reader then reads the lead with fieldLead; after `facility.level` it
 * leaves the line to the parser). A bracket of BRACKETS around a name, a separator's dash or bar,
 * a word followed by ` - `, ` | ` or a space and an upper-case word, or words joined by commas.
 */
export function mayLeadWithFields(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 0x3c /* < */ || c === 0x28 /* ( */ || c === 0x7b /* { */) return bracketedName(s, i);
  if ((c === 0x2d /* - */ || c === 0x7c /* | */) && s.charCodeAt(i + 1) === 0x20) return true;
  let k = i;
  for (let d = s.charCodeAt(k); k - i <= 64 && ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95 || d === 46 || d === 47 || d === 64 || d === 45); d = s.charCodeAt(++k));
  // Topics joined by commas (`lte,error `): the reader checks them.
  if (k > i && s.charCodeAt(k) === 0x2c) return true;
  if (k === i || s.charCodeAt(k) !== 0x20) return false;
  const n = s.charCodeAt(k + 1);
  if ((n === 0x2d || n === 0x7c) && s.charCodeAt(k + 2) === 0x20) return true;
  return n >= 65 && n <= 90 && s.charCodeAt(k + 2) >= 65 && s.charCodeAt(k + 2) <= 90;
}

/**
 * Whether a bracket at `i` closes within a name's length around a word that may be a program's:
 * a letter first, and no level word (ModemManager's `<info>` is its envelope).
 */
function bracketedName(s: string, i: number): boolean {
  const close = s.indexOf(BRACKETS[s[i]], i + 1);
  if (close < 0 || close - i > 65) return false;
  const c = s.charCodeAt(i + 1);
  return ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && levelFromWord(s.slice(i + 1, close)) === undefined;
}

/**
 * Reads a field lead at the start of `rest` (after a clock) into the record's tag and level, and
 * returns the message after it; `rest` as it is when there is none. `levelRead`: the format's
 * header read a level word already (`2024-12-02 19:54:59 INFO - gsmd - ...`), which is evidence
 * of such a template too.
 */
export function readFieldLead(record: LogRecord, rest: string, levelRead: boolean): string {
  const lead = fieldLead(rest, levelRead);
  if (!lead) return rest;
  record.tag = lead.program;
  if (lead.level !== undefined) record.syslogLevel ??= lead.level;
  return rest.slice(lead.end);
}

/**
 * RouterOS's topics at the start of `rest` (`lte,error `): the first the program, a level word
 * among them the level; undefined when they are not topics so. A router's remote syslog writes its
 * host before them (`Dec  2 19:54:59 MikroTik lte,error lte1: ...`): the parser takes a word before
 * topics for the host (lineParser's readBody).
 */
export function topicsLead(rest: string): { program: string; level: Level; end: number } | undefined {
  const topics = TOPICS.exec(rest);
  if (!topics) return undefined;
  const words = topics[1].split(',');
  const level = words.map((w) => levelFromWord(w)).find((l) => l !== undefined);
  // A level word among them, and a program's name first (not the level, not a device's).
  if (level === undefined || levelFromWord(words[0]) !== undefined || DEVICE.test(words[0]) || topics[0].length >= rest.length) return undefined;
  return { program: words[0], level, end: topics[0].length };
}

/**
 * The field lead at the start of `rest`: its program, its level word's level, and where the message
 * starts; undefined when there is none. The fast lane's iso-plain reader asks this of the same
 * text (fastReaders.ts), so both read a line alike.
 */
export function fieldLead(rest: string, levelRead: boolean): { program: string; level: Level | undefined; end: number } | undefined {
  if (!mayLeadWithFields(rest, 0)) return undefined;
  if (TOPICS.test(rest)) return topicsLead(rest);
  // A separator before the first field: the clock's own (`19:54:59,123 - gsmd - ...`).
  const lead = rest.startsWith('- ') || rest.startsWith('| ') ? 2 : 0;
  for (const sep of SEPARATORS) {
    const read = readFields(rest, lead, sep);
    if (!read) continue;
    const { program, bracketed, level } = read;
    const known = isKnownProgram(program);
    // A level word beside the name, or a known program set apart by a separator or brackets.
    if (!(level !== undefined || (levelRead && sep !== ' ') || (known && (sep !== ' ' || bracketed)))) continue;
    return { program, level, end: read.end };
  }
  return undefined;
}

/**
 * One or two fields from `at`, each followed by `sep`: a program (perhaps bracketed) and at most
 * one level word. With a space for separator the level word must be upper case (`INFO`, `WARN`),
 * as templates write it, so prose (`gsmd error opening port`) is not read so; and a bracketed
 * name needs no separator but a space.
 */
function readFields(rest: string, at: number, sep: string): { program: string; bracketed: boolean; level: Level | undefined; end: number } | undefined {
  let program: string | undefined;
  let bracketed = false;
  let level: Level | undefined;
  let k = at;
  for (let n = 0; n < 2; n++) {
    const field = readField(rest, k, sep);
    if (!field) break;
    const word = field.word;
    const levelWord = levelFromWord(word);
    // A bracketed level word is an envelope's (ModemManager's `<info>`), read elsewhere.
    if (levelWord !== undefined && field.bracket !== undefined) break;
    const asLevel = sep !== ' ' || /^[A-Z]+$/.test(word) ? levelWord : undefined;
    if (asLevel !== undefined && level === undefined) level = asLevel;
    else if (levelWord === undefined && program === undefined && NAME.test(word) && !DEVICE.test(word) && !FACILITY_LEVEL.test(word)) {
      // With spaces alone, a word after a level word is the message's (`INFO Connection up`)
      // unless it is a known program's.
      if (sep === ' ' && level !== undefined && !isKnownProgram(word)) break;
      program = word;
      bracketed = field.bracket !== undefined;
    } else break;
    k = field.end;
    // A program alone is a lead only where a level word is not next.
    if (program !== undefined && level !== undefined) break;
  }
  if (program === undefined || k === at) return undefined;
  // The message follows: not empty, and not a further separator.
  if (k >= rest.length || rest.charCodeAt(k) === 0x20) return undefined;
  return { program, bracketed, level, end: k };
}

/** A field at `at` and the separator after it (a bracketed name may be followed by a space alone), or undefined. */
function readField(rest: string, at: number, sep: string): { word: string; bracket: string | undefined; end: number } | undefined {
  const close = BRACKETS[rest[at]];
  if (close !== undefined) {
    const end = rest.indexOf(close, at + 1);
    if (end < 0 || end - at > 65) return undefined;
    const after = rest.startsWith(sep, end + 1) ? end + 1 + sep.length : rest.charCodeAt(end + 1) === 0x20 ? end + 2 : -1;
    return after < 0 ? undefined : { word: rest.slice(at + 1, end), bracket: rest[at], end: after };
  }
  const end = rest.indexOf(sep, at);
  if (end <= at || end - at > 64) return undefined;
  const word = rest.slice(at, end);
  if (word.includes(' ')) return undefined;
  return { word, bracket: undefined, end: end + sep.length };
}
