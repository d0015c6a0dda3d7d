/**
 * The Norma language service: the one place where law is understood.
 *
 * A pure library (no LSP transport, no `vscode`): the language server, the
 * CLI and the tests all drive it. Its surroundings (file system for config
 * lookup) are injected, results are plain LSP types.
 */
import { DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-types';
import { NormaDocument, type ContentChange } from './parser/document';
import { DocumentModel } from './model/document-model';
import { ConfigResolver, EMPTY_CONFIG, type FileSystemHost, type ResolvedConfig } from './config/config';
import { knownCodes, RULE_BY_ID, RULES, severityFor } from './rules';
import type { Rule } from './rules/rule';
import { computeDiagnostics, ruleSource, absEdits, toDiagnostic, type NormaDiagnostic, type NormaDiagnosticData } from './diagnostics';
import { format, type Locale } from './i18n/messages';

export { NormaDocument, DocumentModel, RULES, RULE_BY_ID, knownCodes, format, ruleSource, absEdits, toDiagnostic };
export type { ContentChange, Locale, FileSystemHost, ResolvedConfig, NormaDiagnostic, NormaDiagnosticData };

export interface LanguageServiceOptions {
  /** File system used to find norma.config.json (none: no config files). */
  fileSystem?: FileSystemHost;
  /** Maps a document URI to a file path for config lookup. */
  uriToPath?: (uri: string) => string | undefined;
  locale?: Locale;
}

export class LanguageService {
  private readonly docs = new Map<string, NormaDocument>();
  private readonly models = new Map<string, DocumentModel>();
  readonly configs: ConfigResolver | undefined;
  locale: Locale;
  private readonly uriToPath: (uri: string) => string | undefined;

  constructor(private readonly options: LanguageServiceOptions = {}) {
    this.locale = options.locale ?? 'de';
    this.configs = options.fileSystem ? new ConfigResolver(options.fileSystem, knownCodes) : undefined;
    this.uriToPath = options.uriToPath ?? defaultUriToPath;
  }

  // --- documents ---------------------------------------------------------------

  open(uri: string, text: string, version = 0): NormaDocument {
    const d = new NormaDocument(uri, text, version);
    this.docs.set(uri, d);
    this.models.delete(uri);
    return d;
  }

  update(uri: string, changes: readonly ContentChange[], version?: number): NormaDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`Dokument nicht geöffnet: ${uri}`);
    d.update(changes, version);
    return d;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.models.delete(uri);
  }

  getDocument(uri: string): NormaDocument | undefined {
    return this.docs.get(uri);
  }

  documents(): Iterable<NormaDocument> {
    return this.docs.values();
  }

  /** The assembled model of a document (rebuilt only after a change). */
  getModel(uri: string): DocumentModel {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`Dokument nicht geöffnet: ${uri}`);
    const m = this.models.get(uri);
    if (m && m.generation === d.generation) return m;
    const fresh = new DocumentModel(d);
    this.models.set(uri, fresh);
    return fresh;
  }

  // --- configuration -------------------------------------------------------------

  configFor(uri: string): ResolvedConfig {
    if (!this.configs) return EMPTY_CONFIG;
    const p = this.uriToPath(uri);
    return p ? this.configs.forFile(p) : EMPTY_CONFIG;
  }

  /** Diagnostics of a config file itself (unknown keys, bad severities), at their lines. */
  configDiagnostics(cfg: ResolvedConfig, locale?: Locale): NormaDiagnostic[] {
    const loc = locale ?? cfg.locale ?? this.locale;
    // the config file can set the severity of its own findings ("config": "warnung"), even switch them off
    const sev = severityFor(RULE_BY_ID.get('config') as Rule, undefined, cfg);
    if (sev === 'off') return [];
    const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint }[sev];
    return cfg.findings.map((f) => ({
      range: { start: f.start, end: f.end },
      severity,
      code: 'config',
      source: ruleSource('config'),
      message: format(f.message, loc),
      data: { rule: 'config', fix: f.fix?.map((e) => ({ range: { start: e.start, end: e.end }, newText: e.newText })) },
    }));
  }

  // --- diagnostics ---------------------------------------------------------------

  /**
   * Diagnostics of a document in document order. The objects may be shared
   * with later calls (cached per block): treat them as read-only.
   */
  getDiagnostics(uri: string, locale?: Locale): NormaDiagnostic[] {
    const cfg = this.configFor(uri);
    const loc = locale ?? cfg.locale ?? this.locale;
    return computeDiagnostics(this.getModel(uri), cfg, loc);
  }
}

function defaultUriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  // decode file URIs without depending on node:url (keeps the service usable in a browser worker)
  let p = decodeURIComponent(uri.replace(/^file:\/\//, ''));
  if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
  return p;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  return new LanguageService(options);
}

/**
 * Apply non-overlapping text edits to a text (edits that overlap an earlier
 * one are skipped). Returns the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => {
    if (p.line >= lineStarts.length) return text.length;
    const ls = lineStarts[p.line];
    let le = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] - 1 : text.length;
    if (le > ls && text.charCodeAt(le - 1) === 13) le--;
    return Math.min(ls + p.character, le);
  };
  const withOffsets = edits
    .map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText }))
    .map((x) => (x.e < x.s ? { ...x, e: x.s } : x))
    .sort((a, b) => a.s - b.s || a.e - b.e);
  const out: string[] = [];
  let pos = 0;
  let applied = 0;
  for (const x of withOffsets) {
    if (x.s < pos) continue; // overlaps an applied edit
    out.push(text.slice(pos, x.s), x.t);
    pos = x.e;
    applied++;
  }
  out.push(text.slice(pos));
  return { text: out.join(''), applied };
}
