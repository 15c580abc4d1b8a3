import { usbDriver } from '../../catalogue/tables/usbDrivers';
import { catalogueEntry } from '../../catalogue/index';
import { fileLineOf, type ReadOrder } from '../../oldestFirst';
import { ERRNO } from '../../catalogue/tables/errno';
import { usbModel } from '../../catalogue/tables/usbIds';
import { findingOf, isJustBefore, secondsBetween } from '../../findings/eventTime';
import { modemName } from '../../findings/findingText';
import { dataDownStep, modemDevices, updaterIdOf } from '../modemDevice';
import { lineIndexOf } from '../../events/lineIndex';
import { dataDriver, describeLayout, enumerationBefore, unexpectedMode, type Enumeration, type UsbDevice } from '../../findings/usbHistory';
import type { Confidence, Finding, FindingCode, LogEvent } from '../../model';
import { formatClock, formatDuration, formatTime } from '../../records/timeWords';
import { edlOnBus, modemOnBus, updateInProgress, type DeviceFacts } from '../../troubleshoot/deviceFacts';
import { capitalise, eventOf, marksOf, StoryWriter, usbIdWords, when, usbBusSource } from '../evidence';
import type { StoryContext, StoryDefinition, StoryDraft } from '../types';
import type { UnknownId } from '../../catalogue/advice';

// The findings an update's loss of the modem shows as (knowledge 3.4: the [F1] signature).
const LOSS_CODES: readonly FindingCode[] = ['modem-write-failure', 'modem-read-failure', 'modem-port-missing'];
/** A deliberate restart this close before a refused registration explains the refusal (knowledge 2.6, 6.8). */
const RESTART_EXPLAINS_MS = 10 * 60_000;
/** An enumeration with serial ports only that lasts this long, then a full layout: the modem installing an update (knowledge 3.6). */
const UPDATE_MODE_SECONDS = 60;

/**
 * The story of a modem firmware update: how it started, how the modem was lost, how it came back,
 * and whether the router took it back. Told when the log shows an update tool, a refused
 * registration of a returning modem that nothing restarted on purpose, or download (EDL) mode.
 */
export const modemUpdateStory: StoryDefinition = {
  id: 'modem-firmware-update',
  title: 'Modem firmware update',
  description: 'A firmware update of the modem (dfota from the WebUI, modem_updater, QFirehose, QDLoader or fwdwl from a shell) and what became of the modem.',
  rank: 1,
  verdicts: {
    succeeded: { label: 'succeeded', severity: 'info', meaning: 'The update tool said it finished, or the modem was taken back into service after it.' },
    failed: { label: 'failed', severity: 'error', finding: 'fw-update-failed', meaning: 'The update tool reported a failure, or the modem is left in download mode.' },
    'updated-not-taken-back': {
      label: 'stuck (modem probably updated)',
      severity: 'error',
      finding: 'fw-update-stuck',
      meaning: 'The modem\'s USB history fits it installing the update and booting again, but the router refused or never took the returning modem back (a reading, with its evidence).',
    },
    stuck: { label: 'stuck', severity: 'error', finding: 'fw-update-stuck', open: true, meaning: 'The update started or lost the modem, and nothing finished it while the log went on.' },
    'flashing-at-end': {
      label: 'in download mode when the log ends',
      severity: 'warning',
      open: true,
      meaning: 'The modem went from running into download (EDL) mode, where a flash is written, too short a time before the log ends to tell a flash still running from one that stopped.',
    },
    unknown: { label: 'unknown', severity: 'warning', meaning: 'The log ends before it shows how the update went.' },
  },
  build: (ctx) => {
    const draft = buildUpdate(ctx);
    return draft ? [draft] : [];
  },
};

/** Anchor lines of update episodes: update tool lines, refusals, download mode. */
export function isUpdateAnchor(e: LogEvent): boolean {
  const f = findingOf(e);
  return f === 'fw-update-started' || f === 'fw-update-failed' || f === 'modem-duplicate-registration' || f === 'modem-edl-mode' || marksOf(e).includes('update-finished');
}

/** The deliberate restart (ping_reboot, mobifd, a user) logged shortly before a line, if any. */
export function restartBefore(events: readonly LogEvent[], at: { line: number; time?: number }): LogEvent | undefined {
  let found: LogEvent | undefined;
  for (const e of events) {
    if (e.line >= at.line) break;
    if (!marksOf(e).includes('deliberate-restart')) continue;
    if (e.time !== undefined && at.time !== undefined && at.time - e.time > RESTART_EXPLAINS_MS) continue;
    found = e;
  }
  return found;
}

/** Drops listed one by one in the update's story before its last. */
const MAX_DROP_STEPS = 5;

