/**
 * The line lexer: the "cheap scan" of the parser.
 *
 * Every line of a draft is classified by its first characters into one
 * token (heading, Absatz, list item, text, annotation, …). Only lines whose
 * first character can start a marker are tested with a regular expression,
 * so the scan costs little more than splitting the text into lines. Prose is
 * never walked character by character here; ohm-js only sees the sequence of
 * token kinds of a block (see `grammar.ts`).
 *
 * The lexer is context-sensitive across lines in four places, all carried in
 * {@link LexState}: the front-matter block at the top, the indented entries
 * of an Inhaltsübersicht, the indented `key: value` lines of an annotation,
 * and multi-line quoted structures („… over several lines …“).
 */
import { ordinalStemValue } from '../util/ordinal';

export const enum Tok {
  Blank = 0,
  Comment,
  Text,
  Absatz,
  Nummer,
  Buchstabe,
  Doppelbuchstabe,
  Dreifachbuchstabe,
  Strich,
  TableRow,
  Annotation,
  AnnotationEntry,
  QuoteContinuation,
  TocEntry,
  FrontMatterDelimiter,
  FrontMatterLine,
  HeadNorm,
  HeadRange,
  HeadGliederung,
  HeadAnlage,
  HeadKeyword,
}

/** Gliederung unit words, in hierarchical order (HdR4 Rn. 377; Unterkapitel occurs in real law). */
export const GLIEDERUNG_WORDS = [
  'Buch',
  'Teil',
  'Kapitel',
  'Unterkapitel',
  'Abschnitt',
  'Unterabschnitt',
  'Titel',
  'Untertitel',
] as const;
export type GliederungWord = (typeof GLIEDERUNG_WORDS)[number];

export type KeywordHeading = 'Eingangsformel' | 'Präambel' | 'Inhaltsübersicht' | 'Schlussformel';

export type LexErrorKind =
  | 'heading-without-number'
  | 'absatz-marker-unclosed'
  | 'annotation-without-name'
  | 'annotation-entry-malformed'
  | 'frontmatter-unclosed'
  | 'quote-unclosed'
  | 'quote-unclosed-eof';

export interface LexError {
  kind: LexErrorKind;
  start: number;
  end: number;
}

/** One classified line. Columns are UTF-16 offsets within the line. */
export interface LineToken {
  kind: Tok;
  /** Column of the first non-blank character. */
  indent: number;
  /** End of the line's content: before a trailing `//` comment, trailing blanks and `\r`. */
  end: number;
  /** End of the marker (`§ 3a`, `(1)`, `1.`, `a)`, `@name`, `key`); equals `indent` when there is none. */
  markerEnd: number;
  /** Start of the text after the marker (title, content, value). */
  contentStart: number;
  /** Designation without punctuation: `3a`, `1`, `a`, `aa`, `IV`. */
  num?: string;
  /** Range headings: the second number and the conjunction. */
  numTo?: string;
  rangeConj?: 'bis' | 'und';
  /** § or Artikel for norm and range headings. */
  normWord?: '§' | 'Artikel';
  /** Gliederung headings. */
  unit?: GliederungWord;
  /** How the Gliederung designation was written: `Teil 2`, `Zweiter Teil`, `Teil II`, bare `II.`. */
  numberStyle?: 'arabic' | 'ordinal' | 'roman' | 'bare-roman';
  keyword?: KeywordHeading;
  /** Start of a trailing or whole-line `//` comment, or -1. */
  commentStart: number;
  /** The line starts a multi-line quoted structure. */
  opensQuote?: boolean;
  error?: LexError;
}

export interface LexState {
  mode: 'start' | 'frontmatter' | 'normal' | 'toc' | 'annotation' | 'quote';
  /** Open quote depth in quote mode. */
  quoteDepth: number;
  /** The lexer is at the first line of the document (front matter). */
  atDocumentStart: boolean;
  /** The previous significant line ended with a colon („… eingefügt:“): a quoted structure may follow. */
  afterColon: boolean;
  /** In annotation mode: indentation of the `@` line; its entries are indented deeper. */
  annotationIndent: number;
}

export function initialState(): LexState {
  return { mode: 'start', quoteDepth: 0, atDocumentStart: true, afterColon: false, annotationIndent: 0 };
}

