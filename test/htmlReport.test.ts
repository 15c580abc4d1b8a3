import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { escapeHtml, proseHtml } from '../server/src/core/report/html';
import { toHtmlReport } from '../server/src/core/report/htmlReport';

const ROOT = join(__dirname, '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const REF = Date.UTC(2024, 11, 4);

describe('HTML report (webview body)', () => {
  it('links every evidence line to a reveal', () => {
    const lines = SAMPLE.split('\n');
    const html = toHtmlReport(analyzeText(SAMPLE, { referenceTime: REF }), { lineText: (_f, l) => lines[l - 1] });
    assert.match(html, /<span class="verdict">stuck \(modem probably updated\)<\/span>/);
    assert.match(html, /data-file="0" data-line="81"/);
    assert.match(html, /<span class="lineno">81<\/span> <code>Mon Dec {2}2 19:55:05 2024 daemon\.info gsmd\[3553\]: \[__new_modem:767\] error: \[MODEM_MANAGER\] Modem &#96;1-1 \[2c7c:6005\]&#96; already exists/);
    assert.match(html, /<code>\/etc\/init\.d\/gsmd restart<\/code>/);
  });

  it('shows hostile log text as text', () => {
    const evil = [
      "Mon Dec  2 19:54:57 2024 daemon.notice netifd: Interface '<script>alert(1)</script>' is now down",
      "Mon Dec  2 19:54:58 2024 daemon.notice netifd: Interface '<img src=x onerror=alert(2)>' is now down",
      'Mon Dec  2 19:54:59 2024 daemon.notice netifd: Interface \'"; alert(3); "\' is now down',
    ];
    const html = toHtmlReport(analyzeText(evil.join('\n'), { referenceTime: REF }), { lineText: (_f, l) => evil[l - 1] });
    assert.doesNotMatch(html, /<script|<img|onerror=alert\(2\)>/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /&#34;; alert\(3\); &#34;/);
  });

  it('tells a log without an episode in a heading and a sentence, like the rest of the report', () => {
    const healthy = 'Mon Dec  2 19:54:50 2024 daemon.info dnsmasq[1]: read /etc/hosts\n'.repeat(3);
    const html = toHtmlReport(analyzeText(healthy, { referenceTime: REF }));
    const empty = html.match(/<section class="no-episode">(.*?)<\/section>/)?.[1];
    assert.ok(empty, html);
    // The wording is the story layer's; the shape is a heading and one sentence that starts with a capital.
    assert.match(empty, /^<h2>No [a-z][^<]* in this log<\/h2><p>[A-Z][^<]*\.<\/p>$/);
    assert.doesNotMatch(html, /class="verdict[ "]/, 'no verdict styling (capitals) on the empty state');
  });

  it('escapes every character that opens markup, and turns only backtick spans of our prose into code', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\``), '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;');
    assert.equal(proseHtml('run `lsusb` then <b>'), 'run <code>lsusb</code> then &#60;b&#62;');
  });
});
