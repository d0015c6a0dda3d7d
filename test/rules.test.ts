/**
 * Every rule of Norma: a violating text gives the diagnostic with its code at
 * the exact range with the expected message; clean text (including the tricky
 * cases of real drafts) gives none. Also severities and their configuration,
 * English messages, safe fixes, suggestions, inline suppression and
 * norma.config.json errors.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import { createLanguageService, applyEdits, RULES, type NormaDiagnostic, type Locale } from '../server/src/service/index';
import { law, inkraft, rangeOf, memFs } from './rule-helpers';

const DIR = '/entwurf';
const URI = `file://${DIR}/test.norma`;
const CONFIG_PATH = `${DIR}/norma.config.json`;

function lint(text: string, opts: { locale?: Locale; config?: string } = {}): NormaDiagnostic[] {
  const fileSystem = opts.config !== undefined ? memFs({ [CONFIG_PATH]: opts.config }) : undefined;
  const s = createLanguageService({ fileSystem, locale: opts.locale });
  s.open(URI, text);
  return s.getDiagnostics(URI);
}

function withCode(ds: NormaDiagnostic[], code: string): NormaDiagnostic[] {
  return ds.filter((d) => d.code === code);
}

function show(ds: NormaDiagnostic[]): string {
  return ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`).join('\n');
}

const SEV: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Exactly one diagnostic `code` at `where` (a range or the text it covers,
 * optionally its n-th occurrence) with `message`. Returns it.
 */
function expectAt(
  text: string,
  code: string,
  where: string | Range | [string, number],
  message: string,
  opts: { severity?: keyof typeof SEV; locale?: Locale; config?: string } = {},
): NormaDiagnostic {
  const ds = lint(text, opts);
  const range = typeof where === 'string' ? rangeOf(text, where) : Array.isArray(where) ? rangeOf(text, where[0], where[1]) : where;
  const at = withCode(ds, code).filter((d) => JSON.stringify(d.range) === JSON.stringify(range) && d.message === message);
  assert.equal(at.length, 1, `expected one ${code} at ${JSON.stringify(range)}: ${message}\ngot:\n${show(ds)}`);
  if (opts.severity) assert.equal(at[0].severity, SEV[opts.severity], `severity of ${code}`);
  return at[0];
}

function expectNone(text: string, code: string, opts: { config?: string } = {}): void {
  const ds = withCode(lint(text, opts), code);
  assert.equal(ds.length, 0, `expected no ${code}, got:\n${show(ds)}`);
}

function expectClean(text: string): void {
  const ds = lint(text);
  assert.equal(ds.length, 0, `expected no diagnostics, got:\n${show(ds)}`);
}

/** Apply every safe fix of `code` (one pass) and return the new text. */
function fixAll(text: string, code: string): string {
  const edits = withCode(lint(text), code).flatMap((d) => d.data.fix ?? []);
  assert.ok(edits.length > 0, `no fix for ${code}`);
  return applyEdits(text, edits).text;
}

const INK2 = inkraft(2);

/** A clean two-§ draft around `text` as the body of § 1. */
function p1(...text: string[]): string {
  return law(['§ 1 Anwendungsbereich', ...text, '', INK2]);
}

// -----------------------------------------------------------------------------------------------
// One violation per rule id, with the exact range, message (de, en) and default severity.
// -----------------------------------------------------------------------------------------------

interface Violation {
  code: string;
  text: string;
  where: string | [string, number];
  de: string;
  en: string;
  severity: keyof typeof SEV;
  config?: string;
}

