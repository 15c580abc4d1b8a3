/// <reference lib="dom" />
// Runs inside the report webview. It only turns clicks into messages; the extension validates
// every message before acting on it. No log text is ever inserted here: the page arrives escaped.
interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement | null;
  const link = target?.closest('a.line') as HTMLElement | null;
  if (link) {
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', file: Number(link.dataset.file), line: Number(link.dataset.line) });
    return;
  }
  if (target?.closest('#copy-markdown')) vscode.postMessage({ type: 'copyMarkdown' });
});

// Keyboard users reach links with Tab; Enter on a focused line link reveals it like a click.
document.addEventListener('keydown', (event) => {
  const el = document.activeElement as HTMLElement | null;
  if (event.key === 'Enter' && el?.matches('a.line')) {
    event.preventDefault();
    el.click();
  }
});
