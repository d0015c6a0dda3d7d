/**
 * The citation grammar (ohm-js), matched over a citation's token kinds (one
 * character per token, see scan.ts), memoised by that string: „§ 5 Absatz 2
 * Satz 1“ is `PnAnSn`, „die §§ 823 bis 826“ is `Qnbn`. The BGB's thousands of
 * citations have a few hundred distinct shapes.
 *
 * Token kinds: P § · Q §§ · R Artikel · A Absatz · B Absätze · S Satz · T Sätze ·
 * N Nummer · M Nummern · L Buchstabe · K Buchstaben · D Doppelbuchstabe ·
 * E Doppelbuchstaben · H Halbsatz · U Unterabsatz · G Anlage · n number ·
 * l letter · b „bis“ · u „und“ · o „oder“ · s „sowie“ · , comma · f „f.“ ·
 * F „ff.“ · h ordinal („erster“) · v relative word („vorstehender“, „dieses“).
 *
 * A citation is a list of entries; an entry is a path of levels from the
 * outermost unit named down („§ 5 Absatz 2 Satz 1“), or continues the
 * previous entry with a bare number („§§ 332 bis 335, 336 Absatz 2“).
 */
import * as ohm from 'ohm-js';

const SOURCE = String.raw`
Citation {
  citation = entry (sep entry)*
  sep      = "," conj?       -- comma
           | conj            -- conj
  conj     = "u" | "o" | "s"
  entry    = level+          -- full
           | value level*    -- bare
  level    = unit value      -- numbered
           | "h" "H"         -- halbsatz
           | "v" unit        -- relative
           | "G"             -- anlage
  unit     = "P" | "Q" | "R" | "A" | "B" | "S" | "T" | "N" | "M" | "L" | "K" | "D" | "E" | "H" | "U" | "G"
  value    = num "b" num     -- range
           | num "F"         -- ff
           | num "f"         -- f
           | num             -- single
  num      = "n" | "l"
}`;

export function citationGrammarSource(): string {
  return SOURCE;
}

/** One level of a path: token indices into the citation's tokens (-1 when absent). */
export interface ShapeLevel {
  unit: number;
  rel: number;
  ord: number;
  value: number;
  to: number;
  mod: 'f' | 'ff' | undefined;
}

export interface ShapeEntry {
  bare: boolean;
  levels: ShapeLevel[];
}

export interface ShapeResult {
  entries: ShapeEntry[];
  /** Number of tokens the grammar accepted (a prefix of the input). */
  consumed: number;
}

let grammar: ohm.Grammar | undefined;
let semantics: ohm.Semantics | undefined;

function level(partial: Partial<ShapeLevel>): ShapeLevel {
  return { unit: -1, rel: -1, ord: -1, value: -1, to: -1, mod: undefined, ...partial };
}

function setup(): { g: ohm.Grammar; s: ohm.Semantics } {
  if (!grammar || !semantics) {
    grammar = ohm.grammar(SOURCE);
    semantics = grammar.createSemantics().addOperation<unknown>('shape', {
      citation(first, _seps, rest) {
        return [first.shape(), ...rest.children.map((c) => c.shape())];
      },
      entry_full(levels) {
        return { bare: false, levels: levels.children.map((c) => c.shape()) } satisfies ShapeEntry;
      },
      entry_bare(value, levels) {
        return { bare: true, levels: [level(value.shape()), ...levels.children.map((c) => c.shape())] } satisfies ShapeEntry;
      },
      level_numbered(unit, value) {
        return level({ unit: unit.source.startIdx, ...value.shape() });
      },
      level_halbsatz(ord, unit) {
        return level({ unit: unit.source.startIdx, ord: ord.source.startIdx });
      },
      level_relative(rel, unit) {
        return level({ unit: unit.source.startIdx, rel: rel.source.startIdx });
      },
      level_anlage(unit) {
        return level({ unit: unit.source.startIdx });
      },
      value_range(from, _b, to) {
        return { value: from.source.startIdx, to: to.source.startIdx };
      },
      value_ff(num, _f) {
        return { value: num.source.startIdx, mod: 'ff' };
      },
      value_f(num, _f) {
        return { value: num.source.startIdx, mod: 'f' };
      },
      value_single(num) {
        return { value: num.source.startIdx };
      },
    });
  }
  return { g: grammar, s: semantics };
}

const memo = new Map<string, ShapeResult | null>();
const ENDS = 'nlfFGH';

/**
 * The shape of a citation's token kinds. When the whole string does not
 * match, the longest prefix that does is taken (a citation followed by
 * something the grammar does not know still yields its first part).
 */
export function citationShape(kinds: string): ShapeResult | undefined {
  const hit = memo.get(kinds);
  if (hit !== undefined) return hit ?? undefined;
  const { g, s } = setup();
  let result: ShapeResult | null = null;
  for (let n = kinds.length; n > 0; n--) {
    if (n < kinds.length && !ENDS.includes(kinds[n - 1])) continue;
    const m = g.match(kinds.slice(0, n));
    if (m.succeeded()) {
      result = { entries: s(m).shape() as ShapeEntry[], consumed: n };
      break;
    }
  }
  if (memo.size > 20_000) memo.clear();
  memo.set(kinds, result);
  return result ?? undefined;
}

export function clearCitationMemo(): void {
  memo.clear();
}
