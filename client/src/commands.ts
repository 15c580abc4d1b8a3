import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../../server/src/lsp/protocol';
import { analyseFromDisk } from './bigFiles';
import { Redactor } from '../../server/src/core/redact/redact';
import { archiveEntryUri, ArchiveFileSystem } from './archiveFileSystem';
import { ReportPanel } from './reportPanel';
import { TimelinePanel } from './timelinePanel';

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
    () => client.sendRequest(ReportRequest.type, { uri: uri!.toString() }),
  );
  ReportPanel.show(extensionUri, uri, report, fileResolver(undefined, report.files));
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

/** The report's file index -> a URI the editor can open: the log itself, or an archive entry. */
function fileResolver(archive: vscode.Uri | undefined, files: readonly string[] | undefined): (logUri: vscode.Uri, file: number) => vscode.Uri | undefined {
  return (logUri, file) => {
    if (!archive) return file === 0 ? logUri : undefined;
    const path = files?.[file];
    const prefix = `${archive.fsPath}:`;
    // The event database's lines are its rows as the server read them (analyzeArchive.ts), not
    // text of the file (SQLite's pages): nothing there to open at a line.
    if (path === undefined || /\.db$/i.test(path)) return undefined;
    return path.startsWith(prefix) ? archiveEntryUri(archive, path.slice(prefix.length)) : undefined;
  };
}

/** "Open Troubleshoot Archive": its files in the editor, system.log first, and the whole-archive diagnosis. */
async function openArchive(client: LanguageClient, fsProvider: ArchiveFileSystem, extensionUri: vscode.Uri, arg?: vscode.Uri): Promise<void> {
  const archive = arg ?? (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Open archive', title: 'GSM Log Lens: open a troubleshoot archive', filters: { 'Troubleshoot archive': ['gz', 'tgz', 'tar'], 'All files': ['*'] } }))?.[0];
  if (!archive) return;
  if (/\.zip$/i.test(archive.path)) {
    void vscode.window.showErrorMessage('GSM Log Lens: password-protected troubleshoot .zip files are not supported. Download the troubleshoot file without a password (troubleshoot.tar.gz).');
    return;
  }
  const contents = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'GSM Log Lens: reading the archive' }, () => fsProvider.contents(archive.fsPath));
  const problems = [...contents.problems, ...contents.refused.map((r) => `refused ${JSON.stringify(r.path)}: ${r.reason}`)];
  if (problems.length) void vscode.window.showWarningMessage(`GSM Log Lens: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
  const entries = contents.files.map((f) => f.path).sort((a, b) => Number(!/(^|\/)system\.log$/.test(a)) - Number(!/(^|\/)system\.log$/.test(b)) || a.localeCompare(b));
  if (!entries.length) {
    void vscode.window.showErrorMessage('GSM Log Lens: no readable files in this archive.');
    return;
  }
  const log = entries.find((e) => /(^|\/)system\.log$/.test(e)) ?? entries[0];
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(archiveEntryUri(archive, log)), { preview: false });
  await analyseFromDisk(client, archive);
  const report = await client.sendRequest(ReportRequest.type, { uri: archive.toString() });
  ReportPanel.show(extensionUri, archive, report, fileResolver(archive, report.files));
  // Offered, not awaited: the command is done once the log and its diagnosis are open.
  void vscode.window.showQuickPick(entries.map((e) => ({ label: e })), { title: 'Files in the troubleshoot archive (read-only)', placeHolder: 'Open another file of the archive, or press Escape' })
    .then(async (pick) => {
      if (pick) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(archiveEntryUri(archive, pick.label)), { preview: false });
    });
}

/** "Copy Redacted Selection": the selected text (or the whole line) with secrets replaced. */
async function copyRedactedSelection(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const redactor = new Redactor();
  const parts = editor.selections.map((sel) => editor.document.getText(sel.isEmpty ? editor.document.lineAt(sel.active.line).range : sel));
  await vscode.env.clipboard.writeText(redactor.redact(parts.join('\n')));
  const said = redactor.summary().map((c) => `${c.count} ${c.kind}`).join(', ');
  void vscode.window.showInformationMessage(`GSM Log Lens: copied, ${said ? `with ${said} replaced` : 'nothing needed replacing'}.`);
}

export function registerCommands(client: LanguageClient, extensionUri: vscode.Uri, fsProvider: ArchiveFileSystem): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('gsmlens.copyRedactedSelection', copyRedactedSelection),
    vscode.commands.registerCommand('gsmlens.showTimeline', async (arg?: string | vscode.Uri) => {
      const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg ?? activeLogUri();
      if (!uri) return void vscode.window.showInformationMessage('GSM Log Lens: open a router log first, then run "Show Timeline".');
      TimelinePanel.show(client, extensionUri, uri);
    }),
    vscode.window.registerWebviewPanelSerializer(TimelinePanel.viewType, {
      deserializeWebviewPanel: async (panel, state) => TimelinePanel.revive(panel, client, extensionUri, state),
    }),
    vscode.commands.registerCommand('gsmlens.openArchive', (arg?: vscode.Uri) => openArchive(client, fsProvider, extensionUri, arg)),
    vscode.commands.registerCommand('gsmlens.diagnose', (arg?: string | vscode.Uri) => diagnose(client, extensionUri, arg)),
    vscode.commands.registerCommand('gsmlens.openAsRouterLog', openAsRouterLog),
    vscode.commands.registerCommand('gsmlens.showExplanation', showExplanation),
    vscode.commands.registerCommand('gsmlens.analyzeFromDisk', async (arg?: vscode.Uri) => {
      const uri = arg ?? activeLogUri() ?? (await pickLog());
      if (uri) await analyseFromDisk(client, uri);
    }),
  ];
}
