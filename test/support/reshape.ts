// Renders a log in another shape: the same records, written the way another logger, locale or
// paste path would have written them. The metamorphic test analyses both and expects the same
// diagnosis, which is what "read any router log" means for a log we have never seen.
import type { LogRecord } from '../../server/src/core/model';
import { LineParser, stripPasteArtefacts, type ParseResult } from '../../server/src/core/records/lineParser';
import { isTimeOnly } from '../../server/src/core/records/timeWords';
import { FORMATS } from '../../server/src/core/formats/registry';

export type Shape =
  | 'bsd-host' // `Dec  2 19:54:59 router gsmd[3553]: msg` (RFC 3164 as written by syslogd)
  | 'bsd-nohost' // `Dec  2 19:54:59 gsmd[3553]: msg`
  | 'rfc5424' // `<30>1 2024-12-02T19:54:59.000Z router gsmd 3553 - - msg`
  | 'journal-short-iso' // `2024-12-02T19:54:59+0000 router gsmd[3553]: msg`
  | 'bracketed-program' // `2024-12-02 19:54:59 [gsmd] msg`: an application's template, the program in brackets
  | 'iso-zone-name' // `2024-12-02 19:54:59 CET router gsmd[3553]: msg`: a template that names the zone after the clock
  | 'journal-short-precise' // `Dec 02 19:54:59.123000 router gsmd[3553]: msg`
  | 'journal-short-full' // `Mon 2024-12-02 19:54:59 UTC router gsmd[3553]: msg`
  | 'journal-short-unix' // `1733169299.000000 router gsmd[3553]: msg`
  | 'dmesg-T-foreign' // kernel records as `dmesg -T` in a Polish or German locale
  | 'dmesg-H' // kernel records as `dmesg -H`: `[Mar15 11:47] msg` when the minute changes, else `[  +2.000123] msg`, the time since the line before
  | 'dmesg-iso' // kernel records as `dmesg --time-format iso`: `2024-12-02T19:54:59,000000+00:00 usb 1-1: msg`
  | 'logread' // RutOS/OpenWrt logread: `Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: msg`
  | 'bsd-host-facility' // a router's syslog written by another host's syslogd: `Dec  2 19:54:59 router daemon.info gsmd[3553]: msg`
  | 'logread-t' // `logread -t`: `Mon Dec  2 19:54:59 2024 [1733169299.000] daemon.info gsmd[3553]: msg`, the time since 1970 after the date (OpenWrt's ubox logread.c)
  | 'logread-ids' // RutOS's log file from 7.11: logd's record id before each logread line (knowledge 1.3)
  | 'luci' // LuCI's log table copied from a German browser: `[2.12.2024, 19:54:59 MEZ] daemon.info: gsmd[3553]: msg`
  | 'luci-en-gb' // the same table in a British browser, the day first: `[02/12/2024, 19:54:59] daemon.info: gsmd[3553]: msg`
  | 'luci-en-us' // and in an American one, the month first, a 12-hour clock: `[12/2/2024, 7:54:59 PM] daemon.info: gsmd[3553]: msg`
  | 'dashes-us' // a numeric date with dashes, the month first (an American's template): `12-02-2024 19:54:59 router gsmd[3553]: msg`
  | 'dashes-eu' // the same, the day first (a European's): `02-12-2024 19:54:59 router gsmd[3553]: msg`
  | 'dmesg-x' // dmesg's own records as `dmesg -x`: `kern  :info  : [  466.515595] usb 1-1: msg`
  | 'dmesg-d' // dmesg's own records as `dmesg -d`: `[  466.515595 <    0.000100>] usb 1-1: msg`
  | 'dmesg-caller' // dmesg's own records from a kernel with CONFIG_PRINTK_CALLER: `[  466.515595] [  T123] usb 1-1: msg`
  | 'dmesg-json' // a log of dmesg's records only, as `dmesg --json` writes it: `{"dmesg": [{"pri": 6, "time": 466.515595, "msg": "usb 1-1: msg"}, ...]}`
  | 'dmesg-x-T' // kernel records as `dmesg -x -T`: `kern  :info  : [Mon Dec  2 19:54:59 2024] usb 1-1: msg`
  | 'dmesg-x-t' // kernel records as `dmesg -x -t` (no stamp): `kern  :info  : usb 1-1: msg`
  | 'export-spaces' // the same table copied from a page as text, its columns two spaces apart: `2024-12-02 19:54:59.000  router  gsmd  msg`
  | 'export-tsv' // a log aggregator's table exported as tab-separated values: `2024-12-02 19:54:59.000\trouter\tgsmd\tmsg`
  | 'syslog-server-tsv' // a Windows syslog server's file (Kiwi's date, time, priority, host, message), the message the router's own line: `2024-12-02\t19:54:59\tDaemon.Info\t192.168.1.1\tDec  2 19:54:59 gsmd[3553]: msg`
  | 'export-csv' // the table as CSV, the level a column: `"2024-12-02T19:54:59.000Z","router","info","gsmd","msg"`
  | 'export-csv-excel' // the CSV a spreadsheet saves in a locale whose decimal mark is a comma: `02.12.2024 19:54:59;router;info;gsmd;msg`, a column quoted only when it must be
  | 'export-headed' // a CSV download with its header row, the message first and the time last: `"message","host","severity","program","@timestamp"`
  | 'export-bars' // the same table printed with bars: `2024-12-02 19:54:59.000 | router | gsmd | msg`
  | 'journal-json' // journalctl -o json: `{"__REALTIME_TIMESTAMP":"1733169299000000",...,"SYSLOG_IDENTIFIER":"gsmd","MESSAGE":"msg"}`
  | 'journal-json-seq' // journalctl -o json-seq: each object after a record separator (U+001E, RFC 7464)
  | 'journal-json-sse' // journalctl -o json-sse: `data: {...}` and a blank line, a server-sent event stream
  | 'journal-with-unit' // journalctl -o with-unit: short-full with the unit for the program, `Mon 2024-12-02 19:54:59 UTC router gsmd.service[3553]: msg`
  | 'logcat-threadtime' // adb logcat (threadtime): `12-02 19:54:59.000  3553  3560 I gsmd    : msg`
  | 'logcat-time' // adb logcat -v time: `12-02 19:54:59.000 I/gsmd    ( 3553): msg`
  | 'logcat-brief' // adb logcat -v brief: `I/gsmd    ( 3553): msg`, no time
  | 'logfmt' // Go's slog text: `time=2024-12-02T19:54:59.000Z level=INFO msg="msg" app=gsmd pid=3553`, quoted where it must be
  | 'time-only' // `19:54:59 gsmd[3553]: msg`
  | 'iso-named' // `2024-12-02 19:54:59 gsmd: msg`: a template that writes the program without its pid, no host
  | 'iso-levelled' // `2024-12-02T19:54:59+0000 INFO gsmd[3553]: msg`: a level word where journalctl writes the host
  | 'iso-levelled-bracketed' // `2024-12-02 19:54:59 [INFO] [gsmd] msg`: a level and the program, each in brackets
  | 'bracketed-iso-host' // `[2024-12-02 19:54:59] router gsmd[3553]: msg`: the stamp in brackets, then syslog's host and program
  | 'time-only-bracketed' // `19:54:59 [gsmd] msg`: an application's template with a time of day and the program in brackets
  | 'stripped' // no clocks: `daemon.info gsmd[3553]: msg`, `kernel: msg`
  | 'cat-n' // numbered by `cat -n` (or `less -N`, vim's `:set nu`): `     1\tMon Dec  2 ...`, every line, wrapped ones too
  | 'grep-numbered' // `grep -Hn` over saved logs: `/tmp/rut-901_logs/system.log:12:Mon Dec  2 ...`, the path with dashes and a colon-free drive
  | 'grep-named' // `grep -H` / `zgrep` over the syslog: `messages:Dec  2 ...`, the name with no dot or slash
  | 'compose' // `docker compose logs`: each line after its service's name, padded, and a bar (`kmsg-1      | ` for the kernel's records, `syslog-ng-1 | ` for the others)
  | 'kubectl-prefix' // `kubectl logs --prefix`: `[pod/router-7d9f8/syslog] ` before every line
  | 'capture-tio' // each record's line as a serial terminal captured it: tio's time of day first, `[19:54:59.123] Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: msg`
  | 'capture-ts' // the same through moreutils' `ts`: `Dec 02 19:54:59 Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: msg`
  | 'level-first' // a level word before each record's line, as log4j's `%-5p %d` and many tools' `[ERROR] ` write it: `[WARN] Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: msg`
  | 'grep-color' // `grep --color=always -iE 'modem|usb|sim|$'`: each match between grep's colour and erase-line escapes, `\e[01;31m\e[Kmodem\e[m\e[K`
  | 'ecs-hits' // Elasticsearch's hits one a line (`jq -c '.hits.hits[]'`), each record in `_source` with the Elastic Common Schema's nested fields: `{"_index":"logs","_id":"0","_source":{"@timestamp":...,"host":{"hostname":"router"},"process":{"name":"gsmd","pid":3553},"log":{"syslog":{...}},"message":"msg"}}`
  | 'loki-labels' // logcli over a stream whose labels name the program (promtail's syslog receiver, relabelled): `2024-12-02T19:54:59.000Z {app="gsmd", host="router", level="info"} msg`, no pid
  | 'loki-logcli' // Grafana Loki's `logcli query`: the time, the stream's labels, the line: `2024-12-02T19:54:59Z {host="router", job="syslog"} Mon Dec  2 ...`
  | 'gelf' // Graylog's GELF, one object a line: `{"version":"1.1","host":"router","short_message":"msg","timestamp":1733169299,"level":6,"_program":"gsmd","_pid":3553}`
  | 'forum-quote' // `> ` before every line
  | 'code-block' // indented by four spaces: a Markdown code block (Stack Exchange, Reddit)
  | 'bulleted' // `- ` before every record: a Markdown list
  | 'crlf-bom' // byte-order mark, CRLF line ends
  | 'kernel-2.6' // the kernel's USB lines in a 2.6 kernel's words: `USB disconnect, address 2`, `new high speed USB device using ehci_hcd and address 2`
  | 'mail-wrapped' // lines wrapped at 76 columns, continuations indented
  | 'terminal-80' // copied from an 80-column terminal or serial console: every line cut at column 80, inside words
  | 'no-break-spaces' // copied from Outlook, Teams or Word: every space a no-break space (U+00A0), a narrow one (U+202F) in runs
  | 'newest-first' // listed newest first, as an aggregator's export or `journalctl -r`: records in reverse, a record's wrapped lines after it
  | 'escaped-string' // the whole log as one JSON string, on one line: `"Mon Dec  2 19:54:59 2024 ...\nMon Dec ..."` (an API's answer, a ticket's export)
  | 'json-message' // the whole log as the message of one JSON object, on one line: `{"host":"router","log":"Mon Dec ...\n..."}`
  | 'json-string-array' // an API's answer: a JSON array of the log's lines, pretty-printed, one string a line
  | 'space-joined' // the whole log on one line, its line breaks spaces: a shell's `echo $(logread)`, a one-line form
  | 'html-one-line' // the log in a page's markup on one line: lines joined by `<br>`, `<`, `>`, `&` and runs of spaces as entities
  | 'html-source' // the same with its line breaks kept: `Mon Dec &nbsp;2 19:54:59 2024 ... &lt;info&gt; ...<br>` on each line
  | 'journal-json-pretty' // journalctl -o json-pretty: each record an object over many lines, `\t"MESSAGE" : "..."`
  | 'export-json-array' // an aggregator's export: one JSON array of the records, pretty-printed
  | 'search-answer' // an Elasticsearch/OpenSearch answer saved pretty: the records at `hits.hits[]._source`
  | 'journal-verbose' // journalctl -o verbose: a header with the time and cursor, then `    FIELD=value` lines
  | 'journal-export'; // journalctl -o export: `__CURSOR=...`, `__REALTIME_TIMESTAMP=...`, `FIELD=value` lines, a blank line after each

