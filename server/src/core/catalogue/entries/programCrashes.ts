import { MODEM_MANAGER_NAME, MODEM_MANAGERS } from '../tables/modemManagers';
import type { CatalogueEntry } from '../types';

// A program that crashed, as the kernel and the service managers report it, for any program: the
// crashed program's name is a field (`crashed`), and only a crash of a program that manages the
// modem (tables/modemManagers.ts) is a finding. The kernel reports a fault the program did not
// handle [X111]; procd gives up on a service that keeps crashing [X112]; systemd says a service's
// main process was killed by a signal [X113]. A program's exit with an error is no crash: only
// the signals of a fault (and abort) are read.

const KERNEL = ['-', 'kernel'];
const MODEM_MANAGER_CRASHED = { field: 'crashed', pattern: MODEM_MANAGER_NAME };
/** The modem managers' names as a regex alternation (any case: Debian's unit is `ModemManager`, an init script's may be `modemmanager`). */
const MANAGER_WORD = MODEM_MANAGERS.map((p) => p.name.replace(/[-.]/g, '\\$&')).join('|');

export const programCrashEntries: CatalogueEntry[] = [
  {
    id: 'crash.segfault',
    subsystem: 'system',
    severity: 'warning',
    // Any program: the name before the pid is the kernel's, or the line's program where a view
    // dropped the kernel's tag (programField).
    literal: 'segfault at ',
    pattern: /^(?:(?<crashed>[^\s[\]]{1,15})\[\d+\]: )?segfault at [0-9a-f]+ ip [0-9a-f]+ sp /,
    programField: 'crashed',
    summary: 'kernel: {crashed} crashed (segmentation fault)',
    explanation: 'The program read or wrote memory it does not own and did not handle the fault: the kernel killed it with SIGSEGV. A service manager (procd, systemd) starts it again if it is set to.',
    finding: 'manager-crash',
    findingIf: { ...MODEM_MANAGER_CRASHED, severity: 'error' },
    sources: ['X111'],
    samples: ['May 14 10:00:01 edge-gw01 kernel: ModemManager[812]: segfault at 0 ip 000055d1c2a4b3f0 sp 00007ffd3b2c1e80 error 4 in ModemManager[55d1c2a00000+f5000] likely on CPU 2 (core 2, socket 0)'],
    counterSamples: ['kernel: traps: ModemManager[812] general protection fault ip:55d1c2a4b3f0 sp:7ffd3b2c1e80 error:0'],
  },
  {
    id: 'crash.mips-fault',
    subsystem: 'system',
    severity: 'warning',
    tags: KERNEL,
    literal: 'do_page_fault(): sending SIG',
    pattern: /^do_page_fault\(\): sending SIG(?<signal>[A-Z]+) to (?<crashed>\S{1,15}) for invalid /,
    summary: 'kernel: {crashed} crashed (invalid memory access, SIG{signal})',
    explanation: 'On a MIPS router (many OpenWrt and RutOS devices) the kernel says so when a program accesses memory it does not own and does not handle the fault: it is killed. A service manager (procd) starts it again if it is set to.',
    finding: 'manager-crash',
    findingIf: { ...MODEM_MANAGER_CRASHED, severity: 'error' },
    sources: ['X111'],
    samples: ['Wed Jun  5 08:31:31 2024 kern.info kernel: [ 9091.000000] do_page_fault(): sending SIGSEGV to gsmd for invalid read access from 00000000'],
  },
  {
    id: 'crash.arm-fault',
    subsystem: 'system',
    severity: 'warning',
    tags: KERNEL,
    literal: ': unhandled page fault (',
    pattern: /^(?<crashed>[^\s:]{1,15}): unhandled page fault \((?<signalNumber>\d+)\) at 0x/,
    summary: 'kernel: {crashed} crashed (unhandled page fault, signal {signalNumber})',
    explanation: 'On an ARM device the kernel says so when a program accesses memory it does not own and does not handle the fault: it is killed with the signal in parentheses (11 is SIGSEGV, 7 SIGBUS).',
    finding: 'manager-crash',
    findingIf: { ...MODEM_MANAGER_CRASHED, severity: 'error' },
    sources: ['X111'],
    samples: ['kernel: [ 3312.118260] gsmd: unhandled page fault (11) at 0x00000000, code 0x017'],
  },
  {
    id: 'crash.arm64-fault',
    subsystem: 'system',
    severity: 'warning',
    literal: 'unhandled exception: ',
    pattern: /^(?:(?<crashed>[^\s[\]]{1,15})\[\d+\]: )?unhandled exception: /,
    programField: 'crashed',
    summary: 'kernel: {crashed} crashed (unhandled exception)',
    explanation: 'On a 64-bit ARM device (many newer routers and boards) the kernel says so when a program faults and does not handle it (a data abort: memory it does not own): it is killed. A service manager (procd, systemd) starts it again if it is set to.',
    finding: 'manager-crash',
    findingIf: { ...MODEM_MANAGER_CRASHED, severity: 'error' },
    sources: ['X111'],
    samples: ['Tue Apr  2 09:14:03 2024 kern.info kernel: [ 8051.331205] ModemManager[1880]: unhandled exception: DABT (lower EL), ESR 0x0000000092000006, level 2 translation fault in libmm-glib.so.0.11.0[ffffa2b40000+98000]'],
  },
  {
    id: 'crash.procd-crash-loop',
    subsystem: 'system',
    severity: 'warning',
    tags: ['procd'],
    literal: 'in a crash loop',
    pattern: /^Instance (?<crashed>[^:\s]+)::\S+ s in a crash loop (?<crashes>\d+) crashes/,
    summary: 'procd: {crashed} crashed {crashes} times in a row and is not started again',
    explanation: 'procd counts a respawned service\'s exits that come sooner than its respawn threshold; past its retry count it logs the crash loop and stops respawning the service: it stays down until it is started again (by hand, or a reboot).',
    finding: 'manager-crash',
    findingIf: { ...MODEM_MANAGER_CRASHED, severity: 'error' },
    sources: ['X112'],
    samples: ['Wed Jun  5 08:31:52 2024 daemon.info procd: Instance gsmd::instance1 s in a crash loop 6 crashes, 0 seconds since last crash'],
  },
  {
    id: 'crash.systemd-signal',
    subsystem: 'system',
    severity: 'warning',
    tags: ['systemd'],
    literal: 'Main process exited, code=',
    pattern: /^(?<crashed>[^\s/]+?)(?:@[^\s/]*)?\.service: Main process exited, code=(?:dumped|killed), status=\d+\/(?<signal>SEGV|ABRT|BUS|ILL|FPE|TRAP|SYS)\b/,
    summary: 'systemd: {crashed} was killed by SIG{signal}',
    explanation: 'The service\'s main process was killed by a fault\'s signal (SEGV, BUS, ILL, FPE) or aborted itself (ABRT): it crashed. systemd starts it again if its unit says Restart=.',
    finding: 'manager-crash',
    findingIf: { ...MODEM_MANAGER_CRASHED, severity: 'error' },
    sources: ['X113'],
    samples: ['May 14 10:00:01 edge-gw01 systemd[1]: ModemManager.service: Main process exited, code=dumped, status=11/SEGV'],
    counterSamples: ['May 14 10:00:01 edge-gw01 systemd[1]: ModemManager.service: Main process exited, code=exited, status=1/FAILURE', 'May 14 10:00:01 edge-gw01 systemd[1]: ModemManager.service: Main process exited, code=killed, status=15/TERM'],
  },
  {
    id: 'crash.systemd-gave-up',
    subsystem: 'system',
    severity: 'warning',
    tags: ['systemd'],
    literal: 'Start request repeated too quickly',
    pattern: /^(?<crashed>[^\s/]+?)(?:@[^\s/]*)?\.service: Start request repeated too quickly/,
    summary: 'systemd: {crashed} was restarted too often and is not started again',
    explanation: 'The service hit its start rate limit (it failed or crashed too often in a row): systemd starts it no more, by itself or on request, until `systemctl reset-failed` clears the count.',
    finding: 'manager-crash',
    findingIf: { ...MODEM_MANAGER_CRASHED, severity: 'error' },
    sources: ['X113'],
    samples: ['Mar 14 09:30:31 edge-gw02 systemd[1]: ModemManager.service: Start request repeated too quickly.'],
  },
  // A modem manager that starts (again): what shows a crash over, with the modem back under it.
  {
    id: 'manager.mm-starting',
    subsystem: 'modem',
    severity: 'info',
    story: ['manager-started'],
    tags: ['ModemManager'],
    literal: ') starting in ',
    pattern: /^ModemManager \(version (?<version>[^)\s]+)\) starting in (?:system|session) bus/,
    summary: 'ModemManager {version} starts',
    explanation: 'ModemManager starts: it takes the bus name and probes the modems it finds again.',
    sources: ['X114'],
    samples: ['May 14 10:00:06 edge-gw01 ModemManager[1901]: <info>  ModemManager (version 1.20.4) starting in system bus...'],
  },
  {
    id: 'manager.systemd-started',
    subsystem: 'modem',
    severity: 'info',
    story: ['manager-started'],
    tags: ['systemd'],
    literal: 'Started Modem',
    pattern: /^Started (?:ModemManager\.service\b|Modem Manager\.)/,
    summary: 'systemd: ModemManager started',
    explanation: 'systemd\'s job to start ModemManager is done: it runs again.',
    sources: ['X114'],
    samples: ['May 14 10:00:06 edge-gw01 systemd[1]: Started ModemManager.service - Modem Manager.', 'Jan  3 08:00:12 pi systemd[1]: Started Modem Manager.'],
  },
  // A command that restarts a modem manager, under any tag: sudo's `COMMAND=` (a person's), a
  // script's log or a shell's trace. A story whose trouble was over only after its manager started
  // again names it as what restarted the manager (a blind probe's modem, back after an admin's
  // `sudo systemctl restart ModemManager`, had been told "recovered" as if by itself).
  {
    id: 'manager.restart-command',
    subsystem: 'modem',
    severity: 'info',
    story: ['manager-restart-asked'],
    literal: 'restart',
    // systemctl's restart verbs before the unit (options and other units between); an init
    // script's or service(8)'s `<name> restart`. Within one command: no quote, separator or pipe.
    pattern: new RegExp(String.raw`\bsystemctl (?:[^'"\`;|&\n]*? )?(?:try-|reload-or-|try-reload-or-)?restart (?:[^'"\`;|&\n]*? )?(?:${MANAGER_WORD})(?:\.service)?(?![\w-])|(?:\bservice |/etc/init\.d/|\brc-service )(?:${MANAGER_WORD}) restart\b`, 'i'),
    summary: 'A command restarts the modem manager: {message}',
    explanation:
      'The line runs, or says it runs, a restart of the program that manages the modem (`systemctl restart ModemManager`, an init script\'s `restart`): the service manager stops it and starts it again, and it probes the modem anew. ' +
      'A person or a script asked for it; a trouble that ended only after it was ended by the restart, not by the modem.',
    sources: ['X149', 'X114'],
    samples: [
      'Mar 01 00:13:55 lte-box sudo[8930]:    admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/systemctl restart ModemManager',
      'Thu Sep 12 06:15:03 2024 user.notice lte-check: no data for 10 min, running /etc/init.d/gsmd restart',
      'Apr 07 09:15:02 t14s sudo[2291]:     alex : TTY=pts/0 ; PWD=/home/alex ; USER=root ; COMMAND=/usr/bin/systemctl --no-block restart ModemManager.service',
    ],
    counterSamples: [
      'Apr 07 09:15:02 t14s sudo[2291]:     alex : TTY=pts/0 ; PWD=/home/alex ; USER=root ; COMMAND=/usr/bin/systemctl restart NetworkManager',
      'Apr 07 09:15:02 t14s sudo[2291]:     alex : TTY=pts/0 ; PWD=/home/alex ; USER=root ; COMMAND=/usr/bin/systemctl status ModemManager',
      "Apr 07 09:15:02 t14s sudo[2291]:     alex : TTY=pts/0 ; PWD=/home/alex ; USER=root ; COMMAND=/usr/bin/journalctl -u ModemManager --grep 'restart'",
    ],
  },
];
