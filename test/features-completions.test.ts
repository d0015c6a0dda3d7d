/**
 * Completions: what the editor offers while a drafter types, shown as
 * `label | detail | replaced range → inserted text`.
 */
import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';
import type { CompletionSource, LanguageService } from '../server/src/service/index';
import { at, draft, law, open, rs, sample, URI } from './features-helpers';

function show(i: CompletionItem): string {
  const e = i.textEdit && 'range' in i.textEdit ? i.textEdit : undefined;
  return `${i.label} | ${i.detail ?? ''} | ${rs(e?.range)} → ${JSON.stringify(e?.newText)}`;
}

/** Open `text` and complete at the end of the first occurrence of `lineText`. */
function complete(text: string, lineText: string, ls?: LanguageService): string[] {
  const s = open(text, URI, ls);
  return s.getCompletions(URI, at(text, lineText, lineText.length)).items.map(show);
}

const TEXT = law(
  '§ 1 Anwendungsbereich',
  '(1) Dieses Gesetz gilt für die Anmeldung einer Wohnung im Inland.',
  '(2) Es gilt nicht für Nebenwohnungen.',
  '',
  '§ 2 Anmeldung',
  '(1) Wer eine Wohnung bezieht, hat sich anzumelden.',
  '(2) Der Anmeldung ist beizufügen',
  '  1. die Bestätigung des Wohnungsgebers oder',
  '  2. eine Erklärung, dass',
  '    a) der Wohnungsgeber nicht erreichbar ist oder',
  '    b) die Wohnung im Eigentum steht.',
  '(3) Die Frist nach § 1 Absatz |',
  '(4) Die Frist nach Absatz |',
  '(5) Nach Absatz 2 Nummer |',
  '(6) Die §§ 1, |',
  '',
  '§ 3 (weggefallen)',
  '',
  '§ 10 Inkrafttreten',
  'Nach § |',
);

/** Complete at the `|` of the line that starts with `start` (the `|` is removed first). */
function completeAt(text: string, start: string): string[] {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(start) && l.includes('|'));
  assert.ok(i >= 0, start);
  const col = lines[i].indexOf('|');
  lines[i] = lines[i].replace('|', '');
  const ls = open(lines.join('\n'));
  return ls.getCompletions(URI, { line: i, character: col }).items.map(show);
}

