import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { UsbFindingMemo } from '../core/findings/usbFindingMemo';
import { FileAnalysis, finishAnalysis, finishAnalysisSteps, onlyHosts, readAgainSteps, type AnalyzeOptions } from '../core/analyze';
import { runSteps, type Steps } from '../core/steps';
import type { LineSplitter } from '../core/input/lineSplitter';
import { fileEventsInFile } from '../core/oldestFirst';
import { HeldLines, onlyRepeats, readAgainReasons } from '../core/readAgain';
import { lineTimes, repeatedBlocks, type LineSource } from '../core/repeatedLines';
import type { FileEvents } from '../core/events/eventCollector';
import type { Analysis, Finding, LogEvent } from '../core/model';
import type { LogDocument } from './logDocument';
import { lineIndexOf } from '../core/events/lineIndex';

/** One analysis of a document, with the lookups the editor features need. */
export interface DocumentResult {
  analysis: Analysis;
  file: FileEvents;
  /** The catalogued event on a 1-based line (the last in time order, as a map by line would keep). */
  eventAt(line: number): LogEvent | undefined;
  /** Findings (including custom rules), sorted by line. */
  findings: Finding[];
  /** The document this result read: its version and line ranges are the ones to publish with. */
  doc: LogDocument;
}

/**
 * How much text one turn of a re-read takes before it lets the server answer other messages:
 * a millisecond or two of work (about 300 log lines), so a hover waits little behind a re-read
 * (45 MB log, mid-document edit, three runs: hover p95 5.9-7.5 ms while it is read, the whole
 * re-read 837-868 ms; with 64 KiB slices p95 10-14 ms and 816-849 ms; with 256 KiB slices and
 * the text joined first p95 411 ms).
 */
export const READ_SLICE_CHARS = 32 * 1024;

/**
 * The slice of a document's first read, which no hover waits behind (there is no result yet to
 * answer with; other documents' requests wait at most a slice, a few milliseconds): larger, so
 * the read takes fewer turns of the event loop. The 45 MB log opened from its file, 15
 * alternated opens: 621 ms against 643 ms with the re-read's slices (medians; a noisy machine).
 */
export const FIRST_READ_SLICE_CHARS = 256 * 1024;

/** How far above a line the start of a record that spans it is looked for (a pretty-printed JSON object is tens of lines). */
const RECORD_LINES_LOOKBACK = 1000;

/** Lets the event loop run (pending LSP messages are read in its poll phase) before going on. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Keeps a document's analysis current through the core's one front door (`FileAnalysis`), so the
 * editor reads a log exactly as the CLI does: same line bound, input notices and custom rules.
 *
 * Lines are fed once. An edit that only adds text after the last complete line (a growing log)
 * feeds just the new text, at once. Any other edit means reading the document again; that read
 * runs in slices of READ_SLICE_CHARS, taken from the document's pieces, with turns of the event
 * loop between them (and so do the findings and stories after it), so a 45 MB log never holds up
 * hovers or other requests for long; a newer edit abandons a read that is under way. Until it is
 * done, `latest()` answers with the last result.
 */
export class DocumentAnalysis {
  private file: FileAnalysis;
  /** Offset in the analysed text where the unfinished last line starts (all before it is fed). */
  private fedOffset = 0;
  /** The document whose text `file` has read. */
  private fedDoc: LogDocument;
  private cached: DocumentResult | undefined;
  /** The result before an edit that is being (or waiting to be) read again. */
  private previous: DocumentResult | undefined;
  /** The newest document after an edit inside its text, not yet taken up by a read. */
  private pendingDoc: LogDocument | undefined;
  /** A read under way: its promise, and where its text's last complete line ends. */
  private reading: { done: Promise<void>; fedTarget: number } | undefined;
  /** Appended to while a read was under way: fed after it, from the read's `fedTarget`. */
  private tailDoc: LogDocument | undefined;
  private readonly uri: string;
  /** Whether the last update only added text after the lines already read. */
  lastUpdateWasAppend = true;
  /**
   * What the USB detectors made of the last result: an append to a modem's reconnect loop brings
   * USB lines every time, and only the devices' new history is worked out again (see the memo).
   */
  private readonly usbMemo = new UsbFindingMemo();

