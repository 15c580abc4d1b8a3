// Grammar figures for npm run bench: tokenize 100,000 realistic lines with our grammar and with
// VS Code's built-in `log` grammar (read from the code-server install the e2e setup makes; it is
// not copied into this repository), in the same run, and print the ratio. Rows are
// [what, figure, target, met] as bench.mjs prints them.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateLog } from './generate-log.mjs';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

const E2E_HOME = process.env.E2E_HOME ?? join(homedir(), '.cache', 'vscode-e2e');
const BUILTIN = process.env.LOG_GRAMMAR ?? join(E2E_HOME, 'code-server-4.139.1', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'log', 'syntaxes', 'log.tmLanguage.json');

async function registry() {
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async () => null,
  });
}

function time(grammar, lines) {
  let scopes = 0;
  const t = performance.now();
  for (const line of lines) {
    const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
    scopes += tokens.length;
  }
  return { ms: performance.now() - t, tokens: scopes };
}

export async function benchGrammar(count = 100_000) {
  const path = `.bench/rutos-${count}.log`;
  if (!existsSync(path)) await generateLog(path, count);
  const lines = readFileSync(path, 'utf8').split('\n').slice(0, count);
  const reg = await registry();
  const load = async (file, scopeName) => reg.addGrammar({ ...vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file), scopeName });
  const ours = await load('syntaxes/routerlog.tmLanguage.json', 'source.routerlog');
  time(ours, lines.slice(0, 2000));
  const a = time(ours, lines);
  const rows = [[`grammar: ours, ${count.toLocaleString('en')} lines`, `${a.ms.toFixed(0)} ms, ${a.tokens.toLocaleString('en')} tokens`, '', undefined]];
  if (existsSync(BUILTIN)) {
    const builtin = await load(BUILTIN, 'text.log');
    time(builtin, lines.slice(0, 2000));
    const b = time(builtin, lines);
    rows.push([`grammar: VS Code built-in log, same lines`, `${b.ms.toFixed(0)} ms, ${b.tokens.toLocaleString('en')} tokens`, '', undefined]);
    rows.push(['grammar: ours / built-in time', `${(a.ms / b.ms).toFixed(2)}x, ${(a.tokens / b.tokens).toFixed(1)}x the tokens`, '<= 1.5x', a.ms / b.ms <= 1.5]);
  } else {
    rows.push(['grammar: VS Code built-in log', `not found at ${BUILTIN} (run bash scripts/e2e-setup.sh first)`, '', undefined]);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [what, figure, target, met] of await benchGrammar()) console.log(`${what}  ${figure}${target ? `  (target ${target}: ${met ? 'met' : 'NOT met'})` : ''}`);
}
