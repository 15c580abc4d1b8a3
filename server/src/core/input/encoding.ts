// Which text encoding a log's first bytes show. Logs are UTF-8 (ASCII mostly); a log saved by a
// Windows tool (PowerShell's `>`, Notepad's "Unicode") is UTF-16, with a byte order mark or
// without: ASCII text in UTF-16 has a zero byte beside every character, which a byte-level
// sniffer would call binary.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface SniffedEncoding {
  encoding: TextEncodingName;
  /** Whether the bytes start with a byte order mark (the decoders drop it). */
  bom: boolean;
}

/** How many leading bytes the guess looks at, and the shares of zero bytes it takes as UTF-16. */
export const UTF16_SNIFF = {
  bytes: 4096,
  /** At least this many byte pairs before guessing without a byte order mark. */
  minPairs: 8,
  /** Zero bytes in this share of the high-byte positions... */
  zeroShare: 0.3,
  /** ...and in at most this share of the low-byte positions. */
  otherZeroShare: 0.05,
} as const;

/** The encoding of a file from its first bytes: a byte order mark, else the zero-byte pattern of UTF-16 text. */
export function sniffEncoding(head: Uint8Array): SniffedEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  const pairs = Math.floor(Math.min(head.length, UTF16_SNIFF.bytes) / 2);
  if (pairs < UTF16_SNIFF.minPairs) return { encoding: 'utf-8', bom: false };
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  const utf16 = (high: number, low: number): boolean => high / pairs >= UTF16_SNIFF.zeroShare && low / pairs <= UTF16_SNIFF.otherZeroShare;
  if (utf16(oddZero, evenZero)) return { encoding: 'utf-16le', bom: false };
  if (utf16(evenZero, oddZero)) return { encoding: 'utf-16be', bom: false };
  return { encoding: 'utf-8', bom: false };
}

/** A person's name for an encoding, for notices. */
export function encodingLabel(e: TextEncodingName): string {
  return e === 'utf-16le' ? 'UTF-16 (little-endian)' : e === 'utf-16be' ? 'UTF-16 (big-endian)' : 'UTF-8';
}
