import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

// Redaction as a person meets it on the command line (the built bin/gsmlens; npm test builds
// first): the Markdown report meant for a forum post is redacted unless asked not to be, and
// `gsmlens redact` reads what `diagnose` reads, bounded, and refuses what is not a file.

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'gsmlens');
const SAMPLE = join(ROOT, 'samples', 'rut901-modem-update-stuck.log');
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-redact-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const IMEI = '352099001761481'; // Luhn-valid

function gsmlens(args: string[], opts: { input?: string | Buffer; node?: string[]; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [...(opts.node ?? []), BIN, ...args], {
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: opts.timeout ?? 30_000,
    maxBuffer: 64 << 20,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The bundled sample, saved under the modem's IMEI as support people name files. */
function sampleNamedByImei(): string {
  const p = join(tmp, `${IMEI}.log`);
  copyFileSync(SAMPLE, p);
  return p;
}

describe('gsmlens diagnose: the shareable report is redacted', () => {
  it('redacts --report md by default, also where Markdown escaping would have split the value', () => {
    const r = gsmlens(['diagnose', '--report', 'md', sampleNamedByImei()]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Modem diagnosis/);
    assert.ok(!r.stdout.includes(IMEI), 'the IMEI in the file name is gone from the heading and the readability line');
    assert.match(r.stdout, /&lt;IMEI-1&gt;\.log/);
  });

  it('keeps the values with --no-redact', () => {
    const r = gsmlens(['diagnose', '--report', 'md', '--no-redact', sampleNamedByImei()]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes(IMEI));
  });

  it('leaves the text report on the terminal alone, and redacts it (or JSON) with --redact', () => {
    const p = sampleNamedByImei();
    assert.ok(gsmlens(['diagnose', p]).stdout.includes(IMEI), 'your own view is unchanged');
    const text = gsmlens(['diagnose', '--redact', p]);
    assert.equal(text.code, 0, text.stderr);
    assert.ok(!text.stdout.includes(IMEI) && text.stdout.includes('<IMEI-1>.log'));
    const json = gsmlens(['diagnose', '--json', '--redact', p]);
    assert.equal(JSON.parse(json.stdout).files[0].path.endsWith('<IMEI-1>.log'), true);
  });

  it('refuses --redact with --no-redact in one line', () => {
    const r = gsmlens(['diagnose', '--redact', '--no-redact', SAMPLE]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^gsmlens: --redact and --no-redact contradict each other/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
});

describe('gsmlens redact: bounded, files only, .gz decompressed', () => {
  it('cuts a 64 MB single line to its first 64 KiB, marked, within a 48 MB heap', () => {
    const p = join(tmp, 'one-line.log');
    const fd = openSync(p, 'w');
    writeSync(fd, `user.notice x: password=hunter2 imei ${IMEI} `);
    const block = Buffer.alloc(1 << 20, 'A');
    for (let i = 0; i < 64; i++) writeSync(fd, block);
    writeSync(fd, '\nsecond line 85.206.12.34\n');
    closeSync(fd);
    // Held whole, the line alone would not fit in this heap: the run would abort.
    const r = gsmlens(['redact', p], { node: ['--max-old-space-size=48'] });
    assert.equal(r.code, 0, r.stderr.slice(0, 500));
    const lines = r.stdout.split('\n');
    assert.equal(lines.length, 3, 'both lines, and the final newline');
    assert.match(lines[0], /^user\.notice x: password=<SECRET-1> imei <IMEI-1> A+ \[gsmlens redact: line cut at 64 KiB, \d+ more characters not shown\]$/);
    assert.ok(lines[0].length < 66_000, `the first line is ${lines[0].length} characters`);
    assert.equal(lines[1], 'second line <IPV4-1>');
    assert.match(r.stderr, /one-line\.log: 1 line\(s\) longer than 64 KiB were cut/);
  });

  it('refuses /dev/zero with one line and exit 2 instead of reading it forever', () => {
    const r = gsmlens(['redact', '/dev/zero'], { timeout: 15_000 });
    assert.equal(r.signal, null, 'it returned by itself');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'gsmlens: /dev/zero: is a character device, not a log file (to redact a stream, pipe it to gsmlens redact -)\n');
  });

  it('refuses a named pipe given as a path, before writing anything', (t) => {
    const fifo = join(tmp, 'pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return t.skip('mkfifo is not available');
    const ok = join(tmp, 'ok.log');
    writeFileSync(ok, 'lease of 85.206.12.34\n');
    // Opening a FIFO nobody writes to would block: the refusal must come from looking, not reading.
    const r = gsmlens(['redact', ok, fifo], { timeout: 15_000 });
    assert.equal(r.signal, null, 'it returned by itself');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /pipe: is a named pipe, not a log file/);
  });

  it('decompresses a .gz log and redacts it', () => {
    const p = join(tmp, 'messages.1.gz');
    writeFileSync(p, gzipSync(Buffer.from(`Mon Dec  2 19:50:40 2024 daemon.notice netifd: udhcpc: lease of 85.206.12.34 obtained\nIMEI: ${IMEI}\n`)));
    const r = gsmlens(['redact', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Mon Dec  2 19:50:40 2024 daemon.notice netifd: udhcpc: lease of <IPV4-1> obtained\nIMEI: <IMEI-1>\n');
    assert.match(r.stderr, /replaced 1 IMEI, 1 IPV4/);
  });

  it('tells a damaged .gz on stderr and keeps what it held', () => {
    const whole = gzipSync(Buffer.from(`lease of 85.206.12.34\n`.repeat(5000)));
    const p = join(tmp, 'cut.log.gz');
    writeFileSync(p, whole.subarray(0, Math.floor(whole.length / 2)));
    const r = gsmlens(['redact', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^lease of <IPV4-1>\n/);
    assert.match(r.stderr, /cut\.log\.gz: .*truncated or damaged/);
  });
});
