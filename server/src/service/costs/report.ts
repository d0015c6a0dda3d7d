/**
 * The cost report of one or more drafts: Vorblatt section E as it is written
 * in a Gesetzentwurf (Markdown), a table per provision, and the stable JSON
 * and CSV outputs for pipelines.
 */
import type { DocumentModel } from '../model/document-model';
import { unitWord, type Unit } from '../model/types';
import { documentCosts, totals, type DocumentCosts, type Posten, type Summen, type Totals } from './engine';
import { ADRESSAT_NAME, EBENE_NAME, type CostData } from './data';
import { formatDecimal, formatInteger, formatNumber, formatRund, round2 } from './numbers';

export interface ReportDocument {
  uri: string;
  /** Name shown in the report (a relative path in the CLI). */
  name: string;
  titel: string | undefined;
  costs: DocumentCosts;
  data: CostData;
  /** A Land law (`ebene: land`): the federal one-in-one-out rule is not shown for it. */
  landesrecht: boolean;
}

export interface CostReport {
  dokumente: ReportDocument[];
  posten: Posten[];
  totals: Totals;
  /** @aufwand annotations with errors, left out of the sums. */
  fehlerhaft: number;
}

export function buildCostReport(docs: { model: DocumentModel; data: CostData; name?: string }[]): CostReport {
  const dokumente: ReportDocument[] = docs.map(({ model, data, name }) => ({
    uri: model.document.uri,
    name: name ?? model.document.uri,
    titel: model.context.titel,
    costs: documentCosts(model, data),
    data,
    landesrecht: model.context.ebene === 'land',
  }));
  const posten = dokumente.flatMap((d) => d.costs.posten);
  return { dokumente, posten, totals: totals(posten), fehlerhaft: dokumente.reduce((n, d) => n + d.costs.fehlerhaft.length, 0) };
}

// --- names ------------------------------------------------------------------------------------------

/** „§ 7“, „Artikel 2“; undefined before the first norm. */
export function paragraphOf(p: Posten): string | undefined {
  return p.norm ? (unitWord(p.norm) ?? p.norm.label) : undefined;
}

/** Where in the § the annotation stands: „Absatz 1 Nummer 2“ (empty for the § itself). */
export function stelleOf(p: Posten): string {
  const u = p.annotation.unit;
  if (!p.norm || u === p.norm) return '';
  const full = u.address;
  const n = unitWord(p.norm) ?? '';
  return full.startsWith(n) ? full.slice(n.length).trim() : full;
}

/** „Verwaltung (Kommunen)“, „Wirtschaft (L, Informationspflicht)“. */
export function adressatText(p: Posten): string {
  const s = p.spec;
  if (s.adressat === 'verwaltung') return `Verwaltung (${EBENE_NAME[s.ebene ?? 'land']})`;
  if (s.adressat === 'wirtschaft') return `Wirtschaft (${s.wirtschaftszweig === 'gesamt' ? 'gesamt' : s.wirtschaftszweig}${s.informationspflicht ? ', Informationspflicht' : ''})`;
  return ADRESSAT_NAME.buerger;
}

// --- JSON ---------------------------------------------------------------------------------------------

export interface CostJsonSummen {
  buerger: { stunden: number; sachkosten: number };
  wirtschaft: { euro: number; buerokratiekosten: number };
  verwaltung: { bund: number; laender: number; sozialversicherung: number };
}

export interface CostJson {
  jaehrlich: CostJsonSummen;
  einmalig: CostJsonSummen;
  posten: {
    bezeichnung: string;
    paragraph: string | null;
    eId: string;
    adressat: string;
    art: string;
    fallzahl: number;
    minuten: number;
    lohnsatz: number | null;
    sachkosten: number;
    ergebnis: { stunden: number; euro: number };
  }[];
}

function jsonSummen(s: Summen): CostJsonSummen {
  return {
    buerger: { stunden: round2(s.buerger.stunden), sachkosten: round2(s.buerger.sachkosten) },
    wirtschaft: { euro: round2(s.wirtschaft.euro), buerokratiekosten: round2(s.wirtschaft.buerokratiekosten) },
    verwaltung: { bund: round2(s.verwaltung.bund), laender: round2(s.verwaltung.laender), sozialversicherung: round2(s.verwaltung.sozialversicherung) },
  };
}

