/**
 * Landesrecht: Land laws as known laws (data/landesgesetze.json), their
 * short names resolved only in drafts of that Land, the `geltung` of every
 * rule for Land drafts (as rules.md documents it), a Landesgesetz beside
 * the same draft as Bundesgesetz, and the Baugenehmigung draft of
 * Mecklenburg-Vorpommern: clean lint and cost figures computed by hand.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, RULES, type LanguageService, type NormaDiagnostic } from '../server/src/service/index';
import { LANDESGESETZE, LandesgesetzeFileSchema } from '../server/src/service/refs/laws';
import { costReportJson, costReportMarkdown } from '../server/src/service/costs/report';
import type { ResolvedCitation } from '../server/src/service/refs';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'norma.js');
const DRAFT = path.join(ROOT, 'samples', 'fokus', 'baugenehmigung-mv.norma');
const URI = 'file:///entwurf/land.norma';

function front(ebene: 'bund' | 'land', land = 'MV'): string {
  return ['---', 'titel: Gesetz über die digitale Beantragung von Bewohnerparkausweisen', 'typ: stammgesetz', `ebene: ${ebene}`, ...(ebene === 'land' ? [`land: ${land}`] : []), '---'].join('\n');
}

/** The same draft as Landesgesetz and as Bundesgesetz. */
function draft(ebene: 'bund' | 'land', body: string[], land = 'MV'): string {
  const formel = ebene === 'land' ? 'Der Landtag hat das folgende Gesetz beschlossen:' : 'Der Bundestag hat das folgende Gesetz beschlossen:';
  const next = body.filter((l) => l.startsWith('§ ')).length + 1;
  return `${front(ebene, land)}\n${formel}\n\n${body.join('\n')}\n§ ${next} Inkrafttreten\nDieses Gesetz tritt am Tag nach der Verkündung in Kraft.\n`;
}

function open(text: string): LanguageService {
  const ls = createLanguageService();
  ls.open(URI, text);
  return ls;
}

function citations(text: string): ResolvedCitation[] {
  return open(text).getReferenceIndex(URI).citations;
}

function diags(text: string): NormaDiagnostic[] {
  return open(text).getDiagnostics(URI);
}

function codes(ds: NormaDiagnostic[]): string[] {
  return ds.map((d) => `${d.range.start.line + 1}:${d.code}`);
}

