/**
 * Rules on defined terms (H17, HdR Rn. 273, a secondary source): a term is
 * defined once, the definition is used, and a bracketed or „im Sinne“
 * definition stands at the first use of the term (a Begriffsbestimmungen §
 * near the start of the law defines for the whole law).
 */
import type { Rule } from './rule';
import { isDraft } from './rule';
import { termIndex, unitPlace, type TermDefinition, type TermIndex, type TermUsage } from '../terms';
import { NORM_KINDS, GLIEDERUNG_KINDS, type Unit } from '../model/types';
import type { DocumentModel } from '../model/document-model';

const SOURCE = 'HdR Rn. 273 (Sekundärquelle)';

export const begriffDoppelt: Rule = {
  id: 'begriff-doppelt',
  hdr: 'H17',
  source: SOURCE,
  description: { de: 'Ein Begriff wird nur einmal bestimmt', en: 'A term is defined only once' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    for (const t of termIndex(ctx.model).terms.values()) {
      const [first, ...rest] = t.definitions;
      for (const d of rest) {
        ctx.report(d.block, {
          message: { key: 'begriff-doppelt.found', args: { term: d.term, place: unitPlace(first.unit), line: first.range.start.line + 1 } },
          start: { line: d.def.line, character: d.def.start },
          end: { line: d.def.line, character: d.def.end },
        });
      }
    }
  },
};

export const begriffUnbenutzt: Rule = {
  id: 'begriff-unbenutzt',
  hdr: 'H17',
  source: SOURCE,
  description: { de: 'Bestimmte Begriffe werden verwendet', en: 'Defined terms are used' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    const idx = termIndex(ctx.model);
    for (const t of idx.terms.values()) {
      const own = new Set(t.definitions.map((d) => d.unit));
      // a usage in the defining unit itself or in the Inhaltsübersicht does not count
      if (idx.usagesOf(t.key).some((u) => u.usage.where !== 'toc' && !own.has(u.unit))) continue;
      const d = t.definitions[0];
      ctx.report(d.block, {
        message: { key: 'begriff-unbenutzt.found', args: { term: d.term } },
        start: { line: d.def.line, character: d.def.start },
        end: { line: d.def.line, character: d.def.end },
      });
    }
  },
};

function normOf(u: Unit): Unit | undefined {
  for (let x: Unit | undefined = u; x; x = x.parent) if (NORM_KINDS.has(x.kind)) return x;
  return undefined;
}

/**
 * A Begriffsbestimmungen § near the start of the law: at most three §§ or
 * Artikel before it, or in the first top-level Gliederung unit („Teil 1
 * Allgemeine Vorschriften“).
 */
export function nearStart(model: DocumentModel, norm: Unit): boolean {
  const i = model.norms.indexOf(norm);
  if (i >= 0 && i <= 3) return true;
  let top: Unit | undefined;
  for (let x: Unit | undefined = norm.parent; x && GLIEDERUNG_KINDS.has(x.kind); x = x.parent) top = x;
  return top !== undefined && top === model.gliederung[0];
}

/** „… des vorausgefüllten Datensatzes nach § 9“: the usage points to the defining § itself. */
const CITES_AFTER = /^[ \u00a0]*(?:\(|nach|gemäß|im[ \u00a0]+Sinne[ \u00a0]+des|des|aus)[ \u00a0]*(?:§|Artikel)[ \u00a0]*(\d+[a-z]?)/;

function citesNorm(u: TermUsage, norm: Unit | undefined): boolean {
  if (!norm?.num) return false;
  const line = u.block.lines[u.usage.line];
  const m = CITES_AFTER.exec(line.slice(u.usage.end, u.usage.end + 40));
  return !!m && m[1] === norm.num;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The first usage of a term that comes before its definition and is not excused, if any. */
export function usageBeforeDefinition(idx: TermIndex, d: TermDefinition): TermUsage | undefined {
  const model = idx.model;
  const norm = normOf(d.unit);
  let cutoff = d.range.start;
  if (d.inBegriffsbestimmungen && norm) {
    // the Begriffsbestimmungen § defines for the whole law when it stands near the start
    if (nearStart(model, norm)) return undefined;
    cutoff = norm.range.start;
  }
  for (const u of idx.usagesOf(d.key)) {
    const r = u.range;
    if (!before(r.start, cutoff)) break;
    if (u.usage.where === 'toc' || u.unit === d.unit) continue;
    // the heading of the defining § („§ 9 Vorausgefüllter Datensatz“)
    if (u.usage.where === 'title' && u.unit === norm) continue;
    if (citesNorm(u, norm)) continue;
    return u;
  }
  return undefined;
}

export const begriffVorDefinition: Rule = {
  id: 'begriff-vor-definition',
  hdr: 'H17',
  source: SOURCE,
  description: { de: 'Begriffsbestimmung bei der ersten Verwendung', en: 'A term is defined where it is first used' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    const idx = termIndex(ctx.model);
    for (const t of idx.terms.values()) {
      const d = t.definitions[0];
      const u = usageBeforeDefinition(idx, d);
      if (!u) continue;
      ctx.report(d.block, {
        message: { key: 'begriff-vor-definition.found', args: { term: d.term, place: unitPlace(u.unit), line: u.range.start.line + 1 } },
        start: { line: d.def.line, character: d.def.start },
        end: { line: d.def.line, character: d.def.end },
      });
    }
  },
};

export const TERM_RULES: readonly Rule[] = [begriffDoppelt, begriffUnbenutzt, begriffVorDefinition];
