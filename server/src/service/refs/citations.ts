/**
 * Citations of a block: found by the cheap scan, structured by the grammar,
 * completed with the law they point into and the version they mean.
 * Positions are relative to the block (cached with it).
 */
import type { Block } from '../parser/block';
import type { Unit } from '../model/types';
import { readCitation, rawToken, TRIGGER_RE, type CitToken } from './scan';
import { citationShape, type ShapeLevel } from './grammar';
import { isLetterOrDigitAt, LAW_WORD, matchEuAct, type KnownLaw, type LawRegistry } from './laws';
import { quotedSpans, inSpans, haystack } from '../rules/segments';
import { segments } from '../rules/segments';
import { GAZETTE } from '../util/gazette';

export type LevelKind = 'paragraph' | 'artikel' | 'anlage' | 'absatz' | 'unterabsatz' | 'satz' | 'halbsatz' | 'nummer' | 'buchstabe' | 'doppelbuchstabe';

const KIND_OF: Record<string, LevelKind> = {
  P: 'paragraph',
  Q: 'paragraph',
  R: 'artikel',
  G: 'anlage',
  A: 'absatz',
  B: 'absatz',
  U: 'unterabsatz',
  S: 'satz',
  T: 'satz',
  H: 'halbsatz',
  N: 'nummer',
  M: 'nummer',
  L: 'buchstabe',
  K: 'buchstabe',
  D: 'doppelbuchstabe',
  E: 'doppelbuchstabe',
};

export const RANK: Record<LevelKind, number> = {
  paragraph: 0,
  artikel: 0,
  anlage: 0,
  absatz: 1,
  unterabsatz: 1,
  satz: 2,
  halbsatz: 3,
  nummer: 3,
  buchstabe: 4,
  doppelbuchstabe: 5,
};

const ORDINAL: Record<string, string> = { erster: '1', ersten: '1', zweiter: '2', zweiten: '2', dritter: '3', dritten: '3', letzter: 'letzter', letzten: 'letzter' };

export interface CitLevel {
  kind: LevelKind;
  /** Number or letter; undefined for „vorstehender Absatz“ or a lone „Anlage“. */
  value: string | undefined;
  /** Last value of a range („§§ 823 bis 826“). */
  to: string | undefined;
  mod: 'f' | 'ff' | undefined;
  /** „vorstehender Absatz“ (previous), „dieses Absatzes“ (this one). */
  rel: 'vorher' | 'dieser' | undefined;
  /** Level written out in this entry (false: inherited from the previous entry). */
  written: boolean;
  /** Range of the level's tokens (relative line of the citation). */
  start: number;
  end: number;
  /** Range of the value token (and of the range's last value), -1 when absent or inherited. */
  valueStart: number;
  valueEnd: number;
  toStart: number;
  toEnd: number;
}

export interface CitEntry {
  /** The path as written and completed from the previous entry; relative when its first level is below §. */
  levels: CitLevel[];
  /** Began with a bare number that continues the previous entry („§§ 332, 336“). */
  bare: boolean;
  /** Kind of the citation's first level („Artikel“ in „Artikel 20 Absatz 4, 33, 38“). */
  top: LevelKind;
  start: number;
  end: number;
}

export type LawTarget =
  | { kind: 'intern'; explicit: boolean }
  | { kind: 'gesetz'; law: KnownLaw; start: number; end: number }
  | { kind: 'unbekannt'; name: string; start: number; end: number }
  | { kind: 'eu'; name: string; start: number; end: number };

export interface Fassung {
  kind: 'jeweils' | 'historisch' | 'statisch';
  start: number;
  end: number;
}

export interface Citation {
  block: Block;
  /** Relative line in the block. */
  line: number;
  start: number;
  /** End of the citation including the law's name and version. */
  end: number;
  /** End of the unit part („§ 5 Absatz 2“) without the law's name. */
  unitsEnd: number;
  entries: CitEntry[];
  law: LawTarget;
  fassung: Fassung | undefined;
  /** A full citation of another law: „… vom 29. Juli 2009 (BGBl. I S. 2542)“. */
  fullCitation: boolean;
  /** Linked to the citation before it („§ 5 Absatz 1 in Verbindung mit Absatz 2“): relative paths continue it. */
  linked: boolean;
  /** The unit whose text contains the citation. */
  unit: Unit;
  /** The citation before it in the same text, if any (a relative one may continue it). */
  previous: Citation | undefined;
  /** The citation's text as written. */
  text: string;
  /**
   * An amending instruction („§ 3 wird wie folgt gefasst:“) in an Artikel
   * „Änderung des …“: it points into the amended law, not into this draft.
   */
  amendment: boolean;
}

