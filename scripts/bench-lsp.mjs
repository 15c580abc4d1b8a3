// Language server figures for npm run bench (issue 11), the real server over stdio with a real
// client: didOpen -> first publishDiagnostics on a 100,000-line log and on a 45 MB document,
// hover latency, 1,000 appended lines -> republish, the server's RSS (VmRSS from /proc) before and
// after 20 appends on the 45 MB document, and hover latency while an edit in the middle of the 45 MB
// document is being read again. The open figures are set beside those of a server that does no
// work (bench-lsp-floor-server.mjs): the time and memory of the transport alone. stdio is the
// transport VS Code runs this server with; an unsaved 50 MB log (the most VS Code syncs) is also
// sent over node IPC, for comparison. Rows are [what, figure, target, met] as bench.mjs prints them.
import { spawn } from 'node:child_process';
import { HOSTILE_LINES, MODEM_RECONNECTING } from './hostile-lines.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { createRequire } from 'node:module';
import { generateChatterLog } from './generate-chatter-log.mjs';
import { generateLog } from './generate-log.mjs';

const require = createRequire(import.meta.url);
const lsp = require('vscode-languageserver-protocol/node');

const PUBLISH_TIMEOUT_MS = 120_000;
/** A server that does nothing but answer didOpen: the transport's own time and memory. */
const FLOOR_SERVER = 'scripts/bench-lsp-floor-server.mjs';

/** didOpen -> publishDiagnostics and peak RSS of one open in a fresh server (by default the do-nothing one). */
async function openOnce(text, script = FLOOR_SERVER, transport = 'stdio') {
  const server = await startServer(script, transport);
  const opened = await server.open('file:///bench/once/system.log', text);
  const { hwm } = server.memory();
  await server.close();
  return { ms: opened.ms, hwm };
}

/** An empty unsaved log opened, then `text` pasted into it: the paste -> publishDiagnostics, and peak RSS. */
async function pasteOnce(text) {
  const server = await startServer();
  const uri = 'untitled:Untitled-1';
  await server.open(uri, '');
  const ms = await server.change(uri, 2, at(0), text);
  const { hwm } = server.memory();
  await server.close();
  return { ms, hwm };
}

// The client's own mark (a TypeScript module of the server, loaded through tsx as the tests load it).
const { openFromFileMark } = await tsImport('../server/src/lsp/openFromFile.ts', import.meta.url);
// The V8 flags VS Code's client starts the server with (client/src/client.ts); the do-nothing server gets them too.
const { SERVER_NODE_FLAGS } = await tsImport('../server/src/lsp/protocol.ts', import.meta.url);

/**
 * didOpen -> publishDiagnostics and peak RSS of one open of a saved log as VS Code's client sends
 * it (client/src/openFromFile.ts): the text is written to `path`, and the didOpen carries the mark
 * of lsp/openFromFile.ts (its SHA-1 and length, the hashing timed as part of the open).
 */
async function openFromFileOnce(text, path, transport = 'stdio', hoverCount = 0) {
  writeFileSync(path, text);
  const server = await startServer('out/server.js', transport);
  const t = performance.now();
  const mark = openFromFileMark(text);
  const uri = pathToFileURL(resolve(path)).toString();
  const opened = await server.open(uri, mark);
  const ms = performance.now() - t;
  const { hwm } = server.memory();
  // Hovers on lines all over the document: most of its text is left in the file (fileBlocks.ts),
  // so a hover may read a block of it again.
  const lines = text.split('\n').length - 1;
  const hovers = [];
  for (let i = 0; i < hoverCount; i++) hovers.push(await server.hover(uri, (i * 104729) % lines));
  hovers.sort((a, b) => a - b);
  await server.close();
  return { ms, hwm, diagnostics: opened.diagnostics, hovers };
}

/**
 * The same open as openFromFileOnce, then the document closed and opened again in the same server
 * `again` times: the later opens run the analysis V8 has already compiled, which tells how much
 * of a first open is the engine warming up (a fresh server interprets the first tens of thousands
 * of lines before its optimising compiler takes over).
 */
