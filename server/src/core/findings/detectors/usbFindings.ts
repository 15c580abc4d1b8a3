import { usbDriver, usbDriverName } from '../../catalogue/tables/usbDrivers';
import { modemModel, usbModel } from '../../catalogue/tables/usbIds';
import type { Finding, LogEvent } from '../../model';
import { atTime, formatDuration } from '../../records/timeWords';
import { clockStepWords, secondsBetween } from '../eventTime';
import type { DetectOptions } from '../options';
import { dataDriver, describeLayout, isDataDriver, layoutKey, notModemSign, unexpectedMode, type Absence, type Enumeration, type UsbDevice } from '../usbHistory';
import { toFinding } from './findingBuilder';
import { LineIndex } from '../../events/lineIndex';
import { newWalk, type LayoutWalk, type UsbFindingMemo, type UsbFindingRun } from '../usbFindingMemo';

export interface UsbContext {
  /** Last event or line of each file, to measure how long an open gap lasted. */
  lastEvent: (file: number) => LogEvent | undefined;
  /** Enumeration errors in a file between two lines. */
  enumerationErrors: (file: number, from: number, to: number) => LogEvent[];
  /** The log is from RutOS: a modem up in a data mode RutOS does not drive it in is a change. */
  /** Whether a file's logs come from a RutOS router (per file: a syslog server's file of several devices is read per host). */
  rutos?: boolean | ((file: number) => boolean);
  /** What the last reading of a growing log made, to take what is unchanged from (the language server's). */
  memo?: UsbFindingMemo;
}

function deviceName(d: UsbDevice): string {
  const model = usbModel(d.vidpid)?.model;
  return model ? `${model} at USB ${d.path}` : `USB device ${d.path}`;
}

const at = atTime;

/**
 * Whether the log shows the device bound only by drivers that are no modem's (the driver table:
 * a USB-serial adapter's, storage, a hub, a keyboard), and no modem's ID: its reconnect loop is a
 * warning, not the error a modem's is (a console cable's flapping would fail `--fail-on error`).
 */
function boundNoModemDriver(d: UsbDevice): boolean {
  return noModemDriversOf(d) !== undefined;
}

/**
 * Why the log says the device is no modem, in words for its finding (what that means for its drop
 * included), or undefined when nothing
 * does (or something says it is one: a modem's ID, a modem's or a maybe-modem's driver). Not only
 * the driver table, which names a few dozen drivers: what any device shows of itself (a blind
 * probe's CH340 serial adapter, keyboard, Wi-Fi dongle and a dock's hubs had each been told as a
 * modem whose ports and data connection went with it).
 * - Only drivers that bind no modem's functions bound it (the table).
 * - What it shows of itself (usbHistory's notModemSign: low speed, an adapter's serial ports, its own name).
 */
function notAModem(d: UsbDevice, hubs: ReadonlyMap<string, string>): string | undefined {
  if (usbModel(d.vidpid)) return undefined;
  const drivers = noModemDriversOf(d);
  if (drivers) return `Only drivers that bind no modem's functions (${[...drivers].join(', ')}) bound it: no modem's ports or data connection went with it`;
  const child = hubs.get(`${d.file}|${d.path}`);
  // (A hub's ports hold devices; a modem's hold none: a modem's driver on it does not matter.)
  if (child !== undefined) return `It is a hub (the log shows USB ${child} on one of its ports): the devices on it left the bus with it, and their own lines say what each was`;
  const sign = notModemSign(d);
  return sign && `${sign}: no modem's ports or data connection went with it`;
}

/** Each device that the log shows another device on one of its ports of (`1-1` for `1-1.4`; by file), with that device's path. */
function hubsOf(devices: readonly UsbDevice[]): Map<string, string> {
  const hubs = new Map<string, string>();
  for (const d of devices) {
    for (let at = d.path.lastIndexOf('.'); at > 0; at = d.path.lastIndexOf('.', at - 1)) {
      const key = `${d.file}|${d.path.slice(0, at)}`;
      if (!hubs.has(key)) hubs.set(key, d.path);
    }
  }
  return hubs;
}

