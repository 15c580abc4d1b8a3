import { CATALOGUE, catalogueEntry, meetsFindingIf, type CatalogueEntry } from '../catalogue/index';
import type { FileSummary, Finding, FormatId, InputNotice, LogEvent, LogRecord, SkipReason } from '../model';
import { FAST_READERS, knownBody, mayBeErrorLevel, newFastRead, NO_ZONE, opensWithErrorLevel, opensWithUnixStamp, TIME_OF_DAY, UNIX_TIME, type FastRead, type FastReader } from '../records/fastReaders';
import { isTimeOnly, wallTime } from '../records/timeWords';
import { isPlausibleWallTime, YEAR_2000 } from '../formats/timestampGrammar';
import { FORMATS } from '../formats/registry';
import { CUT_STAMP_CHARS, TERMINAL_WIDTHS } from '../records/wrapWidths';
import { continuesAwaiting, isBlank, LineParser, meaningfulEnvelopeFields, startsHeaderedRecord, startsTimedRecord, type KnownShape } from '../records/lineParser';
import { JoinMarks, joinsOf, mayBeJsonDocument, mayBeSpaceJoined, mayHoldJoins, MIN_SPACE_JOINED, recordsOfDocument, unjoinRecords, type Join } from '../formats/joinedRecords';
import { openJsonDocument, type JsonDocumentLines } from '../records/jsonDocument';
import { QuotedLine } from '../records/quotedLine';
import { openFieldBlock, type FieldBlock } from '../records/fieldBlock';
import { EventMatcher } from './eventMatcher';
import { usbDriver } from '../catalogue/tables/usbDrivers';
import { ownString } from '../input/ownString';
import { count } from '../countText';
import type { ReadOrder } from '../oldestFirst';
import { ordersCalledFor, undecidedOrders, type DateOrders } from '../formats/dateOrder';
import { ListingParts, type ListingOrder } from './listingParts';
import { HostFilter, hostsNotice, HostSequence, LINE_HOSTS_MAX, type HostsSeen } from './hostSequence';

/** The ways a paste joins records into one line, each told by whether its parts start records the registry reads. */
const JOINS = joinsOf(startsTimedRecord, startsHeaderedRecord);

const SHARED_MATCHER = new EventMatcher(CATALOGUE);
/** Formats whose body the parser reads as syslog (registry `body: 'syslog'`), where it learns host columns. */
const SYSLOG_BODY_FORMATS = new Set(FORMATS.filter((f) => f.body === 'syslog').map((f) => f.id));

/** A daemon whose silence matters: when it last spoke, and how often. */
export interface DaemonActivity {
  firstLine: number;
  lastLine: number;
  lastTime?: number;
  lines: number;
}

export interface ClockJump {
  line: number;
  segment: number;
  from: number;
  to: number;
}

export interface SegmentStart {
  segment: number;
  line: number;
  time?: number;
  /** The wall time of the last timed line before it: how long the system before this boot went on (stories/entries/modemDrop.ts). */
  before?: number;
  reason: 'uptime-reset';
}

/** Everything the detectors need from one file, without a record per line. */
export interface FileEvents {
  file: number;
  summary: FileSummary;
  events: LogEvent[];
  notices: InputNotice[];
  clockJumps: ClockJump[];
  segmentStarts: SegmentStart[];
  /** Keyed by lowercased tag: gsmd, mobifd, modemmanager. */
  daemons: Record<string, DaemonActivity>;
  /** Troubleshoot sections (`[Dmesg]`, `[Logread]`...) and the line of their header. */
  sections: { name: string; line: number }[];
  /** Wall-minus-uptime offset in seconds per boot segment, where both clocks were seen. */
  segmentOffsets: Map<number, number>;
  /** Last wall time in the file (ms) and the line it is on. */
  endTime?: number;
  /**
   * The last kernel uptime in the file and its boot segment, for a log without wall times (dmesg):
   * how long it goes on after a line, where its last catalogued line says less.
   */
  endUptime?: { uptime: number; segment: number };
  endLine: number;
  /** Findings of the person's own rules (set by FileAnalysis). */
  custom?: Finding[];
  /** Lines marked as left out of a paste (`...`, `... (repeats multiple times)`). */
  elisions: number[];
  /**
   * The file was listed newest first and read in reverse (oldest first): every line number above
   * is of that reading, and this maps them to the file's (`toFileLines`, oldestFirst.ts).
   */
  readOrder?: ReadOrder;
  /**
   * The file's numeric dates say they are in another order than they were read in
   * (formats/dateOrder.ts): that order per separator, and why, for the notice. The file is then
   * read again so.
   */
  dateOrders?: { orders: DateOrders; why: string[] };
  /**
   * Some records were read from inside lines (joinedRecords.ts) or from a JSON document written
   * over lines (jsonDocument.ts): its lines are no records, and listed newest first it cannot be
   * read in reverse a line at a time.
   */
  recordsInLines?: boolean;
  /** The file lists several logs out of time order (listingParts.ts): the order they happened in. */
  listingOrder?: ListingOrder;
  /** The hosts its catalogued lines name, and whether their lines take turns (hostSequence.ts). */
  hosts?: HostsSeen;
  /** The one host that wrote the file's catalogued lines, where its lines name others too (a syslog server's file). */
  modemHost?: string;
  /** This reading kept one host's lines (CollectOptions.host). */
  host?: string;
  /** The file was read once per host (core/hostReadings.ts): each reading, one host's lines. */
  byHost?: FileEvents[];
}

/** How many events a file keeps before it samples repeats, and the most it keeps (about 1 KB each). */
export const EVENT_BUDGET = { sampleFrom: 20_000, sampleEvery: 100, cap: 50_000, rareUnder: 100 };

/** Events waiting for a field a later line may name (CatalogueEntry.heldBefore): a link's lines, not a flood's. */
const UNRECALLED_KEPT = 64;
/** The fields some entry says held before the line that names them. */
const HELD_BEFORE = new Set(CATALOGUE.flatMap((e) => e.heldBefore ?? []));

/** The most network interfaces of modems a file links DHCP lines to (a device flapping makes one or two names). */
const MODEM_NETDEVS = 64;

/** A clock step larger than this (a century) is no step a time daemon made. */
const MAX_CLOCK_STEP_S = 100 * 365 * 86400;
/** Elision lines remembered per file: enough for any paste, bounded for any input. */
const MAX_ELISIONS = 1000;

/**
 * A log read newest first: most steps between its timed lines go back (`ratio` times the steps
 * forward, at least `minSteps`). A log in order goes back only at a clock jump (NTP, a reboot to
 * 1970), a few times; an export sorted newest first on nearly every line.
 */
export const NEWEST_FIRST = { minSteps: 3, ratio: 4 };

/** A fast-lane line's message this short may be an envelope alone (LineParser.awaitsMessage): an indented next line is then the parser's. */
const AWAITING_MESSAGE_CHARS = 40;

/**
 * What a file keeps besides events, at most: boot starts (and their clock offsets), clock jumps
 * and troubleshoot sections. A real log has a handful of each; past these only counts grow (a log
 * whose uptime restarts every other line, or whose clock swings on every line, is hostile input),
 * and the report says what was left out.
 */
export const STATE_BUDGET = { boots: 1000, clockJumps: 1000, sections: 1000 };

// Daemons whose last word the detectors compare with the end of the log.
// ModemManager as the modem-manager snap runs it (Ubuntu Core: journald's identifier
// `modem-manager.modemmanager`, its unit `snap.modem-manager.modemmanager.service`, X179) is
// ModemManager too, and says which commands its host has (SNAP_TAGS, stories/hosts.ts).
/** Carriage returns in caret notation at a message's end, and the space before them. */
const CARET_CR_AT_END = /\s*(?:\^M)+$/;
const SNAP_TAGS: ReadonlySet<string> = new Set(['modem-manager.modemmanager', 'snap.modem-manager.modemmanager']);
const WATCHED_DAEMONS = new Map([['gsmd', 'gsmd'], ['mobifd', 'mobifd'], ['ModemManager', 'modemmanager'], ['modemmanager', 'modemmanager'], ...[...SNAP_TAGS].map((t) => [t, 'modemmanager'] as const)]);
// A troubleshoot file's `[DMESG]`, or the output of a `dmesg` command a paste typed at its prompt (`dmesg | tail -30`).
const DMESG_SECTION = /^dmesg(?:\s|$)/i;
/** Wall clock stepping back further than this is a clock jump, not jitter between sources. */
const BACKWARD_JUMP_MS = 60_000;
/** How far summer time sets a clock back when it ends. */
const SUMMER_TIME_MS = 3_600_000;
/** Wall clock running ahead of kernel uptime by more than this is a clock being set. */
const FORWARD_JUMP_S = 300;

export interface CollectOptions {
  referenceTime?: number;
  matcher?: EventMatcher;
  /** Read the commonest line shapes with the fast lane (default); off gives the reference behaviour. */
  fastLane?: boolean;
  /** How numeric dates that could be either are read, where the file's dates say (formats/dateOrder.ts). */
  dateOrders?: DateOrders;
  /** Keep only this host's lines (a syslog server's file of several devices: hostSequence.ts); `first`: the lines before any host's too. */
  host?: { name: string; first: boolean };
  /**
   * This reading's share of the file's event budget (EVENT_BUDGET): a file read once per host keeps
   * at most one file's events in all its readings.
   */
  eventShare?: number;
}

