/**
 * The cheap scan for citations: trigger words („§“, „Absatz“, „Nr.“, …) are
 * found with one regular expression; from each, a small hand lexer reads
 * the citation's tokens (unit words, numbers, letters, „bis“, „und“,
 * commas, „f.“/„ff.“). Only that token sequence – one character per token –
 * goes to the ohm grammar (grammar.ts), never the prose.
 */

export interface CitToken {
  /** Token kind, one character (see grammar.ts). */
  k: string;
  start: number;
  end: number;
  /** The token text (number, letter, word). */
  text: string;
}

const WORD_KIND = new Map<string, string>([
  ['§', 'P'],
  ['§§', 'Q'],
  ['Absatz', 'A'],
  ['Absatzes', 'A'],
  ['Abs.', 'A'],
  ['Absätze', 'B'],
  ['Absätzen', 'B'],
  ['Satz', 'S'],
  ['Satzes', 'S'],
  ['S.', 'S'],
  ['Sätze', 'T'],
  ['Sätzen', 'T'],
  ['Nummer', 'N'],
  ['Nr.', 'N'],
  ['Nummern', 'M'],
  ['Nrn.', 'M'],
  ['Buchstabe', 'L'],
  ['Buchst.', 'L'],
  ['lit.', 'L'],
  ['Buchstaben', 'K'],
  ['Doppelbuchstabe', 'D'],
  ['Doppelbuchstaben', 'E'],
  ['Halbsatz', 'H'],
  ['Halbsatzes', 'H'],
  ['Halbs.', 'H'],
  ['Unterabsatz', 'U'],
  ['Unterabsatzes', 'U'],
  ['Unterabsätze', 'U'],
  ['UAbs.', 'U'],
  ['Artikel', 'R'],
  ['Artikels', 'R'],
  ['Artikeln', 'R'],
  ['Art.', 'R'],
  ['Anlage', 'G'],
  ['Anlagen', 'G'],
  ['bis', 'b'],
  ['und', 'u'],
  ['oder', 'o'],
  ['sowie', 's'],
  ['f.', 'f'],
  ['ff.', 'F'],
  ['erster', 'h'],
  ['ersten', 'h'],
  ['zweiter', 'h'],
  ['zweiten', 'h'],
  ['dritter', 'h'],
  ['dritten', 'h'],
  ['letzter', 'h'],
  ['letzten', 'h'],
]);

const REL_WORD = /^(?:vorstehende[nrs]?|nachstehende[nrs]?|vorangehende[nrs]?|dieses|dieser|diesem|diesen)$/;

/** Unit-word kinds that can start a citation. */
export const UNIT_KINDS = 'PQABSTNMLKDEHURG';

/** Where a citation may begin (one regex pass over the text; the lexer does the rest). */
export const TRIGGER_RE =
  /§|Abs(?:atz|ätz|\.)|S(?:atz|ätze)|Numm|Nrn?\.|Buchst|lit\.|Doppelbuchst|Halbs|Unterabs|UAbs\.|Artikel|Art\.|Anlage|vorstehend|nachstehend|vorangehend/g;

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Read one raw token at `i` (after blanks); undefined at the end or at a character that ends citations. */
export function rawToken(line: string, i: number, end: number): CitToken | undefined {
  while (i < end && isSpace(line.charCodeAt(i))) i++;
  if (i >= end) return undefined;
  const c = line.charCodeAt(i);
  if (c === 0xa7 /* § */) {
    const two = line.charCodeAt(i + 1) === 0xa7;
    return { k: two ? 'Q' : 'P', start: i, end: i + (two ? 2 : 1), text: two ? '§§' : '§' };
  }
  if (c === 44 /* , */) return { k: ',', start: i, end: i + 1, text: ',' };
  // a range written with a dash („§§ 8 - 12“, „Absatz 2-4“): read as „bis“ so the citation still resolves
  // (the rule bereich-strich asks for „bis“)
  if (c === 45 /* - */ || c === 0x2013 /* – */) {
    let j = i + 1;
    while (j < end && isSpace(line.charCodeAt(j))) j++;
    if (j < end && isDigit(line.charCodeAt(j))) return { k: 'b', start: i, end: i + 1, text: line[i] };
  }
  if (isDigit(c)) {
    let j = i;
    while (j < end && isDigit(line.charCodeAt(j))) j++;
    // a letter suffix (311a, 1aa) but not a word ("3 Monate")
    let k = j;
    while (k < end && k - j < 2 && line.charCodeAt(k) >= 97 && line.charCodeAt(k) <= 122) k++;
    if (k > j && k < end && isLetterCode(line.charCodeAt(k))) k = j;
    // "1." as an ordinal is not a citation number; "1/2016" neither
    const next = line.charCodeAt(k);
    // "1/2016", "1.5" and decimals "3,5" are no unit numbers
    if (next === 47 /* / */ || ((next === 46 || next === 44) && isDigit(line.charCodeAt(k + 1)))) return { k: 'x', start: i, end: k, text: line.slice(i, k) };
    return { k: 'n', start: i, end: k, text: line.slice(i, k) };
  }
  if (isLetterCode(c)) {
    let j = i;
    while (j < end && (isLetterCode(line.charCodeAt(j)) || line.charCodeAt(j) === 45 /* - */)) j++;
    let word = line.slice(i, j);
    if (line.charCodeAt(j) === 46 /* . */) {
      const withDot = word + '.';
      if (WORD_KIND.has(withDot)) return { k: WORD_KIND.get(withDot) as string, start: i, end: j + 1, text: withDot };
      // "i. V. m."
      if (word === 'i' && /^\.\s?V\.\s?m\./.test(line.slice(j, j + 7))) {
        const m = /^\.\s?V\.\s?m\./.exec(line.slice(j, j + 7)) as RegExpExecArray;
        return { k: 'i', start: i, end: j + m[0].length, text: 'i. V. m.' };
      }
    }
    const kind = WORD_KIND.get(word);
    if (kind) return { k: kind, start: i, end: j, text: word };
    if (REL_WORD.test(word)) return { k: 'v', start: i, end: j, text: word };
    // single letters and doubled letters as values (a, aa, aaa)
    if (/^[a-z]$|^([a-z])\1{1,2}$/.test(word)) return { k: 'l', start: i, end: j, text: word };
    if (word === 'in' && line.startsWith('in Verbindung mit', i)) return { k: 'i', start: i, end: i + 17, text: 'in Verbindung mit' };
    word = '';
    return { k: 'w', start: i, end: j, text: line.slice(i, j) };
  }
  return { k: '.', start: i, end: i + 1, text: line[i] };
}

