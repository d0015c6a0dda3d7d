/**
 * Incremental updates: `update()` with LSP range changes must give exactly
 * the model and diagnostics that opening the final text fresh gives, while
 * blocks an edit does not touch keep their parse.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService } from '../server/src/service/index';
import { applyChange, posOf, r, snapshot, URI, type RangeEdit } from './model-helpers';

const BASE = [
  '---',
  'titel: "Gesetz über das Meldewesen"',
  'kurztitel: Meldegesetz',
  'abkuerzung: MeldG',
  'typ: stammgesetz',
  'stand: 2025-03-01',
  '---',
  'Der Bundestag hat das folgende Gesetz beschlossen:',
  '',
  'Inhaltsübersicht',
  '  Teil 1 Allgemeines',
  '  § 1 Anwendungsbereich',
  '  § 2 Begriffsbestimmungen',
  '',
  'Teil 1 Allgemeines',
  '',
  'Abschnitt 1',
  'Grundsätze',
  '',
  '§ 1 Anwendungsbereich',
  '(1) Dieses Gesetz gilt für die Meldebehörden der Länder.',
  '(2) Es gilt nicht für z. B. Behörden nach § 4 Abs. 2. // Kommentar',
  '',
  '§ 2 Begriffsbestimmungen',
  'Im Sinne dieses Gesetzes sind',
  '  1. Einwohner: Personen, die',
  '    a) eine Wohnung haben,',
  '      aa) im Inland oder',
  '      bb) im Ausland,',
  '    b) gemeldet sind,',
  '    und dort wohnen,',
  '  2. Wohnung: jeder umschlossene Raum.',
  'Das gilt auch am 1. Januar 2027.',
  '@aufwand Anmeldung einer Wohnung',
  '  fallzahl: 1000',
  '  minuten: 5',
  '',
  'Abschnitt 2 Pflichten',
  '',
  '§ 3 Meldepflicht',
  '(1) Wer eine Wohnung bezieht, hat sich anzumelden.',
  '| Vorgang | Minuten |',
  '|---|---|',
  '| Anmeldung | 5 |',
  '(2) Das Gesetz wird wie folgt geändert:',
  '  „§ 7',
  '  Neue Vorschrift',
  '  (1) Eingefügter Text.“',
  '',
  '§ 4',
  'Ohne Überschrift.',
  '',
  '§§ 5 bis 6 (weggefallen)',
  '',
  '§ 7 Inkrafttreten',
  'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
  '',
  'Anlage 1 (zu § 3 Absatz 1)',
  '| A | B |',
  'Text der Anlage.',
  '',
].join('\n');

/** Open `text`, apply `changes` with update(), and compare with a fresh open of the resulting text. */
function checkEdits(text: string, changes: RangeEdit[][]): { incremental: unknown; fresh: unknown } {
  const ls = createLanguageService();
  ls.open(URI, text);
  ls.getModel(URI);
  ls.getDiagnostics(URI);
  let expected = text;
  for (const batch of changes) {
    ls.update(URI, batch);
    for (const c of batch) expected = applyChange(expected, c);
    // look at the model after every batch, so cached parses are what later batches build on
    ls.getDiagnostics(URI);
  }
  const incremental = snapshot(ls);
  const fresh = createLanguageService();
  fresh.open(URI, expected);
  const f = snapshot(fresh);
  assert.equal(ls.getDocument(URI)?.getText(), expected, 'document text after update()');
  assert.deepEqual(incremental, f);
  return { incremental, fresh: f };
}

function ins(text: string, needle: string, insert: string, delta = 0): RangeEdit {
  const p = posOf(text, needle, delta);
  return { range: { start: p, end: p }, text: insert };
}

function del(text: string, from: string, to: string, toDelta = 0): RangeEdit {
  const s = posOf(text, from);
  const e = posOf(text, to, toDelta, text.indexOf(from));
  return { range: { start: s, end: e }, text: '' };
}

/** Property runs (multiply with NORMA_FC_SCALE=10 for a longer search). */
const RUNS = Math.max(1, Math.round(250 * Number(process.env.NORMA_FC_SCALE ?? 1)));

