import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

// The CLI as a person runs it: the built bin/gsmlens (npm test builds first).
const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'gsmlens');
const SAMPLE = join(ROOT, 'samples', 'rut901-modem-update-stuck.log');
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs bin/gsmlens; `env` entries set to undefined are removed (COLUMNS, FORCE_COLOR of the test's own terminal). */
function gsmlens(args: string[], input?: string | Buffer, env: Record<string, string | undefined> = {}): { code: number | null; stdout: string; stderr: string } {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: merged as NodeJS.ProcessEnv });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

/** A folder under the test's temporary one, with these files in it. */
function dir(name: string, files: Record<string, string | Buffer>): string {
  const d = join(tmp, name);
  mkdirSync(d, { recursive: true });
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(dirname(join(d, f)), { recursive: true });
    writeFileSync(join(d, f), content);
  }
  return d;
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
    assert.equal(doc.episodes[0].verdict, 'updated-not-taken-back');
    for (const k of ['title', 'verdictLabel', 'severity']) assert.equal(typeof doc.episodes[0][k], 'string', `episode has ${k}`);
    assert.equal(doc.host, 'Teltonika RutOS');
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
    ['a directory without logs', () => ['diagnose', dir('no-logs', { 'notes.md': 'hello\n' })], /is a directory with no logs in it/],
    ['a zip archive', () => ['diagnose', file('troubleshoot.tar.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))], /zip archive/],
    ['no command', () => [], /no command/],
    ['no file', () => ['diagnose'], /needs a FILE/],
    ['an unknown option', () => ['diagnose', '--frobnicate', SAMPLE], /^gsmlens: unknown option --frobnicate \(see gsmlens help diagnose\)\n$/],
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
    assert.match(r.stdout, /holds no log to analyse: no system\.log or messages file/);
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

// Issue 12 items 14-16 and issue 13 item 10: the conventions of ripgrep and lnav.
describe('gsmlens CLI conventions', () => {
  const LINE = (t: string, msg: string): string => `Mon Dec  2 ${t} 2024 daemon.notice netifd: ${msg}\n`;
  const rule = (severity: string): string => file(`rule-${severity}.json`, JSON.stringify([{ pattern: 'tripwire', severity, message: `a ${severity} of mine` }]));
  const tripped = (): string => file('tripped.log', LINE('19:54:59', 'wan is up') + LINE('19:55:00', 'tripwire crossed') + LINE('19:55:01', 'wan is down'));

  it('--fail-on LEVEL exits 1 when a finding at or above LEVEL exists, 0 when none does, and says so in one line', () => {
    const stuck = gsmlens(['diagnose', '--fail-on', 'error', SAMPLE]);
    assert.equal(stuck.code, 1);
    assert.match(stuck.stdout, /Modem firmware update: STUCK/, 'the report is still printed');
    assert.match(stuck.stderr, /^gsmlens: 1 story and \d+ findings? at or above error \(--fail-on error\)\n$/);
    const warning = ['--rules', rule('warning'), tripped()];
    assert.equal(gsmlens(['diagnose', '--fail-on', 'error', ...warning]).code, 0);
    assert.equal(gsmlens(['diagnose', '--fail-on', 'warning', ...warning]).code, 1);
    assert.equal(gsmlens(['diagnose', '--fail-on', 'info', ...warning]).code, 1);
    assert.equal(gsmlens(['diagnose', '--fail-on', 'info', '--rules', rule('info'), tripped()]).code, 1);
    assert.equal(gsmlens(['diagnose', '--fail-on', 'warning', '--rules', rule('info'), tripped()]).code, 0);
    // A story counts by its verdict: a modem not answering, not over, is an error told from warnings.
    const hung = file('hung.log', 'Mon Dec  2 19:54:59 2024 daemon.err [2891]: <err> [modem0] port cdc-wdm0 timed out 10 consecutive times, marking modem as invalid\n' + Array.from({ length: 30 }, (_, i) => `Mon Dec  2 ${20 + Math.floor(i / 6)}:${String((i % 6) * 10).padStart(2, '0')}:00 2024 daemon.info dnsmasq[1200]: query[A] example.com from 192.168.1.${i}\n`).join(''));
    const hungRun = gsmlens(['diagnose', '--json', '--fail-on', 'error', hung]);
    assert.ok(JSON.parse(hungRun.stdout).findings.every((f: { severity: string }) => f.severity !== 'error'), 'no error finding');
    assert.equal(hungRun.code, 1);
    assert.match(hungRun.stderr, /^gsmlens: 1 story at or above error/);
    // --min-severity only chooses what is listed; --fail-on still sees every finding.
    const hidden = gsmlens(['diagnose', '--json', '--fail-on', 'warning', '--min-severity', 'error', ...warning]);
    assert.equal(hidden.code, 1);
    assert.equal(JSON.parse(hidden.stdout).findings.length, 0);
    const healthy = gsmlens(['diagnose', '--fail-on', 'info', file('healthy.log', LINE('19:54:59', 'wan is up'))]);
    assert.equal(healthy.code, 0, healthy.stderr);
    assert.equal(healthy.stderr, '');
    const bad = gsmlens(['diagnose', '--fail-on', 'fatal', SAMPLE]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'gsmlens: --fail-on is error, warning or info, not "fatal"\n');
    assert.equal(gsmlens(['diagnose', '--fail-on', 'error', join(tmp, 'nope.log')]).code, 2, 'an unreadable input is 2, not 1');
  });

  it('documents the exit status and --fail-on in gsmlens help and the README', () => {
    for (const args of [['help'], ['help', 'diagnose']]) {
      const r = gsmlens(args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /Exit status:\n {2}0 [^]*?\n {2}1 [^]*?--fail-on[^]*?\n {2}2 /);
    }
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /--fail-on error\|warning\|info/);
    assert.match(readme, /[Ee]xit status 1/);
  });

  it('--color auto|always|never honours NO_COLOR and FORCE_COLOR; --no-color still works', () => {
    const ESC = /\u001b\[/;
    const run = (args: string[], env: Record<string, string | undefined>) => gsmlens(['diagnose', ...args, SAMPLE], undefined, { NO_COLOR: undefined, ...env }).stdout;
    assert.doesNotMatch(run([], {}), ESC, 'auto: a pipe gets no colour');
    assert.match(run(['--color', 'always'], {}), ESC);
    assert.match(run(['--color=always'], { NO_COLOR: '1' }), ESC, 'an explicit choice wins over NO_COLOR');
    assert.doesNotMatch(run(['--color', 'never'], { FORCE_COLOR: '1' }), ESC, 'and over FORCE_COLOR');
    assert.match(run([], { FORCE_COLOR: '1' }), ESC, 'FORCE_COLOR colours a pipe');
    assert.match(run([], { FORCE_COLOR: '1', NO_COLOR: '1' }), ESC, 'FORCE_COLOR wins over NO_COLOR, as in Node');
    assert.doesNotMatch(run([], { FORCE_COLOR: '0' }), ESC);
    assert.doesNotMatch(run(['--no-color'], { FORCE_COLOR: '1' }), ESC);
    const bad = gsmlens(['diagnose', '--color', 'sometimes', SAMPLE]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'gsmlens: --color is auto, always or never, not "sometimes"\n');
    assert.doesNotMatch(run(['--json'], { FORCE_COLOR: '1' }), ESC, 'JSON is never coloured');
  });

  it('wraps the text report to COLUMNS, to 80 columns in a pipe, and never wider than 100', () => {
    const widest = (out: string): number => Math.max(...out.split('\n').filter((l) => !/https?:\/\//.test(l)).map((l) => l.length));
    const pipe = gsmlens(['diagnose', SAMPLE]).stdout;
    assert.ok(widest(pipe) <= 80, `a pipe gets 80 columns, not ${widest(pipe)}`);
    assert.ok(widest(pipe) > 70, 'and uses them');
    const narrow = gsmlens(['diagnose', SAMPLE], undefined, { COLUMNS: '60' }).stdout;
    assert.ok(widest(narrow) <= 60, `COLUMNS=60 gives ${widest(narrow)} columns`);
    assert.match(narrow, /\n {4}19:54:59 {2}line 41 {4}\S.*\n {25}\S/, 'a step goes on under its own text');
    const wide = gsmlens(['diagnose', SAMPLE], undefined, { COLUMNS: '250' }).stdout;
    assert.ok(widest(wide) <= 100 && widest(wide) > 90, `COLUMNS=250 gives ${widest(wide)} columns`);
    // Every word of the story is still there, whatever the width.
    const words = (s: string): string => s.split(/\s+/).join(' ');
    assert.equal(words(narrow), words(wide));
  });

  it('gsmlens help [command], -h and -V/--version', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const flag of ['-V', '--version']) assert.deepEqual(gsmlens([flag]), { code: 0, stdout: `gsmlens ${version}\n`, stderr: '' });
    const top = gsmlens(['help']);
    assert.equal(top.code, 0);
    assert.match(top.stdout, /gsmlens diagnose \[options\] PATH/);
    assert.match(top.stdout, /gsmlens redact FILE/);
    assert.match(top.stdout, /gsmlens help \[COMMAND\]/);
    const diagnose = gsmlens(['help', 'diagnose']);
    assert.equal(diagnose.code, 0);
    for (const option of ['--json', '--report FORMAT', '--fail-on LEVEL', '--color WHEN', '--min-severity LEVEL', '--reconnect-loop-count N']) assert.ok(diagnose.stdout.includes(option), option);
    assert.equal(gsmlens(['diagnose', '--help']).stdout, diagnose.stdout);
    assert.equal(gsmlens(['diagnose', '-h']).stdout, diagnose.stdout);
    const redact = gsmlens(['help', 'redact']);
    assert.match(redact.stdout, /^Usage: gsmlens redact FILE/);
    assert.doesNotMatch(redact.stdout, /--fail-on|--json/);
    assert.deepEqual(gsmlens(['help', 'frobnicate']), { code: 2, stdout: '', stderr: 'gsmlens: unknown command "frobnicate" (see gsmlens help)\n' });
    // Help fits the terminal too.
    assert.ok(gsmlens(['help', 'diagnose'], undefined, { COLUMNS: '60' }).stdout.split('\n').every((l) => l.length <= 60));
  });

  const mistakes: [args: string[], stderr: string][] = [
    [['diagnose', '--foo', SAMPLE], 'gsmlens: unknown option --foo (see gsmlens help diagnose)'],
    [['diagnose', '--foo=1', SAMPLE], 'gsmlens: unknown option --foo (see gsmlens help diagnose)'],
    [['diagnose', '-x', SAMPLE], 'gsmlens: unknown option -x (see gsmlens help diagnose)'],
    [['--foo', 'diagnose', SAMPLE], 'gsmlens: unknown option --foo (see gsmlens help diagnose)'],
    [['--foo'], 'gsmlens: unknown option --foo (see gsmlens help)'],
    [['redact', '--json', SAMPLE], 'gsmlens: redact takes no option --json (see gsmlens help redact)'],
    [['diagnose', '--json=yes', SAMPLE], 'gsmlens: --json takes no value (see gsmlens help diagnose)'],
    [['diagnose', SAMPLE, '--report'], 'gsmlens: --report needs a value: FORMAT (see gsmlens help diagnose)'],
    [['diagnose', '--report', '--json', SAMPLE], 'gsmlens: --report needs a value: FORMAT (see gsmlens help diagnose)'],
    [['diagnose', '--report', 'pdf', SAMPLE], 'gsmlens: --report is text or md, not "pdf"'],
  ];
  for (const [args, stderr] of mistakes) {
    it(`refuses ${args.join(' ').replace(SAMPLE, 'FILE')} in one line of our own, exit 2`, () => {
      assert.deepEqual(gsmlens(args), { code: 2, stdout: '', stderr: `${stderr}\n` });
    });
  }

  // Issue 13 item 10: values are checked against the option's own list and declared range.
  const badValues: [option: string, value: string, message: RegExp][] = [
    ['--min-severity', 'toString', /^gsmlens: --min-severity is error, warning or info, not "toString"\n$/],
    ['--min-severity', 'constructor', /not "constructor"/],
    ['--min-severity', '__proto__', /not "__proto__"/],
    ['--min-severity', 'hasOwnProperty', /not "hasOwnProperty"/],
    ['--fail-on', 'valueOf', /^gsmlens: --fail-on is error, warning or info, not "valueOf"\n$/],
    ['--report', 'toString', /--report is text or md, not "toString"/],
    ['--usb-gap-seconds', '', /^gsmlens: --usb-gap-seconds takes a number from 0 to \d+, not ""\n$/],
    ['--usb-gap-seconds', '0x10', /--usb-gap-seconds takes a number from 0 to \d+, not "0x10"/],
    ['--usb-gap-seconds', '1e3', /not "1e3"/],
    ['--usb-gap-seconds', '-5', /--usb-gap-seconds needs a value|not "-5"/],
    ['--usb-gap-seconds', 'Infinity', /not "Infinity"/],
    ['--usb-gap-seconds', '99999999999', /not "99999999999"/],
    ['--silence-seconds', ' 5', /not " 5"/],
    ['--burst-window-seconds', 'NaN', /not "NaN"/],
    ['--reconnect-loop-count', '0.5', /^gsmlens: --reconnect-loop-count takes a whole number from 2 to \d+, not "0.5"\n$/],
    ['--reconnect-loop-count', '1', /--reconnect-loop-count takes a whole number from 2 to/],
    ['--reconnect-loop-count', '2.0', /not "2.0"/],
  ];
  for (const [option, value, message] of badValues) {
    it(`refuses ${option} ${JSON.stringify(value)} with exit 2`, () => {
      const r = gsmlens(['diagnose', `${option}=${value}`, SAMPLE]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.split('\n').length, 2, 'one line');
      assert.equal(r.stdout, '');
    });
  }

  it('takes values inside the declared ranges, the same minimums as the editor settings', () => {
    for (const args of [['--usb-gap-seconds', '0'], ['--usb-gap-seconds', '0.5'], ['--burst-window-seconds', '30'], ['--reconnect-loop-count', '2'], ['--silence-seconds=120'], ['--min-severity', 'warning'], ['--report', 'text'], ['--report', 'markdown']]) {
      const r = gsmlens(['diagnose', ...args, SAMPLE]);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    }
    const settings = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
    for (const [setting, option] of [['usbGapSeconds', 'usb-gap-seconds'], ['burstWindowSeconds', 'burst-window-seconds'], ['reconnectLoopCount', 'reconnect-loop-count'], ['silenceSeconds', 'silence-seconds']]) {
      const min = settings[`gsmlens.thresholds.${setting}`].minimum as number;
      if (min > 0) assert.equal(gsmlens(['diagnose', `--${option}`, String(min - 1), SAMPLE]).code, 2, `${option} below ${min}`);
      assert.equal(gsmlens(['diagnose', `--${option}`, String(min), SAMPLE]).code, 0, `${option} at ${min}`);
    }
  });

  it('diagnoses the logs in a directory, rotated sets oldest first, and nothing else in it', () => {
    const usb = (t: string, up: number, msg: string): string => `Mon Dec  2 ${t} 2024 kern.info kernel: [ ${up.toFixed(6).padStart(11)}] usb 1-1: ${msg}\n`;
    const d = dir('rotated', {
      'system.log.2.gz': gzipSync(usb('19:50:00', 100, 'new high-speed USB device number 5 using ehci-platform')),
      'system.log.1': usb('19:57:33', 466.5, 'USB disconnect, device number 5'),
      'system.log': usb('20:00:04', 617, 'new high-speed USB device number 6 using ehci-platform') + LINE('21:00:00', 'wan is up'),
      'messages.0': LINE('19:40:00', 'lan is up'),
      'notes.md': 'not a log\n',
      'troubleshoot.tar.gz': gzipSync(Buffer.alloc(1024)),
      '.hidden.log': 'not read\n',
      'service_logs/gsmd.log': LINE('19:41:00', 'gsmd started'),
    });
    const r = gsmlens(['diagnose', '--json', d]);
    assert.equal(r.code, 0, r.stderr);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path.slice(d.length + 1));
    // The rotated system.log is one log, its files oldest first (FileSummary.parts).
    assert.deepEqual(paths, ['messages.0', 'system.log', join('service_logs', 'gsmd.log')]);
    assert.deepEqual(JSON.parse(r.stdout).files[1].parts.map((p: { path: string }) => p.path.slice(d.length + 1)), ['system.log.2.gz', 'system.log.1', 'system.log']);
    // A directory next to files: all of them, each once.
    const mixed = JSON.parse(gsmlens(['diagnose', '--json', join(d, 'system.log'), d]).stdout).files.map((f: { path: string }) => f.path.slice(d.length + 1));
    // ...the rotated system.log one log where its first file was named.
    assert.deepEqual(mixed, ['system.log', 'messages.0', join('service_logs', 'gsmd.log')]);
  });

  it('reads a file named twice, by another path or through a symbolic link, once', () => {
    const p = file('twice.log', LINE('19:54:59', 'wan is up'));
    const link = join(tmp, 'twice-link.log');
    symlinkSync(p, link);
    const r = gsmlens(['diagnose', '--json', p, p, join(tmp, '.', 'twice.log'), join(tmp, '..', tmp.split(/[\\/]/).pop() as string, 'twice.log'), link]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), [p]);
    assert.equal(JSON.parse(gsmlens(['diagnose', '--json', '-', '-'], LINE('19:54:59', 'wan is up')).stdout).files.length, 1);
  });

  it('reads a pipe given by name, as `<(ssh router logread)` gives one, plain or gzipped', { skip: process.platform === 'win32' }, () => {
    const text = 'Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6\nMon Dec  2 19:59:33 2024 daemon.notice netifd: wan is up\n';
    const plain = file('piped.log', text);
    const gz = file('piped.log.gz', gzipSync(Buffer.from(text)));
    for (const [source, what] of [[`cat '${plain}'`, 'plain'], [`cat '${gz}'`, 'gzip'], [`head -c 0 '${plain}'`, 'empty']] as const) {
      // bash's process substitution hands the CLI a /dev/fd path that is a pipe, not a file.
      const r = spawnSync('bash', ['-c', `"$0" "$1" diagnose --json <(${source})`, process.execPath, BIN], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${what}: ${r.stderr}`);
      const doc = JSON.parse(r.stdout);
      if (what === 'empty') {
        assert.equal(doc.files[0].lines, 0);
        continue;
      }
      assert.equal(doc.files[0].lines, 2, what);
      assert.ok(doc.findings.some((f: { code: string }) => f.code === 'usb-gap'), what);
    }
  });

  it('decompresses gzip on standard input, found by its magic bytes', () => {
    const text = 'Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6\nMon Dec  2 19:59:33 2024 daemon.notice netifd: wan is up\n';
    const r = gsmlens(['diagnose', '--json', '-'], gzipSync(Buffer.from(text)));
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.files[0].lines, 2);
    assert.equal(doc.files[0].format, 'logread');
    assert.ok(doc.findings.some((f: { code: string }) => f.code === 'usb-gap'));
    // Plain text and a one-byte input still read as they are; a cut gzip keeps what arrived.
    assert.equal(JSON.parse(gsmlens(['diagnose', '--json', '-'], text).stdout).files[0].lines, 2);
    assert.equal(JSON.parse(gsmlens(['diagnose', '--json', '-'], '\x1f').stdout).files[0].lines, 1);
    const whole = gzipSync(Buffer.from(Array.from({ length: 3000 }, (_, i) => `Mon Dec  2 19:59:33 2024 daemon.notice netifd: line ${i * 7919}\n`).join('')));
    const cut = gsmlens(['diagnose', '-'], whole.subarray(0, whole.length >> 1));
    assert.equal(cut.code, 0, cut.stderr);
    assert.match(cut.stdout, /truncated or damaged/);
  });
});

describe('gsmlens diagnose on a log listed newest first', () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const newestFirst = text.replace(/\n$/, '').split('\n').reverse().join('\n') + '\n';

  it('reads a file in reverse: the story of the log in order, with the file\'s line numbers', () => {
    const inOrder = JSON.parse(gsmlens(['diagnose', '--json', SAMPLE]).stdout);
    const r = gsmlens(['diagnose', '--json', file('newest-first.log', newestFirst)]);
    const a = JSON.parse(r.stdout);
    assert.equal(a.files[0].newestFirst, true);
    assert.equal(a.files[0].readReversed, true);
    assert.deepEqual(a.episodes.map((e: { title: string; verdict: string }) => [e.title, e.verdict]), inOrder.episodes.map((e: { title: string; verdict: string }) => [e.title, e.verdict]));
    const lines = newestFirst.split('\n');
    const write = a.findings.find((f: { code: string }) => f.code === 'modem-write-failure');
    assert.match(lines[write.line - 1], /errno 5|bytes transferred/, 'the line cited is that line of the file');
    const text = gsmlens(['diagnose', join(tmp, 'newest-first.log')]).stdout;
    assert.match(text, /they were read in reverse, oldest first/);
    assert.match(text, /Modem firmware update/);
  });

  it('from standard input, which cannot be read twice, the lines are held as they come and read in reverse too', () => {
    const inOrder = JSON.parse(gsmlens(['diagnose', '--json', SAMPLE]).stdout);
    const a = JSON.parse(gsmlens(['diagnose', '--json', '-'], newestFirst).stdout);
    assert.equal(a.files[0].readReversed, true);
    assert.deepEqual(a.episodes.map((e: { verdict: string }) => e.verdict), inOrder.episodes.map((e: { verdict: string }) => e.verdict));
    const piped = JSON.parse(gsmlens(['diagnose', '--json', '-'], text).stdout);
    assert.deepEqual(piped.findings, inOrder.findings.map((f: { file: string }) => ({ ...f, file: piped.findings[0].file })), 'a log in order piped in reads as the file does');
  });
});
