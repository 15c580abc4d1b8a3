import { ADVICE, UNKNOWNS, type AdviceId, type UnknownId } from '../catalogue/advice';
import type { FileEvents } from '../events/eventCollector';
import { findingOf, secondsBetween } from '../findings/eventTime';
import { modemName } from '../findings/findingText';
import type { DetectOptions } from '../findings/options';
import { describeLayout, unexpectedMode, type UsbDevice } from '../findings/usbHistory';
import type { Episode, EpisodeStep, Finding, LogEvent, Verdict } from '../model';
import { formatClock, formatDuration, formatTime } from '../records/timeWords';
import { edlOnBus, modemOnBus, updateInProgress, type DeviceFacts } from '../troubleshoot/deviceFacts';

// Ids that show an update running, finishing, or the modem taken back by gsmd.
const FINISHED = new Set(['dfota.finished', 'event.modem-firmware-updated']);
const RECOVERED = new Set(['gsmd.new-modem', 'event.mobile-data-connected']);
const LOSS_CODES = new Set(['modem-write-failure', 'modem-read-failure', 'modem-duplicate-registration', 'modem-port-missing']);

export interface EpisodeInput {
  file: FileEvents;
  /** Events of this file, in the order they happened. */
  events: readonly LogEvent[];
  findings: readonly Finding[];
  devices: readonly UsbDevice[];
  options: DetectOptions;
  /** Device facts from a troubleshoot archive, when the log came in one. */
  facts?: DeviceFacts;
  /** Lines (1-based, inclusive) of this episode when the file holds several. */
  window?: { from: number; to: number };
}

/**
 * The story of a modem firmware update in one file: how it started, how the modem was lost, how it
 * came back, and whether gsmd took it back. Returns nothing when the file shows no update and no
 * loss of the kind an update causes (knowledge 3.4: the [F1] signature, dfota errors, EDL).
 */
