// Envelopes: prefixes that wrap a message inside the syslog message itself. They are peeled once
// here and kept as fields, so catalogue entries match what a message says, not how it was wrapped,
// and the same event reads the same whether it came through netifd, a ModemManager debug trace,
// quectel-cm's console or a flashing tool. Like formats, each envelope is data with samples.

export interface Envelope {
  id: string;
  description: string;
  /** Anchored at the message start; named groups become the record's envelope fields. */
  pattern: RegExp;
  /** Group holding a level word (`warn`) or a printk number (`3`) that outranks the syslog level. */
  level?: { group: string; kind: 'word' | 'number' };
  /**
   * Group holding a clock: `uptime` (kernel seconds), or `epoch-or-elapsed` (ModemManager's debug
   * stamp, Unix seconds when it is one, else seconds since the daemon started).
   */
  clock?: { group: string; kind: 'uptime' | 'epoch-or-elapsed' | 'elapsed' };
  /** A closing the envelope's opening calls for at the message's end (rsyslog's `[...]`): peeled off too. */
  closes?: string;
  /** Only for lines with one of these tags (lowercase; `-` for no tag). */
  onlyTags?: readonly string[];
  /** Only as the first envelope of a message (a kernel stamp after a ModemManager level is not one). */
  outermost?: boolean;
  /** The program a line without a tag comes from when it carries this envelope. */
  impliesTag?: string;
  /**
   * Group naming the program the line comes from, when the line's tag is none or only a number (a
   * syslog header reads the sequence number a router writes before its own stamp as the tag).
   */
  namesProgram?: string;
  samples: readonly { message: string; rest: string; fields: Record<string, string> }[];
}

/** Cisco's own stamp (X83): an English month's shape, the day, a year or none, the clock, a fraction or none. */
export const CISCO_STAMP = String.raw`[A-Z][a-z]{2}\s+\d{1,2}(?:\s+\d{4})?\s+\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?`;
/** Cisco's uptime past a day (X83): `1d02h`, `2w3d`, `1y2w`. */
export const CISCO_LONG_UPTIME = String.raw`\d{1,4}[ywd]\d{1,2}[wdh]`;
/** `%FACILITY-SEVERITY-MNEMONIC:` (X83), its parts named for the envelope, or not for a lookahead. */
function ciscoSystemMessage(named: boolean): string {
  const group = (name: string, source: string): string => (named ? `(?<${name}>${source})` : source);
  return String.raw`%${group('ciscoFacility', String.raw`[A-Z][A-Z0-9_]{0,31}(?:-[A-Z][A-Z0-9_]{0,31}){0,2}`)}-${group('ciscoSeverity', '[0-7]')}-${group('ciscoMnemonic', '[A-Z0-9][A-Z0-9_]{0,39}')} ?:`;
}
/** A Cisco system message ahead (the formats cisco and cisco-uptime, after their stamps). */
export const CISCO_SYSTEM_MESSAGE_AHEAD = `(?=${ciscoSystemMessage(false)})`;

/**
 * Cisco's system message, after Cisco's sequence number and stamp when a syslog server relays them
 * (the envelope cisco-message; a syslog body takes the word before it for the host).
 */
export const CISCO_MESSAGE = new RegExp(String.raw`^(?:\d{1,10}:\s+)?(?:[*.]?(?:${CISCO_STAMP}(?:\s+[A-Z]{2,5})?|\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?|${CISCO_LONG_UPTIME}):\s+)?${ciscoSystemMessage(true)} ?`);

