import type { CancellationToken, Connection } from 'vscode-languageserver';

/**
 * Runs a request handler so that one failure never takes the server down: errors are logged and
 * the fallback returned; a cancelled request returns the fallback without doing the work.
 */
export function runSafe<T>(connection: Connection, name: string, fallback: T, token: CancellationToken | undefined, work: () => T): T {
  if (token?.isCancellationRequested) return fallback;
  try {
    return work();
  } catch (err) {
    connection.console.error(`${name} failed: ${(err as Error).stack ?? String(err)}`);
    return fallback;
  }
}

export async function runSafeAsync<T>(connection: Connection, name: string, fallback: T, token: CancellationToken | undefined, work: () => Promise<T>): Promise<T> {
  if (token?.isCancellationRequested) return fallback;
  try {
    return await work();
  } catch (err) {
    connection.console.error(`${name} failed: ${(err as Error).stack ?? String(err)}`);
    return fallback;
  }
}
