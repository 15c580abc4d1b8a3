import type { Finding, FindingCode, LogEvent } from '../model';
import { storyMarksOf } from '../catalogue/index';
import type { StoryMark } from '../stories/marks';
import { FINDING_DOCS } from './findingDocs';
import { LineIndex } from '../events/lineIndex';
import { eventsByLine, type EventsByLine } from './eventTime';

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
  if (!windows.size) return;
  // The events on a finding's lines, for the stops that ask a field of them (built only then).
  const eventAt = STOPS.some((s) => s.sameField) ? eventsByLine(events) : undefined;
  for (const f of findings) {
    if (!FINDING_DOCS[f.code].goesWithShutdown || f.severity === 'info') continue;
    // The last few stops that opened before its line (a log of thousands of stops stays linear).
    const w = windows.get(f.file)?.lastBefore(f.line, WINDOWS_ASKED).find((x) => takes(x, f, eventAt));
    if (!w) continue;
    f.severity = 'info';
    f.message = `${f.message.replace(/\.$/, '')}, ${w.stop.words} (line ${w.line}: "${w.from.text.trim()}")`;
  }
}

/** Whether the finding is the stop's doing: of a code it takes down, within its span, and as its conditions say. */
function takes(w: Window, f: Finding, eventAt: EventsByLine | undefined): boolean {
  const { stop } = w;
  if ((stop.overOnly && f.stillOpen) || (stop.codes && !stop.codes.includes(f.code)) || f.line >= w.toLine) return false;
  if (stop.sameField && !sameValue(w.from, f, stop.sameField, eventAt)) return false;
  if (stop.seconds === undefined) return true;
  return w.after ? f.line <= w.after.line || within(w.after, f, stop.seconds) : within(w.from, f, stop.seconds);
}

/** Whether every line of the finding whose event names the field names the stop's value of it (and one does). */
function sameValue(stop: LogEvent, f: Finding, field: string, eventAt: EventsByLine | undefined): boolean {
  const want = stop.fields[field];
  if (want === undefined || !eventAt) return false;
  let named = false;
  for (const line of f.lines) {
    const value = eventAt.at(f.file, line)?.fields[field];
    if (value === undefined) continue;
    if (value !== want) return false;
    named = true;
  }
  return named;
}

/** How many of the stops opened before a finding's line are asked whether it is theirs (they nest: a disable inside a shutdown). */
const WINDOWS_ASKED = 4;

/**
 * The stops, by the mark of their first line: how long what follows is theirs (until the next boot;
 * `seconds` after it; or until a line of the `until` mark and `seconds` after that), and the words.
 */
interface Stop {
  mark: StoryMark;
  /** How long after its first line (or after its `until` line) what follows is its doing; without it, until the next boot. */
  seconds?: number;
  /** The mark of the line that ends it (a wake), where one does. */
  until?: StoryMark;
  words: string;
  /** Only what was over by the log's end is its doing. */
  overOnly?: true;
  /** Only findings of these codes are its doing. */
  codes?: readonly FindingCode[];
  /** Only findings whose lines name the same value of this field as its first line. */
  sameField?: string;
}

const STOPS: readonly Stop[] = [
  { mark: 'shutdown', words: 'while the system was shutting down' },
  { mark: 'stop-asked', seconds: 60, words: 'as the modem was being disabled on request' },
  // A USB driver unloaded (rmmod, modprobe -r): the modem's interface goes, the modem stays; what
  // goes down with the interface in the next minute is the unload's doing.
  { mark: 'driver-unloaded', seconds: 60, words: "as the modem's USB driver was unloaded (rmmod, modprobe -r, a package upgrade)" },
  // A machine's sleep cuts its USB devices' power on many machines: a modem that comes back as a
  // new device as the system wakes is that (a blind probe's laptop had a drop and hardware advice).
  // A modem that did not come back after it is a trouble all the same (fixture 014).
  { mark: 'sleep', until: 'wake', seconds: 30, words: 'as the system slept and woke', overOnly: true },
  // An OpenWrt protocol script tearing its interface down (`wan (1234): Stopping network wan`): the
  // ubus call it makes next fails as the interface goes (`Command failed: Permission denied`), for
  // the same interface, seconds later (three blind probes' `ifdown` had been told a connection that
  // could not be set up). Only that call: what took the interface down is told by its own lines.
  { mark: 'teardown', seconds: 5, words: "as the interface's protocol script tore it down", codes: ['data-session-failed'], sameField: 'iface' },
];

