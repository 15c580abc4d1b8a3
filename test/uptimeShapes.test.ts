import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis, LogRecord } from '../server/src/core/model';
import { clockedShare, parseLog, writtenBody } from './support/reshape';

// Logs whose only clock is the time since boot, in the layouts that write one: journalctl -o
// short-monotonic and -o short-delta, and Zephyr's log (the firmware of nRF91 and other cellular
// modules). The same records told in each must get the same diagnosis: each is read as its clock
// and its program, not as a time of day (Zephyr's `[00:00:12.500,123]`) or as kernel text.

const REF = Date.UTC(2024, 11, 4);
const DIR = join(__dirname, 'fixtures', 'real');
const SAMPLE = join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log');

type UptimeShape = 'short-monotonic' | 'short-delta' | 'zephyr';
const SHAPES: UptimeShape[] = ['short-monotonic', 'short-delta', 'zephyr'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * The log's records with a program, each at its wall time's distance from the first record (plus
 * 12.5 s, the time a board takes to boot), in the shape; lines that are no record stay as they
 * were; records without a program are left out (short-monotonic has no layout for them).
 */
function retell(text: string, shape: UptimeShape): string {
  const log = parseLog(text, 2024);
  const first = Math.min(...log.clock.values());
  const out: string[] = [];
  let owner: LogRecord | undefined;
  for (const l of log.lines) {
    const r = l.result;
    if (r === 'continuation') {
      if (!owner) out.push(l.raw);
      continue;
    }
    owner = undefined;
    if (typeof r === 'string') {
      out.push(l.raw);
      continue;
    }
    const wall = log.clock.get(r);
    if (wall === undefined || r.tag === undefined) {
      owner = r;
      continue;
    }
    owner = r;
    const body = writtenBody(r, l.raw, 2024).replace(/^\[\s*\d+\.\d+\]\s?/, '');
    const us = (wall - first) * 1000 + 12_500_000;
    const up = `${Math.floor(us / 1e6)}.${pad(us % 1e6, 6)}`.padStart(12);
    const prog = r.tag === 'kernel' ? 'kernel' : r.pid !== undefined ? `${r.tag}[${r.pid}]` : `${r.tag}[1]`;
    if (shape === 'short-monotonic') out.push(`[${up}] router ${prog}: ${body}`);
    else if (shape === 'short-delta') out.push(`[${up} <    0.000100>] router ${prog}: ${body}`);
    else {
      const s = Math.floor(us / 1e6);
      const level = { emerg: 'err', alert: 'err', crit: 'err', err: 'err', warn: 'wrn', notice: 'inf', info: 'inf', debug: 'dbg' }[r.syslogLevel ?? 'info'];
      out.push(`[${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${pad(Math.floor(us / 1000) % 1000, 3)},${pad(us % 1000, 3)}] <${level}> ${r.tag}: ${body}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function facts(a: Analysis): { findings: Record<string, number>; verdicts: string[]; read: number } {
  const findings: Record<string, number> = {};
  for (const f of a.findings) findings[f.code] = (findings[f.code] ?? 0) + 1;
  return { findings, verdicts: a.episodes.map((e) => `${e.kind}: ${e.verdict}`), read: a.files[0].parsedLines };
}

const labels: { file: string; problems: string[] }[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const CASES = [
  { name: 'rut901-sample', text: readFileSync(SAMPLE, 'utf8') },
  ...labels.filter((l) => !l.problems.includes('none')).map((l) => ({ name: l.file.slice(0, 3), text: readFileSync(join(DIR, l.file), 'utf8') })),
].filter((c) => clockedShare(parseLog(c.text, 2024)) >= 0.5);

describe('a log whose clock is the time since boot reads alike in each layout that writes one', () => {
  it('has cases to compare', () => assert.ok(CASES.length >= 20, `${CASES.length} cases`));
  for (const c of CASES) {
    it(c.name, () => {
      const told = SHAPES.map((shape) => ({ shape, text: retell(c.text, shape) }));
      const records = told[0].text.split('\n').filter((l) => l.startsWith('[')).length;
      const [first, ...rest] = told.map(({ shape, text }) => ({ shape, facts: facts(analyzeText(text, { referenceTime: REF })) }));
      // Every retold record is read as a record (not text), in every layout.
      assert.ok(first.facts.read >= records, `${c.name} as ${first.shape}: ${first.facts.read} of ${records} records read`);
      for (const other of rest) assert.deepEqual(other.facts, first.facts, `${c.name}: ${other.shape} against ${first.shape}`);
    });
  }

  it('reads the sample\'s modem story in Zephyr\'s layout: its clock as uptime past 24 hours, its levels and modules', () => {
    const text = retell(readFileSync(SAMPLE, 'utf8'), 'zephyr');
    const a = analyzeText(text, { referenceTime: REF });
    assert.equal(a.files[0].format, 'zephyr');
    assert.equal(a.files[0].parsedLines, a.files[0].lines);
    const codes = new Set<string>(a.findings.map((f) => f.code));
    // The write failures, the refusals and gsmd's silence after the modem came back: what the RUT901's log says.
    for (const code of ['modem-write-failure', 'modem-duplicate-registration', 'modem-silent']) assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
    // The sample spans more than a day: its last hours are past 24, no time of day.
    assert.match(text, /^\[2\d:\d\d:\d\d\.\d{3},\d{3}\]/m);
  });
});