/**
 * The drivers that bound the device, when the log shows some and all are no modem's (as
 * boundNoModemDriver); undefined otherwise. With those that let go of it as it left (`ftdi_sio
 * ttyUSB4: ... converter now disconnected`): a log often begins after the device came up (a blind
 * probe's console cable on a syslog server's file, unplugged, had been an error "did not come back").
 */
function noModemDriversOf(d: UsbDevice): Set<string> | undefined {
  if (usbModel(d.vidpid)) return undefined;
  const bound = new Set<string>();
  const noModem = (driver: string): boolean => {
    const device = usbDriver(driver)?.device;
    if (device === undefined || device === 'modem' || device === 'maybe') return false;
    bound.add(usbDriverName(driver)!);
    return true;
  };
  for (const en of d.enumerations) for (const driver of en.drivers.values()) if (!noModem(driver)) return undefined;
  for (const a of d.absences) for (const e of [a.gone, ...a.events]) if (e.fields.driver !== undefined && !noModem(e.fields.driver)) return undefined;
  return bound.size ? bound : undefined;
}

/** usb-disconnect, usb-gap, usb-reconnect-loop and usb-composition-change from the device history. */
export function detectUsbFindings(devices: readonly UsbDevice[], end: UsbContext, options: DetectOptions): Finding[] {
  const findings: Finding[] = [];
  const run = end.memo?.run();
  // The modems' own enumerations, gathered only when a download-mode device left and never came back.
  let modemUps: ReturnType<typeof modemEnumerations> | undefined;
  let hubs: Map<string, string> | undefined;
  for (const d of devices) {
    // Named once: a device in a reconnect loop has tens of thousands of findings.
    const name = deviceName(d);
    const inLoop = detectLoop(d, name, options, findings);
    // Judged once per device (a device in a reconnect loop has thousands of absences).
    const noModem = d.absences.length > 0 ? notAModem(d, (hubs ??= hubsOf(devices))) : undefined;
    for (const a of d.absences) {
      if (inLoop.has(a)) continue;
      const leftDownload = !a.back && usbModel(d.vidpid)?.edl ? modemUpAfter((modemUps ??= modemEnumerations(devices)), d, a) : undefined;
      if (leftDownload) findings.push(downloadModeLeft(name, a, leftDownload));
      else findings.push(run ? run.absence(a, name, () => absenceFinding(name, a, end, options, noModem)) : absenceFinding(name, a, end, options, noModem));
    }
    // A device that shows it is no modem has no composition of a modem's to change: a different
    // adapter plugged into the same port is another device, not a modem come back otherwise (a
    // blind probe's swapped serial adapters had been warnings).
    if (noModem === undefined) compositionChanges(d, name, typeof end.rutos === 'function' ? end.rutos(d.file) : end.rutos !== false, findings, run);
  }
  run?.end();
  return findings;
}

/** Each enumeration of a device that shows a modem's own ID (a model the table knows, no download mode's), in line order. */
function modemEnumerations(devices: readonly UsbDevice[]): { d: UsbDevice; en: Enumeration; vidpid: string }[] {
  const out: { d: UsbDevice; en: Enumeration; vidpid: string }[] = [];
  for (const d of devices) {
    for (const en of d.enumerations) {
      const vidpid = en.vidpid ?? d.vidpid;
      if (vidpid && modemModel(vidpid)) out.push({ d, en, vidpid });
    }
  }
  return out.sort((x, y) => x.en.start.line - y.en.start.line);
}

/** How soon after download mode leaves the bus the modem's own ID must come up to be its return. */
const DOWNLOAD_RETURN_SECONDS = 180;

/**
 * A modem that came up with its own ID soon after a download-mode (EDL) device left the bus, on
 * another port: the flash ended and the modem booted (a USB 3 module's download mode is on the
 * USB 2 bus, its return on the SuperSpeed one). A blind probe's successful RM520N flash had an
 * error "did not come back" for its download mode.
 */
