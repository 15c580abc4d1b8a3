import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/protocol';
import { openFromFile } from './openFromFile';

/** The language client for router logs; the server runs out/server.js over IPC. */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
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
