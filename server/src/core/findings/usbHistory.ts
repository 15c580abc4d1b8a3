import { usbDriver, type UsbDriver } from '../catalogue/tables/usbDrivers';
import { catalogueEntry, storyMarksOf } from '../catalogue/index';
import { usbModel } from '../catalogue/tables/usbIds';
import { installMode } from '../catalogue/tables/installModes';
import { notModemProduct } from '../catalogue/tables/usbProductWords';
import type { LogEvent } from '../model';
import { isJustBefore, secondsBetween } from './eventTime';

/** One appearance of a device on the bus, with the drivers and ports it came up with. */
export interface Enumeration {
  path: string;
  file: number;
  start: LogEvent;
  devnum?: number;
  /** USB interface number -> driver that bound it (`0 -> cdc_ether`, `3 -> option`). */
  drivers: Map<number, string>;
  /** USB interface number -> tty it became. */
  ttys: Map<number, string>;
  /** ttys seen without a known interface, in order. */
  looseTtys: string[];
  netdevs: string[];
  vidpid?: string;
  /** The name the device's USB descriptor gives it (`usb 1-1: Product: ...`), as the kernel printed it. */
  product?: string;
  /** usb-serial's names of the converters its serial ports are (`GSM modem (1-port)`, `ch341-uart`). */
  converters: Set<string>;
  events: LogEvent[];
}

/** A time the device was off the bus: from its departure to its return, if it came back. */
export interface Absence {
  path: string;
  file: number;
  gone: LogEvent;
  back?: LogEvent;
  /** No `USB disconnect` line: inferred from its interfaces or drivers going away. */
  implied: boolean;
  events: LogEvent[];
  /**
   * The device left as a storage device and came back as a modem: the switch out of the install
   * (virtual CD-ROM) mode that a modem so made does each time it is plugged in or powered, by
   * usb_modeswitch or by itself [X101]. Not a drop.
   */
  modeSwitch?: true;
}

export interface UsbDevice {
  path: string;
  file: number;
  vidpid?: string;
  enumerations: Enumeration[];
  absences: Absence[];
  highestDevnum?: number;
}

/**
 * Follows each USB device through the events, using only the catalogue's `usb` and `layout`
 * marks: when it left, when it came back, and how it looked each time it came up.
 */
