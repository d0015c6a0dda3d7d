/**
 * Blocks and the block builder.
 *
 * A document is split into blocks at heading lines (§, Artikel, Gliederung,
 * Anlage, Präambel, Inhaltsübersicht) plus the front matter and the text
 * before the first heading. A block's parse depends on its text only, so a
 * block whose text did not change keeps its parse across edits; its units
 * store positions relative to the block's first line.
 */
import { Tok, type LineToken } from './lexer';
import { matchSkeleton, skeletonCode } from './grammar';
import {
  Unit,
  GLIEDERUNG_KIND,
  ITEM_KINDS,
  type Annotation,
  type Finding,
  type Part,
  type RelPos,
  type Satz,
  type TablePart,
  type TextPart,
  type UnitKind,
} from '../model/types';
import { parseFrontMatterLines, type FrontMatterParse } from './frontmatter';
import { parseAnnotationHead } from './annotations';
import { splitSentences } from './sentences';

export type BlockKind = 'frontmatter' | 'start' | 'norm' | 'range' | 'gliederung' | 'anlage' | 'keyword';

export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  line: number;
  /** Rule codes; undefined means every rule. */
  codes: string[] | undefined;
  start: number;
  end: number;
}

export interface BlockParse {
  kind: BlockKind;
  /** The block's main unit: the §, the Gliederung heading, the Anlage, … */
  head: Unit | undefined;
  /** Every unit of the block in document order (head first). */
  units: Unit[];
  annotations: Annotation[];
  frontMatter: FrontMatterParse | undefined;
  /** Syntax errors found while parsing (relative positions). */
  syntax: Finding[];
  directives: Directive[];
}

export class Block {
  /** The block's text including the line break of its last line (the document's last block may lack it). */
  readonly text: string;
  readonly lines: string[];
  readonly tokens: LineToken[];
  /** Absolute line of the first line; maintained by the document. */
  startLine = 0;
  /** Set when the block left its document (replaced by an edit): results that point into it are stale. */
  detached = false;
  private _parse: BlockParse | undefined;
  /** Rule findings cached for a context key (see rules/index.ts). */
  ruleCache: { key: string; findings: Finding[] } | undefined;
  /** Diagnostics converted for a (context, locale, config) key; see diagnostics.ts. */
  diagnostics: { key: string; startLine: number; list: unknown[] } | undefined;
  private _caches: Map<string, unknown> | undefined;

  /** Cache slots for later analyses (references, costs), created on first use; they live as long as the block. */
  get caches(): Map<string, unknown> {
    if (!this._caches) this._caches = new Map();
    return this._caches;
  }

  /** Per line (lazily): the memo slot of its text (see memoGet). */
  private _slots: (LineSlot | undefined)[] | undefined;
  /** Set by an edit: the lines and slots of the block it replaced (see inheritMemos). */
  private _pred: { lines: readonly string[]; slots: readonly (LineSlot | undefined)[] } | undefined;
  /** Lines of this block → lines of `_pred` with the same text (-1: none); computed on first use. */
  private _predLine: Int32Array | undefined;

  /**
   * Marks the block as made by an edit that replaced `old`: the memo slots
   * of its lines (or, when it was never analysed, of the block it replaced
   * in turn) serve this block's analyses. Only the lines and the slots are
   * kept, never the old block.
   */
  inheritMemos(old: Block | undefined): void {
    if (old?._slots) this._pred = { lines: old.lines, slots: old._slots };
    else this._pred = old?._pred ?? { lines: [], slots: [] };
  }

  /**
   * Whether the block keeps line memos: results that are a pure function of
   * one line's text and a variant the analysis names (with positions
   * relative to the line, never a block or unit). An edit of one line of a
   * long block (the Änderungsbefehle of an Artikel) finds the other lines'
   * results in the slots of the block it replaced, matched by the lines the
   * two blocks begin and end with. Only blocks made by an edit keep them (a
   * document just opened has nothing to reuse, and spends no memory on it).
   */
  get memoActive(): boolean {
    return this._pred !== undefined;
  }

