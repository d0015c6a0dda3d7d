/**
 * Cross-references: every citation form of real federal law with its
 * structure and ranges, resolution, the reference diagnostics, the editor
 * features on citations, renumbering, and the corpus measurement.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, applyEdits, type LanguageService } from '../server/src/service/index';
import type { CitLevel } from '../server/src/service/refs/citations';
import type { ResolvedCitation } from '../server/src/service/refs';
import { importXml } from '../server/src/service/import';
import { law } from './rule-helpers';

const URI = 'file:///ws/entwurf.norma';

function draft(lines: string[], fm: string[] = []): string {
  return ['---', 'titel: Testgesetz', 'typ: stammgesetz', ...fm, '---', ...lines].join('\n') + '\n';
}

/** One § with the text, the other §§ it needs around it. */
function withText(text: string): string {
  return draft(['§ 1 Prüfung', text]);
}

function level(l: CitLevel): string {
  return `${l.written ? '' : '~'}${l.kind}${l.rel ? `(${l.rel})` : ''}${l.value !== undefined ? ` ${l.value}` : ''}${l.to ? `-${l.to}` : ''}${l.mod ? ` ${l.mod}` : ''}`;
}

function citations(text: string, ls: LanguageService = createLanguageService()): ResolvedCitation[] {
  ls.open(URI, text);
  return ls.getReferenceIndex(URI).citations;
}

/** Citations of the sentence, as [citation text, law, entries as level strings]. */
function shape(sentence: string): [string, string, string[]][] {
  return citations(withText(sentence)).map((rc) => {
    const l = rc.citation.law;
    const law = l.kind === 'intern' ? 'intern' : l.kind === 'gesetz' ? `gesetz:${l.law.abkuerzung}` : `${l.kind}:${l.name}`;
    return [rc.citation.text, law, rc.citation.entries.map((e) => e.levels.map(level).join(' / '))];
  });
}

