/**
 * The reference index of a document: its citations, resolved, and a map
 * from every unit they point to (`uri#eId`) back to them — the answer to
 * "what points here?".
 *
 * Citations are scanned per block and cached on the block (keyed by the
 * law registry's version); resolution runs per document model and is cached
 * with it (keyed by the workspace version, so a change in a cited draft is
 * seen).
 */
import type { DocumentModel } from '../model/document-model';
import type { Block } from '../parser/block';
import type { Unit } from '../model/types';
import { RANK, scanBlock, scanBlockMentions, type BlockCitations, type CitEntry, type Citation, type LawMention } from './citations';
import { dataRegistry, draftLand, type KnownLaw, type LawRegistry } from './laws';
import { NormIndex, resolveEntry, worst, type CitStatus, type EntryResolution, type Healer } from './resolve';

export interface RefContext {
  registry: LawRegistry;
  /** The model of another document of the workspace. */
  modelOf(uri: string): DocumentModel | undefined;
  /** Changes when any document of the workspace changes. */
  version: number;
  /** Changes when the structure of any document changes (numbers, units, Sätze); see NormaDocument.structureVersion. */
  structureKey?: string;
}

export interface ResolvedCitation {
  citation: Citation;
  uri: string;
  scope: 'internal' | 'external';
  status: CitStatus;
  entries: EntryResolution[];
  /** The document the citation points into (internal: the citing one). */
  targetUri: string | undefined;
  /** The law pointed into, for external citations. */
  law: KnownLaw | undefined;
}

export class ReferenceIndex {
  readonly citations: ResolvedCitation[] = [];
  private _byTarget: Map<string, ResolvedCitation[]> | undefined;
  private _mentions: LawMention[] | undefined;
  constructor(
    readonly uri: string,
    readonly model: DocumentModel,
    private readonly registry: LawRegistry = dataRegistry(),
  ) {}

  /** Laws named without units, in document order (scanned on first use, cached per block). */
  get mentions(): LawMention[] {
    if (!this._mentions) {
      const out: LawMention[] = [];
      const land = draftLand(this.model.context);
      for (const block of this.model.document.blocks) for (const m of blockMentions(block, this.registry, land)) out.push(m);
      this._mentions = out;
    }
    return this._mentions;
  }

  /** `uri#eId` of every unit on a target path → the citations that point there (built on first use). */
  get byTarget(): Map<string, ResolvedCitation[]> {
    if (!this._byTarget) {
      const map = new Map<string, ResolvedCitation[]>();
      for (const rc of this.citations)
        for (const e of rc.entries)
          for (const t of e.targets)
            for (const u of t.path) {
              const key = unitKey(t.uri, u);
              const list = map.get(key);
              if (!list) map.set(key, [rc]);
              else if (list[list.length - 1] !== rc) list.push(rc); // once per citation
            }
      this._byTarget = map;
    }
    return this._byTarget;
  }

  /** The citation at a position (absolute), if any. */
  citationAt(line: number, character: number): ResolvedCitation | undefined {
    for (const rc of this.citations) {
      const c = rc.citation;
      if (c.block.startLine + c.line === line && character >= c.start && character <= c.end) return rc;
    }
    return undefined;
  }
}

/** The citation begins below § and Artikel („Absatz 2“, „Satz 1 Nummer 3“). */
function isRelative(c: Citation): boolean {
  const first = c.entries[0]?.levels.find((l) => l.written)?.kind ?? 'paragraph';
  return first !== 'paragraph' && first !== 'artikel' && first !== 'anlage';
}

function hasAncestor(u: Unit, kind: string): boolean {
  for (let x = u.parent; x; x = x.parent) if (x.kind === kind) return true;
  return false;
}

export function unitKey(uri: string, u: Unit): string {
  return `${uri}#${u.eId}`;
}

/** A document is part of the Sozialgesetzbuch: „des Neunten Buches“ then means SGB IX. */
function isSgb(model: DocumentModel): boolean {
  return /^SGB\b/.test(model.context.abkuerzung ?? '') || /Sozialgesetzbuch/.test(model.context.titel ?? '');
}

interface BlockScanCache {
  key: string;
  result: BlockCitations;
}

interface BlockMentionCache {
  key: string;
  result: LawMention[];
}

/** The law mentions of a block, cached on it (after its citations, whose laws they leave out). */
export function blockMentions(block: Block, registry: LawRegistry, land?: string): LawMention[] {
  const key = `${registry.version}|${registryId(registry)}|${land ?? ''}`;
  const c = block.caches.get('mentions') as BlockMentionCache | undefined;
  if (c && c.key === key) return c.result;
  const cits = block.caches.get('citations') as BlockScanCache | undefined;
  const fresh = cits && cits.key.startsWith(`${registry.version}|`) && cits.key.endsWith(`|${registryId(registry)}|${land ?? ''}`);
  const result = scanBlockMentions(block, registry, fresh ? cits.result.citations : scanBlock(block, registry, false, land).citations, land);
  block.caches.set('mentions', { key, result } satisfies BlockMentionCache);
  return result;
}

