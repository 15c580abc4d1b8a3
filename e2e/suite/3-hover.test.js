'use strict';
const { vscode, assert, workspaceFile, openLog, waitFor, hoverText, positionOf } = require('./support');

suite('hover', () => {
  let uri, doc;
  suiteSetup(async () => {
    uri = workspaceFile('system.log');
    ({ doc } = await openLog('system.log'));
  });

  const hoverAt = (pos, what) => waitFor(what, async () => {
    const text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
    return text || undefined;
  }, 20000);

  test('hover on the gsmd write failure (line 41) explains errno 5 as EIO', async () => {
    const text = await hoverAt(positionOf(doc, 41, 'errno 5', 2), 'a hover on line 41');
    assert.match(text, /errno 5/);
    assert.match(text, /EIO/);
  });

  test('hover on the USB id 2c7c:6005 names the Quectel EC200A', async () => {
    const text = await hoverAt(positionOf(doc, 41, '2c7c:6005', 3), 'a hover on 2c7c:6005');
    assert.match(text, /Quectel EC200A/);
  });
});
