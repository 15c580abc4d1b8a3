import { programOfUnit } from './unitName';
import { CISCO_MESSAGE, CLOCK_AND_LEVEL_FIELDS, ENVELOPES, type Envelope } from '../formats/envelopes';
import { columnSeparator, isCsv, openQuotedColumn, quotedColumnGoesOn, readColumns, readTableHeader, tableRow, type ColumnSeparator, type TableHeader } from '../formats/columns';
import { readFieldsByRole, readJsonLine, type JsonLine } from '../formats/jsonLines';
import { logfmtPairs, readLogfmtLine } from '../formats/logfmt';
import { firstNonSpace, unescapeString } from '../formats/joinedRecords';
import { asciiSpaces, hasUnicodeSpace } from '../input/unicodeSpaces';
import { APPLICATION_LEVEL_WORDS, DMESG_DECODED_LEAD, FORMATS, type LogFormat } from '../formats/registry';
import { PatternScreen } from '../formats/patternScreen';
import { isProgramName } from '../catalogue/tables/programNames';
import { fieldLead, readFieldLead, topicsLead } from './fieldLead';
import { copyEvidence, noteDate, noteUnixWitness, type DateEvidence, type DateOrders, type NumericDate } from '../formats/dateOrder';
import { isPlausibleUptime, isPlausibleWallTime, isRealClock, isRealDate, PLAUSIBLE_YEARS, readStamp, zoneOffsetMinutes, type StampParts } from '../formats/timestampGrammar';
import type { FormatId, LogRecord, SkipReason } from '../model';
import { embeddedLevel, FACILITY_NAMES, levelFromLetter, levelFromNumber, levelFromWord, levelWordAlternation } from './levels';
import { isTimeOnly, TIME_ONLY_BASE, wallTime } from './timeWords';
import { CUT_STAMP_CHARS, drawnWidth, MAX_WRAPPED_LINES, TERMINAL_WIDTHS } from './wrapWidths';

// Lines become records through the format registry (formats/registry.ts): each format is an
// anchored regex with named captures whose stamp is read by one timestamp grammar, then a shared
// body reader takes host, `facility.level` and `tag[pid]: `, then envelopes are peeled off the
// message. The parser holds no format knowledge of its own beyond paste artefacts and skip reasons.

// At the line's end too: a wrap cut the program off after it (LineParser.awaitsMessage).
const FACILITY_PRIO = /^([a-z][a-z0-9]{0,11})\.(emerg|alert|crit|err|error|warn|warning|notice|info|debug):?(?:\s+|$)/;
// `gsmd[3553]: `, `netifd: `, `[2656]: ` (empty ModemManager tag), `pbr [32307]: `.
// A tag at the end of the line (`gsmd[3553]:`) is one too: a mail or a terminal wrapped the line
// after it, and its message is on the next.
const TAG = /^([A-Za-z0-9_.\/@-]{0,64}?)(?: ?\[(\d{1,10})\])?:(?: |$)/;
// A host's name or address (`router`, `192.168.1.1`, `fe80::1`); not a word that ends with a colon,
// which is a program's lead (`pppd: Connect: ppp0 <--> /dev/ttyUSB0` has no host `pppd:`).
const HOST = /^([A-Za-z0-9_.:-]{0,63}[A-Za-z0-9_.-])\s+/;
/**
 * A word that can be a host name: not a capitalised English word like `Mobile` or `Modem`, nor
 * `usb`-style kernel prefixes followed by a colon, nor a kernel driver's name before its USB device
 * (`rndis_host 3-1.5:1.0 usb0: ...` twice in a row in `dmesg --time-format iso` was taken for a
 * host column), nor a word before a template's field separator or level (`gsmd | `, `gsmd - `,
 * `gsmd INFO `: fieldLead.ts).
 */
const HOST_LIKE = /^((?![A-Z][a-z]+\s)(?!(?:usb|kernel|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL)\s)[A-Za-z0-9][A-Za-z0-9_.-]{0,63})\s+(?!\S*: )(?!\d+-\d+(?:\.\d+)*(?::\d+\.\d+)?[\s:])(?![-|] |(?:DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL)\s)/;
/** netifd's `iface (pid): ` after the first word: that word is the source column (fixture 009's condensed copy). */
const WRAPPED_AHEAD = /^[A-Za-z0-9_.@-]{1,32} \(\d{1,10}\): /;
const LSUSB = /^Bus (\d{3}) Device (\d{3}): ID ([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\b/;
/**
 * A container's service name before its line: `docker compose logs` writes the service and its
 * replica (`modemmanager-1`, compose v1 `modemmanager_1`) padded to the longest name, then `| `;
 * `kubectl logs --prefix` writes `[pod/NAME/CONTAINER] `.
 */
const SERVICE_LEAD = /^(?:([A-Za-z0-9][\w.-]{0,63}?)(?:[-_]\d{1,3})? +\| |\[pod\/[^\]\s\/]{1,253}\/([^\]\s\/]{1,63})\] )/;

/** The program a service lead names: compose's service without its replica number, or kubectl's container. */
function serviceProgram(m: RegExpExecArray): string {
  return m[1] ?? m[2];
}

/**
 * A header that names what follows: a troubleshoot section (`[Dmesg]`, `[Logfile messages.1]`) or
 * the name `tail`, `head` and `more`-like listings of several files put before each
 * (`==> /var/log/messages <==`); a mail's `Subject:` header (a log too long for one mail, sent in
 * several: each mail's lines are a part, and parts pasted in the wrong order are read in time
 * order, events/listingParts.ts; a blind probe's two mails pasted part 2 first were told as a drop
 * that never came back and a false reboot).
 */
