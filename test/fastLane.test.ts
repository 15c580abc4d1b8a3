import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../server/src/core/analyze';
import { CATALOGUE } from '../server/src/core/catalogue/index';
import { FORMATS } from '../server/src/core/formats/registry';
import type { FormatId, LogRecord } from '../server/src/core/model';
import { FAST_READERS, knownBody, newFastRead, TIME_OF_DAY, UNIX_TIME } from '../server/src/core/records/fastReaders';
import { LineParser, stripPasteArtefacts } from '../server/src/core/records/lineParser';
import { TIME_ONLY_BASE, wallTime } from '../server/src/core/records/timeWords';
import { reshape, type Shape as Retelling } from './support/reshape';
import { readJsonLine } from '../server/src/core/formats/jsonLines';

// The fast lane reads the commonest line shapes of big files (past line 2,000) without the full
// parser. It must change nothing but speed: the same analysis, field for field, as the full parser
// on the same text. These are differential tests: every case runs both lanes and compares.

const REF = Date.UTC(2025, 0, 1);
const FIXTURE_REF = Date.UTC(2026, 11, 2);
/**
 * The share of lines the fast lane takes of the real fixtures and their re-tellings, read from
 * their first line: 20.4% at 4c2ccc5, 19.8% since entries that read any program's words of a
 * connection check send its `failed` lines to the full parser (these short logs are troubled ones).
 */
const MIN_SHARE_OF_SHORT_LOGS = 0.18;
const FAST_LANE_AFTER = 2000;
const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const FIXTURES = join(__dirname, 'fixtures', 'real');

// Counting the full parser's calls tells whether the fast lane took lines at all: a differential
// test in which it never engaged would prove nothing.
let parses = 0;
const parseLine = LineParser.prototype.parse;
LineParser.prototype.parse = function (this: LineParser, ...args: Parameters<LineParser['parse']>) {
  parses++;
  return parseLine.apply(this, args);
};

/** Both lanes on the text must agree; returns the share of the lines the fast lane took. */
function both(text: string, referenceTime = REF): number {
  parses = 0;
  const full = analyzeText(text, { referenceTime, fastLane: false });
  const fullParses = parses;
  parses = 0;
  const fast = analyzeText(text, { referenceTime });
  assert.deepEqual(fast, full);
  return fullParses === 0 ? 0 : 1 - parses / fullParses;
}

