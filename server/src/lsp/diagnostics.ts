import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingDocLine } from '../core/findings/findingDocs';
import { FINDING_TITLES } from '../core/findings/findingText';
import type { Finding, Severity } from '../core/model';
import { showControls } from '../core/report/controls';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
/** Related lines listed per diagnostic besides the last one. */
const MAX_RELATED = 4;

export interface DiagnosticOptions {
  minimumSeverity: Severity;
  /**
   * The page that explains finding codes (`docs/findings.md` in the extension); a code links to
   * its heading's line there (`#L12`, which VS Code opens at that line). Omitted when unknown.
   */
  codeBase?: string;
}

/** A line's range, or the start of the line when the text is not at hand (a file read from disk). */
export type LineRange = (line0: number) => { start: { line: number; character: number }; end: { line: number; character: number } };

export function lineRangeOf(doc: TextDocument | undefined): LineRange {
  return (line0) => {
    if (!doc) return { start: { line: line0, character: 0 }, end: { line: line0, character: 0 } };
    const text = doc.getText({ start: { line: line0, character: 0 }, end: { line: line0 + 1, character: 0 } });
    return { start: { line: line0, character: 0 }, end: { line: line0, character: text.replace(/\r?\n$/, '').length } };
  };
}

/**
 * One diagnostic per finding: a burst of forty lines is one problem on its first line, with the
 * other lines as related information rather than forty squiggles.
 */
export function toDiagnostics(uri: string, findings: readonly Finding[], range: LineRange, options: DiagnosticOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (RANK[f.severity] > RANK[options.minimumSeverity]) continue;
    const code = f.code === 'custom-rule' ? f.eventIds[0] ?? 'custom-rule' : f.code;
    const d: Diagnostic = {
      range: range(f.line - 1),
      severity: SEVERITY[f.severity],
      code,
      source: 'GSM Log Lens',
      // The Problems panel shows log text too: controls (bidirectional overrides) as escapes.
      message: showControls(f.message),
      data: { count: f.count, endLine: f.endLine },
    };
    const docLine = f.code !== 'custom-rule' ? findingDocLine(f.code) : undefined;
    if (options.codeBase && docLine !== undefined) d.codeDescription = { href: `${options.codeBase}#L${docLine}` };
    // A few related lines, then the last: enough to walk the burst without a hover that lists
    // forty of them before the explanation.
    const others = f.lines.filter((l) => l !== f.line);
    if (others.length) {
      const title = FINDING_TITLES[f.code];
      const shown = others.slice(0, MAX_RELATED);
      const related: DiagnosticRelatedInformation[] = shown.map((l, i) => ({
        location: { uri, range: range(l - 1) },
        message: `${title}: line ${i + 2} of ${f.count}`,
      }));
      const last = f.endLine > (shown[shown.length - 1] ?? f.line) ? f.endLine : undefined;
      if (last !== undefined) related.push({ location: { uri, range: range(last - 1) }, message: `${title}: last of ${f.count} lines${f.count - shown.length - 2 > 0 ? ` (${f.count - shown.length - 2} more between)` : ''}` });
      d.relatedInformation = related;
    }
    out.push(d);
  }
  return out;
}