/** How many kinds of left-out lines a file's notice names (a rate limit, a syslog daemon's folding). */
const LEFT_OUT_KINDS = 8;

/**
 * The second stage: numbered lines in, catalogued events out. Keeps counters per file, not per
 * line, so memory follows the number of events rather than the size of the log.
 */
export class EventCollector {
  private readonly parser: LineParser;
  private readonly matcher: EventMatcher;
  private readonly events: LogEvent[] = [];
  private readonly formats: Partial<Record<FormatId, number>> = {};
  private readonly skipped: Partial<Record<SkipReason, number>> = {};
  /** Lines a person marked as left out of a paste (`...`), first ones first, bounded. */
  private elisions: number[] = [];
  private readonly daemons: Record<string, DaemonActivity> = {};
  /** Whether ModemManager's lines came from the modem-manager snap (FileSummary.snapModemManager). */
  private snapModemManager = false;
  private readonly clockJumps: ClockJump[] = [];
  private readonly segmentStarts: SegmentStart[] = [];
  private readonly sections: { name: string; line: number }[] = [];
  /** Wall-minus-uptime offset (s) per boot segment, from lines that carry both clocks. */
  private readonly offsets = new Map<number, number>();
  private readonly kernelSeen = new Map<string, number>();
  private segment = 0;
  /** All clock jumps and section headers, kept or not (see STATE_BUDGET). */
  private clockJumpCount = 0;
  private sectionCount = 0;
  /** Sections that had a header line of their own (grep's file names have none). */
  private headerLines = 0;
  /** The wall-clock span of each section: whether they were listed out of time order. */
  private parts = new ListingParts(STATE_BUDGET.sections);
  /** The boot whose clock offset was set last: past the budget, the only one kept. */
  private lastOffsetSegment = 0;
  private section: string | undefined;
  private lastUptime: number | undefined;
  private lastTime: number | undefined;
  /** Steps between consecutive timed lines that go back and forward in time: a log listed newest first goes back. */
  private stepsBack = 0;
  private stepsForward = 0;
  /** The same on the kernel's uptime, of lines that have only that clock (dmesg). */
  private uptimeStepsBack = 0;
  private uptimeStepsForward = 0;
  /** The earliest wall time: where a log listed newest first begins. */
  private minTime: number | undefined;
  /** The earliest and latest times of the lines before the first dated line that came after yearless ones (trackWallTime). */
  private timesBeforeDated: { line: number; min: number | undefined; max: number | undefined } | undefined;
  private lastPair: { time: number; uptime: number } | undefined;
  /**
   * The longest forward step of the wall clock between two lines since the last line with both
   * clocks (ms; the line it is at, the time before it): where a jump the two clocks show happened,
   * with the times the log shows on either side (a blind probe's ntpd step from 1970 had been
   * placed at the next kernel line, from a time no line has).
   */
  private longestStep = 0;
  private longestStepLine = 0;
  private longestStepFrom = 0;
  private firstTime: number | undefined;
  private maxTime: number | undefined;
  private endTime: number | undefined;
  private lastLine = 0;
  private parsedLines = 0;
  /** Lines of no known format that still carry a catalogued event (a bare `usb 1-1: ...`). */
  private textEvents = 0;
  /** First line of no known format that carried no event either. */
  private firstUnread: number | undefined;
  private year1970Line: number | undefined;

  constructor(private readonly file: number, private readonly path: string, options: CollectOptions = {}) {
    const ref = options.referenceTime ?? Date.now();
    this.referenceTime = ref;
    this.dateOrders = options.dateOrders ?? {};
    this.parser = new LineParser({ referenceYear: new Date(ref).getUTCFullYear(), dateOrders: this.dateOrders });
    this.matcher = options.matcher ?? SHARED_MATCHER;
    this.fastLaneOn = options.fastLane ?? true;
    if (options.host) this.hostFilter = new HostFilter(options.host.name, options.host.first);
    // A host's own reading notes no line's host: only the file's first reading feeds the readings.
    this.hosts = new HostSequence(options.host ? 0 : LINE_HOSTS_MAX);
    const share = options.eventShare ?? 1;
    this.budget = { sampleFrom: Math.ceil(EVENT_BUDGET.sampleFrom * share), cap: Math.ceil(EVENT_BUDGET.cap * share) };
  }

  /** EVENT_BUDGET's thresholds for this reading (CollectOptions.eventShare). */
  private readonly budget: { sampleFrom: number; cap: number };

  /**
   * A reading of one host's lines: another host's lines it is given (every line of the file, or
   * only its own where the first reading noted each line's host: lineOwner) are parsed and left.
   */
  private hostFilter: HostFilter | undefined;

  private readonly fastLaneOn: boolean;
  private readonly dateOrders: DateOrders;

  private readonly referenceTime: number;

  addLine(text: string, lineNo: number): void {
    // A whole line is the span of itself (slicing a string whole gives the string back).
    this.addSpan(text, 0, text.length, lineNo);
  }

  /**
   * The line `text[start, end)` of a longer text (a decoded piece of the file, which goes on with
   * a `\n` after it and holds no NUL and no ESC: FastReader.read). A line the fast lane takes is
   * read where it lies; only a line the full parser reads is made a string of its own.
   */
  addSpan(text: string, start: number, end: number, lineNo: number): void {
    this.lastLine = lineNo;
    this.certain = false;
    if (this.document) return this.holdDocumentLine(text.slice(start, end), lineNo);
    if (this.quoted) return this.holdQuotedLine(text.slice(start, end), lineNo);
    if (this.block) {
      const line = text.slice(start, end);
      if (this.block.take(line, lineNo)) return;
      // The line after the block (a blank one, the next entry's header) is read as any other.
      this.endBlock();
    }
    // From the first line: a format's fast reader opens once the full parser has read a line of it
    // (handle), so a short log is read by the fast lane too (test/fastLane.test.ts compares both
    // lanes on every real fixture and its re-tellings from their first line).
    if (this.fastLaneOn && !this.mayJoin(text, start, end) && this.fastLane(text, start, end, lineNo)) return;
    this.fullLine(text.slice(start, end), lineNo);
  }

  /**
   * Whether a line may hold records joined by a paste: then it is the full parser's. Searched for
   * once per piece of the file (a 64 KiB piece of a log holds no backslash, `&` or `<b` nearly
   * always), then per line of a piece that holds one.
   */
  private mayJoin(text: string, start: number, end: number): boolean {
    if (text !== this.joinsSearched) {
      const marks = new JoinMarks(text);
      this.joinMarks = marks.none ? undefined : marks;
    }
    // Kept even when equal: another piece of the same characters (a file of blank lines: every
    // 64 KiB piece alike) compares them all once, and its later lines compare by reference
    // (compared with the piece before on every line, 2,000,000 blank lines took 5.4 s).
    this.joinsSearched = text;
    return (this.joinMarks !== undefined && this.joinMarks.inLine(start, end)) || (end - start >= MIN_SPACE_JOINED && mayBeSpaceJoined(text, start, end));
  }

  /** A line for the full parser (after the fast lane's read of it, if any: `certain`). */
  private fullLine(text: string, lineNo: number): void {
    if (this.lazyLine) {
      // A line whose shape a fast reader is certain of starts a new timed record: the last fast
      // line needs no second reading to be continued, only the state it would have left.
      if (!this.certain) this.reopenLazy();
      else {
        this.parser.afterFastLine(this.lazyFirstWord, this.lazyLearns, this.lazyFormat, this.lazyStart === 0 && this.lazyEnd === this.lazyText.length ? this.lazyText : this.lazyText.slice(this.lazyStart, this.lazyEnd));
        this.dropLazy();
      }
    }
    // A JSON document written over lines (`journalctl -o json-pretty`, an export saved pretty) is
    // held until it closes, then its records are read (records/jsonDocument.ts).
    if (!this.certain && !this.replaying) {
      const doc = openJsonDocument(text, lineNo);
      if (doc) {
        this.document = doc;
        return;
      }
      // A CSV row or a logfmt line whose quoted value a wrap carried on: held until its quotes balance (records/quotedLine.ts).
      const quoted = QuotedLine.opening(text, lineNo);
      if (quoted) {
        this.quoted = quoted;
        return;
      }
      // An entry of `journalctl -o verbose` or `-o export`: its fields are held until it ends (records/fieldBlock.ts).
      const block = openFieldBlock(text, lineNo);
      if (block) {
        this.block = block;
        return;
      }
    }
    // Records a paste joined into one line (`\n` escapes of a JSON string, `<br>`) are read as the
    // lines they were, each on this line (formats/joinedRecords.ts). The fast lane leaves such lines here.
    const joined = (!this.certain && (mayHoldJoins(text) || mayBeJsonDocument(text))) || mayBeSpaceJoined(text) ? unjoinRecords(text, JOINS) : undefined;
    if (joined) {
      this.joined.set(joined.join, (this.joined.get(joined.join) ?? 0) + 1);
      this.firstJoined ??= lineNo;
      let parts = 0;
      for (const line of joined.lines) {
        if (isBlank(line)) continue;
        parts++;
        this.parseLine(line, lineNo);
      }
      // Each part is a line of content as the file's own lines are: a string of shell output read as one line is no log read whole.
      if (parts > 1) this.joinedParts += parts - 1;
      return;
    }
    this.parseLine(text, lineNo);
  }

