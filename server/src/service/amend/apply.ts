/**
 * The apply engine: the new version of an amended law, computed from its
 * tree ({@link NormaDoc}, see tree.ts) and the changes of an amending law in
 * order. A pure function: the input tree is never changed (a block is copied
 * before its first change), the result is a new tree and the problems met on
 * the way (a target that does not exist, old text that is not there or is
 * there more than once, a number that is taken).
 *
 * Incremental ({@link applyIncremental}): each change is applied as a step
 * that copies the blocks it changes afresh, so a block in the tree after a
 * step is never changed again and states can be shared. Each step records
 * its outcome and what it read and changed: one § (a local change, with the
 * § after it) or a set of blocks by key (anything that adds, removes or
 * renumbers). After an edit of the draft, unchanged commands before the
 * first change keep their records; changed local commands re-run only the
 * chain of commands on their §§; anything else re-runs from a checkpoint
 * (a copy of the block list every 1/16 of the changes).
 */
import type { DocBlock, Node, NormaDoc } from '../import/writer';
import type { AstLevel, AstLevelKind, AstWordChange } from './grammar';
import { cloneBlock, fragmentKind, markerKind, markerNum, parseFragment, type Fragment } from './tree';
import { SENTENCE_ABBREVIATIONS } from '../parser/sentences';
import { romanValue } from '../parser/lexer';
import { ordinalDesignation, ordinalStemValue } from '../util/ordinal';
import { angabeText, findAngabe, newLevels, quotedEntries, tocUnit, unitKey } from './toc';

export type Level = AstLevel;

export type Verb = 'ersetzen' | 'einfuegen' | 'anfuegen' | 'voranstellen' | 'streichen' | 'aufheben' | 'neufassen' | 'umnummerieren';

/** One change to the amended law: what the engine applies. */
export interface Change {
  verb: Verb;
  /** The unit changed (word changes: the unit whose text; insertions: the anchor; anfügen: the container). */
  target: Level[];
  /** Word changes. */
  words?: AstWordChange;
  /** Kind and numbers of the new units (insertions, replacements). */
  neu?: Level;
  /** Insertion before or after the anchor. */
  side?: 'vor' | 'nach';
  /** The lines of the quoted structure, without the outer quotation marks. */
  content?: string[];
  /** Renumbering: the new path. */
  to?: Level[];
  /**
   * What the change does as a string, when its maker knows a cheaper one than
   * {@link changeKey} (commands: sentence, inherited path, quotation): two
   * changes with the same key must do the same.
   */
  key?: string;
}

export type IssueKind = 'ziel-fehlt' | 'ziel-mehrdeutig' | 'text-fehlt' | 'text-mehrdeutig' | 'nummer-belegt' | 'nummer-reihenfolge' | 'inhalt-fehlt';

export interface Issue<C extends Change = Change> {
  change: C;
  kind: IssueKind;
  args: Record<string, string | number>;
  /** Which quote the issue is about (word changes). */
  quote?: 'old' | 'anchor';
  /** ziel-mehrdeutig: the units the path fits, each with the units above it. */
  candidates?: GCandidate[];
}

/** A unit an ambiguous path fits: the path of units down to it (outermost first). */
export interface GCandidate {
  path: { word: string; num: string }[];
}

export interface ApplyResult<C extends Change = Change> {
  doc: NormaDoc;
  issues: Issue<C>[];
  /** Changes carried out (a number that is taken or out of order is reported, the change still made). */
  applied: C[];
  /** Per change: the address of the unit it resolved to (for conflict checks), `undefined` when it did not resolve. */
  resolved: Map<C, string>;
}

// --- addresses --------------------------------------------------------------------------------------

const WORD: Record<AstLevelKind, string> = {
  paragraph: '§',
  artikel: 'Artikel',
  anlage: 'Anlage',
  absatz: 'Absatz',
  satz: 'Satz',
  halbsatz: 'Halbsatz',
  nummer: 'Nummer',
  buchstabe: 'Buchstabe',
  doppelbuchstabe: 'Doppelbuchstabe',
  dreifachbuchstabe: 'Dreifachbuchstabe',
  ueberschrift: 'Überschrift',
  teil: 'Teilsatz',
  gliederung: 'Gliederungseinheit',
  inhaltsuebersicht: 'Inhaltsübersicht',
  angabe: 'Angabe',
};
const GLIEDERUNG_PLURAL: Record<string, string> = {
  Buch: 'Bücher',
  Teil: 'Teile',
  Kapitel: 'Kapitel',
  Unterkapitel: 'Unterkapitel',
  Abschnitt: 'Abschnitte',
  Unterabschnitt: 'Unterabschnitte',
  Titel: 'Titel',
  Untertitel: 'Untertitel',
};
const PLURAL: Partial<Record<AstLevelKind, string>> = {
  paragraph: '§§',
  absatz: 'Absätze',
  satz: 'Sätze',
  nummer: 'Nummern',
  buchstabe: 'Buchstaben',
  doppelbuchstabe: 'Doppelbuchstaben',
  dreifachbuchstabe: 'Dreifachbuchstaben',
};

export function levelText(l: Level): string {
  if (l.kind === 'angabe') return angabeText(l);
  if (l.kind === 'inhaltsuebersicht') return 'Inhaltsübersicht';
  if (l.kind === 'teil') return `Teilsatz ${l.side} ${l.of ? levelText(l.of) : ''}`.trim();
  if (l.kind === 'ueberschrift') return 'Überschrift';
  const word = l.kind === 'gliederung' && l.word ? l.word : WORD[l.kind];
  if (!l.values.length) return word;
  if (l.values.length === 1) return `${word} ${l.values[0]}`;
  const w = l.kind === 'gliederung' && l.word ? GLIEDERUNG_PLURAL[l.word] : (PLURAL[l.kind] ?? WORD[l.kind]);
  if (l.range) return `${w} ${l.values[0]} bis ${l.values[1]}`;
  return `${w} ${l.values.slice(0, -1).join(', ')} und ${l.values[l.values.length - 1]}`;
}

export function pathText(path: Level[]): string {
  return path.map(levelText).join(' ');
}

/** Sort key of a unit number: `3` < `3a` < `3b` < `4`; letters `a` < `b` < `aa`. */
export function numKey(v: string): number {
  const m = /^(\d+)([a-z]*)$/.exec(v);
  if (m) {
    let k = Number(m[1]);
    let f = 1 / 27;
    for (const ch of m[2]) {
      k += (ch.charCodeAt(0) - 96) * f;
      f /= 27;
    }
    return k;
  }
  if (/^([a-z])\1*$/.test(v)) return v.charCodeAt(0) - 96 + (v.length - 1) * 0.001;
  let k = 0;
  for (const ch of v) k = k * 27 + (ch.charCodeAt(0) - 96);
  return k;
}

/** The numbers of a level: a range is expanded over the numbers that exist. */
function expand(l: Level, existing: string[]): string[] {
  if (!l.range) return l.values;
  const a = numKey(l.values[0]);
  const b = numKey(l.values[1]);
  const inRange = existing.filter((n) => numKey(n) >= a && numKey(n) <= b);
  if (inRange.length) return inRange;
  return l.values;
}

/** The numbers a range names when nothing exists yet (new units): `5 bis 8` → 5, 6, 7, 8; `e bis g` → e, f, g. */
function enumerate(l: Level): string[] {
  if (!l.range) return l.values;
  const [from, to] = l.values;
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const out: string[] = [];
    for (let i = Number(from); i <= Number(to) && out.length < 200; i++) out.push(String(i));
    return out;
  }
  if (/^[a-z]$/.test(from) && /^[a-z]$/.test(to)) {
    const out: string[] = [];
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
    return out;
  }
  return l.values;
}

// --- the tree ---------------------------------------------------------------------------------------

type Container = { body: Node[] };
type ItemNode = Extract<Node, { type: 'item' }>;
type AbsatzNode = Extract<Node, { type: 'absatz' }>;
type TextNode = Extract<Node, { type: 'text' }>;

const ITEM_LEVELS: ReadonlySet<AstLevelKind> = new Set(['nummer', 'buchstabe', 'doppelbuchstabe', 'dreifachbuchstabe']);

function isNorm(b: DocBlock, kind: AstLevelKind, v: string): boolean {
  const h = b.heading;
  if (!h) return false;
  if (kind === 'anlage') return h.kind === 'anlage' && h.label.replace(/^Anlage\s*/, '') === v;
  if (h.kind === 'norm') return h.num === v && (kind === 'artikel' ? h.word === 'Artikel' : h.word === '§');
  if (h.kind === 'range' && (kind === 'artikel' ? h.word === 'Artikel' : h.word === '§')) {
    if (h.conj === 'und') return h.from === v || h.to === v;
    return numKey(v) >= numKey(h.from) && numKey(v) <= numKey(h.to);
  }
  return false;
}

/** `§|3a`, `Artikel|2`, `Anlage|1`: the key of a block in the engine's index. */
function blockKey(b: DocBlock): string | undefined {
  const h = b.heading;
  if (h?.kind === 'norm') return `${h.word}|${h.num}`;
  if (h?.kind === 'anlage') return `Anlage|${h.label.replace(/^Anlage\s*/, '')}`;
  return undefined;
}

const baseIndexes = new WeakMap<NormaDoc, Map<string, DocBlock>>();
/** The blocks of a tree by key (the first of each), cached per tree. */
function indexOf(doc: NormaDoc): Map<string, DocBlock> {
  let m = baseIndexes.get(doc);
  if (m) return m;
  m = new Map();
  for (const b of doc.blocks) {
    const k = blockKey(b);
    if (k && !m.has(k)) m.set(k, b);
  }
  baseIndexes.set(doc, m);
  return m;
}

