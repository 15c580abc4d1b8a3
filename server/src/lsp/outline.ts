import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { formatTime } from '../core/records/timeWords';
import type { DocumentResult } from './documentAnalysis';

const range = (from1: number, to1: number) => ({ start: { line: from1 - 1, character: 0 }, end: { line: Math.max(from1, to1) - 1, character: 0 } });

/** Outline and breadcrumbs: troubleshoot sections, boot segments and episodes. */
export function documentSymbols(result: DocumentResult): DocumentSymbol[] {
  const { sections, segmentStarts, endLine } = result.file;
  const symbols: DocumentSymbol[] = [];
  sections.forEach((s, i) => {
    const end = (sections[i + 1]?.line ?? endLine + 1) - 1;
    symbols.push({ name: `[${s.name}]`, kind: SymbolKind.Namespace, range: range(s.line, end), selectionRange: range(s.line, s.line) });
  });
  // Boots are blocks of the file in the order they happened; a file read in reverse holds them
  // the other way up, and a block's first line is then not where its boot starts: none is named.
  if (segmentStarts.length && !result.file.readOrder) {
    const starts = [{ line: 1, time: result.analysis.files[0].firstTime }, ...segmentStarts];
    starts.forEach((s, i) => {
      const end = (starts[i + 1]?.line ?? endLine + 1) - 1;
      const when = s.time !== undefined ? ` (${formatTime(s.time)})` : '';
      symbols.push({ name: `Boot ${i + 1}${when}`, kind: SymbolKind.Module, range: range(s.line, end), selectionRange: range(s.line, s.line) });
    });
  }
  for (const e of result.analysis.episodes) {
    const children: DocumentSymbol[] = e.steps.filter((st) => st.line !== undefined && st.line <= e.endLine && st.line >= e.startLine).map((st) => ({
      name: st.text.length > 80 ? st.text.slice(0, 79) + '…' : st.text, kind: SymbolKind.Event, range: range(st.line!, st.line!), selectionRange: range(st.line!, st.line!),
    }));
    symbols.push({ name: `${e.title}: ${e.verdictLabel}`, kind: SymbolKind.Event, range: range(e.startLine, e.endLine), selectionRange: range(e.startLine, e.startLine), children });
  }
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
}

/**
 * Folding ranges sent when the client names no limit: VS Code's own default for
 * `editor.foldingMaximumRegions`, which it sends as `rangeLimit` and folds no more than.
 */
export const FOLDING_RANGE_LIMIT = 5000;

/**
 * Folding for troubleshoot sections and for bursts that span several lines, at most `limit` (the
 * client's `rangeLimit`): a modem in a reconnect loop has tens of thousands of gaps, 691 KB of
 * ranges that VS Code asks for again after every append, and folds only the first 5,000 of.
 */
export function foldingRanges(result: DocumentResult, limit = FOLDING_RANGE_LIMIT): FoldingRange[] {
  const out: FoldingRange[] = [];
  const { sections, endLine } = result.file;
  sections.forEach((s, i) => {
    const end = (sections[i + 1]?.line ?? endLine + 1) - 1;
    if (end > s.line && out.length < limit) out.push({ startLine: s.line - 1, endLine: end - 1, kind: FoldingRangeKind.Region });
  });
  for (const f of result.findings) {
    if (out.length >= limit) break;
    if (f.count > 1 && f.endLine > f.line) out.push({ startLine: f.line - 1, endLine: f.endLine - 1 });
  }
  return out;
}
