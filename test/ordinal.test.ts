/**
 * German ordinal words (server/src/service/util/ordinal.ts): word → number
 * in every case and number → word, for 1 to 99, and the lexer reading
 * compound ordinals in Gliederung headings.
 */
import * as assert from 'node:assert/strict';
import { ordinalDesignation, ordinalStem, ordinalStemValue, ordinalValue, ordinalWord } from '../server/src/service/util/ordinal';
import { createLanguageService } from '../server/src/service/index';

describe('ordinal words', () => {
  it('word → number: every case and gender, capitalised or not', () => {
    for (const w of ['Erster', 'Erste', 'Erstes', 'Ersten', 'Erstem', 'erster', 'ersten']) assert.equal(ordinalValue(w), 1, w);
    assert.equal(ordinalValue('Zweiten'), 2);
    assert.equal(ordinalValue('Dritter'), 3);
    assert.equal(ordinalValue('Siebter'), 7);
    assert.equal(ordinalValue('Siebenten'), 7);
    assert.equal(ordinalValue('Achtes'), 8);
    assert.equal(ordinalValue('Elften'), 11);
    assert.equal(ordinalValue('Zwölfter'), 12);
    assert.equal(ordinalValue('Sechzehntes'), 16);
    assert.equal(ordinalValue('Siebzehnter'), 17);
    assert.equal(ordinalValue('Zwanzigster'), 20);
    assert.equal(ordinalValue('Einundzwanzigster'), 21);
    assert.equal(ordinalValue('Dreißigsten'), 30);
    assert.equal(ordinalValue('Dreissigsten'), 30);
    assert.equal(ordinalValue('Siebenundvierzigstes'), 47);
    assert.equal(ordinalValue('Neunundneunzigste'), 99);
    assert.equal(ordinalValue('Hundertster'), 100);
  });

  it('no ordinals: cardinals, other words, stems without an ending', () => {
    for (const w of ['Acht', 'acht', 'Drei', 'Zwanzig', 'Erst', 'Dritt', 'Abschnitt', 'Teile', 'Neue', 'Einundzwanzig', 'Zweiundzwanzigs', 'Nullter', '', 'E'.repeat(1000)]) assert.equal(ordinalValue(w), undefined, w);
    assert.equal(ordinalStemValue('Dritt'), 3);
    assert.equal(ordinalStemValue('Dritte'), undefined);
  });

  it('number → word and back, 1 to 100, with every ending', () => {
    for (let n = 1; n <= 100; n++) {
      const stem = ordinalStem(n);
      assert.ok(stem, String(n));
      assert.equal(ordinalStemValue(stem), n, stem);
      for (const e of ['e', 'en', 'em', 'er', 'es'] as const) assert.equal(ordinalValue(ordinalWord(n, e) ?? ''), n, `${n}${e}`);
    }
    assert.equal(ordinalWord(3, 'er'), 'Dritter');
    assert.equal(ordinalWord(7, 'es'), 'Siebtes');
    assert.equal(ordinalWord(21, 'en'), 'Einundzwanzigsten');
    assert.equal(ordinalWord(30, 'er'), 'Dreißigster');
    assert.equal(ordinalWord(0, 'er'), undefined);
    assert.equal(ordinalWord(101, 'er'), undefined);
    assert.equal(ordinalWord(2.5, 'er'), undefined);
  });

  it('designations in the nominative: Buch and Kapitel neuter, the others masculine', () => {
    assert.equal(ordinalDesignation('Buch', 2), 'Zweites Buch');
    assert.equal(ordinalDesignation('Kapitel', 13), 'Dreizehntes Kapitel');
    assert.equal(ordinalDesignation('Unterkapitel', 1), 'Erstes Unterkapitel');
    assert.equal(ordinalDesignation('Abschnitt', 4), 'Vierter Abschnitt');
    assert.equal(ordinalDesignation('Teil', 1), 'Erster Teil');
    assert.equal(ordinalDesignation('Titel', 24), 'Vierundzwanzigster Titel');
    assert.equal(ordinalDesignation('Untertitel', 2), 'Zweiter Untertitel');
    assert.equal(ordinalDesignation('Unterabschnitt', 3), 'Dritter Unterabschnitt');
  });

  it('the lexer reads compound ordinals in Gliederung headings (as the HGB numbers its Titel)', () => {
    const ls = createLanguageService();
    const uri = 'file:///ws/ordinal.norma';
    ls.open(uri, ['---', 'titel: Probe', 'typ: stammgesetz', 'fassung: konsolidiert', '---', 'Einundzwanzigster Titel Leibrente', '§ 759 Dauer', 'Die Rente ist geschuldet.', 'Zweiundzwanzigster Titel Spiel', '§ 762 Spiel', 'Spiel begründet keine Verbindlichkeit.', ''].join('\n'));
    const units = ls.getModel(uri).root.children.filter((u) => u.kind === 'titel').map((u) => `${u.num} ${u.numberStyle} ${u.title}`);
    assert.deepEqual(units, ['21 ordinal Leibrente', '22 ordinal Spiel']);
  });
});