function normNums(doc: NormaDoc, kind: AstLevelKind): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    const h = b.heading;
    if (h?.kind === 'norm' && (kind === 'artikel' ? h.word === 'Artikel' : h.word === '§')) out.push(h.num);
  }
  return out;
}

function childNum(n: Node, kind: AstLevelKind): string | undefined {
  if (kind === 'absatz') return n.type === 'absatz' ? n.num : undefined;
  if (n.type !== 'item') return undefined;
  return markerKind(n.marker) === kind ? markerNum(n.marker) : undefined;
}

function childNums(c: Container, kind: AstLevelKind): string[] {
  const out: string[] = [];
  for (const n of c.body) {
    const v = childNum(n, kind);
    if (v !== undefined) out.push(v);
  }
  return out;
}

function findChild(c: Container, kind: AstLevelKind, v: string): number {
  return c.body.findIndex((n) => childNum(n, kind) === v);
}

/** Where a path leads: a block, and inside it a unit (the block itself or an Absatz or list item node). */
interface Located {
  blockIndex: number;
  unit: Container;
  /** The body the unit sits in and its index there (not for the block itself). */
  parent?: Container;
  index?: number;
  satz?: number;
  teil?: { side: 'vor' | 'nach'; kind: AstLevelKind; num: string };
  heading?: boolean;
  /** Word changes in a Gliederung unit: the blocks of the unit (their text, not their headings). */
  span?: number[];
  /** Word changes in the Inhaltsübersicht: its entries. */
  entries?: Slot[];
  address: string;
}

interface Missing {
  missing: true;
  what: string;
  existing: string;
}

/** Where an engine starts: the blocks and the index changes of a state reached before (see {@link applyIncremental}). */
interface EngineStart {
  blocks: readonly DocBlock[];
  overlay: ReadonlyMap<string, DocBlock | null>;
  baseIndex?: Map<string, DocBlock>;
}

class Engine<C extends Change> {
  readonly doc: NormaDoc;
  /**
   * The blocks the current change copied (it changes them in place). Emptied
   * before each change: a block in the tree after a change is never changed
   * again, so states after a change can be kept and shared.
   */
  private copied = new Set<DocBlock>();
  issues: Issue<C>[] = [];

  /** Changes to the base's index: key → the block now (null: gone). */
  readonly overlay: Map<string, DocBlock | null>;
  private readonly baseIndex: Map<string, DocBlock>;
  /** Keys of the blocks the current change looked up, copied, removed or added. */
  touched = new Set<string>();
  /** The current change found its § or Artikel other than by its key (or not at all): it depends on more than that one block. */
  nonLocal = false;

  constructor(base: NormaDoc, from?: EngineStart) {
    this.doc = { ...base, blocks: [...(from?.blocks ?? base.blocks)] };
    this.baseIndex = from?.baseIndex ?? indexOf(base);
    this.overlay = new Map(from?.overlay ?? []);
  }

  lookup(key: string): DocBlock | undefined {
    this.touched.add(key);
    const o = this.overlay.get(key);
    if (o !== undefined) return o ?? undefined;
    return this.baseIndex.get(key);
  }

  /** Keep the index right when a block takes another's place, arrives or goes. */
  private reindex(old: DocBlock | undefined, now: DocBlock | undefined): void {
    if (old) {
      const k = blockKey(old);
      if (k && this.lookup(k) === old) this.overlay.set(k, now && blockKey(now) === k ? now : null);
      else if (!k) this.nonLocal = true;
    }
    if (now) {
      const k = blockKey(now);
      if (k && !this.lookup(k)) this.overlay.set(k, now);
    }
  }

  /** The block of a § or Artikel (also inside a range heading), or -1. */
  findNorm(kind: AstLevelKind, v: string): number {
    const word = kind === 'artikel' ? 'Artikel' : kind === 'anlage' ? 'Anlage' : '§';
    const b = this.lookup(`${word}|${v}`);
    if (b) {
      const i = this.doc.blocks.indexOf(b);
      if (i >= 0) return i;
    }
    this.nonLocal = true;
    return this.doc.blocks.findIndex((x) => (x.heading?.kind === 'range' || x.heading?.kind === 'norm') && isNorm(x, kind, v));
  }

  /** The numbers of the §§ (or Artikel) next to block k: the last before it and the first from `from` on. */
  private neighbours(k: number, from: number, skip: Set<number>): { lo: string | undefined; hi: string | undefined } {
    let lo: string | undefined;
    let hi: string | undefined;
    for (let i = k - 1; i >= 0 && lo === undefined; i--) {
      const h = this.doc.blocks[i].heading;
      if (!skip.has(i) && h?.kind === 'norm') lo = h.num;
    }
    for (let i = from; i < this.doc.blocks.length && hi === undefined; i++) {
      const h = this.doc.blocks[i].heading;
      if (!skip.has(i) && h?.kind === 'norm') hi = h.num;
    }
    return { lo, hi };
  }

  /** The block at index, copied before its first change. */
  private own(i: number): DocBlock {
    const b = this.doc.blocks[i];
    if (this.copied.has(b)) return b;
    const c = cloneBlock(b);
    this.doc.blocks[i] = c;
    this.copied.add(c);
    this.reindex(b, c);
    return c;
  }

  /** Follow a path; `upTo` levels only (the rest is the caller's). */
  locate(path: Level[], write: boolean): Located | Missing {
    const first = path[0];
    if (!first || (first.kind !== 'paragraph' && first.kind !== 'artikel' && first.kind !== 'anlage')) {
      return { missing: true, what: pathText(path) || '(ohne Ziel)', existing: 'der Befehl nennt keinen § und keinen Artikel, auch nicht im Befehl darüber' };
    }
    const v = first.values[0];
    const bi = this.findNorm(first.kind, v);
    if (bi < 0) {
      const existing = nearestText(normNums(this.doc, first.kind), v, (n) => `${WORD[first.kind]} ${n}`);
      return { missing: true, what: levelText({ ...first, values: [v], range: false }), existing };
    }
    const block = write ? this.own(bi) : this.doc.blocks[bi];
    const loc: Located = { blockIndex: bi, unit: block, address: levelText({ ...first, values: [v], range: false }) };
    for (let i = 1; i < path.length; i++) {
      const l = path[i];
      if (l.kind === 'satz') {
        // a Satz followed by a list level: the list item is in the Absatz, the Satz is not a container
        if (path.slice(i + 1).some((x) => ITEM_LEVELS.has(x.kind))) continue;
        loc.satz = Number(l.values[0]);
        loc.address += ` Satz ${l.values[0]}`;
        continue;
      }
      if (l.kind === 'halbsatz') continue;
      if (l.kind === 'ueberschrift') {
        loc.heading = true;
        loc.address += ' Überschrift';
        continue;
      }
      if (l.kind === 'teil') {
        const of = l.of;
        if (!of || !ITEM_LEVELS.has(of.kind) && of.kind !== 'absatz') continue;
        const k = findChild(loc.unit, of.kind, of.values[0]);
        if (k < 0) return { missing: true, what: `${loc.address} ${levelText(of)}`, existing: this.existing(loc.unit, of.kind, loc.address) };
        loc.teil = { side: l.side ?? 'vor', kind: of.kind, num: of.values[0] };
        loc.address += ` (${levelText(l)})`;
        continue;
      }
      if (l.kind !== 'absatz' && !ITEM_LEVELS.has(l.kind)) continue;
      const val = l.values[0];
      let k = findChild(loc.unit, l.kind, val);
      let parent = loc.unit;
      // „§ 5 Nummer 3“ in a § with one Absatz that has Nummern
      if (k < 0 && ITEM_LEVELS.has(l.kind)) {
        const abs = loc.unit.body.filter((n): n is AbsatzNode => n.type === 'absatz' && findChild(n, l.kind, val) >= 0);
        if (abs.length === 1) {
          parent = abs[0];
          k = findChild(parent, l.kind, val);
        }
      }
      if (k < 0) return { missing: true, what: `${loc.address} ${WORD[l.kind]} ${val}`, existing: this.existing(loc.unit, l.kind, loc.address) };
      loc.parent = parent;
      loc.index = k;
      loc.unit = parent.body[k] as AbsatzNode | ItemNode;
      loc.address += ` ${WORD[l.kind]} ${val}`;
    }
    return loc;
  }

  private existing(c: Container, kind: AstLevelKind, address: string): string {
    const nums = childNums(c, kind);
    if (!nums.length) return `${address} hat keine ${PLURAL[kind] ?? WORD[kind]}`;
    return `${address} hat ${nums.length === 1 ? `nur ${WORD[kind]}` : `die ${PLURAL[kind] ?? WORD[kind]}`} ${nums.join(', ')}`;
  }

  issue(change: C, kind: IssueKind, args: Record<string, string | number>, quote?: 'old' | 'anchor'): void {
    this.issues.push({ change, kind, args, quote });
  }

  // --- text slots -------------------------------------------------------------------------------

