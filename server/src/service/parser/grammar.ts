/**
 * The block grammar (ohm-js), matched over a block's *skeleton*: one
 * character per significant line (blank lines and comments are left out),
 * chosen by the lexer. Text never reaches ohm, which keeps matching cheap
 * (see the ohm measurements in the product brief), and skeletons repeat a
 * lot (a § with three Absätze has the skeleton `Paaa`), so results are
 * memoised by skeleton string.
 *
 * Skeleton alphabet (see `skeletonChar`):
 *   ^ start of document (no heading)   - front-matter delimiter   f front-matter line
 *   P § / Artikel heading   R range heading (§§ 3 bis 6)   G Gliederung heading   L Anlage heading
 *   E Eingangsformel   V Präambel   I Inhaltsübersicht   S Schlussformel   o Inhaltsübersicht entry
 *   a Absatz  n Nummer  b Buchstabe  d Doppelbuchstabe  e Dreifachbuchstabe  s Anstrich (– item)
 *   t text line  r table row  @ annotation  k annotation entry  q continuation of a quoted structure
 *
 * Lists nest by the kind of their marker (Nummer › Buchstabe › Doppelbuchstabe ›
 * Dreifachbuchstabe; Anstriche anywhere). A marker that cannot stand where it
 * stands (e.g. `aa)` directly in an Absatz) is a syntax error confined to its
 * line: recovery reads that line as text and matches again, so the rest of the
 * block keeps its structure.
 */
import * as ohm from 'ohm-js';
import { Tok, type LineToken } from './lexer';

const GRAMMAR_SOURCE = String.raw`
NormaBlock {
  Block = Start | FrontMatter | Norm | Range | Gliederung | Anlage | Uebersicht | Keyword

  Start       = "^" Content
  FrontMatter = "-" "f"* "-"?
  Norm        = "P" Body
  Range       = "R" Content
  Gliederung  = "G" Content
  Anlage      = "L" Content
  Uebersicht  = "I" "o"* Content
  Keyword     = ("E" | "V" | "S") Content

  Body    = Content Absatz*
  Absatz  = "a" "q"* Content
  Content = Piece*
  Piece   = Line | NList | BList | SList
  Line    = TextLine | Table | Annotation
  TextLine   = "t" "q"*
  Table      = "r"+
  Annotation = "@" "k"*

  NList = NItem+
  NItem = "n" "q"* (Line | BList | SList)*
  BList = BItem+
  BItem = "b" "q"* (Line | DList | SList)*
  DList = DItem+
  DItem = "d" "q"* (Line | EList | SList)*
  EList = EItem+
  EItem = "e" "q"* (Line | SList)*
  SList = SItem+
  SItem = "s" "q"* Line*

  space := "_"
}`;

let grammar: ohm.Grammar | undefined;
function getGrammar(): ohm.Grammar {
  if (!grammar) grammar = ohm.grammar(GRAMMAR_SOURCE);
  return grammar;
}

export function grammarSource(): string {
  return GRAMMAR_SOURCE;
}

const CHAR_BY_TOK: string[] = [];
CHAR_BY_TOK[Tok.Text] = 't';
CHAR_BY_TOK[Tok.Absatz] = 'a';
CHAR_BY_TOK[Tok.Nummer] = 'n';
CHAR_BY_TOK[Tok.Buchstabe] = 'b';
CHAR_BY_TOK[Tok.Doppelbuchstabe] = 'd';
CHAR_BY_TOK[Tok.Dreifachbuchstabe] = 'e';
CHAR_BY_TOK[Tok.Strich] = 's';
CHAR_BY_TOK[Tok.TableRow] = 'r';
CHAR_BY_TOK[Tok.Annotation] = '@';
CHAR_BY_TOK[Tok.AnnotationEntry] = 'k';
CHAR_BY_TOK[Tok.QuoteContinuation] = 'q';
CHAR_BY_TOK[Tok.TocEntry] = 'o';
CHAR_BY_TOK[Tok.FrontMatterDelimiter] = '-';
CHAR_BY_TOK[Tok.FrontMatterLine] = 'f';
CHAR_BY_TOK[Tok.HeadNorm] = 'P';
CHAR_BY_TOK[Tok.HeadRange] = 'R';
CHAR_BY_TOK[Tok.HeadGliederung] = 'G';
CHAR_BY_TOK[Tok.HeadAnlage] = 'L';

export function skeletonChar(t: LineToken): string | undefined {
  if (t.kind === Tok.Blank || t.kind === Tok.Comment) return undefined;
  if (t.kind === Tok.HeadKeyword) {
    switch (t.keyword) {
      case 'Eingangsformel':
        return 'E';
      case 'Präambel':
        return 'V';
      case 'Inhaltsübersicht':
        return 'I';
      default:
        return 'S';
    }
  }
  return CHAR_BY_TOK[t.kind];
}

export interface SkeletonResult {
  /** Skeleton positions (indices into the skeleton string) that were read as text after a syntax error. */
  errors: number[];
  /** The skeleton actually accepted (after recovery). */
  accepted: string;
}

const memo = new Map<string, SkeletonResult>();
const MAX_MEMO = 50_000;
const MAX_RECOVERIES = 64;

/** Characters that recovery may turn into text. */
const DEMOTABLE = new Set(['a', 'n', 'b', 'd', 'e', 's', 'r', '@', 'k', 'q', 'o', 'f', '-']);

/**
 * Match a skeleton, memoised. On failure the offending line is demoted to a
 * text line (`t`) and the match repeated, so one bad marker never hides the
 * structure of the rest of the block.
 */
export function matchSkeleton(skeleton: string): SkeletonResult {
  const hit = memo.get(skeleton);
  if (hit) return hit;
  const g = getGrammar();
  let s = skeleton;
  const errors: number[] = [];
  for (let attempt = 0; attempt <= MAX_RECOVERIES; attempt++) {
    const m = g.match(s);
    if (!m.failed()) break;
    let pos = m.getRightmostFailurePosition();
    if (pos >= s.length) pos = s.length - 1;
    // find a demotable character at or after the failure position
    let p = pos;
    while (p < s.length && !DEMOTABLE.has(s[p])) p++;
    if (p >= s.length || attempt === MAX_RECOVERIES) {
      // nothing left to demote: read everything after the head as text
      const head = s[0];
      const rest = s.slice(1).replace(/[^t]/g, 't');
      for (let i = 1; i < s.length; i++) if (s[i] !== 't' && !errors.includes(i)) errors.push(i);
      s = head === 'P' || head === 'G' || head === 'L' || head === 'R' || head === '^' || head === 'I' ? head + rest : '^' + rest;
      break;
    }
    errors.push(p);
    s = s.slice(0, p) + 't' + s.slice(p + 1);
  }
  const result: SkeletonResult = { errors, accepted: s };
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(skeleton, result);
  return result;
}

export function skeletonMemoSize(): number {
  return memo.size;
}