  /** A JSON document being held, line by line, until it closes. */
  private document: JsonDocumentLines | undefined;
  /** Lines of a document that was no JSON after all are being read as lines: none opens another. */
  private replaying = false;
  /** JSON documents written over lines whose records were read, and the first line of the first. */
  private documents = 0;
  private firstDocument: number | undefined;

  private holdDocumentLine(text: string, lineNo: number): void {
    const doc = this.document!;
    const state = doc.push(text, lineNo);
    if (state === 'open') return;
    this.document = undefined;
    const records = state === 'closed' ? recordsOfDocument(doc.text()) : undefined;
    if (!records?.length) return this.giveBack(doc.lines, doc.lineNos);
    this.documents++;
    this.firstDocument ??= doc.lineNos[0];
    // Each record at the lines of its object; the document's other lines are its structure, read as a record's wrapped lines are.
    const starts = new Set<number>();
    for (const { object, index } of records) {
      const line = doc.objectStarts[index];
      starts.add(line);
      this.parseLine(JSON.stringify(object), line, doc.objectEnds[index]);
    }
    this.skipped.continuation = (this.skipped.continuation ?? 0) + doc.lines.length - starts.size;
  }

  /** A line of fields whose quoted value goes on over the next lines, being held. */
  private quoted: QuotedLine | undefined;

  private holdQuotedLine(text: string, lineNo: number): void {
    const held = this.quoted!;
    const state = held.push(text, lineNo);
    if (state === 'open') return;
    this.quoted = undefined;
    if (state === 'broken') {
      // No wrap after all: its lines are read as lines, this one too.
      held.lines.pop();
      held.lineNos.pop();
      this.giveBack(held.lines, held.lineNos);
      return this.addLine(text, lineNo);
    }
    // Read as the one line it was, at its lines (the others counted as a record's wrapped lines).
    this.skipped.continuation = (this.skipped.continuation ?? 0) + held.lines.length - 1;
    this.parseLine(held.text(), held.lineNos[0], lineNo);
  }

  /** An entry of `journalctl -o verbose` or `-o export` whose fields are being read. */
  private block: FieldBlock | undefined;
  private blocks = 0;
  private firstBlock: number | undefined;

  /** The entry ended: read as journald's JSON object at its lines (its lines counted as a record's wrapped ones). */
  private endBlock(): void {
    const block = this.block!;
    this.block = undefined;
    // Its lines after the first are a record's wrapped ones; without a message the header is left unread.
    this.skipped.continuation = (this.skipped.continuation ?? 0) + block.endLine - block.line;
    const json = block.asJson();
    if (json === undefined) return;
    this.blocks++;
    this.firstBlock ??= block.line;
    this.parseLine(json, block.line, block.endLine);
  }

  /** Held lines read as lines after all (a document that was no JSON or held no record, a quoted line that was no wrap): none of them opens another hold. */
  private giveBack(lines: readonly string[], lineNos: readonly number[]): void {
    const was = this.replaying;
    this.replaying = true;
    for (let i = 0; i < lines.length; i++) this.addLine(lines[i], lineNos[i]);
    this.replaying = was;
  }

  /** Records were read from inside lines or from several lines: the file's lines are no records to reverse. */
  private get recordsInLines(): boolean {
    return this.documents > 0 || this.joined.size > 0 || this.blocks > 0;
  }

  /** Lines that the joined lines held beyond themselves: content for the share of lines read. */
  private joinedParts = 0;

  /** Lines that held records joined by each kind of join, and the first of them, for the notice. */
  private joined = new Map<Join, number>();
  private firstJoined: number | undefined;

  /** `endLine`: the last line of a record read from several (a JSON document's object). */
  private parseLine(text: string, lineNo: number, endLine = lineNo): void {
    // A line a fast reader was certain of is given to its format at once, with the clock it read.
    const record = this.certain ? this.parser.parse(text, lineNo, knownShape(text, this.fastRead, this.lineStart, this.fastTime(lineNo))) : this.parser.parse(text, lineNo);
    if (typeof record === 'object' && endLine > record.endLine) record.endLine = endLine;
    if (typeof record === 'string') {
      // A continuation has already been appended to the pending record by the parser.
      this.skipped[record] = (this.skipped[record] ?? 0) + 1;
      if (record === 'elision' && this.elisions.length < MAX_ELISIONS) this.elisions.push(lineNo);
      return;
    }
    // A record is handled when the next one starts: mail-wrapped text may still extend it.
    if (this.pending) this.handle(this.pending);
    this.pending = record;
  }

  /** The text (a piece of the file, or a line) last searched for what joins records, and where it may hold them (none: undefined). */
  private joinsSearched: string | undefined;
  private joinMarks: JoinMarks | undefined;

  private pending: LogRecord | undefined;
  /** Whether `pending` is a fast-lane line already counted, re-read only because text may continue it. */
  private pendingCounted = false;
  /**
   * The last fast-lane line (0: none), `lazyText[lazyStart, lazyEnd)`: the next line may be its
   * mail-wrapped continuation. Fields, not an object, so a million fast lines allocate nothing.
   */
  private lazyText = '';
  private lazyStart = 0;
  private lazyEnd = 0;
  private lazyLine = 0;

  /**
   * The fast lane counted a line without a record; the full parser would have kept that record
   * open for a wrapped continuation. Before the next line takes the full path, the line is read
   * again so the parser sees the same state either way (the lanes must agree).
   */
  private reopenLazy(): void {
    const text = this.lazyStart === 0 && this.lazyEnd === this.lazyText.length ? this.lazyText : this.lazyText.slice(this.lazyStart, this.lazyEnd);
    // With what the fast reader read of it (kept in `lazyRead`), as a line the catalogue may match
    // is given to its format: a line no fast reader takes, between fast ones, otherwise cost two
    // full readings (its own and this one), and a log with a sixth of such lines twice the time.
    const record = this.parser.parse(text, this.lazyLine, knownShape(text, this.lazyRead, this.lazyStart, this.lazyTime));
    this.dropLazy();
    if (typeof record === 'string') return;
    this.pending = record;
    this.pendingCounted = true;
  }

  /** Where the current line starts in the text its fast read was made in. */
  private lineStart = 0;

  /** The wall time of the line the fast reader read; a yearless one takes the parser's year (and moves it on at New Year). */
  private fastTime(line: number): number | undefined {
    const fast = this.fastRead;
    if (fast.month === TIME_OF_DAY) return this.parser.timeOfDay(fast.hour, fast.minute, fast.second, fast.ms);
    if (fast.month === UNIX_TIME) {
      if (fast.shownZone !== NO_ZONE) this.parser.noteShownZone(fast.shownZone);
      return fast.unixMs;
    }
    if (fast.month < 0) return undefined;
    const time = wallTime(fast.year >= 0 ? fast.year : this.parser.yearlessYear(fast.month), fast.month, fast.day, fast.hour, fast.minute, fast.second, fast.ms);
    const shown = fast.zoneMinutes === NO_ZONE ? time : time - this.parser.zoneShift(fast.zoneMinutes, line);
    // As LineParser.timeOf notes them: the year a dated stamp gives the yearless ones after it.
    if (fast.year < 0) this.parser.noteYearless(shown, line);
    else this.parser.noteDated(fast.year, fast.month, shown, line);
    return shown;
  }

  /** The width of the last fast-lane line, as LineParser keeps the width of the line before (its `\r` not counted). */
  private lazyWidth(): number {
    const end = this.lazyText.charCodeAt(this.lazyEnd - 1) === 0x0d ? this.lazyEnd - 1 : this.lazyEnd;
    return end - this.lazyStart;
  }

  private dropLazy(): void {
    this.lazyLine = 0;
    this.lazyText = '';
    this.lazyFirstWord = '';
  }

  /** Whether the last fast-lane line had a clock: read by the full parser, it would have left its record open for wrapped text. */
  private lazyClocked = false;
  /** Whether the last fast-lane line may have ended with its header (LineParser.awaitsMessage): an indented next line is the parser's. */
  private lazyAwaits = false;

  /** The last fast-lane line's first word as the parser's host-column learning reads it, and whether its format learns so. */
  private lazyFirstWord = '';
  private lazyLearns = false;
  private lazyFormat: FormatId = 'logread';
  /** Whether a fast reader was certain of the current line's shape (the catalogue may still match it). */
  private certain = false;
  /** Reused for the clocks of fast-lane lines with an uptime, so they allocate nothing. */
  private readonly clockProbe: LogRecord = { line: 0, endLine: 0, format: 'logread', message: '' };
  /** Reused for what a fast reader reads of a line. */
  private fastRead = newFastRead();
  /** What the fast reader read of the last fast-lane line (the buffers trade places as a line is taken), and its wall time. */
  private lazyRead = newFastRead();
  private lazyTime: number | undefined;
  /**
   * The fast readers of the formats the full parser has read in this file (records/fastReaders.ts),
   * the one that last answered first: a file is mostly one format, or blocks of a few.
   */
  private fastReaders: FastReader[] = [];

