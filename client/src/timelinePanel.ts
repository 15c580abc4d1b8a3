import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequest } from '../../server/src/lsp/protocol';
import { ensureDiskAnalysis } from './bigFiles';

type PageMessage = { type: 'reveal'; line: number } | { type: 'ready' };

function validMessage(m: unknown): PageMessage | undefined {
  if (!m || typeof m !== 'object') return undefined;
  const msg = m as Record<string, unknown>;
  if (msg.type === 'ready') return { type: 'ready' };
  if (msg.type === 'reveal' && Number.isInteger(msg.line) && (msg.line as number) >= 1) return { type: 'reveal', line: msg.line as number };
  return undefined;
}

/**
 * The timeline webview beside a log. It is not kept alive when hidden: the page saves its zoom
 * with setState and asks for the payload again ('ready') when it comes back; a serializer brings
 * it back after a window reload.
 */
export class TimelinePanel {
  static readonly viewType = 'gsmlens.timeline';
  private static readonly panels = new Map<string, TimelinePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri, private readonly logUri: vscode.Uri) {
    TimelinePanel.panels.set(logUri.toString(), this);
    panel.webview.options = TimelinePanel.webviewOptions(extensionUri);
    panel.webview.html = this.page();
    panel.title = `Timeline: ${logUri.path.split('/').pop()}`;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === this.logUri.toString()) void panel.webview.postMessage({ type: 'cursor', line: e.selections[0].active.line + 1 });
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.logUri.toString()) this.scheduleRefresh();
      }),
    );
  }

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'out')] };
  }

  static show(client: LanguageClient, extensionUri: vscode.Uri, logUri: vscode.Uri): TimelinePanel {
    const existing = TimelinePanel.panels.get(logUri.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TimelinePanel.viewType, 'Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, TimelinePanel.webviewOptions(extensionUri));
    return new TimelinePanel(panel, client, extensionUri, logUri);
  }

  /** After a reload: the page's state names the log it showed. */
  static revive(panel: vscode.WebviewPanel, client: LanguageClient, extensionUri: vscode.Uri, state: unknown): void {
    const uri = state && typeof state === 'object' && typeof (state as { uri?: unknown }).uri === 'string' ? (state as { uri: string }).uri : undefined;
    if (!uri) {
      panel.dispose();
      return;
    }
    new TimelinePanel(panel, client, extensionUri, vscode.Uri.parse(uri));
  }

  private page(): string {
    const nonce = randomBytes(16).toString('base64');
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'out', 'timelineView.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'out', 'timelineView.css'));
    const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}' ${webview.cspSource}; font-src ${webview.cspSource};`;
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${style}"><title>Timeline</title></head><body><div id="timeline-root" role="application" aria-label="Log timeline"></div><script nonce="${nonce}" src="${script}"></script></body></html>`;
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    // The server republishes after the change; ask a moment later for the new payload.
    this.refreshTimer = setTimeout(() => void this.sendPayload(), 400);
  }

  private async sendPayload(): Promise<void> {
    let payload = await this.client.sendRequest(TimelineRequest.type, { uri: this.logUri.toString() });
    // A log over 50 MB is never synced: a timeline restored after a reload (or opened before the log
    // was read) asks the server to read it from disk (gsmlens/analyzeFile), then asks again.
    if (!payload && (await ensureDiskAnalysis(this.client, this.logUri))) payload = await this.client.sendRequest(TimelineRequest.type, { uri: this.logUri.toString() });
    if (payload) void this.panel.webview.postMessage({ type: 'payload', payload });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const m = validMessage(raw);
    if (!m) return;
    if (m.type === 'ready') return this.sendPayload();
    const doc = await vscode.workspace.openTextDocument(this.logUri);
    if (m.line > doc.lineCount) return;
    const range = doc.lineAt(m.line - 1).range;
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range, preserveFocus: false });
  }

  private dispose(): void {
    TimelinePanel.panels.delete(this.logUri.toString());
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}