describe('citation forms (domain-rules §2 and the corpus)', () => {
  it('range plus list: „in den §§ 823 bis 826 bezeichneten Fälle … auf Grund der §§ 827, 828“', () => {
    assert.deepEqual(shape('In den §§ 823 bis 826 bezeichneten Fällen gilt auf Grund der §§ 827, 828 dasselbe.'), [
      ['§§ 823 bis 826', 'intern', ['paragraph 823-826']],
      ['§§ 827, 828', 'intern', ['paragraph 827', 'paragraph 828']],
    ]);
  });
  it('unordered list with a letter suffix: „nach den §§ 636, 280, 281, 283 und 311a“', () => {
    assert.deepEqual(shape('Er kann nach den §§ 636, 280, 281, 283 und 311a Schadensersatz verlangen.'), [
      ['§§ 636, 280, 281, 283 und 311a', 'intern', ['paragraph 636', 'paragraph 280', 'paragraph 281', 'paragraph 283', 'paragraph 311a']],
    ]);
  });
  it('relative inside the same §: „nach Absatz 1 Satz 1 Nummer 1“', () => {
    assert.deepEqual(shape('Das gilt nach Absatz 1 Satz 1 Nummer 1 nicht.'), [['Absatz 1 Satz 1 Nummer 1', 'intern', ['absatz 1 / satz 1 / nummer 1']]]);
  });
  it('five levels: „§ 675d Absatz 6 Satz 1 Nummer 1 Buchstabe b“', () => {
    assert.deepEqual(shape('Es gilt § 675d Absatz 6 Satz 1 Nummer 1 Buchstabe b.'), [
      ['§ 675d Absatz 6 Satz 1 Nummer 1 Buchstabe b', 'intern', ['paragraph 675d / absatz 6 / satz 1 / nummer 1 / buchstabe b']],
    ]);
  });
  it('abbreviated and long forms mixed: „§ 543 Abs. 2 Satz 1 Nr. 3 Buchstabe a“', () => {
    assert.deepEqual(shape('Nach § 543 Abs. 2 Satz 1 Nr. 3 Buchstabe a gilt das.'), [
      ['§ 543 Abs. 2 Satz 1 Nr. 3 Buchstabe a', 'intern', ['paragraph 543 / absatz 2 / satz 1 / nummer 3 / buchstabe a']],
    ]);
  });
  it('Halbsatz: „(Artikel 5 Abs. 1 Satz 1 erster Halbsatz)“', () => {
    assert.deepEqual(shape('Die Freiheit (Artikel 5 Abs. 1 Satz 1 erster Halbsatz) bleibt.'), [
      ['Artikel 5 Abs. 1 Satz 1 erster Halbsatz', 'intern', ['artikel 5 / absatz 1 / satz 1 / halbsatz 1']],
    ]);
  });
  it('mixed list into another law: „Die §§ 332 bis 335, 336 Absatz 2 und § 337 der Zivilprozessordnung“', () => {
    assert.deepEqual(shape('Die §§ 332 bis 335, 336 Absatz 2 und § 337 der Zivilprozessordnung gelten entsprechend.'), [
      ['§§ 332 bis 335, 336 Absatz 2 und § 337 der Zivilprozessordnung', 'gesetz:ZPO', ['paragraph 332-335', 'paragraph 336 / absatz 2', 'paragraph 337']],
    ]);
  });
  it('EU act: „nach Artikel 18 Absatz 1 Buchstabe a der Verordnung (EU) 2016/679“', () => {
    assert.deepEqual(shape('Das Recht nach Artikel 18 Absatz 1 Buchstabe a der Verordnung (EU) 2016/679 bleibt.'), [
      ['Artikel 18 Absatz 1 Buchstabe a der Verordnung (EU) 2016/679', 'eu:Verordnung (EU) 2016/679', ['artikel 18 / absatz 1 / buchstabe a']],
    ]);
    assert.deepEqual(shape('Es gilt die Richtlinie 2001/29/EG nach Artikel 5 der Richtlinie 2001/29/EG.'), [
      ['Artikel 5 der Richtlinie 2001/29/EG', 'eu:Richtlinie 2001/29/EG', ['artikel 5']],
    ]);
  });
  it('SGB book in words and as abbreviation: „des Zehnten Buches Sozialgesetzbuch“, „SGB XII“', () => {
    assert.deepEqual(shape('Abweichend von § 44 Absatz 3 des Zehnten Buches Sozialgesetzbuch und § 9 SGB XII gilt das.'), [
      ['§ 44 Absatz 3 des Zehnten Buches Sozialgesetzbuch', 'gesetz:SGB X', ['paragraph 44 / absatz 3']],
      ['§ 9 SGB XII', 'gesetz:SGB XII', ['paragraph 9']],
    ]);
  });
  it('past version: „Die §§ 29 und 30 des Wohngeldgesetzes in der bis zum 31. Dezember 2008 geltenden Fassung“', () => {
    const ls = createLanguageService();
    const rc = citations(withText('Die §§ 29 und 30 des Wohngeldgesetzes in der bis zum 31. Dezember 2008 geltenden Fassung gelten weiter.'), ls);
    assert.equal(rc.length, 1);
    assert.equal(rc[0].citation.text, '§§ 29 und 30 des Wohngeldgesetzes');
    assert.equal(rc[0].citation.fassung?.kind, 'historisch');
    assert.equal(rc[0].law?.abkuerzung, 'WoGG');
  });
  it('letter ranges: „nach den Buchstaben a bis f und h bis k“', () => {
    assert.deepEqual(shape('Das gilt nach den Buchstaben a bis f und h bis k.'), [['Buchstaben a bis f und h bis k', 'intern', ['buchstabe a-f', 'buchstabe h-k']]]);
  });
  it('a letter f at the end of a sentence is the letter, not „folgende“: „nach Buchstabe f.“, „Buchstaben a bis f.“', () => {
    assert.deepEqual(shape('Das gilt nach Absatz 2 Nummer 1 Buchstabe f. Ferner gilt das nach den Buchstaben a bis f.'), [
      ['Absatz 2 Nummer 1 Buchstabe f', 'intern', ['absatz 2 / nummer 1 / buchstabe f']],
      ['Buchstaben a bis f', 'intern', ['buchstabe a-f']],
    ]);
    assert.deepEqual(shape('Es gelten die §§ 5 f. entsprechend. Ferner gilt Nummer 3 Buchstabe a f.'), [
      ['§§ 5 f.', 'intern', ['paragraph 5 f']],
      ['Nummer 3 Buchstabe a f.', 'intern', ['nummer 3 / buchstabe a f']],
    ]);
  });
  it('„f.“ and „ff.“, the parent carried forward, „i. V. m.“ and „in Verbindung mit“', () => {
    assert.deepEqual(shape('Es gelten § 5 f. und § 7 ff.'), [['§ 5 f. und § 7 ff.', 'intern', ['paragraph 5 f', 'paragraph 7 ff']]]);
    assert.deepEqual(shape('Nach § 5 Absatz 1 Satz 2, 3 und Absatz 4 gilt das.'), [
      ['§ 5 Absatz 1 Satz 2, 3 und Absatz 4', 'intern', ['paragraph 5 / absatz 1 / satz 2', '~paragraph 5 / ~absatz 1 / satz 3', '~paragraph 5 / absatz 4']],
    ]);
    assert.deepEqual(shape('Nach § 5 Absatz 1 in Verbindung mit Absatz 2 gilt das, ebenso nach § 6 i. V. m. § 7.'), [
      ['§ 5 Absatz 1', 'intern', ['paragraph 5 / absatz 1']],
      ['Absatz 2', 'intern', ['~paragraph 5 / absatz 2']],
      ['§ 6', 'intern', ['paragraph 6']],
      ['§ 7', 'intern', ['paragraph 7']],
    ]);
  });
  it('relative forms: „des Absatzes 2“, „der Sätze 1 und 2“, „vorstehender Absatz“, „dieses Absatzes“', () => {
    assert.deepEqual(shape('Die Frist des Absatzes 2 und der Sätze 1 und 2 gilt; dieses Absatzes und des vorstehenden Absatzes wegen.'), [
      ['Absatzes 2', 'intern', ['absatz 2']],
      // linked by „und der“: the Sätze continue Absatz 2 (when that fails, the citing Absatz is tried)
      ['Sätze 1 und 2', 'intern', ['~absatz 2 / satz 1', '~absatz 2 / satz 2']],
      ['dieses Absatzes', 'intern', ['absatz(dieser)']],
      ['vorstehenden Absatzes', 'intern', ['absatz(vorher)']],
    ]);
  });
  it('„Nummer 3 des § 5“: a chain in the genitive names the parent', () => {
    assert.deepEqual(shape('Die Nummern 1 bis 4 des § 7 Absatz 3 gelten.'), [['Nummern 1 bis 4 des § 7 Absatz 3', 'intern', ['~paragraph 7 / ~absatz 3 / nummer 1-4']]]);
  });
  it('„dieses Gesetzes“ is internal; a law by name in any case; a law not known by name', () => {
    assert.deepEqual(shape('Nach § 3 dieses Gesetzes und § 823 des Bürgerlichen Gesetzbuchs sowie § 4 der Gewerbeordnung und § 2 des Landesfischereigesetzes.'), [
      ['§ 3 dieses Gesetzes', 'intern', ['paragraph 3']],
      ['§ 823 des Bürgerlichen Gesetzbuchs', 'gesetz:BGB', ['paragraph 823']],
      ['§ 4 der Gewerbeordnung', 'gesetz:GewO', ['paragraph 4']],
      ['§ 2 des Landesfischereigesetzes', 'unbekannt:Landesfischereigesetzes', ['paragraph 2']],
    ]);
  });
  it('not citations: gazette references, „bauliche Anlagen“, ordinals and dates, units inside quoted text', () => {
    assert.deepEqual(
      shape('Vom 19. Juli 2024 (BGBl. 2024 I Nr. 245, S. 3) an gilt für bauliche Anlagen 100 Quadratmeter; die Angabe „§ 5 Absatz 2“ wird ersetzt.'),
      [],
    );
  });
  it('the citation ranges are exact (entries inside a list)', () => {
    const text = withText('Die §§ 332 bis 335, 336 Absatz 2 und § 337 der Zivilprozessordnung gelten.');
    const ls = createLanguageService();
    const [rc] = citations(text, ls);
    const line = text.split('\n')[rc.citation.block.startLine + rc.citation.line];
    assert.deepEqual(
      rc.citation.entries.map((e) => line.slice(e.start, e.end)),
      ['§§ 332 bis 335', '336 Absatz 2', '§ 337'],
    );
  });
});

