import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeInput, Random, type FuzzInput } from './mutators';

// `npm run fuzz`: a mutation fuzzer over the real fixtures, bounded in time. Each input (a real
// log mutated one to four times: byte flips, truncation, CR/CRLF/NUL, invalid UTF-8, huge and
// shuffled lines, impossible dates, bidi and terminal controls, UTF-16, gzip and tar wrappers)
// goes through the core's front door and every report in a worker process, and every few inputs
// through the CLI as well. A thrown exception or a dead process is a crash; no answer within the
// per-input budget is a hang; the core's analysis with the fast lane off differing from it is a
// disagreement. It prints the figures and exits 1 on any of them, keeping the inputs that caused them. Not part of `npm test`: run it before a release or after parser work.
//
//   npm run fuzz -- --seconds 300 --seed 42 --input-ms 10000 --cli-every 8
//   FUZZ_SECONDS=30 npm run fuzz

const ROOT = join(__dirname, '..', '..');

function option(name: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`fuzz: --${name} (${env}) must be a number, not ${raw}`);
    process.exit(2);
  }
  return n;
}

const SECONDS = option('seconds', 'FUZZ_SECONDS', 60);
const SEED = option('seed', 'FUZZ_SEED', Date.now() % 2 ** 31);
const INPUT_MS = option('input-ms', 'FUZZ_INPUT_MS', 10_000);
const CLI_EVERY = option('cli-every', 'FUZZ_CLI_EVERY', 8);

const seeds = [
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'real')).filter((f) => f.endsWith('.log')).map((f) => join(ROOT, 'test', 'fixtures', 'real', f)),
  join(ROOT, 'samples', 'rut901-modem-update-stuck.log'),
].map((path) => ({ name: path.split('/').pop()!, bytes: readFileSync(path) }));

const work = mkdtempSync(join(tmpdir(), 'gsmlens-fuzz-'));
const failures = join(tmpdir(), `gsmlens-fuzz-failures-${SEED}`);
// The CLI reports its own peak RSS on exit through this preload.
const RSS_PRELOAD = join(work, 'rss.cjs');
writeFileSync(RSS_PRELOAD, "process.on('exit', () => require('fs').writeSync(2, `\\nFUZZ_RSS ${process.resourceUsage().maxRSS * 1024}\\n`));\n");

interface Reply { ok?: boolean; ready?: boolean; ms?: number; rss?: number; error?: string; lines?: number; disagreement?: string }

class Worker {
  proc!: ChildProcess;
  private pending: ((r: Reply | 'exit') => void) | undefined;
  peakRss = 0;

  async start(): Promise<void> {
    const proc = fork(join(__dirname, 'worker.ts'), [], { execArgv: ['--import', 'tsx', '--max-old-space-size=2048'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.proc = proc;
    proc.stderr!.resume();
    // Events of a worker killed earlier (its exit arrives after the next one has started) are not
    // this worker's: only the current process settles what is pending.
    proc.on('message', (m: Reply) => {
      if (this.proc !== proc) return;
      if (m.rss) this.peakRss = Math.max(this.peakRss, m.rss);
      const p = this.pending;
      this.pending = undefined;
      p?.(m);
    });
    proc.on('exit', () => {
      if (this.proc !== proc) return;
      const p = this.pending;
      this.pending = undefined;
      p?.('exit');
    });
    const ready = await new Promise<Reply | 'exit'>((r) => (this.pending = r));
    if (ready === 'exit') throw new Error('the fuzz worker did not start');
  }

  /** The worker's answer, 'exit' if it died, or 'hang' after the budget (the worker is then killed). */
  run(path: string, ms: number): Promise<Reply | 'exit' | 'hang'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.proc.kill('SIGKILL');
        resolve('hang');
      }, ms);
      this.pending = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.proc.send({ path });
    });
  }

  stop(): void {
    this.proc.kill();
  }
}

interface Outcome { kind: 'crash' | 'hang' | 'disagreement'; where: 'core' | 'cli'; input: FuzzInput; detail: string }