// ---- Stamps and lines of each format -------------------------------------------------------

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const clock = (d: Date): string => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
const ctime = (t: number): string => { const d = new Date(t); return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${clock(d)} ${d.getUTCFullYear()}`; };
const bsdStamp = (t: number): string => { const d = new Date(t); return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${clock(d)}`; };
const journalStamp = (t: number): string => { const d = new Date(t); return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${clock(d)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}417`; };
const isoDate = (d: Date): string => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
const isoStamp = (t: number, zone = '+0100'): string => { const d = new Date(t); return `${isoDate(d)}T${clock(d)}${zone}`; };
const rfcStamp = (t: number): string => { const d = new Date(t); return `${isoDate(d)}T${clock(d)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}Z`; };
const uptime = (s: number): string => `[${s.toFixed(6).padStart(12)}]`;

/** A message of a program, with its tag (kernel messages have tag `kernel`). */
interface Said { tag: string; pid?: number; message: string }

const NOISE: Said[] = [
  { tag: 'dnsmasq-dhcp', pid: 2170, message: 'DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop' },
  { tag: 'dnsmasq', pid: 2170, message: 'query[A] connectivitycheck.gstatic.com from 192.168.1.150' },
  { tag: 'gsmd', pid: 3553, message: '[__read:10] debug: [CMM] read = 12' },
  { tag: 'mwan3track', pid: 2431, message: 'Check (ping) success for target "8.8.8.8" on interface mob1s1a1 (qmimux0). Current score: 10' },
  { tag: 'netifd', message: 'mob1s1a1_4 (8123): udhcpc: sending renew to 10.64.1.1' },
  { tag: 'kernel', message: 'br-lan: port 2(eth0.1) entered forwarding state' },
  { tag: 'ModemManager', pid: 519, message: '<debug> [modem0] signal quality updated (60)' },
  { tag: 'mobifd', message: 'reading SMS storage, 0 messages' },
  { tag: 'hostapd', message: 'wlan0: STA f0:2f:74:1c:33:8a IEEE 802.11: associated (aid 1)' },
  { tag: 'uhttpd', pid: 1722, message: 'GET /api/system/device/status HTTP/1.1 200' },
];

/** Catalogued lines, as (tag, message), from the catalogue's own samples: the events to sprinkle. */
const EVENTS: Said[] = (() => {
  const out: Said[] = [];
  for (const entry of CATALOGUE) {
    for (const sample of entry.samples) {
      const r = new LineParser({ referenceYear: 2024 }).parse(sample, 1);
      if (typeof r === 'string' || r.format === 'text' || r.tag === undefined || !/^[A-Za-z][\w.-]*$/.test(r.tag)) continue;
      out.push({ tag: r.tag, ...(r.pid !== undefined ? { pid: r.pid } : {}), message: r.message });
    }
  }
  return out;
})();
const KERNEL_EVENTS = EVENTS.filter((e) => e.tag === 'kernel');

type Shape = (t: number, up: number, said: Said) => string;
const tagOf = (s: Said): string => (s.pid !== undefined ? `${s.tag}[${s.pid}]` : s.tag);
const kernelBody = (s: Said, up: number): string => (s.tag === 'kernel' ? `${uptime(up)} ${s.message}` : s.message);

/** One line of each format the fast lane reads, for a message said at wall time t and uptime up. */
const SHAPES: Record<string, Shape> = {
  logread: (t, up, s) => `${ctime(t)} ${s.tag === 'kernel' ? 'kern.info' : 'daemon.info'} ${tagOf(s)}: ${kernelBody(s, up)}`,
  // `logread -t`: seconds since 1970 and milliseconds after the date; now and then two spaces after it, which the fast reader leaves to the parser.
  'logread-t': (t, up, s) => `${ctime(t)} [${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}]${t % 11 === 0 ? '  ' : ' '}${s.tag === 'kernel' ? 'kern.info' : 'daemon.info'} ${tagOf(s)}: ${kernelBody(s, up)}`,
  // RutOS's log file from 7.11 on: a logd record id before the stamp (knowledge 1.3). Ids of 1 to 12
  // digits the fast lane reads; now and then 13 digits, or two spaces after the id, which it leaves to the parser.
  'logread-recordid': (t, up, s) => `${[String(t % 1000), String(t).slice(0, 12), String(t), `${t % 997} `][t % 16 < 14 ? t % 2 : (t % 16) - 12]} ${ctime(t)} ${s.tag === 'kernel' ? 'kern.info' : 'daemon.info'} ${tagOf(s)}: ${kernelBody(s, up)}`,
  // OpenWrt's ModemManager: no tag, a pid, its own level and object (and with --debug its Unix-time stamp).
  'logread-mm': (t, _up, s) => `${ctime(t)} daemon.${['info', 'notice', 'debug'][t % 3]} [2656]: <${['info', 'msg', 'dbg'][t % 3]}> ${t % 3 === 2 ? `[${(t / 1000).toFixed(6)}] ` : ' '}[modem0] ${s.message}`,
  'bsd-host': (t, up, s) => `${bsdStamp(t)} router ${tagOf(s)}: ${kernelBody(s, up)}`,
  // A router's syslog as another host's syslogd writes it: the host, then facility.level.
  'bsd-host-facility': (t, up, s) => `${bsdStamp(t)} router ${s.tag === 'kernel' ? 'kern.info' : 'daemon.notice'} ${tagOf(s)}: ${kernelBody(s, up)}`,
  'bsd-nohost': (t, up, s) => `${bsdStamp(t)} ${tagOf(s)}: ${kernelBody(s, up)}`,
  'bsd-journal': (t, _up, s) => `${journalStamp(t)} mobian ${tagOf(s)}: ${s.message}`,
  'bsd-pri': (t, _up, s) => `<30>${bsdStamp(t)} ${tagOf(s)}: ${s.message}`,
  iso: (t, _up, s) => `${isoStamp(t)} pi ${tagOf(s)}: ${s.message}`,
  'iso-z': (t, _up, s) => `${isoStamp(t, '.123456+01:00')} pi ${tagOf(s)}: ${s.message}`,
  // A syslog template without the host: `kernel: ` and `tag[pid]: ` are read off, a bare `word: ` stays.
  'iso-nohost': (t, up, s) => `${isoStamp(t, '+01:00')} ${tagOf(s)}: ${kernelBody(s, up)}`,
  'iso-nohost-facility': (t, up, s) => `${isoStamp(t, '+01:00')} ${s.tag === 'kernel' ? 'kern.info' : 'daemon.notice'} ${tagOf(s)}: ${kernelBody(s, up)}`,
  // rsyslog's forwarding format: `<PRI>`, an RFC 3339 time, the host.
  'iso-pri': (t, up, s) => `<${s.tag === 'kernel' ? 6 : 30}>${isoStamp(t, '.123456+01:00')} router ${tagOf(s)}: ${kernelBody(s, up)}`,
  // dmesg --time-format iso: a comma before the microseconds, and no host or tag before a kernel message.
  'dmesg-iso': (t, up, s) => `${isoStamp(t, `,${String(Math.round(up * 1e6) % 1e6).padStart(6, '0')}+01:00`)} ${s.tag === 'kernel' ? s.message : `${s.tag}: ${s.message}`}`,
  // journalctl -o short-unix: a Unix time with 6 digits of fraction, now and then 3 or 9.
  'journal-unix': (t, up, s) => `${(t / 1000).toFixed([6, 6, 3, 9][t % 4])} router ${tagOf(s)}: ${kernelBody(s, up)}`,
  // journalctl -o short-full: weekday, date, time, a zone abbreviation or offset; now and then a fraction.
  'journal-full': (t, up, s) => { const d = new Date(t); return `${DAYS[d.getUTCDay()]} ${isoDate(d)} ${clock(d)}${t % 7 === 0 ? `.${String(t % 1000).padStart(3, '0')}` : ''} ${['CET', 'CEST', 'UTC', '+03', '+0530', '-03:00'][t % 6]} router ${tagOf(s)}: ${kernelBody(s, up)}`; },
  rfc5424: (t, up, s) => `<30>1 ${rfcStamp(t)} router ${s.tag} ${s.pid ?? '-'} - - ${kernelBody(s, up)}`,
  dmesg: (_t, up, s) => `${uptime(up)} ${s.tag === 'kernel' ? s.message : `${s.tag}: ${s.message}`}`,
  'dmesg-r': (_t, up, s) => `<6>${uptime(up)} ${s.tag === 'kernel' ? s.message : `${s.tag}: ${s.message}`}`,
  'dmesg-kernel': (_t, up, s) => `kernel: ${uptime(up)} ${s.tag === 'kernel' ? s.message : `${s.tag}: ${s.message}`}`,
  'dmesg-T': (t, _up, s) => `[${ctime(t)}] ${s.tag === 'kernel' ? s.message : `${s.tag}: ${s.message}`}`,
  // dmesg -H after its first stamp: the time since the line before, no clock of its own.
  'dmesg-relative': (t, _up, s) => `[  +${((t % 100000) / 1000).toFixed(6)}] ${s.tag === 'kernel' ? s.message : `${s.tag}: ${s.message}`}`,
  'time-only': (t, up, s) => `${clock(new Date(t))} ${tagOf(s)}: ${kernelBody(s, up)}`,
  // An application's template with a time of day and its program in brackets.
  'time-only-brk': (t, up, s) => `${clock(new Date(t))} [${s.tag}] ${kernelBody(s, up)}`,
  'time-only-ms': (t, _up, s) => `[${clock(new Date(t))}.${String(t % 1000).padStart(3, '0')}] ${tagOf(s)}: ${s.message}`,
  // An application's own log (Python logging, multilog): a level word, then where it was said.
  'iso-plain': (t, _up, s) => { const d = new Date(t); return `${isoDate(d)} ${clock(d)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}417 ${['INFO', 'ERROR   ', 'WARNING:', 'DEBUG'][t % 4]} modem.py:${t % 300} ${s.message}`; },
  'journal-mono': (_t, up, s) => `${uptime(up)} raspberrypi ${s.tag === 'kernel' ? 'kernel' : `${s.tag}[${s.pid ?? 4242}]`}: ${s.message}`,
  // ModemManager's debug stamp (Unix time) inside a journal line that has only the uptime.
  'journal-mono-mm': (t, up, s) => `${uptime(up)} raspberrypi ModemManager[519]: <debug> [${(t / 1000).toFixed(6)}] [modem0] ${s.message}`,
  // A copy of LuCI's log table, in a German and an American browser.
  luci: (t, up, s) => { const d = new Date(t); return `[${p2(d.getUTCDate())}.${p2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}, ${clock(d)} MEZ] ${s.tag === 'kernel' ? 'kern.info' : 'daemon.info'}: ${tagOf(s)}: ${kernelBody(s, up)}`; },
  'luci-us': (t, _up, s) => { const d = new Date(t); const h = d.getUTCHours(); return `[${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}, ${(h % 12) || 12}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}] daemon.notice: ${tagOf(s)}: ${s.message}`; },
  'tool-elapsed': (_t, up, s) => `[${up.toFixed(3).padStart(7, '0')}]: ${s.message}`,
  'esp-idf': (t, up, s) => `${'EWIDV'[t % 5]} (${Math.round(up * 1000)}) ${s.tag === 'kernel' ? 'USBH_CDC' : s.tag}: ${s.message}`,
  // journalctl -o json: journald's fields, the kernel's uptime in microseconds on its own lines.
  'journal-json': (t, up, s) => JSON.stringify({ __REALTIME_TIMESTAMP: String(t * 1000 + 417), _HOSTNAME: 'router', PRIORITY: String(t % 8), SYSLOG_FACILITY: s.tag === 'kernel' ? '0' : '3', SYSLOG_IDENTIFIER: s.tag, ...(s.pid !== undefined ? { _PID: String(s.pid) } : {}), ...(s.tag === 'kernel' ? { _SOURCE_MONOTONIC_TIMESTAMP: String(Math.round(up * 1e6)) } : {}), MESSAGE: s.message }),
  // Docker's json-file: a logread line in `log`, with its newline, and the time it was written.
  'docker-json': (t, up, s) => JSON.stringify({ log: `${SHAPES.logread(t, up, s)}\n`, stream: 'stdout', time: new Date(t).toISOString() }),
  // A capture tool's stamp before a whole line of the log (tio's time of day; docker logs -t's ISO time): read as the line after it.
  'capture-tio': (t, up, s) => `[${clock(new Date(t))}.${String(t % 1000).padStart(3, '0')}] ${SHAPES.logread(t, up, s)}`,
  // A level word before the line (log4j's `%-5p %d`, `[ERROR] `): the parser's (LineParser.readLevelFirst).
  'level-first': (t, up, s) => `${['[ERROR]', 'WARN', '[INFO]'][t % 3]} ${SHAPES.logread(t, up, s)}`,
  // A JSON array of the log's lines printed one a line: each a quoted string (stripPasteArtefacts).
  'json-string-lines': (t, up, s) => `  ${JSON.stringify(SHAPES.logread(t, up, s))},`,
  // Loki's logcli: the time and the stream's labels before a whole line.
  'capture-loki': (t, up, s) => `${isoStamp(t, 'Z')} {host="router", job="syslog", unit="gsmd.service"} ${SHAPES['bsd-host'](t, up, s)}`,
  // Graylog's GELF: the program and pid as additional (`_`) fields, the time in seconds.
  gelf: (t, up, s) => JSON.stringify({ version: '1.1', host: 'router', short_message: s.tag === 'kernel' ? `${uptime(up)} ${s.message}` : s.message, timestamp: t / 1000, level: t % 8, _program: s.tag, ...(s.pid !== undefined ? { _pid: s.pid } : {}) }),
  'capture-iso': (t, up, s) => `${isoStamp(t, '.123456789Z')} ${SHAPES['bsd-host'](t, up, s)}`,
  // A kernel console captured so: the printk stamp stays the capture's envelope.
  'capture-console': (t, up, s) => `[${clock(new Date(t))}.${String(t % 1000).padStart(3, '0')}] ${SHAPES.dmesg(t, up, s)}`,
  // Android's adb logcat (threadtime): the pid and a thread, a level letter, the tag padded to 8.
  'logcat': (t, _up, s) => { const d = new Date(t); return `${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${clock(d)}.${String(d.getUTCMilliseconds()).padStart(3, '0')} ${String(s.pid ?? 1234).padStart(5)} ${String((s.pid ?? 1234) + (t % 7)).padStart(5)} ${'VDIWEFA'[t % 7]} ${s.tag.padEnd(8)}: ${s.message}`; },
  // adb logcat -v threadtime,year and -v time,year: the year before the month.
  'logcat-year': (t, _up, s) => { const d = new Date(t); return `${d.getUTCFullYear()}-${SHAPES.logcat(t, _up, s)}`; },
  'logcat-time-year': (t, _up, s) => { const d = new Date(t); return `${d.getUTCFullYear()}-${SHAPES['logcat-time'](t, _up, s)}`; },
  // adb logcat -v time, and -v brief (no time): the level letter, `/`, the tag padded, the pid in parentheses.
  'logcat-time': (t, _up, s) => { const d = new Date(t); return `${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${clock(d)}.${String(d.getUTCMilliseconds()).padStart(3, '0')} ${'VDIWEFA'[t % 7]}/${s.tag.padEnd(8)}(${String(s.pid ?? 1234).padStart(5)}): ${s.message}`; },
  'logcat-brief': (t, _up, s) => `${'VDIWEFA'[t % 7]}/${s.tag.padEnd(8)}(${String(s.pid ?? 1234).padStart(5)}): ${s.message}`,
  // Zephyr's log: the hours since boot, a level now and then left out, the module (the kernel's lines as a module's).
  zephyr: (t, up, s) => { const us = Math.round(up * 1e6); const sec = Math.floor(us / 1e6); return `[${p2(Math.floor(sec / 3600))}:${p2(Math.floor(sec / 60) % 60)}:${p2(sec % 60)}.${String(Math.floor(us / 1000) % 1000).padStart(3, '0')},${String(us % 1000).padStart(3, '0')}] ${t % 5 === 0 ? '' : `<${['err', 'wrn', 'inf', 'dbg'][t % 4]}> `}${s.tag === 'kernel' ? 'usb_host' : s.tag}: ${s.message}`; },
  // journalctl -o short-delta: the uptime and the time since the entry before.
  'journal-delta': (_t, up, s) => `[${up.toFixed(6).padStart(12)} <${(up % 7).toFixed(6).padStart(12)}>] raspberrypi ${s.tag === 'kernel' ? 'kernel' : `${s.tag}[${s.pid ?? 4242}]`}: ${s.message}`,
  // journalctl -o with-unit: the unit where the program would be (the kernel keeps its name).
  'journal-with-unit': (t, up, s) => SHAPES['journal-full'](t, up, s.tag === 'kernel' ? s : { ...s, tag: `${s.tag}.service` }),
  // journalctl -o json-seq (a record separator before each object) and -o json-sse (`data: `).
  'journal-json-seq': (t, up, s) => `\u001e${SHAPES['journal-json'](t, up, s)}`,
  'journal-json-sse': (t, up, s) => `data: ${SHAPES['journal-json'](t, up, s)}`,
  'quectel-cm': (t, _up, s) => { const d = new Date(t); return `[${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}_${clock(d)}:${String(d.getUTCMilliseconds()).padStart(3, '0')}] ${s.message}`; },
  // ModemManager --debug on a console: a Unix-time stamp, seconds since start, or none.
  'mm-debug': (t, up, s) => `<${['dbg', 'info', 'warn', 'debug'][t % 4]}>  ${t % 3 === 2 ? '' : `[${t % 3 === 0 ? (t / 1000).toFixed(6) : up.toFixed(6)}] `}[modem0] ${s.message}`,
  // Syslog lines whose stamps a paste lost, with a pid (certain) and without (wrapped text after a timed line).
  stripped: (_t, _up, s) => `${tagOf({ ...s, pid: s.pid ?? 77 })}: ${s.message}`,
  'stripped-facility': (t, up, s) => `${['daemon.notice', 'kern.info', 'user.err'][t % 3]} ${tagOf(s)}: ${kernelBody(s, up)}`,
  'stripped-nopid': (_t, _up, s) => `${s.tag}: ${s.message}`,
  // A Cisco console (`show logging`): a sequence number now and then, `*` or `.` or neither, a year
  // and milliseconds now and then, a zone now and then; the program as the facility, severity 0-7.
  cisco: (t, _up, s) => {
    const d = new Date(t);
    const day = String(d.getUTCDate()).padStart(2, t % 2 ? ' ' : '0');
    return `${t % 3 ? `${String(t % 100000).padStart(6, '0')}: ` : ''}${['*', '.', ''][t % 3]}${MONTHS[d.getUTCMonth()]} ${day}${t % 4 === 0 ? ` ${d.getUTCFullYear()}` : ''} ${clock(d)}${t % 5 ? `.${String(t % 1000).padStart(3, '0')}` : ''}${t % 7 === 0 ? ' UTC' : ''}: %${s.tag.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}-${t % 8}-${t % 6 ? 'UPDOWN' : 'MODEM_DOWN'}: ${s.message}`;
  },
  // `service timestamps log uptime`: hh:mm:ss under a day (milliseconds now and then), 1d02h past it.
  'cisco-uptime': (t, up, s) => {
    const sec = Math.floor(up) % 86400;
    const stamp = up < 86400 ? `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor(sec / 60) % 60).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}${t % 3 ? `.${String(Math.round(up * 1000) % 1000).padStart(3, '0')}` : ''}` : `${Math.floor(up / 86400)}d${String(Math.floor(sec / 3600)).padStart(2, '0')}h`;
    return `${t % 2 ? `${String(t % 100000).padStart(6, '0')}: ` : ''}${stamp}: %${s.tag.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}-${t % 8}-UPDOWN: ${s.message}`;
  },
  // The same relayed by a syslog server: its own header, then Cisco's number (read as the tag) and stamp.
  'cisco-relayed': (t, up, s) => `${bsdStamp(t)} 192.0.2.1 ${t % 100000}: ${SHAPES.cisco(t + 3, up, s).replace(/^\d+: /, '')}`,
};

/** The registry format each shape is (what the fixture filler is chosen by). */
const SHAPE_OF_FORMAT: Partial<Record<FormatId, string>> = { logread: 'logread', 'bsd-syslog': 'bsd-host', 'journal-iso': 'iso', 'journal-full': 'journal-full', 'journal-unix': 'journal-unix', rfc5424: 'rfc5424', dmesg: 'dmesg', 'dmesg-T': 'dmesg-T', 'dmesg-relative': 'dmesg-relative', 'journal-monotonic': 'journal-mono', 'time-only': 'time-only', 'iso-plain': 'iso-plain', luci: 'luci', 'tool-elapsed': 'tool-elapsed', 'esp-idf': 'esp-idf', 'quectel-cm': 'quectel-cm', logcat: 'logcat', 'logcat-time': 'logcat-time', 'logcat-brief': 'logcat-brief', zephyr: 'zephyr', cisco: 'cisco', 'cisco-uptime': 'cisco-uptime', modemmanager: 'mm-debug', stripped: 'stripped', 'json-lines': 'journal-json' };

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

/**
 * A log of n lines of the shape, from wall time `from`: ordinary chatter with catalogued events
 * every `eventEvery` lines, a reboot (uptime back to 0) and a clock stepping back in the middle.
 */
function generate(shape: string, n: number, from = Date.UTC(2024, 10, 1, 8), seed = 1, eventEvery = 37): string[] {
  const rnd = rng(seed);
  const make = SHAPES[shape];
  const kernelOnly = shape.startsWith('dmesg');
  const events = kernelOnly ? KERNEL_EVENTS : EVENTS;
  const noise = kernelOnly ? NOISE.filter((s) => s.tag === 'kernel') : NOISE;
  const out: string[] = [];
  let t = from;
  let up = 100;
  for (let i = 0; i < n; i++) {
    const step = Math.floor(rnd() * 9000);
    t += step;
    up += step / 1000;
    if (i === Math.floor(n / 2)) up = 1.5; // a reboot
    if (i === Math.floor((2 * n) / 3)) t -= 3600_000; // the clock set back an hour
    const said = i % eventEvery === eventEvery - 1 ? events[Math.floor(rnd() * events.length)] : noise[Math.floor(rnd() * noise.length)];
    out.push(make(t, up, said));
  }
  return out;
}

// ---- Tests ---------------------------------------------------------------------------------

describe('fast readers agree with the full parser line by line', () => {
  const lines = new Set<string>();
  for (const f of FORMATS) {
    for (const s of f.samples) lines.add(s.line);
    for (const c of f.counterSamples ?? []) lines.add(c);
  }
  for (const e of CATALOGUE) for (const s of e.samples) lines.add(s);
  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.log'))) for (const l of readFileSync(join(FIXTURES, name), 'utf8').split(/\r?\n/)) lines.add(l);
  for (const shape of Object.keys(SHAPES)) for (const l of generate(shape, 300, Date.UTC(2024, 11, 30), 7, 3)) lines.add(l);
  for (const l of TRICKY_LINES()) lines.add(l);

  it('reads the format, time, uptime, tag, host and message start the parser reads, for every line it takes', () => {
    const out = newFastRead();
    const taken = new Map<FormatId, number>();
    for (const line of lines) {
      for (const reader of Object.values(FAST_READERS)) {
        if (!reader!.read(line, 0, line.length, out)) continue;
        const r = new LineParser({ referenceYear: 2024 }).parse(line, 1) as LogRecord;
        assert.equal(typeof r, 'object', line);
        assert.equal(r.format, reader!.format, `format of: ${line}`);
        assert.equal(out.format, reader!.format, line);
        // A time of day alone is counted from day 0 of the file, as a fresh parser reads a first line.
        const time = out.month === TIME_OF_DAY ? TIME_ONLY_BASE + ((out.hour * 60 + out.minute) * 60 + out.second) * 1000 + out.ms : out.month === UNIX_TIME ? out.unixMs : out.month < 0 ? undefined : wallTime(out.year >= 0 ? out.year : 2024, out.month, out.day, out.hour, out.minute, out.second, out.ms);
        assert.equal(time, r.time, `time of: ${line}`);
        assert.equal(out.uptime >= 0 ? out.uptime : undefined, r.uptime, `uptime of: ${line}`);
        // Any clock keeps the record open for wrapped text; an elapsed one is read where it is the only clock.
        assert.equal(time !== undefined || out.uptime >= 0 || out.elapsed >= 0, r.time !== undefined || r.uptime !== undefined || r.elapsed !== undefined, `a clock or none: ${line}`);
        if (time === undefined && out.uptime < 0) assert.equal(out.elapsed >= 0 ? out.elapsed : undefined, r.elapsed, `elapsed of: ${line}`);
        // A read that names its conditions: without a pid, a stripped line is the parser's wrapped text after a timed one; so is an AT conversation's line.
        assert.equal(out.onlyAfterClosed, (r.format === 'stripped' && r.pid === undefined) || r.format === 'at-console', `only after a closed record: ${line}`);
        assert.equal(out.tag || undefined, r.tag, `tag of: ${line}`);
        assert.equal(out.host || undefined, r.host, `host of: ${line}`);
        assert.equal(out.recordId >= 0 ? out.recordId : undefined, r.recordId, `record id of: ${line}`);
        // A JSON line's message is one of its values, screened decoded (its envelopes not yet peeled).
        // Not read as a line of its own: the pid, if any, is the JSON's.
        if (r.format === 'json-lines') assert.ok(out.decoded.endsWith(r.message) && r.pid === readJsonLine(stripPasteArtefacts(line))!.pid, `message of: ${line}`);
        else assert.ok(line.slice(out.messageStart).endsWith(r.message), `message of: ${line}`);
        taken.set(r.format, (taken.get(r.format) ?? 0) + 1);
      }
    }
    for (const id of Object.keys(FAST_READERS) as FormatId[]) assert.ok((taken.get(id) ?? 0) > 10, `the ${id} reader takes lines (${taken.get(id) ?? 0})`);
  });

  it('every format of the registry has a fast reader (a new format gets one, or big logs of it take the full parser)', () => {
    assert.deepEqual(FORMATS.map((f) => f.id).filter((id) => !FAST_READERS[id]), []);
  });

  it('reads a line inside a longer text (a decoded piece of a file) as it reads the line alone, its cut-short starts too', () => {
    // The collector reads lines where they lie in a piece of the file: the text goes on past the
    // line's end, with a `\n` and the next line, which no reader may take for the line's own.
    // Messages that open with brackets and envelopes, whose ends the readers look for.
    const bracketed = ['[  12.345678] [modem0] usb 1-1: new high-speed USB device', '[ 1234.567890] host ModemManager[519]: <info>  [1767016030.370510] [modem0] state changed', 'Mon Dec  2 19:54:59 2024 kern.info kernel: [  466.515595] [gsm] option 1-1:1.0: GSM modem', '[005.415]: [sahara] read 48 bytes', '<info>  [1731197451.000000] [modem0] simple connect started'];
    const all = [...lines, ...bracketed].filter((l) => !/[\0\u001b\n\r]/.test(l));
    const alone = newFastRead();
    const inside = newFastRead();
    let spans = 0;
    for (let k = 0; k < all.length; k++) {
      const line = all[k];
      // Its cut-short starts (what a line could be) with what follows that spot in the whole line
      // after the `\n`, and whole lines followed by another line, a copy of themselves, or nothing.
      // Cut where a reader looks for an end: after each bracket, colon and space of the header.
      const cuts = new Set([line.length, 3, 10, 19, 24, 25, 31, 32, 40].filter((n) => n <= line.length));
      for (let i = 0; i < Math.min(line.length, 100); i++) if ('[]<>: '.includes(line[i])) cuts.add(i + 1);
      // And anywhere: inside a bracket, a word, a number.
      for (let j = 1; j <= 4; j++) cuts.add((k * 31 + j * 17) % Math.min(line.length + 1, 100));
      for (const n of cuts) {
        const own = line.slice(0, n);
        const before = all[(k * 7 + n) % all.length];
        for (const after of [line.slice(n), all[(k + 1) % all.length], own, '']) {
          const text = `${before}\n${own}\n${after}`;
          const start = before.length + 1;
          for (const reader of Object.values(FAST_READERS)) {
            const a = reader!.read(own, 0, own.length, alone);
            const b = reader!.read(text, start, start + own.length, inside);
            assert.equal(b, a, `${reader!.format} takes ${JSON.stringify(own)} alone: ${a}; inside a text: ${b}`);
            if (!a) continue;
            spans++;
            // Positions are in the text read: moved back by where the line starts in it.
            const back = (i: number): number => (i < 0 ? i : i - start);
            const moved = { ...inside, messageStart: inside.messageStart - start, bodyStart: back(inside.bodyStart), restStart: back(inside.restStart), facilityAt: back(inside.facilityAt), facilityEnd: back(inside.facilityEnd), pidAt: back(inside.pidAt) };
            assert.deepEqual(moved, { ...alone }, `${reader!.format} of ${JSON.stringify(own)} inside a text`);
          }
        }
      }
    }
    assert.ok(spans > 10_000, `lines read both ways: ${spans}`);
  });

  it('where a reader says the header ends (and what the body holds), the parser builds the same record without running the format\'s pattern (and body reader)', () => {
    const out = newFastRead();
    let told = 0;
    let bodies = 0;
    // Bodies of each shape: without `facility.level`, with a host, with and without a pid.
    const shapes = ['gsmd[3553]: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5', 'netifd: Interface \'wan\' is now down', 'router gsmd[3553]: Removing modem', 'router netifd: Interface \'wan\' is now up', 'kern.warn kernel: [  12.5] usb 1-1: USB disconnect, device number 3', 'user.notice Mobile data connected', 'daemon.err pppd[12]: Connection terminated'];
    for (const line of [...lines, ...shapes.map((b) => `Mon Dec  2 19:54:59 2024 ${b}`)]) {
      for (const reader of Object.values(FAST_READERS)) {
        if (!reader!.read(line, 0, line.length, out) || out.bodyStart < 0) continue;
        told++;
        const full = new LineParser({ referenceYear: 2024 }).parse(line, 1) as LogRecord;
        // As the collector tells it (knownShape): with the record id read before the stamp, if any.
        const id = out.recordId >= 0 ? { recordId: out.recordId } : {};
        const known = new LineParser({ referenceYear: 2024 }).parse(line, 1, { format: out.format, time: full.time, bodyStart: out.bodyStart, ...id });
        assert.deepEqual(known, full, line);
        if (out.restStart < 0) continue;
        // And the body as the reader read it: host, facility.level, tag, pid and where the message starts.
        const body = knownBody(line, out, 0);
        const both = new LineParser({ referenceYear: 2024 }).parse(line, 1, { format: out.format, time: full.time, bodyStart: out.bodyStart, body, ...id });
        assert.deepEqual(both, full, `body of: ${line}`);
        assert.equal(JSON.stringify(both), JSON.stringify(full), `fields in the parser's order: ${line}`);
        bodies++;
      }
    }
    assert.ok(told > 300, `lines whose header end a reader told: ${told}`);
    assert.ok(bodies > 300, `lines whose body a reader told: ${bodies}`);
  });

  it('takes the shapes of real logs it was written for (a line left to the full parser is read 3-5 times slower)', () => {
    const out = newFastRead();
    const expected: [string, FormatId][] = [
      ['2024-11-01T08:00:01,123456+01:00 usb 1-1: USB disconnect, device number 6', 'iso-plain'],
      ['2024-11-01T08:00:05,000000+01:00 dnsmasq: query[A] connectivitycheck.gstatic.com from 192.168.1.104', 'iso-plain'],
      ['2024-12-02 19:54:59,123 - modem - INFO - Modem connected', 'iso-plain'],
      // An application's program in brackets after its level (log4j's `[%t]`).
      ['2026-01-12 09:00:00,019 WARN  [scheduling-1] c.e.gw.sync.CloudSync - upload took 2423 ms', 'iso-plain'],
      ['2024-12-02 19:54:59 [gsmd] Modem is not responding', 'iso-plain'],
      // A thread's name with a space, which the parser leaves in the message (15% of a log4j log's lines).
      ['2026-01-12 09:00:00,632 DEBUG [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool - Pool stats (total=10, active=3)', 'iso-plain'],
      ['Sun Feb  9 12:31:48 2025 daemon.info [2656]: <inf> [modem0] processing user request', 'logread'],
      ['Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <dbg> [1719412719.493984] [modem0] register state update:', 'logread'],
      ['Sun Jan 19 22:50:04 2025 user.notice pbr [32307]: Reloading routing', 'logread'],
      ['May 13 15:11:13 wrt350n daemon.notice pppd[4396]: pppd 2.4.4 started by root, uid 0', 'bsd-syslog'],
      ['Dec  2 19:54:59,250 router gsmd[1]: a comma in a BSD stamp', 'bsd-syslog'],
    ];
    for (const [line, format] of expected) {
      const reader = Object.values(FAST_READERS).find((r) => r!.read(line, 0, line.length, out));
      assert.equal(reader?.format, format, line);
    }
  });

  it('leaves every line it is unsure of to the full parser', () => {
    const out = newFastRead();
    for (const line of TRICKY_LINES()) {
      if (!line.includes('#refused')) continue;
      for (const reader of Object.values(FAST_READERS)) assert.equal(reader!.read(line, 0, line.length, out), false, line);
    }
  });
});

