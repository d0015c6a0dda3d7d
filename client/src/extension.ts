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
import { NormaPreviews } from './preview';
import { CostReports } from './cost-report';
import { initL10n, t } from './l10n';

const loadedAt = performance.now();

/** The server-side command that renumbers a document (see server/src/lsp/code-actions.ts). */
const RENUMBER_COMMAND = 'norma.server.renumber';
const FIX_ALL_KIND = 'source.fixAll.norma';
/** Read-only documents with the new version of an amended law (the law's URI in the query). */
const NEW_VERSION_SCHEME = 'norma-neu';
class NewVersions implements vscode.TextDocumentContentProvider {
  readonly texts = new Map<string, string>();
  readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
const newVersions = new NewVersions();

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
  /** The live previews. */
  previews: NormaPreviews;
  /** The cost report views. */
  reports: CostReports;
  /** Export without the save dialog (tests). */
  exportTo(format: 'html' | 'legaldocml', uri: vscode.Uri, target: vscode.Uri): Promise<vscode.Uri[] | undefined>;
}

let client: LanguageClient | undefined;
let serverReadyMs: number | undefined;
/** The .norma editor the user worked in last: commands run from the walkthrough (a non-text editor) act on it. */
let lastNormaDocument: vscode.TextDocument | undefined;

/** The draft a command acts on: the given one, the active .norma editor, or the last one that was active. */
async function normaDocument(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'norma') return active;
  if (lastNormaDocument && !lastNormaDocument.isClosed && lastNormaDocument.languageId === 'norma') return lastNormaDocument;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'norma')?.document;
}

/** The walkthrough „Norma kennenlernen“ (package.json, contributes.walkthroughs). */
export const WALKTHROUGH = 'norma.norma#kennenlernen';

