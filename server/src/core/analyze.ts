import { compareFindings } from './findings/findingOrder';
import { detectHost, type HostGuess } from './stories/hosts';
import { tellStoriesSteps, verdictFinding } from './stories/tellStories';
import { EventCollector, type FileEvents } from './events/eventCollector';
import { detectFindingsSteps, eventsOf } from './findings/detectFindings';
import type { UsbFindingMemo } from './findings/usbFindingMemo';
import { runSteps, type Steps } from './steps';
import { toFinding } from './findings/detectors/findingBuilder';
import { detectUnreadFiles } from './findings/detectors/readability';
import { RuleMatcher, type CompiledRule } from './findings/customRules';
import { DEFAULT_DETECT_OPTIONS, type DetectOptions } from './findings/options';
import { LineSplitter, type SplitStats } from './input/lineSplitter';
import { encodingLabel } from './input/encoding';
import { isTarArchive, readInput, readSqliteFile, type InputInfo } from './input/readInput';
import { eventDatabaseFile } from './troubleshoot/eventDatabaseFile';
import { analyzeArchive } from './analyzeArchive';
import { expandHostReadings, hostEventShare, hostReadingIndex, joinHostReadings, putBack } from './hostReadings';
import { lineOwner, perHostNotice, type HostsSeen } from './events/hostSequence';
import type { Analysis, Episode, FileSummary, Finding, InputNotice, LogEvent } from './model';
import { rotatedLogs } from './input/logSet';
import { promises as fs } from 'node:fs';
import { count } from './countText';
import type { DeviceFacts } from './troubleshoot/deviceFacts';
import { linesInListingOrder, listingNotice } from './events/listingParts';
import { fileLineOf, noticeInFile, preambleLines, recordEnds, reverseRecords, toFileLines, type ReadOrder } from './oldestFirst';
import { lineTimes, repeatedBlocks, repeatNotice, withoutRepeats } from './repeatedLines';
import { HeldBytes, HeldLines, READ_AGAIN_BUDGET, READ_AGAIN_STEP_LINES, readAgainReasons, type ReadAgainReasons } from './readAgain';

export interface AnalyzeOptions extends Partial<DetectOptions> {
  /** "Now" for yearless timestamps; defaults to the file's mtime, else the current time. */
  referenceTime?: number;
  /** The fast lane for plain logread lines (default on); tests compare it with the full parser. */
  fastLane?: boolean;
  /** Stops reading files (the editor's Cancel); the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** The person's own rules (settings, `--rules`), matched against every line. */
  customRules?: readonly CompiledRule[];
}

/**
 * One file on its way through the pipeline: bytes in, events out. This is the one front door of
 * the core: the CLI, archives, tests and the language server all feed files through it, so every
 * caller gets the same line bound, input notices, format layer and custom rules.
 */
export class FileAnalysis {
  private readonly collector: EventCollector;
  readonly splitter: LineSplitter;
  private readonly rules: RuleMatcher;

  /** What the last snapshot or finish said of the input itself and the person's rules: the same whichever way its lines are read. */
  private kept: { input: InputNotice[]; custom: { findings: Finding[]; notices: InputNotice[] } } = { input: [], custom: { findings: [], notices: [] } };

  /** The year the parser gives yearless dates when nothing else says one. */
  get referenceYear(): number {
    return referenceYearOf(this.referenceTime);
  }

  constructor(readonly index: number, readonly path: string, private readonly referenceTime: number | undefined, private readonly fastLane = true, rules: readonly CompiledRule[] = []) {
    this.rules = new RuleMatcher(rules, index);
    this.collector = new EventCollector(index, path, { ...(referenceTime !== undefined ? { referenceTime } : {}), fastLane });
    const addLine = (text: string, n: number): void => {
      this.collector.addLine(text, n);
      if (this.live) for (const c of this.live.collectors) c.addLine(text, n);
      if (this.rules.active) this.rules.addLine(text, n);
    };
    // A line is read where it lies in the decoded text; the person's rules need it as a string.
    this.splitter = new LineSplitter(addLine, (text, start, end, n) => {
      if (this.rules.active) return addLine(text.slice(start, end), n);
      this.collector.addSpan(text, start, end, n);
      if (this.live) for (const c of this.live.collectors) c.addSpan(text, start, end, n);
    });
  }

  /**
   * A file in order whose hosts take turns (hostReadings.ts): a collector per host, fed every line
   * the file gets after the first reading found them, so a growing log's appends are read once per
   * host, not the whole file again per host.
   */
  private live: { seen: HostsSeen; collectors: EventCollector[] } | undefined;
  /** `finish` was called: the file has no more lines. */
  private ended = false;

