/**
 * Editor features on citations: go to the cited unit, find what points to a
 * unit, hover with the cited text, document links. Pure: they take the
 * service's reference indexes and return LSP types.
 */
import type { DocumentLink, Hover, Location, Position, Range } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document-model';
import type { Unit } from '../model/types';
import { NORM_KINDS } from '../model/types';
import type { ReferenceIndex, ResolvedCitation } from './index';
import { unitKey } from './index';
import type { EntryResolution, Target } from './resolve';
import { landInfo } from './laws';

export interface IndexSource {
  /** Every document of the service, with its index (built on demand). */
  documents(): Iterable<{ uri: string; index: () => ReferenceIndex }>;
  index(uri: string): ReferenceIndex | undefined;
  model(uri: string): DocumentModel | undefined;
}

function lineEnd(u: Unit): Position {
  const b = u.block;
  const l = u.markerLine;
  return { line: b.startLine + l, character: b.tokens[l]?.end ?? b.lines[l]?.length ?? 0 };
}

/** Where a target is shown: the Satz, or the first line of the unit (its heading or marker line). */
export function targetRange(t: Target): Range {
  const u = t.unit;
  if (t.satz !== undefined) {
    const s = u.saetze[t.satz - 1];
    if (s) return { start: u.abs(s.start), end: u.abs(s.end) };
  }
  return { start: u.range.start, end: lineEnd(u) };
}

function citationRange(rc: ResolvedCitation, e?: EntryResolution): Range {
  const c = rc.citation;
  const l = c.block.startLine + c.line;
  return { start: { line: l, character: e ? e.entry.start : c.start }, end: { line: l, character: e ? e.entry.end : c.end } };
}

function contains(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

/** The citation (and the entry of it) under a position. */
export function citationAt(index: ReferenceIndex, p: Position): { rc: ResolvedCitation; entry: EntryResolution | undefined } | undefined {
  const rc = index.citationAt(p.line, p.character);
  if (!rc) return undefined;
  const entry = rc.entries.find((e) => contains(citationRange(rc, e), p));
  return { rc, entry };
}

function targetsOf(rc: ResolvedCitation, entry: EntryResolution | undefined): Target[] {
  const es = entry ? [entry] : rc.entries;
  const out: Target[] = [];
  for (const e of es) {
    if (!e.targets.length) continue;
    // a range: its first and last unit
    out.push(e.targets[0]);
    if (e.targets.length > 1) out.push(e.targets[e.targets.length - 1]);
  }
  return out;
}

export function citationDefinition(src: IndexSource, uri: string, p: Position): Location[] | undefined {
  const index = src.index(uri);
  if (!index) return undefined;
  const hit = citationAt(index, p);
  if (!hit) return undefined;
  return targetsOf(hit.rc, hit.entry).map((t) => ({ uri: t.uri, range: targetRange(t) }));
}

/** The unit a "find references" at `p` asks about: a cited unit, or the unit whose heading/marker is there. */
export function unitForReferences(src: IndexSource, uri: string, p: Position): { uri: string; unit: Unit } | undefined {
  const index = src.index(uri);
  const model = src.model(uri);
  if (!index || !model) return undefined;
  const hit = citationAt(index, p);
  if (hit) {
    const t = targetsOf(hit.rc, hit.entry)[0];
    return t ? { uri: t.uri, unit: t.unit } : undefined;
  }
  const u = model.unitAt(p.line, p.character);
  if (!u) return undefined;
  // on the heading line: the § (or Gliederung unit); elsewhere the innermost unit with a marker
  for (let x: Unit | undefined = u; x; x = x.parent) {
    if (x.implicit) continue;
    if (x.block.startLine + x.markerLine === p.line || NORM_KINDS.has(x.kind)) return { uri, unit: x };
  }
  return { uri, unit: u };
}

export function citationReferences(src: IndexSource, uri: string, p: Position, includeDeclaration: boolean): Location[] | undefined {
  const target = unitForReferences(src, uri, p);
  if (!target) return undefined;
  const key = unitKey(target.uri, target.unit);
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri: target.uri, range: { start: target.unit.range.start, end: lineEnd(target.unit) } });
  for (const d of src.documents()) {
    const list = d.index().byTarget.get(key);
    if (!list) continue;
    for (const rc of list) {
      for (const e of rc.entries) {
        if (!e.targets.some((t) => t.uri === target.uri && t.path.includes(target.unit))) continue;
        out.push({ uri: d.uri, range: citationRange(rc, e) });
      }
    }
  }
  return out;
}

