import { gzipSync } from 'node:zlib';
import { buildTar } from '../support/tarBuilder';

// The mutations of the fuzz suite: small pure functions from a real log (and a random source) to
// the bytes of a hostile one. Each is what a log goes through on its way to us (a paste, a
// Windows editor, a cut transfer, a corrupt flash) or what an attacker would send.

/** A small deterministic PRNG (mulberry32): a failing run is replayed from its seed. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

/** A fuzz input: bytes, the file name they are saved under (the suffix selects gzip and tar paths), and what made them. */
export interface FuzzInput {
  name: string;
  bytes: Buffer;
  steps: string[];
}

type Mutator = (b: Buffer, r: Random) => Buffer;

const lines = (b: Buffer): string[] => b.toString('latin1').split('\n');
const join = (ls: string[]): Buffer => Buffer.from(ls.join('\n'), 'latin1');

/** The lines in runs of 1 to `most` lines, each rewritten by `rewrite` (given the run and the index of the line after it). */
function inRuns(b: Buffer, r: Random, most: number, rewrite: (run: string[], next: number) => string[]): Buffer {
  const out: string[] = [];
  const ls = lines(b);
  for (let i = 0; i < ls.length;) {
    const run = ls.slice(i, i + 1 + r.int(most));
    i += run.length;
    out.push(...rewrite(run, i));
  }
  return join(out);
}

/** Control and direction characters that reach reports: terminal escapes, bidi overrides, separators. */
const HOSTILE_CHARS = ['\u202e', '\u2066', '\u2069', '\u200f', '\u2028', '\x1b[2J', '\x1b]0;pwn\x07', '\x00', '\x7f', '\u0085', '\ufeff', '`', '<img src=x onerror=alert(1)>', '](javascript:alert(1))', '\\', '${x}'];
const IMPOSSIBLE_STAMPS = ['2024-13-45 99:99:99', '0000-00-00 00:00:00', 'Mon Feb 31 25:61:61 2024', 'Mon Dec  2 19:54:59 0000', 'Mon Dec  2 19:54:59 9999', '10000-01-01T00:00:00Z', 'Dec 32 24:00:00', '[99999999999.999999]', '[-1.000000]', '31.02.2024 10:00:00'];

