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
  'modem-port-missing': 'The modem\'s port is missing',
  'modem-port-busy': 'The modem\'s port is held by another program',
  'modem-silent': 'gsmd went silent about the modem',
  'modem-crash': 'The modem crashed or stopped answering on its bus',
  'manager-crash': 'The program that manages the modem crashed',
  // A USB finding is about whatever device the log shows (a modem, a hub, a tethered phone, a
  // microcontroller board): its message names it; the title claims no more (knowledge 4.3).
  'usb-disconnect': 'A USB device left the bus',
  'usb-gap': 'A USB device was off the bus',
  'usb-reconnect-loop': 'A USB device keeps reconnecting',
  'usb-composition-change': 'A USB device came back in a different composition',
  'usb-ports-renumbered': 'A USB device came back with its serial ports renumbered',
  'usb-enumeration-error': 'USB enumeration errors',
  'modem-edl-mode': 'The modem is in emergency download (EDL) mode',
  'modem-install-mode': 'The modem stayed in its install mode (a virtual CD-ROM)',
  'fw-update-started': 'Modem firmware update',
  'fw-update-failed': 'Modem firmware update failed',
  'fw-update-stuck': 'Modem firmware update is stuck',
  'sim-error': 'SIM problem',
  'registration-failed': 'Network registration failed',
  'radio-off': 'The modem\'s radio is off',
  'mobile-data-down': 'Mobile data went down',
  'interface-down': 'Interface went down',
  'data-session-failed': 'The data connection could not be set up',
  reboot: 'The system rebooted',
  'unexpected-reboot': 'The system restarted unexpectedly',
  undervoltage: 'The supply voltage dropped too low',
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
  // once are two facts, not three of the first. Messages that differ only in their numbers (a
  // count that goes up: `timed out 2 consecutive times`, 3, ... 9) are one, with the numbers'
  // range: `2 to 9 times in a row (8 lines)`, so the one that differs in words stays in sight.
  const groups = new Map<string, string[]>();
  for (const e of events) {
    const said = describeEvent(e.id, e.fields, e.text);
    const key = said.replace(DIGITS, '#');
    const group = groups.get(key);
    if (group) group.push(said);
    else groups.set(key, [said]);
  }
  const span = seconds !== undefined && seconds >= 1 ? ` in ${formatDuration(seconds)}` : '';
  const texts = [...groups.values()].map(ranged);
  if (texts.length === 1 && texts[0].same) return `${lead} (${events.length} times${span})`;
  if (texts.length === 1) return `${texts[0].text} (${events.length} lines${span})`;
  const said = texts.slice(0, MAX_DISTINCT);
  // "iface: a ubus call ... failed: Request timed out (2 times); Permission denied": the shared
  // lead is said once.
  const head = sharedLead(said.map((x) => x.text));
  const shown = said.map((x) => `${x.text.slice(head.length)}${x.count > 1 ? ` (${x.count} ${x.same ? 'times' : 'lines'})` : ''}`);
  const more = texts.length > MAX_DISTINCT ? `; and ${texts.length - MAX_DISTINCT} other messages` : '';
  return `${head}${shown.join('; ')}${more} (${events.length} lines${span})`;
}

/** A number that stands as a word: not inside a name (`ttyUSB2`, `cdc-wdm0`, `1-1.3`), a clock (`10:14:03`), a ratio (`0/8`) or a negative errno. */
const DIGITS = /(?<![\w.:\/-])\d+(?![\w.:\/-])/g;

/**
 * Messages alike but for their numbers as one text: each number that differs among them given as
 * the range from the first's to the last's (`2 to 9`); `same` when they are all one text.
 */
function ranged(said: readonly string[]): { text: string; count: number; same: boolean } {
  const first = said[0];
  if (said.every((x) => x === first)) return { text: first, count: said.length, same: true };
  const numbers = said.map((x) => x.match(DIGITS) ?? []);
  let k = 0;
  const text = first.replace(DIGITS, (n) => {
    const i = k++;
    const alike = numbers.every((ns) => ns[i] === n);
    return alike ? n : `${n} to ${numbers[numbers.length - 1][i]}`;
  });
  return { text, count: said.length, same: false };
}

/** The longest lead all texts share, cut after a `: ` so no word is split. */
function sharedLead(texts: readonly string[]): string {
  let n = 0;
  const first = texts[0] ?? '';
  while (n < first.length && texts.every((t) => t[n] === first[n])) n++;
  const cut = first.lastIndexOf(': ', n - 1);
  return cut > 0 && cut + 2 <= n ? first.slice(0, cut + 2) : '';
}
