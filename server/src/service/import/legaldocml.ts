/**
 * LegalDocML.de 1.8.2 (Akoma Ntoso; Verkündungsfassung or Entwurfsfassung) → .norma.
 *
 * A Regelungstext is `akn:akomaNtoso/akn:act` (`akn:bill` in the
 * Entwurfsfassung, imported as `fassung: entwurf`) with `meta` (FRBR/ELI),
 * `preface` (docTitle, shortTitle, date), `preamble` (Eingangsformel,
 * Präambel, Inhaltsübersicht), `body` (Gliederung, articles and ranges,
 * paragraphs, block lists, tables), `conclusions` (Schlussformel,
 * signatures) and `attachments` (Anlagen, documents of their own read
 * through `resolve`). Amending commands (`akn:mod`)
 * are imported as their text: `quotedText` keeps its „…“ marks, a
 * `quotedStructure` becomes a multi-line quotation after the line that ends
 * with `:`. Element names are matched by local name, so any prefix works.
 */
import { child, elements, find, findAll, norm, parseXml, rawText, type XElement, type XNode } from './xml';
import type { DocBlock, Heading, Node, NormaDoc, TocLine } from './writer';

export const LDML_NAMESPACE_RE = /^http:\/\/Inhaltsdaten\.LegalDocML\.de\/1\.\d+(?:\.\d+)?\/?$/;

export interface LegalDocMLOptions {
  footnotes?: 'drop' | 'comments';
  /**
   * Reads a document the Regelungstext references (an Anlage in
   * `akn:attachments`, by its `href`): its XML text, or undefined when it
   * cannot be read. Without it Anlagen are not imported (a warning says so).
   */
  resolve?: (href: string) => string | undefined;
}

const GLIEDERUNG = new Set(['book', 'part', 'chapter', 'subchapter', 'section', 'subsection', 'title', 'subtitle']);
/** Inline elements whose text is kept as plain text. */
const TRANSPARENT = new Set([
  'ref',
  'rref',
  'mref',
  'date',
  'organization',
  'location',
  'inline',
  'span',
  'term',
  'def',
  'abbr',
  'affectedDocument',
  'docTitle',
  'shortTitle',
  'docDate',
  'docNumber',
  'docStage',
  'docProponent',
  'docType',
  'entity',
  'concept',
  'object',
  'event',
  'quantity',
  'time',
  'person',
  'role',
  'b',
  'i',
  'u',
  'sup',
  'sub',
  'mod',
  'signature',
  'marker',
  'img',
]);

/** A piece of a text container: a line of text or a quotation. */
type Piece = { type: 'line'; text: string } | { type: 'quote'; node: Extract<Node, { type: 'quote' }> } | { type: 'table'; rows: string[][] };

class LdmlConverter {
  readonly warnings: string[] = [];
  private readonly keepNotes: boolean;
  private readonly unknown = new Set<string>();
  private origin = '';
  /** The document is an Entwurfsfassung (akn:bill). */
  private draft = false;
  /** Where empty quoted structures were found (reported once). */
  private readonly emptyQuotes: string[] = [];

  private readonly resolve: ((href: string) => string | undefined) | undefined;

