import type { Level } from '../model';
import type { DateOrders, NumericDate } from './dateOrder';
import { FACILITY_NAMES, levelFromNumber, levelFromWord } from '../records/levels';
import { isPlausibleUptime, isPlausibleWallTime, readStamp, zoneOffsetMinutes } from './timestampGrammar';
import { wallTime } from '../records/timeWords';
import { programOfUnit } from '../records/unitName';

// Logs written one JSON object per line: `journalctl -o json`, log shippers and aggregators
// (Docker's json-file, Graylog, Loki's `logcli --output=jsonl`, Elastic exports). Each names its
// fields its own way, so the fields are read by role from the keys below, in order: the first key
// present wins. Knowledge as data: a shipper with other names is one more key here. A dotted key is
// read flat (a CSV column `process.name`) or nested (`"process": {"name": ...}`): the Elastic
// Common Schema's names (ecs-process, ecs-host, ecs-log: `process.name`, `host.hostname`,
// `log.level`, `log.syslog.*`), which Filebeat and Elastic Agent write.

/** Keys of each role, most specific first. */
export const JSON_FIELDS = {
  /** The message. A message that is itself a log line (a shipper's copy of a syslog line) is read as one. */
  message: ['MESSAGE', 'message', 'msg', 'log', 'short_message', 'full_message', 'line', 'text', '_raw'],
  /** journald's wall time: microseconds since 1970, as a string of digits. */
  microseconds: ['__REALTIME_TIMESTAMP'],
  /** A wall time as text (ISO 8601 and the other stamps of the timestamp grammar) or seconds, milliseconds or microseconds since 1970. */
  time: ['@timestamp', 'timestamp', 'time', 'ts', 'date', 'datetime', '_time'],
  /** The program. */
  tag: ['SYSLOG_IDENTIFIER', '_COMM', 'syslog_identifier', 'ident', 'program', 'appname', 'app_name', 'application_name', 'application', 'process', 'tag', 'app', 'unit', '_SYSTEMD_UNIT', 'process.name', 'log.syslog.appname'],
  pid: ['_PID', 'SYSLOG_PID', 'pid', 'process_id', 'process.pid', 'log.syslog.procid'],
  host: ['_HOSTNAME', 'hostname', 'host', 'host.hostname', 'host.name', 'log.syslog.hostname', 'source'],
  /** A syslog priority 0-7 (journald's PRIORITY; `dmesg --json`'s `pri`), or a level word (`info`, `WARNING`). */
  level: ['PRIORITY', 'level', 'severity', 'levelname', 'loglevel', 'lvl', 'pri', 'log.level', 'log.syslog.severity.name', 'log.syslog.severity.code'],
  /** A syslog facility number (journald's SYSLOG_FACILITY) or name (`dmesg --json -x`'s `fac`). */
  facility: ['SYSLOG_FACILITY', 'facility', 'fac', 'log.syslog.facility.name', 'log.syslog.facility.code'],
  /** journald's time of a kernel message since boot, in microseconds: the kernel's uptime. */
  kernelMicroseconds: ['_SOURCE_MONOTONIC_TIMESTAMP'],
} as const;

/** What a JSON line says, by role. */
export interface JsonLine {
  message: string;
  time?: number;
  /** The offset from UTC (minutes) `time` is at, where the field says it (`Z`, `+02:00`; 0 for a count of seconds since 1970). */
  zone?: number;
  tag?: string;
  pid?: number;
  host?: string;
  level?: Level;
  facility?: string;
  uptime?: number;
  /** The time's numeric date as written, where it could be day or month first (`07/12/2026`), and its year (dateOrder.ts). */
  numeric?: { date: NumericDate; year: number };
}

/**
 * The fields of a line that is one JSON object with a message, or undefined. Never throws: a line
 * that is not JSON, or JSON without a message, is another format's or text.
 */
