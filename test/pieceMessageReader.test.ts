import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DidChangeTextDocumentNotification, HoverRequest, StreamMessageReader, type Hover, type MarkupContent, type Message } from 'vscode-languageserver-protocol/node';
import { JsonStringPieces } from '../server/src/lsp/jsonStringPieces';
import { BIG_BODY_BYTES, HeldTexts, PieceMessageReader } from '../server/src/lsp/pieceMessageReader';
import { LspServer } from './support/lspServer';

// The server's reader of big messages over stdio must give every handler what vscode-jsonrpc's
// reader gives it, only with a big didOpen text in pieces: checked against JSON.parse and against
// that reader itself, on messages cut at any byte.

/** Any UTF-16 units, lone surrogates and control characters included. */
const units = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xd83d, 0xde00, 0xfeff, 0x0a, 0x22, 0x5c)), { maxLength: 80 })
  .map((codes) => String.fromCharCode(...codes));

/** A string as a client may write it in JSON: JSON.stringify's way, or with any character as a `\uXXXX` escape and `/` as `\/`. */
function encodings(s: string): fc.Arbitrary<Buffer> {
  return fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((escapeIt) => {
    let json = '"';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (escapeIt[i]) json += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
      else if (c === '/') json += '\\/';
      else json += JSON.stringify(c).slice(1, -1);
    }
    return Buffer.from(`${json}"`, 'utf8');
  });
}

/** Feeds `bytes` (a JSON string, quotes included) cut at `cuts`; returns the pieces and where the string closed. */
function decode(bytes: Uint8Array, cuts: number[], pieceBytes: number): { pieces: string[]; closedAt: number } {
  const d = new JsonStringPieces(pieceBytes);
  const points = [...new Set([1, ...cuts.map((c) => 1 + (c % bytes.length)), bytes.length])].sort((a, b) => a - b);
  let closedAt = -1;
  for (let k = 0; k + 1 < points.length && closedAt < 0; k++) closedAt = d.feed(bytes, points[k], points[k + 1]);
  return { pieces: closedAt < 0 ? [] : d.take(), closedAt };
}

describe('a JSON string decoded in pieces', () => {
  it('gives JSON.parse\'s value for any string, however it is escaped and wherever the bytes are cut', () => {
    fc.assert(fc.property(units.chain((s) => fc.tuple(fc.constant(s), encodings(s), fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 8, max: 40 }))), ([s, bytes, cuts, pieceBytes]) => {
      const { pieces, closedAt } = decode(bytes, cuts, pieceBytes);
      assert.equal(closedAt, bytes.length - 1, 'the closing quote is found');
      assert.equal(pieces.join(''), JSON.parse(bytes.toString('utf8')));
      assert.equal(pieces.join(''), s);
      assert.ok(pieces.every((p) => p.length > 0), 'no empty pieces');
    }), { numRuns: 600 });
  });

  it('keeps a long text in pieces of about the piece size, never one string', () => {
    const text = 'Mon Dec  2 18:00:00 2024 daemon.err gsmd[1]: "x" \\ é 😀\n'.repeat(2000);
    const { pieces } = decode(Buffer.from(JSON.stringify(text), 'utf8'), [], 4096);
    assert.equal(pieces.join(''), text);
    assert.ok(pieces.length >= 28, `${pieces.length} pieces`);
    assert.ok(pieces.every((p) => p.length <= 4096), 'no piece over its size in characters');
  });

  it('turns bytes that are not UTF-8 into U+FFFD exactly where decoding the whole body would', () => {
    const notSpecial = fc.integer({ min: 0x20, max: 0xff }).filter((b) => b !== 0x22 && b !== 0x5c);
    fc.assert(fc.property(fc.array(fc.oneof(notSpecial, fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xf0, 0x9f, 0xed, 0xa0, 0xff)), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 8, max: 24 }), (content, cuts, pieceBytes) => {
      const bytes = Buffer.from([0x22, ...content, 0x22]);
      assert.equal(decode(bytes, cuts, pieceBytes).pieces.join(''), JSON.parse(bytes.toString('utf8')));
    }), { numRuns: 600 });
  });

  it('refuses what JSON.parse refuses in a string: a raw control character, an unknown escape, a bad \\u', () => {
    for (const bad of ['"a\nb"', '"a\\xb"', '"\\u12G4"', '"\\u00"x']) {
      assert.throws(() => JSON.parse(bad), SyntaxError, bad);
      assert.throws(() => decode(Buffer.from(bad), [], 16), SyntaxError, bad);
    }
  });
});

