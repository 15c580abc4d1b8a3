import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText, type AnalyzeOptions } from '../server/src/core/analyze';
import type { Finding } from '../server/src/core/model';
import { DocumentAnalysis } from '../server/src/lsp/documentAnalysis';
import { LogDocument } from '../server/src/lsp/logDocument';
import { appendAtCuts } from './support/appends';
// @ts-expect-error: a plain ES module of the benchmark's, without types.
import { HOSTILE_LINES, MODEM_RECONNECTING } from '../scripts/hostile-lines.mjs';

// Issue 11, "rerun only the detectors an append affects": an editor's growing log has the USB
// findings of what it read before taken from the last result, and worked out only for the
// devices' new history. The findings after any append must be those of a reading from scratch.

const REF = Date.UTC(2025, 0, 1);
const URI = 'file:///logs/system.log';
const REAL = join(__dirname, 'fixtures', 'real');
const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');

const loop = (from: number, to: number): string => {
  let t = '';
  for (let i = from; i < to; i++) t += (HOSTILE_LINES as Record<string, (i: number) => string>)[MODEM_RECONNECTING](i);
  return t;
};

/** Everything a person sees of a finding. */
const shown = (f: Finding) => [f.code, f.severity, f.file, f.line, f.endLine, f.count, f.message, f.lines.join(','), f.time ?? null];

/** A reconnect loop over a window of a minute: of thousands of cycles most are findings of their own. */
const SHORT_LOOPS = { referenceTime: REF, reconnectLoopWindowSeconds: 60 };

function fromScratch(text: string, options: AnalyzeOptions = { referenceTime: REF }) {
  return analyzeText(text, { ...options, path: URI }).findings.map(shown);
}

/** A small seeded generator, so a failure names the split that made it. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Opens the first part of `text`, then appends the rest in pieces cut anywhere (inside a line too), comparing after each. */
async function appendInPieces(text: string, seed: number, pieces: number, options: AnalyzeOptions = { referenceTime: REF }): Promise<number> {
  const rnd = random(seed);
  const cuts = [...new Set(Array.from({ length: pieces }, () => Math.floor(rnd() * text.length)))].sort((a, b) => a - b);
  let compared = 0;
  await appendAtCuts(URI, text, cuts, options, (got, sofar, k) => {
    assert.deepEqual(got.findings.map(shown), fromScratch(sofar, options), `seed ${seed}: ${k < 0 ? 'the first part' : `after the append at ${cuts[k]}`}`);
    if (k >= 0) compared++;
  });
  return compared;
}

/** The real logs whose USB devices have findings: the ones the memo can get wrong. */
function realLogsWithUsbFindings(): { name: string; text: string }[] {
  return readdirSync(REAL)
    .filter((n) => n.endsWith('.log'))
    .map((name) => ({ name, text: readFileSync(join(REAL, name), 'utf8') }))
    .filter(({ text }) => analyzeText(text, { referenceTime: REF, path: URI }).findings.some((f) => f.code.startsWith('usb-')));
}

