/**
 * The document model: the blocks' units assembled into the law's tree
 * (Gliederung › § / Artikel › Absatz › Nummer …), with the eIds that depend
 * on position among siblings (Gliederung) and the front matter's values.
 * Rebuilt after each edit in time linear in the number of blocks; the units
 * themselves come from the blocks' cached parses.
 */
import type { NormaDocument } from '../parser/document';
import type { Block, Directive } from '../parser/block';
import type { FrontMatterParse, FrontMatter } from '../parser/frontmatter';
import { FrontMatterSchema } from '../parser/frontmatter';
import { Unit, GLIEDERUNG_LEVEL, GLIEDERUNG_KINDS, EID_TYPE, NORM_KINDS, type Annotation } from './types';

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
    for (const block of this.document.blocks) {
      const p = block.parse;
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
        const level = GLIEDERUNG_LEVEL[head.kind] ?? 5;
        while (stack.length && (GLIEDERUNG_LEVEL[stack[stack.length - 1].kind] ?? 5) >= level) stack.pop();
        const parent = stack.length ? stack[stack.length - 1] : root;
        head.parent = parent;
        head.children = [];
        head.lastBlock = block;
        const type = EID_TYPE[head.kind] ?? 'abschnitt';
        head.eId = `${parent.eId}_${type}-n${nextOrdinal(parent, type)}`;
        parent.children.push(head);
        for (const g of stack) g.lastBlock = block;
        stack.push(head);
        this.gliederung.push(head);
        continue;
      }
      if (NORM_KINDS.has(head.kind)) {
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
    const parsed = FrontMatterSchema.partial().safeParse(values);
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

  /** All units in document order: heads and everything below them. */
  *units(): Iterable<Unit> {
    for (const block of this.document.blocks) {
      const p = block.parse;
      for (const u of p.units) yield u;
    }
  }

  *annotations(): Iterable<Annotation> {
    for (const block of this.document.blocks) yield* block.parse.annotations;
  }

  *directives(): Iterable<{ block: Block; directive: Directive }> {
    for (const block of this.document.blocks) for (const directive of block.parse.directives) yield { block, directive };
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
