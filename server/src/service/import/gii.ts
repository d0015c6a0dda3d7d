/**
 * gesetze-im-internet XML (gii-norm) → .norma.
 *
 * A gii document is a flat sequence of `<norm>` elements: the first one holds
 * the law's metadata, then Gliederung headings (nesting only through the
 * `gliederungskennzahl`, three digits per level), §§ / Artikel, ranges of
 * repealed norms (`(XXXX) §§ 3 bis 6`), Eingangsformel, Präambel,
 * Inhaltsübersicht and Anlagen. Text is mixed content (`<P>` with inline
 * markup, `<BR>`, `<DL>` lists and CALS tables).
 */
import { lexLine, normalState, Tok } from '../parser/lexer';
import { child, elements, find, norm, rawText, type XElement, type XNode } from './xml';
import type { DocBlock, Heading, Node, NormaDoc, TocLine } from './writer';

export interface GiiOptions {
  footnotes?: 'drop' | 'comments';
}

/** Inline elements whose text is taken as plain text. */
const INLINE = new Set(['B', 'I', 'U', 'SP', 'SUB', 'SUP', 'F', 'NB', 'small', 'span', 'noindex', 'Citation', 'ABBR', 'FILE', 'IMG', 'la', 'LA']);

const STANDTYP: Record<string, string> = { Neuf: 'Neufassung', Sonst: 'Sonstiges', Hinweis: 'Hinweis', Stand: 'Stand' };

