/// <reference lib="dom" />
// Canvas cannot use CSS variables directly, so the colours of the current VS Code theme are read
// from the computed style (VS Code sets --vscode-* on <html> and swaps them when the theme changes;
// the page reads them again then). Fallbacks only matter outside VS Code.
import type { MarkSeverity } from '../../../../server/src/core/timeline/timelineTypes';

export interface Theme {
  background: string;
  foreground: string;
  muted: string;
  border: string;
  focus: string;
  /** High-contrast themes set a contrast border: marks get an outline in it. */
  contrast: string;
  highContrast: boolean;
  severity: Record<MarkSeverity, string>;
  green: string;
  font: string;
  monoFont: string;
  fontSize: number;
}

function read(style: CSSStyleDeclaration, names: string[], fallback: string): string {
  for (const n of names) {
    const v = style.getPropertyValue(n).trim();
    if (v) return v;
  }
  return fallback;
}

export function readTheme(root: HTMLElement): Theme {
  const style = getComputedStyle(root);
  const doc = getComputedStyle(document.documentElement);
  const get = (names: string[], fallback: string): string => read(style, names, read(doc, names, fallback));
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  const size = parseFloat(get(['--vscode-font-size'], '13'));
  return {
    background: get(['--vscode-editor-background'], '#1e1e1e'),
    foreground: get(['--vscode-foreground', '--vscode-editor-foreground'], '#cccccc'),
    muted: get(['--vscode-descriptionForeground'], '#9d9d9d'),
    border: get(['--vscode-panel-border', '--vscode-editorWidget-border'], '#80808059'),
    focus: get(['--vscode-focusBorder'], '#007fd4'),
    contrast: get(['--vscode-contrastBorder'], ''),
    highContrast,
    severity: {
      error: get(['--vscode-charts-red', '--vscode-errorForeground'], '#f14c4c'),
      warning: get(['--vscode-charts-yellow', '--vscode-editorWarning-foreground'], '#cca700'),
      info: get(['--vscode-charts-blue', '--vscode-editorInfo-foreground'], '#3794ff'),
    },
    green: get(['--vscode-charts-green', '--vscode-testing-iconPassed'], '#89d185'),
    font: get(['--vscode-font-family'], 'system-ui, sans-serif'),
    monoFont: get(['--vscode-editor-font-family'], 'monospace'),
    fontSize: Number.isFinite(size) && size > 6 ? size : 13,
  };
}