export interface ReshapeOptions {
  /** Year for the renderer's own parse of yearless lines. */
  referenceYear?: number;
  /** Locale of `dmesg -T` dates. */
  locale?: 'pl' | 'de';
  /** Moves every record's wall time by this much (ms): the same log on other days. */
  shiftMs?: number;
  /** The host written for every record, in shapes that write one (default: the record's own, else `router`). */
  host?: string;
}

/** A physical line and what the parser made of it (records extended by later continuations). */
export interface ParsedLine {
  raw: string;
  result: ParseResult;
}

export interface ParsedLog {
  lines: ParsedLine[];
  referenceYear: number;
  trailingNewline: boolean;
  /** Wall time per record: its own, or one derived from its kernel uptime (see wallClocks). */
  clock: Map<LogRecord, number>;
}

/** Parses every physical line as LineSplitter would hand it over (LF-separated). */
export function parseLog(text: string, referenceYear = 2024): ParsedLog {
  const raws = text.split('\n');
  const trailingNewline = raws.length > 1 && raws[raws.length - 1] === '';
  if (trailingNewline || text === '') raws.pop();
  const parser = new LineParser({ referenceYear });
  const lines = raws.map((raw, i) => ({ raw, result: parser.parse(raw, i + 1) }));
  return { lines, referenceYear, trailingNewline, clock: wallClocks(lines, referenceYear) };
}

