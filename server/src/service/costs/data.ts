/**
 * The tables of the Standardkostenmodell (wage rates, standard time values,
 * travel), loaded from data/erfuellungsaufwand.json and validated with zod.
 * Each table names its source, its year and whether its values are
 * *unchecked* (a secondary transcription). norma.config.json can override
 * every value under "kosten" (see config/settings.ts); `costDataFor` merges
 * the overrides into a table set once per config.
 */
import { z } from 'zod';
import raw from '../../../../data/erfuellungsaufwand.json';

export const ADRESSATEN = ['buerger', 'wirtschaft', 'verwaltung'] as const;
export type Adressat = (typeof ADRESSATEN)[number];
export const EBENEN = ['bund', 'land', 'kommune', 'sozialversicherung'] as const;
export type Ebene = (typeof EBENEN)[number];
export const LAUFBAHNEN = ['einfach-mittel', 'gehoben', 'hoeher', 'durchschnitt'] as const;
export type Laufbahn = (typeof LAUFBAHNEN)[number];
export const WIRTSCHAFTSZWEIGE = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R', 'S', 'gesamt'] as const;
export type Wirtschaftszweig = (typeof WIRTSCHAFTSZWEIGE)[number];
export const QUALIFIKATIONEN = ['niedrig', 'mittel', 'hoch', 'durchschnitt'] as const;
export type Qualifikation = (typeof QUALIFIKATIONEN)[number];
export const KOMPLEXITAETEN = ['einfach', 'mittel', 'komplex'] as const;
export type Komplexitaet = (typeof KOMPLEXITAETEN)[number];
export const ARTEN = ['jaehrlich', 'einmalig'] as const;
export type Art = (typeof ARTEN)[number];
export const WEGE = ['gemeinde', 'kreis', 'land', 'durchschnitt'] as const;
export type Wege = (typeof WEGE)[number];

const Euro = z.number().nonnegative();
const Minuten = z.number().nonnegative();

const TableMeta = {
  titel: z.string().min(1),
  quelle: z.string().min(1),
  stand: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
  ungeprueft: z.boolean(),
  hinweis: z.string().optional(),
};

const LaufbahnRow = z.strictObject({ 'einfach-mittel': Euro, gehoben: Euro, hoeher: Euro, durchschnitt: Euro });
const ZweigRow = z.strictObject({ bezeichnung: z.string().min(1), niedrig: Euro, mittel: Euro, hoch: Euro, durchschnitt: Euro });
const Taetigkeit = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
  bezeichnung: z.string().min(1),
  einfach: Minuten,
  mittel: Minuten,
  /** null: the table gives no value for this complexity. */
  komplex: Minuten.nullable(),
});
const ZeitTabelle = z.strictObject({ ...TableMeta, einheit: z.literal('Minuten je Fall'), taetigkeiten: z.array(Taetigkeit).min(1) });

export const CostDataFileSchema = z.strictObject({
  titel: z.string().min(1),
  quelle: z.string().min(1),
  stand: z.string().min(4),
  hinweis: z.string().optional(),
  personenjahrStunden: z.number().positive(),
  lohnsaetze: z.strictObject({
    verwaltung: z.strictObject({
      ...TableMeta,
      einheit: z.literal('Euro je Stunde'),
      werte: z.strictObject({ bund: LaufbahnRow, land: LaufbahnRow, kommune: LaufbahnRow, sozialversicherung: LaufbahnRow }),
      durchschnittOeffentlicheVerwaltung: LaufbahnRow,
    }),
    wirtschaft: z.strictObject({
      ...TableMeta,
      einheit: z.literal('Euro je Stunde'),
      werte: z.strictObject(Object.fromEntries(WIRTSCHAFTSZWEIGE.map((w) => [w, ZweigRow])) as Record<Wirtschaftszweig, typeof ZweigRow>),
    }),
  }),
  zeitwerte: z.strictObject({ buerger: ZeitTabelle, wirtschaft: ZeitTabelle, verwaltung: ZeitTabelle }),
  wege: z.strictObject({
    ...TableMeta,
    werte: z.strictObject(Object.fromEntries(WEGE.map((w) => [w, z.strictObject({ bezeichnung: z.string().min(1), minuten: Minuten, euro: Euro })])) as Record<Wege, z.ZodObject<{ bezeichnung: z.ZodString; minuten: z.ZodNumber; euro: z.ZodNumber }>>),
  }),
});

export type CostDataFile = z.infer<typeof CostDataFileSchema>;
export type TaetigkeitRow = z.infer<typeof Taetigkeit>;

/** The tables as shipped (validated when the module is loaded: a broken data file fails at start). */
export const COST_DATA_FILE: CostDataFile = CostDataFileSchema.parse(raw);

/** Overrides from norma.config.json ("kosten"); every part optional. */
export interface CostOverrides {
  personenjahrStunden?: number;
  lohnsaetze?: {
    verwaltung?: Partial<Record<Ebene, Partial<Record<Laufbahn, number>>>>;
    wirtschaft?: Partial<Record<Wirtschaftszweig, Partial<Record<Qualifikation, number>>>>;
  };
  zeitwerte?: Partial<Record<Adressat, Record<string, Partial<Record<Komplexitaet, number>>>>>;
  wege?: Partial<Record<Wege, { minuten?: number; euro?: number }>>;
}

export interface Taetigkeit {
  id: string;
  bezeichnung: string;
  einfach: number;
  mittel: number;
  komplex: number | null;
  /** Where the row comes from: the table (with its unchecked mark) or the config file. */
  herkunft: 'tabelle' | 'konfiguration';
  /** Values of this row that the config file overrides. */
  ueberschrieben: Komplexitaet[];
}

