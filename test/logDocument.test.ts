import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { isAscii } from 'node:buffer';
import { DocumentText, LogDocument } from '../server/src/lsp/logDocument';
import { blockSum, FileBlock, TextGone } from '../server/src/lsp/fileBlocks';
import { lineAt, startAt, Starts } from '../server/src/lsp/lineStarts';

// The server's own document must be the library's TextDocument in every answer an editor feature
// reads (text, ranges, offsets, positions, line count), for any text and any sequence of edits,
// including appends that split a CRLF and edits inside the text. Only the cost of appends differs.
const piece = fc.array(fc.constantFrom('a', 'b', 'é', '\n', '\r', '\r\n', 'line ', '😀'), { maxLength: 12 }).map((p) => p.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 15 }) });
// A change's text may come cut into pieces anywhere (a big one read over stdio, inside a
// surrogate pair or a CRLF too): `cuts`, empty for a text sent whole.
const cuts = fc.oneof(fc.constant([] as number[]), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }));
const change = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), text: piece, cuts }),
  // VS Code sends ranges inside the text (the library mis-counts lines for ranges past the end).
  fc.record({ kind: fc.constant('edit' as const), start: fc.nat(), end: fc.nat(), text: piece, cuts }),
  fc.record({ kind: fc.constant('full' as const), text: piece, cuts }),
);

/** `text` cut at `at` (taken modulo its length), or undefined for no cut. */
function cutInto(text: string, at: number[]): string[] | undefined {
  if (at.length === 0) return undefined;
  const points = [...new Set([0, ...at.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => text.slice(points[i], end));
}

/** The change as the library takes it, and as the server gives it to LogDocument (its text maybe in pieces). */
function events(c: { kind: 'append' | 'edit' | 'full'; text: string; cuts: number[]; start?: number; end?: number }, theirs: TextDocument) {
  const length = theirs.getText().length;
  const event = c.kind === 'full' ? { text: c.text } : c.kind === 'append'
    ? { range: { start: theirs.positionAt(length), end: theirs.positionAt(length) }, text: c.text }
    : { range: { start: theirs.positionAt(c.start! % (length + 1)), end: theirs.positionAt(c.end! % (length + 1)) }, text: c.text };
  const pieces = cutInto(c.text, c.cuts);
  return { event, ours: pieces ? { ...event, pieces } : event };
}

function same(ours: LogDocument, theirs: TextDocument, probes: { line: number; character: number }[]): void {
  assert.equal(ours.getText(), theirs.getText());
  assert.equal(ours.lineCount, theirs.lineCount);
  assert.equal(ours.version, theirs.version);
  assert.equal(ours.lastLineStart, theirs.offsetAt({ line: theirs.lineCount - 1, character: 0 }));
  for (let off = -1; off <= theirs.getText().length + 1; off++) assert.deepEqual(ours.positionAt(off), theirs.positionAt(off), `positionAt(${off})`);
  for (const p of probes) assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt(${JSON.stringify(p)})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line));
    const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
    assert.equal(ours.getText(range), theirs.getText(range), `line ${line}`);
  }
  // The parts of any range, read where they lie, are its text; a part is clean only without CR, NUL, ESC, U+FFFD in its piece.
  const end = theirs.positionAt(theirs.getText().length);
  for (const p of probes) {
    const parts: string[] = [];
    ours.eachPart(theirs.offsetAt(p), theirs.getText().length, (text, start, stop, clean) => {
      assert.ok(start < stop && stop <= text.length, 'a part is not empty and lies in its piece');
      if (clean) assert.doesNotMatch(text, /[\r\0\u001b\ufffd]/);
      parts.push(text.slice(start, stop));
    });
    assert.equal(parts.join(''), theirs.getText({ start: p, end }));
  }
}

/**
 * Applies the changes to our document and to the library's one made of `initial`, comparing them
 * before and after each; returns both, and each of our earlier versions with its text.
 */
function follow(ours: LogDocument, initial: string, changes: readonly Parameters<typeof events>[0][], probes: { line: number; character: number }[]) {
  let theirs = TextDocument.create('file:///x.log', 'routerlog', 1, initial);
  same(ours, theirs, probes);
  const older: [LogDocument, string][] = [];
  let version = 1;
  for (const c of changes) {
    version++;
    const { event, ours: given } = events(c, theirs);
    older.push([ours, theirs.getText()]);
    ours = ours.update([given], version).doc;
    theirs = TextDocument.update(theirs, [event], version);
    same(ours, theirs, probes);
  }
  return { ours, theirs, older };
}

