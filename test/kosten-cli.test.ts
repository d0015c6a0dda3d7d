/**
 * `norma kosten` as a user runs it (`node bin/norma.js kosten …`): the cost
 * report of the two sample drafts with hand-computed figures, the three
 * formats, -o, norma.config.json, exit codes and messages.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CostJson } from '../server/src/service/costs';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'norma.js');

function norma(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmpDirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-kosten-'));
  tmpDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text, 'utf8');
  }
  return dir;
}
after(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function json(...args: string[]): CostJson {
  const r = norma(ROOT, 'kosten', '--format', 'json', ...args);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout) as CostJson;
}

const ZERO = { buerger: { stunden: 0, sachkosten: 0 }, wirtschaft: { euro: 0, buerokratiekosten: 0 }, verwaltung: { bund: 0, laender: 0, sozialversicherung: 0 } };

/**
 * samples/wohnsitzanmeldung.norma, by hand (tables of domain-rules §4):
 *   § 4 (1) Länder, einmalig: 16 × (67.200 min ÷ 60 × 46,70 €/h + 250.000 €) = 16 × 302.304 € = 4.836.864 €
 *   § 4 (3) Bund, höherer Dienst, einmalig: 4.800 h × 67,60 €/h + 1.500.000 € = 1.824.480 €
 *   § 4 (3) Bund, gehobener Dienst, jährlich: 1.600 h × 40,40 €/h + 200.000 € = 264.640 €
 *   § 7 (1) Bürger: 4.800.000 × (2 + 6 + 1) min ÷ 60 = 720.000 h
 *   § 8 (1) Wirtschaft L, mittel, Informationspflicht: 2.900.000 × (3 + 1) min ÷ 60 × 34,70 €/h = 6.708.666,67 €
 *   § 8 (1) Bürger: 1.900.000 × (2 + 3 + 1) min ÷ 60 = 190.000 h
 *   § 10 (1) Kommunen, einfacher/mittlerer Dienst: 4.800.000 × (5 + 1) min ÷ 60 × 25,50 €/h = 12.240.000 €
 */
const WOHNSITZ = {
  jaehrlich: {
    buerger: { stunden: 910_000, sachkosten: 0 },
    wirtschaft: { euro: 6_708_666.67, buerokratiekosten: 6_708_666.67 },
    verwaltung: { bund: 264_640, laender: 12_240_000, sozialversicherung: 0 },
  },
  einmalig: { ...ZERO, verwaltung: { bund: 1_824_480, laender: 4_836_864, sozialversicherung: 0 } },
};

/**
 * samples/wohngeld-digital.norma, by hand:
 *   § 3 (1) Bürger: 1.200.000 × (5 + 3 + 60 + 1) min ÷ 60 = 1.380.000 h
 *   § 5 (2) Bürger mit Wegen (Gemeinde 15 min, 1,10 €): 12.000 × (15 + 15) min ÷ 60 = 6.000 h; 12.000 × 1,10 € = 13.200 €
 *   § 6 (1) Kommunen, gehobener Dienst: 900.000 × 1 min ÷ 60 × 42,20 €/h = 633.000 €
 *   § 6 (1) Sozialversicherung, Durchschnitt: 300.000 × 1 min ÷ 60 × 48,10 €/h = 240.500 €
 *   § 11 (1) Länder, einmalig: 16 × (67.200 min ÷ 60 × 46,70 €/h + 150.000 €) = 16 × 202.304 € = 3.236.864 €
 */
const WOHNGELD = {
  jaehrlich: {
    buerger: { stunden: 1_386_000, sachkosten: 13_200 },
    wirtschaft: { euro: 0, buerokratiekosten: 0 },
    verwaltung: { bund: 0, laender: 633_000, sozialversicherung: 240_500 },
  },
  einmalig: { ...ZERO, verwaltung: { bund: 0, laender: 3_236_864, sozialversicherung: 0 } },
};