export function buildUsbHistory(chronological: readonly LogEvent[]): UsbDevice[] {
  const devices = new Map<string, UsbDevice>();
  const state = new Map<string, 'present' | 'gone'>();
  const lastIface = new Map<string, number>();
  const vidpidOf = new Map<string, string>();
  // `option1 ttyUSB0: ... converter now disconnected` names only the tty: the device it belonged to
  // is the one an earlier `usb 2-1.1: ... converter now attached to ttyUSB0` gave it (fixture 043,
  // a `dmesg | grep ttyUSB` with the USB-level lines filtered out).
  const ttyOwner = new Map<string, string>();
  // A port's removal whose device no earlier line named follows the `USB disconnect` of its device:
  // usb_disconnect() prints that line, then unbinds the device's interfaces, whose drivers print
  // their ports' removal (knowledge 4.3 [K3b][F6]; excerpt 04: the disconnect, then `option1
  // ttyUSB0: ... now disconnected` 0.6 ms later). A gammu host's /var/log/messages (fixture 042)
  // shows a Huawei modem's disconnect and its three ports' removal, and nothing before. So such a
  // removal, at most DISCONNECT_UNBIND_SECONDS after the last disconnect (or DISCONNECT_UNBIND_LINES
  // lines, without a clock) and with no other device's line between, is that device's (an
  // inference from the order the kernel prints them).
  let lastDisconnect: { key: string; path: string; event: LogEvent } | undefined;
  // Such removals met before any disconnect, kept until the next device's line: within one tick of
  // a log's clock the order of its lines says nothing (a log listed newest first, too short to be
  // read so, puts a disconnect's ports before it), so a disconnect of the same stamp takes them.
  const held: LogEvent[] = [];
  // The devices (file|path) a line of the kernel's own has shown (not a program's echo of it: usbEcho).
  const kernelSeen = new Set<string>();

  const device = (file: number, path: string): UsbDevice => {
    const key = `${file}|${path}`;
    let d = devices.get(key);
    if (!d) devices.set(key, (d = { path, file, enumerations: [], absences: [] }));
    return d;
  };
  const startEnumeration = (d: UsbDevice, e: LogEvent): Enumeration => {
    const en: Enumeration = { path: d.path, file: d.file, start: e, drivers: new Map(), ttys: new Map(), looseTtys: [], netdevs: [], converters: new Set(), events: [e] };
    if (e.fields.devnum) en.devnum = +e.fields.devnum;
    d.enumerations.push(en);
    return en;
  };

  // Drivers being unloaded, by name: their interfaces' teardown just after is no departure.
  const unloaded = new Map<string, LogEvent>();
  for (const e of chronological) {
    if (e.fields.driver !== undefined && storyMarksOf(e).includes('driver-unloaded')) unloaded.set(e.fields.driver, e);
    // gsmd names the modem with its VID:PID: `1-1 [2c7c:6005]`.
    if (e.fields.usbPath && e.fields.vidpid) vidpidOf.set(`${e.file}|${e.fields.usbPath}`, e.fields.vidpid.toLowerCase());
    if (e.fields.usbPath && e.fields.vid && e.fields.pid) vidpidOf.set(`${e.file}|${e.fields.usbPath}`, `${e.fields.vid}:${e.fields.pid.padStart(4, '0')}`.toLowerCase());
    const entry = catalogueEntry(e.id);
    if (e.fields.usbPath && e.fields.tty) ttyOwner.set(`${e.file}|${e.fields.tty}`, e.fields.usbPath);
    let path = e.fields.usbPath !== undefined ? deviceOfPort(e.fields.usbPath) : e.fields.tty ? ttyOwner.get(`${e.file}|${e.fields.tty}`) : undefined;
    // (Not remembered as the tty's owner: only a line that names both says so for later lines.)
    if (path === undefined && e.fields.tty && entry?.usb === 'teardown') {
      if (lastDisconnect && unbindsAfter(lastDisconnect.event, e)) path = lastDisconnect.path;
      else if (held.length < HELD_REMOVALS) held.push(e);
    }
    if (!entry || !path || (!entry.usb && !entry.layout)) continue;
    const key = `${e.file}|${path}`;
    // A program's echo of the kernel joins what the kernel's own lines of the device tell (ModemManager
    // releases the ports of a modem the kernel already showed leaving and back: fixture 015's one
    // drop had been read as three); without them it tells the device's comings and goings itself.
    if (entry.usbEcho && kernelSeen.has(key)) {
      const d = devices.get(key);
      const last = d?.absences[d.absences.length - 1];
      if (d && state.get(key) === 'gone' && last) last.events.push(e);
      else d?.enumerations[d.enumerations.length - 1]?.events.push(e);
      continue;
    }
    if (!entry.usbEcho) kernelSeen.add(key);
    if (lastDisconnect && lastDisconnect.key !== key) lastDisconnect = undefined;
    if (entry.usb === 'gone') lastDisconnect = { key, path, event: e };
    // Back on the bus: a removal printed after that is no part of the drop.
    else if (entry.usb === 'present') lastDisconnect = undefined;
    const sameTick = entry.usb === 'gone' && held.length > 0 ? held.filter((h) => h.file === e.file && secondsBetween(h, e) === 0) : undefined;
    held.length = 0;
    const d = device(e.file, path);
    const now = state.get(key);
    const current = d.enumerations[d.enumerations.length - 1];

    if (entry.usb === 'gave-up') {
      // Attempts since the device's return that it never answered (the enumeration holds its
      // first line's kind alone: `new full-speed USB device number 5`, again and again) were no
      // return: it is still off the bus (the catalogue's entry, K3b).
      const absence = d.absences[d.absences.length - 1];
      const since = absence?.back !== undefined && now === 'present' ? attemptsSince(d.enumerations, absence.back) : 0;
      if (since > 0) {
        for (const en of d.enumerations.splice(d.enumerations.length - since)) absence!.events.push(...en.events);
        absence!.back = undefined;
        state.set(key, 'gone');
      }
      if (state.get(key) === 'gone') absence?.events.push(e);
      continue;
    }
    // An interface let go of as its driver is unloaded: the device stays on the bus (usb_deregister, X178).
    if (entry.usb === 'teardown' && now !== 'gone' && unloadedJustBefore(unloaded, e)) continue;
    if (entry.usb === 'gone' || (entry.usb === 'teardown' && now !== 'gone')) {
      if (now === 'gone') {
        d.absences[d.absences.length - 1]?.events.push(e);
      } else {
        d.absences.push({ path, file: e.file, gone: e, implied: entry.usb === 'teardown', events: [e] });
        state.set(key, 'gone');
      }
      if (sameTick) d.absences[d.absences.length - 1].events.push(...sameTick);
      continue;
    }
    if (entry.usb === 'teardown') {
      d.absences[d.absences.length - 1]?.events.push(e);
      continue;
    }
    // A line of its layout alone while the device is off the bus (a hotplug script's `Device ttyUSB0
    // ... disappeared!` just after the disconnect) is part of its going, no return: a blind probe's
    // log, whose first line of the modem was its disconnect, had its return swallowed so and told
    // "did not come back" beside the modem's next drop.
    if (now === 'gone' && entry.usb !== 'present') {
      d.absences[d.absences.length - 1]?.events.push(e);
      continue;
    }
    let en = current;
    const isNewDevice = e.id === 'usb.new-device' && e.fields.kind === 'new';
    if (entry.usb === 'present' && now === 'gone') {
      const absence = d.absences[d.absences.length - 1];
      if (absence) absence.back = e;
      state.set(key, 'present');
      en = startEnumeration(d, e);
    } else if (en && isNewDevice && d.absences[d.absences.length - 1]?.back === en.start && !answered(en)) {
      // A return the device never answered (its first line and the kernel's errors alone: `device
      // descriptor read/64, error -71`) was an attempt, part of the absence: the device is back at
      // the next one (a blind probe's modem had been told back at the failed attempt, 23 s early).
      const absence = d.absences[d.absences.length - 1];
      d.enumerations.pop();
      absence.events.push(...en.events);
      absence.back = e;
      en = startEnumeration(d, e);
    } else if (!en || (isNewDevice && en.events.length > 1)) {
      // First sight of the device, or a new enumeration whose disconnect was not logged.
      state.set(key, 'present');
      en = startEnumeration(d, e);
    } else {
      if (entry.usb === 'present') state.set(key, 'present');
      en.events.push(e);
    }
    if (e.fields.devnum) {
      en.devnum ??= +e.fields.devnum;
      d.highestDevnum = Math.max(d.highestDevnum ?? 0, +e.fields.devnum);
    }
    recordLayout(en, e, lastIface, key);
  }
  for (const d of devices.values()) {
    const vp = vidpidOf.get(`${d.file}|${d.path}`);
    if (vp) d.vidpid = vp;
    markModeSwitches(d);
  }
  return [...devices.values()];
}

