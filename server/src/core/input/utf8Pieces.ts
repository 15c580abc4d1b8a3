import { isAscii } from 'node:buffer';

/**
 * UTF-8 bytes decoded a piece at a time: a piece of ASCII as latin1 (the same text, several times
 * faster than the UTF-8 decoder), any other by a streaming decoder, which keeps a character cut at
 * a piece's end for the next. The line splitter decodes files and pipes so (64 KiB pieces), and
 * the language server a saved log it reads from disk (1 MiB parts, lsp/openFromFile.ts).
 */
export class Utf8Pieces {
  private readonly decoder: TextDecoder;
  /**
   * Whether the decoder may hold the first bytes of a character cut at the end of the last piece:
   * the next piece then goes to it even if it is ASCII (which it is only when the bytes are not
   * UTF-8, and the decoder then says so with a U+FFFD).
   */
  private midCharacter = false;
  /**
   * Whether the next piece starts a character: when it does and it is ASCII, a caller may take its
   * bytes as they are without decoding them (lsp/openFromFile.ts).
   */
  get atCharacterStart(): boolean {
    return !this.midCharacter;
  }

  /** Whether the last piece decoded was ASCII. */
  ascii = false;

  /** `ignoreBOM`: keep a byte order mark at the start as text (TextDecoder's option), for a caller that drops it itself. */
  constructor(options: { ignoreBOM?: boolean } = {}) {
    this.decoder = new TextDecoder('utf-8', { ignoreBOM: options.ignoreBOM ?? false });
  }

  decode(piece: Uint8Array): string {
    this.ascii = !this.midCharacter && isAscii(piece);
    if (this.ascii) return Buffer.from(piece.buffer, piece.byteOffset, piece.length).toString('latin1');
    this.midCharacter = piece.length > 0 && piece[piece.length - 1] >= 0x80;
    return this.decoder.decode(piece, { stream: true });
  }

  /** What the decoder still holds once the bytes have ended: '' or, for a character cut short, U+FFFD. */
  end(): string {
    this.midCharacter = false;
    return this.decoder.decode();
  }
}