export function buildModemUpdateEpisode(input: EpisodeInput): Episode | undefined {
  const { file } = input;
  const inWindow = (line: number): boolean => !input.window || (line >= input.window.from && line <= input.window.to);
  const events = input.events.filter((e) => inWindow(e.line));
  const findings = input.findings.filter((f) => inWindow(f.line));
  const mine = findings.filter((f) => f.file === file.file);
  const started = events.filter((e) => findingOf(e) === 'fw-update-started');
  const failures = events.filter((e) => findingOf(e) === 'fw-update-failed');
  const finished = events.filter((e) => FINISHED.has(e.id));
  const duplicate = mine.find((f) => f.code === 'modem-duplicate-registration');
  const edl = mine.find((f) => f.code === 'modem-edl-mode');
  const facts = input.facts;
  const factEdl = facts && edlOnBus(facts);
  const bannerUp = !!facts && updateInProgress(facts);
  if (!started.length && !failures.length && !finished.length && !duplicate && !edl && !factEdl && !bannerUp) return undefined;

  const steps: EpisodeStep[] = [];
  const evidence = new Set<number>();
  const step = (text: string, e?: { line: number; time?: number }): void => {
    const s: EpisodeStep = { text };
    if (e) {
      s.line = e.line;
      if (e.time !== undefined) s.time = e.time;
      evidence.add(e.line);
    }
    steps.push(s);
  };
  const sources = new Set<string>();
  const cite = (...tags: string[]): void => tags.forEach((t) => sources.add(t));

  // 1. Start.
  const first = started[0] ?? failures[0] ?? finished[0];
  if (first) {
    step(`The modem firmware update started${when(first)}.`, first);
  } else {
    step('The log has no update lines: when the update is started from the WebUI, dfota\'s output is discarded, so only gsmd and the kernel tell the story.');
    cite('S3c');
  }

  // 2. Loss of the modem.
  const loss = events.find((e) => LOSS_CODES.has(findingOf(e) ?? '') && e.id.startsWith('gsmd.'));
  const lossFinding = mine.find((f) => f.code === 'modem-write-failure' || f.code === 'modem-read-failure');
  const modem = loss ? modemName(loss.fields) : 'the modem';
  if (lossFinding && loss) {
    const writes = events.filter((e) => (e.id === 'gsmd.write-failed' || e.id === 'gsmd.read-failed') && e.line >= lossFinding.line && e.line <= lossFinding.endLine).length;
    step(`gsmd lost ${modem}: ${writes || lossFinding.count} failed writes${spanOf(lossFinding, events)} (errno ${loss.fields.errno ?? '5'}: its USB device went away while gsmd held the old AT port).`, loss);
    cite('K4', 'F1');
  }
  const devices = input.devices
    .filter((d) => d.file === file.file && (!loss || d.path === loss.fields.usbPath))
    .map((d) => ({ ...d, absences: d.absences.filter((a) => inWindow(a.gone.line)), enumerations: d.enumerations.filter((en) => inWindow(en.start.line)) }));
  const absences = devices.flatMap((d) => d.absences);
  absences.forEach((a, i) => {
    const away = a.back ? secondsBetween(a.gone, a.back) : undefined;
    const back = a.back ? ` and came back${away !== undefined ? ` ${formatDuration(away)} later` : ''}${when(a.back)}` : ' and did not come back';
    step(`The modem ${i ? 'left the USB bus again' : 'left the USB bus'}${when(a.gone)}${back}.`, a.gone);
  });
  if (absences.length) cite('K3b');
  if (duplicate) {
    step(`gsmd refused to register the modem again: "already exists and is registered", then "Unable to initialize"${duplicate.time !== undefined ? ` at ${formatClock(duplicate.time)}` : ''}. Its stale instance is still registered, so the modem has no working instance in gsmd.`, duplicate);
    cite('S8', 'S17', 'F1');
  }

  // 3. How it came back.
  const change = mine.find((f) => f.code === 'usb-composition-change');
  const lastEnum = devices.flatMap((d) => d.enumerations).sort((a, b) => a.start.line - b.start.line).pop();
  if (change && lastEnum) {
    const odd = unexpectedMode(lastEnum, devices[0]?.vidpid);
    step(`It re-enumerated in a different USB composition: ${describeLayout(lastEnum)}${odd ? ` (RutOS drives this modem in ${odd.expected} mode)` : ''}. Its ports are not where gsmd looks for them.`, lastEnum.start);
    cite('S6', 'K1', 'F1');
  }
  if (edl) {
    step('The modem shows as an emergency download (EDL) device: it runs no firmware and waits to be flashed.', edl);
    cite('F7', 'F9');
  }
  for (const f of failures.slice(0, 3)) step(`The update reported a failure: "${f.text}".`, f);
  if (failures.length) cite('S3', 'S22');

  // 4. Recovery, or silence.
  const lossLine = loss?.line ?? duplicate?.line ?? 0;
  const recovered = events.find((e) => RECOVERED.has(e.id) && e.line > lossLine && (!duplicate || e.line > duplicate.endLine));
  const silent = mine.find((f) => f.code === 'modem-silent');
  const gsmd = file.daemons.gsmd;
  if (finished.length) step(`The update finished${when(finished[0])}.`, finished[0]);
  if (recovered && (loss || duplicate)) step(`gsmd took the modem back${when(recovered)}.`, recovered);
  if (silent) {
    step(`gsmd never spoke of the modem again: ${lowerFirst(silent.message.split('; ')[1] ?? 'the log goes on without it.')}`, { line: gsmd?.lastLine ?? silent.line, ...(gsmd?.lastTime !== undefined ? { time: gsmd.lastTime } : {}) });
  }
  if (file.endTime !== undefined && (!input.window || input.window.to >= file.endLine)) {
    const from = gsmd?.lastTime ?? first?.time;
    const ago = from !== undefined ? ` (${formatDuration((file.endTime - from) / 1000)} after gsmd's last line)` : '';
    steps.push({ text: `The log ends at ${formatTime(file.endTime)}${ago}.`, line: file.endLine, time: file.endTime });
  }

  sortSteps(steps);
  // What the troubleshoot file shows of the device now: after the log, so it comes last.
  const present = facts && modemOnBus(facts);
  if (facts?.usbDevices) {
    if (factEdl) steps.push({ text: `When the troubleshoot file was made, lsusb listed ${factEdl.vidpid} (${factEdl.model ?? 'EDL'}): the modem is in emergency download mode and runs no firmware.` });
    else if (present) steps.push({ text: `When the troubleshoot file was made, lsusb listed ${present.vidpid} (${present.model}): the modem is on the USB bus in normal mode.` });
    else steps.push({ text: 'When the troubleshoot file was made, lsusb listed no modem and no emergency download device: the modem is not on the bus.' });
    cite('S9', 'F9');
  }
  if (facts?.dfotaStatus) {
    steps.push({ text: bannerUp ? `/tmp/dfota_status.json says "${facts.dfotaStatus.state}": the WebUI shows the "firmware update is in progress" banner.` : `/tmp/dfota_status.json holds ${facts.dfotaStatus.raw.length > 120 ? facts.dfotaStatus.raw.slice(0, 117) + '...' : facts.dfotaStatus.raw}.` });
    cite('S3', 'S4');
  }
  if (facts?.modemFirmware) steps.push({ text: `gsm.log: gsmd reported the modem firmware as ${facts.modemFirmware}.` });
  if (facts?.modemAnswered === false) steps.push({ text: 'gsm.log: the modem did not answer AT commands when the troubleshoot file was made.' });
  if (facts?.rutosVersion) steps.push({ text: `RutOS version: ${facts.rutosVersion}.` });

  // 5. Verdict.
  const lostAndNotBack = (loss || duplicate || absences.some((a) => !a.back)) && !recovered && !finished.length;
  const logGoesOn = (e: LogEvent | undefined): boolean => {
    if (!e || file.endTime === undefined || e.time === undefined) return !!silent;
    return (file.endTime - e.time) / 1000 >= input.options.silenceSeconds;
  };
  let verdict: Verdict = 'unknown';
  if (finished.length || (recovered && !failures.length && !edl && !factEdl && !bannerUp)) verdict = 'succeeded';
  else if (failures.length || edl || factEdl) verdict = 'failed';
  // The banner's status file still says the update runs: nothing finished it.
  else if (bannerUp) verdict = 'stuck';
  // gsmd does not retry a refused registration: only a gsmd restart or a reboot recovers (knowledge 2.1).
  else if (lostAndNotBack && (silent || duplicate || logGoesOn(loss ?? started[started.length - 1]))) verdict = 'stuck';
  else if (started.length && !finished.length && logGoesOn(started[started.length - 1])) verdict = 'stuck';

  const advice = adviceFor(verdict, {
    duplicate: !!duplicate, edl: !!edl || !!factEdl, change: !!change, dfota: failures.some((f) => f.id.startsWith('dfota.')), flasher: failures.some((f) => !f.id.startsWith('dfota.')),
    lsusb: facts?.usbDevices ? (factEdl ? 'edl' : present ? 'modem' : 'nothing') : undefined,
  });
  for (const id of advice) ADVICE[id].sources.forEach((s) => sources.add(s));

  const summary = summarise(verdict, { modem, lossFinding, duplicate, change, silent, edl, failures, recovered, inferred: !first, ...(facts ? { facts } : {}) });
  const all = [...evidence].sort((a, b) => a - b);
  const { confidence, why } = confidenceOf(verdict, { explicit: !!first, finished: finished.length > 0, failures: failures.length > 0, edl: !!edl || !!factEdl, duplicate: !!duplicate, silent: !!silent, bannerUp, lsusb: !!facts?.usbDevices });
  const unknowns: UnknownId[] = [];
  if (!first && !bannerUp) unknowns.push('dfotaOutput');
  if (verdict !== 'succeeded' && !facts?.usbDevices) unknowns.push('modemNow');
  if (verdict !== 'succeeded' && !facts?.modemFirmware) unknowns.push('modemFirmware');
  if (change) unknowns.push('compositionMeaning');
  for (const u of unknowns) UNKNOWNS[u].sources.forEach((src) => sources.add(src));
  const episode: Episode = {
    kind: 'modem-firmware-update',
    verdict,
    confidence,
    why,
    unknowns: unknowns.map((u) => UNKNOWNS[u].text),
    summary,
    file: file.file,
    startLine: all[0] ?? first?.line ?? 1,
    endLine: all[all.length - 1] ?? file.endLine,
    steps,
    evidence: all,
    advice: advice.map((id) => ADVICE[id].text),
    sources: [...sources],
  };
  const startTime = steps.find((s) => s.time !== undefined)?.time;
  if (startTime !== undefined) episode.startTime = startTime;
  return episode;
}

