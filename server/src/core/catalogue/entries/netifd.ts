import type { CatalogueEntry } from '../types';

// OpenWrt netifd: interface state lines (`Interface '%s' is now down`, interface.c) and
// protocol-handler output logged as `<iface> (<pid>): <line>` at daemon.notice (main.c) [O3].
// `Command failed: <text>` is the ubus CLI error print with libubus ubus_strerror() texts [O4].

export const netifdEntries: CatalogueEntry[] = [
  {
    id: 'netifd.interface-down',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: ['netifd'],
    literal: 'is now down',
    pattern: /^Interface '(?<iface>[^']+)' is now down/,
    summary: "Interface '{iface}' went down",
    explanation: 'netifd reports that the logical interface is down. For a mobile interface (`mob1s1a1` = modem 1, SIM 1, APN profile 1 on RutOS) this is the data connection going away.',
    finding: 'interface-down',
    sources: ['O3', 'S21'],
    samples: [
      'Mon Dec  2 19:54:57 2024 daemon.notice netifd: Interface \'mob1s1a1\' is now down',
      'Tue Mar 15 18:22:55 2022 daemon.notice netifd: Interface \'modem2\' is now down',
    ],
  },
  {
    id: 'netifd.interface-up',
    story: ['data-up'],
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: ['netifd'],
    literal: 'is now up',
    pattern: /^Interface '(?<iface>[^']+)' is now up/,
    summary: "Interface '{iface}' is up",
    explanation: 'netifd reports that the logical interface is up.',
    sources: ['O3'],
    samples: ["Sun Jan 19 22:50:03 2025 daemon.notice netifd: Interface 'wwan' is now up"],
  },
  {
    id: 'netifd.interface-setting-up',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: ['netifd'],
    literal: 'is setting up now',
    pattern: /^Interface '(?<iface>[^']+)' is setting up now/,
    summary: "Interface '{iface}' is setting up",
    explanation: 'netifd starts the protocol handler of the interface; an up or down line follows.',
    sources: ['O3'],
    samples: ["Sat May 10 10:16:45 2025 daemon.notice netifd: Interface 'lte' is setting up now"],
  },
  {
    id: 'netifd.command-failed',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: ['netifd'],
    literal: 'Command failed: ',
    envelope: 'iface',
    pattern: /^Command failed: (?<error>Invalid command|Invalid argument|Method not found|Not found|No response|Permission denied|Request timed out|Operation not supported|Unknown error|Connection failed|Out of memory|Parsing message data failed|System error)/,
    summary: '{iface}: a ubus call of the interface script failed: {error}',
    explanation:
      'netifd logs each output line of the protocol script of {iface} as `<interface> (<pid>): <line>`; `Command failed: <text>` is what the ubus command line tool prints when a call fails, with libubus\'s status text. ' +
      'The line does not name the object or method that was called. `Request timed out`: the called object did not answer in time. `Not found` / `Method not found`: the object or method does not exist at that moment. ' +
      '`Permission denied` (inference, unverified: libubus\'s permission-denied status) has two explanations that fit: a ubus access-control or user problem, ' +
      'or, on RutOS, gsmd refusing requests while the modem object is busy, locked or in its firmware-update (FOTA) state. In the RUT901 log it appears next to `Request timed out` right after a modem update started.',
    nextSteps: ['Read the other lines of the same interface and pid around it: the script\'s own output and the modem daemon\'s lines at the same time say what the call was waiting for.'],
    finding: 'data-session-failed',
    sources: ['O3', 'O4', 'S19', 'S3', 'F1', 'KB6'],
    samples: [
      'Mon Dec  2 19:54:58 2024 daemon.notice netifd: mob1s1a1 (8470): Command failed: Request timed out',
      'Mon Dec  2 19:54:58 2024 daemon.notice netifd: mob1s1a1 (8470): Command failed: Permission denied',
    ],
  },
  {
    id: 'netifd.proto-at-timeout',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: ['netifd'],
    literal: 'Timeout running AT-command',
    envelope: 'iface',
    pattern: /^Timeout running AT-command/,
    summary: '{iface}: the modem did not answer an AT command',
    explanation: 'The interface\'s protocol script sent an AT command and got no answer: the modem is unresponsive on that port, or the port is not its AT port.',
    finding: 'modem-unresponsive',
    sources: ['O3'],
    samples: ['Thu May 16 10:13:52 2019 daemon.notice netifd: LTE0001 (19143): Timeout running AT-command'],
  },
  {
    id: 'netifd.proto-unsupported-modem',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: ['netifd'],
    literal: 'Unsupported modem',
    envelope: 'iface',
    pattern: /^Unsupported modem/,
    summary: '{iface}: the protocol script could not identify the modem',
    explanation: 'The script could not read the modem\'s identity. Right after AT timeouts this is a consequence of a modem that does not answer, not a truly unsupported model.',
    finding: 'modem-unresponsive',
    sources: ['O3'],
    samples: ['Thu May 16 10:13:58 2019 daemon.notice netifd: LTE0001 (21010): Unsupported modem'],
  },
];

// Last in catalogue order: the stack-specific entries (uqmi, quectel-cm, ...) that also speak through
// netifd must win over this catch-all.
export const netifdFallbackEntries: CatalogueEntry[] = [
  {
    id: 'netifd.proto-error',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: ['netifd'],
    literal: ["can't create", 'ailed to', 'Error:', 'error:'],
    envelope: 'iface',
    pattern: /^(?<error>.*(?:can't create|[Ff]ailed to|[Ee]rror:).*)$/,
    summary: '{iface}: protocol script reported: {error}',
    explanation: 'A line of output from the interface\'s protocol script, as netifd logs it. It mentions a failure; what it means depends on the script.',
    sources: ['O3', 'G1'],
    samples: ["Mon Dec  2 19:54:58 2024 daemon.notice netifd: mob1s1a1 (10544): ./wwan.sh: eval: line 133: can't create /var/lock/qmimux.lock: nonexistent directory"],
    counterSamples: ['Mon Dec  2 19:54:58 2024 daemon.notice netifd: mob1s1a1 (8470): Command failed: Request timed out'],
  },
];
