/**
 * Structure decisions found on real law: Gliederung nesting in document
 * order, addresses of unnumbered units, quoted structures after a command,
 * misplaced text, the end of the document inside a quotation, a byte order
 * mark, and numbering of lists interrupted by text.
 */
import * as assert from 'node:assert/strict';
import { openDraft, byEId, URI } from './model-helpers';

function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}

const FM = ['---', 'titel: Testgesetz', 'typ: stammgesetz', 'fassung: konsolidiert', '---'];

function codes(text: string, code: string): string[] {
  const { ls } = openDraft(text);
  return ls
    .getDiagnostics(URI)
    .filter((d) => d.code === code)
    .map((d) => `${d.range.start.line}:${d.message}`);
}

describe('Gliederung nesting follows the document', () => {
  it('BGB: a Kapitel inside an Untertitel nests as written', () => {
    const { model } = openDraft(
      lines(...FM, 'Buch 2 Schuldrecht', 'Titel 1 Kauf', 'Untertitel 1 Allgemeines', 'Kapitel 1 Vorschriften', '§ 1 A', 'Text.', 'Kapitel 2 Weitere', '§ 2 B', 'Text.', 'Untertitel 2 Besonderes', '§ 3 C', 'Text.'),
    );
    const [buch, titel, ut1, k1, k2, ut2] = model.gliederung;
    assert.equal(titel.parent, buch);
    assert.equal(ut1.parent, titel);
    assert.equal(k1.parent, ut1);
    assert.equal(k2.parent, ut1);
    assert.equal(ut2.parent, titel);
    assert.equal(k2.eId, 'hauptteil-n1_buch-n1_titel-n1_utitel-n1_kapitel-n2');
    assert.equal(model.norms[1].parent, k2);
  });

  it('BauGB: a Teil inside a Kapitel nests as written; numbering restarts per Kapitel', () => {
    const text = lines(...FM, 'Erstes Kapitel Allgemeines Städtebaurecht', 'Erster Teil Bauleitplanung', '§ 1 A', 'Text.', 'Zweiter Teil Sicherung', '§ 2 B', 'Text.', 'Zweites Kapitel Besonderes Städtebaurecht', 'Erster Teil Sanierung', '§ 3 C', 'Text.');
    const { model } = openDraft(text);
    const [k1, t1, t2, k2, t3] = model.gliederung;
    assert.equal(t1.parent, k1);
    assert.equal(t2.parent, k1);
    assert.equal(k2.parent?.kind, 'dokument');
    assert.equal(t3.parent, k2);
    assert.deepEqual(codes(text, 'gliederung-nummerierung'), []);
    assert.deepEqual(codes(text, 'leere-einheit'), []);
  });

  it('a draft whose order contradicts HdR4 is told so (gliederung-ebenen)', () => {
    const text = lines('---', 'titel: T', 'typ: stammgesetz', '---', 'Abschnitt 1 Allgemeines', 'Teil 1 Grundsätze', '§ 1 A', 'Text.');
    assert.deepEqual(codes(text, 'gliederung-ebenen'), [
      '5:„Teil 1“ steht unter „Abschnitt 1“: die Ebene Teil steht über der Ebene Abschnitt (Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel, Untertitel).',
    ]);
  });

  it('„Siebenter Abschnitt“ is Abschnitt 7', () => {
    const abschnitte = ['Erster', 'Zweiter', 'Dritter', 'Vierter', 'Fünfter', 'Sechster', 'Siebenter', 'Achter'].flatMap((o, i) => [`${o} Abschnitt X`, `§ ${i + 1} A`, 'Text.']);
    const text = lines(...FM, ...abschnitte);
    const { model } = openDraft(text);
    assert.deepEqual(model.gliederung.map((g) => g.num), ['1', '2', '3', '4', '5', '6', '7', '8']);
    assert.deepEqual(codes(text, 'gliederung-nummerierung'), []);
  });
});

describe('addresses of unnumbered units are unique', () => {
  it('two unnumbered Anlagen and two §§ without number', () => {
    const { model } = openDraft(lines(...FM, '§ Erstens', 'Text.', '§ Zweitens', 'Text.', 'Anlage (zu § 28)', 'Inhalt.', 'Anlage (zu § 34)', '  1. eins', '  2. zwei'));
    assert.deepEqual(model.norms.map((u) => u.eId), ['art-n1', 'art-n2']);
    assert.deepEqual(model.anlagen.map((u) => u.eId), ['anlage-n1', 'anlage-n2']);
    byEId(model, 'anlage-n2_inhalt-n1_liste-n1_listenelem-n2');
    byEId(model, 'art-n2_abs-n1');
  });
});

