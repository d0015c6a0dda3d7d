/**
 * The few texts the language server itself shows (code action titles,
 * progress, errors of its own). Rule messages come from the language
 * service's catalogue; these are only what the adapter adds.
 */
import type { Locale } from '../service';

const TEXTS = {
  fixAll: { de: 'Alle automatisch behebbaren Probleme beheben', en: 'Fix all auto-fixable problems' },
  fixAllRule: { de: 'Alle Befunde „{rule}“ in dieser Datei beheben', en: 'Fix all "{rule}" findings in this file' },
  replace: { de: '„{old}“ durch „{new}“ ersetzen', en: 'Replace "{old}" with "{new}"' },
  insert: { de: '„{new}“ einfügen', en: 'Insert "{new}"' },
  remove: { de: '„{old}“ entfernen', en: 'Remove "{old}"' },
  fixGeneric: { de: 'Beheben: {rule} ({count} Änderungen)', en: 'Fix: {rule} ({count} edits)' },
  disableLine: { de: '„{rule}“ für diese Zeile unterdrücken', en: 'Suppress "{rule}" for this line' },
  renumber: { de: 'Neu nummerieren und Verweise anpassen', en: 'Renumber and update references' },
  progressTitle: { de: 'Norma prüft den Arbeitsbereich', en: 'Norma is checking the workspace' },
  progressFiles: { de: '{done} von {total} Entwürfen', en: '{done} of {total} drafts' },
  notAvailable: { de: '„{feature}“ ist in dieser Version des Sprachservers noch nicht verfügbar.', en: '"{feature}" is not available in this version of the language server yet.' },
  notOpen: { de: 'Das Dokument ist dem Sprachserver nicht bekannt: {uri}', en: 'The language server does not know this document: {uri}' },
  renumberNothing: { de: 'Nichts neu zu nummerieren.', en: 'Nothing to renumber.' },
  settingUnknownRule: {
    de: 'Einstellung norma.rules: unbekannte Regel „{id}“ wird ignoriert.',
    en: 'Setting norma.rules: unknown rule "{id}" is ignored.',
  },
  settingBadSeverity: {
    de: 'Einstellung norma.rules: „{value}“ ist kein Schweregrad für „{id}“ (erlaubt: {allowed}).',
    en: 'Setting norma.rules: "{value}" is not a severity for "{id}" (allowed: {allowed}).',
  },
} as const;

export type TextKey = keyof typeof TEXTS;

export function t(key: TextKey, locale: Locale, args: Record<string, string | number> = {}): string {
  const s: string = TEXTS[key][locale] ?? TEXTS[key].de;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
}