async function openFromFileWarm(text, path, again) {
  writeFileSync(path, text);
  const server = await startServer('out/server.js');
  const uri = pathToFileURL(resolve(path)).toString();
  await server.open(uri, openFromFileMark(text));
  const opens = [];
  for (let i = 0; i < again; i++) {
    await server.closeDocument(uri);
    const t = performance.now();
    await server.open(uri, openFromFileMark(text));
    opens.push({ ms: performance.now() - t });
  }
  await server.close();
  return opens;
}

const p = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const mb = (x) => `${x.toFixed(0)} MB`;

/**
 * Opens are timed in OPENS fresh servers, one after the other, and given as the median with the
 * range: one open's time moves by a tenth between runs on the development machine.
 */
const OPENS = 3;
const sortedMs = (opens) => opens.map((o) => o.ms).sort((a, b) => a - b);
const medianOf = (opens) => p(sortedMs(opens), 0.5);
const opensText = (opens) => {
  const xs = sortedMs(opens);
  return `median ${ms(p(xs, 0.5))} of ${xs.length} opens (${ms(xs[0])}-${ms(xs[xs.length - 1])})`;
};
/** `first` and OPENS - 1 more opens of `open()`. */
async function moreOpens(first, open) {
  const opens = [first];
  while (opens.length < OPENS) opens.push(await open());
  return opens;
}

/** The server in a child process, initialised, with a wait for the diagnostics of a version. */
async function startServer(script = 'out/server.js', transport = 'stdio') {
  // VS Code starts the server over stdio (client/src/client.ts); node IPC is measured for comparison.
  const ipc = transport === 'ipc';
  const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, script, ipc ? '--node-ipc' : '--stdio'], { stdio: ['pipe', 'pipe', 'inherit', ...(ipc ? ['ipc'] : [])] });
  const conn = ipc
    ? lsp.createProtocolConnection(new lsp.IPCMessageReader(proc), new lsp.IPCMessageWriter(proc))
    : lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    const key = `${params.uri}#${params.version}`;
    const w = waiting.get(key);
    if (w) {
      waiting.delete(key);
      w(params);
    }
  });
  conn.listen();
  await conn.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
  await conn.sendNotification(lsp.InitializedNotification.type, {});
  /** Resolves with the publishDiagnostics of that version; register it before sending the change. */
  const published = (uri, version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(`${uri}#${version}`);
        reject(new Error(`no publishDiagnostics for version ${version} within ${PUBLISH_TIMEOUT_MS / 1000} s`));
      }, PUBLISH_TIMEOUT_MS);
      waiting.set(`${uri}#${version}`, (params) => {
        clearTimeout(timer);
        resolve(params);
      });
    });
  /** VmRSS and VmHWM of the server process, in MB. */
  const memory = () => {
    const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  };
  const open = async (uri, text) => {
    const done = published(uri, 1);
    const t = performance.now();
    await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'routerlog', version: 1, text } });
    const diagnostics = (await done).diagnostics.length;
    return { ms: performance.now() - t, diagnostics };
  };
  /** Sends one change and waits for its diagnostics; the milliseconds in between. */
  let lastPublished;
  const change = async (uri, version, range, text) => {
    const done = published(uri, version);
    const t = performance.now();
    await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    lastPublished = await done;
    return performance.now() - t;
  };
  /** The publishDiagnostics of the last change. */
  const last = () => lastPublished;
  const hover = async (uri, line) => {
    const t = performance.now();
    await conn.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line, character: 60 } });
    return performance.now() - t;
  };
  /** Closes a document and waits for its problems to be cleared. */
  const closeDocument = async (uri) => {
    const done = published(uri, undefined);
    await conn.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await done;
  };
  const close = async () => {
    await conn.sendRequest(lsp.ShutdownRequest.type);
    await conn.sendNotification(lsp.ExitNotification.type);
    conn.dispose();
    proc.kill();
  };
  return { open, change, last, hover, memory, closeDocument, close };
}

