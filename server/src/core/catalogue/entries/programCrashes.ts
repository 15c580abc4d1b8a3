import { MODEM_MANAGER_NAME } from '../tables/modemManagers';
import type { CatalogueEntry } from '../types';

// A program that crashed, as the kernel and the service managers report it, for any program: the
// crashed program's name is a field (`crashed`), and only a crash of a program that manages the
// modem (tables/modemManagers.ts) is a finding. The kernel reports a fault the program did not
// handle [X111]; procd gives up on a service that keeps crashing [X112]; systemd says a service's
// main process was killed by a signal [X113]. A program's exit with an error is no crash: only
// the signals of a fault (and abort) are read.

const KERNEL = ['-', 'kernel'];
const MODEM_MANAGER_CRASHED = { field: 'crashed', pattern: MODEM_MANAGER_NAME };

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
];
