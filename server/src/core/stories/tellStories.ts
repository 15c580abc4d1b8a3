import { formatTime } from '../records/timeWords';
import { pickVariant, ADVICE, UNKNOWNS, type AdviceItem } from '../catalogue/advice';
import { sourceOfOtherStack } from '../catalogue/sources';
import type { FileEvents } from '../events/eventCollector';
import { findingOf } from '../findings/eventTime';
import type { DetectOptions } from '../findings/options';
import type { UsbDevice } from '../findings/usbHistory';
import type { Episode, Finding, FindingCode, LogEvent, Severity } from '../model';
import type { DeviceFacts } from '../troubleshoot/deviceFacts';
import { marksOf, usbIdWords } from './evidence';
import { detectHost, type HostGuess } from './hosts';
import type { StoryMark } from './marks';
import { isUpdateAnchor } from './entries/modemUpdate';
import { STORIES, UPDATE_STORY_ID } from './registry';
import type { StoryContext, StoryDefinition, StoryDraft } from './types';
import { lineIndexOf } from '../events/lineIndex';
import type { Steps } from '../steps';

export interface StoryInput {
  files: readonly FileEvents[];
  events: readonly LogEvent[];
  findings: readonly Finding[];
  devices: readonly UsbDevice[];
  options: DetectOptions;
  facts?: DeviceFacts;
  /** Files that may hold a story (the logs of an archive); default: all. */
  storyFiles?: readonly number[];
  /** The stack the logs come from; detected here when not given. */
  host?: HostGuess;
  /** A file's own stack where it is not `host`'s (a host's reading of a syslog server's file: core/hostReadings.ts). */
  hostOf?: (file: number) => HostGuess | undefined;
}

/** Anchors further apart than this are separate update episodes (a day-long log can hold several attempts). */
const EPISODE_SEPARATION_MS = 2 * 3600_000;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * Every story the logs tell, the one that matters most first: by severity of its verdict, then by
 * the registry's rank, then by place. The host stack is read once for all files (an archive's logs
 * come from one device) and picks the wording of every piece of advice. One story over one file
 * a step (see steps.ts).
 */
export function* tellStoriesSteps(input: StoryInput): Steps<{ episodes: Episode[]; host: HostGuess }> {
  const host = input.host ?? detectHost(input.events, input.files.map((f) => f.summary));
  const episodes: Episode[] = [];
  const candidates = input.files.filter((f) => !input.storyFiles || input.storyFiles.includes(f.file));
  for (const file of candidates) {
    const mine = input.events.filter((e) => e.file === file.file);
    const findings = input.findings.filter((f) => f.file === file.file);
    const devices = input.devices.filter((d) => d.file === file.file);
    // Device facts belong to the first log: they describe the device, not one file.
    const facts = file === candidates[0] ? input.facts : undefined;
    const told: Episode[] = [];
    const fileHost = input.hostOf?.(file.file) ?? host;
    const base = { file, events: mine, findings, all: input.findings, devices, options: input.options, host: fileHost.host, told };
    // One context for the whole file, shared by every story (it reads `told` as it grows); the
    // update story also gets one per episode window. Facts describe the device when the
    // troubleshoot file was made: the whole file, or its last window.
    const whole = contextFor({ ...base, ...(facts ? { facts } : {}) });
    const windows = updateWindows(mine, file.endLine);
    const windowed = windows.map((window, i) => contextFor({ ...base, window, ...(facts && i === windows.length - 1 ? { facts } : {}) }));
    for (const story of STORIES) {
      yield;
      for (const ctx of story.id === UPDATE_STORY_ID && windowed.length ? windowed : [whole]) {
        for (const draft of story.build(ctx)) {
          if (alreadyTold(draft, told)) continue;
          told.push(withUnsetClock(toEpisode(story, draft, file, fileHost), file, fileHost.host));
        }
      }
    }
    episodes.push(...told);
  }
  episodes.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rankOf(a) - rankOf(b) || a.file - b.file || a.startLine - b.startLine);
  return { episodes, host };
}

function rankOf(e: Episode): number {
  return STORIES.find((s) => s.id === e.kind)?.rank ?? 99;
}

