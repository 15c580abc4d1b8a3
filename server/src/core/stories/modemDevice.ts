import { usbDriver } from '../catalogue/tables/usbDrivers';
import { interfaceBase, RUTOS_MOBILE_INTERFACE } from '../catalogue/tables/mobileInterfaces';
import { catalogueEntry } from '../catalogue/index';
import { type StoryWriter, when } from './evidence';
import { modemModel, NOT_MODEMS, usbModel } from '../catalogue/tables/usbIds';
import { installMode, modemInstallMode } from '../catalogue/tables/installModes';
import { isJustBefore, secondsBetween } from '../findings/eventTime';
import { dataDriver, deviceOfPort, enumerationBefore, isDataDriver, notModemSign, showsModemFunction, type Absence, type Enumeration, type UsbDevice } from '../findings/usbHistory';
import type { StoryMark } from './marks';
import type { Finding, FindingCode, LogEvent } from '../model';
import type { StoryContext } from './types';
import { lineIndexOf } from '../events/lineIndex';

/** A drop this early in a boot is the boot rebinding drivers, not a loss (knowledge 4.3). */
const BOOT_SECONDS = 60;

// What a bound driver says of a device is the driver table's (catalogue/tables/usbDrivers.ts,
// knowledge 4.3): a tethered phone on rndis_host, a USB hub, a flash drive or card reader are not
// "the modem"; rndis_host alone is a phone as often as a modem: it counts only with a known ID.

/**
 * Whether the log shows this USB device is a modem: a known modem ID, or a modem driver bound to
 * it. A device the log says nothing about is not called "the modem". Judged once per device: three
 * stories ask, and a modem in a reconnect loop has tens of thousands of events.
 */
export function isModemDevice(d: UsbDevice): boolean {
  let verdict = MODEM_VERDICTS.get(d);
  if (verdict === undefined) MODEM_VERDICTS.set(d, (verdict = judgeModemDevice(d)));
  return verdict;
}

/** Devices are built anew by each analysis and not changed after: a verdict holds for the object. */
const MODEM_VERDICTS = new WeakMap<UsbDevice, boolean>();

function judgeModemDevice(d: UsbDevice): boolean {
  if (d.vidpid && NOT_MODEMS[d.vidpid.toLowerCase()]) return false;
  const model = usbModel(d.vidpid);
  if (model) return true;
  // An install mode usb_modeswitch's data knows is a USB modem's [X130] (not its Wi-Fi sticks').
  if (d.enumerations.some((en) => modemInstallMode(en.vidpid) !== undefined)) return true;
  // What it shows of itself that no modem shows (low speed, an adapter's serial ports, its own name).
  if (notModemSign(d) !== undefined) return false;
  // Drivers bound when it came up, and those named when its functions went away (`option1 ttyUSB0:
  // ... converter now disconnected`, `cdc_ether ... unregister`): a log often shows only the latter.
  // Each distinct driver is tested once; a tty seen anywhere makes it a modem unless a driver says not.
  const drivers = new Set<string>();
  const named = new Set<string>();
  let tty = false;
  // A port's line may not name its driver (`usb 1-1: ... converter now attached to ttyUSB0`): the
  // driver that bound its interface is the one the enumeration has for the same port.
  // A port a modem manager held (ModemManager's `port ttyUSB0 released by device ...`): it had the device as a modem.
  let managed = false;
  const read = (events: readonly LogEvent[], en?: Enumeration): void => {
    for (const e of events) {
      if (e.fields.modemPort !== undefined) managed = true;
      if (e.fields.driver !== undefined) named.add(e.fields.driver);
      if (e.fields.tty !== undefined && !ttyOfMaybe(e.fields.driver ?? (en && driverOfTty(en, e.fields.tty)))) tty = true;
    }
  };
  for (const en of d.enumerations) {
    for (const driver of en.drivers.values()) drivers.add(driver);
    for (const iface of en.ttys.keys()) if (!ttyOfMaybe(en.drivers.get(iface))) tty = true;
    if (en.looseTtys.length > 0) tty = true;
    read(en.events, en);
  }
  for (const a of d.absences) read(a.events);
  // `option1` names the driver's first instance: usbDriver reads it as `option`.
  for (const x of named) drivers.add(x);
  let modemDriver = false;
  let storage = false;
  for (const x of drivers) {
    const driver = usbDriver(x);
    // A storage driver is a modem's too before it leaves its install mode [X101]: with a modem's driver it says nothing.
    if (driver?.storage) storage = true;
    else if (driver?.device === 'not') return false;
    if (driver?.device === 'modem') modemDriver = true;
  }
  return modemDriver || managed || (tty && !storage);
}

