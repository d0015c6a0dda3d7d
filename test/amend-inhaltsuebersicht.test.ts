/**
 * Änderungsbefehle on the Inhaltsübersicht („Die Inhaltsübersicht wird wie
 * folgt geändert: a) Nach der Angabe zu § 2 wird folgende Angabe eingefügt:
 * …“): the forms read, the new version's Inhaltsübersicht, the checks
 * against the amended law's entries (rules aenderung-ziel-fehlt,
 * aenderung-nummer, aenderung-text-*), rule aenderung-inhaltsuebersicht (a
 * unit the draft inserts, repeals or retitles without its Angabe) with its
 * suggestion, the Synopse row, the LegalDocML.de export (valid, the round
 * trip gives the same commands) and the Bundesmeldegesetz.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits, createLanguageService, type NormaDiagnostic } from '../server/src/service/index';
import { amendAnalysis, newVersions, parseCommand, synopse } from '../server/src/service/amend';
import { importXml } from '../server/src/service/import';
import { parseXml, findAll, type XElement } from '../server/src/service/import/xml';
import { amendingDraft, ERPROBUNGSGESETZ, erprobungsgesetz } from './amend-helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA = path.resolve(ROOT, '..', 'shared', 'schemas', 'validate-regelungstext-entwurfsfassung.xsd');

/** A small law with an Inhaltsübersicht. */
const ZIEL = erprobungsgesetz([
  'Inhaltsübersicht',
  '  Abschnitt 1 Allgemeines',
  '    § 1 Anwendungsbereich',
  '    § 2 Zuständigkeit und Verfahren',
  '  Abschnitt 2 Schlussvorschriften',
  '    § 3 Übergangsvorschrift zur Anmeldung und zur Anmeldung',
  '    § 4 Inkrafttreten',
  '',
  'Abschnitt 1 Allgemeines',
  '',
  '§ 1 Anwendungsbereich',
  'Dieses Gesetz gilt für die Anmeldung einer Wohnung.',
  '',
  '§ 2 Zuständigkeit und Verfahren',
  'Zuständig ist die Meldebehörde.',
  '',
  'Abschnitt 2 Schlussvorschriften',
  '',
  '§ 3 Übergangsvorschrift zur Anmeldung und zur Anmeldung',
  'Bis zum 31. Dezember 2027 ist die Anmeldung schriftlich.',
  '',
  '§ 4 Inkrafttreten',
  'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
]);

const Z = 'file:///ws/erprg.norma';
const E = 'file:///ws/entwurf.norma';

interface Run {
  text: string;
  diags: NormaDiagnostic[];
  neu: string;
  ls: ReturnType<typeof createLanguageService>;
}

function run(commands: string[], ziel = ZIEL): Run {
  const ls = createLanguageService();
  ls.open(Z, ziel);
  const text = amendingDraft(ERPROBUNGSGESETZ, commands);
  ls.open(E, text);
  const diags = ls.getDiagnostics(E, 'de').filter((d) => String(d.code).startsWith('aenderung-') && d.code !== 'aenderung-neufassung');
  return { text, diags, neu: newVersions(ls.getModel(E), ls.refContext)[0]?.text ?? '', ls };
}

const fmt = (d: NormaDiagnostic): string => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;

/** The Inhaltsübersicht of a new version, as its lines. */
function toc(neu: string): string[] {
  const lines = neu.split('\n');
  const i = lines.indexOf('Inhaltsübersicht');
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < lines.length && lines[j].startsWith(' '); j++) out.push(lines[j]);
  return out;
}

