// The plain data that flows through the analysis core:
// bytes -> lines -> LogRecord -> LogEvent -> Finding -> Episode.
// Architecture invariant: nothing in server/src/core imports `vscode` or `vscode-languageserver`.
import type { DateOrders } from './formats/dateOrder';
import type { DeviceFacts } from './troubleshoot/deviceFacts';

/** Syslog priorities, most severe first (RFC 5424 section 6.2.1). */
export type Level = 'emerg' | 'alert' | 'crit' | 'err' | 'warn' | 'notice' | 'info' | 'debug';

/** How serious something is for the person reading the log. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Ids of the formats in formats/registry.ts, and the line kinds that are not log records. */
export type FormatId =
  | 'logread' // RutOS/OpenWrt logread: ctime date, facility.priority, optional record id
  | 'luci' // a LuCI / web UI table copy: bracketed localised date, `facility.level:`
  | 'journal-iso' // journalctl -o short-iso
  | 'journal-full' // journalctl -o short-full: `Mon 2024-12-02 19:54:59 CET host tag[pid]: msg`
  | 'journal-unix' // journalctl -o short-unix: `1733169299.123456 host tag[pid]: msg`
  | 'bsd-syslog' // `Mon DD HH:MM:SS host tag[pid]: msg`, journalctl short/short-precise, ctime without year
  | 'dmesg-relative' // dmesg -H / -e after its first stamp: `[  +2.000123] msg`, the time since the line before
  | 'time-only' // `19:54:59 tag: msg`
  | 'rfc5424' // `<PRI>1 2024-...Z host app procid msgid SD msg`
  | 'iso-plain' // `2018-08-28 13:57:01.692 LEVEL msg` (daemontools, app logs)
  | 'journal-monotonic' // journalctl -o short-monotonic
  | 'dmesg' // `[ uptime] message`, optionally after `kernel:` or `<PRI>`
  | 'dmesg-T' // `[Mon Dec  2 19:54:59 2024] message` in any locale
  | 'esp-idf' // `I (1234) tag: msg`
  | 'quectel-cm' // `[04-17_17:20:24:577] msg`
  | 'logcat' // Android's `adb logcat` (threadtime): `12-02 19:54:59.123  1234  1235 E RILJ    : msg`
  | 'logcat-time' // `adb logcat -v time`: `12-02 19:54:59.123 E/RILJ    ( 1234): msg`
  | 'logcat-brief' // `adb logcat -v brief`: `E/RILJ    ( 1234): msg`, no time
  | 'zephyr' // Zephyr RTOS: `[00:00:12.500,123] <inf> lte_lc: msg`, the time since boot
  | 'cisco' // Cisco IOS / ASA console: `000123: *Dec  2 19:54:59.123: %LINK-3-UPDOWN: msg`
  | 'cisco-uptime' // the same stamped with the time since boot: `000123: 00:01:23: %LINK-3-UPDOWN: msg`, `1d02h: %...`
  | 'tool-elapsed' // QFirehose `[000.013]: msg`
  | 'modemmanager' // ModemManager's own console output `<info>  [modem0] ...`
  | 'json-lines' // one JSON object per line: journalctl -o json, Docker, Graylog, Loki, Elastic exports
  | 'table' // a row of a table whose header row named its columns (CSV, tab-separated, bars): read by the names
  | 'at-console' // an AT conversation on a terminal: `AT+CPIN?`, `+CPIN: READY`, `OK`, no clock
  | 'stripped' // timestamps stripped: `daemon.notice pppd[1]: msg`, `pppd[1]: msg`
  | 'lsusb' // `Bus 001 Device 024: ID 05c6:9008`
  | 'section' // troubleshoot `[Dmesg]`, `[Logread]`, `[Logfile messages.1]`
  | 'text'; // anything else: shell output, script output without a timestamp

/** Why a physical line produced no record of its own. */
export type SkipReason = 'blank' | 'elision' | 'continuation' | 'binary' | 'too-long-truncated' | 'mail-header';

export interface LogRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  /** A section's line that is a command typed at a shell's prompt: the command is read as a line too (`modem_updater -i 1-1`). */
  command?: true;
  /** A section's line that is a mail's `Subject:` header: what follows is one mail of several (a log sent in parts). */
  mail?: true;
  /** 1-based physical line where it ends (mail-wrapped records span several). */
  endLine: number;
  format: FormatId;
  /** Wall-clock time as written in the log, in ms, read as if it were UTC (logs carry no zone). */
  time?: number;
  /** Kernel uptime in seconds (`[  466.515595]`). */
  uptime?: number;
  /** Seconds since a tool started (QFirehose `[000.013]:`): orders lines, is not uptime. */
  elapsed?: number;
  /** Fields of the envelopes peeled off the message (netifd's `iface (pid): `, ModemManager's `[modem0]`). */
  envelope?: Record<string, string>;
  facility?: string;
  /** Level as the log states it (syslog priority, or a level word). */
  syslogLevel?: Level;
  /** Level that counts: for gsmd the word inside the text (`warning:`) overrides `daemon.info`. */
  level?: Level;
  tag?: string;
  /** The tag is a container's service (`docker compose logs`, `kubectl logs --prefix`), given to a line that names no program. */
  tagIsService?: true;
  pid?: number;
  host?: string;
  /** logd record id (RutOS >= 7.11 flash log) or a pasted line number. */
  recordId?: number;
  /** Troubleshoot archive section the line sits in (`Dmesg`, `Logread`, `Logfile messages.1`). */
  section?: string;
  message: string;
}