  /** Whether a fast reader of this file's formats is certain of the line (into `fastRead`). */
  private readFast(text: string, start: number, end: number): boolean {
    const readers = this.fastReaders;
    for (let i = 0; i < readers.length; i++) {
      const reader = readers[i];
      if (!reader.read(text, start, end, this.fastRead)) continue;
      if (i > 0) {
        readers[i] = readers[0];
        readers[0] = reader;
      }
      return true;
    }
    return false;
  }

  /**
   * Accounts for a line that no catalogue entry can match without building its record: a line
   * whose shape a fast reader is certain of, with the same clocks, counters and parser state the
   * full path would leave; false sends the line to the full parser. Sections and mail-wrapped
   * text do not turn it off: no fast reader takes a line without a stamp (wrapped text, a section
   * header), and the last fast line is read again before such a line, so it can be continued.
   */
  private fastLane(text: string, start: number, end: number, lineNo: number): boolean {
    const fast = this.fastRead;
    this.lineStart = start;
    // A line after grep's file name is the parser's, which reads it without the name (LineParser.afterGrepName);
    // so is every line of a quoted-printable mail, which the parser decodes (LineParser.quotedPrintable).
    if (this.parser.quotedPrintable || !this.readFast(text, start, end) || this.parser.startsWithGrepName(text, start)) return false;
    // A JSON line whose message, decoded, holds a log joined by escapes (`\\n` in the line: a
    // JSON string inside the message) is read as those lines by the full path (fullLine's unjoin).
    if (fast.decoded !== '' && mayHoldJoins(fast.decoded)) return false;
    // A yearless line with a Unix time in its message (`<info>  [1733169299.1234] `) is the
    // parser's until one has given the year of the file's dates (LineParser.yearWitness).
    if (fast.month >= 0 && ((fast.year < 0 && this.parser.seeksYearWitness()) || this.parser.seeksZoneWitness()) && opensWithUnixStamp(text, fast)) return false;
    // A read that holds only while the file has not shown this word as a host (iso-plain's first word).
    if (fast.notHost !== '' && this.parser.knowsHost(fast.notHost)) return false;
    // A line as short as a date alone after one a terminal cut may be its rest (LineParser.isStampAlone).
    if (end - start <= CUT_STAMP_CHARS && (this.lazyLine !== 0 ? TERMINAL_WIDTHS.has(this.lazyWidth()) : this.parser.lastLineCut())) return false;
    // A line after a header that ended its line may be that record's message (LineParser.awaitsMessage).
    if (this.lazyLine !== 0 ? this.lazyAwaits && continuesAwaiting(text, start, this.lazyWidth()) : this.parser.awaitingMessage(text, start)) return false;
    // A read that holds only when no record is open for wrapped text (a clockless `word: ` line).
    if (fast.onlyAfterClosed && (this.lazyLine !== 0 ? this.lazyClocked : this.parser.hasOpenRecord())) return false;
    this.certain = true;
    const parser = this.parser;
    // The parser learns a repeated first word as a host column (`kern.info` of two RutOS events in
    // a row); the fast lane takes such a line only once that is done.
    if (fast.firstWord !== '' && !parser.knowsHost(fast.firstWord)) return false;
    if (fast.screenUntagged ? this.matcher.mayMatch('', text, start, end) : fast.decoded !== '' ? this.matcher.mayMatch(fast.tag, fast.decoded, 0, fast.decoded.length) : this.matcher.mayMatch(fast.tag, text, fast.messageStart, end)) return false;
    // A modem program's line at an error level may be the catch-all's (EventMatcher.matchFallback).
    if (fast.tag === '' ? opensWithErrorLevel(text, fast) && this.matcher.hasFallbackFor('-') : (fast.screenUntagged ? this.matcher.hasFallbackFor(fast.tag) : this.matcher.screenedFallback()) && mayBeErrorLevel(text, fast, end)) return false;
    if (this.pending) this.handle(this.pending);
    this.pending = undefined;
    parser.closeRecord();
    // The parser reads the last fast line again before the next full one (reopenLazy), which
    // restores what spans one line (the open record, the previous first word); what spans more is
    // kept here: the hosts seen and the year of yearless stamps.
    if (fast.host !== '') parser.noteHost(fast.host);
    const time = this.fastTime(lineNo);
    // The read is kept for reopenLazy; the next line is read into the other buffer (no allocation a line).
    this.fastRead = this.lazyRead;
    this.lazyRead = fast;
    this.lazyTime = time;
    this.lazyText = text;
    this.lazyStart = start;
    this.lazyEnd = end;
    this.lazyLine = lineNo;
    this.lazyFirstWord = fast.firstWord;
    this.lazyLearns = SYSLOG_BODY_FORMATS.has(fast.format);
    this.lazyFormat = fast.format;
    this.lazyClocked = time !== undefined || fast.uptime >= 0 || fast.elapsed >= 0;
    // As LineParser.awaitsMessage reads it, or more: a short message (an envelope, `<dbg>`, may be
    // all of it; a device's stamp cut after a capture's) or Loki's labels, without a space after it.
    const last = text.charCodeAt(end - 1);
    const short = end - fast.messageStart <= AWAITING_MESSAGE_CHARS || (fast.tag === '' && text.charCodeAt(fast.messageStart) === 0x7b /* { */);
    this.lazyAwaits = short && last !== 0x20 && last !== 0x09;
    this.formats[fast.format] = (this.formats[fast.format] ?? 0) + 1;
    this.parsedLines++;
    this.hosts.note(fast.host, lineNo, time, this.section);
    if (this.hostFilter !== undefined && !this.hostFilter.owns(fast.host)) return true;
    if (fast.uptime >= 0) {
      this.clockProbe.line = lineNo;
      this.clockProbe.time = time;
      this.clockProbe.uptime = fast.uptime;
      this.trackClocks(this.clockProbe);
    } else if (time !== undefined) {
      this.trackWallTime(time, lineNo);
    }
    if (fast.tag !== '') this.trackDaemonLine(fast.tag, lineNo, time);
    return true;
  }

  private handle(record: LogRecord): void {
    if (this.pendingCounted) {
      // A fast-lane line, counted already: only a continuation joined since can make it an event.
      this.pendingCounted = false;
      if (record.endLine > record.line && (this.hostFilter === undefined || this.hostFilter.owns(record.host))) this.matchRecord(record);
      return;
    }
    const seen = this.formats[record.format];
    this.formats[record.format] = (seen ?? 0) + 1;
    if (seen === undefined) {
      const reader = FAST_READERS[record.format];
      if (reader) this.fastReaders.push(reader);
    }
    if (record.format === 'section') {
      this.headerLines++;
      this.startSection(record.message, record.line, record.mail === true);
      // The command typed is a line of its own too: running `modem_updater` or `mmcli -r` says something.
      if (record.command && (this.hostFilter === undefined || this.hostFilter.owns(this.hostOf(record)))) this.matchRecord({ line: record.line, endLine: record.endLine, format: 'text', message: record.message, section: record.message });
      return;
    }
    // A part of a listing without a header line of its own: grep's file name changed (lineParser).
    if (record.section !== undefined && record.section !== this.section) this.startSection(record.section, record.line);
    if (record.format !== 'text') this.parsedLines++;
    this.hosts.note(record.host, record.line, record.time, this.section);
    if (this.hostFilter !== undefined && !this.hostFilter.owns(this.hostOf(record))) return;
    this.trackClocks(record);
    this.trackDaemon(record);
    this.matchRecord(record);
  }

  /**
   * A section starts at `line`: a troubleshoot section, a file of a listing. Its lines are another
   * log's: the clocks start again (a step back to it is no clock jump).
   */
  private startSection(name: string, line: number, mail = false): void {
    this.section = name;
    this.announcedStepMs = 0;
    this.sectionCount++;
    if (this.sections.length < STATE_BUDGET.sections) this.sections.push({ name, line });
    this.parts.start(name, line, mail);
    this.lastUptime = undefined;
    this.lastTime = undefined;
    this.lastPair = undefined;
  }

  /** The lines the log's writers left out, by what left them out (at most LEFT_OUT_KINDS kinds): how many, on how many lines, from which line. */
  private readonly leftOut = new Map<string, { lines: number; count: number; first: number }>();

  private noteLeftOut(by: string, n: number, line: number): void {
    if (!Number.isFinite(n) || n <= 0) return;
    const had = this.leftOut.get(by);
    if (had) {
      had.lines++;
      had.count += n;
    } else if (this.leftOut.size < LEFT_OUT_KINDS) this.leftOut.set(by, { lines: 1, count: n, first: line });
  }