describe('amend: Befehle auf die Inhaltsübersicht — Grammatik', () => {
  const cases: [string, string, string][] = [
    // sentence, type, target
    ['Die Inhaltsübersicht wird wie folgt geändert:', 'geaendert', 'inhaltsuebersicht'],
    ['Nach der Angabe zu § 23 wird folgende Angabe eingefügt:', 'eingefuegt nach', 'inhaltsuebersicht angabe:paragraph 23'],
    ['Vor der Angabe zu § 1 wird folgende Angabe eingefügt:', 'eingefuegt vor', 'inhaltsuebersicht angabe:paragraph 1'],
    ['Nach der Angabe zu § 55 werden die folgenden Angaben eingefügt:', 'eingefuegt nach', 'inhaltsuebersicht angabe:paragraph 55'],
    ['Die Angabe zu § 17 wird wie folgt gefasst:', 'gefasst', 'inhaltsuebersicht angabe:paragraph 17'],
    ['Die Angabe zu Abschnitt 3 wird durch die folgende Angabe ersetzt:', 'ersetzt', 'inhaltsuebersicht angabe:gliederung 3'],
    ['Die Angaben zu den §§ 10 bis 12 werden durch die folgenden Angaben ersetzt:', 'ersetzt', 'inhaltsuebersicht angabe:paragraph 10-12'],
    ['Die Angabe zu § 9 wird durch die Angabe „§ 9 (weggefallen)“ ersetzt.', 'ersetzt', 'inhaltsuebersicht angabe:paragraph 9'],
    ['Die Angabe zu § 5 wird gestrichen.', 'gestrichen', 'inhaltsuebersicht angabe:paragraph 5'],
    ['Die Angabe zur Anlage 2 wird aufgehoben.', 'aufgehoben', 'inhaltsuebersicht angabe:anlage 2'],
    ['Die Angabe zu Teil 2 Kapitel 1 wird wie folgt gefasst:', 'gefasst', 'inhaltsuebersicht angabe:gliederung 1'],
    ['In der Angabe zu § 3 wird das Wort „Daten“ durch das Wort „Angaben“ ersetzt.', 'woerter', 'inhaltsuebersicht angabe:paragraph 3'],
    ['In den Angaben zu den §§ 3 und 4 wird jeweils das Wort „Daten“ durch das Wort „Angaben“ ersetzt.', 'woerter', 'inhaltsuebersicht angabe:paragraph 3,4'],
    ['Folgende Angabe wird angefügt:', 'angefuegt', 'inhaltsuebersicht'],
    ['Der Inhaltsübersicht wird folgende Angabe angefügt:', 'angefuegt', 'inhaltsuebersicht'],
    ['In der Inhaltsübersicht wird die Angabe zu § 5 wie folgt gefasst:', 'gefasst', 'inhaltsuebersicht angabe:paragraph 5'],
    ['In der Inhaltsübersicht wird nach der Angabe zu § 23 folgende Angabe eingefügt:', 'eingefuegt nach', 'inhaltsuebersicht angabe:paragraph 23'],
    ['In der Inhaltsübersicht wird die Angabe zu § 5 durch die folgende Angabe ersetzt:', 'ersetzt', 'inhaltsuebersicht angabe:paragraph 5'],
    ['In der Inhaltsübersicht wird die Angabe zu § 5 gestrichen.', 'gestrichen', 'inhaltsuebersicht angabe:paragraph 5'],
    ['In der Inhaltsübersicht wird in der Angabe zu § 3 das Wort „Daten“ durch das Wort „Angaben“ ersetzt.', 'woerter', 'inhaltsuebersicht angabe:paragraph 3'],
    ['In der Inhaltsübersicht werden die Wörter „der Daten“ durch die Wörter „von Daten“ ersetzt.', 'woerter', 'inhaltsuebersicht'],
    ['Die Inhaltsübersicht wird wie folgt gefasst:', 'gefasst', 'inhaltsuebersicht'],
    ['Die Inhaltsübersicht wird aufgehoben.', 'aufgehoben', 'inhaltsuebersicht'],
  ];
  for (const [sentence, type, target] of cases) {
    it(sentence, () => {
      const ast = parseCommand(sentence);
      assert.ok(ast, 'gelesen');
      const side = 'side' in ast ? ` ${ast.side}` : '';
      assert.equal(`${ast.type}${side}`, type);
      const path = 'path' in ast ? ast.path : [];
      const t = path.map((l) => (l.kind === 'angabe' && l.of ? `angabe:${l.of.kind} ${l.of.values.join(l.of.range ? '-' : ',')}` : l.kind)).join(' ');
      assert.equal(t, target);
    });
  }

  it('die Formen ohne „Angabe zu“ bleiben, was sie waren: die Angabe „50“ ist ein Wortlaut', () => {
    const ast = parseCommand('In Nummer 4 wird die Angabe „50“ durch die Angabe „30“ ersetzt.');
    assert.equal(ast?.type, 'woerter');
    assert.equal('path' in ast && ast.path[0].kind, 'nummer');
  });
});