// A shell's prompt and the command typed after it (`root@RUTX11:~# dmesg | tail -30`, `pi@gw:~ $
// lsusb`, `$ mmcli -m 0`) starts the output of that command: a paste of several commands' output
// is so many sections (a blind probe's logread then dmesg had one drop told twice and the dmesg's
// uptimes read as a reboot). So does a heading made of rules around a command or a name (`=====
// dmesg =====`).
const SECTION = /^(?:\[([A-Za-z][^\[\]]{0,80})\]\]?|==> (\S.{0,255}?) <==|(?:[\w.-]{1,32}@[\w.-]{1,64}(?::[^\s#$]{0,80})?\s?[#$]|\$)\s+([a-z][\w./-]{0,40}(?:\s[^\n]{0,200})?)|={3,}\s+(\S[^=]{0,80}?)\s+={3,}|Subject:\s+(\S.{0,200}?))\s*$/;
// `--` alone is grep's separator between groups of context lines (`grep -C`): lines left out.
const ELISION = /^\s*(?:(?:\.{2,}|…)(?:\s.*)?|--\s*)$/;
/** A line at the margin that paste marks would read as a quote, a document's brackets or an elision (LineParser.parse, after a terminal's cut). */
const CUT_REST = /^(?:>|[[\]{},]{1,4}\s*$|(?:\.{2,}|…)(?:\s|$))/;
/**
 * What a paste puts before a record: a line number (`12: `, `  12 | `, `12) `, `12. `, `cat -n`'s
 * `     12\t`, `less -N`'s), a list's
 * bullet (`- `, `* `, `• `: a Markdown list), or indentation (a Markdown code block, a quote in a
 * mail). Tried only when nothing else matched.
 */
const PASTED_LEAD = /^(?:\s*\d{1,7}\s*[:|)]\s*|\s*\d{1,7}\.\s+|\s*\d{1,7}\s+|\s*[-*•+]\s+|\s+)(?=\S)/;
/** Whether a time of day is followed by a program and a level written as fields (`08:14:05 interface,info `, `08:14:05 gsmd - INFO - `). */
function leadsWithFields(rest: string): boolean {
  const clock = /^\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)? /.exec(rest);
  const lead = clock ? fieldLead(rest.slice(clock[0].length), false) : undefined;
  return lead !== undefined && lead.level !== undefined;
}

/** journalctl's line between the entries of two boots (`-- Boot <id> --`, older `-- Reboot --`). */
const JOURNAL_BOOT = /^-- (?:Boot [0-9a-f]{32}|Reboot) --\s*$/;

/** Indentation, then a time of day (`hh:mm:ss`). */
const INDENTED_CLOCK = /^(\s+)\d{1,2}:\d{2}:\d{2}(?!\d)/;
/** cat -n's line number: right-aligned in six columns, then a tab (`less -N` and vim write spaces). */
const CAT_N_LEAD = /^ *\d{1,9}\t$/;
const CAT_N_PREFIX = /^ *\d{1,9}\t/;

/**
 * After grep's `-n` line number at `at`, the separator there repeated after 1-10 digits
 * (`:12:`, `-12-`), or -1.
 */
function afterLineNumber(text: string, at: number): number {
  const c = text.charCodeAt(at);
  let d = at + 1;
  while (d - at <= 10 && isDigitAt(text, d)) d++;
  return d > at + 1 && text.charCodeAt(d) === c ? d + 1 : -1;
}

/** Places a grep name may end that are looked at, and tried with the formats, on one line at most. */
const GREP_ENDS_SCREENED = 16;
const GREP_ENDS_TRIED = 8;
/** A clockless line's program with its pid (`ModemManager[771]: `): the one `stripped` line trusted after a name. */
const PROGRAM_WITH_PID = /^[A-Za-z0-9_.\/@-]{1,64} ?\[\d{1,10}\]: /;

/** A logfmt line's first pair (`time=...`), after grep's file name (formats/logfmt.ts refuses the two glued). */
const LOGFMT_LEAD = /^[^\s="]{1,64}=/;

/** Longest file name read before a line as grep writes it (a path). */
const GREP_NAME_MAX = 512;
/** The formats a JSON line's message may be written in: any but JSON again. */
const NESTED_FORMATS = FORMATS.filter((f) => f.body !== 'json');
const STRIPPED = FORMATS.find((f) => f.id === 'stripped')!;
/** The formats of the kernel's ring buffer (dmesg's options), which a `dmesg -x` lead may precede. */
const KERNEL_RING_FORMATS = FORMATS.filter((f) => f.impliedTag === 'kernel');
/** Unix time of 2001-09-09: ModemManager stamps above this are wall time, below it seconds since start. */
export const EPOCH_FLOOR = 1_000_000_000;

/** Lines longer than this are matched on their first part only; the rest is still counted. */
export const MAX_MATCH_CHARS = 16384;

export interface ParseOptions {
  /** Year for logs without one (BSD syslog): the file's mtime year. */
  referenceYear?: number;
  /** How numeric dates that could be either are read, where the file's dates say (dateOrder.ts). */
  dateOrders?: DateOrders;
}

/**
 * What a fast reader (records/fastReaders.ts) already knows of a line: its format, which the
 * registry in order would give it, and the wall time of its stamp. The parser then runs that
 * format alone and does not read the stamp again.
 */
export interface KnownShape {
  format: FormatId;
  time: number | undefined;
  /**
   * Where the format's header (what its pattern matches: the stamp and the white space after it)
   * ends, when the fast reader knows the header holds nothing else; the pattern is then not run.
   */
  bodyStart?: number;
  /** What the fast reader read of a syslog body after the header (with `bodyStart`): the body reader is then not run. */
  body?: KnownBody;
  /** The record id before the stamp the fast reader read (with `bodyStart`), which the pattern would capture. */
  recordId?: number;
  /** The stamp had a date and no year (its year is the parser's guess: LineParser.yearWitness may correct it). */
  yearless?: boolean;
}

/** A syslog body as the fast reader read it: the fields readBody would set, and where the message starts. */
export interface KnownBody {
  host: string;
  facility: string;
  level: string;
  tag: string;
  pid: number;
  restStart: number;
}

const FORMAT_BY_ID = new Map(FORMATS.map((f) => [f.id, f]));

/** A record, or the reason the line made none. */
export type ParseResult = LogRecord | SkipReason;

/**
 * Turns physical lines into records, one file at a time. It never throws: every line yields a
 * record (possibly of format `text`) or a skip reason. State lives here because some facts span
 * lines: the troubleshoot section, the year of yearless timestamps, the day of time-only stamps,
 * mail-wrapped records, and the format the previous line had (tried first on the next).
 */
export class LineParser {
  private section: string | undefined;
  private year: number;
  private lastMonth = -1;
  /** Time-only stamps: the day count and the last time of day, to roll over at midnight. */
  private timeOnlyDay = 0;
  private lastTimeOfDay = -1;
  /** Host names this file has shown before a tag: a later line's first word is a host only if it is one of these or a tag follows it. */
  private readonly hosts = new Set<string>();
  private lastFirstWord: string | undefined;
  /** Record of the previous physical line, if it had a timestamp: wrapped text continues it. */
  private openRecord: LogRecord | undefined;
  /**
   * Record of the previous physical line when it had a header but no clock (`daemon.notice netifd:
   * ...`, a stripped line): only a terminal's cut continues it (the line was exactly a terminal's
   * width), since without a clock a wrapped line and a new line of text cannot be told apart otherwise.
   */
  private openClockless: LogRecord | undefined;
  /** Whether the open record is a CSV row whose quoted message goes on past its line (a wrap), and whether the line being read opened one. */
  private quoteOpen = false;
  private quoteLines = 0;
  private quoteOpened = false;
  /** Whether the open record is a capture's or a row whose message is a device's stamp a wrap cut off (cutStamp), and whether the line being read was read as a row. */
  private openCutStamp = false;
  private rowRead = false;
  /** Whether the open record's header ended its line (awaitsMessage): its message may be the next line. */
  private awaitsMessage = false;
  /** Record whose message ended with a backslash: an author's explicit "continues on the next line". */
  private backslashOpen: LogRecord | undefined;
  /** Whether any yearless date was read, so the caller may correct the year later. */
  yearless = false;
  /**
   * How many years the yearless dates are off, as the first line that also carries a Unix time
   * shows it (NetworkManager's and ModemManager's `<info>  [1733169299.1234]`): its stamp and its
   * Unix time agree within a day (a zone's offset) once its year is moved so; with its line.
   */
  yearWitness: { years: number; line: number } | undefined;
  /**
   * The first line whose stamp has a year (a date of this century): yearless dates after it are
   * in its year, rolled over at New Year, not in the file's (a paste of `dmesg -T` and then a
   * syslog's kernel lines: a blind probe's two parts of one paste were read two years apart).
   */
  datedLine: number | undefined;
  /**
   * When yearless dates came before that line: how many years they are off, as its date shows
   * (the shift that puts the last of them nearest it), and the first line that is not moved: the
   * dated line, or the one after it when a yearless stamp on it came first. Only the lines before it move.
   */
  datedAfterYearless: { years: number; line: number } | undefined;
  /** The time the last yearless date was read as (in the parser's year), and its line (noteYearless). */
  private lastYearlessTime: number | undefined;
  private lastYearlessLine = 0;
  /** Lines whose Unix time gave no year (stamps and Unix times that disagree): past YEAR_WITNESS_TRIES, none is sought. */
  private yearWitnessMisses = 0;

  /** Whether a line's Unix time may still give the year of yearless dates (the fast lane leaves such lines to the parser). */
  seeksYearWitness(): boolean {
    return this.yearWitness === undefined && this.yearWitnessMisses < YEAR_WITNESS_TRIES;
  }
  /**
   * What offset from UTC a stamp without one was written at, as a line that also carries a Unix
   * time shows it (NetworkManager's and ModemManager's `<info>  [1792888870.3301]`): the first such
   * line's, and, once the collector saw the clock step back up to an hour (seekZoneWitness), the
   * next one's. Two that differ by an hour tell summer time ending (EventCollector.finish).
   */
  zoneWitness: { offset: number; line: number } | undefined;
  zoneWitnessAfter: { offset: number; line: number } | undefined;
  private seekingZone = false;
  private zoneWitnessMisses = 0;

  /** Whether a line's Unix time is wanted for the offset its stamp was written at (the fast lane leaves such lines to the parser). */
  seeksZoneWitness(): boolean {
    return this.firstZone === undefined && (this.seekingZone || (this.zoneWitness === undefined && this.zoneWitnessMisses < YEAR_WITNESS_TRIES));
  }

  /** The clock stepped back up to an hour: the next line with a Unix time tells whether the offset changed. */
  seekZoneWitness(): void {
    if (this.zoneWitness !== undefined && this.zoneWitnessAfter === undefined) this.seekingZone = true;
  }

  private noteZoneWitness(time: number, unixSeconds: number, line: number, yearless: boolean): void {
    if (unixSeconds < EPOCH_FLOOR) return;
    const d = new Date(time);
    // A yearless stamp is in the parser's guessed year until the year witness moves it.
    if (yearless && this.yearWitness) d.setUTCFullYear(d.getUTCFullYear() + this.yearWitness.years);
    const diff = d.getTime() - unixSeconds * 1000;
    const offset = Math.round(diff / ZONE_STEP_MS) * ZONE_STEP_MS;
    if (Math.abs(diff - offset) > ZONE_WITNESS_SLACK_MS || Math.abs(offset) > 14 * 3_600_000) {
      this.zoneWitnessMisses++;
      return;
    }
    if (this.zoneWitness === undefined) this.zoneWitness = { offset, line };
    else {
      this.zoneWitnessAfter = { offset, line };
      this.seekingZone = false;
    }
  }

  /** Whether any line had only a time of day. */
  timeOnly = false;
  /** The header row of a table the file is, once one was read (formats/columns.ts). */
  private table: TableHeader | undefined;

  /**
   * Lines read as logread's (a `facility.level` after the stamp) whose stamp is not OpenWrt's ctime
   * (`Mon Dec  2 19:54:59 2024`): a syslog server's (Kiwi Syslog's `07/12/2026 02:42:07 PM`) or
   * another device's, which say nothing of OpenWrt (stories/hosts.ts).
   */
  foreignLogreadStamps = 0;
  /** What the numeric dates read so far say of their order (dateOrder.ts). */
  dates: DateEvidence = {};
  private readonly dateOrders: DateOrders;

  constructor(options: ParseOptions = {}) {
    const year = options.referenceYear ?? new Date().getUTCFullYear();
    this.year = Math.min(Math.max(year, PLAUSIBLE_YEARS.first), PLAUSIBLE_YEARS.last);
    this.dateOrders = options.dateOrders ?? {};
  }

  /**
   * Parses one physical line. When the line continues the previous record (mail wrapping), the
   * previous record is extended in place and `continuation` is returned.
   */
  parse(raw: string, lineNo: number, known?: KnownShape): ParseResult {
    let text = raw.length > MAX_MATCH_CHARS ? raw.slice(0, MAX_MATCH_CHARS) : raw;
    // After a line a terminal cut at its width, a line at the margin that a paste's marks would
    // make something else (a quote's `>`, a document's `]`, an elision's `...`) is the cut line's
    // rest: `state changed (locked -` | `> failed)`, `UPDATING [45%` | `]`, `resetting counter` | `...`.
    // (A quoted line with a clock of its own starts a record: a quote after an unquoted line.)
    if (this.openRecord !== undefined && this.lastLineCut() && !this.lastStartedGt && CUT_REST.test(text) && !(text.charCodeAt(0) === 0x3e && startsTimedRecord(stripPasteArtefacts(text)))) {
      return this.endParse(this.continueRecord(this.openRecord, text, raw, lineNo), raw);
    }
    text = stripPasteArtefacts(text);
    // A mail body sent quoted-printable and pasted undecoded (its header says so): its `=XX` are
    // decoded, and a line's soft break (`=` at its end) joins it to the next without a space
    // (continueRecord). A blind probe's forwarded mail had `USB di=` | `sconnect` and read no drop.
    if (QP_HEADER.test(text)) this.quotedPrintable = true;
    else if (this.quotedPrintable) text = decodeQuotedPrintable(text);
    // A lead the file has shown on every line (grep's file name, cat -n's number) is taken off first;
    // its line number is the record's, as a pasted one is.
    this.leadNumber = -1;
    if (this.grepName !== undefined) text = this.afterGrepName(text);
    else if (this.catNumbered) text = this.afterCatNumber(text);
    else if (this.serviceLed) {
      text = this.afterServiceLead(text);
      // Another service's line continues no record of the one before (compose interleaves them).
      if (this.service !== this.lastService) this.openRecord = this.openClockless = this.backslashOpen = undefined;
      this.lastService = this.service;
    }
    const result = this.parseText(text, raw, lineNo, known);
    if (this.leadNumber >= 0 && typeof result !== 'string') result.recordId ??= this.leadNumber;
    // A container's line without a program of its own: the service's name is the program's.
    if (this.service !== undefined && typeof result !== 'string' && result.tag === undefined && result.format !== 'text' && result.format !== 'section') {
      result.tag = this.service;
      result.tagIsService = true;
    }
    // journalctl -o with-unit names the unit (`ModemManager.service[519]: `): the program is its name.
    if (typeof result !== 'string' && result.tag !== undefined) result.tag = programOfUnit(result.tag);
    this.service = undefined;
    return this.endParse(result, raw);
  }

  /** What the next line needs of this one, kept as the line ends. */
  private endParse(result: ParseResult, raw: string): ParseResult {
    // As the terminal drew it: paste artefacts (a quote, backticks) are part of the cut line.
    this.lastWidth = drawnWidth(raw);
    this.cutWhole = typeof result === 'string' ? this.cutGoesOn : raw;
    this.cutGoesOn = undefined;
    const last = raw.charCodeAt(this.lastWidth - 1);
    this.lastEndedInSpace = last === 0x20 || last === 0x09;
    const first = raw.charCodeAt(firstNonSpace(raw));
    this.lastStartedQuoted = first === 0x22 || first === 0x27;
    this.lastStartedGt = raw.charCodeAt(0) === 0x3e;
    return result;
  }

  /** The width of the line before, as drawn (paste artefacts included): a terminal's when its text was cut there. */
  private lastWidth: number | undefined;
  /**
   * The record's lines so far, as given, while each line after its first was the rest of one a
   * terminal cut (a logfmt record cut is read again from them and its rest).
   */
  private cutWhole: string | undefined;
  /** `cutWhole` with this line, when the line was such a rest. */
  private cutGoesOn: string | undefined;
  /** How many lines in a row parseStructured was asked of that no format of the registry read (UNREAD_RUN). */
  private unreadRun = 0;
  /** Whether the line before ended in a space: a terminal that cut it there cut between two words. */
  private lastEndedInSpace = false;
  /** Whether the line before started with a quote (a JSON array of lines has every line quoted). */
  private lastStartedQuoted = false;
  /** Whether the line before started with `>` (a forum's quote marks every line). */
  private lastStartedGt = false;

  private parseText(text: string, raw: string, lineNo: number, known?: KnownShape): ParseResult {
    // Where the header ends was read in the line as given: not in a line cut or cleaned here.
    if (known?.bodyStart !== undefined && text !== raw) known = { format: known.format, time: known.time };
    // A header that ended its line (`... gsmd[3553]:`: a mail or a terminal wrapped the line after
    // the program's colon) has its message on the next line when that is indented, whatever it
    // looks like (`    <info>  [1650696013.1949] device ...`, a line of a format of its own).
    // So does a CSV row's quoted message a wrap carried on, to its closing quote.
    const awaiting = this.awaitsMessage ? this.openRecord : undefined;
    this.awaitsMessage = false;
    if (awaiting && continuesAwaiting(text, 0, this.lastWidth ?? 0) && !isBlank(text)) return this.continueRecord(awaiting, text, raw, lineNo);
    // (A row of its own ends it: a quote that never closes takes no more than a long message's lines.)
    if (this.quoteOpen && (++this.quoteLines > MAX_WRAPPED_LINES || mayBeCsvRow(text))) this.quoteOpen = false;
    if (this.quoteOpen && this.openRecord && !isBlank(text)) return this.continueRecord(this.openRecord, text, raw, lineNo);
    // Most lines carry a header: try the formats first, the rarer checks only when they fail.
    this.rowRead = false;
    if (known && text.length > 0) this.replayRefusals(known.format, text);
    let record = text.length > 0 ? (known && this.tryFormat(FORMAT_BY_ID.get(known.format)!, text, lineNo, known)) || this.parseStructured(text, lineNo) : undefined;
    if (record) record = this.capturedLine(record);
    // A trailing backslash is the writer saying the line goes on (blog and forum posts hard-wrap
    // long lines this way, with or without a clock). The next non-blank line continues it unless it
    // is plainly a new timed record at the left margin.
    const held = this.backslashOpen;
    this.backslashOpen = undefined;
    if (held && !isBlank(text) && (!record || (!hasClock(record) && /^\s/.test(text)))) {
      // A record is matched on its first MAX_MATCH_CHARS, as a line is: past that, wrapped lines are
      // counted but not joined (thousands of them made every join rescan a growing message).
      if (held.message.length < MAX_MATCH_CHARS) held.message = joinBackslash(held.message, text.trim());
      held.endLine = lineNo;
      peelEnvelopes(held, held.envelope !== undefined);
      if (endsWithBackslash(held.message)) this.backslashOpen = held;
      return 'continuation';
    }
    // Mail wrapping can leave `initialized: Couldn't ...` at a line start: after a dated record,
    // a clockless `word: ` without a pid is more likely its continuation than a stripped line.
    if (record && record.format === 'stripped' && record.pid === undefined && this.openRecord && isContinuation(text)) record = undefined;
    // So is an AT conversation's line (`OK`, `+CPIN: READY`) after a dated record: an application
    // that logs the modem's answer on the lines after its own.
    if (record && record.format === 'at-console' && this.openRecord && isContinuation(text)) record = undefined;
    // A date alone, indented under a record or at the margin after a line a terminal cut at its
    // width (`... #0 ` | `Mon Nov 25 09:42:11 2024`): the rest of that record's text (a kernel's
    // build date), not a record that says nothing.
    if (record && this.openRecord && isStampAlone(record) && continuesAwaiting(text, 0, this.lastWidth ?? 0)) record = undefined;
    if (record) {
      record.section = this.section;
      if (endsWithBackslash(record.message)) this.backslashOpen = record;
      this.openRecord = hasClock(record) ? record : undefined;
      this.openClockless = this.openRecord === undefined && record.format !== 'text' ? record : undefined;
      // A capture's record or a row whose message is a device's stamp a wrap cut off (cutStamp).
      const captured = capturedText(record);
      this.openCutStamp = (this.rowRead || captured !== undefined) && cutStamp(record, captured);
      this.awaitsMessage = this.openCutStamp || awaitsMessage(record, text);
      this.quoteOpen = this.quoteOpened && this.openRecord === record;
      this.quoteLines = 0;
      this.quoteOpened = false;
      return record;
    }
    // A line of a document's brackets alone (`[`, `],`, `}`: a JSON array of lines around them)
    // holds nothing to read, and continues no record.
    if (text.length === 0 || isBlank(text) || JSON_PUNCTUATION.test(text)) {
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
    // journalctl's line between two boots ends the record before it; it is read as text, which the catalogue knows.
    if (JOURNAL_BOOT.test(text)) {
      this.openRecord = undefined;
      this.openClockless = undefined;
      return { line: lineNo, endLine: lineNo, format: 'text', message: text.trim(), section: this.section };
    }
    const open = this.openRecord;
    // After a line a terminal cut at its width, its rest may start as a new line would (`[2c7c:6005]` ...).
    // (A section's heading is never a record's continuation: `===== dmesg =====` after a logread line.)
    if (open && ((isContinuation(text) && !startsKernelMessage(text, open) && !SECTION.test(text)) || (this.lastLineCut() && !SECTION.test(text)))) return this.continueRecord(open, text, raw, lineNo);
    const clockless = this.openClockless;
    if (clockless && this.lastLineCut() && !SECTION.test(text)) return this.continueRecord(clockless, text, raw, lineNo);
    this.openRecord = undefined;
    this.openClockless = undefined;
    // A mail's header (`From:`, `Date:`, `To:` ...: a log sent by mail, pasted with its headers) is
    // no log line and no unread one: the share of lines read counts the log's. (`Subject:` is a
    // section's header: it names the mail.)
    if (MAIL_HEADER.test(text)) return 'mail-header';
    const section = SECTION.exec(text);
    if (section) {
      this.section = (section[1] ?? section[2] ?? section[3] ?? section[4] ?? section[5]).trim();
      return { line: lineNo, endLine: lineNo, format: 'section', message: this.section, ...(section[3] !== undefined ? { command: true as const } : {}), ...(section[5] !== undefined ? { mail: true as const } : {}) };
    }
    if (text.charCodeAt(0) === 0x42 /* B */ && LSUSB.test(text)) return { line: lineNo, endLine: lineNo, format: 'lsusb', message: text.trim(), section: this.section };
    return { line: lineNo, endLine: lineNo, format: 'text', message: text.trim(), section: this.section };
  }

  /**
   * Whether a mail's `Content-Transfer-Encoding: quoted-printable` header was seen: the lines
   * after it are decoded, and the fast lane leaves them to the parser (EventCollector).
   */
  quotedPrintable = false;

  /** The line joins the open record as wrapped text: what a mail's wrap or a terminal's cut broke off it. */
  private continueRecord(open: LogRecord, text: string, raw: string, lineNo: number): 'continuation' {
    // A quoted-printable soft break: the `=` goes and the rest joins without a space.
    if (this.quotedPrintable && open.message.endsWith('=') && open.message.length < MAX_MATCH_CHARS) {
      open.message = open.message.slice(0, -1) + text.trim();
      open.endLine = lineNo;
      return 'continuation';
    }
    // A terminal wraps at its width, inside a word: a line of exactly that width is continued
    // without a space by text at the margin (a mail wraps at a space, and indents or not).
    // Cut just after a space, it cut between words: the space stays (a format may have trimmed it).
    // (The line as drawn: a quoted word the paste rules unquote, ` "30s"`, was at the margin's right of a space.)
    const cut = this.lastWidth !== undefined && TERMINAL_WIDTHS.has(this.lastWidth) && !/^\s/.test(raw);
    const glue = !cut || (this.lastEndedInSpace && !endsWithSpace(open.message)) ? ' ' : '';
    // A wrapped line that is a quoted string (`"Network failure"`) keeps its quotes, unless the
    // line before was one too (a JSON array of a log's lines, which stripPasteArtefacts unquotes).
    let more = (text !== raw && !this.lastStartedQuoted && QUOTED_LINE.test(raw) ? raw : text).trim();
    const wasCutStamp = this.openCutStamp;
    this.openCutStamp = false;
    if (this.quoteOpen) {
      // A CSV row's quoted message, wrapped: its closing quote ends the row.
      const column = quotedColumnGoesOn(more);
      more = column.text;
      this.quoteOpen = !column.closed;
    }
    if (open.format === 'json-lines') {
      // A logfmt line a terminal cut inside a value (`host=ro` | `uter`): the line is read again
      // whole, as often as it was cut (a long line cut twice, the second time in its host).
      if (cut && this.cutWhole !== undefined) {
        const whole = this.cutWhole + text;
        this.cutGoesOn = whole;
        if (this.readLineAgain(open, whole)) return 'continuation';
      }
      // The rest of its pairs, wrapped between two of them (`msg="Read error, quitting"` |
      // `    host=router`): more fields of the record, not words of its message.
      if (this.readMorePairs(open, more)) {
        open.endLine = lineNo;
        return 'continuation';
      }
    }
    // A header with no message yet (it ended its line): what comes is its message, envelopes and all.
    const fresh = open.message === '';
    // A stamp alone or with its `facility.level`, the wrap right after it (`... Sat May 10 10:16:45 2025` |
    // `daemon.notice netifd: ...`, `... 2024 user.info` | `ModemManager[519]: ...`): the next line holds the rest of its header.
    if (fresh && open.tag === undefined && open.pid === undefined) more = readBody(open, more, undefined);
    if (open.message.length < MAX_MATCH_CHARS) open.message = fresh ? more : `${open.message}${glue}${more}`;
    open.endLine = lineNo;
    // A device's line that the wrap cut inside its header, after a capture's stamp or a syslog
    // server's columns (Loki's labels and `Mon Dec  2 19:50:39` | `2024 kern.info ...`): the line
    // is read now that it is whole.
    if (wasCutStamp && this.readInnerAgain(open)) return 'continuation';
    // A wrap can fall inside an envelope (`<warn>  [modem0/bearer2]` | `connection attempt...`,
    // `<dbg>` | `[1719412719.493984] [modem0] ...`): one the first line did not show is peeled whole.
    peelEnvelopes(open, !fresh && open.envelope !== undefined);
    return 'continuation';
  }

  /** A JSON or logfmt record read again from its line made whole (the same object, its first line kept); false when that is no such line. */
  private readLineAgain(open: LogRecord, whole: string): boolean {
    const again = this.readJson(whole, open.line);
    if (!again) return false;
    becomes(open, again, open.line + 1);
    return true;
  }

  /** Fills the record's missing fields from a line of logfmt pairs (a message among them is not taken); false for any other line. */
  private readMorePairs(open: LogRecord, text: string): boolean {
    const pairs = logfmtPairs(text, 1);
    const j = pairs && readFieldsByRole({ msg: '-', ...pairs });
    if (!j || j.message !== '-') return false;
    const hostless = open.host === undefined;
    const levelless = open.syslogLevel === undefined;
    fillFields(open, j);
    if (hostless && open.host !== undefined) this.noteHost(open.host);
    if (levelless && j.level !== undefined) open.level ??= j.level;
    return true;
  }

  private parseStructured(text: string, line: number, formats: readonly LogFormat[] = FORMATS): LogRecord | undefined {
    const tabled = this.readTableRow(text, line, formats);
    if (tabled) return tabled;
    // Always in registry order: specific formats come before general ones, and a general one that
    // matched the previous line must not take the next line from a specific one.
    // After a run of lines no format read (prose, shell output, a Windows CBS log's CSV-like
    // lines), the next is first asked of all the patterns in one call (formats/patternScreen.ts):
    // tryFormat refuses a line its format's pattern does not match at once, learning nothing.
    // Asked so, a line of a format the registry has costs a second call: only a run of UNREAD_RUN
    // lines is screened, not a comment or two before log lines (a kernel log under two comment
    // lines, repeated, took 1.05x the time when one unread line was enough).
    if (this.unreadRun < UNREAD_RUN || screenOf(formats).test(text)) {
      for (let i = 0; i < formats.length; i++) {
        const r = this.tryFormat(formats[i], text, line);
        if (r) {
          this.unreadRun = 0;
          return r;
        }
      }
    }
    this.unreadRun++;
    // `dmesg -x` before another dmesg option's stamp, or none (registry, DMESG_DECODED_LEAD).
    const decoded = text.charCodeAt(0) >= 0x61 ? DMESG_DECODED_LEAD.exec(text) : null;
    if (decoded) return this.readDecodedKernel(text.slice(decoded[0].length), decoded.groups!, line);
    // A table's header row: the rows after it are read by its names (a new header replaces it).
    if (formats === FORMATS) {
      const header = readTableHeader(text);
      if (header) {
        this.table = header;
        return undefined;
      }
    }
    const row = this.readCsvRow(text, line, formats);
    if (row) return row;
    // A pasted line number, bullet or indentation before an otherwise known line (`12: Mon Dec  2 ...`).
    // An indented time of day is indentation before a clock, not a line number `08:` before `14:05`.
    // (Only before a program and a level written as fields: wrapped text may start with a clock.)
    const indent = INDENTED_CLOCK.exec(text);
    const n = indent && leadsWithFields(text.slice(indent[1].length)) ? [indent[1]] : PASTED_LEAD.exec(text);
    if (n && n[0].length < text.length) {
      const rest = text.slice(n[0].length);
      const number = /\d+/.exec(n[0]);
      const indentOnly = number === null && n[0].trim() === '';
      // `    25 20:09:53 2026`: a wrapped date's rest (indented by a mail, at the margin where a
      // terminal cut it), not a line number and a time of day (a line number before a time of day
      // is cat -n's, with a tab, or has its `:`, `|`, `)` or `.`).
      const bareNumber = number !== null && /^\s*\d+ +$/.test(n[0]);
      for (const f of formats) {
        // After a line number, `12: word: ...` is no stripped line's shape to trust without its pid.
        // After an indentation alone, a time of day is not taken: wrapped text indented under its
        // record may start with one. A clockless line (an indented block of a log without clocks)
        // is: after a record with a clock, parse() takes a `word: ` without a pid for wrapped text.
        // A capture's time of day before a whole line with a date is taken, though (capturedLine).
        const timeOfDay = (indentOnly || bareNumber) && f.clock === 'time-only';
        const r = this.tryFormat(f, rest, line);
        // Unless a program and a level written as fields follow it (MikroTik's `/log print`
        // indents every line, today's with a time of day alone: ` 08:14:05 interface,info lte1
        // link down`), which wrapped text does not start with.
        if (timeOfDay && !(r && (holdsCapturedLine(r) || (indentOnly && indent !== null)))) continue;
        if (r && (!number || f !== STRIPPED || r.pid !== undefined)) return this.afterPastedLead(r, n[0], number);
      }
      // A table's row or header, a CSV row or a level word before a line, pasted so (a CSV in a
      // code block, numbered by cat -n, bulleted).
      const r = this.readLeadRest(rest, line, formats);
      if (r) return this.afterPastedLead(r, n[0], number);
    }
    return this.readLevelFirst(text, line) ?? this.readGrepLead(text, line) ?? this.readServiceLead(text, line);
  }

  /** A row of a table whose header named its columns, read by the names in any order; undefined for any other line. */
  private readTableRow(text: string, line: number, formats: readonly LogFormat[]): LogRecord | undefined {
    if (this.table === undefined || formats !== FORMATS) return undefined;
    const row = tableRow(text, this.table);
    const j = row && readFieldsByRole(row, this.dateOrders);
    // A row has its time: a line of the file that only happens to hold the separator is no row.
    return j && j.time !== undefined ? this.readFields(j, line, 'table') : undefined;
  }

  /**
   * What a line without a tool's lead before it is, besides a registry format's line: a table's
   * row (or its header, which starts the table and is no record), a CSV row, a line after a level
   * word. As the whole line is read in parseStructured, so is the line after a lead.
   */
  private readLeadRest(rest: string, line: number, formats: readonly LogFormat[]): LogRecord | undefined {
    const r = this.readTableRow(rest, line, formats) ?? this.readCsvRow(rest, line, formats);
    if (r) return r;
    if (formats === FORMATS) {
      const header = readTableHeader(rest);
      if (header) {
        this.table = header;
        return undefined;
      }
    }
    return this.readLevelFirst(rest, line);
  }

  /**
   * A CSV row whose first column is a clock (formats/columns.ts): the clock is read as the
   * formats read a stamp, the other columns by their shape; undefined for any other line.
   */
  private readCsvRow(text: string, line: number, formats: readonly LogFormat[]): LogRecord | undefined {
    for (const [clock, separator] of CSV_CLOCKS) {
      const csv = clock.exec(text);
      if (!csv) continue;
      const rejoined = `${csv[1] ?? csv[2]}\t${text.slice(csv[0].length)}`;
      for (const f of formats) {
        if (f.body === 'json' || f.clock === 'none') continue;
        const r = this.tryFormat(f, rejoined, line, undefined, separator);
        if (r) return r;
      }
    }
    return undefined;
  }

  /** A record read after a pasted line number, bullet or indentation (`lead`): the number is its id. */
  private afterPastedLead(r: LogRecord, lead: string, number: RegExpExecArray | null): LogRecord {
    if (number) r.recordId ??= parseInt(number[0], 10);
    // cat -n's number and tab, on a line read so: every line of the file has them.
    if (number && CAT_N_LEAD.test(lead)) this.catNumbered = true;
    return r;
  }

  /**
   * A level word before the clock (log4j's `%-5p %d ...`, Maven's and many tools' `[ERROR] `):
   * `ERROR 2024-12-02 19:54:59 gsmd: ...`, `[WARN] Dec  2 19:54:59 router gsmd[3553]: ...`. The rest
   * must be a record with a date or an uptime; the word is its level where the line gives none of its own.
   */
  private readLevelFirst(text: string, line: number): LogRecord | undefined {
    const c = text.charCodeAt(0);
    if (!(c === 0x5b /* [ */ || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return undefined;
    const lead = LEVEL_FIRST.exec(text);
    if (!lead) return undefined;
    const rest = text.slice(lead[0].length);
    for (const f of TIMED_FORMATS) {
      // A date, not a time of day alone: `Error 12:00:01 ...` may be a sentence.
      if (f.clock === 'time-only') continue;
      const r = this.tryFormat(f, rest, line);
      if (!r || (r.time !== undefined && isTimeOnly(r.time))) continue;
      r.syslogLevel ??= levelFromWord(lead[1] ?? lead[2]);
      r.level ??= r.syslogLevel;
      return r;
    }
    return undefined;
  }

  /**
   * A log line a capture tool stamped again: a serial terminal's or logger's time before each line
   * it received (`[19:54:59.123] `, tio; `Dec 02 19:54:59 `, moreutils' ts; `[2024-12-02 19:54:59] `,
   * minicom), a container runtime's (`docker logs -t`), written before a whole line of the device's
   * own log, stamp and program included. The outer format reads the device's line as a message
   * without a program; the record is the device's line, read as such, with its own clocks, which
   * are the ones the rest of its log has (the capture's clock stands only where the device wrote a
   * time of day alone). A kernel console line after a capture stamp (`[   12.3] usb 1-1: ...`) has no
   * wall clock: its printk stamp stays an envelope of the capture's record, as before.
   */
  private capturedLine(record: LogRecord): LogRecord {
    const captured = capturedText(record);
    if (captured === undefined) return record;
    const inner = this.innerLine(captured, record.line, record.time);
    if (inner) return labelHostOnto(record.message, inner);
    // A line that starts as a clock would but is no record may be a device's stamp a wrap cut (cutStamp): it stays the capture's.
    return (!mayStartWallClock(captured, 0, captured.length) && labelledLine(record, captured)) || record;
  }

  /**
   * A record whose message was a device's stamp cut off by a wrap (cutStamp: a capture's record, a
   * syslog server's row), read again once wrapped text has joined it (capturedLine, lineInRow):
   * true when its message is now a device's whole line, whose record it becomes, in place (the
   * same object, its lines kept: the collector holds it).
   */
  private readInnerAgain(open: LogRecord): boolean {
    const copy = { ...open };
    const captured = capturedText(copy);
    const read = captured !== undefined ? this.innerLine(captured, copy.line, copy.time) : this.lineInRow(copy, copy.message, copy.line);
    if (read === undefined) return false;
    const inner = captured !== undefined ? labelHostOnto(copy.message, read) : read;
    becomes(open, inner, open.endLine);
    return true;
  }

  /**
   * A message read as a line of its own when it starts a record with a wall clock (a capture's,
   * a row's), its time filled in from the outer clock where that knows more; undefined otherwise.
   */
  private innerLine(message: string, line: number, outerTime: number | undefined): LogRecord | undefined {
    if (!mayStartWallClock(message, 0, message.length) || !startsTimedRecord(message)) return undefined;
    const inner = this.parseStructured(message, line, NESTED_FORMATS);
    if (!inner || inner.time === undefined) return undefined;
    inner.time = outerClockFills(inner.time, outerTime);
    return inner;
  }

  /**
   * The message column of a table's row read as a line of its own, when it starts a record with a
   * wall clock (capturedLine's test): the columns before it fill in what the line lacks, and a
   * lone name column is the host when the line names its program itself. Undefined otherwise.
   */
  private lineInRow(row: LogRecord, message: string, line: number): LogRecord | undefined {
    const inner = this.innerLine(message, line, row.time);
    if (!inner) return undefined;
    // A lone name column is the host where the line names another program, or none and the name is
    // no program's (a RutOS event, which has no program, in a syslog server's row: `rut-a\tDec  2 ... Mobile data ...`).
    const host = row.host ?? (row.tag !== undefined && (inner.tag !== undefined ? row.tag !== inner.tag : !isProgramName(row.tag)) ? row.tag : undefined);
    if (inner.host === undefined && host !== undefined) {
      inner.host = host;
      this.noteHost(host);
    }
    inner.facility ??= row.facility;
    if (inner.syslogLevel === undefined && row.syslogLevel !== undefined) {
      inner.syslogLevel = row.syslogLevel;
      inner.level ??= row.syslogLevel;
    }
    return inner;
  }

  /**
   * Whether a line read after a line number had cat -n's (`     12\t`): from then on every line's
   * number is taken off before it is read, so a record's wrapped lines stay its text.
   */
  private catNumbered = false;

  /**
   * The file name grep wrote before the last line read after one (readGrepLead): once a file has
   * shown it, every line that starts with it is read as the line after it, so a record's wrapped
   * lines (`messages:    continued`) and blank lines (`messages-`) are what they are without it.
   */
  private grepName: string | undefined;

  /** Whether the line at `start` in `text` starts with the grep name the file has shown (its rest is read as a line of its own). */
  startsWithGrepName(text: string, start: number): boolean {
    if (this.grepName === undefined) return false;
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    return text.startsWith(this.grepName, i);
  }

  /** The text after the learned grep name and its separator (`:` or `-`, a line number between two), or the text. */
  private afterGrepName(indented: string): string {
    const name = this.grepName!;
    const text = indented.charCodeAt(0) === 32 ? indented.trimStart() : indented;
    const c = text.charCodeAt(name.length);
    if ((c !== 0x3a && c !== 0x2d) || !text.startsWith(name)) return indented;
    const numbered = afterLineNumber(text, name.length);
    if (numbered < 0) return text.slice(name.length + 1);
    this.leadNumber = parseInt(text.slice(name.length + 1, numbered - 1), 10);
    return text.slice(numbered);
  }

  /**
   * Whether a line read after a container's service name had one (`modemmanager-1  | `, readServiceLead):
   * from then on each line's is taken off before it is read (compose interleaves its services).
   */
  private serviceLed = false;
  /** The program the current line's service lead names, if any. */
  private service: string | undefined;
  /** The service of the line before. */
  private lastService: string | undefined;

  /** The text after a container's service lead, or the text; the lead's program is kept for the line. */
  private afterServiceLead(text: string): string {
    const m = SERVICE_LEAD.exec(text);
    if (!m) return text;
    this.service = serviceProgram(m);
    return text.slice(m[0].length);
  }

  /**
   * A line with a container's service name before it: `docker compose logs` (`modemmanager-1  | `,
   * the name padded to the longest, then a bar) and `kubectl logs --prefix`
   * (`[pod/mm-7d9f/modemmanager] `). The rest must be a line of a registry format (a clockless
   * `stripped` one only with its pid), as after grep's file name.
   */
  private readServiceLead(text: string, line: number): LogRecord | undefined {
    const m = SERVICE_LEAD.exec(text);
    if (!m || m[0].length >= text.length) return undefined;
    const r = this.lineAfterLead(text.slice(m[0].length), line);
    if (!r) return undefined;
    // parse() gives the service to a record without a program, as on every line after this one.
    this.serviceLed = true;
    this.service = this.lastService = serviceProgram(m);
    return r;
  }

  /**
   * A line of a registry format after a lead a tool wrote before it (grep's file name, a
   * container's service), or undefined: a clockless `word: ` (`stripped`) is trusted there only
   * with its pid, since `name:word: text` may be prose.
   */
  private lineAfterLead(rest: string, line: number): LogRecord | undefined {
    for (const f of FORMATS) {
      const r = this.tryFormat(f, rest, line);
      if (r && (f !== STRIPPED || r.pid !== undefined)) return r;
    }
    return this.readLeadRest(rest, line, FORMATS);
  }

  /** The line number of the lead taken off the current line, or -1. */
  private leadNumber = -1;

  /** The text without cat -n's number and tab, or the text. */
  private afterCatNumber(text: string): string {
    const m = CAT_N_PREFIX.exec(text);
    if (!m) return text;
    this.leadNumber = parseInt(m[0], 10);
    return text.slice(m[0].length);
  }

  /**
   * A line with grep's file name before it (`grep -H`, `grep -r`, `zgrep` over several files):
   * `messages:Dec  2 ...`, `/var/log/system.log:12:Mon Dec  2 ...` (`-n`), and a context line of
   * `-C` with dashes, `system.log-13-Mon Dec  2 ...`. The name is any word without blanks (it may
   * hold `:` or `-` itself, `C:\logs\x.log`, `rut-1.log`), so each place a separator may end it is
   * tried, and the rest must be a line of a registry format (a clockless `stripped` one only with its pid). grep writes no space after the separator, where a program's
   * `tag: ` has one, so a syslog line is not read this way.
   */
  private readGrepLead(indented: string, line: number): LogRecord | undefined {
    // PowerShell's Select-String indents its context lines by two spaces (a match gets `> `, a quote's).
    const text = indented.charCodeAt(0) === 32 ? indented.trimStart() : indented;
    const limit = Math.min(text.length - 1, GREP_NAME_MAX);
    let tried = 0;
    let screened = 0;
    // Where a program's pid ends (`[771]: `), if anywhere: a clockless line after a name needs one.
    const pidColon = text.indexOf(']: ');
    for (let k = 1; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 9) return undefined;
      if (c !== 0x3a /* : */ && c !== 0x2d /* - */) continue;
      // All digits is a pasted line number (PASTED_LEAD), not a name.
      if (!/\D/.test(text.slice(0, k))) continue;
      // `name:12:` / `name-12-`: the line number, with the same separator after it.
      const numbered = afterLineNumber(text, k);
      for (const start of numbered > 0 ? [numbered, k + 1] : [k + 1]) {
        const after = text.charCodeAt(start);
        if (start >= text.length || after === 32 || after === 9) continue;
        // Only where a registry line can start (one search of all their patterns) or a program
        // and pid, and a bounded number of times: a word of hundreds of dashes (`x-a-a-a...`, a
        // hostile line) tried at each dash with every format took 0.5 ms a line.
        if (++screened > GREP_ENDS_SCREENED) return undefined;
        const pid = pidColon > start && pidColon - start <= 80 && PROGRAM_WITH_PID.test(text.slice(start, pidColon + 3));
        // A JSON line, a table's header or row, a CSV row or a level word before a line, after the
        // name, is read as without it.
        const head = text.slice(start, start + 256);
        if (!pid && !NESTED_SCREEN.test(head) && after !== 0x7b /* { */ && !LOGFMT_LEAD.test(head) && this.table === undefined && !mayBeCsvRow(head) && !LEVEL_FIRST.test(head) && !readTableHeader(text.slice(start))) continue;
        if (++tried > GREP_ENDS_TRIED) return undefined;
        const r = this.lineAfterLead(text.slice(start), line);
        if (r) {
          if (numbered === start) r.recordId ??= parseInt(text.slice(k + 1, start - 1), 10);
          const name = text.slice(0, k);
          // Each file grep went through is a part of the listing, as a header's (`==> name <==`) is:
          // its lines may be another time's (rotated logs listed newest first) or repeat another's.
          if (name !== this.grepName) this.section = name;
          this.grepName = name;
          return r;
        }
      }
    }
    return undefined;
  }

  /**
   * The rest of a `dmesg -x` line after its facility and level: a line of the kernel's ring buffer
   * with that stamp, else a message without a clock (`-t`), the kernel's when the facility is
   * `kern`. Undefined for an empty rest.
   */
  private readDecodedKernel(rest: string, g: Record<string, string>, line: number): LogRecord | undefined {
    let record: LogRecord | undefined;
    for (const f of KERNEL_RING_FORMATS) if ((record = this.tryFormat(f, rest, line))) break;
    if (!record) {
      if (isBlank(rest)) return undefined;
      // The kernel's own message; a program's line in the ring buffer (`user  :notice: procd: ...`)
      // gets no tag, so every catalogue entry is tried on it.
      record = { line, endLine: line, format: 'stripped', message: rest };
      if (g.facility === 'kern') record.tag = 'kernel';
      peelEnvelopes(record);
    }
    record.facility = g.facility;
    record.syslogLevel = levelFromWord(g.level);
    // As tryFormat settles it: an envelope's level (a printk `<3>`) first, then one in the text.
    record.level ??= embeddedLevel(record.message) ?? record.syslogLevel;
    return record;
  }

  /**
   * A line that is one JSON object (formats/jsonLines.ts), its fields read by role. A message that
   * is itself a log line (a shipper's copy of a syslog line) is read as that line; the JSON's
   * clocks stand and its other fields fill in what the line lacks. A reading that only guesses a
   * program (a clockless `word: `) does not replace the program the JSON names (`kernel` for
   * `wwan0: renamed from usb0`).
   */
  private readJson(text: string, line: number): LogRecord | undefined {
    const j = text.trimStart().charCodeAt(0) === 0x7b /* { */ ? readJsonLine(text) : readLogfmtLine(text);
    return j ? this.readFields(j, line, 'json-lines') : undefined;
  }

  /** A record of fields read by role: a JSON line's, or a row of a table with a header (`format` 'table'). */
  private readFields(j: JsonLine, line: number, format: 'json-lines' | 'table'): LogRecord {
    let record = j.message.length > 0 && !/[\r\n]/.test(j.message) ? this.parseStructured(j.message, line, NESTED_FORMATS) : undefined;
    if (record && !hasClock(record) && j.tag !== undefined && record.tag !== undefined && record.tag !== j.tag) record = undefined;
    const nested = record !== undefined;
    record ??= { line, endLine: line, format, message: j.message };
    // A program the inner line does not write, but its format implies, and a format without a
    // clock of its own (ModemManager's `<info>  [1733169299.1234] ...`, which NetworkManager
    // writes too), gives way to the program the JSON names: a reading of the message's envelope
    // does not say who wrote it.
    const inner = FORMAT_BY_ID.get(record.format);
    if (nested && j.tag !== undefined && inner?.clock === 'none' && inner.impliedTag === record.tag) record.tag = j.tag;
    record.format = format;
    // The JSON's clocks are the header's, as a syslog line's stamp outranks a clock inside its
    // message (a NetworkManager stamp; a yearless line's guessed year): the inner line's fill in.
    if (j.time !== undefined) {
      record.time = j.time;
      if (j.zone !== undefined) this.noteShownZone(j.zone);
    }
    if (j.uptime !== undefined) record.uptime = j.uptime;
    fillFields(record, j);
    if (record.host !== undefined) this.noteHost(record.host);
    if (!nested) peelEnvelopes(record);
    // A row's numeric date counts as a line's does (dateOrder.ts), a Unix time in its message too.
    if (j.numeric) {
      noteDate(this.dates, j.numeric.date);
      if (record.envelope?.mmTime !== undefined) noteUnixWitness(this.dates, j.numeric.date, j.numeric.year, +record.envelope.mmTime, line);
    }
    // As tryFormat settles it: an envelope's level (ModemManager's `<warn>`) first, then one in the text.
    record.level ??= embeddedLevel(record.message) ?? record.syslogLevel;
    return record;
  }

  /** `separator`: the line is a CSV row whose clock column was cut out and rejoined with a tab (parseStructured, CSV_CLOCK). */
  private tryFormat(format: LogFormat, text: string, line: number, known?: KnownShape, separator?: ColumnSeparator): LogRecord | undefined {
    if (format.body === 'json') return format.pattern.test(text) ? this.readJson(text, line) : undefined;
    // A header the fast reader read whole is a stamp alone: the known time stands for it.
    const headerKnown = known?.bodyStart !== undefined;
    const m = headerKnown ? undefined : format.pattern.exec(text);
    if (!m && !headerKnown) return undefined;
    const g = m?.groups ?? {};
    const record: LogRecord = { line, endLine: line, format: format.id, message: '' };
    let yearless = false;
    // A numeric date that could be day or month first, and its year: a Unix time on the line tells which (noteUnixWitness).
    let numeric: { date: NumericDate; year: number } | undefined;
    if (headerKnown) {
      record.time = known!.time;
      yearless = known!.yearless === true;
      if (known!.recordId !== undefined) record.recordId = known!.recordId;
    } else if (g.unixTime !== undefined) {
      // journalctl's short-unix: a Unix time, as a ModemManager debug stamp is read (envelopes).
      const n = +g.unixTime;
      if (n < EPOCH_FLOOR || !isPlausibleWallTime(n * 1000)) return undefined;
      record.time = Math.round(n * 1000);
    } else if (g.unixMs !== undefined) {
      record.time = +g.unixMs;
    } else if (g.stamp !== undefined && known) {
      record.time = known.time;
      yearless = known.yearless === true;
    } else if (g.stamp !== undefined) {
      const parts = stampParts(format, g.stamp, this.dateOrders);
      if (!parts) return undefined;
      if (format.id === 'logread' && !(parts.shape === 'month-first' && parts.year !== undefined)) this.foreignLogreadStamps++;
      if (parts.numeric) {
        noteDate(this.dates, parts.numeric);
        if (parts.year !== undefined) numeric = { date: parts.numeric, year: parts.year };
      }
      record.time = this.timeOf(parts, line);
      yearless = parts.year === undefined && parts.month !== undefined;
    }
    if (g.uptime !== undefined && isPlausibleUptime(+g.uptime)) record.uptime = +g.uptime;
    if (g.uptimeMs !== undefined && isPlausibleUptime(+g.uptimeMs / 1000)) record.uptime = +g.uptimeMs / 1000;
    // Zephyr's `[hh:mm:ss.mmm,uuu]`: the hours since boot, not a time of day.
    if (g.upH !== undefined) {
      const uptime = Number(`${+g.upH * 3600 + +g.upM * 60 + +g.upS}.${g.upMs ?? ''}${g.upUs ?? ''}`);
      if (isPlausibleUptime(uptime)) record.uptime = uptime;
    }
    if (g.elapsed !== undefined) record.elapsed = +g.elapsed;
    if (g.recordId !== undefined) record.recordId = +g.recordId;
    if (g.host !== undefined) record.host = g.host;
    if (g.facility !== undefined) record.facility = g.facility;
    if (g.level !== undefined) record.syslogLevel = levelFromWord(g.level) ?? levelFromLetter(g.level);
    if (g.tag !== undefined) record.tag = g.tag;
    if (g.pid !== undefined) record.pid = +g.pid;
    let rest = text.slice(headerKnown ? known!.bodyStart : m![0].length);
    // A table's row (columns.ts): its columns are read by their shape, whatever the format's body.
    // Only after a clock, where a syslog header's fields would stand (a message body is the writer's own).
    const columns = separator ?? (headerKnown || !TABLE_BODIES.has(format.body) || format.clock === 'none' ? undefined : columnSeparator(whitespaceBefore(text, m![0].length), rest));
    if (format.body === 'syslog' && columns === undefined) this.learnHostColumn(rest);
    const body = headerKnown ? known!.body : undefined;
    if (body) {
      // The fields readBody would set, in its order.
      if (body.host !== '') record.host = body.host;
      if (body.facility !== '') {
        record.facility = body.facility;
        record.syslogLevel = levelFromWord(body.level);
      }
      if (body.tag !== '') record.tag = body.tag;
      if (body.pid >= 0) record.pid = body.pid;
      rest = text.slice(body.restStart);
    } else if (columns !== undefined) {
      rest = readColumns(record, rest, columns);
      this.rowRead = true;
      const open = isCsv(columns) ? openQuotedColumn(rest) : undefined;
      if (open !== undefined) {
        // The row goes on on the next lines, to its closing quote (parseText).
        rest = open;
        this.quoteOpened = true;
      }
      // A syslog server's table (Kiwi's `date, priority, host, message`) whose message is the
      // device's whole line, stamp and program included: the record is that line.
      const inner = this.lineInRow(record, rest, line);
      if (inner) return inner;
      // Without a program column, the message may lead with the program, as the format's body would.
      if (record.tag === undefined) rest = format.body === 'program' ? readProgramLead(record, rest) : readBody(record, rest, undefined);
    } else if (format.body === 'program') rest = readProgramLead(record, rest, this.hosts);
    else if (format.body !== 'message') rest = readBody(record, rest, format.body === 'syslog' ? this.hosts : undefined, format.needsHost || format.hostFirst);
    // A format that refuses the line may have learned from it (a tagless journal's host column is
    // learned so); a line read in a later format is replayed through it (replayRefusals).
    if (format.needsHost && record.host === undefined) return undefined;
    if (record.host !== undefined) this.noteHost(record.host);
    if (record.tag === undefined && format.impliedTag) record.tag = format.impliedTag;
    if (g.pri !== undefined) applyPri(record, +g.pri);
    record.message = rest;
    peelEnvelopes(record);
    if (yearless && record.envelope?.mmTime !== undefined && this.seeksYearWitness()) this.noteYearWitness(record.time!, +record.envelope.mmTime, line);
    if (numeric && record.envelope?.mmTime !== undefined) noteUnixWitness(this.dates, numeric.date, numeric.year, +record.envelope.mmTime, line);
    if (record.envelope?.mmTime !== undefined && record.time !== undefined && this.firstZone === undefined && (this.zoneWitness === undefined || this.seekingZone)) this.noteZoneWitness(record.time, +record.envelope.mmTime, line, yearless);
    record.level ??= embeddedLevel(record.message) ?? record.syslogLevel;
    return record;
  }

  /** A yearless stamp read as `assumed` beside a Unix time in seconds: how many years it is off, if they agree so. */
  private noteYearWitness(assumed: number, unixSeconds: number, line: number): void {
    if (unixSeconds < EPOCH_FLOOR) return;
    const actual = unixSeconds * 1000;
    const d = new Date(assumed);
    const year = d.getUTCFullYear();
    for (let years = -YEAR_WITNESS_REACH; years <= YEAR_WITNESS_REACH; years++) {
      d.setUTCFullYear(year + years);
      if (Math.abs(d.getTime() - actual) <= YEAR_WITNESS_SLACK_MS) {
        this.yearWitness = { years, line };
        return;
      }
    }
    this.yearWitnessMisses++;
  }

  /**
   * A syslog without tags (forwarded RutOS events, `logger` lines) still has a host column: the
   * same host-like first word on two lines in a row is taken as the host from then on.
   */
  private learnHostColumn(body: string): void {
    const m = HOST_LIKE.exec(body);
    const word = m ? m[1] : undefined;
    if (word && word === this.lastFirstWord && !this.hosts.has(word) && this.hosts.size < 64) this.hosts.add(word);
    this.lastFirstWord = word;
  }

  /**
   * What the full parser learns of a line before the format that takes it: it tries the formats
   * in registry order, and one that needs a host learns the line's first word as a host column
   * before it refuses the line. A line the fast lane read in a later format (iso-plain after
   * journal-iso) is put through those formats so, for the same state in both lanes (fuzz seed
   * 1198587988: `00` learned as a host in one lane only).
   */
  private replayRefusals(format: FormatId, text: string): void {
    const before = REFUSING_BEFORE.get(format);
    if (before) for (const f of before) this.tryFormat(f, text, 0);
  }

  // The fast lane (records/fastReaders.ts) reads some lines without this parser; these keep the
  // per-file state that spans many lines the same as if the parser had read them.

  /** A host column read on a line. */
  noteHost(host: string): void {
    if (this.hosts.size < 64) this.hosts.add(host);
  }

  /** Whether this file has shown the word as a host already. */
  knowsHost(word: string): boolean {
    return this.hosts.has(word);
  }

  /**
   * The time of a stamp with a time of day alone: days are counted from the first line, the next
   * one starting when the time goes back more than an hour (midnight passed), not a step back.
   */
  timeOfDay(hour: number, minute: number, second: number, ms: number): number {
    this.timeOnly = true;
    const ofDay = ((hour * 60 + minute) * 60 + second) * 1000 + ms;
    if (this.lastTimeOfDay >= 0 && ofDay + 3600_000 < this.lastTimeOfDay) this.timeOnlyDay++;
    this.lastTimeOfDay = ofDay;
    return TIME_ONLY_BASE + this.timeOnlyDay * 86400_000 + ofDay;
  }

  /**
   * A stamp with a year: yearless dates after it take its year (dates of this century only: a
   * router without a clock writes 1970 until NTP sets it, which says nothing of the year).
   */
  noteDated(year: number, month: number, time: number, line: number): void {
    if (year < DATED_YEAR_FLOOR || year > PLAUSIBLE_YEARS.last) return;
    if (this.datedLine === undefined) {
      this.datedLine = line;
      // A yearless stamp on this very line (a capture's `Dec 02 19:54:59` before the device's own
      // dated one) was read first: it moves with the lines before.
      if (this.yearless && this.lastYearlessTime !== undefined) this.datedAfterYearless = { years: yearsNearest(this.lastYearlessTime, time), line: this.lastYearlessLine === line ? line + 1 : line };
    }
    this.year = year;
    this.lastMonth = month;
    this.afterDated = true;
  }

  /** A stamp without a year, read as `time` on `line` (a dated line after it says how many years it is off: noteDated). */
  noteYearless(time: number, line: number | undefined): void {
    this.lastYearlessTime = time;
    if (line !== undefined) this.lastYearlessLine = line;
  }

  /** The last date read had a year (noteDated): a yearless one after it is put in the year nearest it, back across New Year too. */
  private afterDated = false;

  /** The year of a yearless date in `month` (0-11): the reference year, rolled over at New Year. */
  yearlessYear(month: number): number {
    // Track the Dec -> Jan rollover; the caller corrects the base year at the end. Never past the
    // plausible years, however many New Years a corrupt log passes.
    if (this.lastMonth >= 0 && month < this.lastMonth - 6 && this.year < PLAUSIBLE_YEARS.last) this.year++;
    // Just after a dated line, a month more than half a year after its month is the year before's
    // (`Dec 31` after `Mon Jan  1 ... 2024`: a paste's parts across New Year, a blind probe's).
    else if (this.afterDated && month > this.lastMonth + 6 && this.year > PLAUSIBLE_YEARS.first) this.year--;
    this.afterDated = false;
    this.lastMonth = month;
    this.yearless = true;
    return this.year;
  }

  /** Wall time of a stamp; the year, when absent, is the reference year rolled over at New Year. */
  private timeOf(p: StampParts, line?: number): number {
    if (p.month === undefined || p.day === undefined) return this.timeOfDay(p.hour, p.minute, p.second, p.ms);
    const year = p.year ?? this.yearlessYear(p.month);
    const minutes = zoneOffsetMinutes(p.zone);
    const time = wallTime(year, p.month, p.day, p.hour, p.minute, p.second, p.ms) - (minutes === undefined ? 0 : this.zoneShift(minutes, line));
    if (p.year === undefined) this.noteYearless(time, line);
    else if (line !== undefined && line > 0) this.noteDated(p.year, p.month, time, line);
    return time;
  }

  /**
   * How far (ms) a stamp written with this offset from UTC moves to be on the file's first
   * offset: a relay that mixes `+02:00` and `Z`, a journal across a change to summer time, read
   * on one time base (a blind probe's relay had given a false clock jump and stories 2 h apart
   * told 38 minutes apart). Times with the first offset, or none, stay as written.
   */
  zoneShift(minutes: number, line?: number): number {
    this.firstZone ??= minutes;
    if (minutes === this.firstZone) return 0;
    // A line's stamp is counted once, however many of the registry's formats read it before one
    // takes the line (the fast lane reads it once: a property test's seed found them apart).
    // (Line 0: a format's refusal read again for its learning, replayRefusals; no stamp of the file's.)
    if (line === 0) return (minutes - this.firstZone) * 60_000;
    if (line === undefined || line !== this.lastShiftedLine) this.zoneShifts++;
    if (line !== undefined) this.lastShiftedLine = line;
    return (minutes - this.firstZone) * 60_000;
  }
  /** The line whose stamp zoneShift last counted (a line is read by several formats in turn). */
  private lastShiftedLine = -1;

  /** The offset from UTC (minutes) the file's times are shown at: its first stamp's that gave one, if any did. */
  shownZone(): number | undefined {
    return this.firstZone;
  }

  /** A time kept as written at this offset (a JSON line's time field): the file's first offset, if none came before. */
  noteShownZone(minutes: number): void {
    this.firstZone ??= minutes;
  }

  /** Stamps moved onto the first offset (zoneShift), and that offset: what the report's notice says. */
  shiftedZones(): { shifted: number; first: number } | undefined {
    return this.zoneShifts > 0 && this.firstZone !== undefined ? { shifted: this.zoneShifts, first: this.firstZone } : undefined;
  }

  private zoneShifts = 0;

  /** The first numeric zone offset (minutes) a stamp of the file had. */
  private firstZone: number | undefined;

  /** A copy with the same state; `open` in this parser is `openCopy` in the copy. */
  fork(open: LogRecord | undefined, openCopy: LogRecord | undefined): LineParser {
    const copy = Object.assign(Object.create(LineParser.prototype) as LineParser, this);
    copy.dates = copyEvidence(this.dates);
    copy.openRecord = this.openRecord && this.openRecord === open ? openCopy : undefined;
    copy.openClockless = this.openClockless && this.openClockless === open ? openCopy : undefined;
    return copy;
  }

  /** Whether the last line left a record that wrapped text may continue (it had a clock). */
  hasOpenRecord(): boolean {
    return this.openRecord !== undefined;
  }

  /** Whether the last line the parser read was as wide as a terminal: the next may be its rest, cut there. */
  lastLineCut(): boolean {
    return this.lastWidth !== undefined && TERMINAL_WIDTHS.has(this.lastWidth);
  }

  /** Whether the parser would read the line at `start` in `text` as the message of a record the line before left awaiting one (the fast lane leaves it). */
  awaitingMessage(text: string, start: number): boolean {
    return this.awaitsMessage && this.openRecord !== undefined && continuesAwaiting(text, start, this.lastWidth ?? 0);
  }

  /** A line read elsewhere (the fast lane) ends any record that wrapped text could continue. */
  closeRecord(): void {
    this.openRecord = undefined;
    this.openClockless = undefined;
  }

  /**
   * The state reading a fast-lane line would leave, for a next line that is certainly a new timed
   * record at the left margin: nothing of the line before can continue into that one (an open
   * record or a trailing backslash), so only the line's first word as host-column learning reads
   * it is kept (`learns`: the line's format has a syslog body, where that learning happens).
   */
  afterFastLine(firstWord: string, learns: boolean, format: FormatId, text: string): void {
    this.openRecord = undefined;
    this.openClockless = undefined;
    this.awaitsMessage = false;
    this.backslashOpen = undefined;
    this.replayRefusals(format, text);
    if (learns) this.lastFirstWord = firstWord === '' ? undefined : firstWord;
  }

  /** The year used so far for yearless lines (for the caller's end-of-file correction). */
  currentYear(): number {
    return this.year;
  }
}

/**
 * Reads `host`, `facility.level` and `tag[pid]: ` from a syslog body; returns the message. Where a
 * host may stand (`hosts` given), the first word is the host when a tag or `facility.level`
 * follows it, or when this file already showed it as a host: `Mobile data disconnected` in a log
 * without a host column keeps its first word.
 */
/** `word [pid]: `: a pid a space after a word (syslog writes a program's pid against its name). */
const SPACED_PID = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,63}) \[\d{1,10}\]:(?: |$)/;

/**
 * `router [2656]: ` after a clock: a host before a program with no name (a daemon started
 * without an ident, ModemManager under some procd versions), or a program written with a space
 * before its pid. The word is the host where the file has shown it as one, or where it is no
 * program's name the catalogue knows (catalogue/tables/programNames.ts).
 */
function hostBeforeEmptyProgram(rest: string, hosts: Set<string>): boolean {
  const m = SPACED_PID.exec(rest);
  return m !== null && (hosts.has(m[1]) || !isProgramName(m[1]));
}

function readBody(record: LogRecord, text: string, hosts: Set<string> | undefined, hostFirst = false): string {
  let rest = text;
  // An application's level word where a host would stand (`2024-12-02T19:54:59+0100 INFO
  // gsmd[3553]: `, `Dec  2 19:54:59 ERROR pppd[9626]: `) is the level; no host is called INFO. A
  // format that needs its host (journalctl's) refuses the line, and iso-plain reads it. Only where
  // a program follows, as a host is taken only there: a message that starts with a level word keeps it.
  const first = rest.charCodeAt(0);
  const level = first >= 0x41 && first <= 0x57 /* A-W: the level words' initials */ ? APPLICATION_LEVEL.exec(rest) : null;
  if (level && programTagAt(rest.slice(level[0].length))) {
    if (hostFirst) return rest;
    record.syslogLevel ??= levelFromWord(level[1]);
    rest = rest.slice(level[0].length);
  }
  // journalctl always writes the host, so `router [2656]: ` is a host and an empty tag there; an
  // application log's `ERROR    Read error` is not (no tag follows, and no earlier line had it as host).
  if (hostFirst) {
    const host = HOST.exec(rest);
    // The host may be followed by `facility.level` (a syslog-ng or rsyslog template that writes it).
    if (host && !FACILITY_PRIO.test(rest) && (hosts?.has(host[1]) || programTagAt(rest.slice(host[0].length)) || facilityThenTag(rest.slice(host[0].length)))) {
      record.host = host[1];
      rest = rest.slice(host[0].length);
    }
  } else if (hosts && record.host === undefined && (!TAG.test(rest) || hostBeforeEmptyProgram(rest, hosts)) && !FACILITY_PRIO.test(rest)) {
    const host = HOST.exec(rest);
    if (host) {
      const after = rest.slice(host[0].length);
      if (hosts.has(host[1]) || programTagAt(after) || FACILITY_PRIO.test(after) || WRAPPED_AHEAD.test(after) || topicsLead(after) !== undefined || CISCO_MESSAGE.test(after)) {
        record.host = host[1];
        rest = after;
      }
    }
  }
  if (record.facility === undefined) rest = readFacility(record, rest);
  if (record.tag !== undefined) return rest;
  const tag = TAG.exec(rest);
  if (tag && (tag[1] || tag[2])) {
    if (tag[1]) record.tag = tag[1];
    if (tag[2]) record.pid = +tag[2];
    return rest.slice(tag[0].length);
  }
  // An application's template that brackets its program after the clock (`19:54:59 [gsmd] `,
  // Python's `%(asctime)s [%(name)s]`), perhaps after a level word, bare or bracketed (`INFO [gsmd] `,
  // `[INFO] [gsmd] `), as the body `program` reads it. A bracketed level word alone (`[error]`) or
  // a kernel device stays in the message.
  const b = mayLeadWithBracketedProgram(rest) ? LEVELLED_BRACKETED_LEAD.exec(rest) : null;
  if (b && !levelFromWord(b[3]) && !KERNEL_DEVICE.test(b[3])) {
    const level = b[1] ?? b[2];
    if (level !== undefined) {
      const read = levelFromWord(level);
      if (!read) return rest;
      record.syslogLevel ??= read;
    }
    record.tag = b[3];
    if (b[4] !== undefined) record.pid = +b[4];
    // A level bracketed after the program (`[gsmd][ERROR] `); another bracket is the message's.
    const after = b[5] === undefined ? undefined : levelFromWord(b[5]);
    if (b[5] !== undefined && after === undefined) return rest.slice(b[0].lastIndexOf('['));
    if (after !== undefined) record.syslogLevel ??= after;
    return rest.slice(b[0].length);
  }
  // A template's program and level as fields (`gsmd - INFO - `, `gsmd | `, `gsmd INFO `, `<gsmd> `).
  return readFieldLead(record, rest, record.syslogLevel !== undefined);
}

/** Per format, the formats before it in the registry that need a host: they try its lines first and refuse them. */
const REFUSING_BEFORE = new Map<FormatId, LogFormat[]>(
  FORMATS.map((f, i) => [f.id, FORMATS.slice(0, i).filter((g) => g.body === 'syslog' && g.needsHost)] as [FormatId, LogFormat[]]).filter(([, before]) => before.length > 0),
);


/** The bodies of formats whose lines may be a table's rows (formats/columns.ts). */
const TABLE_BODIES: ReadonlySet<string> = new Set(['syslog', 'tagged', 'program']);

/** A CSV row's first column, quoted or not, of a stamp's length: `"2024-12-02 19:54:59",`. */
const CSV_CLOCK = /^(?:"([^",]{6,48})"|([^",\s][^",]{5,47})),/;
/** The same with semicolons between the columns (a spreadsheet's CSV in a locale whose decimal mark is a comma): `02.12.2024 19:54:59;router;...`. */
const CSV_SEMICOLON_CLOCK = /^(?:"([^";]{6,48})"|([^";\s][^";]{5,47}));/;
const CSV_CLOCKS: readonly (readonly [RegExp, ColumnSeparator])[] = [
  [CSV_CLOCK, 'comma'],
  [CSV_SEMICOLON_CLOCK, 'semicolon'],
];

/** The spaces and tabs that end `text[0, end)`: a header's, before its body. */
function whitespaceBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && (text.charCodeAt(start - 1) === 0x20 || text.charCodeAt(start - 1) === 0x09)) start--;
  return text.slice(start, end);
}