/**
 * Marks each return of the device that follows an enumeration as a storage device alone (its
 * drivers all storage's: usb-storage, uas) with one that binds a modem's driver: a modem that
 * leaves its install mode [X101]. A blind probe's Huawei stick, switched at every boot, had been
 * told "dropped off USB" with power-supply advice.
 */
function markModeSwitches(d: UsbDevice): void {
  if (!d.absences.length || d.enumerations.length < 2) return;
  let i = 0;
  for (const a of d.absences) {
    if (!a.back) continue;
    while (i + 1 < d.enumerations.length && d.enumerations[i + 1].start.line < a.gone.line) i++;
    const before = d.enumerations[i];
    // The return's enumeration is looked up only after a storage device's (rare): the search per
    // absence was quadratic on a modem in a reconnect loop.
    if (!before || before.start.line >= a.gone.line) continue;
    // An ID in usb_modeswitch's data, where nothing of a modem's bound it: some IDs are one
    // device's install mode and another's modem mode (12d1:1001).
    const install = showsModemFunction(before) ? undefined : installMode(before.vidpid);
    if (!install && !storageOnly(before)) continue;
    const after = d.enumerations.find((en) => en.start === a.back);
    // From an ID usb_modeswitch's data lists as an install mode, a return as one of the IDs it
    // switches it to, or bound by a driver that may be a modem's (rndis_host: a blind probe's
    // Alcatel IK41, 1bbb:f000 to 1bbb:0195), is its switch too.
    if (after && (bindsDriverOf(after, 'modem') || (install !== undefined && (install.targets?.includes(after.vidpid ?? '') || bindsDriverOf(after, 'maybe'))))) a.modeSwitch = true;
  }
}

