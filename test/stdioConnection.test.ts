import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createProtocolConnection, InitializedNotification, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

// VS Code runs the server over stdio (client/src/client.ts): its stdout is the protocol stream, so
// whatever the server or a library writes with console must reach the client's log instead.
describe('the server\'s stdio connection', { timeout: 30_000 }, () => {
  it('sends every console write to the client\'s log and nothing else into the protocol stream', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'consoleServer.ts'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = new StreamMessageReader(proc.stdout!);
    const errors: string[] = [];
    reader.onError((e) => errors.push(String(e)));
    const conn = createProtocolConnection(reader, new StreamMessageWriter(proc.stdin!));
    const logged: { type: number; message: string }[] = [];
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => void logged.push(p));
    // A write into the protocol stream can swallow the messages after it: waited for a while, not forever.
    const done = new Promise<boolean>((resolve) => {
      conn.onNotification('test/done', () => resolve(true));
      setTimeout(() => resolve(false), 10_000).unref();
    });
    conn.listen();
    try {
      await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
      await conn.sendNotification(InitializedNotification.type, {});
      assert.ok(await done, 'the server\'s last message arrived');
      const all = logged.map((l) => l.message).join('\n');
      for (const text of ['log 1', 'info', 'warn', 'error', 'debug', "{ dir: 'object' }", 'table cell', 'counted: 1', 'timer', 'group', 'Assertion failed: assertion', 'Trace: trace']) {
        assert.ok(all.includes(text), `"${text}" in the client's log:\n${all}`);
      }
      // Levels as LSP numbers them: 1 error, 2 warning, 3 info, 4 log.
      assert.equal(logged.find((l) => l.message === 'error')?.type, 1);
      assert.equal(logged.find((l) => l.message === 'warn')?.type, 2);
      assert.deepEqual(errors, [], 'the protocol stream held only messages');
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});
