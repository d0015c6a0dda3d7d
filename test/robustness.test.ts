/**
 * Robustness: the parser never throws, always returns in bounded time, and
 * its output stays well-formed (every range inside the document) on
 * arbitrary and hostile input: random unicode, NUL bytes, lone surrogates,
 * CR/CRLF, a BOM, 1 MB lines, 10,000 list items, 5,000 §§, and real laws
 * from the corpus with random edits.
 *
 * Time limits are hang detection, not benchmarks: they are generous.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../server/src/service/index';
import { applyChange, snapshot, URI, type RangeEdit } from './model-helpers';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'markdown');

interface Stats {
  ms: number;
  units: number;
  saetze: number;
  diagnostics: number;
}

/** Check that a range lies inside the document and is not reversed. */
function checkRange(ls: LanguageService, range: Range, what: string): void {
  const doc = ls.getDocument(URI);
  assert.ok(doc);
  const { start, end } = range;
  const ok =
    start.line >= 0 &&
    start.character >= 0 &&
    end.line < doc.lineCount &&
    (start.line < end.line || (start.line === end.line && start.character <= end.character)) &&
    start.character <= doc.lineAt(start.line).length &&
    end.character <= doc.lineAt(end.line).length;
  assert.ok(ok, `${what}: bad range ${JSON.stringify(range)} (lines: ${doc.lineCount})`);
}

/** Everything a client may ask for: model, units with ranges, Sätze, text, annotations, lookups, diagnostics. */
function exerciseModel(ls: LanguageService): Omit<Stats, 'ms'> {
  const doc = ls.getDocument(URI);
  assert.ok(doc);
  const model = ls.getModel(URI);
  let units = 0;
  let saetze = 0;
  for (const u of model.units()) {
    units++;
    const what = `${u.kind} ${u.eId}`;
    checkRange(ls, u.range, what);
    checkRange(ls, u.markerRange, `${what} marker`);
    if (u.titleRange) checkRange(ls, u.titleRange, `${what} title`);
    assert.equal(typeof u.ownText(), 'string');
    assert.equal(typeof u.address, 'string');
    for (const s of u.saetze) {
      saetze++;
      checkRange(ls, { start: u.abs(s.start), end: u.abs(s.end) }, `${what} Satz ${s.num}`);
    }
    for (const a of u.annotations) for (const e of a.entries) assert.equal(typeof e.value, 'string');
    if (u.eId) assert.ok(model.byEId(u.eId), `byEId(${u.eId})`);
  }
  for (let l = 0; l < doc.lineCount; l += Math.max(1, Math.floor(doc.lineCount / 20))) model.unitAt(l, 0);
  const diags = ls.getDiagnostics(URI);
  for (const d of diags) {
    checkRange(ls, d.range, `diagnostic ${d.code}`);
    const message: unknown = d.message;
    assert.ok((typeof message === 'string' ? message : (message as { value: string }).value).length > 0, `diagnostic ${d.code} has a message`);
    for (const e of d.data.fix ?? []) checkRange(ls, e.range, `fix of ${d.code}`);
  }
  return { units, saetze, diagnostics: diags.length };
}

/** Open `text` in a fresh service and exercise everything; fails when it takes longer than `limitMs`. */
function exercise(text: string, limitMs: number, label = ''): Stats {
  const t0 = performance.now();
  const ls = createLanguageService();
  ls.open(URI, text);
  const stats = exerciseModel(ls);
  const ms = performance.now() - t0;
  assert.ok(ms < limitMs, `${label} took ${ms.toFixed(0)} ms (limit ${limitMs} ms)`);
  return { ms, ...stats };
}

// --- generators ------------------------------------------------------------------------

const MARKERS = [
  '§ 1 ',
  '§ 12a Titel',
  '§§ 3 bis 6 (weggefallen)',
  '§ ',
  '§§',
  'Artikel 2 ',
  'Art. 3',
  '(1) ',
  '(1a) ',
  '(2',
  '1. ',
  '6a. ',
  'a) ',
  'aa) ',
  'aaa) ',
  '- ',
  '– ',
  '| a | b \\| c |',
  '|---|',
  '@aufwand ',
  '@',
  '  k: v',
  'k:',
  '---',
  'titel: X',
  'typ: stammgesetz',
  'Teil 1 ',
  'Zweiter Abschnitt',
  'IV a. Titel',
  'VIIIa. ',
  'I.',
  'Anlage 1 (zu § 2)',
  'Anhang EV',
  'Eingangsformel',
  'Präambel',
  'Inhaltsübersicht',
  'Schlussformel',
  '\\',
  '// ',
  '// norma-disable ',
  '// norma-enable',
  'https://x',
  '„',
  '“',
  '"',
  ':',
  '.',
  'z. B. ',
  'Abs. 2. ',
  'am 1. Januar 2027. ',
  '(weggefallen)',
  'Text',
  '😀',
  'ä',
  '\u0000',
  '\ud800',
  '\udfff',
  '\u00a0',
  '\t',
  '\ufeff',
  '\r',
];

