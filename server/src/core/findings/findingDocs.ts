import type { FindingCode } from '../model';
import { FINDING_TITLES } from './findingText';

// What every finding code means, as data: the source of `docs/findings.md`, the page the code of
// every problem links to (the packaged extension ships it; `test/findingDocs.test.ts` proves the
// page is this text and names every code). A new code does not compile until it is explained here.

export interface FindingDoc {
  /** The severities it is reported with. */
  severity: string;
  /** What it means, in Markdown. */
  meaning: string;
  /**
   * What an orderly shutdown, or the modem disabled on request, takes down (the mobile interface,
   * the data session, the modem's port): found between a shutdown's first line and the next boot,
   * or in the minute after the modem's disabling, it is that stop's doing and a note
   * (findings/shutdowns.ts).
   */
  goesWithShutdown?: true;
}

export const FINDING_DOCS: Record<FindingCode, FindingDoc> = {
  'modem-write-failure': { goesWithShutdown: true, severity: 'warning', meaning: 'The modem daemon could not write to the modem\'s AT port (gsmd `errno 5` = EIO: the USB device behind the port went away). A burst is one finding with a count.' },
  'modem-read-failure': { goesWithShutdown: true, severity: 'error', meaning: 'Reads from the modem port failed.' },
  'modem-unresponsive': { goesWithShutdown: true, severity: 'error or warning', meaning: 'The modem stopped answering AT commands (gsmd hang detection, request timeouts, AT timeouts in proto scripts).' },
  'modem-duplicate-registration': { severity: 'error', meaning: 'gsmd refused a newly announced modem because its old instance of the same USB id is still registered (`already exists and is registered!`, `Unable to initialize`). Only a gsmd restart or a reboot recovers.' },
  'modem-port-busy': { severity: 'warning', meaning: 'A program that opens the modem\'s serial port itself (an SMS or voice gateway, a script) could not open it because another program holds it (`Device or resource busy`, errno 16, gammu\'s `already opened by other application`): on a host where ModemManager runs, it opens the ports of every modem it finds.' },
  'modem-port-missing': { severity: 'error', meaning: 'gsmd found no AT/data port where it expects one (`Failed to get cmd serial port name`, `Failed to open modem at`), typically after a different USB composition; or a program that opens the modem\'s serial port itself (gammu, smstools, a script) could not open it because it is not there (`Error opening device, it doesn\'t exist`, `Cannot open serial port /dev/ttyUSB2, error: No such file or directory`): the modem left the bus, or came back under other port names.' },
  'modem-silent': { goesWithShutdown: true, severity: 'error', meaning: 'gsmd stopped logging after losing the modem while the log went on (default: 120 s, setting `gsmlens.thresholds.silenceSeconds`).' },
  'modem-crash': { severity: 'error', meaning: 'A PCIe modem reported a firmware crash, stopped answering on the PCIe bus, or could not be started or recovered: the Linux kernel\'s MHI driver (`firmware crashed`, `Device died`, `Recovery failed`, `failed to power up MHI controller`) or MediaTek\'s t7xx (`Exception event`, `MD handshake timeout`, `invalid device status`). The MHI driver recovers the modem by itself unless recovery failed. Or the modem inside a Qualcomm chip crashed: its q6v5 driver\'s `fatal error received` (with the firmware\'s reason), the IPA driver\'s `received modem crashed event`, a vendor kernel\'s subsystem restart of the `modem`; the kernel restarts it by itself.' },
  'manager-crash': { severity: 'error', meaning: 'A program that manages the modem (RutOS\'s gsmd or mobifd, ModemManager, quectel-CM) crashed: the kernel reports the fault that killed it (`segfault at`, `do_page_fault(): sending SIGSEGV to`, `unhandled page fault`, arm64\'s `unhandled exception`), systemd says it was killed by a signal (`code=dumped, status=11/SEGV`) or gave up starting it (`Start request repeated too quickly`), or procd gave up respawning it (`in a crash loop`). The same lines about any other program are events, not findings.' },
  'usb-disconnect': { goesWithShutdown: true, severity: 'info', meaning: 'A catalogued disconnect line on its own; a drop off the bus with its return is a `usb-gap`.' },
  'usb-gap': { goesWithShutdown: true, severity: 'warning or error', meaning: 'A USB device (the modem, or a hub, a phone, another device: the message names it, with its model when the log gives a known ID) left the bus, however briefly, and came back (warning, with how long), or never came back (error once the log goes on longer than the threshold, default 60 s, setting `gsmlens.thresholds.usbGapSeconds`, without it). A departure is also inferred from its interfaces or ttys being torn down.' },
  'usb-reconnect-loop': { severity: 'error', meaning: 'Disconnect/reconnect cycles faster than the window allows (default 3 within 15 min, setting `gsmlens.thresholds.reconnectLoopCount`), or a device number that shows many.' },
  'usb-composition-change': { severity: 'warning', meaning: 'The device re-enumerated with other drivers on its interfaces, another data driver or another VID:PID, or in a data mode RutOS does not drive it in (EC200A as ECM instead of RNDIS).' },
  'usb-ports-renumbered': { severity: 'info', meaning: 'The device came back in the same composition (the same drivers on the same interfaces), its serial ports under other tty numbers. gsmd finds the AT port by its interface, not by its number; numbers that moved up mean a program still held the old ports when the device came back (an inference).' },
  'usb-enumeration-error': { severity: 'warning or error', meaning: 'The kernel could not enumerate a device (`error -71`, `-110`, `Cannot enable`, URB error storms).' },
  'modem-edl-mode': { severity: 'error', meaning: 'The modem shows as an emergency download device (`05c6:9008` and friends): no firmware runs.' },
  'modem-install-mode': { severity: 'error', meaning: 'A USB modem (a dongle) stayed in its install mode: it shows as a storage device with a virtual CD-ROM, under a USB ID usb_modeswitch\'s data lists as an install mode (`12d1:1f01` and about 490 others), and the log goes on without it being switched to its modem mode (default 60 s, setting `gsmlens.thresholds.usbGapSeconds`). usb_modeswitch switches such a device on Linux, unless it is missing, has no data for the ID, or switching is disabled.' },
  'fw-update-started': { severity: 'info', meaning: 'A modem firmware update started (dfota, modem_updater, a flashing tool). It is told as part of the update\'s story, with its outcome.' },
  'fw-update-failed': { severity: 'error', meaning: 'A modem firmware update failed (dfota `ErrorCode: 166-178`, modem_updater `[ERROR]`, flasher failures, EDL after an update).' },
  'fw-update-stuck': { severity: 'error', meaning: 'A modem firmware update lost the modem and never got it back; waiting will not help. Run "GSM Log Lens: Diagnose Modem Update" for the story and what to do.' },
  'sim-error': { severity: 'warning or error', meaning: 'SIM not inserted, not ready, PUK, SIM failure, busy or power-cycle loops.' },
  'registration-failed': { goesWithShutdown: true, severity: 'warning or error', meaning: 'Network registration denied, lost or failed.' },
  'radio-off': { severity: 'warning', meaning: 'The modem\'s radio is off, so it registers in no network: set off by a program (`AT+CFUN=0` or `4`), or refused on by the modem, which ModemManager reports (`Cannot power-up: sotware radio switch is OFF`, its own spelling, or the hardware switch; `couldn\'t enable interface: \'Invalid transition\'`): a laptop module\'s FCC lock, rfkill or airplane mode. A radio set off and on again within a minute is a note.' },
  'mobile-data-down': { goesWithShutdown: true, severity: 'warning', meaning: 'The mobile data connection went down: a RutOS event, ModemManager\'s bearer dropping, or a PPP link over a modem\'s serial port ending (not PPPoE\'s).' },
  'interface-down': { goesWithShutdown: true, severity: 'info or warning', meaning: 'A netifd interface went down (warning for RutOS mobile interfaces `mobXsYaZ`).' },
  'data-session-failed': { goesWithShutdown: true, severity: 'warning', meaning: 'The data connection could not be set up (ubus `Command failed`, PDP/APN errors, bearer failures).' },
  reboot: { severity: 'info', meaning: 'The system (router, PC or board) rebooted (reason when logged, or a kernel uptime that starts again).' },
  undervoltage: { severity: 'warning', meaning: 'The board\'s firmware flagged its supply voltage below what it needs (a Raspberry Pi\'s `Undervoltage detected!`), or the modem measured its own supply below its threshold (Quectel\'s `UNDER_VOLTAGE WARNING`, SIMCom\'s `UNDER-VOLTAGE POWER DOWN`): a power supply too weak for the board and what it powers, the modem included.' },
  'unexpected-reboot': { severity: 'warning', meaning: 'Startup after an unexpected shutdown, or a watchdog reset.' },
  'clock-jump': { severity: 'info', meaning: 'The wall clock jumped inside one boot (clock set by NTP, 1970 dates, lines out of order).' },
  'input-problem': { severity: 'info', meaning: 'Most of the file is in a shape GSM Log Lens does not read: problems told there cannot be seen, so the file\'s verdict is unknown.' },
  'unexplained-modem-error': { severity: 'info', meaning: 'A program that drives the modem (gsmd, mobifd, ModemManager, qmicli, dfota, modem_updater, quectel-cm, comgt...) logged a line at error level that no catalogue entry explains: another firmware version\'s message, or one not seen before. The problem quotes the line and says no more than it does; repeats in a burst are one problem with a count. Lines that an entry explains are never reported so.' },
  'custom-rule': { severity: 'yours', meaning: 'A line matched one of your rules (setting `gsmlens.customRules`, `gsmlens diagnose --rules FILE`). The problem shows your rule\'s code when it has one.' },
};

