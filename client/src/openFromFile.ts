import * as vscode from 'vscode';
import { DidOpenTextDocumentNotification, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { openFromFileMarkOfParts } from '../../server/src/lsp/openFromFile';
import { OPEN_FROM_FILE_CHARS, ResendDocumentNotification } from '../../server/src/lsp/protocol';

// A big log that the editor shows unchanged from its file is opened on the server from that file:
// its didOpen carries a mark with the SHA-1 and length of the editor's text instead of the text
// (protocol.ts, OPEN_FROM_FILE_MARK), in the same message, so no change can come between. The
// client library keeps its own bookkeeping (the document counts as synced; its changes are sent).

/**
 * The documents opened from their file and those whose text the server asked for, newest last
 * (a few of each): the extension's API returns them, so a test in VS Code can tell which way a
 * document went.
 */
export const openedFromFile: string[] = [];
export const resentWithText: string[] = [];
const KEPT = 32;

function remember(list: string[], uri: string): void {
  list.push(uri);
  if (list.length > KEPT) list.shift();
}

/** didOpen middleware: the mark in place of the text of a big, saved `file:` document. */
export const openFromFile: NonNullable<Middleware['didOpen']> = (document, next) => {
  let marked: vscode.TextDocument | undefined;
  try {
    // The length from the end's offset: a small document's text is not built twice.
    if (document.uri.scheme === 'file' && !document.isDirty && document.offsetAt(document.lineAt(document.lineCount - 1).range.end) >= OPEN_FROM_FILE_CHARS) {
      marked = withText(document, openFromFileMarkOfParts(textInParts(document)));
    }
  } catch {
    // Whatever went wrong, the document is still opened the usual way, with its text.
    marked = undefined;
  }
  if (!marked) return next(document);
  remember(openedFromFile, document.uri.toString());
  return next(marked);
};

/** Lines read and hashed at a time for the mark. */
const MARK_LINES = 1000;

/**
 * The document's text a thousand lines at a time: the mark is made without the whole text, which
 * the extension host would build as one string for `getText()` (see openFromFileMarkOfParts).
 */
function* textInParts(document: vscode.TextDocument): Generator<string> {
  const end = document.lineAt(document.lineCount - 1).range.end;
  for (let line = 0; line < document.lineCount; line += MARK_LINES) {
    const to = line + MARK_LINES < document.lineCount ? new vscode.Position(line + MARK_LINES, 0) : end;
    yield document.getText(new vscode.Range(new vscode.Position(line, 0), to));
  }
}

/** The document as the didOpen reads it: the mark for its whole text, the rest as it is. */
function withText(document: vscode.TextDocument, whole: string): vscode.TextDocument {
  return Object.create(document, {
    getText: { value: (range?: vscode.Range) => (range ? document.getText(range) : whole) },
  }) as vscode.TextDocument;
}

/**
 * The server found the file did not hold the editor's text (another encoding, line ends VS Code
 * normalised, a write since): it gets the text in a didOpen, as any client sends it.
 */
export function resendOnRequest(client: LanguageClient): vscode.Disposable {
  return client.onNotification(ResendDocumentNotification.type, ({ uri }) => {
    const document = vscode.workspace.textDocuments.find((d) => client.code2ProtocolConverter.asUri(d.uri) === uri);
    if (!document) return;
    remember(resentWithText, document.uri.toString());
    void client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: document.languageId, version: document.version, text: document.getText() } });
  });
}
