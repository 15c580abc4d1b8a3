import type { FormatId, Level, LogRecord, SkipReason } from '../model';
import { embeddedLevel, levelFromNumber, levelFromWord } from './levels';
import { monthIndex, validClock, wallTime } from './timeWords';

// One regex per format, tried in order of how often they occur in router logs.
// Each is anchored and free of nested quantifiers so a 100,000-character junk line fails fast.

// `525 Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: ...` (record id optional, 1 or 2 spaces
// before the day: knowledge 1.1 and 1.3).
const CTIME = /^(?:(\d{1,12})\s+)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})\s+/;
const FACILITY_PRIO = /^([a-z][a-z0-9]{0,11})\.(emerg|alert|crit|err|error|warn|warning|notice|info|debug)\s+/;
// `May 13 15:11:13 host tag: ...`, `jun 06 06:00:08 ...` (BSD syslog, journalctl short).
const BSD = /^([A-Za-z\u00c0-\u00ff]{3,4})\.?\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+/;
// `2024-06-06T06:00:08+0200 host tag[pid]: msg` (journalctl -o short-iso).
const ISO_T = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\s+/;
// `<165>1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg` (RFC 5424 section 6).
const RFC5424 = /^<(\d{1,3})>1 (\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|[+-]\d{2}:\d{2}) (\S{1,255}) (\S{1,48}) (\S{1,128}) (\S{1,32}) (-|(?:\[(?:[^\]\\]|\\.)*\])+) ?/;
// `2018-08-28 13:57:01.692194500 ERROR    Read error, quitting` (multilog-style application logs).
const ISO_PLAIN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s+(?:(DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL)\b\s*)?/;
const PRI = /^<(\d{1,3})>/;
const UPTIME = /^\[\s*(\d{1,10}\.\d{1,9})\]\s?/;
const KERNEL_UPTIME = /^kernel:\s*\[\s*(\d{1,10}\.\d{1,9})\]\s?/;
// `gsmd[3553]: `, `netifd: `, `[2656]: ` (empty ModemManager tag), `pbr [32307]: `.
const TAG = /^([A-Za-z0-9_.\/@-]{0,64}?)(?: ?\[(\d{1,10})\])?: /;
const HOST = /^([A-Za-z0-9_.:-]{1,64})\s+/;
const LSUSB = /^Bus (\d{3}) Device (\d{3}): ID ([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\b/;
const SECTION = /^\[([A-Za-z][^\[\]]{0,80})\]\]?\s*$/;
const ELISION = /^\s*(?:\.{2,}|…)(?:\s.*)?$/;

/** Lines longer than this are matched on their first part only; the rest is still counted. */
export const MAX_MATCH_CHARS = 16384;

export interface ParseOptions {
  /** Year for logs without one (BSD syslog): the file's mtime year. */
  referenceYear?: number;
}

/** A record, or the reason the line made none. */
export type ParseResult = LogRecord | SkipReason;

/**
 * Turns physical lines into records, one file at a time. It never throws: every line yields a
 * record (possibly of format `text`) or a skip reason. State lives here because some facts span
 * lines: the troubleshoot section, the year of yearless timestamps, and mail-wrapped records.
 */
export class LineParser {
  private section: string | undefined;
  private year: number;
  private lastMonth = -1;
  /** Record of the previous physical line, if it had a timestamp: wrapped text continues it. */
  private openRecord: LogRecord | undefined;
  /** Whether any yearless (BSD) time was produced, so the caller may correct the year later. */
  yearless = false;

  constructor(options: ParseOptions = {}) {
    this.year = options.referenceYear ?? new Date().getUTCFullYear();
  }

  /**
   * Parses one physical line. When the line continues the previous record (mail wrapping), the
   * previous record is extended in place and `continuation` is returned.
   */
  parse(raw: string, lineNo: number): ParseResult {
    let text = raw.length > MAX_MATCH_CHARS ? raw.slice(0, MAX_MATCH_CHARS) : raw;
    text = stripPasteArtefacts(text);
    // Most lines carry a timestamp: try that first, the rarer checks only when it fails.
    const record = text.length > 0 ? this.parseStructured(text, lineNo) : undefined;
    if (record) {
      record.section = this.section;
      this.openRecord = record.time !== undefined || record.uptime !== undefined ? record : undefined;
      return record;
    }
    if (text.length === 0 || isBlank(text)) {
      this.openRecord = undefined;
      return 'blank';
    }
    if (looksBinary(text)) {
      this.openRecord = undefined;
      return 'binary';
    }
    if (ELISION.test(text)) {
      this.openRecord = undefined;
      return 'elision';
    }
    const open = this.openRecord;
    if (open && isContinuation(text)) {
      open.message += ' ' + text.trim();
      open.endLine = lineNo;
      return 'continuation';
    }
    this.openRecord = undefined;
    const section = SECTION.exec(text);
    if (section) {
      this.section = section[1].trim();
      return { line: lineNo, endLine: lineNo, format: 'section', message: this.section };
    }
    return { line: lineNo, endLine: lineNo, format: 'text', message: text.trim(), section: this.section };
  }

  private parseStructured(text: string, line: number): LogRecord | undefined {
    const c = text.charCodeAt(0);
    if (c === 0x5b /* [ */ || c === 0x6b /* k */) {
      const r = this.parseDmesg(text, line);
      if (r) return r;
    }
    if (c === 0x3c /* < */) return this.parsePri(text, line);
    if (c >= 0x30 && c <= 0x39) {
      return this.parseCtime(text, line) ?? this.parseIso(text, line);
    }
    if (c === 0x42 /* B */ && text.startsWith('Bus ')) {
      const m = LSUSB.exec(text);
      if (m) return { line, endLine: line, format: 'lsusb', message: text.trim() };
    }
    return this.parseCtime(text, line) ?? this.parseBsd(text, line);
  }

  private parseCtime(text: string, line: number): LogRecord | undefined {
    const m = CTIME.exec(text);
    if (!m) return undefined;
    const month = monthIndex(m[2]);
    const day = +m[3], h = +m[4], mi = +m[5], s = +m[6];
    if (!validClock(month, day, h, mi, s)) return undefined;
    const record: LogRecord = {
      line, endLine: line, format: 'logread',
      time: wallTime(+m[7], month, day, h, mi, s),
      message: '',
    };
    if (m[1] !== undefined) record.recordId = +m[1];
    this.finishTagged(record, readFacility(record, text.slice(m[0].length)));
    return record;
  }

  private parseBsd(text: string, line: number, pri?: number): LogRecord | undefined {
    const m = BSD.exec(text);
    if (!m) return undefined;
    const month = monthIndex(m[1]);
    const day = +m[2], h = +m[3], mi = +m[4], s = +m[5];
    if (!validClock(month, day, h, mi, s)) return undefined;
    // Yearless: track the Dec -> Jan rollover; the caller corrects the base year at the end.
    if (this.lastMonth >= 0 && month < this.lastMonth - 6) this.year++;
    this.lastMonth = month;
    this.yearless = true;
    const record: LogRecord = { line, endLine: line, format: 'bsd-syslog', time: wallTime(this.year, month, day, h, mi, s), message: '' };
    let rest = text.slice(m[0].length);
    if (pri !== undefined) applyPri(record, pri);
    // A token followed by `[pid]:` or `:` is the tag; otherwise it is the host name.
    if (!TAG.test(rest)) {
      const host = HOST.exec(rest);
      if (host) {
        record.host = host[1];
        rest = rest.slice(host[0].length);
      }
    }
    this.finishTagged(record, readFacility(record, rest));
    return record;
  }

  private parseIso(text: string, line: number): LogRecord | undefined {
    const t = ISO_T.exec(text);
    if (t) {
      const rest = text.slice(t[0].length);
      const host = HOST.exec(rest);
      if (host && TAG.test(rest.slice(host[0].length))) {
        const record: LogRecord = {
          line, endLine: line, format: 'journal-iso', host: host[1], message: '',
          time: wallTime(+t[1], +t[2] - 1, +t[3], +t[4], +t[5], +t[6], t[7] ? +t[7].slice(0, 3).padEnd(3, '0') : 0),
        };
        this.finishTagged(record, rest.slice(host[0].length));
        return record;
      }
    }
    const m = ISO_PLAIN.exec(text);
    if (!m) return undefined;
    const record: LogRecord = {
      line, endLine: line, format: 'iso-plain', message: text.slice(m[0].length),
      time: wallTime(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], m[7] ? +m[7].slice(0, 3).padEnd(3, '0') : 0),
    };
    if (m[8]) record.syslogLevel = record.level = levelFromWord(m[8]);
    return record;
  }

  private parsePri(text: string, line: number): LogRecord | undefined {
    const r = RFC5424.exec(text);
    if (r) {
      const record: LogRecord = {
        line, endLine: line, format: 'rfc5424', message: text.slice(r[0].length),
        time: wallTime(+r[2], +r[3] - 1, +r[4], +r[5], +r[6], +r[7], r[8] ? +r[8].slice(0, 3).padEnd(3, '0') : 0),
      };
      if (r[9] !== '-') record.host = r[9];
      if (r[10] !== '-') record.tag = r[10];
      if (r[11] !== '-' && /^\d+$/.test(r[11])) record.pid = +r[11];
      applyPri(record, +r[1]);
      record.level = embeddedLevel(record.message) ?? record.syslogLevel;
      return record;
    }
    const p = PRI.exec(text);
    if (!p) return undefined;
    const rest = text.slice(p[0].length);
    const inner = this.parseCtime(rest, line) ?? this.parseBsd(rest, line, +p[1]) ?? this.parseDmesg(rest, line);
    if (inner && inner.format !== 'bsd-syslog') applyPri(inner, +p[1]);
    return inner;
  }

  private parseDmesg(text: string, line: number): LogRecord | undefined {
    const m = UPTIME.exec(text) ?? KERNEL_UPTIME.exec(text);
    if (!m) return undefined;
    const message = text.slice(m[0].length);
    return { line, endLine: line, format: 'dmesg', uptime: +m[1], tag: 'kernel', message, level: embeddedLevel(message) };
  }

  /** Reads `kernel: [uptime]`, `tag[pid]:` and the embedded level word from the text after the time. */
  private finishTagged(record: LogRecord, rest: string): void {
    const kernel = KERNEL_UPTIME.exec(rest);
    if (kernel) {
      record.tag = 'kernel';
      record.uptime = +kernel[1];
      record.message = rest.slice(kernel[0].length);
    } else {
      const tag = TAG.exec(rest);
      if (tag && (tag[1] || tag[2])) {
        if (tag[1]) record.tag = tag[1];
        if (tag[2]) record.pid = +tag[2];
        record.message = rest.slice(tag[0].length);
        if (record.tag === 'kernel') {
          const up = UPTIME.exec(record.message);
          if (up) {
            record.uptime = +up[1];
            record.message = record.message.slice(up[0].length);
          }
        }
      } else {
        record.message = rest;
      }
    }
    record.level = embeddedLevel(record.message) ?? record.syslogLevel;
  }

  /** A copy with the same state; `open` in this parser is `openCopy` in the copy. */
  fork(open: LogRecord | undefined, openCopy: LogRecord | undefined): LineParser {
    const copy = Object.assign(Object.create(LineParser.prototype) as LineParser, this);
    copy.openRecord = this.openRecord && this.openRecord === open ? openCopy : undefined;
    return copy;
  }

  /** A line read elsewhere (the fast lane) ends any record that wrapped text could continue. */
  closeRecord(): void {
    this.openRecord = undefined;
  }

  /** The year used so far for yearless lines (for the caller's end-of-file correction). */
  currentYear(): number {
    return this.year;
  }
}

