/**
 * Compliance cost (Erfüllungsaufwand) on an in-memory service: the
 * Standardkostenmodell with hand-computed figures (each addressee, each
 * Ebene, jährlich and einmalig, activity lists, Wege, Informationspflicht,
 * lohnsatz and config overrides), the diagnostics of rule `aufwand` at their
 * ranges, the incremental recomputation, and the editor features (inlay
 * hints, code lenses, hover, completion).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService, applyEdits, type NormaDiagnostic } from '../server/src/service/index';
import { costReportJson, costReportMarkdown, costStats, parseGermanNumber, formatRund, COST_DATA_FILE, type CostJson } from '../server/src/service/costs';
import { law, inkraft, rangeOf, memFs } from './rule-helpers';

const DIR = '/entwurf';
const URI = `file://${DIR}/kosten.norma`;
const CONFIG_PATH = `${DIR}/norma.config.json`;

function service(config?: string) {
  return createLanguageService({ fileSystem: config !== undefined ? memFs({ [CONFIG_PATH]: config }) : undefined });
}

function report(text: string, config?: string): CostJson {
  const s = service(config);
  s.open(URI, text);
  return costReportJson(s.getCostReport([URI]));
}

function aufwandDiagnostics(text: string, config?: string): NormaDiagnostic[] {
  const s = service(config);
  s.open(URI, text);
  return s.getDiagnostics(URI).filter((d) => d.code === 'aufwand');
}

function show(ds: NormaDiagnostic[]): string {
  return ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).join('\n');
}

/** The draft with one annotation per obligation; every figure below is computed by hand from domain-rules §4. */
const DRAFT = law([
  '§ 1 Anmeldung',
  '(1) Wer eine Wohnung bezieht, meldet sich elektronisch an.',
  '@aufwand Anmeldung',
  '  adressat: buerger',
  '  fallzahl: 4.800.000 pro Jahr',
  '  zeit: formulare-ausfuellen mittel, uebermitteln einfach',
  '  sachkosten: 2,50',
  '(2) Die Anmeldung kann auch bei der Behörde vorgenommen werden.',
  '@aufwand Vorsprache bei der Behörde',
  '  adressat: buerger',
  '  art: einmalig',
  '  fallzahl: 1,2 Mio.',
  '  zeit: 30 min',
  '  wege: kreis',
  '§ 2 Meldungen der Unternehmen',
  '(1) Unternehmen melden jährlich ihre Zahlen.',
  '@aufwand Jährliche Meldung',
  '  adressat: wirtschaft',
  '  wirtschaftszweig: C',
  '  qualifikation: hoch',
  '  informationspflicht: ja',
  '  fallzahl: 4 800',
  '  zeit: berechnungen mittel, ueberpruefung einfach',
  '@aufwand Aufbewahrung',
  '  adressat: wirtschaft',
  '  fallzahl: 1.000',
  '  zeit: 30 min',
  '  sachkosten: 5 €',
  '@aufwand Wegfall der Papiermeldung',
  '  adressat: wirtschaft',
  '  fallzahl: 4 800',
  '  zeit: -10 min',
  '(2) Die Unternehmen stellen ihre Software um.',
  '@aufwand Umstellung der Software',
  '  adressat: wirtschaft',
  '  art: einmalig',
  '  wirtschaftszweig: J',
  '  fallzahl: 200',
  '  zeit: interne-prozesse-anpassen einfach',
  '§ 3 Vollzug',
  '(1) Der Bund führt die Aufsicht.',
  '@aufwand Fachaufsicht',
  '  adressat: verwaltung',
  '  ebene: bund',
  '  laufbahn: gehoben',
  '  art: einmalig',
  '  fallzahl: 1',
  '  zeit: 400 h',
  '@aufwand Statistik',
  '  adressat: verwaltung',
  '  ebene: bund',
  '  lohnsatz: 50,00 €/h',
  '  fallzahl: 60',
  '  zeit: 10 min',
  '(2) Die Länder vollziehen dieses Gesetz.',
  '@aufwand Widerspruchsverfahren',
  '  adressat: verwaltung',
  '  ebene: land',
  '  laufbahn: hoeher',
  '  fallzahl: 10',
  '  zeit: 1,5 h',
  '@aufwand Bescheide',
  '  adressat: verwaltung',
  '  ebene: kommune',
  '  laufbahn: einfach-mittel',
  '  fallzahl: 2.000',
  '  zeit: bescheid-erstellen mittel',
  '(3) Die Träger der Rentenversicherung gleichen die Daten ab.',
  '@aufwand Datenabgleich',
  '  adressat: verwaltung',
  '  ebene: sozialversicherung',
  '  fallzahl: 600',
  '  zeit: daten-uebermitteln mittel',
  inkraft(4),
]);

function posten(r: CostJson, bezeichnung: string): CostJson['posten'][number] {
  const p = r.posten.find((x) => x.bezeichnung === bezeichnung);
  assert.ok(p, `posten ${bezeichnung}`);
  return p;
}

describe('Erfüllungsaufwand: German numbers', () => {
  it('reads 4.800.000, 4 800 000, 1,2 Mio., decimals and trailing words', () => {
    const v = (s: string): number | undefined => parseGermanNumber(s)?.value;
    assert.equal(v('4.800.000'), 4_800_000);
    assert.equal(v('4 800 000'), 4_800_000);
    assert.equal(v('4\u00a0800\u00a0000'), 4_800_000);
    assert.equal(v('4800000'), 4_800_000);
    assert.equal(v('1,2 Mio.'), 1_200_000);
    assert.equal(v('1,2 Millionen'), 1_200_000);
    assert.equal(v('3 Tsd.'), 3000);
    assert.equal(v('1.500,50'), 1500.5);
    assert.equal(v('-10'), -10);
    assert.deepEqual(parseGermanNumber('4.800.000 pro Jahr'), { value: 4_800_000, end: 9, rest: 'pro Jahr', restStart: 10 });
    assert.equal(parseGermanNumber('16 einmalig')?.rest, 'einmalig');
  });

  it('rejects English and malformed numbers', () => {
    for (const s of ['4.8', '4,800,000', '12abc', 'viele', '4.80.000', '']) assert.equal(parseGermanNumber(s), undefined, s);
  });

  it('writes figures as a Vorblatt does', () => {
    assert.equal(formatRund(4_800_000), '4,8 Mio.');
    assert.equal(formatRund(6_708_666.67), 'rund 6,7 Mio.');
    assert.equal(formatRund(2_000_000), '2 Mio.');
    assert.equal(formatRund(264_640), '264.640');
    assert.equal(formatRund(1_039.5), 'rund 1.040');
    assert.equal(formatRund(1_500_000_000), '1,5 Mrd.');
  });
});

