// npm run bench (issue 11): prints figures, asserts nothing; every figure has its target and
// whether it was met next to it. Not part of npm test.
// - Four 1,000,000-line logs, generated once into .bench/ (cached by name): generate-log.mjs's
//   RutOS log, generate-chatter-log.mjs's chatter of 12 daemons with a catalogued event about
//   every 12 lines, generate-mixed-log.mjs's mixed formats (issue 11's three), and
//   generate-app-log.mjs's log4j log (an application's, its thread in brackets). For each, `gsmlens diagnose
//   --json`, lnav and a bare Node read-and-split loop (bench-read-split.mjs, the floor in this
//   runtime) in turn, A B C A B C..., after one warm-up round: medians, ratios, peak RSS.
// - Peak RSS of a 10,000,000-line log (gzipped) where half the lines are catalogued events, and of
//   the gzip and archive bombs.
// - The same RutOS log re-told in other shapes (generate-shapes.mjs: dmesg -T, journal-monotonic,
//   a time of day alone, under a troubleshoot section header), each timed against it.
// - The timeline payload, the language server (bench-lsp.mjs) and the grammar (bench-grammar.mjs).
// Needs GNU time (/usr/bin/time) for peak RSS and lnav for the comparison: both are installed with
// apt-get when missing and running as root. Environment: BENCH_PAIRS (rounds per log, default 5),
// BENCH_LINES (lines per log, default 1,000,000), BENCH_BIG_LINES (default 10,000,000),
// BENCH_PARTS (a comma list of cli,shapes,big,bombs,caches,timeline,lsp,grammar; default all).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchGrammar } from './bench-grammar.mjs';
import { benchLsp } from './bench-lsp.mjs';
import { generateChatterLog } from './generate-chatter-log.mjs';
import { generateLog } from './generate-log.mjs';
import { HOSTILE_LINES, HOSTILE_LINES_READ_AGAIN, MODEM_RECONNECTING } from './hostile-lines.mjs';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const BIG_LINES = Number(process.env.BENCH_BIG_LINES ?? 10_000_000);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'cli,shapes,big,bombs,caches,timeline,lsp,grammar').split(','));
/** Rounds of each re-told shape against its source log. */
const SHAPE_ROUNDS = 3;
const RSS_TARGET_MB = 200;
const started = performance.now();

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function ensure(cmd, pkg) {
  if (have(cmd)) return true;
  if (process.getuid?.() !== 0) return false;
  console.error(`installing ${pkg} with apt-get...`);
  spawnSync('sh', ['-c', `apt-get install -y -qq ${pkg} >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq ${pkg} >/dev/null 2>&1)`]);
  return have(cmd);
}