const at = (line) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

/** The whole lines of a log that fit in `chars` characters. */
function textOfSize(path, chars) {
  const text = readFileSync(path, 'utf8').slice(0, chars);
  return text.slice(0, text.lastIndexOf('\n') + 1);
}

/** The first `lines` lines of a generated log and the next `extra` lines after them, as text. */
function slice(path, lines, extra) {
  const all = readFileSync(path, 'utf8').split('\n');
  return { text: all.slice(0, lines).join('\n') + '\n', rest: all.slice(lines, lines + extra) };
}

/**
 * 100,000 lines of generate-log.mjs: open, 300 hovers, 5 appends of 1,000 lines, each the log's
 * next 1,000 (a growing log's new lines: the same block appended again would be a block pasted
 * twice, which the server reads once by reading the document again, repeatedLines.ts).
 */
async function benchSmall(lines) {
  const path = `.bench/rutos-${lines + 5000}.log`;
  if (!existsSync(path)) await generateLog(path, lines + 5000);
  const { text, rest } = slice(path, lines, 5000);
  const extraOf = (i) => rest.slice(i * 1000, (i + 1) * 1000).join('\n') + '\n';
  const server = await startServer();
  const uri = 'file:///bench/system.log';
  const opened = await server.open(uri, text);
  const hovers = [];
  for (let i = 0; i < 300; i++) hovers.push(await server.hover(uri, i % 3 === 0 ? (i * 7919) % lines : (i * 104729) % lines));
  hovers.sort((a, b) => a - b);
  const appends = [];
  for (let i = 0, version = 2, end = lines; i < 5; i++, version++, end += 1000) appends.push(await server.change(uri, version, at(end), extraOf(i)));
  appends.sort((a, b) => a - b);
  await server.close();
  const floor = await openOnce(text);
  const asJson = await moreOpens(opened, () => openOnce(text, 'out/server.js'));
  const byFile = await moreOpens(await openFromFileOnce(text, '.bench/lsp-open-small.log'), () => openFromFileOnce(text, '.bench/lsp-open-small.log'));
  const warm = await openFromFileWarm(text, '.bench/lsp-open-small.log', 5);
  return [
    [`LSP: didOpen -> first publishDiagnostics, ${lines.toLocaleString('en')} lines (${(text.length / 1e6).toFixed(1)} MB)`, `${opensText(asJson)}, ${opened.diagnostics} diagnostics; a server doing no work: ${ms(floor.ms)}`, '<= 150 ms', medianOf(asJson) <= 150],
    ['LSP: the same log opened from its file (VS Code\'s client for a saved log of 4M characters or more)', `${opensText(byFile)}, ${byFile[0].diagnostics} diagnostics`, '<= 150 ms', medianOf(byFile) <= 150],
    ['LSP: the same open from its file in a server that has opened it before (closed, opened again: the engine warm)', `${opensText(warm)}; the fresh server's open above is this plus the engine's warm-up`, '', undefined],
    ['LSP: hover latency, 300 hovers on that log', `p50 ${ms(p(hovers, 0.5))}, p95 ${ms(p(hovers, 0.95))}`, 'p95 < 10 ms', p(hovers, 0.95) < 10],
    ['LSP: append 1,000 lines -> republish (5 appends)', `median ${ms(p(appends, 0.5))}, max ${ms(appends[appends.length - 1])}`, 'median < 50 ms', p(appends, 0.5) < 50],
  ];
}

/**
 * A 45 MB document of generate-chatter-log.mjs (a catalogued event about every 12 lines, so every
 * append holds some): open, 20 appends of 1,000 lines with the server's RSS before and after,
 * then an edit in the middle of the text with hovers every 10 ms until its diagnostics arrive.
 */