function buildUpdate(ctx: StoryContext): StoryDraft | undefined {
  const { file, events, facts } = ctx;
  // A tool that updates any device's firmware (fwupd) updated the modem where the modem left the bus soon after it started.
  const anyDevice = modemDeviceUpdates(ctx);
  const started = [...events.filter((e) => findingOf(e) === 'fw-update-started'), ...anyDevice.started].sort((a, b) => a.line - b.line);
  const failures = [...events.filter((e) => findingOf(e) === 'fw-update-failed'), ...anyDevice.failed].sort((a, b) => a.line - b.line);
  const finished = [...ctx.marked('update-finished'), ...anyDevice.finished].sort((a, b) => a.line - b.line);
  // A tool's last line says it ended, not that the flash worked (modem_updater's `Script finished`
  // follows its `[ERROR] Firmware flashing failed` too, S22): a finish after a failure of the same
  // run is no success (a blind probe's modem left in download mode had been told "succeeded").
  const startBefore = (line: number): number => started.reduce((at, s) => (s.line < line && s.line > at ? s.line : at), 0);
  const failedBefore = (f: LogEvent): boolean => failures.some((x) => x.line > startBefore(f.line) && x.line < f.line);
  const cleanFinish = finished.filter((f) => !failedBefore(f));
  const refusal = ctx.coded('modem-duplicate-registration')[0];
  // A refusal right after a deliberate restart is that restart's story, not an update's (issue: a
  // ping_reboot restart followed by a refusal was told as a stuck update).
  const duplicate = refusal && (started.length || !restartBefore(events, refusal)) ? refusal : undefined;
  const edl = ctx.coded('modem-edl-mode')[0];
  const factEdl = facts && edlOnBus(facts);
  const bannerUp = !!facts && updateInProgress(facts);
  // Download mode alone opens the story too: it is what an interrupted flash leaves [F7] [F9]; the
  // summary then says the update is inferred from it.
  if (!started.length && !failures.length && !finished.length && !duplicate && !edl && !factEdl && !bannerUp) return undefined;

  const w = new StoryWriter();
  const first = started[0] ?? failures[0] ?? finished[0];
  if (started[0]) w.step(`The modem firmware update started${when(started[0])}.`, started[0]);
  else if (first) w.step('The log does not show the update starting, only what followed.');
  else if (ctx.host === 'rutos') w.step('The log has no update lines: when the update is started from the WebUI, dfota\'s output is discarded, so only gsmd and the kernel tell the story.', undefined, 'S3c');
  else w.step('The log has no line from an update tool: that an update ran is inferred from what happened to the modem.');

  // How the modem was lost: the modem manager's writes to its old port failing.
  const lossFinding = ctx.coded(...LOSS_CODES)[0];
  const loss = lossFinding ? eventOf(lossFinding, events) : undefined;
  const modem = loss ? modemName(loss.fields) : 'the modem';
  if (lossFinding && loss) {
    const program = programOf(loss);
    const errno = loss.fields.errno !== undefined ? Number(loss.fields.errno) : undefined;
    const info = errno !== undefined ? ERRNO[errno] : undefined;
    const code = errno !== undefined ? `, errno ${errno}${info ? ` (${info.name})` : ''}` : '';
    // Each failed write logs two lines (the write and the command it carried): count the ones with an errno.
    const inBurst = events.filter((e) => e.line >= lossFinding.line && e.line <= lossFinding.endLine && findingOf(e) === lossFinding.code);
    const withErrno = inBurst.filter((e) => e.fields.errno !== undefined).length;
    const n = withErrno || lossFinding.count;
    const what = lossFinding.code === 'modem-read-failure' ? 'reads' : 'writes';
    const cut = leftOut(file.elisions, lossFinding, events);
    w.step(`${program} lost ${modem}: ${n} failed ${what}${cut ? ' shown' : ''}${spanOf(lossFinding, events)}${code}${cut ? `; ${cut}` : ''}.${info ? ` ${info.onModemTty}` : ''}`, loss, 'K4', 'F1', ...(info?.sources ?? []));
  }
  const devices = devicesOf(ctx, loss);
  const absences = devices.flatMap((d) => d.absences);
  // The EDL finding's last line names the modem's own ID when it came back out of download mode
  // (detectEdlMode), perhaps on another port: download mode's departure was that return.
  const outOfDownload = edl && edl.severity === 'info' ? events.find((e) => e.line === edl.lines[edl.lines.length - 1]) : undefined;
  const returnAs = (a: (typeof absences)[number]): string | undefined => {
    if (a.back || !outOfDownload || a.path === outOfDownload.fields.usbPath) return undefined;
    const after = secondsBetween(a.gone, outOfDownload);
    return after !== undefined && after >= 0 ? ` and came back as the modem${outOfDownload.fields.usbPath ? ` at USB ${outOfDownload.fields.usbPath}` : ''} ${formatDuration(after)} later${when(outOfDownload)}` : undefined;
  };
  // Each drop a step, the first few and the last: an update that resets the modem again and again
  // (a flasher in download mode) is one story, its drops counted (the loop they make is the update's).
  absences.forEach((a, i) => {
    const last = i === absences.length - 1;
    if (i >= MAX_DROP_STEPS && !last) return;
    const away = a.back ? secondsBetween(a.gone, a.back) : undefined;
    const back = a.back ? ` and came back${away !== undefined ? ` ${formatDuration(away)} later` : ''}${when(a.back)}` : returnAs(a) ?? ' and did not come back before the log ends';
    const skipped = last && i > MAX_DROP_STEPS ? ` (after ${i - MAX_DROP_STEPS} more drops and returns)` : '';
    // Its data connection going down as it first left is the update's doing, not a data problem (a blind probe's RutOS flash).
    if (i === 0) dataDownStep(w, ctx, a.gone, 'the modem');
    w.step(`The modem ${i ? 'left the USB bus again' : 'left the USB bus'}${when(a.gone)}${back}${skipped}.`, a.gone, usbBusSource(a.gone));
    w.prove(...(a.back ? [a.back.line] : []));
  });
  if (duplicate) {
    w.step(`${programOf(eventOf(duplicate, events))} refused to register the returning modem: "already exists and is registered", then "Unable to initialize"${duplicate.time !== undefined ? ` at ${formatClock(duplicate.time)}` : ''}: it still held the instance of the modem it had lost.`, duplicate, 'S8', 'S17', 'F1');
  }

  // How it came back: the composition, and what the USB history suggests (a reading).
  const change = ctx.coded('usb-composition-change')[0];
  const enums = devices.flatMap((d) => d.enumerations).sort((a, b) => a.start.line - b.start.line);
  const lastEnum = enums[enums.length - 1];
  const vidpid = devices.find((d) => d.vidpid)?.vidpid ?? loss?.fields.vidpid;
  if (change && lastEnum) w.step(compositionStep(lastEnum, vidpid, ctx.host === 'rutos'), lastEnum.start, 'S6', 'K1', 'KB42');
  const updateMode = (duplicate || lossFinding) && !finished.length && !failures.length ? updateModeReading(devices) : undefined;
  if (updateMode) {
    w.step(`A reading of the USB lines (not a fact the log states): from ${clockOf(updateMode.serialOnly.start, file.readOrder)} the modem sat on USB for ${formatDuration(updateMode.seconds)} with serial ports only and no network interface, then restarted and came up${when(updateMode.full.start)} with its full layout (${describeLayout(updateMode.full)}). That fits the modem installing the update and booting its firmware: the modem side of the update very probably finished, and what is stuck is the router's view of it.`, updateMode.full.start, 'KB36');
    w.prove(updateMode.serialOnly.start.line);
  }
  if (edl) w.step('The modem shows as an emergency download (EDL) device: it runs no firmware and waits to be flashed.', edl, 'F7', 'F9');
  if (outOfDownload) w.step(`It came back out of download mode${when(outOfDownload)} as the modem (${outOfDownload.fields.vidpid ?? `${outOfDownload.fields.vid}:${outOfDownload.fields.pid}`}${outOfDownload.fields.usbPath ? ` at USB ${outOfDownload.fields.usbPath}` : ''}): it runs firmware again.`, outOfDownload, 'F7');
  for (const f of failures.slice(0, 3)) w.step(`The update reported a failure: "${f.text}".`, f, 'S3', 'S22');

  // Recovery, or what the log does not show.
  const lossLine = loss?.line ?? duplicate?.line ?? 0;
  const recovered = ctx.marked('modem-back').find((e) => e.line > lossLine && (!duplicate || e.line > duplicate.endLine));
  const afterFailure = failures.length ? ctx.marked('modem-back').find((e) => e.line > failures[failures.length - 1].line) ?? ctx.marked('data-up').find((e) => e.line > failures[failures.length - 1].line) : undefined;
  const silent = ctx.coded('modem-silent')[0];
  if (cleanFinish.length) w.step(`The update finished${when(cleanFinish[0])}.`, cleanFinish[0]);
  else if (finished.length) w.step(`The update tool ended${when(finished[0])}, after the failure it reported.`, finished[0]);
  if (recovered && (loss || duplicate)) w.step(`The modem was taken back into service${when(recovered)}.`, recovered);
  if (afterFailure && !recovered) w.step(`After the failure the connection worked${when(afterFailure)}: "${afterFailure.text}"${marksOf(afterFailure).includes('modem-back') ? '' : ' (if the mobile link is the only WAN, the modem still runs)'}.`, afterFailure);
  if (silent) w.step(silent.message, { line: silent.line, ...(silent.time !== undefined ? { time: silent.time } : {}) }, 'KB6');
  if (file.endTime !== undefined && (!ctx.window || ctx.window.to >= file.endLine)) {
    w.step(`The log ends at ${formatTime(file.endTime)}.`, { line: file.endLine, time: file.endTime });
  }
  const steps = w.sorted();
  // What the troubleshoot file shows of the device now: after the log, so it comes last.
  const present = facts && modemOnBus(facts);
  if (facts?.usbDevices) {
    if (factEdl) steps.push({ text: `When the troubleshoot file was made, lsusb listed ${factEdl.vidpid} (${factEdl.model ?? 'EDL'}): the modem is in emergency download mode and runs no firmware.` });
    else if (present) steps.push({ text: `When the troubleshoot file was made, lsusb listed ${present.vidpid} (${present.model}): the modem is on the USB bus in normal mode.` });
    else steps.push({ text: 'When the troubleshoot file was made, lsusb listed no modem and no emergency download device: the modem is not on the bus.' });
    w.cite('S9', 'F9');
  }
  if (facts?.dfotaStatus) {
    steps.push({ text: bannerUp ? `/tmp/dfota_status.json says "${facts.dfotaStatus.state}": the WebUI shows the "firmware update is in progress" banner.` : `/tmp/dfota_status.json holds ${facts.dfotaStatus.raw.length > 120 ? facts.dfotaStatus.raw.slice(0, 117) + '...' : facts.dfotaStatus.raw}.` });
    w.cite('S3', 'S4');
  }
  if (facts?.modemFirmware) steps.push({ text: `gsm.log: gsmd reported the modem firmware as ${facts.modemFirmware}.` });
  if (facts?.modemAnswered === false) steps.push({ text: 'gsm.log: the modem did not answer AT commands when the troubleshoot file was made.' });
  if (facts?.rutosVersion) steps.push({ text: `RutOS version: ${facts.rutosVersion}.` });

  // Verdict.
  const lostAndNotBack = (loss || duplicate || absences.some((a) => !a.back)) && !recovered && !cleanFinish.length;
  const logGoesOn = (e: { time?: number } | undefined): boolean => {
    if (!e || file.endTime === undefined || e.time === undefined) return !!silent;
    return (file.endTime - e.time) / 1000 >= ctx.options.silenceSeconds;
  };
  const leftInDownload = !!edl && !outOfDownload && !cleanFinish.some((f) => f.line > edl.line);
  // The modem went from running into download mode in this log, and the log ends within the time a
  // flash takes: a flash may still be writing it (a blind probe's log ended 4 min into one and was
  // told "failed", with the advice to re-flash).
  const flashingFor = leftInDownload && !failures.length && !factEdl ? flashMayRun(ctx) : undefined;
  let verdict = 'unknown';
  if (flashingFor !== undefined) verdict = 'flashing-at-end';
  else if (cleanFinish.length && !leftInDownload) verdict = 'succeeded';
  else if ((recovered || outOfDownload) && !failures.length && !leftInDownload && !factEdl && !bannerUp) verdict = 'succeeded';
  else if (failures.length || leftInDownload || factEdl) verdict = 'failed';
  else if (bannerUp || (lostAndNotBack && (silent || duplicate || logGoesOn(loss ?? started[started.length - 1]))) || (started.length && logGoesOn(started[started.length - 1]))) {
    verdict = updateMode ? 'updated-not-taken-back' : 'stuck';
  }

  const advice = adviceFor(verdict, { duplicate: !!duplicate, edl: leftInDownload || !!factEdl, change: !!change, dfotaFailed: failures.some((f) => isDfota(f)), flasherFailed: failures.some((f) => !isDfota(f)), workedAfter: !!afterFailure, lsusb: facts?.usbDevices ? (factEdl ? 'edl' : present ? 'modem' : 'nothing') : undefined });
  const { confidence, why } = flashingFor !== undefined ? { confidence: 'low' as Confidence, why: `The modem went into download mode ${formatDuration(flashingFor)} before the log ends: a flash is written in that mode and takes minutes, so the log cannot tell one still running from one that stopped.` } : confidenceOf(verdict, { explicit: !!first, finished: cleanFinish.length > 0, failures: failures.length > 0, edl: leftInDownload || !!factEdl, duplicate: !!duplicate, silent: !!silent, bannerUp, lsusb: !!facts?.usbDevices, reading: !!updateMode });
  const unknowns: UnknownId[] = [];
  if (!first && !bannerUp) unknowns.push('dfotaOutput');
  if (verdict !== 'succeeded' && !facts?.usbDevices && !afterFailure) unknowns.push('modemNow');
  if (verdict !== 'succeeded' && !facts?.modemFirmware && !afterFailure) unknowns.push('modemFirmware');
  if (silent) unknowns.push('gsmdSilence');
  if (change) unknowns.push('compositionMeaning');

  const summary = summarise(verdict, { modem, lossFinding, loss, duplicate, change, silent, ...(leftInDownload && flashingFor === undefined ? { edl } : {}), ...(flashingFor !== undefined ? { flashingFor } : {}), ...(outOfDownload ? { outOfDownload } : {}), failures, recovered, afterFailure, updateMode: !!updateMode, inferred: !first, rutos: ctx.host === 'rutos', bannerUp, ...(facts ? { facts } : {}) });
  const evidence = w.evidence;
  return {
    verdict, confidence, why, summary, steps, evidence, advice, adviceFields: { ...usbIdWords(vidpid), ...updaterIdOf(devices, edl) }, unknowns, sources: w.sources,
    startLine: evidence[0] ?? first?.line ?? 1,
    endLine: evidence[evidence.length - 1] ?? file.endLine,
    tells: ['modem-write-failure', 'modem-read-failure', 'modem-duplicate-registration', 'modem-port-missing', 'modem-silent', 'modem-edl-mode', 'usb-gap', 'usb-disconnect', 'usb-reconnect-loop', 'usb-composition-change', 'usb-ports-renumbered', 'interface-down', 'mobile-data-down', 'data-session-failed', 'modem-unresponsive', 'fw-update-failed', 'fw-update-started'],
  };
}