/** A program's name as the body `program` reads it. */
const PROGRAM_NAME = String.raw`[A-Za-z][A-Za-z0-9_.\/@-]{0,63}`;

/** The level words in their three cases (`info`, `INFO`, `Info`), as an alternation: built once. */
const LEVEL_WORDS = levelWordAlternation();

/** A word in brackets at the start of a message (registry body `program`): a level word, else the program's name. */
const BRACKETED_LEAD = new RegExp(String.raw`^\[(${PROGRAM_NAME})(?::(\d{1,10}))?\](?: +|(?=\[))`);

/** A bracketed program at the start of a message, perhaps after a level word (checked by the caller). */
const LEVELLED_BRACKETED_LEAD = new RegExp(String.raw`^(?:\[(${LEVEL_WORDS})\] +|(${LEVEL_WORDS}):? +)?\[(${PROGRAM_NAME})(?::(\d{1,10}))?\](?: +|(?=\[))(?:\[([A-Za-z]{3,8})\] +)?`);

/**
 * `kernel: `, or a program with its pid (`gsmd[3553]: `, `pbr [9755]: `), or a pid alone (`[2656]: `,
 * ModemManager's on OpenWrt, as TAG reads it), at the start of a message (registry body `program`).
 */
const PROGRAM_LEAD = new RegExp(String.raw`^(?:(kernel)|(?:(${PROGRAM_NAME}) ?)?\[(\d{1,10})\]): `);

