// What to do next, and what a log cannot say, per host stack (knowledge 3.5, 3.6 and 6; Teltonika
// staff answers [F2] [F7] [F8] [F9] [F11], the dfota script [S3], gsmd.init [S16]).
// Each key has one wording per stack it applies to: Teltonika commands (`gsmctl`, `ubus list gsm.*`,
// `modem_updater`, the Teltonika RMA and private form) only for RutOS; `mmcli`, `qmicli`, `lsusb`
// and `dmesg` for ModemManager hosts (knowledge 3.6 "Advice must fit the host"). A variant without
// `hosts` applies to every stack that has no wording of its own. Texts may hold `{modemId}`,
// `{downloadId}` and `{mmModem}` (ModemManager's modem number, 0 unless the lines name one),
// filled from the log by the story (stories/tellStories.ts).

import type { HostId } from '../stories/marks';

export interface AdviceItem {
  text: string;
  sources: readonly string[];
  /** Stacks this wording is for; omitted: any stack without its own wording. */
  hosts?: readonly HostId[];
}

const RUTOS: readonly HostId[] = ['rutos'];
const MM: readonly HostId[] = ['modemmanager'];
// Hosts whose tools are not Linux's: their own commands, never `lsusb` or `/dev/ttyUSB*` (a blind probe's pfSense and RouterOS had been told them).
const FREEBSD: readonly HostId[] = ['freebsd'];
const CISCO: readonly HostId[] = ['cisco'];
const ROUTEROS: readonly HostId[] = ['routeros'];
// An Android device's telephony: its own settings screens and `dumpsys`, not a modem's AT port.
const ANDROID: readonly HostId[] = ['android'];