  /**
   * The file so far, its unfinished last line included, without ending it: an editor buffer that
   * grows is read once, and each snapshot is a whole analysis.
   */
  snapshot(): FileEvents {
    const tail = this.splitter.pendingLine();
    const line = this.splitter.stats.lines + 1;
    const out = this.collector.snapshot(tail !== undefined ? [{ text: tail, line }] : []);
    const read = this.complete(out, [], this.rules.result(tail !== undefined ? { text: tail, line } : undefined));
    if (this.live) {
      const reasons = readAgainReasons(read);
      const joined = reasons && onlyHosts(reasons) && sameNames(reasons.hosts.named, this.live.seen.named) ? this.joinReadings(read, reasons.hosts, this.live.collectors) : undefined;
      if (joined) return joined;
      // Other hosts, or another reason to read the file again (readAgain): the readings are read again.
      this.live = undefined;
    }
    return read;
  }

  finish(extraNotices: string[] = []): FileEvents {
    this.ended = true;
    this.splitter.end();
    return this.complete(this.collector.finish(), extraNotices, this.rules.result());
  }

  private complete(out: FileEvents, extraNotices: string[], custom: { findings: Finding[]; notices: InputNotice[] }): FileEvents {
    out.summary.bytes = this.splitter.stats.bytes;
    const input = [...extraNotices.map((message) => ({ file: this.index, severity: 'warning' as const, message })), ...splitNotices(this.index, this.splitter.stats)];
    this.kept = { input, custom };
    out.notices.unshift(...input);
    if (out.summary.lines === 0) out.summary.format = 'empty';
    else if (out.summary.parsedLines === 0 && (out.summary.skipped.binary ?? 0) > out.summary.lines / 2) out.summary.format = 'binary';
    out.notices.push(...custom.notices);
    out.custom = custom.findings;
    return out;
  }

  /**
   * `read` (this file's finish or snapshot) read a second time from `lines`, the file's lines as
   * its splitter split them (HeldLines), knowing what the first reading found (readAgain.ts):
   * listed newest first, its records in reverse, each record's wrapped lines after its first, with
   * line numbers of that reading until `finishAnalysis` maps them to the file's (`readOrder`); with
   * day-first dates, those dates read so. The input's notices and the person's rules (a line at a
   * time, so in any order) are those of the first reading, in the file's lines.
   */
  readAgain(read: FileEvents, lines: readonly string[], reasons: ReadAgainReasons): FileEvents {
    return runSteps(this.readAgainSteps(read, lines, reasons));
  }

  /**
   * A file in order whose hosts take turns: a collector per host (`live`), fed the lines the first
   * reading had; undefined when a host's lines run newest first (then each is read again so).
   */
  private *readPerHostSteps(read: FileEvents, lines: readonly string[], seen: HostsSeen): Steps<FileEvents | undefined> {
    const feed = this.hostFeed(seen);
    for (let i = 0; i < lines.length; i++) {
      feed.addLine(lines[i], i + 1);
      if ((i + 1) % READ_AGAIN_STEP_LINES === 0) yield;
    }
    const joined = this.joinReadings(read, seen, feed.collectors);
    this.keepLive(joined, seen, feed.collectors, feed.had);
    return joined;
  }

  /**
   * A reading per host of `seen`, and where each of the file's lines goes: each host's lines to its
   * reading only, where the first reading noted them (else every line to every reading, whose
   * filter keeps its host's). Only the lines the first reading had: a growing log's unfinished
   * last line is each snapshot's.
   */
  private hostFeed(seen: HostsSeen): HostFeed {
    const collectors = this.hostCollectors(seen);
    const ownerOf = seen.lines ? lineOwner(seen.lines, seen.named) : (): number => collectors.length;
    const had = this.splitter.stats.lines;
    const give = (n: number, read: (c: EventCollector) => void): void => {
      if (n > had) return;
      const owner = ownerOf(n);
      if (owner === collectors.length) for (const c of collectors) read(c);
      else if (owner >= 0) read(collectors[owner]);
    };
    return {
      seen, collectors, had,
      addLine: (text, n) => give(n, (c) => c.addLine(text, n)),
      addSpan: (text, start, end, n) => give(n, (c) => c.addSpan(text, start, end, n)),
    };
  }

  /**
   * Keeps the host readings fed from now on (`live`) when they were joined and have every line the
   * file has: lines that came while they were being read (an append between steps) went to the
   * file's own reading only, and the next snapshot reads the hosts again.
   */
  private keepLive(joined: FileEvents | undefined, seen: HostsSeen, collectors: EventCollector[], lineCount: number): void {
    this.live = joined && this.splitter.stats.lines === lineCount ? { seen, collectors } : undefined;
  }