export async function activate(context: vscode.ExtensionContext): Promise<NormaApi> {
  initL10n(context);
  const output = vscode.window.createOutputChannel('Norma', { log: true });
  context.subscriptions.push(output);
  const status = new NormaStatus();
  context.subscriptions.push(status);
  const costStatus = new NormaCostStatus(() => client);
  context.subscriptions.push(costStatus);
  const previews = new NormaPreviews(context.extensionUri, () => client);
  context.subscriptions.push(previews);

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
    client = new LanguageClient('norma', t('Norma Language Server'), serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      status.setState(e.newState);
      costStatus.schedule(0);
      if (e.newState === State.Running) previews.refreshAll();
    });
    status.setState(State.Starting);
    await client.start();
    serverReadyMs ??= performance.now() - loadedAt;
  };

  /**
   * Export a draft as HTML or LegalDocML.de: the server writes the text, the user picks the file
   * (`target` skips the dialog, for tests); LegalDocML.de Anlagen go beside it. Returns the files written.
   */
  const exportDraft = async (format: 'html' | 'legaldocml', uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri[] | undefined> => {
    const doc = await normaDocument(uri);
    const experimental = client?.initializeResult?.capabilities.experimental as { export?: boolean } | undefined;
    if (!doc || doc.languageId !== 'norma') {
      void vscode.window.showWarningMessage(t('Open a .norma draft to export it.'));
      return undefined;
    }
    if (!client || !experimental?.export) {
      void vscode.window.showInformationMessage(t('The export is not available in this version of the language server yet.'));
      return undefined;
    }
    const ext = format === 'html' ? 'html' : 'xml';
    const base = doc.uri.scheme === 'file' ? doc.uri.with({ path: doc.uri.path.replace(/\.norma$/, '') + `.${ext}` }) : undefined;
    const dest =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: base,
        filters: format === 'html' ? { HTML: ['html'] } : { 'LegalDocML.de': ['xml'] },
        title: format === 'html' ? t('Export as HTML') : t('Export as LegalDocML.de'),
      }));
    if (!dest) return undefined;
    const stem = dest.path.slice(dest.path.lastIndexOf('/') + 1).replace(/\.(xml|html?)$/i, '');
    const r = await client.sendRequest<{ files: { name: string; text: string }[]; warnings: string[] } | null>('norma/export', {
      uri: client.code2ProtocolConverter.asUri(doc.uri),
      format,
      dateiname: stem,
    });
    if (!r) return undefined;
    const written: vscode.Uri[] = [];
    const dir = vscode.Uri.joinPath(dest, '..');
    for (const [i, f] of r.files.entries()) {
      const to = i === 0 ? dest : vscode.Uri.joinPath(dir, f.name);
      await vscode.workspace.fs.writeFile(to, new TextEncoder().encode(f.text));
      written.push(to);
    }
    for (const w of r.warnings) output.warn(w);
    const more = written.length > 1 ? ` ${t('(and {0} Anlagen beside it)', written.length - 1)}` : '';
    void vscode.window.showInformationMessage(t('Exported to {0}', vscode.workspace.asRelativePath(dest)) + more);
    return written;
  };

  const reports = new CostReports(context.extensionUri, () => client);
  context.subscriptions.push(reports);
  const ready = start().catch((e: unknown) => {
    status.setState(State.StartFailed);
    output.error(`${t('The Norma language server could not be started.')} ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(t('The Norma language server could not be started.'));
  });

  context.subscriptions.push(
    vscode.commands.registerCommand('norma.restartServer', async () => {
      if (client) {
        await client.stop().catch(() => undefined);
        await client.dispose().catch(() => undefined);
      }
      await start();
      void vscode.window.setStatusBarMessage(t('Norma language server restarted.'), 3000);
    }),
    vscode.commands.registerCommand('norma.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('norma.renumber', async (uri?: vscode.Uri) => {
      const target = uri ?? (await normaDocument())?.uri;
      if (!target || !client || client.state !== State.Running) {
        void vscode.window.showWarningMessage(t('Open a .norma draft to renumber it.'));
        return;
      }
      const commands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
      if (!commands.includes(RENUMBER_COMMAND)) {
        void vscode.window.showInformationMessage(t('Renumbering is not available in this version of the language server yet.'));
        return;
      }
      await client.sendRequest('workspace/executeCommand', { command: RENUMBER_COMMAND, arguments: [client.code2ProtocolConverter.asUri(target)] });
      // run from the walkthrough or the Explorer: show what changed
      if (!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === target.toString())) {
        await vscode.window.showTextDocument(target, { preview: false });
      }
    }),
    vscode.commands.registerCommand('norma.erfuellungsaufwand', async (uri?: string | vscode.Uri) => {
      // the command behind the cost code lenses and the cost status item: the cost report view of a draft
      // (or of the whole workspace, WORKSPACE_REPORT) beside the editor
      const active = await normaDocument();
      const target = typeof uri === 'string' ? uri : (uri ?? active?.uri)?.toString() ?? WORKSPACE_REPORT;
      const experimental = client?.initializeResult?.capabilities.experimental as { costReport?: boolean } | undefined;
      if (!client || !experimental?.costReport) {
        void vscode.window.showInformationMessage(t('The cost report is not available in this version of the language server yet.'));
        return undefined;
      }
      const name = target === WORKSPACE_REPORT ? undefined : vscode.Uri.parse(target).path.split('/').pop();
      const title = name ? t('Compliance cost: {0}', name) : t('Compliance cost of the workspace');
      return reports.show(target, title);
    }),
    vscode.commands.registerCommand('norma.exportHtml', (uri?: vscode.Uri) => exportDraft('html', uri)),
    vscode.commands.registerCommand('norma.exportLegalDocML', (uri?: vscode.Uri) => exportDraft('legaldocml', uri)),
    vscode.commands.registerCommand('norma.synopse', async (uri?: vscode.Uri) => {
      const doc = await normaDocument(uri);
      if (!doc || doc.languageId !== 'norma') {
        void vscode.window.showWarningMessage(t('Open an amending draft to see its synopsis.'));
        return undefined;
      }
      return previews.open(doc, 'synopse');
    }),
    vscode.workspace.registerTextDocumentContentProvider(NEW_VERSION_SCHEME, newVersions),
    vscode.commands.registerCommand('norma.neueFassung', async (uri?: vscode.Uri) => {
      // the new version of each law the draft amends, as read-only .norma documents
      const doc = await normaDocument(uri);
      if (!doc || doc.languageId !== 'norma' || !client) {
        void vscode.window.showWarningMessage(t('Open an amending draft to see the new version of the law it amends.'));
        return undefined;
      }
      const r = await client.sendRequest<{ versions: { uri: string; name: string; text: string; applied: number; commands: number }[] } | null>('norma/newVersion', {
        uri: client.code2ProtocolConverter.asUri(doc.uri),
      });
      if (!r || !r.versions.length) {
        void vscode.window.showInformationMessage(t('The draft amends no law that is open in the workspace (import it with „norma import“).'));
        return undefined;
      }
      const opened: vscode.TextDocument[] = [];
      for (const v of r.versions) {
        const target = vscode.Uri.from({ scheme: NEW_VERSION_SCHEME, path: `/${v.name.replace(/[/\\]/g, '_')} (${t('new version')}).norma`, query: v.uri });
        newVersions.texts.set(target.toString(), v.text);
        newVersions.changed.fire(target);
        const d = await vscode.workspace.openTextDocument(target);
        await vscode.languages.setTextDocumentLanguage(d, 'norma');
        await vscode.window.showTextDocument(d, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        opened.push(d);
      }
      return opened;
    }),
    vscode.commands.registerCommand('norma.preview', async (uri?: vscode.Uri) => {
      const doc = await normaDocument(uri);
      if (!doc || doc.languageId !== 'norma') {
        void vscode.window.showWarningMessage(t('Open a .norma draft to preview it.'));
        return undefined;
      }
      return previews.open(doc);
    }),
    vscode.commands.registerCommand('norma.fixAll', async () => {
      // from the walkthrough (or another non-text editor): bring the last draft back first
      if (vscode.window.activeTextEditor?.document.languageId !== 'norma') {
        const doc = await normaDocument();
        if (!doc) {
          void vscode.window.showWarningMessage(t('Open a .norma draft to fix its findings.'));
          return;
        }
        await vscode.window.showTextDocument(doc, { preview: false });
      }
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' });
    }),
    vscode.commands.registerCommand('norma.digitalcheck', () => showDigitalcheck()),
    vscode.commands.registerCommand('norma.einfuehrung', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false)),
    vscode.commands.registerCommand('norma.schulung.oeffnen', (file?: string, select?: string) => openExerciseFile(file, select)),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e?.document.languageId === 'norma') lastNormaDocument = e.document;
      status.refresh();
    }),
    vscode.languages.onDidChangeDiagnostics(() => {
      status.refresh();
      costStatus.schedule();
    }),
    // the extension's texts follow `norma.locale` (l10n.ts): the status bar at once, everything else when it is next made
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('norma.locale')) return;
      status.refresh();
      costStatus.schedule(0);
    }),
    { dispose: () => void client?.stop() },
  );
  status.refresh();
  if (vscode.window.activeTextEditor?.document.languageId === 'norma') lastNormaDocument = vscode.window.activeTextEditor.document;
  // `npm start` (the classroom) sets this: the walkthrough greets the participant
  if (vscode.workspace.getConfiguration('norma').get<boolean>('einfuehrung.beimStartOeffnen')) {
    void vscode.commands.executeCommand('norma.einfuehrung');
  }

  return {
    activationMs: performance.now() - loadedAt,
    get serverReadyMs() {
      return serverReadyMs;
    },
    ready,
    client: () => client,
    costStatus,
    previews,
    reports,
    exportTo: (format, uri, target) => exportDraft(format, uri, target),
  };
}

/**
 * The Digitalcheck findings of the current draft (the rules whose source is a Digitalcheck principle),
 * in a list that jumps to the selected one; a message when the draft has none.
 */
async function showDigitalcheck(): Promise<void> {
  const doc = await normaDocument();
  if (!doc) {
    void vscode.window.showWarningMessage(t('Open a .norma draft to see its Digitalcheck findings.'));
    return;
  }
  const name = vscode.workspace.asRelativePath(doc.uri);
  const found = vscode.languages
    .getDiagnostics(doc.uri)
    .filter((d) => typeof d.source === 'string' && d.source.includes('Digitalcheck'))
    .sort((a, b) => a.range.start.line - b.range.start.line);
  if (!found.length) {
    void vscode.window.showInformationMessage(t('Digitalcheck: no findings in {0}.', name));
    return;
  }
  interface Item extends vscode.QuickPickItem {
    range: vscode.Range;
  }
  const items: Item[] = found.map((d) => ({
    label: `${t('Line {0}', d.range.start.line + 1)}: ${doc.getText(d.range) || String(d.code ?? '')}`,
    description: d.source,
    detail: d.message,
    range: d.range,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Digitalcheck: {0} findings in {1}', found.length, name),
    matchOnDetail: true,
  });
  if (picked) await vscode.window.showTextDocument(doc, { selection: picked.range, preview: false });
}

/**
 * Opens a file of the workspace for the walkthrough (path relative to a workspace folder) and, with
 * `select`, selects the first match of that regular expression, so the next step (F12, F2) has its target.
 */
async function openExerciseFile(file?: string, select?: string): Promise<vscode.TextEditor | undefined> {
  if (!file) return undefined;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      continue;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    if (select) {
      const m = new RegExp(select, 'u').exec(doc.getText());
      if (m) {
        const range = new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + m[0].length));
        // the cursor at the start of the match (inside the citation or term, where F12 and F2 act), the match selected
        editor.selection = new vscode.Selection(range.end, range.start);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
      }
    }
    lastNormaDocument = doc;
    return editor;
  }
  void vscode.window.showWarningMessage(
    t('{0} is not in the workspace. Open the folder samples/ of the Norma repository (npm start does this).', file),
  );
  return undefined;
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop().catch(() => undefined);
}
