/**
 * Rule aenderung-inhaltsuebersicht: an amending law keeps the Inhaltsübersicht
 * of the law it amends in step with the law (H5: the Inhaltsübersicht lists
 * every unit down to the § with its heading). The new version the commands
 * give is compared with its own Inhaltsübersicht, for the units the draft
 * changes only (a § or Artikel inserted, repealed, deleted, renumbered or
 * retitled, a Gliederung unit inserted or retitled; an Angabe inserted,
 * changed or deleted): a unit without its Angabe, an Angabe with another
 * heading than its unit, and an Angabe whose unit is gone. What the law had
 * wrong before the draft is not reported.
 *
 * A suggestion adds the missing command to the Artikel: as the next
 * Buchstabe of „Die Inhaltsübersicht wird wie folgt geändert:“, or as a
 * Nummer of its own („In der Inhaltsübersicht wird …“) before the first
 * Nummer (the later Nummern renumbered).
 */
import type { DocumentCheckContext, Rule } from './rule';
import { isDraft } from './rule';
import { amendAnalysis, type ArtikelAnalysis, type LawAmendment } from '../amend';
import type { Command } from '../amend/commands';
import { gliederungOf, gliederungUnits } from '../amend/apply';
import { tocUnit, unitKey, quotedEntries } from '../amend/toc';
import { fragmentKind, modelToDoc } from '../amend/tree';
import type { DocBlock, NormaDoc, TocLine } from '../import/writer';
import type { Message, RelEdit, Suggestion, Unit } from '../model/types';

/** A unit of a law by key („§ 23a“, „Abschnitt 3“): its heading's title, and the next and previous §§ around it. */
interface LawUnit {
  title: string;
  /** Index of its block. */
  index: number;
  /** A Gliederung key that stands more than once (BGB: „Abschnitt 3“ in each Buch): which one an Angabe means is not known. */
  mehrfach?: boolean;
}

const norm = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** A block's key and normalised title (cached per block: the blocks a draft does not change are the law's). */
const blockCache = new WeakMap<DocBlock, { key: string; title: string } | null>();
function blockUnit(b: DocBlock): { key: string; title: string } | undefined {
  let r = blockCache.get(b);
  if (r === undefined) {
    const h = b.heading;
    r = h?.kind === 'norm' ? { key: `${h.word} ${h.num}`, title: norm(h.title) } : h?.kind === 'anlage' ? { key: h.label.trim(), title: norm(h.title) } : null;
    blockCache.set(b, r);
  }
  return r ?? undefined;
}

function tocOf(doc: NormaDoc): TocLine[] | undefined {
  return doc.blocks.find((b) => b.heading?.kind === 'keyword' && b.heading.keyword === 'Inhaltsübersicht')?.toc;
}

/**
 * The §§, Artikel, Anlagen and Gliederung units of a tree by key (Gliederung
 * keys that stand more than once are marked `mehrfach`); with `only`, just those keys.
 */
function lawUnits(doc: NormaDoc, only?: ReadonlySet<string>): Map<string, LawUnit> {
  const out = new Map<string, LawUnit>();
  const twice = new Set<string>();
  const add = (k: string, u: LawUnit): void => {
    if (only && !only.has(k)) return;
    if (out.has(k)) twice.add(k);
    else out.set(k, u);
  };
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const u = blockUnit(blocks[i]);
    if (u) add(u.key, { title: u.title, index: i });
  }
  if (!only || [...only].some((k) => !/^(?:§|Artikel|Anlage)/.test(k))) {
    for (const g of gliederungUnits(blocks)) {
      const h = blocks[g.index].heading;
      add(`${g.word} ${g.num}`, { title: norm(h && 'title' in h ? h.title : ''), index: g.index });
    }
  }
  for (const k of twice) if (!/^(?:§|Artikel)/.test(k)) out.set(k, { ...(out.get(k) as LawUnit), mehrfach: true });
  return out;
}

/** The blocks of the law (per tree), to tell the blocks of a new version that the commands made. */
const blockSets = new WeakMap<NormaDoc, Set<DocBlock>>();
function blockSet(doc: NormaDoc): Set<DocBlock> {
  let s = blockSets.get(doc);
  if (!s) blockSets.set(doc, (s = new Set(doc.blocks)));
  return s;
}

