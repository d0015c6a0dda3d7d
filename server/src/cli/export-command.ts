/**
 * `norma export --format html|legaldocml <Datei> [-o <Datei>] [--kosten]`
 *
 * Writes a draft as a standalone HTML page or as a LegalDocML.de 1.8.2
 * Regelungstext (Entwurfsfassung): on stdout by default, into a file with
 * `-o`. LegalDocML.de keeps Anlagen in documents of their own; with `-o`
 * they are written beside the file (`<name>-anlage-<n>.xml`). Notes about
 * the export go to stderr. Bad arguments and unreadable files are usage
 * errors (exit code 2).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../service';
import { nodeFileSystem, readDraft, UsageError, writeOut, writeText, parseCommandArgs } from './io';

const FORMATS = ['html', 'legaldocml'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Aufruf: norma export --format html|legaldocml <Datei.norma> [-o <Datei>] [--kosten]

  Exportiert einen Entwurf als druckbare HTML-Seite oder als LegalDocML.de 1.8.2
  (Regelungstext, Entwurfsfassung). Annotationen und Kommentare werden weggelassen.
  -f, --format html|legaldocml   Ausgabeformat (anzugeben)
  -o, --output <Datei>           in eine Datei schreiben (Standard: Standardausgabe);
                                 bei legaldocml die Anlagen als <Name>-anlage-<n>.xml daneben
  --kosten                       html: Erfüllungsaufwand je § als Plakette anzeigen
`;

export async function runExport(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('export', args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    kosten: { type: 'boolean', default: false },
  }, { usage: USAGE, optionList: '--format, -o/--output, --kosten' });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = values.format;
  if (format === undefined) throw new UsageError(`export: Kein Format angegeben. Formate: ${FORMATS.join(', ')}. Beispiel: norma export --format html entwurf.norma`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`export: Unbekanntes Format „${format}“. Formate: ${FORMATS.join(', ')}`);
  if (!positionals.length) throw new UsageError('export: Keine Datei angegeben. Beispiel: norma export --format legaldocml entwurf.norma -o entwurf.xml');
  if (positionals.length > 1) throw new UsageError(`export: genau eine Datei erwartet, nicht ${positionals.length} (${positionals.join(', ')}).`);
  if (values.output !== undefined && values.output.trim() === '') throw new UsageError('export: -o/--output erwartet einen Dateinamen.');
  if (values.kosten && format !== 'html') throw new UsageError('export: --kosten gilt nur für --format html.');

  const file = positionals[0];
  const text = readDraft(file);
  const service = createLanguageService({ fileSystem: nodeFileSystem });
  const uri = pathToFileURL(path.resolve(file)).href;
  service.open(uri, text);
  const notes: string[] = [];
  const syntax = service.getDiagnostics(uri, 'de').filter((d) => d.code === 'syntax').length;
  if (syntax) notes.push(`${file} hat ${syntax} Syntaxfehler; exportiert wird, was der Parser daraus liest (norma lint ${file} zeigt sie).`);

  const out = values.output;
  if ((format as Format) === 'html') {
    const html = service.exportHtml(uri, { costs: values.kosten });
    if (out !== undefined) {
      writeText(out, html);
      process.stderr.write(`norma export: ${file} (HTML) → ${out}\n`);
    } else writeOut(html);
  } else {
    const stem = out !== undefined ? path.basename(out).replace(/\.xml$/i, '') : 'regelungstext';
    const r = service.exportLegalDocML(uri, { dateiname: stem });
    notes.push(...r.warnings);
    if (out !== undefined) {
      writeText(out, r.xml);
      const dir = path.dirname(out);
      for (const a of r.anlagen) writeText(path.join(dir, a.href), a.xml);
      const anlagen = r.anlagen.length ? `, ${r.anlagen.length === 1 ? 'Anlage' : 'Anlagen'}: ${r.anlagen.map((a) => path.join(dir, a.href)).join(', ')}` : '';
      process.stderr.write(`norma export: ${file} (LegalDocML.de) → ${out}${anlagen}\n`);
    } else {
      writeOut(r.xml);
      if (r.anlagen.length) {
        const n = r.anlagen.length;
        notes.push(`${n === 1 ? '1 Anlage ist' : `${n} Anlagen sind`} in LegalDocML.de ${n === 1 ? 'ein eigenes Dokument' : 'eigene Dokumente'} und ${n === 1 ? 'wird' : 'werden'} nur mit -o <Datei> geschrieben (neben die Datei).`);
      }
    }
  }
  for (const n of notes) process.stderr.write(`norma export: Hinweis: ${n}\n`);
  return 0;
}
