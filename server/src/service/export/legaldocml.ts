/**
 * Export to LegalDocML.de 1.8.2: a Regelungstext in the Entwurfsfassung
 * (`akn:bill`), valid against the official schema
 * (`validate-regelungstext-entwurfsfassung.xsd`).
 *
 * - FRBR metadata (Work, Expression, Manifestation) from the front matter,
 *   with a draft ELI (`eli/dl/…`), lifecycle, validity and the Regelungstext
 *   metadata (typ, form).
 * - Einleitung (docTitle, shortTitle with the amtliche Abkürzung), Präambel
 *   with Eingangsformel, Präambel and Inhaltsübersicht; Hauptteil with the
 *   Gliederung, §§ and Artikel, Absätze, lists, tables and quoted
 *   structures; Schluss with the Schlussformel.
 * - Every element carries an eId (the model's eIds; those LegalDocML.de
 *   spells differently are mapped) and a GUID derived from the document and
 *   the eId (UUID version 5), so the same draft always gives the same file.
 * - Citations become `akn:ref` (`akn:rref` for a range) pointing to the
 *   cited unit's eId, or to an ELI where Norma knows one (an imported law
 *   with an `eli`, an EU act). Annotations and comments are left out.
 * - Anlagen are documents of their own in LegalDocML.de (`akn:doc`, offene
 *   Struktur) that the Regelungstext references in `akn:attachments`; they
 *   are returned beside it.
 */
import type { DocumentModel } from '../model/document-model';
import { GLIEDERUNG_KINDS, NORM_KINDS, type TablePart, type TextPart, type Unit } from '../model/types';
import type { Block } from '../parser/block';
import type { ReferenceIndex } from '../refs';
import { referenceIndex } from '../refs';
import type { Target } from '../refs/resolve';
import { uuidV5, sha1Hex } from '../util/hash';
import { cellText, escapeXml, isSeparatorRow, listEId, quoteLines, refSpans, segments, spansIn, type RefSpan, type Segment } from './common';
import { amendAnalysis, type Command } from '../amend';
import { AMENDS_RE } from '../amend/commands';
import { fragmentKind } from '../amend/tree';
import { NormaDocument } from '../parser/document';
import { DocumentModel as FragmentModel } from '../model/document-model';
import { ITEM_KINDS } from '../model/types';
import { changeType, destinations, eliFromCitation, pathSpan, quotations, TOC_EID } from './amend-ldml';

export const LDML_NS = 'http://Inhaltsdaten.LegalDocML.de/1.8.2/';
const REGTXT_NS = 'http://MetadatenRegelungstext.LegalDocML.de/1.8.2/';
const DOCTYPE = '/akn/ontology/de/concept/documenttype/bund';
const UNDEFINIERT = 'attributsemantik-noch-undefiniert';
/** Name space of Norma's GUIDs (itself a version-5 UUID of „https://norma.example/legaldocml“ in the URL name space). */
const GUID_NS = uuidV5('https://norma.example/legaldocml');

export interface LegalDocMLExportOptions {
  /** The citations, resolved (default: the document's reference index in its workspace). */
  refs?: ReferenceIndex;
  /** File name stem of the Anlagen: `<stem>-anlage-<n>.xml` (default `regelungstext`). */
  dateiname?: string;
  /** Date of this version when the front matter has no `stand` (JJJJ-MM-TT; default: today). */
  datum?: string;
}

export interface LegalDocMLDocument {
  /** Where the Regelungstext references it (a file name beside it). */
  href: string;
  /** The Anlage's eId in the draft (`anlage-z1`). */
  eId: string;
  xml: string;
}

export interface LegalDocMLExport {
  /** The Regelungstext. */
  xml: string;
  /** The Anlagen, each a document of its own. */
  anlagen: LegalDocMLDocument[];
  /** What could not be exported as written (German). */
  warnings: string[];
}

const GLIEDERUNG_ELEMENT: Record<string, string> = {
  buch: 'book',
  teil: 'part',
  kapitel: 'chapter',
  unterkapitel: 'subchapter',
  abschnitt: 'section',
  unterabschnitt: 'subsection',
  titel: 'title',
  untertitel: 'subtitle',
};

const GLIEDERUNG_TYPE: Record<string, string> = {
  book: 'buch',
  part: 'teil',
  chapter: 'kapitel',
  subchapter: 'ukapitel',
  section: 'abschnitt',
  subsection: 'uabschnitt',
  title: 'titel',
  subtitle: 'utitel',
};

/** Where a quoted structure stands in the inline text of an `akn:mod` (its lines are written separately). */
const QS_MARK = '\u0000quotedStructure\u0000';

const EID_PART = /^([a-zäöüß0-9]+)-(n[1-9][0-9]*|z[0-9a-zäöüß~%]*)$/;

/** One part of an eId in the form the schema allows (`z` numbers in lower case, other characters as `~`). */
function sanitizePart(part: string): string {
  if (EID_PART.test(part)) return part;
  const m = /^([^-]+)-([nz])(.*)$/.exec(part);
  if (!m) return part.toLowerCase().replace(/[^a-zäöüß0-9]/g, '') + '-n1';
  const type = m[1].toLowerCase().replace(/[^a-zäöüß0-9]/g, '') || 'x';
  if (m[2] === 'n' && /^[1-9][0-9]*$/.test(m[3])) return `${type}-n${m[3]}`;
  return `${type}-z${m[3].toLowerCase().replace(/[^0-9a-zäöüß~%]/g, '~')}`;
}

/** An eId of the model in the form of the schema. */
export function ldmlEId(eId: string): string {
  return eId.split('_').map(sanitizePart).join('_');
}

/** The eId of a unit in the exported document. */
function unitEId(u: Unit): string {
  switch (u.kind) {
    case 'praeambel':
      return 'präambel-n1_präambeln-n1';
    case 'inhaltsuebersicht':
      return 'präambel-n1_blockcontainer-n1_inhuebs-n1';
    case 'schlussformel':
      return 'schluss-n1_formel-n1';
    default:
      return mapEId(u, u.eId);
  }
}

/** An eId of the model at or below `u` in the exported document. */
function mapEId(u: Unit, eId: string): string {
  // a range „§§ 3 bis 6“ is `art-z3-6` in the model; the schema allows no hyphen in a number
  for (let x: Unit | undefined = u; x; x = x.parent) {
    if (x.kind === 'bereich' && eId.startsWith(x.eId)) return ldmlEId(`art-z${x.num ?? ''}${x.rangeConj ?? 'bis'}${x.numTo ?? ''}${eId.slice(x.eId.length)}`);
  }
  return ldmlEId(eId);
}

