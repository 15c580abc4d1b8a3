import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { HeldTexts, PieceMessageReader } from './pieceMessageReader';

/**
 * The server's connection: over stdio, read by PieceMessageReader (a big document's text arrives
 * as pieces, `heldTexts`); over node IPC (as VS Code starts it), a socket or a pipe, as
 * vscode-languageserver sets it up from the command line.
 *
 * Given its own reader, vscode-languageserver no longer does two things it does for `--stdio`,
 * which are done here as it does them: the process ends when stdin does (code 0 only after a
 * `shutdown` request), and `console` writes go to the client's log instead of into the protocol
 * stream on stdout.
 */
export function createServerConnection(argv: readonly string[] = process.argv): { connection: Connection; heldTexts: HeldTexts } {
  const heldTexts = new HeldTexts();
  if (!argv.slice(2).includes('--stdio')) return { connection: createConnection(ProposedFeatures.all), heldTexts };
  const connection = createConnection(ProposedFeatures.all, new PieceMessageReader(process.stdin, heldTexts), new StreamMessageWriter(process.stdout));
  let shutdown = false;
  // The one shutdown handler: a connection keeps only the last one registered, so server.ts must
  // not register another (it would lose the exit code below).
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  // Every console method goes to the client's log: those that write to stdout (dir, table,
  // count, time...) through a Console whose streams send there; the leveled ones keep their level.
  const routed = new Console({ stdout: toLog((s) => connection.console.log(s)), stderr: toLog((s) => connection.console.error(s)) });
  Object.assign(console, routed);
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  return { connection, heldTexts };
}

/** A stream whose writes (a console's lines) are sent as messages, the final newline dropped. */
function toLog(send: (text: string) => void): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      send(String(chunk).replace(/\n$/, ''));
      done();
    },
  });
}