export function readJsonLine(text: string, depth = 0): JsonLine | undefined {
  // Only an object can be one; a failed JSON.parse costs a thrown error (microseconds), so text
  // that plainly is not one (`{ block of C code`) is not handed to it.
  if (!isBraced(text)) return undefined;
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  const line = readFieldsByRole(o as Record<string, unknown>) ?? wrappedRecord(o as Record<string, unknown>);
  // A message that is itself a JSON record (Fluent Bit's `log` holding Docker's json-file line,
  // `{"log":"...\n","stream":"stderr","time":...}`): that record's fields, the outer ones where it
  // has none (a blind probe's had Docker's tail left in every message).
  if (!line || depth >= MAX_JSON_NESTING || !isBraced(line.message)) return line;
  const inner = readJsonLine(line.message, depth + 1);
  if (!inner) return line;
  const merged: JsonLine = { ...line, message: inner.message };
  for (const k of Object.keys(inner) as (keyof JsonLine)[]) if (inner[k] !== undefined) (merged as unknown as Record<string, unknown>)[k] = inner[k];
  return merged;
}

/** How deep JSON records inside a record's message are read (a shipper's record of a container's record). */
const MAX_JSON_NESTING = 2;

/**
 * The record an object without a message of its own wraps: one of its values that is one (a search
 * hit's `_source`, as `jq -c '.hits.hits[]'` or an export tool writes Elasticsearch's hits one a
 * line). Two such values say nothing of which is the line's: none.
 */
function wrappedRecord(o: Record<string, unknown>): JsonLine | undefined {
  let found: JsonLine | undefined;
  for (const k in o) {
    const v = o[k];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) continue;
    const j = readFieldsByRole(v as Record<string, unknown>);
    if (j === undefined) continue;
    if (found !== undefined) return undefined;
    found = j;
  }
  return found;
}

/**
 * Whether the text, blanks around it aside, opens with `{` and closes with `}`. `trim` strips what
 * `\s` matches, as the regular expression this replaced did, without scanning the line twice.
 */
function isBraced(text: string): boolean {
  const t = text.trim();
  return t.length > 1 && t.charCodeAt(0) === 0x7b && t.charCodeAt(t.length - 1) === 0x7d;
}

/**
 * The fields of an object by role (JSON_FIELDS), or undefined without a message: a JSON line's,
 * or a table's row keyed by its header (formats/columns.ts).
 */
export function readFieldsByRole(obj: Record<string, unknown>, orders: DateOrders = NO_DATE_ORDERS): JsonLine | undefined {
  // The object's keys are looked up once each (a line has a few; the roles have forty names),
  // into slots kept between calls: a JSON log reads a million objects, and arrays made per
  // object were a tenth of its time.
  const found = FOUND;
  const filled = FILLED;
  filled.length = 0;
  ordersRead = orders;
  collectKeys(obj, '');
  try {
    return readFound(found);
  } finally {
    for (let i = 0; i < filled.length; i++) found[filled[i].role][filled[i].rank] = undefined;
  }
}

/**
 * Puts an object's values under their roles' slots (FOUND), and those of the objects nested under
 * a dotted key's parent (`process` of `process.name`), by their dotted names.
 */
function collectKeys(obj: Record<string, unknown>, prefix: string): void {
  for (const k in obj) {
    const name = prefix === '' ? k : prefix + k;
    const v = obj[k];
    const at = KEY_ROLE.get(name) ?? (typeof v === 'string' && FOUND[MESSAGE][PAYLOAD_RANK] === undefined && isPayloadKey(name) && v.includes(' ') ? PAYLOAD_SLOT : undefined);
    if (at) {
      FOUND[at.role][at.rank] = v;
      FILLED.push(at);
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && NESTED_PARENTS.has(name)) collectKeys(v as Record<string, unknown>, name + '.');
  }
}

