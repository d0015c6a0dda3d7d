/** Default format: one line per finding, `path:line:col severity code message`, then a summary. */
import * as path from 'node:path';
import type { FileResult, FormatOptions } from './index';
import { SEVERITY_NAME } from './index';

const WORD: Record<string, { de: string; en: string }> = {
  error: { de: 'Fehler', en: 'error' },
  warning: { de: 'Warnung', en: 'warning' },
  info: { de: 'Info', en: 'info' },
  hint: { de: 'Hinweis', en: 'hint' },
};

export function stylish(results: FileResult[], o: FormatOptions): string {
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let other = 0;
  let fixable = 0;
  let fixed = 0;
  for (const r of results) {
    const rel = path.relative(o.cwd, r.file) || r.file;
    fixed += r.fixed;
    for (const d of r.diagnostics) {
      const sev = SEVERITY_NAME[d.severity];
      if (sev === 'error') errors++;
      else if (sev === 'warning') warnings++;
      else other++;
      // --fix rewrites the drafts, never norma.config.json
      if (d.data.fix?.length && d.code !== 'config') fixable++;
      const sevText = sev === 'error' ? paint('31', sev) : sev === 'warning' ? paint('33', sev) : paint('36', sev);
      lines.push(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${sevText} ${paint('2', d.code)} ${d.message}`);
    }
  }
  const total = errors + warnings + other;
  const de = o.locale === 'de';
  if (total === 0) {
    lines.push(de ? `✔ ${results.length} Datei(en) geprüft, keine Befunde.` : `✔ ${results.length} file(s) checked, no findings.`);
  } else {
    const parts = [
      `${errors} ${de ? WORD.error.de : 'error(s)'}`,
      `${warnings} ${de ? 'Warnung(en)' : 'warning(s)'}`,
    ];
    if (other) parts.push(`${other} ${de ? 'Hinweis(e)' : 'note(s)'}`);
    lines.push('');
    lines.push(`✖ ${total} ${de ? 'Befund(e)' : 'finding(s)'} (${parts.join(', ')}) ${de ? 'in' : 'in'} ${results.length} ${de ? 'Datei(en)' : 'file(s)'}.`);
    if (fixable) lines.push(de ? `  ${fixable} davon mit --fix behebbar.` : `  ${fixable} fixable with --fix.`);
  }
  if (fixed) lines.push(de ? `  ${fixed} Korrektur(en) angewendet.` : `  ${fixed} fix(es) applied.`);
  return lines.join('\n') + '\n';
}
