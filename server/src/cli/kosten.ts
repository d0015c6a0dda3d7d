/**
 * `norma kosten`: the compliance cost (Erfüllungsaufwand) of drafts from
 * their @aufwand annotations, as Vorblatt section E (Markdown), JSON, CSV or
 * a standalone HTML page with bar charts per § and addressee.
 *
 * Exit codes as `norma lint`: 0 report written, 1 an @aufwand annotation (or
 * norma.config.json) has errors – the report leaves those annotations out,
 * 2 usage or I/O error.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService, type NormaDiagnostic, type ResolvedConfig } from '../service';
import { costReportCsv, costReportHtml, costReportJson, costReportMarkdown } from '../service/costs';
import { nodeFileSystem, readDraft, UsageError, writeOut, writeText, parseCommandArgs } from './io';
import { resolveFiles } from './lint';

const FORMATS = ['markdown', 'json', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Aufruf: norma kosten <Dateien|Ordner|Muster…> [--format markdown|json|csv|html] [-o <Datei>]
`;

const SEV = ['', 'error', 'warning', 'info', 'hint'];

export async function runKosten(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('kosten', args, {
    format: { type: 'string', short: 'f', default: 'markdown' },
    output: { type: 'string', short: 'o' },
  }, { usage: USAGE, optionList: '--format, -o/--output' });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`kosten: Unbekanntes Format „${format}“. Formate: ${FORMATS.join(', ')}`);
  if (!positionals.length) throw new UsageError('kosten: Keine Dateien angegeben. Beispiel: norma kosten entwurf.norma');

  const files = await resolveFiles(positionals);
  const service = createLanguageService({ fileSystem: nodeFileSystem });
  const cwd = process.cwd();
  const uris: string[] = [];
  const names = new Map<string, string>();
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    service.open(uri, readDraft(file));
    uris.push(uri);
    names.set(uri, (path.relative(cwd, file) || file).split(path.sep).join('/'));
  }

  // problems that change the figures: @aufwand findings and config errors, on standard error
  let errors = 0;
  const problems: string[] = [];
  const show = (name: string, d: NormaDiagnostic): void => {
    if (d.severity === 1) errors++;
    problems.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEV[d.severity]} ${d.code} ${d.message}`);
  };
  const configs = new Map<string, ResolvedConfig>();
  for (const uri of uris) {
    for (const d of service.getDiagnostics(uri, 'de')) if (d.code === 'aufwand' && d.severity <= 2) show(names.get(uri) as string, d);
    const cfg = service.configFor(uri);
    if (cfg.path) configs.set(cfg.path, cfg);
  }
  for (const cfg of configs.values()) {
    for (const d of service.configDiagnostics(cfg, 'de')) if (d.severity === 1) show(path.relative(cwd, cfg.path as string) || (cfg.path as string), d);
  }

  const report = service.getCostReport(uris, names);
  let out: string;
  switch (format as Format) {
    case 'json':
      out = `${JSON.stringify(costReportJson(report), null, 2)}\n`;
      break;
    case 'csv':
      out = costReportCsv(report);
      break;
    case 'html':
      // a standalone page: section E, the charts per § and addressee, the tables (no script, strict CSP)
      out = costReportHtml(report);
      break;
    default:
      out = costReportMarkdown(report);
  }
  if (values.output) writeText(values.output as string, out);
  else writeOut(out);

  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n`);
    if (report.fehlerhaft) process.stderr.write(`norma kosten: ${report.fehlerhaft} @aufwand-Angabe(n) mit Fehlern nicht berücksichtigt.\n`);
  }
  return errors ? 1 : 0;
}