// Lines that show an update or the loss an update causes; anchors further apart than this are
// separate episodes (a day-long log can hold several attempts).
const EPISODE_SEPARATION_MS = 2 * 3600_000;

/**
 * Splits a file into the windows of its separate episodes: groups of anchor events (update lines,
 * failures, refused registrations, EDL) more than two hours apart. One window, or none, means the
 * file is told as one story.
 */
export function episodeWindows(events: readonly LogEvent[], endLine: number): { from: number; to: number }[] {
  const anchors = events.filter((e) => {
    const f = findingOf(e);
    return f === 'fw-update-started' || f === 'fw-update-failed' || FINISHED.has(e.id) || e.id === 'gsmd.already-registered' || f === 'modem-edl-mode';
  }).sort((a, b) => a.line - b.line);
  const groups: LogEvent[][] = [];
  for (const a of anchors) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g && !(prev!.time !== undefined && a.time !== undefined && a.time - prev!.time > EPISODE_SEPARATION_MS)) g.push(a);
    else groups.push([a]);
  }
  if (groups.length < 2) return [];
  return groups.map((g, i) => ({
    from: i === 0 ? 1 : groups[i - 1][groups[i - 1].length - 1].line + 1,
    to: i === groups.length - 1 ? endLine : groups[i + 1][0].line - 1,
  }));
}

