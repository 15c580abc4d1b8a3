import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/protocol';
import { openFromFile } from './openFromFile';

/**
 * The language client for router logs; the server runs out/server.js over stdio, where its own
 * reader takes a big document's text in pieces as it arrives (server/src/lsp/pieceMessageReader.ts).
 * Over node IPC, Node's channel parses each message whole first: a 50 MB unsaved log (the most
 * VS Code syncs) peaked at 209 MB in the server there, 138 MB over stdio, and took 1.70 s to its
 * first problems against 1.53 s (two alternated runs each).
 */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'routerlog' }],
    outputChannel: output,
    // Finding codes link to the page that explains them, which the package ships (vsce renames
    // README.md, so it cannot be the README).
    initializationOptions: { codeBase: vscode.Uri.joinPath(context.extensionUri, 'docs', 'findings.md').toString() },
    // A big saved log is read by the server from its file, not sent as JSON text (openFromFile.ts).
    middleware: { didOpen: openFromFile },
  };
  // The id makes the `gsmlens.trace.server` setting trace the protocol.
  return new LanguageClient('gsmlens', 'GSM Log Lens', serverOptions, clientOptions);
}