/** A law named in the text without units („nach dem Bundesnaturschutzgesetz“). */
export interface LawMention {
  block: Block;
  line: number;
  start: number;
  end: number;
  law: LawTarget;
  fullCitation: boolean;
  fassung: Fassung | undefined;
  unit: Unit;
  /** Named in a heading („Artikel 1 Änderung des Bundesmeldegesetzes“): not where a full citation belongs. */
  inTitle: boolean;
}

export interface BlockCitations {
  citations: Citation[];
}

const ARTICLE_RE = /^(?:des|der|dem|den|im|zum|zur)\s+/;
const SELF_RE = /^(?:dieses Gesetzes|dieser Verordnung|dieses Buches|dieses Gesetzbuches|diesem Gesetz|dieser Verordnung)(?![\p{L}])/u;
const SGB_ORD_RE = /^(?:des|im|dem)\s+(Ersten|Zweiten|Dritten|Vierten|Fünften|Sechsten|Siebten|Achten|Neunten|Zehnten|Elften|Zwölften|Vierzehnten)\s+Buch(?:es|s)?(?![\p{L}])/u;
const SGB_ROMAN: Record<string, string> = {
  Ersten: 'I', Zweiten: 'II', Dritten: 'III', Vierten: 'IV', Fünften: 'V', Sechsten: 'VI', Siebten: 'VII', Achten: 'VIII', Neunten: 'IX', Zehnten: 'X', Elften: 'XI', Zwölften: 'XII', Vierzehnten: 'XIV',
};
const ALSO_UNIT = /^\s*(?:oder|und|sowie)\s+(?:Abschnitt|Kapitel|Teil|Titel|Unterabschnitt)\s+(?:[IVXLC]+|\d+)[a-z]?(?=\s+(?:des|der)\s)/;
const REL_WORDS = new Set(['dieses', 'dieser', 'diesem', 'vorstehenden', 'vorstehender', 'vorstehende', 'vorstehendes', 'nachstehenden', 'nachstehender', 'nachstehende']);
const REPEAL_BEFORE = /(?:Aufhebung|Streichung|Wegfall)\s+(?:des|der|von)\s+$/;
/** „§ 44 des Zehnten Buches gilt mit der Maßgabe, dass 1. … nach den Absätzen 1 und 2 …“: the items speak of that §. */
const MASSGABE = /mit\s+der\s+Maßgabe/;
const SGB_ELLIPSIS_RE = /^(?:des|im|dem)\s+(Ersten|Zweiten|Dritten|Vierten|Fünften|Sechsten|Siebten|Achten|Neunten|Zehnten|Elften|Zwölften|Vierzehnten)(?=\s+(?:und|oder|sowie)\s)/u;
const GESETZ_VOM_RE = /^(?:des|dem)\s+(Gesetzes|Gesetz)\s+vom\s+\d/;
const FASSUNG_RE = /^,?\s*in\s+(?:der|seiner|ihrer)\s+(?:(jeweils)\s+geltenden\s+Fassung|(?:bis\s+zum|am|vor\s+dem|ab\s+dem)\s+[^;]{3,100}?\s+geltenden\s+Fassung|Fassung\s+der\s+Bekanntmachung\s+vom\s+[^,;()]{3,40}(?:\s*\([^)]*\))?)/;
/** „vom 3. Mai 2013 (BGBl. I S. 1084)“, and inside brackets „(Artikel 1 des Gesetzes vom 27. Dezember 2003, BGBl. I S. 3022)“. */
const VOM_RE = new RegExp(String.raw`^,?\s*vom\s+\d{1,2}\.\s+\p{L}+\s+\d{4}\s*(?:\(|,\s*)${GAZETTE}\.`, 'u');
/** „in der Fassung der Bekanntmachung vom 15. Oktober 2015 (GVOBl. M-V S. 344)“ is a full citation as well. */
const BEKANNTMACHUNG_RE = new RegExp(String.raw`^,?\s*in\s+der\s+Fassung\s+der\s+Bekanntmachung\s+vom\s+\d{1,2}\.\s+\p{L}+\s+\d{4}\s*\(${GAZETTE}\.`, 'u');
const LINK_RE = /^[\s,]*(?:(?:und|oder|sowie|bis|auch|jeweils|in Verbindung mit|i\.\s?V\.\s?m\.|in|im|nach|gemäß|mit|des|der|den|dem|die)[\s,]+)*$/;
/** A citation inside a gazette reference („BGBl. 2024 I Nr. 245“) is none. */
const GAZETTE_BEFORE = new RegExp(String.raw`(?:${GAZETTE}|BAnz|Bl)\.[^()]{0,24}$`);
/** „Nummer 3 des § 5“, „Satz 2 des Absatzes 1“: the chain after „des“ is the parent. */
const GENITIVE_PARENT = /^\s+(?:des|der)\s+(?=§|Absatz|Artikels|Satzes|Nummer|Buchstaben|Anlage\s+\d)/;
const UNNAMED_LAW = /^(?:des|dem|der)\s+((?:\p{Lu}\p{Ll}+en\s+)?(?:Gesetz(?:es)?|Verordnung)\s+(?:über|zur|zum|für|betreffend|gegen|zu)\s[^,;.()]{3,90}?)(?=\s+(?:vom|in der|in Verbindung|entsprechend|gilt|gelten|ist|sind|findet|finden)\b|[,;.()]|$)/u;

