// The timeline payload: what the server sends the timeline webview. Bounded in size whatever the
// length of the log: events are grouped into marks per lane and time bin, and the density strip
// has a fixed number of bins.

export type LaneId = 'modem' | 'usb' | 'network' | 'mobile-events' | 'system' | 'firmware-update';
export type MarkSeverity = 'error' | 'warning' | 'info';

export interface TimelineMark {
  lane: LaneId;
  /** Time of the first event: ms on the wall clock, or seconds of uptime when `clock` is uptime. */
  t: number;
  /** Time of the last event grouped into this mark (same clock), for bursts. */
  endT: number;
  /** 1-based line of the first event. */
  line: number;
  severity: MarkSeverity;
  /** Plain text; the page shows it with textContent, never as HTML. */
  label: string;
  count: number;
  /**
   * What the group is when `count` > 1, with its count: "2 USB disconnects", "20 gsmd write
   * failures", "12 USB / kernel events". `label` stays the first member's words.
   */
  group?: string;
}

export interface TimelineSpan {
  lane: LaneId;
  start: number;
  /** Undefined: still open when the log ends. */
  end?: number;
  line: number;
  label: string;
}

export interface TimelineEpisode {
  start: number;
  end: number;
  /** The verdict in words, from the story's verdict table. */
  verdict: string;
  /** The story's title. */
  label: string;
  line: number;
  /** How bad the verdict is: the bar's colour. */
  severity?: 'error' | 'warning' | 'info' | 'hint';
}

export interface TimelinePayload {
  version: 1;
  uri: string;
  clock: 'wall' | 'uptime';
  /** First and last time of the log on that clock; undefined for a log without times. */
  range?: { start: number; end: number };
  lanes: { id: LaneId; label: string }[];
  marks: TimelineMark[];
  /** Fixed-width bins over the range with counts per severity, for the density strip. */
  density: { start: number; width: number; error: number[]; warning: number[]; info: number[] };
  /** USB absences (shaded), and gsmd silences after losing a modem. */
  gaps: TimelineSpan[];
  silences: TimelineSpan[];
  episodes: TimelineEpisode[];
  /** Boot segment starts. */
  boots: { t: number; line: number; label: string }[];
  /** Lines without any clock that could not be placed (counted, not drawn). */
  unplaced: number;
}
