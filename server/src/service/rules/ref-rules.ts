/**
 * Rules on cross-references: a citation that points nowhere or to a repealed
 * unit, chains of references (H10), the first mention of another law (H8)
 * and the static/dynamic marker of full citations (H9).
 */
import type { Rule } from './rule';
import { isDraft } from './rule';
import { referenceIndex, type ResolvedCitation } from '../refs';
import type { CitLevel } from '../refs/citations';
import type { LawMention } from '../refs/citations';
import type { Unit } from '../model/types';
import { dataRegistry, draftLand } from '../refs/laws';

const LEVEL_WORD: Record<string, string> = {
  paragraph: '§',
  artikel: 'Artikel',
  anlage: 'Anlage',
  absatz: 'Absatz',
  unterabsatz: 'Unterabsatz',
  satz: 'Satz',
  halbsatz: 'Halbsatz',
  nummer: 'Nummer',
  buchstabe: 'Buchstabe',
  doppelbuchstabe: 'Doppelbuchstabe',
};
const PLURAL_WORD: Record<string, string> = {
  absatz: 'die Absätze',
  nummer: 'die Nummern',
  buchstabe: 'die Buchstaben',
  doppelbuchstabe: 'die Doppelbuchstaben',
};

/** „§ 12 Absatz 4“: the levels of an entry up to and including `upTo`, as a drafter writes them. */
function pathText(levels: CitLevel[], upTo: CitLevel): string {
  const out: string[] = [];
  for (const l of levels) {
    // the failing level may be a copy carrying the last value of a range („Nummer 2 bis 3“ → „Nummer 3“)
    const same = l === upTo || (l.kind === upTo.kind && l.start === upTo.start);
    const v = same ? upTo.value : l.value;
    out.push(v ? `${LEVEL_WORD[l.kind]} ${v}` : LEVEL_WORD[l.kind]);
    if (same) break;
  }
  return out.join(' ');
}

export const verweisZielFehlt: Rule = {
  id: 'verweis-ziel-fehlt',
  source: 'HdR4 Teil B II 1 (Verweisungen müssen ein bestimmtes Ziel haben)',
  description: { de: 'Verweis auf eine Einheit, die es nicht gibt', en: 'Reference to a unit that does not exist' },
  defaultSeverity: 'error',
  fixable: false,
  checkDocument(ctx) {
    const idx = referenceIndex(ctx.model);
    for (const rc of idx.citations) {
      // the targets of amending instructions are checked by aenderung-ziel-fehlt, in the order of the commands
      if (rc.status !== 'unresolved' || rc.citation.amendment) continue;
      for (const e of rc.entries) {
        if (e.status !== 'unresolved' || !e.problem) continue;
        const p = e.problem;
        const what = pathText(e.entry.levels, p.level);
        const law = rc.scope === 'external' && rc.law ? ` (${rc.law.abkuerzung ?? rc.law.titel})` : '';
        let key: string;
        let args: Record<string, string | number> = { what: what + law };
        switch (p.kind) {
          case 'norm':
            key = p.existing ? 'verweis-ziel-fehlt.normNearest' : 'verweis-ziel-fehlt.norm';
            args = { ...args, nearest: p.existing };
            break;
          case 'anlage':
            key = p.existing ? 'verweis-ziel-fehlt.anlageExisting' : 'verweis-ziel-fehlt.norm';
            args = { ...args, existing: p.existing };
            break;
          case 'satz':
            key = 'verweis-ziel-fehlt.satz';
            args = { ...args, parent: p.parentName, count: Number(p.existing) || 0 };
            break;
          case 'context':
            key = 'verweis-ziel-fehlt.context';
            args = { ...args, kind: PLURAL_WORD[p.level.kind]?.replace('die ', '') ?? LEVEL_WORD[p.level.kind] };
            break;
          default:
            key = p.existing ? 'verweis-ziel-fehlt.subExisting' : 'verweis-ziel-fehlt.subNone';
            args = { ...args, parent: p.parentName, existing: p.existing, plural: PLURAL_WORD[p.level.kind] ?? LEVEL_WORD[p.level.kind] };
        }
        const c = rc.citation;
        ctx.report(c.block, {
          message: { key, args },
          start: { line: c.line, character: e.entry.start },
          end: { line: c.line, character: e.entry.end },
        });
      }
    }
  },
};

