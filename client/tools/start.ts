/**
 * `npm start`: the training and demo environment. A browser-based VS Code
 * (code-server, installed on first use into .tools/) with the Norma
 * extension installed from a freshly packaged .vsix, samples/ open and the
 * walkthrough „Norma kennenlernen“ in front. Prints the URL and runs until Ctrl+C.
 *
 *   npm start                                   port 8080 (or the next free one), samples/ itself
 *   npm start -- --port 9000                    a given port
 *   npm start -- --folder entwuerfe/            another folder
 *   npm start -- --teilnehmer anna              a personal copy of samples/ in kurs/anna/ with its own settings
 *   npm start -- --teilnehmer anna,ben,carla    one editor per participant, on consecutive ports
 *   npm start -- --teilnehmer anna,ben --host 0.0.0.0
 *                                               reachable from other machines, each editor with its own password
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { ensureCodeServer, installExtensions, packageExtension, ROOT, startCodeServer, TOOLS, writeUserSettings, type RunningCodeServer } from './code-server';

const USAGE = `Aufruf: npm start -- [--port <Port>] [--folder <Ordner> | --teilnehmer <Name,Name,…>] [--host <Adresse>] [--sprache de|en]

  --port <Port>             erster Port (Standard: 8080 oder der nächste freie)
  --folder <Ordner>         diesen Ordner öffnen (Standard: samples/)
  --teilnehmer <Namen>      je Name eine eigene Kopie von samples/ in kurs/<Name>/ mit eigenen
                            Einstellungen und eigenem Fortschritt der Einführung, je Name ein Port
  --host <Adresse>          Adresse, auf der der Editor lauscht (Standard: 127.0.0.1, nur dieser Rechner);
                            jede andere Adresse schützt jeden Editor mit einem eigenen Passwort
  --sprache de|en           Sprache der Befehle, der Einführung und der Texte und Meldungen von Norma
                            (Standard: de; die Oberfläche von VS Code selbst bleibt englisch, ein
                            deutsches Sprachpaket gibt es ohne Marketplace nicht)`;

/**
 * code-server here has no German language pack (it comes from the Marketplace, not from npm), so VS Code's
 * display language stays English and would pick the extension's English texts. For a German course the
 * installed copy of the extension gets its German manifest texts (commands, settings, walkthrough) as the
 * default. The texts the extension makes at run time (status bar, notifications, tab titles) and the
 * findings follow the setting `norma.locale`, which the user settings below set to the same language.
 */