/** The amended law of an amending Artikel: its ELI (from its model in the workspace or from the Eingangssatz) and its model. */
interface AmendTarget {
  eli: string | undefined;
  model: DocumentModel | undefined;
}

/** An `akn:textualMod` to write into the metadata: the command and the eId of the `akn:mod` that holds it. */
interface TextualMod {
  mod: string;
  command: Command;
  target: AmendTarget;
}

function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-zäöüß]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'bundesregierung'
  );
}

/** Attributes as XML text (undefined values left out). */
function attrs(a: Record<string, string | undefined>): string {
  let s = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) s += ` ${k}="${escapeXml(v)}"`;
  return s;
}

class Exporter {
  readonly warnings: string[] = [];
  private readonly out: string[] = [];
  private depth = 0;
  private readonly guids = new Map<string, number>();
  private readonly spans: Map<Block, Map<number, RefSpan[]>>;
  private readonly fm: Record<string, string | undefined>;
  private readonly date: string;
  private readonly key: string;
  /** A short stand-in for the key in the names of the GUIDs. */
  private readonly keyHash: string;
  /** The file of each Anlage, by the Anlage unit. */
  private readonly anlageHref = new Map<Unit, string>();
  private guidScope = '';
  /** The Änderungsbefehle of the draft by the unit holding them (one sentence each, one or more commands). */
  private readonly commands = new Map<Unit, Command[]>();
  private readonly amendTarget = new Map<Command, AmendTarget>();
  /** The amending Artikel and their Eingangssätze. */
  private readonly amending = new Map<Unit, { eingang: Command['span'] | undefined; target: AmendTarget }>();
  /** The commands as written, for `akn:activeModifications`. */
  private readonly textualMods: TextualMod[] = [];
  /** While a quoted structure is written: its units' eIds without `strip`, below `prefix`. */
  private frag: { strip: string; prefix: string } | undefined;
  readonly eli: { work: string; expression: string; year: string; number: string; author: string };

  constructor(
    private readonly model: DocumentModel,
    private readonly options: LegalDocMLExportOptions,
  ) {
    this.fm = { ...(model.frontMatter?.values ?? {}) };
    const stand = this.fm.stand;
    this.date = stand ?? options.datum ?? isoToday();
    this.spans = refSpans(model, options.refs ?? referenceIndex(model));
    const titel = this.fm.titel ?? model.context.titel ?? 'Unbenannter Entwurf';
    this.fm.titel = titel;
    if (!model.context.titel) this.warnings.push('Vorspann ohne „titel“: als Titel „Unbenannter Entwurf“ exportiert');
    this.key = `${model.context.typ}|${titel}|${this.fm.abkuerzung ?? ''}`;
    this.keyHash = sha1Hex(this.key).slice(0, 16);
    const year = this.date.slice(0, 4);
    const author = this.fm.ressort ? slug(this.fm.ressort) : 'bundesregierung';
    // a number for the draft, the same for the same title (the drafting system would assign one)
    const number = String(parseInt(sha1Hex(this.key).slice(0, 8), 16) % 100000);
    const work = `eli/dl/${year}/${author}/${number}/regelungsentwurf`;
    this.eli = { work, expression: `${work}/bundesregierung/${this.date}/1/deu`, year, number, author };
    const stem = options.dateiname ?? 'regelungstext';
    model.anlagen.forEach((a, i) => this.anlageHref.set(a, `${stem}-anlage-${i + 1}.xml`));
    if (model.norms.some((n) => n.kind === 'artikel' && n.title !== undefined && AMENDS_RE.test(n.title))) this.readCommands();
  }

  /** The Änderungsbefehle of the amending Artikel, and where each amended law is. */
  private readCommands(): void {
    for (const a of amendAnalysis(this.model).artikel) {
      const targetModel = a.targetUri ? this.model.workspace?.modelOf(a.targetUri) : undefined;
      const cited = a.eingangssatz?.text ?? a.commands[0]?.sentence ?? '';
      const target: AmendTarget = { eli: targetModel?.frontMatter?.values.eli ?? eliFromCitation(cited), model: targetModel };
      if (!target.eli && a.commands.length) {
        this.warnings.push(`${a.artikel.label}: keine Fundstelle „vom … (BGBl. I …)“ des geänderten Gesetzes erkannt; die Ziele der Änderungsbefehle sind ohne ELI exportiert`);
      }
      this.amending.set(a.artikel, { eingang: a.eingangssatz?.span, target });
      for (const c of a.commands) {
        const list = this.commands.get(c.unit);
        if (list) list.push(c);
        else this.commands.set(c.unit, [c]);
        this.amendTarget.set(c, target);
      }
    }
  }

  // --- eIds ---------------------------------------------------------------------------------------------

  /** The eId of a unit as written here (inside a quoted structure: below the quoted structure's eId). */
  private uid(u: Unit): string {
    return this.inFrag(unitEId(u));
  }

  private mid(u: Unit, eId: string): string {
    return this.inFrag(mapEId(u, eId));
  }

  private inFrag(eId: string): string {
    const f = this.frag;
    if (!f) return eId;
    return `${f.prefix}_${eId.startsWith(f.strip) ? eId.slice(f.strip.length) : eId}`;
  }

  // --- output -------------------------------------------------------------------------------------------

  private guid(eId: string): string {
    const name = `${this.keyHash}|${this.guidScope}|${eId}`;
    const n = this.guids.get(name) ?? 0;
    this.guids.set(name, n + 1);
    return uuidV5(n ? `${name}#${n}` : name, GUID_NS);
  }

  private line(s: string): void {
    this.out.push(`${'  '.repeat(this.depth)}${s}\n`);
  }

  private open(name: string, eId: string, a: Record<string, string | undefined> = {}): void {
    this.line(`<akn:${name}${attrs({ eId, GUID: this.guid(eId), ...a })}>`);
    this.depth++;
  }

  private close(name: string): void {
    this.depth--;
    this.line(`</akn:${name}>`);
  }

  /** An element with inline content (already XML). */
  private leaf(name: string, eId: string, inner: string, a: Record<string, string | undefined> = {}): void {
    const at = attrs({ eId, GUID: this.guid(eId), ...a });
    this.line(inner ? `<akn:${name}${at}>${inner}</akn:${name}>` : `<akn:${name}${at}/>`);
  }

  private take(): string {
    const s = this.out.join('');
    this.out.length = 0;
    return s;
  }

  // --- inline text ----------------------------------------------------------------------------------------

