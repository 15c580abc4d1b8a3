import { MOBILE_NETDEV } from '../tables/mobileInterfaces';
import type { CatalogueEntry } from '../types';
import { REGISTRATION_LITERALS, registrationPattern } from '../tables/registrationStatus';

/**
 * What the unregistered statuses (0 not searching, 2 searching) share: a modem registers within a
 * minute of starting its search when it can (the same window as ModemManager's `home ->
 * searching`), and a host asks for the status now and then (a blind probe's nRF9160 application
 * every two minutes for half an hour): one search, not sixteen.
 */
/** A modem's network device, by its driver's naming (tables/mobileInterfaces.ts), as a pattern's part. */
const MOBILE_DEVICE = MOBILE_NETDEV.source.slice(1, -1);
/** A ping through the modem's own device (`dev`), then what came of it (`outcome`, a pattern's alternatives). */
const pingThroughModem = (outcome: string): string => String.raw`\bping\b.{0,60}?(?<![\w-])"?(?<dev>${MOBILE_DEVICE})"?(?![\w-]).{0,80}?(?:${outcome})`;
/** A check's outcome, then the modem's device it went through (`check failed via wwp0s20f0u3i12`, `link via wwan0 recovered` reads the other way). */
const outcomeThroughModem = (lead: string, outcome: string): string => String.raw`\b(?:${lead})\b.{0,20}?(?:${outcome}).{0,20}?\b(?:via|on|through) "?(?<dev3>${MOBILE_DEVICE})(?![\w-])`;

export const UNREGISTERED = { passing: { answeredBy: 'registered', seconds: 60, note: 'registered' }, burstSeconds: 600 } as const satisfies Partial<CatalogueEntry>;

// What any program says of the modem in the words of the trade, whoever wrote it: a vendor's
// daemon GSM Log Lens has no entries for (a router's own connection manager, a gateway's firmware,
// a microcontroller's console) still says "SIM not inserted", "registration denied", "modem not
// responding". These are 3GPP's words for the SIM's and the registration's states (TS 27.007, the
// +CME ERROR texts and the registration status, sources X90, X91), which vendors print as they are.
// Tried after every program's own entries, so a line one of them explains is theirs; the finding
// rests on the words alone, and the explanation says so.

const WORDS = {
  severity: 'warning',
  group: 'a modem problem in words any program uses',
  sources: ['X90', 'X91'],
  wordsAlone: true,
} as const satisfies Partial<CatalogueEntry>;

const INFERRED = 'GSM Log Lens has no entry for this program\'s message; it reads the words alone, as 3GPP names the state (its +CME ERROR texts and registration status), which vendors print as they are.';