/** The report with the stable keys of the JSON output (euros and hours as plain numbers, rounded to hundredths). */
export function costReportJson(r: CostReport): CostJson {
  return {
    jaehrlich: jsonSummen(r.totals.jaehrlich),
    einmalig: jsonSummen(r.totals.einmalig),
    posten: r.posten.map((p) => ({
      bezeichnung: p.spec.bezeichnung,
      paragraph: paragraphOf(p) ?? null,
      eId: p.annotation.unit.eId,
      adressat: p.spec.adressat,
      art: p.spec.art,
      fallzahl: p.spec.fallzahl,
      minuten: round2(p.ergebnis.minuten),
      lohnsatz: p.ergebnis.lohnsatz === undefined ? null : round2(p.ergebnis.lohnsatz),
      sachkosten: round2(p.ergebnis.sachkostenJeFall),
      ergebnis: { stunden: round2(p.ergebnis.stunden), euro: round2(p.ergebnis.euro) },
    })),
  };
}

// --- CSV ----------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'datei',
  'paragraph',
  'eId',
  'bezeichnung',
  'adressat',
  'ebene',
  'wirtschaftszweig',
  'qualifikation',
  'laufbahn',
  'art',
  'fallzahl',
  'minuten',
  'lohnsatz',
  'sachkosten',
  'wege',
  'informationspflicht',
  'stunden',
  'euro',
  'buerokratiekosten',
] as const;