/** The fields by role from the values found under each role's keys (readFieldsByRole). */
function readFound(found: readonly (readonly unknown[])[]): JsonLine | undefined {
  const message = first(found[MESSAGE], asText);
  if (message === undefined) return undefined;
  // A shipper's copy of a line keeps its newline (Docker's `"log":"...\n"`).
  const out: JsonLine = { message: message.charCodeAt(message.length - 1) === 10 ? message.replace(/\r?\n$/, '') : message };
  const us = first(found[MICROSECONDS], asMicroseconds);
  // `dmesg --json` (util-linux 2.38+): `{"pri": 6, "time": 12.345678, "msg": "usb 1-1: ..."}`, the
  // time the kernel's seconds since boot. A number that small read as seconds since 1970 would be
  // January 1970; beside dmesg's `pri` it is the kernel's uptime.
  const kernelSeconds = found[LEVEL][PRI_RANK] !== undefined ? asKernelSeconds(found[TIME][TIME_RANK]) : undefined;
  timeZoneRead = undefined;
  numericRead = undefined;
  const time = us !== undefined ? Math.round(us / 1000) : kernelSeconds !== undefined ? undefined : first(found[TIME], asTime) ?? splitDateTime(found[TIME]);
  if (time !== undefined && isPlausibleWallTime(time)) {
    out.time = time;
    const zone = us !== undefined ? 0 : timeZoneRead;
    if (zone !== undefined) out.zone = zone;
    if (numericRead !== undefined) out.numeric = numericRead;
  }
  const tag = first(found[TAG], asText);
  // A unit's name (Loki's `unit` label, journald's _SYSTEMD_UNIT) names the program it runs (records/unitName.ts).
  if (tag !== undefined && tag !== '' && tag.length <= 64 && !/\s/.test(tag)) out.tag = programOfUnit(tag);
  // A snap's service (journald's `_SYSTEMD_UNIT=snap.<snap>.<app>.service`) names the program as the
  // snap runs it where its identifier is the program's own name (`ModemManager`): the host is the
  // snap's, its commands the snap's (stories/hosts.ts; a blind re-test's journal JSON of the
  // modem-manager snap had been told `mmcli`).
  const unit = found[TAG][UNIT_RANK];
  if (typeof unit === 'string' && SNAP_UNIT.test(unit)) out.tag = programOfUnit(unit);
  const pid = first(found[PID], asCount);
  if (pid !== undefined) out.pid = pid;
  const host = first(found[HOST], asText);
  if (host !== undefined && host !== '' && host.length <= 64 && !/\s/.test(host)) out.host = host;
  const level = first(found[LEVEL], asLevel);
  if (level !== undefined) out.level = level;
  const facility = first(found[FACILITY], asFacility);
  if (facility !== undefined) out.facility = facility;
  if (kernelSeconds !== undefined) {
    out.uptime = kernelSeconds;
    out.tag ??= 'kernel';
  }
  // Only the kernel's messages are stamped with its uptime; a service's monotonic time is not one.
  else if (out.tag === 'kernel' || out.facility === 'kern') {
    const up = first(found[KERNEL_MICROSECONDS], asMicroseconds);
    if (up !== undefined && isPlausibleUptime(up / 1e6)) out.uptime = up / 1e6;
  }
  return out;
}

/**
 * The JSON_FIELDS key a table's column name stands for, whatever its case (`Message`, `TIMESTAMP`,
 * `Host`), and whether it names the message or a time; undefined for a name of no role.
 */
export function keyOfColumnName(name: string): { key: string; message: boolean; time: boolean } | undefined {
  const lower = name.toLowerCase();
  return KEY_OF_NAME.get(lower) ?? KEY_OF_NAME.get(COLUMN_NAMES_ELSEWHERE[lower] ?? '');
}

/**
 * Column names as a spreadsheet or a syslog server's export in another language heads them, to the
 * key of the same role (a blind probe's German Excel export, `Datum;Uhrzeit;Priorität;Host;Prozess;
 * Nachricht`, had been read 14%): German, French, Spanish, Italian, Portuguese, Dutch and Polish.
 */
