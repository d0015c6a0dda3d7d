/**
 * The target law as a tree the apply engine can change: the importers'
 * intermediate structure ({@link NormaDoc}: blocks with a heading and a body
 * of text lines, Absätze, list items, tables, quotations), built from a
 * parsed document model and written back with the importers' writer (which
 * escapes and verifies every line). Also the parser of quoted structures
 * („§ 3a …“, „(2) …“, „5. …“) into the same nodes.
 */
import { NormaDocument } from '../parser/document';
import { DocumentModel } from '../model/document-model';
import { GLIEDERUNG_KINDS, type Unit } from '../model/types';
import type { DocBlock, Heading, Node, NormaDoc } from '../import/writer';

const FRONT_MATTER_ORDER = ['titel', 'kurztitel', 'abkuerzung', 'typ', 'fassung', 'stand', 'ausfertigung', 'fundstelle', 'aenderungsstand', 'ressort', 'ebene', 'land', 'eli', 'quelle'];

/** The text lines of a multi-line text part with their indentation relative to its first line. */
function partLines(u: Unit, line: number, endLine: number, start: number, end: number): { indent: number; text: string }[] {
  const b = u.block;
  const out: { indent: number; text: string }[] = [];
  const base = b.tokens[line].indent;
  for (let l = line; l <= endLine; l++) {
    const tok = b.tokens[l];
    const from = l === line ? start : tok.indent;
    const to = l === endLine ? end : tok.end;
    out.push({ indent: Math.max(0, tok.indent - base), text: b.lines[l].slice(from, to) });
  }
  return out;
}

function unitBody(u: Unit): Node[] {
  const out: Node[] = [];
  for (const p of u.parts) {
    if (p.type === 'text') {
      const t = p.text;
      if (t.line === t.endLine) out.push({ type: 'text', text: u.block.lines[t.line].slice(t.start, t.end) });
      else {
        const lines = partLines(u, t.line, t.endLine, t.start, t.end);
        const first = lines[0].text;
        const last = lines[lines.length - 1].text;
        const close = last.lastIndexOf('“');
        if (first.startsWith('„') && close >= 0) {
          const body: Node[] = lines.map((l, i) => {
            let text = l.text;
            if (i === 0) text = text.slice(1);
            if (i === lines.length - 1) text = text.slice(0, text.length - (last.length - close));
            return { type: 'text', text: ' '.repeat(l.indent) + text } as Node;
          });
          out.push({ type: 'quote', open: '„', close: last.slice(close), body });
        } else for (const l of lines) out.push({ type: 'text', text: l.text });
      }
    } else if (p.type === 'table') {
      const rows: string[][] = [];
      for (const r of p.table.rows) {
        const line = u.block.lines[r.line];
        const cells = r.cells.map((c) => line.slice(c.start, c.end).trim());
        if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
        rows.push(cells);
      }
      out.push({ type: 'table', rows });
    } else {
      const c = p.unit;
      if (c.kind === 'absatz') {
        if (c.implicit) out.push(...unitBody(c));
        else out.push({ type: 'absatz', num: c.num ?? '', body: unitBody(c) });
      } else out.push({ type: 'item', marker: c.label, body: unitBody(c) });
    }
  }
  return out;
}

function heading(u: Unit): Heading | undefined {
  switch (u.kind) {
    case 'eingangsformel':
      return u.implicit ? undefined : { kind: 'keyword', keyword: 'Eingangsformel' };
    case 'praeambel':
      return { kind: 'keyword', keyword: 'Präambel' };
    case 'inhaltsuebersicht':
      return { kind: 'keyword', keyword: 'Inhaltsübersicht' };
    case 'schlussformel':
      return { kind: 'keyword', keyword: 'Schlussformel' };
    case 'paragraph':
    case 'artikel':
      return { kind: 'norm', word: u.kind === 'paragraph' ? '§' : 'Artikel', num: u.num ?? '', title: u.title };
    case 'bereich':
      return { kind: 'range', word: u.label.startsWith('§') ? '§' : 'Artikel', from: u.num ?? '', conj: u.rangeConj ?? 'bis', to: u.numTo ?? '', title: u.title };
    case 'anlage':
      return { kind: 'anlage', label: u.label, title: u.title };
    default:
      if (GLIEDERUNG_KINDS.has(u.kind)) return { kind: 'gliederung', label: u.label, title: u.title };
      return undefined;
  }
}

function headBlock(u: Unit): DocBlock {
  const b: DocBlock = { heading: heading(u), body: unitBody(u) };
  if (u.toc) b.toc = u.toc.map((t) => ({ level: Math.max(0, Math.floor((t.indent - 2) / 2)), text: t.text }));
  return b;
}

const docCache = new WeakMap<DocumentModel, NormaDoc>();

