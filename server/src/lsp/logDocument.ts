import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hasOtherWhitespace, hasTypographicQuote, hasUnicodeSpace } from '../core/input/unicodeSpaces';
import type { KeptText } from './fileBlocks';
import { edited, lineAt, startAt, Starts, toStarts, type LineStarts } from './lineStarts';

const LF = 10;
const CR = 13;

/** Offsets where lines start after `from` in `text` (a line ends at LF, CRLF or a lone CR). */
function lineStartsIn(text: string, base: number, out: { push(offset: number): void }): void {
  // Most logs have no CR at all: the engine's own search finds LFs several times faster than a
  // loop over every character (47 MB: about 30 ms against 170 ms).
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(base + i + 1);
    return;
  }
  // With CRs (a log saved on Windows), CRs and LFs are found by the same search, in turn: a CR
  // right before an LF ends no line of its own, the LF ends it. (A loop over every character took
  // 4-5x the time.)
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    if (lf >= 0 && (cr < 0 || lf < cr)) {
      out.push(base + lf + 1);
      lf = text.indexOf('\n', lf + 1);
      continue;
    }
    if (text.charCodeAt(cr + 1) !== LF) out.push(base + cr + 1);
    cr = text.indexOf('\r', cr + 1);
  }
}

/**
 * Whether a text holds none of the characters that make the line splitter look at a line on its
 * own (CR, NUL, ESC, U+FFFD, a space other than ASCII's, other whitespace: hasOtherWhitespace, a typographic quote): such a piece's lines can be read where
 * they lie (LineSplitter.pushCleanRange). Native scans, once per piece.
 */
export function isClean(text: string): boolean {
  return text.indexOf('\r') < 0 && text.indexOf('\0') < 0 && text.indexOf('\u001b') < 0 && text.indexOf('\ufffd') < 0 && !hasUnicodeSpace(text) && !hasOtherWhitespace(text) && !hasTypographicQuote(text);
}

/** A change as VS Code sends it; a big text read over stdio comes as `pieces` (pieceMessageReader.ts), which then stand for `text`. */
export type DocumentChange = TextDocumentContentChangeEvent & { pieces?: readonly string[] };

/**
 * A piece of a document's text: a string, or text kept in the document's file (fileBlocks.ts),
 * read when it is needed, which says itself whether it is clean (isClean).
 */
type Piece = string | KeptText;

/** The storage a document and the documents appended from it share: only ever pushed to. */
interface Store {
  pieces: Piece[];
  /** Whether each piece is clean (isClean); a slice of a piece is as clean as the piece. */
  clean: boolean[];
  /** Offset of each piece's first character. */
  pieceStarts: number[];
  /** Plain `Starts` while appends push to them; after an edit inside the text, possibly that edit over the old starts. */
  lineStarts: LineStarts;
  /**
   * The last kept piece read, and its text: a hover, a range and the next slice of a re-read often
   * read the same block (two, so that a slice that ends in the next block reads neither twice).
   */
  lastRead: [KeptText | undefined, string, KeptText | undefined, string];
}

function newStore(lineStarts: LineStarts): Store {
  return { pieces: [], clean: [], pieceStarts: [], lineStarts, lastRead: [undefined, '', undefined, ''] };
}

/**
 * Adds a piece (not empty) to `store` after its `length` characters, with its line starts, found in
 * `text`: the piece's characters (the piece itself, or what a kept piece reads now), or for a
 * clean kept piece its bytes, ASCII without CR, a character a byte, whose line starts follow each
 * LF (found by the native search of bytes, faster here than decoding them and searching the
 * string: 7-8 ms against 11-12 ms for 45 MB, warm). A CRLF cut between two pieces is one line end:
 * the LF's start replaces the CR's (`lastIsCr`: the text before ends with CR). Returns whether
 * this one does.
 */
function pushPiece(store: Store, lineStarts: Starts, piece: Piece, text: string | Buffer, length: number, lastIsCr: boolean): boolean {
  if (lastIsCr && (typeof text === 'string' ? text.charCodeAt(0) : text[0]) === LF) lineStarts.pop();
  store.pieces.push(piece);
  store.clean.push(typeof piece === 'string' ? isClean(piece) : piece.clean);
  store.pieceStarts.push(length);
  if (typeof text === 'string') {
    lineStartsIn(text, length, lineStarts);
    return text.charCodeAt(text.length - 1) === CR;
  }
  for (let i = text.indexOf(LF); i >= 0; i = text.indexOf(LF, i + 1)) lineStarts.push(length + i + 1);
  return false;
}