/** The driver that bound the interface an enumeration gave `tty` to, if the log shows it. */
function driverOfTty(en: Enumeration, tty: string): string | undefined {
  for (const [iface, t] of en.ttys) if (t === tty) return en.drivers.get(iface);
  return undefined;
}

/**
 * Whether a tty is a driver's that binds other devices as well as modems (cdc_acm: a GPS receiver,
 * a microcontroller board; a USB-serial adapter's pl2303 or ftdi_sio: whatever is on its cable):
 * such a port alone does not make the device a modem (usbDrivers.ts: `maybe`, `adapter`).
 */
function ttyOfMaybe(driver: string | undefined): boolean {
  const device = driver !== undefined ? usbDriver(driver)?.device : undefined;
  return device === 'maybe' || device === 'adapter';
}

/** Whether a device's drop at `line` went with its parent hub's (hub children drop with their hub). */
export function droppedWithParent(d: UsbDevice, goneLine: number, devices: readonly UsbDevice[]): boolean {
  return devices.some((p) => p !== d && p.file === d.file && d.path.startsWith(p.path + '.') && p.absences.some((a) => Math.abs(a.gone.line - goneLine) <= 20));
}

/** A device other devices hang below (`1-1` when `1-1.4` exists) is a hub, not a modem. */
export function isHub(d: UsbDevice, devices: readonly UsbDevice[]): boolean {
  return devices.some((o) => o !== d && o.file === d.file && o.path.startsWith(d.path + '.'));
}

/** The devices a USB story may call "the modem": modems by the log's own evidence, not hubs. */
export function modemDevices(devices: readonly UsbDevice[]): UsbDevice[] {
  return devices.filter((d) => isModemDevice(d) && !isHub(d, devices));
}

/** "The modem (Quectel EC200A) at USB 1-1", or without a model when the log gives no known ID. */
export function modemLabel(d: UsbDevice): string {
  const model = usbModel(d.vidpid)?.model;
  if (model) return `The modem (${model}) at USB ${d.path}`;
  // A modem the ID table does not know, by the name its descriptor gives it (its maker's words).
  let product: string | undefined;
  for (const en of d.enumerations) product = en.product ?? product;
  return product ? `The modem ("${product}", as it names itself) at USB ${d.path}` : `The modem at USB ${d.path}`;
}

/**
 * The USB ID of the device that came back on the modem's port after the drop `a`, when the log
 * shows it is not the modem: an ID the table knows as no modem's, that nothing of a modem's took
 * on its return (no modem driver, no serial port, no network interface), while the log went on
 * long enough to show them. A blind probe's modem that crashed and came back as `05c6:900e`
 * (`QUSB__BULK`, no driver) had been told "came back". Download mode is the EDL story's.
 */
export function cameBackAsOther(ctx: StoryContext, d: UsbDevice, a: Absence): string | undefined {
  if (!a.back || !lastsInLog(ctx, a)) return undefined;
  const at = d.enumerations.findIndex((en) => en.start.line > a.gone.line);
  const after = d.enumerations[at];
  // A modem's install mode (usb_modeswitch's data) is the modem, not another device: switched or
  // not, its own stories tell it (the install-mode finding's, the drop's).
  if (!after?.vidpid || usbModel(after.vidpid) || showsModemFunction(after) || installMode(after.vidpid)) return undefined;
  // A later enumeration on the port that shows the modem: it came back through another mode (a
  // dongle's install mode, its virtual CD-ROM, switched again by usb_modeswitch [X101]). A blind
  // probe's Huawei stick, reset once, had been told "Modem lost" while it was back 4 s later.
  if (d.enumerations.slice(at + 1).some((en) => modemModel(en.vidpid) !== undefined || showsModemFunction(en))) return undefined;
  return after.vidpid;
}

