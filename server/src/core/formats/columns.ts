import type { LogRecord } from '../model';
import { FACILITY_NAMES, levelFromWord } from '../records/levels';
import { JSON_FIELDS, keyOfColumnName } from './jsonLines';
import { isProgramName } from '../catalogue/tables/programNames';

// Log lines exported from a table: an aggregator's (Graylog, Kibana, Loki, Splunk) or a
// spreadsheet's rows as tab-separated values, printed with bars (`2024-12-02 19:54:59 | router |
// kernel | usb 1-1: ...`) or as CSV (`"2024-12-02 19:54:59","router","kernel","usb 1-1: ..."`),
// its columns separated by semicolons where a spreadsheet's locale writes decimals with a comma
// (`02.12.2024 19:54:59;router;kernel;usb 1-1: ...`: Excel in German, French, Polish...).
// The clock column is read by the format layer as any stamp is; the columns after it are read by
// their shape, as there is no one order: the host, the program, the level, the facility, the pid
// or an empty `-`, until a column that is none of them, which starts the message. A header row
// that names the columns (`"@timestamp","host","message"`, `_time<TAB>_raw`) is read instead: each
// row is then read by the names, as a JSON line is by its keys (jsonLines.ts), in any order.

/** How the columns after a clock are separated. */
export type ColumnSeparator = 'tab' | 'bar' | 'comma' | 'semicolon' | 'spaces';

/**
 * A column a table has before its message: a program or host name (`gsmd`, `gsmd[3553]`,
 * `router.lan`), a host's address or a name that starts with a digit (`192.168.1.1`, balena's
 * `8e98fe4`); a column of digits alone is a pid (NUMBER), one with a colon a clock's or a message's.
 */
const NAME = /^([A-Za-z0-9][\w.\/@-]{0,63}?)(?: ?\[(\d{1,10})\])?:?$/;
const NUMBER = /^\d{1,10}$/;
/** A program's lead at a message's start: its name, its pid in brackets or none, a colon. */
const PROGRAM_LEAD = /^([A-Za-z][\w.\/-]{0,63})(?:\[(\d{1,10})\])?: /;
/** An IPv4 address, or an IPv6 one: a syslog server names a host it has no name for so. */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]+)$/;
const FACILITY_LEVEL = /^([a-z][a-z0-9]{0,11})\.([a-z]+)$/i;
const FACILITIES = new Set(FACILITY_NAMES);
/**
 * A facility as a syslog server may spell it in its priority column (`Kernel.Info`: RFC 5424's
 * table calls facility 0 "kernel messages"); the others are syslog's own words, in any case.
 */
const FACILITY_ALIASES = new Map([['kernel', 'kern']]);

/** The syslog facility a column names (any case, an alias), or undefined. */
function facilityOf(word: string): string | undefined {
  const lower = word.toLowerCase();
  return FACILITIES.has(lower) ? lower : FACILITY_ALIASES.get(lower);
}
/** At most this many columns before the message: an export's host, program, pid, level and facility. */
const MAX_LEAD = 5;

/**
 * The separator of a body that follows a clock column, or undefined for a body that is no table
 * row: `ws` is the text between the stamp and the body (a tab there makes a tab-separated row),
 * `body` the rest (a bar and a space begin a printed table's next column; a tab row has a tab in
 * it too, between its next columns).
 */
export function columnSeparator(ws: string, body: string): ColumnSeparator | undefined {
  // One tab after the clock alone is white space (a logread line with a tab for its space).
  if (ws.includes('\t') && body.includes('\t')) return 'tab';
  if (body.charCodeAt(0) === 0x7c /* | */ && body.charCodeAt(1) === 0x20) return 'bar';
  // A table copied from a page as text: two spaces or more after the clock and between the
  // columns (RutOS's event log, an aggregator's table). A log line has one space after its clock.
  if (ws.length >= 2 && SPACES_ONLY.test(ws)) {
    const gap = body.indexOf('  ');
    if (gap > 0 && gap <= SPACED_COLUMN_CHARS) return 'spaces';
  }
  return undefined;
}

const SPACES_ONLY = /^ +$/;
/** The longest column before a message in a table copied as text (a host's, a program's name). */
export const SPACED_COLUMN_CHARS = 64;

