import { SOURCES } from '../catalogue/sources';
import type { Analysis, Severity } from '../model';
import { FINDING_TITLES } from '../findings/findingText';
import { recognisedText } from '../findings/detectors/readability';
import { noEpisodeStatement } from './reportContent';
import { formatClock, formatTime } from '../records/timeWords';

export interface TextStyle {
  bold: (s: string) => string;
  severity: (sev: Severity, s: string) => string;
  dim: (s: string) => string;
}

export const PLAIN: TextStyle = { bold: (s) => s, severity: (_v, s) => s, dim: (s) => s };

const SEVERITY_LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARN ', info: 'INFO ', hint: 'HINT ' };

/** Log text is written by strangers: control characters (terminal escapes) never reach the terminal. */
export function safeText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

/** The human report the CLI prints: the episode story first, then each finding, then notices. */
export function toTextReport(a: Analysis, style: TextStyle = PLAIN, width = 100): string {
  const out: string[] = [];
  const multi = a.files.length > 1;
  for (const f of a.files) {
    const span = f.firstTime !== undefined && f.lastTime !== undefined ? `, ${formatTime(f.firstTime)} to ${formatTime(f.lastTime)}` : '';
    const boots = f.segments > 1 ? `, ${f.segments} boots` : '';
    const year = f.yearAssumed !== undefined ? `, year ${f.yearAssumed} assumed` : '';
    out.push(style.bold(`${safeText(f.path)}`) + style.dim(` (${f.format}, ${f.lines} lines, ${recognisedText(f)}${span}${year}${boots})`));
  }
  out.push('');
  if (a.episodes.length === 0) {
    const none = noEpisodeStatement(a);
    out.push(none.headline.startsWith('No ') ? style.bold('Modem firmware update: none in this log.') : style.bold(`${none.headline}: `) + wrap(safeText(none.detail), width - 2, '').trimStart());
    out.push('');
  }
  const cited = new Set<string>();
  for (const e of a.episodes) {
    const where = multi ? ` in ${safeText(a.files[e.file]?.path ?? '')}` : '';
    const verdictSeverity: Severity = e.verdict === 'succeeded' ? 'info' : e.verdict === 'unknown' ? 'warning' : 'error';
    out.push(style.bold(`Modem firmware update${where}: `) + style.severity(verdictSeverity, e.verdict.toUpperCase()) + style.dim(` (confidence ${e.confidence}: ${safeText(e.why)})`));
    out.push(wrap(safeText(e.summary), width - 2, '  '));
    out.push('');
    out.push(style.bold('  What happened'));
    for (const s of e.steps) {
      const at = s.time !== undefined ? formatClock(s.time) : '        ';
      const line = s.line !== undefined ? `line ${s.line}`.padEnd(10) : ''.padEnd(10);
      out.push(`    ${style.dim(at)}  ${style.dim(line)} ${safeText(s.text)}`);
    }
    if (e.unknowns.length) {
      out.push('');
      out.push(style.bold('  What this log cannot tell'));
      for (const u of e.unknowns) out.push(wrap(`- ${u}`, width - 6, '    '));
    }
    if (e.advice.length) {
      out.push('');
      out.push(style.bold('  What to do'));
      e.advice.forEach((adv, i) => out.push(wrap(`${i + 1}. ${adv}`, width - 6, '    ').replace(/^ {4}/, '    ')));
    }
    out.push('');
    e.sources.forEach((s) => cited.add(s));
  }
  const problems = a.findings.filter((f) => f.severity !== 'hint');
  out.push(style.bold(`Findings (${problems.length})`));
  if (problems.length === 0) out.push('  No modem, USB or network problems found.');
  else if (problems.every((f) => f.code === 'input-problem')) out.push('  No modem, USB or network problems found in the lines that were read; see below for the lines that were not.');
  for (const f of problems) {
    const lines = f.endLine > f.line ? `${f.line}-${f.endLine}` : `${f.line}`;
    const where = multi ? `${safeText(a.files[f.file]?.path ?? '')}:` : 'line ';
    out.push(`  ${style.severity(f.severity, SEVERITY_LABEL[f.severity])} ${style.dim(`${where}${lines}`.padEnd(14))} ${style.bold(FINDING_TITLES[f.code])} ${style.dim(`[${f.code}]`)}`);
    out.push(wrap(safeText(f.message), width - 8, '        '));
  }
  if (a.notices.length) {
    out.push('');
    out.push(style.bold('About the input'));
    for (const n of a.notices) out.push(wrap(`${multi ? safeText(a.files[n.file]?.path ?? '') + ': ' : ''}${n.line !== undefined ? `line ${n.line}: ` : ''}${safeText(n.message)}`, width - 4, '  '));
  }
  if (cited.size) {
    out.push('');
    out.push(style.bold('Sources'));
    for (const s of [...cited].sort()) {
      const src = SOURCES[s];
      if (src) out.push(style.dim(`  [${s}] ${src.url}`));
    }
  }
  return out.join('\n') + '\n';
}
