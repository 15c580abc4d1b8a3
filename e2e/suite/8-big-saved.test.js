'use strict';
// A big saved router log (over 4M characters) is opened on the server from its file: the didOpen
// carries a mark with the hash of the editor's text instead of 45 MB of JSON (client/src/openFromFile.ts).
// The problems, hovers and edits must be those of the text sent whole; a file whose bytes are not the
// editor's text (mixed line ends, which VS Code normalises on load) must be sent with its text.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { vscode, assert, EXTENSION_ID, ROOT, codeOf, waitFor, waitForDiagnostics, hoverText, positionOf } = require('./support');

const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8').replace(/\n$/, '');
const FILLER = 40000;
const filler = Array.from({ length: FILLER }, (_, i) => `Mon Dec  2 18:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 2024 daemon.info dnsmasq[2170]: query[A] connectivitycheck.example.com from 192.168.1.${i % 250} (é)`);

suite('a big saved log, opened on the server from its file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmlens-e2e-big-'));
  let api;
  suiteSetup(async () => {
    api = vscode.extensions.getExtension(EXTENSION_ID).exports;
    assert.ok(api && Array.isArray(api.openedFromFile), 'the extension returns its API');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the problems sit on the same lines as in the small sample, shifted by the filler; hovers and edits work', async () => {
    const file = path.join(dir, 'saved', 'system.log');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, `${[...filler, SAMPLE].join('\n')}\n`);
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.ok(doc.getText().length >= 4000000, 'the document is over the 4M characters of the file route');
    const diags = await waitForDiagnostics(uri, ['modem-write-failure', 'modem-duplicate-registration', 'modem-silent'], 60000);
    assert.ok(api.openedFromFile.includes(uri.toString()), 'the didOpen went by the file');
    assert.ok(!api.resentWithText.includes(uri.toString()), 'the file held the editor\'s text');
    // The sample's contract lines (2-diagnostics.test.js), after the filler.
    const at = (code) => diags.filter((d) => codeOf(d) === code).map((d) => d.range.start.line + 1 - FILLER);
    assert.deepStrictEqual(at('modem-write-failure'), [41]);
    assert.deepStrictEqual(at('modem-duplicate-registration'), [81]);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, positionOf(doc, FILLER + 41, 'errno 5', 6));
    assert.match(hoverText(hovers), /EIO/);
    // An edit reaches the server after a marked open: the refusals removed, their problem goes.
    const editor = vscode.window.activeTextEditor;
    await editor.edit((e) => e.delete(new vscode.Range(FILLER + 79, 0, FILLER + 82, 0)));
    await waitFor('modem-duplicate-registration to go after the edit', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'modem-duplicate-registration'), 30000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a file with mixed line ends (VS Code normalises them) is sent with its text, with the same problems', async () => {
    const file = path.join(dir, 'mixed', 'system.log');
    fs.mkdirSync(path.dirname(file));
    const lines = [...filler, SAMPLE];
    // Most lines end in LF, a few in CRLF: VS Code shows the text with LF only.
    fs.writeFileSync(file, `${lines.map((l, i) => (i % 1000 === 7 ? `${l}\r\n` : `${l}\n`)).join('')}`);
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const diags = await waitForDiagnostics(uri, ['modem-write-failure', 'modem-duplicate-registration'], 60000);
    assert.ok(api.openedFromFile.includes(uri.toString()), 'the didOpen went by the file first');
    assert.ok(api.resentWithText.includes(uri.toString()), 'the server asked for the text');
    assert.deepStrictEqual(diags.filter((d) => codeOf(d) === 'modem-write-failure').map((d) => d.range.start.line + 1 - FILLER), [41]);
  });
});
