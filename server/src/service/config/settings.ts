/**
 * The sections of norma.config.json beyond rule severities:
 *
 *   "digitalcheck": { "unbestimmteBegriffe": ["angemessen", …] }   the vague terms (replaces the default list)
 *   "kosten": { "personenjahrStunden", "lohnsaetze", "zeitwerte", "wege" }   overrides of the cost tables
 *
 * The zod schemas are part of the config schema (config.ts), so wrong types
 * and unknown keys are reported at their line like every config error. What
 * zod cannot see (activity ids of the time tables) is checked here.
 */
import { z } from 'zod';
import type * as jsonc from 'jsonc-parser';
import type { Finding, RelPos } from '../model/types';
import { closest } from '../util/strings';
import {
  ADRESSATEN,
  COST_DATA_FILE,
  EBENEN,
  KOMPLEXITAETEN,
  LAUFBAHNEN,
  QUALIFIKATIONEN,
  WEGE,
  WIRTSCHAFTSZWEIGE,
  costDataFor,
  type CostOverrides,
} from '../costs/data';

const amount = z.number({ error: 'eine Zahl' }).nonnegative({ error: 'eine Zahl ≥ 0' });
const optionalRecord = <K extends readonly string[], V extends z.ZodType>(keys: K, v: V) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, v.optional()])) as Record<K[number], z.ZodOptional<V>>);

export const DigitalcheckConfigSchema = z.strictObject({
  unbestimmteBegriffe: z.array(z.string().trim().min(1, { error: 'ein nicht leerer Begriff' })),
});

const Komplexitaeten = optionalRecord(KOMPLEXITAETEN, amount);

export const KostenConfigSchema = z.strictObject({
  personenjahrStunden: z.number({ error: 'eine Zahl' }).positive({ error: 'eine Zahl > 0' }).optional(),
  lohnsaetze: z
    .strictObject({
      verwaltung: optionalRecord(EBENEN, optionalRecord(LAUFBAHNEN, amount)).optional(),
      wirtschaft: optionalRecord(WIRTSCHAFTSZWEIGE, optionalRecord(QUALIFIKATIONEN, amount)).optional(),
    })
    .optional(),
  zeitwerte: optionalRecord(ADRESSATEN, z.record(z.string(), Komplexitaeten)).optional(),
  wege: optionalRecord(WEGE, z.strictObject({ minuten: amount.optional(), euro: amount.optional() })).optional(),
});

/** The default list of vague terms (Digitalcheck principle 4); norma.config.json can replace it. */
export const DEFAULT_UNBESTIMMTE_BEGRIFFE: readonly string[] = ['angemessen', 'unverzüglich', 'in der Regel', 'im Einzelfall kann'];

type At = (offset: number, length: number) => { start: RelPos; end: RelPos };
type NodeAt = (path: (string | number)[]) => jsonc.Node | undefined;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The valid parts of the "digitalcheck" and "kosten" sections (a broken value
 * leaves the rest in effect), and findings about activity ids.
 */
