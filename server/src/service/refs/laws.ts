/**
 * Law names: recognising another law after a citation („des Bürgerlichen
 * Gesetzbuches“, „der Zivilprozessordnung“, „SGB XII“, „dieses Gesetzes“)
 * or on its own („nach dem Bundesnaturschutzgesetz“), and EU acts
 * („Verordnung (EU) 2016/679“, „Richtlinie 2001/29/EG“).
 *
 * Known laws come from data/gesetze.json (with its source) and from the
 * drafts and imported laws of the workspace (their front matter).
 */
import { z } from 'zod';
import raw from '../../../../data/gesetze.json';
import rawLand from '../../../../data/landesgesetze.json';
import { LAND_VALUES } from '../parser/frontmatter';

export const GesetzSchema = z.strictObject({
  titel: z.string().min(1),
  abkuerzung: z.string().min(1),
  kurztitel: z.string().min(1).optional(),
  gii: z.string().min(1).optional(),
  ohneFundstelle: z.boolean().optional(),
  geprueft: z.boolean(),
  genitiv: z.array(z.string().min(1)).optional(),
  aliase: z.array(z.string().min(1)).optional(),
});
export const GesetzeFileSchema = z.strictObject({
  titel: z.string(),
  quelle: z.string().min(1),
  stand: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hinweis: z.string().optional(),
  gesetze: z.array(GesetzSchema).min(1),
});
export type GesetzEntry = z.infer<typeof GesetzSchema>;

export const GESETZE = GesetzeFileSchema.parse(raw);

const LandCode = z.enum(LAND_VALUES);
/** A Land law: its Land, its names and its Fundstelle, with the page it was checked against. */
export const LandesgesetzSchema = z.strictObject({
  land: LandCode,
  titel: z.string().min(1),
  abkuerzung: z.string().min(1),
  kurztitel: z.string().min(1).optional(),
  /** Names that do not name the Land („Landesbauordnung“): recognised only in drafts of that Land. */
  kurzformen: z.array(z.string().min(1)).optional(),
  genitiv: z.array(z.string().min(1)).optional(),
  /** Abbreviations that do not name the Land („LBauO“): like kurzformen, only in drafts of that Land. */
  aliase: z.array(z.string().min(1)).optional(),
  fundstelle: z.string().min(1),
  zuletztGeaendert: z.string().min(1).optional(),
  geprueft: z.boolean(),
  beleg: z.string().min(1).optional(),
});
export const LandesgesetzeFileSchema = z.strictObject({
  titel: z.string(),
  quelle: z.string().min(1),
  stand: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hinweis: z.string().optional(),
  laender: z.partialRecord(
    LandCode,
    z.strictObject({
      name: z.string().min(1),
      parlament: z.string().min(1),
      gesetzblatt: z.string().min(1),
      portal: z.url(),
      /** Abbreviation of the Land's administrative procedure act (its § 3a and § 35a follow the VwVfG). */
      verwaltungsverfahrensgesetz: z.string().min(1).optional(),
    }),
  ),
  gesetze: z.array(LandesgesetzSchema).min(1),
});
export type LandesgesetzEntry = z.infer<typeof LandesgesetzSchema>;

export const LANDESGESETZE = LandesgesetzeFileSchema.parse(rawLand);

/** A law Norma knows by name: from the data file or a document of the workspace. */
export interface KnownLaw {
  /** Stable id: the abbreviation, else the title. */
  id: string;
  titel: string;
  abkuerzung: string | undefined;
  kurztitel: string | undefined;
  /** Path on gesetze-im-internet.de, when known. */
  gii: string | undefined;
  /** Cited by name only, without date and gazette (HdR4 Teil B II 2). */
  ohneFundstelle: boolean;
  /** Document URI when the law is a draft or an imported law of the workspace. */
  uri: string | undefined;
  source: 'daten' | 'arbeitsbereich';
  /** The Land of a Land law (data/landesgesetze.json); undefined for federal law. */
  land?: string;
  /** Date and gazette of a Land law from the data file („vom 25. April 2016 (GVOBl. M-V S. 198)“). */
  fundstelle?: string;
}

const ADJ_NOM = /^(\p{Lu}\p{Ll}*)es$/u;