const VIOLATIONS: Violation[] = [
  {
    code: 'eingangsformel',
    text: law(['Der Bundestag hat das folgende Gesetz beschlossen:', '', '§ 1 Anwendungsbereich', 'Text.', '', INK2], ['ebene: land', 'land: MV']),
    where: 'Der Bundestag hat das folgende Gesetz beschlossen:',
    de: 'Eingangsformel nennt den Bundestag: ein Landesgesetz (Mecklenburg-Vorpommern) beschließt das Landesparlament – „Der Landtag hat das folgende Gesetz beschlossen:“.',
    en: 'The enacting formula names the Bundestag: a Land law (Mecklenburg-Vorpommern) is enacted by the Land parliament – "Der Landtag hat das folgende Gesetz beschlossen:".',
    severity: 'warning',
  },
  {
    code: 'landesrecht',
    text: law(['§ 1 Anwendungsbereich', 'Text.', '', INK2], ['ebene: land', 'land: MV']),
    where: 'ebene: land',
    de: 'Landesgesetz (Mecklenburg-Vorpommern): Die Regeln nach dem Handbuch der Rechtsförmlichkeit gelten wie im Bund (Annahme: die Länder folgen seiner Praxis). Entsprechend angewandt, weil Verfahren des Bundes: schriftform, unterschrift, persoenliches-erscheinen, vorlage-original, technologie, unbestimmter-begriff. In der Form des Landes geprüft: aufwand, eingangsformel. Der Kostenbericht weist die „One in, one out“-Regel der Bundesregierung nicht aus.',
    en: 'Land law (Mecklenburg-Vorpommern): the rules of the Handbuch der Rechtsförmlichkeit apply as in federal law (assumption: the Länder follow its practice). Applied as practice, being federal procedures: schriftform, unterschrift, persoenliches-erscheinen, vorlage-original, technologie, unbestimmter-begriff. Checked in the Land’s form: aufwand, eingangsformel. The cost report leaves out the federal government’s one-in-one-out rule.',
    severity: 'info',
  },
  {
    code: 'syntax',
    text: law(['§ 1 Anwendungsbereich', '(1) Es gilt:', '  aa) für alle,', '', INK2]),
    where: 'aa)',
    de: 'Doppelbuchstabe „aa)“ ohne übergeordneten Buchstaben (a), b), …); die Zeile wird als Text gelesen.',
    en: 'Doppelbuchstabe "aa)" without an enclosing Buchstabe (a), b), …); the line is read as text.',
    severity: 'error',
  },
  {
    code: 'frontmatter',
    text: law(['§ 1 Anwendungsbereich', 'Text.', '', INK2], ['fasung: entwurf']),
    where: 'fasung',
    de: 'Unbekannter Schlüssel „fasung“ im Vorspann – meinten Sie „fassung“? Erlaubt: titel, kurztitel, abkuerzung, typ, fassung, stand, ausfertigung, fundstelle, aenderungsstand, ressort, ebene, land, eli, quelle.',
    en: 'Unknown front-matter key "fasung" – did you mean "fassung"? Allowed: titel, kurztitel, abkuerzung, typ, fassung, stand, ausfertigung, fundstelle, aenderungsstand, ressort, ebene, land, eli, quelle.',
    severity: 'error',
  },
  {
    code: 'gliederung-ebenen',
    text: law(['Abschnitt 1 Allgemeines', 'Kapitel 1 Grundsätze', '§ 1 Anwendungsbereich', 'Text.', INK2]),
    where: 'Kapitel 1',
    de: '„Kapitel 1“ steht unter „Abschnitt 1“: die Ebene Kapitel steht über der Ebene Abschnitt (Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel, Untertitel).',
    en: '"Kapitel 1" stands below "Abschnitt 1": the level Kapitel ranks above Abschnitt (Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel, Untertitel).',
    severity: 'warning',
  },
  {
    code: 'vorspann-fehlt',
    text: '§ 1 Anwendungsbereich\nText.\n\n' + INK2 + '\n',
    where: '§ 1 Anwendungsbereich',
    de: 'Der Entwurf hat keinen Vorspann (---, titel, typ, ---); Norma nimmt einen Stammgesetz-Entwurf an.',
    en: 'The draft has no front matter (---, titel, typ, ---); Norma assumes a Stammgesetz draft.',
    severity: 'info',
  },
  {
    code: 'gliederung-bezeichnung',
    text: law(['Erster Teil Allgemeines', '§ 1 Anwendungsbereich', 'Text.', 'Abschnitt 1 Pflichten', INK2]),
    where: 'Erster Teil',
    de: '„Erster Teil“: Gliederungseinheiten werden mit arabischer Zahl nach dem Einheitenwort bezeichnet – „Teil 1“.',
    en: '"Erster Teil": Gliederung units are named by the unit word followed by an Arabic number – "Teil 1".',
    severity: 'warning',
  },
  {
    code: 'gliederung-entbehrlich',
    text: law(['Abschnitt 1 Allgemeines', '§ 1 Anwendungsbereich', 'Text.', 'Abschnitt 2 Schluss', INK2]),
    where: 'Abschnitt 1',
    de: 'Gesetz mit nur 2 §§: bis etwa 20 §§ ist in der Regel keine Gliederung in Abschnitte nötig.',
    en: 'Law with only 2 §§: up to about 20 §§ usually need no Gliederung.',
    severity: 'hint',
  },
  {
    code: 'gliederung-nummerierung',
    text: law(['Abschnitt 1 Allgemeines', '§ 1 Anwendungsbereich', 'Text.', 'Abschnitt 3 Schluss', INK2]),
    where: 'Abschnitt 3',
    de: 'Abschnitt 2 fehlt: auf Abschnitt 1 folgt Abschnitt 3.',
    en: 'Abschnitt 2 is missing: Abschnitt 1 is followed by Abschnitt 3.',
    severity: 'warning',
  },
  {
    code: 'ueberschrift-fehlt',
    text: law(['§ 1', 'Text.', '', INK2]),
    where: '§ 1',
    de: '§ 1 hat keine Überschrift: jeder § erhält eine Überschrift.',
    en: '§ 1 has no heading: every § gets a heading.',
    severity: 'warning',
  },
  {
    code: 'paragraph-nummerierung',
    text: law(['§ 1 Anwendungsbereich', 'Text.', '', inkraft(3)]),
    where: '§ 3',
    de: '§ 2 fehlt: auf § 1 folgt § 3. Die Paragraphen sind lückenlos zu zählen.',
    en: '§ 2 is missing: § 1 is followed by § 3. Number the provisions without gaps.',
    severity: 'warning',
  },
  {
    code: 'buchstabenzusatz',
    text: law(['§ 1 Anwendungsbereich', 'Text.', '', '§ 1a Zweck', 'Text.', '', INK2]),
    where: '§ 1a',
    de: '§ 1a in einem neuen Stammgesetz: Buchstabenzusätze sind Einfügungen durch Änderungsgesetze vorbehalten; fortlaufend nummerieren.',
    en: '§ 1a in a new Stammgesetz: letter suffixes are reserved for insertions by amending laws; number consecutively.',
    severity: 'warning',
  },
  {
    code: 'untergliederung-nummerierung',
    text: p1('(1) Eins.', '(3) Drei.'),
    where: '(3)',
    de: 'Absatz 2 fehlt: auf Absatz 1 folgt Absatz 3.',
    en: 'Absatz 2 is missing: Absatz 1 is followed by Absatz 3.',
    severity: 'warning',
  },
  {
    code: 'abkuerzung',
    text: p1('Die Behörde entscheidet ggf. sofort.'),
    where: 'ggf.',
    de: 'Abkürzung „ggf.“ im Normtext: „gegebenenfalls“ ausschreiben.',
    en: 'Abbreviation "ggf." in the rule text: write "gegebenenfalls".',
    severity: 'warning',
  },
  {
    code: 'eigene-abkuerzung',
    text: law(['§ 1 Anwendungsbereich', 'Die Behörde vollzieht das ErprobG.', '', INK2], ['abkuerzung: ErprobG']),
    where: 'das ErprobG',
    de: 'Das Gesetz nennt sich selbst „ErprobG“: im eigenen Text heißt es „dieses Gesetz“.',
    en: 'The law refers to itself as "ErprobG": within its own text write "dieses Gesetz".',
    severity: 'warning',
  },
  {
    code: 'bereich-strich',
    text: p1('Die §§ 8 – 12 gelten entsprechend.'),
    where: '§§ 8 – 12',
    de: 'Bereich mit Strich „§§ 8 – 12“: Bereiche werden mit „bis“ angegeben – „§§ 8 bis 12“.',
    en: 'Range with a dash "§§ 8 – 12": ranges are written with "bis" – "§§ 8 bis 12".',
    severity: 'warning',
  },
  {
    code: 'anfuehrungszeichen',
    text: p1('Der Begriff "Behörde" umfasst auch Beliehene.'),
    where: '"Behörde"',
    de: 'Gerade Anführungszeichen "…": im Normtext stehen deutsche Anführungszeichen „…“.',
    en: 'Straight quotes "…": rule text uses German quotation marks „…“.',
    severity: 'warning',
  },
  {
    code: 'inkrafttreten',
    text: law(['§ 1 Anwendungsbereich', 'Text.', '', '§ 2 Zuständigkeit', 'Text.']),
    where: '§ 2',
    de: 'Keine Inkrafttretensregelung: der letzte § regelt das Inkrafttreten.',
    en: 'No commencement provision: the last § governs the entry into force.',
    severity: 'warning',
  },
  {
    code: 'leere-einheit',
    text: law(['§ 1 Anwendungsbereich', '', INK2]),
    where: '§ 1',
    de: '§ 1 hat keinen Inhalt.',
    en: '§ 1 has no content.',
    severity: 'warning',
  },
  {
    code: 'unterdrueckung',
    text: p1('// norma-disable-next-line abkuerzng', 'Die Behörde entscheidet ggf. sofort.'),
    where: '// norma-disable-next-line abkuerzng',
    de: 'Unbekannter Regelcode „abkuerzng“ in norma-disable-next-line – meinten Sie „abkuerzung“?',
    en: 'Unknown rule code "abkuerzng" in norma-disable-next-line – did you mean "abkuerzung"?',
    severity: 'warning',
  },
  // --- compliance cost and Digitalcheck (issue 5) ---
  {
    code: 'aufwand',
    text: p1('Text.', '@aufwand Meldung', '  adressat: buerger', '  fallzahl: viele', '  zeit: 5 min'),
    where: 'viele',
    de: '„viele“ ist keine Zahl im deutschen Format (z. B. „4.800.000“, „4 800 000“ oder „1,2 Mio.“).',
    en: '"viele" is not a number in German format (e.g. "4.800.000", "4 800 000" or "1,2 Mio.").',
    severity: 'error',
  },
  {
    code: 'schriftform',
    text: p1('Der Antrag ist schriftlich zu stellen.'),
    where: 'schriftlich',
    de: '„schriftlich“ verlangt Papier oder eine qualifizierte elektronische Signatur: prüfen, ob die Textform (§ 126b BGB) genügt oder „elektronisch“ zugelassen werden kann; bleibt es bei der Schriftform, erlaubt § 3a Absatz 2 VwVfG den elektronischen Ersatz (Digitalcheck-Prinzip 1 „Digitale Angebote für alle nutzbar gestalten“).',
    en: '"schriftlich" requires paper or a qualified electronic signature: check whether text form (§ 126b BGB) suffices or "elektronisch" can be allowed; if written form must stay, § 3a Absatz 2 VwVfG allows electronic replacement (Digitalcheck principle 1 „Digitale Angebote für alle nutzbar gestalten“).',
    severity: 'warning',
  },
  {
    code: 'unterschrift',
    text: p1('Der Antrag ist eigenhändig zu unterschreiben.'),
    where: 'eigenhändig zu unterschreiben',
    de: '„eigenhändig zu unterschreiben“ verlangt eine Unterschrift auf Papier: prüfen, ob die Textform, eine elektronische Identifizierung oder eine elektronische Signatur genügt (Digitalcheck-Prinzip 1 „Digitale Angebote für alle nutzbar gestalten“).',
    en: '"eigenhändig zu unterschreiben" requires a handwritten signature on paper: check whether text form, electronic identification or an electronic signature suffices (Digitalcheck principle 1 „Digitale Angebote für alle nutzbar gestalten“).',
    severity: 'warning',
  },
  {
    code: 'persoenliches-erscheinen',
    text: p1('Der Antragsteller hat persönlich zu erscheinen.'),
    where: 'persönlich zu erscheinen',
    de: '„persönlich zu erscheinen“ verlangt einen Behördengang: ein Online-Verfahren ermöglichen. Der Leitfaden Erfüllungsaufwand setzt dafür je Fall Wegezeit und Wegekosten an, im Durchschnitt 20 Minuten und 2,60 Euro; in @aufwand mit „wege:“ erfassen (Digitalcheck-Prinzip 1 „Digitale Angebote für alle nutzbar gestalten“).',
    en: '"persönlich zu erscheinen" requires a visit to an office: allow an online procedure. The Leitfaden Erfüllungsaufwand counts travel time and cost per case for it, on average 20 minutes and 2,60 euros; record them in @aufwand with "wege:" (Digitalcheck principle 1 „Digitale Angebote für alle nutzbar gestalten“).',
    severity: 'warning',
  },
  {
    code: 'vorlage-original',
    text: p1('Die Urkunde ist im Original vorzulegen.'),
    where: 'im Original',
    de: '„im Original“ verlangt Nachweise auf Papier (Once-Only): eine Pflicht zur Bereithaltung („bereitzuhalten“) oder den Abruf aus einem Register vorsehen (Digitalcheck-Prinzip 2 „Datenwiederverwendung benötigt einheitliches Recht“).',
    en: '"im Original" requires paper evidence (once only): provide a duty to keep it available ("bereitzuhalten") or retrieval from a register (Digitalcheck principle 2 „Datenwiederverwendung benötigt einheitliches Recht“).',
    severity: 'warning',
  },
  {
    code: 'technologie',
    text: p1('Der Antrag kann per Fax gestellt werden.'),
    where: 'Fax',
    de: '„Fax“ schreibt eine bestimmte Technik vor: technologieoffen formulieren, etwa „elektronisch“ oder „in einem elektronischen Format“ (Digitalcheck-Prinzip 3 „Etablierte Technologien ermöglichen effiziente Umsetzung“).',
    en: '"Fax" prescribes a particular technology: use technology-neutral wording such as "elektronisch" or "in einem elektronischen Format" (Digitalcheck principle 3 „Etablierte Technologien ermöglichen effiziente Umsetzung“).',
    severity: 'warning',
  },
  {
    code: 'unbestimmter-begriff',
    text: p1('Die Behörde entscheidet unverzüglich.'),
    where: 'unverzüglich',
    de: '„unverzüglich“ ist unbestimmt und lässt Ermessen: für eine automatisierte Ausführung (§ 35a VwVfG) den Begriff bestimmen oder eine Zahl, Frist oder Voraussetzung nennen (Digitalcheck-Prinzip 4 „Automatisierung basiert auf eindeutigen Regelungen“).',
    en: '"unverzüglich" is indeterminate and leaves discretion: for automated execution (§ 35a VwVfG) define the term or give a number, period or condition (Digitalcheck principle 4 „Automatisierung basiert auf eindeutigen Regelungen“).',
    severity: 'warning',
  },
  {
    code: 'verweis-ziel-fehlt',
    text: p1('Die §§ 2 und 7 gelten entsprechend.'),
    where: '7',
    de: '„§ 7“ gibt es nicht (nächste: § 2).',
    en: '"§ 7" does not exist (nearest: § 2).',
    severity: 'error',
  },
  {
    code: 'verweis-aufgehoben',
    text: law(['§ 1 Anwendungsbereich', '§ 2 gilt entsprechend.', '', '§ 2 (weggefallen)', '', inkraft(3)]),
    where: ['§ 2', 0],
    de: '„§ 2“ verweist auf eine weggefallene Vorschrift.',
    en: '"§ 2" refers to a repealed provision.',
    severity: 'warning',
  },
  {
    code: 'verweis-kette',
    text: law(['§ 1 Anwendungsbereich', 'Für Vereine gilt § 2 entsprechend.', '', '§ 2 Stiftungen', 'Für Stiftungen gilt § 3 entsprechend.', '', '§ 3 Verfahren', 'Die Behörde prüft den Antrag.', '', inkraft(4)]),
    where: ['§ 2', 0],
    de: '„§ 2“ verweist auf § 2, und dort wird nur weiterverwiesen (§ 3): direkt auf das Ziel verweisen.',
    en: '"§ 2" refers to § 2, which only refers onwards (§ 3): refer to the final target directly.',
    severity: 'hint',
  },
  {
    code: 'zitierung-erstnennung',
    text: p1('Die Vorschriften des Bundesmeldegesetzes bleiben unberührt.'),
    where: 'Bundesmeldegesetzes',
    de: 'Erste Nennung von „Bundesmeldegesetzes“ ohne vollständiges Zitat (Datum, Fundstelle, letzte Änderung).',
    en: 'First mention of "Bundesmeldegesetzes" without a full citation (date, gazette, last amendment).',
    severity: 'hint',
  },
  {
    code: 'zitierung-fassung',
    text: p1('Das Bundesmeldegesetz vom 3. Mai 2013 (BGBl. I S. 1084) bleibt unberührt.'),
    where: 'Bundesmeldegesetz',
    de: 'Vollzitat von „Bundesmeldegesetz“ ohne Angabe, ob statisch („zuletzt durch … geändert“) oder dynamisch („in der jeweils geltenden Fassung“).',
    en: 'Full citation of "Bundesmeldegesetz" without saying whether it is static ("zuletzt durch … geändert") or dynamic ("in der jeweils geltenden Fassung").',
    severity: 'hint',
  },
  {
    code: 'begriff-doppelt',
    text: law(['§ 1 Begriffsbestimmungen', '(1) „Meldestelle“ ist die nach Landesrecht zuständige Behörde.', '(2) „Meldestelle“ ist auch die beauftragte Stelle.', '', '§ 2 Zuständigkeit', 'Die Meldestelle entscheidet.', '', inkraft(3)]),
    where: ['Meldestelle', 1],
    de: '„Meldestelle“ wird doppelt bestimmt: bereits in § 1 Absatz 1 (Zeile 6).',
    en: '"Meldestelle" is defined twice: already in § 1 Absatz 1 (line 6).',
    severity: 'warning',
  },
  {
    code: 'begriff-unbenutzt',
    text: law(['§ 1 Begriffsbestimmungen', '„Meldestelle“ ist die nach Landesrecht zuständige Behörde.', '', '§ 2 Zuständigkeit', 'Die Behörde entscheidet.', '', inkraft(3)]),
    where: 'Meldestelle',
    de: 'Der Begriff „Meldestelle“ wird bestimmt, aber nirgends verwendet.',
    en: 'The term "Meldestelle" is defined but never used.',
    severity: 'warning',
  },
  {
    code: 'begriff-vor-definition',
    text: law([
      '§ 1 Anwendungsbereich',
      'Dieses Gesetz gilt für jede Meldestelle.',
      '',
      '§ 2 Zuständigkeit',
      'Die Behörde (Meldestelle) entscheidet.',
      '',
      '§ 3 Verfahren',
      'Die Meldestelle prüft den Antrag.',
      '',
      '§ 4 Fristen',
      'Die Meldestelle entscheidet binnen eines Monats.',
      '',
      '§ 5 Form',
      'Die Meldestelle entscheidet elektronisch.',
      '',
      inkraft(6),
    ]),
    where: ['Meldestelle', 1],
    de: '„Meldestelle“ wird schon in § 1 (Zeile 6) verwendet, aber erst hier bestimmt: die Begriffsbestimmung gehört an die erste Verwendung.',
    en: '"Meldestelle" is already used in § 1 (line 6) but defined only here: the definition belongs where the term is first used.',
    severity: 'warning',
  },
];

