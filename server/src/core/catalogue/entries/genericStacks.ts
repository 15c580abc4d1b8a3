import type { CatalogueEntry } from '../types';
import { cmePattern, cmeWords } from '../tables/cmeErrors';
import { driverAlternation } from '../tables/usbDrivers';
import { REGISTRATION_LITERALS, REJECT_CAUSE_LITERALS, REJECT_CAUSE_PATTERN, registrationPattern } from '../tables/registrationStatus';
import { MOBILE_NETDEV } from '../tables/mobileInterfaces';

// Modem stacks of plain OpenWrt / Linux / FreeBSD routers and hosts, outside RutOS. Formats come
// from each project's source (tags X20-X28 below) and the real published lines in
// ../shared/fixtures/real (labels.json; fixture tags X29-X33 below):
// - ModemManager: `<level> [modemN] ...`, on OpenWrt usually with an EMPTY syslog tag
//   (`daemon.info [2656]: <inf> ...` -> tag '-'), elsewhere tag `ModemManager` [X20];
//   fixtures 006, 008 (controlled disable: not a failure), 016, 034, 040.
// - uqmi through netifd (`lte (2437): SIM in illegal state - Power-cycling SIM`, netifd main.c
//   `"%s (%d): %s"` [O3]): OpenWrt's qmi.sh [X21] and uqmi [X22]; fixture 012.
// - pppd / chat [X23] [X24]; fixtures 030 and 036 show that chat's `abort on (...)` lines are
//   configuration, not errors. pppd's `Modem hangup` is also printed for PPPoE links.
// - quectel-cm (QConnectManager) [X25], through netifd with its own `[MM-DD_hh:mm:ss:ms]` stamp;
//   fixture 050 is a normal start and must raise nothing.
// - Technicolor mobiled [X30], gammu [X26], Victron dbus-modem [X31], FreeBSD USB [X27] [X28] [X32].


// ModemManager's level word, debug timestamp and `[modem0]` object are an envelope the format
// layer peels (formats/envelopes.ts), so entries see the message itself, with or without a level
// word and under any tag. Old versions name the modem in the text: `Modem /org/.../Modem/0:`, `Modem:`.
const MM = '^(?:Modem(?: [^\\s:]+)?:\\s*)?';
const mm = (s: string): RegExp => new RegExp(MM + s);
const MMTAGS = ['-', 'modemmanager'];
const NMTAGS = ['networkmanager'];
/** NetworkManager's device state change with a reason of `reasons` (X86): the device, the states, the reason. */
const nmStateChange = (reasons: string): RegExp =>
  new RegExp(`^device \\((?<device>[^)\\s]{1,48})\\): state change: (?<from>[\\w-]{1,32}) -> (?<to>[\\w-]{1,32}) \\(reason '(?<reason>${reasons})'`);
// netifd protocol handler output: `<iface> (<pid>): <line>` [O3]; the prefix is an envelope the
// format layer peels into the `iface` field.
const proto = (s: string): RegExp => new RegExp('^' + s);
const QUECTEL_CM = ['netifd', 'quectel-cm', '-'];
/** A PPP link over a serial port (pppd's `Connect: ppp0 <--> /dev/ttyUSB0`): a modem's, not PPPoE's interface nor a tunnel's `/dev/pts/N`. */
const SERIAL_LINK = { field: 'pppDevice', pattern: /^\/dev\/tty/ };
// quectel-cm via netifd, or standalone; its own `[04-17_17:20:24:577]` stamp is peeled as an envelope.
const QCM = '^';
const FREEBSD = ['-', 'kernel'];
/** FreeBSD's modem and network drivers, as the driver table knows them (tables/usbDrivers.ts). */
const FREEBSD_MODEM = driverAlternation((d) => d.freebsd === true);

/** Fixture 050: quectel-cm's normal start; none of these may raise a warning or an error. */
const QUECTEL_CM_NORMAL = [
  'Wed Apr 17 17:20:24 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:24:577] QConnectManager_Linux_V1.6.5',
  'Wed Apr 17 17:20:24 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:24:581] Find /sys/bus/usb/devices/1-1 idVendor=0x2c7c idProduct=0x125, bus=0x001, dev=0x002',
  'Wed Apr 17 17:20:24 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:24:591] Modem works in QMI mode',
  'Wed Apr 17 17:20:24 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:24:695] Get clientWDS = 20',
];