/** The devices of the story: the lost modem's, or every one in the file when the loss names none. */
function devicesOf(ctx: StoryContext, loss: LogEvent | undefined): UsbDevice[] {
  return ctx.devices.filter((d) => (!loss?.fields.usbPath || d.path === loss.fields.usbPath) && isModemLike(d));
}

/** A device the story may call "the modem": a known modem ID, modem drivers, or unknown (not a known hub or storage). */
function isModemLike(d: UsbDevice): boolean {
  if (usbModel(d.vidpid)) return true;
  const drivers = d.enumerations.flatMap((en) => [...en.drivers.values()].map(usbDriver));
  if (drivers.some((x) => x?.device === 'modem' || x?.device === 'maybe')) return true;
  return !drivers.some((x) => x?.device === 'not');
}

/**
 * The knowledge 3.6 reading: an enumeration with serial ports only and no network interface that
 * stays a minute or more, followed later by one with a data driver, fits a module installing an
 * update in an update mode and then booting its firmware.
 */
function updateModeReading(devices: readonly UsbDevice[]): { serialOnly: Enumeration; full: Enumeration; seconds: number } | undefined {
  for (const d of devices) {
    for (let i = 0; i < d.enumerations.length; i++) {
      const en = d.enumerations[i];
      if (dataDriver(en) || en.netdevs.length || (en.ttys.size === 0 && en.looseTtys.length === 0)) continue;
      // The first departure after it: on a later line, or later on its line (records a paste joined into one).
      const left = d.absences.find((a) => a.gone.line > en.start.line || (a.gone.line === en.start.line && (secondsBetween(en.start, a.gone) ?? 0) > 0));
      const stayed = left ? secondsBetween(en.start, left.gone) : undefined;
      if (stayed === undefined || stayed < UPDATE_MODE_SECONDS) continue;
      const full = d.enumerations.slice(i + 1).find((x) => dataDriver(x));
      if (full) return { serialOnly: en, full, seconds: stayed };
    }
  }
  return undefined;
}