describe('quoted structures after an amending command', () => {
  it('belong to the item whose line ends with a colon, even at column 0', () => {
    const { model, ls } = openDraft(
      lines('---', 'titel: T', 'typ: aenderungsgesetz', '---', 'Artikel 1 Änderung des Testgesetzes', 'Das Testgesetz wird wie folgt geändert:', '  1. Nach § 3 wird folgender § 3a eingefügt:', '„§ 3a Neu', '(1) Text.“', '  2. § 4 wird aufgehoben.', '', 'Artikel 2 Inkrafttreten', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.'),
    );
    const n1 = byEId(model, 'art-z1_abs-n1_inhalt-n1_liste-n1_listenelem-n1');
    const n2 = byEId(model, 'art-z1_abs-n1_inhalt-n1_liste-n1_listenelem-n2');
    assert.equal(n1.num, '1');
    assert.equal(n2.num, '2');
    assert.match(n1.ownText(), /§ 3a Neu\n\(1\) Text\.“$/);
    assert.deepEqual(
      ls.getDiagnostics(URI).filter((d) => d.code === 'untergliederung-nummerierung' || d.code === 'syntax'),
      [],
    );
  });

  it('a quotation still open at the end of the document is an error at the last line', () => {
    const text = lines('---', 'titel: T', 'typ: aenderungsgesetz', '---', 'Artikel 1 Änderung', 'Es wird eingefügt:', '„§ 9 Neu', '(1) Text.');
    assert.deepEqual(codes(text, 'syntax'), ['7:Mehrzeiliges Zitat „… wird bis zum Ende des Dokuments nicht mit “ geschlossen.']);
  });
});

describe('text that belongs to no unit', () => {
  it('text under a Gliederung heading (besides its title) is a syntax error', () => {
    const text = lines(...FM, 'Abschnitt 1', 'Allgemeines', 'Vorbemerkung ohne Paragraph.', '§ 1 A', 'Text.');
    assert.deepEqual(codes(text, 'syntax'), ['7:Text unter einer Gliederungsüberschrift gehört zu keinem § oder Artikel.']);
  });
  it('text before the first numbered Absatz is a syntax error', () => {
    const text = lines(...FM, '§ 1 A', 'Vorweg.', '(1) Eins.', '(2) Zwei.');
    assert.deepEqual(codes(text, 'syntax'), ['6:Text vor dem ersten Absatz: in einem § mit nummerierten Absätzen gehört jeder Text zu einem Absatz.']);
  });
});

describe('real-law spellings', () => {
  it('„(4)(weggefallen)“ without a space is Absatz 4, repealed', () => {
    const { model } = openDraft(lines(...FM, '§ 1 A', '(1) Eins.', '(2) Zwei.', '(3) Drei.', '(4)(weggefallen)', '(5) Fünf.'));
    const abs4 = byEId(model, 'art-z1_abs-z4');
    assert.equal(abs4.repealed, true);
  });
  it('a heading title „(jetzt § 650)“ marks a moved provision: no empty-unit warning', () => {
    assert.deepEqual(codes(lines(...FM, '§ 651 (jetzt § 650)', '§ 652 B', 'Text.'), 'leere-einheit'), []);
  });
  it('a list interrupted by text continues its numbering (VwVfG § 36 Absatz 2)', () => {
    const text = lines(...FM, '§ 1 A', '(1) Mit', '  1. eins,', '  2. zwei', 'oder mit', '  3. drei.');
    assert.deepEqual(codes(text, 'untergliederung-nummerierung'), []);
    const restart = lines(...FM, '§ 1 A', '(1) Mit', '  1. eins,', '  2. zwei.', 'Ferner:', '  1. eins,', '  2. zwei.');
    assert.deepEqual(codes(restart, 'untergliederung-nummerierung'), []);
  });
  it('a byte order mark before the front matter is not content', () => {
    const { model, ls } = openDraft('\uFEFF' + lines('---', 'titel: T', 'typ: stammgesetz', '---', '§ 1 Anwendungsbereich', 'Text.'));
    assert.equal(model.context.hasFrontMatter, true);
    assert.equal(model.norms.length, 1);
    assert.deepEqual(ls.getDiagnostics(URI).filter((d) => d.code === 'vorspann-fehlt' || d.code === 'syntax'), []);
  });
  it('a § heading followed by an Absatz marker on the same line is prose, not a heading', () => {
    const { model } = openDraft(lines(...FM, '§ 1 A', 'Text.', '§ 24 (1) Der Antrag ist zu stellen.'));
    assert.equal(model.norms.length, 1);
  });
});