/**
 * Wall times for the records. A record with its own wall time keeps it. In a log with no wall
 * time at all (a dmesg excerpt), each kernel record gets boot time + uptime, which is what
 * `dmesg -T` and a syslog daemon do; after an uptime reset (a reboot) the clock goes on forward.
 * In a log that has wall times, uptime-only lines (pasted console output) get none, so they keep
 * their raw shape: inventing their place on the wall clock would add a fact the log lacks.
 */
function wallClocks(lines: readonly ParsedLine[], referenceYear: number): Map<LogRecord, number> {
  const records = lines.map((l) => l.result).filter((r): r is LogRecord => typeof r !== 'string');
  const clock = new Map<LogRecord, number>();
  if (records.some((r) => r.time !== undefined)) {
    for (const r of records) if (r.time !== undefined) clock.set(r, r.time);
    return clock;
  }
  let boot = Date.UTC(referenceYear, 11, 2);
  let last: { uptime: number; wall: number } | undefined;
  for (const r of records) {
    if (r.uptime === undefined) continue;
    // The collector's rule for a new boot: uptime going back by more than a second.
    if (last && r.uptime + 1 < last.uptime) boot = last.wall + 60_000 - Math.round(r.uptime * 1000);
    const wall = boot + Math.round(r.uptime * 1000);
    clock.set(r, wall);
    last = { uptime: r.uptime, wall };
  }
  return clock;
}

/** Share of the non-blank lines that belong to a record with a clock: how much a reshape changes. */
export function clockedShare(log: ParsedLog): number {
  let content = 0;
  let clocked = 0;
  let owner: LogRecord | undefined;
  for (const l of log.lines) {
    if (typeof l.result !== 'string') owner = l.result;
    else if (l.result !== 'continuation') owner = undefined;
    if (l.result === 'blank') continue;
    content++;
    if (owner && log.clock.has(owner)) clocked++;
  }
  return content ? clocked / content : 0;
}

/**
 * Whether a reader given only times of day can still put every line on the right day: each
 * record's clock steps forward from the one before by less than 23 h, so a time of day that goes
 * back by more than an hour means midnight passed, and never means anything else.
 */
export function fitsWithoutDates(log: ParsedLog): boolean {
  let last: number | undefined;
  for (const t of log.clock.values()) {
    if (last !== undefined && (t < last || t - last >= 23 * 3600_000)) return false;
    last = t;
  }
  return true;
}