export type Subsystem =
  | 'modem' // gsmd and other modem daemons talking to the modem
  | 'mobifd'
  | 'usb' // kernel USB and usb-serial/usbnet drivers
  | 'network' // netifd, mwan3, ping_reboot
  | 'mobile-events' // RutOS tagless event lines (Mobile data, SIM state)
  | 'system' // boots, reboots, watchdog, clock
  | 'firmware-update'; // dfota, modem_updater, QFirehose, vendor flashers

export interface LogEvent {
  /** Catalogue entry id. */
  id: string;
  line: number;
  endLine: number;
  time?: number;
  uptime?: number;
  /** Boot segment index (0-based) within the file. */
  segment: number;
  /**
   * How far (ms) the lines before it said the clock was stepped (chronyd's `System clock was
   * stepped by`, busybox ntpd's `setting time to ... (offset ...)`), summed: times minus it are on
   * the time base of the log's first lines, so a span across the step is the time that passed.
   */
  clockStepMs?: number;
  section?: string;
  subsystem: Subsystem;
  severity: Severity;
  /** Named captures of the catalogue matcher (usbPath, vidpid, errno, iface, devnum, driver, tty...). */
  fields: Record<string, string>;
  /** File index in a multi-file analysis. */
  file: number;
  /** The number a poster or logd put before the line (`525 Mon Dec 2 ...`), when there was one. */
  recordId?: number;
  /** The record's message (after time, priority and tag), cut to 500 characters. */
  text: string;
  /** The host whose lines these are, in a file of several devices' lines read host by host (core/hostReadings.ts). */
  device?: string;
}

export type FindingCode =
  | 'modem-write-failure'
  | 'modem-read-failure'
  | 'modem-unresponsive'
  | 'modem-duplicate-registration'
  | 'modem-port-missing'
  | 'modem-port-busy'
  | 'modem-silent'
  | 'modem-crash'
  | 'manager-crash'
  | 'usb-disconnect'
  | 'usb-gap'
  | 'usb-reconnect-loop'
  | 'usb-composition-change'
  | 'usb-ports-renumbered'
  | 'usb-enumeration-error'
  | 'modem-edl-mode'
  | 'modem-install-mode'
  | 'fw-update-started'
  | 'fw-update-failed'
  | 'fw-update-stuck'
  | 'sim-error'
  | 'registration-failed'
  | 'radio-off'
  | 'mobile-data-down'
  | 'interface-down'
  | 'data-session-failed'
  | 'reboot'
  | 'unexpected-reboot'
  | 'undervoltage'
  | 'clock-jump'
  | 'input-problem'
  | 'unexplained-modem-error'
  | 'custom-rule';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  file: number;
  line: number;
  endLine: number;
  /** How many events (log lines) the finding groups; 1 for single events. */
  count: number;
  time?: number;
  /** Lines of the grouped events, first ones first; capped so a huge burst stays small. */
  lines: number[];
  /** Catalogue ids of the events it groups. */
  eventIds: string[];
  /** The host whose lines these are, in a file of several devices' lines read host by host (core/hostReadings.ts). */
  device?: string;
  /** The log ends with it still on: a device that left the bus and did not come back. */
  stillOpen?: true;
}

/** A story's id in the story registry (stories/registry.ts): `modem-firmware-update`, `sim-problem`. */
export type EpisodeKind = string;
/** A verdict id from the story's own verdict table (`stuck`, `recovered`, `off-the-bus`). */
export type Verdict = string;

export interface EpisodeStep {
  /** What happened at this point, in plain words. */
  text: string;
  line?: number;
  time?: number;
  /** The poster's (or logd's) number of that line, cited beside the file's line. */
  recordId?: number;
}

export type Confidence = 'high' | 'medium' | 'low';

/**
 * One story the log tells (the registry's word is "story"; the code's older word is "episode").
 * Surfaces show `title` and `verdictLabel` and colour by `severity`: they never name a story.
 */
