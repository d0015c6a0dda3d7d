/**
 * The .norma writer shared by the importers.
 *
 * Importers build an intermediate structure ({@link NormaDoc}: blocks with a
 * heading and a body of text lines, Absätze, list items, tables, quotations,
 * comments); the writer turns it into lines with the canonical indentation
 * (2 spaces per list depth, text after a list at the indentation that attaches
 * it to the right unit) and checks every line with the real lexer
 * (`lexLine` from parser/lexer.ts), carrying the lexer state from line to
 * line. A body line that the lexer would read as something it is not (a
 * heading, an Absatz or list marker, a table row, an annotation, a comment, a
 * quotation opener) is escaped with a leading `\`. Finally the whole text is
 * parsed by the real parser; a line that still produces a syntax error is
 * escaped too (and reported as a warning).
 *
 * Text containing ` //` would start a trailing comment (the lexer treats `//`
 * after a blank as a comment and has no escape for it): the writer inserts a
 * WORD JOINER (U+2060, invisible, no width) between the blank and `//` and
 * reports a warning.
 */
import { lexLine, initialState, normalState, Tok, type LexState, type LineToken } from '../parser/lexer';
import { NormaDocument } from '../parser/document';

// --- intermediate structure ------------------------------------------------------------

export type ItemKind = 'nummer' | 'buchstabe' | 'doppelbuchstabe' | 'dreifachbuchstabe' | 'anstrich';

export type Node =
  /** One line of text (a text block; never contains a line break). */
  | { type: 'text'; text: string }
  /** An Absatz `(num)`; a leading text node of `body` goes onto the marker line. */
  | { type: 'absatz'; num: string; body: Node[] }
  /** A list item with its marker as written (`1.`, `a)`, `aa)`, `-`); a leading text node goes onto the marker line. */
  | { type: 'item'; marker: string; body: Node[] }
  /** A table: rows of cell texts. */
  | { type: 'table'; rows: string[][] }
  /**
   * A quotation (quoted structure of an amending law): `body` is rendered with
   * relative indentation, `open` is put before its first line and `close` after
   * its last one. Written as a multi-line quotation when the line before ends with `:`.
   */
  | { type: 'quote'; open: string; close: string; body: Node[] }
  /** A `// ` comment line. */
  | { type: 'comment'; text: string };

export type KeywordName = 'Eingangsformel' | 'Präambel' | 'Inhaltsübersicht' | 'Schlussformel';

export type Heading =
  | { kind: 'norm'; word: '§' | 'Artikel'; num: string; title?: string }
  | { kind: 'range'; word: '§' | 'Artikel'; from: string; conj: 'bis' | 'und'; to: string; title?: string }
  /** `label` as in the source: `Buch 1`, `Erster Abschnitt`, `Teil I`, `IV a.`. */
  | { kind: 'gliederung'; label: string; title?: string }
  /** `label`: `Anlage 1`, `Anlage`, `Anhang EV`; `title`: `(zu § 12 Absatz 1) …`. */
  | { kind: 'anlage'; label: string; title?: string }
  | { kind: 'keyword'; keyword: KeywordName };

export interface TocLine {
  /** Nesting level (0 = top); written with 2 + 2·level spaces. */
  level: number;
  text: string;
}

export interface DocBlock {
  /** Undefined: text before the first heading (the Eingangsformel); only allowed as the first block. */
  heading?: Heading;
  body: Node[];
  /** Entries of an Inhaltsübersicht block. */
  toc?: TocLine[];
  /** Comment lines written after the body (footnotes). */
  comments?: string[];
  /** Where the block came from (for warnings): `§ 3`, `Anlage 1`. */
  origin?: string;
}

export interface NormaDoc {
  /** Front-matter entries in order; empty values are left out. */
  frontMatter: { key: string; value: string | undefined }[];
  /** `# ` comment lines at the end of the front matter. */
  frontMatterComments?: string[];
  /** `// ` comment lines after the front matter. */
  comments?: string[];
  blocks: DocBlock[];
}

export interface WriteResult {
  text: string;
  warnings: string[];
  /** The parsed result (when verified). */
  document?: NormaDocument;
}

// --- helpers -----------------------------------------------------------------------------

