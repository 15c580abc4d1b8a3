// The words catalogue entries and stories share. An entry says what its line means to a story
// (`story: ['update-finished']`) and which software stack it proves (`stack: 'rutos'`); stories
// and the host detector read these marks, so no story names an event id.

/**
 * What a line means to a story.
 * - `update-finished`: a firmware update tool said the update completed.
 * - `modem-back`: the modem manager took the modem (back) into service.
 * - `deliberate-restart`: something restarted the modem or the router on purpose (a ping check, a
 *   modem manager's retry, a user's request); a modem that drops after it was told to.
 * - `data-up`: the mobile data connection came up.
 * - `registered`: the modem registered in a network.
 * - `watchdog` / `kernel-crash` / `power-cut`: what an unexpected reboot's line says caused it.
 * - `brown-out`: the board's supply voltage dropped below what it needs (a Raspberry Pi's
 *   under-voltage flag); a modem it powers may drop off the bus with it.
 * - `port-power-cut`: a hub reported an over-current on a port (its `port` field): the port's
 *   power is cut, and a modem on it drops.
 * - `host-died`: the USB host controller died: the kernel disconnects every device on it.
 * - `reauthorized`: a USB device was authorized again through its sysfs `authorized` file (a person,
 *   a script, a policy daemon): its functions had gone because something deauthorized it, on purpose.
 * - `shutdown`: the system began an orderly shutdown or restart (procd's `- shutdown -`, the kernel's
 *   `reboot: Restarting system`): what goes down after it, until the next boot, goes down with it.
 * - `stop-asked`: the modem is being disabled on request (ModemManager's `-> disabling`): what goes
 *   down with it in the next minute goes down because it was asked to.
 * - `usb-listing`: a line of a listing of the USB devices on the bus when it was made (`lsusb`).
 * - `teardown`: an interface's protocol script tears the connection down (OpenWrt's `Stopping
 *   network wan`): the ubus call it makes next, failing as the interface goes, is its doing.
 * - `device-update-started` / `device-update-finished` / `device-update-failed`: a tool that updates
 *   the firmware of any device (fwupd: a laptop's UEFI, a dock, an SSD, or a modem) started, finished
 *   or failed an update. They are the modem's update only where the modem leaves the bus (or shows
 *   in download mode) soon after the start: alone they say nothing of a modem.
 * - `driver-unloaded`: a USB driver's module is being removed (`usbcore: deregistering interface
 *   driver`): the interfaces it lets go of go with it, their devices stay on the bus.
 * - `sleep` / `wake`: the system went to sleep (suspend, hibernation) / woke from it: what a USB
 *   modem did in between and as it woke is the sleep's doing.
 * - `manager-started`: a modem manager started (again).
 * - `manager-restart-asked`: a person or a script asked for a modem manager's restart
 *   (`systemctl restart ModemManager`): a manager that starts after it was restarted on purpose.
 * - `ports-back`: the kernel made a modem's control ports (again): its driver has the modem running.
 * - `weak-signal`: the modem reported a weak signal (3GPP's +CSQ rssi of 9 or less, -95 dBm or
 *   worse); a data connection or registration lost near it may be the coverage's.
 */
export type StoryMark =
  | 'update-finished'
  | 'modem-back'
  | 'deliberate-restart'
  | 'data-up'
  | 'registered'
  | 'watchdog'
  | 'kernel-crash'
  | 'power-cut'
  | 'brown-out'
  | 'port-power-cut'
  | 'host-died'
  | 'weak-signal'
  // The modem measured no signal (+CSQ rssi 99: not known or not detectable).
  | 'no-signal'
  | 'manager-started'
  | 'shutdown'
  | 'stop-asked'
  | 'sleep'
  | 'teardown'
  | 'usb-listing'
  | 'wake'
  | 'manager-restart-asked'
  | 'sim-ready'
  | 'radio-on'
  | 'reauthorized'
  | 'ports-back'
  | 'device-update-started'
  | 'device-update-finished'
  | 'device-update-failed'
  | 'driver-unloaded';

/**
 * The software stacks a log can come from; advice is written per stack (stories/hosts.ts).
 * - `rutos`: Teltonika RutOS (gsmd, mobifd, dfota, RutOS events).
 * - `modemmanager`: any Linux with ModemManager (OpenWrt, Raspberry Pi, PC).
 * - `openwrt`: OpenWrt without ModemManager (uqmi, comgt, quectel-cm, pppd through netifd).
 * - `gammu`: gammu / smstools on a Linux host.
 * - `embedded`: a microcontroller or appliance console (ESP-IDF, Venus OS dbus-modem).
 * - `freebsd`: FreeBSD / pfSense / OPNsense.
 * - `cisco`: Cisco IOS / IOS XE with a cellular module.
 * - `routeros`: MikroTik RouterOS with an LTE modem.
 * - `linux`: a Linux host with none of the above (dmesg, journal only).
 */
export type HostId = 'rutos' | 'modemmanager' | 'openwrt' | 'gammu' | 'embedded' | 'freebsd' | 'cisco' | 'routeros' | 'android' | 'linux';