/** The CLI on one file: exit 0, or 2 with a one-line message for what cannot be read, within the budget. */
function runCli(path: string, ms: number): Promise<{ problem?: string; rss: number; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const p = spawn(process.execPath, ['--require', RSS_PRELOAD, join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--json', path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-20_000)));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      p.kill('SIGKILL');
    }, ms);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      const rss = Number(/FUZZ_RSS (\d+)/.exec(stderr)?.[1] ?? 0);
      const message = stderr.replace(/\n?FUZZ_RSS \d+\n?/, '').trim();
      let problem: string | undefined;
      if (hung) problem = `hang: no exit within ${ms} ms`;
      else if (signal) problem = `crash: killed by ${signal}`;
      else if (code !== 0 && code !== 2) problem = `crash: exit ${code}: ${message.slice(0, 2000)}`;
      else if (code === 2 && (/internal error/.test(message) || message.split('\n').length > 1)) problem = `crash: ${message.slice(0, 2000)}`;
      resolve({ problem, rss, ms: Date.now() - started });
    });
  });
}

async function main(): Promise<void> {
  const r = new Random(SEED);
  const worker = new Worker();
  await worker.start();
  const deadline = Date.now() + SECONDS * 1000;
  const outcomes: Outcome[] = [];
  let inputs = 0;
  let cliRuns = 0;
  let cliPeakRss = 0;
  let bytes = 0;
  let lines = 0;
  let slowest = { ms: 0, steps: [] as string[] };
  console.log(`fuzz: seed ${SEED}, ${SECONDS} s, ${INPUT_MS} ms per input, the CLI on every ${CLI_EVERY || 'no'}th input, ${seeds.length} seed logs`);
  while (Date.now() < deadline) {
    let input: FuzzInput;
    try {
      input = makeInput(seeds, r);
    } catch (err) {
      // A mutation that cannot be built (a string past V8's limit) is the fuzzer's problem, not the product's.
      console.log(`fuzz: skipped an input the mutators could not build (${(err as Error).message})`);
      continue;
    }
    const path = join(work, `${inputs}-${input.name}`);
    writeFileSync(path, input.bytes);
    inputs++;
    bytes += input.bytes.length;
    const reply = await worker.run(path, INPUT_MS);
    if (reply === 'hang' || reply === 'exit') {
      outcomes.push({ kind: reply === 'hang' ? 'hang' : 'crash', where: 'core', input, detail: reply === 'hang' ? `no answer within ${INPUT_MS} ms` : 'the worker process died' });
      await worker.start();
    } else if (!reply.ok) {
      outcomes.push({ kind: 'crash', where: 'core', input, detail: reply.error ?? 'unknown error' });
    } else {
      if (reply.disagreement) outcomes.push({ kind: 'disagreement', where: 'core', input, detail: `the fast lane and the full parser gave different analyses:\n${reply.disagreement}` });
      lines += reply.lines ?? 0;
      if ((reply.ms ?? 0) > slowest.ms) slowest = { ms: reply.ms ?? 0, steps: input.steps };
    }
    if (CLI_EVERY > 0 && inputs % CLI_EVERY === 0) {
      const cli = await runCli(path, INPUT_MS);
      cliRuns++;
      cliPeakRss = Math.max(cliPeakRss, cli.rss);
      if (cli.problem) outcomes.push({ kind: cli.problem.startsWith('hang') ? 'hang' : 'crash', where: 'cli', input, detail: cli.problem });
    }
    rmSync(path, { force: true });
  }
  worker.stop();
  rmSync(work, { recursive: true, force: true });
  const mb = (n: number): string => `${Math.round(n / 1048576)} MB`;
  const crashes = outcomes.filter((o) => o.kind === 'crash').length;
  const hangs = outcomes.filter((o) => o.kind === 'hang').length;
  const disagreements = outcomes.filter((o) => o.kind === 'disagreement').length;
  if (outcomes.length) {
    mkdirSync(failures, { recursive: true });
    outcomes.forEach((o, i) => {
      const file = join(failures, `${i}-${o.kind}-${o.where}-${o.input.name}`);
      writeFileSync(file, o.input.bytes);
      console.log(`\n${o.kind.toUpperCase()} (${o.where}) ${o.input.steps.join(' > ')}\n  input kept at ${file}\n  ${o.detail.split('\n').slice(0, 8).join('\n  ')}`);
    });
  }
  console.log(`\nfuzz: ${inputs} inputs (${mb(bytes)}, ${lines} lines read; ${cliRuns} also through the CLI) in ${SECONDS} s, seed ${SEED}`);
  console.log(`fuzz: ${crashes} crashes, ${hangs} hangs, ${disagreements} disagreements of the fast lane and the full parser`);
  console.log(`fuzz: peak RSS ${mb(worker.peakRss)} in the core worker, ${mb(cliPeakRss)} in the CLI; slowest input ${slowest.ms} ms (${slowest.steps.join(' > ')})`);
  process.exit(crashes || hangs || disagreements ? 1 : 0);
}

void main();
