/**
 * `norma synopse`: the Synopse of an amending draft (current version and the
 * version after its commands, § by §, changed words marked) as HTML or
 * Markdown. The first file is the draft; the further files and folders hold
 * the amended laws (imported with `norma import`).
 *
 * Exit codes: 0 written, 2 usage or file error, or no amended law among the files.
 */
import { synopse, synopseHtml, synopseMarkdown } from '../service/amend';
import { openAmendingDraft } from './apply';
import { UsageError, writeOut, writeText, parseCommandArgs } from './io';

const FORMATS = ['html', 'markdown'] as const;

const USAGE = `norma synopse <Entwurf.norma> [weitere Dateien|Ordner…] [--format html|markdown] [-o <Datei>]

Gegenüberstellung von geltender Fassung und Fassung des Entwurfs, Vorschrift für
Vorschrift, mit markierten Änderungen; für die Begründung und als CI-Artefakt.
Die weiteren Dateien und Ordner enthalten die geänderten Gesetze (mit
„norma import“ eingelesen).

  -f, --format html|markdown   Ausgabeformat (Standard: html)
  -o, --output <Datei>         Ausgabe in eine Datei
  -h, --help                   diese Hilfe

Exit-Codes: 0 geschrieben, 2 Aufruf- oder Dateifehler oder kein geändertes Gesetz
unter den angegebenen Dateien.
`;

export async function runSynopse(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('synopse', args, {
    format: { type: 'string', short: 'f', default: 'html' },
    output: { type: 'string', short: 'o' },
  }, { usage: USAGE, optionList: '--format, -o/--output' });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`synopse: Unbekanntes Format „${format}“. Formate: ${FORMATS.join(', ')}`);
  if (!positionals.length) throw new UsageError('synopse: Kein Entwurf angegeben. Beispiel: norma synopse entwurf.norma gesetze/');
  const { draft, draftUri, service } = await openAmendingDraft('synopse', positionals);
  const list = synopse(service.getModel(draftUri), service.refContext);
  if (!list.length) throw new UsageError(`synopse: Kein geändertes Gesetz unter den angegebenen Dateien. Beispiel: norma synopse ${draft} bmg.norma`);
  const out = format === 'markdown' ? synopseMarkdown(list) : synopseHtml(list);
  if (values.output) writeText(values.output as string, out);
  else writeOut(out);
  return 0;
}