  constructor(options: LegalDocMLOptions) {
    this.keepNotes = options.footnotes === 'comments';
    this.resolve = options.resolve;
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

  /** Text on one line (line breaks → blank; notes dropped). */
  inline(n: XNode | undefined): string {
    return n ? norm(this.inlineRaw(n)) : '';
  }

  private inlineRaw(n: XNode): string {
    if (n.type === 'text') return n.text;
    switch (n.local) {
      case 'br':
        return ' ';
      case 'authorialNote':
      case 'noteRef':
        return '';
      case 'quotedText': {
        const open = n.attrs.startQuote ?? '„';
        const close = n.attrs.endQuote ?? '“';
        return `${open}${norm(this.children(n))}${close}`;
      }
      default:
        return this.children(n);
    }
  }

  private children(n: XElement): string {
    let s = '';
    for (const c of n.children) s += this.inlineRaw(c);
    return s;
  }

  /**
   * Split a text element (`akn:p`, `listIntroduction`) into lines and
   * quotations: a `quotedStructure` ends the current line; the text after it
   * (usually „.“) is appended to the quotation's closing mark.
   */
  pieces(el: XElement, notes: string[]): Piece[] {
    const out: Piece[] = [];
    let buf = '';
    let afterQuote: Extract<Node, { type: 'quote' }> | undefined;
    const flush = (): void => {
      const t = norm(buf);
      buf = '';
      if (!t) return;
      if (afterQuote) {
        afterQuote.close = `${afterQuote.close}${/^[.,;:)]/.test(t) ? '' : ' '}${t}`;
        afterQuote = undefined;
        return;
      }
      out.push({ type: 'line', text: t });
    };
    const walk = (n: XNode): void => {
      if (n.type === 'text') {
        buf += n.text;
        return;
      }
      switch (n.local) {
        case 'br':
          flush();
          afterQuote = undefined;
          return;
        case 'quotedText':
          buf += this.inlineRaw(n);
          return;
        case 'quotedStructure': {
          flush();
          afterQuote = undefined;
          const q: Extract<Node, { type: 'quote' }> = {
            type: 'quote',
            open: n.attrs.startQuote ?? '„',
            close: n.attrs.endQuote ?? '“',
            body: this.quoted(n, notes),
          };
          if (!q.body.length) this.emptyQuotes.push(this.origin);
          out.push({ type: 'quote', node: q });
          afterQuote = q;
          return;
        }
        case 'authorialNote':
          if (this.keepNotes) notes.push(`Fußnote: ${this.inline(n)}`);
          return;
        case 'noteRef':
          return;
        case 'componentRef':
          flush();
          notes.push(`Bestandteil: ${n.attrs.src ?? ''}`);
          return;
        case 'table':
          flush();
          out.push({ type: 'table', rows: this.tableRows(n) });
          return;
        default:
          if (!TRANSPARENT.has(n.local)) this.unknownElement(n.name);
          for (const c of n.children) walk(c);
      }
    };
    for (const c of el.children) walk(c);
    flush();
    return out;
  }

  private nodesOfPieces(pieces: Piece[]): Node[] {
    return pieces.map((p): Node => (p.type === 'line' ? { type: 'text', text: p.text } : p.type === 'quote' ? p.node : { type: 'table', rows: p.rows }));
  }

  // --- block content ------------------------------------------------------------------------------

  /** Content of a paragraph / item / point: p, blockList, tables, nested units. */
  content(el: XElement, notes: string[]): Node[] {
    const out: Node[] = [];
    for (const c of el.children) {
      if (c.type === 'text') {
        if (c.text.trim()) out.push({ type: 'text', text: norm(c.text) });
        continue;
      }
      switch (c.local) {
        case 'num':
        case 'heading':
          break;
        case 'content':
        case 'intro':
        case 'wrapUp':
        case 'hcontainer':
        case 'list':
        case 'recital':
          out.push(...this.content(c, notes));
          break;
        case 'p':
        case 'listIntroduction':
        case 'listWrapUp':
        case 'alinea':
          out.push(...this.nodesOfPieces(this.pieces(c, notes)));
          break;
        case 'blockList':
          out.push(...this.blockList(c, notes));
          break;
        case 'item':
        case 'point':
          out.push(this.item(c, notes));
          break;
        case 'paragraph':
          out.push(...this.paragraph(c, notes));
          break;
        case 'table':
          out.push({ type: 'table', rows: this.tableRows(c) });
          break;
        case 'quotedStructure':
          out.push(...this.nodesOfPieces(this.pieces({ ...c, children: [c] }, notes)));
          break;
        case 'componentRef':
          notes.push(`Bestandteil: ${c.attrs.src ?? ''}`);
          break;
        case 'authorialNote':
          if (this.keepNotes) notes.push(`Fußnote: ${this.inline(c)}`);
          break;
        default:
          this.unknownElement(c.name);
          out.push(...this.nodesOfPieces(this.pieces(c, notes)));
      }
    }
    return out;
  }

  blockList(el: XElement, notes: string[]): Node[] {
    return this.content(el, notes);
  }

  /** An item / point; without num its content is written as text of the surrounding unit (see the writer). */
  item(el: XElement, notes: string[]): Node {
    return { type: 'item', marker: this.inline(child(el, 'num')), body: this.content(el, notes) };
  }

  /** An akn:paragraph: an Absatz `(n)`, or (empty num) the unnumbered text of the article. */
  paragraph(el: XElement, notes: string[]): Node[] {
    const num = this.inline(child(el, 'num'));
    const body = this.content(el, notes);
    const m = /^\((\d+[a-z]{0,2})\)$/.exec(num);
    if (m) return [{ type: 'absatz', num: m[1], body }];
    if (num) {
      this.warn(`Absatzbezeichnung „${num}“ nicht erkannt; als Text übernommen`);
      return [{ type: 'text', text: num }, ...body];
    }
    return body;
  }

  /** The content of a quotedStructure as nodes (headings inside become text lines). */
  quoted(qs: XElement, notes: string[]): Node[] {
    const out: Node[] = [];
    for (const c of qs.children) {
      if (c.type === 'text') {
        if (c.text.trim()) out.push({ type: 'text', text: norm(c.text) });
        continue;
      }
      if (c.local === 'article' || GLIEDERUNG.has(c.local)) {
        const head = [this.inline(child(c, 'num')), this.inline(child(c, 'heading'))].filter(Boolean).join(' ');
        if (head) out.push({ type: 'text', text: head });
        out.push(...this.quoted({ ...c, children: c.children.filter((x) => x.type !== 'element' || (x.local !== 'num' && x.local !== 'heading')) }, notes));
        continue;
      }
      out.push(...this.content({ ...c, children: [c] }, notes));
    }
    return out;
  }

  /** The rows of a table; header rows (`akn:th`) at the top are followed by a separator row `|---|`, as Norma writes a table head. */
  tableRows(table: XElement): string[][] {
    const rows: string[][] = [];
    let head = 0;
    for (const tr of findAll(table, 'tr')) {
      const cellEls = tr.children.filter((c): c is XElement => c.type === 'element' && (c.local === 'td' || c.local === 'th'));
      const cells = cellEls.map((c) => this.inline(c));
      if (!cells.some(Boolean)) continue;
      if (rows.length === head && cellEls.every((c) => c.local === 'th')) head++;
      rows.push(cells);
    }
    if (head > 0) rows.splice(head, 0, rows[head - 1].map(() => '---'));
    return rows;
  }

  // --- body -----------------------------------------------------------------------------------------

  body(el: XElement, blocks: DocBlock[], tocTitles: Map<string, string>): void {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (GLIEDERUNG.has(c.local)) {
        const num = this.inline(child(c, 'num'));
        const title = this.inline(child(c, 'heading')) || undefined;
        if (!num && !title) {
          // a Gliederung unit without number and heading only groups (Norma's export wraps §§ this way
          // where the Hauptteil would otherwise mix §§ and Gliederung units): its content stands for itself
          this.body(c, blocks, tocTitles);
          continue;
        }
        const label = num || title || c.local;
        this.origin = label;
        blocks.push({ heading: { kind: 'gliederung', label: num || label, title: num ? title : undefined }, body: [], origin: label });
        this.body(c, blocks, tocTitles);
        continue;
      }
      if (c.local === 'article') {
        blocks.push(this.article(c, tocTitles));
        continue;
      }
      if (c.local === 'num' || c.local === 'heading') continue;
      this.unknownElement(c.name);
      const notes: string[] = [];
      const nodes = this.content({ ...c, children: [c] }, notes);
      const prev = blocks[blocks.length - 1];
      if (prev) prev.body.push(...nodes);
    }
  }

