import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { OPEN_FROM_FILE_MAX_BYTES, openFromFileMark, openFromFileMarkOfParts, readMarkedFile, readOpenFromFileMark } from '../server/src/lsp/openFromFile';
import { blockSum, TextGone, wordSum } from '../server/src/lsp/fileBlocks';

// The server's side of opening a saved log from its file (protocol.ts, OPEN_FROM_FILE_MARK): the
// file's text is used only when it is the editor's text, and reading it stays bounded.

const dir = mkdtempSync(join(tmpdir(), 'gsmlens-open-from-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, bytes: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return pathToFileURL(path).toString();
}

const read = (uri: string, editorText: string): string | undefined => readMarkedFile(uri, readOpenFromFileMark(openFromFileMark(editorText))!)?.document(uri, 'routerlog', 1).getText();

describe('opening a document from its file', () => {
  it('gives the file\'s text when it is the editor\'s text, with or without a byte order mark', () => {
    const text = 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: é ü 模\n'.repeat(50);
    assert.equal(read(fileWith('plain.log', text), text), text);
    assert.equal(read(fileWith('bom.log', `\ufeff${text}`), text), text);
  });

  it('gives nothing when the file holds another text: other bytes, other line ends, another encoding, malformed UTF-8, U+FFFD', () => {
    const text = 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: é\n'.repeat(50);
    assert.equal(read(fileWith('other.log', text.replace('é', 'è')), text), undefined);
    assert.equal(read(fileWith('crlf.log', text.replace(/\n/g, '\r\n')), text), undefined);
    assert.equal(read(fileWith('latin1.log', Buffer.from(text, 'latin1')), text), undefined);
    // The editor shows malformed bytes as U+FFFD: the file's bytes are not that text's UTF-8.
    assert.equal(read(fileWith('malformed.log', Buffer.concat([Buffer.from('ab'), Buffer.from([0xff]), Buffer.from('cd')])), 'ab\ufffdcd'), undefined);
    // A U+FFFD written in the file: an editor's lone surrogate would encode to the same bytes.
    assert.equal(read(fileWith('replacement.log', 'ab\ufffdcd'), 'ab\ud800cd'), undefined);
    assert.equal(read('untitled:Untitled-1', text), undefined);
    assert.equal(read(pathToFileURL(join(dir, 'missing.log')).toString(), text), undefined);
  });

  it('gives the text of a big file with characters of 2, 3 and 4 bytes across every 64 KiB edge', () => {
    // Reading or decoding the file in parts must not cut a character: one lies across each edge
    // (1, 2 or 3 of its bytes before it), between ASCII runs.
    const chars = ['é', '模', '😀'];
    const line = 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: padding\n';
    let text = '';
    let bytes = 0;
    for (let edge = 1 << 16, k = 0; edge <= 3 << 20; edge += 1 << 16, k++) {
      const c = chars[k % 3];
      const size = Buffer.byteLength(c);
      // 1 to size - 1 of the character's bytes before the edge.
      const before = 1 + (k % (size - 1));
      const pad = edge - before - bytes;
      text += line.repeat(Math.floor(pad / line.length)) + 'x'.repeat(pad % line.length) + c;
      bytes = edge - before + size;
      assert.equal(Buffer.byteLength(text), bytes);
    }
    text += '\nlast line ü\n';
    assert.equal(read(fileWith('big.log', text), text), text);
    // A byte order mark moves every edge by three bytes.
    assert.equal(read(fileWith('big-bom.log', `\ufeff${text}`), text), text);
    // One byte changed far into the file is another text.
    const changed = Buffer.from(text);
    changed[changed.length - 5] ^= 1;
    assert.equal(read(fileWith('big-changed.log', changed), text), undefined);
  });

  it('leaves the ASCII of a log in its file and decodes the rest: the same text, and a later write to the file is seen', () => {
    // Blocks of 64 KiB: plain ASCII ones stay in the file; one with an é, CRLFs, a NUL or an ESC is
    // decoded and held (the ASCII block after a non-ASCII one goes through the decoder too).
    const line = (i: number): string => `Mon Dec  2 19:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 2024 daemon.info dnsmasq[2170]: query[A] example.com from 192.168.1.${i % 250}\n`;
    const block = (k: number, odd: string): string => {
      let t = '';
      for (let i = 0; t.length < 70_000; i++) t += line(k * 1000 + i);
      return t.slice(0, 30_000) + odd + t.slice(30_000);
    };
    const text = ['', 'é', '', '\r\n', '', '\u0000', '', '\u001b[0m', '', '😀', '', ''].map((odd, k) => block(k, odd)).join('');
    const uri = fileWith('mixed.log', text);
    const open = () => readMarkedFile(uri, readOpenFromFileMark(openFromFileMark(text))!)?.document(uri, 'routerlog', 1);
    const whole = open();
    assert.ok(whole);
    assert.equal(whole.getText(), text);
    assert.equal(whole.lineCount, text.split(/\r\n|\n/).length);
    const doc = open()!;
    // A byte of the first block changed on disk: the text the server held is gone from the file.
    const bytes = Buffer.from(text);
    bytes[100] ^= 1;
    writeFileSync(new URL(uri), bytes);
    const again = readMarkedFile(uri, readOpenFromFileMark(openFromFileMark(text))!);
    assert.equal(again, undefined, 'the file no longer holds the text');
    assert.throws(() => doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }), TextGone);
  });

  it('sums a block so that any one byte changed changes the sum', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.nat({ max: 3 }), (bytes, at, flip, offset) => {
      // At any alignment in its buffer, as a block read into a shared buffer may be.
      const place = (b: Uint8Array): Uint8Array => { const buf = new Uint8Array(b.length + offset); buf.set(b, offset); return buf.subarray(offset); };
      const changed = Uint8Array.from(bytes);
      changed[at % bytes.length] ^= flip;
      assert.notEqual(wordSum(place(changed)), wordSum(place(bytes)));
      assert.equal(wordSum(place(bytes)), wordSum(Uint8Array.from(bytes)));
      assert.notEqual(blockSum(changed), blockSum(bytes));
    }), { numRuns: 2000 });
  });

  it('reads no file over the largest one VS Code could have synced, whatever the mark claims', () => {
    // A sparse file of NULs: valid UTF-8, and the mark is right, but it is too big to read whole.
    const path = join(dir, 'huge.log');
    writeFileSync(path, '');
    truncateSync(path, OPEN_FROM_FILE_MAX_BYTES + 1);
    const text = '\0'.repeat(OPEN_FROM_FILE_MAX_BYTES + 1);
    assert.equal(read(pathToFileURL(path).toString(), text), undefined);
    // Just under the bound the same file is read.
    truncateSync(path, OPEN_FROM_FILE_MAX_BYTES);
    assert.equal(read(pathToFileURL(path).toString(), text.slice(1))?.length, OPEN_FROM_FILE_MAX_BYTES);
  });

  it('hashes a text in parts as its whole UTF-8: surrogate pairs and lone surrogates across every part\'s edge', () => {
    // The client hashes the editor's text 64K characters at a time; the server hashes the file's bytes.
    const textWith = (atEdges: readonly string[]): string => {
      let text = '';
      for (let k = 1; k <= 6; k++) {
        const filler = 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: padding é\n';
        const pad = k * (1 << 16) - 1 - text.length;
        text += filler.repeat(Math.floor(pad / filler.length)) + 'x'.repeat(pad % filler.length) + atEdges[k % atEdges.length] + 'tail';
      }
      return text;
    };
    const sha1 = (text: string): string => createHash('sha1').update(Buffer.from(text, 'utf8')).digest('hex');
    // A pair across each edge: the file holding the text's UTF-8 is taken for it.
    const pairs = textWith(['😀', '𝄞']);
    assert.equal(readOpenFromFileMark(openFromFileMark(pairs))?.sha1, sha1(pairs));
    assert.equal(read(fileWith('pairs.log', pairs), pairs), pairs);
    // Lone surrogates at the edges (an editor can hold them): the same hash as the whole text's UTF-8.
    const lone = textWith(['\ud83d', '\ude00', '😀']);
    assert.equal(readOpenFromFileMark(openFromFileMark(lone))?.sha1, sha1(lone));
  });

  it('gives a text in parts (a document a thousand lines at a time) the mark of their join, however it is cut', () => {
    // The client hashes a big document in parts: a part may end anywhere, a surrogate pair's
    // halves and a lone surrogate included, and the mark must still be the whole text's.
    const unit = fc.constantFrom('a', 'é', '模', '😀', '\ud83d', '\ude00', '\n', '\r\n', 'Mon Dec  2 19:54:59 2024 ');
    fc.assert(fc.property(fc.array(fc.array(unit, { maxLength: 8 }).map((u) => u.join('')), { maxLength: 10 }), (parts) => {
      assert.equal(openFromFileMarkOfParts(parts), openFromFileMark(parts.join('')));
    }), { numRuns: 2000 });
    // Parts longer than a hashed slice (64K characters), one cut inside a pair at a slice's edge.
    const long = 'x'.repeat((1 << 16) - 1) + '😀' + 'y'.repeat(70_000);
    assert.equal(openFromFileMarkOfParts([long.slice(0, 1 << 16), long.slice(1 << 16)]), openFromFileMark(long));
    assert.equal(openFromFileMarkOfParts([]), openFromFileMark(''));
  });

  it('reads a mark only in its own shape', () => {
    assert.deepEqual(readOpenFromFileMark(openFromFileMark('abc')), { sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d', length: 3 });
    assert.equal(readOpenFromFileMark('abc'), undefined);
    assert.equal(readOpenFromFileMark(`${openFromFileMark('abc')} extra`), undefined);
  });
});