export function reshape(text: string, shape: Shape, options: ReshapeOptions = {}): string {
  const log = parseLog(text, options.referenceYear);
  const raws = log.lines.map((l) => l.raw);
  switch (shape) {
    case 'forum-quote':
      return join(raws.map((l) => '> ' + l), '\n', log.trailingNewline);
    case 'capture-tio':
    case 'capture-ts':
    case 'loki-logcli':
      // The capture's clock is the record's own (a capture a moment later reads the same); a
      // line with no wall clock of its own, or one a paste changed, is left as it was.
      return join(
        log.lines.map((l) => {
          const r = l.result;
          if (typeof r === 'string' || r.time === undefined || isTimeOnly(r.time) || !/^[[<\dA-Z]/.test(l.raw)) return l.raw;
          const d = new Date(r.time);
          const p2 = (n: number): string => String(n).padStart(2, '0');
          const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
          if (shape === 'loki-logcli') return `${d.toISOString()} {host="${options.host ?? 'router'}", job="syslog"} ${l.raw}`;
          return shape === 'capture-tio' ? `[${time}.${String(d.getUTCMilliseconds()).padStart(3, '0')}] ${l.raw}` : `${EN_MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${time} ${l.raw}`;
        }),
        '\n',
        log.trailingNewline,
      );
    case 'level-first':
      // The record's own level (info where it has none), before a line that starts with its date or uptime; other lines as they were.
      return join(
        log.lines.map((l) => {
          const r = l.result;
          // Only a line whose header is a clock (not a clock an envelope in its message gives, as ModemManager's debug stamp).
          if (typeof r === 'string' || HEADER_CLOCK.get(r.format) === 'none' || (r.time === undefined && r.uptime === undefined) || (r.time !== undefined && isTimeOnly(r.time)) || !/^[[<\dA-Z]/.test(l.raw)) return l.raw;
          const word = { emerg: 'FATAL', alert: 'FATAL', crit: 'CRITICAL', err: 'ERROR', warn: 'WARN', notice: 'NOTICE', info: 'INFO', debug: 'DEBUG' }[r.syslogLevel ?? 'info'];
          return `[${word}] ${l.raw}`;
        }),
        '\n',
        log.trailingNewline,
      );
    case 'grep-color':
      return join(raws.map((l) => l.replace(/modem|usb|sim/gi, (m) => `\u001b[01;31m\u001b[K${m}\u001b[m\u001b[K`)), '\n', log.trailingNewline);
    case 'cat-n':
      return join(raws.map((l, i) => `${String(i + 1).padStart(6)}\t${l}`), '\n', log.trailingNewline);
    case 'grep-numbered':
      return join(raws.map((l, i) => `/tmp/rut-901_logs/system.log:${i + 1}:${l}`), '\n', log.trailingNewline);
    case 'grep-named':
      return join(raws.map((l) => `messages:${l}`), '\n', log.trailingNewline);
    case 'compose': {
      // Two services interleaved as compose prints them: a record's wrapped lines keep its service.
      let kernel = false;
      return join(
        log.lines.map((l) => {
          if (typeof l.result !== 'string') kernel = l.result.tag === 'kernel';
          else if (l.result !== 'continuation') kernel = false;
          return `${kernel ? 'kmsg-1     ' : 'syslog-ng-1'} | ${l.raw}`;
        }),
        '\n',
        log.trailingNewline,
      );
    }
    case 'kubectl-prefix':
      return join(raws.map((l) => `[pod/router-7d9f8/syslog] ${l}`), '\n', log.trailingNewline);
    case 'code-block':
      return join(raws.map((l) => (l === '' ? l : '    ' + l)), '\n', log.trailingNewline);
    case 'bulleted':
      // Each record an item; the lines a record took from the next ones (mail wrapping) stay its text.
      return join(log.lines.map((l) => (l.raw === '' || l.result === 'continuation' ? l.raw : '- ' + l.raw)), '\n', log.trailingNewline);
    case 'crlf-bom':
      return '\uFEFF' + join(raws.map((l) => l.replace(/\r$/, '')), '\r\n', log.trailingNewline);
    case 'kernel-2.6':
      // The same events as an old router's kernel writes them (Linux 2.6.32 hub.c): the device
      // number is the address, after the host controller's name; the speed is two words.
      return join(
        raws.map((l) =>
          l
            .replace(/(usb [\d.-]+: )USB disconnect, device number (\d+)/, '$1USB disconnect, address $2')
            .replace(/(usb [\d.-]+: )(new|reset) (low|full|high|super)-speed USB device number (\d+) using (\S+)/, '$1$2 $3 speed USB device using $5 and address $4'),
        ),
        '\n',
        log.trailingNewline,
      );
    case 'mail-wrapped':
      return join(raws.flatMap(wrapAt76), '\n', log.trailingNewline);
    case 'terminal-80':
      return join(raws.flatMap((l) => (l.length <= 80 ? [l] : (l.match(/.{1,80}/g) ?? [l]))), '\n', log.trailingNewline);
    case 'no-break-spaces':
      return join(raws.map((l) => l.replace(/  /g, ' \u202f').replace(/ /g, '\u00a0')), '\n', log.trailingNewline);
    case 'newest-first': {
      // A record and the lines it took from the next ones are one unit; anything else a line of its own.
      const units: string[][] = [];
      for (const l of log.lines) {
        if (l.result === 'continuation' && units.length) units[units.length - 1].push(l.raw);
        else units.push([l.raw]);
      }
      return join(units.reverse().flat(), '\n', log.trailingNewline);
    }
    case 'journal-json-seq':
      return join(reshape(text, 'journal-json', options).split('\n').map((l) => (l.startsWith('{') ? `\u001e${l}` : l)), '\n', false);
    case 'journal-json-sse': {
      // Each event its `data: ` line and a blank line; a line that was no record stays as it was.
      const lines = reshape(text, 'journal-json', options).split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      return join(lines.map((l) => (l.startsWith('{') ? `data: ${l}\n` : l)), '\n', log.trailingNewline);
    }
    case 'journal-json-pretty':
      return join(journalObjects(text, options).map(prettyJournal), '\n', log.trailingNewline);
    case 'export-json-array':
      return `${JSON.stringify(journalObjects(text, options), null, 2)}\n`;
    case 'search-answer': {
      const hits = journalObjects(text, options).map((o, i) => ({ _index: 'router-logs', _id: String(i), _score: null, _source: o }));
      return `${JSON.stringify({ took: 7, timed_out: false, hits: { total: { value: hits.length, relation: 'eq' }, hits } }, null, 2)}\n`;
    }
    case 'journal-verbose':
    case 'journal-export':
      return join(journalObjects(text, options).map((o, i) => (o.__REALTIME_TIMESTAMP === undefined ? String(o.MESSAGE) : journalEntry(o, i, shape))), '\n', log.trailingNewline);
    case 'dmesg-json': {
      // util-linux's dmesg --json: the ring buffer's records in one document, each its level, its
      // seconds since boot and its message. A log with any other line is not dmesg's: left as it was.
      const records = log.lines.filter((l) => typeof l.result !== 'string');
      if (records.length === 0 || records.some((l) => (l.result as LogRecord).format !== 'dmesg' || (l.result as LogRecord).uptime === undefined)) return text;
      const dmesg = records.map((l) => {
        const r = l.result as LogRecord;
        return { pri: LEVELS.indexOf(r.syslogLevel ?? 'info'), time: r.uptime, msg: withoutUptime(r, writtenBody(r, l.raw, log.referenceYear)) };
      });
      return `${JSON.stringify({ dmesg }, null, 3)}\n`;
    }
    case 'escaped-string':
      return JSON.stringify(join(raws, '\n', log.trailingNewline)) + '\n';
    case 'json-string-array':
      return `${JSON.stringify(raws, null, 2)}\n`;
    case 'space-joined':
      // The reader finds the records again by their clocks, a date and time or a printk stamp; a log
      // with neither (ESP-IDF's milliseconds since boot) is not re-told so: it stays as it was.
      if (!log.lines.some((l) => typeof l.result !== 'string' && ((l.result.time !== undefined && !isTimeOnly(l.result.time)) || l.result.format === 'dmesg'))) return text;
      return join(raws, ' ', false) + '\n';
    case 'json-message':
      return JSON.stringify({ host: 'router', source: 'logread', log: join(raws, '\n', log.trailingNewline) }) + '\n';
    case 'html-one-line':
      return `<div class="log">${raws.map(asHtml).join('<br>')}</div>\n`;
    case 'html-source':
      return join(raws.map((l) => `${asHtml(l)}<br />`), '\n', log.trailingNewline);
    case 'export-headed':
      return join(['"message","host","severity","program","@timestamp"', ...renderRecords(log, shape, options)], '\n', log.trailingNewline);
    case 'logcat-threadtime':
    case 'logcat-time':
    case 'logcat-brief':
      // Every logcat line has a tag: a log with a timed record of no program (a RutOS event) cannot
      // be told so, and half of it left as it was would mix two clocks. It stays as it was.
      if (log.lines.some((l) => typeof l.result !== 'string' && l.result.tag === undefined && log.clock.has(l.result))) return text;
      return join(renderRecords(log, shape, options), '\n', log.trailingNewline);
    default:
      return join(renderRecords(log, shape, options), '\n', log.trailingNewline);
  }
}

/** The records as journald's objects (the journal-json shape), every other line as an object with that line as its message. */
function journalObjects(text: string, options: ReshapeOptions): Record<string, unknown>[] {
  const lines = reshape(text, 'journal-json', options).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => {
    if (l.startsWith('{"__REALTIME_TIMESTAMP"')) return JSON.parse(l) as Record<string, unknown>;
    return { MESSAGE: l };
  });
}

/** A journald entry as `journalctl -o verbose` or `-o export` writes it. */
function journalEntry(o: Record<string, unknown>, i: number, shape: 'journal-verbose' | 'journal-export'): string {
  const us = BigInt(String(o.__REALTIME_TIMESTAMP));
  const hex = (n: bigint | number, w = 1): string => n.toString(16).padStart(w, '0');
  const boot = 'b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8';
  const cursor = `s=8f2c1e0a4b5d4e7f9a0b1c2d3e4f5a6b;i=${hex(i + 1)};b=${boot};m=${hex(1_000_000 + i)};t=${hex(us)};x=${hex(0x9e8d7c6b + i)}`;
  const fields = Object.entries(o).filter(([k]) => k !== '__REALTIME_TIMESTAMP');
  if (shape === 'journal-export') return [`__CURSOR=${cursor}`, `__REALTIME_TIMESTAMP=${us}`, `_BOOT_ID=${boot}`, ...fields.map(([k, v]) => `${k}=${String(v)}`), ''].join('\n');
  const d = new Date(Number(us / 1000n));
  const stamp = `${EN_DAYS[d.getUTCDay()]} ${isoDate(d)} ${clock(d)}.${String(us % 1_000_000n).padStart(6, '0')} UTC`;
  return [`${stamp} [${cursor}]`, `    _BOOT_ID=${boot}`, ...fields.map(([k, v]) => `    ${k}=${String(v)}`)].join('\n');
}

/** An object as `journalctl -o json-pretty` writes it: a tab before each field, ` : ` between key and value. */
function prettyJournal(o: Record<string, unknown>): string {
  return `{\n${Object.entries(o).map(([k, v]) => `\t${JSON.stringify(k)} : ${JSON.stringify(v)}`).join(',\n')}\n}`;
}

/** A line as a page's source writes it: `&`, `<` and `>` as entities, a run of spaces kept by `&nbsp;`. */
function asHtml(line: string): string {
  return line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ {2}/g, ' &nbsp;');
}

