import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeLensRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { DISK_ANALYSES_KEPT } from '../server/src/lsp/diskAnalyses';
import { AnalyzeFileRequest, ForgetFileNotification, ReportRequest, TimelineRequest } from '../server/src/lsp/protocol';
import { LspServer } from './support/lspServer';

// Hostile input over the protocol (issue 13): messages of the wrong shape, a rule written to hang
// a backtracking engine, and files read from disk that must not pile up. The server must keep
// answering through all of it.
const ROOT = join(__dirname, '..');
const SAMPLE_TEXT = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const SAMPLE = 'file:///work/hostile/system.log';
const LINE40 = SAMPLE_TEXT.split('\n')[40];
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-lsp-hostile-'));

let server: LspServer;

before(async () => {
  server = new LspServer();
  await server.start();
  server.open(SAMPLE, SAMPLE_TEXT);
  await server.diagnosticsOf(SAMPLE);
});

after(async () => {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** The hover on `errno 5` of line 41 of the sample: the proof that the server still answers. */
async function stillAnswers(): Promise<void> {
  const h = await server.request<Hover>(HoverRequest.type, { textDocument: { uri: SAMPLE }, position: { line: 40, character: LINE40.indexOf('errno 5') + 2 } });
  assert.match((h.contents as MarkupContent).value, /errno 5 = EIO/);
  assert.equal(server.exitCode, undefined, 'the server is still running');
}

describe('language server under malformed messages', { timeout: 60_000 }, () => {
  it('ignores a didOpen without text (or of any wrong shape) and keeps answering', async () => {
    const send = (params: unknown): Promise<void> => server.conn.sendNotification('textDocument/didOpen', params as never);
    await send({ textDocument: { uri: 'file:///work/hostile/notext.log', languageId: 'routerlog', version: 1 } });
    await send({ textDocument: { uri: 'file:///work/hostile/numtext.log', languageId: 'routerlog', version: 1, text: 42 } });
    await send({ textDocument: null });
    await send(null);
    await send({ textDocument: { uri: 7, languageId: 'routerlog', version: 1, text: 'x' } });
    await stillAnswers();
    await server.until('a log line about the ignored didOpen', () => server.logs.some((l) => /didOpen ignored/.test(l)));
    assert.equal(server.diagnostics.has('file:///work/hostile/notext.log'), false, 'nothing was opened');
  });

  it('ignores a didChange with changes of the wrong shape and keeps the document as it was', async () => {
    const uri = 'file:///work/hostile/change.log';
    server.open(uri, SAMPLE_TEXT);
    const before = await server.diagnosticsOf(uri);
    const send = (params: unknown): Promise<void> => server.conn.sendNotification('textDocument/didChange', params as never);
    await send({ textDocument: { uri, version: server.nextVersion() }, contentChanges: 'all of it' });
    await send({ textDocument: { uri, version: server.nextVersion() }, contentChanges: [{ text: 5 }] });
    await send({ textDocument: { uri, version: server.nextVersion() }, contentChanges: [{ range: { start: { line: 'a', character: 0 }, end: null }, text: 'x' }] });
    await send({ textDocument: { uri, version: 'v' }, contentChanges: [{ text: '' }] });
    await send({ textDocument: null, contentChanges: [] });
    await send(null);
    await stillAnswers();
    // A good change after the bad ones still applies to the text as it was.
    const v = server.nextVersion();
    await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: 80, character: 0 }, end: { line: 82, character: 0 } }, text: '' }],
    });
    const afterGood = await server.diagnosticsOf(uri, v);
    assert.ok(before.some((d) => d.code === 'modem-duplicate-registration'));
    assert.ok(!afterGood.some((d) => d.code === 'modem-duplicate-registration'), 'the good edit removed the refusal lines');
  });

  it('answers requests with missing or wrong parameters with an empty answer, not a crash', async () => {
    const req = (method: string, params: unknown): Promise<unknown> => server.request(method, params);
    assert.equal(await req('textDocument/hover', { textDocument: { uri: SAMPLE } }), null);
    assert.equal(await req('textDocument/hover', { textDocument: { uri: SAMPLE }, position: { line: -1, character: 'x' } }), null);
    assert.equal(await req('textDocument/hover', {}), null);
    assert.deepEqual(await req('textDocument/codeLens', { textDocument: null }), []);
    assert.deepEqual(await req('textDocument/documentSymbol', { textDocument: { uri: null } }), []);
    assert.deepEqual(await req('textDocument/foldingRange', { textDocument: 5 }), []);
    assert.deepEqual(await req(ReportRequest.method, {}), { markdown: '', html: '' });
    assert.equal(await req(TimelineRequest.method, { uri: 12 }), null);
    const status = (await req(AnalyzeFileRequest.method, { uri: ['x'] })) as { lines: number; errors: number };
    assert.deepEqual([status.lines, status.errors], [0, 0]);
    await server.conn.sendNotification('textDocument/didClose', { textDocument: 5 } as never);
    await server.conn.sendNotification(ForgetFileNotification.method, { uri: 5 } as never);
    await stillAnswers();
    assert.ok((await server.request<unknown[] | null>(CodeLensRequest.type, { textDocument: { uri: SAMPLE } }))?.length, 'code lenses still come');
  });
});

