/**
 * `norma refs`: the Verweisungsliste – every citation of the given drafts,
 * where it points and whether it resolves. The files given form the
 * workspace: a draft citing an imported law resolves against it.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createLanguageService } from '../service';
import type { ResolvedCitation } from '../service/refs';
import { targetRange } from '../service/refs/features';
import { nodeFileSystem, readDraft, UsageError, writeOut, writeText, argErrorText } from './io';
import { resolveFiles } from './lint';

export interface RefRow {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  scope: 'internal' | 'external';
  status: 'resolved' | 'unresolved' | 'repealed' | 'known' | 'unknown';
  target: RefTarget | null;
}

export interface RefTarget {
  /** File of the cited unit (for resolved citations into a document). */
  file?: string;
  eId?: string;
  /** „§ 17 Absatz 1“ (and „Satz 2“) */
  address?: string;
  /** 0-based line of the cited unit. */
  line?: number;
  /** The law, for citations of other laws. */
  law?: string;
  abkuerzung?: string;
}

const STATUS_DE: Record<RefRow['status'], string> = {
  resolved: 'aufgelöst',
  unresolved: 'NICHT GEFUNDEN',
  repealed: 'weggefallen',
  known: 'bekannt',
  unknown: 'unbekannt',
};

function toRows(file: string, citations: ResolvedCitation[]): RefRow[] {
  const rows: RefRow[] = [];
  for (const rc of citations) {
    const c = rc.citation;
    const line = c.block.startLine + c.line;
    let target: RefTarget | null = null;
    const t = rc.entries.find((e) => e.targets.length)?.targets[0];
    if (t) {
      const u = t.unit;
      target = {
        file: t.uri.startsWith('file:') ? fileURLToPath(t.uri) : t.uri,
        eId: u.eId,
        address: `${u.address || u.label}${t.satz ? ` Satz ${t.satz}` : ''}`,
        line: targetRange(t).start.line,
      };
      if (rc.scope === 'external' && rc.law) target.law = rc.law.titel;
    } else if (c.law.kind === 'gesetz') target = { law: c.law.law.titel, abkuerzung: c.law.law.abkuerzung };
    else if (c.law.kind === 'eu' || c.law.kind === 'unbekannt') target = { law: c.law.name };
    rows.push({
      file,
      range: { start: { line, character: c.start }, end: { line, character: c.end } },
      text: c.text,
      scope: rc.scope,
      status: rc.status,
      target,
    });
  }
  return rows;
}

function table(rows: RefRow[], cwd: string): string {
  const out: string[] = [];
  let file = '';
  const counts: Record<string, number> = {};
  for (const r of rows) {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    if (r.file !== file) {
      file = r.file;
      if (out.length) out.push('');
      out.push(path.relative(cwd, r.file) || r.file);
    }
    const where = `${r.range.start.line + 1}:${r.range.start.character + 1}`.padEnd(9);
    const status = STATUS_DE[r.status].padEnd(15);
    const scope = (r.scope === 'internal' ? 'intern' : 'extern').padEnd(7);
    let to = '';
    if (r.target?.address) to = `→ ${r.target.address}${r.target.law ? ` (${r.target.law})` : ''}`;
    else if (r.target?.law) to = `→ ${r.target.abkuerzung ?? r.target.law}`;
    out.push(`  ${where}${status}${scope}${r.text}  ${to}`.trimEnd());
  }
  const summary = Object.entries(counts)
    .map(([s, n]) => `${n} ${STATUS_DE[s as RefRow['status']].toLowerCase()}`)
    .join(', ');
  out.push('', `${rows.length} Verweis(e): ${summary || 'keine'}.`);
  return out.join('\n') + '\n';
}

export async function runRefs(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'table' },
        output: { type: 'string', short: 'o' },
        status: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(`refs: ${argErrorText(e as NodeJS.ErrnoException, '--format, --status, -o/--output', 'norma --help')}`);
  }
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (format !== 'table' && format !== 'json') throw new UsageError(`Unbekanntes Format „${format}“. Formate: table, json`);
  const only = values.status ? new Set((values.status as string).split(',')) : undefined;
  if (!positionals.length) throw new UsageError('Keine Dateien angegeben. Beispiel: norma refs entwurf.norma gesetze/');
  const files = await resolveFiles(positionals);
  const service = createLanguageService({ fileSystem: nodeFileSystem });
  const uris = files.map((f) => {
    const uri = pathToFileURL(f).href;
    service.open(uri, readDraft(f));
    return { file: f, uri };
  });
  let rows: RefRow[] = [];
  for (const { file, uri } of uris) rows.push(...toRows(file, service.getReferenceIndex(uri).citations));
  if (only) rows = rows.filter((r) => only.has(r.status));
  const out = format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : table(rows, process.cwd());
  if (values.output) writeText(values.output as string, out);
  else writeOut(out);
  return 0;
}
