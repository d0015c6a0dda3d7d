/**
 * The structural features on any input: drafts built from the language's
 * vocabulary and from arbitrary text never make a feature throw, and what
 * they answer is well-formed for an editor: symbols with their selection
 * inside their range, folds inside the document, semantic tokens sorted and
 * without overlaps, selection chains that grow, formatting edits that do not
 * overlap.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { applyEdits, createLanguageService } from '../server/src/service/index';
import { containsRange, sameRange } from '../server/src/service/features/common';
import { decodeSemanticTokens } from '../server/src/service/features/semantic-tokens';

const URI = 'file:///r.norma';

function checkAll(text: string, positions: { line: number; character: number }[]): void {
  const ls = createLanguageService();
  ls.open(URI, text);
  const doc = ls.getDocument(URI);
  assert.ok(doc);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const walk = (list: DocumentSymbol[]): void => {
    for (const s of list) {
      assert.ok(s.name.length > 0, 'a symbol without a name');
      assert.ok(containsRange(s.range, s.selectionRange), `${s.name}: selection outside its range`);
      walk(s.children ?? []);
    }
  };
  walk(ls.getDocumentSymbols(URI));
  for (const f of ls.getFoldingRanges(URI)) assert.ok(f.startLine < f.endLine && f.endLine < doc.lineCount, `fold ${f.startLine}-${f.endLine}`);
  const tokens = decodeSemanticTokens(ls.getSemanticTokens(URI));
  tokens.forEach((t, i) => {
    assert.ok(t.length > 0 && t.start + t.length <= (lines[t.line] ?? '').length, `token ${i} outside its line`);
    const p = tokens[i - 1];
    if (p) assert.ok(p.line < t.line || p.start + p.length <= t.start, `tokens ${i - 1} and ${i}`);
  });
  for (const sel of ls.getSelectionRanges(URI, positions)) {
    for (let s = sel; s.parent; s = s.parent) assert.ok(containsRange(s.parent.range, s.range) && !sameRange(s.parent.range, s.range), 'a selection step that does not grow');
  }
  for (const p of positions) ls.getCompletions(URI, p);
  ls.getWorkspaceSymbols('1');
  const edits = ls.format(URI);
  assert.equal(applyEdits(text, edits).applied, edits.length, 'formatting edits overlap');
}

describe('features: robustness', () => {
  const vocabulary = fc.constantFrom(
    '§ 1 Zweck', '§§ 2 bis 3 (weggefallen)', 'Artikel 4', 'Teil 1', 'Allgemeines', 'I. Grundrechte', 'Anlage', 'Präambel', 'Inhaltsübersicht',
    '  § 1 Zweck', '(1) Text.', '(2)', '  1. eins', '2.', '    a) b', 'aa) x', '- y', '| a | b |', '@aufwand X', '  adressat: buerger', '  kaputt',
    '// c', '// norma-disable-next-line H6', 'Er wird gefasst:', '„§ 3a Neu', 'Text.“', '"x"', '\\1. Januar', '---', 'titel: T', 'typ: verordnung', '', '   ', '\t',
  );
  const line = fc.oneof(vocabulary, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
  const text = fc.tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, final]) => ls.join(eol) + (final ? eol : ''));
  const positions = fc.array(fc.record({ line: fc.nat(35), character: fc.nat(40) }), { minLength: 1, maxLength: 6 });

  it('no feature throws, every answer is well-formed (fast-check)', () => {
    fc.assert(
      fc.property(text, positions, (t, ps) => {
        checkAll(t, ps);
      }),
      { numRuns: 300 },
    );
  });

  it('handles the empty document, a lone byte order mark and an unclosed front matter', () => {
    for (const t of ['', '\ufeff', '---', '---\ntitel: x\n§ 1 Zweck', '\n\n\n']) checkAll(t, [{ line: 0, character: 0 }, { line: 2, character: 1 }]);
  });
});
