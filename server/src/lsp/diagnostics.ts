import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingDocLine } from '../core/findings/findingDocs';
import { FINDING_TITLES } from '../core/findings/findingText';
import type { Finding, Severity } from '../core/model';
import { count } from '../core/countText';
import { showControls } from '../core/report/controls';
import { listFindings, type ListedFindings } from '../core/report/reportContent';

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
  /**
   * At most this many problems of one code (0: all). A modem in a reconnect loop gave 19,399
   * problems, 17.5 MB of JSON sent again on every append of a log being written; the report
   * already lists 50 of a code and counts the rest (reportContent.ts LISTED_PER_CODE).
   */
  perCode?: number;
}

/** The problems of one code listed per document unless the setting says otherwise. */
export const PROBLEMS_PER_CODE = 200;

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
  const severe = findings.filter((f) => RANK[f.severity] <= RANK[options.minimumSeverity]);
  const perCode = options.perCode ?? PROBLEMS_PER_CODE;
  // As the reports list findings (reportContent.ts), by the code the problem shows.
  const { listed, more } = listFindings(severe, perCode > 0 ? perCode : Number.POSITIVE_INFINITY, codeOf);
  for (const f of listed) {
    const code = codeOf(f);
    const d: Diagnostic = {
      range: range(f.line - 1),
      severity: SEVERITY[f.severity],
      code,
      source: 'GSM Log Lens',
      // The Problems panel shows log text too: controls (bidirectional overrides) as escapes.
      message: showControls(f.message),
      data: { count: f.count, endLine: f.endLine },
    };
    linkCode(d, f, options);
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
  // One problem, on the first line left out, stands for the rest of its code.
  for (const m of more) out.push(linkCode(leftOutDiagnostic(m, perCode, range), m.first, options));
  return out;
}

/** The code links to its explanation in the findings page. */
function linkCode(d: Diagnostic, f: Finding, options: DiagnosticOptions): Diagnostic {
  const docLine = f.code !== 'custom-rule' ? findingDocLine(f.code) : undefined;
  if (options.codeBase && docLine !== undefined) d.codeDescription = { href: `${options.codeBase}#L${docLine}` };
  return d;
}

/** The code a finding's problem shows: a custom rule's own, or the finding's. */
export function codeOf(f: Finding): string {
  return f.code === 'custom-rule' ? f.eventIds[0] ?? 'custom-rule' : f.code;
}

/** The problem that counts the findings of a code left out (`m`: listFindings' count of them). */
function leftOutDiagnostic(m: ListedFindings['more'][number], perCode: number, range: LineRange): Diagnostic {
  const first = m.first;
  const title = first.code === 'custom-rule' ? m.key : FINDING_TITLES[first.code];
  // Findings come in line order: the last left out stands on the last line.
  const where = m.omitted === 1 ? `on line ${first.line}` : `from line ${first.line} to line ${m.last.line}`;
  return {
    range: range(first.line - 1),
    severity: SEVERITY[first.severity],
    code: m.key,
    source: 'GSM Log Lens',
    message: showControls(`${count(m.omitted)} more ${m.omitted === 1 ? 'problem' : 'problems'} of this code (${title}) ${where} ${m.omitted === 1 ? 'is' : 'are'} not listed: the Problems panel gets the first ${perCode} of each code (setting gsmlens.maxProblemsPerCode). Hovers explain every line, and the report counts them all.`),
    data: { count: m.omitted, endLine: m.last.line, leftOut: true },
  };
}