  private matchRecord(record: LogRecord): void {
    // chat -v (and `cat -v`) write a carriage return in caret notation (`+CREG: 0,3^M`): the end
    // of the modem's answer, not its text (a blind probe's denied registration, logged by chat,
    // had not been read). The fast lane never takes such a line: its literals pass the screen.
    if (record.message.endsWith('^M')) record = { ...record, message: record.message.replace(CARET_CR_AT_END, '') };
    // rsyslog's fold of a line, catalogued or not: the lines it left out are the file's either way.
    if (record.envelope?.repeated !== undefined) this.noteLeftOut("rsyslog's folding of a line said again and again (`message repeated N times: [...]`)", Number(record.envelope.repeated), record.line);
    const match = this.matcher.match(record) ?? this.matchUncertainTag(record) ?? this.matcher.matchFallback(record);
    if (!match) {
      if (record.format === 'text') this.firstUnread ??= record.line;
      return;
    }
    if (record.format === 'text') this.textEvents++;
    // Outside troubleshoot sections no event is a duplicate: the budget is asked first, so a
    // flood's sampled-out lines build no event at all.
    const inSection = record.section !== undefined;
    if (!inSection && !this.withinBudget(match.entry)) return;
    const wrapped = meaningfulEnvelopeFields(record.envelope);
    const event: LogEvent = {
      id: match.entry.id,
      line: record.line,
      endLine: record.endLine,
      segment: this.inDmesgSection() ? -1 : this.segment,
      subsystem: match.entry.subsystem,
      severity: match.entry.severity,
      fields: ownFields(wrapped ? { ...wrapped, ...match.fields } : match.fields),
      file: this.file,
      text: ownString(record.message.length > 500 ? record.message.slice(0, 500) : record.message),
    };
    if (record.time !== undefined) event.time = record.time;
    if (record.uptime !== undefined) event.uptime = record.uptime;
    // A step of the clock the line says was made counts from this line on (it is logged after it).
    if (match.entry.clockStep !== undefined) {
      const step = Number(event.fields[match.entry.clockStep]);
      if (Number.isFinite(step) && Math.abs(step) < MAX_CLOCK_STEP_S) this.announcedStepMs += Math.round(step * 1000);
    }
    if (this.announcedStepMs !== 0) event.clockStepMs = this.announcedStepMs;
    if (record.section !== undefined) event.section = record.section;
    if (record.recordId !== undefined) event.recordId = record.recordId;
    if (inSection && (this.isDuplicateKernelEvent(event) || !this.withinBudget(match.entry))) return;
    if (match.entry.recall || match.entry.remember) this.carryFields(match.entry, event, record.pid);
    this.linkModemNetdev(event);
    // A state report whose state is a problem (a PIN state of 5, a registration denied) is as
    // serious as its condition says, not as the entry's other states.
    const raised = match.entry.findingIf?.severity;
    if (raised && match.entry.finding && meetsFindingIf(match.entry, event.fields)) event.severity = raised;
    this.events.push(event);
    if (match.entry.leftOut) this.noteLeftOut(match.entry.leftOut.by, Number(event.fields[match.entry.leftOut.group]), record.line);
    if (record.host === undefined) this.hosts.note(match.host, record.line, record.time, this.section);
    this.hosts.noteEvent(record.host ?? match.host);
  }

  /**
   * The network interfaces a modem's usbnet driver made in this file (the kernel's `register` and
   * `renamed from` lines), first seen first, bounded: a DHCP client's line on one of them is the
   * modem's data session (`modemLink`, catalogue/entries/dhcpClients.ts); the same line on the
   * LAN's interface is not.
   */
  private modemNetdevs = new Set<string>();

  private linkModemNetdev(event: LogEvent): void {
    const f = event.fields;
    if (f.netdev !== undefined && f.driver !== undefined && this.modemNetdevs.size < MODEM_NETDEVS) {
      const driver = usbDriver(f.driver);
      // A phone's tethering (rndis_host) is mobile data too.
      if (driver?.usbnet && (driver.device === 'modem' || driver.device === 'maybe')) this.modemNetdevs.add(f.netdev);
    }
    if (f.netIface !== undefined && this.modemNetdevs.has(f.netIface)) f.modemLink = 'yes';
  }

  /** Fields lines remembered for later ones (CatalogueEntry.remember), in the boot segment `rememberedIn`. */
  private remembered = new Map<string, string>();
  private rememberedIn = 0;

  /** Gives the event the fields its entry recalls and keeps those it remembers; a boot forgets them (a link does not outlive it). */
  private carryFields(entry: CatalogueEntry, event: LogEvent, pid: number | undefined): void {
    if (this.rememberedIn !== this.segment) {
      this.remembered.clear();
      this.unrecalled.length = 0;
      this.rememberedIn = this.segment;
    }
    for (const f of entry.recall ?? []) {
      const value = this.remembered.get(f);
      if (value !== undefined && event.fields[f] === undefined) event.fields[f] = value;
      else if (value === undefined && event.fields[f] === undefined && this.unrecalled.length < UNRECALLED_KEPT && HELD_BEFORE.has(f)) {
        this.unrecalled.push({ index: this.events.length, field: f, pid });
      }
    }
    for (const f of entry.remember ?? []) {
      const value = event.fields[f];
      if (value === undefined) continue;
      if (!this.remembered.has(f) && entry.heldBefore?.includes(f)) this.fillBefore(f, value, pid);
      // Bounded: one value per field name the catalogue remembers.
      this.remembered.set(f, value);
    }
  }

  /**
   * The boot's lines before the first that remembered `field` and that recalled none get its
   * value when they are the same process's (CatalogueEntry.heldBefore). Their events are replaced,
   * not changed (snapshots share them), with the severity their entry's condition now raises.
   */
  private fillBefore(field: string, value: string, pid: number | undefined): void {
    for (const u of this.unrecalled) {
      const e = this.events[u.index];
      if (u.field !== field || u.pid !== pid || !e || e.fields[field] !== undefined) continue;
      const fields = { ...e.fields, [field]: value };
      const entry = catalogueEntry(e.id);
      const raised = entry?.findingIf?.severity;
      this.events[u.index] = { ...e, fields, ...(raised && entry.finding && meetsFindingIf(entry, fields) ? { severity: raised } : {}) };
    }
    this.unrecalled = this.unrecalled.filter((u) => u.field !== field);
  }

  /** The boot's events that recalled a field no line had remembered yet (bounded), by their index in `events`. */
  private unrecalled: { index: number; field: string; pid: number | undefined }[] = [];

  /** The hosts of the file's lines (a syslog server's file of several routers): a file's stories are one device's. */
  private hosts: HostSequence;

  /**
   * A record's host: its header's, else, for a line with neither host nor program (a relayed
   * RutOS event, `rut-a Mobile data disconnected`; a container's service is no program), the
   * first word the catalogue read as one.
   */
  private hostOf(record: LogRecord): string | undefined {
    if (record.host !== undefined || (record.tag !== undefined && !record.tagIsService)) return record.host;
    return this.matcher.match(record)?.host;
  }

  /**
   * A clockless `word: text` line may be a stripped syslog line (`netifd: ...`) or a kernel
   * device message whose device name looks like a tag (`u3g0: detached`): when the first reading
   * matches nothing, the whole line is tried untagged.
   */
  private matchUncertainTag(record: LogRecord): ReturnType<EventMatcher['match']> {
    if (record.format !== 'stripped' || record.tag === undefined || record.pid !== undefined || record.facility !== undefined) return undefined;
    return this.matcher.match({ ...record, tag: undefined, message: `${record.tag}: ${record.message}` });
  }

  /**
   * The file so far, leaving the collector able to take more lines: an editor appending to a log
   * gets a fresh analysis without the lines before being read again.
   */
  snapshot(tail: readonly { text: string; line: number }[] = []): FileEvents {
    const fork = Object.create(EventCollector.prototype) as EventCollector;
    Object.assign(fork, this);
    const f = fork as unknown as Record<string, unknown>;
    // The fork gets its own parser and pending record: tail lines (an unfinished last line in an
    // editor) may extend them, and must not leak into the lines that follow for real.
    const pending = this.pending && { ...this.pending };
    f.pending = pending;
    f.parser = this.parser.fork(this.pending, pending);
    f.events = this.events.slice();
    f.formats = { ...this.formats };
    f.fastReaders = this.fastReaders.slice();
    f.remembered = new Map(this.remembered);
    f.modemNetdevs = new Set(this.modemNetdevs);
    f.unrecalled = this.unrecalled.slice();
    // The fork reads lines into buffers of its own: the last fast line's read is still this one's.
    f.fastRead = newFastRead();
    f.lazyRead = { ...this.lazyRead };
    f.skipped = { ...this.skipped };
    f.elisions = this.elisions.slice();
    f.seenPerEntry = new Map(this.seenPerEntry);
    f.daemons = Object.fromEntries(Object.entries(this.daemons).map(([k, d]) => [k, { ...d }]));
    f.clockJumps = this.clockJumps.slice();
    f.segmentStarts = this.segmentStarts.slice();
    f.sections = this.sections.slice();
    f.parts = this.parts.copy();
    f.offsets = new Map(this.offsets);
    f.kernelSeen = new Map(this.kernelSeen);
    // The fork searches its own lines for joins: the piece's marks are the original's to go on with.
    f.joinsSearched = undefined;
    f.joinMarks = undefined;
    f.document = this.document?.copy();
    f.quoted = this.quoted?.copy();
    f.block = this.block?.copy();
    f.joined = new Map(this.joined);
    f.hosts = this.hosts.copy();
    f.hostFilter = this.hostFilter?.copy();
    for (const t of tail) fork.addLine(t.text, t.line);
    return fork.finish();
  }