/**
 * The composition the modem came back in. gsmd finds its AT port by USB interface, not by tty
 * number (knowledge 4.2): say whether that interface is there, never that "the ports moved" unless
 * the log shows the interface missing.
 */
function compositionStep(en: Enumeration, vidpid: string | undefined, rutos: boolean): string {
  const odd = unexpectedMode(en, vidpid);
  const model = usbModel(vidpid);
  let text = `It came back in a different USB composition: ${describeLayout(en)}${odd && rutos ? ` (RutOS drives this modem in ${odd.expected} mode)` : ''}.`;
  if (rutos && model?.atInterface !== undefined && en.drivers.size) {
    const at = model.atInterface;
    if (en.ttys.has(at) || en.drivers.get(at) === 'option') text += ` Interface ${at}, where gsmd looks for the AT port, is there${en.ttys.get(at) ? ` (${en.ttys.get(at)})` : ''}: what changed is the network driver${dataDriver(en) ? ` (${dataDriver(en)})` : ''} and the tty numbers.`;
    else text += ` The log shows no serial port on interface ${at}, where gsmd looks for the AT port.`;
  }
  return text;
}

/**
 * What a paste left out inside a burst: "lines 527-532 and 535-562 were left out of the paste" in
 * the poster's own numbers when the lines carry them, else how many stretches were cut.
 */
