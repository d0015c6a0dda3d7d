/**
 * The document model: the blocks' units assembled into the law's tree
 * (Gliederung › § / Artikel › Absatz › Nummer …), with the eIds that depend
 * on position among siblings (Gliederung) and the front matter's values.
 * Rebuilt after each edit in time linear in the number of blocks; the units
 * themselves come from the blocks' cached parses.
 */
import type { NormaDocument } from '../parser/document';
import type { Block, Directive } from '../parser/block';
import { assignEIds } from '../parser/block';
import type { RefContext } from '../refs';
import type { FrontMatterParse, FrontMatter } from '../parser/frontmatter';
import { FrontMatterSchema } from '../parser/frontmatter';
import { Unit, GLIEDERUNG_KINDS, EID_TYPE, NORM_KINDS, type Annotation } from './types';

export interface DocumentContext {
  typ: FrontMatter['typ'];
  fassung: FrontMatter['fassung'];
  ebene: FrontMatter['ebene'];
  land: string | undefined;
  abkuerzung: string | undefined;
  kurztitel: string | undefined;
  titel: string | undefined;
  /** Whether the draft has a front matter at all. */
  hasFrontMatter: boolean;
}

/** Built once: zod schema construction is costly and this runs on every keystroke. */
const PARTIAL_FRONT_MATTER = FrontMatterSchema.partial();

export class DocumentModel {
  readonly document: NormaDocument;
  readonly generation: number;
  readonly root: Unit;
  frontMatterBlock: Block | undefined;
  frontMatter: FrontMatterParse | undefined;
  readonly context: DocumentContext;
  /** § / Artikel / range units in document order. */
  readonly norms: Unit[] = [];
  /** Gliederung units in document order. */
  readonly gliederung: Unit[] = [];
  readonly anlagen: Unit[] = [];
  eingangsformel: Unit | undefined;
  praeambel: Unit | undefined;
  inhaltsuebersicht: Unit | undefined;
  schlussformel: Unit | undefined;
  /** Block heads in document order (every block except the front matter). */
  readonly heads: Unit[] = [];
  private _byEId: Map<string, Unit> | undefined;
  /** The workspace the document belongs to (other drafts and imported laws, known law names); set by the service. */
  workspace: RefContext | undefined = undefined;
  private readonly _directives: { block: Block; directive: Directive }[] = [];

  constructor(doc: NormaDocument) {
    this.document = doc;
    this.generation = doc.generation;
    const firstBlock = doc.blocks[0];
    // the root is a virtual unit owned by the first block (or a dummy block for an empty document)
    this.root = new Unit('dokument', firstBlock ?? (undefined as unknown as Block), 0);
    this.root.eId = 'hauptteil-n1';
    this.context = this.assemble();
  }