async function benchBig(bytes) {
  const appendCount = 20;
  // About 107 bytes a line: enough lines for the document and the appends.
  const lines = Math.ceil(bytes / 100) + appendCount * 1000 + 10_000;
  const path = `.bench/chatter-${lines}.log`;
  if (!existsSync(path)) await generateChatterLog(path, lines);
  const all = readFileSync(path, 'utf8').split('\n');
  let size = 0;
  let count = 0;
  while (count < all.length && size + all[count].length + 1 <= bytes) size += all[count++].length + 1;
  const text = all.slice(0, count).join('\n') + '\n';
  const appendsText = [];
  for (let i = 0; i < appendCount; i++) appendsText.push(all.slice(count + i * 1000, count + (i + 1) * 1000).join('\n') + '\n');
  // The edit goes in the middle of the document as it is after the appends, with that line's stamp.
  const mid = Math.floor((count + appendCount * 1000) / 2);
  const edit = `${all[mid].slice(0, 25)}user.notice mwan3[4242]: Execute ifdown event on interface mob1s1a1 (qmimux0)\n`;
  all.length = 0;

  const server = await startServer();
  const uri = 'file:///bench/big/system.log';
  const opened = await server.open(uri, text);
  const before = server.memory();
  const appends = [];
  let version = 2;
  let end = count;
  for (const extra of appendsText) {
    appends.push(await server.change(uri, version++, at(end), extra));
    end += 1000;
  }
  const after = server.memory();
  appends.sort((a, b) => a - b);
  // Hovers with nothing else to do, to tell the slow ones below from the document's size alone.
  const idle = [];
  for (let i = 0; i < 100; i++) idle.push(await server.hover(uri, (i * 104729) % end));
  idle.sort((a, b) => a - b);

  // An edit in the middle (a new line inserted there), then hovers every ~10 ms, each timed on
  // its own, until the diagnostics of the edited version arrive.
  const hovers = [];
  const pending = [];
  let k = 0;
  const timer = setInterval(() => {
    const line = (k++ * 104729) % end;
    pending.push(server.hover(uri, line).then((t) => hovers.push(t)));
  }, 10);
  let reread;
  let failure;
  try {
    reread = await server.change(uri, version++, at(mid), edit);
  } catch (err) {
    failure = err.message;
  } finally {
    clearInterval(timer);
  }
  await Promise.all(pending);
  hovers.sort((a, b) => a - b);
  const peak = server.memory();
  await server.closeDocument(uri);
  const closed = server.memory();
  // Opened again once closed: what the first held must have been given back for this one to use.
  await server.open(uri, text);
  const reopened = server.memory();
  await server.close();
  const floor = await openOnce(text);
  const asJson = await moreOpens(opened, () => openOnce(text, 'out/server.js'));

  const growth = after.rss - before.rss;
  const rows = [
    [`LSP: didOpen -> first publishDiagnostics, ${(text.length / 1e6).toFixed(1)} MB document (${count.toLocaleString('en')} lines)`, `${opensText(asJson)}, ${opened.diagnostics} diagnostics; a server doing no work: ${ms(floor.ms)}`, '<= 600 ms', medianOf(asJson) <= 600],
    [`LSP: append 1,000 lines -> republish on the 45 MB document (${appendCount} appends)`, `median ${ms(p(appends, 0.5))}, max ${ms(appends[appends.length - 1])}`, 'median < 50 ms', p(appends, 0.5) < 50],
    [`LSP: server RSS (VmRSS) on the 45 MB document, after open -> after ${appendCount} appends`, `${mb(before.rss)} -> ${mb(after.rss)} (${growth >= 0 ? '+' : ''}${mb(growth)})`, 'flat (growth <= 10%)', growth <= before.rss * 0.1],
    ['LSP: server peak RSS (VmHWM) on the 45 MB document', `${mb(before.hwm)} after open, ${mb(after.hwm)} after the appends, ${mb(peak.hwm)} after the edit below; a server doing no work: ${mb(floor.hwm)} after open`, '< 200 MB', peak.hwm < 200],
    ['LSP: server RSS once the 45 MB document is closed, then after it is opened again', `${mb(closed.rss)} (${mb(peak.rss)} before the close), then ${mb(reopened.rss)} (${mb(before.rss)} after the first open)`, 'no growth (<= 10% over the first open)', reopened.rss <= before.rss * 1.1],
  ];
  rows.push(['LSP: hover latency on the 45 MB document, idle (100 hovers)', `p50 ${ms(p(idle, 0.5))}, p95 ${ms(p(idle, 0.95))}`, 'p95 < 10 ms', p(idle, 0.95) < 10]);
  // VS Code's client opens a saved log of this size from its file: no text crosses the transport.
  const byFile = await moreOpens(await openFromFileOnce(text, '.bench/lsp-open-big.log', 'stdio', 100), () => openFromFileOnce(text, '.bench/lsp-open-big.log'));
  rows.push(['LSP: the 45 MB document opened from its file (as VS Code\'s client opens a saved log) -> publishDiagnostics', `${opensText(byFile)}, ${byFile[0].diagnostics} diagnostics`, '<= 600 ms', medianOf(byFile) <= 600]);
  const fileHwm = Math.max(...byFile.map((o) => o.hwm));
  rows.push(['LSP: server peak RSS (VmHWM) after that open from the file (largest of the opens)', mb(fileHwm), '< 200 MB', fileHwm < 200]);
  const kept = byFile[0].hovers;
  rows.push(['LSP: hover latency on that document, its text left in its file (100 hovers all over it)', `p50 ${ms(p(kept, 0.5))}, p95 ${ms(p(kept, 0.95))}`, 'p95 < 10 ms', p(kept, 0.95) < 10]);
  // An unsaved log crosses the transport as JSON. VS Code syncs documents of up to 50 MB to an
  // extension, and runs this server over stdio (client/src/client.ts), where its own reader takes
  // the text in pieces; over node IPC, Node's channel parses each message whole first.
  const unsaved = textOfSize(path, 50e6);
  const viaStdio = await openOnce(unsaved, 'out/server.js', 'stdio');
  const viaIpc = await openOnce(unsaved, 'out/server.js', 'ipc');
  const ipcFloor = await openOnce(unsaved, FLOOR_SERVER, 'ipc');
  rows.push([`LSP: an unsaved ${(unsaved.length / 1e6).toFixed(0)} MB log (the most VS Code syncs) sent as JSON over stdio, as VS Code runs the server -> publishDiagnostics; peak RSS`, `${ms(viaStdio.ms)}, ${mb(viaStdio.hwm)}`, '< 200 MB', viaStdio.hwm < 200]);
  rows.push(['LSP: the same over node IPC, for comparison; a server doing no work over node IPC', `${ms(viaIpc.ms)}, ${mb(viaIpc.hwm)}; ${ms(ipcFloor.ms)}, ${mb(ipcFloor.hwm)}`, '', undefined]);
  // The same text pasted into an empty unsaved log: one didChange, read in pieces and in slices.
  const pasted = await pasteOnce(unsaved);
  rows.push([`LSP: the same ${(unsaved.length / 1e6).toFixed(0)} MB pasted into an empty unsaved log (one didChange) over stdio -> publishDiagnostics; peak RSS`, `${ms(pasted.ms)}, ${mb(pasted.hwm)}`, '< 200 MB', pasted.hwm < 200]);
  if (failure) {
    rows.push(['LSP: edit in the middle of the 45 MB document -> republish', failure, 'republished', false]);
  } else {
    rows.push(['LSP: edit in the middle of the 45 MB document -> republish', `${ms(reread)} (from the edit sent to its diagnostics, the server's pause for typing included)`, '', undefined]);
  }
  if (hovers.length > 0) {
    rows.push([`LSP: hover latency while that edit is read again (${hovers.length} hovers, one every 10 ms)`, `p50 ${ms(p(hovers, 0.5))}, p95 ${ms(p(hovers, 0.95))}, max ${ms(hovers[hovers.length - 1])}`, 'p95 < 10 ms', p(hovers, 0.95) < 10]);
  }
  return rows;
}

