/**
 * Sätze (sentences) derived from punctuation.
 *
 * German statutes have no sentence markup; a citation such as „Absatz 2
 * Satz 3" counts sentences in the Absatz's own text. A sentence ends at „.",
 * „?" or „!" followed by a capitalised word or the end of the text, except
 * where the period belongs to an abbreviation („Abs.", „z. B.", „BGBl."),
 * an ordinal or a date („am 1. Januar 2027", „des 65. Lebensjahres"), or
 * sits inside quotes or parentheses. A sentence that runs into a list
 * („… wenn" 1. … 2. …) continues through it; text after the list continues
 * it when it starts in lower case.
 */
import type { Block } from './block';
import type { RelPos, Satz, Unit } from '../model/types';

/** Abbreviations that end with a period inside a sentence. */
export const SENTENCE_ABBREVIATIONS = new Set([
  'Abs', 'Nr', 'Nrn', 'Art', 'Buchst', 'Kap', 'Anh', 'Anl', 'Abschn', 'Unterabs', 'bzw', 'ggf', 'vgl', 'gem', 'ff', 'lit',
  'usw', 'etc', 'Dr', 'Prof', 'Str', 'ca', 'BGBl', 'ABl', 'GVBl', 'GVOBl', 'HmbGVBl', 'SächsGVBl', 'GBl', 'Bd', 'Rn', 'Rdnr', 'sog', 'bspw', 'evtl', 'einschl',
  'insb', 'insbes', 'Ziff', 'geb', 'Std', 'Min', 'Mio', 'Mrd', 'Tsd', 'zzgl', 'abzgl', 'Pos', 'Tz', 'lfd', 'Hs', 'Var',
  'Alt', 'Co', 'St', 'Verf', 'Anm', 'Aufl', 'Bek', 'Beschl', 'Bl', 'Drs', 'Hrsg', 'Jh', 'max', 'mind', 'Nachw', 'Reg',
  'Sa', 'So', 'Tel', 'vorl', 'zit', 'idF', 'Slg', 'Urt', 'Az', 'Kfz', 'Pkw', 'Lkw', 'Inc', 'Ltd', 'Corp', 'bzgl', 'ehem',
]);

const MONTHS = new Set([
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
]);

/** Words after which a number is a unit number in a citation, so a following period can end the sentence. */
const CITATION_WORDS = new Set([
  '§', '§§', 'Absatz', 'Absätze', 'Absätzen', 'Satz', 'Sätze', 'Sätzen', 'Nummer', 'Nummern', 'Artikel', 'Artikeln',
  'Anlage', 'Anlagen', 'Teil', 'Teils', 'Kapitel', 'Kapitels', 'Abschnitt', 'Abschnitts', 'Abschnittes', 'Titel', 'Titels',
  'Buch', 'Buches', 'Halbsatz', 'Tabelle', 'Anhang', 'Randnummer', 'Nr', 'Abs', 'Art', 'S', 'Seite',
]);

const LETTER_CITATION_WORDS = new Set(['Buchstabe', 'Buchstaben', 'Doppelbuchstabe', 'Doppelbuchstaben']);

