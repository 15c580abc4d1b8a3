import type { CatalogueEntry } from '../types';

// gsmd, Teltonika's closed-source modem daemon. Message formats come from `strings` on the binary
// ([S8], listed in ../shared/knowledge/message-format-strings.md); real instances from [F1].
// The modem is written as `<usb path> [<vid:pid>]`; gsmd logs at daemon.info and puts its real
// level in the text (knowledge 1.1). Samples marked [F1] are real; the others are built from the
// format strings, with made-up `[function:line]` locations and timestamps.

const MODEM = '`(?<usbPath>[^`\\s]+) \\[(?<vidpid>[0-9a-fA-F]{4}:[0-9a-fA-F]{4})\\]`';
const re = (s: string): RegExp => new RegExp(s.replace('%MODEM%', MODEM));

export const gsmdEntries: CatalogueEntry[] = [
  {
    id: 'gsmd.write-failed',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['gsmd'],
    literal: 'modem failed: errno',
    pattern: re('\\[CMM\\] Write to %MODEM% modem failed: errno (?<errno>\\d+)'),
    summary: 'gsmd could not write to modem {usbPath} ({model}): errno {errno} ({errnoName})',
    group: 'gsmd write failures',
    explanation:
      'gsmd tried to send an AT command to the modem\'s AT serial port and the write() failed. ' +
      'errno 5 (EIO) is what the kernel returns for a write to a tty that has been hung up, which happens when the USB device behind it disappears: ' +
      'the modem reset, rebooted into a firmware update, crashed or lost power while gsmd still had the old port open. ' +
      'A burst of these lines means gsmd is talking to a port that no longer exists.',
    nextSteps: [
      'Look for a kernel `usb 1-1: USB disconnect` line near these lines: it tells when the modem left the bus.',
      'Check whether the modem came back (`new high-speed USB device`) and whether gsmd registered it again (`New modem`).',
    ],
    finding: 'modem-write-failure',
    sources: ['S8', 'K4', 'K5', 'F1'],
    samples: [
      '525 Mon Dec 2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
      'Mon Dec  2 19:55:00 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
    ],
  },
  {
    id: 'gsmd.send-failed',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['gsmd'],
    literal: 'Failed to send command (',
    pattern: re('\\[CMM\\] Failed to send command \\((?<transferred>\\d+)/(?<total>\\d+) bytes transferred\\) to %MODEM% modem'),
    summary: 'gsmd could not send an AT command to modem {usbPath}: {transferred} of {total} bytes written',
    group: 'gsmd AT send failures',
    explanation:
      'Follows a failed write: none (0/8) or only part of the AT command reached the modem. ' +
      'It is the same failure as the `Write to ... failed` line above it, seen from the request that was being sent.',
    finding: 'modem-write-failure',
    sources: ['S8', 'F1'],
    samples: [
      '526 Mon Dec 2 19:54:59 2024 daemon.info gsmd[3553]: [common_write_handle:224] warning: [CMM] Failed to send command (0/8 bytes transferred) to `1-1 [2c7c:6005]` modem!',
    ],
  },
  {
    id: 'gsmd.read-failed',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gsmd'],
    literal: 'modem read: errno',
    pattern: re('\\[CMM\\] An error occurred in %MODEM% modem read: errno (?<errno>\\d+)'),
    summary: 'gsmd could not read from modem {usbPath} ({model}): errno {errno} ({errnoName})',
    group: 'gsmd read failures',
    explanation:
      'The read side of a lost AT port: gsmd waited for the modem\'s answer and read() failed. ' +
      'With errno 5 (EIO) the tty was hung up because the USB device went away.',
    finding: 'modem-read-failure',
    sources: ['S8', 'K4', 'K5'],
    samples: [
      'Mon Dec  2 19:55:01 2024 daemon.info gsmd[3553]: [__read:1342] error: [CMM] An error occurred in `1-1 [2c7c:6005]` modem read: errno 5',
    ],
  },
  {
    id: 'gsmd.not-responsive',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gsmd'],
    literal: 'is not responsive!',
    pattern: re('\\[MODEM\\] Modem %MODEM% is not responsive!'),
    summary: 'gsmd declared modem {usbPath} ({model}) unresponsive',
    explanation:
      'gsmd\'s hang detection (`__trigger_hang`) fired for this modem, and gsmd sends a "hang event" to other components (`Failed to send hang event` is logged when it cannot). ' +
      'The line does not say what tripped the detection or what a component does with the event; the gsmd lines just before it (AT requests reaching their timeout, `Multiple request to the modem timeouted`, errno write or read errors) show what gsmd saw.',
    nextSteps: [
      'Look at the gsmd lines just before it (request timeouts, errno write/read errors) and the kernel lines around it: a `USB disconnect` of the modem means it left the bus.',
      'Check whether the modem answers now: `gsmctl -A AT`.',
    ],
    finding: 'modem-unresponsive',
    sources: ['S8', 'KB6'],
    samples: [
      'Tue Jan  7 10:02:11 2025 daemon.info gsmd[2701]: [__trigger_hang:412] error: [MODEM] Modem `1-1 [2c7c:6005]` is not responsive!',
    ],
  },
  {
    id: 'gsmd.multiple-timeouts',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gsmd'],
    literal: 'Multiple request to the modem timeouted',
    // (The subsystem's bracket may be gone from a paste: the words are gsmd's alone.)
    pattern: /(?:\[MODEM_MANAGER\] )?Multiple request to the modem timeouted, modem may be unresponsive/,
    summary: 'Several AT requests in a row timed out: the modem may be unresponsive',
    explanation: 'gsmd counted several consecutive AT request timeouts. The modem is busy, hung, or no longer on the port gsmd uses.',
    finding: 'modem-unresponsive',
    sources: ['S8'],
    samples: [
      'Tue Jan  7 10:02:09 2025 daemon.info gsmd[2701]: [__request_timeout:1210] error: [MODEM_MANAGER] Multiple request to the modem timeouted, modem may be unresponsive',
    ],
  },
  {
    id: 'gsmd.request-timeout',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'info',
    tags: ['gsmd'],
    literal: 'timeout (',
    pattern: re('\\[MODEM_MANAGER\\] Warning: request \\((?<request>\\d+)\\) reached (?<which>\\w+) timeout \\((?<seconds>\\d+)s\\) on %MODEM% modem'),
    summary: 'An AT request to modem {usbPath} hit its {which} timeout ({seconds} s)',
    group: 'AT request timeouts',
    explanation: 'One AT request waited longer than its queue or execution timeout. A single one is common; many in a row mean the modem stopped answering.',
    sources: ['S8'],
    samples: [
      'Tue Jan  7 10:02:05 2025 daemon.info gsmd[2701]: [__request_timeout:1190] debug: [MODEM_MANAGER] Warning: request (1532) reached execution timeout (5s) on `1-1 [2c7c:6005]` modem!',
    ],
  },
  {
    id: 'gsmd.already-registered',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gsmd'],
    literal: 'already exists and is registered',
    pattern: re('\\[MODEM_MANAGER\\] Modem %MODEM% already exists and is registered!'),
    summary: 'gsmd refused to register modem {usbPath} ({model}) again: it still holds an instance for that USB id',
    explanation:
      'The USB hotplug script announced a modem on {usbPath} as added (`hotplug.modem_added`), and gsmd still held an instance for that USB id, so it refused the new one; `Unable to initialize ... modem!` follows. ' +
      '(inference) The removal of the device that went away was missed or not yet processed; the old instance keeps writing to the dead port, which gives `errno 5` write errors. ' +
      'The line does not say why the modem left the bus and came back: a modem reset, a reboot into a firmware update, a crash, a power loss or a deliberate restart (ping_reboot, mobifd, mctl) all make a USB device leave and return. ' +
      'gsmd logs a successful registration (`New modem:`) only at debug level, so later silence proves little; without such a line, the log does not show gsmd taking the modem back. ' +
      '(inference) A gsmd restart or a reboot lets gsmd register it again.',
    nextSteps: [
      'Check the modem is on the bus: `lsusb` shows its own ID when it runs its firmware (a download-mode ID instead, such as Qualcomm\'s `05c6:9008` on Qualcomm-based modules, or no modem at all, means it does not), and `ls /dev/ttyUSB*`.',
      'Check whether gsmd has it now: `ubus list gsm.*` and `gsmctl -A AT`.',
      'If a modem firmware update was running (WebUI banner, dfota lines), save the evidence before any reboot: `cat /tmp/dfota_status.json` and `logread > /tmp/before-reboot.log` (a reboot empties /tmp and the RAM log).',
      'Restart gsmd (`/etc/init.d/gsmd restart`) or reboot the router cleanly (not by pulling power) so gsmd can register the modem again; after an update, check the firmware version with `gsmctl -y`.',
    ],
    finding: 'modem-duplicate-registration',
    sources: ['S8', 'S17', 'F1', 'K3b', 'KB43', 'S16', 'S18b', 'F9', 'S22', 'KB36', 'KB6'],
    samples: [
      '565 Mon Dec 2 19:55:05 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!',
    ],
  },
  {
    id: 'gsmd.unable-to-initialize',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gsmd'],
    literal: 'Unable to initialize `',
    pattern: re('\\[MODEM_MANAGER\\] Unable to initialize %MODEM% modem!'),
    summary: 'gsmd did not create modem {usbPath} ({model}) after it was announced',
    explanation:
      'The end of gsmd\'s handling of a "modem added" event (`__modem_added`): the modem object was not created. ' +
      'Right after `already exists and is registered!` it means the new modem was refused because the stale one is still registered.',
    finding: 'modem-duplicate-registration',
    sources: ['S8', 'F1'],
    samples: [
      '566 Mon Dec 2 19:55:05 2024 daemon.info gsmd[3553]: [__modem_added:594] error: [MODEM_MANAGER] Unable to initialize `1-1 [2c7c:6005]` modem!',
    ],
  },
  {
    id: 'gsmd.port-missing',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gsmd'],
    literal: 'serial port name for `',
    pattern: re('\\[MODEM_MANAGER\\] Failed to get (?<port>cmd|data|gps) serial port name for %MODEM% modem in `(?<dir>[^`]*)` dir!'),
    summary: 'gsmd found no {port} port tty for modem {usbPath} ({model}) under {dir}',
    explanation:
      'gsmd finds each port by USB interface, not by tty number: it looks for the tty under `<usb id>:1.<n>` (here {dir}), with `n` taken from the modem\'s `/lib/network/wwan/<vid>:<pid>` file, and that interface has no tty. ' +
      'This can mean one of several things: the modem came up in a USB composition that puts this function on another interface (inference; on Qualcomm-based Quectel modules a usbnet change moves the AT port, e.g. interface 2 in RMNET/ECM/MBIM, 4 in RNDIS), ' +
      'or no serial driver bound that interface, or the interface does not exist at that moment. ' +
      'For the Quectel EC200A (2c7c:6005) an ECM (`cdc_ether`) composition does not explain it: there `option` binds interfaces 2, 3 and 4 and the AT port stays on interface 3.',
    nextSteps: [
      'Compare the kernel lines of the last enumeration of this device (which interfaces `option` bound, `converter detected` lines with `:1.<n>`) with the interface number in the path gsmd names.',
      'Check the modem\'s ID with `lsusb`: a different ID means it runs a different firmware or mode.',
    ],
    finding: 'modem-port-missing',
    sources: ['S8', 'S6', 'S17', 'KB42', 'KB43', 'K1', 'Q3', 'Q1'],
    samples: [
      'Mon Dec  2 19:57:40 2024 daemon.info gsmd[3553]: [__get_port_name:388] error: [MODEM_MANAGER] Failed to get cmd serial port name for `1-1 [2c7c:6005]` modem in `/sys/bus/usb/devices/1-1:1.3` dir!',
    ],
  },
  {
    id: 'gsmd.open-failed',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gsmd'],
    literal: 'Failed to open modem at `',
    pattern: /\[CMM\] Failed to open modem at `(?<path>[^`]*)` path!/,
    summary: 'gsmd could not open the modem port {path}',
    explanation: 'The AT port gsmd was told to use does not exist or cannot be opened: the modem left the bus, or its ports were renumbered.',
    finding: 'modem-port-missing',
    sources: ['S8'],
    samples: ['Mon Dec  2 19:57:41 2024 daemon.info gsmd[3553]: [__open:851] error: [CMM] Failed to open modem at `/dev/ttyUSB1` path!'],
  },
  {
    id: 'gsmd.tty-setup-failed',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'error',
    tags: ['gsmd'],
    literal: 'Failed to set-up tty',
    pattern: re('\\[CMM\\] Failed to set-up tty (?:for|in) %MODEM% modem!'),
    summary: 'gsmd could not set up the AT port tty of modem {usbPath}',
    explanation:
      'gsmd\'s communication manager (CMM), which sets up the modem\'s AT tty, failed to set up the tty of modem {usbPath}. The line does not say which step failed. ' +
      'It means the AT port is missing or not usable, which can have more than one cause: the modem left the bus while gsmd was setting the port up, ' +
      'or the tty is not a usable AT port (for example after the modem came up in another USB composition). The kernel lines around it tell which.',
    nextSteps: [
      'Look at the kernel lines around it: a `USB disconnect` of the modem, or, at its last enumeration, which interfaces `option` bound.',
      'Check whether the modem answers: `gsmctl -A AT`.',
    ],
    finding: 'modem-port-missing',
    sources: ['S8', 'S17', 'KB42', 'KB43'],
    samples: ['Mon Dec  2 19:57:41 2024 daemon.info gsmd[3553]: [__setup:902] error: [CMM] Failed to set-up tty for `1-1 [2c7c:6005]` modem!'],
  },
  {
    id: 'gsmd.new-modem',
    story: ['modem-back'],
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'info',
    tags: ['gsmd'],
    literal: 'New modem',
    pattern: /\[MODEM_MANAGER\] New modem:?/,
    summary: 'gsmd registered a modem',
    explanation: 'gsmd created a modem instance (debug level); the lines after it list the USB port, VID:PID and the tty ports it uses. After a modem was lost, this is the sign it was taken back.',
    sources: ['S8'],
    samples: ['Mon Dec  2 20:10:02 2024 daemon.info gsmd[4120]: [__new_modem:801] debug: [MODEM_MANAGER] New modem:'],
  },
  {
    id: 'gsmd.removing-modem',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'info',
    tags: ['gsmd'],
    literal: 'Removing modem',
    pattern: /\[MODEM_MANAGER\] Removing modem (?<usbPath>\S+?)\.{0,3}$/,
    summary: 'gsmd is removing modem {usbPath}',
    explanation: 'gsmd handles a "modem removed" hotplug event and tears its instance down. This is the clean path when a modem leaves the bus.',
    sources: ['S8', 'S17'],
    samples: ['Mon Dec  2 19:54:58 2024 daemon.info gsmd[3553]: [__modem_removed:640] debug: [MODEM_MANAGER] Removing modem 1-1...'],
  },
  {
    id: 'gsmd.fota-state',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: ['gsmd'],
    literal: 'FOTA State',
    // gsmd prints the state alone, with a percentage, or with a number (message formats:
    // `FOTA State => %s`, `%s %d%%`, `%s %d`); the table of knowledge 3.6 writes the percentage in brackets.
    // END with a number is the module's <err>, read by gsmd.fota-end.
    pattern: re('Modem %MODEM% URC Event: FOTA State => (?<state>(?!END\\b)\\w+)(?: \\[?(?<percent>\\d+)%\\]?| (?<value>\\d+))?\\s*$'),
    summary: 'Modem {usbPath} firmware update: {state} {percent}%',
    explanation:
      'The Quectel modem reports DFOTA progress (`+QIND: "FOTA"`). States run FTPSTART/HTTPSTART/FILESTART, DOWNLOADING, FTPEND/HTTPEND/FILEEND, START, UPDATING, END.',
    finding: 'fw-update-started',
    sources: ['S8', 'S19'],
    samples: [
      'Mon Dec  2 19:50:12 2024 daemon.info gsmd[3553]: [quectel_urc_fota:220] debug: [QUECTEL_DRIVER] Modem `1-1 [2c7c:6005]` URC Event: FOTA State => UPDATING [45%]',
      'Mon Dec  2 19:50:12 2024 daemon.info gsmd[3553]: [quectel_urc_fota:220] debug: [QUECTEL_DRIVER] Modem `1-1 [2c7c:6005]` URC Event: FOTA State => UPDATING 45%',
      'Mon Dec  2 19:49:02 2024 daemon.info gsmd[3553]: [quectel_urc_fota:214] debug: [QUECTEL_DRIVER] Modem `1-1 [2c7c:6005]` URC Event: FOTA State => START',
    ],
  },
  {
    id: 'gsmd.fota-end',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'info',
    tags: ['gsmd'],
    literal: 'FOTA State',
    pattern: re('Modem %MODEM% URC Event: FOTA State => END (?<err>\\d+)\\s*$'),
    summary: 'Modem {usbPath} firmware update ended (error {err})',
    explanation:
      'The Quectel modem reports the end of its DFOTA update (`+QIND: "FOTA","END",<err>`), and gsmd logs the number: 0 means the upgrade succeeded, any other value an error (502 unpredictable, 504/505 a bad package, 510 a package for other firmware, 511 no space, 520-530 and 540-546 a failed upgrade).',
    finding: 'fw-update-failed',
    findingIf: { field: 'err', pattern: /^[1-9]/, severity: 'error' },
    story: ['update-finished'],
    storyIf: { field: 'err', values: ['0'] },
    sources: ['S8', 'S19', 'X95'],
    samples: ['Mon Dec  2 19:58:40 2024 daemon.info gsmd[3553]: [quectel_urc_fota:220] debug: [QUECTEL_DRIVER] Modem `1-1 [2c7c:6005]` URC Event: FOTA State => END 0'],
  },
  {
    id: 'gsmd.pin-state',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'info',
    tags: ['gsmd'],
    literal: 'URC Event: PIN State',
    pattern: re('Modem %MODEM% URC Event: PIN State: (?<state>.*?) \\((?<code>\\d+)\\)'),
    summary: 'SIM PIN state of modem {usbPath}: {state} ({code})',
    explanation: 'The modem reported a SIM PIN state change. Codes: 0 unknown, 1 OK, 2 not ready, 4 PIN required, 5 PUK required, 10 not inserted, 13 SIM failure, 14 SIM busy, 15 PUK blocked.',
    finding: 'sim-error',
    findingIf: { field: 'code', values: ['5', '10', '13', '15'], severity: 'warning' },
    sources: ['S8', 'S19'],
    samples: ['Fri Mar  7 08:12:40 2025 daemon.info gsmd[2210]: [urc_pin_state:133] debug: Modem `1-1 [2c7c:0801]` URC Event: PIN State: Required PIN (4)'],
  },
  {
    id: 'gsmd.net-state',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'info',
    tags: ['gsmd'],
    literal: 'URC Event: NET State',
    pattern: re('Modem %MODEM% URC Event: NET State: (?<state>.*?) \\((?<code>\\d+)\\)'),
    summary: 'Network registration of modem {usbPath}: {state} ({code})',
    explanation: 'Registration change. Codes: 0 not registered, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming, 6/7 SMS only, 8 emergency only.',
    finding: 'registration-failed',
    findingIf: { field: 'code', values: ['3'], severity: 'warning' },
    sources: ['S8', 'S19'],
    samples: ['Fri Mar  7 08:12:55 2025 daemon.info gsmd[2210]: [urc_net_state:160] debug: Modem `1-1 [2c7c:0801]` URC Event: NET State: Denied (3)'],
  },
  {
    id: 'gsmd.echo-active',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'info',
    tags: ['gsmd'],
    literal: 'Echo is active',
    pattern: re('\\[CMM\\] Echo is active on %MODEM% modem'),
    summary: 'Modem {usbPath} echoes commands; gsmd turns echo off',
    explanation: 'Normal right after a modem reboot: the modem starts with echo on and gsmd sends ATE0.',
    sources: ['S8'],
    samples: ['Mon Dec  2 20:10:04 2024 daemon.info gsmd[4120]: [__setup:911] debug: [CMM] Echo is active on `1-1 [2c7c:6005]` modem, turning it off...'],
  },
  {
    id: 'gsmd.blacklisted',
    stack: 'rutos',
    subsystem: 'modem',
    severity: 'warning',
    tags: ['gsmd'],
    literal: 'is on the black list',
    pattern: re('\\[MODEM_MANAGER\\] Modem %MODEM% is on the black list!'),
    summary: 'gsmd skips modem {usbPath}: it is on the black list',
    explanation: 'The modem is blocked by configuration, so gsmd will not manage it.',
    sources: ['S8'],
    samples: ['Mon Dec  2 20:10:02 2024 daemon.info gsmd[4120]: [__new_modem:760] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` is on the black list! Skipping...'],
  },
  {
    id: 'gsmd.fota-event-failed',
    stack: 'rutos',
    subsystem: 'firmware-update',
    severity: 'warning',
    tags: ['gsmd'],
    literal: "'gsm.fota_state' ubus event",
    pattern: re("Failed to send 'gsm\\.fota_state' ubus event for %MODEM% modem"),
    summary: 'gsmd could not publish firmware-update progress for modem {usbPath}',
    explanation: 'The FOTA progress event could not be sent on ubus, so the WebUI may not see the update progress.',
    sources: ['S8'],
    samples: ["Mon Dec  2 19:50:13 2024 daemon.info gsmd[3553]: [fota_notify:77] error: Failed to send 'gsm.fota_state' ubus event for `1-1 [2c7c:6005]` modem!"],
  },
];