/** Reads `daemon.info ` into the record and returns the text after it. */
function readFacility(record: LogRecord, rest: string): string {
  const fp = FACILITY_PRIO.exec(rest);
  if (!fp) return rest;
  record.facility = fp[1];
  record.syslogLevel = levelFromWord(fp[2]);
  return rest.slice(fp[0].length);
}

function applyPri(record: LogRecord, pri: number): void {
  if (pri > 191) return;
  record.syslogLevel = levelFromNumber(pri);
  record.level ??= record.syslogLevel;
  // Fixture 036: devices that keep only the severity send facility 0 (kern) for pppd/chat;
  // calling those kernel lines would be wrong, so facility 0 is believed only for kernel tags.
  const facility = pri >> 3;
  if (facility !== 0 || record.tag === 'kernel') record.facility = FACILITIES[facility];
}

const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'audit', 'alert', 'clock', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];

/**
 * Undoes what forums and mail do to pasted logs (fixtures 016, 022, 038): `> ` quoting, a line
 * wrapped in backticks or markdown italics, and trailing carriage returns.
 */
export function stripPasteArtefacts(text: string): string {
  let s = text;
  if (s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
  if (s.indexOf('\0') >= 0) s = s.replace(/\0/g, '');
  const c = s.charCodeAt(0);
  if (c === 0x3e /* > */) s = s.replace(/^(?:> ?)+/, '');
  else if (c === 0x60 /* ` */) s = s.replace(/^`+/, '');
  else if (c === 0x5f /* _ */ && s.charCodeAt(1) === 0x5b) s = s.slice(1);
  if (s.charCodeAt(s.length - 1) === 0x60) s = s.replace(/`+$/, '');
  return s;
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

/** A line that is mostly control characters is not text; it is counted, not parsed. */
function looksBinary(s: string): boolean {
  let bad = 0;
  const n = Math.min(s.length, 512);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9) || c === 0xfffd || c === 127) bad++;
  }
  return bad > 8 && bad * 4 > n;
}

const NEW_START = /^(?:[#$]|\w+@[\w-]+:|\[|<\d)/;

/** Mail-wrapped text (fixture 016) continues the record above it; prompts and sections do not. */
function isContinuation(text: string): boolean {
  return !NEW_START.test(text);
}

export type { Level };