/** The keys of the units whose blocks differ between the law and its new version (by identity: unchanged blocks are shared). */
function changedBlockKeys(base: NormaDoc, neu: NormaDoc): Set<string> {
  const keys = new Set<string>();
  const add = (b: DocBlock): void => {
    const u = blockUnit(b);
    if (u) keys.add(u.key);
    else if (b.heading?.kind === 'gliederung') {
      const g = gliederungOf(b.heading.label);
      if (g.num) keys.add(`${g.word} ${g.num}`);
    }
  };
  const inBase = blockSet(base);
  let shared = 0;
  for (const b of neu.blocks) {
    if (inBase.has(b)) shared++;
    else add(b);
  }
  // blocks of the law the new version no longer has (replaced or removed)
  if (shared < base.blocks.length) {
    const inNeu = new Set(neu.blocks);
    for (const b of base.blocks) if (!inNeu.has(b)) add(b);
  }
  return keys;
}

/** The entries of an Inhaltsübersicht by key, with their titles (an entry for a range of §§ is left out). */
function entries(toc: readonly TocLine[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of toc) {
    const u = tocUnit(e.text);
    if (!u || u.to !== undefined) continue;
    const k = unitKey(u);
    out.set(k, [...(out.get(k) ?? []), norm(u.title)]);
  }
  return out;
}

const same = (a: string[] | undefined, b: string[] | undefined): boolean => (a ?? []).join('\u0000') === (b ?? []).join('\u0000');

const keysCache = new WeakMap<Command, Set<string>>();

/** The keys of the units a command changes or brings (its target, the units of its quotation, its new numbers); cached per command. */
function commandKeys(c: Command): Set<string> {
  let k = keysCache.get(c);
  if (!k) keysCache.set(c, (k = readKeys(c)));
  return k;
}

function readKeys(c: Command): Set<string> {
  const keys = new Set<string>();
  const first = c.target[0];
  const word = (kind: string): string | undefined => (kind === 'paragraph' ? '§' : kind === 'artikel' ? 'Artikel' : kind === 'anlage' ? 'Anlage' : undefined);
  if (first?.kind === 'angabe' || first?.kind === 'inhaltsuebersicht') {
    const a = c.target.find((l) => l.kind === 'angabe');
    if (a?.of) for (const v of a.of.values) keys.add(unitKey({ kind: a.of.kind as 'paragraph', word: a.of.word, num: v }));
    for (const e of quotedEntries(c.content ?? [])) {
      const u = tocUnit(e.text);
      if (u) keys.add(unitKey(u));
    }
    return keys;
  }
  for (const l of [...c.target, ...(c.to ?? [])]) {
    if (l.kind === 'gliederung') for (const v of l.values) keys.add(`${l.word} ${v}`);
    const w = word(l.kind);
    if (w) for (const v of l.values) keys.add(`${w} ${v}`);
  }
  for (const line of c.content ?? []) {
    const m = /^\s*(§|Artikel|Anlage)\s+(\d+[a-z]{0,2})\b/.exec(line);
    if (m) keys.add(`${m[1]} ${m[2]}`);
    else {
      const g = /^\s*(\S+(?:\s+\S+)?)/.exec(line);
      const gl = g ? gliederungOf(g[1].replace(/[„“]/g, '')) : undefined;
      if (gl?.num && /^(?:Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel)$/.test(gl.word)) keys.add(`${gl.word} ${gl.num}`);
    }
  }
  if (c.neu) {
    const w = c.neu.kind === 'gliederung' ? c.neu.word : word(c.neu.kind);
    if (w) for (const v of c.neu.values) keys.add(`${w} ${v}`);
  }
  return keys;
}

const isToc = (c: Command): boolean => c.target[0]?.kind === 'inhaltsuebersicht';

/**
 * Whether a command can change what the Inhaltsübersicht lists: a unit's
 * presence, number or heading, or the Inhaltsübersicht itself (a change of
 * words or of Absätze inside a § cannot).
 */
function structural(c: Command): boolean {
  if (isToc(c)) return true;
  const t = c.target;
  if (t.some((l) => l.kind === 'ueberschrift' || l.kind === 'gliederung') || c.neu?.kind === 'gliederung') return true;
  if (c.words) return false;
  if (t.length === 1 && (t[0].kind === 'paragraph' || t[0].kind === 'artikel' || t[0].kind === 'anlage')) return true;
  if (c.verb === 'umnummerieren' && t.length === 1) return true;
  return !!c.content?.length && fragmentKind(c.content[0]) === 'norm';
}