  private slot(line: number, create: boolean): LineSlot | undefined {
    const pred = this._pred;
    if (!pred) return undefined;
    this._slots ??= new Array(this.lines.length);
    let s = this._slots[line];
    if (s) return s;
    if (!this._predLine) {
      // lines equal from the start, and from the end
      const map = new Int32Array(this.lines.length).fill(-1);
      const a = this.lines;
      const b = pred.lines;
      let p = 0;
      while (p < a.length && p < b.length && a[p] === b[p]) {
        map[p] = p;
        p++;
      }
      for (let i = a.length - 1, j = b.length - 1; i >= p && j >= p && a[i] === b[j]; i--, j--) map[i] = j;
      this._predLine = map;
    }
    const j = this._predLine[line];
    s = j >= 0 ? pred.slots[j] : undefined;
    if (!s && create) s = [];
    if (s) this._slots[line] = s;
    return s;
  }

  /** A line memo's result for the text of `line` (see memoActive): analysis `name`, variant (`tag`, `a`, `b`). */
  memoGet<T>(line: number, name: string, tag: string, a = 0, b = 0): T | undefined {
    const s = this.slot(line, false);
    if (s) for (const e of s) if (e.a === a && e.b === b && e.name === name && e.tag === tag) return e.value as T;
    return undefined;
  }

  memoSet<T>(line: number, name: string, tag: string, a: number, b: number, value: T): void {
    this.slot(line, true)?.push({ name, tag, a, b, value });
  }

  constructor(text: string, lines: string[], tokens: LineToken[]) {
    this.text = text;
    this.lines = lines;
    this.tokens = tokens;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  private _signature: string | undefined;
  /** The block's structure as citations see it: units, their numbers, repeal, number of Sätze. */
  structureSignature(): string {
    if (this._signature === undefined) {
      const out: string[] = [];
      for (const u of this.parse.units) out.push(`${u.kind}:${u.num ?? ''}:${u.numTo ?? ''}:${u.label}:${u.repealed ? 1 : 0}:${u.children.length}:${u.saetze.length}`);
      this._signature = out.join('|');
    }
    return this._signature;
  }

  get parse(): BlockParse {
    if (!this._parse) this._parse = buildBlock(this);
    return this._parse;
  }

  get isParsed(): boolean {
    return this._parse !== undefined;
  }

  /** Position after the last significant (non-blank, non-comment) line, relative. */
  contentEnd(): RelPos {
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const t = this.tokens[i];
      if (t.kind !== Tok.Blank && t.kind !== Tok.Comment) return { line: i, character: t.end };
    }
    return { line: 0, character: 0 };
  }

  /** Text of a text part (lines of a quoted structure joined with "\n"). */
  partText(t: TextPart): string {
    if (t.line === t.endLine) return this.lines[t.line].slice(t.start, t.end);
    const out = [this.lines[t.line].slice(t.start, this.tokens[t.line].end)];
    for (let l = t.line + 1; l < t.endLine; l++) out.push(this.lines[l].slice(this.tokens[l].indent, this.tokens[l].end));
    out.push(this.lines[t.endLine].slice(this.tokens[t.endLine].indent, t.end));
    return out.join('\n');
  }

  splitSentences(u: Unit): Satz[] {
    // a unit of one line of text (a numbered Änderungsbefehl): its Sätze are a function of that line
    const p = u.parts.length === 1 ? u.parts[0] : undefined;
    if (!this.memoActive || p?.type !== 'text' || p.text.line !== p.text.endLine) return splitSentences(this, u);
    const t = p.text;
    const hit = this.memoGet<number[]>(t.line, 'saetze', '', t.start, t.end);
    const out: Satz[] = [];
    if (hit) {
      for (let i = 0; i < hit.length; i += 2) out.push({ num: out.length + 1, start: { line: t.line, character: hit[i] }, end: { line: t.line, character: hit[i + 1] } });
      return out;
    }
    const saetze = splitSentences(this, u);
    const flat: number[] = [];
    for (const s of saetze) flat.push(s.start.character, s.end.character);
    this.memoSet(t.line, 'saetze', '', t.start, t.end, flat);
    return saetze;
  }
}