/** Lines `from` to `to` of a log whose line i is `make(i)`, as one text. */
function linesOf(make, from, to) {
  let t = '';
  for (let i = from; i < to; i++) t += make(i);
  return t;
}

/**
 * A modem in a reconnect loop (hostile-lines.mjs), 200,000 lines open in the editor as the log
 * grows: appends of 1,000 lines. Every append holds new findings of the USB detectors, which sent
 * 19,399 problems (17.5 MB of JSON) each time until the problems of a code were capped.
 */
async function benchLoop(lines) {
  const textOf = (from, to) => linesOf(HOSTILE_LINES[MODEM_RECONNECTING], from, to);
  const server = await startServer();
  const uri = 'file:///bench/loop/system.log';
  await server.open(uri, textOf(0, lines));
  const appends = [];
  let published;
  for (let i = 0, version = 2, end = lines; i < 10; i++, version++, end += 1000) {
    appends.push(await server.change(uri, version, at(end), textOf(end, end + 1000)));
    published = server.last();
  }
  const { hwm } = server.memory();
  await server.close();
  appends.sort((a, b) => a - b);
  const byCode = new Map();
  for (const d of published.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  const most = Math.max(...byCode.values());
  return [
    [`LSP: append 1,000 lines -> republish on a modem reconnect loop (${lines.toLocaleString('en')} lines, 10 appends)`, `median ${ms(p(appends, 0.5))}, max ${ms(appends[appends.length - 1])}; ${published.diagnostics.length} problems (${(JSON.stringify(published).length / 1e3).toFixed(0)} KB), at most ${most} of a code; peak RSS ${mb(hwm)}`, '<= 201 problems of a code; < 200 MB', most <= 201 && hwm < 200],
  ];
}

/**
 * A syslog server's file of two routers whose lines take turns, open in the editor as it grows: it
 * is read once per host (core/hostReadings.ts), and an append is read into each host's reading,
 * not the whole document again per host.
 */
async function benchHosts(lines) {
  const line = (i) => {
    const host = i % 2 === 0 ? 'rut-a' : 'rut-b';
    const t = `Dec  2 ${String(10 + (Math.floor(i / 3600) % 10)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const k = i % 500;
    return k === 7 || k === 8 ? `${t} ${host} Mobile data disconnected (internal modem)\n` : k === 300 || k === 301 ? `${t} ${host} Mobile data connected (IPv4, internal modem)\n` : `${t} ${host} dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.${i % 250} f0:2f:74:1c:33:8a laptop\n`;
  };
  const textOf = (from, to) => linesOf(line, from, to);
  const server = await startServer();
  const uri = 'file:///bench/hosts/messages';
  const opened = await server.open(uri, textOf(0, lines));
  const appends = [];
  for (let i = 0, version = 2, end = lines; i < 5; i++, version++, end += 1000) appends.push(await server.change(uri, version, at(end), textOf(end, end + 1000)));
  const named = server.last().diagnostics.filter((d) => /^rut-[ab]: /.test(d.message)).length;
  await server.close();
  appends.sort((a, b) => a - b);
  return [
    [`LSP: a syslog server's file of 2 routers (${lines.toLocaleString('en')} lines, read once per router): didOpen -> first diagnostics; append 1,000 lines -> republish (5 appends)`, `open ${ms(opened.ms)}; appends median ${ms(p(appends, 0.5))}, max ${ms(appends[appends.length - 1])}; ${named} problems naming their router`, 'appends median < 50 ms', p(appends, 0.5) < 50 && named > 0],
  ];
}

export async function benchLsp({ lines = 100_000, bigBytes = 45_000_000, loopLines = 200_000 } = {}) {
  return [...(await benchSmall(lines)), ...(await benchBig(bigBytes)), ...(await benchLoop(loopLines)), ...(await benchHosts(lines))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [what, figure, target, met] of await benchLsp()) console.log(`${what}  ${figure}${target ? `  (target ${target}: ${met ? 'met' : 'NOT met'})` : ''}`);
}