/** The units and entries of the amended law as it is (per tree). */
interface Base {
  units: Map<string, LawUnit>;
  entries: Map<string, string[]>;
  /** The kinds of unit the Inhaltsübersicht lists („§“, „Abschnitt“, …). */
  kinds: Set<string>;
  toc: TocLine[] | undefined;
}
const baseCache = new WeakMap<NormaDoc, Base>();
function baseOf(doc: NormaDoc): Base {
  let b = baseCache.get(doc);
  if (!b) {
    const toc = tocOf(doc);
    const e: Map<string, string[]> = toc ? entries(toc) : new Map();
    b = { units: toc ? lawUnits(doc) : new Map(), entries: e, kinds: new Set([...e.keys()].map((k) => k.split(' ')[0])), toc };
    baseCache.set(doc, b);
  }
  return b;
}

/** The structural commands by the keys they name, those on the Inhaltsübersicht apart. */
function commandIndex(l: LawAmendment): { law: Map<string, Command[]>; toc: Map<string, Command[]> } {
  const law = new Map<string, Command[]>();
  const toc = new Map<string, Command[]>();
  for (const c of l.commands) {
    if (!structural(c)) continue;
    const m = isToc(c) ? toc : law;
    for (const k of commandKeys(c)) m.set(k, [...(m.get(k) ?? []), c]);
  }
  return { law, toc };
}

/** The command a finding on `key` stands at: the first that names the unit, a change of the unit's heading or of the unit as a whole before a change of its words. */
function commandFor(list: Command[] | undefined): Command | undefined {
  return list?.find((c) => !c.words || c.target.some((x) => x.kind === 'ueberschrift')) ?? list?.[0];
}

// --- the suggestion ------------------------------------------------------------------------------------

interface TocCommand {
  /** As a Buchstabe of „Die Inhaltsübersicht wird wie folgt geändert:“. */
  sub: string;
  /** As a Nummer of its own. */
  own: string;
}

function insertCommand(entry: string, after: string | undefined, before: string | undefined): TocCommand | undefined {
  if (after) return { sub: `Nach der Angabe zu ${after} wird folgende Angabe eingefügt: „${entry}“.`, own: `In der Inhaltsübersicht wird nach der Angabe zu ${after} folgende Angabe eingefügt: „${entry}“.` };
  if (before) return { sub: `Vor der Angabe zu ${before} wird folgende Angabe eingefügt: „${entry}“.`, own: `In der Inhaltsübersicht wird vor der Angabe zu ${before} folgende Angabe eingefügt: „${entry}“.` };
  return undefined;
}

const CONTAINER_RE = /^(?:Die\s+)?Inhaltsübersicht\s+wird\s+wie\s+folgt\s+geändert:\s*$/u;