const COLUMN_NAMES_ELSEWHERE: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  datum: 'date', fecha: 'date', data: 'date', uhrzeit: 'time', zeit: 'time', heure: 'time', hora: 'time', ora: 'time', tijd: 'time', czas: 'time',
  zeitstempel: 'timestamp', horodatage: 'timestamp', 'marca de tiempo': 'timestamp',
  nachricht: 'message', meldung: 'message', mensaje: 'message', messaggio: 'message', mensagem: 'message', bericht: 'message', 'wiadomość': 'message', komunikat: 'message', texte: 'message',
  'priorität': 'level', prioritaet: 'level', 'priorité': 'level', prioridad: 'level', 'priorità': 'level', prioridade: 'level', prioriteit: 'level', priorytet: 'level', schweregrad: 'severity', 'sévérité': 'severity', gravedad: 'severity',
  prozess: 'process', processus: 'process', proceso: 'process', processo: 'process', proces: 'process', programm: 'program', programme: 'program', programa: 'program',
  dienst: 'program', anwendung: 'application', service: 'program', servicio: 'program', servizio: 'program', 'serviço': 'program', usługa: 'program',
  rechner: 'host', 'hôte': 'host', equipo: 'host', hostname: 'hostname',
  // English names of a router's event table (Moxa's `Index,Bootup,Date,Time,Up Time,Event`, a blind probe's).
  event: 'message', description: 'message',
});

const ROLES = Object.keys(JSON_FIELDS) as (keyof typeof JSON_FIELDS)[];
const [MESSAGE, MICROSECONDS, TIME, TAG, PID, HOST, LEVEL, FACILITY, KERNEL_MICROSECONDS] = ['message', 'microseconds', 'time', 'tag', 'pid', 'host', 'level', 'facility', 'kernelMicroseconds'].map((r) => ROLES.indexOf(r as keyof typeof JSON_FIELDS));
/** Each key's role and its rank among the role's keys. */
/**
 * Each role's keys, and after them the same keys as GELF writes its additional fields, with a `_`
 * before the name (`_program`, `_pid`, `_host`; Graylog, and the GELF outputs of Docker, rsyslog
 * and Fluent Bit): known once, when the module loads, so a line's keys are still looked up once.
 */
const EXPLICIT_KEYS: ReadonlySet<string> = new Set(ROLES.flatMap((role) => JSON_FIELDS[role] as readonly string[]));
const ROLE_KEYS: readonly (readonly string[])[] = ROLES.map((role) => {
  const keys = JSON_FIELDS[role] as readonly string[];
  return [...keys, ...keys.filter((k) => !k.startsWith('_') && !EXPLICIT_KEYS.has(`_${k}`)).map((k) => `_${k}`)];
});
const KEY_ROLE = new Map<string, { role: number; rank: number }>(ROLE_KEYS.flatMap((keys, i) => keys.map((k, rank) => [k, { role: i, rank }] as const)));
/** The parents of the dotted keys (`log`, `log.syslog` ...): the objects whose keys are read too. */
const NESTED_PARENTS: ReadonlySet<string> = new Set(
  ROLE_KEYS.flat().flatMap((k) => {
    const parts = k.split('.');
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
  }),
);
/**
 * A message under a key none of the above names, for a shipper or an export never seen: a key
 * that names a message by its last word (PAYLOAD_WORDS: GCP Logging's `textPayload`, OpenTelemetry's `body`,
 * CloudWatch Logs Insights' `@message`, Splunk HEC's `event`, a `log_message`, a `rawMessage`),
 * alone, after a separator, or as the last word of a camelCase name. Its value must hold a space,
 * as a message's words do (an id or a path does not); the first such key of an object is taken,
 * after every named key (a blind probe's GCP export, entries one a line, had been read as lines
 * with no message: 100% read and "no problems" over a modem lost for five minutes).
 */
