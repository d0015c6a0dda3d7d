/**
 * Semantic tokens: what the parser knows, coloured in the editor.
 *
 * The structural source colours headings (designation and title of §,
 * Artikel, ranges, Gliederung units, Anlagen, keyword headings), Absatz and
 * list markers, `(weggefallen)`, annotations (name, label, keys, values),
 * comments and suppression directives, the front matter and quoted text
 * „…“. Further sources (citations, defined terms) are added with
 * `LanguageService.semanticTokenSources.push(…)`; where their tokens overlap
 * others, the token of higher priority wins and the other one is cut around
 * it. The result is sorted, free of overlaps and counted in UTF-16 code
 * units, one token per line piece.
 *
 * The legend is every standard LSP token type and modifier, so any source
 * can use any of them without a change of the legend (which clients read
 * once, at start-up). Norma uses them as {@link NORMA_TOKEN_TYPES} says.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import type { Block } from '../parser/block';
import { Tok } from '../parser/lexer';
import { GLIEDERUNG_KINDS, ITEM_KINDS, type Unit } from '../model/types';
import { cancelled, type CancellationToken } from './common';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [
    'namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property',
    'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string', 'number', 'regexp',
    'operator', 'decorator', 'label',
  ],
  tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'],
};

/**
 * The token types Norma uses, by what they mark. `citation` and `definedTerm`
 * are reserved for the reference and term sources: a citation („§ 3 Absatz
 * 2“) as `type`, a defined term as `variable` (with modifier `declaration`
 * where it is defined).
 */
export const NORMA_TOKEN_TYPES = {
  designation: 'keyword', // § 3, Artikel 1, §§ 3 bis 6, Teil 2, Anlage 1, Präambel
  normTitle: 'function', // the title of a §, Artikel, range or Anlage (modifier declaration)
  gliederungTitle: 'namespace', // the title of a Gliederung unit (modifier declaration)
  absatzMarker: 'number', // (1)
  listMarker: 'enumMember', // 1. a) aa) aaa) –
  repealed: 'keyword', // (weggefallen), (aufgehoben) (modifier deprecated; repealed units' markers carry it too)
  escape: 'operator', // the backslash of an escaped line
  annotationName: 'decorator', // @aufwand
  annotationLabel: 'label',
  annotationKey: 'property',
  annotationValue: 'string',
  comment: 'comment',
  directive: 'macro', // norma-disable-next-line
  directiveCode: 'parameter', // the rule codes of a directive
  frontMatterDelimiter: 'operator',
  frontMatterKey: 'property',
  frontMatterValue: 'string',
  quote: 'string', // „quoted text“
  citation: 'type',
  definedTerm: 'variable',
} as const;

export type SemanticTokenTypeName = (typeof SEMANTIC_TOKENS_LEGEND.tokenTypes)[number];

/** A token on one line, before encoding. */
export interface RawSemanticToken {
  line: number;
  /** UTF-16 column. */
  start: number;
  length: number;
  /** A type of the legend. */
  type: string;
  modifiers?: readonly string[];
  /** Overrides the source's priority for this token. */
  priority?: number;
}

/** A provider of semantic tokens (citations, defined terms, …). */
export interface SemanticTokenSource {
  readonly id: string;
  /** Where tokens overlap, the higher priority wins. Structure: 0, quoted text: 1; default for added sources: 2. */
  readonly priority?: number;
  tokens(model: DocumentModel, token?: CancellationToken): Iterable<RawSemanticToken>;
}

const TYPE_INDEX = new Map(SEMANTIC_TOKENS_LEGEND.tokenTypes.map((t, i) => [t, i]));
const MOD_BIT = new Map(SEMANTIC_TOKENS_LEGEND.tokenModifiers.map((m, i) => [m, 1 << i]));

