/**
 * Formatting: whitespace only, never the wording, never the numbering.
 *
 * - trailing blanks removed; a run of blank lines shortened to one; exactly
 *   one blank line before every heading that follows other content (before
 *   the comment lines directly above the heading, so a
 *   `// norma-disable-next-line` keeps its line); no blank lines at the end,
 *   one final line break;
 * - canonical indentation (docs/language.md, section 13): Absätze in column
 *   0, list items two spaces per list depth (`  1.`, `    a)`,
 *   `      aa)`), text, tables and annotations of an item two spaces deeper
 *   than the item's marker, of an Absatz (or a block without Absätze) in
 *   column 0, annotation entries two spaces deeper than their `@` line; a
 *   multi-line quoted structure moves with the line that opens it;
 * - a single space after markers, designations and annotation names, `key: value`;
 * - German quotation marks where rule `anfuehrungszeichen` (H13) has a safe
 *   fix (the fixes are passed in: only drafts, only where the rule is on and
 *   not suppressed).
 *
 * Indentation decides where unmarked lines belong, so every block whose
 * text changes is lexed and parsed again and its units (kinds, numbers,
 * titles, eIds, nesting, text, annotations, syntax errors) compared with
 * the current ones. A line whose token would change keeps its indentation;
 * a block whose parse would still change is formatted less (no indentation,
 * then only blank lines, then only trailing blanks).
 */
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import { Block, type BlockParse } from '../parser/block';
import { scanBlocks } from '../parser/document';
import { initialState, lexLine, normalState, startsBlock, Tok, type LexState, type LineToken } from '../parser/lexer';
import { ITEM_KINDS, type Unit } from '../model/types';
import { cancelled, type CancellationToken } from './common';

export type NormaFormattingOptions = Partial<FormattingOptions>;

/** Spaces per list depth. */
export const LIST_INDENT = 2;

type Category = 'indent' | 'gap' | 'quote' | 'trail' | 'blank';

interface ColEdit {
  start: number;
  end: number;
  text: string;
  cat: Category;
}

/** The formatting plan of one block, in block-relative lines. */
interface BlockPlan {
  block: Block;
  index: number;
  edits: Map<number, ColEdit[]>;
  /** Lines removed (runs of blank lines). */
  deleted: Set<number>;
  /** A blank line is inserted before these lines (relative; may equal lineCount = after the block). */
  insertBefore: Set<number>;
}

const TIERS: Category[][] = [
  ['indent', 'gap', 'quote', 'trail', 'blank'],
  ['gap', 'quote', 'trail', 'blank'],
  ['trail', 'blank'],
  ['trail'],
];

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Only space, tab, no-break space (a byte order mark is content here: it is kept). */
function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isWs(line.charCodeAt(i))) return false;
  return true;
}

function onlySpaces(line: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (line.charCodeAt(i) !== 32) return false;
  return true;
}

function addEdit(plan: BlockPlan, line: number, e: ColEdit): void {
  let list = plan.edits.get(line);
  if (!list) plan.edits.set(line, (list = []));
  list.push(e);
}

/** Canonical column of a unit's marker: Absätze 0, list items two spaces per list depth. */
function markerColumn(u: Unit): number {
  if (!ITEM_KINDS.has(u.kind)) return 0;
  let depth = 0;
  for (let x: Unit | undefined = u; x && ITEM_KINDS.has(x.kind); x = x.parent) depth++;
  return LIST_INDENT * depth;
}

/** Canonical column of the unmarked lines (text, tables, annotations) that belong to a unit. */
function ownedColumn(u: Unit): number {
  return ITEM_KINDS.has(u.kind) ? markerColumn(u) + LIST_INDENT : 0;
}