const NO_SPANS: [number, number][] = [];
function hasMassgabe(line: string, start: number, end: number): boolean {
  const i = line.indexOf('Maßgabe', start);
  return i >= 0 && i < end && MASSGABE.test(line.slice(start, end));
}
function hasQuote(line: string, start: number, end: number): boolean {
  const i = line.indexOf('\u201e', start);
  return i >= 0 && i < end;
}

function wordAt(line: string, pos: number, end: number): string {
  let e = pos;
  while (e < end && /[\p{L}\p{N}-]/u.test(line[e])) e++;
  return line.slice(pos, e);
}

/** What follows a citation: the law it points into and the version meant. */
function readTail(
  line: string,
  pos: number,
  end: number,
  laws: LawRegistry,
  ownSgb: boolean,
  land?: string,
): { law: LawTarget; fassung: Fassung | undefined; full: boolean; end: number } {
  let i = pos;
  while (i < end && line.charCodeAt(i) === 32) i++;
  const rest = line.slice(i, Math.min(end, i + 160));
  let law: LawTarget = { kind: 'intern', explicit: false };
  let tailEnd = pos;
  let m: RegExpExecArray | null;
  if ((m = SELF_RE.exec(rest))) {
    law = { kind: 'intern', explicit: true };
    tailEnd = i + m[0].length;
  } else if ((m = SGB_ELLIPSIS_RE.exec(rest)) && /Buch(?:es|s)?\s+Sozialgesetzbuch/.test(line.slice(i, end))) {
    // „§ 65a des Ersten und § 115 des Zehnten Buches Sozialgesetzbuch“
    const abk = `SGB ${SGB_ROMAN[m[1]]}`;
    const known = laws.get(abk);
    law = known ? { kind: 'gesetz', law: known, start: i, end: i + m[0].length } : { kind: 'unbekannt', name: abk, start: i, end: i + m[0].length };
    tailEnd = i + m[0].length;
  } else if (ownSgb && (m = SGB_ORD_RE.exec(rest)) && !/^\s+Sozialgesetzbuch/.test(rest.slice(m[0].length))) {
    const abk = `SGB ${SGB_ROMAN[m[1]]}`;
    const known = laws.get(abk);
    law = known ? { kind: 'gesetz', law: known, start: i, end: i + m[0].length } : { kind: 'unbekannt', name: abk, start: i, end: i + m[0].length };
    tailEnd = i + m[0].length;
  } else {
    const art = ARTICLE_RE.exec(rest);
    const at = i + (art ? art[0].length : 0);
    const eu = matchEuAct(line, at, end);
    const known = eu ? undefined : laws.matchAt(line, at, end, land);
    if (eu) {
      law = { kind: 'eu', name: eu.name, start: at, end: eu.end };
      tailEnd = eu.end;
    } else if (known && (art || known.law.abkuerzung === line.slice(at, known.end))) {
      law = { kind: 'gesetz', law: known.law, start: at, end: known.end };
      tailEnd = known.end;
    } else if ((m = UNNAMED_LAW.exec(rest))) {
      const at2 = i + rest.indexOf(m[1]);
      law = { kind: 'unbekannt', name: m[1], start: at2, end: at2 + m[1].length };
      tailEnd = at2 + m[1].length;
    } else if (art && (m = GESETZ_VOM_RE.exec(rest))) {
      law = { kind: 'unbekannt', name: 'Gesetz', start: at, end: at + m[1].length };
      tailEnd = at + m[1].length;
    } else if (art) {
      // an unknown law, possibly after adjectives: „des Allgemeinen Eisenbahngesetzes“
      let p = at;
      for (let k = 0; k < 3; k++) {
        const w = wordAt(line, p, end);
        if (LAW_WORD.test(w)) {
          law = { kind: 'unbekannt', name: line.slice(at, p + w.length), start: at, end: p + w.length };
          tailEnd = p + w.length;
          break;
        }
        if (!/^\p{Lu}\p{Ll}+(?:en|er|es)$/u.test(w) || line[p + w.length] !== ' ') break;
        p += w.length + 1;
      }
    }
  }
  // version and full citation
  let fassung: Fassung | undefined;
  let full = false;
  const after = line.slice(tailEnd, Math.min(end, tailEnd + 200));
  if (VOM_RE.test(after) || BEKANNTMACHUNG_RE.test(after)) full = true;
  const fm = FASSUNG_RE.exec(after) ?? (full ? FASSUNG_RE.exec(after.slice(after.indexOf(')') + 1)) : null);
  if (fm) {
    const off = fm === FASSUNG_RE.exec(after) ? 0 : after.indexOf(')') + 1;
    const kind = fm[1] ? 'jeweils' : /Bekanntmachung/.test(fm[0]) ? 'statisch' : 'historisch';
    fassung = { kind, start: tailEnd + off + (fm[0].length - fm[0].trimStart().length), end: tailEnd + off + fm[0].length };
  }
  return { law, fassung, full, end: tailEnd };
}

