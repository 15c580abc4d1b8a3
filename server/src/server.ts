// The GSM Log Lens language server: wires LSP requests to the analysis core. Only this layer (and
// server/src/lsp/, whose protocol.ts the client shares) knows the protocol; the core returns plain data.
import { fileURLToPath } from 'node:url';
import {
  DidChangeConfigurationNotification, TextDocumentSyncKind,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { analyzeFiles, type AnalyzeOptions } from './core/analyze';
import { compileCustomRules, isRuleRefusal, type CompiledRule } from './core/findings/customRules';
import type { Analysis, Finding } from './core/model';
import { toHtmlReport } from './core/report/htmlReport';
import { toShareableReport } from './core/report/shareableReport';
import { codeLensesFor } from './lsp/codeLenses';
import { lineRangeOf, PROBLEMS_PER_CODE, toDiagnostics, type DiagnosticOptions } from './lsp/diagnostics';
import { BIG_MESSAGE_CHARS, collectGarbage } from './lsp/collectGarbage';
import { DocumentAnalysis } from './lsp/documentAnalysis';
import { LogDocument, type DocumentChange } from './lsp/logDocument';
import { readMarkedFile, readOpenFromFileMark } from './lsp/openFromFile';
import { hoverAt } from './lsp/hovers';
import { documentSymbols, FOLDING_RANGE_LIMIT, foldingRanges } from './lsp/outline';
import { buildTimeline } from './core/timeline/buildTimeline';
import type { TimelinePayload } from './core/timeline/timelineTypes';
import { AnalyzeFileRequest, DEFAULT_SETTINGS, ForgetFileNotification, ReportRequest, ResendDocumentNotification, StatusNotification, TimelineRequest, type TimelineParams, type AnalyzeFileParams, type GsmLensSettings, type ReportParams, type ReportResult, type StatusParams } from './lsp/protocol';
import { runSafe, runSafeAsync, whenTextGone } from './lsp/runSafe';
import { DiskAnalyses } from './lsp/diskAnalyses';
import { createServerConnection } from './lsp/stdioConnection';
import { isContentChanges, isPositionParams, isTextDocumentItem, uriOf } from './lsp/guards';

const { connection, heldTexts } = createServerConnection();

// The backstop: a promise nobody awaited must not take the server down (Node ends the process on
// an unhandled rejection). Every handler is guarded below; this logs whatever slips through.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);
});

interface OpenDocument {
  doc: LogDocument;
  /** Settles once the settings are read and the first analysis exists. */
  ready: Promise<void>;
  settings?: GsmLensSettings;
  rules: CompiledRule[];
  analysis?: DocumentAnalysis;
  timer?: NodeJS.Timeout;
}

const open = new Map<string, OpenDocument>();
/** Analyses of files read from disk (too big for the editor to sync), for reports: the few most recent. */
const fromDisk = new DiskAnalyses();
let configurationSupported = false;
/** The most folding ranges the client takes per document (its `rangeLimit`). */
let foldingRangeLimit = FOLDING_RANGE_LIMIT;
let codeBase: string | undefined;
const reportedRuleErrors = new Set<string>();

connection.onInitialize((params: InitializeParams) => {
  configurationSupported = !!params.capabilities.workspace?.configuration;
  const rangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
  if (typeof rangeLimit === 'number' && Number.isSafeInteger(rangeLimit) && rangeLimit > 0) foldingRangeLimit = rangeLimit;
  const init = params.initializationOptions as { codeBase?: string } | undefined;
  codeBase = typeof init?.codeBase === 'string' ? init.codeBase : undefined;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'GSM Log Lens' },
  };
});

connection.onInitialized(() => {
  if (configurationSupported) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gsmlens' });
});

async function settingsFor(uri: string): Promise<GsmLensSettings> {
  if (!configurationSupported) return DEFAULT_SETTINGS;
  const got = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'gsmlens' })) as Partial<GsmLensSettings> | null;
  return { ...DEFAULT_SETTINGS, ...(got ?? {}), thresholds: { ...(got?.thresholds ?? {}) }, codeLens: { ...DEFAULT_SETTINGS.codeLens, ...(got?.codeLens ?? {}) } };
}

