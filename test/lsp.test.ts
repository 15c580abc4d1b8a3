import { modemUpdateStory } from '../server/src/core/stories/entries/modemUpdate';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CodeLensRequest, ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest, ExitNotification, FoldingRangeRequest,
  HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader,
  StreamMessageWriter, type Diagnostic, type DocumentSymbol, type Hover, type MarkupContent, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { analyzeText } from '../server/src/core/analyze';
import { FINDING_TITLES } from '../server/src/core/findings/findingText';
import { openFromFileMark } from '../server/src/lsp/openFromFile';
import { AnalyzeFileRequest, OPEN_FROM_FILE_CHARS, ReportRequest, ResendDocumentNotification, StatusNotification, TimelineRequest, type StatusParams } from '../server/src/lsp/protocol';

// The language server as an editor sees it: out/server.js over stdio, driven by a real LSP client.
const ROOT = join(__dirname, '..');
const SAMPLE_TEXT = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const SAMPLE = 'file:///work/logs/system.log';
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-lsp-'));

let proc: ChildProcess;
let conn: ProtocolConnection;
const diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
const statuses = new Map<string, StatusParams>();
const messages: string[] = [];
/** Documents the server asked the client to send again with their text. */
const resends: string[] = [];
let settings: Record<string, unknown> = {};
/** The test client's `rangeLimit` (VS Code sends editor.foldingMaximumRegions, 5,000 by default). */
const FOLDING_LIMIT = 250;
const waiters: (() => void)[] = [];

function notify(): void {
  for (const w of waiters.splice(0)) w();
}

/** Waits until the predicate holds on what the server has sent; fails after 10 s. */
async function until<T>(what: string, probe: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((r) => {
      waiters.push(r);
      setTimeout(r, 50);
    });
  }
}

let version = 1;
function open(uri: string, text: string): void {
  diagnostics.delete(uri);
  void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'routerlog', version: version++, text } });
}

function diagnosticsOf(uri: string, atLeastVersion = 0): Promise<Diagnostic[]> {
  return until(`diagnostics for ${uri}`, () => {
    const d = diagnostics.get(uri);
    return d && (d.version ?? Infinity) >= atLeastVersion ? d.diagnostics : undefined;
  });
}

const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

before(async () => {
  proc = spawn(process.execPath, [join(ROOT, 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.set(p.uri, { version: p.version, diagnostics: p.diagnostics });
    notify();
  });
  conn.onNotification(StatusNotification.type, (p) => {
    statuses.set(p.uri, p);
    notify();
  });
  conn.onNotification(ResendDocumentNotification.type, (p) => {
    resends.push(p.uri);
    notify();
  });
  conn.onNotification('window/showMessage', (p: { message: string }) => {
    messages.push(p.message);
    notify();
  });
  conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    notify();
    return null;
  });
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true }, foldingRange: { rangeLimit: FOLDING_LIMIT } } },
    initializationOptions: { codeBase: 'file:///ext/docs/findings.md' },
  });
  assert.ok(init.capabilities.hoverProvider);
  assert.ok(init.capabilities.codeLensProvider);
  assert.ok(init.capabilities.documentSymbolProvider);
  assert.ok(init.capabilities.foldingRangeProvider);
  await conn.sendNotification(InitializedNotification.type, {});
  open(SAMPLE, SAMPLE_TEXT);
});

after(async () => {
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  conn.dispose();
  await new Promise((r) => proc.once('exit', r));
  rmSync(tmp, { recursive: true, force: true });
});