/** Structure of a token run: entries with inherited levels. */
function buildEntries(tokens: CitToken[], shape: { bare: boolean; levels: ShapeLevel[] }[], prevPath: CitLevel[] | undefined): CitEntry[] {
  const out: CitEntry[] = [];
  let prev = prevPath;
  // a path goes downwards: „Absatz 1 Satz 1 und 2 § 433 Absatz 1“ is two citations, cut where the rank falls back
  const parts: { bare: boolean; levels: ShapeLevel[] }[] = [];
  for (const se of shape) {
    let cur: { bare: boolean; levels: ShapeLevel[] } = { bare: se.bare, levels: [] };
    let lastRank = -1;
    for (const sl of se.levels) {
      const k = sl.unit >= 0 ? KIND_OF[tokens[sl.unit].k] : undefined;
      const r = k ? RANK[k] : -1;
      const underArtikel = k === 'paragraph' && cur.levels.length > 0 && lastRank === 0 && tokens[cur.levels[cur.levels.length - 1].unit]?.k === 'R';
      if (k && cur.levels.length && r <= lastRank && k !== 'halbsatz' && !underArtikel) {
        parts.push(cur);
        cur = { bare: false, levels: [] };
      }
      cur.levels.push(sl);
      if (k) lastRank = r;
    }
    parts.push(cur);
  }
  for (const se of parts) {
    const written: CitLevel[] = [];
    for (const sl of se.levels) {
      const unitTok = sl.unit >= 0 ? tokens[sl.unit] : undefined;
      const valueTok = sl.value >= 0 ? tokens[sl.value] : undefined;
      const toTok = sl.to >= 0 ? tokens[sl.to] : undefined;
      let kind: LevelKind | undefined = unitTok ? KIND_OF[unitTok.k] : undefined;
      if (!kind) {
        // a bare value continues the level kind of the previous entry
        const last = prev?.[prev.length - 1];
        kind = last?.kind ?? 'paragraph';
      }
      const first = [sl.rel, sl.ord, sl.unit, sl.value].filter((x) => x >= 0).map((x) => tokens[x].start);
      const lastIdx = Math.max(sl.unit, sl.value, sl.to);
      let value = valueTok?.text;
      if (sl.ord >= 0) value = ORDINAL[tokens[sl.ord].text] ?? tokens[sl.ord].text;
      let rel: CitLevel['rel'];
      if (sl.rel >= 0) rel = /^(?:vor|nach)/.test(tokens[sl.rel].text) ? 'vorher' : 'dieser';
      const endTok = sl.mod && valueTok ? tokens[sl.value + 1] : tokens[lastIdx];
      written.push({
        kind,
        value,
        to: toTok?.text,
        mod: sl.mod,
        rel,
        written: true,
        start: Math.min(...first),
        end: (endTok ?? tokens[lastIdx]).end,
        valueStart: valueTok?.start ?? -1,
        valueEnd: valueTok?.end ?? -1,
        toStart: toTok?.start ?? -1,
        toEnd: toTok?.end ?? -1,
      });
    }
    // complete the path from the previous entry: everything above the first written level
    let levels = written;
    if (prev && written.length) {
      const r = RANK[written[0].kind];
      const keep: CitLevel[] = [];
      for (const l of prev) {
        if (RANK[l.kind] >= r) break;
        keep.push({ ...l, written: false });
      }
      if (se.bare || keep.length) levels = [...keep, ...written];
    }
    const top = out[0]?.top ?? levels[0].kind;
    out.push({ levels, bare: se.bare, top, start: written[0].start, end: written[written.length - 1].end });
    prev = levels;
  }
  return out;
}

