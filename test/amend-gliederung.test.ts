/**
 * Änderungsbefehle on Gliederung units (Buch, Teil, Kapitel, Abschnitt,
 * Unterabschnitt, Titel): the forms of the grammar, applying them, their
 * checks (unit missing, number taken or out of order, quotation missing)
 * and their rows in the Synopse.
 */
import * as assert from 'node:assert/strict';
import { createLanguageService, type NormaDiagnostic } from '../server/src/service/index';
import { newVersions, parseCommand, synopse } from '../server/src/service/amend';
import { amendingDraft } from './amend-helpers';

const ZIEL = [
  '---',
  'titel: Gesetz über die Gliederung',
  'abkuerzung: GlG',
  'typ: stammgesetz',
  'fassung: konsolidiert',
  '---',
  'Teil 1 Allgemeines',
  'Abschnitt 1 Grundsätze',
  '§ 1 Zweck',
  'Dieses Gesetz dient der Probe.',
  '§ 2 Begriffe',
  'Begriffe sind Wörter.',
  'Abschnitt 2 Verfahren der Anmeldung',
  '§ 3 Antrag',
  'Der Antrag ist schriftlich zu stellen.',
  '§ 4 Frist',
  'Die Frist beträgt zwei Wochen.',
  'Abschnitt 3 Gebühren',
  '§ 5 Gebühren',
  'Die Anmeldung ist gebührenfrei.',
  'Teil 2 Schlussvorschriften',
  'Abschnitt 1 Übergang',
  '§ 6 Übergang',
  'Altfälle werden nach altem Recht behandelt.',
  '§ 7 Inkrafttreten',
  'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
  '',
].join('\n');

const entwurf = (commands: string[]): string => amendingDraft({ genitiv: 'des Gesetzes über die Gliederung', nominativ: 'Das Gesetz über die Gliederung' }, commands);

const Z = 'file:///ws/glg.norma';
const E = 'file:///ws/entwurf.norma';

function run(commands: string[]): { diags: string[]; body: string[]; ls: ReturnType<typeof createLanguageService> } {
  const ls = createLanguageService();
  ls.open(Z, ZIEL);
  ls.open(E, entwurf(commands));
  const diags = ls
    .getDiagnostics(E, 'de')
    .filter((d) => String(d.code).startsWith('aenderung-'))
    .map(fmt);
  const neu = newVersions(ls.getModel(E), ls.refContext)[0]?.text ?? '';
  // the body of the new version: the lines after the front matter, without blank lines
  const lines = neu.split('\n');
  const end = lines.indexOf('---', 1);
  return { diags, body: lines.slice(end + 1).filter((l) => l.trim() !== ''), ls };
}

function fmt(d: NormaDiagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;
}

const BODY = ZIEL.split('\n').slice(6).filter((l) => l !== '');

