/**
 * Selection ranges („expand selection“): the chain of ranges a drafter gets
 * by expanding the selection again and again, shown as the selected text.
 */
import * as assert from 'node:assert/strict';
import type { SelectionRange } from 'vscode-languageserver-types';
import { containsRange, sameRange } from '../server/src/service/features/common';
import { at, law, open, sample, URI } from './features-helpers';

const TEXT = law(
  '§ 3 Anmeldung',
  '(1) Wer eine Wohnung bezieht, hat sich anzumelden. Die Anmeldung erfolgt über das Meldeportal.',
  '@aufwand Anmeldung einer Wohnung',
  '  adressat: buerger',
  '  fallzahl: 4.800.000 pro Jahr',
  '(2) Der Anmeldung ist beizufügen',
  '  1. die Bestätigung des Wohnungsgebers oder',
  '  2. eine Erklärung, dass',
  '    a) der Wohnungsgeber nicht erreichbar ist oder',
  '    b) die Wohnung im Eigentum steht,',
  'wenn die Meldebehörde dies verlangt.',
  '',
  'Abschnitt 2 Gebühren',
  '§ 4 Gebühren',
  'Die Gebühren betragen:',
  '| Amtshandlung | Gebühr |',
  '| Anmeldung | 0 Euro |',
  '',
  'Artikel 5 Änderung',
  'Das Gesetz wird wie folgt geändert:',
  '  1. Nach § 3 wird der folgende § 3a eingefügt:',
  '    „§ 3a Elektronische Anmeldung',
  '    (1) Die Anmeldung kann elektronisch erfolgen.“',
);

/** The selected text of each step, shortened to its first and last words. */
function chain(sel: SelectionRange, text = TEXT): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let s: SelectionRange | undefined = sel; s; s = s.parent) {
    const { start, end } = s.range;
    const t =
      start.line === end.line
        ? lines[start.line].slice(start.character, end.character)
        : `${lines[start.line].slice(start.character, start.character + 40)} ⏎…⏎ ${lines[end.line].slice(0, end.character)}`;
    out.push(t);
  }
  return out;
}

function expand(needle: string, delta = 1, text = TEXT): string[] {
  const ls = open(text);
  const [sel] = ls.getSelectionRanges(URI, [at(text, needle, delta)]);
  return chain(sel, text);
}

/** The whole document, to the empty line after the final line break. */
const DOCUMENT = '--- ⏎…⏎ ';

describe('features: selection ranges', () => {
  it('word › Satz › Buchstabe › the Satz of the Nummer › Nummer › the Satz through the list › Absatz › § › document', () => {
    assert.deepEqual(expand('Wohnungsgeber nicht'), [
      'Wohnungsgeber',
      'der Wohnungsgeber nicht erreichbar ist oder',
      'a) der Wohnungsgeber nicht erreichbar ist oder',
      'eine Erklärung, dass ⏎…⏎     b) die Wohnung im Eigentum steht,',
      '2. eine Erklärung, dass ⏎…⏎     b) die Wohnung im Eigentum steht,',
      'Der Anmeldung ist beizufügen ⏎…⏎ wenn die Meldebehörde dies verlangt.',
      '(2) Der Anmeldung ist beizufügen ⏎…⏎ wenn die Meldebehörde dies verlangt.',
      '§ 3 Anmeldung ⏎…⏎ wenn die Meldebehörde dies verlangt.',
      DOCUMENT,
    ]);
  });

  it('picks the Satz the cursor is in', () => {
    assert.deepEqual(expand('Meldeportal'), [
      'Meldeportal',
      'Die Anmeldung erfolgt über das Meldeportal.',
      '(1) Wer eine Wohnung bezieht, hat sich a ⏎…⏎   fallzahl: 4.800.000 pro Jahr', // Absatz 1 with its annotation
      '§ 3 Anmeldung ⏎…⏎ wenn die Meldebehörde dies verlangt.',
      DOCUMENT,
    ]);
  });

  it('annotation value › entry › annotation › its unit', () => {
    assert.deepEqual(expand('pro Jahr'), [
      'pro',
      '4.800.000 pro Jahr',
      'fallzahl: 4.800.000 pro Jahr',
      '@aufwand Anmeldung einer Wohnung ⏎…⏎   fallzahl: 4.800.000 pro Jahr',
      '(1) Wer eine Wohnung bezieht, hat sich a ⏎…⏎   fallzahl: 4.800.000 pro Jahr', // Absatz 1 with its annotation
      '§ 3 Anmeldung ⏎…⏎ wenn die Meldebehörde dies verlangt.',
      DOCUMENT,
    ]);
  });

  it('table cell › row › table › § › Gliederung unit', () => {
    assert.deepEqual(expand('0 Euro', 0), [
      '0',
      '0 Euro',
      '| Anmeldung | 0 Euro |',
      '| Amtshandlung | Gebühr | ⏎…⏎ | Anmeldung | 0 Euro |',
      'Die Gebühren betragen: ⏎…⏎ | Anmeldung | 0 Euro |',
      '§ 4 Gebühren ⏎…⏎ | Anmeldung | 0 Euro |',
      'Abschnitt 2 Gebühren ⏎…⏎     (1) Die Anmeldung kann elektronisch erfolgen.“', // to the end of its last §: Artikel 5
      DOCUMENT,
    ]);
  });

  it('heading › § ; quoted structure › Nummer ; front matter value › entry › front matter', () => {
    assert.deepEqual(expand('Anmeldung\n(1)', 2), ['Anmeldung', '§ 3 Anmeldung', '§ 3 Anmeldung ⏎…⏎ wenn die Meldebehörde dies verlangt.', DOCUMENT]);
    assert.deepEqual(expand('elektronisch erfolgen'), [
      'elektronisch',
      '„§ 3a Elektronische Anmeldung ⏎…⏎     (1) Die Anmeldung kann elektronisch erfolgen.“',
      'Nach § 3 wird der folgende § 3a eingefüg ⏎…⏎     (1) Die Anmeldung kann elektronisch erfolgen.“',
      '1. Nach § 3 wird der folgende § 3a einge ⏎…⏎     (1) Die Anmeldung kann elektronisch erfolgen.“',
      'Das Gesetz wird wie folgt geändert: ⏎…⏎     (1) Die Anmeldung kann elektronisch erfolgen.“',
      'Artikel 5 Änderung ⏎…⏎     (1) Die Anmeldung kann elektronisch erfolgen.“',
      'Abschnitt 2 Gebühren ⏎…⏎     (1) Die Anmeldung kann elektronisch erfolgen.“',
      DOCUMENT,
    ]);
    assert.deepEqual(expand('stammgesetz'), ['stammgesetz', 'typ: stammgesetz', '--- ⏎…⏎ ---', DOCUMENT]);
  });

  it('answers every position of the sample with a strictly growing chain', () => {
    const text = sample('wohnsitzanmeldung.norma');
    const ls = open(text);
    const lines = text.split('\n');
    const positions = lines.flatMap((l, line) => [0, Math.min(5, l.length), Math.floor(l.length / 2), l.length].map((character) => ({ line, character })));
    const result = ls.getSelectionRanges(URI, positions);
    assert.equal(result.length, positions.length);
    result.forEach((sel, i) => {
      const p = positions[i];
      assert.ok(containsRange(sel.range, { start: p, end: p }), `position ${p.line}:${p.character} outside its first range`);
      for (let s = sel; s.parent; s = s.parent) {
        assert.ok(containsRange(s.parent.range, s.range) && !sameRange(s.parent.range, s.range), `${p.line}:${p.character}: a step does not grow`);
      }
    });
  });
});
