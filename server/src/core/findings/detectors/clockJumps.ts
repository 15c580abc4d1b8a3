import type { Finding, LogEvent } from '../../model';
import type { FileEvents } from '../../events/eventCollector';
import { storyMarksOf } from '../../catalogue/index';
import { formatDuration, formatTime } from '../../records/timeWords';
import { YEAR_2000 } from '../../formats/timestampGrammar';

/**
 * Wall-clock steps inside one boot: early lines can carry the time of the last config change
 * until NTP or the operator sets the clock (sysfixtime, [S15]); a 1970 date means no time source.
 * A step forward across the system's sleep is time that passed while it slept (the kernel's
 * uptime does not count a suspend, X158), not a clock set: a blind probe's Chromebook, shut for
 * 40 minutes, had been told its clock was set.
 */
export function detectClockJumps(file: FileEvents, events: readonly LogEvent[] = file.events): Finding[] {
  if (!file.clockJumps.length) return [];
  // (Asked only of a file with clock jumps; the file's own events are few next to a listing's.)
  const sleeps = (events === file.events ? events : events.filter((e) => e.file === file.file)).filter((e) => storyMarksOf(e).some((m) => m === 'sleep' || m === 'wake')).sort((a, b) => a.line - b.line);
  return file.clockJumps.map((j) => {
    const delta = (j.to - j.from) / 1000;
    const dir = delta >= 0 ? 'forward' : 'back';
    const slept = dir === 'forward' ? sleepAcross(sleeps, j.line, j.from) : undefined;
    const why = slept
      ? ` The system slept before it (line ${slept.line}: "${slept.text.trim()}"): that time passed while it slept, the clock was not changed.`
      : j.from < YEAR_2000
        ? ' The earlier lines were dated 1970: the clock had no time source yet.'
        : dir === 'back'
          ? ' Lines out of order, or the clock was set back.'
          : ' The clock was set (NTP or operator time) after boot.';
    return {
      code: 'clock-jump' as const, severity: 'info' as const, file: file.file, line: j.line, endLine: j.line, count: 1, lines: [j.line], eventIds: [], time: j.to,
      message: `The wall clock jumps ${dir} by ${formatDuration(Math.abs(delta))}, from ${formatTime(j.from)} to ${formatTime(j.to)}.${why}${slept ? '' : ' Times on either side are not comparable.'}`,
    };
  });
}

/** A step forward this long after the sleep's line (by its clock) is still the sleep's. */
const SLEEP_STEP_MS = 60_000;
/** How many lines before the step the sleep's line may be. */
const SLEEP_STEP_LINES = 10;

/** The sleep (a `sleep` mark) logged just before a step at `line` from `from`, with no wake between them. */
function sleepAcross(marked: readonly LogEvent[], line: number, from: number): LogEvent | undefined {
  let found: LogEvent | undefined;
  for (const e of marked) {
    if (e.line >= line) break;
    if (storyMarksOf(e).includes('wake')) found = undefined;
    else if (line - e.line <= SLEEP_STEP_LINES && (e.time === undefined || (e.time <= from && from - e.time <= SLEEP_STEP_MS))) found = e;
  }
  return found;
}
