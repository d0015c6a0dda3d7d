/**
 * Front matter: the `---`-delimited block of `key: value` lines at the top
 * of a draft. Lines are read with a small ohm grammar, values validated with
 * zod; every problem becomes a finding at the line of the key or value
 * concerned, naming the allowed keys or values.
 */
import * as ohm from 'ohm-js';
import { z } from 'zod';
import { Tok } from './lexer';
import type { Block } from './block';
import type { Finding } from '../model/types';
import { closest, editDistance } from '../util/strings';

const LINE_GRAMMAR = ohm.grammar(String.raw`
FrontMatterLine {
  Line  = key ":" value
  key   = keyStart keyChar*
  keyStart = letter | "_"
  keyChar  = alnum | "_" | "-"
  value = any*
}`);

export const TYP_VALUES = ['stammgesetz', 'aenderungsgesetz', 'verordnung'] as const;
export const FASSUNG_VALUES = ['entwurf', 'verkuendet', 'konsolidiert'] as const;
export const EBENE_VALUES = ['bund', 'land'] as const;
/** The 16 Länder by their usual two-letter codes. */
export const LAND_VALUES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

const datum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum');

/** One schema per key, so a bad value is reported at its own line. */
export const FRONT_MATTER_FIELDS = {
  titel: z.string().min(1),
  kurztitel: z.string().min(1),
  abkuerzung: z.string().regex(/^\S+$/, 'ohne-leerzeichen'),
  typ: z.enum(TYP_VALUES),
  fassung: z.enum(FASSUNG_VALUES),
  stand: datum,
  ausfertigung: datum,
  fundstelle: z.string().min(1),
  aenderungsstand: z.string().min(1),
  ressort: z.string().min(1),
  ebene: z.enum(EBENE_VALUES),
  land: z.enum(LAND_VALUES),
  eli: z.string().min(1),
  quelle: z.string().min(1),
} as const;

export type FrontMatterKey = keyof typeof FRONT_MATTER_FIELDS;
export const FRONT_MATTER_KEYS = Object.keys(FRONT_MATTER_FIELDS) as FrontMatterKey[];

