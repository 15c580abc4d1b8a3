import { catalogueEntry } from '../catalogue/index';
import { RUTOS_MOBILE_INTERFACE } from '../catalogue/tables/mobileInterfaces';
import type { FileSummary, LogEvent } from '../model';
import type { HostId } from './marks';

export interface HostProfile {
  id: HostId;
  /** How reports name the stack: "Teltonika RutOS". */
  label: string;
}

/** The stacks, in the order they win when a log shows several (a RutOS router also runs netifd). */
export const HOSTS: readonly HostProfile[] = [
  { id: 'rutos', label: 'Teltonika RutOS' },
  { id: 'modemmanager', label: 'Linux with ModemManager' },
  { id: 'gammu', label: 'Linux with gammu' },
  { id: 'freebsd', label: 'FreeBSD' },
  { id: 'embedded', label: 'an embedded device console' },
  { id: 'openwrt', label: 'OpenWrt' },
  { id: 'cisco', label: 'Cisco IOS' },
  { id: 'routeros', label: 'MikroTik RouterOS' },
  { id: 'android', label: 'Android' },
  { id: 'linux', label: 'Linux' },
];

/** What a file's format alone says, when no line names its stack (weaker than any event). */
const FORMAT_HINTS: Partial<Record<string, HostId>> = {
  logread: 'openwrt',
  luci: 'openwrt',
  'esp-idf': 'embedded',
  // A Cisco console's log (`show logging`) is the router's own; relayed by a syslog server, its
  // lines are that server's format and say nothing of the stack.
  cisco: 'cisco',
  // Android's logcat (its radio buffer): the device's own telephony, not a Linux box's tools.
  logcat: 'android',
  'logcat-time': 'android',
};

/**
 * What a file's format says of its stack: logread's lines are OpenWrt's when most carry its ctime
 * stamp; a syslog server's export with a `facility.level` column (Kiwi Syslog's numeric dates) is
 * read as logread too and says nothing of it (a blind probe's Debian Pi had been told OpenWrt).
 */
function formatHint(f: FileSummary): HostId | undefined {
  if (f.format === 'logread' && (f.foreignLogreadStamps ?? 0) * 2 > (f.formats.logread ?? 0)) return undefined;
  return FORMAT_HINTS[f.format];
}

/** Teltonika's modem daemons (knowledge 2: gsmd [S16], mobifd [S20]), and where a file's lines of them say RutOS. */
const RUTOS_DAEMONS: Readonly<Record<string, 'any' | 'openwrt'>> = { mobifd: 'any', gsmd: 'openwrt' };

const SNAP_LABEL = 'Linux with the ModemManager snap (Ubuntu Core)';
/**
 * The modem-manager snap's commands (X179: `modem-manager.mmcli`, `.qmicli`, `.mbimcli`; its service
 * is started and restarted with `snap`): the advice's ModemManager commands, written so (a blind
 * probe's Ubuntu Core box had been told `mmcli`, where its own log ran `modem-manager.mmcli`).
 */
const SNAP_COMMANDS = {
  rewrite: [
    [/(?<![\w.-])(mmcli|qmicli|mbimcli)\b/g, 'modem-manager.$1'],
    [/\bsystemctl (start|restart) ModemManager\b/g, 'snap $1 modem-manager'],
    [/\bsystemctl status ModemManager\b/g, 'snap services modem-manager'],
  ] as const,
  source: 'X179',
};

export interface HostGuess {
  host: HostId;
  label: string;
  /** How the host's commands are written where they differ from its stack's (the modem-manager snap's `modem-manager.mmcli`), and the source that says so: applied to the advice. */
  commands?: { rewrite: readonly (readonly [RegExp, string])[]; source: string };
  /** First line of the evidence per stack seen, for the report's "why". */
  evidence?: { file: number; line: number; id: string };
}

/**
 * The software stack a log comes from, read from the catalogue's `stack` marks on its events, then
 * from the file formats. Without either, a plain Linux host: its advice names only generic tools.
 */
export function detectHost(events: readonly LogEvent[], files: readonly FileSummary[]): HostGuess {
  const firstOf = new Map<HostId, LogEvent>();
  for (const e of events) {
    const stack = catalogueEntry(e.id)?.stack;
    if (stack && !firstOf.has(stack)) firstOf.set(stack, e);
    // RutOS names its mobile interfaces for modem, SIM and APN (mob1s1a1, mobile.sh [S21]): a
    // TRB140 whose mobifd lines no entry read is RutOS by its interface alone (a blind probe's had
    // been told OpenWrt).
    if (!firstOf.has('rutos') && e.fields.iface !== undefined && RUTOS_MOBILE_INTERFACE.test(e.fields.iface)) firstOf.set('rutos', e);
  }
  // Teltonika's own modem daemons, whatever their lines say (a blind probe's RutOS 6 router, whose
  // gsmd wrote only debug lines no entry reads, had been told OpenWrt). An unrelated, older gsmd
  // (Openmoko's) never wrote OpenWrt's logread, so gsmd counts only in an OpenWrt-format file.
  const rutosDaemon = files.some((f) => f.modemDaemons?.some((d) => RUTOS_DAEMONS[d] === 'any' || (RUTOS_DAEMONS[d] === 'openwrt' && formatHint(f) === 'openwrt')));
  for (const h of HOSTS) {
    const e = firstOf.get(h.id);
    if (!e && !(h.id === 'rutos' && rutosDaemon)) continue;
    // ModemManager on an OpenWrt router (its package, logging into logread): its advice is
    // ModemManager's, and the report names the router's system too.
    const openwrt = h.id === 'modemmanager' && (firstOf.has('openwrt') || files.some((f) => formatHint(f) === 'openwrt'));
    // ModemManager from the modem-manager snap (Ubuntu Core): its commands are the snap's.
    const snap = h.id === 'modemmanager' && !openwrt && files.some((f) => f.snapModemManager);
    return { host: h.id, label: openwrt ? 'OpenWrt with ModemManager' : snap ? SNAP_LABEL : h.label, ...(e ? { evidence: { file: e.file, line: e.line, id: e.id } } : {}), ...(snap ? { commands: SNAP_COMMANDS } : {}) };
  }
  for (const f of files) {
    const hint = formatHint(f);
    if (hint) return { host: hint, label: HOSTS.find((h) => h.id === hint)!.label };
  }
  return { host: 'linux', label: 'Linux' };
}