  /** A collector per host of `seen`, each reading that host's lines (CollectOptions.host) with its share of the event budget. */
  private hostCollectors(seen: HostsSeen): EventCollector[] {
    return seen.named.map((name, i) => new EventCollector(hostReadingIndex(this.index, i), this.path, { ...(this.referenceTime !== undefined ? { referenceTime: this.referenceTime } : {}), fastLane: this.fastLane, host: { name, first: i === 0 }, eventShare: hostEventShare(seen.named.length) }));
  }

  /**
   * A file in order whose hosts take turns, read once per host from its source again (a file on
   * disk, an editor's document, a text in memory) without holding its lines, however long it is:
   * push the source into the splitter returned, then `endHostReadings`. Lines past those the first
   * reading had (a growing log's unfinished last line) are left to each snapshot.
   */
  startHostReadings(seen: HostsSeen): LineSplitter {
    const feed = this.hostFeed(seen);
    const splitter = new LineSplitter(feed.addLine, feed.addSpan);
    this.hostFeeds.set(splitter, feed);
    return splitter;
  }

  /** The host readings `startHostReadings` began, once their source was pushed, joined for the file. */
  endHostReadings(read: FileEvents, splitter: LineSplitter): FileEvents {
    splitter.end();
    const { seen, collectors, had } = this.hostFeeds.get(splitter)!;
    this.hostFeeds.delete(splitter);
    const joined = this.joinReadings(read, seen, collectors, true)!;
    this.keepLive(joined, seen, collectors, had);
    return joined;
  }

  /** Host readings being fed their source (startHostReadings), by the splitter that feeds them. */
  private readonly hostFeeds = new Map<LineSplitter, HostFeed>();

  /**
   * Host readings so far, joined for the file (hostReadings.ts); undefined when a host's lines
   * run newest first (unless `anyOrder`: its reading then says so, and tells no story).
   */
  private joinReadings(read: FileEvents, seen: HostsSeen, collectors: EventCollector[], anyOrder = false): FileEvents | undefined {
    const tail = this.ended ? undefined : this.splitter.pendingLine();
    const tailLines = tail !== undefined ? [{ text: tail, line: this.splitter.stats.lines + 1 }] : [];
    const readings = collectors.map((c) => {
      const out = this.ended ? c.finish() : c.snapshot(tailLines);
      out.summary = { ...out.summary, bytes: read.summary.bytes, recognised: read.summary.recognised };
      out.notices = [...this.kept.input, ...out.notices, ...this.kept.custom.notices];
      out.custom = this.kept.custom.findings;
      return out;
    });
    if (!anyOrder && readings.some((r) => r.summary.newestFirst)) return undefined;
    return joinHostReadings(read, seen, readings);
  }

