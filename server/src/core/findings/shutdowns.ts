import type { Finding, LogEvent } from '../model';
import { storyMarksOf } from '../catalogue/index';
import type { StoryMark } from '../stories/marks';
import { FINDING_DOCS } from './findingDocs';

/**
 * What a stop asked for takes down is its doing, not a trouble. From a line that shows the system
 * shutting down on purpose (a `shutdown` mark: procd's `- shutdown -`, the kernel's `reboot:
 * Restarting system`, logind's `System is rebooting`) to the next boot in its file, or the modem
 * disabled on request (a `stop-asked` mark: ModemManager's `state changed (connected -> disabling)`)
 * for the next STOP_SECONDS, a finding of a code such a stop takes down (findingDocs'
 * `goesWithShutdown`: the mobile interface going down, the data session ending, the modem's port
 * failing) is a note that says so. Blind probes: a router rebooted by its nightly schedule had been
 * told a data connection problem with APN advice; a modem disabled by `mmcli -d`, that the modem
 * could not connect. A trouble before the stop stays what it was.
 */
export function explainDeliberateStops(findings: Finding[], events: readonly LogEvent[]): void {
  const windows = stopWindows(findings, events);
  if (!windows.length) return;
  for (const f of findings) {
    if (!FINDING_DOCS[f.code].goesWithShutdown || f.severity === 'info') continue;
    const w = windows.find((x) => x.from.file === f.file && !(x.overOnly && f.stillOpen) && f.line > x.from.line && f.line < x.toLine && (x.seconds === undefined || (x.after ? f.line <= x.after.line || within(x.after, f, x.seconds) : within(x.from, f, x.seconds))));
    if (!w) continue;
    f.severity = 'info';
    f.message = `${f.message.replace(/\.$/, '')}, ${w.words} (line ${w.from.line}: "${w.from.text.trim()}")`;
  }
}

/**
 * The stops, by the mark of their first line: how long what follows is theirs (until the next boot;
 * `seconds` after it; or until a line of the `until` mark and `seconds` after that), and the words.
 */
const STOPS: readonly { mark: StoryMark; seconds?: number; until?: StoryMark; words: string; overOnly?: true }[] = [
  { mark: 'shutdown', words: 'while the system was shutting down' },
  { mark: 'stop-asked', seconds: 60, words: 'as the modem was being disabled on request' },
  // A machine's sleep cuts its USB devices' power on many machines: a modem that comes back as a
  // new device as the system wakes is that (a blind probe's laptop had a drop and hardware advice).
  // A modem that did not come back after it is a trouble all the same (fixture 014).
  { mark: 'sleep', until: 'wake', seconds: 30, words: 'as the system slept and woke', overOnly: true },
];

interface Window {
  from: LogEvent;
  /** The line of the next boot, Infinity when the log ends first. */
  toLine: number;
  /** How long after its first line (or after `after`) the window lasts, where it does not last until the next boot. */
  seconds?: number;
  /** The line that ends it (a wake), where one does. */
  after?: LogEvent;
  /** Only what was over by the log's end is its doing. */
  overOnly?: true;
  words: string;
}

/** Whether `f` is at most `seconds` after `from` (by their clocks; without clocks, by lines). */
function within(from: LogEvent, f: Finding, seconds: number): boolean {
  const apart = from.time !== undefined && f.time !== undefined ? (f.time - from.time) / 1000 : undefined;
  return apart !== undefined ? apart >= 0 && apart <= seconds : f.line - from.line <= STOP_LINES;
}
/** Without clocks, how many lines after a stop asked for are its doing. */
const STOP_LINES = 20;

/** Each stop's span: its first marked line up to the next boot (a `reboot` or `unexpected-reboot` finding) in its file. */
function stopWindows(findings: readonly Finding[], events: readonly LogEvent[]): Window[] {
  const boots = findings.filter((f) => f.code === 'reboot' || f.code === 'unexpected-reboot');
  const windows: Window[] = [];
  for (const e of events) {
    const marks = storyMarksOf(e);
    const stop = marks.length ? STOPS.find((s) => marks.includes(s.mark)) : undefined;
    if (!stop) continue;
    // A reboot's finding may begin before the stop (ping_reboot's `Rebooting router`, then procd's
    // shutdown, then the kernel's boot): the boot is its first line after the stop.
    let toLine = Infinity;
    for (const b of boots) {
      if (b.file !== e.file || b.endLine <= e.line) continue;
      const after = b.lines.find((l) => l > e.line);
      if (after !== undefined && after < toLine) toLine = after;
    }
    // The first line of a shutdown opens it; its later lines (the kernel's last) are inside it.
    if (windows.some((w) => w.from.file === e.file && w.seconds === undefined && e.line > w.from.line && e.line < w.toLine)) continue;
    if (stop.until) {
      // Until the line that ends it (the wake), and `seconds` after that: counted from that line.
      const end = events.find((x) => x.file === e.file && x.line > e.line && storyMarksOf(x).includes(stop.until!));
      if (!end) continue;
      windows.push({ from: e, toLine, seconds: stop.seconds ?? 0, after: end, words: stop.words, ...(stop.overOnly ? { overOnly: true } : {}) });
      continue;
    }
    windows.push({ from: e, toLine, ...(stop.seconds !== undefined ? { seconds: stop.seconds } : {}), words: stop.words });
  }
  return windows;
}