function join(lines: readonly string[], eol: string, trailing: boolean): string {
  return lines.join(eol) + (trailing ? eol : '');
}

/**
 * Each record with a clock is written in the shape, once, with the continuation lines it absorbed
 * joined into it; everything else (text, section headers, lsusb, blank and elided lines, records
 * with no clock to write) passes through as it was.
 */
function renderRecords(log: ParsedLog, shape: Shape, options: ReshapeOptions): string[] {
  const out: string[] = [];
  let owner: { rendered: boolean } | undefined;
  // Whether a line before has shown the host with a program (bracketed-iso-host).
  let hostsShown = false;
  // dmesg -H's last kernel line: its time, to write the next one's delta or a new minute's clock.
  const lastKernel = { wall: undefined as number | undefined };
  for (const l of log.lines) {
    const r = l.result;
    if (r === 'continuation' && owner) {
      if (!owner.rendered) out.push(l.raw);
      continue;
    }
    if (typeof r === 'string') {
      owner = undefined;
      out.push(l.raw);
      continue;
    }
    const clock = log.clock.get(r);
    const wall = clock === undefined ? undefined : clock + (options.shiftMs ?? 0);
    const body = wall === undefined ? undefined : writtenBody(r, l.raw, log.referenceYear);
    const line = body === undefined ? undefined : shape === 'dmesg-H' ? humanDmesg(r, body, wall!, lastKernel) : renderRecord(r, body, wall!, shape, options, hostsShown);
    if (line !== undefined && (r.tag !== undefined || r.pid !== undefined)) hostsShown = true;
    owner = { rendered: line !== undefined };
    out.push(line ?? l.raw);
  }
  return out;
}

/**
 * util-linux's `dmesg -H` (reltime): a line in a new minute opens with the clock, strftime
 * `%b%e %H:%M`, the others with the time since the line before, `[  %+8.06f]` (dmesg.c,
 * print_record). Only the kernel's lines are dmesg's.
 */
function humanDmesg(r: LogRecord, body: string, wall: number, last: { wall: number | undefined }): string | undefined {
  if (r.tag !== 'kernel') return undefined;
  const d = new Date(wall);
  const minute = Math.floor(wall / 60_000);
  const previous = last.wall;
  last.wall = wall;
  const text = withoutUptime(r, body);
  if (previous === undefined || Math.floor(previous / 60_000) !== minute) {
    return `[${EN_MONTHS[d.getUTCMonth()]}${pad(d.getUTCDate(), 2, ' ')} ${clock(d).slice(0, 5)}] ${text}`;
  }
  const delta = (wall - previous) / 1000;
  return `${delta < 10 ? `[  +${delta.toFixed(6)}]` : `[ +${delta.toFixed(6).padStart(9)}]`} ${text}`;
}

/** Each registry format's clock, by id. */
const HEADER_CLOCK = new Map<string, string>(FORMATS.map((f) => [f.id, f.clock]));

/** A syslog header the parser reads whatever the shape of the log under test. */
const PROBE_HEADER = 'Mon Dec  2 19:54:59 2024 daemon.info ';

