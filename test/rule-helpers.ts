/**
 * Small helpers for the rule and CLI tests: a draft template, an in-memory
 * file system for norma.config.json and ranges found by text.
 */
import type { Range } from 'vscode-languageserver-types';
import type { FileSystemHost } from '../server/src/service';

/** A draft with front matter. `fm` lines are added to (or replace) the defaults titel and typ. */
export function law(body: string | string[], fm: string[] = []): string {
  const keys = new Set(fm.map((l) => l.split(':')[0]));
  const head = ['---'];
  if (!keys.has('titel')) head.push('titel: Gesetz zur Erprobung von Prüfregeln');
  if (!keys.has('typ')) head.push('typ: stammgesetz');
  head.push(...fm, '---');
  const b = Array.isArray(body) ? body.join('\n') : body;
  return `${head.join('\n')}\n${b}\n`;
}

/** The standard commencement clause as § n (or Artikel n). */
export function inkraft(n: number, word = '§', subject = 'Dieses Gesetz'): string {
  return `${word} ${n} Inkrafttreten\n${subject} tritt am Tag nach der Verkündung in Kraft.`;
}

/** Range of the `nth` occurrence of `needle` in `text` (LSP positions). */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`"${needle}" (${nth}) not in text`);
  }
  const pos = (off: number): { line: number; character: number } => {
    const before = text.slice(0, off);
    const line = before.split('\n').length - 1;
    return { line, character: off - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(idx), end: pos(idx + needle.length) };
}

/** An in-memory file system with POSIX paths. */
export function memFs(files: Record<string, string>): FileSystemHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(p: string): string | undefined {
      reads.push(p);
      return Object.hasOwn(files, p) ? files[p] : undefined;
    },
    dirname(p: string): string {
      const i = p.lastIndexOf('/');
      return i <= 0 ? '/' : p.slice(0, i);
    },
    join: (d: string, n: string) => (d.endsWith('/') ? d + n : `${d}/${n}`),
  };
}