  /** `readAgain` in steps of READ_AGAIN_STEP_LINES lines (steps.ts): the language server answers hovers between them. */
  *readAgainSteps(read: FileEvents, lines: readonly string[], reasons: ReadAgainReasons, host?: { name: string; first: boolean; index: number; share: number }): Steps<FileEvents> {
    if (reasons.repeats) {
      // Copies are found in the file's lines, once, before any other reading of them.
      const { repeats, ...others } = reasons;
      const blocks = repeatedBlocks(lines, repeats, lineTimes(lines, this.referenceYear));
      if (!blocks.length) return others.reverse || others.dates || others.parts || others.hosts ? yield* this.readAgainSteps(read, lines, others, host) : read;
      const out = yield* this.readAgainSteps(read, withoutRepeats(lines, blocks), others, host);
      out.notices.push({ file: this.index, severity: 'info', line: blocks[0].from, message: repeatNotice(blocks) });
      return out;
    }
    if (reasons.hosts) {
      if (onlyHosts(reasons)) {
        const joined = yield* this.readPerHostSteps(read, lines, reasons.hosts);
        if (joined) return joined;
      }
      // One reading per host, each with the file's other reasons (hostReadings.ts).
      const { hosts, ...others } = reasons;
      const readings: FileEvents[] = [];
      for (let i = 0; i < hosts.named.length; i++) readings.push(yield* this.readAgainSteps(read, lines, others, { name: hosts.named[i], first: i === 0, index: hostReadingIndex(this.index, i), share: hostEventShare(hosts.named.length) }));
      return joinHostReadings(read, hosts, readings);
    }
    let reading = lines;
    let order: ReadOrder | undefined;
    if (reasons.reverse) {
      // Without wrapped lines every record is a line of its own: no need to split them again.
      const wrapped = (read.summary.skipped.continuation ?? 0) > 0;
      const year = referenceYearOf(this.referenceTime);
      ({ lines: reading, order } = reverseRecords(lines, wrapped ? recordEnds(lines, year) : new Int32Array(lines.length + 1), preambleLines(lines, year)));
    } else if (reasons.parts) {
      ({ lines: reading, order } = linesInListingOrder(lines, reasons.parts));
    }
    const again = new EventCollector(host?.index ?? this.index, this.path, { ...(this.referenceTime !== undefined ? { referenceTime: this.referenceTime } : {}), fastLane: this.fastLane, ...(reasons.dates ? { dateOrders: reasons.dates.orders } : {}), ...(host ? { host: { name: host.name, first: host.first }, eventShare: host.share } : {}) });
    for (let i = 0; i < reading.length; i++) {
      again.addLine(reading[i], i + 1);
      if ((i + 1) % READ_AGAIN_STEP_LINES === 0) yield;
    }
    const out = again.finish();
    // Dates read day first can show what month first hid: the lines run newest first.
    if (!reasons.reverse && out.summary.newestFirst) return yield* this.readAgainSteps(read, lines, { ...reasons, reverse: true }, host);
    const said: InputNotice[] = [];
    for (const why of reasons.dates?.why ?? []) said.push({ file: this.index, severity: 'info', message: `${why}.` });
    if (order) {
      out.readOrder = order;
      if (reasons.reverse) said.push({ file: this.index, severity: 'info', message: 'The lines run newest first, as a log viewer or an aggregator\'s export lists them: they were read in reverse, oldest first, a record at a time (a wrapped line stays with its record). Line numbers are the file\'s own.' });
      else if (reasons.parts) said.push({ file: this.index, severity: 'info', message: listingNotice(reasons.parts) });
    }
    out.summary = { ...out.summary, bytes: read.summary.bytes, recognised: read.summary.recognised, ...(order && reasons.reverse ? { readReversed: true } : {}) };
    // The lines that gave the year, as the notices' lines: the file's own, not this reading's.
    if (order && out.summary.yearFromLine !== undefined) out.summary.yearFromLine = fileLineOf(order, out.summary.yearFromLine);
    if (order && out.summary.yearFromDate !== undefined) out.summary.yearFromDate = fileLineOf(order, out.summary.yearFromDate);
    out.notices = [...this.kept.input, ...(order ? out.notices.map((n) => noticeInFile(order!, n)) : out.notices), ...said, ...this.kept.custom.notices];
    out.custom = this.kept.custom.findings;
    return out;
  }
}

/** A reading per host of a file (FileAnalysis.hostFeed), and where its lines go: the lines the first reading had (`had`), each to its host's reading. */
interface HostFeed {
  seen: HostsSeen;
  collectors: EventCollector[];
  had: number;
  addLine(text: string, n: number): void;
  addSpan(text: string, start: number, end: number, n: number): void;
}

/** Hosts that take turns are the only reason to read the file again: it is read in order, once per host. */
export function onlyHosts(reasons: ReadAgainReasons): reasons is ReadAgainReasons & { hosts: HostsSeen } {
  return reasons.hosts !== undefined && !reasons.reverse && reasons.dates === undefined && reasons.parts === undefined && reasons.repeats === undefined;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The year a file's yearless dates are read in: that of its reference time (EventCollector's default: now). */
function referenceYearOf(referenceTime: number | undefined): number {
  return new Date(referenceTime ?? Date.now()).getUTCFullYear();
}

/** The same notice about the same file is said once, with how many times it came. */
export function dedupeNotices(notices: readonly InputNotice[]): InputNotice[] {
  const seen = new Map<string, { notice: InputNotice; count: number }>();
  for (const n of notices) {
    const key = `${n.file} ${n.severity} ${n.message}`;
    const had = seen.get(key);
    if (had) had.count++;
    else seen.set(key, { notice: n, count: 1 });
  }
  return [...seen.values()].map(({ notice, count }) => (count > 1 ? { ...notice, message: `${notice.message} (${count} times)` } : notice));
}

