import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidOpenTextDocumentNotification, ExitNotification,
  InitializedNotification, InitializeRequest, IPCMessageReader, IPCMessageWriter, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification } from '../../server/src/lsp/protocol';

const ROOT = join(__dirname, '..', '..');

/**
 * The language server as an editor sees it: out/server.js over stdio (or node IPC, as VS Code
 * starts it), with what it sent kept.
 */
export class LspServer {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  /** window/showMessage texts (rule errors and the like). */
  readonly messages: string[] = [];
  /** window/logMessage texts (the server's own log). */
  readonly logs: string[] = [];
  settings: Record<string, unknown> = {};
  exitCode: number | null | undefined;
  private readonly waiters: (() => void)[] = [];
  private version = 1;

  constructor(transport: 'stdio' | 'ipc' = 'stdio') {
    const ipc = transport === 'ipc';
    this.proc = spawn(process.execPath, [join(ROOT, 'out', 'server.js'), ipc ? '--node-ipc' : '--stdio'], { stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? ['ipc' as const] : [])] });
    this.proc.stderr!.on('data', (c: Buffer) => this.logs.push(c.toString()));
    this.proc.on('exit', (code) => {
      this.exitCode = code;
      this.notify();
    });
    this.conn = ipc
      ? createProtocolConnection(new IPCMessageReader(this.proc), new IPCMessageWriter(this.proc))
      : createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, { version: p.version, diagnostics: p.diagnostics });
      this.notify();
    });
    this.conn.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.notify();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.notify();
    });
    this.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      this.notify();
      return null;
    });
    this.conn.onNotification(StatusNotification.type, () => this.notify());
    this.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }

  async start(): Promise<void> {
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** Shuts the server down; a server that does not answer within 5 s (hung) is killed. */
  async stop(): Promise<void> {
    if (this.exitCode === undefined) {
      const exited = new Promise((r) => (this.exitCode !== undefined ? r(undefined) : this.proc.once('exit', r)));
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type).then(() => this.conn.sendNotification(ExitNotification.type)), exited]);
      await exited;
      clearTimeout(timer);
    }
    this.conn.dispose();
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until the predicate holds on what the server has sent; fails after `ms`. */
  async until<T>(what: string, probe: () => T | undefined | false, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (this.exitCode !== undefined) throw new Error(`the server exited (${this.exitCode}) while waiting for ${what}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  /** A request that fails after `ms` instead of waiting for ever on a server that hangs. */
  request<R>(method: string | { method: string }, params: unknown, ms = 10_000): Promise<R> {
    const name = typeof method === 'string' ? method : method.method;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${name} within ${ms} ms`)), ms)));
    return Promise.race([this.conn.sendRequest(name, params as never) as Promise<R>, timeout]).finally(() => clearTimeout(timer));
  }

  open(uri: string, text: string): number {
    this.diagnostics.delete(uri);
    const version = this.version++;
    void this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'routerlog', version, text } });
    return version;
  }

  nextVersion(): number {
    return this.version++;
  }

  diagnosticsOf(uri: string, atLeastVersion = 0, ms = 10_000): Promise<Diagnostic[]> {
    return this.until(`diagnostics for ${uri}`, () => {
      const d = this.diagnostics.get(uri);
      return d && (d.version ?? Infinity) >= atLeastVersion ? d.diagnostics : undefined;
    }, ms);
  }

  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }
}