describe('norma kosten (CLI)', function () {
  this.timeout(60000);

  describe('the sample drafts, checked against hand-computed figures', () => {
    it('samples/wohnsitzanmeldung.norma', () => {
      const r = json('samples/wohnsitzanmeldung.norma');
      assert.deepEqual({ jaehrlich: r.jaehrlich, einmalig: r.einmalig }, WOHNSITZ);
      assert.deepEqual(
        r.posten.map((p) => [p.paragraph, p.eId, p.adressat, p.art, p.fallzahl, p.minuten, p.lohnsatz, p.sachkosten, p.ergebnis.stunden, p.ergebnis.euro]),
        [
          ['§ 4', 'art-z4_abs-z1', 'verwaltung', 'einmalig', 16, 67_200, 46.7, 250_000, 17_920, 4_836_864],
          ['§ 4', 'art-z4_abs-z3', 'verwaltung', 'einmalig', 1, 288_000, 67.6, 1_500_000, 4800, 1_824_480],
          ['§ 4', 'art-z4_abs-z3', 'verwaltung', 'jaehrlich', 1, 96_000, 40.4, 200_000, 1600, 264_640],
          ['§ 7', 'art-z7_abs-z1', 'buerger', 'jaehrlich', 4_800_000, 9, null, 0, 720_000, 0],
          ['§ 8', 'art-z8_abs-z1', 'wirtschaft', 'jaehrlich', 2_900_000, 4, 34.7, 0, 193_333.33, 6_708_666.67],
          ['§ 8', 'art-z8_abs-z1', 'buerger', 'jaehrlich', 1_900_000, 6, null, 0, 190_000, 0],
          ['§ 10', 'art-z10_abs-z1', 'verwaltung', 'jaehrlich', 4_800_000, 6, 25.5, 0, 480_000, 12_240_000],
        ],
      );
    });

    it('samples/wohngeld-digital.norma', () => {
      const r = json('samples/wohngeld-digital.norma');
      assert.deepEqual({ jaehrlich: r.jaehrlich, einmalig: r.einmalig }, WOHNGELD);
      assert.deepEqual(
        r.posten.map((p) => [p.bezeichnung, p.ergebnis]),
        [
          ['Elektronischer Wohngeldantrag', { stunden: 1_380_000, euro: 0 }],
          ['Vorlage eines Nachweises im Original', { stunden: 6000, euro: 13_200 }],
          ['Nachweisabruf durch die Wohngeldbehörden', { stunden: 15_000, euro: 633_000 }],
          ['Auskunft der Träger der Rentenversicherung im Nachweisabruf', { stunden: 5000, euro: 240_500 }],
          ['Bereitstellung der Wohngeldportale', { stunden: 17_920, euro: 3_236_864 }],
        ],
      );
    });

    it('both drafts: one report, the sums added', () => {
      const r = json('samples/wohnsitzanmeldung.norma', 'samples/wohngeld-digital.norma');
      assert.equal(r.posten.length, 12);
      assert.equal(r.jaehrlich.buerger.stunden, 910_000 + 1_386_000);
      assert.equal(r.jaehrlich.verwaltung.laender, 12_240_000 + 633_000);
      assert.equal(r.einmalig.verwaltung.laender, 4_836_864 + 3_236_864);
    });

    it('Markdown: Vorblatt section E of the Wohnsitzanmeldung as a Gesetzentwurf writes it', () => {
      const r = norma(ROOT, 'kosten', 'samples/wohnsitzanmeldung.norma');
      assert.equal(r.code, 0, r.stderr);
      const md = r.stdout;
      for (const s of [
        '## E. Erfüllungsaufwand',
        '### E.1 Erfüllungsaufwand für Bürgerinnen und Bürger\n\nFür Bürgerinnen und Bürger entsteht ein jährlicher Erfüllungsaufwand von 910.000 Stunden. Einmaliger Erfüllungsaufwand entsteht nicht.',
        '### E.2 Erfüllungsaufwand für die Wirtschaft\n\nFür die Wirtschaft entsteht ein jährlicher Erfüllungsaufwand von rund 6,7 Mio. Euro. Einmaliger Erfüllungsaufwand entsteht nicht.',
        'ein „In“ von rund 6,7 Mio. Euro dar.',
        '#### Davon Bürokratiekosten aus Informationspflichten\n\nVom jährlichen Erfüllungsaufwand entfallen rund 6,7 Mio. Euro auf Bürokratiekosten aus Informationspflichten.',
        '### E.3 Erfüllungsaufwand der Verwaltung\n\n**Bund**\n\nFür den Bund entsteht ein jährlicher Erfüllungsaufwand von 264.640 Euro. Hinzu kommt ein einmaliger Erfüllungsaufwand von rund 1,8 Mio. Euro.',
        '**Länder einschließlich Kommunen**\n\nFür die Länder einschließlich der Kommunen entsteht ein jährlicher Erfüllungsaufwand von rund 12,2 Mio. Euro. Hinzu kommt ein einmaliger Erfüllungsaufwand von rund 4,8 Mio. Euro.',
        'Der jährliche Zeitaufwand der Verwaltung von 481.600 Stunden entspricht 301 Personenjahren (1.600 Stunden je Personenjahr).',
        '### § 8 Elektronische Bestätigung des Wohnungsgebers',
        '| Elektronische Bestätigung durch gewerbliche Wohnungsgeber | Absatz 1 | Wirtschaft (L, Informationspflicht) | jährlich | 2.900.000 | 4 | 34,70 | 0,00 | 193.333 | 6.708.667 |',
        '(*ungeprüfte Übertragung*)',
      ]) {
        assert.ok(md.includes(s), `missing:\n${s}\n\nin:\n${md}`);
      }
      assert.ok(!md.includes('**Sozialversicherung**'), 'no Sozialversicherung section without figures');
    });
  });

  describe('formats and output', () => {
    it('CSV: a header and one row per posten', () => {
      const r = norma(ROOT, 'kosten', '-f', 'csv', 'samples/wohngeld-digital.norma');
      assert.equal(r.code, 0, r.stderr);
      const rows = r.stdout.split('\r\n');
      assert.equal(rows.pop(), '');
      assert.equal(rows[0], 'datei,paragraph,eId,bezeichnung,adressat,ebene,wirtschaftszweig,qualifikation,laufbahn,art,fallzahl,minuten,lohnsatz,sachkosten,wege,informationspflicht,stunden,euro,buerokratiekosten');
      assert.equal(rows.length, 6);
      assert.equal(rows[2], 'samples/wohngeld-digital.norma,§ 5,art-z5_abs-z2,Vorlage eines Nachweises im Original,buerger,,,,,jaehrlich,12000,30,,1.1,gemeinde,,6000,13200,0');
    });

    it('HTML: a standalone page with section E, the charts and the tables, no script', () => {
      const r = norma(ROOT, 'kosten', '--format', 'html', 'samples/wohngeld-digital.norma');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^<!DOCTYPE html>/);
      assert.match(r.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
      assert.match(r.stdout, /<h2>E\. Erfüllungsaufwand<\/h2>/);
      // the Bürger Sachkosten of § 5 Absatz 2 in the chart: 12.000 × 1,10 € = 13.200 €
      assert.match(r.stdout, /<title>§ 5 · Bürger \(Sachkosten\): 13\.200 €<\/title>/);
      assert.match(r.stdout, /<table>/);
      assert.doesNotMatch(r.stdout, /<script/i);
    });

    it('-o writes the report to a file; a folder is searched for .norma files', () => {
      const dir = folder({ 'entwuerfe/a.norma': fs.readFileSync(path.join(ROOT, 'samples', 'wohngeld-digital.norma'), 'utf8') });
      const r = norma(dir, 'kosten', '--format', 'json', '-o', 'berichte/kosten.json', 'entwuerfe');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      const written = JSON.parse(fs.readFileSync(path.join(dir, 'berichte', 'kosten.json'), 'utf8')) as CostJson;
      assert.deepEqual({ jaehrlich: written.jaehrlich, einmalig: written.einmalig }, WOHNGELD);
    });

    it('norma.config.json next to the draft overrides the tables', () => {
      const dir = folder({
        'entwurf.norma': fs.readFileSync(path.join(ROOT, 'samples', 'wohngeld-digital.norma'), 'utf8'),
        'norma.config.json': JSON.stringify({ kosten: { lohnsaetze: { verwaltung: { kommune: { gehoben: 50 } } } } }),
      });
      const r = norma(dir, 'kosten', '--format', 'json', 'entwurf.norma');
      assert.equal(r.code, 0, r.stderr);
      // 15.000 h × 50 €/h
      assert.equal((JSON.parse(r.stdout) as CostJson).jaehrlich.verwaltung.laender, 750_000);
    });
  });

  describe('errors and exit codes', () => {
    const BROKEN = [
      '---',
      'titel: Gesetz zur Probe',
      'typ: stammgesetz',
      '---',
      '§ 1 Meldung',
      'Wer eine Wohnung bezieht, meldet sich an.',
      '@aufwand Anmeldung',
      '  adressat: buerger',
      '  fallzahl: viele',
      '  zeit: 10 min',
      '@aufwand Bestätigung',
      '  adressat: buerger',
      '  fallzahl: 100',
      '  zeit: 6 min',
      '§ 2 Inkrafttreten',
      'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
      '',
    ].join('\n');

    it('an @aufwand with errors: the report without it, the finding on standard error, exit code 1', () => {
      const dir = folder({ 'entwurf.norma': BROKEN });
      const r = norma(dir, 'kosten', '--format', 'json', 'entwurf.norma');
      assert.equal(r.code, 1);
      assert.equal(
        r.stderr,
        'entwurf.norma:9:13 error aufwand „viele“ ist keine Zahl im deutschen Format (z. B. „4.800.000“, „4 800 000“ oder „1,2 Mio.“).\nnorma kosten: 1 @aufwand-Angabe(n) mit Fehlern nicht berücksichtigt.\n',
      );
      const out = JSON.parse(r.stdout) as CostJson;
      assert.deepEqual(out.posten.map((p) => p.bezeichnung), ['Bestätigung']);
      assert.equal(out.jaehrlich.buerger.stunden, 10);
    });

    it('usage errors: exit code 2', () => {
      const cases: [string[], string][] = [
        [['kosten', '--format', 'xml', 'samples/wohngeld-digital.norma'], 'norma: kosten: Unbekanntes Format „xml“. Formate: markdown, json, csv, html\n'],
        [['kosten'], 'norma: kosten: Keine Dateien angegeben. Beispiel: norma kosten entwurf.norma\n'],
        [['kosten', 'fehlt.norma'], 'norma: Datei oder Ordner nicht gefunden: fehlt.norma\n'],
        [['kosten', '--waehrung', 'EUR', 'samples/wohngeld-digital.norma'], 'norma: kosten: Unbekannte Option „--waehrung“. Optionen: --format, -o/--output. Hilfe: norma kosten --help\n'],
      ];
      for (const [args, stderr] of cases) {
        const r = norma(ROOT, ...args);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stderr, stderr);
        assert.equal(r.stdout, '');
      }
    });

    it('norma --help lists the command; norma kosten --help its usage', () => {
      assert.match(norma(ROOT, '--help').stdout, /^ {2}norma kosten <Dateien\|Ordner\|Muster…> \[Optionen\]$/m);
      const r = norma(ROOT, 'kosten', '--help');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, 'Aufruf: norma kosten <Dateien|Ordner|Muster…> [--format markdown|json|csv|html] [-o <Datei>]\n');
    });
  });
});