/**
 * Scan a block's text for citations and law mentions (not quoted text of
 * amendments, not comments or annotations).
 */
export function scanBlock(block: Block, laws: LawRegistry, ownSgb: boolean, land?: string, memoKey?: string): BlockCitations {
  const citations: Citation[] = [];
  const head = block.parse.head;
  if (!head) return { citations };
  let prevEnd = -1;
  let prevLine = -1;
  let prevPath: CitLevel[] | undefined;
  /** Units whose text cites a provision „mit der Maßgabe, dass“: their list items continue that citation. */
  let massgabe: Map<Unit, Citation> | undefined;
  const amended = amendedLaw(head, laws, land);
  // a line that is one segment on its own, with no citation before it to continue, is scanned as a function of its
  // text (and of the law the Artikel amends): after an edit its citations come from the memo of the block replaced
  const memo = memoKey !== undefined && block.memoActive;
  const memoTag = memo ? `${memoKey}|${amendedKey(amended)}` : '';
  const segs = segments(block);
  for (let si = 0; si < segs.length; si++) {
    const seg = segs[si];
    if (seg.inQuote) continue;
    const line = block.lines[seg.line];
    let carry: Citation | undefined;
    if (massgabe) for (let u: Unit | undefined = seg.unit.parent; u && !carry; u = u.parent) carry = massgabe.get(u);
    const text = line;
    const alone = memo && !carry && (si === 0 || segs[si - 1].line !== seg.line) && (si + 1 === segs.length || segs[si + 1].line !== seg.line);
    // the kind of segment (a heading's citations are no amending instructions) goes with its start
    const segKey = seg.kind === 'title' ? -1 - seg.start : seg.start;
    const first = citations.length;
    if (alone) {
      const hit = block.memoGet<LineCitations>(seg.line, 'citations', memoTag, segKey, seg.end);
      if (hit) {
        for (const p of hit.list) {
          const c: Citation = {
            block,
            line: seg.line,
            start: p.start,
            end: p.end,
            unitsEnd: p.unitsEnd,
            entries: p.entries,
            law: p.amended ? (amended as LawTarget) : p.law,
            fassung: p.fassung,
            fullCitation: p.fullCitation,
            linked: p.linked,
            unit: seg.unit,
            previous: citations.length > first ? citations[citations.length - 1] : undefined,
            text: p.text,
            amendment: p.amendment,
          };
          citations.push(c);
          prevEnd = c.end;
          prevLine = seg.line;
          prevPath = c.entries[c.entries.length - 1]?.levels;
        }
        if (hit.massgabe >= 0) (massgabe ??= new Map()).set(seg.unit, citations[first + hit.massgabe]);
        continue;
      }
    }
    let massgabeAt = -1;
    let spans: [number, number][] | undefined;
    // search a copy of the segment when it is a small part of a long line (table cells)
    const [hay, off] = haystack(line, seg.start, seg.end);
    TRIGGER_RE.lastIndex = seg.start - off;
    let m: RegExpExecArray | null;
    let from = seg.start;
    while ((m = TRIGGER_RE.exec(hay)) && m.index + off < seg.end) {
      let at = m.index + off;
      if (at < from) continue;
      // "dieses Absatzes", "des vorstehenden Absatzes": start at the relative word
      if (at - 2 >= seg.start && text.charCodeAt(at - 1) === 32) {
        let ws = at - 1;
        while (ws > seg.start && text.charCodeAt(ws - 1) !== 32) ws--;
        if (REL_WORDS.has(text.slice(ws, at - 1))) at = ws;
      }
      if (text.charCodeAt(at) === 78 /* N */ && GAZETTE_BEFORE.test(text.slice(Math.max(seg.start, at - 30), at))) continue;
      const rc = readCitation(text, at, seg.end);
      if (!rc) continue;
      spans ??= hasQuote(text, seg.start, seg.end) ? quotedSpans(text, seg.start, seg.end) : NO_SPANS;
      if (spans.length && inSpans(rc.start, spans)) {
        from = rc.end;
        TRIGGER_RE.lastIndex = rc.end - off;
        continue;
      }
      const shape = citationShape(rc.kinds);
      if (!shape) {
        TRIGGER_RE.lastIndex = rc.end - off;
        continue;
      }
      const tokens = rc.tokens.slice(0, shape.consumed);
      let unitsEnd = tokens[tokens.length - 1].end;
      const linked = prevLine === seg.line && prevEnd >= 0 && prevEnd <= rc.start && LINK_RE.test(text.slice(prevEnd, rc.start));
      const firstRank = tokens[0].k === 'P' || tokens[0].k === 'Q' || tokens[0].k === 'R' || tokens[0].k === 'G' ? 0 : 1;
      const carryPath = linked && firstRank > 0 ? prevPath : carry && firstRank > 0 && !linked ? carry.entries[carry.entries.length - 1]?.levels : undefined;
      let entries = buildEntries(tokens, shape.entries, carryPath);
      // „Nummer 3 des § 5“: a chain in the genitive after a relative one names its parent
      const gp = firstRank > 0 ? GENITIVE_PARENT.exec(text.slice(unitsEnd, unitsEnd + 20)) : null;
      if (gp) {
        const pc = readCitation(text, unitsEnd + gp[0].length, seg.end);
        const pshape = pc ? citationShape(pc.kinds) : undefined;
        if (pc && pshape && pshape.entries.length === 1) {
          const ptoks = pc.tokens.slice(0, pshape.consumed);
          const parent = buildEntries(ptoks, pshape.entries, undefined)[0].levels;
          const r = RANK[entries[0].levels[0].kind];
          if (parent.every((l) => RANK[l.kind] < r)) {
            entries = entries.map((e) => ({ ...e, levels: [...parent.map((l) => ({ ...l, written: false })), ...e.levels.filter((l) => l.written)] }));
            unitsEnd = ptoks[ptoks.length - 1].end;
          }
        }
      }
      let tail = readTail(text, unitsEnd, seg.end, laws, ownSgb, land);
      // „nach § 10a oder Abschnitt XI des Einkommensteuergesetzes“: the law named after a further unit
      if (tail.law.kind === 'intern' && !tail.law.explicit) {
        const la = ALSO_UNIT.exec(text.slice(unitsEnd, unitsEnd + 60));
        if (la) {
          const t2 = readTail(text, unitsEnd + la[0].length, seg.end, laws, ownSgb, land);
          if (t2.law.kind !== 'intern') tail = { ...t2, end: unitsEnd };
        }
      }
      // „wegen der Aufhebung der Artikel 74a, 75 oder 98 Abs. 3 Satz 2“ names a unit that is gone on purpose
      if (!tail.fassung && REPEAL_BEFORE.test(text.slice(Math.max(seg.start, rc.start - 24), rc.start))) tail.fassung = { kind: 'historisch', start: rc.start, end: rc.start };
      const unit = seg.unit;
      const c: Citation = {
        block,
        line: seg.line,
        start: rc.start,
        end: Math.max(unitsEnd, tail.end),
        unitsEnd,
        entries,
        law: tail.law,
        fassung: tail.fassung,
        fullCitation: tail.full,
        linked,
        unit,
        previous: prevLine === seg.line && citations.length && citations[citations.length - 1].block === block ? citations[citations.length - 1] : undefined,
        text: text.slice(rc.start, Math.max(unitsEnd, tail.end)),
        amendment: false,
      };
      if (amended && c.law.kind === 'intern' && !c.law.explicit && seg.kind !== 'title') {
        c.law = amended;
        c.amendment = true;
      }
      // „nach § 60d in Verbindung mit § 60a Absatz 2 des Aufenthaltsgesetzes“: the law named at the end of a
      // linked list applies to the citations before it that name none (and are not relative)
      if (c.law.kind !== 'intern' && linked) {
        for (let k = citations.length - 1; k >= 0; k--) {
          const p = citations[k];
          if (p.line !== seg.line || p.block !== block || p.law.kind !== 'intern' || p.law.explicit) break;
          const f = p.entries[0]?.levels[0]?.kind;
          if (f !== 'paragraph' && f !== 'artikel') break;
          p.law = c.law;
          // … and so does the full citation or version marker after the law's name
          p.fullCitation = c.fullCitation;
          p.fassung ??= c.fassung;
          if (!p.linked) break;
        }
      }
      if (carry && firstRank > 0 && !linked && c.law.kind === 'intern' && !c.law.explicit) c.law = carry.law;
      if (firstRank === 0 && hasMassgabe(text, c.end, seg.end)) {
        (massgabe ??= new Map()).set(seg.unit, c);
        massgabeAt = citations.length - first;
      }
      citations.push(c);
      prevEnd = c.end;
      prevLine = seg.line;
      prevPath = entries[entries.length - 1]?.levels;
      from = c.end;
      TRIGGER_RE.lastIndex = c.end - off;
    }
    if (alone) {
      const list: LineCitation[] = [];
      for (let k = first; k < citations.length; k++) {
        const c = citations[k];
        list.push({
          start: c.start,
          end: c.end,
          unitsEnd: c.unitsEnd,
          entries: c.entries,
          law: c.law,
          amended: c.law === amended,
          fassung: c.fassung,
          fullCitation: c.fullCitation,
          linked: c.linked,
          text: c.text,
          amendment: c.amendment,
        });
      }
      block.memoSet<LineCitations>(seg.line, 'citations', memoTag, segKey, seg.end, { list, massgabe: massgabeAt });
    }
  }
  return { citations };
}

