/**
 * The parser and document model as a user sees them: small in-memory drafts
 * opened with `createLanguageService().open('file:///t.norma', text)`, with
 * assertions on units (kind, number, title, eId, exact LSP ranges), Sätze
 * and diagnostics at their lines.
 */
import * as assert from 'node:assert/strict';
import type { LanguageService, NormaDiagnostic } from '../server/src/service/index';
import type { DocumentModel } from '../server/src/service/model/document-model';
import type { Unit } from '../server/src/service/model/types';
import { byEId, openDraft, r, saetzeText, textAt, URI } from './model-helpers';

function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

function diags(ls: LanguageService, code?: string): NormaDiagnostic[] {
  return ls.getDiagnostics(URI).filter((d) => code === undefined || d.code === code);
}

/** The message text of a diagnostic. */
function msg(d: NormaDiagnostic): string {
  const m: unknown = d.message;
  return typeof m === 'string' ? m : (m as { value: string }).value;
}

/** Diagnostics as "code@line" for compact assertions. */
function diagLines(ls: LanguageService, code?: string): string[] {
  return diags(ls, code).map((d) => `${d.code}@${d.range.start.line}`);
}

function kinds(model: DocumentModel): string[] {
  return [...model.units()].map((u) => u.kind);
}

function unitsOf(model: DocumentModel, kind: string): Unit[] {
  return [...model.units()].filter((u) => u.kind === kind);
}