  article(el: XElement, tocTitles: Map<string, string>): DocBlock {
    let num = this.inline(child(el, 'num'));
    let title = this.inline(child(el, 'heading')) || undefined;
    this.origin = num || title || 'Artikel';
    // the Mantelgesetz's Art. 1: empty num, the designation in the heading
    if (!num && title && /^(§|Artikel|Art\.)\s*\d+[a-z]{0,2}$/.test(title)) {
      num = title;
      title = tocTitles.get(norm(num));
      if (title) this.warn(`Überschrift fehlt im Dokument; aus der Inhaltsübersicht übernommen: „${title}“`);
    }
    this.origin = num || 'Artikel';
    const notes: string[] = [];
    const m = /^(§|Artikel|Art\.)\s*(\d+[a-z]{0,2})$/.exec(num);
    // a range of repealed norms: „§§ 3 bis 6“, „Artikel 74a und 75“
    const range = /^(§§|Artikel|Art\.)\s*(\d+[a-z]{0,2})\s+(bis|und)\s+(\d+[a-z]{0,2})$/.exec(num);
    let heading: Heading;
    if (range) {
      heading = { kind: 'range', word: range[1] === '§§' ? '§' : 'Artikel', from: range[2], conj: range[3] as 'bis' | 'und', to: range[4], title };
    } else if (m) {
      heading = { kind: 'norm', word: m[1] === '§' ? '§' : 'Artikel', num: m[2], title };
    } else {
      this.warn(`Artikelbezeichnung „${num}“ nicht erkannt`);
      heading = { kind: 'norm', word: 'Artikel', num: String(num.replace(/\D+/g, '') || '0'), title };
    }
    const body = this.content(el, notes);
    const comp = child(el, 'componentRef');
    const comments: string[] = [];
    if (comp) {
      comments.push(`${num}: eigenes Dokument (${comp.attrs.showAs ?? 'componentRef'}): ${comp.attrs.src ?? ''}`);
    }
    for (const n of notes) if (!n.startsWith('Bestandteil:')) comments.push(n);
    return { heading, body, comments, origin: num };
  }

