/**
 * Definitions of terms in one block (cached on the block: a block's text
 * never changes, so neither do its definitions).
 *
 * Four forms are recognised:
 *
 * - `begriffsbestimmung`: in a § or Artikel whose title contains „Begriff“
 *   (Begriffsbestimmungen, Begriffe), a sentence or list item that starts
 *   with a quoted term, optionally after an article: „1. „Wohnung“ jeder
 *   umschlossene Raum …“, „„Meldebehörde“ ist die …“, „Der „Portalverbund“
 *   ist …“; several quoted terms joined by „,“, „und“, „oder“ are each
 *   defined;
 * - `im-sinne`: anywhere, „„X“ im Sinne dieses Gesetzes ist …“ (dieser
 *   Verordnung, dieses Abschnitts, …), „Im Sinne dieses Gesetzes ist „X“ …“,
 *   and the list items after an introduction „Im Sinne dieses Gesetzes ist
 *   oder sind“ that start with a quoted term;
 * - `klammer`: a bracketed term after the phrase it names, „… beauftragte
 *   Person (Wohnungsgeber)“, „(vorausgefüllter Datensatz)“, „(im Folgenden:
 *   Portal)“, „(im Folgenden „Portal“)“;
 * - `abkuerzung`: a bracketed abbreviation, „(DSGVO)“.
 *
 * Not definitions: brackets with digits, „§“, periods or commas (citations,
 * dates, gazette references „(BGBl. I S. 1084)“), „(EU)“ and similar
 * markers of EU acts, the official short title of an EU act before its
 * gazette reference, lower-case words („(weggefallen)“, „(unverzüglich)“),
 * unit words („(Anlage)“), a bracket that names an alternative of the word
 * before it („Gemeinden (Gemeindeverbände)“) or qualifies a single word
 * („Borkum (Stadt)“), headings, table cells, and anything inside quoted
 * text of another provision (an amendment's „…“).
 */
import type { Block } from '../parser/block';
import type { Unit } from '../model/types';
import { ITEM_KINDS } from '../model/types';
import { quotedSpans } from '../rules/segments';
import { analyseTerm, isAbbreviation, type TermShape } from './inflection';
import { GAZETTE } from '../util/gazette';

export type DefinitionKind = 'begriffsbestimmung' | 'im-sinne' | 'klammer' | 'abkuerzung';

/** A definition in a block; positions relative to the block. */
export interface BlockDefinition {
  /** The term as written in the definition. */
  term: string;
  shape: TermShape;
  kind: DefinitionKind;
  line: number;
  /** Range of the term itself (inside the quotes or brackets). */
  start: number;
  end: number;
  /** The unit whose text defines the term (list item, Absatz). */
  unit: Unit;
  /** The definition stands in a § whose title names definitions („Begriffsbestimmungen“). */
  inBegriffsbestimmungen: boolean;
}

const CACHE_KEY = 'terms.definitions';
const NONE: BlockDefinition[] = [];

/** The definitions of a block, in text order (cached on the block). */
export function blockDefinitions(block: Block): BlockDefinition[] {
  const hit = block.caches.get(CACHE_KEY) as BlockDefinition[] | undefined;
  if (hit) return hit;
  const list = findDefinitions(block);
  block.caches.set(CACHE_KEY, list.length ? list : NONE);
  return list.length ? list : NONE;
}

/** Whether a § title announces definitions. */
export function isBegriffsbestimmungenTitle(title: string | undefined): boolean {
  return !!title && /Begriff/.test(title);
}