/** The target indentation of the lines of a block (undefined: leave as is). */
function targetIndents(block: Block): (number | undefined)[] {
  const p = block.parse;
  const toks = block.tokens;
  const target: (number | undefined)[] = new Array(toks.length);
  if (p.kind === 'frontmatter') return target;
  for (const u of p.units) {
    const marked = (u.kind === 'absatz' && !u.implicit) || ITEM_KINDS.has(u.kind);
    if (marked) target[u.markerLine] = markerColumn(u);
    const own = ownedColumn(u);
    for (const part of u.parts) {
      if (part.type === 'text') {
        const t = part.text;
        const onMarker = marked && t.line === u.markerLine;
        if (t.endLine === t.line) {
          if (!onMarker) target[t.line] = own;
          continue;
        }
        // a quoted structure: its lines move with the line that opens it
        const delta = onMarker ? markerColumn(u) - toks[u.markerLine].indent : own - toks[t.line].indent;
        if (!onMarker) target[t.line] = own;
        for (let l = t.line + 1; l <= t.endLine; l++) {
          const tok = toks[l];
          if (tok.kind === Tok.Blank) continue;
          target[l] = Math.max(0, tok.indent + delta);
        }
      } else if (part.type === 'table') {
        for (let l = part.table.line; l <= part.table.endLine; l++) target[l] = own;
      }
    }
  }
  for (const a of p.annotations) {
    const col = ownedColumn(a.unit);
    target[a.line] = col;
    // its entries, well-formed or not
    for (let l = a.line + 1; l < toks.length && toks[l].kind === Tok.AnnotationEntry; l++) target[l] = col + LIST_INDENT;
  }
  return target;
}

/** Lines with the plan's edits of the given categories applied (deleted lines left out, inserted blank lines added). */
function apply(plan: BlockPlan, cats: readonly Category[]): string[] {
  const lines = plan.block.lines;
  const out: string[] = [];
  for (let i = 0; i <= lines.length; i++) {
    if (cats.includes('blank') && plan.insertBefore.has(i)) out.push('');
    if (i === lines.length) break;
    if (cats.includes('blank') && plan.deleted.has(i)) continue;
    const edits = (plan.edits.get(i) ?? []).filter((e) => cats.includes(e.cat)).sort((a, b) => a.start - b.start);
    if (!edits.length) {
      out.push(lines[i]);
      continue;
    }
    let s = '';
    let at = 0;
    const line = lines[i];
    for (const e of edits) {
      s += line.slice(at, e.start) + e.text;
      at = e.end;
    }
    out.push(s + line.slice(at));
  }
  return out;
}

function lexLines(lines: string[], state: LexState): LineToken[] {
  return lines.map((l) => lexLine(l, state));
}

function sameToken(a: LineToken, b: LineToken): boolean {
  return a.kind === b.kind && a.error?.kind === b.error?.kind && !!a.opensQuote === !!b.opensQuote;
}

