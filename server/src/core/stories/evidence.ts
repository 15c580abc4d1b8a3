import { catalogueEntry, storyMarksOf } from '../catalogue/index';
import { modemModel } from '../catalogue/tables/usbIds';
import type { EpisodeStep, Finding, LogEvent } from '../model';
import { findingOf } from '../findings/eventTime';
import { atTime } from '../records/timeWords';
import type { StoryMark } from './marks';

/** The story marks an event carries, per its catalogue entry (and that entry's condition): the catalogue's own reading. */
export const marksOf: (e: LogEvent) => readonly StoryMark[] = storyMarksOf;

/** Where a step happened on the best clock (records/timeWords `atTime`). */
export const when = atTime;

/**
 * A finding's event on one of its lines (its first by default): one that raises the finding's code
 * there, else the first event of the line. A line may hold several records (a paste joined them
 * into one: formats/joinedRecords.ts), so the line alone does not name the event. `last`: the last
 * such event on the line (the end of a burst).
 */
export function eventOf(f: Finding, events: readonly LogEvent[], line = f.line, last = false): LogEvent | undefined {
  let found: LogEvent | undefined;
  let any: LogEvent | undefined;
  for (const e of events) {
    if (e.line !== line || e.file !== f.file) continue;
    any ??= e;
    if (findingOf(e) === f.code) {
      found = e;
      if (!last) break;
    }
  }
  return found ?? any;
}

/** A sentence starts with a capital. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Collects a story's steps, the lines that prove them and the sources behind them, so each story
 * builder says what happened and nothing about bookkeeping.
 */
export class StoryWriter {
  readonly steps: EpisodeStep[] = [];
  private readonly lines = new Set<number>();
  private readonly cited = new Set<string>();

  step(text: string, at?: { line: number; time?: number; recordId?: number }, ...sources: string[]): void {
    const s: EpisodeStep = { text };
    if (at) {
      s.line = at.line;
      if (at.time !== undefined) s.time = at.time;
      if (at.recordId !== undefined) s.recordId = at.recordId;
      this.lines.add(at.line);
    }
    this.steps.push(s);
    this.cite(...sources);
  }

  /** The event `e` quoted as a step after `words` (`words: "its text".`), citing its catalogue entry's sources. */
  quote(words: string, e: LogEvent): void {
    this.step(`${words}: "${e.text}".`, e, ...(catalogueEntry(e.id)?.sources ?? []));
  }

  /** A line that proves the story without a step of its own. */
  prove(...lines: number[]): void {
    for (const l of lines) this.lines.add(l);
  }

  cite(...sources: string[]): void {
    for (const s of sources) this.cited.add(s);
  }

  get evidence(): number[] {
    return [...this.lines].sort((a, b) => a - b);
  }

  get sources(): string[] {
    return [...this.cited];
  }

  /**
   * Steps in the order things happened: by their lines, the order the reading holds them in (a log
   * listed newest first or in parts is read in time order), since a clock may step back between
   * them (summer time ending, a restart on an older clock) and a step's time would then put what
   * came after first (a blind probe's "Then ... over" was told before its trouble). A step without
   * a line stays after the one before it.
   */
  sorted(): EpisodeStep[] {
    let carry = -Infinity;
    const keyed = this.steps.map((s, i) => {
      if (s.line !== undefined) carry = s.line;
      return { s, i, l: s.line ?? carry };
    });
    keyed.sort((a, b) => a.l - b.l || (a.s.time !== undefined && b.s.time !== undefined ? a.s.time - b.s.time : 0) || a.i - b.i);
    return keyed.map((k) => k.s);
  }
}

/**
 * `{modemId}` and `{downloadId}` for advice: the modem's own USB ID when the log shows it, and the
 * download-mode ID to look for. 05c6:9008 is Qualcomm's EDL ID; for a modem of another chipset
 * (the ASR-based EC200A) no source gives one, so the advice says "an ID other than its own"
 * (knowledge 3.6) [S22].
 */
export function usbIdWords(vidpid: string | undefined): Record<string, string> {
  // A modem seen only in download mode: that ID is the download mode's, not the modem's own.
  const model = modemModel(vidpid);
  const modemId = vidpid && model ? `the modem's own ID (${vidpid} for the ${model.model})` : 'the modem\'s own ID';
  let downloadId = 'a download-mode ID (05c6:9008 on Qualcomm-based modules)';
  if (model?.chipset === 'qualcomm') downloadId = '05c6:9008 for emergency download (EDL) mode';
  else if (model?.chipset === 'asr') downloadId = `an ID other than ${vidpid} for download mode (the ${model.model} is ASR-based: no source gives its download-mode ID)`;
  return { modemId, downloadId };
}

/**
 * The source of what a USB bus line means, for a story's step: Linux's hub.c for the kernel's
 * lines, FreeBSD's USB stack for FreeBSD's (a blind probe's pfSense drop had been cited hub.c).
 */
export function usbBusSource(e: LogEvent | undefined): string {
  return e !== undefined && catalogueEntry(e.id)?.stack === 'freebsd' ? 'X27' : 'K3b';
}
