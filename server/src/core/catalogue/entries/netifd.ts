import type { CatalogueEntry } from '../types';

// OpenWrt netifd: interface state lines (`Interface '%s' is now down`, interface.c) and
// protocol-handler output logged as `<iface> (<pid>): <line>` at daemon.notice (main.c) [O3].
// `Command failed: <text>` is the ubus CLI error print with libubus ubus_strerror() texts [O4].

/** umbim's names of the network's errors that refuse a registration (3GPP mobility causes, X183, X184). */
const MBIM_REGISTRATION_ERRORS = [
  'imsi-unknown-in-hlr', 'illegal-ms', 'imsi-unknown-in-vlr', 'imei-not-accepted', 'illegal-me', 'gprs-not-allowed', 'gprs-and-non-gprs-not-allowed',
  'ms-identity-not-derived-by-network', 'implicitly-detached', 'plmn-not-allowed', 'location-area-not-allowed', 'roaming-not-allowed-in-location-area',
  'gprs-not-allowed-in-plmn', 'no-cells-in-location-area', 'msc-temporarily-not-reachable', 'network-failure', 'mac-failure', 'synch-failure', 'congestion',
  'gsm-authentication-unacceptable', 'not-authorized-for-csg',
];
/** umbim's names of the network's errors that refuse a data session (3GPP session causes, X183, X164). */
const MBIM_SESSION_ERRORS = ['missing-or-unknown-apn', 'service-option-not-supported', 'requested-service-option-not-subscribed', 'service-option-temporarily-out-of-order', 'no-pdp-context-activated'];

/** What umbim's answers share (X183): through netifd (mbim.sh logs them) or pasted from a shell. */
const UMBIM_ANSWER = { modemInterface: true, stack: 'openwrt', subsystem: 'network', severity: 'warning', tags: ['netifd', 'umbim', '-'] } as const satisfies Partial<CatalogueEntry>;
/** umbim's `  nwerror: <hex> - <name>` line, for the names given. */
const nwerror = (names: readonly string[]): RegExp => new RegExp(String.raw`^\s*nwerror: (?<code>[0-9A-Fa-f]{4}) - (?<error>${names.join('|')})\s*$`);

/** What every line of OpenWrt's mbim protocol script shares: netifd's envelope, `mbim[<pid>] ` before its step [X109]. */
const MBIM_SCRIPT = { stack: 'openwrt', subsystem: 'network', tags: ['netifd'], literal: 'mbim[', envelope: 'iface', sources: ['O3', 'X109'] } satisfies Partial<CatalogueEntry>;
const mbim = (step: string): RegExp => new RegExp(String.raw`^mbim\[\d+\] ` + step);

/**
 * OpenWrt's qmi and mbim scripts checking the device before they send the modem anything (X162),
 * through netifd or under their own tag: the interface fails with the APN and the SIM not yet tried.
 */