/** What a user can observe of a block's parse, independent of positions and whitespace. */
function signature(block: Block, p: BlockParse): string {
  const norm = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim().replace(/[„“”"»«]/g, '"');
  const out: string[] = [p.kind];
  if (p.frontMatter) {
    const fm = p.frontMatter;
    out.push(`fm ${fm.closed} ${fm.entries.map((e) => `${e.key}=${norm(e.value)}`).join('|')} ${fm.findings.map((f) => f.message.key).join(',')}`);
  }
  const head = p.head;
  const headEId = head?.eId ?? '';
  const rel = (eId: string): string => (headEId && eId.startsWith(headEId) ? eId.slice(headEId.length) : eId);
  const index = new Map<Unit, number>(p.units.map((u, i) => [u, i]));
  for (const u of p.units) {
    const parts = u.parts
      .map((x) =>
        x.type === 'text'
          ? `t:${norm(block.partText(x.text))}`
          : x.type === 'unit'
            ? `u:${index.get(x.unit)}`
            : `r:${x.table.rows.map((r) => r.cells.map((c) => norm(block.lines[r.line].slice(c.start, c.end))).join('¦')).join('¶')}`,
      )
      .join('·');
    const anns = u.annotations.map((a) => `@${a.name} ${norm(a.label)} ${a.entries.map((e) => `${e.key}=${norm(e.value)}`).join(',')}`).join(';');
    const toc = u.toc?.map((t) => norm(t.text)).join('|') ?? '';
    out.push(
      [u.kind, u.num, u.numTo, norm(u.label), norm(u.title), u.repealed, u.implicit, u === head ? '' : rel(u.eId), u.parent ? index.get(u.parent) : '', parts, anns, toc].join('#'),
    );
  }
  out.push(`syntax ${p.syntax.map((f) => `${f.message.key}:${norm(String(f.message.args?.marker ?? ''))}`).join(',')}`);
  out.push(`dir ${p.directives.map((d) => `${d.kind}:${(d.codes ?? []).join(',')}`).join(';')}`);
  return out.join('\n');
}

/** Whether the block, formatted with these categories, parses as before. */
function verify(plan: BlockPlan, cats: readonly Category[], isLast: boolean, oldSig: () => string): boolean {
  const lines = apply(plan, cats);
  const text = lines.join('\n') + '\n';
  const state = plan.index === 0 ? initialState() : normalState();
  const scan = scanBlocks(text, state);
  if (scan.blocks.length !== 1) return false;
  const mode = scan.endState.mode;
  if (!isLast && mode === 'quote') return false;
  if (mode === 'frontmatter' && plan.block.parse.frontMatter?.closed !== false) return false;
  const fresh = scan.blocks[0];
  if (!startsBlockSame(plan.block, fresh)) return false;
  return signature(fresh, fresh.parse) === oldSig();
}

function startsBlockSame(a: Block, b: Block): boolean {
  const ta = a.tokens[0];
  const tb = b.tokens[0];
  return ta.kind === tb.kind && startsBlock(ta) === startsBlock(tb);
}

/** Edits that format the document (see the module comment). */
export function formatDocument(model: DocumentModel, options: NormaFormattingOptions = {}, quoteFixes: readonly TextEdit[] = [], token?: CancellationToken): TextEdit[] {
  const doc = model.document;
  const blocks = doc.blocks;
  if (!blocks.length) return [];
  const trimTrailing = options.trimTrailingWhitespace !== false;
  const trimFinal = options.trimFinalNewlines !== false;
  const insertFinal = options.insertFinalNewline !== false;
  const eol = blocks.some((b) => b.text.includes('\r\n')) ? '\r\n' : '\n';

  const plans: BlockPlan[] = blocks.map((block, index) => ({ block, index, edits: new Map(), deleted: new Set(), insertBefore: new Set() }));

  // --- blank lines ---------------------------------------------------------------
  // absolute line → block plan and relative line (only for the few lines that need it)
  const where = (line: number): [BlockPlan, number] => {
    const bi = doc.blockIndexAtLine(line);
    return [plans[bi], line - blocks[bi].startLine];
  };
  // blank lines per block (a run never crosses a block: blocks begin with a heading or after the front matter)
  const blankFlags = blocks.map((b) => b.tokens.map((t, i) => (t.kind === Tok.Blank || t.kind === Tok.FrontMatterLine) && isBlankLine(b.lines[i])));
  let lastBlock = -1;
  let lastRel = -1;
  for (let bi = blocks.length - 1; bi >= 0 && lastBlock < 0; bi--) {
    const f = blankFlags[bi];
    for (let i = f.length - 1; i >= 0; i--) {
      if (!f[i]) {
        lastBlock = bi;
        lastRel = i;
        break;
      }
    }
  }
  if (lastBlock < 0) {
    // nothing but blank lines: only trailing blanks go
    for (const pl of plans) trailingEdits(pl, trimTrailing);
    return emit(plans, doc, eol, false, TIERS[3]);
  }
  for (let bi = 0; bi < blocks.length; bi++) {
    const f = blankFlags[bi];
    const pl = plans[bi];
    for (let l = 0; l < f.length; ) {
      if (!f[l]) {
        l++;
        continue;
      }
      let e = l;
      while (e + 1 < f.length && f[e + 1]) e++;
      const atEnd = bi === blocks.length - 1 && e === f.length - 1 && (bi > lastBlock || l > lastRel);
      const keep = atEnd && trimFinal ? 0 : 1;
      for (let k = l + keep; k <= e; k++) pl.deleted.add(k);
      l = e + 1;
    }
  }
  // exactly one blank line before a heading that follows content (before the comments directly above it)
  for (let bi = 1; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (!startsBlock(b.tokens[0])) continue;
    let k = b.startLine - 1;
    let [pl, rel] = where(k);
    while (k >= 0) {
      [pl, rel] = where(k);
      const t = pl.block.tokens[rel];
      if (t.kind === Tok.Comment && t.commentStart === t.indent && !blankFlags[pl.index][rel]) k--;
      else break;
    }
    if (k < 0 || blankFlags[pl.index][rel]) continue;
    const t = pl.block.tokens[rel];
    if (t.kind === Tok.FrontMatterDelimiter || t.kind === Tok.FrontMatterLine) continue;
    pl.insertBefore.add(rel + 1);
  }

  // --- per line ------------------------------------------------------------------------
  for (const e of quoteFixes) {
    if (e.range.start.line !== e.range.end.line) continue;
    const [pl, rel] = where(e.range.start.line);
    addEdit(pl, rel, { start: e.range.start.character, end: e.range.end.character, text: e.newText, cat: 'quote' });
  }
  for (const pl of plans) {
    if (cancelled(token)) return [];
    const block = pl.block;
    const toks = block.tokens;
    const lines = block.lines;
    trailingEdits(pl, trimTrailing);
    if (block.parse.kind === 'frontmatter') continue;
    // a single space after markers, designations, annotation names; "key: value"
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.contentStart <= t.markerEnd || t.contentStart >= t.end || t.markerEnd <= t.indent) continue;
      // the common case, one space, costs no string
      if (t.contentStart === t.markerEnd + 1 && lines[i].charCodeAt(t.markerEnd) === 32 && t.kind !== Tok.AnnotationEntry) continue;
      const gap = lines[i].slice(t.markerEnd, t.contentStart);
      let want: string | undefined;
      switch (t.kind) {
        case Tok.AnnotationEntry:
          if (gap.trim() === ':') want = ': ';
          break;
        case Tok.Absatz:
        case Tok.Nummer:
        case Tok.Buchstabe:
        case Tok.Doppelbuchstabe:
        case Tok.Dreifachbuchstabe:
        case Tok.Strich:
        case Tok.Annotation:
        case Tok.HeadNorm:
        case Tok.HeadRange:
        case Tok.HeadGliederung:
        case Tok.HeadAnlage:
          if (gap.trim() === '') want = ' ';
          break;
      }
      if (want !== undefined && gap !== want) addEdit(pl, i, { start: t.markerEnd, end: t.contentStart, text: want, cat: 'gap' });
    }
    // indentation
    const target = targetIndents(block);
    const changed: number[] = [];
    for (let i = 0; i < toks.length; i++) {
      const want = target[i];
      const t = toks[i];
      if (want === undefined || t.kind === Tok.Blank) continue;
      // a byte order mark at the start of the document stays
      const from = block.startLine + i === 0 && lines[i].charCodeAt(0) === 0xfeff ? 1 : 0;
      if (t.indent - from === want && onlySpaces(lines[i], from, t.indent)) continue;
      addEdit(pl, i, { start: from, end: t.indent, text: ' '.repeat(want), cat: 'indent' });
      changed.push(i);
    }
    if (changed.length) keepTokens(pl, changed);
  }

  // --- verification per block --------------------------------------------------------------
  const accepted: Category[][] = [];
  for (const pl of plans) {
    if (cancelled(token)) return [];
    const hasOnlyTrailing = pl.deleted.size === 0 && pl.insertBefore.size === 0 && [...pl.edits.values()].every((l) => l.every((e) => e.cat === 'trail'));
    if (hasOnlyTrailing) {
      accepted.push(TIERS[0]);
      continue;
    }
    let sig: string | undefined;
    const oldSig = (): string => (sig ??= signature(pl.block, pl.block.parse));
    const isLast = pl.index === plans.length - 1;
    let chosen = TIERS[3];
    for (const tier of TIERS.slice(0, 3)) {
      if (!tierChanges(pl, tier)) continue;
      if (verify(pl, tier, isLast, oldSig)) {
        chosen = tier;
        break;
      }
    }
    accepted.push(chosen);
  }
  return emit(plans, doc, eol, insertFinal, undefined, accepted);
}

