import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LogDocument } from '../server/src/lsp/logDocument';

// The server's own document must be the library's TextDocument in every answer an editor feature
// reads (text, ranges, offsets, positions, line count), for any text and any sequence of edits,
// including appends that split a CRLF and edits inside the text. Only the cost of appends differs.
const piece = fc.array(fc.constantFrom('a', 'b', 'é', '\n', '\r', '\r\n', 'line ', '😀'), { maxLength: 12 }).map((p) => p.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 15 }) });
const change = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), text: piece }),
  // VS Code sends ranges inside the text (the library mis-counts lines for ranges past the end).
  fc.record({ kind: fc.constant('edit' as const), start: fc.nat(), end: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('full' as const), text: piece }),
);

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
  const end = theirs.positionAt(theirs.getText().length);
  for (const p of probes) assert.equal(ours.textFrom(theirs.offsetAt(p)), theirs.getText({ start: p, end }));
}

describe('LogDocument', () => {
  it('answers as vscode-languageserver-textdocument does after any appends and edits', () => {
    fc.assert(fc.property(piece, fc.array(change, { maxLength: 24 }), fc.array(position, { maxLength: 6 }), (initial, changes, probes) => {
      let ours = LogDocument.create('file:///x.log', 'routerlog', 1, initial);
      let theirs = TextDocument.create('file:///x.log', 'routerlog', 1, initial);
      const older: [LogDocument, string][] = [];
      let version = 1;
      for (const c of changes) {
        version++;
        const event = c.kind === 'full' ? { text: c.text } : c.kind === 'append'
          ? { range: { start: theirs.positionAt(theirs.getText().length), end: theirs.positionAt(theirs.getText().length) }, text: c.text }
          : { range: { start: theirs.positionAt(c.start % (theirs.getText().length + 1)), end: theirs.positionAt(c.end % (theirs.getText().length + 1)) }, text: c.text };
        older.push([ours, theirs.getText()]);
        ours = ours.update([event], version).doc;
        theirs = TextDocument.update(theirs, [event], version);
        same(ours, theirs, probes);
      }
      // A result made from an older version keeps reading that version's text.
      for (const [doc, text] of older) assert.equal(doc.getText(), text);
    }), { numRuns: 1000 });
  });

  it('read in parts (a file read a part at a time), answers as the library does for the whole text, before and after changes', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.array(change, { maxLength: 8 }), fc.array(position, { maxLength: 6 }), (parts, changes, probes) => {
      const initial = parts.join('');
      let ours = LogDocument.fromPieces('file:///x.log', 'routerlog', 1, parts);
      let theirs = TextDocument.create('file:///x.log', 'routerlog', 1, initial);
      same(ours, theirs, probes);
      let version = 1;
      for (const c of changes) {
        version++;
        const length = theirs.getText().length;
        const event = c.kind === 'full' ? { text: c.text } : c.kind === 'append'
          ? { range: { start: theirs.positionAt(length), end: theirs.positionAt(length) }, text: c.text }
          : { range: { start: theirs.positionAt(c.start % (length + 1)), end: theirs.positionAt(c.end % (length + 1)) }, text: c.text };
        ours = ours.update([event], version).doc;
        theirs = TextDocument.update(theirs, [event], version);
        same(ours, theirs, probes);
      }
    }), { numRuns: 500 });
  });

  it('says where a range lies in place only inside one clean part (no CR, NUL, ESC or U+FFFD)', () => {
    const doc = LogDocument.fromPieces('file:///x.log', 'routerlog', 1, ['one\ntwo\n', 'three\r\n', 'four\n', 'fi\u001bve\n']);
    assert.deepEqual(doc.cleanRange(4, 8), { text: 'one\ntwo\n', start: 4, end: 8 });
    assert.equal(doc.cleanRange(4, 10), undefined, 'across two parts');
    assert.equal(doc.cleanRange(8, 12), undefined, 'a part with a CR');
    assert.deepEqual(doc.cleanRange(15, 20), { text: 'four\n', start: 0, end: 5 });
    assert.equal(doc.cleanRange(20, 22), undefined, 'a part with an ESC');
    // An edit inside keeps what it knew of the parts around it, and looks at the new text.
    const edited = doc.update([{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 'N\u0000' }], 2).doc;
    assert.equal(edited.getText(), 'oN\u0000e\ntwo\nthree\r\nfour\nfi\u001bve\n');
    assert.equal(edited.cleanRange(1, 3), undefined, 'the new text holds a NUL');
    assert.deepEqual(edited.cleanRange(5, 9), { text: 'e\ntwo\n', start: 2, end: 6 });
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