function leftOut(elisions: readonly number[], f: Finding, events: readonly LogEvent[]): string | undefined {
  const inside = elisions.filter((l) => l > f.line && l < f.endLine);
  if (!inside.length) return undefined;
  const ranges: string[] = [];
  for (const l of inside) {
    let before: LogEvent | undefined;
    let after: LogEvent | undefined;
    for (const e of events) {
      if (e.line < l) before = e;
      else if (e.line > l) {
        after = e;
        break;
      }
    }
    if (before?.recordId === undefined || after?.recordId === undefined || after.recordId - before.recordId < 2) return `${inside.length === 1 ? 'a stretch was' : `${inside.length} stretches were`} left out of the paste ("...")`;
    const a = before.recordId + 1;
    const b = after.recordId - 1;
    ranges.push(a === b ? `${a}` : `${a}-${b}`);
  }
  return `lines ${ranges.length > 1 ? `${ranges.slice(0, -1).join(', ')} and ${ranges[ranges.length - 1]}` : ranges[0]} (the poster's numbers) were left out of the paste`;
}

/** dfota's delta update (tagged dfota), which leaves the old firmware in place when it fails (knowledge 3.1). */
function isDfota(e: LogEvent): boolean {
  return catalogueEntry(e.id)?.tags?.includes('dfota') ?? false;
}

/** The program a line comes from, by its catalogue entry's tag: "gsmd", "ModemManager". */
function programOf(e: LogEvent | undefined): string {
  const tag = e ? catalogueEntry(e.id)?.tags?.find((t) => t !== '-') : undefined;
  return tag ?? 'The modem manager';
}

