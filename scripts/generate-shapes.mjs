// Re-tells a ctime logread log (generate-log.mjs's) in other shapes the format registry reads,
// line for line: the same events and clocks in `dmesg -T`, `dmesg --time-format iso`, journalctl -o short-monotonic, a time
// of day alone (a serial console), a troubleshoot system.log whose lines sit under section
// headers, LuCI's table, lines whose stamps were stripped, OpenWrt's ModemManager in logread (no tag), and the consoles of ModemManager,
// ESP-IDF, quectel-cm and a flashing tool (whose lines keep only the message), logd's record ids before each line (RutOS's log file), and journalctl -o json. npm run bench times each against the log it was made from: a shape without a fast
// reader, or one the fast lane leaves, shows as a multiple of that time.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const CTIME = /^([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d (\d\d):(\d\d):(\d\d) \d{4}) (\S+) (?:kernel: \[\s*\d+\.\d+\] |(\S+?)(?:\[(\d+)\])?: )?(.*)$/;

/** Each shape: a function of the parts of one logread line, and lines to put first. */
export const SHAPES = {
  'dmesg-T': { head: [], line: (p) => `[${p.stamp}] ${p.tag && p.tag !== 'kernel' ? `${p.tag}: ` : ''}${p.message}` },
  // dmesg --time-format iso: the microseconds after a comma, as Python's logging and log4j write a fraction.
  'dmesg-iso': { head: [], line: (p) => `${p.date.toISOString().slice(0, 10)}T${p.clock},${String(Math.round(p.uptime * 1e6) % 1e6).padStart(6, '0')}+01:00 ${p.tag && p.tag !== 'kernel' ? `${p.tag}: ` : ''}${p.message}` },
  'journal-monotonic': { head: [], line: (p) => `[${p.uptime.toFixed(6).padStart(12)}] router ${p.tag && p.tag !== 'kernel' ? `${p.tag}[${p.pid ?? 1000}]` : 'kernel'}: ${p.message}` },
  'time-only': { head: [], line: (p) => `${p.clock} ${p.rest}` },
  sections: { head: ['[Logread]'], line: (p) => p.text },
  // LuCI's log table copied from a German browser.
  luci: { head: [], line: (p) => `[${p2(p.date.getUTCDate())}.${p2(p.date.getUTCMonth() + 1)}.${p.date.getUTCFullYear()}, ${p.clock} MEZ] ${p.rest.replace(' ', ': ')}` },
  // The same lines with their stamps lost in a paste.
  stripped: { head: [], line: (p) => p.rest },
  // Consoles without syslog: ModemManager --debug, an ESP-IDF board, quectel-cm, a flashing tool.
  modemmanager: { head: [], line: (p) => `<info>  [${p.date.getTime() / 1000}.000000] [modem0] ${p.message}` },
  // OpenWrt's ModemManager in logread: no tag, a pid, its level and object.
  'modemmanager-openwrt': { head: [], line: (p) => `${p.stamp} daemon.info [2656]: <info>  [modem0] ${p.message}` },
  'esp-idf': { head: [], line: (p) => `I (${Math.round(p.uptime * 1000)}) ${p.tag ?? 'main'}: ${p.message}` },
  'quectel-cm': { head: [], line: (p) => `[${p2(p.date.getUTCMonth() + 1)}-${p2(p.date.getUTCDate())}_${p.clock}:000] ${p.message}` },
  'tool-elapsed': { head: [], line: (p) => `[${(p.uptime % 100000).toFixed(3).padStart(7, '0')}]: ${p.message}` },
  // RutOS's log file from 7.11 on: logd's record id before each line (knowledge 1.3).
  'record-ids': { head: [], line: (p) => `${p.n + 1000} ${p.text}` },
  // journalctl -o json: journald's fields, the kernel's uptime in microseconds.
  'journal-json': { head: [], line: (p) => JSON.stringify({ __REALTIME_TIMESTAMP: String(p.date.getTime() * 1000), _HOSTNAME: 'router', PRIORITY: '6', SYSLOG_FACILITY: p.tag === 'kernel' ? '0' : '3', ...(p.tag ? { SYSLOG_IDENTIFIER: p.tag } : {}), ...(p.pid ? { _PID: p.pid } : {}), ...(p.tag === 'kernel' ? { _SOURCE_MONOTONIC_TIMESTAMP: String(Math.round(p.uptime * 1e6)) } : {}), MESSAGE: p.message }) },
};

const p2 = (n) => String(n).padStart(2, '0');

/** Writes `shape` of the logread log `from` to `to`. */
export async function generateShape(shape, from, to) {
  const { head, line } = SHAPES[shape];
  const out = createWriteStream(to);
  const write = async (s) => {
    if (!out.write(`${s}\n`)) await once(out, 'drain');
  };
  for (const h of head) await write(h);
  let first;
  let n = 0;
  for await (const text of createInterface({ input: createReadStream(from), crlfDelay: Infinity })) {
    n++;
    const m = CTIME.exec(text);
    if (!m) {
      await write(text);
      continue;
    }
    const [, stamp, hh, mm, ss, , tag, pid, message] = m;
    const seconds = Date.parse(`${stamp.slice(4)} UTC`) / 1000;
    first ??= seconds;
    const rest = text.slice(stamp.length + 1);
    await write(line({ n, text, stamp, date: new Date(seconds * 1000), clock: `${hh}:${mm}:${ss}`, rest, tag: tag ?? (text.includes(' kernel: [') ? 'kernel' : undefined), pid, message, uptime: 10 + seconds - first }));
  }
  out.end();
  await once(out, 'finish');
}