const DEPRECATED = ['deprecated'] as const;
const DECLARATION = ['declaration'] as const;
const REPEALED_TEXT = /^\((?:weggefallen|aufgehoben|jetzt [^)]*)\)\s*[.;,]?$/;
const TOC_DESIGNATION = /^(?:§§?|Artikel|Art\.|Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel|Anlage|Anhang)(?:[ \u00a0]+(?:\d+[a-z]{0,2}|[IVXLC]+)\.?(?:[ \u00a0]+(?:bis|und)[ \u00a0]+\d+[a-z]{0,2})?)?(?=\s|$)/;
const DIRECTIVE_RE = /^(\/\/\s*)(norma-(?:disable-next-line|disable-line|disable|enable))\b(.*)$/;

interface Placed {
  start: number;
  end: number;
  type: number;
  mods: number;
  priority: number;
  seq: number;
}

function modBits(mods: readonly string[] | undefined): number {
  let b = 0;
  if (mods) for (const m of mods) b |= MOD_BIT.get(m) ?? 0;
  return b;
}

/** Collects tokens per line. */
class Sink {
  readonly lines: (Placed[] | undefined)[] = [];
  private seq = 0;
  push(line: number, start: number, end: number, type: string, mods?: readonly string[], priority = 0): void {
    if (end <= start || line < 0) return;
    const t = TYPE_INDEX.get(type);
    if (t === undefined) return;
    const list = (this.lines[line] ??= []);
    list.push({ start, end, type: t, mods: modBits(mods), priority, seq: this.seq++ });
  }
}

/** „…“ spans on one line, with the quote depth carried in from the line before; returns the depth after. */
function quoteTokens(sink: Sink, lineNo: number, line: string, from: number, to: number, depthIn: number): number {
  let depth = depthIn;
  let open = depth > 0 ? from : -1;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x201e) {
      if (depth === 0) open = i;
      depth++;
    } else if (c === 0x201c && depth > 0) {
      depth--;
      if (depth === 0) sink.push(lineNo, open, i + 1, NORMA_TOKEN_TYPES.quote, undefined, 1);
    }
  }
  if (depth > 0 && open >= 0) sink.push(lineNo, open, to, NORMA_TOKEN_TYPES.quote, undefined, 1);
  return depth;
}

function hasQuote(line: string, from: number, to: number): boolean {
  const i = line.indexOf('„', from);
  return i >= 0 && i < to;
}

function commentTokens(sink: Sink, lineNo: number, line: string, cs: number): void {
  let end = line.length;
  while (end > cs && /\s/.test(line[end - 1])) end--;
  const text = line.slice(cs, end);
  const m = DIRECTIVE_RE.exec(text);
  if (!m) {
    sink.push(lineNo, cs, end, NORMA_TOKEN_TYPES.comment);
    return;
  }
  const kwStart = cs + m[1].length;
  const kwEnd = kwStart + m[2].length;
  sink.push(lineNo, cs, kwStart, NORMA_TOKEN_TYPES.comment);
  sink.push(lineNo, kwStart, kwEnd, NORMA_TOKEN_TYPES.directive);
  const rest = m[3];
  const dash = rest.indexOf('--');
  const codesEnd = kwEnd + (dash >= 0 ? dash : rest.length);
  const codeRe = /[^\s,]+/g;
  let c: RegExpExecArray | null;
  const codes = line.slice(kwEnd, codesEnd);
  while ((c = codeRe.exec(codes))) sink.push(lineNo, kwEnd + c.index, kwEnd + c.index + c[0].length, NORMA_TOKEN_TYPES.directiveCode);
  if (dash >= 0) sink.push(lineNo, codesEnd, end, NORMA_TOKEN_TYPES.comment);
}

function frontMatterTokens(sink: Sink, block: Block): void {
  const base = block.startLine;
  block.tokens.forEach((t, i) => {
    if (t.kind === Tok.FrontMatterDelimiter) sink.push(base + i, 0, 3, NORMA_TOKEN_TYPES.frontMatterDelimiter);
    else if (t.commentStart >= 0 && t.commentStart === t.indent) sink.push(base + i, t.indent, block.lines[i].trimEnd().length, NORMA_TOKEN_TYPES.comment);
  });
  for (const e of block.parse.frontMatter?.entries ?? []) {
    sink.push(base + e.line, e.keyStart, e.keyEnd, NORMA_TOKEN_TYPES.frontMatterKey);
    sink.push(base + e.line, e.valueStart, e.valueEnd, NORMA_TOKEN_TYPES.frontMatterValue);
  }
}