/** Lines close to a fast shape; those marked `#refused` must go to the full parser. */
function TRICKY_LINES(): string[] {
  return [
    'Mon Dec  2 19:54:59 2024 daemon.info gsmd[abc]: bad pid #refused',
    // The date of the line before, then another year or a clock off the dial after it (readCtime keeps the last date read).
    'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: same date',
    'Mon Dec  2 19:55:00 2019 daemon.info gsmd[3553]: same date, another year',
    'Mon Dec  2 25:55:00 2019 daemon.info gsmd[3553]: same date, no such hour #refused',
    'Mon Dec  2 19:55:01 2O19 daemon.info gsmd[3553]: same date, a letter in the year #refused',
    'Mon Dec  2 19:55:02 2019 daemon.info gsmd[3553]: same date again',
    // A Cisco-like stamp whose month word is no month's in any locale: the cisco-message envelope takes it all the same.
    'Mon Dec  2 19:54:59 2024 kern.info Xyz  2 19:54:59: %LINK-3-UPDOWN: Interface Cellular0/2/0 #refused',
    // Stamps whose end only the grammar finds: a zone after a space, a colon before the milliseconds.
    '2024-12-02 19:54:59.123 +0100 kernel: usb 1-1: USB disconnect, device number 6 #refused',
    '2024-12-02 19:54:59:123 usb 1-1: USB disconnect, device number 6 #refused',
    '[2024-12-02 19:54:59:123] gsmd[3553]: Modem is not responding #refused',
    '19:54:59:123 gsmd[3553]: Modem is not responding #refused',
    // A host and a program after an application's level word: the parser reads them.
    '2024-12-30 00:03:08.664417 INFO modem.py:264 ModemManager[1880]: unhandled exception #refused',
    '2024-12-30 00:03:08.664417 INFO router gsmd: Modem is not responding #refused',
    '{"MESSAGE":"Dec  2 19:54:59 router gsmd[1]: a syslog line inside #refused","SYSLOG_IDENTIFIER":"gsmd"}',
    '{"MESSAGE":"<info>  [1767016030.370510] [modem0] a clock inside #refused","SYSLOG_IDENTIFIER":"ModemManager"}',
    '{"MESSAGE":"gsmd: a program it names #refused","SYSLOG_IDENTIFIER":"gsmd"}',
    '{"MESSAGE":"[2656]: a pid without a program #refused","SYSLOG_IDENTIFIER":"ModemManager"}',
    '{"MESSAGE":"kernel: [   12.5] a program it names with a stamp #refused"}',
    '{"MESSAGE":"wwan0: renamed from usb0, a device for a program","SYSLOG_IDENTIFIER":"kernel"}',
    // A message whose first column before a semicolon or a comma is a stamp: the parser reads it as a CSV row (fuzzer).
    '{"MESSAGE":"Sat Aug 20 22:23;39 a CSV row inside #refused","SYSLOG_IDENTIFIER":"ModemManager"}',
    '{"MESSAGE":"2024-12-02 19:54:59,router,gsmd,a CSV row inside #refused","SYSLOG_IDENTIFIER":"gsmd"}',
    // journalctl -o json-sse's `data: ` and -o json-seq's separator, and a stripped line's tag that is no SSE field.
    'data: {"MESSAGE":"an event stream\'s record","SYSLOG_IDENTIFIER":"gsmd"}',
    '\u001e{"MESSAGE":"a JSON text sequence\'s record","SYSLOG_IDENTIFIER":"gsmd"}',
    'data[12]: {"a":1} a program called data',
    // Loki's labels before a whole line: the parser reads the line; before text, the line is the stamp's.
    '2024-12-02T19:54:59Z {host="router", job="syslog"} Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: a whole line #refused',
    '2024-12-02T19:54:59Z {host="router"} a line of text',
    '2024-12-02T19:54:59Z {host="rou\\"ter", a="b"} Dec  2 19:54:59 router gsmd[3553]: an escaped quote #refused',
    // Logcat's pid is padded to five: `(5)` is no pid of its.
    'I/O error (5): a sentence, not logcat #refused',
    // A unit where the program stands (journalctl -o with-unit) and a templated one.
    'Mon 2024-12-02 19:54:59 UTC router ModemManager.service[519]: <info>  [modem0] state changed',
    'Dec  2 19:54:59 router qmi-network@wwan0.service[812]: Starting network',
    // Zephyr past a day, without a level, and a module too long to be one.
    '[27:46:40.001,000] modem_cellular: Modem did not respond',
    `[00:00:12.500,123] <inf> ${'m'.repeat(70)}: no module`,
    '[00:61:12.500,123] <inf> lte_lc: no such minute #refused',
    // A level word, then facility.level and a program, which iso-plain's body reads off.
    '2024-12-02 19:54:59 INFO kern.info kernel: a level word before them #refused',
    // A year whose last digit is not one, which a place-value sum read as 2010 (fuzzer).
    '301< 08-28 13:58:46.278459500 INFO a year that is not one #refused',
    '301<-08-28 13:58:46.278459500 INFO a year that is not one #refused',
    'Mon Dec  2 19:54:59 301< daemon.info gsmd[1]: a year that is not one #refused',
    // A wide character whose bits, packed with its neighbours', spelled an English name (fuzzer).
    'Th\u0875 Dec 22 16:18:48 2016 kern.info kernel: [  192.065497] usb 1-1: a weekday that is not one #refused',
    '[Mon D\u0865c  2 19:54:59 2024] usb 1-1: a month that is not one #refused',
    'Mon 2024-12-02 19:54:59 router kernel: short-full without a zone #refused',
    'Mon 2024-12-02 19:54:59 CETXYZ router kernel: a zone of six capitals #refused',
    'Mon 2024-12-02 19:54:59 +031 router kernel: an offset of three digits #refused',
    'Mon 2024-12-02T19:54:59 CET router kernel: a T #refused',
    'Mon 2024-12-02 19:54:59  CET router kernel: two spaces before the zone #refused',
    'Mon 2024-12-02 19:54:59.1234567890 CET router kernel: ten digits of fraction #refused',
    'Mon 2024-12-02 19:54:59.123456789 UTC router kernel: nine digits of fraction',
    '999999999.123456 router kernel: a Unix time before 2001 #refused',
    '17331692990.1234567890 router kernel: ten digits of fraction #refused',
    '1733169299 router kernel: no fraction #refused',
    '1733169299.123456  router kernel: two spaces #refused',
    '173316929912.5 router kernel: twelve digits #refused',
    'Mon Dec  2 19:54:59 2024 daemon.info foo(bar): x #refused',
    'Xyz Dec  2 19:54:59 2024 daemon.info gsmd[1]: weekday #refused',
    'Mon Dec  2 19:54:59 2024 foo.bar netifd: not a facility, a host',
    'Mon Dec  2 19:54:59 2024 daemon.info  netifd: two spaces #refused',
    'Mon Dec  2 19:54:59 2024 daemon.info pbr [32307]: spaced pid, which TAG reads',
    'Mon Dec  2 19:54:59 2024 daemon.info [1560]: empty tag and a pid, which TAG reads',
    'Mon Dec  2 19:54:59 2024 kern.info kernel: [  12] no fraction #refused',
    'Mon Dec  2 19:54:59 2024 kern.info kernel: <6>[  12.5] printk first #refused',
    'Mon Dec  2 19:54:59 2024 kern.info Kernel: [  12.5] capital #refused',
    'Mon Dec  2 19:54:59 2024 kern.info [  12.5] untagged stamp',
    'Mon Dec  2 19:54:59 2024 daemon.info: gsmd[1]: colon after level',
    'Mon Dec  2 19:54:59 2024 kern.info Mobile data connected (internal modem)',
    'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: #refused trailing backtick`',
    'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: nul\0inside #refused',
    'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: \u001b[31mcolour #refused',
    'Feb 30 10:00:00 router netifd: not on the calendar #refused',
    'Dec  2 09:54:59 am netifd: host am #refused',
    'Dec  2 19:54:59 2024 netifd: a year, not a host',
    'Dec  2 19:54:59 router local2.info chat[1]: host and facility',
    'Dec  2 19:54:59 router [2656]: empty tag after host',
    'Dec  2 19:54:59 router  netifd: two spaces',
    'Dec  2 19:54:59 daemon.info: x',
    'Dec  2 19:54:59 fe80::1 netifd: colon host #refused',
    'Dec  2 19:54:59.1234567890 router netifd: ten digits #refused',
    'Dec  2 19:54:59 router kernel: [ 1234.5] usb 1-1: kernel line',
    'Dec  2 19:54:59 router kernel: <3>printk #refused',
    'Dec 2 19:54:59 router netifd: one-digit day',
    '<13>Dec  2 19:54:59 router netifd: pri',
    'Tue Sep 22 01:49:40 ModemManager: weekday without year',
    '2024-12-02T19:54:59+00:00 router netifd[12]: iso',
    '2024-12-02 19:54:59 router netifd[12]: iso with a space',
    '2024-12-02T19:54:59+00:00 netifd: no host',
    '2024-12-02T19:54:59+00:00 daemon.info netifd: facility as host #refused',
    '2024-12-02T19:54:59.123456789012+00:00 router netifd: long fraction #refused',
    '2024-13-02T19:54:59+00:00 router netifd: month 13 #refused',
    '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application"] An application event',
    '<165>1 2003-10-11T22:14:15.003Z - - - - - no host nor app',
    '<30>1 2024-12-02T19:54:59.000Z router kernel - - - [  12.500000] usb 1-1: USB disconnect, device number 2',
    '<30>1 2024-12-02T19:54:59.000Z router netifd 1234 - [a="\\]"][b] escaped',
    '<30>1 2024-12-02T19:54:59.000+0100 router netifd 1234 - - zone without colon #refused',
    '<30>1 2024-12-02T19:54:59.000Z router netifd 1234 - -x glued #refused',
    '[  123.456789] usb 1-1: USB disconnect, device number 5',
    '[  123.456789]usb glued',
    '[  123.456789]',
    '[005.415]: tool elapsed',
    '[ 1234.567890] raspberrypi ModemManager[519]: <info> journal-monotonic, read by its own reader',
    '[ 1234.567890] raspberrypi  kernel: journal-monotonic, two spaces before the tag',
    '[ 1234.567890] usb 1-1: [ 12.0] two stamps',
    '[ 1234.567890]\tusb tab #refused',
    '[ 1234.567890] <info> [1767016030.370510] [modem0] a wall clock #refused',
    '[ 99999999999.5] too long #refused',
    '[1234567890.123456789] nineteen digits',
    '[123456789.123456] fifteen digits',
    '[0.1] one digit each',
    'Mon Dec  2 19:54:59 2024 kern.info kernel: [999999999.999999] a long uptime',
    '<6>[    4.123456] usb 1-1: new high-speed USB device number 2 using ehci-platform',
    '<6>[    4.123456] raspberrypi ModemManager[519]: after a level',
    'kernel: [   70.955000] cdc_mbim 1-1.2:1.3: nonzero urb status received: -71',
    'kernel:[   70.955000] glued prefix',
    'kernel:  [   70.955000] two spaces after the prefix',
    'kernel: <6>[   70.955000] printk level after the prefix #refused',
    'kernel: usb 1-1: no stamp',
    'Kernel: [   70.955000] capital prefix #refused',
    '2018-08-28 13:58:33.374040500 ERROR    Read error, quitting',
    '2024-12-02 19:54:59 WARNING: a level with a colon',
    '2024-12-02 19:54:59 WARNINGS are not a level word',
    '2024-12-02 19:54:59 INFO gsmd[1]: a tag after the first word is journal-iso',
    '2024-12-02 19:54:59 router netifd: a host and a tag',
    '2024-12-02 19:54:59 router: a colon word',
    '2024-12-02 19:54:59 INFO modem.py:12 a colon inside the second word',
    '2024-12-02 19:54:59 INFO br-lan: a tag after the level word makes it journal-iso',
    '2024-12-02 19:54:59 INFO mm [12]: a spaced pid after the level word',
    '2024-12-02 19:54:59 no level word at all',
    '2024-12-02T19:54:59Z ERROR a T and a zone',
    '2024-12-02T19:54:59.5+01:00 DEBUG a short fraction and an offset',
    '2024-12-02 19:54:59 ERROR [modem0] an envelope #refused',
    // Brackets the parser reads otherwise than as the program, or may: a level, a kernel device,
    // a pid, a second bracket, a table's spaced columns, nothing after it, an envelope after it.
    '2024-12-02 19:54:59 [info] Modem is not responding #refused',
    '2024-12-02 19:54:59 INFO [1-1.2] Modem is not responding #refused',
    '2024-12-02 19:54:59 INFO [gsmd:3553] Modem is not responding #refused',
    '2024-12-02 19:54:59 INFO [gsmd] [WARN] Modem is not responding #refused',
    '2024-12-02 19:54:59 INFO  [gsmd]  Modem is not responding #refused',
    '2024-12-02 19:54:59 INFO [T123] Modem is not responding #refused',
    '2024-12-02 19:54:59,123 [ModemManager] <info>  [modem0] state changed #refused',
    '2024-12-02 19:54:59 INFO [gsmd]',
    // Brackets with spaces inside, which the parser leaves in the message: read so only as words of
    // a program's characters with single spaces, a letter first, more text after.
    '2024-12-02 19:54:59 INFO [Thread 1] gsmd[3553]: a program lead after it',
    '2024-12-02 19:54:59 INFO [Thread 1] gsmd - ERROR - a template\'s fields after it',
    '2024-12-02 19:54:59 [Thread 1] <err> an envelope after it, which the parser leaves in the message too',
    '2024-12-02 19:54:59 INFO [main ] a space before the bracket closes #refused',
    '2024-12-02 19:54:59 INFO [ main thread] a space first #refused',
    '2024-12-02 19:54:59 INFO [Thread  1] two spaces inside #refused',
    '2024-12-02 19:54:59 INFO [Thread 1] [WARN] a second bracket #refused',
    '2024-12-02 19:54:59 INFO [Thread 1]',
    '2024-12-02 19:54:59 INFO [Thread 1]x no space after #refused',
    '2024-12-02 19:54:59 INFO [func 1:12] error: a colon inside #refused',
    '2024-12-02 19:54:59 INFO [RMI TCP Connection(2)-127.0.0.1] parentheses inside #refused',
    '2024-12-02 19:54:59 INFO [Thread 1] table  columns within its width #refused',
    '2024-12-02 19:54:59 ERROR <warn> an envelope #refused',
    '2024-12-02 19:54:59 [ 12.500000] a kernel stamp #refused',
    '2024-12-02 19:54:59\tERROR a tab #refused',
    '2024-12-02 19:54:59 ERROR\tRead a tab after the level #refused',
    '2024-12-02 19:54:59,123 ERROR comma fraction (Python logging, log4j)',
    'May 13 15:11:13 wrt350n daemon.notice pppd[4396]: a host, then a facility',
    'May 13 15:11:14 wrt350n local2.info chat[4403]:  -- got it',
    'May 13 15:11:14 wrt350n local2.info Message without a tag',
    'May 13 15:11:14 wrt350n daemon.notice kernel: [  12.5] usb 1-1: a kernel line',
    'May 13 15:11:14 wrt350n daemon.notice [12]: an empty tag',
    'May 13 15:11:14 wrt350n daemon.notic pppd[4396]: not a level',
    '2024-12-02T19:54:59+01:00 wrt350n daemon.notice pppd[4396]: journal-iso, a host, then a facility',
    'Mon Dec  2 19:54:59 2024 wrt350n daemon.notice pppd[4396]: logread, a host, then a facility',
    'Sun Feb  9 12:31:48 2025 daemon.info [2656]: <inf> [modem0] OpenWrt ModemManager, no tag',
    'Tue Mar 15 18:22:55 2022 daemon.info [7618]: <info>  [modem0] state changed (registered -> disabling)',
    'Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <dbg> [1719412719.493984] [modem0] register state update:',
    'Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <dbg> [12.493984] [modem0] seconds since the daemon started #refused',
    'Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <6>[   12.493984] usb 1-1: a printk level #refused',
    'Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <warn>  [modem0] [ 12.5] a printk stamp after the object',
    'Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <dbg> <info> [modem0] two levels',
    'Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <dbg>[modem0] no space',
    'Wed Jun 26 16:38:39 2024 daemon.debug [2234]: plain message after a pid',
    'Wed Jun 26 16:38:39 2024 daemon.debug [2234]: [modem0] an object and no level',
    'Wed Jun 26 16:38:39 2024 daemon.debug [12345678901]: eleven digits',
    'Tue Mar  8 18:39:57 2022 user.notice : Added device handler type: bonding, the colon in the message',
    'Tue Mar  8 18:39:57 2022 user.notice :no space',
    '[24.01.2026, 15:09:43 MEZ] daemon.info: [2656]: <inf> [modem0] LuCI, no tag',
    'daemon.info [2656]: <inf> [modem0] stripped, no tag',
    'daemon.info : stripped, an empty tag',
    'Sun Jan 19 22:50:04 2025 user.notice pbr [32307]: a space before the pid (OpenWrt pbr)',
    'Sun Jan 19 22:50:04 2025 user.notice pbr  [32307]: two spaces before the pid',
    'Sun Jan 19 22:50:04 2025 user.notice pbr [32307] no colon',
    'Sun Jan 19 22:50:04 2025 user.notice pbr [abc]: not a pid',
    'Sun Jan 19 22:50:04 2025 user.notice [32307]: a pid and no tag',
    'Dec  2 19:54:59 router pbr [12]: a spaced pid after a host',
    'Dec  2 19:54:59 pbr [12]: a spaced pid and no host',
    '2024-12-02T19:54:59+01:00 router pbr [12]: journal-iso with a spaced pid',
    '[   12.345678] router pbr [12]: journal-monotonic wants the pid against the tag',
    'pbr [12]: a stripped line with a spaced pid',
    '[24.01.2026, 15:09:43 MEZ] user.notice: pbr [9755]: LuCI with a spaced pid',
    '2024-12-02 19:54:59 dnsmasq: query[A] example.com from 192.168.1.5',
    '2024-12-02 19:54:59 mobifd: [gsm.modem0] Signal strength',
    '2024-12-02 19:54:59 router query[12] a pid and no colon',
    '2024-12-02 19:54:59 router query[12]: a pid and a colon',
    '2024-12-02 19:54:59 router query [12]: a spaced pid and a colon',
    '2024-12-02 19:54:59 router query [12] a spaced pid and no colon',
    '2024-12-02 19:54:59 router query[12345678901]: eleven digits',
    '2024-12-02 19:54:59 router query[]: no digits',
    '2024-12-02 19:54:59 router query[1]:no space',
    '2024-12-02T19:54:59,123456+01:00 usb 1-1: USB disconnect, device number 6',
    '2024-12-02T19:54:59,1234567890+01:00 ten digits after a comma #refused',
    '2024-12-02T19:54:59, a comma and no digits #refused',
    '2024-12-02T19:54:59;123 a semicolon #refused',
    'Dec  2 19:54:59,250 router gsmd[1]: a comma in a BSD stamp',
    '19:54:59,250 kernel: usb 1-1: USB disconnect, device number 6',
    '<30>1 2024-12-02T19:54:59,003Z router netifd 1234 - - RFC 5424 writes a dot only #refused',
    'Mon 2024-12-02 19:54:59,123 CET router kernel: short-full writes a dot only #refused',
    '2024-13-02 19:54:59 ERROR month 13 #refused',
    '19:54:59 gsmd[1]: hello',
    '[19:54:59] gsmd[1]: bracketed',
    '19:54:59] gsmd[1]: a closing bracket alone',
    '19:54:59.250 kernel: usb 1-1: USB disconnect, device number 6',
    '19:54:59.250 kernel: [  12.5] usb 1-1: a kernel stamp too',
    '19:54:59   router netifd[2]: spaces and a host',
    '19:54:59 daemon.info gsmd[1]: a facility',
    '19:54:59 daemon.info Mobile data connected #refused',
    '12:02:38 netifd trm_wwan (3638): udhcpc: received SIGTERM #refused',
    '9:54:59 gsmd[1]: one-digit hour #refused',
    '19:54:59,250 gsmd[1]: comma fraction (TIME_SPAN reads it)',
    '19:54:59.1234567890 gsmd[1]: ten digits #refused',
    '25:61:00 x: y #refused',
    '19:54 gsmd[1]: no seconds #refused',
    '19:54:59\tgsmd[1]: a tab #refused',
    '[Mon Dec  2 19:54:59 2024] usb 1-1: USB disconnect, device number 6',
    '[ Mon Dec  2 19:54:59 2024 ] spaces inside the brackets',
    '[Mon Dec  2 19:54:59 2024]usb glued',
    '[Mon Dec 12 19:54:59 2024] two-digit day',
    '[Mon Dec 02 19:54:59 2024] zero-padded day',
    '[Mon Dec  2 19:54:59 2024] kern.info: LuCI facility, read as LuCI',
    '[Mon Dec  2 19:54:59 2024] daemon.err gsmd[1]: LuCI without colon, read as LuCI',
    '[Mon Dec  2 19:54:59 2024] eth0.1: a dot in the first word #refused',
    '[Mon Dec  2 19:54:59 2024] [  12.500000] a kernel stamp inside #refused',
    '[Mon Dec  2 19:54:59 2024] <6>printk inside #refused',
    '[Mon Dec  2 19:54:59 2024]  two spaces #refused',
    '[Mon Feb 30 19:54:59 2024] not on the calendar #refused',
    '[Mon Dec  2 19:54:59 CET 2024] a zone #refused',
    '[wto lip  4 21:36:24 2017] usb 2-1.1: Polish names #refused',
    '[Mon Dec  2 19:54:59.123 2024] a fraction #refused',
    '[ 1234.567890] raspberrypi ModemManager[519]: <info>  [modem0] state changed',
    '[ 1234.567890] raspberrypi   kernel: usb 1-1: spaces before the tag',
    '[ 1234.567890] raspberrypi kernel: [   12.000000] a second stamp #refused',
    '[ 1234.567890] raspberrypi kernel: <6>printk #refused',
    '[ 1234.567890] raspberrypi netifd: no pid, so dmesg',
    '[ 1234.567890] fe80::1 netifd[1]: colon host #refused',
    '[ 1234.567890] raspberrypi Kernel: capital',
    '[ 1234.567890] raspberrypi kerneld[12]: a k tag with a pid',
    `Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: ${'x'.repeat(17000)} #refused`,
    '[ 1234.567890] raspberrypi ModemManager[519]: <info>  [1767016030.370510] [modem0] a Unix-time stamp gives the wall time',
    '[ 1234.567890] raspberrypi ModemManager[519]: <info>  [1234.500000] [modem0] seconds since start',
    '[ 1234.567890] raspberrypi ModemManager[519]: [modem0] <info> [1767016030.370510] after the object #refused',
    '[ 1234.567890] raspberrypi ModemManager[519]: <info> [modem0] <warn> [1767016030.370510] two levels #refused',
    '[ 1234.567890] raspberrypi netifd[1]: wwan0 (12): <info> [1767016030.370510] after netifd #refused',
    '[ 1234.567890] raspberrypi ModemManager[519]: [modem0] an object alone',
    '[  123.456789] [    T1] usb 1-1: a caller id',
    '[  123.456789] wwan0 (12): <info> [1767016030.370510] after netifd #refused',
    '[24.01.2026, 15:09:43 MEZ] user.notice: pbr[9755]: Using uplink',
    '[24.01.2026, 15:09:43 MEZ] user.notice: pbr [9755]: spaced pid, which TAG reads',
    '[02/12/2024, 7:54:59 PM] daemon.info: gsmd[3553]: hello',
    '[2 дек. 2024 г., 19:54:59] daemon.err: gsmd[1]: x',
    '[7 de maig 2026, 13:07:01 CEST] kern.notice: [    0.000000] Linux version #refused',
    '[24.01.2026, 15:09:43] kern.notice: kernel: [   12.500000] usb 1-1: a kernel stamp',
    '[24.01.2026, 15:09:43] kern.notice: Kernel: [   12.500000] capital #refused',
    '[24.01.2026, 15:09:43] daemon.info Mobile data connected without a colon',
    '[24.01.2026, 15:09:43] daemon.info: <info> [1767016030.370510] an envelope under a wall time',
    '[15:09:43] daemon.info: gsmd[1]: no date',
    '[24.01.2026, 15:09:43 MEZ]  daemon.info: gsmd[1]: two spaces',
    '[24.01.2026,\t15:09:43] daemon.info: gsmd[1]: a tab #refused',
    '[30.02.2026, 15:09:43] daemon.info: gsmd[1]: not on the calendar #refused',
    '[ 24.01.2026, 15:09:43 ] daemon.info: gsmd[1]: spaces inside',
    '[24.01.2026, 15:09:43] daemon.infos: gsmd[1]: not a level #refused',
    '[24.01.2026, 15:09:43 MEZ] daemon.info: gsmd[1]: \u001b[31mcolour #refused',
    '[02/12/2024, 12:54:59 AM] daemon.info: gsmd[1]: after midnight',
    '[02/12/2024, 12:54:59 PM] daemon.info: gsmd[1]: after noon',
    '[02/12/2024, 12:54:59 a.m.] daemon.info: gsmd[1]: dotted',
    '[02/12/2024, 1:04:09 pm] daemon.info: gsmd[1]: one-digit hour',
    '[02/12/2024, 13:54:59 PM] daemon.info: gsmd[1]: 13 PM #refused',
    '[02/12/2024, 0:54:59 AM] daemon.info: gsmd[1]: 0 AM #refused',
    '[02/12/2024, 7:54:59.123 PM] daemon.info: gsmd[1]: a fraction and PM',
    '[24.01.2026, 15:09:43 PMT] daemon.info: gsmd[1]: a zone that starts like PM',
    '[24.01.2026, 25:09:43] daemon.info: gsmd[1]: hour 25 #refused',
    '[24.01.2026, 15:60:43] daemon.info: gsmd[1]: minute 60 #refused',
    '[24.01.2026, 15:09:60] daemon.info: gsmd[1]: a leap second',
    '[24.01.2026, 15:09] daemon.info: gsmd[1]: no seconds',
    '[2024-12-02 19:54:59] daemon.info: gsmd[1]: ISO in brackets',
    '[2024-12-02T19:54:59+01:00] daemon.info: gsmd[1]: ISO with a zone',
    '[Mo., 2.12.2024, 19:54:59 MEZ] daemon.info: gsmd[1]: a weekday',
    '[Di, 4. Dez 2024 21:36:59] daemon.info: gsmd[1]: German words',
    '[Xx, 4. Dez 2024 21:36:59] daemon.info: gsmd[1]: not a weekday #refused',
    '[7 de maig 2026, 13:07:01 CEST] daemon.notice: netifd: Catalan',
    '[24.01.2026, 115:09:43] daemon.info: gsmd[1]: three-digit hour #refused',
    '[005.415]: qusb_noblock_read read=0, errno: 110 (Connection timed out)',
    '[005.415]:no space',
    '[005.415]:  two spaces',
    '[123456.415]: six digits',
    '[05.415]: two digits #refused',
    '[1234567.415]: seven digits #refused',
    '[005.41]: two decimals #refused',
    '[005.415]: [  12.500000] a kernel stamp #refused',
    '[005.415]: <info> [1767016030.370510] a ModemManager stamp #refused',
    '[005.415]: wwan0 (12): <info> [1767016030.370510] after netifd #refused',
    '[005.415]:\ttab #refused',
    '[005.415]: [modem0] an object',
    'I (22116) modem_board: reconnect after 5s...',
    'E (31137) USBH_CDC: Device disconnected',
    '\u001b[0;31mE (31137) USBH_CDC: Device disconnected\u001b[0m #refused',
    'W (123) wifi station: a space in the tag',
    'I (123) kernel: usb 1-1: a kernel tag #refused',
    'X (123) tag: a level letter it does not know #refused',
    'I (999999999999) tag: twelve digits',
    'I (1234567890123) tag: thirteen digits #refused',
    'I (123) tag:no space #refused',
    'I (123) : empty tag #refused',
    'I (123)  tag: two spaces #refused',
    'I (123) tag: <info> [1767016030.370510] [modem0] an envelope #refused',
    'D (0) boot: zero',
    '[04-17_17:20:24:577] QConnectManager_Linux_V1.6.5',
    '[04-17_17:20:24:577]glued',
    '[13-17_17:20:24:577] month 13 #refused',
    '[02-30_17:20:24:577] not on the calendar #refused',
    '[04-17_25:20:24:577] hour 25 #refused',
    '[04-17_17:20:24.577] a dot #refused',
    '[04-17_17:20:24:577] daemon.info gsmd[1]: a facility after it',
    '[04-17_17:20:24:577] <info> [1767016030.370510] an envelope',
    '[04-17_17:20:24:577]\ttab #refused',
    '<info>  [1767016030.370510] [modem0] launching automatic network registration...',
    "<warn>  [modem0] couldn't load network timezone",
    '<dbg> [12.500000] [wwan0at1/at] elapsed since start',
    "<debug> [1767016030.369046] [wwan0at1/at] --> 'AT+CEREG?<CR><LF>'",
    '<message> [modem0] not a level of the format #refused',
    '<critical> [modem0] not a level of the format #refused',
    '<info>no space #refused',
    '<info>\t[modem0] a tab #refused',
    '<info>  [1767016030.370510]x glued #refused',
    '<info>  [12345678901.5] eleven digits #refused',
    '<info>  [modem0]: a colon after the object',
    '<info>  [modem0] [005.415]: a tool stamp after #refused',
    '<info>  [modem0] <warn> [1767016030.370510] two levels #refused',
    '<info>  [1767016030.370510] [modem0] <warn> two levels with a clock',
    '<info>  [1767016030.370510]',
    'daemon.notice pppd[9626]: Modem hangup',
    'pppd[9626]: Connection terminated.',
    'ModemManager: [modem0] state changed (locked -> failed)',
    'kernel: usb 1-1: USB disconnect, device number 2',
    "ModemManager[33505]: <dbg> [1767016030.369046] [wwan0at1/at] --> 'AT+CEREG?<CR><LF>'",
    'ModemManager[33505]: <dbg> [wwan0at1/at] no stamp',
    'Error: something broke #refused',
    'Modem: a capital word #refused',
    'u3g0: detached',
    'kernel: [   12.500000] usb 1-1: dmesg after kernel',
    'kernel: <3>printk #refused',
    'daemon.info: gsmd[1]: colon after level',
    'daemon.info Mobile data connected',
    'daemon.info  two spaces',
    'daemon.info pbr [12]: spaced pid, which TAG reads',
    '[1560]: empty tag #refused',
    'x: one letter #refused',
    'netifd: mob1s1a1 (8470): <info> [1767016030.370510] netifd then an envelope #refused',
    'netifd: mob1s1a1 (8470): Command failed: Request timed out',
    'ModemManager[519]: [modem0] <info> [1767016030.370510] object first #refused',
    'NetworkManager[812]: <info>  [1767016030.3705] device (wwan0): state change',
    'ModemManager: <info>  [modem0] no pid',
    'kern.info kernel: [   12.500000] usb 1-1: a kernel stamp after a facility',
    'kern.info kernel: [   12.500000] <info> [1767016030.370510] then an envelope #refused',
    'kern.info kernel: <3>printk #refused',
    'kern.info kernel:  [   12.500000] two spaces #refused',
  ];
}