  /** The text stretches a word change may touch, in document order. */
  slots(loc: Located): Slot[] {
    if (loc.entries) return loc.entries;
    const block = this.doc.blocks[loc.blockIndex];
    if (loc.heading) {
      const h = block.heading;
      if (!h || !('title' in h)) return [];
      return [{ get: () => h.title ?? '', set: (s) => (h.title = s), from: 0, to: (h.title ?? '').length }];
    }
    if (loc.span) {
      const out: Slot[] = [];
      const walk = (body: Node[]): void => {
        for (const n of body) {
          if (n.type === 'text') out.push(textSlot(n));
          else if (n.type === 'absatz' || n.type === 'item') walk(n.body);
        }
      };
      for (const i of loc.span) walk(this.doc.blocks[i].body);
      return out;
    }
    const own = loc.unit.body;
    if (loc.teil) {
      const k = own.findIndex((n) => childNum(n, loc.teil?.kind ?? 'nummer') === loc.teil?.num);
      const part = loc.teil.side === 'vor' ? own.slice(0, k) : own.slice(k + 1);
      return part.filter((n): n is TextNode => n.type === 'text').map(textSlot);
    }
    if (loc.satz !== undefined) {
      const sat = satzSlots(own, loc.satz);
      return sat;
    }
    const out: Slot[] = [];
    const walk = (body: Node[]): void => {
      for (const n of body) {
        if (n.type === 'text') out.push(textSlot(n));
        else if (n.type === 'absatz' || n.type === 'item') walk(n.body);
      }
    };
    walk(own);
    return out;
  }

  // --- word changes ------------------------------------------------------------------------------

  words(change: C, loc: Located, w: AstWordChange): boolean {
    const slots = this.slots(loc);
    const actual = () =>
      slots
        .map((s) => s.get().slice(s.from, s.to))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
    if (w.op === 'anfuegen') {
      const last = slots[slots.length - 1];
      if (!last || !w.neu) return false;
      const t = last.get();
      last.set(spliceInsert(t, last.to, w.neu.text, 'nach'));
      return true;
    }
    const needle = w.op === 'einfuegen' ? w.anchor : w.old;
    if (!needle) return false;
    const hits = occurrences(slots, needle.text);
    const which: 'old' | 'anchor' = w.op === 'einfuegen' ? 'anchor' : 'old';
    if (!hits.length) {
      this.issue(change, 'text-fehlt', { text: needle.text, unit: loc.address, actual: shorten(actual()) }, which);
      return false;
    }
    let chosen = hits;
    if (w.atEnd) {
      const last = hits[hits.length - 1];
      chosen = [last];
    } else if (!w.all && hits.length > 1) {
      this.issue(change, 'text-mehrdeutig', { text: needle.text, unit: loc.address, count: hits.length }, which);
      chosen = [hits[0]];
    }
    // right to left, so that earlier offsets stay valid
    for (const h of [...chosen].reverse()) {
      const t = h.slot.get();
      if (w.op === 'einfuegen') h.slot.set(spliceInsert(t, w.side === 'vor' ? h.start : h.end, w.neu?.text ?? '', w.side ?? 'nach'));
      else h.slot.set(spliceReplace(t, h.start, h.end, w.op === 'streichen' ? '' : (w.neu?.text ?? '')));
    }
    return true;
  }

  // --- unit changes ------------------------------------------------------------------------------

  fragment(change: C): Fragment | undefined {
    if (!change.content || !change.content.length) {
      this.issue(change, 'inhalt-fehlt', {});
      return undefined;
    }
    return parseFragment(change.content);
  }

  /** Numbers of new units (from the fragment) and their kind. */
  private newNums(f: Fragment): { kind: AstLevelKind; num: string }[] {
    if (f.kind === 'blocks') return f.blocks.flatMap((b) => (b.heading?.kind === 'norm' ? [{ kind: (b.heading.word === '§' ? 'paragraph' : 'artikel') as AstLevelKind, num: b.heading.num }] : []));
    if (f.kind === 'nodes')
      return f.nodes.flatMap((n) => {
        if (n.type === 'absatz') return [{ kind: 'absatz' as AstLevelKind, num: n.num }];
        if (n.type === 'item') {
          const k = markerKind(n.marker);
          return k && k !== 'anstrich' ? [{ kind: k as AstLevelKind, num: markerNum(n.marker) }] : [];
        }
        return [];
      });
    return [];
  }

  /** Check that new numbers are free in the siblings (`taken`) and lie between `lo` and `hi`. */
  private checkNums(change: C, f: Fragment, taken: string[], lo: string | undefined, hi: string | undefined, where: string): void {
    this.checkNumList(change, this.newNums(f).map(({ kind, num }) => ({ word: WORD[kind], num })), taken, lo, hi, where);
  }

  private checkNumList(change: C, news: { word: string; num: string }[], taken: string[], lo: string | undefined, hi: string | undefined, where: string): void {
    for (const { word, num } of news) {
      if (taken.includes(num)) {
        this.issue(change, 'nummer-belegt', { what: `${word} ${num}`, where });
        continue;
      }
      const k = numKey(num);
      if ((lo !== undefined && k <= numKey(lo)) || (hi !== undefined && k >= numKey(hi))) {
        this.issue(change, 'nummer-reihenfolge', { what: `${word} ${num}`, lo: lo ?? '–', hi: hi ?? '–', where });
      }
    }
  }

  /** The block of a key now, without noting it as looked up. */
  peek(key: string): DocBlock | undefined {
    const o = this.overlay.get(key);
    if (o !== undefined) return o ?? undefined;
    return this.baseIndex.get(key);
  }

  /** Apply one change and note what it depended on and what it changed (see {@link applyIncremental}). */
  step(change: C, key: string): StepRecord<C> {
    this.copied = new Set();
    this.touched = new Set();
    this.nonLocal = false;
    this.issues = [];
    const resolved = new Map<C, string>();
    const ok = this.apply(change, resolved);
    const rec: StepRecord<C> = { key, ok, issues: this.issues, resolved: resolved.get(change) };
    const lk = localKey(change);
    if (lk && !this.nonLocal && [...this.touched].every((k) => k === lk)) {
      rec.local = lk;
      rec.after = this.peek(lk);
    } else rec.touched = new Map([...this.touched].map((k) => [k, this.peek(k)]));
    return rec;
  }

  apply(change: C, resolved: Map<C, string>): boolean {
    const before = this.issues.length;
    const ok = this.applyOne(change, resolved);
    return ok && !this.issues.slice(before).some((i) => i.kind === 'ziel-fehlt' || i.kind === 'ziel-mehrdeutig' || i.kind === 'text-fehlt' || i.kind === 'inhalt-fehlt');
  }

  private fail(change: C, m: Missing): false {
    this.issue(change, 'ziel-fehlt', { what: m.what, existing: m.existing });
    return false;
  }

  private applyOne(change: C, resolved: Map<C, string>): boolean {
    const path = change.target;
    const last = path[path.length - 1];
    switch (route(change)) {
      case 'inhalt':
        return this.tocChange(change, resolved);
      case 'gliederung':
        return this.gliederungChange(change, resolved);
      case 'renumber':
        return this.renumber(change, resolved);
      case 'words': {
        const loc = this.locate(path, true);
        if ('missing' in loc) return this.fail(change, loc);
        resolved.set(change, loc.address);
        return this.words(change, loc, change.words as AstWordChange);
      }
      case 'append':
        return this.append(change, resolved);
      case 'satz':
        return this.satzChange(change, resolved);
      case 'norm':
        return this.normChange(change, last, resolved);
      case 'ueberschrift': {
        const loc = this.locate(path, true);
        if ('missing' in loc) return this.fail(change, loc);
        resolved.set(change, loc.address);
        return this.setTitle(change, this.doc.blocks[loc.blockIndex]);
      }
      case 'unit':
        break;
    }
    // units below the §: the parent, then the unit(s)
    if (!last) return this.fail(change, { missing: true, what: '(ohne Ziel)', existing: '' });
    const parentLoc = this.locate(path.slice(0, -1), true);
    if ('missing' in parentLoc) return this.fail(change, parentLoc);
    const parent = parentLoc.unit;
    const kind = last.kind;
    const nums = expand(last, childNums(parent, kind));
    const idx: number[] = [];
    for (const v of nums) {
      const k = findChild(parent, kind, v);
      if (k < 0) return this.fail(change, { missing: true, what: `${parentLoc.address} ${WORD[kind]} ${v}`, existing: this.existing(parent, kind, parentLoc.address) });
      idx.push(k);
    }
    resolved.set(change, `${parentLoc.address} ${levelText(last)}`);
    switch (change.verb) {
      case 'aufheben':
        for (const k of idx) {
          const n = parent.body[k] as AbsatzNode | ItemNode;
          n.body = [{ type: 'text', text: '(weggefallen)' }];
        }
        return true;
      case 'streichen':
        for (const k of [...idx].sort((a, b) => b - a)) parent.body.splice(k, 1);
        return true;
      case 'neufassen':
      case 'ersetzen': {
        const f = this.fragment(change);
        if (!f) return false;
        if (f.kind !== 'nodes') {
          this.issue(change, 'inhalt-fehlt', {});
          return false;
        }
        const first = Math.min(...idx);
        const removed = new Set(idx);
        const rest = parent.body.filter((_, i) => !removed.has(i));
        const taken = rest.map((n) => childNum(n, kind)).filter((x): x is string => x !== undefined);
        const before = parent.body.slice(0, first).map((n) => childNum(n, kind)).filter((x): x is string => x !== undefined);
        const afterIdx = Math.max(...idx) + 1;
        const after = parent.body.slice(afterIdx).map((n) => childNum(n, kind)).filter((x): x is string => x !== undefined);
        this.checkNums(change, f, taken, before[before.length - 1], after[0], `in ${parentLoc.address}`);
        const out = [...parent.body.slice(0, first), ...f.nodes, ...parent.body.slice(first).filter((_, i) => !removed.has(i + first))];
        parent.body.length = 0;
        parent.body.push(...out);
        return true;
      }
      case 'einfuegen': {
        const f = this.fragment(change);
        if (!f) return false;
        if (f.kind !== 'nodes') {
          this.issue(change, 'inhalt-fehlt', {});
          return false;
        }
        const k = change.side === 'vor' ? Math.min(...idx) : Math.max(...idx) + 1;
        const newKind = this.newNums(f)[0]?.kind ?? kind;
        const taken = childNums(parent, newKind);
        const lo = parent.body.slice(0, k).map((n) => childNum(n, newKind)).filter((x): x is string => x !== undefined);
        const hi = parent.body.slice(k).map((n) => childNum(n, newKind)).filter((x): x is string => x !== undefined);
        this.checkNums(change, f, taken, lo[lo.length - 1], hi[0], `in ${parentLoc.address}`);
        parent.body.splice(k, 0, ...f.nodes);
        return true;
      }
      default:
        return false;
    }
  }