describe('incremental update', () => {
  it('the base draft parses into the expected structure (sanity check of the fixture)', () => {
    const ls = createLanguageService();
    ls.open(URI, BASE);
    const m = ls.getModel(URI);
    assert.deepEqual(
      m.norms.map((u) => u.eId),
      ['art-z1', 'art-z2', 'art-z3', 'art-z4', 'art-z5-6', 'art-z7'],
    );
    assert.deepEqual(
      m.gliederung.map((u) => u.eId),
      ['hauptteil-n1_teil-n1', 'hauptteil-n1_teil-n1_abschnitt-n1', 'hauptteil-n1_teil-n1_abschnitt-n2'],
    );
    assert.ok(m.byEId('art-z2_abs-n1_inhalt-n1_liste-n1_listenelem-n1_liste-n1_listenelem-n1_liste-n1_listenelem-n2'));
    assert.equal(m.anlagen.length, 1);
  });

  describe('hand-picked edits give the same model and diagnostics as a fresh open', () => {
    it('typing inside a §', () => {
      const p = posOf(BASE, 'hat sich anzumelden', 4);
      const edits: RangeEdit[][] = [];
      let col = p.character;
      for (const ch of 'unverzüglich ') {
        edits.push([{ range: { start: { line: p.line, character: col }, end: { line: p.line, character: col } }, text: ch }]);
        col++;
      }
      const { incremental } = checkEdits(BASE, edits);
      assert.ok((incremental as { text: string }).text.includes('hat unverzüglich sich anzumelden'));
    });

    it('deleting a heading line merges two blocks', () => {
      // remove "§ 4\n": its text falls into the (weggefallen)-less § 3 block
      const s = posOf(BASE, '§ 4\n');
      checkEdits(BASE, [[{ range: { start: s, end: { line: s.line + 1, character: 0 } }, text: '' }]]);
    });

    it('deleting the Gliederung heading line of Abschnitt 2', () => {
      const s = posOf(BASE, 'Abschnitt 2 Pflichten');
      checkEdits(BASE, [[{ range: { start: s, end: { line: s.line + 1, character: 0 } }, text: '' }]]);
    });

    it('retyping a § heading with another label („§  3“) refreshes what other §§ say about it', () => {
      // a citation of a missing § names the nearest one by its label: the label is part of the block's structure
      const text = ['---', 'titel: Gesetz zur Erprobung', 'typ: stammgesetz', '---', '§ 1 Zweck', 'Nach § 9 wird geprüft.', '§ 2 Antrag', 'Text.', '§ 3 Inkrafttreten', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.', ''].join('\n');
      const { incremental } = checkEdits(text, [[{ range: { start: { line: 8, character: 1 }, end: { line: 8, character: 1 } }, text: ' ' }]]);
      assert.ok((incremental as { text: string }).text.includes('§  3 Inkrafttreten'));
    });

    it('inserting a new heading splits a block', () => {
      checkEdits(BASE, [[ins(BASE, 'Das gilt auch am', '§ 2a Neu\n')]]);
    });

    it('inserting a heading in the middle of a list', () => {
      checkEdits(BASE, [[ins(BASE, '    b) gemeldet', '§ 2a Neu\n')]]);
    });

    it('editing the front matter (typ) changes the diagnostics of every block', () => {
      const s = posOf(BASE, 'stammgesetz');
      const { incremental } = checkEdits(BASE, [
        [{ range: { start: s, end: { line: s.line, character: s.character + 'stammgesetz'.length } }, text: 'aenderungsgesetz' }],
      ]);
      assert.equal((incremental as { context: { typ: string } }).context.typ, 'aenderungsgesetz');
    });

    it('editing the front matter: fassung: konsolidiert switches draft-only rules off', () => {
      checkEdits(BASE, [[ins(BASE, 'stand:', 'fassung: konsolidiert\n')]]);
    });

    it('breaking and repairing the front matter delimiter', () => {
      const s = posOf(BASE, '---\nDer Bundestag');
      const one: RangeEdit = { range: { start: s, end: { line: s.line, character: 3 } }, text: '--' };
      checkEdits(BASE, [[one]]);
      const broken = applyChange(BASE, one);
      const s2 = posOf(broken, '--\nDer Bundestag');
      checkEdits(broken, [[{ range: { start: s2, end: s2 }, text: '-' }]]);
    });

    it('typing in front of the front matter turns it into text that runs into the Eingangsformel', () => {
      const { incremental } = checkEdits(BASE, [[{ range: r(0, 0, 0, 0), text: '§ 3 ' }]]);
      const units = (incremental as { units: { kind: string; range: string }[] }).units;
      assert.equal(units[0].kind, 'eingangsformel');
      assert.equal(units[0].range, '0:0-7:50', 'one start block from line 0 to the Eingangsformel text');
    });

    it('deleting the opening front-matter delimiter', () => {
      checkEdits(BASE, [[{ range: r(0, 0, 1, 0), text: '' }]]);
    });

    it('opening a quoted structure that swallows the following blocks, then closing it', () => {
      // „ after a colon opens a multi-line quotation running until the blank line
      const open = ins(BASE, '(1) Wer eine Wohnung', 'Es wird eingefügt:\n„§ 9\n', 0);
      const t1 = applyChange(BASE, open);
      checkEdits(BASE, [[open]]);
      const close = ins(t1, '„§ 9', '“', 4);
      checkEdits(t1, [[close]]);
      checkEdits(BASE, [[open], [close]]);
    });

    it('removing the closing quote of a quoted structure', () => {
      const p = posOf(BASE, 'Eingefügter Text.“', 'Eingefügter Text.'.length);
      checkEdits(BASE, [[{ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' }]]);
    });

    it('removing the blank line after an unclosed quoted structure lets it run into the next §', () => {
      const p = posOf(BASE, 'Eingefügter Text.“', 'Eingefügter Text.'.length);
      const t1 = applyChange(BASE, { range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' });
      const q = posOf(t1, 'Eingefügter Text.\n\n§ 4', 'Eingefügter Text.'.length);
      checkEdits(t1, [[{ range: { start: q, end: { line: q.line + 1, character: 0 } }, text: '' }]]);
    });

    it('CRLF text: typing, splitting and joining lines', () => {
      const crlf = BASE.replace(/\n/g, '\r\n');
      const p = posOf(crlf, 'Ohne Überschrift.');
      checkEdits(crlf, [
        [{ range: { start: p, end: p }, text: 'Nicht ' }],
        // join line "§ 4" with the next by deleting its line break (position past the CR clamps before it)
        [{ range: { start: { line: p.line - 1, character: 99 }, end: { line: p.line, character: 0 } }, text: ' ' }],
        [{ range: { start: { line: p.line - 1, character: 0 }, end: { line: p.line - 1, character: 0 } }, text: '§ 3a Neu\r\n' }],
      ]);
    });

    it('edits at the end of the document', () => {
      const lines = BASE.split('\n').length;
      checkEdits(BASE, [
        [{ range: r(lines - 1, 0, lines - 1, 0), text: 'Anlage 2\nText.' }],
        [{ range: r(lines + 5, 0, lines + 5, 0), text: '\n§ 8 Nachtrag' }],
        [{ range: r(lines - 2, 0, lines + 10, 0), text: '' }],
      ]);
    });

    it('replacing the whole text with a range change and with a full change', () => {
      const lines = BASE.split('\n').length;
      checkEdits(BASE, [[{ range: r(0, 0, lines, 0), text: '§ 1 Alles neu\nText.\n' }]]);
      const ls = createLanguageService();
      ls.open(URI, BASE);
      ls.getModel(URI);
      ls.update(URI, [{ text: '§ 1 Alles neu\nText.\n' }]);
      const fresh = createLanguageService();
      fresh.open(URI, '§ 1 Alles neu\nText.\n');
      assert.deepEqual(snapshot(ls), snapshot(fresh));
    });

    it('a reversed range (invalid in LSP) is an insertion at its start, not a duplication', () => {
      const p = posOf(BASE, 'Ohne Überschrift.', 5);
      const { incremental } = checkEdits(BASE, [[{ range: { start: p, end: { line: p.line, character: 0 } }, text: 'X ' }]]);
      assert.ok((incremental as { text: string }).text.includes('\nOhne X Überschrift.\n'));
    });

    it('multiple changes in one call, each relative to the text left by the previous one', () => {
      const a = ins(BASE, '§ 7 Inkrafttreten', 'Abschnitt 3 Schluss\n\n');
      const t1 = applyChange(BASE, a);
      const b = del(t1, '§ 4\n', 'Ohne Überschrift.\n', 'Ohne Überschrift.\n'.length);
      const t2 = applyChange(t1, b);
      const c = ins(t2, '(1) Dieses Gesetz gilt', '(1a) Eingefügt.\n');
      checkEdits(BASE, [[a, b, c]]);
    });

    it('deleting everything, then typing a draft again', () => {
      const lines = BASE.split('\n').length;
      checkEdits(BASE, [
        [{ range: r(0, 0, lines, 0), text: '' }],
        [{ range: r(0, 0, 0, 0), text: '§' }],
        [{ range: r(0, 1, 0, 1), text: ' 1 A\n' }],
        [{ range: r(1, 0, 1, 0), text: '(1) x' }],
      ]);
    });
  });

  describe('the per-block cache is real', () => {
    it('a block untouched by an edit keeps its Block object and its parse', () => {
      const ls = createLanguageService();
      const doc = ls.open(URI, BASE);
      const model = ls.getModel(URI);
      ls.getDiagnostics(URI);
      const p7 = model.byEId('art-z7');
      const p1 = model.byEId('art-z1');
      assert.ok(p7 && p1);
      const block7 = p7.block;
      const block1 = p1.block;
      const anlage = model.anlagen[0].block;
      assert.ok(block7.isParsed);

      // type into § 3 (far from § 1, § 7 and the Anlage)
      const p = posOf(BASE, 'hat sich anzumelden', 4);
      ls.update(URI, [{ range: { start: p, end: p }, text: 'sofort ' }]);
      assert.ok(doc.blocks.includes(block7), '§ 7 keeps its Block object');
      assert.ok(doc.blocks.includes(block1), '§ 1 keeps its Block object');
      assert.ok(doc.blocks.includes(anlage), 'the Anlage keeps its Block object');
      assert.ok(block7.isParsed && block1.isParsed && anlage.isParsed, 'untouched blocks are still parsed (not reparsed lazily)');
      const edited = doc.blocks.find((b) => b.text.includes('sofort'));
      assert.ok(edited && !edited.isParsed, 'the edited block is new and not yet parsed');

      const m2 = ls.getModel(URI);
      assert.notEqual(m2, model, 'a new model after the edit');
      assert.equal(m2.byEId('art-z7'), p7, 'the § 7 unit object is reused');
      assert.equal(m2.byEId('art-z1'), p1, 'the § 1 unit object is reused');
      assert.equal(block7.ruleCache?.findings, p7.block.ruleCache?.findings);
    });

    it('an edit above a block moves it without reparsing; its ranges follow', () => {
      const ls = createLanguageService();
      const doc = ls.open(URI, BASE);
      const model = ls.getModel(URI);
      const p7 = model.byEId('art-z7');
      assert.ok(p7);
      const before = p7.range;
      const block7 = p7.block;
      const p = posOf(BASE, '§ 1 Anwendungsbereich');
      ls.update(URI, [{ range: { start: p, end: p }, text: 'Text davor.\n\n' }]);
      assert.ok(doc.blocks.includes(block7));
      assert.ok(block7.isParsed);
      const after = ls.getModel(URI).byEId('art-z7');
      assert.equal(after, p7);
      assert.deepEqual(after.range, r(before.start.line + 2, 0, before.end.line + 2, before.end.character));
    });

    it('a model is reused until the document changes', () => {
      const ls = createLanguageService();
      ls.open(URI, BASE);
      const m = ls.getModel(URI);
      assert.equal(ls.getModel(URI), m);
      ls.update(URI, [{ range: r(0, 0, 0, 0), text: '' }]);
      assert.notEqual(ls.getModel(URI), m);
    });
  });

  describe('property: random edit sequences', () => {
    const VOCAB = [
      '§ 3 ',
      '§ 3 Titel\n',
      '(2) ',
      '(1a) ',
      '\n',
      '\n\n',
      '\r\n',
      '  a) ',
      '    aa) ',
      '  1. ',
      '- ',
      '„',
      '“',
      ':',
      ':\n„',
      '---\n',
      '---',
      'titel: X\n',
      'typ: verordnung\n',
      'fassung: konsolidiert\n',
      'Abschnitt 2\n',
      'Teil 1 Allgemeines\n',
      'Zweiter Teil\n',
      'IV. Titel\n',
      '@aufwand x\n  k: v\n',
      '  k: v\n',
      '// c',
      '// norma-disable-next-line\n',
      'Text. ',
      'z. B. ',
      'Inhaltsübersicht\n  § 1 A\n',
      'Anlage 1\n',
      '| a | b |\n',
      '\\',
      '§§ 4 bis 6 (weggefallen)\n',
      '(weggefallen)',
      'Artikel 2 ',
      'ä😀 ',
      '  ',
      'x',
      '\r',
      '\t',
      '\ufeff',
      'Präambel\n',
      'Schlussformel\n',
      'Art. 3 ',
      '(weggefallen)\n',
    ];

    type EditSpec = { a: number; b: number; kind: 'insert' | 'delete' | 'replace'; snippet: string; offLine: number };
    const editArb: fc.Arbitrary<EditSpec> = fc.record({
      a: fc.nat({ max: 1_000_000 }),
      b: fc.nat({ max: 400 }),
      kind: fc.constantFrom('insert', 'delete', 'replace'),
      snippet: fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('')),
      offLine: fc.integer({ min: -2, max: 4 }),
    });

    /** Turn an abstract edit into an LSP range change on `text` (positions may lie past a line end or the document end). */
    function toChange(text: string, e: EditSpec): RangeEdit {
      const lines = text.split('\n');
      const line = e.a % (lines.length + 1);
      const lineLen = line < lines.length ? lines[line].length : 0;
      const ch = Math.floor(e.a / (lines.length + 1)) % (lineLen + 3);
      const start = { line, character: ch };
      if (e.kind === 'insert') return { range: { start, end: start }, text: e.snippet };
      // end: a few lines further (or the same line), anywhere on that line
      const endLine = Math.max(line, line + e.offLine);
      const endLen = endLine < lines.length ? lines[endLine].length : 0;
      const endCh = endLine === line ? ch + (e.b % (lineLen - ch + 3)) : e.b % (endLen + 3);
      return { range: { start, end: { line: endLine, character: endCh } }, text: e.kind === 'delete' ? '' : e.snippet };
    }

    it('update() equals a fresh open after every batch (fast-check)', function () {
      this.timeout(120_000);
      fc.assert(
        fc.property(fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (batches, crlf) => {
          const base = crlf ? BASE.replace(/\n/g, '\r\n') : BASE;
          const ls = createLanguageService();
          ls.open(URI, base);
          ls.getDiagnostics(URI);
          let expected = base;
          for (const batch of batches) {
            const changes: RangeEdit[] = [];
            for (const e of batch) {
              const c = toChange(expected, e);
              changes.push(c);
              expected = applyChange(expected, c);
            }
            ls.update(URI, changes);
            assert.equal(ls.getDocument(URI)?.getText(), expected);
            const fresh = createLanguageService();
            fresh.open(URI, expected);
            assert.deepEqual(snapshot(ls), snapshot(fresh));
          }
        }),
        { numRuns: RUNS },
      );
    });

    it('update() equals a fresh open on small drafts built from the vocabulary (fast-check)', function () {
      this.timeout(120_000);
      const draftArb = fc.array(fc.constantFrom(...VOCAB), { maxLength: 25 }).map((xs) => xs.join(''));
      fc.assert(
        fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (draft, edits) => {
          const ls = createLanguageService();
          ls.open(URI, draft);
          ls.getDiagnostics(URI);
          let expected = draft;
          for (const e of edits) {
            const c = toChange(expected, e);
            expected = applyChange(expected, c);
            ls.update(URI, [c]);
          }
          const fresh = createLanguageService();
          fresh.open(URI, expected);
          assert.deepEqual(snapshot(ls), snapshot(fresh));
        }),
        { numRuns: RUNS * 2 },
      );
    });
  });
});