/**
 * The file's other modems that never left the bus (but for a boot's unbinding), as a story's
 * step: on a host of two modems, a story of one says the other stayed (a blind probe's host of
 * two modems read as if its only uplink had gone).
 */
export function steadyOthersStep(w: StoryWriter, ctx: StoryContext, d: UsbDevice): void {
  for (const o of modemDevices(ctx.devices)) {
    if (o === d || o.file !== d.file || !o.absences.every(isBootUnbind)) continue;
    // No line of its own and no evidence: told after the drops, and the story's lines stay its own modem's
    // (its span decides which findings it tells).
    w.step(`Another modem, ${modemLabel(o).replace(/^The modem/, 'the modem')}, stayed on the bus throughout.`);
  }
}

/** A drop early in a boot: drivers being bound again, not a modem lost. */
export function isBootUnbind(a: Absence): boolean {
  return a.gone.uptime !== undefined && a.gone.uptime < BOOT_SECONDS;
}

/**
 * Seconds from `e` to the log's end on its clock, or undefined without one: the log's own end where
 * it has one on the line's clock, not its last catalogued line (noise goes on after the modem has
 * gone, as the usb-gap finding counts it), else its last catalogued line.
 */
export function secondsToEnd(ctx: StoryContext, e: LogEvent): number | undefined {
  if (ctx.file.endTime !== undefined && e.time !== undefined && e.file === ctx.file.file) return (ctx.file.endTime - e.time) / 1000;
  // A log of kernel uptimes alone (dmesg): its end on that clock, in the same boot.
  const up = ctx.file.endUptime;
  if (ctx.file.endTime === undefined && up !== undefined && e.uptime !== undefined && e.segment === up.segment && e.file === ctx.file.file) return up.uptime - e.uptime;
  const last = ctx.events[ctx.events.length - 1];
  return last ? secondsBetween(e, last) : undefined;
}

/** The log goes on long enough after the drop for "did not come back" to mean something. */
export function lastsInLog(ctx: StoryContext, a: Absence): boolean {
  const after = secondsToEnd(ctx, a.gone);
  if (after !== undefined) return after >= ctx.options.usbGapSeconds;
  // No common clock: count the catalogued lines after it.
  return lineIndexOf(ctx.events).countAfter(a.gone.line) >= 10;
}

/**
 * What a line just before a drop says made the modem drop, by the mark its catalogue entry
 * carries: the USB host controller dying (every device on it leaves), the hub cutting the power of
 * the modem's port for an over-current, the board's supply under-voltage. Each cause has its
 * window, its words and its advice; a story tells the cause of the drops as a reading of the order
 * of the lines, said so. First in the table, first asked.
 */
export interface DropCause {
  /** The lines that give the cause: those of a mark, or those of a finding's code. */
  mark?: StoryMark;
  code?: FindingCode;
  /** A line this close before a drop goes with it (or this many lines, without a common clock). */
  seconds: number;
  lines: number;
  /** The step quoting the line, before its time: "The board logged an under-voltage of its supply". */
  step: string;
  /** Several drops: "3 of the drops follow {plural}, such as ...". */
  plural: string;
  /** The summary's sentence head, before " just before it: " and the reading. */
  head: string;
  reading: string;
  advice: string;
  /** Findings in its window that went with it (a data session the hung modem failed): the story's lines too. */
  with?: readonly FindingCode[];
  /** Sources of its reading, cited where it is told. */
  sources?: readonly string[];
  /** Whether the line concerns the drop's device at `path` (a hub's port names one); omitted: any. */
  concerns?: (e: LogEvent, path: string) => boolean;
}

