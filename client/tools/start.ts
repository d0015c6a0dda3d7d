/**
 * `npm start`: the training and demo environment. A browser-based VS Code
 * (code-server, installed on first use into .tools/) with the Norma
 * extension installed from a freshly packaged .vsix and samples/ open,
 * bound to 127.0.0.1. Prints the URL and runs until Ctrl+C.
 *
 *   npm start                  port 8080 (or the next free one)
 *   npm start -- --port 9000   a given port
 *   npm start -- --folder entwuerfe/
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { ensureCodeServer, installExtensions, packageExtension, ROOT, startCodeServer, TOOLS, writeUserSettings } from './code-server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  const folder = path.resolve(ROOT, arg('--folder') ?? 'samples');
  if (!fs.existsSync(folder)) throw new Error(`Ordner nicht gefunden: ${folder}`);
  let port = Number(arg('--port') ?? process.env.PORT ?? 8080);
  if (!arg('--port')) while (!(await portFree(port))) port++;

  ensureCodeServer(log);
  log('Erweiterung wird gepackt …');
  const vsix = packageExtension(log);
  const profile = { userDataDir: path.join(TOOLS, 'demo', 'user-data'), extensionsDir: path.join(TOOLS, 'demo', 'extensions') };
  writeUserSettings(profile, { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 15 });
  installExtensions(profile, [vsix], log);
  const server = await startCodeServer({ port, folder, profile, log, inheritOutput: false });
  log('');
  log(`Norma läuft in VS Code im Browser: ${server.url}`);
  log(`(nur auf diesem Rechner erreichbar; geöffnet: ${path.relative(ROOT, folder) || '.'}; beenden mit Strg+C)`);
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
  process.stderr.write(`code-server wurde beendet:\n${server.output().slice(-2000)}\n`);
  process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`npm start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