export const MUTATORS: Record<string, Mutator> = {
  flipBytes: (b, r) => {
    const out = Buffer.from(b);
    for (let i = 0, n = 1 + r.int(32); i < n && out.length; i++) out[r.int(out.length)] ^= 1 << r.int(8);
    return out;
  },
  truncate: (b, r) => b.subarray(0, r.int(b.length + 1)),
  insertCR: (b, r) => join(lines(b).map((l) => (r.next() < 0.3 ? l.slice(0, r.int(l.length + 1)) + '\r' + l.slice(r.int(l.length + 1)) : l))),
  crOnly: (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r'), 'latin1'),
  crlf: (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'),
  insertNul: (b, r) => {
    const out = Buffer.from(b);
    for (let i = 0, n = 1 + r.int(64); i < n && out.length; i++) out[r.int(out.length)] = 0;
    return out;
  },
  invalidUtf8: (b, r) => {
    const bad = [Buffer.from([0xc3]), Buffer.from([0xff, 0xfe]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf])];
    const parts: Buffer[] = [];
    let at = 0;
    for (let i = 0, n = 1 + r.int(16); i < n; i++) {
      const cut = Math.min(b.length, at + r.int(Math.max(1, b.length / 8)));
      parts.push(b.subarray(at, cut), r.pick(bad));
      at = cut;
    }
    parts.push(b.subarray(at));
    return Buffer.concat(parts);
  },
  hugeLine: (b, r) => {
    const ls = lines(b);
    const seed = ls[r.int(ls.length)] || 'x';
    const size = r.pick([70_000, 300_000, 2_000_000]);
    ls.splice(r.int(ls.length + 1), 0, seed.repeat(Math.ceil(size / Math.max(1, seed.length))).slice(0, size));
    return join(ls);
  },
  shuffleLines: (b, r) => {
    const ls = lines(b);
    for (let i = ls.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [ls[i], ls[j]] = [ls[j], ls[i]];
    }
    return join(ls);
  },
  duplicateLines: (b, r) => {
    const ls = lines(b);
    const start = r.int(ls.length);
    const block = ls.slice(start, start + 1 + r.int(50));
    const blockBytes = block.reduce((n, l) => n + l.length + 1, 0);
    // Never past the input bound: a block of huge lines is repeated fewer times.
    const times = Math.min(r.pick([10, 100, 1000]), Math.floor(MAX_INPUT_BYTES / Math.max(1, blockBytes)));
    ls.splice(start, 0, ...Array.from({ length: times }, () => block).flat());
    return join(ls);
  },
  impossibleDates: (b, r) => join(lines(b).map((l) => {
    if (r.next() > 0.3) return l;
    const stamp = r.pick(IMPOSSIBLE_STAMPS);
    // Over the line's own stamp where it has one, else in front.
    const m = /^(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d|\w{3} [ \d]\d \d\d:\d\d:\d\d|\[\s*\d+\.\d+\])/.exec(l);
    return m ? stamp + l.slice(m[0].length) : `${stamp} ${l}`;
  })),
  digits: (b, r) => Buffer.from(b.toString('latin1').replace(/\d/g, (d) => (r.next() < 0.2 ? String(r.int(10)) : d)), 'latin1'),
  hostileChars: (b, r) => {
    const text = b.toString('utf8');
    let out = '';
    for (let at = 0; at < text.length;) {
      const step = 1 + r.int(200);
      out += text.slice(at, at + step) + (r.next() < 0.5 ? r.pick(HOSTILE_CHARS) : '');
      at += step;
    }
    return Buffer.from(out, 'utf8');
  },
  utf16: (b, r) => {
    const le = Buffer.from((r.next() < 0.5 ? '\ufeff' : '') + b.toString('utf8'), 'utf16le');
    return r.next() < 0.5 ? le : Buffer.from(le).swap16();
  },
  bom: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  emptyLines: (b, r) => join(lines(b).flatMap((l) => (r.next() < 0.1 ? [l, '', '   ', '\t'] : [l]))),
  // A copy from Outlook, Teams or a web page: some spaces no-break (U+00A0) or narrow (U+202F) ones.
  noBreakSpaces: (b, r) => Buffer.from(b.toString('utf8').replace(/ /g, (sp) => (r.next() < 0.4 ? r.pick(['\u00a0', '\u202f', '\u2007']) : sp)), 'utf8'),
  // Lines shipped as JSON: whole (Docker's json-file), or as journald's fields with the line as the
  // message (a stamp and all: the parser must not take a clock from inside it over the JSON's).
  jsonLines: (b, r) => {
    const text = b.toString('utf8').split('\n');
    const docker = r.next() < 0.5;
    const t0 = 1_700_000_000_000 + r.int(1e9);
    return Buffer.from(text.map((l, i) => (r.next() < 0.05 ? l : docker
      ? JSON.stringify({ log: `${l}\n`, stream: 'stdout', time: new Date(t0 + i * 997).toISOString() })
      : JSON.stringify({ __REALTIME_TIMESTAMP: String((t0 + i * 997) * 1000), SYSLOG_IDENTIFIER: r.pick(['kernel', 'gsmd', 'ModemManager', 'netifd']), PRIORITY: String(r.int(8)), MESSAGE: l }))).join('\n'), 'utf8');
  },
  // Lines joined by a paste into others: runs of them as a JSON string, by `<br>` with entities, or
  // by `\n` escapes cut anywhere (a join that stops inside an escape or an entity).
  joinedLines: (b, r) => inRuns(b, r, 6, (run) => {
    const how = r.int(4);
    if (how === 0) return run;
    if (how === 1) return [JSON.stringify(run.join('\n'))];
    if (how === 2) return [run.map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/ {2}/g, ' &nbsp;')).join(r.pick(['<br>', '<BR/>', '<br />']))];
    const joined = run.join('\\n');
    const cut = r.int(joined.length + 1);
    return [joined.slice(0, cut), joined.slice(cut)];
  }),
  // Runs of lines as JSON documents written over many lines: an export's array, journald's pretty
  // objects, a search answer; sometimes cut short, or with a line of it lost (a bracket unmatched).
  prettyJson: (b, r) => inRuns(b, r, 8, (run, next) => {
    const objects = run.map((l, k) => ({ '@timestamp': new Date(1_733_000_000_000 + (next + k) * 1000).toISOString(), host: 'router', message: l }));
    const how = r.int(4);
    const doc = how === 0 ? run.join('\n') : JSON.stringify(how === 1 ? objects : how === 2 ? { hits: { hits: objects.map((o) => ({ _source: o })) } } : objects[0], null, r.pick([1, 2, '\t']));
    const docLines = doc.split('\n');
    if (r.next() < 0.15) docLines.splice(r.int(docLines.length), 1);
    return docLines;
  }),
  // Listed newest first (an export, journalctl -r): read a second time, in reverse, in both lanes.
  reverseLines: (b) => join(lines(b).reverse()),
  // Dates written with slashes, day first (LuCI in an en-GB browser): read a second time, day first.
  slashDates: (b) => Buffer.from(b.toString('latin1').replace(/^(?:\w{3} )?(\w{3}) +(\d{1,2}) (\d\d:\d\d:\d\d) (\d{4}) /gm, (all, mon: string, day: string, clock: string, year: string) => {
    const m = MONTHS.indexOf(mon);
    return m < 0 ? all : `[${day.padStart(2, '0')}/${String(m + 1).padStart(2, '0')}/${year}, ${clock}] `;
  }), 'latin1'),
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Wrappers that change the container: a `.gz` log (perhaps damaged), a troubleshoot archive with hostile entry names. */
export const CONTAINERS: Record<string, (b: Buffer, r: Random) => { bytes: Buffer; suffix: string }> = {
  plain: (b) => ({ bytes: b, suffix: '.log' }),
  gzip: (b) => ({ bytes: gzipSync(b), suffix: '.log.gz' }),
  gzipDamaged: (b, r) => {
    const gz = Buffer.from(gzipSync(b));
    const how = r.int(3);
    if (how === 0) gz.writeUInt32LE((gz.readUInt32LE(gz.length - 8) ^ 0x5a5a5a5a) >>> 0, gz.length - 8);
    if (how === 1) return { bytes: Buffer.concat([gz, Buffer.from('trailing garbage')]), suffix: '.log.gz' };
    if (how === 2) return { bytes: gz.subarray(0, r.int(gz.length)), suffix: '.log.gz' };
    return { bytes: gz, suffix: '.log.gz' };
  },
  archive: (b, r) => {
    const names = ['system.log', 'sysinfo.log', 'gsm.log', 'log.db', `x\n${r.pick(['Modem firmware update: SUCCEEDED', '# forged'])}\n/system.log`, `../../${r.int(99)}`, `logs/\u202esystem.log`, 'messages.1'];
    const entries = Array.from({ length: 1 + r.int(4) }, () => ({ name: r.pick(names), content: b }));
    let tar = buildTar(entries);
    if (r.next() < 0.3) tar = MUTATORS.flipBytes(tar, r);
    if (r.next() < 0.2) tar = tar.subarray(0, r.int(tar.length));
    return { bytes: tar, suffix: '.tar.gz' };
  },
  // An event database that is SQLite's first bytes and then the input: SQLite reads garbage pages.
  sqliteHeader: (b) => {
    const head = Buffer.alloc(100);
    head.write('SQLite format 3\0', 0, 'latin1');
    head.writeUInt16BE(4096, 16);
    return { bytes: Buffer.concat([head, b]), suffix: '.db' };
  },
};

/** The largest input made (before its container). */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** One input: a seed log, one to four mutations, one container. */
export function makeInput(seeds: readonly { name: string; bytes: Buffer }[], r: Random): FuzzInput {
  const seed = r.pick(seeds);
  let bytes = seed.bytes;
  const steps = [seed.name];
  const names = Object.keys(MUTATORS);
  for (let i = 0, n = 1 + r.int(4); i < n; i++) {
    const m = r.pick(names);
    bytes = MUTATORS[m](bytes, r);
    // Mutations compound (a 2 MB line duplicated a thousand times): inputs stay under a bound, so
    // the per-input time budget measures the code, not the size.
    if (bytes.length > MAX_INPUT_BYTES) bytes = bytes.subarray(0, MAX_INPUT_BYTES);
    steps.push(m);
  }
  // Containers mostly plain: the line paths are where the parsers are.
  const c = r.next() < 0.7 ? 'plain' : r.pick(Object.keys(CONTAINERS));
  const wrapped = CONTAINERS[c](bytes, r);
  steps.push(c);
  return { name: `input${wrapped.suffix}`, bytes: wrapped.bytes, steps };
}
