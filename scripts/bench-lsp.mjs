// Language server figures for npm run bench: didOpen -> publishDiagnostics on a 100,000-line log,
// hover latency, and republishing after 1,000 appended lines. Real server over stdio, real client.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateLog } from './generate-log.mjs';

const require = createRequire(import.meta.url);
const lsp = require('vscode-languageserver-protocol/node');

export async function benchLsp(lines = 100_000) {
  const path = `.bench/rutos-${lines}.log`;
  await generateLog(path, lines + 1000);
  const all = readFileSync(path, 'utf8').split('\n');
  const text = all.slice(0, lines).join('\n') + '\n';
  const extra = all.slice(lines, lines + 1000).join('\n') + '\n';
  const proc = spawn(process.execPath, ['out/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w(p);
    }
  });
  conn.listen();
  await conn.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
  await conn.sendNotification(lsp.InitializedNotification.type, {});
  const uri = 'file:///bench/system.log';
  const published = (version) => new Promise((r) => waiting.set(version, r));

  let t = performance.now();
  let done = published(1);
  await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'routerlog', version: 1, text } });
  const diags = (await done).diagnostics.length;
  const openMs = performance.now() - t;

  const hovers = [];
  for (let i = 0; i < 300; i++) {
    const line = i % 3 === 0 ? Math.floor((i * 7919) % lines) : Math.floor((i * 104729) % lines);
    t = performance.now();
    await conn.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line, character: 60 } });
    hovers.push(performance.now() - t);
  }
  hovers.sort((a, b) => a - b);

  const appends = [];
  let version = 2;
  let end = lines;
  for (let i = 0; i < 5; i++, version++) {
    done = published(version);
    t = performance.now();
    await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: extra }],
    });
    await done;
    appends.push(performance.now() - t);
    end += 1000;
  }
  appends.sort((a, b) => a - b);
  await conn.sendRequest(lsp.ShutdownRequest.type);
  await conn.sendNotification(lsp.ExitNotification.type);
  conn.dispose();
  proc.kill();
  const p = (arr, q) => arr[Math.min(arr.length - 1, Math.floor(arr.length * q))];
  return [
    [`LSP: didOpen -> publishDiagnostics, ${lines.toLocaleString('en')} lines`, `${openMs.toFixed(0)} ms, ${diags} diagnostics (target < 300 ms)`],
    ['LSP: hover latency (300 hovers)', `p50 ${p(hovers, 0.5).toFixed(2)} ms, p95 ${p(hovers, 0.95).toFixed(2)} ms (target p95 < 10 ms)`],
    ['LSP: append 1,000 lines -> republish (5 appends)', `median ${p(appends, 0.5).toFixed(0)} ms, max ${appends[appends.length - 1].toFixed(0)} ms (target < 50 ms)`],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of await benchLsp()) console.log(`${k}  ${v}`);
}