  // --- the Inhaltsübersicht -------------------------------------------------------------------------

  /**
   * A command on the Inhaltsübersicht or its Angaben: the entries it names
   * (see toc.ts) replaced, removed, inserted before or after, appended, or
   * their words changed; the numbers of new §§, Artikel and Anlagen checked
   * among the entries (free, between their neighbours).
   */
  private tocChange(change: C, resolved: Map<C, string>): boolean {
    this.nonLocal = true;
    const bi = this.doc.blocks.findIndex((b) => b.heading?.kind === 'keyword' && b.heading.keyword === 'Inhaltsübersicht');
    if (bi < 0) return this.fail(change, { missing: true, what: 'Inhaltsübersicht', existing: 'das Gesetz hat keine Inhaltsübersicht' });
    const angabe = change.target.find((l) => l.kind === 'angabe');
    const block = this.own(bi);
    const toc = (block.toc ??= []);
    let idx: number[] = [];
    if (angabe) {
      const found = findAngabe(toc, angabe);
      if (!Array.isArray(found)) return this.fail(change, found);
      idx = found;
    }
    const address = angabe ? `Inhaltsübersicht, ${angabeText(angabe)}` : 'Inhaltsübersicht';
    resolved.set(change, angabe ? `Inhaltsübersicht ${angabeText(angabe)}` : 'Inhaltsübersicht');
    const entrySlots = (list: number[]): Slot[] => list.map((i) => ({ get: () => toc[i].text, set: (t: string) => (toc[i].text = t), from: 0, to: toc[i].text.length }));
    if (change.words) return this.words(change, { blockIndex: bi, unit: block, address, entries: entrySlots(angabe ? idx : toc.map((_, i) => i)) }, change.words);
    const content = (): { text: string; indent: number }[] | undefined => {
      const entries = change.content?.length ? quotedEntries(change.content) : [];
      if (!entries.length) {
        this.issue(change, 'inhalt-fehlt', {});
        return undefined;
      }
      return entries;
    };
    /** Insert entries at `at`, their numbers checked among the entries that stay. */
    const insert = (at: number, removed: Set<number>): boolean => {
      const entries = content();
      if (!entries) return false;
      const levels = newLevels(toc, at, entries);
      const rest = toc.map((e, i) => ({ u: tocUnit(e.text), i })).filter((x) => !removed.has(x.i));
      for (const e of entries) {
        const u = tocUnit(e.text);
        if (!u || u.kind === 'gliederung') continue;
        const same = rest.filter((x) => x.u && x.u.kind === u.kind);
        const key = unitKey(u);
        if (same.some((x) => x.u && unitKey(x.u) === key)) {
          this.issue(change, 'nummer-belegt', { what: `Die Angabe zu ${key}`, where: 'in der Inhaltsübersicht' });
          continue;
        }
        const lo = same.filter((x) => x.i < at).pop()?.u?.num;
        const hi = same.find((x) => x.i >= at)?.u?.num;
        const k = numKey(u.num);
        if ((lo !== undefined && k <= numKey(lo)) || (hi !== undefined && k >= numKey(hi))) {
          this.issue(change, 'nummer-reihenfolge', { what: `Die Angabe zu ${key}`, lo: lo ?? '–', hi: hi ?? '–', where: 'in der Inhaltsübersicht' });
        }
      }
      const news = entries.map((e, j) => ({ level: levels[j], text: e.text }));
      const kept = toc.filter((_, i) => !removed.has(i));
      const shift = [...removed].filter((i) => i < at).length;
      kept.splice(at - shift, 0, ...news);
      toc.length = 0;
      toc.push(...kept);
      return true;
    };
    if (!angabe) {
      switch (change.verb) {
        case 'aufheben':
        case 'streichen':
          this.removeBlocks(bi, bi + 1);
          return true;
        case 'neufassen':
        case 'ersetzen': {
          const entries = content();
          if (!entries) return false;
          const levels = entries.map((e) => Math.floor(e.indent / 2));
          // a flat quotation: Gliederung entries on top, §§ one below them
          const flat = !levels.some((l) => l > 0);
          if (flat && entries.some((e) => tocUnit(e.text)?.kind === 'gliederung')) entries.forEach((e, j) => (levels[j] = tocUnit(e.text)?.kind === 'gliederung' ? 0 : 1));
          toc.length = 0;
          toc.push(...entries.map((e, j) => ({ level: levels[j], text: e.text })));
          return true;
        }
        case 'anfuegen':
          return insert(toc.length, new Set());
        case 'voranstellen':
          return insert(0, new Set());
        default:
          return false;
      }
    }
    switch (change.verb) {
      case 'aufheben':
      case 'streichen':
        for (const i of [...idx].sort((a, b) => b - a)) toc.splice(i, 1);
        return true;
      case 'neufassen':
      case 'ersetzen':
        return insert(idx[0], new Set(idx));
      case 'einfuegen':
        return insert(change.side === 'vor' ? idx[0] : idx[idx.length - 1] + 1, new Set());
      default:
        return false;
    }
  }

  // --- Gliederung units ----------------------------------------------------------------------------

  /** Remove blocks [from, to) and keep the index right. */
  private removeBlocks(from: number, to: number): DocBlock[] {
    const removed = this.doc.blocks.splice(from, to - from);
    for (const b of removed) this.reindex(b, undefined);
    return removed;
  }

  /** Insert new blocks (copied from a fragment) at `at`. */
  private insertBlocks(at: number, blocks: DocBlock[]): void {
    this.doc.blocks.splice(at, 0, ...blocks);
    for (const b of blocks) {
      this.copied.add(b);
      this.reindex(undefined, b);
    }
  }

  /**
   * Follow a path of Gliederung levels („Teil 2 Abschnitt 3“), each level
   * inside a unit of the one before (one number each): every unit the path
   * fits. A level may skip the levels between („Buch 2 Titel 1“), and the
   * path need not begin at the top („Abschnitt 3“), so it may fit several.
   */
  private locateGliederung(levels: Level[], units: GUnit[]): { units: (GUnit | undefined)[]; address: string } | Missing {
    let scopes: (GUnit | undefined)[] = [undefined];
    let address = '';
    for (const l of levels) {
      const v = l.values[0];
      const inScope = units.filter((u) => u.word === l.word && scopes.some((s) => inside(u, s)));
      const hits = inScope.filter((u) => u.num === v);
      const what = `${address ? `${address} ` : ''}${l.word} ${v}`;
      if (!hits.length) return { missing: true, what, existing: nearestText(inScope.map((u) => u.num), v, (n) => `${l.word ?? ''} ${n}`) };
      scopes = hits;
      address = what;
    }
    return { units: scopes, address };
  }

  /** A path that fits more than one unit: reported with the units, the change is not made. */
  private ambiguous(change: C, what: string, found: GUnit[], units: GUnit[]): false {
    this.issues.push({ change, kind: 'ziel-mehrdeutig', args: { what, count: found.length }, candidates: found.map((u) => candidate(u, units)) });
    return false;
  }

  /** Numbers of the §§ and Artikel in new blocks that the law has already (outside the blocks being replaced). */
  private takenNorms(change: C, blocks: DocBlock[], replaced: Set<DocBlock>): void {
    for (const b of blocks) {
      const h = b.heading;
      if (h?.kind !== 'norm') continue;
      const at = this.lookup(`${h.word}|${h.num}`);
      if (at && !replaced.has(at)) this.issue(change, 'nummer-belegt', { what: `${h.word} ${h.num}`, where: 'im Gesetz' });
    }
  }

  /** The Gliederung units at the top of new blocks, with their word. */
  private newUnits(blocks: DocBlock[]): { word: string; num: string }[] {
    return gliederungUnits(blocks)
      .filter((u) => u.parent < 0)
      .map((u) => ({ word: u.word, num: u.num }));
  }

  /** Check the new units' numbers among their siblings of the same word under `parent` in the tree; the insertion lies in [from, to). */
  private checkUnitNums(change: C, news: { word: string; num: string }[], units: GUnit[], parent: number, from: number, to: number, skip: Set<GUnit>, where: string): void {
    const byWord = new Map<string, { word: string; num: string }[]>();
    for (const n of news) byWord.set(n.word, [...(byWord.get(n.word) ?? []), n]);
    for (const [word, list] of byWord) {
      const sibs = units.filter((u) => u.word === word && u.parent === parent && !skip.has(u));
      const lo = sibs.filter((u) => u.index < from).pop()?.num;
      const hi = sibs.find((u) => u.index >= to)?.num;
      this.checkNumList(change, list, sibs.map((u) => u.num), lo, hi, where);
    }
  }

