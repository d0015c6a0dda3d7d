/** `norma lint`: diagnostics for drafts, in the formats CI pipelines read. */
import { nonOverlappingFixes } from '../service/diagnostics';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, applyEdits, type NormaDiagnostic, type Locale, type ResolvedConfig } from '../service';
import { nodeFileSystem, readText, UsageError, writeOut, writeText, argErrorText } from './io';
import { formatters, type FileResult } from './formatters';

const MAX_FIX_PASSES = 10;

export async function resolveFiles(patterns: string[], cwd = process.cwd()): Promise<string[]> {
  const files = new Set<string>();
  for (const p of patterns) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.add(abs);
      continue;
    }
    if (!stat && !/[*?[\]{}()!]/.test(p)) throw new UsageError(`Datei oder Ordner nicht gefunden: ${p}`);
    const pattern = stat?.isDirectory() ? `${p.replace(/\\/g, '/').replace(/\/$/, '')}/**/*.norma` : p.replace(/\\/g, '/');
    const found = await glob(pattern, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], dot: false });
    if (!found.length) throw new UsageError(stat?.isDirectory() ? `Keine .norma-Dateien in ${p}` : `Keine Datei passt zu „${p}“`);
    for (const f of found) files.add(path.resolve(f));
  }
  return [...files].sort();
}

export async function runLint(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        locale: { type: 'string' },
        output: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(argError(e as NodeJS.ErrnoException));
  }
  const { values, positionals } = parsed;
  const format = values.format as string;
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`Unbekanntes Format „${format}“. Formate: ${Object.keys(formatters).join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings erwartet eine ganze Zahl ≥ 0, nicht „${values['max-warnings']}“`);
  }
  const locale = values.locale as Locale | undefined;
  if (locale && locale !== 'de' && locale !== 'en') throw new UsageError(`--locale erwartet de oder en, nicht „${locale}“`);
  if (!positionals.length) throw new UsageError('Keine Dateien angegeben. Beispiel: norma lint entwuerfe/');

  const files = await resolveFiles(positionals);
  const service = createLanguageService({ fileSystem: nodeFileSystem, locale: locale ?? 'de' });
  const results: FileResult[] = [];
  const configs = new Map<string, ResolvedConfig>();
  let withoutConfig = 0;
  // the files given form the workspace: all are open before any is checked, so drafts that cite each
  // other (and imported laws beside them) resolve their citations
  const opened = files.map((file) => {
    let text = readText(file);
    // a byte order mark is no part of the draft (editors hide it too); kept when the file is rewritten
    const bom = text.charCodeAt(0) === 0xfeff;
    if (bom) text = text.slice(1);
    const uri = pathToFileURL(file).href;
    service.open(uri, text);
    return { file, uri, text, bom };
  });
  for (const o of opened) {
    const { file, uri, bom } = o;
    let text = o.text;
    let fixedCount = 0;
    const cfg = service.configFor(uri);
    if (cfg.path) configs.set(cfg.path, cfg);
    else withoutConfig++;
    const loc = locale ?? cfg.locale ?? 'de';
    let diags = service.getDiagnostics(uri, loc);
    if (values.fix) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const { edits, count } = nonOverlappingFixes(diags);
        if (!count) break;
        const r = applyEdits(text, edits);
        if (!r.applied || r.text === text) break;
        fixedCount += count;
        text = r.text;
        service.open(uri, text);
        diags = service.getDiagnostics(uri, loc);
      }
      if (fixedCount) writeText(file, bom ? `\ufeff${text}` : text);
    }
    results.push({ file, diagnostics: filter(diags, values.quiet as boolean), fixed: fixedCount });
  }
  for (const o of opened) service.close(o.uri);
  for (const cfg of configs.values()) {
    const d = filter(service.configDiagnostics(cfg, locale), values.quiet as boolean);
    if (d.length && cfg.path) results.push({ file: cfg.path, diagnostics: d, fixed: 0 });
  }
  // the summary speaks the language of the messages: --locale, else the configs' "locale" if they agree
  const cfgLocales = new Set([...configs.values()].map((c) => c.locale));
  const outLocale = locale ?? (cfgLocales.size === 1 && !withoutConfig ? [...cfgLocales][0] : undefined) ?? 'de';
  const out = formatter(results, { cwd: process.cwd(), locale: outLocale });
  if (values.output) writeText(values.output as string, out);
  else writeOut(out);

  let errors = 0;
  let warnings = 0;
  for (const r of results)
    for (const d of r.diagnostics) {
      if (d.severity === 1) errors++;
      else if (d.severity === 2) warnings++;
    }
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    if (format === 'stylish') process.stderr.write(`norma: ${warnings} Warnungen, erlaubt sind höchstens ${maxWarnings} (--max-warnings).\n`);
    return 1;
  }
  return 0;
}

/** Node's parseArgs errors in the CLI's language. */
function argError(e: NodeJS.ErrnoException): string {
  return argErrorText(e, '--format, --fix, --max-warnings, --locale, -o/--output, -q/--quiet', 'norma --help');
}

function filter(d: NormaDiagnostic[], quiet: boolean): NormaDiagnostic[] {
  return quiet ? d.filter((x) => x.severity === 1) : d;
}
