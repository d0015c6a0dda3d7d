/**
 * Folding ranges: front matter, Inhaltsübersicht, every Gliederung unit (to
 * the end of its last §), every § and Artikel, the other heading blocks
 * (Präambel, Anlage, …), Absätze and list items that span several lines,
 * annotations with their entries, tables, multi-line quoted structures and
 * runs of comment lines (kind `comment`).
 *
 * Ranges are whole lines and end at the last line with content, never on
 * trailing blank lines. Of several ranges that start on the same line only
 * the largest is kept (editors show one fold per line).
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import { Tok } from '../parser/lexer';
import type { Unit } from '../model/types';
import { cancelled, type CancellationToken } from './common';

export function getFoldingRanges(model: DocumentModel, token?: CancellationToken): FoldingRange[] {
  const byStart = new Map<number, FoldingRange>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine <= startLine) return;
    const old = byStart.get(startLine);
    if (old && old.endLine >= endLine) return;
    const r: FoldingRange = { startLine, endLine };
    if (kind) r.kind = kind;
    byStart.set(startLine, r);
  };
  const unitFold = (u: Unit): void => {
    const r = u.range;
    add(r.start.line, r.end.line, u.kind === 'inhaltsuebersicht' ? FoldingRangeKind.Region : undefined);
  };

  const doc = model.document;
  for (const block of doc.blocks) {
    if (cancelled(token)) return [];
    const base = block.startLine;
    const toks = block.tokens;
    // comment runs (whole-line comments; in the front matter, `#` lines)
    let runStart = -1;
    for (let i = 0; i <= toks.length; i++) {
      const t = toks[i];
      const isComment = t !== undefined && ((t.kind === Tok.Comment && t.commentStart === t.indent) || (t.kind === Tok.FrontMatterLine && t.commentStart === t.indent && t.commentStart >= 0));
      if (isComment) {
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0) {
        add(base + runStart, base + i - 1, FoldingRangeKind.Comment);
        runStart = -1;
      }
    }
    const p = block.parse;
    if (p.kind === 'frontmatter') {
      const fm = p.frontMatter;
      if (fm) {
        let close = -1;
        for (let i = fm.openLine + 1; i < toks.length; i++) {
          if (toks[i].kind === Tok.FrontMatterDelimiter) {
            close = i;
            break;
          }
        }
        const end = close >= 0 ? close : block.contentEnd().line;
        add(base + fm.openLine, base + end, FoldingRangeKind.Region);
      }
      continue;
    }
    for (const u of p.units) {
      // Gliederung units span several blocks: their range runs to the end of their last §
      unitFold(u);
      for (const part of u.parts) {
        if (part.type === 'text' && part.text.endLine > part.text.line) add(base + part.text.line, base + part.text.endLine);
        else if (part.type === 'table') add(base + part.table.line, base + part.table.endLine);
      }
    }
    for (const a of p.annotations) add(base + a.line, base + a.endLine);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