/** When an event happened, or where: a line is named as the file numbers it (`order`: the file was read in reverse). */
function clockOf(e: LogEvent, order: ReadOrder | undefined): string {
  return e.time !== undefined ? formatClock(e.time) : e.uptime !== undefined ? `uptime ${e.uptime.toFixed(0)} s` : `line ${order ? fileLineOf(order, e.line) : e.line}`;
}

function confidenceOf(verdict: string, e: { explicit: boolean; finished: boolean; failures: boolean; edl: boolean; duplicate: boolean; silent: boolean; bannerUp: boolean; lsusb: boolean; reading: boolean }): { confidence: Confidence; why: string } {
  switch (verdict) {
    case 'succeeded':
      return e.finished ? { confidence: 'high', why: 'The log shows the update finishing.' } : { confidence: 'medium', why: 'The modem was taken back after it was lost; the log shows no update line saying it finished.' };
    case 'failed':
      if (e.failures) return { confidence: 'high', why: 'The update tool itself reported the failure.' };
      return { confidence: e.lsusb ? 'high' : 'medium', why: 'The modem shows as an emergency download (EDL) device, which is what an interrupted flash leaves.' };
    case 'updated-not-taken-back':
    case 'stuck': {
      const reading = e.reading ? ' That the modem itself finished the update is a reading of its USB lines.' : '';
      if (e.bannerUp && e.duplicate) return { confidence: 'high', why: `gsmd refused the returning modem and the update status file still says the update runs.${reading}` };
      if (e.duplicate && e.silent) return { confidence: e.explicit ? 'high' : 'medium', why: `gsmd refused the returning modem and the log does not show it taken back${e.explicit ? '' : '; that an update caused it is inferred, since WebUI updates leave no dfota lines'}.${reading}` };
      if (e.duplicate) return { confidence: 'medium', why: `gsmd refused the returning modem, and it does not retry by itself; the log ends soon after.${reading}` };
      return { confidence: 'low', why: 'The update started and the log goes on without it finishing or failing.' };
    }
    default:
      return { confidence: 'low', why: 'The log ends before it shows how the update went.' };
  }
}

function adviceFor(verdict: string, seen: { duplicate: boolean; edl: boolean; change: boolean; dfotaFailed: boolean; flasherFailed: boolean; workedAfter: boolean; lsusb?: 'edl' | 'modem' | 'nothing' }): string[] {
  if (verdict === 'succeeded') return [];
  // A flash that may still run: let it end before anything else, then see whether it did (knowledge 3.3, 3.5).
  if (verdict === 'flashing-at-end') return ['letFlashEnd', 'downloadModeReflash', 'shareTroubleshootPrivately'];
  // A dfota error after which the modem answered and data worked: the old firmware still runs.
  if (seen.dfotaFailed && seen.workedAfter && !seen.edl) return ['dfotaRetry'];
  if (verdict === 'stuck' || verdict === 'updated-not-taken-back') {
    // lsusb from the troubleshoot file shows no modem: restarting software cannot bring it back.
    if (seen.lsusb === 'nothing') return ['nothingEnumerates', 'saveEvidenceBeforeReboot', 'shareTroubleshootPrivately'];
    // Knowledge 3.6, in this order: waiting will not help; save the evidence; reboot cleanly or
    // restart gsmd; then learn whether the update applied.
    const ids = ['waitingWillNotHelp', 'saveEvidenceBeforeReboot', 'restartGsmdOrReboot', 'checkFirmwareVersion'];
    if (!seen.lsusb) ids.push('checkModemAlive');
    ids.push('shareTroubleshootPrivately');
    return ids;
  }
  const ids: string[] = seen.lsusb ? [] : ['checkModemAlive'];
  if (seen.lsusb === 'nothing') ids.push('nothingEnumerates');
  if (seen.edl) ids.push('downloadModeReflash');
  if (seen.dfotaFailed) ids.push('dfotaRetry');
  if (seen.flasherFailed && !seen.edl) ids.push('checkFlasherPrerequisites');
  if (!seen.edl && !seen.lsusb && !seen.dfotaFailed) ids.push('nothingEnumerates');
  if (seen.change) ids.push('wrongComposition');
  ids.push('shareTroubleshootPrivately');
  return [...new Set(ids)];
}

interface Told {
  modem: string;
  lossFinding?: Finding;
  loss?: LogEvent;
  duplicate?: Finding;
  change?: Finding;
  silent?: Finding;
  /** Download mode the modem is left in. */
  edl?: Finding;
  /** The line showing the modem back out of download mode. */
  outOfDownload?: LogEvent;
  /** Seconds between the modem's going into download mode and the log's end, where a flash may still run then. */
  flashingFor?: number;
  failures: LogEvent[];
  recovered?: LogEvent;
  afterFailure?: LogEvent;
  updateMode: boolean;
  inferred: boolean;
  rutos: boolean;
  bannerUp: boolean;
  facts?: DeviceFacts;
}

