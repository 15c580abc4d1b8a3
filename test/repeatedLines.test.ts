import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis, LogRecord } from '../server/src/core/model';
import { repeatedBlocks, withoutRepeats } from '../server/src/core/repeatedLines';
import { DocumentAnalysis } from '../server/src/lsp/documentAnalysis';
import { LogDocument } from '../server/src/lsp/logDocument';
import { parseLog, reshape } from './support/reshape';

// A block of lines pasted twice (a mail or a ticket that repeats part of the log) must get the
// diagnosis of the log itself: its events counted once, no clock set back, no second boot.

const REF = Date.UTC(2024, 11, 4);
const YEAR = new Date(REF).getUTCFullYear();
const DIR = join(__dirname, 'fixtures', 'real');
const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const labels: { file: string; problems: string[] }[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const FIXTURES = [{ name: 'rut901-sample', text: SAMPLE }, ...labels.map((l) => ({ name: l.file.slice(0, 3), text: readFileSync(join(DIR, l.file), 'utf8') }))];
/** The fixtures, and those with the kernel's uptime alone re-told as logread (dated: a copy's step back shows). */
const CASES = [...FIXTURES, ...FIXTURES.filter((c) => !/\b20\d\d\b/.test(c.text)).map((c) => ({ name: `${c.name} as logread`, text: reshape(c.text, 'logread') }))];

/** A clock the collector compares. */
type Clock = (r: LogRecord) => number | undefined;

/**
 * The log with a block of its records pasted again right after itself: from a record (the first
 * that allows it from `share` of the way in), up to a record whose clock is far enough later that
 * the copy's first line runs the clock back, the copy ending where a record starts. Undefined when the log
 * has no such block.
 */
function pastedTwice(text: string, share = 1 / 3): { text: string; lineText: (line: number) => string; from: number } | undefined {
  const log = parseLog(text, YEAR);
  const lines = log.lines;
  const rec = (i: number): LogRecord | undefined => (typeof lines[i]?.result === 'object' ? (lines[i].result as LogRecord) : undefined);
  const wall: Clock = (r) => r.time;
  // Only a dated wall clock: a kernel's uptime run back is a boot (which writes its first lines
  // alike, to the microsecond), and a copy of uptime lines is not told from one.
  if (!lines.some((_, i) => (rec(i)?.time ?? 0) >= Date.UTC(2000, 0, 1))) return undefined;
  const clock = wall;
  // The step back the collector takes for a clock set back: more than a minute.
  const step = 61_000;
  const third = Math.floor(lines.length * share);
  const starts = [...Array.from({ length: lines.length - third }, (_, i) => third + i), ...Array.from({ length: third }, (_, i) => i)];
  // A block whose clock runs forward throughout: its copy's first line is the only step back.
  for (const a of starts) {
    const first = rec(a);
    const start = first && clock(first);
    if (start === undefined) continue;
    let last = start;
    for (let b = a + 1; b < lines.length; b++) {
      const r = rec(b);
      const t = r && clock(r);
      if (t !== undefined && t < last) break;
      if (t !== undefined) last = t;
      // The copy goes in before line b, which starts a record (or ends the file).
      const next = rec(b + 1);
      if (last - start > step && (next !== undefined || b + 1 === lines.length)) {
        const raw = lines.map((l) => l.raw);
        const doubled = [...raw.slice(0, b + 1), ...raw.slice(a, b + 1), ...raw.slice(b + 1)];
        return { text: doubled.join('\n') + '\n', lineText: (line) => doubled[line - 1], from: b + 2 };
      }
    }
  }
  return undefined;
}

/** What a person reads of a diagnosis: each finding's code, time and the text of its line; the stories' verdicts; the span. */
function told(a: Analysis, lineText: (line: number) => string) {
  return {
    findings: a.findings.map((f) => `${f.code} ${f.time ?? '-'} ${f.count} ${lineText(f.line)}`).sort(),
    verdicts: a.episodes.map((e) => `${e.kind}: ${e.verdict}`),
    span: [a.files[0].firstTime, a.files[0].lastTime],
    boots: a.files[0].segments,
  };
}

describe('a block of a log pasted twice gets the diagnosis of the log itself', () => {
  let compared = 0;
  // Each log a third of the way in; the longest at five places more.
  const pastes = CASES.flatMap((c) => (c.text.length > 20_000 ? [1 / 3, 1 / 6, 1 / 2, 2 / 3, 5 / 6] : [1 / 3]).map((share) => ({ ...c, share })));
  for (const c of pastes) {
    const doubled = pastedTwice(c.text, c.share);
    if (!doubled) continue;
    compared++;
    it(`${c.name}, a block ${Math.round(c.share * 100)}% of the way in pasted again after itself`, () => {
      const original = analyzeText(c.text, { referenceTime: REF });
      const lines = c.text.split('\n');
      const a = analyzeText(doubled.text, { referenceTime: REF });
      assert.deepEqual(told(a, doubled.lineText), told(original, (line) => lines[line - 1]));
      const notice = a.notices.find((n) => /pasted twice/.test(n.message));
      assert.ok(notice, a.notices.map((n) => n.message).join('\n'));
      // The copy found holds the pasted block's first line (it may start a line earlier, where the
      // line before the block is written alike: the same text either way).
      const [, from, to] = /lines (\d+)-(\d+) repeat lines \d+-\d+/.exec(notice.message) ?? [];
      assert.ok(Number(from) <= doubled.from && doubled.from <= Number(to) && notice.line === Number(from), notice.message);
    });
  }
  it('has enough logs with such a block for the comparison to mean something', () => assert.ok(compared >= 10, `${compared} cases`));
});

describe('in the editor', () => {
  it('a document with a block pasted twice gets the diagnosis of the log, and one with a clock set back its first reading', async () => {
    const doubled = pastedTwice(SAMPLE)!;
    const lines = SAMPLE.split('\n');
    const doc = LogDocument.create('file:///doubled.log', 'routerlog', 1, doubled.text);
    const { analysis } = await new DocumentAnalysis(doc, { referenceTime: REF }).result();
    assert.deepEqual(told(analysis, doubled.lineText), told(analyzeText(SAMPLE, { referenceTime: REF }), (line) => lines[line - 1]));
    assert.ok(analysis.notices.some((n) => /pasted twice/.test(n.message)));
    // A clock set back is a reason to look for a copy, and none is found: the document's first reading stands.
    const plain = await new DocumentAnalysis(LogDocument.create('file:///set-back.log', 'routerlog', 1, SET_BACK), { referenceTime: REF }).result();
    assert.deepEqual(told(plain.analysis, (line) => SET_BACK.split('\n')[line - 1]), told(analyzeText(SET_BACK, { referenceTime: REF }), (line) => SET_BACK.split('\n')[line - 1]));
    assert.ok(plain.analysis.findings.some((f) => f.code === 'clock-jump'));
    assert.ok(!plain.analysis.notices.some((n) => /pasted twice/.test(n.message)));
  });
});

const line = (clock: string, pid: number, what: string) => `Wed Dec  4 ${clock} 2024 daemon.info dnsmasq[${pid}]: ${what}`;
/** A clock set back five minutes: the lines written after it are new ones. */
const SET_BACK = [
  line('10:00:00', 100, 'read /etc/hosts - 4 names'),
  line('10:05:00', 100, 'DHCPACK(br-lan) 192.168.1.20'),
  line('10:10:00', 100, 'read /etc/hosts - 4 names'),
  line('10:05:00', 101, 'read /etc/hosts - 4 names'),
  line('10:06:00', 101, 'DHCPACK(br-lan) 192.168.1.20'),
].join('\n');

describe('a clock set back is no copy', () => {
  it('new lines after the step back keep their clock jump, and no notice of a copy', () => {
    const a = analyzeText(SET_BACK, { referenceTime: REF });
    assert.ok(a.findings.some((f) => f.code === 'clock-jump' && f.line === 4));
    assert.ok(!a.notices.some((n) => /pasted twice/.test(n.message)));
  });
});

describe('repeatedBlocks', () => {
  const L = (k: number) => `line ${k}`;
  it('finds the copy through the step back, starting where the copy starts', () => {
    // Lines 1-6, then 3-6 again: the clock runs back at the copy's second line (its first kept time).
    const lines = [1, 2, 3, 4, 5, 6, 3, 4, 5, 6, 7].map(L);
    assert.deepEqual(repeatedBlocks(lines, [8]), [{ from: 7, to: 10, of: 3 }]);
    assert.deepEqual(withoutRepeats(lines, repeatedBlocks(lines, [8])), [1, 2, 3, 4, 5, 6].map(L).concat(['', '', '', '', L(7)]));
  });
  it('takes lines written alike after a step back for no copy when the log goes on from the earlier time', () => {
    // A reboot onto a clock restored from the same saved time writes its first lines alike, then runs on from there.
    const boot = [line('10:00:00', 1, 'started, version 2.90'), line('10:00:01', 1, 'read /etc/hosts - 4 names')];
    const lines = [...boot, line('11:00:00', 1, 'DHCPACK(br-lan) 192.168.1.20'), ...boot, line('10:00:30', 2, 'DHCPACK(br-lan) 192.168.1.21')];
    const times = lines.map((l) => Date.parse(`2024-12-04T${/\d\d:\d\d:\d\d/.exec(l)![0]}Z`));
    assert.deepEqual(repeatedBlocks(lines, [4], (i) => times[i]), []);
    // The same lines, the log going on from 11:00 after them: a block pasted twice.
    const pasted = [...lines.slice(0, 5), line('11:00:30', 2, 'DHCPACK(br-lan) 192.168.1.21')];
    assert.deepEqual(repeatedBlocks(pasted, [4], (i) => (i === 5 ? Date.parse('2024-12-04T11:00:30Z') : times[i])), [{ from: 4, to: 5, of: 1 }]);
  });
  it('takes one line said again for no copy', () => {
    assert.deepEqual(repeatedBlocks([1, 2, 3, 2, 4].map(L), [4]), []);
  });
  it('reads a block pasted three times once', () => {
    const lines = [1, 2, 3, 1, 2, 3, 1, 2, 3, 9].map(L);
    const blocks = repeatedBlocks(lines, [4, 7]);
    assert.deepEqual(blocks, [{ from: 4, to: 9, of: 1 }]);
  });
  it('finds nothing at a line of its own, a blank line or past the file', () => {
    assert.deepEqual(repeatedBlocks([1, 2, 3].map(L), [2, 3, 9, 0]), []);
    assert.deepEqual(repeatedBlocks(['a', '', 'b', ''], [2, 4]), []);
  });
  it('costs one pass on a file of one line said over and over', () => {
    const lines = new Array<string>(100_000).fill('same');
    const blocks = repeatedBlocks(lines, [50_000, 60_000, 70_000]);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0].to, 100_000);
  });
});
