/**
 * Editor features for compliance cost, as pure functions on a document
 * model (the language server wires them to LSP): inlay hints at each
 * @aufwand, code lenses at each § with annotations and at the top of the
 * draft, a hover with the whole calculation, completion of keys and values.
 */
import {
  CompletionItemKind,
  InlayHintKind,
  MarkupKind,
  type CodeLens,
  type CompletionItem,
  type Hover,
  type InlayHint,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import { unitWord, type Annotation, type Unit } from '../model/types';
import { AUFWAND_KEYS, KEY_ADRESSATEN, KEY_VALUES, normaliseValue, splitItems, type AufwandKey } from './aufwand';
import {
  ADRESSAT_NAME,
  ADRESSATEN,
  EBENE_NAME,
  KOMPLEXITAETEN,
  LAUFBAHN_NAME,
  WEGE_NAME,
  type Adressat,
  type CostData,
  type Ebene,
  type Laufbahn,
  type Wege,
  type Wirtschaftszweig,
} from './data';
import { addPosten, blockAufwand, documentCosts, emptySummen, totals, type AufwandItem, type Posten, type Summen } from './engine';
import { formatDecimal, formatInteger, formatNumber, formatShort } from './numbers';

/** The command a code lens runs: show the cost report (registered by the client). */
export const COST_REPORT_COMMAND = 'norma.erfuellungsaufwand';

/** `{ isCancellationRequested }`, as LSP's CancellationToken. */
export interface Cancellation {
  isCancellationRequested: boolean;
}

// --- short texts ---------------------------------------------------------------------------------

/** „≈ 720.000 h/Jahr Bürger · 6,7 Mio. €/Jahr Wirtschaft“ for the non-zero parts of a sum. */
export function summenText(j: Summen, e: Summen): string {
  const parts: string[] = [];
  const add = (s: Summen, per: string): void => {
    if (s.buerger.stunden) parts.push(`${formatShort(s.buerger.stunden)} h${per} Bürger`);
    if (s.buerger.sachkosten) parts.push(`${formatShort(s.buerger.sachkosten)} €${per} Sachkosten Bürger`);
    if (s.wirtschaft.euro) parts.push(`${formatShort(s.wirtschaft.euro)} €${per} Wirtschaft`);
    const v = s.verwaltung.bund + s.verwaltung.laender + s.verwaltung.sozialversicherung;
    if (v) parts.push(`${formatShort(v)} €${per} Verwaltung`);
  };
  add(j, '/Jahr');
  add(e, ' einmalig');
  return parts.length ? `≈ ${parts.join(' · ')}` : '≈ 0';
}

function postenSummen(posten: Iterable<Posten>): { j: Summen; e: Summen } {
  const j = emptySummen();
  const e = emptySummen();
  for (const p of posten) addPosten(p.spec.art === 'jaehrlich' ? j : e, p);
  return { j, e };
}

/** The text of the hint after one @aufwand. */
export function postenHint(p: Posten): string {
  const s = p.spec;
  const r = p.ergebnis;
  const per = s.art === 'jaehrlich' ? '/Jahr' : ' einmalig';
  if (s.adressat === 'buerger') {
    const parts = [`≈ ${formatShort(r.stunden)} h${per} Bürger`];
    if (r.sachkosten) parts.push(`${formatShort(r.sachkosten)} € Sachkosten`);
    return parts.join(' · ');
  }
  if (s.adressat === 'wirtschaft') return `≈ ${formatShort(r.euro)} €${per} Wirtschaft${s.informationspflicht ? ' (Bürokratiekosten)' : ''}`;
  return `≈ ${formatShort(r.euro)} €${per} Verwaltung (${EBENE_NAME[s.ebene as Ebene]})`;
}

// --- inlay hints and code lenses ----------------------------------------------------------------------

function inRange(line: number, range: Range): boolean {
  return line >= range.start.line && line <= range.end.line;
}

/** A hint at the end of each @aufwand line: the result of that annotation, or that it has errors. */
export function inlayHints(model: DocumentModel, data: CostData, range: Range, token?: Cancellation): InlayHint[] {
  const out: InlayHint[] = [];
  const doc = model.document;
  const first = doc.blockIndexAtLine(range.start.line);
  for (let i = first; i < doc.blocks.length; i++) {
    if (token?.isCancellationRequested) break;
    const block = doc.blocks[i];
    if (block.startLine > range.end.line) break;
    if (!block.parse.annotations.length) continue;
    for (const it of blockAufwand(block, data)) {
      const a = it.annotation;
      const line = block.startLine + a.line;
      if (!inRange(line, range)) continue;
      const lineText = block.lines[a.line];
      const position = { line, character: block.tokens[a.line]?.end ?? lineText.length };
      const p = postenOf(it, model.document.uri);
      out.push({
        position,
        label: p ? postenHint(p) : 'Erfüllungsaufwand nicht berechnet: Angaben fehlerhaft',
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: p ? { kind: MarkupKind.Markdown, value: postenHover(p, data) } : undefined,
      });
    }
  }
  return out;
}

function postenOf(it: AufwandItem, uri: string): Posten | undefined {
  if (!it.parsed.spec || !it.ergebnis) return undefined;
  return { uri, annotation: it.annotation, spec: it.parsed.spec, ergebnis: it.ergebnis, norm: normOf(it.annotation.unit) };
}

function normOf(u: Unit): Unit | undefined {
  for (let x: Unit | undefined = u; x; x = x.parent) if (x.kind === 'paragraph' || x.kind === 'artikel' || x.kind === 'bereich') return x;
  return undefined;
}

/** A code lens at each § or Artikel with @aufwand (its sum) and one at the top of the draft (the draft's sum). */
export function codeLenses(model: DocumentModel, data: CostData, token?: Cancellation): CodeLens[] {
  const costs = documentCosts(model, data);
  if (!costs.posten.length && !costs.fehlerhaft.length) return [];
  const uri = model.document.uri;
  const out: CodeLens[] = [];
  const t = totals(costs.posten);
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const fehler = costs.fehlerhaft.length ? ` (${costs.fehlerhaft.length} fehlerhafte Angabe${costs.fehlerhaft.length > 1 ? 'n' : ''} nicht berücksichtigt)` : '';
  out.push({ range: top, command: { title: `Erfüllungsaufwand des Entwurfs: ${summenText(t.jaehrlich, t.einmalig)}${fehler}`, command: COST_REPORT_COMMAND, arguments: [uri] } });
  const byNorm = new Map<Unit, Posten[]>();
  for (const p of costs.posten) {
    if (!p.norm) continue;
    const g = byNorm.get(p.norm);
    if (g) g.push(p);
    else byNorm.set(p.norm, [p]);
  }
  for (const [norm, ps] of byNorm) {
    if (token?.isCancellationRequested) break;
    const { j, e } = postenSummen(ps);
    out.push({
      range: norm.headingRange,
      command: { title: `Erfüllungsaufwand ${unitWord(norm) ?? norm.label}: ${summenText(j, e)}`, command: COST_REPORT_COMMAND, arguments: [uri, norm.eId] },
    });
  }
  return out;
}

// --- hover ----------------------------------------------------------------------------------------

function herkunft(data: CostData, path: string, table: string): string {
  return data.overridden.has(path) ? `norma.config.json (${path})` : table;
}

function tableSource(t: { titel: string; stand: string; ungeprueft: boolean }): string {
  return `${t.titel}, Leitfaden Erfüllungsaufwand, Stand ${t.stand}${t.ungeprueft ? ', ungeprüfte Übertragung' : ''}`;
}

/** The whole calculation of one annotation as Markdown: each factor with its table row and source. */
export function postenHover(p: Posten, data: CostData): string {
  const s = p.spec;
  const r = p.ergebnis;
  const f = data.file;
  const rows: string[][] = [];
  rows.push(['Fallzahl', formatNumber(s.fallzahl, 2), '`fallzahl`']);
  const zeit = s.zeitTeile.map((z) => (z.kind === 'dauer' ? z.text : `${z.taetigkeit.id} ${z.komplexitaet} ${formatNumber(z.minuten)} min`)).join(' + ');
  const tableUsed = s.zeitTeile.some((z) => z.kind === 'taetigkeit');
  const zeitQuelle = s.zeitTeile
    .filter((z) => z.kind === 'taetigkeit')
    .map((z) => (z.kind === 'taetigkeit' && (z.taetigkeit.herkunft === 'konfiguration' || z.taetigkeit.ueberschrieben.includes(z.komplexitaet)) ? `${z.taetigkeit.id}: norma.config.json` : ''))
    .filter(Boolean);
  rows.push([
    'Minuten je Fall (Zeit)',
    formatNumber(s.zeitMinuten),
    `${zeit || '–'}${tableUsed ? ` (${tableSource(f.zeitwerte[s.adressat])}${zeitQuelle.length ? `; ${zeitQuelle.join(', ')}` : ''})` : ''}`,
  ]);
  if (s.wege) {
    rows.push(['Wege', `${formatNumber(r.wegeMinuten)} min, ${formatDecimal(r.wegeEuro)} €`, `${WEGE_NAME[s.wege]} (${herkunft(data, `wege.${s.wege}.minuten`, tableSource(f.wege))})`]);
  }
  if (s.adressat === 'buerger') rows.push(['Lohnsatz', '–', 'Die Zeit der Bürgerinnen und Bürger wird nicht in Euro bewertet.']);
  else if (r.lohnsatzHerkunft === 'annotation') rows.push(['Lohnsatz', `${formatDecimal(r.lohnsatz ?? 0)} €/h`, '`lohnsatz` der Angabe']);
  else if (s.adressat === 'wirtschaft') {
    const row = data.lohnWirtschaft[s.wirtschaftszweig as Wirtschaftszweig];
    rows.push([
      'Lohnsatz',
      `${formatDecimal(r.lohnsatz ?? 0)} €/h`,
      `Wirtschaftszweig ${s.wirtschaftszweig} „${row.bezeichnung}“, Qualifikation ${s.qualifikation} (${herkunft(data, `lohnsaetze.wirtschaft.${s.wirtschaftszweig}.${s.qualifikation}`, tableSource(f.lohnsaetze.wirtschaft))})`,
    ]);
  } else {
    rows.push([
      'Lohnsatz',
      `${formatDecimal(r.lohnsatz ?? 0)} €/h`,
      `${EBENE_NAME[s.ebene as Ebene]}, ${LAUFBAHN_NAME[s.laufbahn as Laufbahn]} (${herkunft(data, `lohnsaetze.verwaltung.${s.ebene}.${s.laufbahn}`, tableSource(f.lohnsaetze.verwaltung))})`,
    ]);
  }
  rows.push(['Sachkosten je Fall', `${formatDecimal(s.sachkosten)} €`, s.sachkosten ? '`sachkosten`' : 'keine angegeben']);

  const where = [p.norm ? (unitWord(p.norm) ?? p.norm.label) : undefined, stelle(p)].filter(Boolean).join(' ');
  const head = `**Erfüllungsaufwand: ${s.bezeichnung}**\n\n${ADRESSAT_NAME[s.adressat]}${s.adressat === 'verwaltung' ? ` (${EBENE_NAME[s.ebene as Ebene]})` : ''} · ${s.art === 'jaehrlich' ? 'jährlich' : 'einmalig'}${where ? ` · ${where}` : ''}`;
  const table = ['| Faktor | Wert | Herkunft |', '|---|--:|---|', ...rows.map((x) => `| ${x.join(' | ')} |`)].join('\n');
  const fz = formatNumber(s.fallzahl, 2);
  const min = formatNumber(r.minuten);
  const lines: string[] = [];
  if (s.adressat === 'buerger') {
    lines.push(`Zeit: ${fz} × ${min} min ÷ 60 = **${formatInteger(r.stunden)} h**`);
    lines.push(`Sachkosten: ${fz} × ${formatDecimal(r.sachkostenJeFall)} € = **${formatInteger(r.sachkosten)} €**`);
  } else {
    lines.push(`${fz} × (${min} min ÷ 60 × ${formatDecimal(r.lohnsatz ?? 0)} €/h + ${formatDecimal(r.sachkostenJeFall)} €) = **${formatInteger(r.euro)} €**`);
    lines.push(`Personalkosten ${formatInteger(r.personalkosten)} € (${formatInteger(r.stunden)} h, ${formatNumber(r.stunden / data.personenjahrStunden, 1)} ${r.stunden === data.personenjahrStunden ? 'Personenjahr' : 'Personenjahre'} zu ${formatInteger(data.personenjahrStunden)} h) + Sachkosten ${formatInteger(r.sachkosten)} €`);
    if (s.adressat === 'wirtschaft') {
      lines.push(s.informationspflicht ? `Davon Bürokratiekosten aus Informationspflichten: ${formatInteger(r.buerokratiekosten)} €` : 'Keine Informationspflicht (`informationspflicht: nein`): keine Bürokratiekosten.');
    }
  }
  return `${head}\n\n${table}\n\n${lines.join('  \n')}\n\n*Standardkostenmodell: Fallzahl × (Minuten ÷ 60 × Lohnsatz + Sachkosten je Fall).*`;
}

function stelle(p: Posten): string {
  const u = p.annotation.unit;
  if (!p.norm || u === p.norm) return '';
  const n = unitWord(p.norm) ?? '';
  const full = u.address;
  return full.startsWith(n) ? full.slice(n.length).trim() : full;
}

function annotationRange(a: Annotation): Range {
  const b = a.block.startLine;
  const endTok = a.block.tokens[a.endLine];
  return { start: { line: b + a.line, character: a.nameStart - 1 }, end: { line: b + a.endLine, character: endTok?.end ?? 0 } };
}

/** The hover on an @aufwand (its calculation) or on the heading of a § with @aufwand (the §'s posten and sum). */
export function costHover(model: DocumentModel, data: CostData, position: Position): Hover | undefined {
  const doc = model.document;
  const block = doc.blockAtLine(position.line);
  if (!block) return undefined;
  const rl = position.line - block.startLine;
  if (!block.parse.annotations.length) return undefined;
  const items = blockAufwand(block, data);
  for (const it of items) {
    const a = it.annotation;
    if (rl < a.line || rl > a.endLine) continue;
    const p = postenOf(it, doc.uri);
    const value = p
      ? postenHover(p, data)
      : `**Erfüllungsaufwand: ${a.label || '(ohne Bezeichnung)'}**\n\nNicht berechnet: die Angabe hat Fehler (siehe Probleme).`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: annotationRange(a) };
  }
  // the heading of the block's § or Artikel
  const head = block.parse.head;
  if (!head || (head.kind !== 'paragraph' && head.kind !== 'artikel')) return undefined;
  if (rl !== head.markerLine && rl !== head.titleLine) return undefined;
  const ps = items.map((it) => postenOf(it, doc.uri)).filter((p): p is Posten => !!p);
  if (!ps.length) return undefined;
  const { j, e } = postenSummen(ps);
  const rows = ps.map((p) => `| ${p.spec.bezeichnung.replace(/\|/g, '\\|')} | ${postenHint(p).replace(/^≈ /, '')} |`);
  const value = `**Erfüllungsaufwand ${unitWord(head) ?? head.label}**\n\n| Vorgabe | Ergebnis |\n|---|---|\n${rows.join('\n')}\n\nSumme: ${summenText(j, e)}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: head.headingRange };
}

// --- completion ------------------------------------------------------------------------------------

const KEY_DOC: Record<AufwandKey, string> = {
  adressat: 'Wer den Aufwand trägt: buerger, wirtschaft oder verwaltung (Pflichtangabe).',
  wirtschaftszweig: 'Wirtschaft: Abschnitt A–S der WZ 2008 (ohne O) oder gesamt (Standard).',
  qualifikation: 'Wirtschaft: Qualifikationsniveau niedrig, mittel, hoch oder durchschnitt (Standard).',
  ebene: 'Verwaltung: bund, land, kommune oder sozialversicherung (Pflichtangabe).',
  laufbahn: 'Verwaltung: einfach-mittel, gehoben, hoeher oder durchschnitt (Standard).',
  art: 'jaehrlich (Standard) oder einmalig.',
  fallzahl: 'Fälle (pro Jahr oder einmalig), z. B. „4.800.000“, „4 800 000“ oder „1,2 Mio.“ (Pflichtangabe).',
  zeit: 'Minuten je Fall: „30 min“, „400 h“ oder Standardtätigkeiten mit Komplexität, z. B. „formulare-ausfuellen mittel, uebermitteln einfach“.',
  lohnsatz: 'Euro je Stunde; ersetzt den Lohnsatz der Tabelle (nicht für Bürgerinnen und Bürger).',
  sachkosten: 'Sachkosten in Euro je Fall.',
  informationspflicht: 'Wirtschaft: ja, wenn die Vorgabe eine Informationspflicht ist (Bürokratiekosten).',
  wege: 'Persönliches Erscheinen: gemeinde, kreis, land oder durchschnitt (Wegezeit und Wegekosten des Leitfadens).',
};

function findAnnotationAt(model: DocumentModel, line: number): Annotation | undefined {
  const block = model.document.blockAtLine(line);
  if (!block) return undefined;
  const rl = line - block.startLine;
  for (const a of block.parse.annotations) {
    if (a.name === 'aufwand' && rl > a.line && rl <= a.endLine + 1) return a;
  }
  return undefined;
}

function entryValue(a: Annotation, key: string): string | undefined {
  return a.entries.find((e) => e.key === key)?.value.trim();
}

function adressatOf(a: Annotation): Adressat | undefined {
  const v = normaliseValue(entryValue(a, 'adressat') ?? '');
  return (ADRESSATEN as readonly string[]).includes(v) ? (v as Adressat) : undefined;
}

function wordRange(line: number, text: string, character: number): Range {
  let s = character;
  while (s > 0 && /[\p{L}\p{N}_-]/u.test(text[s - 1])) s--;
  let e = character;
  while (e < text.length && /[\p{L}\p{N}_-]/u.test(text[e])) e++;
  return { start: { line, character: s }, end: { line, character: e } };
}

function valueItems(key: AufwandKey, data: CostData, range: Range): CompletionItem[] {
  const values = KEY_VALUES[key];
  if (!values) return [];
  return values.map((v, i) => {
    let detail: string | undefined;
    if (key === 'adressat') detail = ADRESSAT_NAME[v as Adressat];
    else if (key === 'ebene') detail = `${EBENE_NAME[v as Ebene]}${v === 'kommune' ? ' (im Vorblatt bei den Ländern)' : ''}`;
    else if (key === 'laufbahn') detail = LAUFBAHN_NAME[v as Laufbahn];
    else if (key === 'wirtschaftszweig') {
      const row = data.lohnWirtschaft[v as Wirtschaftszweig];
      detail = `${row.bezeichnung} – ${formatDecimal(row.niedrig)} / ${formatDecimal(row.mittel)} / ${formatDecimal(row.hoch)} / Ø ${formatDecimal(row.durchschnitt)} €/h`;
    } else if (key === 'wege') {
      const w = data.wege[v as Wege];
      detail = `${w.bezeichnung}: ${formatNumber(w.minuten)} min und ${formatDecimal(w.euro)} € je Fall`;
    }
    return { label: v, kind: CompletionItemKind.EnumMember, detail, sortText: String(i).padStart(3, '0'), textEdit: { range, newText: v } };
  });
}

/** Completion in the entries of an @aufwand: keys on an entry line, values after „key:“, activities and complexities in `zeit`. */
export function annotationCompletions(model: DocumentModel, data: CostData, position: Position): CompletionItem[] {
  const doc = model.document;
  const text = doc.lineAt(position.line);
  const prefix = text.slice(0, position.character);
  const range = wordRange(position.line, text, position.character);

  const a = findAnnotationAt(model, position.line);
  if (!a) return [];
  const headIndent = a.nameStart - 1;
  const indentOk = (s: string): boolean => s.length > headIndent;

  const keyOnly = /^(\s*)([\p{L}_][\p{L}\p{N}_-]*)?$/u.exec(prefix);
  if (keyOnly && indentOk(keyOnly[1]) && !text.slice(position.character).includes(':')) {
    const present = new Set(a.entries.filter((e) => e.line !== position.line - a.block.startLine).map((e) => e.key));
    const adr = adressatOf(a);
    return AUFWAND_KEYS.filter((k) => !present.has(k))
      .filter((k) => !adr || !KEY_ADRESSATEN[k] || (KEY_ADRESSATEN[k] as readonly string[]).includes(adr))
      .map((k, i) => ({
        label: k,
        kind: CompletionItemKind.Property,
        detail: KEY_DOC[k],
        sortText: String(i).padStart(3, '0'),
        textEdit: { range, newText: `${k}: ` },
        command: KEY_VALUES[k] || k === 'zeit' ? { title: 'Werte vorschlagen', command: 'editor.action.triggerSuggest' } : undefined,
      }));
  }

  const kv = /^(\s*)([\p{L}_][\p{L}\p{N}_-]*)\s*:\s*(.*)$/u.exec(prefix);
  if (!kv || !indentOk(kv[1])) return [];
  const key = kv[2] as AufwandKey;
  if (!(AUFWAND_KEYS as readonly string[]).includes(key)) return [];
  if (key !== 'zeit') return valueItems(key, data, range);

  // zeit: the item being written is the text after the last list comma
  const valueSoFar = kv[3];
  const items = splitItems(valueSoFar);
  const current = /,\s*$/.test(valueSoFar) || !items.length ? '' : valueSoFar.slice(items[items.length - 1].start);
  const adr = adressatOf(a);
  const activity = /^([\p{L}\p{N}-]+)\s+[\p{L}]*$/u.exec(current);
  if (activity) {
    const id = normaliseValue(activity[1]);
    const tables = adr ? [adr] : ADRESSATEN;
    const t = tables.map((x) => data.taetigkeiten[x].get(id)).find((x) => x);
    return KOMPLEXITAETEN.map((k, i) => ({
      label: k,
      kind: CompletionItemKind.EnumMember,
      detail: t ? (t[k] === null ? 'kein Tabellenwert' : `${formatNumber(t[k] as number)} min`) : undefined,
      sortText: String(i),
      textEdit: { range, newText: k },
    }));
  }
  const out: CompletionItem[] = [];
  for (const x of adr ? [adr] : ADRESSATEN) {
    for (const t of data.taetigkeiten[x].values()) {
      const minutes = `${formatNumber(t.einfach)} / ${formatNumber(t.mittel)} / ${t.komplex === null ? '–' : formatNumber(t.komplex)} min`;
      out.push({
        label: t.id,
        kind: CompletionItemKind.Value,
        detail: `${t.bezeichnung} – einfach / mittel / komplex: ${minutes}${adr ? '' : ` (${ADRESSAT_NAME[x]})`}`,
        textEdit: { range, newText: `${t.id} ` },
        command: { title: 'Komplexität vorschlagen', command: 'editor.action.triggerSuggest' },
      });
    }
  }
  return out;
}
