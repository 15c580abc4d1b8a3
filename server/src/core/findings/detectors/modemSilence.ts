import { catalogueEntry, storyMarksOf } from '../../catalogue/index';
import { RUTOS_MOBILE_INTERFACE } from '../../catalogue/tables/mobileInterfaces';
import type { Finding, LogEvent } from '../../model';
import type { FileEvents } from '../../events/eventCollector';
import { formatClock, formatDuration } from '../../records/timeWords';
import { findingOf } from '../eventTime';
import { modemName } from '../findingText';
import type { DetectOptions } from '../options';
import type { UsbDevice } from '../usbHistory';
import { toFinding } from './findingBuilder';

const LOSS_CODES = new Set(['modem-write-failure', 'modem-read-failure', 'modem-duplicate-registration', 'modem-port-missing', 'modem-unresponsive']);
/** Lines after the last trouble that still count as the same burst. */
const SAME_BURST_SECONDS = 15;
/** Without clocks, this many lines of log after gsmd's last word is a silence. */
const SILENT_LINES = 20;

/**
 * gsmd stopped talking after losing the modem while the log went on: the state in which
 * "already exists and is registered" leaves it, with no instance that could log anything [F1] [S8].
 */
export function detectModemSilence(file: FileEvents, events: readonly LogEvent[], devices: readonly UsbDevice[], options: DetectOptions): Finding[] {
  const gsmd = file.daemons.gsmd;
  if (!gsmd) return [];
  const trouble = events.filter((e) => e.file === file.file && catalogueEntry(e.id)?.tags?.includes('gsmd') && LOSS_CODES.has(findingOf(e) ?? ''));
  if (trouble.length === 0) return [];
  const last = trouble[trouble.length - 1];
  // gsmd spoke after the trouble: on a later line, or later on its line (records a paste joined into one line).
  const laterOnItsLine = gsmd.lastLine === last.endLine && gsmd.lastTime !== undefined && last.time !== undefined && gsmd.lastTime > last.time;
  if (gsmd.lastLine > last.endLine || laterOnItsLine) {
    const lastTime = gsmd.lastTime;
    if (lastTime === undefined || last.time === undefined || lastTime - last.time > SAME_BURST_SECONDS * 1000) return [];
  }
  const quietSeconds = file.endTime !== undefined && last.time !== undefined ? (file.endTime - last.time) / 1000 : undefined;
  const quietLines = file.endLine - gsmd.lastLine;
  if (quietSeconds !== undefined ? quietSeconds < options.silenceSeconds : quietLines < SILENT_LINES) return [];
  // The modem in service again after it: a line that shows it taken back, or a RutOS mobile
  // interface up, which gsmd's connection brings up (mobile.sh [S21]): gsmd has it, whatever it
  // logs. A blind probe's updated RUTX11 had been told "gsmd went silent" (an error) with its
  // mobile interface up again a minute after the modem's return.
  if (inServiceAfter(events, last)) return [];
  const since = last.time !== undefined ? ` since ${formatClock(last.time)}` : '';
  // Lines are counted only where there are some: records joined into one line pass in none.
  const span = quietSeconds !== undefined ? `${formatDuration(quietSeconds)}${quietLines > 0 ? ` (${quietLines} lines)` : ''}` : `${quietLines} lines`;
  const back = returnAfter(devices, last);
  const comeback = back ? `, although the modem came back on USB${back.time !== undefined ? ` at ${formatClock(back.time)}` : ''}` : '';
  // gsmd logs a successful registration only at debug level, so silence alone proves little: say
  // what the log does not show, not that no instance is registered (knowledge 6) [KB6].
  const message = `gsmd has logged nothing about ${modemName(last.fields)}${since}; the log goes on for ${span} without a word from it${comeback}. ` +
    'The log does not show gsmd taking the modem back (at the default log level it would not say so either: check with `gsmctl -A AT`).';
  return [toFinding('modem-silent', 'error', message, [last])];
}

function inServiceAfter(events: readonly LogEvent[], last: LogEvent): boolean {
  for (let i = events.length - 1; i >= 0 && events[i].line > last.endLine; i--) {
    const e = events[i];
    if (e.file !== last.file) continue;
    const marks = storyMarksOf(e);
    if (marks.includes('modem-back') || (marks.includes('data-up') && RUTOS_MOBILE_INTERFACE.test(e.fields.iface ?? ''))) return true;
  }
  return false;
}

function returnAfter(devices: readonly UsbDevice[], e: LogEvent): LogEvent | undefined {
  const d = devices.find((x) => x.file === e.file && x.path === e.fields.usbPath);
  if (!d) return undefined;
  for (const en of d.enumerations) if (en.start.line > e.line || (en.start.time ?? 0) > (e.time ?? Infinity)) return en.start;
  return undefined;
}