const NO_DEVICE = {
  modemInterface: true,
  stack: 'openwrt',
  subsystem: 'network',
  severity: 'warning',
  literal: ['control device', 'interface could not be found', 'find matching interface'],
  pattern: /^(?:mbim\[\d+\] )?(?<what>No control device specified|The specified control device does not exist|The interface could not be found|Failed to find matching interface)/,
  explanation:
    'OpenWrt\'s qmi and mbim protocol scripts check the device the interface is set to before they send the modem anything: no `device` option, a control device (`/dev/cdc-wdm0`) that does not exist, or one with no network interface under it. ' +
    'The interface is marked unavailable and does not come up; the APN and the SIM were not tried. A missing control device means the modem is not on the USB bus, is in a USB mode without a QMI or MBIM interface, or its driver (qmi_wwan, cdc_mbim) did not take it; a `device` option naming another device gives the same line.',
  finding: 'data-session-failed',
  advice: 'modemDeviceMissing',
  sources: ['O3', 'X162'],
} as const satisfies Partial<CatalogueEntry>;

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
    explanation: 'netifd reports that the logical interface is down. For a mobile interface (`mob1s1a1` = modem 1, SIM 1, APN profile 1 on RutOS) this is the data connection going away; the same modem\'s interface on its other SIM (`mob1s2a1`) coming up just after is the router switching SIMs (a schedule or a failover).',
    finding: 'interface-down',
    passing: { answeredBy: 'data-up', seconds: 120, note: 'the same modem connected on its other SIM', otherSim: true },
    sources: ['O3', 'S21'],
    samples: [
      'Mon Dec  2 19:54:57 2024 daemon.notice netifd: Interface \'mob1s1a1\' is now down',
      'Tue Mar 15 18:22:55 2022 daemon.notice netifd: Interface \'modem2\' is now down',
    ],
  },
  {
    id: 'netifd.interface-lost-connection',
    stack: 'openwrt',
    subsystem: 'network',
    // A warning on a modem's interface (findings/detectors/bursts.ts): never taken down on purpose.
    severity: 'warning',
    tags: ['netifd'],
    literal: 'has lost the connection',
    pattern: /^Interface '(?<iface>[^']+)' has lost the connection/,
    summary: "Interface '{iface}' lost its connection",
    explanation:
      'netifd reports that the protocol handler of the interface (the qmi, mbim, ncm, 3g or ppp script, or DHCP) said its link was lost while the interface was up: the interface went down and is set up again at once. ' +
      'For a mobile interface this is the data connection dropping, not taken down on purpose; the lines around it (the modem\'s registration, its signal, the modem itself) tell why. Losses again and again within minutes point at the radio side (coverage, signal) or at the modem.',
    finding: 'interface-down',
    sources: ['X181', 'S21'],
    samples: [
      "Tue Mar 10 14:03:11 2026 daemon.notice netifd: Interface 'wwan' has lost the connection",
      "Tue Mar 10 14:09:45 2026 daemon.notice netifd: Interface 'mob1s1a1_4' has lost the connection",
    ],
  },
  // netifd's device.c device_set_link() (X186): a device's carrier, whatever the interface. It is
  // no trouble of its own (the interface's line says what the loss did), but a `3g-<interface>`
  // device is OpenWrt's 3g protocol's PPP link over a modem's serial port, so the line says which
  // interface is the modem's when pppd's own `Connect:` line is not in the paste (a blind probe's
  // `lte`, lost beside `Network device '3g-lte' link is down`, had been a note).
  {
    id: 'netifd.device-link',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: ['netifd'],
    literal: "' link is ",
    pattern: /^Network device '(?<device>[^']+)' link is (?<state>up|down)\b/,
    summary: "Network device '{device}' link is {state}",
    explanation:
      'netifd reports that a network device\'s link (its carrier) came or went. A device named `3g-<interface>` is the PPP link OpenWrt\'s 3g protocol runs over the modem\'s serial port for that interface; ' +
      'its link going down is the modem\'s data connection ending, and the interface\'s own lines (`has lost the connection`, `is now down`) follow.',
    sources: ['X186'],
    samples: ["Mon Mar 10 09:14:22 2025 daemon.notice netifd: Network device '3g-lte' link is down", "Mon Mar 10 09:14:31 2025 daemon.notice netifd: Network device 'eth0.2' link is up"],
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
  // An OpenWrt protocol script's teardown (qmi.sh, ncm.sh, quectel.sh... `proto_*_teardown`: `echo
  // "Stopping network $interface"`, then a ubus call for the interface's status, X161).
  {
    id: 'netifd.proto-teardown',
    story: ['teardown'],
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: ['netifd'],
    literal: 'Stopping network ',
    envelope: 'iface',
    pattern: /^Stopping network (?<network>\S+)/,
    summary: '{iface}: the protocol script tears the connection down',
    explanation: 'netifd runs the interface\'s protocol script to take it down (an `ifdown`, a restart of the network, or after the connection failed): the script stops the data session. A `Command failed` of the same interface just after it is the teardown\'s own call, failing as the interface goes.',
    sources: ['X161', 'O3'],
    samples: ['Tue Dec  3 15:05:03 2024 daemon.notice netifd: wwan (2311): Stopping network wwan'],
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
    summary: '{iface}: the protocol script does not know this modem\'s maker',
    explanation:
      'OpenWrt\'s ncm protocol script looks up the maker the modem reported (AT+CGMI) in its list of modems it can drive (ncm.json), and this one is not there: the interface cannot start. ' +
      'Right after AT timeouts the maker\'s answer is missing or garbled, and the modem not answering is the trouble.',
    finding: 'data-session-failed',
    sources: ['O3', 'X108'],
    samples: ['Thu May 16 10:13:58 2019 daemon.notice netifd: LTE0001 (21010): Unsupported modem'],
  },
  // OpenWrt's ncm protocol script (comgt's ncm.sh [X108]): each step's failure, on netifd's envelope.
  {
    id: 'ncm.no-modem-information',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: ['netifd'],
    literal: 'Failed to get modem information',
    envelope: 'iface',
    pattern: /^Failed to get modem information/,
    summary: '{iface}: the modem did not say who made it (no answer to AT+CGMI)',
    explanation: 'OpenWrt\'s ncm protocol script asks the modem for its maker first (AT+CGMI through gcom); it got no answer in time, so the interface cannot start: the modem does not answer on that port, or the port is not its AT port.',
    finding: 'modem-unresponsive',
    sources: ['O3', 'X108'],
    samples: ['Mon Mar 18 10:42:01 2024 daemon.notice netifd: wwan (2301): Failed to get modem information'],
  },
  {
    id: 'ncm.step-failed',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: ['netifd'],
    literal: ['Failed to connect', 'Failed to initialize modem', 'Failed to configure modem', 'Failed to set operating mode'],
    envelope: 'iface',
    pattern: /^Failed to (?<step>connect|initialize modem|configure modem|set operating mode)$/,
    summary: '{iface}: the protocol script\'s command to {step} failed (the modem answered ERROR or nothing)',
    explanation:
      'OpenWrt\'s ncm protocol script runs the AT commands ncm.json gives for this maker to initialise, configure, set the mode and connect; the modem answered one with ERROR or not at all (`Error running AT-command`, `Timeout running AT-command` before it), so the interface does not come up. ' +
      'A refused connect is the data session (the APN, the SIM\'s plan, the registration); refused setup commands can also be a firmware that does not know them.',
    finding: 'data-session-failed',
    sources: ['O3', 'X108'],
    samples: ['Mon Mar 18 10:42:01 2024 daemon.notice netifd: wwan (2301): Failed to connect', 'Mon Mar 18 10:42:01 2024 daemon.notice netifd: wwan (2301): Failed to configure modem'],
  },
  // OpenWrt's mbim protocol script (umbim's mbim.sh [X109]): `mbim[<pid>] <step>` on netifd's envelope (MBIM_SCRIPT).
  {
    id: 'mbim.sim-failed',
    modemInterface: true,
    ...MBIM_SCRIPT,
    severity: 'error',
    pattern: mbim(String.raw`(?<what>PIN required|Unable to verify PIN|Subscriber init failed)`),
    summary: '{iface}: MBIM: {what}',
    explanation:
      'OpenWrt\'s mbim protocol script checks the SIM before it registers: `PIN required` (the SIM waits for its PIN and none is configured), `Unable to verify PIN` (the configured PIN was refused; restarts are blocked, since each wrong PIN uses an attempt), ' +
      '`Subscriber init failed` (the modem could not report the SIM ready: missing, not initialised or locked). The interface does not come up.',
    finding: 'sim-error',
    samples: ['Sun Jul 21 09:03:21 2024 daemon.notice netifd: wwan (2488): mbim[2488] PIN required', 'Sun Jul 21 09:03:21 2024 daemon.notice netifd: wwan (2488): mbim[2488] Subscriber init failed'],
  },
  {
    id: 'mbim.registration-failed',
    modemInterface: true,
    ...MBIM_SCRIPT,
    severity: 'warning',
    pattern: mbim(String.raw`(?<what>Subscriber registration failed|Failed to attach to network)`),
    summary: '{iface}: MBIM: {what}',
    explanation: 'OpenWrt\'s mbim protocol script asked the modem to register (or to attach for packet data) and it failed: no coverage, or the network denied the SIM (umbim\'s `registerstate` and `nwerror` lines before it give the state and the network\'s reason). The script retries after 15 s.',
    finding: 'registration-failed',
    samples: ['Sun Jul 21 09:03:26 2024 daemon.notice netifd: wwan (2488): mbim[2488] Subscriber registration failed'],
  },
  // umbim's own answers (X183), logged through netifd by mbim.sh or pasted from a shell: the
  // network's reason and the denied state, which mbim.sh's `Subscriber registration failed` does
  // not say (a blind probe's PLMN-not-allowed SIM was told only that). umbim prints `nwerror` in
  // its registration, attach and connect answers alike: the cause's own kind says which failed,
  // a mobility cause the registration, a session cause the data connection (a blind probe's
  // unknown APN, its registration `home`, had been told as the network refusing to register it).
  {
    id: 'umbim.network-error',
    ...UMBIM_ANSWER,
    literal: 'nwerror: ',
    pattern: nwerror(MBIM_REGISTRATION_ERRORS),
    summary: 'MBIM: the network refused the registration: {error} (cause {code} hex)',
    explanation:
      'umbim prints the modem\'s registration state; `nwerror` is the network\'s error in it, the 3GPP reject cause by its name (cause 000B hex = 11, plmn-not-allowed: this SIM may not use this network). It is the network\'s answer, not the settings\': ' +
      'plmn-not-allowed and roaming-not-allowed-in-location-area (the SIM\'s operator does not let it use this network here), imsi-unknown-in-hlr (the network does not know the SIM: not provisioned or not active), illegal-ms, illegal-me (the SIM or the device refused), gprs-not-allowed (no data service on the subscription), no-cells-in-location-area (no suitable cell), network-failure and congestion (the network\'s own trouble).',
    finding: 'registration-failed',
    advice: 'registrationDenied',
    sources: ['X183', 'X184'],
    samples: ['Sat Jun  1 14:20:07 2024 daemon.notice netifd: wwan (3021):   nwerror: 000B - plmn-not-allowed', '  nwerror: 000B - plmn-not-allowed'],
    counterSamples: ['  nwerror: 0000 - unknown', '  nwerror: 001B - missing-or-unknown-apn'],
  },
  {
    id: 'umbim.session-error',
    ...UMBIM_ANSWER,
    literal: 'nwerror: ',
    pattern: nwerror(MBIM_SESSION_ERRORS),
    summary: 'MBIM: the network refused the data connection: {error} (cause {code} hex)',
    explanation:
      'umbim prints the modem\'s answer to the connect request; `nwerror` is the network\'s reason for refusing the data session (PDP context), a 3GPP session cause by its name: missing-or-unknown-apn (27: the APN is not one this SIM may use), requested-service-option-not-subscribed (33: no data on the subscription), service-option-not-supported, service-option-temporarily-out-of-order (the network\'s own trouble). The modem is registered: the settings or the subscription are what to look at.',
    finding: 'data-session-failed',
    sources: ['X183', 'X164'],
    samples: ['Wed Mar 19 17:02:14 2025 daemon.notice netifd: wwan (3120):   nwerror: 001B - missing-or-unknown-apn'],
    counterSamples: ['  nwerror: 000B - plmn-not-allowed'],
  },
  {
    id: 'umbim.registration-denied',
    ...UMBIM_ANSWER,
    literal: 'registerstate: ',
    pattern: /^\s*registerstate: (?<code>[0-9A-Fa-f]{4}) - denied\s*$/,
    summary: 'MBIM: the modem\'s registration is denied (registerstate {code})',
    advice: 'registrationDenied',
    explanation: 'umbim prints the modem\'s registration state: `denied` is the network refusing to register the SIM; the `nwerror` line beside it names the network\'s reason.',
    finding: 'registration-failed',
    sources: ['X183'],
    samples: ['Sat Jun  1 14:20:07 2024 daemon.notice netifd: wwan (3021):   registerstate: 0006 - denied'],
    counterSamples: ['  registerstate: 0003 - home', '  registerstate: 0002 - searching'],
  },
  {
    id: 'mbim.modem-failed',
    modemInterface: true,
    ...MBIM_SCRIPT,
    severity: 'warning',
    pattern: mbim(String.raw`Failed to read modem caps`),
    summary: '{iface}: MBIM: the modem did not answer (its capabilities could not be read)',
    explanation: 'OpenWrt\'s mbim protocol script starts by reading the modem\'s capabilities over its MBIM control device; that failed: the modem does not answer on it.',
    finding: 'modem-unresponsive',
    samples: ['Sun Jul 21 09:03:21 2024 daemon.notice netifd: wwan (2488): mbim[2488] Failed to read modem caps'],
  },
  {
    id: 'mbim.data-failed',
    modemInterface: true,
    ...MBIM_SCRIPT,
    severity: 'warning',
    pattern: mbim(String.raw`(?<what>Failed to obtain IP address(?:es)?|No APN specified)`),
    summary: '{iface}: MBIM: {what}',
    explanation: 'OpenWrt\'s mbim protocol script connected but got no IP configuration from the modem, or has no APN configured: the data connection does not come up.',
    finding: 'data-session-failed',
    samples: ['Sun Jul 21 09:03:21 2024 daemon.notice netifd: wwan (2488): mbim[2488] Failed to obtain IP address', 'Sun Jul 21 09:03:21 2024 daemon.notice netifd: wwan (2488): mbim[2488] No APN specified'],
  },
  // The device checks OpenWrt's qmi.sh and mbim.sh make before they send the modem anything (X162):
  // the interface fails with the APN and the SIM not yet tried (a blind probe's missing QMI driver
  // had been told "check the APN").
  {
    id: 'netifd.proto-no-device',
    ...NO_DEVICE,
    tags: ['netifd'],
    envelope: 'iface',
    summary: '{iface}: the protocol script found no modem device to use ({what})',
    samples: [
      'Mon Mar 11 09:14:20 2024 daemon.notice netifd: wwan (2411): The specified control device does not exist',
      'Mon Mar 11 09:14:20 2024 daemon.notice netifd: wwan (2411): The interface could not be found.',
      'Sun Jul 21 09:03:21 2024 daemon.notice netifd: wwan (2488): mbim[2488] Failed to find matching interface',
    ],
  },
  {
    id: 'qmi-script.no-device',
    ...NO_DEVICE,
    // Older scripts logged with `logger -t "qmi[$$]"` (ncm's too), no netifd around it: the tag is the script's.
    tags: ['qmi', 'mbim', 'ncm'],
    summary: 'The protocol script found no modem device to use ({what})',
    samples: ['Mon Mar 11 09:14:20 2024 daemon.err qmi[2411]: The specified control device does not exist', 'Mon Mar 11 09:14:20 2024 daemon.err ncm[2411]: No control device specified'],
  },
  {
    id: 'ncm.at-error',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: ['netifd'],
    literal: 'Error running AT-command',
    envelope: 'iface',
    pattern: /^Error running AT-command/,
    summary: '{iface}: the modem answered ERROR to the protocol script\'s AT command',
    explanation: 'gcom\'s runcommand script sent the protocol script\'s AT command and the modem answered ERROR: the step that sent it fails, and its line after this one says which.',
    sources: ['O3', 'X108'],
    samples: ['Mon Mar 18 10:42:01 2024 daemon.notice netifd: wwan (2301): Error running AT-command'],
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