export function normalState(): LexState {
  return { mode: 'normal', quoteDepth: 0, atDocumentStart: false, afterColon: false, annotationIndent: 0 };
}

const OPEN_QUOTE = 0x201e; // „
const CLOSE_QUOTE = 0x201c; // “

/** Words that follow `§ N` in prose but never start a heading title. */
const CITATION_CONTINUATIONS = new Set([
  'Absatz',
  'Absätze',
  'Absätzen',
  'Abs',
  'Satz',
  'Sätze',
  'Sätzen',
  'S',
  'Nummer',
  'Nummern',
  'Nr',
  'Buchstabe',
  'Buchstaben',
  'Buchst',
  'Doppelbuchstabe',
  'Halbsatz',
  'Alternative',
  'Unterabsatz',
  'Teilsatz',
  'Abschnitt',
  'Anlage',
]);

const NUM_RE = /^\d+[a-z]{0,2}(?=\s|$)/;
const NORM_RE = /^(§|Artikel|Art\.)[ \u00a0]+(\d+[a-z]{0,2})(?=\s|$)/;
const RANGE_RE = /^(§§|Artikel|Art\.)[ \u00a0]+(\d+[a-z]{0,2})[ \u00a0]+(bis|und)[ \u00a0]+(\d+[a-z]{0,2})(?=\s|$)/;
const GLIEDERUNG_NUM_RE =
  /^(Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel)[ \u00a0]+(?:(\d+[a-z]{0,2})|([IVXLC]+)(?:[ \u00a0]?([a-z]))?\.?)(?=\s|$)/;
const GLIEDERUNG_ORD_RE =
  /^([A-ZÄÖÜ][a-zäöüß]+?)(?:er|es|e)[ \u00a0]+(Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel)(?=\s|$)/;
const BARE_ROMAN_RE = /^([IVXLC]+)(?:[ \u00a0]?([a-z]))?\.(?=\s|$)/;
const ANLAGE_RE = /^(Anlage|Anhang)(?:[ \u00a0]+([0-9]+[a-z]{0,2}|[A-Z]{1,4}))?(?=\s|$)/;
const ABSATZ_RE = /^\((\d+[a-z]{0,2})\)(?=\s|$|\()/; // "(4)(weggefallen)" occurs in real law
const ABSATZ_UNCLOSED_RE = /^\((\d+[a-z]{0,2})(?=\s)/;
const NUMMER_RE = /^(\d+[a-z]{0,2})\.(?=\s|$)/;
const LETTER_RE = /^([a-z])(\1{0,2})\)(?=\s|$)/;
const STRICH_RE = /^[-–—](?=\s)/;
const ANNOTATION_RE = /^@([A-Za-zÄÖÜäöüß][\wÄÖÜäöüß-]*)?/;
const ENTRY_RE = /^([A-Za-zÄÖÜäöüß_][\wÄÖÜäöüß-]*)[ \t]*:/;
const KEYWORDS = new Map<string, KeywordHeading>([
  ['Eingangsformel', 'Eingangsformel'],
  ['Präambel', 'Präambel'],
  ['Inhaltsübersicht', 'Inhaltsübersicht'],
  ['Inhaltsverzeichnis', 'Inhaltsübersicht'],
  ['Schlussformel', 'Schlussformel'],
]);

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 13 || c === 0xfeff;
}

/** Trailing `//` comment start: at the start of the content or after a blank (so `https://` stays text). */
function findComment(line: string, from: number): number {
  let i = line.indexOf('//', from);
  while (i >= 0) {
    if (i === from || isBlankCode(line.charCodeAt(i - 1))) return i;
    i = line.indexOf('//', i + 2);
  }
  return -1;
}

function trimEnd(line: string, end: number, start: number): number {
  while (end > start && isBlankCode(line.charCodeAt(end - 1))) end--;
  return end;
}

function skipBlanks(line: string, i: number, end: number): number {
  while (i < end && isBlankCode(line.charCodeAt(i))) i++;
  return i;
}

