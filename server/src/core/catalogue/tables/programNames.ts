import { CATALOGUE } from '../index';
import { UNRELATED_PROGRAMS } from './unrelatedPrograms';

/**
 * Names known to be programs', lowercase: every program a catalogue entry names (gsmd, netifd,
 * pppd, ModemManager...) and the unrelated daemons of a router (dnsmasq, dropbear...). A format
 * whose lines may start their message with a kernel device's name (`2024-12-02 19:54:59 wwan0:
 * carrier lost`, `dmesg --time-format iso`) reads a `name: ` without a pid as the program only
 * for these (lineParser's body `program`): a name alone does not tell a program from a device.
 */
export const PROGRAM_NAMES: ReadonlySet<string> = new Set(
  [...catalogueTags(), ...UNRELATED_PROGRAMS].filter((t) => /^[a-z][a-z0-9_.\/@-]{0,63}$/.test(t) && t !== 'kernel'),
);

/** Whether a name, in any case, is a program's PROGRAM_NAMES knows (the kernel is not among them). */
export function isProgramName(name: string): boolean {
  return PROGRAM_NAMES.has(name.toLowerCase());
}

/** The programs the catalogue's entries name, lowercase, each once (`-`, a line without one, among them). */
export function catalogueTags(): Set<string> {
  return new Set(CATALOGUE.flatMap((e) => e.tags ?? []).map((t) => t.toLowerCase()));
}