function excerpt(text: string, max = 700): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function unitText(u: Unit): string {
  // the unit's own text and the text of its sub-units, as a reader sees it
  const parts: string[] = [];
  const walk = (x: Unit, depth: number): void => {
    const label = x.implicit || NORM_KINDS.has(x.kind) ? '' : `${x.label} `;
    const own = x.ownText();
    if (own || label) parts.push(`${'  '.repeat(depth)}${label}${own}`.trimEnd());
    for (const c of x.children) walk(c, depth + (x.implicit || NORM_KINDS.has(x.kind) ? 0 : 1));
  };
  walk(u, 0);
  return parts.join('\n');
}

const MD_ESCAPE = /[\\`*_{}[\]<>#|]/g;
function md(s: string): string {
  return s.replace(MD_ESCAPE, (c) => `\\${c}`);
}

export function giiLink(slug: string, kind: string, num: string | undefined): string {
  if (!num) return `https://www.gesetze-im-internet.de/${slug}/`;
  return kind === 'artikel' ? `https://www.gesetze-im-internet.de/${slug}/art_${num}.html` : `https://www.gesetze-im-internet.de/${slug}/__${num}.html`;
}

/** EUR-Lex ELI address of an EU act named like „Verordnung (EU) 2016/679“ or „Richtlinie 2001/29/EG“. */
export function euLink(name: string): string | undefined {
  let m = /(Verordnung|Richtlinie|Beschluss)\s+\((?:EU|EG|EWG|Euratom)\)\s+(?:Nr\.\s+)?(\d+)\/(\d+)/.exec(name);
  if (m) {
    const type = m[1] === 'Verordnung' ? 'reg' : m[1] === 'Richtlinie' ? 'dir' : 'dec';
    // EU numbering: before 2015 „Nr. 883/2004“ (number/year), since 2015 year/number
    const [a, b] = [Number(m[2]), Number(m[3])];
    const [year, num] = a > 1950 && a < 2100 ? [a, b] : [b, a];
    return `https://eur-lex.europa.eu/eli/${type}/${year}/${num}/oj`;
  }
  m = /Richtlinie\s+(\d+)\/(\d+)\/(?:EU|EG|EWG)/.exec(name);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [year, num] = a > 1950 ? [a, b] : [b + (b < 100 ? 1900 : 0), a];
    return `https://eur-lex.europa.eu/eli/dir/${year}/${num}/oj`;
  }
  return undefined;
}

const STATUS_TEXT: Record<string, string> = {
  resolved: 'aufgelöst',
  unresolved: '**nicht gefunden**',
  repealed: '**weggefallen**',
  known: 'bekannt, nicht geladen',
  unknown: 'unbekanntes Gesetz',
};