  /** Ends the file. Events are replaced, never changed, so earlier snapshots stay valid. */
  finish(): FileEvents {
    if (this.block) this.endBlock();
    // A document the file ends inside (a paste cut short) is read as its lines; so is a quoted line.
    if (this.document) {
      const doc = this.document;
      this.document = undefined;
      this.giveBack(doc.lines, doc.lineNos);
    }
    if (this.quoted) {
      const held = this.quoted;
      this.quoted = undefined;
      this.giveBack(held.lines, held.lineNos);
    }
    if (this.pending) this.handle(this.pending);
    this.pending = undefined;
    // Yearless (BSD) timestamps were read in the reference year. A line that also carries a Unix
    // time (NetworkManager's, ModemManager's debug stamp) says which year they are; else a log
    // cannot end after its file was last written, so a future end means the lines are from the year before.
    // A line with a year after yearless ones (LineParser.datedAfterYearless) says theirs; those
    // after it took its year as they were read, and only the lines before it move.
    const witness = this.parser.yearWitness;
    const dated = this.parser.datedAfterYearless;
    const years = !this.parser.yearless
      ? 0
      : dated !== undefined
        ? witness !== undefined && witness.line < dated.line ? witness.years : dated.years
        : witness !== undefined
          ? witness.years
          : this.parser.datedLine === undefined && this.maxTime !== undefined && this.maxTime > this.referenceTime + 2 * 86400_000
            ? -1
            : 0;
    const shift = (t: number): number => { if (years === 0) return t; const d = new Date(t); d.setUTCFullYear(d.getUTCFullYear() + years); return isPlausibleWallTime(d.getTime()) ? d.getTime() : t; };
    const before = this.timesBeforeDated;
    // The lines that move: those before the dated line, or all of them.
    const upTo = before?.line ?? Infinity;
    if (years !== 0) {
      for (let i = 0; i < this.events.length; i++) {
        const e = this.events[i];
        if (e.time !== undefined && e.line < upTo) this.events[i] = { ...e, time: shift(e.time) };
      }
      for (const d of Object.values(this.daemons)) if (d.lastTime !== undefined && d.lastLine < upTo) d.lastTime = shift(d.lastTime);
      if (this.firstTime !== undefined) this.firstTime = shift(this.firstTime);
      if (before === undefined) {
        if (this.minTime !== undefined) this.minTime = shift(this.minTime);
        if (this.endTime !== undefined) this.endTime = shift(this.endTime);
        if (this.maxTime !== undefined) this.maxTime = shift(this.maxTime);
      }
    }
    // The times before the dated line, kept apart (splitAtDated), join those after it, moved.
    if (before !== undefined) {
      const low = before.min === undefined ? undefined : shift(before.min);
      const high = before.max === undefined ? undefined : shift(before.max);
      if (low !== undefined && (this.minTime === undefined || low < this.minTime)) this.minTime = low;
      if (high !== undefined && (this.maxTime === undefined || high > this.maxTime)) this.maxTime = high;
    }
    const summerTime = this.endOfSummerTime();
    this.placeDmesgSection();
    const notices: InputNotice[] = [];
    if (summerTime) notices.push({ file: this.file, severity: 'info', line: summerTime.line, message: `The clock went back at this line as summer time ended: the Unix times of lines ${summerTime.before} and ${summerTime.after} show its stamps written ${zoneWords(summerTime.from / 60_000)} before it and ${zoneWords(summerTime.to / 60_000)} after it. Times from this line on are shown at ${zoneWords(summerTime.from / 60_000)}, an hour later than written, so the log reads on one time base.` });
    const hosts = this.hosts.seenSoFar();
    const zones = this.parser.shiftedZones();
    if (zones) notices.push({ file: this.file, severity: 'info', message: `Its stamps carry different offsets from UTC (a relay's, or a change to summer time): times are shown at the first stamp's offset, ${zoneWords(zones.first)}, and ${zones.shifted === 1 ? 'one stamp written at another was' : `${count(zones.shifted)} stamps written at another were`} moved onto it, so they read on one time base.` });
    const aboutHosts = this.hostFilter === undefined ? hostsNotice(hosts) : undefined;
    if (aboutHosts !== undefined) notices.push({ file: this.file, severity: 'warning', message: aboutHosts });
    if (this.eventsFolded > 0) {
      const whose = this.hostFilter ? `${this.hostFilter.host}'s lines in this log (the file's share of its hosts)` : 'This log';
      notices.push({ file: this.file, severity: 'warning', message: `${whose} ha${this.hostFilter ? 've' : 's'} more catalogued lines than GSM Log Lens keeps in memory: past ${count(this.budget.sampleFrom)} events, repeated lines were sampled (1 in ${EVENT_BUDGET.sampleEvery}) and past ${count(this.budget.cap)} none were kept; ${count(this.eventsFolded)} were left out, so counts in the findings are lower bounds.` });
    }
    if (this.leftOut.size > 0) {
      const parts = [...this.leftOut].map(([by, x]) => `${count(x.count)} by ${by}${x.lines > 1 ? ` on ${count(x.lines)} lines` : ''}, from line ${x.first}`);
      const first = Math.min(...[...this.leftOut.values()].map((x) => x.first));
      notices.push({ file: this.file, severity: 'info', line: first, message: `The programs that wrote this log left lines out of it: ${parts.join('; ')}. Each line that says so counts once in the findings, so counts there are lower bounds where the lines left out would have been catalogued.` });
    }
    const left = (kept: number, all: number, what: string): void => {
      if (all > kept) notices.push({ file: this.file, severity: 'warning', message: `This log has ${count(all)} ${what}, more than GSM Log Lens keeps in memory: the first ${count(kept)} are kept and shown, the others only counted.` });
    };
    left(this.segmentStarts.length, this.segment, 'boots (kernel uptime starting again)');
    left(this.clockJumps.length, this.clockJumpCount, 'clock jumps');
    left(this.sections.length, this.sectionCount, 'sections (troubleshoot headers, files of a listing)');
    const backwards = (b: number, f: number): boolean => b >= NEWEST_FIRST.minSteps && b > NEWEST_FIRST.ratio * f;
    // The wall clock decides when its steps are enough to; a dmesg's uptime when the lines have
    // only that, and with the wall clock's when whole seconds hardly move (a minute of kernel lines
    // relayed by syslog, listed newest first: two steps of its clock, twenty of the uptime).
    const wallDecides = this.stepsBack + this.stepsForward >= NEWEST_FIRST.minSteps;
    const [back, forward] = wallDecides ? [this.stepsBack, this.stepsForward] : [this.stepsBack + this.uptimeStepsBack, this.stepsForward + this.uptimeStepsForward];
    const newestFirst = backwards(back, forward);
    if (newestFirst) {
      notices.push({ file: this.file, severity: 'warning', message: `The lines run newest first (${count(back)} of ${count(back + forward)} steps between timed lines go back in time), as a log viewer or an aggregator's export lists them. GSM Log Lens reads a log oldest first: read backwards, its drops, returns and boots come in the wrong order, so no story is told for this file. ${this.recordsInLines ? 'Its records are inside lines or span them (a JSON document, journalctl\'s verbose entries), which cannot be read in reverse a line at a time: sort them oldest first (an export\'s sort order) and open the result.' : 'Reverse the lines (\`tac\` on Linux) and open the result.'}` });
    }
    if (this.blocks > 0) {
      notices.push({ file: this.file, severity: 'info', line: this.firstBlock!, message: `${count(this.blocks)} entr${this.blocks > 1 ? 'ies' : 'y'} of journalctl's verbose or export output (a block of FIELD=value lines each) were read as journald's records, each at the lines of its block.` });
    }
    if (this.documents > 0) {
      notices.push({ file: this.file, severity: 'info', line: this.firstDocument!, message: `${count(this.documents)} JSON document${this.documents > 1 ? 's' : ''} written over many lines held log records (objects with a message); each was read at the lines of its object.` });
    }
    for (const [join, lines] of this.joined) {
      notices.push({ file: this.file, severity: 'info', line: this.firstJoined!, message: `${count(lines)} line${lines > 1 ? 's' : ''} of this file held log lines inside ${join.description}. They were read as those lines, each shown at the line of the file that holds it.` });
    }
    const overlap = this.parts.overlap();
    if (overlap) {
      const name = (n: string | undefined): string => (n !== undefined ? `\`${n}\`` : 'the lines before the first header');
      notices.push({ file: this.file, severity: 'info', line: overlap.line, message: `This file lists logs whose times overlap (${name(overlap.first)} and ${name(overlap.second)}): each was read in turn, so at line ${overlap.line} the clock starts again at an earlier time, and what happened in one is not set in time order with what happened in the other.` });
    }
    if (this.year1970Line !== undefined) {
      notices.push({ file: this.file, severity: 'info', line: this.year1970Line, message: 'Some lines are dated 1970: the router had no clock source yet when it wrote them (no RTC and no NTP), so their wall time is meaningless; kernel uptime still orders them.' });
    }
    const sk = this.skipped;
    const content = Math.max(0, this.lastLine + this.joinedParts - (sk.blank ?? 0) - (sk.elision ?? 0) - (sk.continuation ?? 0) - (sk['mail-header'] ?? 0) - this.headerLines);
    const records = Math.min(content, this.parsedLines + this.textEvents);
    const formatEntries = Object.entries(this.formats).filter(([f]) => f !== 'section' && f !== 'text') as [FormatId, number][];
    formatEntries.sort((a, b) => b[1] - a[1]);
    const summary: FileSummary = {
      path: this.path,
      format: formatEntries[0]?.[0] ?? (this.formats.text ? 'text' : 'unknown'),
      lines: this.lastLine,
      parsedLines: this.parsedLines,
      bytes: 0,
      formats: this.formats,
      skipped: this.skipped,
      segments: this.segment + 1,
      recognised: { records, content, share: content === 0 ? 1 : records / content, ...(this.firstUnread !== undefined ? { firstUnread: this.firstUnread } : {}) },
    };
    if (this.parser.yearless) summary.yearAssumed = new Date(this.maxTime ?? this.referenceTime).getUTCFullYear();
    // Whichever came first gave the year: a Unix time beside a yearless stamp, or a date with a year.
    const datedLine = this.parser.datedLine;
    if (this.parser.yearless && witness !== undefined && (datedLine === undefined || witness.line < datedLine)) summary.yearFromLine = witness.line;
    else if (this.parser.yearless && datedLine !== undefined) summary.yearFromDate = datedLine;
    if (this.parser.timeOnly) summary.timeOnly = true;
    if (this.parser.foreignLogreadStamps > 0) summary.foreignLogreadStamps = this.parser.foreignLogreadStamps;
    if (this.snapModemManager) summary.snapModemManager = true;
    const daemons = Object.keys(this.daemons);
    if (daemons.length) summary.modemDaemons = daemons;
    if (newestFirst) summary.newestFirst = true;
    // A log listed newest first begins at its earliest time, not at its first line.
    const first = newestFirst ? this.minTime : this.firstTime;
    if (first !== undefined) summary.firstTime = first;
    if (this.maxTime !== undefined) summary.lastTime = this.maxTime;
    const zone = this.parser.shownZone();
    if (zone !== undefined && summary.firstTime !== undefined) summary.timeZone = zoneWords(zone);
    const out: FileEvents = {
      file: this.file,
      summary,
      events: this.events,
      notices,
      clockJumps: this.clockJumps,
      segmentStarts: this.segmentStarts,
      daemons: this.daemons,
      sections: this.sections,
      segmentOffsets: this.offsets,
      endLine: this.lastLine,
      elisions: this.elisions,
    };
    if (this.endTime !== undefined) out.endTime = this.endTime;
    if (this.lastUptime !== undefined) out.endUptime = { uptime: this.lastUptime, segment: this.segment };
    if (this.recordsInLines) out.recordsInLines = true;
    if (hosts.named.length > 1) out.hosts = hosts;
    // One host alone wrote the modem's lines among several (a syslog server's file): its stories are that device's.
    else if (hosts.named.length === 1 && (hosts.all ?? 0) >= 2 && this.hostFilter === undefined) out.modemHost = hosts.named[0];
    if (this.hostFilter !== undefined) out.host = this.hostFilter.host;
    const listing = this.parts.order();
    if (listing) out.listingOrder = listing;
    if (Object.keys(this.dateOrders).length > 0) summary.dateOrders = this.dateOrders;
    const calledFor = ordersCalledFor(this.parser.dates, this.dateOrders);
    if (calledFor) out.dateOrders = calledFor;
    for (const message of undecidedOrders(this.parser.dates, this.dateOrders)) notices.push({ file: this.file, severity: 'info', message });
    return out;
  }