/** Whether a tier changes anything beyond trailing blanks (else it needs no check). */
function tierChanges(pl: BlockPlan, tier: readonly Category[]): boolean {
  if (tier.includes('blank') && (pl.deleted.size || pl.insertBefore.size)) return true;
  for (const list of pl.edits.values()) for (const e of list) if (e.cat !== 'trail' && tier.includes(e.cat)) return true;
  return false;
}

function trailingEdits(pl: BlockPlan, trim: boolean): void {
  if (!trim) return;
  const lines = pl.block.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let e = line.length;
    while (e > 0 && isWs(line.charCodeAt(e - 1))) e--;
    if (e < line.length) addEdit(pl, i, { start: e, end: line.length, text: '', cat: 'trail' });
  }
}

/**
 * Lex the block with its new indentation; a line whose token changes (text
 * that would become a heading in column 0, a line that would join an
 * annotation's entries, …) keeps its indentation. Repeated until stable.
 */
function keepTokens(pl: BlockPlan, changed: number[]): void {
  const pending = new Set(changed);
  for (let round = 0; round < 8 && pending.size; round++) {
    const lines = apply(pl, ['indent']);
    const state = pl.index === 0 ? initialState() : normalState();
    const toks = lexLines(lines, state);
    let reverted = false;
    for (let i = 0; i < toks.length; i++) {
      if (sameToken(toks[i], pl.block.tokens[i])) continue;
      if (pending.has(i)) {
        const list = pl.edits.get(i);
        if (list) pl.edits.set(i, list.filter((e) => e.cat !== 'indent'));
        pending.delete(i);
        reverted = true;
      }
    }
    if (!reverted) break;
  }
}