/** A citation as the memo of a line keeps it: no block, unit or neighbour (see scanBlock). */
interface LineCitation {
  start: number;
  end: number;
  unitsEnd: number;
  entries: CitEntry[];
  law: LawTarget;
  /** The law is the one the Artikel amends (taken from the scan that reads the memo). */
  amended: boolean;
  fassung: Fassung | undefined;
  fullCitation: boolean;
  linked: boolean;
  text: string;
  amendment: boolean;
}

interface LineCitations {
  list: LineCitation[];
  /** The citation (index in list) whose „mit der Maßgabe, dass“ the unit's list items continue, or -1. */
  massgabe: number;
}

const lawIds = new WeakMap<KnownLaw, number>();
let nextLawId = 1;
/** The law an Artikel amends, as part of a memo key. */
function amendedKey(t: LawTarget | undefined): string {
  if (!t) return '-';
  if (t.kind !== 'gesetz') return `${t.kind}:${'name' in t ? t.name : ''}`;
  let id = lawIds.get(t.law);
  if (id === undefined) lawIds.set(t.law, (id = nextLawId++));
  return `gesetz:${id}`;
}

/**
 * Laws named without units in a block („nach dem Bundesnaturschutzgesetz“),
 * for the first-mention rules H8/H9 (only drafts need them, so they are
 * scanned on demand). `citations` are the block's own (their laws are no
 * mentions again).
 */