export const verweisAufgehoben: Rule = {
  id: 'verweis-aufgehoben',
  source: 'HdR4 Teil B II 1 (Verweisungen müssen ein bestimmtes Ziel haben)',
  description: { de: 'Verweis auf eine weggefallene Einheit', en: 'Reference to a repealed unit' },
  defaultSeverity: 'warning',
  fixable: false,
  // consolidated law keeps references to repealed units on purpose (transitional provisions)
  appliesTo: isDraft,
  checkDocument(ctx) {
    for (const rc of referenceIndex(ctx.model).citations) {
      for (const e of rc.entries) {
        if (e.status !== 'repealed') continue;
        const c = rc.citation;
        const t = e.targets[0]?.unit;
        const what = c.block.lines[c.line].slice(e.entry.start, e.entry.end);
        // the repealed unit is named when it is not what was cited („§ 4“ inside „§§ 3 bis 6 (weggefallen)“)
        const target = t?.address || t?.label || '';
        ctx.report(c.block, {
          message: target && target !== what ? { key: 'verweis-aufgehoben.found', args: { what, target } } : { key: 'verweis-aufgehoben.same', args: { what } },
          start: { line: c.line, character: e.entry.start },
          end: { line: c.line, character: e.entry.end },
        });
      }
    }
  },
};

const ONLY_REFERS = /(?:gilt|gelten)\s+(?:[^\s.;]+\s+){0,8}?entsprechend|finde[tn]\s+(?:\S+\s+){0,3}(?:entsprechende\s+)?Anwendung|(?:ist|sind)\s+(?:\S+\s+){0,3}entsprechend\s+anzuwenden/;

export const verweisKette: Rule = {
  id: 'verweis-kette',
  hdr: 'H10',
  source: 'HdR2 Rn. 210',
  description: { de: 'Keine Kettenverweisungen', en: 'No chains of references' },
  defaultSeverity: 'hint',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    const idx = referenceIndex(ctx.model);
    // units whose own text is only a reference onwards („§ 7 gilt entsprechend.“)
    const onward = new Map<Unit, ResolvedCitation>();
    for (const rc of idx.citations) {
      const u = rc.citation.unit;
      if (rc.status !== 'resolved' || onward.has(u)) continue;
      const text = u.ownText();
      if (text.length <= 160 && ONLY_REFERS.test(text)) onward.set(u, rc);
    }
    if (!onward.size) return;
    for (const rc of idx.citations) {
      if (rc.scope !== 'internal' || rc.status !== 'resolved') continue;
      for (const e of rc.entries) {
        if (e.targets.length !== 1) continue;
        const t = e.targets[0].unit;
        const next = onward.get(t) ?? [...t.children].map((c) => onward.get(c)).find((x) => x);
        if (!next || next === rc || next.citation.unit === rc.citation.unit) continue;
        const c = rc.citation;
        ctx.report(c.block, {
          message: { key: 'verweis-kette.found', args: { what: c.block.lines[c.line].slice(e.entry.start, e.entry.end), target: t.address || t.label, next: next.citation.text } },
          start: { line: c.line, character: e.entry.start },
          end: { line: c.line, character: e.entry.end },
        });
      }
    }
  },
};

const ZULETZT = /zuletzt\s+durch\s.{0,160}?geändert\s+worden\s+ist/;

interface Occurrence {
  block: ResolvedCitation['citation']['block'];
  line: number;
  start: number;
  end: number;
  full: boolean;
  fassung: boolean;
  lawId: string;
  lawName: string;
  ohneFundstelle: boolean;
  /** The law's document when it is a draft or imported law of the workspace. */
  uri: string | undefined;
}

