// A log growing in the editor: its first part opened, the rest appended at given offsets (inside a
// line, an entry or a document too), as VS Code sends the changes of a file a logger writes to.
import type { AnalyzeOptions } from '../../server/src/core/analyze';
import { DocumentAnalysis, type DocumentResult } from '../../server/src/lsp/documentAnalysis';
import { LogDocument } from '../../server/src/lsp/logDocument';

/**
 * Opens `text[0, cuts[0])`, then appends up to each next cut and the rest; `check` gets the result
 * after the opening (step -1) and after each append, with the text so far.
 */
export async function appendAtCuts(uri: string, text: string, cuts: readonly number[], options: AnalyzeOptions, check: (result: DocumentResult, sofar: string, step: number) => void): Promise<void> {
  let doc = LogDocument.create(uri, 'routerlog', 1, text.slice(0, cuts[0] ?? text.length));
  const analysis = new DocumentAnalysis(doc, options);
  check(await analysis.result(), doc.getText(), -1);
  for (const [k, from] of cuts.entries()) {
    const end = doc.positionAt(Number.MAX_SAFE_INTEGER);
    const change = { range: { start: end, end }, text: text.slice(from, cuts[k + 1] ?? text.length) };
    const next = doc.update([change], doc.version + 1);
    analysis.update(next.doc, [change], next.offsets);
    doc = next.doc;
    if (!analysis.lastUpdateWasAppend) throw new Error(`the change at ${from} was not read as an append`);
    check(await analysis.result(), doc.getText(), k);
  }
}
