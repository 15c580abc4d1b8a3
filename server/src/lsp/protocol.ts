// The custom messages between the GSM Log Lens client and server, in one place (like
// vscode-eslint's customMessages.ts): each is a namespace with its method name and a typed
// `RequestType` / `NotificationType`, and a doc comment saying who sends it to whom. The client
// (vscode-languageclient), the server (vscode-languageserver) and the LSP tests all use these
// types; they share one vscode-languageserver-protocol, so the same objects work on both sides.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { TimelinePayload } from '../core/timeline/timelineTypes';

/** The story the log leads with, as the status bar shows it: the story's own title and verdict words. */
export interface StatusStory {
  title: string;
  verdict: string;
  verdictLabel: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

export interface StatusParams {
  uri: string;
  /** The story that matters most; absent when the log tells none. */
  story?: StatusStory;
  /** How many more stories the log tells. */
  moreStories: number;
  errors: number;
  warnings: number;
  infos: number;
  lines: number;
  /** Share (0-1) of the content lines read as log lines; low means the verdict is unknown. */
  recognised?: number;
}

/** Server -> client, after each analysis of a document: what the status bar shows for it. */
export namespace StatusNotification {
  export const method = 'gsmlens/status';
  export const type = new NotificationType<StatusParams>(method);
}

export interface AnalyzeFileParams {
  /** A `file:` URI the editor does not sync (over VS Code's 50 MB limit). */
  uri: string;
}

/** Client -> server: analyse a log from disk and publish its problems; answers with the status. */
export namespace AnalyzeFileRequest {
  export const method = 'gsmlens/analyzeFile';
  export const type = new RequestType<AnalyzeFileParams, StatusParams, void>(method);
}

export interface ForgetFileParams {
  uri: string;
}

/**
 * Client -> server: a log analysed from disk was closed; its analysis (tens of MB for a big log)
 * is dropped and its problems cleared. The server also keeps only the few most recent ones.
 */
export namespace ForgetFileNotification {
  export const method = 'gsmlens/forgetFile';
  export const type = new NotificationType<ForgetFileParams>(method);
}

export interface ReportParams {
  uri: string;
}

export interface ReportResult {
  /** The report for a ticket or forum post, with identifiers and secrets replaced. */
  markdown: string;
  /** The report as the escaped body of the report webview. */
  html: string;
  /** The analysed files by index, as the report's line links name them. */
  files?: string[];
}

/** Client -> server: the diagnosis report of a document (or a file analysed from disk), as Markdown and HTML. */
export namespace ReportRequest {
  export const method = 'gsmlens/report';
  export const type = new RequestType<ReportParams, ReportResult, void>(method);
}

/** Settings the server reads per resource (section `gsmlens`, through `workspace/configuration`). */
export interface GsmLensSettings {
  thresholds: { usbGapSeconds?: number; burstWindowSeconds?: number; reconnectLoopCount?: number; silenceSeconds?: number };
  codeLens: { mode: 'episodes' | 'events' | 'off' };
  minimumSeverity: 'error' | 'warning' | 'info' | 'hint';
  /** Problems listed per code (0: all); anything else than a whole number >= 0 is the default. */
  maxProblemsPerCode?: unknown;
  customRules: unknown;
}

export const DEFAULT_SETTINGS: GsmLensSettings = {
  thresholds: {},
  codeLens: { mode: 'episodes' },
  minimumSeverity: 'info',
  customRules: [],
};

export interface TimelineParams {
  uri: string;
}

/**
 * Client -> server: the timeline payload of a document or of a file analysed from disk; `null`
 * when the server has neither.
 */
export namespace TimelineRequest {
  export const method = 'gsmlens/timeline';
  export const type = new RequestType<TimelineParams, TimelinePayload | null, void>(method);
}

/**
 * A big log the editor shows unchanged from its file is not sent as JSON text: VS Code's client
 * puts this mark in the didOpen's `text` instead (in band, so no other message can come between),
 * and the server reads the file itself (lsp/openFromFile.ts). The transport's copies of 45 MB of
 * text (joined bytes, decoded text, parsed JSON) are what made its first diagnostics slow and its
 * memory high. The mark carries the SHA-1 and length of the editor's text, which the file's text
 * must have; when it does not, the server asks for the text (ResendDocumentNotification).
 */
export const OPEN_FROM_FILE_MARK = '\u0000gsmlens/openFromFile ';
/** Documents of at least this many characters are opened from their file (below, JSON is cheap). */
export const OPEN_FROM_FILE_CHARS = 4_000_000;

export interface ResendDocumentParams {
  uri: string;
}

/**
 * Server -> client: the file of a document opened from its file did not hold the editor's text
 * (another encoding, line ends VS Code normalised, a write since): send a didOpen with the text.
 */
export namespace ResendDocumentNotification {
  export const method = 'gsmlens/resendDocument';
  export const type = new NotificationType<ResendDocumentParams>(method);
}

/**
 * The V8 flags the server runs with (client/src/client.ts; the bench starts it so too). A young
 * generation of 4 MiB semi-spaces instead of V8's default 16: the server's garbage is mostly short
 * strings of lines read once, and a bigger young generation is memory touched for the first time
 * as it grows, which costs more here than the extra scavenges. Paired opens (2026-12-05): a 45 MB
 * log from its file 0.95x the time, 100,000 lines sent as JSON 0.92x, from the file 1.03x; peak
 * RSS after the 45 MB open from its file 139 MB instead of 158 MB. With 2 MiB the old generation
 * grew by 35 MB over 20 appends (promoted garbage), with 4 MiB by 10 MB, as with the default.
 *
 * The old generation may grow by 20% of what survived the last full collection before the next
 * (`--heap-growing-percent`; V8 picks 10% to 300% by how fast it collects). An append leaves the
 * reading of its lines and the findings as garbage, and V8 let it pile up: over 80 appends of
 * 1,000 lines to a 43 MB log RSS went 155 -> 199 MB after 20 and 220 MB after 60, against
 * 153 -> 163 and 168 MB with the flag, appends as fast (22-32 ms), opens 1.00x the time in pairs.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=20'];