/** The tables in effect for one configuration. */
export interface CostData {
  /** Stable key of the effective overrides ('' without overrides): part of cache keys. */
  key: string;
  file: CostDataFile;
  personenjahrStunden: number;
  lohnVerwaltung: Record<Ebene, Record<Laufbahn, number>>;
  lohnWirtschaft: Record<Wirtschaftszweig, Record<Qualifikation, number> & { bezeichnung: string }>;
  taetigkeiten: Record<Adressat, Map<string, Taetigkeit>>;
  wege: Record<Wege, { bezeichnung: string; minuten: number; euro: number }>;
  /** Paths of overridden values ("lohnsaetze.verwaltung.bund.gehoben"), for the hover's "source" column. */
  overridden: Set<string>;
  /** Path of the config file the overrides come from. */
  configPath: string | undefined;
}

function build(overrides: CostOverrides | undefined, configPath: string | undefined): CostData {
  const f = COST_DATA_FILE;
  const o = overrides ?? {};
  const overridden = new Set<string>();
  const lohnVerwaltung = {} as CostData['lohnVerwaltung'];
  for (const e of EBENEN) {
    lohnVerwaltung[e] = { ...f.lohnsaetze.verwaltung.werte[e] };
    for (const l of LAUFBAHNEN) {
      const v = o.lohnsaetze?.verwaltung?.[e]?.[l];
      if (typeof v === 'number') {
        lohnVerwaltung[e][l] = v;
        overridden.add(`lohnsaetze.verwaltung.${e}.${l}`);
      }
    }
  }
  const lohnWirtschaft = {} as CostData['lohnWirtschaft'];
  for (const w of WIRTSCHAFTSZWEIGE) {
    lohnWirtschaft[w] = { ...f.lohnsaetze.wirtschaft.werte[w] };
    for (const q of QUALIFIKATIONEN) {
      const v = o.lohnsaetze?.wirtschaft?.[w]?.[q];
      if (typeof v === 'number') {
        lohnWirtschaft[w][q] = v;
        overridden.add(`lohnsaetze.wirtschaft.${w}.${q}`);
      }
    }
  }
  const taetigkeiten = {} as CostData['taetigkeiten'];
  for (const a of ADRESSATEN) {
    const m = new Map<string, Taetigkeit>();
    for (const t of f.zeitwerte[a].taetigkeiten) m.set(t.id, { ...t, herkunft: 'tabelle', ueberschrieben: [] });
    for (const [id, vals] of Object.entries(o.zeitwerte?.[a] ?? {})) {
      const row = m.get(id);
      if (row) {
        for (const k of KOMPLEXITAETEN) {
          const v = vals[k];
          if (typeof v === 'number') {
            row[k] = v;
            row.ueberschrieben.push(k);
            overridden.add(`zeitwerte.${a}.${id}.${k}`);
          }
        }
      } else if (typeof vals.einfach === 'number' && typeof vals.mittel === 'number' && typeof vals.komplex === 'number') {
        // a new activity of the config file (config/settings.ts checks that all three values are there)
        m.set(id, { id, bezeichnung: id, einfach: vals.einfach, mittel: vals.mittel, komplex: vals.komplex, herkunft: 'konfiguration', ueberschrieben: [] });
      }
    }
    taetigkeiten[a] = m;
  }
  const wege = {} as CostData['wege'];
  for (const w of WEGE) {
    wege[w] = { ...f.wege.werte[w] };
    const ov = o.wege?.[w];
    if (typeof ov?.minuten === 'number') {
      wege[w].minuten = ov.minuten;
      overridden.add(`wege.${w}.minuten`);
    }
    if (typeof ov?.euro === 'number') {
      wege[w].euro = ov.euro;
      overridden.add(`wege.${w}.euro`);
    }
  }
  let personenjahrStunden = f.personenjahrStunden;
  if (typeof o.personenjahrStunden === 'number') {
    personenjahrStunden = o.personenjahrStunden;
    overridden.add('personenjahrStunden');
  }
  return {
    key: overrides ? JSON.stringify(overrides) : '',
    file: f,
    personenjahrStunden,
    lohnVerwaltung,
    lohnWirtschaft,
    taetigkeiten,
    wege,
    overridden,
    configPath,
  };
}

/** The tables without any overrides. */
export const DEFAULT_COST_DATA: CostData = build(undefined, undefined);

const byConfig = new WeakMap<object, CostData>();

/** The tables in effect for a config (`kosten` overrides merged), built once per config object. */
export function costDataFor(cfg: { kosten?: CostOverrides; path?: string } | undefined): CostData {
  if (!cfg || !cfg.kosten) return DEFAULT_COST_DATA;
  let d = byConfig.get(cfg);
  if (!d) {
    d = build(cfg.kosten, cfg.path);
    byConfig.set(cfg, d);
  }
  return d;
}

/** German names for the report and messages. */
export const ADRESSAT_NAME: Record<Adressat, string> = { buerger: 'Bürgerinnen und Bürger', wirtschaft: 'Wirtschaft', verwaltung: 'Verwaltung' };
export const EBENE_NAME: Record<Ebene, string> = { bund: 'Bund', land: 'Länder', kommune: 'Kommunen', sozialversicherung: 'Sozialversicherung' };
export const LAUFBAHN_NAME: Record<Laufbahn, string> = {
  'einfach-mittel': 'einfacher/mittlerer Dienst',
  gehoben: 'gehobener Dienst',
  hoeher: 'höherer Dienst',
  durchschnitt: 'Durchschnitt',
};
export const WEGE_NAME: Record<Wege, string> = { gemeinde: 'Gemeinde', kreis: 'Kreis', land: 'Regierungsbezirk oder Land', durchschnitt: 'Durchschnitt' };