  // --- document --------------------------------------------------------------------------------------

  convert(root: XElement): NormaDoc {
    const act = elements(root).find((e) => e.local === 'act' || e.local === 'bill');
    if (!act) {
      const coll = child(root, 'documentCollection');
      if (coll) {
        const refs = findAll(coll, 'documentRef').map((d) => d.attrs.href ?? '').filter(Boolean);
        throw new Error(
          `LegalDocML.de-Rechtsetzungsdokument (akn:documentCollection) ohne eigenen Regelungstext. Bitte die enthaltenen Regelungstexte einzeln importieren${refs.length ? `: ${refs.join(', ')}` : ''}.`,
        );
      }
      const first = elements(root)[0];
      throw new Error(`LegalDocML.de-Dokument ohne akn:act (gefunden: ${first ? `<${first.name}>` : 'nichts'}); nur Regelungstexte werden importiert.`);
    }
    this.draft = act.local === 'bill' || /regelungstext-entwurf/.test(act.attrs.name ?? '');
    const meta = child(act, 'meta');
    const preface = child(act, 'preface');
    const preamble = child(act, 'preamble');
    const body = child(act, 'body');
    const conclusions = child(act, 'conclusions');
    const doc: NormaDoc = { frontMatter: this.frontMatter(meta, preface, body), comments: [], blocks: [] };

    // Eingangsformel and Inhaltsübersicht
    const tocTitles = new Map<string, string>();
    if (preamble) {
      for (const c of elements(preamble)) {
        if (c.local === 'formula') {
          const notes: string[] = [];
          const nodes = this.content(c, notes);
          doc.blocks.push(doc.blocks.length ? { heading: { kind: 'keyword', keyword: 'Eingangsformel' }, body: nodes, origin: 'Eingangsformel' } : { body: nodes, origin: 'Eingangsformel' });
        } else if (c.local === 'blockContainer' && (c.attrs.refersTo === 'inhaltsuebersicht' || find(c, 'toc'))) {
          const toc: TocLine[] = [];
          for (const item of findAll(c, 'tocItem')) {
            const spans = elements(item).map((s) => this.inline(s)).filter(Boolean);
            const text = spans.length ? spans.join(' ') : this.inline(item);
            const level = Number(item.attrs.level) || 0;
            if (text) toc.push({ level, text });
            if (spans.length >= 2) tocTitles.set(norm(spans[0]), spans.slice(1).join(' '));
          }
          doc.blocks.push({ heading: { kind: 'keyword', keyword: 'Inhaltsübersicht' }, body: [], toc, origin: 'Inhaltsübersicht' });
        } else if (c.local === 'citations' || c.local === 'recitals' || c.local === 'blockContainer') {
          const notes: string[] = [];
          doc.blocks.push({ heading: { kind: 'keyword', keyword: 'Präambel' }, body: this.content(c, notes), origin: 'Präambel' });
        } else {
          this.unknownElement(c.name);
        }
      }
    }
    if (body) this.body(body, doc.blocks, tocTitles);
    this.origin = '';

    if (conclusions) {
      const schluss: Node[] = [];
      const comments: string[] = [];
      for (const c of elements(conclusions)) {
        if (c.local === 'formula') {
          schluss.push(...this.content(c, []));
        } else {
          // place, date and signatures: kept as comments
          for (const p of elements(c)) {
            const sigs = findAll(p, 'signature');
            if (sigs.length) for (const s of sigs) comments.push(norm([this.inline(child(s, 'role')), this.inline(child(s, 'person'))].join(' ')));
            else {
              // „Berlin</location> , den“: no blank before the comma in the comment
              const t = this.inline(p).replace(/ ,/g, ',');
              if (t) comments.push(t);
            }
          }
        }
      }
      if (schluss.length || comments.length) doc.blocks.push({ heading: { kind: 'keyword', keyword: 'Schlussformel' }, body: schluss, comments, origin: 'Schlussformel' });
    }
    const attachments = child(act, 'attachments');
    if (attachments) for (const ref of findAll(attachments, 'documentRef')) this.attachment(ref.attrs.href ?? '', doc.blocks);
    if (!body) this.warn('Dokument ohne akn:body');
    if (this.emptyQuotes.length) {
      const where = [...new Set(this.emptyQuotes)].join(', ');
      this.warnings.push(`${this.emptyQuotes.length} leere zitierte Struktur(en) (akn:quotedStructure ohne Inhalt) als „“ übernommen: ${where}`);
    }
    return doc;
  }