/**
 * A story is not told again when every finding it rests on sits inside the lines of a story
 * already told that tells findings of that code (a data drop inside a stuck update is part of it);
 * its context lines (StoryDraft.context) may lie outside them.
 */
function alreadyTold(draft: StoryDraft, told: readonly Episode[]): boolean {
  const rests = draft.restsOn;
  if (!rests?.length) return false;
  return told.some((t) => {
    const tells = tellsOf.get(t);
    if (!tells || !rests.every((c) => tells.has(c))) return false;
    return draft.evidence.every((l) => (l >= t.startLine && l <= t.endLine) || draft.context?.includes(l));
  });
}

const tellsOf = new WeakMap<Episode, Set<FindingCode>>();

/** Below this share of a file's lines read, the lines after a trouble may hold its end unseen. */
const MOSTLY_UNREAD_SHARE = 0.5;

/** A clock set forward by this much or more after boot was not the day's before it (NTP, the operator, a time zone set late). */
const CLOCK_SET_MS = 3_600_000;

/**
 * A story whose steps come before the file's clock was set (a forward jump inside one boot: a
 * router boots at 1970 or at its firmware's build date until NTP sets its clock, [S15]) says that
 * their times are that clock's, not the day's: a blind probe's drop was dated 1970-01-01 and
 * another's at the build date, with no word of it in the story.
 */
function withUnsetClock(e: Episode, file: FileEvents, host: HostGuess['host']): Episode {
  const set = file.clockJumps.find((j) => j.to - j.from >= CLOCK_SET_MS && e.steps.some((s) => s.line !== undefined && s.line < j.line && s.time !== undefined));
  if (!set) return e;
  e.unknowns.push(`When this happened by the calendar: the device's clock was set at line ${set.line}, from ${formatTime(set.from)} to ${formatTime(set.to)}; the times before that line are the clock's before it was set, not the day's (a device starts at 1970 or at its firmware's date until NTP or a person sets its clock).`);
  // OpenWrt's sysfixtime sets the clock at boot to its newest file's time (S15: RutOS's SDK).
  if ((host === 'rutos' || host === 'openwrt') && !e.sources.includes('S15')) e.sources.push('S15');
  return e;
}

function toEpisode(story: StoryDefinition, d: StoryDraft, fileOf: FileEvents, host: HostGuess): Episode {
  const verdict = story.verdicts[d.verdict] ?? { label: d.verdict, severity: 'warning' as Severity, meaning: '' };
  const sources = new Set(d.sources);
  // A story that names no device gets the general words (usbIdWords of no ID).
  // `{mmModem}`: ModemManager's modem the story's lines name, else 0 (the advice says to take its number from `mmcli -L`).
  // `{updaterId}`: the modem's USB id for modem_updater, where the story's lines name it, else 1-1 (its usual one, knowledge 3.5 [F8]).
  const fields: Record<string, string> = { mmModem: '0', updaterId: '1-1', ...usbIdWords(undefined), ...d.adviceFields };
  // The host's own way of writing its commands (the modem-manager snap's), with the source that says so.
  const commands = host.commands;
  const fill = (text: string): string => {
    const filled = text.replace(/\{(\w+)\}/g, (m, k: string) => fields[k] ?? m);
    if (!commands) return filled;
    const written = commands.rewrite.reduce((t, [pattern, as]) => t.replace(pattern, as), filled);
    if (written !== filled) sources.add(commands.source);
    return written;
  };
  // Each key's wording for this host, its placeholders filled; its sources join the story's.
  const worded = (keys: readonly string[], table: Record<string, readonly AdviceItem[]>): string[] =>
    keys.flatMap((key) => {
      const v = pickVariant(table[key], host.host);
      if (!v) return [];
      for (const s of v.sources) if (!sourceOfOtherStack(s, host.host)) sources.add(s);
      return [fill(v.text)];
    });
  const advice = worded(d.advice, ADVICE);
  const unknowns = worded(d.unknowns, UNKNOWNS);
  const startLine = d.startLine ?? d.evidence[0] ?? 1;
  const endLine = d.endLine ?? d.evidence[d.evidence.length - 1] ?? startLine;
  // Not over (lost, stuck) in a file mostly unread: the line that shows it over may be among the
  // lines not read (blind probes: an eWON export 3% read, a GitHub issue's paste 32% read, had
  // such verdicts told with high or medium confidence).
  const read = fileOf.summary.recognised;
  const blind = verdict.open === true && read.share < MOSTLY_UNREAD_SHARE;
  const e: Episode = {
    kind: story.id, title: story.title, verdict: d.verdict, verdictLabel: verdict.label, severity: verdict.severity, host: host.label,
    confidence: blind ? 'low' : d.confidence,
    why: blind ? `${d.why.replace(/\.$/, '')}; but only ${Math.floor(read.share * 100)}% of its lines were read, and a line showing it over may be among the others.` : d.why,
    unknowns, summary: d.summary, file: fileOf.file, startLine, endLine,
    steps: d.steps, evidence: d.evidence, advice, sources: [...sources],
  };
  const t = d.steps.find((s) => s.time !== undefined)?.time;
  if (t !== undefined) e.startTime = t;
  tellsOf.set(e, new Set(d.tells ?? []));
  return e;
}