describe('Landesrecht', () => {
  describe('data/landesgesetze.json', () => {
    it('is valid, names its source and date, and every entry its Land and Fundstelle', () => {
      const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'landesgesetze.json'), 'utf8'));
      const file = LandesgesetzeFileSchema.parse(raw);
      assert.match(file.quelle, /geprueft/);
      assert.match(file.stand, /^\d{4}-\d{2}-\d{2}$/);
      for (const g of file.gesetze) {
        assert.ok(file.laender[g.land], `${g.abkuerzung}: Land ${g.land} ist nicht beschrieben`);
        assert.match(g.fundstelle, /GVOBl\. M-V/);
        if (g.geprueft) assert.ok(g.beleg, `${g.abkuerzung}: geprüft, aber ohne Beleg`);
      }
    });
    it('has the Land laws the samples cite: LBauO M-V, VwVfG M-V, EGovG M-V', () => {
      assert.deepEqual(
        LANDESGESETZE.gesetze.map((g) => `${g.land} ${g.abkuerzung}`),
        ['MV LBauO M-V', 'MV VwVfG M-V', 'MV EGovG M-V'],
      );
    });
  });

  describe('citations of Land laws', () => {
    const body = [
      '§ 1 Bauvorhaben',
      '(1) Für Bauvorhaben gelten § 64 der Landesbauordnung und § 68 der LBauO M-V.',
      '(2) § 3a des Landesverwaltungsverfahrensgesetzes bleibt unberührt; § 72 der Landesbauordnung Mecklenburg-Vorpommern gilt entsprechend.',
    ];

    it('in a Landesgesetz of Mecklenburg-Vorpommern the short names resolve to the laws of M-V', () => {
      const cs = citations(draft('land', body));
      assert.deepEqual(
        cs.map((c) => `${c.citation.text} → ${c.status} ${c.law?.abkuerzung} (${c.law?.land})`),
        [
          '§ 64 der Landesbauordnung → known LBauO M-V (MV)',
          '§ 68 der LBauO M-V → known LBauO M-V (MV)',
          '§ 3a des Landesverwaltungsverfahrensgesetzes → known VwVfG M-V (MV)',
          '§ 72 der Landesbauordnung Mecklenburg-Vorpommern → known LBauO M-V (MV)',
        ],
      );
    });

    it('in a Bundesgesetz „der Landesbauordnung“ is the Länder’s law in general: not resolved, no H8 finding', () => {
      const text = draft('bund', body);
      const cs = citations(text);
      assert.deepEqual(
        cs.map((c) => `${c.citation.text} → ${c.status} ${c.law?.abkuerzung ?? '-'}`),
        [
          '§ 64 der Landesbauordnung → unknown -',
          '§ 68 der LBauO M-V → known LBauO M-V',
          '§ 3a des Landesverwaltungsverfahrensgesetzes → unknown -',
          '§ 72 der Landesbauordnung Mecklenburg-Vorpommern → known LBauO M-V',
        ],
      );
      const h8 = diags(text).filter((d) => d.code === 'zitierung-erstnennung');
      // only the law named with its Land is one law to cite in full
      assert.deepEqual(
        h8.map((d) => d.message),
        ['Erste Nennung von „LBauO M-V“ ohne vollständiges Zitat (Datum, Fundstelle, letzte Änderung).'],
      );
    });

    it('in a Landesgesetz of another Land the short names of M-V do not apply', () => {
      const cs = citations(draft('land', body, 'BY'));
      assert.equal(cs[0].status, 'unknown');
      assert.equal(cs[0].law, undefined);
    });

    it('H8 asks for the full citation of a Land law at its first mention, and a full citation with the GVOBl. M-V satisfies it', () => {
      const bare = draft('land', ['§ 1 Verfahren', 'Für das Verfahren gelten die Vorschriften des Landesverwaltungsverfahrensgesetzes.']);
      assert.deepEqual(
        diags(bare)
          .filter((d) => d.code === 'zitierung-erstnennung')
          .map((d) => d.message),
        ['Erste Nennung von „Landesverwaltungsverfahrensgesetzes“ ohne vollständiges Zitat (Datum, Fundstelle, letzte Änderung).'],
      );
      const full = draft('land', [
        '§ 1 Verfahren',
        'Für das Verfahren gilt das Landesverwaltungsverfahrensgesetz in der Fassung der Bekanntmachung vom 1. September 2014 (GVOBl. M-V S. 476), das zuletzt durch Artikel 2 des Gesetzes vom 25. April 2016 (GVOBl. M-V S. 198) geändert worden ist.',
        '§ 2 Verweis',
        'Das Landesverwaltungsverfahrensgesetz bleibt unberührt.',
      ]);
      assert.deepEqual(
        diags(full).filter((d) => d.code === 'zitierung-erstnennung' || d.code === 'zitierung-fassung'),
        [],
      );
    });

    it('the hover names the Land law, its Land and its Fundstelle', () => {
      const text = draft('land', body);
      const ls = open(text);
      const line = text.split('\n').findIndex((l) => l.startsWith('(1) Für Bauvorhaben'));
      const h = ls.getHover(URI, { line, character: 'Für Bauvorhaben gelten § 6'.length + 4 });
      const value = (h?.contents as { value: string }).value;
      assert.match(value, /Landesbauordnung Mecklenburg-Vorpommern \(LBauO M-V\) – bekannt, nicht geladen\./);
      assert.match(value, /Landesrecht Mecklenburg-Vorpommern, in der Fassung der Bekanntmachung vom 15\. Oktober 2015 \(GVOBl\. M-V S\. 344; 2016 S\. 28\)\./);
      assert.match(value, /landesrecht-mv\.de/);
    });
  });

  describe('federal-only rules', () => {
    it('rules.md „Landesrecht“ lists exactly the rules whose geltung is not „alle“', () => {
      const md = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
      const section = md.slice(md.indexOf('## Landesrecht (state law)'), md.indexOf('\n## syntax'));
      const WORD: Record<string, string> = { 'Land form': 'landesform', 'as practice': 'entsprechend', 'federal only': 'bund' };
      const documented = new Map<string, string>();
      for (const row of section.split('\n').filter((l) => l.startsWith('| [`'))) {
        const cells = row.split('|').map((c) => c.trim());
        for (const m of cells[1].matchAll(/\[`([a-z-]+)`\]/g)) documented.set(m[1], WORD[cells[2]] ?? `?${cells[2]}`);
      }
      const inCode = new Map(RULES.filter((r) => (r.geltung ?? 'alle') !== 'alle').map((r) => [r.id, r.geltung as string]));
      assert.deepEqual([...documented].sort(), [...inCode].sort());
      for (const r of RULES) if ((r.geltung ?? 'alle') !== 'alle') assert.ok(r.geltungGrund?.de && r.geltungGrund.en, `${r.id}: geltung ohne Grund`);
    });

    it('a Landesgesetz and the same draft as Bundesgesetz differ as documented', () => {
      const body = ['§ 1 Antrag', 'Der Antrag ist schriftlich zu stellen.'];
      const land = diags(draft('land', body));
      const bund = diags(draft('bund', body));
      assert.deepEqual(codes(land), ['4:landesrecht', '10:schriftform']);
      assert.deepEqual(codes(bund), ['9:schriftform']);
      const sf = (ds: NormaDiagnostic[]): NormaDiagnostic => ds.find((d) => d.code === 'schriftform') as NormaDiagnostic;
      // the same finding, citing the Land's procedure act, and saying it applies the federal Digitalcheck
      assert.equal(sf(land).message, `${sf(bund).message.replace('VwVfG', 'VwVfG M-V')} (Digitalcheck des Bundes, im Landesrecht entsprechend angewandt.)`);
      assert.equal(sf(land).source, `${sf(bund).source} – im Landesrecht entsprechend`);
      assert.match(land[0].message, /^Landesgesetz \(Mecklenburg-Vorpommern\): .*Entsprechend angewandt, weil Verfahren des Bundes: schriftform, .*In der Form des Landes geprüft: aufwand, eingangsformel\./);
    });

    it('the Eingangsformel of the other level is a warning with the right formula as suggestion', () => {
      const landMitBundestag = draft('land', ['§ 1 Zweck', 'Text.']).replace('Der Landtag hat', 'Der Bundestag hat mit Zustimmung des Bundesrates');
      const d = diags(landMitBundestag).find((x) => x.code === 'eingangsformel');
      assert.equal(d?.data.suggestions?.[0].edits[0].newText, 'Der Landtag hat das folgende Gesetz beschlossen:');
      const bundMitLandtag = draft('bund', ['§ 1 Zweck', 'Text.']).replace('Der Bundestag hat', 'Der Landtag hat');
      assert.match(diags(bundMitLandtag).find((x) => x.code === 'eingangsformel')?.message ?? '', /^Eingangsformel nennt den Landtag: ein Bundesgesetz beschließt der Bundestag/);
      // Bremen: the Bürgerschaft enacts the law
      assert.deepEqual(codes(diags(draft('land', ['§ 1 Zweck', 'Text.'], 'HB').replace('Der Landtag', 'Die Bürgerschaft')).filter((x) => x.code === 'eingangsformel')), []);
      // the articles of the city states' parliaments, in the suggestion and in the message
      const berlin = diags(draft('land', ['§ 1 Zweck', 'Text.'], 'BE').replace('Der Landtag hat', 'Der Bundestag hat')).find((x) => x.code === 'eingangsformel');
      assert.equal(berlin?.data.suggestions?.[0].edits[0].newText, 'Das Abgeordnetenhaus hat das folgende Gesetz beschlossen:');
      const bundMitBuergerschaft = draft('bund', ['§ 1 Zweck', 'Text.']).replace('Der Bundestag hat', 'Die Bürgerschaft hat');
      assert.match(diags(bundMitBuergerschaft).find((x) => x.code === 'eingangsformel')?.message ?? '', /^Eingangsformel nennt die Bürgerschaft: ein Bundesgesetz/);
    });

    it('an @aufwand with „ebene: bund“ is a warning in a Landesgesetz only', () => {
      const body = ['§ 1 Antrag', 'Die Behörde prüft den Antrag.', '@aufwand Prüfung', '  adressat: verwaltung', '  ebene: bund', '  fallzahl: 100', '  zeit: 10 min'];
      assert.deepEqual(
        diags(draft('land', body))
          .filter((d) => d.code === 'aufwand')
          .map((d) => `${d.severity} ${d.message}`),
        [`2 „ebene: bund“ in einem Landesgesetz: ein Landesgesetz verpflichtet die Länder und Kommunen, nicht die Bundesverwaltung – „land“ oder „kommune“ angeben.`],
      );
      assert.deepEqual(diags(draft('bund', body)).filter((d) => d.code === 'aufwand'), []);
    });

    it('the Schriftform finding cites § 3a Absatz 2 of the procedure act of the draft’s level', () => {
      const body = ['§ 1 Antrag', 'Der Antrag ist schriftlich zu stellen.', '§ 2 Bescheid', 'Der Bescheid ergeht, wenn die Unterlagen angemessen sind.'];
      const message = (ebene: 'bund' | 'land', land?: string, code = 'schriftform'): string => {
        const d = diags(draft(ebene, body, land)).find((x) => x.code === code);
        assert.ok(d, `${ebene} ${land ?? ''}: no ${code}`);
        return d.message;
      };
      assert.match(message('bund'), /§ 3a Absatz 2 VwVfG den elektronischen Ersatz/);
      // M-V: data/landesgesetze.json names its act
      assert.match(message('land', 'MV'), /§ 3a Absatz 2 VwVfG M-V den elektronischen Ersatz/);
      // a Land whose act the data file does not name: no federal citation as if it applied
      const by = message('land', 'BY');
      assert.match(by, /die dem § 3a Absatz 2 VwVfG entsprechende Vorschrift des Landesverwaltungsverfahrensgesetzes/);
      // § 35a VwVfG (automated administrative acts): the Land's counterpart in a Land draft
      assert.match(message('bund', undefined, 'unbestimmter-begriff'), /\(§ 35a VwVfG\)/);
      assert.match(message('land', 'MV', 'unbestimmter-begriff'), /§ 35a VwVfG und die entsprechende Vorschrift des Landes/);
    });

    it('norma lint on a Land draft shows the note (information: exit code 0)', () => {
      const r = spawnSync(process.execPath, [BIN, 'lint', path.join(ROOT, 'samples', 'schulung', 'fehlerhafter-entwurf.loesung.norma')], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /:9:1 info landesrecht Landesgesetz \(Mecklenburg-Vorpommern\): Die Regeln nach dem Handbuch der Rechtsförmlichkeit gelten wie im Bund/);
    });
  });

  describe('samples/fokus/baugenehmigung-mv.norma', () => {
    it('lints without errors and warnings: only the note on Landesrecht and the law to import', () => {
      const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', DRAFT], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const found = (JSON.parse(r.stdout) as { severity: string; code: string; message: string }[]).map((f) => `${f.severity} ${f.code}`);
      assert.deepEqual(found, ['info landesrecht', 'info aenderung-zielgesetz']);
      assert.match(r.stdout, /Landesbauordnung Mecklenburg-Vorpommern \(LBauO M-V\)“ ist nicht im Arbeitsbereich.*landesrecht-mv\.de/);
    });

    it('its cost report has the figures computed by hand from the annotations and data/erfuellungsaufwand.json', () => {
      const r = spawnSync(process.execPath, [BIN, 'kosten', DRAFT, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const j = JSON.parse(r.stdout);
      // Wirtschaft (M, hoch: 64,20 €/h, Informationspflicht): 3.000 × (−30 min ÷ 60 × 64,20 € − 40 €) = 3.000 × −72,10 € = −216.300 €
      // Bürger: 1.560 × −15 min ÷ 60 = −390 h; 1.560 × −10 € = −15.600 €
      // Kommunen, einfacher/mittlerer Dienst (25,50 €/h): 3.000 × −20 min ÷ 60 × 25,50 € = −25.500 €
      // Kommunen, gehobener Dienst (42,20 €/h): 9.000 × (−10 min ÷ 60 × 42,20 € − 5 €) = −63.300 € − 45.000 € = −108.300 €
      // Länder jährlich: −25.500 € − 108.300 € = −133.800 €
      // einmalig, Kommunen gehoben: 8 × (4.080 min ÷ 60 × 42,20 € + 20.000 €) = 8 × 22.869,60 € = 182.956,80 €
      // einmalig, Land höherer Dienst (69,30 €/h): 1 × 67.200 min ÷ 60 × 69,30 € = 77.616 €; zusammen 260.572,80 €
      assert.deepEqual(j.jaehrlich, {
        buerger: { stunden: -390, sachkosten: -15600 },
        wirtschaft: { euro: -216300, buerokratiekosten: -216300 },
        verwaltung: { bund: 0, laender: -133800, sozialversicherung: 0 },
      });
      assert.deepEqual(j.einmalig, {
        buerger: { stunden: 0, sachkosten: 0 },
        wirtschaft: { euro: 0, buerokratiekosten: 0 },
        verwaltung: { bund: 0, laender: 260572.8, sozialversicherung: 0 },
      });
      assert.deepEqual(
        j.posten.map((p: { adressat: string; fallzahl: number; minuten: number; lohnsatz: number | null; sachkosten: number; ergebnis: { stunden: number; euro: number } }) => [p.adressat, p.fallzahl, p.minuten, p.lohnsatz, p.sachkosten, p.ergebnis.euro]),
        [
          ['wirtschaft', 3000, -30, 64.2, -40, -216300],
          ['buerger', 1560, -15, null, -10, -15600],
          ['verwaltung', 3000, -20, 25.5, 0, -25500],
          ['verwaltung', 8, 4080, 42.2, 20000, 182956.8],
          ['verwaltung', 9000, -10, 42.2, -5, -108300],
          ['verwaltung', 1, 67200, 69.3, 0, 77616],
        ],
      );
    });

    it('its Vorblatt leaves out the federal one-in-one-out rule', () => {
      const ls = createLanguageService();
      const uri = `file://${DRAFT}`;
      ls.open(uri, fs.readFileSync(DRAFT, 'utf8'));
      const report = ls.getCostReport([uri]);
      const md = costReportMarkdown(report);
      assert.match(md, /Die „One in, one out“-Regel der Bundesregierung gilt für Regelungsvorhaben des Bundes; für dieses Landesgesetz wird sie nicht ausgewiesen\./);
      assert.doesNotMatch(md, /stellt der jährliche Erfüllungsaufwand der Wirtschaft in diesem Regelungsvorhaben ein/);
      assert.equal(costReportJson(report).jaehrlich.wirtschaft.euro, -216300);
    });
  });
});