describe('features: completions', () => {
  it('after „§ “: the §§ of the document with their titles, in number order', () => {
    assert.deepEqual(completeAt(TEXT, 'Nach § '), [
      '§ 1 | Anwendungsbereich | 23:7-23:7 → "1"',
      '§ 2 | Anmeldung | 23:7-23:7 → "2"',
      '§ 3 | (weggefallen) | 23:7-23:7 → "3"',
      '§ 10 | Inkrafttreten | 23:7-23:7 → "10"',
    ]);
    const ls = open(TEXT.replace('Nach § |', 'Nach § 1'));
    const items = ls.getCompletions(URI, { line: 23, character: 8 }).items;
    // the typed „1“ is replaced; the client filters by the number and sorts by it
    assert.deepEqual(
      items.map((i) => [i.label, i.filterText, i.sortText, i.tags]),
      [
        ['§ 1', '1', '1000001', undefined],
        ['§ 2', '2', '1000002', undefined],
        ['§ 3', '3', '1000003', [1]],
        ['§ 10', '10', '1000010', undefined],
      ],
    );
    assert.equal(rs(items[0].textEdit && 'range' in items[0].textEdit ? items[0].textEdit.range : undefined), '23:7-23:8');
  });

  it('after „§§ 1, “ and „Artikel “: further §§, the Artikel', () => {
    assert.deepEqual(completeAt(TEXT, '(6) Die §§ 1, ').map((s) => s.split(' | ')[0]), ['§ 1', '§ 2', '§ 3', '§ 10']);
    const text = draft('Artikel 1 Änderung', 'Text.', 'Artikel 2 Inkrafttreten', 'Nach Artikel |');
    assert.deepEqual(completeAt(text, 'Nach Artikel'), ['Artikel 1 | Änderung | 3:13-3:13 → "1"', 'Artikel 2 | Inkrafttreten | 3:13-3:13 → "2"']);
  });

  it('at the start of a line after „§ “: the next number for a new heading first', () => {
    const text = law('§ 1 Zweck', 'Text.', '§ 2 Anmeldung', 'Text.', '§ |');
    const items = completeAt(text, '§ ');
    assert.deepEqual(items, ['§ 3 | Neuer Paragraph | 8:2-8:2 → "3 ${1:Überschrift}"', '§ 1 | Zweck | 8:2-8:2 → "1"', '§ 2 | Anmeldung | 8:2-8:2 → "2"']);
  });

  it('after „Absatz “: the Absätze of the § named before, else of the § the cursor is in', () => {
    assert.deepEqual(completeAt(TEXT, '(3) Die Frist nach § 1 Absatz '), [
      'Absatz 1 | Dieses Gesetz gilt für die Anmeldung einer Wohnung im … | 15:30-15:30 → "1"',
      'Absatz 2 | Es gilt nicht für Nebenwohnungen. | 15:30-15:30 → "2"',
    ]);
    assert.deepEqual(
      completeAt(TEXT, '(4) Die Frist nach Absatz ').map((s) => s.split(' | ')[0]),
      ['Absatz 1', 'Absatz 2', 'Absatz 3', 'Absatz 4', 'Absatz 5', 'Absatz 6'],
    );
    // a § that does not exist in this document: nothing
    assert.deepEqual(completeAt(TEXT.replace('§ 1 Absatz |', '§ 17 Absatz |'), '(3) Die Frist nach § 17'), []);
  });

  it('after „Nummer “: the Nummern of the Absatz named before', () => {
    assert.deepEqual(completeAt(TEXT, '(5) Nach Absatz 2 Nummer '), [
      'Nummer 1 | die Bestätigung des Wohnungsgebers oder | 17:25-17:25 → "1"',
      'Nummer 2 | eine Erklärung, dass | 17:25-17:25 → "2"',
    ]);
    const text = law('§ 1 Zweck', 'Es gilt', '  1. eins,', '  2. zwei.', '§ 2 Weiteres', 'Nach § 1 Nummer |');
    assert.deepEqual(completeAt(text, 'Nach § 1 Nummer').map((s) => s.split(' | ')[0]), ['Nummer 1', 'Nummer 2']);
  });

  it('at the start of a line: the markers that can follow, as snippets with canonical indentation', () => {
    const text = law('§ 1 Zweck', '(1) Text.', '(2) Der Anmeldung ist beizufügen', '  1. die Bestätigung oder', '  2. eine Erklärung, dass', '    a) der Wohnungsgeber nicht erreichbar ist oder', '|');
    assert.deepEqual(completeAt(text, '|'), [
      'b) | Buchstabe b in § 1 Absatz 2 Nummer 2 | 10:0-10:0 → "    b) $0"',
      'aa) | Doppelbuchstabe aa in § 1 Absatz 2 Nummer 2 Buchstabe a | 10:0-10:0 → "      aa) $0"',
      '3. | Nummer 3 in § 1 Absatz 2 | 10:0-10:0 → "  3. $0"',
      '(3) | Absatz 3 in § 1 | 10:0-10:0 → "(3) $0"',
    ]);
    const ls = open(text.replace('|', ''));
    const [first] = ls.getCompletions(URI, { line: 10, character: 0 }).items;
    assert.equal(first.insertTextFormat, InsertTextFormat.Snippet);
    // a text that leads into a list: the list first
    const lead = law('§ 1 Zweck', '(1) Die Behörde kann', '|');
    assert.deepEqual(completeAt(lead, '|').map((s) => s.split(' | ')[0]), ['1.', '(2)']);
    const undZwar = law('§ 1 Zweck', '(1) Die Behörde prüft', '  1. die Daten, und zwar', '|');
    assert.deepEqual(completeAt(undZwar, '|').map((s) => s.split(' | ')[0]), ['a)', '2.', '(2)']);
    // right after a heading without Absätze
    assert.deepEqual(completeAt(law('§ 1 Zweck', '|'), '|').map((s) => s.split(' | ')[0]), ['(1)']);
  });

  it('after „@“: the annotation names; in @aufwand the keys and values of the cost engine', () => {
    const text = law('§ 1 Zweck', '(1) Text.', '@|');
    assert.deepEqual(completeAt(text, '@'), ['aufwand | Erfüllungsaufwand einer Vorgabe | 6:1-6:1 → "aufwand "']);
    const ls = open(law('§ 1 Zweck', '(1) Text.', '@aufwand Anmeldung', '  adressat: bue', '  '));
    assert.deepEqual(ls.getCompletions(URI, { line: 7, character: 15 }).items.map(show), [
      'buerger | Bürgerinnen und Bürger | 7:12-7:15 → "buerger"',
      'wirtschaft | Wirtschaft | 7:12-7:15 → "wirtschaft"',
      'verwaltung | Verwaltung | 7:12-7:15 → "verwaltung"',
    ]);
    // a new entry line: the keys not used yet (adressat is), each inserted with its colon
    const keys = ls.getCompletions(URI, { line: 8, character: 2 }).items;
    assert.ok(keys.length > 3);
    assert.ok(!keys.some((i) => i.label === 'adressat'));
    assert.ok(keys.some((i) => i.label === 'fallzahl' && (i.textEdit as { newText: string }).newText === 'fallzahl: '));
    // a schema another engine adds for its own annotation is offered the same way
    const schema = { name: 'pruefung', keys: [{ key: 'frist', detail: 'Frist in Tagen', values: [{ value: '14' }, { value: '30' }] }] };
    ls.annotationSchemas.push(schema);
    ls.open(URI, law('§ 1 Zweck', '(1) Text.', '@pruefung Anhörung', '  frist: ', '  '));
    assert.deepEqual(ls.getCompletions(URI, { line: 7, character: 9 }).items.map(show), ['14 |  | 7:9-7:9 → "14"', '30 |  | 7:9-7:9 → "30"']);
    assert.deepEqual(ls.getCompletions(URI, { line: 8, character: 2 }).items.map(show), []);
  });

  it('in the front matter: the keys not used yet and the allowed values', () => {
    const text = draft('---', 'titel: Gesetz zur Probe', 'typ: ', '', '---', '§ 1 Zweck');
    const ls = open(text);
    assert.deepEqual(ls.getCompletions(URI, { line: 2, character: 5 }).items.map(show), [
      'stammgesetz |  | 2:5-2:5 → "stammgesetz"',
      'aenderungsgesetz |  | 2:5-2:5 → "aenderungsgesetz"',
      'verordnung |  | 2:5-2:5 → "verordnung"',
    ]);
    const keys = ls.getCompletions(URI, { line: 3, character: 0 }).items.map((i) => i.label);
    assert.deepEqual(keys, ['kurztitel', 'abkuerzung', 'fassung', 'stand', 'ausfertigung', 'fundstelle', 'aenderungsstand', 'ressort', 'ebene', 'land', 'eli', 'quelle']);
    assert.deepEqual(ls.getCompletions(URI, { line: 4, character: 3 }).items, [], 'nothing on the closing delimiter');
  });

  it('offers nothing in comments; merges what added sources offer (defined terms)', () => {
    const text = law('§ 1 Zweck', '(1) Text. // siehe § ');
    const ls = open(text);
    assert.deepEqual(ls.getCompletions(URI, { line: 5, character: 21 }).items, []);
    const terms: CompletionSource = {
      id: 'test.terms',
      provide: (ctx) => (ctx.where === 'text' && ctx.word.text.startsWith('Woh') ? [{ label: 'Wohnung', detail: 'Begriffsbestimmung § 2' }] : undefined),
    };
    const ls2 = open(law('§ 1 Zweck', '(1) Die Woh'));
    ls2.completionSources.push(terms);
    assert.deepEqual(ls2.getCompletions(URI, { line: 5, character: 11 }).items.map((i) => i.label), ['Wohnung']);
  });

  it('works on the Wohnsitzanmeldung sample', () => {
    const text = sample('wohnsitzanmeldung.norma').replace('nach § 17 Absatz 1 des Bundesmeldegesetzes ist gewahrt', 'nach § 9 Absatz 2 Nummer ');
    const items = complete(text, 'nach § 9 Absatz 2 Nummer ');
    assert.deepEqual(
      items.map((s) => s.split(' | ').slice(0, 2).join(' | ')),
      ['Nummer 1 | die Daten zur meldepflichtigen Person, und zwar', 'Nummer 2 | die Daten zur bisherigen Wohnung, und zwar', 'Nummer 3 | die Daten zu den Personen, für die die meldepflichtige …'],
    );
  });
});