describe('rules: one violation per rule id', () => {
  it('every rule id has a violation sample (config: see the config tests)', () => {
    // the checks against an amended law need it in the workspace: test/amend.test.ts has their violations
    const againstTarget = ['aenderung-eingangssatz', 'aenderung-zielgesetz', 'aenderung-befehl', 'aenderung-ziel-fehlt', 'aenderung-ziel-mehrdeutig', 'aenderung-text-fehlt', 'aenderung-text-mehrdeutig', 'aenderung-nummer', 'aenderung-widerspruch', 'aenderung-neufassung', 'aenderung-tiefe', 'aenderung-inhaltsuebersicht'];
    const covered = new Set([...VIOLATIONS.map((v) => v.code), 'config', ...againstTarget]);
    assert.deepEqual(
      RULES.map((r) => r.id).filter((id) => !covered.has(id)),
      [],
    );
    assert.deepEqual(
      RULES.map((r) => r.id),
      [
        'syntax',
        'frontmatter',
        'vorspann-fehlt',
        'gliederung-bezeichnung',
        'gliederung-ebenen',
        'gliederung-entbehrlich',
        'gliederung-nummerierung',
        'ueberschrift-fehlt',
        'paragraph-nummerierung',
        'buchstabenzusatz',
        'untergliederung-nummerierung',
        'abkuerzung',
        'eigene-abkuerzung',
        'bereich-strich',
        'anfuehrungszeichen',
        'inkrafttreten',
        'leere-einheit',
        'verweis-ziel-fehlt',
        'verweis-aufgehoben',
        'verweis-kette',
        'zitierung-erstnennung',
        'zitierung-fassung',
        'begriff-doppelt',
        'begriff-unbenutzt',
        'begriff-vor-definition',
        'aenderung-eingangssatz',
        'aenderung-zielgesetz',
        'aenderung-befehl',
        'aenderung-ziel-fehlt',
        'aenderung-ziel-mehrdeutig',
        'aenderung-text-fehlt',
        'aenderung-text-mehrdeutig',
        'aenderung-nummer',
        'aenderung-widerspruch',
        'aenderung-neufassung',
        'aenderung-tiefe',
        'aenderung-inhaltsuebersicht',
        'unterdrueckung',
        'config',
        'aufwand',
        'schriftform',
        'unterschrift',
        'persoenliches-erscheinen',
        'vorlage-original',
        'technologie',
        'unbestimmter-begriff',
        'eingangsformel',
        'landesrecht',
      ],
    );
  });

  for (const v of VIOLATIONS) {
    describe(v.code, () => {
      it('is reported at the exact range with the German message and its default severity', () => {
        const d = expectAt(v.text, v.code, v.where, v.de, { severity: v.severity });
        const rule = RULES.find((r) => r.id === v.code);
        assert.ok(rule);
        assert.equal(d.data.rule, v.code);
        assert.equal(d.source, rule.hdr ? `${rule.hdr} · ${rule.source}` : rule.source);
        assert.equal(d.data.hdr, rule.hdr);
      });
      it('has the English message with locale en', () => {
        expectAt(v.text, v.code, v.where, v.en, { locale: 'en' });
      });
      it('can be switched off by its rule id in norma.config.json', () => {
        expectNone(v.text, v.code, { config: JSON.stringify({ rules: { [v.code]: 'off' } }) });
      });
      it('has a safe fix only if the rule is fixable', () => {
        const rule = RULES.find((r) => r.id === v.code);
        for (const d of withCode(lint(v.text), v.code)) if (d.data.fix) assert.ok(rule?.fixable, `${v.code} is not fixable but has a fix`);
      });
    });
  }
});

// -----------------------------------------------------------------------------------------------

describe('a clean draft', () => {
  it('a complete clean draft has no diagnostics at all, tricky constructions included', () => {
    const text = law(
      [
        'Der Bundestag hat das folgende Gesetz beschlossen:',
        '',
        '§ 1 Anwendungsbereich',
        '(1) Dieses Gesetz gilt ab dem 1. Januar 2027 für Personen bis zur Vollendung des 65. Lebensjahres. Es gilt auch für Vereine.',
        '(2) Nach Nummer 1 und nach Absatz 1 Satz 2 gilt das Bundesnaturschutzgesetz vom 29. Juli 2009 (BGBl. I S. 2542), das zuletzt durch Artikel 3 des Gesetzes vom 8. Dezember 2022 (BGBl. 2024 I Nr. 245) geändert worden ist.',
        '(3) Die Verordnung (EU) Nr. 1234/2008 und die Verordnung (EU) 2016/679 bleiben unberührt.',
        '(4) Der Begriff „Behörde“ umfasst auch „Beliehene im Sinne des § 4 Abs. 2 „Satz 1“ z. B.“ nach Absatz 8 Nummer 2 Buchstabe a bis f.',
        '(5) Das Verzeichnis steht unter https://www.gesetze-im-internet.de/bgb/__823.html bereit.',
        '(6) Dies gilt für Leistungen jeder Art.',
        '(7) Es gelten § 2 und Absatz 8 Nummer 2 – soweit nichts anderes bestimmt ist – entsprechend.',
        '(8) Zuständig ist',
        '  1. der Bund,',
        '  2. das Land:',
        '    a) nach Buchstabe f.',
        '    b) für Gemeinden,',
        '    c) für Kreise,',
        '    d) für Bezirke,',
        '    e) für Verbände,',
        '    f) im Übrigen.',
        '\\1. Januar 2027 ist der Stichtag.',
        '',
        '§ 2 Begriffsbestimmungen',
        'Im Sinne dieses Gesetzes ist Behörde jede Stelle.',
        '',
        '§§ 3 bis 6 (weggefallen)',
        '',
        '§ 7 (weggefallen)',
        '',
        inkraft(8),
      ],
      ['kurztitel: Erprobungsgesetz', 'abkuerzung: ErprobG', 'stand: 2026-11-21'],
    );
    expectClean(text);
  });
});

// -----------------------------------------------------------------------------------------------

describe('syntax', () => {
  it('an Absatz marker outside a § or Artikel', () => {
    const text = law(['(1) Eingangsformel mit Absatzmarke.', '', '§ 1 Anwendungsbereich', 'Text.', '', INK2]);
    expectAt(text, 'syntax', '(1)', 'Absatzmarke „(1)“ steht außerhalb eines § oder Artikels; die Zeile wird als Text gelesen.', { severity: 'error' });
  });
  it('a § heading without a number (and no H3 finding on top of it)', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Text.', '', '§', 'Text.', '', INK2]);
    const line = text.split('\n').indexOf('§');
    expectAt(text, 'syntax', { start: { line, character: 0 }, end: { line, character: 1 } }, 'Überschrift ohne Nummer: nach „§“ oder „Artikel“ muss eine Nummer folgen (z. B. „§ 3“).');
    expectNone(text, 'ueberschrift-fehlt');
  });
  it('an Absatz marker without its closing parenthesis', () => {
    const text = p1('(1) Eins.', '(2 Zwei.');
    expectAt(text, 'syntax', '(2', 'Absatzmarke ohne schließende Klammer: „(1)“ erwartet.');
  });
  it('an annotation without a name', () => {
    const text = p1('Text.', '@ Anmeldung');
    expectAt(text, 'syntax', rangeOf(text, '@'), 'Annotation ohne Namen: nach „@“ folgt ein Name, z. B. „@aufwand“.');
  });
  it('a multi-line quotation not closed before a blank line', () => {
    const text = law(['Artikel 1 Änderung des Erprobungsgesetzes', 'Absatz 2 wird wie folgt gefasst:', '„(2) Neuer Text', '', inkraft(2, 'Artikel')], ['typ: aenderungsgesetz']);
    const blank = text.split('\n').indexOf('', 7);
    expectAt(text, 'syntax', { start: { line: blank, character: 0 }, end: { line: blank, character: 0 } }, 'Mehrzeiliges Zitat „… wird vor dieser Leerzeile nicht mit “ geschlossen.');
  });
  it('prose that starts like a heading and escaped lines are no syntax errors', () => {
    expectClean(p1('Text. Weiterer Text.', '§ 2 gilt entsprechend.', '\\§ 1 Satz 2 gilt entsprechend', '\\1. Januar 2027 ist der Stichtag.'));
  });
  it('syntax errors are never suppressed by a comment without codes', () => {
    const text = law(['§ 1 Anwendungsbereich', '(1) Es gilt:', '// norma-disable-next-line', '  aa) für alle,', '', INK2]);
    expectAt(text, 'syntax', 'aa)', 'Doppelbuchstabe „aa)“ ohne übergeordneten Buchstaben (a), b), …); die Zeile wird als Text gelesen.');
  });
});