export interface Episode {
  kind: EpisodeKind;
  /** The story's title: "Modem firmware update", "SIM problem". */
  title: string;
  verdict: Verdict;
  /** The verdict in words: "stuck", "not over in this log". */
  verdictLabel: string;
  /** How bad the verdict is: error for a stuck update, info for a recovered SIM. */
  severity: Severity;
  /** The software stack the advice is written for, in words ("Teltonika RutOS"). */
  host: string;
  /** How sure the verdict is, and why, in one sentence. */
  confidence: Confidence;
  why: string;
  /** What this log cannot tell, each with what to check on the device to find out. */
  unknowns: string[];
  /** One paragraph a person can act on. */
  summary: string;
  file: number;
  startLine: number;
  endLine: number;
  startTime?: number;
  steps: EpisodeStep[];
  /** Lines that prove the story, in order. */
  evidence: number[];
  advice: string[];
  /** Source tags (see catalogue/sources.ts) behind the summary and advice. */
  sources: string[];
  /** The host whose lines tell the story, in a file of several devices' lines read host by host (core/hostReadings.ts). */
  device?: string;
}

/** A problem with the input itself: told to the person, never thrown. */
export interface InputNotice {
  file: number;
  severity: Severity;
  message: string;
  line?: number;
}

export interface FileSummary {
  path: string;
  /**
   * The files of a rotated log read as this one log, oldest first (`syslog.2.gz`, `syslog.1`,
   * `syslog`): each file's path and the lines of the whole that are its own, `firstLine` to
   * `lastLine`. The log's line numbers run on across them; `path` is the newest file's.
   */
  parts?: { path: string; firstLine: number; lastLine: number }[];
  /** Most common format among the parsed lines. */
  format: FormatId | 'empty' | 'binary' | 'unknown';
  lines: number;
  parsedLines: number;
  bytes: number;
  formats: Partial<Record<FormatId, number>>;
  skipped: Partial<Record<SkipReason, number>>;
  firstTime?: number;
  lastTime?: number;
  segments: number;
  /**
   * How much of the file was understood: lines read as log records (or catalogued events) out
   * of the lines that look like content (not blank, not elisions, not wrapped continuations).
   */
  recognised: { records: number; content: number; share: number; firstUnread?: number };
  /** The year given to yearless dates, when the log does not say it (from the file's date, or from a line's Unix time: `yearFromLine`). */
  yearAssumed?: number;
  /** The line whose Unix time (beside its yearless stamp) gave the year of the yearless dates. */
  yearFromLine?: number;
  /** The first line whose date has a year, which gave the year of the yearless dates (those after it in its year, those before it moved to it). */
  yearFromDate?: number;
  /** Lines carry only a time of day: times are shown without a date. */
  timeOnly?: boolean;
  /**
   * The offset from UTC the file's times are shown at (`UTC`, `UTC+02:00`), where its stamps gave
   * one (`...Z`, `+0200`): an export's UTC times are not the router's local ones.
   */
  timeZone?: string;
  /** The lines run newest first (an export sorted so) and were read so: no story is told for the file (a notice says why). */
  newestFirst?: boolean;
  /** The lines run newest first and were read in reverse, oldest first; line numbers are still the file's. */
  readReversed?: boolean;
  /** ModemManager's lines came from the modem-manager snap (Ubuntu Core): its commands are the snap's (stories/hosts.ts). */
  snapModemManager?: boolean;
  /** The modem daemons the file has lines of, by key (`gsmd`, `mobifd`, `modemmanager`), catalogued or not: a stack's own programs (stories/hosts.ts). */
  modemDaemons?: string[];
  /** Lines read as logread's whose stamp is not OpenWrt's ctime (a syslog server's, another device's): they say nothing of OpenWrt (stories/hosts.ts). */
  foreignLogreadStamps?: number;
  /** Numeric dates read otherwise than their separator usually means, as the file's dates say (formats/dateOrder.ts): `{"/": "day-first"}` (`02/12/2024` is 2 December). */
  dateOrders?: DateOrders;
}

export interface Analysis {
  files: FileSummary[];
  events: LogEvent[];
  findings: Finding[];
  /** The stories the logs tell, the one that matters most first. */
  episodes: Episode[];
  /** The software stack the logs come from, in words ("Teltonika RutOS"): the advice is written for it. */
  host?: string;
  /** Each device's stack, where the hosts of a syslog server's file run different ones (core/hostReadings.ts): each story's advice is its device's. */
  hostByDevice?: Record<string, string>;
  /** Each file's stack, where files read together come from different ones (a RutOS router's log beside an OpenWrt one's): each story's advice is its file's. */
  hostByFile?: Record<string, string>;
  notices: InputNotice[];
  /** Device facts from a troubleshoot archive (lsusb, RutOS version, dfota status, modem firmware). */
  facts?: DeviceFacts;
}