const fragment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }) },
  { weight: 1, arbitrary: fc.nat({ max: 12 }).map((n) => ' '.repeat(n)) },
);
const lineArb = fc.array(fragment, { maxLength: 5 }).map((xs) => xs.join(''));
const eolArb = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
/** A draft-like text: lines built from markers and random unicode, mixed line endings, maybe a BOM. */
const draftArb = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(lineArb, eolArb), { maxLength: 40 }))
  .map(([bom, ls]) => (bom ? '\ufeff' : '') + ls.map(([l, e]) => l + e).join(''));

const MB = 1 << 20;

/** Property runs (multiply with NORMA_FC_SCALE=10 for a longer search). */
function runs(n: number): number {
  return Math.max(1, Math.round(n * Number(process.env.NORMA_FC_SCALE ?? 1)));
}

describe('robustness', function () {
  this.timeout(60_000);

  describe('random input (fast-check): never throws, well-formed output, bounded time', () => {
    it('arbitrary unicode strings (all code points)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
          exercise(s, 2000);
        }),
        { numRuns: runs(300) },
      );
    });

    it('strings with NUL bytes, lone surrogates, CR, CRLF, BOM', () => {
      const unit = fc.constantFrom('\u0000', '\ud800', '\udc00', '\udbff\udfff', '\r', '\r\n', '\n', '\ufeff', 'a', '§ 1', '(1)', ' ', '„');
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 200 }), (s) => {
          exercise(s, 2000);
        }),
        { numRuns: runs(300) },
      );
    });

    it('draft-like texts built from markers and random unicode', () => {
      fc.assert(
        fc.property(draftArb, (s) => {
          exercise(s, 2000);
        }),
        { numRuns: runs(400) },
      );
    });

    it('draft-like texts edited with update() (random range edits, positions may be out of range or reversed) equal a fresh open', () => {
      const editArb = fc.record({
        sl: fc.nat({ max: 50 }),
        sc: fc.nat({ max: 60 }),
        dl: fc.nat({ max: 3 }),
        ec: fc.nat({ max: 60 }),
        text: fc.oneof(lineArb, eolArb),
      });
      fc.assert(
        fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 5 }), (s, edits) => {
          const ls = createLanguageService();
          ls.open(URI, s);
          exerciseModel(ls);
          let expected = s;
          for (const e of edits) {
            const c: RangeEdit = { range: { start: { line: e.sl, character: e.sc }, end: { line: e.sl + e.dl, character: e.ec } }, text: e.text };
            ls.update(URI, [c]);
            expected = applyChange(expected, c);
            exerciseModel(ls);
          }
          assert.equal(ls.getDocument(URI)?.getText(), expected);
          const fresh = createLanguageService();
          fresh.open(URI, expected);
          assert.deepEqual(snapshot(ls), snapshot(fresh), 'update() gives what a fresh open gives');
        }),
        { numRuns: runs(200) },
      );
    });

    it('a BOM, CR-only and CRLF documents', () => {
      const draft = '---\ntitel: X\ntyp: stammgesetz\n---\n§ 1 Zweck\n(1) Text.\n  1. a\n\n§ 2 Inkrafttreten\nText.\n';
      for (const text of ['\ufeff' + draft, draft.replace(/\n/g, '\r'), draft.replace(/\n/g, '\r\n'), '\ufeff', '\r', '\r\n', '\n', '']) {
        exercise(text, 2000, JSON.stringify(text.slice(0, 10)));
      }
      // CRLF: the same front matter, units, ranges and diagnostics as with LF
      const lf = createLanguageService();
      lf.open(URI, draft);
      const crlf = createLanguageService();
      crlf.open(URI, draft.replace(/\n/g, '\r\n'));
      const strip = (s: unknown): unknown => JSON.parse(JSON.stringify(s).replace(/\\r/g, ''));
      assert.deepEqual(strip(snapshot(crlf)), strip(snapshot(lf)));
      assert.equal(crlf.getModel(URI).context.hasFrontMatter, true);
    });
  });

  describe('1 MB single lines (< 10 s each)', () => {
    const cases: [string, () => string][] = [
      ['one word', () => 'a'.repeat(MB)],
      ['prose with abbreviations and periods', () => '§ 1 Titel\n(1) ' + 'Es gilt z. B. Abs. 2. Der 1. Januar. '.repeat(MB / 36)],
      ['a § title', () => '§ 1 ' + 'Titel'.repeat(MB / 5)],
      ['"1. " repeated', () => '§ 1 T\n' + '1. '.repeat(MB / 3)],
      ['"aa) " repeated', () => '§ 1 T\n(1) x\n' + 'aa) '.repeat(MB / 4)],
      ['an opening quote after a colon', () => '§ 1 T\nEs wird eingefügt:\n„' + '„x '.repeat(MB / 3)],
      ['an annotation name and label', () => '§ 1 T\n@' + 'a'.repeat(MB / 2) + ' ' + 'b'.repeat(MB / 2)],
      ['an annotation entry', () => '§ 1 T\n@aufwand x\n  ' + 'k'.repeat(MB / 2) + ': ' + 'v'.repeat(MB / 2)],
      ['a front-matter value', () => '---\ntitel: ' + 'x'.repeat(MB) + '\ntyp: stammgesetz\n---\n'],
      ['a front-matter key', () => '---\n' + 'x'.repeat(MB) + ': y\n---\n'],
      ['a table row', () => '§ 1 T\n' + '| a '.repeat(MB / 4)],
      ['Roman numerals', () => 'I'.repeat(MB) + '. Titel'],
      ['an ordinal-like word', () => 'Erst' + 'e'.repeat(MB) + ' Teil'],
      ['indentation only', () => ' '.repeat(MB) + 'x'],
      ['comment markers', () => '§ 1 T\nText ' + '// '.repeat(MB / 3)],
      ['random unicode', () => fc.sample(fc.string({ unit: 'binary', minLength: MB / 2, maxLength: MB / 2 }), { numRuns: 1, seed: 42 })[0]],
    ];
    for (const [name, make] of cases) {
      it(name, () => {
        const text = make();
        assert.ok(text.length >= MB / 2);
        exercise(text, 10_000, name);
      });
    }
  });

  describe('large structures', () => {
    it('10,000 list items of mixed kinds (a), aa), 1., aaa), -) at varying indentation (< 10 s)', () => {
      const markers = ['a) x', 'aa) y', '1. z', 'aaa) q', '- s', 'b) x', 'bb) y'];
      const rnd = fc.sample(fc.array(fc.tuple(fc.nat({ max: markers.length - 1 }), fc.nat({ max: 40 })), { minLength: 10_000, maxLength: 10_000 }), { numRuns: 1, seed: 7 })[0];
      const text = '§ 1 T\n(1) x\n' + rnd.map(([m, ind]) => ' '.repeat(ind) + markers[m]).join('\n') + '\n';
      const s = exercise(text, 10_000, 'mixed items');
      assert.ok(s.units >= 2);
    });

    it('10,000 correctly nested list items: every item becomes a unit (< 10 s)', () => {
      const out: string[] = ['§ 1 T', '(1) Es gilt:'];
      for (let i = 0; out.length < 10_002; i++) {
        out.push(`  ${i + 1}. n`, '    a) b', '      aa) d', '        aaa) e', '          - s');
      }
      const text = out.slice(0, 10_002).join('\n') + '\n';
      const s = exercise(text, 10_000, 'nested items');
      assert.equal(s.units, 10_002, 'the §, its Absatz and 10,000 items');
    });

    it('10,000 misplaced items in one block: one syntax error per line, no hang (< 10 s)', () => {
      const text = '§ 1 T\n(1) x\n' + 'aa) y\n'.repeat(10_000);
      const ls = createLanguageService();
      const t0 = performance.now();
      ls.open(URI, text);
      const syntax = ls.getDiagnostics(URI).filter((d) => d.code === 'syntax');
      assert.equal(syntax.length, 10_000);
      assert.deepEqual(syntax[9_999].range, { start: { line: 10_001, character: 0 }, end: { line: 10_001, character: 3 } });
      assert.ok(performance.now() - t0 < 10_000);
    });

    it('deep indentation: 10,000 lines indented up to 5,000 columns (< 10 s)', () => {
      const text = '§ 1 T\n(1) x\n' + Array.from({ length: 10_000 }, (_, i) => ' '.repeat((i * 7919) % 5000) + ['1. x', 'a) y', 'Text.', '@a b', 'k: v'][i % 5]).join('\n');
      exercise(text, 10_000, 'deep indentation');
    });

    it('5,000 §§ (< 10 s), and an edit in the middle reparses only its neighbourhood', () => {
      const parts: string[] = ['---', 'titel: Großes Gesetz', 'typ: stammgesetz', '---'];
      for (let i = 1; i <= 5000; i++) parts.push(`§ ${i} Titel ${i}`, `(1) Text z. B. nach Absatz ${i}. Satz zwei.`, '  1. eins,', '  2. zwei.', '');
      const text = parts.join('\n');
      const s = exercise(text, 10_000, '5000 §§');
      assert.equal(s.units, 5000 * 4);
      const ls = createLanguageService();
      const doc = ls.open(URI, text);
      ls.getDiagnostics(URI);
      const parsedBefore = doc.blocks.length;
      const t0 = performance.now();
      ls.update(URI, [{ range: { start: { line: 4 + 2500 * 5 + 1, character: 4 }, end: { line: 4 + 2500 * 5 + 1, character: 4 } }, text: 'Neu. ' }]);
      const reparsed = doc.blocks.filter((b) => !b.isParsed).length;
      ls.getDiagnostics(URI);
      assert.ok(reparsed <= 2, `${reparsed} of ${parsedBefore} blocks to reparse`);
      assert.ok(performance.now() - t0 < 5_000);
    });
  });

  describe('corpus: real laws with random line edits', () => {
    let files: string[] = [];
    before(function () {
      if (!fs.existsSync(CORPUS)) this.skip();
      files = fs
        .readdirSync(CORPUS)
        .filter((f) => f.endsWith('.md'))
        .sort();
    });

    /** The corpus Markdown with its heading marks removed, so § / Gliederung headings start at column 0 as in a draft. */
    function normaise(md: string): string {
      return md.replace(/^#+ /gm, '');
    }

    const LINE_EDITS = ['', '§ 3 ', '(2) ', '  a) ', '    aa) ', '1. ', '„', '“', '---', 'Abschnitt 2', '@aufwand x', '  k: v', '// c', '\\', 'Inhaltsübersicht', '|', 'Text:'];
    const mutationArb = fc.array(
      fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), op: fc.constantFrom('replace', 'prefix', 'delete', 'duplicate', 'insert'), s: fc.constantFrom(...LINE_EDITS) }),
      { minLength: 1, maxLength: 6 },
    );

    type Mutation = { at: number; op: string; s: string };
    /** A line edit as an LSP range change on `text`. */
    function lineEdit(text: string, m: Mutation): RangeEdit {
      const lines = text.split('\n');
      const l = Math.floor(m.at * lines.length);
      const len = lines[l].length;
      switch (m.op) {
        case 'replace':
          return { range: { start: { line: l, character: 0 }, end: { line: l, character: len } }, text: m.s };
        case 'prefix':
          return { range: { start: { line: l, character: 0 }, end: { line: l, character: 0 } }, text: m.s };
        case 'delete':
          return { range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, text: '' };
        case 'duplicate':
          return { range: { start: { line: l, character: 0 }, end: { line: l, character: 0 } }, text: lines[l] + '\n' };
        default:
          return { range: { start: { line: l, character: 0 }, end: { line: l, character: 0 } }, text: m.s + '\n' };
      }
    }

    it('every corpus file, as Markdown and with headings at column 0, parses in bounded time', () => {
      assert.ok(files.length > 0);
      for (const f of files) {
        const md = fs.readFileSync(path.join(CORPUS, f), 'utf8');
        exercise(md, 10_000, f);
        const s = exercise(normaise(md), 10_000, `${f} (normaised)`);
        assert.ok(s.units > 0, f);
      }
    });

    it('random line edits via update() on each corpus file keep the model well-formed (bounded time)', () => {
      for (const f of files) {
        const text = normaise(fs.readFileSync(path.join(CORPUS, f), 'utf8'));
        const ls = createLanguageService();
        ls.open(URI, text);
        ls.getDiagnostics(URI);
        const muts = fc.sample(mutationArb, { numRuns: 3, seed: f.length * 31 + text.length });
        let expected = text;
        const t0 = performance.now();
        for (const batch of muts) {
          for (const m of batch) {
            const c = lineEdit(expected, m);
            ls.update(URI, [c]);
            expected = applyChange(expected, c);
          }
          exerciseModel(ls);
        }
        assert.equal(ls.getDocument(URI)?.getText(), expected, f);
        assert.ok(performance.now() - t0 < 20_000, f);
      }
    });

    it('on the smaller laws, update() with random line edits equals a fresh open (fast-check)', () => {
      const small = files.filter((f) => fs.statSync(path.join(CORPUS, f)).size < 40_000);
      assert.ok(small.length >= 2);
      for (const f of small) {
        const text = normaise(fs.readFileSync(path.join(CORPUS, f), 'utf8'));
        fc.assert(
          fc.property(mutationArb, (batch) => {
            const ls = createLanguageService();
            ls.open(URI, text);
            ls.getDiagnostics(URI);
            let expected = text;
            for (const m of batch) {
              const c = lineEdit(expected, m);
              ls.update(URI, [c]);
              expected = applyChange(expected, c);
            }
            const fresh = createLanguageService();
            fresh.open(URI, expected);
            assert.deepEqual(snapshot(ls), snapshot(fresh));
          }),
          { numRuns: runs(15) },
        );
      }
    });
  });
});