function occurrences(rcs: ResolvedCitation[], mentions: LawMention[], generic: (name: string) => boolean = () => false): Occurrence[] {
  const out: Occurrence[] = [];
  for (const rc of rcs) {
    const l = rc.citation.law;
    // an amending instruction names no law: the Artikel's heading and first sentence do
    if (rc.scope !== 'external' || rc.citation.amendment || (l.kind !== 'gesetz' && l.kind !== 'unbekannt')) continue;
    // „§ 64 der Landesbauordnung“ in a federal draft: the Länder's laws in general, no law to cite in full
    if (l.kind === 'unbekannt' && generic(l.name)) continue;
    out.push({
      block: rc.citation.block,
      line: rc.citation.line,
      start: l.start,
      end: l.end,
      full: rc.citation.fullCitation,
      fassung: !!rc.citation.fassung,
      lawId: l.kind === 'gesetz' ? l.law.id : l.name,
      lawName: rc.citation.block.lines[rc.citation.line].slice(l.start, l.end),
      ohneFundstelle: l.kind === 'gesetz' && l.law.ohneFundstelle,
      uri: l.kind === 'gesetz' ? l.law.uri : undefined,
    });
  }
  for (const m of mentions) {
    const l = m.law;
    // a heading („Artikel 1 Änderung des Bundesmeldegesetzes“) never carries a full citation
    if (m.inTitle || (l.kind !== 'gesetz' && l.kind !== 'unbekannt')) continue;
    out.push({
      block: m.block,
      line: m.line,
      start: m.start,
      end: m.end,
      full: m.fullCitation,
      fassung: !!m.fassung,
      lawId: l.kind === 'gesetz' ? l.law.id : l.name,
      lawName: m.block.lines[m.line].slice(m.start, m.end),
      ohneFundstelle: l.kind === 'gesetz' && l.law.ohneFundstelle,
      uri: l.kind === 'gesetz' ? l.law.uri : undefined,
    });
  }
  out.sort((a, b) => a.block.startLine + a.line - (b.block.startLine + b.line) || a.start - b.start);
  return out;
}

export const zitierungErstnennung: Rule = {
  id: 'zitierung-erstnennung',
  hdr: 'H8',
  source: 'HdR4 Teil B II 2; HdR3 Rn. 169 ff.',
  description: {
    de: 'Erste Nennung eines anderen Gesetzes mit vollständigem Zitat',
    en: 'First mention of another law with a full citation',
  },
  defaultSeverity: 'hint',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    const idx = referenceIndex(ctx.model);
    const own = ctx.model.document.uri;
    const seen = new Set<string>();
    const registry = ctx.model.workspace?.registry ?? dataRegistry();
    const federal = draftLand(ctx.doc) === undefined;
    for (const o of occurrences(idx.citations, idx.mentions, (n) => federal && registry.isLandShortForm(n))) {
      if (seen.has(o.lawId)) continue;
      seen.add(o.lawId);
      // the draft naming itself is the rule eigene-abkuerzung's business
      if (o.full || o.ohneFundstelle || o.uri === own) continue;
      ctx.report(o.block, {
        message: { key: 'zitierung-erstnennung.found', args: { law: o.lawName } },
        start: { line: o.line, character: o.start },
        end: { line: o.line, character: o.end },
      });
    }
  },
};

export const zitierungFassung: Rule = {
  id: 'zitierung-fassung',
  hdr: 'H9',
  source: 'HdR4 Teil B II 2 (Rn. 55, 107, 112)',
  description: {
    de: 'Vollzitat als statische oder dynamische Verweisung kennzeichnen',
    en: 'Mark a full citation as static or dynamic',
  },
  defaultSeverity: 'hint',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    const idx = referenceIndex(ctx.model);
    for (const o of occurrences(idx.citations, idx.mentions)) {
      // an amending law named by its date („Artikel 12 des Gesetzes vom 3. Dezember 2020 (BGBl. …)“) is static by nature
      if (!o.full || o.fassung || o.lawName === 'Gesetzes' || o.lawName === 'Gesetz') continue;
      const after = o.block.lines[o.line].slice(o.end, o.end + 320);
      if (ZULETZT.test(after)) continue;
      ctx.report(o.block, {
        message: { key: 'zitierung-fassung.found', args: { law: o.lawName } },
        start: { line: o.line, character: o.start },
        end: { line: o.line, character: o.end },
      });
    }
  },
};
