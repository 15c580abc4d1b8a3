import { STORY_FINDING_CODES } from '../core/stories/registry';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogueEntry } from '../core/catalogue/index';
import { SOURCES } from '../core/catalogue/sources';
import { describeEvent, fillTemplate } from '../core/events/describeEvent';
import { explainTokenAt } from '../core/explain/tokenExplanations';
import { FINDING_TITLES } from '../core/findings/findingText';
import { escapeMarkdown } from '../core/report/markdown';
import type { Finding } from '../core/model';
import type { DocumentResult } from './documentAnalysis';

function sourceLinks(tags: readonly string[]): string {
  const links = [...new Set(tags)].filter((t) => SOURCES[t]).map((t) => `[${t}](${SOURCES[t].url})`);
  return links.length ? `_Sources: ${links.join(', ')}_` : '';
}

/** Which uptime a kernel stamp on a line maps to, using the boot segment the line belongs to. */
function uptimeMapper(result: DocumentResult, line1: number): (uptime: number) => number | undefined {
  const { segmentStarts, segmentOffsets, sections } = result.file;
  const inDmesg = [...sections].reverse().find((s) => s.line <= line1)?.name.toLowerCase() === 'dmesg';
  // The line's event knows its boot; else the boot starts before it in the file, which in a file
  // read in reverse lie the other way up (no wall time is then said).
  const event = result.eventAt(line1);
  if (!event && result.file.readOrder && segmentStarts.length) return () => undefined;
  let segment = 0;
  if (event) segment = event.segment;
  else for (const s of segmentStarts) if (s.line <= line1) segment = s.segment;
  if (inDmesg) segment = result.analysis.files[0].segments - 1;
  const offset = segmentOffsets.get(segment);
  return (uptime) => (offset === undefined ? undefined : Math.round((offset + uptime) * 1000));
}

/**
 * Whether a line is one of a finding's own lines. A burst keeps its first lines only
 * (`MAX_FINDING_LINES`); past them, a line of the same kind of event up to the burst's last line
 * belongs to it too. A line that merely falls between a finding's first and last line (netifd
 * between gsmd's write failures) does not.
 */
export function lineBelongsTo(f: Finding, line1: number, eventId: string | undefined): boolean {
  if (f.lines.includes(line1)) return true;
  const listedAll = f.lines.length >= f.count;
  const lastListed = f.lines[f.lines.length - 1] ?? f.line;
  return !listedAll && eventId !== undefined && f.eventIds.includes(eventId) && line1 > lastListed && line1 <= f.endLine;
}

/** One short line for a problem the hovered line belongs to: its title, severity and extent. */
function problemLine(f: Finding): string {
  const extent = f.count > 1 ? `, ${f.count} lines from line ${f.line}` : f.endLine > f.line ? `, lines ${f.line}-${f.endLine}` : '';
  const rule = f.code === 'custom-rule' ? `: ${escapeMarkdown(f.message)}` : '';
  return `- **${FINDING_TITLES[f.code] ?? f.code}**${rule} (${f.severity}${extent})`;
}

/**
 * The hover on a log line, the answer first: what the token under the cursor means, then what
 * the line's event means and what to do, then one short line per problem the line is one of the
 * lines of (the problem's full text is in the Problems panel and the diagnostic). Everything taken
 * from the log is escaped; only our own text carries markup.
 */
export function hoverAt(doc: TextDocument, result: DocumentResult, pos: Position): Hover | null {
  const lineText = doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const line1 = pos.line + 1;
  const parts: string[] = [];
  let range: Hover['range'];
  const token = explainTokenAt(lineText, pos.character, { uptimeToTime: uptimeMapper(result, line1) });
  if (token) {
    parts.push(`**${escapeMarkdown(token.title)}**\n\n${escapeMarkdown(token.text)}`, sourceLinks(token.sources));
    range = { start: { line: pos.line, character: token.start }, end: { line: pos.line, character: token.end } };
  }
  const event = result.eventAt(line1);
  const entry = event && catalogueEntry(event.id);
  if (event && entry) {
    if (parts.length) parts.push('---');
    parts.push(`**${escapeMarkdown(describeEvent(event.id, event.fields, event.text))}**`);
    parts.push(escapeMarkdown(fillTemplate(entry.explanation, event.fields, event.text)));
    if (entry.nextSteps?.length) parts.push(`What to do:\n\n${entry.nextSteps.map((s) => `- ${s}`).join('\n')}`);
    parts.push(sourceLinks(entry.sources));
  }
  // The problems this line is one of the lines of, the narrowest first (a burst before the story).
  const findings = result.findings
    .filter((f) => lineBelongsTo(f, line1, event?.id))
    .sort((a, b) => a.endLine - a.line - (b.endLine - b.line));
  if (findings.length) {
    if (parts.length) parts.push('---');
    parts.push(`Part of:\n\n${findings.map(problemLine).join('\n')}`);
  }
  if (!parts.length) return null;
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: parts.filter(Boolean).join('\n\n') } };
  if (range) hover.range = range;
  return hover;
}
