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
 * Dreifachbuchstabe; Anstriche anywhere): a list is a run of items, grouped by
 * the builder. A marker that cannot stand where it stands (e.g. `aa)` directly
 * in an Absatz) is a syntax error confined to its line: recovery reads that
 * line as text and matches again, so the rest of the block keeps its structure.
 *
 * Matching cost: ohm spends some microseconds per skeleton character, so the
 * grammar is flat and lexical (no rule per list, no space skipping), runs of
 * equal characters are matched as two (`annnnn` behaves like `ann`: an equal
 * neighbour is accepted or rejected alike), and a §'s skeleton is matched
 * Absatz by Absatz (an Absatz's content cannot affect another's). Each piece
 * is memoised, so the BGB's 2,800 blocks need about forty small matches.
 */
import * as ohm from 'ohm-js';
import { Tok, type LineToken } from './lexer';

const GRAMMAR_SOURCE = String.raw`
NormaBlock {
  block   = "^" content               -- start
          | "-" "f"* "-"?             -- frontMatter
          | "P" content absatz*       -- norm
          | "I" "o"* content          -- uebersicht
          | head content              -- other
  head    = "R" | "G" | "L" | "E" | "V" | "S"
  absatz  = "a" "q"* content
  content = (line | nItem | bItem | sItem)*
  line    = "t" "q"*                  -- text
          | "r"                       -- tableRow
          | "@" "k"*                  -- annotation
  nItem   = "n" "q"* (line | bItem | sItem)*
  bItem   = "b" "q"* (line | dItem | sItem)*
  dItem   = "d" "q"* (line | eItem | sItem)*
  eItem   = "e" "q"* (line | sItem)*
  sItem   = "s" "q"* line*
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

const CODE_BY_TOK: number[] = CHAR_BY_TOK.map((c) => (c ? c.charCodeAt(0) : 0));
const KEYWORD_CODE: Record<string, number> = { Eingangsformel: 69, Präambel: 86, Inhaltsübersicht: 73, Schlussformel: 83 };

/** The skeleton character of a line as a char code; 0 for blank and comment lines. */
export function skeletonCode(t: LineToken): number {
  if (t.kind === Tok.HeadKeyword) return KEYWORD_CODE[t.keyword ?? ''] ?? 83;
  return CODE_BY_TOK[t.kind] ?? 0;
}

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
 * The common syntax errors – list markers that cannot stand where they stand (`aa)` without an open
 * `a)`, `aaa)` without `aa)`) and Absatz markers outside a § or Artikel – demoted to text in one
 * linear pass. This is exactly what the ohm recovery in `matchSkeleton` does for them (the grammar is
 * PEG: a list item closes the items it cannot nest in, so the first marker that fits nowhere is the
 * failure position), but without one full match per error: a block with thousands of bad markers
 * keeps the structure of its good lines instead of exhausting MAX_RECOVERIES.
 */
function demoteMisplacedItems(skeleton: string, errors: number[]): string {
  const head = skeleton[0];
  if (head === '-') return skeleton;
  const out = skeleton.split('');
  const open: string[] = []; // kinds of the open list items, outermost first
  for (let i = 1; i < out.length; i++) {
    const c = out[i];
    if (c === 'a') {
      if (head === 'P') open.length = 0;
      else {
        out[i] = 't';
        errors.push(i);
      }
    } else if (c === 'n') {
      open.length = 0;
      open.push(c);
    } else if (c === 'b') {
      while (open.length && open[open.length - 1] !== 'n') open.pop();
      open.push(c);
    } else if (c === 'd' || c === 'e') {
      const at = open.lastIndexOf(c === 'd' ? 'b' : 'd');
      if (at < 0) {
        out[i] = 't';
        errors.push(i);
      } else {
        open.length = at + 1;
        open.push(c);
      }
    } else if (c === 's') {
      while (open.length && open[open.length - 1] === 's') open.pop();
      open.push(c);
    }
  }
  return errors.length ? out.join('') : skeleton;
}

const chunkMemo = new Map<string, SkeletonResult>();

/**
 * Match one piece (the head with the content before the first Absatz, or one
 * Absatz), memoised. On failure the offending line is demoted to a text line
 * (`t`) and the match repeated, so one bad marker never hides the structure
 * of the rest.
 */
function matchChunk(chunk: string, rule: 'block' | 'absatz'): SkeletonResult {
  const key = rule === 'block' ? chunk : `:${chunk}`;
  const hit = chunkMemo.get(key);
  if (hit) return hit;
  const g = getGrammar();
  const errors: number[] = [];
  let s = chunk;
  for (let attempt = 0; attempt <= MAX_RECOVERIES; attempt++) {
    const m = g.match(s, rule);
    if (!m.failed()) break;
    let pos = m.getRightmostFailurePosition();
    if (pos >= s.length) pos = s.length - 1;
    // find a demotable character at or after the failure position (never the chunk's first)
    let p = Math.max(pos, 1);
    while (p < s.length && !DEMOTABLE.has(s[p])) p++;
    if (p >= s.length || attempt === MAX_RECOVERIES) {
      // nothing left to demote: read everything after the head as text
      const seen = new Set(errors);
      for (let i = 1; i < s.length; i++) if (s[i] !== 't' && !seen.has(i)) errors.push(i);
      const head = s[0];
      const known = 'PGLR^IEVSa';
      s = (known.includes(head) ? head : '^') + s.slice(1).replace(/[^t]/g, 't');
      break;
    }
    errors.push(p);
    s = s.slice(0, p) + 't' + s.slice(p + 1);
  }
  const result: SkeletonResult = { errors, accepted: s };
  if (chunkMemo.size >= MAX_MEMO) chunkMemo.clear();
  chunkMemo.set(key, result);
  return result;
}

/**
 * Match a skeleton, memoised. Misplaced markers are demoted in one linear
 * pass; the rest is matched in compressed pieces (see the file comment) and
 * mapped back to the skeleton's positions.
 */
export function matchSkeleton(skeleton: string): SkeletonResult {
  const hit = memo.get(skeleton);
  if (hit) return hit;
  const errorSet = new Set<number>();
  const pre: number[] = [];
  const s = demoteMisplacedItems(skeleton, pre);
  for (const e of pre) errorSet.add(e);

  // runs of equal characters compressed to at most two; `from[i]`..`to[i]` are the positions behind i
  let c = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i] && i > 0) j++;
    c += s[i];
    from.push(i);
    to.push(i + 1);
    if (j - i >= 2) {
      c += s[i];
      from.push(i + 1);
      to.push(j);
    }
    i = j;
  }

  // pieces: for a §, the head with the content before the first Absatz, then one per Absatz
  const starts = [0];
  if (c[0] === 'P') for (let i = 1; i < c.length; i++) if (c[i] === 'a') starts.push(i);
  const out = s.split('');
  for (let k = 0; k < starts.length; k++) {
    const cs = starts[k];
    const ce = k + 1 < starts.length ? starts[k + 1] : c.length;
    const r = matchChunk(c.slice(cs, ce), k === 0 ? 'block' : 'absatz');
    if (!r.errors.length) continue;
    for (let i = 0; i < r.accepted.length; i++) {
      const ch = r.accepted[i];
      if (ch === c[cs + i]) continue;
      for (let o = from[cs + i]; o < to[cs + i]; o++) {
        out[o] = ch;
        if (o > 0) errorSet.add(o);
      }
    }
  }
  const errors = [...errorSet].filter((e) => out[e] !== skeleton[e] || pre.includes(e)).sort((a, b) => a - b);
  const result: SkeletonResult = { errors, accepted: out.join('') };
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(skeleton, result);
  return result;
}

export function skeletonMemoSize(): number {
  return memo.size + chunkMemo.size;
}

/** Empty the skeleton memo (benchmarks measure cold analysis with it). */
export function clearSkeletonMemo(): void {
  memo.clear();
  chunkMemo.clear();
}