describe('frontmatter', () => {
  const body = ['§ 1 Anwendungsbereich', 'Text.', '', INK2];
  it('an invalid enumerated value names the allowed values and has a fix', () => {
    const text = law(body, ['typ: stammgsetz']);
    const d = expectAt(text, 'frontmatter', 'stammgsetz', 'Ungültiger Wert „stammgsetz“ für „typ“. Erlaubt: stammgesetz, aenderungsgesetz, verordnung.', { severity: 'error' });
    assert.ok(d.data.fix);
    const fixed = fixAll(text, 'frontmatter');
    assert.equal(fixed, law(body, ['typ: stammgesetz']));
    expectNone(fixed, 'frontmatter');
  });
  it('an unknown key close to a known one is fixed to that key', () => {
    const text = law(body, ['fasung: entwurf']);
    const fixed = fixAll(text, 'frontmatter');
    assert.equal(fixed, law(body, ['fassung: entwurf']));
    expectNone(fixed, 'frontmatter');
  });
  it('an unknown key far from every known key lists the allowed keys', () => {
    expectAt(
      law(body, ['farbe: blau']),
      'frontmatter',
      'farbe',
      'Unbekannter Schlüssel „farbe“ im Vorspann. Erlaubt: titel, kurztitel, abkuerzung, typ, fassung, stand, ausfertigung, fundstelle, aenderungsstand, ressort, ebene, land, eli, quelle.',
    );
  });
  it('a bad date, a duplicate key and a malformed line, each at its own line', () => {
    const text = ['---', 'titel: Erprobungsgesetz', 'typ: stammgesetz', 'stand: 2024-1-1', 'typ: verordnung', 'nur Text', '---', ...body, ''].join('\n');
    expectAt(text, 'frontmatter', '2024-1-1', 'Ungültiger Wert „2024-1-1“ für „stand“. Erlaubt: JJJJ-MM-TT.');
    expectAt(text, 'frontmatter', rangeOf(text, 'typ', 1), 'Schlüssel „typ“ steht doppelt im Vorspann (zuerst in Zeile 3).');
    expectAt(text, 'frontmatter', 'nur Text', 'Vorspann-Zeile „nur Text“ hat nicht die Form „schlüssel: wert“.');
  });
  it('missing required keys, a missing land and an unclosed front matter are reported at the opening ---', () => {
    const open = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const text = '---\nebene: land\n§ 1 Anwendungsbereich\nText.\n\n' + INK2 + '\n';
    expectAt(text, 'frontmatter', open, 'Der Vorspann wird nicht mit „---“ geschlossen.');
    expectAt(text, 'frontmatter', open, 'Pflichtangabe „titel“ fehlt im Vorspann.');
    expectAt(text, 'frontmatter', open, 'Pflichtangabe „typ“ fehlt im Vorspann.');
    expectAt(text, 'frontmatter', open, 'Bei „ebene: land“ ist „land“ anzugeben (BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH).');
  });
  it('a complete valid front matter (quoted values, comments) is clean; a Land law gets only the note of rule landesrecht', () => {
    const ds = lint(
      law(body, [
        '# Entwurf des Referats',
        'kurztitel: "Erprobungsgesetz"',
        'abkuerzung: ErprobG',
        'fassung: entwurf',
        'stand: 2026-11-21',
        'ebene: land',
        'land: BY',
        'ressort: StMI',
      ]),
    );
    assert.deepEqual(
      ds.map((d) => d.code),
      ['landesrecht'],
      show(ds),
    );
  });
});

describe('vorspann-fehlt', () => {
  it('offers the front matter as a suggestion (not as a safe fix); applied, the draft is clean', () => {
    const text = '§ 1 Anwendungsbereich\nText.\n\n' + INK2 + '\n';
    const d = withCode(lint(text), 'vorspann-fehlt')[0];
    assert.equal(d.data.fix, undefined);
    assert.equal(d.data.suggestions?.length, 1);
    assert.equal(d.data.suggestions?.[0].title, 'Vorspann einfügen');
    const fixed = applyEdits(text, d.data.suggestions?.[0].edits ?? []).text;
    assert.equal(fixed, '---\ntitel: Titel des Gesetzes\ntyp: stammgesetz\n---\n' + text);
    expectClean(fixed);
  });
  it('a draft with front matter has none', () => {
    expectNone(p1('Text.'), 'vorspann-fehlt');
  });
});

describe('gliederung-bezeichnung (H2)', () => {
  it('Roman numbers after the unit word are fixed to Arabic ones', () => {
    const text = law(['Teil 1 Allgemeines', 'Kapitel IV Verfahren', '§ 1 Anwendungsbereich', 'Text.', 'Teil 2 Schluss', INK2]);
    expectAt(text, 'gliederung-bezeichnung', 'Kapitel IV', '„Kapitel IV“: Gliederungseinheiten werden mit arabischer Zahl nach dem Einheitenwort bezeichnet – „Kapitel 4“.');
    assert.equal(fixAll(text, 'gliederung-bezeichnung'), text.replace('Kapitel IV', 'Kapitel 4'));
  });
  it('ordinals are fixed: „Zweiter Teil“ → „Teil 2“, and the fixed text has no finding', () => {
    const text = law(['Erster Teil Allgemeines', '§ 1 Anwendungsbereich', 'Text.', 'Zweiter Teil Schluss', 'Abschnitt 1 Inkrafttreten', INK2]);
    const fixed = fixAll(text, 'gliederung-bezeichnung');
    assert.equal(fixed, text.replace('Erster Teil', 'Teil 1').replace('Zweiter Teil', 'Teil 2'));
    expectNone(fixed, 'gliederung-bezeichnung');
  });
  it('a bare Roman number (as in the GG) has no unit word and no fix', () => {
    const text = law(['I. Allgemeines', '§ 1 Anwendungsbereich', 'Text.', 'II. Schluss', INK2]);
    const d = expectAt(text, 'gliederung-bezeichnung', 'II.', '„II.“: Gliederungseinheit ohne Einheitenwort; üblich ist „Abschnitt 2“.');
    assert.equal(d.data.fix, undefined);
  });
  it('a single level that is not „Abschnitt“ is an info', () => {
    const text = law(['Teil 1 Allgemeines', '§ 1 Anwendungsbereich', 'Text.', 'Teil 2 Schluss', INK2]);
    expectAt(text, 'gliederung-bezeichnung', 'Teil 1', 'Nur eine Gliederungsebene: dafür ist „Abschnitt“ vorgesehen, nicht „Teil“.', { severity: 'info' });
  });
  it('„Abschnitt 1“ … with Arabic numbers is clean; imported laws are not checked', () => {
    expectNone(law(['Abschnitt 1 Allgemeines', '§ 1 Anwendungsbereich', 'Text.', 'Abschnitt 2 Schluss', INK2]), 'gliederung-bezeichnung');
    const gg = ['I. Die Grundrechte', 'Artikel 1', 'Die Würde des Menschen ist unantastbar.', 'Zweiter Teil Schluss', 'Artikel 2', 'Text.'];
    expectNone(law(gg, ['fassung: konsolidiert']), 'gliederung-bezeichnung');
    expectNone(law(gg, ['fassung: verkuendet']), 'gliederung-bezeichnung');
  });
});

describe('gliederung-entbehrlich (H2)', () => {
  const norms = (n: number): string[] => {
    const out: string[] = [];
    for (let i = 1; i < n; i++) out.push(`§ ${i} Vorschrift ${i}`, 'Text.');
    out.push(inkraft(n));
    return out;
  };
  it('20 §§ with Abschnitte, or fewer §§ without, are fine; imported laws are not checked', () => {
    expectNone(law(['Abschnitt 1 Allgemeines', ...norms(20)]), 'gliederung-entbehrlich');
    expectNone(law(norms(5)), 'gliederung-entbehrlich');
    expectNone(law(['Abschnitt 1 Allgemeines', ...norms(3)], ['fassung: konsolidiert']), 'gliederung-entbehrlich');
  });
  it('19 §§ with Abschnitte get the hint', () => {
    expectAt(law(['Abschnitt 1 Allgemeines', ...norms(19)]), 'gliederung-entbehrlich', 'Abschnitt 1', 'Gesetz mit nur 19 §§: bis etwa 20 §§ ist in der Regel keine Gliederung in Abschnitte nötig.', { severity: 'hint' });
  });
});

describe('gliederung-nummerierung (H2)', () => {
  const g = (...heads: string[]): string => {
    const body: string[] = [];
    heads.forEach((h, i) => body.push(h, i === heads.length - 1 ? inkraft(i + 1) : `§ ${i + 1} Vorschrift\nText.`));
    return law(body);
  };
  it('numbering restarts under each parent unit', () => {
    expectNone(g('Teil 1 Allgemeines', 'Abschnitt 1 Eins', 'Abschnitt 2 Zwei', 'Teil 2 Besonderes', 'Abschnitt 1 Eins', 'Abschnitt 2 Zwei'), 'gliederung-nummerierung');
  });
  it('a restart that does not begin with 1', () => {
    const text = g('Teil 1 Allgemeines', 'Abschnitt 1 Eins', 'Teil 2 Besonderes', 'Abschnitt 2 Zwei');
    expectAt(text, 'gliederung-nummerierung', rangeOf(text, 'Abschnitt 2'), 'Die Zählung der Einheit „Abschnitt“ beginnt mit 2 statt mit 1.');
  });
  it('duplicates are errors, wrong order and gaps warnings', () => {
    const text = g('Abschnitt 1 Eins', 'Abschnitt 3 Drei', 'Abschnitt 3 Noch drei', 'Abschnitt 2 Zwei');
    // Abschnitt 2 comes later: out of order, not missing
    const swapped = withCode(lint(g('Abschnitt 1 Eins', 'Abschnitt 3 Drei', 'Abschnitt 2 Zwei')), 'gliederung-nummerierung');
    assert.deepEqual(swapped.map((d) => d.message), ['Abschnitt 2 steht nach Abschnitt 3: falsche Reihenfolge.']);
    expectAt(g('Abschnitt 1 Eins', 'Abschnitt 3 Drei'), 'gliederung-nummerierung', 'Abschnitt 3', 'Abschnitt 2 fehlt: auf Abschnitt 1 folgt Abschnitt 3.', { severity: 'warning' });
    expectAt(text, 'gliederung-nummerierung', ['Abschnitt 3', 1], 'Abschnitt 3 ist doppelt vergeben.', { severity: 'error' });
    expectAt(text, 'gliederung-nummerierung', 'Abschnitt 2', 'Abschnitt 2 steht nach Abschnitt 3: falsche Reihenfolge.', { severity: 'warning' });
  });
});

