/**
 * Änderungsbefehle on Gliederung units named by ordinals („Der Dritte
 * Abschnitt des Zweiten Buches wird aufgehoben.“) and paths that fit several
 * units (aenderung-ziel-mehrdeutig), against real laws: the BGB, imported
 * from ../shared/corpus (numbered „Buch 2“, „Abschnitt 3“, Abschnitte
 * counted anew in each Buch), and the SGB XII of samples/gesetze (numbered
 * with ordinals, „Drittes Kapitel“, „Zweiter Abschnitt“).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits, createLanguageService, type LanguageService, type NormaDiagnostic } from '../server/src/service/index';
import { importXml } from '../server/src/service/import';
import { newVersions, parseCommand, synopse } from '../server/src/service/amend';
import { amendingDraft, type AmendedLaw } from './amend-helpers';
import { ROOT } from './features-helpers';
import { BIN } from './cli-helpers';

const BGB_XML = path.join(ROOT, '..', 'shared', 'corpus', 'gii-xml', 'bgb.xml');
const BGB: AmendedLaw = { genitiv: 'des Bürgerlichen Gesetzbuchs', nominativ: 'Das Bürgerliche Gesetzbuch' };
const SGB12: AmendedLaw = { genitiv: 'des Zwölften Buches Sozialgesetzbuch', nominativ: 'Das Zwölfte Buch Sozialgesetzbuch' };
const E = 'file:///ws/entwurf.norma';

function fmt(d: NormaDiagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;
}

interface Run {
  ls: LanguageService;
  text: string;
  diags: NormaDiagnostic[];
  shown: string[];
  /** The lines of the new version. */
  neu: string[];
}

function run(lawUri: string, lawText: string, law: AmendedLaw, commands: string[], text = amendingDraft(law, commands)): Run {
  const ls = createLanguageService();
  ls.open(lawUri, lawText);
  ls.open(E, text);
  const diags = ls.getDiagnostics(E, 'de').filter((d) => String(d.code).startsWith('aenderung-'));
  const neu = (newVersions(ls.getModel(E), ls.refContext)[0]?.text ?? '').split('\n');
  return { ls, text, diags, shown: diags.map(fmt), neu };
}

/** The Synopse rows of changed Gliederung units: key, status, new heading, commands. */
function unitRows(r: Run): string[] {
  const [s] = synopse(r.ls.getModel(E), r.ls.refContext);
  return s.rows.filter((x) => x.status !== 'unveraendert' && !x.key.startsWith('§')).map((x) => `${x.key} ${x.status} ${x.neu} ← ${x.commands.map((c) => c.label).join(', ')}`);
}

