import { catalogueEntry } from '../../catalogue/index';
import type { CatalogueEntry } from '../../catalogue/types';
import { ENVELOPES } from '../../formats/envelopes';
import { modemModel, usbModel } from '../../catalogue/tables/usbIds';
import { describeEvent } from '../../events/describeEvent';
import type { Finding, LogEvent } from '../../model';
import { findingOf } from '../eventTime';
import { toFinding } from './findingBuilder';

/** What a kind of line can say about EDL: its mark, whether it is evidence of it, whether it may name a USB ID. */
interface EdlRole {
  mark: CatalogueEntry['edl'];
  finding: boolean;
  usbId: boolean;
}

/** A field may come from the entry's pattern or an envelope's (envelopes.ts): both name it in a group. */
const namesUsbId = (pattern: RegExp): boolean => /\(\?<(?:vidpid|vid)>/.test(pattern.source);
const ENVELOPE_NAMES_USB_ID = ENVELOPES.some((v) => namesUsbId(v.pattern));
const ROLES = new Map<string, EdlRole | null>();

/**
 * Each kind of line's role, worked out once from its catalogue entry; null for the many that have
 * none, which are then passed over without reading their fields (this runs on every append the
 * language server reads, over every event).
 */
function edlRole(id: string): EdlRole | null {
  let role = ROLES.get(id);
  if (role !== undefined) return role;
  const entry = catalogueEntry(id);
  const r: EdlRole = { mark: entry?.edl, finding: entry?.finding === 'modem-edl-mode', usbId: ENVELOPE_NAMES_USB_ID || entry === undefined || namesUsbId(entry.pattern) };
  role = r.mark === undefined && !r.finding && !r.usbId ? null : r;
  ROLES.set(id, role);
  return role;
}

function usbIdOf(e: LogEvent): string | undefined {
  return e.fields.vidpid ?? (e.fields.vid && e.fields.pid ? `${e.fields.vid.padStart(4, '0')}:${e.fields.pid}` : undefined);
}

function edlId(e: LogEvent): string | undefined {
  const id = usbIdOf(e);
  return usbModel(id)?.edl ? id : undefined;
}

/**
 * The modem's own ID (a model the table knows, no download mode's) named by `e`: a modem that shows
 * it after download mode left it and runs firmware again. A 5G module (RM500Q) comes back so on
 * another port than its download mode's (a blind probe's QFirehose flash: EDL on 1-1, the modem
 * back on 2-1), which had been told "left in EDL mode" with advice to flash it again.
 */
export function modemIdIn(e: LogEvent): string | undefined {
  const id = usbIdOf(e);
  return modemModel(id) ? id!.toLowerCase() : undefined;
}

/**
 * A modem that shows as 05c6:9008 (or another EDL ID) has no firmware running: it only waits to
 * be flashed. Seen in kernel enumeration, pasted lsusb output, or flasher output: the modem
 * accepting the switch, a Sahara exchange ([F7] [F9] [S22] [X11]). The catalogue's `edl` marks say
 * what else counts: a flash that completed afterwards (`left`) ends it, and a memory dump in the
 * same file (`dump`) means its Sahara lines were the dump, not EDL.
 */
export function detectEdlMode(events: readonly LogEvent[]): Finding[] {
  // Only the events whose kind has a role, by file.
  const byFile = new Map<number, { e: LogEvent; role: EdlRole }[]>();
  for (const e of events) {
    const role = edlRole(e.id);
    if (role === null) continue;
    const list = byFile.get(e.file);
    if (list) list.push({ e, role });
    else byFile.set(e.file, [{ e, role }]);
  }
  const findings: Finding[] = [];
  for (const list of byFile.values()) {
    const dump = list.some((x) => x.role.mark === 'dump');
    let evidence: LogEvent[] = [];
    let back: LogEvent | undefined;
    for (const { e, role } of list) {
      // The flash completed: whatever showed EDL before is over.
      if (role.mark === 'left') {
        evidence = [];
        back = undefined;
      } else if ((role.usbId && edlId(e)) || (role.finding && findingOf(e) === 'modem-edl-mode' && !(dump && role.mark === 'sahara'))) {
        evidence.push(e);
        back = undefined;
      } else if (evidence.length && !back && role.usbId && modemIdIn(e)) back = e;
    }
    if (!evidence.length) continue;
    const id = evidence.map(edlId).find(Boolean);
    if (back) {
      const backId = modemIdIn(back)!;
      const model = modemModel(backId)!.model;
      findings.push(toFinding('modem-edl-mode', 'info',
        `The modem was in emergency download (EDL) mode${id ? ` (${id})` : ''} and came back as ${model} (${backId}) at line ${back.line}: it left download mode and runs firmware again.`, [...evidence, back]));
      continue;
    }
    if (id) {
      findings.push(toFinding('modem-edl-mode', 'error',
        `A USB device shows as ${id} (${usbModel(id)?.model}): the modem is in emergency download (EDL) mode. It runs no firmware, has no AT ports, and no connection manager can reach it until it is flashed again.`, evidence));
      continue;
    }
    const first = evidence[0];
    findings.push(toFinding('modem-edl-mode', 'error',
      `${describeEvent(first.id, first.fields, first.text)}: the modem is in emergency download (EDL) mode, and the log shows no flash completing after it. ` +
      'It runs no firmware and has no AT ports, so no modem manager can reach it until an image is written.', evidence));
  }
  return findings;
}
