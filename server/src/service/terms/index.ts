/**
 * Defined terms: where a draft defines a term, where it uses it, and the
 * language features on top of that (definition, references, hover,
 * rename, completion, semantic tokens, workspace symbols).
 *
 * Definitions are found per block (definitions.ts) and usages per block
 * (usages.ts), both cached on the blocks; the term index of a document
 * model assembles them and is cached with the model. Everything here is
 * pure: models in, LSP types out. A position that is not on a term gives
 * `undefined` or an empty list, so a caller can ask the citation features
 * first and the term features after them.
 *
 * Terms are local to the document that defines them: references and
 * rename cover that document (see docs/language.md, „Defined terms“).
 */
import {
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Hover,
  type Location,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
  type ChangeAnnotation,
  type AnnotatedTextEdit,
} from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import type { Block } from '../parser/block';
import { NORM_KINDS, type Unit } from '../model/types';
import { format, type Locale } from '../i18n/messages';
import type { CompletionSource, RawSemanticToken, SemanticTokenSource, WorkspaceSymbolEntry, WorkspaceSymbolSource, CancellationToken } from '../features';
import { NORMA_TOKEN_TYPES } from '../features/semantic-tokens';
import { blockDefinitions, type BlockDefinition, type DefinitionKind } from './definitions';
import { blockUsages, matcherFor, type BlockUsage, type TermMatcher } from './usages';
import { checkNewName, renameWord, type TermShape } from './inflection';

export { blockDefinitions, isBegriffsbestimmungenTitle, type BlockDefinition, type DefinitionKind } from './definitions';
export { blockUsages, matcherFor, type BlockUsage, type UsageWord } from './usages';
export { analyseTerm, nounForms, wordForms, sameInflection, type TermShape, type TermWord, type WordForm } from './inflection';

/** A definition with its document and absolute positions. */
export class TermDefinition {
  constructor(
    readonly uri: string,
    readonly block: Block,
    readonly def: BlockDefinition,
  ) {}
  get term(): string {
    return this.def.term;
  }
  get key(): string {
    return this.def.shape.key;
  }
  get kind(): DefinitionKind {
    return this.def.kind;
  }
  get unit(): Unit {
    return this.def.unit;
  }
  get shape(): TermShape {
    return this.def.shape;
  }
  get inBegriffsbestimmungen(): boolean {
    return this.def.inBegriffsbestimmungen;
  }
  /** Range of the term in the quotes or brackets. */
  get range(): Range {
    const l = this.block.startLine + this.def.line;
    return { start: { line: l, character: this.def.start }, end: { line: l, character: this.def.end } };
  }
  get location(): Location {
    return { uri: this.uri, range: this.range };
  }
}

/** A usage with its block (absolute positions on access). */
export class TermUsage {
  constructor(
    readonly block: Block,
    readonly usage: BlockUsage,
  ) {}
  get key(): string {
    return this.usage.key;
  }
  get unit(): Unit {
    return this.usage.unit;
  }
  get range(): Range {
    const l = this.block.startLine + this.usage.line;
    return { start: { line: l, character: this.usage.start }, end: { line: l, character: this.usage.end } };
  }
  /** The text as written („Wohnungsgebers“). */
  get text(): string {
    return this.block.lines[this.usage.line].slice(this.usage.start, this.usage.end);
  }
}

/** A term of a document: its definitions (usually one) in document order. */
export interface Term {
  key: string;
  /** The term as its first definition writes it. */
  name: string;
  shape: TermShape;
  definitions: TermDefinition[];
}

export type TermOccurrence = { kind: 'definition'; term: Term; definition: TermDefinition } | { kind: 'usage'; term: Term; usage: TermUsage };

/** The terms of one document model. */
export class TermIndex {
  readonly definitions: TermDefinition[] = [];
  readonly terms = new Map<string, Term>();
  readonly matcher: TermMatcher;
  /** Blocks with usages, in document order. */
  readonly blocks: { block: Block; usages: BlockUsage[] }[] = [];
  private _byKey: Map<string, TermUsage[]> | undefined;

