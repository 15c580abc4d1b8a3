import type { Finding, LogEvent } from '../../model';
import type { FileEvents } from '../../events/eventCollector';
import { formatTime } from '../../records/timeWords';
import { describeEvent } from '../../events/describeEvent';
import { findingOf, secondsBetween } from '../eventTime';
import { toFinding } from './findingBuilder';
import { LineIndex } from '../../events/lineIndex';

/** Reboot lines this close together describe the same restart. */
const SAME_REBOOT_SECONDS = 300;

/** `reboot` for clean restarts, `unexpected-reboot` for power loss and watchdog resets. */
export function detectReboots(file: FileEvents, events: readonly LogEvent[]): Finding[] {
  // One pass sorts this file's reboot lines by code (each event's finding looked up once).
  const byCode = { 'unexpected-reboot': [] as LogEvent[], reboot: [] as LogEvent[] };
  for (const e of events) {
    if (e.file !== file.file) continue;
    const code = findingOf(e);
    if (code === 'unexpected-reboot' || code === 'reboot') byCode[code].push(e);
  }
  const findings: Finding[] = [];
  for (const code of ['unexpected-reboot', 'reboot'] as const) {
    const groups: LogEvent[][] = [];
    for (const e of byCode[code]) {
      const g = groups[groups.length - 1];
      const gap = g ? secondsBetween(g[g.length - 1], e) : undefined;
      if (g && (gap !== undefined ? gap <= SAME_REBOOT_SECONDS : e.line - g[g.length - 1].line < 50)) g.push(e);
      else groups.push([e]);
    }
    for (const g of groups) {
      const summary = g.map((e) => describeEvent(e.id, e.fields, e.text)).filter((s, i, a) => a.indexOf(s) === i).join('; ');
      findings.push(toFinding(code, code === 'reboot' ? 'info' : 'warning', summary, g));
    }
  }
  // A kernel uptime that starts again is a boot even when no reboot line survived. Nearness is
  // looked up in an index of the reboot lines, and against the last boot added (they come in
  // line order): a log of a million uptime resets is not a million scans of the findings.
  const rebootLines = new LineIndex(findings.slice());
  let lastAdded = -Infinity;
  // Read newest first, the uptime falls at every kernel line: that is the order, not a boot.
  for (const s of file.summary.newestFirst ? [] : file.segmentStarts) {
    // Reboot lines less than 200 lines away: s.line - 199 .. s.line + 199.
    if (s.line - lastAdded < 200 || rebootLines.countAfter(s.line - 200) > rebootLines.countAfter(s.line + 199)) continue;
    lastAdded = s.line;
    const when = s.time !== undefined ? ` (${formatTime(s.time)})` : '';
    findings.push({
      code: 'reboot', severity: 'info', file: file.file, line: s.line, endLine: s.line, count: 1, lines: [s.line], eventIds: [],
      message: `Kernel uptime starts again here${when}: the system booted.`,
      ...(s.time !== undefined ? { time: s.time } : {}),
    });
  }
  return findings;
}