describe('ueberschrift-fehlt (H3)', () => {
  it('an Artikel without a heading', () => {
    const text = law(['Artikel 1 Änderung des Erprobungsgesetzes', 'Text.', '', 'Artikel 2', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.'], ['typ: aenderungsgesetz']);
    expectAt(text, 'ueberschrift-fehlt', 'Artikel 2', 'Artikel 2 hat keine Überschrift: jeder Artikel erhält eine Überschrift.');
  });
  it('a Gliederung unit without a title (the next line is a heading)', () => {
    const text = law(['Abschnitt 1', '§ 1 Anwendungsbereich', 'Text.', INK2]);
    expectAt(text, 'ueberschrift-fehlt', 'Abschnitt 1', 'Abschnitt 1 hat keine Überschrift.');
  });
  it('a title on the line after the Gliederung word, repealed §§ and ranges are fine', () => {
    expectNone(law(['Abschnitt 1', 'Allgemeine Vorschriften', '§ 1 Anwendungsbereich', 'Text.', '§ 2 (weggefallen)', '§§ 3 bis 4 (weggefallen)', inkraft(5)]), 'ueberschrift-fehlt');
  });
});

describe('paragraph-nummerierung (H4)', () => {
  it('a gap of several §§', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Text.', '', inkraft(5)]);
    expectAt(text, 'paragraph-nummerierung', '§ 5', '§§ 2 bis 4 fehlen: auf § 1 folgt § 5. Die Paragraphen sind lückenlos zu zählen.');
  });
  it('a duplicate is an error and names the line of the first one', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Text.', '§ 1 Zweck', 'Text.', INK2]);
    expectAt(text, 'paragraph-nummerierung', rangeOf(text, '§ 1', 1), '§ 1 ist doppelt vergeben (zuerst in Zeile 5).', { severity: 'error' });
  });
  it('wrong order and a start other than 1', () => {
    const text = law(['§ 2 Anwendungsbereich', 'Text.', '§ 4 Zweck', 'Text.', '§ 3 Ziel', 'Text.', inkraft(5)]);
    expectAt(text, 'paragraph-nummerierung', '§ 2', 'Die Zählung beginnt mit § 2 statt mit § 1.');
    expectAt(text, 'paragraph-nummerierung', '§ 3', '§ 3 steht nach § 4: falsche Reihenfolge.');
  });
  it('a range „§§ 3 bis 6 (weggefallen)“ closes the gap; a § with a letter suffix is an insertion, not a gap', () => {
    expectNone(law(['§ 1 Anwendungsbereich', 'Text.', '§ 2 Zweck', 'Text.', '§§ 3 bis 6 (weggefallen)', '§ 7 Ziel', 'Text.', inkraft(8)]), 'paragraph-nummerierung');
    expectNone(law(['§ 1 Anwendungsbereich', 'Text.', '§ 2 Zweck', 'Text.', '§§ 3 und 4 (weggefallen)', '§ 5 Ziel', 'Text.', inkraft(6)]), 'paragraph-nummerierung');
    expectNone(law(['§ 1 Anwendungsbereich', 'Text.', '§ 1a Zweck', 'Text.', INK2], ['fassung: konsolidiert']), 'paragraph-nummerierung');
  });
  it('Artikel are counted on their own', () => {
    const text = law(['Artikel 1 Änderung des Erprobungsgesetzes', 'Text.', inkraft(3, 'Artikel')], ['typ: aenderungsgesetz']);
    expectAt(text, 'paragraph-nummerierung', 'Artikel 3', 'Artikel 2 fehlt: auf Artikel 1 folgt Artikel 3. Die Artikel sind lückenlos zu zählen.');
  });
});

describe('buchstabenzusatz (H4)', () => {
  const body = ['§ 1 Anwendungsbereich', '(1) Eins.', '(1a) Eins a.', '(2) Zwei:', '  1. eins,', '  1a. eins a,', '  2. zwei.', '', '§ 1a Zweck', 'Text.', '', INK2];
  it('letter suffixes of §§, Absätze and Nummern in a new Stammgesetz and Verordnung', () => {
    const text = law(body);
    expectAt(text, 'buchstabenzusatz', '(1a)', 'Absatz 1a in einem neuen Stammgesetz: Buchstabenzusätze sind Einfügungen durch Änderungsgesetze vorbehalten; fortlaufend nummerieren.');
    expectAt(text, 'buchstabenzusatz', '1a.', 'Nummer 1a in einem neuen Stammgesetz: Buchstabenzusätze sind Einfügungen durch Änderungsgesetze vorbehalten; fortlaufend nummerieren.');
    expectAt(law(body, ['typ: verordnung']), 'buchstabenzusatz', '§ 1a', '§ 1a in einer neuen Verordnung: Buchstabenzusätze sind Einfügungen durch Änderungsgesetze vorbehalten; fortlaufend nummerieren.');
  });
  it('allowed in imported laws (fassung konsolidiert, verkuendet)', () => {
    expectNone(law(body, ['fassung: konsolidiert']), 'buchstabenzusatz');
    expectNone(law(body, ['fassung: verkuendet']), 'buchstabenzusatz');
  });
  const amending = ['Artikel 1 Änderung des Erprobungsgesetzes', 'Nach § 3 wird der folgende § 3a eingefügt:', '„§ 3a Zweck', '(1) Text.“', '', 'Artikel 1a Weitere Änderung', 'Text.', '', inkraft(2, 'Artikel')];
  it('an amending law inserts § 3a in quotes, but its own Artikel are counted without suffixes', () => {
    const text = law(amending, ['typ: aenderungsgesetz']);
    expectAt(text, 'buchstabenzusatz', 'Artikel 1a', 'Artikel 1a: Die Artikel eines Änderungsgesetzes werden fortlaufend gezählt; Buchstabenzusätze gibt es nur für Einfügungen in das geänderte Gesetz.');
    assert.equal(withCode(lint(text), 'buchstabenzusatz').length, 1);
    expectNone(law(amending, ['typ: aenderungsgesetz', 'fassung: verkuendet']), 'buchstabenzusatz');
  });
});

describe('untergliederung-nummerierung (H4)', () => {
  it('Nummern: gap, duplicate (error) and order name the units, not their markers', () => {
    const text = p1('(1) Es gilt:', '  1. eins,', '  3. drei,', '  3. drei,', '  2. zwei.');
    // Nummer 2 comes later: out of order, not missing
    expectAt(p1('(1) Es gilt:', '  1. eins,', '  3. drei.'), 'untergliederung-nummerierung', '3.', 'Nummer 2 fehlt: auf Nummer 1 folgt Nummer 3.');
    expectAt(text, 'untergliederung-nummerierung', ['3.', 1], 'Nummer 3 ist in § 1 Absatz 1 doppelt vergeben.', { severity: 'error' });
    expectAt(text, 'untergliederung-nummerierung', '2.', 'Nummer 2 steht nach Nummer 3: falsche Reihenfolge.');
  });
  it('Buchstaben and Doppelbuchstaben; Absätze that start at (2)', () => {
    const text = p1('(2) Es gilt:', '  a) erstens,', '  c) drittens:', '    aa) x,', '    cc) y.');
    expectAt(text, 'untergliederung-nummerierung', '(2)', 'Die Zählung beginnt mit „(2)“ statt mit „(1)“.');
    expectAt(text, 'untergliederung-nummerierung', 'c)', 'Buchstabe b fehlt: auf Buchstabe a folgt Buchstabe c.');
    expectAt(text, 'untergliederung-nummerierung', 'cc)', 'Doppelbuchstabe bb fehlt: auf Doppelbuchstabe aa folgt Doppelbuchstabe cc.');
  });
  it('lists restart in every Absatz and below every item; insertions (1a) are no gap', () => {
    expectNone(
      p1('(1) Es gilt:', '  1. eins:', '    a) x,', '    b) y,', '  2. zwei:', '    a) x,', '    b) y.', '(1a) Eingefügt:', '  1. eins,', '  2. zwei.', '(2) Nach Nummer 1 gilt Absatz 1.'),
      'untergliederung-nummerierung',
    );
  });
});