/**
 * The body `program`: the message after a `facility.level` (a syslog template that writes it,
 * RutOS's tagless events) and its PROGRAM_LEAD, which give the record its facility, level, tag and pid.
 */
function readProgramLead(record: LogRecord, text: string, hosts?: ReadonlySet<string>): string {
  let rest = record.facility === undefined ? readFacility(record, text) : text;
  // A first word the file has shown as a host before a program (HOSTED_PROGRAM_LEAD) is its host
  // on a line without a program too (a RutOS event: `router Mobile data connected`), as the
  // syslog body reads a host column the file has shown.
  const host = hosts !== undefined && hosts.size > 0 ? HOST.exec(rest) : null;
  if (host && hosts!.has(host[1])) {
    record.host = host[1];
    rest = rest.slice(host[0].length);
  }
  // An application's template that brackets its level or its program (`[info] `, `[gsmd] `,
  // Python's `[%(name)s]`, a pid after a colon, `[gsmd:3553] `), or both, in either order, with or
  // without a space between the brackets (`[INFO] [gsmd] `, `[gsmd][ERROR] `).
  let program: RegExpExecArray | undefined;
  for (let k = 0; k < 2; k++) {
    const b = BRACKETED_LEAD.exec(rest);
    if (!b || b[0].length >= rest.length) break;
    const level = b[2] === undefined ? levelFromWord(b[1]) : undefined;
    if (level) {
      record.syslogLevel ??= level;
      rest = rest.slice(b[0].length);
    } else if (program === undefined && !KERNEL_DEVICE.test(b[1])) {
      program = b;
      rest = rest.slice(b[0].length);
    } else break;
  }
  // A bracket held open (`[gsmd]` before `[`) only where another bracket of the lead followed.
  if (program) {
    record.tag = program[1];
    if (program[2] !== undefined) record.pid = +program[2];
    return rest;
  }
  const m = PROGRAM_LEAD.exec(rest);
  if (m) {
    record.tag = m[1] ?? m[2];
    if (m[3] !== undefined) record.pid = +m[3];
    return rest.slice(m[0].length);
  }
  // A host before a program (`router gsmd[3553]: `, `router netifd: `), as journal-iso reads one
  // after its stamp: for a template that brackets the stamp (`[2024-12-02 19:54:59] router
  // gsmd[3553]: `), which journal-iso does not take.
  const hosted = HOSTED_PROGRAM_LEAD.exec(rest);
  if (hosted && !FACILITY_PRIO.test(rest) && (hosted[5] === undefined || (HOST_NAME.test(hosted[1]) && isProgramName(hosted[5])))) {
    record.host = hosted[1];
    record.tag = hosted[2] ?? hosted[3] ?? hosted[5];
    if (hosted[4] !== undefined) record.pid = +hosted[4];
    return rest.slice(hosted[0].length);
  }
  // `netifd: ` without a pid, as a template without one writes it: only a known program's name,
  // since the kernel's lines of `dmesg --time-format iso` lead with a device's (`wwan0: `).
  const named = NAMED_LEAD.exec(rest);
  if (named && isProgramName(named[1])) {
    record.tag = named[1];
    return rest.slice(named[0].length);
  }
  // A template's program and level as fields (`gsmd - INFO - `, `gsmd | `, `gsmd INFO `, `<gsmd> `).
  return readFieldLead(record, rest, record.syslogLevel !== undefined);
}

