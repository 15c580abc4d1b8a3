import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { STATE_BUDGET } from '../server/src/core/events/eventCollector';
import type { Analysis, Finding, FindingCode } from '../server/src/core/model';
import { toHtmlReport } from '../server/src/core/report/htmlReport';
import { toJsonReport } from '../server/src/core/report/jsonReport';
import { toMarkdownReport } from '../server/src/core/report/markdownReport';
import { LISTED_PER_CODE } from '../server/src/core/report/reportContent';
import { toTextReport } from '../server/src/core/report/textReport';

// Issue 13 item 14: 200,000 findings made a 76 MB report. Reports list at most LISTED_PER_CODE
// findings of a code and count the rest; the totals stay exact.

const ROOT = join(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-cap-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** An analysis of a small log, with `n` findings of each code added, lines 1, 2, 3... */
function withFindings(counts: Partial<Record<FindingCode, number>>): Analysis {
  const a = analyzeText('Mon Dec  2 19:54:59 2024 daemon.notice netifd: wan is up\n', { referenceTime: Date.UTC(2024, 11, 3) });
  a.findings = [];
  let line = 1;
  for (const [code, n] of Object.entries(counts) as [FindingCode, number][]) {
    for (let i = 0; i < n; i++, line++) {
      const f: Finding = { code, severity: 'warning', message: `${code} number ${i + 1}`, file: 0, line, endLine: line, count: 1, lines: [line], eventIds: [] };
      a.findings.push(f);
    }
  }
  return a;
}

describe('reports list at most 50 findings of a code, with counts', () => {
  it('the cap is a data constant of 50', () => assert.equal(LISTED_PER_CODE, 50));

  it('text: the first 50 of a code, then "and N more", and the exact total in the heading', () => {
    const text = toTextReport(withFindings({ 'usb-disconnect': 120, 'usb-gap': 3 }));
    assert.match(text, /Findings \(123\)/);
    assert.equal(text.match(/\[usb-disconnect\]/g)?.length, 51, '50 listed and the "more" line');
    assert.match(text, /usb-disconnect number 50\n/);
    assert.doesNotMatch(text, /usb-disconnect number 51\n/);
    assert.match(text.replace(/\s+/g, ' '), /\.\.\. and 70 more "A USB device left the bus" \[usb-disconnect\] \(120 in all; the first 50 are listed\)/);
    assert.equal(text.match(/usb-gap number/g)?.length, 3);
    assert.doesNotMatch(text, /more .*\[usb-gap\]/);
  });

  it('Markdown and HTML: the same cap and counts', () => {
    const a = withFindings({ 'usb-disconnect': 120, 'clock-jump': 51 });
    const md = toMarkdownReport(a);
    assert.equal(md.match(/usb-disconnect number \d+/g)?.length, 50);
    assert.match(md, /^- \.\.\. and 70 more \*\*A USB device left the bus\*\* \(`usb-disconnect`, 120 in all\)$/m);
    assert.match(md, /^- \.\.\. and 1 more \*\*The clock jumped\*\* \(`clock-jump`, 51 in all\)$/m);
    const html = toHtmlReport(a);
    assert.equal(html.match(/usb-disconnect number \d+/g)?.length, 50);
    assert.match(html, /<li class="more">\.\.\. and 70 more <strong>A USB device left the bus<\/strong> \(usb-disconnect, 120 in all\)<\/li>/);
  });

  it('JSON: 50 per code in findings, findingsTotal and findingsOmitted exact; no new keys when nothing is left out', () => {
    const doc = JSON.parse(JSON.stringify(toJsonReport(withFindings({ 'usb-disconnect': 120, 'usb-gap': 3 }))));
    assert.equal(doc.findings.length, 53);
    assert.equal(doc.findingsTotal, 123);
    assert.deepEqual(doc.findingsOmitted, [{ code: 'usb-disconnect', omitted: 70, total: 120 }]);
    const small = JSON.parse(JSON.stringify(toJsonReport(withFindings({ 'usb-disconnect': 50 }))));
    assert.equal(small.findings.length, 50);
    assert.ok(!('findingsTotal' in small) && !('findingsOmitted' in small));
  });

  it('gsmlens diagnose on a log with over 1,000 findings prints small reports and exact totals', () => {
    // Lines out of order: every second line jumps the clock back (a clock-jump finding each, up
    // to the 1,000 clock jumps a file keeps).
    const pair = 'Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6\nMon Dec  2 19:59:33 2024 daemon.notice netifd: wan is up\n';
    const log = join(tmp, 'many.log');
    writeFileSync(log, pair.repeat(5_000));
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'gsmlens'), 'diagnose', ...args, log], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
    const json = run(['--json']);
    assert.equal(json.status, 0, json.stderr);
    assert.ok(json.stdout.length < 100_000, `JSON is ${json.stdout.length} bytes`);
    const doc = JSON.parse(json.stdout);
    assert.ok(doc.findingsTotal >= STATE_BUDGET.clockJumps, `findingsTotal ${doc.findingsTotal}`);
    const jumps = doc.findingsOmitted.find((m: { code: string }) => m.code === 'clock-jump');
    assert.equal(jumps.total - jumps.omitted, 50);
    assert.equal(doc.findings.filter((f: { code: string }) => f.code === 'clock-jump').length, 50);
    const text = run([]);
    assert.ok(text.stdout.length < 50_000, `text is ${text.stdout.length} bytes`);
    assert.match(text.stdout, new RegExp(`Findings \\(${doc.findingsTotal.toLocaleString('en-US')}\\)`));
    assert.match(text.stdout.replace(/\s+/g, ' '), new RegExp(`and ${jumps.omitted.toLocaleString('en-US')} more "The clock jumped" \\[clock-jump\\]`));
    const md = run(['--report', 'md']);
    assert.ok(md.stdout.length < 50_000, `Markdown is ${md.stdout.length} bytes`);
    assert.match(md.stdout, new RegExp(`and ${jumps.omitted.toLocaleString('en-US')} more \\*\\*The clock jumped\\*\\*`));
    // --fail-on still sees every finding.
    assert.equal(run(['--fail-on', 'info']).status, 1);
  });
});