const PREPOSITION = /^(?:zur|zum|über|für|des|der|die|zu|vom|von|betreffend|gegen|zwischen|in|im|an|auf|mit|bei|–|-)$/;

/**
 * Genitive (and dative) forms of a law's name: „Bürgerliches Gesetzbuch“ →
 * „Bürgerlichen Gesetzbuches“, „Bundeselterngeld- und Elternzeitgesetz“ →
 * „… Elternzeitgesetzes“, „Gesetz über Ordnungswidrigkeiten“ → „Gesetzes über …“.
 * The inflected noun is the last word before the first preposition; the
 * adjectives before it take „-en“.
 */
export function declensions(name: string): string[] {
  const out = new Set<string>([name]);
  const words = name.split(' ');
  // the head noun: the first word after the adjectives; in „Bundeselterngeld- und Elternzeitgesetz“ the
  // word after the conjunction; never beyond the first preposition („Gesetz über …“)
  let headIdx = 0;
  while (headIdx < words.length - 1 && ADJ_NOM.test(words[headIdx])) headIdx++;
  while (headIdx < words.length - 1 && (words[headIdx].endsWith('-') || /^(?:und|oder)$/.test(words[headIdx]))) headIdx++;
  for (let i = 1; i < headIdx; i++) if (PREPOSITION.test(words[i])) headIdx = i - 1;
  const head = words[headIdx];
  if (head === undefined) return [...out];
  const before = words.slice(0, headIdx).map((w) => (ADJ_NOM.test(w) ? w.replace(/es$/, 'en') : w));
  const rest = words.slice(headIdx + 1);
  const gen: string[] = [];
  if (/(?:gesetz|Gesetz)$/.test(head)) gen.push(`${head}es`);
  else if (/(?:buch|Buch)$/.test(head)) gen.push(`${head}es`, `${head}s`);
  else if (/(?:recht|vertrag|abkommen|statut|Vertrag|Abkommen)$/.test(head)) gen.push(`${head}s`, `${head}es`);
  else gen.push(head); // feminine: -ordnung, -verordnung, Satzung: unchanged
  for (const g of gen) out.add([...before, g, ...rest].join(' '));
  out.add([...before, head, ...rest].join(' ')); // dative: „dem Bürgerlichen Gesetzbuch“
  // nominative and accusative after the definite article: „Das Zwölfte Buch Sozialgesetzbuch wird wie folgt geändert:“
  const weak = words.slice(0, headIdx).map((w) => (ADJ_NOM.test(w) ? w.replace(/es$/, 'e') : w));
  out.add([...weak, head, ...rest].join(' '));
  return [...out];
}

/**
 * The id of the data entry for a law of the workspace, from its front matter:
 * the abbreviation, or for a book of the Sozialgesetzbuch imported from
 * gesetze-im-internet.de, whose title is „Sozialgesetzbuch (SGB) Zwölftes Buch
 * (XII) - Sozialhilfe - (…)“ and whose abbreviation „SGB 12“ has a blank
 * (not allowed in the front matter), „SGB XII“.
 */
export function workspaceLawId(fm: { titel: string; abkuerzung?: string }): string {
  if (fm.abkuerzung) return fm.abkuerzung;
  const sgb = /^Sozialgesetzbuch \(SGB\) \p{Lu}\p{Ll}+ Buch \(([IVX]+)\)/u.exec(fm.titel);
  if (sgb && GESETZE.gesetze.some((g) => g.abkuerzung === `SGB ${sgb[1]}`)) return `SGB ${sgb[1]}`;
  return fm.titel;
}

interface Form {
  text: string;
  law: KnownLaw;
  abbreviation: boolean;
  /** A name that does not name the Land („Landesbauordnung“): it matches only in drafts of this Land. */
  land?: string;
}

const LETTER_RE = /[\p{L}\p{N}]/u;
/** A letter or digit (ASCII decided by code, the rest by Unicode class). */
export function isLetterOrDigitAt(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  if (c !== c) return false; // NaN: past the end
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_RE.test(line[i]);
}

/** The laws Norma knows, indexed for matching at a position. */
export class LawRegistry {
  private readonly byFirst = new Map<string, Form[]>();
  readonly laws: KnownLaw[] = [];
  private readonly byId = new Map<string, KnownLaw>();
  /** Changes whenever the set of laws changes (cache keys). */
  version = 0;