function summarise(verdict: string, s: Told): string {
  const parts: string[] = [];
  if (s.lossFinding && s.loss) {
    const errno = s.loss.fields.errno !== undefined ? Number(s.loss.fields.errno) : undefined;
    const info = errno !== undefined ? ERRNO[errno] : undefined;
    parts.push(`${programOf(s.loss)} lost ${s.modem}: its ${s.lossFinding.code === 'modem-read-failure' ? 'reads from' : 'writes to'} the old port failed${errno !== undefined ? ` with errno ${errno}${info ? ` (${info.name})` : ''}` : ''}`);
  }
  if (s.duplicate) parts.push('then it refused to register the returning modem because it still held the old instance');
  if (s.change) parts.push('the modem came back in a different USB composition');
  if (s.updateMode) parts.push('its USB lines read like the modem installing the update and booting again');
  if (s.silent) parts.push('the log does not show the modem taken back');
  if (s.edl) parts.push('the modem is left in emergency download (EDL) mode and runs no firmware');
  if (s.outOfDownload) parts.push('the modem went through emergency download (EDL) mode, where a flash is written, and came back out of it as the modem');
  if (s.flashingFor !== undefined) parts.push(`the modem went into emergency download (EDL) mode, where a flash is written, ${formatDuration(s.flashingFor)} before the log ends, and was still in it then: whether a flash was still writing it or had stopped, the log cannot tell`);
  if (s.failures.length) parts.push(`the update reported "${s.failures[0].text}"`);
  if (s.afterFailure) parts.push('the connection worked afterwards, which fits the modem still running its old firmware: a failed delta update leaves it in place');
  if (s.facts) {
    const edlNow = edlOnBus(s.facts);
    const modemNow = modemOnBus(s.facts);
    if (edlNow && !s.edl) parts.push(`the troubleshoot file's lsusb shows ${edlNow.vidpid}: the modem is in emergency download (EDL) mode`);
    else if (modemNow) parts.push(`the troubleshoot file's lsusb shows the modem (${modemNow.vidpid}) on the bus`);
    else if (s.facts.usbDevices && !edlNow) parts.push('the troubleshoot file\'s lsusb shows no modem at all');
    if (updateInProgress(s.facts)) parts.push(`/tmp/dfota_status.json still says "${s.facts.dfotaStatus!.state}", which keeps the banner up`);
  }
  // Program names keep their case ("gsmd lost ..."): only a leading "the" is capitalised.
  const joined = parts.join('; ');
  const story = parts.length ? (/^the /.test(joined) ? capitalise(joined) : joined) + '.' : '';
  // Only gsmd's refusal says "update" (no USB reading of one, no other composition, no banner): a
  // modem that reset by itself leaves the same lines (knowledge 2.1), and the reader is told so (a
  // blind probe's EC25 that dropped with no update had been told a stuck update and no more).
  const onlyTheRefusal = !!s.duplicate && !s.updateMode && !s.change && !s.bannerUp && !s.edl && !s.outOfDownload;
  const inferred = !s.inferred ? '' : (s.outOfDownload || s.flashingFor !== undefined) && !s.duplicate && !s.lossFinding ? ' (That an update ran is inferred: a flash is written in download mode; the log has no update line.)' : s.edl && !s.duplicate && !s.lossFinding ? ' (That an update ran is inferred: download mode is what an interrupted flash leaves; the log has no update line.)' : s.rutos ? ` (That an update ran is inferred: WebUI-started updates leave no dfota lines in the log.${onlyTheRefusal ? ' A modem that restarted by itself leaves the same lines: if no update was started, this is gsmd not taking back a modem that restarted, and the same restart of gsmd takes it back.' : ''})` : ' (That an update ran is inferred from what happened to the modem.)';
  switch (verdict) {
    case 'updated-not-taken-back':
      return `${story} What is stuck is most likely the router's view, not the modem: ${s.rutos ? 'dfota waits for gsmd to report the modem\'s firmware with no time limit, so waiting will not clear the "firmware update is in progress" banner; a clean reboot or a gsmd restart lets gsmd take the modem back, and `gsmctl -y` then shows whether the update applied.' : 'restarting the modem manager lets it take the modem back, and the modem\'s firmware version then shows whether the update applied.'}${inferred}`;
    case 'stuck':
      return `${story}${story ? ' ' : ''}${s.rutos ? 'dfota waits for gsmd to report the modem\'s firmware with no time limit, so the "firmware update is in progress" banner will not clear by waiting; gsmd needs a restart or the router a clean reboot.' : 'Nothing in the log finishes the update.'}${inferred}`;
    case 'failed':
      return `${story}${inferred}`;
    case 'succeeded':
      return `${story ? story + ' ' : ''}${s.recovered ? 'The modem was taken back into service.' : s.outOfDownload ? 'It runs firmware again; which version, the log does not say.' : 'The update finished.'}${s.outOfDownload ? inferred : ''}`;
    default:
      return story || 'The update started, but the log ends before it shows how it went.';
  }
}

/**
 * The updates of a tool that updates any device's firmware (fwupd: `device-update-*` marks) that
 * were the modem's: a start the modem left the bus after, or showed in download mode after, within
 * DEVICE_UPDATE_SECONDS; and that start's finish or failure, before the next start. Alone, such a
 * tool's lines say nothing of a modem (a laptop's UEFI update had been told a stuck modem update).
 */
