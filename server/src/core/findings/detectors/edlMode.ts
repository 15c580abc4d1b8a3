import { usbModel } from '../../catalogue/tables/usbIds';
import type { Finding, LogEvent } from '../../model';
import { findingOf } from '../eventTime';
import { toFinding } from './findingBuilder';

function edlId(e: LogEvent): string | undefined {
  const id = e.fields.vidpid ?? (e.fields.vid && e.fields.pid ? `${e.fields.vid}:${e.fields.pid}` : undefined);
  return usbModel(id)?.edl ? id : undefined;
}

/**
 * A modem that shows as 05c6:9008 (or another EDL ID) has no firmware running: it only waits to
 * be flashed. Seen in kernel enumeration, pasted lsusb output, or flasher messages ([F7] [F9] [S22]).
 */
export function detectEdlMode(events: readonly LogEvent[]): Finding[] {
  const byFile = new Map<number, LogEvent[]>();
  for (const e of events) {
    if (edlId(e) || findingOf(e) === 'modem-edl-mode') {
      const list = byFile.get(e.file) ?? [];
      list.push(e);
      byFile.set(e.file, list);
    }
  }
  return [...byFile.values()].map((list) => {
    const id = list.map(edlId).find(Boolean);
    const what = id ? `A USB device shows as ${id} (${usbModel(id)?.model})` : 'A flasher found a device in emergency download mode';
    return toFinding('modem-edl-mode', 'error',
      `${what}: the modem is in emergency download (EDL) mode. It runs no firmware, has no AT ports, and gsmd cannot reach it until it is flashed again.`, list);
  });
}