export const DROP_CAUSES: readonly DropCause[] = [
  {
    mark: 'host-died',
    seconds: 10,
    lines: 10,
    step: 'The USB host controller died',
    plural: 'the USB host controller dying',
    head: 'The USB host controller died',
    reading: 'the kernel disconnects every device on a dead controller, the modem with it: the fault is the host\'s (its USB controller, driver or firmware), not the modem\'s (an inference from the order of the lines).',
    advice: 'hostControllerDied',
  },
  {
    mark: 'port-power-cut',
    seconds: 10,
    lines: 5,
    step: 'The hub reported an over-current on the modem\'s port',
    plural: 'an over-current on the modem\'s port',
    head: 'The hub reported an over-current on the modem\'s port',
    reading: 'a hub cuts a port\'s power when what is on it draws more current than the port may give (or shorts it), and the modem goes with it (an inference from the order of the lines).',
    advice: 'fixPortPower',
    // The port's own device, or a hub's port above it (`1-1-port2` is 1-1.2, which 1-1.2.3 sits behind).
    concerns: (e, path) => {
      const port = e.fields.port !== undefined ? deviceOfPort(e.fields.port) : undefined;
      return port === undefined || path === port || path.startsWith(`${port}.`);
    },
  },
  {
    mark: 'brown-out',
    // The firmware's flag is read every 2 s (X93).
    seconds: 10,
    lines: 5,
    step: 'The board logged an under-voltage of its supply',
    plural: 'an under-voltage of the board\'s supply',
    head: 'The board logged an under-voltage of its supply',
    reading: 'the modem browns out with a supply too weak for the board and the modem (an inference from the order of the lines).',
    advice: 'fixPowerSupply',
  },
  // Last: the modem stopped answering its manager (gsmd's hang detection, ModemManager's or a
  // script's timeouts), then left the bus. Knowledge 4.3 reads a single drop and return with the
  // same layout as a modem reset; after a hang, a reset of the hung modem. A blind probe's RUT240
  // had this told as two stories, the drop's with hardware advice.
  {
    code: 'modem-unresponsive',
    seconds: 30,
    lines: 20,
    step: 'The modem had stopped answering its manager',
    plural: 'the modem stopping answering its manager',
    head: 'The modem had stopped answering its manager',
    reading: 'a modem that hangs and then leaves the USB bus and comes back was reset, by its own firmware or by the software that manages it; no line says which (an inference from the order of the lines).',
    advice: 'modemHungThenReset',
    sources: ['KB43', 'KB24'],
    with: ['data-session-failed', 'mobile-data-down', 'interface-down'],
  },
];

/** The cause a line logged just before the drop `gone` of the device at `path` gives, if any (DROP_CAUSES). */
export function dropCauseBefore(ctx: StoryContext, gone: LogEvent, path: string): { cause: DropCause; event: LogEvent; run: LogEvent[] } | undefined {
  for (const cause of DROP_CAUSES) {
    const lines = causeLines(ctx, cause).filter((e) => !cause.concerns || cause.concerns(e, path));
    const event = lastBefore(lines, gone, cause.seconds, cause.lines);
    if (!event) continue;
    const within = (e: LogEvent): boolean => isJustBefore(e, gone, cause.seconds, cause.lines);
    const run = [...lines.filter((e) => e.line <= event.line && within(e)), ...(cause.with ? codedEvents(ctx, cause.with).filter(within) : [])];
    return { cause, event, run };
  }
  return undefined;
}

/** The events that can give a cause: its mark's, or the lines of its code's findings. */
function causeLines(ctx: StoryContext, cause: DropCause): LogEvent[] {
  return cause.mark !== undefined ? ctx.marked(cause.mark) : codedEvents(ctx, [cause.code!]);
}

/**
 * A program that still opened a port of the device's the return renamed: after the drop `a` came
 * back with its serial ports under other names (knowledge 4.3: a program that held the old ones
 * pushes the new ones to higher numbers), a `modem-port-missing` line (a program that could not
 * open the modem's port) before the device's next drop, naming one of the old ports or none. The
 * modem is back; the program that uses it is not (blind probe G's gammu, smstools and scripts).
 */