/**
 * A host, then PROGRAM_LEAD (`router gsmd[3553]: `, `router kernel: `) or, after a host name
 * (HOST_NAME), a known program's name without a pid (`router netifd: `, checked by the caller):
 * an application's `modem.py:9 init: ` is a place in its code, not a host and a program.
 */
const HOSTED_PROGRAM_LEAD = new RegExp(String.raw`^([A-Za-z0-9_.:-]{1,64}) +(?:(kernel)|(${PROGRAM_NAME}) ?\[(\d{1,10})\]|(${PROGRAM_NAME})): `);
/** A host's name or IPv4 address as written before a program: letters, digits, dots and hyphens. */
const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;

/**
 * Whether LEVELLED_BRACKETED_LEAD may match: a bracket after at most a level word and spaces, and after a
 * bracketed level word another bracket. Asked first because a message that starts with a
 * bracketed level and no program (`[INFO] request done`) is common, and the expression is not free.
 */
function mayLeadWithBracketedProgram(rest: string): boolean {
  const open = rest.indexOf('[');
  if (open < 0 || open > 40) return false;
  if (open > 0) return true;
  const close = rest.indexOf(']', 1);
  if (close < 0 || close > 65 || !levelFromWord(rest.slice(1, close))) return close > 0;
  let k = close + 1;
  while (rest.charCodeAt(k) === 0x20) k++;
  return rest.charCodeAt(k) === 0x5b;
}

