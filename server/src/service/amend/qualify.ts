/**
 * Qualifying a Gliederung path that fits several units (rule
 * aenderung-ziel-mehrdeutig): for each unit it fits, the edit of the command
 * sentence that names the units above it, in the style the command writes
 * the path — before a bare unit word („Abschnitt 3 wird aufgehoben.“ →
 * „Buch 2 Abschnitt 3 wird aufgehoben.“), else after it in the genitive
 * („Die Überschrift des Abschnitts 3“ → „… des Abschnitts 3 des Buches 2“,
 * „Der Dritte Abschnitt“ → „Der Dritte Abschnitt des Zweiten Buches“).
 */
import type { GCandidate, Issue, Level } from './apply';
import type { Message } from '../model/types';
import { GLIEDERUNG_FORMS, gliederungWordOf } from './grammar';
import { ordinalValue, ordinalWord } from '../util/ordinal';

const GENITIVE: Record<string, string> = {
  Buch: 'Buches',
  Teil: 'Teils',
  Kapitel: 'Kapitels',
  Unterkapitel: 'Unterkapitels',
  Abschnitt: 'Abschnitts',
  Unterabschnitt: 'Unterabschnitts',
  Titel: 'Titels',
  Untertitel: 'Untertitels',
};

const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:[Dd](?:er|ie|as|em|en|es)|[Bb]isherigen?)\s+$/u;
const NUMERIC = new RegExp(String.raw`(?<![\p{L}\p{N}])(${GLIEDERUNG_FORMS.join('|')})\s+(\d+[a-z]{0,2})(?:(?:\s*,\s*\d+[a-z]{0,2})*\s+(?:und|bis)\s+\d+[a-z]{0,2})?(?![\p{L}\p{N}])`, 'gu');
const NEXT_LEVEL = new RegExp(String.raw`^\s+(?:\p{L}+\s+)?(?:${GLIEDERUNG_FORMS.join('|')})(?![\p{L}])`, 'u');
const ORDINAL = new RegExp(String.raw`(?<![\p{L}\p{N}])(\p{L}+)\s+(${GLIEDERUNG_FORMS.join('|')})(?![\p{L}\p{N}])`, 'gu');

export interface Qualification {
  /** The candidate's path, „Buch 2 Abschnitt 3“. */
  path: string;
  /** Offset in the sentence and the text to insert there. */
  at: number;
  insert: string;
}

/** The sentence with the text of its quotations blanked out (offsets kept). */
function withoutQuotes(s: string): string {
  let depth = 0;
  let out = '';
  for (const c of s) {
    if (c === '„') depth++;
    out += depth > 0 ? ' '.repeat(c.length) : c;
    if (c === '“' && depth > 0) depth--;
  }
  return out;
}

/**
 * The edits that qualify the first written level of `target` with the units
 * above it, one per candidate; none when that level is not in the sentence
 * (a path continued from the command above) or when the units above it do
 * not tell the candidates apart.
 */
export function qualifications(sentence: string, target: Level[], candidates: GCandidate[]): Qualification[] {
  const first = target.find((l) => l.kind === 'gliederung');
  if (!first || first !== target[0] || !first.word) return [];
  const v = first.values[0];
  // the units above the first written level, per candidate
  const above: GCandidate['path'][] = [];
  for (const c of candidates) {
    const k = c.path.findIndex((p) => p.word === first.word && p.num === v);
    if (k <= 0) return [];
    above.push(c.path.slice(0, k));
  }
  const keys = above.map((a) => a.map((p) => `${p.word} ${p.num}`).join(' '));
  if (new Set(keys).size !== keys.length) return [];
  // where the level stands in the sentence, and how it is written
  const text = withoutQuotes(sentence);
  let hit: { start: number; end: number; ordinal: boolean; bare: boolean } | undefined;
  for (const m of text.matchAll(NUMERIC)) {
    if (gliederungWordOf(m[1]) !== first.word || m[2] !== v) continue;
    const start = m.index ?? 0;
    hit = { start, end: start + m[0].length, ordinal: false, bare: m[1] === first.word && !ARTICLE_BEFORE.test(text.slice(0, start)) && !/\s+(?:und|bis)\s+|,/.test(m[0]) };
    break;
  }
  if (!hit) {
    for (const m of text.matchAll(ORDINAL)) {
      if (gliederungWordOf(m[2]) !== first.word || String(ordinalValue(m[1]) ?? '') !== v) continue;
      const start = m.index ?? 0;
      hit = { start, end: start + m[0].length, ordinal: true, bare: false };
      break;
    }
  }
  if (!hit) return [];
  const h = hit;
  // a genitive goes after the whole path: only where the level is the last one written
  const more = NEXT_LEVEL.test(text.slice(h.end));
  if (!h.bare && more) return [];
  return above.map((a) => {
    const path = [...a, { word: first.word ?? '', num: v }].map((p) => `${p.word} ${p.num}`).join(' ');
    if (h.bare) return { path, at: h.start, insert: `${a.map((p) => `${p.word} ${p.num}`).join(' ')} ` };
    const gen = [...a]
      .reverse()
      .map((p) => {
        const o = h.ordinal && /^\d+$/.test(p.num) ? ordinalWord(Number(p.num), 'en') : undefined;
        return o ? ` des ${o} ${GENITIVE[p.word] ?? p.word}` : ` des ${GENITIVE[p.word] ?? p.word} ${p.num}`;
      })
      .join('');
    return { path, at: h.end, insert: gen };
  });
}

/** At most this many units are listed; the count says how many there are. */
const LISTED = 6;

const unitPath = (p: GCandidate['path']): string => p.map((x) => `${x.word} ${x.num}`).join(' ');

/** The message of a path that fits several units: the count, where they stand („Buch 1, Buch 2, …“), a full path. */
export function ambiguityMessage(i: Issue, law: string): Message {
  const cands = i.candidates ?? [];
  // each unit by the units above it; one at the top by itself
  const places = cands.map((c) => unitPath(c.path.length > 1 ? c.path.slice(0, -1) : c.path));
  const where = places.length > LISTED ? `${places.slice(0, LISTED).join(', ')}, …` : places.join(', ');
  return { key: 'aenderung-ziel-mehrdeutig.message', args: { what: i.args.what, law, count: cands.length, where, example: cands[0] ? unitPath(cands[0].path) : '' } };
}