describe('fast lane on generated logs of each format', () => {
  // A log line inside a JSON line (Docker's json-file) is read by the full parser: the reader of
  // the inner line's format would need the parser's per-line state (host columns) for it. So is an
  // ISO-dated line whose message starts with `facility.level`, `kernel: ` or `tag[pid]: ` (syslog without the host):
  // the iso-plain reader leaves it (programLeadAt) rather than read the program off itself. So is
  // a date with slashes (LuCI in an en-US browser): the parser learns from it which number is the day (dateOrder.ts).
  // So is a time of day before a bracketed program (`19:54:59 [gsmd] `): the readers leave a
  // message that opens with `[` (an envelope the parser peels) to the parser.
  // So is a capture tool's stamp before a whole line (LineParser.capturedLine), and before a
  // kernel console's printk stamp. So is a Cisco line a syslog server relayed (Cisco's number where
  // the tag stands: the cisco-message envelope names the program).
  const leftToTheParser = new Set(['cisco-relayed', 'docker-json', 'iso-nohost', 'iso-nohost-facility', 'luci-us', 'time-only-brk', 'capture-tio', 'capture-iso', 'capture-loki', 'capture-console', 'level-first', 'json-string-lines']);
  for (const shape of Object.keys(SHAPES)) {
    it(`${shape}: the same analysis${leftToTheParser.has(shape) ? ' (the full parser reads it)' : ', with the fast lane taking most lines'}`, () => {
      const share = both(generate(shape, 4000).join('\n'));
      if (!leftToTheParser.has(shape)) assert.ok(share > 0.3, `fast lane took ${(share * 100).toFixed(0)} % of the lines`);
    });
  }

  it('records whose line breaks became spaces (pages of 40 records a line): the same analysis in both lanes', () => {
    for (const shape of ['logread', 'bsd-host', 'iso', 'dmesg', 'journal-unix']) {
      const lines = generate(shape, 2400, Date.UTC(2024, 10, 1, 8), 9, 11);
      const pages: string[] = [];
      for (let i = 0; i < lines.length; i += 40) pages.push(lines.slice(i, i + 40).join(' '));
      const text = pages.join('\n');
      both(text);
      // Each page is read as its records: the events of the log with its line breaks, on the pages' lines.
      const joined = analyzeText(text, { referenceTime: REF, fastLane: false });
      const plain = analyzeText(lines.join('\n'), { referenceTime: REF, fastLane: false });
      assert.deepEqual(joined.events.map((e) => e.id), plain.events.map((e) => e.id), shape);
      assert.deepEqual(joined.events.map((e) => e.line), plain.events.map((e) => Math.floor((e.line - 1) / 40) + 1), shape);
    }
  });

  it('a journal\'s JSON line whose message, decoded, holds a log joined by escapes (`\\\\n` in the line) is the full parser\'s in both lanes (fuzz seed 1286636879)', () => {
    // The fuzz input's three lines: no-break spaces in the messages, the second and third one's `\\\\n`.
    const text = [
      "{\"__REALTIME_TIMESTAMP\":\"1700471003601000\",\"SYSLOG_IDENTIFIER\":\"ModemManager\",\"PRIORITY\":\"4\",\"MESSAGE\":\"Mon Jan 22 21:49:48\u00a02024\u00a0daemon.notice\u202fwansensing: mass failover\u2007protection, mobiled data\u00a0timer is set, will wait 0.679 seconds (random in\u202fthe\u00a0range [0,10])\u00a0before interface 'wwan' ifup\"}",
      "{\"__REALTIME_TIMESTAMP\":\"1700471006592000\",\"SYSLOG_IDENTIFIER\":\"netifd\",\"PRIORITY\":\"3\",\"MESSAGE\":\"Mon Jan\u00a022\u202f21:49:49 2024 daemon.notice\u2007wansensing:\u202fmass\u2007failover\u2007protection, mobiled data timer is timeout, interface 'wwan' ifup\\\\nMon Jan 22 21:49:48\u00a02024\u00a0daemon.notice\u202fwansensing: mass failover\u2007protection, mobiled data\u00a0timer is set, will wait 0.679 seconds (random i\"}",
      "{\"__REALTIME_TIMESTAMP\":\"1700471007589000\",\"SYSLOG_IDENTIFIER\":\"ModemManager\",\"PRIORITY\":\"3\",\"MESSAGE\":\"n\u202fthe\u00a0range [0,10])\u00a0before interface 'wwan' ifup\\\\nMon Jan\u00a022\u202f21:49:49 2024 daemon.notice\u2007wansensing:\u202fmass\u2007failover\u2007protection, mobiled data timer is timeout, interface 'wwan' ifup\\\\nMon Jan 22 21:49:48\u00a02024\u00a0daemon.notice\u202fwansensing: mass failover\u2007protection, mobiled data\u00a0timer is set, will wait 0.679 seconds (random in\u202fthe\u00a0range [0,10])\u00a0before interface 'wwan' ifup\"}",
    ].join('\n');
    both(text);
    const a = analyzeText(text, { referenceTime: REF });
    assert.deepEqual(a.files[0].formats, { 'json-lines': 2, logread: 2 }, 'the second line is read as the two lines its message holds');
  });

  it('yearless stamps across New Year and a log that ends after its reference time', () => {
    for (const shape of ['bsd-host', 'bsd-nohost', 'bsd-journal']) {
      both(generate(shape, 4000, Date.UTC(2024, 11, 31, 20), 3).join('\n'));
      // Read in a reference year whose end the log passes: the year is corrected at the end.
      both(generate(shape, 4000, Date.UTC(2024, 11, 31, 20), 3).join('\n'), Date.UTC(2024, 11, 31));
      // Months apart with a step back of more than six months: a second New Year.
      const lines = generate(shape, 2500, Date.UTC(2024, 7, 1), 4);
      lines.push(...generate(shape, 1000, Date.UTC(2024, 0, 3), 5), ...generate(shape, 1000, Date.UTC(2024, 9, 3), 6));
      both(lines.join('\n'));
    }
  });

  it('hosts first seen past line 2,000 are hosts for the lines after them', () => {
    for (const shape of ['bsd-host', 'iso']) {
      const lines = generate(shape, 2500);
      const t = Date.UTC(2024, 11, 1);
      for (let i = 0; i < 200; i++) lines.push(SHAPES[shape](t + i * 1000, 0, NOISE[i % 3]).replace(/ (router|pi) /, ` gw${i % 7} `));
      for (let i = 0; i < 7; i++) lines.push(SHAPES[shape](t + 300_000, 0, NOISE[0]).replace(/ (router|pi) .*/, ` gw${i} Mobile data disconnected`));
      both(lines.join('\n'));
    }
  });

  it('the RUT901 sample amid long plain logread', () => {
    const start = Date.UTC(2024, 10, 1, 8);
    both([...generate('logread', 3000, start), ...SAMPLE.split('\n'), ...generate('logread', 3000, start + 40 * 86400_000)].join('\n'));
  });

  it('keeps boot segments, clock jumps and daemon silence the same', () => {
    const lines = generate('logread', 3000);
    lines.push(
      'Fri Nov  1 16:00:00 2024 kern.info kernel: [    2.000000] usb 1-1: new high-speed USB device number 2 using ehci-platform',
      'Fri Nov  1 15:00:00 2024 kern.info kernel: [    5.000000] br-lan: port 2(eth0.1) entered forwarding state',
      'Fri Nov  1 18:00:00 2024 kern.info kernel: [    9.000000] br-lan: port 2(eth0.1) entered forwarding state',
      ...generate('logread', 500, Date.UTC(2024, 10, 1, 18)),
    );
    both(lines.join('\n'));
    const fast = analyzeText(lines.join('\n'), { referenceTime: REF });
    assert.ok(fast.files[0].segments >= 2);
    assert.ok(fast.findings.some((f) => f.code === 'clock-jump'));
  });

  it('a word after an application\'s level word, which the parser may have learned as a host, is asked of the parser', () => {
    // `ERROR  modem.py:273 ModemManager[812]: ...` teaches the parser `modem.py:273` as a host (a
    // program follows it); it then reads `ERROR  modem.py:273 <debug> ...` with that host. The fast
    // reader names the word (notHost) so the lane leaves such a line to the parser once it knows
    // the host: the generated log of every shape below read it hostless in the fast lane, and a
    // syslog server's file read per host gave each lane other events.
    const out = newFastRead();
    const line = '2024-11-27 00:03:46.773417 ERROR    modem.py:273 <debug> [modem0] signal quality updated (60)';
    assert.ok(FAST_READERS['iso-plain']!.read(line, 0, line.length, out));
    assert.equal(out.notHost, 'modem.py:273');
    const parser = new LineParser({ referenceYear: 2024 });
    parser.parse('2024-11-27 00:00:53.973417 ERROR    modem.py:273 ModemManager[812]: segfault at 0 ip 000055d1c2a4b3f0 sp 00007ffd3b2c1e80 error 4', 1);
    assert.ok(parser.knowsHost(out.notHost));
    assert.equal((parser.parse(line, 2) as LogRecord).host, 'modem.py:273');
  });

  it('a log of blocks of every shape: logread, dmesg (plain, -r, -T, after `kernel:`), BSD syslog, ISO, RFC 5424, journal-monotonic, LuCI, consoles and stripped lines', () => {
    const lines: string[] = [];
    const shapes = Object.keys(SHAPES);
    for (let b = 0; b < 2 * shapes.length; b++) lines.push(...generate(shapes[b % shapes.length], 400, Date.UTC(2024, 10, 1) + b * 86400_000, b + 10, 11));
    assert.ok(both(lines.join('\n')) > 0.3);
  });
});

