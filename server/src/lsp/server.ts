/**
 * The Norma language server: a thin adapter from LSP to the language
 * service. It keeps documents in sync (incremental), publishes diagnostics
 * (debounced per document, for every draft of the workspace), reads the
 * editor's settings, and routes every feature request to the service method
 * that implements it. No rule logic lives here.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  type SymbolInformation,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import * as serviceModule from '../service';
import type { Locale, NormaDiagnostic, ResolvedConfig } from '../service';
import { TermRenameError } from '../service';
import { costReportHtmlBody, costReportJson, costReportMarkdown, type CostJson, type CostReport } from '../service/costs';
import { availableFeatures, semanticTokensLegend, type FeatureMethods } from './features';
import { codeActionsFromDiagnostics, FIX_ALL_KIND, RENUMBER_COMMAND, RENUMBER_KIND } from './code-actions';
import { DiagnosticsScheduler, type JobToken } from './scheduler';
import { DEFAULT_SETTINGS, parseSettings, sameSettings, ServerLanguageService, type NormaSettings } from './settings';
import { canonicalUri, findDrafts, isConfigPath, isNormaPath, nodeFileSystem, pathToUri, readDraft, uriToPath } from './workspace';
import { t } from './messages';
import { compactCompletions, limitCompletions } from './completions';
import { idleMinorGc } from './idle-gc';

/** `initializationOptions` the server understands (all optional). */
export interface InitializationOptions {
  /** Fixed diagnostics delay in ms (default: adaptive, see scheduler.ts). */
  diagnosticsDelay?: number;
  /** Open and check every .norma file of the workspace folders at start-up (default true). */
  workspaceDiagnostics?: boolean;
  /** Settings for clients without `workspace/configuration` (same shape as the "norma" section). */
  settings?: unknown;
}

/** Sent when the start-up scan of the workspace has opened and checked every draft. */
export const WORKSPACE_READY = 'norma/workspaceReady';
/** Request: the cost report (Erfüllungsaufwand) of a draft as Markdown; the client's command behind the cost code lenses shows it. */
export const COST_REPORT_REQUEST = 'norma/costReport';
/** The workspace total of the compliance cost, for the status bar. */
export const COST_SUMMARY_REQUEST = 'norma/costSummary';
/** The live preview's HTML body of a draft (`{ uri, costs }` → `{ html, version }`). */
export const PREVIEW_REQUEST = 'norma/preview';
/** An export of a draft: `{ uri, format: 'html' | 'legaldocml', dateiname? }` → `{ files: [{ name, text }], warnings }`. */
export const EXPORT_REQUEST = 'norma/export';
/** The Synopse of an amending draft: `{ uri }` → `{ html, version }`. */
export const SYNOPSE_REQUEST = 'norma/synopse';
/** The new versions of the laws a draft amends: `{ uri }` → `{ versions: [{ uri, name, text, applied, commands }] }`. */
export const NEW_VERSION_REQUEST = 'norma/newVersion';
/** `norma/costReport` with this URI: the report of every draft of the workspace. */
export const WORKSPACE_REPORT = '*';

/** The answer of `norma/costSummary` (euros and hours as plain numbers). */
export interface CostSummary {
  jaehrlich: CostJson['jaehrlich'];
  einmalig: CostJson['einmalig'];
  /** @aufwand annotations counted. */
  annotations: number;
  /** Drafts with at least one annotation. */
  documents: number;
  /** @aufwand annotations with errors, left out of the sums. */
  fehlerhaft: number;
}