/** Adds `texts` (empty ones skipped) to `store` after its `length` characters (pushPiece); returns the new length. */
function pushPieces(store: Store, lineStarts: Starts, texts: readonly string[], length: number): number {
  let lastIsCr = false;
  for (const text of texts) {
    if (text.length === 0) continue;
    lastIsCr = pushPiece(store, lineStarts, text, text, length, lastIsCr);
    length += text.length;
  }
  return length;
}

/**
 * A document's text gathered piece by piece, as a file is read: strings, and text kept in the
 * file, whose bytes are looked at once as they are added (for their line starts) and not decoded.
 * `document` makes the document of what was added.
 */
export class DocumentText {
  private readonly lineStarts = new Starts();
  private readonly store: Store = newStore(this.lineStarts);
  private length = 0;
  private lastIsCr = false;

  constructor() {
    this.lineStarts.push(0);
  }

  /** Adds a text (an empty one is skipped). */
  add(text: string): void {
    this.addPiece(text, text);
  }

  /**
   * Adds kept text (fileBlocks.ts) that is the bytes `bytes` now: ASCII, a character a byte. A
   * clean one's line starts are found in its bytes (pushPiece); with CRs, the bytes are decoded
   * once and searched as any text is.
   */
  addKept(kept: KeptText, bytes: Buffer): void {
    this.addPiece(kept, kept.clean ? bytes : bytes.toString('latin1'));
  }

  private addPiece(piece: Piece, text: string | Buffer): void {
    if (text.length === 0) return;
    this.lastIsCr = pushPiece(this.store, this.lineStarts, piece, text, this.length, this.lastIsCr);
    this.length += text.length;
  }

  /** Characters added so far. */
  get size(): number {
    return this.length;
  }

  document(uri: string, languageId: string, version: number): LogDocument {
    return LogDocument.ofStore(uri, languageId, version, this.store, this.length, this.lineStarts.length);
  }
}

/**
 * An editor document as the language server holds it: the `TextDocument` interface of
 * vscode-languageserver-textdocument, made for logs that grow.
 *
 * That library keeps the text as one string and, on every change, builds a new one from
 * `before + change + after` and reads a character of it. V8 then copies the whole text into a
 * flat string: about 150 ms per append on a 45 MB log, and a fresh 45 MB copy each time (issue 11,
 * server RSS across appends). Here an append adds a piece and the starts of its lines; the text is
 * joined into one string only when it is read whole (after an edit inside it). Each document is an
 * immutable view of the first `pieceCount` pieces and `lineCount` lines of a shared store, so a
 * result made from an older version keeps seeing that version. A piece may be text left in the
 * document's file (a big saved log, fileBlocks.ts): its line starts are known, its text is read
 * again when something asks for it, and reading it throws `TextGone` if the file changed.
 */