  constructor(readonly model: DocumentModel) {
    const uri = model.document.uri;
    const perBlock: { block: Block; defs: BlockDefinition[] }[] = [];
    for (const block of model.document.blocks) {
      const defs = blockDefinitions(block);
      perBlock.push({ block, defs });
      for (const d of defs) {
        const td = new TermDefinition(uri, block, d);
        this.definitions.push(td);
        const t = this.terms.get(d.shape.key);
        if (t) t.definitions.push(td);
        else this.terms.set(d.shape.key, { key: d.shape.key, name: d.term, shape: d.shape, definitions: [td] });
      }
    }
    this.matcher = matcherFor([...this.terms.values()].map((t) => t.shape));
    for (const { block, defs } of perBlock) {
      const usages = blockUsages(block, this.matcher, defs);
      if (usages.length) this.blocks.push({ block, usages });
    }
  }

  get uri(): string {
    return this.model.document.uri;
  }

  /** Every usage, in document order. */
  *usages(): Iterable<TermUsage> {
    for (const { block, usages } of this.blocks) for (const u of usages) yield new TermUsage(block, u);
  }

  /** The usages of a term, in document order. */
  usagesOf(key: string): TermUsage[] {
    if (!this._byKey) {
      const m = new Map<string, TermUsage[]>();
      for (const u of this.usages()) {
        const list = m.get(u.key);
        if (list) list.push(u);
        else m.set(u.key, [u]);
      }
      this._byKey = m;
    }
    return this._byKey.get(key) ?? [];
  }

  /** The definition or usage under a position (its end included). */
  occurrenceAt(position: Position): TermOccurrence | undefined {
    const block = this.model.document.blockAtLine(position.line);
    if (!block) return undefined;
    const rl = position.line - block.startLine;
    const c = position.character;
    for (const d of blockDefinitions(block)) {
      if (d.line === rl && c >= d.start && c <= d.end) {
        const term = this.terms.get(d.shape.key) as Term;
        const definition = term.definitions.find((x) => x.def === d) as TermDefinition;
        return { kind: 'definition', term, definition };
      }
    }
    const entry = this.blocks.find((b) => b.block === block);
    if (!entry) return undefined;
    for (const u of entry.usages) {
      if (u.line === rl && c >= u.start && c <= u.end) {
        const term = this.terms.get(u.key);
        if (term) return { kind: 'usage', term, usage: new TermUsage(block, u) };
      }
    }
    return undefined;
  }
}

const indexCache = new WeakMap<DocumentModel, TermIndex>();

/** The term index of a document model (cached with the model). */
export function termIndex(model: DocumentModel): TermIndex {
  let i = indexCache.get(model);
  if (!i) indexCache.set(model, (i = new TermIndex(model)));
  return i;
}

// --- navigation ---------------------------------------------------------------------------------

/** The term under the cursor, as a definition or a usage. */
export function termAt(model: DocumentModel, position: Position): TermOccurrence | undefined {
  return termIndex(model).occurrenceAt(position);
}

function byPosition(a: Location, b: Location): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Where the term under the cursor is defined (on a definition: the definition itself); [] when not on a term. */
export function termDefinitionLocations(model: DocumentModel, position: Position): Location[] {
  const o = termAt(model, position);
  return o ? o.term.definitions.map((d) => d.location) : [];
}

/** Every usage of the term under the cursor (and its definitions with `includeDeclaration`); [] when not on a term. */
export function termReferenceLocations(model: DocumentModel, position: Position, includeDeclaration: boolean): Location[] {
  const idx = termIndex(model);
  const o = idx.occurrenceAt(position);
  if (!o) return [];
  const uri = idx.uri;
  const out: Location[] = idx.usagesOf(o.term.key).map((u) => ({ uri, range: u.range }));
  if (includeDeclaration) for (const d of o.term.definitions) out.push(d.location);
  return out.sort(byPosition);
}

// --- hover -------------------------------------------------------------------------------------

