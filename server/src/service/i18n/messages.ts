/**
 * Message catalogue. German is the default locale, English the second.
 * Placeholders: `{name}`. Keys are stable; tests and translations refer to them.
 */
import type { Message } from '../model/types';
import { KOSTEN_MESSAGES } from './messages-kosten';

export type Locale = 'de' | 'en';

type Catalogue = Record<string, { de: string; en: string }>;

export const MESSAGES: Catalogue = {
  // --- syntax ---------------------------------------------------------------
  'syntax.absatzOutsideNorm': {
    de: 'Absatzmarke „{marker}“ steht außerhalb eines § oder Artikels; die Zeile wird als Text gelesen.',
    en: 'Absatz marker "{marker}" stands outside a § or Artikel; the line is read as text.',
  },
  'syntax.itemMisplaced': {
    de: 'Gliederungszeichen „{marker}“ kann hier nicht stehen; die Zeile wird als Text gelesen.',
    en: 'List marker "{marker}" cannot stand here; the line is read as text.',
  },
  'syntax.doppelbuchstabeMisplaced': {
    de: 'Doppelbuchstabe „{marker}“ ohne übergeordneten Buchstaben (a), b), …); die Zeile wird als Text gelesen.',
    en: 'Doppelbuchstabe "{marker}" without an enclosing Buchstabe (a), b), …); the line is read as text.',
  },
  'syntax.dreifachbuchstabeMisplaced': {
    de: 'Dreifachbuchstabe „{marker}“ ohne übergeordneten Doppelbuchstaben (aa), bb), …); die Zeile wird als Text gelesen.',
    en: 'Dreifachbuchstabe "{marker}" without an enclosing Doppelbuchstabe (aa), bb), …); the line is read as text.',
  },
  'syntax.misplaced': {
    de: '„{marker}“ kann hier nicht stehen; die Zeile wird als Text gelesen.',
    en: '"{marker}" cannot stand here; the line is read as text.',
  },
  'syntax.heading-without-number': {
    de: 'Überschrift ohne Nummer: nach „§“ oder „Artikel“ muss eine Nummer folgen (z. B. „§ 3“).',
    en: 'Heading without a number: "§" or "Artikel" must be followed by a number (e.g. "§ 3").',
  },
  'syntax.absatz-marker-unclosed': {
    de: 'Absatzmarke ohne schließende Klammer: „(1)“ erwartet.',
    en: 'Absatz marker without closing parenthesis: "(1)" expected.',
  },
  'syntax.annotation-without-name': {
    de: 'Annotation ohne Namen: nach „@“ folgt ein Name, z. B. „@aufwand“.',
    en: 'Annotation without a name: "@" must be followed by a name, e.g. "@aufwand".',
  },
  'syntax.annotation-entry-malformed': {
    de: 'Eingerückte Zeile unter einer Annotation muss die Form „schlüssel: wert“ haben.',
    en: 'An indented line below an annotation must have the form "key: value".',
  },
  'syntax.frontmatter-unclosed': {
    de: 'Der Vorspann (Front Matter) wird nicht mit „---“ geschlossen.',
    en: 'The front matter is not closed with "---".',
  },
  'syntax.quote-unclosed': {
    de: 'Mehrzeiliges Zitat „… wird vor dieser Leerzeile nicht mit “ geschlossen.',
    en: 'Multi-line quotation „… is not closed with “ before this blank line.',
  },
  'syntax.quote-unclosed-eof': {
    de: 'Mehrzeiliges Zitat „… wird bis zum Ende des Dokuments nicht mit “ geschlossen.',
    en: 'Multi-line quotation „… is not closed with “ before the end of the document.',
  },
  'syntax.textBeforeAbsatz': {
    de: 'Text vor dem ersten Absatz: in einem § mit nummerierten Absätzen gehört jeder Text zu einem Absatz.',
    en: 'Text before the first Absatz: in a § with numbered Absätze all text belongs to an Absatz.',
  },
  'syntax.contentUnderGliederung': {
    de: 'Text unter einer Gliederungsüberschrift gehört zu keinem § oder Artikel.',
    en: 'Text below a Gliederung heading belongs to no § or Artikel.',
  },

  // --- front matter -----------------------------------------------------------
  'frontmatter.malformed': {
    de: 'Vorspann-Zeile „{line}“ hat nicht die Form „schlüssel: wert“.',
    en: 'Front-matter line "{line}" is not of the form "key: value".',
  },
  'frontmatter.unknownKey': {
    de: 'Unbekannter Schlüssel „{key}“ im Vorspann. Erlaubt: {allowed}.',
    en: 'Unknown front-matter key "{key}". Allowed: {allowed}.',
  },
  'frontmatter.unknownKeyDidYouMean': {
    de: 'Unbekannter Schlüssel „{key}“ im Vorspann – meinten Sie „{near}“? Erlaubt: {allowed}.',
    en: 'Unknown front-matter key "{key}" – did you mean "{near}"? Allowed: {allowed}.',
  },
  'frontmatter.duplicateKey': {
    de: 'Schlüssel „{key}“ steht doppelt im Vorspann (zuerst in Zeile {line}).',
    en: 'Front-matter key "{key}" appears twice (first on line {line}).',
  },
  'frontmatter.invalidValue': {
    de: 'Ungültiger Wert „{value}“ für „{key}“.',
    en: 'Invalid value "{value}" for "{key}".',
  },
  'frontmatter.invalidValueAllowed': {
    de: 'Ungültiger Wert „{value}“ für „{key}“. Erlaubt: {allowed}.',
    en: 'Invalid value "{value}" for "{key}". Allowed: {allowed}.',
  },
  'frontmatter.replaceValue': { de: '„{value}“ durch „{near}“ ersetzen', en: 'Replace "{value}" with "{near}"' },
  'frontmatter.emptyValue': {
    de: 'Der Schlüssel „{key}“ hat keinen Wert.',
    en: 'Key "{key}" has no value.',
  },
  'frontmatter.unclosed': {
    de: 'Der Vorspann wird nicht mit „---“ geschlossen.',
    en: 'The front matter is not closed with "---".',
  },
  'frontmatter.missingKey': {
    de: 'Pflichtangabe „{key}“ fehlt im Vorspann.',
    en: 'Required front-matter key "{key}" is missing.',
  },
  'frontmatter.landMissing': {
    de: 'Bei „ebene: land“ ist „land“ anzugeben ({allowed}).',
    en: 'With "ebene: land", "land" must be given ({allowed}).',
  },
  'vorspann-fehlt.missing': {
    de: 'Der Entwurf hat keinen Vorspann (---, titel, typ, ---); Norma nimmt einen Stammgesetz-Entwurf an.',
    en: 'The draft has no front matter (---, titel, typ, ---); Norma assumes a Stammgesetz draft.',
  },
  'vorspann-fehlt.insert': { de: 'Vorspann einfügen', en: 'Insert front matter' },

  // --- Landesrecht (ebene: land) ----------------------------------------------
  'landesrecht.hinweis': {
    de: 'Landesgesetz ({land}): Die Regeln nach dem Handbuch der Rechtsförmlichkeit gelten wie im Bund (Annahme: die Länder folgen seiner Praxis). Entsprechend angewandt, weil Verfahren des Bundes: {entsprechend}. In der Form des Landes geprüft: {landesform}. Der Kostenbericht weist die „One in, one out“-Regel der Bundesregierung nicht aus.',
    en: 'Land law ({land}): the rules of the Handbuch der Rechtsförmlichkeit apply as in federal law (assumption: the Länder follow its practice). Applied as practice, being federal procedures: {entsprechend}. Checked in the Land’s form: {landesform}. The cost report leaves out the federal government’s one-in-one-out rule.',
  },
  'landesrecht.hinweisMitBund': {
    de: 'Landesgesetz ({land}): Die Regeln nach dem Handbuch der Rechtsförmlichkeit gelten wie im Bund (Annahme: die Länder folgen seiner Praxis). Nicht angewandt, weil Bundesrecht: {bund}. Entsprechend angewandt, weil Verfahren des Bundes: {entsprechend}. In der Form des Landes geprüft: {landesform}. Der Kostenbericht weist die „One in, one out“-Regel der Bundesregierung nicht aus.',
    en: 'Land law ({land}): the rules of the Handbuch der Rechtsförmlichkeit apply as in federal law (assumption: the Länder follow its practice). Not applied, being federal law: {bund}. Applied as practice, being federal procedures: {entsprechend}. Checked in the Land’s form: {landesform}. The cost report leaves out the federal government’s one-in-one-out rule.',
  },
  'landesrecht.entsprechend': {
    de: '(Digitalcheck des Bundes, im Landesrecht entsprechend angewandt.)',
    en: '(Federal Digitalcheck, applied to Land law as practice.)',
  },
  'landesrecht.quelleEntsprechend': { de: '– im Landesrecht entsprechend', en: '– applied to Land law as practice' },
  'eingangsformel.bundImLand': {
    de: 'Eingangsformel nennt {found}: ein Landesgesetz ({land}) beschließt das Landesparlament – „{want}“.',
    en: 'The enacting formula names the {name}: a Land law ({land}) is enacted by the Land parliament – "{want}".',
  },
  'eingangsformel.landImBund': {
    de: 'Eingangsformel nennt {found}: ein Bundesgesetz beschließt der Bundestag – „{want}“ (bei Zustimmungsgesetzen „… mit Zustimmung des Bundesrates …“).',
    en: 'The enacting formula names the {name}: a federal law is enacted by the Bundestag – "{want}" (with the Bundesrat’s consent where required).',
  },
  'aufwand.bundImLand': {
    de: '„ebene: bund“ in einem Landesgesetz: ein Landesgesetz verpflichtet die Länder und Kommunen, nicht die Bundesverwaltung – „land“ oder „kommune“ angeben.',
    en: '„ebene: bund“ in a Land law: a Land law binds the Länder and Kommunen, not the federal administration – write „land“ or „kommune“.',
  },
  'eingangsformel.replace': { de: 'Eingangsformel durch „{want}“ ersetzen', en: 'Replace the enacting formula with "{want}"' },

  // --- H2 -------------------------------------------------------------------
  'gliederung-bezeichnung.ordinal': {
    de: '„{written}“: Gliederungseinheiten werden mit arabischer Zahl nach dem Einheitenwort bezeichnet – „{fixed}“.',
    en: '"{written}": Gliederung units are named by the unit word followed by an Arabic number – "{fixed}".',
  },
  'gliederung-bezeichnung.bareRoman': {
    de: '„{written}“: Gliederungseinheit ohne Einheitenwort; üblich ist „Abschnitt {arabic}“.',
    en: '"{written}": Gliederung unit without a unit word; "Abschnitt {arabic}" is the usual form.',
  },
  'gliederung-bezeichnung.singleLevel': {
    de: 'Nur eine Gliederungsebene: dafür ist „Abschnitt“ vorgesehen, nicht „{word}“.',
    en: 'Only one Gliederung level: "Abschnitt" is the word for it, not "{word}".',
  },
  'gliederung-bezeichnung.fix': { de: 'In „{fixed}“ ändern', en: 'Change to "{fixed}"' },
  'gliederung-ebenen.order': {
    de: '„{child}“ steht unter „{parent}“: die Ebene {childWord} steht über der Ebene {parentWord} (Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel, Untertitel).',
    en: '"{child}" stands below "{parent}": the level {childWord} ranks above {parentWord} (Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel, Untertitel).',
  },
  'gliederung-entbehrlich.fewNorms': {
    de: 'Gesetz mit nur {count} {paragraphs}: bis etwa 20 §§ ist in der Regel keine Gliederung in Abschnitte nötig.',
    en: 'Law with only {count} {paragraphs}: up to about 20 §§ usually need no Gliederung.',
  },
  'gliederung-nummerierung.gap': {
    de: '{word} {expected} fehlt: auf {word} {prev} folgt {word} {num}.',
    en: '{word} {expected} is missing: {word} {prev} is followed by {word} {num}.',
  },
  'gliederung-nummerierung.duplicate': {
    de: '{word} {num} ist doppelt vergeben.',
    en: '{word} {num} is used twice.',
  },
  'gliederung-nummerierung.order': {
    de: '{word} {num} steht nach {word} {prev}: falsche Reihenfolge.',
    en: '{word} {num} follows {word} {prev}: wrong order.',
  },
  'gliederung-nummerierung.start': {
    de: 'Die Zählung der Einheit „{word}“ beginnt mit {num} statt mit {first}.',
    en: 'Numbering of "{word}" starts at {num} instead of {first}.',
  },

  // --- H3 -------------------------------------------------------------------
  'ueberschrift-fehlt.norm': {
    de: '{label} hat keine Überschrift: jeder {kind} erhält eine Überschrift.',
    en: '{label} has no heading: every {kind} gets a heading.',
  },
  'ueberschrift-fehlt.gliederung': {
    de: '{label} hat keine Überschrift.',
    en: '{label} has no heading.',
  },

  // --- H4 and numbering ---------------------------------------------------------
  'paragraph-nummerierung.gap': {
    de: '{missing} fehlt: auf {prev} folgt {cur}. {einheiten} sind lückenlos zu zählen.',
    en: '{missing} is missing: {prev} is followed by {cur}. Number the provisions without gaps.',
  },
  'paragraph-nummerierung.gapRange': {
    de: '{missing} fehlen: auf {prev} folgt {cur}. {einheiten} sind lückenlos zu zählen.',
    en: '{missing} are missing: {prev} is followed by {cur}. Number the provisions without gaps.',
  },
  'paragraph-nummerierung.duplicate': {
    de: '{cur} ist doppelt vergeben (zuerst in Zeile {line}).',
    en: '{cur} is used twice (first on line {line}).',
  },
  'paragraph-nummerierung.order': {
    de: '{cur} steht nach {prev}: falsche Reihenfolge.',
    en: '{cur} follows {prev}: wrong order.',
  },
  'paragraph-nummerierung.start': {
    de: 'Die Zählung beginnt mit {cur} statt mit {first}.',
    en: 'Numbering starts at {cur} instead of {first}.',
  },
  'buchstabenzusatz.norm': {
    de: '{cur} in {inTyp}: Buchstabenzusätze sind Einfügungen durch Änderungsgesetze vorbehalten; fortlaufend nummerieren.',
    en: '{cur} in a new {typ}: letter suffixes are reserved for insertions by amending laws; number consecutively.',
  },
  'buchstabenzusatz.sub': {
    de: '{cur} in {inTyp}: Buchstabenzusätze sind Einfügungen durch Änderungsgesetze vorbehalten; fortlaufend nummerieren.',
    en: '{cur} in a new {typ}: letter suffixes are reserved for insertions by amending laws; number consecutively.',
  },
  'buchstabenzusatz.artikel': {
    de: '{cur}: Die Artikel eines Änderungsgesetzes werden fortlaufend gezählt; Buchstabenzusätze gibt es nur für Einfügungen in das geänderte Gesetz.',
    en: '{cur}: the Artikel of an amending law are numbered consecutively; letter suffixes exist only for insertions into the amended law.',
  },
  'untergliederung-nummerierung.gap': {
    de: '{word} {expected} fehlt: auf {prev} folgt {cur}.',
    en: '{word} {expected} is missing: {prev} is followed by {cur}.',
  },
  'untergliederung-nummerierung.duplicate': {
    de: '{cur} ist in {parent} doppelt vergeben.',
    en: '{cur} is used twice in {parent}.',
  },
  'untergliederung-nummerierung.order': {
    de: '{cur} steht nach {prev}: falsche Reihenfolge.',
    en: '{cur} follows {prev}: wrong order.',
  },
  'untergliederung-nummerierung.start': {
    de: 'Die Zählung beginnt mit „{cur}“ statt mit „{first}“.',
    en: 'Numbering starts at "{cur}" instead of "{first}".',
  },

  // --- H6 -------------------------------------------------------------------
  'abkuerzung.found': {
    de: 'Abkürzung „{abk}“ im Normtext: „{voll}“ ausschreiben.',
    en: 'Abbreviation "{abk}" in the rule text: write "{voll}".',
  },
  'abkuerzung.noFix': {
    de: 'Abkürzung „{abk}“ im Normtext: ausschreiben ({hint}).',
    en: 'Abbreviation "{abk}" in the rule text: write it out ({hint}).',
  },
  'abkuerzung.fix': { de: '„{abk}“ durch „{voll}“ ersetzen', en: 'Replace "{abk}" with "{voll}"' },
  'eigene-abkuerzung.found': {
    de: 'Das Gesetz nennt sich selbst „{name}“: im eigenen Text heißt es „dieses Gesetz“.',
    en: 'The law refers to itself as "{name}": within its own text write "dieses Gesetz".',
  },
  'eigene-abkuerzung.foundVerordnung': {
    de: 'Die Verordnung nennt sich selbst „{name}“: im eigenen Text heißt es „diese Verordnung“.',
    en: 'The ordinance refers to itself as "{name}": within its own text write "diese Verordnung".',
  },
  'eigene-abkuerzung.fix': { de: '„{old}“ durch „{new}“ ersetzen', en: 'Replace "{old}" with "{new}"' },

  // --- H7 -------------------------------------------------------------------
  'bereich-strich.found': {
    de: 'Bereich mit Strich „{text}“: Bereiche werden mit „bis“ angegeben – „{fixed}“.',
    en: 'Range with a dash "{text}": ranges are written with "bis" – "{fixed}".',
  },
  'bereich-strich.fix': { de: 'In „{fixed}“ ändern', en: 'Change to "{fixed}"' },

  // --- H13 ------------------------------------------------------------------
  'anfuehrungszeichen.straight': {
    de: 'Gerade Anführungszeichen "…": im Normtext stehen deutsche Anführungszeichen „…“.',
    en: 'Straight quotes "…": rule text uses German quotation marks „…“.',
  },
  'anfuehrungszeichen.guillemets': {
    de: 'Guillemets »…«: im Normtext stehen deutsche Anführungszeichen „…“.',
    en: 'Guillemets »…«: rule text uses German quotation marks „…“.',
  },
  'anfuehrungszeichen.english': {
    de: 'Englische Anführungszeichen “…”: im Normtext stehen deutsche Anführungszeichen „…“.',
    en: 'English quotation marks “…”: rule text uses German quotation marks „…“.',
  },
  'anfuehrungszeichen.mixed': {
    de: 'Anführungszeichen „…" mit geradem Schlusszeichen: richtig ist „…“.',
    en: 'Quotation „…" closed with a straight quote: write „…“.',
  },
  'anfuehrungszeichen.unbalanced': {
    de: 'Anführungszeichen „ ohne schließendes “.',
    en: 'Opening quotation mark „ without a closing “.',
  },
  'anfuehrungszeichen.fix': { de: 'Deutsche Anführungszeichen „…“ setzen', en: 'Use German quotation marks „…“' },

  // --- H16 ------------------------------------------------------------------
  'inkrafttreten.missing': {
    de: 'Keine Inkrafttretensregelung: der letzte {kind} regelt das Inkrafttreten.',
    en: 'No commencement provision: the last {kind} governs the entry into force.',
  },
  'inkrafttreten.misplaced': {
    de: '{label} {title} steht nicht am Ende: das Inkrafttreten ist der letzte {kind}.',
    en: '{label} {title} is not the last one: the entry into force is the last {kind}.',
  },
  'inkrafttreten.insert': { de: '{label} Inkrafttreten anfügen', en: 'Append {label} Inkrafttreten' },

  // --- empty units ------------------------------------------------------------
  'leere-einheit.norm': { de: '{label} hat keinen Inhalt.', en: '{label} has no content.' },
  'leere-einheit.sub': { de: '{label} ist leer.', en: '{label} is empty.' },
  'leere-einheit.gliederung': {
    de: '{label} enthält keinen § und keinen Artikel.',
    en: '{label} contains no § and no Artikel.',
  },

  // --- references -------------------------------------------------------------
  'verweis-ziel-fehlt.norm': { de: '„{what}“ gibt es nicht.', en: '"{what}" does not exist.' },
  'verweis-ziel-fehlt.normNearest': { de: '„{what}“ gibt es nicht (nächste: {nearest}).', en: '"{what}" does not exist (nearest: {nearest}).' },
  'verweis-ziel-fehlt.anlageExisting': { de: '„{what}“ gibt es nicht (vorhanden: {existing}).', en: '"{what}" does not exist (there are: {existing}).' },
  'verweis-ziel-fehlt.satz': { de: '„{what}“ gibt es nicht: {parent} hat {count} Satz/Sätze.', en: '"{what}" does not exist: {parent} has {count} sentence(s).' },
  'verweis-ziel-fehlt.context': {
    de: '„{what}“: hier gibt es keine {kind}, auf die sich der Verweis beziehen kann.',
    en: '"{what}": there are no {kind} here for the reference to point to.',
  },
  'verweis-ziel-fehlt.subExisting': { de: '„{what}“ gibt es nicht: {parent} hat {plural} {existing}.', en: '"{what}" does not exist: {parent} has {plural} {existing}.' },
  'verweis-ziel-fehlt.subNone': { de: '„{what}“ gibt es nicht: {parent} hat keine solche Untergliederung.', en: '"{what}" does not exist: {parent} has no such subdivision.' },
  'verweis-aufgehoben.found': { de: '„{what}“ verweist auf eine weggefallene Vorschrift ({target}).', en: '"{what}" refers to a repealed provision ({target}).' },
  'verweis-aufgehoben.same': { de: '„{what}“ verweist auf eine weggefallene Vorschrift.', en: '"{what}" refers to a repealed provision.' },
  'verweis-kette.found': {
    de: '„{what}“ verweist auf {target}, und dort wird nur weiterverwiesen ({next}): direkt auf das Ziel verweisen.',
    en: '"{what}" refers to {target}, which only refers onwards ({next}): refer to the final target directly.',
  },
  'zitierung-erstnennung.found': {
    de: 'Erste Nennung von „{law}“ ohne vollständiges Zitat (Datum, Fundstelle, letzte Änderung).',
    en: 'First mention of "{law}" without a full citation (date, gazette, last amendment).',
  },
  'zitierung-fassung.found': {
    de: 'Vollzitat von „{law}“ ohne Angabe, ob statisch („zuletzt durch … geändert“) oder dynamisch („in der jeweils geltenden Fassung“).',
    en: 'Full citation of "{law}" without saying whether it is static ("zuletzt durch … geändert") or dynamic ("in der jeweils geltenden Fassung").',
  },

  // --- defined terms (rules/term-rules.ts, terms/) -----------------------------
  'begriff-doppelt.found': {
    de: '„{term}“ wird doppelt bestimmt: bereits in {place} (Zeile {line}).',
    en: '"{term}" is defined twice: already in {place} (line {line}).',
  },
  'begriff-unbenutzt.found': {
    de: 'Der Begriff „{term}“ wird bestimmt, aber nirgends verwendet.',
    en: 'The term "{term}" is defined but never used.',
  },
  'begriff-vor-definition.found': {
    de: '„{term}“ wird schon in {place} (Zeile {line}) verwendet, aber erst hier bestimmt: die Begriffsbestimmung gehört an die erste Verwendung.',
    en: '"{term}" is already used in {place} (line {line}) but defined only here: the definition belongs where the term is first used.',
  },
  'begriff.hover.begriffsbestimmung': { de: 'Begriffsbestimmung in {place}', en: 'defined in {place}' },
  'begriff.hover.imSinne': { de: 'bestimmt „im Sinne dieses Gesetzes“ in {place}', en: 'defined „im Sinne dieses Gesetzes“ in {place}' },
  'begriff.hover.klammer': { de: 'Klammerdefinition in {place}', en: 'defined in brackets in {place}' },
  'begriff.hover.abkuerzung': { de: 'Abkürzung, eingeführt in {place}', en: 'abbreviation introduced in {place}' },
  'begriff.rename.invalid': {
    de: '„{name}“ ist kein gültiger Begriff: erlaubt sind bis zu sechs Wörter aus Buchstaben und Bindestrichen.',
    en: '"{name}" is not a valid term: up to six words of letters and hyphens.',
  },
  'begriff.rename.shape': {
    de: '„{name}“ hat nicht die Form des Begriffs „{term}“ ({shape}); nur dann kann Norma die gebeugten Formen im Text anpassen.',
    en: '"{name}" does not have the form of the term "{term}" ({shape}); only then can Norma adapt the inflected forms in the text.',
  },
  'begriff.rename.exists': {
    de: 'Der Begriff „{name}“ ist bereits in {place} bestimmt.',
    en: 'The term "{name}" is already defined in {place}.',
  },
  'rename.citation': {
    de: 'Ein Verweis wird nicht umbenannt: Nummern von §§, Absätzen und Nummern ändert „Neu nummerieren“ – mit allen Verweisen darauf.',
    en: 'A citation is not renamed: numbers of §§, Absätze and Nummern are changed by "Renumber" – with every citation of them.',
  },
  'rename.nothing': {
    de: 'Hier steht kein Begriff aus einer Begriffsbestimmung: umbenennen lassen sich Begriffe, die eine Begriffsbestimmung oder Klammerdefinition festlegt.',
    en: 'There is no defined term here: terms from a definitions section or a bracketed definition can be renamed.',
  },
  'begriff.rename.uncertainLabel': { de: 'Beugung prüfen', en: 'Check the inflection' },
  'begriff.rename.uncertainDescription': {
    de: 'Norma hat die Endung der alten Form an „{name}“ gehängt; ob das neue Wort so gebeugt wird, ist nicht sicher.',
    en: 'Norma appended the old form\'s ending to "{name}"; whether the new word inflects that way is not certain.',
  },

  // --- suppression ------------------------------------------------------------
  'unterdrueckung.unknownCode': {
    de: 'Unbekannter Regelcode „{code}“ in norma-{kind}.',
    en: 'Unknown rule code "{code}" in norma-{kind}.',
  },
  'unterdrueckung.unknownCodeDidYouMean': {
    de: 'Unbekannter Regelcode „{code}“ in norma-{kind} – meinten Sie „{near}“?',
    en: 'Unknown rule code "{code}" in norma-{kind} – did you mean "{near}"?',
  },
  'unterdrueckung.unused': {
    de: 'norma-{kind} unterdrückt hier nichts.',
    en: 'norma-{kind} suppresses nothing here.',
  },
  'unterdrueckung.remove': { de: 'Unnötigen Unterdrückungskommentar entfernen', en: 'Remove unused suppression comment' },

  // --- amending laws (rules/amend-rules.ts) ----------------------------------------------------
  'aenderung-eingangssatz.fehlt': {
    de: 'Änderungsartikel ohne Eingangssatz: vor den Änderungsbefehlen fehlt „Das … vom … (BGBl. …) wird wie folgt geändert:“.',
    en: 'Amending Artikel without an opening sentence: „Das … vom … (BGBl. …) wird wie folgt geändert:“ is missing before the commands.',
  },
  'aenderung-eingangssatz.geaendert': {
    de: 'Der Eingangssatz endet mit „wird wie folgt geändert:“.',
    en: 'The opening sentence ends with „wird wie folgt geändert:“.',
  },
  'aenderung-eingangssatz.vollzitat': {
    de: 'Der Eingangssatz zitiert das geänderte Gesetz voll: Datum, Fundstelle und letzte Änderung („vom … (BGBl. …), das zuletzt durch … geändert worden ist“).',
    en: 'The opening sentence cites the amended law in full: date, gazette and last amendment („vom … (BGBl. …), das zuletzt durch … geändert worden ist“).',
  },
  'aenderung-eingangssatz.anderesGesetz': {
    de: 'Der Eingangssatz nennt „{eingang}“, die Artikelüberschrift „{heading}“.',
    en: 'The opening sentence names "{eingang}", the Artikel heading "{heading}".',
  },
  'aenderung-zielgesetz.importGii': {
    de: '„{law}“ ist nicht im Arbeitsbereich; die Änderungsbefehle werden nicht gegen den Wortlaut geprüft. Einlesen: {url} herunterladen, dann „norma import {file} -o {out}“.',
    en: '"{law}" is not in the workspace; the commands are not checked against its text. To bring it in: download {url}, then „norma import {file} -o {out}“.',
  },
  'aenderung-zielgesetz.importLand': {
    de: '„{law}“ ist nicht im Arbeitsbereich; die Änderungsbefehle werden nicht gegen den Wortlaut geprüft. Landesrecht {land} steht nicht auf gesetze-im-internet.de: den geltenden Wortlaut ({portal}) als .norma-Datei mit „fassung: konsolidiert“ neben den Entwurf legen.',
    en: '"{law}" is not in the workspace; the commands are not checked against its text. Land law of {land} is not on gesetze-im-internet.de: put its text in force ({portal}) beside the draft as a .norma file with „fassung: konsolidiert“.',
  },
  'aenderung-zielgesetz.import': {
    de: '„{law}“ ist nicht im Arbeitsbereich; die Änderungsbefehle werden nicht gegen den Wortlaut geprüft. Einlesen mit „norma import <Datei.xml>“ (gesetze-im-internet-XML oder LegalDocML.de).',
    en: '"{law}" is not in the workspace; the commands are not checked against its text. Bring it in with „norma import <file.xml>“ (gesetze-im-internet XML or LegalDocML.de).',
  },
  'aenderung-zielgesetz.unbekannt': {
    de: 'Das Gesetz, das „{title}“ ändert, ist Norma nicht bekannt; die Änderungsbefehle werden nicht geprüft. Einlesen mit „norma import <Datei.xml>“.',
    en: 'The law that "{title}" amends is not known to Norma; the commands are not checked. Bring it in with „norma import <file.xml>“.',
  },
  'aenderung-befehl.unbekannt': {
    de: 'Änderungsbefehl nicht erkannt: „{text}“. Verben nach dem Handbuch: ersetzen, einfügen, anfügen, voranstellen, streichen, aufheben.',
    en: 'Amending command not recognised: "{text}". Verbs of the Handbuch: ersetzen, einfügen, anfügen, voranstellen, streichen, aufheben.',
  },
  'aenderung-befehl.inhalt': {
    de: 'Der Änderungsbefehl endet mit „:“, aber der neue Wortlaut in „…“ fehlt oder passt nicht zur geänderten Einheit.',
    en: 'The command ends with ":", but the new wording in „…“ is missing or does not fit the unit changed.',
  },
  'aenderung-ziel-fehlt.existing': { de: '„{what} ({law})“ gibt es nicht: {existing}.', en: '"{what} ({law})" does not exist: {existing}.' },
  'aenderung-ziel-fehlt.none': { de: '„{what} ({law})“ gibt es nicht.', en: '"{what} ({law})" does not exist.' },
  'aenderung-ziel-mehrdeutig.message': {
    de: '„{what} ({law})“ ist mehrdeutig: {count} Einheiten passen (in {where}); der Befehl wird nicht angewandt. Den Pfad mit den Einheiten darüber nennen, etwa „{example}“.',
    en: '"{what} ({law})" is ambiguous: {count} units fit (in {where}); the command is not applied. Name the path with the units above, e.g. „{example}“.',
  },
  'aenderung-ziel-mehrdeutig.qualify': { de: 'Pfad „{path}“ nennen', en: 'Name the path „{path}“' },
  'aenderung-text-fehlt.message': {
    de: '„{text}“ steht nicht in {unit}. Der Wortlaut dort: „{actual}“',
    en: '"{text}" does not stand in {unit}. Its text: „{actual}“',
  },
  'aenderung-text-mehrdeutig.message': {
    de: '„{text}“ steht {count}-mal in {unit}: der Befehl ist mehrdeutig (die Stelle nennen oder „jeweils“).',
    en: '"{text}" stands {count} times in {unit}: the command is ambiguous (name the place, or say „jeweils“).',
  },
  'aenderung-nummer.belegt': { de: '{what} gibt es {where} schon: die eingefügte Einheit braucht eine freie Nummer.', en: '{what} already exists ({where}): the inserted unit needs a free number.' },
  'aenderung-nummer.reihenfolge': {
    de: '{what} steht {where} nicht an seiner Stelle: die Nummer liegt nicht zwischen {lo} und {hi}.',
    en: '{what} is out of place ({where}): its number does not lie between {lo} and {hi}.',
  },
  'aenderung-widerspruch.woerter': {
    de: 'Auch {other} ändert „{text}“ in {unit}: zwei Befehle desselben Artikels ändern dieselben Wörter.',
    en: '{other} also changes "{text}" in {unit}: two commands of the same Artikel change the same words.',
  },
  'aenderung-widerspruch.einheit': {
    de: '{other} ersetzt oder hebt {unit} schon als Ganzes auf: dieser Befehl widerspricht ihm.',
    en: '{other} already replaces or repeals {unit} as a whole: this command contradicts it.',
  },
  'aenderung-neufassung.message': {
    de: '„wird wie folgt gefasst“ ist die Form des HdR3; nach HdR4: „wird {replacement}“.',
    en: '„wird wie folgt gefasst“ is the HdR3 form; HdR4: „wird {replacement}“.',
  },
  'aenderung-tiefe.message': {
    de: 'Änderungsbefehl auf der Ebene eines Dreifachbuchstabens ({marker}): die übergeordnete Einheit als Ganzes ersetzen.',
    en: 'Amending command at the level of a triple letter ({marker}): replace the enclosing unit as a whole.',
  },
  'aenderung-inhaltsuebersicht.fehlt': {
    de: '{unit} ist nach den Änderungen neu, aber die Inhaltsübersicht ({law}) hat keine Angabe zu {unit}: es fehlt ein Befehl, der „{entry}“ in die Inhaltsübersicht einfügt.',
    en: '{unit} is new after the amendments, but the Inhaltsübersicht ({law}) has no entry for {unit}: a command inserting „{entry}“ into the Inhaltsübersicht is missing.',
  },
  'aenderung-inhaltsuebersicht.ueberschrift': {
    de: 'Die Angabe zu {unit} in der Inhaltsübersicht ({law}) lautet nach den Änderungen „{entry}“, die Überschrift von {unit} aber „{title}“.',
    en: 'After the amendments the entry for {unit} in the Inhaltsübersicht ({law}) reads „{entry}“, but the heading of {unit} is „{title}“.',
  },
  'aenderung-inhaltsuebersicht.weggefallen': {
    de: '{unit} wird aufgehoben, aber die Angabe zu {unit} in der Inhaltsübersicht ({law}) lautet weiter „{entry}“ (statt „{unit} (weggefallen)“).',
    en: '{unit} is repealed, but the entry for {unit} in the Inhaltsübersicht ({law}) still reads „{entry}“ (instead of „{unit} (weggefallen)“).',
  },
  'aenderung-inhaltsuebersicht.entfaellt': {
    de: '{unit} gibt es nach den Änderungen nicht mehr, die Inhaltsübersicht ({law}) hat aber weiter eine Angabe zu {unit}.',
    en: '{unit} no longer exists after the amendments, but the Inhaltsübersicht ({law}) still has an entry for it.',
  },
  'aenderung-inhaltsuebersicht.ohneEinheit': {
    de: 'Die Inhaltsübersicht ({law}) nennt nach den Änderungen „{entry}“, aber {unit} gibt es im Gesetz nicht.',
    en: 'After the amendments the Inhaltsübersicht ({law}) lists „{entry}“, but the law has no {unit}.',
  },
  'aenderung-inhaltsuebersicht.angabeFehlt': {
    de: 'Die Angabe zu {unit} fehlt nach den Änderungen in der Inhaltsübersicht ({law}), aber {unit} bleibt im Gesetz.',
    en: 'After the amendments the Inhaltsübersicht ({law}) has no entry for {unit}, but {unit} stays in the law.',
  },
  'aenderung-inhaltsuebersicht.befehl': { de: 'Befehl zur Inhaltsübersicht ergänzen: „{command}“', en: 'Add the command on the Inhaltsübersicht: „{command}“' },

  // --- config -----------------------------------------------------------------
  'config.json': { de: 'norma.config.json ist kein gültiges JSON: {error}.', en: 'norma.config.json is not valid JSON: {error}.' },
  'config.unknownKey': {
    de: 'Unbekannter Schlüssel „{key}“ in norma.config.json. Erlaubt: {allowed}.',
    en: 'Unknown key "{key}" in norma.config.json. Allowed: {allowed}.',
  },
  'config.unknownRule': {
    de: 'Unbekannte Regel „{key}“. Bekannte Regeln: {allowed}.',
    en: 'Unknown rule "{key}". Known rules: {allowed}.',
  },
  'config.unknownRuleDidYouMean': {
    de: 'Unbekannte Regel „{key}“ – meinten Sie „{near}“?',
    en: 'Unknown rule "{key}" – did you mean "{near}"?',
  },
  'config.invalidValue': {
    de: 'Ungültiger Wert {value} für „{key}“. Erlaubt: {allowed}.',
    en: 'Invalid value {value} for "{key}". Allowed: {allowed}.',
  },
  'config.invalidType': {
    de: 'Ungültiger Wert für „{key}“: {expected} erwartet.',
    en: 'Invalid value for "{key}": {expected} expected.',
  },

  // --- cost annotations, Digitalcheck (messages-kosten.ts) ---------------------
  ...KOSTEN_MESSAGES,
};

export function format(msg: Message, locale: Locale = 'de'): string {
  const entry = MESSAGES[msg.key];
  let template = entry ? entry[locale] : msg.key;
  if (msg.args) {
    template = template.replace(/\{(\w+)\}/g, (m, name: string) => (name in (msg.args ?? {}) ? String(msg.args?.[name]) : m));
  }
  return template;
}

export function hasMessage(key: string): boolean {
  return key in MESSAGES;
}
