/**
 * A draft rendered as HTML, set like a published law: title, Eingangsformel,
 * Präambel, Inhaltsübersicht, Gliederung, § headings, Absatz numbers,
 * indented lists, tables, typographic quotes, Schlussformel and Anlagen.
 * Annotations and comments are left out.
 *
 * Two entry points: {@link renderHtmlBody} gives the body fragment (the live
 * preview puts it into its webview), {@link renderHtmlDocument} wraps it as
 * a standalone, printable page with a strict Content-Security-Policy (no
 * scripts at all; the one style sheet allowed by nonce or hash).
 *
 * Every piece of document text is escaped. Each rendered unit carries `id`
 * (its eId, the first time it occurs), `data-eid` and `data-line` (the
 * 0-based source line, as LSP counts), and so does each paragraph of text.
 * Citations are links: `href="#eId"` inside the draft; a citation into
 * another document of the workspace carries `data-uri` and `data-line`;
 * another law carries `data-gesetz` (and `href` only to https addresses Norma
 * builds itself: gesetze-im-internet.de, EUR-Lex). Defined terms are wrapped
 * in `span.norma-term` with their definition as `title`.
 */
import type { DocumentModel } from '../model/document-model';
import { GLIEDERUNG_KINDS, NORM_KINDS, type TablePart, type TextPart, type Unit } from '../model/types';
import type { Block } from '../parser/block';
import { referenceIndex, type ReferenceIndex } from '../refs';
import { termIndex, unitLines, unitPlace } from '../terms';
import { DEFAULT_COST_DATA, documentCosts, summenText, totals, type CostData, type Posten } from '../costs';
import { cspHash } from '../util/hash';
import { cellText, escapeHtml as esc, germanDate, isSeparatorRow, quoteLines, refSpans, segments, spansIn, type RefSpan, type Segment } from './common';

export interface HtmlOptions {
  /** Nonce of the page's `<style>` element (CSP `style-src 'nonce-…'`); without one the style is allowed by its hash. */
  nonce?: string;
  /** A further origin for styles, fonts and images (a VS Code webview's `cspSource`). */
  cspSource?: string;
  /** Cost badges (Erfüllungsaufwand from @aufwand) at each § that has any. Default: off. */
  costs?: boolean;
  /** Wage rates and time values for the badges (default: the tables of `data/`). */
  costData?: CostData;
  /** The citations, resolved (default: the document's reference index in its workspace). */
  refs?: ReferenceIndex;
  /** Defined terms with their definition as `title`. Default: on. */
  terms?: boolean;
  /** The page title (default: the draft's `titel`). */
  title?: string;
}

/** The style sheet of the standalone page (print-friendly, a serif face, centred headings, hanging list markers). */
export const NORMA_HTML_CSS = `body { font-family: Georgia, 'Times New Roman', serif; font-size: 12pt; line-height: 1.45; color: #111; background: #fff; margin: 0; }
.norma-dokument { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.5rem 4rem; }
.norma-kopf { text-align: center; margin-bottom: 2rem; }
.norma-kopf h1 { font-size: 1.4em; margin: 0 0 0.4rem; }
.norma-kopf p { margin: 0.2rem 0; }
.norma-dokument h2, .norma-dokument h3, .norma-dokument h4, .norma-dokument h5, .norma-dokument h6 { text-align: center; font-size: 1.05em; margin: 1.6rem 0 0.6rem; }
.norma-bezeichnung, .norma-ueberschrift { display: block; }
.norma-norm-kopf .norma-bezeichnung, .norma-norm-kopf .norma-ueberschrift { display: inline; }
.norma-dokument p { margin: 0.35rem 0; }
.norma-absatz-nr { margin-right: 0.3em; }
.norma-liste { list-style: none; margin: 0.2rem 0; padding-left: 2.2rem; }
.norma-element { margin: 0.25rem 0; }
.norma-marker { display: inline-block; min-width: 2rem; margin-left: -2.2rem; margin-right: 0.2rem; text-align: left; }
.norma-zitat { margin: 0.3rem 0 0.3rem 1.5rem; }
.norma-zitat p { margin: 0.1rem 0; }
.norma-tabelle { border-collapse: collapse; margin: 0.5rem 0; }
.norma-tabelle th, .norma-tabelle td { border: 1px solid #777; padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
.norma-toc { list-style: none; padding-left: 0; }
.norma-toc-eintrag { margin: 0.1rem 0; }
.norma-toc-ebene-1 { padding-left: 1.5rem; } .norma-toc-ebene-2 { padding-left: 3rem; } .norma-toc-ebene-3 { padding-left: 4.5rem; } .norma-toc-ebene-4 { padding-left: 6rem; }
.norma-eingangsformel, .norma-schlussformel { margin: 1.5rem 0; }
.norma-anlage { margin-top: 3rem; border-top: 1px solid #999; }
.norma-weggefallen { color: #555; }
.norma-verweis { color: inherit; text-decoration: underline; text-decoration-color: #888; }
.norma-verweis-offen { text-decoration: underline wavy #b00; }
.norma-term { text-decoration: underline dotted; }
.norma-cost-badge { display: inline-block; font-family: sans-serif; font-size: 0.75em; padding: 0.05rem 0.45rem; border-radius: 0.6rem; background: #e8eef7; color: #123; }
.norma-kosten { text-align: center; margin: -0.3rem 0 0.4rem; }
@media print { .norma-dokument { max-width: none; padding: 0; } .norma-verweis { text-decoration: none; } .norma-anlage { page-break-before: always; border-top: none; } }
`;

