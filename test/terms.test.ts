/**
 * Defined terms (terms/, rules/term-rules.ts): what a drafter sees of them.
 * Definitions in every form with the exact range of the term; usages with
 * their inflected forms and without compounds; the three H17 rules on
 * violating and clean drafts; definition, references, hover and rename with
 * exact ranges and byte-exact results; completion, semantic tokens and
 * workspace symbols; the per-block caches; the samples; and the time to
 * build the term index of the imported BGB.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { applyEdits, createLanguageService, TermRenameError, type LanguageService, type NormaDiagnostic } from '../server/src/service/index';
import { importXml } from '../server/src/service/import';
import { decodeSemanticTokens } from '../server/src/service/features/semantic-tokens';
import { nounForms, renameEdits, TermIndex, termIndex } from '../server/src/service/terms';
import { blockUsages } from '../server/src/service/terms/usages';

const ROOT = path.resolve(__dirname, '..', '..');
const URI = 'file:///entwurf.norma';

function law(...lines: string[]): string {
  return ['---', 'titel: Gesetz zur Probe', 'typ: stammgesetz', '---', ...lines, ''].join('\n');
}

const INKRAFT = ['§ 9 Inkrafttreten', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.'];

function open(text: string, uri = URI): LanguageService {
  const ls = createLanguageService();
  ls.open(uri, text);
  return ls;
}

/** Position of the `nth` occurrence of `needle`, plus `delta` characters. */
function pos(text: string, needle: string, nth = 0, delta = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `„${needle}“ (${nth}) not in the text`);
  }
  i += delta;
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - (before.lastIndexOf('\n') + 1) };
}

/** Range of the `nth` occurrence of `needle`. */
function rangeOf(text: string, needle: string, nth = 0): Range {
  const s = pos(text, needle, nth);
  return { start: s, end: { line: s.line, character: s.character + needle.length } };
}

function textOf(text: string, r: Range): string {
  const line = text.split('\n')[r.start.line];
  return line.slice(r.start.character, r.end.character);
}

/** The definitions as „term kind address“. */
function defs(text: string): string[] {
  const ls = open(text);
  return ls.getTermDefinitions(URI).map((d) => `${d.term} ${d.kind} ${d.unit.address}`);
}

/** The usages of the term under `at`, as written. */
function usages(text: string, at: Position): string[] {
  const ls = open(text);
  return ls.getTermReferences(URI, at, false).map((l) => textOf(text, l.range));
}

