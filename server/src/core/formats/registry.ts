import type { FormatId } from '../model';
import { BRACKETED_STAMP, STAMP_SPAN, TIME_SPAN, type StampShape } from './timestampGrammar';
import { CISCO_LONG_UPTIME, CISCO_STAMP, CISCO_SYSTEM_MESSAGE_AHEAD } from './envelopes';

// The format registry: every line shape the product reads is one entry here, with the lines it
// was written from and lines it must refuse, and a test proves both (like lnav's format files).
// Adding a format is one entry plus its samples. The parser tries the format that matched the
// previous line first, then the entries in this order, so specific shapes precede general ones.

/**
 * The clock a format gives. `wall`: a date and time (the year may be absent and is then assumed;
 * a stamp with only a time gives `time-only`); `uptime`: seconds since the kernel booted;
 * `elapsed`: seconds since a tool started (QFirehose), which orders lines but is not uptime;
 * `none`: the line carries no time (timestamps stripped in a paste).
 */
export type Clock = 'wall' | 'time-only' | 'uptime' | 'elapsed' | 'none';

/**
 * What follows the header. `syslog`: an optional host, an optional `facility.level`, then
 * `tag[pid]: `; `tagged`: the same without a host; `message`: the rest is the message; `program`:
 * the message, after a `facility.level` and `kernel: ` or a program with its pid (`gsmd[3553]: `) if they lead it (a bare
 * `word: ` stays: a kernel message starts with its device's name, `wwan0: `); `json`: the line is
 * one JSON object, its fields read by role (jsonLines.ts).
 */
export type Body = 'syslog' | 'tagged' | 'message' | 'program' | 'json';

export interface FormatSample {
  line: string;
  /** Fields the record must have; `time` as `YYYY-MM-DDTHH:MM:SS` (reference year 2024) or `HH:MM:SS`. */
  expect: {
    time?: string;
    uptime?: number;
    elapsed?: number;
    host?: string;
    facility?: string;
    level?: string;
    tag?: string;
    pid?: number;
    message?: string;
  };
}

export interface LogFormat {
  id: FormatId;
  description: string;
  clock: Clock;
  /**
   * Anchored matcher of the header; where it ends the body starts. Named groups: `stamp` (text
   * read by the timestamp grammar), `unixTime` (s since 1970), `uptime` (s), `uptimeMs`, `elapsed` (s), `recordId`, `pri`,
   * `host`, `facility`, `level`, `tag`, `pid`.
   */
  pattern: RegExp;
  body: Body;
  /** The program these lines come from when the line does not say (`kernel` for dmesg). */
  impliedTag?: string;
  /** The stamp must carry a date: a bare time belongs to the `time-only` format. */
  stampNeedsDate?: boolean;
  /** The body must start with a host (journalctl), else the line is another format's. */
  needsHost?: boolean;
  /** A host, when the body has one, comes first, as journalctl writes it (implied by needsHost). */
  hostFirst?: boolean;
  /** The stamp must carry a year (ctime in logread does; BSD syslog does not). */
  stampNeedsYear?: boolean;
  /** Shapes of the timestamp grammar this format's stamp may take (default: any). */
  stampShapes?: readonly StampShape[];
  /**
   * The stamp is a month and a day without a year, then the time, at fixed places
   * (`MM-DD?hh:mm:ss?mmm`: quectel-cm's `04-17_17:20:24:577`, logcat's `12-02 19:54:59.123`), read
   * so rather than by the timestamp grammar, whose numeric dates have a year.
   */
  monthDayStamp?: boolean;
  /**
   * A file whose first line has this shape is a router log (VS Code's `firstLine` claims it for
   * the Router Log language); other shapes are also application or system logs of other kinds.
   */
  routerLogByShape?: boolean;
  samples: readonly FormatSample[];
  /** Lines that look close but are not this format (they may be another one). */
  counterSamples?: readonly string[];
}

const FACILITY_LEVEL = String.raw`(?<facility>[a-z][a-z0-9]{0,11})\.(?<level>emerg|alert|crit|err|error|warn|warning|notice|info|debug)`;
/** dmesg's stamp, and with `-d` the time since the message before: `[  466.515595 <    0.000123>]`. */
const DMESG_UPTIME = String.raw`\[\s*(?<uptime>\d{1,10}\.\d{1,9})(?:\s+<\s*\d{1,10}\.\d{1,9}>)?\]`;
/** `dmesg -x` (--decode): the facility and the level, each padded, then colons (util-linux's `%-6s:%-6s: `). */
const DMESG_DECODED = String.raw`(?<facility>kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])\s*:(?<level>emerg|alert|crit|err|warn|notice|info|debug)\s*:\s`;

/**
 * `dmesg -x` before any stamp dmesg prints, or none: with `-T` (`kern  :info  : [Mon Dec  2
 * 19:54:59 2024] usb 1-1: ...`), `-H` and `-t` (`kern  :info  : usb 1-1: ...`). The parser reads
 * it off a line no format takes, then reads the rest as a line of the kernel's ring buffer (a
 * format whose `impliedTag` is `kernel`), or else as a kernel message without a clock (`stripped`,
 * as `-t` strips the stamps). With the plain uptime the dmesg format reads it itself (fast lane).
 */
export const DMESG_DECODED_LEAD = new RegExp(`^${DMESG_DECODED}`, 'u');
/**
 * A tag that can only be a program: with a pid, a lowercase word (`kernel:`, `netifd:`) or a
 * CamelCase name (`ModemManager:`, `NetworkManager:`); not `Error:` or `Note:`.
 */
const CERTAIN_TAG = String.raw`(?:[A-Za-z][\w.\/@-]{0,63} ?\[\d{1,10}\]|[a-z][\w.\/@-]{1,63}|[A-Z][a-z]+[A-Z][\w.\/@-]{0,40}|\[\d{1,10}\]): `;
/** After a number that may be a clock: a program's certain tag, or a host and then the kernel's tag or a program with its pid. */
const PROGRAM_AHEAD = String.raw`\s+(?:${CERTAIN_TAG}|[A-Za-z0-9_.:-]{1,64}\s+(?:kernel|[A-Za-z][\w.\/@-]{0,63} ?\[\d{1,10}\]): )`;
/** The level words an application's template writes after its clock, in capitals (Python's logging, multilog, PHP). */
export const APPLICATION_LEVEL_WORDS = ['DEBUG', 'INFO', 'NOTICE', 'WARN', 'WARNING', 'ERROR', 'CRITICAL', 'FATAL'] as const;
const LEVEL_WORD = String.raw`(?<level>${APPLICATION_LEVEL_WORDS.join('|')})`;
/**
 * A line of an AT conversation as a terminal on the modem's port shows it (microcom, minicom,
 * picocom, screen; an application's console): a command (`AT`, `ATE1`, `ATD*99#`, `AT+CPIN?`),
 * an answer or an unsolicited result code (`+CPIN: READY`, `^SYSSTART`, `+QIURC: "pdpdeact",1`),
 * or a final result (`OK`, `ERROR`, `NO CARRIER`, `RDY`), each alone on its line (3GPP TS 27.007's
 * syntax, X115). The fast reader reads it with the same expression.
 */
