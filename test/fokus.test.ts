/**
 * The drafts for the focus services in samples/fokus/ (issue 8): each is an
 * amending law against a law imported in samples/gesetze/. Per draft:
 * linted together with its law it has no finding of its own; without the law
 * only the information which law to import; `norma apply` applies every
 * command and the new version says what the draft wants; the cost report
 * equals the figures computed by hand below from the annotations and the
 * tables of data/erfuellungsaufwand.json (Stand 2025). Everything runs through
 * `node bin/norma.js`, as a CI job would.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, norma, ROOT, type JsonFinding } from './cli-helpers';

const FOKUS = path.join(ROOT, 'samples', 'fokus');
const GESETZE = path.join(ROOT, 'samples', 'gesetze');

interface Totals {
  buerger: { stunden: number; sachkosten: number };
  wirtschaft: { euro: number; buerokratiekosten: number };
  verwaltung: { bund: number; laender: number; sozialversicherung: number };
}

interface Report {
  jaehrlich: Totals;
  einmalig: Totals;
  posten: { bezeichnung: string; adressat: string; art: string; ergebnis: { stunden: number; euro: number } }[];
}

const lint = (files: string[]): JsonFinding[] => lintJson(files).findings;

function show(f: JsonFinding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`;
}

const ZERO: Totals = {
  buerger: { stunden: 0, sachkosten: 0 },
  wirtschaft: { euro: 0, buerokratiekosten: 0 },
  verwaltung: { bund: 0, laender: 0, sozialversicherung: 0 },
};

/** Totals with some values set; the rest 0. */
function totals(t: { buerger?: Partial<Totals['buerger']>; wirtschaft?: Partial<Totals['wirtschaft']>; verwaltung?: Partial<Totals['verwaltung']> }): Totals {
  return {
    buerger: { ...ZERO.buerger, ...t.buerger },
    wirtschaft: { ...ZERO.wirtschaft, ...t.wirtschaft },
    verwaltung: { ...ZERO.verwaltung, ...t.verwaltung },
  };
}

