import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Utf8Pieces } from '../core/input/utf8Pieces';
import { BLOCK_BYTES, blockSum, FileBlock } from './fileBlocks';
import { DocumentText } from './logDocument';
import { OPEN_FROM_FILE_MARK } from './protocol';

// A big log opened from its file (protocol.ts, OPEN_FROM_FILE_MARK): the server reads the text
// VS Code would show and proves it is the editor's text by its SHA-1 and length before using it.
// SHA-1 here names content, as git's object ids do; nothing depends on it resisting an attacker:
// a forged match could only make the server read the document's own file.

/**
 * The largest file read for a mark: VS Code syncs no document over 50 MB, so a bigger file (or a
 * mark claiming one) is not read whole into memory; its text is asked for instead.
 */
export const OPEN_FROM_FILE_MAX_BYTES = 64 * 1024 * 1024;

/** What the mark in a didOpen says of the editor's text. */
export interface OpenFromFileMark {
  sha1: string;
  length: number;
}

/** The mark for a text (the client's side). */
export function openFromFileMark(text: string): string {
  return openFromFileMarkOfParts([text]);
}

/**
 * The mark for a text given in parts, one after the other: the mark of their join, without the
 * join. The client hashes a big document a thousand lines at a time, so the extension host never
 * builds its whole text (45 MB of lines joined and hashed: 215 ms on the development machine,
 * against 72 ms a thousand lines at a time, fresh processes).
 */
export function openFromFileMarkOfParts(parts: Iterable<string>): string {
  const { sha1, length } = partsSha1(parts);
  return `${OPEN_FROM_FILE_MARK}${sha1} ${length}`;
}

/** The mark a didOpen's text is, or undefined for a text of its own. */
export function readOpenFromFileMark(text: string): OpenFromFileMark | undefined {
  if (!text.startsWith(OPEN_FROM_FILE_MARK)) return undefined;
  const m = /^([0-9a-f]{40}) (\d{1,12})$/.exec(text.slice(OPEN_FROM_FILE_MARK.length));
  return m ? { sha1: m[1], length: Number(m[2]) } : undefined;
}

/** Characters encoded and hashed at a time (a surrogate pair is never cut). */
const HASH_CHARS = 1 << 16;

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * The SHA-1 of the UTF-8 of the parts' join, and its length in UTF-16 units. Encoded and hashed
 * in slices: a whole 45 MB text would first be encoded into 45 MB of fresh memory, which costs
 * five times the hashing on this machine (161 ms against 29 ms). No slice ends between the two
 * halves of a surrogate pair, within a part or across two (a high half at a part's end waits for
 * the next part), so the bytes are those of the whole text (a lone surrogate encodes to U+FFFD
 * either way).
 */
function partsSha1(parts: Iterable<string>): { sha1: string; length: number } {
  const hash = createHash('sha1');
  let length = 0;
  let held = '';
  for (const part of parts) {
    length += part.length;
    const text = held.length ? held + part : part;
    const stop = text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.length - 1 : text.length;
    for (let i = 0; i < stop; ) {
      let end = Math.min(stop, i + HASH_CHARS);
      if (end < stop && isHighSurrogate(text.charCodeAt(end - 1))) end++;
      hash.update(i === 0 && end === text.length ? text : text.slice(i, end), 'utf8');
      i = end;
    }
    held = text.slice(stop);
  }
  if (held.length) hash.update(held, 'utf8');
  return { sha1: hash.digest('hex'), length };
}

/** Bytes read and hashed at a time: one buffer, reused, so no memory the size of the file is touched. */
const READ_BYTES = 1 << 20;

/**
 * The text of the document's file as VS Code reads a UTF-8 file (a byte order mark dropped), when
 * it is the text the mark describes; otherwise undefined (not a `file:` URI, unreadable, another
 * size or content, not UTF-8).
 *
 * The bytes after the mark are hashed as they are: they are the UTF-8 of the editor's text
 * exactly when their hash is that of the text's UTF-8, which also makes them valid UTF-8, so
 * decoding them gives that text. (Hashing the bytes, not the decoded text, saves encoding 45 MB
 * again; a U+FFFD in the file is refused, since an editor's lone surrogate encodes to it too.)
 * The file is read and hashed a part at a time into one reused buffer, in blocks of 64 KiB: a
 * block of ASCII without NUL or ESC (nearly every block of a log, CRLF line ends or not) is left in
 * the file (fileBlocks.ts), its bytes looked at once for its line starts; any other is decoded and
 * kept as a string.
 */
export function readMarkedFile(uri: string, mark: OpenFromFileMark): DocumentText | undefined {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit (a BOM 3 bytes for none): a size outside is another text.
    if (size < mark.length || size > mark.length * 3 + 3 || size > OPEN_FROM_FILE_MAX_BYTES) return undefined;
    const buffer = Buffer.allocUnsafeSlow(Math.max(3, Math.min(size, READ_BYTES)));
    const hash = createHash('sha1');
    // The byte order mark is dropped here, before the hash.
    const utf8 = new Utf8Pieces({ ignoreBOM: true });
    const source = { uri, path };
    const text = new DocumentText();
    for (let at = 0; at < size; ) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
      if (n === 0) return undefined;
      const bom = at === 0 && n >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
      hash.update(buffer.subarray(bom, n));
      for (let b = bom; b < n; b += BLOCK_BYTES) {
        const bytes = buffer.subarray(b, Math.min(n, b + BLOCK_BYTES));
        if (utf8.atCharacterStart && isAscii(bytes) && bytes.indexOf(0) < 0 && bytes.indexOf(27) < 0) {
          // ASCII without NUL or ESC: left in the file; without CR also clean (logDocument.ts, isClean).
          if (text.size + bytes.length > mark.length) return undefined;
          text.addKept(new FileBlock(source, at + b, bytes.length, blockSum(bytes), bytes.indexOf(13) < 0), bytes);
          continue;
        }
        const block = utf8.decode(bytes);
        if (block.indexOf('\ufffd') >= 0 || text.size + block.length > mark.length) return undefined;
        text.add(block);
      }
      at += n;
    }
    // A character cut short at the end of the file is a U+FFFD.
    if (utf8.end() !== '') return undefined;
    return text.size === mark.length && hash.digest('hex') === mark.sha1 ? text : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
