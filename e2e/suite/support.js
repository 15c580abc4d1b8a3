// Shared helpers for the extension-host tests (run inside VS Code's extension host, so `vscode` is the real API).
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'gsm-log-lens.gsm-log-lens';
const SOURCE = 'GSM Log Lens';
const ROOT = path.resolve(__dirname, '..', '..');

function workspaceFile(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; fails with the last value's description after timeoutMs. */
async function waitFor(what, fn, timeoutMs = 20000) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try { last = await fn(); } catch (e) { last = e; }
    if (last && !(last instanceof Error)) return last;
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await sleep(100);
  }
}

async function openLog(name = 'system.log') {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  return { doc, editor };
}

/** What the CLI prints for the same file: the expected analysis (lines there are 1-based). */
let expected;
function expectedAnalysis() {
  if (!expected) {
    const file = workspaceFile('system.log').fsPath;
    // process.execPath is the Node that runs the extension host; out/cli.js is the CLI the extension ships.
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--json', file],
      { encoding: 'utf8', maxBuffer: 64 << 20 });
    expected = JSON.parse(out);
  }
  return expected;
}

const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));

function ourDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until the language server has published diagnostics for uri (and they include wantCodes). */
function waitForDiagnostics(uri, wantCodes = [], timeoutMs = 30000) {
  return waitFor(`GSM Log Lens diagnostics on ${path.basename(uri.path)} with ${wantCodes.join(', ') || 'any code'}`, () => {
    const ds = ourDiagnostics(uri);
    const codes = new Set(ds.map(codeOf));
    return ds.length > 0 && wantCodes.every((c) => codes.has(c)) ? ds : new Error(`have: ${[...codes].join(', ') || 'none'}`);
  }, timeoutMs);
}

function hoverText(hovers) {
  return (hovers || []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n---\n');
}

/** 0-based position of the first occurrence of needle on 1-based line, offset chars into it. */
function positionOf(doc, line1, needle, offset = 1) {
  const text = doc.lineAt(line1 - 1).text;
  const col = text.indexOf(needle);
  assert.ok(col >= 0, `line ${line1} contains ${JSON.stringify(needle)}: ${text}`);
  return new vscode.Position(line1 - 1, col + offset);
}

module.exports = { vscode, assert, EXTENSION_ID, SOURCE, ROOT, workspaceFile, sleep, waitFor, openLog, expectedAnalysis,
  codeOf, ourDiagnostics, waitForDiagnostics, hoverText, positionOf };
