import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';
import { Redactor } from '../server/src/core/redact/redact';
import { toHtmlReport } from '../server/src/core/report/htmlReport';
import { toMarkdownReport } from '../server/src/core/report/markdownReport';
import { redactAnalysis, toShareableReport } from '../server/src/core/report/shareableReport';

// The report a user copies into a forum post: redacted, and redacted before Markdown escaping
// splits values (a file named by its IMEI at the start of a line becomes `352099001761481\.log`,
// `jane_doe@` becomes `jane\_doe@`), which a redactor run on the finished text no longer sees.

const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const IMEI = '352099001761481'; // Luhn-valid
const EMAIL = 'jane_doe@example.com';

/** The sample as if saved under the modem's IMEI, with a finding message that quotes an e-mail address from the log. */
function analysis(): Analysis {
  const a = analyzeText(SAMPLE, { path: `/home/support/${IMEI}.log` });
  assert.ok(a.findings.length > 0, 'the sample has findings');
  a.findings[0] = { ...a.findings[0], message: `report mail to ${EMAIL} failed` };
  return a;
}

describe('shareable report', () => {
  it('hides a value that Markdown escaping would split, where redacting the finished Markdown leaks it', () => {
    const a = analysis();
    const shared = toShareableReport(a, 'md');
    assert.ok(!shared.includes(IMEI), 'the IMEI in the file name is gone');
    assert.ok(!shared.includes('jane'), 'no part of the e-mail address is left');
    assert.match(shared, /&lt;IMEI-1&gt;\.log/);
    assert.match(shared, /&lt;EMAIL-1&gt;/);
    // Why it must run first: the old way (escape, then redact) left both.
    const afterEscaping = new Redactor().redact(toMarkdownReport(a));
    assert.ok(afterEscaping.includes(IMEI) || afterEscaping.includes('jane'), 'redacting escaped Markdown leaks');
  });

  it('gives a value one placeholder in the story and in the quoted evidence lines', () => {
    const a = analysis();
    assert.ok(a.episodes.some((e) => e.evidence.length > 0), 'the sample has evidence to quote');
    const shared = toShareableReport(a, 'md', { lineText: (_f, line) => `line ${line} from modem ${IMEI}` });
    assert.ok(!shared.includes(IMEI));
    assert.match(shared, /^line \d+ from modem <IMEI-1>$/m, 'the quoted line, unescaped in its fence');
    assert.match(shared, /&lt;IMEI-1&gt;\.log/, 'the same number in the escaped text');
    assert.doesNotMatch(shared, /IMEI-2/);
  });

  it('keeps the values with redact off, and changes nothing but placeholders with it on', () => {
    const a = analysis();
    assert.ok(toShareableReport(a, 'md', {}, false).includes(IMEI));
    const r = redactAnalysis(a);
    assert.notEqual(r, a, 'a copy');
    assert.equal(a.files[0].path, `/home/support/${IMEI}.log`, 'the analysis itself is untouched');
    assert.equal(r.files[0].path, '/home/support/<IMEI-1>.log');
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.severity, f.line, f.endLine, f.count]),
      a.findings.map((f) => [f.code, f.severity, f.line, f.endLine, f.count]),
    );
    assert.deepEqual(r.episodes.map((e) => [e.kind, e.verdict, e.evidence]), a.episodes.map((e) => [e.kind, e.verdict, e.evidence]));
  });

  it('quotes no events, so leaving them out of the redaction changes no report of a real log', () => {
    // toShareableReport redacts the analysis without its events (50,000 of them were most of the
    // time of a report on a reconnect loop): it relies on the reports not reading them.
    const dir = join(__dirname, 'fixtures', 'real');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const a = analyzeText(text, { path: name });
      const lines = text.split(/\r?\n/);
      const lineText = (_file: number, line: number): string | undefined => lines[line - 1];
      const without = { ...a, events: [] };
      assert.equal(toMarkdownReport(without, { lineText }), toMarkdownReport(a, { lineText }), name);
      assert.equal(toHtmlReport(without, { lineText }), toHtmlReport(a, { lineText }), name);
    }
  });

  it('renders HTML from the redacted analysis too', () => {
    const html = toShareableReport(analysis(), 'html');
    assert.ok(!html.includes(IMEI));
    assert.match(html, /(?:&lt;|&#60;)IMEI-1(?:&gt;|&#62;)\.log/);
  });
});
