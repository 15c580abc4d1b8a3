import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFiles } from '../server/src/core/analyze';
import { toJsonReport } from '../server/src/core/report/jsonReport';
import { toMarkdownReport } from '../server/src/core/report/markdownReport';
import { toTextReport } from '../server/src/core/report/textReport';

// Golden reports: the whole JSON document for a file is compared; a change in what the product
// says shows up as a diff to review. Regenerate deliberately with UPDATE_GOLDEN=1 npm test.
const ROOT = join(__dirname, '..');
const REF = Date.UTC(2024, 11, 4);

const CASES: [name: string, path: string][] = [
  ['rut901-excerpt', join(ROOT, 'test', 'fixtures', 'excerpts', '01-rut901-ec200a-modem-update-stuck.log')],
  ['rut901-sample', join(ROOT, 'samples', 'rut901-modem-update-stuck.log')],
  ['rutx11-dfota-174', join(ROOT, 'test', 'fixtures', 'real', '002-rutx11-dfota-errorcode-174-shell.log')],
  ['rutx14-edl-lsusb', join(ROOT, 'test', 'fixtures', 'real', '052-rutx14-eg12-stuck-edl-lsusb-9008.log')],
  ['cm4-em7565-fwdwl-failed', join(ROOT, 'test', 'fixtures', 'real', '046-openwrt-cm4-em7565-fwdwl-lite-qdl-download-failed.log')],
  ['healthy-no-episode', join(ROOT, 'test', 'fixtures', 'real', '010-openwrt-wifi-wwan-up-healthy-nonascii.log')],
];

// The Markdown reports people paste into tickets, compared whole.
const MARKDOWN_CASES: [name: string, path: string][] = [
  ['rut901-sample', CASES[1][1]],
  ['rutx11-dfota-174', CASES[2][1]],
  ['healthy-no-episode', CASES[5][1]],
];

async function report(path: string): Promise<unknown> {
  const a = await analyzeFiles([path], { referenceTime: REF });
  for (const f of a.files) f.path = relative(ROOT, f.path);
  return JSON.parse(JSON.stringify(toJsonReport(a)));
}

describe('golden reports', () => {
  for (const [name, path] of CASES) {
    it(name, async () => {
      const golden = join(__dirname, 'golden', `${name}.json`);
      const actual = await report(path);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
      assert.ok(existsSync(golden), `missing ${golden}: run UPDATE_GOLDEN=1 npm test and review it`);
      assert.deepEqual(actual, JSON.parse(readFileSync(golden, 'utf8')));
    });
  }

  for (const [name, path] of MARKDOWN_CASES) {
    it(`${name} as Markdown`, async () => {
      const golden = join(__dirname, 'golden', `${name}.md`);
      const a = await analyzeFiles([path], { referenceTime: REF });
      for (const f of a.files) f.path = relative(ROOT, f.path);
      const lines = readFileSync(path, 'utf8').split('\n');
      const actual = toMarkdownReport(a, { lineText: (_file, line) => lines[line - 1] });
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, actual);
      assert.ok(existsSync(golden), `missing ${golden}: run UPDATE_GOLDEN=1 npm test and review it`);
      assert.equal(actual, readFileSync(golden, 'utf8'));
    });
  }

  it('tells the RUT901 story in plain words', async () => {
    const a = await analyzeFiles([join(ROOT, 'samples', 'rut901-modem-update-stuck.log')], { referenceTime: REF });
    assert.equal(a.episodes.length, 1);
    const e = a.episodes[0];
    assert.equal(e.verdict, 'updated-not-taken-back');
    assert.match(e.summary, /gsmd lost Quectel EC200A at USB 1-1/);
    assert.match(e.summary, /refused to register the returning modem/);
    assert.match(e.summary, /came back in a different USB composition/);
    assert.match(e.summary, /does not show the modem taken back/);
    assert.match(e.summary, /waiting will not clear the "firmware update is in progress" banner/);
    assert.ok(e.advice.some((x) => /lsusb/.test(x)) && e.advice.some((x) => /gsmd restart/.test(x)));
    const text = toTextReport(a);
    assert.match(text, /Modem firmware update: STUCK/);
    assert.match(text, /What to do\n {4}1\. /);
  });

  it('calls the bare RUT901 excerpt stuck: a refused registration is not retried', async () => {
    const a = await analyzeFiles([CASES[0][1]], { referenceTime: REF });
    assert.equal(a.episodes[0]?.severity, 'error');
    assert.match(a.episodes[0]?.verdictLabel ?? '', /^stuck/);
    const codes = a.findings.map((f) => f.code);
    assert.ok(codes.includes('modem-write-failure') && codes.includes('modem-duplicate-registration'));
  });
});