const KIND_MESSAGE: Record<DefinitionKind, string> = {
  begriffsbestimmung: 'begriff.hover.begriffsbestimmung',
  'im-sinne': 'begriff.hover.imSinne',
  klammer: 'begriff.hover.klammer',
  abkuerzung: 'begriff.hover.abkuerzung',
};

/** Where a unit stands, for messages: „§ 2 Absatz 2 Nummer 3“, „Eingangsformel“. */
export function unitPlace(u: Unit): string {
  if (u.address) return u.address;
  if (u.label) return u.label;
  const names: Partial<Record<Unit['kind'], string>> = { eingangsformel: 'Eingangsformel', praeambel: 'Präambel', inhaltsuebersicht: 'Inhaltsübersicht', schlussformel: 'Schlussformel' };
  return names[u.kind] ?? u.kind;
}

function normOf(u: Unit): Unit | undefined {
  for (let x: Unit | undefined = u; x; x = x.parent) if (NORM_KINDS.has(x.kind)) return x;
  return undefined;
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3').replace(/^(\s*)([-+])(\s)/, '$1\\$2$3');
}

/** The text of a unit with its sub-units, one line per unit („3. „Wohnungsgeber“ die Person, …“). */
export function unitLines(u: Unit, max = 1600): string[] {
  const out: string[] = [];
  let size = 0;
  const walk = (x: Unit, depth: number): void => {
    if (size > max) return;
    const own = x.ownText();
    const label = x.implicit ? '' : x === u && (NORM_KINDS.has(x.kind) || x.kind === 'anlage') ? '' : x.label;
    const text = `${label ? `${label} ` : ''}${own}`.trim();
    if (text) {
      out.push(`${'  '.repeat(depth)}${text}`);
      size += text.length;
    }
    for (const c of x.children) walk(c, depth + 1);
  };
  walk(u, 0);
  if (size > max) out.push('…');
  return out;
}

/** Hover on a term: the term, where and how it is defined, and the defining unit's text. */
export function termHover(model: DocumentModel, position: Position, locale: Locale = 'de'): Hover | undefined {
  const o = termAt(model, position);
  if (!o) return undefined;
  const parts: string[] = [];
  for (const d of o.term.definitions) {
    const norm = normOf(d.unit);
    const place = unitPlace(d.unit) + (norm?.title && norm !== d.unit ? ` (${norm.title})` : '');
    parts.push(`**${escapeMarkdown(d.term)}** — ${format({ key: KIND_MESSAGE[d.kind], args: { place } }, locale)}`);
    parts.push(unitLines(d.unit).map((l) => `> ${escapeMarkdown(l)}`).join('  \n'));
  }
  const range = o.kind === 'definition' ? o.definition.range : o.usage.range;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range };
}

// --- rename ---------------------------------------------------------------------------------------

/** A new name that Norma cannot put in for a term (message in the service's locale). */
export class TermRenameError extends Error {
  constructor(
    message: string,
    readonly reason: 'invalid' | 'shape' | 'exists',
  ) {
    super(message);
    this.name = 'TermRenameError';
  }
}

/** The range and current name of the term under the cursor, or undefined when there is none. */
export function prepareTermRename(model: DocumentModel, position: Position): { range: Range; placeholder: string } | undefined {
  const o = termAt(model, position);
  if (!o) return undefined;
  return { range: o.kind === 'definition' ? o.definition.range : o.usage.range, placeholder: o.term.name };
}

export interface TermRenameOptions {
  locale?: Locale;
  /**
   * Mark edits whose inflection is a guess (the new noun may inflect
   * differently) with a change annotation that asks for confirmation; the
   * edit is then a `documentChanges` edit. Default true; false gives plain
   * `changes` (for clients without change annotations).
   */
  annotate?: boolean;
}

const UNCERTAIN = 'norma.term.inflection';

/**
 * Rename the term under the cursor in its document: every definition and
 * every usage, each usage keeping its inflection (see {@link renameWord}).
 * Undefined when the cursor is not on a term; throws a
 * {@link TermRenameError} when the new name does not have the term's shape
 * (a capitalised noun for a noun, adjectives + noun for „meldepflichtige
 * Person“, an abbreviation for „DSGVO“) or names another term.
 */
