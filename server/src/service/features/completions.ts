/**
 * Completions while writing a draft.
 *
 * - after „§ “, „§§ “, „Artikel “ (also inside a list: „§§ 3, “): the §§ or
 *   Artikel of the document with their titles; at the start of a line after
 *   „§ “ first the next free number for a new heading;
 * - after „Absatz “ / „Absätze “: the Absätze of the § named just before in
 *   the same citation („§ 3 Absatz “), else of the § the cursor is in;
 * - after „Nummer “: the Nummern of the Absatz in context („§ 3 Absatz 2
 *   Nummer “, „Absatz 2 Nummer “, else the Absatz the cursor is in);
 * - at the start of a line: the unit markers that can follow the line above
 *   (the next Absatz „(3)“ after „(2)“, the next Nummer, Buchstabe, …, the
 *   first Buchstabe of a Nummer) as snippets, with canonical indentation;
 * - after „@“: the annotation names; in an annotation's entries the keys and
 *   values its schema names (the cost engine adds `@aufwand`'s);
 * - in the front matter: the keys not yet used and the allowed values of
 *   `typ`, `fassung`, `ebene` and `land`.
 *
 * Further sources (defined terms, …) are added with
 * `LanguageService.completionSources.push(…)`, annotation schemas with
 * `LanguageService.annotationSchemas.push(…)`.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { DocumentModel } from '../model/document-model';
import { Tok } from '../parser/lexer';
import { FRONT_MATTER_KEYS, TYP_VALUES, FASSUNG_VALUES, EBENE_VALUES, LAND_VALUES } from '../parser/frontmatter';
import { KNOWN_ANNOTATIONS } from '../parser/annotations';
import { ITEM_KINDS, type Annotation, type Unit, type UnitKind } from '../model/types';
import { cancelled, leadOf, range, type CancellationToken } from './common';
import { LIST_INDENT } from './formatting';

/** Keys and values an annotation takes (for completion and, later, hover). */
export interface AnnotationSchema {
  /** The name after `@`: `aufwand`. */
  name: string;
  /** One line shown beside the name. */
  detail?: string;
  /** Inserted after the name, as a snippet (e.g. the required entries); default: a space. */
  snippet?: string;
  keys?: { key: string; detail?: string; documentation?: string; values?: { value: string; detail?: string }[] }[];
}

/** The built-in schemas: names only; what `@aufwand`'s keys are is up to the cost engine. */
export const BUILTIN_ANNOTATION_SCHEMAS: readonly AnnotationSchema[] = KNOWN_ANNOTATIONS.map((name) => ({
  name,
  detail: name === 'aufwand' ? 'Erfüllungsaufwand einer Vorgabe' : undefined,
}));

/** Where the cursor is, as a completion source sees it. */
export interface CompletionContext {
  model: DocumentModel;
  position: Position;
  /** The whole line and the part before the cursor. */
  line: string;
  prefix: string;
  where: 'frontmatter' | 'text' | 'heading' | 'annotation-name' | 'annotation-entry' | 'comment' | 'toc';
  /** In `annotation-entry`: the annotation, and the key when the cursor is in the value. */
  annotation?: { name: string; key?: string; annotation?: Annotation };
  /** The word before the cursor (letters, digits, §) and its range: what the client filters by. */
  word: { text: string; range: Range };
}

/** A provider of completions (defined terms, cost parameters, …). */
export interface CompletionSource {
  readonly id: string;
  provide(ctx: CompletionContext, token?: CancellationToken): CompletionItem[] | undefined;
}

