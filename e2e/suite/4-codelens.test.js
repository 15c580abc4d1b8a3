'use strict';
const { vscode, assert, workspaceFile, openLog, waitFor, expectedAnalysis } = require('./support');

suite('code lens', () => {
  test('a "Modem firmware update: stuck" lens above the episode runs gsmlens.diagnose', async () => {
    const uri = workspaceFile('system.log');
    await openLog('system.log');
    const episode = expectedAnalysis().episodes.find((e) => e.kind === 'modem-firmware-update');
    assert.ok(episode, 'the CLI finds the firmware update episode');
    // The CLI's own words for the story; the lens must show the same title and verdict.
    assert.strictEqual(episode.severity, 'error');
    assert.match(episode.verdictLabel, /^stuck/);
    const lens = await waitFor('the episode code lens', async () => {
      const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100);
      return (lenses || []).find((l) => l.command && l.command.title.startsWith(`${episode.title}: ${episode.verdictLabel}`));
    }, 20000);
    assert.strictEqual(lens.command.command, 'gsmlens.diagnose');
    assert.strictEqual(lens.range.start.line, episode.startLine - 1, `lens on the episode's first line ${episode.startLine}`);
  });
});
