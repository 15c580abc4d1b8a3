// The floor for the language server rows of npm run bench: a server on the same libraries
// (vscode-languageserver over stdio) that does no work at all. It answers didOpen with empty
// diagnostics at once, so what the bench measures of it is the transport alone: the client
// writing the JSON message, and this process reading, decoding and parsing it. GSM Log Lens's
// figures are compared with it as the CLI's are with a bare read-and-split loop.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createConnection, ProposedFeatures, TextDocumentSyncKind } = require('vscode-languageserver/node');

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
connection.onDidOpenTextDocument(({ textDocument }) => {
  void connection.sendDiagnostics({ uri: textDocument.uri, version: textDocument.version, diagnostics: [] });
});
connection.listen();