describe('abkuerzung (H6)', () => {
  it('the HdR example: each abbreviation at its range, with its fix', () => {
    const line = 'Es gilt § 5 Abs. 2 S. 1 Nr. 3 lit. a, z. B. i. V. m. Art. 3.';
    const text = p1(line);
    const expected: [string, string][] = [
      ['Abs.', 'Absatz'],
      ['S.', 'Satz'],
      ['Nr.', 'Nummer'],
      ['lit.', 'Buchstabe'],
      ['z. B.', 'zum Beispiel'],
      ['i. V. m.', 'in Verbindung mit'],
      ['Art.', 'Artikel'],
    ];
    for (const [abk, voll] of expected) {
      const d = expectAt(text, 'abkuerzung', abk, `Abkürzung „${abk}“ im Normtext: „${voll}“ ausschreiben.`);
      assert.deepEqual(d.data.fix, [{ range: rangeOf(text, abk), newText: voll }]);
    }
    assert.equal(withCode(lint(text), 'abkuerzung').length, expected.length);
    const fixed = fixAll(text, 'abkuerzung');
    assert.equal(fixed, p1('Es gilt § 5 Absatz 2 Satz 1 Nummer 3 Buchstabe a, zum Beispiel in Verbindung mit Artikel 3.'));
    expectNone(fixed, 'abkuerzung');
  });
  it('abbreviations without a safe replacement name what to write', () => {
    const text = p1('Die §§ 5 ff. und § 7 f. sowie die o. g. Stellen, sog. Beliehene.');
    expectAt(text, 'abkuerzung', 'ff.', 'Abkürzung „ff.“ im Normtext: ausschreiben (Endnummer angeben: „die §§ 5 bis 8“).');
    expectAt(text, 'abkuerzung', ['f.', 1], 'Abkürzung „f.“ im Normtext: ausschreiben („die §§ 5 und 6“).');
    expectAt(text, 'abkuerzung', 'o. g.', 'Abkürzung „o. g.“ im Normtext: ausschreiben („oben genannt“, passend gebeugt).');
    expectAt(text, 'abkuerzung', 'sog.', 'Abkürzung „sog.“ im Normtext: ausschreiben („sogenannt“, passend gebeugt).');
    const ds = withCode(lint(text), 'abkuerzung');
    assert.equal(ds.length, 4);
    for (const d of ds) assert.equal(d.data.fix, undefined);
  });
  it('„f.“ after a number, but not „Buchstabe f.“ at the end of a sentence', () => {
    const text = p1('Es gilt § 7 f. entsprechend.', 'Es gilt Nummer 1 Buchstabe f.');
    const ds = withCode(lint(text), 'abkuerzung');
    assert.equal(ds.length, 1, show(ds));
    assert.deepEqual(ds[0].range, rangeOf(text, 'f.'));
    assert.equal(ds[0].message, 'Abkürzung „f.“ im Normtext: ausschreiben („die §§ 5 und 6“).');
  });
  it('in headings, table cells and Gliederung titles too', () => {
    const text = law(['Abschnitt 1 Allgemeines bzw. Besonderes', '§ 1 Zuständigkeit gem. Absatz 2', '| Vorgang | ca. 5 Minuten |', '', INK2]);
    expectAt(text, 'abkuerzung', 'bzw.', 'Abkürzung „bzw.“ im Normtext: „beziehungsweise“ ausschreiben.');
    expectAt(text, 'abkuerzung', 'gem.', 'Abkürzung „gem.“ im Normtext: „gemäß“ ausschreiben.');
    expectAt(text, 'abkuerzung', 'ca.', 'Abkürzung „ca.“ im Normtext: „etwa“ ausschreiben.');
  });
  it('no finding in citations of gazettes and EU acts, dates, ordinals, URLs, quoted text or comments', () => {
    const clean = [
      'Es gilt das Gesetz vom 29. Juli 2009 (BGBl. I S. 2542).',
      'Es gilt das Gesetz vom 8. Dezember 2024 (BGBl. 2024 I Nr. 245).',
      'Es gilt die Verordnung (EU) Nr. 1234/2008 des Rates.',
      'Es gilt ab dem 1. Januar 2027 bis zur Vollendung des 65. Lebensjahres.',
      'Das Wort „ggf.“ wird durch das Wort „gegebenenfalls“ ersetzt.',
      'In § 4 werden die Wörter „z. B. nach Abs. 2“ gestrichen.',
      'Siehe https://www.gesetze-im-internet.de/bgb/__823.html zum Vergleich.',
      'Es gilt nach Nummer 1 Buchstabe f.',
      'Dies gilt für Leistungen jeder Art.',
      'Es gilt Absatz 1. // Entwurf: ggf. streichen',
    ];
    expectNone(p1(...clean), 'abkuerzung');
  });
  it('a multi-line quoted structure is the wording of another law and not checked', () => {
    const text = law(
      ['Artikel 1 Änderung des Erprobungsgesetzes', 'Das Erprobungsgesetz wird wie folgt geändert:', '1. § 3 wird wie folgt gefasst:', '  „§ 3 Zuständigkeit', '  (1) Zuständig ist z. B. die Behörde.', '  (2) Das gilt ggf. auch.“', '', inkraft(2, 'Artikel')],
      ['typ: aenderungsgesetz'],
    );
    expectNone(text, 'abkuerzung');
  });
  it('the rest of a line after an URL is still checked (https:// starts no comment)', () => {
    const text = p1('Siehe https://example.org/ ggf. weiter.');
    expectAt(text, 'abkuerzung', 'ggf.', 'Abkürzung „ggf.“ im Normtext: „gegebenenfalls“ ausschreiben.');
  });
  it('abbreviations added to the table: i. H. v., z. T., i. Ü., Alt., UAbs., bzgl., inkl., ggfs., zzt. (safe fixes)', () => {
    const text = p1('Es gilt i. H. v. 5 Euro, z. T. und i. Ü. nach Satz 2 Alt. 1 und UAbs. 2 bzgl. der Kosten inkl. Auslagen ggfs. zzt. sofort.');
    const fixed = fixAll(text, 'abkuerzung');
    assert.equal(fixed, p1('Es gilt in Höhe von 5 Euro, zum Teil und im Übrigen nach Satz 2 Alternative 1 und Unterabsatz 2 bezüglich der Kosten einschließlich Auslagen gegebenenfalls zurzeit sofort.'));
    expectNone(fixed, 'abkuerzung');
  });
  it('abbreviations added to the table without a safe fix: a. F., n. F., Ziff., u. Ä., o. Ä.', () => {
    const text = p1('Es gilt § 5 a. F. und § 6 n. F., Ziff. 3, Kosten u. Ä. und Gebühren o. ä.');
    expectAt(text, 'abkuerzung', 'a. F.', 'Abkürzung „a. F.“ im Normtext: ausschreiben („in der bis zum … geltenden Fassung“).');
    expectAt(text, 'abkuerzung', 'n. F.', 'Abkürzung „n. F.“ im Normtext: ausschreiben („in der ab dem … geltenden Fassung“).');
    expectAt(text, 'abkuerzung', 'Ziff.', 'Abkürzung „Ziff.“ im Normtext: ausschreiben („Nummer“: der Absatz wird in Nummern untergliedert).');
    expectAt(text, 'abkuerzung', 'u. Ä.', 'Abkürzung „u. Ä.“ im Normtext: ausschreiben („und Ähnliches“, passend gebeugt, oder abschließend aufzählen).');
    expectAt(text, 'abkuerzung', 'o. ä.', 'Abkürzung „o. ä.“ im Normtext: ausschreiben („oder Ähnliches“, passend gebeugt, oder abschließend aufzählen).');
    for (const d of withCode(lint(text), 'abkuerzung')) assert.equal(d.data.fix, undefined);
  });
  it('„Alt.“ only after a number, „Art.“ only before one', () => {
    expectNone(p1('Das Gebäude ist Alt. Neubauten gelten nicht als Art.'), 'abkuerzung');
  });
});

describe('eigene-abkuerzung (H6)', () => {
  const fm = ['kurztitel: Erprobungsgesetz', 'abkuerzung: ErprobG'];
  it('short title and abbreviation with their article are replaced by „dieses Gesetz“ in the right case', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Die Behörde handelt nach dem ErprobG und nach dem Erprobungsgesetz.', 'Die Ziele des Erprobungsgesetzes und das ErprobG gelten; dem Erprobungsgesetz gilt Vorrang.', '', INK2], fm);
    expectAt(text, 'eigene-abkuerzung', 'nach dem ErprobG', 'Das Gesetz nennt sich selbst „ErprobG“: im eigenen Text heißt es „dieses Gesetz“.');
    expectAt(text, 'eigene-abkuerzung', 'des Erprobungsgesetzes', 'Das Gesetz nennt sich selbst „Erprobungsgesetzes“: im eigenen Text heißt es „dieses Gesetz“.');
    const fixed = fixAll(text, 'eigene-abkuerzung');
    assert.equal(
      fixed,
      law(['§ 1 Anwendungsbereich', 'Die Behörde handelt nach diesem Gesetz und nach diesem Gesetz.', 'Die Ziele dieses Gesetzes und dieses Gesetz gelten; diesem Gesetz gilt Vorrang.', '', INK2], fm),
    );
    expectNone(fixed, 'eigene-abkuerzung');
  });
  it('an article at the start of a sentence keeps its capital letter', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Das ErprobG gilt. Nach dem Erprobungsgesetz wird verfahren.', '', INK2], fm);
    expectAt(text, 'eigene-abkuerzung', 'Das ErprobG', 'Das Gesetz nennt sich selbst „ErprobG“: im eigenen Text heißt es „dieses Gesetz“.');
    assert.equal(fixAll(text, 'eigene-abkuerzung'), law(['§ 1 Anwendungsbereich', 'Dieses Gesetz gilt. Nach diesem Gesetz wird verfahren.', '', INK2], fm));
  });
  it('the name without an article is reported without a fix', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Für Zwecke im Sinne ErprobG gilt dies.', '', INK2], fm);
    const d = expectAt(text, 'eigene-abkuerzung', ['ErprobG', 1], 'Das Gesetz nennt sich selbst „ErprobG“: im eigenen Text heißt es „dieses Gesetz“.');
    assert.equal(d.data.fix, undefined);
  });
  it('a Verordnung: feminine articles and „diese Verordnung“', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Nach der ErprobV gilt der Zweck der ErprobV; die ErprobV gilt.', '', inkraft(2, '§', 'Diese Verordnung')], ['typ: verordnung', 'abkuerzung: ErprobV']);
    expectAt(text, 'eigene-abkuerzung', 'Nach der ErprobV', 'Die Verordnung nennt sich selbst „ErprobV“: im eigenen Text heißt es „diese Verordnung“.');
    const fixed = fixAll(text, 'eigene-abkuerzung');
    assert.equal(fixed, law(['§ 1 Anwendungsbereich', 'Nach dieser Verordnung gilt der Zweck dieser Verordnung; diese Verordnung gilt.', '', inkraft(2, '§', 'Diese Verordnung')], ['typ: verordnung', 'abkuerzung: ErprobV']));
  });
  it('not in headings, quoted text, longer words or when no name is given', () => {
    expectNone(law(['§ 1 Zweck des Erprobungsgesetzes', 'Das Wort „ErprobG“ wird ersetzt. Das Erprobungsgesetzbuch bleibt.', '', INK2], fm), 'eigene-abkuerzung');
    expectNone(law(['§ 1 Anwendungsbereich', 'Das ErprobG gilt.', '', INK2]), 'eigene-abkuerzung');
  });
});

describe('bereich-strich (H7)', () => {
  it('ranges with hyphen, en dash or em dash, with the plural in the fix', () => {
    const text = p1('Es gelten § 3-5, Absatz 1 – 3, Nummern 2 — 4, Buchstabe a-c, Satz 1-2 und Abs. 4-6.');
    const cases: [string, string][] = [
      ['§ 3-5', '§§ 3 bis 5'],
      ['Absatz 1 – 3', 'Absätze 1 bis 3'],
      ['Nummern 2 — 4', 'Nummern 2 bis 4'],
      ['Buchstabe a-c', 'Buchstaben a bis c'],
      ['Satz 1-2', 'Sätze 1 bis 2'],
      ['Abs. 4-6', 'Absätze 4 bis 6'],
    ];
    for (const [from, to] of cases) {
      const d = expectAt(text, 'bereich-strich', from, `Bereich mit Strich „${from}“: Bereiche werden mit „bis“ angegeben – „${to}“.`);
      assert.deepEqual(d.data.fix, [{ range: rangeOf(text, from), newText: to }]);
    }
    const fixed = fixAll(text, 'bereich-strich');
    assert.equal(fixed, p1('Es gelten §§ 3 bis 5, Absätze 1 bis 3, Nummern 2 bis 4, Buchstaben a bis c, Sätze 1 bis 2 und Absätze 4 bis 6.'));
    expectNone(fixed, 'bereich-strich');
  });
  it('years, parenthetic dashes, letter–number mixes and quoted text are no ranges', () => {
    expectNone(p1('In den Jahren 2020-2024 gilt Nummer 3 – soweit nichts anderes bestimmt ist – und Buchstabe a-2.', 'Die Angabe „§§ 1 - 2“ wird gestrichen.'), 'bereich-strich');
  });
});

