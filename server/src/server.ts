// Language server entry point. Thin for now: it runs the analysis core on each router log the
// editor opens and publishes the findings as diagnostics. Only this layer knows the protocol.
import { createConnection, DiagnosticSeverity, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from './core/analyze';
import type { Finding, Severity } from './core/model';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const line = f.line - 1;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  return {
    range: { start: { line, character: 0 }, end: { line, character: text.length } },
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'GSM Log Lens',
    message: f.count > 1 ? `${f.message}` : f.message,
  };
}

function validate(doc: TextDocument): void {
  try {
    const analysis = analyzeText(doc.getText(), { path: doc.uri });
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics: analysis.findings.map((f) => toDiagnostic(doc, f)) });
  } catch (err) {
    connection.console.error(`analysis failed for ${doc.uri}: ${(err as Error).message}`);
  }
}

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent((e) => validate(e.document));
documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
