/**
 * Workspace symbols: every § / Artikel, Gliederung unit and Anlage of every
 * document the service holds, matched loosely against what the user typed
 * („823“, „§ 82“, „Schaden“, „teil 2“).
 *
 * Symbols come from sources. The structural source below lists the units
 * of the document model; further sources (defined terms, …) are added with
 * `LanguageService.workspaceSymbolSources.push(…)` and are matched and
 * ranked like the built-in ones. Each source's entries are cached per
 * document and model generation, so a query costs a pass over the cached
 * entries.
 */
import { SymbolKind, SymbolTag, type SymbolInformation, type Range } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import { NORM_KINDS } from '../model/types';
import { cancelled, type CancellationToken } from './common';
import { headingName, selectionRangeOf, symbolKindOf } from './document-symbols';

/** One symbol a source offers for a document. */
export interface WorkspaceSymbolEntry {
  /** Shown in the list: „§ 823 Schadensersatzpflicht“, „Wohnung“. */
  name: string;
  kind: SymbolKind;
  /** Where the editor jumps to (usually the heading or the definition). */
  range: Range;
  /** A number that a query token like „823“ or „3a“ matches exactly or as a prefix. */
  number?: string;
  /** Unit words that name the kind of symbol („§“, „artikel“, „teil“): a query token that is one of them is not required to match text. */
  words?: readonly string[];
  deprecated?: boolean;
}

/** A provider of workspace symbols for one document (defined terms, …). */
export interface WorkspaceSymbolSource {
  /** Stable id, used as the cache key. */
  readonly id: string;
  symbols(model: DocumentModel, token?: CancellationToken): WorkspaceSymbolEntry[];
}

/** The documents the service holds, as the workspace symbol search sees them. */
export interface SymbolWorkspace {
  uris(): Iterable<string>;
  getModel(uri: string): DocumentModel;
}

const NORM_WORDS = ['§', '§§', 'paragraph', 'paragraf'];
const ARTIKEL_WORDS = ['artikel', 'art', 'art.'];

/** §§, Artikel, ranges, Gliederung units and Anlagen of a document. */
export const structuralSymbols: WorkspaceSymbolSource = {
  id: 'norma.structure',
  symbols(model, token) {
    const out: WorkspaceSymbolEntry[] = [];
    const add = (u: (typeof model.norms)[number], words: readonly string[]): void => {
      out.push({ name: headingName(u), kind: symbolKindOf(u), range: selectionRangeOf(u), number: u.num, words, deprecated: u.repealed || undefined });
    };
    for (const u of model.gliederung) add(u, [u.kind, u.label.split(/\s/)[0].toLowerCase()]);
    if (cancelled(token)) return out;
    for (const u of model.norms) {
      if (NORM_KINDS.has(u.kind)) add(u, u.kind === 'artikel' || /^Art/.test(u.label) ? ARTIKEL_WORDS : NORM_WORDS);
    }
    for (const u of model.anlagen) add(u, ['anlage', 'anhang']);
    // document order
    out.sort((a, b) => a.range.start.line - b.range.start.line);
    return out;
  },
};

/** Lower case, umlauts and ß folded, no-break spaces as spaces: „Schäden“ and „schaden“ meet. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/\u00a0/g, ' ')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss');
}

interface Prepared {
  entry: WorkspaceSymbolEntry;
  uri: string;
  container: string;
  order: number;
  name: string;
  words: string[];
}

/** How well one query token matches an entry; 0 = not at all. */
function tokenScore(tok: string, p: Prepared): number {
  const e = p.entry;
  const numeric = /^\d+[a-z]{0,2}$/.test(tok);
  if (numeric && e.number) {
    const num = e.number.toLowerCase();
    if (num === tok) return 100;
    if (num.startsWith(tok)) return 60 - Math.min(20, num.length - tok.length);
  }
  for (const w of p.words) if (w.startsWith(tok)) return w === tok ? 45 : 40;
  // a number matches numbers only, never digits inside other numbers
  if (numeric) return 0;
  if (tok.length >= 3 && p.name.includes(tok)) return 25;
  // loose: the token's characters in order within one word that it begins („schdnrs“ finds „Schadensersatz“)
  if (tok.length >= 3) {
    for (const w of p.words) {
      if (w[0] !== tok[0]) continue;
      let i = 1;
      for (let k = 1; k < w.length && i < tok.length; k++) if (w[k] === tok[i]) i++;
      if (i === tok.length) return 5;
    }
  }
  return 0;
}

export interface WorkspaceSymbolOptions {
  /** At most this many results (the best ones); default 1000. */
  limit?: number;
}

/**
 * The workspace symbol search. Keeps each source's entries per document,
 * rebuilt when the document's model changes.
 */
export class WorkspaceSymbols {
  private readonly cache = new Map<string, { model: DocumentModel; sources: number; prepared: Prepared[] }>();

  constructor(
    private readonly workspace: SymbolWorkspace,
    readonly sources: WorkspaceSymbolSource[],
  ) {}

  private prepared(uri: string, token: CancellationToken | undefined): Prepared[] {
    const model = this.workspace.getModel(uri);
    const hit = this.cache.get(uri);
    if (hit && hit.model === model && hit.sources === this.sources.length) return hit.prepared;
    const container = model.context.abkuerzung ?? model.context.kurztitel ?? model.context.titel ?? baseName(uri);
    const prepared: Prepared[] = [];
    let order = 0;
    for (const src of this.sources) {
      for (const entry of src.symbols(model, token)) {
        const name = fold(entry.name);
        const words = name.split(/[\s,;()–-]+/).filter(Boolean);
        if (entry.words) for (const w of entry.words) words.push(fold(w));
        prepared.push({ entry, uri, container, order: order++, name, words });
      }
    }
    this.cache.set(uri, { model, sources: this.sources.length, prepared });
    return prepared;
  }

  /** Symbols of all documents matching `query`, best first, then in document order. */
  search(query: string, token?: CancellationToken, options: WorkspaceSymbolOptions = {}): SymbolInformation[] {
    const tokens = fold(query)
      .split(/\s+/)
      .map((t) => t.replace(/^[„“"']+|[„“"',.;:]+$/g, ''))
      .filter(Boolean);
    const live = new Set(this.workspace.uris());
    for (const k of this.cache.keys()) if (!live.has(k)) this.cache.delete(k);
    const hits: { p: Prepared; score: number; docIndex: number }[] = [];
    let docIndex = 0;
    for (const uri of live) {
      if (cancelled(token)) return [];
      for (const p of this.prepared(uri, token)) {
        let score = tokens.length ? 0 : 1;
        let ok = true;
        for (const t of tokens) {
          const s = tokenScore(t, p);
          if (s === 0) {
            ok = false;
            break;
          }
          score += s;
        }
        if (ok) hits.push({ p, score, docIndex });
      }
      docIndex++;
    }
    if (cancelled(token)) return [];
    hits.sort((a, b) => b.score - a.score || a.docIndex - b.docIndex || a.p.order - b.p.order);
    const limit = options.limit ?? 1000;
    return hits.slice(0, limit).map(({ p }) => {
      const s: SymbolInformation = {
        name: p.entry.name,
        kind: p.entry.kind,
        location: { uri: p.uri, range: p.entry.range },
        containerName: p.container,
      };
      if (p.entry.deprecated) s.tags = [SymbolTag.Deprecated];
      return s;
    });
  }
}

function baseName(uri: string): string {
  const i = uri.lastIndexOf('/');
  return decodeURIComponent(uri.slice(i + 1)).replace(/\.norma$/, '');
}