export const AT_CONSOLE_LINE = String.raw`(?:[Aa][Tt](?:(?=[\r\n]|$)|[+&%^$#!*][A-Za-z]|[A-Za-z]\d{0,3}(?=[;=?\r\n]|$)|[Dd][*#\d+;])|[+^%$#*!][A-Z][A-Z0-9_]{1,15}: ?\S|\^SYSSTART|(?:OK|ERROR|RDY|RING|BUSY|NO CARRIER|NO DIALTONE|NO ANSWER|Call Ready|SMS Ready|NORMAL POWER DOWN|POWERED DOWN)[ \t]*(?=[\r\n]|$)|CONNECT\b|(?:UNDER|OVER)[-_]VOLTAGE )`;


export const FORMATS: readonly LogFormat[] = [
  // Cisco's first: its stamp ends in a colon, which the other formats would read as a tag (`UTC:`).
  {
    id: 'cisco',
    description: 'Cisco IOS, IOS XE and ASA consoles (`show logging`): an optional sequence number and `: `, `*` (the clock not authoritative) or `.` (its time source lost), a date and time, an optional zone, `: `, then the system message `%FACILITY-SEVERITY-MNEMONIC: ` (the envelope cisco-message)',
    clock: 'wall',
    // Sources X83, X84. The stamp is Cisco's own (an English month, the day, a year or none, the
    // clock), not the grammar's loose span: a line that does not open so is refused at its first
    // characters (prose and shell output, which the parser tries every format on). A stamp of
    // uptime (`00:01:23: `, `1d02h: `, service timestamps log uptime) is cisco-uptime's.
    pattern: new RegExp(String.raw`^(?:<(?<pri>\d{1,3})>)?(?:\d{1,10}:\s+)?[*.]?(?<stamp>${CISCO_STAMP})(?:\s+[A-Z]{2,5})?:\s+${CISCO_SYSTEM_MESSAGE_AHEAD}`),
    body: 'message',
    stampNeedsDate: true,
    stampShapes: ['month-first'],
    samples: [
      { line: '*Dec  2 19:54:59.123: %LINK-3-UPDOWN: Interface Cellular0/2/0, changed state to down', expect: { time: '2024-12-02T19:54:59', tag: 'LINK', level: 'err', message: 'Interface Cellular0/2/0, changed state to down' } },
      { line: '000123: Dec  2 19:54:59.123 UTC: %CELLWAN-2-MODEM_DOWN: Modem in slot 0/2 is DOWN', expect: { time: '2024-12-02T19:54:59', tag: 'CELLWAN', level: 'crit', message: 'Modem in slot 0/2 is DOWN' } },
      { line: '.Dec  2 2023 19:54:59 CET: %SYS-5-CONFIG_I: Configured from console by admin on vty0', expect: { time: '2023-12-02T19:54:59', tag: 'SYS', level: 'notice' } },
      // Sent to a syslog server as it is, without the server's header.
      { line: '<187>45: *Dec  2 19:54:59.123: %LINK-3-UPDOWN: Interface Cellular0/2/0, changed state to down', expect: { time: '2024-12-02T19:54:59', tag: 'LINK', level: 'err' } },
      { line: 'Dec 02 2024 19:54:59: %ASA-4-106023: Deny tcp src outside:192.0.2.1/443', expect: { time: '2024-12-02T19:54:59', tag: 'ASA', level: 'warn', message: 'Deny tcp src outside:192.0.2.1/443' } },
    ],
    counterSamples: ['00:01:23: %LINK-3-UPDOWN: Interface Cellular0/2/0, changed state to down', '*Dec  2 19:54:59.123: 100% done', 'Dec  2 19:54:59 router %s-3-x: y'],
  },
  {
    id: 'cisco-uptime',
    description: 'Cisco IOS consoles with `service timestamps log uptime`: an optional sequence number, the time since boot `hh:mm:ss` (with `msec`, `.mmm`), or `1d02h`, `2w3d` past a day (hours or days only: read as no clock), `: `, then the system message `%FACILITY-SEVERITY-MNEMONIC: `',
    clock: 'uptime',
    // Source X83: `hh:mm:ss (short uptime)` or `d h (long uptime)`. Under a day the stamp is exact
    // to the second; the long forms are not, and a gap or an order read from them would be invented.
    pattern: new RegExp(String.raw`^(?:<(?<pri>\d{1,3})>)?(?:\d{1,10}:\s+)?[*.]?(?:(?<upH>\d{2}):(?<upM>[0-5]\d):(?<upS>[0-5]\d)(?:\.(?<upMs>\d{3}))?|${CISCO_LONG_UPTIME}):\s+${CISCO_SYSTEM_MESSAGE_AHEAD}`),
    body: 'message',
    samples: [
      { line: '000123: 00:01:23: %LINK-3-UPDOWN: Interface Cellular0/2/0, changed state to down', expect: { uptime: 83, tag: 'LINK', level: 'err', message: 'Interface Cellular0/2/0, changed state to down' } },
      { line: '00:00:45.123: %CELLWAN-2-MODEM_UP: Modem in slot 0/2 is now UP', expect: { uptime: 45.123, tag: 'CELLWAN', level: 'crit' } },
    ],
    // (`1d02h: %LINEPROTO-5-UPDOWN: ...` is read too, without a clock: test/cisco.test.ts.)
    counterSamples: ['00:01:23: not a system message', '24h: %LINK-3-UPDOWN: x'],
  },
  // Android's logcat first: with `-v year` its stamp is an ISO one, which iso-plain would read first.
  {
    id: 'logcat',
    description: 'Android\'s `adb logcat` in its default layout (threadtime; the radio buffer\'s RIL lines, `-b radio`): `MM-DD hh:mm:ss.mmm` (with `-v year` the year before it), the pid and the thread, a level letter, the tag padded, `: `',
    clock: 'wall',
    pattern: /^(?<stamp>(?:\d{4}-)?\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) +(?<pid>\d{1,7}) +\d{1,7} (?<level>[VDIWEFA]) (?<tag>[^\s:][^:]{0,63}?) *: /,
    body: 'message',
    monthDayStamp: true,
    samples: [
      { line: '2024-12-02 19:54:59.123  1234  1290 W RILJ    : [3867]> SETUP_DATA_CALL', expect: { time: '2024-12-02T19:54:59', tag: 'RILJ', pid: 1234, level: 'warn', message: '[3867]> SETUP_DATA_CALL' } },
      { line: '12-02 19:54:59.123  1234  1290 E RILJ    : [UNSL]< UNSOL_RESPONSE_RADIO_STATE_CHANGED radioStateChanged: RADIO_UNAVAILABLE [PHONE0]', expect: { time: '2024-12-02T19:54:59', tag: 'RILJ', pid: 1234, level: 'err', message: '[UNSL]< UNSOL_RESPONSE_RADIO_STATE_CHANGED radioStateChanged: RADIO_UNAVAILABLE [PHONE0]' } },
      { line: '12-02 19:55:01.004   987   987 I qcrild  : modem restarted', expect: { time: '2024-12-02T19:55:01', tag: 'qcrild', pid: 987, level: 'info', message: 'modem restarted' } },
    ],
    counterSamples: ['12-02 19:54:59.123 E/RILJ    ( 1234): brief with time', '13-02 19:54:59.123  1234  1290 E RILJ    : no month 13'],
  },
  {
    id: 'logcat-time',
    description: 'Android\'s `adb logcat -v time`: `MM-DD hh:mm:ss.mmm` (with `-v year` the year before it), the level letter, `/`, the tag padded, the pid in parentheses (padded to 5), `: `',
    clock: 'wall',
    pattern: /^(?<stamp>(?:\d{4}-)?\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) (?<level>[VDIWEFA])\/(?<tag>[^\s:(][^:(]{0,63}?) *\((?=[ \d]{5,8}\)) *(?<pid>\d{1,7})\): /,
    body: 'message',
    monthDayStamp: true,
    samples: [
      { line: '2024-12-02 19:54:59.123 I/qcrild  (  987): modem restarted', expect: { time: '2024-12-02T19:54:59', tag: 'qcrild', pid: 987, level: 'info' } },
      { line: '12-02 19:54:59.123 E/RILJ    ( 1234): [UNSL]< UNSOL_RESPONSE_RADIO_STATE_CHANGED radioStateChanged: RADIO_UNAVAILABLE', expect: { time: '2024-12-02T19:54:59', tag: 'RILJ', pid: 1234, level: 'err', message: '[UNSL]< UNSOL_RESPONSE_RADIO_STATE_CHANGED radioStateChanged: RADIO_UNAVAILABLE' } },
    ],
    counterSamples: ['12-02 19:54:59.123 E/RILJ: no pid', '12-02 19:54:59.123  1234  1290 E RILJ    : threadtime', '13-02 19:54:59.123 E/RILJ    ( 1234): no month 13'],
  },
  {
    id: 'logread',
    description: 'OpenWrt/RutOS `logread` and other dates with a year: ctime date, `facility.level` (may be absent), then `tag[pid]: ` (a record id may lead; `logread -t` adds the time in seconds since 1970 after the date)',
    clock: 'wall',
    // `logread -t`: `[1733169299.123] ` after the date, then `facility.level` (OpenWrt's ubox
    // logread.c, source X82). The clock stays the date's, as every other logread line's is read.
    pattern: new RegExp(String.raw`^(?:(?<recordId>\d{1,12})\s+)?${STAMP_SPAN}\s+(?:\[\d{1,11}\.\d{3}\]\s+(?=[a-z][a-z0-9]{0,11}\.[a-z]+(?:\s|$)))?`, 'u'),
    body: 'syslog',
    stampNeedsDate: true,
    stampNeedsYear: true,
    stampShapes: ['month-first', 'day-first', 'numeric'],
    routerLogByShape: true,
    samples: [
      { line: 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5', expect: { time: '2024-12-02T19:54:59', facility: 'daemon', tag: 'gsmd', pid: 3553, level: 'warn' } },
      { line: '525 Mon Dec 2 19:54:59 2024 daemon.info gsmd[3553]: hello', expect: { time: '2024-12-02T19:54:59', tag: 'gsmd', message: 'hello' } },
      { line: 'Mon Dec  2 19:54:57 2024 kern.info Mobile data disconnected (internal modem)', expect: { facility: 'kern', message: 'Mobile data disconnected (internal modem)' } },
      { line: 'Mon Dec  2 19:54:58 2024 daemon.notice netifd: mob1s1a1 (8470): Command failed: Request timed out', expect: { tag: 'netifd', message: 'Command failed: Request timed out' } },
      { line: 'Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6', expect: { tag: 'kernel', uptime: 466.515595, message: 'usb 1-1: USB disconnect, device number 6' } },
      { line: 'Tue Mar  8 18:39:57 2022 user.notice : Added device handler type: bonding', expect: { time: '2022-03-08T18:39:57', level: 'notice' } },
      { line: 'Mon Dec  2 19:54:59 CET 2024 daemon.notice netifd: Interface \'mob1s1a1\' is now down', expect: { time: '2024-12-02T19:54:59', tag: 'netifd' } },
      { line: 'Sun May 20 20:17:49 2018 [1560]: <info>  [modem0] state changed', expect: { time: '2018-05-20T20:17:49', pid: 1560, level: 'info', message: 'state changed' } },
      { line: 'Tue Sep 22 01:49:40 2020 netifd: modem (17698): SIM missing', expect: { time: '2020-09-22T01:49:40', tag: 'netifd', message: 'SIM missing' } },
      { line: 'Mon Dec  2 19:54:59 2024 [1733169299.123] daemon.info gsmd[3553]: hello', expect: { time: '2024-12-02T19:54:59', facility: 'daemon', tag: 'gsmd', pid: 3553, message: 'hello' } },
    ],
    counterSamples: ['Mon Dec 32 25:61:00 2024 daemon.info x: y'],
  },
  {
    id: 'luci',
    description: 'A copy of LuCI\'s or a web UI\'s log table: a bracketed, localised date, then `facility.level:`',
    clock: 'wall',
    pattern: new RegExp(String.raw`^${BRACKETED_STAMP}\s+${FACILITY_LEVEL}:?\s+`, 'u'),
    body: 'tagged',
    stampNeedsDate: true,
    routerLogByShape: true,
    samples: [
      { line: '[24.01.2026, 15:09:43 MEZ] user.notice: pbr [9755]: Using uplink IPv4 interface (on_start): wan', expect: { time: '2026-01-24T15:09:43', facility: 'user', tag: 'pbr', pid: 9755 } },
      { line: '[7 de maig 2026, 13:07:01 CEST] kern.notice: [    0.000000] Linux version 6.12.74', expect: { time: '2026-05-07T13:07:01', uptime: 0, tag: 'kernel', message: 'Linux version 6.12.74' } },
      { line: '[02/12/2024, 7:54:59 PM] daemon.info: gsmd[3553]: hello', expect: { time: '2024-02-12T19:54:59', tag: 'gsmd' } },
      { line: '[2 дек. 2024 г., 19:54:59] daemon.err: gsmd[1]: x', expect: { time: '2024-12-02T19:54:59', level: 'err' } },
    ],
    counterSamples: ['[Logread] daemon.info: x'],
  },
  {
    id: 'journal-iso',
    description: 'journalctl -o short-iso / short-iso-precise: ISO 8601 time, host, `tag[pid]: `; rsyslog\'s forwarding format puts `<PRI>` before it, a syslog-ng template `facility.level` after the host',
    clock: 'wall',
    pattern: new RegExp(String.raw`^(?:<(?<pri>\d{1,3})>)?${STAMP_SPAN}\s+`, 'u'),
    body: 'syslog',
    needsHost: true,
    stampNeedsDate: true,
    stampShapes: ['iso'],
    samples: [
      { line: '2024-06-06T06:00:08+0200 mobian ModemManager[519]: <info>  [modem0] state changed (registered -> connecting)', expect: { time: '2024-06-06T06:00:08', host: 'mobian', tag: 'ModemManager', pid: 519, level: 'info', message: 'state changed (registered -> connecting)' } },
      // A syslog-ng or rsyslog template that writes the facility and level after the host.
      { line: '2024-12-02T19:54:59+01:00 router daemon.info gsmd[3553]: Modem is not responding', expect: { time: '2024-12-02T19:54:59', host: 'router', facility: 'daemon', level: 'info', tag: 'gsmd', pid: 3553, message: 'Modem is not responding' } },
      { line: '2024-06-06T06:00:08.123456+02:00 host kernel: usb 1-1: USB disconnect, device number 5', expect: { tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 5' } },
      { line: '2024-12-02T19:54:58+0000 router [2656]: <inf> [modem0] all requested bearers disconnected', expect: { host: 'router', pid: 2656, message: 'all requested bearers disconnected' } },
      // rsyslog's RSYSLOG_ForwardFormat, as a collector or `nc -ul 514` shows what a router sends.
      { line: '<6>2024-12-02T19:54:59.123456+01:00 router kernel: usb 1-1: USB disconnect, device number 6', expect: { time: '2024-12-02T19:54:59', host: 'router', tag: 'kernel', facility: 'kern', level: 'info', message: 'usb 1-1: USB disconnect, device number 6' } },
    ],
  },
  {
    id: 'journal-full',
    description: 'journalctl -o short-full: weekday, date, time and zone (`Mon 2024-12-02 19:54:59 CET`), host, `tag[pid]: `; -o with-unit writes the unit for the tag (`ModemManager.service[519]: `), read as the program it runs',
    clock: 'wall',
    // The zone is an abbreviation, or an offset where the zone has none (`+03`): part of the stamp,
    // read as ISO's offsets are where it names one zone (a journal across the end of summer time,
    // `CEST` then `CET`, reads on one time base).
    pattern: new RegExp(String.raw`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<stamp>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})? (?:[A-Z]{2,5}|[+-]\d{2}(?::?\d{2})?))\s+`, 'u'),
    body: 'syslog',
    needsHost: true,
    stampNeedsDate: true,
    stampShapes: ['iso'],
    samples: [
      { line: 'Mon 2024-12-02 19:54:59 CET router kernel: usb 1-1: USB disconnect, device number 5', expect: { time: '2024-12-02T19:54:59', host: 'router', tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 5' } },
      { line: 'Thu 2024-06-06 06:00:08 CEST mobian ModemManager[519]: <info>  [modem0] state changed (registered -> connecting)', expect: { time: '2024-06-06T06:00:08', host: 'mobian', tag: 'ModemManager', pid: 519, level: 'info', message: 'state changed (registered -> connecting)' } },
      { line: 'Tue 2024-12-03 01:02:03 +03 gw NetworkManager[812]: <info>  [1733176923.1234] device (wwan0): state change: activated -> failed', expect: { time: '2024-12-03T01:02:03', host: 'gw', tag: 'NetworkManager', pid: 812 } },
      { line: 'Mon 2024-12-02 19:54:59 UTC router ModemManager.service[519]: <warn>  [modem0] couldn\'t load network timezone', expect: { host: 'router', tag: 'ModemManager', pid: 519, level: 'warn' } },
      { line: 'Mon 2024-12-02 19:54:59 UTC router qmi-network@wwan0.service[812]: Starting network', expect: { tag: 'qmi-network', pid: 812 } },
    ],
    counterSamples: ['Mon 2024-12-02 19:54:59 router kernel: no zone', 'Mon 2024-12-02T19:54:59 CET router kernel: a T', 'Mon 2024-12-32 19:54:59 CET router kernel: no such day'],
  },
  {
    id: 'journal-unix',
    description: 'journalctl -o short-unix: seconds since 1970 with their fraction, host (a template may leave it out), `tag[pid]: `; whole seconds (a logger\'s `%s`) or milliseconds (13 digits) before `tag[pid]: ` or `name: `',
    clock: 'wall',
    // Whole seconds are ten digits from 1 (2001-2033), and only before a program's certain tag
    // (with its pid, or a lowercase name and `: `), or a host and then the kernel's tag or a
    // program with its pid: a count at a line's start (`1733169299 bytes received: 12`) is no clock.
    pattern: new RegExp(String.raw`^(?:(?<unixTime>\d{9,11}\.\d{1,9}|1\d{9}(?=${PROGRAM_AHEAD}))|(?<unixMs>1\d{12})(?=${PROGRAM_AHEAD}))\s+`),
    body: 'syslog',
    // No other format reads a Unix time, so a line without the host (a template that left it out,
    // `1733169299.123 kernel: ...`) is this format's too; a host, when there, comes first.
    hostFirst: true,
    samples: [
      { line: '1733169299.123456 router kernel: usb 1-1: USB disconnect, device number 5', expect: { time: '2024-12-02T19:54:59', host: 'router', tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 5' } },
      { line: '1733169299.123 kernel: usb 1-1: USB disconnect, device number 5', expect: { time: '2024-12-02T19:54:59', host: undefined, tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 5' } },
      { line: '1717653608.000001 mobian ModemManager[519]: <info>  [modem0] state changed (registered -> connecting)', expect: { time: '2024-06-06T06:00:08', host: 'mobian', tag: 'ModemManager', pid: 519, level: 'info' } },
      { line: '1733169299 gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5', expect: { time: '2024-12-02T19:54:59', tag: 'gsmd', pid: 3553, level: 'warn' } },
      { line: '1733169299 router kernel: usb 1-1: USB disconnect, device number 5', expect: { time: '2024-12-02T19:54:59', host: 'router', tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 5' } },
      // Milliseconds since 1970 (Java's, JavaScript's and many gateways' loggers), before a program too.
      { line: '1733169299123 gsmd[3553]: Modem is not responding', expect: { time: '2024-12-02T19:54:59', tag: 'gsmd', pid: 3553, message: 'Modem is not responding' } },
    ],
    // Fewer than 9 digits, or a number before 2001-09-09, is no Unix time a journal writes.
    counterSamples: ['12345678.5 router kernel: x', '999999999.5 router kernel: x', '1733169299 bytes received: 12', '1733169299 packets dropped', '1733169299123 bytes received: 12'],
  },
  {
    id: 'bsd-syslog',
    description: 'BSD syslog (RFC 3164) and journalctl short/short-precise: a date without year (any locale), optional host, optional `facility.level`, `tag[pid]: `; `<PRI>` may lead',
    clock: 'wall',
    pattern: new RegExp(String.raw`^(?:<(?<pri>\d{1,3})>)?${STAMP_SPAN}\s+`, 'u'),
    body: 'syslog',
    stampNeedsDate: true,
    stampShapes: ['month-first', 'day-first', 'numeric'],
    samples: [
      { line: 'Nov 18 19:29:35 pi gammu-smsd[1062]: Already hit 250 errors', expect: { time: '2024-11-18T19:29:35', host: 'pi', tag: 'gammu-smsd', pid: 1062 } },
      { line: 'May 13 15:11:14 wrt350n local2.info chat[4403]: abort on (BUSY)', expect: { host: 'wrt350n', facility: 'local2', tag: 'chat' } },
      { line: '<6>May 20 14:22:18 chat[537]: abort on (BUSY)', expect: { tag: 'chat', level: 'info' } },
      { line: 'jun 06 06:00:08 mobian ModemManager[519]: <warn>  [modem0/bearer2] connection attempt #2 failed', expect: { time: '2024-06-06T06:00:08', tag: 'ModemManager', level: 'warn', message: 'connection attempt #2 failed' } },
      { line: 'Apr 23 08:40:12.901864 pureos kernel: usb 1-1.2: finish reset-resume', expect: { time: '2024-04-23T08:40:12', host: 'pureos', tag: 'kernel' } },
      { line: 'Tue Sep 22 01:49:40 ModemManager: [modem0] state changed (unknown -> locked)', expect: { time: '2024-09-22T01:49:40', tag: 'ModemManager', message: 'state changed (unknown -> locked)' } },
      { line: 'May  5 16:04:59 kernel: <1>Unable to handle kernel NULL pointer dereference', expect: { tag: 'kernel', level: 'alert', message: 'Unable to handle kernel NULL pointer dereference' } },
      { line: 'Dec 30 11:26:01 ca4ae2 kernel: [ 1234.5] usb 1-5: USB disconnect, device number 52', expect: { host: 'ca4ae2', tag: 'kernel', uptime: 1234.5 } },
      // MikroTik RouterOS's remote syslog: the router's name, then its topics (records/fieldLead.ts).
      { line: 'Dec  2 19:54:59 MikroTik lte,error lte1: modem not responding', expect: { host: 'MikroTik', tag: 'lte', level: 'err', message: 'lte1: modem not responding' } },
      // A Cisco router's line relayed by a syslog server: Cisco's sequence number where the tag
      // stands, its own stamp, its system message (the cisco-message envelope): the facility is the program.
      { line: 'Dec  2 19:54:59 192.0.2.1 123: *Dec  2 19:54:59.123: %CELLWAN-2-MODEM_DOWN: Modem in slot 0/2 is DOWN', expect: { host: '192.0.2.1', tag: 'CELLWAN', level: 'crit', message: 'Modem in slot 0/2 is DOWN' } },
      { line: 'Dec  2 19:54:59 192.0.2.1 45: 000045: Dec  2 2024 19:54:59 UTC: %LINK-3-UPDOWN: Interface Cellular0/2/0, changed state to down', expect: { tag: 'LINK', level: 'err', message: 'Interface Cellular0/2/0, changed state to down' } },
      { line: 'Dec  2 19:54:59 192.0.2.1 Dec  2 19:54:59.123 UTC: %LINK-3-UPDOWN: Interface Cellular0/2/0, changed state to down', expect: { host: '192.0.2.1', tag: 'LINK', level: 'err', message: 'Interface Cellular0/2/0, changed state to down' } },
      { line: 'Dec  2 19:54:59 switch01 %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/1 is down (Link failure)', expect: { host: 'switch01', tag: 'ETHPORT', level: 'notice', message: 'Interface Ethernet1/1 is down (Link failure)' } },
    ],
    counterSamples: ['Interface wan is up 12:00:01', 'Dec 32 10:00:00 host x: y'],
  },
  {
    id: 'zephyr',
    description: 'Zephyr RTOS\'s log (the firmware of nRF91 and other cellular modules and boards): the time since boot `[hh:mm:ss.mmm,uuu]`, a level `<inf>`, the module, `: `',
    clock: 'uptime',
    // log_output.c prints the hours since boot unbounded (`%02u`), then the milliseconds and the
    // microseconds after a comma: no time of day has either, so `[27:46:40.000,000]` is no clock's.
    pattern: /^\[(?<upH>\d{2,7}):(?<upM>[0-5]\d):(?<upS>[0-5]\d)\.(?<upMs>\d{3}),(?<upUs>\d{3})\] ?(?:<(?<level>err|wrn|inf|dbg)> )?(?:(?<tag>[A-Za-z_][\w.\/-]{0,63}): )?/,
    body: 'message',
    samples: [
      { line: '[00:00:12.500,123] <inf> lte_lc: Network registration status: Connected - home network', expect: { uptime: 12.500123, level: 'info', tag: 'lte_lc', message: 'Network registration status: Connected - home network' } },
      { line: '[27:46:40.001,000] <err> modem_cellular: Modem did not respond', expect: { uptime: 100000.001, level: 'err', tag: 'modem_cellular', message: 'Modem did not respond' } },
      { line: '[00:00:00.004,000] <wrn> usb_cdc: Device disconnected', expect: { level: 'warn', tag: 'usb_cdc' } },
    ],
    counterSamples: ['[00:00:12.500] gsmd[1]: a time of day', '[00:61:12.500,123] <inf> x: no such minute'],
  },
  {
    id: 'time-only',
    description: 'A time of day without a date: consoles and condensed pastes; times keep their order and gaps, no date is invented',
    clock: 'time-only',
    pattern: new RegExp(String.raw`^\[?${TIME_SPAN}\]?\s+`, 'u'),
    body: 'syslog',
    samples: [
      { line: '12:02:38 netifd trm_wwan (3638): udhcpc: received SIGTERM', expect: { time: '12:02:38', message: 'udhcpc: received SIGTERM' } },
      { line: '19:54:59 gsmd[1]: hello', expect: { time: '19:54:59', tag: 'gsmd', pid: 1, message: 'hello' } },
      { line: '19:54:59.250 kernel: usb 1-1: USB disconnect, device number 6', expect: { tag: 'kernel' } },
    ],
    counterSamples: ['25:61:00 x: y'],
  },
  {
    id: 'rfc5424',
    description: 'RFC 5424 syslog: `<PRI>1 timestamp host app procid msgid [sd] msg`',
    clock: 'wall',
    pattern: /^<(?<pri>\d{1,3})>1 (?<stamp>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})) (?:-|(?<host>\S{1,255})) (?:-|(?<tag>\S{1,48})) (?:-|(?<pid>\d{1,10})|\S{1,128}) \S{1,32} (?:-|(?:\[(?:[^\]\\]|\\.)*\])+) ?/,
    body: 'message',
    samples: [
      { line: '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] An application event', expect: { time: '2003-10-11T22:14:15', host: 'mymachine.example.com', tag: 'evntslog', facility: 'local4', level: 'notice', message: 'An application event' } },
      { line: '<30>1 2024-12-02T19:54:59.000Z router netifd 1234 - - Interface \'wan\' is now up', expect: { tag: 'netifd', pid: 1234, facility: 'daemon' } },
    ],
  },
  {
    id: 'iso-plain',
    description: 'Application logs with an ISO date, bracketed or not, and an optional level word (daemontools multilog, Python logging, PHP), dmesg --time-format iso, and syslog without a host (`facility.level`, `kernel: `, `tag[pid]: `, `name: ` for a known program, `[program]`)',
    clock: 'wall',
    // The stamp may be bracketed (`[2024-12-02 19:54:59] gsmd[3553]: ...`, PHP's and Monolog's
    // layout); dmesg -T brackets only ctime dates.
    // A bracketed stamp may be followed at once by the next bracket (`[2024-12-02 19:54:59][gsmd][ERROR] `).
    pattern: new RegExp(String.raw`^(?:\[(?=\d{4}-\d{2}-\d{2}[^\]]{5,40}\](?:\s|\[)))?${STAMP_SPAN}(?:\](?:\s+|(?=\[))|\s+)(?:${LEVEL_WORD}\b:?\s*)?`, 'u'),
    body: 'program',
    stampNeedsDate: true,
    samples: [
      { line: '2018-08-28 13:58:33.374040500 ERROR    Read error, quitting', expect: { time: '2018-08-28T13:58:33', level: 'err', message: 'Read error, quitting' } },
      { line: '[2024-12-02 19:54:59] gsmd[3553]: Modem is not responding', expect: { time: '2024-12-02T19:54:59', tag: 'gsmd', pid: 3553, message: 'Modem is not responding' } },
      // An application's template that brackets the program (Python's `[%(name)s]`) or the level (`[info]`).
      { line: '2024-12-02 19:54:59,123 [ModemManager] <info>  [modem0] state changed (registered -> connected)', expect: { tag: 'ModemManager', message: 'state changed (registered -> connected)' } },
      { line: '2024-12-02 19:54:59 [warn] gsmd[3553]: Modem is not responding', expect: { tag: 'gsmd', pid: 3553, level: 'warn', message: 'Modem is not responding' } },
      // The program and the level each bracketed, in either order, with or without a space between them; a pid after a colon.
      { line: '[2024-12-02 19:54:59][gsmd][ERROR] Modem is not responding', expect: { time: '2024-12-02T19:54:59', tag: 'gsmd', level: 'err', message: 'Modem is not responding' } },
      { line: '2024-12-02 19:54:59 [gsmd] [WARN] Modem is not responding', expect: { tag: 'gsmd', level: 'warn', message: 'Modem is not responding' } },
      { line: '2024-12-02 19:54:59 INFO [gsmd:3553] Modem is not responding', expect: { tag: 'gsmd', pid: 3553, level: 'info', message: 'Modem is not responding' } },
      // A syslog template without the host: the kernel's lines and a program with its pid.
      { line: '2024-12-02T19:54:59+01:00 kernel: usb 1-1: USB disconnect, device number 6', expect: { time: '2024-12-02T19:54:59', tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 6' } },
      { line: '2024-12-02 19:54:59 gsmd[3553]: Unable to initialize', expect: { tag: 'gsmd', pid: 3553, message: 'Unable to initialize' } },
      { line: '2024-12-02 19:54:59 wwan0: renamed from usb0', expect: { tag: undefined, message: 'wwan0: renamed from usb0' } },
      { line: '2024-12-02 19:54:59,123 kern.info kernel: usb 1-1: USB disconnect, device number 6', expect: { facility: 'kern', level: 'info', tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 6' } },
      { line: '2024-12-02 19:54:59 daemon.info Mobile data connected (internal modem)', expect: { facility: 'daemon', tag: undefined, message: 'Mobile data connected (internal modem)' } },
      // The kernel's `driver device: ` stays in the message: no host, no program (lineParser's KERNEL_DEVICE).
      { line: '2024-11-01T08:00:01,123456+01:00 usb 1-1: USB disconnect, device number 6', expect: { time: '2024-11-01T08:00:01', message: 'usb 1-1: USB disconnect, device number 6' } },
    ],
  },
  {
    id: 'tool-elapsed',
    description: 'QFirehose/QLib flashing tools: `[000.013]: msg` (QFirehose 1.4.11) or `[000.013] msg` (1.1.8, 1.4.17), seconds since the tool started (not kernel uptime, whose stamp has 6 decimals and pads with spaces)',
    clock: 'elapsed',
    pattern: /^\[(?<elapsed>\d{3,6}\.\d{3})\](?::\s?| )/,
    body: 'message',
    samples: [
      { line: '[005.415]: qusb_noblock_read read=0, errno: 110 (Connection timed out)', expect: { elapsed: 5.415, message: 'qusb_noblock_read read=0, errno: 110 (Connection timed out)' } },
      { line: "[004.533] switch to 'Emergency download mode'", expect: { elapsed: 4.533, message: "switch to 'Emergency download mode'" } },
    ],
  },
  {
    id: 'journal-monotonic',
    description: 'journalctl -o short-monotonic: `[ uptime] host tag[pid]: `; -o short-delta adds the time since the entry before (`[ uptime <delta>]`)',
    clock: 'uptime',
    pattern: new RegExp(String.raw`^${DMESG_UPTIME}\s+(?<host>[\w.:-]{1,64})\s+(?=[A-Za-z0-9_.\/@-]{1,64}\[\d{1,10}\]: |kernel: )`, 'u'),
    body: 'tagged',
    samples: [
      { line: '[ 1234.567890] raspberrypi ModemManager[519]: <info>  [modem0] state changed (registered -> connecting)', expect: { uptime: 1234.56789, host: 'raspberrypi', tag: 'ModemManager', pid: 519 } },
      { line: '[ 1234.567890 <    0.000123>] raspberrypi ModemManager[519]: <info>  [modem0] state changed (registered -> connecting)', expect: { uptime: 1234.56789, host: 'raspberrypi', tag: 'ModemManager', pid: 519, message: 'state changed (registered -> connecting)' } },
    ],
    counterSamples: ['[  827.954147] usb 3-1.5: new high-speed USB device number 9 using xhci-hcd'],
  },
  {
    id: 'dmesg',
    description: 'Kernel ring buffer: `dmesg`, `dmesg -r` (`<6>[...]`), `dmesg -x` (`kern  :info  : [...]`), `dmesg -d` (`[ uptime <delta>]`), and lines after a bare `kernel:` prefix',
    clock: 'uptime',
    pattern: new RegExp(String.raw`^(?:<(?<pri>\d{1,3})>|kernel:\s*|${DMESG_DECODED})?${DMESG_UPTIME}\s?`, 'u'),
    body: 'message',
    impliedTag: 'kernel',
    samples: [
      { line: '[422506.592997] usb 1-1: USB disconnect, device number 5', expect: { uptime: 422506.592997, tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 5' } },
      { line: '<6>[    4.123456] usb 1-1: new high-speed USB device number 2 using ehci-platform', expect: { uptime: 4.123456, level: 'info' } },
      { line: 'kernel: [   70.955000] cdc_mbim 1-1.2:1.3: nonzero urb status received: -71', expect: { uptime: 70.955, tag: 'kernel' } },
      { line: 'kern  :info  : [  466.515595] usb 1-1: USB disconnect, device number 6', expect: { uptime: 466.515595, tag: 'kernel', facility: 'kern', level: 'info', message: 'usb 1-1: USB disconnect, device number 6' } },
      { line: 'kern  :err   : [  466.515595] usb 1-1: device descriptor read/64, error -71', expect: { level: 'err' } },
      { line: '[  466.515595 <    0.000123>] usb 1-1: USB disconnect, device number 6', expect: { uptime: 466.515595, message: 'usb 1-1: USB disconnect, device number 6' } },
    ],
    counterSamples: ['kern.info: [  466.515595] usb 1-1: a LuCI table row', 'kern  :info  : usb 1-1: dmesg -x -t, no stamp'],
  },
  {
    id: 'dmesg-relative',
    // No clock: the deltas add up from a stamp of minutes, so a time made of them would claim a
    // precision the log does not have. The line's event still counts (a modem's return to the bus).
    description: '`dmesg -H` and `dmesg -e`: after a line stamped `[Dec 2 19:54]` or `[Dec12 19:54]` (dmesg-T), the time since the message before, `[  +2.000123]`',
    clock: 'none',
    pattern: /^\[\s*\+\d{1,10}\.\d{1,9}\]\s?/,
    body: 'message',
    impliedTag: 'kernel',
    samples: [
      { line: '[  +2.000123] usb 1-1: new high-speed USB device number 7 using ehci-platform', expect: { tag: 'kernel', message: 'usb 1-1: new high-speed USB device number 7 using ehci-platform' } },
    ],
    counterSamples: ['[  466.515595] usb 1-1: USB disconnect, device number 6', '[+] done'],
  },
  {
    id: 'dmesg-T',
    description: '`dmesg -T`: a bracketed ctime date in the locale of the shell (`[wto lip  4 21:36:24 2017]`); `dmesg -x -T` with the facility and level before it (DMESG_DECODED_LEAD)',
    clock: 'wall',
    pattern: new RegExp(String.raw`^${BRACKETED_STAMP}\s?`, 'u'),
    body: 'message',
    impliedTag: 'kernel',
    stampNeedsDate: true,
    // ctime in the shell's locale; a bracketed ISO date is an application's (iso-plain).
    stampShapes: ['numeric', 'month-first', 'day-first'],
    samples: [
      { line: '[wto lip  4 21:36:24 2017] usb 2-1.1: GSM modem (1-port) converter now attached to ttyUSB0', expect: { time: '2017-07-04T21:36:24', tag: 'kernel', message: 'usb 2-1.1: GSM modem (1-port) converter now attached to ttyUSB0' } },
      { line: '[Mon Dec  2 19:54:59 2024] usb 1-1: USB disconnect, device number 6', expect: { time: '2024-12-02T19:54:59' } },
      { line: '[Mo Dez  2 19:54:59 2024] usb 1-1: USB disconnect, device number 6', expect: { time: '2024-12-02T19:54:59' } },
      // `dmesg -H` (and -e) opens each new minute with its clock, `%b%e %H:%M`, in place of the delta (dmesg-relative)
      { line: '[Mar15 11:47] usb 1-1.2: USB disconnect, device number 5', expect: { time: '2024-03-15T11:47:00', tag: 'kernel', message: 'usb 1-1.2: USB disconnect, device number 5' } },
      { line: '[Mar 5 11:47] usb 1-1.2: USB disconnect, device number 5', expect: { time: '2024-03-05T11:47:00', tag: 'kernel' } },
      { line: 'kern  :info  : [Mon Dec  2 19:54:59 2024] usb 1-1: USB disconnect, device number 6', expect: { time: '2024-12-02T19:54:59', tag: 'kernel', facility: 'kern', level: 'info', message: 'usb 1-1: USB disconnect, device number 6' } },
    ],
    counterSamples: ['[Logfile messages.1]', '[INFO]found modem_n: 0', '[2024-12-02 19:54:59] gsmd[3553]: Modem is not responding'],
  },
  {
    id: 'esp-idf',
    description: 'ESP-IDF console: `I (1234) tag: msg`, a level letter and milliseconds since boot (ANSI colours are removed first)',
    clock: 'uptime',
    pattern: /^(?<level>[EWIDV]) \((?<uptimeMs>\d{1,12})\) (?<tag>[^:\s][^:]{0,40}): /,
    body: 'message',
    samples: [
      { line: 'I (22116) modem_board: reconnect after 5s...', expect: { uptime: 22.116, tag: 'modem_board', level: 'info', message: 'reconnect after 5s...' } },
      { line: '\u001b[0;31mE (31137) USBH_CDC: Device disconnected\u001b[0m', expect: { tag: 'USBH_CDC', level: 'err' } },
    ],
  },
  {
    id: 'quectel-cm',
    description: 'Quectel\'s quectel-cm (QConnectManager) console: `[MM-DD_hh:mm:ss:ms] msg`',
    clock: 'wall',
    pattern: /^\[(?<stamp>\d{2}-\d{2}_\d{2}:\d{2}:\d{2}:\d{3})\]\s?/,
    body: 'message',
    impliedTag: 'quectel-cm',
    monthDayStamp: true,
    samples: [
      { line: '[04-17_17:20:24:577] QConnectManager_Linux_V1.6.5', expect: { time: '2024-04-17T17:20:24', tag: 'quectel-cm', message: 'QConnectManager_Linux_V1.6.5' } },
    ],
  },
  {
    id: 'logcat-brief',
    description: 'Android\'s `adb logcat -v brief` (the default layout before Android 7): the level letter, `/`, the tag padded, the pid in parentheses (padded to 5: `%5d`), `: `; no time',
    clock: 'none',
    pattern: /^(?<level>[VDIWEFA])\/(?<tag>[^\s:(][^:(]{0,63}?) *\((?=[ \d]{5,8}\)) *(?<pid>\d{1,7})\): /,
    body: 'message',
    samples: [
      { line: 'I/qcrild (  987): modem restarted', expect: { tag: 'qcrild', pid: 987, level: 'info', message: 'modem restarted' } },
      { line: 'E/QC-QMI  ( 1021): qmi_client: modem is down', expect: { tag: 'QC-QMI', pid: 1021, level: 'err', message: 'qmi_client: modem is down' } },
    ],
    counterSamples: ['E/RILJ: no pid', 'I/O error (5): no level letter and tag'],
  },
  {
    id: 'modemmanager',
    description: 'ModemManager\'s own output (`--debug` on a console): `<info>  [1234.567] [modem0] ...`',
    clock: 'none',
    pattern: /^(?=<(?:dbg|debug|info|inf|msg|warn|wrn|warning|err|error|crit)>\s)/,
    body: 'message',
    impliedTag: 'ModemManager',
    samples: [
      { line: '<info>  [1767016030.370510] [modem0] launching automatic network registration...', expect: { tag: 'ModemManager', level: 'info', time: '2025-12-29T13:47:10', message: 'launching automatic network registration...' } },
      { line: '<warn>  [modem0] couldn\'t load network timezone', expect: { level: 'warn', message: 'couldn\'t load network timezone' } },
    ],
  },
  {
    id: 'at-console',
    description: 'An AT conversation on a terminal on the modem\'s port (microcom, minicom, picocom, screen) or an application\'s console: the commands sent, the modem\'s answers and unsolicited result codes, the final `OK`/`ERROR`, each on its own line, no clock; after a timed record such a line is read as its wrapped text',
    clock: 'none',
    pattern: new RegExp(`^(?=${AT_CONSOLE_LINE})`),
    body: 'message',
    samples: [
      { line: 'AT+CPIN?', expect: { message: 'AT+CPIN?' } },
      { line: '+CPIN: SIM PIN', expect: { message: '+CPIN: SIM PIN' } },
      { line: 'OK', expect: { message: 'OK' } },
      { line: '+QIURC: "pdpdeact",1', expect: { message: '+QIURC: "pdpdeact",1' } },
      { line: 'ATD*99#', expect: { message: 'ATD*99#' } },
      { line: 'NO CARRIER', expect: { message: 'NO CARRIER' } },
    ],
    counterSamples: ['ATTENTION: the modem is busy', 'OK then, the modem is back', 'Error: something broke', 'Attach failed', '+1 555 0100'],
  },
  {
    id: 'json-lines',
    description: 'One record of fields per line: a JSON object (`journalctl -o json`; `-o json-seq` and `-o json-sse` put a record separator or `data: ` before it; log shippers and aggregators: Docker, Graylog, Loki, Elastic exports) or logfmt\'s `key=value` pairs (Go\'s slog, logrus, go-kit). Message, time, program, pid, host, level and facility are read from their usual keys (JSON_FIELDS); a message that is itself a log line is read as one',
    clock: 'wall',
    // A JSON object, or a first logfmt key and its `=` (formats/logfmt.ts reads the rest).
    pattern: /^\s*(?=\{|[^\s="]{1,64}=)/,
    body: 'json',
    samples: [
      { line: '{"__REALTIME_TIMESTAMP":"1733169299123456","_HOSTNAME":"router","PRIORITY":"4","SYSLOG_IDENTIFIER":"ModemManager","_PID":"519","MESSAGE":"<warn>  [modem0] couldn\'t load network timezone"}', expect: { time: '2024-12-02T19:54:59', host: 'router', tag: 'ModemManager', pid: 519, level: 'warn', message: 'couldn\'t load network timezone' } },
      { line: '{"__REALTIME_TIMESTAMP":"1733169299000000","SYSLOG_FACILITY":"0","SYSLOG_IDENTIFIER":"kernel","_SOURCE_MONOTONIC_TIMESTAMP":"466515595","MESSAGE":"usb 1-1: USB disconnect, device number 6"}', expect: { time: '2024-12-02T19:54:59', uptime: 466.515595, facility: 'kern', tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 6' } },
      { line: '{"time":"2024-12-02T19:54:59.123456789Z","stream":"stdout","log":"Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5\\n"}', expect: { time: '2024-12-02T19:54:59', facility: 'daemon', tag: 'gsmd', pid: 3553, level: 'warn' } },
      { line: '{"timestamp":"2024-12-02T19:54:59.000Z","source":"rut901","level":5,"message":"netifd: Interface \'mob1s1a1\' is now down"}', expect: { time: '2024-12-02T19:54:59', host: 'rut901', tag: 'netifd', level: 'notice', message: 'Interface \'mob1s1a1\' is now down' } },
      // journalctl -o json-seq (RFC 7464's record separator) and -o json-sse (an event stream's `data: `).
      { line: '\u001e{"__REALTIME_TIMESTAMP":"1733169299123456","SYSLOG_IDENTIFIER":"gsmd","_PID":"3553","MESSAGE":"Modem is not responding"}', expect: { time: '2024-12-02T19:54:59', tag: 'gsmd', pid: 3553, message: 'Modem is not responding' } },
      { line: 'data: {"__REALTIME_TIMESTAMP":"1733169299123456","SYSLOG_IDENTIFIER":"gsmd","_PID":"3553","MESSAGE":"Modem is not responding"}', expect: { time: '2024-12-02T19:54:59', tag: 'gsmd', pid: 3553, message: 'Modem is not responding' } },
      { line: 'time=2024-12-02T19:54:59.123Z level=WARN msg="modem lost: errno 5 (Input/output error)" app=gsmd port=1-1', expect: { time: '2024-12-02T19:54:59', tag: 'gsmd', level: 'warn', message: 'modem lost: errno 5 (Input/output error)' } },
      { line: 'time="2024-12-02T19:54:59Z" level=info app=kernel msg="Mon Dec  2 19:54:59 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6"', expect: { time: '2024-12-02T19:54:59', uptime: 466.515595, tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 6' } },
    ],
    counterSamples: ['{"status":"ok","items":3}', '{"MESSAGE": "cut short', '{ block of C code', 'status=ok items=3', 'msg="cut short level=info', 'a=1 and some prose'],
  },
  {
    id: 'stripped',
    description: 'Lines whose timestamps were stripped in a paste: `daemon.notice pppd[9626]: ...`, `pppd[9626]: ...`, `kernel: usb 1-1: ...`; and `dmesg -x -t` (`kern  :info  : usb 1-1: ...`, DMESG_DECODED_LEAD)',
    clock: 'none',
    pattern: new RegExp(String.raw`^(?:${FACILITY_LEVEL}:?\s+(?=\S)|(?=${CERTAIN_TAG}))`, 'u'),
    body: 'tagged',
    samples: [
      { line: 'daemon.notice pppd[9626]: Modem hangup', expect: { facility: 'daemon', level: 'notice', tag: 'pppd', pid: 9626, message: 'Modem hangup' } },
      { line: 'pppd[9626]: Connection terminated.', expect: { tag: 'pppd', pid: 9626 } },
      { line: 'ModemManager: [modem0] state changed (locked -> failed)', expect: { tag: 'ModemManager', message: 'state changed (locked -> failed)' } },
      { line: 'kernel: usb 1-1: USB disconnect, device number 2', expect: { tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 2' } },
      { line: 'kern  :err   : usb 1-1: device descriptor read/64, error -71', expect: { tag: 'kernel', facility: 'kern', level: 'err', message: 'usb 1-1: device descriptor read/64, error -71' } },
      { line: 'ModemManager[33505]: <dbg> [1767016030.369046] [wwan0at1/at] --> \'AT+CEREG?<CR><LF>\'', expect: { tag: 'ModemManager', level: 'debug', time: '2025-12-29T13:47:10' } },
    ],
    counterSamples: ['Firmware update verify was unsuccessful... ErrorCode: 174', 'root@rutx11:~# dfota -u', 'Error: something broke'],
  },
];