/** `docs/findings.md`: a heading per code, in the order of `FINDING_DOCS`. */
export function findingsPage(): string {
  const out = [
    '# GSM Log Lens: what the problem codes mean',
    '',
    'Every problem GSM Log Lens reports carries one of these codes; the code of a problem in the',
    'editor links here. "GSM Log Lens: Diagnose Modem Update" tells how they fit together and what to do.',
    '',
    '<!-- Generated from server/src/core/findings/findingDocs.ts: edit it there, then run `UPDATE_DOCS=1 npm test`. -->',
  ];
  for (const [code, doc] of Object.entries(FINDING_DOCS) as [FindingCode, FindingDoc][]) {
    out.push('', `## \`${code}\``, '', `**${FINDING_TITLES[code]}** (${doc.severity})`, '', doc.meaning);
  }
  return `${out.join('\n')}\n`;
}

let lines: Map<string, number> | undefined;

/** The 1-based line of a code's heading in `docs/findings.md`, for links that open the page there. */
export function findingDocLine(code: string): number | undefined {
  if (!lines) {
    lines = new Map();
    findingsPage().split('\n').forEach((l, i) => {
      const m = /^## `([a-z-]+)`$/.exec(l);
      if (m) lines!.set(m[1], i + 1);
    });
  }
  return lines.get(code);
}
