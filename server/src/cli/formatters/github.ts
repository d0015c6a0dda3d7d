/** GitHub Actions workflow commands: annotations on the pull request's lines. */
import * as path from 'node:path';
import type { FileResult, FormatOptions } from './index';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(results: FileResult[], o: FormatOptions): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = path.relative(o.cwd, r.file).split(path.sep).join('/') || r.file;
    for (const d of r.diagnostics) {
      const level = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`Norma ${d.code}`)}`,
      ].join(',');
      lines.push(`::${level} ${props}::${escapeData(`${d.message} [${d.source}]`)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