/** A few brackets, braces and commas alone on a line (`],`, `}]`), as a document's structure has them. */
const JSON_PUNCTUATION = /^[ \t]{0,16}[[\]{},]{1,4}[ \t]*$/;

/** A line that is one quoted string, double or single quotes, a comma or semicolon perhaps after it (stripPasteArtefacts). */
const QUOTED_LINE = /^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*[,;]?\s*$/;

/** A level word before a line's clock, bracketed or not (readLevelFirst). */
const LEVEL_FIRST = new RegExp(String.raw`^(?:\[(${LEVEL_WORDS})\]|(${LEVEL_WORDS}):?)[ \t]+(?=[\d\[<A-Za-z])`);

/** An application's level word, then white space: where a syslog line has its host. */
const APPLICATION_LEVEL = new RegExp(String.raw`^(${APPLICATION_LEVEL_WORDS.join('|')}):?[ \t]+(?=\S)`);

/** A name and `: ` at the start of a message, as TAG reads one without a pid. */
const NAMED_LEAD = new RegExp(String.raw`^(${PROGRAM_NAME}): `);

/**
 * A kernel device's name where a program's would stand after a first word: in `usb 1-1: USB
 * disconnect`, `usb usb1: New USB device found` and `option1 ttyUSB0: GSM modem ... disconnected`
 * the kernel names its driver and the device (a USB port path `1-1`, `1-1.4`: bus and ports,
 * knowledge 4.3 [K3b]; a root hub; a hub's port, `usb4-port1`; a tty), not a host and a program. Lines of `dmesg --time-format
 * iso`, or a kern.log without its host column, so kept their device in the message.
 */
export const KERNEL_DEVICE = /^(?:(?:\d+-\d+(?:\.\d+)*|usb\d+)(?:-port\d+)?|tty[A-Za-z]*\d+)$/;

/**
 * The kernel's own line start, a driver and its device (dev_printk's `%s %s: `): `usb 1-1.4: `,
 * `option1 ttyUSB2: `, `qmi_wwan 1-1.4:1.4 wwan0: `, `option 1-1.4:1.0: `, `usb usb1-port2: `.
 */
const KERNEL_LEAD = /^[a-z][\w-]{0,31} (?:\d+-\d+(?:\.\d+)*(?::\d+\.\d+)?|usb\d+)(?:-port\d+)?(?: [\w.-]{1,16})?: |^[a-z][\w-]{0,31} tty[A-Za-z]*\d+: /;

/**
 * Whether a line without a header is a kernel message of its own, not the rest of the record
 * before: it opens as the kernel's lines do (KERNEL_LEAD) and that record already has its message.
 * `journalctl -o cat` and a paste of several programs' output put a bare `usb 1-1.4: USB
 * disconnect` under a NetworkManager line (a blind probe: 35 kernel lines were read as one
 * NetworkManager message). A mail that wrapped a kernel line just before its device, under a
 * header and nothing else, still continues it.
 */
function startsKernelMessage(text: string, open: LogRecord): boolean {
  return KERNEL_LEAD.test(text) && open.message.replace(/^\[\s*\d+\.\d+\]\s*/, '').trim() !== '';
}

/** Whether `facility.level` and then a program's tag stand at the start of `text`. */
function facilityThenTag(text: string): boolean {
  const fp = FACILITY_PRIO.exec(text);
  return fp !== null && programTagAt(text.slice(fp[0].length));
}

/** Whether TAG stands at the start of `text` with a program's name (or none, before a pid). */
function programTagAt(text: string): boolean {
  const tag = TAG.exec(text);
  return tag !== null && !(tag[1] && KERNEL_DEVICE.test(tag[1]));
}

/** How many years either way a Unix time may move yearless dates (a router's clock, an old export). */
const YEAR_WITNESS_REACH = 30;
/** The first year whose dates say which year a log is from (EPOCH_FLOOR's: a clock not yet set writes 1970). */
const DATED_YEAR_FLOOR = 2001;

