/**
 * The Norma language service: the one place where law is understood.
 *
 * A pure library (no LSP transport, no `vscode`): the language server, the
 * CLI and the tests all drive it. Its surroundings (file system for config
 * lookup) are injected, results are plain LSP types.
 */
import { DiagnosticSeverity, type DocumentLink, type Location, type TextEdit } from 'vscode-languageserver-types';
import { NormaDocument, type ContentChange } from './parser/document';
import { DocumentModel } from './model/document-model';
import { ConfigResolver, EMPTY_CONFIG, type FileSystemHost, type ResolvedConfig } from './config/config';
import { knownCodes, RULE_BY_ID, RULES, severityFor } from './rules';
import type { Rule } from './rules/rule';
import { computeDiagnostics, ruleSource, absEdits, toDiagnostic, type NormaDiagnostic, type NormaDiagnosticData } from './diagnostics';
import { format, type Locale } from './i18n/messages';
import { annotationCompletions, buildCostReport, codeLenses, costDataFor, costHover, inlayHints, type Cancellation, type CostReport } from './costs';
import type { CodeLens, CompletionItem, Hover, InlayHint, Range } from 'vscode-languageserver-types';
import * as features from './features';
import type { CompletionList, DocumentSymbol, FoldingRange, Position, SelectionRange, SemanticTokens, SymbolInformation } from 'vscode-languageserver-types';
import { LawRegistry, workspaceLawId, type KnownLaw } from './refs/laws';
import { referenceIndex, type RefContext, type ReferenceIndex } from './refs';
import { citationDefinition, citationHover, citationLinks, citationReferences, type IndexSource } from './refs/features';
import { renumber as renumberDocument, type RenumberOptions } from './refs/renumber';
import * as terms from './terms';
import { synopse, synopseHtmlBody, amendAnalysis, newVersions, type AmendAnalysis, type NewVersion } from './amend';
import { exportLegalDocML, renderHtmlBody, renderHtmlDocument, type HtmlOptions, type LegalDocMLExport, type LegalDocMLExportOptions } from './export';
import type { WorkspaceEdit } from 'vscode-languageserver-types';

/** A cancellation token as LSP passes it (only the flag is read). */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export { NormaDocument, DocumentModel, RULES, RULE_BY_ID, knownCodes, format, ruleSource, absEdits, toDiagnostic };
export type { ContentChange, Locale, FileSystemHost, ResolvedConfig, NormaDiagnostic, NormaDiagnosticData };
export type { CostReport };
export type { AmendAnalysis, NewVersion };
export { TermRenameError, type TermDefinition, type TermOccurrence, type TermRenameOptions } from './terms';
export { SEMANTIC_TOKENS_LEGEND, NORMA_TOKEN_TYPES } from './features';
export type {
  AnnotationSchema,
  CancellationToken,
  CompletionContext,
  CompletionSource,
  NormaFormattingOptions,
  RawSemanticToken,
  SemanticTokenSource,
  WorkspaceSymbolEntry,
  WorkspaceSymbolSource,
} from './features';

export interface LanguageServiceOptions {
  /** File system used to find norma.config.json (none: no config files). */
  fileSystem?: FileSystemHost;
  /** Maps a document URI to a file path for config lookup. */
  uriToPath?: (uri: string) => string | undefined;
  locale?: Locale;
}

export class LanguageService {
  private readonly docs = new Map<string, NormaDocument>();
  private readonly models = new Map<string, DocumentModel>();
  readonly configs: ConfigResolver | undefined;
  locale: Locale;
  private readonly uriToPath: (uri: string) => string | undefined;
  /** Incremented on every change of any document (cache key for cross-document results). */
  private workspaceVersion = 0;
  private registry: LawRegistry | undefined;
  private registryKey = '';
  /** The workspace as the reference index sees it (live: reads the current state). */
  readonly refContext: RefContext;

  constructor(private readonly options: LanguageServiceOptions = {}) {
    const self = this;
    this.refContext = {
      get registry(): LawRegistry {
        return self.lawRegistry();
      },
      modelOf: (u: string) => (this.docs.has(u) ? this.getModel(u) : undefined),
      get version(): number {
        return self.workspaceVersion;
      },
      get structureKey(): string {
        return self.structureKey();
      },
    };
    this.locale = options.locale ?? 'de';
    this.configs = options.fileSystem ? new ConfigResolver(options.fileSystem, knownCodes) : undefined;
    this.uriToPath = options.uriToPath ?? defaultUriToPath;
  }

