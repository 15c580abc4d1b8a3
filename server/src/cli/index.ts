import { setFlagsFromString } from 'node:v8';
import { main } from './main';

// The old generation may grow by 20% of what survived the last full collection before the next,
// as the language server runs (SERVER_NODE_FLAGS, lsp/protocol.ts). V8 picks 10% to 300% by how
// fast it collects, and a log whose catalogued lines all differ (a modem in a reconnect loop, its
// device numbers counting) promotes the garbage of their matching: 1,000,000 lines of such a loop
// peaked at 228-243 MB, 145 MB with this; the bench's 1M-line logs run as fast, in pairs (1.00x).
// Set here, before any log is read; it is read at each collection. (The young generation's size
// cannot change once the process runs, so the server's other flag is not set here.)
setFlagsFromString('--heap-growing-percent=20');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`gsmlens: internal error: ${err.message}\n`);
    process.exitCode = 2;
  },
);

// `gsmlens diagnose x | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
