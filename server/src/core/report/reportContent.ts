import { STORIES, STORY_FINDING_CODES, UPDATE_STORY_ID, storyDefinition } from '../stories/registry';
import { isMostlyUnread, recognisedText } from '../findings/detectors/readability';
import type { Analysis, Episode, Finding, FindingCode } from '../model';
import { formatClock, formatTime, isTimeOnly } from '../records/timeWords';

/**
 * A report lists at most this many findings of one code (a log with 200,000 USB drops made a
 * 76 MB report); the rest are counted: "and N more", and the totals stay exact.
 */
export const LISTED_PER_CODE = 50;

export interface ListedFindings {
  /** The findings to list, in their order, at most `perCode` of each code. */
  listed: Finding[];
  /**
   * Per code with more than `perCode`: how many were left out, how many there are, and the first
   * and last left out (the editor's problems say where the rest stand).
   */
  more: { code: FindingCode; key: string; omitted: number; total: number; first: Finding; last: Finding }[];
}

/**
 * The first `perCode` findings of each code, and a count of the rest. `keyOf` says what counts as
 * one code (the editor counts a custom rule's own code, not `custom-rule`).
 */
export function listFindings(findings: readonly Finding[], perCode = LISTED_PER_CODE, keyOf: (f: Finding) => string = (f) => f.code): ListedFindings {
  const seen = new Map<string, number>();
  const left = new Map<string, { first: Finding; last: Finding }>();
  const listed: Finding[] = [];
  for (const f of findings) {
    const key = keyOf(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= perCode) listed.push(f);
    else if (n === perCode + 1) left.set(key, { first: f, last: f });
    else left.get(key)!.last = f;
  }
  // In the order the codes first appear.
  const more = [...seen].filter(([, total]) => total > perCode).map(([key, total]) => {
    const { first, last } = left.get(key)!;
    return { code: first.code, key, omitted: total - perCode, total, first, last };
  });
  return { listed, more };
}

export { count } from '../countText';

/**
 * The findings a report lists after its episodes: those not already told as episode evidence,
 * and not the episode's own stuck/failed finding.
 */
export function findingsBesideEpisodes(a: Analysis): Finding[] {
  // Keyed by file too: in an archive, line 5 of sysinfo.log is not line 5 of system.log.
  const inEpisodes = new Set(a.episodes.flatMap((e) => e.evidence.map((l) => `${e.file}:${l}`)));
  return a.findings.filter((f) => !inEpisodes.has(`${f.file}:${f.line}`) && !STORY_FINDING_CODES.has(f.code));
}

/** A file's name without its folders (`/var/log/system.log` -> `system.log`; Windows paths too). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * What a report says when it tells no episode: that there was none, or, when a file was mostly
 * not read, that the log cannot say (the lines that would tell it may be the unread ones).
 */
export function noEpisodeStatement(a: Analysis): { headline: string; detail: string } {
  const unread = a.files.filter(isMostlyUnread);
  if (unread.length) {
    const which = unread.map((f) => `${fileName(f.path)} (${recognisedText(f)})`).join(', ');
    return { headline: 'What happened to the modem: unknown', detail: `most of ${which} is in a shape GSM Log Lens does not read, so an update or a problem told in those lines cannot be seen.` };
  }
  const backwards = a.files.filter((f) => f.newestFirst);
  if (backwards.length) {
    const which = backwards.map((f) => fileName(f.path)).join(', ');
    return { headline: 'What happened to the modem: not read (the lines run newest first)', detail: `${which} lists its lines newest first; read backwards, a modem's drops would come before its returns, so no story is told. Reverse the lines and open the result.` };
  }
  // "SIM problem" keeps its capitals; "Modem lost" reads "modem lost" mid-sentence.
  const kinds = STORIES.map((s) => (/^[A-Z][a-z]/.test(s.title) ? s.title.charAt(0).toLowerCase() + s.title.slice(1) : s.title));
  return { headline: 'No modem problem story in this log', detail: `GSM Log Lens found none of the stories it tells (${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}).` };
}

/** What a report was asked: the Diagnose Modem Update command asks about an update. */
export interface ReportQuestion {
  /** Set by the Diagnose Modem Update command: the report says first whether the log has an update. */
  aboutUpdate?: boolean;
}

/** The report's title: the command's question when it asked one, else what every report is. */
export function reportTitle(q: ReportQuestion = {}): string {
  return q.aboutUpdate ? 'Modem update diagnosis' : 'Modem diagnosis';
}

