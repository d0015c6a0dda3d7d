/**
 * The document model: units of a law with exact ranges and eIds.
 *
 * Units are owned by the block they were parsed from and store positions
 * relative to that block. Absolute LSP positions (0-based line, UTF-16
 * character) are computed on access from the block's current start line, so
 * a block that moves because of an edit above it keeps its parse.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Block } from '../parser/block';
import type { GliederungWord } from '../parser/lexer';

/** Identifiers of the unit kinds (see the glossary in docs/language.md). */
export type UnitKind =
  | 'dokument'
  | 'eingangsformel'
  | 'praeambel'
  | 'inhaltsuebersicht'
  | 'schlussformel'
  | 'buch'
  | 'teil'
  | 'kapitel'
  | 'unterkapitel'
  | 'abschnitt'
  | 'unterabschnitt'
  | 'titel'
  | 'untertitel'
  | 'paragraph'
  | 'artikel'
  | 'bereich'
  | 'anlage'
  | 'absatz'
  | 'nummer'
  | 'buchstabe'
  | 'doppelbuchstabe'
  | 'dreifachbuchstabe'
  | 'anstrich';

export const GLIEDERUNG_KIND: Record<GliederungWord, UnitKind> = {
  Buch: 'buch',
  Teil: 'teil',
  Kapitel: 'kapitel',
  Unterkapitel: 'unterkapitel',
  Abschnitt: 'abschnitt',
  Unterabschnitt: 'unterabschnitt',
  Titel: 'titel',
  Untertitel: 'untertitel',
};

export const GLIEDERUNG_LEVEL: Partial<Record<UnitKind, number>> = {
  buch: 1,
  teil: 2,
  kapitel: 3,
  unterkapitel: 4,
  abschnitt: 5,
  unterabschnitt: 6,
  titel: 7,
  untertitel: 8,
};

/** LegalDocML.de eId type names. */
export const EID_TYPE: Partial<Record<UnitKind, string>> = {
  buch: 'buch',
  teil: 'teil',
  kapitel: 'kapitel',
  unterkapitel: 'ukapitel',
  abschnitt: 'abschnitt',
  unterabschnitt: 'uabschnitt',
  titel: 'titel',
  untertitel: 'utitel',
  paragraph: 'art',
  artikel: 'art',
  bereich: 'art',
  absatz: 'abs',
  anlage: 'anlage',
  eingangsformel: 'formel',
  praeambel: 'präambel',
  inhaltsuebersicht: 'inhuebs',
  schlussformel: 'schluss',
};

export const ITEM_KINDS: ReadonlySet<UnitKind> = new Set(['nummer', 'buchstabe', 'doppelbuchstabe', 'dreifachbuchstabe', 'anstrich']);
export const NORM_KINDS: ReadonlySet<UnitKind> = new Set(['paragraph', 'artikel', 'bereich']);
export const GLIEDERUNG_KINDS: ReadonlySet<UnitKind> = new Set(Object.keys(GLIEDERUNG_LEVEL) as UnitKind[]);

/** Relative position inside a block: line offset from the block's first line, UTF-16 character. */
export interface RelPos {
  line: number;
  character: number;
}

/** A stretch of the unit's own text (not the text of its sub-units). */
export interface TextPart {
  /** First and last line (relative); a quoted structure can span several lines. */
  line: number;
  endLine: number;
  start: number;
  end: number;
  /** Role in the unit: the text on the marker line, text before a list, text after a list. */
  role: 'text' | 'after-list';
}

export interface TablePart {
  line: number;
  endLine: number;
  /** Cells per row, each with its column range (relative). */
  rows: { line: number; cells: { start: number; end: number }[] }[];
}

export interface AnnotationEntry {
  key: string;
  value: string;
  line: number;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface Annotation {
  name: string;
  /** Text after the name on the `@` line. */
  label: string;
  line: number;
  nameStart: number;
  nameEnd: number;
  labelStart: number;
  labelEnd: number;
  endLine: number;
  entries: AnnotationEntry[];
  block: Block;
  unit: Unit;
}

export interface TocEntry {
  line: number;
  indent: number;
  text: string;
  start: number;
  end: number;
}

export interface Satz {
  num: number;
  start: RelPos;
  end: RelPos;
}

export type Part = { type: 'text'; text: TextPart } | { type: 'unit'; unit: Unit } | { type: 'table'; table: TablePart };

export class Unit {
  kind: UnitKind;
  /** Designation without punctuation: `3a`, `1`, `a`, `aa`; undefined for unnumbered units. */
  num: string | undefined;
  /** Range units (§§ 3 bis 6): the last number and the conjunction. */
  numTo: string | undefined;
  rangeConj: 'bis' | 'und' | undefined;
  /** The marker as written: `§ 3a`, `(1)`, `1.`, `a)`, `Teil 2`. */
  label = '';
  title: string | undefined;
  repealed = false;
  /** Unit without its own marker (text of a § without Absätze). */
  implicit = false;
  eId = '';
  parent: Unit | undefined;
  children: Unit[] = [];
  parts: Part[] = [];
  annotations: Annotation[] = [];
  toc: TocEntry[] | undefined;
  /** Indentation of the marker line. */
  indent = 0;
  block: Block;
  // relative coordinates
  sl = 0;
  sc = 0;
  el = 0;
  ec = 0;
  /** Marker and title ranges on their lines (relative). */
  markerLine = 0;
  markerStart = 0;
  markerEnd = 0;
  titleLine = -1;
  titleStart = 0;
  titleEnd = 0;
  /** Gliederung: how the number was written. */
  numberStyle: 'arabic' | 'ordinal' | 'roman' | 'bare-roman' | undefined;
  /** Gliederung units: the last block they span (set when the document model is assembled). */
  lastBlock: Block | undefined;
  private _saetze: Satz[] | undefined;