/** Whether the next value of the run is a letter: after „Buchstabe“/„Doppelbuchstabe“ or after „bis“/„und“ in a run of letters. */
function expectsLetter(toks: CitToken[], prev: string): boolean {
  if ('LKDE'.includes(prev) && prev !== '') return true;
  if (prev === 'b' || SEP.includes(prev)) {
    for (let j = toks.length - 1; j >= 0; j--) {
      const k = toks[j].k;
      if (k === 'l') return true;
      if (k === 'n' || UNIT_KINDS.includes(k)) return false;
    }
  }
  return false;
}

export interface RawCitation {
  tokens: CitToken[];
  /** The token kinds as one string (the grammar's input). */
  kinds: string;
  start: number;
  end: number;
}

const VALUE = 'nl';
const SEP = ',uos';

/**
 * Read the token run of a citation starting at a trigger. Returns the tokens
 * of the longest plausible run (trailing separators trimmed) or undefined.
 */
export function readCitation(line: string, start: number, end: number): RawCitation | undefined {
  const toks: CitToken[] = [];
  let i = start;
  let prev = '';
  for (;;) {
    const t = rawToken(line, i, end);
    if (!t) break;
    let k = t.k;
    // „Buchstabe f.“ / „den Buchstaben a bis f.“ at the end of a sentence: the letter f, not „folgende“
    if ((k === 'f' || k === 'F') && expectsLetter(toks, prev)) {
      t.k = k = 'l';
      t.text = k === 'l' && t.text === 'ff.' ? 'ff' : 'f';
      t.end = t.start + t.text.length;
    }
    if (k === 'w' || k === '.' || k === 'x' || k === 'i') break;
    if (k === 'S' && t.text === 'S.' && !VALUE.includes(prev)) break; // "S." only inside a citation ("BGBl. I S. 2542" is a page)
    if (k === 'l' && !(UNIT_KINDS.includes(prev) || prev === 'b' || SEP.includes(prev))) break;
    if (k === 'l' && SEP.includes(prev)) {
      // a letter after "und": only when the run has letter values
      if (!toks.some((x) => x.k === 'l')) break;
    }
    if (k === 'n' && !(UNIT_KINDS.includes(prev) || prev === 'b' || SEP.includes(prev))) break;
    if (k === 'h' && !(VALUE.includes(prev) || prev === '')) break;
    if (k === 'v' && prev !== '' && !SEP.includes(prev)) break;
    if (SEP.includes(k) || k === 'b' || k === 'f' || k === 'F') {
      if (!prev || !(VALUE.includes(prev) || prev === 'f' || prev === 'F' || prev === 'H' || (prev === 'G' && k !== 'b'))) break;
      if (k === 'b' && prev === 'H') break;
    }
    if (k === 'G' && prev === 'v') break; // „dieser Anlage“ is a building, not an Anlage of the law
    if (k === 'G' && !toks.length && /\p{Ll}{3,}(?:en|er|e)\s+$/u.test(line.slice(Math.max(0, t.start - 16), t.start)) && !/(?:nach|gemäß|laut|in|zu)\s+$/.test(line.slice(Math.max(0, t.start - 8), t.start))) break; // „baulichen Anlagen 100 Quadratmeter“
    if (UNIT_KINDS.includes(k) && prev === 'v') {
      // "vorstehender Absatz"
    } else if (UNIT_KINDS.includes(k) && toks.length && !(VALUE.includes(prev) || SEP.includes(prev) || prev === 'h' || prev === 'f' || prev === 'F' || prev === 'G' || prev === 'H')) break;
    if (k === 'H' && prev !== 'h' && !VALUE.includes(prev) && toks.length) break;
    toks.push(t); // a fresh token from rawToken: no copy needed
    prev = k;
    i = t.end;
  }
  // trim: a run ends with a value, a unit that stands alone ("Anlage", "vorstehender Absatz", "erster Halbsatz") or f./ff.
  while (toks.length && !('nlfFGH'.includes(toks[toks.length - 1].k) || (toks.length >= 2 && toks[toks.length - 2].k === 'v'))) toks.pop();
  if (!toks.length) return undefined;
  const first = toks[0].k;
  if (!(UNIT_KINDS.includes(first) || first === 'v' || first === 'h')) return undefined;
  // a lone unit word without a value is no citation („bauliche Anlagen“); „vorstehender Absatz“ has two tokens
  if (toks.length === 1) return undefined;
  let kinds = '';
  for (const t of toks) kinds += t.k;
  return { tokens: toks, kinds, start: toks[0].start, end: toks[toks.length - 1].end };
}