describe('amend: Befehle auf die Inhaltsübersicht — angewandt und geprüft', function () {
  this.timeout(60_000);

  it('alle Verben in einem Befehl „Die Inhaltsübersicht wird wie folgt geändert:“: die neue Inhaltsübersicht, keine Befunde', () => {
    const r = run([
      '1. Die Inhaltsübersicht wird wie folgt geändert:',
      '  a) Nach der Angabe zu § 1 wird folgende Angabe eingefügt: „§ 1a Begriffsbestimmungen“.',
      '  b) Die Angabe zu § 2 wird durch die folgende Angabe ersetzt:',
      '    „§ 2 Zuständigkeit“.',
      '  c) In der Angabe zu Abschnitt 2 wird das Wort „Schlussvorschriften“ durch die Wörter „Übergangs- und Schlussvorschriften“ ersetzt.',
      '  d) Die Angabe zu § 3 wird durch die Angabe „§ 3 (weggefallen)“ ersetzt.',
      '  e) Nach der Angabe zu § 4 werden die folgenden Angaben eingefügt:',
      '    „Abschnitt 3 Evaluierung',
      '    § 5 Bericht“.',
      '2. Nach § 1 wird folgender § 1a eingefügt:',
      '  „§ 1a Begriffsbestimmungen',
      '  Wohnung ist jeder umschlossene Raum.“',
      '3. Die Überschrift des § 2 wird durch die folgende Überschrift ersetzt: „Zuständigkeit“.',
      '4. Die Überschrift des Abschnitts 2 wird durch die folgende Überschrift ersetzt: „Übergangs- und Schlussvorschriften“.',
      '5. § 3 wird aufgehoben.',
      '6. Nach Abschnitt 2 wird folgender Abschnitt 3 eingefügt:',
      '  „Abschnitt 3 Evaluierung',
      '  § 5 Bericht',
      '  Die Bundesregierung berichtet.“',
    ]);
    assert.deepEqual(r.diags.map(fmt), []);
    assert.deepEqual(toc(r.neu), [
      '  Abschnitt 1 Allgemeines',
      '    § 1 Anwendungsbereich',
      '    § 1a Begriffsbestimmungen',
      '    § 2 Zuständigkeit',
      '  Abschnitt 2 Übergangs- und Schlussvorschriften',
      '    § 3 (weggefallen)',
      '    § 4 Inkrafttreten',
      '  Abschnitt 3 Evaluierung',
      '    § 5 Bericht',
    ]);
  });

  it('Befehle auf die Inhaltsübersicht als eigene Nummern („In der Inhaltsübersicht wird …“); streichen, anfügen, voranstellen', () => {
    const r = run([
      '1. In der Inhaltsübersicht wird die Angabe zu § 4 gestrichen.',
      '2. In der Inhaltsübersicht wird folgende Angabe angefügt: „§ 4 Inkrafttreten, Außerkrafttreten“.',
      '3. § 4 wird durch den folgenden § 4 ersetzt:',
      '  „§ 4 Inkrafttreten, Außerkrafttreten',
      '  Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.“',
    ]);
    assert.deepEqual(r.diags.map(fmt), []);
    assert.deepEqual(toc(r.neu).slice(-2), ['    § 3 Übergangsvorschrift zur Anmeldung und zur Anmeldung', '    § 4 Inkrafttreten, Außerkrafttreten']);
  });

  it('die Prüfungen gegen die Inhaltsübersicht: Angabe fehlt, Nummer belegt und außer der Reihe, Wortlaut fehlt und mehrdeutig', () => {
    const r = run([
      '1. Die Inhaltsübersicht wird wie folgt geändert:',
      '  a) Die Angabe zu § 9 wird gestrichen.',
      '  b) Nach der Angabe zu § 1 wird folgende Angabe eingefügt: „§ 2 Doppelt“.',
      '  c) Nach der Angabe zu § 3 wird folgende Angabe eingefügt: „§ 1b Außer der Reihe“.',
      '  d) In der Angabe zu § 1 wird das Wort „Geltungsbereich“ durch das Wort „Bereich“ ersetzt.',
      '  e) In der Angabe zu § 3 wird das Wort „Anmeldung“ durch das Wort „Meldung“ ersetzt.',
    ]);
    assert.deepEqual(
      r.diags.filter((d) => d.code !== 'aenderung-inhaltsuebersicht').map(fmt),
      [
        '8:6 aenderung-ziel-fehlt „Inhaltsübersicht, Angabe zu § 9 (ErprG)“ gibt es nicht: nächste: Angabe zu § 4.',
        '9:6 aenderung-nummer Die Angabe zu § 2 gibt es in der Inhaltsübersicht schon: die eingefügte Einheit braucht eine freie Nummer.',
        '10:6 aenderung-nummer Die Angabe zu § 1b steht in der Inhaltsübersicht nicht an seiner Stelle: die Nummer liegt nicht zwischen 3 und 4.',
        '11:42 aenderung-text-fehlt „Geltungsbereich“ steht nicht in Inhaltsübersicht, Angabe zu § 1. Der Wortlaut dort: „§ 1 Anwendungsbereich“',
        '12:42 aenderung-text-mehrdeutig „Anmeldung“ steht 2-mal in Inhaltsübersicht, Angabe zu § 3: der Befehl ist mehrdeutig (die Stelle nennen oder „jeweils“).',
      ],
    );
  });

  it('ein Gesetz ohne Inhaltsübersicht: der Befehl hat kein Ziel; ein neuer § verlangt dort keine Angabe', () => {
    const ohne = ZIEL.replace(/Inhaltsübersicht\n(?: {2,}.*\n)+\n/, '');
    assert.ok(!ohne.includes('Inhaltsübersicht'));
    const r = run(['1. In der Inhaltsübersicht wird nach der Angabe zu § 1 folgende Angabe eingefügt: „§ 1a Neu“.', '2. Nach § 1 wird folgender § 1a eingefügt:', '  „§ 1a Neu', '  Text.“'], ohne);
    assert.deepEqual(r.diags.map(fmt), ['7:4 aenderung-ziel-fehlt „Inhaltsübersicht (ErprG)“ gibt es nicht: das Gesetz hat keine Inhaltsübersicht.']);
  });
});

