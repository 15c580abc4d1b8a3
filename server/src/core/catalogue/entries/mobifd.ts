import type { CatalogueEntry } from '../types';

// mobifd, Teltonika's closed-source mobile interface daemon (SIM/PIN handling, operator selection,
// APN/PDP setup, CFUN/COPS, modem restarts). Message formats come from `strings` on the binary
// [S20], listed in ../shared/knowledge/message-format-strings.md; their meaning from knowledge 2.5.
// Every line is `[<gsmd ubus object>] <text>`, e.g. `[gsm.modem0] ...`, logged with a real syslog
// priority (`daemon.err mobifd: [gsm.modem0] GSM error in "mb_check_sms_storage:564" (...`, [F5]).
// The libgsm error texts inside `GSM error in` lines are listed in knowledge 2.4 [S18].
// Samples are built from the format strings; timestamps, priorities and `func:line` are made up
// except where marked [F5].

const OBJ = '^\\[(?<modem>[\\w.-]+)\\] ';
const re = (s: string): RegExp => new RegExp(OBJ + s);
const MOBIFD = ['mobifd'];

export const mobifdEntries: CatalogueEntry[] = [
  {
    id: 'mobifd.gsm-error',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: ['GSM error in', 'GSM method called'],
    pattern: re('(?:GSM error in|Unsupported GSM method called) "(?<func>[^":]+):(?<line>\\d+)" \\((?<error>[^)]*)\\)(?:, gsmd_method_id: "(?<methodId>\\d+)"|, m_id: "(?<mId>\\d+)")?'),
    summary: '{modem}: a gsmd call made by mobifd ({func}:{line}) failed: {error}',
    explanation:
      'mobifd asked gsmd (over ubus) for something from its function {func} and the call failed; the text in parentheses is the libgsm error. ' +
      '`Request timeout expired` means gsmd got no answer from the modem in time; `Failed to parse response` and `Invalid response` mean the modem answered something gsmd could not use. ' +
      'One such line is harmless; a steady loop of them (for example from `mb_check_sms_storage`) was reported on a router whose modem became unstable after a modem firmware update, ' +
      'together with a SIM PIN state flipping between OK and "PIN required".',
    nextSteps: ['Check whether the modem still answers: `gsmctl -A AT`, and look for USB disconnects or gsmd `errno` lines around the same time.'],
    finding: 'modem-unresponsive',
    findingIf: { field: 'error', values: ['Request timeout expired'] },
    sources: ['S20', 'S18', 'F5', 'F12'],
    samples: [
      'Thu Jan 16 08:41:27 2025 daemon.err mobifd: [gsm.modem0] GSM error in "mb_check_sms_storage:564" (Failed to parse response)',
      'Thu Jan 16 08:41:57 2025 daemon.err mobifd: [gsm.modem0] GSM error in "mb_get_pin_state:1203" (Request timeout expired), gsmd_method_id: "41"',
      'Thu Jan 16 08:42:03 2025 daemon.err mobifd: [gsm.modem0] GSM error in "mb_set_cfun:318" (response type mismatch), m_id: "12"',
    ],
  },
  {
    id: 'mobifd.init-retry',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: "' failed. Retrying",
    pattern: re("Init '(?<step>[^']+)' failed\\. Retrying"),
    summary: "{modem}: modem initialisation step '{step}' failed, mobifd retries it",
    explanation:
      'mobifd sets the modem up through a sequence of init steps (SIM, operator, bands, APN...). This step failed and is being retried. ' +
      'A single retry is common right after the modem (re)starts; repeated failures of the same step point at a modem that does not answer or rejects the setting.',
    sources: ['S20'],
    samples: ["Thu Jan 16 08:40:12 2025 daemon.warn mobifd: [gsm.modem0] Init 'mb_set_bands' failed. Retrying"],
  },
  {
    id: 'mobifd.init-gave-up',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'error',
    tags: MOBIFD,
    literal: ["' failed. No more retries", '" failed with init_halt'],
    pattern: re("(?:Init '(?<step>[^']+)' failed\\. No more retries(?<continuing>\\. Continuing anyway)?|Init \"(?<haltStep>[^\"]+)\" failed with init_halt\\. Stopping init)"),
    summary: '{modem}: mobifd gave up on modem initialisation step {step}{haltStep}',
    explanation:
      'An init step of the modem failed on every retry. With "Continuing anyway" mobifd skips it (the setting may not be in effect); ' +
      'with "No more retries" alone or "init_halt" the initialisation stops there, which usually leaves the mobile interface without a working connection.',
    sources: ['S20'],
    samples: [
      "Thu Jan 16 08:40:42 2025 daemon.err mobifd: [gsm.modem0] Init 'mb_set_bands' failed. No more retries",
      'Thu Jan 16 08:40:42 2025 daemon.err mobifd: [gsm.modem0] Init "mb_check_sim" failed with init_halt. Stopping init',
    ],
  },
  {
    id: 'mobifd.init-forcing-restart',
    story: ['deliberate-restart'],
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'Init failed. Forcing modem restart',
    pattern: re('Init failed\\. Forcing modem restart'),
    summary: '{modem}: modem initialisation failed, mobifd restarts the modem',
    explanation:
      'mobifd could not finish setting up the modem and restarts it as a recovery action. ' +
      'A USB disconnect and re-enumeration of the modem follow; gsmd write/read errors on the old port during that window are a consequence, not a separate fault.',
    nextSteps: ['If this repeats, look at what failed before it (`Init ... failed`, `GSM error in ...`): the restart treats the symptom.'],
    sources: ['S20'],
    samples: ['Thu Jan 16 08:40:43 2025 daemon.err mobifd: [gsm.modem0] Init failed. Forcing modem restart'],
  },
  {
    id: 'mobifd.restart-skipped',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'skipped. Health check failed',
    pattern: re('Modem (?<what>reboot|reload) skipped\\. Health check failed'),
    summary: '{modem}: mobifd wanted a modem {what} but its health check refused it',
    explanation:
      'mobifd wanted to restart (reboot) or reload the modem, but its health check said no, so the action was not taken. ' +
      'Whatever made mobifd want the restart is therefore still there.',
    sources: ['S20'],
    samples: ['Thu Jan 16 09:02:10 2025 daemon.warn mobifd: [gsm.modem0] Modem reboot skipped. Health check failed'],
  },
  {
    id: 'mobifd.restart-failed',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'error',
    tags: MOBIFD,
    literal: ['restart the modem', 'the restart modem', 'modem restart'],
    pattern: re('(?:Failed to restart the modem|Unable to restart the modem, continuing anyway|Failed to the restart modem after (?<retries>\\d+) retries|Failed to initiate modem restart)'),
    summary: '{modem}: mobifd could not restart the modem',
    explanation:
      'mobifd, which handles modem restarts on RutOS (its strings show it can invoke mctl, the modem power control tool, for them), logged that a restart of the modem did not work. ' +
      '`Failed to the restart modem after N retries` follows its `Will attempt to restart again` retries; with `Unable to restart the modem, continuing anyway...` it goes on without the restart. ' +
      'The line does not say why the restart failed, nor why mobifd wanted it: the mobifd and gsmd lines before it may (for example `Init failed. Forcing modem restart`, or a settings change that needs a restart).',
    nextSteps: [
      'Check whether the modem is on the bus: `lsusb` shows its own ID, a download-mode ID (Qualcomm\'s `05c6:9008` on Qualcomm-based modules) or no modem at all.',
      'Check whether it answers: `gsmctl -A AT`.',
    ],
    sources: ['S20', 'S25', 'F9', 'S22', 'KB36'],
    samples: [
      'Thu Jan 16 09:03:10 2025 daemon.err mobifd: [gsm.modem0] Failed to restart the modem',
      'Thu Jan 16 09:03:10 2025 daemon.err mobifd: [gsm.modem0] Unable to restart the modem, continuing anyway...',
    ],
  },
  {
    id: 'mobifd.sim-not-detected',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'SIM not detected',
    pattern: re('SIM not detected, waiting for "(?<wait>[^"]*)"'),
    summary: '{modem}: no SIM detected, mobifd waits ({wait})',
    explanation:
      'mobifd found no SIM card in the active slot and waits before checking again. ' +
      'Either no SIM is inserted in that slot, it is not seated, or the modem cannot read it.',
    nextSteps: ['Check the SIM is seated in the active slot (`gsmctl -T` shows the slot) and the SIM state (`gsmctl -z`).'],
    finding: 'sim-error',
    sources: ['S20', 'S19'],
    samples: ['Thu Jan 16 08:39:55 2025 daemon.warn mobifd: [gsm.modem0] SIM not detected, waiting for "30s"'],
  },
  {
    id: 'mobifd.sim-busy',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'info',
    tags: MOBIFD,
    literal: 'SIM is busy',
    pattern: re('SIM is busy\\. Waiting for SIM to be ready'),
    summary: '{modem}: SIM is busy, mobifd waits for it',
    explanation: 'The modem reports the SIM as busy (PIN state 14), which is normal for a short time while the SIM initialises after a modem start. Only a long wait is a problem.',
    sources: ['S20', 'S19'],
    samples: ['Thu Jan 16 08:40:01 2025 daemon.info mobifd: [gsm.modem0] SIM is busy. Waiting for SIM to be ready'],
  },
  {
    id: 'mobifd.sim-stuck-busy',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'error',
    tags: MOBIFD,
    literal: 'stuck in busy state',
    pattern: re('SIM seems to be stuck in busy state\\. Waiting for user action'),
    summary: '{modem}: SIM stuck in busy state, mobifd waits for user action',
    explanation:
      'The SIM stayed busy for too long and mobifd stopped trying on its own: the mobile connection will not come up until someone acts (reseat the SIM, restart the modem or the router).',
    nextSteps: ['Reseat the SIM or try another SIM; restart the modem (`gsmctl -Q`) or the router.'],
    finding: 'sim-error',
    sources: ['S20'],
    samples: ['Thu Jan 16 08:45:01 2025 daemon.err mobifd: [gsm.modem0] SIM seems to be stuck in busy state. Waiting for user action'],
  },
  {
    id: 'mobifd.sim-failure',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: ['Consecutive SIM failure', 'Failed to get SIM PIN state'],
    pattern: re('(?:Consecutive SIM failure detected, another SIM check after "(?<after>\\d+)s"|Failed to get SIM PIN state)'),
    summary: '{modem}: SIM check failed',
    explanation:
      'mobifd could not get a usable SIM state from the modem (SIM failure, or the PIN state query itself failed). ' +
      'After a modem firmware update this was seen together with `+CME ERROR: SIM failure` and a PIN state flipping between OK and "PIN required".',
    finding: 'sim-error',
    sources: ['S20', 'F5', 'F12'],
    samples: [
      'Thu Jan 16 08:41:10 2025 daemon.err mobifd: [gsm.modem0] Consecutive SIM failure detected, another SIM check after "60s"',
      'Thu Jan 16 08:41:12 2025 daemon.err mobifd: [gsm.modem0] Failed to get SIM PIN state',
    ],
  },
  {
    id: 'mobifd.pin-puk-failed',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'error',
    tags: MOBIFD,
    literal: 'code. Attempts left',
    pattern: re('Failed to set (?<kind>PIN|PUK) code\\. Attempts left: "(?<attempts>\\d+)"'),
    summary: '{modem}: the configured {kind} was refused, {attempts} attempts left',
    explanation:
      'The SIM refused the PIN or PUK code stored in the router configuration. Each refusal uses up an attempt; when none are left the SIM blocks (PUK required, then PUK blocked).',
    nextSteps: ['Correct the PIN in the SIM settings before more attempts are used up; `gsmctl -B` shows the remaining PIN/PUK attempts.'],
    finding: 'sim-error',
    sources: ['S20', 'S19'],
    samples: ['Thu Jan 16 08:40:20 2025 daemon.err mobifd: [gsm.modem0] Failed to set PUK code. Attempts left: "9"'],
  },
  {
    id: 'mobifd.emergency-only',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'Emergency Service Only',
    pattern: re('Modem connected to "Emergency Service Only"'),
    summary: '{modem}: mobifd reports the modem on "Emergency Service Only"',
    explanation:
      'mobifd reports the modem\'s network state as "Emergency Service Only" (a variant of the line ends in `. Try again`). ' +
      '(inference) This is the emergency-only registration state (code 8 in gsmd\'s registration codes): the modem has no normal service, so no mobile data. ' +
      'The line does not say why. It can mean the network does not allow this SIM (3GPP\'s "network not allowed - emergency calls only"), or, one of several other causes, that no network the SIM may use is in reach (inference).',
    nextSteps: [
      'Check the SIM and the network the modem sees: `gsmctl -z` (SIM state), `gsmctl -F` (network information), `gsmctl -o` (operator), `gsmctl -q` (signal); in a troubleshoot file, `get_net_reg_stat` and `get_signal_query` in gsm.log.',
    ],
    finding: 'registration-failed',
    sources: ['S20', 'S19', 'X68', 'S18b', 'S9', 'KB6'],
    samples: [
      'Thu Jan 16 08:42:30 2025 daemon.warn mobifd: [gsm.modem0] Modem connected to "Emergency Service Only"',
      'Thu Jan 16 08:42:30 2025 daemon.warn mobifd: [gsm.modem0] Modem connected to "Emergency Service Only". Try again',
    ],
  },
  {
    id: 'mobifd.registration-status-failed',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'Failed to get network registration status',
    pattern: re('Failed to get network registration status'),
    summary: '{modem}: mobifd could not read the network registration status',
    explanation: 'mobifd asked the modem (through gsmd) whether it is registered on a network and got no usable answer, so it cannot go on with the connection setup.',
    finding: 'registration-failed',
    sources: ['S20'],
    samples: ['Thu Jan 16 08:42:35 2025 daemon.err mobifd: [gsm.modem0] Failed to get network registration status'],
  },
  {
    id: 'mobifd.operator-failed',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: ['any operator', 'connect to operator', 'scanning for operators', 'No valid operators'],
    pattern: re('(?<what>Not connected to any operator|Modem failed to connect to operator|Modem has timeouted while scanning for operators|No valid operators found)'),
    summary: '{modem}: {what}',
    explanation:
      'mobifd\'s operator selection did not get the modem onto a network: it is not registered with any operator, the selected operator refused it, ' +
      'or an operator scan timed out (while scanning, the modem may not answer other commands).',
    nextSteps: ['Check signal and operator selection (`gsmctl -q`, `gsmctl -o`), and that the SIM is allowed on the available networks.'],
    finding: 'registration-failed',
    sources: ['S20'],
    samples: [
      'Thu Jan 16 08:43:00 2025 daemon.warn mobifd: [gsm.modem0] Not connected to any operator',
      'Thu Jan 16 08:45:00 2025 daemon.err mobifd: [gsm.modem0] Modem has timeouted while scanning for operators',
    ],
  },
  {
    id: 'mobifd.cfun-cops-failed',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'Failed to set C',
    pattern: re('Failed to set (?<what>CFUN|COPS): "(?<value>\\d+)"\\((?<mode>[^)]*)\\)(?<restriction> \\| SIM restriction detected)?'),
    summary: '{modem}: the modem refused {what}={value} ({mode}){restriction}',
    explanation:
      'mobifd could not set the modem\'s radio function (CFUN: full, minimal, flight mode) or its operator selection mode (COPS: automatic, manual, deregister). ' +
      'With "SIM restriction detected" the SIM does not allow that operator selection.',
    sources: ['S20'],
    samples: [
      'Thu Jan 16 08:40:15 2025 daemon.err mobifd: [gsm.modem0] Failed to set CFUN: "1"(full)',
      'Thu Jan 16 08:40:16 2025 daemon.err mobifd: [gsm.modem0] Failed to set COPS: "0"(auto) | SIM restriction detected',
    ],
  },
  {
    id: 'mobifd.data-setup-failed',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'error',
    tags: MOBIFD,
    literal: 'Failed to ',
    pattern: re('(?<what>Failed to set PDP "(?<pdp>\\d+)" context(?: authentication)?|Failed to set any APN|Failed to manage data connection|Failed to get IP address from PDP context "(?<ipPdp>\\d+)")'),
    summary: '{modem}: mobile data setup failed: {what}',
    explanation:
      'mobifd could not prepare or start the data session: the APN/PDP context could not be written to the modem, no APN could be set, ' +
      'or the modem returned no IP address for the PDP context. The mobile interface stays without data until a retry succeeds.',
    nextSteps: ['Check the APN and authentication settings of the mobile interface; compare with `gsm.log` `get_pdp_ctx_list` / `get_pdp_addr_list` in a troubleshoot file.'],
    finding: 'data-session-failed',
    sources: ['S20', 'S9'],
    samples: [
      'Thu Jan 16 08:44:02 2025 daemon.err mobifd: [gsm.modem0] Failed to set PDP "1" context',
      'Thu Jan 16 08:44:40 2025 daemon.err mobifd: [gsm.modem0] Failed to get IP address from PDP context "1"',
      'Thu Jan 16 08:44:41 2025 daemon.err mobifd: [gsm.modem0] Failed to manage data connection',
    ],
  },
  {
    id: 'mobifd.health-compromised',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'Modem health state compromised',
    pattern: re('Modem health state compromised'),
    summary: '{modem}: mobifd rates the modem\'s health as compromised',
    explanation: 'mobifd\'s own health tracking of the modem dropped to "compromised". It is mobifd\'s judgement after repeated problems; the lines before it say which.',
    sources: ['S20'],
    samples: ['Thu Jan 16 08:46:00 2025 daemon.warn mobifd: [gsm.modem0] Modem health state compromised'],
  },
  {
    id: 'mobifd.health-critical',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'error',
    tags: MOBIFD,
    literal: 'Modem health state critical',
    pattern: re('Modem health state critical'),
    summary: '{modem}: mobifd rates the modem\'s health as critical',
    explanation: 'mobifd\'s own health tracking of the modem reached "critical". It is mobifd\'s judgement after repeated problems; the lines before it say which.',
    sources: ['S20'],
    samples: ['Thu Jan 16 08:50:00 2025 daemon.err mobifd: [gsm.modem0] Modem health state critical'],
  },
  // mobifd restarting the modem on purpose (message-format strings of its binary: `Modem restart flag
  // was set by: '%s'`, `generic_restart invoked sucessfully`, its spelling): a blind probe's modem
  // restarted by mobifd's health check had been told a drop whose cause the log does not give.
  {
    id: 'mobifd.restart-flag',
    story: ['deliberate-restart'],
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'info',
    tags: MOBIFD,
    literal: 'Modem restart flag was set by',
    pattern: re("Modem restart flag was set by: '(?<by>[^']{0,40})'"),
    summary: '{modem}: mobifd is to restart the modem, asked by {by}',
    explanation: 'mobifd marked the modem for a restart and names what asked for it; the restart follows, and with it the modem leaves the USB bus and comes back.',
    sources: ['S20'],
    samples: ["Mon Sep  8 14:29:31 2025 daemon.info mobifd[2301]: [gsm.modem0] Modem restart flag was set by: 'health_check'"],
  },
  {
    id: 'mobifd.generic-restart',
    story: ['deliberate-restart'],
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'info',
    tags: MOBIFD,
    literal: 'generic_restart invoked',
    pattern: re('generic_restart invoked suc+ess?fully'),
    summary: '{modem}: mobifd restarted the modem',
    explanation: 'mobifd asked the modem to restart (its generic restart, through gsmd) and the request went through: the modem leaves the USB bus and comes back, on purpose.',
    sources: ['S20'],
    samples: ['Mon Sep  8 14:29:31 2025 daemon.info mobifd[2301]: [gsm.modem0] generic_restart invoked sucessfully'],
  },
  // mobifd's low-signal reconnect (formats of its binary): the signal below its threshold for its
  // count of checks, then the connection restarted on purpose (a blind probe's RUTX12 had its drop
  // told without the weak signal behind it).
  {
    id: 'mobifd.low-signal-triggered',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: ['Low signal notify triggered', 'Low signal reset triggered'],
    pattern: re('Low signal (?:notify|reset) triggered! Signal: "(?<signal>-?\\d{1,4})"(?: \\| Threshold: "(?<threshold>-?\\d{1,4})")?'),
    summary: '{modem}: mobifd found the signal low ({signal}, threshold {threshold})',
    explanation: 'mobifd checks the signal level against the low-signal threshold set for the mobile interface; after the configured number of checks below it, it notifies and, if so set, restarts the connection.',
    sources: ['S20'],
    samples: ['Thu Nov 20 13:07:37 2025 daemon.info mobifd[2617]: [gsm.modem1] Low signal notify triggered! Signal: "-111" | Threshold: "-105"', 'Thu Nov 20 13:07:38 2025 daemon.info mobifd[2617]: [gsm.modem1] Low signal reset triggered! Signal: "-113"'],
  },
  {
    id: 'mobifd.low-signal-restart',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'Restarting connection due to low signal level',
    pattern: re('Restarting connection due to low signal level'),
    summary: '{modem}: mobifd restarts the mobile connection because the signal is low',
    explanation: 'mobifd\'s low-signal reconnect: the signal stayed below the threshold, and mobifd takes the connection down and up again on purpose, hoping for a better cell.',
    finding: 'mobile-data-down',
    advice: 'lowSignalRestart',
    sources: ['S20'],
    samples: ['Thu Nov 20 13:07:39 2025 daemon.info mobifd[2617]: [gsm.modem1] Restarting connection due to low signal level'],
  },
  {
    id: 'mobifd.config-restart',
    story: ['deliberate-restart'],
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'info',
    tags: MOBIFD,
    literal: ['modem will restart', 'Restarting the modem to apply', 'Modem will be restarted', 'Restarting modem to apply'],
    pattern: re('(?<what>New (?:usbcfg|hotswap|sim recovery) configuration applied, modem will restart|Restarting the modem to apply pending changes|Modem will be restarted due to a change in settings|Restarting modem to apply [\\w ()-]{1,40}? configuration(?: changes)?)'),
    summary: '{modem}: planned modem restart: {what}',
    explanation:
      'mobifd changed a modem setting that only takes effect after a modem restart, and restarts the modem on purpose. ' +
      'A USB disconnect and re-enumeration follow. After a `usbcfg` change the modem\'s USB configuration is different, so its interfaces and ttyUSB numbering can change too.',
    sources: ['S20', 'S19', 'Q3'],
    samples: [
      'Thu Jan 16 08:39:30 2025 daemon.info mobifd: [gsm.modem0] New usbcfg configuration applied, modem will restart',
      'Thu Jan 16 08:39:30 2025 daemon.info mobifd: [gsm.modem0] Restarting the modem to apply pending changes',
    ],
  },
  {
    id: 'mobifd.modem-timeout',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'Got timeout from the modem',
    pattern: re('Got timeout from the modem'),
    summary: '{modem}: the modem did not answer in time',
    explanation: 'A request mobifd sent to the modem (during SIM/PIN handling) timed out. Repeated timeouts mean the modem is busy, hung or gone from the USB bus.',
    sources: ['S20'],
    samples: ['Thu Jan 16 08:40:18 2025 daemon.err mobifd: [gsm.modem0] Got timeout from the modem'],
  },
  // The mobile connection's own reasons (message formats [S20]): a roaming network the SIM's
  // settings refuse data on, a data connection lost, and the network's reject causes.
  {
    id: 'mobifd.roaming-data-denied',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'deny data roaming flag',
    pattern: re('(?<what>Roaming network registration and deny data roaming flag was found\\. All interfaces will be turned down|Roaming operator detected and deny data roaming flag is on\\. Connection will not be initiated!?)'),
    summary: '{modem}: the modem is roaming and the SIM\'s settings deny data roaming: no mobile data',
    explanation:
      'mobifd found the modem registered on a roaming network while the SIM\'s settings deny data roaming, so it does not start the mobile data connection (or turns its interfaces down). ' +
      'Nothing is broken: the router does what it was set to do.',
    nextSteps: ['If data while roaming is wanted (and the SIM\'s plan allows it), allow data roaming in the SIM\'s mobile settings; otherwise use a SIM of the network the router is in.'],
    finding: 'data-session-failed',
    advice: 'allowDataRoaming',
    sources: ['S20'],
    samples: [
      'Thu Jan 16 08:44:02 2025 daemon.notice mobifd: [gsm.modem0] Roaming operator detected and deny data roaming flag is on. Connection will not be initiated!',
      'Thu Jan 16 08:44:02 2025 daemon.notice mobifd: [gsm.modem0] Roaming network registration and deny data roaming flag was found. All interfaces will be turned down',
    ],
  },
  {
    id: 'mobifd.data-connection-lost',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'Data connection was lost',
    pattern: re('Data connection was lost'),
    summary: '{modem}: mobifd lost the mobile data connection',
    explanation: 'mobifd reports that the modem\'s data connection was lost; the lines around it tell why (registration, signal, the modem itself).',
    finding: 'mobile-data-down',
    sources: ['S20'],
    samples: ['Thu Jan 16 08:46:10 2025 daemon.notice mobifd: [gsm.modem0] Data connection was lost'],
  },
  {
    id: 'mobifd.reject-registration',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'reject cause "',
    pattern: re('(?:Network notification received -> )?(?<layer>EMM|5GMM) reject cause "(?<cause>[^"]*)"'),
    summary: '{modem}: the network rejected the modem\'s registration ({layer} cause "{cause}")',
    explanation: 'The network sent the modem a reject with a cause: EMM (LTE) and 5GMM (5G) causes refuse the registration (attach); the cause names why (the SIM or device not allowed, the network not allowed, no subscription).',
    finding: 'registration-failed',
    sources: ['S20'],
    samples: ['Thu Jan 16 08:47:00 2025 daemon.warn mobifd: [gsm.modem0] Network notification received -> EMM reject cause "PLMN not allowed"'],
  },
  {
    id: 'mobifd.reject-data',
    stack: 'rutos',
    subsystem: 'mobifd',
    severity: 'warning',
    tags: MOBIFD,
    literal: 'reject cause "',
    pattern: re('(?:Network notification received -> )?ESM reject cause "(?<cause>[^"]*)"'),
    summary: '{modem}: the network refused the data connection (ESM cause "{cause}")',
    explanation: 'The network sent the modem an ESM reject with a cause: it refused the data connection (the PDN); the cause names why (a missing or unknown APN, no subscription for the service, the network\'s own failure).',
    finding: 'data-session-failed',
    sources: ['S20'],
    samples: [
      'Thu Jan 16 08:47:00 2025 daemon.warn mobifd: [gsm.modem0] Network notification received -> ESM reject cause "Missing or unknown APN"',
      'Thu Jan 16 08:47:00 2025 daemon.warn mobifd: [gsm.modem0] ESM reject cause "Missing or unknown APN" received. Setting connection timeout',
    ],
  },
];
