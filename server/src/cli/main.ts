/**
 * `norma` command line: a thin adapter over the language service.
 *
 *   norma lint <files|folders|globs> [--format stylish|json|sarif|github] [--fix] [--max-warnings N] [--locale de|en]
 *   norma import <file> [-o out.norma]
 *   norma kosten <files|folders|globs> [--format markdown|json|csv|html] [-o file]
 *   norma export --format html|legaldocml <file> [-o file] [--kosten]
 *
 * Exit codes: 0 no findings at error level (and warnings within budget),
 * 1 findings, 2 usage or I/O error.
 */
import { runLint } from './lint';
import { runImport } from './import-command';
import { runRefs } from './refs';
import { runKosten } from './kosten';
import { runApply } from './apply';
import { runSynopse } from './synopse';
import { runExport } from './export-command';
import { UsageError, writeOut } from './io';

const HELP = `Norma – Gesetzentwürfe prüfen, importieren und exportieren

Aufruf:
  norma lint <Dateien|Ordner|Muster…> [Optionen]
      --format stylish|json|sarif|github   Ausgabeformat (Standard: stylish)
      --fix                                sichere Korrekturen anwenden
      --max-warnings <N>                   Exit-Code 1, wenn mehr als N Warnungen
      --locale de|en                       Sprache der Meldungen
      -o, --output <Datei>                 Ausgabe in eine Datei
      -q, --quiet                          nur Fehler melden (Warnungen werden weder gezeigt noch gezählt)
  norma import <Datei.xml> [Optionen]
      gesetze-im-internet-XML (gii-norm) oder LegalDocML.de nach .norma
      -o, --output <Datei.norma>           Ausgabe in eine Datei statt auf stdout
      --fussnoten weglassen|kommentar      Fußnoten weglassen (Standard) oder als //-Kommentare behalten
  norma refs <Dateien|Ordner|Muster…> [Optionen]
      Verweisungsliste: jeder Verweis, sein Ziel und ob es ihn gibt
      (die angegebenen Dateien bilden den Arbeitsbereich: Entwürfe und importierte Gesetze)
      --format table|json                  Ausgabeformat (Standard: table)
      --status unresolved,repealed,…       nur Verweise mit diesem Status
      -o, --output <Datei>                 Ausgabe in eine Datei
  norma kosten <Dateien|Ordner|Muster…> [Optionen]
      Erfüllungsaufwand aus den @aufwand-Angaben (Vorblatt, Abschnitt E)
      --format markdown|json|csv|html      Ausgabeformat (Standard: markdown)
      -o, --output <Datei>                 Ausgabe in eine Datei
  norma apply <Entwurf.norma> [Dateien|Ordner…] -o <Ordner>
      neue Fassung jedes geänderten Gesetzes aus den Änderungsbefehlen des Entwurfs
      (die weiteren Dateien enthalten die geänderten Gesetze, mit „norma import“ eingelesen)
      -o, --output <Ordner>                Ausgabeordner
  norma synopse <Entwurf.norma> [Dateien|Ordner…] [Optionen]
      Synopse: geltende Fassung und Fassung des Entwurfs, Vorschrift für Vorschrift
      --format html|markdown               Ausgabeformat (Standard: html)
      -o, --output <Datei>                 Ausgabe in eine Datei
  norma export --format html|legaldocml <Datei.norma> [Optionen]
      druckbare HTML-Seite oder LegalDocML.de 1.8.2 (Regelungstext, Entwurfsfassung)
      -o, --output <Datei>                 Ausgabe in eine Datei (LegalDocML.de: Anlagen daneben)
      --kosten                             HTML: Erfüllungsaufwand je § anzeigen
  norma --help | --version

Exit-Codes: 0 keine Fehler, 1 Befunde, 2 Aufruf- oder Dateifehler.
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'lint':
        return await runLint(rest);
      case 'import':
        return await runImport(rest);
      case 'kosten':
        return await runKosten(rest);
      case 'refs':
        return await runRefs(rest);
      case 'apply':
        return await runApply(rest);
      case 'synopse':
        return await runSynopse(rest);
      case 'export':
        return await runExport(rest);
      case '--version':
      case '-v':
        writeOut(`${require('../../../../package.json').version}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        writeOut(HELP);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unbekannter Befehl „${cmd}“. Befehle: lint, import, kosten, refs, export, apply, synopse. Hilfe: norma --help`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`norma: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
