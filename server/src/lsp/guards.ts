import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

// What a client sends is checked before it reaches the core: a message of the wrong shape is
// logged and ignored, never a crash (an editor restarts a crashed server, but every open log
// loses its problems until then). These are the shapes the handlers in server.ts rely on.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isPosition(v: unknown): boolean {
  return isObject(v) && isCount(v.line) && isCount(v.character);
}

function isRange(v: unknown): boolean {
  return isObject(v) && isPosition(v.start) && isPosition(v.end);
}

/** The `textDocument` of `didOpen`: a URI, a language, a version and the whole text. */
export function isTextDocumentItem(v: unknown): v is { uri: string; languageId: string; version: number; text: string } {
  return isObject(v) && typeof v.uri === 'string' && typeof v.text === 'string' && typeof v.version === 'number' && typeof v.languageId === 'string';
}

/** The `contentChanges` of `didChange`: each a text, with a range or (the whole document) without. */
export function isContentChanges(v: unknown): v is TextDocumentContentChangeEvent[] {
  return Array.isArray(v) && v.every((c) => isObject(c) && typeof c.text === 'string' && (c.range === undefined || isRange(c.range)));
}

/** A `textDocument` identifier: `{ uri }`. */
export function uriOf(v: unknown): string | undefined {
  return isObject(v) && isObject(v.textDocument) && typeof v.textDocument.uri === 'string' ? v.textDocument.uri : undefined;
}

/** The `{ textDocument, position }` of a hover. */
export function isPositionParams(v: unknown): v is { textDocument: { uri: string }; position: { line: number; character: number } } {
  return uriOf(v) !== undefined && isPosition((v as Record<string, unknown>).position);
}
