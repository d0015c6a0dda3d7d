/**
 * `norma apply`: the new version of every law an amending draft amends.
 * The first file is the draft; the further files and folders hold the
 * amended laws (imported with `norma import`). Each amended law is written
 * as .norma into the output folder, under its file name.
 *
 * Exit codes: 0 every command applied, 1 a command could not be applied or
 * inserts a number that is taken (its finding is printed), 2 usage or file
 * error, or nothing to apply.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLanguageService, type LanguageService } from '../service';
import { amendAnalysis, newVersions } from '../service/amend';
import { ambiguityMessage } from '../service/amend/qualify';
import { format } from '../service/i18n/messages';
import { nodeFileSystem, readDraft, UsageError, writeOut, writeText, parseCommandArgs } from './io';
import { resolveFiles } from './lint';

const USAGE = `norma apply <Entwurf.norma> [weitere Dateien|Ordner…] -o <Ordner>

Berechnet die neue Fassung jedes Gesetzes, das der Entwurf ändert, aus den
Änderungsbefehlen seiner Artikel „Änderung des …“ und schreibt sie als .norma
in den Ausgabeordner. Die weiteren Dateien und Ordner enthalten die geänderten
Gesetze (mit „norma import“ eingelesen).

  -o, --output <Ordner>   Ausgabeordner (Pflicht)
  -h, --help              diese Hilfe

Exit-Codes: 0 alle Befehle angewandt, 1 ein Befehl nicht anwendbar (Ziel oder
Wortlaut fehlt, Nummer belegt), 2 Aufruf- oder Dateifehler oder kein geändertes
Gesetz unter den angegebenen Dateien.
`;

/**
 * The workspace of `norma apply` and `norma synopse`: the first positional is
 * the draft (exactly one file), the further files and folders hold the laws it amends.
 */
export async function openAmendingDraft(cmd: string, positionals: string[]): Promise<{ draft: string; draftUri: string; service: LanguageService }> {
  const [draftPattern, ...rest] = positionals;
  const drafts = await resolveFiles([draftPattern]);
  if (drafts.length !== 1) throw new UsageError(`${cmd}: „${draftPattern}“ muss genau eine Datei sein (der Entwurf).`);
  const draft = drafts[0];
  const others = rest.length ? (await resolveFiles(rest)).filter((f) => path.resolve(f) !== path.resolve(draft)) : [];
  const service = createLanguageService({ fileSystem: nodeFileSystem });
  const draftUri = pathToFileURL(draft).href;
  service.open(draftUri, readDraft(draft));
  for (const f of others) service.open(pathToFileURL(f).href, readDraft(f));
  return { draft, draftUri, service };
}

export async function runApply(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('apply', args, { output: { type: 'string', short: 'o' } }, { usage: USAGE, optionList: '-o/--output' });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (!positionals.length) throw new UsageError('apply: Kein Entwurf angegeben. Beispiel: norma apply entwurf.norma gesetze/ -o neu/');
  const out = values.output as string | undefined;
  if (!out) throw new UsageError('apply: Kein Ausgabeordner angegeben (-o <Ordner>).');
  const { draft, draftUri, service } = await openAmendingDraft('apply', positionals);
  const model = service.getModel(draftUri);
  const analysis = amendAnalysis(model, service.refContext);
  if (!analysis.artikel.length) throw new UsageError(`apply: ${draft} enthält keinen Artikel „Änderung des …“.`);
  const missing = analysis.artikel.filter((a) => !a.targetUri && (a.commands.length || a.unparsed.length));
  for (const a of missing) process.stderr.write(`norma apply: ${a.artikel.label}: das ${a.law?.titel ?? a.lawName} ist nicht unter den angegebenen Dateien (einlesen mit „norma import“)\n`);
  const versions = newVersions(model, service.refContext);
  if (!versions.length) throw new UsageError('apply: Kein geändertes Gesetz unter den angegebenen Dateien. Beispiel: norma apply entwurf.norma bmg.norma -o neu/');
  let failed = 0;
  for (const l of analysis.laws) {
    for (const i of l.result.issues) {
      const c = i.change;
      const line = c.span.block.startLine + c.span.line + 1;
      // a path that fits several units is not applied: an error here (a warning of lint)
      const bad = i.kind === 'ziel-fehlt' || i.kind === 'ziel-mehrdeutig' || i.kind === 'text-fehlt' || i.kind === 'inhalt-fehlt' || i.kind === 'nummer-belegt';
      if (bad) failed++;
      const key = i.kind === 'ziel-fehlt' ? (i.args.existing ? 'aenderung-ziel-fehlt.existing' : 'aenderung-ziel-fehlt.none') : i.kind === 'text-fehlt' ? 'aenderung-text-fehlt.message' : i.kind === 'text-mehrdeutig' ? 'aenderung-text-mehrdeutig.message' : i.kind === 'nummer-belegt' ? 'aenderung-nummer.belegt' : i.kind === 'nummer-reihenfolge' ? 'aenderung-nummer.reihenfolge' : 'aenderung-befehl.inhalt';
      const law = l.law.abkuerzung ?? l.law.titel;
      const msg = format(i.kind === 'ziel-mehrdeutig' ? ambiguityMessage(i, law) : { key, args: { ...i.args, law } });
      const q = i.quote === 'anchor' ? c.words?.anchor : i.quote === 'old' ? c.words?.old : undefined;
      const col = c.span.start + (q ? q.start : 0) + 1;
      process.stderr.write(`${path.relative(process.cwd(), draft) || draft}:${line}:${col} ${bad ? 'Fehler' : 'Warnung'}: ${msg}\n`);
    }
  }
  for (const v of versions) {
    const file = path.join(out, path.basename(v.uri.startsWith('file:') ? fileURLToPath(v.uri) : `${v.law.abkuerzung ?? 'gesetz'}.norma`));
    writeText(file, v.text);
    writeOut(`norma apply: ${v.law.abkuerzung ?? v.law.titel}: ${v.applied} von ${v.commands} Änderungsbefehl(en) angewandt → ${file}\n`);
  }
  return failed ? 1 : 0;
}
