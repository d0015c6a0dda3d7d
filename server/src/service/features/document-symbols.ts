/**
 * Document symbols: the outline of a draft.
 *
 * Gliederung › § / Artikel › Absatz, beside them the Eingangsformel, the
 * Präambel, the Inhaltsübersicht, the Schlussformel and the Anlagen, each
 * with the range of the whole unit and its heading as the selection range.
 * Repealed units carry the `Deprecated` tag, which editors show struck
 * through.
 */
import { SymbolKind, SymbolTag, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import { GLIEDERUNG_KINDS, GLIEDERUNG_LEVEL, NORM_KINDS, type Unit } from '../model/types';
import { cancelled, containsRange, leadOf, type CancellationToken } from './common';

/** Symbol kind of a unit in outlines and workspace symbol lists. */
export function symbolKindOf(u: Unit): SymbolKind {
  if (GLIEDERUNG_KINDS.has(u.kind)) return (GLIEDERUNG_LEVEL[u.kind] ?? 5) <= 4 ? SymbolKind.Module : SymbolKind.Namespace;
  switch (u.kind) {
    case 'paragraph':
    case 'artikel':
    case 'bereich':
      return SymbolKind.Function;
    case 'absatz':
      return SymbolKind.Field;
    case 'anlage':
      return SymbolKind.File;
    case 'inhaltsuebersicht':
      return SymbolKind.Array;
    default:
      return SymbolKind.String;
  }
}

const KEYWORD_NAME: Partial<Record<Unit['kind'], string>> = {
  eingangsformel: 'Eingangsformel',
  praeambel: 'Präambel',
  inhaltsuebersicht: 'Inhaltsübersicht',
  schlussformel: 'Schlussformel',
};

/** The name a heading unit is listed under: designation and title, „§ 3 Anmeldung“. */
export function headingName(u: Unit): string {
  const label = u.label || KEYWORD_NAME[u.kind] || u.kind;
  return u.title ? `${label} ${u.title}` : label;
}

/** The heading of a unit (marker and title), or the first line of an unmarked unit. */
export function selectionRangeOf(u: Unit, whole: Range = u.range): Range {
  if (u.markerEnd > u.markerStart || u.titleLine >= 0) {
    const h = u.headingRange;
    if (containsRange(whole, h)) return h;
  }
  // implicit units (Eingangsformel without keyword, text of a § without Absätze): their first line
  const line = whole.start.line;
  const first = u.block.tokens[line - u.block.startLine];
  const end = whole.end.line === line ? whole.end.character : first ? first.end : whole.start.character;
  return { start: whole.start, end: { line, character: Math.max(end, whole.start.character) } };
}

function tagsOf(u: Unit): SymbolTag[] | undefined {
  return u.repealed ? [SymbolTag.Deprecated] : undefined;
}

function absatzSymbol(u: Unit): DocumentSymbol {
  return {
    name: `Absatz ${u.num ?? ''}`.trim(),
    detail: leadOf(u),
    kind: SymbolKind.Field,
    tags: tagsOf(u),
    range: u.range,
    selectionRange: u.markerRange,
  };
}

function unitSymbol(u: Unit, token: CancellationToken | undefined): DocumentSymbol {
  let children: DocumentSymbol[] | undefined;
  if (GLIEDERUNG_KINDS.has(u.kind)) {
    children = [];
    for (const c of u.children) {
      if (cancelled(token)) break;
      if (GLIEDERUNG_KINDS.has(c.kind) || NORM_KINDS.has(c.kind)) children.push(unitSymbol(c, token));
    }
  } else if (u.kind === 'paragraph' || u.kind === 'artikel') {
    const abs = u.children.filter((c) => c.kind === 'absatz' && !c.implicit);
    if (abs.length) children = abs.map(absatzSymbol);
  }
  const range = u.range;
  return {
    name: headingName(u),
    detail: u.title,
    kind: symbolKindOf(u),
    tags: tagsOf(u),
    range,
    selectionRange: selectionRangeOf(u, range),
    children,
  };
}

/** The outline of a document: its top-level units in document order, Gliederung units with their §§. */
export function getDocumentSymbols(model: DocumentModel, token?: CancellationToken): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const u of model.root.children) {
    if (cancelled(token)) return [];
    out.push(unitSymbol(u, token));
  }
  return cancelled(token) ? [] : out;
}