  /**
   * An Anlage: a document of its own (`akn:doc`, offene Struktur) referenced
   * from `akn:attachments`. Its Einleitung names it („Anlage 1“, the
   * reference „(zu § 3)“ and a title), its Hauptteil holds the content.
   */
  private attachment(href: string, blocks: DocBlock[]): void {
    this.origin = '';
    const text = href && this.resolve ? this.resolve(href) : undefined;
    if (text === undefined) {
      this.warn(`Anlage „${href}“ nicht eingelesen${this.resolve ? ' (Datei nicht lesbar)' : ''}: Anlagen sind in LegalDocML.de eigene Dokumente`);
      return;
    }
    let doc: XElement | undefined;
    try {
      doc = parseXml(text)[0];
    } catch (e) {
      this.warn(`Anlage „${href}“: ${(e as Error).message}`);
      return;
    }
    const d = doc ? elements(doc).find((e) => e.local === 'doc') : undefined;
    if (!d) {
      this.warn(`Anlage „${href}“: kein akn:doc gefunden`);
      return;
    }
    const preface = child(d, 'preface');
    const inlines = preface ? findAll(preface, 'inline') : [];
    const part = (refersTo: string): string => inlines.filter((e) => e.attrs.refersTo === refersTo).map((e) => this.inline(e)).join(' ');
    const label = part('anlageregelungstext-num') || 'Anlage';
    const title = [part('anlageregelungstext-bezug'), part('anlageregelungstext-heading')].filter(Boolean).join(' ') || undefined;
    this.origin = label;
    const notes: string[] = [];
    const main = child(d, 'mainBody');
    const body = main ? this.content(main, notes) : [];
    blocks.push({ heading: { kind: 'anlage', label, title }, body, origin: label, comments: notes.filter((n) => !n.startsWith('Bestandteil:')) });
    this.origin = '';
  }

