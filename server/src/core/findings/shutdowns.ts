import type { Finding, FindingCode, LogEvent } from '../model';
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
  // By file, in the order they open: a finding asks the last few that opened before its line (a
  // log of thousands of stops, a reconnect loop's disables, stays linear).
  const byFile = new Map<number, Window[]>();
  for (const w of windows) {
    let list = byFile.get(w.from.file);
    if (!list) byFile.set(w.from.file, (list = []));
    list.push(w);
  }
  // The events on a finding's lines, for the stops that ask a field of them (built only then).
  const eventAt = windows.some((w) => w.sameField) ? new Map(events.map((e) => [`${e.file}|${e.line}`, e] as const)) : undefined;
  for (const f of findings) {
    if (!FINDING_DOCS[f.code].goesWithShutdown || f.severity === 'info') continue;
    const list = byFile.get(f.file);
    if (!list) continue;
    let w: Window | undefined;
    for (let k = lastBefore(list, f.line), n = 0; k >= 0 && n < WINDOWS_ASKED && !w; k--, n++) {
      const x = list[k];
      if (!(x.overOnly && f.stillOpen) && (!x.codes || x.codes.includes(f.code)) && (!x.sameField || sameValue(x.from, f, x.sameField, eventAt)) && f.line < x.toLine && (x.seconds === undefined || (x.after ? f.line <= x.after.line || within(x.after, f, x.seconds) : within(x.from, f, x.seconds)))) w = x;
    }
    if (!w) continue;
    f.severity = 'info';
    f.message = `${f.message.replace(/\.$/, '')}, ${w.words} (line ${w.from.line}: "${w.from.text.trim()}")`;
  }
}

/** Whether every line of the finding whose event names the field names the stop's value of it (and one does). */
function sameValue(stop: LogEvent, f: Finding, field: string, eventAt: ReadonlyMap<string, LogEvent> | undefined): boolean {
  const want = stop.fields[field];
  if (want === undefined || !eventAt) return false;
  let named = false;
  for (const line of f.lines) {
    const value = eventAt.get(`${f.file}|${line}`)?.fields[field];
    if (value === undefined) continue;
    if (value !== want) return false;
    named = true;
  }
  return named;
}

/** How many of the stops opened before a finding's line are asked whether it is theirs (they nest: a disable inside a shutdown). */
const WINDOWS_ASKED = 4;

/** The index of the last window that opened before `line` (windows in line order), -1 if none. */
function lastBefore(list: readonly Window[], line: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].from.line < line) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/**
 * The stops, by the mark of their first line: how long what follows is theirs (until the next boot;
 * `seconds` after it; or until a line of the `until` mark and `seconds` after that), and the words.
 */
const STOPS: readonly { mark: StoryMark; seconds?: number; until?: StoryMark; words: string; overOnly?: true; codes?: readonly FindingCode[]; sameField?: string }[] = [
  { mark: 'shutdown', words: 'while the system was shutting down' },
  { mark: 'stop-asked', seconds: 60, words: 'as the modem was being disabled on request' },
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
  /** Only findings of these codes are its doing. */
  codes?: readonly FindingCode[];
  /** Only findings whose lines name the same value of this field as its first line. */
  sameField?: string;
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
  // The lines of each file's boots, sorted: a reboot's finding may begin before the stop
  // (ping_reboot's `Rebooting router`, then procd's shutdown, then the kernel's boot): the boot is
  // its first line after the stop.
  const bootLines = new Map<number, number[]>();
  for (const b of findings) {
    if (b.code !== 'reboot' && b.code !== 'unexpected-reboot') continue;
    let list = bootLines.get(b.file);
    if (!list) bootLines.set(b.file, (list = []));
    list.push(...b.lines);
  }
  for (const list of bootLines.values()) list.sort((a, b) => a - b);
  const firstAfter = (sorted: readonly number[] | undefined, line: number): number => {
    if (!sorted) return Infinity;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length ? sorted[lo] : Infinity;
  };
  // The lines that end a stop (a wake), by mark and file, in line order; events are in line order per file.
  const enders = new Map<string, LogEvent[]>();
  for (const e of events) {
    for (const m of storyMarksOf(e)) {
      if (!STOPS.some((s) => s.until === m)) continue;
      const key = `${e.file}|${m}`;
      let list = enders.get(key);
      if (!list) enders.set(key, (list = []));
      list.push(e);
    }
  }
  for (const list of enders.values()) list.sort((a, b) => a.line - b.line);
  const windows: Window[] = [];
  // The shutdown each file is in, so its later lines (the kernel's last) open none of their own.
  const openShutdown = new Map<number, Window>();
  for (const e of events) {
    const marks = storyMarksOf(e);
    const stop = marks.length ? STOPS.find((s) => marks.includes(s.mark)) : undefined;
    if (!stop) continue;
    const toLine = firstAfter(bootLines.get(e.file), e.line);
    const open = openShutdown.get(e.file);
    if (stop.seconds === undefined && !stop.until && open && e.line > open.from.line && e.line < open.toLine) continue;
    if (stop.until) {
      // Until the line that ends it (the wake), and `seconds` after that: counted from that line.
      const list = enders.get(`${e.file}|${stop.until}`);
      const end = list?.[firstIndexAfter(list, e.line)];
      if (!end) continue;
      windows.push({ from: e, toLine, seconds: stop.seconds ?? 0, after: end, words: stop.words, ...(stop.overOnly ? { overOnly: true } : {}) });
      continue;
    }
    const w: Window = { from: e, toLine, ...(stop.seconds !== undefined ? { seconds: stop.seconds } : {}), words: stop.words, ...(stop.codes ? { codes: stop.codes } : {}), ...(stop.sameField ? { sameField: stop.sameField } : {}) };
    if (stop.seconds === undefined) openShutdown.set(e.file, w);
    windows.push(w);
  }
  return windows.sort((a, b) => a.from.file - b.from.file || a.from.line - b.from.line);
}

/** The index of the first event after `line` in a list in line order (the list's length if none). */
function firstIndexAfter(list: readonly LogEvent[], line: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