  /** Commands on Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel (and their headings). */
  private gliederungChange(change: C, resolved: Map<C, string>): boolean {
    this.nonLocal = true;
    const path = change.target;
    const heading = path[path.length - 1]?.kind === 'ueberschrift';
    const levels = heading ? path.slice(0, -1) : path;
    if (levels.some((l) => l.kind !== 'gliederung')) return this.fail(change, { missing: true, what: pathText(path), existing: 'eine Gliederungseinheit hat keine Absätze, Sätze oder Nummern; der Befehl nennt den §' });
    const units = gliederungUnits(this.doc.blocks);
    if (change.verb === 'anfuegen' || change.verb === 'voranstellen') return this.gliederungAppend(change, levels, units, resolved);
    const last = levels[levels.length - 1];
    if (!last) return this.fail(change, { missing: true, what: '(ohne Ziel)', existing: '' });
    const parentLoc = this.locateGliederung(levels.slice(0, -1), units);
    if ('missing' in parentLoc) return this.fail(change, parentLoc);
    const scopes = parentLoc.units;
    const prefix = parentLoc.address ? `${parentLoc.address} ` : '';
    const inScope = units.filter((u) => u.word === last.word && scopes.some((s) => inside(u, s)));
    const found: GUnit[] = [];
    for (const v of expand(last, [...new Set(inScope.map((u) => u.num))])) {
      const hits = inScope.filter((x) => x.num === v);
      if (!hits.length) return this.fail(change, { missing: true, what: `${prefix}${last.word} ${v}`, existing: nearestText(inScope.map((x) => x.num), v, (n) => `${last.word ?? ''} ${n}`) });
      // „Abschnitt 3“ where each Buch has one: not a guess at the first
      if (hits.length > 1) return this.ambiguous(change, `${prefix}${last.word} ${v}`, hits, units);
      if (!found.includes(hits[0])) found.push(hits[0]);
    }
    const address = `${prefix}${levelText(last)}`;
    resolved.set(change, heading ? `${address} Überschrift` : address);
    const parentHead = found[0].parent >= 0 ? this.doc.blocks[found[0].parent].heading : undefined;
    const where = parentHead?.kind === 'gliederung' ? `in ${parentHead.label}` : 'im Gesetz';
    if (heading) {
      const i = found[0].index;
      const b = this.own(i);
      if (change.words) return this.words(change, { blockIndex: i, unit: b, heading: true, address: `${address} Überschrift` }, change.words);
      return this.setTitle(change, b);
    }
    if (change.words) {
      // words in the §§ of the unit
      const span: number[] = [];
      for (const u of found) for (let i = u.index + 1; i < u.end; i++) if (this.doc.blocks[i].heading?.kind !== 'gliederung') span.push(i);
      for (const i of span) this.own(i);
      return this.words(change, { blockIndex: found[0].index, unit: this.doc.blocks[found[0].index], span, address }, change.words);
    }
    switch (change.verb) {
      case 'aufheben':
        // the heading stays, „(weggefallen)“; what the unit held goes
        for (const u of [...found].reverse()) {
          this.removeBlocks(u.index + 1, u.end);
          const b = this.own(u.index);
          if (b.heading?.kind === 'gliederung') b.heading.title = '(weggefallen)';
          b.body = [];
        }
        return true;
      case 'streichen':
        for (const u of [...found].reverse()) this.removeBlocks(u.index, u.end);
        return true;
      case 'umnummerieren': {
        const to = change.to?.[change.to.length - 1];
        if (!to) return false;
        const targets = enumerate(to);
        // the siblings keep their numbers
        const others = units.filter((u) => u.word === last.word && u.parent === found[0].parent && !found.includes(u)).map((u) => u.num);
        found.forEach((u, j) => {
          const t = targets[j];
          if (t === undefined) return;
          if (others.includes(t)) this.issue(change, 'nummer-belegt', { what: `${last.word} ${t}`, where });
          const b = this.own(u.index);
          if (b.heading?.kind === 'gliederung') b.heading.label = designation(b.heading.label, to.word ?? last.word ?? '', t);
        });
        return true;
      }
      case 'neufassen':
      case 'ersetzen':
      case 'einfuegen': {
        const f = this.fragment(change);
        if (!f) return false;
        if (f.kind !== 'blocks' || f.blocks[0]?.heading?.kind !== 'gliederung') {
          this.issue(change, 'inhalt-fehlt', {});
          return false;
        }
        const replacing = change.verb !== 'einfuegen';
        const from = replacing || change.side === 'vor' ? found[0].index : found[found.length - 1].end;
        const to = replacing ? found[found.length - 1].end : from;
        const replaced = new Set(replacing ? this.doc.blocks.slice(from, to) : []);
        this.checkUnitNums(change, this.newUnits(f.blocks), units, found[0].parent, from, to, new Set(replacing ? found : []), where);
        this.takenNorms(change, f.blocks, replaced);
        if (replacing) this.removeBlocks(from, to);
        this.insertBlocks(from, f.blocks);
        return true;
      }
      default:
        return false;
    }
  }

  /** „Folgender Abschnitt 5 wird angefügt“, „Dem Teil 2 wird folgender Abschnitt 1 vorangestellt“, „… folgender § 12a angefügt“. */
  private gliederungAppend(change: C, levels: Level[], units: GUnit[], resolved: Map<C, string>): boolean {
    const loc = this.locateGliederung(levels, units);
    if ('missing' in loc) return this.fail(change, loc);
    if (loc.units.length > 1) return this.ambiguous(change, loc.address, loc.units as GUnit[], units);
    const container = loc.units[0];
    resolved.set(change, loc.address || 'Gesetz');
    const f = this.fragment(change);
    if (!f) return false;
    if (f.kind !== 'blocks') {
      this.issue(change, 'inhalt-fehlt', {});
      return false;
    }
    let at: number;
    if (container) at = change.verb === 'voranstellen' ? container.index + 1 : container.end;
    else {
      // the law: after (before) its top-level Gliederung units
      const top = units.filter((u) => u.parent < 0);
      if (!top.length) return this.fail(change, { missing: true, what: change.neu ? levelText(change.neu) : '(ohne Ziel)', existing: 'das Gesetz hat keine Gliederung' });
      at = change.verb === 'voranstellen' ? top[0].index : top[top.length - 1].end;
    }
    const where = container ? `in ${loc.address}` : 'im Gesetz';
    const news = this.newUnits(f.blocks);
    if (news.length) this.checkUnitNums(change, news, units, container ? container.index : -1, at, at, new Set(), where);
    else {
      const { lo, hi } = this.neighbours(at, at, new Set());
      const taken: string[] = [];
      for (const { kind, num } of this.newNums(f)) if (this.lookup(`${kind === 'artikel' ? 'Artikel' : '§'}|${num}`)) taken.push(num);
      this.checkNums(change, f, taken, lo, hi, 'im Gesetz');
    }
    this.takenNorms(change, news.length ? f.blocks : [], new Set());
    this.insertBlocks(at, f.blocks);
    return true;
  }

  /** A new heading title („Die Überschrift … wird wie folgt gefasst“), or none („… wird aufgehoben“). */
  private setTitle(change: C, block: DocBlock): boolean {
    const h = block.heading;
    if (change.verb === 'aufheben' || change.verb === 'streichen') {
      if (!h || !('title' in h)) return false;
      h.title = undefined;
      return true;
    }
    const f = this.fragment(change);
    if (!f || !h || !('title' in h)) return false;
    h.title = f.kind === 'text' ? f.text : (change.content ?? []).join(' ');
    return true;
  }

  private normChange(change: C, last: Level, resolved: Map<C, string>): boolean {
    const nums = last.range ? expand(last, normNums(this.doc, last.kind)) : last.values;
    const idx: number[] = [];
    for (const v of nums) {
      const loc = this.locate([{ ...last, values: [v], range: false }], true);
      if ('missing' in loc) return this.fail(change, loc);
      idx.push(loc.blockIndex);
    }
    resolved.set(change, levelText(last));
    switch (change.verb) {
      case 'aufheben':
        for (const i of idx) {
          const b = this.own(i);
          if (b.heading && 'title' in b.heading) b.heading.title = '(weggefallen)';
          b.body = [];
        }
        return true;
      case 'streichen':
        for (const i of [...idx].sort((a, b) => b - a)) this.reindex(this.doc.blocks.splice(i, 1)[0], undefined);
        return true;
      case 'neufassen':
      case 'ersetzen':
      case 'einfuegen': {
        const f = this.fragment(change);
        if (!f) return false;
        if (f.kind !== 'blocks') {
          this.issue(change, 'inhalt-fehlt', {});
          return false;
        }
        const replacing = change.verb !== 'einfuegen';
        const k = replacing ? Math.min(...idx) : change.side === 'vor' ? Math.min(...idx) : Math.max(...idx) + 1;
        const removed = replacing ? new Set(idx) : new Set<number>();
        const word = last.kind === 'artikel' ? 'Artikel' : '§';
        const taken: string[] = [];
        const removedBlocks = new Set([...removed].map((i) => this.doc.blocks[i]));
        for (const { num } of this.newNums(f)) {
          const at = this.lookup(`${word}|${num}`);
          if (at && !removedBlocks.has(at)) taken.push(num);
        }
        const { lo, hi } = this.neighbours(k, replacing ? Math.max(...idx) + 1 : k, removed);
        this.checkNums(change, f, taken, lo, hi, 'im Gesetz');
        if (removed.size) {
          for (const i of [...removed].sort((a, b) => b - a)) this.reindex(this.doc.blocks.splice(i, 1)[0], undefined);
        }
        this.doc.blocks.splice(k - [...removed].filter((i) => i < k).length, 0, ...f.blocks);
        for (const b of f.blocks) {
          this.copied.add(b);
          this.reindex(undefined, b);
        }
        return true;
      }
      default:
        return false;
    }
  }