/** Bound by storage drivers and nothing else. */
function storageOnly(en: Enumeration): boolean {
  if (!en.drivers.size || en.ttys.size || en.netdevs.length) return false;
  for (const driver of en.drivers.values()) if (usbDriver(driver)?.storage !== true) return false;
  return true;
}

/** Whether a driver the driver table says `device` of bound one of the enumeration's interfaces. */
function bindsDriverOf(en: Enumeration, device: UsbDriver['device']): boolean {
  for (const driver of en.drivers.values()) if (usbDriver(driver)?.device === device) return true;
  return false;
}

/** Whether the device answered in an enumeration: its IDs or its name read, a driver bound, a port or an interface made. */
function answered(en: Enumeration): boolean {
  return en.vidpid !== undefined || en.product !== undefined || en.drivers.size > 0 || en.ttys.size > 0 || en.looseTtys.length > 0 || en.netdevs.length > 0;
}

/** Whether an enumeration shows something of a modem's: a modem's driver (or one that may be), a serial port, a network interface. */
export function showsModemFunction(en: Enumeration): boolean {
  for (const x of en.drivers.values()) {
    const device = usbDriver(x)?.device;
    if (device === 'modem' || device === 'maybe') return true;
  }
  return en.ttys.size > 0 || en.looseTtys.length > 0 || en.netdevs.length > 0;
}

/**
 * How many of the last enumerations, from the one `back` started, are attempts alone (each holds
 * only lines of its first line's kind: `new full-speed USB device number 5`, 6, 7, which the device
 * never answered); 0 when one of them shows the device (its IDs, a driver) or none started at `back`.
 */
function attemptsSince(enumerations: readonly Enumeration[], back: LogEvent): number {
  for (let i = enumerations.length - 1; i >= 0; i--) {
    const en = enumerations[i];
    if (!en.events.every((x) => x.id === en.start.id)) return 0;
    if (en.start === back) return enumerations.length - i;
  }
  return 0;
}

/**
 * The device a hub's port holds, as the kernel names the port (`1-1-port3`: port 3 of hub 1-1, the
 * device 1-1.3; `usb4-port1`: root port 1 of bus 4, the device 4-1); any other name as it is.
 */
export function deviceOfPort(name: string): string {
  const m = PORT_NAME.exec(name);
  if (!m) return name;
  return m[1] !== undefined ? `${m[1]}-${m[3]}` : `${m[2]}.${m[3]}`;
}
const PORT_NAME = /^(?:usb(\d{1,3})|(\d{1,3}-[\d.]{1,40}))-port(\d{1,3})$/;

/** How soon after a device's disconnect its ports' removal is printed (excerpt 04: 0.6 ms), with slack for a log's coarser clock. */
const DISCONNECT_UNBIND_SECONDS = 2;
/** The same without a clock: a device has a few interfaces, each printing a line or a few as it goes. */
const DISCONNECT_UNBIND_LINES = 20;
/** Port removals kept for a disconnect of the same stamp that comes after them (a device has a few ports). */
const HELD_REMOVALS = 32;

