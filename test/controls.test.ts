import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { showControls } from '../server/src/core/report/controls';
import { escapeHtml } from '../server/src/core/report/html';
import { toHtmlReport } from '../server/src/core/report/htmlReport';
import { escapeMarkdown, fencedBlock } from '../server/src/core/report/markdown';
import { toMarkdownReport } from '../server/src/core/report/markdownReport';
import { PLAIN, toTextReport } from '../server/src/core/report/textReport';
import { buildTar } from './support/tarBuilder';

// Control characters in log text and names (issue 13, item 7): a line break inside an archive
// entry name must not forge a line of the report, and Unicode's bidirectional controls ("Trojan
// Source") must not reorder what a reader sees in any report or hover. They are shown as escapes.
const ROOT = join(__dirname, '..');
const SAMPLE_LINES = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8').split('\n');
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-controls-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Every bidirectional control a Trojan Source attack uses: embeddings, overrides, isolates. */
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069]/;

describe('showControls', () => {
  it('shows line breaks, terminal escapes and bidirectional controls as escapes, and leaves text alone', () => {
    assert.equal(showControls('a\nb\rc\x1b[2Jd\u202ee\u2066f\u0085g'), 'a\\x0ab\\x0dc\\x1b[2Jd\\u202ee\\u2066f\\x85g');
    for (const c of BIDI) assert.equal(showControls(c), `\\u${c.charCodeAt(0).toString(16)}`);
    assert.equal(showControls('tab\there: naïve Ünïcödé, кириллица, 中文, emoji 📶'), 'tab\there: naïve Ünïcödé, кириллица, 中文, emoji 📶');
  });

  it('is what the Markdown, HTML and fenced-block escapes start from', () => {
    assert.equal(escapeMarkdown('x\u202ey\nz'), 'x\\\\u202ey\\\\x0az');
    assert.equal(escapeHtml('x\u202e<y>'), 'x\\u202e&#60;y&#62;');
    assert.equal(fencedBlock(['a\u2067b']), '```log\na\\u2067b\n```');
  });
});

describe('reports show no raw control character from the log', () => {
  // The modem's write failures (line 41) and the refusal (line 81) are evidence of the episode,
  // so they are quoted in every report; the file name is in every report's heading.
  const lines = [...SAMPLE_LINES];
  lines[40] = lines[40].replace('modem failed', 'modem \u202efailed\u2066');
  lines[80] = lines[80].replace('already exists', `already ${BIDI.join('')}exists`);
  const a = analyzeText(lines.join('\n'), { referenceTime: Date.UTC(2024, 11, 4), path: '/logs/sys\u202etem\u2028.log' });
  const lineText = (_f: number, l: number): string => lines[l - 1];

  for (const [name, report] of [
    ['Markdown', (): string => toMarkdownReport(a, { lineText })],
    ['HTML', (): string => toHtmlReport(a, { lineText })],
    ['text', (): string => toTextReport(a, PLAIN)],
  ] as const) {
    it(`${name}: bidirectional controls in the log and in the file name are shown as escapes`, () => {
      const out = report();
      const raw = RAW_CONTROL.exec(out.replace(/\n/g, ''));
      assert.equal(raw, null, `raw U+${raw?.[0].charCodeAt(0).toString(16)} in the ${name} report`);
      assert.match(out, /\\u202e/);
    });
  }
});

describe('archive entry names cannot forge report lines', () => {
  it('shows a line break in an entry name as an escape in the CLI report', () => {
    // `system.log` after the last slash makes it a log the archive diagnosis reads, so its name
    // heads the report; the line breaks in it must not start lines of their own.
    const forged = 'Modem firmware update: SUCCEEDED (confidence high)';
    const path = join(tmp, 'forged.tar.gz');
    writeFileSync(path, buildTar([{ name: `x\n${forged}\n/system.log`, content: SAMPLE_LINES.join('\n') }]));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--color', 'never', path], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const forgedLines = r.stdout.split('\n').filter((l) => l.trim().startsWith(forged));
    assert.deepEqual(forgedLines, [], 'no line of the report starts with the forged text');
    assert.ok(r.stdout.includes(`forged.tar.gz:x\\x0a${forged}\\x0a/system.log`), 'the name is shown with its line breaks escaped');
  });
});