describe('an append to a log with USB findings', () => {
  it('gives the findings of a reading from scratch, on a modem in a reconnect loop cut anywhere', async () => {
    const text = loop(0, 4000);
    let compared = 0;
    for (const seed of [1, 2, 3]) compared += await appendInPieces(text, seed, 8);
    for (const seed of [4, 5]) compared += await appendInPieces(text, seed, 8, SHORT_LOOPS);
    assert.ok(compared >= 20, `${compared} appends compared`);
  });

  it('gives the findings of a reading from scratch on every real log with USB findings, and on the sample', async () => {
    const logs = [...realLogsWithUsbFindings(), { name: 'sample', text: SAMPLE }];
    assert.ok(logs.length >= 8, `${logs.length} logs with USB findings`);
    for (const [i, { text }] of logs.entries()) await appendInPieces(text, 100 + i, 6);
  });

  it('takes the findings of absences that ended before the append from the last result, and makes the rest', async () => {
    let doc = LogDocument.create(URI, 'routerlog', 1, loop(0, 3000));
    const analysis = new DocumentAnalysis(doc, SHORT_LOOPS);
    const before = (await analysis.result()).findings;
    const end = doc.positionAt(doc.getText().length);
    const change = { range: { start: end, end }, text: loop(3000, 3100) };
    const next = doc.update([change], 2);
    analysis.update(next.doc, [change], next.offsets);
    doc = next.doc;
    const after = (await analysis.result()).findings;
    const gapsBefore = before.filter((f) => f.code === 'usb-gap');
    const gapsAfter = after.filter((f) => f.code === 'usb-gap');
    assert.ok(gapsBefore.length > 100 && gapsAfter.length > gapsBefore.length, `${gapsBefore.length} then ${gapsAfter.length} gaps`);
    // The same objects: nothing was worked out again for them.
    const kept = new Set(before);
    const taken = gapsAfter.filter((f) => kept.has(f)).length;
    assert.ok(taken >= gapsBefore.length - 2, `${taken} of ${gapsBefore.length} earlier gap findings taken over`);
    const changesTaken = after.filter((f) => f.code === 'usb-composition-change' && kept.has(f)).length;
    assert.ok(changesTaken >= before.filter((f) => f.code === 'usb-composition-change').length - 2, `${changesTaken} composition changes taken over`);
    assert.deepEqual(after.map(shown), fromScratch(doc.getText(), SHORT_LOOPS));
  });

  it('names the device anew in every finding when a later line gives its model', async () => {
    // Without IDs the findings say "USB device 1-1"; a line with them, appended, names the modem everywhere.
    const noIds = loop(0, 1500).split('\n').filter((l) => !l.includes('idVendor')).join('\n');
    let doc = LogDocument.create(URI, 'routerlog', 1, noIds);
    const analysis = new DocumentAnalysis(doc, SHORT_LOOPS);
    const before = (await analysis.result()).findings.filter((f) => f.code === 'usb-gap');
    assert.ok(before.length > 0 && before.every((f) => f.message.startsWith('USB device 1-1 ')));
    const end = doc.positionAt(doc.getText().length);
    const change = { range: { start: end, end }, text: `\n${loop(1500, 1505)}` };
    const next = doc.update([change], 2);
    analysis.update(next.doc, [change], next.offsets);
    doc = next.doc;
    const after = (await analysis.result()).findings.filter((f) => f.code === 'usb-gap');
    assert.ok(after.length >= before.length && after.every((f) => f.message.startsWith('Quectel EC25/EG25 at USB 1-1 ')), after[0]?.message);
    assert.deepEqual((await analysis.result()).findings.map(shown), fromScratch(doc.getText(), SHORT_LOOPS));
  });

  it('takes nothing from the last result after an edit inside the log: an old USB line changed is read anew', async () => {
    let doc = LogDocument.create(URI, 'routerlog', 1, loop(0, 3000));
    const analysis = new DocumentAnalysis(doc, SHORT_LOOPS);
    await analysis.result();
    // Line 101's disconnect becomes another device's: the absence it started is gone from 1-1.
    const at = doc.getText().split('\n').slice(0, 100).join('\n').length + 1;
    const line = doc.getText().slice(at, doc.getText().indexOf('\n', at));
    assert.match(line, /usb 1-1: USB disconnect/);
    const start = doc.positionAt(at + line.indexOf('1-1'));
    const change = { range: { start, end: { line: start.line, character: start.character + 3 } }, text: '2-1' };
    const next = doc.update([change], 2);
    analysis.update(next.doc, [change], next.offsets);
    doc = next.doc;
    assert.equal(analysis.lastUpdateWasAppend, false);
    const after = await analysis.result();
    assert.deepEqual(after.findings.map(shown), fromScratch(doc.getText(), SHORT_LOOPS));
    assert.ok(after.findings.some((f) => f.message.startsWith('USB device 2-1 ')), 'the edited line is a device of its own');
  });
});

describe('an append timed before the lines read (a clock set back, lines of another source)', () => {
  /** The loop's lines as logread writes them, a line every `step` seconds from `start`. */
  const logread = (from: number, to: number, start: number, step: number): string => {
    let t = '';
    const lines = loop(from, to).split('\n');
    for (let i = 0; i < to - from; i++) {
      const at = new Date(start + i * step * 1000);
      const clock = at.toUTCString().replace(/^(\w{3}), (\d\d) (\w{3}) (\d{4}) (\S+) GMT$/, (_, wd, d, mon, y, hms) => `${wd} ${mon} ${String(+d).padStart(2)} ${hms} ${y}`);
      t += `${clock} kern.info kernel: ${lines[i]}\n`;
    }
    return t;
  };

  it('gives the findings of a reading from scratch, wherever the events it brings fall in time', async () => {
    const start = Date.UTC(2024, 11, 3, 10);
    const text = logread(0, 2000, start, 1);
    // Appends timed an hour before, inside and after the lines read, and again inside.
    const appends = [logread(2000, 2040, start - 3600_000, 1), logread(2040, 2080, start + 500_000, 1), logread(2080, 2120, start + 4000_000, 1), logread(2120, 2160, start + 700_000, 0.5)];
    for (const options of [{ referenceTime: REF }, SHORT_LOOPS]) {
      let doc = LogDocument.create(URI, 'routerlog', 1, text);
      const analysis = new DocumentAnalysis(doc, options);
      assert.deepEqual((await analysis.result()).findings.map(shown), fromScratch(doc.getText(), options));
      for (const more of appends) {
        const end = doc.positionAt(doc.getText().length);
        const change = { range: { start: end, end }, text: more };
        const next = doc.update([change], doc.version + 1);
        analysis.update(next.doc, [change], next.offsets);
        doc = next.doc;
        assert.deepEqual((await analysis.result()).findings.map(shown), fromScratch(doc.getText(), options));
      }
    }
  });
});