  constructor(doc: LogDocument, private readonly options: AnalyzeOptions) {
    this.uri = doc.uri;
    this.file = this.newFile();
    this.fedDoc = doc;
    // The first read is a re-read of an empty analysis: sliced like any other.
    this.pendingDoc = doc;
  }

  /** Takes the changes VS Code sent (already applied to `doc`); `offsetsBefore` are their start offsets before them. */
  update(doc: LogDocument, changes: readonly TextDocumentContentChangeEvent[], offsetsBefore: number[]): void {
    const after = (from: number): boolean => changes.every((c, i) => 'range' in c && offsetsBefore[i] >= from);
    if (this.pendingDoc) {
      // A read is still to start: it will take this newer document instead.
      this.lastUpdateWasAppend = false;
      this.pendingDoc = doc;
      return;
    }
    if (this.reading) {
      // Text added after what the read under way covers does not disturb it: fed when it ends.
      this.lastUpdateWasAppend = after(this.reading.fedTarget);
      if (this.lastUpdateWasAppend) this.tailDoc = doc;
      else {
        this.pendingDoc = doc;
        this.tailDoc = undefined;
      }
      return;
    }
    this.lastUpdateWasAppend = after(this.fedOffset);
    if (this.lastUpdateWasAppend) {
      this.feedTail(doc);
      return;
    }
    // An edit inside the text: typing sends one per keystroke, so it is read when a result is
    // next asked for (the debounced publish), and `latest()` answers hovers until then.
    if (this.cached) this.previous = this.cached;
    this.cached = undefined;
    this.pendingDoc = doc;
  }

  /** Whether an edit inside the text is waiting to be read or being read. */
  get pending(): boolean {
    return this.pendingDoc !== undefined || this.reading !== undefined;
  }

  /** The newest result that is ready without reading anything: the last one while an edit is read. */
  latest(): DocumentResult | undefined {
    return this.cached ?? (this.pending || this.finishRun ? this.previous : undefined);
  }

  private disposed = false;

  /**
   * The document was closed (or its settings changed and a new analysis replaces this one): a read
   * under way stops at its next slice and what this analysis holds is let go.
   */
  dispose(): void {
    this.disposed = true;
    this.pendingDoc = undefined;
    this.tailDoc = undefined;
    this.cached = undefined;
    this.previous = undefined;
    this.usbMemo.clear();
  }

  /** Findings and stories being made in steps after a read, for the file and document read (see `result`). */
  private finishRun: { file: FileAnalysis; doc: LogDocument; done: Promise<void> } | undefined;

  /** The result for the newest document, reading it (in slices) first if an edit is waiting. */
  async result(): Promise<DocumentResult> {
    let read = false;
    while (this.pendingDoc || this.reading) {
      this.reading ??= this.startReading();
      await this.reading.done;
      read = true;
    }
    if (this.disposed) {
      // Closed meanwhile: whoever waited gets an answer, and nothing is kept.
      const file = snapshotOf(this.file, this.fedDoc);
      return this.resultOf(file, finishAnalysis([file], this.options));
    }
    if (this.cached || (!read && !this.finishRun)) return this.resultNow();
    // After a read in slices, the findings and stories are made in steps too, with turns of the
    // event loop between them; every request that waited for the read waits for the one run.
    const run = this.finishRun;
    if (!run || run.file !== this.file || run.doc !== this.fedDoc) {
      const mine = { file: this.file, doc: this.fedDoc, done: Promise.resolve() };
      mine.done = this.finishInSteps(mine.file, mine.doc).finally(() => {
        if (this.finishRun === mine) this.finishRun = undefined;
      });
      this.finishRun = mine;
    }
    await this.finishRun!.done;
    return this.result();
  }

