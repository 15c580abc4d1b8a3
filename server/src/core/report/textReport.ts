import { lineLabel, linesLabel, partsText } from './lineLabel';
import { SOURCES } from '../catalogue/sources';
import { showControls } from './controls';
import type { Analysis, Severity } from '../model';
import { FINDING_TITLES } from '../findings/findingText';
import { recognisedText } from '../findings/detectors/readability';
import { adviceStackSentence, count, dayOf, listFindings, noEpisodeStatement, stepsNeedDates, storiesForReport } from './reportContent';
import { formatClock, formatTime } from '../records/timeWords';

export interface TextStyle {
  bold: (s: string) => string;
  severity: (sev: Severity, s: string) => string;
  dim: (s: string) => string;
}

export const PLAIN: TextStyle = { bold: (s) => s, severity: (_v, s) => s, dim: (s) => s };

const SEVERITY_LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARN ', info: 'INFO ', hint: 'HINT ' };

/**
 * Log text is written by strangers: control characters (terminal escapes, line breaks inside a
 * name, bidirectional overrides) never reach the terminal; they are shown as escapes.
 */
export function safeText(s: string): string {
  return showControls(s);
}

/**
 * Plain `text` filled into lines for a line that already holds `start` columns: the first piece
 * goes after them, later ones `hang` columns in; no line is wider than `width` unless one word is.
 */
function fill(text: string, start: number, width: number, hang: number): string[] {
  const pieces: string[] = [];
  let line = '';
  let room = width - start;
  if (room < 20) {
    // Too little room after a long lead (a long path): the text starts on the next line.
    pieces.push('');
    room = Math.max(width - hang, 20);
  }
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > room) {
      pieces.push(line);
      line = w;
      room = Math.max(width - hang, 20);
    } else line = line ? `${line} ${w}` : w;
  }
  pieces.push(line);
  return pieces;
}

