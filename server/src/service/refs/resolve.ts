/**
 * Resolution of citations against document models: internal and relative
 * references against the citing draft, references to other drafts and
 * imported laws of the workspace against theirs.
 */
import type { DocumentModel } from '../model/document-model';
import { NORM_KINDS, type Unit } from '../model/types';
import { RANK, type CitEntry, type CitLevel, type Citation, type LevelKind } from './citations';
import { numKey } from '../rules/structure-rules';

export type CitStatus = 'resolved' | 'unresolved' | 'repealed' | 'known' | 'unknown';

/** Looks a unit up by eId in the current model of a document (after an edit replaced its block). */
export type Healer = (uri: string, eId: string) => Unit | undefined;

/**
 * What a citation points to. Cached resolutions outlive the blocks they
 * point into when those are re-parsed without a change of structure (typing
 * inside a sentence); the unit is then looked up again by its eId.
 */
export class Target {
  constructor(
    readonly uri: string,
    private _unit: Unit,
    /** Satz number when the path names a Satz that exists. */
    readonly satz: number | undefined,
    private _path: Unit[],
    private readonly heal: Healer | undefined,
  ) {}
  /** The deepest unit named (for a Satz: its Absatz or list item). */
  get unit(): Unit {
    if (this._unit.block.detached && this.heal) this._unit = this.heal(this.uri, this._unit.eId) ?? this._unit;
    return this._unit;
  }
  /** Every unit on the path, outermost first (a citation of § 5 Absatz 2 also points to § 5). */
  get path(): Unit[] {
    const h = this.heal;
    if (h && this._path.some((u) => u.block.detached)) this._path = this._path.map((u) => (u.block.detached ? (h(this.uri, u.eId) ?? u) : u));
    return this._path;
  }
}

export interface Problem {
  /** The level that does not resolve. */
  level: CitLevel;
  /** Name of the unit that should contain it („§ 2 Absatz 2“), for the message. */
  parentName: string;
  /** Message key suffix and arguments (see ref-rules). */
  kind: 'norm' | 'sub' | 'satz' | 'context' | 'anlage';
  existing: string;
}

export interface EntryResolution {
  entry: CitEntry;
  status: CitStatus;
  targets: Target[];
  problem: Problem | undefined;
}

const CHILD_KIND: Partial<Record<LevelKind, string>> = {
  absatz: 'absatz',
  nummer: 'nummer',
  buchstabe: 'buchstabe',
  doppelbuchstabe: 'doppelbuchstabe',
};

/** Norms by number (and range units covering numbers), built once per model. */
export class NormIndex {
  readonly byNum = new Map<string, Unit>();
  readonly ranges: Unit[] = [];
  readonly anlagen = new Map<string, Unit>();
  constructor(readonly model: DocumentModel) {
    for (const u of model.norms) {
      if (u.kind === 'bereich') this.ranges.push(u);
      else if (u.num && !this.byNum.has(`${u.kind}:${u.num}`)) this.byNum.set(`${u.kind}:${u.num}`, u);
    }
    for (const a of model.anlagen) this.anlagen.set(a.num ?? '', a);
  }
  norm(kind: 'paragraph' | 'artikel', num: string): Unit | undefined {
    const hit = this.byNum.get(`${kind}:${num}`);
    if (hit) return hit;
    // a number inside a repealed range „§§ 3 bis 6 (weggefallen)“
    const k = numKey(num, 'paragraph');
    if (!k) return undefined;
    for (const r of this.ranges) {
      if ((kind === 'artikel') !== r.label.startsWith('Artikel')) continue;
      const a = numKey(r.num, 'paragraph');
      const b = numKey(r.numTo, 'paragraph');
      if (!a || !b) continue;
      const ge = k.n > a.n || (k.n === a.n && k.s >= a.s);
      const le = k.n < b.n || (k.n === b.n && k.s <= b.s);
      if (r.rangeConj === 'und' ? (k.n === a.n && k.s === a.s) || (k.n === b.n && k.s === b.s) : ge && le) return r;
    }
    return undefined;
  }
  private keyed: Map<string, { u: Unit; k: NonNullable<ReturnType<typeof numKey>> }[]> | undefined;
  /** The norms of a kind with their sort keys, in document order (built on first use: messages about missing §§). */
  keyedNorms(kind: 'paragraph' | 'artikel'): { u: Unit; k: NonNullable<ReturnType<typeof numKey>> }[] {
    this.keyed ??= new Map();
    let list = this.keyed.get(kind);
    if (!list) {
      list = [];
      for (const u of this.model.norms) {
        const k = numKey(u.numTo ?? u.num, 'paragraph');
        if (k && u.kind === kind) list.push({ u, k });
      }
      this.keyed.set(kind, list);
    }
    return list;
  }
  /** Norms from `a` to `b` in document order (for ranges). */
  between(a: Unit, b: Unit): Unit[] {
    const norms = this.model.norms;
    const i = norms.indexOf(a);
    const j = norms.indexOf(b);
    if (i < 0 || j < 0 || j < i) return [a, b];
    return norms.slice(i, j + 1);
  }
}

