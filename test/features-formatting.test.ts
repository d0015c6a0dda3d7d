/**
 * Formatting: the text after „Format Document“, and the guarantees behind
 * it: the model (units, eIds, nesting, text, annotations, syntax errors)
 * stays the same, no character other than whitespace changes except
 * quotation marks, and formatting twice changes nothing more. A property
 * test checks the guarantees on generated drafts full of irregular
 * indentation, blanks, markers, annotations, tables, quotations and
 * comments.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdits, createLanguageService, type LanguageService } from '../server/src/service/index';
import type { NormaFormattingOptions } from '../server/src/service/index';
import { memFs } from './rule-helpers';
import { draft, law, modelView, open, sample, URI, visible } from './features-helpers';

function formatted(text: string, options: NormaFormattingOptions = {}, ls: LanguageService = open(text)): string {
  const edits = ls.format(URI, options);
  const { text: out, applied } = applyEdits(text, edits);
  assert.equal(applied, edits.length, 'edits overlap');
  return out;
}

/** Formats, and checks the guarantees: same model, same visible text, nothing left to format. */
function formatChecked(text: string, options: NormaFormattingOptions = {}): string {
  const ls = open(text);
  const before = modelView(ls);
  const out = formatted(text, options, ls);
  const again = open(out);
  assert.deepEqual(modelView(again), before, 'the model changed');
  assert.equal(visible(out), visible(text), 'a character other than whitespace or a quotation mark changed');
  assert.deepEqual(again.format(URI, options), [], 'formatting twice changes more');
  return out;
}