export const genericStackEntries: CatalogueEntry[] = [
  // ---- ModemManager ([X20]) -----------------------------------------------------------------
  {
    id: 'mm.init-failed-sim',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'error',
    tags: MMTAGS,
    literal: "odem couldn't be initialized: ",
    pattern: mm("[Mm]odem couldn't be initialized: (?<reason>.*(?:SIM not inserted|SIM failure|SIM wrong|SIM lock status|eSIM without profiles).*)$"),
    summary: 'ModemManager could not initialise the modem: {reason}',
    explanation:
      'ModemManager created the modem but its initialisation stopped at the SIM check, so the modem goes to state "failed" and cannot connect. ' +
      '"SIM not inserted" is reported by the modem itself (ModemManager records the failed reason sim-missing): no SIM in the slot, not seated, or a slot the modem does not use.',
    nextSteps: ['Reseat the SIM (power off first), check it is in the slot the modem uses, and check the SIM in another device.'],
    finding: 'sim-error',
    sources: ['X20', 'X29'],
    samples: [
      "Sun May 20 20:17:50 2018 daemon.warn [1560]: <warn>  Modem couldn't be initialized: Couldn't check unlock status: SIM not inserted",
      "Jun 06 13:45:46 jantar ModemManager[771]: <wrn> [modem0] modem couldn't be initialized: Couldn't check unlock status: SIM not inserted",
    ],
  },
  {
    id: 'mm.init-failed',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'error',
    tags: MMTAGS,
    literal: "odem couldn't be initialized: ",
    pattern: mm("[Mm]odem couldn't be initialized: (?<reason>.*)$"),
    summary: 'ModemManager could not initialise the modem: {reason}',
    explanation: 'ModemManager\'s initialisation of the modem failed for the reason given, and the modem goes to state "failed": it cannot be enabled or connected until the cause is fixed.',
    sources: ['X20'],
    samples: ["Jun 06 13:46:10 pinephone ModemManager[771]: <wrn> [modem0] modem couldn't be initialized: Failed to load current capabilities"],
  },
  {
    id: 'mm.state-failed',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'error',
    tags: MMTAGS,
    literal: ' -> failed)',
    pattern: mm('state changed \\((?<from>[\\w-]+) -> failed\\)'),
    summary: 'ModemManager: modem {mmObject} is in state failed',
    explanation: 'The modem object is in ModemManager\'s "failed" state: it cannot be enabled or used. The line before it (`couldn\'t be initialized: ...`) gives the reason.',
    sources: ['X20', 'X29'],
    samples: [
      'Sun May 20 20:17:50 2018 [1560]: <info>  Modem: state changed (unknown -> failed)',
      'Jun 06 13:45:46 jantar ModemManager[771]: <msg> [modem0] state changed (locked -> failed)',
    ],
  },
  {
    // A blind probe's laptop with a PIN-enabled SIM and no PIN given: `unknown -> locked`, then
    // NetworkManager's `no-secrets`, had been told no problem. ModemManager enters the state when
    // it cannot check the SIM's lock too (fixture 013: no SIM), so the lines after it say which.
    id: 'mm.state-locked',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: ' -> locked)',
    pattern: mm('state changed \\((?<from>[\\w-]+) -> locked\\)'),
    summary: 'ModemManager: modem {mmObject} is locked: the SIM wants its PIN or PUK, or its lock could not be checked (the lines after it say which)',
    explanation:
      'ModemManager\'s state "locked" means the modem needs to be unlocked before it can be enabled: the SIM\'s PIN, or its PUK after wrong PINs. ' +
      'ModemManager enters it too when it could not check the SIM\'s lock (no SIM inserted): the lines after it say which. ' +
      'Until it is unlocked (NetworkManager with the PIN stored in the connection, `mmcli -i 0 --pin=...`) it does not register and there is no mobile data.',
    finding: 'sim-error',
    // Unlocked seconds later (NetworkManager giving the PIN it keeps, at every start): a note.
    passing: { answeredBy: 'sim-ready', seconds: 30, note: 'unlocked' },
    sources: ['X20', 'X104', 'X105'],
    samples: [
      'Nov 18 14:02:39 x1c ModemManager[874]: <info>  [modem0] state changed (unknown -> locked)',
      'Sun Feb  9 12:31:48 2025 daemon.notice [2656]: <msg> [modem0] state changed (unknown -> locked)',
    ],
    counterSamples: ['Jun 06 13:45:46 jantar ModemManager[771]: <msg> [modem0] state changed (locked -> failed)', 'Jun 06 13:45:46 jantar ModemManager[771]: <msg> [modem0] state changed (locked -> initializing)'],
  },
  // A failed enable puts the modem back in the state it had (mm-broadband-modem.c, X122): no
  // disable anyone asked for, which mm.disabling below would call it.
  {
    id: 'mm.enable-fell-back',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    tags: MMTAGS,
    literal: 'state changed (enabling -> disabled)',
    pattern: mm('state changed \\(enabling -> disabled\\)'),
    summary: 'ModemManager: modem {mmObject} was not enabled and is disabled again (enabling -> disabled)',
    explanation: 'ModemManager could not finish enabling the modem and put it back in the state it had, disabled: the lines just before say what failed. Not a disable someone asked for; a disabled modem registers in no network.',
    sources: ['X122', 'X20'],
    samples: ['Apr 07 09:14:15 t14s ModemManager[1021]: <msg> [modem0] state changed (enabling -> disabled)'],
    counterSamples: ['Tue Mar 15 18:22:55 2022 daemon.info [7618]: <info>  [modem0] state changed (disabling -> disabled)'],
  },
  // Out of `locked` into the states of a usable modem: the SIM was unlocked (its PIN given) and the
  // modem goes on (ModemManager's state machine, X20). Before mm.disabling, which would take
  // `locked -> disabled` for a disable.
  {
    id: 'mm.unlocked',
    story: ['sim-ready'],
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    tags: MMTAGS,
    literal: 'state changed (locked -> ',
    pattern: mm('state changed \\(locked -> (?<to>disabled|enabling|enabled|searching|registered)\\)'),
    summary: 'ModemManager: modem {mmObject} is unlocked ({to})',
    explanation: 'The modem left the "locked" state for a usable one: its SIM was unlocked (the PIN given, by NetworkManager from the connection or by a person) and ModemManager goes on to enable it.',
    sources: ['X20'],
    samples: ['Dec 07 05:37:16 raspberrypi ModemManager[602]: <info>  [modem1] state changed (locked -> disabled)'],
  },
  {
    id: 'mm.disabling',
    // The request's first line: the connection and registration it ends are its doing (findings/shutdowns.ts).
    story: ['stop-asked'],
    storyIf: { field: 'to', values: ['disabling'] },
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    tags: MMTAGS,
    literal: 'state changed (',
    pattern: mm('state changed \\((?<from>[\\w-]+) -> (?<to>disabling|disabled)\\)'),
    summary: 'ModemManager: modem {mmObject} is being disabled ({from} -> {to})',
    explanation:
      'The modem is being disabled on request (for example netifd bringing the interface down, or a configuration change): a controlled teardown, not a failure. ' +
      'Its registration state drops to "unknown" at the same time; that is part of the teardown too.',
    sources: ['X20'],
    samples: [
      'Tue Mar 15 18:22:55 2022 daemon.info [7618]: <info>  [modem0] state changed (registered -> disabling)',
      'Tue Mar 15 18:22:55 2022 daemon.info [7618]: <info>  [modem0] state changed (disabling -> disabled)',
    ],
  },
  {
    id: 'mm.connection-lost',
    stack: 'modemmanager',
    subsystem: 'network',
    severity: 'warning',
    tags: MMTAGS,
    literal: 'state changed (connected -> ',
    pattern: mm('state changed \\(connected -> (?<to>registered|enabled|searching)\\)'),
    summary: 'ModemManager: modem {mmObject} lost its data connection (connected -> {to})',
    explanation:
      'The modem was connected and ModemManager\'s state went straight back to {to}: its data bearer dropped without a disconnect request. ' +
      'A disconnect that ModemManager or a user asks for passes through "disconnecting" first; this one came from the modem or the network. ' +
      '"registered" means the modem is still attached to the network, "searching" or "enabled" that it lost the network as well.',
    nextSteps: ['Look at the lines just before: port timeouts, a modem reset or a registration change tell what took the bearer down.'],
    finding: 'mobile-data-down',
    sources: ['X65', 'X20'],
    samples: [
      'Sat Aug 20 22:24:23 2022 daemon.info [3069]: <info>  [modem0] state changed (connected -> registered)',
      'Jun 06 13:50:02 pinephone ModemManager[771]: <msg> [modem0] state changed (connected -> searching)',
    ],
    counterSamples: [
      'Sun Feb  9 12:31:48 2025 daemon.notice [2656]: <msg> [modem0] state changed (connected -> disconnecting)',
      'Sat Feb  1 08:07:48 2020 daemon.info [2209]: <info>  [1580544468.267040] Modem /org/freedesktop/ModemManager1/Modem/1: state changed (connected -> disconnecting)',
      'jun 06 06:00:08 mobian ModemManager[519]: <info>  [modem0] state changed (registered -> connecting)',
    ],
  },
  {
    id: 'mm.state-changed',
    story: ['data-up'],
    storyIf: { field: 'to', values: ['connected'] },
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    tags: MMTAGS,
    literal: 'state changed (',
    pattern: mm('state changed \\((?<from>[\\w-]+) -> (?<to>[\\w-]+)\\)'),
    summary: 'ModemManager: modem {mmObject} {from} -> {to}',
    explanation:
      'ModemManager\'s state of the modem changed: locked, initializing, disabled, enabling, enabled, searching, registered, connecting, connected, disconnecting. ' +
      '"registered" means attached to a network without data; "connected" means a data bearer is up.',
    sources: ['X20'],
    samples: [
      'Sun Feb  9 12:31:48 2025 daemon.notice [2656]: <msg> [modem0] state changed (connected -> disconnecting)',
      'jun 06 06:00:08 mobian ModemManager[519]: <info>  [modem0] state changed (registered -> connecting)',
    ],
  },
  {
    id: 'mm.connection-attempt-failed',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: 'connection attempt #',
    pattern: mm('connection attempt #(?<attempt>\\d+) failed: (?<error>.*)$'),
    summary: 'ModemManager: data connection attempt #{attempt} failed: {error}',
    explanation:
      'ModemManager tried to bring up a data bearer and the modem refused or failed; the error text comes from the modem protocol (QMI, MBIM, AT). ' +
      'The modem usually stays registered and a new attempt follows; a series of these means mobile data cannot be established.',
    finding: 'data-session-failed',
    sources: ['X20'],
    samples: [
      "jun 06 06:00:08 mobian ModemManager[519]: <warn>  [modem0/bearer2] connection attempt #2 failed: Couldn't bind mux data port: QMI protocol error (3): 'Internal'",
    ],
  },
  // The simple connect's failure (mm-iface-modem-simple.c, X160: `couldn't connect bearer: %s`;
  // older versions `Couldn't connect bearer '<path>': '<error>'`), logged where the debug level
  // is on; a blind re-test probe's repeated QMI CallFailed had been no story.
  {
    id: 'mm.bearer-connect-failed',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: "ouldn't connect bearer",
    pattern: mm("[Cc]ouldn't connect bearer(?: '[^']{0,80}')?: (?<error>.+)$"),
    summary: 'ModemManager: the data bearer could not connect: {error}',
    explanation: 'ModemManager asked the modem to connect a data bearer and the modem refused or failed; the error comes from the modem\'s protocol (QMI, MBIM, AT) or the network. A series of these means mobile data cannot be established: the settings (APN, authentication, IP type) or the network\'s refusal, which the error may name.',
    finding: 'data-session-failed',
    sources: ['X160'],
    samples: ["Dec 07 09:12:40 pi ModemManager[612]: <dbg> [modem0] couldn't connect bearer: QMI protocol error (14): 'CallFailed'", "May 04 10:21:07 gw ModemManager[801]: <debug> Couldn't connect bearer '/org/freedesktop/ModemManager1/Bearer/0': 'Failure'"],
  },
  // A modem ModemManager could not power up (X121, X122). An MBIM modem that answers the request
  // to turn its radio on with its radio switch still off is warned of (`sotware`: ModemManager's
  // spelling; a corrected one is read too); any refusal to power up, an MBIM or a QMI modem's, is
  // ModemManager's MM_CORE_ERROR_RETRY "Invalid transition", on which it runs its FCC unlock once
  // and tries again: the first warning is no trouble when the radio comes on after it (`power
  // state updated: on`), and `couldn't enable interface: 'Invalid transition'` is the second
  // refusal. ModemManager's documentation names the FCC lock of laptop WWAN modules as what makes
  // a modem refuse (X120); its own code says rfkill changes the modem's power too (X122), and the
  // lines do not say which it was: the explanations and the advice say so.
  {
    id: 'mm.power-up-radio-off',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: 'Cannot power-up: ',
    pattern: mm('Cannot power-up: (?<radioSwitch>sotware|software) radio switch is OFF'),
    summary: 'ModemManager: modem {mmObject} did not turn its radio on: it answered that its software radio switch is off',
    explanation:
      'ModemManager asked the modem (over MBIM) to turn its radio on, and the modem answered that its software radio switch, the one the host sets, is still off: it refused. ' +
      'ModemManager then runs its FCC unlock for this modem, if one is enabled, and asks once more; a line `power state updated: on` after this one means the radio came on. ' +
      'A modem that keeps its radio off registers in no network. ModemManager\'s documentation names the FCC lock of laptop WWAN modules (Lenovo, Dell, HP) as what makes a module refuse; the line does not say why, and the host turning the radio off (rfkill) changes the modem\'s power too.',
    finding: 'radio-off',
    advice: 'fccUnlock',
    passing: { answeredBy: 'radio-on', seconds: 60, note: 'the radio on' },
    sources: ['X121', 'X127', 'X122', 'X120'],
    samples: [
      'Apr 07 09:14:14 t14s ModemManager[1021]: <wrn> [modem0] Cannot power-up: sotware radio switch is OFF',
      '2025-04-07T09:14:44+02:00 t14s ModemManager[1021]: <wrn> [modem0] Cannot power-up: sotware radio switch is OFF',
    ],
    counterSamples: ['Apr 07 09:14:14 t14s ModemManager[1021]: <wrn> [modem0] Cannot power-up: hardware radio switch is OFF'],
  },
  {
    id: 'mm.power-up-hardware-radio-off',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: 'Cannot power-up: ',
    pattern: mm('Cannot power-up: hardware radio switch is OFF'),
    summary: 'ModemManager: modem {mmObject} did not turn its radio on: it answered that its hardware radio switch is off',
    explanation:
      'ModemManager asked the modem (over MBIM) to turn its radio on, and the modem answered that its hardware radio switch is off: a switch software cannot set, where the device has one. ' +
      'A modem whose radio stays off registers in no network.',
    finding: 'radio-off',
    advice: 'hardwareRadioOff',
    passing: { answeredBy: 'radio-on', seconds: 60, note: 'the radio on' },
    sources: ['X121', 'X127'],
    samples: ['Apr 07 09:14:14 t14s ModemManager[1021]: <wrn> [modem0] Cannot power-up: hardware radio switch is OFF'],
  },
  {
    id: 'mm.enable-refused',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: "couldn't enable interface: 'Invalid transition'",
    pattern: mm("couldn't enable interface: 'Invalid transition'"),
    summary: 'ModemManager: modem {mmObject} could not be enabled: it refused to turn its radio on (Invalid transition)',
    explanation:
      'ModemManager could not enable the modem because the modem refused to power up (to turn its radio on, to go online): "Invalid transition" is ModemManager\'s word for that refusal, from an MBIM or a QMI modem. ' +
      'It had already run its FCC unlock for this modem, if one is enabled, and asked again; the modem is disabled again, registers in no network and has no data connection. ' +
      'ModemManager\'s documentation names the FCC lock of laptop WWAN modules as what makes a module refuse (a locked QMI module fails "likely with an Invalid transition error"); the line does not say why.',
    finding: 'radio-off',
    advice: 'fccUnlock',
    sources: ['X121', 'X122', 'X120'],
    samples: [
      "Apr 07 09:14:15 t14s ModemManager[1021]: <wrn> [modem0] couldn't enable interface: 'Invalid transition'",
      "Tue Jan 10 08:12:01 2023 daemon.warn [2210]: <warn>  [modem0] couldn't enable interface: 'Invalid transition'",
    ],
    counterSamples: ["Apr 07 09:14:15 t14s ModemManager[1021]: <wrn> [modem0] couldn't enable interface: 'Couldn't get interface skeleton'"],
  },
  // The same refusal as a client of ModemManager reports it (NetworkManager's `failed to enable
  // modem`, mmcli's `couldn't enable the modem`, X87): ModemManager's D-Bus error (X125) with its
  // message, whatever program prints it.
  {
    id: 'mm.client-enable-refused',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    literal: 'Error.Core.Retry: Invalid transition',
    pattern: /\bModemManager1\.Error\.Core\.Retry: Invalid transition\b/,
    summary: 'ModemManager could not enable the modem: it did not turn its radio on (Core.Retry: Invalid transition)',
    explanation:
      'A program that drives ModemManager (NetworkManager, mmcli) asked it to enable or connect the modem, and ModemManager answered with its error Retry, "Invalid transition": the modem refused to power up (to turn its radio on), also after ModemManager ran its FCC unlock for it, if one is enabled. ' +
      'The modem registers in no network and has no data connection. ModemManager\'s documentation names the FCC lock of laptop WWAN modules as what makes a module refuse; the line does not say why.',
    finding: 'radio-off',
    advice: 'fccUnlock',
    sources: ['X125', 'X87', 'X121', 'X120'],
    samples: [
      'Apr 07 09:14:15 t14s NetworkManager[1030]: <warn>  [1744010055.0841] modem-broadband[wwan0mbim0]: failed to enable modem: GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Retry: Invalid transition',
      "Thu Sep 12 06:15:36 2024 daemon.notice netifd: wwan (5400): error: couldn't enable the modem: 'GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Retry: Invalid transition'",
    ],
    counterSamples: ['modem-broadband[cdc-wdm0]: failed to enable modem: GDBus.Error:org.freedesktop.ModemManager1.Error.Core.WrongState: Cannot enable modem: device locked'],
  },
  {
    id: 'mm.power-state',
    story: ['radio-on'],
    storyIf: { field: 'power', values: ['on'] },
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    tags: MMTAGS,
    literal: 'power state updated: ',
    pattern: mm('power state updated: (?<power>on|low|off)\\b'),
    summary: 'ModemManager: modem {mmObject} power state {power}',
    explanation: 'ModemManager changed the modem\'s power state. It logs `on` once the modem did what it asked to power up (turned an MBIM modem\'s radio on, put a QMI modem online), the FCC unlock included where it ran: the radio is on and the modem can register.',
    sources: ['X122', 'X121'],
    samples: ['Sat Mar 15 08:02:22 2025 daemon.info ModemManager[1764]: <msg> [modem0] power state updated: on', 'Mar 18 14:20:16 edge-gw01 ModemManager[712]: <info>  [modem0] power state updated: low'],
  },
  // mmcli's modem reset (`mmcli -m 0 -r`, X128), run by hand or by a watchdog script that logs
  // the command and mmcli's answer under its own tag: a restart asked for, so the modem's drop off
  // the bus just after it is that restart (knowledge 4.3). A failed reset (`couldn't reset the
  // modem`) restarted nothing.
  // fwupd's command-line client asked to update or install firmware (fwupdmgr(1), X159), under any
  // tag: sudo's `COMMAND=`, a script's log. fwupd updates any device (a laptop's UEFI, a dock, an
  // SSD): the modem's only where the modem leaves the bus soon after (device-update-started; a
  // blind probe's successful modem update had been told "the log has no line from an update tool",
  // and a UEFI update alone was then told a stuck modem update).
  {
    id: 'fwupdmgr.update-command',
    story: ['device-update-started'],
    subsystem: 'firmware-update',
    severity: 'info',
    literal: 'fwupdmgr ',
    pattern: /\bfwupdmgr (?:[^'"`;|&\n]*? )?(?:update|install|upgrade|reinstall|downgrade)\b/,
    summary: 'A firmware update is asked of fwupd: {message}',
    explanation: 'The line runs, or says it runs, fwupd\'s client to update or install device firmware, of whichever device has an update: a laptop\'s UEFI, a dock, a disk, or a modem. fwupd updates a modem through ModemManager (which it inhibits for the time of the update): the modem leaves the bus, may show in its download mode, and comes back with the new firmware.',
    sources: ['X159'],
    samples: ['Mar 18 13:30:02 kiosk-22 sudo[30411]:    admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/fwupdmgr update 3f1b0c8e2a7d9e4b5c6a1f0e8d7c6b5a4f3e2d1c'],
    counterSamples: ['Mar 18 13:30:02 kiosk-22 sudo[30411]:    admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/fwupdmgr get-updates'],
  },
  // fwupdmgr's last words of an update that worked (fwupdmgr(1), X159); of any device, as its command.
  {
    id: 'fwupdmgr.installed',
    story: ['device-update-finished'],
    subsystem: 'firmware-update',
    severity: 'info',
    literal: 'Successfully installed firmware',
    pattern: /^Successfully installed firmware\b/,
    summary: 'fwupd installed the firmware',
    explanation: 'fwupdmgr prints this when the update it ran finished: the device, whichever it was, took the new firmware.',
    sources: ['X159'],
    samples: ['Successfully installed firmware'],
  },
  // fwupd's engine logs a failed step of an update with the step's name (fu-engine.c, X177:
  // `failed to write-firmware: `, `failed to wait for detach replug: `, `failed to update-cleanup
  // after failed update: `); of any device, as its command.
  {
    id: 'fwupd.update-failed',
    story: ['device-update-failed'],
    subsystem: 'firmware-update',
    severity: 'warning',
    tags: ['fwupd', 'fwupdmgr', '-'],
    literal: ['failed to write-firmware', 'failed to wait for detach replug', 'failed to update-cleanup after failed update'],
    pattern: /\bfailed to (?:write-firmware|wait for detach replug|update-cleanup after failed update): (?<why>.{0,200})/,
    summary: 'fwupd could not update a device\'s firmware: {why}',
    explanation: 'fwupd\'s engine failed a step of a firmware update: writing the image, waiting for the device to come back after it detached (into its download or boot mode), or cleaning up. Which device, the lines around it say; a modem left in its download mode needs the update run again.',
    sources: ['X177'],
    samples: [
      'Nov 24 16:03:37 edge-gw01 fwupd[1021]: 16:03:37.412 FuEngine             failed to write-firmware: failed to write firehose: program of NON-HLOS.ubi failed',
      '12:16:57.055 FuEngine             failed to update-cleanup after failed update: failed to get device before update cleanup: failed to wait for detach replug: device d432baa2162a32c1554ef24bd8281953b9d07c11 did not come back',
    ],
  },
  {
    id: 'mmcli.reset-command',
    story: ['deliberate-restart'],
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    literal: 'mmcli ',
    // The modem option -r or --reset on mmcli's command line, not --factory-reset; within one
    // command (no quote, separator or pipe between).
    pattern: /\bmmcli (?:[^'"`;|&\n]*? )?(?:-r|--reset)(?![\w=-])/,
    summary: 'A program runs mmcli to reset the modem: {message}',
    explanation:
      'The line runs, or says it runs, mmcli\'s modem reset (`-r`, `--reset`: "Reset a given modem"), which returns the modem to a newly-powered-on state: a restart asked for. ' +
      'A USB modem that restarts leaves the USB bus and comes back, and its data connection goes with it: a drop just after this line is that restart, not a fault of the modem; why it was asked for is what to look at.',
    sources: ['X128', 'KB43'],
    samples: [
      "Thu Sep 12 06:15:03 2024 user.notice lte-watchdog: no reply from 1.1.1.1 via wwan0 for 180s (modem state: connected), running 'mmcli -m 0 -r'",
      'Apr 07 09:15:02 t14s sudo[2291]:     alex : TTY=pts/0 ; PWD=/home/alex ; USER=root ; COMMAND=/usr/bin/mmcli -m any --reset',
    ],
    counterSamples: [
      "Sat Feb  1 08:07:48 2020 daemon.notice netifd: wwan (1628): + mmcli -v '--modem=/sys/devices/platform/soc/usb4/4-1' --simple-disconnect",
      'mmcli -m 0 --factory-reset=000000',
      'Apr 07 09:15:02 t14s sudo[2291]:     alex : TTY=pts/0 ; PWD=/home/alex ; USER=root ; COMMAND=/usr/bin/mmcli -m any -e',
    ],
  },
  {
    id: 'mmcli.reset',
    story: ['deliberate-restart'],
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    literal: 'successfully reset',
    // mmcli's spelling (X128); a corrected one is read too.
    pattern: /\bsuccessfully reset(?:ed)? the modem\b/,
    summary: 'mmcli reset the modem (successfully reseted the modem)',
    explanation:
      'mmcli\'s answer when its modem reset (`mmcli -m <modem> -r`) succeeded: ModemManager returned the modem to a newly-powered-on state, a restart asked for. ' +
      'A USB modem that restarts leaves the USB bus and comes back, and its data connection goes with it: a drop just after this line is that restart, not a fault of the modem; why it was asked for is what to look at.',
    sources: ['X128', 'KB43'],
    samples: ['Thu Sep 12 06:15:04 2024 user.notice lte-watchdog: successfully reseted the modem', 'successfully reseted the modem'],
    counterSamples: ["error: couldn't reset the modem: 'GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Unsupported: Cannot reset the modem: operation not supported'"],
  },
  // NetworkManager drives the modem through ModemManager on Linux desktops and many gateways
  // (X86, X87). When a mobile connection fails, it logs the device's state change with its reason
  // code (`device (cdc-wdm0): state change: prepare -> failed (reason 'gsm-registration-not-searching',
  // sys-iface-state: 'managed')`; older versions `(reason '...') [40 120 30]`) and, for a bearer
  // ModemManager could not bring up, `modem-broadband[cdc-wdm0]: failed to connect modem: <error>`.
  // The error in words is the modem's (3GPP TS 27.007 9.2, through ModemManager): a registration's
  // or a SIM's error is that problem, not the data connection's (a modem the network denied fails
  // to connect with `Network not allowed - Emergency calls only`).
  ...(['registration-failed', 'sim-error'] as const).map((finding): CatalogueEntry => ({
    id: `nm.modem-connect-failed-${finding === 'sim-error' ? 'sim' : 'registration'}`,
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: NMTAGS,
    literal: 'failed to connect modem',
    pattern: new RegExp(`^(?:modem-broadband\\[(?<device>[^\\]\\s]{1,48})\\]: |\\((?<port>[^)\\s]{1,48})\\):? )?failed to connect modem: (?<error>(?:${cmeWords(finding)})(?![\\w-]).{0,200})$`, 'i'),
    summary: `NetworkManager: the modem could not connect: {error} (${finding === 'sim-error' ? 'a SIM problem' : 'not registered on a network'})`,
    explanation:
      'NetworkManager asked ModemManager to connect the modem and the attempt failed with the modem\'s own error, ' +
      (finding === 'sim-error' ? 'one about the SIM (3GPP TS 27.007\'s SIM errors): the SIM is the problem, not the data settings.' : 'one about the network (3GPP TS 27.007\'s network errors: no service, not allowed): the modem is not registered, so no data connection can start; the APN is not the problem.'),
    finding,
    sources: ['X87', 'X67', 'X68', 'X90'],
    samples: [finding === 'sim-error' ? 'Dec 02 19:54:59 thinkpad NetworkManager[812]: <warn>  [1733169299.1234] modem-broadband[cdc-wdm0]: failed to connect modem: SIM not inserted' : 'May 12 14:03:31 raspberrypi NetworkManager[452]: <warn>  [1715515411.6021] modem-broadband[cdc-wdm0]: failed to connect modem: Network not allowed - Emergency calls only'],
  })),
  // systemd-networkd's carrier loss of a link (networkd-link.c, X185): of a mobile network device
  // (wwan0, a modem's usb0), the data connection under it went away (a blind probe's qmi-network
  // host, `wwan0: Lost carrier` two minutes before its barring, had its outage start late).
  {
    id: 'networkd.mobile-carrier-lost',
    subsystem: 'network',
    severity: 'warning',
    tags: ['systemd-networkd'],
    literal: ': Lost carrier',
    pattern: new RegExp(`^(?<device>${MOBILE_NETDEV.source.slice(1, -1)}): Lost carrier\\s*$`),
    summary: 'systemd-networkd: the mobile device {device} lost its carrier',
    explanation: 'systemd-networkd reports that the link of a mobile network device (the modem\'s) lost its carrier: its data connection went away, the modem\'s session ended or the modem left. The lines around it say which.',
    finding: 'mobile-data-down',
    sources: ['X185'],
    samples: ['2024-05-31T23:58:37+0200 imx-gw systemd-networkd[402]: wwan0: Lost carrier'],
    counterSamples: ['2024-05-31T23:58:37+0200 imx-gw systemd-networkd[402]: eth0: Lost carrier'],
  },
  // ModemManager refusing a bearer of a connection that does not allow roaming while the modem
  // roams (X182): in NetworkManager's `failed to connect modem:`, ModemManager's own warning, or
  // mmcli's error. Before the generic failure: the cause is the connection's setting, and a blind
  // probe's laptop on a foreign network had been told to check its APN.
  {
    id: 'mm.roaming-not-allowed',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: [...NMTAGS, ...MMTAGS],
    literal: 'roaming not allowed',
    pattern: /Not allowed to connect bearer in (?<network>3GPP|CDMA) network: '(?<why>Registered in roaming network, and roaming not allowed)'/,
    summary: 'The modem roams and the connection does not allow roaming: no data connection',
    explanation:
      'ModemManager refuses to connect (or disconnects) a bearer whose `allow-roaming` is off while the modem is registered on a roaming network. The network did not refuse anything: the connection\'s own setting did (NetworkManager\'s `gsm.home-only`, mmcli\'s `allow-roaming`).',
    finding: 'data-session-failed',
    advice: 'allowRoaming',
    sources: ['X182'],
    samples: [
      "Aug 08 10:32:07 x1-carbon NetworkManager[1088]: <warn>  [1691483527.3102] modem-broadband[cdc-wdm0]: failed to connect modem: Not allowed to connect bearer in 3GPP network: 'Registered in roaming network, and roaming not allowed'",
          ],
  },
  {
    id: 'nm.modem-connect-failed',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: NMTAGS,
    literal: 'failed to connect modem',
    pattern: /^(?:modem-broadband\[(?<device>[^\]\s]{1,48})\]: |\((?<port>[^)\s]{1,48})\):? )?failed to connect modem: (?<error>.{1,300})$/,
    summary: 'NetworkManager: the modem\'s data connection failed: {error}',
    explanation:
      'NetworkManager asked ModemManager to connect the modem and the attempt failed; the error is ModemManager\'s (from the modem\'s QMI, MBIM or AT answer). ' +
      'NetworkManager gives the connection up or retries it as its settings say; ModemManager\'s own lines around this one say more.',
    finding: 'data-session-failed',
    sources: ['X87'],
    samples: [
      "Dec 02 19:54:59 thinkpad NetworkManager[812]: <warn>  [1733169299.1234] modem-broadband[cdc-wdm0]: failed to connect modem: Serving network not available",
      'Jun  6 06:00:08 host NetworkManager[700]: <warn> (ttyUSB2): failed to connect modem: Couldn\'t connect: No carrier',
    ],
  },
  {
    id: 'nm.device-failed-registration',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: NMTAGS,
    literal: "(reason 'gsm-registration-",
    pattern: nmStateChange("gsm-registration-(?:not-searching|denied|timeout|failed)"),
    summary: 'NetworkManager: {device} went from {from} to {to}: the modem did not register on a network ({reason})',
    explanation:
      'NetworkManager gave up the mobile connection because the modem was not registered on a mobile network: not-searching (not registered and not looking for one), denied (the network refused it), timeout (no registration in time), failed. ' +
      'There is no mobile data until the modem registers; coverage, the SIM\'s subscription and the allowed radio modes are what to look at.',
    finding: 'registration-failed',
    sources: ['X86'],
    samples: [
      "Dec 02 19:54:59 thinkpad NetworkManager[812]: <info>  [1733169299.1234] device (cdc-wdm0): state change: prepare -> failed (reason 'gsm-registration-not-searching', sys-iface-state: 'managed')",
      "Jun 06 06:00:08 host NetworkManager[700]: <info>  [1591423208.0000] device (ttyUSB2): state change: need-auth -> failed (reason 'gsm-registration-denied') [60 120 31]",
    ],
  },
  {
    id: 'nm.device-failed-sim',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: NMTAGS,
    literal: ["(reason 'gsm-", "(reason 'sim-pin-incorrect'"],
    pattern: nmStateChange('gsm-sim-(?:not-inserted|pin-required|puk-required|wrong)|gsm-pin-check-failed|sim-pin-incorrect'),
    summary: 'NetworkManager: {device} went from {from} to {to}: a SIM problem ({reason})',
    explanation:
      'NetworkManager gave up the mobile connection because of the SIM: not inserted (the modem sees no card), a PIN or PUK required, a wrong SIM, or the PIN it sent refused. ' +
      'Check the card and its PIN in the connection\'s settings (a PUK is needed after three wrong PINs).',
    finding: 'sim-error',
    sources: ['X86'],
    samples: [
      "Dec 02 19:54:59 thinkpad NetworkManager[812]: <info>  [1733169299.1234] device (cdc-wdm0): state change: prepare -> failed (reason 'gsm-sim-not-inserted', sys-iface-state: 'managed')",
    ],
  },
  // A mobile connection NetworkManager gave up because it needed a secret no agent gave: the SIM's
  // PIN or the APN's password (NMSettingGsm's secrets, X180). For a modem's device only (cdc-wdm,
  // ttyUSB, ttyACM, wwan): Wi-Fi's is its own. A blind probe's PIN-locked SIM had NetworkManager fail
  // three times so, told nowhere.
  {
    id: 'nm.device-failed-secrets',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: NMTAGS,
    literal: "(reason 'no-secrets'",
    pattern: /^device \((?<device>cdc-wdm\d+|tty(?:USB|ACM)\d+|wwan\w{0,16}|mhi\w{0,32})\): state change: (?<from>[\w-]{1,32}) -> (?<to>failed) \(reason '(?<reason>no-secrets)'/,
    summary: 'NetworkManager: {device} went from {from} to {to}: the mobile connection needed a secret no one gave (the SIM\'s PIN or the APN\'s password)',
    explanation: 'NetworkManager gave the mobile connection up because it needed a secret, the SIM\'s PIN (a locked SIM) or the APN\'s password, and no secret agent (a desktop\'s dialog, a stored setting) gave it: a headless system has no agent, so the secret must be stored in the connection.',
    finding: 'data-session-failed',
    sources: ['X86', 'X180'],
    samples: ["Dec 03 09:41:37 ucore-pi-23 NetworkManager[1102]: <info>  [1796290897.7120] device (cdc-wdm0): state change: need-auth -> failed (reason 'no-secrets', sys-iface-state: 'managed')"],
    counterSamples: ["Dec 02 19:54:59 laptop NetworkManager[812]: <info>  [1733169299.1234] device (wlp2s0): state change: need-auth -> failed (reason 'no-secrets', sys-iface-state: 'managed')"],
  },
  // The same reasons from `activated`: the connection was up and the modem lost it, a drop, not a
  // connection that could not be set up (a blind probe's eight drops of a working link had each
  // been told "could not be set up").
  {
    id: 'nm.device-lost-modem',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: NMTAGS,
    literal: ["(reason 'modem-"],
    pattern: /^device \((?<device>[^)\s]{1,48})\): state change: (?<from>activated) -> (?<to>failed) \(reason '(?<reason>modem-(?:no-carrier|busy|no-dial-tone|dial-timeout|dial-failed|init-failed))'/,
    summary: 'NetworkManager: {device} lost its mobile connection ({reason})',
    explanation:
      'The mobile connection was up (activated) and NetworkManager gave it up because the modem lost it: the modem reports no carrier, a bearer gone. ' +
      'NetworkManager tries the connection again by itself (its autoconnect retries); ModemManager\'s lines at the same time say what the modem lost (its registration, its bearer).',
    finding: 'mobile-data-down',
    sources: ['X86'],
    samples: ["2025-03-25T13:07:00+0100 solar-ipc NetworkManager[566]: <info>  [1742908020.1682] device (cdc-wdm0): state change: activated -> failed (reason 'modem-no-carrier', sys-iface-state: 'managed')"],
  },
  {
    id: 'nm.device-failed-modem',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: NMTAGS,
    literal: ["(reason 'modem-", "(reason 'gsm-apn-failed'"],
    pattern: nmStateChange('modem-(?:busy|no-dial-tone|no-carrier|dial-timeout|dial-failed|init-failed)|gsm-apn-failed'),
    summary: 'NetworkManager: {device} went from {from} to {to}: the modem could not connect ({reason})',
    explanation:
      'NetworkManager gave up the mobile connection because the modem could not bring it up: busy, no dial tone, no carrier, a dial that timed out or failed, a modem that did not initialise, or an APN the network refused (gsm-apn-failed). ' +
      'The reason is NetworkManager\'s summary; ModemManager\'s lines at the same time give the modem\'s own error.',
    finding: 'data-session-failed',
    sources: ['X86'],
    samples: [
      "Dec 02 19:54:59 thinkpad NetworkManager[812]: <info>  [1733169299.1234] device (cdc-wdm0): state change: ip-config -> failed (reason 'modem-no-carrier', sys-iface-state: 'managed')",
      "Dec 02 19:55:09 thinkpad NetworkManager[812]: <info>  [1733169309.1234] device (cdc-wdm0): state change: prepare -> failed (reason 'gsm-apn-failed', sys-iface-state: 'managed')",
    ],
  },
  {
    id: 'mm.registration-lost',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: 'egistration state changed (',
    // `searching` counts from a registration only: `unknown -> searching` is a modem being enabled.
    // A denial is mm.registration-denied's.
    pattern: mm('3GPP [Rr]egistration state changed \\((?<from>(?:home|roaming)(?= -> searching\\))|[\\w-]+(?= -> idle\\))) -> (?<to>idle|searching)\\)'),
    // "Not registered", not "lost": from `searching` the modem had no registration to lose.
    summary: 'ModemManager: modem {mmObject} is not registered on a network ({from} -> {to})',
    explanation:
      'The modem is not registered on a mobile network (any more, when it was registered before): "idle" means not registered and not searching, "searching" not registered and looking for a network to register in. ' +
      'There is no mobile data until it registers again.',
    finding: 'registration-failed',
    // A blind probe's healthy laptop: `home -> idle` and `idle -> home` in the same second, twice.
    // A moving router loses coverage in a tunnel or at a border and registers again within a
    // minute (a blind probe's coach: 17-51 s, six times a trip): coverage, not a fault. Longer, or
    // never registered again, it is a registration problem.
    passing: { answeredBy: 'registered', seconds: 60, note: 'registered again' },
    sources: ['X20'],
    samples: [
      'Wed Jun 26 16:38:39 2024 daemon.info [2234]: <inf> [modem0] 3GPP registration state changed (home -> idle)',
      'Mar 15 15:10:37 farmgw ModemManager[701]: <info>  [modem0] 3GPP registration state changed (home -> searching)',
    ],
    counterSamples: [
      'Tue Mar 15 18:22:55 2022 daemon.info [7618]: <info>  [modem0] 3GPP registration state changed (home -> unknown)',
      'Mar 15 14:02:11 farmgw ModemManager[701]: <info>  [modem0] 3GPP registration state changed (unknown -> searching)',
    ],
  },
  {
    id: 'mm.registration-denied',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: ' -> denied)',
    pattern: mm('3GPP [Rr]egistration state changed \\((?<from>[\\w-]+) -> (?<to>denied)\\)'),
    summary: 'ModemManager: the network denied the registration of modem {mmObject} ({from} -> denied)',
    explanation:
      'The network rejected the modem\'s registration ("denied", 3GPP\'s registration status 3): it refuses this SIM or this device on that network. ' +
      'There is no mobile data until it registers again, and a denial is the operator\'s decision: retrying does not change it, even when a later attempt is let in.',
    finding: 'registration-failed',
    advice: 'registrationDenied',
    sources: ['X20', 'X68'],
    samples: [
      'Mar 14 02:13:05 gw ModemManager[741]: <info>  [modem0] 3GPP registration state changed (home -> denied)',
      'Wed Jun 26 16:38:39 2024 daemon.info [2234]: <inf> [modem0] 3GPP registration state changed (searching -> denied)',
    ],
    counterSamples: ['Mar 15 15:10:37 farmgw ModemManager[701]: <info>  [modem0] 3GPP registration state changed (home -> searching)'],
  },
  {
    id: 'mm.registration-changed',
    story: ['registered'],
    storyIf: { field: 'to', values: ['home', 'roaming'] },
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    tags: MMTAGS,
    literal: 'egistration state changed (',
    pattern: mm('3GPP [Rr]egistration state changed \\((?<from>[\\w-]+) -> (?<to>[\\w-]+)\\)'),
    summary: 'ModemManager: registration of {mmObject} {from} -> {to}',
    explanation:
      'Network registration of the modem changed: searching, registering, home, roaming, unknown. "home" or "roaming" means registered. ' +
      'A drop to "unknown" while the modem is being disabled is part of a controlled teardown, not a network problem.',
    sources: ['X20'],
    samples: [
      'Tue Mar 15 18:22:56 2022 daemon.info [7618]: <info>  [modem1] 3GPP registration state changed (registering -> home)',
      'Tue Mar 15 18:22:55 2022 daemon.info [7618]: <info>  [modem0] 3GPP registration state changed (home -> unknown)',
    ],
  },
  {
    id: 'mm.port-timeouts',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: ' consecutive times',
    pattern: mm('port (?<port>\\S+) timed out (?<count>\\d+) consecutive times(?<invalid>, marking modem as invalid)?'),
    summary: 'ModemManager: the modem did not answer on {port} {count} times in a row{invalid}',
    explanation:
      'ModemManager sent commands on this control port (an AT tty, or a QMI/MBIM cdc-wdm port) and got no answer before the timeout, several times in a row; ' +
      'it warns from the second consecutive timeout. At its limit (10 by default) it marks the modem invalid and probes it again from scratch, which drops any data connection. ' +
      'The port exists, but the modem behind it has stopped answering.',
    nextSteps: ['Restart the modem (power-cycle or reset it); if it keeps happening, check its power supply and firmware.'],
    finding: 'modem-unresponsive',
    sources: ['X64'],
    samples: [
      'Sat Aug 20 22:23:46 2022 daemon.warn [3069]: <warn>  [modem0] port ttyUSB2 timed out 8 consecutive times',
      'Sep 17 21:06:28 gw ModemManager[812]: <err> [modem3] port cdc-wdm2 timed out 10 consecutive times, marking modem as invalid',
    ],
    counterSamples: ['Sat Aug 20 22:23:46 2022 daemon.warn [3069]: <warn>  [modem0] couldn\'t load network timezone from the current network'],
  },
  // ModemManager's own view of a USB modem leaving and coming back, where no kernel line shows it
  // (a container's log, `journalctl -u ModemManager`: a blind probe's modem lost and found again
  // had been "no problem"). The kernel removed the port (mm-base-manager.c: the device or its
  // driver went away); a modem object made for the device again is its return (mm-device.c).
  {
    id: 'mm.port-released',
    usb: 'teardown',
    usbEcho: true,
    stack: 'modemmanager',
    subsystem: 'usb',
    severity: 'info',
    tags: MMTAGS,
    literal: ' released by device ',
    pattern: mm("port (?<modemPort>(?<tty>tty\\w+)|\\S+) released by device '(?<sysfs>[^']*?(?:\\/(?<usbPath>\\d{1,3}-[\\d.]{1,40}))?)'"),
    summary: 'ModemManager: the kernel removed the modem\'s port {modemPort}',
    explanation:
      'The kernel removed one of the modem\'s ports (its AT tty, its QMI or MBIM control port, its network interface) and ModemManager let go of it: the modem left the USB bus, or its driver let go of it. ' +
      'With every port gone ModemManager drops the modem; a modem made again for the same device later is its return.',
    sources: ['X152'],
    samples: ["2026-11-03T10:31:02+01:00 apu-gw ModemManager[611]: <info>  [base-manager] port ttyUSB0 released by device '/sys/devices/pci0000:00/0000:00:10.0/usb2/2-1/2-1.3'"],
  },
  {
    id: 'mm.modem-creating',
    usb: 'present',
    usbEcho: true,
    story: ['modem-back'],
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'info',
    tags: MMTAGS,
    literal: 'creating modem with plugin',
    pattern: mm("creating modem with plugin '(?<plugin>[^']{1,40})' and '(?<ports>\\d{1,3})' ports"),
    summary: 'ModemManager: a modem is made for the device (plugin {plugin}, {ports} ports)',
    explanation: 'ModemManager probed the device\'s ports and makes a modem of them with the plugin that supports it: the modem is (back) under its manager, which enables and connects it next.',
    sources: ['X152'],
    samples: ["2026-11-03T10:32:14+01:00 apu-gw ModemManager[611]: <info>  [device /sys/devices/pci0000:00/0000:00:10.0/usb2/2-1/2-1.3] creating modem with plugin 'sierra' and '4' ports"],
  },
  {
    id: 'mm.registration-failed',
    stack: 'modemmanager',
    subsystem: 'network',
    severity: 'warning',
    tags: MMTAGS,
    literal: 'registration in network failed: ',
    pattern: mm('registration in network failed: (?<error>.+)$'),
    summary: 'ModemManager: the modem did not register on a network: {error}',
    explanation:
      'ModemManager asked the modem to register (automatically or on a chosen operator) and checked every few seconds; it gave up. ' +
      '"Network timeout" means the modem was still not registered when the time ran out, "Network not allowed - emergency calls only" that the network denied it. ' +
      'Without registration there is no data connection.',
    nextSteps: ['Check coverage and the antenna, that the radio is on (not in low-power or FCC-locked state), and that the SIM may use this network.'],
    finding: 'registration-failed',
    sources: ['X66', 'X67', 'X69'],
    samples: [
      'ModemManager[33505]: <wrn> [1767016030.372200] [modem0] registration in network failed: Network timeout',
      'Mar 02 09:14:40 thinkpad ModemManager[812]: <wrn> [modem0] registration in network failed: Network not allowed - emergency calls only',
    ],
    counterSamples: ['ModemManager[33505]: <dbg> [1767016030.372188] [modem0] registration in network: timed out'],
  },
  {
    id: 'mm.mbim-deregistered',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: MMTAGS,
    literal: "'deregistered'",
    pattern: /(?:RegisterState = |^\s*state: )'(?<state>deregistered)'/,
    summary: 'ModemManager debug: the MBIM modem reports register state deregistered',
    explanation:
      'In a ModemManager debug trace, the MBIM modem\'s register state (in its answer to a register-state query, or in ModemManager\'s `register state update`) is "deregistered": at that moment it is not registered on a network. ' +
      'The line does not say why. It can mean lost coverage, a network that refused the modem, or a deliberate detach or disconnect; in the published case it was provoked while testing disconnect/reconnect handling. ' +
      'The `NwError` / `nw error` field of the same message and the register-state updates after it tell more: whether a network error was given and whether the modem registered again.',
    nextSteps: ['Look for the next register-state update of the same modem, and for a user or script disconnect (ifdown, `mmcli --simple-disconnect`) just before it.'],
    finding: 'registration-failed',
    sources: ['X20', 'X33', 'X65'],
    samples: ["Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <dbg> [1719412719.507245] [modem0]                  state: 'deregistered'"],
  },

  // ---- AT command answers in any trace (ModemManager debug, gsmd, chat, terminals) [X68] ------
  {
    id: 'at.cme-no-network',
    subsystem: 'network',
    severity: 'warning',
    literal: '+CME ERROR:',
    pattern: cmePattern('registration-failed'),
    summary: 'The modem answered +CME ERROR: {cmeSaid}: it has no usable network',
    explanation:
      'The modem refused an AT command because of the network: +CME ERROR 30 is "no network service", 31 "network timeout", 32 "network not allowed - emergency calls only"; ' +
      '103 "illegal MS", 106 "illegal ME", 107 "GPRS services not allowed", 111 "PLMN not allowed", 112 "location area not allowed" and 113 "roaming not allowed in this location area" are the network rejecting the modem or its subscription. ' +
      'The modem is not registered on a network it may use (in fixture 035 it answered the automatic registration request AT+COPS=0 with 30). No data connection is possible until it registers.',
    nextSteps: ['Check coverage and the antenna, that the radio is switched on, and that the SIM may use a network here (a rejection: ask the operator whether the SIM is active and allowed in this network).'],
    finding: 'registration-failed',
    sources: ['X68', 'X67', 'X69', 'X90'],
    samples: [
      "ModemManager[33505]: <dbg> [1767016030.372109] [wwan0at1/at] <-- '<CR><LF>+CME ERROR: 30<CR><LF>'",
      '+CME ERROR: no network service',
      '+CME ERROR: 111',
      '+CME ERROR: PLMN not allowed',
    ],
    counterSamples: [
      "ModemManager[33505]: <dbg> [1767016030.372109] [wwan0at1/at] <-- '<CR><LF>+CME ERROR: 3<CR><LF>'",
      '+CME ERROR: 10',
      '+CME ERROR: 302',
      '+CME ERROR: 1110',
      "ModemManager[33505]: <dbg> [1767016030.370409] [wwan0at1/at] <-- '<CR><LF>+CEREG: 2,0<CR><LF><CR><LF>OK<CR><LF>'",
    ],
  },
  // The same with the network's reason (+CEREG's and +CREG's n=3 form, X184): a blind probe's
  // RutOS modem, refused LTE with cause 7 and working on 3G, had the cause left unread.
  // Before at.registration-denied: the first entry that matches a line takes it.
  {
    id: 'at.registration-denied-cause',
    subsystem: 'network',
    severity: 'warning',
    literal: REJECT_CAUSE_LITERALS,
    pattern: REJECT_CAUSE_PATTERN,
    summary: 'The network refused the modem\'s registration (+C{service}REG status 3), reject cause {rejectCauseSaid}',
    advice: 'registrationDenied',
    explanation:
      'Registration status 3 is "registration denied", and the n=3 form adds the network\'s reason: cause type 0 is 3GPP TS 24.301\'s EMM cause (7: EPS services not allowed, LTE refused for this SIM while other radio technologies may still work; 11: PLMN not allowed; 13: roaming not allowed in this area; 15: no suitable cells; 2, 3, 6: the SIM or the device refused), type 1 the modem maker\'s own. ' +
      'A cause that refuses the SIM or the network does not go away by retrying: it is the operator\'s answer.',
    finding: 'registration-failed',
    sources: ['X91', 'X184'],
    samples: ['Mon Oct  7 08:14:12 2019 daemon.debug gsmd[1102]: AT+CEREG? -> +CEREG: 3,3,"1F4A","0A3C2105",7,0,7', '+CEREG: 3,"1F4A","0A3C2105",7,0,11'],
    counterSamples: ['+CEREG: 3,1,"1F4A","0A3C2105",7', '+CEREG: 3,"1F4A","0A3C2105",7', '+CEREG: 2,5,"1F4A","0A3C2105",7,0,7'],
  },
  {
    id: 'at.registration-denied',
    subsystem: 'network',
    severity: 'warning',
    literal: REGISTRATION_LITERALS,
    // A stat of 3 in a read's answer or an unsolicited report.
    pattern: registrationPattern('3'),
    summary: 'The modem reports its network registration denied (+C{service}REG status 3)',
    advice: 'registrationDenied',
    explanation:
      'The modem\'s registration status 3 is "registration denied" (+CREG for the circuit-switched network, +CGREG for GPRS, +CEREG for LTE (EPS), +C5GREG for 5G): the network refused the modem or its SIM. ' +
      'Until it registers no data connection is possible; an operator\'s rejection (a SIM not activated, not allowed in this network or roaming) does not go away by retrying.',
    nextSteps: ['Ask the operator whether the SIM is active and allowed in this network; try it in another device.'],
    finding: 'registration-failed',
    // A denial polled again and again (AT+CREG? each few minutes): one finding while the polls go on.
    burstSeconds: 600,
    sources: ['X91'],
    samples: [
      "ModemManager[33505]: <dbg> [1767016030.370409] [wwan0at1/at] <-- '<CR><LF>+CEREG: 2,3<CR><LF><CR><LF>OK<CR><LF>'",
      '+CREG: 3',
      '+CEREG: 3,"00C3","0A1B2C3",7',
      '+CGREG: 0,3',
    ],
    counterSamples: ['+CEREG: 3,1,"00C3","0A1B2C3",7', '+CREG: 0,1', '+CEREG: 2,0', '+CREG: 33', '+CGREG: 1,5'],
  },
  {
    id: 'at.cme-sim',
    subsystem: 'modem',
    severity: 'warning',
    literal: '+CME ERROR:',
    pattern: cmePattern('sim-error'),
    summary: 'The modem answered +CME ERROR: {cmeSaid}: a SIM problem',
    explanation:
      'The modem refused an AT command because of the SIM: +CME ERROR 10 is "SIM not inserted", 11 "SIM PIN required", 12 "SIM PUK required", 13 "SIM failure", 14 "SIM busy", 15 "SIM wrong", 16 "incorrect password" (a wrong PIN), 17 and 18 the PIN2 and PUK2. ' +
      'Whoever sent the command logged the modem\'s answer; until the SIM is ready the modem registers in no network.',
    finding: 'sim-error',
    sources: ['X90'],
    samples: [
      "ModemManager[33505]: <dbg> [1767016030.372109] [wwan0at1/at] <-- '<CR><LF>+CME ERROR: 10<CR><LF>'",
      '+CME ERROR: SIM not inserted',
      'I (5123) modem: AT+CPIN? -> +CME ERROR: 13',
      '+CME ERROR: incorrect password',
    ],
    counterSamples: ['+CME ERROR: 100', '+CME ERROR: 30', '+CME ERROR: 1'],
  },
  {
    id: 'at.cme-data-rejected',
    subsystem: 'network',
    severity: 'warning',
    literal: '+CME ERROR:',
    pattern: cmePattern('data-session-failed'),
    summary: 'The modem answered +CME ERROR: {cmeSaid}: the network refused the data session',
    explanation:
      'The modem could not set up a data session (a PDP context) because the network refused it: +CME ERROR 132 is "service option not supported", 133 "requested service option not subscribed", 134 "service option temporarily out of order", 149 "PDP authentication failure" (the APN\'s user name or password). ' +
      'A wrong APN, credentials or a subscription without data are the usual reasons.',
    finding: 'data-session-failed',
    sources: ['X90'],
    samples: ['+CME ERROR: 149', '+CME ERROR: PDP authentication failure', "[wwan0at0/at] <-- '<CR><LF>+CME ERROR: 133<CR><LF>'"],
    counterSamples: ['+CME ERROR: 1490'],
  },

  // ---- libqmi (inside ModemManager, qmicli) [X70] --------------------------------------------
  {
    id: 'libqmi.transaction-timeout',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['-', 'modemmanager', 'qmicli', 'qmi-proxy'],
    literal: ['transaction 0x', 'Transaction timed out'],
    pattern: /(?:^transaction (?<transaction>0x[0-9a-f]+) aborted, (?:but message is not abortable|but no way to build abort request|building abort request)|QMI operation failed: Transaction timed out)/,
    summary: 'libqmi: a QMI request got no answer from the modem ({transaction})',
    explanation:
      'libqmi gives each QMI request a timeout; when it expires ("Transaction timed out") it aborts the request, and logs "transaction 0x.. aborted, but message is not abortable" ' +
      'when the request cannot be cancelled in the modem (the same line follows a request its caller cancelled). A series of them, one per request, means the modem\'s QMI control port ' +
      '(cdc-wdm) is not answering, and ModemManager cannot use the modem through it.',
    nextSteps: ['Power-cycle the modem; check whether it answers `qmicli -d /dev/cdc-wdm0 --dms-get-revision`, and whether its USB composition is QMI at all.'],
    finding: 'modem-unresponsive',
    sources: ['X70', 'X71'],
    samples: [
      'Sep 12 11:43:08 8e98fe4 ModemManager[10783]: transaction 0x2 aborted, but message is not abortable',
      'Dec 14 10:28:08 71edded ModemManager[1284]: [modem0/bearer0] reloading stats failed: QMI operation failed: Transaction timed out',
    ],
    counterSamples: [
      "Sep 12 11:43:07 8e98fe4 ModemManager[10783]: [/dev/cdc-wdm0] Checking version info (45 retries)...",
      'Sep 12 11:43:06 8e98fe4 ModemManager[10783]: cannot connect to proxy: Could not connect: Connection refused',
      'Mar 02 10:00:00 db01 postgres[812]: ERROR: canceling statement due to lock timeout: Transaction timed out',
    ],
  },

  {
    // ModemManager's AT ports: the error a command that got no answer in time ends with, quoted
    // after what it was for (`couldn't load signal quality: Serial command timed out`). A blind
    // probe's modem silent on its AT port for 23 minutes had been told nothing; the same with
    // QMI's "Transaction timed out" was.
    id: 'mm.serial-command-timeout',
    stack: 'modemmanager',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['-', 'modemmanager'],
    literal: 'Serial command timed out',
    pattern: /(?:^|: )Serial command timed out\b/,
    summary: 'ModemManager: an AT command got no answer from the modem',
    explanation: 'ModemManager sent an AT command on the modem\'s serial port and no answer came before its timeout (mm-port-serial.c\'s "Serial command timed out"); the text before it says what the command was for. A series of them means the modem is not answering on that port; ModemManager gives a port up after ten timeouts in a row.',
    finding: 'modem-unresponsive',
    sources: ['X146', 'X64'],
    samples: ['Sat Apr 18 17:44:10 2026 daemon.warn ModemManager[1602]: <warn>  [modem0] couldn\'t load signal quality: Serial command timed out'],
  },

  // ---- uqmi through netifd ([X21] [X22], fixture 012) ----------------------------------------
  {
    id: 'uqmi.sim-illegal',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['netifd'],
    literal: 'SIM in illegal state',
    envelope: 'iface',
    pattern: proto('SIM in illegal state - Power-cycling SIM'),
    summary: '{iface}: SIM in illegal state, the QMI script power-cycles it',
    explanation:
      'OpenWrt\'s QMI protocol handler read the SIM application state from the modem and found it "illegal" or absent, so it powers the SIM off and on (UIM power-off/on) and checks again. ' +
      'It gives up with SIM_ILLEGAL_STATE after its timeout; until then the interface does not come up. A loop of these lines is a SIM that never initialises.',
    nextSteps: ['Check the SIM (seated, active, works in another device); a modem that needs more time after the SIM power cycle can also loop here.'],
    finding: 'sim-error',
    sources: ['X21', 'O3'],
    samples: ['Sat May 10 10:16:47 2025 daemon.notice netifd: lte (2437): SIM in illegal state - Power-cycling SIM'],
  },
  {
    id: 'uqmi.sim-pin-error',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'modem',
    severity: 'error',
    tags: ['netifd'],
    literal: ['SIM not initialized', 'SIM locked PUK', 'PIN not specified', 'Unable to verify PIN', 'PIN status failed', 'PIN verify count'],
    envelope: 'iface',
    pattern: proto('(?<what>SIM not initialized|SIM locked PUK required|PIN not specified but required|Unable to verify PIN|PIN status failed \\((?<pinStatus>[^)]*)\\)|PIN verify count value is \\d+ this is below the limit of 3)'),
    summary: '{iface}: SIM problem: {what}',
    explanation:
      'OpenWrt\'s QMI protocol handler stopped the connection setup at the SIM: not initialised in time, PUK needed, a PIN required but not configured or refused, ' +
      'or too few PIN attempts left to try. It blocks automatic restarts of the interface until the configuration changes.',
    finding: 'sim-error',
    sources: ['X21', 'O3'],
    samples: ['Sat May 10 10:16:58 2025 daemon.notice netifd: lte (2437): SIM not initialized', 'Sat May 10 10:16:58 2025 daemon.notice netifd: lte (2437): PIN status failed (sim_not_present)'],
  },
  {
    id: 'uqmi.service-connect-failed',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: ['netifd'],
    literal: 'ailed to connect to service',
    envelope: 'iface',
    pattern: proto('"?(?:F|f)ailed to connect to service"?'),
    summary: '{iface}: uqmi could not reach a QMI service of the modem; this setup attempt fails',
    explanation:
      'uqmi could not get a QMI client ID for the service the protocol script needed: the modem\'s QMI control channel did not answer or refused. ' +
      'The QMI command fails, and with it this attempt to bring the mobile interface up. ' +
      'RutOS\'s mobile.sh treats the same uqmi answer as "device not responding" and restarts the modem.',
    finding: 'data-session-failed',
    advice: 'checkQmiChannel',
    sources: ['X22', 'S21', 'O3'],
    samples: ['Sat May 10 10:17:00 2025 daemon.notice netifd: lte (2437): "Failed to connect to service"'],
  },
  {
    id: 'uqmi.registration-failed',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'error',
    tags: ['netifd'],
    literal: 'Network registration failed',
    envelope: 'iface',
    pattern: proto("Network registration failed(?:, registration timeout reached| \\(reason: '(?<reason>[^']*)'\\))"),
    summary: '{iface}: the modem did not register on a network {reason}',
    explanation: 'OpenWrt\'s QMI protocol handler waited for the modem to register on a network and gave up (timeout, or registration denied/unknown). The interface setup fails.',
    finding: 'registration-failed',
    sources: ['X21', 'O3'],
    samples: ["Sat May 10 10:18:20 2025 daemon.notice netifd: lte (2437): Network registration failed (reason: 'registration_denied')"],
  },
  // qmi.sh's own steps as it sets the interface up (X21): no trouble, but they say the interface is
  // a modem's (`modemInterface`), whatever the user named it, so its losses are the mobile
  // connection's (a blind probe's OpenWrt `wwan`, lost four times in 25 minutes, had no story).
  {
    id: 'uqmi.setup-step',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: ['netifd'],
    literal: ['Waiting for SIM initialization', 'Waiting for network registration', 'Starting network '],
    envelope: 'iface',
    pattern: proto('(?<step>Waiting for SIM initialization|Waiting for network registration|Starting network \\S+)'),
    summary: '{iface}: the QMI protocol script sets the modem\'s connection up: {step}',
    explanation: 'OpenWrt\'s QMI protocol handler sets the interface up on the modem: it waits for the SIM, then for the network registration, then starts the data session. The interface is the modem\'s.',
    sources: ['X21', 'O3'],
    samples: ['Fri Mar  8 02:16:45 2024 daemon.notice netifd: wwan (4410): Waiting for SIM initialization', 'Fri Mar  8 02:17:31 2024 daemon.notice netifd: wwan (4410): Starting network wwan'],
  },
  {
    id: 'uqmi.data-call-failed',
    modemInterface: true,
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'error',
    tags: ['netifd'],
    // `Unable to connect, check APN and authentication`: older qmi.sh and mbim.sh (still in vendors' forks).
    literal: ['Unable to connect IPv', 'No data link!', 'Unable to obtain client ID', 'Unable to connect, check APN'],
    envelope: 'iface',
    pattern: proto('(?<what>Unable to connect IPv[46]|No data link!|Unable to obtain client ID|Unable to connect, check APN and authentication)'),
    summary: '{iface}: data session not started: {what}',
    explanation: 'OpenWrt\'s QMI protocol handler could not start the data session (the start-network call failed, or the modem reported no data link); the interface setup fails and netifd retries.',
    finding: 'data-session-failed',
    sources: ['X21', 'O3'],
    samples: ['Sat May 10 10:19:05 2025 daemon.notice netifd: lte (2437): Unable to connect IPv4', 'Sat May 10 10:19:05 2025 daemon.notice netifd: wwan (2214): Unable to connect, check APN and authentication'],
  },

  // ---- pppd / chat ([X23] [X24]) ------------------------------------------------------------
  // pppd names its link's device once, as the link starts (`Connect: ppp0 <--> /dev/ttyUSB0`): a
  // serial port is a modem's; an Ethernet interface (PPPoE) or a pseudo-terminal (`/dev/pts/5`:
  // PPTP) is not. The lines that end a link name no device: they take the last one (`recall`) and
  // are the data connection's trouble only over a serial port (SERIAL_LINK).
  {
    id: 'ppp.connect',
    subsystem: 'network',
    severity: 'info',
    tags: ['pppd'],
    literal: 'Connect: ',
    pattern: /^Connect: (?<pppIface>\S+) <--> (?<pppDevice>\S+)/,
    summary: 'pppd: PPP link {pppIface} over {pppDevice}',
    explanation:
      'pppd starts negotiating a PPP link on its device. A serial port (`/dev/ttyUSB0`, `/dev/ttyACM0`) is a modem\'s: the dial-up (chat) script has already dialled; ' +
      'an Ethernet interface is PPPoE (a DSL or fibre line) and a pseudo-terminal (`/dev/pts/...`) a tunnel such as PPTP, neither of them a modem.',
    remember: ['pppDevice'],
    heldBefore: ['pppDevice'],
    sources: ['X23'],
    samples: ['May 20 14:23:10 router pppd[536]: Connect: ppp0 <--> /dev/ttyUSB0', 'Thu Mar  6 07:45:08 2025 daemon.notice pppd[2231]: Connect: pppoe-wan <--> eth0.2'],
  },
  {
    id: 'ppp.ip-up',
    story: ['data-up'],
    subsystem: 'network',
    severity: 'info',
    tags: ['pppd'],
    literal: 'IP address',
    pattern: /^local {1,2}IP address (?<ip>\S+)/,
    summary: 'pppd: the link has an IP address ({ip})',
    explanation: 'IPCP finished: the other end gave the link its IP address, and data can flow over it.',
    sources: ['X23'],
    samples: ['Thu Mar  6 07:45:10 2025 daemon.notice pppd[2231]: local  IP address 37.157.44.12'],
  },
  {
    id: 'ppp.negotiation-timeout',
    subsystem: 'network',
    severity: 'warning',
    tags: ['pppd'],
    literal: 'timeout sending Config-Requests',
    pattern: /^(?<proto>LCP|IPCP|IPV6CP|CCP|ECP): timeout sending Config-Requests/,
    summary: 'pppd: no answer to its {proto} configuration requests, the link is given up',
    explanation:
      'pppd sent its {proto} configuration requests the configured number of times and nothing answered, so the link never came up. ' +
      'Over a modem\'s serial port the dial connected but nothing PPP came back over it.',
    recall: ['pppDevice'],
    finding: 'data-session-failed',
    findingIf: SERIAL_LINK,
    sources: ['X23'],
    samples: ['May 23 01:09:01 ubuntu pppd[1636]: LCP: timeout sending Config-Requests'],
  },
  {
    id: 'ppp.connect-script-failed',
    subsystem: 'network',
    severity: 'error',
    tags: ['pppd'],
    literal: 'Connect script failed',
    pattern: /^Connect script failed/,
    summary: 'pppd: the dial-up (chat) script failed',
    recall: ['chatExpect'],
    explanation:
      'pppd runs a connect script (normally chat) that sends AT commands to the modem and dials. It exited with an error, so no PPP link was established: ' +
      'the modem did not answer as expected, answered with an abort string (NO CARRIER, ERROR...), or timed out. The chat lines just before tell which.',
    finding: 'data-session-failed',
    sources: ['X23', 'X24'],
    samples: ['May 20 14:23:05 router pppd[536]: Connect script failed'],
  },
  {
    // chap-new.c chap_handle_status(): the peer's failure message at info level, then the error
    // alone; upap.c the same for PAP. A blind probe's router whose login the network refused three
    // times had been told only of the hang-up after it.
    id: 'ppp.auth-failed',
    subsystem: 'network',
    severity: 'error',
    tags: ['pppd'],
    literal: 'authentication failed',
    // The error line alone: the info line before it with the peer's message is the same refusal (ppp.auth-refused-message).
    pattern: /^(?<authProto>CHAP|PAP|EAP) authentication failed\s*$/,
    summary: 'pppd: the network refused the {authProto} login',
    explanation:
      'pppd sent the configured username and password and the other end of the link refused them (its message follows the colon, when it gave one): the link is closed and no data connection comes up. ' +
      'Over a modem that is the operator\'s network refusing the login for this APN; for PPPoE it is the ISP.',
    recall: ['pppDevice'],
    finding: 'data-session-failed',
    findingIf: SERIAL_LINK,
    advice: 'pppLoginRefused',
    sources: ['X23'],
    samples: ['Mar 11 08:01:20 R1510 pppd[4422]: CHAP authentication failed', 'Jun  2 10:00:01 gw pppd[812]: PAP authentication failed'],
    counterSamples: ['Mar 11 08:01:20 R1510 pppd[4422]: CHAP authentication succeeded'],
  },
  {
    id: 'ppp.auth-refused-message',
    subsystem: 'network',
    severity: 'info',
    tags: ['pppd'],
    literal: 'authentication failed: ',
    pattern: /^(?<authProto>CHAP|PAP|EAP) authentication failed: (?<reason>.+)/,
    summary: 'pppd: the other end refused the {authProto} login: "{reason}"',
    explanation: 'What the other end of the link said when it refused the login (its failure message, which pppd prints before its own error line).',
    sources: ['X23'],
    samples: ['Mar 11 08:01:20 R1510 pppd[4422]: CHAP authentication failed: Authentication failure'],
  },
  {
    id: 'ppp.modem-hangup',
    subsystem: 'network',
    severity: 'warning',
    tags: ['pppd'],
    literal: 'Modem hangup',
    pattern: /^Modem hangup/,
    summary: 'pppd: the link\'s device hung up',
    explanation:
      'pppd read end-of-file from the device under the PPP link and ends the connection. With a cellular modem that is a hang-up of the serial/USB port; ' +
      'pppd prints the same text for PPPoE and other links, so on its own it says nothing about a modem: it is the data connection\'s loss only after a link over a serial port.',
    recall: ['pppDevice'],
    finding: 'mobile-data-down',
    findingIf: SERIAL_LINK,
    sources: ['X23'],
    samples: ['Nov 23 12:07:15 localhost pppd[3841]: Modem hangup'],
  },
  {
    id: 'ppp.terminated-by-peer',
    subsystem: 'network',
    severity: 'warning',
    tags: ['pppd'],
    literal: 'terminated by peer',
    pattern: /^(?<proto>LCP|IPCP|IPV6CP|CCP) terminated by peer(?: \((?<reason>[^)]*)\))?/,
    summary: 'pppd: the other end closed the PPP link ({proto}) {reason}',
    explanation: 'The other end of the PPP link (the modem\'s network side, or the ISP for PPPoE) sent a terminate request; the text in parentheses is the reason it gave.',
    recall: ['pppDevice'],
    finding: 'mobile-data-down',
    findingIf: SERIAL_LINK,
    sources: ['X23'],
    samples: ['Jan 14 20:24:31 laptop pppd[5168]: LCP terminated by peer', 'Feb 18 01:47:01 laptop pppd[31906]: LCP terminated by peer (peer refused to authenticate)'],
  },
  // lcp.c LcpLinkFailure(): the two lines of one failure, the first at info level, the second at
  // notice (a syslog that keeps notices only has the second): one summary each, so a failure is
  // not told "2 times" (a blind probe's one drop had been).
  {
    id: 'ppp.echo-timeout',
    subsystem: 'network',
    severity: 'warning',
    tags: ['pppd'],
    literal: 'echo-requests',
    pattern: /^No response to (?<count>\d+) echo-requests/,
    summary: 'pppd: no answer to {count} link keep-alives (LCP echo requests)',
    explanation: 'pppd sends LCP echo requests as keep-alives; after the configured number went unanswered it declares the serial link disconnected and closes it (pppd says "serial link" for any link).',
    recall: ['pppDevice'],
    finding: 'mobile-data-down',
    findingIf: SERIAL_LINK,
    sources: ['X23'],
    samples: ['May 20 15:02:11 router pppd[536]: No response to 4 echo-requests'],
  },
  {
    id: 'ppp.link-dead',
    subsystem: 'network',
    severity: 'warning',
    tags: ['pppd'],
    literal: 'Serial link appears to be disconnected',
    pattern: /^Serial link appears to be disconnected\./,
    summary: 'pppd: the link is considered dead and closed',
    explanation: 'pppd declares the link dead after its keep-alives (LCP echo requests) went unanswered, and closes it (pppd says "serial link" for any link); the line before it says how many went unanswered.',
    recall: ['pppDevice'],
    finding: 'mobile-data-down',
    findingIf: SERIAL_LINK,
    sources: ['X23'],
    samples: ['May 20 15:02:11 router pppd[536]: Serial link appears to be disconnected.'],
  },
  // ---- wvdial ([X187]) -----------------------------------------------------------------------
  // wvdial dials a modem and runs pppd on its port: a dialler for modems alone, so the pppd it
  // reports dead was a modem's link even where pppd's own `Connect:` line is before the paste (a
  // blind probe's industrial PC, whose link pppd lost after 412 minutes, had no story). Its lines
  // come as its stderr wrote them (`--> `) or as WvLog's (`WvDial<*1>: `).
  {
    id: 'wvdial.pppd-died',
    subsystem: 'network',
    severity: 'warning',
    tags: ['wvdial', '-'],
    literal: 'The PPP daemon has died',
    pattern: /^(?:--> |WvDial<[^>]{1,16}>: )?The PPP daemon has died(?:: (?<reason>[^(]{1,80}?))?\.?(?: \(exit code = (?<exitCode>\d{1,3})\))?\s*$/,
    summary: 'wvdial: pppd ended, the modem\'s data link is down ({reason})',
    explanation:
      'wvdial started pppd on the modem\'s port after dialling, and pppd exited: the PPP link over the modem is gone. Its exit code says why (pppd\'s man page): 16 the modem hung up, 15 the link\'s keep-alives went unanswered, 19 the login was refused, 8 the dial script failed, 7 the port could not be opened. ' +
      'With Auto Reconnect on, wvdial dials again after a few seconds (doubling the wait after each short call, up to 10 minutes).',
    finding: 'mobile-data-down',
    sources: ['X187', 'X23'],
    samples: [
      'Mar  4 14:41:56 ipc-line4 wvdial[1880]: --> The PPP daemon has died: A modem hung up the phone (exit code = 16)',
      '--> The PPP daemon has died: Authentication error.',
    ],
  },
  {
    id: 'wvdial.modem-not-responding',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['wvdial', '-'],
    literal: 'Modem not responding.',
    pattern: /^(?:--> |WvDial<[^>]{1,16}>: )?Modem not responding\.\s*$/,
    summary: 'wvdial: the modem did not answer its init string, even sent again',
    explanation: 'wvdial sent the modem an init string, got no OK or ERROR within 5 seconds, sent it again and still got nothing: the modem is not answering on that port (the wrong port, a port another program holds, or a hung modem).',
    finding: 'modem-unresponsive',
    sources: ['X187'],
    samples: ['Mar  4 14:42:07 ipc-line4 wvdial[1880]: --> Modem not responding.'],
  },
  {
    // What chat waits for: the modem's `OK` to a plain AT command, or `CONNECT` to the dial. A
    // timeout waiting for `OK` is a modem silent on that port, not the network (two blind probes:
    // a Raspberry Pi whose port ModemManager held, a hung 3G stick, told "check the APN").
    id: 'chat.expect',
    subsystem: 'network',
    severity: 'info',
    tags: ['chat'],
    literal: 'expect (',
    pattern: /^expect \((?<chatExpect>[^)]*)\)/,
    summary: 'chat: waits for the modem to answer {chatExpect}',
    explanation: 'chat sent its last string to the modem and waits for this answer until its timeout (`alarm`).',
    remember: ['chatExpect'],
    sources: ['X24'],
    samples: ['Mar 12 10:15:02 raspberrypi chat[501]: expect (OK)', 'May 20 14:22:20 router chat[537]: expect (CONNECT)'],
  },
  {
    id: 'chat.alarm',
    subsystem: 'network',
    severity: 'warning',
    tags: ['chat'],
    literal: 'alarm',
    pattern: /^alarm\s*$/,
    recall: ['chatExpect'],
    summary: 'chat: timed out waiting for the modem\'s answer',
    explanation: 'chat\'s timeout expired before the modem sent the expected answer: the modem is silent or on the wrong port.',
    sources: ['X24'],
    samples: ['May 20 14:22:35 router chat[537]: alarm'],
  },
  {
    id: 'chat.failed',
    subsystem: 'network',
    severity: 'error',
    tags: ['chat'],
    literal: 'Failed',
    pattern: /^Failed(?: \((?<reason>[^)]*)\))?\s*$/,
    summary: 'chat: dial script failed {reason}',
    recall: ['chatExpect'],
    explanation:
      'The expected answer did not come: in parentheses the abort string the modem answered with (e.g. NO CARRIER, ERROR), without one a timeout. ' +
      'chat exits and pppd logs `Connect script failed`. The `abort on (...)` lines at the start of a chat run are only its configuration.',
    finding: 'data-session-failed',
    sources: ['X24'],
    samples: ['May 20 14:22:35 router chat[537]: Failed (NO CARRIER)', 'May 13 15:11:45 wrt350n local2.info chat[4403]: Failed'],
    counterSamples: [
      'May 13 15:11:14 wrt350n local2.info chat[4403]: abort on (NO CARRIER)',
      '<6>May 20 14:22:18 chat[537]: abort on (NO CARRIER)',
      'May 13 15:11:14 wrt350n local2.info chat[4403]:  -- got it',
    ],
  },

  // ---- quectel-cm ([X25], fixture 050) ------------------------------------------------------
  {
    id: 'quectel-cm.qmux-error',
    subsystem: 'network',
    severity: 'warning',
    tags: QUECTEL_CM,
    literal: 'QMUXResult = 0x',
    pattern: new RegExp(QCM + '(?<func>\\w+) QMUXResult = 0x(?<result>[0-9a-fA-F]+), QMUXError = 0x(?<qmiError>[0-9a-fA-F]+)(?: \\[(?<errorName>[^\\]]*)\\])?'),
    summary: 'quectel-cm: {func} refused by the modem (QMI error 0x{qmiError} {errorName})',
    explanation:
      'quectel-cm (Quectel\'s connection manager) sent a QMI request and the modem answered with an error. ' +
      'For `requestSetupDataCall` the data call was refused (the `call_end_reason` lines after it give the network\'s reason) and quectel-cm retries.',
    finding: 'data-session-failed',
    findingIf: { field: 'func', values: ['requestSetupDataCall'] },
    sources: ['X25', 'O3'],
    samples: [
      'Wed Apr 17 17:20:25 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:25:102] requestSetupDataCall QMUXResult = 0x1, QMUXError = 0xe',
      '[04-17_17:20:25:102] requestSetupDataCall QMUXResult = 0x1, QMUXError = 0xe [QMI_ERR_CALL_FAILED]',
    ],
    counterSamples: QUECTEL_CM_NORMAL,
  },
  {
    id: 'quectel-cm.call-end-reason',
    subsystem: 'network',
    severity: 'warning',
    tags: QUECTEL_CM,
    literal: 'call_end_reason',
    pattern: new RegExp(QCM + 'call_end_reason(?<kind>_type|_verbose)? is (?<reason>\\d+)'),
    summary: 'quectel-cm: data call ended, reason{kind} {reason}',
    explanation: 'After a refused data call quectel-cm prints the QMI call end reason codes the modem returned: why the network or the modem ended the call.',
    finding: 'data-session-failed',
    sources: ['X25', 'O3'],
    samples: ['Wed Apr 17 17:20:25 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:25:103] call_end_reason_verbose is 33'],
    counterSamples: QUECTEL_CM_NORMAL,
  },
  {
    id: 'quectel-cm.ps-detached',
    subsystem: 'network',
    severity: 'warning',
    tags: QUECTEL_CM,
    literal: 'PS: Detached',
    pattern: new RegExp(QCM + 'requestRegistrationState2? MCC: (?<mcc>\\d+), MNC: (?<mnc>\\d+), PS: Detached, DataCap: (?<dataCap>\\S+)'),
    summary: 'quectel-cm: the modem sees network {mcc}-{mnc} but is not attached for packet data (PS: Detached)',
    explanation:
      'quectel-cm asked the modem its registration: it sees a network (MCC {mcc}, MNC {mnc}) but its packet-switched service is detached, so no data call can start; quectel-cm waits and asks again. ' +
      'Detached for a moment while the modem attaches is normal; staying detached means the network does not let this SIM attach for data (the subscription, roaming, or the network refusing it).',
    finding: 'registration-failed',
    // Attached again soon is the modem attaching, as it does after a start.
    passing: { answeredBy: 'registered', seconds: 60, note: 'attached' },
    sources: ['X25'],
    samples: ['Wed Apr 17 17:20:25 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:25:102] requestRegistrationState2 MCC: 234, MNC: 15, PS: Detached, DataCap: LTE'],
    counterSamples: [...QUECTEL_CM_NORMAL, '[04-17_17:20:25:102] requestRegistrationState2 MCC: 234, MNC: 15, PS: Attached, DataCap: LTE'],
  },
  {
    id: 'quectel-cm.ps-attached',
    story: ['registered'],
    subsystem: 'network',
    severity: 'info',
    tags: QUECTEL_CM,
    literal: 'PS: Attached',
    pattern: new RegExp(QCM + 'requestRegistrationState2? MCC: (?<mcc>\\d+), MNC: (?<mnc>\\d+), PS: Attached, DataCap: (?<dataCap>\\S+)'),
    summary: 'quectel-cm: the modem is attached for packet data on network {mcc}-{mnc} ({dataCap})',
    explanation: 'quectel-cm asked the modem its registration: it is attached to the network\'s packet-switched service, so a data call can start.',
    sources: ['X25'],
    samples: ['Wed Apr 17 17:20:25 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:25:102] requestRegistrationState2 MCC: 234, MNC: 15, PS: Attached, DataCap: LTE'],
  },
  {
    id: 'quectel-cm.no-response',
    subsystem: 'network',
    severity: 'warning',
    tags: QUECTEL_CM,
    literal: ' err = ',
    pattern: new RegExp(QCM + '(?<func>request\\w+) err = (?<err>-?\\d+)'),
    summary: 'quectel-cm: {func} got no answer from the modem (err {err})',
    explanation: 'quectel-cm got no valid QMI response to this request (sending failed or timed out): the modem\'s QMI channel is not answering.',
    sources: ['X25', 'O3'],
    samples: ['Wed Apr 17 17:22:25 2024 daemon.notice netifd: wwan (3379): [04-17_17:22:25:110] requestSetupDataCall err = -110'],
    counterSamples: QUECTEL_CM_NORMAL,
  },

  // ---- libqmi: qmicli, qmi-network, ModemManager's QMI bearer ([X97]) ------------------------
  // Printed as libqmi words it by whatever runs it: qmicli on a console, the qmi-network script
  // under systemd or cron, ModemManager's bearer; so any program, any tag.
  {
    // The call end reason's short form, printed before the verbose one (qmicli-wds.c, X97):
    // `generic-no-service`, `generic-fade`, `generic-unspecified`.
    id: 'qmi.call-end-reason-generic',
    subsystem: 'network',
    severity: 'warning',
    literal: 'call end reason (',
    pattern: /(?<!verbose )\bcall end reason \((?<code>\d+)\): (?<reason>[a-z][\w-]*)\s*$/,
    summary: 'The data call was refused or ended: {reason} ({code})',
    explanation: 'The modem reports why the data call was refused or ended, in libqmi\'s words: generic-no-service means the modem had no network service to carry the call (not registered, no coverage), generic-fade that the signal faded, generic-client-end that the host ended it; a verbose reason on the next line often says more.',
    finding: 'data-session-failed',
    findingIf: { field: 'reason', pattern: /^(?!generic-client-end$|generic-release-normal$)/ },
    generalReason: true,
    sources: ['X97'],
    samples: ['Dec  7 11:02:06 qmi-connect[607]: qmicli: call end reason (3): generic-no-service', 'call end reason (2): generic-client-end'],
  },
  {
    id: 'qmi.call-end-reason',
    subsystem: 'network',
    severity: 'warning',
    literal: 'call end reason (',
    pattern: /\bverbose call end reason \((?<type>\d+),(?<code>-?\d+)\): \[(?<kind>[\w-]+)\] (?<reason>[\w-]+)/,
    summary: 'The data call was refused or ended: {kind} reason {reason} ({type},{code})',
    explanation:
      'The modem reports why the data call (the PDN connection) was refused or ended, as libqmi names the reason. Of the 3GPP reasons (the network\'s session management causes): ' +
      'unknown-apn: the network does not know the APN; option-unsubscribed, operator-determined-barring: the SIM\'s subscription does not allow this connection (no data plan, data barred); authentication-failed: the APN\'s user name or password; ' +
      'ipv4-only-allowed, ipv6-only-allowed: the IP type asked for; insufficient-resources, network-failure, option-temporarily-out-of-order: the network\'s side, for now; regular-deactivation: a normal disconnect, no failure.',
    nextSteps: ['Compare the reason with the connection settings: the APN, its credentials and IP type for unknown-apn or authentication-failed, the operator for option-unsubscribed or barring (the SIM\'s plan), and retry later for the network\'s own failures.'],
    finding: 'data-session-failed',
    findingIf: { field: 'reason', pattern: /^(?!regular-deactivation$)/ },
    sources: ['X97'],
    samples: [
      'Mar 15 09:12:03 edge qmi-network[512]: verbose call end reason (6,33): [3gpp] option-unsubscribed',
      'Mar 15 09:12:03 pi ModemManager[701]: <info>  [modem0/bearer1] verbose call end reason (6,27): [3gpp] unknown-apn',
      'verbose call end reason (6,36): [3gpp] regular-deactivation',
    ],
    counterSamples: ['call end reason (1): generic-unspecified'],
  },
  {
    id: 'qmi.start-network-failed',
    subsystem: 'network',
    severity: 'warning',
    literal: "couldn't start network",
    pattern: /\berror: couldn't start network: (?<error>.+)$/,
    summary: 'qmicli could not start the data call: {error}',
    explanation: 'qmicli (run by hand or by the qmi-network script) asked the modem to start the data call and the modem refused it; for a refused call (CallFailed) the lines after it give the reason.',
    finding: 'data-session-failed',
    sources: ['X97'],
    samples: ["Mar 15 09:12:03 edge qmi-network[512]: error: couldn't start network: QMI protocol error (14): 'CallFailed'"],
    counterSamples: ['network started'],
  },

  // ---- Technicolor mobiled (fixture 038 [X30]) ----------------------------------------------
  {
    id: 'mobiled.pdn-setup-failed',
    subsystem: 'network',
    severity: 'warning',
    tags: ['mobiled'],
    literal: 'Data session setup attempt for PDN ',
    pattern: /^Data session setup attempt for PDN (?<pdn>\d+) failed with error "(?<error>[^"]*)"/,
    summary: 'mobiled: data session for PDN {pdn} failed: {error}',
    explanation:
      'Technicolor\'s mobile daemon could not set up the mobile data session (PDN {pdn}); the error comes from the network or modem. ' +
      'The mobile interface is torn down again. In the published case it failed with "Network failure" for SIMs of other operators than the router\'s carrier.',
    nextSteps: ['Check the APN for this SIM and whether the router is locked to one carrier.'],
    finding: 'data-session-failed',
    sources: ['X30'],
    samples: ['Mon Jan 22 21:49:50 2024 daemon.warn mobiled: Data session setup attempt for PDN 0 failed with error "Network failure"'],
  },

  // ---- comgt (OpenWrt 3g protocol, [X72], fixture 029 [X73]) --------------------------------
  // comgt prints its script errors as `comgt HH:MM:SS -> Error @pos, line n, <text>. (<exit>)`,
  // through netifd (`provider (9858): comgt ...`) or on a terminal.
  {
    id: 'comgt.com-write-failed',
    subsystem: 'modem',
    severity: 'error',
    tags: ['netifd', 'comgt', 'gcom', '-'],
    literal: 'Could not write to COM device',
    pattern: /^(?:comgt \d{2}:\d{2}:\d{2} -> )?Error @\d+, line \d+, Could not write to COM device\.? \((?<exit>\d+)\)/,
    summary: 'comgt could not write to the modem\'s serial port',
    explanation:
      'comgt (the AT-script tool of OpenWrt\'s 3g/PPP protocol) writes its script\'s commands to the modem\'s tty byte by byte; write() failed, so comgt stopped the script with exit code {exit}. ' +
      'The device node is open but the modem behind it does not take data: it has hung, reset or left the USB bus. The connection setup fails with it.',
    nextSteps: ['Look for USB disconnects of the modem at that time; power-cycle or re-plug the modem (a USB power reset is what helped in the published case).'],
    finding: 'modem-write-failure',
    sources: ['X72', 'X73'],
    samples: [
      'daemon.notice netifd: provider (9858): comgt 12:02:15 -> Error @118, line 9, Could not write to COM device. (1)',
      'comgt 09:52:30 -> Error @139, line 8, Could not write to COM device. (1)',
    ],
    counterSamples: [
      'daemon.notice netifd: provider (9858): comgt 12:02:15 -> -- Error Report --',
      'daemon.notice netifd: provider (9858): comgt 12:02:15 -> ---->                  ^',
    ],
  },
  {
    id: 'comgt.script-error',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['netifd', 'comgt', 'gcom', '-'],
    literal: '-> Error @',
    pattern: /^comgt \d{2}:\d{2}:\d{2} -> Error @\d+, line \d+, (?<error>.*?)\.? \((?<exit>\d+)\)\s*$/,
    summary: 'comgt stopped: {error}',
    explanation:
      'comgt ran into an error in its script and exited with code {exit}; the modem command it was running did not complete, so this attempt to set up the connection fails. ' +
      'Errors with exit code 1 concern the modem\'s serial device (opening or configuring it).',
    sources: ['X72'],
    samples: ['comgt 10:11:12 -> Error @52, line 3, Can\'t ioctl set device. (1)'],
    counterSamples: ['comgt 12:02:15 -> -- Error Report --'],
  },

  // ---- gammu ([X26], fixture 024) -----------------------------------------------------------
  {
    id: 'gammu.serial-write-error',
    stack: 'gammu',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gammu-smsd', 'gammu'],
    literal: 'serial_write, ',
    pattern: /\[System error\s+- serial_write, (?<errno>\d+), "(?<text>[^"]*)"\]/,
    summary: 'gammu could not write to the modem: errno {errno} ({errnoName})',
    explanation:
      'gammu\'s write() to the modem\'s serial port failed. errno 5 (EIO) is what the kernel returns for a write to a tty that has been hung up, ' +
      'which happens when the USB device behind it has gone: the modem dropped off the bus or reset while the port was open.',
    nextSteps: ['Look for kernel `USB disconnect` lines at that time; check the device node still points at the modem.'],
    finding: 'modem-write-failure',
    sources: ['X26', 'K4', 'K5'],
    samples: ['Nov 18 19:29:35 pi gammu-smsd[1062]: gammu: [System error     - serial_write, 5, "Input/output error"]'],
  },
  {
    id: 'gammu.short-write',
    stack: 'gammu',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['gammu-smsd', 'gammu'],
    literal: 'Wanted to write ',
    pattern: /Wanted to write (?<wanted>\d+) bytes, but (?<written>\d+) were written/,
    summary: 'gammu wrote {written} of {wanted} bytes to the modem',
    explanation: 'Follows a failed serial write: the command did not (fully) reach the modem.',
    finding: 'modem-write-failure',
    sources: ['X26'],
    samples: ['Nov 18 19:29:35 pi gammu-smsd[1062]: gammu: Wanted to write 1 bytes, but 0 were written'],
  },
  {
    id: 'gammu.device-write-error',
    stack: 'gammu',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['gammu-smsd', 'gammu'],
    literal: 'DEVICEWRITEERROR',
    pattern: /DEVICEWRITEERROR\[\d+\]/,
    summary: 'gammu: error writing to the device (DEVICEWRITEERROR)',
    explanation: 'gammu\'s generic result of the failed serial write: model detection, connection init and the daemon\'s communication all fail with it; gammu-smsd then restarts the connection.',
    finding: 'modem-write-failure',
    sources: ['X26'],
    samples: [
      'Nov 18 19:29:35 pi gammu-smsd[1062]: gammu: Init:GSM_TryGetModel failed with error DEVICEWRITEERROR[11]: Error writing to the device.',
      'Nov 18 19:29:35 pi gammu-smsd[1062]: Error at init connection: Error writing to the device. (DEVICEWRITEERROR[11])',
    ],
  },

  // ---- Victron dbus-modem (fixture 044 [X31]) -----------------------------------------------
  {
    id: 'dbus-modem.read-error',
    stack: 'embedded',
    subsystem: 'modem',
    severity: 'error',
    tags: ['-', 'dbus-modem'],
    literal: 'Read error, quitting',
    pattern: /^Read error, quitting\s*$/,
    summary: 'dbus-modem: reading from the modem failed, the service quits',
    explanation:
      'Victron\'s modem service (dbus-modem on Venus OS) could not read from the modem\'s serial port and exits (`End. Run time ...` follows); in the published log it was started again about 12 s later. ' +
      'The line does not say why the read failed: the modem resetting, leaving the USB bus, or its port no longer answering all fit, and the USB side is not in this log. ' +
      'In the published case it repeated about every 1.5 minutes, and the reporter suspected a hardware fault in the modem that also kept its watchdog resets from working.',
    nextSteps: ['Check the kernel log (`dmesg`) for USB disconnects or re-enumerations of the modem at the same times, and how regular the run times between restarts are.'],
    finding: 'modem-read-failure',
    sources: ['X31'],
    samples: ['2018-08-28 13:58:33.374040500 ERROR    Read error, quitting'],
  },

  // ---- ESP-IDF USB host with a cellular module (esp-iot-solution [X74], ESP-IDF [X75], fixture 049 [X76])
  // An ESP32-S2/S3 has one USB host port; its USB Host Library names a device by its bus address
  // (`Device 1 gone`), which is also what the CDC driver logs when it opens it, so that address is
  // the key the USB detectors follow the module by.
  {
    id: 'esp-usbh.device-connected',
    stack: 'embedded',
    subsystem: 'usb',
    usb: 'present',
    severity: 'info',
    tags: ['usbh_cdc', 'usbh', '-'],
    literal: ['Opened cdc device: ', 'New device connected, address: '],
    pattern: /(?:^|: )(?:Opened cdc device: (?<usbPath>\d+)|New device connected, address: (?<addr>\d+))\s*$/,
    summary: 'ESP USB host: the cellular module is on the bus (USB address {usbPath}{addr})',
    explanation:
      'The ESP-IDF USB host found a device and the CDC driver opened it: the 4G module is on the bus. esp-iot-solution\'s modem board then waits a few seconds ' +
      '("reconnect after 5s...") and dials; that countdown follows every connection of the module, the first one too.',
    sources: ['X74'],
    samples: ['I (21111) USBH_CDC: Opened cdc device: 1', 'I (7647) USBH_CDC: New device connected, address: 1'],
    counterSamples: ['I (22116) modem_board: reconnect after 5s...', 'E (21111) USBH_CDC: Failed to open cdc device: 1'],
  },
  {
    id: 'esp-usbh.device-gone',
    stack: 'embedded',
    subsystem: 'usb',
    usb: 'gone',
    severity: 'warning',
    tags: ['usbh', '-'],
    literal: 'Device ',
    pattern: /(?:^|: )Device (?<usbPath>\d+) gone\s*$/,
    summary: 'ESP USB host: the device at USB address {usbPath} left the bus',
    explanation:
      'The ESP-IDF USB Host Library reports that the device disappeared from the port: the 4G module reset, lost power or was unplugged. ' +
      'Its CDC ports close and the modem board stops the data connection until the module is back.',
    finding: 'usb-disconnect',
    sources: ['X75', 'X74', 'X76'],
    samples: ['E (26192) USBH: Device 1 gone'],
    counterSamples: ['W (26202) 4g_main: Modem Board Event: USB disconnected'],
  },
  {
    id: 'esp-modem-board.event',
    stack: 'embedded',
    subsystem: 'modem',
    severity: 'info',
    tags: ['4g_main', 'iot_modem', '-'],
    literal: 'Modem Board Event: ',
    pattern: /^Modem Board Event: (?<event>USB disconnected|USB connected|Hardware restart(?: done)?|Network disconnected|Network connected|SIM Card disconnected|SIM Card Connected)\s*$/,
    summary: 'ESP modem board: {event}',
    explanation:
      'The application\'s view of esp-iot-solution\'s modem board events: the module\'s USB link (DTE) connected or disconnected, the board restarted the module ' +
      '("Hardware restart"), the PPP data connection came up or went down, or the SIM state changed. ' +
      '"Network disconnected" is also posted each time the board starts dialing, so it is not a failure by itself.',
    sources: ['X74', 'X76'],
    samples: ['W (26202) 4g_main: Modem Board Event: USB disconnected', 'W (26127) 4g_main: Modem Board Event: Network disconnected', 'I (7639) 4g_main: Modem Board Event: USB connected'],
  },

  // ---- FreeBSD USB (fixture 032 [X32]) ------------------------------------------------------
  {
    id: 'freebsd.usb-disconnected',
    stack: 'freebsd',
    subsystem: 'usb',
    usb: 'gone',
    severity: 'warning',
    tags: FREEBSD,
    literal: ' (disconnected)',
    // A modem driver's instance names its driver (u3g: the modem's serial ports), which tells the USB
    // histories and the stories the device is a modem (tables/usbDrivers.ts).
    pattern: new RegExp(`^(?<usbPath>(?<driver>${FREEBSD_MODEM})\\d+|[a-z][a-z0-9]{0,15}): at (?<hub>uhub\\d+), port (?<port>\\d+), addr (?<addr>\\d+) \\(disconnected\\)`),
    summary: 'FreeBSD: USB device {usbPath} left the bus ({hub} port {port})',
    explanation: 'FreeBSD\'s USB stack detaches the device because it disappeared from the hub port: the modem reset, lost power or was unplugged. Its driver instance and ports go away.',
    finding: 'usb-disconnect',
    sources: ['X27', 'X32'],
    samples: ['u3g0: at uhub3, port 3, addr 2 (disconnected)'],
  },
  {
    id: 'freebsd.usb-detached',
    stack: 'freebsd',
    subsystem: 'usb',
    usb: 'teardown',
    severity: 'warning',
    tags: FREEBSD,
    literal: ': detached',
    pattern: new RegExp(`^(?<usbPath>(?<driver>${FREEBSD_MODEM})\\d+): detached\\s*$`),
    summary: 'FreeBSD: modem driver instance {usbPath} detached',
    explanation: 'The FreeBSD driver instance of the modem (u3g = 3G/4G USB modem serial ports) was detached, normally because the device left the bus.',
    finding: 'usb-disconnect',
    sources: ['X28', 'X27', 'X32'],
    samples: ['u3g0: detached'],
  },
  {
    id: 'freebsd.usb-reenumerate-failed',
    stack: 'freebsd',
    subsystem: 'usb',
    severity: 'warning',
    tags: FREEBSD,
    literal: ['usbd_req_re_enumerate', 'usbd_setup_device_desc', 'port reset timeout'],
    pattern: /^(?:(?<func>usbd_req_re_enumerate|usbd_setup_device_desc): (?<what>.*?)(?<usbErr>USB_ERR_[A-Z_]+)|(?<bus>usbus\d+): port reset timeout)/,
    summary: 'FreeBSD: re-enumerating a USB device failed: {message}',
    explanation:
      'FreeBSD reset the USB port to re-enumerate the device and it did not answer (USB_ERR_IOERROR, USB_ERR_TIMEOUT): the device is off the bus or not working. ' +
      'In the published case the modem came back on the same port a moment later.',
    finding: 'usb-enumeration-error',
    sources: ['X27', 'X32'],
    samples: [
      'usbd_req_re_enumerate: addr=2, set address failed! (USB_ERR_IOERROR, ignored)',
      'usbd_setup_device_desc: getting device descriptor at addr 2 failed, USB_ERR_IOERROR',
      'usbus4: port reset timeout',
      'usbd_req_re_enumerate: addr=2, port reset failed, USB_ERR_TIMEOUT',
    ],
  },
  {
    id: 'freebsd.modem-attached',
    stack: 'freebsd',
    subsystem: 'usb',
    usb: 'present',
    severity: 'info',
    tags: FREEBSD,
    literal: '> on usbus',
    pattern: new RegExp(`^(?<usbPath>(?<driver>${FREEBSD_MODEM})\\d+): <(?<desc>[^>]*)> on (?<bus>usbus\\d+)`),
    summary: 'FreeBSD: modem driver {usbPath} attached: {desc}',
    explanation: 'A FreeBSD modem driver (u3g = 3G/4G USB modem serial ports) attached to the device: the modem is on the bus.',
    sources: ['X27', 'X32'],
    samples: ['u3g0: <HUAWEI Technology HUAWEI Mobile, class 0/0, rev 2.00/0.00, addr 2> on usbus4'],
  },
  {
    id: 'freebsd.u3g-ports',
    stack: 'freebsd',
    subsystem: 'usb',
    usb: 'present',
    layout: true,
    severity: 'info',
    tags: FREEBSD,
    literal: ': Found ',
    pattern: /^(?<usbPath>(?<driver>u3g)\d+): Found (?<ports>\d+) ports?\./,
    summary: 'FreeBSD: {usbPath} has {ports} serial ports',
    explanation: 'The u3g driver created the modem\'s serial ports (the AT, PPP and diagnostic ports).',
    sources: ['X27', 'X32'],
    samples: ['u3g0: Found 3 ports.'],
  },
  {
    id: 'freebsd.ugen',
    stack: 'freebsd',
    subsystem: 'usb',
    severity: 'info',
    tags: FREEBSD,
    literal: '> at usbus',
    pattern: /^(?<ugen>ugen\d+\.\d+): <(?<desc>[^>]*)> at (?<bus>usbus\d+)(?<gone> \(disconnected\))?/,
    summary: 'FreeBSD: USB device {ugen} ({desc}) on {bus}{gone}',
    explanation: 'FreeBSD\'s generic USB node of a device: listed when the device appears and marked "(disconnected)" when it leaves.',
    sources: ['X27', 'X32'],
    samples: ['ugen4.2: <HUAWEI Technology HUAWEI Mobile> at usbus4 (disconnected)', 'ugen4.2: <HUAWEI Technology HUAWEI Mobile> at usbus4'],
  },
];