/**
 * Children by `kind:num` (the first of each), built on first use: a list of
 * 20,000 Nummern cited item by item stays linear. Units do not change after
 * their block is parsed (an edit makes new ones), so the index stays valid.
 */
const childIndex = new WeakMap<Unit, Map<string, Unit>>();
function childrenOf(u: Unit): Map<string, Unit> {
  let m = childIndex.get(u);
  if (!m) {
    m = new Map();
    for (const c of u.children) {
      if (!m.has(c.kind)) m.set(c.kind, c); // „has a child of this kind“ (containerOf)
      const k = `${c.kind}:${c.num}`;
      if (!m.has(k)) m.set(k, c);
    }
    childIndex.set(u, m);
  }
  return m;
}

function itemChild(u: Unit, kind: string, num: string): Unit | undefined {
  if (u.children.length < 16) {
    for (const c of u.children) if (c.kind === kind && c.num === num) return c;
    return undefined;
  }
  return childrenOf(u).get(`${kind}:${num}`);
}

function absatzOf(u: Unit): Unit | undefined {
  for (let x: Unit | undefined = u; x; x = x.parent) if (x.kind === 'absatz') return x;
  return undefined;
}

function normOf(u: Unit): Unit | undefined {
  for (let x: Unit | undefined = u; x; x = x.parent) if (NORM_KINDS.has(x.kind) || x.kind === 'anlage') return x;
  return undefined;
}

/** Nearest ancestor-or-self that has list items of `kind`. */
function containerOf(u: Unit, kind: string): Unit | undefined {
  for (let x: Unit | undefined = u; x; x = x.parent) if (x.children.length < 16 ? x.children.some((c) => c.kind === kind) : childrenOf(x).has(kind)) return x;
  return undefined;
}

function existingChildren(u: Unit, kind: string): string {
  const nums = u.children.filter((c) => c.kind === kind && !c.implicit).map((c) => c.num ?? '');
  if (!nums.length) return '';
  return nums.length > 6 ? `${nums.slice(0, 3).join(', ')} … ${nums[nums.length - 1]}` : nums.join(', ');
}

function nearestNorms(idx: NormIndex, kind: 'paragraph' | 'artikel', num: string): string {
  const k = numKey(num, 'paragraph');
  if (!k) return '';
  let before: Unit | undefined;
  let after: Unit | undefined;
  for (const { u, k: uk } of idx.keyedNorms(kind)) {
    if (uk.n < k.n || (uk.n === k.n && uk.s < k.s)) before = u;
    else if (!after) after = u;
  }
  return [before, after].filter((x): x is Unit => !!x).map((u) => u.label).join(', ');
}

/**
 * Resolve one entry (a path of levels) in `model`. `context` is the unit the
 * citation stands in (for relative paths); undefined for citations into
 * another document (absolute paths only).
 */
/**
 * Resolve one entry (a path of levels) in `model`. `context` is the unit the
 * citation stands in (for relative paths); undefined for citations into
 * another document (absolute paths only). Two readings of real law are tried
 * when the first fails: levels carried over from the previous entry may not
 * apply („finden § 218 und Absatz 4 Satz 2 entsprechende Anwendung“: Absatz 4
 * of the citing §), and a bare number may go back to the top level
 * („Artikel 20 Absatz 4, 33, 38“: Artikel 33 and 38).
 */
export function resolveEntry(entry: CitEntry, model: DocumentModel, idx: NormIndex, uri: string, context: Unit | undefined, heal?: Healer): EntryResolution {
  const r = resolvePath(entry, model, idx, uri, context, heal);
  if (r.status !== 'unresolved') return r;
  const written = entry.levels.filter((l) => l.written);
  if (written.length && written.length < entry.levels.length) {
    if (context && RANK[written[0].kind] > 0 && !entry.bare) {
      const r2 = resolvePath({ ...entry, levels: written }, model, idx, uri, context, heal);
      // resolved, or failing where the carried-over part failed already: the drafter's own levels speak
      if (r2.status !== 'unresolved') return { ...r2, entry };
      if (r.problem?.level.written === false) return { ...r2, entry: { ...entry, levels: written } };
    }
    if (entry.bare && written[0].kind !== entry.top) {
      const levels = [{ ...written[0], kind: entry.top }, ...written.slice(1)];
      const r3 = resolvePath({ ...entry, levels }, model, idx, uri, context, heal);
      if (r3.status !== 'unresolved') return { ...r3, entry };
    }
  }
  return r;
}

