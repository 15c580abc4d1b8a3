import { catalogueEntry } from '../../catalogue/index';
import { modemInstallMode } from '../../catalogue/tables/installModes';
import type { Finding, LogEvent } from '../../model';
import { atTime, formatDuration } from '../../records/timeWords';
import { secondsBetween } from '../eventTime';
import type { DetectOptions } from '../options';
import { showsModemFunction, type UsbDevice } from '../usbHistory';
import { toFinding } from './findingBuilder';

/**
 * A USB modem left in its install mode: its last enumeration shows an ID that usb_modeswitch's
 * data lists as an install mode (a storage device with a virtual CD-ROM) [X130], no later one on
 * its port shows it switched, and the log goes on past the gap threshold. usb_modeswitch switches
 * such a dongle within seconds of its plugging in [X131]; left so, it has no modem ports and no
 * data connection. A blind probe's Huawei stick that stayed 12d1:1f01 (a Raspberry Pi without
 * usb-modeswitch) and a ZTE stick whose switching was disabled had been told nothing.
 * `end`: the last line of each file (what the usb-gap finding measures against).
 */
export function detectInstallMode(devices: readonly UsbDevice[], events: readonly LogEvent[], end: (file: number) => LogEvent | undefined, options: DetectOptions): Finding[] {
  const out: Finding[] = [];
  for (const d of devices) {
    const last = d.enumerations[d.enumerations.length - 1];
    const mode = modemInstallMode(last?.vidpid);
    // Some IDs are one device's install mode and another's modem mode (12d1:1001): one that shows a
    // modem's functions is the latter.
    if (!last || !mode || showsModemFunction(last)) continue;
    // Gone again since (a replug, a switch whose return the log does not show): not left so.
    if (d.absences.some((a) => a.gone.line > last.start.line)) continue;
    const lastLine = end(d.file);
    const after = lastLine ? secondsBetween(last.start, lastLine) : undefined;
    if (after === undefined || after <= options.usbGapSeconds) continue;
    // usb_modeswitch's own word that it would not switch this ID (its dispatcher, X132).
    const disabled = events.find((e) => e.file === d.file && catalogueEntry(e.id)?.installMode === 'switching-disabled' && e.fields.vidpid?.toLowerCase() === last.vidpid);
    // Or its word that it sent the switch, after the device came up, that the device did not follow
    // (a blind probe's stick that ignored it had been told "no line shows usb_modeswitch switching it").
    // (After its first coming up in that mode: a stick that ignored the switch may come back in it again.)
    const firstInMode = d.enumerations.find((en) => en.vidpid === last.vidpid) ?? last;
    const sent = disabled ? undefined : events.find((e) => e.file === d.file && e.line > firstInMode.start.line && catalogueEntry(e.id)?.installMode === 'switch-sent' && e.fields.vidpid?.toLowerCase() === last.vidpid);
    const targets = mode.targets?.length ? ` (to ${mode.targets.slice(0, 3).join(', ')}${mode.targets.length > 3 ? ' or another' : ''})` : '';
    const why = disabled
      ? ` usb_modeswitch says switching is disabled${atTime(disabled)}: "${disabled.text}".`
      : sent
        ? ` usb_modeswitch sent it the switch${atTime(sent)} ("${sent.text}"), and the device did not come back in its modem mode: the switch did not take, and why the log does not say.`
        : ' No line shows usb_modeswitch switching it.';
    const told = disabled ?? sent;
    out.push(toFinding('modem-install-mode', 'error',
      `USB device ${d.path} came up${atTime(last.start)} as ${last.vidpid}, the install mode of a USB modem (${mode.names}): a storage device with a virtual CD-ROM, no modem ports, no data connection. It was not switched to its modem mode${targets}, and the log goes on for ${formatDuration(after)}.${why}`,
      told ? [...last.events, told] : last.events));
  }
  return out;
}
