import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

// The CLI as a person runs it: the built bin/gsmlens (npm test builds first).
const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'gsmlens');
const SAMPLE = join(ROOT, 'samples', 'rut901-modem-update-stuck.log');
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function gsmlens(args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe('gsmlens CLI', () => {
  it('diagnoses the bundled sample', () => {
    const r = gsmlens(['diagnose', SAMPLE]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Modem firmware update: STUCK/);
    assert.match(r.stdout, /modem-duplicate-registration/);
    assert.equal(r.stderr, '');
  });

  it('prints the schema-1 JSON document', () => {
    const r = gsmlens(['diagnose', '--json', SAMPLE]);
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(Object.keys(doc.files[0]).slice(0, 4), ['path', 'format', 'lines', 'parsedLines']);
    assert.equal(doc.files[0].format, 'logread');
    for (const f of doc.findings) {
      for (const k of ['code', 'severity', 'message', 'file', 'line', 'endLine', 'count', 'time']) assert.ok(k in f, `finding has ${k}`);
      assert.ok(f.line >= 1 && f.endLine >= f.line);
    }
    assert.equal(doc.episodes[0].kind, 'modem-firmware-update');
    assert.equal(doc.episodes[0].verdict, 'stuck');
    assert.ok(Array.isArray(doc.episodes[0].advice) && doc.episodes[0].advice.length > 0);
  });

  it('reads standard input with -', () => {
    const r = gsmlens(['diagnose', '--json', '-'], 'Bus 001 Device 024: ID 05c6:9008\n');
    assert.equal(r.code, 0);
    assert.ok(JSON.parse(r.stdout).findings.some((f: { code: string }) => f.code === 'modem-edl-mode'));
  });

  it('reads a gzip-rotated log', () => {
    const p = file('messages.1.gz', gzipSync(Buffer.from('Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6\n')));
    const r = gsmlens(['diagnose', '--json', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).files[0].lines, 1);
  });

  it('keeps what a truncated gzip held and says it was damaged', () => {
    const whole = gzipSync(Buffer.from('Bus 001 Device 024: ID 05c6:9008\n'.repeat(2000)));
    const p = file('cut.log.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const r = gsmlens(['diagnose', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /truncated or damaged/);
  });

  const failures: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['diagnose', join(tmp, 'nope.log')], /no such file/],
    ['a directory', () => ['diagnose', tmp], /is a directory/],
    ['a zip archive', () => ['diagnose', file('troubleshoot.tar.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))], /zip archive/],
    ['no command', () => [], /no command/],
    ['no file', () => ['diagnose'], /needs a FILE/],
    ['an unknown option', () => ['diagnose', '--frobnicate', SAMPLE], /Unknown option/],
    ['a bad number', () => ['diagnose', '--usb-gap-seconds', 'soon', SAMPLE], /takes a number/],
  ];
  for (const [name, args, message] of failures) {
    it(`exits 2 with a one-line error for ${name}`, () => {
      const r = gsmlens(args());
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(r.stdout, '');
    });
  }

  it('reads a tar archive without logs and says what it lacks', () => {
    const r = gsmlens(['diagnose', file('t.tar', Buffer.concat([Buffer.alloc(257), Buffer.from('ustar'), Buffer.alloc(250)]))]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /holds no system\.log/);
  });

  it('explains an empty file instead of failing', () => {
    const r = gsmlens(['diagnose', file('empty.log', '')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /empty \(0 bytes\)/);
  });

  it('reads binary junk without crashing and says so', () => {
    const junk = Buffer.alloc(20000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    const r = gsmlens(['diagnose', file('junk.bin', junk)]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /looks binary/);
  });

  it('never writes terminal escapes from the log', () => {
    // A colour code is paint (consoles such as ESP-IDF colour every line): it is removed. Any other
    // control sequence (here: clear the screen, set the window title) is shown escaped, never run.
    const r = gsmlens(['diagnose', file('esc.log', "Mon Dec  2 19:54:59 2024 daemon.notice netifd: Interface '\u001b[2J\u001b]0;pwn\u0007evil\u001b[31m' is now down\n")]);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /\u001b|\u0007/);
    assert.match(r.stdout, /\\x1b\[2J\\x1b\]0;pwn\\x07evil' went down/);
  });

  it('redacts a file for sharing, telling on stderr what it replaced', () => {
    const p = file('share.log', 'Mon Dec  2 19:54:59 2024 daemon.notice netifd: wan (123): lease of 84.15.123.45 obtained\nsn: 1101234567\nMon Dec  2 19:55:00 2024 daemon.notice netifd: again 84.15.123.45 from 192.168.1.1\n');
    const r = gsmlens(['redact', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Mon Dec  2 19:54:59 2024 daemon.notice netifd: wan (123): lease of <IPV4-1> obtained\nsn: <SERIAL-1>\nMon Dec  2 19:55:00 2024 daemon.notice netifd: again <IPV4-1> from 192.168.1.1\n');
    assert.match(r.stderr, /replaced 1 SERIAL, 2 IPV4|replaced 2 IPV4, 1 SERIAL|SERIAL.*IPV4|IPV4.*SERIAL/);
    const missing = gsmlens(['redact', join(tmp, 'nope.log')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
    assert.equal(missing.stdout, '');
  });

  it('filters by severity', () => {
    const all = JSON.parse(gsmlens(['diagnose', '--json', SAMPLE]).stdout).findings;
    const errors = JSON.parse(gsmlens(['diagnose', '--json', '--min-severity', 'error', SAMPLE]).stdout).findings;
    assert.ok(errors.length > 0 && errors.length < all.length);
    assert.ok(errors.every((f: { severity: string }) => f.severity === 'error'));
  });

  it('applies your own rules from --rules and refuses a bad rule file clearly', () => {
    const rules = file('rules.json', JSON.stringify([{ pattern: 'litefw_\\w+ failed', severity: 'warning', message: 'The Sierra flasher failed', code: 'flash-failed' }]));
    const log = file('flash.log', 'Switch Modem to QDL mode by DM Reset Command.\nlitefw_DownloadFW failed: 100\n');
    const r = gsmlens(['diagnose', '--json', '--rules', rules, log]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const mine = doc.findings.filter((f: { code: string }) => f.code === 'custom-rule');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].line, 2);
    assert.equal(mine[0].message, 'The Sierra flasher failed');
    const bad = gsmlens(['diagnose', '--rules', file('bad.json', '[{"pattern": "("}]'), log]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--rules .*bad\.json: gsmlens\.customRules\[0\]/);
  });
});
