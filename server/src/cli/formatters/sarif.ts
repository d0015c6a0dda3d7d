/**
 * SARIF 2.1.0 for code scanning: one run, the rules with their metadata
 * (drafting rule, source, default level), results with 1-based regions in
 * UTF-16 code units, and fixes where a safe one exists.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileResult, FormatOptions } from './index';
import { RULES } from '../../service';

const LEVEL: Record<number, 'error' | 'warning' | 'note'> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };
const RULE_LEVEL: Record<string, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function sarif(results: FileResult[], o: FormatOptions): string {
  const version: string = require('../../../../../package.json').version;
  const ruleIndex = new Map<string, number>();
  const rules = RULES.map((r, i) => {
    ruleIndex.set(r.id, i);
    return {
      id: r.id,
      name: r.id,
      shortDescription: { text: r.description[o.locale] },
      fullDescription: { text: `${r.description[o.locale]} (${r.hdr ? `${r.hdr}, ` : ''}${r.source})` },
      defaultConfiguration: { level: RULE_LEVEL[r.defaultSeverity] },
      properties: { hdr: r.hdr ?? null, source: r.source, fixable: r.fixable, tags: r.hdr ? ['Rechtsförmlichkeit', r.hdr] : ['Norma'] },
    };
  });
  const baseUri = pathToFileURL(o.cwd.endsWith(path.sep) ? o.cwd : o.cwd + path.sep).href;
  const artifactUri = (file: string): { uri: string; uriBaseId?: string } => {
    const rel = path.relative(o.cwd, file);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
    return { uri: pathToFileURL(file).href };
  };
  const out = [];
  for (const r of results) {
    const loc = artifactUri(r.file);
    for (const d of r.diagnostics) {
      const region = {
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      };
      const result: Record<string, unknown> = {
        ruleId: d.code,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: loc, region } }],
      };
      const idx = ruleIndex.get(d.code);
      if (idx !== undefined) result.ruleIndex = idx;
      if (d.data.fix?.length) {
        result.fixes = [
          {
            description: { text: o.locale === 'de' ? 'Sichere Korrektur von Norma' : 'Safe fix by Norma' },
            artifactChanges: [
              {
                artifactLocation: loc,
                replacements: d.data.fix.map((e) => ({
                  deletedRegion: {
                    startLine: e.range.start.line + 1,
                    startColumn: e.range.start.character + 1,
                    endLine: e.range.end.line + 1,
                    endColumn: e.range.end.character + 1,
                  },
                  insertedContent: { text: e.newText },
                })),
              },
            ],
          },
        ];
      }
      out.push(result);
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Norma', version, semanticVersion: version, rules } },
        originalUriBaseIds: { SRCROOT: { uri: baseUri } },
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