/** The citations of a block, cached on it. */
export function blockCitations(block: Block, registry: LawRegistry, sgb: boolean, key = scanKey(registry, sgb), land?: string): BlockCitations {
  const c = block.caches.get('citations') as BlockScanCache | undefined;
  if (c && c.key === key) return c.result;
  let result = scanBlock(block, registry, sgb, land, key);
  if (!result.citations.length) result = NO_CITATIONS; // most blocks: one shared object, less to keep
  block.caches.set('citations', { key, result } satisfies BlockScanCache);
  return result;
}

const NO_CITATIONS: BlockCitations = Object.freeze({ citations: Object.freeze([]) as unknown as Citation[] });

function scanKey(registry: LawRegistry, sgb: boolean, land?: string): string {
  return `${registry.version}|${sgb ? 1 : 0}|${registryId(registry)}|${land ?? ''}`;
}

const registryIds = new WeakMap<LawRegistry, number>();
let nextRegistryId = 1;
function registryId(r: LawRegistry): number {
  let id = registryIds.get(r);
  if (id === undefined) registryIds.set(r, (id = nextRegistryId++));
  return id;
}

const indexCache = new WeakMap<DocumentModel, { key: string; index: ReferenceIndex }>();
const normIndexCache = new WeakMap<DocumentModel, NormIndex>();

const normIndexByDocument = new WeakMap<object, { version: number; index: NormIndex }>();

/**
 * Norms by number, kept while the document's structure is unchanged (its
 * units may then come from replaced blocks: citations resolved with them heal
 * their targets, see Target).
 */
export function normIndex(model: DocumentModel): NormIndex {
  let i = normIndexCache.get(model);
  if (i) return i;
  const byDoc = normIndexByDocument.get(model.document);
  if (byDoc && byDoc.version === model.document.structureVersion) i = byDoc.index;
  else {
    i = new NormIndex(model);
    normIndexByDocument.set(model.document, { version: model.document.structureVersion, index: i });
  }
  normIndexCache.set(model, i);
  return i;
}

/** A context for a model on its own (no workspace): the data file's laws only. */
export function standaloneContext(): RefContext {
  return { registry: dataRegistry(), modelOf: () => undefined, version: 0 };
}

interface BlockResolution {
  key: string;
  list: ResolvedCitation[];
}

/**
 * The reference index of a document model (cached). Each block keeps its
 * resolved citations while the structure of the document (and of the
 * workspace documents it cites) is unchanged — typing inside a sentence
 * re-resolves only the citations of the edited block.
 */
export function referenceIndex(model: DocumentModel, ctx: RefContext = model.workspace ?? standaloneContext()): ReferenceIndex {
  const key = `${ctx.version}|${registryId(ctx.registry)}|${ctx.registry.version}`;
  const hit = indexCache.get(model);
  if (hit && hit.key === key) return hit.index;
  const uri = model.document.uri;
  const index = new ReferenceIndex(uri, model, ctx.registry);
  let own: NormIndex | undefined;
  const sgb = isSgb(model);
  const registry = ctx.registry;
  const land = draftLand(model.context);
  const blockKey = `${model.document.structureVersion}|${ctx.structureKey ?? ''}|${registryId(registry)}|${registry.version}|${sgb ? 1 : 0}|${land ?? ''}`;
  const sk = scanKey(registry, sgb, land);
  const heal = healer(ctx);
  for (const block of model.document.blocks) {
    const bc = blockCitations(block, registry, sgb, sk, land);
    if (!bc.citations.length) continue;
    let r = block.caches.get('resolved') as BlockResolution | undefined;
    if (!r || r.key !== blockKey) {
      own ??= normIndex(model);
      const o = own;
      r = { key: blockKey, list: bc.citations.map((c) => resolveCitation(c, model, o, uri, ctx, heal)) };
      block.caches.set('resolved', r);
    }
    for (const rc of r.list) index.citations.push(rc);
  }
  indexCache.set(model, { key, index });
  return index;
}

/** Two citations' entries alike in every field (the resolution keeps them). */
function sameEntries(a: readonly CitEntry[], b: readonly CitEntry[]): boolean {
  if (a === b) return true; // shared by the citations of one line's memo (refs/citations.ts)
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.start !== y.start || x.end !== y.end || x.bare !== y.bare || x.top !== y.top || x.levels.length !== y.levels.length) return false;
    for (let j = 0; j < x.levels.length; j++) {
      const l = x.levels[j];
      const m = y.levels[j];
      if (l.kind !== m.kind || l.value !== m.value || l.to !== m.to || l.mod !== m.mod || l.rel !== m.rel || l.written !== m.written) return false;
      if (l.start !== m.start || l.end !== m.end || l.valueStart !== m.valueStart || l.valueEnd !== m.valueEnd || l.toStart !== m.toStart || l.toEnd !== m.toEnd) return false;
    }
  }
  return true;
}