/** One run of a command: wall seconds (timed here), peak RSS in MB (GNU time's %M) and its output. */
function run(cmd, args) {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { wall, rss: kb / 1024, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sec = (x) => `${x.toFixed(2)} s`;
const range = (xs) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
const ratio = (x) => `${x.toFixed(2)}x`;
/** Megabytes, with a decimal when the whole number would hide which side of the target it is. */
const mb = (x) => `${Math.abs(x - RSS_TARGET_MB) < 1 ? x.toFixed(1) : x.toFixed(0)} MB`;

/**
 * CPU seconds the whole machine was busy and those this bench and its finished children used
 * (/proc/stat; /proc/self/stat utime, stime, cutime, cstime): the difference is what other
 * processes took meanwhile, which tells how noisy the figures are on a shared 2-core machine.
 */
function cpu() {
  const hz = 100;
  const all = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const self = readFileSync('/proc/self/stat', 'utf8');
  const f = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
  return { busy: (all[0] + all[1] + all[2] + all[5] + all[6] + all[7]) / hz, mine: (f[11] + f[12] + f[13] + f[14]) / hz, at: performance.now() };
}
/** What other processes used between two cpu() readings, in words. */
function others(a, b) {
  const other = Math.max(0, b.busy - b.mine - (a.busy - a.mine));
  const seconds = (b.at - a.at) / 1000;
  return `${other.toFixed(1)} CPU-s in ${seconds.toFixed(0)} s (${((other / seconds) * 100).toFixed(0)}% of one core)`;
}
const cpuAtStart = cpu();

/** Rows are [what, figure, target, met]; a section is a title and its rows. */
const sections = [];
const section = (title) => {
  const rows = [];
  sections.push([title, rows]);
  return rows;
};

/** The mixed log's generator; its cached log is named by a hash of it, so a changed generator makes a new log. */
async function mixedGenerator() {
  const { generateMixedLog } = await import('./generate-mixed-log.mjs');
  const hash = createHash('sha1').update(readFileSync('scripts/generate-mixed-log.mjs')).digest('hex').slice(0, 8);
  return { name: `mixed-${hash}`, script: 'generate-mixed-log.mjs', generate: generateMixedLog };
}

/** The application log's generator, its cached log named by a hash of it as the mixed log's is. */
async function appGenerator() {
  const { generateAppLog } = await import('./generate-app-log.mjs');
  const hash = createHash('sha1').update(readFileSync('scripts/generate-app-log.mjs')).digest('hex').slice(0, 8);
  return { name: `app-${hash}`, script: 'generate-app-log.mjs', generate: generateAppLog };
}

async function cached(file, generate) {
  if (!existsSync(file)) {
    console.error(`generating ${file}...`);
    await generate(file);
  }
  return file;
}

mkdirSync('.bench', { recursive: true });
if (!ensure('/usr/bin/time', 'time')) {
  console.error('GNU time (/usr/bin/time) is needed for peak RSS: apt-get install time');
  process.exit(1);
}
const hasLnav = ensure('lnav', 'lnav');
const lnavVersion = hasLnav ? execFileSync('lnav', ['-V'], { encoding: 'utf8' }).trim() : 'lnav (not installed)';

const mixed = await mixedGenerator();
const app = await appGenerator();
const logs = [
  { label: '(a) RutOS, generate-log.mjs', file: `.bench/rutos-${LINES}.log`, generate: (f) => generateLog(f, LINES) },
  { label: '(b) RutOS chatter, generate-chatter-log.mjs', file: `.bench/chatter-${LINES}.log`, generate: (f) => generateChatterLog(f, LINES) },
  { label: `(c) mixed, ${mixed.script}`, file: `.bench/${mixed.name}-${LINES}.log`, generate: (f) => mixed.generate(f, LINES) },
  // Not one of issue 11's three: an application's log (log4j's layout), a kind of line the bench
  // had not timed, whose every line the full parser read until its fast reader took `[thread]`.
  { label: `(d) an application's log4j log, ${app.script}`, file: `.bench/${app.name}-${LINES}.log`, generate: (f) => app.generate(f, LINES) },
];
for (const log of logs) await cached(log.file, log.generate);

const gsmlens = (file) => run(process.execPath, ['bin/gsmlens', 'diagnose', '--json', file]);
const lnav = (file) => run('lnav', ['-n', '-c', ';SELECT count(*) FROM all_logs', file]);
const floor = (file) => run(process.execPath, ['scripts/bench-read-split.mjs', file]);

if (PARTS.has('cli')) {
  for (const log of logs) {
    const rows = section(`${log.label}: ${log.file}`);
    console.error(`timing ${log.file}: ${PAIRS} rounds of gsmlens, lnav, read-and-split...`);
    const ours = [];
    const theirs = [];
    const bare = [];
    const starts = [];
    // The log's first 1,000 lines: what gsmlens spends whatever the size (Node, the bundle, the
    // catalogue, the report), which a target set in wall time must leave room for.
    const head = `${log.file}.head-1000`;
    if (!existsSync(head)) writeFileSync(head, readFileSync(log.file, 'latin1').split('\n', 1000).join('\n') + '\n', 'latin1');
    const cpu0 = cpu();
    for (let i = 0; i <= PAIRS; i++) {
      // Round 0 warms the page cache and is not counted.
      const a = gsmlens(log.file);
      const b = hasLnav ? lnav(log.file) : undefined;
      const c = floor(log.file);
      const d = gsmlens(head);
      if (i === 0) continue;
      ours.push(a);
      if (b) theirs.push(b);
      bare.push(c);
      starts.push(d);
    }
    const doc = JSON.parse(ours[0].stdout);
    const f = doc.files[0];
    const wall = median(ours.map((r) => r.wall));
    const rss = Math.max(...ours.map((r) => r.rss));
    rows.push(['log', `${f.lines.toLocaleString('en')} lines, ${(statSync(log.file).size / 1e6).toFixed(1)} MB; ${doc.findingsTotal ?? doc.findings.length} findings, ${doc.episodes.length} stories; ${(f.recognised.share * 100).toFixed(1)}% read as log lines`, '', undefined]);
    rows.push([`gsmlens diagnose --json: median wall of ${PAIRS}`, `${sec(wall)} (${range(ours.map((r) => r.wall))}), ${Math.round(f.lines / wall).toLocaleString('en')} lines/s`, '', undefined]);
    if (theirs.length) {
      const lw = median(theirs.map((r) => r.wall));
      const pairRatios = ours.map((r, i) => r.wall / theirs[i].wall);
      const rows0 = theirs[0].stdout.match(/\d+/g)?.pop();
      rows.push([`lnav: median wall of ${PAIRS}`, `${sec(lw)} (${range(theirs.map((r) => r.wall))}), peak RSS ${Math.max(...theirs.map((r) => r.rss)).toFixed(0)} MB, all_logs ${Number(rows0).toLocaleString('en')} rows${Number(rows0) === 0 ? ' (no log format found)' : Number(rows0) < f.lines * 0.99 ? ` (${((Number(rows0) / f.lines) * 100).toFixed(0)}% of lines)` : ''}`, '', undefined]);
      rows.push(['gsmlens / lnav wall (medians; pair by pair)', `${ratio(wall / lw)} (pairs ${range(pairRatios)})`, '<= 0.5x', wall / lw <= 0.5]);
    }
    const fw = median(bare.map((r) => r.wall));
    const sw = median(starts.map((r) => r.wall));
    rows.push([`bare Node read-and-split loop: median wall of ${PAIRS}`, `${sec(fw)} (${range(bare.map((r) => r.wall))})`, '', undefined]);
    rows.push(['gsmlens / bare Node loop wall', ratio(wall / fw), '<= 2.5x', wall / fw <= 2.5]);
    rows.push([`gsmlens on the log's first 1,000 lines (start-up and report): median wall of ${PAIRS}`, `${sec(sw)} (${range(starts.map((r) => r.wall))}); the rest, ${sec(Math.max(0, wall - sw))}, is ${Math.round(((wall - sw) / f.lines) * 1e9).toLocaleString('en')} ns a line`, '', undefined]);
    if (theirs.length) {
      // What the lnav target leaves for reading the lines, beside what reading and splitting alone take.
      const goal = 0.5 * median(theirs.map((r) => r.wall));
      rows.push(['what 0.5x lnav leaves once started', `${sec(goal)} - ${sec(sw)} = ${sec(Math.max(0, goal - sw))} for ${f.lines.toLocaleString('en')} lines (${Math.round((Math.max(0, goal - sw) / f.lines) * 1e9).toLocaleString('en')} ns a line); the bare loop alone takes ${sec(fw)}`, '', undefined]);
    }
    rows.push(['other processes on the machine during these runs', others(cpu0, cpu()), '', undefined]);
    rows.push(['gsmlens peak RSS (largest of the runs)', mb(rss), `< ${RSS_TARGET_MB} MB`, rss < RSS_TARGET_MB]);
  }
}

if (PARTS.has('shapes')) {
  const rows = section(`The RutOS log re-told in other shapes (generate-shapes.mjs), ${SHAPE_ROUNDS} rounds each against ${logs[0].file}`);
  const { SHAPES, generateShape } = await import('./generate-shapes.mjs');
  const hash = createHash('sha1').update(readFileSync('scripts/generate-shapes.mjs')).digest('hex').slice(0, 8);
  for (const shape of Object.keys(SHAPES)) {
    const file = await cached(`.bench/shape-${shape}-${hash}-${LINES}.log`, (f) => generateShape(shape, logs[0].file, f));
    console.error(`timing ${file}...`);
    const ours = [];
    const source = [];
    for (let i = 0; i <= SHAPE_ROUNDS; i++) {
      const a = gsmlens(file);
      const b = gsmlens(logs[0].file);
      if (i === 0) continue;
      ours.push(a);
      source.push(b);
    }
    const f = JSON.parse(ours[0].stdout).files[0];
    const wall = median(ours.map((r) => r.wall));
    const x = wall / median(source.map((r) => r.wall));
    rows.push([`${shape}: read as ${f.format}`, `${sec(wall)} (${range(ours.map((r) => r.wall))}), ${ratio(x)} the logread time, peak RSS ${mb(Math.max(...ours.map((r) => r.rss)))}`, '<= 1.5x the logread', x <= 1.5]);
  }
}

if (PARTS.has('big') || PARTS.has('bombs')) {
  const rows = section('Peak RSS at any size: one run each through the CLI');
  if (PARTS.has('big')) {
    const big = await cached(`.bench/chatter-catalogued-${BIG_LINES}.log.gz`, (f) => generateChatterLog(f, BIG_LINES, { cataloguedShare: 0.5 }));
    console.error(`timing ${big}...`);
    const r = gsmlens(big);
    const f = JSON.parse(r.stdout).files[0];
    rows.push([`${f.lines.toLocaleString('en')}-line RutOS log, half of it catalogued events (${(statSync(big).size / 1e6).toFixed(0)} MB .gz)`, `${sec(r.wall)}, peak RSS ${mb(r.rss)}`, `< ${RSS_TARGET_MB} MB`, r.rss < RSS_TARGET_MB]);
  }
  if (PARTS.has('bombs')) rows.push(...(await benchBombs()));
}

if (PARTS.has('caches')) section('Logs made to miss the caches: each against the same lines made to hit them, 3 rounds').push(...(await benchCaches()));

if (PARTS.has('timeline')) {
  const rows = section('Timeline');
  const file = logs[0].file;
  const tl = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-timeline.ts', file], { encoding: 'utf8' }));
  rows.push([`timeline payload for ${file}`, `built in ${tl.payloadMs.toFixed(0)} ms after a ${(tl.analyseMs / 1000).toFixed(2)} s analysis; ${(tl.bytes / 1024).toFixed(0)} KiB, ${tl.marks} marks for ${tl.events} events`, 'opens in < 1 s', tl.payloadMs < 1000]);
}
if (PARTS.has('lsp')) {
  console.error('language server...');
  section('Language server (out/server.js --stdio)').push(...(await benchLsp({ lines: 100_000, bigBytes: 45_000_000 })));
}
if (PARTS.has('grammar')) {
  console.error('grammar...');
  section('Grammar').push(...(await benchGrammar(100_000)));
}

print();

/**
 * The per-line path remembers what repeats (tags and their catalogue entries, hosts, words,
 * messages matched) and screens lines by the catalogue's literals: a log where each of these
 * differs on every line, or where every line holds a literal, must not fall off a cliff. Each log
 * of 500,000 lines is timed against the same lines where the varying part takes 50 values (or
 * without the literal). Until 2026-12-05 a tag per line took 32 times the time, and a common
 * literal on every line twice.
 */
async function benchCaches() {
  const pad = (i) => String(i % 60).padStart(2, '0');
  /** Each kind: its lines that miss, and the same lines that hit. */
  const kinds = {
    'a program per line': [(i) => `Mon Dec  2 19:54:${pad(i)} 2024 daemon.info worker${i}[${i}]: job done in ${i % 1000} ms\n`, (i) => `Mon Dec  2 19:54:${pad(i)} 2024 daemon.info worker${i % 50}[${i}]: job done in ${i % 1000} ms\n`],
    'a host per line': [(i) => `Dec  2 19:54:${pad(i)} host${i} dnsmasq[12]: query[A] example.com from 192.168.1.${i % 250}\n`, (i) => `Dec  2 19:54:${pad(i)} host${i % 50} dnsmasq[12]: query[A] example.com from 192.168.1.${i % 250}\n`],
    'a first word per line (RutOS lines without a tag)': [(i) => `Mon Dec  2 19:54:${pad(i)} 2024 user.notice Word${i} said something ${i}\n`, (i) => `Mon Dec  2 19:54:${pad(i)} 2024 user.notice Word${i % 50} said something ${i}\n`],
    'a USB port per line': [(i) => `[${(1000 + i / 10).toFixed(6).padStart(12)}] usb 1-${i}: new high-speed USB device number ${(i % 126) + 2} using ehci-platform\n`, (i) => `[${(1000 + i / 10).toFixed(6).padStart(12)}] usb 1-${i % 50}: new high-speed USB device number ${(i % 126) + 2} using ehci-platform\n`],
    // `[INFO] ` is the literal of modem_updater's entries, which apply to any program.
    'a catalogue literal in every line (`[INFO] `, no entry matching)': [(i) => `2024/12/02 19:54:${pad(i)} [INFO] request ${i} done in ${i % 100} ms\n`, (i) => `2024/12/02 19:54:${pad(i)} [note] request ${i} done in ${i % 100} ms\n`],
  };
  const rows = [];
  for (const [name, [miss, hit]] of Object.entries(kinds)) {
    const files = [];
    for (const [which, make] of [['hit', hit], ['miss', miss]]) {
      const f = `.bench/cache-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '')}-${which}-500000.log`;
      if (!existsSync(f)) {
        let text = '';
        for (let i = 0; i < 500_000; i++) text += make(i);
        writeFileSync(f, text);
      }
      files.push(f);
    }
    console.error(`timing ${files[1]}...`);
    const hits = [];
    const misses = [];
    for (let r = 0; r <= 3; r++) {
      const a = gsmlens(files[0]);
      const b = gsmlens(files[1]);
      if (r === 0) continue;
      hits.push(a);
      misses.push(b);
    }
    const x = median(misses.map((r) => r.wall)) / median(hits.map((r) => r.wall));
    rows.push([`500,000 lines, ${name}`, `${sec(median(misses.map((r) => r.wall)))} against ${sec(median(hits.map((r) => r.wall)))}: ${ratio(x)}; peak RSS ${mb(Math.max(...misses.map((r) => r.rss)))}`, '<= 1.5x', x <= 1.5]);
  }
  return rows;
}

/**
 * Bounded memory (issue 13 item 2, issue 11): a gzip bomb of repeated catalogued kernel lines, a
 * troubleshoot archive whose two entries are as large as the limits allow, and logs that grow the
 * state besides events (boots, clock jumps, sections), each through the CLI; peak RSS must stay
 * under 200 MB whatever the input size.
 */
async function benchBombs() {
  const { createGzip } = await import('node:zlib');
  const { createWriteStream, writeFileSync } = await import('node:fs');
  const line = 'Mon Dec  2 10:00:00 2024 kern.info kernel: [  100.000000] option1 ttyUSB2: usb_wwan_indat_callback: resubmit read urb failed. (-19)\n';
  const bomb = '.bench/bomb-2000000.log.gz';
  if (!existsSync(bomb)) {
    const gz = createGzip({ level: 9 });
    const done = new Promise((r) => gz.pipe(createWriteStream(bomb)).on('finish', r));
    const block = line.repeat(10_000);
    for (let i = 0; i < 200; i++) if (!gz.write(block)) await new Promise((r) => gz.once('drain', r));
    gz.end();
    await done;
  }
  const archive = '.bench/bomb-archive.tar.gz';
  if (!existsSync(archive)) {
    const dir = '.bench/bomb-archive';
    mkdirSync(dir, { recursive: true });
    // Two entries just under the 16 MiB per-entry limit, 32 MiB together.
    for (const name of ['system.log', 'kernel.log']) writeFileSync(`${dir}/${name}`, line.repeat(Math.floor((16 * 1024 * 1024 - 1) / line.length)));
    execFileSync('tar', ['czf', archive, '-C', dir, 'system.log', 'kernel.log']);
  }
  const plain = new Set([MODEM_RECONNECTING]);
  const hostileFiles = [];
  const hostile = [...Object.entries(HOSTILE_LINES).map(([name, make]) => [name, make, 1_000_000]), ...Object.entries(HOSTILE_LINES_READ_AGAIN).map(([name, make]) => [name, make, 249_000])];
  for (const [name, make, count] of hostile) {
    const f = `.bench/hostile-${name.replace(/[^a-z0-9]+/g, '-')}-${count}.log${plain.has(name) ? '' : '.gz'}`;
    hostileFiles.push([`hostile: ${count.toLocaleString('en')} lines, ${name}`, f]);
    if (existsSync(f)) continue;
    const out = plain.has(name) ? undefined : createGzip({ level: 6 });
    const sink = createWriteStream(f);
    const target = out ?? sink;
    const done = new Promise((r) => (out ? out.pipe(sink) : sink).on('finish', r));
    let buf = '';
    for (let i = 0; i < count; i++) {
      buf += make(i);
      if (buf.length > 1 << 20) {
        if (!target.write(buf)) await new Promise((r) => target.once('drain', r));
        buf = '';
      }
    }
    target.end(buf);
    await done;
  }
  const rows = [];
  for (const [what, f] of [['gzip bomb: 2,000,000 catalogued kernel lines', bomb], ['archive bomb: two 16 MiB entries of kernel lines', archive], ...hostileFiles]) {
    console.error(`timing ${f}...`);
    const r = gsmlens(f);
    rows.push([`${what} (${(statSync(f).size / 1e6).toFixed(1)} MB)`, `${sec(r.wall)}, peak RSS ${mb(r.rss)}`, `< ${RSS_TARGET_MB} MB`, r.rss < RSS_TARGET_MB]);
  }
  return rows;
}

/** The whole table, a block per section: met? | what | figure | target; then the tally. */
function print() {
  const all = sections.flatMap(([, rows]) => rows);
  const w0 = Math.max(...all.map((r) => r[0].length));
  const w1 = Math.max(...all.map((r) => r[1].length));
  const mark = (met) => (met === undefined ? '' : met ? 'met' : 'NOT MET').padEnd(7);
  const line = (met, what, figure, target) => `${met}  ${what.padEnd(w0)}  ${figure.padEnd(w1)}  ${target}`.trimEnd();
  console.log(`npm run bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}, ${lnavVersion}; ${PAIRS} counted rounds per log after one warm-up`);
  console.log(`other processes used ${others(cpuAtStart, cpu())} while it ran (${cpus().length} cores; above about 10%, the figures are noisy)`);
  console.log('');
  console.log(line('met?   ', 'what', 'figure', 'target'));
  for (const [title, rows] of sections) {
    console.log('');
    console.log(`== ${title}`);
    for (const [what, figure, target, met] of rows) console.log(line(mark(met), what, figure, target));
  }
  const judged = all.filter((r) => r[3] !== undefined);
  const missed = judged.filter((r) => !r[3]);
  console.log('');
  console.log(`${judged.length - missed.length} of ${judged.length} targets met; the bench took ${((performance.now() - started) / 60000).toFixed(1)} min.`);
}
