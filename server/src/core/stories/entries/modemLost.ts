import { catalogueEntry } from '../../catalogue/index';
import type { Absence, UsbDevice } from '../../findings/usbHistory';
import { formatDuration } from '../../records/timeWords';
import { StoryWriter, usbIdWords, when, usbBusSource } from '../evidence';
import { cameBackAsOther, dataDownStep, dropCauseBefore, dropCauseStep, droppedWithParent, isBootUnbind, laterListing, lastsInLog, modemDevices, modemLabel, secondsToEnd, steadyOthersStep, updaterIdOf } from '../modemDevice';
import type { StoryContext, StoryDefinition, StoryDraft } from '../types';

/**
 * The modem left the USB bus and the log goes on without it, or it came back in a download mode
 * (EDL on Qualcomm modules; another ID on ASR ones). Not for hubs, storage or phones, not for hub
 * children that dropped with their hub, not for a boot-time unbind, and not for a drop the log ends
 * on (that is the cut last cycle, not "did not come back").
 */
export const modemLostStory: StoryDefinition = {
  id: 'modem-lost',
  title: 'Modem lost',
  description: 'The modem left the USB bus and did not come back while the log went on, or came back in download mode, or a USB modem was left in its install mode.',
  rank: 3,
  verdicts: {
    'off-the-bus': { label: 'off the USB bus', severity: 'error', open: true, meaning: 'The modem left the bus and the log goes on without it.' },
    'download-mode': { label: 'in download mode', severity: 'error', meaning: 'The modem came back as a download-mode (EDL) device: it runs no firmware.' },
    'install-mode': { label: 'left in its install mode', severity: 'error', meaning: 'A USB modem shows as its install mode (a storage device with a virtual CD-ROM) and was not switched to its modem mode: it has no modem ports.' },
  },
  build: (ctx) => {
    const out: StoryDraft[] = [];
    const inLoop = new Set(ctx.coded('usb-reconnect-loop').flatMap((f) => f.lines));
    for (const d of modemDevices(ctx.devices)) {
      for (const a of d.absences) {
        if (isBootUnbind(a) || droppedWithParent(d, a.gone.line, ctx.devices)) continue;
        // The last drop after a reconnect loop is the loop's ending: its story tells it.
        if (!a.back && a === d.absences[d.absences.length - 1] && d.absences.some((x) => x.back && x.gone.line < a.gone.line && inLoop.has(x.gone.line))) continue;
        const other = cameBackAsOther(ctx, d, a);
        if ((!a.back && lastsInLog(ctx, a)) || other !== undefined) {
          out.push(offTheBus(ctx, d, a, other));
          break;
        }
      }
    }
    const install = ctx.coded('modem-install-mode')[0];
    if (install && !out.length) {
      const w = new StoryWriter();
      w.step(install.message, install, 'X130', 'X131');
      out.push({
        verdict: 'install-mode', confidence: 'high', why: 'The device\'s USB ID is an install mode usb_modeswitch\'s data lists, and no later line shows it switched.',
        summary: `${install.message} Until it is switched it has no modem ports, so nothing can use it as a modem.`,
        steps: w.sorted(), evidence: w.evidence, advice: ['switchInstallMode'], unknowns: [], sources: w.sources,
        tells: ['modem-install-mode', 'usb-gap', 'usb-disconnect'], restsOn: ['modem-install-mode'],
      });
    }
    const edl = ctx.coded('modem-edl-mode')[0];
    if (edl && !out.length) {
      const w = new StoryWriter();
      w.step('The modem shows as an emergency download (EDL) device: it runs no firmware and waits to be flashed.', edl, 'F7', 'F9', 'S22');
      out.push({
        verdict: 'download-mode', confidence: 'high', why: 'A download-mode device is on the bus where the modem was.',
        summary: `${edl.message} No update tool line is in the log, so what put it there (an interrupted flash, a crash) the log does not say.`,
        steps: w.sorted(), evidence: w.evidence, advice: ['checkModemAlive', 'downloadModeReflash', 'shareTroubleshootPrivately'], adviceFields: updaterIdOf([], edl), unknowns: ['modemNow'], sources: w.sources,
        tells: ['modem-edl-mode', 'usb-gap', 'usb-disconnect'], restsOn: ['modem-edl-mode'],
      });
    }
    return out;
  },
};

