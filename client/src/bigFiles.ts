import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnalyzeFileRequest, ForgetFileNotification, type StatusParams } from '../../server/src/lsp/protocol';
import { firstLinesOf, isRouterLogName, looksLikeRouterLog } from './routerLogFiles';

/** VS Code does not sync files above this size to extensions (nor to language servers). */
const SYNC_LIMIT = 50 * 1024 * 1024;

/** Asks the server to read a log from disk, with a progress notification that can be cancelled. */
export async function analyseFromDisk(client: LanguageClient, uri: vscode.Uri): Promise<StatusParams | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `GSM Log Lens: reading ${uri.path.split('/').pop()} from disk`, cancellable: true },
    (_progress, token) => client.sendRequest(AnalyzeFileRequest.type, { uri: uri.toString() }, token),
  );
}

/**
 * Watches the active tab: a router log too big for VS Code to sync is analysed from disk once per
 * modification, so its problems and status still show. When its last tab closes, the server is
 * told to drop the analysis (VS Code sends no didClose for a file it never synced).
 */
export function watchBigLogs(client: LanguageClient): vscode.Disposable {
  const done = new Map<string, number>();
  const check = async (): Promise<void> => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file') return;
    const uri = input.uri;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    const stat = await fs.stat(uri.fsPath).catch(() => undefined);
    if (!stat || stat.size <= SYNC_LIMIT || done.get(uri.toString()) === stat.mtimeMs) return;
    // By name as VS Code would open it, or by what its first lines look like (a big `router.log`).
    if (!isRouterLogName(uri.fsPath) && !looksLikeRouterLog(await firstLinesOf(uri.fsPath).catch(() => []))) return;
    done.set(uri.toString(), stat.mtimeMs);
    await analyseFromDisk(client, uri);
  };
  const forgetClosed = (): void => {
    const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : [])));
    for (const uri of [...done.keys()]) {
      if (shown.has(uri)) continue;
      done.delete(uri);
      void client.sendNotification(ForgetFileNotification.type, { uri });
    }
  };
  return vscode.window.tabGroups.onDidChangeTabs(() => {
    forgetClosed();
    void check().catch(() => undefined);
  });
}