describe('amend: Regel aenderung-inhaltsuebersicht (H5) mit Vorschlag', function () {
  this.timeout(60_000);

  /** The draft after the first suggestion of the first finding of rule aenderung-inhaltsuebersicht. */
  function suggested(r: Run): string {
    const d = r.diags.find((x) => x.code === 'aenderung-inhaltsuebersicht');
    assert.ok(d, 'Befund');
    const s = d.data?.suggestions?.[0];
    assert.ok(s, 'Vorschlag');
    return applyEdits(r.text, s.edits).text;
  }

  function rerun(text: string): NormaDiagnostic[] {
    const ls = createLanguageService();
    ls.open(Z, ZIEL);
    ls.open(E, text);
    return ls.getDiagnostics(E, 'de').filter((d) => String(d.code).startsWith('aenderung-') && d.code !== 'aenderung-neufassung');
  }

  it('ein neuer § ohne Angabe: Warnung am Befehl, der ihn einfügt; der Vorschlag fügt vor Nummer 1 den Befehl ein und zählt die Nummern weiter', () => {
    const r = run(['1. Nach § 1 wird folgender § 1a eingefügt:', '  „§ 1a Begriffsbestimmungen', '  Wohnung ist jeder umschlossene Raum.“', '2. In § 2 wird das Wort „Meldebehörde“ durch das Wort „Behörde“ ersetzt.']);
    assert.deepEqual(r.diags.map(fmt), [
      '7:4 aenderung-inhaltsuebersicht § 1a ist nach den Änderungen neu, aber die Inhaltsübersicht (ErprG) hat keine Angabe zu § 1a: es fehlt ein Befehl, der „§ 1a Begriffsbestimmungen“ in die Inhaltsübersicht einfügt.',
    ]);
    assert.equal(r.diags[0].data?.suggestions?.[0].title, 'Befehl zur Inhaltsübersicht ergänzen: „In der Inhaltsübersicht wird nach der Angabe zu § 1 folgende Angabe eingefügt: „§ 1a Begriffsbestimmungen“.“');
    const text = suggested(r);
    assert.deepEqual(text.split('\n').slice(6, 11), [
      '1. In der Inhaltsübersicht wird nach der Angabe zu § 1 folgende Angabe eingefügt: „§ 1a Begriffsbestimmungen“.',
      '2. Nach § 1 wird folgender § 1a eingefügt:',
      '  „§ 1a Begriffsbestimmungen',
      '  Wohnung ist jeder umschlossene Raum.“',
      '3. In § 2 wird das Wort „Meldebehörde“ durch das Wort „Behörde“ ersetzt.',
    ]);
    assert.deepEqual(rerun(text).map(fmt), []);
  });

  it('mit einem Befehl „Die Inhaltsübersicht wird wie folgt geändert:“: der Vorschlag fügt den nächsten Buchstaben an', () => {
    const r = run([
      '1. Die Inhaltsübersicht wird wie folgt geändert:',
      '  a) Die Angabe zu § 2 wird durch die folgende Angabe ersetzt: „§ 2 Zuständigkeit“.',
      '2. Die Überschrift des § 2 wird durch die folgende Überschrift ersetzt: „Zuständigkeit“.',
      '3. Nach § 3 wird folgender § 3a eingefügt:',
      '  „§ 3a Evaluierung',
      '  Das Gesetz wird evaluiert.“',
    ]);
    assert.deepEqual(r.diags.map(fmt), [
      '10:4 aenderung-inhaltsuebersicht § 3a ist nach den Änderungen neu, aber die Inhaltsübersicht (ErprG) hat keine Angabe zu § 3a: es fehlt ein Befehl, der „§ 3a Evaluierung“ in die Inhaltsübersicht einfügt.',
    ]);
    const text = suggested(r);
    assert.deepEqual(text.split('\n').slice(6, 9), [
      '1. Die Inhaltsübersicht wird wie folgt geändert:',
      '  a) Die Angabe zu § 2 wird durch die folgende Angabe ersetzt: „§ 2 Zuständigkeit“.',
      '  b) Nach der Angabe zu § 3 wird folgende Angabe eingefügt: „§ 3a Evaluierung“.',
    ]);
    assert.deepEqual(rerun(text).map(fmt), []);
  });

  it('die symmetrischen Fälle: aufgehobener § (Angabe „(weggefallen)“), geänderte Überschrift, gestrichener §, Angabe ohne §', () => {
    const r = run([
      '1. § 3 wird aufgehoben.',
      '2. Die Überschrift des § 2 wird durch die folgende Überschrift ersetzt: „Zuständigkeit“.',
      '3. § 1 wird gestrichen.',
      '4. In der Inhaltsübersicht wird nach der Angabe zu § 4 folgende Angabe eingefügt: „§ 5 Bericht“.',
    ]);
    assert.deepEqual(r.diags.map(fmt), [
      '7:4 aenderung-inhaltsuebersicht § 3 wird aufgehoben, aber die Angabe zu § 3 in der Inhaltsübersicht (ErprG) lautet weiter „§ 3 Übergangsvorschrift zur Anmeldung und zur Anmeldung“ (statt „§ 3 (weggefallen)“).',
      '8:4 aenderung-inhaltsuebersicht Die Angabe zu § 2 in der Inhaltsübersicht (ErprG) lautet nach den Änderungen „§ 2 Zuständigkeit und Verfahren“, die Überschrift von § 2 aber „Zuständigkeit“.',
      '9:4 aenderung-inhaltsuebersicht § 1 gibt es nach den Änderungen nicht mehr, die Inhaltsübersicht (ErprG) hat aber weiter eine Angabe zu § 1.',
      '10:4 aenderung-inhaltsuebersicht Die Inhaltsübersicht (ErprG) nennt nach den Änderungen „§ 5 Bericht“, aber § 5 gibt es im Gesetz nicht.',
    ]);
    const titles = r.diags.map((d) => d.data?.suggestions?.[0]?.title ?? '–');
    assert.deepEqual(titles, [
      'Befehl zur Inhaltsübersicht ergänzen: „In der Inhaltsübersicht wird die Angabe zu § 3 durch die folgende Angabe ersetzt: „§ 3 (weggefallen)“.“',
      'Befehl zur Inhaltsübersicht ergänzen: „In der Inhaltsübersicht wird die Angabe zu § 2 durch die folgende Angabe ersetzt: „§ 2 Zuständigkeit“.“',
      'Befehl zur Inhaltsübersicht ergänzen: „In der Inhaltsübersicht wird die Angabe zu § 1 gestrichen.“',
      '–',
    ]);
  });

  it('beim Bearbeiten: nach Änderungen eines Befehls auf die Inhaltsübersicht und eines § dieselbe neue Fassung und dieselben Befunde wie neu berechnet', () => {
    const cmds = [
      '1. Die Inhaltsübersicht wird wie folgt geändert:',
      '  a) Nach der Angabe zu § 1 wird folgende Angabe eingefügt: „§ 1a Begriffsbestimmungen“.',
      '2. Nach § 1 wird folgender § 1a eingefügt:',
      '  „§ 1a Begriffsbestimmungen',
      '  Wohnung ist jeder umschlossene Raum.“',
      '3. In § 2 wird das Wort „Meldebehörde“ durch das Wort „Behörde“ ersetzt.',
    ];
    const r = run(cmds);
    assert.deepEqual(r.diags.map(fmt), []);
    const lines = r.text.split('\n');
    const edits: [number, string][] = [
      [7, '  a) Nach der Angabe zu § 1 wird folgende Angabe eingefügt: „§ 1a Begriffe“.'],
      [11, '3. In § 2 wird das Wort „Meldebehörde“ durch das Wort „Stelle“ ersetzt.'],
      [9, '  „§ 1a Begriffe'],
    ];
    let version = 1;
    for (const [line, text] of edits) {
      r.ls.update(E, [{ range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, text }], version++);
      lines[line] = text;
      const fresh = createLanguageService();
      fresh.open(Z, ZIEL);
      fresh.open(E, lines.join('\n'));
      const d = (l: ReturnType<typeof createLanguageService>): string[] => l.getDiagnostics(E, 'de').filter((x) => String(x.code).startsWith('aenderung-') && x.code !== 'aenderung-neufassung').map(fmt);
      assert.deepEqual(d(r.ls), d(fresh));
      assert.equal(newVersions(r.ls.getModel(E), r.ls.refContext)[0].text, newVersions(fresh.getModel(E), fresh.refContext)[0].text);
    }
    // after the first edit the Angabe and the § disagree, after the last they agree again
    assert.match(newVersions(r.ls.getModel(E), r.ls.refContext)[0].text, /\n {4}§ 1a Begriffe\n/);
  });

  it('was das Gesetz schon vorher falsch hatte, wird nicht gemeldet', () => {
    const falsch = ZIEL.replace('    § 2 Zuständigkeit und Verfahren\n', '    § 2 Zuständigkeit\n');
    const r = run(['1. In § 2 wird das Wort „Meldebehörde“ durch das Wort „Behörde“ ersetzt.'], falsch);
    assert.deepEqual(r.diags.map(fmt), []);
  });
});