  private satzChange(change: C, resolved: Map<C, string>): boolean {
    const path = change.target;
    const last = path[path.length - 1];
    const satzLevel = last?.kind === 'satz' ? last : undefined;
    const containerPath = satzLevel ? path.slice(0, -1) : path;
    const loc = this.locate(containerPath, true);
    if ('missing' in loc) return this.fail(change, loc);
    const own = loc.unit.body;
    resolved.set(change, `${loc.address}${satzLevel ? ` ${levelText(satzLevel)}` : ''}`);
    const newText = (): string | undefined => {
      const f = this.fragment(change);
      if (!f) return undefined;
      return f.kind === 'text' ? f.text : (change.content ?? []).map((l) => l.trim()).join(' ');
    };
    if (!satzLevel) {
      // „Dem Absatz 2 wird folgender Satz angefügt“, „… vorangestellt“
      const t = newText();
      if (t === undefined) return false;
      const texts = own.filter((n): n is TextNode => n.type === 'text');
      if (!texts.length) {
        own.unshift({ type: 'text', text: t });
        return true;
      }
      if (change.verb === 'voranstellen') texts[0].text = `${t} ${texts[0].text}`.trim();
      else texts[texts.length - 1].text = `${texts[texts.length - 1].text} ${t}`.trim();
      return true;
    }
    const count = countSaetze(own);
    const nums = expand(satzLevel, Array.from({ length: count }, (_, i) => String(i + 1)));
    for (const v of nums) {
      if (Number(v) > count || Number(v) < 1) {
        this.issue(change, 'ziel-fehlt', { what: `${loc.address} Satz ${v}`, existing: `${loc.address} hat ${count} Satz/Sätze` });
        return false;
      }
    }
    const ordered = nums.map(Number).sort((a, b) => b - a);
    switch (change.verb) {
      case 'aufheben':
      case 'streichen':
        for (const k of ordered) for (const s of satzSlots(own, k).reverse()) s.set(spliceReplace(s.get(), s.from, s.to, ''));
        return true;
      case 'neufassen':
      case 'ersetzen': {
        const t = newText();
        if (t === undefined) return false;
        for (const k of ordered) {
          const slots = satzSlots(own, k);
          const lastK = k === Number(nums[nums.length - 1]);
          for (const s of slots.reverse()) s.set(spliceReplace(s.get(), s.from, s.to, lastK && s === slots[slots.length - 1] ? t : ''));
        }
        return true;
      }
      case 'einfuegen': {
        const t = newText();
        if (t === undefined) return false;
        const k = Number(change.side === 'vor' ? nums[0] : nums[nums.length - 1]);
        const slots = satzSlots(own, k);
        const s = change.side === 'vor' ? slots[0] : slots[slots.length - 1];
        const text = s.get();
        s.set(change.side === 'vor' ? `${text.slice(0, s.from)}${t} ${text.slice(s.from)}` : `${text.slice(0, s.to)} ${t}${text.slice(s.to)}`.replace(/\s+$/, ''));
        return true;
      }
      default:
        return false;
    }
  }

  private append(change: C, resolved: Map<C, string>): boolean {
    const loc = this.locate(change.target, true);
    if ('missing' in loc) return this.fail(change, loc);
    resolved.set(change, loc.address);
    const f = this.fragment(change);
    if (!f) return false;
    if (f.kind === 'blocks') {
      // „Dem Gesetz wird folgender § 12 angefügt“: after the block
      const taken = normNums(this.doc, 'paragraph');
      this.checkNums(change, f, taken, taken[taken.length - 1], undefined, 'im Gesetz');
      this.doc.blocks.splice(loc.blockIndex + 1, 0, ...f.blocks);
      for (const b of f.blocks) this.reindex(undefined, b);
      return true;
    }
    if (f.kind === 'text') {
      const texts = loc.unit.body.filter((n): n is TextNode => n.type === 'text');
      if (change.verb === 'voranstellen') {
        if (texts[0]) texts[0].text = `${f.text} ${texts[0].text}`;
        else loc.unit.body.unshift({ type: 'text', text: f.text });
      } else if (texts.length) texts[texts.length - 1].text = `${texts[texts.length - 1].text} ${f.text}`;
      else loc.unit.body.push({ type: 'text', text: f.text });
      return true;
    }
    const kind = this.newNums(f)[0]?.kind ?? change.neu?.kind ?? 'nummer';
    const body = loc.unit.body;
    const positions = body.map((n, i) => (childNum(n, kind) !== undefined ? i : -1)).filter((i) => i >= 0);
    const taken = childNums(loc.unit, kind);
    if (change.verb === 'voranstellen') {
      const at = positions.length ? positions[0] : body.findIndex((n) => n.type !== 'text');
      this.checkNums(change, f, taken, undefined, taken[0], `in ${loc.address}`);
      body.splice(at < 0 ? body.length : at, 0, ...f.nodes);
    } else {
      const at = positions.length ? positions[positions.length - 1] + 1 : kind === 'absatz' ? body.length : firstTrailingText(body);
      this.checkNums(change, f, taken, taken[taken.length - 1], undefined, `in ${loc.address}`);
      body.splice(at, 0, ...f.nodes);
    }
    return true;
  }

  private renumber(change: C, resolved: Map<C, string>): boolean {
    const path = change.target;
    const last = path[path.length - 1];
    const to = change.to?.[change.to.length - 1];
    if (!last || !to) return false;
    if (path.length === 1 && (last.kind === 'paragraph' || last.kind === 'artikel')) {
      const from = expand(last, normNums(this.doc, last.kind));
      const targets = enumerate(to);
      resolved.set(change, levelText(last));
      const idx: number[] = [];
      for (const v of from) {
        const loc = this.locate([{ ...last, values: [v], range: false }], true);
        if ('missing' in loc) return this.fail(change, loc);
        idx.push(loc.blockIndex);
      }
      const renamed = idx.map((bi, j) => {
        const b = this.own(bi);
        this.reindex(b, undefined);
        if (b.heading?.kind === 'norm' && targets[j] !== undefined) b.heading.num = targets[j];
        return b;
      });
      for (const b of renamed) this.reindex(undefined, b);
      return true;
    }
    const parentLoc = this.locate(path.slice(0, -1), true);
    if ('missing' in parentLoc) return this.fail(change, parentLoc);
    const parent = parentLoc.unit;
    const from = expand(last, childNums(parent, last.kind));
    const targets = enumerate(to);
    resolved.set(change, `${parentLoc.address} ${levelText(last)}`);
    const nodes: Node[] = [];
    for (const v of from) {
      const k = findChild(parent, last.kind, v);
      if (k < 0) return this.fail(change, { missing: true, what: `${parentLoc.address} ${WORD[last.kind]} ${v}`, existing: this.existing(parent, last.kind, parentLoc.address) });
      nodes.push(parent.body[k]);
    }
    const keep = new Set(nodes);
    const others = parent.body.filter((n) => !keep.has(n)).map((n) => childNum(n, last.kind)).filter((x): x is string => x !== undefined);
    nodes.forEach((n, j) => {
      const t = targets[j];
      if (t === undefined) return;
      if (others.includes(t)) this.issue(change, 'nummer-belegt', { what: `${WORD[last.kind]} ${t}`, where: `in ${parentLoc.address}` });
      if (n.type === 'absatz') n.num = t;
      else if (n.type === 'item') n.marker = t + n.marker.slice(markerNum(n.marker).length);
    });
    return true;
  }
}

function firstTrailingText(body: Node[]): number {
  let i = body.length;
  while (i > 0 && body[i - 1].type === 'text' && body.slice(0, i - 1).some((n) => n.type === 'item' || n.type === 'absatz')) i--;
  return i;
}

// --- text ---------------------------------------------------------------------------------------------

interface Slot {
  get(): string;
  set(s: string): void;
  /** The stretch of the text that belongs to the slot. */
  from: number;
  to: number;
}

function textSlot(n: TextNode): Slot {
  return { get: () => n.text, set: (s) => (n.text = s), from: 0, to: n.text.length };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function shorten(s: string): string {
  return s.length > 300 ? `${s.slice(0, 297)}…` : s;
}

/** Occurrences of `needle` in the slots, as whole words where it begins or ends with a letter or digit. */
function occurrences(slots: Slot[], needle: string): { slot: Slot; start: number; end: number }[] {
  const out: { slot: Slot; start: number; end: number }[] = [];
  if (!needle) return out;
  const headWord = LETTER_OR_DIGIT.test(needle[0]);
  const tailWord = LETTER_OR_DIGIT.test(needle[needle.length - 1]);
  for (const slot of slots) {
    const t = slot.get();
    for (let i = t.indexOf(needle, slot.from); i >= 0 && i + needle.length <= slot.to; i = t.indexOf(needle, i + 1)) {
      if (headWord && i > 0 && LETTER_OR_DIGIT.test(t[i - 1])) continue;
      const e = i + needle.length;
      if (tailWord && e < t.length && LETTER_OR_DIGIT.test(t[e])) continue;
      out.push({ slot, start: i, end: e });
    }
  }
  return out;
}

const PUNCT_START = /^[,.;:)]/;