  /** Makes the result of what `file` read of `doc` in steps; kept only if nothing changed meanwhile. */
  private async finishInSteps(file: FileAnalysis, doc: LogDocument): Promise<void> {
    const options = this.options;
    const usbMemo = this.usbMemo;
    const steps = (function* (): Steps<{ snapshot: FileEvents; analysis: Analysis }> {
      const snapshot = yield* snapshotSteps(file, doc);
      return { snapshot, analysis: yield* finishAnalysisSteps([snapshot], options, { usbMemo }) };
    })();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        if (!this.cached && this.file === file && this.fedDoc === doc && !this.pending && !this.disposed) this.cached = this.resultOf(step.value.snapshot, step.value.analysis);
        return;
      }
      await nextTurn();
    }
  }

  private resultNow(): DocumentResult {
    if (this.cached) return this.cached;
    const file = snapshotOf(this.file, this.fedDoc);
    this.cached = this.resultOf(file, finishAnalysis([file], this.options, { usbMemo: this.usbMemo }));
    return this.cached;
  }

  private resultOf(file: FileEvents, analysis: Analysis): DocumentResult {
    this.previous = undefined;
    // Indexed on the first hover or code lens (lineIndexOf keeps it), not per result: a map of
    // 20,000 events by line was 3 ms of every append to a 45 MB log, which the next append threw
    // away unread.
    const eventAt = (line: number): LogEvent | undefined => {
      const index = lineIndexOf(analysis.events);
      const here = index.within(line, line);
      if (here.length > 0) return here[here.length - 1];
      // A line inside a record written over several (wrapped text, a JSON object, a journal entry's
      // fields) is the record's: the nearest event above whose lines reach it.
      let covering: LogEvent | undefined;
      for (const e of index.within(Math.max(1, line - RECORD_LINES_LOOKBACK), line - 1)) {
        if (e.endLine >= line && (!covering || e.line >= covering.line)) covering = e;
      }
      return covering;
    };
    return { analysis, file: fileEventsInFile(file), eventAt, findings: analysis.findings, doc: this.fedDoc };
  }

  private startReading(): { done: Promise<void>; fedTarget: number } {
    const doc = this.pendingDoc!;
    this.pendingDoc = undefined;
    return this.reads(doc);
  }

  /** A read in slices of `doc` (readInSlices) up to its last line's start: what `reading` holds while it runs. */
  private reads(doc: LogDocument, from = 0, file = this.newFile()): { done: Promise<void>; fedTarget: number } {
    const fedTarget = doc.lastLineStart;
    const done = this.readInSlices(doc, fedTarget, from, file).finally(() => {
      this.reading = undefined;
    });
    return { done, fedTarget };
  }

  /**
   * Reads `doc` from `from` in slices into `file` (a new analysis for a re-read; the current one
   * for a big append), then makes them the analysis of `doc` up to `fedTarget`.
   */
  private async readInSlices(doc: LogDocument, fedTarget: number, from = 0, file = this.newFile()): Promise<void> {
    // Slices are read from the document's pieces: its text is never joined into one string.
    const size = doc.size;
    const slice = this.cached || this.previous || this.finishRun ? READ_SLICE_CHARS : FIRST_READ_SLICE_CHARS;
    for (let at = from; at < size; ) {
      const end = sliceEnd(doc, at, slice);
      pushRange(file.splitter, doc, at, end);
      at = end;
      if (at < size) {
        await nextTurn();
        // A newer edit inside the text: this read is out of date, the caller starts the next.
        if (this.pendingDoc || this.disposed) return;
      }
    }
    if (this.disposed) return;
    this.file = file;
    this.fedDoc = doc;
    this.fedOffset = fedTarget;
    this.cached = undefined;
    const tail = this.tailDoc;
    this.tailDoc = undefined;
    if (tail) this.feedTail(tail);
  }

  private newFile(): FileAnalysis {
    return new FileAnalysis(0, this.uri, this.options.referenceTime, this.options.fastLane, this.options.customRules);
  }

  /** Feeds the text after the last complete line read (an append). */
  private feedTail(doc: LogDocument): void {
    // The unfinished last line was pushed too (a snapshot reads it, so a file without a trailing
    // newline loses nothing); the splitter drops it and takes it again with what follows.
    this.file.splitter.dropPendingLine();
    if (doc.size - this.fedOffset > BIG_APPEND_CHARS) {
      // A big append (a paste of megabytes, a log that grew a lot) is read in slices like a
      // re-read, into the same analysis: hovers get the last result meanwhile.
      if (this.cached) this.previous = this.cached;
      this.cached = undefined;
      this.reading = this.reads(doc, this.fedOffset, this.file);
      return;
    }
    this.cached = undefined;
    this.previous = undefined;
    // Only the new text is read, from the pieces that hold it: never joined into one string.
    pushRange(this.file.splitter, doc, this.fedOffset, doc.size);
    this.fedOffset = doc.lastLineStart;
    this.fedDoc = doc;
  }
}

