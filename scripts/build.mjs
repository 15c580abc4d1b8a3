// Bundles the extension client, the language server and the CLI into out/ with esbuild:
// one file each, so the packaged extension needs no node_modules at run time.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

// re2js (custom rules) is loaded only when a rule exists: the bundles require it as ./re2.js, its
// own file beside them, so a plain diagnosis does not parse it.
const re2Apart = { name: 're2-apart', setup(b) { b.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2.js', external: true })); } };
// sql.js (a troubleshoot archive's event database, input/eventDatabase.ts) likewise: its own
// files, out/sql-wasm.js and the WebAssembly it loads from beside itself, copied as published.
const sqlJsApart = { name: 'sqljs-apart', setup(b) { b.onResolve({ filter: /^sql\.js$/ }, () => ({ path: './sql-wasm.js', external: true })); } };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', plugins: [re2Apart, sqlJsApart] };

await Promise.all([
  build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', entryPoints: [createRequire(import.meta.url).resolve('re2js')], outfile: 'out/re2.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'out/cli.js' }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'out/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] }),
  // Webview pages run in the browser sandbox of the webview, not in Node.
  ...['reportView', 'timelineView'].filter((page) => existsSync(`client/src/webview/${page}.ts`)).map((page) =>
    build({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', logLevel: 'warning', entryPoints: [`client/src/webview/${page}.ts`], outfile: `out/${page}.js` })),
]);
mkdirSync('out', { recursive: true });
const sqlJsDist = join(dirname(createRequire(import.meta.url).resolve('sql.js')), '.');
for (const f of ['sql-wasm.js', 'sql-wasm.wasm']) copyFileSync(join(sqlJsDist, f), join('out', f));
if (existsSync('client/src/webview/timelineView.css')) copyFileSync('client/src/webview/timelineView.css', 'out/timelineView.css');
