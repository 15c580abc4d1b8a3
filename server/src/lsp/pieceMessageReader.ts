import { randomUUID } from 'node:crypto';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';
import { collectYoungGarbage } from './collectGarbage';
import { JsonStringPieces } from './jsonStringPieces';

/**
 * The server's reader of LSP messages over a byte stream (stdio), which keeps a big document's
 * text as pieces. vscode-jsonrpc's reader holds a 45 MB `didOpen` four times on its way to the
 * handler (the chunks read, the body they are joined into, the decoded JSON and the parsed text):
 * 227 MB peak for a server that does nothing with it, 231 MB for ours, over the 200 MB budget.
 * This one reads a body of BIG_BODY_BYTES or more as it arrives: a string value of HOLD_BYTES or
 * more is decoded straight from the chunks into text pieces (jsonStringPieces.ts) and the message
 * gets a token in its place, which the `didOpen` and `didChange` handlers exchange for the pieces
 * (HeldTexts.take) of a document's text or a change's; everything else in the body is parsed by
 * JSON.parse as before. Anywhere else a token is put back as the joined string, so no handler
 * sees one it does not expect.
 *
 * Framing is the base protocol's (`Content-Length` header, `\r\n\r\n`, UTF-8 body), as in
 * vscode-jsonrpc's ReadableStreamMessageReader; like that reader, it ignores a `Content-Type`
 * charset and reports a body that is not JSON as an error, then reads the next message. Smaller
 * bodies are decoded as that reader decodes them.
 *
 * No library was used for the big bodies. Of the maintained streaming JSON parsers, stream-json
 * hands a string over as a token object per run of up to 256 characters and per escape (several
 * per line of a log); @streamparser/json gathers a string whole before it gives it (its partial
 * tokens repeat the value so far). Neither keeps a string's value as pieces of text as its bytes
 * arrive, which is the point here.
 */
export class PieceMessageReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  /** Header bytes of the next message read so far (it may come in several chunks). */
  private header: Buffer | undefined;
  /** Bytes of the current body still to come; -1 while reading a header. */
  private remaining = -1;
  private small: Buffer[] = [];
  private big: BigBody | undefined;
  /** Why the current body cannot be read (its bytes are skipped, and this is reported at its end). */
  private failure: unknown;
  /** Bytes of big bodies read since the chunks read were last collected. */
  private uncollected = 0;

  private readonly bigBodyBytes: number;
  private readonly holdBytes: number;

  /** `sizes` are for tests, which read small messages the way big ones are read. */
  constructor(private readonly readable: NodeJS.ReadableStream, private readonly held: HeldTexts, sizes: { bigBodyBytes?: number; holdBytes?: number } = {}) {
    super();
    this.bigBodyBytes = sizes.bigBodyBytes ?? BIG_BODY_BYTES;
    this.holdBytes = sizes.holdBytes ?? HOLD_BYTES;
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('close', onClose);
      },
    };
  }

  /** Reads a chunk: the end of one message's header or body, maybe several messages, maybe part of one. */
  private onData(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining < 0) {
        at = this.readHeader(chunk, at);
        if (at < 0) return;
        continue;
      }
      const n = Math.min(this.remaining, chunk.length - at);
      if (this.failure !== undefined) {
        // skipped: the body is known to be bad
      } else if (this.big) {
        try {
          this.big.feed(chunk, at, at + n);
        } catch (error) {
          this.failure = error;
          this.big = undefined;
        }
        // The chunks read are garbage once fed: collected every few MiB, not all at the end.
        this.uncollected += n;
        if (this.uncollected >= COLLECT_EVERY_BYTES) {
          this.uncollected = 0;
          collectYoungGarbage();
        }
      } else this.small.push(chunk.subarray(at, at + n));
      at += n;
      this.remaining -= n;
      if (this.remaining === 0) this.endBody();
    }
  }

  /** Reads header bytes from `at`; returns where the body starts, or -1 if the chunk ended first. */
  private readHeader(chunk: Buffer, at: number): number {
    let bytes = chunk.subarray(at);
    if (this.header) bytes = Buffer.concat([this.header, bytes]);
    const end = bytes.indexOf(HEADER_END);
    if (end < 0) {
      if (bytes.length > MAX_HEADER_BYTES) {
        this.header = undefined;
        this.fireError(new Error(`A message header longer than ${MAX_HEADER_BYTES} bytes without its end (\\r\\n\\r\\n): the rest of the chunk is dropped.`));
      } else this.header = Buffer.from(bytes); // a copy: the chunk is not kept for a few bytes
      return -1;
    }
    const before = this.header ? this.header.length : 0;
    this.header = undefined;
    const length = contentLength(bytes.toString('latin1', 0, end));
    if (typeof length === 'string') {
      this.fireError(new Error(length));
      return -1;
    }
    this.remaining = length;
    this.small = [];
    this.big = length >= this.bigBodyBytes ? new BigBody(this.held, this.holdBytes) : undefined;
    const bodyAt = at + end + HEADER_END.length - before;
    if (length === 0) this.endBody();
    return bodyAt;
  }

  private endBody(): void {
    this.remaining = -1;
    const big = this.big;
    const small = this.small;
    const failure = this.failure;
    this.big = undefined;
    this.small = [];
    this.failure = undefined;
    let message: Message;
    try {
      if (failure !== undefined) throw failure;
      message = big ? big.end() : JSON.parse(Buffer.concat(small).toString('utf8'));
    } catch (error) {
      this.fireError(error);
      return;
    }
    this.callback?.(message);
  }
}

