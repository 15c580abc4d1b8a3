import type { CatalogueEntry } from '../types';

// Modems on PCIe (M.2 cards in laptops and routers: Qualcomm SDX55/SDX62/SDX65 modules from
// Foxconn, Quectel, Sierra Wireless, Telit, Fibocom), driven by the Linux kernel's MHI bus (Modem
// Host Interface) through its generic PCI controller driver, `mhi-pci-generic` [X89]. Such a modem
// never appears on USB: it does not re-enumerate, it crashes, dies on its bus and is recovered.
// Each message is the driver's `dev_warn`/`dev_err` on the PCI device, printed as
// `mhi-pci-generic 0000:01:00.0: <message>` (the driver's name, then the PCI address).

// The kernel's WWAN framework [X139] gives a PCIe modem's control ports (AT, MBIM, QMI, QCDM,
// firmware upload) to user space, whichever driver runs the modem (mhi_wwan_ctrl on MHI, t7xx,
// iosm): it names each port as it makes and removes it, `wwan wwan0: port wwan0at0 attached`.
// A modem that crashed and was recovered gets its ports again: a blind probe's plain dmesg of an
// MHI crash loop, where only these lines showed each recovery, had been told "not over".

// MediaTek's T700 modems (Fibocom FM350 and others in laptops) are driven by `mtk_t7xx` [X92]:
// its state machine logs the modem's exceptions and failed boot handshakes the same way,
// `mtk_t7xx 0000:55:00.0: <message>`.

const KERNEL = ['-', 'kernel'];
/** `mhi-pci-generic 0000:01:00.0: ` (PCI domain:bus:device.function); older trees spell the driver with underscores. */
const MHI = '^mhi[-_]pci[-_]generic (?<pciAddress>[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]): ';
const mhi = (s: string): RegExp => new RegExp(MHI + s);
const T7XX = '^mtk_t7xx (?<pciAddress>[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]): ';
const t7xx = (s: string): RegExp => new RegExp(T7XX + s);
/** `wwan wwan0: port wwan0at0 attached`: the WWAN device, then the port (`wwan0mbim0`, `wwan0qcdm0`, `wwan0at1`, `wwan0firehose0`). */
const WWAN_PORT = '^wwan (?<wwanDevice>wwan\\d+): port (?<port>wwan\\d+[a-z]+\\d+) ';