const ZIEL = draft([
  '§ 1 Anwendungsbereich',
  '(1) Dieses Gesetz gilt für Anmeldungen.',
  '(2) Es gilt nicht für Nebenwohnungen.',
  '',
  '§ 2 Pflichten',
  '(1) Wer umzieht, meldet sich an. Die Frist beträgt zwei Wochen.',
  '(2) Die Meldung enthält',
  '  1. den Namen,',
  '  2. die Anschrift.',
  '',
  '§ 3 (weggefallen)',
  '',
  '§ 4 Inkrafttreten',
  'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
]);

function lintCodes(text: string, codes: string[], ls = createLanguageService(), uri = URI): string[] {
  ls.open(uri, text);
  return ls
    .getDiagnostics(uri)
    .filter((d) => codes.includes(d.code))
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code} ${d.message}`);
}

describe('resolution and diagnostics', () => {
  it('a draft whose references are all valid shows no reference finding', () => {
    const text = ZIEL.replace('Die Frist beträgt zwei Wochen.', 'Die Frist beträgt zwei Wochen; § 1 Absatz 2 und Absatz 2 Nummer 2 gelten, ebenso Satz 2.');
    assert.deepEqual(lintCodes(text, ['verweis-ziel-fehlt', 'verweis-aufgehoben']), []);
  });
  it('a broken internal reference is an error at that citation, naming what exists', () => {
    const text = ZIEL.replace('Die Frist beträgt zwei Wochen.', 'Es gilt § 2 Absatz 3 und § 9 sowie Satz 4 und Absatz 2 Nummer 5.');
    assert.deepEqual(lintCodes(text, ['verweis-ziel-fehlt']), [
      '9:41-53 verweis-ziel-fehlt „§ 2 Absatz 3“ gibt es nicht: § 2 hat die Absätze 1, 2.',
      '9:58-61 verweis-ziel-fehlt „§ 9“ gibt es nicht (nächste: § 4).',
      // carried over from „§ 9“ that does not exist: the Satz and the Absatz are read in the citing §
      '9:68-74 verweis-ziel-fehlt „Satz 4“ gibt es nicht: § 2 Absatz 1 hat 2 Satz/Sätze.',
      '9:79-96 verweis-ziel-fehlt „Absatz 2 Nummer 5“ gibt es nicht: § 2 Absatz 2 hat die Nummern 1, 2.',
    ]);
  });
  it('a reference to a repealed unit is a warning', () => {
    const text = ZIEL.replace('Die Frist beträgt zwei Wochen.', 'Nach § 3 gilt nichts.');
    assert.deepEqual(lintCodes(text, ['verweis-aufgehoben', 'verweis-ziel-fehlt']), ['9:38-41 verweis-aufgehoben „§ 3“ verweist auf eine weggefallene Vorschrift.']);
  });
  it('a § inside a repealed range names the range', () => {
    const text = draft(['§ 1 Zweck', 'Nach § 4 gilt nichts.', '', '§§ 2 bis 5 (weggefallen)', '', '§ 6 Inkrafttreten', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.']);
    assert.deepEqual(lintCodes(text, ['verweis-aufgehoben', 'verweis-ziel-fehlt']), ['5:5-8 verweis-aufgehoben „§ 4“ verweist auf eine weggefallene Vorschrift (§§ 2 bis 5).']);
  });
  it('an amending Artikel („Änderung des Bundesmeldegesetzes“) cites the amended law, not the draft', () => {
    const text = draft(
      [
        'Artikel 1 Änderung des Bundesmeldegesetzes',
        'Das Bundesmeldegesetz vom 3. Mai 2013 (BGBl. I S. 1084), das zuletzt durch Artikel 2 des Gesetzes vom 8. Mai 2024 (BGBl. 2024 I Nr. 150) geändert worden ist, wird wie folgt geändert:',
        '1. § 3 wird wie folgt gefasst:',
        '„§ 3 Zuständigkeit',
        '(1) Zuständig ist die Behörde.“',
        '2. In § 17 Absatz 1 Satz 1 werden die Wörter „zwei Wochen“ durch die Wörter „einem Monat“ ersetzt.',
        '3. In Absatz 2 wird das Wort „unverzüglich“ gestrichen.',
        '4. § 999 wird aufgehoben.',
        '',
        'Artikel 2 Änderung sonstiger Vorschriften',
        '§ 4 wird aufgehoben.',
        '',
        'Artikel 3 Inkrafttreten',
        'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft. Artikel 1 Nummer 2 gilt ab dem 1. Januar 2027.',
      ],
      ['typ: aenderungsgesetz', 'fassung: entwurf'],
    );
    const codes = ['verweis-ziel-fehlt', 'verweis-aufgehoben', 'zitierung-erstnennung', 'zitierung-fassung'];
    // the law is known but not loaded: nothing to check, and the heading needs no full citation
    assert.deepEqual(lintCodes(text, codes), []);
    const byText = (ls?: LanguageService): Record<string, string> =>
      Object.fromEntries(citations(text, ls).map((rc) => [rc.citation.text, `${rc.scope} ${rc.status}${rc.law ? ` ${rc.law.abkuerzung}` : ''}`]));
    assert.deepEqual(byText(), {
      'Artikel 2 des Gesetzes': 'external unknown',
      '§ 3': 'external known BMG',
      '§ 17 Absatz 1 Satz 1': 'external known BMG',
      'Absatz 2': 'external known BMG',
      '§ 999': 'external known BMG',
      '§ 4': 'external unknown',
      'Artikel 1 Nummer 2': 'internal resolved',
    });
    // with the law in the workspace, the instructions are checked against it (relative ones are not followed)
    const ls = createLanguageService();
    ls.open('file:///ws/bmg.norma', importXml(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'gii-xml', 'bmg.xml'), 'utf8')).text);
    // the targets of the instructions are checked by aenderung-ziel-fehlt, in the order of the commands
    assert.deepEqual(lintCodes(text, [...codes, 'aenderung-ziel-fehlt'], ls), [
      '12:3-55 aenderung-ziel-fehlt „Absatz 2 (BMG)“ gibt es nicht: der Befehl nennt keinen § und keinen Artikel, auch nicht im Befehl darüber.',
      '13:3-25 aenderung-ziel-fehlt „§ 999 (BMG)“ gibt es nicht: nächste: § 58.',
    ]);
    assert.equal(byText(ls)['§ 17 Absatz 1 Satz 1'], 'external resolved BMG');
    assert.equal(byText(ls)['Absatz 2'], 'external known BMG');
  });
  it('references to real laws outside the workspace are not errors; into a loaded law they are checked', () => {
    const text = ZIEL.replace('Die Frist beträgt zwei Wochen.', 'Es gilt § 17 Absatz 1 des Bundesmeldegesetzes und § 99 des Bundesmeldegesetzes.');
    assert.deepEqual(lintCodes(text, ['verweis-ziel-fehlt']), []);
    const ls = createLanguageService();
    const bmg = importXml(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'gii-xml', 'bmg.xml'), 'utf8')).text;
    ls.open('file:///ws/bmg.norma', bmg);
    assert.deepEqual(lintCodes(text, ['verweis-ziel-fehlt'], ls), ['9:83-87 verweis-ziel-fehlt „§ 99 (BMG)“ gibt es nicht (nächste: § 58).']);
    const idx = ls.getReferenceIndex(URI);
    const ok = idx.citations.find((c) => c.citation.text.startsWith('§ 17'));
    assert.equal(ok?.status, 'resolved');
    assert.equal(ok?.targetUri, 'file:///ws/bmg.norma');
  });
  it('first mention without full citation (H8), static or dynamic (H9), chains (H10) are hints in drafts', () => {
    const text = draft([
      '§ 1 Zweck',
      'Es gilt das Bundesnaturschutzgesetz, später das Bundesnaturschutzgesetz vom 29. Juli 2009 (BGBl. I S. 2542).',
      'Das Bürgerliche Gesetzbuch gilt ohne Fundstelle.',
      '',
      '§ 2 Verweis',
      'Es gilt § 3.',
      '',
      '§ 3 Weiterverweis',
      '§ 4 gilt entsprechend.',
      '',
      '§ 4 Inkrafttreten',
      'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
    ]);
    assert.deepEqual(lintCodes(text, ['zitierung-erstnennung', 'zitierung-fassung', 'verweis-kette']), [
      '5:12-35 zitierung-erstnennung Erste Nennung von „Bundesnaturschutzgesetz“ ohne vollständiges Zitat (Datum, Fundstelle, letzte Änderung).',
      '5:48-71 zitierung-fassung Vollzitat von „Bundesnaturschutzgesetz“ ohne Angabe, ob statisch („zuletzt durch … geändert“) oder dynamisch („in der jeweils geltenden Fassung“).',
      '9:8-11 verweis-kette „§ 3“ verweist auf § 3, und dort wird nur weiterverwiesen (§ 4): direkt auf das Ziel verweisen.',
    ]);
    const marked = text.replace('(BGBl. I S. 2542)', '(BGBl. I S. 2542) in der jeweils geltenden Fassung');
    assert.deepEqual(lintCodes(marked, ['zitierung-fassung']), []);
  });

  it('the Eingangssätze of real amending laws are full citations: „in der Fassung der Bekanntmachung vom …“, „Das Zwölfte Buch Sozialgesetzbuch – … – (Artikel 1 des Gesetzes vom …, BGBl. …)“', () => {
    const text = law(
      [
        'Artikel 1 Änderung des Unterhaltsvorschussgesetzes',
        'Das Unterhaltsvorschussgesetz in der Fassung der Bekanntmachung vom 17. Juli 2007 (BGBl. I S. 1446), das zuletzt durch Artikel 44 des Gesetzes vom 2. Dezember 2024 (BGBl. 2024 I Nr. 387) geändert worden ist, wird wie folgt geändert:',
        '  1. In § 9 Absatz 1 Satz 1 wird das Wort „schriftlichen“ gestrichen.',
        '  2. § 12 wird aufgehoben.',
        '',
        'Artikel 2 Änderung des Zwölften Buches Sozialgesetzbuch',
        'Das Zwölfte Buch Sozialgesetzbuch – Sozialhilfe – (Artikel 1 des Gesetzes vom 27. Dezember 2003, BGBl. I S. 3022, 3023), das zuletzt durch Artikel 9 des Gesetzes vom 16. April 2026 (BGBl. 2026 I Nr. 107) geändert worden ist, wird wie folgt geändert:',
        '  1. In § 44 Absatz 1 Satz 1 wird das Wort „Antrag“ durch die Wörter „elektronischen Antrag“ ersetzt.',
        '  2. § 46 wird aufgehoben.',
        '',
        'Artikel 3 Inkrafttreten',
        'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
      ],
      ['typ: aenderungsgesetz'],
    );
    assert.deepEqual(lintCodes(text, ['zitierung-erstnennung', 'zitierung-fassung', 'aenderung-eingangssatz']), []);
    // without the full citation the hint stays
    const bare = text.replace(' in der Fassung der Bekanntmachung vom 17. Juli 2007 (BGBl. I S. 1446), das zuletzt durch Artikel 44 des Gesetzes vom 2. Dezember 2024 (BGBl. 2024 I Nr. 387) geändert worden ist,', '');
    assert.deepEqual(lintCodes(bare, ['zitierung-erstnennung']).map((l) => l.replace(/^\S+ /, '')), ['zitierung-erstnennung Erste Nennung von „Unterhaltsvorschussgesetz“ ohne vollständiges Zitat (Datum, Fundstelle, letzte Änderung).']);
  });

  it('a book of the Sozialgesetzbuch imported from gesetze-im-internet.de („Sozialgesetzbuch (SGB) Zwölftes Buch (XII) …“, no abbreviation) is the law „Zwölftes Buch Sozialgesetzbuch“', () => {
    const ls = createLanguageService();
    const sgb = [
      '---',
      'titel: Sozialgesetzbuch (SGB) Zwölftes Buch (XII) - Sozialhilfe - (Artikel 1 des Gesetzes vom 27. Dezember 2003, BGBl. I S. 3022)',
      'typ: stammgesetz',
      'fassung: konsolidiert',
      '---',
      '§ 44 Antragserfordernis',
      '(1) Leistungen nach diesem Kapitel werden auf Antrag erbracht.',
    ].join('\n');
    ls.open('file:///ws/sgb_12.norma', sgb);
    const draft = law(
      [
        'Artikel 1 Änderung des Zwölften Buches Sozialgesetzbuch',
        'Das Zwölfte Buch Sozialgesetzbuch – Sozialhilfe – (Artikel 1 des Gesetzes vom 27. Dezember 2003, BGBl. I S. 3022, 3023), das zuletzt durch Artikel 9 des Gesetzes vom 16. April 2026 (BGBl. 2026 I Nr. 107) geändert worden ist, wird wie folgt geändert:',
        '  1. In § 44 Absatz 1 wird das Wort „Antrag“ durch die Wörter „elektronischen Antrag“ ersetzt.',
        '  2. § 45 wird aufgehoben.',
        '',
        'Artikel 2 Inkrafttreten',
        'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
      ],
      ['typ: aenderungsgesetz'],
    );
    const found = lintCodes(draft, ['aenderung-zielgesetz', 'aenderung-ziel-fehlt', 'aenderung-text-fehlt'], ls, 'file:///ws/entwurf.norma');
    assert.deepEqual(found.map((l) => l.split(' ').slice(1, 3).join(' ')), ['aenderung-ziel-fehlt „§']);
  });

  it('a law promulgated anew is cited in full „in der Fassung der Bekanntmachung vom … (BGBl. …)“ (H8)', () => {
    const text = draft([
      '§ 1 Zweck',
      'Es gilt das Unterhaltsvorschussgesetz in der Fassung der Bekanntmachung vom 17. Juli 2007 (BGBl. I S. 1446), das zuletzt durch Artikel 44 des Gesetzes vom 2. Dezember 2024 (BGBl. 2024 I Nr. 387) geändert worden ist, in der jeweils geltenden Fassung.',
      '',
      '§ 2 Inkrafttreten',
      'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
    ]);
    assert.deepEqual(lintCodes(text, ['zitierung-erstnennung', 'zitierung-fassung']), []);
    // without the date and the gazette it is no full citation
    const bare = text.replace(' vom 17. Juli 2007 (BGBl. I S. 1446), das zuletzt durch Artikel 44 des Gesetzes vom 2. Dezember 2024 (BGBl. 2024 I Nr. 387) geändert worden ist,', '');
    assert.deepEqual(lintCodes(bare, ['zitierung-erstnennung']).map((l) => l.split(' ')[1]), ['zitierung-erstnennung']);
  });
});

describe('editor features on citations', () => {
  const text = ZIEL.replace('Die Frist beträgt zwei Wochen.', 'Die Frist nach Absatz 2 Nummer 2 und § 1 Absatz 2 Satz 1 beträgt zwei Wochen.');
  const lines = text.split('\n');
  const row = lines.findIndex((l) => l.includes('Die Frist nach'));
  const col = (s: string): number => lines[row].indexOf(s);
  it('definition: to the Nummer, to the Satz', () => {
    const ls = createLanguageService();
    ls.open(URI, text);
    assert.deepEqual(ls.getDefinition(URI, { line: row, character: col('Nummer 2') + 2 }), [
      { uri: URI, range: { start: { line: 12, character: 2 }, end: { line: 12, character: 19 } } },
    ]);
    const satz = ls.getDefinition(URI, { line: row, character: col('Satz 1') });
    assert.deepEqual(satz, [{ uri: URI, range: { start: { line: 6, character: 4 }, end: { line: 6, character: 37 } } }]);
  });
  it('hover: the cited text', () => {
    const ls = createLanguageService();
    ls.open(URI, text);
    const h = ls.getHover(URI, { line: row, character: col('§ 1') + 1 });
    assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents);
    assert.equal((h.contents as { value: string }).value, '**§ 1 Absatz 2 Satz 1** – Anwendungsbereich\n\n> Es gilt nicht für Nebenwohnungen.');
  });
  it('references: what points to § 1 (heading) and to § 2 Absatz 2 (from a citation)', () => {
    const ls = createLanguageService();
    ls.open(URI, text);
    ls.open('file:///ws/andere.norma', ['---', 'titel: Anderes Gesetz', 'typ: stammgesetz', '---', '§ 1 Bezug', 'Es gilt § 1 Absatz 2 des Testgesetzes.'].join('\n'));
    const refs = ls.getReferences(URI, { line: 4, character: 1 }, false);
    assert.deepEqual(
      refs.map((r) => `${r.uri.replace('file:///ws/', '')}:${r.range.start.line}:${r.range.start.character}`).sort(),
      ['andere.norma:5:8', `entwurf.norma:${row}:${col('§ 1')}`],
    );
  });
  it('after typing in the cited unit, hover and definition show the unit as it is now', () => {
    const ls = createLanguageService();
    ls.open(URI, text);
    const p = { line: row, character: col('§ 1') + 1 };
    assert.ok(ls.getHover(URI, p));
    // type inside § 1 Absatz 2 (same structure: one Satz, the cached resolution is kept)
    const target = lines.findIndex((l) => l.startsWith('(2) Es gilt nicht'));
    ls.update(URI, [{ range: { start: { line: target, character: 12 }, end: { line: target, character: 12 } }, text: 'mehr ' }], 2);
    ls.getDiagnostics(URI);
    const h = ls.getHover(URI, p);
    assert.equal((h?.contents as { value: string }).value, '**§ 1 Absatz 2 Satz 1** – Anwendungsbereich\n\n> Es gilt mehr nicht für Nebenwohnungen.');
    assert.deepEqual(ls.getDefinition(URI, p)[0].range, { start: { line: target, character: 4 }, end: { line: target, character: 42 } });
  });
  it('document links: internal targets with their line, known laws to gesetze-im-internet.de', () => {
    const ls = createLanguageService();
    const t = text.replace('beträgt zwei Wochen.', 'beträgt zwei Wochen (§ 823 des Bürgerlichen Gesetzbuches).');
    ls.open(URI, t);
    const links = ls.getDocumentLinks(URI).map((l) => l.target);
    assert.deepEqual(links, [`${URI}#L13`, `${URI}#L7`, 'https://www.gesetze-im-internet.de/bgb/__823.html']);
  });
});