export function scanBlockMentions(block: Block, laws: LawRegistry, citations: Citation[], land?: string): LawMention[] {
  const mentions: LawMention[] = [];
  if (!block.parse.head) return mentions;
  const byLine = new Map<number, Citation[]>();
  for (const c of citations) {
    const l = byLine.get(c.line);
    if (l) l.push(c);
    else byLine.set(c.line, [c]);
  }
  for (const seg of segments(block)) {
    if (seg.inQuote) continue;
    scanMentions(block, seg.line, seg.start, seg.end, laws, byLine.get(seg.line) ?? [], mentions, seg.unit, seg.kind === 'title', land);
  }
  return mentions;
}

/**
 * „Artikel 1 Änderung des Bundesmeldegesetzes“, „Weitere Änderung der
 * Meldedatenübermittlungsverordnung“: the law an amending Artikel amends.
 * Its instructions („In § 3 Absatz 2 werden …“) cite that law. An Artikel
 * that amends several laws („Änderung weiterer Vorschriften“) names none:
 * its bare citations are then of an unknown law, never of this draft.
 */
const AMENDS_RE = /^(?:(?:Weitere|Nochmalige|Erneute|Zweite|Dritte)\s+)?Änderung(?:en)?\s+(?:des|der)\s+/u;
const AMENDS_SEVERAL_RE = /^(?:(?:Weitere|Sonstige|Folge)\s*)?[Ää]nderung(?:en)?\s+(?:weiterer|anderer|sonstiger)\b|^Folgeänderungen\b/u;

function amendedLaw(head: Unit, laws: LawRegistry, land?: string): LawTarget | undefined {
  if (head.kind !== 'artikel' || !head.title) return undefined;
  const title = head.title;
  const m = AMENDS_RE.exec(title);
  if (!m) return AMENDS_SEVERAL_RE.test(title) ? { kind: 'unbekannt', name: title, start: 0, end: 0 } : undefined;
  const known = laws.matchAt(title, m[0].length, title.length, land);
  if (known) return { kind: 'gesetz', law: known.law, start: 0, end: 0 };
  const name = title.slice(m[0].length).replace(/\s+(?:vom|in der)\s.*$/, '');
  return { kind: 'unbekannt', name, start: 0, end: 0 };
}