describe('amend: Inhaltsübersicht in Synopse und LegalDocML.de-Export', function () {
  this.timeout(120_000);
  const commands = [
    '1. Die Inhaltsübersicht wird wie folgt geändert:',
    '  a) Nach der Angabe zu § 1 wird folgende Angabe eingefügt: „§ 1a Begriffsbestimmungen“.',
    '  b) Die Angaben zu den §§ 3 und 4 werden durch die folgenden Angaben ersetzt:',
    '    „§ 3 (weggefallen)',
    '    § 4 Inkrafttreten“.',
    '2. Nach § 1 wird folgender § 1a eingefügt:',
    '  „§ 1a Begriffsbestimmungen',
    '  Wohnung ist jeder umschlossene Raum.“',
    '3. § 3 wird aufgehoben.',
  ];

  it('die Synopse zeigt die Zeile „Inhaltsübersicht“ mit den geänderten Angaben und ihren Befehlen', () => {
    const r = run(commands);
    assert.deepEqual(r.diags.map(fmt), []);
    const s = synopse(r.ls.getModel(E), r.ls.refContext)[0];
    const row = s.rows.find((x) => x.key === 'Inhaltsübersicht');
    assert.ok(row);
    assert.equal(row.status, 'geaendert');
    assert.equal(row.alt, '…\n§ 1 Anwendungsbereich\n§ 2 Zuständigkeit und Verfahren\nAbschnitt 2 Schlussvorschriften\n§ 3 Übergangsvorschrift zur Anmeldung und zur Anmeldung\n§ 4 Inkrafttreten');
    assert.equal(row.neu, '…\n§ 1 Anwendungsbereich\n§ 1a Begriffsbestimmungen\n§ 2 Zuständigkeit und Verfahren\nAbschnitt 2 Schlussvorschriften\n§ 3 (weggefallen)\n§ 4 Inkrafttreten');
    assert.deepEqual(
      row.commands.map((c) => c.label),
      ['Artikel 1 Nummer 1 Buchstabe a', 'Artikel 1 Nummer 1 Buchstabe b'],
    );
    // unchanged: no row
    const ohne = run(['1. In § 2 wird das Wort „Meldebehörde“ durch das Wort „Behörde“ ersetzt.']);
    assert.ok(!synopse(ohne.ls.getModel(E), ohne.ls.refContext)[0].rows.some((x) => x.key === 'Inhaltsübersicht'));
  });

  it('akn:mod mit akn:textualMod auf die Einträge der Inhaltsübersicht (tocItem), gültig; Rundreise: dieselben Befehle, dieselbe neue Fassung', () => {
    const r = run(commands);
    const xml = r.ls.exportLegalDocML(E, { datum: '2026-01-15' }).xml;
    const root = parseXml(xml).find((e) => e.local === 'akomaNtoso') as XElement;
    const mods = findAll(root, 'mod');
    assert.deepEqual(
      mods.map((m) => m.attrs.refersTo),
      ['aenderungsbefehl-einfuegen', 'aenderungsbefehl-ersetzen', 'aenderungsbefehl-einfuegen', 'aenderungsbefehl-streichen'],
    );
    // the new Angaben are lines of text in the quoted structure, not §§
    const qs = findAll(mods[1], 'quotedStructure')[0];
    assert.deepEqual(
      qs.children.filter((c): c is XElement => c.type === 'element').map((c) => `${c.local} ${c.children.map((x) => (x.type === 'text' ? x.text : '')).join('')}`),
      ['p § 3 (weggefallen)', 'p § 4 Inkrafttreten'],
    );
    const dest = findAll(root, 'textualMod').map((t) => {
      const d = t.children.filter((c): c is XElement => c.type === 'element' && c.local === 'destination')[0];
      return `${t.attrs.type} ${d.attrs.href.replace(/^eli\/[^]*?regelungstext-verkuendung-1\//, '')}${d.attrs.pos ? ` ${d.attrs.pos}` : ''}${d.attrs.upTo ? ` bis ${d.attrs.upTo.replace(/^eli\/[^]*?regelungstext-verkuendung-1\//, '')}` : ''}`;
    });
    assert.deepEqual(dest.slice(0, 2), [
      // § 1 is the second entry (after „Abschnitt 1“), §§ 3 and 4 the fifth and sixth
      'insertion präambel-n1_blockcontainer-n1_inhuebs-n1_eintrag-n2.xml after',
      'substitution präambel-n1_blockcontainer-n1_inhuebs-n1_eintrag-n5.xml',
    ]);
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-iu-'));
      const f = path.join(dir, 'r.xml');
      fs.writeFileSync(f, xml);
      const v = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, f], { encoding: 'utf8' });
      fs.rmSync(dir, { recursive: true, force: true });
      assert.ok(`${v.stdout}${v.stderr}`.includes('validates'), v.stderr.split('\n').slice(0, 10).join('\n'));
    }
    // the round trip: norma import of the export gives the same commands and the same new version
    const back = importXml(xml).text;
    const ls = createLanguageService();
    ls.open(Z, ZIEL);
    ls.open(E, back);
    const view = (l: ReturnType<typeof createLanguageService>): string[] => amendAnalysis(l.getModel(E), l.refContext).laws[0].commands.map((c) => JSON.stringify([c.verb, c.target, c.side, c.content]));
    assert.deepEqual(view(ls), view(r.ls));
    assert.equal(newVersions(ls.getModel(E), ls.refContext)[0].text, r.neu);
  });
});

