#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) (and
// @vscode/test-cli's useInstallation.fromPath). No desktop VS Code or Electron can be had on our machines, so this
// accepts the desktop CLI flags test-electron passes, runs the extension tests in code-server (the real VS Code
// workbench with a real Node extension host) driven by headless Chromium, streams the extension host's console to
// stdout, and exits with the extension tests' exit code.
//
// How: code-server rejects --extensionDevelopmentPath / --extensionTestsPath, but the web workbench reads them from the
// `payload` URL parameter when the server runs with `--vscode-option enable-smoke-test-driver`; the result comes back
// through window.codeAutomationExit(code). See /work/shared/vscode-e2e.md (sections 1 and 3).
//
// Environment: NODE24 and CODE_SERVER_ENTRY (printed by scripts/e2e-setup.sh; defaults to its cache),
// CHROMIUM (default /usr/bin/chromium), SHIM_TIMEOUT_MS (default 180000), SHIM_VERBOSE=1 for the workbench noise.
//
// When required as a module it exports the helpers e2e/run.cjs shares (server start, browser launch, cleanup).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const util = require('util');

const ROOT = path.resolve(__dirname, '..');
const E2E_HOME = process.env.E2E_HOME || path.join(os.homedir(), '.cache', 'vscode-e2e');
const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.139.1';
const NODE24 = process.env.NODE24 || path.join(E2E_HOME, 'node24', 'node_modules', 'node', 'bin', 'node');
const ENTRY = process.env.CODE_SERVER_ENTRY ||
  path.join(E2E_HOME, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

// Workbench settings for a quiet, deterministic window.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
  'update.mode': 'none', 'workbench.enableExperiments': false, 'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false, 'git.enabled': false, 'editor.minimap.enabled': false,
  'window.commandCenter': false, 'workbench.layoutControl.enabled': false, 'editor.hover.delay': 300,
  'editor.cursorBlinking': 'solid', 'workbench.editor.enablePreview': false,
};

// Lines of the workbench console and server log that are expected offline noise (open-vsx lookups, vsda, sockets).
const NOISE = /Creating a socket|connection token|AgentHost|AccountPolicy|Service Worker|grace time|builtin extensions cache|open-vsx|ENOTFOUND|vsda|marketplace|\[perf\]|Extension host \(Remote\) is (started|unresponsive)/;

function requirePlaywright() {
  return require(require.resolve('playwright-core', { paths: [process.env.PW_PATH || ROOT, __dirname] }));
}