  /** Names of Land laws that do not name the Land („Landesbauordnung“, declined), for any Land. */
  private readonly landShort = new Set<string>();

  constructor(workspace: KnownLaw[] = []) {
    for (const e of GESETZE.gesetze) this.add(fromEntry(e));
    for (const e of LANDESGESETZE.gesetze) this.add(fromLandEntry(e));
    for (const w of workspace) this.add(w);
  }

  /** „Landesbauordnung“, „Landesverwaltungsverfahrensgesetzes“: a name a Land law has only within its Land. */
  isLandShortForm(name: string): boolean {
    return this.landShort.has(name);
  }

  add(law: KnownLaw): void {
    // a workspace document replaces the data entry of the same law
    const existing = this.byId.get(law.id);
    if (existing && law.source === 'arbeitsbereich') {
      existing.uri = law.uri;
      existing.source = 'arbeitsbereich';
      law = existing;
    } else if (existing) return;
    else {
      this.laws.push(law);
      this.byId.set(law.id, law);
    }
    const names = new Set<string>();
    for (const n of [law.titel, law.kurztitel]) if (n) for (const d of declensions(n)) names.add(d);
    for (const n of names) this.addForm({ text: n, law, abbreviation: false });
    if (law.abkuerzung) this.addForm({ text: law.abkuerzung, law, abbreviation: true });
    const entry = GESETZE.gesetze.find((g) => g.abkuerzung === law.abkuerzung);
    for (const g of entry?.genitiv ?? []) this.addForm({ text: g, law, abbreviation: false });
    for (const a of entry?.aliase ?? []) this.addForm({ text: a, law, abbreviation: true });
    const land = LANDESGESETZE.gesetze.find((g) => g.abkuerzung === law.abkuerzung);
    if (land) {
      for (const g of land.genitiv ?? []) this.addForm({ text: g, law, abbreviation: false });
      for (const k of land.kurzformen ?? [])
        for (const d of declensions(k)) {
          this.addForm({ text: d, law, abbreviation: false, land: land.land });
          this.landShort.add(d);
        }
      for (const a of land.aliase ?? []) {
        this.addForm({ text: a, law, abbreviation: true, land: land.land });
        this.landShort.add(a);
      }
    }
    this.version++;
  }

  private addForm(f: Form): void {
    const first = f.text.split(' ')[0];
    const list = this.byFirst.get(first) ?? [];
    if (list.some((x) => x.text === f.text && x.law === f.law)) return;
    list.push(f);
    list.sort((a, b) => b.text.length - a.text.length);
    this.byFirst.set(first, list);
  }

  get(id: string): KnownLaw | undefined {
    return this.byId.get(id);
  }

  /**
   * A law name starting exactly at `pos` (longest match), with its end.
   * `land` is the Land of the citing draft: the short names of its Land's
   * laws („Landesbauordnung“) match only there.
   */
  matchAt(line: string, pos: number, end: number, land?: string): { law: KnownLaw; end: number } | undefined {
    let w = pos;
    while (w < end && isLetterOrDigitAt(line, w)) w++;
    // first word may carry a hyphen ("E-Government-Gesetz") or be followed by a space
    let w2 = w;
    while (w2 < end && (isLetterOrDigitAt(line, w2) || line.charCodeAt(w2) === 45)) w2++;
    for (const first of new Set([line.slice(pos, w), line.slice(pos, w2)])) {
      const forms = this.byFirst.get(first);
      if (!forms) continue;
      for (const f of forms) {
        if (f.land !== undefined && f.land !== land) continue;
        if (line.startsWith(f.text, pos) && pos + f.text.length <= end && !isLetterOrDigitAt(line, pos + f.text.length)) {
          // a longer title that begins with this one is another law („… sowie zur Änderung weiterer Vorschriften“)
          if (/^\s+(?:sowie|und)\s+(?:zur|zum|über)\s/.test(line.slice(pos + f.text.length, pos + f.text.length + 12))) continue;
          return { law: f.law, end: pos + f.text.length };
        }
      }
    }
    return undefined;
  }
}