/** How sure the verdict is, from what kind of evidence carries it. */
function confidenceOf(verdict: Verdict, e: { explicit: boolean; finished: boolean; failures: boolean; edl: boolean; duplicate: boolean; silent: boolean; bannerUp: boolean; lsusb: boolean }): { confidence: Episode['confidence']; why: string } {
  switch (verdict) {
    case 'succeeded':
      return e.finished ? { confidence: 'high', why: 'The log shows the update finishing.' } : { confidence: 'medium', why: 'gsmd took the modem back after losing it; the log shows no update line saying it finished.' };
    case 'failed':
      if (e.failures) return { confidence: 'high', why: 'The update tool itself reported the failure.' };
      return { confidence: e.lsusb ? 'high' : 'medium', why: 'The modem shows as an emergency download (EDL) device, which is what an interrupted flash leaves.' };
    case 'stuck':
      if (e.bannerUp && e.duplicate) return { confidence: 'high', why: 'gsmd refused the returning modem and the update status file still says the update runs.' };
      if (e.duplicate && e.silent) return { confidence: e.explicit ? 'high' : 'medium', why: `gsmd refused the returning modem and never spoke of it again${e.explicit ? '' : '; that an update caused it is inferred, since WebUI updates leave no dfota lines'}.` };
      if (e.duplicate) return { confidence: 'medium', why: 'gsmd refused the returning modem, and it does not retry by itself; the log ends soon after.' };
      return { confidence: 'low', why: 'The update started and the log goes on without it finishing or failing.' };
    default:
      return { confidence: 'low', why: 'The log ends before it shows how the update went.' };
  }
}

/** Steps in the order things happened; a step without a time stays after the one before it. */
function sortSteps(steps: EpisodeStep[]): void {
  let carry = -Infinity;
  const keyed = steps.map((s, i) => {
    if (s.time !== undefined) carry = s.time;
    return { s, i, t: s.time ?? carry };
  });
  keyed.sort((a, b) => a.t - b.t || a.i - b.i);
  keyed.forEach((k, i) => (steps[i] = k.s));
}