export function renameTerm(model: DocumentModel, position: Position, newName: string, options: TermRenameOptions = {}): WorkspaceEdit | undefined {
  const locale = options.locale ?? 'de';
  const idx = termIndex(model);
  const o = idx.occurrenceAt(position);
  if (!o) return undefined;
  const term = o.term;
  const checked = checkNewName(term.shape, newName);
  if ('reason' in checked) {
    const key = checked.reason === 'invalid' ? 'begriff.rename.invalid' : 'begriff.rename.shape';
    throw new TermRenameError(format({ key, args: { name: newName.trim(), term: term.name, shape: shapeWords(term.shape, locale) } }, locale), checked.reason);
  }
  const shape = checked.shape;
  const other = idx.terms.get(shape.key);
  if (other && other !== term) {
    throw new TermRenameError(format({ key: 'begriff.rename.exists', args: { name: newName.trim(), place: unitPlace(other.definitions[0].unit) } }, locale), 'exists');
  }
  const edits: { edit: TextEdit; uncertain: boolean }[] = [];
  const lineOf = (block: Block, rel: number): number => block.startLine + rel;
  // definitions: the new name, a capitalised first adjective kept capitalised
  for (const d of term.definitions) {
    let text = shape.words.map((w) => w.text).join(' ');
    if (term.shape.adjectiveInitial && /^\p{Lu}/u.test(d.term)) text = text.charAt(0).toUpperCase() + text.slice(1);
    else if (term.shape.adjectiveInitial && /^\p{Ll}/u.test(d.term)) text = text.charAt(0).toLowerCase() + text.slice(1);
    if (text !== d.term) edits.push({ edit: { range: d.range, newText: text }, uncertain: false });
  }
  for (const u of idx.usagesOf(term.key)) {
    const line = u.block.lines[u.usage.line];
    const l = lineOf(u.block, u.usage.line);
    for (const w of u.usage.words) {
      const written = line.slice(w.start, w.end);
      const r = renameWord(term.shape.words[w.index], shape.words[w.index], written, w.form);
      if (r.text === written) continue;
      edits.push({ edit: { range: { start: { line: l, character: w.start }, end: { line: l, character: w.end } }, newText: r.text }, uncertain: r.uncertain });
    }
  }
  edits.sort((a, b) => byPosition({ uri: '', range: a.edit.range }, { uri: '', range: b.edit.range }));
  const uri = idx.uri;
  const annotate = options.annotate !== false && edits.some((e) => e.uncertain);
  if (!annotate) return { changes: { [uri]: edits.map((e) => e.edit) } };
  const annotation: ChangeAnnotation = {
    label: format({ key: 'begriff.rename.uncertainLabel' }, locale),
    description: format({ key: 'begriff.rename.uncertainDescription', args: { name: shape.words.map((w) => w.text).join(' ') } }, locale),
    needsConfirmation: true,
  };
  const annotated: (TextEdit | AnnotatedTextEdit)[] = edits.map((e) => (e.uncertain ? { ...e.edit, annotationId: UNCERTAIN } : e.edit));
  return {
    documentChanges: [{ textDocument: { uri, version: model.document.version }, edits: annotated }],
    changeAnnotations: { [UNCERTAIN]: annotation },
  };
}

function shapeWords(shape: TermShape, locale: Locale): string {
  const de: Record<string, string> = { adj: 'Adjektiv', noun: 'großgeschriebenes Substantiv', fixed: 'Wort', abbr: 'Abkürzung' };
  const en: Record<string, string> = { adj: 'adjective', noun: 'capitalised noun', fixed: 'word', abbr: 'abbreviation' };
  return shape.words.map((w) => (locale === 'en' ? en : de)[w.role]).join(' + ');
}

/** The text edits of a rename result, whichever form it has (for callers that apply them). */
export function renameEdits(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri];
  const out: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) {
    if (!('textDocument' in c) || c.textDocument.uri !== uri) continue;
    for (const e of c.edits) if ('newText' in e) out.push({ range: e.range, newText: e.newText });
  }
  return out;
}