describe('fast lane on every real fixture, past line 2,000', () => {
  const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.log'));
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const own = analyzeText(text, { referenceTime: FIXTURE_REF, fastLane: false }).files[0].format as FormatId;
      const lines = text.split(/\r?\n/);
      // Filler of the fixture's own format, so that format's fast reader is open when its lines come.
      const shape = SHAPE_OF_FORMAT[own];
      const filler = shape ? generate(shape, FAST_LANE_AFTER + 100, Date.UTC(2026, 0, 1), 2) : repeat(lines, FAST_LANE_AFTER + 100);
      both([...filler, ...lines].join('\n'), FIXTURE_REF);
      // The fixture alone, repeated until its lines arrive past line 2,000.
      both([...repeat(lines, FAST_LANE_AFTER + 1), ...lines].join('\n'), FIXTURE_REF);
      // And among the other formats' lines, its own lines after them.
      const mixed = [...generate('logread', 700, Date.UTC(2026, 0, 1)), ...generate('dmesg', 700), ...generate('bsd-host', 700, Date.UTC(2026, 0, 5)), ...lines];
      both(mixed.join('\n'), FIXTURE_REF);
    });
  }
});

// The fast lane takes lines from a file's first line on: every format's reader opens once the
// full parser has read one line of it. So a short log (most pasted logs are) is read by the fast
// lane too, and must give what the full parser gives: each real fixture as it is, and re-told in
// every shape of the metamorphic test, from its first line, without filler before it.
describe('fast lane from a file\'s first line: every real fixture and every re-telling of it', () => {
  const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.log'));
  const told: { shape: Retelling; locale?: 'pl' | 'de' }[] = (
    [
    'bsd-host', 'bsd-nohost', 'rfc5424', 'journal-short-iso', 'journal-short-precise', 'journal-short-full', 'journal-short-unix',
    'dmesg-iso', 'logread', 'bsd-host-facility', 'logread-ids', 'logread-t', 'luci', 'dmesg-x', 'dmesg-d', 'dmesg-x-T', 'dmesg-x-t', 'time-only', 'time-only-bracketed', 'stripped',
    'iso-zone-name', 'bracketed-program', 'forum-quote', 'crlf-bom', 'mail-wrapped', 'journal-json', 'logfmt', 'no-break-spaces', 'export-tsv', 'export-spaces', 'export-bars', 'export-csv', 'export-csv-excel', 'export-headed', 'code-block', 'bulleted', 'terminal-80',
  ] as const).map((shape) => ({ shape }));
  told.push({ shape: 'dmesg-T-foreign', locale: 'pl' }, { shape: 'dmesg-T-foreign', locale: 'de' });
  // A capture tool's stamp or grep's file name before each line, and records inside lines or
  // spanning them (a JSON string, HTML, a JSON document, journalctl's verbose and export entries)
  // are the full parser's by design: the lanes must agree on them, but
  // they say nothing of how much the fast lane reads.
  const fullParsers: Retelling[] = ['cat-n', 'syslog-server-tsv', 'capture-tio', 'capture-ts', 'grep-numbered', 'grep-named', 'compose', 'kubectl-prefix', 'escaped-string', 'json-message', 'html-one-line', 'html-source', 'journal-json-pretty', 'export-json-array', 'search-answer', 'journal-verbose', 'journal-export'];
  // A shape, then a way of pasting it (test/composedShapes.test.ts): wraps that cut a header after
  // its program or inside a device's stamp, a JSON line wrapped inside its strings, a CSV row after
  // a lead, a line as short as a date after a terminal's cut. The parser joins them; the lanes must agree.
  const composed: [Retelling, Retelling][] = [
    ['logread-t', 'mail-wrapped'], ['logread', 'terminal-80'], ['bsd-host', 'terminal-80'], ['bsd-nohost', 'terminal-80'], ['luci', 'terminal-80'],
    ['loki-logcli', 'mail-wrapped'], ['capture-ts', 'mail-wrapped'], ['capture-tio', 'terminal-80'], ['syslog-server-tsv', 'mail-wrapped'],
    ['journal-json', 'terminal-80'], ['gelf', 'mail-wrapped'], ['export-csv', 'terminal-80'], ['export-csv', 'code-block'], ['export-headed', 'cat-n'],
    ['level-first', 'bulleted'], ['capture-tio', 'code-block'], ['bsd-host', 'newest-first'], ['journal-short-iso', 'crlf-bom'],
  ];
  const shares: number[] = [];
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      shares.push(both(text, FIXTURE_REF));
      for (const t of told) shares.push(both(reshape(text, t.shape, { referenceYear: 2024, ...(t.locale ? { locale: t.locale } : {}) }), FIXTURE_REF));
      for (const shape of fullParsers) both(reshape(text, shape, { referenceYear: 2024 }), FIXTURE_REF);
      for (const [shape, paste] of composed) both(reshape(reshape(text, shape, { referenceYear: 2024 }), paste, { referenceYear: 2024 }), FIXTURE_REF);
    });
  }
  it('the fast lane took most of their lines (else the comparison above proved little)', () => {
    assert.equal(shares.length, names.length * (told.length + 1));
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    assert.ok(mean > MIN_SHARE_OF_SHORT_LOGS, `the fast lane took ${(100 * mean).toFixed(0)}% of the lines on average`);
  });
});