const ARTICLE = /^(?:(?:Der|Die|Das|Ein|Eine|der|die|das|ein|eine)[ \u00a0]+)?„/;
const CHAIN = /^(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+(?:und|oder|sowie)[ \u00a0]+)„/;
const IM_SINNE_AFTER = /^[ \u00a0]+im[ \u00a0]+Sinne[ \u00a0]+(?:dieses|dieser)[ \u00a0]+[\p{L}-]+/u;
const IM_SINNE_BEFORE = /[Ii]m[ \u00a0]+Sinne[ \u00a0]+(?:dieses|dieser)[ \u00a0]+[\p{L}-]+[ \u00a0]+(?:ist|sind|bezeichnet|bedeutet|gilt|gelten)[ \u00a0]+(?:(?:der|die|das|ein|eine)[ \u00a0]+)?„/gu;
const IM_SINNE_INTRO = /[Ii]m[ \u00a0]+Sinne[ \u00a0]+(?:dieses|dieser)[ \u00a0]+[\p{L}-]+[ \u00a0]+(?:ist|sind|bezeichnet|bedeutet|bezeichnen|bedeuten)(?:[ \u00a0]+oder[ \u00a0]+(?:ist|sind))?[ \u00a0]*:?$/u;
const EXPLICIT = /^(?:im[ \u00a0]+Folgenden|nachfolgend|nachstehend|im[ \u00a0]+Weiteren)[ \u00a0]*:?[ \u00a0]*(?:(?:der|die|das|den)[ \u00a0]+)?/;
const GAZETTE_AFTER = new RegExp(String.raw`^[ \u00a0]*\((?:${GAZETTE}|Amtsblatt)(?![\p{L}])`, 'u');
const EU_NUMBER_BEFORE = /(?:\d+\/\d+(?:\/(?:EG|EU|EWG|Euratom))?|\/(?:EG|EU|EWG))[ \u00a0]*$/;
const EU_MARKERS = new Set(['EU', 'EG', 'EWG', 'EGKS', 'Euratom', 'EURATOM']);
const ROMAN = /^[IVXLCDM]+$/;
const PHRASE_DELIMITER = /[,;:()]|[ \u00a0](?:und|oder|sowie)(?=[ \u00a0])/g;