// --- completion, semantic tokens, workspace symbols -------------------------------------------------

/** Completion items for the document's terms that start with `prefix` (case-insensitive), replacing `range`. */
export function termCompletions(model: DocumentModel, prefix: string, range: Range): CompletionItem[] {
  const p = prefix.toLowerCase();
  const out: CompletionItem[] = [];
  for (const t of termIndex(model).terms.values()) {
    if (!t.name.toLowerCase().startsWith(p)) continue;
    const d = t.definitions[0];
    out.push({
      label: t.name,
      kind: CompletionItemKind.Constant,
      detail: `Begriff · ${unitPlace(d.unit)}`,
      documentation: { kind: MarkupKind.Markdown, value: unitLines(d.unit, 600).map((l) => `> ${escapeMarkdown(l)}`).join('  \n') },
      textEdit: { range, newText: t.name },
      sortText: `5${t.name}`,
    });
  }
  return out;
}

/** Completion source: the defined terms, in text and headings, after at least two letters. */
export const termCompletionSource: CompletionSource = {
  id: 'norma.terms',
  provide(ctx) {
    if (ctx.where !== 'text' && ctx.where !== 'heading') return undefined;
    const w = ctx.word.text;
    if (w.length < 2 || !/^\p{L}/u.test(w)) return undefined;
    // not inside quoted text
    const before = ctx.prefix;
    if ((before.match(/„/g)?.length ?? 0) > (before.match(/“/g)?.length ?? 0)) return undefined;
    return termCompletions(ctx.model, w, ctx.word.range);
  },
};

/** Semantic tokens: definitions (`variable` + `declaration`) and usages (`variable`). */
export function termTokens(model: DocumentModel, token?: CancellationToken): RawSemanticToken[] {
  const idx = termIndex(model);
  const out: RawSemanticToken[] = [];
  for (const d of idx.definitions) {
    const r = d.range;
    out.push({ line: r.start.line, start: r.start.character, length: r.end.character - r.start.character, type: NORMA_TOKEN_TYPES.definedTerm, modifiers: ['declaration'] });
  }
  for (const { block, usages } of idx.blocks) {
    if (token?.isCancellationRequested) break;
    for (const u of usages) out.push({ line: block.startLine + u.line, start: u.start, length: u.end - u.start, type: NORMA_TOKEN_TYPES.definedTerm });
  }
  return out;
}

export const termSemanticTokenSource: SemanticTokenSource = {
  id: 'norma.terms',
  tokens: (model, token) => termTokens(model, token),
};

/** Workspace symbols: one per definition („Wohnungsgeber“, in § 2 Absatz 2 Nummer 3). */
export function termSymbols(model: DocumentModel): WorkspaceSymbolEntry[] {
  return termIndex(model).definitions.map((d) => ({ name: d.term, kind: SymbolKind.Constant, range: d.range, words: ['begriff', 'begriffe', 'definition'] }));
}

export const termWorkspaceSymbolSource: WorkspaceSymbolSource = {
  id: 'norma.terms',
  symbols: (model) => termSymbols(model),
};

/** The hook lists of the language service the term sources register with. */
export interface TermSourceTarget {
  readonly workspaceSymbolSources: WorkspaceSymbolSource[];
  readonly semanticTokenSources: SemanticTokenSource[];
  readonly completionSources: CompletionSource[];
}

/** Add the term sources to a service's hook lists (once). */
export function registerTermSources(target: TermSourceTarget): true {
  if (!target.workspaceSymbolSources.includes(termWorkspaceSymbolSource)) target.workspaceSymbolSources.push(termWorkspaceSymbolSource);
  if (!target.semanticTokenSources.includes(termSemanticTokenSource)) target.semanticTokenSources.push(termSemanticTokenSource);
  if (!target.completionSources.includes(termCompletionSource)) target.completionSources.push(termCompletionSource);
  return true;
}