function repeat(lines: string[], atLeast: number): string[] {
  const out: string[] = [];
  while (out.length < atLeast) out.push(...lines);
  return out;
}

describe('whitespace that only JavaScript\'s \\s takes for a space', () => {
  // Fuzz seed 1206879795: `kernel: \u2028[  70.9]` was dmesg to the full parser (its patterns'
  // \s took U+2028 for a space) and stripped text to the fast reader once `kernel: ` lines were
  // its. Each such character is tried after a line that opens the stripped reader, in an ASCII
  // log (a vertical tab, a form feed) and a non-ASCII one.
  for (const [name, ws] of [['a line separator', '\u2028'], ['a paragraph separator', '\u2029'], ['a byte-order mark inside a line', '\ufeff'], ['a vertical tab', '\v'], ['a form feed', '\f']]) {
    it(`${name} after the tag: both lanes read the line alike`, () => {
      for (const other of ['', ' \u2066']) {
        const text = [
          'kernel: [   70.9\\57710] cdc_mbim 1-1.2:1.3: wdm_int_callback - 0 bytes',
          `kernel: [   71.058078] cdc_mbim 1-1.2:1.3: nonzero urb status received: -71${other}`,
          '',
          `kernel: ${ws}[   70.957710] cdc_mbim 1-1.2:1.3: wdm_int_callback - 0 bytes`,
          `kernel: ${ws}[   72.957710] usb 1-1: USB disconnect, device number 6`,
        ].join('\n');
        both(text, FIXTURE_REF);
      }
    });
  }
});