export function portLeftBehind(ctx: StoryContext, d: UsbDevice, a: Absence): { event: LogEvent; last: LogEvent; count: number; old: string[]; now: string[] } | undefined {
  const back = a.back;
  if (!back) return undefined;
  const before = enumerationBefore(d, a.gone.line);
  // (A return in its install mode is the modem's once it is switched out of it: that enumeration's ports.)
  const switched = d.absences.find((x) => x.modeSwitch && x.back && x.gone.line > back.line);
  const after = d.enumerations.find((en) => en.start === back && portsOf(en).length > 0) ?? (switched ? d.enumerations.find((en) => en.start === switched.back) : undefined);
  if (!after) return undefined;
  // Its ports before: its last enumeration's, and those its going tore down (`converter now
  // disconnected from ttyUSB2`: a log that begins after the modem came up shows only these).
  const old = [...new Set([...(before ? portsOf(before) : []), ...a.events.flatMap((e) => (e.fields.tty ? [e.fields.tty] : []))])];
  const now = portsOf(after);
  const moved = old.filter((t) => !now.includes(t));
  if (!moved.length || !now.length) return undefined;
  let until = Infinity;
  for (const x of d.absences) if (x.gone.line > back.line && !x.modeSwitch) until = Math.min(until, x.gone.line);
  const lines = codedEvents(ctx, ['modem-port-missing']).filter((e) => e.file === d.file && e.line > back.line && e.line < until && (e.fields.path === undefined || moved.includes(e.fields.path.replace(/^.*\//, ''))));
  if (!lines.length) return undefined;
  // The program's "modem not answering" right next to a failed open (smstools' `not ready to answer
  // commands` after each `Cannot open serial port`) is its failing to open it: the story's lines run to it.
  const beside = codedEvents(ctx, ['modem-unresponsive']).filter((e) => e.file === d.file && e.line > back.line && e.line < until && lines.some((p) => Math.abs(p.line - e.line) <= BESIDE_LINES));
  const last = [...lines, ...beside].reduce((m, e) => (e.line > m.line ? e : m));
  return { event: lines[0], last, count: lines.length, old, now };
}

/**
 * The modem came back in another USB mode whose data interface has no control device (ECM, RNDIS
 * where QMI or MBIM was: no `/dev/cdc-wdm*`), and a program still looked for the old one after it
 * (`Failed to open QMI device /dev/cdc-wdm0: No such file or directory`): the modem is back, its
 * data connection, set up for the old mode, is not. A blind probe's EC25 back in ECM after an
 * update had been told a data problem with the APN's advice (knowledge 4.2: a usbnet change [Q2]).
 */
export function dataDeviceLeftBehind(ctx: StoryContext, d: UsbDevice, a: Absence): { event: LogEvent; last: LogEvent; count: number; was: string; now: string } | undefined {
  const back = a.back;
  if (!back) return undefined;
  const before = enumerationBefore(d, a.gone.line);
  const after = d.enumerations.find((en) => en.start === back);
  if (!after) return undefined;
  // Its data driver before: its last enumeration's, or the one its going tore down (a log that begins after it came up).
  const was = (before && dataDriver(before)) ?? a.events.map((e) => e.fields.driver).find((x): x is string => x !== undefined && isDataDriver(x));
  const now = dataDriver(after);
  if (!was || !now || was === now || !CONTROL_DEVICE_DRIVERS.has(was) || CONTROL_DEVICE_DRIVERS.has(now)) return undefined;
  let until = Infinity;
  for (const x of d.absences) if (x.gone.line > back.line) until = Math.min(until, x.gone.line);
  // A failed open naming the control device, or a line whose entry says the connection's device is missing
  // (OpenWrt's qmi.sh `The specified control device does not exist`, which names none: a blind re-test's).
  const lines = codedEvents(ctx, ['modem-port-missing', 'data-session-failed']).filter((e) => e.file === d.file && e.line > back.line && e.line < until && (/\bcdc-wdm\d*\b/.test(e.fields.path ?? '') || catalogueEntry(e.id)?.advice === 'modemDeviceMissing'));
  if (!lines.length) return undefined;
  return { event: lines[0], last: lines[lines.length - 1], count: lines.length, was, now };
}

/** The data drivers whose mode has a control device (`/dev/cdc-wdm*`): QMI's and MBIM's. */
const CONTROL_DEVICE_DRIVERS: ReadonlySet<string> = new Set(['qmi_wwan', 'cdc_mbim']);

/** How near a failed open a program's "modem not answering" line stands to be its own. */
const BESIDE_LINES = 3;

/** An enumeration's serial ports, by interface then loose. */
function portsOf(en: Enumeration): string[] {
  return [...en.ttys.values(), ...en.looseTtys];
}

/** The events on the lines of the findings of `codes`. */
function codedEvents(ctx: StoryContext, codes: readonly FindingCode[]): LogEvent[] {
  // Asked for each drop of each device: looked up once per context and codes (a file of many drops
  // had each of them filter every event of the file, on every append the language server reads).
  const key = codes.join();
  let known = CODED_EVENTS.get(ctx);
  if (!known) CODED_EVENTS.set(ctx, (known = new Map()));
  let found = known.get(key);
  if (!found) {
    const lines = new Set(ctx.coded(...codes).flatMap((f) => f.lines));
    found = lines.size === 0 ? [] : ctx.events.filter((e) => lines.has(e.line));
    known.set(key, found);
  }
  return found;
}
const CODED_EVENTS = new WeakMap<StoryContext, Map<string, LogEvent[]>>();

/** The cause every one of the drops shares, if one does. */
export function sharedCause(causes: readonly ({ cause: DropCause } | undefined)[]): DropCause | undefined {
  const first = causes[0]?.cause;
  return first && causes.every((c) => c?.cause === first) ? first : undefined;
}

/** The line `e` that gives a drop's cause as a story's step (the other lines of its run, `run`, are its evidence too). */
export function dropCauseStep(w: StoryWriter, e: LogEvent, cause: DropCause, words = `${cause.step}${when(e)}`, run: readonly LogEvent[] = []): void {
  w.quote(words, e);
  for (const r of run) if (r !== e) w.prove(r.line);
  for (const s of cause.sources ?? []) w.cite(s);
}

/** A deliberate restart logged this close before a drop explains it (knowledge 4.3: a ping-reboot action, a gsmd or mobifd restart). */
const RESTART_EXPLAINS_SECONDS = 120;

/**
 * The deliberate restart (a line marked `deliberate-restart`: ping_reboot's `Restarting modem
 * after 3 unsuccessful tries`, mobifd's forced restart) logged last before the drop `gone`, within
 * RESTART_EXPLAINS_SECONDS (or 30 lines, without a common clock), if any.
 */
export function restartBeforeDrop(restarts: readonly LogEvent[], gone: LogEvent): LogEvent | undefined {
  // A restart that names its USB device (a sysfs unbind) is that device's alone.
  return lastBefore(restarts.filter((r) => r.fields.usbPath === undefined || gone.fields.usbPath === undefined || r.fields.usbPath === gone.fields.usbPath), gone, RESTART_EXPLAINS_SECONDS, 30);
}

/**
 * The data connection's going down as the modem left the bus: a mobile interface down, a bearer
 * or PPP link lost, whose first line is at most DATA_WITH_DROP_SECONDS before the departure (a
 * modem that resets or loses power drops its data session a moment before the USB disconnect: a
 * blind probe's ModemManager reset had NetworkManager's `modem-no-carrier` 1 s before it, told
 * as a data problem of its own). A mobile interface's finding is a warning; the LAN's is a note.
 */
function dataDownAsItLeft(ctx: StoryContext, gone: LogEvent): Finding[] {
  return ctx.coded('interface-down', 'mobile-data-down', 'data-session-failed').filter((f) => f.severity !== 'info' && isJustBefore(f, gone, DATA_WITH_DROP_SECONDS, 10));
}

/**
 * Tells the data connection's going down as the modem (`who`) left the bus (dataDownAsItLeft) as a
 * step of the story that tells the departure, its lines the story's evidence; returns those lines.
 */
export function dataDownStep(w: StoryWriter, ctx: StoryContext, gone: LogEvent, who: string): number[] {
  const downs = dataDownAsItLeft(ctx, gone);
  if (!downs.length) return [];
  w.step(`Its data connection went down${when(downs[0])}, as ${who} left the bus.`, downs[0]);
  const lines = downs.flatMap((f) => f.lines);
  w.prove(...lines);
  return lines;
}

/**
 * The first line showing the data connection up again after the modem came back (`data-up`),
 * before it next left and within DATA_BACK_SECONDS of its return, with no data failure between:
 * a reconnection that failed first is the data story's to tell (a wrong APN after a return is no
 * part of the drop). The outage the user had runs to it, not to the USB return (a blind probe's
 * drop was 20 s on the bus and 42 s without data).
 */
export function dataUpAfterReturn(ctx: StoryContext, back: LogEvent, gone: LogEvent, nextGone: LogEvent | undefined): LogEvent | undefined {
  // A line that names an interface is the modem's only if it is one that went down as the modem
  // left (a note's too: OpenWrt's `wwan` is the user's name), or RutOS's mobile one: other stacks'
  // names are the user's, and the LAN coming up is no modem's data.
  // (Just before it, or just after: netifd logs its interface down a moment after the kernel's disconnect.)
  const downs = ctx.coded('interface-down').filter((f) => {
    if (f.file !== gone.file || f.line >= back.line) return false;
    const s = f.time !== undefined && gone.time !== undefined ? Math.abs(f.time - gone.time) / 1000 : undefined;
    return s !== undefined ? s <= DATA_WITH_DROP_SECONDS : Math.abs(f.line - gone.line) <= 10;
  });
  // Their lines' events through the line index, not a scan of every event per drop.
  const index = lineIndexOf(ctx.events);
  const wentDown = downs.flatMap((f) => index.within(f.line, f.endLine).filter((e) => e.file === back.file && f.lines.includes(e.line) && e.fields.iface !== undefined)).map((e) => interfaceBase(e.fields.iface!));
  const modemsInterface = (iface: string | undefined): boolean => iface === undefined || RUTOS_MOBILE_INTERFACE.test(iface) || wentDown.includes(interfaceBase(iface));
  const up = ctx.marked('data-up').find((e) => e.file === back.file && e.line > back.line && (!nextGone || e.line < nextGone.line) && modemsInterface(e.fields.iface));
  if (!up) return undefined;
  const s = secondsBetween(back, up);
  if (s !== undefined && (s < 0 || s > DATA_BACK_SECONDS)) return undefined;
  const failedFirst = ctx.coded('data-session-failed').some((f) => f.file === back.file && f.line > back.line && f.line < up.line);
  return failedFirst ? undefined : up;
}

/** modem_updater's `-i`: the modem's USB id (`1-1`, `2-1`: knowledge 3.5, `-i <usb id>` [F8] [S22]), where the log names its path. */
export function updaterIdOf(devices: readonly UsbDevice[], edl: Finding | undefined): Record<string, string> {
  const path = devices.find((d) => d.path)?.path ?? (edl ? /\busb (\d+-[\d.]+):/.exec(edl.message)?.[1] : undefined);
  return path && /^\d+-[\d.]+$/.test(path) ? { updaterId: path } : {};
}

/** How long before a modem's departure its data connection's going down is the departure's. */
const DATA_WITH_DROP_SECONDS = 10;
/** How long after a modem's return its data connection coming up is the return's. */
const DATA_BACK_SECONDS = 600;

/** The last of `events` in `gone`'s file at most `seconds` before it, or `lines` lines before it without a common clock. */
function lastBefore(events: readonly LogEvent[], gone: LogEvent, seconds: number, lines: number): LogEvent | undefined {
  let found: LogEvent | undefined;
  for (const e of events) if (isJustBefore(e, gone, seconds, lines)) found = e;
  return found;
}


/**
 * What a listing of the USB devices made after the drop says of the modem (a paste's `lsusb` after
 * its log: the `usb-listing` mark), where the modem's ID is known: listed, it was on the bus again
 * when the listing was made; a listing without it, it was not (a blind probe's paste had its
 * `lsusb` say the modem was gone, and the story said only that the log ended without it).
 */
export function laterListing(ctx: StoryContext, d: UsbDevice, a: Absence): { text: string; summary: string; line: { line: number; time?: number } } | undefined {
  if (!d.vidpid) return undefined;
  const listing = ctx.marked('usb-listing').filter((e) => e.file === a.gone.file && e.line > a.gone.line);
  if (!listing.length) return undefined;
  const own = listing.find((e) => (e.fields.vidpid ?? '').toLowerCase() === d.vidpid);
  if (own) {
    return {
      text: `A listing of the USB devices after it (\`lsusb\`, line ${own.line}) shows the modem's ID (${d.vidpid}): the modem was on the bus again when that listing was made, after the log's last line of it.`,
      summary: `a later \`lsusb\` lists it (${d.vidpid}), so it was on the bus again by then`,
      line: { line: own.line },
    };
  }
  const first = listing[0];
  return {
    text: `A listing of the USB devices after it (\`lsusb\`, from line ${first.line}, ${listing.length} device${listing.length > 1 ? 's' : ''}) does not show the modem's ID (${d.vidpid}): the modem was not on the bus when that listing was made, if the listing is whole.`,
    summary: `a later \`lsusb\` does not list it (${d.vidpid})`,
    line: { line: first.line },
  };
}
