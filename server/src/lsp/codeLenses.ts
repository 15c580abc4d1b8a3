import { STORY_FINDING_CODES } from '../core/stories/registry';
import type { CodeLens } from 'vscode-languageserver';
import { FINDING_TITLES } from '../core/findings/findingText';
import { formatClock, formatDuration } from '../core/records/timeWords';
import { listFindings } from '../core/report/reportContent';
import { codeOf } from './diagnostics';
import type { DocumentResult } from './documentAnalysis';

export type CodeLensMode = 'episodes' | 'events' | 'off';

/**
 * Lenses that explain the log: one per episode, and in `events` mode one per group of events, for
 * the findings listed as problems (at most `perCode` of a code, 0 for all: diagnostics.ts).
 */
export function codeLensesFor(uri: string, result: DocumentResult, mode: CodeLensMode, perCode = 0): CodeLens[] {
  if (mode === 'off') return [];
  const lenses: CodeLens[] = [];
  const at = (line1: number) => ({ start: { line: line1 - 1, character: 0 }, end: { line: line1 - 1, character: 0 } });
  for (const e of result.analysis.episodes) {
    const since = e.startTime !== undefined ? ` since ${formatClock(e.startTime)}` : '';
    lenses.push({ range: at(e.startLine), command: { title: `${e.title}: ${e.verdictLabel}${since} · Diagnose`, command: 'gsmlens.diagnose', arguments: [uri] } });
    lenses.push({ range: at(e.startLine), command: { title: 'Show timeline', command: 'gsmlens.showTimeline', arguments: [uri] } });
  }
  if (mode === 'events') {
    const { listed } = listFindings(result.findings.filter((f) => !STORY_FINDING_CODES.has(f.code)), perCode > 0 ? perCode : Number.POSITIVE_INFINITY, codeOf);
    for (const f of listed) {
      const first = result.eventAt(f.line);
      const last = result.eventAt(f.endLine);
      const secs = first?.time !== undefined && last?.time !== undefined ? (last.time - first.time) / 1000 : undefined;
      const size = f.count > 1 ? ` ×${f.count}${secs !== undefined && secs >= 1 ? ` in ${formatDuration(secs)}` : ''}` : '';
      lenses.push({ range: at(f.line), command: { title: `${FINDING_TITLES[f.code]}${size}`, command: 'gsmlens.showExplanation', arguments: [uri, f.line - 1] } });
    }
  }
  return lenses;
}