export function citationHover(src: IndexSource, uri: string, p: Position): Hover | undefined {
  const index = src.index(uri);
  if (!index) return undefined;
  const hit = citationAt(index, p);
  if (!hit) return undefined;
  const { rc, entry } = hit;
  const lines: string[] = [];
  const law = rc.citation.law;
  const targets = targetsOf(rc, entry);
  if (targets.length) {
    for (const t of targets.slice(0, 2)) {
      const norm = t.path.find((u) => NORM_KINDS.has(u.kind)) ?? t.unit;
      const addr = t.unit.address || t.unit.label;
      const head = `**${md(addr)}${t.satz ? ` Satz ${t.satz}` : ''}**${norm.title ? ` – ${md(norm.title)}` : ''}${rc.scope === 'external' && rc.law ? ` (${md(rc.law.abkuerzung ?? rc.law.titel)})` : ''}`;
      lines.push(head, '');
      let text: string;
      if (t.satz !== undefined) {
        const s = t.unit.saetze[t.satz - 1];
        const doc = t.unit.block;
        text = s ? docText(doc, s.start, s.end) : t.unit.ownText();
      } else text = unitText(t.unit);
      lines.push(...excerpt(text, 900).split('\n').map((l) => `> ${md(l)}`), '');
    }
  } else if (law.kind === 'gesetz') {
    const l = law.law;
    lines.push(`**${md(rc.citation.text)}**`, '', `${md(l.titel)}${l.abkuerzung ? ` (${md(l.abkuerzung)})` : ''} – ${STATUS_TEXT[rc.status]}.`);
    const land = landInfo(l.land);
    if (l.land) lines.push('', `Landesrecht ${md(land?.name ?? l.land)}${l.fundstelle ? `, ${md(l.fundstelle)}` : ''}.`);
    if (rc.status === 'known' && l.land)
      lines.push('', `Landesrecht steht nicht auf gesetze-im-internet.de: den Wortlaut${land ? ` (${md(land.portal)})` : ''} als .norma-Datei mit „fassung: konsolidiert“ in den Arbeitsbereich legen, dann werden Verweise darauf geprüft.`);
    else if (rc.status === 'known') lines.push('', 'Mit `norma import` in den Arbeitsbereich holen, dann werden Verweise darauf geprüft.');
    if (l.gii) {
      const first = (entry ?? rc.entries[0])?.entry.levels[0] ?? rc.citation.entries[0]?.levels[0];
      lines.push('', `[gesetze-im-internet.de](${giiLink(l.gii, first?.kind ?? 'paragraph', first?.value)})`);
    }
  } else if (law.kind === 'eu') {
    const link = euLink(law.name);
    lines.push(`**${md(rc.citation.text)}**`, '', `Rechtsakt der Europäischen Union: ${md(law.name)}.`);
    if (link) lines.push('', `[EUR-Lex](${link})`);
  } else if (law.kind === 'unbekannt') {
    lines.push(`**${md(rc.citation.text)}**`, '', `Verweis auf „${md(law.name)}“ – ${STATUS_TEXT.unknown}.`);
  } else {
    const prob = (entry ?? rc.entries.find((e) => e.problem))?.problem;
    lines.push(`**${md(rc.citation.text)}**`, '', `Verweis ${STATUS_TEXT[rc.status]}${prob?.existing ? ` (vorhanden: ${md(prob.existing)})` : ''}.`);
  }
  if (rc.citation.fassung) {
    const f = rc.citation.fassung.kind;
    lines.push('', f === 'jeweils' ? '_Dynamische Verweisung (in der jeweils geltenden Fassung)._' : f === 'historisch' ? '_Verweis auf eine frühere Fassung._' : '_Statische Verweisung (bestimmte Fassung)._');
  }
  const range = entry ? citationRange(rc, entry) : citationRange(rc);
  return { contents: { kind: 'markdown', value: lines.join('\n').trim() }, range };
}

function docText(block: Unit['block'], s: { line: number; character: number }, e: { line: number; character: number }): string {
  if (s.line === e.line) return block.lines[s.line].slice(s.character, e.character);
  const out = [block.lines[s.line].slice(s.character)];
  for (let l = s.line + 1; l < e.line; l++) out.push(block.lines[l]);
  out.push(block.lines[e.line].slice(0, e.character));
  return out.join(' ');
}

/** Links: internal and workspace targets to their line, known laws to gesetze-im-internet.de, EU acts to EUR-Lex. */
export function citationLinks(src: IndexSource, uri: string): DocumentLink[] {
  const index = src.index(uri);
  if (!index) return [];
  const out: DocumentLink[] = [];
  for (const rc of index.citations) {
    for (const e of rc.entries) {
      const t = e.targets[0];
      if (!t) continue;
      const r = targetRange(t);
      out.push({ range: citationRange(rc, e), target: `${t.uri}#L${r.start.line + 1}`, tooltip: t.unit.address || t.unit.label });
    }
    const law = rc.citation.law;
    if (!rc.entries.some((e) => e.targets.length)) {
      let target: string | undefined;
      if (law.kind === 'gesetz' && law.law.gii) {
        const first = rc.citation.entries[0]?.levels[0];
        target = giiLink(law.law.gii, first?.kind ?? 'paragraph', first?.kind === 'paragraph' || first?.kind === 'artikel' ? first.value : undefined);
      } else if (law.kind === 'eu') target = euLink(law.name);
      if (target) out.push({ range: citationRange(rc), target, tooltip: law.kind === 'gesetz' ? law.law.titel : law.kind === 'eu' ? law.name : undefined });
    }
  }
  return out;
}
