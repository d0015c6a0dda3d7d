/**
 * The shape of a defined term and the inflected forms a usage may take.
 *
 * German inflects the words of a term, not the term as a whole: „die
 * meldepflichtige Person“, „der meldepflichtigen Person“, „die
 * meldepflichtigen Personen“. A term is analysed into words with a role:
 *
 * - `adj`: an adjective (or participle) before the head noun, written in
 *   lower case („meldepflichtige“) or, at the start of a sentence,
 *   capitalised („Elektronischer Nachweis“); its stem takes the endings
 *   -e, -er, -es, -en, -em;
 * - `noun`: the head noun („Person“); its forms are the lemma with the
 *   regular endings (-s, -es, -e, -en, -n, -er, -ern, -ns, -nen, -se …),
 *   the umlaut plural („Vertrag“ › „Verträge“), the Latin plural („Datum“ ›
 *   „Daten“, „Konto“ › „Konten“) and, for a term given in the plural, the
 *   singular („IT-Komponenten“ › „IT-Komponente“);
 * - `fixed`: words after the head noun („Waren mit digitalen Elementen“),
 *   matched as written;
 * - `abbr`: an abbreviation („DSGVO“, „WoAnmG“), with an optional -s.
 *
 * A form never reaches into a longer word: „Wohnungsinhaber“ and
 * „Hauptwohnung“ are other words (compounds), not forms of „Wohnung“.
 *
 * For renaming, each form records how it was built: a regular form is the
 * lemma plus a suffix, so the new name plus the same suffix is the same
 * form of the new word when the new word inflects the same way (see
 * {@link renameWord}).
 */

export type WordRole = 'adj' | 'noun' | 'fixed' | 'abbr';

export interface TermWord {
  /** The word as written in the definition. */
  text: string;
  role: WordRole;
  /** adj: the stem without ending („meldepflichtig“); otherwise the word. */
  stem: string;
}

export interface TermShape {
  words: TermWord[];
  /** Identity of the term: adjective stems in lower case, other words as written („a:meldepflichtig Person“). */
  key: string;
  /** The first word is an adjective (may be capitalised at the start of a sentence). */
  adjectiveInitial: boolean;
}

/** How a form of a word was built. */
export interface WordForm {
  role: WordRole;
  /** Characters cut from the end of the lemma (or stem) before the suffix. */
  cut: number;
  /** The ending after the (cut) lemma or stem. */
  suffix: string;
  /** regular: lemma + suffix; umlaut: vowel changed; latin: „Datum“ › „Daten“; reduced: plural term, singular form. */
  kind: 'regular' | 'umlaut' | 'latin' | 'reduced';
  /** For umlaut forms: index (from the end of the lemma) of the changed vowel. */
  umlautAt?: number;
  /** The form is the capitalised variant of a lower-case word (valid at a sentence start only). */
  capital?: boolean;
}

const ADJ_ENDING = /(?:e|er|es|en|em)$/;
const ADJ_ENDINGS = ['e', 'er', 'es', 'en', 'em'];
const NOUN_SUFFIXES = ['', 's', 'es', 'e', 'en', 'n', 'er', 'ern', 'ns'];
const DETERMINERS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'kein', 'keine', 'keiner', 'keines', 'keinem', 'keinen',
  'jede', 'jeder', 'jedes', 'jeden', 'jedem', 'alle', 'dieser', 'diese', 'dieses', 'diesem', 'diesen', 'sein', 'seine', 'ihr', 'ihre',
]);
const CONJUNCTIONS = new Set(['und', 'oder', 'sowie', 'bzw', 'beziehungsweise']);
/** Prepositions and particles: no term starts with one („(ohne Schutz vor Lärm)“ is no definition). */
const FUNCTION_WORDS = new Set([
  'ohne', 'außer', 'gegen', 'wegen', 'über', 'unter', 'hinter', 'neben', 'zwischen', 'aber', 'wieder', 'also', 'etwa', 'nur', 'auch', 'mit', 'nach',
  'von', 'vor', 'zu', 'zum', 'zur', 'für', 'bei', 'aus', 'durch', 'um', 'ab', 'bis', 'seit', 'in', 'im', 'an', 'am', 'auf', 'insbesondere',
  'einschließlich', 'ausschließlich', 'gemäß', 'nach', 'soweit', 'sofern', 'wenn', 'falls', 'sonst', 'sowie', 'nicht', 'noch', 'schon', 'sogenannte',
]);

