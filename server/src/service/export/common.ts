/**
 * What the exports share: the citations of a document as spans of its
 * lines (with what they point to), the defined terms as spans, the grouping
 * of a unit's parts into text, lists, tables and quoted structures, and the
 * escaping of text for XML and HTML. Pure: models in, plain data out.
 */
import type { DocumentModel } from '../model/document-model';
import type { Block } from '../parser/block';
import { ITEM_KINDS, type TablePart, type TextPart, type Unit } from '../model/types';
import { referenceIndex, type ReferenceIndex } from '../refs';
import type { CitStatus, Target } from '../refs/resolve';
import { euLink, giiLink } from '../refs/features';

// --- escaping -------------------------------------------------------------------------------------

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, line feed
 * and carriage return; U+FFFE, U+FFFF; unpaired surrogates). Removed from
 * exported text.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content and attribute values for XML: `& < > " '` escaped, invalid characters removed. */
export function escapeXml(s: string): string {
  return s.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content and attribute values for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] as string);
}

// --- citations as spans ------------------------------------------------------------------------------

/** A cited stretch of a line, with what it points to. Positions relative to the block. */
export interface RefSpan {
  line: number;
  start: number;
  end: number;
  /**
   * `intern`: a unit of this document; `arbeitsbereich`: a unit of another
   * document of the workspace; `extern`: another law, not loaded (or an EU
   * act); `offen`: a citation of this document whose target does not exist.
   */
  kind: 'intern' | 'arbeitsbereich' | 'extern' | 'offen';
  status: CitStatus;
  /** The first cited unit (and the last one of a range). */
  target: Target | undefined;
  last: Target | undefined;
  /** The law named, for citations of other laws. */
  law: { titel: string; abkuerzung: string | undefined; gii: string | undefined; uri: string | undefined } | undefined;
  /** An EU act: its name and its EUR-Lex ELI address. */
  eu: { name: string; url: string | undefined } | undefined;
  /** A web address of the cited law where Norma knows one (gesetze-im-internet.de, EUR-Lex). */
  url: string | undefined;
}

/**
 * The citations of a document as spans, by block and line: one span per
 * entry of a list that resolves („§§ 3, 5“ gives two), one span over the
 * whole citation of a law that is not loaded. Spans of one line are sorted
 * and do not overlap.
 */
export function refSpans(model: DocumentModel, index: ReferenceIndex = referenceIndex(model)): Map<Block, Map<number, RefSpan[]>> {
  const out = new Map<Block, Map<number, RefSpan[]>>();
  const add = (block: Block, s: RefSpan): void => {
    let byLine = out.get(block);
    if (!byLine) out.set(block, (byLine = new Map()));
    const list = byLine.get(s.line);
    if (list) list.push(s);
    else byLine.set(s.line, [s]);
  };
  const uri = model.document.uri;
  for (const rc of index.citations) {
    const c = rc.citation;
    if (c.block.detached) continue;
    const law = c.law;
    const lawInfo =
      law.kind === 'gesetz' ? { titel: law.law.titel, abkuerzung: law.law.abkuerzung, gii: law.law.gii, uri: law.law.uri } : law.kind === 'unbekannt' ? { titel: law.name, abkuerzung: undefined, gii: undefined, uri: undefined } : undefined;
    const eu = law.kind === 'eu' ? { name: law.name, url: euLink(law.name) } : undefined;
    const resolved = rc.entries.filter((e) => e.targets.length);
    if (resolved.length) {
      for (const e of rc.entries) {
        const first = e.targets[0];
        const kind: RefSpan['kind'] = first ? (first.uri === uri ? 'intern' : 'arbeitsbereich') : rc.scope === 'internal' ? 'offen' : 'extern';
        if (!first && kind !== 'offen') continue;
        add(c.block, {
          line: c.line,
          start: e.entry.start,
          end: e.entry.end,
          kind,
          status: e.status,
          target: first,
          last: e.targets.length > 1 ? e.targets[e.targets.length - 1] : undefined,
          law: lawInfo,
          eu,
          url: undefined,
        });
      }
      continue;
    }
    if (rc.scope === 'internal') {
      for (const e of rc.entries) add(c.block, { line: c.line, start: e.entry.start, end: e.entry.end, kind: 'offen', status: e.status, target: undefined, last: undefined, law: undefined, eu: undefined, url: undefined });
      continue;
    }
    // another law that is not loaded, an EU act, a law Norma does not know: the whole citation
    let url: string | undefined;
    if (law.kind === 'gesetz' && law.law.gii) {
      const lvl = c.entries[0]?.levels[0];
      url = giiLink(law.law.gii, lvl?.kind ?? 'paragraph', lvl && (lvl.kind === 'paragraph' || lvl.kind === 'artikel') ? lvl.value : undefined);
    } else if (eu) url = eu.url;
    add(c.block, { line: c.line, start: c.start, end: c.end, kind: 'extern', status: rc.status, target: undefined, last: undefined, law: lawInfo, eu, url });
  }
  for (const byLine of out.values()) {
    for (const [line, list] of byLine) {
      list.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: RefSpan[] = [];
      let end = -1;
      for (const s of list) {
        if (s.start < end || s.end <= s.start) continue;
        kept.push(s);
        end = s.end;
      }
      byLine.set(line, kept);
    }
  }
  return out;
}