/**
 * The stories in the order a report tells them. An update's story comes first when the log has
 * one. Asked about an update (the Diagnose Modem Update command), a report whose log has none says
 * so before the others; otherwise it just tells them, the one that matters most first (the
 * analysis's own order): three blind probes read "No modem firmware update in this log" at the top
 * of a report on a SIM or a USB drop as a misreading of their log.
 */
export function storiesForReport(a: Analysis, q: ReportQuestion = {}): { stories: Episode[]; noUpdate?: string } {
  const update = a.episodes.filter((e) => e.kind === UPDATE_STORY_ID);
  const others = a.episodes.filter((e) => e.kind !== UPDATE_STORY_ID);
  if (update.length || !others.length || !q.aboutUpdate) return { stories: [...update, ...others] };
  const title = storyDefinition(UPDATE_STORY_ID)?.title.toLowerCase() ?? 'update';
  const n = others.length;
  return { stories: others, noUpdate: `No ${title} in this log. It tells ${n === 1 ? 'another story' : `${n} other stories`}, the one that matters most first.` };
}

/** A story's heading: its own title and verdict words. */
export function storyHeading(e: Episode): string {
  return `${e.title}: ${e.verdictLabel}`;
}

/** One line per file: how much of it was read as log lines. */
export function readabilityLines(a: Analysis): string[] {
  return a.files.map((f) => `${fileName(f.path)}: ${recognisedText(f)}${f.yearAssumed === undefined ? '' : f.yearFromLine !== undefined ? `; the dates carry no year, ${f.yearAssumed} is the year of line ${f.yearFromLine}'s Unix time` : f.yearFromDate !== undefined ? `; some dates carry no year, and are read in the year of line ${f.yearFromDate}'s date` : `; the lines carry no year, ${f.yearAssumed} was assumed from the file's date`}${f.timeOnly ? '; the lines carry only a time of day, so no dates are shown' : ''}${f.timeZone ? `; times are shown in ${f.timeZone}, as its stamps give them` : ''}.`);
}

/**
 * Which stack the advice is written for, as every report says it above the stories: the log's, or
 * each device's where a syslog server's file holds devices of different stacks. Plain text: each
 * report escapes it.
 */
export function adviceStackSentence(a: Analysis): string | undefined {
  if (a.hostByDevice) return `The advice is written for each device's stack: ${Object.entries(a.hostByDevice).map(([device, stack]) => `${stack} on ${device}`).join(', ')}.`;
  if (a.hostByFile) {
    // The files that tell a story: a file without one (a Pi's auth.log beside its syslog) has no advice to write.
    const told = new Set(a.episodes.map((e) => a.files[e.file]?.path));
    const stacks = Object.entries(a.hostByFile).filter(([path]) => told.size === 0 || told.has(path));
    const one = new Set(stacks.map(([, stack]) => stack));
    if (one.size === 1) return `The advice is written for ${[...one][0]}, the stack ${stacks.length > 1 ? 'these logs come' : 'this log comes'} from.`;
    return `The advice is written for each file's stack: ${stacks.map(([path, stack]) => `${stack} for ${fileName(path)}`).join(', ')}.`;
  }
  return a.host ? `The advice is written for ${a.host}, the stack this log comes from.` : undefined;
}

/**
 * Whether a story's steps need their dates: the story, or its log, runs over more than one day
 * (a step shows its clock alone otherwise, and a multi-day log's 03:02 was any day's).
 */
export function stepsNeedDates(a: Analysis, e: Episode): boolean {
  const days = new Set(e.steps.flatMap((s) => (s.time !== undefined && dayOf(s.time) ? [dayOf(s.time)] : [])));
  const file = a.files[e.file];
  return days.size > 1 || (file?.firstTime !== undefined && file.lastTime !== undefined && dayOf(file.firstTime) !== undefined && dayOf(file.firstTime) !== dayOf(file.lastTime));
}

/** The date of a time (`2024-12-02`), or undefined for a time of day alone. */
export function dayOf(t: number): string | undefined {
  return isTimeOnly(t) ? undefined : formatTime(t).slice(0, 10);
}

/** A step's time as the Markdown and HTML reports write it: the clock, with its date where stepsNeedDates. */
export function stepTime(t: number, dated: boolean): string {
  return dated && !isTimeOnly(t) ? formatTime(t) : formatClock(t);
}