function fromEntry(e: GesetzEntry): KnownLaw {
  return {
    id: e.abkuerzung,
    titel: e.titel,
    abkuerzung: e.abkuerzung,
    kurztitel: e.kurztitel,
    gii: e.gii,
    ohneFundstelle: e.ohneFundstelle ?? false,
    uri: undefined,
    source: 'daten',
  };
}

function fromLandEntry(e: LandesgesetzEntry): KnownLaw {
  return {
    id: e.abkuerzung,
    titel: e.titel,
    abkuerzung: e.abkuerzung,
    kurztitel: e.kurztitel,
    gii: undefined,
    ohneFundstelle: false,
    uri: undefined,
    source: 'daten',
    land: e.land,
    fundstelle: e.fundstelle,
  };
}

/** The Land whose short law names a draft uses: its `land` when it is state law (`ebene: land`). */
export function draftLand(c: { ebene: string; land: string | undefined }): string | undefined {
  return c.ebene === 'land' ? c.land : undefined;
}

type Laender = z.infer<typeof LandesgesetzeFileSchema>['laender'];
export type LandInfo = NonNullable<Laender[keyof Laender]>;
/** The Land's name, parliament, gazette and law portal (data/landesgesetze.json), if the file describes it. */
export function landInfo(land: string | undefined): LandInfo | undefined {
  return land ? (LANDESGESETZE.laender as Record<string, LandInfo>)[land] : undefined;
}

/**
 * The Land's administrative procedure act („VwVfG M-V“), when the data file names it: a Land draft's
 * messages cite its § 3a instead of the federal VwVfG's. Undefined for federal drafts and unknown Länder.
 */
export function landesVwVfG(c: { ebene: string; land: string | undefined }): string | undefined {
  return c.ebene === 'land' ? landInfo(c.land)?.verwaltungsverfahrensgesetz : undefined;
}

/** The names of the Länder by their codes in the front matter. */
const LAND_NAMES: Record<string, string> = {
  BW: 'Baden-Württemberg',
  BY: 'Bayern',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hessen',
  MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen',
  NW: 'Nordrhein-Westfalen',
  RP: 'Rheinland-Pfalz',
  SL: 'Saarland',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  SH: 'Schleswig-Holstein',
  TH: 'Thüringen',
};

/** „Mecklenburg-Vorpommern“ for „MV“ (the code itself when unknown). */
export function landName(land: string): string {
  return landInfo(land)?.name ?? LAND_NAMES[land] ?? land;
}

let defaultRegistry: LawRegistry | undefined;
/** The registry of the data file alone (no workspace documents). */
export function dataRegistry(): LawRegistry {
  return (defaultRegistry ??= new LawRegistry());
}

// --- EU acts ----------------------------------------------------------------------------

const EU_RE =
  /(?:Delegierten?\s+|Durchführungs)?(?:Verordnung|Richtlinie|Beschluss|Beschlusses|Durchführungsbeschluss)\s+(?:\((EU|EG|EWG|Euratom|EGKS)\)\s+(?:Nr\.\s+)?(\d+\/\d+)|(?:Nr\.\s+)?(\d+\/\d+\/(?:EU|EG|EWG|Euratom)))/uy;

export interface EuAct {
  /** Normalised reference, e.g. "Verordnung (EU) 2016/679". */
  name: string;
  end: number;
}

/** An EU act starting exactly at `pos`. */
export function matchEuAct(line: string, pos: number, end: number): EuAct | undefined {
  EU_RE.lastIndex = pos;
  const m = EU_RE.exec(line);
  if (!m || pos + m[0].length > end) return undefined;
  return { name: m[0].replace(/\s+/g, ' '), end: pos + m[0].length };
}

/** „Gesetzbuch“-like words that name a law even when Norma does not know it. */
export const LAW_WORD =
  /^(?:\p{Lu}[\p{L}-]*(?:gesetz|gesetzes|gesetzbuch|gesetzbuches|gesetzbuchs|ordnung|verordnung|vertrag|vertrages|vertrags|abkommen|abkommens|übereinkommen|übereinkommens|-Gesetz|-Gesetzes)|Gesetz|Gesetzes|Vertrag|Vertrages|Vertrags|Abkommen|Abkommens|Übereinkommen|Übereinkommens)$/u;
