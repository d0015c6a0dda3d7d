/**
 * `norma synopse`: the Synopse of an amending draft (current version and the
 * version after its commands, § by §, changed words marked) as HTML or
 * Markdown. The first file is the draft; the further files and folders hold
 * the amended laws (imported with `norma import`).
 *
 * Exit codes: 0 written, 2 usage or file error, or no amended law among the files.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../service';
import { synopse, synopseHtml, synopseMarkdown } from '../service/amend';
import { nodeFileSystem, readText, UsageError, writeOut, writeText } from './io';
import { resolveFiles } from './lint';

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
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'html' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const opt = /'(?:-\w, )?(-[^' ]+)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`synopse: Unbekannte Option „${opt ?? err.message}“. Optionen: --format, -o/--output. Hilfe: norma synopse --help`);
    throw new UsageError(`synopse: ${err.message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    writeOut(USAGE);
    return 0;
  }
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`synopse: Unbekanntes Format „${format}“. Formate: ${FORMATS.join(', ')}`);
  if (!positionals.length) throw new UsageError('synopse: Kein Entwurf angegeben. Beispiel: norma synopse entwurf.norma gesetze/');
  const [draftPattern, ...rest] = positionals;
  const drafts = await resolveFiles([draftPattern]);
  if (drafts.length !== 1) throw new UsageError(`synopse: „${draftPattern}“ muss genau eine Datei sein (der Entwurf).`);
  const draft = drafts[0];
  const others = rest.length ? (await resolveFiles(rest)).filter((f) => path.resolve(f) !== path.resolve(draft)) : [];
  const service = createLanguageService({ fileSystem: nodeFileSystem });
  const draftUri = pathToFileURL(draft).href;
  service.open(draftUri, readText(draft).replace(/^\uFEFF/, ''));
  for (const f of others) service.open(pathToFileURL(f).href, readText(f).replace(/^\uFEFF/, ''));
  const list = synopse(service.getModel(draftUri), service.refContext);
  if (!list.length) throw new UsageError(`synopse: Kein geändertes Gesetz unter den angegebenen Dateien. Beispiel: norma synopse ${draft} bmg.norma`);
  const out = format === 'markdown' ? synopseMarkdown(list) : synopseHtml(list);
  if (values.output) writeText(values.output as string, out);
  else writeOut(out);
  return 0;
}