function modemDeviceUpdates(ctx: StoryContext): { started: LogEvent[]; finished: LogEvent[]; failed: LogEvent[] } {
  const starts = ctx.marked('device-update-started');
  const fails = ctx.marked('device-update-failed');
  const none = { started: [], finished: [], failed: [] };
  if (!starts.length && !fails.length) return none;
  // The modem's departures (not a dock's hub, a disk's: fwupd updates those too) and its download mode.
  const index = lineIndexOf(ctx.events);
  const departures = [...modemDevices(ctx.devices).flatMap((d) => d.absences.map((a) => a.gone)), ...ctx.coded('modem-edl-mode').flatMap((f) => index.within(f.line, f.line))];
  // Whether `b` comes after `a` within DEVICE_UPDATE_SECONDS (DEVICE_UPDATE_LINES without a common clock).
  const soonAfter = (a: LogEvent, b: LogEvent): boolean => b.line > a.line && isJustBefore(a, b, DEVICE_UPDATE_SECONDS, DEVICE_UPDATE_LINES);
  const modemAfter = (s: LogEvent): boolean => departures.some((g) => soonAfter(s, g));
  // A failure with no start before it, logged soon after the modem left the bus (the journal alone:
  // fwupd's `failed to wait for detach replug` minutes after the modem detached, a blind probe's).
  const failedWhileGone = fails.filter((f) => !starts.some((s) => s.line < f.line) && departures.some((g) => soonAfter(g, f)));
  const started = starts.filter(modemAfter);
  if (!started.length) return { ...none, failed: failedWhileGone };
  // A finish or failure belongs to the last start before it, if that start was the modem's.
  const ofModem = (e: LogEvent): boolean => {
    const last = starts.filter((s) => s.line < e.line).pop();
    return last !== undefined && started.includes(last);
  };
  return { started, finished: ctx.marked('device-update-finished').filter(ofModem), failed: [...fails.filter(ofModem), ...failedWhileGone] };
}
/** How soon after an any-device tool's start the modem leaves the bus for the start to be its update (fwupd detaches it at once). */
const DEVICE_UPDATE_SECONDS = 600;
const DEVICE_UPDATE_LINES = 200;

/**
 * How long a flash in download mode may still be running when a log ends: knowledge 3.3 (a first
 * RUTX09 upgrade took about 10 minutes [F9]; an update still "in progress" after 30-60 minutes is
 * abnormal, an inference).
 */
const FLASH_MAY_RUN_SECONDS = 30 * 60;

/**
 * Seconds from the modem's going into download mode to the log's end, where it went there from
 * running in this log (a download-mode device came up within EDL_AFTER_DEPARTURE_SECONDS of a
 * device's departure, on the same port or another: a USB 3 module's download mode comes up on its
 * USB 2 port, with no boot between) and the log ends within FLASH_MAY_RUN_SECONDS: a flash may
 * still be writing it. Read from the download-mode device's own enumeration, not from the finding's
 * first line (a flasher's `switch to 'Emergency download mode'` comes before the modem leaves: a
 * blind probe's QFirehose flash at 64% had been told "failed"); by the wall clock, else by the
 * kernel's uptime in one boot (a raw dmesg). Download mode at a boot, or after one (a power cut
 * mid-flash), has no flash running: the flasher went with the system.
 */
function flashMayRun(ctx: StoryContext): number | undefined {
  const { endTime, endUptime } = ctx.file;
  // Departures of a device that was running: not a download-mode device's own (it re-enumerates, still in that mode).
  const departures = ctx.devices.flatMap((d) => d.absences.filter((a) => !usbModel(enumerationBefore(d, a.gone.line)?.vidpid)?.edl).map((a) => a.gone));
  const reboots = ctx.coded('reboot');
  let found: number | undefined;
  for (const d of ctx.devices) {
    for (const en of d.enumerations) {
      if (!usbModel(en.vidpid)?.edl) continue;
      const at = en.start;
      const left = departures.some((g) => {
        if (g.file !== at.file || g.line > at.line) return false;
        const s = secondsBetween(g, at);
        return s !== undefined && s >= 0 && s <= EDL_AFTER_DEPARTURE_SECONDS && !reboots.some((r) => r.line > g.line && r.line <= at.line);
      });
      if (!left) continue;
      const toEnd = at.time !== undefined && endTime !== undefined ? (endTime - at.time) / 1000
        : at.uptime !== undefined && endUptime !== undefined && endUptime.segment === at.segment ? endUptime.uptime - at.uptime : undefined;
      if (toEnd !== undefined && toEnd >= 0 && toEnd < FLASH_MAY_RUN_SECONDS) found = toEnd;
    }
  }
  return found;
}
/** A modem switched into download mode re-enumerates in seconds (a blind probe's: 2 s). */
const EDL_AFTER_DEPARTURE_SECONDS = 120;

function spanOf(f: Finding, events: readonly LogEvent[]): string {
  const a = eventOf(f, events);
  const b = eventOf(f, events, f.lines[f.lines.length - 1], true);
  const s = a && b ? secondsBetween(a, b) : undefined;
  return s !== undefined && s >= 1 ? ` in ${formatDuration(s)}` : '';
}

