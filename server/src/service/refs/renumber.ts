/**
 * Renumbering: after inserting or deleting a § (or an Absatz, a Nummer), the
 * §§ of a draft are numbered 1, 2, 3 … again, their parts likewise, and
 * every citation of them in the workspace is changed with them — in one
 * WorkspaceEdit that touches nothing but the numbers.
 */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import { ITEM_KINDS, NORM_KINDS, type Unit } from '../model/types';
import type { ReferenceIndex } from './index';
import type { CitLevel } from './citations';
import { numKey } from '../rules/structure-rules';

export interface RenumberOptions {
  /** Also renumber Absätze, Nummern and Buchstaben inside each unit (default true). */
  parts?: boolean;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function letter(kind: string, n: number): string {
  const l = LETTERS[n - 1] ?? LETTERS[LETTERS.length - 1];
  return kind === 'doppelbuchstabe' ? l + l : kind === 'dreifachbuchstabe' ? l + l + l : l;
}

/** The range of the number inside a unit's marker (`§ 3a` → `3a`, `(2)` → `2`, `b)` → `b`). */
function numberRange(u: Unit): { line: number; start: number; end: number } | undefined {
  if (!u.num) return undefined;
  const line = u.block.lines[u.markerLine];
  const i = line.indexOf(u.num, u.markerStart);
  if (i < 0 || i >= u.markerEnd) return undefined;
  return { line: u.block.startLine + u.markerLine, start: i, end: i + u.num.length };
}

/** New numbers for the units of a document: Map<unit, new number>. Only changed numbers are kept. */
export function planNumbers(model: DocumentModel, opts: RenumberOptions = {}): Map<Unit, { num: string; numTo?: string }> {
  const plan = new Map<Unit, { num: string; numTo?: string }>();
  for (const word of ['§', 'Artikel']) {
    let n = 0;
    for (const u of model.norms) {
      const isArt = u.kind === 'artikel' || (u.kind === 'bereich' && u.label.startsWith('Artikel'));
      if ((word === 'Artikel') !== isArt || !u.num) continue;
      if (u.kind === 'bereich' && u.numTo) {
        const a = numKey(u.num, 'paragraph');
        const b = numKey(u.numTo, 'paragraph');
        const span = a && b && u.rangeConj !== 'und' ? Math.max(1, b.n - a.n + 1) : 2;
        const from = n + 1;
        n += span;
        if (String(from) !== u.num || String(n) !== u.numTo) plan.set(u, { num: String(from), numTo: String(n) });
        continue;
      }
      n++;
      if (String(n) !== u.num) plan.set(u, { num: String(n) });
    }
  }
  if (opts.parts !== false) {
    for (const u of model.units()) {
      // Absätze of a §
      if (NORM_KINDS.has(u.kind)) {
        let k = 0;
        for (const c of u.children) {
          if (c.kind !== 'absatz' || c.implicit || !c.num) continue;
          k++;
          if (String(k) !== c.num) plan.set(c, { num: String(k) });
        }
      }
      // list items: one sequence per list (a run of items of one kind)
      let kind: string | undefined;
      let k = 0;
      for (const p of u.parts) {
        if (p.type !== 'unit' || !ITEM_KINDS.has(p.unit.kind) || p.unit.kind === 'anstrich') {
          if (p.type === 'text') kind = undefined;
          continue;
        }
        const c = p.unit;
        if (c.kind !== kind) {
          kind = c.kind;
          k = 0;
        }
        k++;
        const want = c.kind === 'nummer' ? String(k) : letter(c.kind, k);
        if (c.num && want !== c.num) plan.set(c, { num: want });
      }
    }
  }
  return plan;
}

function push(edits: Map<string, TextEdit[]>, uri: string, e: TextEdit): void {
  const list = edits.get(uri);
  if (list) list.push(e);
  else edits.set(uri, [e]);
}

/** Which unit of a resolved path a written level with a value stands for. */
function unitForLevel(path: Unit[], l: CitLevel, used: Set<Unit>): Unit | undefined {
  const kind = l.kind === 'paragraph' || l.kind === 'artikel' ? undefined : l.kind;
  for (const u of path) {
    if (used.has(u)) continue;
    if (kind ? u.kind === kind : NORM_KINDS.has(u.kind)) {
      if (u.num === l.value || (u.kind === 'bereich' && l.value !== undefined)) return u;
    }
  }
  return undefined;
}

/**
 * Renumber a document and update the citations in `indexes` (every document
 * of the workspace). Returns the edit; it is empty when nothing changes.
 */
export function renumber(model: DocumentModel, indexes: { uri: string; index: ReferenceIndex }[], opts: RenumberOptions = {}): WorkspaceEdit {
  const uri = model.document.uri;
  const plan = planNumbers(model, opts);
  const edits = new Map<string, TextEdit[]>();
  if (!plan.size) return { changes: {} };
  // the units' own markers
  for (const [u, p] of plan) {
    const r = numberRange(u);
    if (!r) continue;
    if (u.kind === 'bereich' && u.numTo && p.numTo) {
      const line = u.block.lines[u.markerLine];
      const j = line.indexOf(u.numTo, r.end);
      if (j >= 0 && j < u.markerEnd) push(edits, uri, { range: { start: { line: r.line, character: j }, end: { line: r.line, character: j + u.numTo.length } }, newText: p.numTo });
    }
    push(edits, uri, { range: { start: { line: r.line, character: r.start }, end: { line: r.line, character: r.end } }, newText: p.num });
  }
  // the Inhaltsübersicht
  const toc = model.inhaltsuebersicht;
  if (toc?.toc) {
    const byNum = new Map<string, Unit>();
    for (const n of model.norms) if (n.num && n.kind !== 'bereich') byNum.set(`${n.kind === 'artikel' ? 'Artikel' : '§'} ${n.num}`, n);
    for (const e of toc.toc) {
      const m = /^(§|Artikel)\s+(\d+[a-z]{0,2})(?=\s|$)/.exec(e.text);
      if (!m) continue;
      const u = byNum.get(`${m[1]} ${m[2]}`);
      const p = u ? plan.get(u) : undefined;
      if (!p) continue;
      const line = toc.block.startLine + e.line;
      const start = e.start + m[0].length - m[2].length;
      push(edits, uri, { range: { start: { line, character: start }, end: { line, character: start + m[2].length } }, newText: p.num });
    }
  }
  // every citation of a renumbered unit, in every document
  for (const { uri: citing, index } of indexes) {
    for (const rc of index.citations) {
      const line = rc.citation.block.startLine + rc.citation.line;
      for (const e of rc.entries) {
        const t = e.targets[0];
        if (!t || t.uri !== uri) continue;
        const used = new Set<Unit>();
        for (const l of e.entry.levels) {
          if (!l.written || l.valueStart < 0) continue;
          const u = unitForLevel(t.path, l, used);
          if (!u) continue;
          used.add(u);
          const p = plan.get(u);
          if (p && l.value !== undefined) {
            const newFrom = u.kind === 'bereich' ? undefined : p.num;
            if (newFrom !== undefined && newFrom !== l.value) push(edits, citing, { range: { start: { line, character: l.valueStart }, end: { line, character: l.valueEnd } }, newText: newFrom });
          }
          // the last value of a range („§§ 4 bis 6“)
          if (l.to !== undefined && l.toStart >= 0) {
            const last = e.targets[e.targets.length - 1]?.unit;
            const pl = last ? plan.get(last) : undefined;
            if (pl && pl.num !== l.to) push(edits, citing, { range: { start: { line, character: l.toStart }, end: { line, character: l.toEnd } }, newText: pl.num });
          }
        }
      }
    }
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const [u, list] of edits) {
    // one edit per range (a citation can be reached twice), in document order
    const seen = new Set<string>();
    changes[u] = list
      .filter((e) => {
        const k = `${e.range.start.line}:${e.range.start.character}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return { changes };
}