export const pcieModemEntries: CatalogueEntry[] = [
  {
    id: 'mhi.firmware-crashed',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: 'firmware crashed (',
    pattern: mhi('firmware crashed \\((?<callback>\\d+)\\)'),
    summary: 'MHI: the PCIe modem at {pciAddress} reported a firmware crash',
    explanation: 'The modem\'s firmware reported a fatal error or a system error to the kernel\'s MHI driver (its status callback, printed with the callback\'s number). The modem stops serving its data and AT channels until the host recovers it: the driver resets it and powers it up again.',
    finding: 'modem-crash',
    sources: ['X89'],
    samples: ['mhi-pci-generic 0000:01:00.0: firmware crashed (6)', '[  812.402113] mhi-pci-generic 0000:01:00.0: firmware crashed (5)'],
    counterSamples: ['mhi-pci-generic 0000:01:00.0: MHI PCI device found: foxconn-sdx55'],
  },
  {
    id: 'mhi.device-died',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: 'Device died',
    pattern: mhi('Device died\\s*$'),
    summary: 'MHI: the PCIe modem at {pciAddress} stopped answering on its bus',
    explanation: 'The MHI driver checks every two seconds that the modem still answers on the PCIe bus (it reads the device\'s vendor ID); it no longer did: the modem lost power, hung or left the bus. The driver starts recovering it.',
    finding: 'modem-crash',
    sources: ['X89'],
    samples: ['mhi-pci-generic 0000:01:00.0: Device died'],
  },
  {
    id: 'mhi.recovery-started',
    subsystem: 'modem',
    severity: 'warning',
    tags: KERNEL,
    literal: 'device recovery started',
    pattern: mhi('device recovery started'),
    summary: 'MHI: the kernel started recovering the PCIe modem at {pciAddress}',
    explanation: 'The MHI driver powers the modem down, restores its PCI state and powers it up again (after a crash, a dead device or a failed resume). A "Recovery failed" line after it means the modem did not come back.',
    // The driver queues its recovery only for a crash, a dead device or a failed resume (X89): the
    // line is the modem's trouble even where the one before it is missing (a blind probe's three
    // recoveries, each with the modem's ports cycling, had been "no problems found").
    finding: 'modem-crash',
    sources: ['X89'],
    samples: ['mhi-pci-generic 0000:01:00.0: device recovery started'],
  },
  {
    // mhi_pci_resume(): the modem did not leave its low-power state when the host resumed from
    // suspend; the driver then queues its recovery ("The device may have lost power or crashed").
    // A blind probe's laptop modem, unusable after a resume, had been told nothing of it.
    id: 'mhi.resume-failed',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: 'failed to resume device: ',
    pattern: mhi('failed to resume device: (?<errno>-?\\d+)'),
    summary: 'MHI: the PCIe modem at {pciAddress} did not resume from suspend (error {errno})',
    explanation: 'When the host woke from suspend, the modem did not return from its low-power state (the MHI driver\'s resume failed with the error given, -110 a timeout); the driver then starts recovering it, as after a crash. Until it is back it serves no data or AT channel.',
    finding: 'modem-crash',
    sources: ['X89'],
    samples: ['mhi-pci-generic 0000:01:00.0: failed to resume device: -110'],
  },
  {
    id: 'mhi.recovery-failed',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: 'Recovery failed',
    pattern: mhi('Recovery failed'),
    summary: 'MHI: the kernel could not recover the PCIe modem at {pciAddress}',
    explanation: 'Recovering the modem failed, and so did the PCI function reset the driver tried last: the modem is gone until it is power-cycled (a reboot of the host, or the card\'s power).',
    finding: 'modem-crash',
    advice: 'pcieModemNotRecovered',
    sources: ['X89'],
    samples: ['mhi-pci-generic 0000:01:00.0: Recovery failed'],
  },
  {
    id: 'mhi.power-up-failed',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: ['failed to power up MHI controller', 'failed to prepare MHI controller'],
    pattern: mhi('failed to (?<step>power up|prepare) MHI controller'),
    summary: 'MHI: the kernel could not {step} the PCIe modem at {pciAddress}',
    explanation: 'The MHI driver could not start the modem (when it was found, or after a reset): the modem does not run, and no data or AT channel of it exists.',
    finding: 'modem-crash',
    sources: ['X89'],
    samples: ['mhi-pci-generic 0000:02:00.0: failed to power up MHI controller', 'mhi-pci-generic 0000:02:00.0: failed to prepare MHI controller'],
  },
  {
    id: 't7xx.exception',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: 'Exception event',
    pattern: t7xx('Exception event'),
    summary: 't7xx: the PCIe modem at {pciAddress} raised an exception',
    explanation: 'The modem signalled an exception to the kernel\'s t7xx driver (its exception interrupt): its firmware failed. The driver takes the modem through its exception handshake; the modem serves no data or AT port meanwhile.',
    finding: 'modem-crash',
    sources: ['X92'],
    samples: ['mtk_t7xx 0000:55:00.0: Exception event'],
  },
  {
    id: 't7xx.handshake-failed',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: ['handshake timeout', 'Boot Handshake failure', 'captured during handshake'],
    pattern: t7xx('(?<what>MD handshake timeout|AP handshake timeout|Boot Handshake failure|MD exception is captured during handshake)'),
    summary: 't7xx: the PCIe modem at {pciAddress} did not start: {what}',
    explanation: 'The kernel\'s t7xx driver waits up to 60 seconds for the modem to finish its boot handshake; it did not (or raised an exception while starting), and the driver put it in its exception state: the modem runs no service the host can use.',
    finding: 'modem-crash',
    sources: ['X92'],
    samples: ['mtk_t7xx 0000:55:00.0: MD handshake timeout', 'mtk_t7xx 0000:55:00.0: Boot Handshake failure', 'mtk_t7xx 0000:55:00.0: MD exception is captured during handshake'],
  },
  {
    id: 't7xx.device-unreachable',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: ['invalid device status', 'Timeout at device stage'],
    pattern: t7xx('(?<what>invalid device status|Timeout at device stage (?<stage>0x[0-9a-f]+))'),
    summary: 't7xx: the PCIe modem at {pciAddress} did not come up: {what}',
    explanation: 'The kernel\'s t7xx driver reads the modem\'s boot stage from its PCIe registers: it read all ones (the device does not answer on the bus), or the stage did not move on while the driver polled it. The modem did not start.',
    finding: 'modem-crash',
    sources: ['X92'],
    samples: ['mtk_t7xx 0000:55:00.0: invalid device status', 'mtk_t7xx 0000:55:00.0: Timeout at device stage 0x3'],
  },
  // A modem inside the system's chip (Qualcomm's MSS in Chromebooks, phones and some routers):
  // the kernel's remoteproc framework runs it; its q6v5 driver prints the modem's own reason for a
  // fatal error (qcom_q6v5.c, X167), on the modem's device only for the MSS driver (`qcom-q6v5-mss`:
  // the same words of the audio and compute processors are no modem's). Vendor kernels' subsystem
  // restart (msm's subsystem_restart.c, X168) names the subsystem it restarts, `modem` for the modem.
  {
    id: 'q6v5.modem-fatal',
    subsystem: 'modem',
    severity: 'error',
    tags: KERNEL,
    literal: ['fatal error received', 'fatal error without message', 'watchdog received', 'received modem crashed event'],
    // (The IPA driver, told by the modem's subsystem restart that it crashed, says so on the modem's behalf.)
    pattern: /^(?:qcom[-_]q6v5[-_]mss (?<device>\S+): (?:fatal error received: (?<reason>.*)|fatal error without message|watchdog received: (?<watchdog>.*))|ipa (?<ipa>\S+): received modem crashed event)/,
    summary: 'The modem inside the system\'s chip crashed: {message}',
    explanation: 'The modem subsystem (MSS) of a Qualcomm chip signalled a fatal error or its watchdog, with the reason its firmware wrote (file and line of its code): the kernel\'s remoteproc framework then recovers it, stopping it and loading its firmware again, unless recovery is disabled. While it is down there is no mobile data.',
    finding: 'modem-crash',
    advice: 'socModemCrashed',
    sources: ['X167'],
    samples: ['[ 5012.331002] qcom-q6v5-mss 4080000.remoteproc: fatal error received: dog_hb.c:267:DOG_HB detects starvation of task 0xd9b0a1a0, triage with its own', 'qcom-q6v5-mss 4080000.remoteproc: fatal error without message', 'ipa 1e40000.ipa: received modem crashed event'],
    counterSamples: ['qcom_q6v5_pas 3000000.remoteproc: fatal error received: adsp crashed', 'qcom-q6v5-mss 4080000.remoteproc: MBA booted without debug policy, loading mpss'],
  },
  {
    id: 'ssr.modem-restart',
    subsystem: 'modem',
    severity: 'error',
    tags: [...KERNEL, 'subsys-restart'],
    literal: ['Restart sequence requested for modem', 'Restart sequence requested for mpss', 'modem subsystem failure reason'],
    pattern: /(?:^|: )(?:Restart sequence requested for (?<subsystem>modem|mpss), restart_level = (?<level>\S+?)\.?$|modem subsystem failure reason: (?<reason>.*))/,
    summary: 'The modem subsystem crashed and is restarted: {message}',
    explanation: 'A vendor kernel\'s subsystem restart (SSR) for the modem inside the chip: its firmware failed (the failure reason is its own, file and line of its code) and the kernel shuts it down and powers it up again (restart level RELATED: the modem alone, not the whole system). While it restarts there is no mobile data; `Restart sequence for modem completed` says it is back.',
    finding: 'modem-crash',
    advice: 'socModemCrashed',
    sources: ['X168'],
    samples: ['[ 8123.441201] subsys-restart: __subsystem_restart_dev(): Restart sequence requested for modem, restart_level = RELATED.', '[ 8123.441120] modem subsystem failure reason: nas_mm_msg.c:1712:Assertion mm_as_id < MAX_AS_IDS failed.'],
    counterSamples: ['subsys-restart: __subsystem_restart_dev(): Restart sequence requested for adsp, restart_level = RELATED.'],
  },
  {
    id: 'soc-modem.back',
    subsystem: 'modem',
    severity: 'info',
    tags: [...KERNEL, 'subsys-restart'],
    literal: ['Restart sequence for modem completed', 'Restart sequence for mpss completed', 'is now up', 'received modem running event'],
    // (A remote processor named by its address alone, `4080000.remoteproc`, may be the audio's: the IPA's line says the modem's.)
    pattern: /(?:^|: )(?:Restart sequence for (?:modem|mpss) completed\.?$|remote processor (?<device>[\w.-]*(?:mpss|modem)[\w.-]*) is now up|received modem running event)/,
    summary: 'The modem inside the system\'s chip runs again',
    explanation: 'The kernel brought the modem subsystem up again after its crash (remoteproc\'s `remote processor modem is now up`, the IPA driver told the modem is running, a vendor kernel\'s `Restart sequence for modem completed`): the modem runs, and its manager takes it back.',
    story: ['modem-back'],
    sources: ['X167', 'X168'],
    samples: ['[ 5016.111880] ipa 1e40000.ipa: received modem running event', 'remoteproc remoteproc0: remote processor modem is now up', '[ 8125.611001] subsys-restart: subsystem_restart_wq_func(): [kworker/u16:5:22871]: Restart sequence for modem completed.'],
    counterSamples: ['remoteproc remoteproc1: remote processor 3000000.remoteproc is now up'],
  },
  {
    id: 'wwan.port-attached',
    subsystem: 'modem',
    severity: 'info',
    tags: KERNEL,
    // The device's name and the framework's, `wwan wwan0`: a rare pair in a kernel line, where `attached` is common.
    literal: 'wwan wwan',
    pattern: new RegExp(WWAN_PORT + 'attached\\s*$'),
    summary: 'WWAN: the modem\'s port {port} is there ({wwanDevice})',
    explanation: 'The kernel\'s WWAN framework made one of the modem\'s control ports (AT, MBIM, QMI, QCDM) for user space: the modem\'s driver has the modem running and answering. After a crash, the ports made again show the driver recovered the modem.',
    story: ['ports-back'],
    sources: ['X139'],
    samples: ['[ 9689.512600] wwan wwan0: port wwan0at0 attached', 'wwan wwan0: port wwan0mbim0 attached'],
    counterSamples: ['usb 1-1: GSM modem (1-port) converter now attached to ttyUSB0'],
  },
  {
    id: 'wwan.port-disconnected',
    subsystem: 'modem',
    severity: 'info',
    tags: KERNEL,
    literal: 'wwan wwan',
    pattern: new RegExp(WWAN_PORT + 'disconnected\\s*$'),
    summary: 'WWAN: the modem\'s port {port} is gone ({wwanDevice})',
    explanation: 'The kernel\'s WWAN framework removed one of the modem\'s control ports: its driver stopped the modem (a crash it recovers from, a reset, the driver unloaded or the modem gone from its bus). Programs that had the port open (ModemManager) lose the modem until the port is made again.',
    sources: ['X139'],
    samples: ['[ 9667.603100] wwan wwan0: port wwan0at0 disconnected'],
  },
];
