import type { UnknownId } from '../catalogue/advice';
import type { FileEvents } from '../events/eventCollector';
import type { DetectOptions } from '../findings/options';
import type { UsbDevice } from '../findings/usbHistory';
import type { Episode, EpisodeStep, Finding, FindingCode, LogEvent, Severity, Confidence } from '../model';
import type { DeviceFacts } from '../troubleshoot/deviceFacts';
import type { HostId, StoryMark } from './marks';

/** One row of a story's verdict table: the word a person reads, and how bad it is. */
export interface VerdictEntry {
  /** Short words shown after the title: "Modem firmware update: stuck". */
  label: string;
  severity: Severity;
  /** A finding the verdict raises next to the line-level ones (a stuck update is a problem of its own). */
  finding?: FindingCode;
  /** What the verdict means, for the README's story table. */
  meaning: string;
  /**
   * The verdict rests on no later line showing the trouble over (not over, lost, stuck): in a file
   * mostly unread, such a line may be among the lines not read, and it is told with low confidence.
   */
  open?: true;
}

/** What a story builder gets: one file (or one window of it), its events, findings and USB devices. */
export interface StoryContext {
  file: FileEvents;
  /** This file's events in the window, in file order. */
  events: readonly LogEvent[];
  /** This file's findings in the window. */
  findings: readonly Finding[];
  /** Every finding of the analysis (a story may look at another file's). */
  allFindings: readonly Finding[];
  /** USB devices of this file, absences and enumerations cut to the window. */
  devices: readonly UsbDevice[];
  options: DetectOptions;
  host: HostId;
  facts?: DeviceFacts;
  window?: { from: number; to: number };
  /** Events in the window that carry a story mark (from their catalogue entry). */
  marked(mark: StoryMark): LogEvent[];
  /** Findings in the window with one of these codes. */
  coded(...codes: FindingCode[]): Finding[];
  /** Findings with one of these codes that no story told before this one has told. */
  untold(...codes: FindingCode[]): Finding[];
  /** The stories of this file told before this one, in the order they were told. */
  toldBefore(): readonly Episode[];
}

/** A story as its builder tells it; the registry turns it into an Episode. */
export interface StoryDraft {
  verdict: string;
  confidence: Confidence;
  why: string;
  /** One paragraph a person can act on (without the title and verdict, which the surfaces add). */
  summary: string;
  steps: EpisodeStep[];
  /** Lines that prove the story. */
  evidence: number[];
  /** Advice keys (catalogue/advice.ts); the host picks each key's wording. */
  advice: string[];
  /** Values for `{name}` placeholders in the advice texts. */
  adviceFields?: Record<string, string>;
  unknowns: UnknownId[];
  sources: string[];
  /** Lines the story spans when its evidence does not say (defaults: first and last evidence line). */
  startLine?: number;
  endLine?: number;
  /** Finding codes whose findings this story tells: a later story resting only on them, inside this story's lines, is not told again. */
  tells?: readonly FindingCode[];
  /** Finding codes this story rests on, for that check; omitted: always told. */
  restsOn?: readonly FindingCode[];
  /**
   * Evidence lines that are context, not what the story rests on (a drop's data connection going
   * down as it left): a story already told whose lines hold the rest holds this one.
   */
  context?: readonly number[];
}

/**
 * One kind of story. Adding a story is one entry in stories/registry.ts and its tests: a builder
 * (a small pure function over the context) and the verdict table the surfaces read.
 */
export interface StoryDefinition {
  id: string;
  /** The title every surface shows: report heading, code lens, outline, timeline, status bar. */
  title: string;
  /** What the story is about, one sentence (README). */
  description: string;
  /** Order among stories of equal severity: lower is told first. */
  rank: number;
  verdicts: Record<string, VerdictEntry>;
  build(ctx: StoryContext): StoryDraft[];
}
