/**
 * Folding ranges: which lines fold together in the editor.
 */
import * as assert from 'node:assert/strict';
import { draft, law, open, sample, URI } from './features-helpers';

function folds(text: string): string[] {
  return open(text)
    .getFoldingRanges(URI)
    .map((f) => `${f.startLine + 1}-${f.endLine + 1}${f.kind ? ` ${f.kind}` : ''}`);
}

describe('features: folding ranges', () => {
  it('folds front matter, comment runs, §§, multi-line Absätze, list items, annotations, tables and quoted structures (1-based lines)', () => {
    const text = law(
      '// Entwurf des Referats',
      '// Stand: November',
      '§ 3 Anmeldung',
      '(1) Wer eine Wohnung bezieht, hat sich anzumelden.',
      '@aufwand Anmeldung einer Wohnung',
      '  adressat: buerger',
      '  fallzahl: 4.800.000 pro Jahr',
      '(2) Der Anmeldung ist beizufügen',
      '  1. die Bestätigung des Wohnungsgebers oder',
      '  2. eine Erklärung, dass',
      '    a) der Wohnungsgeber nicht erreichbar ist oder',
      '    b) die Wohnung im Eigentum steht,',
      'wenn die Meldebehörde dies verlangt.',
      '(3) Die Frist beträgt zwei Wochen.',
      '',
      '§ 4 Gebühren',
      'Die Gebühren betragen:',
      '| Amtshandlung | Gebühr |',
      '| Anmeldung | 0 Euro |',
      '',
      '',
      'Artikel 5 Änderung',
      'Das Gesetz wird wie folgt geändert:',
      '  1. Nach § 3 wird der folgende § 3a eingefügt:',
      '    „§ 3a Elektronische Anmeldung',
      '    (1) Die Anmeldung kann elektronisch erfolgen.“',
      '  2. § 4 wird aufgehoben.',
    );
    assert.deepEqual(folds(text), [
      '1-4 region', // front matter
      '5-6 comment',
      '7-18', // § 3, to its last line with content
      '8-11', // Absatz 1 with its annotation
      '9-11', // the annotation and its entries
      '12-17', // Absatz 2 with the list and the text after it
      '14-16', // Nummer 2 with its Buchstaben
      '20-23', // § 4
      '21-23', // its text (implicit Absatz) with the table
      '22-23', // the table
      '26-31', // Artikel 5
      '27-31', // its text
      '28-30', // Nummer 1 with the quoted structure
      '29-30', // the quoted structure
    ]);
  });

  it('folds a Gliederung unit to the end of its last § and the Inhaltsübersicht with its entries', () => {
    const text = draft(
      'Inhaltsübersicht',
      '  Abschnitt 1 Allgemeines',
      '    § 1 Zweck',
      '',
      '    § 2 Inkrafttreten',
      '',
      'Abschnitt 1 Allgemeines',
      '§ 1 Zweck',
      'Dieses Gesetz dient der Probe.',
      '§ 2 Inkrafttreten',
      'Dieses Gesetz tritt in Kraft.',
      '',
      'Anlage',
      'Muster',
      '| a | b |',
    );
    assert.deepEqual(folds(text), ['1-5 region', '7-11', '8-9', '10-11', '13-15']);
  });

  it('keeps one range per start line, the largest', () => {
    // Nummer 1 and the quoted structure it opens on its own line both start on line 3
    const text = draft('Artikel 1 Änderung', 'Das Gesetz wird wie folgt geändert:', '1. „§ 5 Zweitwohnung', 'Wer eine weitere Wohnung bezieht, hat dies anzuzeigen.“', '2. § 6 wird aufgehoben.');
    assert.deepEqual(folds(text), ['1-5', '2-5', '3-4']);
  });

  it('folds the Wohnsitzanmeldung sample: each Teil to its last §, § 9 with its nested list', () => {
    const text = sample('wohnsitzanmeldung.norma');
    const f = folds(text);
    const line = (s: string): number => text.split('\n').indexOf(s) + 1;
    assert.ok(f.includes(`1-9 region`));
    assert.ok(f.includes(`10-11 comment`));
    assert.ok(f.includes(`${line('Inhaltsübersicht')}-${line('  Anlage (zu § 7 Absatz 2) Datensatz für die elektronische Anmeldung')} region`));
    assert.ok(f.includes(`${line('Teil 1 Allgemeine Vorschriften')}-${line('(4) Die Möglichkeit, sich persönlich bei der Meldebehörde anzumelden, bleibt unberührt.')}`));
    const nr2 = line('  2. die Daten zur bisherigen Wohnung, und zwar');
    assert.ok(f.includes(`${nr2}-${nr2 + 5}`), 'Nummer 2 of § 9 Absatz 2 folds with its Buchstaben and the text after them');
    assert.ok(f.includes(`${line('Teil 5 Schlussvorschriften')}-${line('(2) § 25 Absatz 1 tritt mit Ablauf des 31. Dezember 2027 außer Kraft.')}`));
    // no range ends on a blank line
    const lines = text.split('\n');
    for (const r of f) assert.notEqual(lines[Number(r.split(/[- ]/)[1]) - 1].trim(), '', r);
  });
});
