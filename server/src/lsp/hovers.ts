import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogueEntry } from '../core/catalogue/index';
import { SOURCES } from '../core/catalogue/sources';
import { describeEvent, fillTemplate } from '../core/events/describeEvent';
import { explainTokenAt } from '../core/explain/tokenExplanations';
import { FINDING_TITLES } from '../core/findings/findingText';
import { escapeMarkdown } from '../core/report/markdown';
import type { DocumentResult } from './documentAnalysis';

function sourceLinks(tags: readonly string[]): string {
  const links = [...new Set(tags)].filter((t) => SOURCES[t]).map((t) => `[${t}](${SOURCES[t].url})`);
  return links.length ? `_Sources: ${links.join(', ')}_` : '';
}

/** Which uptime a kernel stamp on a line maps to, using the boot segment the line belongs to. */
function uptimeMapper(result: DocumentResult, line1: number): (uptime: number) => number | undefined {
  const { segmentStarts, segmentOffsets, sections } = result.file;
  const inDmesg = [...sections].reverse().find((s) => s.line <= line1)?.name.toLowerCase() === 'dmesg';
  let segment = 0;
  for (const s of segmentStarts) if (s.line <= line1) segment = s.segment;
  if (inDmesg) segment = result.analysis.files[0].segments - 1;
  const offset = segmentOffsets.get(segment);
  return (uptime) => (offset === undefined ? undefined : Math.round((offset + uptime) * 1000));
}

/**
 * The hover on a log line: what the token under the cursor means, then what the whole line means
 * and what to do. Everything taken from the log is escaped; only our own text carries markup.
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
  const event = result.eventAt.get(line1);
  const entry = event && catalogueEntry(event.id);
  if (event && entry) {
    if (parts.length) parts.push('---');
    parts.push(`**${escapeMarkdown(describeEvent(event.id, event.fields, event.text))}**`);
    parts.push(escapeMarkdown(fillTemplate(entry.explanation, event.fields, event.text)));
    if (entry.nextSteps?.length) parts.push(`What to do:\n\n${entry.nextSteps.map((s) => `- ${s}`).join('\n')}`);
    parts.push(sourceLinks(entry.sources));
  }
  // The problems this line is evidence for, the narrowest first (a burst before the episode).
  const findings = result.findings
    .filter((f) => f.lines.includes(line1) || (line1 >= f.line && line1 <= f.endLine && f.count > 1 && f.code !== 'fw-update-stuck' && f.code !== 'fw-update-failed'))
    .sort((a, b) => a.endLine - a.line - (b.endLine - b.line))
    .slice(0, 3);
  if (event || token) {
    for (const f of findings) parts.push(`Part of: **${FINDING_TITLES[f.code]}** (${f.severity}${f.count > 1 ? `, ${f.count} lines` : ''}): ${escapeMarkdown(f.message)}`);
  }
  if (!parts.length) return null;
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: parts.filter(Boolean).join('\n\n') } };
  if (range) hover.range = range;
  return hover;
}
