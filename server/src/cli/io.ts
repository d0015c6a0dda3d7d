/** Small I/O helpers shared by the CLI commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
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

export function writeText(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`Datei nicht schreibbar: ${file} (${err.code ?? err.message})`);
  }
}
