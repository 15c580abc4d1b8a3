'use strict';
const { vscode, assert, workspaceFile, openLog, waitFor, waitForDiagnostics } = require('./support');

// A syslog server's file of two routers (e2e/workspace/syslog-server.log): each router's problems
// and story are its own, and each names its host (core/hostReadings.ts), in the Problems panel and
// the lenses.
suite('a syslog server\'s file of several routers', () => {
  test('each problem and story lens names its router; one router\'s return is not the other\'s', async () => {
    const uri = workspaceFile('syslog-server.log');
    await openLog('syslog-server.log');
    const diags = await waitForDiagnostics(uri, ['mobile-data-down', 'usb-gap']);
    const codeOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
    const drops = diags.filter((d) => codeOf(d) === 'mobile-data-down').map((d) => [d.range.start.line, d.message.split(':')[0]]).sort((x, y) => x[0] - y[0]);
    assert.deepStrictEqual(drops, [[4, 'rut-b'], [6, 'rut-a']]);
    assert.ok(diags.filter((d) => codeOf(d) === 'usb-gap').every((d) => d.message.startsWith('rut-a: ')), 'only rut-a lost its modem');
    const lenses = await waitFor('a story lens for each router', async () => {
      const all = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100);
      const titles = (all || []).map((l) => (l.command ? l.command.title : ''));
      return titles.some((t) => / on rut-a/.test(t)) && titles.some((t) => / on rut-b/.test(t)) ? titles : new Error(`lenses: ${titles.join(' | ')}`);
    }, 20000);
    const a = lenses.find((t) => / on rut-a/.test(t));
    const b = lenses.find((t) => / on rut-b/.test(t));
    assert.match(a, /not over/);
    assert.match(b, /recovered/);
  });
});