  /** Where a citation points: `#eId` in this document, the Anlage's file, or an ELI. */
  private href(s: RefSpan, t: Target | undefined): string | undefined {
    if (s.kind === 'extern') return s.eu?.url;
    if (!t) return undefined;
    if (s.kind === 'arbeitsbereich') {
      const other = this.model.workspace?.modelOf(t.uri);
      const eli = other?.frontMatter?.values.eli;
      return eli ? `${eli}/${unitEId(t.unit)}.xml` : undefined;
    }
    const eId = unitEId(t.unit);
    for (let x: Unit | undefined = t.unit; x; x = x.parent) {
      if (x.kind === 'anlage') {
        const file = this.anlageHref.get(x);
        return file ? `${file}#${eId}` : undefined;
      }
    }
    return `#${eId}`;
  }

  /** Text of a line from `from` to `to`, escaped, with its citations as `akn:ref`. */
  private inline(block: Block, line: number, from: number, to: number, container: string): string {
    const text = block.lines[line] ?? '';
    const list = spansIn(this.spans.get(block)?.get(line), from, to);
    let out = '';
    let pos = from;
    let n = 0;
    for (const s of list) {
      const href = this.href(s, s.target);
      if (!href) continue;
      out += escapeXml(text.slice(pos, s.start));
      const inner = escapeXml(text.slice(s.start, s.end));
      const lastHref = s.last && s.kind === 'intern' ? this.href(s, s.last) : undefined;
      if (lastHref && lastHref.startsWith('#') && href.startsWith('#')) {
        const eId = `${container}_bref-n${++n}`;
        out += `<akn:rref${attrs({ eId, GUID: this.guid(eId), from: href, upTo: lastHref })}>${inner}</akn:rref>`;
      } else {
        const eId = `${container}_ref-n${++n}`;
        out += `<akn:ref${attrs({ eId, GUID: this.guid(eId), href })}>${inner}</akn:ref>`;
      }
      pos = s.end;
    }
    out += escapeXml(text.slice(pos, to));
    return out;
  }

  private partInline(block: Block, t: TextPart, container: string): string {
    return this.inline(block, t.line, t.start, t.end, container);
  }

  // --- content -----------------------------------------------------------------------------------------------