const KIND_CLASS: Partial<Record<Unit['kind'], string>> = {
  nummer: 'norma-liste-nummer',
  buchstabe: 'norma-liste-buchstabe',
  doppelbuchstabe: 'norma-liste-doppelbuchstabe',
  dreifachbuchstabe: 'norma-liste-dreifachbuchstabe',
  anstrich: 'norma-liste-anstrich',
};

interface TermSpan {
  start: number;
  end: number;
  title: string;
  name: string;
  definition: boolean;
}

class HtmlRenderer {
  private readonly out: string[] = [];
  private readonly ids = new Set<string>();
  private readonly refs: Map<Block, Map<number, RefSpan[]>>;
  private readonly terms = new Map<Block, Map<number, TermSpan[]>>();
  private readonly badges = new Map<Unit, string>();

  constructor(
    private readonly model: DocumentModel,
    private readonly options: HtmlOptions,
  ) {
    this.refs = refSpans(model, options.refs ?? referenceIndex(model));
    if (options.terms !== false) this.collectTerms();
    if (options.costs) this.collectCosts();
  }

  private collectTerms(): void {
    const idx = termIndex(this.model);
    const titles = new Map<string, string>();
    for (const t of idx.terms.values()) {
      const d = t.definitions[0];
      const text = unitLines(d.unit, 400).join(' ').replace(/\s+/g, ' ').trim();
      titles.set(t.key, `„${t.name}“ (${unitPlace(d.unit)}): ${text.length > 400 ? `${text.slice(0, 399)}…` : text}`);
    }
    const add = (block: Block, line: number, s: TermSpan): void => {
      let m = this.terms.get(block);
      if (!m) this.terms.set(block, (m = new Map()));
      const list = m.get(line);
      if (list) list.push(s);
      else m.set(line, [s]);
    };
    for (const d of idx.definitions) add(d.block, d.def.line, { start: d.def.start, end: d.def.end, title: titles.get(d.key) ?? '', name: d.term, definition: true });
    for (const { block, usages } of idx.blocks) {
      for (const u of usages) {
        if (u.where !== 'text' && u.where !== 'title' && u.where !== 'cell') continue;
        add(block, u.line, { start: u.start, end: u.end, title: titles.get(u.key) ?? '', name: idx.terms.get(u.key)?.name ?? '', definition: false });
      }
    }
    for (const m of this.terms.values()) for (const list of m.values()) list.sort((a, b) => a.start - b.start);
  }

  private collectCosts(): void {
    const costs = documentCosts(this.model, this.options.costData ?? DEFAULT_COST_DATA);
    const byNorm = new Map<Unit, Posten[]>();
    for (const p of costs.posten) {
      if (!p.norm) continue;
      const list = byNorm.get(p.norm);
      if (list) list.push(p);
      else byNorm.set(p.norm, [p]);
    }
    for (const [norm, ps] of byNorm) {
      const t = totals(ps);
      this.badges.set(norm, summenText(t.jaehrlich, t.einmalig));
    }
  }

