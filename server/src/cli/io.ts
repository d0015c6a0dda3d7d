/** Small I/O helpers shared by the CLI commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { FileSystemHost } from '../service/config/config';

/** A problem with the call or with files: exit code 2 with a clear message. */
export class UsageError extends Error {}

export function writeOut(s: string): void {
  process.stdout.write(s);
}

export const nodeFileSystem: FileSystemHost = {
  readFile(p: string): string | undefined {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  dirname: (p) => path.dirname(p),
  join: (d, n) => path.join(d, n),
};

export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(err.code === 'ENOENT' ? `Datei nicht gefunden: ${file}` : `Datei nicht lesbar: ${file} (${err.code ?? err.message})`);
  }
}

/** A .norma file's text for the language service: read (clear error if missing), without a byte-order mark. */
export function readDraft(file: string): string {
  const text = readText(file);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function writeText(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`Datei nicht schreibbar: ${file} (${err.code ?? err.message})`);
  }
}

/**
 * Node's parseArgs errors in the CLI's language: an unknown option names the
 * command's options and its help; a value missing or given to a switch says so.
 */
export function argErrorText(e: NodeJS.ErrnoException, options: string, help: string): string {
  // "Unknown option '--x'", "Option '-f, --format <value>' argument missing"
  const opt = /'(?:-\w, )?(-[^' ]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unbekannte Option „${opt ?? e.message}“. Optionen: ${options}. Hilfe: ${help}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(e.message) ? `Option „${opt}“ erwartet einen Wert.` : `Option „${opt}“ nimmt keinen Wert an.`;
  }
  return e.message;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * The arguments of a command with `-h/--help` added: errors become a UsageError in German naming
 * `optionList` and `norma <cmd> --help`; with --help the usage is printed and the result is undefined
 * (the command exits 0).
 */
export function parseCommandArgs<O extends OptionsConfig>(cmd: string, args: string[], options: O, help: { usage: string; optionList: string }) {
  let parsed;
  try {
    parsed = parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP }>({ args, allowPositionals: true, options: { ...options, ...HELP } });
  } catch (e) {
    throw new UsageError(`${cmd}: ${argErrorText(e as NodeJS.ErrnoException, help.optionList, `norma ${cmd} --help`)}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    writeOut(help.usage);
    return undefined;
  }
  return parsed;
}