describe('amend: ordinal forms of Gliederung units', () => {
  it('the grammar reads ordinals in every case as the numbers they stand for', () => {
    const same: [string, string][] = [
      ['Der Dritte Abschnitt wird aufgehoben.', 'Abschnitt 3 wird aufgehoben.'],
      ['Dritter Abschnitt wird gestrichen.', 'Abschnitt 3 wird gestrichen.'],
      ['Im Zweiten Buch wird der Dritte Abschnitt aufgehoben.', 'In Buch 2 wird Abschnitt 3 aufgehoben.'],
      ['Nach dem Dritten Titel wird folgender Titel 3a eingefügt:', 'Nach Titel 3 wird folgender Titel 3a eingefügt:'],
      ['Vor dem Ersten Unterabschnitt wird folgender Unterabschnitt 0 eingefügt:', 'Vor Unterabschnitt 1 wird folgender Unterabschnitt 0 eingefügt:'],
      ['Die Überschrift des Vierten Abschnitts wird wie folgt gefasst:', 'Die Überschrift des Abschnitts 4 wird wie folgt gefasst:'],
      ['Das Zweite Buch wird wie folgt geändert:', 'Buch 2 wird wie folgt geändert:'],
      ['Dem Zweiten Untertitel wird folgender § 4a angefügt:', 'Dem Untertitel 2 wird folgender § 4a angefügt:'],
      ['Der Zwanzigste Titel wird durch den folgenden Zwanzigsten Titel ersetzt:', 'Titel 20 wird durch den folgenden Titel 20 ersetzt:'],
      ['Der Einundzwanzigste Titel wird aufgehoben.', 'Titel 21 wird aufgehoben.'],
      ['Folgendes Sechstes Buch wird angefügt:', 'Folgendes Buch 6 wird angefügt:'],
      ['Die bisherigen Dritten und Vierten Abschnitte werden die Vierten und Fünften Abschnitte.', 'Die bisherigen Abschnitte 3 und 4 werden die Abschnitte 4 und 5.'],
      ['Der bisherige Siebente Titel wird der Achte Titel.', 'Der bisherige Titel 7 wird der Titel 8.'],
      ['Der Zweite bis Vierte Abschnitt werden aufgehoben.', 'Die Abschnitte 2 bis 4 werden aufgehoben.'],
      // the units above in the genitive, with ordinals or numbers
      ['Der Dritte Abschnitt des Zweiten Buches wird aufgehoben.', 'Buch 2 Abschnitt 3 wird aufgehoben.'],
      ['Abschnitt 3 des Buches 2 wird aufgehoben.', 'Buch 2 Abschnitt 3 wird aufgehoben.'],
      ['Im Dritten Abschnitt des Zweiten Buches wird das Wort „a“ durch das Wort „b“ ersetzt.', 'In Buch 2 Abschnitt 3 wird das Wort „a“ durch das Wort „b“ ersetzt.'],
      ['Die Überschrift des Dritten Titels des Achten Abschnitts des Zweiten Buches wird wie folgt gefasst:', 'Die Überschrift von Buch 2 Abschnitt 8 Titel 3 wird wie folgt gefasst:'],
      ['In der Überschrift des Zweiten Kapitels wird das Wort „a“ gestrichen.', 'In der Überschrift des Kapitels 2 wird das Wort „a“ gestrichen.'],
      ['im dritten Abschnitt wird das Wort „a“ gestrichen.', 'In Abschnitt 3 wird das Wort „a“ gestrichen.'],
    ];
    for (const [ordinal, numeric] of same) {
      const a = parseCommand(ordinal);
      assert.ok(a, ordinal);
      // the quoted words stand elsewhere in the two sentences
      const strip = (x: unknown): string => JSON.stringify(x, (k, v) => (k === 'start' || k === 'end' ? undefined : v));
      assert.equal(strip(a), strip(parseCommand(numeric)), ordinal);
    }
    assert.deepEqual(parseCommand('Der Dritte Abschnitt wird aufgehoben.'), { type: 'aufgehoben', path: [{ kind: 'gliederung', word: 'Abschnitt', values: ['3'], range: false }] });
    // no ordinal: no unit
    assert.equal(parseCommand('Der Dritte wird aufgehoben.'), undefined);
    assert.equal(parseCommand('Der Nullte Abschnitt wird aufgehoben.'), undefined);
  });

  describe('against the BGB (numbered „Buch 2“, „Abschnitt 3“, „Titel 21“)', function () {
    this.timeout(120_000);
    let bgb = '';
    before(function () {
      if (!fs.existsSync(BGB_XML)) this.skip();
      bgb = importXml(fs.readFileSync(BGB_XML, 'utf8')).text;
    });
    const bgbRun = (commands: string[]): Run => run('file:///ws/bgb.norma', bgb, BGB, commands);

    it('ordinal commands find the numbered units: new version and Synopse', () => {
      const r = bgbRun([
        '1. Die Überschrift des Dritten Abschnitts des Zweiten Buches wird durch die folgende Überschrift ersetzt: „Verträge“',
        '2. Im Ersten Buch wird der Siebte Abschnitt aufgehoben.',
        '3. Die Überschrift des Einundzwanzigsten Titels des Achten Abschnitts des Zweiten Buches wird durch die folgende Überschrift ersetzt: „Vergleichsvertrag“',
        '4. In der Überschrift des Achten Abschnitts des Fünften Buches wird das Wort „Erbschein“ durch das Wort „Erbnachweis“ ersetzt.',
        // the law named after the path: its units above stay in the path
        '5. Nach dem Ersten Untertitel des Dritten Titels des Achten Abschnitts des Zweiten Buches des Bürgerlichen Gesetzbuchs wird folgender Untertitel 1a eingefügt:',
        '  „Untertitel 1a Erprobung',
        '  § 490a Erprobung',
        '  Das Nähere wird erprobt.“',
      ]);
      // the commands resolve; what is left is the Inhaltsübersicht the draft does not amend (rule aenderung-inhaltsuebersicht).
      // „Untertitel 1a“ then stands twice in the BGB (Buch 4 has one): its Angabe is not claimed for either;
      // the new § 490a needs none, the BGB's Inhaltsübersicht lists Bücher, Abschnitte and Titel but no §
      assert.deepEqual(r.shown, [
        '9:4 aenderung-inhaltsuebersicht Die Angabe zu Titel 21 in der Inhaltsübersicht (BGB) lautet nach den Änderungen „Titel 21 Vergleich“, die Überschrift von Titel 21 aber „Vergleichsvertrag“.',
      ]);
      assert.ok(r.neu.includes('Abschnitt 3 Verträge'));
      assert.ok(r.neu.includes('Abschnitt 7 (weggefallen)'));
      assert.ok(!r.neu.some((l) => l.startsWith('§ 232 ')), 'the §§ of Buch 1 Abschnitt 7 go');
      assert.ok(r.neu.includes('Titel 21 Vergleichsvertrag'));
      assert.ok(r.neu.includes('Abschnitt 8 Erbnachweis'));
      const at = r.neu.indexOf('Untertitel 1a Erprobung');
      assert.ok(at > 0 && r.neu.slice(at).find((l) => l.startsWith('Untertitel ') && l !== 'Untertitel 1a Erprobung')?.startsWith('Untertitel 2 Finanzierungshilfen'));
      // the ambiguity check counts every Abschnitt 3 of the BGB: the unchanged ones keep their headings
      assert.ok(r.neu.includes('Abschnitt 3 Rechtsgeschäfte') && r.neu.includes('Abschnitt 3 Testament'));
      assert.deepEqual(unitRows(r), [
        'Buch 1 Abschnitt 7 geaendert Abschnitt 7 (weggefallen) ← Artikel 1 Nummer 2',
        'Buch 2 Abschnitt 3 geaendert Abschnitt 3 Verträge ← Artikel 1 Nummer 1',
        'Buch 2 Abschnitt 8 Titel 3 Untertitel 1a neu Untertitel 1a Erprobung ← Artikel 1 Nummer 5',
        'Buch 2 Abschnitt 8 Titel 21 geaendert Titel 21 Vergleichsvertrag ← Artikel 1 Nummer 3',
        'Buch 5 Abschnitt 8 geaendert Abschnitt 8 Erbnachweis ← Artikel 1 Nummer 4',
      ]);
    });

    it('a path that fits several units: aenderung-ziel-mehrdeutig with the count and the places, not applied', () => {
      const r = bgbRun([
        '1. Abschnitt 3 wird aufgehoben.',
        '2. Die Überschrift des Abschnitts 4 wird durch die folgende Überschrift ersetzt: „Fristen“',
        '3. Der Erste Titel wird aufgehoben.',
        '4. Abschnitt 8 Titel 1 wird aufgehoben.',
      ]);
      assert.deepEqual(r.shown, [
        '7:4 aenderung-ziel-mehrdeutig „Abschnitt 3 (BGB)“ ist mehrdeutig: 5 Einheiten passen (in Buch 1, Buch 2, Buch 3, Buch 4, Buch 5); der Befehl wird nicht angewandt. Den Pfad mit den Einheiten darüber nennen, etwa „Buch 1 Abschnitt 3“.',
        '8:4 aenderung-ziel-mehrdeutig „Abschnitt 4 (BGB)“ ist mehrdeutig: 4 Einheiten passen (in Buch 1, Buch 2, Buch 3, Buch 5); der Befehl wird nicht angewandt. Den Pfad mit den Einheiten darüber nennen, etwa „Buch 1 Abschnitt 4“.',
        '9:4 aenderung-ziel-mehrdeutig „Titel 1 (BGB)“ ist mehrdeutig: 16 Einheiten passen (in Buch 1 Abschnitt 1, Buch 1 Abschnitt 3, Buch 1 Abschnitt 5, Buch 2 Abschnitt 1, Buch 2 Abschnitt 3, Buch 2 Abschnitt 4, …); der Befehl wird nicht angewandt. Den Pfad mit den Einheiten darüber nennen, etwa „Buch 1 Abschnitt 1 Titel 1“.',
        '10:4 aenderung-ziel-mehrdeutig „Abschnitt 8 Titel 1 (BGB)“ ist mehrdeutig: 2 Einheiten passen (in Buch 2 Abschnitt 8, Buch 3 Abschnitt 8); der Befehl wird nicht angewandt. Den Pfad mit den Einheiten darüber nennen, etwa „Buch 2 Abschnitt 8 Titel 1“.',
      ]);
      assert.equal(r.diags[0].severity, 2, 'a warning');
      // nothing applied: the new version is the BGB
      assert.ok(!r.neu.some((l) => l.includes('(weggefallen)') && /^(Abschnitt|Titel) /.test(l) && !bgb.includes(`\n${l}\n`)));
      assert.ok(!r.neu.includes('Abschnitt 4 Fristen'));
      assert.deepEqual(unitRows(r), []);
    });

    it('a quick fix per unit names the units above, in the style of the command', () => {
      const r = bgbRun(['1. Abschnitt 3 wird aufgehoben.', '2. Die Überschrift des Abschnitts 4 wird durch die folgende Überschrift ersetzt: „Fristen“', '3. In der Überschrift des Ersten Titels wird das Wort „Verbraucher“ durch das Wort „Kunde“ ersetzt.']);
      const titles = r.diags.map((d) => (d.data?.suggestions ?? []).map((s) => s.title));
      assert.deepEqual(titles[0], ['Pfad „Buch 1 Abschnitt 3“ nennen', 'Pfad „Buch 2 Abschnitt 3“ nennen', 'Pfad „Buch 3 Abschnitt 3“ nennen', 'Pfad „Buch 4 Abschnitt 3“ nennen', 'Pfad „Buch 5 Abschnitt 3“ nennen']);
      const fixed = (d: number, k: number): string => applyEdits(r.text, d < r.diags.length ? (r.diags[d].data?.suggestions?.[k]?.edits ?? []) : []).text.split('\n')[6 + d];
      assert.equal(fixed(0, 1), '1. Buch 2 Abschnitt 3 wird aufgehoben.');
      assert.equal(fixed(1, 3), '2. Die Überschrift des Abschnitts 4 des Buches 5 wird durch die folgende Überschrift ersetzt: „Fristen“');
      assert.equal(r.diags[2].data?.suggestions?.[0]?.title, 'Pfad „Buch 1 Abschnitt 1 Titel 1“ nennen');
      assert.equal(fixed(2, 0), '3. In der Überschrift des Ersten Titels des Ersten Abschnitts des Ersten Buches wird das Wort „Verbraucher“ durch das Wort „Kunde“ ersetzt.');
      // the fixed commands apply
      const text = applyEdits(r.text, [0, 1, 2].map((d) => r.diags[d].data?.suggestions?.[[1, 3, 0][d]]?.edits ?? []).flat()).text;
      const f = run('file:///ws/bgb.norma', bgb, BGB, [], text);
      assert.deepEqual(f.shown, []);
      assert.ok(f.neu.includes('Abschnitt 3 (weggefallen)') && f.neu.includes('Abschnitt 3 Rechtsgeschäfte'));
      assert.ok(f.neu.includes('Abschnitt 4 Fristen'));
      assert.ok(f.neu.includes('Titel 1 Natürliche Personen, Kunde, Unternehmer'));
    });
  });

  describe('against the SGB XII (numbered „Drittes Kapitel“, „Zweiter Abschnitt“)', () => {
    const sgb = fs.readFileSync(path.join(ROOT, 'samples', 'gesetze', 'sgb_12.norma'), 'utf8');
    const sgbRun = (commands: string[]): Run => run('file:///ws/sgb_12.norma', sgb, SGB12, commands);

    it('numbered and ordinal commands find ordinal units; renumbering keeps the ordinal designations', () => {
      const r = sgbRun([
        '1. Kapitel 4 Abschnitt 3 wird aufgehoben.',
        '2. Im Dritten Kapitel werden die bisherigen Sechsten und Siebten Abschnitte die Siebten und Achten Abschnitte.',
        '3. Im Dritten Kapitel wird nach dem Fünften Abschnitt folgender Sechster Abschnitt eingefügt:',
        '  „Sechster Abschnitt Erprobung',
        '  § 42c Erprobung',
        '  Neue Leistungen können erprobt werden.“',
        '4. Die Überschrift des Elften Kapitels wird durch die folgende Überschrift ersetzt: „Einsatz von Einkommen und Vermögen“',
      ]);
      // the commands resolve; what is left is the Inhaltsübersicht the draft does not amend (rule aenderung-inhaltsuebersicht)
      assert.deepEqual(r.shown, [
        '8:4 aenderung-inhaltsuebersicht Die Angabe zu Abschnitt 7 in der Inhaltsübersicht (SGB XII) lautet nach den Änderungen „Abschnitt 7 Verordnungsermächtigung“, die Überschrift von Abschnitt 7 aber „Einschränkung von Leistungsberechtigung und -umfang“.',
        '8:4 aenderung-inhaltsuebersicht Abschnitt 8 ist nach den Änderungen neu, aber die Inhaltsübersicht (SGB XII) hat keine Angabe zu Abschnitt 8: es fehlt ein Befehl, der „Abschnitt 8 Verordnungsermächtigung“ in die Inhaltsübersicht einfügt.',
        '9:4 aenderung-inhaltsuebersicht § 42c ist nach den Änderungen neu, aber die Inhaltsübersicht (SGB XII) hat keine Angabe zu § 42c: es fehlt ein Befehl, der „§ 42c Erprobung“ in die Inhaltsübersicht einfügt.',
        '13:4 aenderung-inhaltsuebersicht Die Angabe zu Kapitel 11 in der Inhaltsübersicht (SGB XII) lautet nach den Änderungen „Kapitel 11 Einsatz des Einkommens und des Vermögens“, die Überschrift von Kapitel 11 aber „Einsatz von Einkommen und Vermögen“.',
      ]);
      const heads = r.neu.filter((l) => /^\p{Lu}\p{Ll}+(?:er|es) (?:Kapitel|Abschnitt) /u.test(l));
      const k3 = heads.indexOf('Drittes Kapitel Hilfe zum Lebensunterhalt');
      assert.deepEqual(heads.slice(k3, k3 + 12), [
        'Drittes Kapitel Hilfe zum Lebensunterhalt',
        'Erster Abschnitt Leistungsberechtigte, notwendiger Lebensunterhalt, Regelbedarfe und Regelsätze',
        'Zweiter Abschnitt Zusätzliche Bedarfe',
        'Dritter Abschnitt Bildung und Teilhabe',
        'Vierter Abschnitt Bedarfe für Unterkunft und Heizung',
        'Fünfter Abschnitt Gewährung von Darlehen',
        'Sechster Abschnitt Erprobung',
        'Siebter Abschnitt Einschränkung von Leistungsberechtigung und -umfang',
        'Achter Abschnitt Verordnungsermächtigung',
        'Viertes Kapitel Grundsicherung im Alter und bei Erwerbsminderung',
        'Erster Abschnitt Grundsätze',
        'Zweiter Abschnitt Verfahrensbestimmungen',
      ]);
      assert.ok(heads.includes('Dritter Abschnitt (weggefallen)'));
      assert.ok(heads.includes('Elftes Kapitel Einsatz von Einkommen und Vermögen'));
    });

    it('an ordinal path that fits several units: the finding, and quick fixes in the genitive with ordinals', () => {
      const r = sgbRun(['1. Der Zweite Abschnitt wird aufgehoben.']);
      assert.deepEqual(r.shown, [
        '7:4 aenderung-ziel-mehrdeutig „Abschnitt 2 (SGB XII)“ ist mehrdeutig: 7 Einheiten passen (in Kapitel 2, Kapitel 3, Kapitel 4, Kapitel 11, Kapitel 12, Kapitel 13, …); der Befehl wird nicht angewandt. Den Pfad mit den Einheiten darüber nennen, etwa „Kapitel 2 Abschnitt 2“.',
      ]);
      assert.ok(r.neu.includes('Zweiter Abschnitt Zusätzliche Bedarfe'));
      const fix = r.diags[0].data?.suggestions?.[1];
      assert.equal(fix?.title, 'Pfad „Kapitel 3 Abschnitt 2“ nennen');
      const text = applyEdits(r.text, fix?.edits ?? []).text;
      assert.equal(text.split('\n')[6], '1. Der Zweite Abschnitt des Dritten Kapitels wird aufgehoben.');
      const f = run('file:///ws/sgb_12.norma', sgb, SGB12, [], text);
      assert.deepEqual(f.shown, []);
      assert.ok(f.neu.includes('Zweiter Abschnitt (weggefallen)') && !f.neu.includes('Zweiter Abschnitt Zusätzliche Bedarfe'));
      assert.deepEqual(unitRows(f).slice(0, 1), ['Kapitel 3 Abschnitt 2 geaendert Zweiter Abschnitt (weggefallen) ← Artikel 1 Nummer 1']);
    });

    it('norma apply: the ambiguous command is not applied (exit code 1), the qualified one is', function () {
      this.timeout(60_000);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-ordinal-'));
      fs.writeFileSync(path.join(dir, 'sgb_12.norma'), sgb);
      fs.writeFileSync(path.join(dir, 'entwurf.norma'), amendingDraft(SGB12, ['1. Der Zweite Abschnitt wird aufgehoben.', '2. Die Überschrift des Siebten Abschnitts des Dritten Kapitels wird durch die folgende Überschrift ersetzt: „Verordnungen“']));
      const r = spawnSync(process.execPath, [BIN, 'apply', 'entwurf.norma', 'sgb_12.norma', '-o', 'neu'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.equal(r.stderr, 'entwurf.norma:7:4 Fehler: „Abschnitt 2 (SGB XII)“ ist mehrdeutig: 7 Einheiten passen (in Kapitel 2, Kapitel 3, Kapitel 4, Kapitel 11, Kapitel 12, Kapitel 13, …); der Befehl wird nicht angewandt. Den Pfad mit den Einheiten darüber nennen, etwa „Kapitel 2 Abschnitt 2“.\n');
      assert.match(r.stdout, /SGB XII: 1 von 2 Änderungsbefehl\(en\) angewandt/);
      assert.match(fs.readFileSync(path.join(dir, 'neu', 'sgb_12.norma'), 'utf8'), /\nSiebter Abschnitt Verordnungen\n/);
    });
  });
});