export function isUpperInitial(w: string): boolean {
  const c = w.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isLowerInitial(w: string): boolean {
  const c = w.charAt(0);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

export function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function decapitalise(w: string): string {
  return w.charAt(0).toLowerCase() + w.slice(1);
}

/** „DSGVO“, „WoAnmG“, „BMG“: at least two capitals and no final capitalised word part („IT-Komponenten“ is a noun). */
export function isAbbreviation(w: string): boolean {
  if (w.length < 2 || w.length > 15 || /\s/.test(w)) return false;
  const caps = w.replace(/[^A-ZÄÖÜ]/g, '').length;
  if (caps < 2) return false;
  const last = w.split('-').pop() ?? '';
  return !/^[A-ZÄÖÜ][a-zäöüß]{2,}$/.test(last);
}

const WORD_RE = /^[\p{L}][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}][\p{L}\p{N}'’]*)*-?$/u;

function adjStem(w: string): string {
  const m = ADJ_ENDING.exec(w);
  // „andere“ › „ander“; a word that is all ending („e“) keeps itself
  return m && w.length - m[0].length >= 2 ? w.slice(0, w.length - m[0].length) : w;
}

/**
 * The shape of a term as written („meldepflichtige Person“, „Wohnung“,
 * „DSGVO“), or undefined when it is no usable term (empty, digits only,
 * punctuation, a single letter, more than six words).
 */
export function analyseTerm(text: string): TermShape | undefined {
  const raw = text.trim().split(/[ \u00a0]+/);
  if (!raw.length || raw.length > 6 || text.trim().length < 2 || text.length > 80) return undefined;
  for (const w of raw) if (!WORD_RE.test(w)) return undefined;
  if (raw.length === 1 && raw[0].endsWith('-')) return undefined;
  if (/\d/.test(raw.join('')) && !/\p{L}{2}/u.test(raw.join(''))) return undefined;
  const words: TermWord[] = [];
  if (raw.length === 1) {
    const w = raw[0];
    if (isAbbreviation(w)) words.push({ text: w, role: 'abbr', stem: w });
    else if (isUpperInitial(w)) words.push({ text: w, role: 'noun', stem: w });
    else if (isLowerInitial(w)) words.push({ text: w, role: 'adj', stem: adjStem(w) });
    else return undefined;
  } else {
    let i = 0;
    // adjectives before the head noun: lower case with an adjective ending; the first one may be capitalised
    // (start of a sentence: „Elektronischer Nachweis“) when a capitalised word follows
    while (i < raw.length - 1) {
      const w = raw[i];
      if (DETERMINERS.has(w.toLowerCase()) || CONJUNCTIONS.has(w)) break;
      const adjLike = ADJ_ENDING.test(w) && !w.endsWith('-');
      if (adjLike && isLowerInitial(w)) {
        i++;
        continue;
      }
      if (adjLike && i === 0 && isUpperInitial(w) && !isAbbreviation(w) && isUpperInitial(raw[1])) {
        i++;
        continue;
      }
      break;
    }
    const head = raw[i];
    if (head === undefined || !isUpperInitial(head) || isAbbreviation(head)) {
      // no recognisable head noun: every word as written
      if (raw.some((w) => DETERMINERS.has(w.toLowerCase()))) return undefined;
      for (const w of raw) words.push({ text: w, role: 'fixed', stem: w });
    } else {
      for (let k = 0; k < i; k++) words.push({ text: raw[k], role: 'adj', stem: adjStem(raw[k]) });
      words.push({ text: head, role: 'noun', stem: head });
      for (let k = i + 1; k < raw.length; k++) words.push({ text: raw[k], role: 'fixed', stem: raw[k] });
    }
  }
  const w0 = words[0].text.toLowerCase();
  if (DETERMINERS.has(w0) || FUNCTION_WORDS.has(w0) || CONJUNCTIONS.has(w0)) return undefined;
  return { words, key: shapeKey(words), adjectiveInitial: words[0].role === 'adj' };
}

function shapeKey(words: TermWord[]): string {
  return words.map((w) => (w.role === 'adj' ? `a:${w.stem.toLowerCase()}` : w.text)).join(' ');
}

// --- forms ---------------------------------------------------------------------------------------

const UMLAUT: Record<string, string> = { a: 'ä', o: 'ö', u: 'ü', A: 'Ä', O: 'Ö', U: 'Ü' };
const VOWELS = 'aeiouäöüyAEIOUÄÖÜY';

/** Index of the vowel an umlaut plural changes („Vertrag“ › 5, „Raum“ › 1 for „au“), or -1. */
function umlautIndex(n: string): number {
  let i = n.length - 1;
  while (i >= 0 && !VOWELS.includes(n[i])) i--;
  if (i < 0) return -1;
  // „au“: the a is umlauted („Raum“ › „Räume“); „eu“, „ei“, „ie“ are not
  if (n[i] === 'u' && i > 0 && (n[i - 1] === 'a' || n[i - 1] === 'A')) return i - 1;
  if (i > 0 && VOWELS.includes(n[i - 1])) return -1;
  return UMLAUT[n[i]] ? i : -1;
}

/** Every form of a noun, with how it was built. */
export function nounForms(n: string): Map<string, WordForm> {
  const out = new Map<string, WordForm>();
  const add = (form: string, f: WordForm): void => {
    if (!out.has(form)) out.set(form, f);
  };
  for (const s of NOUN_SUFFIXES) add(n + s, { role: 'noun', cut: 0, suffix: s, kind: 'regular' });
  if (n.endsWith('in')) add(`${n}nen`, { role: 'noun', cut: 0, suffix: 'nen', kind: 'regular' });
  if (n.endsWith('nis')) for (const s of ['se', 'ses', 'sen']) add(n + s, { role: 'noun', cut: 0, suffix: s, kind: 'regular' });
  const u = umlautIndex(n);
  if (u >= 0) {
    const stem = n.slice(0, u) + UMLAUT[n[u]] + n.slice(u + 1);
    for (const s of ['', 'e', 'en', 'er', 'ern']) add(stem + s, { role: 'noun', cut: 0, suffix: s, kind: 'umlaut', umlautAt: n.length - u });
  }
  const latin = /(um|us|a|o)$/.exec(n);
  if (latin && n.length > latin[0].length + 2) {
    const cut = latin[0].length;
    add(`${n.slice(0, n.length - cut)}en`, { role: 'noun', cut, suffix: 'en', kind: 'latin' });
  }
  // a term given in the plural („IT-Komponenten“, „Leistungen“): the singular
  if (n.endsWith('en') && n.length > 5) {
    if (n.charAt(n.length - 3) === 'e') add(n.slice(0, -1), { role: 'noun', cut: 1, suffix: '', kind: 'reduced' });
    add(n.slice(0, -2), { role: 'noun', cut: 2, suffix: '', kind: 'reduced' });
  }
  return out;
}

/** The forms a word of a term takes in a usage. */
export function wordForms(w: TermWord, first: boolean): Map<string, WordForm> {
  switch (w.role) {
    case 'noun':
      return nounForms(w.text);
    case 'abbr': {
      const m = new Map<string, WordForm>();
      m.set(w.text, { role: 'abbr', cut: 0, suffix: '', kind: 'regular' });
      m.set(`${w.text}s`, { role: 'abbr', cut: 0, suffix: 's', kind: 'regular' });
      return m;
    }
    case 'fixed': {
      const m = new Map<string, WordForm>();
      m.set(w.text, { role: 'fixed', cut: 0, suffix: '', kind: 'regular' });
      return m;
    }
    case 'adj': {
      const m = new Map<string, WordForm>();
      const lower = decapitalise(w.stem);
      const cap = capitalise(w.stem);
      // a single lower-case word term („elektronisch“) also has its bare form
      const endings = first && w.text === w.stem ? ['', ...ADJ_ENDINGS] : ADJ_ENDINGS;
      for (const e of endings) {
        m.set(lower + e, { role: 'adj', cut: 0, suffix: e, kind: 'regular' });
        // only the first word of a term stands at the start of a sentence
        if (first && cap !== lower && !m.has(cap + e)) m.set(cap + e, { role: 'adj', cut: 0, suffix: e, kind: 'regular', capital: true });
      }
      // a capitalised adjective in the definition that is no sentence start („Deutscher Bundestag“) keeps matching as written
      if (isUpperInitial(w.text) && !first) for (const e of ADJ_ENDINGS) m.set(cap + e, { role: 'adj', cut: 0, suffix: e, kind: 'regular' });
      return m;
    }
  }
}

// --- renaming ---------------------------------------------------------------------------------------

/** Endings that fix the inflection class of a noun (the new word inflects like the old one if both have it). */
const CLASS_ENDINGS: RegExp[] = [
  /(?:ung|heit|keit|schaft|ion|tät|ik|ei|enz|anz|ur)$/, // feminine, plural -en, no genitive -s
  /e$/, // plural -n
  /(?:er|el)$/, // genitive -s, plural unchanged, dative plural -n
  /en$/, // genitive -s, plural unchanged
  /in$/, // feminine -in, plural -nen
  /nis$/, // plural -nisse
];

/** Length of the common ending of two words (case-insensitive). */
function commonEnding(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

/** Whether two nouns inflect alike: the same last word of a compound (≥ 4 letters in common) or the same class ending. */
export function sameInflection(oldNoun: string, newNoun: string): boolean {
  if (commonEnding(oldNoun, newNoun) >= 4) return true;
  return CLASS_ENDINGS.some((re) => re.test(oldNoun) && re.test(newNoun));
}

export interface RenamedWord {
  text: string;
  /** The new form follows the old one's inflection only by assumption: the drafter should check it. */
  uncertain: boolean;
}

/**
 * The form of a word of the new name that corresponds to a form of the old
 * one: adjectives get the old ending, nouns the old suffix; umlaut and
 * Latin plurals are carried over when the new noun ends like the old one
 * („Antrag“ › „Erstantrag“: „Anträge“ › „Erstanträge“), otherwise the new
 * noun plus the old suffix is marked uncertain.
 */
export function renameWord(oldWord: TermWord, newWord: TermWord, written: string, form: WordForm): RenamedWord {
  switch (form.role) {
    case 'adj': {
      let stem = newWord.stem;
      if (isUpperInitial(written)) stem = capitalise(stem);
      else if (isLowerInitial(written) && !isUpperInitial(oldWord.text)) stem = decapitalise(stem);
      return { text: stem + form.suffix, uncertain: false };
    }
    case 'abbr':
      return { text: newWord.text + form.suffix, uncertain: false };
    case 'fixed':
      return { text: newWord.text, uncertain: false };
    case 'noun': {
      const o = oldWord.text;
      const n = newWord.text;
      const sameHead = commonEnding(o, n) >= 4;
      if (form.kind === 'regular') return { text: n + form.suffix, uncertain: form.suffix !== '' && !sameInflection(o, n) };
      if (form.kind === 'umlaut' && form.umlautAt !== undefined) {
        // the changed vowel lies in the common ending: change the same vowel of the new word
        const k = form.umlautAt;
        if (commonEnding(o, n) >= k && n.length >= k) {
          const i = n.length - k;
          const v = UMLAUT[n[i]];
          if (v) return { text: n.slice(0, i) + v + n.slice(i + 1) + form.suffix, uncertain: false };
        }
        return { text: n + form.suffix, uncertain: true };
      }
      if ((form.kind === 'latin' || form.kind === 'reduced') && sameHead && n.length > form.cut) {
        return { text: n.slice(0, n.length - form.cut) + form.suffix, uncertain: false };
      }
      return { text: form.kind === 'reduced' ? n : n + form.suffix, uncertain: true };
    }
  }
}

/**
 * Whether a new name can replace a term: the same shape (the same roles in
 * the same order), nouns capitalised. Returns the new shape or a reason.
 */
export function checkNewName(oldShape: TermShape, newName: string): { shape: TermShape } | { reason: 'invalid' | 'shape' } {
  const name = newName.trim().replace(/[ \u00a0]+/g, ' ');
  const shape = analyseTerm(name);
  if (!shape) return { reason: 'invalid' };
  const a = oldShape.words.map((w) => w.role).join(' ');
  let b = shape.words.map((w) => w.role).join(' ');
  // a single lower-case word stays an adjective-like word; a capitalised first adjective is fine
  if (a !== b && oldShape.words.length === shape.words.length && oldShape.words.every((w) => w.role === 'fixed')) b = a;
  if (a !== b) return { reason: 'shape' };
  return { shape };
}
