import type { Finding, FindingCode, LogEvent, Severity } from '../../model';
import { findingOf, secondsBetween } from '../eventTime';
import { burstMessage } from '../findingText';
import type { DetectOptions } from '../options';
import { maxSeverity, toFinding } from './findingBuilder';

// Codes that the USB, EDL and episode detectors own; every other evidence code is grouped here.
const OWNED_ELSEWHERE = new Set<FindingCode>(['usb-disconnect', 'usb-gap', 'fw-update-started', 'modem-edl-mode', 'reboot', 'unexpected-reboot']);

/** Lines without a clock that are this close count as one burst. */
const UNTIMED_LINE_DISTANCE = 20;

/**
 * Groups the events that are evidence for the same finding and lie close together into one
 * finding: forty `errno 5` lines in six seconds are one problem, not forty.
 */
export function detectBursts(events: readonly LogEvent[], options: DetectOptions): Finding[] {
  const open = new Map<string, LogEvent[]>();
  const findings: Finding[] = [];
  const close = (code: FindingCode, group: LogEvent[]): void => {
    const seconds = secondsBetween(group[0], group[group.length - 1]);
    findings.push(toFinding(code, severityOf(code, group), burstMessage(code, group, seconds), group));
  };
  for (const e of events) {
    const code = findingOf(e);
    if (!code || OWNED_ELSEWHERE.has(code)) continue;
    const key = `${e.file}|${code}|${e.fields.usbPath ?? e.fields.iface ?? ''}`;
    const group = open.get(key);
    if (group && belongsTo(group[group.length - 1], e, options)) {
      group.push(e);
      continue;
    }
    if (group) close(code, group);
    open.set(key, [e]);
  }
  for (const [key, group] of open) close(key.split('|')[1] as FindingCode, group);
  return findings;
}

function belongsTo(last: LogEvent, e: LogEvent, options: DetectOptions): boolean {
  const gap = secondsBetween(last, e);
  if (gap !== undefined) return gap >= 0 && gap <= options.burstWindowSeconds;
  return e.line - last.endLine <= UNTIMED_LINE_DISTANCE;
}

/**
 * A burst is as serious as its worst line; mobile-data and interface downs stay informational
 * unless they are RutOS mobile interfaces, where they mean the router lost its mobile link.
 */
function severityOf(code: FindingCode, group: readonly LogEvent[]): Severity {
  const worst = maxSeverity(group.map((e) => e.severity));
  if (code === 'interface-down') return group.some((e) => /^mob\d+s\d+a\d+/.test(e.fields.iface ?? '')) ? 'warning' : 'info';
  return worst;
}
