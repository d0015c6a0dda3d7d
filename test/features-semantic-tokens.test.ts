/**
 * Semantic tokens: which pieces of the draft the editor colours, and how.
 * Each token is shown as `line:column text type[.modifiers]` (0-based, as
 * the editor counts: UTF-16 code units).
 */
import * as assert from 'node:assert/strict';
import { SEMANTIC_TOKENS_LEGEND, type SemanticTokenSource } from '../server/src/service/index';
import { decodeSemanticTokens } from '../server/src/service/features/semantic-tokens';
import type { LanguageService } from '../server/src/service/index';
import { draft, law, open, sample, URI } from './features-helpers';

function tokens(ls: LanguageService, text: string): string[] {
  const lines = text.split('\n');
  return decodeSemanticTokens(ls.getSemanticTokens(URI)).map(
    (t) => `${t.line}:${t.start} ${lines[t.line].slice(t.start, t.start + t.length)} ${[t.type, ...t.modifiers].join('.')}`,
  );
}

describe('features: semantic tokens', () => {
  it('colours front matter, comments and directives, headings, markers, annotations, (weggefallen) and quoted text', () => {
    const text = law(
      '// Entwurf',
      '// norma-disable-next-line abkuerzung, H7 -- wörtliches Zitat',
      '§ 3 Anmeldung',
      '(1) Wer eine Wohnung bezieht, hat sich über das „Meldeportal“ anzumelden. // prüfen',
      '@aufwand Anmeldung einer Wohnung',
      '  adressat: buerger',
      '(2) Der Anmeldung ist beizufügen',
      '  1. die Bestätigung oder',
      '    a) eine Erklärung,',
      '  – ein Nachweis.',
      '(3) (weggefallen)',
      '§ 4 (weggefallen)',
      'Abschnitt 2 Verfahren',
      '\\1. Januar 2027',
      'Anlage 1 (zu § 3)',
      '| „Feld“ | Inhalt |',
      'Artikel 5 Änderung',
      'Das Gesetz wird wie folgt geändert:',
      '„§ 3a Elektronische Anmeldung',
      '(1) Die Anmeldung kann „elektronisch“ erfolgen.“',
    );
    const ls = open(text);
    assert.deepEqual(tokens(ls, text), [
      '0:0 --- operator',
      '1:0 titel property',
      '1:7 Gesetz zur Probe string',
      '2:0 typ property',
      '2:5 stammgesetz string',
      '3:0 --- operator',
      '4:0 // Entwurf comment',
      '5:0 //  comment',
      '5:3 norma-disable-next-line macro',
      '5:27 abkuerzung parameter',
      '5:39 H7 parameter',
      '5:42 -- wörtliches Zitat comment',
      '6:0 § 3 keyword',
      '6:4 Anmeldung function.declaration',
      '7:0 (1) number',
      '7:48 „Meldeportal“ string',
      '7:74 // prüfen comment',
      '8:0 @aufwand decorator',
      '8:9 Anmeldung einer Wohnung label',
      '9:2 adressat property',
      '9:12 buerger string',
      '10:0 (2) number',
      '11:2 1. enumMember',
      '12:4 a) enumMember',
      '13:2 – enumMember',
      '14:0 (3) number.deprecated',
      '14:4 (weggefallen) keyword.deprecated',
      '15:0 § 4 keyword.deprecated',
      '15:4 (weggefallen) keyword.deprecated',
      '16:0 Abschnitt 2 keyword',
      '16:12 Verfahren namespace.declaration',
      '17:0 \\ operator',
      '18:0 Anlage 1 keyword',
      '18:9 (zu § 3) function.declaration',
      '19:2 „Feld“ string',
      '20:0 Artikel 5 keyword',
      '20:10 Änderung function.declaration',
      '22:0 „§ 3a Elektronische Anmeldung string',
      '23:0 (1) Die Anmeldung kann „elektronisch“ erfolgen.“ string',
    ]);
  });

  it('counts columns in UTF-16 code units', () => {
    // 𝔄 is one character of two code units: the quote after it starts at column 11, not 10
    const text = draft('§ 1 Zweck', 'Das 𝔄 ist „frei“.');
    const ls = open(text);
    const t = decodeSemanticTokens(ls.getSemanticTokens(URI)).find((x) => x.type === 'string');
    assert.deepEqual(t && [t.line, t.start, t.length], [1, 11, 6]);
    assert.equal(text.split('\n')[1].slice(11, 17), '„frei“');
  });

  it('lets added sources (citations, defined terms) paint over text and quotes, cutting what they overlap', () => {
    const text = draft('§ 1 Zweck', 'Es gilt „nach § 3 Absatz 2“ entsprechend.');
    const ls = open(text);
    const citations: SemanticTokenSource = {
      id: 'test.citations',
      tokens: () => [{ line: 1, start: 14, length: 12, type: 'type' }],
    };
    const terms: SemanticTokenSource = {
      id: 'test.terms',
      priority: 0.5,
      tokens: () => [{ line: 1, start: 3, length: 7, type: 'variable', modifiers: ['declaration'] }], // „gilt „n“, into the quote
    };
    ls.semanticTokenSources.push(citations, terms);
    assert.deepEqual(tokens(ls, text), [
      '0:0 § 1 keyword',
      '0:4 Zweck function.declaration',
      '1:3 gilt  variable.declaration', // below the quote's priority: only the part before the quote is left
      '1:8 „nach  string',
      '1:14 § 3 Absatz 2 type',
      '1:26 “ string',
    ]);
  });

  it('is sorted, free of overlaps and inside the lines on the sample; the legend is the standard one', () => {
    const text = sample('wohnsitzanmeldung.norma');
    const ls = open(text);
    const lines = text.split('\n');
    const list = decodeSemanticTokens(ls.getSemanticTokens(URI));
    assert.ok(list.length > 250, `only ${list.length} tokens`);
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      assert.ok(t.length > 0 && t.start + t.length <= lines[t.line].length, `token ${i} outside its line`);
      if (i > 0) {
        const p = list[i - 1];
        assert.ok(p.line < t.line || p.start + p.length <= t.start, `tokens ${i - 1} and ${i} overlap or are out of order`);
      }
    }
    assert.equal(SEMANTIC_TOKENS_LEGEND.tokenTypes.length, 24);
    assert.ok(SEMANTIC_TOKENS_LEGEND.tokenModifiers.includes('deprecated'));
    // every heading of the sample is coloured
    const headings = lines.filter((l) => /^(§|Teil|Abschnitt) \d/.test(l)).length;
    assert.equal(list.filter((t) => t.type === 'keyword' && t.start === 0).length, headings + 1 /* Anlage */ + 1 /* Inhaltsübersicht */);
  });
});