/** Equal up to a cent (hours are reported with two decimals). */
function assertNear(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', where);
    assert.ok(Math.abs((actual as number) - expected) < 0.011, `${where}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), where);
    assert.equal((actual as unknown[]).length, expected.length, `${where}: Anzahl`);
    expected.forEach((e, i) => assertNear((actual as unknown[])[i], e, `${where}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    assert.deepEqual(Object.keys(actual as object).sort(), Object.keys(expected).sort(), where);
    for (const [k, v] of Object.entries(expected)) assertNear((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
    return;
  }
  assert.equal(actual, expected, where);
}

interface Case {
  draft: string;
  law: string;
  /** The law's name in the information of aenderung-zielgesetz and its path on gesetze-im-internet.de. */
  lawName: string;
  gii: string;
  abk: string;
  commands: number;
  /** Lines the new version has, and lines of the old version it no longer has. */
  present: string[];
  gone: string[];
  jaehrlich: Totals;
  einmalig: Totals;
  /** Per annotation, in order: [adressat, art, Stunden, Euro]. */
  posten: [string, string, number, number][];
}

// Wage rates of data/erfuellungsaufwand.json, Stand 2025 (€/h): Kommunen einfacher/mittlerer Dienst 25,50,
// Kommunen gehobener Dienst 42,20, Kommunen Durchschnitt 40,70, Länder Durchschnitt 46,70,
// Sozialversicherung einfacher/mittlerer Dienst 30,30, Wirtschaft gesamt mittel 37,10.
// „interne-prozesse-anpassen mittel“ (Verwaltung) = 4.080 min = 68 h; „daten-uebermitteln einfach“ = 1 min.
const CASES: Case[] = [
  {
    draft: 'ummeldung.norma',
    law: 'bmg.norma',
    lawName: '„Bundesmeldegesetz (BMG)“',
    gii: 'bmg',
    abk: 'BMG',
    commands: 9, // Nummern 1 (the Inhaltsübersicht) bis 6 and Nummer 7 Buchstaben a bis c
    present: [
      '(4a) Hat der Wohnungsgeber den Einzug gegenüber der Meldebehörde elektronisch bestätigt, ordnet die Zuzugsmeldebehörde die Bestätigung einer elektronischen Anmeldung nach § 23a anhand des Zuordnungsmerkmals automatisiert zu. Die meldepflichtige Person muss die Bestätigung in diesem Fall weder vorlegen noch selbst übermitteln.',
      '  3. persönlich bei der Meldebehörde zu erscheinen, soweit die Identität der meldepflichtigen Person nicht durch einen elektronischen Identitätsnachweis festgestellt ist.',
      // the new § 23b and its Angabe in the Inhaltsübersicht
      '    § 23b Ummeldung im Inland',
      '§ 23b Ummeldung im Inland',
      '  5. zur Durchführung von Melderegisterauskünften über Portale nach § 49 Absatz 3 die Voraussetzungen und das Verfahren zur Zulassung von Portalen zu regeln,',
      '  7. die öffentlichen Stellen zu bestimmen, an die Daten nach § 34 Absatz 2a übermittelt werden können, und die zu übermittelnden Daten, ihre Form sowie das Nähere über das Verfahren der Übermittlung festzulegen.',
    ],
    gone: [
      '  3. persönlich bei der Meldebehörde zu erscheinen.',
      '  5. zur Durchführung von Melderegisterauskünften über Portale nach § 49 Absatz 3 die Voraussetzungen und das Verfahren zur Zulassung von Portalen zu regeln und',
    ],
    // Nummer 2: Bürger 3.700.000 × -6 min = -370.000 h; Kommunen 3.700.000 × -5 min = -308.333,33 h × 25,50 = -7.862.500 €
    // Nummer 3: Bürger 3.700.000 × -30 min = -1.850.000 h, Sachkosten 3.700.000 × -2,60 € = -9.620.000 €
    // Nummer 5: Kommunen 3.700.000 × -2 min = -123.333,33 h × 25,50 = -3.145.000 €
    // Nummer 6: Bürger 1.850.000 × -12 min = -370.000 h; Kommunen 1.850.000 × 1 min = 30.833,33 h × 25,50 = 786.250 €;
    //           einmalig Länder 16 × (68 h × 46,70 + 150.000) = 16 × 153.175,60 = 2.450.809,60 €
    // jährlich: Bürger -370.000 - 1.850.000 - 370.000 = -2.590.000 h und -9.620.000 €;
    //           Länder (mit Kommunen) -7.862.500 - 3.145.000 + 786.250 = -10.221.250 €
    jaehrlich: totals({ buerger: { stunden: -2_590_000, sachkosten: -9_620_000 }, verwaltung: { laender: -10_221_250 } }),
    einmalig: totals({ verwaltung: { laender: 2_450_809.6 } }),
    posten: [
      ['buerger', 'jaehrlich', -370_000, 0],
      ['verwaltung', 'jaehrlich', -308_333.33, -7_862_500],
      ['buerger', 'jaehrlich', -1_850_000, -9_620_000],
      ['verwaltung', 'jaehrlich', -123_333.33, -3_145_000],
      ['buerger', 'jaehrlich', -370_000, 0],
      ['verwaltung', 'jaehrlich', 30_833.33, 786_250],
      ['verwaltung', 'einmalig', 1_088, 2_450_809.6],
    ],
  },
  {
    draft: 'unterhaltsvorschuss.norma',
    law: 'uhvorschg.norma',
    lawName: '„Gesetz zur Sicherung des Unterhalts',
    gii: 'uhvorschg',
    abk: 'UhVorschG',
    commands: 4, // Nummer 1, Nummer 2 Buchstabe a Doppelbuchstaben aa und bb, Nummer 2 Buchstabe b
    present: [
      '(5a) Die zuständige Stelle ruft die Daten, die für die Entscheidung über den Antrag erforderlich sind und bei anderen öffentlichen Stellen vorliegen, mit Einwilligung des Antragstellers elektronisch bei diesen Stellen ab; dies gilt insbesondere für',
      '(1) Über die Zahlung der Unterhaltsleistung wird auf schriftlichen oder elektronischen Antrag des Elternteils, bei dem der Berechtigte lebt, oder des gesetzlichen Vertreters des Berechtigten entschieden. Der Antrag soll an die durch Landesrecht bestimmte Stelle, in deren Bezirk der Berechtigte seinen Wohnsitz hat, gerichtet werden. Der elektronische Antrag kann über ein Verwaltungsportal im Sinne des § 2 Absatz 2 des Onlinezugangsgesetzes gestellt werden; einer Unterschrift bedarf es dabei nicht.',
    ],
    gone: [
      '(2) Die Entscheidung ist dem Antragsteller schriftlich oder elektronisch mitzuteilen. In dem Bescheid sind die nach § 2 Absatz 2 bis 4 angerechneten Beträge anzugeben.',
    ],
    // Nummer 1: Bürger 210.000 × -25 min = -87.500 h, Sachkosten 210.000 × -5 € = -1.050.000 €;
    //           Kommunen 210.000 × -10 min = -35.000 h × 42,20 = -1.477.000 €
    // Nummer 2 a: Bürger 210.000 × -10 min = -35.000 h, Sachkosten 210.000 × -0,85 € = -178.500 €
    // Nummer 2 b: Kommunen 210.000 × -3 min = -10.500 h × 25,50 = -267.750 €, Sachkosten -178.500 € → -446.250 €;
    //             einmalig Länder 16 × (68 h × 46,70 + 80.000) = 16 × 83.175,60 = 1.330.809,60 €
    // jährlich: Bürger -87.500 - 35.000 = -122.500 h und -1.050.000 - 178.500 = -1.228.500 €; Länder -1.477.000 - 446.250 = -1.923.250 €
    jaehrlich: totals({ buerger: { stunden: -122_500, sachkosten: -1_228_500 }, verwaltung: { laender: -1_923_250 } }),
    einmalig: totals({ verwaltung: { laender: 1_330_809.6 } }),
    posten: [
      ['buerger', 'jaehrlich', -87_500, -1_050_000],
      ['verwaltung', 'jaehrlich', -35_000, -1_477_000],
      ['buerger', 'jaehrlich', -35_000, -178_500],
      ['verwaltung', 'jaehrlich', -10_500, -446_250],
      ['verwaltung', 'einmalig', 1_088, 1_330_809.6],
    ],
  },
  {
    draft: 'wohngeld.norma',
    law: 'wogg.norma',
    lawName: '„Wohngeldgesetz (WoGG)“',
    gii: 'wogg',
    abk: 'WoGG',
    commands: 5, // Nummern 1, 2, 3 Buchstaben a und b, 4
    present: [
      '(1) Wohngeld wird nur auf Antrag der wohngeldberechtigten Person geleistet. Der Antrag kann elektronisch über ein Verwaltungsportal im Sinne des § 2 Absatz 2 des Onlinezugangsgesetzes gestellt werden; einer Unterschrift bedarf es dabei nicht.',
      '(8) Die Wohngeldbehörde ruft mit Einwilligung der wohngeldberechtigten Person die für die Entscheidung über den Wohngeldantrag erforderlichen Daten der zu berücksichtigenden Haushaltsmitglieder automatisiert ab, und zwar',
    ],
    gone: ['(1) Wohngeld wird nur auf Antrag der wohngeldberechtigten Person geleistet.'],
    // Nummer 1: Bürger 1.173.500 × -12 min = -234.700 h, Sachkosten 1.173.500 × -0,85 € = -997.475 €
    // Nummer 3 b: Kommunen 1.173.500 × -3 min = -58.675 h × 25,50 = -1.496.212,50 €, Sachkosten -997.475 € → -2.493.687,50 €
    // Nummer 4: Bürger 1.173.500 × -30 min = -586.750 h;
    //           Wirtschaft 390.000 × -10 min = -65.000 h × 37,10 = -2.411.500 €, alles Bürokratiekosten;
    //           Kommunen 1.173.500 × -15 min = -293.375 h × 42,20 = -12.380.425 €;
    //           Sozialversicherung 1.173.500 × 1 min = 19.558,33 h × 30,30 = 592.617,50 €;
    //           einmalig Länder 16 × (68 h × 46,70 + 100.000) = 16 × 103.175,60 = 1.650.809,60 €
    // jährlich: Bürger -234.700 - 586.750 = -821.450 h und -997.475 €; Länder -2.493.687,50 - 12.380.425 = -14.874.112,50 €
    jaehrlich: totals({
      buerger: { stunden: -821_450, sachkosten: -997_475 },
      wirtschaft: { euro: -2_411_500, buerokratiekosten: -2_411_500 },
      verwaltung: { laender: -14_874_112.5, sozialversicherung: 592_617.5 },
    }),
    einmalig: totals({ verwaltung: { laender: 1_650_809.6 } }),
    posten: [
      ['buerger', 'jaehrlich', -234_700, -997_475],
      ['verwaltung', 'jaehrlich', -58_675, -2_493_687.5],
      ['buerger', 'jaehrlich', -586_750, 0],
      ['wirtschaft', 'jaehrlich', -65_000, -2_411_500],
      ['verwaltung', 'jaehrlich', -293_375, -12_380_425],
      ['verwaltung', 'jaehrlich', 19_558.33, 592_617.5],
      ['verwaltung', 'einmalig', 1_088, 1_650_809.6],
    ],
  },
  {
    draft: 'grundsicherung-im-alter.norma',
    law: 'sgb_12.norma',
    lawName: '„Zwölftes Buch Sozialgesetzbuch – Sozialhilfe (SGB XII)“',
    gii: 'sgb_12',
    abk: 'SGB XII',
    commands: 6, // Nummer 1 Buchstaben a und b, Nummern 2 und 3, Nummer 4 Buchstaben a und b
    present: [
      '(1a) Der Antrag kann elektronisch über ein Verwaltungsportal im Sinne des § 2 Absatz 2 des Onlinezugangsgesetzes gestellt werden; einer Unterschrift bedarf es dabei nicht. Der für die Ausführung des Gesetzes nach diesem Kapitel zuständige Träger ruft die für die Entscheidung erforderlichen Daten, die bei anderen öffentlichen Stellen vorliegen, mit Einwilligung der antragstellenden Person elektronisch ab, und zwar insbesondere',
      '(5) Hat die leistungsberechtigte Person den Antrag elektronisch gestellt, wird ihr der Bescheid elektronisch über ihr Nutzerkonto im Sinne des § 2 Absatz 5 des Onlinezugangsgesetzes bekannt gegeben, wenn sie dem nicht widerspricht; § 37 Absatz 2a des Zehnten Buches bleibt unberührt.',
    ],
    gone: [
      // § 44b Absatz 3 (Nummer 3 of the draft)
      '(3) Die Aufrechnung ist gegenüber der leistungsberechtigten Person schriftlich durch Verwaltungsakt zu erklären. Die Aufrechnung endet spätestens drei Jahre nach Ablauf des Monats, in dem die Bestandskraft der in Absatz 1 genannten Ansprüche eingetreten ist. Zeiten, in denen die Aufrechnung nicht vollziehbar ist, verlängern den Aufrechnungszeitraum entsprechend.',
    ],
    // Nummer 1 a: Bürger 1.260.000 × -12 min = -252.000 h, Sachkosten 1.260.000 × -0,85 € = -1.071.000 €;
    //             Bürger 1.260.000 × -20 min = -420.000 h;
    //             Kommunen 1.260.000 × -10 min = -210.000 h × 42,20 = -8.862.000 €;
    //             Sozialversicherung 1.260.000 × 1 min = 21.000 h × 30,30 = 636.300 €
    // Nummer 1 b: Kommunen 1.260.000 × -3 min = -63.000 h × 25,50 = -1.606.500 €, Sachkosten -1.071.000 € → -2.677.500 €;
    //             einmalig Kommunen 400 × (68 h × 40,70 + 20.000) = 400 × 22.767,60 = 9.107.040 € (27.200 h)
    // Nummer 4: Sozialversicherung 100.000 × -4 min = -6.666,67 h × 30,30 = -202.000 €, Sachkosten -85.000 € → -287.000 €
    // jährlich: Bürger -252.000 - 420.000 = -672.000 h und -1.071.000 €; Länder (mit Kommunen) -8.862.000 - 2.677.500 = -11.539.500 €;
    //           Sozialversicherung 636.300 - 287.000 = 349.300 €
    jaehrlich: totals({ buerger: { stunden: -672_000, sachkosten: -1_071_000 }, verwaltung: { laender: -11_539_500, sozialversicherung: 349_300 } }),
    einmalig: totals({ verwaltung: { laender: 9_107_040 } }),
    posten: [
      ['buerger', 'jaehrlich', -252_000, -1_071_000],
      ['buerger', 'jaehrlich', -420_000, 0],
      ['verwaltung', 'jaehrlich', -210_000, -8_862_000],
      ['verwaltung', 'jaehrlich', 21_000, 636_300],
      ['verwaltung', 'jaehrlich', -63_000, -2_677_500],
      ['verwaltung', 'einmalig', 27_200, 9_107_040],
      ['verwaltung', 'jaehrlich', -6_666.67, -287_000],
    ],
  },
];

describe('Entwürfe für die Fokusleistungen (samples/fokus/)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-fokus-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    const draft = path.join(FOKUS, c.draft);
    const law = path.join(GESETZE, c.law);

    describe(c.draft, () => {
      it(`mit ${c.law} geprüft: keine Befunde im Entwurf`, () => {
        const own = lint([draft, law]).filter((f) => path.resolve(ROOT, f.file) === draft);
        assert.deepEqual(own.map(show), []);
      });

      it('ohne das Gesetz: nur der Hinweis, welches Gesetz einzulesen ist', () => {
        const findings = lint([draft]);
        assert.deepEqual(
          findings.map((f) => `${f.severity} ${f.code}`),
          ['info aenderung-zielgesetz'],
        );
        assert.ok(findings[0].message.startsWith(c.lawName), findings[0].message);
        assert.ok(findings[0].message.includes(`https://www.gesetze-im-internet.de/${c.gii}/xml.zip`), findings[0].message);
      });

      it(`norma apply wendet alle ${c.commands} Befehle an; die neue Fassung hat den neuen Wortlaut`, () => {
        const out = path.join(dir, path.basename(c.draft, '.norma'));
        const r = norma(['apply', draft, law, '-o', out]);
        assert.equal(r.status, 0, r.stderr);
        assert.ok(r.stdout.includes(`${c.abk}: ${c.commands} von ${c.commands} Änderungsbefehl(en) angewandt`), r.stdout);
        const before = fs.readFileSync(law, 'utf8').split('\n');
        const after = fs.readFileSync(path.join(out, c.law), 'utf8').split('\n');
        for (const line of c.present) assert.ok(after.includes(line), `fehlt in der neuen Fassung: ${line}`);
        for (const line of c.gone) {
          assert.ok(before.includes(line), `steht nicht im geltenden Recht: ${line}`);
          assert.ok(!after.includes(line), `steht noch in der neuen Fassung: ${line}`);
        }
      });

      it('norma synopse stellt geltendes Recht und Entwurf gegenüber', () => {
        const html = path.join(dir, `${path.basename(c.draft, '.norma')}.html`);
        const r = norma(['synopse', draft, law, '-o', html]);
        assert.equal(r.status, 0, r.stderr);
        // the changed words are marked (<ins>, <del>): compare the text without the markup
        const text = fs.readFileSync(html, 'utf8').replace(/<[^>]+>/g, '');
        assert.ok(text.includes(c.present[0].trim().slice(0, 60)), 'der neue Wortlaut steht in der Synopse');
      });

      it('norma kosten: die von Hand gerechneten Summen und Posten', () => {
        const r = norma(['kosten', draft, '--format', 'json']);
        assert.equal(r.status, 0, r.stderr);
        const report = JSON.parse(r.stdout) as Report;
        assertNear(report.jaehrlich, c.jaehrlich, 'jaehrlich');
        assertNear(report.einmalig, c.einmalig, 'einmalig');
        assertNear(
          report.posten.map((p) => [p.adressat, p.art, p.ergebnis.stunden, p.ergebnis.euro]),
          c.posten,
          'posten',
        );
      });
    });
  }
});
