'use strict';
const { vscode, assert, EXTENSION_ID, ROOT, workspaceFile, waitFor, openLog } = require('./support');

suite('language mode', () => {
  test('the extension is installed in development mode and activates on system.log', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    assert.strictEqual(ext.extensionUri.fsPath, ROOT, 'loaded from the working tree (development mode), not an installed VSIX');
    await openLog('system.log');
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, 30000);
  });

  test('system.log opens as "routerlog" (not the built-in "log")', async () => {
    const { doc } = await openLog('system.log');
    assert.strictEqual(doc.languageId, 'routerlog');
    const langs = await vscode.languages.getLanguages();
    assert.ok(langs.includes('routerlog'), 'routerlog is a registered language');
  });

  test('"GSM Log Lens: Open as Router Log" switches a .txt editor to routerlog', async () => {
    // mwan3 status output: router output that detection (7-detect) leaves alone, so only the command switches it.
    const doc = await vscode.workspace.openTextDocument(workspaceFile('mwan3-status.txt'));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    assert.notStrictEqual(doc.languageId, 'routerlog', 'mwan3-status.txt does not start as a router log');
    await vscode.commands.executeCommand('gsmlens.openAsRouterLog');
    const now = await waitFor('mwan3-status.txt to become routerlog', () => {
      const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === doc.uri.toString());
      return d && d.languageId === 'routerlog' ? d : undefined;
    }, 10000);
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), now.uri.toString());
    assert.strictEqual(vscode.window.activeTextEditor.document.languageId, 'routerlog');
  });
});
