/**
 * The extension's own UI texts (status bar, notifications, tab titles) in
 * Norma's language rather than only VS Code's display language.
 *
 * `vscode.l10n.t` picks the text by VS Code's display language. The
 * browser editor of `npm start` has no German language pack (it comes from
 * the Marketplace), so its display language is English and `vscode.l10n.t`
 * would answer in English even in a German course. `t` here follows the
 * setting `norma.locale` instead:
 *
 *   "de", "en"   that language;
 *   "auto", ""   VS Code's display language (German or English). For the
 *                findings "" means „as norma.config.json says, else German“
 *                (server/src/lsp/settings.ts); the config file belongs to a
 *                project, the extension's own texts to the editor, so they
 *                follow the editor as they always did.
 *
 * German texts come from l10n/bundle.l10n.de.json, the bundle VS Code reads
 * for `vscode.l10n.t`, read once from the extension's folder (whatever VS
 * Code's display language). The English text is
 * the message itself. Placeholders are `{0}`, `{1}`, … as in `vscode.l10n.t`.
 * A change of `norma.locale` applies to every text made after it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export type UiLanguage = 'de' | 'en';

let extensionPath: string | undefined;
let germanBundle: Record<string, string> | undefined;

/** Where the extension lies (its l10n/ folder); `activate` calls this first. */
export function initL10n(context: { extensionPath: string }): void {
  extensionPath = context.extensionPath;
  germanBundle = undefined;
}

const isGerman = (language: string): boolean => language.toLowerCase().startsWith('de');

/** The language of the extension's texts for the setting `norma.locale` and VS Code's display language. */
export function uiLanguage(setting: unknown = vscode.workspace.getConfiguration('norma').get('locale'), displayLanguage: string = vscode.env.language): UiLanguage {
  if (setting === 'de' || setting === 'en') return setting;
  return isGerman(displayLanguage) ? 'de' : 'en';
}

/** `{0}`, `{1}`, … replaced by the arguments (a placeholder without argument stays). */
export function format(message: string, args: readonly (string | number | boolean)[]): string {
  return message.replace(/\{(\d+)\}/g, (all, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : all));
}

function bundle(): Record<string, string> {
  if (germanBundle) return germanBundle;
  germanBundle = {};
  if (extensionPath) {
    try {
      germanBundle = JSON.parse(fs.readFileSync(path.join(extensionPath, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    } catch {
      // no bundle: the English texts
    }
  }
  return germanBundle;
}

/** The text of `message` (the English text, a key of the l10n bundles) in Norma's language, with the arguments put in. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  return format(uiLanguage() === 'de' ? (bundle()[message] ?? message) : message, args);
}
