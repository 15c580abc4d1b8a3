import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import * as protocol from '../server/src/lsp/protocol';

// The custom messages live in one typed module that the client, the server and the tests share.
const ROOT = join(__dirname, '..');
const PROTOCOL = join(ROOT, 'server', 'src', 'lsp', 'protocol.ts');

/** The committed sources of the client, the server, the tests and the e2e suite. */
function trackedSources(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', 'client/src', 'server/src', 'test', 'e2e'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => /\.(ts|mts|js|cjs|mjs)$/.test(f));
}

describe('protocol module', () => {
  const messages = Object.entries(protocol).filter(([name]) => /(Request|Notification)$/.test(name)) as [string, { method: string; type: unknown }][];

  it('declares every custom message as a typed RequestType or NotificationType under gsmlens/', () => {
    for (const name of ['AnalyzeFileRequest', 'ReportRequest', 'StatusNotification', 'TimelineRequest']) assert.ok(messages.some(([n]) => n === name), name);
    for (const [name, ns] of messages) {
      assert.match(ns.method, /^gsmlens\/[a-zA-Z]+$/, name);
      const Kind = name.endsWith('Request') ? RequestType : NotificationType;
      assert.ok(ns.type instanceof Kind, `${name}.type is a ${Kind.name}`);
      assert.equal((ns.type as { method: string }).method, ns.method, `${name}.type carries its method`);
    }
    assert.equal(new Set(messages.map(([, ns]) => ns.method)).size, messages.length, 'methods are unique');
  });

  it('says who sends each message to whom', () => {
    const text = readFileSync(PROTOCOL, 'utf8');
    for (const [name] of messages) {
      assert.match(text, new RegExp(`/\\*\\*[^]*?(Client -> server|Server -> client)[^]*?\\*/\\s*export namespace ${name} `), `${name} has a doc comment naming its sender`);
    }
  });

  it('is the only place that spells a custom method name', () => {
    const files = trackedSources().filter((f) => join(ROOT, f) !== PROTOCOL && join(ROOT, f) !== __filename);
    const raw = files.filter((f) => /['"`]gsmlens\/[a-zA-Z]/.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(raw, [], 'raw gsmlens/ method strings outside protocol.ts');
  });
});