function unitTokens(sink: Sink, u: Unit): void {
  const block = u.block;
  const base = block.startLine;
  const lines = block.lines;
  const isItem = ITEM_KINDS.has(u.kind);
  const marked = u.kind === 'absatz' || isItem;
  const mods = u.repealed ? DEPRECATED : undefined;
  if (u.markerEnd > u.markerStart && !u.implicit) {
    const type = u.kind === 'absatz' ? NORMA_TOKEN_TYPES.absatzMarker : isItem ? NORMA_TOKEN_TYPES.listMarker : NORMA_TOKEN_TYPES.designation;
    sink.push(base + u.markerLine, u.markerStart, u.markerEnd, type, mods);
  }
  if (u.titleLine >= 0 && u.titleEnd > u.titleStart) {
    const line = lines[u.titleLine];
    const title = line.slice(u.titleStart, u.titleEnd);
    if (u.repealed && REPEALED_TEXT.test(title)) sink.push(base + u.titleLine, u.titleStart, u.titleEnd, NORMA_TOKEN_TYPES.repealed, DEPRECATED);
    else {
      const type = GLIEDERUNG_KINDS.has(u.kind) ? NORMA_TOKEN_TYPES.gliederungTitle : NORMA_TOKEN_TYPES.normTitle;
      sink.push(base + u.titleLine, u.titleStart, u.titleEnd, type, DECLARATION);
      if (hasQuote(line, u.titleStart, u.titleEnd)) quoteTokens(sink, base + u.titleLine, line, u.titleStart, u.titleEnd, 0);
    }
  }
  for (const part of u.parts) {
    if (part.type === 'text') {
      const t = part.text;
      if (t.line === t.endLine) {
        const line = lines[t.line];
        if (marked && u.repealed && t.line === u.markerLine && REPEALED_TEXT.test(line.slice(t.start, t.end))) {
          sink.push(base + t.line, t.start, t.end, NORMA_TOKEN_TYPES.repealed, DEPRECATED);
          continue;
        }
        if (hasQuote(line, t.start, t.end)) quoteTokens(sink, base + t.line, line, t.start, t.end, 0);
        continue;
      }
      // a quoted structure over several lines
      let depth = 0;
      for (let l = t.line; l <= t.endLine; l++) {
        const tok = block.tokens[l];
        const from = l === t.line ? t.start : tok.indent;
        const to = l === t.endLine ? t.end : tok.end;
        if (to <= from) continue;
        depth = quoteTokens(sink, base + l, lines[l], from, to, depth);
      }
    } else if (part.type === 'table') {
      for (const row of part.table.rows) {
        const line = lines[row.line];
        if (line.indexOf('„') < 0) continue;
        for (const c of row.cells) if (hasQuote(line, c.start, c.end)) quoteTokens(sink, base + row.line, line, c.start, c.end, 0);
      }
    }
  }
}

function structuralTokens(sink: Sink, model: DocumentModel, token: CancellationToken | undefined): boolean {
  for (const block of model.document.blocks) {
    if (cancelled(token)) return false;
    const p = block.parse;
    if (p.kind === 'frontmatter') {
      frontMatterTokens(sink, block);
      continue;
    }
    const base = block.startLine;
    const toks = block.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.commentStart >= 0) commentTokens(sink, base + i, block.lines[i], t.commentStart);
      // the designations of the Inhaltsübersicht's entries („§ 3“, „Teil 2“, „Anlage“)
      if (t.kind === Tok.TocEntry) {
        const m = TOC_DESIGNATION.exec(block.lines[i].slice(t.indent, t.end));
        if (m) sink.push(base + i, t.indent, t.indent + m[0].length, NORMA_TOKEN_TYPES.designation);
      }
      // the backslash of an escaped line
      if (t.kind === Tok.Text && t.markerEnd === t.indent + 1 && block.lines[i].charCodeAt(t.indent) === 92) sink.push(base + i, t.indent, t.indent + 1, NORMA_TOKEN_TYPES.escape);
    }
    for (const u of p.units) if (u.kind !== 'dokument') unitTokens(sink, u);
    for (const a of p.annotations) {
      const l = base + a.line;
      sink.push(l, a.nameStart - 1, a.nameEnd, NORMA_TOKEN_TYPES.annotationName);
      sink.push(l, a.labelStart, a.labelEnd, NORMA_TOKEN_TYPES.annotationLabel);
      for (const e of a.entries) {
        sink.push(base + e.line, e.keyStart, e.keyEnd, NORMA_TOKEN_TYPES.annotationKey);
        sink.push(base + e.line, e.valueStart, e.valueEnd, NORMA_TOKEN_TYPES.annotationValue);
      }
    }
  }
  return true;
}