/** One framed message, as a client writes it. */
function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`, 'latin1'), body]);
}

/** The messages a reader reads from `stream` cut at `cuts`, and the errors it reports. */
async function readAll(make: (input: PassThrough) => { listen(cb: (m: Message) => void): unknown; onError(cb: (e: Error) => void): unknown }, stream: Buffer, cuts: number[], expected: number, onMessage: (m: Message) => void = () => undefined) {
  const input = new PassThrough();
  const reader = make(input);
  const messages: Message[] = [];
  const errors: string[] = [];
  let done: () => void = () => undefined;
  const all = new Promise<void>((r) => (done = r));
  reader.onError((e) => {
    errors.push(String(e));
    if (messages.length + errors.length === expected) done();
  });
  reader.listen((m) => {
    onMessage(m);
    messages.push(m);
    if (messages.length + errors.length === expected) done();
  });
  const points = [...new Set([0, ...cuts.map((c) => c % stream.length), stream.length])].sort((a, b) => a - b);
  for (let k = 0; k + 1 < points.length; k++) input.write(stream.subarray(points[k], points[k + 1]));
  await Promise.race([all, new Promise((r) => setTimeout(r, 10_000))]);
  return { messages, errors };
}

/** Messages an editor sends: small requests and notifications, and didOpens and others with long texts. */
const messages = fc.array(fc.oneof(
  fc.record({ jsonrpc: fc.constant('2.0'), id: fc.nat(), method: fc.constant('textDocument/hover'), params: fc.record({ textDocument: fc.record({ uri: fc.constant('file:///a.log') }), position: fc.record({ line: fc.nat(), character: fc.nat() }) }) }),
  fc.record({ jsonrpc: fc.constant('2.0'), method: fc.constant('textDocument/didOpen'), params: fc.record({ textDocument: fc.record({ uri: fc.constant('file:///a.log'), languageId: fc.constant('routerlog'), version: fc.nat(), text: units.map((u) => u.repeat(6)) }) }) }),
  fc.record({ jsonrpc: fc.constant('2.0'), method: fc.constant('textDocument/didChange'), params: fc.record({ textDocument: fc.record({ uri: fc.constant('file:///a.log'), version: fc.nat() }), contentChanges: fc.array(fc.oneof(
    fc.record({ text: units.map((u) => u.repeat(6)) }),
    fc.record({ range: fc.record({ start: fc.record({ line: fc.nat(), character: fc.nat() }), end: fc.record({ line: fc.nat(), character: fc.nat() }) }), text: units.map((u) => u.repeat(6)) }),
  ), { maxLength: 3 }) }) }),
  fc.record({ jsonrpc: fc.constant('2.0'), method: fc.constant('workspace/executeCommand'), params: fc.record({ command: fc.constant('x'), arguments: fc.array(units.map((u) => u.repeat(5)), { maxLength: 3 }) }) }),
), { minLength: 1, maxLength: 6 });

describe('the server\'s message reader', () => {
  it('reads any stream of messages cut anywhere as vscode-jsonrpc\'s reader does, with big strings held by token in a didOpen and a didChange only', async () => {
    await fc.assert(fc.asyncProperty(messages, fc.array(fc.nat(), { maxLength: 10 }), async (sent, cuts) => {
      const stream = Buffer.concat(sent.map(frame));
      const held = new HeldTexts();
      // Small sizes, so that short messages take the path of big ones. A didOpen's text and a
      // didChange's are taken as they arrive, as the server's handlers take them.
      const untoken = (holder: { text?: unknown }) => {
        const text = holder.text;
        if (typeof text !== 'string' || !held.isToken(text)) return;
        const pieces = held.take(text);
        assert.ok(pieces, 'the token is given');
        assert.equal(held.take(text), undefined, 'and given once');
        holder.text = pieces.join('');
      };
      const takeText = (m: Message) => {
        const n = m as { method?: string; params?: { textDocument?: { text?: string }; contentChanges?: { text?: string }[] } };
        if (n.method === 'textDocument/didOpen' && n.params?.textDocument) untoken(n.params.textDocument);
        if (n.method === 'textDocument/didChange') for (const c of n.params?.contentChanges ?? []) untoken(c);
      };
      const ours = await readAll((input) => new PieceMessageReader(input, held, { bigBodyBytes: 64, holdBytes: 32 }), stream, cuts, sent.length, takeText);
      const theirs = await readAll((input) => new StreamMessageReader(input), stream, cuts, sent.length);
      assert.deepEqual(theirs.errors, []);
      assert.deepEqual(ours.errors, []);
      assert.equal(ours.messages.length, sent.length);
      for (let k = 0; k < sent.length; k++) {
        const got = ours.messages[k];
        assert.deepEqual(got, theirs.messages[k]);
        assert.deepEqual(got, JSON.parse(JSON.stringify(sent[k])));
      }
    }), { numRuns: 300 });
  });

  it('holds a big didOpen or didChange text as pieces, given once, and puts a big string back in any other message', async () => {
    const text = 'Mon Dec  2 18:00:00 2024 daemon.err gsmd[1]: "x"\tmodem ä 😀\n'.repeat(60_000);
    const held = new HeldTexts();
    const end = { line: 60_000, character: 0 };
    const sent = [
      { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.log', languageId: 'routerlog', version: 1, text } } },
      { jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///a.log', version: 2 }, contentChanges: [{ range: { start: end, end }, text }, { range: { start: end, end }, text: 'small' }] } },
      { jsonrpc: '2.0', id: 7, method: 'workspace/executeCommand', params: { command: 'x', arguments: [text] } },
    ];
    const { messages: got, errors } = await readAll((input) => new PieceMessageReader(input, held), Buffer.concat(sent.map(frame)), [65_536, 100_000, 3_000_000], 3);
    assert.deepEqual(errors, []);
    const open = got[0] as unknown as { params: { textDocument: { text: string } } };
    const change = got[1] as unknown as { params: { contentChanges: { text: string }[] } };
    for (const token of [open.params.textDocument.text, change.params.contentChanges[0].text]) {
      assert.ok(token.length < 100, 'the message carries a token, not the text');
      const pieces = held.take(token)!;
      assert.ok(pieces.length >= 3, `${pieces.length} pieces`);
      assert.equal(pieces.join(''), text);
      assert.equal(held.take(token), undefined, 'a token is given once');
    }
    assert.equal(change.params.contentChanges[1].text, 'small', 'a short change text stays itself');
    assert.deepEqual(got[2], sent[2]);
  });

  it('reports a body that is not JSON, and one without Content-Length, and reads on', async () => {
    const good = { jsonrpc: '2.0', id: 1, method: 'shutdown' };
    const badBig = Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"text":"${'a'.repeat(3000)}\\q"}}}`);
    const stream = Buffer.concat([
      Buffer.from(`Content-Length: ${badBig.length}\r\n\r\n`), badBig,
      frame(good),
      Buffer.from('Content-Length: 5\r\n\r\n{"a":'),
      frame(good),
    ]);
    const { messages: got, errors } = await readAll((input) => new PieceMessageReader(input, new HeldTexts(), { bigBodyBytes: 1024, holdBytes: 512 }), stream, [700, 3001], 4);
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors[0], /escaped character/);
    assert.deepEqual(got, [good, good]);
    const noLength = await readAll((input) => new PieceMessageReader(input, new HeldTexts()), Buffer.from('Content-Type: x\r\n\r\n{}'), [], 1);
    assert.match(noLength.errors[0] ?? '', /Content-Length/);
  });

  it('never throws out of its data handler, whatever the bodies hold, and reads the message after a bad one', async () => {
    const good = { jsonrpc: '2.0', id: 9, method: 'shutdown' };
    const junk = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x22, 0x5c, 0x75, 0x7b, 0x5b, 0x0a)), { maxLength: 300 });
    await fc.assert(fc.asyncProperty(junk, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (body, cuts, quoted) => {
      // A body of any bytes, maybe inside a string of a didOpen, framed with its true length.
      const bytes = Buffer.concat([quoted ? Buffer.from('{"method":"textDocument/didOpen","params":{"textDocument":{"text":"') : Buffer.alloc(0), Buffer.from(body)]);
      const stream = Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes, frame(good)]);
      const read = await readAll((input) => new PieceMessageReader(input, new HeldTexts(), { bigBodyBytes: 16, holdBytes: 8 }), stream, cuts, 2);
      assert.equal(read.messages.length + read.errors.length, 2, 'one answer per message: the first read or reported');
      assert.deepEqual(read.messages[read.messages.length - 1], good);
    }), { numRuns: 400 });
  });

  it('keeps at most four texts nobody took', () => {
    const held = new HeldTexts();
    const tokens = ['a', 'b', 'c', 'd', 'e'].map((t) => {
      const token = held.token();
      held.hold(token, [t]);
      return token;
    });
    assert.equal(held.take(tokens[0]), undefined);
    assert.deepEqual(held.take(tokens[1]), ['b']);
    assert.deepEqual(held.take(tokens[4]), ['e']);
    assert.equal(held.take('\u0000gsmlens-held-text:not-ours:0'), undefined);
  });
});

