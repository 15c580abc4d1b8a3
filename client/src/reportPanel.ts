import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface ReportContent {
  html: string;
  markdown: string;
}

/** What the page may ask for; anything else is ignored. */
type PageMessage = { type: 'reveal'; file: number; line: number } | { type: 'copyMarkdown' };

function validMessage(m: unknown): PageMessage | undefined {
  if (!m || typeof m !== 'object') return undefined;
  const msg = m as Record<string, unknown>;
  if (msg.type === 'copyMarkdown') return { type: 'copyMarkdown' };
  if (msg.type === 'reveal' && Number.isInteger(msg.file) && Number.isInteger(msg.line) && (msg.line as number) >= 1 && (msg.file as number) >= 0) {
    return { type: 'reveal', file: msg.file as number, line: msg.line as number };
  }
  return undefined;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); line-height: 1.5; padding: 0 1.5em 2em; max-width: 60em; }
h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.25em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; } h3 { font-size: 1.05em; }
.files, .meta, .url { color: var(--vscode-descriptionForeground); }
.verdict { font-weight: bold; text-transform: uppercase; }
.severity-error .verdict { color: var(--vscode-errorForeground); }
.severity-warning .verdict { color: var(--vscode-editorWarning-foreground); }
.severity-info .verdict { color: var(--vscode-testing-iconPassed); }
a { color: var(--vscode-textLink-foreground); } a:focus { outline: 1px solid var(--vscode-focusBorder); }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .2em; }
ul.evidence { list-style: none; padding-left: 0; } ul.evidence a { text-decoration: none; display: block; white-space: pre-wrap; word-break: break-all; }
.lineno { display: inline-block; min-width: 3.5em; color: var(--vscode-editorLineNumber-foreground); }
.sev-error { border-left: 3px solid var(--vscode-errorForeground); padding-left: .5em; } .sev-warning { border-left: 3px solid var(--vscode-editorWarning-foreground); padding-left: .5em; }
.sev-info, .sev-hint { border-left: 3px solid var(--vscode-editorInfo-foreground); padding-left: .5em; }
ul.findings li { margin-bottom: .5em; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .3em .8em; cursor: pointer; } button:hover { background: var(--vscode-button-hoverBackground); }
`;

/** The report webview: one panel, beside the log, reused for each diagnosis. */
export class ReportPanel {
  private static current: ReportPanel | undefined;
  private content: ReportContent = { html: '', markdown: '' };
  private logUri: vscode.Uri | undefined;

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri, private readonly resolveFile: (logUri: vscode.Uri, file: number) => vscode.Uri | undefined) {
    panel.onDidDispose(() => (ReportPanel.current = undefined));
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
  }

  static show(extensionUri: vscode.Uri, logUri: vscode.Uri, content: ReportContent, resolveFile: (logUri: vscode.Uri, file: number) => vscode.Uri | undefined): ReportPanel {
    if (!ReportPanel.current) {
      const panel = vscode.window.createWebviewPanel('gsmlens.report', 'Modem update diagnosis', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'out')],
      });
      ReportPanel.current = new ReportPanel(panel, extensionUri, resolveFile);
    }
    const r = ReportPanel.current;
    r.logUri = logUri;
    r.content = content;
    r.panel.title = `Diagnosis: ${logUri.path.split('/').pop()}`;
    r.panel.webview.html = r.page(content.html);
    r.panel.reveal(vscode.ViewColumn.Beside, true);
    return r;
  }

  private page(body: string): string {
    const nonce = randomBytes(16).toString('base64');
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'out', 'reportView.js'));
    const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}' ${webview.cspSource};`;
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Modem update diagnosis</title><style nonce="${nonce}">${STYLE}</style></head><body>${body}<script nonce="${nonce}" src="${script}"></script></body></html>`;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const m = validMessage(raw);
    if (!m || !this.logUri) return;
    if (m.type === 'copyMarkdown') {
      await vscode.env.clipboard.writeText(this.content.markdown);
      void vscode.window.showInformationMessage('GSM Log Lens: the report is on the clipboard as Markdown, with identifiers, addresses and secrets replaced.');
      return;
    }
    const uri = this.resolveFile(this.logUri, m.file);
    if (!uri) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    if (m.line > doc.lineCount) return;
    const line = doc.lineAt(m.line - 1);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: line.range, preserveFocus: false });
  }
}
