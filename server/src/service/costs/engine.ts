/**
 * The cost engine: the Standardkostenmodell per @aufwand annotation, and
 * the sums per § and per addressee.
 *
 *   Kosten = Fallzahl × (Minuten / 60 × Lohnsatz + Sachkosten je Fall)
 *
 * Bürgerinnen und Bürger: hours and Sachkosten; their time is not priced.
 * `wege` adds the travel minutes and euros per case of the Leitfaden.
 *
 * Incremental: the reading and the result of each annotation are cached on
 * its block (Block.caches), keyed by the tables in effect. A block keeps its
 * object while its text is unchanged, so an edit re-reads only the
 * annotations of the blocks it touched; the sums are a pass over the cached
 * results.
 */
import type { Block } from '../parser/block';
import type { DocumentModel } from '../model/document-model';
import { DocumentModel as DM } from '../model/document-model';
import type { Annotation, Unit } from '../model/types';
import { parseAufwand, type AufwandSpec, type ParsedAufwand } from './aufwand';
import type { CostData } from './data';

export interface PostenErgebnis {
  /** Minutes per case, travel included. */
  minuten: number;
  wegeMinuten: number;
  wegeEuro: number;
  /** €/h; undefined for Bürgerinnen und Bürger (their time is not priced). */
  lohnsatz: number | undefined;
  /** Where the wage rate comes from. */
  lohnsatzHerkunft: 'annotation' | 'tabelle' | 'konfiguration' | undefined;
  /** Sachkosten per case, travel included. */
  sachkostenJeFall: number;
  /** Fallzahl × Minuten ÷ 60. */
  stunden: number;
  /** Stunden × Lohnsatz (0 for Bürger). */
  personalkosten: number;
  /** Fallzahl × Sachkosten je Fall. */
  sachkosten: number;
  /** Personalkosten + Sachkosten (Bürger: Sachkosten only). */
  euro: number;
  /** Wirtschaft with `informationspflicht: ja`: the whole amount; else 0. */
  buerokratiekosten: number;
}

export interface AufwandItem {
  annotation: Annotation;
  parsed: ParsedAufwand;
  /** Undefined when the annotation has errors. */
  ergebnis: PostenErgebnis | undefined;
}

/** The result of one annotation from its reading. */
export function computeErgebnis(spec: AufwandSpec, data: CostData): PostenErgebnis {
  const w = spec.wege ? data.wege[spec.wege] : undefined;
  const wegeMinuten = w?.minuten ?? 0;
  const wegeEuro = w?.euro ?? 0;
  const minuten = spec.zeitMinuten + wegeMinuten;
  const sachkostenJeFall = spec.sachkosten + wegeEuro;
  let lohnsatz: number | undefined;
  let lohnsatzHerkunft: PostenErgebnis['lohnsatzHerkunft'];
  if (spec.adressat !== 'buerger') {
    if (spec.lohnsatz !== undefined) {
      lohnsatz = spec.lohnsatz;
      lohnsatzHerkunft = 'annotation';
    } else if (spec.adressat === 'wirtschaft') {
      lohnsatz = data.lohnWirtschaft[spec.wirtschaftszweig][spec.qualifikation];
      lohnsatzHerkunft = data.overridden.has(`lohnsaetze.wirtschaft.${spec.wirtschaftszweig}.${spec.qualifikation}`) ? 'konfiguration' : 'tabelle';
    } else if (spec.ebene) {
      lohnsatz = data.lohnVerwaltung[spec.ebene][spec.laufbahn];
      lohnsatzHerkunft = data.overridden.has(`lohnsaetze.verwaltung.${spec.ebene}.${spec.laufbahn}`) ? 'konfiguration' : 'tabelle';
    }
  }
  const stunden = (spec.fallzahl * minuten) / 60;
  const personalkosten = lohnsatz !== undefined ? stunden * lohnsatz : 0;
  const sachkosten = spec.fallzahl * sachkostenJeFall;
  const euro = personalkosten + sachkosten;
  return {
    minuten,
    wegeMinuten,
    wegeEuro,
    lohnsatz,
    lohnsatzHerkunft,
    sachkostenJeFall,
    stunden,
    personalkosten,
    sachkosten,
    euro,
    buerokratiekosten: spec.adressat === 'wirtschaft' && spec.informationspflicht ? euro : 0,
  };
}

const CACHE_SLOT = 'aufwand';

interface BlockCosts {
  key: string;
  items: AufwandItem[];
  /** The computed items as posten of a document (built on first use; the block's units do not change). */
  posten?: { uri: string; list: Posten[]; fehlerhaft: Annotation[] };
}

/** Counts how often annotations were (re)computed: lets tests see that an edit recomputes only what it touched. */
export const costStats = { annotationsComputed: 0 };

/**
 * Results by annotation text, for the annotations of an edited block that
 * did not change themselves (a block with several @aufwand is parsed anew
 * after any edit in it). The key holds everything the result depends on:
 * the tables, the line within the block (findings are relative to it) and
 * the text. Bounded; the oldest entries go first.
 */
const byText = new Map<string, { parsed: ParsedAufwand; ergebnis: PostenErgebnis | undefined }>();
const BY_TEXT_MAX = 4096;

function textKey(a: Annotation, data: CostData): string | undefined {
  // without a label the name falls back to the unit's address, which the text does not show
  if (!a.label.trim()) return undefined;
  const lines = a.block.lines.slice(a.line, a.endLine + 1).join('\n');
  return `${data.key}\u0000${a.line}\u0000${lines}`;
}