/** The finding a story's verdict raises next to the line-level ones (a stuck update, a failed one). */
export function verdictFinding(e: Episode): FindingCode | undefined {
  return STORIES.find((s) => s.id === e.kind)?.verdicts[e.verdict]?.finding;
}

function contextFor(o: { file: FileEvents; events: readonly LogEvent[]; findings: readonly Finding[]; all: readonly Finding[]; devices: readonly UsbDevice[]; options: DetectOptions; host: HostGuess['host']; told: readonly Episode[]; facts?: DeviceFacts; window?: { from: number; to: number } }): StoryContext {
  const w = o.window;
  const inWindow = (line: number): boolean => !w || (line >= w.from && line <= w.to);
  // Windows partition a file: indexed, so a file of many update episodes is not scanned per window.
  const events = w ? lineIndexOf(o.events).within(w.from, w.to) : o.events;
  const findings = w ? lineIndexOf(o.findings).within(w.from, w.to) : o.findings;
  const devices = w ? o.devices.map((d) => ({ ...d, absences: d.absences.filter((a) => inWindow(a.gone.line)), enumerations: d.enumerations.filter((en) => inWindow(en.start.line)) })) : o.devices;
  const byMark = new Map<StoryMark, LogEvent[]>();
  for (const e of events) for (const m of marksOf(e)) (byMark.get(m) ?? byMark.set(m, []).get(m)!).push(e);
  return {
    file: o.file, events, findings, allFindings: o.all, devices, options: o.options, host: o.host,
    ...(o.facts ? { facts: o.facts } : {}), ...(w ? { window: w } : {}),
    marked: (m) => byMark.get(m) ?? [],
    coded: (...codes) => findings.filter((f) => codes.includes(f.code)),
    untold: (...codes) => findings.filter((f) => codes.includes(f.code) && !o.told.some((t) => tellsOf.get(t)?.has(f.code) && f.line >= t.startLine && f.line <= t.endLine)),
    toldBefore: () => o.told,
  };
}

/**
 * Splits a file into the windows of its separate update episodes: groups of anchor events more
 * than two hours apart. One window, or none, means the file is told as one story.
 */
export function updateWindows(events: readonly LogEvent[], endLine: number): { from: number; to: number }[] {
  const anchors = events.filter(isUpdateAnchor).sort((a, b) => a.line - b.line);
  const groups: LogEvent[][] = [];
  for (const a of anchors) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g && !(prev!.time !== undefined && a.time !== undefined && a.time - prev!.time > EPISODE_SEPARATION_MS)) g.push(a);
    else groups.push([a]);
  }
  if (groups.length < 2) return [];
  return groups.map((g, i) => ({
    from: i === 0 ? 1 : groups[i - 1][groups[i - 1].length - 1].line + 1,
    to: i === groups.length - 1 ? endLine : groups[i + 1][0].line - 1,
  }));
}

export { findingOf };