/** The non-overlapping pieces of a line's tokens: where tokens overlap, the higher priority (then the shorter, then the earlier) wins. */
function resolveLine(list: Placed[]): Placed[] {
  list.sort((a, b) => a.start - b.start || a.seq - b.seq);
  let overlap = false;
  let maxEnd = -1;
  for (const t of list) {
    if (t.start < maxEnd) {
      overlap = true;
      break;
    }
    maxEnd = Math.max(maxEnd, t.end);
  }
  if (!overlap) return list;
  const points = new Set<number>();
  for (const t of list) {
    points.add(t.start);
    points.add(t.end);
  }
  const xs = [...points].sort((a, b) => a - b);
  const out: Placed[] = [];
  const active: Placed[] = [];
  let next = 0;
  for (let k = 0; k + 1 < xs.length; k++) {
    const a = xs[k];
    const b = xs[k + 1];
    while (next < list.length && list[next].start <= a) active.push(list[next++]);
    for (let j = active.length - 1; j >= 0; j--) if (active[j].end <= a) active.splice(j, 1);
    let best: Placed | undefined;
    for (const t of active) {
      if (t.start > a || t.end < b) continue;
      if (
        !best ||
        t.priority > best.priority ||
        (t.priority === best.priority && (t.end - t.start < best.end - best.start || (t.end - t.start === best.end - best.start && t.seq < best.seq)))
      )
        best = t;
    }
    if (!best) continue;
    const last = out[out.length - 1];
    if (last && last.end === a && last.seq === best.seq) last.end = b;
    else out.push({ ...best, start: a, end: b });
  }
  return out;
}

/** Semantic tokens of a document: the structural ones and those of the added sources. */
export function getSemanticTokens(model: DocumentModel, sources: readonly SemanticTokenSource[] = [], token?: CancellationToken): SemanticTokens {
  const sink = new Sink();
  if (!structuralTokens(sink, model, token)) return { data: [] };
  for (const src of sources) {
    const prio = src.priority ?? 2;
    for (const t of src.tokens(model, token)) sink.push(t.line, t.start, t.start + t.length, t.type, t.modifiers, t.priority ?? prio);
    if (cancelled(token)) return { data: [] };
  }
  const data: number[] = [];
  let prevLine = 0;
  let prevStart = 0;
  const lines = sink.lines;
  for (let l = 0; l < lines.length; l++) {
    const list = lines[l];
    if (!list) continue;
    for (const t of resolveLine(list)) {
      data.push(l - prevLine, l === prevLine ? t.start - prevStart : t.start, t.end - t.start, t.type, t.mods);
      prevLine = l;
      prevStart = t.start;
    }
  }
  return { data };
}

/** Decoded tokens (for tests and debugging): line, start, length, type name, modifier names. */
export function decodeSemanticTokens(tokens: SemanticTokens): { line: number; start: number; length: number; type: string; modifiers: string[] }[] {
  const out: { line: number; start: number; length: number; type: string; modifiers: string[] }[] = [];
  let line = 0;
  let start = 0;
  const d = tokens.data;
  for (let i = 0; i + 4 < d.length; i += 5) {
    line += d[i];
    start = d[i] === 0 ? start + d[i + 1] : d[i + 1];
    const mods = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, k) => d[i + 4] & (1 << k));
    out.push({ line, start, length: d[i + 2], type: SEMANTIC_TOKENS_LEGEND.tokenTypes[d[i + 3]], modifiers: mods });
  }
  return out;
}
