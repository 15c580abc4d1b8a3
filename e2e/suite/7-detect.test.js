'use strict';
const { vscode, assert, workspaceFile, sleep, waitFor, waitForDiagnostics } = require('./support');

// VS Code gives `*.log` to its built-in "Log" language by file name, before our firstLine can claim a file; the
// extension reads the first lines of documents opened as Log or plain text and switches router logs (issue 12 item 2).
async function open(name) {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  return doc;
}
const current = (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

suite('router log detection (gsmlens.detectRouterLogs)', () => {
  test('router.log (a real BSD syslog router log named *.log) ends up in routerlog, with its problems', async () => {
    const uri = workspaceFile('router.log');
    const doc = await open('router.log');
    const opened = doc.languageId;
    await waitFor('router.log to become routerlog', () => current(uri)?.languageId === 'routerlog', 15000);
    // One drop and return of the modem: a USB device number alone is no loop (knowledge 4.3).
    const diags = await waitForDiagnostics(uri, ['usb-gap']);
    assert.ok(diags.length >= 1);
    assert.ok(['log', 'plaintext', 'routerlog'].includes(opened), `opened as ${opened}`);
  });

  test('notes.txt (logread lines pasted into a .txt) is switched from plain text', async () => {
    const uri = workspaceFile('notes.txt');
    await open('notes.txt');
    await waitFor('notes.txt to become routerlog', () => current(uri)?.languageId === 'routerlog', 15000);
  });

  test('npm-debug.log, which is not a router log, stays where VS Code put it', async () => {
    const uri = workspaceFile('npm-debug.log');
    const doc = await open('npm-debug.log');
    const opened = doc.languageId;
    assert.notStrictEqual(opened, 'routerlog');
    await sleep(3000);
    assert.strictEqual(current(uri).languageId, opened, `npm-debug.log went from ${opened} to ${current(uri).languageId}`);
  });

  test('a router log the user switches back to Log is not switched again', async () => {
    const uri = workspaceFile('router.log');
    await open('router.log');
    await waitFor('router.log to be routerlog', () => current(uri)?.languageId === 'routerlog', 15000);
    await vscode.languages.setTextDocumentLanguage(current(uri), 'log');
    await sleep(2500);
    assert.strictEqual(current(uri).languageId, 'log');
    await vscode.languages.setTextDocumentLanguage(current(uri), 'routerlog');
  });

  test('with gsmlens.detectRouterLogs = off, a router log opened as plain text stays plain text', async () => {
    const config = vscode.workspace.getConfiguration('gsmlens');
    await config.update('detectRouterLogs', 'off', vscode.ConfigurationTarget.Global);
    await waitFor('the setting to reach the extension host', () => vscode.workspace.getConfiguration('gsmlens').get('detectRouterLogs') === 'off', 10000);
    try {
      // router.log's BSD syslog lines: a logread first line would be claimed by VS Code itself (our firstLine pattern).
      const text = (await vscode.workspace.openTextDocument(workspaceFile('router.log'))).getText();
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
      await sleep(2000);
      assert.strictEqual(doc.languageId, 'plaintext');
    } finally {
      await config.update('detectRouterLogs', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a router log pasted into an untitled editor is switched once it has text', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    const text = [
      'Mon Dec  2 19:54:50 2024 kern.info kernel: [  303.102113] usb 1-1: USB disconnect, device number 5',
      'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
      'Mon Dec  2 19:55:05 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!',
    ].join('\n');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), text));
    await waitFor('the untitled paste to become routerlog', () => current(doc.uri)?.languageId === 'routerlog', 15000);
  });
});