/** The setting gsmlens.maxProblemsPerCode: a whole number >= 0, else the default. */
function problemsPerCode(s: GsmLensSettings): number {
  const n = s.maxProblemsPerCode;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : PROBLEMS_PER_CODE;
}

function diagnosticOptions(s: GsmLensSettings): DiagnosticOptions {
  return { minimumSeverity: s.minimumSeverity, perCode: problemsPerCode(s), ...(codeBase ? { codeBase } : {}) };
}

function optionsOf(s: GsmLensSettings): AnalyzeOptions {
  return { ...s.thresholds };
}

function compileRules(s: GsmLensSettings): CompiledRule[] {
  const { rules, errors } = compileCustomRules(s.customRules);
  for (const e of errors) {
    if (reportedRuleErrors.has(e)) continue;
    reportedRuleErrors.add(e);
    void connection.window.showErrorMessage(`GSM Log Lens: ${e} The rule is skipped.`);
  }
  return rules;
}

/** A rule refused for one file (it matched nearly every line) is said once per file and rule. */
function reportRuleRefusals(uri: string, notices: readonly { message: string }[]): void {
  for (const n of notices) {
    if (!isRuleRefusal(n)) continue;
    const key = `${uri} ${n.message.slice(0, n.message.indexOf(':'))}`;
    if (reportedRuleErrors.has(key)) continue;
    reportedRuleErrors.add(key);
    void connection.window.showErrorMessage(`GSM Log Lens: ${n.message}`);
  }
}

/** Reads the settings and makes the first analysis; never rejects (a failure is logged). */
function prepare(entry: OpenDocument): Promise<void> {
  return runSafeAsync(connection, 'analysis', undefined, undefined, () => prepareNow(entry));
}

async function prepareNow(entry: OpenDocument): Promise<void> {
  const uri = entry.doc.uri;
  const settings = await settingsFor(uri).catch(() => DEFAULT_SETTINGS);
  if (open.get(uri) !== entry) return;
  entry.settings = settings;
  entry.rules = compileRules(settings);
  entry.analysis?.dispose();
  entry.analysis = new DocumentAnalysis(entry.doc, { ...optionsOf(settings), customRules: entry.rules });
  schedule(entry, 0);
}

function schedule(entry: OpenDocument, delay: number): void {
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    entry.timer = undefined;
    void publish(entry);
  }, delay);
}

function statusOf(uri: string, analysis: Analysis, findings: readonly Finding[], lines: number): StatusParams {
  const count = (sev: string): number => findings.filter((f) => f.severity === sev).length;
  const read = analysis.files[0]?.recognised;
  const lead = analysis.episodes[0];
  const story = lead ? { title: lead.title, verdict: lead.verdict, verdictLabel: lead.verdictLabel, severity: lead.severity } : undefined;
  return { uri, ...(story ? { story } : {}), moreStories: Math.max(0, analysis.episodes.length - 1), errors: count('error'), warnings: count('warning'), infos: count('info'), lines, ...(read && read.content > 0 ? { recognised: read.share } : {}) };
}

/**
 * Sends the problems and status of the newest analysis. The analysis may read the document in
 * slices first (an edit inside it), so this awaits; a result overtaken meanwhile by a newer edit is
 * not sent, since that edit has its own publish scheduled.
 */
function publish(entry: OpenDocument): Promise<void> {
  const uri = entry.doc.uri;
  return runSafeAsync(connection, 'analysis', undefined, undefined, async () => {
    if (open.get(uri) !== entry || !entry.analysis || !entry.settings) return;
    const analysis = entry.analysis;
    const result = await analysis.result();
    if (open.get(uri) !== entry || entry.analysis !== analysis || analysis.pending) return;
    reportRuleRefusals(uri, result.analysis.notices);
    const diagnostics = toDiagnostics(uri, result.findings, lineRangeOf(result.doc), diagnosticOptions(entry.settings));
    void connection.sendDiagnostics({ uri, version: result.doc.version, diagnostics });
    void connection.sendNotification(StatusNotification.type, statusOf(uri, result.analysis, result.findings, result.doc.lineCount));
  });
}