function modemUpAfter(ups: readonly { d: UsbDevice; en: Enumeration; vidpid: string }[], d: UsbDevice, a: Absence): { en: Enumeration; vidpid: string } | undefined {
  for (const u of ups) {
    if (u.d === d || u.d.file !== d.file || u.en.start.line <= a.gone.line) continue;
    const after = secondsBetween(a.gone, u.en.start);
    if (after !== undefined && after >= 0 && after <= DOWNLOAD_RETURN_SECONDS) return u;
  }
  return undefined;
}

function downloadModeLeft(name: string, a: Absence, up: { en: Enumeration; vidpid: string }): Finding {
  const after = secondsBetween(a.gone, up.en.start);
  const model = usbModel(up.vidpid)?.model;
  return toFinding('usb-gap', 'info', `${name} left the USB bus${at(a.gone)}, and the modem came up with its own ID (${model ? `${model}, ` : ''}${up.vidpid}) at USB ${up.en.path}${after !== undefined ? ` ${formatDuration(after)} later` : ''}${at(up.en.start)}: download mode ended and the modem booted its firmware.`, [...a.events, up.en.start]);
}

function absenceFinding(name: string, a: Absence, end: UsbContext, options: DetectOptions, noModem?: string): Finding {
  const lines = a.back ? [...a.events, a.back] : a.events;
  // A device only no modem's drivers bound (a USB-serial adapter, storage, a hub): a note, whatever
  // its gap. Storage may be a modem still in its install mode [X101], so it is not called "no
  // modem", only no modem's functions.
  if (noModem) {
    const gone = a.back ? secondsBetween(a.gone, a.back) : undefined;
    const back = a.back ? ` and was back${at(a.back)}${gone !== undefined && gone >= 0 ? `, ${formatDuration(gone)} later` : ''}` : ' and did not come back before the log ends';
    return toFinding('usb-gap', 'info', `${name} left the USB bus${at(a.gone)}${back}. ${noModem}.`, lines);
  }
  if (a.back && a.modeSwitch) {
    const gone = secondsBetween(a.gone, a.back);
    const later = gone !== undefined && gone >= 0 ? ` ${formatDuration(gone)} later` : '';
    return toFinding('usb-gap', 'info', `${name} left its install mode: it showed as a storage device (a virtual CD-ROM)${at(a.gone)} and came back${later}${at(a.back)} as a modem. That is the switch such a modem makes each time it is plugged in or powered (usb_modeswitch or the modem itself), not a drop.`, lines);
  }
  if (a.back) {
    // Any return to the bus is a drop the person must see: the modem's ports, its network device
    // and the data session went with it (labels of fixtures 001, 015, 043: even 143 ms counts).
    // What made it drop (a crash, a reset, a power dip, the host) the log does not say.
    const gone = secondsBetween(a.gone, a.back);
    const failed = gone === undefined ? end.enumerationErrors(a.file, a.gone.line, a.back.line) : [];
    const how = a.implied ? 'lost its USB functions' : 'left the USB bus';
    // A return timed before the drop (the clock went back between them, a log listed newest first) says no duration.
    const later = gone !== undefined && gone >= 0 ? `, ${formatDuration(gone)} later${clockStepWords(a.gone, a.back)}` : '';
    const retries = failed.length ? ` only after ${failed.length} failed re-enumeration attempt${failed.length > 1 ? 's' : ''} (the log has no times to say how long it was gone)` : '';
    return toFinding('usb-gap', 'warning', `${name} ${how}${at(a.gone)} and was back${retries}${at(a.back)}${later}: its ports and data connection went with it.`, [...lines, ...failed]);
  }
  const last = end.lastEvent(a.file);
  const after = last ? secondsBetween(a.gone, last) : undefined;
  const how = a.implied ? 'lost its USB functions' : 'left the USB bus';
  const tail = after !== undefined && after >= 1 ? `; the log goes on for ${formatDuration(after)} without it` : '';
  const severity = after !== undefined && after > options.usbGapSeconds ? 'error' : 'warning';
  return { ...toFinding('usb-gap', severity, `${name} ${how}${at(a.gone)} and did not come back before the log ends${tail}.`, lines), stillOpen: true };
}

