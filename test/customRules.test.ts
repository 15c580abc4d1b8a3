import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { compileCustomRules, CUSTOM_RULE_LIMITS, isTooBroad, toRe2Syntax } from '../server/src/core/findings/customRules';

// Your own rules (issue 13, item 1): matched by a linear-time engine, refused with a reason when
// they use what that engine cannot do, and refused for a file when they flag nearly every line.
const ROOT = join(__dirname, '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-rules-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const rules = (...specs: { pattern: string; message?: string; code?: string }[]) => compileCustomRules(specs.map((s) => ({ message: 'mine', ...s })));
const customLines = (text: string, patterns: string[]): number[] =>
  analyzeText(text, { customRules: rules(...patterns.map((pattern) => ({ pattern }))).rules }).findings.filter((f) => f.code === 'custom-rule').map((f) => f.line);

describe('custom rules run in linear time', () => {
  it('applies (a+)+$ to a 41-character line and a 64 KiB one in the CLI, which returns', () => {
    // With a backtracking engine this run would not end (2^41 paths on the first line); the
    // timeout turns such a hang into a failure.
    const log = join(tmp, 'redos.log');
    writeFileSync(log, ['Mon Dec  2 19:54:57 2024 user.info x: fine', 'a'.repeat(41) + '!', 'b'.repeat(65_536) + 'a'.repeat(40) + '!', 'Mon Dec  2 19:54:58 2024 user.info x: ends in aaaa', ''].join('\n'));
    const file = join(tmp, 'redos.json');
    writeFileSync(file, JSON.stringify([{ pattern: '(a+)+$', message: 'ends in a', code: 'redos' }]));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--json', '--rules', file, log], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.signal, null, 'the CLI finished');
    assert.equal(r.status, 0, r.stderr);
    const mine = JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'custom-rule');
    assert.deepEqual(mine.map((f: { line: number }) => f.line), [4], 'only the line that ends in a');
  });

  it('matches what the JavaScript pattern means, \\u escapes and lookbehind included', () => {
    const text = ['modem A up', 'modem B down', 'Modem C down', 'path \\u0041', ''].join('\n');
    assert.deepEqual(customLines(text, ['modem \\u0042']), [2]);
    assert.deepEqual(customLines(text, ['(?<=modem )[A-Z] down']), [2]);
    assert.deepEqual(customLines(text, ['(?<!modem )[A-Z] down']), [3]);
    assert.deepEqual(customLines(text, ['\\\\u0041']), [4], 'an escaped backslash before u stays a backslash');
    assert.deepEqual(customLines(text, ['^[Mm]odem [AC]']), [1, 3]);
    assert.equal(toRe2Syntax('\\u{1F600}x\\u00e9'), '\\x{1F600}x\\x{00e9}');
  });

  it('refuses a backreference and a lookahead, saying what was refused and why', () => {
    const { rules: ok, errors } = rules({ pattern: '(\\w+) \\1' }, { pattern: 'gsmd(?!\\[)' }, { pattern: '(?<name>x) \\k<name>' }, { pattern: 'gsmd\\[\\d+\\]' });
    assert.equal(ok.length, 1, 'the plain rule is kept');
    assert.equal(errors.length, 3);
    assert.match(errors[0], /^gsmlens\.customRules\[0\]: .*uses a backreference .*linear-time engine \(RE2\) refuses.*no rule can hang/);
    assert.match(errors[1], /^gsmlens\.customRules\[1\]: .*uses a lookahead/);
    assert.match(errors[2], /^gsmlens\.customRules\[2\]: .*uses a backreference/);
  });

  it('still says "not a valid regular expression" for a broken pattern, and refuses a huge program', () => {
    const { errors } = rules({ pattern: '(unclosed' }, { pattern: '[\\s\\S]{1000}[\\s\\S]{1000}x' }, { pattern: 'x*' }, { pattern: 'x{5000}' });
    assert.match(errors[0], /not a valid regular expression/);
    assert.match(errors[1], new RegExp(`too large to match against every line \\(\\d+ RE2 instructions, at most ${CUSTOM_RULE_LIMITS.maxProgramSize}\\)`));
    assert.match(errors[2], /matches an empty line/);
    assert.match(errors[3], /uses a repeat count over 1000/);
  });
});

describe('a rule that matches nearly every line is refused', () => {
  it('refuses "." on the sample, with a notice naming the rule and the share, and keeps the other rules', () => {
    const { rules: compiled } = rules({ pattern: '.' }, { pattern: 'dropbear.*Password auth', code: 'root-login' });
    const a = analyzeText(SAMPLE, { customRules: compiled });
    const custom = a.findings.filter((f) => f.code === 'custom-rule');
    assert.ok(custom.length > 0 && custom.every((f) => f.eventIds[0] === 'root-login'), 'no finding from "."');
    const notice = a.notices.find((n) => n.message.startsWith('gsmlens.customRules[0]'));
    assert.ok(notice, a.notices.map((n) => n.message).join('\n'));
    const content = SAMPLE.split('\n').filter((l) => /\S/.test(l)).length;
    assert.match(notice.message, new RegExp(`matches ${content} of ${content} lines \\(100%\\); a rule that matches more than 90% of the lines says nothing about the log, so it is refused for this file\\.`));
  });

  it('draws the line where the data says: more than 90% of at least 20 content lines', () => {
    const log = (hits: number, total: number): string => Array.from({ length: total }, (_, i) => (i < hits ? `hit ${i}` : `other ${i}`)).join('\n') + '\n';
    assert.equal(customLines(log(18, 20), ['hit']).length, 18, '90% is kept');
    assert.equal(customLines(log(19, 20), ['hit']).length, 0, '95% is refused');
    assert.equal(customLines(log(19, 19), ['hit']).length, 19, 'fewer than 20 lines: too few to judge');
    assert.equal(customLines(log(19, 20) + '\n\n\n   \n', ['hit']).length, 0, 'blank lines do not dilute the share');
    assert.equal(isTooBroad(CUSTOM_RULE_LIMITS.broadMinLines, CUSTOM_RULE_LIMITS.broadMinLines), true);
  });

  it('says it in the CLI report too', () => {
    const file = join(tmp, 'dot.json');
    writeFileSync(file, JSON.stringify([{ pattern: '.', message: 'every line' }]));
    const log = join(tmp, 'system.log');
    writeFileSync(log, SAMPLE);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--rules', file, log], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout.replace(/\s+/g, ' '), /gsmlens\.customRules\[0\]: the pattern "\." matches \d+ of \d+ lines \(100%\)/);
    assert.doesNotMatch(r.stdout, /every line\n/);
  });
});
