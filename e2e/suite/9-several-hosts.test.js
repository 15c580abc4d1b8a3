'use strict';
const { vscode, assert, waitFor, waitForDiagnostics } = require('./support');

// A syslog server's file of two routers, pasted into an unsaved editor: each router's problems and
// story are its own, and each names its host (core/hostReadings.ts), in the Problems panel and the lenses.
const TEXT = [
  'Dec  2 19:54:57 rut-a Mobile data disconnected (internal modem)',
  'Dec  2 19:54:58 rut-b Mobile data disconnected (internal modem)',
  'Dec  2 19:55:30 rut-a dnsmasq[123]: query[A] example.com from 192.168.1.2',
  'Dec  2 19:56:11 rut-b Mobile data connected (IPv4, internal modem)',
  '',
].join('\n');

suite('a syslog server\'s file of several routers', () => {
  test('each problem and story lens names its router; one router\'s return is not the other\'s', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'routerlog', content: TEXT });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    const diags = await waitForDiagnostics(doc.uri, ['mobile-data-down']);
    const drops = diags.filter((d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code) === 'mobile-data-down');
    assert.deepStrictEqual(drops.map((d) => [d.range.start.line, d.message.split(':')[0]]).sort(), [[0, 'rut-a'], [1, 'rut-b']]);
    const lenses = await waitFor('a story lens for each router', async () => {
      const all = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 100);
      const titles = (all || []).map((l) => (l.command ? l.command.title : ''));
      return titles.some((t) => / on rut-a/.test(t)) && titles.some((t) => / on rut-b/.test(t)) ? titles : new Error(`lenses: ${titles.join(' | ')}`);
    }, 20000);
    const a = lenses.find((t) => / on rut-a/.test(t));
    const b = lenses.find((t) => / on rut-b/.test(t));
    assert.notStrictEqual(a.replace(/ on rut-a/, ''), b.replace(/ on rut-b/, ''), `rut-a never came back, rut-b did: ${a} / ${b}`);
  });
});
