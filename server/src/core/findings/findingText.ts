import { describeEvent } from '../events/describeEvent';
import { usbModel } from '../catalogue/tables/usbIds';
import type { FindingCode, LogEvent } from '../model';
import { formatDuration } from '../records/timeWords';

/** What a finding is about, in a few words: the heading a person scans for. */
export const FINDING_TITLES: Record<FindingCode, string> = {
  'modem-write-failure': 'Writes to the modem failed',
  'modem-read-failure': 'Reads from the modem failed',
  'modem-unresponsive': 'The modem stopped answering',
  'modem-duplicate-registration': 'gsmd refused to register the modem again',
  'modem-port-missing': 'The modem\'s AT port is missing',
  'modem-silent': 'gsmd went silent about the modem',
  'modem-crash': 'The modem crashed or stopped answering on its bus',
  // A USB finding is about whatever device the log shows (a modem, a hub, a tethered phone, a
  // microcontroller board): its message names it; the title claims no more (knowledge 4.3).
  'usb-disconnect': 'A USB device left the bus',
  'usb-gap': 'A USB device was off the bus',
  'usb-reconnect-loop': 'A USB device keeps reconnecting',
  'usb-composition-change': 'A USB device came back in a different composition',
  'usb-enumeration-error': 'USB enumeration errors',
  'modem-edl-mode': 'The modem is in emergency download (EDL) mode',
  'fw-update-started': 'Modem firmware update',
  'fw-update-failed': 'Modem firmware update failed',
  'fw-update-stuck': 'Modem firmware update is stuck',
  'sim-error': 'SIM problem',
  'registration-failed': 'Network registration failed',
  'mobile-data-down': 'Mobile data went down',
  'interface-down': 'Interface went down',
  'data-session-failed': 'The data connection could not be set up',
  reboot: 'The router rebooted',
  'unexpected-reboot': 'The router restarted unexpectedly',
  undervoltage: 'The board\'s supply voltage dropped too low',
  'clock-jump': 'The clock jumped',
  'input-problem': 'Problem with the input',
  'unexplained-modem-error': 'A modem program logged an error',
  'custom-rule': 'Your rule matched',
};

/** `Quectel EC200A at USB 1-1`, or what is known of it. */
export function modemName(fields: Record<string, string>): string {
  const model = usbModel(fields.vidpid)?.model;
  if (fields.usbPath && model) return `${model} at USB ${fields.usbPath}`;
  if (fields.usbPath) return `the modem at USB ${fields.usbPath}`;
  return model ?? 'the modem';
}

/** The message of a burst finding: the first event's summary, and how big the burst was. */
/** Distinct messages a burst names before "and N other messages". */
const MAX_DISTINCT = 4;

export function burstMessage(code: FindingCode, events: readonly LogEvent[], seconds: number | undefined): string {
  const first = events[0];
  const lead = describeEvent(first.id, first.fields, first.text);
  if (events.length <= 1) return lead;
  // Every distinct message keeps its own count: "Request timed out" twice and "Permission denied"
  // once are two facts, not three of the first.
  const counts = new Map<string, number>();
  for (const e of events) {
    const said = describeEvent(e.id, e.fields, e.text);
    counts.set(said, (counts.get(said) ?? 0) + 1);
  }
  const span = seconds !== undefined && seconds >= 1 ? ` in ${formatDuration(seconds)}` : '';
  if (counts.size === 1) return `${lead} (${events.length} times${span})`;
  const said = [...counts.keys()].slice(0, MAX_DISTINCT);
  // "iface: a ubus call ... failed: Request timed out (2 times); Permission denied": the shared
  // lead is said once.
  const head = sharedLead(said);
  const shown = said.map((x) => `${x.slice(head.length)}${counts.get(x)! > 1 ? ` (${counts.get(x)} times)` : ''}`);
  const more = counts.size > MAX_DISTINCT ? `; and ${counts.size - MAX_DISTINCT} other messages` : '';
  return `${head}${shown.join('; ')}${more} (${events.length} lines${span})`;
}

/** The longest lead all texts share, cut after a `: ` so no word is split. */
function sharedLead(texts: readonly string[]): string {
  let n = 0;
  const first = texts[0] ?? '';
  while (n < first.length && texts.every((t) => t[n] === first[n])) n++;
  const cut = first.lastIndexOf(': ', n - 1);
  return cut > 0 && cut + 2 <= n ? first.slice(0, cut + 2) : '';
}