const PAYLOAD_WORDS = 'message|msg|payload|text|line|body|content|event|log';
/** The word alone or after a separator, in any case (`body`, `log_message`, `@message`, `TEXT_PAYLOAD`). */
const PAYLOAD_WORD_KEY = new RegExp(`(?:^|[^A-Za-z])(?:${PAYLOAD_WORDS})$`, 'i');
/** The capitalised word after a lower-case letter (`textPayload`, `rawMessage`), not a word that merely ends so (`catalog`). */
const PAYLOAD_CAMEL_KEY = new RegExp(`[a-z](?:${PAYLOAD_WORDS.replace(/\b\w/g, (c) => c.toUpperCase())})$`);
const PAYLOAD_RANK = ROLE_KEYS[MESSAGE].length;
const PAYLOAD_SLOT = { role: MESSAGE, rank: PAYLOAD_RANK };
/** Whether a key, by its name, may hold the message (PAYLOAD_KEY); names are few and repeat, so each is asked once. */
const payloadKeys = new Map<string, boolean>();
function isPayloadKey(name: string): boolean {
  let is = payloadKeys.get(name);
  if (is === undefined) {
    is = name.length <= 64 && (PAYLOAD_WORD_KEY.test(name) || PAYLOAD_CAMEL_KEY.test(name));
    if (payloadKeys.size < 4096) payloadKeys.set(name, is);
  }
  return is;
}

/** readFieldsByRole's slots: per role, the value under each of its keys (undefined between calls), and the slots a call filled; the message's has one more, for a payload key's. */
const FOUND: unknown[][] = ROLE_KEYS.map((keys, role) => new Array<unknown>(keys.length + (role === MESSAGE ? 1 : 0)).fill(undefined));
const FILLED: { role: number; rank: number }[] = [];

/** The value of the first key of a role (in JSON_FIELDS' order) that reads as one. */
function first<T>(values: readonly unknown[], read: (v: unknown) => T | undefined): T | undefined {
  for (const v of values) {
    if (v === undefined) continue;
    const r = read(v);
    if (r !== undefined) return r;
  }
  return undefined;
}

/**
 * A text value. journald writes a field that is not valid UTF-8 as an array of its bytes, decoded
 * here as the file's bytes would be.
 */
function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length <= 65536 && v.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return Buffer.from(v as number[]).toString('utf8');
  return undefined;
}

/** A syslog priority 0-7 or a level word. */
function asLevel(v: unknown): Level | undefined {
  const n = asCount(v);
  if (n !== undefined) return n <= 7 ? levelFromNumber(n) : undefined;
  return typeof v === 'string' ? levelFromWord(v) : undefined;
}

/** A syslog facility number or name. */
function asFacility(v: unknown): string | undefined {
  const n = asCount(v);
  if (n !== undefined) return FACILITY_NAMES[n];
  return typeof v === 'string' && FACILITY_NAMES.includes(v.toLowerCase()) ? v.toLowerCase() : undefined;
}

/**
 * A date and a time of day in fields of their own (FortiGate's `date=2024-12-02 time=19:54:59`, a
 * table's Date and Time columns), read as one stamp when neither is a whole one.
 */
function splitDateTime(times: readonly unknown[]): number | undefined {
  const date = times[DATE_RANK];
  const clock = times[TIME_RANK];
  return typeof date === 'string' && typeof clock === 'string' && date.length <= 32 && clock.length <= 32 ? asTime(`${date.trim()} ${clock.trim()}`) : undefined;
}
const DATE_RANK = JSON_FIELDS.time.indexOf('date');

/** Where journald's unit stands among the program's keys, and a snap's service unit. */
const UNIT_RANK = JSON_FIELDS.tag.indexOf('_SYSTEMD_UNIT');
const SNAP_UNIT = /^snap\.[\w-]{1,40}\.[\w-]{1,40}\.service$/;

/** Where `dmesg --json`'s keys stand among their roles' keys. */
const PRI_RANK = JSON_FIELDS.level.indexOf('pri');
const TIME_RANK = JSON_FIELDS.time.indexOf('time');
/** The kernel's seconds since boot as `dmesg --json` writes them: a number, under 1e8 (three years). */
function asKernelSeconds(v: unknown): number | undefined {
  return typeof v === 'number' && v >= 0 && v < 1e8 ? v : undefined;
}

