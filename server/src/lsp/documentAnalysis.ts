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
 * a growing log does) feeds just the new text; any other edit starts over.
 */
export class DocumentAnalysis {
  private file!: FileAnalysis;
  /** Offset in the document text where the unfinished last line starts (all before it is fed). */
  private fedOffset = 0;
  private cached: DocumentResult | undefined;
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
    const appendOnly = changes.every((c, i) => 'range' in c && offsetsBefore[i] >= this.fedOffset);
    this.lastUpdateWasAppend = appendOnly;
    if (appendOnly) this.file.splitter.dropPendingLine();
    else this.reset();
    this.feed(doc);
  }

  result(_doc?: TextDocument): DocumentResult {
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