describe('the language server reading a big document over stdio', { timeout: 120_000 }, () => {
  const sample = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8').split('\n');
  // Over 1 MiB, with what JSON escapes or spells in UTF-8: quotes, backslashes, tabs, accents, an emoji.
  const filler = Array.from({ length: 24_000 }, (_, i) => `Mon Dec  2 17:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 2024 daemon.info dnsmasq[2170]: query[A] "café-${i}.example" from 192.168.1.${i % 250}\t\\ 📶`);
  const text = [...filler, ...sample].join('\n');
  const uri = 'file:///work/logs/big/system.log';
  const errnoLine = filler.length + sample.findIndex((l) => l.includes('errno 5'));

  it('gets the problems and hovers it gets over node IPC, where vscode-jsonrpc reads the message', async () => {
    assert.ok(Buffer.byteLength(text) > 2 * BIG_BODY_BYTES, 'a body read in pieces');
    const answers = [];
    for (const transport of ['stdio', 'ipc'] as const) {
      const server = new LspServer(transport);
      try {
        await server.start();
        server.open(uri, text);
        const diagnostics = await server.diagnosticsOf(uri, 0, 60_000);
        const line = text.split('\n')[errnoLine];
        const hover = await server.request<Hover>(HoverRequest.type, { textDocument: { uri }, position: { line: errnoLine, character: line.indexOf('errno 5') + 2 } });
        const fillerHover = await server.request<Hover | null>(HoverRequest.type, { textDocument: { uri }, position: { line: 7, character: 60 } });
        answers.push({ diagnostics, hover, fillerHover });
      } finally {
        await server.stop();
      }
    }
    const [stdio, ipc] = answers;
    assert.ok(stdio.diagnostics.some((d) => d.code === 'modem-duplicate-registration' && d.range.start.line > filler.length), 'the sample\'s problems, after the filler');
    assert.match((stdio.hover.contents as MarkupContent).value, /errno 5 = EIO/);
    assert.deepEqual(stdio, ipc);
  });

  it('follows a big paste at the end, a big whole new text and a small append after it as it does over node IPC', async () => {
    assert.ok(Buffer.byteLength(text) > 2 * BIG_BODY_BYTES, 'each change read in pieces');
    const lines = text.split('\n');
    const half = lines.slice(0, filler.length).join('\n') + '\n';
    const answers = [];
    for (const transport of ['stdio', 'ipc'] as const) {
      const server = new LspServer(transport);
      try {
        await server.start();
        const v1 = server.open(uri, 'Mon Dec  2 16:59:59 2024 daemon.info netifd[1]: start\n');
        await server.diagnosticsOf(uri, v1, 60_000);
        const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
        // A paste of the whole big text after the first line: an append the server reads in slices.
        const v2 = server.nextVersion();
        void server.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v2 }, contentChanges: [{ range: at(1), text }] });
        const pasted = await server.diagnosticsOf(uri, v2, 60_000);
        const errno = lines[errnoLine];
        const hover = await server.request<Hover>(HoverRequest.type, { textDocument: { uri }, position: { line: errnoLine + 1, character: errno.indexOf('errno 5') + 2 } });
        // The whole text replaced by the filler alone, then the sample appended as a few lines.
        const v3 = server.nextVersion();
        void server.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v3 }, contentChanges: [{ text: half }] });
        const replaced = await server.diagnosticsOf(uri, v3, 60_000);
        const v4 = server.nextVersion();
        void server.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v4 }, contentChanges: [{ range: at(filler.length), text: sample.join('\n') }] });
        const appended = await server.diagnosticsOf(uri, v4, 60_000);
        // Each as a document opened with that text: the changes were followed exactly.
        const fresh = async (name: string, whole: string) => {
          const other = `file:///work/logs/big/${name}.log`;
          await server.diagnosticsOf(other, server.open(other, whole), 60_000);
          return JSON.parse(JSON.stringify(await server.diagnosticsOf(other, 0, 60_000)).replaceAll(other, uri)) as unknown;
        };
        assert.deepEqual(pasted, await fresh('pasted', `Mon Dec  2 16:59:59 2024 daemon.info netifd[1]: start\n${text}`), `${transport}: the paste`);
        assert.deepEqual(appended, await fresh('appended', half + sample.join('\n')), `${transport}: the new text and the append after it`);
        answers.push({ pasted, hover, replaced, appended });
      } finally {
        await server.stop();
      }
    }
    const [stdio, ipc] = answers;
    assert.ok(stdio.pasted.some((d) => d.code === 'modem-duplicate-registration' && d.range.start.line > filler.length), 'the pasted sample\'s problems');
    assert.match((stdio.hover.contents as MarkupContent).value, /errno 5 = EIO/);
    assert.equal(stdio.replaced.filter((d) => d.code === 'modem-duplicate-registration').length, 0, 'none once the text is the filler alone');
    assert.ok(stdio.appended.some((d) => d.code === 'modem-duplicate-registration'), 'back once the sample is appended');
    assert.deepEqual(stdio, ipc);
  });

  it('ends when its input ends: with code 0 after a shutdown request, 1 without', async () => {
    for (const shutdown of [true, false]) {
      const server = new LspServer();
      await server.start();
      if (shutdown) await server.request('shutdown', null);
      server.proc.stdin!.end();
      await server.until('the server to exit', () => server.exitCode !== undefined, 5000);
      assert.equal(server.exitCode, shutdown ? 0 : 1);
      server.conn.dispose();
    }
  });
});