/** How many years (within YEAR_WITNESS_REACH) move `time` nearest to `to`. */
function yearsNearest(time: number, to: number): number {
  const d = new Date(time);
  const year = d.getUTCFullYear();
  let best = 0;
  let bestGap = Infinity;
  for (let years = -YEAR_WITNESS_REACH; years <= YEAR_WITNESS_REACH; years++) {
    d.setUTCFullYear(year + years);
    const gap = Math.abs(d.getTime() - to);
    if (gap < bestGap) {
      best = years;
      bestGap = gap;
    }
  }
  return best;
}
/** How far a stamp in local time may stand from the Unix time beside it: a zone's offset, with room. */
const YEAR_WITNESS_SLACK_MS = 26 * 3600_000;
/** How many lines' Unix times that give no year are tried before none is sought (a clock the stamps disagree with). */
/** Offsets from UTC come in quarter hours; a stamp and its Unix time written in the same second or two agree within this. */
const ZONE_STEP_MS = 900_000;
const ZONE_WITNESS_SLACK_MS = 120_000;
const YEAR_WITNESS_TRIES = 64;

/** Peels the envelopes of envelopes.ts off the message, outermost first, into `record.envelope`. */
function peelEnvelopes(record: LogRecord, again = false): void {
  const tag = record.tag === undefined ? '-' : record.tag.toLowerCase();
  for (let round = again ? 1 : 0; round < 4; round++) {
    const c = record.message.charCodeAt(0);
    // Every envelope starts with a bracket or a word followed by ` (pid): `; most messages start otherwise.
    // (`word (pid): ` has at most 32 characters before ` (`: searched there, not in the whole message.)
    // Cisco's `%FACILITY-SEVERITY-MNEMONIC: ` starts with `%`, or follows Cisco's own number and stamp.
    if (c !== 0x5b /* [ */ && c !== 0x3c /* < */ && c !== 0x25 /* % */ && !(round === 0 && mayLeadToCiscoMessage(record, c)) && record.message.lastIndexOf(' (', 33) < 0 && !(c === 0x6d /* m */ && record.message.startsWith('message repeated '))) return;
    let peeled = false;
    for (const env of ENVELOPES) {
      if (env.onlyTags && !env.onlyTags.includes(tag)) continue;
      // A kernel stamp or printk level leads the message; after another envelope it is something else.
      if (env.outermost && (round > 0 || record.envelope !== undefined)) continue;
      const m = env.pattern.exec(record.message);
      if (!m || m[0].length === 0) continue;
      applyEnvelope(record, env, m.groups ?? {});
      record.message = record.message.slice(m[0].length);
      if (env.closes !== undefined && record.message.endsWith(env.closes)) record.message = record.message.slice(0, -env.closes.length).trimEnd();
      peeled = true;
      break;
    }
    if (!peeled) return;
  }
}

/**
 * Whether a message opening with `c` may hold Cisco's stamp before its system message: a syslog
 * header took Cisco's sequence number for the tag, or (without the number, in a line without a
 * tag) the stamp's `*`, `.` or month comes first.
 */
function mayLeadToCiscoMessage(record: LogRecord, c: number): boolean {
  if (startsWithDigit(record.tag)) return true;
  return record.tag === undefined && (c === 0x2a /* * */ || c === 0x2e /* . */ || (c >= 0x41 && c <= 0x5a));
}

/** Whether a tag is a number (`123: `, a router's sequence number a syslog header read as the tag). */
function startsWithDigit(tag: string | undefined): boolean {
  const c = tag === undefined ? 0 : tag.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function applyEnvelope(record: LogRecord, env: Envelope, g: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(g)) {
    if (v === undefined) continue;
    (record.envelope ??= {})[k] = v;
  }
  if (env.impliesTag && record.tag === undefined) record.tag = env.impliesTag;
  if (env.namesProgram && (record.tag === undefined || startsWithDigit(record.tag))) {
    const program = g[env.namesProgram];
    if (program !== undefined) record.tag = program;
  }
  if (env.level) {
    const v = g[env.level.group];
    if (v !== undefined) record.level = env.level.kind === 'number' ? levelFromNumber(+v) : levelFromWord(v);
  }
  if (env.clock) {
    const v = g[env.clock.group];
    if (v === undefined) return;
    const n = +v;
    if (env.clock.kind === 'uptime') record.uptime ??= n;
    else if (env.clock.kind === 'elapsed') record.elapsed ??= n;
    // A Unix time past the plausible years (a corrupt stamp) gives the record no clock.
    else if (n >= EPOCH_FLOOR) {
      if (isPlausibleWallTime(n * 1000)) record.time ??= Math.round(n * 1000);
    }
    else record.elapsed ??= n;
  }
}

/** Envelope fields that a catalogue entry may use (the interface, the modem object). */
export function meaningfulEnvelopeFields(envelope: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!envelope) return undefined;
  let out: Record<string, string> | undefined;
  for (const k in envelope) if (!CLOCK_AND_LEVEL_FIELDS.has(k)) (out ??= {})[k] = envelope[k];
  return out;
}

/** `MM-DD?hh:mm:ss?mmm` (quectel-cm's `04-17_17:20:24:577`, logcat's `12-02 19:54:59.123`): month, day, time and milliseconds, no year. */
function monthDayStamp(stamp: string): StampParts | undefined {
  // logcat's `-v year` writes the year before it (`2024-12-02 19:54:59.123`).
  const year = stamp.charCodeAt(4) === 0x2d /* - */ ? +stamp.slice(0, 4) : undefined;
  const s = year === undefined ? stamp : stamp.slice(5);
  const month = +s.slice(0, 2) - 1, day = +s.slice(3, 5), hour = +s.slice(6, 8), minute = +s.slice(9, 11), second = +s.slice(12, 14);
  if (!isRealDate(month, day, year) || !isRealClock(hour, minute, second)) return undefined;
  return year === undefined ? { month, day, hour, minute, second, ms: +s.slice(15, 18) } : { year, month, day, hour, minute, second, ms: +s.slice(15, 18) };
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
  // Fixture 036: devices that keep only the severity send facility 0 (kern) for pppd/chat;
  // calling those kernel lines would be wrong, so facility 0 is believed only for kernel tags.
  const facility = pri >> 3;
  if (facility !== 0 || record.tag === 'kernel') record.facility = FACILITY_NAMES[facility];
}


/**
 * Undoes what forums and mail do to pasted logs (fixtures 016, 022, 038): `> ` quoting, a line
 * wrapped in backticks or markdown italics, trailing carriage returns, and no-break and other
 * Unicode spaces (input/unicodeSpaces.ts; the line splitter gives its lines so already, this is
 * for a line parsed on its own).
 */