  // --- documents ---------------------------------------------------------------

  open(uri: string, text: string, version = 0): NormaDocument {
    const d = new NormaDocument(uri, text, version);
    this.docs.set(uri, d);
    this.workspaceVersion++;
    this.models.delete(uri);
    return d;
  }

  update(uri: string, changes: readonly ContentChange[], version?: number): NormaDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`Dokument nicht geöffnet: ${uri}`);
    d.update(changes, version);
    this.workspaceVersion++;
    return d;
  }

  /** The URIs of every document the service holds (open drafts and workspace files). */
  documentUris(): string[] {
    return [...this.docs.keys()];
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.models.delete(uri);
    this.workspaceVersion++;
  }

  // --- references ---------------------------------------------------------------

  /**
   * The laws Norma knows: the data file plus every document of the workspace
   * with a title in its front matter (rebuilt when those titles change).
   */
  lawRegistry(): LawRegistry {
    const laws: KnownLaw[] = [];
    for (const d of this.docs.values()) {
      const fm = d.blocks[0]?.parse.frontMatter?.values;
      if (!fm?.titel) continue;
      laws.push({
        id: workspaceLawId({ titel: fm.titel, abkuerzung: fm.abkuerzung }),
        titel: fm.titel,
        abkuerzung: fm.abkuerzung,
        kurztitel: fm.kurztitel,
        gii: undefined,
        ohneFundstelle: false,
        uri: d.uri,
        source: 'arbeitsbereich',
      });
    }
    const key = laws.map((l) => `${l.id}|${l.titel}|${l.kurztitel ?? ''}|${l.uri}`).join(';');
    if (!this.registry || key !== this.registryKey) {
      this.registry = new LawRegistry(laws);
      this.registryKey = key;
    }
    return this.registry;
  }

  private structureKeyCache: { version: number; key: string } | undefined;
  /** The documents' structure versions: external citations are resolved again only when one changes. */
  private structureKey(): string {
    if (this.structureKeyCache?.version === this.workspaceVersion) return this.structureKeyCache.key;
    let key = '';
    for (const d of this.docs.values()) key += `${d.uri}@${d.structureVersion};`;
    this.structureKeyCache = { version: this.workspaceVersion, key };
    return key;
  }

  /** The citations of a document, resolved, with the map from targets back to them. */
  getReferenceIndex(uri: string): ReferenceIndex {
    return referenceIndex(this.getModel(uri), this.refContext);
  }

  /** The Änderungsbefehle of an amending draft, checked against the amended laws of the workspace. */
  getAmendAnalysis(uri: string): AmendAnalysis {
    return amendAnalysis(this.getModel(uri), this.refContext);
  }

  /** The Synopse of an amending draft as an HTML body fragment (current | draft version, § by §). */
  renderSynopse(uri: string): string {
    return synopseHtmlBody(synopse(this.getModel(uri), this.refContext));
  }

  /** The new version of each law of the workspace that the draft amends (.norma text). */
  getNewVersions(uri: string): NewVersion[] {
    return newVersions(this.getModel(uri), this.refContext);
  }

  /** The reference indexes of the workspace, for the citation features. */
  readonly indexSource: IndexSource = {
    documents: () => [...this.docs.keys()].map((u) => ({ uri: u, index: () => this.getReferenceIndex(u) })),
    index: (u) => (this.docs.has(u) ? this.getReferenceIndex(u) : undefined),
    model: (u) => (this.docs.has(u) ? this.getModel(u) : undefined),
  };

  /** Go to definition: a citation → the cited unit (or Satz); a defined term → its definition. */
  getDefinition(uri: string, position: Position, token?: CancellationLike): Location[] {
    if (token?.isCancellationRequested) return [];
    const fromCitation = citationDefinition(this.indexSource, uri, position);
    if (fromCitation) return fromCitation;
    for (const p of this.definitionProviders) {
      const r = p(uri, position);
      if (r?.length) return r;
    }
    return [];
  }

  /** Find references: every citation (in every document) of the unit at or cited at the position. */
  getReferences(uri: string, position: Position, includeDeclaration = true, token?: CancellationLike): Location[] {
    if (token?.isCancellationRequested) return [];
    for (const p of this.referenceProviders) {
      const r = p(uri, position, includeDeclaration);
      if (r?.length) return r;
    }
    return citationReferences(this.indexSource, uri, position, includeDeclaration) ?? [];
  }

  /** Hover: the cited unit's text, the state of a reference to another law, or a defined term's definition. */
  getHover(uri: string, position: Position, token?: CancellationLike): Hover | undefined {
    if (token?.isCancellationRequested) return undefined;
    const h = citationHover(this.indexSource, uri, position);
    if (h) return h;
    // several providers may answer (a § heading with a defined term and an @aufwand): shown one below the other
    const found: Hover[] = [];
    for (const p of this.hoverProviders) {
      const r = p(uri, position);
      if (r) found.push(r);
    }
    if (found.length <= 1) return found[0];
    return { contents: { kind: 'markdown', value: found.map(hoverMarkdown).join('\n\n---\n\n') }, range: found[0].range };
  }

  /** Document links: citations to their targets, known laws to gesetze-im-internet.de, EU acts to EUR-Lex. */
  getDocumentLinks(uri: string, token?: CancellationLike): DocumentLink[] {
    if (token?.isCancellationRequested) return [];
    return citationLinks(this.indexSource, uri);
  }

  /**
   * Renumber the §§ / Artikel of a document 1, 2, 3 … (and, unless `parts` is
   * false, its Absätze, Nummern and Buchstaben) and change every citation of
   * them in every document of the service — one WorkspaceEdit.
   */
  renumber(uri: string, options: RenumberOptions = {}): WorkspaceEdit {
    const model = this.getModel(uri);
    const indexes = [...this.docs.keys()].map((u) => ({ uri: u, index: this.getReferenceIndex(u) }));
    return renumberDocument(model, indexes, options);
  }

  /** Extension points for further providers (defined terms, costs): tried after citations. */
  readonly definitionProviders: ((uri: string, p: Position) => Location[] | undefined)[] = [];
  /** Tried before citations: a term under the cursor answers with its usages. */
  readonly referenceProviders: ((uri: string, p: Position, includeDeclaration: boolean) => Location[] | undefined)[] = [];
  readonly hoverProviders: ((uri: string, p: Position) => Hover | undefined)[] = [];

  getDocument(uri: string): NormaDocument | undefined {
    return this.docs.get(uri);
  }

  documents(): Iterable<NormaDocument> {
    return this.docs.values();
  }

  /** The assembled model of a document (rebuilt only after a change). */
  getModel(uri: string): DocumentModel {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`Dokument nicht geöffnet: ${uri}`);
    const m = this.models.get(uri);
    if (m && m.generation === d.generation) return m;
    const fresh = new DocumentModel(d);
    fresh.workspace = this.refContext;
    this.models.set(uri, fresh);
    return fresh;
  }

  // --- configuration -------------------------------------------------------------

  configFor(uri: string): ResolvedConfig {
    if (!this.configs) return EMPTY_CONFIG;
    const p = this.uriToPath(uri);
    return p ? this.configs.forFile(p) : EMPTY_CONFIG;
  }

  /** Diagnostics of a config file itself (unknown keys, bad severities), at their lines. */
  configDiagnostics(cfg: ResolvedConfig, locale?: Locale): NormaDiagnostic[] {
    const loc = locale ?? cfg.locale ?? this.locale;
    // the config file can set the severity of its own findings ("config": "warnung"), even switch them off
    const sev = severityFor(RULE_BY_ID.get('config') as Rule, undefined, cfg);
    if (sev === 'off') return [];
    const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint }[sev];
    return cfg.findings.map((f) => ({
      range: { start: f.start, end: f.end },
      severity,
      code: 'config',
      source: ruleSource('config'),
      message: format(f.message, loc),
      data: { rule: 'config', fix: f.fix?.map((e) => ({ range: { start: e.start, end: e.end }, newText: e.newText })) },
    }));
  }

  // --- diagnostics ---------------------------------------------------------------

  /**
   * Diagnostics of a document in document order. The objects may be shared
   * with later calls (cached per block): treat them as read-only.
   */
  getDiagnostics(uri: string, locale?: Locale): NormaDiagnostic[] {
    const cfg = this.configFor(uri);
    const loc = locale ?? cfg.locale ?? this.locale;
    return computeDiagnostics(this.getModel(uri), cfg, loc);
  }

  // --- compliance cost (Erfüllungsaufwand, costs/) ------------------------------------------

  /** Inlay hints at the @aufwand lines in `range`: the result of each annotation. */
  getInlayHints(uri: string, range: Range, token?: Cancellation): InlayHint[] {
    return inlayHints(this.getModel(uri), costDataFor(this.configFor(uri)), range, token);
  }

  /** Code lenses: the draft's cost at the top, each § or Artikel with @aufwand at its heading. */
  getCodeLenses(uri: string, token?: Cancellation): CodeLens[] {
    return codeLenses(this.getModel(uri), costDataFor(this.configFor(uri)), token);
  }

  /** Hover on an @aufwand (the whole calculation) or on the heading of a § with @aufwand. */
  getCostHover(uri: string, position: Position, token?: Cancellation): Hover | undefined {
    if (token?.isCancellationRequested) return undefined;
    return costHover(this.getModel(uri), costDataFor(this.configFor(uri)), position);
  }

  /** Completion in the entries of an @aufwand: keys, values, standard activities and their complexity. */
  getAnnotationCompletions(uri: string, position: Position, token?: Cancellation): CompletionItem[] {
    if (token?.isCancellationRequested) return [];
    return annotationCompletions(this.getModel(uri), costDataFor(this.configFor(uri)), position);
  }

  /**
   * The cost report of some documents (default: every open document, the
   * workspace total). `names` maps a URI to the name the report shows.
   */
  getCostReport(uris?: readonly string[], names?: ReadonlyMap<string, string>): CostReport {
    const list = uris ?? [...this.docs.keys()];
    return buildCostReport(list.map((uri) => ({ model: this.getModel(uri), data: costDataFor(this.configFor(uri)), name: names?.get(uri) })));
  }
  // --- structural features (features/: need the model, not citations or terms) --------

  /** Sources of workspace symbols: the structure (§§, Gliederung, Anlagen); the term engine adds defined terms. */
  readonly workspaceSymbolSources: features.WorkspaceSymbolSource[] = [features.structuralSymbols];
  /** Sources of semantic tokens beside the structural ones (citations, defined terms). */
  readonly semanticTokenSources: features.SemanticTokenSource[] = [];
  /** Sources of completions beside the structural ones (defined terms, cost parameters). */
  readonly completionSources: features.CompletionSource[] = [];
  /** Annotation names, keys and values offered by completion (the cost engine adds `@aufwand`'s keys). */
  readonly annotationSchemas: features.AnnotationSchema[] = [...features.BUILTIN_ANNOTATION_SCHEMAS];
  private workspaceSymbolSearch: features.WorkspaceSymbols | undefined;

  /** The outline: Gliederung › § / Artikel › Absatz, with Eingangsformel, Präambel, Inhaltsübersicht, Anlagen. */
  getDocumentSymbols(uri: string, token?: features.CancellationToken): DocumentSymbol[] {
    return features.getDocumentSymbols(this.getModel(uri), token);
  }

  /** §§, Artikel, Gliederung units, Anlagen (and what the added sources list) of every document, matched against `query`. */
  getWorkspaceSymbols(query: string, token?: features.CancellationToken): SymbolInformation[] {
    this.workspaceSymbolSearch ??= new features.WorkspaceSymbols(
      { uris: () => this.docs.keys(), getModel: (u) => this.getModel(u) },
      this.workspaceSymbolSources,
    );
    return this.workspaceSymbolSearch.search(query, token);
  }

  getFoldingRanges(uri: string, token?: features.CancellationToken): FoldingRange[] {
    return features.getFoldingRanges(this.getModel(uri), token);
  }

  getSelectionRanges(uri: string, positions: Position[], token?: features.CancellationToken): SelectionRange[] {
    return features.getSelectionRanges(this.getModel(uri), positions, token);
  }

  /** Semantic tokens (legend: SEMANTIC_TOKENS_LEGEND). */
  getSemanticTokens(uri: string, token?: features.CancellationToken): SemanticTokens {
    return features.getSemanticTokens(this.getModel(uri), this.semanticTokenSources, token);
  }

  /** Whitespace, blank lines, canonical indentation and H13 quote fixes; never the wording, never the numbering. */
  format(uri: string, options: features.NormaFormattingOptions = {}, token?: features.CancellationToken): TextEdit[] {
    const model = this.getModel(uri);
    const h13 = RULE_BY_ID.get('anfuehrungszeichen');
    const quoteFixes =
      h13 && (!h13.appliesTo || h13.appliesTo(model.context))
        ? this.getDiagnostics(uri).flatMap((d) => (d.code === 'anfuehrungszeichen' ? (d.data.fix ?? []) : []))
        : [];
    return features.formatDocument(model, options, quoteFixes, token);
  }

  getCompletions(uri: string, position: Position, token?: features.CancellationToken): CompletionList {
    return features.getCompletions(this.getModel(uri), position, this.completionSources, this.annotationSchemas, token);
  }

  // --- defined terms (terms/; begin) -------------------------------------------------------------
  // Terms are local to the document that defines them. Each method returns undefined or [] when the
  // position is not on a term, so requests can go to the citation features first and then here.

  /**
   * Adds the term sources (workspace symbols, semantic tokens, completion) and the term providers
   * (definition, references, hover) to the hook lists above; a field, so it runs after their initialisers.
   */
  private readonly termHooksRegistered = this.registerTermHooks();

  /** The cost engine's hover (an @aufwand, a heading with one) and its completion in @aufwand entries. */
  private readonly costHooksRegistered = this.registerCostHooks();

  private registerCostHooks(): true {
    this.hoverProviders.push((u, p) => this.getCostHover(u, p));
    this.completionSources.push({
      id: 'aufwand',
      provide: (ctx, token) => (ctx.where === 'annotation-entry' && ctx.annotation?.name === 'aufwand' ? this.getAnnotationCompletions(ctx.model.document.uri, ctx.position, token) : undefined),
    });
    return true;
  }

  private registerTermHooks(): true {
    terms.registerTermSources(this);
    this.definitionProviders.push((u, p) => this.getTermDefinition(u, p));
    this.referenceProviders.push((u, p, withDeclaration) => this.getTermReferences(u, p, withDeclaration));
    this.hoverProviders.push((u, p) => this.getTermHover(u, p));
    return true;
  }

  /** Every definition of a term in a document, in document order. */
  getTermDefinitions(uri: string): terms.TermDefinition[] {
    return terms.termIndex(this.getModel(uri)).definitions;
  }

  /** The term definition or usage under the cursor. */
  getTermAt(uri: string, position: Position): terms.TermOccurrence | undefined {
    return terms.termAt(this.getModel(uri), position);
  }

  /** Where the term under the cursor is defined; [] when the cursor is not on a term. */
  getTermDefinition(uri: string, position: Position, token?: features.CancellationToken): Location[] {
    if (token?.isCancellationRequested) return [];
    return terms.termDefinitionLocations(this.getModel(uri), position);
  }

  /** The usages of the term under the cursor (with its definitions if `includeDeclaration`); [] when not on a term. */
  getTermReferences(uri: string, position: Position, includeDeclaration = true, token?: features.CancellationToken): Location[] {
    if (token?.isCancellationRequested) return [];
    return terms.termReferenceLocations(this.getModel(uri), position, includeDeclaration);
  }

  /** The term, where it is defined and the defining unit's text; undefined when not on a term. */
  getTermHover(uri: string, position: Position, token?: features.CancellationToken): Hover | undefined {
    if (token?.isCancellationRequested) return undefined;
    return terms.termHover(this.getModel(uri), position, this.configFor(uri).locale ?? this.locale);
  }

  /** The range and name of the term under the cursor; undefined when not on a term. */
  prepareTermRename(uri: string, position: Position): { range: Range; placeholder: string } | undefined {
    return terms.prepareTermRename(this.getModel(uri), position);
  }

  /**
   * Rename the term under the cursor (definitions and every usage, inflection kept). Undefined when not
   * on a term; throws a `TermRenameError` (German message) when the new name does not fit the term.
   */
  renameTerm(uri: string, position: Position, newName: string, options: terms.TermRenameOptions = {}): WorkspaceEdit | undefined {
    return terms.renameTerm(this.getModel(uri), position, newName, { locale: this.configFor(uri).locale ?? this.locale, ...options });
  }

  /**
   * LSP prepareRename: the defined term under the cursor. On a citation or anywhere else a
   * `TermRenameError` says what can be renamed (the editor shows it instead of a silent refusal).
   */
  prepareRename(uri: string, position: Position, token?: features.CancellationToken): { range: Range; placeholder: string } | undefined {
    if (token?.isCancellationRequested) return undefined;
    const r = this.prepareTermRename(uri, position);
    if (r) return r;
    const locale = this.configFor(uri).locale ?? this.locale;
    const onCitation = this.getReferenceIndex(uri).citationAt(position.line, position.character);
    throw new terms.TermRenameError(format({ key: onCitation ? 'rename.citation' : 'rename.nothing', args: {} }, locale), 'invalid');
  }

  /**
   * LSP rename: a defined term with its inflected uses ({@link renameTerm}). Edits whose inflection
   * Norma is not sure of carry a change annotation that asks for confirmation, unless
   * `annotate: false` (clients without change-annotation support).
   */
  rename(uri: string, position: Position, newName: string, token?: features.CancellationToken, options: terms.TermRenameOptions = {}): WorkspaceEdit | undefined {
    if (token?.isCancellationRequested) return undefined;
    return this.renameTerm(uri, position, newName, options);
  }

  /** Completion items for the document's terms starting with `prefix`, replacing `range`. */
  getTermCompletions(uri: string, prefix: string, range: Range): CompletionItem[] {
    return terms.termCompletions(this.getModel(uri), prefix, range);
  }
  // --- defined terms (end) -----------------------------------------------------------------------

  // --- exports (export/) ----------------------------------------------------------------------------

  /**
   * The live preview: the draft's HTML body fragment (escaped text, `data-line` on every unit,
   * citations as links resolved in the workspace, defined terms, cost badges with `costs`).
   */
  renderPreview(uri: string, options: Omit<HtmlOptions, 'refs' | 'costData'> = {}): string {
    return renderHtmlBody(this.getModel(uri), { ...options, refs: this.getReferenceIndex(uri), costData: costDataFor(this.configFor(uri)) });
  }

  /** The draft as a standalone HTML page with a strict Content-Security-Policy. */
  exportHtml(uri: string, options: Omit<HtmlOptions, 'refs' | 'costData'> = {}): string {
    return renderHtmlDocument(this.getModel(uri), { ...options, refs: this.getReferenceIndex(uri), costData: costDataFor(this.configFor(uri)) });
  }

  /** The draft as a LegalDocML.de 1.8.2 Regelungstext (Entwurfsfassung), with its Anlagen as documents of their own. */
  exportLegalDocML(uri: string, options: Omit<LegalDocMLExportOptions, 'refs'> = {}): LegalDocMLExport {
    return exportLegalDocML(this.getModel(uri), { ...options, refs: this.getReferenceIndex(uri) });
  }
}

function defaultUriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  // decode file URIs without depending on node:url (keeps the service usable in a browser worker)
  let p = decodeURIComponent(uri.replace(/^file:\/\//, ''));
  if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
  return p;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  return new LanguageService(options);
}

/**
 * Apply non-overlapping text edits to a text (edits that overlap an earlier
 * one are skipped). Returns the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => {
    if (p.line >= lineStarts.length) return text.length;
    const ls = lineStarts[p.line];
    let le = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] - 1 : text.length;
    if (le > ls && text.charCodeAt(le - 1) === 13) le--;
    return Math.min(ls + p.character, le);
  };
  const withOffsets = edits
    .map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText }))
    .map((x) => (x.e < x.s ? { ...x, e: x.s } : x))
    .sort((a, b) => a.s - b.s || a.e - b.e);
  const out: string[] = [];
  let pos = 0;
  let applied = 0;
  for (const x of withOffsets) {
    if (x.s < pos) continue; // overlaps an applied edit
    out.push(text.slice(pos, x.s), x.t);
    pos = x.e;
    applied++;
  }
  out.push(text.slice(pos));
  return { text: out.join(''), applied };
}

function hoverMarkdown(h: Hover): string {
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : '```' + x.language + '\n' + x.value + '\n```')).join('\n\n');
  if ('kind' in c) return c.value;
  return '```' + c.language + '\n' + c.value + '\n```';
}