function resolvePath(entry: CitEntry, model: DocumentModel, idx: NormIndex, uri: string, context: Unit | undefined, heal: Healer | undefined): EntryResolution {
  const levels = entry.levels;
  let cur: Unit | undefined;
  const path: Unit[] = [];
  let satz: number | undefined;
  let repealed = false;
  let targets: Target[] | undefined;
  const fail = (level: CitLevel, parent: Unit | undefined, kind: Problem['kind'], existing: string): EntryResolution => ({
    entry,
    status: 'unresolved',
    targets: [],
    problem: { level, parentName: parent ? parent.address || parent.label : '', kind, existing },
  });
  for (let li = 0; li < levels.length; li++) {
    const l = levels[li];
    const last = li === levels.length - 1;
    if (li === 0 && (l.kind === 'paragraph' || l.kind === 'artikel') && l.rel === 'dieser') {
      // „dieses Artikels“, „dieses Paragraphen“
      const own = context ? normOf(context) : undefined;
      if (!own) return fail(l, undefined, 'context', '');
      cur = own;
      path.push(own);
      continue;
    }
    if (li === 0 && (l.kind === 'paragraph' || l.kind === 'artikel' || l.kind === 'anlage')) {
      if (l.kind === 'anlage') {
        const a = idx.anlagen.get(l.value ?? '') ?? (l.value === undefined && model.anlagen.length === 1 ? model.anlagen[0] : undefined);
        if (!a) return fail(l, undefined, 'anlage', model.anlagen.map((x) => x.label).join(', '));
        cur = a;
        path.push(a);
        continue;
      }
      if (!l.value) return fail(l, undefined, 'norm', '');
      const n = idx.norm(l.kind, l.value);
      if (!n) return fail(l, undefined, 'norm', nearestNorms(idx, l.kind, l.value));
      if (l.to) {
        const t = idx.norm(l.kind, l.to);
        if (!t) return fail({ ...l, value: l.to }, undefined, 'norm', nearestNorms(idx, l.kind, l.to));
        const all = idx.between(n, t);
        if (last) {
          targets = all.map((u) => new Target(uri, u, undefined, [u], heal));
          repealed = all.every((u) => u.repealed);
        } else {
          // „§§ 1855 bis 1856 Absatz 2“: whole §§ up to the last one, of which only the named part
          if (t.repealed) repealed = true;
          cur = t;
          path.push(t);
          continue;
        }
      }
      if (n.repealed && !targets) repealed = true;
      cur = n;
      path.push(n);
      continue;
    }
    if (li === 0) {
      // relative: find the unit the first level belongs to
      if (!context) return fail(l, undefined, 'context', '');
      switch (l.kind) {
        case 'absatz':
        case 'unterabsatz': {
          const norm = normOf(context);
          if (!norm) return fail(l, undefined, 'context', '');
          if (l.rel) {
            const own = absatzOf(context);
            if (l.rel === 'dieser') {
              if (!own) return fail(l, norm, 'sub', '');
              cur = own;
              path.push(norm, own);
              continue;
            }
            const sib = norm.children.filter((c) => c.kind === 'absatz');
            const i = own ? sib.indexOf(own) : -1;
            if (i <= 0) return fail(l, norm, 'sub', existingChildren(norm, 'absatz'));
            cur = sib[i - 1];
            path.push(norm, cur);
            continue;
          }
          cur = norm;
          path.push(norm);
          break;
        }
        case 'satz':
        case 'halbsatz': {
          // in a list item with sentences of its own („1. … Die Landesregierungen können … nach Satz 2 …“) its Sätze
          const own = context.kind !== 'absatz' && context.saetze.length >= 2 && Number(l.value) <= context.saetze.length ? context : undefined;
          const abs = own ?? absatzOf(context) ?? normOf(context);
          if (!abs) return fail(l, undefined, 'context', '');
          cur = abs;
          for (let x: Unit | undefined = abs; x && x.kind !== 'dokument' && !path.includes(x); x = x.parent) {
            if (!NORM_KINDS.has(x.kind) && x.kind !== 'absatz' && !own) break;
            path.unshift(x);
            if (NORM_KINDS.has(x.kind)) break;
          }
          if (l.rel) {
            // „die vorstehenden Sätze“, „dieser Satz“: the Absatz's own Sätze
            return { entry, status: 'resolved', targets: [new Target(uri, abs, undefined, path, heal)], problem: undefined };
          }
          break;
        }
        default: {
          const kind = CHILD_KIND[l.kind] ?? l.kind;
          if (l.rel === 'dieser') {
            // „dieser Nummer“: the Nummer the citation stands in
            let own: Unit | undefined;
            for (let x: Unit | undefined = context; x; x = x.parent) if (x.kind === kind) own = own ?? x;
            if (!own) return fail(l, absatzOf(context), 'context', '');
            return { entry, status: 'resolved', targets: [new Target(uri, own, undefined, [own], heal)], problem: undefined };
          }
          let c = containerOf(context, kind);
          if (!c) {
            // „Nummer 3“ in Absatz 2 for the only list of Nummern in the § (Absatz 1)
            const norm = normOf(context);
            const holders = norm ? norm.children.filter((a) => a.children.some((x) => x.kind === kind)) : [];
            if (holders.length === 1) c = holders[0];
          }
          if (!c) return fail(l, absatzOf(context), 'context', '');
          cur = c;
          for (let x: Unit | undefined = c; x && !path.includes(x); x = x.parent) {
            if (x.kind === 'dokument' || x.kind === 'teil' || x.kind === 'abschnitt') break;
            path.unshift(x);
          }
        }
      }
    }
    if (!cur) return fail(l, undefined, 'context', '');
    // descend one level
    switch (l.kind) {
      case 'absatz':
      case 'nummer':
      case 'buchstabe':
      case 'doppelbuchstabe': {
        if (!l.value) return fail(l, cur, 'sub', '');
        const kind = CHILD_KIND[l.kind] as string;
        let parent = cur;
        // „Absatz 2 Satz 1 Nummer 3“: the Nummer is in the Absatz, not in the Satz
        if (kind !== 'absatz' && parent.kind === 'paragraph') parent = parent.children.find((c) => c.implicit) ?? parent;
        if (kind === 'absatz' && parent.kind !== 'paragraph' && parent.kind !== 'artikel') return fail(l, parent, 'sub', '');
        let child = itemChild(parent, kind, l.value);
        if (!child && kind !== 'absatz' && (parent.kind === 'paragraph' || parent.kind === 'artikel')) {
          // „§ 128e Nummer 3“ in a § with numbered Absätze: the one Absatz that has that Nummer
          const found = parent.children.map((a) => itemChild(a, kind, l.value as string)).filter((x): x is Unit => !!x);
          if (found.length === 1) {
            child = found[0];
            parent = child.parent as Unit;
            path.push(parent);
          }
        }
        if (!child) return fail(l, parent, 'sub', existingChildren(parent, kind));
        if (last && l.to) {
          const t = itemChild(parent, kind, l.to);
          if (!t) return fail({ ...l, value: l.to }, parent, 'sub', existingChildren(parent, kind));
          const sibs = parent.children.filter((c) => c.kind === kind);
          const all = sibs.slice(sibs.indexOf(child), sibs.indexOf(t) + 1);
          targets = (all.length ? all : [child, t]).map((u) => new Target(uri, u, undefined, [...path, u], heal));
        }
        if (child.repealed) repealed = true;
        cur = child;
        path.push(child);
        break;
      }
      case 'satz': {
        let holder = cur;
        if (holder.kind === 'paragraph' || holder.kind === 'artikel') {
          const implicit = holder.children.find((c) => c.implicit);
          if (!implicit) return fail(l, holder, 'satz', '');
          holder = implicit;
          path.push(implicit);
        }
        const count = holder.saetze.length;
        const want = Number(l.value);
        const wantTo = l.to ? Number(l.to) : want;
        if (!want || want > count || wantTo > count) return fail(l, holder, 'satz', String(count));
        satz = want;
        cur = holder;
        break;
      }
      case 'halbsatz':
      case 'unterabsatz':
        // no finer unit in the model: the citation points to the Satz or Absatz above
        break;
      default:
        break;
    }
  }
  if (!cur) return { entry, status: 'unresolved', targets: [], problem: undefined };
  return {
    entry,
    status: repealed ? 'repealed' : 'resolved',
    targets: targets ?? [new Target(uri, cur, satz, path, heal)],
    problem: undefined,
  };
}

/** The worst status of a citation's entries. */
export function worst(statuses: CitStatus[]): CitStatus {
  for (const s of ['unresolved', 'repealed', 'unknown', 'known', 'resolved'] as CitStatus[]) if (statuses.includes(s)) return s;
  return 'resolved';
}

export function isRelative(c: Citation): boolean {
  const first = c.entries[0]?.levels[0];
  return !!first && first.kind !== 'paragraph' && first.kind !== 'artikel' && first.kind !== 'anlage';
}