/**
 * The message as the program wrote it. The parser peels envelopes off a message into fields
 * (ModemManager's `<info>  [modem0]`, netifd's `wan (5907): `, the kernel's `[  303.10]`); a
 * reshape must write them back, or it would change what the line says rather than its shape.
 * The written body is the longest tail of the line that, after a tag, reads back to the same tag
 * and message; text the record took from mail-wrapped continuation lines is appended.
 */
export function writtenBody(r: LogRecord, raw: string, referenceYear: number): string {
  if ((r as LogRecord & { envelope?: unknown }).envelope === undefined && r.uptime === undefined) return r.message;
  const alone = new LineParser({ referenceYear }).parse(raw, r.line);
  const first = typeof alone === 'string' ? r.message : alone.message;
  const wrapped = r.message.startsWith(first) ? r.message.slice(first.length) : '';
  const line = stripPasteArtefacts(raw);
  for (let p = 0; p < line.length; p++) {
    if (p > 0 && line[p - 1] !== ' ') continue;
    const back = new LineParser({ referenceYear }).parse(PROBE_HEADER + tagPrefix(r) + line.slice(p), 1);
    if (typeof back !== 'string' && back.message === first && back.tag === r.tag && back.pid === r.pid) return line.slice(p) + wrapped;
  }
  return r.message;
}

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// glibc's abbreviated names (pl_PL, de_DE), as `dmesg -T` prints them under that LC_TIME.
const DMESG_T_NAMES = {
  pl: { days: ['nie', 'pon', 'wto', 'śro', 'czw', 'pią', 'sob'], months: ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'] },
  de: { days: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'], months: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'] },
};
const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'audit', 'alert', 'clock', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];
const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

const pad = (n: number, w = 2, c = '0'): string => String(n).padStart(w, c);
const clock = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const isoDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** `gsmd[3553]: `, `netifd: `, `[2656]: ` (a daemon with an empty tag), or nothing (tagless events). */
function tagPrefix(r: LogRecord): string {
  if (r.tag !== undefined && r.pid !== undefined) return `${r.tag}[${r.pid}]: `;
  if (r.tag !== undefined) return `${r.tag}: `;
  if (r.pid !== undefined) return `[${r.pid}]: `;
  return '';
}

const UPTIME_LEAD = /^\[\s*\d+\.\d+\]\s?/;

/** The body led by the kernel uptime, where the record had one (`[  303.102113] usb 1-1: ...`). */
function withUptime(r: LogRecord, body: string): string {
  if (r.uptime === undefined || r.tag !== 'kernel' || UPTIME_LEAD.test(body)) return body;
  return `[${r.uptime.toFixed(6).padStart(12)}] ${body}`;
}

/** `facility.level` as logread writes it (a record's syslog level is already one of LEVELS). */
const priorityOf = (r: LogRecord): string => `${r.facility ?? (r.tag === 'kernel' ? 'kern' : 'user')}.${r.syslogLevel ?? 'info'}`;

/** The body without the kernel uptime, for shapes that print no uptime. */
const withoutUptime = (r: LogRecord, body: string): string => (r.uptime !== undefined ? body.replace(UPTIME_LEAD, '') : body);

