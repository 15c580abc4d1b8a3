import type { CatalogueEntry } from '../types';

// The catch-all for errors of the programs that drive the modem: a line one of them logged at
// error level that no other entry explains (another firmware version's wording, a message not
// seen before). It is told as what the line says, quoted, and nothing more: the catalogue's other
// entries are where meaning lives. The programs are those the catalogue's modem, firmware-update
// and mobifd entries are written for; not netifd, pppd, chat, mwan3 or the kernel, whose errors are
// mostly about other interfaces and devices, nor lines without a program.

/**
 * Programs whose every line is about the cellular modem (as the catalogue's entries name them), and
 * Cisco's cellular WAN facility (`%CELLWAN-6-CELLULAR_BACKOFF_START: Cellular0/2/0: ...`, source X85),
 * which the cisco-message envelope reads as the program.
 */
export const MODEM_PROGRAMS = [
  'gsmd', 'mobifd', 'ModemManager', 'qmicli', 'qmi-proxy', 'quectel-cm', 'mobiled', 'comgt', 'gcom', 'gammu-smsd', 'gammu', 'dbus-modem', '4g_main', 'iot_modem',
  'dfota', 'modem_updater', 'quectel_flash', 'fwdwl-lite', 'CELLWAN',
] as const;

/**
 * A program named for the modem on a stack the catalogue has no entries for (GL.iNet's `gl_modem`,
 * MikroTik RouterOS's `lte` topic, Zephyr's `lte_lc`, a vendor's `cellulard`, `wwan-monitor`): the
 * word modem, wwan or cellular at the start of a part of its name, or lte, gsm, qmi, mbim, 4g, 5g as
 * a part of it (not `filter`, not `gsmtap`-like words run together).
 */
export const MODEM_PROGRAM_NAME = /(?:^|[_.-])(?:(?:modem|wwan|cellular)[a-z]*|lte|gsm|qmi|mbim|[2345]g)(?:$|[_.\d-])/;

const SAID = {
  subsystem: 'modem',
  severity: 'info',
  fallbackLevel: 'err',
  // What the program said, as it said it (the field is cut at 300 characters).
  pattern: /^(?<said>[\s\S]{1,300})/,
  group: 'errors of a modem program',
  explanation:
    'The program logged this line at error level (gsmd writes its level in the message, `[function:line] error:`; ModemManager as `<err>`; Cisco as the severity digit of `%CELLWAN-2-...`; others through the syslog priority), ' +
    'and is one of the modem\'s (a program GSM Log Lens knows, or, an inference from its name alone, one named for the modem: `gl_modem`, `lte`, `wwan-monitor`), ' +
    'and GSM Log Lens has no entry for its message (another firmware version may word it so, or it is rare): it can say what the line says and when, not what it means or what caused it.',
  nextSteps: ['Look the message up in the documentation or the forum of the program that logged it, with its firmware version; if it repeats around a drop, read the lines before its first time.'],
  finding: 'unexplained-modem-error',
  sources: ['S8', 'X20', 'X83', 'X85'],
} as const satisfies Partial<CatalogueEntry>;

export const modemProgramErrorEntries: CatalogueEntry[] = [
  {
    ...SAID,
    id: 'modem-program.error',
    tags: MODEM_PROGRAMS,
    tagPattern: MODEM_PROGRAM_NAME,
    // The level words a program writes in its message (gsmd's `[function:line] error: `): the
    // screen of these programs' lines looks for them, so the fast lane leaves such a line to the
    // parser without reading it twice (fastReaders.ts mayBeErrorLevel reads the rest of the levels).
    literal: [' error:', ' critical:', ' fatal:'],
    summary: '{program} logged an error: {said}',
    samples: [
      'Mon Dec  2 19:55:10 2024 daemon.info gsmd[3553]: [sim_slot_set:412] error: Failed to set SIM slot 2',
      'Mon Dec  2 19:55:10 2024 daemon.err mobifd[3612]: [gsm.modem0] Something went wrong while doing a thing',
      'Jun 06 13:45:46 jantar ModemManager[771]: <err> [modem0] some step failed in a way not seen before',
      '000102: *Dec  2 19:54:49.870: %CELLWAN-3-SOME_ERROR: Cellular0/2/0: some step failed in a way not seen before',
      'Mon Dec  2 19:55:10 2024 daemon.err gl_modem[2210]: AT port /dev/ttyUSB3 not ready',
      'Dec  2 19:54:59 MikroTik lte,error lte1: failed to apply band setting',
    ],
  },
  {
    // OpenWrt's ModemManager logs without a program (`daemon.err [2656]: <err> [modem0] ...`):
    // its own level and object, peeled as an envelope, tell its lines.
    ...SAID,
    id: 'modem-program.mm-error',
    tags: ['-'],
    envelope: 'mmLevel',
    literal: [],
    summary: 'ModemManager logged an error: {said}',
    samples: ['Sun Feb  9 12:31:48 2025 daemon.err [2656]: <err> [modem0] could not load the carrier configuration'],
  },
];