  // --- attributes -------------------------------------------------------------------------------------------

  private absLine(u: Unit): number {
    return u.block.startLine + u.markerLine;
  }

  /** `id` (the first time an eId occurs), `data-eid` and `data-line` of a unit. */
  private unitAttrs(u: Unit, cls: string): string {
    let s = ` class="${esc(cls)}${u.repealed ? ' norma-weggefallen' : ''}"`;
    if (u.eId && !this.ids.has(u.eId)) {
      this.ids.add(u.eId);
      s += ` id="${esc(u.eId)}"`;
    }
    if (u.eId) s += ` data-eid="${esc(u.eId)}"`;
    return `${s} data-line="${this.absLine(u)}"`;
  }

  // --- inline text --------------------------------------------------------------------------------------------

  /** A stretch of a line as HTML: escaped, with citations as links, terms marked, straight quotes typographic. */
  private inline(block: Block, line: number, from: number, to: number): string {
    const text = block.lines[line] ?? '';
    const refs = spansIn(this.refs.get(block)?.get(line), from, to);
    const terms = spansIn(this.terms.get(block)?.get(line), from, to).filter((t) => !refs.some((r) => t.start < r.end && r.start < t.end));
    const marks = [...refs.map((r) => ({ start: r.start, end: r.end, ref: r, term: undefined })), ...terms.map((t) => ({ start: t.start, end: t.end, ref: undefined, term: t }))].sort((a, b) => a.start - b.start);
    let out = '';
    let pos = from;
    for (const m of marks) {
      if (m.start < pos) continue;
      out += this.plain(text, pos, m.start);
      const inner = this.plain(text, m.start, m.end);
      out += m.ref ? this.refLink(m.ref, inner) : this.termSpan(m.term as TermSpan, inner);
      pos = m.end;
    }
    return out + this.plain(text, pos, to);
  }

