/**
 * norma.config.json: rule severities, validated with zod. The file is found
 * next to a draft or in a parent folder. Errors become diagnostics at the
 * line of the offending key or value, never exceptions.
 */
import { z } from 'zod';
import * as jsonc from 'jsonc-parser';
import type { Finding } from '../model/types';
import { closest } from '../util/strings';
import type { SeverityOrOff } from '../rules/rule';
import type { CostOverrides } from '../costs/data';
import { allowedKeysAt, DigitalcheckConfigSchema, KostenConfigSchema, readSettings } from './settings';

export const CONFIG_FILE_NAME = 'norma.config.json';

/** Severity words: English and German. */
export const SEVERITY_WORDS: Record<string, SeverityOrOff> = {
  off: 'off',
  aus: 'off',
  error: 'error',
  fehler: 'error',
  warning: 'warning',
  warn: 'warning',
  warnung: 'warning',
  info: 'info',
  information: 'info',
  hint: 'hint',
  hinweis: 'hint',
};
export const SEVERITY_VALUES = Object.keys(SEVERITY_WORDS);

const SeveritySchema = z.enum(SEVERITY_VALUES as [string, ...string[]]);

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  locale: z.enum(['de', 'en']).optional(),
  rules: z.record(z.string(), SeveritySchema).optional(),
  digitalcheck: DigitalcheckConfigSchema.optional(),
  kosten: KostenConfigSchema.optional(),
});
export type ConfigFile = z.infer<typeof ConfigSchema>;

export interface ResolvedConfig {
  /** Path of the config file, if one was found. */
  path: string | undefined;
  locale: 'de' | 'en' | undefined;
  /** Rule id (or HdR id such as "H6") → severity. */
  rules: Map<string, SeverityOrOff>;
  findings: Finding[];
  /** "digitalcheck.unbestimmteBegriffe": the vague terms of rule unbestimmter-begriff (replaces the default list). */
  unbestimmteBegriffe?: string[];
  /** "kosten": overrides of the cost tables (data/erfuellungsaufwand.json). */
  kosten?: CostOverrides;
}

export const EMPTY_CONFIG: ResolvedConfig = { path: undefined, locale: undefined, rules: new Map(), findings: [] };

/** jsonc-parser's error codes in words (German; the code name is kept in parentheses for searching). */
const JSON_ERRORS: Partial<Record<jsonc.ParseErrorCode, string>> = {
  [jsonc.ParseErrorCode.InvalidSymbol]: 'unerwartetes Zeichen',
  [jsonc.ParseErrorCode.InvalidNumberFormat]: 'ungültige Zahl',
  [jsonc.ParseErrorCode.PropertyNameExpected]: 'Schlüssel in Anführungszeichen erwartet',
  [jsonc.ParseErrorCode.ValueExpected]: 'Wert erwartet',
  [jsonc.ParseErrorCode.ColonExpected]: 'Doppelpunkt erwartet',
  [jsonc.ParseErrorCode.CommaExpected]: 'Komma erwartet',
  [jsonc.ParseErrorCode.CloseBraceExpected]: 'schließende geschweifte Klammer } erwartet',
  [jsonc.ParseErrorCode.CloseBracketExpected]: 'schließende eckige Klammer ] erwartet',
  [jsonc.ParseErrorCode.EndOfFileExpected]: 'Dateiende erwartet',
  [jsonc.ParseErrorCode.UnexpectedEndOfString]: 'Zeichenkette nicht geschlossen',
  [jsonc.ParseErrorCode.UnexpectedEndOfComment]: 'Kommentar nicht geschlossen',
  [jsonc.ParseErrorCode.InvalidEscapeCharacter]: 'ungültige Escape-Sequenz',
  [jsonc.ParseErrorCode.InvalidCharacter]: 'ungültiges Zeichen',
};

function jsonErrorText(code: jsonc.ParseErrorCode): string {
  const name = jsonc.printParseErrorCode(code);
  const words = JSON_ERRORS[code];
  return words ? `${words} (${name})` : name;
}

function posOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let last = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i + 1;
    }
  }
  return { line, character: offset - last };
}

/**
 * Parse and validate a config file's text. `knownRules` are the rule ids and
 * HdR ids accepted under "rules".
 */