/** The memo entries of one line's text, shared by every block that has the line (see Block.memoGet). */
type LineSlot = { name: string; tag: string; a: number; b: number; value: unknown }[];

const OPEN_QUOTE = '„';

function canContain(container: Unit, kind: UnitKind): boolean {
  switch (container.kind) {
    case 'nummer':
      return kind === 'buchstabe' || kind === 'anstrich';
    case 'buchstabe':
      return kind === 'doppelbuchstabe' || kind === 'anstrich';
    case 'doppelbuchstabe':
      return kind === 'dreifachbuchstabe' || kind === 'anstrich';
    case 'dreifachbuchstabe':
      return kind === 'anstrich';
    case 'anstrich':
      return false;
    default:
      return kind === 'nummer' || kind === 'buchstabe' || kind === 'anstrich';
  }
}

const ITEM_BY_CHAR: Record<string, UnitKind> = {
  n: 'nummer',
  b: 'buchstabe',
  d: 'doppelbuchstabe',
  e: 'dreifachbuchstabe',
  s: 'anstrich',
};

const SYNTAX_KEY_BY_CHAR: Record<string, string> = {
  a: 'syntax.absatzOutsideNorm',
  n: 'syntax.itemMisplaced',
  b: 'syntax.itemMisplaced',
  d: 'syntax.doppelbuchstabeMisplaced',
  e: 'syntax.dreifachbuchstabeMisplaced',
  s: 'syntax.itemMisplaced',
  r: 'syntax.misplaced',
  '@': 'syntax.misplaced',
};

const WEGGEFALLEN = /^\(weggefallen\)\s*[.;,]?$/;

function rel(line: number, character: number): RelPos {
  return { line, character };
}

let posBuffer = new Int32Array(256);
let skBuffer = new Uint16Array(256);

function codesToString(codes: Uint16Array, n: number): string {
  if (n <= 4096) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return s;
}

