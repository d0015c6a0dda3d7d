/**
 * German ordinal words as older laws number their Gliederung units with
 * them („Erstes Buch“, „Dritter Abschnitt“, „Einundzwanzigster Titel“) and
 * as commands and citations name those units („im Zweiten Buch“, „des
 * Dritten Abschnitts“): word → number and number → word, for 1 to 99 (and
 * „Hundertster“).
 *
 * A word is a stem and an adjective ending: „Dritt-“ + „-er“, „-es“, „-e“,
 * „-en“, „-em“ (all cases, both declensions, capitalised or not). The
 * stems: „Erst“ … „Neunzehnt“ (7 both „Siebt“ and „Siebent“), the tens
 * „Zwanzigst“ … „Neunzigst“ („Dreißigst“, also „Dreissigst“) and the
 * compounds „Einundzwanzigst“ … „Neunundneunzigst“.
 */

const SMALL: readonly string[] = [
  '',
  'erst',
  'zweit',
  'dritt',
  'viert',
  'fünft',
  'sechst',
  'siebt',
  'acht',
  'neunt',
  'zehnt',
  'elft',
  'zwölft',
  'dreizehnt',
  'vierzehnt',
  'fünfzehnt',
  'sechzehnt',
  'siebzehnt',
  'achtzehnt',
  'neunzehnt',
];
/** Cardinal units in compounds („einundzwanzig“). */
const UNITS: readonly string[] = ['', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const TENS: readonly string[] = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];

const STEM_VALUE = new Map<string, number>();
SMALL.forEach((s, i) => i > 0 && STEM_VALUE.set(s, i));
STEM_VALUE.set('siebent', 7);
for (let t = 2; t <= 9; t++) {
  STEM_VALUE.set(`${TENS[t]}st`, t * 10);
  for (let u = 1; u <= 9; u++) STEM_VALUE.set(`${UNITS[u]}und${TENS[t]}st`, t * 10 + u);
}
for (const [s, v] of [...STEM_VALUE]) if (s.includes('ß')) STEM_VALUE.set(s.replace('ß', 'ss'), v);
STEM_VALUE.set('hundertst', 100);

/** The adjective endings, longest first. */
const ENDINGS = ['en', 'em', 'er', 'es', 'e'] as const;
export type OrdinalEnding = (typeof ENDINGS)[number];

/** The number of an ordinal stem („Dritt“, „einundzwanzigst“), or undefined. */
export function ordinalStemValue(stem: string): number | undefined {
  if (stem.length > 24) return undefined;
  return STEM_VALUE.get(stem.toLowerCase());
}

/** The number of an ordinal word in any case („Erster“, „Ersten“, „erstes“, „Einundzwanzigste“), or undefined. */
export function ordinalValue(word: string): number | undefined {
  if (word.length > 27) return undefined;
  for (const e of ENDINGS) {
    if (!word.endsWith(e)) continue;
    const v = ordinalStemValue(word.slice(0, -e.length));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The stem of a number, capitalised („Dritt“, „Einundzwanzigst“), or undefined outside 1 to 100. */
export function ordinalStem(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 100) return undefined;
  let s: string;
  if (n < 20) s = SMALL[n];
  else if (n === 100) s = 'hundertst';
  else s = `${n % 10 ? `${UNITS[n % 10]}und` : ''}${TENS[Math.floor(n / 10)]}st`;
  return s[0].toUpperCase() + s.slice(1);
}

/** The ordinal word of a number with an ending („Dritter“, „Dritten“), or undefined outside 1 to 100. */
export function ordinalWord(n: number, ending: OrdinalEnding): string | undefined {
  const s = ordinalStem(n);
  return s && s + ending;
}

/** The gender of the Gliederung words: Buch, Kapitel, Unterkapitel are neuter, the others masculine. */
const NEUTER = new Set(['Buch', 'Kapitel', 'Unterkapitel']);

/** A Gliederung designation in the ordinal style, nominative without article: „Dritter Abschnitt“, „Zweites Buch“. */
export function ordinalDesignation(word: string, n: number): string | undefined {
  const o = ordinalWord(n, NEUTER.has(word) ? 'es' : 'er');
  return o && `${o} ${word}`;
}
