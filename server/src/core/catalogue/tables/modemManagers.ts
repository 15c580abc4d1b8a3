/**
 * Programs that manage a cellular modem: while one is down nothing dials, watches or restarts the
 * modem. A crash of one of these (catalogue/entries/programCrashes.ts) is a finding; a crash of
 * any other program is a line and no more. Names as the kernel and the service managers print
 * them (the kernel cuts a program's name to 15 characters).
 */
export interface ModemManagerProgram {
  name: string;
  what: string;
  sources: readonly string[];
}

export const MODEM_MANAGERS: readonly ModemManagerProgram[] = [
  { name: 'gsmd', what: 'Teltonika RutOS\'s modem daemon (it owns the modem\'s AT ports; procd starts it and respawns it)', sources: ['S16'] },
  { name: 'mobifd', what: 'Teltonika RutOS\'s mobile interface daemon (SIM, operator, APN, SIM switch, modem restarts)', sources: ['S20'] },
  { name: 'ModemManager', what: 'ModemManager, the modem manager of Linux distributions and of OpenWrt\'s modemmanager package', sources: ['X64'] },
  { name: 'quectel-CM', what: 'Quectel\'s connection manager for its modules (QConnectManager)', sources: ['X25'] },
];

const BY_NAME = new Map(MODEM_MANAGERS.map((p) => [p.name.toLowerCase(), p]));

/** The program of that name (any case), if it manages a modem. */
export function modemManager(name: string | undefined): ModemManagerProgram | undefined {
  return name === undefined ? undefined : BY_NAME.get(name.toLowerCase());
}

/** findingIf's pattern: the crashed program is one of these. */
export const MODEM_MANAGER_NAME = new RegExp(`^(?:${MODEM_MANAGERS.map((p) => p.name.replace(/[-.]/g, '\\$&')).join('|')})$`, 'i');