/**
 * Reads the columns of a table row's body (after its clock column) into the record's host, tag,
 * pid, facility and level; returns the message. The last column is always the message; a single
 * name column is taken for the program (a table of one machine's log names its programs; when it
 * is the host instead, the message is still matched by its text, which is what matters).
 */
export function readColumns(record: LogRecord, body: string, separator: ColumnSeparator): string {
  const names: { name: string; pid?: string; emptyAfter?: boolean }[] = [];
  let at = separator === 'bar' ? 2 : 0;
  for (let n = 0; n < MAX_LEAD; n++) {
    const end = nextSeparator(body, at, separator);
    if (end < 0) break;
    const column = unquote(body.slice(at, end).trim());
    if (!readLeadColumn(record, column, names)) break;
    at = skipSeparator(body, end, separator);
  }
  if (names.length === 2) record.host ??= names[0].name;
  // A lone name before an empty column (`"rut-a","info","","Mobile data ..."`: a RutOS event, which
  // has no program, in an aggregator's export) is the host, unless it is a program's name.
  else if (names.length === 1 && names[0].emptyAfter && !isProgramName(names[0].name)) {
    record.host ??= names[0].name;
    names.length = 0;
  }
  const rest = body.slice(at);
  const message = isCsv(separator) ? unquote(rest.trim()) : rest.trimEnd();
  // A lone name column before a message that opens with a program's lead (`NetworkManager[612]: `)
  // is the host, whose syslog line the message is (Kiwi Syslog's `date time<TAB>Kern.Info<TAB>host
  // <TAB>program[pid]: text`): the program and its text are the message's (a blind probe's lines had
  // the host's IP taken for the program, and NetworkManager's line left unread).
  const lead = names.length === 1 && names[0].pid === undefined ? PROGRAM_LEAD.exec(message) : null;
  if (lead && (lead[2] !== undefined || ADDRESS.test(names[0].name))) {
    record.host ??= names[0].name;
    record.tag ??= lead[1];
    if (lead[2] !== undefined) record.pid ??= +lead[2];
    return message.slice(lead[0].length);
  }
  const program = names.length > 0 ? names[names.length - 1] : undefined;
  if (program) {
    record.tag ??= program.name;
    if (program.pid !== undefined) record.pid ??= +program.pid;
  }
  return message;
}

/** Reads one column before the message into the record; false when it is not such a column. */
function readLeadColumn(record: LogRecord, column: string, names: { name: string; pid?: string; emptyAfter?: boolean }[]): boolean {
  if (column === '' || column === '-') {
    if (names.length > 0) names[names.length - 1].emptyAfter = true;
    return true;
  }
  if (NUMBER.test(column)) {
    record.pid ??= +column;
    return true;
  }
  const fl = FACILITY_LEVEL.exec(column);
  const facility = fl ? facilityOf(fl[1]) : undefined;
  if (fl && facility !== undefined && levelFromWord(fl[2])) {
    record.facility ??= facility;
    record.syslogLevel ??= levelFromWord(fl[2]);
    return true;
  }
  const level = levelFromWord(column);
  if (level) {
    record.syslogLevel ??= level;
    return true;
  }
  if (FACILITIES.has(column)) {
    record.facility ??= column;
    return true;
  }
  const name = NAME.exec(column);
  // A third name is no host or program: the message starts there.
  if (!name || names.length >= 2) return false;
  names.push({ name: name[1], pid: name[2] });
  return true;
}

/** Where the column starting at `from` ends (the separator's position), or -1 when it is the last. */
function nextSeparator(body: string, from: number, separator: ColumnSeparator): number {
  if (separator === 'tab') return body.indexOf('\t', from);
  if (separator === 'bar') return body.indexOf(' | ', from);
  if (separator === 'spaces') return body.indexOf('  ', from);
  // CSV: a quoted column ends after its closing quote (a doubled quote is one inside it).
  const delimiter = separator === 'comma' ? ',' : ';';
  if (body.charCodeAt(from) === 0x22 /* " */) {
    let i = from + 1;
    for (;;) {
      const q = body.indexOf('"', i);
      if (q < 0) return -1;
      if (body.charCodeAt(q + 1) === 0x22) {
        i = q + 2;
        continue;
      }
      return body[q + 1] === delimiter ? q + 1 : -1;
    }
  }
  return body.indexOf(delimiter, from);
}

