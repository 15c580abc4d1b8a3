import type { Finding, FindingCode, LogEvent, Severity } from '../../model';

/** Lines kept per finding for related information; the count says how many there were. */
export const MAX_FINDING_LINES = 50;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function maxSeverity(list: readonly Severity[]): Severity {
  let best: Severity = 'hint';
  for (const s of list) if (RANK[s] < RANK[best]) best = s;
  return best;
}

export function severityRank(s: Severity): number {
  return RANK[s];
}

/** A finding over a group of events, in file order. */
export function toFinding(code: FindingCode, severity: Severity, message: string, events: readonly LogEvent[]): Finding {
  const sorted = [...events].sort((a, b) => a.line - b.line);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const finding: Finding = {
    code,
    severity,
    message,
    file: first.file,
    line: first.line,
    endLine: Math.max(last.endLine, last.line),
    count: events.length,
    lines: sorted.slice(0, MAX_FINDING_LINES).map((e) => e.line),
    eventIds: [...new Set(events.map((e) => e.id))],
  };
  const timed = events.find((e) => e.time !== undefined);
  if (timed?.time !== undefined) finding.time = timed.time;
  return finding;
}