function buildBlock(block: Block): BlockParse {
  const toks = block.tokens;
  const lines = block.lines;
  const result: BlockParse = {
    kind: 'start',
    head: undefined,
    units: [],
    annotations: [],
    frontMatter: undefined,
    syntax: [],
    directives: [],
  };

  // --- skeleton and grammar ------------------------------------------------
  let first = 0;
  while (first < toks.length && (toks[first].kind === Tok.Blank || toks[first].kind === Tok.Comment)) first++;
  const headTok = toks[first];
  const isHeadLine = headTok !== undefined && (headTok.kind >= Tok.HeadNorm || headTok.kind === Tok.FrontMatterDelimiter);
  // the skeleton's characters and each line's position in it, built in reused buffers
  if (posBuffer.length < toks.length) posBuffer = new Int32Array(Math.max(toks.length, posBuffer.length * 2));
  if (skBuffer.length < toks.length + 1) skBuffer = new Uint16Array(Math.max(toks.length + 1, skBuffer.length * 2));
  const posOfLine = posBuffer;
  let n = 0;
  if (!isHeadLine) skBuffer[n++] = 94; // ^
  for (let i = 0; i < toks.length; i++) {
    const c = skeletonCode(toks[i]);
    if (c === 0) {
      posOfLine[i] = -1;
      continue;
    }
    posOfLine[i] = n;
    skBuffer[n++] = c;
  }
  const sk = codesToString(skBuffer, n);
  const { accepted, errors } = matchSkeleton(sk);
  const lineOfPos = (p: number): number => {
    for (let i = 0; i < toks.length; i++) if (posOfLine[i] === p) return i;
    return 0;
  };
  for (const p of errors) {
    const line = lineOfPos(p);
    const t = toks[line];
    result.syntax.push({
      rule: 'syntax',
      message: { key: SYNTAX_KEY_BY_CHAR[sk[p]] ?? 'syntax.misplaced', args: { marker: lines[line].slice(t.indent, t.markerEnd) || lines[line].slice(t.indent, t.end) } },
      start: rel(line, t.indent),
      end: rel(line, t.markerEnd > t.indent ? t.markerEnd : t.end),
    });
  }
  for (let i = 0; i < toks.length; i++) {
    const e = toks[i].error;
    if (e) {
      result.syntax.push({
        rule: 'syntax',
        message: { key: `syntax.${e.kind}` },
        start: rel(i, e.start),
        end: rel(i, Math.max(e.end, e.start)),
      });
    }
    if (toks[i].commentStart >= 0) collectDirective(lines[i], toks[i].commentStart, i, result.directives);
  }

  // --- head -------------------------------------------------------------------
  const headChar = accepted[0];
  let head: Unit;
  let bodyStart: number;
  if (headChar === '-') {
    result.kind = 'frontmatter';
    result.frontMatter = parseFrontMatterLines(block, first);
    return result;
  }
  if (headChar === '^') {
    head = new Unit('eingangsformel', block, first < toks.length ? first : 0);
    head.implicit = true;
    head.eId = 'präambel-n1_formel-n1';
    result.kind = 'start';
    bodyStart = first;
    if (first < toks.length) head.sc = toks[first].indent;
  } else {
    head = makeHead(block, first, headTok);
    result.kind =
      headTok.kind === Tok.HeadNorm
        ? 'norm'
        : headTok.kind === Tok.HeadRange
          ? 'range'
          : headTok.kind === Tok.HeadGliederung
            ? 'gliederung'
            : headTok.kind === Tok.HeadAnlage
              ? 'anlage'
              : 'keyword';
    bodyStart = first + 1;
  }
  result.head = head;
  result.units.push(head);
  const isNorm = head.kind === 'paragraph' || head.kind === 'artikel';

  // --- body -------------------------------------------------------------------
  const stack: Unit[] = [head];
  let implicitAbsatz: Unit | undefined;
  let quotePart: TextPart | undefined;
  let table: { part: TablePart; owner: Unit } | undefined;
  let annotation: Annotation | undefined;
  let prevChar = '';
  /** The open units when the last line ending with ":" was read (annotations in between keep it). */
  let colonStack: Unit[] | undefined;

  const extend = (line: number, end: number): void => {
    for (const u of stack) {
      if (line > u.el || (line === u.el && end > u.ec)) {
        u.el = line;
        u.ec = end;
      }
    }
  };
  const popByIndent = (indent: number): void => {
    while (stack.length > 1 && ITEM_KINDS.has(stack[stack.length - 1].kind) && stack[stack.length - 1].indent >= indent) stack.pop();
  };
  const ensureAbsatz = (line: number, t: LineToken): Unit => {
    const top = stack[stack.length - 1];
    if (isNorm && top === head) {
      if (!implicitAbsatz) {
        implicitAbsatz = new Unit('absatz', block, line);
        implicitAbsatz.implicit = true;
        implicitAbsatz.sc = t.indent;
        implicitAbsatz.markerStart = t.indent;
        implicitAbsatz.markerEnd = t.indent;
        implicitAbsatz.parent = head;
        implicitAbsatz.eId = `${head.eId}_abs-n1`;
        head.children.push(implicitAbsatz);
        head.parts.push({ type: 'unit', unit: implicitAbsatz });
        result.units.push(implicitAbsatz);
      }
      stack.push(implicitAbsatz);
      return implicitAbsatz;
    }
    return top;
  };
  const addPart = (u: Unit, p: Part): void => {
    u.parts.push(p);
    if (p.type === 'unit') u.children.push(p.unit);
  };

  for (let i = bodyStart; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === Tok.Blank || t.kind === Tok.Comment) {
      if (t.kind === Tok.Blank) table = undefined;
      continue;
    }
    const p = posOfLine[i];
    const ch = p >= 0 ? accepted[p] : 't';
    const line = lines[i];
    if (ch !== 'q' && ch !== 'k') quotePart = undefined;
    if (ch !== 'r') table = undefined;
    if (ch !== 'k' && ch !== '@') annotation = undefined;

    switch (ch) {
      case 'a': {
        stack.length = 1;
        const u = new Unit('absatz', block, i);
        u.num = t.num;
        u.label = line.slice(t.indent, t.markerEnd);
        u.sc = t.indent;
        u.indent = t.indent;
        u.markerStart = t.indent;
        u.markerEnd = t.markerEnd;
        u.parent = head;
        u.eId = `${head.eId}_abs-z${t.num}`;
        addPart(head, { type: 'unit', unit: u });
        result.units.push(u);
        stack.push(u);
        if (t.contentStart < t.end) {
          const tp: TextPart = { line: i, endLine: i, start: t.contentStart, end: t.end, role: 'text' };
          u.parts.push({ type: 'text', text: tp });
          if (WEGGEFALLEN.test(line.slice(t.contentStart, t.end))) u.repealed = true;
          if (t.opensQuote) quotePart = tp;
        }
        extend(i, t.end);
        break;
      }
      case 'n':
      case 'b':
      case 'd':
      case 'e':
      case 's': {
        const kind = ITEM_BY_CHAR[ch];
        ensureAbsatz(i, t);
        while (stack.length > 1 && !canContain(stack[stack.length - 1], kind)) stack.pop();
        let parent = stack[stack.length - 1];
        if (parent === head && isNorm) parent = ensureAbsatz(i, t);
        const u = new Unit(kind, block, i);
        u.num = t.num;
        u.label = line.slice(t.indent, t.markerEnd);
        u.sc = t.indent;
        u.indent = t.indent;
        u.markerStart = t.indent;
        u.markerEnd = t.markerEnd;
        u.parent = parent;
        addPart(parent, { type: 'unit', unit: u });
        result.units.push(u);
        stack.push(u);
        if (t.contentStart < t.end) {
          const tp: TextPart = { line: i, endLine: i, start: t.contentStart, end: t.end, role: 'text' };
          u.parts.push({ type: 'text', text: tp });
          if (WEGGEFALLEN.test(line.slice(t.contentStart, t.end))) u.repealed = true;
          if (t.opensQuote) quotePart = tp;
        }
        extend(i, t.end);
        break;
      }
      case 'q': {
        if (quotePart) {
          quotePart.endLine = i;
          quotePart.end = t.end;
        }
        extend(i, t.end);
        break;
      }
      case 'r': {
        popByIndent(t.indent);
        const owner = stack[stack.length - 1] === head && isNorm ? ensureAbsatz(i, t) : stack[stack.length - 1];
        const cells = splitCells(line, t.indent, t.end);
        if (table && table.owner === owner && prevChar === 'r') {
          table.part.endLine = i;
          table.part.rows.push({ line: i, cells });
        } else {
          const part: TablePart = { line: i, endLine: i, rows: [{ line: i, cells }] };
          owner.parts.push({ type: 'table', table: part });
          table = { part, owner };
        }
        extend(i, t.end);
        break;
      }
      case '@': {
        popByIndent(t.indent);
        const owner = stack[stack.length - 1];
        const a = parseAnnotationHead(block, i, owner);
        owner.annotations.push(a);
        result.annotations.push(a);
        annotation = a;
        extend(i, t.end);
        break;
      }
      case 'k': {
        if (annotation && t.num !== undefined) {
          annotation.entries.push({
            key: t.num,
            value: line.slice(t.contentStart, t.end),
            line: i,
            keyStart: t.indent,
            keyEnd: t.markerEnd,
            valueStart: t.contentStart,
            valueEnd: t.end,
          });
          annotation.endLine = i;
        }
        extend(i, t.end);
        break;
      }
      case 'o': {
        if (!head.toc) head.toc = [];
        head.toc.push({ line: i, indent: t.indent, text: line.slice(t.indent, t.end), start: t.indent, end: t.end });
        extend(i, t.end);
        break;
      }
      default: {
        // text line (also lines demoted after a syntax error). A quoted structure opened after a line
        // ending in ":" belongs to the unit of that line, whatever its indentation („1. Nach § 3 wird
        // folgender § 3a eingefügt:“ followed by „§ 3a … at column 0, as the Bundesgesetzblatt prints it).
        if (!t.opensQuote) popByIndent(t.indent);
        else if (colonStack) {
          stack.length = 0;
          for (const u of colonStack) stack.push(u);
        }
        // a line demoted to text after a syntax error is read as text including its marker ("aa) …")
        const ts = p >= 0 && sk[p] !== 't' ? t.indent : t.contentStart;
        if (head.kind !== 'eingangsformel' && stack.length === 1 && head.titleLine < 0 && result.kind === 'gliederung' && head.children.length === 0 && head.parts.length === 0) {
          // Gliederung title on the line after "Abschnitt 2"
          head.title = line.slice(ts, t.end);
          head.titleLine = i;
          head.titleStart = ts;
          head.titleEnd = t.end;
          extend(i, t.end);
          break;
        }
        const top = stack[stack.length - 1];
        const owner = top === head && isNorm ? ensureAbsatz(i, t) : top;
        const hasUnits = owner.children.length > 0;
        const tp: TextPart = { line: i, endLine: i, start: ts, end: t.end, role: hasUnits ? 'after-list' : 'text' };
        owner.parts.push({ type: 'text', text: tp });
        if (t.opensQuote) quotePart = tp;
        extend(i, t.end);
        break;
      }
    }
    prevChar = ch;
    if (ch !== '@' && ch !== 'k' && ch !== 'q') colonStack = line.charCodeAt(t.end - 1) === 58 ? stack.slice() : undefined;
  }

  if (result.kind === 'gliederung' && head.parts.length) {
    // content between a Gliederung heading and the next § belongs to no provision
    const first = head.parts[0];
    const line = first.type === 'text' ? first.text.line : first.type === 'table' ? first.table.line : first.unit.sl;
    const t = toks[line];
    result.syntax.push({ rule: 'syntax', message: { key: 'syntax.contentUnderGliederung' }, start: rel(line, t.indent), end: rel(line, t.end) });
  }
  if (isNorm && implicitAbsatz && head.children.some((c) => c.kind === 'absatz' && !c.implicit)) {
    // "§ 3 Titel / Text / (1) …": the text before (1) belongs to no numbered Absatz
    const ia = implicitAbsatz as Unit;
    const t = toks[ia.sl];
    result.syntax.push({ rule: 'syntax', message: { key: 'syntax.textBeforeAbsatz' }, start: rel(ia.sl, t.indent), end: rel(ia.sl, t.end) });
  }
  assignEIds(head);
  if (head.kind === 'paragraph' || head.kind === 'artikel') {
    for (const c of head.children) assignEIds(c);
  }
  return result;
}