/** External citations resolved, per model of the cited law: by the citation's text, those alike in every field of their entries. */
const externalMemo = new WeakMap<DocumentModel, Map<string, ResolvedCitation[]>>();

const healers = new WeakMap<RefContext, Healer>();
/** One healer per context (kept by every Target it resolves). */
function healer(ctx: RefContext): Healer {
  let h = healers.get(ctx);
  if (!h) healers.set(ctx, (h = (u, eId) => ctx.modelOf(u)?.byEId(eId)));
  return h;
}

export function resolveCitation(c: Citation, model: DocumentModel, own: NormIndex, uri: string, ctx: RefContext, heal: Healer = healer(ctx)): ResolvedCitation {
  const law = c.law;
  if (law.kind === 'intern') {
    let entries = c.entries.map((e) => {
      const r = resolveEntry(e, model, own, uri, c.unit, heal);
      // „nach Artikel 72 Abs. 3 Satz 1 … in den Fällen der Nummern 2 und 5“: a relative citation that finds
      // nothing around it may continue the citation before it in the same text
      const p = c.previous;
      if (r.status === 'unresolved' && r.problem?.kind === 'context' && p && p.law.kind === 'intern') {
        const base = p.entries[p.entries.length - 1]?.levels ?? [];
        const rank = RANK[e.levels[0].kind];
        const parent = base.filter((l) => RANK[l.kind] < rank).map((l) => ({ ...l, written: false }));
        if (parent.length && RANK[parent[0].kind] === 0) {
          const r2 = resolveEntry({ ...e, levels: [...parent, ...e.levels.filter((l) => l.written)] }, model, own, uri, c.unit, heal);
          if (r2.status !== 'unresolved') return { ...r2, entry: e };
        }
      }
      return r;
    });
    // a past version („in der bis zum 31. Dezember 2008 geltenden Fassung“) need not exist today; relative
    // citations inside an Anlage point into its free text, which has no units to check against
    const inAnlage = c.unit.kind === 'anlage' || hasAncestor(c.unit, 'anlage');
    if (c.fassung?.kind === 'historisch' || (inAnlage && isRelative(c))) entries = entries.map((e) => (e.status === 'unresolved' ? { ...e, status: 'known' as const } : e));
    return { citation: c, uri, scope: 'internal', status: worst(entries.map((e) => e.status)), entries, targetUri: uri, law: undefined };
  }
  if (law.kind === 'gesetz' && law.law.uri === uri) {
    // the draft names itself („§ 5 des Wohnsitzanmeldungsgesetzes“): an internal citation
    const entries = c.entries.map((e) => resolveEntry(e, model, own, uri, c.unit, heal));
    return { citation: c, uri, scope: 'internal', status: worst(entries.map((e) => e.status)), entries, targetUri: uri, law: law.law };
  }
  if (law.kind === 'gesetz') {
    const targetModel = law.law.uri ? ctx.modelOf(law.law.uri) : undefined;
    if (targetModel && law.law.uri) {
      // an amending instruction's relative citation („In Absatz 2 werden …“) continues a § named in the
      // instruction above it, which Norma does not follow: it is not checked
      if (c.amendment && isRelative(c)) return { citation: c, uri, scope: 'external', status: 'known', entries: [], targetUri: law.law.uri, law: law.law };
      // the same entries resolve the same way in the same model of the other law (an amending draft cites it
      // in every command, and an edit of one command scans and resolves the commands of its Artikel again)
      let memo = externalMemo.get(targetModel);
      if (!memo) externalMemo.set(targetModel, (memo = new Map()));
      const same = memo.get(c.text);
      const hit = same?.find((rc) => rc.uri === uri && rc.law === law.law && sameEntries(rc.citation.entries, c.entries));
      if (hit) return { ...hit, citation: c };
      const idx = normIndex(targetModel);
      const entries = c.entries.map((e) => resolveEntry(e, targetModel, idx, law.law.uri as string, undefined, heal));
      const rc: ResolvedCitation = { citation: c, uri, scope: 'external', status: worst(entries.map((e) => e.status)), entries, targetUri: law.law.uri, law: law.law };
      if (memo.size > 20_000) memo.clear();
      if (same && same.length < 16) same.push(rc);
      else memo.set(c.text, [rc]);
      return rc;
    }
    return { citation: c, uri, scope: 'external', status: 'known', entries: [], targetUri: undefined, law: law.law };
  }
  if (law.kind === 'eu') return { citation: c, uri, scope: 'external', status: 'known', entries: [], targetUri: undefined, law: undefined };
  return { citation: c, uri, scope: 'external', status: 'unknown', entries: [], targetUri: undefined, law: undefined };
}