function firstLine(u: Unit): string {
  for (const p of u.parts) if (p.type === 'text') return u.block.lines[p.text.line].slice(p.text.start, p.text.end);
  return '';
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The last line of a list item with what is indented below it (sub-items, annotations, quotations). */
function lastLineOf(u: Unit): number {
  const lines = u.block.lines;
  let last = u.markerLine;
  for (let i = u.markerLine + 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    if (indentOf(lines[i]) <= u.indent) break;
    last = i;
  }
  return last;
}

/** The edits that add a command on the Inhaltsübersicht to an Artikel, or undefined when its commands are no list of Nummern. */
function addToArtikel(a: ArtikelAnalysis, cmd: TocCommand): { edits: RelEdit[]; command: string } | undefined {
  const art = a.artikel;
  const nummern: Unit[] = [];
  for (const abs of art.children) if (abs.kind === 'absatz') for (const c of abs.children) if (c.kind === 'nummer') nummern.push(c);
  if (!nummern.length || nummern.some((n) => n.block !== art.block)) return undefined;
  const container = nummern.find((n) => CONTAINER_RE.test(firstLine(n).replace(/^\s*\d+[a-z]?\.\s*/, '').trim()));
  if (container) {
    const items = container.children.filter((c) => c.kind === 'buchstabe');
    const last = items[items.length - 1];
    if (!last?.num || !/^[a-y]$/.test(last.num)) return undefined;
    const letter = String.fromCharCode(last.num.charCodeAt(0) + 1);
    const at = lastLineOf(container);
    const end = art.block.lines[at].length;
    return { edits: [{ start: { line: at, character: end }, end: { line: at, character: end }, newText: `\n${' '.repeat(last.indent)}${letter}) ${cmd.sub}` }], command: cmd.sub };
  }
  if (!nummern.every((n) => /^\d+$/.test(n.num ?? ''))) return undefined;
  // a Nummer of its own: after the commands on the Inhaltsübersicht, else first
  const tocNummern = nummern.filter((n) => a.commands.some((c) => isToc(c) && (c.unit === n || c.unit.parent === n)));
  const pos = tocNummern.length ? nummern.indexOf(tocNummern[tocNummern.length - 1]) + 1 : 0;
  const edits: RelEdit[] = [];
  const num = pos < nummern.length ? Number(nummern[pos].num) : Number(nummern[nummern.length - 1].num) + 1;
  const ind = ' '.repeat(nummern[0].indent);
  if (pos < nummern.length) {
    const line = nummern[pos].markerLine;
    edits.push({ start: { line, character: 0 }, end: { line, character: 0 }, newText: `${ind}${num}. ${cmd.own}\n` });
  } else {
    const at = lastLineOf(nummern[nummern.length - 1]);
    const end = art.block.lines[at].length;
    edits.push({ start: { line: at, character: end }, end: { line: at, character: end }, newText: `\n${ind}${num}. ${cmd.own}` });
  }
  for (const n of nummern.slice(pos)) edits.push({ start: { line: n.markerLine, character: n.markerStart }, end: { line: n.markerLine, character: n.markerEnd }, newText: `${Number(n.num) + 1}.` });
  return { edits, command: cmd.own };
}

// --- the rule --------------------------------------------------------------------------------------------

export const aenderungInhaltsuebersicht: Rule = {
  id: 'aenderung-inhaltsuebersicht',
  hdr: 'H5',
  source: 'HdR4 Teil C (Inhaltsübersicht), Teil D 2.2',
  description: {
    de: 'Ein Änderungsgesetz ändert die Inhaltsübersicht mit: jede eingefügte, aufgehobene oder umbenannte Einheit hat ihre Angabe',
    en: 'An amending law amends the Inhaltsübersicht too: every unit inserted, repealed or retitled has its entry',
  },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx: DocumentCheckContext) {
    const an = amendAnalysis(ctx.model);
    for (const l of an.laws) {
      const baseDoc = modelToDoc(l.target);
      // most drafts change words and Absätze only: nothing the Inhaltsübersicht lists (and the new version is not written out)
      if (!l.commands.some(structural)) continue;
      const b0 = baseOf(baseDoc);
      if (!b0.toc) continue;
      const neuDoc = l.result.doc;
      const neuToc = tocOf(neuDoc);
      // the Inhaltsübersicht repealed or replaced as a whole: nothing to compare
      if (!neuToc || l.commands.some((c) => isToc(c) && c.target.length === 1 && !c.words && c.verb !== 'anfuegen' && c.verb !== 'voranstellen')) continue;
      // the units to look at: those the structural commands name, and every unit whose block the commands
      // replaced, added or removed (the apply engine copies only the blocks it changes, so the new version
      // shares the others with the law: a Gliederung unit with its §§ or a range costs no walk of the whole law)
      const candidates = new Set(l.commands.filter(structural).flatMap((c) => [...commandKeys(c)]));
      for (const k of changedBlockKeys(baseDoc, neuDoc)) candidates.add(k);
      const base = b0.units;
      const neu = lawUnits(neuDoc, candidates);
      const index = commandIndex(l);
      const baseEntries = b0.entries;
      const neuEntries = neuToc === b0.toc ? baseEntries : entries(neuToc);
      if (neuEntries !== baseEntries) for (const k of new Set([...baseEntries.keys(), ...neuEntries.keys()])) if (!same(baseEntries.get(k), neuEntries.get(k))) candidates.add(k);
      const lawName = l.law.abkuerzung ?? l.law.titel;
      const seen = new Set<string>();
      const report = (c: Command | undefined, message: Message, cmd?: TocCommand): void => {
        if (!c) return;
        const a = an.artikel.find((x) => x.commands.includes(c));
        const add = cmd && a ? addToArtikel(a, cmd) : undefined;
        const suggestions: Suggestion[] | undefined = add ? [{ title: { key: 'aenderung-inhaltsuebersicht.befehl', args: { command: add.command } }, edits: add.edits }] : undefined;
        ctx.report(c.span.block, { message, start: { line: c.span.line, character: c.span.start }, end: { line: c.span.line, character: c.span.end }, suggestions });
      };
      // the units the draft changes: each with its Angabe as it has to read
      // the nearest §§ or Artikel before and after a unit of the new version that have an Angabe
      const listedAt = (i: number): string | undefined => {
        const k = blockUnit(neuDoc.blocks[i])?.key;
        return k && /^(?:§|Artikel)/.test(k) && neuEntries.has(k) ? k : undefined;
      };
      const neighbour = (key: string): { after?: string; before?: string } => {
        const u = neu.get(key);
        if (!u) return {};
        let after: string | undefined;
        let before: string | undefined;
        for (let i = u.index - 1; i >= 0 && !after; i--) after = listedAt(i);
        for (let i = u.index + 1; i < neuDoc.blocks.length && !before; i++) before = listedAt(i);
        return { after, before };
      };
      for (const key of candidates) {
        const b = base.get(key);
        const n = neu.get(key);
        if (!b && !n) continue;
        // a Gliederung number that stands more than once before or after the changes: which Angabe belongs to which unit is not known
        if (b?.mehrfach || n?.mehrfach) continue;
        if (b && n && b.title === n.title) continue;
        // kinds of unit the Inhaltsübersicht does not list at all are left alone (a law that lists only its
        // §§; the BGB, whose Inhaltsübersicht lists its Bücher, Abschnitte and Titel but no §)
        if (!b0.kinds.has(key.split(' ')[0])) continue;
        const list = neuEntries.get(key);
        const entry = list?.includes(n?.title ?? '') ? n?.title : list?.[0];
        const c = commandFor(index.law.get(key));
        seen.add(key);
        if (!n) {
          if (entry !== undefined) report(c, { key: 'aenderung-inhaltsuebersicht.entfaellt', args: { unit: key, law: lawName } }, { sub: `Die Angabe zu ${key} wird gestrichen.`, own: `In der Inhaltsübersicht wird die Angabe zu ${key} gestrichen.` });
          continue;
        }
        const wanted = n.title ? `${key} ${n.title}` : key;
        if (entry === undefined) {
          const { after, before } = neighbour(key);
          report(c, { key: 'aenderung-inhaltsuebersicht.fehlt', args: { unit: key, law: lawName, entry: wanted } }, insertCommand(wanted, after, before));
        } else if (entry !== n.title) {
          const weg = n.title === '(weggefallen)' && b !== undefined;
          report(c, { key: weg ? 'aenderung-inhaltsuebersicht.weggefallen' : 'aenderung-inhaltsuebersicht.ueberschrift', args: { unit: key, law: lawName, entry: entry ? `${key} ${entry}` : key, title: n.title || '–' } }, { sub: `Die Angabe zu ${key} wird durch die folgende Angabe ersetzt: „${wanted}“.`, own: `In der Inhaltsübersicht wird die Angabe zu ${key} durch die folgende Angabe ersetzt: „${wanted}“.` });
        }
      }
      // the Angaben the draft changes: each with its unit as it is in the new version
      for (const key of candidates) {
        if (seen.has(key) || same(baseEntries.get(key), neuEntries.get(key))) continue;
        const n = neu.get(key);
        if (n?.mehrfach || base.get(key)?.mehrfach) continue;
        const list = neuEntries.get(key);
        const entry = list?.includes(n?.title ?? '') ? n?.title : list?.[0];
        const c = commandFor(index.toc.get(key));
        if (entry === undefined) {
          if (n) report(c, { key: 'aenderung-inhaltsuebersicht.angabeFehlt', args: { unit: key, law: lawName } });
        } else if (!n) report(c, { key: 'aenderung-inhaltsuebersicht.ohneEinheit', args: { unit: key, law: lawName, entry: entry ? `${key} ${entry}` : key } });
        else if (entry !== n.title) report(c, { key: 'aenderung-inhaltsuebersicht.ueberschrift', args: { unit: key, law: lawName, entry: entry ? `${key} ${entry}` : key, title: n.title || '–' } });
      }
    }
  },
};