describe('state a refused format leaves behind', () => {
  it('a line the fast lane reads in iso-plain leaves the host-column learning journal-iso does before refusing it (fuzz seed 1198587988)', () => {
    // JavaScript's \s takes U+FEFF and U+2028, so journal-iso's stamp ends inside each fraction
    // and its body starts with `00`; the line is iso-plain's. Between the two, a line journal-iso
    // also refuses (its first word `INFO` is no host) breaks the run of `00` in the full parser;
    // the fast lane read it in iso-plain without that step, and learned `00` as a host.
    const text = [
      '2018-08-28 13:57:01.762844500 INFO     registered ourselves on D-Bus as com.victronenergy.modem',
      '2018-08-28 13:57:01.7628445\uFEFF00 INFO     registered ourselves on D-Bus as com.victronenergy.modem',
      '2018-08-28 13:57:01.762844500 INFO     registered ourselves on D-Bus as com.victronenergy.modem',
      '2018-08-28 13:57:01.7628445\u202800 INFO     registered ourselves on D-Bus as com.victronenergy.modem',
    ].join('\n');
    both(text);
    assert.deepEqual(analyzeText(text, { referenceTime: REF, fastLane: false }).files[0].formats, { 'iso-plain': 4 });
  });
});

describe('continuation lines after line 2,000', () => {
  const wrapped = [
    'Mon Dec  2 19:54:58 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem',
    'failed: errno 5',
    'Mon Dec  2 19:54:59 2024 daemon.notice netifd: Interface \'mob1s1a1\' is',
    'now down',
  ];
  for (const shape of ['logread', 'bsd-host', 'bsd-nohost', 'iso', 'dmesg', 'rfc5424', 'dmesg-T', 'journal-mono', 'dmesg-kernel', 'time-only', 'iso-plain', 'journal-mono-mm', 'luci', 'luci-us', 'tool-elapsed', 'esp-idf', 'quectel-cm', 'mm-debug']) {
    it(`${shape}: a mail-wrapped line is a continuation, not text`, () => {
      const lines = generate(shape, 2500);
      // A plain line the fast lane takes, then its wrapped rest.
      lines.push(SHAPES[shape](Date.UTC(2024, 11, 1), 5000, NOISE[0]), 'its wrapped rest, no clock', ...generate(shape, 300, Date.UTC(2024, 11, 2)));
      const text = lines.join('\n');
      both(text);
      const fast = analyzeText(text, { referenceTime: REF });
      assert.equal(fast.files[0].skipped.continuation, 1);
    });
  }

  it('a stripped line without a pid after a timed line is its wrapped text; with a pid it is a line of its own', () => {
    for (const shape of ['logread', 'dmesg', 'tool-elapsed', 'mm-debug', 'stripped']) {
      const lines = [...generate('stripped-nopid', 300), ...generate(shape, 2300)];
      lines.push(SHAPES[shape](Date.UTC(2024, 11, 1), 5000, NOISE[0]), 'netifd: the wrapped rest', 'netifd: and more of it', 'pppd[9626]: a line of its own', 'netifd: after a line without a clock', ...generate(shape, 300, Date.UTC(2024, 11, 2)));
      const text = lines.join('\n');
      assert.ok(both(text) > 0.1, `the fast lane takes lines of ${shape}`);
      const expected = shape === 'stripped' || (shape === 'mm-debug' && Date.UTC(2024, 11, 1) % 3 === 2) ? undefined : 2;
      assert.equal(analyzeText(text, { referenceTime: REF }).files[0].skipped.continuation, expected, shape);
    }
  });

  it('a wrapped catalogued line and a wrapped plain one, after line 2,000', () => {
    const lines = [...generate('logread', 2500), ...wrapped, ...generate('logread', 300, Date.UTC(2024, 11, 3))];
    both(lines.join('\n'));
  });

  it('a trailing backslash continues on the next line', () => {
    for (const shape of ['logread', 'bsd-host', 'dmesg', 'iso', 'dmesg-T', 'journal-mono', 'time-only', 'iso-plain', 'luci', 'tool-elapsed', 'esp-idf', 'quectel-cm', 'mm-debug', 'stripped', 'stripped-nopid']) {
      const lines = generate(shape, 2500);
      const plain = SHAPES[shape](Date.UTC(2024, 11, 1), 5000, NOISE[1]);
      lines.push(`${plain} \\`, '    usb 1-1: USB disconnect, device number 5', `${plain} \\`, SHAPES[shape](Date.UTC(2024, 11, 1, 0, 1), 5001, NOISE[2]), ...generate(shape, 300, Date.UTC(2024, 11, 2)));
      both(lines.join('\n'));
    }
  });

  it('an application log whose level word stands where a journal line has its host', () => {
    // `DEBUG br-lan: ...` has journal-iso's shape, a word and a tag after the clock; but no host is
    // called DEBUG: the line is iso-plain, its level debug, and the DEBUG lines after it stay
    // iso-plain in both lanes (before, DEBUG was taken for a host, and every later DEBUG line too).
    const lines = [...generate('iso-plain', 2500), SHAPES['iso-plain'](Date.UTC(2024, 11, 1), 0, NOISE[0]).replace(/ (INFO|ERROR|WARNING:|DEBUG)\s+modem\.py:\d+ .*$/, ' DEBUG br-lan: port 2(eth0.1) entered forwarding state'), ...generate('iso-plain', 500, Date.UTC(2024, 11, 2))];
    assert.ok(lines.some((l) => / DEBUG br-lan: /.test(l)));
    both(lines.join('\n'));
    const fast = analyzeText(lines.join('\n'), { referenceTime: REF });
    assert.equal(fast.files[0].formats?.['journal-iso'], undefined, 'no line is journal-iso');
  });

  it('stays on after a wrapped line and inside troubleshoot sections', () => {
    // Before, one wrapped line or one section header sent every line after it to the full parser.
    const afterWrap = [...generate('logread', 2100), ...wrapped, ...generate('logread', 6000, Date.UTC(2024, 11, 3))];
    assert.ok(both(afterWrap.join('\n')) > 0.6, 'the fast lane takes most lines after the wrapped one');
    const sectioned = ['[Dmesg]', ...generate('dmesg', 2100), '', '[Logread]', ...generate('logread', 6000, Date.UTC(2024, 11, 3))];
    assert.ok(both(sectioned.join('\n')) > 0.6, 'the fast lane takes most lines of the sections');
  });

  it('the format changes in the middle of the file, with sections, elisions and blank lines', () => {
    const lines = [
      ...generate('logread', 2200),
      '',
      ...generate('dmesg', 300),
      '...',
      ...generate('bsd-nohost', 300, Date.UTC(2024, 11, 20)),
      ...generate('iso', 300, Date.UTC(2024, 11, 21)),
      '[Dmesg]',
      ...generate('dmesg', 300),
      '[Logread]',
      ...generate('logread', 300, Date.UTC(2024, 11, 22)),
    ];
    both(lines.join('\n'));
  });
});