const WORD_JOINER = '\u2060';
const ITEM_TOKS: Partial<Record<Tok, ItemKind>> = {
  [Tok.Nummer]: 'nummer',
  [Tok.Buchstabe]: 'buchstabe',
  [Tok.Doppelbuchstabe]: 'doppelbuchstabe',
  [Tok.Dreifachbuchstabe]: 'dreifachbuchstabe',
  [Tok.Strich]: 'anstrich',
};

/** Which list items a unit may contain (the block grammar's nesting: Nummer › Buchstabe › Doppelbuchstabe › …). */
type Container = 'block' | 'absatz' | ItemKind;
const ALLOWED: Record<Container, readonly ItemKind[]> = {
  block: ['nummer', 'buchstabe', 'anstrich'],
  absatz: ['nummer', 'buchstabe', 'anstrich'],
  nummer: ['buchstabe', 'anstrich'],
  buchstabe: ['doppelbuchstabe', 'anstrich'],
  doppelbuchstabe: ['dreifachbuchstabe', 'anstrich'],
  dreifachbuchstabe: ['anstrich'],
  anstrich: [],
};

const KIND_NAME: Record<ItemKind, string> = {
  nummer: 'Nummer',
  buchstabe: 'Buchstabe',
  doppelbuchstabe: 'Doppelbuchstabe',
  dreifachbuchstabe: 'Dreifachbuchstabe',
  anstrich: 'Anstrich',
};

/** The kind of a list marker as the lexer reads it (`1.` → nummer), or undefined. */
export function markerKind(marker: string): ItemKind | undefined {
  if (!marker) return undefined;
  const t = lexLine(`  ${marker} x`, normalState());
  const k = ITEM_TOKS[t.kind];
  return k && t.markerEnd === 2 + marker.length ? k : undefined;
}

function pad(n: number): string {
  return ' '.repeat(n);
}

/** One planned output line with what the lexer must make of it. */
type Planned =
  | { kind: 'text'; indent: number; text: string }
  | { kind: 'absatz'; num: string; text: string }
  | { kind: 'item'; indent: number; marker: string; itemKind: ItemKind; text: string }
  | { kind: 'table'; indent: number; rows: string[][] }
  | { kind: 'comment'; indent: number; text: string }
  | { kind: 'quote'; indent: number; lines: { indent: number; text: string }[] };

interface Ctx {
  container: Container;
  /** Inside a quotation: no nesting constraints (the lines are quoted text, not structure). */
  quote?: boolean;
  /** Indentation of text lines that belong to the container. */
  textIndent: number;
  /** Indentation of the container's list items. */
  itemIndent: number;
}

// --- the writer ---------------------------------------------------------------------------

export class NormaWriter {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  private state: LexState = initialState();
  private origin = '';
  private lastWasTable = false;

  private warn(msg: string): void {
    this.warnings.push(this.origin ? `${this.origin}: ${msg}` : msg);
  }

  private lex(line: string): { t: LineToken; s: LexState } {
    const s = { ...this.state };
    const t = lexLine(line, s);
    return { t, s };
  }

  private push(line: string, s: LexState): void {
    this.lines.push(line);
    this.state = s;
  }