/** Whether the rows are CSV (RFC 4180's quotes), with commas or with semicolons between columns. */
export function isCsv(separator: ColumnSeparator): boolean {
  return separator === 'comma' || separator === 'semicolon';
}

/** Where the next column starts after the separator at `at` in `text` (` | ` is three characters, spaces as many as there are). */
function skipSeparator(text: string, at: number, separator: ColumnSeparator): number {
  if (separator === 'spaces') {
    let k = at;
    while (text.charCodeAt(k) === 0x20) k++;
    return k;
  }
  return at + (separator === 'bar' ? 3 : 1);
}

/** A CSV column's value: without its quotes, a doubled quote as one. */
/**
 * A CSV message column whose quote the line does not close (a mail or a terminal wrapped the row):
 * its text after the quote, doubled quotes made one; undefined for any other column.
 */
export function openQuotedColumn(column: string): string | undefined {
  if (column.charCodeAt(0) !== 0x22 /* " */) return undefined;
  for (let i = 1; i < column.length; i++) {
    if (column.charCodeAt(i) !== 0x22) continue;
    if (column.charCodeAt(i + 1) !== 0x22) return undefined;
    i++;
  }
  return column.slice(1).replace(/""/g, '"');
}

/** The rest of an open quoted column on a line that goes on with it: the text, and whether its quote closes at the line's end. */
export function quotedColumnGoesOn(text: string): { text: string; closed: boolean } {
  // An odd run of quotes at the end closes it: a doubled one is a quote inside it.
  const closed = (text.length - text.replace(/"+$/, '').length) % 2 === 1;
  return { text: (closed ? text.slice(0, -1) : text).replace(/""/g, '"'), closed };
}

function unquote(column: string): string {
  if (column.length < 2 || column.charCodeAt(0) !== 0x22 || column.charCodeAt(column.length - 1) !== 0x22) return column;
  return column.slice(1, -1).replace(/""/g, '"');
}

/** A table's header row: how its columns are separated, and the JSON_FIELDS key each names (undefined: no role). */
export interface TableHeader {
  separator: ColumnSeparator;
  keys: (string | undefined)[];
}

// (Letters of any script: a header in another language, `Priorität`, `Hôte`; U+FFFD where a legacy
// encoding's letter was not UTF-8, `Priorit\uFFFDt` from Windows-1252.)
const HEADER_CHARS = /^[\p{L}\d_.@"' \t,;|\uFFFD-]{3,2000}$/u;

/** At most this many columns in a header: an export's selected fields. */
const MAX_COLUMNS = 64;

/**
 * A header row: columns separated by tabs, commas or bars, each a field's name, one naming the
 * message and one a time (so a line of prose is none). Undefined for any other line.
 */
export function readTableHeader(text: string): TableHeader | undefined {
  // Names, quotes and separators only: a line of prose or of a log (`:`, `(`, `[`) is none, at once.
  if (!HEADER_CHARS.test(text)) return undefined;
  const separator: ColumnSeparator | undefined = text.includes('\t') ? 'tab' : text.includes(' | ') ? 'bar' : text.includes(',') ? 'comma' : text.includes(';') ? 'semicolon' : undefined;
  if (separator === undefined) return undefined;
  const names = splitRow(text.trim(), separator, MAX_COLUMNS + 1);
  if (!names || names.length < 2 || names.length > MAX_COLUMNS) return undefined;
  let message = false;
  let time = false;
  const keys = names.map((n) => {
    // (Words with single spaces between them too: `System Time`, `Log Message`.)
    if (!/^[\p{L}_@](?:[\p{L}\d_.@\uFFFD-]| (?! )){0,40}$/u.test(n)) return null;
    const k = keyOfColumnName(n) ?? keyOfColumnWords(n);
    message ||= k?.message ?? false;
    time ||= k?.time ?? false;
    return k?.key;
  });
  if (keys.includes(null) || !message || !time) return undefined;
  return { separator, keys: distinctKeys(keys as (string | undefined)[]) };
}

/**
 * Each key once: a later column named for a key an earlier one took (eWON's `TimeInt` and
 * `TimeStr`, both a time) gets the next key of the same role, so both are kept and the first
 * column's is read first (JSON_FIELDS' order); without one left it is dropped.
 */
function distinctKeys(keys: (string | undefined)[]): (string | undefined)[] {
  const used = new Set<string>();
  return keys.map((k) => {
    if (k === undefined) return k;
    if (!used.has(k)) {
      used.add(k);
      return k;
    }
    const role = (Object.values(JSON_FIELDS) as readonly (readonly string[])[]).find((list) => list.includes(k));
    const next = role?.slice(role.indexOf(k) + 1).find((x) => !used.has(x));
    if (next !== undefined) used.add(next);
    return next;
  });
}

/**
 * The role of a column whose name is words (`System Time`, `Log Message`, `TimeStr`, `event_text`):
 * that of the words that name one, when they all name the same; no clock where a word says the
 * column counts time since something (`Up Time`, `System Up Time`: the time since boot). A web
 * interface's export names its columns so (blind probes: SCALANCE's, eWON's), where a name alone
 * is known (`Time`, `Message`).
 */
function keyOfColumnWords(name: string): ReturnType<typeof keyOfColumnName> {
  const words = name.split(/[\s_.-]+|(?<=\p{Ll})(?=\p{Lu})/u).filter((w) => w !== '');
  if (words.length < 2) return undefined;
  let found: ReturnType<typeof keyOfColumnName>;
  for (const w of words) {
    const k = keyOfColumnName(w);
    if (k === undefined) continue;
    // (Words of one role agree: `Log` and `Message` both name the message.)
    if (found !== undefined && roleOf(found) !== roleOf(k)) return undefined;
    found = k;
  }
  if (found?.time && words.some((w) => NOT_WALL_CLOCK.has(w.toLowerCase()))) return undefined;
  return found;
}

/** A column's role as readTableHeader asks it: the message, a time, or its key's own. */
function roleOf(k: NonNullable<ReturnType<typeof keyOfColumnName>>): string {
  return k.message ? 'message' : k.time ? 'time' : k.key;
}

/** Words of a column name that make its time a count since something, not the wall clock's. */
const NOT_WALL_CLOCK: ReadonlySet<string> = new Set(['up', 'uptime', 'boot', 'bootup', 'elapsed', 'since', 'duration', 'running', 'run', 'relative']);

/**
 * A row of the table as an object keyed by the header's names (the columns without a role left
 * out), or undefined when the line has fewer columns than the header. The last column takes the
 * rest of the line, separators and all (a message with a tab or a comma in it, unquoted).
 */
export function tableRow(text: string, header: TableHeader): Record<string, string> | undefined {
  const values = splitRow(text, header.separator, header.keys.length);
  if (!values || values.length < header.keys.length) return undefined;
  const row: Record<string, string> = {};
  header.keys.forEach((k, i) => {
    if (k !== undefined && values[i] !== '') row[k] = values[i];
  });
  return row;
}

/** The line's columns, at most `limit` (the last takes the rest), each trimmed and unquoted; undefined for a broken quote. */
function splitRow(text: string, separator: ColumnSeparator, limit: number): string[] | undefined {
  const out: string[] = [];
  let at = 0;
  while (out.length < limit - 1) {
    const end = nextSeparator(text, at, separator);
    if (end < 0) break;
    const field = text.slice(at, end).trim();
    // A quote inside an unquoted CSV column is none of RFC 4180's: something stands before the
    // row's first quote (cat -n's number, grep's file name, a container's service), and the
    // parser reads the row after it.
    if (isCsv(separator) && field.charCodeAt(0) !== 0x22 && field.includes('"')) return undefined;
    out.push(unquote(field));
    at = skipSeparator(text, end, separator);
  }
  const last = text.slice(at).trim();
  if (isCsv(separator) && last.charCodeAt(0) === 0x22 && (last.length < 2 || last.charCodeAt(last.length - 1) !== 0x22)) return undefined;
  out.push(unquote(last));
  return out;
}
