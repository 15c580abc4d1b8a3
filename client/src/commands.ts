import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest, type ReportResult } from '../../server/src/lsp/protocol';
import { analyseFromDisk } from './bigFiles';
import { ReportPanel } from './reportPanel';

function activeLogUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'routerlog') return editor.document.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText ? input.uri : undefined;
}

async function pickLog(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Diagnose', title: 'GSM Log Lens: pick a router log' });
  return picked?.[0];
}

/** "Diagnose Modem Update": the report of the active log (or a picked file) beside it. */
async function diagnose(client: LanguageClient, extensionUri: vscode.Uri, arg?: string | vscode.Uri): Promise<void> {
  let uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg ?? activeLogUri();
  if (!uri) uri = await pickLog();
  if (!uri) return;
  const synced = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
  if (synced && synced.languageId !== 'routerlog') await vscode.languages.setTextDocumentLanguage(synced, 'routerlog');
  if (!synced && uri.scheme === 'file') {
    // Too big to sync, or not open at all: the server reads it from disk.
    const opened = await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined);
    if (!opened || opened.languageId !== 'routerlog') await analyseFromDisk(client, uri);
  }
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'GSM Log Lens: diagnosing' },
    () => client.sendRequest<ReportResult>(ReportRequest.method, { uri: uri!.toString() }),
  );
  ReportPanel.show(extensionUri, uri, report, (logUri, file) => (file === 0 ? logUri : undefined));
}

/** Switches the active editor to the Router Log language. */
async function openAsRouterLog(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('GSM Log Lens: open a log file first, then run "Open as Router Log".');
    return;
  }
  await vscode.languages.setTextDocumentLanguage(editor.document, 'routerlog');
}

/** Shows the explanation of a line (the hover) after revealing it: what an event code lens does. */
async function showExplanation(uri: string, line: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const pos = new vscode.Position(line, Math.min(doc.lineAt(line).text.length, 40));
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
}

export function registerCommands(client: LanguageClient, extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('gsmlens.diagnose', (arg?: string | vscode.Uri) => diagnose(client, extensionUri, arg)),
    vscode.commands.registerCommand('gsmlens.openAsRouterLog', openAsRouterLog),
    vscode.commands.registerCommand('gsmlens.showExplanation', showExplanation),
    vscode.commands.registerCommand('gsmlens.analyzeFromDisk', async (arg?: vscode.Uri) => {
      const uri = arg ?? activeLogUri() ?? (await pickLog());
      if (uri) await analyseFromDisk(client, uri);
    }),
  ];
}