/** The validated front matter as a whole (after defaults). */
export const FrontMatterSchema = z.strictObject({
  titel: FRONT_MATTER_FIELDS.titel,
  kurztitel: FRONT_MATTER_FIELDS.kurztitel.optional(),
  abkuerzung: FRONT_MATTER_FIELDS.abkuerzung.optional(),
  typ: FRONT_MATTER_FIELDS.typ,
  fassung: FRONT_MATTER_FIELDS.fassung.default('entwurf'),
  stand: FRONT_MATTER_FIELDS.stand.optional(),
  ausfertigung: FRONT_MATTER_FIELDS.ausfertigung.optional(),
  fundstelle: FRONT_MATTER_FIELDS.fundstelle.optional(),
  aenderungsstand: FRONT_MATTER_FIELDS.aenderungsstand.optional(),
  ressort: FRONT_MATTER_FIELDS.ressort.optional(),
  ebene: FRONT_MATTER_FIELDS.ebene.default('bund'),
  land: FRONT_MATTER_FIELDS.land.optional(),
  eli: FRONT_MATTER_FIELDS.eli.optional(),
  quelle: FRONT_MATTER_FIELDS.quelle.optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export interface FrontMatterEntry {
  key: string;
  value: string;
  line: number;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface FrontMatterParse {
  entries: FrontMatterEntry[];
  /** Valid values only (invalid ones are left out and reported). */
  values: Partial<Record<FrontMatterKey, string>>;
  findings: Finding[];
  /** Relative line of the opening `---`. */
  openLine: number;
  closed: boolean;
}

const ALLOWED_TEXT: Partial<Record<FrontMatterKey, string>> = {
  typ: TYP_VALUES.join(', '),
  fassung: FASSUNG_VALUES.join(', '),
  ebene: EBENE_VALUES.join(', '),
  land: LAND_VALUES.join(', '),
  stand: 'JJJJ-MM-TT',
  ausfertigung: 'JJJJ-MM-TT',
};

function unquote(v: string): [string, number] {
  if (v.length >= 2 && ((v[0] === '"' && v[v.length - 1] === '"') || (v[0] === "'" && v[v.length - 1] === "'"))) {
    return [v.slice(1, -1), 1];
  }
  return [v, 0];
}

export function parseFrontMatterLines(block: Block, first: number): FrontMatterParse {
  const res: FrontMatterParse = { entries: [], values: {}, findings: [], openLine: first, closed: false };
  const seen = new Map<string, number>();
  for (let i = first + 1; i < block.tokens.length; i++) {
    const t = block.tokens[i];
    if (t.kind === Tok.FrontMatterDelimiter) {
      res.closed = true;
      break;
    }
    if (t.kind !== Tok.FrontMatterLine || t.end <= t.indent || t.commentStart === t.indent) continue;
    const line = block.lines[i];
    const text = line.slice(t.indent, t.end);
    // ohm reads the key and its colon only (the value is `any*`): matching a whole long line costs ohm
    // about 10 µs per character. A "key" of over 1000 characters is read as a malformed line.
    const colon0 = text.indexOf(':');
    if (colon0 < 0 || colon0 > 1000 || LINE_GRAMMAR.match(text.slice(0, colon0 + 1)).failed()) {
      res.findings.push({
        rule: 'frontmatter',
        message: { key: 'frontmatter.malformed', args: { line: text } },
        start: { line: i, character: t.indent },
        end: { line: i, character: t.end },
      });
      continue;
    }
    const colon = text.indexOf(':');
    const key = text.slice(0, colon).trim();
    let vs = colon + 1;
    while (vs < text.length && text[vs] === ' ') vs++;
    const [value, ql] = unquote(text.slice(vs).trimEnd());
    const entry: FrontMatterEntry = {
      key,
      value,
      line: i,
      keyStart: t.indent,
      keyEnd: t.indent + key.length,
      valueStart: t.indent + vs + ql,
      valueEnd: t.indent + vs + ql + value.length,
    };
    res.entries.push(entry);
    const keyRange = { start: { line: i, character: entry.keyStart }, end: { line: i, character: entry.keyEnd } };
    const valueRange =
      entry.valueEnd > entry.valueStart
        ? { start: { line: i, character: entry.valueStart }, end: { line: i, character: entry.valueEnd } }
        : keyRange;
    if (!(key in FRONT_MATTER_FIELDS)) {
      const near = closest(key, FRONT_MATTER_KEYS);
      res.findings.push({
        rule: 'frontmatter',
        message: { key: near ? 'frontmatter.unknownKeyDidYouMean' : 'frontmatter.unknownKey', args: { key, allowed: FRONT_MATTER_KEYS.join(', '), near: near ?? '' } },
        ...keyRange,
        fix: near ? [{ ...keyRange, newText: near }] : undefined,
      });
      continue;
    }
    if (seen.has(key)) {
      res.findings.push({ rule: 'frontmatter', message: { key: 'frontmatter.duplicateKey', args: { key, line: (seen.get(key) ?? 0) + 1 } }, ...keyRange });
      continue;
    }
    seen.set(key, i);
    const k = key as FrontMatterKey;
    const r = FRONT_MATTER_FIELDS[k].safeParse(value);
    if (!r.success) {
      const allowed = ALLOWED_TEXT[k];
      let fix;
      let suggestions;
      if (k === 'typ' || k === 'fassung' || k === 'ebene' || k === 'land') {
        const pool = k === 'typ' ? TYP_VALUES : k === 'fassung' ? FASSUNG_VALUES : k === 'ebene' ? EBENE_VALUES : LAND_VALUES;
        const near = closest(value.toLowerCase(), pool.map((p) => p.toLowerCase()));
        const exact = pool.find((p) => p.toLowerCase() === near);
        if (exact) {
          const edits = [{ ...valueRange, newText: exact }];
          // a difference in case, or a typo in a long word ("stammgesetzt"), is certain enough for a fix;
          // a two-letter Land code ("XY" → "BY") is a guess: offered, never applied by --fix
          if (exact.toLowerCase() === value.toLowerCase() || (k !== 'land' && editDistance(exact, value.toLowerCase()) <= 2)) fix = edits;
          else suggestions = [{ title: { key: 'frontmatter.replaceValue', args: { value, near: exact } }, edits }];
        }
      }
      res.findings.push({
        rule: 'frontmatter',
        message: value
          ? { key: allowed ? 'frontmatter.invalidValueAllowed' : 'frontmatter.invalidValue', args: { key, value, allowed: allowed ?? '' } }
          : { key: 'frontmatter.emptyValue', args: { key } },
        ...valueRange,
        fix,
        suggestions,
      });
      continue;
    }
    res.values[k] = value;
  }
  const open = { start: { line: first, character: 0 }, end: { line: first, character: 3 } };
  if (!res.closed) res.findings.push({ rule: 'frontmatter', message: { key: 'frontmatter.unclosed' }, ...open });
  for (const req of ['titel', 'typ'] as const) {
    if (!seen.has(req)) {
      res.findings.push({
        rule: 'frontmatter',
        message: { key: 'frontmatter.missingKey', args: { key: req, allowed: ALLOWED_TEXT[req] ?? '' } },
        ...open,
      });
    }
  }
  if (res.values.ebene === 'land' && !seen.has('land')) {
    res.findings.push({ rule: 'frontmatter', message: { key: 'frontmatter.landMissing', args: { allowed: LAND_VALUES.join(', ') } }, ...open });
  }
  return res;
}
