/**
 * Editor settings (`workspace/configuration`, section "norma") and how they
 * meet norma.config.json.
 *
 * Precedence of a rule's severity, lowest first:
 *   1. the rule's default,
 *   2. the editor setting `norma.rules` (user or workspace settings),
 *   3. the nearest norma.config.json.
 * The config file is what `norma lint` reads in CI, so the editor never shows
 * a rule differently from CI where the project has decided on it; the setting
 * fills in the rules the project leaves open (a trainer switching a hint on,
 * a drafter silencing a rule the project does not configure). A rule named
 * in the file by its id or by its HdR id („H6“) counts as decided by the file.
 *
 * `norma.locale`: "de" or "en" wins over the file's "locale" (it is the
 * reader's language, not the project's); "auto" follows the editor's display
 * language; "" (default) takes the file's "locale", else German.
 */
import { LanguageService, RULES, knownCodes, type Locale, type LanguageServiceOptions, type ResolvedConfig } from '../service';
import { SEVERITY_WORDS } from '../service/config/config';
import type { SeverityOrOff } from '../service/rules/rule';
import { t } from './messages';

export type LocaleSetting = '' | 'de' | 'en' | 'auto';

export interface NormaSettings {
  /** Rule id or HdR id → severity, as validated from `norma.rules`. */
  rules: Map<string, SeverityOrOff>;
  locale: LocaleSetting;
}

export const DEFAULT_SETTINGS: NormaSettings = { rules: new Map(), locale: '' };

/** Validate the raw `norma` settings object; problems are returned as messages (the server logs them). */
export function parseSettings(raw: unknown, messageLocale: Locale): { settings: NormaSettings; problems: string[] } {
  const problems: string[] = [];
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules = new Map<string, SeverityOrOff>();
  const codes = knownCodes();
  const rawRules = obj.rules && typeof obj.rules === 'object' ? (obj.rules as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(rawRules)) {
    if (!codes.includes(id)) {
      problems.push(t('settingUnknownRule', messageLocale, { id }));
      continue;
    }
    if (typeof value !== 'string' || !Object.hasOwn(SEVERITY_WORDS, value.toLowerCase())) {
      problems.push(t('settingBadSeverity', messageLocale, { id, value: String(value), allowed: Object.keys(SEVERITY_WORDS).join(', ') }));
      continue;
    }
    rules.set(id, SEVERITY_WORDS[value.toLowerCase()]);
  }
  const l = obj.locale;
  const locale: LocaleSetting = l === 'de' || l === 'en' || l === 'auto' ? l : '';
  return { settings: { rules, locale }, problems };
}

export function sameSettings(a: NormaSettings, b: NormaSettings): boolean {
  if (a.locale !== b.locale || a.rules.size !== b.rules.size) return false;
  for (const [k, v] of a.rules) if (b.rules.get(k) !== v) return false;
  return true;
}

/**
 * The config file's rules merged over the settings' rules, per rule (see the
 * precedence above). Returns `file` itself when the settings add nothing.
 */
export function mergeRules(file: ResolvedConfig, settings: ReadonlyMap<string, SeverityOrOff>): ResolvedConfig {
  if (settings.size === 0) return file;
  const merged = new Map(file.rules);
  let added = false;
  for (const rule of RULES) {
    const fromFile = file.rules.get(rule.id) ?? (rule.hdr ? file.rules.get(rule.hdr) : undefined);
    if (fromFile) continue;
    const fromSettings = settings.get(rule.id) ?? (rule.hdr ? settings.get(rule.hdr) : undefined);
    if (fromSettings) {
      merged.set(rule.id, fromSettings);
      added = true;
    }
  }
  return added ? { ...file, rules: merged } : file;
}

/**
 * The language service as the server uses it: the same service, with the
 * editor's rule settings merged into every resolved config. Merged configs
 * are kept per file config so the service's per-block diagnostic caches
 * (keyed by config identity) stay valid between keystrokes.
 */
export class ServerLanguageService extends LanguageService {
  private ruleSettings: ReadonlyMap<string, SeverityOrOff> = new Map();
  private merged = new WeakMap<ResolvedConfig, ResolvedConfig>();

  constructor(options: LanguageServiceOptions) {
    super(options);
  }

  setRuleSettings(rules: ReadonlyMap<string, SeverityOrOff>): void {
    this.ruleSettings = rules;
    this.merged = new WeakMap();
  }

  override configFor(uri: string): ResolvedConfig {
    const file = super.configFor(uri);
    if (this.ruleSettings.size === 0) return file;
    let m = this.merged.get(file);
    if (!m) {
      m = mergeRules(file, this.ruleSettings);
      this.merged.set(file, m);
    }
    return m;
  }
}
