import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

/** The status bar item of the active router log: the verdict in a word and the problem counts. */
export class ModemStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gsmlens.status', vscode.StatusBarAlignment.Left, 10);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'GSM Log Lens';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.window.tabGroups.onDidChangeTabs(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  private activeUri(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor) return editor.document.uri.toString();
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputText ? input.uri.toString() : undefined;
  }

  private render(): void {
    const uri = this.activeUri();
    const s = uri ? this.byUri.get(uri) : undefined;
    if (!s) {
      this.item.hide();
      return;
    }
    // A log that was mostly not read says so: "no problems" in it would mean nothing.
    const pct = s.recognised !== undefined ? Math.floor(s.recognised * 100) : undefined;
    const unread = pct !== undefined && pct < 50;
    // The lead story by its own title and verdict: the status bar knows no story by name.
    const story = s.story ? `${s.story.title}: ${s.story.verdictLabel}` : 'no problem story';
    const more = s.moreStories > 0 ? ` (+${s.moreStories})` : '';
    this.item.text = `$(pulse) ${unread ? 'Modem: unknown' : `${shorten(story)}${more}`}  $(error) ${s.errors} $(warning) ${s.warnings}${pct !== undefined && pct < 90 ? `  $(eye) ${pct}% read` : ''}`;
    const readText = pct !== undefined ? ` ${pct}% of its lines were read as log lines${unread ? ', so its verdict is unknown' : ''}.` : '';
    const stories = s.story ? `${story}${s.moreStories > 0 ? `, and ${s.moreStories} more ${s.moreStories > 1 ? 'stories' : 'story'}` : ''}` : 'no modem problem story in this log';
    const label = `GSM Log Lens: ${stories}; ${s.errors} errors, ${s.warnings} warnings, ${s.infos} notes in ${s.lines} lines.${readText} Click to diagnose.`;
    this.item.tooltip = label;
    this.item.accessibilityInformation = { label, role: 'button' };
    this.item.backgroundColor = s.story?.severity === 'error' && !unread ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.command = { title: 'Diagnose Modem Update', command: 'gsmlens.diagnose', arguments: [s.uri] };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}

/** Status bar text stays short: a long verdict is cut with an ellipsis (the tooltip has it whole). */
function shorten(text: string, max = 48): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
