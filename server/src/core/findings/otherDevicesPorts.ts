import type { Finding, FindingCode, LogEvent } from '../model';
import { eventsByLine, type EventsByLine } from './eventTime';
import { notModemSign, type UsbDevice } from './usbHistory';

/**
 * A port a program could not open or use that, in its file, is another USB device's is that
 * device's trouble, not the modem's: a GNSS receiver's `/dev/ttyACM0` that gpsd could not open
 * while the receiver was unplugged (a blind probe's had been told "the modem's port is missing",
 * a warning, beside the receiver's own note). The device shows it is no modem (usbHistory's
 * notModemSign: its name, its speed, its converter); a port that two devices of the file had, or
 * a device that may be a modem, leaves the finding as it was.
 */
export function explainOtherDevicesPorts(findings: Finding[], events: readonly LogEvent[], devices: readonly UsbDevice[]): void {
  const candidates = findings.filter((f) => PORT_CODES.has(f.code) && f.severity !== 'info');
  if (!candidates.length) return;
  const owners = portOwners(devices);
  if (!owners.size) return;
  const eventAt = eventsByLine(events);
  for (const f of candidates) {
    const owner = ownerOf(f, owners, eventAt);
    const sign = owner && notModemSign(owner);
    if (!owner || sign === undefined) continue;
    f.severity = 'info';
    f.message = `${f.message.replace(/\.$/, '')} (the port is USB device ${owner.path}'s, not a modem's: ${sign.charAt(0).toLowerCase()}${sign.slice(1)})`;
  }
}

/** The one device whose ports every port the finding's lines name is; undefined if a line names another's, or none. */
function ownerOf(f: Finding, owners: ReadonlyMap<string, UsbDevice | 'several'>, eventAt: EventsByLine): UsbDevice | undefined {
  let owner: UsbDevice | undefined;
  for (const line of f.lines) {
    const path = eventAt.at(f.file, line)?.fields.path;
    if (path === undefined) continue;
    const device = owners.get(`${f.file}|${path.replace(/^.*\//, '')}`);
    if (device === undefined || device === 'several' || (owner !== undefined && owner !== device)) return undefined;
    owner = device;
  }
  return owner;
}

/** Codes of a program's trouble with a port it names (a `path` field). */
const PORT_CODES: ReadonlySet<FindingCode> = new Set(['modem-port-missing', 'modem-write-failure', 'modem-read-failure']);

/** The USB device each serial port of a file was (`1|ttyACM0`), or 'several' where two devices had it. */
function portOwners(devices: readonly UsbDevice[]): Map<string, UsbDevice | 'several'> {
  const owners = new Map<string, UsbDevice | 'several'>();
  for (const d of devices) {
    for (const en of d.enumerations) {
      for (const tty of [...en.ttys.values(), ...en.looseTtys]) {
        const key = `${d.file}|${tty}`;
        const had = owners.get(key);
        owners.set(key, had === undefined || had === d ? d : 'several');
      }
    }
  }
  return owners;
}
