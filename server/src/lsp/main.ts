/**
 * `norma-language-server`: the Norma language server as a process.
 *
 *   norma-language-server --stdio          (Neovim, Emacs/eglot, Helix, …)
 *   norma-language-server --node-ipc       (VS Code starts it this way)
 *   norma-language-server --socket=PORT
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serverVersion, startServer } from './server';

const USAGE = `Aufruf: norma-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

Der Norma-Sprachserver (Language Server Protocol) für .norma-Gesetzentwürfe.
Einrichtung in Neovim, Emacs und VS Code: README.md, Abschnitt „Language server“.

  --stdio         über Standardein- und -ausgabe (für die meisten Editoren)
  --node-ipc      über den IPC-Kanal von Node (VS Code)
  --socket=PORT   über einen TCP-Port
  --version       Version ausgeben
  --help          diese Hilfe
`;

export function main(argv: readonly string[]): void {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${serverVersion()}\n`);
    return;
  }
  const transport = argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'));
  if (argv.includes('--help') || argv.includes('-h') || !transport) {
    (transport || argv.includes('--help') || argv.includes('-h') ? process.stdout : process.stderr).write(USAGE);
    if (!argv.includes('--help') && !argv.includes('-h')) process.exitCode = 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
}
