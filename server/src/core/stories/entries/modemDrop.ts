import { clockStepWords, secondsBetween } from '../../findings/eventTime';
import { formatDuration } from '../../records/timeWords';
import { marksOf, StoryWriter, usbIdWords, when, usbBusSource } from '../evidence';
import { cameBackAsOther, dataDeviceLeftBehind, dataDownStep, dataUpAfterReturn, dropCauseBefore, portLeftBehind, dropCauseStep, droppedWithParent, sharedCause, steadyOthersStep, isBootUnbind, laterListing, lastsInLog, modemDevices, modemLabel, restartBeforeDrop } from '../modemDevice';
import type { StoryDefinition, StoryDraft } from '../types';
import type { Absence } from '../../findings/usbHistory';
import type { LogEvent } from '../../model';
import { lineIndexOf } from '../../events/lineIndex';

/**
 * The modem left the USB bus and came back, once or a few times but not in a loop: its ports and
 * data connection went with it. A single drop about 8 s long with the same layout reads like a
 * modem reset (knowledge 4.3); what caused it the log does not say.
 */
export const modemDropStory: StoryDefinition = {
  id: 'modem-drop',
  title: 'Modem dropped off USB',
  description: 'The modem left the USB bus and came back (not in a loop): its ports and data connection went with it.',
  rank: 5,
  verdicts: {
    'came-back': { label: 'came back', severity: 'warning', meaning: 'Every drop was followed by the modem enumerating again.' },
    'log-ends': { label: 'the log ends before it comes back', severity: 'warning', open: true, meaning: 'The modem left the bus shortly before the log ends: whether it came back the log cannot show.' },
    restarted: { label: 'restarted on purpose, came back', severity: 'warning', meaning: 'Each drop follows a logged deliberate restart (ping_reboot, mobifd, a script) and the modem came back: the restart took it off the bus; why it fired is the question.' },
    'back-after-reboot': { label: 'came back only after a reboot', severity: 'warning', meaning: 'The modem left the bus and was not back until the system started again: it did not come back by itself.' },
  },
  build: (ctx) => {
    const out: StoryDraft[] = [];
    const inLoop = new Set(ctx.coded('usb-reconnect-loop').flatMap((f) => f.lines));
    const leftInInstallMode = new Set(ctx.coded('modem-install-mode').flatMap((f) => f.lines));
    // Drops the findings explain as a stop's doing (a shutdown's, a sleep's: findings/shutdowns.ts) are notes, no story.
    const explained = new Set(ctx.coded('usb-gap').filter((f) => f.severity === 'info').map((f) => f.line));
    for (const d of modemDevices(ctx.devices)) {
      // A device in a loop is the loop's story, its last drop included.
      if (d.absences.some((a) => inLoop.has(a.gone.line))) continue;
      // Drops that came back, and a last one the log ends on (too close to the end for "lost").
      // (A return as another device is the lost modem's story.)
      // (A switch out of the install mode is no drop; a return into an install mode it was left in is the lost modem's.)
      const drops = d.absences.filter((a) => (a.back || !lastsInLog(ctx, a)) && !a.modeSwitch && !(a.back && leftInInstallMode.has(a.back.line)) && !cameBackAsOther(ctx, d, a) && !inLoop.has(a.gone.line) && !isBootUnbind(a) && !droppedWithParent(d, a.gone.line, ctx.devices) && !explained.has(a.gone.line));
      if (!drops.length) continue;
      const w = new StoryWriter();
      const name = modemLabel(d);
      // A drop right after something restarted the modem on purpose is that restart (knowledge 4.3).
      const restarts = ctx.marked('deliberate-restart');
      // Or the return itself says the drop was done on purpose: the device authorized again through
      // its sysfs file, after something deauthorized it (a watchdog's USB reset).
      // (the kernel logs it after the drivers bound again: a line of the return's enumeration).
      const reauthorized = (a: Absence): LogEvent | undefined => d.enumerations.find((en) => en.start === a.back)?.events.find((e) => marksOf(e).includes('reauthorized'));
      const restartOf = new Map(drops.map((a) => [a, restartBeforeDrop(restarts, a.gone) ?? reauthorized(a)] as const));
      // A line just before a drop that says what cut it (an under-voltage, the port's power, the host controller): a reading.
      const causeOf = new Map(drops.map((a) => [a, restartOf.get(a) ? undefined : dropCauseBefore(ctx, a.gone, d.path)] as const));
      // Each change of composition once: the same mode after every return is one fact.
      const toldChanges = new Set<string>();
      let leftBehind: ReturnType<typeof portLeftBehind>;
      let modeChanged: ReturnType<typeof dataDeviceLeftBehind>;
      // The data connection's lines around the drops: told with them, but not what the story rests on.
      const context: number[] = [];
      // The drops that came back only with the system's next start: the boot's enumeration, not the modem by itself.
      const bootOf = new Map(drops.map((a) => [a, a.back && ctx.coded('reboot').find((r) => r.line > a.gone.line && r.line < a.back!.line)] as const));
      // Of those, the ones the system outlived by a USB gap's length: a drop just before the system
      // itself went down (a power cut takes both) is the system's stop, not a modem that stayed away.
      // How long it went on: its last timed line before the boot (any line, catalogued or not: a
      // blind probe's Pi logged only cron and curl for the half hour), else its last event.
      const stayedAway = (a: Absence): boolean => {
        const boot = bootOf.get(a);
        if (!boot || a.gone.time === undefined) return false;
        const start = ctx.file.segmentStarts.find((st) => st.line > a.gone.line && st.line <= (a.back?.line ?? Infinity));
        if (start?.before !== undefined) return (start.before - a.gone.time) / 1000 >= ctx.options.usbGapSeconds;
        // (Through the line index: only the lines between the drop and its boot.)
        return lineIndexOf(ctx.events).within(a.gone.line + 1, boot.line - 1).some((e) => (secondsBetween(a.gone, e) ?? 0) >= ctx.options.usbGapSeconds);
      };
      for (const a of drops.slice(0, 5)) {
        const away = a.back ? secondsBetween(a.gone, a.back) : undefined;
        const restart = restartOf.get(a);
        if (restart && marksOf(restart).includes('reauthorized')) w.quote(`Its USB device was authorized again through its sysfs \`authorized\` file${when(restart)}, after something had deauthorized it (which the kernel does not log): a reset on purpose, by a person, a script or a policy daemon`, restart);
        else if (restart) w.quote(`Something restarted the modem on purpose${when(restart)}`, restart);
        const cause = causeOf.get(a);
        if (cause) dropCauseStep(w, cause.event, cause.cause, undefined, cause.run);
        // Its data connection went down as it left: the drop's, not a data problem of its own.
        context.push(...dataDownStep(w, ctx, a.gone, 'it'));
        const back = a.back;
        if (!back) {
          w.step(`${name} left the USB bus${when(a.gone)}; the log ends before it shows whether it came back.`, a.gone, usbBusSource(a.gone));
          // A listing of the USB devices after it (a paste's `lsusb`) may say.
          const listed = laterListing(ctx, d, a);
          if (listed) w.step(listed.text, listed.line, 'KB43');
          continue;
        }
        // A return after the system started again is the boot's enumeration, not the modem coming back by itself.
        const boot = bootOf.get(a);
        w.step(`${name} left the USB bus${when(a.gone)} and came back${away !== undefined ? ` ${formatDuration(away)} later` : ''}${when(back)}${clockStepWords(a.gone, back)}${boot ? `, after the system started again (line ${boot.line})` : ''}.`, a.gone, usbBusSource(a.gone));
        w.prove(back.line);
        // (The device's next departure, by line: the end of this return; one scan, not one per absence.)
        let next: Absence | undefined;
        for (const y of d.absences) if (y.gone.line > back.line && (!next || y.gone.line < next.gone.line)) next = y;
        // The data connection up again after it: the outage the user had ends there.
        const up = dataUpAfterReturn(ctx, back, a.gone, next?.gone);
        const outage = up ? secondsBetween(a.gone, up) : undefined;
        if (up) {
          w.quote(`Its data connection was up again${when(up)}${outage !== undefined ? `, ${formatDuration(outage)} after the modem left` : ''}`, up);
          context.push(up.line);
        }
        // It came back in its install mode (a storage device) and was switched out of it again: the
        // modem is back when that switch brings it back (a blind probe's stick had been told back
        // at its install mode's return, 3 s before it had ports).
        // (The device's next departure is that switch.)
        const switched = next?.modeSwitch ? next : undefined;
        if (switched?.back) {
          w.step(`It came back in its install mode (a storage device) and was switched to its modem mode${when(switched.back)}.`, switched.back, 'X101');
          w.prove(switched.back.line);
        }
        // It came back with its ports renamed, and a program still opens the old one: the modem is back, the program using it is not.
        const behind = portLeftBehind(ctx, d, a);
        if (behind) {
          leftBehind ??= behind;
          w.quote(`It came back with its serial ports under other names (${behind.old.join(', ')} before, ${behind.now.join(', ')} now), and a program still could not open its port${when(behind.event)}${behind.count > 1 ? ` (${behind.count} lines)` : ''}: the modem is back, the program that uses it is not. A program that still held the old ports when the modem left pushes the new ones to higher numbers (an inference, knowledge 4.3)`, behind.event);
          w.cite('KB43');
          // Its lines to the last that could not open the port are this story's: the program's
          // "modem not answering" among them is its failing to open it (a blind probe's smstools).
          w.prove(behind.last.line);
        }
        // It came back in another USB composition (a mode switched: cdc_ether where qmi_wwan was): the change's own words.
        const changed = ctx.coded('usb-composition-change').find((f) => f.lines.includes(back.line));
        if (changed && !toldChanges.has(changed.message)) {
          toldChanges.add(changed.message);
          w.step(changed.message, back);
        }
        // In a mode without the control device the old one had, and a program still looked for it.
        const modeLeft = dataDeviceLeftBehind(ctx, d, a);
        if (modeLeft) {
          modeChanged ??= modeLeft;
          w.quote(`It came back with ${modeLeft.now} where ${modeLeft.was} was, a USB mode without the control device (/dev/cdc-wdm) the old one had, and a program still looked for that device${when(modeLeft.event)}${modeLeft.count > 1 ? ` (${modeLeft.count} lines)` : ''}: the modem is back, its data connection, set up for the old mode, is not`, modeLeft.event);
          w.cite('KB43', 'Q2');
          w.prove(modeLeft.last.line);
          context.push(...ctx.coded('interface-down', 'mobile-data-down', 'data-session-failed').filter((f) => f.line > back.line && f.line <= modeLeft.last.line + MODE_LEFT_LINES_AFTER).flatMap((f) => f.lines));
        }
      }
      if (drops.length > 5) w.step(`... and ${drops.length - 5} more drops.`);
      steadyOthersStep(w, ctx, d);
      w.cite('KB43');
      const cut = drops.some((a) => !a.back);
      const restarted = !cut && drops.every((a) => restartOf.get(a) !== undefined);
      const first = restartOf.get(drops[0]);
      const shared = restarted ? undefined : sharedCause(drops.map((a) => causeOf.get(a)));
      // A drop the modem came back from only with the system's next start (a blind probe's modem,
      // gone 36 minutes until a reboot, had been told "came back" as if by itself).
      const rebooted = cut || restarted ? undefined : drops.find(stayedAway);
      const rebootAway = rebooted ? secondsBetween(rebooted.gone, rebooted.back!) : undefined;
      out.push({
        verdict: cut ? 'log-ends' : restarted ? 'restarted' : rebooted ? 'back-after-reboot' : 'came-back', confidence: cut ? 'medium' : 'high',
        why: cut ? 'The disconnect is logged; the log ends before a return could be.' : restarted ? 'A deliberate restart, the disconnect and the return are all logged.' : rebooted ? 'The disconnect, the system\'s start after it and the modem\'s return with that start are all logged.' : 'The disconnect and the return are both logged.',
        summary: rebooted
          ? `${name} dropped off the USB bus ${drops.length === 1 ? 'once and was' : `${drops.length} times; after the drop${when(rebooted.gone)} it was`} not back until the system started again${rebootAway !== undefined ? ` ${formatDuration(rebootAway)} later` : ''} (line ${bootOf.get(rebooted)!.line}): it did not come back by itself, the restart brought it back; its ports and data connection were gone until then. ${shared ? `${shared.head} just before ${drops.length === 1 ? 'it' : 'each drop'}: ${shared.reading}` : 'What made it drop, and whether it hung or lost its power, the log does not say.'}`
          : restarted
          ? `${name} dropped off the USB bus ${drops.length === 1 ? 'once, ' : `${drops.length} times, each time `}${marksOf(first!).includes('reauthorized') ? 'because something reset it on purpose through its sysfs authorized file' : 'right after something restarted it on purpose'} (${drops.length === 1 ? '' : 'the first: '}"${first!.text}"${when(first!)}), and came back; its ports and data connection went with it. The restart took it off the bus, not a fault of the modem: why the restart fired is what to look at.`
          : `${name} dropped off the USB bus ${drops.length === 1 ? 'once' : `${drops.length} times`}${cut ? (drops.length === 1 ? ' and the log ends before it shows whether it came back' : ', the last time just before the log ends') : ' and came back'}; its ports and data connection went with it. ${shared ? `${shared.head} just before ${drops.length === 1 ? 'it' : 'each drop'}: ${shared.reading}` : 'What made it drop (a modem reset, a crash, a power dip, the host, someone pulling it) the log does not say.'}${leftBehind ? ` It came back under other port names (${leftBehind.now.join(', ')}), and a program still looks for one of the old ones (${leftBehind.old.join(', ')}): what uses the modem did not come back with it.` : ''}`,
        steps: w.sorted(), evidence: w.evidence, advice: [...(modeChanged ? ['usbModeChanged'] : []), ...(leftBehind ? ['followRenamedPort'] : []), ...(restarted ? ['whyRestartFired'] : shared ? [shared.advice] : rebooted ? ['backOnlyAfterReboot'] : ['findWhoResets'])], adviceFields: usbIdWords(d.vidpid), unknowns: restarted || shared ? [] : ['whyItDropped'], sources: w.sources,
        restsOn: ['usb-gap'],
        context,
        // A modem not answering inside the drop's lines is part of it: the hang before it, its manager's timeouts while it is away.
        tells: ['usb-gap', 'usb-disconnect', 'undervoltage', 'usb-composition-change', 'usb-ports-renumbered', 'usb-enumeration-error', 'interface-down', 'mobile-data-down', 'data-session-failed', 'modem-write-failure', 'modem-read-failure', 'modem-unresponsive', 'modem-port-missing'],
      });
    }
    return out;
  },
};

/** How many lines after the last failed open of the old control device its connection's going down is still that (netifd's `is now down` just after). */
const MODE_LEFT_LINES_AFTER = 5;