export const ADVICE: Record<string, readonly AdviceItem[]> = {
  checkModemAlive: [
    {
      hosts: RUTOS,
      text: 'Check whether the modem is alive (System > CLI or SSH): `lsusb` shows {modemId}, {downloadId}, or nothing; `ls /dev/ttyUSB*` lists its ports; `ubus list gsm.*` and `gsmctl -A AT` show whether gsmd has it and it answers.',
      sources: ['F9', 'S18b', 'S16', 'KB36'],
    },
    {
      hosts: MM,
      text: 'Check whether the modem is alive: `mmcli -L` lists the modems ModemManager has, `mmcli -m {mmModem}` (its number from that list) shows its state, SIM and registration; `lsusb` shows {modemId}, {downloadId}, or nothing; `dmesg` shows its USB and driver messages since.',
      sources: ['KB36', 'F9'],
    },
    {
      text: 'Check whether the modem is alive: `lsusb` shows {modemId}, {downloadId}, or nothing; `ls /dev/ttyUSB* /dev/cdc-wdm*` lists its ports; `dmesg` shows its USB and driver messages since.',
      sources: ['KB36', 'F9'],
    },
    {
      hosts: FREEBSD,
      text: 'Check whether the modem is alive: `usbconfig list` lists the USB devices ({modemId}, {downloadId}, or nothing); `ls /dev/cuaU*` lists the serial ports its driver (u3g) made; `dmesg` shows its USB and driver messages since.',
      sources: ['X144', 'X145', 'KB36'],
    },
    {
      hosts: CISCO,
      text: 'Check whether IOS has the modem: `show cellular <slot> all` (the slot or the interface the log names, `0/1/0`) shows the modem\'s hardware and firmware, its radio, network and SIM state; `show logging | include CELLWAN` shows what the cellular driver said since.',
      sources: ['X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'Check whether RouterOS has the modem: `/interface lte print` lists the LTE interface (none when the modem is gone) and `/interface lte monitor lte1` shows its state, registration and signal. If it stays gone, `/system routerboard usb power-reset` cuts the modem\'s power for a moment (boards with several USB buses need `bus=`).',
      sources: ['X141', 'X143'],
    },
  ],
  waitingWillNotHelp: [
    {
      hosts: RUTOS,
      text: 'Waiting will not clear the "firmware update is in progress" banner: after "Update has been started!" dfota asks gsmd for the modem firmware every 2 s with no time limit, and gsmd does not register a refused modem again by itself.',
      sources: ['S3b', 'S8', 'KB36'],
    },
  ],
  saveEvidenceBeforeReboot: [
    {
      hosts: RUTOS,
      text: 'Before rebooting, save what a reboot erases: `cat /tmp/dfota_status.json` and `logread > /tmp/before-reboot.log` (copy it off the router), or download a fresh troubleshoot file. A reboot empties /tmp and the RAM log.',
      sources: ['KB36', 'S3', 'S9'],
    },
    {
      text: 'Before restarting anything, save the log as it is now (a restart may empty a RAM log): it is the only record of what happened.',
      sources: ['KB36'],
    },
  ],
  restartGsmdOrReboot: [
    {
      hosts: RUTOS,
      text: 'Reboot the router cleanly (WebUI or `reboot`), or run `/etc/init.d/gsmd restart`, so gsmd registers the modem again. A reboot also empties /tmp, which removes the stale /tmp/dfota_status.json and with it the banner. Reboot rather than pull the power: a power cut is logged as "Device startup after unexpected shutdown", and cutting power while a flash still runs can leave the modem in download mode.',
      sources: ['S3', 'S16', 'S17', 'S11', 'F8'],
    },
  ],
  checkFirmwareVersion: [
    {
      hosts: RUTOS,
      text: 'After the reboot, check which firmware the modem runs (`gsmctl -y`) to learn whether the update applied before deciding to retry it.',
      sources: ['KB36', 'S18b'],
    },
    {
      hosts: MM,
      text: 'Check which firmware the modem runs (`mmcli -m {mmModem}` shows its revision) to learn whether the update applied before deciding to retry it.',
      sources: ['KB36'],
    },
    {
      text: 'Check which firmware the modem runs (its flashing tool or `AT+GMR` on its AT port) to learn whether the update applied before deciding to retry it.',
      sources: ['KB36'],
    },
  ],
  letFlashEnd: [
    {
      hosts: RUTOS,
      text: 'Do not reboot or power-cycle the router yet: a modem flash in download mode takes minutes (a first modem upgrade took about 10 [F9]), and cutting one short is what leaves a modem stuck in download mode [F8]. Give it 30 minutes, then run `lsusb`: {modemId} means the flash ended and the modem runs firmware again (`gsmctl -y` shows which, once gsmd has it); {downloadId} still means it stopped: then the next step.',
      sources: ['F9', 'F8', 'KB36'],
    },
    {
      text: 'Do not reboot or power-cycle the host yet: a modem flash in download mode takes minutes, and cutting one short is what leaves a modem stuck in download mode [F8]. Give it 30 minutes, then run `lsusb`: {modemId} means the flash ended and the modem runs firmware again; {downloadId} still means it stopped: then the next step.',
      sources: ['F9', 'F8', 'KB36'],
    },
    {
      hosts: FREEBSD,
      text: 'Do not reboot or power-cycle the host yet: a modem flash in download mode takes minutes, and cutting one short is what leaves a modem stuck in download mode [F8]. Give it 30 minutes, then run `usbconfig list`: {modemId} means the flash ended; {downloadId} still means it stopped: then the next step.',
      sources: ['F8', 'X144'],
    },
    {
      hosts: CISCO,
      text: 'Do not reload the router yet: a modem firmware write takes minutes, and cutting one short is what leaves a modem without firmware [F8]. Give it 30 minutes, then `show cellular <slot> all` shows whether the modem is back.',
      sources: ['F8', 'X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'Do not reboot the router yet: a modem firmware write takes minutes, and cutting one short is what leaves a modem without firmware [F8]. Give it 30 minutes, then `/interface lte print` shows whether the modem is back.',
      sources: ['F8', 'X141'],
    },
  ],
  downloadModeReflash: [
    {
      hosts: RUTOS,
      text: 'If lsusb shows {downloadId}: give the router stable power and an internet connection through another WAN (the modem cannot provide one), then re-flash with `modem_updater -i {updaterId} -v <version>` (its USB id; ASR modems such as the EC200A are flashed with QDLoader, Qualcomm ones with firehose). If that fails, open a ticket with Teltonika or request an RMA.',
      sources: ['F2', 'F7', 'S22'],
    },
    {
      text: 'If lsusb shows {downloadId}: the modem runs no firmware and waits to be flashed. Give the host stable power, then re-flash it with the module vendor\'s flashing tool for this model (QFirehose for Qualcomm-based Quectel modules, QDLoader for ASR-based ones) and the right firmware image.',
      sources: ['S22', 'F7', 'X60'],
    },
    {
      hosts: FREEBSD,
      text: 'If `usbconfig list` shows {downloadId}: the modem runs no firmware and waits to be flashed. Give the host stable power, then re-flash it with the module vendor\'s flashing tool for this model (QFirehose for Qualcomm-based Quectel modules, QDLoader for ASR-based ones) and the right firmware image.',
      sources: ['X144', 'KB36'],
    },
    {
      hosts: CISCO,
      text: 'If `show cellular <slot> all` finds no modem after a reload, its firmware may have to be written again: open a case with Cisco for the module.',
      sources: ['X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'A modem stuck in its download mode has no LTE interface: if `/interface lte print` stays empty after a power reset, the modem\'s firmware may have to be written again with its maker\'s tool.',
      sources: ['X141'],
    },
  ],
  nothingEnumerates: [
    {
      hosts: RUTOS,
      text: 'If lsusb shows neither the modem nor a download-mode device: power-cycle once. If it is still missing, the modem does not power on, which Teltonika handles as an RMA.',
      sources: ['F9', 'F11'],
    },
    {
      text: 'If lsusb shows neither the modem nor a download-mode device: power-cycle once (a full power cut, not a reboot). If it is still missing, check the module\'s power supply and seating before suspecting the module itself.',
      sources: ['F9', 'KB43'],
    },
    {
      hosts: FREEBSD,
      text: 'If `usbconfig list` shows neither the modem nor a download-mode device: power-cycle once (a full power cut, not a reboot). If it is still missing, check the module\'s power supply and seating before suspecting the module itself.',
      sources: ['X144', 'F9', 'KB43'],
    },
    {
      hosts: CISCO,
      text: 'If `show cellular <slot> all` still finds no modem: reload the router once. If the modem stays down, check that the module is seated, then open a case with Cisco for the module.',
      sources: ['X85', 'F9'],
    },
    {
      hosts: ROUTEROS,
      text: 'If `/interface lte print` still lists no modem: cut its power for a moment (`/system routerboard usb power-reset`), or power-cycle the router once. If it is still missing, check the modem card\'s seating before suspecting the card itself.',
      sources: ['X141', 'X143', 'F9'],
    },
  ],
  dfotaRetry: [
    {
      hosts: RUTOS,
      text: 'After a dfota error the modem keeps its old firmware. Check the modem answers (`gsmctl -A AT`, `gsmctl -y` for the firmware), make sure the connection to the FOTA server is stable, and retry the update; if it fails again with the same code, contact Teltonika support.',
      sources: ['S3', 'F4'],
    },
  ],
  checkFlasherPrerequisites: [
    {
      hosts: RUTOS,
      text: 'Before re-running a flasher: stable power, an internet connection through another WAN, and the right firmware for this module; modem_updater reports missing sshfs, an empty firmware directory or the wrong firmware as [ERROR] lines.',
      sources: ['S22', 'F2'],
    },
    {
      text: 'Before re-running the flasher: stable power, the right firmware image for this exact module, and no other program (ModemManager, a connection manager) holding the modem\'s ports while it flashes.',
      sources: ['S22', 'X61'],
    },
  ],
  allowRoaming: [
    {
      hosts: MM,
      text: 'ModemManager refused the data connection because the modem is registered on a roaming network and the connection does not allow roaming: that is the connection\'s own setting, not the network, the SIM or the APN. If roaming is meant (travel, an IoT SIM that always roams), allow it: `nmcli connection modify <name> gsm.home-only no` for NetworkManager, `allow-roaming=yes` in `mmcli -m {mmModem} --simple-connect=...`; if not, the question is why the modem is not on its home network (`mmcli -m {mmModem}` shows the operator).',
      sources: ['X182'],
    },
    {
      text: 'The data connection was refused because the modem is registered on a roaming network and the connection does not allow roaming: that is the connection\'s own setting, not the network, the SIM or the APN. Allow roaming in the connection\'s settings if roaming is meant; if not, find why the modem is not on its home network.',
      sources: ['X182'],
    },
  ],
  storeConnectionSecret: [
    {
      text: 'NetworkManager needed a secret for the mobile connection and nothing gave it: the SIM\'s PIN (if ModemManager says the SIM is locked) or the APN\'s password. A headless system has no agent to ask, so store it in the connection: `nmcli connection modify <name> gsm.pin <PIN>` (or `gsm.password`), then `nmcli connection up <name>`.',
      sources: ['X180', 'X86'],
    },
  ],
  usbModeChanged: [
    {
      hosts: RUTOS,
      text: 'The modem came back in another USB mode, without the control device its mobile interface uses: data cannot start until it is in the mode RutOS drives it in again. On Quectel modules `AT+QCFG="usbnet",<mode>` sets the mode (through `gsmctl -A`; the modem restarts in it) [Q2][Q4]; if you did not change it, a firmware update may have, and Teltonika support can say which mode this modem needs.',
      sources: ['Q2', 'Q4', 'KB43'],
    },
    {
      text: 'The modem came back in another USB mode, without the control device (/dev/cdc-wdm*) the connection is set up for. Either set the modem back to its old mode (on Quectel modules `AT+QCFG="usbnet",<mode>` on its AT port; the modem restarts in it) [Q2][Q4], or set the connection up for the mode it is in now (its network interface, with the driver that took it).',
      sources: ['Q2', 'Q4', 'KB43'],
    },
  ],
  wrongComposition: [
    {
      hosts: RUTOS,
      text: 'If the modem comes back but data never works: download a troubleshoot file (System > Maintenance > Troubleshoot), look at gsm.log (get_firmware, PIN state) and kernel.log (/dev nodes), and ask Teltonika support.',
      sources: ['S9', 'S6', 'KB36'],
    },
  ],
  managerCrashed: [
    {
      hosts: RUTOS,
      text: 'Check that gsmd runs again (`ps | grep gsmd`) and answers for the modem (`gsmctl -A AT` prints OK): procd respawns it after a crash, but after a crash loop it stops and gsmd stays down until `/etc/init.d/gsmd start` or a reboot. A gsmd that keeps crashing is a fault of the firmware\'s gsmd or of something the modem answers it, for Teltonika support.',
      sources: ['S16', 'X112', 'S18b'],
    },
    {
      hosts: MM,
      text: 'Check that ModemManager runs again and has the modem (`mmcli -L`): systemd restarts it if its unit says so (`systemctl status ModemManager`; `coredumpctl list ModemManager` shows a kept core dump) until it crashed too often in a row (`Start request repeated too quickly`: then `systemctl reset-failed ModemManager` and `systemctl start ModemManager`), procd on OpenWrt likewise. One that keeps crashing is a bug of its version (`ModemManager --version`) or a reaction to something the modem answers it: its last lines before the crash go with a report to its maintainers.',
      sources: ['X113', 'X112', 'KB36'],
    },
    {
      text: 'Check that the program runs again and has the modem: its service manager (procd, systemd) starts it again after a crash unless it crashed too often in a row. One that keeps crashing is a bug of its version or a reaction to something the modem answers it: its version and its last lines before the crash go with a report to its maintainers.',
      sources: ['X112', 'X113'],
    },
  ],
  shareTroubleshootPrivately: [
    {
      hosts: RUTOS,
      text: 'Send the troubleshoot file to Teltonika through their private form, not a public thread: it contains passwords, public IP addresses and serial numbers.',
      sources: ['F4', 'F7'],
    },
  ],
  findWhoResets: [
    {
      hosts: RUTOS,
      text: 'Look at what happens just before each drop: ping_reboot, mobifd and the WebUI log a line of their own when they restart the modem on purpose. If none does, the modem resets by itself: check the power supply and antenna cabling, then ask Teltonika support (they treat a modem that keeps dropping off USB as hardware).',
      sources: ['KB43', 'F10', 'F11', 'S23', 'S20'],
    },
    {
      text: 'Look at what happens just before each drop: a connection manager, a watchdog script or a ping check that restarts the modem logs its own line. If nothing does, the module resets by itself: check that its supply holds up under its current peaks, the cable or slot, and the module\'s firmware.',
      sources: ['KB43'],
    },
  ],
  // The modem stayed off the bus until the system's next start (stories/entries/modemDrop.ts):
  // the restart, not the modem, brought it back, so what to keep is the next time's state before restarting.
  backOnlyAfterReboot: [
    {
      hosts: RUTOS,
      text: 'The modem did not come back by itself: only the router\'s restart brought it back. If it happens again, take a troubleshoot file before restarting (it keeps the log and `lsusb` of that moment), and note what the router was doing when the modem dropped. A modem that stays off the bus until a restart points at its power (the supply must hold up under the modem\'s current peaks) or its firmware (`gsmctl -y` shows its version); send the troubleshoot file to Teltonika support.',
      sources: ['KB43', 'S9', 'F4'],
    },
    {
      text: 'The modem did not come back by itself: only the system\'s restart brought it back. If it happens again, save the log and the list of USB devices before restarting, and note what the host was doing when the modem dropped. A modem that stays off the bus until a restart points at its power (the supply must hold up under the module\'s current peaks, the cable or slot) or its firmware; a module that does it again on current firmware is a case for its maker\'s support, with these logs.',
      sources: ['KB43'],
    },
  ],
  fixPowerSupply: [
    {
      text: 'Fix the power supply first: the board logged an under-voltage, so its supply (or cable) cannot hold the voltage while the board and the modem draw current. Use a supply rated for the board and everything it powers, the modem\'s current peaks included, and a short, thick cable.',
      sources: ['X94', 'X93', 'KB43'],
    },
  ],
  // A hub cut the modem's port power for an over-current (hub.c [X100]).
  fixPortPower: [
    {
      text: 'Give the modem the current it needs: the hub cut its port\'s power for an over-current. Use a powered hub or a supply of its own for the modem (a modem draws current peaks a bus-powered port may not give), and check the cable and the modem\'s connector for a short.',
      sources: ['X100'],
    },
  ],
  // The USB host controller died (hcd.c, xhci-ring.c [X99]): every device on it left.
  hostControllerDied: [
    {
      text: 'The USB host controller died, which takes every device on it off the bus: the modem is not the cause. A reboot resets the controller; if it happens again, look at the host: its kernel and USB controller firmware (updates), its USB power management (autosuspend), and what else is plugged into the same controller.',
      sources: ['X99'],
    },
  ],
  // The modem stopped answering, then left the bus and came back (stories/modemDevice.ts DROP_CAUSES): a reset of the hung modem.
  modemHungThenReset: [
    {
      hosts: RUTOS,
      text: 'The modem hung (gsmd\'s requests to it timed out) and was reset, and it came back: once needs nothing. If it happens again, note when (under load, with a weak signal, in heat), keep RutOS and the modem\'s firmware current (`gsmctl -y` shows the modem\'s), and send Teltonika support a troubleshoot file taken after it happens.',
      sources: ['KB24', 'KB43', 'KB6'],
    },
    {
      text: 'The modem hung (its manager\'s requests to it timed out) and was reset, and it came back: once needs nothing. If it happens again, note when (under load, with a weak signal, in heat) and keep the modem\'s firmware current; a modem that keeps hanging on current firmware is a case for its maker\'s support, with this log.',
      sources: ['KB43'],
    },
  ],
  // The modem came back with its serial ports renamed and a program still opens the old name (stories/modemDevice.ts portLeftBehind).
  followRenamedPort: [
    {
      hosts: ['openwrt'],
      text: 'Restart the program that uses the modem (its service: `/etc/init.d/<name> restart`), so it opens the port the modem has now; check that nothing else still holds the old one. A port number is not the modem\'s: to keep this from happening again, have the program find the port by the modem\'s USB interface (a hotplug script that links it to a fixed name), not by a /dev/ttyUSB number.',
      sources: ['KB43'],
    },
    {
      text: 'Restart the program that uses the modem (its service, e.g. `systemctl restart <name>`), so it opens the port the modem has now. To keep this from happening again, point it at a name that does not change: udev\'s link under /dev/serial/by-id/ (made from the modem\'s USB IDs, its serial number and the port\'s interface, so the same port keeps the same name) instead of /dev/ttyUSBn.',
      sources: ['KB43', 'X166'],
    },
  ],
  // Another program holds the modem's port (words.port-busy): ModemManager on its hosts (X170).
  portHeldByAnother: [
    {
      hosts: MM,
      text: 'ModemManager runs on this host and opens the ports of the modems it finds, this one too: if the program that logged the refusal is what should use the modem, tell ModemManager to leave it alone with a udev rule that tags it `ENV{ID_MM_DEVICE_IGNORE}="1"` (matched on its USB vendor and product IDs), then `udevadm control --reload` and `udevadm trigger`, or stop ModemManager (`systemctl disable --now ModemManager`) if nothing else needs it; then restart the program. If nothing else holds the port (`fuser -v /dev/ttyUSB*`), check that the program\'s user may open it (the `dialout` group).',
      sources: ['X170', 'X169'],
    },
    {
      text: 'Another program holds the modem\'s port: `fuser -v /dev/ttyUSB*` (or `lsof /dev/ttyUSB*`) shows which. Stop the one that should not use the modem (ModemManager, where it runs, opens every modem\'s ports; a second instance of the same gateway), then restart the program that should. If nothing holds it, check that the program\'s user may open it (on most Linux systems, the `dialout` group).',
      sources: ['X169', 'X170'],
    },
  ],
  whyRestartFired: [
    {
      hosts: RUTOS,
      text: 'The drop is a restart something asked for, not a fault of the modem: look at the lines before it for why it fired. Ping reboot restarts the modem after its `Ping <host> failed.` lines (the host stayed unreachable over the mobile connection: look at the signal, the registration and the data session before them); mobifd forces a restart after `Init failed`, and restarts a modem its health check rates critical (`Modem health state critical`, after gsmd\'s requests to it timed out).',
      sources: ['S23', 'S20', 'KB43'],
    },
    {
      text: 'The drop is a restart something asked for, not a fault of the modem: look at the lines before it for why it fired (a ping check that failed, a connection manager or a watchdog script giving up on the connection), and at the connection before that.',
      sources: ['KB43'],
    },
  ],
  checkSim: [
    {
      hosts: RUTOS,
      text: 'Check the SIM: `gsmctl -z` shows its state and `gsmctl -u` its PIN state; reseat it with the router powered off, and try the SIM in a phone.',
      sources: ['KB6', 'S18b', 'F12'],
    },
    {
      hosts: MM,
      text: 'Check the SIM: `mmcli -m {mmModem}` (the modem\'s number from `mmcli -L`) shows whether ModemManager sees it and whether it is locked (the lock it waits for, sim-pin or sim-puk, and the attempts left): `mmcli -i 0 --pin=<PIN>` sends the PIN, and the connection manager must give it at each start (NetworkManager: the mobile connection\'s PIN). Reseat it with the power off and try it in a phone.',
      sources: ['KB36', 'KB6', 'X105'],
    },
    {
      text: 'Check the SIM: reseat it with the power off, check whether it needs a PIN, and try it in a phone.',
      sources: ['KB6'],
    },
    {
      hosts: CISCO,
      text: 'Check the SIM: `show cellular <slot> all` shows its status and whether it is locked; reseat it with the router powered off, and try the SIM in a phone.',
      sources: ['X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'Check the SIM: `/interface lte monitor lte1` shows the modem\'s state; reseat the SIM with the router powered off, check whether it needs a PIN (the LTE interface\'s APN profile and PIN settings), and try it in a phone.',
      sources: ['X141'],
    },
  ],
  // The lease on a modem's own network interface ran out (dhcpcd, systemd-networkd [X133][X134]):
  // the DHCP server on that link (the modem, where it hands out the address itself) stopped
  // answering. Whether the modem is alive on its link is the first question, not the APN.
  modemLinkLeaseLost: [
    {
      text: 'Check whether the modem still answers on its network interface (the one the line names): `ip addr show <interface>` shows whether it has an address again, and a ping of the gateway its last lease named whether the modem answers. If it does not, unplug the modem and plug it in again (or cut its USB port\'s power) and watch whether a new lease comes; a modem that hands out the address itself keeps its own connection state, which its own status page or tool shows.',
      sources: ['X133', 'X134'],
    },
  ],
  // A USB modem left in its install mode (a virtual CD-ROM): usb_modeswitch switches it on Linux,
  // from its data for the ID, unless switching is disabled in its configuration [X130][X132].
  switchInstallMode: [
    {
      hosts: ['openwrt'],
      text: 'Get the modem switched to its modem mode: on OpenWrt the usb-modeswitch package does it when the device is plugged in (its usbmode tool, with the device data in /etc/usb-mode.json; `usbmode -l` lists the devices it sees and whether it knows them): `opkg update && opkg install usb-modeswitch`, then plug the modem in again (or run `usbmode -s`), and bring its interface up. A device whose ID the data does not list needs an entry of its own there.',
      sources: ['X136', 'X130'],
    },
    {
      text: 'Get the modem switched to its modem mode: `lsusb` shows it under its install-mode ID until then. On Linux usb_modeswitch does it when the device is plugged in: check that it is installed with its device data (Debian, Ubuntu, Raspberry Pi OS: the usb-modeswitch and usb-modeswitch-data packages; OpenWrt: usb-modeswitch), that /etc/usb_modeswitch.conf does not set DisableSwitching=1, then plug the modem in again. A device whose ID its data does not list needs a rule of its own.',
      sources: ['X130', 'X132'],
    },
  ],
  // The modem sees no SIM (27.007's "SIM not inserted" [X90]; ModemManager's failed reason
  // sim-missing [X20]): a PIN is beside the point. ModemManager reads the SIM as it initialises the
  // modem [X20]: a card put in later is read when the modem is set up again (`mmcli -r` [X105]).
  simMissing: [
    {
      hosts: RUTOS,
      text: 'The modem sees no SIM card: power the router off, reseat the SIM (the right way round, fully in, in the slot the router uses: `gsmctl -z` shows the SIM state, and a router of two slots may be set to the other), then power it on; try the SIM in a phone if it still shows as not inserted.',
      sources: ['KB6', 'S18b', 'X90'],
    },
    {
      hosts: MM,
      text: 'The modem sees no SIM card (ModemManager put it in state failed, reason sim-missing: `mmcli -m {mmModem}` shows it): power off, reseat the SIM (the right way round, fully in, in the slot the modem uses), and try it in a phone. ModemManager reads the SIM as it sets the modem up: after putting a card in, reset the modem (`mmcli -m {mmModem} -r`) or power-cycle it.',
      sources: ['X20', 'X105', 'X90'],
    },
    {
      text: 'The modem sees no SIM card: power off, reseat the SIM (the right way round, fully in, in the slot the modem uses), and try it in a phone.',
      sources: ['X90', 'KB6'],
    },
    {
      hosts: CISCO,
      text: 'The modem sees no SIM card: power the router off, reseat the SIM (the right way round, fully in, in the slot the modem uses), and try it in a phone. `show cellular <slot> all` shows the SIM\'s status once the router is up again.',
      sources: ['X85', 'X90'],
    },
    {
      hosts: ROUTEROS,
      text: 'The modem sees no SIM card: power the router off, reseat the SIM (the right way round, fully in, in the slot the router uses), and try it in a phone. `/interface lte monitor lte1` shows the modem\'s state once it is up again.',
      sources: ['X141', 'X90'],
    },
  ],
  // The SIM refused the PIN it was given (27.007's +CME ERROR 16 "incorrect password" [X90]):
  // each wrong PIN uses an attempt. OpenWrt's qmi.sh stops on a refused PIN, and does not try one
  // with fewer than 3 attempts left, blocking the interface's restarts (proto_block_restart [X21]).
  simPinWrong: [
    {
      hosts: ['openwrt'],
      text: 'The SIM refused the PIN it was given: correct the interface\'s `pincode` option (LuCI: the interface\'s PIN), or remove the PIN from the SIM in a phone. The protocol script does not retry on its own after a refused PIN, and it tries no PIN while fewer than 3 attempts are left, so that none is wasted: after one refused PIN it will not try the corrected one either. Enter the right PIN once by hand (`uqmi -d /dev/cdc-wdm0 --verify-pin1 <PIN>`) or in a phone, which gives the SIM its attempts back, then bring the interface up again (`ifup <interface>`). If the attempts run out, the SIM wants its PUK.',
      sources: ['X21', 'X90', 'X137'],
    },
    {
      hosts: MM,
      text: 'The SIM refused the PIN it was given: each wrong PIN uses one of its attempts, and when they run out the SIM wants its PUK. Correct the PIN where the connection keeps it (NetworkManager: the mobile connection\'s PIN) before it tries again; `mmcli -m {mmModem}` shows the attempts left (unlock retries).',
      sources: ['X90', 'X105'],
    },
    {
      text: 'The SIM refused the PIN it was given: each wrong PIN uses one of its attempts, and when they run out the SIM wants its PUK. Correct the PIN in the settings that send it before anything retries, or remove the PIN from the SIM in a phone.',
      sources: ['X90'],
    },
  ],
  // The SIM wants its PUK (27.007's +CME ERROR 12 [X90]; gsmd's PIN state 5 [S19]):
  // no PIN unlocks it, and each wrong PIN or PUK uses an attempt (gsmctl -B counts them [S18b]).
  simPukLocked: [
    {
      hosts: RUTOS,
      text: 'The SIM wants its PUK (it was locked after wrong PINs): no PIN unlocks it now, and each wrong PIN or PUK uses one of its attempts, so stop the router retrying a PIN. `gsmctl -B` shows the attempts left; enter the SIM\'s PUK (it comes with the SIM from its operator) in the SIM\'s settings.',
      sources: ['X90', 'S19', 'S18b'],
    },
    {
      text: 'The SIM wants its PUK (it was locked after wrong PINs): no PIN unlocks it now, and each wrong PIN or PUK uses one of its attempts, so stop whatever retries a PIN. Enter the SIM\'s PUK (it comes with the SIM from its operator), in a phone if need be.',
      sources: ['X90'],
    },
  ],
  // The network refused the registration: MM's `denied`, 27.007's status 3 (X68), NetworkManager's
  // gsm-registration-denied, qmi.sh's registration_denied. It lasts beyond one recovery.
  registrationDenied: [
    {
      text: 'The network denied the modem\'s registration (the log says so): it refuses this SIM or this device on that network, and retrying or changing settings on the device does not change that. Ask the operator why it was denied (the SIM active, allowed on this network or roaming partner, the device not barred), and tell them when it happened.',
      sources: ['X68', 'X20'],
    },
  ],
  // chat timed out waiting for the modem's OK to a plain AT command (X24): the modem is silent on
  // that port; ModemManager probes and holds modems' serial ports unless told to ignore them (X106).
  modemSilentOnPort: [
    {
      hosts: MM,
      text: 'The modem did not answer a plain AT command on the port the dial script used: not the network, not the APN. ModemManager probes and holds a modem\'s serial ports, so a dial-up (pppd) setup beside it finds its port busy: stop ModemManager, or tell it to ignore this modem (udev `ENV{ID_MM_DEVICE_IGNORE}="1"`). Otherwise the port is the wrong one (not the modem\'s AT or PPP port) or the modem is hung: power-cycle it.',
      sources: ['X24', 'X106'],
    },
    {
      text: 'The modem did not answer a plain AT command on the port the dial script used: not the network, not the APN. The port may be the wrong one (not the modem\'s AT or PPP port), held by another program (a connection manager that probes serial ports), or the modem hung: check the port, then power-cycle the modem.',
      sources: ['X24'],
    },
  ],
  // The modem reported a weak signal (+CSQ rssi 9 or less, X110) around the trouble.
  lowSignalRestart: [
    {
      hosts: RUTOS,
      text: 'mobifd restarted the mobile connection because the signal stayed below its low-signal threshold: the connection went down on purpose, and the weak signal is what to fix. Check the antennas, their cables and connectors (main and diversity) and where the router stands; `gsmctl -q` shows the signal levels. If the signal cannot get better, the threshold in the low-signal reconnect setting decides how often this happens.',
      sources: ['S20', 'S18b'],
    },
  ],
  weakSignal: [
    {
      text: 'The modem reported a weak signal around the trouble (rssi 9 or less: -95 dBm or worse): at that level connections drop and registrations are lost, whatever the settings. Check the antennas, their cables and connectors (both main and diversity), move the router or its antennas where the signal is better, or use external antennas; then see whether the trouble stays.',
      sources: ['X110'],
    },
  ],
  noSignal: [
    {
      text: 'The modem reported no signal it could measure around the trouble (rssi 99, "not known or not detectable"): it finds no network it can use where it is, and no setting of the connection helps until it does. Check the antennas and their cables, then whether the radio technologies and bands the modem supports (and the connection allows, if it forces a mode or band) are ones an operator still runs at this site.',
      sources: ['X110'],
    },
  ],
  // A data connection that came up and went down again and again, over each time (findingStory's
  // recurring verdict): the settings let it connect, so they are not what drops it.
  dataDropsAgain: [
    {
      hosts: RUTOS,
      text: 'The connection came up again between its drops: its settings let it connect, so look at what drops it. Read the lines just before each drop (registration lost, the modem reset or off USB, signal), check the signal and the registration at those times (`gsmctl -q`, `gsmctl -F`), and the antennas and their cables.',
      sources: ['KB6', 'S18b'],
    },
    {
      hosts: MM,
      text: 'The connection came up again between its drops: its settings let it connect, so look at what drops it. Read the lines just before each drop (registration lost, the modem reset or off USB, signal), check the signal and the registration at those times (`mmcli -m {mmModem}`), and the antennas and their cables.',
      sources: ['KB6', 'X66'],
    },
    {
      text: 'The connection came up again between its drops: its settings let it connect, so look at what drops it. Read the lines just before each drop (registration lost, the modem reset or off USB, signal), check the signal and the registration at those times (`AT+CSQ`, `AT+CEREG?` on the modem\'s AT port), and the antennas and their cables.',
      sources: ['KB6', 'X68'],
    },
    {
      hosts: ANDROID,
      text: 'The connection came up again between its drops: its settings let it connect, so look at what drops it. Read the lines just before each drop (registration lost, the SIM, the radio), check the signal and the registration at those times (`adb shell dumpsys telephony.registry`: mServiceState, mSignalStrength), and the antennas and their cables.',
      sources: ['X193'],
    },
    {
      hosts: CISCO,
      text: 'The connection came up again between its drops: its settings let it connect, so look at what drops it. Read the lines just before each drop (the modem down, registration lost, signal), check the signal and the registration at those times (`show cellular <slot> all`), and the antennas and their cables.',
      sources: ['KB6', 'X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'The connection came up again between its drops: its settings let it connect, so look at what drops it. Read the lines just before each drop (the modem reset, registration lost, signal), check the signal and the registration at those times (`/interface lte monitor lte1`), and the antennas and their cables.',
      sources: ['KB6', 'X141'],
    },
  ],
  // A connection up that carries no traffic: watchcat's pings failed through it (X103).
  connectionCheckFails: [
    {
      hosts: RUTOS,
      text: 'Ping reboot could not reach its host through the connection it checks: the connection carried no traffic there (a data stall), or the host does not answer pings. Check that the host answers from elsewhere and try another (the operator\'s DNS server), then the mobile connection itself (`gsmctl -j`, the APN); if the failures come back after each of its actions, a router reboot only hides them: set its action to restart the modem or the mobile connection, and look at what the modem reports at those times (registration, signal).',
      sources: ['S23', 'KB6'],
    },
    {
      text: 'A connection check could not reach its host through the connection it checks: the connection carried no traffic there, or the host does not answer pings. Check that the host answers from elsewhere, then the mobile connection itself; if the failures come back after each restart, the restart only hides them.',
      sources: ['X103'],
    },
  ],
  dataStall: [
    {
      text: 'The mobile connection carried no traffic while it was up (a watchdog\'s pings through it failed): a data stall, not wrong settings. Look at what the modem reported at those times (registration, signal, the bearer), and whether the stall recurs at the same times or ends only with a restart: if it does, the modem\'s firmware or the operator\'s side is the next question, and the watchdog only hides it.',
      sources: ['X103'],
    },
  ],
  checkRegistration: [
    {
      hosts: RUTOS,
      text: 'Check registration and signal: `gsmctl -F` (network information), `gsmctl -q` (signal levels) and `gsmctl -o` (operator). A denied registration is the network refusing this SIM or device: ask the operator.',
      sources: ['KB6', 'S18b'],
    },
    {
      hosts: MM,
      text: 'Check registration and signal: `mmcli -m {mmModem}` (the modem\'s number from `mmcli -L`) shows the registration state, operator and signal quality. A denied registration is the network refusing this SIM or device: ask the operator.',
      sources: ['KB36', 'X66'],
    },
    {
      text: 'Check registration and signal with the modem\'s AT port (`AT+CEREG?`, `AT+COPS?`, `AT+CSQ`) or its connection manager. A denied registration is the network refusing this SIM or device: ask the operator.',
      sources: ['X68', 'KB6'],
    },
    {
      // The tool of the interface's protocol: qmi.sh asks uqmi, mbim.sh umbim (a blind probe's MBIM host had been told AT commands).
      hosts: ['openwrt'],
      text: 'Check registration with the tool of the interface\'s protocol: `uqmi -d /dev/cdc-wdm0 --get-serving-system` for qmi, `umbim -d /dev/cdc-wdm0 registration` for mbim, the modem\'s AT port (`AT+CEREG?`, `AT+COPS?`, `AT+CSQ`) for 3g and ncm. A denied registration is the network refusing this SIM or device: ask the operator.',
      sources: ['X21', 'X183', 'X68'],
    },
    {
      hosts: ANDROID,
      text: 'Check registration and signal as Android shows them: the SIM status screen under Settings (About phone) gives the service state, the network and the signal strength, and `adb shell dumpsys telephony.registry` prints them for each SIM (mServiceState, mSignalStrength). A denied registration is the network refusing this SIM or device: ask the operator.',
      sources: ['X193', 'X191'],
    },
    {
      hosts: CISCO,
      text: 'Check registration and signal: `show cellular <slot> all` shows the network the modem is on, its registration and its radio\'s signal. A denied registration is the network refusing this SIM or device: ask the operator.',
      sources: ['X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'Check registration and signal: `/interface lte monitor lte1` shows the registration state, operator and signal. A denied registration is the network refusing this SIM or device: ask the operator.',
      sources: ['X141'],
    },
  ],
  checkDataSession: [
    {
      hosts: RUTOS,
      text: 'Check the mobile interface settings (APN, authentication, PDP type) against what the operator gives for this SIM; `gsmctl -j` shows the mobile connection state.',
      sources: ['KB6', 'S21'],
    },
    {
      hosts: MM,
      text: 'Check the connection settings: `mmcli -m {mmModem}` (the modem\'s number from `mmcli -L`) shows its state and bearers; compare the APN and credentials with what the operator gives for this SIM.',
      sources: ['KB36', 'X65'],
    },
    {
      text: 'Check the data connection settings (APN, authentication, IP type) against what the operator gives for this SIM, and what the modem answered when the session was set up.',
      sources: ['KB6'],
    },
  ],
  // The network refused the APN's credentials: 3GPP's cause 29, user authentication failed (X164).
  checkApnCredentials: [
    {
      hosts: RUTOS,
      text: 'The network refused the APN\'s user name or password (3GPP cause 29, user authentication failed): set the authentication type (PAP or CHAP), user name and password the operator gives for this SIM\'s APN in the mobile interface\'s settings, or none where its APN wants none; `gsmctl -j` shows the mobile connection state.',
      sources: ['X164', 'S21'],
    },
    {
      hosts: ['openwrt'],
      text: 'The network refused the APN\'s user name or password (3GPP cause 29, user authentication failed): set the interface\'s `auth` (pap, chap, both or none), `username` and `password` options to what the operator gives for this APN (`uci set network.<interface>.username=...`, `uci commit network`, `ifup <interface>`).',
      sources: ['X164', 'X21'],
    },
    {
      hosts: MM,
      text: 'The network refused the APN\'s user name or password (3GPP cause 29, user authentication failed): set what the operator gives for this APN in the connection: `nmcli connection modify <name> gsm.username <user> gsm.password <password>` for NetworkManager, or `user=`, `password=` and `allowed-auth=` in `mmcli -m {mmModem} --simple-connect=...`.',
      sources: ['X164', 'X180', 'X182'],
    },
    {
      text: 'The network refused the APN\'s user name or password (3GPP cause 29, user authentication failed): set the authentication type, user name and password the operator gives for this APN, or none where its APN wants none.',
      sources: ['X164'],
    },
  ],
  // The modem's radio set off by AT+CFUN=0 or 4 (3GPP TS 27.007 +CFUN [X98]).
  radioSwitchedOff: [
    {
      text: 'Something set the modem\'s radio off (CFUN 0 or 4: minimum functionality or flight mode), so it registers in no network: find what sent the command (a script, a schedule, a power-saving setting) and set the modem back to full functionality (AT+CFUN=1). The operator cannot help with this.',
      sources: ['X98'],
    },
  ],
  // ModemManager could not turn the modem's radio on (X121, X122): its documentation names the FCC
  // lock of laptop WWAN modules (X120), whose unlock scripts it ships but does not enable since
  // 1.18.4 (X120, X123); rfkill changes the modem's power too (X122's comment, X124), and the lines
  // do not say which it was, so the host's switches come first.
  fccUnlock: [
    {
      hosts: MM,
      text: 'The modem refused to turn its radio on; the log does not say why. First rule out the host\'s own switches: `rfkill list` shows whether a `wwan` switch is blocked, and `nmcli radio wwan` whether NetworkManager has mobile broadband off. If neither is, the FCC lock that ModemManager\'s documentation names comes next: WWAN modules shipped by laptop makers (Lenovo, Dell, HP) stay offline until an unlock procedure runs, and since ModemManager 1.18.4 the unlock scripts it ships are installed in /usr/share/ModemManager/fcc-unlock.available.d/ but not enabled. That directory lists them by the modem\'s vendor:product ID (`lspci -nn` or `lsusb` shows this modem\'s); enable this modem\'s with `sudo ln -s /usr/share/ModemManager/fcc-unlock.available.d/<vid:pid> /etc/ModemManager/fcc-unlock.d/` and enable the modem again (`mmcli -m {mmModem} -e`): ModemManager runs the script when the modem refuses to power up. With none for this modem, look for the laptop maker\'s own unlock package (makers may provide one for ModemManager).',
      sources: ['X120', 'X122', 'X123', 'X124', 'X126'],
    },
    {
      text: 'The modem refused to turn its radio on; the log does not say why. First rule out the host\'s own radio switches (`rfkill list` shows a blocked `wwan` switch). If none is blocked, the modem may be FCC-locked: WWAN modules shipped by laptop makers (Lenovo, Dell, HP) stay offline until the unlock procedure for their model runs (ModemManager ships unlock scripts for some models; a laptop maker may provide its own).',
      sources: ['X120', 'X124'],
    },
  ],
  // The modem reports its hardware radio switch off (X121, X127): no software turns it on.
  hardwareRadioOff: [
    {
      text: 'The modem reports its hardware radio switch off, which no software turns on: look for a hardware radio switch on the device, and at `rfkill list` (a `wwan` switch hard-blocked is blocked by a hardware switch).',
      sources: ['X121', 'X127', 'X124'],
    },
  ],
  // The SIM's settings deny data roaming and the modem is roaming (mobifd's messages [S20]).
  allowDataRoaming: [
    {
      text: 'The modem is registered on a roaming network and the SIM\'s settings deny data roaming, so the router starts no data connection: allow data roaming in the SIM\'s mobile settings if the plan allows it, or use a SIM of the network the router is in.',
      sources: ['S20'],
    },
  ],
  // uqmi got no QMI client from the modem (uqmi's "Failed to connect to service" [X22]); RutOS's
  // mobile.sh restarts the modem on the same answer [S21].
  // A protocol script that found no device to talk to (X162): no connection setting is at fault yet.
  modemDeviceMissing: [
    {
      hosts: ['openwrt'],
      text: 'The interface\'s protocol script found no modem device, so no APN or SIM setting was tried yet: `ls /dev/cdc-wdm*` shows whether a control device exists, and `dmesg | grep -i -e cdc-wdm -e qmi_wwan -e cdc_mbim` whether a driver made one. If the modem is on the bus (`lsusb`) and has none, its QMI or MBIM driver did not take it: the kernel package (kmod-usb-net-qmi-wwan, which uqmi needs, or kmod-usb-net-cdc-mbim, umbim\'s) is missing, the driver does not know this modem\'s USB ID, or the modem is in another USB mode. Then check that the interface\'s `device` option (/etc/config/network) names the device that appeared.',
      sources: ['X162', 'X163'],
    },
    {
      text: 'The program that sets up the connection found no modem device, so no APN or SIM setting was tried yet: `ls /dev/cdc-wdm*` shows whether a control device exists, and `dmesg | grep -i -e cdc-wdm -e qmi_wwan -e cdc_mbim` whether a driver made one. If the modem is on the bus (`lsusb`) and has none, its QMI or MBIM driver did not take it (not installed, or it does not know this modem\'s USB ID), or the modem is in another USB mode; then check that the connection is set to the device that appeared.',
      sources: ['X162'],
    },
  ],
  checkQmiChannel: [
    {
      hosts: RUTOS,
      text: 'The modem\'s QMI channel did not answer, which no connection setting changes: check whether the modem answers (`gsmctl -A AT` should print OK); RutOS restarts a modem that does not. If it keeps happening, restart the modem (or the router cleanly) and see whether it comes back.',
      sources: ['X22', 'S21'],
    },
    {
      text: 'The modem\'s QMI channel did not answer, which no connection setting changes: check that it answers (`uqmi -d /dev/cdc-wdm0 --get-versions`, or `qmicli -d /dev/cdc-wdm0 --dms-get-revision`) and that no other program (ModemManager) holds that port; if it stays silent, power-cycle the modem.',
      sources: ['X22', 'X97'],
    },
  ],
  // A data call the network refused because of the SIM's subscription (libqmi's 3GPP reasons
  // option-unsubscribed, operator-determined-barring, option-not-supported [X97]).
  askOperatorSubscription: [
    {
      text: 'The network refused the data call because of the SIM\'s subscription (the reason the log gives): ask the operator whether this SIM\'s plan includes mobile data for this APN and is not barred; changing settings on the device does not change that.',
      sources: ['X97'],
    },
  ],
  // A data call the network refused for its own reasons for now (insufficient-resources,
  // network-failure, option-temporarily-out-of-order [X97]).
  networkSideRetry: [
    {
      text: 'The network refused the data call for a reason of its own (the reason the log gives: its resources or a failure on its side): let the device retry later; if it persists in one place, ask the operator.',
      sources: ['X97'],
    },
  ],
  // The data story's advice when a story above (the modem lost, a failed update, a SIM missing)
  // was not over as the data connection failed: that comes first (knowledge 6: a data session
  // needs the modem, its SIM and a registration under it).
  solveStoryAboveFirst: [
    {
      text: 'Solve what the story above tells first: a data connection needs a modem that answers, a SIM it can read and a registration in a network. If it still fails once those are back, check the data connection settings (APN, authentication, IP type) against what the operator gives for this SIM.',
      sources: ['KB6'],
    },
  ],
  // A modem inside the system's chip crashed (X167, X168): the kernel restarts it by itself.
  socModemCrashed: [
    {
      text: 'The modem inside the system\'s chip crashed and the kernel restarts it by itself (its firmware\'s reason is on the line): once needs nothing if it runs again. If it crashes again and again, the reason lines tell its maker where: keep the system\'s software (which carries the modem\'s firmware) current, and report the reasons to its maker.',
      sources: ['X167', 'X168'],
    },
  ],
  checkPcieModem: [
    {
      hosts: MM,
      text: 'Check whether the kernel recovered the modem: `lspci` lists it at the PCI address the line gives, `dmesg | grep -iE \'mhi|t7xx\'` shows what its driver did since, and `mmcli -L` shows whether ModemManager has it again. A modem its driver could not recover (MHI\'s "Recovery failed", t7xx\'s handshake timeouts) stays gone until it is power-cycled.',
      sources: ['X89', 'X92', 'KB36'],
    },
    {
      text: 'Check whether the kernel recovered the modem: `lspci` lists it at the PCI address the line gives, and `dmesg | grep -iE \'mhi|t7xx\'` shows what its driver did since. A modem its driver could not recover (MHI\'s "Recovery failed", t7xx\'s handshake timeouts) stays gone until it is power-cycled.',
      sources: ['X89'],
    },
  ],
  // The MHI driver's recovery failed, and its PCI function reset with it (X89): the modem stays off
  // until it is power-cycled, so checking whether it came back is not the first step (a blind probe).
  pcieModemNotRecovered: [
    {
      hosts: MM,
      text: 'The kernel could not recover the modem ("Recovery failed"): it stays gone until it is power-cycled. Reboot the host (or cut the modem card\'s power), then check that it is back: `lspci` lists it at the PCI address the line gives and `mmcli -L` shows whether ModemManager has it. If it fails so again, save the kernel\'s lines (`dmesg | grep -iE \'mhi|wwan\'`) to send with a report to the module\'s maker.',
      sources: ['X89', 'KB36'],
    },
    {
      text: 'The kernel could not recover the modem ("Recovery failed"): it stays gone until it is power-cycled. Reboot the host (or cut the modem card\'s power), then check that it is back: `lspci` lists it at the PCI address the line gives. If it fails so again, save the kernel\'s lines (`dmesg | grep -iE \'mhi|wwan\'`) to send with a report to the module\'s maker.',
      sources: ['X89'],
    },
  ],
  // pppd's login refused by the other end (X23): the credentials and the authentication type.
  pppLoginRefused: [
    {
      text: 'The network refused the PPP login (pppd\'s CHAP or PAP authentication failed): check the username, the password and the authentication type (PAP or CHAP) pppd is set to send against what the operator gives for this SIM and APN, then dial again.',
      sources: ['X23'],
    },
  ],
  // A PCIe modem whose firmware crashed again and again, recovered each time by its driver (X89,
  // X92): checking that it came back says nothing new; what fails is its firmware, which fwupd
  // updates through ModemManager for many such modules (X140).
  pcieModemCrashesAgain: [
    {
      hosts: MM,
      text: 'The modem\'s driver recovered it after each crash, and its firmware crashed again: the firmware is what fails. Note the firmware the modem runs (`mmcli -m {mmModem}` shows its firmware revision) and look for a newer one: fwupd updates many such modules through ModemManager (`fwupdmgr get-updates`), otherwise the module maker\'s update tool. Save the kernel\'s lines of a few crashes (`dmesg | grep -iE \'mhi|t7xx|wwan\'`) to send with a report to the module\'s maker.',
      sources: ['X89', 'X92', 'X140'],
    },
    {
      text: 'The modem\'s driver recovered it after each crash, and its firmware crashed again: the firmware is what fails. Note the firmware the modem runs (`AT+GMR` on its AT port: on a PCIe modem the kernel\'s WWAN port, `/dev/wwan0at0`) and look for a newer one from the module\'s maker. Save the kernel\'s lines of a few crashes (`dmesg | grep -iE \'mhi|t7xx|wwan\'`) to send with a report to the module\'s maker.',
      sources: ['X89', 'X92', 'X139'],
    },
  ],
  checkModemAnswers: [
    {
      hosts: RUTOS,
      text: 'Check whether the modem answers: `gsmctl -A AT` should print OK. If it does not, restart gsmd (`/etc/init.d/gsmd restart`) or reboot the router cleanly, and see whether the timeouts come back.',
      sources: ['KB6', 'S16', 'S18b'],
    },
    {
      hosts: MM,
      text: 'Check whether the modem answers: `mmcli -L` and `mmcli -m {mmModem}` show whether ModemManager still has it and in which state; `qmicli` asks a QMI modem directly. If it stays silent, power-cycle the modem and see whether the timeouts come back.',
      sources: ['KB36', 'X64', 'X70'],
    },
    {
      text: 'Check whether the modem answers on its AT port (send `AT`, expect OK). If it stays silent, power-cycle the modem and see whether the timeouts come back.',
      sources: ['KB6'],
    },
    {
      hosts: CISCO,
      text: 'Check whether IOS has the modem again: `show cellular <slot> all` (the slot the log names) shows its hardware, radio, network and SIM state; `show logging | include CELLWAN` shows whether it went down again.',
      sources: ['X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'Check whether the modem answers: `/interface lte monitor lte1` shows its state, registration and signal, and `/interface lte at-chat lte1 input="AT"` asks it directly (OK when it answers). If it stays silent, `/system routerboard usb power-reset` cuts its power for a moment; see whether it goes silent again.',
      sources: ['X141', 'X143'],
    },
  ],
  findRebootCause: [
    {
      hosts: RUTOS,
      text: 'Find what restarted the router: a watchdog reset, a kernel crash or a power cut each leave their own line (this log\'s is quoted above). After a power cut, check the supply and its connector; after repeated crashes, update RutOS and send a troubleshoot file to Teltonika.',
      sources: ['S11', 'X1', 'X78', 'KB6'],
    },
    {
      text: 'Find what restarted the device: a watchdog reset, a kernel crash or a power cut each leave their own line (this log\'s is quoted above). After a power cut, check the supply and its connector; after repeated crashes, save the crash text (it is lost at the next reboot on most routers) and update the firmware.',
      sources: ['X1', 'X78', 'X79'],
    },
  ],
};

export type AdviceKey = keyof typeof ADVICE;

// What a log cannot say, and how to find out on the device (knowledge 3.1, 3.5, 3.6 and 6).
export const UNKNOWNS: Record<string, readonly AdviceItem[]> = {
  dfotaOutput: [
    {
      hosts: RUTOS,
      text: 'Which step dfota reached: when the update is started from the WebUI, dfota\'s own output goes to /dev/null. On the device, `cat /tmp/dfota_status.json` shows the state the WebUI banner reads.',
      sources: ['S3c', 'S3', 'S4'],
    },
    {
      text: 'Which step the update reached: the log has no line from the update tool itself.',
      sources: [],
    },
  ],
  modemNow: [
    {
      hosts: RUTOS,
      text: 'Whether the modem is alive now: `lsusb` ({modemId}, {downloadId}, or nothing), `ls /dev/ttyUSB*`, and `gsmctl -A AT` (an OK means gsmd has the modem and it answers).',
      sources: ['F9', 'S18b'],
    },
    {
      hosts: MM,
      text: 'Whether the modem is alive now: `mmcli -L` (does ModemManager list it?) and `lsusb` ({modemId}, {downloadId}, or nothing).',
      sources: ['KB36', 'F9'],
    },
    {
      text: 'Whether the modem is alive now: `lsusb` ({modemId}, {downloadId}, or nothing) and `dmesg`.',
      sources: ['KB36', 'F9'],
    },
    {
      hosts: FREEBSD,
      text: 'Whether the modem is alive now: `usbconfig list` ({modemId}, {downloadId}, or nothing) and `dmesg`.',
      sources: ['X144', 'KB36'],
    },
    {
      hosts: CISCO,
      text: 'Whether the modem is up now: `show cellular <slot> all`.',
      sources: ['X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'Whether the modem is up now: `/interface lte print` and `/interface lte monitor lte1`.',
      sources: ['X141'],
    },
  ],
  modemFirmware: [
    {
      hosts: RUTOS,
      text: 'Which firmware the modem runs now: `gsmctl -y` asks it (only once gsmd has the modem again).',
      sources: ['S18b'],
    },
    {
      text: 'Which firmware the modem runs now: the log does not say; ask the modem (`mmcli -m {mmModem}` on ModemManager hosts, `AT+GMR` on its AT port).',
      sources: ['KB36'],
    },
    {
      hosts: CISCO,
      text: 'Which firmware the modem runs now: `show cellular <slot> hardware` (or `all`) shows it.',
      sources: ['X85'],
    },
    {
      hosts: ROUTEROS,
      text: 'Which firmware the modem runs now: the log does not say; ask the modem (`/interface lte at-chat lte1 input="AT+GMR"`).',
      sources: ['X141'],
    },
    {
      hosts: FREEBSD,
      text: 'Which firmware the modem runs now: the log does not say; ask the modem (`AT+GMR` on its AT port, one of the `/dev/cuaU*` ports).',
      sources: ['X145', 'KB36'],
    },
  ],
  compositionMeaning: [
    {
      text: 'Whether the other USB composition is a stage of the update or a lasting change of the modem\'s USB mode: no public source says; check again after a clean reboot.',
      sources: ['K1', 'S6'],
    },
  ],
  gsmdSilence: [
    {
      hosts: RUTOS,
      text: 'Whether gsmd has the modem now: gsmd logs a successful registration only at debug level, so its silence proves little; `ubus list gsm.*` and `gsmctl -A AT` answer it.',
      sources: ['KB6', 'S8'],
    },
  ],
  whyItDropped: [
    {
      hosts: FREEBSD,
      text: 'Why the modem dropped: a crash, a reset, a brown-out and the host cutting its power all look the same on the USB bus.',
      sources: ['X27'],
    },
    {
      text: 'Why the modem dropped: a crash, a reset, a brown-out and the host cutting its power all look the same on the USB bus.',
      sources: ['K3b', 'KB43'],
    },
  ],
  whyManagerCrashed: [
    {
      text: 'Why the program crashed: the kernel\'s and the service manager\'s lines say that it did and by which signal, not what it was doing; its own last lines before the crash are the best hint.',
      sources: ['X111', 'X113'],
    },
  ],
  whyItCrashed: [
    {
      text: 'Why the modem crashed: the kernel\'s lines say that it did (the number of the MHI callback, a fatal error or a system error; t7xx\'s exception event). Where the firmware\'s own reason is on a line (a Qualcomm chip\'s modem: `fatal error received: <file>:<line>: ...`), it names the place in the firmware\'s code, which only its maker can read.',
      sources: ['X89', 'X92', 'X167'],
    },
  ],
  afterTheLog: [
    {
      text: 'What happened after the log ends: the last lines may be the start of a recovery the log does not show.',
      sources: [],
    },
  ],
};

export type UnknownId = keyof typeof UNKNOWNS;

/** The wording of an advice or unknown key for a host: its own, else the one for any stack, else none. */
export function pickVariant(variants: readonly AdviceItem[] | undefined, host: HostId): AdviceItem | undefined {
  if (!variants) return undefined;
  return variants.find((v) => v.hosts?.includes(host)) ?? variants.find((v) => !v.hosts);
}