/** Whether the text after `§ N` reads like a heading title rather than prose that begins with a citation. */
export function looksLikeTitle(line: string, start: number, end: number, anlage = false): boolean {
  if (start >= end) return true;
  const c = line.charCodeAt(start);
  // "(weggefallen)", "(zu § 28)", "(Gegenstandslose Übergangsvorschrift)" – but not an Absatz marker "(1) …"
  if (c === 40 /* ( */) return !/^\(\d+[a-z]{0,2}\)/.test(line.slice(start, Math.min(end, start + 8)));
  // " - " separator as in Markdown renderings: "Abschnitt 1 - Personen"
  if ((c === 45 || c === 0x2013) && start + 1 < end && isBlankCode(line.charCodeAt(start + 1))) return true;
  const last = line.charCodeAt(end - 1);
  if (last === 46 || last === 44 || last === 59 || last === 58) {
    // "." "," ";" ":" end prose, never a title (HdR titles carry no final punctuation)
    return false;
  }
  const first = line[start];
  if (anlage && line.startsWith('zu ', start)) return true;
  if (first.toUpperCase() === first && first.toLowerCase() !== first) {
    let w = start;
    while (w < end) {
      const cc = line.charCodeAt(w);
      if (cc === 32 || cc === 46 || cc === 9) break;
      w++;
    }
    return !CITATION_CONTINUATIONS.has(line.slice(start, w));
  }
  return false;
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]];
    const b = i + 1 < s.length ? v[s[i + 1]] : 0;
    total += a < b ? -a : a;
  }
  return total;
}

/** The number of an ordinal stem („Zweit“, „Einundzwanzigst“): see util/ordinal.ts. */
export function ordinalValue(stem: string): number | undefined {
  return ordinalStemValue(stem);
}

export { romanValue };

function token(kind: Tok, indent: number, end: number, commentStart: number): LineToken {
  return { kind, indent, end, markerEnd: indent, contentStart: indent, commentStart };
}

/**
 * Classify one line. `state` is updated in place for the next line.
 * `line` must not contain `\n`; a trailing `\r` is tolerated.
 */
export function lexLine(line: string, state: LexState): LineToken {
  // A byte order mark at the start of the document is not content: lex the line without it
  // and keep the columns of the real line (the mark is one UTF-16 unit).
  if (state.atDocumentStart && line.charCodeAt(0) === 0xfeff) return shiftToken(lexLineInner(line.slice(1), state), 1);
  return lexLineInner(line, state);
}

function shiftToken(t: LineToken, by: number): LineToken {
  t.indent += by;
  t.end += by;
  t.markerEnd += by;
  t.contentStart += by;
  if (t.commentStart >= 0) t.commentStart += by;
  if (t.error) t.error = { kind: t.error.kind, start: t.error.start + by, end: t.error.end + by };
  return t;
}