  private assemble(): DocumentContext {
    const stack: Unit[] = [];
    const counters = new Map<Unit, Map<string, number>>();
    const nextOrdinal = (parent: Unit, type: string): number => {
      let m = counters.get(parent);
      if (!m) counters.set(parent, (m = new Map()));
      const n = (m.get(type) ?? 0) + 1;
      m.set(type, n);
      return n;
    };
    const root = this.root;
    root.children = [];
    let unnumberedNorms = 0;
    let unnumberedAnlagen = 0;
    for (const block of this.document.blocks) {
      const p = block.parse;
      if (p.directives.length) for (const directive of p.directives) this._directives.push({ block, directive });
      if (p.kind === 'frontmatter') {
        if (!this.frontMatter) {
          this.frontMatter = p.frontMatter;
          this.frontMatterBlock = block;
        }
        continue;
      }
      const head = p.head;
      if (!head) continue;
      this.heads.push(head);
      if (GLIEDERUNG_KINDS.has(head.kind)) {
        // Nesting follows the document: a unit word already open on the current path closes
        // back to that level (a sibling); a word not open yet starts a deeper level. So the
        // BGB's "Untertitel › Kapitel" nests as written, although HdR4 orders Kapitel higher.
        // The BauGB's "Kapitel › Teil" likewise. Drafts whose order contradicts HdR4 Rn. 377 are told
        // so by the rule gliederung-ebenen.
        const at = stack.findIndex((g) => g.kind === head.kind);
        if (at >= 0) stack.length = at;
        const parent = stack.length ? stack[stack.length - 1] : root;
        head.parent = parent;
        head.children = [];
        head.lastBlock = block;
        const type = EID_TYPE[head.kind] ?? 'abschnitt';
        head.eId = `${parent.eId}_${type}-n${nextOrdinal(parent, type)}`;
        // list items in text below the heading (a syntax error, but they keep addresses)
        if (head.parts.length) assignEIds(head);
        parent.children.push(head);
        for (const g of stack) g.lastBlock = block;
        stack.push(head);
        this.gliederung.push(head);
        continue;
      }
      if (NORM_KINDS.has(head.kind)) {
        // a § without a number (a syntax error) still gets an address of its own
        if (!head.num) rebaseEId(block, head, `art-n${++unnumberedNorms}`);
        const parent = stack.length ? stack[stack.length - 1] : root;
        head.parent = parent;
        parent.children.push(head);
        for (const g of stack) g.lastBlock = block;
        this.norms.push(head);
        continue;
      }
      // blocks outside the Gliederung
      stack.length = 0;
      head.parent = root;
      switch (head.kind) {
        case 'anlage':
          // unnumbered Anlagen ("Anlage (zu § 28)", "Anlage (zu § 34)") are counted: anlage-n1, anlage-n2
          if (!head.num) rebaseEId(block, head, `anlage-n${++unnumberedAnlagen}`);
          this.anlagen.push(head);
          root.children.push(head);
          break;
        case 'eingangsformel':
          if (head.implicit && head.parts.length === 0 && head.annotations.length === 0) {
            this.heads.pop();
            break;
          }
          this.eingangsformel ??= head;
          root.children.push(head);
          break;
        case 'praeambel':
          this.praeambel ??= head;
          root.children.push(head);
          break;
        case 'inhaltsuebersicht':
          this.inhaltsuebersicht ??= head;
          root.children.push(head);
          break;
        case 'schlussformel':
          this.schlussformel ??= head;
          root.children.push(head);
          break;
        default:
          root.children.push(head);
      }
    }
    const values = this.frontMatter?.values ?? {};
    const parsed = PARTIAL_FRONT_MATTER.safeParse(values);
    const fm = parsed.success ? parsed.data : {};
    return {
      typ: fm.typ ?? 'stammgesetz',
      fassung: fm.fassung ?? 'entwurf',
      ebene: fm.ebene ?? 'bund',
      land: fm.land,
      abkuerzung: fm.abkuerzung,
      kurztitel: fm.kurztitel,
      titel: fm.titel,
      hasFrontMatter: this.frontMatter !== undefined,
    };
  }

  /** All units in document order: heads and everything below them (not an empty start block). */
  *units(): Iterable<Unit> {
    for (const block of this.document.blocks) {
      const p = block.parse;
      for (const u of p.units) {
        if (u.kind === 'eingangsformel' && u.implicit && !u.parts.length && !u.annotations.length) continue;
        yield u;
      }
    }
  }

  *annotations(): Iterable<Annotation> {
    for (const block of this.document.blocks) yield* block.parse.annotations;
  }

  /** Suppression directives with their blocks, in document order (collected while assembling). */
  directives(): readonly { block: Block; directive: Directive }[] {
    return this._directives;
  }

  /** Lookup by eId (built on first use). */
  byEId(eId: string): Unit | undefined {
    if (!this._byEId) {
      const m = new Map<string, Unit>();
      for (const u of this.units()) if (u.eId && !m.has(u.eId)) m.set(u.eId, u);
      this._byEId = m;
    }
    return this._byEId.get(eId);
  }

  /** The innermost unit whose range contains the position. */
  unitAt(line: number, character: number): Unit | undefined {
    const block = this.document.blockAtLine(line);
    if (!block) return undefined;
    const rl = line - block.startLine;
    let best: Unit | undefined;
    for (const u of block.parse.units) {
      if (u.kind === 'dokument') continue;
      const after = rl > u.sl || (rl === u.sl && character >= u.sc);
      const before = rl < u.el || (rl === u.el && character <= u.ec);
      if (after && before) best = u; // units are in document order: the last containing one is innermost
    }
    return best;
  }

  /** The § or Artikel containing a unit. */
  static normOf(u: Unit): Unit | undefined {
    for (let x: Unit | undefined = u; x; x = x.parent) if (NORM_KINDS.has(x.kind)) return x;
    return undefined;
  }
}

/** Give a block's head a new eId and move its descendants' eIds along (idempotent). */
function rebaseEId(block: Block, head: Unit, eId: string): void {
  const old = head.eId;
  if (old === eId) return;
  for (const u of block.parse.units) {
    if (u === head) u.eId = eId;
    else if (u.eId.startsWith(`${old}_`)) u.eId = eId + u.eId.slice(old.length);
  }
}