connection.onDidOpenTextDocument((params) => runSafe(connection, 'didOpen', undefined, undefined, () => {
  const t: unknown = params?.textDocument;
  // A big text read over stdio arrives as pieces (pieceMessageReader.ts): taken first, so that
  // none is left held for a message of the wrong shape.
  const sent = (t as { text?: unknown } | undefined)?.text;
  const pieces: string[] | undefined = typeof sent === 'string' ? heldTexts.take(sent) : undefined;
  if (!isTextDocumentItem(t)) return void connection.console.error(`didOpen ignored: no textDocument with uri, languageId, version and text (${describe(t)})`);
  const text = t.text;
  const mark = pieces ? undefined : readOpenFromFileMark(text);
  let fromFile: LogDocument | undefined;
  if (mark || (!pieces && heldTexts.isToken(text))) {
    // A big log opened from its file: its text is read here, not carried as JSON (protocol.ts),
    // and mostly left in the file (fileBlocks.ts). (Or a held text that was dropped unread, which
    // only a flood of big messages could cause.)
    fromFile = mark ? readMarkedFile(t.uri, mark)?.document(t.uri, t.languageId, t.version) : undefined;
    if (fromFile === undefined) {
      // Not the editor's text: nothing is held for the document until the client sends the text,
      // which includes any change made meanwhile (changes to the document are ignored till then).
      askForText(t.uri);
      return;
    }
  } else if ((pieces ? heldLength(pieces) : text.length) >= BIG_MESSAGE_CHARS) {
    // The transport's copies of a big document are garbage now: freed before reading, not on top of it.
    collectGarbage();
  }
  const doc = fromFile ?? (pieces ? LogDocument.fromPieces(t.uri, t.languageId, t.version, pieces) : LogDocument.create(t.uri, t.languageId, t.version, text));
  const entry: OpenDocument = { doc, rules: [], ready: Promise.resolve() };
  open.set(t.uri, entry);
  entry.ready = prepare(entry);
}));

/** Lets go of a document whose text the server cannot follow, and asks the client to send it again. */
function askForText(uri: string): void {
  dropOpen(uri);
  void connection.sendNotification(ResendDocumentNotification.type, { uri });
}

// A log left in its file whose file changed under it (fileBlocks.ts): its text is asked for.
whenTextGone((uri) => {
  if (open.has(uri)) askForText(uri);
});

/** Lets go of an open document's analysis. */
function dropOpen(uri: string): void {
  const entry = open.get(uri);
  if (entry?.timer) clearTimeout(entry.timer);
  entry?.analysis?.dispose();
  open.delete(uri);
}