function splitNotices(file: number, s: SplitStats): InputNotice[] {
  const out: InputNotice[] = [];
  if (s.invalidUtf8Lines) out.push({ file, severity: 'info', line: s.firstInvalidUtf8Line, message: `${s.invalidUtf8Lines} line(s) hold bytes that are not valid UTF-8; they are shown as \uFFFD and still analysed.` });
  if (s.truncatedLines) out.push({ file, severity: 'info', line: s.firstTruncatedLine, message: `${s.truncatedLines} line(s) are longer than 64 KiB; only their first 64 KiB were analysed.` });
  if (s.nulLines) out.push({ file, severity: 'info', message: `${s.nulLines} line(s) contain NUL bytes; they were ignored inside those lines.` });
  if (s.encoding) out.push({ file, severity: 'info', message: `The file is ${encodingLabel(s.encoding)} text; it was decoded as such.` });
  if (s.crLines) out.push({ file, severity: 'info', message: `${s.crLines} line(s) end in a lone carriage return (CR, as old Mac files do); each was read as a line, as an editor shows it.` });
  return out;
}

/** Analyses text already in memory (an editor buffer, a test fixture). */
export function analyzeText(text: string, options: AnalyzeOptions & { path?: string } = {}): Analysis {
  const f = new FileAnalysis(0, options.path ?? 'untitled', options.referenceTime, options.fastLane, options.customRules);
  f.splitter.pushText(text);
  const read = f.finish();
  const reasons = readAgainReasons(read);
  if (!reasons) return finishAnalysis([read], options);
  if (onlyHosts(reasons)) {
    const hosts = f.startHostReadings(reasons.hosts);
    hosts.pushText(text);
    return finishAnalysis([f.endHostReadings(read, hosts)], options);
  }
  const held = new HeldLines();
  held.splitter.pushText(text);
  return finishAnalysis([readAgain(f, read, held)], options);
}

/**
 * A file whose first reading (`read`) calls for a second (readAgain.ts), read again from its text
 * fed again to `held`; else (over the budget) `read`, with a notice that says what was not done and why.
 */
export function readAgain(f: FileAnalysis, read: FileEvents, held: HeldLines): FileEvents {
  return runSteps(readAgainSteps(f, read, held));
}

/** `readAgain` in steps (steps.ts). */
export function* readAgainSteps(f: FileAnalysis, read: FileEvents, held: HeldLines): Steps<FileEvents> {
  const reasons = readAgainReasons(read);
  if (!reasons) return read;
  const lines = held.end();
  if (lines) return yield* f.readAgainSteps(read, lines, reasons);
  const why = `it has more than ${count(READ_AGAIN_BUDGET.lines)} lines or ${READ_AGAIN_BUDGET.chars / 1024 / 1024} MiB, more than is held in memory to read it again`;
  for (const said of reasons.dates?.why ?? []) read.notices.push({ file: f.index, severity: 'warning', message: `${said.replace(' were read ', ' should be read ')}; they were not: ${why}.` });
  if (reasons.reverse) read.notices.push({ file: f.index, severity: 'info', message: `It was not read in reverse here: ${why}.` });
  if (reasons.hosts) read.notices.push({ file: f.index, severity: 'warning', message: perHostNotice(reasons.hosts, why) });
  if (reasons.parts) read.notices.push({ file: f.index, severity: 'warning', message: `The file lists ${reasons.parts.order.length} logs in another order than their times; they were read in the order listed, not in time order: ${why}. Where the clock runs back at a new log's first line, times on either side follow another order than the lines.` });
  return read;
}

/**
 * Streams each file through the pipeline; files are read one after another. A troubleshoot
 * archive (`.tar.gz`) is diagnosed as a whole: its logs and its device facts.
 */
export async function analyzeFiles(paths: readonly string[], options: AnalyzeOptions = {}): Promise<Analysis> {
  if (paths.length === 1 && (await isTarArchive(paths[0]))) return analyzeArchive(paths[0], options);
  // An event database (`log.db` beside the logs of an unpacked troubleshoot archive) is read after
  // the logs: where its rows stand on their clock is told by the events found in both.
  const databases: { path: string; bytes: Buffer }[] = [];
  const logs: string[] = [];
  for (const path of paths) {
    const bytes = await readSqliteFile(path);
    if (bytes) databases.push({ path, bytes });
    else logs.push(path);
  }
  const files = await readLogFiles(logs, options);
  const said: InputNotice[] = [];
  const logFiles = files.slice();
  for (const db of databases) {
    const read = await eventDatabaseFile(db.bytes, files.length, db.path, logFiles, options);
    if (read.file) files.push(read.file);
    said.push(...read.notices);
  }
  const analysis = finishAnalysis(files, options, databases.length > 0 ? { episodeFiles: logFiles.map((_, i) => i) } : {});
  analysis.notices.unshift(...said);
  return analysis;
}