function csvCell(v: string | number | undefined | null): string {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per posten, RFC 4180 (comma, double quotes, CRLF), numbers with a decimal point. */
export function costReportCsv(r: CostReport): string {
  const name = new Map(r.dokumente.map((d) => [d.uri, d.name]));
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const p of r.posten) {
    const s = p.spec;
    const e = p.ergebnis;
    const row: (string | number | undefined | null)[] = [
      name.get(p.uri),
      paragraphOf(p),
      p.annotation.unit.eId,
      s.bezeichnung,
      s.adressat,
      s.adressat === 'verwaltung' ? s.ebene : undefined,
      s.adressat === 'wirtschaft' ? s.wirtschaftszweig : undefined,
      s.adressat === 'wirtschaft' ? s.qualifikation : undefined,
      s.adressat === 'verwaltung' ? s.laufbahn : undefined,
      s.art,
      s.fallzahl,
      round2(e.minuten),
      e.lohnsatz === undefined ? undefined : round2(e.lohnsatz),
      round2(e.sachkostenJeFall),
      s.wege,
      s.adressat === 'wirtschaft' ? (s.informationspflicht ? 'ja' : 'nein') : undefined,
      round2(e.stunden),
      round2(e.euro),
      round2(e.buerokratiekosten),
    ];
    rows.push(row.map(csvCell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

// --- Markdown: Vorblatt section E ------------------------------------------------------------------------

interface Teil {
  value: number;
  /** How the amount is written: „{x} Stunden“, „Sachkosten von {x} Euro“. */
  form: (x: string) => string;
}

const stunden = (v: number): Teil => ({ value: v, form: (x) => `${x} Stunden` });
const euro = (v: number): Teil => ({ value: v, form: (x) => `${x} Euro` });
const sachkosten = (v: number): Teil => ({ value: v, form: (x) => `Sachkosten von ${x} Euro` });

function list(teile: Teil[]): string {
  const parts = teile.map((t) => t.form(formatRund(t.value)));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} und ${parts[parts.length - 1]}` : parts[0];
}

/** One sentence about a change of the jährlich or einmalig cost. */
function satz(fuer: string, adj: 'jährlich' | 'einmalig', teile: Teil[]): string {
  const nz = teile.filter((t) => t.value !== 0);
  const pos = nz.filter((t) => t.value > 0);
  const neg = nz.filter((t) => t.value < 0);
  if (!neg.length) return `${fuer} entsteht ein ${adj}er Erfüllungsaufwand von ${list(pos)}.`;
  if (!pos.length) return `${fuer} verringert sich der ${adj}e Erfüllungsaufwand um ${list(neg)}.`;
  return `${fuer} erhöht sich der ${adj}e Erfüllungsaufwand um ${list(pos)}; er verringert sich um ${list(neg)}.`;
}

/** The standard sentences for one addressee: jährlich and einmalig. */
function saetze(fuer: string, j: Teil[], e: Teil[]): string {
  const jz = j.every((t) => t.value === 0);
  const ez = e.every((t) => t.value === 0);
  if (jz && ez) return `${fuer} entsteht kein Erfüllungsaufwand.`;
  const out: string[] = [];
  out.push(jz ? 'Jährlicher Erfüllungsaufwand entsteht nicht.' : satz(fuer, 'jährlich', j));
  if (ez) out.push('Einmaliger Erfüllungsaufwand entsteht nicht.');
  else if (jz) out.push(satz(fuer, 'einmalig', e));
  else if (e.every((t) => t.value >= 0)) out.push(`Hinzu kommt ein einmaliger Erfüllungsaufwand von ${list(e.filter((t) => t.value !== 0))}.`);
  else if (e.every((t) => t.value <= 0)) out.push(`Einmalig verringert sich der Erfüllungsaufwand um ${list(e.filter((t) => t.value !== 0))}.`);
  else out.push(satz(fuer, 'einmalig', e));
  return out.join(' ');
}

function sectionE(r: CostReport): string[] {
  const j = r.totals.jaehrlich;
  const e = r.totals.einmalig;
  const out: string[] = [];
  out.push('## E. Erfüllungsaufwand', '');
  out.push('### E.1 Erfüllungsaufwand für Bürgerinnen und Bürger', '');
  out.push(saetze('Für Bürgerinnen und Bürger', [stunden(j.buerger.stunden), sachkosten(j.buerger.sachkosten)], [stunden(e.buerger.stunden), sachkosten(e.buerger.sachkosten)]), '');
  out.push('### E.2 Erfüllungsaufwand für die Wirtschaft', '');
  out.push(saetze('Für die Wirtschaft', [euro(j.wirtschaft.euro)], [euro(e.wirtschaft.euro)]), '');
  const oioo = r.totals.oneInOneOut;
  const nurLand = r.dokumente.length > 0 && r.dokumente.every((d) => d.landesrecht);
  if (nurLand && (oioo.saldo !== 0 || oioo.out !== 0)) {
    out.push('Die „One in, one out“-Regel der Bundesregierung gilt für Regelungsvorhaben des Bundes; für dieses Landesgesetz wird sie nicht ausgewiesen.', '');
  } else if (oioo.saldo !== 0 || oioo.out !== 0) {
    const what = oioo.saldo >= 0 ? '„In“' : '„Out“';
    let s = `Im Sinne der „One in, one out“-Regel der Bundesregierung stellt der jährliche Erfüllungsaufwand der Wirtschaft in diesem Regelungsvorhaben ein ${what} von ${formatRund(oioo.saldo)} Euro dar.`;
    if (oioo.in !== 0 && oioo.out !== 0) s += ` Darin sind Belastungen von ${formatRund(oioo.in)} Euro und Entlastungen von ${formatRund(oioo.out)} Euro saldiert.`;
    out.push(s, '');
  }
  out.push('#### Davon Bürokratiekosten aus Informationspflichten', '');
  const bj = j.wirtschaft.buerokratiekosten;
  const be = e.wirtschaft.buerokratiekosten;
  if (bj === 0 && be === 0) out.push('Bürokratiekosten aus Informationspflichten entstehen nicht.', '');
  else {
    const s: string[] = [];
    if (bj !== 0) s.push(`Vom jährlichen Erfüllungsaufwand ${bj > 0 ? 'entfallen' : 'entfällt eine Entlastung von'} ${formatRund(bj)} Euro auf Bürokratiekosten aus Informationspflichten.`);
    if (be !== 0) s.push(`Vom einmaligen Erfüllungsaufwand ${be > 0 ? 'entfallen' : 'entfällt eine Entlastung von'} ${formatRund(be)} Euro auf Bürokratiekosten aus Informationspflichten.`);
    out.push(s.join(' '), '');
  }
  out.push('### E.3 Erfüllungsaufwand der Verwaltung', '');
  const vz = (s: Summen): boolean => s.verwaltung.bund === 0 && s.verwaltung.laender === 0 && s.verwaltung.sozialversicherung === 0;
  if (vz(j) && vz(e)) out.push('Für die Verwaltung entsteht kein Erfüllungsaufwand.', '');
  else {
    out.push('**Bund**', '', saetze('Für den Bund', [euro(j.verwaltung.bund)], [euro(e.verwaltung.bund)]), '');
    out.push('**Länder einschließlich Kommunen**', '', saetze('Für die Länder einschließlich der Kommunen', [euro(j.verwaltung.laender)], [euro(e.verwaltung.laender)]), '');
    if (j.verwaltung.sozialversicherung !== 0 || e.verwaltung.sozialversicherung !== 0) {
      out.push('**Sozialversicherung**', '', saetze('Für die Sozialversicherung', [euro(j.verwaltung.sozialversicherung)], [euro(e.verwaltung.sozialversicherung)]), '');
    }
    const h = j.verwaltung.stunden;
    const py = r.dokumente[0]?.data.personenjahrStunden ?? 1600;
    if (h !== 0) out.push(`Der jährliche Zeitaufwand der Verwaltung von ${formatRund(h)} Stunden entspricht ${formatRund(h / py)} Personenjahren (${formatInteger(py)} Stunden je Personenjahr).`, '');
  }
  return out;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function normHeading(norm: Unit | undefined): string {
  if (!norm) return 'Vor dem ersten Paragraphen';
  const w = unitWord(norm) ?? norm.label;
  return norm.title ? `${w} ${norm.title}` : w;
}

/** The table of one provision: one row per @aufwand. */
function normTable(posten: Posten[]): string[] {
  const out = [
    '| Vorgabe | Stelle | Adressat | Art | Fallzahl | Minuten je Fall | Lohnsatz (€/h) | Sachkosten je Fall (€) | Stunden | Euro |',
    '|---|---|---|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const p of posten) {
    const e = p.ergebnis;
    out.push(
      `| ${[
        cell(p.spec.bezeichnung),
        cell(stelleOf(p) || '–'),
        adressatText(p),
        p.spec.art === 'jaehrlich' ? 'jährlich' : 'einmalig',
        formatNumber(p.spec.fallzahl, 2),
        formatNumber(e.minuten, 2),
        e.lohnsatz === undefined ? '–' : formatDecimal(e.lohnsatz, 2),
        formatDecimal(e.sachkostenJeFall, 2),
        formatInteger(e.stunden),
        formatInteger(e.euro),
      ].join(' | ')} |`,
    );
  }
  return out;
}

function sourcesSection(r: CostReport): string[] {
  const data = r.dokumente[0]?.data;
  if (!data) return [];
  const f = data.file;
  const out = ['## Quellen der Werte', ''];
  const line = (name: string, t: { quelle: string; stand: string; ungeprueft: boolean }): string =>
    `- ${name}: ${t.quelle}, Stand ${t.stand}${t.ungeprueft ? ' (*ungeprüfte Übertragung*)' : ''}.`;
  out.push(line('Lohnsätze der Verwaltung', f.lohnsaetze.verwaltung));
  out.push(line('Lohnsätze der Wirtschaft', f.lohnsaetze.wirtschaft));
  out.push(line('Zeitwerte Bürgerinnen und Bürger', f.zeitwerte.buerger));
  out.push(line('Zeitwerte Wirtschaft', f.zeitwerte.wirtschaft));
  out.push(line('Zeitwerte Verwaltung', f.zeitwerte.verwaltung));
  out.push(line('Wegezeiten und Wegekosten', f.wege));
  for (const d of new Set(r.dokumente.map((x) => x.data))) {
    if (d.overridden.size) out.push(`- Aus ${d.configPath ?? 'norma.config.json'} überschrieben: ${[...d.overridden].sort().join(', ')}.`);
  }
  out.push('');
  return out;
}

/** The report as Markdown: section E of the Vorblatt, a table per provision, the sources. */
export function costReportMarkdown(r: CostReport): string {
  const out: string[] = ['# Erfüllungsaufwand', ''];
  for (const d of r.dokumente) out.push(`- ${d.titel ? `${d.titel} ` : ''}(\`${d.name}\`)`);
  out.push('');
  out.push(...sectionE(r));
  out.push('## Erfüllungsaufwand nach Vorschriften', '');
  if (!r.posten.length) out.push('Der Entwurf enthält keine `@aufwand`-Angaben.', '');
  for (const d of r.dokumente) {
    if (!d.costs.posten.length) continue;
    if (r.dokumente.length > 1) out.push(`### ${d.titel ?? d.name}`, '');
    const groups = new Map<Unit | undefined, Posten[]>();
    for (const p of d.costs.posten) {
      const g = groups.get(p.norm);
      if (g) g.push(p);
      else groups.set(p.norm, [p]);
    }
    for (const [norm, ps] of groups) {
      out.push(`${r.dokumente.length > 1 ? '####' : '###'} ${normHeading(norm)}`, '', ...normTable(ps), '');
    }
  }
  if (r.fehlerhaft) out.push(`*${r.fehlerhaft} \`@aufwand\`-Angabe(n) mit Fehlern sind nicht berücksichtigt; \`norma lint\` zeigt die Fehler.*`, '');
  out.push(...sourcesSection(r));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** One line for a status bar: the yearly cost per addressee. */
export function costSummaryText(t: Totals): string {
  const j = t.jaehrlich;
  const v = j.verwaltung.bund + j.verwaltung.laender + j.verwaltung.sozialversicherung;
  return `Erfüllungsaufwand jährlich: ${formatShortSigned(j.buerger.stunden)} h Bürger · ${formatShortSigned(j.wirtschaft.euro)} € Wirtschaft · ${formatShortSigned(v)} € Verwaltung`;
}

function formatShortSigned(n: number): string {
  const s = formatRund(n).replace(/^rund /, '');
  return n < 0 ? `−${s}` : s;
}