connection.onDidChangeTextDocument((params) => runSafe(connection, 'didChange', undefined, undefined, () => {
  // A big change text read over stdio arrives as pieces (pieceMessageReader.ts): taken first, so
  // that none is left held for a message of the wrong shape or a document not open.
  const sent: unknown = (params as { contentChanges?: unknown } | undefined)?.contentChanges;
  const pieces = Array.isArray(sent) ? sent.map((c: unknown) => {
    const text = (c as { text?: unknown } | null)?.text;
    return typeof text === 'string' ? heldTexts.take(text) : undefined;
  }) : [];
  const uri = uriOf(params);
  const entry = uri !== undefined ? open.get(uri) : undefined;
  if (!entry) return;
  const { textDocument, contentChanges } = params;
  if (!isContentChanges(contentChanges) || typeof textDocument.version !== 'number') {
    return void connection.console.error(`didChange ignored for ${uri}: contentChanges must be a list of { text, range? } and the version a number (${describe(contentChanges)})`);
  }
  if (contentChanges.some((c, i) => !pieces[i] && heldTexts.isToken(c.text))) {
    // A held text dropped unread (only a flood of big messages could cause it): the document
    // can no longer be followed, so it is let go and its whole text asked for again.
    askForText(entry.doc.uri);
    return;
  }
  const changes: DocumentChange[] = contentChanges.map((c, i) => (pieces[i] ? { ...c, pieces: pieces[i] } : c));
  // Applied one by one, noting where each starts in the text it was made to.
  const { doc, offsets } = entry.doc.update(changes, textDocument.version);
  entry.doc = doc;
  if (changes.reduce((n, c) => n + (c.pieces ? heldLength(c.pieces) : c.text.length), 0) >= BIG_MESSAGE_CHARS) collectGarbage();
  if (!entry.analysis) return;
  runSafe(connection, 'update', undefined, undefined, () => entry.analysis!.update(doc, contentChanges, offsets));
  // Appends republish at once; an edit inside the text waits for the typing to pause (the whole
  // document is read again then, not per keystroke).
  const appended = entry.analysis.lastUpdateWasAppend;
  schedule(entry, appended ? 0 : doc.lineCount < 20000 ? 50 : 300);
}));

connection.onDidCloseTextDocument((params) => runSafe(connection, 'didClose', undefined, undefined, () => {
  const uri = uriOf(params);
  if (uri === undefined) return;
  const big = (open.get(uri)?.doc.size ?? 0) >= BIG_MESSAGE_CHARS;
  dropOpen(uri);
  fromDisk.delete(uri);
  // What a big document held is garbage now: given back at once, not when V8 next needs room.
  if (big) collectGarbage();
  void connection.sendDiagnostics({ uri, diagnostics: [] });
}));

// A log read from disk has no didClose (the editor never synced it): the client says when its tab closes.
connection.onNotification(ForgetFileNotification.type, (params: unknown) => runSafe(connection, 'forgetFile', undefined, undefined, () => {
  const uri = (params as { uri?: unknown } | null)?.uri;
  if (typeof uri !== 'string' || !fromDisk.delete(uri)) return;
  void connection.sendDiagnostics({ uri, diagnostics: [] });
}));

connection.onDidChangeConfiguration(() => runSafe(connection, 'configuration', undefined, undefined, () => {
  reportedRuleErrors.clear();
  for (const entry of open.values()) entry.ready = prepare(entry);
}));

/** A short picture of a malformed value for the log. */
function describe(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 120 ? `${s.slice(0, 120)}...` : s;
}

/** The current analysis of an open document, waiting for the first one if it is still being made. */
async function resultOf(uri: string) {
  const entry = open.get(uri);
  if (!entry) return undefined;
  await entry.ready;
  return entry.analysis ? { entry, result: await entry.analysis.result() } : undefined;
}

/** For hovers: the newest analysis ready now, so a hover never waits for a pending re-read. */
async function latestOf(uri: string) {
  const entry = open.get(uri);
  if (!entry) return undefined;
  await entry.ready;
  const ready = entry.analysis?.latest();
  if (ready) return { entry, result: ready };
  return entry.analysis ? { entry, result: await entry.analysis.result() } : undefined;
}

connection.onHover((params, token) =>
  runSafeAsync(connection, 'hover', null, token, async () => {
    if (!isPositionParams(params)) return null;
    const r = await latestOf(params.textDocument.uri);
    return r ? hoverAt(r.entry.doc, r.result, params.position) : null;
  }));

connection.onCodeLens((params, token) =>
  runSafeAsync(connection, 'codeLens', [], token, async () => {
    const uri = uriOf(params);
    const r = uri !== undefined ? await resultOf(uri) : undefined;
    return r ? codeLensesFor(r.entry.doc.uri, r.result, r.entry.settings?.codeLens.mode ?? 'episodes', problemsPerCode(r.entry.settings ?? DEFAULT_SETTINGS)) : [];
  }));

