import { lineLabel } from './lineLabel';
import { SOURCES } from '../catalogue/sources';
import { FINDING_TITLES } from '../findings/findingText';
import type { Analysis, Episode } from '../model';
import { formatClock, formatTime } from '../records/timeWords';
import { escapeMarkdown, fencedBlock } from './markdown';
import { adviceStackSentence, count, fileName, findingsBesideEpisodes, listFindings, noEpisodeStatement, readabilityLines, reportTitle, stepsNeedDates, stepTime, storiesForReport, storyHeading, type ReportQuestion } from './reportContent';

export interface MarkdownOptions extends ReportQuestion {
  /** The text of a line (1-based) of a file, to quote evidence. */
  lineText?: (file: number, line: number) => string | undefined;
  /** Renders a line reference, e.g. as a link that reveals it; defaults to `line N`. */
  lineLink?: (file: number, line: number) => string;
}

/** The diagnosis as Markdown: the verdict, the story, the evidence quoted, what to do, the rest. */
export function toMarkdownReport(a: Analysis, options: MarkdownOptions = {}): string {
  const link = options.lineLink ?? ((f: number, line: number) => escapeMarkdown(lineLabel(a.files[f], line)));
  const out: string[] = [];
  const names = a.files.map((f) => escapeMarkdown(fileName(f.path)));
  out.push(`# ${reportTitle(options)}: ${names.join(', ')}`, '');
  out.push(...readabilityLines(a).map((l) => `_${escapeMarkdown(l)}_`), '');
  if (a.episodes.length === 0) {
    const none = noEpisodeStatement(a);
    out.push(`**${none.headline}**: ${escapeMarkdown(none.detail)}`, '');
  }
  const { stories, noUpdate } = storiesForReport(a, options);
  if (noUpdate) out.push(noUpdate, '');
  else if (stories.length > 1) out.push(`This log tells **${stories.length} stories**, the one that matters most first.`, '');
  const stack = adviceStackSentence(a);
  if (stack && stories.length) out.push(`_${escapeMarkdown(stack)}_`, '');
  const cited = new Set<string>();
  for (const e of stories) episode(e, a, options, link, out, cited);
  const others = findingsBesideEpisodes(a);
  if (others.length) {
    out.push(a.episodes.length ? '## Also in this log' : '## Findings', '');
    const { listed, more } = listFindings(others);
    for (const f of listed) out.push(`- **${FINDING_TITLES[f.code]}** (${f.severity}, ${link(f.file, f.line)}${f.time !== undefined ? `, ${formatTime(f.time)}` : ''}): ${escapeMarkdown(f.message)}`);
    for (const m of more) out.push(`- ... and ${count(m.omitted)} more **${FINDING_TITLES[m.code]}** (\`${m.code}\`, ${count(m.total)} in all)`);
    out.push('');
  }
  if (cited.size) {
    out.push('## Sources', '');
    for (const s of [...cited].sort()) if (SOURCES[s]) out.push(`- [${s}] [${escapeMarkdown(SOURCES[s].title)}](${SOURCES[s].url})`);
    out.push('');
  }
  return out.join('\n');
}

function episode(e: Episode, a: Analysis, options: MarkdownOptions, link: (f: number, l: number) => string, out: string[], cited: Set<string>): void {
  out.push(`## ${escapeMarkdown(storyHeading(e))}`, '', `**Confidence: ${e.confidence}.** ${escapeMarkdown(e.why)}`, '', escapeMarkdown(e.summary), '', '### What happened', '');
  const dated = stepsNeedDates(a, e);
  for (const s of e.steps) {
    const when = s.time !== undefined ? `${stepTime(s.time, dated)} ` : '';
    const where = s.line !== undefined ? ` (${link(e.file, s.line)}${s.recordId !== undefined ? `, the poster's #${s.recordId}` : ''})` : '';
    out.push(`- ${when}${escapeMarkdown(s.text)}${where}`);
  }
  out.push('');
  const quoted = e.evidence.map((l) => options.lineText?.(e.file, l)).filter((t): t is string => t !== undefined);
  if (quoted.length) out.push('### Evidence', '', fencedBlock(quoted.length > 40 ? [...quoted.slice(0, 40), `... ${quoted.length - 40} more lines`] : quoted), '');
  if (e.unknowns.length) {
    out.push('### What this log cannot tell', '');
    for (const u of e.unknowns) out.push(`- ${u}`);
    out.push('');
  }
  if (e.advice.length) {
    out.push('### What to do', '');
    // Advice is our own text (with `commands`), not log text: it is not escaped.
    e.advice.forEach((adv, i) => out.push(`${i + 1}. ${adv}`));
    out.push('');
  }
  e.sources.forEach((s) => cited.add(s));
}
