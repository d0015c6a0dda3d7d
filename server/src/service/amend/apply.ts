/**
 * The apply engine: the new version of an amended law, computed from its
 * tree ({@link NormaDoc}, see tree.ts) and the changes of an amending law in
 * order. A pure function: the input tree is never changed (a block is copied
 * before its first change), the result is a new tree and the problems met on
 * the way (a target that does not exist, old text that is not there or is
 * there more than once, a number that is taken).
 */
import type { DocBlock, Node, NormaDoc } from '../import/writer';
import type { AstLevel, AstLevelKind, AstWordChange } from './grammar';
import { cloneBlock, markerKind, markerNum, parseFragment, type Fragment } from './tree';
import { SENTENCE_ABBREVIATIONS } from '../parser/sentences';

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
}

export type IssueKind = 'ziel-fehlt' | 'text-fehlt' | 'text-mehrdeutig' | 'nummer-belegt' | 'nummer-reihenfolge' | 'inhalt-fehlt';

export interface Issue<C extends Change = Change> {
  change: C;
  kind: IssueKind;
  args: Record<string, string | number>;
  /** Which quote the issue is about (word changes). */
  quote?: 'old' | 'anchor';
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
  if (l.kind === 'teil') return `Teilsatz ${l.side} ${l.of ? levelText(l.of) : ''}`.trim();
  if (l.kind === 'ueberschrift') return 'Überschrift';
  if (!l.values.length) return WORD[l.kind];
  if (l.values.length === 1) return `${WORD[l.kind]} ${l.values[0]}`;
  const w = PLURAL[l.kind] ?? WORD[l.kind];
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
  address: string;
}

interface Missing {
  missing: true;
  what: string;
  existing: string;
}

class Engine<C extends Change> {
  readonly doc: NormaDoc;
  private readonly copied = new Set<DocBlock>();
  readonly issues: Issue<C>[] = [];

  /** Changes to the base's index: key → the block now (null: gone). */
  private readonly overlay = new Map<string, DocBlock | null>();
  private readonly baseIndex: Map<string, DocBlock>;

  constructor(base: NormaDoc) {
    this.doc = { ...base, blocks: [...base.blocks] };
    this.baseIndex = indexOf(base);
  }

  private lookup(key: string): DocBlock | undefined {
    const o = this.overlay.get(key);
    if (o !== undefined) return o ?? undefined;
    return this.baseIndex.get(key);
  }

  /** Keep the index right when a block takes another's place, arrives or goes. */
  private reindex(old: DocBlock | undefined, now: DocBlock | undefined): void {
    if (old) {
      const k = blockKey(old);
      if (k && this.lookup(k) === old) this.overlay.set(k, now && blockKey(now) === k ? now : null);
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
      const nums = normNums(this.doc, first.kind);
      const k = numKey(v);
      let before: string | undefined;
      let after: string | undefined;
      for (const n of nums) {
        if (numKey(n) < k && (!before || numKey(n) > numKey(before))) before = n;
        if (numKey(n) > k && (!after || numKey(n) < numKey(after))) after = n;
      }
      const near = [before, after].filter(Boolean).map((n) => `${WORD[first.kind]} ${n}`).join(', ');
      return { missing: true, what: levelText({ ...first, values: [v], range: false }), existing: near ? `nächste: ${near}` : '' };
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
    const block = this.doc.blocks[loc.blockIndex];
    if (loc.heading) {
      const h = block.heading;
      if (!h || !('title' in h)) return [];
      return [{ get: () => h.title ?? '', set: (s) => (h.title = s), from: 0, to: (h.title ?? '').length }];
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
    for (const { kind, num } of this.newNums(f)) {
      if (taken.includes(num)) {
        this.issue(change, 'nummer-belegt', { what: `${WORD[kind]} ${num}`, where });
        continue;
      }
      const k = numKey(num);
      if ((lo !== undefined && k <= numKey(lo)) || (hi !== undefined && k >= numKey(hi))) {
        this.issue(change, 'nummer-reihenfolge', { what: `${WORD[kind]} ${num}`, lo: lo ?? '–', hi: hi ?? '–', where });
      }
    }
  }

  apply(change: C, resolved: Map<C, string>): boolean {
    const before = this.issues.length;
    const ok = this.applyOne(change, resolved);
    return ok && !this.issues.slice(before).some((i) => i.kind === 'ziel-fehlt' || i.kind === 'text-fehlt' || i.kind === 'inhalt-fehlt');
  }

  private fail(change: C, m: Missing): false {
    this.issue(change, 'ziel-fehlt', { what: m.what, existing: m.existing });
    return false;
  }

  private applyOne(change: C, resolved: Map<C, string>): boolean {
    const path = change.target;
    const last = path[path.length - 1];
    if (change.verb === 'umnummerieren') return this.renumber(change, resolved);
    if (change.words) {
      const loc = this.locate(path, true);
      if ('missing' in loc) return this.fail(change, loc);
      resolved.set(change, loc.address);
      return this.words(change, loc, change.words);
    }
    if ((change.verb === 'anfuegen' || change.verb === 'voranstellen') && change.neu?.kind !== 'satz') return this.append(change, resolved);
    if (change.neu?.kind === 'satz' || last?.kind === 'satz') return this.satzChange(change, resolved);
    // § / Artikel level
    if (last && path.length === 1 && (last.kind === 'paragraph' || last.kind === 'artikel' || last.kind === 'anlage')) return this.normChange(change, last, resolved);
    if (last?.kind === 'ueberschrift') {
      const loc = this.locate(path, true);
      if ('missing' in loc) return this.fail(change, loc);
      resolved.set(change, loc.address);
      const h = this.doc.blocks[loc.blockIndex].heading;
      const f = this.fragment(change);
      if (!f || !h || !('title' in h)) return false;
      if (change.verb === 'aufheben' || change.verb === 'streichen') h.title = undefined;
      else h.title = f.kind === 'text' ? f.text : (change.content ?? []).join(' ');
      return true;
    }
    if (change.verb === 'anfuegen' || change.verb === 'voranstellen') return this.append(change, resolved);
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