connection.onDocumentSymbol((params, token) =>
  runSafeAsync(connection, 'documentSymbol', [], token, async () => {
    const uri = uriOf(params);
    const r = uri !== undefined ? await resultOf(uri) : undefined;
    return r ? documentSymbols(r.result) : [];
  }));

connection.onFoldingRanges((params, token) =>
  runSafeAsync(connection, 'foldingRanges', [], token, async () => {
    const uri = uriOf(params);
    const r = uri !== undefined ? await resultOf(uri) : undefined;
    return r ? foldingRanges(r.result, foldingRangeLimit) : [];
  }));

connection.onRequest(AnalyzeFileRequest.type, (params: AnalyzeFileParams, token) =>
  runSafeAsync(connection, 'analyzeFile', { uri: String(params?.uri), moreStories: 0, errors: 0, warnings: 0, infos: 0, lines: 0 }, token, async () => {
    if (typeof params?.uri !== 'string' || !params.uri.startsWith('file:')) throw new Error(`only file: URIs can be read from disk, not ${params.uri}`);
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const settings = await settingsFor(params.uri).catch(() => DEFAULT_SETTINGS);
    const analysis = await analyzeFiles([fileURLToPath(params.uri)], { ...optionsOf(settings), customRules: compileRules(settings), signal: controller.signal });
    // The least recently used beyond the bound are dropped; their problems stay (they are right).
    fromDisk.set(params.uri, analysis);
    reportRuleRefusals(params.uri, analysis.notices);
    // An archive's problems belong to its entries, which get them when they are opened.
    if (!('archive' in analysis)) {
      const diagnostics = toDiagnostics(params.uri, analysis.findings, lineRangeOf(undefined), diagnosticOptions(settings));
      void connection.sendDiagnostics({ uri: params.uri, diagnostics });
    }
    const status = statusOf(params.uri, analysis, analysis.findings, analysis.files[0]?.lines ?? 0);
    void connection.sendNotification(StatusNotification.type, status);
    return status;
  }));

connection.onRequest(ReportRequest.type, (params: ReportParams, token): Promise<ReportResult> =>
  runSafeAsync(connection, 'report', { markdown: '', html: '' }, token, async () => {
    if (typeof params?.uri !== 'string') throw new Error(`report needs { uri }, not ${describe(params)}`);
    const r = await resultOf(params.uri);
    if (r) {
      const lineText = (_f: number, line: number): string => r.result.doc.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).replace(/\r?\n$/, '');
      return reportOf(r.result.analysis, lineText);
    }
    const disk = fromDisk.get(params.uri);
    if (disk) return reportOf(disk);
    const none = 'This document is not open as a router log (or it was read from disk and has been closed since). Open it, or run "GSM Log Lens: Open as Router Log".';
    return { markdown: `# Modem update diagnosis\n\n${none}\n`, html: `<h1>Modem update diagnosis</h1><p>${none}</p>` };
  }));

connection.onRequest(TimelineRequest.type, (params: TimelineParams, token): Promise<TimelinePayload | null> =>
  runSafeAsync(connection, 'timeline', null, token, async () => {
    if (typeof params?.uri !== 'string') return null;
    const r = await resultOf(params.uri);
    if (r) return buildTimeline(params.uri, r.result.analysis, r.result.file);
    const disk = fromDisk.get(params.uri);
    return disk ? buildTimeline(params.uri, disk, undefined) : null;
  }));

/** Both forms of the report; the Markdown one is for sharing, so it is redacted. */
function reportOf(analysis: Analysis, lineText?: (file: number, line: number) => string | undefined): ReportResult {
  // The report is the Diagnose Modem Update command's: it says first whether the log has an update.
  const options = { aboutUpdate: true, ...(lineText ? { lineText } : {}) };
  return { markdown: toShareableReport(analysis, 'md', options), html: toHtmlReport(analysis, options), files: analysis.files.map((f) => f.path) };
}

connection.listen();

function heldLength(pieces: readonly string[]): number {
  return pieces.reduce((n, p) => n + p.length, 0);
}
