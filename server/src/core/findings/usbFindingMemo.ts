import type { Finding, LogEvent } from '../model';
import type { Absence, Enumeration } from './usbHistory';

/**
 * What the USB detectors made of a growing log the last time it was read, so that an append is
 * answered by the work it calls for, not by all of it again: a modem in a reconnect loop brings
 * USB lines with every append, and its 10,000 cycles (20,000 findings) were 72 ms of each one.
 *
 * Nothing here is trusted, it is recognised: the collector never changes an event it has given
 * out (it replaces one: `EventCollector.finish`), so the same event objects are the same lines
 * read the same way. A finding is reused only when every object it was made from is the one this
 * reading has; a log read again from the start (an edit inside it, a year shift, a second reading
 * in reverse) has new objects and reuses nothing. What a reading does not use is let go: the memo
 * holds no more than the last reading's findings.
 */
export class UsbFindingMemo {
  private absences = new Map<LogEvent, AbsenceMade>();
  private layouts = new Map<string, LayoutMade>();

  /** A reading of the detectors, which may take from the last one and leaves what it made for the next. */
  run(): UsbFindingRun {
    return new UsbFindingRun(this.absences, this.layouts, (absences, layouts) => {
      this.absences = absences;
      this.layouts = layouts;
    });
  }

  /** Lets go of what the last reading made (its document was closed). */
  clear(): void {
    this.absences = new Map();
    this.layouts = new Map();
  }
}

/** The finding of a device's absence that ended, with what it was made from. */
interface AbsenceMade {
  back: LogEvent;
  count: number;
  name: string;
  finding: Finding;
}

/**
 * How far the walk over a device's enumerations had come before its last one, which an append may
 * still add lines to: the enumerations walked (their first and last events and their counts) and
 * the walk's state after them.
 */
interface LayoutMade {
  name: string;
  starts: LogEvent[];
  lasts: LogEvent[];
  counts: number[];
  walk: LayoutWalk;
}

/** The state of the walk over a device's enumerations (usbFindings.ts, `compositionChanges`). */
export interface LayoutWalk {
  /** All the log has shown of the device's layout so far. */
  known: Enumeration | undefined;
  /** The first line of the last enumeration that showed a layout. */
  lastDescribed: LogEvent | undefined;
  /** The changes found so far. */
  changes: Finding[];
}

export class UsbFindingRun {
  private readonly nextAbsences = new Map<LogEvent, AbsenceMade>();
  private readonly nextLayouts = new Map<string, LayoutMade>();

  constructor(
    private readonly absences: ReadonlyMap<LogEvent, AbsenceMade>,
    private readonly layouts: ReadonlyMap<string, LayoutMade>,
    private readonly keep: (absences: Map<LogEvent, AbsenceMade>, layouts: Map<string, LayoutMade>) => void,
  ) {}

  /**
   * The finding of an absence: the last reading's when it had the same departure, return, lines
   * and device name. An absence that ended is over: the lines between its two ends (its teardown,
   * failed enumerations) are all read, so the same two ends mean the same finding. One still open
   * is made every time: how long the log goes on without the device grows with it.
   */
  absence(a: Absence, name: string, make: () => Finding): Finding {
    const back = a.back;
    if (!back) return make();
    const before = this.absences.get(a.gone);
    const finding = before && before.back === back && before.count === a.events.length && before.name === name ? before.finding : make();
    this.nextAbsences.set(a.gone, { back, count: a.events.length, name, finding });
    return finding;
  }

  /**
   * Where the walk over `enumerations` may start, and its state there: after the enumerations the
   * last reading walked before its last one, when they are all the same here. Otherwise the start,
   * with nothing known.
   */
  layoutFrom(key: string, name: string, enumerations: readonly Enumeration[]): { from: number; walk: LayoutWalk } {
    const made = this.layouts.get(key);
    const fresh = { from: 0, walk: newWalk() };
    if (!made || made.name !== name || made.starts.length > enumerations.length) return fresh;
    for (let i = 0; i < made.starts.length; i++) {
      const en = enumerations[i];
      if (en.start !== made.starts[i] || en.events.length !== made.counts[i] || en.events[en.events.length - 1] !== made.lasts[i]) return fresh;
    }
    return { from: made.starts.length, walk: copyWalk(made.walk) };
  }

  /** The walk's state after `walked`, the enumerations before the device's last one: the next reading may start from it. */
  keepLayout(key: string, name: string, walked: readonly Enumeration[], walk: LayoutWalk): void {
    this.nextLayouts.set(key, {
      name,
      starts: walked.map((en) => en.start),
      lasts: walked.map((en) => en.events[en.events.length - 1]),
      counts: walked.map((en) => en.events.length),
      walk: copyWalk(walk),
    });
  }

  /** The reading is done: what it made is what the next one may take from. */
  end(): void {
    this.keep(this.nextAbsences, this.nextLayouts);
  }
}

/** The walk's state before a device's first enumeration. */
export function newWalk(): LayoutWalk {
  return { known: undefined, lastDescribed: undefined, changes: [] };
}

/** A walk's state that the walk may go on from without changing the one kept. */
function copyWalk(w: LayoutWalk): LayoutWalk {
  const known = w.known && { ...w.known, drivers: new Map(w.known.drivers), ttys: new Map(w.known.ttys), looseTtys: [...w.known.looseTtys], netdevs: [...w.known.netdevs] };
  return { known, lastDescribed: w.lastDescribed, changes: w.changes.slice() };
}
