import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { finishAnalysis, type AnalyzeOptions } from '../core/analyze';
import { EventCollector, type FileEvents } from '../core/events/eventCollector';
import { matchCustomRules, type CompiledRule } from '../core/findings/customRules';
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
 * Keeps a document's analysis current. Lines are fed to the core once: an edit that only touches
 * text after the last complete line (appending, as a growing log does) feeds just the new lines;
 * any other edit starts over.
 */
export class DocumentAnalysis {
  private collector!: EventCollector;
  /** Offset in the document text where the first line not yet fed starts. */
  private fedOffset = 0;
  private fedLines = 0;
  private customFindings: Finding[] = [];
  private cached: DocumentResult | undefined;
  private readonly uri: string;
  /** Whether the last update only added text after the lines already read. */
  lastUpdateWasAppend = true;

  constructor(doc: TextDocument, private readonly options: AnalyzeOptions, private readonly rules: readonly CompiledRule[]) {
    this.uri = doc.uri;
    this.reset();
    this.feed(doc);
  }

  /** Takes the changes VS Code sent (already applied to `doc`); `before` is the text's length before them. */
  update(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[], offsetsBefore: number[]): void {
    const appendOnly = changes.every((c, i) => 'range' in c && offsetsBefore[i] >= this.fedOffset);
    this.lastUpdateWasAppend = appendOnly;
    if (!appendOnly) this.reset();
    this.feed(doc);
  }

  result(doc: TextDocument): DocumentResult {
    if (this.cached) return this.cached;
    const text = doc.getText();
    const tail = text.length > this.fedOffset ? [{ text: stripCr(text.slice(this.fedOffset)), line: this.fedLines + 1 }] : [];
    const file = this.collector.snapshot(tail);
    const analysis = finishAnalysis([file], this.options);
    const custom = [...this.customFindings, ...tail.flatMap((t) => matchCustomRules(this.rules, t.text, t.line))];
    const findings = custom.length ? [...analysis.findings, ...custom].sort((a, b) => a.line - b.line) : analysis.findings;
    const eventAt = new Map<number, LogEvent>();
    for (const e of analysis.events) eventAt.set(e.line, e);
    this.cached = { analysis, file, eventAt, findings };
    return this.cached;
  }

  private reset(): void {
    this.collector = new EventCollector(0, this.uri, this.options.referenceTime !== undefined ? { referenceTime: this.options.referenceTime } : {});
    this.fedOffset = 0;
    this.fedLines = 0;
    this.customFindings = [];
  }

  private feed(doc: TextDocument): void {
    this.cached = undefined;
    const text = doc.getText();
    let start = this.fedOffset;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const line = stripCr(text.slice(start, nl));
      const lineNo = ++this.fedLines;
      this.collector.addLine(line, lineNo);
      if (this.rules.length) this.customFindings.push(...matchCustomRules(this.rules, line, lineNo));
      start = nl + 1;
    }
    this.fedOffset = start;
  }
}

function stripCr(s: string): string {
  return s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s;
}
