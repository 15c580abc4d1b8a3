import type { CancellationToken, Connection } from 'vscode-languageserver';
import { TextGone } from './fileBlocks';

/**
 * What the server does when a handler finds that a document's text can no longer be read from
 * its file (fileBlocks.ts): it lets the document go and asks the client for its text (server.ts).
 */
let onTextGone: ((uri: string) => void) | undefined;

export function whenTextGone(handler: (uri: string) => void): void {
  onTextGone = handler;
}

/** A failure is logged, except a text gone from its file, which is handed to `onTextGone`. */
function failed(connection: Connection, name: string, err: unknown): void {
  if (err instanceof TextGone && onTextGone) {
    connection.console.info(`${name}: ${err.message}; asking the editor for the text`);
    onTextGone(err.uri);
    return;
  }
  connection.console.error(`${name} failed: ${(err as Error).stack ?? String(err)}`);
}

/**
 * Runs a request handler so that one failure never takes the server down: errors are logged and
 * the fallback returned; a cancelled request returns the fallback without doing the work.
 */
export function runSafe<T>(connection: Connection, name: string, fallback: T, token: CancellationToken | undefined, work: () => T): T {
  if (token?.isCancellationRequested) return fallback;
  try {
    return work();
  } catch (err) {
    failed(connection, name, err);
    return fallback;
  }
}

export async function runSafeAsync<T>(connection: Connection, name: string, fallback: T, token: CancellationToken | undefined, work: () => Promise<T>): Promise<T> {
  if (token?.isCancellationRequested) return fallback;
  try {
    return await work();
  } catch (err) {
    failed(connection, name, err);
    return fallback;
  }
}
