import type { CatalogueEntry } from '../types';

// RutOS shell scripts that log during modem trouble (knowledge 2.6) and the modem firmware
// flashers (knowledge 3.2):
// - mobile.sh (`logger -t mobile.sh`), QMI error handling of the mobile protocol handler [S21];
// - ping_reboot.sh (`logger -t ping_reboot.sh`); its modem actions are also written as tagless
//   events (`ubus call log write_ext`, table 0) [S23], shown like other RutOS events (knowledge 1.1);
// - mwan3track (`logger -t mwan3track[$$]`), RutOS [S28] and upstream OpenWrt [X10] texts;
// - modem_updater (echo to the shell; a few lines via `logger -t modem_updater`) [S22], and the
//   flashers it runs: Quectel QFirehose [X11] (real output in excerpt 03 [F2]) and Sierra
//   Wireless fwdwl-lite [X12] (real output in fixture 046 [X13]).
// Flasher output is pasted shell text: untagged (`-`). QFirehose prefixes every line with
// `[sss.mmm]: `, which the line parser reads as a dmesg uptime stamp (tag `kernel`, message
// starting with `: `), so those patterns accept a leading `:?\s*`.


const MOBILE_SH = ['mobile.sh'];
const PING_REBOOT = ['ping_reboot.sh'];
// Restart actions are also logged as tagless events (table 0; `kernel:` up to 00.07.1x).
const PING_REBOOT_EVENT = ['ping_reboot.sh', '-', 'kernel'];
const MWAN3 = ['mwan3track', 'mwan3'];
const UPDATER = ['-', 'modem_updater'];
const QFIREHOSE = ['-', 'kernel', 'quectel_flash'];
const FWDWL = ['-', 'fwdwl-lite'];

