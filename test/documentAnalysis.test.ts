import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { BIG_APPEND_CHARS, DocumentAnalysis, READ_SLICE_CHARS } from '../server/src/lsp/documentAnalysis';
import { LogDocument } from '../server/src/lsp/logDocument';
import { EventCollector } from '../server/src/core/events/eventCollector';

const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const REF = Date.UTC(2025, 0, 1);
const URI = 'file:///system.log';

/** Replaces `from`..`to` (offsets) of `doc`, as VS Code sends a typed edit; returns the new document. */
function edit(analysis: DocumentAnalysis, doc: LogDocument, from: number, to: number, text: string): LogDocument {
  const change = { range: { start: doc.positionAt(from), end: doc.positionAt(to) }, text };
  const { doc: next, offsets } = doc.update([change], doc.version + 1);
  assert.deepEqual(offsets, [from]);
  analysis.update(next, [change], offsets);
  return next;
}

/** A log of several read slices: the sample's story in the middle of plain chatter. */
function bigLog(eol = '\n'): string {
  const chatter: string[] = [];
  for (let i = 0; i < 12000; i++) chatter.push(`Tue Dec  3 0${Math.floor(i / 3600) % 10}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 2024 daemon.info dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.${i % 250} f0:2f:74:1c:33:8a laptop`);
  return [...chatter.slice(0, 6000), ...SAMPLE.trimEnd().split('\n'), ...chatter.slice(6000)].join(eol) + eol;
}

/** What the CLI reads in the same text: the sliced read must agree with it. */
function oneShot(text: string) {
  const a = analyzeText(text, { referenceTime: REF, path: URI });
  return { findings: a.findings.map((f) => [f.code, f.line, f.message]), events: a.events.map((e) => [e.id, e.line]) };
}

function sameAs(result: Awaited<ReturnType<DocumentAnalysis['result']>>, text: string): void {
  const want = oneShot(text);
  assert.deepEqual(result.findings.map((f) => [f.code, f.line, f.message]), want.findings);
  assert.deepEqual(result.analysis.events.map((e) => [e.id, e.line]), want.events);
}

/** Counts event-loop turns until `p` settles: how often other messages could have been answered. */
async function turnsUntil<T>(p: Promise<T>): Promise<{ value: T; turns: number }> {
  let settled = false;
  let turns = 0;
  const value = p.finally(() => (settled = true));
  while (!settled) {
    await new Promise((r) => setImmediate(r));
    turns++;
  }
  return { value: await value, turns };
}

