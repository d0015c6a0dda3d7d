/**
 * Amending drafts for the tests of the Änderungsbefehle: the HdR frame (front matter, Artikel 1 with the
 * heading „Änderung des …“ and the Eingangssatz with a full citation, Artikel 2 Inkrafttreten) around the
 * commands under test.
 */

/** The amended law as the heading (genitive) and the Eingangssatz (nominative with article) name it. */
export interface AmendedLaw {
  genitiv: string;
  nominativ: string;
}

export const ERPROBUNGSGESETZ: AmendedLaw = { genitiv: 'des Erprobungsgesetzes', nominativ: 'Das Erprobungsgesetz' };

/** The amended Erprobungsgesetz (ErprG) in the workspace, consolidated: its front matter around `body`. */
export function erprobungsgesetz(body: string[]): string {
  return ['---', 'titel: Gesetz über die Erprobung', 'kurztitel: Erprobungsgesetz', 'abkuerzung: ErprG', 'typ: stammgesetz', 'fassung: konsolidiert', '---', ...body, ''].join('\n');
}

/** Its four §§, with the text of § 1 Absatz 2 the test needs. */
export function erprobungsgesetzParagraphen(absatz2: string): string[] {
  return [
    '§ 1 Anwendungsbereich',
    '(1) Dieses Gesetz gilt für die Anmeldung einer Wohnung innerhalb von zwei Wochen.',
    `(2) ${absatz2}`,
    '(3) Die Behörde kann',
    '  1. eine Auskunft verlangen oder',
    '  2. den Antrag ablehnen.',
    '§ 2 Zuständigkeit',
    'Zuständig ist die Meldebehörde.',
    '§ 3 Verfahren',
    '(1) Das Verfahren ist elektronisch.',
    '(2) Das Nähere regelt eine Verordnung.',
    '§ 4 Inkrafttreten',
    'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
  ];
}

export function amendingDraft(law: AmendedLaw, commands: string[]): string {
  return [
    '---',
    `titel: Gesetz zur Änderung ${law.genitiv}`,
    'typ: aenderungsgesetz',
    '---',
    `Artikel 1 Änderung ${law.genitiv}`,
    `${law.nominativ} vom 1. Januar 2020 (BGBl. I S. 1), das zuletzt durch Artikel 1 des Gesetzes vom 2. Februar 2021 (BGBl. I S. 2) geändert worden ist, wird wie folgt geändert:`,
    ...commands,
    '',
    'Artikel 2 Inkrafttreten',
    'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
    '',
  ].join('\n');
}