export const rutosScriptEntries: CatalogueEntry[] = [
  // ---- mobile.sh (knowledge 2.6, [S21]) -------------------------------------------------------
  {
    id: 'mobile-sh.qmi-call-error',
    stack: 'rutos',
    subsystem: 'network',
    severity: 'warning',
    tags: MOBILE_SH,
    literal: 'QMI call error, ',
    pattern: /^QMI call error, (?:(?<throttled>Connection attempt throttled by network)|reason type 3GPP: "(?<reason>[^"]+)")/,
    summary: 'Mobile data call refused: {throttled}{reason}',
    explanation:
      'The mobile protocol script started a data call through uqmi and the network refused it. "Connection attempt throttled by network" means the network is ' +
      'throttling connection attempts; "Service option not subscribed" is a 3GPP reject: the subscription does not allow this service or APN. ' +
      'Both are handed to mobifd\'s reject-cause-33 handler, which may take the interface down and delay the next attempt.',
    nextSteps: ['Check the APN configured for this SIM and that the SIM\'s data plan is active.'],
    finding: 'data-session-failed',
    sources: ['S21'],
    samples: [
      'Mon Mar 10 09:14:22 2025 user.notice mobile.sh: QMI call error, reason type 3GPP: "Service option not subscribed"',
      'Mon Mar 10 09:15:40 2025 user.notice mobile.sh: QMI call error, Connection attempt throttled by network',
    ],
  },
  {
    id: 'mobile-sh.device-not-responding',
    stack: 'rutos',
    subsystem: 'network',
    severity: 'error',
    tags: MOBILE_SH,
    literal: 'restarting module',
    pattern: /^Device (?<what>not responding|returns bad packages), restarting module/,
    summary: 'The modem did not answer QMI ({what}): mobile.sh restarts it',
    explanation:
      'uqmi could not talk to the modem\'s QMI service ("Failed to connect to service") or its request was cancelled ("Request canceled"). ' +
      'mobile.sh then hard-resets the modem (`mctl --reboot`) and kills the uqmi processes, so a USB disconnect and re-enumeration of the modem follow.',
    finding: 'modem-unresponsive',
    sources: ['S21', 'S25'],
    samples: [
      'Mon Mar 10 09:16:02 2025 user.notice mobile.sh: Device not responding, restarting module',
      'Mon Mar 10 09:16:02 2025 user.notice mobile.sh: Device returns bad packages, restarting module',
    ],
  },
  {
    id: 'mobile-sh.resetting-network',
    story: ['deliberate-restart'],
    stack: 'rutos',
    subsystem: 'network',
    severity: 'warning',
    tags: MOBILE_SH,
    literal: 'resetting mobile network',
    pattern: /^Device not responding, resetting mobile network/,
    summary: 'The data call failed: mobile.sh switches the modem radio off and on',
    explanation:
      'uqmi reported "Call Failed" when starting the data session. mobile.sh waits 10 s and does a soft reset of the modem: radio off (`set_func rf`) and back to full function.',
    finding: 'data-session-failed',
    sources: ['S21'],
    samples: ['Mon Mar 10 09:17:11 2025 user.notice mobile.sh: Device not responding, resetting mobile network'],
  },
  {
    id: 'mobile-sh.qmi-housekeeping',
    stack: 'rutos',
    subsystem: 'network',
    severity: 'warning',
    tags: MOBILE_SH,
    literal: ['WDS core error', 'ClientIdsExhausted', 'Call already present'],
    pattern: /^(?<what>Got QMI WDS core error\. Restarting the WDS service|ClientIdsExhausted! resetting counter\.\.\.|Call already present! Flushing clients!)/,
    summary: 'mobile.sh recovers from a QMI error: {what}',
    explanation:
      'mobile.sh handles a QMI error from uqmi: "Invalid arguments given" makes it reset the WDS (data) service; "Client IDs exhausted" and "call already present" ' +
      'make it release all QMI client IDs (`uqmi --sync`). The data connection attempt that hit the error fails and is retried.',
    sources: ['S21'],
    samples: [
      'Mon Mar 10 09:18:30 2025 user.notice mobile.sh: Got QMI WDS core error. Restarting the WDS service',
      'Mon Mar 10 09:18:31 2025 user.notice mobile.sh: ClientIdsExhausted! resetting counter...',
      'Mon Mar 10 09:18:32 2025 user.notice mobile.sh: Call already present! Flushing clients!',
    ],
  },
  {
    id: 'mobile-sh.unknown-error',
    stack: 'rutos',
    subsystem: 'network',
    severity: 'warning',
    tags: MOBILE_SH,
    literal: 'Received unknown error(',
    pattern: /^Received unknown error\((?<count>\d+)\/5\): (?<error>.*)$/,
    summary: 'uqmi returned "Unknown error" ({count} of 5)',
    explanation: 'mobile.sh counts uqmi "Unknown error" answers; at the fifth it hard-resets the modem (`mctl --reboot`), so a modem restart follows.',
    sources: ['S21'],
    samples: ['Mon Mar 10 09:19:00 2025 user.notice mobile.sh: Received unknown error(2/5): "Unknown error"'],
  },
  {
    id: 'mobile-sh.clearing-uqmi',
    stack: 'rutos',
    subsystem: 'network',
    severity: 'info',
    tags: MOBILE_SH,
    literal: 'Clearing uqmi processes for ',
    pattern: /^Clearing uqmi processes for (?<device>\S+)/,
    summary: 'mobile.sh kills the uqmi processes of {device}',
    explanation: 'Part of mobile.sh\'s hard reset of the modem: hanging uqmi processes on the QMI control device are killed after `mctl --reboot`.',
    sources: ['S21'],
    samples: ['Mon Mar 10 09:16:02 2025 user.notice mobile.sh: Clearing uqmi processes for /dev/cdc-wdm0'],
  },

  // ---- ping_reboot.sh (knowledge 2.6, [S23]) --------------------------------------------------
  {
    id: 'ping-reboot.ping-failed',
    stack: 'rutos',
    subsystem: 'network',
    severity: 'warning',
    tags: PING_REBOOT,
    literal: [' failed.', ' unreachable'],
    pattern: /^(?:Ping (?<host>\S+) failed\.|Host (?<unreachable>\S+) unreachable)/,
    summary: 'Ping reboot: {host}{unreachable} did not answer',
    explanation:
      'RutOS\'s Ping reboot service pings the configured host at the configured interval. Each failure increases its counter; ' +
      'when the counter reaches the configured number of retries it takes its action (reboot the router, restart the modem, re-register, restart the data connection, send an SMS).',
    // The connection it checks carried no traffic to the host: one stall, told once per run of
    // failures (its interval is minutes). A loop of them, each ended by its reboot, had been no
    // story at all (a blind probe's RUT955 rebooted three times in an hour).
    finding: 'mobile-data-down',
    burstSeconds: 1800,
    advice: 'connectionCheckFails',
    sources: ['S23'],
    samples: [
      'Mon Mar 10 10:05:00 2025 user.notice ping_reboot.sh: Ping 8.8.8.8 failed.',
      'Mon Mar 10 10:05:00 2025 user.notice ping_reboot.sh: Host 8.8.8.8 unreachable',
    ],
  },
  {
    id: 'ping-reboot.ping-ok',
    stack: 'rutos',
    subsystem: 'network',
    severity: 'info',
    tags: PING_REBOOT,
    literal: 'successful.',
    pattern: /^Pings? (?:(?<host>\S+) )?successful\./,
    summary: 'Ping reboot: ping {host} successful',
    explanation: 'The Ping reboot check succeeded; its failure counter is reset.',
    sources: ['S23'],
    samples: ['Mon Mar 10 10:10:00 2025 user.notice ping_reboot.sh: Ping 8.8.8.8 successful.', 'Mon Mar 10 10:10:00 2025 user.notice ping_reboot.sh: Ping successful.'],
  },
  {
    id: 'ping-reboot.retry-wait',
    stack: 'rutos',
    subsystem: 'network',
    severity: 'info',
    tags: PING_REBOOT,
    literal: 'until next ping retry',
    pattern: /^(?<minutes>\d+) min\. until next ping retry/,
    summary: 'Ping reboot: next try in {minutes} min',
    explanation: 'The ping failed but the retry limit is not reached yet; Ping reboot tries again after the configured interval.',
    sources: ['S23'],
    samples: ['Mon Mar 10 10:05:00 2025 user.notice ping_reboot.sh: 5 min. until next ping retry'],
  },
  {
    id: 'ping-reboot.reboot',
    story: ['deliberate-restart'],
    stack: 'rutos',
    subsystem: 'network',
    severity: 'warning',
    tags: PING_REBOOT,
    literal: 'Rebooting router after ',
    pattern: /^Rebooting router after (?<tries>\d+) unsuccessful (?:tries|retries)/,
    summary: 'Ping reboot reboots the router after {tries} failed pings',
    explanation:
      'The configured host stayed unreachable for the configured number of tries, and the chosen action is a router reboot. ' +
      'The reboot goes through RutOS\'s reboot wrapper, which logs the reason `Request from ping reboot`.',
    nextSteps: ['Find out why the host was unreachable before the reboot: mobile data down, registration lost, modem gone from USB.'],
    finding: 'reboot',
    sources: ['S23', 'S31'],
    samples: ['Mon Mar 10 10:25:00 2025 user.notice ping_reboot.sh: Rebooting router after 3 unsuccessful tries'],
  },
  {
    id: 'ping-reboot.action',
    story: ['deliberate-restart'],
    stack: 'rutos',
    subsystem: 'network',
    severity: 'warning',
    tags: PING_REBOOT_EVENT,
    literal: ' unsuccessful ',
    pattern: /^(?<action>Restarting modem|Reregistering|Restarting mobile data connection|Sending message|Restarting port) after (?<tries>\d+) unsuccessful (?:tries|retries)/,
    summary: 'Ping reboot: {action} after {tries} failed pings',
    explanation:
      'The configured host stayed unreachable for the configured number of tries and Ping reboot takes its configured action. ' +
      'Restarting the modem and re-registering both restart the modem through the modem control service (`mctl`), so a USB disconnect and re-enumeration follow; ' +
      'restarting the data connection takes the mobile interface down and up again. The action is also written as a RutOS event, which is why the same text can appear without a tag.',
    sources: ['S23', 'S2b'],
    samples: [
      'Mon Mar 10 10:25:00 2025 user.notice ping_reboot.sh: Restarting modem after 3 unsuccessful tries',
      'Mon Mar 10 10:25:00 2025 kern.info Restarting modem after 3 unsuccessful tries',
      'Mon Mar 10 10:40:00 2025 user.notice ping_reboot.sh: Restarting mobile data connection after 2 unsuccessful retries',
      'Mon Mar 10 10:55:00 2025 user.notice ping_reboot.sh: Reregistering after 3 unsuccessful tries',
    ],
  },

  // ---- mwan3 (knowledge 2.6, [S28] [X10]) ----------------------------------------------------
  // A mobile interface's: RutOS's `mob1s1a1` (modem 1, SIM 1: knowledge 2.2) or a WWAN network
  // device (`wwan0`: usbnet names a WWAN driver's device so, qmi_wwan's and cdc_mbim's [K6];
  // `qmimux0`: qmi_wwan's multiplexed one). Failover losing it is the mobile data connection's loss.
  {
    id: 'mwan3.offline-mobile',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: MWAN3,
    literal: ') is offline',
    pattern: /^Interface (?<iface>mob\d+s\d+a\d+\S*|\S+(?= \((?:wwan|qmimux)\d+\))) \((?<dev>[^)]*)\) is offline/,
    summary: 'Failover: the mobile interface {iface} ({dev}) is offline',
    explanation:
      'mwan3 (multi-WAN failover) tracking declared the mobile interface offline: its tracking pings through the modem failed often enough, or the interface went down. ' +
      'Traffic moves to the next WAN by priority; the mobile data connection is not working.',
    finding: 'mobile-data-down',
    sources: ['S28', 'X10', 'S21', 'K6'],
    samples: ['Mon Mar 10 11:02:14 2025 user.notice mwan3track[5123]: Interface mob1s1a1 (qmimux0) is offline', 'Sat Mar 16 14:22:01 2024 user.notice mwan3track[5012]: Interface 5G (wwan0) is offline'],
    counterSamples: ['Sat Mar 16 14:22:01 2024 user.notice mwan3track[5012]: Interface wan (eth0.2) is offline'],
  },
  // Each failed check before it, through the mobile interface: the link up, its traffic gone (a
  // data stall), from the first failure, not only from the failover's verdict (a blind probe's
  // stall had been told from `is offline`, 40 s after its checks began to fail).
  {
    id: 'mwan3.check-failed-mobile',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: MWAN3,
    literal: ') failed for target ',
    pattern: /^Check \((?<method>[\w-]+)\) failed for target "(?<host>[^"]*)" on interface (?<iface>mob\d+s\d+a\d+\S*|\S+(?= \((?:wwan|qmimux)\d+\))) \((?<dev>[^)]*)\)/,
    summary: 'Failover: {host} did not answer through the mobile interface {iface} ({dev})',
    explanation:
      'mwan3 (multi-WAN failover) tracking checks the interface by reaching its target through it ({method}) and got no answer: the mobile connection may be up and still carry no traffic (a data stall). ' +
      'Enough failures in a row and it declares the interface offline and moves traffic to the next WAN.',
    finding: 'mobile-data-down',
    // One check every few seconds: one stall, one finding.
    burstSeconds: 300,
    advice: 'dataStall',
    sources: ['X10', 'S28', 'K6'],
    samples: ['Tue Jul 16 11:06:10 2024 user.info mwan3track[2741]: Check (ping) failed for target "8.8.8.8" on interface wwan (wwan0). Current score: 4'],
    counterSamples: ['Tue Jul 16 11:06:10 2024 user.info mwan3track[2741]: Check (ping) failed for target "8.8.8.8" on interface wan (eth0.2). Current score: 4', 'Fri Nov  1 08:00:06 2024 daemon.info mwan3track[2431]: Check (ping) success for target "8.8.8.8" on interface mob1s1a1 (qmimux0). Current score: 10'],
  },
  {
    id: 'mwan3.offline',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: MWAN3,
    literal: ') is offline',
    pattern: /^Interface (?<iface>\S+) \((?<dev>[^)]*)\) is offline/,
    summary: 'Failover: interface {iface} ({dev}) is offline',
    explanation:
      'mwan3 (multi-WAN failover) tracking declared the interface offline: its tracking pings failed often enough, or the interface went down. ' +
      'Traffic moves to the next WAN by priority. On RutOS `mob1s1a1` is modem 1, SIM 1.',
    sources: ['S28', 'X10', 'S21'],
    samples: ['Mon Mar 10 11:02:14 2025 user.notice mwan3track[5123]: Interface wan (eth0.2) is offline'],
  },
  {
    id: 'mwan3.state',
    // Online again: the interface's data connection back (a story counts it only for the interface in trouble).
    story: ['data-up'],
    storyIf: { field: 'state', values: ['online'] },
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: MWAN3,
    literal: 'Interface ',
    pattern: /^Interface (?<iface>\S+) \((?<dev>[^)]*)\) is (?<state>online|connecting|disconnecting)/,
    summary: 'Failover: interface {iface} ({dev}) is {state}',
    explanation: 'mwan3 tracking state of the interface: "disconnecting"/"connecting" while the tracking score falls or rises, "online" when it is usable for traffic again.',
    sources: ['S28', 'X10'],
    samples: [
      'Mon Mar 10 11:10:40 2025 user.notice mwan3track[5123]: Interface mob1s1a1 (qmimux0) is online',
      'Mon Mar 10 11:01:54 2025 user.notice mwan3track[5123]: Interface mob1s1a1 (qmimux0) is disconnecting',
    ],
    counterSamples: ["Sun Jan 19 22:50:03 2025 daemon.notice netifd: Interface 'wwan' is now up"],
  },
  {
    id: 'mwan3.check-failed',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: MWAN3,
    literal: ') failed for target "',
    pattern: /^Check \((?<method>[^)]*)\) failed for target "(?<target>[^"]*)"(?: on interface (?<iface>\S+)(?: \((?<dev>[^)]*)\))?)?/,
    summary: 'Failover: tracking check of {iface} to {target} failed',
    explanation: 'One mwan3 tracking probe (ping or another method) to the target failed. Enough failures in a row make mwan3 declare the interface offline. (Through a mobile interface: mwan3.check-failed-mobile.)',
    sources: ['S28', 'X10'],
    samples: [
      'Mon Mar 10 11:01:44 2025 user.info mwan3track[5123]: Check (ping) failed for target "1.1.1.1" on interface wan (eth0.2)',
    ],
  },
  {
    id: 'mwan3.lost-pings',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: MWAN3,
    literal: ' ping(s) on interface ',
    pattern: /^Lost (?<lost>\d+) ping\(s\) on interface (?<iface>\S+)(?: \((?<dev>[^)]*)\))?/,
    summary: 'Failover: {lost} tracking pings lost on {iface}',
    explanation: 'mwan3 logs this when tracking succeeds again after some lost pings, while the interface is still below its full score: a short loss, not an outage.',
    sources: ['S28', 'X10'],
    samples: ['Mon Mar 10 11:03:04 2025 user.info mwan3track[5123]: Lost 2 ping(s) on interface mob1s1a1 (qmimux0). Current score: 8'],
  },
  {
    id: 'mwan3.ifupdown',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: MWAN3,
    literal: ' event on interface ',
    pattern: /^(?<what>Detect|Execute) (?<event>ifdown|ifup) event on interface (?<iface>\S+)(?: \((?<dev>[^)]*)\))?/,
    summary: 'Failover: {what} {event} on {iface}',
    explanation: 'mwan3 noticed (Detect) or carried out (Execute) an interface up/down event for the interface it tracks.',
    sources: ['S28', 'X10'],
    samples: ['Mon Mar 10 11:02:14 2025 user.info mwan3track[5123]: Detect ifdown event on interface mob1s1a1 (qmimux0)'],
  },

  // ---- modem_updater (knowledge 3.2, [S22]) --------------------------------------------------
  {
    id: 'modem-updater.command',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: UPDATER,
    literal: 'modem_updater ',
    pattern: /^(?:\S+[#$] )?modem_updater .*?-[vp] (?<target>\S+)/,
    summary: 'modem_updater run to flash the modem with {target}',
    explanation:
      'Someone ran Teltonika\'s modem_updater in a shell to flash a full modem firmware image (`-v <version>` from Teltonika\'s server or `-p <path>` from a local file). ' +
      'It stops gsmd, modem_trackd, ledman and ping_reboot, switches Qualcomm-based Quectel modems to emergency download mode and runs the vendor flasher.',
    finding: 'fw-update-started',
    sources: ['S22', 'F2', 'F8'],
    samples: ['root@RUT955:~# modem_updater -i 1-1.4 -v EC25EUGAR08A03M4G_01.200.01.200'],
    counterSamples: ['root@RUT955:~# modem_updater -g'],
  },
  {
    id: 'modem-updater.start',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: UPDATER,
    literal: ['DO NOT TURN OFF', 'Starting flasher'],
    pattern: /^(?:DO NOT TURN OFF YOUR DEVICE DURING THE UPDATE PROCESS!|Starting flasher\.\.\.)/,
    summary: 'modem_updater starts flashing the modem',
    explanation:
      'Printed just before modem_updater runs the flasher: from here on the modem is being written. Power loss or an interruption now can leave the modem in emergency download (EDL) mode.',
    finding: 'fw-update-started',
    sources: ['S22', 'F7', 'F8'],
    samples: ['DO NOT TURN OFF YOUR DEVICE DURING THE UPDATE PROCESS!', 'Starting flasher...'],
  },
  {
    id: 'modem-updater.services',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: UPDATER,
    literal: '[INFO] ',
    pattern: /^\[INFO\] (?<action>Stopping|Starting) (?<what>services|gsmd|modem_trackd|ledman|ping_reboot)\b/,
    summary: 'modem_updater: {action} {what}',
    explanation: 'modem_updater stops gsmd, modem_trackd, ledman and ping_reboot before flashing and starts them again at the end, so gsmd is silent during a flash.',
    sources: ['S22'],
    samples: ['[INFO] Stopping services:', '[INFO] Stopping gsmd', '[INFO] Starting services:'],
  },
  {
    id: 'modem-updater.waiting-modem',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: UPDATER,
    literal: '[INFO] Waiting for modem:',
    pattern: /^\[INFO\] Waiting for modem: ?(?<modemN>\d*)/,
    summary: 'modem_updater waits for modem {modemN} to answer AT commands',
    explanation: 'After flashing, modem_updater checks up to 10 times, 5 s apart, whether the modem answers `AT`; if not it restarts the modem.',
    sources: ['S22'],
    samples: ['[INFO] Waiting for modem: 0'],
  },
  {
    id: 'modem-updater.modem-ready',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: UPDATER,
    literal: 'Modem is responding to AT commands',
    pattern: /^Modem is responding to AT commands/,
    summary: 'modem_updater: the modem answers AT commands again',
    explanation: 'The end of a modem_updater run: the modem answers again after the flash. It does not prove the new firmware version; check it with `gsmctl -y`.',
    edl: 'left',
    sources: ['S22'],
    samples: ['Modem is responding to AT commands. Modem is ready'],
  },
  {
    id: 'modem-updater.not-responsive',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'error',
    tags: UPDATER,
    literal: 'Looks like modem is not responsive',
    pattern: /^Looks like modem is not responsive\. A system reboot may be required\./,
    summary: 'modem_updater: the modem does not answer after the update',
    explanation:
      'After flashing, the modem did not answer AT commands and restarting it failed. The modem may be in emergency download (EDL) mode or not powered on.',
    nextSteps: [
      'Run `lsusb`: the modem in download mode (`05c6:9008` on a Qualcomm-based module, an ID other than its own on an ASR-based one such as the EC200A) needs modem_updater run again with stable power and another internet connection; no modem at all means it does not power on (RMA).',
      'Reboot the router as the message suggests.',
    ],
    finding: 'fw-update-failed',
    sources: ['S22', 'F2', 'F9'],
    samples: ['Looks like modem is not responsive. A system reboot may be required.'],
  },
  {
    id: 'modem-updater.finished',
    story: ['update-finished'],
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: UPDATER,
    literal: '[INFO] Script finished',
    pattern: /^\[INFO\] Script finished/,
    summary: 'modem_updater finished',
    explanation: 'The last line of a modem_updater run. Whether the flash worked is told by the lines before it (`Modem is responding to AT commands` or `[ERROR] ...`).',
    sources: ['S22'],
    samples: ['[INFO] Script finished'],
  },
  {
    id: 'modem-updater.error',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'error',
    tags: UPDATER,
    literal: '[ERROR] ',
    pattern: /^\[ERROR\] (?<text>(?:internet connection is not active|Timeout while mounting with sshfs|SSHFS not found|[Ff]irmware directory is empty|No firehose folder found|Specified firmware is not intended for this module|Modem firmware flashing is not allowed|MODEM_N is wrong or modem is not responding|Device manufacturer not properly recognized|Not supported or unknown modem|Not sure what flasher to use|firmware download failed|Flasher download unsuccessful|Flasher not found|Failed to find modem|Unable to restart modem|Cannot find modem_n automatically|Could not get MODEM_USB_ID|Unmounting fail|Failed to make NV ram backup)[^\n]*)/,
    summary: 'Modem firmware update failed: {text}',
    explanation:
      'modem_updater stopped with an error. Without internet the firmware directory mounted over sshfs stays empty ("firmware directory is empty. Mount failed?"); ' +
      '"not allowed for this modem version" is a blocked downgrade; "not intended for this module" a firmware for another modem. ' +
      'If the flasher had already switched the modem into its download mode, the modem stays there until a flash succeeds: a Qualcomm-based module (EC25, EG06, EG12, RG5xx) then shows as `05c6:9008` (EDL) in lsusb; an ASR-based one such as the EC200A, flashed with QDLoader, shows an ID other than its own (no source gives which).',
    nextSteps: [
      'Give the router a working internet connection that does not depend on the modem (WAN cable) and stable power, then run modem_updater again.',
      'Check `lsusb` for the modem in download mode: `05c6:9008` on a Qualcomm-based module, an ID other than its own on an ASR-based one (EC200A).',
    ],
    finding: 'fw-update-failed',
    sources: ['S22', 'F2', 'F8', 'F9'],
    samples: [
      '[ERROR] firmware directory is empty. Mount failed? Exiting…',
      '[ERROR] Timeout while mounting with sshfs. Your ISP might be blocking ssh connections.',
      '[ERROR] Modem firmware flashing is not allowed for this modem version. Exiting..',
    ],
  },
  {
    id: 'modem-updater.error-other',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'warning',
    tags: UPDATER,
    literal: '[ERROR] ',
    pattern: /^\[ERROR\] (?<text>.+)$/,
    summary: 'modem_updater: {text}',
    explanation: 'An error message of modem_updater that does not by itself end the update (for example "Specified firmware is already installed" or a usage error).',
    sources: ['S22'],
    samples: ['[ERROR] Specified firmware is already installed. Exiting..'],
  },
  {
    id: 'modem-updater.edl-device',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'warning',
    tags: UPDATER,
    literal: ['Found EDL device', 'in EDL mode'],
    pattern: /^(?:Found EDL device: (?<path>\S+)|\[WARN\] Found multiple devices in EDL mode!)/,
    summary: 'modem_updater found a modem in emergency download mode {path}',
    explanation:
      'modem_updater looked for USB devices with vendor 05c6/1bc7 and product 9008/9010/9330: a Qualcomm modem in emergency download (EDL) mode. ' +
      'A modem is in EDL while it is being flashed, or after an interrupted flash; if the device sits on the modem\'s USB path, modem_updater flashes it directly.',
    finding: 'modem-edl-mode',
    sources: ['S22', 'F7', 'F9'],
    samples: ['Found EDL device: /sys/bus/usb/devices//1-1', '[WARN] Found multiple devices in EDL mode!'],
  },
  {
    id: 'modem-updater.restarting-modem',
    story: ['deliberate-restart'],
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: UPDATER,
    literal: '[INFO] ',
    pattern: /^\[INFO\] (?:restarting modem (?<modemN>\d+)|Restart failed\. Trying to restart default modem)/,
    summary: 'modem_updater restarts the modem {modemN}',
    explanation: 'modem_updater restarts the modem at the end of a run, also after an error, so a USB disconnect and re-enumeration follow.',
    sources: ['S22', 'F2'],
    samples: ['[INFO] restarting modem 0', '[INFO] Restart failed. Trying to restart default modem'],
  },

  // ---- QFirehose (Quectel flasher; knowledge 3.2, [X11], excerpt 03 [F2]) -------------------
  {
    id: 'qfirehose.start',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: QFIREHOSE,
    literal: 'QFirehose',
    pattern: /^:?\s*(?:QFirehose )?Version: (?<version>\S*QFirehose\S*)/,
    summary: 'QFirehose {version} starts',
    explanation: 'Quectel\'s firehose flasher starts. modem_updater runs it to switch Qualcomm-based Quectel modems into emergency download (EDL) mode and to write the firmware image.',
    finding: 'fw-update-started',
    sources: ['X11', 'S22', 'F2'],
    samples: ['[000.000]: Version: QFirehose_Linux_Android_V1.4.11'],
  },
  {
    id: 'qfirehose.version-check-failed',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: QFIREHOSE,
    literal: 'detect_and_judge_module_version',
    pattern: /^:?\s*(?<file>\S*qfirehose\.c) detect_and_judge_module_version (?<line>\d+) fail/,
    summary: 'QFirehose could not read the modem\'s current firmware version',
    explanation:
      'QFirehose asks the modem for its software revision before switching it to download mode. This failed, which QFirehose deliberately ignores ' +
      '(the query fails when the modem is not ready); it goes on to switch the modem to emergency download mode.',
    sources: ['X11', 'F2'],
    samples: ['[000.015]: src/firehose/qfirehose.c detect_and_judge_module_version 180 fail'],
  },
  {
    id: 'qfirehose.switch-edl',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: QFIREHOSE,
    literal: 'Emergency download mode',
    pattern: /^:?\s*switch to ['‘’]Emergency download mode['‘’]/,
    summary: 'QFirehose tells the modem to switch to emergency download mode',
    explanation:
      'QFirehose sends the DIAG command that makes a Qualcomm modem reboot into emergency download (EDL) mode, where it enumerates as 05c6:9008 and can be flashed. ' +
      'This is a normal step of a firehose flash; the modem leaves EDL only when an image has been written.',
    sources: ['X11', 'S22', 'F2'],
    samples: ['[001.019]: switch to ‘Emergency download mode’', "[001.019]: switch to 'Emergency download mode'"],
  },
  {
    id: 'qfirehose.edl-accepted',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: QFIREHOSE,
    literal: 'successful, wait module reboot',
    pattern: /^:?\s*successful, wait module reboot/,
    summary: 'The modem accepted the switch to emergency download mode and reboots',
    explanation:
      'The modem echoed QFirehose\'s EDL command (QFirehose flashes Qualcomm-based modules): it now reboots into Qualcomm\'s emergency download mode (05c6:9008) and stays there until a flasher writes an image. ' +
      'If the update stops after this point (for example no firmware files), the modem is left in EDL.',
    finding: 'modem-edl-mode',
    sources: ['X11', 'F2', 'F7'],
    samples: ['[001.021]: successful, wait module reboot'],
  },
  {
    id: 'qfirehose.failed',
    subsystem: 'firmware-update',
    severity: 'error',
    tags: QFIREHOSE,
    literal: 'Upgrade module failed',
    pattern: /^:?\s*Upgrade module failed\./,
    summary: 'QFirehose: modem firmware flash failed',
    explanation: 'QFirehose ended without writing the image. A Qualcomm modem that was already switched to emergency download mode stays there (05c6:9008).',
    nextSteps: ['Check `lsusb` for `05c6:9008` (Qualcomm\'s emergency download mode: a module already switched to it stays there); re-run the flash with stable power and a working internet connection that does not use the modem.'],
    finding: 'fw-update-failed',
    sources: ['X11', 'F2', 'F7'],
    samples: ['[312.560]: Upgrade module failed.'],
  },
  {
    id: 'qfirehose.succeeded',
    story: ['update-finished'],
    subsystem: 'firmware-update',
    severity: 'info',
    tags: QFIREHOSE,
    literal: 'Upgrade module successfully',
    pattern: /^:?\s*Upgrade module successfully\./,
    summary: 'QFirehose: modem firmware written successfully',
    explanation: 'QFirehose reports that the firmware image was written. Check that the modem re-enumerates with its normal USB ID (not a download-mode ID such as Qualcomm\'s 05c6:9008) and reports the new version (ask the modem: `AT+GMR` on its AT port, or the modem manager\'s status).',
    edl: 'left',
    sources: ['X11', 'X60'],
    samples: ['[298.114]: Upgrade module successfully.'],
  },

  // ---- Qualcomm Sahara protocol (QFirehose [X11] [X60] [X61], Linaro qdl [X62], QLog [X63]) ----
  // Sahara is how a Qualcomm modem's boot ROM, in emergency download mode, takes the flash
  // programmer; a crashed modem's memory-dump mode speaks it too (QLog, qdl ramdumps). The dump
  // entry comes first: its lines must not read as EDL, and a file that shows one is read as a dump.
  {
    id: 'sahara.memory-dump',
    subsystem: 'modem',
    severity: 'error',
    literal: ['Catch DUMP using Sahara', 'MEMORY_DEBUG', 'MEMORY_READ', 'MODE_TWO'],
    pattern: /(?:Catch DUMP using Sahara protocol (?<result>failed|successful)|\b(?:Q_)?SAHARA_(?:64_BITS_)?MEMORY_(?:DEBUG|READ)\w*|RECEIVED <-- (?:Q_SAHARA_MODE_TWO|SAHARA_MODE_MEMORY_DEBUG)\b)/,
    summary: 'The modem is in its memory-dump mode: a tool reads its crash dump over Sahara ({result})',
    explanation:
      'A Qualcomm-based modem that crashed can stop in a memory-dump mode, where a tool such as Quectel\'s QLog or Linaro\'s qdl reads its RAM over the Sahara protocol ' +
      '(Sahara memory-debug mode); it does not work as a modem while it is in that mode. The same protocol serves emergency download mode, so Sahara lines in this log are read as a dump, not as EDL.',
    nextSteps: ['Keep the dump for the modem vendor; power-cycle or reset the modem and check that it enumerates with its own USB ID again.'],
    edl: 'dump',
    sources: ['X63', 'X62'],
    samples: [
      '[012.337] Catch DUMP using Sahara protocol successful',
      '[003.120] RECEIVED <-- SAHARA_MODE_MEMORY_DEBUG',
      '[003.121] RECEIVED <-- SAHARA_MEMORY_DEBUG_ID',
    ],
    counterSamples: ['[006.542] RECEIVED <-- SAHARA_MODE_IMAGE_TX_PENDING', '[005.415]: Sahara protocol error'],
  },
  {
    id: 'sahara.exchange',
    subsystem: 'firmware-update',
    severity: 'info',
    literal: ['SAHARA_', 'Sahara protocol', 'waiting for hello packet', 'Sahara: sending'],
    pattern: /(?:\b(?:Q_)?SAHARA_[A-Z0-9_]+|Sahara protocol (?<result>error|completed)|Received a different (?:q_cmd|command): \S+ while waiting for hello packet|^Sahara: sending (?<image>\S+))/,
    summary: 'A flasher talks to the modem over Sahara, the protocol of its download mode',
    explanation:
      'Sahara is the protocol of a Qualcomm modem\'s boot ROM in emergency download (EDL) mode: flashers (Quectel QFirehose, Linaro qdl) use it to load the flash programmer ' +
      'before they write the firmware. QFirehose starts it only when the module shows up in download mode (a single USB interface), switching it there first if needed. ' +
      'While Sahara runs the modem runs no firmware. "Sahara protocol error" means the hand-over failed (in fixture 045 USB reads timed out) and the flash stops; ' +
      'the modem stays in EDL until a flash completes.',
    nextSteps: ['Re-run the flash with a short, good USB cable and a stable power supply; check `lsusb` meanwhile for Qualcomm\'s EDL ID, 05c6:9008.'],
    finding: 'modem-edl-mode',
    edl: 'sahara',
    sources: ['X11', 'X60', 'X61', 'X62', 'F2'],
    samples: [
      '[005.415]: <=== Q_SAHARA_FOUR',
      '[005.415]: Received a different q_cmd: 4 while waiting for hello packet',
      '[005.415]: SAHARA_RESET ===>',
      '[005.415]: Sahara protocol error',
      '[006.542] STATE <-- SAHARA_WAIT_HELLO',
      '[006.609] Sahara protocol completed',
      'Sahara: sending prog_firehose_ddr.elf (612396 bytes)',
    ],
    counterSamples: ['[003.120] RECEIVED <-- SAHARA_MODE_MEMORY_DEBUG', 'Apr 12 10:00:00 host tzdata[55]: zone Africa/El_Aaiun (Western Sahara) loaded'],
  },

  // ---- Sierra Wireless fwdwl-lite (fixture 046 [X13], codes [X12]) ---------------------------
  {
    id: 'fwdwl.qdl-switch',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: FWDWL,
    literal: 'Switch Modem to QDL mode',
    pattern: /^Switch Modem to QDL mode(?: by DM Reset Command)?/,
    summary: 'fwdwl-lite switches the Sierra modem to its download (QDL) mode',
    explanation: 'Sierra Wireless\'s fwdwl-lite firmware download tool resets the modem into its download mode ("BOOT and HOLD") before writing firmware.',
    sources: ['X13', 'X12'],
    samples: ['Switch Modem to QDL mode by DM Reset Command.'],
  },
  {
    id: 'fwdwl.waiting-boot-hold',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: FWDWL,
    literal: 'Waiting for modem to come up in ',
    pattern: /^Waiting for modem to come up in BOOT and HOLD mode/,
    summary: 'fwdwl-lite waits for the modem to come up in download mode',
    explanation: 'After the reset, fwdwl-lite waits for the modem to re-enumerate in its download mode (BOOT and HOLD) before writing firmware.',
    sources: ['X13', 'X12'],
    samples: ['Waiting for modem to come up in BOOT and HOLD mode ...'],
  },
  {
    id: 'fwdwl.downloading',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: FWDWL,
    literal: 'BOOT and HOLD Mode. Downloading firmware',
    pattern: /^BOOT and HOLD Mode\. Downloading firmware/,
    summary: 'fwdwl-lite writes firmware to the Sierra modem',
    explanation: 'The modem is in download mode and fwdwl-lite starts writing the firmware/carrier images. Interrupting this step can leave the modem in download mode.',
    finding: 'fw-update-started',
    sources: ['X13', 'X12'],
    samples: ['BOOT and HOLD Mode. Downloading firmware ...'],
  },
  {
    id: 'fwdwl.failed',
    subsystem: 'firmware-update',
    severity: 'error',
    tags: FWDWL,
    literal: 'litefw_DownloadFW failed: ',
    pattern: /^litefw_DownloadFW failed: (?<errorCode>\d+)/,
    summary: 'Sierra firmware download failed (litefw error {errorCode})',
    explanation:
      'fwdwl-lite\'s firmware download failed and the tool exits. Error 100 is the generic download error of Sierra\'s lite-fw library. ' +
      'The modem can be left in its download (BOOT and HOLD / QDL) mode; in fixture 046 the reporter power-cycled it to retry.',
    nextSteps: ['Power-cycle the modem and check it enumerates again; retry the download, then check the firmware version.'],
    finding: 'fw-update-failed',
    sources: ['X12', 'X13'],
    samples: ['litefw_DownloadFW failed: 100'],
  },
];