function checkTools() {
  const missing = [[NODE24, 'NODE24 (Node 24)'], [ENTRY, 'CODE_SERVER_ENTRY (code-server)'], [CHROMIUM, 'chromium']]
    .filter(([p]) => !fs.existsSync(p)).map(([p, what]) => `${what}: ${p}`);
  if (missing.length) throw new Error(`missing e2e tools (run scripts/e2e-setup.sh): ${missing.join('; ')}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

// Environment that keeps code-server, the VS Code server and Chromium from writing into $HOME.
function sandboxEnv(tmp, extra = {}) {
  return { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), ...extra };
}

// A user data dir with our settings (kept if the caller already wrote settings), and code-server's config file.
function prepareProfile(tmp, udd, exts, settings = {}) {
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.mkdirSync(exts, { recursive: true });
  const file = path.join(udd, 'User', 'settings.json');
  if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 1));
  const cfg = path.join(tmp, 'config.yaml');
  fs.writeFileSync(cfg, 'auth: none\ncert: false\n');
  return ['--config', cfg, '--user-data-dir', udd, '--extensions-dir', exts];
}

// A child that must not outlive us: a small guard process leads its own process group, runs the command in it, and
// kills the whole group (code-server, its file watchers, the extension host and our language server) as soon as our
// process is gone, even if we were SIGKILLed. stop() kills the group too.
const GUARD = `
const { spawn } = require('child_process');
const [parent, cmd, ...args] = process.argv.slice(1);
const child = spawn(cmd, args, { stdio: 'inherit' });
const killAll = () => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} process.exit(1); };
child.on('exit', (code, sig) => process.exit(code ?? 1));
['SIGTERM', 'SIGINT', 'SIGHUP'].forEach((s) => process.on(s, killAll));
setInterval(() => { try { process.kill(Number(parent), 0); } catch { killAll(); } if (process.ppid !== Number(parent)) killAll(); }, 300);
`;
function spawnGuarded(cmd, args, { env, logFile }) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const guard = spawn(process.execPath, ['-e', GUARD, String(process.pid), cmd, ...args],
    { detached: true, env, stdio: ['ignore', out, out] });
  if (typeof out === 'number') fs.closeSync(out);
  let exited = false;
  guard.once('exit', () => { exited = true; });
  return {
    pid: guard.pid,
    get exited() { return exited; },
    async stop() {
      for (const sig of ['SIGTERM', 'SIGKILL']) {
        try { process.kill(-guard.pid, sig); } catch { return; }
        for (let i = 0; i < 20; i++) {
          try { process.kill(-guard.pid, 0); } catch { return; }
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
  };
}

// Starts code-server on 127.0.0.1 and waits for /healthz.
async function startCodeServer({ tmp, common, env, smokeTestDriver, logFile }) {
  const port = await freePort();
  const args = [ENTRY, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : [])];
  const server = spawnGuarded(NODE24, args, { env, logFile: logFile || path.join(tmp, 'code-server.log') });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (server.exited) break;
    try { if ((await fetch(`${origin}/healthz`)).ok) return { server, port, origin }; } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(`code-server did not answer ${origin}/healthz; log: ${logFile || path.join(tmp, 'code-server.log')}`);
}

async function launchChromium(tmp, env, viewport = { width: 1280, height: 800 }) {
  const { chromium } = requirePlaywright();
  return chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env, viewport,
  });
}

// Opens the workbench with the extension(s) in development mode and the tests module; resolves to the exit code.
const prefixed = (s) => console.log(`  | ${s.replace(/\n/g, '\n  | ')}`);
async function runExtensionTests(context, { port, folder, devPaths, testsPath, timeoutMs, log = prefixed }) {
  const page = await context.newPage();
  let done;
  const exited = new Promise((r) => (done = r));
  const verbose = process.env.SHIM_VERBOSE === '1';
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const s = util.format(...args);
    if (verbose || (type !== 'error' && !NOISE.test(s))) log(s);
  });
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  const auth = `127.0.0.1:${port}`;
  const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', `vscode-remote://${auth}${path.resolve(p)}`]),
    ['extensionTestsPath', `vscode-remote://${auth}${path.resolve(testsPath)}`], ['skipWelcome', 'true']];
  const query = `${folder ? `folder=${encodeURIComponent(path.resolve(folder))}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(`http://${auth}/?${query}`);
  let timer;
  const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r(124), timeoutMs); })]);
  clearTimeout(timer);
  if (code === 124) log(`extension tests timed out after ${timeoutMs} ms`);
  await page.close().catch(() => {});
  return code;
}

function tail(file, n = 30) {
  try { return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !NOISE.test(l)).slice(-n).join('\n'); } catch { return ''; }
}

// ---- the "executable": parse the desktop flags test-electron passes
async function main(argv) {
  const opt = (n) => argv.filter((x) => x.startsWith(`--${n}=`)).map((x) => x.slice(n.length + 3));
  const devPaths = opt('extensionDevelopmentPath'), testsPath = opt('extensionTestsPath')[0];
  if (!testsPath) {
    console.error('code-server-shim: only extension test runs are supported (--extensionTestsPath=... missing)');
    return 2;
  }
  const folder = argv.find((x) => !x.startsWith('-'));
  checkTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-shim-'));
  const udd = opt('user-data-dir')[0] || path.join(tmp, 'user-data');
  const exts = opt('extensions-dir')[0] || path.join(tmp, 'extensions');
  const env = sandboxEnv(tmp);
  const common = prepareProfile(tmp, udd, exts);
  const logFile = path.join(tmp, 'code-server.log');
  let server, context, code = 1;
  const cleanup = async () => {
    if (context) await context.close().catch(() => {});
    if (server) await server.server.stop();
    if (process.env.KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => { cleanup().finally(() => process.exit(130)); });
  // The runner that spawned us is gone (even SIGKILLed): stop too, rather than wait for the timeout.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) cleanup().finally(() => process.exit(130)); }, 500).unref();
  try {
    server = await startCodeServer({ tmp, common, env, smokeTestDriver: true, logFile });
    context = await launchChromium(tmp, env);
    code = await runExtensionTests(context, { port: server.port, folder, devPaths, testsPath,
      timeoutMs: Number(process.env.SHIM_TIMEOUT_MS || 180000) });
    if (code !== 0) console.log(`code-server-shim: extension tests exit code ${code}; code-server log tail:\n${tail(logFile)}`);
  } catch (e) {
    console.error('code-server-shim:', e && e.stack || e);
    code = 1;
  } finally {
    await cleanup();
  }
  return code;
}

module.exports = { ROOT, NODE24, ENTRY, CHROMIUM, NOISE, checkTools, freePort, sandboxEnv, prepareProfile, spawnGuarded,
  startCodeServer, launchChromium, runExtensionTests, tail };

if (require.main === module) main(process.argv.slice(2)).then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
