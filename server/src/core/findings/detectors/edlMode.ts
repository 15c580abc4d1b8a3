import { catalogueEntry } from '../../catalogue/index';
import { usbModel } from '../../catalogue/tables/usbIds';
import { describeEvent } from '../../events/describeEvent';
import type { Finding, LogEvent } from '../../model';
import { findingOf } from '../eventTime';
import { toFinding } from './findingBuilder';

function edlId(e: LogEvent): string | undefined {
  const id = e.fields.vidpid ?? (e.fields.vid && e.fields.pid ? `${e.fields.vid.padStart(4, '0')}:${e.fields.pid}` : undefined);
  return usbModel(id)?.edl ? id : undefined;
}

/**
 * A modem that shows as 05c6:9008 (or another EDL ID) has no firmware running: it only waits to
 * be flashed. Seen in kernel enumeration, pasted lsusb output, or flasher output: the modem
 * accepting the switch, a Sahara exchange ([F7] [F9] [S22] [X11]). The catalogue's `edl` marks say
 * what else counts: a flash that completed afterwards (`left`) ends it, and a memory dump in the
 * same file (`dump`) means its Sahara lines were the dump, not EDL.
 */
export function detectEdlMode(events: readonly LogEvent[]): Finding[] {
  const byFile = new Map<number, LogEvent[]>();
  for (const e of events) {
    const list = byFile.get(e.file);
    if (list) list.push(e);
    else byFile.set(e.file, [e]);
  }
  const findings: Finding[] = [];
  for (const list of byFile.values()) {
    // Each event's mark is looked up once (this runs on every append the language server reads).
    const marks = list.map((e) => catalogueEntry(e.id)?.edl);
    const dump = marks.includes('dump');
    let evidence: LogEvent[] = [];
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      // The flash completed: whatever showed EDL before is over.
      if (marks[i] === 'left') evidence = [];
      else if (edlId(e) || (findingOf(e) === 'modem-edl-mode' && !(dump && marks[i] === 'sahara'))) evidence.push(e);
    }
    if (!evidence.length) continue;
    const id = evidence.map(edlId).find(Boolean);
    if (id) {
      findings.push(toFinding('modem-edl-mode', 'error',
        `A USB device shows as ${id} (${usbModel(id)?.model}): the modem is in emergency download (EDL) mode. It runs no firmware, has no AT ports, and gsmd cannot reach it until it is flashed again.`, evidence));
      continue;
    }
    const first = evidence[0];
    findings.push(toFinding('modem-edl-mode', 'error',
      `${describeEvent(first.id, first.fields, first.text)}: the modem is in emergency download (EDL) mode, and the log shows no flash completing after it. ` +
      'It runs no firmware and has no AT ports, so no modem manager can reach it until an image is written.', evidence));
  }
  return findings;
}