/** Words that name a kind of law, not a law („Rechtsverordnung“, „Landesgesetz“, „Änderungsgesetz“). */
const GENERIC_LAW_WORD =
  /^(?:Rechts|Bundes|Landes|Durchführungs|Ausführungs|Änderungs|Mantel|Stamm|Zustimmungs|Einspruchs|Vertrags|Haushalts|Begleit|Einführungs|Artikel|Verwaltungs)?(?:[Gg]esetz|[Gg]esetzes|[Gg]esetze|[Gg]esetzen|[Vv]erordnung|[Vv]erordnungen|[Oo]rdnung|[Vv]ertrag|[Vv]ertrages|[Vv]ertrags|[Aa]bkommen|[Aa]bkommens)$/;

/** Word endings of law names; a mention is looked for only around them (cheap: indexOf). */
const LAW_ENDINGS = ['gesetz', 'Gesetz', 'gesetzbuch', 'ordnung'];

function isWordCharAt(line: string, i: number): boolean {
  return line.charCodeAt(i) === 45 /* - */ || isLetterOrDigitAt(line, i);
}

function scanMentions(
  block: Block,
  lineNo: number,
  start: number,
  end: number,
  laws: LawRegistry,
  citations: Citation[],
  out: LawMention[],
  segUnit: Unit,
  inTitle: boolean,
  land?: string,
): void {
  const line = block.lines[lineNo];
  const [mhay, moff] = haystack(line, start, end);
  let any = false;
  for (const ending of LAW_ENDINGS) {
    const k = mhay.indexOf(ending, start - moff);
    if (k >= 0 && k + moff < end) {
      any = true;
      break;
    }
  }
  if (!any) return;
  // the laws of this line's citations are not mentions again
  const taken: [number, number][] = [];
  for (const c of citations) {
    const l = c.law;
    if (l.kind !== 'intern' && !c.amendment) taken.push([l.start, l.end]);
  }
  const hits: number[] = [];
  for (const ending of LAW_ENDINGS) {
    for (let i = line.indexOf(ending, start); i >= 0 && i < end; i = line.indexOf(ending, i + ending.length)) hits.push(i);
  }
  if (!hits.length) return;
  hits.sort((a, b) => a - b);
  let spans: [number, number][] | undefined;
  let after = start;
  for (const h of hits) {
    if (h < after) continue;
    let ws = h;
    while (ws > start && isWordCharAt(line, ws - 1)) ws--;
    let we = h;
    while (we < end && isWordCharAt(line, we)) we++;
    const word = line.slice(ws, we);
    if (!LAW_WORD.test(word) || GENERIC_LAW_WORD.test(word)) continue;
    if (taken.some(([a, b]) => ws >= a && ws < b)) continue;
    spans ??= quotedSpans(line, start, end);
    if (inSpans(ws, spans)) continue;
    // the name may begin with an adjective or ordinal ("Bürgerlichen Gesetzbuches", "Zehnten Buches Sozialgesetzbuch")
    let law: LawTarget | undefined;
    let lawStart = ws;
    let lawEnd = we;
    for (let back = 0, p = ws; back < 3 && !law; back++) {
      const known = laws.matchAt(line, p, end, land);
      if (known && known.end >= we) {
        law = { kind: 'gesetz', law: known.law, start: p, end: known.end };
        lawStart = p;
        lawEnd = known.end;
        break;
      }
      // step one word back
      let q = p - 1;
      while (q > start && line[q] === ' ') q--;
      if (q <= start) break;
      let qs = q;
      while (qs > start && isWordCharAt(line, qs - 1)) qs--;
      if (!/^\p{Lu}/u.test(line.slice(qs, q + 1))) break;
      p = qs;
    }
    if (!law) {
      // in a federal draft „die Landesbauordnung“ means the Länder's laws in general, not one of them
      if (land === undefined && laws.isLandShortForm(word)) {
        after = we;
        continue;
      }
      law = { kind: 'unbekannt', name: word, start: ws, end: we };
    }
    const tail = readTail(line, lawEnd, end, laws, false, land);
    const unit = segUnit;
    out.push({ block, line: lineNo, start: lawStart, end: lawEnd, law, fullCitation: tail.full, fassung: tail.fassung, unit, inTitle });
    after = lawEnd;
  }
}

export { rawToken };