function lexLineInner(line: string, state: LexState): LineToken {
  const len = line.length;
  const indent = skipBlanks(line, 0, len);
  const atStart = state.atDocumentStart;
  state.atDocumentStart = false;

  // --- front matter -------------------------------------------------------
  if (atStart && state.mode === 'start') {
    state.mode = 'normal';
    if (indent === 0 && line.startsWith('---') && trimEnd(line, len, 0) === 3) {
      state.mode = 'frontmatter';
      return token(Tok.FrontMatterDelimiter, 0, 3, -1);
    }
  } else if (state.mode === 'start') {
    state.mode = 'normal';
  }
  if (state.mode === 'frontmatter') {
    if (indent === 0 && line.startsWith('---') && trimEnd(line, len, 0) === 3) {
      state.mode = 'normal';
      return token(Tok.FrontMatterDelimiter, 0, 3, -1);
    }
    const end = trimEnd(line, len, indent);
    if (indent === len || end === indent) {
      // a blank line inside the front matter is allowed (YAML-like)
      return token(Tok.FrontMatterLine, indent, end, -1);
    }
    // A heading inside an unclosed front matter ends it (error recovery).
    const probe = normalState();
    const t = lexBody(line, indent, len, probe);
    if (t.kind >= Tok.HeadNorm) {
      // a heading ends an unclosed front matter (reported by the front-matter parser)
      state.mode = probe.mode;
      return t;
    }
    const tok = token(Tok.FrontMatterLine, indent, end, line.startsWith('#', indent) ? indent : -1);
    return tok;
  }

  if (indent === len) {
    if (state.mode === 'quote') {
      state.mode = 'normal';
      state.quoteDepth = 0;
      const t = token(Tok.Blank, indent, indent, -1);
      t.error = { kind: 'quote-unclosed', start: 0, end: 0 };
      return t;
    }
    if (state.mode === 'annotation') state.mode = 'normal';
    // blank lines keep the Inhaltsübersicht open
    return token(Tok.Blank, indent, indent, -1);
  }

  // --- multi-line quoted structure ------------------------------------------
  if (state.mode === 'quote') {
    const cs = findCommentOutsideQuote(line, indent);
    const end = trimEnd(line, cs >= 0 ? cs : len, indent);
    state.quoteDepth += quoteBalance(line, indent, end);
    if (state.quoteDepth <= 0) {
      state.mode = 'normal';
      state.quoteDepth = 0;
    }
    const t = token(Tok.QuoteContinuation, indent, end, cs);
    t.contentStart = indent;
    return t;
  }

  // --- annotation entries ----------------------------------------------------
  if (state.mode === 'annotation') {
    if (indent > state.annotationIndent && !line.startsWith('//', indent)) {
      const cs = findComment(line, indent);
      const end = trimEnd(line, cs >= 0 ? cs : len, indent);
      const m = ENTRY_RE.exec(line.slice(indent, end));
      const t = token(Tok.AnnotationEntry, indent, end, cs);
      if (m) {
        t.markerEnd = indent + m[1].length;
        t.contentStart = skipBlanks(line, indent + m[0].length, end);
        t.num = m[1];
      } else {
        t.error = { kind: 'annotation-entry-malformed', start: indent, end };
      }
      return t;
    }
    // a line not indented deeper than the `@` line (e.g. the next list item) ends the annotation
    if (indent <= state.annotationIndent) state.mode = 'normal';
  }

  // --- Inhaltsübersicht entries ---------------------------------------------
  if (state.mode === 'toc') {
    if (indent > 0) {
      const cs = findComment(line, indent);
      const end = trimEnd(line, cs >= 0 ? cs : len, indent);
      // a whole-line comment between the entries is no (empty) entry
      if (end === indent) return token(Tok.Comment, indent, indent, cs);
      return token(Tok.TocEntry, indent, end, cs);
    }
    state.mode = 'normal';
  }

  return lexBody(line, indent, len, state);
}

function quoteBalance(line: string, from: number, to: number): number {
  let d = 0;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c === OPEN_QUOTE) d++;
    // “ closes; a straight " or ” after an open „ is a (wrong) closing mark, counted as one
    else if (c === CLOSE_QUOTE || ((c === 34 || c === 0x201d) && d > 0)) d--;
  }
  return d;
}

/** Comments inside a quoted structure: only whole-line comments (quoted law may contain "//"). */
function findCommentOutsideQuote(line: string, indent: number): number {
  return line.startsWith('//', indent) ? indent : -1;
}

