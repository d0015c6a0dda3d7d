/**
 * The TextMate grammar (syntaxes/norma.tmLanguage.json), tokenized for real
 * with vscode-textmate and the Oniguruma regex engine (vscode-oniguruma),
 * the same two libraries VS Code colours with. Each test names a piece of
 * text and the scope a theme colours it by.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'norma.tmLanguage.json');

let grammar: vsctm.IGrammar;

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenize a document; one token list per line. */
function tokenize(text: string): Token[][] {
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the text `needle` on line `line` (1-based) of `text`: every token it covers must carry `scope`. */
function expectScope(text: string, line: number, needle: string, scope: string): void {
  const tokens = tokenize(text)[line - 1];
  const lineText = text.split('\n')[line - 1];
  const start = lineText.indexOf(needle);
  assert.ok(start >= 0, `„${needle}“ not on line ${line}`);
  let pos = 0;
  const covering: Token[] = [];
  for (const t of tokens) {
    const end = pos + t.text.length;
    if (end > start && pos < start + needle.length) covering.push(t);
    pos = end;
  }
  const missing = covering.filter((t) => !t.scopes.some((s) => s === scope || s.startsWith(`${scope}.`)));
  assert.deepEqual(
    missing.map((t) => `${t.text} [${t.scopes.join(' ')}]`),
    [],
    `„${needle}“ on line ${line} should be ${scope}`,
  );
}

function expectNotScope(text: string, line: number, needle: string, scope: string): void {
  const tokens = tokenize(text)[line - 1];
  const lineText = text.split('\n')[line - 1];
  const start = lineText.indexOf(needle);
  let pos = 0;
  for (const t of tokens) {
    const end = pos + t.text.length;
    if (end > start && pos < start + needle.length) {
      assert.ok(!t.scopes.some((s) => s === scope || s.startsWith(`${scope}.`)), `„${t.text}“ on line ${line} must not be ${scope}: ${t.scopes.join(' ')}`);
    }
    pos = end;
  }
}

describe('TextMate grammar (vscode-textmate + Oniguruma)', () => {
  before(async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => (scopeName === 'source.norma' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
    });
    const g = await registry.loadGrammar('source.norma');
    if (!g) throw new Error('grammar not loaded');
    grammar = g;
  });

  it('compiles every pattern (a broken regex would throw on the first line that tries it)', () => {
    // every sample and the whole language reference's examples go through every rule
    for (const f of ['wohnsitzanmeldung.norma', 'wohngeld-digital.norma', 'schulung/fehlerhafter-entwurf.norma']) {
      const lines = tokenize(fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8'));
      assert.ok(lines.length > 50);
    }
  });

  const FM = '---\ntitel: Gesetz zur Anmeldung\ntyp: stammgesetz\n# Kommentar\n---\n§ 1 Anwendungsbereich';

  it('front matter: delimiters, keys, values, # comments; it ends at the closing ---', () => {
    expectScope(FM, 1, '---', 'punctuation.definition.frontmatter');
    expectScope(FM, 2, 'titel', 'variable.other.key.frontmatter');
    expectScope(FM, 2, 'Gesetz zur Anmeldung', 'string.unquoted.frontmatter');
    expectScope(FM, 4, '# Kommentar', 'comment.line.number-sign');
    expectScope(FM, 6, '§', 'keyword.other.unit');
    expectNotScope(FM, 6, 'Anwendungsbereich', 'meta.embedded.frontmatter');
  });

  it('§ and Artikel headings: word, number, title; ranges; (weggefallen)', () => {
    const t = '§ 3a Elektronische Anmeldung\nArtikel 20\n§§ 3 bis 6 (weggefallen)\n§ 4';
    expectScope(t, 1, '§', 'keyword.other.unit');
    expectScope(t, 1, '3a', 'constant.numeric.unit');
    expectScope(t, 1, 'Elektronische Anmeldung', 'entity.name.section');
    expectScope(t, 2, 'Artikel', 'keyword.other.unit');
    expectScope(t, 2, '20', 'constant.numeric.unit');
    expectScope(t, 3, '3 bis 6', 'constant.numeric.unit');
    expectScope(t, 3, '(weggefallen)', 'markup.deleted.repealed');
    expectScope(t, 4, '4', 'constant.numeric.unit');
  });

  it('a heading-like line that is prose stays prose: „§ 5 gilt entsprechend.“ is a citation in text', () => {
    const t = '§ 5 gilt entsprechend.\n§ 7 Absatz 2 bleibt unberührt.\n\\§ 12 Satz 2 gilt entsprechend';
    expectNotScope(t, 1, 'gilt entsprechend', 'entity.name.section');
    expectScope(t, 1, '§ 5', 'markup.underline.link.citation');
    expectNotScope(t, 2, 'Absatz 2 bleibt', 'entity.name.section');
    expectScope(t, 3, '\\', 'constant.character.escape');
    expectScope(t, 3, '§ 12 Satz 2', 'markup.underline.link.citation');
  });

  it('Gliederung headings: „Teil 2 Titel“, the title on the next line, ordinals, Roman numbering, Anlage', () => {
    const t = 'Teil 2 Elektronische Anmeldung\nKapitel I\nAllgemeine Vorschriften\n\nZweiter Abschnitt Entscheidung und Gebühren\nI. Die Grundrechte\nAnlage 1 (zu § 12 Absatz 1)\nAbschnitt 3 - Besondere Fälle';
    expectScope(t, 1, 'Teil', 'keyword.other.unit');
    expectScope(t, 1, '2', 'constant.numeric.unit');
    expectScope(t, 1, 'Elektronische Anmeldung', 'entity.name.section');
    expectScope(t, 2, 'I', 'constant.numeric.unit');
    expectScope(t, 3, 'Allgemeine Vorschriften', 'entity.name.section');
    expectScope(t, 5, 'Zweiter', 'constant.numeric.unit');
    expectScope(t, 5, 'Abschnitt', 'keyword.other.unit');
    expectScope(t, 6, 'I.', 'constant.numeric.unit');
    expectScope(t, 6, 'Die Grundrechte', 'entity.name.section');
    expectScope(t, 7, 'Anlage', 'keyword.other.unit');
    expectScope(t, 8, 'Besondere Fälle', 'entity.name.section');
  });

  it('keyword lines and the Inhaltsübersicht with its indented entries', () => {
    const t = 'Inhaltsübersicht\n\n  Teil 1 Allgemeine Vorschriften\n    § 1 Zweck und Anwendungsbereich\n\nTeil 1 Allgemeine Vorschriften';
    expectScope(t, 1, 'Inhaltsübersicht', 'keyword.other.section');
    expectScope(t, 3, 'Teil', 'keyword.other.unit');
    expectScope(t, 4, 'Zweck und Anwendungsbereich', 'entity.name.section.toc');
    expectScope(t, 6, 'Allgemeine Vorschriften', 'entity.name.section');
    expectNotScope(t, 6, 'Allgemeine Vorschriften', 'meta.toc');
  });

  it('Absatz numbers and list markers (Nummer, Buchstabe, Doppelbuchstabe, Anstrich)', () => {
    const t = '(1) Text\n(1a) Text\n  1. Text\n  6a. Text\n    a) Text\n      aa) Text\n  - Text\n(4)(weggefallen)';
    expectScope(t, 1, '(1)', 'constant.numeric.absatz');
    expectScope(t, 2, '(1a)', 'constant.numeric.absatz');
    expectScope(t, 3, '1.', 'markup.list.marker');
    expectScope(t, 4, '6a.', 'markup.list.marker');
    expectScope(t, 5, 'a)', 'markup.list.marker');
    expectScope(t, 6, 'aa)', 'markup.list.marker');
    expectScope(t, 7, '-', 'markup.list.marker');
    expectScope(t, 8, '(4)', 'constant.numeric.absatz');
    expectNotScope(t, 3, 'Text', 'markup.list.marker');
  });

  it('citations as drafters write them, and no citation where there is none', () => {
    const t = [
      'nach § 3 Absatz 2 Satz 1 Nummer 3 Buchstabe a gilt',
      'in den §§ 823 bis 826 und nach den §§ 636, 280, 281, 283 und 311a',
      '(Artikel 5 Abs. 1 Satz 1 erster Halbsatz)',
      'nach Absatz 1 Satz 1 Nummer 1 und den Buchstaben a bis f und h bis k',
      'im Sinne der §§ 8 ff. und des Satz ist',
      'Der Satz ist kurz.',
    ].join('\n');
    expectScope(t, 1, '§ 3 Absatz 2 Satz 1 Nummer 3 Buchstabe a', 'markup.underline.link.citation');
    expectNotScope(t, 1, 'gilt', 'markup.underline.link.citation');
    expectScope(t, 2, '§§ 823 bis 826', 'markup.underline.link.citation');
    expectScope(t, 2, '§§ 636, 280, 281, 283 und 311a', 'markup.underline.link.citation');
    expectScope(t, 3, 'Artikel 5 Abs. 1 Satz 1 erster Halbsatz', 'markup.underline.link.citation');
    expectScope(t, 4, 'Absatz 1 Satz 1 Nummer 1', 'markup.underline.link.citation.relative');
    expectScope(t, 4, 'Buchstaben a bis f und h bis k', 'markup.underline.link.citation.relative');
    expectScope(t, 5, '§§ 8 ff.', 'markup.underline.link.citation');
    expectNotScope(t, 5, 'Satz ist', 'markup.underline.link.citation');
    expectNotScope(t, 6, 'Satz ist', 'markup.underline.link.citation');
  });

  it('„…“ quotes (also nested ‚…‘) in text; a straight "…" is not a German quote', () => {
    const t = 'Im Sinne dieses Gesetzes ist „Wohnung“ jeder Raum, auch ‚Zimmer‘ genannt.\n  1. "Bewohnerparkausweis" der Ausweis';
    expectScope(t, 1, '„Wohnung“', 'string.quoted.double.german');
    expectNotScope(t, 1, 'jeder Raum', 'string.quoted');
    expectScope(t, 1, '‚Zimmer‘', 'string.quoted.single.german');
    expectNotScope(t, 2, '"Bewohnerparkausweis"', 'string.quoted.double.german');
  });

  it('a quoted structure of an amending law runs over several lines, with its own headings and Absätze', () => {
    const t = [
      'Das Bundesmeldegesetz wird wie folgt geändert:',
      '1. Nach § 3 wird der folgende § 3a eingefügt:',
      '  „§ 3a Elektronische Anmeldung',
      '  (1) Die Anmeldung kann „elektronisch“ erfolgen.',
      '  (2) Das Nähere regelt eine Rechtsverordnung.“',
      '2. In § 4 Absatz 1 wird das Wort „schriftlich“ durch das Wort „elektronisch“ ersetzt.',
    ].join('\n');
    expectScope(t, 3, '„', 'punctuation.definition.quote.begin');
    expectScope(t, 3, '§', 'keyword.other.unit');
    expectScope(t, 3, 'Elektronische Anmeldung', 'entity.name.section');
    expectScope(t, 4, '(1)', 'constant.numeric.absatz');
    expectScope(t, 4, 'Die Anmeldung kann', 'markup.quote');
    expectScope(t, 4, '„elektronisch“', 'string.quoted.double.german');
    expectScope(t, 5, '“', 'punctuation.definition.quote.end');
    expectNotScope(t, 6, 'In', 'markup.quote');
    expectScope(t, 6, '2.', 'markup.list.marker');
    expectScope(t, 6, '„schriftlich“', 'string.quoted.double.german');
  });

  it('an unclosed quotation ends at a blank line', () => {
    const t = '§ 5 wird wie folgt gefasst:\n„§ 5 Zweitwohnung\n\n§ 6 Meldebescheinigung';
    expectScope(t, 2, 'Zweitwohnung', 'markup.quote');
    expectNotScope(t, 4, 'Meldebescheinigung', 'markup.quote');
    expectScope(t, 4, 'Meldebescheinigung', 'entity.name.section');
  });

  it('annotations: name, label, key: value entries; they end with the indentation', () => {
    const t = '(1) Wer eine Wohnung bezieht, meldet sich an.\n@aufwand Anmeldung einer Wohnung\n  adressat: buerger\n  fallzahl: 4.800.000 pro Jahr // geschätzt\n(2) Nach Absatz 1 gilt.';
    expectScope(t, 2, '@aufwand', 'storage.type.annotation');
    expectScope(t, 2, 'Anmeldung einer Wohnung', 'string.unquoted.annotation-label');
    expectScope(t, 3, 'adressat', 'variable.other.key.annotation');
    expectScope(t, 3, 'buerger', 'string.unquoted.annotation-value');
    expectScope(t, 4, '4.800.000 pro Jahr', 'string.unquoted.annotation-value');
    expectScope(t, 4, '// geschätzt', 'comment.line.double-slash');
    expectNotScope(t, 5, 'Nach', 'meta.annotation');
    expectScope(t, 5, '(2)', 'constant.numeric.absatz');
  });

  it('comments and suppression directives; „https://“ is no comment', () => {
    const t = '// Referentenentwurf\n(2) Text. // Digitalcheck: Schriftform\n// norma-disable-next-line abkuerzung\nSiehe https://www.gesetze-im-internet.de/bmg/';
    expectScope(t, 1, '// Referentenentwurf', 'comment.line.double-slash');
    expectScope(t, 2, '// Digitalcheck: Schriftform', 'comment.line.double-slash');
    expectNotScope(t, 2, 'Text.', 'comment');
    expectScope(t, 3, 'norma-disable-next-line', 'keyword.control.directive');
    expectNotScope(t, 4, '//www', 'comment');
  });

  it('tables: cells and separators', () => {
    const t = '| Nr. | Datum |\n|---|---|\n| 1 | Anschrift \\| Ort |';
    expectScope(t, 1, '|', 'punctuation.separator.table');
    expectScope(t, 3, '\\|', 'constant.character.escape');
    expectScope(t, 3, 'Anschrift', 'markup.table');
  });
});
