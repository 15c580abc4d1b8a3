import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents at least this long (characters) are followed by a collection when they arrive. */
export const BIG_MESSAGE_CHARS = 4_000_000;

let gc: ((options?: { type: 'minor' | 'major' }) => void) | undefined | null;

/**
 * Runs a full garbage collection now, if the runtime lets this process ask for one.
 *
 * Why: a document arrives as one JSON message, and vscode-jsonrpc holds it four times on the way
 * (the bytes read, joined, decoded and parsed). Only the parsed text stays in use, but V8 frees the
 * rest only when its heap next needs room, which is while the server reads the document: the
 * server's peak was those copies plus the reading (45 MB document: 287-313 MB against 227 MB for
 * a server that does nothing). Collected once, before reading, the peak is the transport's own
 * (231 MB); the collection costs about 14 ms.
 *
 * `--expose-gc` set at run time and the `gc` function taken from a new context is how
 * jest-leak-detector does it; where that fails nothing happens.
 */
export function collectGarbage(): void {
  gcFunction()?.();
}

/**
 * Collects the young generation now (a scavenge: about a millisecond with the server's 4 MiB
 * semi-spaces), if the runtime lets this process ask. The chunks a big message arrives in are
 * Buffers whose memory lies outside V8's heap and is freed only when they are collected; reading
 * them allocates little in the heap, so they piled up until V8's limit on external memory forced
 * a full collection. A scavenge every 8 MiB read (pieceMessageReader.ts): a 45 MB didOpen over
 * stdio in 0.94x and 0.96x the time (6 pairs each, 2026-12-05), peak RSS 138-139 MB -> 144-145 MB.
 */
export function collectYoungGarbage(): void {
  gcFunction()?.({ type: 'minor' });
}

function gcFunction() {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  return gc;
}