/** Streams each file through the pipeline, one after another; a file whose first reading calls for a second is read again. */
async function readLogFiles(named: readonly string[], options: AnalyzeOptions): Promise<FileEvents[]> {
  const files: FileEvents[] = [];
  const logs = rotatedLogs(named);
  const paths = logs.map((log) => log[log.length - 1]);
  for (let i = 0; i < paths.length; i++) {
    if (logs[i].length > 1) {
      files.push(await readRotatedLog(i, logs[i], options));
      continue;
    }
    let f: FileAnalysis | undefined;
    // Standard input or a pipe cannot be read a second time: its bytes are kept as they come, up to the budget.
    let held: HeldBytes | undefined;
    const open = (inf: InputInfo | Record<string, never>): FileAnalysis => {
      if (!inf.rereadable) held = new HeldBytes();
      return (f = new FileAnalysis(i, paths[i], options.referenceTime ?? inf.mtime, options.fastLane, options.customRules));
    };
    const info = await readInput(paths[i], (chunk) => {
      (f ?? open({})).splitter.push(chunk);
      held?.push(chunk);
    }, open, options.signal);
    const file = f ?? open(info);
    const read = file.finish(info.notices);
    const reasons = readAgainReasons(read);
    // Hosts that take turns: each host's reading is fed from the file again, held nowhere, whatever its size.
    files.push(!reasons ? read : !held && onlyHosts(reasons) ? await readHostsAgain(paths[i], file, read, reasons.hosts, options.signal) : held ? readAgain(file, read, held.lines()) : await readFileAgain(paths[i], file, read, options.signal));
  }
  return files;
}

/**
 * The files of a rotated log (oldest first) read as one log: one reading fed each file in turn,
 * each ended as its own end would end it, the line numbers running on (`FileSummary.parts` says
 * which lines are whose). Yearless dates are read against the newest file's time, as that file's
 * own would be. A reading that calls for a second reads all the files again.
 */
async function readRotatedLog(index: number, parts: readonly string[], options: AnalyzeOptions): Promise<FileEvents> {
  const newest = parts[parts.length - 1];
  const mtime = options.referenceTime ?? (await fs.stat(newest).catch(() => undefined))?.mtimeMs;
  const f = new FileAnalysis(index, newest, mtime, options.fastLane, options.customRules);
  const said: string[] = [];
  const spans: NonNullable<FileSummary['parts']> = [];
  for (const part of parts) {
    const firstLine = f.splitter.stats.lines + 1;
    const info = await readInput(part, (chunk) => f.splitter.push(chunk), undefined, options.signal);
    f.splitter.endPart();
    said.push(...info.notices.map((n) => `${part}: ${n}`));
    spans.push({ path: part, firstLine, lastLine: f.splitter.stats.lines });
  }
  const first = f.finish(said);
  first.summary.parts = spans;
  const reasons = readAgainReasons(first);
  if (!reasons) return first;
  const held = new HeldLines();
  for (const part of parts) {
    await readInput(part, (chunk) => held.over || held.splitter.push(chunk), undefined, options.signal);
    held.splitter.endPart();
  }
  const again = readAgain(f, first, held);
  again.summary.parts = spans;
  return again;
}

/** A file on disk read again once per host (FileAnalysis.startHostReadings). */
async function readHostsAgain(path: string, f: FileAnalysis, read: FileEvents, seen: HostsSeen, signal: AbortSignal | undefined): Promise<FileEvents> {
  const hosts = f.startHostReadings(seen);
  await readInput(path, (chunk) => hosts.push(chunk), undefined, signal);
  return f.endHostReadings(read, hosts);
}

/** A file on disk whose first reading calls for a second, read from disk again. */
async function readFileAgain(path: string, f: FileAnalysis, read: FileEvents, signal: AbortSignal | undefined): Promise<FileEvents> {
  const held = new HeldLines();
  await readInput(path, (chunk) => held.over || held.splitter.push(chunk), undefined, signal);
  return readAgain(f, read, held);
}

export interface AnalysisContext {
  /** What a troubleshoot archive says besides its logs (lsusb, dfota status, modem firmware). */
  facts?: DeviceFacts;
  /** Files that may hold an episode (the logs of an archive); default: all. */
  episodeFiles?: number[];
  /** What the USB detectors made of the last reading of a growing log (an editor's document), taken where nothing changed. */
  usbMemo?: UsbFindingMemo;
}

/** Findings and episodes over the events of all files. */
export function finishAnalysis(files: FileEvents[], options: AnalyzeOptions, context: AnalysisContext = {}): Analysis {
  return runSteps(finishAnalysisSteps(files, options, context));
}

/**
 * `finishAnalysis` in steps, for a caller that lets other work run between them: the language
 * server answers hovers there while it finishes a big document (tens of milliseconds in all).
 */
