import type { Finding, LogEvent } from '../model';
import { catalogueEntry } from '../catalogue/index';
import { FINDING_DOCS } from './findingDocs';

/**
 * What an orderly shutdown takes down is its doing, not a trouble: from a line that shows the
 * system shutting down on purpose (a `shutdown` mark: procd's `- shutdown -`, the kernel's
 * `reboot: Restarting system`, logind's `System is rebooting`) to the next boot in the same file, a
 * finding of a code an orderly shutdown takes down (findingDocs' `goesWithShutdown`: the mobile
 * interface going down, the modem's port failing, the USB modem powered off) is a note that says
 * so. A blind probe's router rebooted by its nightly schedule had been told a data connection
 * problem with APN advice. A trouble before the shutdown stays what it was.
 */
export function explainShutdowns(findings: Finding[], events: readonly LogEvent[]): void {
  const windows = shutdownWindows(findings, events);
  if (!windows.length) return;
  for (const f of findings) {
    if (!FINDING_DOCS[f.code].goesWithShutdown || f.severity === 'info') continue;
    const w = windows.find((x) => x.file === f.file && f.line > x.from.line && f.line < x.to);
    if (!w) continue;
    f.severity = 'info';
    f.message = `${f.message.replace(/\.$/, '')}, while the system was shutting down (line ${w.from.line}: "${w.from.text.trim()}")`;
  }
}

interface Window {
  file: number;
  from: LogEvent;
  /** The line of the next boot, Infinity when the log ends first. */
  to: number;
}

/** Each shutdown's span: its first marked line up to the next boot (a `reboot` or `unexpected-reboot` finding) in its file. */
function shutdownWindows(findings: readonly Finding[], events: readonly LogEvent[]): Window[] {
  const boots = findings.filter((f) => f.code === 'reboot' || f.code === 'unexpected-reboot');
  const windows: Window[] = [];
  for (const e of events) {
    if (!catalogueEntry(e.id)?.story?.includes('shutdown')) continue;
    const to = boots.filter((b) => b.file === e.file && b.line > e.line).reduce((at, b) => Math.min(at, b.line), Infinity);
    // The first line of a shutdown opens it; its later lines (the kernel's last) are inside it.
    if (windows.some((w) => w.file === e.file && e.line > w.from.line && e.line < w.to)) continue;
    windows.push({ file: e.file, from: e, to });
  }
  return windows;
}