/** Whether `e` (a port's removal) is near enough after the disconnect `gone` to be part of it. */
function unbindsAfter(gone: LogEvent, e: LogEvent): boolean {
  if (e.file !== gone.file) return false;
  const seconds = secondsBetween(gone, e);
  return seconds !== undefined ? seconds >= 0 && seconds <= DISCONNECT_UNBIND_SECONDS : e.line > gone.line && e.line - gone.line <= DISCONNECT_UNBIND_LINES;
}

function recordLayout(en: Enumeration, e: LogEvent, lastIface: Map<string, number>, key: string): void {
  const f = e.fields;
  // Only a USB interface number: `iface` of a netifd-wrapped line is a network interface name.
  const iface = f.iface !== undefined && /^\d{1,3}$/.test(f.iface) ? +f.iface : undefined;
  if (iface !== undefined && f.driver) en.drivers.set(iface, f.driver);
  if (iface !== undefined) lastIface.set(key, iface);
  if (f.netdev && !en.netdevs.includes(f.netdev)) en.netdevs.push(f.netdev);
  if (f.vid && f.pid) en.vidpid = `${f.vid}:${f.pid.padStart(4, '0')}`.toLowerCase();
  if (f.product) en.product = f.product.trim();
  if (f.converter) en.converters.add(f.converter);
  if (f.tty) {
    // `usb 1-1: ... attached to ttyUSB0` follows `option 1-1:1.2: ... detected` for interface 2.
    const at = iface ?? (e.id === 'usb.serial-attached' ? lastIface.get(key) : undefined);
    if (at !== undefined) {
      en.ttys.set(at, f.tty);
      if (e.id === 'usb.serial-symlink' && !en.drivers.has(at)) en.drivers.set(at, 'option');
    } else if (!en.looseTtys.includes(f.tty)) en.looseTtys.push(f.tty);
  }
}

/** The data mode a usbnet driver names (tables/usbDrivers.ts), or undefined. */
const netMode = (driver: string): string | undefined => usbDriver(driver)?.mode;

/** `ECM` for an enumeration where cdc_ether bound the data interface, etc. */
export function dataMode(en: Enumeration): string | undefined {
  const driver = dataDriver(en);
  return driver && netMode(driver);
}

export function isDataDriver(driver: string): boolean {
  return netMode(driver) !== undefined;
}

/** The usbnet driver that bound the data interface (`cdc_ether`, `rndis_host`, `qmi_wwan`). */
export function dataDriver(en: Enumeration): string | undefined {
  for (const driver of en.drivers.values()) if (netMode(driver)) return driver;
  return undefined;
}

/** `cdc_ether on interface 0, option on 2-4 (ttyUSB1-ttyUSB3)`: how a person compares layouts. */
export function describeLayout(en: Enumeration): string {
  const byDriver = new Map<string, number[]>();
  for (const [iface, driver] of [...en.drivers].sort((a, b) => a[0] - b[0])) {
    const list = byDriver.get(driver) ?? [];
    list.push(iface);
    byDriver.set(driver, list);
  }
  const parts = [...byDriver].map(([driver, ifaces]) => `${driver} on interface${ifaces.length > 1 ? 's' : ''} ${ifaces.join(', ')}`);
  const ttys = [...[...en.ttys].sort((a, b) => a[0] - b[0]).map(([, t]) => t), ...en.looseTtys];
  if (ttys.length) parts.push(ttys.join(', '));
  if (en.netdevs.length) parts.push(en.netdevs.join(', '));
  const mode = dataMode(en);
  return (mode ? `${mode}: ` : '') + (parts.join('; ') || 'no driver lines logged');
}

/** Whether the enumeration shows a data mode other than the one RutOS drives this modem in. */
export function unexpectedMode(en: Enumeration, vidpid: string | undefined): { expected: string; seen: string } | undefined {
  const expected = usbModel(vidpid)?.mode;
  const seen = dataMode(en);
  if (!expected || !seen) return undefined;
  if (expected.toUpperCase().includes(seen)) return undefined;
  return { expected, seen };
}