describe('anfuehrungszeichen (H13)', () => {
  const cases: [string, string, string, string][] = [
    ['Das Wort "Behörde" gilt.', '"Behörde"', 'Gerade Anführungszeichen "…": im Normtext stehen deutsche Anführungszeichen „…“.', 'Das Wort „Behörde“ gilt.'],
    ['Das Wort »Behörde« gilt.', '»Behörde«', 'Guillemets »…«: im Normtext stehen deutsche Anführungszeichen „…“.', 'Das Wort „Behörde“ gilt.'],
    ['Das Wort «Amt» gilt.', '«Amt»', 'Guillemets »…«: im Normtext stehen deutsche Anführungszeichen „…“.', 'Das Wort „Amt“ gilt.'],
    ['Das Wort “Behörde” gilt.', '“Behörde”', 'Englische Anführungszeichen “…”: im Normtext stehen deutsche Anführungszeichen „…“.', 'Das Wort „Behörde“ gilt.'],
    ['Das Wort „Behörde" gilt.', '"', 'Anführungszeichen „…" mit geradem Schlusszeichen: richtig ist „…“.', 'Das Wort „Behörde“ gilt.'],
  ];
  for (const [line, where, message, fixedLine] of cases) {
    it(`${where}: reported and fixed to „…“`, () => {
      const text = p1(line);
      expectAt(text, 'anfuehrungszeichen', where, message);
      const fixed = fixAll(text, 'anfuehrungszeichen');
      assert.equal(fixed, p1(fixedLine));
      expectNone(fixed, 'anfuehrungszeichen');
    });
  }
  it('an opening „ without a closing “ (no fix)', () => {
    const text = p1('Das Wort „Behörde gilt.');
    const d = expectAt(text, 'anfuehrungszeichen', '„', 'Anführungszeichen „ ohne schließendes “.');
    assert.equal(d.data.fix, undefined);
  });
  it('proper and nested „…“ quotes, inch marks and multi-line quoted structures are fine', () => {
    expectNone(p1('Das Wort „Behörde“ und „Amt im Sinne „des Bundes““ gilt.', 'Ein Rohr von 5" Durchmesser.'), 'anfuehrungszeichen');
    const text = law(['Artikel 1 Änderung des Erprobungsgesetzes', '§ 3 wird durch den folgenden § 3 ersetzt:', '„§ 3 Zuständigkeit', '(1) Zuständig ist die Behörde.', '(2) Das gilt auch.“', '', inkraft(2, 'Artikel')], ['typ: aenderungsgesetz']);
    // the Erprobungsgesetz is no law Norma knows: only the information that it is not in the workspace
    assert.deepEqual(lint(text).map((d) => d.code), ['aenderung-zielgesetz']);
  });
});

describe('inkrafttreten (H16)', () => {
  it('a missing commencement clause is suggested as the next §, and inserting it makes the draft clean', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Text.', '', '§ 2 Zuständigkeit', 'Text.']);
    const d = withCode(lint(text), 'inkrafttreten')[0];
    assert.equal(d.data.fix, undefined);
    assert.equal(d.data.suggestions?.[0].title, '§ 3 Inkrafttreten anfügen');
    const fixed = applyEdits(text, d.data.suggestions?.[0].edits ?? []).text;
    assert.equal(fixed, law(['§ 1 Anwendungsbereich', 'Text.', '', '§ 2 Zuständigkeit', 'Text.', '', inkraft(3)]));
    expectClean(fixed);
  });
  it('a Verordnung ending with a range gets „Diese Verordnung“ after the range', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Text.', '§§ 2 bis 4 (weggefallen)'], ['typ: verordnung']);
    const d = expectAt(text, 'inkrafttreten', '§§ 2 bis 4', 'Keine Inkrafttretensregelung: der letzte § regelt das Inkrafttreten.');
    assert.equal(d.data.suggestions?.[0].title, '§ 5 Inkrafttreten anfügen');
    const fixed = applyEdits(text, d.data.suggestions?.[0].edits ?? []).text;
    assert.equal(fixed, law(['§ 1 Anwendungsbereich', 'Text.', '§§ 2 bis 4 (weggefallen)', '', inkraft(5, '§', 'Diese Verordnung')], ['typ: verordnung']));
  });
  it('a commencement Artikel that is not the last one', () => {
    const text = law(['Artikel 1 Änderung des Erprobungsgesetzes', 'Text.', 'Artikel 2 Inkrafttreten, Außerkrafttreten', 'Text.', 'Artikel 3 Weitere Änderung', 'Text.'], ['typ: aenderungsgesetz']);
    expectAt(text, 'inkrafttreten', 'Artikel 2', 'Artikel 2 Inkrafttreten, Außerkrafttreten steht nicht am Ende: das Inkrafttreten ist der letzte Artikel.');
    expectNone(text.replace('Artikel 3 Weitere Änderung\nText.\n', ''), 'inkrafttreten');
  });
  it('imported laws are not checked', () => {
    expectNone(law(['§ 1 Anwendungsbereich', 'Text.'], ['fassung: konsolidiert']), 'inkrafttreten');
    expectNone(law(['§ 1 Anwendungsbereich', 'Text.'], ['fassung: verkuendet']), 'inkrafttreten');
  });
});

describe('leere-einheit', () => {
  it('empty Absatz, Nummer and Gliederung unit', () => {
    const text = law(['Abschnitt 1 Leer', 'Abschnitt 2 Voll', '§ 1 Anwendungsbereich', '(1)', '(2) Es gilt:', '  1.', '  2. zwei.', '', INK2]);
    expectAt(text, 'leere-einheit', '(1)', 'Absatz 1 ist leer.');
    expectAt(text, 'leere-einheit', '1.', 'Nummer 1 ist leer.');
    expectAt(text, 'leere-einheit', 'Abschnitt 1', 'Abschnitt 1 enthält keinen § und keinen Artikel.');
  });
  it('repealed units, ranges and a § with only an annotation are not empty', () => {
    expectNone(law(['§ 1 Anwendungsbereich', '(1) (weggefallen)', '(2) Text.', '§ 2 (weggefallen)', '§§ 3 bis 4 (weggefallen)', '§ 5 Meldung', '@aufwand Anmeldung', '  fallzahl: 1000', inkraft(6)]), 'leere-einheit');
  });
});

// -----------------------------------------------------------------------------------------------

describe('severities', () => {
  const text = law(['§ 1 Anwendungsbereich', 'Es gilt ggf. auch §§ 1 - 2.', '§ 1 Zweck', 'Text.', INK2], ['abkuerzung: ErprobG']);
  const sev = (config?: string): Record<string, DiagnosticSeverity[]> => {
    const out: Record<string, DiagnosticSeverity[]> = {};
    for (const d of lint(text, { config })) (out[d.code] ??= []).push(d.severity);
    return out;
  };
  it('defaults: warnings, a duplicate § as error', () => {
    assert.deepEqual(sev(), { abkuerzung: [2], 'bereich-strich': [2], 'paragraph-nummerierung': [1] });
  });
  it('overridden by rule id (English and German words) and by HdR id; the rule id wins over the HdR id', () => {
    assert.deepEqual(sev(JSON.stringify({ rules: { abkuerzung: 'fehler', H7: 'hinweis', 'paragraph-nummerierung': 'warning' } })), {
      abkuerzung: [1],
      'bereich-strich': [4],
      'paragraph-nummerierung': [2],
    });
    assert.deepEqual(sev(JSON.stringify({ rules: { H6: 'off', H4: 'info', 'bereich-strich': 'error', H7: 'aus' } })), { 'bereich-strich': [1], 'paragraph-nummerierung': [3] });
  });
  it('"off" for an HdR id switches off every rule of that id', () => {
    const t = law(['§ 1 Anwendungsbereich', 'Das ErprobG gilt ggf. auch.', '', INK2], ['abkuerzung: ErprobG']);
    assert.equal(withCode(lint(t), 'eigene-abkuerzung').length, 1);
    assert.equal(withCode(lint(t), 'abkuerzung').length, 1);
    assert.deepEqual(lint(t, { config: '{ "rules": { "H6": "off" } }' }), []);
  });
  it('every rule has a default severity that matches its rule metadata in the diagnostics', () => {
    for (const v of VIOLATIONS) assert.equal(RULES.find((r) => r.id === v.code)?.defaultSeverity, v.severity, v.code);
  });
});

describe('locale', () => {
  it('messages and suggestion titles follow the locale of the service, the call or the config file', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Es gilt z. B. dies.']);
    const s = createLanguageService({ locale: 'en' });
    s.open(URI, text);
    const en = s.getDiagnostics(URI);
    const byCode = (ds: NormaDiagnostic[], code: string): NormaDiagnostic => withCode(ds, code)[0];
    assert.equal(byCode(en, 'abkuerzung').message, 'Abbreviation "z. B." in the rule text: write "zum Beispiel".');
    assert.equal(byCode(en, 'inkrafttreten').message, 'No commencement provision: the last § governs the entry into force.');
    assert.equal(byCode(en, 'inkrafttreten').data.suggestions?.[0].title, 'Append § 2 Inkrafttreten');
    assert.equal(byCode(s.getDiagnostics(URI, 'de'), 'abkuerzung').message, 'Abkürzung „z. B.“ im Normtext: „zum Beispiel“ ausschreiben.');
    assert.equal(byCode(lint(text, { config: '{ "locale": "en" }' }), 'abkuerzung').message, 'Abbreviation "z. B." in the rule text: write "zum Beispiel".');
  });
});

// -----------------------------------------------------------------------------------------------