describe('parser and document model', () => {
  describe('front matter', () => {
    const text = lines(
      '---',
      'titel: "Gesetz über die Meldung"',
      '# ein Kommentar',
      'kurztitel: Meldegesetz',
      'abkuerzung: MeldG',
      'typ: stammgesetz',
      'stand: 2025-01-02',
      '',
      'ebene: land',
      'land: BY',
      '---',
      '§ 1 Zweck',
      'Text.',
    );

    it('reads the values (quotes removed, comment and blank lines skipped) and the document context', () => {
      const { ls, model } = openDraft(text);
      assert.deepEqual(model.frontMatter?.values, {
        titel: 'Gesetz über die Meldung',
        kurztitel: 'Meldegesetz',
        abkuerzung: 'MeldG',
        typ: 'stammgesetz',
        stand: '2025-01-02',
        ebene: 'land',
        land: 'BY',
      });
      assert.equal(model.frontMatter?.closed, true);
      assert.deepEqual(model.context, {
        typ: 'stammgesetz',
        fassung: 'entwurf',
        ebene: 'land',
        land: 'BY',
        abkuerzung: 'MeldG',
        kurztitel: 'Meldegesetz',
        titel: 'Gesetz über die Meldung',
        hasFrontMatter: true,
      });
      assert.deepEqual(diagLines(ls, 'frontmatter'), []);
      assert.deepEqual(diagLines(ls, 'vorspann-fehlt'), []);
      // the quoted value's position excludes the quotes
      const titel = model.frontMatter?.entries.find((e) => e.key === 'titel');
      assert.ok(titel);
      assert.deepEqual([titel.line, titel.keyStart, titel.keyEnd, titel.valueStart, titel.valueEnd], [1, 0, 5, 8, 31]);
      // the front matter is not a unit; § 1 follows it
      assert.deepEqual(kinds(model), ['paragraph', 'absatz']);
      assert.deepEqual(byEId(model, 'art-z1').range, r(11, 0, 12, 5));
    });

    it('reports bad values at the value, unknown keys at the key (with a fix), and defaults fassung/ebene', () => {
      const { ls, model } = openDraft(lines('---', 'titel: X', 'typ: stammgesetzt', 'titl: Y', 'stand: 1.1.2025', '---', '§ 1 A', 'Text.'));
      const fm = diags(ls, 'frontmatter');
      assert.deepEqual(
        fm.map((d) => [d.range, d.data.fix?.[0]?.newText]),
        [
          [r(2, 5, 2, 17), 'stammgesetz'],
          [r(3, 0, 3, 4), 'titel'],
          [r(4, 7, 4, 15), undefined],
        ],
      );
      assert.match(msg(fm[0]), /stammgesetzt/);
      // invalid values are left out; defaults apply
      assert.deepEqual(model.frontMatter?.values, { titel: 'X' });
      assert.equal(model.context.typ, 'stammgesetz');
      assert.equal(model.context.fassung, 'entwurf');
      assert.equal(model.context.ebene, 'bund');
    });

    it('without front matter: the vorspann-fehlt hint on line 0 and default context', () => {
      const { ls, model } = openDraft(lines('§ 1 Zweck', 'Text.'));
      assert.equal(model.frontMatter, undefined);
      assert.equal(model.context.hasFrontMatter, false);
      assert.deepEqual(diagLines(ls, 'vorspann-fehlt'), ['vorspann-fehlt@0']);
    });
  });

  describe('Eingangsformel, Präambel, Inhaltsübersicht, Schlussformel', () => {
    it('text before the first heading is the Eingangsformel', () => {
      const { ls, model } = openDraft(lines('---', 'titel: X', 'typ: stammgesetz', '---', 'Der Bundestag hat das folgende Gesetz beschlossen:', '', '§ 1 Zweck', 'Text.'));
      const e = model.eingangsformel;
      assert.ok(e);
      assert.equal(e.kind, 'eingangsformel');
      assert.equal(e.implicit, true);
      assert.equal(e.eId, 'präambel-n1_formel-n1');
      assert.equal(e.ownText(), 'Der Bundestag hat das folgende Gesetz beschlossen:');
      assert.deepEqual(e.range, r(4, 0, 4, 50));
      assert.equal(model.byEId('präambel-n1_formel-n1'), e);
      assert.deepEqual(saetzeText(ls, e), ['Der Bundestag hat das folgende Gesetz beschlossen:']);
    });

    it('keyword lines: Eingangsformel, Präambel, Inhaltsverzeichnis with entries, Schlussformel', () => {
      const text = lines(
        'Eingangsformel', //                                   0
        'Der Landtag hat das folgende Gesetz beschlossen:', // 1
        '', //                                                 2
        'Präambel', //                                         3
        'Im Bewusstsein seiner Verantwortung.', //             4
        '', //                                                 5
        'Inhaltsverzeichnis', //                               6
        '  Teil 1 Allgemeines', //                             7
        '', //                                                 8
        '  § 1 Zweck // Kommentar', //                         9
        '  // noch ein Kommentar', //                          10
        '§ 1 Zweck', //                                        11
        'Text.', //                                            12
        '', //                                                 13
        'Schlussformel', //                                    14
        'Die verfassungsmäßigen Rechte sind gewahrt.', //      15
      );
      const { model } = openDraft(text);
      assert.deepEqual(kinds(model), ['eingangsformel', 'praeambel', 'inhaltsuebersicht', 'paragraph', 'absatz', 'schlussformel']);
      const e = model.eingangsformel;
      assert.ok(e && !e.implicit);
      assert.deepEqual(e.markerRange, r(0, 0, 0, 14));
      assert.equal(e.ownText(), 'Der Landtag hat das folgende Gesetz beschlossen:');
      assert.equal(model.praeambel?.eId, 'präambel-n1');
      assert.equal(model.praeambel?.ownText(), 'Im Bewusstsein seiner Verantwortung.');
      const toc = model.inhaltsuebersicht;
      assert.ok(toc);
      assert.equal(toc.eId, 'inhuebs-n1');
      // entries are indented; a blank line and comments keep the list open; the non-indented § 1 ends it
      assert.deepEqual(
        toc.toc?.map((t) => [toc.block.startLine + t.line, t.start, t.end, t.text]),
        [
          [7, 2, 20, 'Teil 1 Allgemeines'],
          [9, 2, 11, '§ 1 Zweck'],
        ],
      );
      assert.deepEqual(toc.range, r(6, 0, 9, 11));
      // the entries are not units: only the real § 1 is
      assert.deepEqual(model.norms.map((u) => [u.eId, u.range.start.line]), [['art-z1', 11]]);
      assert.equal(model.gliederung.length, 0);
      assert.equal(model.schlussformel?.eId, 'schluss-n1');
      assert.deepEqual(model.schlussformel?.range, r(14, 0, 15, 43));
    });
  });

  describe('Gliederung', () => {
    const text = lines(
      'Teil 1 Allgemeines', //            0  title on the same line
      '', //                              1
      'Abschnitt 1', //                   2  title on the next line
      'Grundsätze', //                    3
      '', //                              4
      '§ 1 Zweck', //                     5
      'Text.', //                         6
      '', //                              7
      'Abschnitt 2 - Pflichten', //       8  " - " separator
      '', //                              9
      '§ 2 Pflicht', //                   10
      'Text.', //                         11
      '', //                              12
      'Teil 2 Schluss', //                13
      '', //                              14
      'Abschnitt 1 Ende', //              15
      '', //                              16
      '§ 3 Inkrafttreten', //             17
      'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.', // 18
    );

    it('numbers, titles (same line, next line, after " - ") and exact ranges', () => {
      const { model } = openDraft(text);
      const g = model.gliederung;
      assert.deepEqual(
        g.map((u) => [u.kind, u.num, u.numberStyle, u.title, u.eId]),
        [
          ['teil', '1', 'arabic', 'Allgemeines', 'hauptteil-n1_teil-n1'],
          ['abschnitt', '1', 'arabic', 'Grundsätze', 'hauptteil-n1_teil-n1_abschnitt-n1'],
          ['abschnitt', '2', 'arabic', 'Pflichten', 'hauptteil-n1_teil-n1_abschnitt-n2'],
          ['teil', '2', 'arabic', 'Schluss', 'hauptteil-n1_teil-n2'],
          ['abschnitt', '1', 'arabic', 'Ende', 'hauptteil-n1_teil-n2_abschnitt-n1'],
        ],
      );
      const [teil1, abs1, abs2, teil2] = g;
      assert.deepEqual(teil1.markerRange, r(0, 0, 0, 6));
      assert.deepEqual(teil1.titleRange, r(0, 7, 0, 18));
      assert.deepEqual(abs1.markerRange, r(2, 0, 2, 11));
      assert.deepEqual(abs1.titleRange, r(3, 0, 3, 10), 'title on the line after the heading');
      assert.deepEqual(abs2.titleRange, r(8, 14, 8, 23), 'the " - " separator is not part of the title');
      // a Gliederung unit spans its §§: Teil 1 ends with § 2, Abschnitt 1 with § 1
      assert.deepEqual(teil1.range, r(0, 0, 11, 5));
      assert.deepEqual(abs1.range, r(2, 0, 6, 5));
      assert.deepEqual(teil2.range, r(13, 0, 18, 56));
      // the §§ hang in the tree below their Abschnitt
      assert.deepEqual(
        model.norms.map((u) => u.parent?.eId),
        ['hauptteil-n1_teil-n1_abschnitt-n1', 'hauptteil-n1_teil-n1_abschnitt-n2', 'hauptteil-n1_teil-n2_abschnitt-n1'],
      );
      assert.deepEqual(teil1.children.map((c) => c.eId), ['hauptteil-n1_teil-n1_abschnitt-n1', 'hauptteil-n1_teil-n1_abschnitt-n2']);
      assert.equal(byEId(model, 'hauptteil-n1_teil-n1_abschnitt-n2'), abs2);
    });

    it('ordinal, Roman and bare-Roman forms (flagged by H2 in drafts)', () => {
      const { ls, model } = openDraft(
        lines(
          'Zweiter Teil', //                  0
          'Allgemeines', //                   1
          '', //                              2
          'Erstes Kapitel Grundsätze', //     3
          '', //                              4
          'Teil IV Schluss', //               5
          '', //                              6
          'Kapitel I - Anfang', //            7
          '', //                              8
          'I. Die Grundrechte', //            9
          '', //                              10
          'IV a. Gemeinsamer Ausschuß', //    11
          '', //                              12
          'VIIIa. Die Ausführung', //         13
          '', //                              14
          '§ 1 Zweck', //                     15
          'Text.', //                         16
        ),
      );
      assert.deepEqual(
        model.gliederung.map((u) => [u.kind, u.num, u.numberStyle, u.label, u.title]),
        [
          ['teil', '2', 'ordinal', 'Zweiter Teil', 'Allgemeines'],
          ['kapitel', '1', 'ordinal', 'Erstes Kapitel', 'Grundsätze'],
          ['teil', 'IV', 'roman', 'Teil IV', 'Schluss'],
          ['kapitel', 'I', 'roman', 'Kapitel I', 'Anfang'],
          ['abschnitt', 'I', 'bare-roman', 'I.', 'Die Grundrechte'],
          ['abschnitt', 'IVa', 'bare-roman', 'IV a.', 'Gemeinsamer Ausschuß'],
          ['abschnitt', 'VIIIa', 'bare-roman', 'VIIIa.', 'Die Ausführung'],
        ],
      );
      assert.deepEqual(model.gliederung[4].markerRange, r(9, 0, 9, 2));
      assert.deepEqual(model.gliederung[4].titleRange, r(9, 3, 9, 18));
      assert.deepEqual(model.gliederung[5].markerRange, r(11, 0, 11, 5));
      // every one of the seven is reported by gliederung-bezeichnung (H2) at its heading line
      assert.deepEqual(diagLines(ls, 'gliederung-bezeichnung'), [0, 3, 5, 7, 9, 11, 13].map((l) => `gliederung-bezeichnung@${l}`));
    });

    it('a bare Roman numeral without title, and "I. Januar" style prose, are not headings', () => {
      const { model } = openDraft(lines('§ 1 Zweck', 'Text.', 'IV.', 'II. gilt entsprechend.', 'IV Kapitel'));
      assert.equal(model.gliederung.length, 0);
      assert.equal(byEId(model, 'art-z1_abs-n1').ownText(), 'Text. IV. II. gilt entsprechend. IV Kapitel');
    });
  });

  describe('§ and Artikel headings', () => {
    it('with and without title, letter suffix, (weggefallen), Art.', () => {
      const { ls, model } = openDraft(
        lines(
          '§ 3 Anwendungsbereich', //   0
          'Text.', //                   1
          '§ 3a Übergang', //           2
          'Text.', //                   3
          '§ 4', //                     4
          'Text.', //                   5
          '§ 10 (weggefallen)', //      6
          'Artikel 1 Änderung des Bundesmeldegesetzes', // 7
          'Text.', //                   8
          'Artikel 20', //              9
          'Text.', //                   10
          'Art. 21 Inkrafttreten', //   11
          'Text.', //                   12
        ),
      );
      assert.deepEqual(
        model.norms.map((u) => [u.kind, u.num, u.label, u.title, u.repealed, u.eId]),
        [
          ['paragraph', '3', '§ 3', 'Anwendungsbereich', false, 'art-z3'],
          ['paragraph', '3a', '§ 3a', 'Übergang', false, 'art-z3a'],
          ['paragraph', '4', '§ 4', undefined, false, 'art-z4'],
          ['paragraph', '10', '§ 10', '(weggefallen)', true, 'art-z10'],
          ['artikel', '1', 'Artikel 1', 'Änderung des Bundesmeldegesetzes', false, 'art-z1'],
          ['artikel', '20', 'Artikel 20', undefined, false, 'art-z20'],
          ['artikel', '21', 'Art. 21', 'Inkrafttreten', false, 'art-z21'],
        ],
      );
      const [p3, p3a, p4, p10, a1, a20] = model.norms;
      assert.deepEqual(p3.markerRange, r(0, 0, 0, 3));
      assert.deepEqual(p3.titleRange, r(0, 4, 0, 21));
      assert.deepEqual(p3a.markerRange, r(2, 0, 2, 4));
      assert.deepEqual(p3a.titleRange, r(2, 5, 2, 13));
      assert.equal(p4.titleRange, undefined);
      assert.deepEqual(p4.range, r(4, 0, 5, 5));
      assert.deepEqual(p10.range, r(6, 0, 6, 18));
      assert.deepEqual(a1.titleRange, r(7, 10, 7, 42));
      assert.equal(a20.titleRange, undefined);
      assert.equal(p3.address, '§ 3');
      assert.equal(a1.address, 'Artikel 1');
      // H3: the headings without title, at their marker
      assert.deepEqual(
        diags(ls, 'ueberschrift-fehlt').map((d) => d.range),
        [r(4, 0, 4, 3), r(9, 0, 9, 10)],
      );
    });

    it('ranges: "§§ 3 bis 6", "§§ 114 und 115", "Artikel 74a und 75"', () => {
      const { model } = openDraft(lines('§§ 3 bis 6 (weggefallen)', '§§ 114 und 115 (weggefallen)', 'Artikel 74a und 75 (weggefallen)'));
      assert.deepEqual(
        model.norms.map((u) => [u.kind, u.num, u.rangeConj, u.numTo, u.repealed, u.eId, u.label]),
        [
          ['bereich', '3', 'bis', '6', true, 'art-z3-6', '§§ 3 bis 6'],
          ['bereich', '114', 'und', '115', true, 'art-z114-115', '§§ 114 und 115'],
          ['bereich', '74a', 'und', '75', true, 'art-z74a-75', 'Artikel 74a und 75'],
        ],
      );
      assert.deepEqual(model.norms[0].markerRange, r(0, 0, 0, 10));
      assert.deepEqual(model.norms[0].titleRange, r(0, 11, 0, 24));
      assert.deepEqual(model.norms[2].range, r(2, 0, 2, 32));
    });
  });

  describe('lexer: heading or prose', () => {
    const cases: [string, boolean][] = [
      ['§ 5 gilt entsprechend.', false],
      ['§ 5 Absatz 2 ist anzuwenden', false],
      ['§ 5 Absatz 2 …', false],
      ['Artikel 3 bis 5 der Richtlinie …', false],
      ['§ 5 Abs. 2 ist anzuwenden', false],
      ['§ 5 Satz 2 gilt', false],
      ['Artikel 3 bis 5 der Richtlinie gelten entsprechend.', false],
      ['Artikel 3 bis 5 der Richtlinie', false],
      ['§ 7 Anwendungsbereich:', false],
      ['§ 7 Anwendungsbereich', true],
      ['§ 12a (Gegenstandslose Übergangsvorschrift)', true],
      ['Abschnitt 2 Satz 1 gilt', false],
      ['Anlage 2 ist beizufügen.', false],
      ['Anlage 1 (zu § 12 Absatz 1)', true],
    ];
    for (const [line, heading] of cases) {
      it(`${JSON.stringify(line)} is ${heading ? 'a heading' : 'text'}`, () => {
        const { model } = openDraft(lines('§ 1 Zweck', 'Erster Satz.', line));
        const head = model.heads.find((h) => h.range.start.line === 2);
        if (heading) {
          assert.ok(head, 'a unit starts at the line');
          assert.equal(byEId(model, 'art-z1_abs-n1').ownText(), 'Erster Satz.');
        } else {
          assert.equal(head, undefined);
          assert.equal(byEId(model, 'art-z1_abs-n1').ownText(), `Erster Satz. ${line}`);
          assert.deepEqual(byEId(model, 'art-z1').range, r(0, 0, 2, line.length));
        }
      });
    }

    it('an escaped line is always text and the backslash is not part of its content', () => {
      const { ls, model } = openDraft(lines('§ 1 Zweck', '\\§ 12 Satz 2 gilt entsprechend.', '\\1. Januar 2027 ist der Stichtag.', '\\(2) bleibt Text.'));
      assert.equal(model.norms.length, 1);
      const abs = byEId(model, 'art-z1_abs-n1');
      assert.deepEqual(abs.children, [], 'no Nummer, no Absatz from the escaped lines');
      assert.equal(abs.ownText(), '§ 12 Satz 2 gilt entsprechend. 1. Januar 2027 ist der Stichtag. (2) bleibt Text.');
      assert.deepEqual(abs.range, r(1, 0, 3, 17));
      // "1. Januar 2027" is a date: the escaped line is one Satz
      assert.deepEqual(saetzeText(ls, abs), ['§ 12 Satz 2 gilt entsprechend.', '1. Januar 2027 ist der Stichtag.', '(2) bleibt Text.']);
    });
  });

  describe('Absätze and lists', () => {
    const text = lines(
      '§ 3 Meldepflicht', //                          0
      '(1) Wer eine Wohnung bezieht, meldet sich.', // 1
      '(1a) Eingefügter Absatz.', //                  2
      '(2) Die Behörde prüft,', //                    3
      '  1. ob der Antrag vollständig ist,', //       4
      '    a) schriftlich,', //                       5
      '      aa) mit Unterschrift oder', //           6
      '        aaa) mit Siegel,', //                  7
      '          - erstens', //                       8
      '          - zweitens', //                      9
      '      bb) ohne Unterschrift,', //              10
      '    b) elektronisch,', //                      11
      '    und zwar sorgfältig,', //                  12 text after the Buchstaben-list: Nummer 1
      '  2. ob die Gebühr gezahlt ist,', //           13
      'und entscheidet dann.', //                     14 text after the Nummern-list: Absatz (2)
      '(3) (weggefallen)', //                         15
    );

    it('Absätze: numbers incl. (1a), eIds, marker ranges, (weggefallen)', () => {
      const { model } = openDraft(text);
      const p = byEId(model, 'art-z3');
      assert.deepEqual(
        p.children.map((c) => [c.kind, c.num, c.label, c.eId, c.repealed]),
        [
          ['absatz', '1', '(1)', 'art-z3_abs-z1', false],
          ['absatz', '1a', '(1a)', 'art-z3_abs-z1a', false],
          ['absatz', '2', '(2)', 'art-z3_abs-z2', false],
          ['absatz', '3', '(3)', 'art-z3_abs-z3', true],
        ],
      );
      assert.deepEqual(byEId(model, 'art-z3_abs-z1a').markerRange, r(2, 0, 2, 4));
      assert.deepEqual(byEId(model, 'art-z3_abs-z1a').range, r(2, 0, 2, 24));
      assert.deepEqual(byEId(model, 'art-z3_abs-z2').range, r(3, 0, 14, 21));
      assert.deepEqual(p.range, r(0, 0, 15, 17));
      assert.equal(byEId(model, 'art-z3_abs-z2').address, '§ 3 Absatz 2');
    });

    it('Nummern › Buchstaben › Doppelbuchstaben › Dreifachbuchstaben › Anstriche nest with LegalDocML eIds', () => {
      const { model } = openDraft(text);
      const abs2 = 'art-z3_abs-z2_inhalt-n1';
      const n1 = `${abs2}_liste-n1_listenelem-n1`;
      const a = `${n1}_liste-n1_listenelem-n1`;
      const aa = `${a}_liste-n1_listenelem-n1`;
      const aaa = `${aa}_liste-n1_listenelem-n1`;
      const expected: [string, string, string | undefined, [number, number, number, number]][] = [
        [n1, 'nummer', '1', [4, 2, 12, 24]],
        [a, 'buchstabe', 'a', [5, 4, 10, 28]],
        [aa, 'doppelbuchstabe', 'aa', [6, 6, 9, 20]],
        [aaa, 'dreifachbuchstabe', 'aaa', [7, 8, 9, 20]],
        [`${aaa}_liste-n1_listenelem-n1`, 'anstrich', undefined, [8, 10, 8, 19]],
        [`${aaa}_liste-n1_listenelem-n2`, 'anstrich', undefined, [9, 10, 9, 20]],
        [`${a}_liste-n1_listenelem-n2`, 'doppelbuchstabe', 'bb', [10, 6, 10, 28]],
        [`${n1}_liste-n1_listenelem-n2`, 'buchstabe', 'b', [11, 4, 11, 20]],
        [`${abs2}_liste-n1_listenelem-n2`, 'nummer', '2', [13, 2, 13, 31]],
      ];
      for (const [eId, kind, num, [sl, sc, el, ec]] of expected) {
        const u = byEId(model, eId);
        assert.equal(u.kind, kind, eId);
        assert.equal(u.num, num, eId);
        assert.deepEqual(u.range, r(sl, sc, el, ec), eId);
      }
      assert.deepEqual(byEId(model, n1).markerRange, r(4, 2, 4, 4));
      assert.deepEqual(byEId(model, aa).markerRange, r(6, 6, 6, 9));
      assert.equal(byEId(model, aa).address, '§ 3 Absatz 2 Nummer 1 Buchstabe a Doppelbuchstabe aa');
      assert.equal(unitsOf(model, 'anstrich').length, 2);
    });

    it('text after a list belongs to the enclosing unit at both depths', () => {
      const { model } = openDraft(text);
      const abs2 = byEId(model, 'art-z3_abs-z2');
      const n1 = byEId(model, 'art-z3_abs-z2_inhalt-n1_liste-n1_listenelem-n1');
      assert.equal(n1.ownText(), 'ob der Antrag vollständig ist, und zwar sorgfältig,');
      assert.equal(abs2.ownText(), 'Die Behörde prüft, und entscheidet dann.');
      assert.deepEqual(
        abs2.parts.map((p) => (p.type === 'text' ? `text:${p.text.role}` : p.type)),
        ['text:text', 'unit', 'unit', 'text:after-list'],
      );
      assert.deepEqual(
        n1.parts.map((p) => (p.type === 'text' ? `text:${p.text.role}` : p.type)),
        ['text:text', 'unit', 'unit', 'text:after-list'],
      );
      // the Sätze: one sentence running through the list and on after it
      assert.deepEqual(abs2.saetze.map((s) => [abs2.abs(s.start), abs2.abs(s.end)]), [[{ line: 3, character: 4 }, { line: 14, character: 21 }]]);
    });

    it('a text line indented deeper than an item marker is a further paragraph of that item', () => {
      const { model } = openDraft(lines('§ 1 Zweck', '(1) Es gilt:', '  1. erstens,', '     weiterer Text der Nummer,', '  2. zweitens.'));
      const n1 = byEId(model, 'art-z1_abs-z1_inhalt-n1_liste-n1_listenelem-n1');
      assert.equal(n1.ownText(), 'erstens, weiterer Text der Nummer,');
      assert.deepEqual(n1.range, r(2, 2, 3, 30));
      assert.ok(byEId(model, 'art-z1_abs-z1_inhalt-n1_liste-n1_listenelem-n2'));
    });

    it('text in a § without Absätze goes into an implicit Absatz (art-z5_abs-n1); a Buchstaben-list may stand directly in it', () => {
      const { model } = openDraft(lines('§ 5 Begriffe', 'Im Sinne dieses Gesetzes ist', 'a) x,', 'b) y.'));
      const abs = byEId(model, 'art-z5_abs-n1');
      assert.equal(abs.implicit, true);
      assert.equal(abs.num, undefined);
      assert.deepEqual(abs.range, r(1, 0, 3, 5));
      assert.deepEqual(abs.markerRange, r(1, 0, 1, 0));
      assert.equal(abs.address, '§ 5', 'an implicit Absatz adds nothing to the address');
      assert.deepEqual(
        abs.children.map((c) => [c.kind, c.eId]),
        [
          ['buchstabe', 'art-z5_abs-n1_inhalt-n1_liste-n1_listenelem-n1'],
          ['buchstabe', 'art-z5_abs-n1_inhalt-n1_liste-n1_listenelem-n2'],
        ],
      );
    });

    it('a list interrupted by text starts a new list (liste-n2)', () => {
      const { model } = openDraft(lines('§ 1 Zweck', '(1) Erstens:', '1. a', 'Dazwischen.', '1. b'));
      assert.ok(byEId(model, 'art-z1_abs-z1_inhalt-n1_liste-n1_listenelem-n1'));
      assert.ok(byEId(model, 'art-z1_abs-z1_inhalt-n1_liste-n2_listenelem-n1'));
    });
  });

  describe('tables', () => {
    it('rows and cells (with \\| escapes and UTF-16 columns), owner unit, separate tables split by a blank line', () => {
      const { model } = openDraft(
        lines(
          '§ 5 Gebühren', //                            0
          '(1) Es gelten folgende Gebühren:', //        1
          '| Leistung | Gebühr \\| netto |', //         2
          '|---|---|', //                               3
          '| Anmeldung 😀 | 5 |', //                    4
          '', //                                        5
          '| zweite | Tabelle |', //                    6
          '(2) Ohne Tabelle.', //                       7
        ),
      );
      const abs1 = byEId(model, 'art-z5_abs-z1');
      const tables = abs1.parts.filter((p) => p.type === 'table').map((p) => (p.type === 'table' ? p.table : undefined));
      assert.equal(tables.length, 2);
      const [t1, t2] = tables;
      assert.ok(t1 && t2);
      const rel = abs1.block.startLine;
      assert.deepEqual([t1.line + rel, t1.endLine + rel, t1.rows.length], [2, 4, 3]);
      assert.deepEqual(t1.rows[0].cells, [
        { start: 2, end: 10 },
        { start: 13, end: 28 },
      ]);
      // "Anmeldung 😀": the emoji counts two UTF-16 code units
      assert.deepEqual(t1.rows[2].cells, [
        { start: 2, end: 14 },
        { start: 17, end: 18 },
      ]);
      assert.equal(model.document.lineAt(4).slice(2, 14), 'Anmeldung 😀');
      assert.deepEqual([t2.line + rel, t2.rows.length], [6, 1]);
      assert.deepEqual(abs1.range, r(1, 0, 6, 20));
      assert.equal(byEId(model, 'art-z5_abs-z2').parts.length, 1);
    });
  });

  describe('annotations', () => {
    const text = lines(
      '§ 6 Meldung', //                                0
      '(1) Wer umzieht, meldet sich', //               1
      '  1. bei der Behörde,', //                      2
      '     @aufwand Meldung bei der Behörde', //      3 indented deeper than "1.": Nummer 1
      '       fallzahl: 1000', //                      4
      '       minuten: 5 // geschätzt', //             5
      '  2. online.', //                               6 the next item ends the annotation
      '@aufwand Anmeldung 😀', //                      7 column 0: Absatz (1)
      '  fallzahl: 10', //                             8
      '(2) Weiter.', //                                9
    );

    it('belong to the unit above by indentation, with their entries and positions', () => {
      const { ls, model } = openDraft(text);
      const abs1 = byEId(model, 'art-z6_abs-z1');
      const n1 = byEId(model, 'art-z6_abs-z1_inhalt-n1_liste-n1_listenelem-n1');
      const n2 = byEId(model, 'art-z6_abs-z1_inhalt-n1_liste-n1_listenelem-n2');
      assert.equal(n2.ownText(), 'online.');
      assert.deepEqual(n2.range, r(6, 2, 6, 12));
      assert.equal(n1.annotations.length, 1);
      const a = n1.annotations[0];
      assert.deepEqual([a.name, a.label, a.unit], ['aufwand', 'Meldung bei der Behörde', n1]);
      assert.deepEqual([a.line + a.block.startLine, a.nameStart, a.nameEnd, a.labelStart, a.labelEnd], [3, 6, 13, 14, 37]);
      assert.deepEqual(
        a.entries.map((e) => [e.key, e.value, e.line + a.block.startLine, e.keyStart, e.keyEnd, e.valueStart, e.valueEnd]),
        [
          ['fallzahl', '1000', 4, 7, 15, 17, 21],
          ['minuten', '5', 5, 7, 14, 16, 17],
        ],
      );
      assert.deepEqual(n1.range, r(2, 2, 5, 17));
      assert.equal(abs1.annotations.length, 1);
      const b = abs1.annotations[0];
      assert.deepEqual([b.name, b.label, b.labelStart, b.labelEnd], ['aufwand', 'Anmeldung 😀', 9, 21]);
      assert.deepEqual(b.entries.map((e) => `${e.key}=${e.value}`), ['fallzahl=10']);
      assert.deepEqual([...model.annotations()].map((x) => x.unit.eId), [n1.eId, abs1.eId]);
      assert.deepEqual(diagLines(ls, 'syntax'), []);
    });

    it('a malformed entry line is a syntax error at its line', () => {
      const { ls } = openDraft(lines('§ 1 Zweck', 'Text.', '@aufwand x', '  kein Eintrag', '§ 2 Inkrafttreten', 'Text.'));
      assert.deepEqual(diags(ls, 'syntax').map((d) => d.range.start.line), [3]);
    });
  });

  describe('comments', () => {
    it('trailing and whole-line comments are not text; https:// stays text', () => {
      const { model } = openDraft(
        lines(
          '§ 1 Zweck // Kommentar zur Überschrift', //             0
          '(1) Siehe https://example.org/x für Details. // echt', // 1
          '// ganze Zeile', //                                      2
          '  // eingerückte ganze Zeile', //                        3
          '(2) a//b bleibt Text.', //                               4
        ),
      );
      const p = byEId(model, 'art-z1');
      assert.equal(p.title, 'Zweck');
      assert.deepEqual(p.titleRange, r(0, 4, 0, 9));
      const abs1 = byEId(model, 'art-z1_abs-z1');
      assert.equal(abs1.ownText(), 'Siehe https://example.org/x für Details.');
      assert.deepEqual(abs1.range, r(1, 0, 1, 44));
      assert.equal(byEId(model, 'art-z1_abs-z2').ownText(), 'a//b bleibt Text.');
    });

    it('suppression comments hide a rule at the next line but never syntax errors', () => {
      const { ls } = openDraft(
        lines('§ 1', 'Text.', '// norma-disable-next-line ueberschrift-fehlt', '§ 2', 'Text z. B. hier.', '// norma-disable-next-line', 'aa) falsch'),
      );
      assert.deepEqual(diagLines(ls, 'ueberschrift-fehlt'), ['ueberschrift-fehlt@0']);
      assert.deepEqual(diagLines(ls, 'syntax'), ['syntax@6']);
    });
  });

  describe('multi-line quoted structures', () => {
    const text = lines(
      'Artikel 1 Änderung des Meldegesetzes', //      0
      'Das Meldegesetz wird wie folgt geändert:', //  1
      '  1. § 3 wird wie folgt gefasst:', //          2
      '     „§ 3', //                                 3
      'Speicherung', //                               4  (column 0 inside the quotation: not a heading, not text of the Absatz)
      '     (1) Die Meldebehörde speichert.', //      5
      '     (2) Weitere Daten.“', //                  6
      '  2. In § 4 wird „alt“ durch „neu“ ersetzt.', // 7
      '', //                                          8
      'Artikel 2 Inkrafttreten', //                   9
      'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.', // 10
    );

    it('the quoted lines are text of the item that introduces them, never units', () => {
      const { ls, model } = openDraft(text);
      assert.deepEqual(model.norms.map((u) => u.eId), ['art-z1', 'art-z2']);
      const list = 'art-z1_abs-n1_inhalt-n1_liste-n1';
      const n1 = byEId(model, `${list}_listenelem-n1`);
      const n2 = byEId(model, `${list}_listenelem-n2`);
      assert.deepEqual(n1.children, []);
      assert.equal(n1.ownText(), '§ 3 wird wie folgt gefasst: „§ 3\nSpeicherung\n(1) Die Meldebehörde speichert.\n(2) Weitere Daten.“');
      assert.deepEqual(n1.range, r(2, 2, 6, 24));
      assert.deepEqual(n2.range, r(7, 2, 7, 43));
      assert.deepEqual(kinds(model), ['artikel', 'absatz', 'nummer', 'nummer', 'artikel', 'absatz']);
      assert.deepEqual(diagLines(ls, 'syntax'), []);
      // the periods inside the quotation do not end a Satz
      assert.equal(n1.saetze.length, 1);
      assert.equal(textAt(ls, { start: n1.abs(n1.saetze[0].start), end: n1.abs(n1.saetze[0].end) }).split('\n').length, 5);
    });

    it('an annotation between the line with the colon and the „ line does not prevent the quotation', () => {
      const { model } = openDraft(
        lines(
          'Artikel 1 Änderung', //                     0
          'Das Gesetz wird wie folgt geändert:', //    1
          '1. § 3 wird wie folgt gefasst:', //         2
          '   @aufwand Neufassung', //                 3
          '     fallzahl: 1', //                       4
          '   „§ 3 Neu', //                            5
          '   (1) Text.“', //                          6
          '2. Ende.', //                               7
        ),
      );
      const list = 'art-z1_abs-n1_inhalt-n1_liste-n1';
      const n1 = byEId(model, `${list}_listenelem-n1`);
      assert.equal(n1.annotations.length, 1);
      assert.equal(n1.ownText(), '§ 3 wird wie folgt gefasst: „§ 3 Neu\n(1) Text.“');
      assert.deepEqual(n1.range, r(2, 0, 6, 13));
      assert.equal(byEId(model, `${list}_listenelem-n2`).ownText(), 'Ende.');
      assert.deepEqual(kinds(model), ['artikel', 'absatz', 'nummer', 'nummer']);
    });

    it('a quotation on one line does not open a multi-line structure', () => {
      const { model } = openDraft(lines('§ 1 Zweck', 'Es wird ersetzt:', '„alt“ durch „neu“.', '§ 2 Inkrafttreten', 'Text.'));
      assert.equal(model.norms.length, 2);
    });
  });

  describe('Anlagen', () => {
    it('Anlage blocks with number and title, free content, Anlage without number, Anhang', () => {
      const { model } = openDraft(
        lines(
          '§ 1 Zweck', //                        0
          'Text.', //                            1
          '', //                                 2
          'Anlage 1 (zu § 12 Absatz 1)', //      3
          '| Spalte A | Spalte B |', //          4
          'Text in der Anlage.', //              5
          '  - Strich', //                       6
          '  1. Nummer in der Anlage', //        7
          '', //                                 8
          'Anlage', //                           9
          'Text.', //                            10
          '', //                                 11
          'Anhang EV', //                        12
          'Text.', //                            13
        ),
      );
      assert.deepEqual(
        model.anlagen.map((a) => [a.kind, a.num, a.label, a.title, a.eId]),
        [
          ['anlage', '1', 'Anlage 1', '(zu § 12 Absatz 1)', 'anlage-z1'],
          ['anlage', undefined, 'Anlage', undefined, 'anlage-n1'],
          ['anlage', 'EV', 'Anhang EV', undefined, 'anlage-zEV'],
        ],
      );
      const a1 = model.anlagen[0];
      assert.deepEqual(a1.markerRange, r(3, 0, 3, 8));
      assert.deepEqual(a1.titleRange, r(3, 9, 3, 27));
      assert.deepEqual(a1.range, r(3, 0, 7, 25));
      assert.equal(a1.repealed, false);
      assert.deepEqual(a1.parts.map((p) => p.type), ['table', 'text', 'unit', 'unit']);
      assert.deepEqual(
        a1.children.map((c) => [c.kind, c.eId]),
        [
          ['anstrich', 'anlage-z1_inhalt-n1_liste-n1_listenelem-n1'],
          ['nummer', 'anlage-z1_inhalt-n1_liste-n2_listenelem-n1'],
        ],
      );
      assert.equal(a1.ownText(), 'Text in der Anlage.');
      // the § before is not extended into the Anlage
      assert.deepEqual(byEId(model, 'art-z1').range, r(0, 0, 1, 5));
    });
  });

  describe('exact LSP ranges with umlauts and astral characters (UTF-16)', () => {
    const text = lines(
      '§ 1 Größe 😀 und Maß', //                            0
      '(1) Text mit 😀 Emoji. Zweiter Satz über Ärzte.', // 1
      '(2) Die Behörde hat 😀', //                          2
      '  1. Prüfung 😀, // Kommentar', //                   3
      '  2. Änderung.', //                                  4
    );

    it('§: markerRange, titleRange (after the emoji), range', () => {
      const { model } = openDraft(text);
      const p = byEId(model, 'art-z1');
      assert.equal(p.title, 'Größe 😀 und Maß');
      assert.deepEqual(p.markerRange, r(0, 0, 0, 3));
      assert.deepEqual(p.titleRange, r(0, 4, 0, 20));
      assert.deepEqual(p.range, r(0, 0, 4, 14));
    });

    it('Absatz and Nummer ranges; the second Satz starts after the emoji', () => {
      const { ls, model } = openDraft(text);
      const abs1 = byEId(model, 'art-z1_abs-z1');
      assert.deepEqual(abs1.range, r(1, 0, 1, 47));
      assert.deepEqual(abs1.markerRange, r(1, 0, 1, 3));
      assert.deepEqual(
        abs1.saetze.map((s) => [abs1.abs(s.start), abs1.abs(s.end)]),
        [
          [{ line: 1, character: 4 }, { line: 1, character: 22 }],
          [{ line: 1, character: 23 }, { line: 1, character: 47 }],
        ],
      );
      assert.deepEqual(saetzeText(ls, abs1), ['Text mit 😀 Emoji.', 'Zweiter Satz über Ärzte.']);
      const n1 = byEId(model, 'art-z1_abs-z2_inhalt-n1_liste-n1_listenelem-n1');
      assert.deepEqual(n1.markerRange, r(3, 2, 3, 4));
      assert.deepEqual(n1.range, r(3, 2, 3, 16), 'ends before the trailing comment, counting the emoji as two code units');
      assert.deepEqual(byEId(model, 'art-z1_abs-z2').range, r(2, 0, 4, 14));
      assert.equal(model.unitAt(3, 15), n1);
      assert.equal(model.unitAt(1, 20), abs1);
    });
  });

  describe('Sätze', () => {
    const text = lines(
      '§ 1 Satzbau',
      '(1) Die Frist nach Abs. 2 gilt z. B. für Anträge. Sie ist einzuhalten.',
      '(2) Das Gesetz vom 3. Dezember 2020 (BGBl. I S. 2542) gilt bis zur Vollendung des 65. Lebensjahres. Danach nicht.',
      '(3) Die Regelung gilt ab dem 1. Januar 2027 für alle. Sie wird am 1. Januar 2028 überprüft.',
      '(4) Es gilt die Frist nach Absatz 2. Die Behörde entscheidet.',
      '(5) Es gilt Satz 1 Buchstabe a. Der Antrag ist schriftlich zu stellen.',
      '(6) Die Wörter „Satz. Ende. Neu“ werden ersetzt. Danach gilt (vgl. Nr. 3. Abs. 4) nichts.',
      '(7) Die Behörde prüft,',
      '  1. ob der Antrag vollständig ist und',
      '  2. ob die Gebühr gezahlt ist,',
      'und entscheidet dann. Der Bescheid ist zu begründen.',
      '(8) Die Meldung erfolgt nach BGBl. I S. 2542. Das gilt auch im Jahr 2027. Ende.',
      '(9) Ist das so? Ja! Gut.',
    );
    const expected: Record<string, string[]> = {
      'art-z1_abs-z1': ['Die Frist nach Abs. 2 gilt z. B. für Anträge.', 'Sie ist einzuhalten.'],
      'art-z1_abs-z2': ['Das Gesetz vom 3. Dezember 2020 (BGBl. I S. 2542) gilt bis zur Vollendung des 65. Lebensjahres.', 'Danach nicht.'],
      'art-z1_abs-z3': ['Die Regelung gilt ab dem 1. Januar 2027 für alle.', 'Sie wird am 1. Januar 2028 überprüft.'],
      'art-z1_abs-z4': ['Es gilt die Frist nach Absatz 2.', 'Die Behörde entscheidet.'],
      'art-z1_abs-z5': ['Es gilt Satz 1 Buchstabe a.', 'Der Antrag ist schriftlich zu stellen.'],
      'art-z1_abs-z6': ['Die Wörter „Satz. Ende. Neu“ werden ersetzt.', 'Danach gilt (vgl. Nr. 3. Abs. 4) nichts.'],
      'art-z1_abs-z7': [
        'Die Behörde prüft,\n  1. ob der Antrag vollständig ist und\n  2. ob die Gebühr gezahlt ist,\nund entscheidet dann.',
        'Der Bescheid ist zu begründen.',
      ],
      'art-z1_abs-z8': ['Die Meldung erfolgt nach BGBl. I S. 2542.', 'Das gilt auch im Jahr 2027.', 'Ende.'],
      'art-z1_abs-z9': ['Ist das so?', 'Ja!', 'Gut.'],
    };
    for (const [eId, saetze] of Object.entries(expected)) {
      it(`${eId}: ${saetze.length} Sätze`, () => {
        const { ls, model } = openDraft(text);
        assert.deepEqual(saetzeText(ls, byEId(model, eId)), saetze);
      });
    }

    it('Sätze are numbered from 1 and a list item has its own Sätze', () => {
      const { model } = openDraft(text);
      const abs7 = byEId(model, 'art-z1_abs-z7');
      assert.deepEqual(abs7.saetze.map((s) => s.num), [1, 2]);
      const n1 = byEId(model, 'art-z1_abs-z7_inhalt-n1_liste-n1_listenelem-n1');
      assert.deepEqual(n1.saetze.map((s) => [n1.abs(s.start), n1.abs(s.end)]), [[{ line: 8, character: 5 }, { line: 8, character: 38 }]]);
    });

    it('a list whose items end with periods: the text after it starts a new Satz', () => {
      const { ls, model } = openDraft(lines('§ 1 Zweck', '(1) Die Behörde prüft', '  1. den Antrag.', '  2. die Gebühr.', 'Danach entscheidet sie.'));
      assert.deepEqual(saetzeText(ls, byEId(model, 'art-z1_abs-z1')), ['Die Behörde prüft\n  1. den Antrag.\n  2. die Gebühr.', 'Danach entscheidet sie.']);
    });
  });

  describe('error recovery: errors are reported at their line and confined', () => {
    /** § 1 has the error; § 2 and § 3 must keep their units and their rule findings (H3 for § 2, abkuerzung in § 3). */
    const TAIL = ['§ 2', '(1) Ohne Überschrift.', '(2) Zweiter Absatz.', '', '§ 3 Inkrafttreten', 'Dieses Gesetz tritt z. B. morgen in Kraft.'];
    function checkRest(model: DocumentModel, ls: LanguageService, start: number): void {
      assert.deepEqual(byEId(model, 'art-z2').range, r(start, 0, start + 2, 19));
      assert.deepEqual(
        byEId(model, 'art-z2').children.map((c) => c.eId),
        ['art-z2_abs-z1', 'art-z2_abs-z2'],
      );
      assert.deepEqual(byEId(model, 'art-z3_abs-n1').range, r(start + 5, 0, start + 5, 42));
      assert.deepEqual(diagLines(ls, 'ueberschrift-fehlt'), [`ueberschrift-fehlt@${start}`]);
      assert.deepEqual(
        diags(ls, 'abkuerzung').map((d) => d.range),
        [r(start + 5, 20, start + 5, 25)],
      );
    }

    it('"aa)" directly in an Absatz: syntax error at its marker, the line is read as text', () => {
      const text = lines('§ 1 Zweck', '(1) Text.', 'aa) falsch hier', '(2) Weiter.', '', ...TAIL);
      const { ls, model } = openDraft(text);
      assert.deepEqual(diags(ls, 'syntax').map((d) => d.range), [r(2, 0, 2, 3)]);
      assert.match(msg(diags(ls, 'syntax')[0]), /aa\)/);
      assert.equal(byEId(model, 'art-z1_abs-z1').ownText(), 'Text. aa) falsch hier');
      assert.equal(byEId(model, 'art-z1_abs-z1').children.length, 0);
      assert.ok(byEId(model, 'art-z1_abs-z2'), 'the Absatz after the bad line is still a unit');
      checkRest(model, ls, 5);
    });

    it('"§" without number: syntax error at the "§"', () => {
      const text = lines('§ Ohne Nummer', 'Text.', '', ...TAIL);
      const { ls, model } = openDraft(text);
      assert.deepEqual(diags(ls, 'syntax').map((d) => d.range), [r(0, 0, 0, 1)]);
      assert.deepEqual(diagLines(ls, 'ueberschrift-fehlt'), ['ueberschrift-fehlt@3'], 'no H3 finding on the heading without number');
      assert.equal(model.norms.length, 3);
      checkRest(model, ls, 3);
    });

    it('unclosed front matter: reported at the opening ---, ended by the first heading', () => {
      const text = lines('---', 'titel: X', 'typ: stammgesetz', '', ...TAIL);
      const { ls, model } = openDraft(text);
      assert.deepEqual(diags(ls, 'frontmatter').map((d) => d.range), [r(0, 0, 0, 3)]);
      assert.deepEqual(model.frontMatter?.values, { titel: 'X', typ: 'stammgesetz' });
      assert.deepEqual(model.norms.map((u) => u.eId), ['art-z2', 'art-z3']);
      checkRest(model, ls, 4);
    });

    it('unclosed quoted structure: error at the blank line that ends it, the next § is intact', () => {
      const text = lines('§ 1 Änderung', 'Es wird eingefügt:', '„§ 9 Neu', '(1) Text.', '', ...TAIL);
      const { ls, model } = openDraft(text);
      assert.deepEqual(diags(ls, 'syntax').map((d) => d.range.start.line), [4]);
      assert.deepEqual(byEId(model, 'art-z1').children.map((c) => c.eId), ['art-z1_abs-n1'], 'no units from the quotation');
      checkRest(model, ls, 5);
    });

    it('many bad markers in one block (more than the recovery budget): each reported, the good lines keep their structure', () => {
      const items: string[] = [];
      for (let i = 1; i <= 100; i++) items.push(`  ${i}. Nummer ${i}`, '    aa) falsch');
      const text = lines('§ 1 Zweck', '(1) Text:', ...items, '', ...TAIL);
      const { ls, model } = openDraft(text);
      const syntax = diags(ls, 'syntax');
      assert.equal(syntax.length, 100);
      assert.deepEqual(syntax[0].range, r(3, 4, 3, 7));
      assert.deepEqual(syntax[99].range, r(201, 4, 201, 7));
      assert.ok(syntax.every((d) => /aa\)/.test(msg(d))), 'only the aa) lines are reported, never the valid (1) or the Nummern');
      const abs = byEId(model, 'art-z1_abs-z1');
      assert.equal(abs.children.length, 100);
      assert.equal(abs.children[99].ownText(), 'Nummer 100 aa) falsch');
      checkRest(model, ls, 203);
    });

    it('more than one bad marker in a block: each reported, the rest keeps its structure', () => {
      const text = lines('§ 1 Zweck', '(1) Text:', '  1. eins', '      aaa) falsch', '  2. zwei', '    aa) auch falsch', '  3. drei', '', ...TAIL);
      const { ls, model } = openDraft(text);
      assert.deepEqual(diags(ls, 'syntax').map((d) => d.range), [r(3, 6, 3, 10), r(5, 4, 5, 7)]);
      assert.deepEqual(
        byEId(model, 'art-z1_abs-z1').children.map((c) => c.num),
        ['1', '2', '3'],
      );
      checkRest(model, ls, 8);
    });
  });
});