function germanManifest(extensionsDir: string): void {
  for (const dir of fs.readdirSync(extensionsDir)) {
    if (!/^norma\.norma-/.test(dir)) continue;
    const de = path.join(extensionsDir, dir, 'package.nls.de.json');
    if (fs.existsSync(de)) fs.copyFileSync(de, path.join(extensionsDir, dir, 'package.nls.json'));
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} braucht einen Wert.\n\n${USAGE}`);
  return v;
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

interface Seat {
  name: string | undefined;
  folder: string;
  port: number;
  password: string | undefined;
  server?: RunningCodeServer;
}

async function main(): Promise<void> {
  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  if (process.argv.includes('--help') || process.argv.includes('-h')) return log(USAGE);
  const known = new Set(['--port', '--folder', '--teilnehmer', '--host', '--sprache']);
  for (const a of process.argv.slice(2)) if (a.startsWith('--') && !known.has(a)) throw new Error(`Unbekannte Option ${a}.\n\n${USAGE}`);
  const host = arg('--host') ?? '127.0.0.1';
  const sprache = arg('--sprache') ?? 'de';
  if (sprache !== 'de' && sprache !== 'en') throw new Error(`--sprache: de oder en, nicht „${sprache}“.\n\n${USAGE}`);
  const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const names = arg('--teilnehmer')
    ?.split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names && arg('--folder')) throw new Error(`--teilnehmer und --folder schließen einander aus: jede Person bekommt eine Kopie von samples/.\n\n${USAGE}`);
  for (const n of names ?? []) {
    if (!/^[\p{L}\p{N}_-]{1,40}$/u.test(n)) throw new Error(`Ungültiger Name „${n}“: nur Buchstaben, Ziffern, - und _ (höchstens 40 Zeichen).`);
  }
  if (names && new Set(names).size !== names.length) throw new Error('Jeder Name darf nur einmal vorkommen.');
  const samples = path.join(ROOT, 'samples');
  const folder = path.resolve(ROOT, arg('--folder') ?? 'samples');
  if (!fs.existsSync(folder)) throw new Error(`Ordner nicht gefunden: ${folder}`);

  let port = Number(arg('--port') ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Ungültiger Port: ${arg('--port') ?? process.env.PORT}`);
  const fixedPort = arg('--port') !== undefined;
  const seats: Seat[] = [];
  for (const name of names ?? [undefined]) {
    if (!fixedPort || seats.length > 0) while (!(await portFree(port, host))) port++;
    else if (!(await portFree(port, host))) throw new Error(`Port ${port} ist belegt. Einen anderen mit --port wählen.`);
    const seatFolder = name ? path.join(ROOT, 'kurs', name) : folder;
    seats.push({ name, folder: seatFolder, port, password: local ? undefined : randomBytes(6).toString('base64url') });
    port++;
  }

  ensureCodeServer(log);
  log('Erweiterung wird gepackt …');
  const vsix = packageExtension(log);
  // one installation for every participant; settings and the walkthrough's progress are per person
  const extensionsDir = path.join(TOOLS, 'demo', 'extensions');
  installExtensions({ userDataDir: path.join(TOOLS, 'demo', 'user-data'), extensionsDir }, [vsix], log);
  if (sprache === 'de') germanManifest(extensionsDir);
  const settings = { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 15, 'norma.einfuehrung.beimStartOeffnen': true,
    // Norma's texts at run time and its findings in the course's language (client/src/l10n.ts)
    'norma.locale': sprache,
    // samples/ and kurs/ lie inside this repository: no offer to open it
    'git.openRepositoryInParentFolders': 'never',
  };

  for (const seat of seats) {
    if (seat.name && !fs.existsSync(seat.folder)) {
      fs.cpSync(samples, seat.folder, { recursive: true });
      log(`Kopie von samples/ für ${seat.name}: ${path.relative(ROOT, seat.folder)}/`);
    }
    const profile = { userDataDir: path.join(TOOLS, seat.name ? path.join('kurs', seat.name) : 'demo', 'user-data'), extensionsDir };
    writeUserSettings(profile, settings);
    seat.server = await startCodeServer({ port: seat.port, folder: seat.folder, profile, log, inheritOutput: false, host, password: seat.password });
  }

  log('');
  const shown = (s: Seat): string => {
    const url = s.server?.url ?? '';
    return local ? url : url.replace('//127.0.0.1:', `//${host === '0.0.0.0' || host === '::' ? '<Adresse dieses Rechners>' : host}:`);
  };
  if (seats.length === 1 && !seats[0].name) {
    log(`Norma läuft in VS Code im Browser: ${shown(seats[0])}`);
    if (seats[0].password) log(`Passwort: ${seats[0].password}`);
    log(`(geöffnet: ${path.relative(ROOT, folder) || '.'}; ${local ? 'nur auf diesem Rechner erreichbar; ' : ''}beenden mit Strg+C)`);
  } else {
    log(`Norma läuft in VS Code im Browser, je Teilnehmerin und Teilnehmer ein Editor:`);
    for (const s of seats) log(`  ${s.name}: ${shown(s)}${s.password ? `  Passwort: ${s.password}` : ''}  (Ordner kurs/${s.name}/)`);
    log(`(${local ? 'nur auf diesem Rechner erreichbar; ' : ''}beenden mit Strg+C; die Kopien in kurs/ bleiben erhalten)`);
  }
  const stop = (): void => {
    void Promise.all(seats.map((s) => s.server?.stop())).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const exited = await Promise.race(seats.map((s) => new Promise<Seat>((resolve) => s.server?.process.once('exit', () => resolve(s)))));
  process.stderr.write(`code-server${exited.name ? ` (${exited.name})` : ''} wurde beendet:\n${exited.server?.output().slice(-2000) ?? ''}\n`);
  for (const s of seats) void s.server?.stop();
  process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`npm start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
