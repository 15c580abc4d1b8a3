import type { Finding } from '../../model';
import type { FileEvents } from '../../events/eventCollector';
import { formatDuration, formatTime } from '../../records/timeWords';

/**
 * Wall-clock steps inside one boot: early lines can carry the time of the last config change
 * until NTP or the operator sets the clock (sysfixtime, [S15]); a 1970 date means no time source.
 */
export function detectClockJumps(file: FileEvents): Finding[] {
  return file.clockJumps.map((j) => {
    const delta = (j.to - j.from) / 1000;
    const dir = delta >= 0 ? 'forward' : 'back';
    const why = j.from < 946684800000 ? ' The earlier lines were dated 1970: the clock had no time source yet.' :
      dir === 'back' ? ' Lines out of order, or the clock was set back.' : ' The clock was set (NTP or operator time) after boot.';
    return {
      code: 'clock-jump' as const, severity: 'info' as const, file: file.file, line: j.line, endLine: j.line, count: 1, lines: [j.line], eventIds: [], time: j.to,
      message: `The wall clock jumps ${dir} by ${formatDuration(Math.abs(delta))}, from ${formatTime(j.from)} to ${formatTime(j.to)}.${why} Times on either side are not comparable.`,
    };
  });
}
