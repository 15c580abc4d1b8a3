import * as vscode from 'vscode';
import { detectDecision, SNIFF_LINES, SNIFFED_LANGUAGES, type DetectSetting } from './routerLogDetection';

const LANGUAGE = 'routerlog';

/**
 * Switches documents that VS Code opened as "Log" or plain text to Router Log when their first
 * lines are a router log (`gsmlens.detectRouterLogs`: `auto` switches, `ask` offers it, `off`
 * leaves them). A document is decided once while it is open, so a user who switches it back is
 * not overruled; closing it forgets the decision.
 */
export function watchForRouterLogs(): vscode.Disposable {
  const decided = new Set<string>();
  const pendingUntitled = new Map<string, NodeJS.Timeout>();

  const consider = async (doc: vscode.TextDocument): Promise<void> => {
    const key = doc.uri.toString();
    const config = vscode.workspace.getConfiguration('gsmlens', doc.uri);
    const firstLines: string[] = [];
    for (let i = 0; i < Math.min(doc.lineCount, SNIFF_LINES); i++) firstLines.push(doc.lineAt(i).text);
    const decision = detectDecision({
      languageId: doc.languageId,
      scheme: doc.uri.scheme,
      setting: config.get<DetectSetting>('detectRouterLogs', 'auto'),
      firstLines,
      decidedBefore: decided.has(key),
    });
    if (decision === 'leave') return;
    decided.add(key);
    if (decision === 'ask') {
      const name = doc.uri.path.split('/').pop() || 'This document';
      const pick = await vscode.window.showInformationMessage(
        `GSM Log Lens: ${name} looks like a router log. Open it as Router Log to see its problems?`,
        'Switch', 'Always', 'Never',
      );
      if (pick === 'Always') await config.update('detectRouterLogs', 'auto', vscode.ConfigurationTarget.Global);
      if (pick === 'Never') await config.update('detectRouterLogs', 'off', vscode.ConfigurationTarget.Global);
      if (pick !== 'Switch' && pick !== 'Always') return;
    }
    // The document may have changed language or closed while the user was asked.
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (current && SNIFFED_LANGUAGES.has(current.languageId)) await vscode.languages.setTextDocumentLanguage(current, LANGUAGE);
  };
  const safely = (doc: vscode.TextDocument): void => void consider(doc).catch(() => undefined);

  // Documents opened before the extension was activated (the one that activated it among them).
  for (const doc of vscode.workspace.textDocuments) safely(doc);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(safely),
    // A log pasted into an untitled editor is empty when it opens: look again once it has text.
    vscode.workspace.onDidChangeTextDocument(({ document: doc }) => {
      const key = doc.uri.toString();
      if (!doc.isUntitled || decided.has(key) || !SNIFFED_LANGUAGES.has(doc.languageId)) return;
      clearTimeout(pendingUntitled.get(key));
      pendingUntitled.set(key, setTimeout(() => {
        pendingUntitled.delete(key);
        safely(doc);
      }, 300));
    }),
    // A language change closes and reopens the document at once; a real close leaves it gone.
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) decided.delete(key);
      }, 1000);
    }),
    { dispose: () => pendingUntitled.forEach((t) => clearTimeout(t)) },
  );
}