export function startServer(connection: Connection): void {
  const ls = new ServerLanguageService({ fileSystem: nodeFileSystem, uriToPath });
  const features: Partial<FeatureMethods> = availableFeatures(ls);
  const legend = semanticTokensLegend(serviceModule);

  /** canonical URI → the URI spelling of the editor that has it open */
  const openInEditor = new Map<string, string>();
  /** canonical URIs of drafts found on disk in the workspace folders */
  const onDisk = new Set<string>();
  /** config file path → JSON of the diagnostics last published for it */
  const publishedConfigs = new Map<string, string>();
  let folders: WorkspaceFolder[] = [];
  let capabilities: ClientCapabilities = {};
  let options: InitializationOptions = {};
  let settings: NormaSettings = DEFAULT_SETTINGS;
  let editorLocale: Locale = 'de';
  let shuttingDown = false;

  const log = (s: string): void => connection.console.log(s);
  const logError = (where: string, e: unknown): void => connection.console.error(`${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);

  /** The locale the user asked for explicitly (setting), if any. */
  const explicitLocale = (): Locale | undefined => (settings.locale === 'de' || settings.locale === 'en' ? settings.locale : settings.locale === 'auto' ? editorLocale : undefined);
  const localeFor = (uri: string): Locale => explicitLocale() ?? ls.configFor(uri).locale ?? 'de';
  const clientUri = (uri: string): string => openInEditor.get(uri) ?? uri;

  // --- diagnostics ------------------------------------------------------------------

  const scheduler = new DiagnosticsScheduler((uri, token) => publish(uri, token), { idle: () => void idleMinorGc() });
  /** Documents whose next analysis is a refresh (another draft changed): published only if their findings changed. */
  const refreshing = new Set<string>();
  /** What was last published per document, for refreshes. */
  const lastPublished = new Map<string, string>();

  function publish(uri: string, token: JobToken): void {
    const doc = ls.getDocument(uri);
    if (!doc || shuttingDown) return;
    const refresh = refreshing.delete(uri);
    let diagnostics: NormaDiagnostic[];
    try {
      diagnostics = ls.getDiagnostics(uri, explicitLocale());
    } catch (e) {
      logError(`Diagnosen für ${uri}`, e);
      return;
    }
    if (token.isCancellationRequested) return;
    const version = openInEditor.has(uri) ? doc.version : undefined;
    if (refresh || !openInEditor.has(uri)) {
      const sig = JSON.stringify(diagnostics);
      if (refresh && lastPublished.get(uri) === sig) return;
      lastPublished.set(uri, sig);
    } else {
      lastPublished.delete(uri);
    }
    void connection.sendDiagnostics({ uri: clientUri(uri), version, diagnostics });
    publishConfig(ls.configFor(uri));
  }

  /**
   * Citations reach across drafts, so a change can alter the findings of
   * other drafts. After a pause in typing the other drafts open in the
   * editor are checked again; after a save (a watched-file event) all of
   * them. Only changed findings are sent.
   */
  function refreshOthers(changed: string, scope: 'open' | 'all', delay: number): void {
    let i = 0;
    for (const doc of ls.documents()) {
      if (doc.uri === changed || (scope === 'open' && !openInEditor.has(doc.uri))) continue;
      if (scheduler.isPending(doc.uri) && !refreshing.has(doc.uri)) continue; // its own analysis is coming anyway
      refreshing.add(doc.uri);
      scheduler.schedule(doc.uri, delay + i++);
    }
  }

  /** Diagnostics of a norma.config.json itself, sent when they changed. */
  function publishConfig(cfg: ResolvedConfig): void {
    if (!cfg.path) return;
    const diagnostics = ls.configDiagnostics(cfg, explicitLocale());
    const json = JSON.stringify(diagnostics);
    if (publishedConfigs.get(cfg.path) === json) return;
    publishedConfigs.set(cfg.path, json);
    void connection.sendDiagnostics({ uri: pathToUri(cfg.path), diagnostics });
  }

  function clearDiagnostics(uri: string): void {
    scheduler.forget(uri);
    refreshing.delete(uri);
    lastPublished.delete(uri);
    void connection.sendDiagnostics({ uri: clientUri(uri), diagnostics: [] });
  }

  /** Everything again (settings or a config file changed). */
  function republishAll(): void {
    for (const path of publishedConfigs.keys()) {
      // a config file that was deleted or fixed: its old findings must go
      if (nodeFileSystem.readFile(path) === undefined) void connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
    }
    publishedConfigs.clear();
    let i = 0;
    for (const doc of ls.documents()) scheduler.schedule(doc.uri, openInEditor.has(doc.uri) ? 0 : 5 + i++);
  }

  // --- settings ------------------------------------------------------------------------

  async function pullSettings(): Promise<boolean> {
    let raw: unknown = options.settings;
    if (capabilities.workspace?.configuration) {
      try {
        raw = await connection.workspace.getConfiguration({ section: 'norma' });
      } catch (e) {
        logError('workspace/configuration', e);
      }
    }
    const { settings: next, problems } = parseSettings(raw, explicitLocale() ?? 'de');
    for (const p of problems) connection.console.warn(p);
    if (sameSettings(next, settings)) return false;
    settings = next;
    ls.setRuleSettings(settings.rules);
    ls.locale = explicitLocale() ?? 'de';
    return true;
  }

  // --- the workspace ---------------------------------------------------------------------

  async function scanFolders(toScan: WorkspaceFolder[]): Promise<void> {
    if (options.workspaceDiagnostics === false) return;
    const t0 = performance.now();
    const files: string[] = [];
    for (const f of toScan) {
      const p = uriToPath(f.uri);
      if (p) files.push(...(await findDrafts(p)));
    }
    const progress = capabilities.window?.workDoneProgress && files.length > 1 ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin(t('progressTitle', explicitLocale() ?? 'de'), 0, undefined, false);
    let done = 0;
    for (const file of files) {
      if (shuttingDown) return;
      const uri = pathToUri(file);
      onDisk.add(uri);
      if (!openInEditor.has(uri)) {
        const text = readDraft(file);
        if (text !== undefined) {
          try {
            ls.open(uri, text);
            // check it right away, in this loop, so the scan yields between files and requests get through
            publish(uri, { isCancellationRequested: false });
          } catch (e) {
            logError(file, e);
          }
        }
      }
      done++;
      progress?.report(Math.round((done / files.length) * 100), t('progressFiles', explicitLocale() ?? 'de', { done, total: files.length }));
      await new Promise((r) => setImmediate(r));
    }
    progress?.done();
    // drafts checked before the laws they cite or amend were read: check them again with the whole
    // workspace (only changed findings are sent)
    if (files.length > 1) refreshOthers('', 'all', 50);
    void connection.sendNotification(WORKSPACE_READY, { files: files.length, ms: Math.round(performance.now() - t0) });
  }

  function reloadFromDisk(uri: string): void {
    if (openInEditor.has(uri)) return; // the editor's text is the truth while it is open
    const p = uriToPath(uri);
    const text = p ? readDraft(p) : undefined;
    if (text === undefined) {
      onDisk.delete(uri);
      ls.close(uri);
      clearDiagnostics(uri);
      return;
    }
    onDisk.add(uri);
    ls.open(uri, text);
    refreshing.delete(uri);
    scheduler.schedule(uri, 0);
  }

  function inWorkspace(path: string): boolean {
    return folders.some((f) => {
      const root = uriToPath(f.uri);
      return root !== undefined && (path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`));
    });
  }

  // --- requests ------------------------------------------------------------------------------

  const has = (name: keyof FeatureMethods): boolean => typeof features[name] === 'function';
  type CostReportOf = (uris: readonly string[], names?: ReadonlyMap<string, string>) => CostReport;
  const costReportOf = (): CostReportOf | undefined => {
    const f = (ls as unknown as { getCostReport?: unknown }).getCostReport;
    return typeof f === 'function' ? (f.bind(ls) as CostReportOf) : undefined;
  };

  /** The canonical URI of a request's document, or undefined when the service does not know it. */
  const known = (uri: string): string | undefined => {
    const c = canonicalUri(uri);
    return ls.getDocument(c) ? c : undefined;
  };

  /** NORMA_LSP_TIMING=1: log how long each request's handler took (output channel / stderr of the client). */
  const timing = !!process.env.NORMA_LSP_TIMING;

  function guard<R>(what: string, token: CancellationToken, fn: () => R): R {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    let r: R;
    const t0 = timing ? performance.now() : 0;
    try {
      r = fn();
      if (timing) log(`${what}: ${(performance.now() - t0).toFixed(2)} ms`);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      // a refusal with a message for the user (rename: not a term, a name that does not fit)
      if (e instanceof TermRenameError) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
      logError(what, e);
      throw new ResponseError(ErrorCodes.InternalError, `${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return r;
  }

  function buildCapabilities(): ServerCapabilities {
    const caps: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND, ...(has('renumber') ? [RENUMBER_KIND] : [])],
      },
      executeCommandProvider: { commands: has('renumber') ? [RENUMBER_COMMAND] : [] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    if (has('getHover')) caps.hoverProvider = true;
    if (has('getDefinition')) caps.definitionProvider = true;
    if (has('getReferences')) caps.referencesProvider = true;
    if (has('getDocumentSymbols')) caps.documentSymbolProvider = { label: 'Norma' };
    if (has('getWorkspaceSymbols')) caps.workspaceSymbolProvider = true;
    if (has('getFoldingRanges')) caps.foldingRangeProvider = true;
    if (has('getSelectionRanges')) caps.selectionRangeProvider = true;
    if (has('getDocumentLinks')) caps.documentLinkProvider = { resolveProvider: false };
    if (has('getCompletions')) caps.completionProvider = { triggerCharacters: [' ', '@', '§'], resolveProvider: false };
    if (has('rename')) caps.renameProvider = has('prepareRename') ? { prepareProvider: true } : true;
    if (has('getSemanticTokens') && legend) caps.semanticTokensProvider = { legend, full: true };
    if (has('format')) caps.documentFormattingProvider = true;
    if (has('getInlayHints')) caps.inlayHintProvider = { resolveProvider: false };
    if (has('getCodeLenses')) caps.codeLensProvider = { resolveProvider: false };
    const costs = typeof costReportOf() === 'function';
    caps.experimental = { costReport: costs, costSummary: costs, preview: typeof ls.renderPreview === 'function', export: typeof ls.exportLegalDocML === 'function', synopse: typeof ls.renderSynopse === 'function' };
    return caps;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    options = (params.initializationOptions ?? {}) as InitializationOptions;
    editorLocale = params.locale?.toLowerCase().startsWith('de') ? 'de' : params.locale ? 'en' : 'de';
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    folders = folders.map((f) => ({ ...f, uri: canonicalUri(f.uri) }));
    if (typeof options.diagnosticsDelay === 'number') scheduler.setFixedDelay(options.diagnosticsDelay);
    const { settings: initial, problems } = parseSettings(options.settings, 'de');
    for (const p of problems) connection.console.warn(p);
    settings = initial;
    ls.setRuleSettings(settings.rules);
    return {
      capabilities: buildCapabilities(),
      serverInfo: { name: 'norma-language-server', version: serverVersion() },
    };
  });

  connection.onInitialized(async () => {
    log(`Norma-Sprachserver ${serverVersion()} (Funktionen: ${Object.keys(features).join(', ') || 'nur Diagnosen und Code-Aktionen'}).`);
    try {
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'norma' });
      }
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.norma' }, { globPattern: '**/norma.config.json' }] });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => canonicalUri(f.uri)));
          folders = folders.filter((f) => !removed.has(f.uri));
          for (const uri of [...onDisk]) {
            const p = uriToPath(uri);
            if (p && !inWorkspace(p) && !openInEditor.has(uri)) {
              onDisk.delete(uri);
              ls.close(uri);
              clearDiagnostics(uri);
            }
          }
          const added = e.added.map((f) => ({ ...f, uri: canonicalUri(f.uri) }));
          folders.push(...added);
          void scanFolders(added).catch((err) => logError('workspace', err));
        });
      }
      if (await pullSettings()) republishAll();
    } catch (e) {
      logError('initialized', e);
    }
    await scanFolders(folders).catch((e) => logError('workspace', e));
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    scheduler.dispose();
  });

  connection.onDidChangeConfiguration(async () => {
    if (await pullSettings()) republishAll();
  });

  // --- documents ---------------------------------------------------------------------------

  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    const uri = canonicalUri(d.uri);
    openInEditor.set(uri, d.uri);
    const known = ls.getDocument(uri);
    if (known && known.getText() === d.text) known.version = d.version;
    else ls.open(uri, d.text, d.version);
    scheduler.schedule(uri, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
    const uri = canonicalUri(d.uri);
    if (!ls.getDocument(uri)) return;
    try {
      ls.update(uri, contentChanges, d.version);
    } catch (e) {
      logError(`didChange ${uri}`, e);
      return;
    }
    refreshing.delete(uri);
    scheduler.schedule(uri);
    if (openInEditor.size > 1) refreshOthers(uri, 'open', 500);
  });

  connection.onDidCloseTextDocument(({ textDocument: d }) => {
    const uri = canonicalUri(d.uri);
    openInEditor.delete(uri);
    const p = uriToPath(uri);
    if (p && (onDisk.has(uri) || (isNormaPath(p) && inWorkspace(p) && options.workspaceDiagnostics !== false))) {
      // a draft of the workspace: back to its text on disk, and its diagnostics stay
      reloadFromDisk(uri);
      return;
    }
    ls.close(uri);
    clearDiagnostics(d.uri);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const c of changes) {
      const uri = canonicalUri(c.uri);
      const p = uriToPath(uri);
      if (!p) continue;
      if (isConfigPath(p)) {
        configChanged = true;
        continue;
      }
      if (!isNormaPath(p)) continue;
      if (openInEditor.has(uri)) {
        // saved in the editor: the editor's text is already known; other drafts may cite it
        if (c.type === FileChangeType.Changed) refreshOthers(uri, 'all', 200);
        continue;
      }
      if (c.type === FileChangeType.Deleted) {
        onDisk.delete(uri);
        if (ls.getDocument(uri)) {
          ls.close(uri);
          clearDiagnostics(uri);
        }
      } else if (options.workspaceDiagnostics !== false || ls.getDocument(uri)) {
        reloadFromDisk(uri);
      }
    }
    if (configChanged) {
      ls.configs?.invalidate();
      republishAll();
    }
  });

  // --- code actions and commands -----------------------------------------------------------

  connection.onCodeAction((params, token) =>
    guard('codeAction', token, () => {
      const uri = known(params.textDocument.uri);
      if (!uri) return null;
      const doc = ls.getDocument(uri);
      if (!doc) return null;
      const diagnostics = ls.getDiagnostics(uri, explicitLocale());
      const here = diagnostics.filter((d) => d.range.start.line <= params.range.end.line && d.range.end.line >= params.range.start.line);
      let actions: CodeAction[];
      if (features.getCodeActions) {
        actions = (features.getCodeActions(uri, params.range, here as never, token) ?? []) as CodeAction[];
        const only = params.context.only;
        if (only?.length) actions = actions.filter((a) => !a.kind || only.some((o) => a.kind === o || a.kind?.startsWith(`${o}.`)));
      } else {
        const scratch = new ServerLanguageService({ fileSystem: nodeFileSystem, uriToPath });
        scratch.setRuleSettings(settings.rules);
        actions = codeActionsFromDiagnostics({
          uri,
          range: params.range,
          only: params.context.only,
          diagnostics,
          text: doc.getText(),
          locale: localeFor(uri),
          renumber: has('renumber'),
          reanalyse: (text) => {
            scratch.open(uri, text);
            return scratch.getDiagnostics(uri, explicitLocale());
          },
        });
      }
      // answer in the editor's spelling of the URI
      const cu = clientUri(uri);
      if (cu !== uri) for (const a of actions) if (a.edit?.changes?.[uri]) a.edit.changes = { [cu]: a.edit.changes[uri] };
      return actions;
    }),
  );

  connection.onExecuteCommand(async (params, token) => {
    if (params.command !== RENUMBER_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
    const arg = params.arguments?.[0] as string | { uri?: string } | undefined;
    const raw = typeof arg === 'string' ? arg : arg?.uri;
    const locale = explicitLocale() ?? 'de';
    if (!features.renumber) throw new ResponseError(ErrorCodes.InvalidRequest, t('notAvailable', locale, { feature: 'renumber' }));
    const uri = raw ? known(raw) : undefined;
    if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, t('notOpen', locale, { uri: String(raw) }));
    const renumber = features.renumber;
    const edit = guard('renumber', token, () => renumber(uri, params.arguments?.[1], token));
    if (!edit || (!edit.changes && !edit.documentChanges) || (edit.changes && Object.keys(edit.changes).length === 0)) {
      void connection.window.showInformationMessage(t('renumberNothing', locale));
      return { applied: false };
    }
    const result = await connection.workspace.applyEdit({ label: t('renumber', locale), edit });
    return { applied: result.applied };
  });

  connection.onRequest(COST_REPORT_REQUEST, (p: { uri: string; format?: 'markdown' | 'html' }, token: CancellationToken) =>
    guard('costReport', token, (): { markdown: string; html?: string } | null => {
      const report = costReportOf();
      if (!report) return null;
      const uris = p.uri === WORKSPACE_REPORT ? ls.documentUris() : [known(p.uri)].filter((u): u is string => !!u);
      if (!uris.length) return null;
      const r = report(uris, displayNames(uris));
      // the report view asks for HTML (escaped, with the charts); Markdown stays the default
      return p.format === 'html' ? { markdown: costReportMarkdown(r), html: costReportHtmlBody(r) } : { markdown: costReportMarkdown(r) };
    }),
  );

  connection.onRequest(COST_SUMMARY_REQUEST, (_p: unknown, token: CancellationToken) =>
    guard('costSummary', token, (): CostSummary | null => {
      const report = costReportOf();
      if (!report) return null;
      const r = report(ls.documentUris());
      const json = costReportJson(r);
      return {
        jaehrlich: json.jaehrlich,
        einmalig: json.einmalig,
        annotations: r.posten.length,
        documents: r.dokumente.filter((d) => d.costs.posten.length > 0).length,
        fehlerhaft: r.fehlerhaft,
      };
    }),
  );

  connection.onRequest(PREVIEW_REQUEST, (p: { uri: string; costs?: boolean }, token: CancellationToken) =>
    guard('preview', token, (): { html: string; version: number } | null => {
      const uri = known(p.uri);
      if (!uri) return null;
      const doc = ls.getDocument(uri);
      return { html: ls.renderPreview(uri, { costs: !!p.costs }), version: doc?.version ?? 0 };
    }),
  );

  connection.onRequest(EXPORT_REQUEST, (p: { uri: string; format: string; dateiname?: string }, token: CancellationToken) =>
    guard('export', token, (): { files: { name: string; text: string }[]; warnings: string[] } | null => {
      const uri = known(p.uri);
      if (!uri) return null;
      const stem = (p.dateiname ?? 'regelungstext').replace(/[^\p{L}\p{N}._-]/gu, '_');
      if (p.format === 'html') return { files: [{ name: `${stem}.html`, text: ls.exportHtml(uri) }], warnings: [] };
      if (p.format !== 'legaldocml') throw new ResponseError(ErrorCodes.InvalidParams, `Unbekanntes Exportformat „${p.format}“ (html, legaldocml)`);
      const r = ls.exportLegalDocML(uri, { dateiname: stem });
      return { files: [{ name: `${stem}.xml`, text: r.xml }, ...r.anlagen.map((a) => ({ name: a.href, text: a.xml }))], warnings: r.warnings };
    }),
  );

  connection.onRequest(SYNOPSE_REQUEST, (p: { uri: string }, token: CancellationToken) =>
    guard('synopse', token, (): { html: string; version: number } | null => {
      const uri = known(p.uri);
      if (!uri) return null;
      return { html: ls.renderSynopse(uri), version: ls.getDocument(uri)?.version ?? 0 };
    }),
  );

  connection.onRequest(NEW_VERSION_REQUEST, (p: { uri: string }, token: CancellationToken) =>
    guard('newVersion', token, () => {
      const uri = known(p.uri);
      if (!uri) return null;
      return {
        versions: ls.getNewVersions(uri).map((v) => ({ uri: v.uri, name: v.law.abkuerzung ?? v.law.titel, text: v.text, applied: v.applied, commands: v.commands })),
      };
    }),
  );

  /** Names for the report: paths relative to their workspace folder. */
  function displayNames(uris: readonly string[]): Map<string, string> {
    const names = new Map<string, string>();
    for (const uri of uris) {
      const path = uriToPath(uri);
      if (!path) continue;
      for (const f of folders) {
        const root = uriToPath(f.uri);
        if (root && path.startsWith(root.endsWith('/') ? root : `${root}/`)) {
          names.set(uri, path.slice(root.length).replace(/^\//, ''));
          break;
        }
      }
    }
    return names;
  }

  // --- feature requests (each only when the service has the method) -------------------------

  connection.onHover((p, token) => guard('hover', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getHover ? (features.getHover(uri, p.position, token) ?? null) : null;
  }));
  connection.onDefinition((p, token) => guard('definition', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getDefinition ? (features.getDefinition(uri, p.position, token) ?? null) : null;
  }));
  connection.onReferences((p, token) => guard('references', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getReferences ? (features.getReferences(uri, p.position, p.context.includeDeclaration, token) ?? null) : null;
  }));
  connection.onDocumentSymbol((p, token) => guard('documentSymbol', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getDocumentSymbols ? (features.getDocumentSymbols(uri, token) ?? null) : null;
  }));
  connection.onWorkspaceSymbol((p, token) =>
    guard('workspaceSymbol', token, () => (features.getWorkspaceSymbols ? ((features.getWorkspaceSymbols(p.query, token) as SymbolInformation[] | undefined) ?? null) : null)),
  );
  connection.onFoldingRanges((p, token) => guard('foldingRange', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getFoldingRanges ? (features.getFoldingRanges(uri, token) ?? null) : null;
  }));
  connection.onSelectionRanges((p, token) => guard('selectionRange', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getSelectionRanges ? (features.getSelectionRanges(uri, p.positions, token) ?? null) : null;
  }));
  connection.onDocumentLinks((p, token) => guard('documentLink', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getDocumentLinks ? (features.getDocumentLinks(uri, token) ?? null) : null;
  }));
  connection.onCompletion((p, token) => guard('completion', token, () => {
    const uri = known(p.textDocument.uri);
    const result = uri && features.getCompletions ? features.getCompletions(uri, p.position, token) : undefined;
    if (!uri || !result) return null;
    const list = Array.isArray(result) ? { isIncomplete: false, items: result } : result;
    const lineText = ls.getDocument(uri)?.lineAt(p.position.line) ?? '';
    return compactCompletions(limitCompletions(list, p.position, lineText), capabilities);
  }));
  connection.onPrepareRename((p, token) => guard('prepareRename', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.prepareRename ? (features.prepareRename(uri, p.position, token) ?? null) : null;
  }));
  connection.onRenameRequest((p, token) => guard('rename', token, () => {
    const uri = known(p.textDocument.uri);
    // edits whose inflection is uncertain ask for confirmation where the client can show that
    const annotate = !!capabilities.workspace?.workspaceEdit?.changeAnnotationSupport;
    return uri && features.rename ? (features.rename(uri, p.position, p.newName, token, { annotate }) ?? null) : null;
  }));
  connection.onDocumentFormatting((p, token) => guard('formatting', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.format ? (features.format(uri, p.options, token) ?? null) : null;
  }));
  connection.languages.semanticTokens.on((p, token) => guard('semanticTokens', token, () => {
    const uri = known(p.textDocument.uri);
    return (uri && features.getSemanticTokens ? features.getSemanticTokens(uri, token) : undefined) ?? { data: [] };
  }));
  connection.languages.inlayHint.on((p, token) => guard('inlayHint', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getInlayHints ? (features.getInlayHints(uri, p.range, token) ?? null) : null;
  }));
  connection.onCodeLens((p, token) => guard('codeLens', token, () => {
    const uri = known(p.textDocument.uri);
    return uri && features.getCodeLenses ? (features.getCodeLenses(uri, token) ?? null) : null;
  }));

  connection.listen();
}

declare const NORMA_VERSION: string | undefined;

/** The version of package.json (inlined by the bundler, read from disk otherwise). */
export function serverVersion(): string {
  if (typeof NORMA_VERSION === 'string') return NORMA_VERSION;
  try {
    return (require('../../../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