/** The @aufwand annotations of a block, read and computed (cached on the block for the tables in effect). */
export function blockAufwand(block: Block, data: CostData): AufwandItem[] {
  const cached = block.caches.get(CACHE_SLOT) as BlockCosts | undefined;
  if (cached && cached.key === data.key) return cached.items;
  const items: AufwandItem[] = [];
  for (const a of block.parse.annotations) {
    if (a.name !== 'aufwand') continue;
    const tk = textKey(a, data);
    const hit = tk === undefined ? undefined : byText.get(tk);
    if (hit) {
      items.push({ annotation: a, parsed: hit.parsed, ergebnis: hit.ergebnis });
      continue;
    }
    costStats.annotationsComputed++;
    const parsed = parseAufwand(a, data);
    const ergebnis = parsed.spec ? computeErgebnis(parsed.spec, data) : undefined;
    items.push({ annotation: a, parsed, ergebnis });
    if (tk !== undefined) {
      if (byText.size >= BY_TEXT_MAX) byText.delete(byText.keys().next().value as string);
      byText.set(tk, { parsed, ergebnis });
    }
  }
  block.caches.set(CACHE_SLOT, { key: data.key, items } satisfies BlockCosts);
  return items;
}

/** A computed annotation with its place in the law. */
export interface Posten {
  uri: string;
  annotation: Annotation;
  spec: AufwandSpec;
  ergebnis: PostenErgebnis;
  /** The § or Artikel the annotation belongs to (undefined before the first one). */
  norm: Unit | undefined;
}

export interface DocumentCosts {
  uri: string;
  posten: Posten[];
  /** @aufwand annotations with errors, left out of the sums. */
  fehlerhaft: Annotation[];
}

/** Every computed @aufwand of a document, in document order. */
export function documentCosts(model: DocumentModel, data: CostData): DocumentCosts {
  const uri = model.document.uri;
  const posten: Posten[] = [];
  const fehlerhaft: Annotation[] = [];
  for (const block of model.document.blocks) {
    if (!block.parse.annotations.length) continue;
    blockAufwand(block, data);
    const c = block.caches.get(CACHE_SLOT) as BlockCosts;
    if (!c.posten || c.posten.uri !== uri) {
      const list: Posten[] = [];
      const bad: Annotation[] = [];
      for (const it of c.items) {
        if (!it.ergebnis || !it.parsed.spec) bad.push(it.annotation);
        else list.push({ uri, annotation: it.annotation, spec: it.parsed.spec, ergebnis: it.ergebnis, norm: DM.normOf(it.annotation.unit) });
      }
      c.posten = { uri, list, fehlerhaft: bad };
    }
    for (const p of c.posten.list) posten.push(p);
    for (const a of c.posten.fehlerhaft) fehlerhaft.push(a);
  }
  return { uri, posten, fehlerhaft };
}

// --- sums ---------------------------------------------------------------------------------------

export interface Summen {
  buerger: { stunden: number; sachkosten: number };
  wirtschaft: { euro: number; buerokratiekosten: number; stunden: number };
  verwaltung: { bund: number; laender: number; sozialversicherung: number; stunden: number };
}

export interface Totals {
  jaehrlich: Summen;
  einmalig: Summen;
  /** One in, one out (Wirtschaft, jährlich): new burdens („In“), reliefs („Out“, negative) and the balance. */
  oneInOneOut: { in: number; out: number; saldo: number };
}

export function emptySummen(): Summen {
  return {
    buerger: { stunden: 0, sachkosten: 0 },
    wirtschaft: { euro: 0, buerokratiekosten: 0, stunden: 0 },
    verwaltung: { bund: 0, laender: 0, sozialversicherung: 0, stunden: 0 },
  };
}

export function addPosten(s: Summen, p: Posten): void {
  const e = p.ergebnis;
  switch (p.spec.adressat) {
    case 'buerger':
      s.buerger.stunden += e.stunden;
      s.buerger.sachkosten += e.sachkosten;
      break;
    case 'wirtschaft':
      s.wirtschaft.euro += e.euro;
      s.wirtschaft.buerokratiekosten += e.buerokratiekosten;
      s.wirtschaft.stunden += e.stunden;
      break;
    case 'verwaltung':
      s.verwaltung.stunden += e.stunden;
      // Länder include the Kommunen; the Sozialversicherung is listed apart
      if (p.spec.ebene === 'bund') s.verwaltung.bund += e.euro;
      else if (p.spec.ebene === 'sozialversicherung') s.verwaltung.sozialversicherung += e.euro;
      else s.verwaltung.laender += e.euro;
      break;
  }
}

export function totals(posten: Iterable<Posten>): Totals {
  const t: Totals = { jaehrlich: emptySummen(), einmalig: emptySummen(), oneInOneOut: { in: 0, out: 0, saldo: 0 } };
  for (const p of posten) {
    addPosten(t[p.spec.art], p);
    if (p.spec.adressat === 'wirtschaft' && p.spec.art === 'jaehrlich') {
      if (p.ergebnis.euro >= 0) t.oneInOneOut.in += p.ergebnis.euro;
      else t.oneInOneOut.out += p.ergebnis.euro;
    }
  }
  t.oneInOneOut.saldo = t.oneInOneOut.in + t.oneInOneOut.out;
  return t;
}

export function isZero(s: Summen): boolean {
  return (
    s.buerger.stunden === 0 &&
    s.buerger.sachkosten === 0 &&
    s.wirtschaft.euro === 0 &&
    s.verwaltung.bund === 0 &&
    s.verwaltung.laender === 0 &&
    s.verwaltung.sozialversicherung === 0
  );
}