function splitCells(line: string, from: number, to: number): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let i = from;
  if (line.charCodeAt(i) === 124) i++;
  let start = i;
  for (; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 124) {
      cells.push(trimCell(line, start, i));
      start = i + 1;
    }
  }
  if (start < to) cells.push(trimCell(line, start, to));
  return cells;
}

function trimCell(line: string, s: number, e: number): { start: number; end: number } {
  while (s < e && line.charCodeAt(s) === 32) s++;
  while (e > s && line.charCodeAt(e - 1) === 32) e--;
  return { start: s, end: e };
}

function makeHead(block: Block, i: number, t: LineToken): Unit {
  const line = block.lines[i];
  let kind: UnitKind;
  switch (t.kind) {
    case Tok.HeadNorm:
      kind = t.normWord === 'Artikel' ? 'artikel' : 'paragraph';
      break;
    case Tok.HeadRange:
      kind = 'bereich';
      break;
    case Tok.HeadGliederung:
      kind = t.unit ? GLIEDERUNG_KIND[t.unit] : 'abschnitt';
      break;
    case Tok.HeadAnlage:
      kind = 'anlage';
      break;
    default:
      kind =
        t.keyword === 'Präambel'
          ? 'praeambel'
          : t.keyword === 'Inhaltsübersicht'
            ? 'inhaltsuebersicht'
            : t.keyword === 'Schlussformel'
              ? 'schlussformel'
              : 'eingangsformel';
  }
  const u = new Unit(kind, block, i);
  u.num = t.num;
  u.numTo = t.numTo;
  u.rangeConj = t.rangeConj;
  u.numberStyle = t.numberStyle;
  u.label = line.slice(t.indent, t.markerEnd);
  u.markerStart = t.indent;
  u.markerEnd = t.markerEnd;
  u.ec = t.end;
  if (t.contentStart < t.end) {
    let ts = t.contentStart;
    // "Abschnitt 1 - Personen": drop the separator
    if ((line[ts] === '-' || line[ts] === '–') && line[ts + 1] === ' ') ts += 2;
    u.title = line.slice(ts, t.end);
    u.titleLine = i;
    u.titleStart = ts;
    u.titleEnd = t.end;
    // "(weggefallen)", "(aufgehoben)" and, in consolidated law, "(jetzt § 650)" for a provision that moved
    if (kind !== 'anlage' && /^\((?:weggefallen|aufgehoben|jetzt [^)]*)\)$/.test(u.title)) u.repealed = true;
  }
  switch (kind) {
    case 'paragraph':
    case 'artikel':
      u.eId = t.num ? `art-z${t.num}` : 'art-n0';
      break;
    case 'bereich':
      u.repealed = u.repealed || /weggefallen|aufgehoben/.test(u.title ?? '');
      u.eId = `art-z${t.num}-${t.numTo}`;
      break;
    case 'anlage':
      u.eId = t.num ? `anlage-z${t.num}` : 'anlage-n1';
      break;
    case 'praeambel':
      u.eId = 'präambel-n1';
      break;
    case 'inhaltsuebersicht':
      u.eId = 'inhuebs-n1';
      break;
    case 'schlussformel':
      u.eId = 'schluss-n1';
      break;
    case 'eingangsformel':
      u.eId = 'präambel-n1_formel-n1';
      break;
    default:
      // Gliederung eIds depend on the position among siblings: set by the document model
      u.eId = '';
  }
  return u;
}