const ABSATZ_START = /^\((\d+[a-z]{0,2})\)(?:\s+|$|(?=\())/; // also "(4)(weggefallen)" as in BGB § 2249

/** A Gliederung designation without title (`Erstes Kapitel`, `Teil 2`), as the lexer reads it. */
function isBareDesignation(text: string): boolean {
  const t = lexLine(text, normalState());
  return t.kind === Tok.HeadGliederung && t.contentStart >= t.end;
}

/** Whether a line would start with a heading (§, Artikel, Gliederung, Anlage). */
function startsHeading(text: string): boolean {
  const t = lexLine(text, normalState());
  return t.kind >= Tok.HeadNorm;
}

/** A block; `commentOnly`: text of an unknown kind of norm, kept as comments of the previous block. */
type GiiBlock = DocBlock & { commentOnly?: boolean };

/** A piece of a text container in document order. */
type Seg =
  | { type: 'line'; text: string }
  | { type: 'list'; el: XElement }
  | { type: 'table'; el: XElement }
  | { type: 'note'; text: string };

class GiiConverter {
  readonly warnings: string[] = [];
  /** Gliederung headings in order with their gliederungskennzahl (nesting in the source). */
  readonly gliederung: GliederungSource[] = [];
  private readonly keepNotes: boolean;
  private readonly unknown = new Set<string>();
  private origin = '';

  constructor(options: GiiOptions) {
    this.keepNotes = options.footnotes === 'comments';
  }

  warn(msg: string): void {
    this.warnings.push(this.origin ? `${this.origin}: ${msg}` : msg);
  }

  private unknownElement(name: string): void {
    if (this.unknown.has(name)) return;
    this.unknown.add(name);
    this.warnings.push(`Unbekanntes Element <${name}>: Text übernommen, Auszeichnung ignoriert`);
  }

  // --- inline text ----------------------------------------------------------------------------

  /** Text of an element on one line: `<BR>` → blank, footnote references dropped. */
  inline(n: XNode): string {
    return norm(this.inlineRaw(n));
  }

  private inlineRaw(n: XNode): string {
    if (n.type === 'text') return n.text;
    switch (n.local) {
      case 'FnR':
      case 'Footnotes':
      case 'Footnote':
        return '';
      case 'BR':
        return ' ';
      case 'DT':
        return ` ${this.inlineChildren(n)} `;
      case 'table':
        return ` ${this.tableRows(n)
          .map((r) => r.filter(Boolean).join(' '))
          .join(' ')} `;
      case 'P':
      case 'LA':
      case 'DD':
      case 'DL':
      case 'entry':
      case 'row':
      case 'Title':
      case 'Subtitle':
      case 'Ident':
        return ` ${this.inlineChildren(n)} `;
      default:
        return this.inlineChildren(n);
    }
  }

  private inlineChildren(n: XElement): string {
    let s = '';
    for (const c of n.children) s += this.inlineRaw(c);
    return s;
  }

  // --- segments: lines, lists, tables ----------------------------------------------------------

  /** Split mixed content into lines (at `<BR>` and paragraph boundaries), lists and tables. */
  segments(container: XElement, out: Seg[] = []): Seg[] {
    let buf = '';
    const flush = (): void => {
      const t = norm(buf);
      if (t) out.push({ type: 'line', text: t });
      buf = '';
    };
    const walk = (n: XNode): void => {
      if (n.type === 'text') {
        buf += n.text;
        return;
      }
      switch (n.local) {
        case 'BR':
          flush();
          return;
        case 'FnR':
          return;
        case 'Footnotes':
          flush();
          for (const f of elements(n, 'Footnote')) out.push({ type: 'note', text: `Fußnote: ${this.noteLines(f).join(' ')}` });
          return;
        case 'kommentar':
          flush();
          out.push({ type: 'note', text: this.inline(n) });
          return;
        case 'DL':
          flush();
          out.push({ type: 'list', el: n });
          return;
        case 'table':
          flush();
          out.push({ type: 'table', el: n });
          return;
        case 'P':
        case 'Title':
        case 'Subtitle':
        case 'Ident':
        case 'pre':
        case 'Content':
        case 'TOC':
          flush();
          for (const c of n.children) walk(c);
          flush();
          return;
        default:
          if (!INLINE.has(n.local)) this.unknownElement(n.local);
          for (const c of n.children) walk(c);
      }
    };
    for (const c of container.children) walk(c);
    flush();
    return out;
  }

  /** Lines of a footnote / documentary note (split at `<BR>`). */
  noteLines(el: XElement): string[] {
    const lines: string[] = [];
    let buf = '';
    const flush = (): void => {
      const t = norm(buf);
      if (t) lines.push(t);
      buf = '';
    };
    const walk = (n: XNode): void => {
      if (n.type === 'text') {
        buf += n.text;
        return;
      }
      if (n.local === 'BR' || n.local === 'P' || n.local === 'DT' || n.local === 'pre') flush();
      if (n.local === 'FnR') return;
      if (n.local === 'DD') buf += ' ';
      for (const c of n.children) walk(c);
      if (n.local === 'P' || n.local === 'DD' || n.local === 'pre') flush();
    };
    walk(el);
    flush();
    return lines;
  }

  /** Nodes of a text container (a `<P>`'s rest, an `<LA>`): lines, items, tables. */
  nodesOf(segs: Seg[], notes: string[]): Node[] {
    const nodes: Node[] = [];
    for (const s of segs) {
      switch (s.type) {
        case 'line':
          nodes.push({ type: 'text', text: s.text });
          break;
        case 'note':
          notes.push(s.text);
          break;
        case 'table':
          nodes.push({ type: 'table', rows: this.tableRows(s.el) });
          break;
        case 'list':
          nodes.push(...this.list(s.el, notes));
          break;
      }
    }
    return nodes;
  }

  /** A `<DL>`: items `1.` / `a)` / `aa)` / `-` from `DT`, their content from `DD/LA`. An empty `DT` is unmarked text. */
  list(dl: XElement, notes: string[]): Node[] {
    const out: Node[] = [];
    let marker: string | undefined;
    for (const c of dl.children) {
      if (c.type === 'text') {
        if (c.text.trim()) out.push({ type: 'text', text: norm(c.text) });
        continue;
      }
      if (c.local === 'DT') {
        marker = this.inline(c);
        continue;
      }
      if (c.local === 'DD') {
        const body: Node[] = [];
        for (const part of c.children) {
          if (part.type === 'text') {
            if (part.text.trim()) body.push({ type: 'text', text: norm(part.text) });
            continue;
          }
          body.push(...this.nodesOf(this.segments(part.local === 'LA' ? part : { ...part, children: [part] }), notes));
        }
        if (marker) out.push({ type: 'item', marker, body });
        else out.push(...body);
        marker = undefined;
        continue;
      }
      if (c.local === 'FnR') continue;
      this.unknownElement(c.local);
      out.push(...this.nodesOf(this.segments(c), notes));
    }
    if (marker) out.push({ type: 'item', marker, body: [] });
    return out;
  }

  /**
   * CALS table → rows of cell texts (thead, tbody, tfoot in order). Spanned
   * cells (`namest`/`nameend`, `morerows`) are laid out on the column grid:
   * the text in the first cell, the covered cells left empty, so that the
   * columns stay aligned.
   */
  tableRows(table: XElement): string[][] {
    const rows: string[][] = [];
    for (const tg of elements(table, 'tgroup')) {
      const colIndex = new Map<string, number>();
      elements(tg, 'colspec').forEach((cs, i) => {
        const n = cs.attrs.colnum ? Number(cs.attrs.colnum) - 1 : i;
        if (cs.attrs.colname) colIndex.set(cs.attrs.colname, n);
      });
      const declared = Number(tg.attrs.cols) || 0;
      /** Columns still covered by a `morerows` cell above: column → rows left. */
      const covered = new Map<number, number>();
      const sections = elements(tg).filter((e) => e.local === 'thead' || e.local === 'tbody' || e.local === 'tfoot');
      for (const sec of sections) {
        for (const row of elements(sec, 'row')) {
          const cells: string[] = [];
          let col = 0;
          const skipCovered = (): void => {
            while ((covered.get(col) ?? 0) > 0) cells[col++] = '';
          };
          for (const e of elements(row, 'entry')) {
            skipCovered();
            let start = col;
            const named = e.attrs.namest ?? e.attrs.colname;
            if (named !== undefined && colIndex.has(named) && (colIndex.get(named) as number) >= col) start = colIndex.get(named) as number;
            while (col < start) cells[col++] = '';
            let span = 1;
            if (e.attrs.namest && e.attrs.nameend && colIndex.has(e.attrs.namest) && colIndex.has(e.attrs.nameend)) {
              span = Math.max(1, (colIndex.get(e.attrs.nameend) as number) - (colIndex.get(e.attrs.namest) as number) + 1);
            }
            const more = Number(e.attrs.morerows) || 0;
            for (let k = 0; k < span; k++) {
              cells[col] = k === 0 ? this.inline(e) : '';
              if (more > 0) covered.set(col, more + 1);
              col++;
            }
          }
          const width = Math.max(declared, cells.length);
          for (let k = 0; k < width; k++) {
            if (cells[k] === undefined) cells[k] = '';
          }
          // a row consumes one row of every morerows cover
          for (const [c, left] of covered) {
            if (left <= 1) covered.delete(c);
            else covered.set(c, left - 1);
          }
          if (cells.some(Boolean)) rows.push(cells.slice(0, width));
        }
      }
    }
    return rows;
  }

  // --- norms -------------------------------------------------------------------------------------

  /** The body of a norm: Absätze from `<P>` that begin with „(n)“, other text, lists and tables. */
  body(textEl: XElement | undefined, allowAbsatz: boolean, notes: string[]): Node[] {
    const out: Node[] = [];
    if (!textEl) return out;
    const content = child(textEl, 'Content') ?? textEl;
    for (const c of content.children) {
      if (c.type === 'text') {
        if (c.text.trim()) out.push({ type: 'text', text: norm(c.text) });
        continue;
      }
      if (c.local === 'BR') continue;
      if (c.local === 'Footnotes') {
        if (this.keepNotes) for (const f of elements(c, 'Footnote')) notes.push(`Fußnote: ${this.noteLines(f).join(' ')}`);
        continue;
      }
      const segs = c.local === 'P' ? this.segments(c) : this.segments({ ...c, children: [c] });
      // documentary notes of juris: „(Fundstelle: BGBl. …)“ in Anlagen
      if (segs.length && segs.every((g) => g.type === 'line')) {
        const joined = segs.map((g) => (g as { text: string }).text).join(' ');
        if (/^\(Fundstelle:.*\)$/.test(joined)) {
          notes.push(joined);
          continue;
        }
      }
      const first = segs[0];
      const m = allowAbsatz && first?.type === 'line' ? ABSATZ_START.exec(first.text) : null;
      if (m) {
        const rest = first.type === 'line' ? first.text.slice(m[0].length) : '';
        const body: Node[] = [];
        if (rest) body.push({ type: 'text', text: rest });
        body.push(...this.nodesOf(segs.slice(1), notes));
        out.push({ type: 'absatz', num: m[1], body });
      } else {
        out.push(...this.nodesOf(segs, notes));
      }
    }
    return out;
  }

  /** Footnote comments of a norm (`<fussnoten>`), when kept. */
  normNotes(textdaten: XElement | undefined, notes: string[]): void {
    if (!textdaten) return;
    const text = child(textdaten, 'text');
    if (text && this.keepNotes) for (const f of elements(text, 'Footnotes')) for (const fn of elements(f, 'Footnote')) notes.push(`Fußnote: ${this.noteLines(fn).join(' ')}`);
    const fn = child(textdaten, 'fussnoten');
    if (fn && this.keepNotes) for (const l of this.noteLines(fn)) notes.push(l);
  }

  /** Entries of an Inhaltsübersicht (TOC with Ident/Title, tables, or Title/Subtitle/table in Content). */
  toc(textEl: XElement | undefined): TocLine[] {
    const out: TocLine[] = [];
    if (!textEl) return out;
    const level = (t: string): number => (/^(§|Art\b|Artikel|Anlage|Anhang)/.test(t) ? 1 : 0);
    const add = (t: string): void => {
      const s = norm(t);
      if (s) out.push({ level: level(s), text: s });
    };
    const walk = (n: XElement): void => {
      let pendingIdent: string | undefined;
      for (const c of n.children) {
        if (c.type !== 'element') continue;
        switch (c.local) {
          case 'Ident':
            if (pendingIdent !== undefined) add(pendingIdent);
            pendingIdent = this.inline(c);
            break;
          case 'Title':
          case 'Subtitle':
            add(pendingIdent !== undefined ? `${pendingIdent} ${this.inline(c)}` : this.inline(c));
            pendingIdent = undefined;
            break;
          case 'table':
            if (pendingIdent !== undefined) add(pendingIdent);
            pendingIdent = undefined;
            for (const r of this.tableRows(c)) add(r.filter(Boolean).join(' '));
            break;
          case 'TOC':
          case 'Content':
          case 'P':
            if (pendingIdent !== undefined) add(pendingIdent);
            pendingIdent = undefined;
            if (c.local === 'P' && !find(c, 'table')) add(this.inline(c));
            else walk(c);
            break;
          case 'BR':
          case 'FnR':
            break;
          default:
            add(this.inline(c));
        }
      }
      if (pendingIdent !== undefined) add(pendingIdent);
    };
    walk(textEl);
    // "Erstes Kapitel" and its title in two table rows: one entry
    const merged: TocLine[] = [];
    for (let i = 0; i < out.length; i++) {
      const e = out[i];
      const next = out[i + 1];
      if (next && next.level === 0 && isBareDesignation(e.text) && !startsHeading(next.text)) {
        merged.push({ level: e.level, text: `${e.text} ${next.text}` });
        i++;
      } else merged.push(e);
    }
    return merged;
  }

  // --- document ------------------------------------------------------------------------------------

  convert(root: XElement): NormaDoc {
    const norms = elements(root, 'norm');
    if (!norms.length) throw new Error('gii-XML ohne <norm>-Elemente: nichts zu importieren.');
    const head = norms[0];
    const meta = child(head, 'metadaten');
    if (!meta) throw new Error('gii-XML: die erste <norm> hat keine <metadaten>.');
    const doc: NormaDoc = { frontMatter: this.frontMatter(root, meta), frontMatterComments: [], comments: [], blocks: [] };
    for (const sa of elements(meta, 'standangabe')) {
      const typ = norm(rawText(child(sa, 'standtyp') ?? sa));
      if (typ !== 'Stand') doc.frontMatterComments!.push(`${STANDTYP[typ] ?? typ}: ${this.inline(child(sa, 'standkommentar') ?? sa)}`);
    }
    // law-level notes: the first norm's text (e.g. „Dieses Gesetz dient der Umsetzung …“) and its footnotes
    if (this.keepNotes) {
      const td = child(head, 'textdaten');
      const text = td && child(td, 'text');
      if (text) for (const l of this.noteLines(text)) doc.comments!.push(l);
      const fn = td && child(td, 'fussnoten');
      if (fn) for (const l of this.noteLines(fn)) doc.comments!.push(l);
    }

    for (const n of norms.slice(1)) {
      const md = child(n, 'metadaten');
      const td = child(n, 'textdaten');
      const textEl = td && child(td, 'text');
      const enbez = md && child(md, 'enbez') ? norm(rawText(child(md, 'enbez')!)) : undefined;
      const titelEl = md && child(md, 'titel');
      const titel = titelEl ? this.inline(titelEl) : undefined;
      const ge = md && child(md, 'gliederungseinheit');
      const notes: string[] = [];
      let block: GiiBlock | undefined;

      if (ge) {
        const label = norm(rawText(child(ge, 'gliederungsbez') ?? ge));
        const titleEl = child(ge, 'gliederungstitel');
        const title = titleEl ? this.inline(titleEl) : undefined;
        this.origin = label;
        const kz = norm(rawText(child(ge, 'gliederungskennzahl') ?? ge));
        this.gliederung.push({ kz, label: `${label}${title ? ` ${title}` : ''}` });
        block = { heading: { kind: 'gliederung', label, title: title || undefined }, body: this.body(textEl, false, notes), origin: label };
      } else if (enbez !== undefined) {
        this.origin = enbez;
        block = this.normBlock(enbez, titel, textEl, notes, doc.blocks.length === 0);
      } else {
        // a norm without designation: its text as comments of the previous block (never silently dropped)
        const segs = textEl ? this.segments(child(textEl, 'Content') ?? textEl) : [];
        const lines = segs.filter((s) => s.type === 'line').map((s) => (s as { text: string }).text);
        if (titel || lines.length) {
          this.warn(`Norm ohne Bezeichnung (${titel ?? lines[0]?.slice(0, 40) ?? ''}) als Kommentar übernommen`);
          const prev = doc.blocks[doc.blocks.length - 1];
          const target = prev ? (prev.comments ??= []) : doc.comments!;
          if (titel) target.push(titel);
          target.push(...lines);
        }
        continue;
      }
      if (!block) continue;
      this.normNotes(td, notes);
      if (this.keepNotes && notes.length) (block.comments ??= []).push(...notes);
      doc.blocks.push(block);
      this.origin = '';
    }
    return doc;
  }

  private normBlock(enbez: string, titel: string | undefined, textEl: XElement | undefined, notes: string[], first: boolean): GiiBlock | undefined {
    let m: RegExpExecArray | null;
    const title = titel || undefined;
    if (enbez === 'Eingangsformel') {
      const body = this.body(textEl, false, notes);
      return first ? { body, origin: enbez } : { heading: { kind: 'keyword', keyword: 'Eingangsformel' }, body, origin: enbez };
    }
    if (enbez === 'Präambel') return { heading: { kind: 'keyword', keyword: 'Präambel' }, body: this.body(textEl, false, notes), origin: enbez };
    if (/^Schlu(ss|ß)formel$/.test(enbez)) return { heading: { kind: 'keyword', keyword: 'Schlussformel' }, body: this.body(textEl, false, notes), origin: enbez };
    if (/^Inhalts(übersicht|verzeichnis)$/.test(enbez)) {
      return { heading: { kind: 'keyword', keyword: 'Inhaltsübersicht' }, body: [], toc: this.toc(textEl), origin: enbez };
    }
    if ((m = /^(Anlage|Anhang)\b\s*(.*)$/.exec(enbez))) {
      return { heading: { kind: 'anlage', label: norm(`${m[1]} ${m[2]}`), title }, body: this.body(textEl, false, notes), origin: enbez };
    }
    if ((m = /^\(XXXX\)\s*(§§|Art\.?|Artikel)\s*(\d+[a-z]{0,2})\s+(bis|und)\s+(\d+[a-z]{0,2})$/.exec(enbez))) {
      const heading: Heading = {
        kind: 'range',
        word: m[1] === '§§' ? '§' : 'Artikel',
        from: m[2],
        conj: m[3] as 'bis' | 'und',
        to: m[4],
        title: title ?? '(weggefallen)',
      };
      return { heading, body: this.body(textEl, false, notes), origin: enbez };
    }
    if ((m = /^(§|Art\.?|Artikel)\s*(\d+[a-z]{0,2})$/.exec(enbez))) {
      const heading: Heading = { kind: 'norm', word: m[1] === '§' ? '§' : 'Artikel', num: m[2], title };
      return { heading, body: this.body(textEl, true, notes), origin: enbez };
    }
    // something else (e.g. „Schlußbestimmung“): keep the text visible as comments
    this.warn(`unbekannte Bezeichnung „${enbez}“: Text als Kommentar übernommen`);
    const lines = textEl ? this.noteLines(textEl) : [];
    return { body: [], comments: [enbez + (title ? ` ${title}` : ''), ...lines], origin: enbez, commentOnly: true };
  }

  private frontMatter(root: XElement, meta: XElement): NormaDoc['frontMatter'] {
    const text = (local: string): string | undefined => {
      const e = child(meta, local);
      return e ? this.inline(e) || undefined : undefined;
    };
    const titel = text('langue') ?? text('kurzue') ?? text('jurabk') ?? 'Unbenanntes Gesetz';
    let abk = text('amtabk') ?? text('jurabk');
    if (abk && /\s/.test(abk)) {
      const alt = text('jurabk');
      this.warnings.push(`Abkürzung „${abk}“ enthält Leerzeichen und ist als abkuerzung nicht zulässig; weggelassen`);
      abk = alt && !/\s/.test(alt) ? alt : undefined;
    }
    const isVo = /verordnung/i.test(titel) || (abk !== undefined && /(VO|V)$/.test(abk));
    const fs = child(meta, 'fundstelle');
    const fundstelle = fs ? norm(`${rawText(child(fs, 'periodikum') ?? fs)} ${rawText(child(fs, 'zitstelle') ?? fs)}`) : undefined;
    let stand: string | undefined;
    for (const sa of elements(meta, 'standangabe')) {
      if (norm(rawText(child(sa, 'standtyp') ?? sa)) === 'Stand') stand = this.inline(child(sa, 'standkommentar') ?? sa);
    }
    const build = root.attrs.builddate ?? '';
    const bd = /^(\d{4})(\d{2})(\d{2})/.exec(build);
    const aus = text('ausfertigung-datum');
    const doknr = root.attrs.doknr ?? '';
    return [
      { key: 'titel', value: titel },
      { key: 'kurztitel', value: text('kurzue') },
      { key: 'abkuerzung', value: abk },
      { key: 'typ', value: isVo ? 'verordnung' : 'stammgesetz' },
      { key: 'fassung', value: 'konsolidiert' },
      { key: 'ausfertigung', value: aus && /^\d{4}-\d{2}-\d{2}$/.test(aus) ? aus : undefined },
      { key: 'fundstelle', value: fundstelle },
      { key: 'aenderungsstand', value: stand },
      { key: 'stand', value: bd ? `${bd[1]}-${bd[2]}-${bd[3]}` : undefined },
      { key: 'quelle', value: `gesetze-im-internet.de (juris), ${doknr || 'gii-XML'}` },
    ];
  }
}

export interface GliederungSource {
  /** gliederungskennzahl: three digits per level. */
  kz: string;
  label: string;
}

/**
 * Source parent of each Gliederung heading (index into the list, -1 = top):
 * the nearest earlier heading whose kennzahl is a proper prefix.
 */
export function kennzahlParents(list: GliederungSource[]): number[] {
  return list.map((g, idx) => {
    for (let i = idx - 1; i >= 0; i--) {
      const k = list[i].kz;
      if (k.length < g.kz.length && g.kz.startsWith(k)) return i;
    }
    return -1;
  });
}

export function importGii(root: XElement, options: GiiOptions = {}): { doc: NormaDoc; warnings: string[]; gliederung: GliederungSource[] } {
  const c = new GiiConverter(options);
  const doc = c.convert(root);
  // blocks that only carry comments (unknown designations) become comments of the previous block
  const blocks: DocBlock[] = [];
  for (const b of doc.blocks) {
    if ((b as GiiBlock).commentOnly) {
      const prev = blocks[blocks.length - 1];
      const target = prev ? (prev.comments ??= []) : (doc.comments ??= []);
      target.push(...(b.comments ?? []));
      continue;
    }
    blocks.push(b);
  }
  doc.blocks = blocks;
  return { doc, warnings: c.warnings, gliederung: c.gliederung };
}
