import { driverAlternation } from '../tables/usbDrivers';
import type { CatalogueEntry } from '../types';

// Linux kernel USB core, usb-serial (`option`) and usbnet drivers (knowledge 4.3). Formats:
// hub.c [K3b], usbnet.c `register '%s' at usb-%s-%s, %s, %pM` [K6]. Real lines from [F6] (RUTX14),
// [F10] (RUT240), [F1] (RUT901), fixtures 004/014/018/020/022/026/042.
// `-` in tags: the same text pasted without a timestamp or from FreeBSD-less dmesg copies.

const KERNEL = ['kernel', '-'];
const USBNET_DRIVERS = driverAlternation((d) => d.usbnet === true);
/** usb-serial drivers (tables/usbDrivers.ts): adapters' too, whose ports are ttyUSB ports as well. */
const SERIAL_DRIVERS = driverAlternation((d) => d.serial === true);
const MODEM_SERIAL_DRIVERS = driverAlternation((d) => d.serial === true && d.device === 'modem');

export const usbKernelEntries: CatalogueEntry[] = [
  {
    id: 'usb.disconnect',
    usb: 'gone',
    subsystem: 'usb',
    severity: 'warning',
    tags: KERNEL,
    // Kernels of the 2.6 series call the device number the address (X81).
    literal: ['USB disconnect, device number', 'USB disconnect, address'],
    pattern: /^usb (?<usbPath>[\d.-]+): USB disconnect, (?:device number|address) (?<devnum>\d+)/,
    summary: 'USB device {usbPath} left the bus (device number {devnum})',
    group: 'USB disconnects',
    explanation:
      'The kernel saw the device on USB port {usbPath} disappear (`usb_disconnect()` in hub.c). For an internal modem this means it reset, rebooted (for example into a firmware update), crashed or lost power. ' +
      'Every tty and network interface it had goes away with it.',
    nextSteps: ['Look for the matching `new ... USB device number` line: how long the modem was gone, and whether it came back with the same drivers.'],
    finding: 'usb-disconnect',
    sources: ['K3b', 'F6', 'F10', 'X81'],
    samples: [
      '[422506.592997] usb 1-1: USB disconnect, device number 5',
      '[  512.340000] usb 1-1: USB disconnect, address 2',
      'Sat Jan 18 06:36:13 2025 kern.info kernel: [ 1151.154383] usb 1-1: USB disconnect, device number 6',
      'Dec 30 11:26:01 ca4ae2 kernel: usb 1-5: USB disconnect, device number 52',
    ],
  },
  {
    // usb_authorize_device() (hub.c [X138]) prints this only when userspace writes 1 to the device's
    // `authorized` file: a watchdog script's USB reset (0, then 1) or a policy daemon (usbguard).
    // Writing 0 prints nothing, but the drivers let go of its interfaces: the functions' loss before
    // this line was done on purpose. A blind probe's watchdog reset had been an unexplained drop.
    id: 'usb.authorized',
    usb: 'present',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    story: ['reauthorized'],
    literal: ': authorized to connect',
    pattern: /^usb (?<usbPath>[\d.-]+): authorized to connect/,
    summary: 'USB device {usbPath} was authorized again (its sysfs authorized file written)',
    explanation: 'A person, a script or a USB policy daemon wrote 1 to the device\'s `authorized` file: the kernel sets the device up again and its drivers bind anew. A device whose drivers let go of it just before was deauthorized the same way (0 written, which the kernel does not log): a reset on purpose, not a fault.',
    sources: ['X138'],
    samples: ['Dec 07 11:12:05 pi-lte kernel: usb 1-1.4: authorized to connect', '[  812.402113] usb 2-1: authorized to connect'],
  },
  {
    // usb_deregister() (drivers/usb/core/driver.c [X178]): a USB driver's module is being removed
    // (rmmod, modprobe -r, a package's upgrade). Its interfaces' teardown lines follow, with no
    // `USB disconnect`: the device stayed on the bus (a blind probe's driver reload had been told
    // "Modem dropped off USB" with power-supply advice).
    id: 'usbcore.driver-deregistered',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    story: ['driver-unloaded'],
    literal: 'deregistering interface driver',
    pattern: /^usbcore: deregistering interface driver (?<driver>[\w-]+)\s*$/,
    summary: 'The kernel unloads the USB driver {driver} (its module removed)',
    explanation: 'The driver\'s module is being removed (`rmmod`, `modprobe -r`, a package upgrade that reloads it): its devices\' interfaces are let go, but the devices stay on the USB bus. A modem whose network interface goes away just after this did not leave the bus; loading the driver again brings the interface back.',
    sources: ['X178'],
    samples: ['Thu Dec  3 16:42:14 2026 kern.info kernel: [52220.113004] usbcore: deregistering interface driver qmi_wwan', '[  412.000001] usbcore: deregistering interface driver option'],
  },
  {
    id: 'usb.new-device',
    usb: 'present',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    // `new high-speed USB device number 6 using xhci-hcd`; a 2.6 kernel's `new high speed USB device
    // using ehci_hcd and address 2` (X81): the number is read ahead, after `number ` or after the
    // controller's `and address `.
    literal: ['USB device number', 'USB device using'],
    pattern: /^usb (?<usbPath>[\d.-]+): (?<kind>new|reset) (?<speed>[\w-]+)(?: speed)? (?:Wireless )?USB device (?=(?:number |using \S+ and address )(?<devnum>\d+))(?:number \d+ )?using (?<hcd>\S+)/,
    summary: '{kind} {speed} USB device on {usbPath} (device number {devnum} on this bus)',
    group: 'new USB devices',
    explanation:
      'The kernel enumerates a device that appeared (or reappeared) on port {usbPath} (`1-1` = bus 1, root port 1). ' +
      'The device number (a 2.6 kernel calls it the address) is a per-bus counter: it goes up with every enumeration of any device or hub on that bus, so a high number alone does not say how often this device came and went. ' +
      'Only repeated `USB disconnect` / `new ... USB device` pairs on the same port path show a device coming back again and again. ' +
      '`reset` instead of `new` is a port reset of a device that stayed on the bus.',
    sources: ['K3b', 'KB43', 'F6', 'F10', 'X81'],
    samples: [
      '[422514.120711] usb 1-1: new high-speed USB device number 6 using xhci-hcd',
      '[   12.340000] usb 1-1: new high speed USB device using ehci_hcd and address 2',
      '[10843.467569] usb 1-1: new high-speed USB device number 50 using ci_hdrc',
      '[   13.376333] usb 1-1.1: reset high-speed USB device number 3 using xhci_hcd',
      '[ 6659.182370] usb 2-1.3: new SuperSpeed USB device number 10 using tegra-xusb',
    ],
  },
  {
    id: 'usb.device-ids',
    usb: 'present',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: 'New USB device found, idVendor=',
    pattern: /^usb (?<usbPath>[\d.-]+): New USB device found, idVendor=(?<vid>[0-9a-fA-F]{4}), idProduct=(?<pid>[0-9a-fA-F]{1,4})/,
    summary: 'USB device {usbPath} is {vid}:{pid} ({model})',
    group: 'USB device identifications',
    explanation: 'The vendor and product ID of the device just enumerated. It names the modem model, or `05c6:9008` for a Qualcomm modem stuck in emergency download (EDL) mode.',
    sources: ['K3b', 'S6', 'K2'],
    samples: [
      '[ 6141.480532] usb 1-12: New USB device found, idVendor=2c7c, idProduct=6005, bcdDevice= 3.18',
      'Dec 30 11:26:10 ca4ae2 kernel: usb 1-5: New USB device found, idVendor=12d1, idProduct=1001',
    ],
  },
  {
    // The name the device gives itself, which names a modem the ID table does not know (a blind
    // probe's Sierra EM7455 under an ID of Lenovo's had been "the modem at USB 2-1").
    id: 'usb.product-name',
    layout: true,
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: ': Product: ',
    pattern: /^usb (?<usbPath>[\d.-]+): Product: (?<product>\S[^\r\n]{0,79})$/,
    summary: 'USB device {usbPath} calls itself "{product}"',
    group: 'USB device identifications',
    explanation: 'The product name the device\'s USB descriptor holds, as the kernel prints it when the device comes up: its maker\'s words, not checked against anything.',
    sources: ['X119'],
    samples: ['Wed Aug 21 09:41:47 2024 kern.info kernel: [78107.100000] usb 2-1: Product: Sierra Wireless EM7455 Qualcomm Snapdragon X7 LTE-A', '[    3.213000] usb 1-1: Product: EC25'],
    counterSamples: ['usb 1-1: New USB device strings: Mfr=1, Product=2, SerialNumber=3'],
  },
  {
    id: 'usb.serial-detected',
    usb: 'present',
    layout: true,
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: 'converter detected',
    pattern: new RegExp(`^(?<driver>${SERIAL_DRIVERS}) (?<usbPath>[\\d.-]+):1\\.(?<iface>\\d+): (?<converter>.+?) converter detected`),
    summary: '{driver} bound interface {iface} of {usbPath}',
    explanation: 'The usb-serial driver claims one interface of the modem; each such interface becomes a ttyUSB port (AT, diagnostics, GNSS or PPP).',
    sources: ['F6', 'F10'],
    samples: ['[422514.442322] option 1-1:1.0: GSM modem (1-port) converter detected'],
  },
  {
    id: 'usb.serial-attached',
    usb: 'present',
    layout: true,
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: 'converter now attached to',
    pattern: /^usb (?<usbPath>[\d.-]+): (?<converter>.+?) converter now attached to (?<tty>tty\w+)/,
    summary: '{usbPath} gained serial port {tty}',
    explanation:
      'The usb-serial driver made a tty for one interface of the USB device on {usbPath}; the `converter detected` line just before it names the driver and the interface number. ' +
      'Which function a port has (AT, diagnostics, GNSS, PPP) follows from its USB interface, not from its tty number: RutOS\'s gsmd, for example, looks for the AT port as the tty under `<usb id>:1.<n>`. ' +
      'If the same device comes back with higher tty numbers than before, that can mean a process still holds the old, dead tty, so the kernel hands out the next free numbers (inference).',
    sources: ['F6', 'F10', 'S6', 'S17', 'KB42', 'K4', 'W1'],
    samples: ['[422514.442716] usb 1-1: GSM modem (1-port) converter now attached to ttyUSB0'],
  },
  {
    // cdc-acm.c acm_probe (X88): a CDC-ACM interface, a modem's AT port in ACM mode (u-blox,
    // Telit, Fibocom and others present theirs so) or another device's serial port (a GPS
    // receiver, a microcontroller board): the device's VID:PID tells which (tables/usbDrivers.ts).
    id: 'usb.acm-attached',
    usb: 'present',
    layout: true,
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: 'USB ACM device',
    pattern: /^(?<driver>cdc_acm) (?<usbPath>[\d.-]+):1\.(?<iface>\d+): (?<tty>ttyACM\d+): USB ACM device/,
    summary: '{usbPath} gained serial port {tty} (CDC-ACM, interface {iface})',
    explanation:
      'The cdc_acm driver bound a CDC-ACM interface of the USB device on {usbPath} and made it {tty}. Modems that present their AT port as ACM (rather than through the option driver\'s ttyUSB ports) show this line, and so do other serial devices: a GPS receiver, a microcontroller board. ' +
      'The device\'s vendor:product ID, in the `New USB device found` line before it, tells which it is.',
    sources: ['X88'],
    samples: ['[   15.200000] cdc_acm 1-1:1.2: ttyACM1: USB ACM device'],
  },
  {
    id: 'usb.serial-detached',
    usb: 'teardown',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: 'converter now disconnected from',
    pattern: /^(?<driver>\w+) (?<tty>tty\w+): (?<converter>.+?) converter now disconnected from/,
    summary: 'Serial port {tty} went away',
    explanation: 'The tty of a modem interface was removed, normally because the modem left the bus. Its device is the one the tty was attached to earlier in the log, if the log shows that.',
    sources: ['F6'],
    samples: ['[422506.593557] option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0'],
  },
  {
    id: 'usb.interface-disconnected',
    usb: 'teardown',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: ': device disconnected',
    pattern: new RegExp(`^(?<driver>${MODEM_SERIAL_DRIVERS}) (?<usbPath>[\\d.-]+):1\\.(?<iface>\\d+): device disconnected`),
    summary: 'Interface {iface} of {usbPath} disconnected',
    explanation: 'The usb-serial driver let go of one modem interface; part of a device leaving the bus.',
    sources: ['F6'],
    samples: ['[422506.597250] option 1-1:1.0: device disconnected'],
  },
  {
    id: 'usb.net-register',
    usb: 'present',
    layout: true,
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: ': register ',
    pattern: new RegExp(`^(?<driver>${USBNET_DRIVERS}) (?<usbPath>[\\d.-]+):1\\.(?<iface>\\d+) (?<netdev>[\\w.-]+): register ['‘’](?<drv>[\\w-]+)['‘’] at[ ,]`),
    summary: '{driver} made network interface {netdev} on interface {iface} of {usbPath}',
    explanation:
      'A usbnet driver bound interface {iface} of the USB device on {usbPath} as a network interface. The driver names the data mode the device is in: `qmi_wwan` (QMI), `rndis_host` (RNDIS), `cdc_ether` (ECM), `cdc_mbim` (MBIM). ' +
      'The device is not necessarily a modem: a phone tethering over USB also binds `rndis_host`; its vendor:product ID tells. ' +
      'For the Quectel EC200A (2c7c:6005), Teltonika\'s modem file on RutOS expects RNDIS, while on a PC it has been seen as `cdc_ether`. As `cdc_ether` it is in its ECM composition, in which the kernel binds `option` to interfaces 2, 3 and 4: ' +
      'the AT port stays on interface 3 (where RutOS\'s gsmd looks for it), and only the network driver and the tty numbers differ.',
    sources: ['K6', 'S6', 'K1', 'KB42', 'KB43', 'F1', 'Q1', 'Q2'],
    samples: [
      '[422514.507485] qmi_wwan 1-1:1.4 wwan0: register \'qmi_wwan\' at, WWAN/QMI device, 82:94:84:97:63:53',
      '[ 6141.485347] cdc_ether 1-12:1.0 usb0: register ‘cdc_ether’ at usb-0000:00:14.0-12, CDC Ethernet Device, 02:0c:29:a3:9b:6d',
      '[ 6659.332639] rndis_host 2-1.3:1.0 usb1: register \'rndis_host\' at usb-70090000.xusb-1.3, RNDIS device, 9e:e1:ca:7c:f6:40',
    ],
  },
  {
    // udev gives the interface its stable name (`enx0c5b8f279a64`) just after the driver made it:
    // the kernel's dev_change_name() says so (netdev_info, "renamed from %s") [X135]. The DHCP
    // clients' lines name it so afterwards (dhcpClients.ts).
    id: 'usb.net-renamed',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: ': renamed from ',
    pattern: new RegExp(`^(?<driver>${USBNET_DRIVERS}) (?<usbPath>[\\d.-]+):1\\.\\d+ (?<netdev>[\\w.-]+): renamed from (?<oldNetdev>[\\w.-]+)`),
    summary: 'The network interface {oldNetdev} of {usbPath} was renamed {netdev}',
    explanation: 'udev gave the network interface the usbnet driver made its stable name; later lines name it so.',
    sources: ['X135'],
    samples: ['Oct 17 13:41:23 kiosk-07 kernel: cdc_ether 1-2:1.0 enx8a1f3c60d211: renamed from eth1', '[   12.101000] cdc_ether 1-1.4:1.0 enx0c5b8f279a64: renamed from eth1 (while UP)'],
  },
  {
    id: 'usb.net-unregister',
    usb: 'teardown',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: ': unregister ',
    pattern: new RegExp(`^(?<driver>${USBNET_DRIVERS}) (?<usbPath>[\\d.-]+):1\\.(?<iface>\\d+) (?<netdev>[\\w.-]+): unregister `),
    summary: 'Network interface {netdev} of {usbPath} went away',
    explanation: 'The modem\'s data interface was removed, normally because the modem left the bus or switched USB mode.',
    // The kernel removing a network device is that interface going down, whatever brings it up
    // (netifd, NetworkManager, ModemManager): the one line every stack logs when it happens.
    finding: 'interface-down',
    sources: ['K6', 'F6'],
    samples: ['[422506.643658] qmi_wwan 1-1:1.4 wwan0: unregister \'qmi_wwan\', WWAN/QMI device'],
  },
  {
    id: 'usb.cdc-wdm',
    usb: 'present',
    layout: true,
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: 'USB WDM device',
    pattern: /^(?<driver>\w+) (?<usbPath>[\d.-]+):1\.(?<iface>\d+): (?<wdm>cdc-wdm\d+): USB WDM device/,
    summary: '{driver} made control device {wdm} on {usbPath}',
    explanation: 'The QMI/MBIM control channel of the modem appeared.',
    sources: ['F6'],
    samples: ['[422514.506036] qmi_wwan 1-1:1.4: cdc-wdm0: USB WDM device'],
  },
  {
    id: 'usb.storage-detected',
    usb: 'present',
    layout: true,
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: 'USB Mass Storage device detected',
    pattern: /^(?<driver>usb-storage) (?<usbPath>[\d.-]+):1\.(?<iface>\d+): USB Mass Storage device detected/,
    summary: 'usb-storage took interface {iface} of {usbPath}: a storage device',
    explanation:
      'The device on {usbPath} shows a storage interface: a flash drive or disk, or a modem in its install mode, which shows a virtual CD-ROM with its Windows driver until it is switched to its modem mode (usb_modeswitch does that on Linux; it then leaves the bus and comes back with a new product ID and its modem ports).',
    sources: ['X102', 'X101'],
    samples: ['Apr 02 06:12:07 gw-field-07 kernel: usb-storage 1-1.3:1.0: USB Mass Storage device detected', '[   28.505286] usb-storage 4-1:1.0: USB Mass Storage device detected'],
  },
  {
    id: 'usb.serial-symlink',
    stack: 'rutos',
    layout: true,
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: '[01-serial-symlink.sh]',
    pattern: /^\[01-serial-symlink\.sh\] (?:New device|Device) (?<tty>tty\w+) at (?<path>\S*?\/(?<usbPath>\d+-[\d.]+):1\.(?<iface>\d+)\/\S*) (?<what>appeared|disappeared)/,
    summary: 'RutOS hotplug: {tty} {what} on interface {iface} of {usbPath}',
    explanation:
      'Teltonika\'s tty hotplug script writes this trace to /dev/kmsg, which is why it shows as `user.warn kernel:`: it is information, not a warning. ' +
      'It tells which USB interface each ttyUSB belongs to, so a changed interface number after a re-enumeration shows a different USB composition.',
    sources: ['S5', 'K3', 'F1'],
    samples: [
      'Mon Dec  2 19:54:58 2024 user.warn kernel: [  312.091708] [01-serial-symlink.sh] New device ttyUSB0 at /devices/platform/101c0000.ehci/usb1/1-1/1-1:1.3/ttyUSB0/tty/ttyUSB0 appeared!',
    ],
  },
  {
    id: 'usb.enumerate-error',
    subsystem: 'usb',
    severity: 'warning',
    tags: KERNEL,
    literal: 'error -',
    pattern: /^usb (?<usbPath>[\w.-]+): (?<what>device descriptor read\/\w+|device not accepting address \d+|string descriptor \d+ read|can't read configurations|unable to read config index \d+ descriptor\/\w+|Unable to get device descriptor), error -(?<errno>\d+)/,
    summary: 'USB enumeration of {usbPath} failed: {what} (error -{errno} {errnoName})',
    explanation:
      'The kernel could not talk to a device that appeared on the port. -71 (EPROTO) is a USB protocol error: bad cable, interference or a brown-out; -110 (ETIMEDOUT) means the device did not answer in time. ' +
      'For an internal modem this points at power or a modem stuck while booting.',
    finding: 'usb-enumeration-error',
    sources: ['K5', 'K3b'],
    samples: [
      '[   35.120512] usb 1-1: device descriptor read/64, error -71',
      '[   41.870211] usb 1-1: device not accepting address 7, error -110',
    ],
  },
  {
    id: 'usb.cannot-enable',
    subsystem: 'usb',
    severity: 'warning',
    tags: KERNEL,
    literal: 'Cannot enable',
    pattern: /^usb (?<usbPath>[\w.-]+): Cannot enable\. Maybe the USB cable is bad\?/,
    summary: 'USB port {usbPath} could not enable a device',
    explanation: 'A device is on the port but the host cannot bring it up. For an internal modem the "cable" text is generic: it points at power or a modem that does not boot properly.',
    finding: 'usb-enumeration-error',
    sources: ['K3b'],
    samples: ['[  300.532238] usb usb4-port1: Cannot enable. Maybe the USB cable is bad?'],
  },
  {
    id: 'usb.unable-to-enumerate',
    usb: 'gave-up',
    subsystem: 'usb',
    severity: 'error',
    tags: KERNEL,
    literal: 'unable to enumerate USB device',
    pattern: /^usb (?<usbPath>[\w.-]+): unable to enumerate USB device/,
    summary: 'The kernel gave up enumerating the device on {usbPath}',
    explanation: 'After retries and a port power cycle the device still did not come up: it is off the bus until something changes (reboot, power cycle).',
    finding: 'usb-enumeration-error',
    sources: ['K3b'],
    samples: ['[  304.184245] usb usb4-port1: unable to enumerate USB device'],
  },
  // What cuts a device off the bus from outside it (stories/modemDevice.ts DROP_CAUSES): a hub's
  // port power cut for an over-current, the host controller dying.
  {
    id: 'usb.over-current',
    story: ['port-power-cut'],
    subsystem: 'usb',
    severity: 'warning',
    tags: KERNEL,
    literal: 'over-current',
    pattern: /^usb (?<port>(?:usb\d{1,3}|\d{1,3}-[\d.]{1,40})-port\d{1,3}): over-current (?<what>change(?: #\d+)?|condition)/,
    summary: 'The hub reported an over-current on port {port} ({what})',
    explanation:
      'The hub saw more current drawn on this port than it may give (or a short) and cut its power; the kernel powers the hub\'s ports again after a moment and says "over-current condition" if the over-current is still there. ' +
      'A device on the port, a modem among them, loses its power and drops off the bus.',
    sources: ['X100'],
    samples: ['[ 5120.330412] usb 1-1-port2: over-current change #1', '[ 5120.431002] usb usb1-port1: over-current condition'],
    counterSamples: ['usb 1-1-port2: disabled by hub (EMI?), re-enabling...'],
  },
  {
    id: 'usb.host-died',
    story: ['host-died'],
    subsystem: 'usb',
    severity: 'error',
    tags: KERNEL,
    literal: ['HC died', 'assume dead'],
    pattern: /^(?<driver>[\w-]+) (?<controller>\S+): (?<what>HC died; cleaning up|xHCI host controller not responding, assume dead)/,
    summary: 'The USB host controller {controller} died ({what})',
    explanation:
      'The kernel found the USB host controller not answering and marked it dead: it disconnects every device on the controller\'s buses, and none comes back until the controller is reset (a reboot, or rebinding its driver). ' +
      'Every device on it drops at once, so the fault is the host\'s (the controller, its driver or firmware, its power management), not that of one device on it.',
    sources: ['X99'],
    samples: ['[35873.575473] xhci_hcd 0000:00:14.0: xHCI host controller not responding, assume dead', '[35873.575488] xhci_hcd 0000:00:14.0: HC died; cleaning up'],
  },
  {
    id: 'usb.urb-error',
    usb: 'teardown',
    subsystem: 'usb',
    severity: 'warning',
    tags: KERNEL,
    literal: ['nonzero urb status', 'read urb failed'],
    pattern: /^(?<driver>\w+) (?<usbPath>[\d.-]+)(?::1\.(?<iface>\d+))?: (?<what>nonzero urb status received|.*resubmit read urb failed\.?)[: (]*-(?<errno>\d+)/,
    summary: '{driver} on {usbPath}: USB transfer failed, {what} (-{errno} {errnoName})',
    explanation:
      'The driver bound to {usbPath} got an error back for a USB transfer it had queued (a URB), or could not queue the next read. ' +
      'The errno says what kind of error: -19 (ENODEV) the device behind the driver is gone, -108 (ESHUTDOWN) its endpoint was shut down (device disconnecting), -110 (ETIMEDOUT) it did not answer in time, ' +
      '-71 (EPROTO) a USB protocol error, which can mean a bad cable, interference or a brown-out (inference). ' +
      'A run of these around a device dropping off the bus is the driver failing against a device that is going away: it is part of that drop, not an enumeration error, and it does not say why the device left.',
    // No finding of its own: the errors of a device going away are part of its drop (usb: teardown), not enumeration errors.
    sources: ['K5'],
    samples: ['kernel: [   70.955000] cdc_mbim 1-1.2:1.3: nonzero urb status received: -71'],
  },
  {
    id: 'usb.serial-urb-error',
    subsystem: 'usb',
    severity: 'info',
    tags: KERNEL,
    literal: 'resubmit read urb failed',
    pattern: /^(?<driver>\w+) (?<tty>tty\w+): usb_wwan_indat_callback: resubmit read urb failed\. \(-(?<errno>\d+)\)/,
    summary: '{tty}: read failed while the device went away (-{errno} {errnoName})',
    explanation: 'usb_wwan could not re-arm a read on a port whose device is disappearing; -19 (ENODEV) means the device is gone. Part of a disconnect, not a separate fault.',
    sources: ['K5'],
    samples: ['Dec 30 11:26:01 ca4ae2 kernel: option1 ttyUSB2: usb_wwan_indat_callback: resubmit read urb failed. (-19)'],
  },
  {
    id: 'usb.check-failed',
    stack: 'rutos',
    subsystem: 'system',
    severity: 'error',
    literal: ' failed',
    tags: ['kernel', '-'],
    pattern: /^(?<name>usb_check) failed(?: - rebooting system, count (?<count>\d+)| after (?<after>\d+) count)/,
    summary: 'RutOS boot check {name} failed: the modem\'s USB device did not appear',
    explanation:
      'At boot RutOS checks that the modem\'s USB device (1-1 on RUT9x) appears within about 30 s; if it does not, the router reboots itself up to a configured count. ' +
      'A modem that no longer enumerates (for example after a failed update) causes these extra reboots.',
    nextSteps: ['Run `lsusb`: no modem at all, not even in download mode (`05c6:9008` on a Qualcomm-based module; an ASR-based one such as the EC200A shows an ID other than its own), means the modem does not power on (Teltonika treats this as RMA).'],
    finding: 'usb-gap',
    sources: ['S11', 'S26', 'F9'],
    samples: ['[   41.223011] usb_check failed - rebooting system, count 1', '[   41.223011] usb_check failed after 3 count'],
  },
  {
    id: 'usb.check-passed',
    stack: 'rutos',
    subsystem: 'system',
    severity: 'info',
    tags: ['kernel', '-'],
    literal: 'usb_check passed',
    pattern: /^usb_check passed/,
    summary: 'RutOS boot check: the modem\'s USB device is present',
    explanation: 'The boot check found the modem\'s USB device.',
    sources: ['S11', 'S26'],
    samples: ['[   38.441000] usb_check passed'],
  },
  {
    id: 'usb.hub-not-detected',
    subsystem: 'usb',
    severity: 'warning',
    tags: ['kernel', '-'],
    literal: 'USB hub not detected',
    pattern: /^USB hub not detected, resetting/,
    summary: 'RutOS boot check: USB hub not detected, resetting it',
    explanation: 'The board\'s USB hub (behind which the modem sits on some models) was missing at boot and is being reset.',
    sources: ['S11'],
    samples: ['[   12.001100] USB hub not detected, resetting'],
  },
];