describe('amend: commands on Gliederung units', () => {
  it('the grammar reads the HdR forms on Gliederung units', () => {
    assert.deepEqual(parseCommand('Abschnitt 3 wird aufgehoben.'), { type: 'aufgehoben', path: [{ kind: 'gliederung', word: 'Abschnitt', values: ['3'], range: false }] });
    assert.deepEqual(parseCommand('Nach Abschnitt 2 wird folgender Abschnitt 2a eingefügt:'), {
      type: 'eingefuegt',
      side: 'nach',
      path: [{ kind: 'gliederung', word: 'Abschnitt', values: ['2'], range: false }],
      neu: { kind: 'gliederung', word: 'Abschnitt', values: ['2a'], range: false },
    });
    assert.deepEqual(parseCommand('Die Überschrift des Abschnitts 2 wird wie folgt gefasst:'), {
      type: 'gefasst',
      path: [
        { kind: 'gliederung', word: 'Abschnitt', values: ['2'], range: false },
        { kind: 'ueberschrift', values: [], range: false },
      ],
    });
    assert.equal(parseCommand('In der Überschrift des Teils 1 wird das Wort „Allgemeines“ durch das Wort „Grundlagen“ ersetzt.')?.type, 'woerter');
    assert.equal(parseCommand('Teil 2 Abschnitt 1 wird durch den folgenden Abschnitt 1 ersetzt:')?.type, 'ersetzt');
    assert.equal(parseCommand('Die bisherigen Abschnitte 2 und 3 werden die Abschnitte 3 und 4.')?.type, 'umnummeriert');
    assert.equal(parseCommand('Dem Abschnitt 2 wird folgender § 4a angefügt:')?.type, 'angefuegt');
    assert.equal(parseCommand('Folgender Titel 5 wird angefügt:')?.type, 'angefuegt');
    // „Teilsatz“ is no Teil
    assert.equal(parseCommand('In § 5 Absatz 1 Teilsatz vor Nummer 1 wird das Wort „a“ gestrichen.')?.type, 'woerter');
    // the HdR4 form that aenderung-neufassung offers for a heading
    assert.deepEqual(parseCommand('Die Überschrift des Teils 2 wird durch die folgende Überschrift ersetzt:'), {
      type: 'ersetzt',
      path: [
        { kind: 'gliederung', word: 'Teil', values: ['2'], range: false },
        { kind: 'ueberschrift', values: [], range: false },
      ],
      neu: { kind: 'ueberschrift', values: [], range: false },
    });
  });

  it('aufheben: the heading stays as „(weggefallen)“, the §§ of the unit go; a path names the unit inside another', () => {
    const r = run(['1. Abschnitt 3 wird aufgehoben.', '2. Teil 2 Abschnitt 1 wird aufgehoben.']);
    assert.deepEqual(r.diags, []);
    assert.deepEqual(r.body, [...BODY.slice(0, 11), 'Abschnitt 3 (weggefallen)', 'Teil 2 Schlussvorschriften', 'Abschnitt 1 (weggefallen)']);
  });

  it('streichen removes the unit with its §§', () => {
    const r = run(['1. Abschnitt 3 wird gestrichen.']);
    assert.deepEqual(r.diags, []);
    assert.deepEqual(r.body, [...BODY.slice(0, 11), ...BODY.slice(14)]);
  });

  it('einfügen a unit with its §§ after (and before) a unit', () => {
    const r = run([
      '1. Nach Abschnitt 2 wird folgender Abschnitt 2a eingefügt:',
      '  „Abschnitt 2a Elektronisches Verfahren',
      '  § 4a Portal',
      '  Der Antrag kann elektronisch gestellt werden.“',
      '2. Vor Teil 2 Abschnitt 1 wird folgender Abschnitt 0 eingefügt:',
      '  „Abschnitt 0 Vorbemerkung',
      '  § 5a Vorrang',
      '  Dieser Teil geht vor.“',
    ]);
    assert.deepEqual(r.diags, []);
    assert.deepEqual(r.body, [
      ...BODY.slice(0, 11),
      'Abschnitt 2a Elektronisches Verfahren',
      '§ 4a Portal',
      'Der Antrag kann elektronisch gestellt werden.',
      ...BODY.slice(11, 15),
      'Abschnitt 0 Vorbemerkung',
      '§ 5a Vorrang',
      'Dieser Teil geht vor.',
      ...BODY.slice(15),
    ]);
  });

  it('ersetzen a unit; anfügen a unit to the law and a § to a unit (container command)', () => {
    const r = run([
      '1. Abschnitt 3 wird durch den folgenden Abschnitt 3 ersetzt:',
      '  „Abschnitt 3 Kosten',
      '  § 5 Kosten',
      '  Die Anmeldung kostet nichts.“',
      '2. Abschnitt 2 wird wie folgt geändert:',
      '  a) Folgender § 4a wird angefügt:',
      '    „§ 4a Nachweis',
      '    Die Anmeldung wird bestätigt.“',
      '  b) In § 3 wird das Wort „schriftlich“ durch das Wort „elektronisch“ ersetzt.',
      '3. Folgender Teil 3 wird angefügt:',
      '  „Teil 3 Anhang',
      '  § 8 Anhang',
      '  Der Anhang ist leer.“',
    ]);
    assert.deepEqual(r.diags, []);
    assert.deepEqual(r.body, [
      ...BODY.slice(0, 8),
      'Der Antrag ist elektronisch zu stellen.',
      ...BODY.slice(9, 11),
      '§ 4a Nachweis',
      'Die Anmeldung wird bestätigt.',
      'Abschnitt 3 Kosten',
      '§ 5 Kosten',
      'Die Anmeldung kostet nichts.',
      ...BODY.slice(14),
      'Teil 3 Anhang',
      '§ 8 Anhang',
      'Der Anhang ist leer.',
    ]);
  });

  it('the heading of a unit: neu gefasst, words replaced or struck (also in a container command)', () => {
    const r = run([
      '1. Die Überschrift des Abschnitts 2 wird durch die folgende Überschrift ersetzt: „Verfahren“',
      '2. In der Überschrift des Teils 1 wird das Wort „Allgemeines“ durch das Wort „Grundlagen“ ersetzt.',
      '3. Teil 2 wird wie folgt geändert:',
      '  a) In der Überschrift wird das Wort „Schlussvorschriften“ durch die Wörter „Übergangs- und Schlussvorschriften“ ersetzt.',
      '  b) Die Überschrift des Abschnitts 1 wird durch die folgende Überschrift ersetzt: „Übergangsrecht“',
    ]);
    assert.deepEqual(r.diags, []);
    assert.equal(r.body[0], 'Teil 1 Grundlagen');
    assert.equal(r.body[6], 'Abschnitt 2 Verfahren');
    assert.equal(r.body[14], 'Teil 2 Übergangs- und Schlussvorschriften');
    assert.equal(r.body[15], 'Abschnitt 1 Übergangsrecht');
  });

  it('renumbering units („Die bisherigen Abschnitte 2 und 3 werden die Abschnitte 3 und 4.“)', () => {
    const r = run(['1. Die bisherigen Abschnitte 2 und 3 werden die Abschnitte 3 und 4.', '2. Nach Teil 1 Abschnitt 1 wird folgender Abschnitt 2 eingefügt:', '  „Abschnitt 2 Neu', '  § 2a Neu', '  Neu ist neu.“']);
    assert.deepEqual(r.diags, []);
    assert.deepEqual(
      r.body.filter((l) => l.startsWith('Abschnitt')),
      ['Abschnitt 1 Grundsätze', 'Abschnitt 2 Neu', 'Abschnitt 3 Verfahren der Anmeldung', 'Abschnitt 4 Gebühren', 'Abschnitt 1 Übergang'],
    );
  });

  it('a unit that does not exist: aenderung-ziel-fehlt with the nearest units', () => {
    const r = run(['1. Abschnitt 9 wird aufgehoben.', '2. Teil 2 Abschnitt 2 wird aufgehoben.', '3. Die Überschrift des Kapitels 1 wird durch die folgende Überschrift ersetzt: „X“']);
    assert.deepEqual(r.diags, [
      '7:4 aenderung-ziel-fehlt „Abschnitt 9 (GlG)“ gibt es nicht: nächste: Abschnitt 3.',
      '8:4 aenderung-ziel-fehlt „Teil 2 Abschnitt 2 (GlG)“ gibt es nicht: nächste: Abschnitt 1.',
      '9:4 aenderung-ziel-fehlt „Kapitel 1 (GlG)“ gibt es nicht.',
    ]);
  });

  it('an inserted unit whose number is taken or out of order, a § of it whose number is taken: aenderung-nummer', () => {
    const r = run([
      // „Abschnitt 1“ alone would fit the Abschnitt 1 of each Teil (aenderung-ziel-mehrdeutig, test/amend-ordinal.test.ts)
      '1. Nach Teil 1 Abschnitt 1 wird folgender Abschnitt 2 eingefügt:',
      '  „Abschnitt 2 Doppelt',
      '  § 2a Doppelt',
      '  Doppelt hält besser.“',
      '2. Nach Abschnitt 3 wird folgender Abschnitt 2a eingefügt:',
      '  „Abschnitt 2a Falsch',
      '  § 4 Falsch',
      '  Falsch ist falsch.“',
    ]);
    assert.deepEqual(r.diags, [
      '7:4 aenderung-nummer Abschnitt 2 gibt es in Teil 1 schon: die eingefügte Einheit braucht eine freie Nummer.',
      '11:4 aenderung-nummer Abschnitt 2a steht in Teil 1 nicht an seiner Stelle: die Nummer liegt nicht zwischen 3 und –.',
      '11:4 aenderung-nummer § 4 gibt es im Gesetz schon: die eingefügte Einheit braucht eine freie Nummer.',
    ]);
  });

  it('an insertion without its quoted unit, or with §§ only: aenderung-befehl', () => {
    const r = run(['1. Nach Abschnitt 2 wird folgender Abschnitt 2a eingefügt:', '2. Abschnitt 3 wird durch den folgenden Abschnitt 3 ersetzt:', '  „§ 5 Kosten', '  Die Anmeldung kostet nichts.“']);
    assert.deepEqual(r.diags, [
      '7:4 aenderung-befehl Der Änderungsbefehl endet mit „:“, aber der neue Wortlaut in „…“ fehlt oder passt nicht zur geänderten Einheit.',
      '8:4 aenderung-befehl Der Änderungsbefehl endet mit „:“, aber der neue Wortlaut in „…“ fehlt oder passt nicht zur geänderten Einheit.',
    ]);
  });

  it('two commands on the same unit contradict each other: aenderung-widerspruch', () => {
    const r = run(['1. Abschnitt 3 wird aufgehoben.', '2. Abschnitt 3 wird gestrichen.']);
    assert.deepEqual(r.diags, ['8:4 aenderung-widerspruch Nummer 1 ersetzt oder hebt Abschnitt 3 schon als Ganzes auf: dieser Befehl widerspricht ihm.']);
  });

  it('the Synopse shows changed units as rows of their own, linked to their commands; unchanged units have none', () => {
    const r = run([
      '1. Die Überschrift des Abschnitts 2 wird durch die folgende Überschrift ersetzt: „Verfahren“',
      '2. Abschnitt 3 wird aufgehoben.',
      '3. Nach Teil 2 Abschnitt 1 wird folgender Abschnitt 2 eingefügt:',
      '  „Abschnitt 2 Schluss',
      '  § 8 Schluss',
      '  Schluss ist Schluss.“',
    ]);
    assert.deepEqual(r.diags, []);
    const [s] = synopse(r.ls.getModel(E), r.ls.refContext);
    const rows = s.rows.filter((x) => x.status !== 'unveraendert').map((x) => `${x.key} ${x.status} ${x.neu} ← ${x.commands.map((c) => c.label).join(', ')}`);
    assert.deepEqual(rows, [
      'Teil 1 Abschnitt 2 geaendert Abschnitt 2 Verfahren ← Artikel 1 Nummer 1',
      'Teil 1 Abschnitt 3 geaendert Abschnitt 3 (weggefallen) ← Artikel 1 Nummer 2',
      '§ 5 aufgehoben  ← ',
      'Teil 2 Abschnitt 2 neu Abschnitt 2 Schluss ← Artikel 1 Nummer 3',
      '§ 8 neu Schluss ist Schluss. ← Artikel 1 Nummer 3',
    ]);
    assert.ok(!s.rows.some((x) => x.key === 'Teil 1' || x.key === 'Teil 1 Abschnitt 1'), 'unchanged units are no rows');
  });
});
