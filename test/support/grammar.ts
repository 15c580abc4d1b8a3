import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as onig from 'vscode-oniguruma';

let registry: vsctm.Registry | undefined;

/** Loads a TextMate grammar file with vscode-textmate and the real Oniguruma (WASM), as VS Code does. */
export async function loadGrammar(path: string, scopeName: string): Promise<vsctm.IGrammar> {
  if (!registry) {
    const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async () => null,
    });
  }
  const raw = vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
  const grammar = await registry.addGrammar({ ...raw, scopeName });
  return grammar;
}

export const INITIAL = vsctm.INITIAL;