describe('renumbering', () => {
  const base = draft([
    '§ 1 Zweck',
    '(1) Nach § 2 Absatz 2 und den §§ 2 bis 3 gilt Absatz 2.',
    '(2) Zwei.',
    '',
    '§ 2 Pflicht',
    '(1) Eins.',
    '(2) Zwei gemäß § 3 Nummer 2.',
    '',
    '§ 3 Inkrafttreten',
    'Es gilt:',
    '  1. eins nach Nummer 2,',
    '  2. zwei.',
  ]);
  it('after inserting § 1a: numbers and every citation follow; deleting it and renumbering returns the text byte for byte', () => {
    const ls = createLanguageService();
    const inserted = base.replace('§ 2 Pflicht', '§ 1a Neu\nText nach § 2.\n\n§ 2 Pflicht');
    ls.open(URI, inserted);
    const forward = applyEdits(inserted, ls.renumber(URI).changes?.[URI] ?? []).text;
    assert.equal(
      forward,
      base
        .replace('§ 2 Absatz 2 und den §§ 2 bis 3', '§ 3 Absatz 2 und den §§ 3 bis 4')
        .replace('gemäß § 3 Nummer 2', 'gemäß § 4 Nummer 2')
        .replace('§ 3 Inkrafttreten', '§ 4 Inkrafttreten')
        .replace('§ 2 Pflicht', '§ 2 Neu\nText nach § 3.\n\n§ 3 Pflicht'),
    );
    const removed = forward.replace('§ 2 Neu\nText nach § 3.\n\n', '');
    ls.open(URI, removed);
    const back = applyEdits(removed, ls.renumber(URI).changes?.[URI] ?? []).text;
    assert.equal(back, base);
  });
  it('Absätze and Nummern are renumbered with their citations; citations in other documents too', () => {
    const ls = createLanguageService();
    const gap = base.replace('(2) Zwei gemäß', '(3) Zwei gemäß').replace('  2. zwei.', '  3. zwei.').replace('nach Nummer 2', 'nach Nummer 3').replace('§ 3 Nummer 2', '§ 3 Nummer 3');
    ls.open(URI, gap);
    const andere = (n: number): string => ['---', 'titel: Anderes Gesetz', 'typ: stammgesetz', '---', '§ 1 Bezug', `Es gilt § 2 Absatz ${n} des Testgesetzes.`].join('\n') + '\n';
    ls.open('file:///ws/andere.norma', andere(3));
    const edit = ls.renumber(URI);
    assert.equal(applyEdits(gap, edit.changes?.[URI] ?? []).text, base);
    assert.equal(applyEdits(andere(3), edit.changes?.['file:///ws/andere.norma'] ?? []).text, andere(2));
  });
});