/** eIds of list items below `u` (LegalDocML.de: `…_inhalt-n1_liste-n1_listenelem-n2`). */
export function assignEIds(u: Unit): void {
  const prefix = ITEM_KINDS.has(u.kind) ? u.eId : `${u.eId}_inhalt-n1`;
  let listNo = 0;
  let itemNo = 0;
  let openKind: UnitKind | undefined;
  for (const p of u.parts) {
    if (p.type !== 'unit') {
      openKind = undefined;
      continue;
    }
    const c = p.unit;
    if (!ITEM_KINDS.has(c.kind)) continue;
    if (c.kind !== openKind) {
      listNo++;
      itemNo = 0;
      openKind = c.kind;
    }
    itemNo++;
    c.eId = `${prefix}_liste-n${listNo}_listenelem-n${itemNo}`;
    assignEIds(c);
  }
}

const DIRECTIVE_RE = /^\/\/\s*norma-(disable-next-line|disable-line|disable|enable)\b(.*)$/;

function collectDirective(line: string, cs: number, i: number, out: Directive[]): void {
  const m = DIRECTIVE_RE.exec(line.slice(cs).trimEnd());
  if (!m) return;
  const rest = m[2].split('--')[0].trim();
  const codes = rest ? rest.split(/[\s,]+/).filter(Boolean) : undefined;
  out.push({ kind: m[1] as Directive['kind'], line: i, codes, start: cs, end: line.trimEnd().length });
}

export { OPEN_QUOTE };