/**
 * The longest run of events from one event up to (not including) the first that is known to lie
 * more than `windowSeconds` after it; events whose time apart is unknown (on different clocks)
 * stay in the run. The first of the longest wins. Linear where the events share one clock in
 * order (the usual log: a sliding window), and where runs are long (a run from event i has at
 * most n - i events: once that is no more than the best, no later start can beat it); the plain
 * search ran every start to the end on a log of thousands of boots, whose events are on as many
 * clocks (3.4 s for 51,000 lines of a fuzzed log).
 */
export function longestRun(events: readonly LogEvent[], windowSeconds: number): { start: number; length: number } {
  const n = events.length;
  // On one clock in order every span is known and grows with the later event and shrinks with the
  // earlier one, so a run's end never moves back: the next start goes on from it.
  const slide = oneClockInOrder(events);
  let start = 0;
  let length = 0;
  for (let i = 0, j = 0; i < n && n - i > length; i++) {
    j = slide ? Math.max(j, i + 1) : i + 1;
    for (; j < n; j++) {
      const span = secondsBetween(events[i], events[j]);
      if (span !== undefined && span > windowSeconds) break;
    }
    if (j - i > length) {
      start = i;
      length = j - i;
    }
  }
  return { start, length };
}

/** Whether every event has a wall time, or none has and all have an uptime in one boot, in order. */
function oneClockInOrder(events: readonly LogEvent[]): boolean {
  if (events.length === 0) return true;
  const wall = events[0].time !== undefined;
  for (let k = 0; k < events.length; k++) {
    const e = events[k];
    if (wall ? e.time === undefined : e.time !== undefined || e.uptime === undefined || e.segment !== events[0].segment) return false;
    const v = wall ? e.time! : e.uptime!;
    if (Number.isNaN(v)) return false;
    if (k > 0 && v < (wall ? events[k - 1].time! : events[k - 1].uptime!)) return false;
  }
  return true;
}

/**
 * Reconnects that come faster than the window allows: repeated disconnect/enumerate pairs on the
 * same port path. Never a device number alone: it is a per-bus counter that every device and hub
 * on the bus advances, so number 53 does not mean 53 reconnects (knowledge 4.3) [K3b].
 */
function detectLoop(d: UsbDevice, name: string, options: DetectOptions, findings: Finding[]): Set<Absence> {
  const covered = new Set<Absence>();
  const cycles = d.absences.filter((a) => a.back && !a.modeSwitch);
  const { start: bestStart, length: bestLength } = longestRun(cycles.map((c) => c.gone), options.reconnectLoopWindowSeconds);
  if (bestLength < options.reconnectLoopCount) return covered;
  const group = cycles.slice(bestStart, bestStart + bestLength);
  for (const a of group) covered.add(a);
  const events = group.flatMap((a) => [a.gone, ...(a.back ? [a.back] : [])]);
  const span = secondsBetween(group[0].gone, group[group.length - 1].back ?? group[group.length - 1].gone);
  // A span that runs backwards (a clock set back inside it, a log listed newest first) says no duration.
  const within = span !== undefined && span >= 0 ? ` within ${formatDuration(span)}` : '';
  findings.push(toFinding('usb-reconnect-loop', boundNoModemDriver(d) ? 'warning' : 'error', `${name} disconnected and came back ${group.length} time${group.length > 1 ? 's' : ''}${within}. A device that keeps dropping off the bus and coming back is reset by something or resets itself (a crash, a brown-out).`, events));
  return covered;
}