/** A stop's span in the log: its first line (and its line, for the line index), up to the next boot. */
interface Window {
  line: number;
  from: LogEvent;
  stop: Stop;
  /** The line of the next boot, Infinity when the log ends first. */
  toLine: number;
  /** The line that ends it (a wake), where its stop has one. */
  after?: LogEvent;
}

/** Whether `f` is at most `seconds` after `from` (by their clocks; without clocks, by lines). */
function within(from: LogEvent, f: Finding, seconds: number): boolean {
  const apart = from.time !== undefined && f.time !== undefined ? (f.time - from.time) / 1000 : undefined;
  return apart !== undefined ? apart >= 0 && apart <= seconds : f.line - from.line <= STOP_LINES;
}
/** Without clocks, how many lines after a stop asked for are its doing. */
const STOP_LINES = 20;

/** Each stop's span, by file: its first marked line up to the next boot (a `reboot` or `unexpected-reboot` finding) in its file. */
function stopWindows(findings: readonly Finding[], events: readonly LogEvent[]): Map<number, LineIndex<Window>> {
  // The lines of each file's boots: a reboot's finding may begin before the stop (ping_reboot's
  // `Rebooting router`, then procd's shutdown, then the kernel's boot): the boot is its first line after the stop.
  const boots = groupByFile(findings.filter((b) => b.code === 'reboot' || b.code === 'unexpected-reboot').flatMap((b) => b.lines.map((line) => ({ file: b.file, line }))));
  // The lines that end a stop (a wake), by their mark and file.
  const enders = new Map<StoryMark, Map<number, LineIndex<LogEvent>>>();
  for (const mark of new Set(STOPS.flatMap((s) => (s.until ? [s.until] : [])))) enders.set(mark, groupByFile(events.filter((e) => storyMarksOf(e).includes(mark))));
  const windows = new Map<number, Window[]>();
  // The shutdown each file is in, so its later lines (the kernel's last) open none of their own.
  const openShutdown = new Map<number, Window>();
  for (const e of events) {
    const marks = storyMarksOf(e);
    const stop = marks.length ? STOPS.find((s) => marks.includes(s.mark)) : undefined;
    if (!stop) continue;
    const toLine = boots.get(e.file)?.firstAfter(e.line)?.line ?? Infinity;
    const open = openShutdown.get(e.file);
    if (stop.seconds === undefined && !stop.until && open && e.line > open.line && e.line < open.toLine) continue;
    const w: Window = { line: e.line, from: e, stop, toLine };
    if (stop.until) {
      // Until the line that ends it (the wake), and `seconds` after that: counted from that line.
      w.after = enders.get(stop.until)?.get(e.file)?.firstAfter(e.line);
      if (!w.after) continue;
    } else if (stop.seconds === undefined) openShutdown.set(e.file, w);
    let list = windows.get(e.file);
    if (!list) windows.set(e.file, (list = []));
    list.push(w);
  }
  return new Map([...windows].map(([file, list]) => [file, new LineIndex(list)] as const));
}

/** Items by file, each file's in a line index. */
function groupByFile<T extends { file: number; line: number }>(items: readonly T[]): Map<number, LineIndex<T>> {
  const byFile = new Map<number, T[]>();
  for (const x of items) {
    let list = byFile.get(x.file);
    if (!list) byFile.set(x.file, (list = []));
    list.push(x);
  }
  return new Map([...byFile].map(([file, list]) => [file, new LineIndex(list)] as const));
}
