import { partOf } from './lineLabel';
import type { Analysis } from '../model';
import { formatTime, isTimeOnly } from '../records/timeWords';
import { listFindings } from './reportContent';

/** The time as written in the log, ISO 8601 without a zone (logs carry none). */
function isoLocal(t: number | undefined): string | null {
  return t === undefined ? null : new Date(t).toISOString().slice(0, 19);
}

/** A time-only log's times as `HH:MM:SS` (no date is invented); other times as ISO. */
function shown(t: number | undefined, timeOnly: boolean | undefined): string | null {
  // A log mixing time-only and dated lines keeps ISO for its dated times.
  return t === undefined ? null : timeOnly && isTimeOnly(t) ? formatTime(t) : isoLocal(t);
}

/** The CLI's `--json` document, schema version 1: stable for scripts, lines 1-based. */
export function toJsonReport(a: Analysis): object {
  const path = (i: number): string => a.files[i]?.path ?? '';
  // A rotated log read as one (FileSummary.parts): each line given in its own file, as a person opens it.
  const at = (i: number, line: number): { file: string; line: number } => {
    const part = partOf(a.files[i], line);
    return part ? { file: part.path, line: part.line } : { file: path(i), line };
  };
  const span = (i: number, line: number, endLine: number): { file: string; line: number; endLine: number; endFile?: string } => {
    const start = at(i, line);
    const end = at(i, endLine);
    return { ...start, endLine: end.line, ...(end.file !== start.file ? { endFile: end.file } : {}) };
  };
  // At most LISTED_PER_CODE findings of a code are listed; when some are left out, findingsTotal
  // and findingsOmitted (per code) keep the counts exact.
  const { listed, more } = listFindings(a.findings);
  return {
    schemaVersion: 1,
    files: a.files.map((f) => ({
      path: f.path, format: f.format, lines: f.lines, parsedLines: f.parsedLines,
      recognised: { records: f.recognised.records, content: f.recognised.content, share: Math.round(f.recognised.share * 1000) / 1000 },
      segments: f.segments, firstTime: shown(f.firstTime, f.timeOnly), lastTime: shown(f.lastTime, f.timeOnly),
      ...(f.yearAssumed !== undefined ? { yearAssumed: f.yearAssumed } : {}), ...(f.yearFromLine !== undefined ? { yearFromLine: f.yearFromLine } : {}), ...(f.yearFromDate !== undefined ? { yearFromDate: f.yearFromDate } : {}), ...(f.timeOnly ? { timeOnly: true } : {}), ...(f.timeZone !== undefined ? { timeZone: f.timeZone } : {}), ...(f.newestFirst || f.readReversed ? { newestFirst: true } : {}), ...(f.readReversed ? { readReversed: true } : {}), ...(f.dateOrders ? { dateOrders: f.dateOrders } : {}),
      // A rotated log read as one: its files, oldest first, and which of the log's lines are each one's.
      ...(f.parts ? { parts: f.parts } : {}),
    })),
    ...(more.length ? { findingsTotal: a.findings.length, findingsOmitted: more.map((m) => ({ code: m.code, omitted: m.omitted, total: m.total })) } : {}),
    findings: listed.map((f) => ({ code: f.code, severity: f.severity, message: f.message, ...span(f.file, f.line, f.endLine), count: f.count, time: isoLocal(f.time), ...(f.device !== undefined ? { device: f.device } : {}) })),
    episodes: a.episodes.map((e) => {
      const { file, line, endLine, ...endFile } = span(e.file, e.startLine, e.endLine);
      const parted = a.files[e.file]?.parts !== undefined;
      return {
        kind: e.kind, title: e.title, verdict: e.verdict, verdictLabel: e.verdictLabel, severity: e.severity, confidence: e.confidence, why: e.why, summary: e.summary, file, startLine: line, endLine, ...endFile, ...(e.device !== undefined ? { device: e.device } : {}),
        steps: e.steps.map((s) => ({ text: s.text, ...(s.line !== undefined && parted ? at(e.file, s.line) : { line: s.line ?? null }), time: isoLocal(s.time) })),
        evidence: e.evidence.map((l) => at(e.file, l).line),
        ...(parted ? { evidenceFiles: e.evidence.map((l) => at(e.file, l).file) } : {}),
        unknowns: e.unknowns, advice: e.advice, sources: e.sources,
      };
    }),
    ...(a.host ? { host: a.host } : {}),
    ...(a.hostByDevice ? { hostByDevice: a.hostByDevice } : {}),
    ...(a.hostByFile ? { hostByFile: a.hostByFile } : {}),
    ...(a.facts ? { facts: a.facts } : {}),
    notices: a.notices.map((n) => {
      const where = n.line !== undefined ? at(n.file, n.line) : undefined;
      return { file: where?.file ?? path(n.file), severity: n.severity, message: n.message, line: where?.line ?? null };
    }),
  };
}
