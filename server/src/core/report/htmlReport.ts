import { SOURCES } from '../catalogue/sources';
import { FINDING_TITLES } from '../findings/findingText';
import type { Analysis, Episode, Severity } from '../model';
import { formatClock, formatTime } from '../records/timeWords';
import { escapeHtml, proseHtml } from './html';
import { adviceStackSentence, count, fileName, findingsBesideEpisodes, listFindings, noEpisodeStatement, readabilityLines, reportTitle, stepsNeedDates, stepTime, storiesForReport, type ReportQuestion } from './reportContent';

export interface HtmlOptions extends ReportQuestion {
  lineText?: (file: number, line: number) => string | undefined;
}

const lineLink = (file: number, line: number): string =>
  `<a href="#" class="line" data-file="${file}" data-line="${line}" title="Reveal line ${line}">line ${line}</a>`;

const SEVERITY_CLASS: Record<Severity, string> = { error: 'sev-error', warning: 'sev-warning', info: 'sev-info', hint: 'sev-hint' };

/**
 * The report as the body of a webview: the same content as the Markdown report, with every line
 * reference a link (data-file, data-line) the page script turns into a reveal message. All text
 * from the log is escaped; there are no inline scripts or handlers.
 */
export function toHtmlReport(a: Analysis, options: HtmlOptions = {}): string {
  const out: string[] = [];
  const names = a.files.map((f) => escapeHtml(fileName(f.path)));
  out.push(`<header><h1>${reportTitle(options)}</h1><p class="files">${names.join(', ')}</p>`);
  out.push('<p class="actions"><button id="copy-markdown" type="button">Copy report as Markdown (redacted)</button></p></header>');
  out.push(`<p class="readability">${readabilityLines(a).map(escapeHtml).join('<br>')}</p>`);
  if (a.episodes.length === 0) {
    const none = noEpisodeStatement(a);
    // Told like a story: a heading and a sentence, in the case the rest of the report is in.
    const sentence = none.detail.charAt(0).toUpperCase() + none.detail.slice(1);
    out.push(`<section class="no-episode"><h2>${escapeHtml(none.headline)}</h2><p>${escapeHtml(sentence)}</p></section>`);
  }
  const { stories, noUpdate } = storiesForReport(a, options);
  if (noUpdate) out.push(`<p class="no-update">${escapeHtml(noUpdate)}</p>`);
  else if (stories.length > 1) out.push(`<p>This log tells <strong>${stories.length} stories</strong>, the one that matters most first.</p>`);
  const stack = adviceStackSentence(a);
  if (stack && stories.length) out.push(`<p class="host">${escapeHtml(stack)}</p>`);
  const cited = new Set<string>();
  for (const e of stories) episode(e, a, options, out, cited);
  const others = findingsBesideEpisodes(a);
  if (others.length) {
    out.push(`<section><h2>${a.episodes.length ? 'Also in this log' : 'Findings'}</h2><ul class="findings">`);
    const { listed, more } = listFindings(others);
    for (const f of listed) {
      out.push(`<li class="${SEVERITY_CLASS[f.severity]}"><strong>${escapeHtml(FINDING_TITLES[f.code])}</strong> <span class="meta">${f.severity}, ${lineLink(f.file, f.line)}${f.time !== undefined ? `, ${formatTime(f.time)}` : ''}</span><br>${escapeHtml(f.message)}</li>`);
    }
    for (const m of more) out.push(`<li class="more">... and ${count(m.omitted)} more <strong>${escapeHtml(FINDING_TITLES[m.code])}</strong> (${escapeHtml(m.code)}, ${count(m.total)} in all)</li>`);
    out.push('</ul></section>');
  }
  if (a.notices.length) {
    out.push('<section><h2>About the input</h2><ul>');
    for (const n of a.notices) out.push(`<li>${n.line !== undefined ? `${lineLink(n.file, n.line)}: ` : ''}${escapeHtml(n.message)}</li>`);
    out.push('</ul></section>');
  }
  if (cited.size) {
    out.push('<section><h2>Sources</h2><ul class="sources">');
    for (const s of [...cited].sort()) if (SOURCES[s]) out.push(`<li>[${escapeHtml(s)}] ${escapeHtml(SOURCES[s].title)}<br><span class="url">${escapeHtml(SOURCES[s].url)}</span></li>`);
    out.push('</ul></section>');
  }
  return out.join('\n');
}

function episode(e: Episode, a: Analysis, options: HtmlOptions, out: string[], cited: Set<string>): void {
  out.push(`<section class="episode severity-${escapeHtml(e.severity)}"><h2>${escapeHtml(e.title)}: <span class="verdict">${escapeHtml(e.verdictLabel)}</span></h2>`);
  out.push(`<p class="confidence"><strong>Confidence: ${escapeHtml(e.confidence)}.</strong> ${escapeHtml(e.why)}</p>`);
  out.push(`<p class="summary">${escapeHtml(e.summary)}</p>`);
  out.push('<h3>What happened</h3><ol class="steps">');
  const dated = stepsNeedDates(a, e);
  for (const s of e.steps) {
    const when = s.time !== undefined ? `<span class="time">${stepTime(s.time, dated)}</span> ` : '';
    out.push(`<li>${when}${escapeHtml(s.text)}${s.line !== undefined ? ` <span class="meta">(${lineLink(e.file, s.line)}${s.recordId !== undefined ? `, the poster's #${s.recordId}` : ''})</span>` : ''}</li>`);
  }
  out.push('</ol>');
  const quoted = e.evidence.map((l) => ({ l, text: options.lineText?.(e.file, l) })).filter((q): q is { l: number; text: string } => q.text !== undefined);
  if (quoted.length) {
    out.push('<h3>Evidence</h3><ul class="evidence">');
    for (const q of quoted.slice(0, 60)) out.push(`<li><a href="#" class="line evidence-line" data-file="${e.file}" data-line="${q.l}" title="Reveal line ${q.l}"><span class="lineno">${q.l}</span> <code>${escapeHtml(q.text)}</code></a></li>`);
    out.push('</ul>');
  }
  if (e.unknowns.length) {
    out.push('<h3>What this log cannot tell</h3><ul>');
    for (const u of e.unknowns) out.push(`<li>${proseHtml(u)}</li>`);
    out.push('</ul>');
  }
  if (e.advice.length) {
    out.push('<h3>What to do</h3><ol class="advice">');
    for (const adv of e.advice) out.push(`<li>${proseHtml(adv)}</li>`);
    out.push('</ol>');
  }
  out.push('</section>');
  e.sources.forEach((s) => cited.add(s));
}
