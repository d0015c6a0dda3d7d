/**
 * The Norma extension for VS Code: starts the bundled language server and
 * adds what only an editor can (commands, status, snippets come from the
 * manifest). Everything about law is answered by the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { NormaStatus } from './status';
import { NormaCostStatus, WORKSPACE_REPORT } from './cost-status';

const loadedAt = performance.now();

/** The server-side command that renumbers a document (see server/src/lsp/code-actions.ts). */
const RENUMBER_COMMAND = 'norma.server.renumber';
const FIX_ALL_KIND = 'source.fixAll.norma';
/** Read-only documents with the cost report of a draft (the draft's URI in the query). */
const REPORT_SCHEME = 'norma-report';

/** The cost reports, asked from the language server each time they are shown. */
class CostReports implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  constructor(private readonly client: () => LanguageClient | undefined) {}
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const r = await this.client()?.sendRequest<{ markdown: string } | null>('norma/costReport', { uri: uri.query });
    return r?.markdown ?? vscode.l10n.t('The cost report is not available in this version of the language server yet.');
  }
}

/** What `activate` returns: for tests and the benchmark. */
export interface NormaApi {
  /** From loading the extension's code to the end of `activate` (ms). */
  activationMs: number;
  /** From loading the code until the language server answered `initialize` (ms). */
  readonly serverReadyMs: number | undefined;
  /** Resolves when the language server is running. */
  ready: Promise<void>;
  client(): LanguageClient | undefined;
  /** The status-bar item with the workspace's compliance cost. */
  costStatus: NormaCostStatus;
}

let client: LanguageClient | undefined;
let serverReadyMs: number | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<NormaApi> {
  const output = vscode.window.createOutputChannel('Norma', { log: true });
  context.subscriptions.push(output);
  const status = new NormaStatus();
  context.subscriptions.push(status);
  const costStatus = new NormaCostStatus(() => client);
  context.subscriptions.push(costStatus);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'norma', scheme: 'file' },
      { language: 'norma', scheme: 'untitled' },
    ],
    outputChannel: output,
    initializationOptions: {},
    markdown: { isTrusted: false, supportHtml: false },
  };

  const start = async (): Promise<void> => {
    client = new LanguageClient('norma', vscode.l10n.t('Norma Language Server'), serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      status.setState(e.newState);
      costStatus.schedule(0);
    });
    status.setState(State.Starting);
    await client.start();
    serverReadyMs ??= performance.now() - loadedAt;
  };

  const reports = new CostReports(() => client);
  const ready = start().catch((e: unknown) => {
    status.setState(State.StartFailed);
    output.error(`${vscode.l10n.t('The Norma language server could not be started.')} ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The Norma language server could not be started.'));
  });

  context.subscriptions.push(
    vscode.commands.registerCommand('norma.restartServer', async () => {
      if (client) {
        await client.stop().catch(() => undefined);
        await client.dispose().catch(() => undefined);
      }
      await start();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Norma language server restarted.'), 3000);
    }),
    vscode.commands.registerCommand('norma.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('norma.renumber', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target || !client || client.state !== State.Running) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a .norma draft to renumber it.'));
        return;
      }
      const commands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
      if (!commands.includes(RENUMBER_COMMAND)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Renumbering is not available in this version of the language server yet.'));
        return;
      }
      await client.sendRequest('workspace/executeCommand', { command: RENUMBER_COMMAND, arguments: [client.code2ProtocolConverter.asUri(target)] });
    }),
    vscode.commands.registerCommand('norma.erfuellungsaufwand', async (uri?: string | vscode.Uri) => {
      // the command behind the cost code lenses and the cost status item: the cost report of a draft
      // (or of the whole workspace, WORKSPACE_REPORT), read-only, as a Markdown preview
      const active = vscode.window.activeTextEditor?.document;
      const target =
        typeof uri === 'string' ? uri : (uri ?? (active?.languageId === 'norma' ? active.uri : undefined))?.toString() ?? WORKSPACE_REPORT;
      const experimental = client?.initializeResult?.capabilities.experimental as { costReport?: boolean } | undefined;
      if (!target || !client || !experimental?.costReport) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The cost report is not available in this version of the language server yet.'));
        return;
      }
      const title = target === WORKSPACE_REPORT ? vscode.l10n.t('Compliance cost of the workspace') : vscode.l10n.t('Compliance cost');
      const reportUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${title}.md`, query: target });
      reports.refresh(reportUri);
      await vscode.commands.executeCommand('markdown.showPreview', reportUri);
    }),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand('norma.fixAll', async () => {
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' });
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
    vscode.languages.onDidChangeDiagnostics(() => {
      status.refresh();
      costStatus.schedule();
    }),
    { dispose: () => void client?.stop() },
  );
  status.refresh();

  return {
    activationMs: performance.now() - loadedAt,
    get serverReadyMs() {
      return serverReadyMs;
    },
    ready,
    client: () => client,
    costStatus,
  };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop().catch(() => undefined);
}