/** `lead` (`start` columns wide, styled) then `text` filled to `width`, later lines `hang` columns in, each piece styled by `paint`. */
function hanging(lead: string, start: number, text: string, width: number, hang: number, paint: (s: string) => string = (s) => s): string {
  return fill(text, start, width, hang)
    .map((piece, i) => (i > 0 ? ' '.repeat(hang) + paint(piece) : piece ? lead + paint(piece) : lead.replace(/ +$/, '')))
    .join('\n');
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
    const span = f.firstTime !== undefined && f.lastTime !== undefined ? `, ${formatTime(f.firstTime)} to ${formatTime(f.lastTime)}${f.timeZone ? ` ${f.timeZone}` : ''}` : '';
    // Read newest first, every fall of the kernel uptime is its order, not a boot.
    const boots = f.segments > 1 && !f.newestFirst ? `, ${f.segments} boots` : '';
    const year = f.yearAssumed === undefined ? '' : f.yearFromLine !== undefined ? `, year ${f.yearAssumed} from ${lineLabel(f, f.yearFromLine)}'s Unix time` : f.yearFromDate !== undefined ? `, yearless dates in the year of ${lineLabel(f, f.yearFromDate)}'s date` : `, year ${f.yearAssumed} assumed`;
    const path = safeText(f.path);
    // A rotated log read as one: its files, oldest first, and the lines of each.
    const parts = partsText(f);
    const whole = parts ? `, one rotated log read oldest first: ${safeText(parts)}` : '';
    out.push(hanging(style.bold(path) + ' ', path.length + 1, `(${f.format}, ${f.lines} line${f.lines === 1 ? '' : 's'}${whole}, ${recognisedText(f)}${span}${year}${boots})`, width, 2, style.dim));
  }
  out.push('');
  if (a.episodes.length === 0) {
    const none = noEpisodeStatement(a);
    out.push(hanging(style.bold(`${none.headline}: `), none.headline.length + 2, safeText(none.detail), width, 2));
    out.push('');
  }
  const { stories, noUpdate } = storiesForReport(a);
  if (noUpdate) out.push(wrap(noUpdate, width, ''), '');
  else if (stories.length > 1) out.push(wrap(`This log tells ${stories.length} stories, the one that matters most first.`, width, ''), '');
  const stack = adviceStackSentence(a);
  if (stack && stories.length) out.push(style.dim(wrap(stack, width, '')), '');
  const cited = new Set<string>();
  for (const e of stories) {
    const where = multi ? ` in ${safeText(a.files[e.file]?.path ?? '')}` : '';
    const head = `${e.title}${where}: `;
    const verdict = e.verdictLabel.toUpperCase();
    out.push(hanging(style.bold(head) + style.severity(e.severity, verdict) + ' ', head.length + verdict.length + 1, `(confidence ${e.confidence}: ${safeText(e.why)})`, width, 2, style.dim));
    out.push(wrap(safeText(e.summary), width - 2, '  '));
    out.push('');
    out.push(style.bold('  What happened'));
    // A story over more than one day, or in a log over more than one day, puts each day's date
    // before its first step (the steps show the clock only): a multi-day log's hidden outage at
    // 03:02 was otherwise any day's (two blind probes: a four-day log, a three-day one whose one
    // drop was on its last day).
    const dated = stepsNeedDates(a, e);
    // A rotated log's lines in their own files (`syslog.1:36`) are wider than `line 36`: the story's column fits its widest.
    const labels = e.steps.map((s) => (s.line !== undefined ? safeText(lineLabel(a.files[e.file], s.line)) : ''));
    const column = Math.max(10, ...labels.map((l) => (l ? l.length + 1 : 0)));
    let day: string | undefined;
    for (let k = 0; k < e.steps.length; k++) {
      const s = e.steps[k];
      if (dated && s.time !== undefined && dayOf(s.time) !== day) {
        day = dayOf(s.time);
        if (day) out.push(`    ${style.dim(day)}`);
      }
      const at = s.time !== undefined ? formatClock(s.time) : '        ';
      // The poster's number beside the file's line, when the paste carried one.
      const line = labels[k].padEnd(column);
      const text = s.recordId !== undefined ? `[#${s.recordId}] ${s.text}` : s.text;
      out.push(hanging(`    ${style.dim(at)}  ${style.dim(line)} `, 15 + column, safeText(text), width, 15 + column));
    }
    if (e.unknowns.length) {
      out.push('');
      out.push(style.bold('  What this log cannot tell'));
      for (const u of e.unknowns) out.push(hanging('    - ', 6, u, width, 6));
    }
    if (e.advice.length) {
      out.push('');
      out.push(style.bold('  What to do'));
      e.advice.forEach((adv, i) => out.push(hanging(`    ${i + 1}. `, 7 + String(i + 1).length - 1, adv, width, 7 + String(i + 1).length - 1)));
    }
    out.push('');
    e.sources.forEach((s) => cited.add(s));
  }
  const problems = a.findings.filter((f) => f.severity !== 'hint');
  const { listed, more } = listFindings(problems);
  out.push(style.bold(`Findings (${count(problems.length)})`));
  if (problems.length === 0) out.push('  No modem, USB or network problems found.');
  else if (problems.every((f) => f.code === 'input-problem')) out.push('  No modem, USB or network problems found in the lines that were read; see below for the lines that were not.');
  for (const f of listed) {
    const lines = f.endLine > f.line ? `${f.line}-${f.endLine}` : `${f.line}`;
    const summary = a.files[f.file];
    const where = (summary?.parts ? safeText(linesLabel(summary, f.line, f.endLine)) : `${multi ? `${safeText(summary?.path ?? '')}:` : 'line '}${lines}`).padEnd(14);
    const title = FINDING_TITLES[f.code];
    const titled = fill(`${title} [${f.code}]`, 9 + where.length, width, 8);
    // The title in bold, its code dimmed, wherever the line breaks fall.
    const paint = (piece: string): string => piece.replace(/^(.*?)( ?\[[^\]]*\])?$/, (_m, t: string, c?: string) => (t ? style.bold(t) : '') + (c ? style.dim(c) : ''));
    out.push(`  ${style.severity(f.severity, SEVERITY_LABEL[f.severity])} ${style.dim(where)} ${titled.map((p, i) => (i ? ' '.repeat(8) : '') + paint(p)).join('\n')}`);
    out.push(wrap(safeText(f.message), width - 8, '        '));
  }
  for (const m of more) out.push(hanging('  ', 2, `... and ${count(m.omitted)} more "${FINDING_TITLES[m.code]}" [${m.code}] (${count(m.total)} in all; the first ${count(m.total - m.omitted)} are listed)`, width, 6, style.dim));
  if (a.notices.length) {
    out.push('');
    out.push(style.bold('About the input'));
    for (const n of a.notices) out.push(hanging('  ', 2, `${multi ? safeText(a.files[n.file]?.path ?? '') + ': ' : ''}${n.line !== undefined ? `${safeText(lineLabel(a.files[n.file], n.line))}: ` : ''}${safeText(n.message)}`, width, 4));
  }
  if (cited.size) {
    out.push('');
    out.push(style.bold('Sources'));
    for (const s of [...cited].sort()) {
      const src = SOURCES[s];
      // A page on the web by its address; the project's own knowledge base by what it says, its
      // file name alone read as RutOS-only on a laptop's report (a blind probe).
      if (src) out.push(/^https?:/.test(src.url) ? style.dim(`  [${s}] ${src.url}`) : style.dim(hanging(`  [${s}] `, s.length + 5, `${src.title} (${src.url})`, width, s.length + 5)));
    }
  }
  return out.join('\n') + '\n';
}