describe('features: formatting', () => {
  it('removes trailing blanks, shortens blank lines, puts one blank line before headings and indents canonically', () => {
    const text = law(
      '§ 1 Zweck   ',
      'Dieses Gesetz dient der Probe.  ',
      '§ 2   Begriffe',
      '(1)   Im Sinne dieses Gesetzes ist',
      '1. „Wohnung“ jeder Raum,',
      '2. „Meldebehörde“',
      '  a) in Gemeinden die Gemeindeverwaltung,',
      '  b) in gemeindefreien Gebieten',
      '    aa) die Kreisverwaltung oder',
      '    bb) die Stelle,',
      '  soweit das Landesrecht nichts anderes bestimmt,',
      '3. „Portal“ das Portal.',
      '   Weiterer Absatz der Nummer 3.',
      '@aufwand   Prüfung',
      '    adressat:    verwaltung',
      '',
      '',
      '',
      '  (2) Weiter.',
      '// norma-disable-next-line ueberschrift-fehlt',
      '§ 3',
      'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
      '',
      '',
    );
    assert.equal(
      formatChecked(text),
      law(
        '§ 1 Zweck',
        'Dieses Gesetz dient der Probe.',
        '',
        '§ 2 Begriffe',
        '(1) Im Sinne dieses Gesetzes ist',
        '  1. „Wohnung“ jeder Raum,',
        '  2. „Meldebehörde“',
        '    a) in Gemeinden die Gemeindeverwaltung,',
        '    b) in gemeindefreien Gebieten',
        '      aa) die Kreisverwaltung oder',
        '      bb) die Stelle,',
        '    soweit das Landesrecht nichts anderes bestimmt,', // text of Nummer 2 after its Buchstaben
        '  3. „Portal“ das Portal.',
        '    Weiterer Absatz der Nummer 3.', // a further paragraph of Nummer 3
        '@aufwand Prüfung', // Absatz 1's annotation stays in column 0
        '  adressat: verwaltung',
        '',
        '(2) Weiter.',
        '', // the blank line goes above the directive, which stays on the line before § 3
        '// norma-disable-next-line ueberschrift-fehlt',
        '§ 3',
        'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
      ),
    );
  });

  it('gives minimal edits: indentation, the gap after a marker, trailing blanks, blank lines', () => {
    const text = draft('§ 1 Zweck', '(1)  Text.  ', '   1. eins', '', '', '(2) Zwei.', '§ 2 Schluss', 'Ende.');
    const ls = open(text);
    const edits = ls.format(URI).map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character} ${JSON.stringify(e.newText)}`);
    assert.deepEqual(edits, ['1:3-1:5 " "', '1:10-1:12 ""', '2:0-2:3 "  "', '4:0-5:0 ""', '6:0-6:0 "\\n"']);
  });

  it('leaves the samples as they are: they are written canonically', () => {
    for (const name of ['wohnsitzanmeldung.norma', 'wohngeld-digital.norma']) {
      const ls = open(sample(name));
      assert.deepEqual(ls.format(URI), [], name);
    }
  });

  it('formats the complete example of the language reference without changing its model', () => {
    const text = draft(
      'Abschnitt 1 Allgemeine Vorschriften',
      '§ 2 Begriffsbestimmungen',
      'Im Sinne dieses Gesetzes ist',
      '1. „Wohnung“ jeder umschlossene Raum, der zum Wohnen oder Schlafen benutzt wird,',
      '2. „Meldebehörde“',
      '  a) in Gemeinden die Gemeindeverwaltung,',
      '  b) in gemeindefreien Gebieten',
      '    aa) die Kreisverwaltung oder',
      '    bb) die von der Landesregierung bestimmte Stelle, und zwar',
      '      aaa) für Gebiete im Küstenmeer die Stelle am Sitz der Landesregierung,',
      '  soweit das Landesrecht nichts anderes bestimmt,',
      '3. „Meldeportal“ das Verwaltungsportal nach dem Onlinezugangsgesetz.',
      'Artikel 1 Änderung des Bundesmeldegesetzes',
      'Das Bundesmeldegesetz wird wie folgt geändert:',
      '1. Nach § 3 wird der folgende § 3a eingefügt:',
      '„§ 3a Elektronische Anmeldung',
      '(1) Die Anmeldung kann elektronisch erfolgen.“',
      '2. § 23 wird aufgehoben.',
    );
    assert.equal(
      formatChecked(text),
      draft(
        'Abschnitt 1 Allgemeine Vorschriften',
        '',
        '§ 2 Begriffsbestimmungen',
        'Im Sinne dieses Gesetzes ist',
        '  1. „Wohnung“ jeder umschlossene Raum, der zum Wohnen oder Schlafen benutzt wird,',
        '  2. „Meldebehörde“',
        '    a) in Gemeinden die Gemeindeverwaltung,',
        '    b) in gemeindefreien Gebieten',
        '      aa) die Kreisverwaltung oder',
        '      bb) die von der Landesregierung bestimmte Stelle, und zwar',
        '        aaa) für Gebiete im Küstenmeer die Stelle am Sitz der Landesregierung,',
        '    soweit das Landesrecht nichts anderes bestimmt,',
        '  3. „Meldeportal“ das Verwaltungsportal nach dem Onlinezugangsgesetz.',
        '',
        'Artikel 1 Änderung des Bundesmeldegesetzes',
        'Das Bundesmeldegesetz wird wie folgt geändert:',
        '  1. Nach § 3 wird der folgende § 3a eingefügt:',
        '    „§ 3a Elektronische Anmeldung', // the quotation moves with Nummer 1
        '    (1) Die Anmeldung kann elektronisch erfolgen.“',
        '  2. § 23 wird aufgehoben.',
      ),
    );
  });

  it('keeps an indentation that the parse depends on', () => {
    // in column 0 the first line would be a heading; the Nummer after the annotation would become one of its entries
    const text = draft(
      '  Abschnitt 3 Schluss',
      'Der Bundestag hat das folgende Gesetz beschlossen:',
      '§ 1 Zweck',
      '(1) Es gilt Folgendes:',
      '@aufwand Prüfung',
      '  adressat: verwaltung',
      '1. die Anmeldung,',
      '  2. die Abmeldung.',
    );
    assert.equal(
      formatChecked(text),
      draft(
        '  Abschnitt 3 Schluss',
        'Der Bundestag hat das folgende Gesetz beschlossen:',
        '',
        '§ 1 Zweck',
        '(1) Es gilt Folgendes:',
        '@aufwand Prüfung',
        '  adressat: verwaltung',
        '1. die Anmeldung,',
        '  2. die Abmeldung.',
      ),
    );
  });

  it('writes German quotation marks where rule anfuehrungszeichen has a safe fix, in drafts only and unless suppressed or switched off', () => {
    const body = ['§ 1 Zweck', 'Das Wort "Wohnung" und das Wort »Amt« gelten.', '// norma-disable-next-line H13', 'Das Wort "Portal" bleibt.'];
    assert.equal(formatChecked(law(...body)), law('§ 1 Zweck', 'Das Wort „Wohnung“ und das Wort „Amt“ gelten.', '// norma-disable-next-line H13', 'Das Wort "Portal" bleibt.'));
    const real = draft('---', 'titel: Gesetz zur Probe', 'typ: stammgesetz', 'fassung: konsolidiert', '---', ...body);
    assert.deepEqual(open(real).format(URI), []);
    const ls = createLanguageService({ fileSystem: memFs({ '/p/norma.config.json': '{ "rules": { "anfuehrungszeichen": "aus" } }' }) });
    ls.open('file:///p/e.norma', law(...body));
    assert.deepEqual(ls.format('file:///p/e.norma'), []);
  });

  it('keeps CRLF line endings and follows the formatting options', () => {
    const text = '§ 1 Zweck  \r\n(1)  Text.\r\n§ 2 Schluss\r\nEnde.';
    assert.equal(formatted(text), '§ 1 Zweck\r\n(1) Text.\r\n\r\n§ 2 Schluss\r\nEnde.\r\n');
    assert.equal(formatted(text, { trimTrailingWhitespace: false, insertFinalNewline: false }), '§ 1 Zweck  \r\n(1) Text.\r\n\r\n§ 2 Schluss\r\nEnde.');
    assert.equal(formatted('§ 1 Zweck\nText.\n\n\n', { trimFinalNewlines: false }), '§ 1 Zweck\nText.\n\n');
    assert.equal(formatted('§ 1 Zweck\nText.\n\n\n'), '§ 1 Zweck\nText.\n');
  });

  it('never renumbers and never touches text, markers, the Inhaltsübersicht or comments', () => {
    const text = draft('Inhaltsübersicht', '      § 1 Zweck', '  § 3 Schluss', '', '§ 1 Zweck', '(2) Zwei.', '(1) Eins.', '    // Kommentar  mit  Abständen', '§ 3 Schluss', 'Dieses  Gesetz   tritt in Kraft.');
    assert.equal(
      formatChecked(text),
      // the comment right above § 3 counts as part of its heading: the blank line goes above it
      draft('Inhaltsübersicht', '      § 1 Zweck', '  § 3 Schluss', '', '§ 1 Zweck', '(2) Zwei.', '(1) Eins.', '', '    // Kommentar  mit  Abständen', '§ 3 Schluss', 'Dieses  Gesetz   tritt in Kraft.'),
    );
  });

  describe('property: on generated drafts formatting keeps the model and the visible text, and is idempotent', () => {
    const words = fc.constantFrom('Text', 'die', 'Meldebehörde', 'Wohnung,', 'nach § 3', 'Absatz 2', 'und', 'Satz.', '„Wohnung“', '"Portal"', '»Amt«', 'https://x.de', '1.', 'a)', '(2)', 'gilt:', '// Notiz');
    const sp = fc.constantFrom(' ', '  ', '\t', '\u00a0', '   ');
    const indent = fc.constantFrom('', '', ' ', '  ', '   ', '    ', '      ', '\t', '  \t');
    const trailing = fc.constantFrom('', '', '', ' ', '  ', '\t', '\u00a0');
    const text = fc.array(words, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const heading = fc
      .tuple(
        fc.constantFrom('§ 1', '§ 2', '§ 3a', 'Artikel 2', 'Abschnitt 1', 'Teil 2', 'Anlage 1', '§§ 4 bis 5', 'Präambel', 'Inhaltsübersicht', 'Schlussformel', 'I.', 'Abschnitt 2'),
        sp,
        fc.constantFrom('Zweck', 'Anmeldung und Abmeldung', '(weggefallen)', '', '- Personen'),
      )
      .map(([h, s, t]) => (t && !/^(Präambel|Inhaltsübersicht|Schlussformel)$/.test(h) ? `${h}${s}${t}` : h));
    const marker = fc.constantFrom('(1)', '(2)', '(1a)', '1.', '2.', '3a.', 'a)', 'b)', 'aa)', 'bb)', 'aaa)', '-', '–');
    const line = fc.oneof(
      { weight: 3, arbitrary: heading },
      { weight: 8, arbitrary: fc.tuple(indent, marker, sp, text).map(([i, m, s, t]) => `${i}${m}${s}${t}`) },
      { weight: 6, arbitrary: fc.tuple(indent, text).map(([i, t]) => `${i}${t}`) },
      { weight: 1, arbitrary: indent.map((i) => `${i}\\1. Januar 2027`) },
      { weight: 2, arbitrary: fc.tuple(indent, sp, text).map(([i, s, t]) => `${i}@aufwand${s}${t}`) },
      { weight: 2, arbitrary: fc.tuple(indent, sp, fc.constantFrom('adressat', 'fallzahl', 'Fallzahl 100')).map(([i, s, k]) => `${i}${k}${s}:${s}wert`) },
      { weight: 1, arbitrary: indent.map((i) => `${i}| Amt | „Gebühr“ |`) },
      { weight: 1, arbitrary: fc.tuple(indent, fc.constantFrom('// Kommentar', '// norma-disable-next-line H13', '// norma-disable abkuerzung')).map(([i, c]) => `${i}${c}`) },
      { weight: 1, arbitrary: fc.tuple(indent, fc.constantFrom('„§ 3a Titel', '(1) Text.“', '„(2) Neu.“', 'Er wird wie folgt gefasst:')).map(([i, q]) => `${i}${q}`) },
      { weight: 3, arbitrary: fc.constantFrom('', '', '  ', '\t') },
    );
    const frontMatter = fc.constantFrom([], ['---', 'titel: Probe', 'typ: stammgesetz', '---'], ['---', 'titel: Probe  ', '', '', 'typ: stammgesetz', 'fassung: konsolidiert', '---']);
    const doc = fc
      .tuple(frontMatter, fc.array(fc.tuple(line, trailing), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([fm, ls, eol, final]) => [...fm, ...ls.map(([l, t]) => `${l}${t}`)].join(eol) + (final ? eol : ''));

    (globalThis as { normaFormatDocs?: unknown }).normaFormatDocs = doc;
    it('holds for 400 generated drafts', () => {
      fc.assert(
        fc.property(doc, (text) => {
          formatChecked(text);
        }),
        { numRuns: 400 },
      );
    });
  });
});