describe('language server over stdio', () => {
  it('publishes one diagnostic per finding on the right lines', async () => {
    const diags = await diagnosticsOf(SAMPLE);
    const byCode = new Map(diags.map((d) => [d.code, d]));
    for (const [code, line] of [['modem-write-failure', 40], ['modem-duplicate-registration', 80], ['modem-silent', 81], ['usb-gap', 82], ['fw-update-stuck', 31]] as const) {
      const d = byCode.get(code);
      assert.ok(d, `diagnostic ${code}`);
      assert.equal(d.range.start.line, line, `${code} line`);
      assert.equal(d.source, 'GSM Log Lens');
    }
    const burst = byCode.get('modem-write-failure')!;
    assert.equal(burst.severity, 2, 'gsmd warning: lines are warnings');
    assert.equal(diags.filter((d) => d.code === 'modem-write-failure').length, 1, 'a burst is one diagnostic');
    assert.equal(burst.relatedInformation?.length, 5, 'four related lines and the last one');
    assert.equal(burst.relatedInformation?.[0].location.range.start.line, 41);
    assert.equal(burst.relatedInformation?.[4].location.range.start.line, 79);
    assert.match(burst.relatedInformation![4].message, /last of 40 lines \(34 more between\)/);
    assert.equal(burst.range.end.character, SAMPLE_TEXT.split('\n')[40].length);
    // The code links to its heading's line in the shipped findings page (VS Code opens #L<n> at that line).
    const page = readFileSync(join(ROOT, 'docs', 'findings.md'), 'utf8').split('\n');
    const href = byCode.get('modem-duplicate-registration')!.codeDescription?.href ?? '';
    assert.match(href, /^file:\/\/\/ext\/docs\/findings\.md#L\d+$/);
    assert.equal(page[Number(href.split('#L')[1]) - 1], '## `modem-duplicate-registration`');
    assert.equal(await until('status', () => statuses.get(SAMPLE)?.story?.verdict), 'updated-not-taken-back');
    assert.equal(statuses.get(SAMPLE)?.story?.title, modemUpdateStory.title);
    assert.equal(statuses.get(SAMPLE)?.story?.severity, 'error');
  });

  it('explains a line and the token under the cursor', async () => {
    const line40 = SAMPLE_TEXT.split('\n')[40];
    const h = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri: SAMPLE }, position: { line: 40, character: line40.indexOf('errno 5') + 2 } })) as Hover;
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /errno 5 = EIO/);
    assert.match(value, /hung up/);
    // The answer first: the token, then the line's event, then one short line per problem.
    const at = (re: RegExp): number => value.search(re);
    assert.equal(at(/\*\*errno 5 = EIO/), 0, 'the token leads');
    assert.ok(at(/\*\*gsmd could not write/) > at(/errno 5 = EIO/), 'then the event of the line');
    assert.ok(at(/Part of:/) > at(/\*\*gsmd could not write/), 'then the problems');
    assert.match(value, /Part of:\n\n- \*\*Writes to the modem failed\*\* \(warning, 40 lines from line 41\)/);
    assert.doesNotMatch(value, /different USB composition/, 'line 41 lies between the composition change\'s lines but is not one of them');
    assert.ok(value.split('Part of:')[1].split('\n').filter(Boolean).every((l) => l.length < 100), 'a problem is one short line');
    assert.match(value, /\[K4\]\(https:\/\/github\.com\/torvalds\/linux/);
    assert.deepEqual(h.range, { start: { line: 40, character: line40.indexOf('errno 5') }, end: { line: 40, character: line40.indexOf('errno 5') + 7 } });
    const id = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri: SAMPLE }, position: { line: 40, character: line40.indexOf('2c7c') + 1 } })) as Hover;
    assert.match((id.contents as MarkupContent).value, /Quectel EC200A/);
    const kernel = SAMPLE_TEXT.split('\n')[82];
    const up = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri: SAMPLE }, position: { line: 82, character: kernel.indexOf('466.') } })) as Hover;
    assert.match((up.contents as MarkupContent).value, /Kernel uptime 466\.516 s[\s\S]*2024-12-02 19:57:33/);
  });

  it('never lets log text become markup in a hover', async () => {
    const uri = 'file:///work/logs/evil/system.log';
    open(uri, "Mon Dec  2 19:54:57 2024 daemon.notice netifd: Interface '<img src=x onerror=alert(1)>[link](http://evil)' is now down\n");
    await diagnosticsOf(uri);
    const h = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 30 } })) as Hover;
    const value = (h.contents as MarkupContent).value;
    assert.doesNotMatch(value, /<img/);
    assert.doesNotMatch(value, /(?<!\\)\[link/, 'the link is escaped, so it renders as text');
    assert.match(value, /\\\[link\\\]\(http:\/\/evil\)/);
    assert.match(value, /&lt;img/);
  });

  it('puts a code lens on the episode', async () => {
    const lenses = await conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: SAMPLE } });
    assert.ok(lenses);
    const lens = lenses.find((l) => l.command?.title.startsWith('Modem firmware update: stuck'));
    assert.ok(lens, JSON.stringify(lenses));
    assert.equal(lens.command?.title, `${modemUpdateStory.title}: ${modemUpdateStory.verdicts['updated-not-taken-back'].label} since 19:54:50 · Diagnose`);
    assert.equal(lens.command?.command, 'gsmlens.diagnose');
    assert.equal(lens.range.start.line, 31);
  });

  it('lists the episode and the boot in the outline, and folds bursts', async () => {
    const symbols = (await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SAMPLE } })) as DocumentSymbol[];
    const episode = symbols.find((s) => s.name === `${modemUpdateStory.title}: ${modemUpdateStory.verdicts['updated-not-taken-back'].label}`);
    assert.ok(episode);
    assert.ok((episode.children?.length ?? 0) >= 4);
    const folds = await conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: SAMPLE } });
    assert.ok(folds?.some((f) => f.startLine === 40 && f.endLine === 79));
  });

  it('follows appended lines: gsmd taking the modem back changes the verdict', async () => {
    const uri = 'file:///work/logs/append/system.log';
    open(uri, SAMPLE_TEXT);
    assert.ok((await diagnosticsOf(uri)).some((d) => d.code === 'modem-silent'));
    const end = lineCount(SAMPLE_TEXT);
    const v = version++;
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: 'Tue Dec  3 21:14:00 2024 daemon.info gsmd[4120]: [__new_modem:801] debug: [MODEM_MANAGER] New modem:\n' }],
    });
    const after = await diagnosticsOf(uri, v);
    assert.ok(!after.some((d) => d.code === 'modem-silent' || d.code === 'fw-update-stuck'), after.map((d) => d.code).join(','));
    assert.equal(await until('status succeeded', () => statuses.get(uri)?.story?.verdict === 'succeeded' && 'succeeded'), 'succeeded');
  });

  it('tells a syslog server\'s file of two routers as two devices, each problem naming its host, and follows an append to one', async () => {
    const uri = 'file:///work/logs/server/messages';
    const text = [
      'Dec  2 19:54:57 rut-a Mobile data disconnected (internal modem)',
      'Dec  2 19:54:58 rut-b Mobile data disconnected (internal modem)',
      'Dec  2 19:55:30 rut-a dnsmasq[123]: query[A] example.com from 192.168.1.2',
      'Dec  2 19:56:11 rut-b Mobile data connected (IPv4, internal modem)',
      '',
    ].join('\n');
    open(uri, text);
    const first = await diagnosticsOf(uri);
    const drops = first.filter((d) => d.code === 'mobile-data-down');
    assert.deepEqual(drops.map((d) => [d.range.start.line, String(d.message).split(':')[0]]), [[0, 'rut-a'], [1, 'rut-b']]);
    const v = version++;
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'Dec  2 19:58:00 rut-a Mobile data connected (IPv4, internal modem)\n' }],
    });
    const after = await diagnosticsOf(uri, v);
    assert.deepEqual(after.filter((d) => d.code === 'mobile-data-down').map((d) => String(d.message).split(':')[0]), ['rut-a', 'rut-b']);
    const lenses = await conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const titles = (lenses ?? []).map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => / on rut-a/.test(t)) && titles.some((t) => / on rut-b/.test(t)), titles.join(' | '));
  });

  it('starts over after an edit in the middle', async () => {
    const uri = 'file:///work/logs/edit/system.log';
    open(uri, SAMPLE_TEXT);
    assert.ok((await diagnosticsOf(uri)).some((d) => d.code === 'modem-duplicate-registration'));
    const v = version++;
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: 80, character: 0 }, end: { line: 82, character: 0 } }, text: '' }],
    });
    const after = await diagnosticsOf(uri, v);
    assert.ok(!after.some((d) => d.code === 'modem-duplicate-registration'));
  });

  it('lists at most maxProblemsPerCode problems of a code, and one more that says how many follow and where', async () => {
    // A modem re-enumerating every 1.5 s, its serial port bound by another driver each time: a composition change per cycle.
    const cycle = (i: number): string[] => {
      const t = (k: number): string => `[${(100 + i * 1.5 + k * 0.3).toFixed(6).padStart(12)}]`;
      const [driver, converter] = i % 2 ? ['qcserial', 'Qualcomm USB modem'] : ['option', 'GSM modem (1-port)'];
      return [
        `${t(0)} usb 1-1: USB disconnect, device number ${i + 1}`,
        `${t(1)} usb 1-1: new high-speed USB device number ${i + 2} using ehci-platform`,
        `${t(2)} usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18`,
        `${t(3)} ${driver} 1-1:1.0: ${converter} converter detected`,
        `${t(4)} usb 1-1: ${converter} converter now attached to ttyUSB0`,
      ];
    };
    const cycles = (from: number, to: number): string => Array.from({ length: to - from }, (_, k) => cycle(from + k).join('\n')).join('\n') + '\n';
    const uri = 'file:///work/logs/loop/system.log';
    open(uri, cycles(0, 300));
    const ofCode = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'usb-composition-change');
    const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
    const all = ofCode(await diagnosticsOf(uri));
    assert.equal(all.length, 201, 'the first 200 of the code, and one for the rest');
    const rest = all[200];
    // How many the analysis finds, as the CLI and the report count them.
    const total = analyzeText(cycles(0, 300)).findings.filter((f) => f.code === 'usb-composition-change').length;
    const leftOut = total - 200;
    assert.ok(leftOut > 50, `${total} composition changes found`);
    assert.match(messageOf(rest), new RegExp(`^${leftOut} more problems of this code .* from line ${rest.range.start.line + 1} to line \\d+ are not listed`));
    assert.ok(rest.range.start.line > all[199].range.start.line, 'the one for the rest stands on the first line left out');
    const last = Number(/to line (\d+)/.exec(messageOf(rest))![1]);
    assert.ok(last > rest.range.start.line + 1 && last <= 1500, `last line ${last}`);
    // Folding: a range per cycle's gap and composition change, no more than the client's rangeLimit, from the top.
    const folds = await conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.equal(folds?.length, FOLDING_LIMIT);
    assert.ok(folds!.every((f, i) => i === 0 || f.startLine >= folds![i - 1].startLine), 'in document order');
    assert.ok(folds![0].startLine < 10 && folds![FOLDING_LIMIT - 1].endLine < 1500);
    // A line left out is still explained on hover.
    const h = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: last - 1, character: 20 } })) as Hover | null;
    assert.ok(h && /composition|port/i.test((h.contents as MarkupContent).value), 'hover on a line not listed');
    // The setting: 3 of the code (and one for the rest), then 0 for all of them.
    settings = { maxProblemsPerCode: 3, codeLens: { mode: 'events' } };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const three = await until('three listed', () => { const d = diagnostics.get(uri)?.diagnostics; return d && ofCode(d).length === 4 && d; });
    assert.match(messageOf(ofCode(three)[3]), new RegExp(`^${total - 3} more problems`));
    // Lenses on events: one per listed problem, not per finding.
    const lenses = (await conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const changeLenses = lenses.filter((l) => l.command?.title.startsWith(FINDING_TITLES['usb-composition-change']));
    assert.deepEqual(changeLenses.map((l) => l.range.start.line), ofCode(three).slice(0, 3).map((d) => d.range.start.line));
    settings = { maxProblemsPerCode: 0 };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await until('all listed', () => { const d = diagnostics.get(uri)?.diagnostics; return d && ofCode(d).length === total; });
    settings = {};
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await until('the default again', () => { const d = diagnostics.get(uri)?.diagnostics; return d && ofCode(d).length === 201; });
    // An append of more cycles: still 201, the count of the rest grown.
    const v = version++;
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: 1500, character: 0 }, end: { line: 1500, character: 0 } }, text: cycles(300, 400) }],
    });
    const appended = ofCode(await diagnosticsOf(uri, v));
    assert.equal(appended.length, 201);
    assert.match(messageOf(appended[200]), /more problems of this code .* to line (1[5-9]\d\d|2000) are not listed/);
  });

  it('reads a log copied with no-break spaces (Outlook, Teams) as the log, on the same lines and columns', async () => {
    const uri = 'file:///work/logs/pasted/teams.log';
    open(uri, SAMPLE_TEXT.replace(/ /g, '\u00a0'));
    const pasted = await diagnosticsOf(uri);
    const plain = await diagnosticsOf(SAMPLE);
    const where = (ds: typeof plain): string[] => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
    assert.ok(plain.length >= 10);
    assert.deepEqual(where(pasted), where(plain));
  });

  it('analyses a 50,000-line document', async () => {
    const uri = 'file:///work/logs/big/system.log';
    const filler = Array.from({ length: 50_000 }, (_, i) => `Mon Dec  2 18:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 2024 daemon.info dnsmasq[2170]: query[A] example.com from 192.168.1.${i % 250}`);
    open(uri, [...filler, ...SAMPLE_TEXT.split('\n')].join('\n'));
    const diags = await diagnosticsOf(uri);
    const dup = diags.find((d) => d.code === 'modem-duplicate-registration');
    assert.equal(dup?.range.start.line, 50_080);
  });

  it('keeps answering hovers while it reads an edited 100,000-line document again', async () => {
    const uri = 'file:///work/logs/big/edited.log';
    // Lines that hold a catalogue literal (`[INFO] `, modem_updater's) and match no entry: each is
    // read by the full parser, so the re-read lasts long enough (about half a second) for a wait
    // between hover answers to be told from the read itself (the fast lane read the earlier
    // filler in 50 ms, as long as one garbage collection).
    const filler = Array.from({ length: 100_000 }, (_, i) => `Mon Dec  2 18:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 2024 daemon.info app[2170]: [INFO] request ${i} done in ${i % 100} ms`);
    open(uri, [...filler, ...SAMPLE_TEXT.split('\n')].join('\n'));
    assert.ok((await diagnosticsOf(uri)).some((d) => d.code === 'modem-duplicate-registration'));
    // An edit in the middle, which means reading the whole document again once typing pauses
    // (the server waits 300 ms on a document of this size). Meanwhile hovers go on every 5 ms.
    const v = version++;
    const sent = performance.now();
    void conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: 100_080, character: 0 }, end: { line: 100_082, character: 0 } }, text: '' }],
    });
    const answered: number[] = [];
    let published = 0;
    const hovering = (async () => {
      while (!published) {
        await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 100_040, character: 70 } });
        answered.push(performance.now() - sent);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const after = await diagnosticsOf(uri, v);
    published = performance.now() - sent;
    await hovering;
    assert.ok(!after.some((d) => d.code === 'modem-duplicate-registration'), 'the new problems read the edit');
    // If the re-read held the server, hovers sent during it would all be answered after it: the
    // longest wait between two answers would be the whole read. It gives the event loop back
    // every slice, so answers keep coming: no wait is near the length of the read (which is
    // what remains of the time to the new problems after the 300 ms pause).
    const gaps = answered.slice(1).map((t, i) => t - answered[i]);
    const longest = Math.max(...gaps);
    const read = published - 300;
    assert.ok(answered.length >= 10, `${answered.length} hovers answered`);
    assert.ok(longest < read / 2, `longest wait between hover answers ${longest.toFixed(0)} ms, against ${read.toFixed(0)} ms of reading`);
  });

  it('applies custom rules and reports a bad one clearly', async () => {
    settings = { customRules: [{ pattern: 'dropbear.*Password auth', severity: 'info', message: 'Someone logged in as root', code: 'root-login' }, { pattern: '(unclosed', message: 'bad' }] };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const diags = await until('custom rule diagnostics', () => diagnostics.get(SAMPLE)?.diagnostics.some((d) => d.code === 'root-login') && diagnostics.get(SAMPLE)!.diagnostics);
    assert.equal(diags.filter((d) => d.code === 'root-login').length, 2);
    const msg = await until('a message about the bad rule', () => messages.find((m) => m.includes('customRules[1]')));
    assert.match(msg, /not a valid regular expression/);
    settings = {};
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });

  it('analyses a file from disk on request and serves its report', async () => {
    const path = join(tmp, 'system.log');
    writeFileSync(path, SAMPLE_TEXT);
    const uri = pathToFileURL(path).toString();
    const status = await conn.sendRequest(AnalyzeFileRequest.type, { uri });
    assert.equal(status.story?.verdict, 'updated-not-taken-back');
    assert.equal(status.lines, lineCount(SAMPLE_TEXT));
    assert.ok((await diagnosticsOf(uri)).some((d) => d.code === 'modem-duplicate-registration'));
    const report = await conn.sendRequest(ReportRequest.type, { uri: SAMPLE });
    assert.match(report.markdown, /## Modem firmware update: stuck/);
    const timeline = await conn.sendRequest(TimelineRequest.type, { uri });
    assert.ok(timeline && timeline.uri === uri, 'the timeline of the file read from disk');
    assert.match(report.markdown, /### Evidence\n\n```+log\nMon Dec {2}2 19:54:50 2024 kern\.info kernel/);
  });

  describe('a big saved log opened from its file (the didOpen carries a mark, not the text)', () => {
    // Over 4M characters: the RUT901 story after plain dnsmasq lines, with CRLF-free UTF-8 text.
    const filler = Array.from({ length: 45_000 }, (_, i) => `Mon Dec  2 18:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 2024 daemon.info dnsmasq[2170]: query[A] example.com from 192.168.1.${i % 250} é`);
    const text = [...filler, ...SAMPLE_TEXT.split('\n')].join('\n');
    const shape = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);

    /**
     * Opens `content` written to `name` from its file (the mark), and the same text sent whole;
     * checks both give the same problems and the same hover on the story's lines.
     */
    async function openBoth(name: string, content: string, editorText: string) {
      assert.ok(editorText.length >= OPEN_FROM_FILE_CHARS);
      const path = join(tmp, `${name}.log`);
      writeFileSync(path, content);
      const uri = pathToFileURL(path).toString();
      const whole = `file:///work/logs/whole-${name}/system.log`;
      open(whole, editorText);
      open(uri, openFromFileMark(editorText));
      const [a, b] = [await diagnosticsOf(whole), await diagnosticsOf(uri)];
      assert.ok(b.some((d) => d.code === 'modem-duplicate-registration'));
      assert.deepEqual(shape(b), shape(a));
      const [ha, hb] = await Promise.all([whole, uri].map((u) => conn.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 45_000 + 80, character: 60 } })));
      assert.ok(hb);
      assert.deepEqual(hb, ha);
      return { path, uri, diagnostics: b };
    }

    it('gives the problems and hovers of the same text sent whole, and follows edits', async () => {
      const { uri, diagnostics: b } = await openBoth('big-saved', `\ufeff${text}`, text);
      // An edit is applied to the text read from the file: removing the refusals ends their problem.
      const v = version++;
      const dupLine = b.find((d) => d.code === 'modem-duplicate-registration')!.range.start.line;
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: dupLine - 2, character: 0 }, end: { line: dupLine + 2, character: 0 } }, text: '' }],
      });
      assert.ok(!(await diagnosticsOf(uri, v)).some((d) => d.code === 'modem-duplicate-registration'));
      assert.deepEqual(resends, []);
    });

    it('asks for the text when the file does not hold the editor\'s text, and reads the text it is sent', async () => {
      const path = join(tmp, 'big-changed.log');
      // The file was written since, or VS Code normalised its line ends: not the text the mark names.
      writeFileSync(path, text.replace(/\n/g, '\r\n'));
      const uri = pathToFileURL(path).toString();
      open(uri, openFromFileMark(text));
      await until('a request for the text', () => resends.includes(uri));
      // Changes before the text comes are part of it: the server holds nothing for the document yet.
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: version++ },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: 'Tue' }],
      });
      assert.equal(diagnostics.get(uri), undefined, 'no problems from a text it does not have');
      open(uri, text);
      assert.ok((await diagnosticsOf(uri)).some((d) => d.code === 'modem-duplicate-registration'));
      // The same length, one character other: only the content's hash tells.
      const samePath = join(tmp, 'big-same-length.log');
      writeFileSync(samePath, text.replace('é', 'è'));
      const sameUri = pathToFileURL(samePath).toString();
      open(sameUri, openFromFileMark(text));
      await until('a request for the text of a file of the same length', () => resends.includes(sameUri));
      // A mark for a document that is not a file, or a mark that is malformed, is answered the same way.
      open('untitled:Untitled-1', openFromFileMark(text));
      await until('a request for the untitled text', () => resends.includes('untitled:Untitled-1'));
    });
    it('leaves an ASCII log in its file: the same problems and hovers, a logger\'s appends followed, a rewrite of the file seen', async () => {
      // Without the é, nearly every 64 KiB of the file is ASCII: the server holds it as blocks of
      // the file (fileBlocks.ts), not as text, and reads a block again when it needs it.
      const ascii = text.replace(/ é/g, '');
      // With CRLF line ends (a log saved on Windows) its blocks stay in the file too.
      await openBoth('big-ascii-crlf', ascii.replace(/\n/g, '\r\n'), ascii.replace(/\n/g, '\r\n'));
      const { path, uri, diagnostics: b } = await openBoth('big-ascii', ascii, ascii);
      // A logger appends to the file and the editor sends the new lines: the blocks before are unchanged.
      const more = 'Mon Dec  2 20:10:00 2024 daemon.err gsmd[1184]: Failed to write to /dev/ttyUSB2, errno 5\n'.repeat(6);
      appendFileSync(path, more);
      const end = { line: ascii.split('\n').length - 1, character: ascii.length - ascii.lastIndexOf('\n') - 1 };
      const v = version++;
      await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range: { start: end, end }, text: `\n${more}` }] });
      const afterAppend = await diagnosticsOf(uri, v);
      const wholeAppended = 'file:///work/logs/whole-ascii-appended/system.log';
      open(wholeAppended, `${ascii}\n${more}`);
      assert.deepEqual(shape(afterAppend), shape(await diagnosticsOf(wholeAppended)));
      assert.notDeepEqual(shape(afterAppend), shape(b), 'the appended lines were read');
      assert.ok(!resends.includes(uri), 'an append to the file does not lose the text');
      // The file is rewritten (a rotation, another log under the same name): a hover that needs
      // a line from it finds the text gone, and the server asks the editor for the text.
      writeFileSync(path, ascii.replace(/dnsmasq/g, 'dnsmasx'));
      const gone = await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10, character: 30 } });
      assert.equal(gone, null);
      await until('a request for the text once the file changed', () => resends.includes(uri));
      open(uri, `${ascii}\n${more}`);
      assert.deepEqual(shape(await diagnosticsOf(uri)), shape(afterAppend));
    });
  });

  it('clears problems on close and survives rapid edits and closes', async () => {
    const uri = 'file:///work/logs/rapid/system.log';
    open(uri, SAMPLE_TEXT);
    for (let i = 0; i < 20; i++) {
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: version++ },
        contentChanges: [{ range: { start: { line: i, character: 0 }, end: { line: i, character: 3 } }, text: 'Tue' }],
      });
    }
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await until('empty diagnostics after close', () => diagnostics.get(uri)?.diagnostics.length === 0);
    const h = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: SAMPLE }, position: { line: 40, character: 5 } });
    assert.ok(h, 'the server still answers');
  });

  it('reads a log listed newest first in reverse, and puts every problem, hover and story on the file\'s own lines', async () => {
    const uri = 'file:///work/logs/newest-first/system.log';
    const lines = SAMPLE_TEXT.replace(/\n$/, '').split('\n');
    const text = lines.slice().reverse().join('\n') + '\n';
    open(uri, text);
    const diags = await diagnosticsOf(uri);
    // Line n (0-based) of the sample is line last - n listed newest first; a finding from line a to b starts at last - b.
    const last = lines.length - 1;
    const inOrder = analyzeText(SAMPLE_TEXT, { referenceTime: Date.parse('2024-12-04') });
    const expected = inOrder.findings.map((f) => `${f.code} ${last - (f.endLine - 1)}`).sort();
    assert.deepEqual(diags.map((d) => `${d.code} ${d.range.start.line}`).sort(), expected);
    assert.equal(await until('status', () => statuses.get(uri)?.story?.verdict), 'updated-not-taken-back');
    // The write failure the sample has on its line 41 (0-based 40) is here on line last - 40.
    const row = last - 40;
    assert.match(text.split('\n')[row], /errno 5/);
    const h = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: row, character: text.split('\n')[row].indexOf('errno 5') + 2 } })) as Hover;
    assert.match((h.contents as MarkupContent).value, /Part of:\n\n- \*\*Writes to the modem failed\*\* \(warning, 40 lines from line 680\)/);
    const symbols = (await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const story = symbols.find((s) => s.name.startsWith(modemUpdateStory.title));
    assert.ok(story, JSON.stringify(symbols.map((s) => s.name)));
    const told = inOrder.episodes[0];
    assert.deepEqual([story.range.start.line, story.range.end.line], [last - (told.endLine - 1), last - (told.startLine - 1)], 'the story spans the same lines of text');
    assert.ok(!symbols.some((s) => s.name.startsWith('Boot ')), 'no boot is named on a block that runs the other way up');
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('reads dates written day first (LuCI copied from an en-GB browser) as the CLI does', async () => {
    const uri = 'file:///work/logs/en-gb/system.log';
    open(uri, '[01/12/2026, 23:58:11] kern.info: usb 1-1: USB disconnect, device number 5\n[02/12/2026, 00:01:11] kern.info: usb 1-1: new high-speed USB device number 6 using ehci-platform\n');
    const gap = (await diagnosticsOf(uri)).find((d) => d.code === 'usb-gap');
    assert.match(String(gap?.message ?? ''), /3 min later/);
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('reads the last line of a document without a trailing newline, as the CLI does', async () => {
    // Forum pastes end without a newline: the refusal on the last line must not be lost.
    const uri = 'file:///work/logs/no-newline.log';
    open(uri, [
      'Mon Dec  2 19:54:58 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
      'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
      'Mon Dec  2 19:55:05 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!',
    ].join('\n'));
    const diags = await diagnosticsOf(uri);
    const dup = diags.find((d) => d.code === 'modem-duplicate-registration');
    assert.ok(dup, `diagnostics: ${diags.map((d) => d.code).join(', ')}`);
    assert.equal(dup.range.start.line, 2);
  });

  it('says on its first unread line when most of a document is not understood', async () => {
    const uri = 'file:///work/logs/console.txt';
    open(uri, ['Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: hello', '', 'Build 2024.1 of the console tool', 'opening the port', 'checksum 0x1f2e', 'all done'].join('\n') + '\n');
    const diags = await diagnosticsOf(uri);
    const unread = diags.find((d) => d.code === 'input-problem');
    assert.ok(unread, `diagnostics: ${diags.map((d) => d.code).join(', ')}`);
    assert.equal(unread.severity, 3, 'information');
    assert.equal(unread.range.start.line, 2);
    assert.match(String(unread.message), /Only 1 of 5 lines \(20%\) were read as log lines/);
    const status = await until('status with readability', () => (statuses.get(uri) as { recognised?: number } | undefined)?.recognised);
    assert.equal(status, 0.2);
  });
});