export function readSettings(
  obj: Record<string, unknown>,
  nodeAt: NodeAt,
  at: At,
): { unbestimmteBegriffe: string[] | undefined; kosten: CostOverrides | undefined; findings: Finding[] } {
  const findings: Finding[] = [];
  let unbestimmteBegriffe: string[] | undefined;
  const dc = obj.digitalcheck;
  if (isObj(dc) && Array.isArray(dc.unbestimmteBegriffe)) {
    unbestimmteBegriffe = dc.unbestimmteBegriffe.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
  }

  let kosten: CostOverrides | undefined;
  const k = obj.kosten;
  if (isObj(k)) {
    kosten = {};
    if (typeof k.personenjahrStunden === 'number' && k.personenjahrStunden > 0) kosten.personenjahrStunden = k.personenjahrStunden;
    const l = k.lohnsaetze;
    if (isObj(l)) {
      const pick = <A extends string, B extends string>(src: unknown, rows: readonly A[], cols: readonly B[]): Partial<Record<A, Partial<Record<B, number>>>> | undefined => {
        if (!isObj(src)) return undefined;
        const out: Partial<Record<A, Partial<Record<B, number>>>> = {};
        for (const r of rows) {
          const row = src[r];
          if (!isObj(row)) continue;
          const o: Partial<Record<B, number>> = {};
          for (const c of cols) if (isNum(row[c])) o[c] = row[c] as number;
          if (Object.keys(o).length) out[r] = o;
        }
        return Object.keys(out).length ? out : undefined;
      };
      const verwaltung = pick(l.verwaltung, EBENEN, LAUFBAHNEN);
      const wirtschaft = pick(l.wirtschaft, WIRTSCHAFTSZWEIGE, QUALIFIKATIONEN);
      if (verwaltung || wirtschaft) kosten.lohnsaetze = { ...(verwaltung ? { verwaltung } : {}), ...(wirtschaft ? { wirtschaft } : {}) };
    }
    const z0 = k.zeitwerte;
    if (isObj(z0)) {
      for (const adr of ADRESSATEN) {
        const table = z0[adr];
        if (!isObj(table)) continue;
        const known = COST_DATA_FILE.zeitwerte[adr].taetigkeiten.map((t) => t.id);
        for (const [id, vals] of Object.entries(table)) {
          if (!isObj(vals)) continue;
          const o: Partial<Record<(typeof KOMPLEXITAETEN)[number], number>> = {};
          for (const c of KOMPLEXITAETEN) if (isNum(vals[c])) o[c] = vals[c] as number;
          const keyNode = nodeAt(['kosten', 'zeitwerte', adr, id])?.parent?.children?.[0];
          const range = at(keyNode?.offset ?? 0, keyNode?.length ?? 1);
          if (!known.includes(id)) {
            const complete = KOMPLEXITAETEN.every((c) => c in o);
            const near = closest(id, known);
            if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
              findings.push({ rule: 'config', message: { key: 'config.kostenActivityId', args: { id, adressat: adr } }, ...range });
              continue;
            }
            if (near && !complete) {
              findings.push({
                rule: 'config',
                message: { key: 'config.kostenUnknownActivity', args: { id, adressat: adr, near } },
                ...range,
                fix: keyNode ? [{ ...at(keyNode.offset + 1, id.length), newText: near }] : undefined,
              });
              continue;
            }
            if (!complete) {
              findings.push({ rule: 'config', message: { key: 'config.kostenIncompleteActivity', args: { id, adressat: adr } }, ...range });
              continue;
            }
          }
          if (Object.keys(o).length) {
            kosten.zeitwerte ??= {};
            (kosten.zeitwerte[adr] ??= {})[id] = o;
          }
        }
      }
    }
    const w = k.wege;
    if (isObj(w)) {
      for (const key of WEGE) {
        const row = w[key];
        if (!isObj(row)) continue;
        const o: { minuten?: number; euro?: number } = {};
        if (isNum(row.minuten)) o.minuten = row.minuten;
        if (isNum(row.euro)) o.euro = row.euro;
        if (Object.keys(o).length) (kosten.wege ??= {})[key] = o;
      }
    }
    if (!Object.keys(kosten).length) kosten = undefined;
  }
  return { unbestimmteBegriffe, kosten, findings };
}

/**
 * The keys allowed at a path of a zod object schema (for "unknown key"
 * messages in nested sections), or undefined where the path is not an object.
 */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let s: z.ZodType | undefined = schema;
  for (const p of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(p)];
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
    if (!s) return undefined;
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

const settingsKeys = new WeakMap<object, string>();

/**
 * The part of a config that block rules depend on (vague terms, cost tables),
 * as a string for the per-block rule cache: equal configs give equal keys.
 */
export function settingsKey(cfg: { unbestimmteBegriffe?: string[]; kosten?: CostOverrides } | undefined): string {
  if (!cfg || (!cfg.unbestimmteBegriffe && !cfg.kosten)) return '';
  let k = settingsKeys.get(cfg);
  if (k === undefined) {
    k = `${cfg.unbestimmteBegriffe ? JSON.stringify(cfg.unbestimmteBegriffe) : ''}|${costDataFor(cfg).key}`;
    settingsKeys.set(cfg, k);
  }
  return k;
}
