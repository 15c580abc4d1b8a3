// Extension entry point: wiring only. The language server does the analysis; these modules show it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/lsp/protocol';
import { ARCHIVE_SCHEME, ArchiveFileSystem } from './archiveFileSystem';
import { checkBigLogTabs, watchBigLogs } from './bigFiles';
import { createClient } from './client';
import { openedFromFile, resendOnRequest, resentWithText } from './openFromFile';
import { registerCommands } from './commands';
import { watchForRouterLogs } from './detectRouterLogs';
import { ModemStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension tells other code (tests in VS Code): how big saved logs reached the server. */
export interface GsmLensApi {
  /** `file:` URIs opened on the server from their file, newest last (client/src/openFromFile.ts). */
  openedFromFile: readonly string[];
  /** Of those, the ones whose file did not hold the editor's text, so the text was sent. */
  resentWithText: readonly string[];
}

export async function activate(context: vscode.ExtensionContext): Promise<GsmLensApi> {
  const output = vscode.window.createOutputChannel('GSM Log Lens', { log: true });
  const statusBar = new ModemStatusBar();
  client = createClient(context, output);
  const archives = new ArchiveFileSystem();
  context.subscriptions.push(
    output, statusBar, watchBigLogs(client), watchForRouterLogs(),
    vscode.workspace.registerFileSystemProvider(ARCHIVE_SCHEME, archives, { isReadonly: true, isCaseSensitive: true }),
    ...registerCommands(client, context.extensionUri, archives),
  );
  client.onNotification(StatusNotification.type, (s) => statusBar.update(s));
  context.subscriptions.push(resendOnRequest(client));
  await client.start();
  // A big log open before activation (first file of a window, or restored by a reload) gets no tab
  // change and no onLanguage event (VS Code does not sync it): read it now.
  void checkBigLogTabs(client);
  return { openedFromFile, resentWithText };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