// Issue 13 item 4: an edit inside a document is not read per keystroke, and hovers never wait for it.
describe('an edit inside an open log', () => {
  it('is read when a result is next asked for, and until then the last result answers', async () => {
    let doc = LogDocument.create(URI, 'routerlog', 1, SAMPLE);
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    const before = await analysis.result();
    assert.ok(before.findings.some((f) => /errno 5 \(EIO\)/.test(f.message)));
    // Typing inside line 41: errno 5 becomes errno 110.
    const line = SAMPLE.split('\n')[40];
    const at = doc.offsetAt({ line: 40, character: line.indexOf('errno 5') + 'errno '.length });
    doc = edit(analysis, doc, at, at + 1, '110');
    assert.equal(analysis.pending, true, 'the edit waits to be read');
    assert.equal(analysis.latest(), before, 'a hover meanwhile gets the last result, without reading the document');
    const after = await analysis.result();
    assert.equal(analysis.pending, false);
    assert.notEqual(after, before);
    assert.equal(after.doc.version, doc.version, 'the result says which version it read, for publishing');
    assert.ok(after.findings.some((f) => /errno 110 \(ETIMEDOUT\)/.test(f.message)), 'the new result reads the edit');
  });

  it('still reads an append at once (a growing log), without starting over', async () => {
    let doc = LogDocument.create(URI, 'routerlog', 1, SAMPLE);
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    await analysis.result();
    doc = edit(analysis, doc, SAMPLE.length, SAMPLE.length, 'Tue Dec  3 21:14:00 2024 daemon.info gsmd[4120]: [__new_modem:801] debug: [MODEM_MANAGER] New modem:\n');
    assert.equal(analysis.pending, false);
    assert.equal(analysis.lastUpdateWasAppend, true);
    assert.equal(analysis.latest(), undefined, 'no stale result is offered after an append: the next one is cheap');
    sameAs(await analysis.result(), doc.getText());
  });

  it('reads a big append (a paste of megabytes) in slices into the same analysis, the last result answering meanwhile', async () => {
    let doc = LogDocument.create(URI, 'routerlog', 1, SAMPLE);
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    const before = await analysis.result();
    const paste = bigLog();
    assert.ok(paste.length > BIG_APPEND_CHARS);
    doc = edit(analysis, doc, SAMPLE.length, SAMPLE.length, paste);
    assert.equal(analysis.lastUpdateWasAppend, true);
    assert.equal(analysis.pending, true, 'read in slices, not at once');
    assert.equal(analysis.latest(), before, 'hovers get the last result while it is read');
    // A few lines appended while it is read are fed after it.
    doc = edit(analysis, doc, doc.size, doc.size, 'Tue Dec  3 21:14:00 2024 daemon.info gsmd[4120]: [__new_modem:801] debug: [MODEM_MANAGER] New modem:\n');
    const read = await turnsUntil(analysis.result());
    assert.ok(read.turns >= 4, `other messages could be answered ${read.turns} times during the read`);
    sameAs(read.value, doc.getText());
    // A small append after it is read at once again.
    doc = edit(analysis, doc, doc.size, doc.size, 'Tue Dec  3 21:15:00 2024 daemon.info gsmd[4120]: [__new_modem:801] debug: [MODEM_MANAGER] New modem:\n');
    assert.equal(analysis.pending, false);
    sameAs(await analysis.result(), doc.getText());
  });

  it('reads a big document in slices, giving the event loop back between them, and reads it as the CLI does', async () => {
    const text = bigLog();
    assert.ok(text.length > 4 * READ_SLICE_CHARS, 'the log spans several slices');
    let doc = LogDocument.create(URI, 'routerlog', 1, text);
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    const first = await turnsUntil(analysis.result());
    assert.ok(first.turns >= 4, `other messages could be answered ${first.turns} times during the first read`);
    sameAs(first.value, text);
    // An edit in the middle of the chatter, before the story.
    const at = text.indexOf('192.168.1.7 ');
    doc = edit(analysis, doc, at, at + '192.168.1.7'.length, '10.0.0.7');
    const reread = analysis.result();
    assert.equal(analysis.latest(), first.value, 'while the document is read again, hovers get the last result');
    const second = await turnsUntil(reread);
    assert.ok(second.turns >= 4, `other messages could be answered ${second.turns} times during the re-read`);
    sameAs(second.value, doc.getText());
  });

  it('reads CRLF and lone-CR line ends as the CLI does, wherever the slices are cut', async () => {
    for (const eol of ['\r\n', '\r']) {
      const text = bigLog(eol);
      const analysis = new DocumentAnalysis(LogDocument.create(URI, 'routerlog', 1, text), { referenceTime: REF });
      sameAs(await analysis.result(), text);
    }
  });

  it('reads a document of parts (a file read a part at a time) as the CLI reads its text, clean parts in place', async () => {
    // Parts cut anywhere (inside a line, between a CR and its LF), some of them holding what a
    // line must be looked at for: an ESC, a NUL, a U+FFFD, a lone CR.
    const text = bigLog().replace('DHCPACK(br-lan) 192.168.1.9 ', 'DHCPACK(br-lan) \x1b[1m192.168.1.9\x1b[0m ').replace('192.168.1.19 ', '192.168.1.19\u0000 ').replace('192.168.1.29 ', '192.168.1.29\ufffd ').replace('192.168.1.39 f0', '192.168.1.39\rf0');
    for (const eol of ['\n', '\r\n']) {
      const whole = text.replace(/\n/g, eol);
      // The first part (about 48,000 characters) holds those lines and the whole first read slice.
      const parts: string[] = [];
      for (let at = 0, k = 1; at < whole.length; k++) {
        let end = Math.min(whole.length, at + 1 + ((40_000 + k * 7919) % 70_000));
        if (k % 5 === 0 && whole.indexOf('\r\n', at) >= 0) end = whole.indexOf('\r\n', at) + 1;
        parts.push(whole.slice(at, end));
        at = end;
      }
      assert.ok(parts.length > 10);
      const doc = LogDocument.fromPieces(URI, 'routerlog', 1, parts);
      assert.equal(doc.getText(), whole);
      sameAs(await new DocumentAnalysis(doc, { referenceTime: REF }).result(), whole);
    }
  });

  it('drops a read overtaken by a newer edit and reads the newest text', async () => {
    const text = bigLog();
    let doc = LogDocument.create(URI, 'routerlog', 1, text);
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    await analysis.result();
    const story = text.indexOf('errno 5');
    doc = edit(analysis, doc, story + 'errno '.length, story + 'errno '.length + 1, '110');
    const reading = analysis.result();
    await new Promise((r) => setImmediate(r));
    // The person types on while the first edit is being read: the story's errno changes again.
    doc = edit(analysis, doc, story + 'errno '.length, story + 'errno '.length + 3, '71');
    const [a, b] = await Promise.all([reading, analysis.result()]);
    assert.equal(a, b, 'both callers get the one newest result');
    assert.equal(a.doc.version, doc.version);
    assert.ok(a.findings.some((f) => /errno 71\b/.test(f.message)) && !a.findings.some((f) => /errno 110\b/.test(f.message)));
    sameAs(a, doc.getText());
  });

  it('feeds lines appended during a read after it, without starting over', async () => {
    const text = bigLog();
    let doc = LogDocument.create(URI, 'routerlog', 1, text);
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    const reading = analysis.result();
    await new Promise((r) => setImmediate(r));
    const more = 'Tue Dec  3 21:14:00 2024 daemon.info gsmd[4120]: [__new_modem:801] debug: [MODEM_MANAGER] New modem:\n';
    doc = edit(analysis, doc, text.length, text.length, more);
    assert.equal(analysis.lastUpdateWasAppend, true, 'an append after the text being read does not restart the read');
    const got = await reading;
    assert.equal(got.doc.version, doc.version, 'the result includes the appended line');
    sameAs(got, doc.getText());
  });

  it('stops reading a document that was closed, at the next slice', async () => {
    const text = bigLog();
    const whole = await turnsUntil(new DocumentAnalysis(LogDocument.create(URI, 'routerlog', 1, text), { referenceTime: REF }).result());
    const analysis = new DocumentAnalysis(LogDocument.create(URI, 'routerlog', 1, text), { referenceTime: REF });
    const reading = analysis.result();
    await new Promise((r) => setImmediate(r));
    analysis.dispose();
    const closed = await turnsUntil(reading);
    assert.ok(closed.turns < whole.turns / 4, `${closed.turns} turns after closing, against ${whole.turns} for the whole read`);
    assert.equal(analysis.latest(), undefined, 'nothing of the document is held');
  });
});