/** journald's microseconds: a string of digits. */
function asMicroseconds(v: unknown): number | undefined {
  return typeof v === 'string' && isDigits(v, 17) ? Number(v) : undefined;
}

/** A whole number given as a number or a string of digits (journald writes numbers as strings). */
function asCount(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && isDigits(v, 10)) return Number(v);
  return undefined;
}

/** Whether `v` is 1 to `most` ASCII digits (a loop: asked of several fields of every JSON line). */
function isDigits(v: string, most: number): boolean {
  if (v.length === 0 || v.length > most) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * A wall time in ms: a stamp the timestamp grammar reads (read as written, as every format's), or
 * a number since 1970 in seconds, milliseconds, microseconds or nanoseconds, told by its size.
 */
function asTime(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) {
    const ms = v < 1e11 ? v * 1000 : v < 1e14 ? v : v < 1e17 ? v / 1000 : v / 1e6;
    // A count since 1970 is UTC's.
    timeZoneRead = 0;
    return Math.round(ms);
  }
  if (typeof v !== 'string' || v.length > 64) return undefined;
  if (/^\d{9,19}(?:\.\d+)?$/.test(v)) return asTime(Number(v));
  const p = readStamp(v, undefined, ordersRead);
  if (!p || p.year === undefined || p.month === undefined || p.day === undefined) return undefined;
  timeZoneRead = zoneOffsetMinutes(p.zone);
  numericRead = p.numeric ? { date: p.numeric, year: p.year } : undefined;
  return wallTime(p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms);
}

/** The offset asTime's last time was at (minutes from UTC), where its value said it. */
let timeZoneRead: number | undefined;
/** asTime's last numeric date that could be either order, as written (JsonLine.numeric). */
let numericRead: { date: NumericDate; year: number } | undefined;
const NO_DATE_ORDERS: DateOrders = {};
/** How readFieldsByRole's caller reads such dates (the file's, dateOrder.ts). */
let ordersRead: DateOrders = NO_DATE_ORDERS;

/** Lowercased key -> the first key of that spelling in JSON_FIELDS' order, with what it names. */
const KEY_OF_NAME = new Map<string, { key: string; message: boolean; time: boolean }>();
for (const role of ROLES) {
  for (const key of JSON_FIELDS[role]) {
    const name = key.toLowerCase();
    if (!KEY_OF_NAME.has(name)) KEY_OF_NAME.set(name, { key, message: role === 'message', time: role === 'time' || role === 'microseconds' });
  }
}

/** How deep a JSON document is searched for records: an aggregator's answer nests them a few levels down. */
const MAX_DOCUMENT_DEPTH = 32;

/**
 * The objects of a JSON document that are records, in document order, each with its place among
 * the document's objects in the order they open (its pre-order index: the same order a reader of
 * the text meets their `{`). A record is an object with a message by role (JSON_FIELDS), as a JSON
 * line is one; the objects inside one are not searched. An array of records (an export),
 * an aggregator's answer that nests them (Elasticsearch's `hits.hits[]._source`), or journald's
 * objects one after another are all found so.
 */
export function recordsInDocument(doc: unknown): { object: Record<string, unknown>; index: number }[] {
  const out: { object: Record<string, unknown>; index: number }[] = [];
  let index = 0;
  const visit = (v: unknown, depth: number): void => {
    if (depth > MAX_DOCUMENT_DEPTH || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    const here = index++;
    const o = v as Record<string, unknown>;
    if (readFieldsByRole(o)) {
      out.push({ object: o, index: here });
      // Its own objects are still counted, so the indices of the ones after it stay the text's.
      index += countObjects(o, depth);
      return;
    }
    for (const k in o) visit(o[k], depth + 1);
  };
  const countObjects = (v: unknown, depth: number): number => {
    let n = 0;
    const values = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const x of values) {
      if (typeof x !== 'object' || x === null || depth > MAX_DOCUMENT_DEPTH) continue;
      if (!Array.isArray(x)) n++;
      n += countObjects(x, depth + 1);
    }
    return n;
  };
  visit(doc, 0);
  return out;
}