function isUpper(c: string): boolean {
  return c.toUpperCase() === c && c.toLowerCase() !== c;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The word (letters, digits, §) that ends right before index `end`, not reaching before `from`. */
function wordBefore(s: string, end: number, from = 0): [string, number] {
  let i = end;
  while (i > from) {
    const c = s[i - 1];
    if (c === ' ' || c === '\t' || c === '\u00a0' || c === '(' || c === '„' || c === ',' || c === '/' || c === '-' || c === '.' || c === ';') break;
    i--;
  }
  return [s.slice(i, end), i];
}

function precedingWords(s: string, end: number, n: number, from = 0): string[] {
  const out: string[] = [];
  let i = end;
  while (out.length < n && i > from) {
    while (i > from && (isSpace(s.charCodeAt(i - 1)) || s[i - 1] === ',')) i--;
    if (i === from) break;
    const [w, st] = wordBefore(s, i, from);
    if (!w) {
      i--;
      continue;
    }
    out.push(w);
    i = st;
  }
  return out;
}

/** Whether the period at `j` ends a sentence; `from` is where the unit's text starts on the line (after its marker or an escaping backslash). */
function periodEndsSentence(s: string, j: number, from: number): boolean {
  const [word, ws] = wordBefore(s, j, from);
  if (!word) return true; // ")." or "“."
  if (isDigit(word.charCodeAt(0)) && /^\d+[a-z]?$/.test(word)) {
    // a number: ordinal/date unless it is a unit number in a citation
    const next = nextWord(s, j + 1);
    if (MONTHS.has(next)) return false;
    if (word.length === 4 && /^\d{4}$/.test(word)) return true; // year: "… im Jahr 2027."
    const prev = precedingWords(s, ws, 6, from);
    for (const w of prev) {
      if (CITATION_WORDS.has(w)) return true;
      if (/^\d+[a-z]?$/.test(w) || w === 'und' || w === 'bis' || w === 'oder' || w === 'sowie') continue;
      break;
    }
    return false;
  }
  if (word.length === 1) {
    // single letters: "z. B.", "S. 5", but "Buchstabe a." ends a sentence
    if (!isUpper(word)) {
      const prev = precedingWords(s, ws, 1, from)[0];
      return prev !== undefined && LETTER_CITATION_WORDS.has(prev);
    }
    return false;
  }
  // „vgl.“ and „Vgl.“ at the start of a sentence
  if (SENTENCE_ABBREVIATIONS.has(word) || SENTENCE_ABBREVIATIONS.has(word.charAt(0).toLowerCase() + word.slice(1))) return false;
  // "f." and "ff." after numbers
  if (word === 'f' || word === 'ff') return false;
  return true;
}

function nextWord(s: string, from: number): string {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let e = i;
  while (e < s.length && !isSpace(s.charCodeAt(e)) && s[e] !== ',' && s[e] !== '.') e++;
  return s.slice(i, e);
}

interface Segment {
  line: number;
  start: number;
  end: number;
}

/** Compute the Sätze of a unit's own text. */
export function splitSentences(block: Block, u: Unit): Satz[] {
  const out: Satz[] = [];
  let open: RelPos | undefined;
  let last: RelPos | undefined; // end of the last content inside the open sentence
  let closedByPeriod = true;
  let depthQuote = 0;
  let depthParen = 0;

  const close = (end: RelPos): void => {
    if (open) out.push({ num: out.length + 1, start: open, end });
    open = undefined;
    last = undefined;
  };

  const scan = (seg: Segment, afterList: boolean): void => {
    const s = block.lines[seg.line];
    let i = seg.start;
    while (i < seg.end && isSpace(s.charCodeAt(i))) i++;
    if (i >= seg.end) return;
    if (open && afterList) {
      // text after a list: continues the sentence when it starts in lower case
      // („§ 10 Absatz 2 gilt entsprechend.“ after a list is a new sentence; „soweit …“ continues one)
      if (!(s[i].toLowerCase() === s[i] && s[i].toUpperCase() !== s[i])) close(last ?? open);
    }
    if (!open) {
      open = { line: seg.line, character: i };
      closedByPeriod = false;
    }
    for (let j = i; j < seg.end; j++) {
      const c = s[j];
      if (c === '„') depthQuote++;
      else if (c === '“') depthQuote = Math.max(0, depthQuote - 1);
      else if (c === '(') depthParen++;
      else if (c === ')') depthParen = Math.max(0, depthParen - 1);
      else if ((c === '.' || c === '?' || c === '!') && depthQuote === 0 && depthParen === 0) {
        // the next non-blank character decides
        let k = j + 1;
        if (k < seg.end && !isSpace(s.charCodeAt(k))) continue; // "1.1", "z.B."
        while (k < seg.end && isSpace(s.charCodeAt(k))) k++;
        const atEnd = k >= seg.end;
        if (!atEnd) {
          const n = s[k];
          if (!(isUpper(n) || n === '„' || isDigit(s.charCodeAt(k)) || n === '§' || n === '(')) continue;
        }
        if (c === '.' && !periodEndsSentence(s, j, seg.start)) continue;
        close({ line: seg.line, character: j + 1 });
        closedByPeriod = true;
        if (!atEnd) open = { line: seg.line, character: k };
        j = k - 1;
      }
    }
    if (open) last = { line: seg.line, character: seg.end };
  };

  let sawList = false;
  for (const p of u.parts) {
    if (p.type === 'text') {
      const t = p.text;
      if (t.line === t.endLine) scan({ line: t.line, start: t.start, end: t.end }, sawList);
      else {
        scan({ line: t.line, start: t.start, end: block.tokens[t.line].end }, sawList);
        for (let l = t.line + 1; l <= t.endLine; l++) {
          scan({ line: l, start: block.tokens[l].indent, end: l === t.endLine ? t.end : block.tokens[l].end }, false);
        }
      }
      sawList = false;
    } else {
      const end = p.type === 'unit' ? { line: p.unit.el, character: p.unit.ec } : { line: p.table.endLine, character: block.tokens[p.table.endLine].end };
      if (open) last = end;
      else if (!closedByPeriod) last = end;
      sawList = true;
    }
  }
  if (open) close(last ?? open);
  return out;
}