describe('amend: Inhaltsübersicht des Bundesmeldegesetzes (samples/gesetze/bmg.norma)', function () {
  this.timeout(120_000);

  it('ein neuer § mit seiner Angabe: angewandt, ohne Befund; ohne die Angabe: Warnung mit Vorschlag', () => {
    const bmg = fs.readFileSync(path.join(ROOT, 'samples', 'gesetze', 'bmg.norma'), 'utf8');
    const law = { genitiv: 'des Bundesmeldegesetzes', nominativ: 'Das Bundesmeldegesetz' };
    const cmds = [
      '1. In der Inhaltsübersicht wird nach der Angabe zu § 23a folgende Angabe eingefügt: „§ 23b Elektronische Ummeldung“.',
      '2. Nach § 23a wird folgender § 23b eingefügt:',
      '  „§ 23b Elektronische Ummeldung',
      '  Die Ummeldung erfolgt elektronisch.“',
    ];
    const lint = (text: string): { diags: string[]; neu: string } => {
      const ls = createLanguageService();
      ls.open('file:///ws/bmg.norma', bmg);
      ls.open(E, text);
      return {
        diags: ls
          .getDiagnostics(E, 'de')
          .filter((d) => String(d.code).startsWith('aenderung-') && d.code !== 'aenderung-eingangssatz')
          .map(fmt),
        neu: newVersions(ls.getModel(E), ls.refContext)[0].text,
      };
    };
    const mit = lint(amendingDraft(law, cmds));
    assert.deepEqual(mit.diags, []);
    assert.match(mit.neu, /\n {4}§ 23a Elektronische Anmeldung\n {4}§ 23b Elektronische Ummeldung\n {4}§ 24 Datenerhebung, Meldebestätigung\n/);
    const ohne = lint(amendingDraft(law, cmds.slice(1).map((l) => l.replace(/^2\./, '1.'))));
    assert.deepEqual(ohne.diags, [
      '7:4 aenderung-inhaltsuebersicht § 23b ist nach den Änderungen neu, aber die Inhaltsübersicht (BMG) hat keine Angabe zu § 23b: es fehlt ein Befehl, der „§ 23b Elektronische Ummeldung“ in die Inhaltsübersicht einfügt.',
    ]);
  });
});
