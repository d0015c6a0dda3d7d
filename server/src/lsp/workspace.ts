/**
 * Files and URIs: the drafts of the workspace on disk, and one spelling per
 * file URI. Clients encode file URIs differently (VS Code percent-encodes
 * more characters than Node's `pathToFileURL`, Neovim differently again), so
 * the server keys documents by a canonical URI and answers an editor with
 * the spelling that editor used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileSystemHost } from '../service';
import { CONFIG_FILE_NAME } from '../service/config/config';

export { CONFIG_FILE_NAME };

/** Folders never searched for drafts (dependencies, tools, version control, hidden folders). */
const IGNORED_DIRS = new Set(['node_modules', '.git', '.tools']);

export const nodeFileSystem: FileSystemHost = {
  readFile(p: string): string | undefined {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  dirname: (p) => path.dirname(p),
  join: (dir, name) => path.join(dir, name),
};

/** The file path of a `file:` URI (undefined for other schemes). */
export function uriToPath(uri: string): string | undefined {
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
  let p = decodeURIComponent(m[2] ?? '/');
  if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
  if (m[1] && m[1] !== 'localhost') p = `//${m[1]}${p}`;
  return p;
}

/** A `file:` URI for a path, encoded the way VS Code encodes it. */
export function pathToUri(p: string): string {
  let norm = p.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(norm)) norm = `/${norm[0].toLowerCase()}%3A${norm.slice(2).split('/').map(encodeURIComponent).join('/')}`;
  else norm = norm.split('/').map(encodeURIComponent).join('/');
  return `file://${norm.startsWith('/') ? '' : '/'}${norm}`;
}

/** One spelling per document: file URIs re-encoded from their path; other URIs as they are. */
export function canonicalUri(uri: string): string {
  const p = uriToPath(uri);
  return p === undefined ? uri : pathToUri(p);
}

export function isNormaPath(p: string): boolean {
  return p.toLowerCase().endsWith('.norma');
}

export function isConfigPath(p: string): boolean {
  return path.basename(p) === CONFIG_FILE_NAME;
}

/** Every .norma file below a folder (absolute paths, sorted); symbolic links are not followed. */
export async function findDrafts(folder: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!IGNORED_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(path.join(dir, e.name));
      } else if (e.isFile() && isNormaPath(e.name)) out.push(path.join(dir, e.name));
    }
  };
  await walk(folder);
  return out.sort();
}

export function readDraft(p: string): string | undefined {
  try {
    const text = fs.readFileSync(p, 'utf8');
    // a byte order mark is no part of the draft (as in `norma lint`)
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