describe('Erfüllungsaufwand: Standardkostenmodell with hand-computed figures', () => {
  let r: CostJson;
  before(() => {
    r = report(DRAFT);
  });

  it('the draft has no finding of rule aufwand', () => {
    assert.deepEqual(show(aufwandDiagnostics(DRAFT)), '');
  });

  it('Bürger, jährlich, activity list: 4.800.000 × (6 + 1) min ÷ 60 = 560.000 h; Sachkosten 4.800.000 × 2,50 € = 12.000.000 €', () => {
    const p = posten(r, 'Anmeldung');
    assert.deepEqual(p, {
      bezeichnung: 'Anmeldung',
      paragraph: '§ 1',
      eId: 'art-z1_abs-z1',
      adressat: 'buerger',
      art: 'jaehrlich',
      fallzahl: 4_800_000,
      minuten: 7,
      lohnsatz: null,
      sachkosten: 2.5,
      ergebnis: { stunden: 560_000, euro: 12_000_000 },
    });
  });

  it('Bürger, einmalig, Wege: 1,2 Mio. × (30 + 22) min = 1.040.000 h; Wegekosten 1,2 Mio. × 3,10 € = 3.720.000 €', () => {
    const p = posten(r, 'Vorsprache bei der Behörde');
    assert.equal(p.art, 'einmalig');
    assert.equal(p.minuten, 52);
    assert.equal(p.sachkosten, 3.1);
    assert.deepEqual(p.ergebnis, { stunden: 1_040_000, euro: 3_720_000 });
  });

  it('Wirtschaft C, hoch, Informationspflicht: 4.800 × 21 min ÷ 60 × 76,20 €/h = 128.016 €, all Bürokratiekosten', () => {
    const p = posten(r, 'Jährliche Meldung');
    assert.equal(p.minuten, 21);
    assert.equal(p.lohnsatz, 76.2);
    assert.deepEqual(p.ergebnis, { stunden: 1680, euro: 128_016 });
  });

  it('Wirtschaft gesamt, Durchschnitt (38,60 €/h) with Sachkosten: 1.000 × (30 ÷ 60 × 38,60 + 5) = 24.300 €', () => {
    const p = posten(r, 'Aufbewahrung');
    assert.equal(p.lohnsatz, 38.6);
    assert.deepEqual(p.ergebnis, { stunden: 500, euro: 24_300 });
  });

  it('a relief: 4.800 × −10 min ÷ 60 × 38,60 €/h = −30.880 €', () => {
    assert.deepEqual(posten(r, 'Wegfall der Papiermeldung').ergebnis, { stunden: -800, euro: -30_880 });
  });

  it('Wirtschaft J, einmalig: 200 × 300 min ÷ 60 × 52,80 €/h = 52.800 €', () => {
    assert.deepEqual(posten(r, 'Umstellung der Software').ergebnis, { stunden: 1000, euro: 52_800 });
  });

  it('Verwaltung per Ebene: Bund 400 h × 40,40 = 16.160 € (einmalig); Länder 10 × 1,5 h × 69,30 = 1.039,50 €; Kommunen 2.000 × 60 min × 25,50 = 51.000 €; Sozialversicherung 600 × 10 min × 48,10 = 4.810 €', () => {
    assert.deepEqual(posten(r, 'Fachaufsicht').ergebnis, { stunden: 400, euro: 16_160 });
    assert.equal(posten(r, 'Widerspruchsverfahren').lohnsatz, 69.3);
    assert.deepEqual(posten(r, 'Widerspruchsverfahren').ergebnis, { stunden: 15, euro: 1039.5 });
    assert.deepEqual(posten(r, 'Bescheide').ergebnis, { stunden: 2000, euro: 51_000 });
    assert.deepEqual(posten(r, 'Datenabgleich').ergebnis, { stunden: 100, euro: 4810 });
  });

  it('lohnsatz in the annotation replaces the table: 60 × 10 min × 50,00 €/h = 500 €', () => {
    const p = posten(r, 'Statistik');
    assert.equal(p.lohnsatz, 50);
    assert.deepEqual(p.ergebnis, { stunden: 10, euro: 500 });
  });

  it('sums per addressee, jährlich and einmalig apart; Länder include the Kommunen, the Sozialversicherung apart', () => {
    assert.deepEqual(r.jaehrlich, {
      buerger: { stunden: 560_000, sachkosten: 12_000_000 },
      wirtschaft: { euro: 128_016 + 24_300 - 30_880, buerokratiekosten: 128_016 },
      verwaltung: { bund: 500, laender: 1039.5 + 51_000, sozialversicherung: 4810 },
    });
    assert.deepEqual(r.einmalig, {
      buerger: { stunden: 1_040_000, sachkosten: 3_720_000 },
      wirtschaft: { euro: 52_800, buerokratiekosten: 0 },
      verwaltung: { bund: 16_160, laender: 0, sozialversicherung: 0 },
    });
  });

  it('the JSON has exactly the stable keys', () => {
    assert.deepEqual(Object.keys(r), ['jaehrlich', 'einmalig', 'posten']);
    assert.deepEqual(Object.keys(r.jaehrlich), ['buerger', 'wirtschaft', 'verwaltung']);
    assert.deepEqual(Object.keys(r.jaehrlich.buerger), ['stunden', 'sachkosten']);
    assert.deepEqual(Object.keys(r.jaehrlich.wirtschaft), ['euro', 'buerokratiekosten']);
    assert.deepEqual(Object.keys(r.jaehrlich.verwaltung), ['bund', 'laender', 'sozialversicherung']);
    assert.deepEqual(Object.keys(r.posten[0]), ['bezeichnung', 'paragraph', 'eId', 'adressat', 'art', 'fallzahl', 'minuten', 'lohnsatz', 'sachkosten', 'ergebnis']);
    assert.equal(r.posten.length, 11);
  });

  it('the Markdown report: Vorblatt section E with the standard sentences, one in one out, and a table per provision', () => {
    const s = service();
    s.open(URI, DRAFT);
    const md = costReportMarkdown(s.getCostReport([URI]));
    assert.match(md, /^## E\. Erfüllungsaufwand$/m);
    assert.ok(md.includes('Für Bürgerinnen und Bürger entsteht ein jährlicher Erfüllungsaufwand von 560.000 Stunden und Sachkosten von 12 Mio. Euro. Hinzu kommt ein einmaliger Erfüllungsaufwand von rund 1 Mio. Stunden und Sachkosten von rund 3,7 Mio. Euro.'), md);
    assert.ok(md.includes('Für die Wirtschaft entsteht ein jährlicher Erfüllungsaufwand von 121.436 Euro. Hinzu kommt ein einmaliger Erfüllungsaufwand von 52.800 Euro.'), md);
    assert.ok(md.includes('stellt der jährliche Erfüllungsaufwand der Wirtschaft in diesem Regelungsvorhaben ein „In“ von 121.436 Euro dar. Darin sind Belastungen von 152.316 Euro und Entlastungen von 30.880 Euro saldiert.'), md);
    assert.ok(md.includes('#### Davon Bürokratiekosten aus Informationspflichten\n\nVom jährlichen Erfüllungsaufwand entfallen 128.016 Euro auf Bürokratiekosten aus Informationspflichten.'), md);
    assert.ok(md.includes('**Bund**\n\nFür den Bund entsteht ein jährlicher Erfüllungsaufwand von 500 Euro. Hinzu kommt ein einmaliger Erfüllungsaufwand von 16.160 Euro.'), md);
    assert.ok(md.includes('**Länder einschließlich Kommunen**\n\nFür die Länder einschließlich der Kommunen entsteht ein jährlicher Erfüllungsaufwand von rund 52.040 Euro. Einmaliger Erfüllungsaufwand entsteht nicht.'), md);
    assert.ok(md.includes('**Sozialversicherung**\n\nFür die Sozialversicherung entsteht ein jährlicher Erfüllungsaufwand von 4.810 Euro.'), md);
    assert.match(md, /^### § 3 Vollzug$/m);
    assert.ok(md.includes('| Bescheide | Absatz 2 | Verwaltung (Kommunen) | jährlich | 2.000 | 60 | 25,50 | 0,00 | 2.000 | 51.000 |'), md);
  });

  it('a draft without @aufwand: „kein Erfüllungsaufwand“ for every addressee', () => {
    const s = service();
    s.open(URI, law(['§ 1 Zweck', 'Text.', inkraft(2)]));
    const md = costReportMarkdown(s.getCostReport([URI]));
    assert.ok(md.includes('Für Bürgerinnen und Bürger entsteht kein Erfüllungsaufwand.'));
    assert.ok(md.includes('Für die Wirtschaft entsteht kein Erfüllungsaufwand.'));
    assert.ok(md.includes('Bürokratiekosten aus Informationspflichten entstehen nicht.'));
    assert.ok(md.includes('Für die Verwaltung entsteht kein Erfüllungsaufwand.'));
  });
});

describe('Erfüllungsaufwand: norma.config.json overrides the tables', () => {
  const CONFIG = JSON.stringify({
    kosten: {
      lohnsaetze: { verwaltung: { kommune: { 'einfach-mittel': 30 } } },
      zeitwerte: { buerger: { 'formulare-ausfuellen': { mittel: 8 }, 'termin-vereinbaren': { einfach: 2, mittel: 4, komplex: 10 } } },
      wege: { kreis: { minuten: 30 } },
    },
  });

  it('a wage rate, a time value and a travel time from the config: Kommunen 2.000 h × 30 € = 60.000 €, Anmeldung (8 + 1) min, Vorsprache 30 + 30 min', () => {
    const r = report(DRAFT, CONFIG);
    assert.deepEqual(posten(r, 'Bescheide').ergebnis, { stunden: 2000, euro: 60_000 });
    assert.equal(posten(r, 'Bescheide').lohnsatz, 30);
    assert.deepEqual(posten(r, 'Anmeldung').ergebnis, { stunden: 720_000, euro: 12_000_000 });
    assert.deepEqual(posten(r, 'Vorsprache bei der Behörde').ergebnis, { stunden: 1_200_000, euro: 3_720_000 });
    // the other figures keep the table values
    assert.deepEqual(posten(r, 'Datenabgleich').ergebnis, { stunden: 100, euro: 4810 });
  });

  it('a new activity of the config can be used; without the config it is an error', () => {
    const text = law(['§ 1 Termine', 'Text.', '@aufwand Termin', '  adressat: buerger', '  fallzahl: 600', '  zeit: termin-vereinbaren mittel', inkraft(2)]);
    assert.deepEqual(posten(report(text, CONFIG), 'Termin').ergebnis, { stunden: 40, euro: 0 });
    const ds = aufwandDiagnostics(text);
    assert.equal(ds.length, 1, show(ds));
    assert.deepEqual(ds[0].range, rangeOf(text, 'termin-vereinbaren'));
    assert.match(ds[0].message, /^Unbekannte Standardtätigkeit „termin-vereinbaren“ in der Zeitwerttabelle Bürgerinnen und Bürger des Leitfadens\./);
  });

  it('the markdown report names the overridden values', () => {
    const s = service(CONFIG);
    s.open(URI, DRAFT);
    const md = costReportMarkdown(s.getCostReport([URI]));
    assert.ok(md.includes(`- Aus ${CONFIG_PATH} überschrieben: lohnsaetze.verwaltung.kommune.einfach-mittel, wege.kreis.minuten, zeitwerte.buerger.formulare-ausfuellen.mittel.`), md);
  });

  it('errors in the "kosten" section are config findings at their line', () => {
    const text = [
      '{',
      '  "kosten": {',
      '    "lohnsaetze": { "verwaltung": { "bund": { "gehoben": "viel" }, "kreis": {} } },',
      '    "zeitwerte": { "buerger": { "formular-ausfuellen": { "mittel": 7 }, "neu": { "einfach": 1 } } }',
      '  }',
      '}',
    ].join('\n');
    const s = service(text);
    s.open(URI, DRAFT);
    const cfg = s.configFor(URI);
    const ds = s.configDiagnostics(cfg, 'de');
    const lines = ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    assert.deepEqual(lines, [
      '3:58 Ungültiger Wert für „kosten.lohnsaetze.verwaltung.bund.gehoben“: number erwartet.',
      '3:68 Unbekannter Schlüssel „kreis“ in norma.config.json. Erlaubt: bund, land, kommune, sozialversicherung.',
      '4:33 Unbekannte Standardtätigkeit „formular-ausfuellen“ unter „kosten.zeitwerte.buerger“ – meinten Sie „formulare-ausfuellen“? Eine neue Tätigkeit braucht „einfach“, „mittel“ und „komplex“.',
      '4:73 Neue Standardtätigkeit „neu“ unter „kosten.zeitwerte.buerger“: „einfach“, „mittel“ und „komplex“ angeben.',
    ]);
    // the valid rest is in effect: nothing of it here, so the figures are the table's
    assert.deepEqual(posten(report(DRAFT, text), 'Bescheide').ergebnis, { stunden: 2000, euro: 51_000 });
  });
});

describe('rule aufwand: missing and invalid keys and values', () => {
  const one = (entries: string[], label = 'Meldung'): string => law(['§ 1 Pflichten', '(1) Die Pflicht besteht.', `@aufwand ${label}`.trimEnd(), ...entries.map((e) => `  ${e}`), inkraft(2)]);

  function expectOne(text: string, where: string, message: string, opts: { severity?: DiagnosticSeverity; fix?: string; suggestion?: string } = {}): NormaDiagnostic {
    const ds = aufwandDiagnostics(text);
    assert.equal(ds.length, 1, show(ds));
    const d = ds[0];
    assert.deepEqual(d.range, rangeOf(text, where), show(ds));
    assert.equal(d.message, message);
    assert.equal(d.severity, opts.severity ?? DiagnosticSeverity.Error);
    assert.equal(d.source, 'Leitfaden zur Ermittlung und Darstellung des Erfüllungsaufwands in Regelungsvorhaben der Bundesregierung (Statistisches Bundesamt), Standardkostenmodell');
    if (opts.fix !== undefined) {
      assert.ok(d.data.fix, 'a safe fix');
      assert.equal(applyEdits(text, d.data.fix).text, text.replace(where, opts.fix));
    } else assert.equal(d.data.fix, undefined, 'no safe fix');
    if (opts.suggestion !== undefined) assert.equal(d.data.suggestions?.[0]?.title, opts.suggestion);
    return d;
  }

  it('missing adressat, fallzahl, zeit/sachkosten: at the annotation name', () => {
    const text = one(['art: jaehrlich']);
    const ds = aufwandDiagnostics(text);
    assert.deepEqual(
      ds.map((d) => d.message),
      [
        '@aufwand ohne „adressat“: die Angabe ist Pflicht für das Standardkostenmodell (buerger, wirtschaft, verwaltung).',
        '@aufwand ohne „fallzahl“: die Angabe ist Pflicht für das Standardkostenmodell („4.800.000“, „4 800 000“, „1,2 Mio.“).',
        '@aufwand ohne „zeit“ und ohne „sachkosten“: das Standardkostenmodell braucht Minuten je Fall oder Sachkosten je Fall.',
      ],
    );
    for (const d of ds) assert.deepEqual(d.range, rangeOf(text, '@aufwand'));
  });

  it('verwaltung without ebene', () => {
    expectOne(one(['adressat: verwaltung', 'fallzahl: 10', 'zeit: 5 min']), '@aufwand', '@aufwand ohne „ebene“: die Angabe ist Pflicht für das Standardkostenmodell (bund, land, kommune, sozialversicherung).');
  });

  it('an unknown key close to a known one: fix; far from every key: no fix', () => {
    expectOne(one(['adresat: buerger', 'fallzahl: 10', 'zeit: 5 min']), 'adresat', '„adresat“ ist kein Schlüssel von @aufwand – meinten Sie „adressat“? Erlaubt: adressat, wirtschaftszweig, qualifikation, ebene, laufbahn, art, fallzahl, zeit, lohnsatz, sachkosten, informationspflicht, wege.', { fix: 'adressat' });
    const text = one(['adressat: buerger', 'fallzahl: 10', 'zeit: 5 min', 'farbe: blau']);
    const d = expectOne(text, 'farbe', '„farbe“ ist kein Schlüssel von @aufwand (Leitfaden Erfüllungsaufwand). Erlaubt: adressat, wirtschaftszweig, qualifikation, ebene, laufbahn, art, fallzahl, zeit, lohnsatz, sachkosten, informationspflicht, wege.');
    assert.equal(d.data.suggestions, undefined);
  });

  it('a duplicate key: the first value applies', () => {
    const text = one(['adressat: buerger', 'fallzahl: 10', 'fallzahl: 20', 'zeit: 5 min']);
    const ds = aufwandDiagnostics(text);
    assert.equal(ds.length, 1);
    assert.deepEqual(ds[0].range, rangeOf(text, 'fallzahl', 1));
    assert.equal(ds[0].message, '„fallzahl“ steht doppelt in dieser @aufwand-Angabe; es gilt der erste Wert „10“.');
  });

  it('enumerations: case and umlauts and certain other spellings are fixed, close values suggested, others listed', () => {
    expectOne(one(['adressat: Bürger', 'fallzahl: 10', 'zeit: 5 min']), 'Bürger', 'Ungültiger Wert „Bürger“ für „adressat“. Erlaubt: buerger, wirtschaft, verwaltung.', { fix: 'buerger' });
    expectOne(one(['adressat: verwaltung', 'ebene: kommunen', 'fallzahl: 10', 'zeit: 5 min']), 'kommunen', 'Ungültiger Wert „kommunen“ für „ebene“. Erlaubt: bund, land, kommune, sozialversicherung.', { fix: 'kommune' });
    expectOne(one(['adressat: verwaltung', 'ebene: laender', 'fallzahl: 10', 'zeit: 5 min']), 'laender', 'Ungültiger Wert „laender“ für „ebene“. Erlaubt: bund, land, kommune, sozialversicherung.', { fix: 'land' });
    expectOne(one(['adressat: verwaltung', 'ebene: bund', 'laufbahn: mittlerer-dienst', 'fallzahl: 10', 'zeit: 5 min']), 'mittlerer-dienst', 'Ungültiger Wert „mittlerer-dienst“ für „laufbahn“. Erlaubt: einfach-mittel, gehoben, hoeher, durchschnitt.', { fix: 'einfach-mittel' });
    expectOne(one(['adressat: buerger', 'art: jährlich', 'fallzahl: 10', 'zeit: 5 min']), 'jährlich', 'Ungültiger Wert „jährlich“ für „art“. Erlaubt: jaehrlich, einmalig.', { fix: 'jaehrlich' });
    expectOne(one(['adressat: wirtschaft', 'qualifikation: niedirg', 'fallzahl: 10', 'zeit: 5 min']), 'niedirg', 'Ungültiger Wert „niedirg“ für „qualifikation“. Erlaubt: niedrig, mittel, hoch, durchschnitt.', { fix: 'niedrig' });
    expectOne(one(['adressat: verwaltung', 'ebene: bund', 'laufbahn: gehobenerr', 'fallzahl: 10', 'zeit: 5 min']), 'gehobenerr', 'Ungültiger Wert „gehobenerr“ für „laufbahn“. Erlaubt: einfach-mittel, gehoben, hoeher, durchschnitt.', { suggestion: '„gehobenerr“ durch „gehoben“ ersetzen' });
    expectOne(one(['adressat: wirtschaft', 'informationspflicht: vielleicht', 'fallzahl: 10', 'zeit: 5 min']), 'vielleicht', 'Ungültiger Wert „vielleicht“ für „informationspflicht“. Erlaubt: ja, nein.');
    expectOne(one(['adressat: buerger', 'wege: stadt', 'fallzahl: 10', 'zeit: 5 min']), 'stadt', 'Ungültiger Wert „stadt“ für „wege“. Erlaubt: gemeinde, kreis, land, durchschnitt.');
  });

  it('Wirtschaftszweig: a lower-case letter is fixed, O is the public administration, X is no sector', () => {
    const lower = one(['adressat: wirtschaft', 'wirtschaftszweig: l', 'fallzahl: 10', 'zeit: 5 min']);
    const ds = aufwandDiagnostics(lower);
    assert.equal(ds.length, 1, show(ds));
    const end = rangeOf(lower, 'wirtschaftszweig: l').end;
    assert.deepEqual(ds[0].range, { start: { line: end.line, character: end.character - 1 }, end });
    assert.equal(ds[0].message, 'Ungültiger Wert „l“ für „wirtschaftszweig“. Erlaubt: A, B, C, D, E, F, G, H, I, J, K, L, M, N, P, Q, R, S, gesamt.');
    assert.ok(applyEdits(lower, ds[0].data.fix ?? []).text.includes('  wirtschaftszweig: L\n'));
    expectOne(one(['adressat: wirtschaft', 'wirtschaftszweig: O', 'fallzahl: 10', 'zeit: 5 min']), 'O', 'Wirtschaftszweig O (Öffentliche Verwaltung) gehört nicht zur Wirtschaft: für Behörden „adressat: verwaltung“ mit „ebene“ angeben.');
    const d = expectOne(one(['adressat: wirtschaft', 'wirtschaftszweig: X', 'fallzahl: 10', 'zeit: 5 min']), 'X', 'Ungültiger Wert „X“ für „wirtschaftszweig“. Erlaubt: A, B, C, D, E, F, G, H, I, J, K, L, M, N, P, Q, R, S, gesamt.');
    assert.equal(d.data.suggestions, undefined);
  });

  it('numbers: not German, negative case counts', () => {
    expectOne(one(['adressat: buerger', 'fallzahl: 4,800,000', 'zeit: 5 min']), '4,800,000', '„4,800,000“ ist keine Zahl im deutschen Format (z. B. „4.800.000“, „4 800 000“ oder „1,2 Mio.“).');
    expectOne(one(['adressat: buerger', 'fallzahl: -5', 'zeit: 5 min']), '-5', 'Die Fallzahl „-5“ ist negativ; eine Entlastung wird mit negativer „zeit“ oder negativen „sachkosten“ angegeben.');
    expectOne(one(['adressat: buerger', 'fallzahl: 5', 'sachkosten: teuer']), 'teuer', '„teuer“ ist kein Eurobetrag für „sachkosten“ (z. B. „38,60“, „1.200 €“ oder „250.000 Euro je Fall“).');
  });

  it('zeit: unit missing, malformed list, unknown activity with did-you-mean, activity of another addressee, complexity', () => {
    expectOne(one(['adressat: buerger', 'fallzahl: 5', 'zeit: 30']), '30', '„30“: Einheit fehlt – „min“ oder „h“ angeben.');
    expectOne(one(['adressat: buerger', 'fallzahl: 5', 'zeit: formulare-ausfüllen mittel']), 'formulare-ausfüllen', 'Unbekannte Standardtätigkeit „formulare-ausfüllen“ für Bürgerinnen und Bürger – meinten Sie „formulare-ausfuellen“? Tätigkeiten: sich-vertraut-machen, beratung, daten-sammeln, daten-aufbereiten, formulare-ausfuellen, schriftstuecke-aufsetzen, uebermitteln, zahlungen, kopieren-abspeichern, pruefung-durch-stellen, rueckfragen.', { fix: 'formulare-ausfuellen' });
    const other = one(['adressat: wirtschaft', 'fallzahl: 5', 'zeit: formulare-ausfuellen einfach, uebermitteln einfach']);
    const ds = aufwandDiagnostics(other);
    assert.equal(ds.length, 1, show(ds));
    assert.deepEqual(ds[0].range, rangeOf(other, 'uebermitteln'));
    assert.match(ds[0].message, /^„uebermitteln“ ist eine Standardtätigkeit der Zeitwerttabelle Bürgerinnen und Bürger, nicht Wirtschaft – meinten Sie „daten-uebermitteln“\? Tätigkeiten für Wirtschaft: einarbeitung, /);
    assert.equal(ds[0].data.suggestions?.[0]?.title, '„uebermitteln“ durch „daten-uebermitteln“ ersetzen');
    assert.equal(ds[0].data.fix, undefined);
    expectOne(one(['adressat: buerger', 'fallzahl: 5', 'zeit: formulare-ausfuellen']), 'formulare-ausfuellen', '„formulare-ausfuellen“: Komplexität fehlt – „einfach“, „mittel“ oder „komplex“ anfügen.');
    expectOne(one(['adressat: buerger', 'fallzahl: 5', 'zeit: formulare-ausfuellen mitel']), 'mitel', 'Ungültige Komplexität „mitel“ für „formulare-ausfuellen“. Erlaubt: einfach, mittel, komplex.', { fix: 'mittel' });
    expectOne(one(['adressat: buerger', 'fallzahl: 5', 'zeit: formulare-ausfuellen hoch']), 'hoch', 'Ungültige Komplexität „hoch“ für „formulare-ausfuellen“. Erlaubt: einfach, mittel, komplex.', { fix: 'komplex' });
    expectOne(
      one(['adressat: verwaltung', 'ebene: bund', 'fallzahl: 5', 'zeit: berechnungen komplex']),
      'komplex',
      'Die Zeitwerttabelle Verwaltung des Leitfadens nennt für „berechnungen“ keinen Wert „komplex“: die Minuten direkt angeben (z. B. „240 min“).',
    );
    expectOne(one(['adressat: buerger', 'fallzahl: 5', 'zeit: formulare ausfuellen mittel']), 'formulare ausfuellen', 'Unbekannte Standardtätigkeit „formulare ausfuellen“ für Bürgerinnen und Bürger – meinten Sie „formulare-ausfuellen“? Tätigkeiten: sich-vertraut-machen, beratung, daten-sammeln, daten-aufbereiten, formulare-ausfuellen, schriftstuecke-aufsetzen, uebermitteln, zahlungen, kopieren-abspeichern, pruefung-durch-stellen, rueckfragen.', { fix: 'formulare-ausfuellen' });
  });

  it('keys without effect for the addressee are warnings; the annotation is still computed', () => {
    const text = one(['adressat: buerger', 'lohnsatz: 40', 'ebene: bund', 'fallzahl: 60', 'zeit: 10 min']);
    const ds = aufwandDiagnostics(text);
    assert.deepEqual(
      ds.map((d) => [d.severity, d.message, JSON.stringify(d.range)]),
      [
        [DiagnosticSeverity.Warning, '„lohnsatz“ bleibt bei adressat: buerger ohne Wirkung: der Leitfaden Erfüllungsaufwand bewertet die Zeit der Bürgerinnen und Bürger nicht in Euro.', JSON.stringify(rangeOf(text, 'lohnsatz'))],
        [DiagnosticSeverity.Warning, '„ebene“ gilt nur für adressat: verwaltung und bleibt bei adressat: buerger ohne Wirkung.', JSON.stringify(rangeOf(text, 'ebene'))],
      ],
    );
    assert.deepEqual(posten(report(text), 'Meldung').ergebnis, { stunden: 10, euro: 0 });
  });

  it('„fallzahl: 16 einmalig“ without „art: einmalig“: a warning with a suggestion that adds the line', () => {
    const text = one(['adressat: verwaltung', 'ebene: land', 'fallzahl: 16 einmalig', 'zeit: 10 h']);
    const d = expectOne(text, '16 einmalig', '„fallzahl: 16 einmalig“ nennt einen einmaligen Aufwand, die Angabe wird aber als jährlich gerechnet: „art: einmalig“ angeben.', {
      severity: DiagnosticSeverity.Warning,
      suggestion: '„art: einmalig“ ergänzen',
    });
    const fixed = applyEdits(text, d.data.suggestions?.[0]?.edits ?? []).text;
    assert.ok(fixed.includes('  zeit: 10 h\n  art: einmalig\n'), fixed);
    assert.deepEqual(aufwandDiagnostics(fixed), []);
    assert.equal(posten(report(fixed), 'Meldung').art, 'einmalig');
  });

  it('an annotation without a name is a warning and is listed under its unit', () => {
    const text = one(['adressat: buerger', 'fallzahl: 60', 'zeit: 10 min'], '');
    expectOne(text, '@aufwand', '@aufwand ohne Bezeichnung: nach „@aufwand“ die Vorgabe nennen (z. B. „@aufwand Anmeldung einer Wohnung“); der Kostenbericht führt sie unter diesem Namen.', { severity: DiagnosticSeverity.Warning });
    assert.equal(report(text).posten[0].bezeichnung, '§ 1 Absatz 1');
  });

  it('annotations with errors are left out of the sums', () => {
    const r = report(one(['adressat: buerger', 'fallzahl: viele', 'zeit: 10 min']));
    assert.equal(r.posten.length, 0);
    assert.equal(r.jaehrlich.buerger.stunden, 0);
  });

  it('other annotation names get no finding (reserved for later)', () => {
    const text = law(['§ 1 Pflichten', 'Text.', '@regel Prüfung', '  wenn: immer', '@test Fall 1', '  erwartet: ja', inkraft(2)]);
    assert.deepEqual(aufwandDiagnostics(text), []);
  });

  it('messages in English', () => {
    const s = createLanguageService({ locale: 'en' });
    const text = one(['adressat: buerger', 'fallzahl: 5', 'zeit: 30']);
    s.open(URI, text);
    const d = s.getDiagnostics(URI).filter((x) => x.code === 'aufwand');
    assert.deepEqual(d.map((x) => x.message), ['"30": unit missing – write "min" or "h".']);
  });

  it('the rule can be configured like any other', () => {
    const s = service(JSON.stringify({ rules: { aufwand: 'warnung' } }));
    const text = one(['adressat: buerger', 'fallzahl: 5', 'zeit: 30']);
    s.open(URI, text);
    assert.deepEqual(s.getDiagnostics(URI).filter((x) => x.code === 'aufwand').map((x) => x.severity), [DiagnosticSeverity.Warning]);
  });
});

describe('Erfüllungsaufwand: incremental recomputation', () => {
  it('editing one annotation recomputes only that annotation; the sums follow', () => {
    const s = service();
    s.open(URI, DRAFT, 1);
    const before = costReportJson(s.getCostReport([URI]));
    assert.equal(before.jaehrlich.verwaltung.laender, 52_039.5);
    const n0 = costStats.annotationsComputed;
    // „fallzahl: 2.000“ of „Bescheide“ (§ 3 has five annotations) becomes 3.000
    const r = rangeOf(DRAFT, '2.000');
    s.update(URI, [{ range: { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } }, text: '3' }], 2);
    const after = costReportJson(s.getCostReport([URI]));
    assert.equal(costStats.annotationsComputed - n0, 1, 'one annotation recomputed');
    assert.equal(after.jaehrlich.verwaltung.laender, 1039.5 + 76_500);
    assert.deepEqual(after.jaehrlich.buerger, before.jaehrlich.buerger);
    // typing in the text of a § recomputes nothing
    const t = rangeOf(DRAFT, 'Der Bund führt');
    const n1 = costStats.annotationsComputed;
    s.update(URI, [{ range: { start: t.start, end: t.start }, text: 'x' }], 3);
    s.getCostReport([URI]);
    assert.equal(costStats.annotationsComputed - n1, 0);
  });

  it('a changed config recomputes with the new tables', () => {
    const files: Record<string, string> = { [CONFIG_PATH]: '{}' };
    const s = createLanguageService({ fileSystem: memFs(files) });
    s.open(URI, DRAFT);
    assert.equal(costReportJson(s.getCostReport([URI])).jaehrlich.verwaltung.laender, 52_039.5);
    files[CONFIG_PATH] = JSON.stringify({ kosten: { lohnsaetze: { verwaltung: { kommune: { 'einfach-mittel': 30 } } } } });
    s.configs?.invalidate();
    assert.equal(costReportJson(s.getCostReport([URI])).jaehrlich.verwaltung.laender, 61_039.5);
  });
});

describe('Erfüllungsaufwand in the editor: inlay hints, code lenses, hover, completion', () => {
  const s = service();
  before(() => s.open(URI, DRAFT));
  const all = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

  it('an inlay hint at the end of each @aufwand line with its result', () => {
    const hints = s.getInlayHints(URI, all);
    assert.equal(hints.length, 11);
    const h = hints[0];
    const line = rangeOf(DRAFT, '@aufwand Anmeldung').start.line;
    assert.deepEqual(h.position, { line, character: '@aufwand Anmeldung'.length });
    assert.equal(h.label, '≈ 560.000 h/Jahr Bürger · 12 Mio. € Sachkosten');
    const labels = hints.map((x) => x.label);
    assert.ok(labels.includes('≈ 128.016 €/Jahr Wirtschaft (Bürokratiekosten)'));
    assert.ok(labels.includes('≈ 16.160 € einmalig Verwaltung (Bund)'));
    assert.ok(labels.includes('≈ −30.880 €/Jahr Wirtschaft'));
    // only the lines asked for
    assert.equal(s.getInlayHints(URI, { start: { line, character: 0 }, end: { line, character: 99 } }).length, 1);
  });

  it('an annotation with errors: a hint that says so', () => {
    const t = service();
    const text = law(['§ 1 Pflichten', 'Text.', '@aufwand Meldung', '  adressat: buerger', inkraft(2)]);
    t.open(URI, text);
    assert.deepEqual(t.getInlayHints(URI, all).map((x) => x.label), ['Erfüllungsaufwand nicht berechnet: Angaben fehlerhaft']);
  });

  it('code lenses: the draft at the top, each § with @aufwand at its heading', () => {
    const lenses = s.getCodeLenses(URI);
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [0, 'Erfüllungsaufwand des Entwurfs: ≈ 560.000 h/Jahr Bürger · 12 Mio. €/Jahr Sachkosten Bürger · 121.436 €/Jahr Wirtschaft · 57.350 €/Jahr Verwaltung · 1 Mio. h einmalig Bürger · 3,7 Mio. € einmalig Sachkosten Bürger · 52.800 € einmalig Wirtschaft · 16.160 € einmalig Verwaltung'],
        [rangeOf(DRAFT, '§ 1 Anmeldung').start.line, 'Erfüllungsaufwand § 1: ≈ 560.000 h/Jahr Bürger · 12 Mio. €/Jahr Sachkosten Bürger · 1 Mio. h einmalig Bürger · 3,7 Mio. € einmalig Sachkosten Bürger'],
        [rangeOf(DRAFT, '§ 2 Meldungen').start.line, 'Erfüllungsaufwand § 2: ≈ 121.436 €/Jahr Wirtschaft · 52.800 € einmalig Wirtschaft'],
        [rangeOf(DRAFT, '§ 3 Vollzug').start.line, 'Erfüllungsaufwand § 3: ≈ 57.350 €/Jahr Verwaltung · 16.160 € einmalig Verwaltung'],
      ],
    );
    assert.equal(lenses[1].command?.command, 'norma.erfuellungsaufwand');
    assert.deepEqual(lenses[1].command?.arguments, [URI, 'art-z1']);
  });

  it('the hover on an @aufwand shows the whole calculation with each factor and its source', () => {
    const p = rangeOf(DRAFT, 'qualifikation: hoch').start;
    const h = s.getCostHover(URI, p);
    assert.ok(h);
    const md = (h.contents as { value: string }).value;
    assert.ok(md.startsWith('**Erfüllungsaufwand: Jährliche Meldung**\n\nWirtschaft · jährlich · § 2 Absatz 1'), md);
    assert.ok(md.includes('| Fallzahl | 4.800 | `fallzahl` |'), md);
    assert.ok(md.includes('| Minuten je Fall (Zeit) | 21 | berechnungen mittel 20 min + ueberpruefung einfach 1 min (Standardzeitwerte für die Wirtschaft, Leitfaden Erfüllungsaufwand, Stand 2025, ungeprüfte Übertragung) |'), md);
    assert.ok(md.includes('| Lohnsatz | 76,20 €/h | Wirtschaftszweig C „Verarbeitendes Gewerbe“, Qualifikation hoch (Lohnkostensätze der Wirtschaft nach Wirtschaftszweig (WZ 2008) und Qualifikationsniveau, Leitfaden Erfüllungsaufwand, Stand 2025) |'), md);
    assert.ok(md.includes('4.800 × (21 min ÷ 60 × 76,20 €/h + 0,00 €) = **128.016 €**'), md);
    assert.ok(md.includes('Davon Bürokratiekosten aus Informationspflichten: 128.016 €'), md);
    assert.deepEqual(h.range, { start: rangeOf(DRAFT, '@aufwand Jährliche Meldung').start, end: rangeOf(DRAFT, 'berechnungen mittel, ueberpruefung einfach').end });
  });

  it('the hover for Bürger gives hours, Wege with their source; on a § heading the §’s posten', () => {
    const md = (s.getCostHover(URI, rangeOf(DRAFT, 'wege: kreis').start)?.contents as { value: string }).value;
    assert.ok(md.includes('| Wege | 22 min, 3,10 € | Kreis (Wegezeiten und Wegekosten je Fall, Leitfaden Erfüllungsaufwand, Stand 2025) |'), md);
    assert.ok(md.includes('Zeit: 1.200.000 × 52 min ÷ 60 = **1.040.000 h**'), md);
    assert.ok(md.includes('Die Zeit der Bürgerinnen und Bürger wird nicht in Euro bewertet.'), md);
    const head = (s.getCostHover(URI, rangeOf(DRAFT, '§ 3 Vollzug').start)?.contents as { value: string }).value;
    assert.ok(head.startsWith('**Erfüllungsaufwand § 3**'), head);
    assert.ok(head.includes('| Bescheide | 51.000 €/Jahr Verwaltung (Kommunen) |'), head);
    assert.equal(s.getCostHover(URI, rangeOf(DRAFT, 'Der Bund führt').start), undefined);
  });

  function complete(text: string, marker = '|'): string[] {
    const t = service();
    const at = text.indexOf(marker);
    const clean = text.slice(0, at) + text.slice(at + marker.length);
    t.open(URI, clean);
    const before = clean.slice(0, at);
    const position = { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
    return t.getAnnotationCompletions(URI, position).map((c) => c.label);
  }

  it('completion of keys not yet used, for the addressee', () => {
    const keys = complete(law(['§ 1 Pflichten', 'Text.', '@aufwand Meldung', '  adressat: wirtschaft', '  |', inkraft(2)]));
    assert.deepEqual(keys, ['wirtschaftszweig', 'qualifikation', 'art', 'fallzahl', 'zeit', 'lohnsatz', 'sachkosten', 'informationspflicht', 'wege']);
  });

  it('completion of values: adressat, ebene, wirtschaftszweig, laufbahn, wege', () => {
    const at = (entry: string): string[] => complete(law(['§ 1 Pflichten', 'Text.', '@aufwand Meldung', '  adressat: verwaltung', `  ${entry}`, inkraft(2)]));
    assert.deepEqual(at('ebene: |'), ['bund', 'land', 'kommune', 'sozialversicherung']);
    assert.deepEqual(at('laufbahn: ge|'), ['einfach-mittel', 'gehoben', 'hoeher', 'durchschnitt']);
    assert.deepEqual(at('wege: |'), ['gemeinde', 'kreis', 'land', 'durchschnitt']);
    assert.equal(at('wirtschaftszweig: |').length, 19);
  });

  it('completion in zeit: the activities of the addressee, then their complexity with minutes', () => {
    const base = (zeit: string): string => law(['§ 1 Pflichten', 'Text.', '@aufwand Meldung', '  adressat: buerger', `  zeit: ${zeit}`, inkraft(2)]);
    const acts = complete(base('|'));
    assert.equal(acts.length, 11);
    assert.equal(acts[0], 'sich-vertraut-machen');
    assert.deepEqual(complete(base('formulare-ausfuellen mittel, |')), acts);
    assert.deepEqual(complete(base('formulare-ausfuellen |')), ['einfach', 'mittel', 'komplex']);
    const t = service();
    const text = base('formulare-ausfuellen ');
    t.open(URI, text);
    const line = rangeOf(text, '  zeit:').start.line;
    const items = t.getAnnotationCompletions(URI, { line, character: '  zeit: formulare-ausfuellen '.length });
    assert.deepEqual(items.map((i) => i.detail), ['3 min', '6 min', '60 min']);
  });

  it('no completion outside an @aufwand', () => {
    assert.deepEqual(complete(law(['§ 1 Pflichten', 'Te|xt.', inkraft(2)])), []);
  });
});

describe('Erfüllungsaufwand: the activity tables of docs/language.md are those of data/erfuellungsaufwand.json', () => {
  it('every activity id with its row and minutes, in the order of the data file', () => {
    const md = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'language.md'), 'utf8');
    const rows = [...md.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \| (\d+) \| (\d+) \| (\d+|–) \|$/gm)].map((m) => [m[1], m[2], Number(m[3]), Number(m[4]), m[5] === '–' ? null : Number(m[5])]);
    const want = (['buerger', 'wirtschaft', 'verwaltung'] as const).flatMap((a) => COST_DATA_FILE.zeitwerte[a].taetigkeiten.map((t) => [t.id, t.bezeichnung, t.einfach, t.mittel, t.komplex]));
    assert.deepEqual(rows, want);
  });
});
