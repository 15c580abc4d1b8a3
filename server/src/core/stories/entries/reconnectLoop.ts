import { secondsBetween } from '../../findings/eventTime';
import type { LogEvent } from '../../model';
import { formatDuration } from '../../records/timeWords';
import { marksOf, StoryWriter, usbIdWords, when, usbBusSource } from '../evidence';
import { dropCauseBefore, dropCauseStep, lastsInLog, modemDevices, secondsToEnd, steadyOthersStep, modemLabel, restartBeforeDrop } from '../modemDevice';
import type { StoryDefinition, StoryDraft } from '../types';

/**
 * The modem keeps dropping off USB and coming back: repeated disconnect/enumerate pairs on the
 * same port path (never a device number alone: it counts every device on the bus, knowledge 4.3).
 * Whether something resets it on purpose decides the verdict.
 */
export const reconnectLoopStory: StoryDefinition = {
  id: 'reconnect-loop',
  title: 'Modem reconnect loop',
  description: 'The modem drops off USB and comes back again and again; the period, the count, and whether something resets it on purpose.',
  rank: 4,
  verdicts: {
    looping: { label: 'drops by itself', severity: 'error', meaning: 'Repeated drops with no logged deliberate restart before them: the modem resets, crashes or browns out.' },
    deliberate: { label: 'reset on purpose', severity: 'warning', meaning: 'Most drops follow a logged deliberate restart (ping_reboot, mobifd, a script): find why that keeps firing.' },
    stopped: { label: 'stopped looping', severity: 'warning', meaning: 'Repeated drops with no deliberate restart logged, then the modem stayed on the bus for the rest of the log (three of the loop\'s periods and 10 minutes at least): over in this log, its cause unknown.' },
  },
  build: (ctx) => {
    const out: StoryDraft[] = [];
    for (const loop of ctx.coded('usb-reconnect-loop')) {
      const d = modemDevices(ctx.devices).find((x) => loop.lines.some((l) => x.absences.some((a) => a.gone.line === l)));
      if (!d) continue;
      const cycles = d.absences.filter((a) => a.back && loop.lines.includes(a.gone.line));
      if (cycles.length < 2) continue;
      const restarts = ctx.marked('deliberate-restart');
      const explained = cycles.filter((a) => restartBeforeDrop(restarts, a.gone) !== undefined);
      const gaps = cycles.slice(1).map((a, i) => secondsBetween(cycles[i].gone, a.gone)).filter((s): s is number => s !== undefined).sort((a, b) => a - b);
      const period = median(gaps);
      const w = new StoryWriter();
      const name = modemLabel(d);
      w.step(`${name} dropped off the bus${when(cycles[0].gone)} and came back${when(cycles[0].back)}.`, cycles[0].gone, usbBusSource(cycles[0].gone));
      if (cycles.length > 1) w.step(`It did so ${cycles.length} times in all${period !== undefined ? `, about every ${formatDuration(period)}` : ''}; the last${when(cycles[cycles.length - 1].gone)}.`, cycles[cycles.length - 1].gone);
      for (const a of cycles) w.prove(a.gone.line, ...(a.back ? [a.back.line] : []));
      // A last drop after the loop that never came back: the modem is gone at the end (a blind
      // probe's brown-out loop ended with the kernel giving up on the port, and its headline had
      // only said "drops by itself").
      const final = d.absences[d.absences.length - 1];
      const gone = final && !final.back && final.gone.line > cycles[cycles.length - 1].gone.line ? final : undefined;
      const goesOn = gone ? lastsInLog(ctx, gone) : false;
      if (gone) w.step(`Then it left the bus again${when(gone.gone)} and did not come back${goesOn ? ': the log goes on without it' : ' before the log ends'}.`, gone.gone, usbBusSource(gone.gone));
      const deliberate = explained.length * 2 >= cycles.length;
      // A loop that ended long before the log did (a blind probe's three drops in an hour, then
      // four quiet hours, had been told as still dropping, an error): how long the modem stayed.
      const lastBack = cycles[cycles.length - 1].back;
      const stayed = !gone && lastBack ? secondsToEnd(ctx, lastBack) : undefined;
      const stopped = !deliberate && period !== undefined && stayed !== undefined && stayed >= Math.max(STOPPED_PERIODS * period, STOPPED_MIN_SECONDS);
      if (stopped && lastBack) w.step(`It came back for the last time${when(lastBack)} and stayed on the bus: ${formatDuration(stayed)} to the log's end, with no drop.`, lastBack, usbBusSource(lastBack));
      // Lines just before the drops that say what cut them (an under-voltage, the port's power, the host controller): a reading.
      const causes = deliberate ? [] : cycles.map((a) => dropCauseBefore(ctx, a.gone, d.path));
      const first = causes.find((c) => c !== undefined);
      const caused = first ? cycles.filter((_, i) => causes[i]?.cause === first.cause) : [];
      const powered = first && caused.length * 2 >= cycles.length ? first.cause : undefined;
      if (first) dropCauseStep(w, first.event, first.cause, `${caused.length} of the drops follow ${first.cause.plural}, such as${when(first.event)}`);
      const firstRestart = explained.length ? restartBeforeDrop(restarts, explained[0].gone) : undefined;
      steadyOthersStep(w, ctx, d);
      if (explained.length && firstRestart) w.step(`${explained.length} of the drops follow a deliberate restart, such as${when(firstRestart)}: "${firstRestart.text}".`, firstRestart, 'S23', 'S20');
      w.cite('KB43');
      out.push({
        verdict: deliberate ? 'deliberate' : stopped ? 'stopped' : 'looping',
        confidence: cycles.length >= 3 ? 'high' : 'medium',
        why: deliberate ? 'Most drops follow a logged deliberate restart.' : `${cycles.length} disconnect/enumerate pairs on the same port, with no deliberate restart logged before ${explained.length ? 'most of them' : 'them'}.`,
        summary: `${name} dropped off USB and came back ${cycles.length} times${period !== undefined ? `, about every ${formatDuration(period)}` : ''}${gone ? `; then it dropped once more${when(gone.gone)} and ${goesOn ? 'was gone for the rest of the log' : 'the log ends before it came back'}` : ''}${stopped && stayed !== undefined ? `; then it stayed on the bus for the last ${formatDuration(stayed)} of the log` : ''}. ${deliberate ? 'Most drops follow a line in which something restarts the modem on purpose: the loop is that restart firing again and again, so find why its check keeps failing.' : powered ? `${powered.head} just before ${caused.length === cycles.length ? 'each drop' : `${caused.length} of the drops`}: ${powered.reading}` : stopped ? 'No line shows anything restarting it on purpose, nor what ended the loop: a modem that drops off the bus by itself crash-loops, resets or browns out (the log cannot tell which).' : 'No line shows anything restarting it on purpose: a modem that keeps dropping off the bus by itself is crash-looping, resetting or browning out (the log cannot tell which).'}`,
        steps: w.sorted(), evidence: w.evidence,
        advice: deliberate ? ['whyRestartFired', 'checkModemAlive'] : powered ? [powered.advice, 'checkModemAlive'] : ['findWhoResets', 'checkModemAlive'],
        adviceFields: usbIdWords(d.vidpid),
        unknowns: powered ? [] : ['whyItDropped'], sources: w.sources, restsOn: ['usb-reconnect-loop'],
        tells: ['usb-reconnect-loop', 'undervoltage', 'usb-gap', 'usb-disconnect', 'usb-composition-change', 'usb-ports-renumbered', 'usb-enumeration-error', 'modem-write-failure', 'modem-read-failure', 'interface-down', 'mobile-data-down', 'data-session-failed', 'modem-duplicate-registration'],
      });
    }
    return out;
  },
};

/** The loop has stopped when the modem stays on the bus this many of its periods, and this long at least. */
const STOPPED_PERIODS = 3;
const STOPPED_MIN_SECONDS = 600;

/** The middle of the sorted gaps (the mean of the two middle ones when there is an even number). */
function median(sorted: readonly number[]): number | undefined {
  if (!sorted.length) return undefined;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}