describe('log text in hovers and problems', { timeout: 60_000 }, () => {
  it('shows bidirectional controls from the log as escapes, never raw', async () => {
    const uri = 'file:///work/hostile/bidi/system.log';
    const line = "Mon Dec  2 19:54:57 2024 daemon.notice netifd: Interface 'mob1\u202e1a1s\u2066' is now down";
    server.open(uri, `${line}\n`);
    const diags = await server.diagnosticsOf(uri);
    assert.ok(diags.length > 0);
    const hover = await server.request<Hover | null>(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 30 } });
    const shown: string[] = [(hover?.contents as MarkupContent | undefined)?.value ?? '', ...diags.map((d) => (typeof d.message === 'string' ? d.message : ''))];
    assert.ok(shown[0].length > 0, 'the line has a hover');
    for (const text of shown) assert.doesNotMatch(text, /[\u202a-\u202e\u2066-\u2069]/, text);
    assert.ok(shown.some((t) => t.includes('u202e')), 'the override is shown as an escape');
  });
});

describe('custom rules cannot hang the server', { timeout: 60_000 }, () => {
  it('applies (a+)+$ to a 41-character line (and a 60 KiB one) and still answers a hover', async () => {
    const uri = 'file:///work/hostile/redos.log';
    await server.configure({ customRules: [{ pattern: '(a+)+$', severity: 'warning', message: 'ends in a run of a', code: 'redos' }] });
    const text = [...SAMPLE_TEXT.split('\n').slice(0, 30), 'a'.repeat(41) + '!', 'a'.repeat(60_000) + '!', 'Mon Dec  2 19:54:57 2024 user.info x: baaaa', ''].join('\n');
    server.open(uri, text);
    const diags = await server.diagnosticsOf(uri);
    const redos = diags.filter((d) => d.code === 'redos');
    // (a+)+$ means "ends in a": the same lines as /a$/, on the first 4096 characters of each line.
    const expected = text.split('\n').flatMap((l, i) => (/a$/.test(l.slice(0, 4096)) ? [i] : []));
    assert.ok(expected.includes(32) && !expected.includes(30) && expected.includes(31));
    assert.deepEqual(redos.map((d) => d.range.start.line), expected);
    await stillAnswers();
    await server.configure({});
  });

  it('refuses a rule with a backreference or a lookahead, saying what the engine refused', async () => {
    await server.configure({ customRules: [{ pattern: '(\\w+) \\1', message: 'doubled word' }, { pattern: 'gsmd(?!\\[)', message: 'no pid' }] });
    const back = await server.until('the backreference refusal', () => server.messages.find((m) => m.includes('customRules[0]')));
    assert.match(back, /backreference/);
    assert.match(back, /linear-time/);
    const ahead = await server.until('the lookahead refusal', () => server.messages.find((m) => m.includes('customRules[1]')));
    assert.match(ahead, /lookahead/);
    await stillAnswers();
    await server.configure({});
  });
});

describe('line ends', { timeout: 60_000 }, () => {
  it('reads a CR-only document on the lines the editor shows', async () => {
    const lf = 'file:///work/hostile/lf/system.log';
    const cr = 'file:///work/hostile/cr/system.log';
    server.open(lf, SAMPLE_TEXT);
    server.open(cr, SAMPLE_TEXT.replace(/\n/g, '\r'));
    const where = (d: { code?: string | number; range: { start: { line: number } } }[]): string[] => d.map((x) => `${x.code}@${x.range.start.line}`).sort();
    const expected = where(await server.diagnosticsOf(lf));
    assert.ok(expected.length > 5);
    assert.deepEqual(where(await server.diagnosticsOf(cr)), expected);
  });
});

describe('logs read from disk', { timeout: 60_000 }, () => {
  const write = (name: string): string => {
    const path = join(tmp, name);
    writeFileSync(path, SAMPLE_TEXT);
    return pathToFileURL(path).toString();
  };
  const report = async (uri: string): Promise<string> => (await server.request<{ markdown: string }>(ReportRequest.type, { uri })).markdown;
  const analyse = async (uri: string): Promise<number> => (await server.request<{ lines: number }>(AnalyzeFileRequest.type, { uri })).lines;

  it(`keeps only the ${DISK_ANALYSES_KEPT} most recently used analyses`, async () => {
    const uris = Array.from({ length: DISK_ANALYSES_KEPT + 2 }, (_, i) => write(`big-${i}.log`));
    for (const uri of uris) assert.ok((await analyse(uri)) > 100);
    // The first two are gone; the rest still have their report.
    for (const uri of uris.slice(0, 2)) assert.match(await report(uri), /not open as a router log/, uri);
    for (const uri of uris.slice(2)) assert.match(await report(uri), /Modem firmware update/, uri);
    // Using one makes it the most recent: a new analysis then drops the next oldest instead.
    await report(uris[2]);
    await analyse(write('big-new.log'));
    assert.match(await report(uris[2]), /Modem firmware update/);
    assert.match(await report(uris[3]), /not open as a router log/);
  });

  it('drops an analysis and its problems when its file is closed', async () => {
    const uri = write('closed.log');
    await analyse(uri);
    assert.ok((await server.diagnosticsOf(uri)).length > 0);
    await server.conn.sendNotification(ForgetFileNotification.type, { uri });
    await server.until('problems cleared', () => server.diagnostics.get(uri)?.diagnostics.length === 0);
    assert.match(await report(uri), /not open as a router log/);
    // didClose of the same URI (the log opened in the editor after all) drops it too.
    const other = write('closed-too.log');
    await analyse(other);
    await server.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: other } });
    await server.until('problems cleared', () => server.diagnostics.get(other)?.diagnostics.length === 0);
    assert.match(await report(other), /not open as a router log/);
  });
});