describe('a document listed newest first', () => {
  it('is read again in reverse in steps, with turns of the event loop between them, and reads as the CLI does', async () => {
    const inOrder = bigLog();
    const text = inOrder.trimEnd().split('\n').reverse().join('\n') + '\n';
    const read = async (t: string) => turnsUntil(new DocumentAnalysis(LogDocument.create(URI, 'routerlog', 1, t), { referenceTime: REF }).result());
    const { value, turns } = await read(text);
    assert.equal(value.analysis.files[0].readReversed, true);
    sameAs(value, text);
    // Held again in the re-read's slices, then read in reverse in steps: turns beyond those of the same lines in order.
    const slices = Math.ceil(text.length / READ_SLICE_CHARS);
    const plain = (await read(inOrder)).turns;
    assert.ok(turns >= plain + slices, `${turns} turns, ${plain} for the log in order, ${slices} slices of text`);
  });
});

describe('a syslog server\'s document of several routers', () => {
  /** Two routers' lines taking turns, each dropping its mobile data now and then, and an unfinished last line. */
  function routers(from: number, lines: number): string {
    const out: string[] = [];
    for (let i = from; i < from + lines; i++) {
      const host = i % 2 === 0 ? 'rut-a' : 'rut-b';
      const t = `Dec  2 ${String(10 + Math.floor(i / 3600)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      out.push(i % 400 === 7 || i % 400 === 8 ? `${t} ${host} Mobile data disconnected (internal modem)` : i % 400 === 300 ? `${t} ${host} Mobile data connected (IPv4, internal modem)` : `${t} ${host} dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.${i % 250} f0:2f:74:1c:33:8a laptop`);
    }
    return out.join('\n') + '\n';
  }

  it('is read once per host, and its appends are read into each host\'s reading as the CLI reads the whole text', async () => {
    let doc = LogDocument.create(URI, 'routerlog', 1, routers(0, 3000) + 'Dec  2 10:50:00 rut-a Mobile data disc');
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    const first = await analysis.result();
    assert.ok(first.findings.some((f) => f.device === 'rut-a') && first.findings.some((f) => f.device === 'rut-b'));
    sameAs(first, doc.getText());
    // The unfinished line is finished, and more lines of both routers come: rut-b's last drop is not over.
    doc = edit(analysis, doc, doc.size, doc.size, 'onnected (internal modem)\n' + routers(3000, 9) + 'Dec  2 10:55:00 rut-b Mobile data disconnected (internal modem)\n');
    const after = await analysis.result();
    sameAs(after, doc.getText());
    const open = after.analysis.episodes.filter((e) => e.verdict !== 'recovered').map((e) => e.device).sort();
    assert.deepEqual(open, ['rut-a', 'rut-b']);
  });

  it('reads an append into each host\'s reading, not the whole document again per host', async () => {
    let doc = LogDocument.create(URI, 'routerlog', 1, routers(0, 20000));
    const analysis = new DocumentAnalysis(doc, { referenceTime: REF });
    await analysis.result();
    // Lines read by any collector from here on: the append's 10, once for the file and once per host.
    let read = 0;
    const proto = EventCollector.prototype as unknown as Record<'addLine' | 'addSpan', (...args: unknown[]) => void>;
    const [addLine, addSpan] = [proto.addLine, proto.addSpan];
    proto.addLine = function (...args) { read++; return addLine.apply(this, args); };
    proto.addSpan = function (...args) { read++; return addSpan.apply(this, args); };
    let result;
    try {
      doc = edit(analysis, doc, doc.size, doc.size, routers(20000, 10));
      result = await analysis.result();
    } finally {
      Object.assign(proto, { addLine, addSpan });
    }
    sameAs(result, doc.getText());
    // addLine passes its line on to addSpan: at most two calls a line and a reading.
    assert.ok(read > 0 && read <= 10 * 3 * 2, `${read} lines read for an append of 10 (the document has 20,000)`);
  });
});
