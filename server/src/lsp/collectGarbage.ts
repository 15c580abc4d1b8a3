import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents at least this long (characters) are followed by a collection when they arrive. */
export const BIG_MESSAGE_CHARS = 4_000_000;

let gc: (() => void) | undefined | null;

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
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
