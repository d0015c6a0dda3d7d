/**
 * `norma import <file> [-o|--output out.norma] [--fussnoten weglassen|kommentar]`
 *
 * Converts gesetze-im-internet XML (gii-norm) or LegalDocML.de to .norma
 * text: on stdout by default, into a file with `-o`. Import warnings go to
 * stderr. Bad arguments, unreadable files and unsupported XML are usage
 * errors (exit code 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { importXml } from '../service/import';
import { readText, UsageError, writeOut, writeText } from './io';

const USAGE = `Aufruf: norma import <Datei.xml> [-o|--output <Datei.norma>] [--fussnoten weglassen|kommentar]

  Wandelt gesetze-im-internet-XML (gii-norm) oder LegalDocML.de 1.8.2 in .norma-Text um.
  -o, --output <Datei>       in eine Datei schreiben (Standard: Standardausgabe)
  --fussnoten weglassen      Fußnoten und Dokumentationshinweise weglassen (Standard)
  --fussnoten kommentar      Fußnoten als // Kommentare übernehmen
`;

const FOOTNOTES: Record<string, 'drop' | 'comments'> = { weglassen: 'drop', kommentar: 'comments' };

export async function runImport(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        fussnoten: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${germanArgError((e as Error).message)} Hilfe: norma import --help`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    writeOut(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('import: keine Eingabedatei angegeben. Beispiel: norma import bgb.xml -o bgb.norma');
  if (positionals.length > 1) throw new UsageError(`import: genau eine Eingabedatei erwartet, nicht ${positionals.length} (${positionals.join(', ')}).`);
  const fn = values.fussnoten ?? 'weglassen';
  const footnotes = FOOTNOTES[fn];
  if (!footnotes) throw new UsageError(`import: --fussnoten erwartet weglassen oder kommentar, nicht „${fn}“.`);
  if (values.output !== undefined && values.output.trim() === '') throw new UsageError('import: -o/--output erwartet einen Dateinamen.');

  const file = positionals[0];
  const xml = readText(file);
  let result;
  try {
    result = importXml(xml, { footnotes, resolve: (href) => readBeside(file, href) });
  } catch (e) {
    // unsupported or malformed XML: a problem with the input, not a crash
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
  if (values.output !== undefined) {
    writeText(values.output, result.text);
    const lines = result.text.split('\n').length - 1;
    process.stderr.write(`norma import: ${file} (${result.format === 'gii' ? 'gesetze-im-internet' : 'LegalDocML.de'}) → ${values.output}, ${lines} Zeilen\n`);
  } else {
    writeOut(result.text);
  }
  for (const w of result.warnings) process.stderr.write(`norma import: Hinweis: ${w}\n`);
  return 0;
}

/**
 * A document a LegalDocML.de Regelungstext references (an Anlage): a file
 * named by a relative path beside the Regelungstext, nothing else (no URLs,
 * no absolute paths).
 */
function readBeside(file: string, href: string): string | undefined {
  try {
    const target = decodeURIComponent(href.split('#')[0]);
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || path.isAbsolute(target)) return undefined;
    return fs.readFileSync(path.resolve(path.dirname(file), target), 'utf8');
  } catch {
    return undefined;
  }
}

/** node:util parseArgs reports in English; give the user a German message. */
function germanArgError(msg: string): string {
  let m = /Unknown option '([^']+)'/.exec(msg);
  if (m) return `import: unbekannte Option „${m[1]}“.`;
  m = /Option '([^']+)' argument missing/.exec(msg);
  if (m) return `import: Option „${m[1].replace(/ <value>$/, '')}“ erwartet einen Wert.`;
  return `import: ${msg}.`;
}