export const modemWordEntries: CatalogueEntry[] = [
  {
    ...WORDS,
    id: 'words.sim-missing',
    subsystem: 'modem',
    // Every program's lines are screened for these entries' literals (LiteralScreen): seven
    // characters or more, and as few as the words allow (each lowers the screen's skips). The
    // patterns ignore case, so the screen finds the literals in any case (`No Sim Card`).
    // `SIM missing` (OpenWrt's modemmanager protocol script), `sim-missing` (ModemManager's failed reason, X20),
    // `SIM is not present` (Cisco IOS's CELLWAN SIM_NOT_PRESENT).
    literal: ['SIM not ', 'SIM card not', 'SIM is not', 'SIM card is not', 'no SIM ', 'SIM missing', 'SIM card missing', 'SIM is missing', 'SIM card is missing', 'sim-missing'],
    pattern: /\bSIM(?: card)? (?:is )?not (?:inserted|detected|present)\b|\bno SIM (?:card(?: (?:inserted|detected|found|present))?|inserted|detected|found|present)\b|\bSIM(?: card)? (?:is )?missing\b|\bsim-missing\b/i,
    summary: 'The line says the SIM is missing: {message}',
    explanation: `The program says the modem sees no SIM (3GPP's "SIM not inserted"): no card in the slot, a card not seated, or a slot the modem does not use. ${INFERRED}`,
    finding: 'sim-error',
    advice: 'simMissing',
    samples: ['Dec  2 19:54:59 gw cellmgr[812]: SIM card not detected', 'Wed Mar  5 07:02:12 2025 daemon.notice netifd: wan (1655): SIM missing', 'Jun 06 13:45:46 jantar ModemManager[771]: <wrn> [device /sys/devices/pci0000:00/0000:00:14.0/usb2/2-3] error initializing: Modem in failed state: sim-missing', '2024-12-02 19:54:59 | WARN | WAN | mdm-1: No SIM card inserted', 'E (5123) modem: no SIM card', 'no SIM detected in slot 2', '%CELLWAN-2-SIM_NOT_PRESENT: [Cellular0/2/0]: SIM is not present in Slot 0'],
    counterSamples: ['no SIM PIN set, continuing', 'SIM inserted in slot 1', 'checking for SIM cards: 1 found'],
  },
  {
    ...WORDS,
    id: 'words.sim-locked',
    subsystem: 'modem',
    literal: [' required', ' needed', ' locked', 'wrong PIN', 'wrong SIM PIN', 'incorrect PIN', 'incorrect SIM PIN', 'invalid PIN', 'invalid SIM PIN', 'SIM failure', 'SIM card failure', 'SIM blocked', 'SIM card blocked'],
    pattern: /\b(?:SIM )?(?<lock>PUK)2? (?:is )?(?:required|needed|locked)\b|\bSIM PIN2? (?:is )?(?:required|needed)\b|\b(?:wrong|incorrect|invalid) (?:SIM )?PIN\b|\bSIM(?: card)? (?:failure|blocked|locked)\b/i,
    summary: 'The line says the SIM is locked or failing: {message}',
    explanation: `The program says the SIM waits for a PIN or PUK, refused one, is blocked, or failed (3GPP's "SIM PIN required", "SIM PUK required", "incorrect password", "SIM failure"): the modem registers in no network until the SIM is ready. ${INFERRED}`,
    finding: 'sim-error',
    samples: ['Dec  2 19:54:59 gw cellmgr[812]: SIM PIN required', 'modem: PUK required, SIM blocked', 'wrong PIN for SIM 1 (2 attempts left)', 'SIM failure'],
    counterSamples: ['SIM PIN accepted', 'PIN required: no', 'SIM unlocked'],
  },
  {
    ...WORDS,
    id: 'words.registration-denied',
    subsystem: 'network',
    literal: ['registration', 'attach reject'],
    advice: 'registrationDenied',
    pattern: /\b(?:network )?registration (?:was |is )?(?:denied|rejected|refused)\b|\b(?:attach|registration) reject(?:ed)?\b/i,
    summary: 'The line says the network refused the modem\'s registration: {message}',
    explanation: `The program says the network denied the modem's registration (3GPP's registration status 3, "registration denied"; LTE's attach reject): the network refused the modem or its SIM, and retrying does not change an operator's refusal. ${INFERRED}`,
    finding: 'registration-failed',
    samples: ['Dec  2 19:54:59 gw cellmgr[812]: network registration denied', 'LTE attach reject, cause 7', 'Registration rejected by network'],
    counterSamples: ['Permission denied', 'registration accepted', 'connection refused by 10.0.0.1'],
  },
  // A program that gave up waiting for the modem to register (smstools' `Error: Modem is not
  // registered to the network`, X171), or whose SMS the modem refused for want of a network
  // (27.005's `+CMS ERROR: 331`, no network service): the registration's trouble, not the modem's.
  {
    ...WORDS,
    id: 'words.not-registered',
    subsystem: 'network',
    literal: ['not registered to', 'not registered in', 'not registered on', 'not registered with', 'No network service', 'CMS ERROR: 331'],
    pattern: /\b(?:modem|device|module|UE) (?:is )?not registered (?:to|in|on|with) (?:the |a |any )?network\b(?! yet)|\+CMS ERROR: 331\b|\bNo network service\b/i,
    summary: 'The line says the modem is not registered in a network: {message}',
    explanation: `The program says the modem is not registered in any network (3GPP's registration status "not registered"), or the modem refused to send an SMS for want of one (27.005's +CMS ERROR 331, no network service): no coverage, an antenna or its cable, the operator, or a SIM the network does not accept. ${INFERRED}`,
    finding: 'registration-failed',
    sources: ['X91', 'X171'],
    samples: ['2024-10-08 02:12:58,3, GSM1: Error: Modem is not registered to the network', '2024-10-08 02:10:19,3, GSM1: The modem answer was not OK: +CMS ERROR: 331 (No network service)'],
    counterSamples: ['Checking if Modem is registered to the network', 'modem is not registered to the network yet, searching', 'Modem is registered to the network'],
  },
  {
    ...WORDS,
    id: 'words.modem-not-responding',
    subsystem: 'modem',
    // (The modem's name may stand between: `Modem 1-1 is not responsive`; smstools' `Modem is not ready to answer commands`, X171.)
    literal: ['not respon', 'not answering', 'not ready to answer', 'from modem', 'from the modem', 'modem did', 'modem does'],
    pattern: /\bmodem(?: [\w.:`'\[\]-]+)? (?:is )?not (?:responding|answering|responsive)\b|\bmodem (?:is )?not ready to answer\b|\bno (?:response|answer|reply) from (?:the )?modem\b|\bmodem (?:did not|does not|didn't|doesn't) (?:respond|answer)\b/i,
    summary: 'The line says the modem does not answer: {message}',
    explanation: 'The program says the modem did not answer it: a modem that stops answering can be busy, hung, or already gone from its bus; the lines around it tell which. GSM Log Lens has no entry for this program\'s message; it reads the words alone.',
    finding: 'modem-unresponsive',
    sources: ['KB6', 'X64'],
    samples: ['Dec  2 19:54:59 MikroTik lte,error lte1: modem not responding', 'cellmgr: no response from modem on /dev/ttyUSB2', 'The modem did not answer AT', '2024-06-18T03:41:07.018233+03:00 RUTX11 gsmd[1432]: Modem 1-1 is not responsive', '2024-03-11 08:12:40,2, GSM1: Modem is not ready to answer commands (Timeouts: 12)'],
    counterSamples: ['modem not registered yet', 'response from modem: OK'],
  },
  // An AT command the modem left unanswered, in any program's words: `timeout waiting for response
  // to AT+CSQ`, `AT+CSQ timed out`, `no response to AT` (a blind probe's application talking to a
  // SIMCom module over a UART, silent for two minutes, had been told three notes). The command is
  // what makes it the modem's: a timeout of anything else is not.
  {
    ...WORDS,
    id: 'words.at-timeout',
    subsystem: 'modem',
    aloneIsNote: true,
    // (`timeout` alone is every dialler's `timeout set to 30 seconds`: the words around it instead.)
    literal: ['response to', 'response for', 'reply to', 'reply for', 'answer to', 'answer for', 'timed out'],
    pattern: /\b(?:timeout|timed out|time out)\b(?:\s*\([^)]{0,20}\))?\s+(?:waiting\s+)?(?:for\s+)?(?:a\s+|the\s+)?(?:response|reply|answer) (?:to|for)\s+(?:command\s+)?["'`]?(?<command>AT(?:[+#$%^&*][A-Z][\w]*[?=]?[^\s"'`]*)?)(?![\w])|\b(?<command2>AT[+#$%^&*][A-Z][\w]*[?=]?[^\s"'`]*)["'`]?\s+(?:command\s+)?timed out\b|\bno (?:response|answer|reply) (?:to|for) (?:the )?(?:command )?["'`]?(?<command3>AT(?:[+#$%^&*][A-Z][\w]*[?=]?[^\s"'`]*)?)(?![\w])/i,
    summary: 'The line says the modem did not answer an AT command: {message}',
    explanation: 'The program sent the modem an AT command and no answer came before its timeout. One is nothing; several in a row mean the modem is not answering on that port: busy, hung, or gone from its bus. GSM Log Lens has no entry for this program\'s message; it reads the words alone.',
    finding: 'modem-unresponsive',
    sources: ['X68', 'X64'],
    samples: [
      '2025-03-12T08:14:35.200Z WARN  [at] timeout (5000 ms) waiting for response to AT+CSQ',
      'Mar 12 08:14:37 gw lte-mon[610]: AT+CREG? timed out',
      'no response to AT',
      'timeout waiting for reply to AT+COPS?',
    ],
    counterSamples: ['timeout waiting for response from server', 'ping timed out', 'AT+CSQ answered in 20 ms', 'read timeout, retrying', 'timeout waiting for response to ATTACH request'],
  },
  // A program that could not open the modem's port because it is not there: an SMS gateway, a  // A program that could not open the modem's port because it is not there: an SMS gateway, a
  // voice gateway or a script that opens the modem's tty itself (gammu's DEVICENOTEXIST,
  // smstools' `Cannot open serial port`, pyserial's `could not open port`, X165). A line that
  // names no device, port or modem (a configuration file missing) is none.
  {
    ...WORDS,
    id: 'words.port-missing',
    subsystem: 'modem',
    literal: ['No such file or directory', 'No such device', 'doesn\'t exist', 'does not exist', 'DEVICENOTEXIST', 'ENOENT'],
    pattern: /^(?=(?:.*?(?<path>\/dev\/[\w\/.:+-]*\w))?)(?=.*?(?:\/dev\/|\b(?:device|port|modem|serial)\b)).*?\b(?:open|opening)\b.*?(?:\bNo such (?:file or directory|device)\b|\b(?:doesn't|does not) exist\b|\bENOENT\b|\bDEVICENOTEXIST\b)/i,
    summary: 'The line says a program could not open the modem\'s port, which is not there: {message}',
    explanation: 'The program that talks to the modem over its serial port could not open it: the device file is not there. The modem left the bus, or it came back under other port names (a program that still held the old port when the modem left pushes the new ones to higher numbers) and the program still opens the old name. GSM Log Lens has no entry for this program\'s message; it reads the words alone.',
    finding: 'modem-port-missing',
    sources: ['X165', 'KB43'],
    samples: [
      'Dec 02 19:57:42 smsgw gammu-smsd[742]: Error at init connection: Error opening device, it doesn\'t exist. (DEVICENOTEXIST[4])',
      '2025-03-11 08:14:11,3, GSM1: Cannot open serial port /dev/ttyUSB2, error: No such file or directory',
      "Sep 05 22:10:24 smsrelay python3[1201]: 2024-09-05 22:10:24,893 ERROR relay: open failed: [Errno 2] could not open port /dev/ttyUSB2: [Errno 2] No such file or directory: '/dev/ttyUSB2'",
    ],
    counterSamples: ['cannot open /etc/smsd.conf: No such file or directory', 'opened /dev/ttyUSB2 at 115200 baud', 'device ttyUSB2 does not exist in the list of ports to scan'],
  },
  // A program that could not open the modem's port because another holds it (X169: the kernel's
  // EBUSY, errno 16, `Device or resource busy`; gammu's DEVICEBUSY and DEVICEOPENERROR, X165): on
  // a host with ModemManager, which opens every modem's ports (X170). Blind probe G's Kannel and
  // Home Assistant gateways, refused their port by ModemManager, had been "no problems found".
  {
    ...WORDS,
    id: 'words.port-busy',
    subsystem: 'modem',
    // (No literal under six characters: each is searched alone on every line of every program, `EBUSY` was a tenth of a log's time.)
    literal: ['resource busy', 'errno 16', 'errno=16', 'errno: 16', 'busy or no permissions', 'already opened by other'],
    pattern: /\b(?:open\w*|System error 16)\b.*?(?:\bDevice or resource busy\b|\berrno(?: |=|: )16\b|\bbusy or no permissions\b|\balready opened by other application\b)/i,
    summary: 'The line says a program could not open the modem\'s port, busy: {message}',
    explanation: 'The program that talks to the modem over its serial port could not open it: the kernel answered that the device is busy (EBUSY, errno 16), which a serial port answers when another program holds it open exclusively. On a host where ModemManager runs, it opens the ports of every modem it finds; another instance of the same program, or a second gateway, does the same. (gammu\'s `Unknown, busy or no permissions` also covers a port its user may not open.) GSM Log Lens has no entry for this program\'s message; it reads the words alone.',
    finding: 'modem-port-busy',
    advice: 'portHeldByAnother',
    sources: ['X169', 'X165', 'X170'],
    samples: ['2025-04-03 09:14:30 [1102] [6] ERROR: AT2[gsm0]: open failed! ERRNO=16', 'Jan 08 18:22:01 homepi hass[811]: ERROR (MainThread) [homeassistant.components.sms] Error opening device. Unknown, busy or no permissions.', 'GSM1: Cannot open serial port /dev/ttyUSB2, error: Device or resource busy'],
    counterSamples: ['ERROR: System error 16 while reading the config', 'the port is busy sending an SMS', 'opened /dev/ttyUSB2, errno 0'],
  },
  // The network's reason for refusing a data session, in 3GPP's words (TS 24.008's SM causes, TS
  // 24.301's ESM causes, X164), which a router's own connection manager prints as they are (a blind
  // probe's SCALANCE export: `PDP context activation rejected: missing or unknown APN (cause 27)`).
  // (`user authentication failed` is left out: a VPN or a login says the same words.)
  {
    ...WORDS,
    id: 'words.data-rejected',
    subsystem: 'network',
    literal: ['unknown APN', 'PDP type', 'PDN type', 'service option', 'determined barring', 'rejected by GGSN', 'rejected by Serving GW', 'activation rejected'],
    // (Not an SMS's refusal: 27.005's `+CMS ERROR: 8` is the same barring, of a message, not of data.)
    pattern: /^(?!.*\bCMS ERROR\b).*?\b(?<reason>missing or unknown APN|unknown PDP address or PDP type|unknown PDN type|requested service option not subscribed|service option not (?:subscribed|supported)|service option temporarily out of order|operator determined barring|activation rejected by (?:GGSN|Serving GW or PDN GW)|activation rejected, unspecified)\b/i,
    summary: 'The line says the network refused the data session: {reason}',
    explanation: `The program says the network refused to set up the data session (3GPP's session management cause: "missing or unknown APN", the APN set is not one the network knows; "unknown PDP address or PDP type", the IP type asked for is refused; "requested service option not subscribed", "operator determined barring", the SIM's subscription does not allow it; "activation rejected", the network's gateway refused it). The modem is registered; the settings or the subscription are at fault. GSM Log Lens has no entry for this program's message; it reads the words alone.`,
    finding: 'data-session-failed',
    sources: ['X164'],
    samples: ['"23";"0d 00:01:27";"2024-06-11 07:46:03";"Warning";"WAN: PDP context activation rejected: missing or unknown APN (cause 27)"', 'Dec  2 19:54:59 gw cellmgr[812]: PDN connect failed: requested service option not subscribed', 'ESM #8 Operator Determined Barring'],
    counterSamples: ['APN set to internet.example', 'PDP type IPV4V6 requested', 'service option 33 accepted', 'smsd: GSM1: The modem answer was not OK: +CMS ERROR: 8 (Operator determined barring)'],
  },
  // Quectel's DFOTA progress as the module reports it (an unsolicited result code): whatever
  // program logs its AT port's traffic (gsmd's debug, ModemManager's, a terminal's capture)
  // prints it as the module sent it (X95, X96).
  {
    id: 'quectel.fota-progress',
    subsystem: 'firmware-update',
    severity: 'info',
    literal: '"FOTA"',
    pattern: /\+QIND: ?"FOTA", ?"(?<state>HTTPSTART|FTPSTART|FILESTART|DOWNLOADING|START|UPDATING|RESTORE)"(?:, ?(?<percent>\d{1,3}))?/,
    summary: 'The Quectel module reports its firmware update: {state} {percent}',
    group: 'firmware update progress reports',
    explanation:
      'The module reports the progress of a delta firmware update (DFOTA) it was told to run (AT+QFOTADL): the download starts (HTTPSTART, FTPSTART), the upgrade starts (START), then UPDATING and, on some modules, RESTORE with a percentage. ' +
      'The module restarts after the update, so it leaves the USB bus and comes back.',
    finding: 'fw-update-started',
    sources: ['X95', 'X96'],
    samples: [
      'Tue Mar 12 09:14:02 2024 daemon.debug gsmd[1544]: URC: +QIND: "FOTA","UPDATING",50',
      '<dbg> [1710500112.4410] [ttyUSB2/at] <-- \'<CR><LF>+QIND: "FOTA","START"<CR><LF>\'',
      '+QIND: "FOTA","HTTPSTART"',
    ],
    counterSamples: ['AT+QFOTADL="http://example.com/update.zip"', '+QIND: "csq",20,99'],
  },
  {
    id: 'quectel.fota-done',
    subsystem: 'firmware-update',
    severity: 'info',
    story: ['update-finished'],
    literal: '"FOTA"',
    pattern: /\+QIND: ?"FOTA", ?"END", ?0\b/,
    summary: 'The Quectel module reports its firmware update done (END, error 0)',
    explanation: 'The module reports the delta firmware update (DFOTA) finished: `+QIND: "FOTA","END",0`, where 0 means the upgrade succeeded.',
    sources: ['X95', 'X96'],
    samples: ['Tue Mar 12 09:21:40 2024 daemon.debug gsmd[1544]: URC: +QIND: "FOTA","END",0'],
    counterSamples: ['+QIND: "FOTA","END",504', '+QIND: "FOTA","HTTPEND",0'],
  },
  // The modem's signal quality, 3GPP TS 27.007's +CSQ (X110), as any program prints its answer
  // (an AT trace, comgt's `Signal Quality: 15,99`, a user's cron job): a weak one (rssi 9 or less)
  // is a mark the problem stories read (a blind probe's flapping PPP link under CSQ 2 to 6 had
  // been told to check the APN).
  // The same answer with rssi 99, "not known or not detectable" (X110): a modem with no network to
  // measure, as one left with no service when the network it could use was switched off (a blind
  // probe's 3G-only dongle after its operator's 3G shutdown had been told to check its APN).
  // Before at.signal-quality: the first entry that matches a line takes it.
  {
    id: 'at.signal-not-detectable',
    subsystem: 'modem',
    severity: 'info',
    story: ['no-signal'],
    literal: ['+CSQ: ', 'Signal Quality:'],
    pattern: /(?:\+CSQ: |\bSignal Quality: ?)99, ?(?<ber>\d{1,2})\b/,
    summary: 'The modem measures no signal: rssi 99, not known or not detectable (+CSQ)',
    explanation:
      '3GPP\'s +CSQ rssi 99 is "not known or not detectable": the modem has no signal it can measure. Now and then while it starts or changes cells it means little; again and again it means the modem finds no network it can use where it is: no coverage for its bands or radio access technologies (a network switched off, a 3G-only modem where 3G was shut down), or its antenna.',
    sources: ['X110'],
    samples: ['Tue Feb 22 06:00:01 2022 user.notice sigmon: Signal Quality: 99,99', '+CSQ: 99,99'],
    counterSamples: ['+CSQ: 9,99', '+CSQ: (0-31,99),(0-7,99)'],
  },
  {
    id: 'at.signal-quality',
    subsystem: 'modem',
    severity: 'info',
    story: ['weak-signal'],
    storyIf: { field: 'rssi', values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
    // Six characters at least: every line is screened for any-program literals in a window as long as the shortest.
    literal: ['+CSQ: ', 'Signal Quality:'],
    pattern: /(?:\+CSQ: |\bSignal Quality: ?)(?<rssi>\d{1,2}), ?(?<ber>\d{1,2})\b/,
    summary: 'The modem reports its signal quality: rssi {rssi}, ber {ber} (+CSQ)',
    explanation:
      '3GPP\'s +CSQ signal quality: rssi 0 is -113 dBm or less, 1 is -111 dBm, 2 to 30 are -109 to -53 dBm in steps of 2, 31 is -51 dBm or more, 99 not known; ber is the bit error rate class (99 not known). ' +
      'An rssi of 9 or less (-95 dBm or worse) is a weak signal, at which connections drop and registrations are lost.',
    sources: ['X110'],
    samples: ['Mon Mar 18 10:40:01 2024 user.notice 3gsig: Signal Quality: 2,99', '+CSQ: 15,99', 'May 12 14:03:31 gw ModemManager[452]: <dbg> [ttyUSB2/at] <-- \'<CR><LF>+CSQ: 3,99<CR><LF><CR><LF>OK<CR><LF>\''],
    counterSamples: ['AT+CSQ', '+CSQ: (0-31,99),(0-7,99)'],
  },
  // libqmi's qmi-firmware-update, whose console a person pastes beside the log (X107): the command
  // that runs an update (it updates modems only, so it is the modem's), and its first step on the
  // modem, `rebooting in download mode...` (qfu-updater.c). A blind probe's Sierra update had been
  // told "the log does not show the update starting".
  {
    id: 'qfu.started',
    subsystem: 'firmware-update',
    severity: 'info',
    literal: ['qmi-firmware-update ', 'rebooting in download mode'],
    pattern: /\bqmi-firmware-update (?:[^'"`;|&\n]*? )?(?:--update(?:-download)?|-u)\b|^rebooting in download mode\.\.\.\s*$/,
    summary: 'qmi-firmware-update: a firmware update of the modem starts: {message}',
    explanation: 'libqmi\'s qmi-firmware-update is run to update the modem\'s firmware, or takes its first step: it reboots the modem into its download (boot-and-hold) mode, writes the images, and reboots it into normal mode with the new firmware.',
    finding: 'fw-update-started',
    sources: ['X107'],
    samples: ['root@fieldbox:~/swi_fw# qmi-firmware-update --update -d 1199:9071 SWI9X30C_02.33.03.00.cwe SWI9X30C_02.33.03.00_GENERIC_002.072_000.nvu', 'rebooting in download mode...'],
    counterSamples: ['qmi-firmware-update --help', 'rebooting in normal mode...'],
  },
  // libqmi's qmi-firmware-update, whose console a person pastes beside the log (X107): its last line.
  {
    id: 'qfu.finished',
    subsystem: 'firmware-update',
    severity: 'info',
    story: ['update-finished'],
    literal: 'firmware update operation finished',
    pattern: /^firmware update operation finished successfully/,
    summary: 'qmi-firmware-update: the firmware update finished successfully',
    explanation: 'libqmi\'s qmi-firmware-update wrote the images and the modem booted them: its last line on success.',
    sources: ['X107'],
    samples: ['firmware update operation finished successfully', 'Mar 12 10:20:31 ipc qmi-firmware-update[2210]: firmware update operation finished successfully'],
  },
  {
    id: 'qfu.failed',
    subsystem: 'firmware-update',
    severity: 'error',
    literal: 'firmware update operation finished',
    pattern: /^error: firmware update operation finished: (?<error>.+)/,
    summary: 'qmi-firmware-update: the firmware update failed: {error}',
    explanation: 'libqmi\'s qmi-firmware-update stopped with this error: the update did not complete. The modem may be left in its boot (download) mode, where it runs no firmware.',
    finding: 'fw-update-failed',
    sources: ['X107'],
    samples: ['error: firmware update operation finished: couldn\'t detect device: timed out'],
  },
  {
    id: 'quectel.fota-failed',
    subsystem: 'firmware-update',
    severity: 'error',
    literal: '"FOTA"',
    pattern: /\+QIND: ?"FOTA", ?"(?<state>END|HTTPEND|FTPEND|FILEEND)", ?(?<err>[1-9]\d{0,3})\b/,
    summary: 'The Quectel module reports its firmware update failed ({state}, error {err})',
    explanation:
      'The module reports the delta firmware update (DFOTA) ended with an error: after END, 502 is an unpredictable error, 504 and 505 a bad package, 510 a package that does not match the firmware the module runs, 511 no space, 520-530 and 540-546 a failed upgrade; ' +
      'after HTTPEND or FTPEND the download failed (its own error codes, 601 and 701 unknown errors), so nothing was flashed.',
    nextSteps: ['Check that the update package was made for the firmware the module runs now (AT+QGMR shows it), then run the update again; a download error points at the connection or the server.'],
    finding: 'fw-update-failed',
    sources: ['X95'],
    samples: ['Tue Mar 12 09:21:40 2024 daemon.debug gsmd[1544]: URC: +QIND: "FOTA","END",510', '+QIND: "FOTA","HTTPEND",702'],
    counterSamples: ['+QIND: "FOTA","END",0', '+QIND: "FOTA","UPDATING",51'],
  },
  // The AT command that sets the modem's functionality (3GPP TS 27.007 +CFUN [X98]), in any
  // program's AT trace: with <rst> 1 it resets the modem (it leaves the USB bus and comes back);
  // with <fun> 0 or 4 it turns the radio off, and the modem registers nowhere until it is turned on.
  {
    id: 'at.reset-command',
    subsystem: 'modem',
    severity: 'info',
    story: ['deliberate-restart'],
    literal: 'AT+CFUN=',
    pattern: /\bAT\+CFUN=(?<fun>\d{1,3}),1\b/,
    summary: 'The modem was told to reset (AT+CFUN={fun},1)',
    explanation: 'A program sent the modem AT+CFUN with <rst> 1: reset the modem, then set its functionality. The modem restarts: it leaves the USB bus and comes back, and its connection goes with it.',
    sources: ['X98'],
    samples: [
      'Mar 14 10:02:11 pi atcmd[812]: /dev/ttyUSB2 > AT+CFUN=1,1',
      "Mar 14 10:02:11 pi ModemManager[701]: <dbg> [ttyUSB2/at] --> 'AT+CFUN=1,1<CR>'",
    ],
    counterSamples: ['AT+CFUN=1', 'AT+CFUN?', '+CFUN: 1'],
  },
  // A program's announcement that it restarts the modem (a watchdog script's `resetting modem`, a
  // connection manager's `restarting the LTE module`, `power cycling modem`): whatever program
  // wrote it, a drop off the bus just after it is that restart (knowledge 4.3: a watchdog script
  // logs its own line just before). What marks it is the program saying what it does now or is
  // about to do; a report that the modem restarted, a counter, or a restart not done is none.
  {
    id: 'words.modem-restart-announced',
    story: ['deliberate-restart'],
    wordsAlone: true,
    subsystem: 'modem',
    severity: 'info',
    // Seven characters or more each (every program's lines are screened for them).
    literal: ['resetting ', 'restarting ', 'rebooting ', 'rebinding ', 'cycling ', ' reset ', ' restart ', ' reboot ', ' rebind ', 'cycle '],
    pattern: new RegExp(
      // Not after a word that says it is not done.
      '(?<!\\b(?:not|no|skip|skipping|without|avoid|avoiding|never|stop|stopped|cancel|cancelled) )' +
      // Doing it now (`resetting`), or about to (`will reset`).
      // (`rebinding`: its USB device unbound from its driver and bound again, a reset through sysfs.)
      '\\b(?:(?:resetting|restarting|rebooting|rebinding|power[- ]?cycling)|(?:will|going to|about to|trying to|attempting to|now) (?:reset|restart|reboot|rebind|power[- ]?cycle))' +
      // The modem, or a module named for the radio (`the LTE module`); not ModemManager, a
      // modem's service or script, nor its counters or settings. Perhaps the last of a list
      // (`restarting mobile WAN and modem`: a blind probe's connection check).
      '(?: (?:[\\w/-]+ ){1,3}(?:and|&))?' +
      '(?: the)? (?:(?:lte|4g|5g|3g|cellular|wwan|gsm|mobile|usb|internal) )?' +
      '(?:modem\\b(?![-_ ]?(?:manager|service|daemon|script|watchdog|monitor|counters?|stat|statistics|config|configuration|settings))|(?:lte|4g|5g|3g|cellular|wwan|gsm|mobile|radio) module\\b)',
      'i',
    ),
    summary: 'A program says it restarts the modem: {message}',
    explanation:
      'The program says it resets, restarts, reboots or power-cycles the modem (a watchdog or connection script, a connection manager): a restart asked for. ' +
      'A USB modem that restarts leaves the USB bus and comes back, and its data connection goes with it: a drop just after this line is that restart, not a fault of the modem; why the program restarted it is what to look at (the lines before it). ' +
      'GSM Log Lens has no entry for this program\'s message; it reads the words alone.',
    sources: ['KB43'],
    samples: [
      '2024-09-12T06:15:32+01:00 lte-gw lte-watchdog[2282]: resetting modem: echo 0 > /sys/bus/usb/devices/2-1/authorized; sleep 5; echo 1 > /sys/bus/usb/devices/2-1/authorized (reset #1 today)',
      'Mar 14 10:02:11 gw cellmgr[812]: restarting the LTE module after 3 failed pings',
      'power cycling modem via GPIO 17',
      'I (84211) app: no network for 600 s, will reset the modem',
      '2024-12-09 11:43:21 check[1933]: connection check failed, restarting mobile WAN and modem',
      'Thu Mar 27 03:15:32 2025 user.warn lte: no traffic for 90 s, rebinding modem USB device 1-1 (unbind/bind)',
    ],
    counterSamples: [
      'modem restarted',
      'reset counter',
      'no need to reset the modem',
      'restarting network and modem-manager',
      'not resetting modem: last reset 2 min ago',
      'Restarting ModemManager...',
      'restarting modem-manager service',
      'the modem is restarting',
      'resetting modem statistics',
      'Device not responding, restarting module',
    ],
  },
  // A USB device unbound from its driver through sysfs by a script's shell (`echo 1-1 >
  // /sys/bus/usb/drivers/usb/unbind`, X188): the device leaves as if unplugged, and its `bind`
  // brings it back. Done on purpose, to that device alone (`usbPath`): a drop of it just after is
  // that reset (a blind probe's watchdog had its rebind told as a drop of unknown cause).
  {
    id: 'words.usb-unbind',
    story: ['deliberate-restart'],
    subsystem: 'usb',
    severity: 'info',
    literal: '/sys/bus/usb/drivers/',
    pattern: /\becho\s+["']?(?<usbPath>\d+-[\d.]+)(?::\d+\.\d+)?["']?\s*>\s*\/sys\/bus\/usb\/drivers\/[\w.-]+\/unbind\b/,
    summary: 'A program unbinds USB device {usbPath} from its driver through sysfs',
    explanation:
      'Writing a USB device\'s name to a driver\'s `unbind` file in sysfs detaches the device from that driver (the `usb` driver: the whole device, as if unplugged); writing it to `bind` attaches it again. Scripts and watchdogs do this to reset a modem without cutting its power: a drop of that device just after this line is that reset, done on purpose.',
    sources: ['X188'],
    samples: ['Thu Mar 27 03:15:32 2025 user.notice lte: echo 1-1 > /sys/bus/usb/drivers/usb/unbind', "echo '2-1.4' > /sys/bus/usb/drivers/usb/unbind"],
    counterSamples: ['echo 1-1 > /sys/bus/usb/drivers/usb/bind', 'cat /sys/bus/usb/drivers/usb/unbind'],
  },
  // A connection check through the modem's own network device that got nothing back, in any
  // program's words (`ping -I wwan0 ...: 0/3 replies`, `ping 9.9.9.9 via wwan0 failed`, `wwan0 ...
  // no traffic passes`): the connection may be up, but it carries no traffic, a data stall. Blind
  // probes' watchdogs, resetting a modem whose link was up and carried nothing, had had only
  // their resets told. Through any other device (the LAN, a wired WAN) it says nothing of the modem.
  {
    ...WORDS,
    id: 'words.mobile-check-failed',
    subsystem: 'network',
    // (Six characters or more each: a shorter one would be searched alone on every program's lines.)
    // (Words a log does not say on most of its lines either: `received`, `success` would send
    // every mwan3track check and every pppd login to the full parser.)
    literal: ['failed', 'failure', 'replies', 'packet loss', 'unreachable', 'no reply', 'no answer', 'no response', 'timed out', 'no traffic'],
    pattern: new RegExp(
      pingThroughModem(String.raw`\bfail(?:ed|ure)\b|\b0 ?/ ?\d+ replies\b|\b0 received\b.{0,20}?\b100(?:\.0)?% packet loss\b|\bunreachable\b|\bno (?:reply|replies|answer|response)\b|\btimed out\b`) +
        String.raw`|(?<![\w-])(?<dev2>${MOBILE_DEVICE})(?![\w-]).{0,60}?\bno traffic (?:passes|flows|gets through)\b` +
        '|' + outcomeThroughModem('ping|check|probe', String.raw`\bfailed\b|\btimed out\b`),
      'i',
    ),
    summary: 'A connection check through the modem\'s device {dev}{dev2}{dev3} got no answer: {message}',
    explanation:
      'A program checked the connection through the modem\'s own network device (its pings, its traffic) and got nothing back: the mobile connection may be up, with an address, and still carry no traffic (a data stall). ' +
      'What the modem reported at that time (registration, signal, its data session) says where it stalled. GSM Log Lens has no entry for this program\'s message; it reads the words alone.',
    finding: 'mobile-data-down',
    // One line per check, a minute or so apart: one stall, one finding.
    burstSeconds: 300,
    advice: 'dataStall',
    sources: ['K6'],
    samples: [
      '2025-03-11T03:59:40+0100 kiosk-17 modem-watchdog: ping -I wwan0 -c 3 1.1.1.1: 0/3 replies, 8.8.8.8: 0/3 replies (fail 1/3)',
      'Thu Mar 27 03:14:30 2025 user.warn lte: ping 9.9.9.9 via wwan0 failed (1/3)',
      'Mar 11 03:59:40 gw netcheck[880]: ping -I wwan0 8.8.8.8: 3 packets transmitted, 0 received, 100% packet loss',
      'wwan-watchdog[14084]: check failed via wwp0s20f0u3i12 (1 consecutive)',
    ],
    counterSamples: ['ping 9.9.9.9 via wwan0 ok (rtt 61 ms)', 'ping -I eth0 -c 3 1.1.1.1: 0/3 replies', 'ping 8.8.8.8 via wwan0: 3/3 replies', 'ping -I wwan0 1.1.1.1: 3 packets transmitted, 3 received, 0% packet loss'],
  },
  // The same check answered: traffic passes through the modem's device again (a blind probe's
  // stall, over at the watchdog's `ping ... via wwan0 ok`, had been told not over).
  {
    id: 'words.mobile-check-ok',
    wordsAlone: true,
    story: ['data-up'],
    subsystem: 'network',
    severity: 'info',
    // (Six characters or more each, and rare, as above: a bare `ok` or `success` is not looked for.)
    literal: ['replies', 'packet loss', 'bytes from', 'recovered', 'restored', 'answered'],
    pattern: new RegExp(
      pingThroughModem(String.raw`\b(?:recovered|restored|answered)\b|\b[1-9]\d{0,2} ?/ ?\d{1,3} replies\b|\b[1-9]\d{0,2} received, 0(?:\.0)?% packet loss\b|\bbytes from\b`) +
        '|' + String.raw`\b(?:link|connection|connectivity|check)\b.{0,20}?\b(?:via|on|through) "?(?<dev3>${MOBILE_DEVICE})(?![\w-]).{0,40}?\b(?:recovered|restored|answered)\b`,
      'i',
    ),
    summary: 'A connection check through the modem\'s device {dev}{dev3} was answered: {message}',
    explanation: 'A program checked the connection through the modem\'s own network device and got answers: traffic passes through the mobile connection. GSM Log Lens has no entry for this program\'s message; it reads the words alone.',
    sources: ['K6'],
    samples: ['Thu Mar 27 03:15:48 2025 user.notice lte: ping 9.9.9.9 via wwan0 ok (rtt 74 ms) after rebind, link recovered', 'ping -I wwan0 1.1.1.1: 3 packets transmitted, 3 received, 0% packet loss', 'ping 8.8.8.8 via wwan0: 3/3 replies', 'wwan-watchdog[14133]: link via wwp0s20f0u3i12 recovered after 7 failed checks'],
    counterSamples: ['ping -I wwan0 -c 3 1.1.1.1: 0/3 replies', 'ping 9.9.9.9 via wwan0 failed (1/3)', 'ping -I eth0 1.1.1.1: 3/3 replies', 'ping -I wwan0 1.1.1.1: 3 packets transmitted, 0 received, 100% packet loss'],
  },
  // A Quectel or SIMCom module says `RDY` on its serial port when it has started (X190): after a
  // reset or a power cycle, the modem is back and answering.
  {
    id: 'at.module-ready',
    subsystem: 'modem',
    severity: 'info',
    story: ['modem-back'],
    // As a program shows what the module sent (`<< RDY`, `RX RDY`); a bare `RDY` would need a
    // literal short enough to be searched alone on every line of every log.
    literal: ['<< RDY', '<- RDY', 'RX RDY', 'RX: RDY', 'URC RDY', 'URC: RDY'],
    pattern: /(?:<< |<- |\bRX:? |\bURC:? )RDY\s*$/,
    summary: 'The modem says it has started (RDY)',
    explanation: 'Quectel and SIMCom modules send `RDY` on their serial port when they have started and can take AT commands: after a reset or a power cycle, the modem is back.',
    sources: ['X190'],
    samples: ['2025-03-12T08:16:26.600Z DEBUG [at] << RDY', 'modem: RX RDY'],
    counterSamples: ['state RDY', 'RDY to send', 'NOT RDY', 'RDY'],
  },
  {
    id: 'at.radio-on',
    subsystem: 'modem',
    severity: 'info',
    story: ['radio-on'],
    literal: ['AT+CFUN=', '+CFUN: '],
    pattern: /\bAT\+CFUN=1(?![,\d])|\+CFUN: 1\b/,
    summary: 'The modem\'s radio is on (CFUN 1)',
    explanation: 'The modem was set to, or answers that it is in, full functionality (CFUN 1): its radio is on and it registers where it can.',
    sources: ['X98'],
    samples: ['Mar 14 02:00:09 gw radio-sched[22105]: sending AT+CFUN=1 to modem 0', '+CFUN: 1'],
    counterSamples: ['AT+CFUN=1,1', 'AT+CFUN=4', '+CFUN: 4'],
  },
  {
    id: 'at.radio-off',
    subsystem: 'modem',
    severity: 'warning',
    literal: ['AT+CFUN=', '+CFUN: '],
    pattern: /\bAT\+CFUN=(?<fun>[04])(?![,\d])|\+CFUN: (?<state>[04])\b/,
    summary: 'The modem\'s radio is off (CFUN {fun}{state})',
    explanation: 'The modem was set to, or answers that it is in, minimum functionality (CFUN 0) or flight mode (CFUN 4, its radio off): it registers in no network until something sets it back to full functionality (AT+CFUN=1).',
    finding: 'radio-off',
    advice: 'radioSwitchedOff',
    // A host that resets the radio (CFUN 4, then 1 a second later: a blind probe's nRF9160
    // application, to search again) turned nothing off that stays off.
    passing: { answeredBy: 'radio-on', seconds: 60, note: 'the radio on again' },
    sources: ['X98'],
    samples: ['Mar 14 02:00:00 gw radio-sched[22105]: sending AT+CFUN=0 to modem 0', "Mar 14 02:00:05 gw mmcli[2211]: response: '+CFUN: 4'"],
    counterSamples: ['AT+CFUN=1', '+CFUN: 1', 'AT+CFUN=0,1', 'AT+CFUN=4,1'],
  },
  // The modem's own words in any program's AT trace (ModemManager's debug, chat -v, an
  // application's log, a terminal capture): the SIM's state (3GPP's +CPIN), the network taking the
  // data context down (+CGEV [X115], and each vendor's code [X116] [X117] [X118]), the registration
  // back (+CREG/+CGREG/+CEREG/+C5GREG status 1 or 5), and a module's own under-voltage alarm.
  {
    id: 'at.sim-state',
    subsystem: 'modem',
    severity: 'warning',
    // Seven characters: every line of every program is screened for an any-program entry's literals.
    literal: '+CPIN: ',
    pattern: /\+CPIN: (?<cpin>SIM PIN2?|SIM PUK2?|PH-SIM PIN|NOT INSERTED|NOT READY)(?![A-Z0-9])/,
    summary: 'The modem reports its SIM: {cpin} (+CPIN)',
    explanation:
      'The SIM\'s state as the modem answers AT+CPIN? or reports it by itself: SIM PIN or SIM PUK, the SIM waits for its PIN or, locked, its PUK; NOT INSERTED, no SIM is seen; NOT READY, the SIM is not readable yet (or was taken out). ' +
      'Until it is READY the modem registers in no network. At start-up a SIM that waits for its PIN and is READY once the host enters it lost nothing.',
    finding: 'sim-error',
    passing: { answeredBy: 'sim-ready', seconds: 60, note: 'the SIM ready' },
    // A state a program polls (AT+CPIN? each minute) is one finding while the polls go on, not
    // one a poll (a blind probe's PUK-locked SIM had 34 findings).
    burstSeconds: 600,
    sources: ['X115'],
    samples: [
      'Mar 12 10:15:04 raspberrypi chat[501]: +CPIN: SIM PIN^M',
      "Mar 12 10:15:04 pi ModemManager[812]: <dbg> [ttyUSB2/at] <-- '<CR><LF>+CPIN: NOT INSERTED<CR><LF>'",
      '2024-03-01 14:20:33,101 WARNING cellmgr: modem said: +CPIN: SIM PUK',
    ],
    counterSamples: ['+CPIN: READY', 'AT+CPIN?', 'AT+CPIN="1234"'],
  },
  {
    id: 'at.sim-ready',
    subsystem: 'modem',
    severity: 'info',
    story: ['sim-ready'],
    literal: '+CPIN: ',
    pattern: /\+CPIN: READY\b/,
    summary: 'The modem reports its SIM ready (+CPIN: READY)',
    explanation: 'The SIM is unlocked and readable: the modem can register with it.',
    sources: ['X115'],
    samples: ["ModemManager[812]: <dbg> [ttyUSB2/at] <-- '<CR><LF>+CPIN: READY<CR><LF>'", 'Mar 12 10:15:09 raspberrypi chat[501]: +CPIN: READY^M'],
  },
  {
    id: 'at.registered',
    subsystem: 'network',
    severity: 'info',
    story: ['registered'],
    literal: REGISTRATION_LITERALS,
    // Status 1 (home) or 5 (roaming).
    pattern: registrationPattern('[15]'),
    summary: 'The modem reports itself registered (+C{service}REG)',
    explanation: 'Registration status 1 is registered in the home network, 5 registered while roaming: the modem is on a network again.',
    sources: ['X91'],
    samples: ["Mar 12 10:15:20 pi ModemManager[812]: <dbg> [wwan0at1/at] <-- '<CR><LF>+CEREG: 2,1<CR><LF><CR><LF>OK<CR><LF>'", '+CREG: 0,5', '+CEREG: 1,"00C3","0A1B2C3",7'],
    counterSamples: ['+CEREG: 0,2', '+CEREG: 2', '+CEREG: 0,3', '+CEREG: 3,"00C3","0A1B2C3",7', '+CREG: 15'],
  },
  {
    id: 'at.registration-not-searching',
    subsystem: 'network',
    severity: 'warning',
    literal: REGISTRATION_LITERALS,
    // Status 0 (`+CEREG: 0,1` is n=0 and registered; `+CREG: 0,0` is n=0 and status 0).
    pattern: registrationPattern('0'),
    summary: 'The modem is not registered and not searching for a network (+C{service}REG status 0)',
    explanation:
      'Registration status 0 is "not registered, not currently searching an operator to register to": the modem is on no network and not looking for one. Its radio may be off (AT+CFUN=0, airplane mode), or it found no network it may use and stopped looking (no coverage for its bands or radio access technologies, a SIM no network accepts). There is no data connection until it registers.',
    finding: 'registration-failed',
    ...UNREGISTERED,
    sources: ['X91'],
    samples: ['Wed Feb 23 09:31:12 2022 user.notice sigmon: AT+CREG? -> +CREG: 0,0', '+CEREG: 0', '+CEREG: 2,0'],
    counterSamples: ['+CEREG: 0,1', '+CREG: 0,5', '+CEREG: 0,2', 'AT+CREG=0'],
  },
  {
    id: 'at.registration-searching',
    subsystem: 'network',
    severity: 'warning',
    literal: REGISTRATION_LITERALS,
    // Status 2 (`+CEREG: 2,1` is n=2 and registered).
    pattern: registrationPattern('2'),
    summary: 'The modem is not registered and searching for a network (+C{service}REG status 2)',
    explanation:
      'Registration status 2 is "not registered, searching": the modem has no network it may use and looks for one. A modem starting up, or moving out of coverage, searches for seconds; ' +
      'one that keeps searching has no coverage where it is (its antenna, the bands or the radio access technology it is set to, or no network here for its SIM) and no data connection until it registers.',
    finding: 'registration-failed',
    ...UNREGISTERED,
    sources: ['X91'],
    samples: ['[00:00:32.014,000] <dbg> app: AT< +CEREG: 5,2,"FFFE","FFFFFFFF",7', '+CREG: 0,2', '+CEREG: 2,"00C3","0A1B2C3",7'],
    counterSamples: ['+CEREG: 2,1', '+CEREG: 0,1', '+CEREG: 2,5,"00C3","0A1B2C3",7', 'AT+CEREG=2'],
  },
  {
    id: 'at.network-deactivated',
    subsystem: 'network',
    severity: 'warning',
    literal: '+CGEV: NW ',
    pattern: /\+CGEV: NW (?<cgev>DETACH|PDN DEACT|DEACT)\b/,
    summary: 'The network took the modem\'s data connection down (+CGEV: NW {cgev})',
    explanation: 'The modem reports a packet domain event of the network\'s: NW DETACH, the network detached the modem (every data context goes); NW DEACT and NW PDN DEACT, it deactivated a context. The host\'s own deactivation is reported as ME, not NW.',
    finding: 'mobile-data-down',
    sources: ['X115'],
    samples: ['+CGEV: NW DETACH', 'May 02 09:14:02 gw sara-mgr[610]: URC +CGEV: NW PDN DEACT 1'],
    counterSamples: ['+CGEV: ME PDN DEACT 1', '+CGEV: ME DETACH'],
  },
  {
    id: 'at.context-activated',
    subsystem: 'network',
    severity: 'info',
    story: ['data-up'],
    literal: ' PDN ACT ',
    pattern: /\+CGEV: (?:ME|NW) PDN ACT \d/,
    summary: 'The modem reports a data context activated (+CGEV)',
    explanation: 'A packet data context (a PDN connection) was activated: the modem has a data connection again.',
    sources: ['X115'],
    samples: ['+CGEV: ME PDN ACT 1'],
  },
  // The answers that say a context is active, whatever program asked: 3GPP's +CGACT read answer
  // (X115) and Telit's #SGACT (X189), the IP address it got or the context's state (a blind
  // probe's Telit module, its data back 50 s after the network took it down, had been told "not
  // over" with the APN's advice).
  {
    id: 'at.context-active',
    subsystem: 'network',
    severity: 'info',
    story: ['data-up'],
    literal: ['+CGACT:', '#SGACT:'],
    pattern: /(?:\+CGACT|#SGACT): ?(?:\d{1,2}, ?1(?![\d,])|(?<ip>\d{1,3}(?:\.\d{1,3}){3})\b)/,
    summary: 'The modem reports a data context active ({ip})',
    explanation: 'The modem answers that a packet data context is active (3GPP\'s `+CGACT: <cid>,1`; Telit\'s `#SGACT: <cid>,1`, or the IP address its `AT#SGACT=<cid>,1` got): it has a data connection.',
    sources: ['X115', 'X189'],
    samples: ['+CGACT: 1,1', '2025-03-14 11:07:06,900 DEBUG   telit.uart: RX #SGACT: 100.86.44.201', '#SGACT: 1,1'],
    counterSamples: ['+CGACT: 1,0', '#SGACT: 1,0', 'AT#SGACT=1,1', '+CGACT: (0,1)', 'AT+CGACT=1,1'],
  },
  {
    id: 'quectel.pdp-deactivated',
    subsystem: 'network',
    severity: 'warning',
    literal: '"pdpdeact"',
    pattern: /\+QIURC: ?"pdpdeact", ?(?<context>\d{1,2})/,
    summary: 'The Quectel module reports its data context {context} deactivated',
    explanation: 'The module\'s TCP/IP stack reports that the PDP context it used was deactivated (by the network, or for another reason): its sockets are closed and the data connection is gone until the context is activated again.',
    finding: 'mobile-data-down',
    sources: ['X116'],
    samples: ['+QIURC: "pdpdeact",1', '[2024-05-02 09:14:02] telemetry: URC +QIURC: "pdpdeact",1'],
  },
  {
    id: 'quectel.context-active',
    subsystem: 'network',
    severity: 'info',
    story: ['data-up'],
    literal: '+QIACT:',
    pattern: /\+QIACT: ?\d{1,2}, ?1, ?\d/,
    summary: 'The Quectel module reports its data context active',
    explanation: 'The module answers AT+QIACT? with a context whose state is 1, activated (its IP address after it): it has a data connection.',
    sources: ['X116'],
    samples: ['+QIACT: 1,1,1,"10.204.88.12"', '2024-05-02 09:42:39,020 DEBUG modem: << +QIACT: 1,1,1,"10.204.88.12"'],
    counterSamples: ['+QIACT: 1,0,1', 'AT+QIACT?', 'AT+QIACT=1', '+QIACT: (1-16)'],
  },
  {
    id: 'ublox.psd-deactivated',
    subsystem: 'network',
    severity: 'warning',
    literal: '+UUPSDD:',
    pattern: /\+UUPSDD: ?(?<profile>\d{1,2})\b/,
    summary: 'The u-blox module reports its data profile {profile} deactivated',
    explanation: 'The module reports that its packet switched data profile was deactivated (by the network or a fault; not after the host\'s own deactivation): the data connection is gone.',
    finding: 'mobile-data-down',
    sources: ['X118'],
    samples: ['+UUPSDD: 0'],
  },
  {
    id: 'simcom.pdp-deactivated',
    subsystem: 'network',
    severity: 'warning',
    literal: '+PDP: DEACT',
    pattern: /\+PDP: DEACT\b/,
    summary: 'The SIMCom module reports its data context deactivated',
    explanation: 'The module reports that its GPRS context was deactivated (by the network or a fault): its connections are closed and the data connection is gone.',
    finding: 'mobile-data-down',
    sources: ['X117'],
    samples: ['+PDP: DEACT', 'I (84211) modem: << +PDP: DEACT'],
  },
  {
    id: 'modem.under-voltage',
    subsystem: 'modem',
    severity: 'warning',
    story: ['brown-out'],
    literal: ['UNDER-VOLTAGE', 'UNDER_VOLTAGE'],
    pattern: /\bUNDER[-_]VOLTAGE (?<uv>WARNN?ING|POWER DOWN)\b/,
    summary: 'The modem reports its supply under-voltage ({uv})',
    explanation: 'The module measured its supply voltage below its threshold: WARNING, close to it; POWER DOWN, it powered itself down. A supply (or its wiring) too weak for the module\'s current peaks: a modem that keeps losing its network or restarting under load browns out.',
    finding: 'undervoltage',
    sources: ['X116', 'X117'],
    samples: ['UNDER-VOLTAGE WARNNING', 'E (30135) gsm: << UNDER-VOLTAGE POWER DOWN', 'UNDER_VOLTAGE WARNING'],
  },
];
