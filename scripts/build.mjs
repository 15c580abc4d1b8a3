// Bundles the extension client, the language server and the CLI into out/ with esbuild:
// one file each, so the packaged extension needs no node_modules at run time.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'out/cli.js' }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'out/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] }),
  // Webview pages run in the browser sandbox of the webview, not in Node.
  build({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', logLevel: 'warning', entryPoints: ['client/src/webview/reportView.ts'], outfile: 'out/reportView.js' }),
]);