export class LogDocument implements TextDocument {
  private flat: string | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly store: Store,
    private readonly pieceCount: number,
    readonly lineCount: number,
    private readonly length: number,
  ) {}

  static create(uri: string, languageId: string, version: number, text: string): LogDocument {
    const doc = LogDocument.fromPieces(uri, languageId, version, [text]);
    doc.flat = text;
    return doc;
  }

  /**
   * A document whose text is these pieces one after the other (a file read in parts, which is
   * never joined into one string unless it is read whole).
   */
  static fromPieces(uri: string, languageId: string, version: number, texts: readonly string[]): LogDocument {
    const text = new DocumentText();
    for (const t of texts) text.add(t);
    return text.document(uri, languageId, version);
  }

  /** The document of a store DocumentText has just filled, with its length and line count. */
  static ofStore(uri: string, languageId: string, version: number, store: Store, length: number, lineCount: number): LogDocument {
    if (store.pieces.length === 0) {
      store.pieces.push('');
      store.clean.push(true);
      store.pieceStarts.push(0);
    }
    return new LogDocument(uri, languageId, version, store, store.pieces.length, lineCount, length);
  }

  /**
   * The document after VS Code's changes, applied in order, with the offset where each change
   * starts in the text it was made to (what `DocumentAnalysis` needs to tell an append).
   */
  update(changes: readonly DocumentChange[], version: number): { doc: LogDocument; offsets: number[] } {
    let doc: LogDocument = this;
    const offsets: number[] = [];
    for (const change of changes) {
      if (!('range' in change)) {
        offsets.push(-1);
        doc = change.pieces ? LogDocument.fromPieces(doc.uri, doc.languageId, version, change.pieces) : LogDocument.create(doc.uri, doc.languageId, version, change.text);
        continue;
      }
      // A range given end first is read start first, as the library does.
      const { start: a, end: b } = change.range;
      const [from, to] = a.line > b.line || (a.line === b.line && a.character > b.character) ? [b, a] : [a, b];
      const start = doc.offsetAt(from);
      const end = doc.offsetAt(to);
      offsets.push(start);
      // A text in pieces is added as pieces at the end; inside the text it is joined once.
      const texts = change.pieces ?? [change.text];
      doc = start === doc.length && end === doc.length ? doc.appended(texts, version) : doc.replaced(start, end, texts.length === 1 ? texts[0] : texts.join(''), version);
    }
    return { doc, offsets };
  }

  /** The text `texts` (one string, or the pieces a big one was read in) added at the end. */
  private appended(texts: readonly string[], version: number): LogDocument {
    const added = texts.filter((t) => t.length > 0);
    if (added.length === 0) return this.withVersion(version);
    // A CRLF split between the old end and the new text moves the start of the last line: the
    // stored starts are shared with this version, so that rare case starts a store of its own.
    const lastIsCr = this.length > 0 && this.charAt(this.length - 1) === CR;
    // Appends push to plain starts: an edit recorded over the old ones is joined into them first.
    if (!(this.store.lineStarts instanceof Starts)) this.store.lineStarts = toStarts(this.store.lineStarts, this.lineCount);
    const lineStarts = this.store.lineStarts;
    const shared = this.store.pieces.length === this.pieceCount && lineStarts.length === this.lineCount;
    if (!shared || (lastIsCr && added[0].charCodeAt(0) === LF)) return this.replaced(this.length, this.length, added.join(''), version);
    const length = pushPieces(this.store, lineStarts, added, this.length);
    return new LogDocument(this.uri, this.languageId, version, this.store, this.store.pieces.length, lineStarts.length, length);
  }

  /**
   * An edit inside the text: a new store whose pieces are slices of this one's around the new
   * text. V8 slices share the characters, so no 45 MB string is built (that costs 150 ms, and an
   * edit arrives per keystroke). Line starts are found again only from the line before the edit to
   * the end of its last line (a CR before the edit may meet an LF after it); those after it move by
   * the change in length.
   */
  private replaced(start: number, end: number, text: string, version: number): LogDocument {
    const store = newStore([]);
    let length = 0;
    const add = (piece: Piece, clean = typeof piece === 'string' ? isClean(piece) : piece.clean): void => {
      if (piece.length === 0) return;
      store.pieces.push(piece);
      store.clean.push(clean);
      store.pieceStarts.push(length);
      length += piece.length;
    };
    this.eachPiece(0, start, add);
    add(text);
    this.eachPiece(end, this.length, add);
    if (store.pieces.length === 0) {
      store.pieces.push('');
      store.clean.push(true);
      store.pieceStarts.push(0);
    }
    const old = this.store.lineStarts;
    const fromLine = Math.max(0, this.positionAt(start).line - 1);
    const endLine = this.positionAt(end).line;
    const from = startAt(old, fromLine);
    const to = endLine + 1 < this.lineCount ? startAt(old, endLine + 1) : this.length;
    const delta = text.length - (end - start);
    const region: number[] = [];
    lineStartsIn(this.slice(from, start) + text + this.slice(end, to), from, region);
    // The region ends with the line end before `to`: its last start is the first one moved below.
    if (endLine + 1 < this.lineCount && region[region.length - 1] === to + delta) region.pop();
    // Recorded over the old starts, not copied: see lineStarts.ts.
    store.lineStarts = edited(old, this.lineCount, fromLine + 1, region, endLine + 1, delta);
    const lineCount = fromLine + 1 + region.length + (this.lineCount - endLine - 1);
    return new LogDocument(this.uri, this.languageId, version, store, store.pieces.length, lineCount, length);
  }

  /**
   * The pieces (slices of them at the ends) that hold `from`..`to`, and whether each is clean;
   * kept pieces stay kept (a part of one is kept too).
   */
  private eachPiece(from: number, to: number, each: (piece: Piece, clean: boolean) => void): void {
    if (to <= from) return;
    const { pieces, pieceStarts } = this.store;
    for (let i = this.pieceOf(from); i < this.pieceCount && pieceStarts[i] < to; i++) {
      const s = pieceStarts[i];
      const piece = pieces[i];
      const a = Math.max(0, from - s);
      const b = Math.min(piece.length, to - s);
      each(a === 0 && b === piece.length ? piece : typeof piece === 'string' ? piece.slice(a, b) : piece.part(a, b), this.store.clean[i]);
    }
  }

  /** The text of piece `i`: a kept piece is read (throws `TextGone` when it can no longer be). */
  private textOf(i: number): string {
    const piece = this.store.pieces[i];
    return typeof piece === 'string' ? piece : readKept(this.store, piece);
  }

  private withVersion(version: number): LogDocument {
    const doc = new LogDocument(this.uri, this.languageId, version, this.store, this.pieceCount, this.lineCount, this.length);
    doc.flat = this.flat;
    return doc;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    if (this.flat === undefined) {
      const texts: string[] = [];
      for (let i = 0; i < this.pieceCount; i++) texts.push(this.textOf(i));
      this.flat = texts.length === 1 ? texts[0].slice(0, this.length) : texts.join('');
    }
    return this.flat;
  }

  /** Where the last line starts: everything before it is complete lines. */
  get lastLineStart(): number {
    return startAt(this.store.lineStarts, this.lineCount - 1);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const line = lineAt(this.store.lineStarts, this.lineCount, offset);
    const start = startAt(this.store.lineStarts, line);
    return { line, character: this.beforeLineEnd(offset, start) - start };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.length;
    if (position.line < 0) return 0;
    const lineStart = startAt(this.store.lineStarts, position.line);
    if (position.character <= 0) return lineStart;
    const next = this.nextLineStart(position.line);
    return this.beforeLineEnd(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    if (line >= this.lineCount) {
      const last = this.lineCount - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - startAt(this.store.lineStarts, last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = startAt(this.store.lineStarts, line);
    const next = this.nextLineStart(line);
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineEnd(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line >= this.lineCount || line < 0) return '';
    const start = startAt(this.store.lineStarts, line);
    const next = this.nextLineStart(line);
    return this.slice(this.beforeLineEnd(next, start), next);
  }

  /** Where the line after `line` starts, or the end of the text. */
  private nextLineStart(line: number): number {
    return line + 1 < this.lineCount ? startAt(this.store.lineStarts, line + 1) : this.length;
  }

  /** Never inside a line's end: at most just before its CR or LF (as vscode-languageserver-textdocument). */
  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const c = this.charAt(offset - 1);
      if (c !== LF && c !== CR) break;
      offset--;
    }
    return offset;
  }

  private charAt(offset: number): number {
    const i = this.pieceOf(offset);
    return this.textOf(i).charCodeAt(offset - this.store.pieceStarts[i]);
  }

  /** Index of the piece that holds `offset` (the last piece for the end). */
  private pieceOf(offset: number): number {
    return Math.max(0, lineAt(this.store.pieceStarts, this.pieceCount, offset));
  }

  private slice(from: number, to: number): string {
    if (to <= from) return '';
    if (this.flat !== undefined) return this.flat.slice(from, to);
    // Piece by piece through `textOf`, so a kept piece read for the last hover is not read again.
    const parts: string[] = [];
    this.eachPart(from, to, (text, a, b) => parts.push(a === 0 && b === text.length ? text : text.slice(a, b)));
    return parts.length === 1 ? parts[0] : parts.join('');
  }

  /**
   * `from`..`to` as the parts of the pieces that hold it, in order, each given where it lies
   * (its piece, and the range in it) with whether that piece is clean (isClean): a caller reads
   * the text without it being joined or sliced.
   */
  eachPart(from: number, to: number, each: (text: string, start: number, end: number, clean: boolean) => void): void {
    from = Math.max(0, from);
    to = Math.min(to, this.length);
    if (to <= from) return;
    const { pieces, pieceStarts, clean } = this.store;
    for (let i = this.pieceOf(from); i < this.pieceCount && pieceStarts[i] < to; i++) {
      const s = pieceStarts[i];
      each(this.textOf(i), Math.max(0, from - s), Math.min(pieces[i].length, to - s), clean[i]);
    }
  }

  /** Characters in the text. */
  get size(): number {
    return this.length;
  }
}

/** A kept piece's text, through the store's last reads. */
function readKept(store: Store, kept: KeptText): string {
  const last = store.lastRead;
  if (last[0] === kept) return last[1];
  if (last[2] === kept) return last[3];
  const text = kept.read();
  last[2] = last[0];
  last[3] = last[1];
  last[0] = kept;
  last[1] = text;
  return text;
}