  private inDmesgSection(): boolean {
    return this.section !== undefined && DMESG_SECTION.test(this.section);
  }

  private trackClocks(r: LogRecord): void {
    if (r.uptime !== undefined) {
      if (this.lastUptime !== undefined && !this.inDmesgSection()) {
        // A step back or forward on that clock: a boot is one step back.
        if (r.uptime < this.lastUptime) this.uptimeStepsBack++;
        else if (r.uptime > this.lastUptime) this.uptimeStepsForward++;
        if (r.uptime + 1 < this.lastUptime) {
          this.segment++;
          this.lastPair = undefined;
          if (this.segmentStarts.length < STATE_BUDGET.boots) this.segmentStarts.push({ segment: this.segment, line: r.line, ...(r.time !== undefined ? { time: r.time } : {}), ...(this.lastTime !== undefined ? { before: this.lastTime } : {}), reason: 'uptime-reset' });
        }
      }
      this.lastUptime = r.uptime;
    }
    if (r.time === undefined) return;
    this.splitAtDated(r.line);
    if (r.uptime !== undefined && this.lastPair && r.uptime >= this.lastPair.uptime && !(this.lastTime !== undefined && r.time < this.lastTime - BACKWARD_JUMP_MS)) {
      const wallDelta = (r.time - this.lastPair.time) / 1000;
      const upDelta = r.uptime - this.lastPair.uptime;
      if (wallDelta - upDelta > FORWARD_JUMP_S) {
        // The longest step between the lines since, this line's own included, if it is one; else
        // the time this line would have had without the jump.
        const own = this.lastTime !== undefined ? r.time - this.lastTime : 0;
        const at = own >= this.longestStep ? { line: r.line, from: this.lastTime ?? 0, to: r.time } : { line: this.longestStepLine, from: this.longestStepFrom, to: this.longestStepFrom + this.longestStep };
        const stepped = at.to - at.from > FORWARD_JUMP_S * 1000 && at.to - at.from >= (wallDelta - upDelta) * 500;
        this.addClockJump(stepped ? { line: at.line, segment: this.segment, from: at.from, to: at.to } : { line: r.line, segment: this.segment, from: this.lastPair.time + upDelta * 1000, to: r.time });
      }
    }
    // This line's own step ends the interval the pair before opened (longestStep), then a new one starts here.
    this.trackWallTime(r.time, r.line);
    if (r.uptime !== undefined && !this.inDmesgSection()) {
      this.longestStep = 0;
      this.lastPair = { time: r.time, uptime: r.uptime };
      // Past the boot budget only the current boot's offset is kept (its lines still need it).
      if (this.segment > STATE_BUDGET.boots && this.offsets.size > STATE_BUDGET.boots) this.offsets.delete(this.lastOffsetSegment);
      this.offsets.set(this.segment, r.time / 1000 - r.uptime);
      this.lastOffsetSegment = this.segment;
    }
  }

  /** The clock steps the lines so far said were made, summed (ms; LogEvent.clockStepMs); a section starts again at 0. */
  private announcedStepMs = 0;

  /** The last step back of the clock by up to an hour (summer time ending?), while a line with a Unix time is sought to tell. */
  private stepBack: ClockJump | undefined;

  /**
   * Summer time ended inside the log (a zoneless clock set back an hour, the Unix times of lines
   * before and after it an hour apart in offset): the times from the step on move an hour later,
   * onto the offset before it, and the step is no clock jump. A blind probe's journal across the
   * end of summer time had paired no return with a drop before it: "Modem lost ... 1 h 37 min".
   */
  private endOfSummerTime(): { line: number; before: number; after: number; from: number; to: number } | undefined {
    const step = this.stepBack;
    const before = this.parser.zoneWitness;
    const after = this.parser.zoneWitnessAfter;
    if (!step || !before || !after || before.line >= step.line || after.line < step.line || before.offset - after.offset !== SUMMER_TIME_MS) return undefined;
    const later = (t: number): number => t + SUMMER_TIME_MS;
    for (let i = 0; i < this.events.length; i++) {
      const e = this.events[i];
      if (e.line >= step.line && e.time !== undefined) this.events[i] = { ...e, time: later(e.time) };
    }
    for (const d of Object.values(this.daemons)) if (d.lastTime !== undefined && d.lastLine >= step.line) d.lastTime = later(d.lastTime);
    if (this.endTime !== undefined) this.endTime = later(this.endTime);
    if (this.maxTime !== undefined && this.endTime !== undefined) this.maxTime = Math.max(this.maxTime, this.endTime);
    const at = this.clockJumps.indexOf(step);
    if (at >= 0) this.clockJumps.splice(at, 1);
    this.clockJumpCount--;
    return { line: step.line, before: before.line, after: after.line, from: before.offset, to: after.offset };
  }

  private addClockJump(j: ClockJump): void {
    this.clockJumpCount++;
    if (this.clockJumps.length < STATE_BUDGET.clockJumps) this.clockJumps.push(j);
  }