function offTheBus(ctx: StoryContext, d: UsbDevice, a: Absence, other?: string): StoryDraft {
  const w = new StoryWriter();
  const name = modemLabel(d);
  // A line just before that says what cut it (an under-voltage, the port's power, the host controller): a reading.
  const cause = dropCauseBefore(ctx, a.gone, d.path);
  if (cause) dropCauseStep(w, cause.event, cause.cause);
  // Its data connection went down as it left: the loss's, not a data problem of its own.
  const downLines = dataDownStep(w, ctx, a.gone, 'it');
  w.step(`${name} left the USB bus${when(a.gone)}.`, a.gone, usbBusSource(a.gone));
  // The kernel's attempts to bring a device up on its port again, which it gave up (usbHistory: `gave-up`).
  const gaveUp = a.events.filter((e) => catalogueEntry(e.id)?.usb === 'gave-up');
  for (const e of gaveUp.slice(0, 3)) w.step(`The kernel tried to bring a device up on its port again and gave up${when(e)} (\`unable to enumerate USB device\`): the device on it never came up.`, e, usbBusSource(e));
  if (gaveUp.length > 3) w.step(`... and gave up ${gaveUp.length - 3} more times.`);
  if (other && a.back) w.step(`A device came back on its port${when(a.back)}, as ${other}: an ID no modem of the table has, and nothing of a modem's (a modem driver, a serial port, a network interface) took it. It is not the modem as it was.`, a.back, usbBusSource(a.back));
  // To the log's end, as the usb-gap finding measures it (its last catalogued line may be long before).
  const after = secondsToEnd(ctx, a.gone);
  w.step(`The log goes on${after !== undefined ? ` for ${formatDuration(after)}` : ''} without it coming back${other ? ' as a modem' : ''}.`);
  const listed = laterListing(ctx, d, a);
  if (listed) w.step(listed.text, listed.line, 'KB43');
  steadyOthersStep(w, ctx, d);
  return {
    verdict: 'off-the-bus', confidence: 'medium',
    why: other
      ? 'The disconnect is logged, and the device that came back on its port shows nothing of a modem\'s.'
      : 'The disconnect is logged and no later line shows the device again; the log cannot show whether it came back after it ends.',
    summary: `${name} left the USB bus${when(a.gone)} and the log goes on${after !== undefined ? ` for ${formatDuration(after)}` : ''} without it${other ? ` (a device came back on its port as ${other}, with nothing of a modem's)` : ''}${listed ? `; ${listed.summary}` : ''}. ${cause ? `${cause.cause.head} just before: ${cause.cause.reading}` : 'What made it drop (a crash, a reset, a power dip, the host, someone pulling it) the log does not say.'}`,
    steps: w.sorted(), evidence: w.evidence,
    advice: cause ? [cause.cause.advice, 'checkModemAlive', 'nothingEnumerates', 'shareTroubleshootPrivately'] : ['checkModemAlive', 'nothingEnumerates', 'shareTroubleshootPrivately'],
    adviceFields: usbIdWords(d.vidpid),
    unknowns: [...(listed ? [] : ['modemNow' as const]), ...(cause ? [] : ['whyItDropped' as const])], sources: w.sources, restsOn: ['usb-gap'], context: downLines,
    tells: ['usb-gap', 'usb-disconnect', 'undervoltage', 'usb-enumeration-error', 'modem-write-failure', 'modem-read-failure', 'modem-unresponsive', 'interface-down', 'mobile-data-down', 'data-session-failed', 'registration-failed', 'modem-silent'],
  };
}