function compositionChanges(d: UsbDevice, name: string, rutos: boolean, out: Finding[], run: UsbFindingRun | undefined): void {
  const key = `${d.file}|${d.path}`;
  const { from, walk } = run ? run.layoutFrom(key, name, d.enumerations) : { from: 0, walk: newWalk() };
  // The enumerations in the modem's install mode, a storage device it left as a modem (usbHistory's
  // modeSwitch): no layout of the modem's, so none is compared with them. The modem's layout after
  // is compared with its layout before (a dongle reset into its virtual CD-ROM and switched back
  // is the same modem, not two composition changes: a blind probe's Huawei stick). The absences by
  // line (an index, asked once per enumeration: a device of thousands of returns made a scan of
  // every absence per enumeration quadratic, 2.2 s of a fuzzed 8 MB log of 15,000 reconnects).
  let byLine: LineIndex<LineOfAbsence> | undefined;
  const switches = d.absences.some((a) => a.modeSwitch) ? new LineIndex(d.absences.filter((a) => a.modeSwitch).map((a) => a.gone)) : undefined;
  // Whether a switch left between enumeration i and the next.
  const inInstallMode = (i: number): boolean => switches!.within(d.enumerations[i].start.line + 1, (d.enumerations[i + 1]?.start.line ?? Infinity) - 1).length > 0;
  for (let i = from; i < d.enumerations.length; i++) {
    // The state before the last enumeration is what the next reading starts from: an append may add lines to it.
    if (run && i === d.enumerations.length - 1) run.keepLayout(key, name, d.enumerations.slice(0, i), walk);
    if (switches && inInstallMode(i)) continue;
    // A download mode's enumeration (05c6:9008) is no layout of the modem's either, nor its teardown:
    // its serial port is the flasher's, and the modem back after it is compared with its layout
    // before (a blind probe's QFirehose flash had "interface 0 is now qcserial, was option", then
    // the modem's own layout told as a change from that).
    if (!(i > 0 && usbModel(d.enumerations[i - 1].vidpid)?.edl)) learnTeardown(walk, d, i, (byLine ??= new LineIndex(d.absences.map((a) => ({ line: a.gone.line, absence: a })))));
    if (usbModel(d.enumerations[i].vidpid)?.edl) continue;
    walkLayout(walk, d.enumerations[i], name);
  }
  out.push(...walk.changes);
  // Even with no earlier enumeration in the log, a data mode RutOS does not use is a change, on
  // RutOS: a PC or another router drives the same modem in whatever mode it came up in. Not where
  // a change above already told the enumeration (a set: a modem in a loop has thousands of
  // enumerations, and a search of the findings per one was quadratic).
  if (!rutos) return;
  const told = new Set<number>();
  for (const f of walk.changes) for (const line of f.lines) told.add(line);
  for (const en of d.enumerations) {
    const odd = unexpectedMode(en, d.vidpid);
    if (odd && !told.has(en.start.line)) {
      out.push(toFinding('usb-composition-change', 'warning',
        `${name} came up in ${odd.seen} mode, but RutOS drives it in ${odd.expected} mode: its interfaces and tty numbers are not where gsmd looks for them. Now: ${describeLayout(en)}.`,
        en.events));
    }
  }
}

/**
 * What the drivers that let go of the device's interfaces as it left the bus, before enumeration
 * `i`, say of its layout (`qmi_wwan 1-1:1.4 wwan0: unregister`: interface 4 was qmi_wwan): a log
 * that begins after the modem came up shows its layout only so. A blind probe's modem switched to
 * another USB mode by `AT+QCFG="usbnet",1` came back with cdc_ether where qmi_wwan had been, and no
 * change was told.
 */
function learnTeardown(walk: LayoutWalk, d: UsbDevice, i: number, byLine: LineIndex<LineOfAbsence>): void {
  const after = i > 0 ? d.enumerations[i - 1].start.line : 0;
  const before = d.enumerations[i].start.line;
  for (const { absence: a } of byLine.within(after + 1, before - 1)) {
    for (const e of [a.gone, ...a.events]) {
      const iface = e.fields.iface !== undefined ? Number(e.fields.iface) : NaN;
      const driver = e.fields.driver;
      if (driver === undefined || !Number.isInteger(iface) || !usbDriver(driver)) continue;
      // (Not the ID of a download mode the device came back in: the teardown was the modem's.)
      walk.known ??= usbModel(d.enumerations[i].vidpid)?.edl ? { ...noLayoutYet(d.enumerations[i]), vidpid: undefined } : noLayoutYet(d.enumerations[i]);
      // An earlier enumeration's driver for the interface stands: this only fills what the log had not shown.
      if (!walk.known.drivers.has(iface)) walk.known.drivers.set(iface, driver);
      walk.lastDescribed ??= e;
    }
  }
}