/**
 * The big texts of `didOpen` and `didChange` messages, by the token that stands for each in its message, till the
 * handler takes them. At most MAX_HELD are kept: messages are handled in order soon after they are
 * read, so more waiting would mean the handler never took them, and they must not add up; the
 * handler asks for a text it finds dropped again (server.ts).
 */
export class HeldTexts {
  /** A token starts with a NUL and this run's random id: no text a client sends is one by chance. */
  private readonly prefix = `\u0000gsmlens-held-text:${randomUUID()}:`;
  private next = 0;
  private readonly texts = new Map<string, string[]>();

  /** A new token, not yet standing for anything. */
  token(): string {
    return `${this.prefix}${this.next++}`;
  }

  hold(token: string, pieces: string[]): void {
    this.texts.set(token, pieces);
    for (const old of this.texts.keys()) {
      if (this.texts.size <= MAX_HELD) break;
      this.texts.delete(old);
    }
  }

  /** The pieces a token stands for (given once), or undefined for any other string. */
  take(value: string): string[] | undefined {
    if (!this.isToken(value)) return undefined;
    const pieces = this.texts.get(value);
    this.texts.delete(value);
    return pieces;
  }

  /** Whether a string is a token of this run. */
  isToken(value: string): boolean {
    return value.startsWith(this.prefix);
  }
}

/**
 * A big body read as it arrives. Bytes outside big strings are kept (the message's skeleton) and
 * parsed by JSON.parse at the end; a string whose bytes reach HOLD_BYTES is decoded into pieces
 * from then on, and the skeleton gets its token instead.
 */
class BigBody {
  private skeleton = Buffer.alloc(4096);
  private n = 0;
  private state = OUT;
  /** Where the current string's bytes start in the skeleton. */
  private stringStart = 0;
  private string: JsonStringPieces | undefined;
  /** The big strings read, by their tokens. */
  private readonly strings = new Map<string, string[]>();

  constructor(private readonly held: HeldTexts, private readonly holdBytes: number) {}

  feed(bytes: Uint8Array, from: number, end: number): void {
    let i = from;
    while (i < end) {
      if (this.state === HELD) {
        const closedAt = this.string!.feed(bytes, i, end);
        if (closedAt < 0) return;
        this.holdString();
        i = closedAt + 1;
        continue;
      }
      const b = bytes[i++];
      this.push(b);
      if (this.state === OUT) {
        if (b === QUOTE) {
          this.state = IN;
          this.stringStart = this.n;
        }
      } else if (this.state === IN_ESCAPE) this.state = IN;
      else if (b === QUOTE) this.state = OUT;
      else if (b === BACKSLASH) this.state = IN_ESCAPE;
      else if (this.n - this.stringStart >= this.holdBytes) this.holdFromHere();
    }
  }