function lexBody(line: string, indent: number, len: number, state: LexState): LineToken {
  const c0 = line.charCodeAt(indent);

  // whole-line comment
  if (c0 === 47 /* / */ && line.charCodeAt(indent + 1) === 47) {
    return token(Tok.Comment, indent, indent, indent);
  }

  const cs = findComment(line, indent);
  const end = trimEnd(line, cs >= 0 ? cs : len, indent);
  if (end === indent) {
    // only blanks before a comment
    return token(Tok.Comment, indent, indent, cs);
  }

  // escaped text line: "\1. Januar …"
  if (c0 === 92 /* \ */) {
    const t = token(Tok.Text, indent, end, cs);
    t.markerEnd = indent + 1;
    t.contentStart = indent + 1;
    state.afterColon = line.charCodeAt(end - 1) === 58;
    return t;
  }

  if (indent === 0) {
    const h = lexHeading(line, end, cs, state);
    if (h) {
      state.afterColon = false;
      return h;
    }
  }

  const rest = indent === 0 && end === len ? line : line.slice(indent, end);
  let m: RegExpExecArray | null;
  let t: LineToken | undefined;
  switch (true) {
    case c0 === 40 /* ( */:
      if ((m = ABSATZ_RE.exec(rest))) {
        t = token(Tok.Absatz, indent, end, cs);
        t.num = m[1];
        t.markerEnd = indent + m[0].length;
      } else if ((m = ABSATZ_UNCLOSED_RE.exec(rest)) && indent === 0) {
        t = token(Tok.Text, indent, end, cs);
        t.error = { kind: 'absatz-marker-unclosed', start: indent, end: indent + m[0].length };
      }
      break;
    case c0 >= 48 && c0 <= 57:
      if ((m = NUMMER_RE.exec(rest))) {
        t = token(Tok.Nummer, indent, end, cs);
        t.num = m[1];
        t.markerEnd = indent + m[0].length;
      }
      break;
    case c0 >= 97 && c0 <= 122:
      if ((m = LETTER_RE.exec(rest))) {
        const n = m[1] + m[2];
        t = token(n.length === 1 ? Tok.Buchstabe : n.length === 2 ? Tok.Doppelbuchstabe : Tok.Dreifachbuchstabe, indent, end, cs);
        t.num = n;
        t.markerEnd = indent + m[0].length;
      }
      break;
    case c0 === 45 || c0 === 0x2013 || c0 === 0x2014:
      if (STRICH_RE.test(rest)) {
        t = token(Tok.Strich, indent, end, cs);
        t.markerEnd = indent + 1;
      }
      break;
    case c0 === 124 /* | */:
      t = token(Tok.TableRow, indent, end, cs);
      break;
    case c0 === 64 /* @ */:
      m = ANNOTATION_RE.exec(rest);
      t = token(Tok.Annotation, indent, end, cs);
      if (m && m[1]) {
        t.num = m[1];
        t.markerEnd = indent + m[0].length;
      } else {
        t.markerEnd = indent + 1;
        t.error = { kind: 'annotation-without-name', start: indent, end: indent + 1 };
      }
      state.mode = 'annotation';
      state.annotationIndent = indent;
      break;
  }
  if (!t) t = token(Tok.Text, indent, end, cs);
  t.contentStart = skipBlanks(line, t.markerEnd, end);
  // A quoted structure over several lines: a line that begins with „, is not closed on the line,
  // and follows a line ending with a colon (the Änderungsbefehl: „… wird wie folgt gefasst:“).
  const afterColon = state.afterColon;
  // an annotation between the line with the colon and the „ line does not count (its entries never reach here)
  if (t.kind !== Tok.Annotation) state.afterColon = t.kind !== Tok.Comment && line.charCodeAt(end - 1) === 58;
  if (afterColon && t.kind !== Tok.Annotation && t.kind !== Tok.TableRow && line.charCodeAt(t.contentStart) === OPEN_QUOTE) {
    const b = quoteBalance(line, t.contentStart, end);
    if (b > 0) {
      t.opensQuote = true;
      state.mode = 'quote';
      state.quoteDepth = b;
      state.afterColon = false;
    }
  }
  return t;
}