  /** The content of a unit (text, lists, tables, quoted structures) as block elements; `base` prefixes the eIds of texts and tables. */
  private content(u: Unit, base: string): void {
    const segs = segments(u);
    let texts = 0;
    let tables = 0;
    let wrote = false;
    const cmds = this.commands.get(u);
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      if (cmds) {
        // the command sentence (with its quotation) as one akn:mod
        const span = cmds[0].span;
        const c = cmds[0].contentSpan;
        const own = (s.type === 'text' && s.part.line === span.line) || (s.type === 'quote' && s.lead?.line === span.line);
        if (own) {
          let content: TextPart | undefined;
          if (s.type === 'quote') content = s.part;
          else if (c && c.line !== span.line) {
            const next = segs[i + 1];
            if (next && (next.type === 'text' || next.type === 'quote') && next.part.line === c.line) {
              content = next.part;
              i++;
            }
          }
          this.commandP(u.block, s.type === 'quote' ? (s.lead as TextPart) : s.part, content, cmds, `${base}_text-n${++texts}`);
          wrote = true;
          continue;
        }
      }
      switch (s.type) {
        case 'text': {
          const eId = `${base}_text-n${++texts}`;
          this.leaf('p', eId, this.partInline(u.block, s.part, eId));
          wrote = true;
          break;
        }
        case 'quote':
          this.quote(u.block, s, `${base}_text-n${++texts}`);
          wrote = true;
          break;
        case 'list':
          this.list(s);
          wrote = true;
          break;
        case 'table':
          this.table(u.block, s.table, `${base}_tabelle-n${++tables}`);
          wrote = true;
          break;
        case 'unit':
          this.warnings.push(`${u.address || u.label}: ${s.unit.label || s.unit.kind} an dieser Stelle nicht darstellbar; ausgelassen`);
          break;
      }
    }
    if (!wrote) this.leaf('p', `${base}_text-n1`, '');
  }

  private quote(block: Block, s: Extract<Segment, { type: 'quote' }>, eId: string): void {
    const q = quoteLines(block, s.part);
    this.open('p', eId);
    const mod = `${eId}_ändbefehl-n1`;
    const lead = s.lead ? `${this.partInline(block, s.lead, mod)} ` : '';
    if (!q) {
      // not a balanced quotation („…“): its lines as text
      this.warnings.push(`Zeile ${block.startLine + s.part.line + 1}: Zitat ohne schließendes Anführungszeichen; als Text exportiert`);
      this.line(`${lead}${escapeXml(block.partText(s.part).replace(/\n/g, ' '))}`.trim());
      this.close('p');
      return;
    }
    if (q.close !== '“') this.warnings.push(`Zeile ${block.startLine + s.part.endLine + 1}: schließendes Anführungszeichen „${q.close}“ als „““ exportiert`);
    this.open('mod', mod);
    if (lead) this.line(lead.trimEnd());
    const qs = `${mod}_quotstruct-n1`;
    this.open('quotedStructure', qs, { startQuote: '„', endQuote: '“' });
    q.lines.forEach((l, i) => this.leaf('p', `${qs}_text-n${i + 1}`, escapeXml(l.text)));
    this.close('quotedStructure');
    if (q.after.trim()) this.line(escapeXml(q.after.trim()));
    this.close('mod');
    this.close('p');
  }

  private list(s: Extract<Segment, { type: 'list' }>): void {
    const first = s.items[0];
    const id = this.mid(first, listEId(first));
    this.open('blockList', id);
    if (s.intro) {
      const e = `${id}_listeneing-n1`;
      const owner = first.parent;
      const cmds = owner ? this.commands.get(owner) : undefined;
      const artikel = owner?.kind === 'absatz' ? owner.parent : undefined;
      const amending = artikel ? this.amending.get(artikel) : undefined;
      if (cmds && cmds[0].span.line === s.intro.line && cmds[0].span.block === first.block) {
        // a command that also introduces sub-commands („Der bisherige Absatz 2 wird Absatz 3 und wird wie folgt geändert:“)
        this.inlineWithStructure(`<akn:listIntroduction${attrs({ eId: e, GUID: this.guid(e) })}>`, () => this.modInline(first.block, s.intro as TextPart, undefined, cmds, e), '</akn:listIntroduction>');
      } else if (amending?.eingang && amending.target.eli && amending.eingang.line === s.intro.line && amending.eingang.block === first.block) {
        this.leaf('listIntroduction', e, this.eingangssatz(first.block, s.intro, amending.target.eli, e));
      } else this.leaf('listIntroduction', e, this.partInline(first.block, s.intro, e));
    }
    for (const it of s.items) this.item(it);
    if (s.wrapUp) {
      const e = `${id}_listenschl-n1`;
      this.leaf('listWrapUp', e, this.partInline(first.block, s.wrapUp, e));
    }
    this.close('blockList');
  }

  // --- Änderungsbefehle --------------------------------------------------------------------------------

  /** The Eingangssatz with the amended law as `akn:affectedDocument` („Das <Gesetz vom … (BGBl. I S. …)> wird wie folgt geändert:“). */
  private eingangssatz(block: Block, part: TextPart, eli: string, container: string): string {
    const text = block.lines[part.line].slice(part.start, part.end);
    const m = /^((?:Das|Die|Der)\s+)(.*?\((?:BGBl|GVBl|GBl|ABl)\.[^)]*\))/u.exec(text);
    if (!m) return this.partInline(block, part, container);
    const from = part.start + m[1].length;
    const to = from + m[2].length;
    const e = `${container}_bezugsdoc-n1`;
    return `${escapeXml(m[1])}<akn:affectedDocument${attrs({ eId: e, GUID: this.guid(e), href: eli })}>${escapeXml(m[2])}</akn:affectedDocument>${this.inline(block, part.line, to, part.end, container)}`;
  }

  /** A command (its sentence and quotation) as `akn:p` with one `akn:mod`. */
  private commandP(block: Block, sentence: TextPart, content: TextPart | undefined, cmds: Command[], eId: string): void {
    this.open('p', eId);
    this.inlineWithStructure('', () => this.modInline(block, sentence, content, cmds, eId), '');
    this.close('p');
  }

  /** A line of inline XML whose quoted structure (see {@link QS_MARK}) is written on lines of its own. */
  private inlineWithStructure(open: string, inner: () => string, close: string): void {
    const at = this.out.length;
    const text = inner();
    const lines = this.out.splice(at);
    if (!text.includes(QS_MARK)) {
      this.line(`${open}${text}${close}`);
      return;
    }
    const [head, tail] = text.split(QS_MARK);
    this.line(`${open}${head}`);
    this.out.push(...lines);
    this.line(`${tail}${close}`);
  }

  /**
   * The `akn:mod` of a command: the sentence with the changed unit as
   * `akn:ref`, old and new words as `akn:quotedText`, the new wording after
   * it as `akn:quotedText` (on the command's line) or `akn:quotedStructure`
   * (on lines of its own; units as LegalDocML.de elements).
   * A quoted structure is written to the output lines; its place in the
   * returned text is marked with {@link QS_MARK}.
   */
  private modInline(block: Block, sentencePart: TextPart, contentPart: TextPart | undefined, cmds: Command[], container: string): string {
    const cmd = cmds[0];
    const target = this.amendTarget.get(cmd) as AmendTarget;
    const mod = `${container}_ändbefehl-n1`;
    for (const c of cmds) this.textualMods.push({ mod, command: c, target });
    const line = block.lines[sentencePart.line];
    const span = cmd.span;
    const sentence = line.slice(span.start, span.end);
    let quoted = 0;
    const quotedText = (text: string): string => {
      const e = `${mod}_quottext-n${++quoted}`;
      return `<akn:quotedText${attrs({ eId: e, GUID: this.guid(e), startQuote: '„', endQuote: '“' })}>${escapeXml(text)}</akn:quotedText>`;
    };
    // the sentence: its path as akn:ref, its quotations as akn:quotedText
    const dest = this.destinations(cmd, target)[0];
    const ref = (inner: string): string => {
      const e = `${mod}_ref-n1`;
      const a = attrs({ eId: e, GUID: this.guid(e), href: dest ? dest.href : this.lawHref(target) });
      return inner ? `<akn:ref${a}>${escapeXml(inner)}</akn:ref>` : `<akn:ref${a}/>`;
    };
    const marks: { start: number; end: number; xml: () => string }[] = [];
    const path = pathSpan(sentence);
    if (path) marks.push({ start: path.start, end: path.end, xml: () => ref(sentence.slice(path.start, path.end)) });
    for (const q of quotations(sentence)) marks.push({ start: q.start - 1, end: q.end + 1, xml: () => quotedText(sentence.slice(q.start, q.end)) });
    marks.sort((a, b) => a.start - b.start);
    let out = path ? '' : ref('');
    let pos = 0;
    for (const m of marks) {
      if (m.start < pos) continue;
      out += escapeXml(sentence.slice(pos, m.start)) + m.xml();
      pos = m.end;
    }
    out += escapeXml(sentence.slice(pos));
    // the quotation: on the same line after the sentence, or the next text part
    const sameLine = contentPart === undefined ? line.slice(span.end, sentencePart.end) : '';
    let raw: string[] | undefined;
    if (contentPart) {
      raw = [];
      for (let l = contentPart.line; l <= contentPart.endLine; l++) {
        const tok = block.tokens[l];
        raw.push(block.lines[l].slice(l === contentPart.line ? contentPart.start : tok.indent, l === contentPart.endLine ? contentPart.end : tok.end));
      }
    } else if (sameLine.trim()) raw = [sameLine];
    if (raw) {
      const lead = raw[0].length - raw[0].trimStart().length;
      raw[0] = raw[0].slice(lead);
      out += sameLine ? sameLine.slice(0, lead) : ' ';
      const joined = raw.join('\n');
      const q = quotations(joined)[0];
      if (!q || q.start !== 1 || !cmd.content) out += escapeXml(joined.replace(/\n\s*/g, ' '));
      else {
        // on the command's line: akn:quotedText (as the sample writes „Folgende Nummer 17 wird angefügt: „17. …““);
        // on lines of its own: akn:quotedStructure, so that the layout comes back on import
        const after = joined.slice(q.end + 1).trim();
        if (sameLine) out += quotedText(joined.slice(q.start, q.end));
        else out += this.quotedStructure(cmd.content, `${mod}_quotstruct-n1`, cmd.target[0]?.kind === 'inhaltsuebersicht');
        out += escapeXml(after);
      }
    }
    return `<akn:mod${attrs({ eId: mod, GUID: this.guid(mod), refersTo: changeType(cmd.verb).refersTo })}>${out}</akn:mod>`;
  }

  /** A quoted structure: the new units as LegalDocML.de elements (article, paragraph, point; other text as akn:p), written to the output lines. */
  private quotedStructure(content: string[], qs: string, entries = false): string {
    const saved = this.frag;
    const depth = this.depth;
    this.depth++;
    this.open('quotedStructure', qs, { startQuote: '„', endQuote: '“' });
    // Angaben of the Inhaltsübersicht („§ 23a Elektronische Anmeldung“) are lines of text, not §§
    const kind = entries ? 'text' : fragmentKind(content[0] ?? '');
    let wrote = false;
    if (kind === 'norm') {
      const m = new FragmentModel(new NormaDocument('norma:zitat', content.join('\n')));
      const units = m.root.children.filter((c) => GLIEDERUNG_KINDS.has(c.kind) || NORM_KINDS.has(c.kind));
      this.frag = { strip: '\u0000', prefix: qs };
      for (const u of units) this.bodyUnit(u);
      wrote = units.length > 0;
    } else if (kind === 'absatz') {
      const m = new FragmentModel(new NormaDocument('norma:zitat', ['§ 1 X', ...content].join('\n')));
      const norm = m.norms[0];
      const abs = norm ? norm.children.filter((c) => c.kind === 'absatz' && !c.implicit) : [];
      if (norm) this.frag = { strip: `${unitEId(norm)}_`, prefix: qs };
      for (const a of abs) this.absatz(a);
      wrote = abs.length > 0;
    } else if (kind === 'item') {
      const marker = content[0].trim().split(/\s/)[0];
      const wrap = /^([a-z])\1\)$/.test(marker) ? ['(1) X', 'a) X'] : /^([a-z])\1\1\)$/.test(marker) ? ['(1) X', 'a) X', 'aa) X'] : ['(1) X'];
      const m = new FragmentModel(new NormaDocument('norma:zitat', ['§ 1 X', ...wrap, ...content].join('\n')));
      let u: Unit | undefined = m.norms[0]?.children.find((c) => c.kind === 'absatz');
      for (let i = 1; i < wrap.length && u; i++) u = u.children[0];
      const items = u ? u.children.filter((c) => ITEM_KINDS.has(c.kind)) : [];
      if (items.length) {
        this.frag = { strip: `${mapEId(items[0], listEId(items[0]))}_`, prefix: qs };
        for (const it of items) this.point(it);
        wrote = true;
      }
    }
    this.frag = saved;
    if (!wrote) (content.length ? content : ['']).forEach((l, i) => this.leaf('p', `${qs}_text-n${i + 1}`, escapeXml(l.trim())));
    this.close('quotedStructure');
    this.depth = depth;
    return QS_MARK;
  }

  /** A list item in a quoted structure (`akn:point`, as in the Mantelform). */
  private point(u: Unit): void {
    const id = this.uid(u);
    this.open('point', id);
    this.leaf('num', `${id}_bezeichnung-n1`, escapeXml(u.label));
    this.open('content', `${id}_inhalt-n1`);
    this.content(u, `${id}_inhalt-n1`);
    this.close('content');
    this.close('point');
  }

  /** The amended law as a whole (when a command's path names no unit). */
  private lawHref(target: AmendTarget): string {
    return target.eli ? `${target.eli}.xml` : '#';
  }

  /** Where a command lands in the amended law: `${eli}/${eId}.xml`, with `pos` and `upTo`. */
  private destinations(cmd: Command, target: AmendTarget): { href: string; pos?: string; upTo?: string }[] {
    const href = (eId: string): string => (target.eli ? `${target.eli}/${eId}.xml` : `${eId}.xml`);
    const side = cmd.side ?? cmd.words?.side;
    const pos = cmd.verb === 'anfuegen' ? 'end' : cmd.verb === 'voranstellen' ? 'start' : cmd.verb === 'einfuegen' ? (side === 'vor' ? 'before' : 'after') : undefined;
    const list = destinations(cmd.target, target.model, (u) => unitEId(u));
    if (!list.length) return [{ href: this.lawHref(target), pos }];
    return list.map((d) => ({ href: href(d.eId), pos, upTo: d.upTo ? href(d.upTo) : undefined }));
  }

  private item(u: Unit): void {
    const id = this.uid(u);
    this.open('item', id);
    this.leaf('num', `${id}_bezeichnung-n1`, escapeXml(u.label));
    this.content(u, id);
    this.close('item');
  }

  private table(block: Block, t: TablePart, id: string): void {
    let sep = t.rows.findIndex((r) => isSeparatorRow(block, r));
    if (sep === 0 || t.rows.length === 1) sep = -1;
    this.open('table', id);
    let r = 0;
    t.rows.forEach((row, i) => {
      if (i === sep) return;
      const tr = `${id}_tabellereihe-n${++r}`;
      this.open('tr', tr);
      const head = sep > 0 && i < sep;
      row.cells.forEach((c, k) => {
        const cell = `${tr}_${head ? 'tabellekopf' : 'tabelleinh'}-n${k + 1}`;
        this.open(head ? 'th' : 'td', cell);
        const raw = block.lines[row.line].slice(c.start, c.end);
        const p = `${cell}_text-n1`;
        this.leaf('p', p, raw.includes('\\|') ? escapeXml(cellText(block, row.line, c)) : this.inline(block, row.line, c.start, c.end, p));
        this.close(head ? 'th' : 'td');
      });
      this.close('tr');
    });
    this.close('table');
  }

  // --- the Hauptteil ---------------------------------------------------------------------------------------

  private heading(u: Unit, id: string): string {
    if (u.title === undefined || u.titleLine < 0) return '';
    return this.inline(u.block, u.titleLine, u.titleStart, u.titleEnd, id);
  }

  private gliederung(u: Unit): void {
    const el = GLIEDERUNG_ELEMENT[u.kind] ?? 'section';
    const id = this.uid(u);
    this.open(el, id);
    this.leaf('num', `${id}_bezeichnung-n1`, escapeXml(u.label));
    this.line(`<akn:heading${attrs({ eId: `${id}_überschrift-n1`, GUID: this.guid(`${id}_überschrift-n1`) })}>${this.heading(u, `${id}_überschrift-n1`)}</akn:heading>`);
    if (u.parts.some((p) => p.type !== 'unit' || !NORM_KINDS.has(p.unit.kind))) {
      this.warnings.push(`${u.label}: Text unter der Gliederungsüberschrift ist in LegalDocML.de nicht darstellbar; ausgelassen`);
    }
    for (const c of u.children) this.bodyUnit(c);
    this.close(el);
  }

  private bodyUnit(u: Unit): void {
    if (GLIEDERUNG_KINDS.has(u.kind)) this.gliederung(u);
    else if (NORM_KINDS.has(u.kind)) this.norm(u);
  }

  private norm(u: Unit): void {
    const id = this.uid(u);
    this.open('article', id, { period: '#meta-n1_geltzeiten-n1_geltungszeitgr-n1', refersTo: this.amending.has(u) ? 'hauptaenderung' : undefined });
    this.leaf('num', `${id}_bezeichnung-n1`, escapeXml(u.label));
    if (u.title !== undefined) this.leaf('heading', `${id}_überschrift-n1`, this.heading(u, `${id}_überschrift-n1`));
    const absaetze = u.children.filter((c) => c.kind === 'absatz');
    if (u.kind === 'bereich' || !absaetze.length) {
      // a range's text, or a § without any text: one paragraph without a number (LegalDocML.de requires one)
      const p = `${id}_abs-n1`;
      this.open('paragraph', p);
      this.leaf('num', `${p}_bezeichnung-n1`, '');
      this.open('content', `${p}_inhalt-n1`);
      this.content(u, `${p}_inhalt-n1`);
      this.close('content');
      this.close('paragraph');
    } else {
      for (const a of absaetze) this.absatz(a);
    }
    this.close('article');
  }

  private absatz(u: Unit): void {
    const id = this.uid(u);
    this.open('paragraph', id);
    this.leaf('num', `${id}_bezeichnung-n1`, escapeXml(u.implicit ? '' : u.label));
    this.open('content', `${id}_inhalt-n1`);
    this.content(u, `${id}_inhalt-n1`);
    this.close('content');
    this.close('paragraph');
  }

  private body(): void {
    const top = this.model.root.children.filter((c) => GLIEDERUNG_KINDS.has(c.kind) || NORM_KINDS.has(c.kind));
    this.open('body', 'hauptteil-n1');
    const element = (u: Unit): string => (NORM_KINDS.has(u.kind) ? 'article' : (GLIEDERUNG_ELEMENT[u.kind] ?? 'section'));
    const kinds = new Set(top.map(element));
    if (kinds.size <= 1) {
      for (const u of top) this.bodyUnit(u);
    } else {
      // the Hauptteil holds elements of one kind only: the others are wrapped in Gliederung units without number and heading
      const main = element(top.find((u) => GLIEDERUNG_KINDS.has(u.kind)) as Unit);
      const type = GLIEDERUNG_TYPE[main];
      let n = top.filter((u) => element(u) === main).length;
      this.warnings.push(
        `Hauptteil: LegalDocML.de erlaubt auf oberster Ebene nur Elemente einer Art; ${top.filter((u) => element(u) !== main).length} Einheit(en) in unbenannte Gliederungseinheiten (akn:${main}) eingebettet`,
      );
      for (let i = 0; i < top.length; ) {
        if (element(top[i]) === main) {
          this.bodyUnit(top[i++]);
          continue;
        }
        const wrap = `hauptteil-n1_${type}-n${++n}`;
        this.open(main, wrap);
        this.leaf('num', `${wrap}_bezeichnung-n1`, '');
        this.leaf('heading', `${wrap}_überschrift-n1`, '');
        while (i < top.length && element(top[i]) !== main) this.bodyUnit(top[i++]);
        this.close(main);
      }
    }
    this.close('body');
  }

  // --- Einleitung, Präambel, Schluss ------------------------------------------------------------------------

  private preface(): void {
    const fm = this.fm;
    this.open('preface', 'einleitung-n1');
    this.open('longTitle', 'einleitung-n1_doktitel-n1');
    const p = 'einleitung-n1_doktitel-n1_text-n1';
    const doc = `${p}_doctitel-n1`;
    let inner = `<akn:docTitle${attrs({ eId: doc, GUID: this.guid(doc) })}>${escapeXml(fm.titel ?? '')}</akn:docTitle>`;
    if (fm.kurztitel || fm.abkuerzung) {
      const st = `${p}_kurztitel-n1`;
      const abk = fm.abkuerzung
        ? `<akn:inline${attrs({ eId: `${st}_inline-n1`, GUID: this.guid(`${st}_inline-n1`), refersTo: 'amtliche-abkuerzung', name: UNDEFINIERT })}>${escapeXml(fm.abkuerzung)}</akn:inline>`
        : '';
      const text = fm.kurztitel && abk ? `${escapeXml(fm.kurztitel)} – ${abk}` : fm.kurztitel ? escapeXml(fm.kurztitel) : abk;
      inner += ` <akn:shortTitle${attrs({ eId: st, GUID: this.guid(st) })}>(${text})</akn:shortTitle>`;
    }
    this.leaf('p', p, inner);
    this.close('longTitle');
    if (fm.ausfertigung) {
      const b = 'einleitung-n1_block-n1';
      const d = `${b}_datum-n1`;
      const [y, m, day] = fm.ausfertigung.split('-');
      const months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
      const text = `Vom ${Number(day)}. ${months[Number(m) - 1] ?? m} ${y}`;
      this.leaf('block', b, `<akn:date${attrs({ eId: d, GUID: this.guid(d), refersTo: 'ausfertigung-datum', date: fm.ausfertigung })}>${escapeXml(text)}</akn:date>`, { name: UNDEFINIERT });
    }
    this.close('preface');
  }

  private preamble(): void {
    const m = this.model;
    const extra = m.root.children.filter((u) => (u.kind === 'eingangsformel' && u !== m.eingangsformel) || (u.kind === 'praeambel' && u !== m.praeambel) || (u.kind === 'inhaltsuebersicht' && u !== m.inhaltsuebersicht));
    for (const u of extra) this.warnings.push(`${u.label || u.kind}: nur die erste Eingangsformel, Präambel und Inhaltsübersicht werden exportiert`);
    // an Eingangsformel that holds only annotations has no text to export
    const formel = m.eingangsformel && m.eingangsformel.parts.length ? m.eingangsformel : undefined;
    if (!formel && !m.praeambel && !m.inhaltsuebersicht) return;
    this.open('preamble', 'präambel-n1');
    if (formel) {
      const id = 'präambel-n1_formel-n1';
      this.open('formula', id, { name: UNDEFINIERT, refersTo: 'eingangsformel' });
      this.content(formel, id);
      this.close('formula');
    }
    if (m.praeambel) {
      const id = unitEId(m.praeambel);
      this.open('recitals', id);
      this.leaf('heading', `${id}_überschrift-n1`, escapeXml(m.praeambel.label || 'Präambel'));
      const r = `${id}_präambelinh-n1`;
      this.open('recital', r);
      this.content(m.praeambel, r);
      this.close('recital');
      this.close('recitals');
    }
    if (m.inhaltsuebersicht) this.toc(m.inhaltsuebersicht);
    this.close('preamble');
  }

  private toc(u: Unit): void {
    const bc = TOC_EID;
    this.open('blockContainer', bc, { refersTo: 'inhaltsuebersicht' });
    this.leaf('heading', `${bc}_überschrift-n1`, escapeXml(u.label || 'Inhaltsübersicht'));
    const entries = u.toc ?? [];
    const id = `${bc}_inhuebs-n1`;
    if (!entries.length) {
      this.warnings.push('Inhaltsübersicht ohne Einträge: mit einem Eintrag „Inhaltsübersicht“ exportiert (LegalDocML.de verlangt mindestens einen)');
    }
    this.open('toc', id);
    const indents = [...new Set(entries.map((e) => e.indent))].sort((a, b) => a - b);
    const norms = new Map<string, Unit>();
    for (const n of this.model.norms) if (n.num && !norms.has(`${n.kind}:${n.num}`)) norms.set(`${n.kind}:${n.num}`, n);
    const list = entries.length ? entries : [{ line: u.markerLine, indent: 0, text: u.label || 'Inhaltsübersicht', start: 0, end: 0 }];
    list.forEach((e, i) => {
      const item = `${id}_eintrag-n${i + 1}`;
      const text = e.text.replace(/\s+/g, ' ').trim();
      const m = /^(§§?\s*\d+[a-z]{0,2}(?:\s+(?:bis|und)\s+\d+[a-z]{0,2})?|(?:Artikel|Art\.)\s*\d+[a-z]{0,2}(?:\s+(?:bis|und)\s+\d+[a-z]{0,2})?|(?:Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel|Anlage|Anhang)\s+[0-9IVXLC]+[a-zA-Z]{0,2}\.?|[IVX]+\s?[a-z]?\.)\s+(\S.*)$/.exec(text);
      const spans = m ? [m[1], m[2]] : [text];
      const single = /^(§|Artikel|Art\.)\s*(\d+[a-z]{0,2})$/.exec(spans[0]);
      const target = single ? norms.get(`${single[1] === '§' ? 'paragraph' : 'artikel'}:${single[2]}`) : undefined;
      const inner = spans.map((s, k) => `<akn:span${attrs({ eId: `${item}_span-n${k + 1}`, GUID: this.guid(`${item}_span-n${k + 1}`) })}>${escapeXml(s)}</akn:span>`).join('');
      this.leaf('tocItem', item, inner, { href: target ? `#${unitEId(target)}` : '#', level: String(Math.max(0, indents.indexOf(e.indent))) });
    });
    this.close('toc');
    this.close('blockContainer');
  }

  private conclusions(): void {
    const s = this.model.schlussformel;
    for (const u of this.model.root.children) if (u.kind === 'schlussformel' && u !== s) this.warnings.push('Nur die erste Schlussformel wird exportiert');
    if (!s) return;
    this.open('conclusions', 'schluss-n1');
    const id = 'schluss-n1_formel-n1';
    this.open('formula', id, { name: UNDEFINIERT, refersTo: 'schlussformel' });
    this.content(s, id);
    this.close('formula');
    this.close('conclusions');
  }

  private attachments(): void {
    const list = this.model.anlagen;
    if (!list.length) return;
    this.open('attachments', 'anlagen-n1');
    list.forEach((a, i) => {
      const at = `anlagen-n1_anlage-n${i + 1}`;
      this.open('attachment', at);
      const ref = `${at}_verweis-n1`;
      this.leaf('documentRef', ref, '', { href: this.anlageHref.get(a), showAs: `${DOCTYPE}/anlage-regelungstext` });
      this.close('attachment');
    });
    this.close('attachments');
  }

  // --- metadata ------------------------------------------------------------------------------------------------

  private identification(subtype: string): void {
    const { work, expression, number } = this.eli;
    const id = 'meta-n1_ident-n1';
    this.open('identification', id, { source: UNDEFINIERT });
    const w = `${id}_frbrwork-n1`;
    this.open('FRBRWork', w);
    this.leaf('FRBRthis', `${w}_frbrthis-n1`, '', { value: `${work}/${subtype}` });
    this.leaf('FRBRuri', `${w}_frbruri-n1`, '', { value: work });
    this.leaf('FRBRalias', `${w}_frbralias-n1`, '', { name: 'übergreifende-id', value: uuidV5(`${this.key}|work`, GUID_NS) });
    this.leaf('FRBRdate', `${w}_frbrdate-n1`, '', { name: 'erstellungsdatum', date: this.date });
    this.leaf('FRBRauthor', `${w}_frbrauthor-n1`, '', { href: 'recht.bund.de/institution/bundesregierung' });
    this.leaf('FRBRcountry', `${w}_frbrcountry-n1`, '', { value: 'de' });
    this.leaf('FRBRnumber', `${w}_frbrnumber-n1`, '', { value: number });
    this.leaf('FRBRname', `${w}_frbrname-n1`, '', { value: 'regelungsentwurf' });
    this.leaf('FRBRsubtype', `${w}_frbrsubtype-n1`, '', { value: subtype });
    this.close('FRBRWork');
    const e = `${id}_frbrexpression-n1`;
    this.open('FRBRExpression', e);
    this.leaf('FRBRthis', `${e}_frbrthis-n1`, '', { value: `${expression}/${subtype}` });
    this.leaf('FRBRuri', `${e}_frbruri-n1`, '', { value: expression });
    this.leaf('FRBRalias', `${e}_frbralias-n1`, '', { name: 'aktuelle-version-id', value: uuidV5(`${this.key}|${this.date}|expression`, GUID_NS) });
    this.leaf('FRBRauthor', `${e}_frbrauthor-n1`, '', { href: 'recht.bund.de/institution/bundesregierung' });
    this.leaf('FRBRdate', `${e}_frbrdate-n1`, '', { name: 'version', date: this.date });
    this.leaf('FRBRlanguage', `${e}_frbrlanguage-n1`, '', { language: 'deu' });
    this.leaf('FRBRversionNumber', `${e}_frbrversionnumber-n1`, '', { value: '1' });
    this.close('FRBRExpression');
    const m = `${id}_frbrmanifestation-n1`;
    this.open('FRBRManifestation', m);
    this.leaf('FRBRthis', `${m}_frbrthis-n1`, '', { value: `${expression}/${subtype}.xml` });
    this.leaf('FRBRuri', `${m}_frbruri-n1`, '', { value: `${expression}/${subtype}.xml` });
    this.leaf('FRBRdate', `${m}_frbrdate-n1`, '', { name: 'generierung', date: this.date });
    this.leaf('FRBRauthor', `${m}_frbrauthor-n1`, '', { href: 'recht.bund.de' });
    this.leaf('FRBRformat', `${m}_frbrformat-n1`, '', { value: 'xml' });
    this.close('FRBRManifestation');
    this.close('identification');
  }

  private meta(): void {
    this.open('meta', 'meta-n1');
    this.identification('regelungstext-entwurf-1');
    const lz = 'meta-n1_lebzykl-n1';
    this.open('lifecycle', lz, { source: UNDEFINIERT });
    const aus = this.fm.ausfertigung;
    this.leaf('eventRef', `${lz}_ereignis-n1`, '', { date: aus ?? this.date, refersTo: aus ? 'ausfertigung' : 'ausfertigung-mit-noch-unbekanntem-datum', type: 'generation', source: UNDEFINIERT });
    this.close('lifecycle');
    this.analysis();
    const gz = 'meta-n1_geltzeiten-n1';
    this.open('temporalData', gz, { source: UNDEFINIERT });
    this.open('temporalGroup', `${gz}_geltungszeitgr-n1`);
    this.leaf('timeInterval', `${gz}_geltungszeitgr-n1_gelzeitintervall-n1`, '', { refersTo: 'geltungszeit', start: `#${lz}_ereignis-n1` });
    this.close('temporalGroup');
    this.close('temporalData');
    const typ = this.model.context.typ;
    this.open('proprietary', 'meta-n1_proprietary-n1', { source: UNDEFINIERT });
    this.line(`<regtxt:legalDocML.de_metadaten xmlns:regtxt="${REGTXT_NS}">`);
    this.line(`  <regtxt:typ>${typ === 'verordnung' ? 'verordnung' : 'gesetz'}</regtxt:typ>`);
    this.line(`  <regtxt:form>${typ === 'aenderungsgesetz' ? 'mantelform' : 'stammform'}</regtxt:form>`);
    this.line('</regtxt:legalDocML.de_metadaten>');
    this.close('proprietary');
    this.close('meta');
  }

  /** The Änderungsbefehle in the metadata: one `akn:textualMod` per command, its source the `akn:mod`, its destination the changed unit. */
  private analysis(): void {
    if (!this.textualMods.length) return;
    const an = 'meta-n1_analysis-n1';
    this.open('analysis', an, { source: UNDEFINIERT });
    const am = `${an}_activemod-n1`;
    this.open('activeModifications', am);
    this.textualMods.forEach((t, i) => {
      const tm = `${am}_textualmod-n${i + 1}`;
      this.open('textualMod', tm, { type: changeType(t.command.verb).type });
      this.leaf('source', `${tm}_source-n1`, '', { href: `#${t.mod}` });
      this.destinations(t.command, t.target).forEach((d, k) => this.leaf('destination', `${tm}_destination-n${k + 1}`, '', { href: d.href, pos: d.pos, upTo: d.upTo }));
      this.leaf('force', `${tm}_gelzeitnachw-n1`, '', { period: '#meta-n1_geltzeiten-n1_geltungszeitgr-n1' });
      this.close('textualMod');
    });
    this.close('activeModifications');
    this.close('analysis');
  }

  // --- documents ------------------------------------------------------------------------------------------------

  regelungstext(): string {
    this.guidScope = 'regelungstext';
    this.out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
    this.line(`<akn:akomaNtoso xmlns:akn="${LDML_NS}">`);
    this.depth++;
    this.line(`<akn:bill name="${DOCTYPE}/regelungstext-entwurf">`);
    this.depth++;
    // the text first: the metadata list the Änderungsbefehle written in it
    const at = this.out.length;
    this.preface();
    this.preamble();
    this.body();
    this.conclusions();
    this.attachments();
    const text = this.out.splice(at);
    this.meta();
    this.out.push(...text);
    this.depth--;
    this.line('</akn:bill>');
    this.depth--;
    this.line('</akn:akomaNtoso>');
    return this.take();
  }

  anlage(a: Unit, n: number): LegalDocMLDocument {
    this.guidScope = `anlage-${n}`;
    this.out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
    this.line(`<akn:akomaNtoso xmlns:akn="${LDML_NS}">`);
    this.depth++;
    this.line(`<akn:doc name="${DOCTYPE}/anlage-regelungstext">`);
    this.depth++;
    this.open('meta', 'meta-n1');
    this.identification(`anlage-regelungstext-${n}`);
    this.close('meta');
    // Einleitung: designation, reference („(zu § 3 Absatz 1)“) and title
    this.open('preface', 'einleitung-n1');
    const p = 'einleitung-n1_text-n1';
    const inl = (k: number, refersTo: string, inner: string): string =>
      `<akn:inline${attrs({ eId: `${p}_inline-n${k}`, GUID: this.guid(`${p}_inline-n${k}`), refersTo, name: UNDEFINIERT })}>${inner}</akn:inline>`;
    let inner = inl(1, 'anlageregelungstext-num', escapeXml(a.label));
    if (a.title !== undefined && a.titleLine >= 0) {
      const t = a.title;
      let cut = 0;
      let kind = 'anlageregelungstext-heading';
      if (t.startsWith('(')) {
        const close = t.indexOf(')');
        if (close > 0) cut = close + 1;
      } else if (/^zu\s/.test(t)) cut = t.length;
      const parts: { refersTo: string; from: number; to: number }[] = [];
      if (cut > 0) {
        kind = 'anlageregelungstext-bezug';
        parts.push({ refersTo: kind, from: 0, to: cut });
        const rest = t.slice(cut);
        const lead = rest.length - rest.trimStart().length;
        if (rest.trim()) parts.push({ refersTo: 'anlageregelungstext-heading', from: cut + lead, to: t.length });
      } else parts.push({ refersTo: kind, from: 0, to: t.length });
      parts.forEach((x, i) => {
        const eId = `${p}_inline-n${i + 2}`;
        inner += ` ${inl(i + 2, x.refersTo, this.inline(a.block, a.titleLine, a.titleStart + x.from, a.titleStart + x.to, eId))}`;
      });
    }
    this.leaf('p', p, inner);
    this.close('preface');
    this.open('mainBody', 'hauptteil-n1');
    this.content(a, unitEId(a));
    this.close('mainBody');
    this.depth--;
    this.line('</akn:doc>');
    this.depth--;
    this.line('</akn:akomaNtoso>');
    return { href: this.anlageHref.get(a) as string, eId: unitEId(a), xml: this.take() };
  }
}

/** The draft as a LegalDocML.de Regelungstext (Entwurfsfassung), with its Anlagen as documents of their own. */
export function exportLegalDocML(model: DocumentModel, options: LegalDocMLExportOptions = {}): LegalDocMLExport {
  const x = new Exporter(model, options);
  const xml = x.regelungstext();
  const anlagen = model.anlagen.map((a, i) => x.anlage(a, i + 1));
  return { xml, anlagen, warnings: x.warnings };
}