  /** Keep ` //` in law text from starting a comment. */
  private protect(text: string): string {
    if (!text.includes('//')) return text;
    const out = text.replace(/(\s)\/\//g, `$1${WORD_JOINER}//`);
    if (out !== text) this.warn(`„ //“ im Text: Wortverbinder (U+2060) vor „//“ eingefügt, damit kein Kommentar beginnt`);
    return out;
  }

  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') {
      const { s } = this.lex('');
      this.push('', s);
    }
  }

  // --- front matter -------------------------------------------------------------------------

  frontMatter(entries: NormaDoc['frontMatter'], comments: string[] = []): void {
    const open = this.lex('---');
    this.push('---', open.s);
    for (const { key, value } of entries) {
      if (value === undefined) continue;
      let v = value.replace(/\s+/g, ' ').trim();
      if (!v) continue;
      if (/^(["']).*\1$/.test(v)) v = `"${v}"`;
      const line = `${key}: ${v}`;
      const { t, s } = this.lex(line);
      if (t.kind !== Tok.FrontMatterLine) this.warn(`Vorspann-Zeile „${line}“ wird nicht als Vorspann gelesen`);
      this.push(line, s);
    }
    for (const c of comments) {
      const line = `# ${c.replace(/\s+/g, ' ').trim()}`;
      const { s } = this.lex(line);
      this.push(line, s);
    }
    const close = this.lex('---');
    this.push('---', close.s);
  }

  // --- comments ----------------------------------------------------------------------------

  comment(text: string, indent = 0): void {
    const line = `${pad(indent)}// ${text.replace(/\s+/g, ' ').trim()}`.trimEnd();
    const { t, s } = this.lex(line);
    if (t.kind !== Tok.Comment && this.state.mode !== 'quote') this.warn(`Kommentarzeile nicht als Kommentar gelesen: ${line}`);
    this.push(line, s);
  }

  // --- headings ----------------------------------------------------------------------------

  /** Write a heading line; returns false when it could not be written as that heading. */
  heading(h0: Heading): boolean {
    this.lastWasTable = false;
    const h = h0.kind !== 'keyword' && h0.title ? { ...h0, title: this.protect(h0.title.replace(/\s+/g, ' ').trim()) } : h0;
    switch (h.kind) {
      case 'norm': {
        const label = `${h.word} ${h.num}`;
        if (this.tryHeading(label, h.title, (t) => t.kind === Tok.HeadNorm && t.num === h.num && t.normWord === h.word)) return true;
        // The title does not read as a title (e.g. it ends with a full stop): the heading without it,
        // the title kept as a comment so that no text is lost.
        if (h.title && this.tryHeading(label, undefined, (t) => t.kind === Tok.HeadNorm && t.num === h.num)) {
          this.warn(`Überschrift „${h.title}“ wird vom Parser nicht als Überschrift gelesen; als Kommentar übernommen`);
          this.comment(`Überschrift: ${h.title}`);
          return true;
        }
        this.warn(`Überschrift „${label}“ nicht schreibbar`);
        return false;
      }
      case 'range': {
        const label = `${h.word === '§' ? '§§' : 'Artikel'} ${h.from} ${h.conj} ${h.to}`;
        if (this.tryHeading(label, h.title, (t) => t.kind === Tok.HeadRange && t.num === h.from && t.numTo === h.to)) return true;
        if (this.tryHeading(label, '(weggefallen)', (t) => t.kind === Tok.HeadRange)) {
          this.warn(`Titel „${h.title ?? ''}“ des Bereichs nicht als Titel lesbar; „(weggefallen)“ geschrieben`);
          return true;
        }
        this.warn(`Überschrift „${label}“ nicht schreibbar`);
        return false;
      }
      case 'gliederung': {
        const ok = (t: LineToken): boolean => t.kind === Tok.HeadGliederung;
        if (this.tryHeading(h.label, h.title, ok)) return true;
        // title on the next line (the parser takes the first text line after a Gliederung heading as its title)
        if (h.title && this.tryHeading(h.label, undefined, ok)) {
          this.textLine(0, h.title);
          return true;
        }
        this.warn(`Gliederungsüberschrift „${h.label}“ wird vom Parser nicht als Überschrift gelesen`);
        this.comment(`${h.label}${h.title ? ` ${h.title}` : ''}`);
        return false;
      }
      case 'anlage': {
        const ok = (t: LineToken): boolean => t.kind === Tok.HeadAnlage;
        if (this.tryHeading(h.label, h.title, ok)) return true;
        if (h.title && this.tryHeading(h.label, undefined, ok)) {
          this.warn(`Titel der ${h.label} nicht als Überschrift lesbar; als erste Textzeile übernommen`);
          this.textLine(0, h.title);
          return true;
        }
        this.warn(`Überschrift „${h.label}“ nicht schreibbar`);
        return false;
      }
      case 'keyword': {
        const { t, s } = this.lex(h.keyword);
        if (t.kind !== Tok.HeadKeyword) {
          this.warn(`Schlüsselwort „${h.keyword}“ nicht als Überschrift gelesen`);
          return false;
        }
        this.push(h.keyword, s);
        return true;
      }
    }
  }

  private tryHeading(label: string, title: string | undefined, ok: (t: LineToken) => boolean): boolean {
    const line = title ? `${label} ${title}` : label;
    const { t, s } = this.lex(line);
    if (!ok(t) || t.end !== line.length || t.error) return false;
    if (title && t.contentStart !== label.length + 1) return false;
    this.push(line, s);
    return true;
  }

  // --- Inhaltsübersicht entries ------------------------------------------------------------

  tocEntry(level: number, text: string): void {
    const t0 = text.replace(/\s+/g, ' ').trim();
    if (!t0) return;
    const line = `${pad(2 + 2 * Math.max(0, level))}${this.protect(t0)}`;
    const { t, s } = this.lex(line);
    if (t.kind !== Tok.TocEntry) this.warn(`Eintrag der Inhaltsübersicht nicht als Eintrag gelesen: ${t0}`);
    this.push(line, s);
  }

  // --- body ----------------------------------------------------------------------------------

  /** Write the body of a block. `norm`: the block is a § / Artikel (Absätze allowed). */
  body(nodes: Node[], norm: boolean): void {
    const planned: Planned[] = [];
    this.plan(nodes, { container: 'block', textIndent: 0, itemIndent: 2 }, planned, norm);
    for (const p of planned) this.commit(p);
  }

  private plan(nodes: Node[], ctx: Ctx, out: Planned[], norm: boolean): void {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          if (n.text) out.push({ kind: 'text', indent: ctx.textIndent, text: n.text });
          break;
        case 'comment':
          out.push({ kind: 'comment', indent: ctx.textIndent, text: n.text });
          break;
        case 'table':
          if (n.rows.length) out.push({ kind: 'table', indent: ctx.textIndent, rows: n.rows });
          break;
        case 'quote':
          out.push({ kind: 'quote', indent: ctx.textIndent, lines: this.quoteLines(n) });
          break;
        case 'absatz': {
          if (!ctx.quote && (!norm || ctx.container !== 'block')) {
            // an Absatz outside a § (Anlage, Eingangsformel) or inside a list: its text, read as text
            const rest = [...n.body];
            const first = rest[0]?.type === 'text' ? (rest.shift() as { text: string }).text : '';
            out.push({ kind: 'text', indent: ctx.textIndent, text: `(${n.num})${first ? ` ${first}` : ''}` });
            this.plan(rest, ctx, out, norm);
            break;
          }
          const rest = [...n.body];
          const first = rest[0]?.type === 'text' ? (rest.shift() as { text: string }).text : '';
          out.push({ kind: 'absatz', num: n.num, text: first });
          this.plan(rest, { container: 'absatz', quote: ctx.quote, textIndent: 0, itemIndent: 2 }, out, norm);
          break;
        }
        case 'item': {
          const kind = markerKind(n.marker);
          if (!kind || (!ctx.quote && !ALLOWED[ctx.container].includes(kind))) {
            if (kind) {
              const where = ctx.container === 'block' || ctx.container === 'absatz' ? 'direkt im Absatz' : `in einer ${KIND_NAME[ctx.container]}`;
              this.warn(`${KIND_NAME[kind]} „${n.marker}“ ${where} ist in Norma nicht darstellbar; als Text übernommen`);
            } else if (n.marker) {
              this.warn(`Gliederungszeichen „${n.marker}“ ist kein Norma-Listenzeichen; als Text übernommen`);
            }
            this.flatten(n, ctx.itemIndent, out);
            break;
          }
          const rest = [...n.body];
          const first = rest[0]?.type === 'text' ? (rest.shift() as { text: string }).text : '';
          out.push({ kind: 'item', indent: ctx.itemIndent, marker: n.marker, itemKind: kind, text: first });
          this.plan(rest, { container: kind, quote: ctx.quote, textIndent: ctx.itemIndent + 2, itemIndent: ctx.itemIndent + 2 }, out, norm);
          break;
        }
      }
    }
  }

  /** An item that cannot be a list item here: its marker and text (and its sub-items') as text lines. */
  private flatten(n: Node, indent: number, out: Planned[]): void {
    if (n.type === 'item' || n.type === 'absatz') {
      const marker = n.type === 'item' ? n.marker : `(${n.num})`;
      const rest = [...n.body];
      const first = rest[0]?.type === 'text' ? (rest.shift() as { text: string }).text : '';
      const head = [marker, first].filter(Boolean).join(' ');
      if (head) out.push({ kind: 'text', indent, text: head });
      for (const c of rest) this.flatten(c, indent, out);
    } else if (n.type === 'text') {
      if (n.text) out.push({ kind: 'text', indent, text: n.text });
    } else if (n.type === 'table') {
      out.push({ kind: 'table', indent, rows: n.rows });
    } else if (n.type === 'quote') {
      out.push({ kind: 'quote', indent, lines: this.quoteLines(n) });
    } else {
      out.push({ kind: 'comment', indent, text: n.text });
    }
  }

  /** The lines of a quotation with relative indentation (not lexed: inside a quotation every line is quoted text). */
  private quoteLines(q: Extract<Node, { type: 'quote' }>): { indent: number; text: string }[] {
    const planned: Planned[] = [];
    this.plan(q.body, { container: 'block', quote: true, textIndent: 0, itemIndent: 2 }, planned, true);
    const lines: { indent: number; text: string }[] = [];
    for (const p of planned) {
      switch (p.kind) {
        case 'text':
        case 'comment':
          lines.push({ indent: p.indent, text: p.text });
          break;
        case 'absatz':
          lines.push({ indent: 0, text: p.text ? `(${p.num}) ${p.text}` : `(${p.num})` });
          break;
        case 'item':
          lines.push({ indent: p.indent, text: p.text ? `${p.marker} ${p.text}` : p.marker });
          break;
        case 'table':
          for (const r of p.rows) lines.push({ indent: p.indent, text: tableRow(r) });
          break;
        case 'quote':
          lines.push(...p.lines.map((l) => ({ indent: p.indent + l.indent, text: l.text })));
          break;
        default:
          break;
      }
    }
    // headings inside a quotation (a whole § or Artikel) are nested in the body by the importer as text
    if (!lines.length) lines.push({ indent: 0, text: '' });
    // normalise: the first line at relative indentation 0
    const base = lines[0].indent;
    const out = lines.map((l) => ({ indent: Math.max(0, l.indent - base), text: l.text }));
    out[0] = { indent: 0, text: q.open + out[0].text };
    const last = out.length - 1;
    out[last] = { indent: out[last].indent, text: out[last].text + q.close };
    return out;
  }

  private commit(p: Planned): void {
    if (p.kind !== 'table') this.lastWasTable = false;
    switch (p.kind) {
      case 'comment':
        this.comment(p.text, p.indent);
        return;
      case 'text':
        this.textLine(p.indent, p.text);
        return;
      case 'absatz': {
        const line = p.text ? `(${p.num}) ${this.protect(p.text)}` : `(${p.num})`;
        const { t, s } = this.lex(line);
        if (t.kind === Tok.Absatz && t.num === p.num && t.end === line.length && !t.opensQuote && !t.error) {
          this.push(line, s);
        } else {
          this.warn(`Absatz „(${p.num})“ nicht als Absatz lesbar; als Text übernommen`);
          this.textLine(0, line);
        }
        return;
      }
      case 'item': {
        const text = this.protect(p.text);
        const line = `${pad(p.indent)}${p.marker}${text ? ` ${text}` : ''}`;
        const { t, s } = this.lex(line);
        if (ITEM_TOKS[t.kind] === p.itemKind && t.markerEnd === p.indent + p.marker.length && t.end === line.length && !t.opensQuote && !t.error) {
          this.push(line, s);
        } else {
          this.warn(`${KIND_NAME[p.itemKind]} „${p.marker}“ nicht als Listenelement lesbar; als Text übernommen`);
          this.textLine(p.indent, `${p.marker}${text ? ` ${text}` : ''}`);
        }
        return;
      }
      case 'table': {
        if (this.lastWasTable) this.blank();
        for (const r of p.rows) {
          const line = `${pad(p.indent)}${this.protect(tableRow(r))}`;
          const { t, s } = this.lex(line);
          if (t.kind !== Tok.TableRow || t.end !== line.length) this.warn(`Tabellenzeile nicht als Tabellenzeile gelesen: ${line.trim()}`);
          this.push(line, s);
        }
        this.lastWasTable = true;
        return;
      }
      case 'quote':
        this.quote(p.indent, p.lines);
        return;
    }
  }

  /** A text line at `indent`, escaped with `\` when the lexer would read it as anything but plain text. */
  textLine(indent: number, text: string): void {
    const body = this.protect(text.replace(/\s+/g, ' ').trim());
    if (!body) return;
    const line = `${pad(indent)}${body}`;
    const plain = this.lex(line);
    if (isText(plain.t, indent, line.length)) {
      this.push(line, plain.s);
      return;
    }
    const escaped = `${pad(indent)}\\${body}`;
    const esc = this.lex(escaped);
    if (esc.t.kind === Tok.Text && esc.t.contentStart === indent + 1 && esc.t.end === escaped.length && !esc.t.error) {
      this.push(escaped, esc.s);
      return;
    }
    this.warn(`Textzeile nicht als Text schreibbar: ${body}`);
    this.push(escaped, esc.s);
  }

  /** A quotation: multi-line when the previous line ends with `:` and the lexer agrees; otherwise line by line as text. */
  private quote(indent: number, lines: { indent: number; text: string }[]): void {
    const full = lines.map((l) => ({ indent: indent + l.indent, text: this.protect(l.text) }));
    if (full.length > 1) {
      // try the whole quotation on a scratch state: first line opens, the others continue, the last closes
      let s = { ...this.state };
      const out: string[] = [];
      let ok = true;
      for (let i = 0; i < full.length; i++) {
        const line = `${pad(full[i].indent)}${full[i].text}`;
        if (!full[i].text) {
          ok = false;
          break;
        }
        const t = lexLine(line, s);
        if (i === 0 ? !(t.kind === Tok.Text && t.opensQuote && t.contentStart === full[i].indent) : t.kind !== Tok.QuoteContinuation) {
          ok = false;
          break;
        }
        if ((i < full.length - 1 && s.mode !== 'quote') || (i === full.length - 1 && s.mode === 'quote')) {
          ok = false;
          break;
        }
        out.push(line);
      }
      if (ok) {
        for (const l of out) this.lines.push(l);
        this.state = s;
        return;
      }
      this.warn('Zitierte Struktur nicht als mehrzeiliges Zitat lesbar; Zeilen als Text übernommen');
    }
    for (const l of full) this.textLine(l.indent, l.text);
  }

  // --- verification -------------------------------------------------------------------------

  /**
   * Parse the text with the real parser; escape lines that still produce a
   * syntax error (a marker that cannot stand where it stands).
   */
  verify(): NormaDocument {
    let doc = new NormaDocument('import:verify', '');
    for (let round = 0; round < 20; round++) {
      doc = new NormaDocument('import:verify', this.lines.join('\n') + '\n');
      const bad = new Set<number>();
      for (const b of doc.blocks) {
        for (const f of b.parse.syntax) bad.add(b.startLine + f.start.line);
      }
      if (!bad.size) return doc;
      let changed = false;
      for (const l of [...bad].sort((a, b) => a - b)) {
        const line = this.lines[l];
        const indent = line.length - line.trimStart().length;
        if (line[indent] === '\\' || !line.trim()) continue;
        this.warnings.push(`Zeile ${l + 1}: Syntaxfehler beim Einlesen; Zeile als Text übernommen: ${line.trim().slice(0, 80)}`);
        this.lines[l] = `${line.slice(0, indent)}\\${line.slice(indent)}`;
        changed = true;
      }
      if (!changed) {
        this.warnings.push(`Nach dem Import verbleiben ${bad.size} Syntaxfehler (Zeilen ${[...bad].map((l) => l + 1).join(', ')})`);
        return doc;
      }
    }
    return doc;
  }

  // --- whole documents --------------------------------------------------------------------------

  write(doc: NormaDoc): void {
    this.frontMatter(doc.frontMatter, doc.frontMatterComments);
    for (const c of doc.comments ?? []) this.comment(c);
    let first = true;
    for (const b of doc.blocks) {
      this.origin = b.origin ?? '';
      if (b.heading) {
        if (this.lines.length) this.blank();
        this.heading(b.heading);
        first = false;
      } else if (!first) {
        // text before the first heading is only possible at the start: use the keyword
        this.blank();
        this.heading({ kind: 'keyword', keyword: 'Eingangsformel' });
      }
      first = false;
      if (b.toc) for (const e of b.toc) this.tocEntry(e.level, e.text);
      const isNorm = b.heading?.kind === 'norm';
      this.body(b.body, isNorm);
      for (const c of b.comments ?? []) this.comment(c);
      this.origin = '';
    }
  }

  result(): WriteResult {
    return { text: this.lines.join('\n') + '\n', warnings: this.warnings };
  }
}

function isText(t: LineToken, indent: number, len: number): boolean {
  return t.kind === Tok.Text && t.contentStart === indent && t.end === len && !t.opensQuote && !t.error && t.commentStart < 0;
}

/** A table row: `| a | b |`, with `|` in cells escaped. */
export function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** Write a document: lines checked with the lexer, then verified with the parser. */
export function writeNorma(doc: NormaDoc, options: { verify?: boolean } = {}): WriteResult {
  const w = new NormaWriter();
  w.write(doc);
  const document = options.verify !== false ? w.verify() : undefined;
  return { ...w.result(), document };
}