export function* finishAnalysisSteps(read: FileEvents[], options: AnalyzeOptions, context: AnalysisContext = {}): Steps<Analysis> {
  const detect: DetectOptions = { ...DEFAULT_DETECT_OPTIONS, ...definedOnly(options) };
  // A file read per host is a file per host to the detectors and stories (hostReadings.ts).
  const { files, back } = expandHostReadings(read);
  const episodeFiles = context.episodeFiles && back.size > 0 ? files.map((f) => f.file).filter((i) => context.episodeFiles!.includes(back.get(i)?.file ?? i)) : context.episodeFiles;
  // The stack first: what counts as a problem (a RutOS composition) and the advice depend on it.
  const host = detectHost(eventsOf(files), files.map((f) => f.summary));
  // Each device of a syslog server's file has its own stack (a RutOS router beside an OpenWrt one),
  // and so has each of several files read together (a blind probe's OpenWrt log read beside a
  // RutOS one had been given RutOS's advice).
  const hosts = back.size > 0 ? new Map(files.filter((f) => back.has(f.file)).map((f) => [f.file, detectHost(f.events, [f.summary])])) : undefined;
  const fileHosts = read.length > 1 ? new Map(files.filter((f) => !back.has(f.file)).map((f) => [f.file, detectHost(f.events, [f.summary])])) : undefined;
  const hostOf = hosts || fileHosts ? (file: number): HostGuess | undefined => hosts?.get(file) ?? fileHosts?.get(file) : undefined;
  yield;
  const { events, findings, devices } = yield* detectFindingsSteps(files, detect, hostOf ? (file) => (hostOf(file) ?? host).host === 'rutos' : host.host === 'rutos', back.size > 0 ? undefined : context.usbMemo);
  yield;
  // A file listed newest first would be read backwards: its drops before its returns. No story is told for it (its notice says why).
  const newestFirst = new Set(files.filter((f) => f.summary.newestFirst).map((f) => f.file));
  const storyFiles = episodeFiles ?? (newestFirst.size > 0 ? files.map((f) => f.file) : undefined);
  const told = yield* tellStoriesSteps({ files, events, findings, devices, options: detect, host, ...(hostOf ? { hostOf } : {}), ...(context.facts ? { facts: context.facts } : {}), ...(storyFiles ? { storyFiles: storyFiles.filter((i) => !newestFirst.has(i)) } : {}) });
  // The same lines in several files (rsyslog writes a line to every file its rules name: syslog,
  // daemon.log, messages) tell the same story in each: told once, from the file of the most lines.
  // (A host's reading of a syslog server's file is no copy: each host's story is its own.)
  const copies = storiesInSeveralFiles(told.episodes.filter((e) => !back.has(e.file)), files);
  const episodes = told.episodes.filter((e) => !copies.dropped.has(e));
  yield;
  for (const episode of episodes) findings.push(...episodeFindings(episode, events, findings));
  // ...and the findings those files share (the same code, time and words) are listed once, from the file of the most lines.
  const copied = findingsInSeveralFiles(findings.filter((f) => !back.has(f.file)), files);
  if (copied.size) findings.splice(0, findings.length, ...findings.filter((f) => !copied.has(f)));
  // What was read in reverse is told in the file's own lines; the rest below is in those already.
  const orders = new Map<number, ReadOrder>();
  for (const f of files) if (f.readOrder) orders.set(f.file, f.readOrder);
  const shown = putBack(back, toFileLines({ events, findings, episodes }, orders));
  // A syslog server's file of several devices of which one alone wrote the modem's lines: its
  // stories are that device's, and say so (a blind probe's central syslog of four routers).
  for (const f of files) {
    const only = back.has(f.file) ? undefined : f.modemHost;
    if (only === undefined) continue;
    shown.episodes = shown.episodes.map((e) => (e.file === f.file && e.device === undefined ? { ...e, device: only, title: `${e.title} on ${only}` } : e));
  }
  shown.findings.push(...detectUnreadFiles(read.map((f) => f.summary)), ...read.flatMap((f) => f.custom ?? []));
  shown.findings.sort(compareFindings);
  return {
    files: read.map((f) => f.summary),
    events: shown.events,
    findings: shown.findings,
    episodes: shown.episodes,
    host: host.label,
    ...(hosts ? stacksOf(hosts, back) : {}),
    ...(fileHosts ? stacksOfFiles(fileHosts, read) : {}),
    notices: [...dedupeNotices(read.flatMap((f) => f.notices)), ...copies.notices],
    ...(context.facts ? { facts: context.facts } : {}),
  };
}