const dir = mkdtempSync(join(tmpdir(), 'gsmlens-log-document-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('LogDocument', () => {
  it('answers as vscode-languageserver-textdocument does after any appends and edits', () => {
    fc.assert(fc.property(piece, fc.array(change, { maxLength: 24 }), fc.array(position, { maxLength: 6 }), (initial, changes, probes) => {
      const { older } = follow(LogDocument.create('file:///x.log', 'routerlog', 1, initial), initial, changes, probes);
      // A result made from an older version keeps reading that version's text.
      for (const [doc, text] of older) assert.equal(doc.getText(), text);
    }), { numRuns: 1000 });
  });

  it('read in parts (a file read a part at a time), answers as the library does for the whole text, before and after changes', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.array(change, { maxLength: 8 }), fc.array(position, { maxLength: 6 }), (parts, changes, probes) => {
      follow(LogDocument.fromPieces('file:///x.log', 'routerlog', 1, parts), parts.join(''), changes, probes);
    }), { numRuns: 500 });
  });

  it('left in its file (a big saved log), answers as the library does for the whole text, before and after changes', () => {
    // Parts of ASCII stay in the file as blocks, read when needed (as openFromFile.ts does), clean
    // only without CR; the others are strings. Any edit and any read must see the same text either way.
    let run = 0;
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.array(change, { maxLength: 8 }), fc.array(position, { maxLength: 6 }), (parts, changes, probes) => {
      const initial = parts.join('');
      const path = join(dir, `kept-${run++}.log`);
      writeFileSync(path, initial);
      const source = { uri: `file://${path}`, path };
      const text = new DocumentText();
      let at = 0;
      for (const part of parts) {
        const bytes = Buffer.from(part);
        if (isAscii(bytes)) text.addKept(new FileBlock(source, at, bytes.length, blockSum(bytes), !part.includes('\r')), bytes);
        else text.add(part);
        at += bytes.length;
      }
      const { ours, theirs, older } = follow(text.document('file:///x.log', 'routerlog', 1), initial, changes, probes);
      // Bytes a logger appends to the file do not disturb the text read from it.
      appendFileSync(path, 'Mon Dec  2 19:55:00 2024 daemon.info gsmd[1]: later\n');
      for (const [doc, was] of older) assert.equal(doc.getText(), was);
      assert.equal(ours.getText(), theirs.getText());
    }), { numRuns: 300 });
  });

  it('left in its file, says its text is gone when the file no longer holds it', () => {
    const line = 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: ok\n';
    const path = join(dir, 'gone.log');
    const uri = 'file:///logs/gone.log';
    const open = (): LogDocument => {
      writeFileSync(path, line.repeat(4));
      const source = { uri, path };
      const text = new DocumentText();
      for (let k = 0; k < 4; k++) {
        const bytes = Buffer.from(line);
        text.addKept(new FileBlock(source, k * bytes.length, bytes.length, blockSum(bytes)), bytes);
      }
      return text.document(uri, 'routerlog', 1);
    };
    const gone = (doc: LogDocument, what: string): void => {
      assert.throws(() => doc.getText(), (err: unknown) => err instanceof TextGone && err.uri === uri, what);
    };
    assert.equal(open().getText(), line.repeat(4));
    // Line starts and counts are known without reading the file.
    let doc = open();
    writeFileSync(path, line.repeat(4).replace('ok', 'OK'));
    assert.equal(doc.lineCount, 5);
    gone(doc, 'one byte other');
    doc = open();
    writeFileSync(path, line.repeat(3));
    gone(doc, 'the file shorter');
    doc = open();
    rmSync(path);
    gone(doc, 'the file gone');
    // The same bytes at the same place read as before, whatever was done to the file meanwhile.
    doc = open();
    writeFileSync(path, line.repeat(4) + line);
    assert.equal(doc.getText(), line.repeat(4));
    // A document opened after the file was written reads the new bytes, not those read ahead for
    // the document before.
    const before = open();
    assert.equal(before.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }), line);
    const other = line.replace('ok', 'OK');
    writeFileSync(path, other.repeat(4));
    const text = new DocumentText();
    const source = { uri, path };
    for (let k = 0; k < 4; k++) {
      const bytes = Buffer.from(other);
      text.addKept(new FileBlock(source, k * bytes.length, bytes.length, blockSum(bytes)), bytes);
    }
    assert.equal(text.document(uri, 'routerlog', 2).getText(), other.repeat(4));
  });

  it('gives a range as the parts of its pieces, where they lie, each clean only without CR, NUL, ESC or U+FFFD', () => {
    const doc = LogDocument.fromPieces('file:///x.log', 'routerlog', 1, ['one\ntwo\n', 'three\r\n', 'four\n', 'fi\u001bve\n']);
    const parts = (d: LogDocument, from: number, to: number) => {
      const out: unknown[] = [];
      d.eachPart(from, to, (text, start, end, clean) => out.push({ text, start, end, clean }));
      return out;
    };
    assert.deepEqual(parts(doc, 4, 8), [{ text: 'one\ntwo\n', start: 4, end: 8, clean: true }]);
    assert.deepEqual(parts(doc, 4, 10), [{ text: 'one\ntwo\n', start: 4, end: 8, clean: true }, { text: 'three\r\n', start: 0, end: 2, clean: false }], 'across two parts');
    assert.deepEqual(parts(doc, 15, 22), [{ text: 'four\n', start: 0, end: 5, clean: true }, { text: 'fi\u001bve\n', start: 0, end: 2, clean: false }], 'a part with an ESC');
    assert.deepEqual(parts(doc, 8, 8), [], 'an empty range');
    // An edit inside keeps what it knew of the parts around it, and looks at the new text.
    const edited = doc.update([{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 'N\u0000' }], 2).doc;
    assert.equal(edited.getText(), 'oN\u0000e\ntwo\nthree\r\nfour\nfi\u001bve\n');
    assert.deepEqual(parts(edited, 1, 3), [{ text: 'N\u0000', start: 0, end: 2, clean: false }], 'the new text holds a NUL');
    assert.deepEqual(parts(edited, 5, 9), [{ text: 'e\ntwo\n', start: 2, end: 6, clean: true }]);
  });

  it('keeps a big change given in pieces as those pieces: an append adds them, a whole new text is them', () => {
    const pieces = ['Mon Dec  2 18:00:00 2024 daemon.err gsmd[1]: a\r', '\nsecond line\n', 'third'];
    const doc = LogDocument.create('file:///x.log', 'routerlog', 1, 'first\n');
    const end = { line: 1, character: 0 };
    const appended = doc.update([{ range: { start: end, end }, text: '(token)', pieces }], 2).doc;
    assert.equal(appended.getText(), `first\n${pieces.join('')}`);
    assert.equal(appended.lineCount, 4, 'a CRLF cut between two pieces is one line end');
    const parts: string[] = [];
    appended.eachPart(0, appended.size, (text) => parts.push(text));
    assert.deepEqual(parts.slice(1), pieces, 'the pieces themselves, not a joined copy');
    const replaced = doc.update([{ text: '(token)', pieces }], 3).doc;
    assert.equal(replaced.getText(), pieces.join(''));
    assert.equal(replaced.lineCount, 3);
  });

  it('gives the offset each change starts at in the text it was made to', () => {
    const doc = LogDocument.create('file:///x.log', 'routerlog', 1, 'one\ntwo\n');
    const { doc: after, offsets } = doc.update([
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'three\n' },
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, text: 'NE' },
    ], 2);
    assert.deepEqual(offsets, [8, 1]);
    assert.equal(after.getText(), 'oNE\ntwo\nthree\n');
  });

  it('keeps its answers through hundreds of edits in a row (recorded over the old line starts, then joined)', () => {
    const text = Array.from({ length: 300 }, (_, i) => `line ${i}${i % 7 === 0 ? '\r\n' : '\n'}`).join('');
    let ours = LogDocument.create('file:///x.log', 'routerlog', 1, text);
    let theirs = TextDocument.create('file:///x.log', 'routerlog', 1, text);
    for (let v = 2; v < 300; v++) {
      const at = theirs.positionAt((v * 97) % theirs.getText().length);
      const event = { range: { start: at, end: { line: at.line + (v % 3), character: 2 } }, text: v % 4 === 0 ? 'new\nline\r' : 'x' };
      ours = ours.update([event], v).doc;
      theirs = TextDocument.update(theirs, [event], v);
      if (v === 280 || v === 290) {
        const end = theirs.positionAt(theirs.getText().length);
        const tail = { range: { start: end, end }, text: `appended ${v}\n` };
        ours = ours.update([tail], v).doc;
        theirs = TextDocument.update(theirs, [tail], v);
      }
      assert.equal(ours.lineCount, theirs.lineCount);
      if (v % 9 !== 0 && v < 290) continue;
      for (let line = 0; line < theirs.lineCount; line += 7) assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `v${v} line ${line}`);
      for (let off = 0; off < theirs.getText().length; off += 13) assert.deepEqual(ours.positionAt(off), theirs.positionAt(off), `v${v} offset ${off}`);
    }
    assert.equal(ours.getText(), theirs.getText());
  });
});

describe('line starts in blocks', () => {
  it('answer as a plain array of the same offsets, across blocks, after any pushes and pops', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.nat({ max: 2 ** 32 - 1 }), fc.constant(-1)), { maxLength: 60 }), (ops) => {
      const ours = new Starts(2);
      const plain: number[] = [];
      for (const op of ops) {
        if (op < 0) {
          ours.pop();
          plain.pop();
        } else {
          ours.push(op);
          plain.push(op);
        }
        assert.equal(ours.length, plain.length);
      }
      for (let k = 0; k < plain.length; k++) assert.equal(ours.at(k), plain[k]);
      // Ascending, they are looked up as the plain array is.
      const sorted = [...plain].sort((a, b) => a - b);
      const blocks = new Starts(2);
      for (const x of sorted) blocks.push(x);
      for (const probe of [0, ...sorted, ...sorted.map((x) => x + 1)]) assert.equal(lineAt(blocks, sorted.length, probe), lineAt(sorted, sorted.length, probe));
      for (let k = 0; k < sorted.length; k++) assert.equal(startAt(blocks, k), sorted[k]);
    }), { numRuns: 500 });
  });
});