/**
 * Unresolved internal citations that are inconsistencies of the consolidated
 * text itself (checked against the gesetze-im-internet XML in ../shared/corpus):
 * they stay reported, and they are the only ones allowed above 0.5 %.
 */
const GENUINE: Record<string, { text: string; why: string }[]> = {
  bmg: [
    { text: '§ 36 Absatz 1', why: '§ 36 BMG has no numbered Absätze (one paragraph of text)' },
    { text: '§ 36 Absatz 1', why: 'the same, in § 55 Absatz 2 Nummer 2' },
    { text: 'Absatz 1 Satz 2 bis 4', why: '§ 39 Absatz 1 BMG has a single Satz' },
  ],
  sgb_12: [
    { text: '§ 42a Absatz 5 Satz 6 Nummer 1, 3 und 4', why: '§ 42a Absatz 5 SGB XII has five Sätze' },
    { text: '§ 28 Absatz 4 Satz 4 und 5', why: '§ 28 Absatz 4 SGB XII has two Sätze' },
    { text: '§ 28 Absatz 4 Satz 4 und 5', why: 'the same, in § 29 Absatz 3' },
  ],
};

describe('the ten corpus laws', function () {
  this.timeout(120_000);
  const dir = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'gii-xml');
  const laws = ['bgb', 'gg', 'wogg', 'baugb', 'ozg', 'egovg', 'vwvfg', 'bmg', 'uhvorschg', 'sgb_12'];
  const ls = createLanguageService();
  before(() => {
    for (const law of laws) ls.open(`file:///corpus/${law}.norma`, importXml(fs.readFileSync(path.join(dir, `${law}.xml`), 'utf8')).text);
  });
  for (const law of laws) {
    it(`${law}: citations found, unresolved internal citations ≤ 0.5 % apart from the text's own inconsistencies`, () => {
      const idx = ls.getReferenceIndex(`file:///corpus/${law}.norma`);
      const internal = idx.citations.filter((c) => c.scope === 'internal');
      const unresolved = internal.filter((c) => c.status === 'unresolved').map((c) => c.citation.text);
      const genuine = (GENUINE[law] ?? []).map((g) => g.text);
      for (const g of genuine) assert.ok(unresolved.includes(g), `documented inconsistency no longer found: ${g}`);
      const rest = [...unresolved];
      for (const g of genuine) rest.splice(rest.indexOf(g), 1);
      assert.ok(idx.citations.length > 50, `only ${idx.citations.length} citations`);
      assert.ok(rest.length / internal.length <= 0.005, `${rest.length} of ${internal.length} unresolved: ${rest.join(' | ')}`);
    });
  }
});
