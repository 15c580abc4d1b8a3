// Next steps for a modem firmware update that went wrong, from knowledge sections 3.5 and 3.6
// (Teltonika staff answers in [F2] [F7] [F8] [F9] [F11], the dfota script [S3], gsmd.init [S16]).
// Each piece carries the sources that back it; the episode picks the pieces its evidence calls for.

export interface AdviceItem {
  text: string;
  sources: readonly string[];
}

export const ADVICE = {
  checkModemAlive: {
    text: 'Check whether the modem is alive (System > CLI or SSH): `lsusb` shows its own ID (for example 2c7c:6005 for an EC200A), 05c6:9008 for emergency download mode, or nothing; `ls /dev/ttyUSB*` lists its ports; `ubus list gsm.*` and `gsmctl -A AT` show whether gsmd has it and it answers.',
    sources: ['F9', 'S18b', 'S16'],
  },
  restartGsmdOrReboot: {
    text: 'If the modem is on the bus with its own ID: reboot the router cleanly (or run `/etc/init.d/gsmd restart`) so gsmd registers the modem again. A reboot also empties /tmp, which removes the stale /tmp/dfota_status.json and with it the "firmware update is in progress" banner.',
    sources: ['S3', 'S16', 'S17'],
  },
  waitingWillNotHelp: {
    text: 'Waiting longer will not clear the banner: after "Update has been started!" dfota asks gsmd for the modem firmware every 2 s with no time limit, and gsmd is not going to register the modem by itself.',
    sources: ['S3b', 'S8'],
  },
  cleanRebootNotPowerCut: {
    text: 'Reboot from the WebUI or with `reboot` rather than pulling the power: a power cut is logged as "Device startup after unexpected shutdown", and cutting power while a flash is still running can leave the modem in emergency download mode.',
    sources: ['S11', 'S31', 'F8'],
  },
  edlReflash: {
    text: 'If lsusb shows 05c6:9008 (EDL): give the router stable power and an internet connection through another WAN (for example a cable), because the modem cannot provide one, then re-flash with `modem_updater -i 1-1 -v <version>` (it flashes an EDL device found at the modem\'s USB path; ASR modems such as the EC200A use QDLoader). If that fails, open a ticket with Teltonika or request an RMA.',
    sources: ['F2', 'F7', 'S22'],
  },
  nothingEnumerates: {
    text: 'If lsusb shows neither the modem nor 05c6:9008: power-cycle once. If it is still missing, the modem does not power on, which Teltonika handles as an RMA.',
    sources: ['F9', 'F11'],
  },
  wrongComposition: {
    text: 'If the modem comes back but data never works, or it enumerates as cdc_ether (ECM) instead of the RNDIS mode RutOS expects: download a troubleshoot file (System > Maintenance > Troubleshoot), look at gsm.log (get_firmware, PIN state) and kernel.log (/dev nodes), and ask Teltonika support.',
    sources: ['S9', 'S6'],
  },
  shareTroubleshootPrivately: {
    text: 'Send the troubleshoot file to Teltonika through their private form, not a public thread: it contains passwords, public IP addresses and serial numbers.',
    sources: ['F4', 'F7'],
  },
  dfotaRetry: {
    text: 'The modem keeps its old firmware after a dfota error. Check the modem answers (`gsmctl -A AT`, `gsmctl -y` for the firmware), make sure the connection to the FOTA server is stable, and retry the update; if it fails again with the same code, contact Teltonika support.',
    sources: ['S3', 'F4'],
  },
  checkFlasherPrerequisites: {
    text: 'Before re-running a flasher: stable power, an internet connection through another WAN, and the right firmware for this module; modem_updater reports missing sshfs, an empty firmware directory or the wrong firmware as [ERROR] lines.',
    sources: ['S22', 'F2'],
  },
} satisfies Record<string, AdviceItem>;

export type AdviceId = keyof typeof ADVICE;

// What a log cannot say about a modem update, and how to find out on the device (knowledge 3.1,
// 3.5, 3.6 and 6). Each is shown when its condition holds.
export const UNKNOWNS = {
  dfotaOutput: {
    text: 'Which step dfota reached: when the update is started from the WebUI, dfota\'s own output goes to /dev/null. On the device, `cat /tmp/dfota_status.json` shows the state the WebUI banner reads.',
    sources: ['S3c', 'S3', 'S4'],
  },
  modemNow: {
    text: 'Whether the modem is alive now: run `lsusb` (its own ID such as 2c7c:6005, 05c6:9008 for emergency download mode, or nothing), `ls /dev/ttyUSB*`, and `gsmctl -A AT` (an `OK` means gsmd has the modem and it answers).',
    sources: ['F9', 'S18b'],
  },
  modemFirmware: {
    text: 'Which firmware the modem runs now: `gsmctl -y` asks it (only once gsmd has the modem again).',
    sources: ['S18b'],
  },
  compositionMeaning: {
    text: 'Whether the other USB composition is a stage of the update or a lasting change of the modem\'s USB mode: no public source says; check again after a clean reboot.',
    sources: ['K1', 'S6'],
  },
} satisfies Record<string, AdviceItem>;

export type UnknownId = keyof typeof UNKNOWNS;
