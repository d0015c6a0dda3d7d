/** `norma lint`: diagnostics for drafts, in the formats CI pipelines read. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { createLanguageService, applyEdits, type NormaDiagnostic, type Locale, type ResolvedConfig } from '../service';
import { nodeFileSystem, readText, UsageError, writeOut, writeText } from './io';
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
    throw new UsageError((e as Error).message);
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
  if (!positionals.length) throw new UsageError('norma lint: keine Dateien angegeben. Beispiel: norma lint samples/');

  const files = await resolveFiles(positionals);
  const service = createLanguageService({ fileSystem: nodeFileSystem, locale: locale ?? 'de' });
  const results: FileResult[] = [];
  const configs = new Map<string, ResolvedConfig>();
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    let text = readText(file);
    let fixedCount = 0;
    service.open(uri, text);
    const cfg = service.configFor(uri);
    if (cfg.path) configs.set(cfg.path, cfg);
    const loc = locale ?? cfg.locale ?? 'de';
    let diags = service.getDiagnostics(uri, loc);
    if (values.fix) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const edits = diags.flatMap((d) => d.data.fix ?? []);
        if (!edits.length) break;
        const r = applyEdits(text, edits);
        if (!r.applied || r.text === text) break;
        fixedCount += r.applied;
        text = r.text;
        service.open(uri, text);
        diags = service.getDiagnostics(uri, loc);
      }
      if (fixedCount) writeText(file, text);
    }
    service.close(uri);
    results.push({ file, diagnostics: filter(diags, values.quiet as boolean), fixed: fixedCount });
  }
  for (const cfg of configs.values()) {
    const d = service.configDiagnostics(cfg, locale);
    if (d.length && cfg.path) results.push({ file: cfg.path, diagnostics: d, fixed: 0 });
  }
  const out = formatter(results, { cwd: process.cwd(), locale: locale ?? 'de' });
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

function filter(d: NormaDiagnostic[], quiet: boolean): NormaDiagnostic[] {
  return quiet ? d.filter((x) => x.severity === 1) : d;
}
