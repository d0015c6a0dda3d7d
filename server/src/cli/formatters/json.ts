/**
 * JSON: an array of `{file, range, severity, code, message, source}`;
 * ranges are LSP positions (0-based line and UTF-16 character).
 */
import type { FileResult } from './index';
import { SEVERITY_NAME } from './index';

export function json(results: FileResult[]): string {
  const out = [];
  for (const r of results)
    for (const d of r.diagnostics)
      out.push({
        file: r.file,
        range: d.range,
        severity: SEVERITY_NAME[d.severity],
        code: d.code,
        message: d.message,
        source: d.source,
        ...(d.data.fix?.length ? { fix: d.data.fix } : {}),
      });
  return JSON.stringify(out, null, 2) + '\n';
}