/** Replace text[s, e) by `neu`, keeping the blanks right: „oder“ → „,“ closes up, „.“ → „oder“ opens up. */
export function spliceReplace(text: string, s: number, e: number, neu: string): string {
  let before = text.slice(0, s);
  let after = text.slice(e);
  if (neu === '') {
    if (before.endsWith(' ') && (after === '' || after.startsWith(' ') || PUNCT_START.test(after))) before = before.slice(0, -1);
    else if (before === '' && after.startsWith(' ')) after = after.slice(1);
    return before + after;
  }
  const old = text.slice(s, e);
  if (PUNCT_START.test(neu) && before.endsWith(' ') && !PUNCT_START.test(old)) before = before.trimEnd();
  if (!LETTER_OR_DIGIT.test(old[0] ?? '') && LETTER_OR_DIGIT.test(neu[0]) && before && !before.endsWith(' ') && !/[(„]$/.test(before)) before += ' ';
  if (!LETTER_OR_DIGIT.test(old[old.length - 1] ?? '') && LETTER_OR_DIGIT.test(neu[neu.length - 1]) && after && LETTER_OR_DIGIT.test(after[0])) after = ` ${after}`;
  return before + neu + after;
}

/** Insert `neu` at `at`, after or before the anchor. */
export function spliceInsert(text: string, at: number, neu: string, side: 'vor' | 'nach'): string {
  const before = text.slice(0, at);
  const after = text.slice(at);
  if (side === 'vor') return `${before}${neu}${PUNCT_START.test(after) || neu.endsWith(' ') ? '' : ' '}${after}`;
  const glue = PUNCT_START.test(neu) || before === '' || before.endsWith(' ') ? '' : ' ';
  return `${before}${glue}${neu}${after}`;
}

/** Sentence spans of a text: [start, end) pairs. */
export function sentenceSpans(t: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let depthQ = 0;
  let depthP = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '„') depthQ++;
    else if (c === '“' && depthQ > 0) depthQ--;
    else if (c === '(') depthP++;
    else if (c === ')' && depthP > 0) depthP--;
    if ((c !== '.' && c !== '?' && c !== '!') || depthQ || depthP) continue;
    const next = t.slice(i + 1);
    if (next !== '' && !/^\s+[\p{Lu}„§(\d]/u.test(next)) continue;
    if (c === '.') {
      let ws = i;
      while (ws > start && LETTER_OR_DIGIT.test(t[ws - 1])) ws--;
      const w = t.slice(ws, i);
      if (SENTENCE_ABBREVIATIONS.has(w) || /^\p{L}$/u.test(w)) continue;
      if (/^\d+$/.test(w) && next !== '' && !/^\d{4}$/.test(w) && !/(?:§|Absatz|Satz|Nummer|Artikel|S\.)\s+\d+$/.test(t.slice(Math.max(0, i - 20), i))) continue;
    }
    out.push([start, i + 1]);
    start = i + 1;
    while (start < t.length && t[start] === ' ') start++;
    i = start - 1;
  }
  if (start < t.length && t.slice(start).trim()) out.push([start, t.length]);
  return out;
}

/** The own text nodes of a body with their sentences, numbered through (text after a list in lower case continues). */
function numberedSentences(own: Node[]): { node: TextNode; span: [number, number]; num: number }[] {
  const out: { node: TextNode; span: [number, number]; num: number }[] = [];
  let num = 0;
  for (const n of own) {
    if (n.type !== 'text') continue;
    const spans = sentenceSpans(n.text);
    spans.forEach((sp, j) => {
      const continues = j === 0 && num > 0 && /^\p{Ll}/u.test(n.text.slice(sp[0]));
      if (!continues) num++;
      out.push({ node: n, span: sp, num });
    });
  }
  return out;
}

function countSaetze(own: Node[]): number {
  const s = numberedSentences(own);
  return s.length ? s[s.length - 1].num : 0;
}

function satzSlots(own: Node[], k: number): Slot[] {
  return numberedSentences(own)
    .filter((s) => s.num === k)
    .map((s) => ({ get: () => s.node.text, set: (x: string) => (s.node.text = x), from: s.span[0], to: s.span[1] }));
}

/**
 * Apply changes in order to a law's tree. Returns the new tree (the input is
 * not changed), the problems met, and the changes applied without an error.
 */
export function applyChanges<C extends Change>(base: NormaDoc, changes: readonly C[]): ApplyResult<C> {
  const e = new Engine<C>(base);
  const applied: C[] = [];
  const resolved = new Map<C, string>();
  for (const c of changes) if (e.apply(c, resolved)) applied.push(c);
  return { doc: e.doc, issues: e.issues, applied, resolved };
}

// --- Gliederung units in the tree --------------------------------------------------------------------

const G_WORD_RE = 'Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel';
const G_ARABIC = new RegExp(`^(${G_WORD_RE})\\s+(\\d+[a-z]{0,2})$`);
const G_ROMAN = new RegExp(`^(${G_WORD_RE})\\s+([IVXLC]+)(?:\\s?([a-z]))?\\.?$`);
const G_ORDINAL = new RegExp(`^([A-ZÄÖÜ][a-zäöüß]+?)(?:er|es|e)\\s+(${G_WORD_RE})$`);
const G_BARE = /^([IVXLC]+)(?:\s?([a-z]))?\.$/;

/** Word and number of a Gliederung heading's label: „Abschnitt 2a“, „Zweiter Teil“ (2), „Kapitel IV“ (4), „VIIIa.“ (Abschnitt 8a). */
export function gliederungOf(label: string): { word: string; num: string } {
  const l = label.trim();
  let m = G_ARABIC.exec(l);
  if (m) return { word: m[1], num: m[2] };
  if ((m = G_ROMAN.exec(l))) return { word: m[1], num: `${romanValue(m[2])}${m[3] ?? ''}` };
  if ((m = G_ORDINAL.exec(l)) && ordinalStemValue(m[1]) !== undefined) return { word: m[2], num: String(ordinalStemValue(m[1])) };
  if ((m = G_BARE.exec(l))) return { word: 'Abschnitt', num: `${romanValue(m[1])}${m[2] ?? ''}` };
  return { word: l.split(/\s/)[0], num: '' };
}

/** A Gliederung unit of a tree: its heading block, its parent unit's heading (-1: none) and where it ends. */
export interface GUnit {
  index: number;
  word: string;
  num: string;
  parent: number;
  /** The first block after the unit. */
  end: number;
}

/**
 * The Gliederung units of a list of blocks, nested as the parser nests them
 * (docs/language.md section 7): a word already open closes back to its level,
 * any other word opens a deeper level; Anlagen and the keyword headings
 * close all.
 */
export function gliederungUnits(blocks: readonly DocBlock[]): GUnit[] {
  const out: GUnit[] = [];
  let stack: GUnit[] = [];
  blocks.forEach((b, i) => {
    const h = b.heading;
    if (h?.kind === 'gliederung') {
      const g = gliederungOf(h.label);
      const k = stack.findIndex((u) => u.word === g.word);
      if (k >= 0) {
        for (const u of stack.slice(k)) u.end = i;
        stack = stack.slice(0, k);
      }
      const u: GUnit = { index: i, word: g.word, num: g.num, parent: stack.length ? stack[stack.length - 1].index : -1, end: blocks.length };
      stack.push(u);
      out.push(u);
    } else if (h && h.kind !== 'norm' && h.kind !== 'range') {
      for (const u of stack) u.end = i;
      stack = [];
    }
  });
  return out;
}

/** A Gliederung designation in the style of the one it replaces: „Vierter Abschnitt“ after „Dritter Abschnitt“, else „Abschnitt 4“. */
function designation(old: string, word: string, num: string): string {
  if (G_ORDINAL.test(old.trim()) && /^\d+$/.test(num)) return ordinalDesignation(word, Number(num)) ?? `${word} ${num}`;
  return `${word} ${num}`;
}

/** The path of units down to u, outermost first. */
function candidate(u: GUnit, units: GUnit[]): GCandidate {
  const path: GCandidate['path'] = [];
  for (let x: GUnit | undefined = u; x; x = x.parent >= 0 ? units.find((y) => y.index === x?.parent) : undefined) path.unshift({ word: x.word, num: x.num });
  return { path };
}

function inside(u: GUnit, scope: GUnit | undefined): boolean {
  return !scope || (u.index > scope.index && u.index < scope.end);
}

/**
 * „nächste: Abschnitt 2, Abschnitt 4“: the numbers next to a missing one, each named by `name`
 * (`none` when there is none on either side).
 */
export function nearestText(nums: string[], v: string, name: (n: string) => string, none = ''): string {
  const k = numKey(v);
  let before: string | undefined;
  let after: string | undefined;
  for (const n of nums) {
    if (numKey(n) < k && (!before || numKey(n) > numKey(before))) before = n;
    if (numKey(n) > k && (!after || numKey(n) < numKey(after))) after = n;
  }
  const near = [before, after].filter((n): n is string => n !== undefined).map(name).join(', ');
  return near ? `nächste: ${near}` : none;
}

// --- what a change depends on --------------------------------------------------------------------------

type Route = 'inhalt' | 'gliederung' | 'renumber' | 'words' | 'append' | 'satz' | 'norm' | 'ueberschrift' | 'unit';

/** Which part of the engine carries out a change. */
function route(c: Change): Route {
  const path = c.target;
  const last = path[path.length - 1];
  if (path[0]?.kind === 'inhaltsuebersicht') return 'inhalt';
  if (path[0]?.kind === 'gliederung' || (!path.length && c.neu?.kind === 'gliederung')) return 'gliederung';
  if (c.verb === 'umnummerieren') return 'renumber';
  if (c.words) return 'words';
  if ((c.verb === 'anfuegen' || c.verb === 'voranstellen') && c.neu?.kind !== 'satz') return 'append';
  if (c.neu?.kind === 'satz' || last?.kind === 'satz') return 'satz';
  if (last && path.length === 1 && (last.kind === 'paragraph' || last.kind === 'artikel' || last.kind === 'anlage')) return 'norm';
  if (last?.kind === 'ueberschrift') return 'ueberschrift';
  return 'unit';
}

/**
 * The key (`§|3a`, `Artikel|2`, `Anlage|1`) of the one block a change reads
 * and changes, when it changes only the inside of one § or Artikel (words,
 * Sätze, Absätze, list items, the heading's title); undefined for changes
 * that add, remove or renumber §§, Artikel or Gliederung units.
 */