/**
 * Stories told alike by several files: the same kind and verdict, starting at the same time with the
 * same first step (the same lines copied into each file). The one from the file of the most lines
 * stays; the others go, with a notice on the kept story's file that names them.
 */
function storiesInSeveralFiles(episodes: readonly Episode[], files: readonly FileEvents[]): { dropped: Set<Episode>; notices: InputNotice[] } {
  const dropped = new Set<Episode>();
  const notices: InputNotice[] = [];
  const pathOf = new Map(files.map((f) => [f.file, f.summary.path]));
  const alike = (e: Episode): string | undefined => (e.startTime === undefined ? undefined : `${e.kind}\u0000${e.verdict}\u0000${e.startTime}\u0000${e.steps[0]?.text ?? ''}`);
  for (const { kept, copies } of copiesInFiles(episodes, alike, files)) {
    copies.forEach((e) => dropped.add(e));
    const names = [...new Set(copies.map((e) => baseName(pathOf.get(e.file) ?? '')))];
    notices.push({ file: kept.file, severity: 'info', message: `The story "${kept.title}: ${kept.verdictLabel}" is told by ${names.join(', ')} too, in the same lines (a system logger writes a line to each file its rules name): it is told once, from this file.` });
  }
  return { dropped, notices };
}

/** Findings alike in several files (the same code, time and message): all but the one from the file of the most lines. */
function findingsInSeveralFiles(findings: readonly Finding[], files: readonly FileEvents[]): Set<Finding> {
  const alike = (f: Finding): string | undefined => (f.time === undefined ? undefined : `${f.code}\u0000${f.time}\u0000${f.message}`);
  return new Set(copiesInFiles(findings, alike, files).flatMap((c) => c.copies));
}

/**
 * Items alike (the same `alike` key; none for an item without one) in two files or more: the one
 * kept, from the file of the most lines (the lower index on a tie), and its copies in the others.
 */
function copiesInFiles<T extends { file: number }>(items: readonly T[], alike: (item: T) => string | undefined, files: readonly FileEvents[]): { kept: T; copies: T[] }[] {
  if (files.length < 2) return [];
  const linesOf = new Map(files.map((f) => [f.file, f.summary.lines]));
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = alike(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const out: { kept: T; copies: T[] }[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((i) => i.file)).size < 2) continue;
    const kept = [...group].sort((a, b) => (linesOf.get(b.file) ?? 0) - (linesOf.get(a.file) ?? 0) || a.file - b.file)[0];
    out.push({ kept, copies: group.filter((i) => i.file !== kept.file) });
  }
  return out;
}

function baseName(path: string): string {
  return path.split(/[\\/:]/).pop() ?? path;
}

/** Each host's stack, where the hosts of a file read per host run different ones (a RutOS router beside an OpenWrt one). */
function stacksOf(hosts: Map<number, HostGuess>, back: ReturnType<typeof expandHostReadings>['back']): { hostByDevice?: Record<string, string> } {
  if (new Set([...hosts.values()].map((h) => h.label)).size <= 1) return {};
  return { hostByDevice: Object.fromEntries([...hosts].map(([file, h]) => [back.get(file)?.host ?? '', h.label])) };
}

/** Each file's stack, where files read together come from different ones. */
function stacksOfFiles(hosts: Map<number, HostGuess>, read: readonly FileEvents[]): { hostByFile?: Record<string, string> } {
  if (new Set([...hosts.values()].map((h) => h.label)).size <= 1) return {};
  return { hostByFile: Object.fromEntries([...hosts].map(([file, h]) => [read.find((r) => r.file === file)?.summary.path ?? String(file), h.label])) };
}

/** A stuck or failed update is itself a problem the person must see next to the line-level ones. */
function episodeFindings(episode: Episode, events: readonly LogEvent[], findings: readonly Finding[]): Finding[] {
  const code = verdictFinding(episode);
  if (!code || findings.some((f) => f.code === code && f.file === episode.file && f.line >= episode.startLine && f.line <= episode.endLine)) return [];
  // Only stories whose verdict raises a finding get here: one pass over the events, lines by set.
  const lines = new Set(episode.evidence);
  const evidence = events.filter((e) => e.file === episode.file && lines.has(e.line));
  if (evidence.length === 0) return [];
  const f = toFinding(code, episode.severity, episode.summary, evidence);
  return [f];
}

function definedOnly(o: AnalyzeOptions): Partial<DetectOptions> {
  const out: Partial<DetectOptions> = {};
  for (const k of Object.keys(DEFAULT_DETECT_OPTIONS) as (keyof DetectOptions)[]) {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
}
