import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnalyzeFileRequest, ForgetFileNotification, type StatusParams } from '../../server/src/lsp/protocol';
import { firstLinesOf, isRouterLogName, looksLikeRouterLog, needsDiskAnalysis } from './routerLogFiles';

/** Asks the server to read a log from disk, with a progress notification that can be cancelled. */
export async function analyseFromDisk(client: LanguageClient, uri: vscode.Uri): Promise<StatusParams | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `GSM Log Lens: reading ${uri.path.split('/').pop()} from disk`, cancellable: true },
    (_progress, token) => client.sendRequest(AnalyzeFileRequest.type, { uri: uri.toString() }, token),
  );
}

/** Router logs read from disk, by URI, with the modification time read. */
const done = new Map<string, number>();
/** Reads under way: a restored timeline and the tab check at activation wait for the same one. */
const reading = new Map<string, Promise<boolean>>();

/**
 * Reads `uri` from disk through the server when VS Code did not sync it (over 50 MB) and it is a
 * router log; resolves true when the server holds an analysis of it afterwards (or already did).
 */
export async function ensureDiskAnalysis(client: LanguageClient, uri: vscode.Uri): Promise<boolean> {
  const under = reading.get(uri.toString());
  if (under) return under;
  const synced = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const stat = uri.scheme === 'file' ? await fs.stat(uri.fsPath).catch(() => undefined) : undefined;
  const base = { scheme: uri.scheme, synced, size: stat?.size, mtimeMs: stat?.mtimeMs ?? 0, readAt: done.get(uri.toString()) };
  // The cheap answers first; the first lines are read only for a big unsynced file.
  if (!needsDiskAnalysis({ ...base, routerLog: true })) return done.has(uri.toString());
  const routerLog = isRouterLogName(uri.fsPath) || looksLikeRouterLog(await firstLinesOf(uri.fsPath).catch(() => []));
  if (!needsDiskAnalysis({ ...base, routerLog })) return false;
  if (reading.has(uri.toString())) return reading.get(uri.toString())!;
  done.set(uri.toString(), base.mtimeMs);
  const read = Promise.resolve(analyseFromDisk(client, uri)).then(
    (status) => status !== undefined,
    () => false,
  );
  reading.set(uri.toString(), read);
  const ok = await read.finally(() => reading.delete(uri.toString()));
  if (!ok) done.delete(uri.toString());
  return ok;
}

/**
 * Watches the tabs: a router log too big for VS Code to sync is analysed from disk once per
 * modification, so its problems and status still show. The tabs already open when the extension
 * activates are checked too: a big log that is the first file of a window (or restored by a reload)
 * activates the extension through `onStartupFinished`, with no tab change to come. When its last
 * tab closes, the server is told to drop the analysis (VS Code sends no didClose for a file it
 * never synced).
 */
export function watchBigLogs(client: LanguageClient): vscode.Disposable {
  const check = (): Promise<void> => checkBigLogTabs(client);
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

/** The active tab of every group (what the user sees): big router logs read from disk. */
export async function checkBigLogTabs(client: LanguageClient): Promise<void> {
  for (const g of vscode.window.tabGroups.all) {
    const input = g.activeTab?.input;
    if (input instanceof vscode.TabInputText) await ensureDiskAnalysis(client, input.uri).catch(() => false);
  }
}