export function localKey(c: Change): string | undefined {
  const r = route(c);
  if (r === 'gliederung' || r === 'norm') return undefined;
  const path = c.target;
  const first = path[0];
  if (!first || (first.kind !== 'paragraph' && first.kind !== 'artikel' && first.kind !== 'anlage') || first.values.length !== 1 || first.range) return undefined;
  if (r === 'renumber' && path.length === 1) return undefined;
  if (r === 'append' && c.content?.length && fragmentKind(c.content[0]) === 'norm') return undefined;
  return `${first.kind === 'artikel' ? 'Artikel' : first.kind === 'anlage' ? 'Anlage' : '§'}|${first.values[0]}`;
}

/** What a change does, independent of where it stands in the draft (two changes with one key give the same result). */
export function changeKey(c: Change): string {
  if (c.key !== undefined) return c.key;
  const w = c.words;
  return JSON.stringify([c.verb, c.target, w ? [w.op, w.old?.text, w.anchor?.text, w.neu?.text, w.side, w.atEnd, w.all] : 0, c.neu ?? 0, c.side ?? 0, c.content ?? 0, c.to ?? 0]);
}

// --- applying -------------------------------------------------------------------------------------------

/** One change as applied: its outcome, and what it read and changed. */
export interface StepRecord<C extends Change = Change> {
  key: string;
  ok: boolean;
  issues: Issue<C>[];
  resolved: string | undefined;
  /** A local change: the key of its block, and the block after it. */
  local?: string;
  after?: DocBlock;
  /** Any other change: the blocks it looked up, copied, added or removed, by key, as they are after it. */
  touched?: Map<string, DocBlock | undefined>;
}

interface Checkpoint {
  /** The state before change `at`. */
  at: number;
  blocks: readonly DocBlock[];
  overlay: ReadonlyMap<string, DocBlock | null>;
}

/**
 * The blocks of the new version: an array and the blocks replaced in it
 * since (an edit confined to one § replaces one block; the array is
 * written out only when someone reads it).
 */
class FinalBlocks {
  private array: DocBlock[] | undefined;
  private rootSet: Set<DocBlock> | undefined;

  constructor(
    private readonly root: readonly DocBlock[],
    /** Block of `root` → the block in its place now. */
    private readonly patch: ReadonlyMap<DocBlock, DocBlock> = new Map(),
    /** The other way round. */
    private readonly back: ReadonlyMap<DocBlock, DocBlock> = new Map(),
  ) {}

  get blocks(): readonly DocBlock[] {
    if (!this.patch.size) return this.root;
    if (!this.array) this.array = this.root.map((b) => this.patch.get(b) ?? b);
    return this.array;
  }

  /** The same blocks with `old` (one of them) replaced by `now`; undefined when `old` is not one of them. */
  replace(old: DocBlock, now: DocBlock): FinalBlocks | undefined {
    const r = this.back.get(old) ?? old;
    if ((this.patch.get(r) ?? r) !== old) return undefined;
    this.rootSet ??= new Set(this.root);
    if (!this.rootSet.has(r)) return undefined;
    if (this.patch.size >= 256) return new FinalBlocks(this.blocks).replace(old, now);
    const patch = new Map(this.patch).set(r, now);
    const back = new Map(this.back);
    back.delete(old);
    back.set(now, r);
    const f = new FinalBlocks(this.root, patch, back);
    f.rootSet = this.rootSet;
    return f;
  }
}

/** The state of an amended law after a list of changes, kept for the next, slightly different list. */
export interface ApplyState<C extends Change = Change> {
  base: NormaDoc;
  records: StepRecord<C>[];
  checkpoints: Checkpoint[];
  final: FinalBlocks;
  result: ApplyResult<C>;
  /** How the result was reached: all changes applied, from a checkpoint on, only the chains of the changed blocks, or nothing changed. */
  mode: 'full' | 'replay' | 'local' | 'same';
  /** Changes carried out for this result. */
  replayed: number;
}

const EMPTY_INDEX = new Map<string, DocBlock>();

function assemble<C extends Change>(base: NormaDoc, final: FinalBlocks, records: StepRecord<C>[], changes: readonly C[]): ApplyResult<C> {
  const issues: Issue<C>[] = [];
  const applied: C[] = [];
  const resolved = new Map<C, string>();
  records.forEach((r, j) => {
    const c = changes[j];
    for (const i of r.issues) issues.push(i.change === c ? i : { ...i, change: c });
    if (r.ok) applied.push(c);
    if (r.resolved !== undefined) resolved.set(c, r.resolved);
  });
  let doc: NormaDoc | undefined;
  return {
    // the tree of the new version, written out on first use (the checks of the draft do not need it)
    get doc(): NormaDoc {
      return (doc ??= { ...base, blocks: final.blocks as DocBlock[] });
    },
    issues,
    applied,
    resolved,
  };
}

/** The block of a key before change `t`, by the records of the changes before it. */
function versionAt(records: readonly StepRecord[], t: number, key: string, baseIndex: Map<string, DocBlock>): DocBlock | undefined {
  for (let j = t - 1; j >= 0; j--) {
    const r = records[j];
    if (r.local === key) return r.after;
    if (r.touched?.has(key)) return r.touched.get(key);
  }
  return baseIndex.get(key);
}

/** Apply the changes from change `from` on, starting at the last checkpoint before it. */
function replay<C extends Change>(base: NormaDoc, changes: readonly C[], keys: string[], prev: ApplyState<C> | undefined, from: number): ApplyState<C> {
  const cps = prev ? prev.checkpoints.filter((c) => c.at <= from) : [{ at: 0, blocks: base.blocks, overlay: new Map() }];
  const cp = cps[cps.length - 1];
  const engine = new Engine<C>(base, cp);
  const records = prev ? prev.records.slice(0, cp.at) : [];
  const every = Math.max(8, Math.ceil(changes.length / 16));
  for (let j = cp.at; j < changes.length; j++) {
    if (j > cp.at && j % every === 0) cps.push({ at: j, blocks: [...engine.doc.blocks], overlay: new Map(engine.overlay) });
    records.push(engine.step(changes[j], keys[j]));
  }
  const final = new FinalBlocks(engine.doc.blocks);
  return { base, records, checkpoints: cps, final, result: assemble(base, final, records, changes), mode: prev ? 'replay' : 'full', replayed: changes.length - cp.at };
}

/**
 * When the changed commands (from `d` on, up to the unchanged tail) all
 * change the inside of one § each, and no later change that adds, removes or
 * renumbers blocks touches those §§: re-apply only the commands on those §§,
 * from their state before `d`, and put their new final versions in place.
 */
function localUpdate<C extends Change>(prev: ApplyState<C>, base: NormaDoc, changes: readonly C[], keys: string[], d: number): ApplyState<C> | undefined {
  const oldN = prev.records.length;
  const n = changes.length;
  let e = 0;
  while (e < oldN - d && e < n - d && prev.records[oldN - 1 - e].key === keys[n - 1 - e]) e++;
  const shift = n - oldN;
  const affected = new Set<string>();
  for (let j = d; j < oldN - e; j++) {
    const k = prev.records[j].local;
    if (!k) return undefined;
    affected.add(k);
  }
  const newLocal: (string | undefined)[] = [];
  for (let j = d; j < n - e; j++) {
    const k = localKey(changes[j]);
    if (!k) return undefined;
    newLocal[j] = k;
    affected.add(k);
  }
  for (let j = oldN - e; j < oldN; j++) {
    const t = prev.records[j].touched;
    if (t) for (const k of affected) if (t.has(k)) return undefined;
  }
  const records: StepRecord<C>[] = new Array(n);
  for (let j = 0; j < d; j++) records[j] = prev.records[j];
  for (let j = n - e; j < n; j++) records[j] = prev.records[j - shift];
  const baseIndex = indexOf(base);
  let final: FinalBlocks | undefined = prev.final;
  let replayed = 0;
  for (const k of affected) {
    let cur = versionAt(prev.records, d, k, baseIndex);
    const oldFinal = versionAt(prev.records, oldN, k, baseIndex);
    if (!cur || !oldFinal) return undefined;
    for (let j = d; j < n; j++) {
      if ((j < n - e ? newLocal[j] : records[j].local) !== k) continue;
      const r = new Engine<C>(base, { blocks: [cur], overlay: new Map([[k, cur]]), baseIndex: EMPTY_INDEX }).step(changes[j], keys[j]);
      if (r.local !== k || !r.after) return undefined;
      records[j] = r;
      cur = r.after;
      replayed++;
    }
    final = final.replace(oldFinal, cur);
    if (!final) return undefined;
  }
  return { base, records, checkpoints: prev.checkpoints.filter((c) => c.at <= d), final, result: assemble(base, final, records, changes), mode: 'local', replayed };
}

/**
 * Apply changes to a law's tree, reusing the state of an earlier, similar
 * list of changes (the same draft before an edit): commands are compared by
 * {@link changeKey}; the unchanged ones before the first difference keep
 * their results; an edit confined to one § re-applies only the commands on
 * that §; any other edit re-applies from the last checkpoint before it. The
 * result is the same as {@link applyChanges} from scratch. A new base tree
 * (the amended law was edited) starts over.
 */
export function applyIncremental<C extends Change>(prev: ApplyState<C> | undefined, base: NormaDoc, changes: readonly C[]): ApplyState<C> {
  const keys = changes.map(changeKey);
  if (!prev || prev.base !== base) return replay(base, changes, keys, undefined, 0);
  const oldN = prev.records.length;
  const n = changes.length;
  let d = 0;
  while (d < oldN && d < n && prev.records[d].key === keys[d]) d++;
  if (d === oldN && d === n) return { ...prev, result: assemble(base, prev.final, prev.records, changes), mode: 'same', replayed: 0 };
  return localUpdate(prev, base, changes, keys, d) ?? replay(base, changes, keys, prev, d);
}
