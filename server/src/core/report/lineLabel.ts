import type { FileSummary } from '../model';
import { fileName } from './reportContent';

// A rotated log read as one (input/logSet.ts, FileSummary.parts) numbers its lines on across its
// files; a person looks a line up in its own file. These name a line so: `syslog.1:36`.

/** The file of a rotated log read as one that holds `line`, and the line's number in that file. */
export function partOf(summary: FileSummary | undefined, line: number): { path: string; line: number } | undefined {
  const part = summary?.parts?.find((p) => line >= p.firstLine && line <= p.lastLine);
  return part ? { path: part.path, line: line - part.firstLine + 1 } : undefined;
}

/** `line 79`, or in a rotated log read as one, the file and its line there: `syslog.1:36`. */
export function lineLabel(summary: FileSummary | undefined, line: number): string {
  const part = partOf(summary, line);
  return part ? `${fileName(part.path)}:${part.line}` : `line ${line}`;
}

/** Lines `line` to `endLine` so named: `36-38`, `syslog.1:36-38`, or across files `syslog.1:43-syslog:2`. */
export function linesLabel(summary: FileSummary | undefined, line: number, endLine: number): string {
  if (endLine <= line) return lineLabel(summary, line).replace(/^line /, '');
  const a = partOf(summary, line);
  const b = partOf(summary, endLine);
  if (!a || !b) return `${line}-${endLine}`;
  return a.path === b.path ? `${fileName(a.path)}:${a.line}-${b.line}` : `${fileName(a.path)}:${a.line}-${fileName(b.path)}:${b.line}`;
}

/** What a rotated log read as one is made of, for a report's header: `syslog.2.gz (lines 1-43), syslog.1 (44-86), syslog (87-118)`. */
export function partsText(summary: FileSummary): string | undefined {
  if (!summary.parts?.length) return undefined;
  return summary.parts.map((p, i) => `${fileName(p.path)} (${i === 0 ? 'lines ' : ''}${p.firstLine}-${p.lastLine})`).join(', ');
}
