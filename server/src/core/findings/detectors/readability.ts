import type { FileSummary, Finding } from '../../model';

/** Below this share of content lines read as log records, a file is "mostly not understood". */
export const READABLE_SHARE = 0.5;
/** Files with fewer content lines than this are too short to judge. */
const MIN_CONTENT = 3;

/** Whether a file holds content that was mostly not understood. */
export function isMostlyUnread(f: FileSummary): boolean {
  return f.recognised.content >= MIN_CONTENT && f.recognised.share < READABLE_SHARE;
}

/** `98%`, or `12 of 80 lines` when it matters how few. */
export function recognisedText(f: FileSummary): string {
  const pct = Math.floor(f.recognised.share * 100);
  // "of the N with text": blank lines are not asked (a blind probe read "28 lines, 88% of 25 lines" as a contradiction).
  return `${pct}% of the ${f.recognised.content} with text read as log lines`;
}

/**
 * Never call an unreadable log healthy: a file whose content is mostly in a shape the format
 * registry does not know gets an `input-problem` finding on its first unread line, saying that
 * problems in those lines cannot be seen and that the verdict for the file is therefore unknown.
 */
export function detectUnreadFiles(files: readonly FileSummary[]): Finding[] {
  const out: Finding[] = [];
  files.forEach((f, file) => {
    if (!isMostlyUnread(f)) return;
    const line = f.recognised.firstUnread ?? 1;
    const { records, content } = f.recognised;
    out.push({
      code: 'input-problem', severity: 'info', file, line, endLine: line, count: 1, lines: [line], eventIds: [],
      message: `Only ${records} of ${content} lines (${Math.floor(f.recognised.share * 100)}%) were read as log lines; the rest, from line ${line}, is in a shape GSM Log Lens does not read (shell output, a tool's own format, or a log format it does not know). Problems told in those lines cannot be seen, so for this file "no problems found" would mean nothing: its verdict is unknown.`,
    });
  });
  return out;
}
