/**
 * Messages of the cost annotations (rule `aufwand`), the Digitalcheck rules
 * and the "kosten"/"digitalcheck" sections of norma.config.json. Merged into
 * the catalogue in messages.ts.
 */
export const KOSTEN_MESSAGES: Record<string, { de: string; en: string }> = {
  // --- @aufwand ---------------------------------------------------------------------------
  'aufwand.unknownKey': {
    de: '„{key}“ ist kein Schlüssel von @aufwand (Leitfaden Erfüllungsaufwand). Erlaubt: {allowed}.',
    en: '"{key}" is not a key of @aufwand (Leitfaden Erfüllungsaufwand). Allowed: {allowed}.',
  },
  'aufwand.unknownKeyDidYouMean': {
    de: '„{key}“ ist kein Schlüssel von @aufwand – meinten Sie „{near}“? Erlaubt: {allowed}.',
    en: '"{key}" is not a key of @aufwand – did you mean "{near}"? Allowed: {allowed}.',
  },
  'aufwand.duplicateKey': {
    de: '„{key}“ steht doppelt in dieser @aufwand-Angabe; es gilt der erste Wert „{first}“.',
    en: '"{key}" appears twice in this @aufwand; the first value "{first}" applies.',
  },
  'aufwand.emptyValue': { de: 'Der Schlüssel „{key}“ hat keinen Wert.', en: 'Key "{key}" has no value.' },
  'aufwand.invalidValue': {
    de: 'Ungültiger Wert „{value}“ für „{key}“. Erlaubt: {allowed}.',
    en: 'Invalid value "{value}" for "{key}". Allowed: {allowed}.',
  },
  'aufwand.replaceValue': { de: '„{value}“ durch „{near}“ ersetzen', en: 'Replace "{value}" with "{near}"' },
  'aufwand.missingKey': {
    de: '@aufwand ohne „{key}“: die Angabe ist Pflicht für das Standardkostenmodell ({allowed}).',
    en: '@aufwand without "{key}": the standard cost model needs it ({allowed}).',
  },
  'aufwand.missingZeit': {
    de: '@aufwand ohne „zeit“ und ohne „sachkosten“: das Standardkostenmodell braucht Minuten je Fall oder Sachkosten je Fall.',
    en: '@aufwand without "zeit" and without "sachkosten": the standard cost model needs minutes or material costs per case.',
  },
  'aufwand.missingLabel': {
    de: '@aufwand ohne Bezeichnung: nach „@aufwand“ die Vorgabe nennen (z. B. „@aufwand Anmeldung einer Wohnung“); der Kostenbericht führt sie unter diesem Namen.',
    en: '@aufwand without a name: name the obligation after "@aufwand" (e.g. "@aufwand Anmeldung einer Wohnung"); the cost report lists it under that name.',
  },
  'aufwand.notApplicable': {
    de: '„{key}“ gilt nur für adressat: {only} und bleibt bei adressat: {adressat} ohne Wirkung.',
    en: '"{key}" applies only to adressat: {only} and has no effect for adressat: {adressat}.',
  },
  'aufwand.lohnsatzBuerger': {
    de: '„lohnsatz“ bleibt bei adressat: {adressat} ohne Wirkung: der Leitfaden Erfüllungsaufwand bewertet die Zeit der Bürgerinnen und Bürger nicht in Euro.',
    en: '"lohnsatz" has no effect for adressat: {adressat}: the Leitfaden Erfüllungsaufwand does not price the time of citizens.',
  },
  'aufwand.zweigO': {
    de: 'Wirtschaftszweig O (Öffentliche Verwaltung) gehört nicht zur Wirtschaft: für Behörden „adressat: verwaltung“ mit „ebene“ angeben.',
    en: 'Sector O (public administration) is not part of business: for authorities write "adressat: verwaltung" with "ebene".',
  },
  'aufwand.number': {
    de: '„{value}“ ist keine Zahl im deutschen Format (z. B. „4.800.000“, „4 800 000“ oder „1,2 Mio.“).',
    en: '"{value}" is not a number in German format (e.g. "4.800.000", "4 800 000" or "1,2 Mio.").',
  },
  'aufwand.euro': {
    de: '„{value}“ ist kein Eurobetrag für „{key}“ (z. B. „38,60“, „1.200 €“ oder „250.000 Euro je Fall“).',
    en: '"{value}" is not an amount in euros for "{key}" (e.g. "38,60", "1.200 €" or "250.000 Euro je Fall").',
  },
  'aufwand.negativeFallzahl': {
    de: 'Die Fallzahl „{value}“ ist negativ; eine Entlastung wird mit negativer „zeit“ oder negativen „sachkosten“ angegeben.',
    en: 'The case count "{value}" is negative; write a relief as negative "zeit" or negative "sachkosten".',
  },
  'aufwand.negative': { de: '„{key}“ darf nicht negativ sein: „{value}“.', en: '"{key}" must not be negative: "{value}".' },
  'aufwand.zeitFormat': {
    de: '„{value}“: die Zeit je Fall als „30 min“, „400 h“ oder als Liste von Standardtätigkeiten mit Komplexität angeben („formulare-ausfuellen mittel, uebermitteln einfach“).',
    en: '"{value}": give the time per case as "30 min", "400 h" or as a list of standard activities with complexity ("formulare-ausfuellen mittel, uebermitteln einfach").',
  },
  'aufwand.zeitUnit': {
    de: '„{value}“: Einheit fehlt – „min“ oder „h“ angeben.',
    en: '"{value}": unit missing – write "min" or "h".',
  },
  'aufwand.unknownActivity': {
    de: 'Unbekannte Standardtätigkeit „{id}“ in der Zeitwerttabelle {adressat} des Leitfadens. Tätigkeiten: {allowed}.',
    en: 'Unknown standard activity "{id}" in the Leitfaden time table for {adressat}. Activities: {allowed}.',
  },
  'aufwand.unknownActivityDidYouMean': {
    de: 'Unbekannte Standardtätigkeit „{id}“ für {adressat} – meinten Sie „{near}“? Tätigkeiten: {allowed}.',
    en: 'Unknown standard activity "{id}" for {adressat} – did you mean "{near}"? Activities: {allowed}.',
  },
  'aufwand.activityOtherAddressee': {
    de: '„{id}“ ist eine Standardtätigkeit der Zeitwerttabelle {other}, nicht {adressat}. Tätigkeiten für {adressat}: {allowed}.',
    en: '"{id}" is a standard activity of the time table for {other}, not for {adressat}. Activities for {adressat}: {allowed}.',
  },
  'aufwand.activityOtherAddresseeDidYouMean': {
    de: '„{id}“ ist eine Standardtätigkeit der Zeitwerttabelle {other}, nicht {adressat} – meinten Sie „{near}“? Tätigkeiten für {adressat}: {allowed}.',
    en: '"{id}" is a standard activity of the time table for {other}, not for {adressat} – did you mean "{near}"? Activities for {adressat}: {allowed}.',
  },
  'aufwand.missingComplexity': {
    de: '„{id}“: Komplexität fehlt – „einfach“, „mittel“ oder „komplex“ anfügen.',
    en: '"{id}": complexity missing – add "einfach", "mittel" or "komplex".',
  },
  'aufwand.invalidComplexity': {
    de: 'Ungültige Komplexität „{value}“ für „{id}“. Erlaubt: einfach, mittel, komplex.',
    en: 'Invalid complexity "{value}" for "{id}". Allowed: einfach, mittel, komplex.',
  },
  'aufwand.noValue': {
    de: 'Die Zeitwerttabelle {adressat} des Leitfadens nennt für „{id}“ keinen Wert „{komplexitaet}“: die Minuten direkt angeben (z. B. „240 min“).',
    en: 'The Leitfaden time table for {adressat} gives no value "{komplexitaet}" for "{id}": give the minutes directly (e.g. "240 min").',
  },
  'aufwand.fallzahlEinmalig': {
    de: '„fallzahl: {value}“ nennt einen einmaligen Aufwand, die Angabe wird aber als jährlich gerechnet: „art: einmalig“ angeben.',
    en: '"fallzahl: {value}" describes a one-off cost, but the annotation is computed as yearly: write "art: einmalig".',
  },
  'aufwand.fallzahlJaehrlich': {
    de: '„fallzahl: {value}“ nennt einen jährlichen Aufwand, die Angabe ist aber „art: einmalig“.',
    en: '"fallzahl: {value}" describes a yearly cost, but the annotation says "art: einmalig".',
  },
  'aufwand.addArt': { de: '„art: einmalig“ ergänzen', en: 'Add "art: einmalig"' },

  // --- Digitalcheck -------------------------------------------------------------------------------
  'schriftform.schriftlich': {
    de: '„{text}“ verlangt Papier oder eine qualifizierte elektronische Signatur: prüfen, ob die Textform (§ 126b BGB) genügt oder „elektronisch“ zugelassen werden kann; bleibt es bei der Schriftform, erlaubt § 3a Absatz 2 {vwvfg} den elektronischen Ersatz (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" requires paper or a qualified electronic signature: check whether text form (§ 126b BGB) suffices or "elektronisch" can be allowed; if written form must stay, § 3a Absatz 2 {vwvfg} allows electronic replacement (Digitalcheck principle {prinzip}).',
  },
  'schriftform.schriftform': {
    de: '„{text}“ verlangt Papier oder eine qualifizierte elektronische Signatur: prüfen, ob die Textform (§ 126b BGB) genügt; bleibt es bei der Schriftform, erlaubt § 3a Absatz 2 {vwvfg} den elektronischen Ersatz (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" requires paper or a qualified electronic signature: check whether text form (§ 126b BGB) suffices; if written form must stay, § 3a Absatz 2 {vwvfg} allows electronic replacement (Digitalcheck principle {prinzip}).',
  },
  // in a Land draft whose Land's procedure act Norma does not know (data/landesgesetze.json)
  'schriftform.schriftlichLand': {
    de: '„{text}“ verlangt Papier oder eine qualifizierte elektronische Signatur: prüfen, ob die Textform (§ 126b BGB) genügt oder „elektronisch“ zugelassen werden kann; bleibt es bei der Schriftform, erlaubt die dem § 3a Absatz 2 VwVfG entsprechende Vorschrift des Landesverwaltungsverfahrensgesetzes den elektronischen Ersatz (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" requires paper or a qualified electronic signature: check whether text form (§ 126b BGB) suffices or "elektronisch" can be allowed; if written form must stay, the Land\'s counterpart of § 3a Absatz 2 VwVfG in its administrative procedure act allows electronic replacement (Digitalcheck principle {prinzip}).',
  },
  'schriftform.schriftformLand': {
    de: '„{text}“ verlangt Papier oder eine qualifizierte elektronische Signatur: prüfen, ob die Textform (§ 126b BGB) genügt; bleibt es bei der Schriftform, erlaubt die dem § 3a Absatz 2 VwVfG entsprechende Vorschrift des Landesverwaltungsverfahrensgesetzes den elektronischen Ersatz (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" requires paper or a qualified electronic signature: check whether text form (§ 126b BGB) suffices; if written form must stay, the Land\'s counterpart of § 3a Absatz 2 VwVfG in its administrative procedure act allows electronic replacement (Digitalcheck principle {prinzip}).',
  },
  'schriftform.addElektronisch': { de: '„{text}“ durch „{fixed}“ ersetzen', en: 'Replace "{text}" with "{fixed}"' },
  'schriftform.textform': { de: '„Schriftform“ durch „Textform“ ersetzen', en: 'Replace "Schriftform" with "Textform"' },
  'unterschrift.found': {
    de: '„{text}“ verlangt eine Unterschrift auf Papier: prüfen, ob die Textform, eine elektronische Identifizierung oder eine elektronische Signatur genügt (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" requires a handwritten signature on paper: check whether text form, electronic identification or an electronic signature suffices (Digitalcheck principle {prinzip}).',
  },
  'persoenliches-erscheinen.found': {
    de: '„{text}“ verlangt einen Behördengang: ein Online-Verfahren ermöglichen. Der Leitfaden Erfüllungsaufwand setzt dafür je Fall Wegezeit und Wegekosten an, im Durchschnitt {minuten} Minuten und {euro} Euro; in @aufwand mit „wege:“ erfassen (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" requires a visit to an office: allow an online procedure. The Leitfaden Erfüllungsaufwand counts travel time and cost per case for it, on average {minuten} minutes and {euro} euros; record them in @aufwand with "wege:" (Digitalcheck principle {prinzip}).',
  },
  'vorlage-original.found': {
    de: '„{text}“ verlangt Nachweise auf Papier (Once-Only): eine Pflicht zur Bereithaltung („bereitzuhalten“) oder den Abruf aus einem Register vorsehen (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" requires paper evidence (once only): provide a duty to keep it available ("bereitzuhalten") or retrieval from a register (Digitalcheck principle {prinzip}).',
  },
  'technologie.found': {
    de: '„{text}“ schreibt eine bestimmte Technik vor: technologieoffen formulieren, etwa „elektronisch“ oder „in einem elektronischen Format“ (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" prescribes a particular technology: use technology-neutral wording such as "elektronisch" or "in einem elektronischen Format" (Digitalcheck principle {prinzip}).',
  },
  'unbestimmter-begriff.found': {
    de: '„{text}“ ist unbestimmt und lässt Ermessen: für eine automatisierte Ausführung (§ 35a VwVfG) den Begriff bestimmen oder eine Zahl, Frist oder Voraussetzung nennen (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" is indeterminate and leaves discretion: for automated execution (§ 35a VwVfG) define the term or give a number, period or condition (Digitalcheck principle {prinzip}).',
  },
  'unbestimmter-begriff.foundLand': {
    de: '„{text}“ ist unbestimmt und lässt Ermessen: für eine automatisierte Ausführung (§ 35a VwVfG und die entsprechende Vorschrift des Landes) den Begriff bestimmen oder eine Zahl, Frist oder Voraussetzung nennen (Digitalcheck-Prinzip {prinzip}).',
    en: '"{text}" is indeterminate and leaves discretion: for automated execution (§ 35a VwVfG and the Land\'s counterpart) define the term or give a number, period or condition (Digitalcheck principle {prinzip}).',
  },

  // --- norma.config.json: kosten ------------------------------------------------------------------
  'config.kostenUnknownActivity': {
    de: 'Unbekannte Standardtätigkeit „{id}“ unter „kosten.zeitwerte.{adressat}“ – meinten Sie „{near}“? Eine neue Tätigkeit braucht „einfach“, „mittel“ und „komplex“.',
    en: 'Unknown standard activity "{id}" under "kosten.zeitwerte.{adressat}" – did you mean "{near}"? A new activity needs "einfach", "mittel" and "komplex".',
  },
  'config.kostenIncompleteActivity': {
    de: 'Neue Standardtätigkeit „{id}“ unter „kosten.zeitwerte.{adressat}“: „einfach“, „mittel“ und „komplex“ angeben.',
    en: 'New standard activity "{id}" under "kosten.zeitwerte.{adressat}": give "einfach", "mittel" and "komplex".',
  },
  'config.kostenActivityId': {
    de: 'Standardtätigkeit „{id}“ unter „kosten.zeitwerte.{adressat}“: Kennungen in Kleinbuchstaben mit Bindestrichen schreiben (z. B. „daten-pruefen“).',
    en: 'Standard activity "{id}" under "kosten.zeitwerte.{adressat}": write ids in lower case with hyphens (e.g. "daten-pruefen").',
  },
};