describe('inline suppression', () => {
  const G = 'Die Behörde entscheidet ggf. sofort.';
  it('norma-disable-next-line with a rule id suppresses that rule on the next line only', () => {
    const text = p1('(1) Eins.', '// norma-disable-next-line abkuerzung', `(2) ${G}`, `(3) ${G}`);
    const ds = withCode(lint(text), 'abkuerzung');
    assert.deepEqual(ds.map((d) => d.range), [rangeOf(text, 'ggf.', 1)]);
    expectNone(text, 'unterdrueckung');
  });
  it('norma-disable-line with an HdR id, as a trailing comment', () => {
    const text = p1(`${G} // norma-disable-line H6`);
    expectNone(text, 'abkuerzung');
    expectNone(text, 'unterdrueckung');
  });
  it('norma-disable … norma-enable ranges, for several codes', () => {
    const text = p1('(1) Eins.', '// norma-disable H7, abkuerzung', '(2) Die §§ 1 - 2 gelten ggf.', '(3) Die Absätze 1 - 2 gelten.', '// norma-enable H7, abkuerzung', '(4) Die Absätze 1 - 3 gelten ggf.');
    const line4 = rangeOf(text, '(4)').start.line;
    assert.deepEqual(
      lint(text).map((d) => [d.code, d.range.start.line]),
      [
        ['bereich-strich', line4],
        ['abkuerzung', line4],
      ],
    );
  });
  it('a directive without codes suppresses every rule (but never syntax errors)', () => {
    const text = p1('(1) Es gilt:', '// norma-disable-next-line', '  aa) Die §§ 1 - 2 gelten ggf. "so".');
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['syntax']);
  });
  it('a document-level finding is suppressed at the line it is reported on', () => {
    const text = law(['§ 1 Anwendungsbereich', 'Text.', '// norma-disable-next-line inkrafttreten', '§ 2 Zuständigkeit', 'Text.']);
    expectNone(text, 'inkrafttreten');
  });
  it('an unknown code without a close match lists nothing to guess', () => {
    const text = p1('// norma-disable-next-line xyzzy', G);
    expectAt(text, 'unterdrueckung', '// norma-disable-next-line xyzzy', 'Unbekannter Regelcode „xyzzy“ in norma-disable-next-line.', { severity: 'warning' });
  });
  it('an unknown code is reported and suppresses nothing', () => {
    const text = p1(`${G} // norma-disable-line H66`);
    expectAt(text, 'unterdrueckung', '// norma-disable-line H66', 'Unbekannter Regelcode „H66“ in norma-disable-line – meinten Sie „H6“?');
    expectAt(text, 'abkuerzung', 'ggf.', 'Abkürzung „ggf.“ im Normtext: „gegebenenfalls“ ausschreiben.');
  });
  it('an unused directive is a hint with a suggestion that removes it', () => {
    const text = p1('// norma-disable-next-line H13', 'Text.', 'Mehr Text. // norma-disable-line abkuerzung');
    const whole = expectAt(text, 'unterdrueckung', '// norma-disable-next-line H13', 'norma-disable-next-line unterdrückt hier nichts.', { severity: 'hint' });
    const trailing = expectAt(text, 'unterdrueckung', '// norma-disable-line abkuerzung', 'norma-disable-line unterdrückt hier nichts.', { severity: 'hint' });
    assert.equal(whole.data.suggestions?.[0].title, 'Unnötigen Unterdrückungskommentar entfernen');
    let fixed = applyEdits(text, whole.data.suggestions?.[0].edits ?? []).text;
    assert.equal(fixed, p1('Text.', 'Mehr Text. // norma-disable-line abkuerzung'));
    fixed = applyEdits(text, [...(whole.data.suggestions?.[0].edits ?? []), ...(trailing.data.suggestions?.[0].edits ?? [])]).text;
    assert.equal(fixed, p1('Text.', 'Mehr Text.'));
    expectClean(fixed);
  });
  it('unterdrueckung can be switched off in the config', () => {
    expectNone(p1('// norma-disable-next-line xyzzy', 'Text.'), 'unterdrueckung', { config: '{"rules": {"unterdrueckung": "off"}}' });
  });
});

// -----------------------------------------------------------------------------------------------

describe('config (norma.config.json)', () => {
  const draft = law(['§ 1 Anwendungsbereich', 'Es gilt ggf. dies.', '', INK2]);

  function configDiags(config: string): { cfg: NormaDiagnostic[]; doc: NormaDiagnostic[] } {
    const fs = memFs({ [CONFIG_PATH]: config });
    const s = createLanguageService({ fileSystem: fs });
    const uri = `file://${DIR}/unter/ordner/entwurf.norma`;
    s.open(uri, draft);
    const resolved = s.configFor(uri);
    assert.equal(resolved.path, CONFIG_PATH);
    return { cfg: s.configDiagnostics(resolved), doc: s.getDiagnostics(uri) };
  }

  function expectConfig(config: string, where: string | Range, message: string): NormaDiagnostic {
    const { cfg } = configDiags(config);
    const range = typeof where === 'string' ? rangeOf(config, where) : where;
    const at = cfg.filter((d) => JSON.stringify(d.range) === JSON.stringify(range));
    assert.equal(at.length, 1, `expected a config diagnostic at ${JSON.stringify(range)}, got:\n${show(cfg)}`);
    assert.equal(at[0].message, message);
    assert.equal(at[0].code, 'config');
    assert.equal(at[0].severity, DiagnosticSeverity.Error);
    return at[0];
  }

  it('is found in a parent folder and applied', () => {
    const { cfg, doc } = configDiags('{ "rules": { "abkuerzung": "error" } }');
    assert.deepEqual(cfg, []);
    assert.deepEqual(doc.map((d) => [d.code, d.severity]), [['abkuerzung', DiagnosticSeverity.Error]]);
  });

  it('an unknown key, at its line, with the allowed keys', () => {
    const config = '{\n  "locale": "de",\n  "regeln": {}\n}\n';
    expectConfig(config, '"regeln"', 'Unbekannter Schlüssel „regeln“ in norma.config.json. Erlaubt: $schema, locale, rules, digitalcheck, kosten.');
  });

  it('an unknown rule with a did-you-mean and its fix; the fixed config is clean', () => {
    const config = '{\n  "rules": {\n    "abkurzung": "off"\n  }\n}\n';
    const d = expectConfig(config, '"abkurzung"', 'Unbekannte Regel „abkurzung“ – meinten Sie „abkuerzung“?');
    const fixed = applyEdits(config, d.data.fix ?? []).text;
    assert.equal(fixed, config.replace('abkurzung', 'abkuerzung'));
    const after = configDiags(fixed);
    assert.deepEqual(after.cfg, []);
    assert.deepEqual(after.doc, []);
  });

  it('an unknown rule without a close match lists the known rules and HdR ids', () => {
    const config = '{ "rules": { "xyzzy": "off" } }';
    expectConfig(
      config,
      '"xyzzy"',
      'Unbekannte Regel „xyzzy“. Bekannte Regeln: syntax, frontmatter, vorspann-fehlt, gliederung-bezeichnung, gliederung-ebenen, gliederung-entbehrlich, gliederung-nummerierung, ueberschrift-fehlt, paragraph-nummerierung, buchstabenzusatz, untergliederung-nummerierung, abkuerzung, eigene-abkuerzung, bereich-strich, anfuehrungszeichen, inkrafttreten, leere-einheit, verweis-ziel-fehlt, verweis-aufgehoben, verweis-kette, zitierung-erstnennung, zitierung-fassung, begriff-doppelt, begriff-unbenutzt, begriff-vor-definition, aenderung-eingangssatz, aenderung-zielgesetz, aenderung-befehl, aenderung-ziel-fehlt, aenderung-ziel-mehrdeutig, aenderung-text-fehlt, aenderung-text-mehrdeutig, aenderung-nummer, aenderung-widerspruch, aenderung-neufassung, aenderung-tiefe, aenderung-inhaltsuebersicht, unterdrueckung, config, aufwand, schriftform, unterschrift, persoenliches-erscheinen, vorlage-original, technologie, unbestimmter-begriff, eingangsformel, landesrecht, H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11, H12, H13, H14, H16, H17.',
    );
  });

  it('a bad severity names the allowed values; the rule keeps its default', () => {
    const config = '{\n  "rules": {\n    "abkuerzung": "laut",\n    "H7": 3\n  }\n}';
    const allowed = 'off, aus, error, fehler, warning, warn, warnung, info, information, hint, hinweis';
    expectConfig(config, '"laut"', `Ungültiger Wert "laut" für „rules.abkuerzung“. Erlaubt: ${allowed}.`);
    expectConfig(config, '3', `Ungültiger Wert 3 für „rules.H7“. Erlaubt: ${allowed}.`);
    assert.deepEqual(configDiags(config).doc.map((d) => [d.code, d.severity]), [['abkuerzung', DiagnosticSeverity.Warning]]);
  });

  it('values that are properties of every JS object are no severities', () => {
    const config = '{ "rules": { "abkuerzung": "constructor", "H6": "toString" } }';
    const { cfg, doc } = configDiags(config);
    assert.equal(cfg.length, 2, show(cfg));
    assert.deepEqual(doc.map((d) => [d.code, d.severity]), [['abkuerzung', DiagnosticSeverity.Warning]]);
  });

  it('a severity in other letter case is reported and not applied', () => {
    const config = '{ "rules": { "abkuerzung": "OFF" } }';
    const { cfg, doc } = configDiags(config);
    assert.equal(cfg.length, 1);
    assert.equal(doc.length, 1);
  });

  it('a bad locale names de and en', () => {
    const config = '{ "locale": "fr" }';
    expectConfig(config, '"fr"', 'Ungültiger Wert "fr" für „locale“. Erlaubt: de, en.');
  });

  it('invalid JSON is reported at the offending position; what could be read still applies', () => {
    const config = '{\n  "rules": {\n    "abkuerzung": "off",\n  }\n';
    const { cfg, doc } = configDiags(config);
    assert.equal(cfg.length, 1, show(cfg));
    assert.equal(String(cfg[0].message), 'norma.config.json ist kein gültiges JSON: schließende geschweifte Klammer } erwartet (CloseBraceExpected).');
    assert.equal(cfg[0].range.start.line, 4);
    assert.deepEqual(doc, []);
  });

  it('comments and trailing commas are allowed (JSONC)', () => {
    const { cfg, doc } = configDiags('// Norma\n{ "rules": { "abkuerzung": "off", }, }');
    assert.deepEqual(cfg, []);
    assert.deepEqual(doc, []);
  });

  it('never throws, whatever the file holds', () => {
    for (const config of ['', 'null', '"x"', '[1, 2]', '{"rules": []}', '{"rules": "off"}', '{"rules": {"abkuerzung": null}}', '{"rules": {"__proto__": "off"}}', '{{{', '\u0000', '{"locale": {"de": 1}}']) {
      const { cfg, doc } = configDiags(config);
      assert.ok(cfg.length >= 1, `no config diagnostic for ${JSON.stringify(config)}`);
      for (const d of cfg) assert.equal(d.code, 'config');
      assert.deepEqual(doc.map((d) => d.code), ['abkuerzung'], `draft diagnostics with config ${JSON.stringify(config)}`);
    }
  });

  it('the nearest config wins; a folder without one up to the root gets the defaults', () => {
    const fs = memFs({ [CONFIG_PATH]: '{ "rules": { "abkuerzung": "off" } }', [`${DIR}/b/norma.config.json`]: '{ "rules": { "abkuerzung": "error" } }' });
    const s = createLanguageService({ fileSystem: fs });
    for (const [uri, expected] of [
      [`file://${DIR}/a/x.norma`, []],
      [`file://${DIR}/b/c/x.norma`, [DiagnosticSeverity.Error]],
      ['file:///anderswo/x.norma', [DiagnosticSeverity.Warning]],
    ] as const) {
      s.open(uri, draft);
      assert.deepEqual(s.getDiagnostics(uri).map((d) => d.severity), expected, uri);
    }
  });
});