function diags(text: string, code?: string): string[] {
  const ls = open(text);
  return ls
    .getDiagnostics(URI)
    .filter((d: NormaDiagnostic) => (code ? d.code === code : d.code.startsWith('begriff')))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

describe('defined terms', () => {
  describe('definitions', () => {
    it('Begriffsbestimmungen §: list items after „Im Sinne dieses Gesetzes ist“, sentences with and without article, several terms', () => {
      const text = law(
        '§ 1 Begriffsbestimmungen',
        '(1) „Meldebehörde“ ist die nach Landesrecht zuständige Behörde. Der „Portalverbund“ ist die Verknüpfung der Portale.',
        '(2) Im Sinne dieses Gesetzes ist oder sind',
        '  1. „Wohnung“ jeder umschlossene Raum, der zum Wohnen benutzt wird,',
        '  2. „meldepflichtige Person“ jede Person, die eine Wohnung bezieht.',
        '(3) „Anmeldung“ und „Abmeldung“ sind Mitteilungen an die Meldebehörde.',
        ...INKRAFT,
      );
      assert.deepEqual(defs(text), [
        'Meldebehörde begriffsbestimmung § 1 Absatz 1',
        'Portalverbund begriffsbestimmung § 1 Absatz 1',
        'Wohnung begriffsbestimmung § 1 Absatz 2 Nummer 1',
        'meldepflichtige Person begriffsbestimmung § 1 Absatz 2 Nummer 2',
        'Anmeldung begriffsbestimmung § 1 Absatz 3',
        'Abmeldung begriffsbestimmung § 1 Absatz 3',
      ]);
      const ls = open(text);
      const wohnung = ls.getTermDefinitions(URI).find((d) => d.term === 'Wohnung');
      assert.deepEqual(wohnung?.range, rangeOf(text, 'Wohnung', 0));
      assert.equal(textOf(text, ls.getTermDefinitions(URI)[3].range), 'meldepflichtige Person');
    });

    it('„im Sinne dieses Gesetzes“ anywhere, in both word orders, and items after such an introduction', () => {
      const text = law(
        '§ 1 Anwendungsbereich',
        '(1) „Wohnung“ im Sinne dieses Gesetzes ist jeder umschlossene Raum.',
        '(2) Im Sinne dieser Vorschrift ist „Portal“ das Verwaltungsportal des Landes.',
        '(3) Im Sinne dieses Gesetzes sind',
        '  1. „Meldebehörden“ die nach Landesrecht zuständigen Behörden,',
        '  2. „Nutzer“ natürliche Personen.',
        '(4) Das Vertrauensniveau „substanziell“ im Sinne des Artikels 8 ist erforderlich.',
        ...INKRAFT,
      );
      assert.deepEqual(defs(text), [
        'Wohnung im-sinne § 1 Absatz 1',
        'Portal im-sinne § 1 Absatz 2',
        'Meldebehörden im-sinne § 1 Absatz 3 Nummer 1',
        'Nutzer im-sinne § 1 Absatz 3 Nummer 2',
      ]);
    });

    it('bracketed definitions at first use: a noun, adjective + noun, „im Folgenden“, an abbreviation', () => {
      const text = law(
        '§ 1 Bestätigung',
        '(1) Der Eigentümer der Wohnung oder eine von ihm beauftragte Person (Wohnungsgeber) bestätigt den Einzug.',
        '(2) Die Daten werden elektronisch angefordert (vorausgefüllter Datensatz).',
        '(3) Die Länder betreiben ein elektronisches Verwaltungsangebot (im Folgenden: Portal) und ein Postfach (im Folgenden „Postfach“).',
        '(4) Es gilt die Datenschutz-Grundverordnung (DSGVO) in der jeweils geltenden Fassung.',
        ...INKRAFT,
      );
      assert.deepEqual(defs(text), [
        'Wohnungsgeber klammer § 1 Absatz 1',
        'vorausgefüllter Datensatz klammer § 1 Absatz 2',
        'Portal klammer § 1 Absatz 3',
        'Postfach klammer § 1 Absatz 3',
        'DSGVO abkuerzung § 1 Absatz 4',
      ]);
      const ls = open(text);
      const ranges = ls.getTermDefinitions(URI).map((d) => d.range);
      assert.deepEqual(ranges, [
        rangeOf(text, 'Wohnungsgeber'),
        rangeOf(text, 'vorausgefüllter Datensatz'),
        rangeOf(text, 'Portal)'.slice(0, 6)),
        rangeOf(text, 'Postfach', 1),
        rangeOf(text, 'DSGVO'),
      ]);
    });

    it('no definitions: citations, dates, gazettes, (weggefallen), numbers, lower case, EU acts, alternatives, qualifiers, unit words', () => {
      const text = law(
        '§ 1 Verweise',
        '(1) Es gilt § 17 des Bundesmeldegesetzes vom 3. Mai 2013 (BGBl. I S. 1084) und die Frist des Absatzes 2 (§ 3 Absatz 1).',
        '(2) Die Meldung ist ohne schuldhaftes Zögern (unverzüglich) bis zum Stichtag (1. Januar 2027) abzugeben (2).',
        '(3) Es gilt die Verordnung (EU) 2016/679 des Europäischen Parlaments und des Rates zur Aufhebung der Richtlinie 95/46/EG (Datenschutz-Grundverordnung) (ABl. L 119 vom 4.5.2016, S. 1).',
        '(4) Die Länder und Gemeinden (Gemeindeverbände) sowie Borkum (Stadt) erhalten die Beträge nach der Tabelle (Anlage).',
        '(5) (weggefallen)',
        '(6) Die Zuständigkeit bleibt (soweit nicht anders bestimmt) unberührt (ohne Schutz vor Lärm).',
        ...INKRAFT,
      );
      assert.deepEqual(defs(text), []);
    });

    it('not in headings, not in the quoted text of an amendment', () => {
      const text = [
        '---',
        'titel: Gesetz zur Änderung des Bundesmeldegesetzes',
        'typ: aenderungsgesetz',
        '---',
        'Artikel 1 Änderung des Bundesmeldegesetzes (Meldegesetz)',
        'Das Bundesmeldegesetz wird wie folgt geändert:',
        '1. In § 2 wird folgender Absatz 3 angefügt:',
        '  „(3) „Anmeldeportal“ im Sinne dieses Gesetzes ist das Portal des Landes (Landesportal).“',
        '2. § 3 wird wie folgt gefasst:',
        '  „§ 3 Begriffsbestimmungen',
        '  „Wohnung“ ist jeder Raum (Wohnraum).“',
        '3. In § 4 wird das Wort „Wohnung“ durch das Wort „Unterkunft“ ersetzt.',
        'Artikel 2 Inkrafttreten',
        'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
        '',
      ].join('\n');
      assert.deepEqual(defs(text), []);
    });
  });

  describe('usages and inflection', () => {
    const text = law(
      '§ 1 Begriffsbestimmungen',
      'Im Sinne dieses Gesetzes ist',
      '  1. „Wohnung“ jeder umschlossene Raum,',
      '  2. „Meldebehörde“ die nach Landesrecht zuständige Behörde,',
      '  3. „elektronische Anmeldung“ die Anmeldung über das Portal,',
      '  4. „Nutzerkonto“ ein Konto im Portal.',
      '§ 2 Wohnung und Hauptwohnung',
      '(1) Wer eine Wohnung bezieht, meldet sich bei der Meldebehörde an. Mehrere Wohnungen sind einzeln anzumelden; die Meldebehörden unterrichten einander.',
      '(2) Der Wohnungsinhaber bestimmt die Hauptwohnung; Wohnungs- und Geschäftsräume sind getrennt anzugeben. Die wohnung der Mieterin ist keine Wohnung-Nebenwohnung.',
      '(3) Elektronische Anmeldungen sind zulässig. Bei der elektronischen Anmeldung gilt Absatz 1; die Elektronische Anmeldung eines Kindes ist ausgeschlossen.',
      '(4) Das Wort „Wohnung“ bleibt unberührt. // Wohnung im Kommentar',
      '@aufwand Anmeldung einer Wohnung',
      '  adressat: buerger',
      '(5) Die Daten der Nutzerkonten und des Nutzerkontos sind zu löschen.',
      '| Wohnung | Meldebehörden |',
      ...INKRAFT,
    );

    it('Wohnung / Wohnungen are usages; Wohnungsinhaber, Hauptwohnung, Wohnungs-, lower case, quotes, comments, annotations are not', () => {
      assert.deepEqual(usages(text, pos(text, 'Wohnung')), ['Wohnung', 'Wohnung', 'Wohnungen', 'Wohnung']);
      const ls = open(text);
      const lines = ls.getTermReferences(URI, pos(text, 'Wohnung'), false).map((l) => l.range.start.line + 1);
      // the heading of § 2 (its title, not its number), the Absatz 1 twice, the table cell
      assert.deepEqual(lines, [11, 12, 12, 19]);
    });

    it('Meldebehörde / Meldebehörden', () => {
      assert.deepEqual(usages(text, pos(text, 'Meldebehörde')), ['Meldebehörde', 'Meldebehörden', 'Meldebehörden']);
    });

    it('adjective + noun: inflected adjective and noun, capitalised only at the start of a sentence', () => {
      assert.deepEqual(usages(text, pos(text, 'elektronische Anmeldung')), ['Elektronische Anmeldungen', 'elektronischen Anmeldung']);
    });

    it('Latin and umlaut plurals, genitive', () => {
      assert.deepEqual(usages(text, pos(text, 'Nutzerkonto')), ['Nutzerkonten', 'Nutzerkontos']);
      const forms = nounForms('Vertrag');
      assert.equal(forms.get('Verträge')?.kind, 'umlaut');
      assert.equal(forms.get('Vertrages')?.kind, 'regular');
      assert.equal(nounForms('Datum').get('Daten')?.kind, 'latin');
      assert.equal(nounForms('Wohnung').get('Wohnungsinhaber'), undefined);
    });

    it('a usage in the Inhaltsübersicht counts for references, not for the rules', () => {
      const t = law(
        'Inhaltsübersicht',
        '  § 1 Wohnungsgeber',
        '  § 2 Inkrafttreten',
        '§ 1 Pflichten',
        'Eine von ihm beauftragte Person (Wohnungsgeber) bestätigt den Einzug.',
        '§ 2 Inkrafttreten',
        'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
      );
      assert.deepEqual(usages(t, pos(t, 'Wohnungsgeber', 1)), ['Wohnungsgeber']);
      assert.deepEqual(diags(t), ['9:34 begriff-unbenutzt Der Begriff „Wohnungsgeber“ wird bestimmt, aber nirgends verwendet.']);
    });
  });

  describe('rules (H17)', () => {
    it('begriff-doppelt: at the second definition, naming the first', () => {
      const text = law(
        '§ 1 Begriffsbestimmungen',
        '(1) „Wohnung“ im Sinne dieses Gesetzes ist jeder umschlossene Raum.',
        '(2) „Wohnung“ ist auch ein Wohnwagen.',
        '§ 2 Anmeldung',
        'Wer eine Wohnung bezieht, meldet sich an.',
        ...INKRAFT,
      );
      assert.deepEqual(diags(text), ['7:6 begriff-doppelt „Wohnung“ wird doppelt bestimmt: bereits in § 1 Absatz 1 (Zeile 6).']);
      const clean = law('§ 1 Begriffsbestimmungen', '„Wohnung“ im Sinne dieses Gesetzes ist jeder umschlossene Raum.', '§ 2 Anmeldung', 'Wer eine Wohnung bezieht, meldet sich an.', ...INKRAFT);
      assert.deepEqual(diags(clean), []);
    });

    it('begriff-unbenutzt: a definition used nowhere but in itself', () => {
      const text = law(
        '§ 1 Begriffsbestimmungen',
        'Im Sinne dieses Gesetzes ist',
        '  1. „Wohnung“ jeder umschlossene Raum; Wohnwagen sind Wohnungen, wenn sie nicht bewegt werden,',
        '  2. „Wohnungsgeber“ der Eigentümer der Wohnung.',
        '§ 2 Anmeldung',
        'Der Wohnungsgeber bestätigt den Einzug.',
        ...INKRAFT,
      );
      // „Wohnung“ is used in Nummer 2 (another unit), „Wohnungsgeber“ in § 2: both used
      assert.deepEqual(diags(text), []);
      const unused = law('§ 1 Begriffsbestimmungen', '„Wohnung“ im Sinne dieses Gesetzes ist jeder Raum; Wohnwagen sind Wohnungen.', '§ 2 Anmeldung', 'Die Anmeldung ist elektronisch.', ...INKRAFT);
      assert.deepEqual(diags(unused), ['6:2 begriff-unbenutzt Der Begriff „Wohnung“ wird bestimmt, aber nirgends verwendet.']);
    });

    it('begriff-vor-definition: a bracket definition after an earlier use; a citation of the defining § excuses', () => {
      const text = law(
        '§ 1 Anmeldung',
        'Der Wohnungsgeber bestätigt den Einzug.',
        '§ 2 Bestätigung',
        'Der Eigentümer oder eine von ihm beauftragte Person (Wohnungsgeber) bestätigt den Einzug elektronisch.',
        ...INKRAFT,
      );
      assert.deepEqual(diags(text), ['8:54 begriff-vor-definition „Wohnungsgeber“ wird schon in § 1 (Zeile 6) verwendet, aber erst hier bestimmt: die Begriffsbestimmung gehört an die erste Verwendung.']);
      const cited = law(
        '§ 1 Anmeldung',
        'Der Wohnungsgeber nach § 2 bestätigt den Einzug.',
        '§ 2 Bestätigung',
        'Der Eigentümer oder eine von ihm beauftragte Person (Wohnungsgeber) bestätigt den Einzug elektronisch.',
        ...INKRAFT,
      );
      assert.deepEqual(diags(cited), []);
    });

    it('begriff-vor-definition: a Begriffsbestimmungen § near the start defines for the §§ before it; one far back does not', () => {
      const near = law('§ 1 Anwendungsbereich', 'Dieses Gesetz gilt für jede Wohnung.', '§ 2 Begriffsbestimmungen', '„Wohnung“ im Sinne dieses Gesetzes ist jeder Raum.', '§ 3 Anmeldung', 'Wer eine Wohnung bezieht, meldet sich an.', ...INKRAFT);
      assert.deepEqual(diags(near), []);
      const far = law(
        '§ 1 Anwendungsbereich',
        'Dieses Gesetz gilt für jede Wohnung.',
        '§ 2 Zuständigkeit',
        'Zuständig ist die Meldebehörde.',
        '§ 3 Verfahren',
        'Das Verfahren ist elektronisch.',
        '§ 4 Fristen',
        'Die Frist beträgt zwei Wochen.',
        '§ 5 Gebühren',
        'Gebühren werden nicht erhoben.',
        '§ 6 Begriffsbestimmungen',
        '„Wohnung“ im Sinne dieses Gesetzes ist jeder Raum.',
        ...INKRAFT,
      );
      assert.deepEqual(diags(far), ['16:2 begriff-vor-definition „Wohnung“ wird schon in § 1 (Zeile 6) verwendet, aber erst hier bestimmt: die Begriffsbestimmung gehört an die erste Verwendung.']);
    });

    it('drafts only; English messages; switched off by H17', () => {
      const body = ['§ 1 Begriffsbestimmungen', '„Wohnung“ im Sinne dieses Gesetzes ist jeder Raum.', ...INKRAFT];
      const konsolidiert = ['---', 'titel: Gesetz', 'typ: stammgesetz', 'fassung: konsolidiert', '---', ...body, ''].join('\n');
      assert.deepEqual(diags(konsolidiert), []);
      const ls = open(law(...body));
      assert.deepEqual(
        ls.getDiagnostics(URI, 'en').filter((d) => d.code.startsWith('begriff')).map((d) => `${d.code} ${d.message} | ${d.source}`),
        ['begriff-unbenutzt The term "Wohnung" is defined but never used. | H17 · HdR Rn. 273 (Sekundärquelle)'],
      );
      const suppressed = law('§ 1 Begriffsbestimmungen', '// norma-disable-next-line H17', '„Wohnung“ im Sinne dieses Gesetzes ist jeder Raum.', ...INKRAFT);
      assert.deepEqual(diags(suppressed), []);
    });
  });

  describe('navigation', () => {
    const text = law(
      '§ 1 Begriffsbestimmungen',
      'Im Sinne dieses Gesetzes ist',
      '  1. „Wohnungsgeber“ der Eigentümer der Wohnung,',
      '  2. „meldepflichtige Person“ jede Person, die eine Wohnung bezieht.',
      '§ 2 Pflichten',
      'Die meldepflichtige Person teilt dem Wohnungsgeber den Einzug mit; des Wohnungsgebers Bestätigung genügt.',
      ...INKRAFT,
    );

    it('definition: from a usage (inflected) and from the definition itself; nothing off a term', () => {
      const ls = open(text);
      const def = rangeOf(text, 'Wohnungsgeber');
      assert.deepEqual(ls.getTermDefinition(URI, pos(text, 'Wohnungsgebers', 0, 3)), [{ uri: URI, range: def }]);
      assert.deepEqual(ls.getTermDefinition(URI, pos(text, 'Wohnungsgeber', 0, 2)), [{ uri: URI, range: def }]);
      assert.deepEqual(ls.getTermDefinition(URI, pos(text, 'Einzug')), []);
      assert.equal(ls.getTermHover(URI, pos(text, 'Einzug')), undefined);
      assert.equal(ls.prepareTermRename(URI, pos(text, 'Einzug')), undefined);
      assert.equal(ls.renameTerm(URI, pos(text, 'Einzug'), 'Auszug'), undefined);
    });

    it('references: exact ranges of the usages, with the definition on request', () => {
      const ls = open(text);
      const at = pos(text, 'meldepflichtige Person', 1, 4);
      assert.deepEqual(
        ls.getTermReferences(URI, at, true).map((l) => l.range),
        [rangeOf(text, 'meldepflichtige Person', 0), rangeOf(text, 'meldepflichtige Person', 1)],
      );
      assert.deepEqual(
        ls.getTermReferences(URI, pos(text, 'Wohnungsgeber'), false).map((l) => textOf(text, l.range)),
        ['Wohnungsgeber', 'Wohnungsgebers'],
      );
    });

    it('hover: the term, where it is defined and the defining unit, over the exact range', () => {
      const ls = open(text);
      const h = ls.getTermHover(URI, pos(text, 'Wohnungsgebers', 0, 1));
      assert.ok(h);
      assert.deepEqual(h.range, rangeOf(text, 'Wohnungsgebers'));
      const value = (h.contents as { value: string }).value;
      assert.equal(value, '**Wohnungsgeber** — Begriffsbestimmung in § 1 Nummer 1 (Begriffsbestimmungen)\n\n> 1\\. „Wohnungsgeber“ der Eigentümer der Wohnung,');
    });

    it('the service\'s definition, references and hover answer for terms (after citations)', () => {
      const ls = open(text);
      const at = pos(text, 'Wohnungsgebers', 0, 3);
      assert.deepEqual(ls.getDefinition(URI, at), ls.getTermDefinition(URI, at));
      assert.deepEqual(ls.getReferences(URI, at, true), ls.getTermReferences(URI, at, true));
      assert.deepEqual(ls.getHover(URI, at), ls.getTermHover(URI, at));
    });

    it('getTermAt tells definition from usage', () => {
      const ls = open(text);
      assert.equal(ls.getTermAt(URI, pos(text, 'Wohnungsgeber'))?.kind, 'definition');
      const u = ls.getTermAt(URI, pos(text, 'Wohnungsgeber', 1));
      assert.equal(u?.kind, 'usage');
      assert.equal(u?.term.name, 'Wohnungsgeber');
    });
  });

  describe('rename', () => {
    const text = law(
      '§ 1 Begriffsbestimmungen',
      'Im Sinne dieses Gesetzes ist',
      '  1. „Wohnungsgeber“ der Eigentümer der Wohnung,',
      '  2. „meldepflichtige Person“ jede Person, die eine Wohnung bezieht,',
      '  3. „Antrag“ die Anmeldung.',
      'Inhaltsübersicht',
      '  § 2 Pflichten des Wohnungsgebers',
      '§ 2 Pflichten des Wohnungsgebers',
      '(1) Die meldepflichtige Person teilt dem Wohnungsgeber den Einzug mit; Wohnungsgeber-Verbände und Wohnungsgebern bleibt das unbenommen.',
      '(2) Meldepflichtige Personen stellen Anträge; jeder Antrag der meldepflichtigen Person ist elektronisch. // Wohnungsgeber im Kommentar',
      ...INKRAFT,
    );

    function apply(edit: WorkspaceEdit | undefined): string {
      assert.ok(edit);
      return applyEdits(text, renameEdits(edit, URI)).text;
    }

    it('prepareRename: the occurrence and the term', () => {
      const ls = open(text);
      assert.deepEqual(ls.prepareTermRename(URI, pos(text, 'Wohnungsgebers', 0, 2)), { range: rangeOf(text, 'Wohnungsgebers'), placeholder: 'Wohnungsgeber' });
    });

    it('a noun of the same inflection class: every usage keeps its ending, nothing else changes', () => {
      const ls = open(text);
      const edit = ls.renameTerm(URI, pos(text, 'Wohnungsgeber'), 'Vermieter');
      assert.ok(edit?.changes, 'no inflection needs confirming');
      const expected = text
        .replace('„Wohnungsgeber“', '„Vermieter“')
        .replaceAll('Pflichten des Wohnungsgebers', 'Pflichten des Vermieters')
        .replace('dem Wohnungsgeber den', 'dem Vermieter den')
        .replace('und Wohnungsgebern', 'und Vermietern');
      assert.equal(apply(edit), expected);
      // compounds, comments: untouched
      assert.ok(apply(edit).includes('Wohnungsgeber-Verbände') && apply(edit).includes('// Wohnungsgeber im Kommentar'));
    });

    it('adjective + noun: adjective endings and capitalisation at the start of a sentence are kept', () => {
      const ls = open(text);
      const edit = ls.renameTerm(URI, pos(text, 'meldepflichtigen Person'), 'anmeldepflichtige Person');
      const expected = text
        .replace('„meldepflichtige Person“', '„anmeldepflichtige Person“')
        .replace('Die meldepflichtige Person', 'Die anmeldepflichtige Person')
        .replace('Meldepflichtige Personen', 'Anmeldepflichtige Personen')
        .replace('der meldepflichtigen Person', 'der anmeldepflichtigen Person');
      assert.equal(apply(edit), expected);
    });

    it('umlaut plural of the same last word is carried over', () => {
      const ls = open(text);
      const edit = ls.renameTerm(URI, pos(text, 'Anträge'), 'Erstantrag');
      assert.ok(edit?.changes);
      assert.equal(apply(edit), text.replace('„Antrag“', '„Erstantrag“').replace('stellen Anträge', 'stellen Erstanträge').replace('jeder Antrag', 'jeder Erstantrag'));
    });

    it('a noun that may inflect differently: the ending is kept and the edit asks for confirmation', () => {
      const ls = open(text);
      const edit = ls.renameTerm(URI, pos(text, 'Anträge'), 'Gesuch');
      assert.ok(edit?.documentChanges && edit.changeAnnotations);
      const annotated = (edit.documentChanges[0] as { edits: (TextEdit & { annotationId?: string })[] }).edits.filter((e) => e.annotationId);
      assert.deepEqual(annotated.map((e) => e.newText), ['Gesuche']);
      assert.equal(Object.values(edit.changeAnnotations)[0].needsConfirmation, true);
      const plain = ls.renameTerm(URI, pos(text, 'Anträge'), 'Gesuch', { annotate: false });
      assert.ok(plain?.changes && !plain.documentChanges);
    });

    it('refuses a new name of another form, an invalid one, or the name of another term (German message)', () => {
      const ls = open(text);
      const at = pos(text, 'Wohnungsgeber');
      assert.throws(() => ls.renameTerm(URI, at, 'vermietende Person'), (e: unknown) => {
        assert.ok(e instanceof TermRenameError);
        assert.equal(e.message, '„vermietende Person“ hat nicht die Form des Begriffs „Wohnungsgeber“ (großgeschriebenes Substantiv); nur dann kann Norma die gebeugten Formen im Text anpassen.');
        return true;
      });
      assert.throws(() => ls.renameTerm(URI, at, 'vermieter'), TermRenameError);
      assert.throws(() => ls.renameTerm(URI, at, 'Vermieter (neu)'), /kein gültiger Begriff/);
      assert.throws(() => ls.renameTerm(URI, at, 'Antrag'), /Der Begriff „Antrag“ ist bereits in § 1 Nummer 3 bestimmt\./);
    });
  });

  describe('hooks: completion, semantic tokens, workspace symbols', () => {
    const text = law('§ 1 Begriffsbestimmungen', '„Wohnungsgeber“ im Sinne dieses Gesetzes ist der Eigentümer.', '§ 2 Pflichten', 'Der Wohn', ...INKRAFT);

    it('completion offers the terms that start with the word before the cursor', () => {
      const ls = open(text);
      const at = pos(text, 'Der Wohn', 0, 8);
      const items = ls.getCompletions(URI, at).items.filter((i) => i.label === 'Wohnungsgeber');
      assert.equal(items.length, 1);
      assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: at.line, character: 4 }, end: at });
      assert.deepEqual(ls.getTermCompletions(URI, 'xyz', { start: at, end: at }), []);
    });

    it('semantic tokens mark the definition (declaration) and the usages', () => {
      const t = law('§ 1 Begriffsbestimmungen', '„Wohnungsgeber“ im Sinne dieses Gesetzes ist der Eigentümer.', '§ 2 Pflichten', 'Der Wohnungsgeber bestätigt.', ...INKRAFT);
      const ls = open(t);
      const toks = decodeSemanticTokens(ls.getSemanticTokens(URI)).filter((x) => x.type === 'variable');
      const def = rangeOf(t, 'Wohnungsgeber', 0);
      const use = rangeOf(t, 'Wohnungsgeber', 1);
      assert.deepEqual(toks, [
        { line: def.start.line, start: def.start.character, length: 13, type: 'variable', modifiers: ['declaration'] },
        { line: use.start.line, start: use.start.character, length: 13, type: 'variable', modifiers: [] },
      ]);
    });

    it('workspace symbols list the definitions', () => {
      const ls = open(text);
      const hit = ls.getWorkspaceSymbols('Wohnungsgeber').find((s) => s.name === 'Wohnungsgeber');
      assert.ok(hit);
      assert.deepEqual(hit.location.range, rangeOf(text, 'Wohnungsgeber'));
    });
  });

  describe('caches', () => {
    const text = law(
      '§ 1 Begriffsbestimmungen',
      '„Wohnung“ im Sinne dieses Gesetzes ist jeder Raum.',
      '§ 2 Anmeldung',
      'Wer eine Wohnung bezieht, meldet sich an.',
      '§ 3 Abmeldung',
      'Wer aus einer Wohnung auszieht, meldet sich ab.',
      ...INKRAFT,
    );

    it('an edit outside the definitions rescans only the edited block; an edit of a definition rescans all', () => {
      const ls = open(text);
      const idx = termIndex(ls.getModel(URI));
      const b3 = ls.getModel(URI).norms[2].block;
      const before = blockUsages(b3, idx.matcher, []);
      const p = pos(text, 'meldet sich an', 0, 0);
      ls.update(URI, [{ range: { start: p, end: p }, text: 'sofort ' }]);
      const idx2 = termIndex(ls.getModel(URI));
      assert.equal(idx2.matcher, idx.matcher, 'same terms, same matcher');
      assert.equal(blockUsages(b3, idx2.matcher, []), before, '§ 3 keeps its usages');
      assert.equal(idx2.usagesOf('Wohnung').length, 2);
      const d = rangeOf(text, 'jeder Raum');
      ls.update(URI, [{ range: d, text: 'jeder Raum (Unterkunft)' }]);
      const idx3 = termIndex(ls.getModel(URI));
      assert.notEqual(idx3.matcher, idx.matcher);
      assert.notEqual(blockUsages(b3, idx3.matcher, []), before);
      assert.equal(idx3.terms.size, 2);
    });
  });

  describe('samples', () => {
    for (const name of ['wohnsitzanmeldung.norma', 'wohngeld-digital.norma']) {
      it(`${name}: its terms are found and used, no H17 finding`, () => {
        const text = fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8');
        const ls = open(text);
        const idx = termIndex(ls.getModel(URI));
        assert.ok(idx.terms.size >= 6);
        for (const t of idx.terms.values()) assert.ok(idx.usagesOf(t.key).length > 0, `${t.name} unused`);
        assert.deepEqual(diags(text), []);
      });
    }

    it('wohnsitzanmeldung.norma: „meldepflichtige Person“ in every case, the bracketed „vorausgefüllter Datensatz“', () => {
      const text = fs.readFileSync(path.join(ROOT, 'samples', 'wohnsitzanmeldung.norma'), 'utf8');
      const ls = open(text);
      const forms = new Set(ls.getTermReferences(URI, pos(text, '„meldepflichtige Person“', 0, 1), false).map((l) => textOf(text, l.range)));
      assert.deepEqual([...forms].sort(), ['meldepflichtige Person', 'meldepflichtigen Person']);
      const d = ls.getTermDefinitions(URI).find((x) => x.term === 'vorausgefüllter Datensatz');
      assert.equal(d?.kind, 'klammer');
      assert.equal(d?.unit.address, '§ 9 Absatz 1');
    });
  });

  describe('the imported BGB', function () {
    this.timeout(120_000);
    const BGB = path.join(ROOT, '..', 'shared', 'corpus', 'gii-xml', 'bgb.xml');

    it('definitions and usages: built once, rebuilt warm well under 30 ms', function () {
      if (!fs.existsSync(BGB)) this.skip();
      const ls = open(importXml(fs.readFileSync(BGB, 'utf8')).text, 'file:///bgb.norma');
      const model = ls.getModel('file:///bgb.norma');
      for (const b of model.document.blocks) void b.parse;
      let t0 = process.hrtime.bigint();
      const cold = new TermIndex(model);
      cold.usagesOf('');
      const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let warm = Infinity;
      for (let i = 0; i < 5; i++) {
        t0 = process.hrtime.bigint();
        new TermIndex(model).usagesOf('');
        warm = Math.min(warm, Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const usageCount = [...cold.usages()].length;
      console.log(`      BGB terms: ${cold.terms.size} terms, ${usageCount} usages; cold ${coldMs.toFixed(1)} ms, warm best of 5 ${warm.toFixed(1)} ms`);
      assert.ok(cold.terms.size > 100, 'the BGB defines many terms in brackets');
      const ein = cold.terms.get('Einwilligung');
      assert.ok(ein && cold.usagesOf('Einwilligung').length > 50);
      assert.ok(warm < 30, `warm ${warm.toFixed(1)} ms`);
    });
  });
});
