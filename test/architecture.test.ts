import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// ARCHITECTURE.md is only useful while it is true: its code map names every module of the core,
// the protocol layer and the client, and its first invariant holds.
const ROOT = join(__dirname, '..');
const doc = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('ARCHITECTURE.md matches the code', () => {
  it('names every folder and top-level module of server/src/core', () => {
    const missing = readdirSync(join(ROOT, 'server', 'src', 'core'), { withFileTypes: true })
      .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
      .filter((name) => !doc.includes(`\`${name}`));
    assert.deepEqual(missing, []);
  });

  it('names every module of the protocol layer and the client', () => {
    const files = [...readdirSync(join(ROOT, 'server', 'src', 'lsp')), ...readdirSync(join(ROOT, 'client', 'src'))].filter((f) => f.endsWith('.ts'));
    assert.deepEqual(files.filter((f) => !doc.includes(`\`${f}\``)), []);
  });

  it('holds its first invariant: nothing under server/src/core imports vscode or the LSP libraries', () => {
    const offenders = tsFiles(join(ROOT, 'server', 'src', 'core'))
      .filter((f) => /from '(vscode|vscode-languageserver[\w/-]*|vscode-languageclient[\w/-]*|vscode-jsonrpc[\w/-]*)'/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