function adviceFor(verdict: Verdict, seen: { duplicate: boolean; edl: boolean; change: boolean; dfota: boolean; flasher: boolean; lsusb?: 'edl' | 'modem' | 'nothing' }): AdviceId[] {
  if (verdict === 'succeeded') return [];
  // With lsusb from the troubleshoot file the first question is answered; advice follows it.
  const ids: AdviceId[] = seen.lsusb ? [] : ['checkModemAlive'];
  if (seen.lsusb === 'nothing') ids.push('nothingEnumerates');
  if (seen.edl) ids.push('edlReflash');
  if (seen.duplicate || verdict === 'stuck') ids.push('restartGsmdOrReboot', 'waitingWillNotHelp', 'cleanRebootNotPowerCut');
  if (seen.dfota) ids.push('dfotaRetry');
  if (seen.flasher && !seen.edl) ids.push('checkFlasherPrerequisites');
  if (!seen.edl && !seen.lsusb) ids.push('nothingEnumerates');
  if (seen.change) ids.push('wrongComposition');
  ids.push('shareTroubleshootPrivately');
  return [...new Set(ids)];
}

interface Story {
  modem: string;
  lossFinding?: Finding;
  duplicate?: Finding;
  change?: Finding;
  silent?: Finding;
  edl?: Finding;
  failures: LogEvent[];
  recovered?: LogEvent;
  inferred: boolean;
  facts?: DeviceFacts;
}

function summarise(verdict: Verdict, s: Story): string {
  const parts: string[] = [];
  if (s.lossFinding) parts.push(`the update lost ${s.modem}: gsmd kept writing to its old AT port and failed (errno 5, the modem had dropped off USB)`);
  if (s.duplicate) parts.push('gsmd then refused to register the modem again because its old instance was still registered');
  if (s.change) parts.push('the modem came back on USB in a different composition, with its ports not where gsmd expects them');
  if (s.silent) parts.push('gsmd never spoke of the modem again');
  if (s.edl) parts.push('the modem is in emergency download (EDL) mode and runs no firmware');
  if (s.failures.length) parts.push(`the update reported "${s.failures[0].text}"`);
  if (s.facts) {
    const edlNow = edlOnBus(s.facts);
    const modemNow = modemOnBus(s.facts);
    if (edlNow && !s.edl) parts.push(`the troubleshoot file's lsusb shows ${edlNow.vidpid}: the modem is in emergency download (EDL) mode`);
    else if (modemNow) parts.push(`the troubleshoot file's lsusb shows the modem (${modemNow.vidpid}) on the bus`);
    else if (s.facts.usbDevices && !edlNow) parts.push('the troubleshoot file\'s lsusb shows no modem at all');
    if (updateInProgress(s.facts)) parts.push(`/tmp/dfota_status.json still says "${s.facts.dfotaStatus!.state}", which keeps the banner up`);
  }
  const story = parts.length ? capitalise(parts.join('; ')) + '.' : '';
  switch (verdict) {
    case 'stuck':
      return `Stuck: ${story} dfota waits for gsmd to report the modem's firmware with no time limit, so the "firmware update is in progress" banner will not clear by waiting; the modem needs gsmd restarted or a clean reboot.${s.inferred ? ' (The update itself is inferred: WebUI-started updates leave no dfota lines in the log.)' : ''}`;
    case 'failed':
      return `Failed: ${story}`;
    case 'succeeded':
      return `Succeeded: ${story ? story + ' ' : ''}${s.recovered ? 'gsmd registered the modem again.' : 'the update finished.'}`;
    default:
      return `Unknown: ${story || 'the update started, but the log ends before it shows how it went.'}`;
  }
}

function when(e: LogEvent | { time?: number; uptime?: number }): string {
  if (e.time !== undefined) return ` at ${formatClock(e.time)}`;
  if ('uptime' in e && e.uptime !== undefined) return ` at uptime ${e.uptime.toFixed(0)} s`;
  return '';
}

function spanOf(f: Finding, events: readonly LogEvent[]): string {
  const a = events.find((e) => e.line === f.line);
  const b = events.find((e) => e.line === f.lines[f.lines.length - 1]);
  const s = a && b ? secondsBetween(a, b) : undefined;
  return s !== undefined && s >= 1 ? ` in ${formatDuration(s)}` : '';
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