export const ENVELOPES: readonly Envelope[] = [
  {
    id: 'netifd-protocol',
    description: 'netifd runs protocol handlers and prefixes their output with the interface and the handler pid',
    pattern: /^(?<iface>[A-Za-z0-9_.@-]{1,32}) \((?<ifacePid>\d{1,10})\): /,
    samples: [
      { message: 'mob1s1a1 (8470): Command failed: Request timed out', rest: 'Command failed: Request timed out', fields: { iface: 'mob1s1a1', ifacePid: '8470' } },
      { message: 'trm_wwan (3638): udhcpc: received SIGTERM', rest: 'udhcpc: received SIGTERM', fields: { iface: 'trm_wwan' } },
    ],
  },
  {
    // rsyslog folds a line said again and again into one (runtime/ratelimit.c, X153): the line it
    // repeats is read as itself, and how many times it was said is kept (a field the report's
    // notice reads: the findings counted it once).
    id: 'rsyslog-repeat',
    description: "rsyslog's folded repeats: `message repeated 37 times: [ the line ]`",
    pattern: /^message repeated (?<repeated>\d{1,9}) times: \[ ?/,
    closes: ']',
    samples: [
      { message: 'message repeated 37 times: [ option1 ttyUSB0: usb_wwan_indat_callback: resubmit read urb failed. (-71)]', rest: 'option1 ttyUSB0: usb_wwan_indat_callback: resubmit read urb failed. (-71)', fields: { repeated: '37' } },
    ],
  },
  {
    id: 'modemmanager-level',
    // A device's object is its sysfs path (`[device /sys/devices/.../usb1/1-1/1-1.4]`, mm-device.c),
    // longer than the others: when it ends in a USB device's name, that is the line's usbPath.
    description: 'ModemManager: a level word, the debug timestamp, and the object the line is about (`[modem0]`, `[modem0/bearer2]`, `[cdc-wdm0/qmi]`, `[device /sys/...]`)',
    pattern: /^<(?<mmLevel>dbg|debug|info|inf|msg|message|warn|wrn|warning|err|error|crit|critical)>(?:\s+|$)(?:\[(?<mmTime>\d{1,10}\.\d{1,9})\](?:\s+|$))?(?:\[(?<mmObject>device \/sys\/[^\]\s]{0,200}?\/(?<usbPath>\d{1,3}-[\d.]{1,40})|device \/sys\/[^\]\s]{1,200}|[^\]\s][^\]]{0,63})\]:?(?:\s+|$))?/,
    level: { group: 'mmLevel', kind: 'word' },
    clock: { group: 'mmTime', kind: 'epoch-or-elapsed' },
    samples: [
      { message: '<warn>  [modem0] port ttyUSB2 timed out 8 consecutive times', rest: 'port ttyUSB2 timed out 8 consecutive times', fields: { mmLevel: 'warn', mmObject: 'modem0' } },
      { message: '<dbg> [1767016030.369046] [wwan0at1/at] device open count is 2 (close)', rest: 'device open count is 2 (close)', fields: { mmTime: '1767016030.369046', mmObject: 'wwan0at1/at' } },
      { message: '<inf> all requested bearers disconnected', rest: 'all requested bearers disconnected', fields: { mmLevel: 'inf' } },
      {
        message: "<info>  [device /sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.4] creating modem with plugin 'quectel' and '6' ports",
        rest: "creating modem with plugin 'quectel' and '6' ports",
        fields: { mmLevel: 'info', mmObject: 'device /sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.4', usbPath: '1-1.4' },
      },
    ],
  },
  {
    id: 'modemmanager-object',
    description: 'ModemManager without a level word (older versions, journald): the object in brackets',
    pattern: /^\[(?<mmObject>modem\d{1,4}(?:\/bearer\d{1,4})?|\/dev\/[\w.\/-]{1,48}|[\w.-]{1,24}\/(?:at|qmi|mbim|net))\]:?\s+/,
    samples: [
      { message: '[/dev/cdc-wdm0] Opening device with flags \'version-info, proxy\'...', rest: 'Opening device with flags \'version-info, proxy\'...', fields: { mmObject: '/dev/cdc-wdm0' } },
      { message: '[modem0/bearer1] connection attempt #1 failed', rest: 'connection attempt #1 failed', fields: { mmObject: 'modem0/bearer1' } },
    ],
  },
  {
    id: 'quectel-cm-stamp',
    description: 'quectel-cm stamps its own lines `[MM-DD_hh:mm:ss:ms]`, also when netifd or syslog wraps them',
    pattern: /^\[(?<qcStamp>\d{2}-\d{2}_\d{2}:\d{2}:\d{2}:\d{3})\]\s?/,
    samples: [
      { message: '[04-17_17:20:24:581] Find /sys/bus/usb/devices/1-1 idVendor=0x2c7c', rest: 'Find /sys/bus/usb/devices/1-1 idVendor=0x2c7c', fields: { qcStamp: '04-17_17:20:24:581' } },
    ],
  },
  {
    id: 'tool-elapsed',
    description: 'QFirehose/QLib stamp their lines with seconds since the tool started, also inside a wrapper script\'s log',
    pattern: /^\[(?<elapsed>\d{3,6}\.\d{3})\]:\s?/,
    clock: { group: 'elapsed', kind: 'elapsed' },
    samples: [
      { message: '[000.013]: Version: QFirehose_Linux_Android_V1.4.11', rest: 'Version: QFirehose_Linux_Android_V1.4.11', fields: { elapsed: '000.013' } },
    ],
  },
  {
    id: 'printk-level',
    description: 'A kernel message that kept its printk level (`<1>Unable to handle ...`), as old syslogds and `dmesg -r` write it',
    pattern: /^<(?<printk>[0-7])>(?=\S)/,
    level: { group: 'printk', kind: 'number' },
    onlyTags: ['kernel', '-'],
    outermost: true,
    samples: [
      { message: '<1>Unable to handle kernel NULL pointer dereference', rest: 'Unable to handle kernel NULL pointer dereference', fields: { printk: '1' } },
    ],
  },
  {
    id: 'kernel-uptime',
    description: 'The printk timestamp of a kernel line inside syslog: `kernel: [  466.515595] usb 1-1: ...`',
    pattern: /^\[\s*(?<kuptime>\d{1,10}\.\d{1,9})\]\s?/,
    clock: { group: 'kuptime', kind: 'uptime' },
    onlyTags: ['kernel', '-'],
    outermost: true,
    // LuCI's table and some remote syslogs drop the `kernel:` tag; the printk stamp says it.
    impliesTag: 'kernel',
    samples: [
      { message: '[  466.515595] usb 1-1: USB disconnect, device number 6', rest: 'usb 1-1: USB disconnect, device number 6', fields: { kuptime: '466.515595' } },
    ],
  },
  {
    // A kernel built with CONFIG_PRINTK_CALLER (Android's and many vendors' kernels) writes who
    // printed the line after its stamp: a thread (`T123`) or, in an interrupt, a CPU (`C0`).
    id: 'printk-caller',
    description: 'The caller a kernel built with CONFIG_PRINTK_CALLER writes after the printk stamp: `[  T123] ` (a thread) or `[    C0] ` (a CPU)',
    pattern: /^\[\s{0,7}(?<printkCaller>[TC]\d{1,7})\]\s?/,
    onlyTags: ['kernel', '-'],
    samples: [
      { message: '[  T123] usb 1-1: USB disconnect, device number 3', rest: 'usb 1-1: USB disconnect, device number 3', fields: { printkCaller: 'T123' } },
      { message: '[  466.515595][    C0] usb 1-1: new high-speed USB device number 4 using ehci-platform', rest: 'usb 1-1: new high-speed USB device number 4 using ehci-platform', fields: { kuptime: '466.515595', printkCaller: 'C0' } },
    ],
  },
  {
    // Cisco's system messages (IOS, IOS XE, ASA, NX-OS; source X83): `seq no:timestamp:
    // %facility-severity-MNEMONIC:description`, the severity 0-7 as syslog's. The sequence number
    // and the stamp are optional; a `*` before the stamp says the clock is not authoritative, a `.`
    // that it lost its time source (X84). On a console (`show logging`) the format `cisco` reads the
    // number and the stamp; a syslog server relays them inside its own header, where the number
    // reads as the tag: so they are stepped over here, and the facility names the program.
    id: 'cisco-message',
    description: 'Cisco\'s system message `%FACILITY-SEVERITY-MNEMONIC: ` (IOS, IOS XE, ASA, NX-OS), after Cisco\'s sequence number and stamp when a syslog server relays them: the facility is the program, the severity (0-7) the level',
    pattern: CISCO_MESSAGE,
    level: { group: 'ciscoSeverity', kind: 'number' },
    namesProgram: 'ciscoFacility',
    outermost: true,
    samples: [
      { message: '%LINK-3-UPDOWN: Interface Cellular0/2/0, changed state to down', rest: 'Interface Cellular0/2/0, changed state to down', fields: { ciscoFacility: 'LINK', ciscoSeverity: '3', ciscoMnemonic: 'UPDOWN' } },
      { message: '%ASA-4-106023: Deny tcp src outside', rest: 'Deny tcp src outside', fields: { ciscoFacility: 'ASA', ciscoMnemonic: '106023' } },
      { message: '%PKT_INFRA-LINK-3-UPDOWN : Interface GigabitEthernet0/0/0/0, changed state to Down', rest: 'Interface GigabitEthernet0/0/0/0, changed state to Down', fields: { ciscoFacility: 'PKT_INFRA-LINK', ciscoSeverity: '3' } },
      { message: '%SYS-5-MOD_OK:Module 1 is online', rest: 'Module 1 is online', fields: { ciscoFacility: 'SYS', ciscoMnemonic: 'MOD_OK' } },
    ],
  },
];

/** Envelope field names that carry no meaning for catalogue entries (clocks, levels). */
export const CLOCK_AND_LEVEL_FIELDS = new Set(['mmLevel', 'mmTime', 'qcStamp', 'elapsed', 'printk', 'kuptime', 'ifacePid', 'ciscoSeverity', 'printkCaller']);