/** The tree of a document (cached per model; treat as read-only, see {@link cloneBlock}). */
export function modelToDoc(model: DocumentModel): NormaDoc {
  const hit = docCache.get(model);
  if (hit) return hit;
  const values = (model.frontMatter?.values ?? {}) as Record<string, string | undefined>;
  // the valid entries in the order of the source; keys the source does not have after them
  const seen = new Set<string>();
  const keys: string[] = [];
  for (const e of model.frontMatter?.entries ?? []) if (values[e.key] !== undefined && !seen.has(e.key)) keys.push(e.key), seen.add(e.key);
  for (const k of FRONT_MATTER_ORDER) if (values[k] !== undefined && !seen.has(k)) keys.push(k);
  const comments: string[] = [];
  const fb = model.frontMatterBlock;
  if (fb) for (const l of fb.lines) if (/^\s*#/.test(l)) comments.push(l.replace(/^\s*#\s?/, ''));
  const doc: NormaDoc = { frontMatter: keys.map((key) => ({ key, value: values[key] })), frontMatterComments: comments, blocks: model.heads.map(headBlock) };
  docCache.set(model, doc);
  return doc;
}

function cloneNode(n: Node): Node {
  switch (n.type) {
    case 'absatz':
    case 'item':
    case 'quote':
      return { ...n, body: n.body.map(cloneNode) };
    case 'table':
      return { type: 'table', rows: n.rows.map((r) => [...r]) };
    default:
      return { ...n };
  }
}

/** A deep copy of a block (the engine copies a block before it changes it). */
export function cloneBlock(b: DocBlock): DocBlock {
  const c: DocBlock = { ...b, heading: b.heading ? { ...b.heading } : undefined, body: b.body.map(cloneNode) };
  if (b.toc) c.toc = b.toc.map((t) => ({ ...t }));
  if (b.comments) c.comments = [...b.comments];
  return c;
}

/** The number of a list marker: `3.` → `3`, `b)` → `b`, `aa)` → `aa`. */
export function markerNum(marker: string): string {
  return marker.replace(/[.)]$/, '');
}

/** The unit kind of a list marker. */
export function markerKind(marker: string): 'nummer' | 'buchstabe' | 'doppelbuchstabe' | 'dreifachbuchstabe' | 'anstrich' | undefined {
  if (/^\d+[a-z]{0,2}\.$/.test(marker)) return 'nummer';
  if (/^[a-z]\)$/.test(marker)) return 'buchstabe';
  if (/^([a-z])\1\)$/.test(marker)) return 'doppelbuchstabe';
  if (/^([a-z])\1\1\)$/.test(marker)) return 'dreifachbuchstabe';
  if (/^[-–—]$/.test(marker)) return 'anstrich';
  return undefined;
}

// --- quoted structures -------------------------------------------------------------------------------

export type Fragment = { kind: 'blocks'; blocks: DocBlock[] } | { kind: 'nodes'; nodes: Node[] } | { kind: 'text'; text: string };

const GLIEDERUNG_HEAD = /^(?:(?:Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel)\s+(?:\d|[IVXLC]+\b)|[A-ZÄÖÜ][a-zäöüß]+(?:er|es|e)\s+(?:Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel)\b)/;

/** What a quoted structure holds, by its first line („Abschnitt 2a …“ with its §§ is a list of blocks, like „§ 3a …“). */
export function fragmentKind(first: string): 'norm' | 'absatz' | 'item' | 'text' {
  const t = first.trimStart();
  if (/^(?:§|Artikel|Art\.)\s*\d/.test(t) || /^Anlage\b/.test(t)) return 'norm';
  if (GLIEDERUNG_HEAD.test(t) && !/[.,;:]$/.test(t.trimEnd())) return 'norm';
  if (/^\(\d+[a-z]{0,2}\)/.test(t)) return 'absatz';
  if (/^(?:\d+[a-z]{0,2}\.|[a-z]{1,3}\))\s/.test(t)) return 'item';
  return 'text';
}

/**
 * Parse the lines of a quoted structure (without the outer quotation
 * marks; indentation relative to the first line) into blocks (§§, Artikel,
 * Anlagen), nodes (Absätze, list items) or plain text (Sätze, words).
 */
export function parseFragment(lines: string[]): Fragment {
  const key = lines.join('\n');
  let f = fragmentMemo.get(key);
  if (!f) {
    f = readFragment(lines);
    if (fragmentMemo.size > 2000) fragmentMemo.clear();
    fragmentMemo.set(key, f);
  }
  // a copy: the engine puts the nodes into the tree
  if (f.kind === 'blocks') return { kind: 'blocks', blocks: f.blocks.map(cloneBlock) };
  if (f.kind === 'nodes') return { kind: 'nodes', nodes: f.nodes.map(cloneNode) };
  return f;
}

/** Quoted structure → its nodes (shared, read-only: {@link parseFragment} hands out copies). */
const fragmentMemo = new Map<string, Fragment>();

function readFragment(lines: string[]): Fragment {
  const kind = fragmentKind(lines[0] ?? '');
  if (kind === 'text') return { kind: 'text', text: lines.map((l) => l.trim()).join(' ') };
  if (kind === 'norm') {
    const d = new NormaDocument('amend:fragment', lines.join('\n'));
    const m = new DocumentModel(d);
    return { kind: 'blocks', blocks: m.heads.filter((h) => h.kind !== 'eingangsformel').map(headBlock) };
  }
  if (kind === 'absatz') {
    const d = new NormaDocument('amend:fragment', ['§ 1 X', ...lines].join('\n'));
    const m = new DocumentModel(d);
    const norm = m.norms[0];
    return { kind: 'nodes', nodes: norm ? unitBody(norm) : [] };
  }
  // list items: inside an Absatz; Doppelbuchstaben inside a Buchstabe, Dreifachbuchstaben inside a Doppelbuchstabe
  const marker = lines[0].trim().split(/\s/)[0];
  const mk = markerKind(marker);
  const wrap = mk === 'doppelbuchstabe' ? ['(1) X', 'a) X'] : mk === 'dreifachbuchstabe' ? ['(1) X', 'a) X', 'aa) X'] : ['(1) X'];
  const d = new NormaDocument('amend:fragment', ['§ 1 X', ...wrap, ...lines].join('\n'));
  const m = new DocumentModel(d);
  let u: Unit | undefined = m.norms[0]?.children.find((c) => c.kind === 'absatz');
  for (let i = 1; i < wrap.length && u; i++) u = u.children[0];
  if (!u) return { kind: 'nodes', nodes: [] };
  const nodes = unitBody(u).filter((n, i) => !(i === 0 && n.type === 'text' && n.text === 'X'));
  return { kind: 'nodes', nodes };
}