function lexHeading(line: string, end: number, cs: number, state: LexState): LineToken | undefined {
  const c0 = line.charCodeAt(0);
  let m: RegExpExecArray | null;
  const head = end === line.length ? line : line.slice(0, end);
  if (c0 === 0xa7 /* § */) {
    if ((m = RANGE_RE.exec(head)) && m[1] === '§§') return rangeToken(line, m, end, cs);
    if ((m = NORM_RE.exec(head))) {
      const ts = skipBlanks(line, m[0].length, end);
      if (!looksLikeTitle(line, ts, end)) return undefined;
      const t = token(Tok.HeadNorm, 0, end, cs);
      t.normWord = '§';
      t.num = m[2];
      t.markerEnd = m[0].length;
      t.contentStart = ts;
      return t;
    }
    if (/^§§?(?=\s|$)/.test(head) || /^§§?[ \u00a0]*$/.test(head)) {
      // "§" followed by no number: a heading missing its number, unless it reads as prose
      const after = skipBlanks(line, line.charCodeAt(1) === 0xa7 ? 2 : 1, end);
      const nextIsDigit = after < end && line.charCodeAt(after) >= 48 && line.charCodeAt(after) <= 57;
      if (!nextIsDigit && looksLikeTitle(line, after, end)) {
        const t = token(Tok.HeadNorm, 0, end, cs);
        t.normWord = '§';
        t.markerEnd = line.charCodeAt(1) === 0xa7 ? 2 : 1;
        t.contentStart = after;
        t.error = { kind: 'heading-without-number', start: 0, end: t.markerEnd };
        return t;
      }
    }
    return undefined;
  }
  if (c0 === 65 /* A */) {
    if (line.startsWith('Artikel', 0) || line.startsWith('Art.', 0)) {
      if ((m = RANGE_RE.exec(head)) && m[1] !== '§§') return rangeToken(line, m, end, cs);
      if ((m = NORM_RE.exec(head))) {
        const ts = skipBlanks(line, m[0].length, end);
        if (!looksLikeTitle(line, ts, end)) return undefined;
        const t = token(Tok.HeadNorm, 0, end, cs);
        t.normWord = 'Artikel';
        t.num = m[2];
        t.markerEnd = m[0].length;
        t.contentStart = ts;
        return t;
      }
      return undefined;
    }
    if (line.startsWith('Anlage') || line.startsWith('Anhang')) {
      if ((m = ANLAGE_RE.exec(head))) {
        const ts = skipBlanks(line, m[0].length, end);
        if (!looksLikeTitle(line, ts, end, true)) return undefined;
        const t = token(Tok.HeadAnlage, 0, end, cs);
        t.num = m[2];
        t.keyword = undefined;
        t.markerEnd = m[0].length;
        t.contentStart = ts;
        return t;
      }
      return undefined;
    }
  }
  const kw = KEYWORDS.get(head);
  if (kw) {
    const t = token(Tok.HeadKeyword, 0, end, cs);
    t.keyword = kw;
    t.markerEnd = end;
    t.contentStart = end;
    if (kw === 'Inhaltsübersicht') state.mode = 'toc';
    return t;
  }
  if (c0 >= 65 && c0 <= 90 || c0 === 0xc4 || c0 === 0xd6 || c0 === 0xdc) {
    if ((m = GLIEDERUNG_NUM_RE.exec(head))) {
      const ts = skipBlanks(line, m[0].length, end);
      if (!looksLikeTitle(line, ts, end)) return undefined;
      const t = token(Tok.HeadGliederung, 0, end, cs);
      t.unit = m[1] as GliederungWord;
      if (m[2]) {
        t.num = m[2];
        t.numberStyle = 'arabic';
      } else {
        t.num = m[3] + (m[4] ?? '');
        t.numberStyle = 'roman';
      }
      t.markerEnd = m[0].length;
      t.contentStart = ts;
      return t;
    }
    if ((m = GLIEDERUNG_ORD_RE.exec(head)) && ordinalStemValue(m[1]) !== undefined) {
      const ts = skipBlanks(line, m[0].length, end);
      if (!looksLikeTitle(line, ts, end)) return undefined;
      const t = token(Tok.HeadGliederung, 0, end, cs);
      t.unit = m[2] as GliederungWord;
      t.num = String(ordinalStemValue(m[1]));
      t.numberStyle = 'ordinal';
      t.markerEnd = m[0].length;
      t.contentStart = ts;
      return t;
    }
    if ((c0 === 73 || c0 === 86 || c0 === 88) && (m = BARE_ROMAN_RE.exec(head))) {
      const ts = skipBlanks(line, m[0].length, end);
      if (ts >= end || !looksLikeTitle(line, ts, end)) return undefined;
      const t = token(Tok.HeadGliederung, 0, end, cs);
      t.num = m[1] + (m[2] ?? '');
      t.numberStyle = 'bare-roman';
      t.markerEnd = m[0].length;
      t.contentStart = ts;
      return t;
    }
  }
  return undefined;
}

function rangeToken(line: string, m: RegExpExecArray, end: number, cs: number): LineToken | undefined {
  const ts = skipBlanks(line, m[0].length, end);
  if (!looksLikeTitle(line, ts, end)) return undefined;
  const t = token(Tok.HeadRange, 0, end, cs);
  t.normWord = m[1] === '§§' ? '§' : 'Artikel';
  t.num = m[2];
  t.rangeConj = m[3] as 'bis' | 'und';
  t.numTo = m[4];
  t.markerEnd = m[0].length;
  t.contentStart = ts;
  return t;
}

/** Token kinds that start a new block. */
export function startsBlock(t: LineToken): boolean {
  return t.kind >= Tok.HeadNorm;
}

export const NUM_PATTERN = NUM_RE;