/** Absolute text edits of the accepted categories of every block. */
function emit(
  plans: BlockPlan[],
  doc: DocumentModel['document'],
  eol: string,
  insertFinal: boolean,
  all: readonly Category[] | undefined,
  accepted: Category[][] = [],
): TextEdit[] {
  const out: TextEdit[] = [];
  const lastLine = doc.lineCount - 1;
  const lastText = doc.lineAt(lastLine);
  let needFinal = insertFinal && !isBlankLine(lastText);
  plans.forEach((pl, bi) => {
    const cats = all ?? accepted[bi];
    const base = pl.block.startLine;
    const n = pl.block.lineCount;
    const useBlank = cats.includes('blank');
    if (!pl.edits.size && !(useBlank && (pl.deleted.size || pl.insertBefore.size))) return;
    for (let i = 0; i <= n; i++) {
      const abs = base + i;
      if (useBlank && pl.insertBefore.has(i)) out.push({ range: { start: { line: abs, character: 0 }, end: { line: abs, character: 0 } }, newText: eol });
      if (i === n) break;
      if (useBlank && pl.deleted.has(i)) {
        let j = i;
        while (j + 1 < n && pl.deleted.has(j + 1) && !pl.insertBefore.has(j + 1)) j++;
        const endAbs = base + j + 1;
        const end = endAbs > lastLine ? { line: lastLine, character: lastText.length } : { line: endAbs, character: 0 };
        out.push({ range: { start: { line: abs, character: 0 }, end }, newText: '' });
        i = j;
        continue;
      }
      const list = pl.edits.get(i);
      if (!list) continue;
      const edits = list.filter((e) => cats.includes(e.cat)).sort((a, b) => a.start - b.start);
      for (const e of edits) {
        let text = e.text;
        // the final line break replaces the trailing blanks of the last line
        if (needFinal && abs === lastLine && e.cat === 'trail') {
          text = eol;
          needFinal = false;
        }
        out.push({ range: { start: { line: abs, character: e.start }, end: { line: abs, character: e.end } }, newText: text });
      }
    }
  });
  if (needFinal) out.push({ range: { start: { line: lastLine, character: lastText.length }, end: { line: lastLine, character: lastText.length } }, newText: eol });
  return out;
}