  /** Escaped text with straight double quotes set as „…“. */
  private plain(line: string, from: number, to: number): string {
    let s = '';
    for (let i = from; i < to; i++) {
      const c = line[i];
      if (c === '"') {
        const before = i > 0 ? line[i - 1] : ' ';
        s += /[\s([{/–—-]/.test(before) || i === 0 ? '„' : '“';
      } else s += c;
    }
    return esc(s);
  }

  private refLink(r: RefSpan, inner: string): string {
    const t = r.target;
    switch (r.kind) {
      case 'intern': {
        if (!t) return inner;
        const u = t.unit;
        const title = `${u.address || u.label}${t.satz ? ` Satz ${t.satz}` : ''}`;
        return `<a class="norma-verweis" href="#${esc(u.eId)}" data-eid="${esc(u.eId)}" data-line="${u.block.startLine + u.markerLine}" title="${esc(title)}">${inner}</a>`;
      }
      case 'arbeitsbereich': {
        if (!t) return inner;
        const u = t.unit;
        const law = r.law ? `${r.law.titel}${r.law.abkuerzung ? ` (${r.law.abkuerzung})` : ''}` : '';
        const title = `${u.address || u.label}${t.satz ? ` Satz ${t.satz}` : ''}${law ? ` – ${law}` : ''}`;
        return `<a class="norma-verweis norma-verweis-arbeitsbereich" data-uri="${esc(t.uri)}" data-eid="${esc(u.eId)}" data-line="${u.block.startLine + u.markerLine}"${r.law ? ` data-gesetz="${esc(r.law.titel)}"` : ''} title="${esc(title)}">${inner}</a>`;
      }
      case 'extern': {
        const name = r.law?.titel ?? r.eu?.name;
        const href = r.url && r.url.startsWith('https://') ? ` href="${esc(r.url)}" rel="external noopener noreferrer"` : '';
        const abk = r.law?.abkuerzung ? ` data-abkuerzung="${esc(r.law.abkuerzung)}"` : '';
        return `<a class="norma-verweis norma-verweis-extern"${href}${name ? ` data-gesetz="${esc(name)}"` : ''}${abk} data-status="${esc(r.status)}"${name ? ` title="${esc(name)}"` : ''}>${inner}</a>`;
      }
      default:
        return `<span class="norma-verweis norma-verweis-offen" data-status="${esc(r.status)}" title="Verweisziel nicht gefunden">${inner}</span>`;
    }
  }

  private termSpan(t: TermSpan, inner: string): string {
    const tag = t.definition ? 'dfn' : 'span';
    return `<${tag} class="norma-term${t.definition ? ' norma-begriff-definition' : ''}" data-begriff="${esc(t.name)}" title="${esc(t.title)}">${inner}</${tag}>`;
  }

  private part(block: Block, t: TextPart): string {
    return this.inline(block, t.line, t.start, t.end);
  }

  // --- content -------------------------------------------------------------------------------------------------

  /** A unit's text, lists, tables and quotations; `lead` (a marker, an Absatz number) goes before the first text. */
  private content(u: Unit, lead: string): void {
    const block = u.block;
    let pending = lead;
    const flushLead = (): void => {
      if (!pending) return;
      this.out.push(`<p class="norma-text" data-line="${this.absLine(u)}">${pending}</p>`);
      pending = '';
    };
    for (const s of segments(u, false) as Segment[]) {
      switch (s.type) {
        case 'text':
          this.out.push(`<p class="norma-text" data-line="${block.startLine + s.part.line}">${pending}${this.part(block, s.part)}</p>`);
          pending = '';
          break;
        case 'quote': {
          if (s.lead) {
            this.out.push(`<p class="norma-text" data-line="${block.startLine + s.lead.line}">${pending}${this.part(block, s.lead)}</p>`);
            pending = '';
          }
          flushLead();
          this.quote(block, s.part);
          break;
        }
        case 'list':
          flushLead();
          this.list(s.items);
          break;
        case 'table':
          flushLead();
          this.table(block, s.table);
          break;
        case 'unit':
          break;
      }
    }
    flushLead();
  }

  private quote(block: Block, t: TextPart): void {
    const q = quoteLines(block, t);
    this.out.push(`<div class="norma-zitat" data-line="${block.startLine + t.line}">`);
    if (!q) {
      for (let l = t.line; l <= t.endLine; l++) {
        const tok = block.tokens[l];
        this.out.push(`<p data-line="${block.startLine + l}">${this.plain(block.lines[l], l === t.line ? t.start : tok.indent, l === t.endLine ? t.end : tok.end)}</p>`);
      }
    } else {
      q.lines.forEach((l, i) => {
        const open = i === 0 ? '„' : '';
        const close = i === q.lines.length - 1 ? esc(`“${q.after}`) : '';
        this.out.push(`<p data-line="${block.startLine + l.line}">${open}${esc(l.text)}${close}</p>`);
      });
    }
    this.out.push('</div>');
  }

  private list(items: Unit[]): void {
    this.out.push(`<ol class="norma-liste ${KIND_CLASS[items[0].kind] ?? ''}">`);
    for (const it of items) {
      this.out.push(`<li${this.unitAttrs(it, 'norma-element')}>`);
      this.content(it, `<span class="norma-marker">${esc(it.label)}</span> `);
      this.out.push('</li>');
    }
    this.out.push('</ol>');
  }

  private table(block: Block, t: TablePart): void {
    let sep = t.rows.findIndex((r) => isSeparatorRow(block, r));
    if (sep === 0 || t.rows.length === 1) sep = -1;
    this.out.push(`<table class="norma-tabelle" data-line="${block.startLine + t.line}">`);
    if (sep > 0) this.out.push('<thead>');
    t.rows.forEach((row, i) => {
      if (i === sep) {
        this.out.push('</thead><tbody>');
        return;
      }
      const tag = sep > 0 && i < sep ? 'th' : 'td';
      const cells = row.cells.map((c) => {
        const raw = block.lines[row.line].slice(c.start, c.end);
        return `<${tag}>${raw.includes('\\|') ? esc(cellText(block, row.line, c)) : this.inline(block, row.line, c.start, c.end)}</${tag}>`;
      });
      this.out.push(`<tr data-line="${block.startLine + row.line}">${cells.join('')}</tr>`);
    });
    this.out.push(sep > 0 ? '</tbody></table>' : '</table>');
  }

  // --- structure -----------------------------------------------------------------------------------------------

  private headingText(u: Unit): string {
    if (u.title === undefined || u.titleLine < 0) return '';
    return this.inline(u.block, u.titleLine, u.titleStart, u.titleEnd);
  }

  private gliederung(u: Unit, depth: number): void {
    const h = `h${Math.min(2 + depth, 6)}`;
    this.out.push(`<section${this.unitAttrs(u, `norma-gliederung norma-${u.kind}`)}>`);
    const title = this.headingText(u);
    this.out.push(`<${h} class="norma-gliederung-kopf"><span class="norma-bezeichnung">${esc(u.label)}</span>${title ? ` <span class="norma-ueberschrift">${title}</span>` : ''}</${h}>`);
    // text under a Gliederung heading belongs to no § (a syntax error): shown as written
    if (u.parts.length) this.content(u, '');
    for (const c of u.children) this.bodyUnit(c, depth + 1);
    this.out.push('</section>');
  }

  private bodyUnit(u: Unit, depth: number): void {
    if (GLIEDERUNG_KINDS.has(u.kind)) this.gliederung(u, depth);
    else if (NORM_KINDS.has(u.kind)) this.norm(u, depth);
  }

  private norm(u: Unit, depth: number): void {
    const h = `h${Math.min(2 + depth, 6)}`;
    this.out.push(`<section${this.unitAttrs(u, `norma-norm norma-${u.kind}`)}>`);
    const title = this.headingText(u);
    this.out.push(`<${h} class="norma-norm-kopf"><span class="norma-bezeichnung">${esc(u.label)}</span>${title ? ` <span class="norma-ueberschrift">${title}</span>` : ''}</${h}>`);
    const badge = this.badges.get(u);
    if (badge) this.out.push(`<p class="norma-kosten"><span class="norma-cost-badge" title="Erfüllungsaufwand ${esc(u.label)}">${esc(badge)}</span></p>`);
    if (u.kind === 'bereich') this.content(u, '');
    for (const c of u.children) {
      if (c.kind !== 'absatz') continue;
      this.out.push(`<div${this.unitAttrs(c, 'norma-absatz')}>`);
      this.content(c, c.implicit ? '' : `<span class="norma-absatz-nr">${esc(c.label)}</span> `);
      this.out.push('</div>');
    }
    this.out.push('</section>');
  }

  private block(u: Unit, cls: string, heading: string | undefined): void {
    this.out.push(`<section${this.unitAttrs(u, cls)}>`);
    if (heading !== undefined) this.out.push(heading);
    this.content(u, '');
    this.out.push('</section>');
  }

  private toc(u: Unit): void {
    this.out.push(`<nav${this.unitAttrs(u, 'norma-inhaltsuebersicht')}>`);
    this.out.push(`<h2>${esc(u.label || 'Inhaltsübersicht')}</h2>`);
    const entries = u.toc ?? [];
    const indents = [...new Set(entries.map((e) => e.indent))].sort((a, b) => a - b);
    const norms = new Map<string, Unit>();
    for (const n of this.model.norms) if (n.num && !norms.has(`${n.kind}:${n.num}`)) norms.set(`${n.kind}:${n.num}`, n);
    this.out.push('<ul class="norma-toc">');
    for (const e of entries) {
      const level = Math.max(0, indents.indexOf(e.indent));
      const m = /^(§|Artikel|Art\.)\s*(\d+[a-z]{0,2})(?=\s|$)/.exec(e.text);
      const target = m ? norms.get(`${m[1] === '§' ? 'paragraph' : 'artikel'}:${m[2]}`) : undefined;
      const line = u.block.startLine + e.line;
      const text = target ? `<a class="norma-verweis" href="#${esc(target.eId)}" data-eid="${esc(target.eId)}" data-line="${this.absLine(target)}">${esc(m?.[0] ?? '')}</a>${this.plain(e.text, (m?.[0] ?? '').length, e.text.length)}` : this.plain(e.text, 0, e.text.length);
      this.out.push(`<li class="norma-toc-eintrag norma-toc-ebene-${level}" data-line="${line}">${text}</li>`);
    }
    this.out.push('</ul></nav>');
  }

  private header(): void {
    const fm = this.model.frontMatter?.values ?? {};
    const fmBlock = this.model.frontMatterBlock;
    const lineOf = (key: string): number => {
      const e = this.model.frontMatter?.entries.find((x) => x.key === key);
      return fmBlock && e ? fmBlock.startLine + e.line : 0;
    };
    const titel = fm.titel ?? this.model.context.titel;
    if (!titel && !fm.kurztitel && !fm.abkuerzung) return;
    this.out.push(`<header class="norma-kopf" data-line="${lineOf('titel')}">`);
    if (titel) this.out.push(`<h1 class="norma-titel" data-line="${lineOf('titel')}">${esc(titel)}</h1>`);
    if (fm.kurztitel || fm.abkuerzung) {
      const short = fm.kurztitel && fm.abkuerzung ? `${fm.kurztitel} – ${fm.abkuerzung}` : (fm.kurztitel ?? fm.abkuerzung ?? '');
      this.out.push(`<p class="norma-kurztitel" data-line="${lineOf(fm.kurztitel ? 'kurztitel' : 'abkuerzung')}">(${esc(short)})</p>`);
    }
    const aus = germanDate(fm.ausfertigung);
    if (aus) this.out.push(`<p class="norma-datum" data-line="${lineOf('ausfertigung')}">Vom ${esc(aus)}</p>`);
    if (this.model.context.fassung === 'entwurf') {
      const stand = germanDate(fm.stand);
      this.out.push(`<p class="norma-stand" data-line="${lineOf(stand ? 'stand' : 'titel')}">Entwurf${stand ? ` – Stand: ${esc(stand)}` : ''}</p>`);
    }
    this.out.push('</header>');
  }

  render(): string {
    const m = this.model;
    this.out.push('<article class="norma-dokument" lang="de">');
    this.header();
    for (const u of m.root.children) {
      switch (u.kind) {
        case 'eingangsformel':
          this.block(u, 'norma-eingangsformel', undefined);
          break;
        case 'praeambel':
          this.block(u, 'norma-praeambel', `<h2>${esc(u.label || 'Präambel')}</h2>`);
          break;
        case 'inhaltsuebersicht':
          this.toc(u);
          break;
        case 'schlussformel':
          this.block(u, 'norma-schlussformel', undefined);
          break;
        case 'anlage': {
          const title = this.headingText(u);
          this.block(u, 'norma-anlage', `<h2 class="norma-anlage-kopf"><span class="norma-bezeichnung">${esc(u.label)}</span>${title ? ` <span class="norma-ueberschrift">${title}</span>` : ''}</h2>`);
          break;
        }
        default:
          this.bodyUnit(u, 0);
      }
    }
    this.out.push('</article>');
    return this.out.join('\n');
  }
}

/** The body fragment of a draft: `<article class="norma-dokument">…</article>`, without style or script. */
export function renderHtmlBody(model: DocumentModel, options: HtmlOptions = {}): string {
  return new HtmlRenderer(model, options).render();
}

/** The Content-Security-Policy of a page with the style sheet `css`: nothing but that style (by nonce or hash) and `cspSource`. */
export function htmlCsp(css: string, options: Pick<HtmlOptions, 'nonce' | 'cspSource'> = {}): string {
  const style = options.nonce ? `'nonce-${options.nonce}'` : `'${cspHash(css)}'`;
  const extra = options.cspSource ? ` ${options.cspSource}` : '';
  return [`default-src 'none'`, `style-src ${style}${extra}`, ...(options.cspSource ? [`img-src ${options.cspSource}`, `font-src ${options.cspSource}`] : []), `base-uri 'none'`, `form-action 'none'`].join('; ');
}

/** A standalone, printable HTML page of the draft with a strict Content-Security-Policy. */
export function renderHtmlDocument(model: DocumentModel, options: HtmlOptions = {}): string {
  const body = renderHtmlBody(model, options);
  const fm = model.frontMatter?.values ?? {};
  const title = options.title ?? fm.titel ?? model.context.titel ?? 'Entwurf';
  const nonce = options.nonce ? ` nonce="${esc(options.nonce)}"` : '';
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${htmlCsp(NORMA_HTML_CSS, options).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Norma">
<title>${esc(title)}</title>
<style${nonce}>${NORMA_HTML_CSS}</style>
</head>
<body class="norma-export">
${body}
</body>
</html>
`;
}