  /**
   * The first line with a year after yearless ones: the times before it are kept apart, to be
   * moved to the year it shows (finish), and the clocks start again from it (no jump from a guessed year).
   */
  private splitAtDated(line: number): void {
    const dated = this.parser.datedAfterYearless;
    if (this.timesBeforeDated !== undefined || dated === undefined || line < dated.line) return;
    this.timesBeforeDated = { line: dated.line, min: this.minTime, max: this.maxTime };
    this.minTime = undefined;
    this.maxTime = undefined;
    this.lastTime = undefined;
    this.lastPair = undefined;
  }

  private trackWallTime(time: number, line: number): void {
    this.splitAtDated(line);
    if (time < YEAR_2000 && !isTimeOnly(time)) this.year1970Line ??= line;
    if (this.minTime === undefined || time < this.minTime) this.minTime = time;
    this.parts.time(time);
    if (this.lastTime !== undefined) {
      if (time < this.lastTime) this.stepsBack++;
      else if (time > this.lastTime) {
        this.stepsForward++;
        if (time - this.lastTime > this.longestStep) {
          this.longestStep = time - this.lastTime;
          this.longestStepLine = line;
          this.longestStepFrom = this.lastTime;
        }
      }
    }
    // A time of day alone and a date are not on one scale: no step between them is the clock's.
    if (this.lastTime !== undefined && time < this.lastTime - BACKWARD_JUMP_MS && isTimeOnly(time) === isTimeOnly(this.lastTime)) {
      this.addClockJump({ line, segment: this.segment, from: this.lastTime, to: time });
      // Summer time ending sets a zoneless clock back up to an hour: the next line with a Unix time says whether it did.
      if (this.lastTime - time <= SUMMER_TIME_MS + BACKWARD_JUMP_MS && !isTimeOnly(time)) {
        this.stepBack = this.clockJumps[this.clockJumps.length - 1];
        this.parser.seekZoneWitness();
      }
    }
    // From a 1970 date to this century: the clock was set, whether or not a kernel line's uptime
    // shows it (a blind probe's OpenWrt log, whose kernel lines all came before the NTP step, had
    // no clock jump and a story dated 1970-01-01).
    else if (this.lastTime !== undefined && this.lastTime < YEAR_2000 && time >= YEAR_2000 && !isTimeOnly(this.lastTime) && !isTimeOnly(time) && this.clockJumps[this.clockJumps.length - 1]?.line !== line) {
      this.addClockJump({ line, segment: this.segment, from: this.lastTime, to: time });
    }
    this.lastTime = time;
    this.firstTime ??= time;
    if (this.maxTime === undefined || time > this.maxTime) this.maxTime = time;
    this.endTime = time;
  }

  private trackDaemon(r: LogRecord): void {
    if (r.tag) this.trackDaemonLine(r.tag, r.line, r.time);
  }

  private trackDaemonLine(tag: string, line: number, time: number | undefined): void {
    const key = WATCHED_DAEMONS.get(tag);
    if (!key) return;
    if (SNAP_TAGS.has(tag)) this.snapModemManager = true;
    const d = (this.daemons[key] ??= { firstLine: line, lastLine: line, lines: 0 });
    d.lastLine = line;
    d.lines++;
    if (time !== undefined) d.lastTime = time;
  }

  /** Events of this file left out to keep memory bounded: sampled repeats, and all past the cap. */
  private eventsFolded = 0;
  private sampleCounter = 0;
  private readonly seenPerEntry = new Map<string, number>();

  /**
   * Whether an event may be kept. Memory must not grow with the number of catalogued lines: past
   * EVENT_BUDGET.sampleFrom events, lines that only add to a count are kept one in
   * EVENT_BUDGET.sampleEvery (lines that move a USB device on or off the bus, mark a story or an EDL state are
   * all kept: the stories need each); past EVENT_BUDGET.cap none is kept, except kinds of line
   * seen fewer than EVENT_BUDGET.rareUnder times. The report says so.
   */
  private withinBudget(entry: CatalogueEntry): boolean {
    const n = this.events.length;
    // A kind of line seen only a few times (a refusal, a disconnect) is never a flood: always kept.
    // The map has one key per catalogue entry, so it is bounded too.
    const seen = (this.seenPerEntry.get(entry.id) ?? 0) + 1;
    this.seenPerEntry.set(entry.id, seen);
    const { sampleFrom, cap } = this.budget;
    if (n < sampleFrom || seen <= EVENT_BUDGET.rareUnder) return true;
    if (n < cap && (entry.usb === 'gone' || entry.usb === 'present' || entry.usb === 'gave-up' || entry.story !== undefined || entry.edl !== undefined || entry.layout)) return true;
    if (n < cap && ++this.sampleCounter % EVENT_BUDGET.sampleEvery === 0) return true;
    this.eventsFolded++;
    return false;
  }

  /**
   * A troubleshoot system.log holds the kernel ring buffer twice: undated under [Dmesg] and
   * dated under [Logread]. The dated copy replaces the undated one, so each event counts once.
   */
  private isDuplicateKernelEvent(event: LogEvent): boolean {
    // Only lines inside troubleshoot sections can be the two copies; a plain log keeps no map.
    if (event.section === undefined) return false;
    // Without the kernel's uptime on one of the copies (a paste's `dmesg` beside syslog's kernel lines,
    // `dmesg -T` beside kern.log), a USB line of the same words in another section is the same line:
    // its device number names the enumeration (a blind probe's one drop had been told twice).
    if (event.uptime === undefined || !this.kernelSeen.has(`${event.uptime}|${event.id}`)) {
      if (catalogueEntry(event.id)?.usb !== undefined && this.isSameUsbLine(event)) return true;
      if (event.uptime === undefined) return false;
    }
    const key = `${event.uptime}|${event.id}`;
    const seen = this.kernelSeen.get(key);
    if (seen === undefined) {
      this.kernelSeen.set(key, this.events.length);
      if (this.kernelSeen.size > 200_000) this.kernelSeen.clear();
      return false;
    }
    const earlier = this.events[seen];
    if (!earlier || earlier.section === event.section) return false;
    // Two dated copies are one line only at the same time: rotated logs of two boots can hold the
    // same kernel line at the same uptime (a boot's first seconds repeat).
    if (earlier.time !== undefined && event.time !== undefined && Math.abs(earlier.time - event.time) > 1000) return false;
    if (earlier.time === undefined && event.time !== undefined) {
      event.segment = event.segment === -1 ? earlier.segment : event.segment;
      this.events[seen] = event;
    }
    return true;
  }

  /**
   * Whether a USB line of these words was seen in another section, within a minute on the wall
   * clock where both copies have one (isDuplicateKernelEvent); notes it when not.
   */
  private isSameUsbLine(event: LogEvent): boolean {
    const key = `w|${event.id}|${event.text}`;
    const seen = this.kernelSeen.get(key);
    const earlier = seen === undefined ? undefined : this.events[seen];
    if (earlier && earlier.section !== event.section && (earlier.time === undefined || event.time === undefined || Math.abs(earlier.time - event.time) <= 60_000)) return true;
    this.kernelSeen.set(key, this.events.length);
    if (this.kernelSeen.size > 200_000) this.kernelSeen.clear();
    return false;
  }

  /** The [Dmesg] section is the current boot: the last segment, mapped with its clock offset. */
  private placeDmesgSection(): void {
    const last = this.segment;
    const offsetOf = (segment: number): number | undefined => this.offsets.get(segment);
    for (let i = 0; i < this.events.length; i++) {
      const e = this.events[i];
      const segment = e.segment === -1 ? last : e.segment;
      const o = e.time === undefined && e.uptime !== undefined ? offsetOf(segment) : undefined;
      if (segment === e.segment && o === undefined) continue;
      const placed: LogEvent = { ...e, segment };
      const at = o !== undefined ? Math.round((o + e.uptime!) * 1000) : undefined;
      // An offset from a corrupt pair of clocks must not place a line outside the plausible years.
      if (at !== undefined && isPlausibleWallTime(at)) placed.time = at;
      this.events[i] = placed;
    }
  }
}

function ownFields(fields: Record<string, string>): Record<string, string> {
  for (const k in fields) fields[k] = ownString(fields[k]);
  return fields;
}

/**
 * The format and wall time a fast reader read of a line (`fast`, made where the line starts at
 * `lineStart`), as the parser is given them: `time` is taken after the lines before it were
 * accounted for (yearless years roll over in order).
 */
function knownShape(line: string, fast: FastRead, lineStart: number, time: number | undefined): KnownShape {
  const shape: KnownShape = { format: fast.format, time };
  if (fast.year < 0 && fast.month >= 0) shape.yearless = true;
  // The line is given to the parser as a string of its own: positions from its start.
  if (fast.bodyStart >= 0) {
    shape.bodyStart = fast.bodyStart - lineStart;
    if (fast.restStart >= 0) shape.body = knownBody(line, fast, lineStart);
    if (fast.recordId >= 0) shape.recordId = fast.recordId;
  }
  return shape;
}

/** `UTC`, `UTC+02:00`, `UTC-03:30`: an offset in minutes as the notices say it. */
function zoneWords(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