/** An absence by the line it left on, for a LineIndex (its answers keep the absences' own order). */
interface LineOfAbsence {
  line: number;
  absence: Absence;
}

/** What is known of a device before any layout: an enumeration's place and clocks, none of its drivers, ports or interfaces. */
function noLayoutYet(en: Enumeration): Enumeration {
  return { ...en, drivers: new Map(), ttys: new Map(), looseTtys: [], netdevs: [], events: [] };
}

/**
 * One enumeration of the walk: compared with what the log has shown of the device's layout before
 * it (an enumeration often logs only part of it, so each one is compared with everything known
 * before it, not just with the previous one), then added to it.
 */
function walkLayout(walk: LayoutWalk, en: Enumeration, name: string): void {
  // The first enumeration starts what is known: its place and clocks, none of its layout yet.
  walk.known ??= noLayoutYet(en);
  const known = walk.known;
  if (walk.lastDescribed) {
    const { composition, ports } = differences(known, en);
    if (composition.length) {
      walk.changes.push(toFinding('usb-composition-change', 'warning',
        `${name} came back in a different USB composition (${[...composition, ...ports.map((p) => p.text)].join('; ')}). Before: ${describeLayout(known)}. After: ${describeLayout(en)}.`,
        [walk.lastDescribed, ...en.events]));
    } else if (ports.length) {
      // The same drivers on the same interfaces: the ports' numbers are the order the kernel gave
      // them out, not the modem's layout (a blind probe's successful updates had each been told a
      // composition change). gsmd looks for the AT port by interface [S6][S17]; a number that moved
      // up is one whose old number a program still held (knowledge 4.3, an inference).
      const up = ports.every((p) => p.now > p.was);
      walk.changes.push(toFinding('usb-ports-renumbered', 'info',
        `${name} came back in the same USB composition, its serial ports under other numbers (${ports.map((p) => p.text).join('; ')})${up ? ': numbers that moved up are usually ports whose old numbers a program still held when it came back (an inference)' : ''}.`,
        [walk.lastDescribed, ...en.events]));
    }
  }
  if (layoutKey(en) !== '' || en.vidpid || en.ttys.size) {
    for (const [i, drv] of en.drivers) known.drivers.set(i, drv);
    for (const [i, tty] of en.ttys) known.ttys.set(i, tty);
    if (en.vidpid) known.vidpid = en.vidpid;
    // A new data driver replaces the old one even when it sits on another interface.
    if (dataDriver(en)) for (const [i, drv] of [...known.drivers]) if (isDataDriver(drv) && !en.drivers.has(i)) known.drivers.delete(i);
    known.netdevs = en.netdevs.length ? [...en.netdevs] : known.netdevs;
    walk.lastDescribed = en.start;
  }
}

/** How enumeration b differs from a: in its composition (ID, drivers, data driver), and in its serial ports' numbers alone. */
function differences(a: Enumeration, b: Enumeration): { composition: string[]; ports: { text: string; was: number; now: number }[] } {
  const why: string[] = [];
  if (a.vidpid && b.vidpid && a.vidpid !== b.vidpid) why.push(`USB ID ${a.vidpid} became ${b.vidpid}`);
  for (const [iface, driver] of a.drivers) {
    const now = b.drivers.get(iface);
    if (now && now !== driver) why.push(`interface ${iface} is now ${now}, was ${driver}`);
  }
  const modeA = dataDriver(a);
  const modeB = dataDriver(b);
  if (modeA && modeB && modeA !== modeB) why.push(`data driver ${modeB} instead of ${modeA}`);
  const ports: { text: string; was: number; now: number }[] = [];
  for (const [iface, tty] of a.ttys) {
    const now = b.ttys.get(iface);
    if (now && now !== tty) ports.push({ text: `interface ${iface} is ${now}, was ${tty}`, was: ttyNumber(tty), now: ttyNumber(now) });
  }
  return { composition: [...new Set(why)], ports };
}

/** The number at the end of a tty's name (`ttyUSB5`: 5), NaN without one. */
function ttyNumber(tty: string): number {
  const m = /(\d+)$/.exec(tty);
  return m ? +m[1] : NaN;
}
