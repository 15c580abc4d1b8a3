// Bundles the extension client, the language server and the CLI into out/ with esbuild:
// one file each, so the packaged extension needs no node_modules at run time.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'out/cli.js' }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'out/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] }),
  // Webview pages run in the browser sandbox of the webview, not in Node.
  ...['reportView', 'timelineView'].filter((page) => existsSync(`client/src/webview/${page}.ts`)).map((page) =>
    build({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', logLevel: 'warning', entryPoints: [`client/src/webview/${page}.ts`], outfile: `out/${page}.js` })),
]);
mkdirSync('out', { recursive: true });
if (existsSync('client/src/webview/timelineView.css')) copyFileSync('client/src/webview/timelineView.css', 'out/timelineView.css');
