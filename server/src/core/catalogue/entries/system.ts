import type { CatalogueEntry } from '../types';

// Boot, reboot and clock markers, and lsusb output pasted into logs (knowledge 1.6, 3.5, 4.1).

export const systemEntries: CatalogueEntry[] = [
  {
    id: 'system.watchdog-reset',
    story: ['watchdog'],
    subsystem: 'system',
    severity: 'warning',
    tags: ['kernel', 'procd', 'init', '-'],
    literal: 'Watchdog has previously reset the system',
    pattern: /(?:init|procd): Watchdog has previously reset the system/,
    summary: 'The hardware watchdog reset the system before this boot',
    explanation: 'procd found that the last run ended with a watchdog reset: the system hung and was restarted, an unplanned reboot.',
    finding: 'unexpected-reboot',
    sources: ['X1'],
    samples: ['Thu Feb  6 11:19:53 2025 user.info kernel: [    3.657646] init: Watchdog has previously reset the system'],
  },
  {
    // procd, OpenWrt's PID 1, begins an orderly shutdown (state.c's STATE_SHUTDOWN, X77): a reboot or
    // power-off someone or something asked for, not a crash (a blind probe's router rebooted by a
    // person after an SSH login had been told only that the system restarted).
    id: 'procd.shutdown',
    story: ['deliberate-restart', 'shutdown'],
    subsystem: 'system',
    severity: 'info',
    tags: ['procd', 'init', 'kernel', '-'],
    literal: '- shutdown -',
    pattern: /^(?:(?:procd|init): )?- shutdown -\s*$/,
    summary: 'OpenWrt init (procd) shuts the system down in order: a reboot or power-off was asked for',
    explanation: 'procd logs this as it starts an orderly shutdown: the `reboot` or `poweroff` command, the web interface, a firmware upgrade or a script asked for one. It is no crash and no power loss; the lines before it may say who asked.',
    sources: ['X77'],
    samples: ['Sat Apr 18 18:07:52 2026 daemon.info procd: - shutdown -', 'Sat Apr 18 18:07:52 2026 kern.info kernel: [ 8812.100000] procd: - shutdown -'],
  },
  {
    // The Linux watchdog daemon (watchdog(8)): a check failed (a ping, the load, a repair script)
    // and it reboots the system on purpose (X148). A blind probe's Pi had been told only that the
    // system restarted.
    id: 'watchdogd.shutdown',
    story: ['deliberate-restart', 'shutdown'],
    subsystem: 'system',
    severity: 'warning',
    tags: ['watchdog'],
    literal: 'shutting down the system because of error',
    pattern: /^shutting down the system because of error (?<code>-?\d+)(?: = '(?<why>[^']*)')?/,
    summary: 'The watchdog daemon reboots the system: error {code} {why}',
    explanation: 'The watchdog daemon restarts the system when one of its checks fails (a host it pings is unreachable, the load is too high, a test or repair script failed); the error says which. The lines just before it name the check.',
    sources: ['X148'],
    samples: ["Dec  6 03:24:11 rpi-gw01 watchdog[389]: shutting down the system because of error 101 = 'Network is unreachable'", 'Jul  5 01:50:02 localhost watchdog[608]: shutting down the system because of error -3'],
  },
  // OpenWrt's (and RutOS's) firmware upgrade (sysupgrade, X176): the system stops its programs and
  // restarts into the new firmware. What goes down with it is the upgrade's doing (a blind probe's
  // RUTX11 upgraded by its FOTA had its mobile interface's going down told as a data problem with
  // the APN's advice).
  {
    id: 'openwrt.sysupgrade',
    story: ['deliberate-restart', 'shutdown'],
    subsystem: 'system',
    severity: 'info',
    tags: ['upgrade', 'sysupgrade', '-'],
    literal: ['Commencing upgrade', 'Performing system upgrade'],
    pattern: /^(?:Commencing upgrade\. Closing all shell sessions\.|Performing system upgrade\.\.\.)\s*$/,
    summary: 'The router installs new firmware (sysupgrade) and restarts into it',
    explanation: 'OpenWrt\'s sysupgrade logs this as it stops the system\'s programs to write a new firmware image; the router then restarts into it. The interfaces and connections that go down until then are the upgrade\'s doing, not a fault.',
    sources: ['X176'],
    samples: ['Wed Nov 25 03:01:14 2026 user.info upgrade: Commencing upgrade. Closing all shell sessions.', 'Mon Dec  2 10:00:05 2024 user.notice sysupgrade: Performing system upgrade...'],
  },
  // The kernel's last line of a restart or power-off the reboot system call asked for (kernel/reboot.c,
  // X150: kernel_restart's `Restarting system`, kernel_power_off's `Power down`, kernel_halt's
  // `System halted`, each after `reboot: `). A panic's or a watchdog's reset prints none of them.
  {
    id: 'kernel.reboot',
    story: ['deliberate-restart', 'shutdown'],
    subsystem: 'system',
    severity: 'info',
    // A paste without the kernel's tag (LuCI's table) reads `reboot:` as the program: under it, the rest.
    tags: ['kernel', '-', 'reboot'],
    literal: ['Restarting system', 'Power down', 'System halted'],
    pattern: /^(?:reboot: )?(?:Restarting system(?: with command '(?<command>[^']*)')?|Power down|System halted)\s*$/,
    summary: 'The kernel restarts or powers off the system, as asked',
    explanation: 'The kernel\'s last line before it restarts, powers off or halts the machine on the `reboot` system call: a person, a script or the init system asked for it (`reboot`, `poweroff`, a scheduled reboot). A crash or a watchdog reset does not print it.',
    sources: ['X150'],
    samples: ['Sun Jan 12 04:00:03 2025 kern.info kernel: [581207.114021] reboot: Restarting system', "[ 9021.110000] reboot: Restarting system with command 'recovery'", 'Jan 12 04:00:03 pi kernel: reboot: Power down'],
  },
  // systemd-logind, asked by systemctl or a desktop to reboot or power off (src/login/logind-dbus.c,
  // X151; newer versions add who asked: `System is rebooting (requested by user root/0).`).
  {
    id: 'logind.shutdown',
    story: ['deliberate-restart', 'shutdown'],
    subsystem: 'system',
    severity: 'info',
    tags: ['systemd-logind'],
    literal: ['System is rebooting', 'System is powering down', 'System is halting'],
    pattern: /^System is (?:rebooting|powering down|halting)\b/,
    summary: 'systemd-logind: the system is shutting down, as asked: {message}',
    explanation: 'systemd-logind logs this when a reboot or power-off it was asked for (`systemctl reboot`, `shutdown -r`, a desktop\'s menu) begins: an orderly shutdown, no crash.',
    sources: ['X151'],
    samples: ['Jan 12 04:00:00 pi systemd-logind[402]: System is rebooting.', 'Jan 12 04:00:00 t14 systemd-logind[1021]: System is powering down (requested by user root/0).'],
  },
  // The kernel's system sleep (kernel/power/suspend.c and hibernate.c, pr_fmt "PM: ", X158): entry
  // and exit. A USB modem loses its power in many machines' sleep and comes back as a new device.
  {
    id: 'kernel.sleep-entry',
    story: ['sleep'],
    subsystem: 'system',
    severity: 'info',
    // (A paste without the kernel's tag reads `PM:` as the program: under it, the rest.)
    tags: ['kernel', '-', 'pm'],
    literal: ['suspend entry (', 'hibernation entry'],
    pattern: /^(?:PM: )?(?:suspend entry \((?<state>[\w-]+)\)|hibernation entry)/,
    summary: 'The system goes to sleep ({state})',
    explanation: 'The kernel begins a system sleep (suspend to RAM or idle, or hibernation): devices are suspended, and on many machines USB devices lose their power until the system wakes.',
    sources: ['X158'],
    samples: ['May 30 18:44:52 x270-field kernel: PM: suspend entry (deep)', '[ 8123.000000] PM: suspend entry (s2idle)'],
  },
  {
    id: 'kernel.sleep-exit',
    story: ['wake'],
    subsystem: 'system',
    severity: 'info',
    tags: ['kernel', '-', 'pm'],
    literal: ['suspend exit', 'hibernation exit'],
    pattern: /^(?:PM: )?(?:suspend|hibernation) exit/,
    summary: 'The system woke from sleep',
    explanation: 'The kernel finished waking from a system sleep: devices were resumed, and a USB device that lost its power during the sleep was enumerated again as a new device.',
    sources: ['X158'],
    samples: ['May 30 21:07:33 x270-field kernel: PM: suspend exit'],
  },
  // A time daemon that stepped the clock says by how much (chronyd, X174; busybox ntpd, X175): the
  // time across the step is measured without it (LogEvent.clockStepMs). A blind probe's modem,
  // off the bus 23 s across chrony's 2-hour step, had been told back 2 h later.
  {
    id: 'chrony.clock-stepped',
    subsystem: 'system',
    severity: 'info',
    tags: ['chronyd'],
    literal: 'System clock was stepped by ',
    pattern: /^System clock was stepped by (?<step>[-+]?\d+(?:\.\d+)?) seconds/,
    summary: 'chronyd stepped the system clock by {step} s',
    explanation: 'chronyd corrected the system clock at once, by the seconds given (forward when positive): times before this line are on the clock before the step.',
    clockStep: 'step',
    sources: ['X174'],
    samples: ['Oct 08 08:14:32 edge-gw3 chronyd[712]: System clock was stepped by 7200.311822 seconds', 'Jan 27 22:33:06 localhost chronyd[867]: System clock was stepped by -32400.283303 seconds'],
  },
  {
    id: 'ntpd.set-time',
    subsystem: 'system',
    severity: 'info',
    tags: ['ntpd'],
    literal: 'setting time to',
    pattern: /^setting time to\s*\S+\s+\S+\s+\(offset (?<step>[-+]?\d+(?:\.\d+)?)s\)/,
    summary: 'ntpd set the system clock (offset {step} s)',
    explanation: 'BusyBox\'s ntpd (OpenWrt\'s, RutOS\'s) stepped the system clock to the time its server gave, by the offset given: times before this line are on the clock before the step (on a router without a clock of its own, often 1970 or its firmware\'s date).',
    clockStep: 'step',
    sources: ['X175'],
    samples: ['Mon Dec  2 19:54:59 2024 daemon.notice ntpd[1432]: setting time to 2024-12-02 19:54:59.123456 (offset +1733168000.123456s)'],
  },
  // What prepares the sleep before the kernel's line (X172, X173): a modem taken off the bus as
  // the system goes to sleep is logged before `PM: suspend entry` (a blind probe's laptop, its WWAN
  // card gone a second before the kernel's line, had been told an 8-hour drop).
  {
    id: 'mm.sleep-prepare',
    story: ['sleep'],
    subsystem: 'system',
    severity: 'info',
    tags: ['-', 'modemmanager'],
    literal: 'system is about to suspend',
    pattern: /^system is about to suspend/,
    summary: 'ModemManager: the system is about to sleep',
    explanation: 'ModemManager was told by systemd-logind that the system is going to sleep (PrepareForSleep): it lets its modems go until the system resumes.',
    sources: ['X172'],
    samples: ['Mar 14 23:12:03 x13 ModemManager[988]: <info>  [sleep-monitor-systemd] system is about to suspend'],
  },
  {
    id: 'mm.sleep-resume',
    story: ['wake'],
    subsystem: 'system',
    severity: 'info',
    tags: ['-', 'modemmanager'],
    literal: 'system is resuming',
    pattern: /^system is resuming/,
    summary: 'ModemManager: the system woke from sleep',
    explanation: 'ModemManager was told by systemd-logind that the system resumed from sleep: it looks for its modems again.',
    sources: ['X172'],
    samples: ['Mar 15 07:41:20 x13 ModemManager[988]: <info>  [sleep-monitor-systemd] system is resuming'],
  },
  {
    id: 'systemd.sleep-entering',
    story: ['sleep'],
    subsystem: 'system',
    severity: 'info',
    tags: ['systemd-sleep'],
    literal: "Entering sleep state '",
    pattern: /^Entering sleep state '(?<state>[\w-]+)'/,
    summary: 'systemd-sleep: the system goes to sleep ({state})',
    explanation: 'systemd-sleep puts the system to sleep (suspend, hibernate, hybrid-sleep) as it was asked.',
    sources: ['X173'],
    samples: ["Mar 14 23:12:05 x13 systemd-sleep[44230]: Entering sleep state 'suspend'..."],
  },
  // A Raspberry Pi's firmware flags an under-voltage of its supply; the voltage sensor driver logs
  // it every time the flag sets or clears (upstream: on the hwmon device; Raspberry Pi's kernel:
  // without one, with the flags in hexadecimal) [X93] [X94].
  {
    id: 'rpi.undervoltage',
    story: ['brown-out'],
    subsystem: 'system',
    severity: 'warning',
    tags: ['kernel', '-'],
    literal: ['Undervoltage detected!', 'Under-voltage detected!'],
    pattern: /^(?:hwmon hwmon\d{1,3}: )?Under-?voltage detected!(?: \((?<throttled>0x[0-9a-fA-F]{1,8})\))?/,
    summary: 'The board\'s supply voltage dropped too low (under-voltage)',
    explanation:
      'The Raspberry Pi\'s firmware flagged that its supply voltage fell below what it needs, and the voltage sensor driver logged it. ' +
      'It means a power supply (or cable) too weak for the board and what it powers: a USB modem drawing its current peaks from the same supply can brown out and drop off the bus with it (an inference).',
    finding: 'undervoltage',
    sources: ['X93', 'X94'],
    samples: ['[   37.587281] hwmon hwmon1: Undervoltage detected!', '[  512.000131] Under-voltage detected! (0x00050005)'],
  },
  {
    id: 'rpi.voltage-normalised',
    subsystem: 'system',
    severity: 'info',
    tags: ['kernel', '-'],
    literal: 'Voltage normalised',
    pattern: /^(?:hwmon hwmon\d{1,3}: )?Voltage normalised(?: \((?<throttled>0x[0-9a-fA-F]{1,8})\))?/,
    summary: 'The board\'s supply voltage is back to normal',
    explanation: 'The firmware\'s under-voltage flag cleared: the supply is back above its threshold, until the next time the load peaks.',
    sources: ['X93', 'X94'],
    samples: ['[   43.591022] hwmon hwmon1: Voltage normalised', '[  518.000140] Voltage normalised (0x00000000)'],
  },
  {
    id: 'system.kernel-boot',
    subsystem: 'system',
    severity: 'info',
    tags: ['kernel', '-'],
    literal: 'Linux version ',
    pattern: /^Linux version (?<version>\S+)/,
    summary: 'Kernel {version} booting',
    explanation: 'The first kernel line of a boot: everything after it belongs to a new run of the router.',
    finding: 'reboot',
    sources: ['X2'],
    samples: ['[    0.000000] Linux version 5.4.284 (builder@buildhost) (gcc version 8.4.0) #0 Mon Nov 25 10:00:00 2024'],
  },
  {
    // journalctl prints a line of its own between the entries of two boots (X147: `-- Boot <boot
    // id> --`, older versions `-- Reboot --`): the only
    // sign of a restart in a unit's own journal (`journalctl -u ModemManager`), which holds no
    // kernel line.
    id: 'journal.boot-separator',
    subsystem: 'system',
    severity: 'info',
    tags: ['-'],
    literal: ['-- Boot ', '-- Reboot --'],
    pattern: /^-- (?:Boot (?<bootId>[0-9a-f]{32})|Reboot) --\s*$/,
    summary: 'journalctl: the entries after this line are of the next boot',
    explanation: 'journalctl writes this line between the entries of two boots of the system: it restarted between the line before and the line after (its boot ID names the new boot).',
    finding: 'reboot',
    sources: ['X147'],
    samples: ['-- Boot 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d --', '-- Reboot --'],
    counterSamples: ['-- Logs begin at Mon 2024-12-02 10:00:01 CET, end at Tue 2024-12-03 10:00:01 CET. --'],
  },
  {
    id: 'procd.boot-stage',
    subsystem: 'system',
    severity: 'info',
    tags: ['kernel', 'procd', 'init', '-'],
    literal: ['- early -', '- preinit -', 'Console is alive'],
    pattern: /^(?:procd|init): (?:- (?<stage>early|preinit) -|(?<console>Console is alive))\s*$/,
    summary: 'OpenWrt init (procd) starts: {stage}{console}',
    explanation:
      'procd, OpenWrt\'s PID 1, logs its stages to the kernel log as it starts: "Console is alive" and "- preinit -" from its init phase, ' +
      'then "- early -", "- ubus -", "- init -". These lines are printed once per boot, so the router (re)started here. ' +
      'They do not say why; "- watchdog -" among them is the stage that starts the watchdog, not a watchdog reset.',
    finding: 'reboot',
    sources: ['X77', 'X1'],
    samples: [
      'Thu Sep  1 19:19:48 2022 user.info kernel: [   16.479260] procd: - early -',
      'Thu Feb  6 11:19:53 2025 user.info kernel: [    3.650239] init: Console is alive',
      '[    7.513873] init: - preinit -',
    ],
    counterSamples: [
      'Thu Sep  1 19:19:48 2022 user.info kernel: [   16.482248] procd: - watchdog -',
      'Thu Sep  1 19:19:48 2022 user.info kernel: [   17.278718] procd: - init -',
      'Thu Sep  1 19:19:48 2022 user.info kernel: [   18.229397] kmodloader: loading kernel modules from /etc/modules.d/*',
    ],
  },
  {
    id: 'system.reboot-message-banner',
    subsystem: 'system',
    severity: 'info',
    tags: ['kernel', '-'],
    literal: 'Reboot message',
    pattern: /(?:^|\s|_)_? ?Reboot message \.\.\. ?_{3,}\s*$/,
    summary: 'Boot: the kernel messages saved from before the restart follow',
    explanation:
      'Asuswrt(-Merlin) prints this banner in the log of a new boot, followed by kernel messages kept from the run before it: the router restarted here, ' +
      'and the lines after the banner belong to the run that ended, not to this one. In the published case they hold the kernel Oops that ended that run.',
    finding: 'reboot',
    sources: ['X80'],
    samples: ['May  5 16:04:59 kernel: _ Reboot message ... _______________________________________________________', '_ Reboot message ... _____________________'],
    // The banner is a line of its own: a sentence that mentions a reboot message is not it.
    counterSamples: ['May  5 16:04:59 rc_service: watchdog 1234:notify_rc reboot', 'May  5 16:04:59 httpd: Reboot message ... sent to client'],
  },
  {
    id: 'kernel.oops',
    story: ['kernel-crash'],
    subsystem: 'system',
    severity: 'error',
    tags: ['kernel', '-'],
    literal: ['Unable to handle kernel', 'Internal error: ', 'Oops: ', 'BUG: unable to handle', 'BUG: kernel NULL pointer'],
    pattern: /^(?:Unable to handle kernel (?<what>NULL pointer deref|paging request)|Internal error: (?<kind>Oops[^:]*): (?<code>[0-9a-fx]+) \[#(?<count>\d+)\]|Oops: (?<code2>[0-9a-f]{4}) \[#\d+\]|BUG: (?:unable to handle kernel|kernel NULL pointer dereference))/,
    summary: 'Kernel crash report (Oops) {kind}{what}',
    explanation:
      'The kernel hit an invalid state (for example a NULL pointer access in kernel code) and prints an Oops: the faulting address, registers and loaded modules. ' +
      'The task that caused it is killed; with panic_on_oops set, or in an interrupt, the kernel panics instead, and the router then restarts if `kernel.panic` gives it a number of seconds to wait. ' +
      'The module list and call trace that follow point at the code involved.',
    sources: ['X78', 'X79'],
    samples: [
      'May  5 16:04:59 kernel: <1>Unable to handle kernel NULL pointer derefere\ufffdU\ufffdat virtual address 00000000',
      'May  5 16:04:59 kernel: <0>Internal error: Oops: 817 [#1] PREEMPT SMP',
      '[ 1234.567890] Unable to handle kernel paging request at virtual address c0ffee00',
      '[  512.000123] BUG: kernel NULL pointer dereference, address: 0000000000000008',
    ],
    counterSamples: ['May  5 16:04:59 kernel: <4>module:  nf_nat_sip\t 7f3f0000\t 5031', 'May  5 16:04:59 kernel: <0>last sysfs file: /sys/module/nf_conntrack/parameters/hashsize'],
  },
  {
    id: 'kernel.panic',
    story: ['kernel-crash'],
    subsystem: 'system',
    severity: 'error',
    tags: ['kernel', '-'],
    literal: 'Kernel panic - not syncing',
    pattern: /^Kernel panic - not syncing: ?(?<reason>.*)$/,
    summary: 'Kernel panic: {reason}',
    explanation:
      'The kernel stopped: it cannot go on after this error. Whether the router then restarts by itself depends on `kernel.panic` (seconds until an automatic reboot, 0 = never) or a hardware watchdog.',
    sources: ['X78', 'X79'],
    samples: ['[   95.012345] Kernel panic - not syncing: Fatal exception in interrupt'],
  },
  {
    id: 'shell.ping-reply',
    subsystem: 'network',
    severity: 'info',
    story: ['data-up'],
    tags: ['-'],
    literal: ' bytes from ',
    pattern: /^\d+ bytes from (?<host>[0-9a-fA-F.:]+): (?:icmp_)?seq=\d+ ttl=\d+ time=/,
    summary: 'A ping to {host} was answered',
    explanation: 'Output of `ping` pasted from a shell: the host reached {host}, so it had a working internet connection at that moment. Through which interface (the mobile one or another WAN) the line does not say.',
    sources: ['KB6'],
    samples: ['64 bytes from 8.8.8.8: seq=0 ttl=113 time=34.216 ms', '64 bytes from 1.1.1.1: icmp_seq=1 ttl=57 time=21.4 ms'],
    counterSamples: ['Jan 01 00:00:00 host kernel: usb 1-1: read 64 bytes from device'],
  },
  {
    id: 'system.sysfixtime',
    subsystem: 'system',
    severity: 'info',
    literal: "' to /dev/rtc",
    pattern: /saved '(?<date>[^']+)' to \/dev\/rtc\d/,
    summary: 'Clock saved to the RTC: {date}',
    explanation: 'sysfixtime at boot: early lines may carry the time of the last configuration change until NTP or the operator sets the clock, so a forward jump follows.',
    sources: ['S15'],
    samples: ["Tue Dec  3 09:12:31 2024 user.notice sysfixtime: saved '2024-12-03 09:12:31' to /dev/rtc0"],
  },
  {
    id: 'lsusb.device',
    // A listing of the devices on the bus when it was made: a paste's `lsusb` after the log (stories).
    story: ['usb-listing'],
    subsystem: 'usb',
    severity: 'info',
    tags: ['-'],
    literal: ' Device ',
    pattern: /^Bus (?<bus>\d{3}) Device (?<dev>\d{3}): ID (?<vidpid>[0-9a-fA-F]{4}:[0-9a-fA-F]{4})/,
    summary: 'lsusb: bus {bus} device {dev} is {vidpid} ({model})',
    explanation:
      '`lsusb` output: one line per USB device with its bus, its device number and its vendor:product ID. The device number is the per-bus enumeration counter, not a count of how often this device reconnected. ' +
      'A modem running its firmware shows with its own ID (for example 2c7c:6005, Quectel EC200A). `05c6:9008` is Qualcomm\'s emergency download (EDL) ID: a Qualcomm-based module (EC25, EG06, EG12, RG5xx) showing it is in download mode, waiting to be flashed. ' +
      'It does not apply to ASR-based modules such as the EC200A, whose download-mode ID no source here gives: for those, look for an ID other than the modem\'s own. ' +
      'No modem line at all (in a complete `lsusb` listing) means the modem is not on the bus; for a Teltonika internal modem with no `:9008` device either, Teltonika staff read that as a modem that does not power on.',
    sources: ['F9', 'F7', 'S9', 'S22', 'S6', 'KB36', 'KB43'],
    samples: ['Bus 001 Device 024: ID 05c6:9008', 'Bus 003 Device 002: ID 2c7c:0306'],
  },
  {
    id: 'usb-devices.ids',
    subsystem: 'usb',
    severity: 'info',
    literal: ['Vendor='],
    pattern: /^P:\s+(?:\/dev\/bus\/usb\/(?<bus>\d{3})\/(?<dev>\d{3})\s+id)?Vendor=(?<vid>[0-9a-fA-F]{4})\s+(?:idProduct|ProdID)=(?<pid>[0-9a-fA-F]{4})/,
    summary: 'USB device {vid}:{pid} ({model})',
    explanation:
      'The `P:` line of a USB descriptor dump: `usb-devices` prints one per device, and Quectel\'s QFirehose prints one for the device it opens. ' +
      'It gives the vendor and product ID: the modem\'s own ID, or 05c6:9008 when a Qualcomm modem is in emergency download (EDL) mode, as QFirehose shows after switching it there.',
    sources: ['K1', 'X60', 'S22'],
    samples: [
      '[000.002]: P: /dev/bus/usb/001/012 idVendor=2c7c idProduct=0125',
      '[006.540] P: /dev/bus/usb/005/036 idVendor=05c6 idProduct=9008',
      'P:  Vendor=2c7c ProdID=6005 Rev=03.18',
    ],
    counterSamples: ['[000.003]: C: /dev/bus/usb/001/012 bNumInterfaces: 5', 'T:  Bus=01 Lev=01 Prnt=01 Port=00 Cnt=01 Dev#=  2 Spd=480 MxCh= 0'],
  },
];
