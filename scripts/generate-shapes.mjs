// Re-tells a ctime logread log (generate-log.mjs's) in other shapes the format registry reads,
// line for line: the same events and clocks in `dmesg -T`, journalctl -o short-monotonic, a time
// of day alone (a serial console), and a troubleshoot system.log whose lines sit under section
// headers. npm run bench times each against the log it was made from: a shape without a fast
// reader, or one the fast lane leaves, shows as a multiple of that time.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const CTIME = /^([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d (\d\d):(\d\d):(\d\d) \d{4}) (\S+) (?:kernel: \[\s*\d+\.\d+\] |(\S+?)(?:\[(\d+)\])?: )?(.*)$/;

/** Each shape: a function of the parts of one logread line, and lines to put first. */
export const SHAPES = {
  'dmesg-T': { head: [], line: (p) => `[${p.stamp}] ${p.tag && p.tag !== 'kernel' ? `${p.tag}: ` : ''}${p.message}` },
  'journal-monotonic': { head: [], line: (p) => `[${p.uptime.toFixed(6).padStart(12)}] router ${p.tag && p.tag !== 'kernel' ? `${p.tag}[${p.pid ?? 1000}]` : 'kernel'}: ${p.message}` },
  'time-only': { head: [], line: (p) => `${p.clock} ${p.rest}` },
  sections: { head: ['[Logread]'], line: (p) => p.text },
};

/** Writes `shape` of the logread log `from` to `to`. */
export async function generateShape(shape, from, to) {
  const { head, line } = SHAPES[shape];
  const out = createWriteStream(to);
  const write = async (s) => {
    if (!out.write(`${s}\n`)) await once(out, 'drain');
  };
  for (const h of head) await write(h);
  let first;
  for await (const text of createInterface({ input: createReadStream(from), crlfDelay: Infinity })) {
    const m = CTIME.exec(text);
    if (!m) {
      await write(text);
      continue;
    }
    const [, stamp, hh, mm, ss, , tag, pid, message] = m;
    const seconds = Date.parse(`${stamp.slice(4)} UTC`) / 1000;
    first ??= seconds;
    const rest = text.slice(stamp.length + 1);
    await write(line({ text, stamp, clock: `${hh}:${mm}:${ss}`, rest, tag: tag ?? (text.includes(' kernel: [') ? 'kernel' : undefined), pid, message, uptime: 10 + seconds - first }));
  }
  out.end();
  await once(out, 'finish');
}
