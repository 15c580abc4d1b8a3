import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { FileAnalysis, finishAnalysis, type AnalyzeOptions } from '../core/analyze';
import type { FileEvents } from '../core/events/eventCollector';
import type { Analysis, Finding, LogEvent } from '../core/model';

/** One analysis of a document, with the lookups the editor features need. */
export interface DocumentResult {
  analysis: Analysis;
  file: FileEvents;
  /** Catalogued event by 1-based line. */
  eventAt: Map<number, LogEvent>;
  /** Findings (including custom rules), sorted by line. */
  findings: Finding[];
}

/**
 * Keeps a document's analysis current through the core's one front door (`FileAnalysis`), so the
 * editor reads a log exactly as the CLI does: same line bound, input notices and custom rules.
 * Lines are fed once: an edit that only touches text after the last complete line (appending, as
 * a growing log does) feeds just the new text; any other edit starts over, when a result is next
 * asked for (hovers meanwhile get the last result, see `latest`).
 */
export class DocumentAnalysis {
  private file!: FileAnalysis;
  /** Offset in the document text where the unfinished last line starts (all before it is fed). */
  private fedOffset = 0;
  private cached: DocumentResult | undefined;
  /** The result before an edit that is waiting to be read (see `update`). */
  private previous: DocumentResult | undefined;
  /** The document after an edit inside its text, not read yet. */
  private pendingDoc: TextDocument | undefined;
  private readonly uri: string;
  /** Whether the last update only added text after the lines already read. */
  lastUpdateWasAppend = true;

  constructor(doc: TextDocument, private readonly options: AnalyzeOptions) {
    this.uri = doc.uri;
    this.reset();
    this.feed(doc);
  }

  /** Takes the changes VS Code sent (already applied to `doc`); `offsetsBefore` are their start offsets before them. */
  update(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[], offsetsBefore: number[]): void {
    const appendOnly = !this.pendingDoc && changes.every((c, i) => 'range' in c && offsetsBefore[i] >= this.fedOffset);
    this.lastUpdateWasAppend = appendOnly;
    if (appendOnly) {
      this.file.splitter.dropPendingLine();
      this.feed(doc);
      return;
    }
    // An edit inside the text means reading it again from the start. Not now: typing sends an edit
    // per keystroke, and a 45 MB log takes most of a second. The document is read again when a
    // result is asked for (the debounced publish), and until then `latest()` answers with the last
    // result, so hovers never wait for it.
    if (this.cached) this.previous = this.cached;
    this.cached = undefined;
    this.pendingDoc = doc;
  }

  /** Whether an edit inside the text is waiting to be read. */
  get pending(): boolean {
    return this.pendingDoc !== undefined;
  }

  /** The newest result that is ready without reading anything: the last one while an edit waits. */
  latest(): DocumentResult | undefined {
    return this.cached ?? (this.pendingDoc ? this.previous : undefined);
  }

  result(_doc?: TextDocument): DocumentResult {
    if (this.pendingDoc) {
      const doc = this.pendingDoc;
      this.pendingDoc = undefined;
      this.reset();
      this.feed(doc);
    }
    if (this.cached) return this.cached;
    const file = this.file.snapshot();
    const analysis = finishAnalysis([file], this.options);
    const eventAt = new Map<number, LogEvent>();
    for (const e of analysis.events) eventAt.set(e.line, e);
    this.cached = { analysis, file, eventAt, findings: analysis.findings };
    return this.cached;
  }

  private reset(): void {
    this.file = new FileAnalysis(0, this.uri, this.options.referenceTime, this.options.fastLane, this.options.customRules);
    this.fedOffset = 0;
  }

  private feed(doc: TextDocument): void {
    this.cached = undefined;
    const text = doc.getText();
    // The unfinished last line is pushed too: the splitter holds it until its LF arrives, and a
    // snapshot reads it, so a file without a trailing newline loses nothing.
    this.file.splitter.pushText(this.fedOffset === 0 ? text : text.slice(this.fedOffset));
    // A line ends at LF, CRLF or a lone CR, as the splitter and the editor count lines.
    this.fedOffset = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  }
}