/** A comparable fingerprint of a layout; empty when the log named no drivers for it. */
export function layoutKey(en: Enumeration): string {
  return [...en.drivers].sort((a, b) => a[0] - b[0]).map(([i, d]) => `${i}:${d}`).join(',');
}

/**
 * What the device shows of itself that no modem shows, in words for a finding, or undefined: the
 * USB findings and the stories that ask "is this the modem?" both read it (a blind probe's CH340
 * serial adapter, keyboard and Wi-Fi dongle had each been told as a modem). Not its drivers, which
 * the driver table judges, nor a known modem ID, which the caller has looked at first.
 * - It came up at low speed (1.5 Mbit/s): keyboards, mice and other input devices; no modem.
 * - Its serial ports are a converter no modem driver names so (usb-serial's `ch341-uart converter`,
 *   where a modem's say `GSM modem (1-port)`, `Qualcomm USB modem`, `Sierra USB modem`).
 * - It calls itself a keyboard, a network adapter, a hub... (tables/usbProductWords.ts).
 */
export function notModemSign(d: UsbDevice): string | undefined {
  // A modem's driver bound it: what else it shows does not outweigh that. A maybe-modem's (cdc_acm,
  // which serves modems and GNSS receivers, boards and meters alike) is outweighed by the device's
  // own name only (a blind probe's `u-blox GNSS receiver` on cdc_acm had its resets told as a modem's).
  const kindOf = (driver: string | undefined) => (driver === undefined ? undefined : usbDriver(driver)?.device);
  let maybe = false;
  const weigh = (driver: string | undefined): boolean => {
    const kind = kindOf(driver);
    if (kind === 'maybe') maybe = true;
    return kind === 'modem';
  };
  for (const en of d.enumerations) for (const driver of en.drivers.values()) if (weigh(driver)) return undefined;
  for (const a of d.absences) for (const e of a.events) if (weigh(e.fields.driver)) return undefined;
  if (maybe) {
    const named = d.enumerations.map((en) => en.product).find((p) => p !== undefined && notModemProduct(p));
    return named ? `It calls itself "${named}"` : undefined;
  }
  if (d.enumerations.some((en) => en.start.fields.speed === 'low-speed')) return 'It came up as a low-speed device (1.5 Mbit/s: keyboards, mice and other input devices; no modem is one)';
  const converters = new Set<string>();
  for (const en of d.enumerations) for (const c of en.converters) converters.add(c);
  for (const a of d.absences) for (const e of a.events) if (e.fields.converter !== undefined) converters.add(e.fields.converter);
  if (converters.size > 0 && [...converters].every((c) => !MODEM_CONVERTER.test(c))) return `Its serial ports are a USB-serial adapter's (${[...converters].join(', ')} converter), not a modem's`;
  const product = d.enumerations.map((en) => en.product).find((p) => p !== undefined && notModemProduct(p));
  return product ? `It calls itself "${product}"` : undefined;
}
/** usb-serial's name of a modem's converter (`GSM modem (1-port)`, `Qualcomm USB modem`), or of the generic driver a modem may be bound to by hand. */
const MODEM_CONVERTER = /modem|generic/i;

/** Whether the teardown line's driver was being unloaded just before it (within UNLOAD_TEARDOWN_SECONDS, or 20 lines without a common clock). */
function unloadedJustBefore(unloaded: ReadonlyMap<string, LogEvent>, e: LogEvent): boolean {
  const driver = e.fields.driver;
  const u = driver !== undefined ? unloaded.get(driver) : undefined;
  return u !== undefined && isJustBefore(u, e, UNLOAD_TEARDOWN_SECONDS, 20);
}

/** The device's last enumeration that began before `line` (its layout as it was then), if the log shows one. */
export function enumerationBefore(d: UsbDevice, line: number): Enumeration | undefined {
  let before: Enumeration | undefined;
  for (const en of d.enumerations) if (en.start.line < line) before = en;
  return before;
}
const UNLOAD_TEARDOWN_SECONDS = 5;
