/**
 * Selection ranges („expand selection“): word › Satz › the innermost unit
 * (Nummer › Absatz › § › Gliederung units) › document, with the steps in
 * between that a drafter selects as a whole: a quoted structure, a table
 * row and table, an annotation entry and annotation, a heading, the Satz of
 * the enclosing unit that runs through a list.
 *
 * Every range contains the one before, and no range appears twice.
 */
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import type { Block } from '../parser/block';
import { Tok } from '../parser/lexer';
import type { Unit } from '../model/types';
import { cancelled, containsPos, containsRange, documentRange, range, sameRange, type CancellationToken } from './common';

const WORD_CHAR = /[\p{L}\p{N}_§-]/u;

/** The word at a position (letters, digits, inner hyphens: „E-Government-Gesetzes“), if any. */
export function wordRangeAt(line: string, lineNo: number, character: number): Range | undefined {
  let s = Math.min(character, line.length);
  let e = s;
  while (s > 0 && WORD_CHAR.test(line[s - 1])) s--;
  while (e < line.length && WORD_CHAR.test(line[e])) e++;
  while (s < e && line[s] === '-') s++;
  while (e > s && line[e - 1] === '-') e--;
  if (e <= s || character < s || character > e) return undefined;
  return range(lineNo, s, lineNo, e);
}

function lineRange(block: Block, rel: number, from?: number): Range {
  const t = block.tokens[rel];
  const l = block.startLine + rel;
  return range(l, from ?? t.indent, l, Math.max(t.end, from ?? t.indent));
}

/** The ranges around `p` inside the unit's own parts (quote, table, annotation) and its Sätze. */
function innerSteps(u: Unit, p: Position, out: Range[]): void {
  const block = u.block;
  const base = block.startLine;
  for (const part of u.parts) {
    if (part.type === 'text' && part.text.endLine > part.text.line) {
      const t = part.text;
      const r = range(base + t.line, t.start, base + t.endLine, t.end);
      if (containsPos(r, p)) out.push(r);
    } else if (part.type === 'table') {
      const tb = part.table;
      const r = range(base + tb.line, block.tokens[tb.line].indent, base + tb.endLine, block.tokens[tb.endLine].end);
      if (!containsPos(r, p)) continue;
      for (const row of tb.rows) {
        const rr = lineRange(block, row.line);
        if (!containsPos(rr, p)) continue;
        for (const c of row.cells) {
          const cr = range(base + row.line, c.start, base + row.line, c.end);
          if (c.end > c.start && containsPos(cr, p)) out.push(cr);
        }
        out.push(rr);
      }
      out.push(r);
    }
  }
  for (const a of u.annotations) {
    const ar = range(base + a.line, block.tokens[a.line].indent, base + a.endLine, block.tokens[a.endLine].end);
    if (!containsPos(ar, p)) continue;
    for (const e of a.entries) {
      const er = range(base + e.line, e.keyStart, base + e.line, Math.max(e.valueEnd, e.keyEnd));
      if (containsPos(er, p)) {
        if (e.valueEnd > e.valueStart) {
          const vr = range(base + e.line, e.valueStart, base + e.line, e.valueEnd);
          if (containsPos(vr, p)) out.push(vr);
        }
        out.push(er);
      }
    }
    if (a.labelEnd > a.labelStart) {
      const lr = range(base + a.line, a.labelStart, base + a.line, a.labelEnd);
      if (containsPos(lr, p)) out.push(lr);
    }
    out.push(ar);
  }
  for (const s of u.saetze) {
    const r = { start: u.abs(s.start), end: u.abs(s.end) };
    if (containsPos(r, p)) out.push(r);
  }
}

/** The Satz of `parent` that contains all of `child` (a sentence leading into a list runs through it). */
function enclosingSatz(parent: Unit, child: Range): Range | undefined {
  for (const s of parent.saetze) {
    const r = { start: parent.abs(s.start), end: parent.abs(s.end) };
    if (containsRange(r, child) && !sameRange(r, child)) return r;
  }
  return undefined;
}

function frontMatterSteps(model: DocumentModel, p: Position, out: Range[]): boolean {
  const block = model.frontMatterBlock;
  const fm = model.frontMatter;
  if (!block || !fm) return false;
  const rel = p.line - block.startLine;
  if (rel < 0 || rel >= block.lineCount) return false;
  for (const e of fm.entries) {
    if (e.line !== rel) continue;
    const l = block.startLine + rel;
    const vr = range(l, e.valueStart, l, e.valueEnd);
    if (e.valueEnd > e.valueStart && containsPos(vr, p)) out.push(vr);
    out.push(range(l, e.keyStart, l, Math.max(e.valueEnd, e.keyEnd)));
  }
  let close = block.lineCount - 1;
  for (let i = fm.openLine + 1; i < block.tokens.length; i++) {
    if (block.tokens[i].kind === Tok.FrontMatterDelimiter) {
      close = i;
      break;
    }
  }
  out.push(range(block.startLine + fm.openLine, 0, block.startLine + close, block.lines[close].length));
  return true;
}

function stepsAt(model: DocumentModel, p: Position): Range[] {
  const doc = model.document;
  const out: Range[] = [];
  const line = doc.lineAt(p.line);
  const word = wordRangeAt(line, p.line, p.character);
  if (word) out.push(word);
  if (!frontMatterSteps(model, p, out)) {
    const block = doc.blockAtLine(p.line);
    const rel = block ? p.line - block.startLine : -1;
    const tok = block && rel >= 0 ? block.tokens[rel] : undefined;
    // a comment: the comment itself
    if (tok && tok.commentStart >= 0 && p.character >= tok.commentStart) out.push(range(p.line, tok.commentStart, p.line, line.trimEnd().length));
    const u = model.unitAt(p.line, p.character);
    if (u && block) {
      // on a heading or marker line: the heading (marker and title)
      const h = u.headingRange;
      if (u.titleRange && containsPos(h, p)) out.push(h);
      innerSteps(u, p, out);
      for (let child: Unit | undefined = u; child; child = child.parent) {
        out.push(child.range);
        const parent: Unit | undefined = child.parent;
        if (parent && parent.kind !== 'dokument') {
          const s = enclosingSatz(parent, child.range);
          if (s) out.push(s);
        }
        if (parent?.kind === 'dokument') break;
      }
    }
  }
  out.push(documentRange(doc));
  return out;
}

/** Nested selection ranges for each position, innermost first; each contains the one before. */
export function getSelectionRanges(model: DocumentModel, positions: readonly Position[], token?: CancellationToken): SelectionRange[] {
  const out: SelectionRange[] = [];
  for (const p of positions) {
    if (cancelled(token)) return [];
    const steps = stepsAt(model, p);
    // keep a chain in which each range strictly contains the one before
    const chain: Range[] = [];
    for (const r of steps) {
      const last = chain[chain.length - 1];
      if (last && (sameRange(last, r) || !containsRange(r, last))) continue;
      chain.push(r);
    }
    let sel: SelectionRange | undefined;
    for (let i = chain.length - 1; i >= 0; i--) sel = { range: chain[i], parent: sel };
    out.push(sel ?? { range: { start: p, end: p } });
  }
  return out;
}