/** A server-sent event's data field holding a JSON object (`data: {...}`). */
const SSE_DATA = /^data: ?\{/;

export function stripPasteArtefacts(text: string): string {
  let s = hasUnicodeSpace(text) ? asciiSpaces(text) : text;
  if (s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (s.indexOf('\0') >= 0) s = s.replace(/\0/g, '');
  // ANSI colours of consoles (ESP-IDF, systemd) are paint, not text, and so is the erase to the
  // line's end that grep --color writes after each colour (`\e[01;31m\e[K`, its default GREP_COLORS);
  // other escapes are kept (and shown escaped by every report).
  if (s.indexOf('\u001b') >= 0) s = s.replace(/\u001b\[[0-9;]{0,20}[mK]/g, '');
  // journalctl -o json-seq (RFC 7464) writes a record separator before each object, -o json-sse
  // (a server-sent event stream) `data: ` before it: neither is part of the record.
  if (s.charCodeAt(0) === 0x1e) s = s.slice(1);
  else if (s.charCodeAt(0) === 0x64 /* d */ && SSE_DATA.test(s)) s = s.slice(s.indexOf('{'));
  // A line that is one quoted string (a JSON array of a log's lines printed one a line, an API's
  // answer, a program's list): its text, escapes undone, is the line.
  const first = s.charCodeAt(firstNonSpace(s));
  if (first === 0x22 /* " */ || first === 0x27 /* ' */) {
    const m = QUOTED_LINE.exec(s);
    const inner = m ? unescapeString(m[1] ?? m[2]) : undefined;
    if (inner !== undefined && !/[\r\n]/.test(inner)) s = inner;
  }
  const c = s.charCodeAt(0);
  let ticked = false;
  if (c === 0x3e /* > */) s = s.replace(/^(?:> ?)+/, '');
  else if (c === 0x60 /* ` */) {
    // A Markdown code fence, perhaps naming its language (```` ```log ````), holds no text of the log.
    if (CODE_FENCE.test(s)) return '';
    // Not the opening one of a pair the text holds (`` `/sys/bus/usb/devices/1-1:1.3` dir! ``, a
    // wrap's next line after gsmd's `modem in `).
    if (s.charCodeAt(s.length - 1) === 0x60 || oddTicks(s)) {
      s = s.replace(/^`+/, '');
      ticked = true;
    }
  } else if (c === 0x5f /* _ */ && s.charCodeAt(1) === 0x5b) s = s.slice(1);
  // Backticks that wrap a line, or that close no pair in it (a code fence's, a Markdown span a
  // wrap cut) are the paste's; the closing one of a pair the text holds is its own (gsmd's
  // `` `1-1 [2c7c:6005]` ``, at the line's end where a wrap cut after it), and so is the last
  // character of a line as wide as a terminal, which ends where the terminal cut it (`` for ` `` |
  // `` 1-1 [2c7c:6005]` modem! ``).
  if (s.charCodeAt(s.length - 1) === 0x60 && (ticked || (oddTicks(s) && !TERMINAL_WIDTHS.has(drawnWidth(text))))) s = s.replace(/`+$/, '');
  return s;
}

const CODE_FENCE = /^`{3,}[\w+.-]{0,32}\s*$/;

function oddTicks(s: string): boolean {
  let n = 0;
  for (let i = s.indexOf('`'); i >= 0; i = s.indexOf('`', i + 1)) n++;
  return n % 2 === 1;
}

export function isBlank(s: string): boolean {
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
function hasClock(r: LogRecord): boolean {
  return r.time !== undefined || r.uptime !== undefined || r.elapsed !== undefined;
}

function endsWithBackslash(message: string | undefined): boolean {
  return message !== undefined && /\s\\\s*$/.test(message);
}

/** Drops the continuation mark and joins with one space, as the writer meant. */
function joinBackslash(message: string | undefined, next: string): string {
  const head = (message ?? '').replace(/\s*\\\s*$/, '');
  return head ? `${head} ${next}` : next;
}

/** Lines in a row that no format read, after which the next is screened before the formats are tried (parseStructured). */
const UNREAD_RUN = 8;

/** Per list of formats, the screen that asks all their patterns in one call. */
const SCREENS = new WeakMap<readonly LogFormat[], PatternScreen>();
function screenOf(formats: readonly LogFormat[]): PatternScreen {
  let screen = SCREENS.get(formats);
  if (!screen) SCREENS.set(formats, (screen = new PatternScreen(formats.map((f) => f.pattern))));
  return screen;
}

/** Whether any nested format but `stripped` might match: one call, where most messages are none (formats/patternScreen.ts). */
const NESTED_SCREEN = new PatternScreen(NESTED_FORMATS.filter((f) => f !== STRIPPED).map((f) => f.pattern));

/**
 * Whether a text's first column, before a comma or a semicolon, may be a stamp that parseStructured
 * reads as a CSV row's (`Sat Aug 20 22:23;39 ...`), its clock column rejoined with a tab.
 */
function mayBeCsvRow(text: string): boolean {
  for (const [clock, separator] of CSV_CLOCKS) {
    // The column is 6 to 48 characters, quoted or not: its separator stands at 6 to 50 (a native
    // search first, as most messages have none there and the pattern would scan 48 characters).
    const at = text.indexOf(separator === 'comma' ? ',' : ';');
    if (at < 6 || at > 50) continue;
    const csv = clock.exec(text);
    if (!csv) continue;
    const rejoined = `${csv[1] ?? csv[2]}\t${text.slice(csv[0].length)}`;
    if (NESTED_SCREEN.test(rejoined)) for (const f of NESTED_FORMATS) if (f.body !== 'json' && f.clock !== 'none' && mayTake(f, rejoined)) return true;
  }
  return false;
}

/**
 * Whether readJson might read a JSON line's message as a log line of its own; false when it surely
 * keeps the message as it is (the fast lane's JSON reader takes only such lines). A registry
 * pattern other than `stripped`, the `dmesg -x` lead or a pasted line number, bullet or indentation at its start may make
 * it one. A clockless `word: ` (`stripped`) is taken only when it names the JSON's program, or the
 * JSON names none, or an envelope after it may bring a clock (`<`, `[`), or `facility.level` leads.
 */
export function mayReadNested(message: string, jsonTag: string | undefined): boolean {
  if (NESTED_SCREEN.test(message)) for (const f of NESTED_FORMATS) if (f !== STRIPPED && mayTake(f, message)) return true;
  if (mayBeCsvRow(message)) return true;
  if (DMESG_DECODED_LEAD.test(message) || PASTED_LEAD.test(message)) return true;
  if (!STRIPPED.pattern.test(message)) return false;
  if (jsonTag === undefined || FACILITY_PRIO.test(message)) return true;
  const tag = TAG.exec(message);
  // An empty tag (`[2656]: `) leaves the inner line without one, so it is taken too.
  if (!tag || tag[1] === '' || tag[1] === jsonTag) return true;
  const after = message.charCodeAt(tag[0].length);
  return after === 0x3c /* < */ || after === 0x5b /* [ */;
}

/**
 * The parts of a format's stamp as the format needs them (with a date, with a year), or undefined:
 * then tryFormat refuses the line.
 */
function stampParts(format: LogFormat, stamp: string, orders: DateOrders = {}): StampParts | undefined {
  const parts = format.monthDayStamp ? monthDayStamp(stamp) : readStamp(stamp, format.stampShapes, orders);
  if (!parts) return undefined;
  if (format.stampNeedsDate && parts.month === undefined) return undefined;
  if (format.stampNeedsYear && parts.year === undefined) return undefined;
  return parts;
}

const DAY_MS = 86400_000;

/**
 * The time of a line inside another (a capture's, a syslog server's row) where the outer clock
 * knows more: a time of day alone takes the outer time; a date whose year is not the outer one's
 * but is the outer date, give or take two days, in the outer year or the one next to it (a yearless
 * `Dec  2`, given the file's year) takes that year. Other times are the line's own.
 */
function outerClockFills(inner: number, outer: number | undefined): number {
  if (outer === undefined || isTimeOnly(outer)) return inner;
  if (isTimeOnly(inner)) return outer;
  const innerYear = new Date(inner).getUTCFullYear();
  const outerYear = new Date(outer).getUTCFullYear();
  if (innerYear === outerYear) return inner;
  for (const year of [outerYear, outerYear - 1, outerYear + 1]) {
    const d = new Date(inner);
    d.setUTCFullYear(year);
    const t = d.getTime();
    if (Math.abs(t - outer) <= 2 * DAY_MS) return t;
  }
  return inner;
}

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
};

/**
 * Whether `s[i, end)` may start with a stamp that has a wall clock (a date or a time of day): two
 * digits (`2024-`, `19:54`, `02.12.`, a Unix time), `<` and a digit (RFC 5424's priority), `[` and
 * a digit or a letter (`[2024-`, `[7 de maig 2026, `, `[Mon Dec`) but not a printk uptime (`[   12.3]`, `[123.4]`),
 * or a capitalised three-letter word, perhaps a second name, and a number (`Mon Dec  2`, `Dec  2`,
 * `Mon 2024-12-02`), or a short word of any locale, a day and a time (`lip  4 21:36:24`, `déc. 02 19:54`). A cheap test before
 * startsTimedRecord, for lines a fast reader read without a program (capturedLine).
 */
/**
 * Where the line after Loki's label set starts (`logcli query` writes the time, the stream's labels
 * and the line: `2024-12-02T19:54:59Z {host="router", job="syslog"} Mon Dec  2 ...`), or `i`
 * when `s` has no label set at `i`.
 */
export function labelSetEnd(s: string, i: number, end: number): number {
  if (s.charCodeAt(i) !== 0x7b /* { */) return i;
  LABEL_SET.lastIndex = i;
  const m = LABEL_SET.exec(s);
  return m && LABEL_SET.lastIndex <= end ? LABEL_SET.lastIndex : i;
}

/** One to 32 `name="value"` labels (Prometheus's names; Go's quoted values), `, ` between them, then spaces. */
const LABEL_SET = /\{[A-Za-z_][\w.]{0,63}="(?:[^"\\\n]|\\.){0,256}"(?:, ?[A-Za-z_][\w.]{0,63}="(?:[^"\\\n]|\\.){0,256}"){0,31}\} +/y;

export function mayStartWallClock(s: string, i: number, end: number): boolean {
  if (end - i < 8) return false;
  const c = s.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return isDigitAt(s, i + 1);
  if (c === 0x3c /* < */) {
    // A syslog priority before a stamp (`<30>1 2024-...`, `<30>Dec  2 ...`), not a printk level
    // before a kernel message (`<1>Unable to handle ...`).
    let k = i + 1;
    while (k - i <= 3 && isDigitAt(s, k)) k++;
    if (k === i + 1 || s.charCodeAt(k) !== 0x3e /* > */) return false;
    return isDigitAt(s, k + 1) || mayStartWallClock(s, k + 1, end);
  }
  if (c === 0x5b /* [ */) {
    const d = s.charCodeAt(i + 1);
    // `[Mon Dec`, `[wto lip`: a weekday's or month's name; not `[modem0]`, `[CMM]`, `[at_query:412]`.
    if (!isDigitAt(s, i + 1)) return nameEnd(s, i + 1) > 0;
    // Not a printk uptime, `[123.456789]`.
    let k = i + 2;
    while (k < end && isDigitAt(s, k)) k++;
    if (s.charCodeAt(k) !== 0x2e /* . */) return true;
    k++;
    while (k < end && isDigitAt(s, k)) k++;
    return s.charCodeAt(k) !== 0x5d /* ] */;
  }
  // A weekday's or month's name: `Mon Dec`, `Dec  2`, and in a locale `lip  4`, `déc. 02`.
  const k = nameEnd(s, i);
  if (k < 0) return false;
  if (k - i === 4 && c >= 0x41 && c <= 0x5a) {
    // `Mon Dec  2`, `Dec  2`, `Mon 2024-12-02`: a second name perhaps, then a number (not `SIM state`, `SoC Type`).
    const second = nameEnd(s, k);
    let d = second > 0 ? second : k;
    while (s.charCodeAt(d) === 0x20) d++;
    return isDigitAt(s, d);
  }
  // A day and then a time (`lip  4 21:36:24`): not a device's name and number (`usb 1-1: `, `eth 0 up`).
  let d = s.charCodeAt(k) === 0x20 ? k + 1 : k;
  if (!isDigitAt(s, d)) return false;
  d += isDigitAt(s, d + 1) ? 2 : 1;
  return s.charCodeAt(d) === 0x20 && isDigitAt(s, d + 1) && isDigitAt(s, d + 2);
}

/** After a short name at `i` (2-5 letters, perhaps a dot) and its space, or -1. */
function nameEnd(s: string, i: number): number {
  let k = i;
  while (k - i < 6 && isLetter(s.charCodeAt(k))) k++;
  if (k - i < 2 || k - i > 5) return -1;
  if (s.charCodeAt(k) === 0x2e /* . */) k++;
  return s.charCodeAt(k) === 0x20 ? k + 1 : -1;
}

/** A letter of a month's or weekday's name in some locale: ASCII's, or any from Latin-1 on. */
function isLetter(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
}

/** The formats whose lines carry a clock: what a line must start with to be a record of its own (joinedRecords.ts). */
const TIMED_FORMATS = NESTED_FORMATS.filter((f) => f.clock !== 'none');
const TIMED_SCREEN = new PatternScreen(TIMED_FORMATS.map((f) => f.pattern));

/**
 * Whether the text starts a timed record with a header beyond its clock: a program, a host, a
 * facility, a level or the kernel's uptime, as a line of a log has and a date quoted in prose
 * (`image built Mon Nov 25 09:42:11 2024 by ...`) has not. Parses the text: for the parts of a line
 * being taken apart, not for every line.
 */
export function startsHeaderedRecord(text: string): boolean {
  if (!startsTimedRecord(text)) return false;
  const r = new LineParser().parse(text, 1);
  return typeof r !== 'string' && (r.tag !== undefined || r.host !== undefined || r.facility !== undefined || r.pid !== undefined || r.syslogLevel !== undefined || r.uptime !== undefined);
}

/** Fills what a record lacks from fields read by role: a JSON line's, logfmt's pairs, Loki's labels. */
function fillFields(record: LogRecord, j: JsonLine): void {
  if (record.tag === undefined && j.tag !== undefined) record.tag = j.tag;
  if (record.pid === undefined && j.pid !== undefined) record.pid = j.pid;
  if (record.host === undefined && j.host !== undefined) record.host = j.host;
  if (record.facility === undefined && j.facility !== undefined) record.facility = j.facility;
  if (record.syslogLevel === undefined && j.level !== undefined) record.syslogLevel = j.level;
}

/**
 * A record read again becomes the new reading in place (the collector holds the object): its
 * first line and section stay, its last line is `endLine`.
 */
function becomes(record: LogRecord, reading: LogRecord, endLine: number): void {
  const { line, section } = record;
  for (const k of Object.keys(record) as (keyof LogRecord)[]) delete record[k];
  Object.assign(record, reading, { line, endLine });
  if (section !== undefined) record.section = section;
}

/**
 * A record whose message is Loki's labels before a line without a clock of its own (a journal's
 * message, as promtail ships it: `{host="router", unit="ModemManager.service"} <warn> [modem0]
 * ...`): the labels name its host, program and level by the keys a JSON line's do (JSON_FIELDS:
 * `unit`, `app`, `host`, `level`; not `job`, which names the scrape), and the line may name its
 * program itself (`ModemManager[33505]: `), which it is then. Undefined without labels.
 */
function labelledLine(record: LogRecord, line: string): LogRecord | undefined {
  const labels = labelsOf(record.message);
  if (!labels) return undefined;
  const j = readFieldsByRole({ ...labels, MESSAGE: line });
  if (!j) return undefined;
  const labelled: LogRecord = { ...record, message: line };
  labelled.message = readBody(labelled, line, undefined);
  // A label that names the program outweighs a word and a colon at the line's start, which is
  // the program's own text as often as a tag (pppd's `Connect: ppp0 <--> /dev/ttyUSB2` under
  // `{app="pppd"}`); a tag with its pid, or the label's own program, is the line's.
  if (j.tag !== undefined && labelled.tag !== undefined && labelled.pid === undefined && labelled.tag !== j.tag) {
    labelled.tag = undefined;
    labelled.message = line;
  }
  fillFields(labelled, j);
  labelled.level = undefined;
  peelEnvelopes(labelled);
  // As tryFormat settles it: an envelope's level (ModemManager's `<warn>`) first, then one in the text.
  labelled.level ??= embeddedLevel(labelled.message) ?? labelled.syslogLevel;
  return labelled;
}
/**
 * A device's whole line after Loki's labels (a syslog server's lines scraped by promtail): the
 * stream's host is the line's where the line names none, as a syslog server's file of several
 * routers needs (events/hostSequence.ts). The line's own program, pid and level stay its own.
 */
function labelHostOnto(outer: string, inner: LogRecord): LogRecord {
  if (inner.host !== undefined) return inner;
  const labels = labelsOf(outer);
  const host = labels && readFieldsByRole({ ...labels, MESSAGE: '-' })?.host;
  if (host !== undefined) inner.host = host;
  return inner;
}

/** Loki's labels at the start of a message (`{host="router", unit="..."} ...`), by name; undefined without any. */
function labelsOf(message: string): Record<string, string> | undefined {
  const start = labelSetEnd(message, 0, message.length);
  if (start === 0) return undefined;
  const labels: Record<string, string> = {};
  for (const m of message.slice(0, start).matchAll(LABEL)) labels[m[1]] = unescapeString(m[2]);
  return labels;
}

/** One of Loki's labels: its name, and its value as Go quotes it. */
const LABEL = /([A-Za-z_][\w.]{0,63})="((?:[^"\\\n]|\\.){0,256})"/g;

/** The text after a capture's header (a stamp alone, and any labels: Loki's) that LineParser.capturedLine reads as a line of its own; undefined for a record with more in its header. */
function capturedText(record: LogRecord): string | undefined {
  // The capture's header is a stamp alone: a syslog line without a program (`daemon.info [2656]: `) is no capture.
  if (record.tag !== undefined || record.host !== undefined || record.pid !== undefined || record.facility !== undefined || record.time === undefined) return undefined;
  const message = record.message;
  const start = labelSetEnd(message, 0, message.length);
  return start > 0 ? message.slice(start) : message;
}

/** Whether a record is a capture's stamp before a whole line with a wall clock, as LineParser.capturedLine reads it (without reading it). */
function holdsCapturedLine(record: LogRecord): boolean {
  const text = capturedText(record);
  return text !== undefined && mayStartWallClock(text, 0, text.length) && startsTimedRecord(text);
}

/** Whether the text starts a record with a clock of a registry format, as the parser would take it on its own. */
export function startsTimedRecord(text: string): boolean {
  if (!TIMED_SCREEN.test(text)) return false;
  for (const f of TIMED_FORMATS) if (mayTake(f, text)) return true;
  return false;
}

/** Whether tryFormat might take the text: its pattern matches and any stamp it captures is one (stampParts). */
function mayTake(f: LogFormat, text: string): boolean {
  const m = f.pattern.exec(text);
  if (!m) return false;
  const stamp = m.groups?.stamp;
  return stamp === undefined || stampParts(f, stamp) !== undefined;
}

/**
 * Whether a record's header ended its line and left no message (`... gsmd[3553]:`, `... [2234]: <dbg>`,
 * `... 2024 user.info`),
 * as a wrap after it leaves it: syslog writes a space after the colon, even before an empty message,
 * and a wrap takes the space.
 */
export function awaitsMessage(record: LogRecord, text: string): boolean {
  // A JSON line's or a table row's empty message is their own.
  if (record.message !== '' || record.format === 'json-lines' || record.format === 'table') return false;
  // The line ends with the header's last mark (the program's colon, an envelope's `>` or `]`, the
  // `facility.level` a wrap cut the program off after), not a space, a row's quote or a brace.
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x20 || last === 0x09 || last === 0x22 /* " */ || last === 0x7d /* } */) return false;
  return record.tag !== undefined || record.pid !== undefined || record.envelope !== undefined || record.facility !== undefined;
}

/**
 * Whether a record's message is the start of a device's stamp and nothing more, after a capture's
 * stamp (`... {job="syslog"} Mon Dec  2 19:54:59`) or a syslog server's columns (`...\t192.168.1.1\tSep 12 11:43:05`):
 * a wrap cut the device's line there. Asked only of such records (a program's own message may
 * quote a date: `netifd: wwan (1628): [01 Feb 2020, 08:07:48] [Debug] ...`).
 */
function cutStamp(record: LogRecord, captured: string | undefined): boolean {
  if (record.time === undefined) return false;
  const text = captured ?? record.message;
  return text.length > 0 && text.length <= CUT_STAMP_CHARS && mayStartWallClock(text, 0, text.length);
}


/**
 * Whether the line at `start` goes on with a record whose header ended its line (awaitsMessage): a
 * line indented under it (a mail's wrap), or any after a line a terminal cut at its width.
 */
export function continuesAwaiting(text: string, start: number, lastWidth: number): boolean {
  const c = text.charCodeAt(start);
  return c === 0x20 || c === 0x09 || TERMINAL_WIDTHS.has(lastWidth);
}

/** Whether a record is a stamp and nothing else: no header field, no message but perhaps the year a format left to it. */
function isStampAlone(r: LogRecord): boolean {
  if (r.tag !== undefined || r.host !== undefined || r.pid !== undefined || r.facility !== undefined || r.uptime !== undefined || r.syslogLevel !== undefined) return false;
  return r.message === '' || /^\d{4}$/.test(r.message);
}

function endsWithSpace(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 0x20 || c === 0x09;
}

function isContinuation(text: string): boolean {
  // A `dmesg -x` lead starts a kernel record even without a stamp (`-t`).
  return !NEW_START.test(text) && !DMESG_DECODED_LEAD.test(text);
}

/** A mail's header saying its body is quoted-printable, perhaps quoted (`> `). */
/** RFC 5322's header fields a pasted mail shows (and Outlook's `Sent:`), at the margin, with a value. */
const MAIL_HEADER = /^(?:From|To|Cc|Bcc|Date|Sent|Reply-To|Message-ID|In-Reply-To|References|MIME-Version|Content-Type|Content-Transfer-Encoding|Importance):[ \t]+\S/;
const QP_HEADER = /^Content-Transfer-Encoding:\s*quoted-printable\s*$/i;

/**
 * `=XX` of a quoted-printable body as the ASCII character it stands for (RFC 2045 6.7); a soft
 * break's `=` at the line's end stays, for continueRecord. Bytes past ASCII stay as written.
 */
function decodeQuotedPrintable(text: string): string {
  return text.indexOf('=') < 0 ? text : text.replace(/=([2-7][0-9A-F])/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
