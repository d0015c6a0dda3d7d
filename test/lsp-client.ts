/**
 * A minimal LSP client for the protocol tests and the benchmark: spawns
 * `norma-language-server --stdio` as a real child process and talks JSON-RPC
 * to it (vscode-jsonrpc), recording what the server publishes and answering
 * the requests a server sends to its client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_BIN = path.join(ROOT, 'bin', 'norma-language-server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /** performance.now() when it arrived */
  at: number;
}

export interface StartOptions {
  /** Workspace folder (absolute path); none: no workspace. */
  root?: string;
  initializationOptions?: Record<string, unknown>;
  /** What the client answers to workspace/configuration for "norma". */
  settings?: Record<string, unknown>;
  /** Announce workspace/configuration, dynamic registration, progress (default true). */
  fullCapabilities?: boolean;
  locale?: string;
  /** Server entry (default: the bin of the package). */
  serverModule?: string;
}

export function fileUri(p: string): string {
  return `file://${p.split('/').map(encodeURIComponent).join('/')}`;
}

export class LspClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly logs: string[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  settings: Record<string, unknown>;
  capabilities: Record<string, unknown> = {};
  private listeners: (() => void)[] = [];
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [opts.serverModule ?? SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
    const client = new LspClient(child, connection, opts.settings ?? {});
    child.stderr?.on('data', (b: Buffer) => (client.stderr += b.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      client.published.push({ ...p, at: performance.now() });
      client.fire();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    connection.onNotification((method: string, params: unknown) => {
      client.notifications.push({ method, params });
      client.fire();
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'norma' ? client.settings : null)));
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', () => undefined);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      client.appliedEdits.push(p.edit);
      client.fire();
      return { applied: true };
    });
    connection.listen();
    const full = opts.fullCapabilities !== false;
    const root = opts.root;
    const result = (await connection.sendRequest('initialize', {
      processId: process.pid,
      locale: opts.locale ?? 'de',
      rootUri: root ? fileUri(root) : null,
      workspaceFolders: root ? [{ uri: fileUri(root), name: path.basename(root) }] : null,
      initializationOptions: opts.initializationOptions ?? {},
      capabilities: {
        workspace: full
          ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, applyEdit: true }
          : { applyEdit: true },
        window: full ? { workDoneProgress: true } : {},
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          synchronization: { didSave: false, dynamicRegistration: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } }, dataSupport: true, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
          rename: { prepareSupport: true },
          semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        },
      },
    })) as { capabilities: Record<string, unknown> };
    client.capabilities = result.capabilities;
    await connection.sendNotification('initialized', {});
    return client;
  }

  private fire(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves when `check` returns a value (checked now and after every message from the server). */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const now = check();
      if (now !== undefined) return resolve(now);
      const listener = (): void => {
        const v = check();
        if (v !== undefined) {
          done();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${this.stderr ? `\nserver stderr:\n${this.stderr}` : ''}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
    });
  }

  /** The next diagnostics published for `uri` after `since` entries (optionally for a version). */
  nextDiagnostics(uri: string, opts: { since?: number; version?: number; timeoutMs?: number } = {}): Promise<PublishedDiagnostics> {
    const since = opts.since ?? this.published.length;
    return this.waitFor(
      `diagnostics for ${uri}${opts.version !== undefined ? ` version ${opts.version}` : ''}`,
      () => this.published.slice(since).find((p) => p.uri === uri && (opts.version === undefined || p.version === opts.version)),
      opts.timeoutMs,
    );
  }

  /** The last diagnostics published for a URI so far. */
  latest(uri: string): PublishedDiagnostics | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'norma', version, text } });
  }

  change(uri: string, version: number, changes: { range?: Range; text: string }[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      /* the server may be gone already */
    }
    this.connection.dispose();
    const exited = new Promise<void>((r) => {
      if (this.child.exitCode !== null) r();
      else this.child.once('exit', () => r());
    });
    const timer = setTimeout(() => this.child.kill(), 2000);
    await exited;
    clearTimeout(timer);
  }
}

/** Position helpers for tests: find text in a document. */
export function positionOf(text: string, needle: string, offsetInNeedle = 0): Position {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, i + offsetInNeedle);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Apply TextEdits to a text (non-overlapping, as LSP requires). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Position): number => {
    let o = 0;
    for (let l = 0; l < p.line && l < lines.length; l++) o += lines[l].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