describe('a stamp at another offset from UTC, on a line the fast lane reads after formats that refuse it', () => {
  // Property test seed 1730456852: the refusals read again for their learning (replayRefusals)
  // counted the line's offset a second time in the fast lane.
  it('is counted once in both lanes', () => {
    both([
      'Wed 2024-11-20 00:00:00 CEST router dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop',
      '2024-11-20 00:00:00.019417 DEBUG modem.py:19 DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop',
      'Wed Nov 20 00:00:00 2024 daemon.info dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop',
      '2024-11-20T00:00:00,000000+01:00 gsmd: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
      'Wed Nov 20 00:00:00 2024 daemon.info dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop',
    ].join('\n'));
  });
});

describe('fast lane: random interleavings of line shapes (property)', () => {
  // Line shapes the fast lane takes, others it must leave, and the paste artefacts between them.
  const odd: Shape[] = [
    () => '',
    () => '...',
    () => 'wrapped text without a clock',
    () => '   indented rest of a line',
    (t, up, s) => `${SHAPES.logread(t, up, s)} \\`,
    () => 'pppd[9626]: Connection terminated.',
    () => 'netifd: stripped without a pid',
    (t) => `${clock(new Date(t))} netifd: time only`,
    () => '[005.415]: qusb_noblock_read read=0',
    (_t, up) => `${uptime(up)} raspberrypi ModemManager[519]: <info> [modem0] state changed (registered -> connecting)`,
    (t) => `${ctime(t)} kern.info Mobile data connected (internal modem)`,
    (t) => `${ctime(t)} kern.info SIM state changed to inserted (internal modem)`,
    (t) => `12 ${ctime(t)} daemon.info gsmd[3553]: with a record id`,
    (t) => `${bsdStamp(t)} am netifd: a host named am`,
    (t) => `${bsdStamp(t)} router local2.info chat[4403]: abort on (BUSY)`,
    (t, up) => `${bsdStamp(t)} Kernel: ${uptime(up)} capital kernel`,
    (t) => `Bus 001 Device 00${Math.floor(t / 1000) % 9}: ID 2c7c:0125 Quectel`,
    (t) => `${ctime(t)} daemon.info gsmd[3553]: nul\0byte`,
    (_t, up) => `${uptime(up)} <info> [1767016030.370510] [modem0] a debug stamp`,
    () => 'Mobile data disconnected',
    (_t, _up, s) => `kern  :info  : ${s.message}`,
    (t, _up, s) => `kern  :err   : [${ctime(t)}] ${s.message}`,
    (t, _up, s) => `${bsdStamp(t)} gw${t % 5} ${tagOf(s)}: ${s.message}`,
    (t) => `${bsdStamp(t)} gw${t % 5} Mobile data disconnected`,
    (t) => `${bsdStamp(t)} gw${t % 5} SIM state changed to inserted`,
  ];
  const shapes = [...Object.values(SHAPES), ...odd];
  const prefix = (() => {
    const lines: string[] = [];
    const names = Object.keys(SHAPES);
    // Every shape before line 2,000, so every fast reader is open when the random lines come.
    const each = Math.ceil((FAST_LANE_AFTER + 1) / names.length);
    for (let i = 0; lines.length <= FAST_LANE_AFTER; i++) lines.push(...generate(names[i % names.length], each, Date.UTC(2024, 10, 1) + i * 3600_000, i));
    return lines;
  })();

  // After every shape (each fast reader open, the caches warm), and from the file's first line
  // (the readers open as their formats first appear, amid paste artefacts).
  for (const [name, start] of [['after 2,000 lines of every shape', prefix], ['from the first line', []]] as const) it(`gives the same analysis as the full parser, ${name}`, () => {
    const step = fc.record({
      shape: fc.nat(shapes.length - 1),
      event: fc.boolean(),
      pick: fc.nat(10_000),
      dt: fc.oneof(fc.integer({ min: 0, max: 9000 }), fc.integer({ min: -7200_000, max: 40 * 86400_000 })),
      reboot: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 300 }), (steps) => {
        let t = Date.UTC(2024, 10, 20);
        let up = 500;
        const lines = start.slice();
        for (const s of steps) {
          t += s.dt;
          up = s.reboot === 0 ? 1 : up + Math.max(0, s.dt) / 1000;
          const said = s.event ? EVENTS[s.pick % EVENTS.length] : NOISE[s.pick % NOISE.length];
          lines.push(shapes[s.shape](t, up, said));
        }
        both(lines.join('\n'));
      }),
      { numRuns: 40 },
    );
  });
});

describe('fast lane: cases its property tests found', () => {
  it('a LuCI copy whose stamps name their zone (`MEZ`), between logread lines: the same analysis as the full parser', () => {
    both([
      '2024-11-20T00:00:00Z {host="router", job="syslog", unit="gsmd.service"} Nov 20 00:00:00 router dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop',
      '[20.11.2024, 00:00:00 MEZ] daemon.info: dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop',
      'Wed Nov 20 00:00:00 2024 daemon.info dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop',
      '[20.11.2024, 00:00:00 MEZ] daemon.info: dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop',
    ].join('\n') + '\n');
  });
  it("a flashing tool's elapsed time without its colon (QFirehose 1.4.17's `[004.533] `) amid dmesg lines: the same analysis, and no uptime", () => {
    const lines = ['[   12.000000] usb 2-1: new high-speed USB device number 3 using xhci-mtk', "[004.533] switch to 'Emergency download mode'", '[   13.000000] usb 2-1: USB disconnect, device number 3', '[089.125] Upgrade module successfully.'];
    both(lines.join('\n') + '\n');
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    assert.ok(a.events.every((e) => !/Upgrade module/.test(e.text) || e.uptime === undefined), 'no kernel uptime on the tool\'s line');
  });
});
