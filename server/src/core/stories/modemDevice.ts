import { usbDriver } from '../catalogue/tables/usbDrivers';
import { type StoryWriter, when } from './evidence';
import { NOT_MODEMS, usbModel } from '../catalogue/tables/usbIds';
import { secondsBetween } from '../findings/eventTime';
import type { Absence, Enumeration, UsbDevice } from '../findings/usbHistory';
import type { LogEvent } from '../model';
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
  // Drivers bound when it came up, and those named when its functions went away (`option1 ttyUSB0:
  // ... converter now disconnected`, `cdc_ether ... unregister`): a log often shows only the latter.
  // Each distinct driver is tested once; a tty seen anywhere makes it a modem unless a driver says not.
  const drivers = new Set<string>();
  const named = new Set<string>();
  let tty = false;
  // A port's line may not name its driver (`usb 1-1: ... converter now attached to ttyUSB0`): the
  // driver that bound its interface is the one the enumeration has for the same port.
  const read = (events: readonly LogEvent[], en?: Enumeration): void => {
    for (const e of events) {
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
  for (const x of drivers) {
    const device = usbDriver(x)?.device;
    if (device === 'not') return false;
    if (device === 'modem') modemDriver = true;
  }
  return modemDriver || tty;
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
  return model ? `The modem (${model}) at USB ${d.path}` : `The modem at USB ${d.path}`;
}

/** A drop early in a boot: drivers being bound again, not a modem lost. */
export function isBootUnbind(a: Absence): boolean {
  return a.gone.uptime !== undefined && a.gone.uptime < BOOT_SECONDS;
}

/** The log goes on long enough after the drop for "did not come back" to mean something. */
export function lastsInLog(ctx: StoryContext, a: Absence): boolean {
  const last = ctx.events[ctx.events.length - 1];
  const after = last ? secondsBetween(a.gone, last) : undefined;
  if (after !== undefined) return after >= ctx.options.usbGapSeconds;
  // No common clock: count the catalogued lines after it.
  return lineIndexOf(ctx.events).countAfter(a.gone.line) >= 10;
}

/** What an under-voltage just before drops says, after "The board logged an under-voltage of its supply just before {them}: ". */
export const BROWN_OUT_READING = 'the modem browns out with a supply too weak for the board and the modem (an inference from the order of the lines).';

/** The line of the under-voltage `e` as a story's step. */
export function brownOutStep(w: StoryWriter, e: LogEvent, words = `The board logged an under-voltage of its supply${when(e)}`): void {
  w.quote(words, e);
}

/** An under-voltage logged this close before a drop goes with it (the firmware's flag is read every 2 s: X93). */
const BROWN_OUT_SECONDS = 10;
/** A deliberate restart logged this close before a drop explains it (knowledge 4.3: a ping-reboot action, a gsmd or mobifd restart). */
const RESTART_EXPLAINS_SECONDS = 120;

/**
 * The under-voltage of the board's supply (a line marked `brown-out`) logged last before the drop
 * `gone`, within BROWN_OUT_SECONDS (or 5 lines, without a common clock), if any.
 */
export function brownOutBefore(brownOuts: readonly LogEvent[], gone: LogEvent): LogEvent | undefined {
  return lastBefore(brownOuts, gone, BROWN_OUT_SECONDS, 5);
}

/**
 * The deliberate restart (a line marked `deliberate-restart`: ping_reboot's `Restarting modem
 * after 3 unsuccessful tries`, mobifd's forced restart) logged last before the drop `gone`, within
 * RESTART_EXPLAINS_SECONDS (or 30 lines, without a common clock), if any.
 */
export function restartBeforeDrop(restarts: readonly LogEvent[], gone: LogEvent): LogEvent | undefined {
  return lastBefore(restarts, gone, RESTART_EXPLAINS_SECONDS, 30);
}

/** The last of `events` in `gone`'s file at most `seconds` before it, or `lines` lines before it without a common clock. */
function lastBefore(events: readonly LogEvent[], gone: LogEvent, seconds: number, lines: number): LogEvent | undefined {
  let found: LogEvent | undefined;
  for (const e of events) {
    if (e.file !== gone.file || e.line > gone.line) continue;
    const s = secondsBetween(e, gone);
    if (s !== undefined ? s >= 0 && s <= seconds : gone.line - e.line <= lines) found = e;
  }
  return found;
}