/** One record in one shape, or undefined when the shape keeps this record as it was. */
function renderRecord(r: LogRecord, body: string, wall: number, shape: Shape, options: ReshapeOptions, hostsShown = false): string | undefined {
  const d = new Date(wall);
  const host = options.host ?? r.host ?? 'router';
  const bsdDate = `${EN_MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate(), 2, ' ')} ${clock(d)}`;
  switch (shape) {
    case 'bsd-host':
      return `${bsdDate} ${host} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'logread':
    case 'logread-ids':
    case 'logread-t':
    case 'bsd-host-facility': {
      const stamp = shape === 'bsd-host-facility' ? `${bsdDate} ${host}` : `${EN_DAYS[d.getUTCDay()]} ${bsdDate} ${d.getUTCFullYear()}`;
      const since1970 = shape === 'logread-t' ? `[${Math.floor(wall / 1000)}.${pad(wall % 1000, 3)}] ` : '';
      return `${shape === 'logread-ids' ? `${1000 + r.line} ` : ''}${stamp} ${since1970}${priorityOf(r)} ${tagPrefix(r)}${withUptime(r, body)}`;
    }
    case 'luci': {
      // The table drops the kernel's tag and keeps its stamp (fixture 027).
      const what = r.tag === 'kernel' ? withUptime(r, body) : `${tagPrefix(r)}${withUptime(r, body)}`;
      return `[${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}, ${clock(d)} MEZ] ${priorityOf(r)}: ${what}`;
    }
    case 'luci-en-gb':
    case 'luci-en-us': {
      const what = r.tag === 'kernel' ? withUptime(r, body) : `${tagPrefix(r)}${withUptime(r, body)}`;
      // toLocaleString('en-GB') and ('en-US') as the browser writes them.
      const [day, month, year] = [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()];
      const h = d.getUTCHours();
      const stamp = shape === 'luci-en-gb'
        ? `${pad(day, 2)}/${pad(month, 2)}/${year}, ${clock(d)}`
        : `${month}/${day}/${year}, ${(h % 12) || 12}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)} ${h < 12 ? 'AM' : 'PM'}`;
      return `[${stamp}] ${priorityOf(r)}: ${what}`;
    }
    case 'dashes-us':
    case 'dashes-eu': {
      const [dd, mm] = [pad(d.getUTCDate(), 2), pad(d.getUTCMonth() + 1, 2)];
      return `${shape === 'dashes-us' ? `${mm}-${dd}` : `${dd}-${mm}`}-${d.getUTCFullYear()} ${clock(d)} ${host} ${tagPrefix(r)}${withUptime(r, body)}`;
    }
    case 'bsd-nohost':
      return `${bsdDate} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'rfc5424': {
      const facility = FACILITIES.indexOf(r.facility ?? (r.tag === 'kernel' ? 'kern' : 'user'));
      const severity = LEVELS.indexOf(r.syslogLevel ?? 'info');
      return `<${facility * 8 + severity}>1 ${d.toISOString()} ${host} ${r.tag || '-'} ${r.pid ?? '-'} - - ${withUptime(r, body)}`;
    }
    case 'journal-short-iso':
      return `${isoDate(d)}T${clock(d)}+0000 ${host} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'bracketed-program':
      // An application's own template: `%(asctime)s [%(name)s] %(message)s`, the program in brackets, no host.
      return `${isoDate(d)} ${clock(d)} ${r.tag ? `[${r.tag}] ` : ''}${withUptime(r, body)}`;
    case 'ecs-hits': {
      const syslog = { severity: { name: r.syslogLevel ?? 'info' }, ...(r.facility !== undefined ? { facility: { name: r.facility } } : {}) };
      const process = r.tag !== undefined ? { process: { name: r.tag, ...(r.pid !== undefined ? { pid: r.pid } : {}) } } : {};
      return JSON.stringify({ _index: 'logs-system.syslog', _id: String(r.line), _score: null, _source: { '@timestamp': d.toISOString(), host: { hostname: host }, ...process, log: { syslog }, message: withUptime(r, body) } });
    }
    case 'loki-labels': {
      // Loki prints a stream's labels sorted by name; the line is the message alone.
      const labels = [...(r.tag !== undefined ? [`app="${r.tag}"`] : []), `host="${host}"`, `level="${r.syslogLevel ?? 'info'}"`];
      return `${d.toISOString()} {${labels.join(', ')}} ${withUptime(r, body)}`;
    }
    case 'iso-named':
      return `${isoDate(d)} ${clock(d)} ${r.tag ? `${r.tag}: ` : ''}${withUptime(r, body)}`;
    case 'iso-levelled':
      return `${isoDate(d)}T${clock(d)}+0000 ${(r.syslogLevel ?? 'info').replace(/^warn$/, 'warning').replace(/^err$/, 'error').replace(/^(emerg|alert|crit)$/, 'critical').toUpperCase()} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'iso-levelled-bracketed':
      return `${isoDate(d)} ${clock(d)} [${(r.syslogLevel ?? 'info').toUpperCase()}] ${r.tag ? `[${r.tag}] ` : ''}${withUptime(r, body)}`;
    case 'bracketed-iso-host':
      // The host with the program, as syslog writes them; a line without a program (a RutOS event)
      // with its host when the log has programs to show it as one, else without: a host column on
      // lines no program names anywhere cannot be told from a message's first word.
      return `[${isoDate(d)} ${clock(d)}] ${r.tag !== undefined || r.pid !== undefined || hostsShown ? `${host} ` : ''}${tagPrefix(r)}${withUptime(r, body)}`;
    case 'iso-zone-name':
      // A template that prints the zone's name after the clock (strftime's %Z, Java's z): CET in winter.
      return `${isoDate(d)} ${clock(d)} CET ${host} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'journal-short-full':
      return `${EN_DAYS[d.getUTCDay()]} ${isoDate(d)} ${clock(d)} UTC ${host} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'journal-with-unit':
      // The unit a program runs as: `.service` after its name (the kernel is no unit's).
      return `${EN_DAYS[d.getUTCDay()]} ${isoDate(d)} ${clock(d)} UTC ${host} ${tagPrefix(r.tag !== undefined && r.tag !== 'kernel' ? { ...r, tag: `${r.tag}.service` } : r)}${withUptime(r, body)}`;
    case 'logcat-threadtime':
    case 'logcat-time':
    case 'logcat-brief': {
      // Android writes the level as a letter and a tag on every line (a log with a record of no
      // program is not re-told so: see reshape).
      const letter = { emerg: 'F', alert: 'F', crit: 'F', err: 'E', warn: 'W', notice: 'I', info: 'I', debug: 'D' }[r.syslogLevel ?? 'info'];
      if (r.tag === undefined) return undefined;
      const pid = String(r.pid ?? 1).padStart(5);
      const stamp = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${clock(d)}.${pad(d.getUTCMilliseconds(), 3)}`;
      if (shape === 'logcat-threadtime') return `${stamp} ${pid} ${pid} ${letter} ${r.tag.padEnd(8)}: ${withUptime(r, body)}`;
      return `${shape === 'logcat-time' ? `${stamp} ` : ''}${letter}/${r.tag.padEnd(8)}(${pid}): ${withUptime(r, body)}`;
    }
    case 'journal-short-unix':
      return `${(d.getTime() / 1000).toFixed(6)} ${host} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'journal-short-precise':
      return `${EN_MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${clock(d)}.${pad(d.getUTCMilliseconds(), 3)}000 ${host} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'dmesg-T-foreign': {
      // dmesg -T prints the wall time instead of the uptime, and only kernel lines are dmesg's.
      if (r.tag !== 'kernel') return undefined;
      const names = DMESG_T_NAMES[options.locale ?? 'pl'];
      return `[${names.days[d.getUTCDay()]} ${names.months[d.getUTCMonth()]} ${pad(d.getUTCDate(), 2, ' ')} ${clock(d)} ${d.getUTCFullYear()}] ${withoutUptime(r, body)}`;
    }
    case 'dmesg-x':
    case 'dmesg-caller':
    case 'dmesg-d': {
      // Only lines that were dmesg's: the same uptime, the facility and level (-x) or the time since the last (-d) added.
      if (r.format !== 'dmesg' || r.uptime === undefined) return undefined;
      const stamp = r.uptime.toFixed(6).padStart(12);
      const text = withoutUptime(r, body);
      if (shape === 'dmesg-d') return `[${stamp} <    0.000100>] ${text}`;
      // The caller: a thread (its id from the line's number), now and then a CPU, as in an interrupt.
      if (shape === 'dmesg-caller') return `[${stamp}] [${(r.line % 5 === 0 ? `C${r.line % 4}` : `T${100 + r.line}`).padStart(6)}] ${text}`;
      return `${'kern'.padEnd(6)}:${(r.syslogLevel ?? 'info').padEnd(6)}: [${stamp}] ${text}`;
    }
    case 'dmesg-x-T':
    case 'dmesg-x-t': {
      // util-linux's decoded facility and level before the human stamp (-T) or none (-t); only the kernel's lines.
      if (r.tag !== 'kernel') return undefined;
      const decoded = `${'kern'.padEnd(6)}:${(r.syslogLevel ?? 'info').padEnd(6)}: `;
      const stamp = shape === 'dmesg-x-T' ? `[${EN_DAYS[d.getUTCDay()]} ${bsdDate} ${d.getUTCFullYear()}] ` : '';
      return `${decoded}${stamp}${withoutUptime(r, body)}`;
    }
    case 'journal-json': {
      // journald's fields: a kernel message without its printk stamp, which becomes the time since boot.
      const kernel = r.tag === 'kernel' && r.uptime !== undefined;
      return JSON.stringify({
        __REALTIME_TIMESTAMP: String(wall * 1000),
        _HOSTNAME: host,
        PRIORITY: String(LEVELS.indexOf(r.syslogLevel ?? 'info')),
        SYSLOG_FACILITY: String(FACILITIES.indexOf(r.facility ?? (r.tag === 'kernel' ? 'kern' : 'user'))),
        ...(r.tag !== undefined ? { SYSLOG_IDENTIFIER: r.tag } : {}),
        ...(r.pid !== undefined ? { _PID: String(r.pid) } : {}),
        ...(kernel ? { _SOURCE_MONOTONIC_TIMESTAMP: String(Math.round(r.uptime! * 1e6)) } : {}),
        MESSAGE: kernel ? withoutUptime(r, body) : body,
      });
    }
    case 'gelf':
      // GELF 1.1: the syslog severity as the level, the time in seconds, the program and pid as additional (`_`) fields.
      return JSON.stringify({
        version: '1.1',
        host,
        short_message: withUptime(r, body),
        timestamp: wall / 1000,
        level: LEVELS.indexOf(r.syslogLevel ?? 'info'),
        ...(r.tag !== undefined ? { _program: r.tag } : {}),
        ...(r.pid !== undefined ? { _pid: r.pid } : {}),
      });
    case 'logfmt': {
      // log/slog's TextHandler: a value with a space, a quote or `=` is quoted with Go's escapes.
      const value = (v: string): string => (/^[^\s"=\\]+$/.test(v) ? v : JSON.stringify(v));
      const level = { emerg: 'ERROR', alert: 'ERROR', crit: 'ERROR', err: 'ERROR', warn: 'WARN', notice: 'INFO', info: 'INFO', debug: 'DEBUG' }[r.syslogLevel ?? 'info'];
      const pairs = [`time=${d.toISOString()}`, `level=${level}`, `msg=${value(withUptime(r, body))}`, ...(r.tag !== undefined ? [`app=${value(r.tag)}`] : []), ...(r.pid !== undefined ? [`pid=${r.pid}`] : []), `host=${host}`];
      return pairs.join(' ');
    }
    case 'export-spaces':
    case 'export-tsv':
    case 'export-bars': {
      // An aggregator's columns (Graylog, Kibana, Loki: time, source, program, message); the pid is
      // not a column of its own, the message as the syslog daemon forwarded it (the kernel's stamp in it).
      const time = `${isoDate(d)} ${clock(d)}.${pad(d.getUTCMilliseconds(), 3)}`;
      const columns = [time, host, r.tag ?? '-', withUptime(r, body)];
      // A table copied from a page as text: its columns two spaces apart.
      return columns.join(shape === 'export-tsv' ? '\t' : shape === 'export-spaces' ? '  ' : ' | ');
    }
    case 'syslog-server-tsv': {
      // The server's own clock a moment after the router's, its name for the facility capitalised.
      const got = new Date(d.getTime() + 1000);
      const facility = r.facility ?? (r.tag === 'kernel' ? 'kern' : 'user');
      const priority = `${facility === 'kern' ? 'Kernel' : facility[0].toUpperCase() + facility.slice(1)}.${(r.syslogLevel ?? 'info')[0].toUpperCase()}${(r.syslogLevel ?? 'info').slice(1)}`;
      return [isoDate(got), clock(got), priority, options.host ?? '192.168.1.1', `${bsdDate} ${tagPrefix(r)}${withUptime(r, body)}`].join('\t');
    }
    case 'export-headed': {
      // Columns in the order a person picked them in the aggregator's view; the header row is added by renderRecords' caller.
      const columns = [withUptime(r, body), host, r.syslogLevel ?? 'info', r.tag ?? '', d.toISOString()];
      return columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
    }
    case 'export-csv-excel': {
      // Excel in a German locale: the date as it shows it, semicolons, quotes only around a column
      // that holds a semicolon, a quote or a line break (a quote in it doubled).
      const columns = [`${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${clock(d)}`, host, r.syslogLevel ?? 'info', r.tag ?? '', withUptime(r, body)];
      return columns.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
    }
    case 'export-csv': {
      // A CSV download (RFC 4180: every column quoted, a quote in it doubled), with a level column.
      const columns = [d.toISOString(), host, r.syslogLevel ?? 'info', r.tag ?? '', withUptime(r, body)];
      return columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
    }
    case 'dmesg-iso':
      // util-linux's ISO stamp: a comma before the microseconds, the zone with a colon; no host, no tag.
      if (r.tag !== 'kernel') return undefined;
      return `${isoDate(d)}T${clock(d)},${pad(d.getUTCMilliseconds(), 3)}000+00:00 ${withoutUptime(r, body)}`;
    case 'time-only':
      return `${clock(d)} ${tagPrefix(r)}${withUptime(r, body)}`;
    case 'time-only-bracketed':
      return `${clock(d)} ${r.tag ? `[${r.tag}] ` : ''}${withUptime(r, body)}`;
    case 'stripped': {
      const priority = r.facility && r.syslogLevel ? `${r.facility}.${r.syslogLevel} ` : '';
      return `${priority}${tagPrefix(r)}${withoutUptime(r, body)}`;
    }
    default:
      return undefined;
  }
}

/**
 * How a mail client wraps a long line: at the last space before column 76, the rest indented on
 * the next line. A word longer than the width is not split (format=flowed does not either).
 */
function wrapAt76(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  let indent = '';
  while (indent.length + rest.length > 76) {
    const room = 76 - indent.length;
    let cut = rest.lastIndexOf(' ', room);
    if (cut <= 0) cut = rest.indexOf(' ', room);
    if (cut <= 0) break;
    const head = rest.slice(0, cut).trimEnd();
    if (head === '') break;
    out.push(indent + head);
    rest = rest.slice(cut).trimStart();
    indent = '    ';
  }
  out.push(indent + rest);
  return out;
}