  private frontMatter(meta: XElement | undefined, preface: XElement | undefined, body: XElement | undefined): NormaDoc['frontMatter'] {
    const frbr = (group: string, local: string, name?: string): XElement | undefined => {
      const g = meta && find(meta, group);
      if (!g) return undefined;
      return elements(g, local).find((e) => name === undefined || e.attrs.name === name);
    };
    const docTitleEl = preface && find(preface, 'docTitle');
    const shortTitleEl = preface && find(preface, 'shortTitle');
    let titel = this.inline(docTitleEl);
    let kurztitel: string | undefined;
    let abk: string | undefined;
    const splitShort = (s: string): void => {
      const inner = s.replace(/^\(\s*/, '').replace(/\s*\)$/, '');
      const parts = inner.split(/\s+[–-]\s+/);
      if (parts.length >= 2) {
        kurztitel = parts.slice(0, -1).join(' – ');
        abk = parts[parts.length - 1];
      } else if (!/\s/.test(inner) && /\p{Lu}/u.test(inner.slice(1)) && /[\p{Lu}\d]$/u.test(inner)) abk = inner; // „(BGB)“, „(LobbyRG)“
      else kurztitel = inner; // „(Wohnsitzanmeldungsgesetz)“, „(Digitale-Anmeldung-Gesetz)“
    };
    if (shortTitleEl) {
      const abkEl = findAll(shortTitleEl, 'inline').find((e) => e.attrs.refersTo === 'amtliche-abkuerzung');
      if (abkEl) {
        // the marked abbreviation; the rest of the short title (without brackets and dash) is the Kurztitel
        abk = this.inline(abkEl);
        const rest = this.inline({ ...shortTitleEl, children: shortTitleEl.children.filter((c) => c !== abkEl) })
          .replace(/^\(\s*/, '')
          .replace(/\s*\)$/, '')
          .replace(/\s*[–-]\s*$/, '')
          .trim();
        kurztitel = rest || undefined;
      } else splitShort(this.inline(shortTitleEl));
    } else {
      // "Gesetz zur … (Kurztitel – ABK)" in the docTitle itself
      const m = /^(.*\S)\s*(\([^()]*\s[–-]\s[^()]*\))$/.exec(titel);
      if (m) {
        titel = m[1];
        splitShort(m[2]);
      }
    }
    if (abk && /\s/.test(abk)) abk = undefined;
    if (!titel) titel = kurztitel ?? abk ?? 'Unbenanntes Gesetz';

    // an Entwurfsfassung (akn:bill, „regelungstext-entwurf“) is a draft
    const draft = this.draft;
    const prop = meta ? find(meta, 'legalDocML.de_metadaten') : undefined;
    const form = prop ? norm(rawText(child(prop, 'form') ?? { type: 'text', text: '' })) : '';
    const art = prop ? norm(rawText(child(prop, 'typ') ?? { type: 'text', text: '' })) : '';
    const hasMods = body ? find(body, 'mod') !== undefined : false;
    let typ: string;
    if (art === 'verordnung') typ = 'verordnung';
    else if (form === 'mantelform' || (!form && (hasMods || /^Gesetz zur Änderung/.test(titel)))) typ = 'aenderungsgesetz';
    else typ = 'stammgesetz';

    // Ausfertigung: preface date, else lifecycle event, else FRBR date
    const prefDate = preface ? findAll(preface, 'date').find((d) => d.attrs.refersTo === 'ausfertigung-datum')?.attrs.date : undefined;
    const life = meta ? findAll(meta, 'eventRef').find((e) => e.attrs.refersTo === 'ausfertigung')?.attrs.date : undefined;
    const frbrAus = frbr('FRBRWork', 'FRBRdate', 'verkuendungsfassung-ausfertigungsdatum')?.attrs.date;
    const aus = prefDate ?? life ?? frbrAus;
    if (prefDate && frbrAus && prefDate !== frbrAus) {
      this.warnings.push(`Ausfertigungsdatum: Einleitung ${prefDate}, FRBR-Metadaten ${frbrAus}; das Datum der Einleitung wird verwendet`);
    }
    const eli = frbr('FRBRExpression', 'FRBRthis')?.attrs.value ?? frbr('FRBRWork', 'FRBRthis')?.attrs.value;
    const workUri = frbr('FRBRWork', 'FRBRuri')?.attrs.value ?? '';
    const manifest = frbr('FRBRManifestation', 'FRBRthis')?.attrs.value ?? eli ?? '';
    const verk = frbr('FRBRExpression', 'FRBRdate')?.attrs.date;
    const date = (d: string | undefined): string | undefined => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
    return [
      { key: 'titel', value: titel },
      { key: 'kurztitel', value: kurztitel },
      { key: 'abkuerzung', value: abk },
      { key: 'typ', value: typ },
      { key: 'fassung', value: draft ? 'entwurf' : 'verkuendet' },
      { key: 'ausfertigung', value: date(aus) },
      { key: 'fundstelle', value: fundstelle(workUri) },
      { key: 'stand', value: date(verk) },
      { key: 'eli', value: eli },
      { key: 'quelle', value: `LegalDocML.de 1.8.2${manifest ? `, ${manifest}` : ''}` },
    ];
  }
}

/** `eli/bund/bgbl-1/2021/s818` → `BGBl. I 2021 S. 818`; `eli/bund/bgbl-1/2024/10` → `BGBl. 2024 I Nr. 10`. */
export function fundstelle(workUri: string): string | undefined {
  const m = /eli\/bund\/bgbl-(1|2)\/(\d{4})\/(s?)(\d+)/.exec(workUri);
  if (!m) return undefined;
  const teil = m[1] === '1' ? 'I' : 'II';
  return m[3] ? `BGBl. ${teil} ${m[2]} S. ${m[4]}` : `BGBl. ${m[2]} ${teil} Nr. ${m[4]}`;
}

/** Count of akn:article elements outside quoted structures (the law's own articles). */
export function countArticles(root: XElement): number {
  let n = 0;
  const walk = (e: XElement): void => {
    for (const c of e.children) {
      if (c.type !== 'element' || c.local === 'quotedStructure') continue;
      if (c.local === 'article') n++;
      walk(c);
    }
  };
  walk(root);
  return n;
}

export function importLegalDocML(root: XElement, options: LegalDocMLOptions = {}): { doc: NormaDoc; warnings: string[] } {
  const c = new LdmlConverter(options);
  const doc = c.convert(root);
  return { doc, warnings: c.warnings };
}