export function parseConfig(path: string, text: string, knownRules: readonly string[]): ResolvedConfig {
  const res: ResolvedConfig = { path, locale: undefined, rules: new Map(), findings: [] };
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number, length: number): { start: { line: number; character: number }; end: { line: number; character: number } } => ({
    start: posOf(text, offset),
    end: posOf(text, offset + Math.max(1, length)),
  });
  if (errors.length || !root) {
    const e = errors[0];
    res.findings.push({
      rule: 'config',
      message: { key: 'config.json', args: { error: e ? jsonErrorText(e.error) : 'die Datei ist leer' } },
      ...at(e?.offset ?? 0, e?.length ?? 1),
    });
    if (!root) return res;
  }
  const value = jsonc.getNodeValue(root);
  const parsed = ConfigSchema.safeParse(value);
  const nodeAt = (path: (string | number)[]): jsonc.Node | undefined => jsonc.findNodeAtLocation(root, path);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const prop = nodeAt([...(issue.path as (string | number)[]), key])?.parent;
          const keyNode = prop?.children?.[0];
          res.findings.push({
            rule: 'config',
            message: { key: 'config.unknownKey', args: { key, allowed: (allowedKeysAt(ConfigSchema, issue.path) ?? Object.keys(ConfigSchema.shape)).join(', ') } },
            ...at(keyNode?.offset ?? 0, keyNode?.length ?? 1),
          });
        }
        continue;
      }
      const node = nodeAt(issue.path as (string | number)[]);
      const keyName = issue.path.map(String).join('.');
      if (issue.code === 'invalid_value' && issue.path[0] === 'rules') {
        res.findings.push({
          rule: 'config',
          message: { key: 'config.invalidValue', args: { key: keyName, value: JSON.stringify(jsonc.getNodeValue(node as jsonc.Node)), allowed: SEVERITY_VALUES.join(', ') } },
          ...at(node?.offset ?? 0, node?.length ?? 1),
        });
      } else if (issue.code === 'invalid_value') {
        res.findings.push({
          rule: 'config',
          message: { key: 'config.invalidValue', args: { key: keyName, value: JSON.stringify(node ? jsonc.getNodeValue(node) : null), allowed: issue.values.map(String).join(', ') } },
          ...at(node?.offset ?? 0, node?.length ?? 1),
        });
      } else {
        res.findings.push({
          rule: 'config',
          message: { key: 'config.invalidType', args: { key: keyName || '(Wurzel)', expected: issue.code === 'invalid_type' ? issue.expected : issue.message } },
          ...at(node?.offset ?? 0, node?.length ?? 1),
        });
      }
    }
  }
  // keep what is valid even when other parts are not
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (obj.locale === 'de' || obj.locale === 'en') res.locale = obj.locale;
  const rules = obj.rules && typeof obj.rules === 'object' ? (obj.rules as Record<string, unknown>) : {};
  for (const [id, sev] of Object.entries(rules)) {
    if (!knownRules.includes(id)) {
      const keyNode = nodeAt(['rules', id])?.parent?.children?.[0];
      const near = closest(id, knownRules);
      res.findings.push({
        rule: 'config',
        message: near
          ? { key: 'config.unknownRuleDidYouMean', args: { key: id, near } }
          : { key: 'config.unknownRule', args: { key: id, allowed: knownRules.join(', ') } },
        ...at(keyNode?.offset ?? 0, keyNode?.length ?? 1),
        fix: near && keyNode ? [{ ...at(keyNode.offset + 1, id.length), newText: near }] : undefined,
      });
      continue;
    }
    // exactly the values the schema accepts (own keys only: "constructor" is no severity)
    if (typeof sev === 'string' && Object.hasOwn(SEVERITY_WORDS, sev)) res.rules.set(id, SEVERITY_WORDS[sev]);
  }
  const settings = readSettings(obj, nodeAt, at);
  if (settings.unbestimmteBegriffe) res.unbestimmteBegriffe = settings.unbestimmteBegriffe;
  if (settings.kosten) res.kosten = settings.kosten;
  res.findings.push(...settings.findings);
  // in the order of the file, not in the order of the checks
  res.findings.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  return res;
}

/** Where to look for config files, and how to read them (injected: real disk or in-memory). */
export interface FileSystemHost {
  readFile(path: string): string | undefined;
  /** Parent folder, or undefined at the root. */
  dirname(path: string): string;
  join(dir: string, name: string): string;
}

export class ConfigResolver {
  private readonly cache = new Map<string, ResolvedConfig | null>();
  constructor(
    private readonly fs: FileSystemHost,
    private readonly knownRules: () => readonly string[],
  ) {}

  /** The config that applies to a file path (nearest norma.config.json upwards). */
  forFile(filePath: string): ResolvedConfig {
    let dir = this.fs.dirname(filePath);
    const visited: string[] = [];
    for (;;) {
      const cached = this.cache.get(dir);
      if (cached !== undefined) {
        for (const v of visited) this.cache.set(v, cached);
        return cached ?? EMPTY_CONFIG;
      }
      visited.push(dir);
      const p = this.fs.join(dir, CONFIG_FILE_NAME);
      const text = this.fs.readFile(p);
      if (text !== undefined) {
        const cfg = parseConfig(p, text, this.knownRules());
        for (const v of visited) this.cache.set(v, cfg);
        return cfg;
      }
      const parent = this.fs.dirname(dir);
      if (!parent || parent === dir) {
        for (const v of visited) this.cache.set(v, null);
        return EMPTY_CONFIG;
      }
      dir = parent;
    }
  }

  /** Forget cached configs (after a config file changed). */
  invalidate(): void {
    this.cache.clear();
  }
}