/** The phrase a bracket follows: back to the last comma, semicolon, colon, bracket or coordinating conjunction. */
function phraseBefore(before: string): string {
  let from = 0;
  PHRASE_DELIMITER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHRASE_DELIMITER.exec(before))) from = m.index + m[0].length;
  return before.slice(from).trim();
}
const NOT_A_TERM = /[\d§.,;:/„“"»«]/;
const UNIT_WORDS = new Set([
  'Anlage', 'Anlagen', 'Anhang', 'Absatz', 'Absätze', 'Satz', 'Sätze', 'Nummer', 'Nummern', 'Buchstabe', 'Buchstaben', 'Artikel',
  'Paragraph', 'Paragraf', 'Teil', 'Abschnitt', 'Kapitel', 'Titel', 'Buch', 'Halbsatz', 'Tabelle', 'Muster', 'Formular', 'Fußnote',
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
]);

interface LinePart {
  unit: Unit;
  line: number;
  start: number;
  end: number;
}

function findDefinitions(block: Block): BlockDefinition[] {
  const p = block.parse;
  if (p.kind === 'frontmatter' || !p.head) return NONE;
  const head = p.head;
  const bb = (head.kind === 'paragraph' || head.kind === 'artikel') && isBegriffsbestimmungenTitle(head.title);
  const out: BlockDefinition[] = [];
  const seen = new Set<string>();
  const lines = block.lines;
  const add = (part: LinePart, s: number, e: number, kind: DefinitionKind): void => {
    const term = lines[part.line].slice(s, e);
    const shape = analyseTerm(term);
    if (!shape) return;
    const id = `${part.line}:${s}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ term, shape, kind: bb && kind !== 'abkuerzung' && kind !== 'klammer' ? 'begriffsbestimmung' : kind, line: part.line, start: s, end: e, unit: part.unit, inBegriffsbestimmungen: bb });
  };

  // whether a unit introduces definitions, asked once per parent (a list of 20,000 items has one)
  const intro = new Map<Unit, boolean>();
  for (const u of p.units) {
    const parts: LinePart[] = [];
    for (const t of u.textParts()) if (t.line === t.endLine && t.end > t.start) parts.push({ unit: u, line: t.line, start: t.start, end: t.end });
    if (!parts.length) continue;
    // list items after „Im Sinne dieses Gesetzes ist oder sind“
    const introParent = ITEM_KINDS.has(u.kind) && u.parent ? u.parent : undefined;
    let afterIntro = false;
    if (introParent) {
      let known = intro.get(introParent);
      if (known === undefined) intro.set(introParent, (known = introducesDefinitions(block, introParent)));
      afterIntro = known;
    }
    for (const part of parts) {
      const line = lines[part.line];
      const q = line.indexOf('„', part.start);
      const o = line.indexOf('(', part.start);
      const hasQuote = q >= 0 && q < part.end;
      if (!hasQuote && (o < 0 || o >= part.end)) continue;
      const spans = hasQuote ? quotedSpans(line, part.start, part.end) : [];
      if (spans.length) {
        // (a) sentences and items of a Begriffsbestimmungen § that start with a quoted term
        if (bb || afterIntro) {
          const starts = new Set<number>([part.start]);
          if (bb) for (const s of u.saetze) if (s.start.line === part.line && s.start.character >= part.start && s.start.character < part.end) starts.add(s.start.character);
          for (const at of starts) {
            // after an introduction, only an item's first words count
            if (!bb && at !== part.start) continue;
            for (const [s, e] of leadingQuotes(line, at, part.end, spans, block, part)) add(part, s + 1, e - 1, bb ? 'begriffsbestimmung' : 'im-sinne');
          }
        }
        // (b) „X“ im Sinne dieses Gesetzes …, Im Sinne dieses Gesetzes ist „X“ …
        if (line.indexOf('Sinne', part.start) >= 0) {
          for (const [s, e] of spans) {
            if (e > part.end || line.charCodeAt(e - 1) !== 0x201c || isAmendmentQuote(block, part, s, e)) continue;
            if (IM_SINNE_AFTER.test(line.slice(e, Math.min(part.end, e + 80)))) add(part, s + 1, e - 1, 'im-sinne');
          }
          const text = line.slice(part.start, part.end);
          IM_SINNE_BEFORE.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = IM_SINNE_BEFORE.exec(text))) {
            const q = part.start + m.index + m[0].length - 1;
            const span = spans.find(([s]) => s === q);
            if (span && line.charCodeAt(span[1] - 1) === 0x201c && !isAmendmentQuote(block, part, span[0], span[1])) add(part, span[0] + 1, span[1] - 1, 'im-sinne');
          }
        }
      }
      // (c) bracketed definitions
      if (o >= 0 && o < part.end) bracketDefinitions(block, part, spans, add);
    }
  }
  out.sort((a, b) => a.line - b.line || a.start - b.start);
  return out;
}

/** The unit's own text ends with „Im Sinne dieses Gesetzes ist oder sind“ (its items define terms). */
function introducesDefinitions(block: Block, u: Unit): boolean {
  for (const t of u.textParts()) {
    if (t.line !== t.endLine) continue;
    if (IM_SINNE_INTRO.test(block.lines[t.line].slice(t.start, t.end).trim())) return true;
  }
  return false;
}

/** A quote that holds the text of another provision: opened after a colon and running to the end of the text. */
function isAmendmentQuote(block: Block, part: LinePart, s: number, e: number): boolean {
  const line = block.lines[part.line];
  let rest = e;
  while (rest < part.end && /[\s.,;]/.test(line[rest])) rest++;
  if (rest < part.end) return false; // text follows the quote: a quoted term, not quoted text
  let i = s;
  while (i > part.start && (line[i - 1] === ' ' || line[i - 1] === '\u00a0')) i--;
  if (i > part.start) return line[i - 1] === ':';
  // at the start of the text: after a line that ends with a colon
  for (let k = part.line - 1; k >= 0; k--) {
    const t = block.tokens[k];
    if (t.end <= t.indent || block.lines[k].charCodeAt(t.indent) === 64 /* @ */) continue;
    return block.lines[k].charCodeAt(t.end - 1) === 58;
  }
  return false;
}

/** The quoted terms a sentence starts with („Der „Portalverbund“ ist“, „„a“, „b“ und „c“ sind“). */
function leadingQuotes(line: string, at: number, end: number, spans: [number, number][], block: Block, part: LinePart): [number, number][] {
  const out: [number, number][] = [];
  const m = ARTICLE.exec(line.slice(at, Math.min(end, at + 8)));
  if (!m) return out;
  let q = at + m[0].length - 1;
  for (;;) {
    const span = spans.find(([s]) => s === q);
    if (!span || line.charCodeAt(span[1] - 1) !== 0x201c || isAmendmentQuote(block, part, span[0], span[1])) break;
    out.push(span);
    const next = CHAIN.exec(line.slice(span[1], Math.min(end, span[1] + 12)));
    if (!next) break;
    q = span[1] + next[0].length - 1;
  }
  return out;
}

function bracketDefinitions(block: Block, part: LinePart, spans: [number, number][], add: (part: LinePart, s: number, e: number, kind: DefinitionKind) => void): void {
  const line = block.lines[part.line];
  for (let o = line.indexOf('(', part.start); o >= 0 && o < part.end; o = line.indexOf('(', o + 1)) {
    if (spans.some(([s, e]) => o > s && o < e)) continue;
    const c = line.indexOf(')', o + 1);
    if (c < 0 || c >= part.end) break;
    const content = line.slice(o + 1, c);
    if (content.includes('(')) continue;
    if (GAZETTE_AFTER.test(line.slice(c + 1, c + 16))) continue;
    let s = o + 1;
    let e = c;
    while (s < e && line[s] === ' ') s++;
    while (e > s && line[e - 1] === ' ') e--;
    // (im Folgenden: Portal), (nachfolgend „Portal“), (im Folgenden Portal genannt)
    const ex = EXPLICIT.exec(line.slice(s, e));
    if (ex && ex[0].trim()) {
      let ts = s + ex[0].length;
      let te = e;
      if (line.slice(te - 7, te) === ' genannt') te -= 7;
      if (line[ts] === '„' && line[te - 1] === '“') {
        ts++;
        te--;
      }
      if (te > ts && !NOT_A_TERM.test(line.slice(ts, te))) add(part, ts, te, isAbbreviation(line.slice(ts, te)) ? 'abkuerzung' : 'klammer');
      continue;
    }
    // („Portal“)
    if (line[s] === '„' && line[e - 1] === '“' && e - s > 3) {
      if (!NOT_A_TERM.test(line.slice(s + 1, e - 1))) add(part, s + 1, e - 1, 'klammer');
      continue;
    }
    const text = line.slice(s, e);
    if (!text || NOT_A_TERM.test(text)) continue;
    const words = text.split(/[ \u00a0]+/);
    if (words.length === 1 && isAbbreviation(text)) {
      if (EU_MARKERS.has(text) || ROMAN.test(text)) continue;
      add(part, s, e, 'abkuerzung');
      continue;
    }
    const shape = analyseTerm(text);
    if (!shape || !shape.words.some((w) => w.role === 'noun')) continue;
    if (words.length === 1 && UNIT_WORDS.has(text)) continue;
    // alternatives („Ersatz- und Ergänzungsgebiete“ is one term, „Vollerhebung oder Zufallsstichprobe“ two)
    if (words.some((w, i) => /^(?:und|oder|sowie|bzw)$/.test(w) && !words[i - 1]?.endsWith('-'))) continue;
    // the official short title of an EU act („Richtlinie 95/46/EG (Datenschutz-Grundverordnung)“)
    if (EU_NUMBER_BEFORE.test(line.slice(Math.max(part.start, o - 24), o))) continue;
    const before = line.slice(part.start, o).replace(/[ \u00a0]+$/, '');
    const prevWord = /([\p{L}-]+)$/u.exec(before)?.[1] ?? '';
    // „Gemeinden (Gemeindeverbände)“: an alternative of the word before
    if (prevWord.length >= 5 && words[0].length >= 5 && prevWord.slice(0, 5).toLowerCase() === words[0].slice(0, 5).toLowerCase()) continue;
    // „Borkum (Stadt)“: a qualifier of a single word
    const phrase = phraseBefore(before);
    if (!/\S[ \u00a0]+\S/.test(phrase)) continue;
    add(part, s, e, 'klammer');
  }
}