  constructor(kind: UnitKind, block: Block, line: number) {
    this.kind = kind;
    this.block = block;
    this.sl = line;
    this.el = line;
    this.markerLine = line;
    this.num = undefined;
    this.numTo = undefined;
    this.rangeConj = undefined;
    this.title = undefined;
    this.parent = undefined;
    this.toc = undefined;
    this.numberStyle = undefined;
    this.lastBlock = undefined;
  }

  /** Absolute range of the whole unit. */
  get range(): Range {
    const b = this.block.startLine;
    if (this.lastBlock && this.lastBlock !== this.block) {
      const lb = this.lastBlock;
      const end = lb.contentEnd();
      return { start: { line: b + this.sl, character: this.sc }, end: { line: lb.startLine + end.line, character: end.character } };
    }
    return { start: { line: b + this.sl, character: this.sc }, end: { line: b + this.el, character: this.ec } };
  }

  /** Absolute range of the marker (`§ 3`, `(2)`, `1.`). */
  get markerRange(): Range {
    const l = this.block.startLine + this.markerLine;
    return { start: { line: l, character: this.markerStart }, end: { line: l, character: this.markerEnd } };
  }

  /** Absolute range of the heading title, if any. */
  get titleRange(): Range | undefined {
    if (this.titleLine < 0) return undefined;
    const l = this.block.startLine + this.titleLine;
    return { start: { line: l, character: this.titleStart }, end: { line: l, character: this.titleEnd } };
  }

  /** Absolute range of the heading line(s): marker and title. */
  get headingRange(): Range {
    const m = this.markerRange;
    const t = this.titleRange;
    return t ? { start: m.start, end: t.end } : m;
  }

  abs(p: RelPos): Position {
    return { line: this.block.startLine + p.line, character: p.character };
  }

  /** Own text parts in document order (the unit's text, not its sub-units'). */
  textParts(): TextPart[] {
    const out: TextPart[] = [];
    for (const p of this.parts) if (p.type === 'text') out.push(p.text);
    return out;
  }

  /** The unit's own text (marker line text and text after lists), joined by single spaces. */
  ownText(): string {
    return this.textParts()
      .map((t) => this.block.partText(t))
      .join(' ');
  }

  /** Sentences (Sätze) of the unit's own text, derived from punctuation. */
  get saetze(): Satz[] {
    if (!this._saetze) this._saetze = this.block.splitSentences(this);
    return this._saetze;
  }

  /** Human-readable address: `§ 3 Absatz 2 Nummer 1`. */
  get address(): string {
    const parts: string[] = [];
    for (let u: Unit | undefined = this; u; u = u.parent) {
      if (GLIEDERUNG_KINDS.has(u.kind) || u.kind === 'dokument') break;
      const w = unitWord(u);
      if (w) parts.unshift(w);
    }
    return parts.join(' ');
  }
}

export function unitWord(u: Unit): string | undefined {
  switch (u.kind) {
    case 'paragraph':
      return `§ ${u.num ?? ''}`.trim();
    case 'artikel':
      return `Artikel ${u.num ?? ''}`.trim();
    case 'bereich':
      return `${u.label}`;
    case 'absatz':
      return u.implicit ? undefined : `Absatz ${u.num}`;
    case 'nummer':
      return `Nummer ${u.num}`;
    case 'buchstabe':
      return `Buchstabe ${u.num}`;
    case 'doppelbuchstabe':
      return `Doppelbuchstabe ${u.num}`;
    case 'dreifachbuchstabe':
      return `Dreifachbuchstabe ${u.num}`;
    case 'anstrich':
      return 'Anstrich';
    case 'anlage':
      return u.label;
    default:
      return u.label || undefined;
  }
}

/** Localisable message: a key into the message catalogue and its arguments. */
export interface Message {
  key: string;
  args?: Record<string, string | number>;
}

export interface RelEdit {
  start: RelPos;
  end: RelPos;
  newText: string;
}

export interface Suggestion {
  title: Message;
  edits: RelEdit[];
}

/** A rule finding inside a block, positions relative to the block. */
export interface Finding {
  rule: string;
  message: Message;
  start: RelPos;
  end: RelPos;
  /** A safe fix: applied by `norma lint --fix` and "fix all". */
  fix?: RelEdit[];
  /** Further edits offered as quick fixes but never applied automatically. */
  suggestions?: Suggestion[];
}