/** The spans of `spans` that lie inside [from, to) of one line. */
export function spansIn<T extends { start: number; end: number }>(spans: readonly T[] | undefined, from: number, to: number): T[] {
  if (!spans) return [];
  return spans.filter((s) => s.start >= from && s.end <= to);
}

// --- the parts of a unit ------------------------------------------------------------------------

/** A piece of a unit's content, in document order. */
export type Segment =
  | { type: 'text'; part: TextPart }
  /** A quoted structure over several lines; `lead` is the text part before it that ends with „:“ (the amending instruction). */
  | { type: 'quote'; part: TextPart; lead: TextPart | undefined }
  /** A run of list items of one kind (one LegalDocML.de list), with the text just before and just after it. */
  | { type: 'list'; items: Unit[]; intro: TextPart | undefined; wrapUp: TextPart | undefined }
  | { type: 'table'; table: TablePart }
  /** A unit below that is not a list item (the Absätze of a §). */
  | { type: 'unit'; unit: Unit };

/** Whether a text part is a quoted structure over several lines. */
export function isQuote(t: TextPart): boolean {
  return t.endLine > t.line;
}

/**
 * The parts of a unit grouped as LegalDocML.de wants them: runs of list items
 * of one kind become one list (as the eIds count them: a new list starts when
 * the kind of marker changes or something else comes between items); the text
 * right before a list is its introduction, the text right after it its
 * wrap-up (`lists: false` keeps every text part a text); a quoted structure
 * takes the amending instruction before it along.
 */
export function segments(u: Unit, lists = true): Segment[] {
  const raw: Segment[] = [];
  let run: Unit[] | undefined;
  for (const p of u.parts) {
    if (p.type === 'unit' && ITEM_KINDS.has(p.unit.kind)) {
      if (run && run[0].kind === p.unit.kind) run.push(p.unit);
      else raw.push({ type: 'list', items: (run = [p.unit]), intro: undefined, wrapUp: undefined });
      continue;
    }
    run = undefined;
    if (p.type === 'unit') raw.push({ type: 'unit', unit: p.unit });
    else if (p.type === 'table') raw.push({ type: 'table', table: p.table });
    else if (isQuote(p.text)) {
      const prev = raw[raw.length - 1];
      if (prev?.type === 'text') raw[raw.length - 1] = { type: 'quote', part: p.text, lead: prev.part };
      else raw.push({ type: 'quote', part: p.text, lead: undefined });
    } else raw.push({ type: 'text', part: p.text });
  }
  if (!lists) return raw;
  // introductions and wrap-ups: a text part directly before a list, else directly after one
  const out: Segment[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    const next = raw[i + 1];
    if (s.type === 'text' && next?.type === 'list' && !next.intro) {
      next.intro = s.part;
      continue;
    }
    const prev = out[out.length - 1];
    if (s.type === 'text' && prev?.type === 'list' && !prev.wrapUp) {
      prev.wrapUp = s.part;
      continue;
    }
    out.push(s);
  }
  return out;
}

/** The eId of the list that holds `item` (its own eId without the last `_listenelem-n…`). */
export function listEId(item: Unit): string {
  const i = item.eId.lastIndexOf('_listenelem-');
  return i > 0 ? item.eId.slice(0, i) : `${item.eId}_liste-n1`;
}

/** The text of a table cell: `\|` is a literal bar. */
export function cellText(block: Block, line: number, cell: { start: number; end: number }): string {
  return block.lines[line].slice(cell.start, cell.end).replace(/\\\|/g, '|');
}

/** A separator row of a Markdown-like table (`|---|:--:|`). */
export function isSeparatorRow(block: Block, row: TablePart['rows'][number]): boolean {
  return row.cells.length > 0 && row.cells.every((c) => /^:?-{3,}:?$/.test(block.lines[row.line].slice(c.start, c.end)));
}

/** The lines of a quoted structure: the first without its opening mark, the text after the closing mark apart. */
export function quoteLines(block: Block, t: TextPart): { open: string; close: string; lines: { line: number; text: string }[]; after: string } | undefined {
  const lines: { line: number; text: string }[] = [];
  for (let l = t.line; l <= t.endLine; l++) {
    const tok = block.tokens[l];
    const start = l === t.line ? t.start : tok.indent;
    const end = l === t.endLine ? t.end : tok.end;
    lines.push({ line: l, text: block.lines[l].slice(start, end) });
  }
  if (lines[0].text[0] !== '„') return undefined;
  // the mark that balances the opening one, as the lexer reads it: „ opens, “ closes, and so does a
  // straight " or ” after an open „ (rule anfuehrungszeichen reports those)
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i].text;
    for (let k = 0; k < s.length; k++) {
      const ch = s[k];
      if (ch === '„') depth++;
      else if ((ch === '“' || ch === '"' || ch === '”') && depth > 0 && --depth === 0) {
        if (i !== lines.length - 1) return undefined;
        const body = lines.map((x, j) => ({ line: x.line, text: j === 0 ? x.text.slice(1) : x.text }));
        const last = body[body.length - 1];
        const cut = i === 0 ? k - 1 : k;
        const after = last.text.slice(cut + 1);
        last.text = last.text.slice(0, cut);
        return { open: '„', close: ch, lines: body, after };
      }
    }
  }
  return undefined;
}

/** An ISO date (`2026-11-21`) as German text: „21. November 2026“. */
export function germanDate(iso: string | undefined): string | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return undefined;
  const months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const month = months[Number(m[2]) - 1];
  return month ? `${Number(m[3])}. ${month} ${m[1]}` : undefined;
}