/**
 * Appends longer than this are read in slices with turns of the event loop between them, as a
 * re-read is; shorter ones (a growing log's lines) are read at once.
 */
export const BIG_APPEND_CHARS = 16 * READ_SLICE_CHARS;

/** Where a slice of `doc` from `at` ends: where a line starts when one is near, so lines (and CRLFs) are pushed whole. */
function sliceEnd(doc: LogDocument, at: number, slice: number): number {
  const size = doc.size;
  let end = Math.min(size, at + slice);
  if (end < size) {
    const next = doc.offsetAt({ line: doc.positionAt(end).line + 1, character: 0 });
    if (next - end <= slice) end = next;
  }
  return end;
}

/**
 * Pushes `doc`'s text from `from` to `to` into a line splitter, part by part as it lies in
 * the document's pieces: a part of a clean piece is read where it lies (faster than a sliced
 * string), any other part as its own text.
 */
function pushRange(splitter: LineSplitter, doc: LogDocument, from: number, to: number): void {
  doc.eachPart(from, to, (text, start, end, clean) => {
    if (clean) splitter.pushCleanRange(text, start, end);
    else splitter.pushText(start === 0 && end === text.length ? text : text.slice(start, end));
  });
}

/**
 * What `file` read of `doc` so far, in steps; a document whose first reading calls for a second
 * (listed newest first, dates in another order: core/readAgain.ts) is read again from the document's
 * text, every time (an export sorted so, or a copied table, is not a log that grows), with steps
 * between its slices and lines, as a re-read has turns of the event loop.
 */
function* snapshotSteps(file: FileAnalysis, doc: LogDocument): Steps<FileEvents> {
  const read = file.snapshot();
  const reasons = readAgainReasons(read);
  if (!reasons) return read;
  if (onlyHosts(reasons)) {
    // Hosts that take turns: the document is fed once more to a reading per host, held nowhere
    // (its appends then go to those readings: FileAnalysis.live).
    const hosts = file.startHostReadings(reasons.hosts);
    yield* pushInSlices(hosts, doc);
    return file.endHostReadings(read, hosts);
  }
  // A step back of the clock (a reboot, a clock set back) is a reason only to look for a copy of
  // earlier lines: looked for in the document's own lines, so a growing log with a reboot in it
  // is not split again at each append to find none.
  if (onlyRepeats(reasons)) {
    const lines = documentLines(doc);
    if (repeatedBlocks(lines, reasons.repeats, lineTimes(lines, file.referenceYear)).length === 0) return read;
  }
  const held = new HeldLines();
  yield* pushInSlices(held.splitter, doc, () => held.over);
  return yield* readAgainSteps(file, read, held);
}

/** The document's lines, a line at a time, without their ends. */
function documentLines(doc: LogDocument): LineSource {
  return { length: doc.lineCount, at: (i) => (i >= 0 && i < doc.lineCount ? doc.getText(doc.getLineRange(i)) : undefined) };
}

/** Pushes `doc`'s text into a line splitter a slice at a time, a step between slices, until `stop` says so. */
function* pushInSlices(splitter: LineSplitter, doc: LogDocument, stop = (): boolean => false): Steps<void> {
  for (let at = 0; at < doc.size && !stop(); ) {
    const end = sliceEnd(doc, at, READ_SLICE_CHARS);
    pushRange(splitter, doc, at, end);
    at = end;
    yield;
  }
}

function snapshotOf(file: FileAnalysis, doc: LogDocument): FileEvents {
  return runSteps(snapshotSteps(file, doc));
}
