// npm run bench: the full CLI diagnosis of a generated 1,000,000-line RutOS log, timed against
// lnav on the same file in the same run. Prints figures; asserts nothing (targets are printed
// next to them). Needs GNU time (/usr/bin/time) for peak RSS, and lnav for the comparison: both
// are installed with apt-get when missing and running as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { benchGrammar } from './bench-grammar.mjs';
import { benchLsp } from './bench-lsp.mjs';
import { generateLog } from './generate-log.mjs';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const file = `.bench/rutos-${LINES}.log`;

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

/** Runs a command RUNS times; median wall seconds and the peak RSS (MB) GNU time saw. */
function measure(cmd, args) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.slice(-500)}`);
    const [wall, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    runs.push({ wall, rss: kb / 1024, stdout: r.stdout });
  }
  runs.sort((a, b) => a.wall - b.wall);
  return { wall: runs[Math.floor(runs.length / 2)].wall, rss: Math.max(...runs.map((r) => r.rss)), stdout: runs[0].stdout };
}

mkdirSync('.bench', { recursive: true });
if (!existsSync(file)) {
  console.error(`generating ${file}...`);
  await generateLog(file, LINES);
}
const bytes = statSync(file).size;
const mb = bytes / 1e6;
if (!ensure('/usr/bin/time', 'time')) {
  console.error('GNU time (/usr/bin/time) is needed for peak RSS: apt-get install time');
  process.exit(1);
}

const ours = measure(process.execPath, ['bin/gsmlens', 'diagnose', '--json', file]);
const doc = JSON.parse(ours.stdout);
const rows = [
  ['log', `${file}: ${doc.files[0].lines.toLocaleString('en')} lines, ${mb.toFixed(1)} MB`],
  ['gsmlens diagnose: wall (median of ' + RUNS + ')', `${ours.wall.toFixed(2)} s`],
  ['gsmlens diagnose: throughput', `${(mb / ours.wall).toFixed(1)} MB/s, ${Math.round(doc.files[0].lines / ours.wall).toLocaleString('en')} lines/s`],
  ['gsmlens diagnose: peak RSS', `${ours.rss.toFixed(0)} MB (target < 250 MB)`],
  ['gsmlens diagnose: found', `${doc.findings.length} findings, ${doc.episodes.length} episode(s)`],
  ['gsmlens diagnose: lines read as log lines', `${doc.files[0].recognised.records.toLocaleString('en')} of ${doc.files[0].recognised.content.toLocaleString('en')} (${(doc.files[0].recognised.share * 100).toFixed(1)}%)`],
];
if (ensure('lnav', 'lnav')) {
  const version = execFileSync('lnav', ['-V'], { encoding: 'utf8' }).trim();
  const lnav = measure('lnav', ['-n', '-c', ';SELECT count(*) FROM all_logs', file]);
  rows.push(
    [`${version}: -n -c ';SELECT count(*) FROM all_logs'`, `${lnav.wall.toFixed(2)} s, peak RSS ${lnav.rss.toFixed(0)} MB`],
    ['lnav time / gsmlens time', `${(lnav.wall / ours.wall).toFixed(2)}x (target >= 2x)`],
  );
} else {
  rows.push(['lnav', 'not installed (apt-get install lnav), comparison skipped']);
}
const tl = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-timeline.ts', file], { encoding: 'utf8' }));
rows.push([`timeline: payload for the ${LINES.toLocaleString('en')}-line log`, `built in ${tl.payloadMs.toFixed(0)} ms after a ${(tl.analyseMs / 1000).toFixed(2)} s analysis; ${(tl.bytes / 1024).toFixed(0)} KiB, ${tl.marks} marks for ${tl.events} events (target: open in < 1 s)`]);
rows.push(...(await benchBombs()));
rows.push(...(await benchLsp(100_000)));
rows.push(...(await benchGrammar(100_000)));
const width = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);

/**
 * Bounded memory (issue 13 item 2): a gzip bomb of repeated catalogued kernel lines and a
 * troubleshoot archive whose two entries are as large as the limits allow, each through the CLI;
 * peak RSS must stay under 200 MB whatever the input size.
 */
async function benchBombs() {
  const { createGzip } = await import('node:zlib');
  const { createWriteStream } = await import('node:fs');
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
    const { writeFileSync } = await import('node:fs');
    // Two entries just under the 16 MiB per-entry limit, 32 MiB together.
    for (const name of ['system.log', 'kernel.log']) writeFileSync(`${dir}/${name}`, line.repeat(Math.floor((16 * 1024 * 1024 - 1) / line.length)));
    execFileSync('tar', ['czf', archive, '-C', dir, 'system.log', 'kernel.log']);
  }
  const rows = [];
  for (const [what, f] of [['gzip bomb: 2,000,000 catalogued kernel lines', bomb], ['archive bomb: two 16 MiB entries of kernel lines', archive]]) {
    const r = measure(process.execPath, ['bin/gsmlens', 'diagnose', '--json', f]);
    rows.push([`${what} (${(statSync(f).size / 1e6).toFixed(1)} MB)`, `${r.wall.toFixed(2)} s, peak RSS ${r.rss.toFixed(0)} MB (target < 200 MB)`]);
  }
  return rows;
}