const FRONT_MATTER_DETAIL: Record<string, string> = {
  titel: 'Vollständige Bezeichnung (erforderlich)',
  kurztitel: 'Kurztitel',
  abkuerzung: 'Amtliche Abkürzung',
  typ: 'stammgesetz | aenderungsgesetz | verordnung (erforderlich)',
  fassung: 'entwurf | verkuendet | konsolidiert',
  stand: 'Stand, JJJJ-MM-TT',
  ausfertigung: 'Datum der Ausfertigung, JJJJ-MM-TT',
  fundstelle: 'Fundstelle der Verkündung',
  aenderungsstand: 'Zuletzt geändert durch …',
  ressort: 'Federführendes Ressort',
  ebene: 'bund | land',
  land: 'Land bei ebene: land (BW, BY, …)',
  eli: 'European Legislation Identifier',
  quelle: 'Herkunft importierten Texts',
};

const VALUES: Record<string, readonly string[]> = {
  typ: TYP_VALUES,
  fassung: FASSUNG_VALUES,
  ebene: EBENE_VALUES,
  land: LAND_VALUES,
};

const SEP = String.raw`[ \u00a0]*(?:,|und|bis|oder|sowie)[ \u00a0]*`;
const NUMS = String.raw`(?:\d+[a-z]{0,2}${SEP})*`;
const B = String.raw`[ \u00a0]`;
const NORM_CTX = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(§§?|Artikeln?|Art\.)${B}+${NUMS}(\d*[a-z]{0,2})$`, 'u');
const ABSATZ_CTX = new RegExp(String.raw`(?:(§|Artikel|Art\.)${B}*(\d+[a-z]{0,2})${B}+)?(?:Absatz|Absätze|Absätzen|Absatzes|Abs\.)${B}+${NUMS}(\d*[a-z]{0,2})$`, 'u');
const NUMMER_CTX = new RegExp(
  String.raw`(?:(§|Artikel|Art\.)${B}*(\d+[a-z]{0,2})${B}+)?(?:(?:Absatz|Absatzes|Abs\.)${B}+(\d+[a-z]{0,2})${B}+)?(?:Satz${B}+\d+${B}+)?(?:Nummer|Nummern|Nr\.)${B}+${NUMS}(\d*[a-z]{0,2})$`,
  'u',
);
const MARKER_PREFIX = /^[ \t]*(?:\(?\d{0,3}[a-z]?\)?|\d{1,3}[a-z]?\.?|[a-z]{1,3}\)?|[-–])$/;

function sortKey(num: string | undefined): string {
  const m = /^(\d*)(.*)$/.exec(num ?? '') as RegExpExecArray;
  return `${m[1].padStart(6, '0')}${m[2]}`;
}

/** The next designation: „3“ → „4“, „3a“ → „4“, „b“ → „c“, „bb“ → „cc“. */
export function nextDesignation(num: string | undefined, kind: UnitKind): string | undefined {
  if (!num) return kind === 'nummer' ? '1' : undefined;
  if (/^\d/.test(num)) return String(parseInt(num, 10) + 1);
  const c = num.charCodeAt(0);
  if (c >= 122) return undefined; // after z) there is no agreed next letter
  return String.fromCharCode(c + 1).repeat(num.length);
}

function markerText(kind: UnitKind, num: string): string {
  switch (kind) {
    case 'absatz':
      return `(${num})`;
    case 'nummer':
      return `${num}.`;
    case 'anstrich':
      return '–';
    default:
      return `${num})`;
  }
}

const KIND_WORD: Partial<Record<UnitKind, string>> = {
  absatz: 'Absatz',
  nummer: 'Nummer',
  buchstabe: 'Buchstabe',
  doppelbuchstabe: 'Doppelbuchstabe',
  dreifachbuchstabe: 'Dreifachbuchstabe',
  anstrich: 'Anstrich',
};

const FIRST_CHILD: Partial<Record<UnitKind, [UnitKind, string]>> = {
  nummer: ['buchstabe', 'a'],
  buchstabe: ['doppelbuchstabe', 'aa'],
  doppelbuchstabe: ['dreifachbuchstabe', 'aaa'],
};

function itemDepth(u: Unit): number {
  let d = 0;
  for (let x: Unit | undefined = u; x && ITEM_KINDS.has(x.kind); x = x.parent) d++;
  return d;
}

function wordBefore(prefix: string, line: number): { text: string; range: Range } {
  let s = prefix.length;
  while (s > 0 && /[\p{L}\p{N}_§-]/u.test(prefix[s - 1])) s--;
  return { text: prefix.slice(s), range: range(line, s, line, prefix.length) };
}

/** Classify the position. */
function contextAt(model: DocumentModel, position: Position): CompletionContext | undefined {
  const doc = model.document;
  const block = doc.blockAtLine(position.line);
  const line = doc.lineAt(position.line);
  const prefix = line.slice(0, Math.min(position.character, line.length));
  const base: Omit<CompletionContext, 'where'> = { model, position, line, prefix, word: wordBefore(prefix, position.line) };
  if (!block) return { ...base, where: 'text' };
  const rel = position.line - block.startLine;
  const t = block.tokens[rel];
  if (block.parse.kind === 'frontmatter') {
    const fm = block.parse.frontMatter;
    let close = block.tokens.length;
    for (let i = (fm?.openLine ?? 0) + 1; i < block.tokens.length; i++) {
      if (block.tokens[i].kind === Tok.FrontMatterDelimiter) {
        close = i;
        break;
      }
    }
    if (rel > (fm?.openLine ?? 0) && rel < close) return { ...base, where: 'frontmatter' };
    return undefined;
  }
  if (!t) return { ...base, where: 'text' };
  if (t.commentStart >= 0 && position.character > t.commentStart) return { ...base, where: 'comment' };
  if (t.kind === Tok.TocEntry) return { ...base, where: 'toc' };
  if (/^\s*@[\p{L}\p{N}_-]*$/u.test(prefix)) return { ...base, where: 'annotation-name' };
  // an annotation's entries: the line is an entry, or a blank line indented deeper than the `@` line below one
  if (t.kind === Tok.AnnotationEntry || t.kind === Tok.Blank) {
    let k = rel - 1;
    while (k >= 0 && block.tokens[k].kind === Tok.AnnotationEntry) k--;
    const at = k >= 0 ? block.tokens[k] : undefined;
    const indent = prefix.length - prefix.trimStart().length;
    if (at && at.kind === Tok.Annotation && (t.kind === Tok.AnnotationEntry || indent > at.indent)) {
      const ann = block.parse.annotations.find((a) => a.line === k);
      const colon = prefix.indexOf(':');
      const key = colon >= 0 ? prefix.slice(0, colon).trim() : undefined;
      return { ...base, where: 'annotation-entry', annotation: { name: ann?.name ?? '', key, annotation: ann } };
    }
  }
  if (t.kind >= Tok.HeadNorm) return { ...base, where: 'heading' };
  return { ...base, where: 'text' };
}

function item(label: string, kind: CompletionItemKind, edit: { range: Range; newText: string }, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, textEdit: edit, ...extra };
}

function normItems(ctx: CompletionContext, word: string, partialStart: number, atLineStart: boolean): CompletionItem[] {
  const { model, position } = ctx;
  const wantArtikel = /^Art/.test(word);
  const r = range(position.line, partialStart, position.line, position.character);
  const out: CompletionItem[] = [];
  if (atLineStart) {
    // a new heading: the number after the § before the cursor
    let prev: Unit | undefined;
    for (const u of model.norms) {
      if (u.range.start.line >= position.line) break;
      prev = u;
    }
    const num = prev ? nextDesignation(prev.numTo ?? prev.num, 'nummer') : '1';
    if (num) {
      out.push(
        item(`${wantArtikel ? 'Artikel' : '§'} ${num}`, CompletionItemKind.Snippet, { range: r, newText: `${num} \${1:Überschrift}` }, {
          detail: wantArtikel ? 'Neuer Artikel' : 'Neuer Paragraph',
          insertTextFormat: InsertTextFormat.Snippet,
          sortText: '0',
          filterText: num,
        }),
      );
    }
  }
  for (const u of model.norms) {
    if (u.kind === 'bereich' || !u.num) continue;
    if ((u.kind === 'artikel') !== wantArtikel) continue;
    const label = `${u.kind === 'artikel' ? 'Artikel' : '§'} ${u.num}`;
    out.push(
      item(label, CompletionItemKind.Reference, { range: r, newText: u.num }, {
        detail: u.title,
        sortText: `1${sortKey(u.num)}`,
        filterText: u.num,
        tags: u.repealed ? [CompletionItemTag.Deprecated] : undefined,
      }),
    );
  }
  return out;
}

function childItems(parent: Unit, kind: UnitKind, word: string, ctx: CompletionContext, partialStart: number): CompletionItem[] {
  const r = range(ctx.position.line, partialStart, ctx.position.line, ctx.position.character);
  const out: CompletionItem[] = [];
  for (const c of parent.children) {
    if (c.kind !== kind || !c.num || c.implicit) continue;
    out.push(
      item(`${word} ${c.num}`, CompletionItemKind.Reference, { range: r, newText: c.num }, {
        detail: leadOf(c, 60),
        sortText: sortKey(c.num),
        filterText: c.num,
        tags: c.repealed ? [CompletionItemTag.Deprecated] : undefined,
      }),
    );
  }
  return out;
}

function findNorm(model: DocumentModel, word: string | undefined, num: string | undefined, position: Position): Unit | undefined {
  if (num) {
    const artikel = !!word && /^Art/.test(word);
    return model.norms.find((u) => u.num === num && (u.kind === 'artikel') === artikel) ?? model.norms.find((u) => u.num === num);
  }
  const u = model.unitAt(position.line, position.character) ?? unitBefore(model, position);
  return u ? DocumentModel.normOf(u) : undefined;
}

/** The unit of the nearest line above with content (the cursor's line may be empty). */
function unitBefore(model: DocumentModel, position: Position): Unit | undefined {
  const doc = model.document;
  for (let l = position.line; l >= 0; l--) {
    const block = doc.blockAtLine(l);
    if (!block) return undefined;
    const t = block.tokens[l - block.startLine];
    if (!t || t.kind === Tok.Blank || t.kind === Tok.Comment) continue;
    if (l === position.line && position.character <= t.indent) continue;
    return model.unitAt(l, l === position.line ? Math.min(position.character, t.end) : t.end);
  }
  return undefined;
}

function citationItems(ctx: CompletionContext): CompletionItem[] | undefined {
  const { prefix, model, position } = ctx;
  let m = NUMMER_CTX.exec(prefix);
  if (m) {
    const norm = findNorm(model, m[1], m[2], position);
    if (!norm) return [];
    let absatz: Unit | undefined;
    if (m[3]) absatz = norm.children.find((c) => c.kind === 'absatz' && c.num === m?.[3]);
    else if (m[2]) absatz = norm.children.find((c) => c.kind === 'absatz' && c.implicit);
    else {
      for (let u: Unit | undefined = model.unitAt(position.line, position.character) ?? unitBefore(model, position); u; u = u.parent) {
        if (u.kind === 'absatz') {
          absatz = u;
          break;
        }
      }
    }
    return absatz ? childItems(absatz, 'nummer', 'Nummer', ctx, position.character - m[4].length) : [];
  }
  m = ABSATZ_CTX.exec(prefix);
  if (m) {
    const norm = findNorm(model, m[1], m[2], position);
    return norm ? childItems(norm, 'absatz', 'Absatz', ctx, position.character - m[3].length) : [];
  }
  m = NORM_CTX.exec(prefix);
  if (m) {
    const atLineStart = prefix.startsWith(m[1]) && /^(?:§|Artikel|Art\.)[ \u00a0]\d*$/.test(prefix);
    return normItems(ctx, m[1], position.character - m[2].length, atLineStart);
  }
  return undefined;
}

/** Unit markers that can follow the line above, as snippets. */
function markerItems(ctx: CompletionContext): CompletionItem[] {
  const { model, position, prefix } = ctx;
  if (!MARKER_PREFIX.test(prefix)) return [];
  const before = unitBefore(model, { line: position.line - 1, character: Number.MAX_SAFE_INTEGER });
  if (!before || position.line === 0) return [];
  const candidates: { kind: UnitKind; num: string; depth: number; parent: Unit }[] = [];
  const seen = new Set<string>();
  const push = (kind: UnitKind, num: string | undefined, depth: number, parent: Unit): void => {
    if (!num) return;
    const key = `${kind}:${num}`;
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push({ kind, num, depth, parent });
  };
  // text that leads into a list („… beizufügen“, „… wie folgt:“, „…, und zwar“) more likely continues with
  // the list; an item that ends with „oder“ or „und“ with its next sibling
  const leadsOn = (u: Unit): boolean => {
    const t = u.ownText().trim();
    return /:$|\bund zwar$/.test(t) || (!/[.!?;,]$/.test(t) && !/\s(?:und|oder|sowie|bzw\.)$/.test(t));
  };
  for (let u: Unit | undefined = before; u; u = u.parent) {
    if (ITEM_KINDS.has(u.kind)) {
      const fc = u === before ? FIRST_CHILD[u.kind] : undefined;
      const child = fc && !u.children.some((c) => c.kind === fc[0]);
      if (child && fc && leadsOn(u)) push(fc[0], fc[1], itemDepth(u) + 1, u);
      if (u.kind === 'anstrich') push('anstrich', '–', itemDepth(u), u.parent as Unit);
      else push(u.kind, nextDesignation(u.num, u.kind), itemDepth(u), u.parent as Unit);
      if (child && fc) push(fc[0], fc[1], itemDepth(u) + 1, u);
      continue;
    }
    if (u.kind === 'absatz') {
      const list = !u.children.some((c) => ITEM_KINDS.has(c.kind));
      if (list && leadsOn(u)) push('nummer', '1', 1, u);
      if (!u.implicit) push('absatz', nextDesignation(u.num, 'absatz'), 0, u.parent as Unit);
      if (list) push('nummer', '1', 1, u);
      continue;
    }
    if (u.kind === 'paragraph' || u.kind === 'artikel') {
      if (!u.children.some((c) => c.kind === 'absatz')) push('absatz', '1', 0, u);
      break;
    }
    if (u.kind === 'anlage' || u.kind === 'praeambel' || u.kind === 'eingangsformel' || u.kind === 'schlussformel') {
      if (!u.children.some((c) => ITEM_KINDS.has(c.kind))) push('nummer', '1', 1, u);
    }
    break;
  }
  const typed = prefix.replace(/^[ \t]*/, '');
  const lead = prefix.slice(0, prefix.length - typed.length);
  const r = range(position.line, 0, position.line, position.character);
  return candidates.map((c, i) => {
    const marker = markerText(c.kind, c.num);
    const indent = ' '.repeat(c.kind === 'absatz' ? 0 : c.depth * LIST_INDENT);
    const word = KIND_WORD[c.kind] ?? c.kind;
    const where = c.parent.address || c.parent.label;
    return item(marker, CompletionItemKind.Snippet, { range: r, newText: `${indent}${marker} $0` }, {
      detail: c.kind === 'anstrich' ? `${word}${where ? ` in ${where}` : ''}` : `${word} ${c.num}${where ? ` in ${where}` : ''}`,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: String(i).padStart(2, '0'),
      filterText: `${lead}${marker}`,
    });
  });
}

function annotationNameItems(ctx: CompletionContext, schemas: readonly AnnotationSchema[]): CompletionItem[] {
  const at = ctx.prefix.lastIndexOf('@');
  const r = range(ctx.position.line, at + 1, ctx.position.line, ctx.position.character);
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  for (const s of schemas) {
    if (seen.has(s.name)) continue;
    seen.add(s.name);
    out.push(
      item(s.name, CompletionItemKind.Keyword, { range: r, newText: `${s.name}${s.snippet ?? ' '}` }, {
        detail: s.detail,
        insertTextFormat: s.snippet ? InsertTextFormat.Snippet : undefined,
      }),
    );
  }
  return out;
}

function annotationEntryItems(ctx: CompletionContext, schemas: readonly AnnotationSchema[]): CompletionItem[] {
  const a = ctx.annotation;
  if (!a) return [];
  const schema = schemas.find((s) => s.name === a.name);
  if (!schema?.keys) return [];
  const { position, prefix } = ctx;
  if (a.key !== undefined) {
    const key = schema.keys.find((k) => k.key === a.key);
    const colon = prefix.indexOf(':');
    let vs = colon + 1;
    while (vs < prefix.length && prefix[vs] === ' ') vs++;
    const r = range(position.line, vs, position.line, position.character);
    return (key?.values ?? []).map((v) => item(v.value, CompletionItemKind.Value, { range: r, newText: v.value }, { detail: v.detail }));
  }
  const used = new Set(a.annotation?.entries.map((e) => e.key) ?? []);
  const indent = prefix.length - prefix.trimStart().length;
  const r = range(position.line, indent, position.line, position.character);
  return schema.keys
    .filter((k) => !used.has(k.key))
    .map((k) =>
      item(k.key, CompletionItemKind.Property, { range: r, newText: `${k.key}: ` }, {
        detail: k.detail,
        documentation: k.documentation ? { kind: 'markdown', value: k.documentation } : undefined,
      }),
    );
}

function frontMatterItems(ctx: CompletionContext): CompletionItem[] {
  const { model, position, prefix } = ctx;
  const km = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(\S*)$/.exec(prefix);
  if (km) {
    const values = VALUES[km[1]];
    if (!values) return [];
    const r = range(position.line, position.character - km[2].length, position.line, position.character);
    return values.map((v, i) => item(v, CompletionItemKind.EnumMember, { range: r, newText: v }, { sortText: String(i).padStart(2, '0') }));
  }
  if (!/^[A-Za-z_]?[\w-]*$/.test(prefix)) return [];
  const used = new Set((model.frontMatter?.entries ?? []).filter((e) => e.line + (model.frontMatterBlock?.startLine ?? 0) !== position.line).map((e) => e.key));
  const r = range(position.line, 0, position.line, position.character);
  return FRONT_MATTER_KEYS.filter((k) => !used.has(k)).map((k, i) =>
    item(k, CompletionItemKind.Property, { range: r, newText: `${k}: ` }, { detail: FRONT_MATTER_DETAIL[k], sortText: String(i).padStart(2, '0') }),
  );
}

export function getCompletions(
  model: DocumentModel,
  position: Position,
  sources: readonly CompletionSource[] = [],
  schemas: readonly AnnotationSchema[] = BUILTIN_ANNOTATION_SCHEMAS,
  token?: CancellationToken,
): CompletionList {
  const ctx = contextAt(model, position);
  const items: CompletionItem[] = [];
  if (ctx && ctx.where !== 'comment' && ctx.where !== 'toc') {
    switch (ctx.where) {
      case 'frontmatter':
        items.push(...frontMatterItems(ctx));
        break;
      case 'annotation-name':
        items.push(...annotationNameItems(ctx, schemas));
        break;
      case 'annotation-entry':
        items.push(...annotationEntryItems(ctx, schemas));
        break;
      default: {
        const cit = citationItems(ctx);
        if (cit) items.push(...cit);
        else if (ctx.where === 'text') items.push(...markerItems(ctx));
      }
    }
    for (const s of sources) {
      if (cancelled(token)) break;
      const more = s.provide(ctx, token);
      if (more) items.push(...more);
    }
  }
  return { isIncomplete: false, items: cancelled(token) ? [] : items };
}