  /** A big string: what was kept of it goes to a decoder, and its bytes after it. */
  private holdFromHere(): void {
    const string = new JsonStringPieces();
    string.feed(this.skeleton, this.stringStart, this.n);
    this.string = string;
    this.n = this.stringStart - 1; // its opening quote too: the token is written whole
    this.state = HELD;
  }

  /** The message, with a token for each big document or change text (any other big string put back whole). */
  end(): Message {
    if (this.state !== OUT) throw new SyntaxError('Unterminated string in JSON body');
    const message: unknown = JSON.parse(this.skeleton.toString('utf8', 0, this.n));
    if (this.strings.size === 0) return message as Message;
    for (const keep of keptTokens(message)) {
      const kept = this.strings.get(keep);
      if (!kept) continue;
      this.held.hold(keep, kept);
      this.strings.delete(keep);
    }
    if (this.strings.size > 0) putBack(message, this.strings);
    return message as Message;
  }

  private holdString(): void {
    const token = this.held.token();
    this.strings.set(token, this.string!.take());
    this.string = undefined;
    for (const b of Buffer.from(JSON.stringify(token), 'utf8')) this.push(b);
    this.state = OUT;
  }

  private push(b: number): void {
    if (this.n === this.skeleton.length) {
      const grown = Buffer.alloc(this.skeleton.length * 2);
      grown.set(this.skeleton);
      this.skeleton = grown;
    }
    this.skeleton[this.n++] = b;
  }
}

/**
 * The strings its handler takes as pieces: a `didOpen`'s text, the texts of a `didChange`'s
 * changes (a big paste, a log grown by megabytes); none in any other message.
 */
function keptTokens(message: unknown): string[] {
  const m = message as { method?: unknown; params?: { textDocument?: { text?: unknown }; contentChanges?: unknown } } | null;
  if (m?.method === DID_OPEN) {
    const text = m.params?.textDocument?.text;
    return typeof text === 'string' ? [text] : [];
  }
  if (m?.method !== DID_CHANGE || !Array.isArray(m.params?.contentChanges)) return [];
  const texts: string[] = [];
  for (const change of m.params.contentChanges as unknown[]) {
    const text = (change as { text?: unknown } | null)?.text;
    if (typeof text === 'string') texts.push(text);
  }
  return texts;
}

/** Replaces each token in a parsed message by its text, joined (walked without recursion: a body may nest deeply). */
function putBack(message: unknown, strings: Map<string, string[]>): void {
  const stack: unknown[] = [message];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === 'string') {
        const pieces = strings.get(v);
        if (pieces) record[key] = pieces.join('');
      } else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
}

/** The `Content-Length` of a header block, or what is wrong with it. */
function contentLength(header: string): number | string {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d{1,15}$/.test(value) ? Number(value) : `Content-Length value must be a number. Got ${value}`;
  }
  return `Header must provide a Content-Length property.\n${JSON.stringify(header)}`;
}

const DID_OPEN = 'textDocument/didOpen';
const DID_CHANGE = 'textDocument/didChange';
/** Bodies this long are read as they arrive (smaller ones are joined and parsed, as vscode-jsonrpc does). */
export const BIG_BODY_BYTES = 1 << 20;
/** Strings this long (in the body's bytes) are decoded into pieces. */
export const HOLD_BYTES = 256 * 1024;
const MAX_HELD = 4;
/** A scavenge every this many bytes of a big body keeps the chunks read from piling up (collectGarbage.ts). */
const COLLECT_EVERY_BYTES = 8 << 20;
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OUT = 0;
const IN = 1;
const IN_ESCAPE = 2;
const HELD = 3;
