import { compareFindings } from './findingOrder';
import type { FileEvents } from '../events/eventCollector';
import type { Finding, LogEvent } from '../model';
import { detectBursts } from './detectors/bursts';
import { detectClockJumps } from './detectors/clockJumps';
import { detectEdlMode } from './detectors/edlMode';
import { detectInstallMode } from './detectors/installMode';
import { detectModemSilence } from './detectors/modemSilence';
import { detectReboots } from './detectors/reboots';
import { detectUsbFindings } from './detectors/usbFindings';
import { chronological, findingOf } from './eventTime';
import type { DetectOptions } from './options';
import { LineIndex } from '../events/lineIndex';
import { buildUsbHistory, type UsbDevice } from './usbHistory';
import { explainDeliberateStops } from './shutdowns';
import { explainOtherDevicesPorts } from './otherDevicesPorts';
import type { Steps } from '../steps';
import type { UsbFindingMemo } from './usbFindingMemo';

export interface Detection {
  /** All events of all files, in the order they happened. */
  events: LogEvent[];
  findings: Finding[];
  devices: UsbDevice[];
}

/**
 * Runs every detector over the events of the files and returns findings in file order, one
 * detector a step (see steps.ts). `rutos`: the logs come from a RutOS router, where RutOS's own
 * USB composition per modem applies. `usbMemo`: what the last reading of a growing log made of its
 * USB devices, for the language server's appends.
 */
export function* detectFindingsSteps(files: readonly FileEvents[], options: DetectOptions, rutos: boolean | ((file: number) => boolean) = true, usbMemo?: UsbFindingMemo): Steps<Detection> {
  const events = chronological(eventsOf(files));
  yield;
  const devices = buildUsbHistory(events);
  // Each file's last event: events are grouped by file, so read from the end until every file
  // with events is found (not a map write per event on every append the server reads).
  const lastEvent = new Map<number, LogEvent>();
  const withEvents = files.filter((f) => f.events.length > 0).length;
  for (let i = events.length - 1; i >= 0 && lastEvent.size < withEvents; i--) {
    if (!lastEvent.has(events[i].file)) lastEvent.set(events[i].file, events[i]);
  }
  // The end of the log may lie after the last event: a stand-in event on the last timed line.
  for (const f of files) {
    const last = lastEvent.get(f.file);
    if (f.endTime !== undefined && (!last || last.time === undefined || last.time < f.endTime)) {
      lastEvent.set(f.file, { id: 'end', line: f.endLine, endLine: f.endLine, time: f.endTime, segment: last?.segment ?? 0, subsystem: 'system', severity: 'info', fields: {}, file: f.file, text: '' });
    } else if (f.endTime === undefined && f.endUptime !== undefined && (!last || (last.time === undefined && last.segment === f.endUptime.segment && (last.uptime ?? Infinity) < f.endUptime.uptime))) {
      // A log of kernel uptimes alone (dmesg): its end on that clock.
      lastEvent.set(f.file, { id: 'end', line: f.endLine, endLine: f.endLine, uptime: f.endUptime.uptime, segment: f.endUptime.segment, subsystem: 'system', severity: 'info', fields: {}, file: f.file, text: '' });
    }
  }
  // Asked once per USB absence: indexed per file, so a loop of thousands of absences stays linear.
  const errorsByFile = new Map<number, LineIndex<LogEvent>>();
  const enumerationErrors = (file: number): LineIndex<LogEvent> => {
    let index = errorsByFile.get(file);
    if (!index) errorsByFile.set(file, (index = new LineIndex(events.filter((e) => e.file === file && findingOf(e) === 'usb-enumeration-error'))));
    return index;
  };
  yield;
  const findings: Finding[] = detectBursts(events, options);
  yield;
  findings.push(...detectUsbFindings(devices, {
    lastEvent: (file) => lastEvent.get(file),
    enumerationErrors: (file, from, to) => enumerationErrors(file).within(from + 1, to - 1),
    rutos,
    ...(usbMemo ? { memo: usbMemo } : {}),
  }, options));
  yield;
  findings.push(...detectEdlMode(events), ...detectInstallMode(devices, events, (file) => lastEvent.get(file), options));
  for (const f of files) {
    yield;
    // In a file listed newest first every step back is its order, not a clock set back (its notice says so).
    findings.push(...detectModemSilence(f, events, devices, options), ...detectReboots(f, events), ...(f.summary.newestFirst ? [] : detectClockJumps(f, events)));
  }
  explainDeliberateStops(findings, events);
  explainOtherDevicesPorts(findings, events, devices);
  findings.sort(compareFindings);
  return { events, findings, devices };
}

/** The events of all files, in file order (the one file's own list when there is one: read, never changed). */
export function eventsOf(files: readonly FileEvents[]): readonly LogEvent[] {
  return files.length === 1 ? files[0].events : files.flatMap((f) => f.events);
}
