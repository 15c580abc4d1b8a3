import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis } from '../server/src/lsp/documentAnalysis';

const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const REF = Date.UTC(2025, 0, 1);

// Issue 13 item 4: an edit inside a document is not read per keystroke, and hovers never wait for it.
describe('an edit inside an open log', () => {
  it('is read when a result is next asked for, and until then the last result answers', () => {
    let doc = TextDocument.create('file:///system.log', 'routerlog', 1, SAMPLE);
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    const before = analysis.result(doc);
    assert.ok(before.findings.some((f) => /errno 5 \(EIO\)/.test(f.message)));
    // Typing inside line 41: errno 5 becomes errno 110.
    const line = 40;
    const col = SAMPLE.split('\n')[line].indexOf('errno 5') + 'errno '.length;
    const change = { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '110' };
    const offset = doc.offsetAt(change.range.start);
    doc = TextDocument.update(doc, [change], 2);
    analysis.update(doc, [change], [offset]);
    assert.equal(analysis.pending, true, 'the edit waits to be read');
    assert.equal(analysis.latest(), before, 'a hover meanwhile gets the last result, without reading the document');
    const after = analysis.result(doc);
    assert.equal(analysis.pending, false);
    assert.notEqual(after, before);
    assert.ok(after.findings.some((f) => /errno 110 \(ETIMEDOUT\)/.test(f.message)), 'the new result reads the edit');
  });

  it('still reads an append at once (a growing log), without starting over', () => {
    let doc = TextDocument.create('file:///system.log', 'routerlog', 1, SAMPLE);
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    analysis.result(doc);
    const end = doc.positionAt(SAMPLE.length);
    const change = { range: { start: end, end }, text: 'Tue Dec  3 21:14:00 2024 daemon.info gsmd[4120]: [__new_modem:801] debug: [MODEM_MANAGER] New modem:\n' };
    const offset = doc.offsetAt(end);
    doc = TextDocument.update(doc, [change], 2);
    analysis.update(doc, [change], [offset]);
    assert.equal(analysis.pending, false);
    assert.equal(analysis.lastUpdateWasAppend, true);
    assert.equal(analysis.latest(), undefined, 'no stale result is offered after an append: the next one is cheap');
  });
});
