/**
 * Rules on the structure of a law: unit naming (H2), headings (H3),
 * numbering of §§ and of their parts (H4), the commencement clause (H16),
 * empty units, and the parse findings (syntax, front matter).
 */
import type { Rule, DocumentCheckContext, ReportInput } from './rule';
import { isDraft } from './rule';
import { GLIEDERUNG_KINDS, GLIEDERUNG_LEVEL, ITEM_KINDS, NORM_KINDS, type Unit, type UnitKind } from '../model/types';
import { romanValue } from '../parser/lexer';
import type { Block } from '../parser/block';

// --- parse findings as rules ---------------------------------------------------------

export const syntax: Rule = {
  id: 'syntax',
  source: 'Norma-Sprachreferenz (docs/language.md)',
  description: { de: 'Syntaxfehler', en: 'Syntax error' },
  defaultSeverity: 'error',
  fixable: false,
};

export const frontmatter: Rule = {
  id: 'frontmatter',
  source: 'Norma-Sprachreferenz (docs/language.md), Vorspann',
  description: { de: 'Vorspann (Front Matter) gültig', en: 'Valid front matter' },
  defaultSeverity: 'error',
  fixable: true,
};

export const vorspannFehlt: Rule = {
  id: 'vorspann-fehlt',
  source: 'Norma-Sprachreferenz (docs/language.md), Vorspann',
  description: { de: 'Entwurf hat einen Vorspann', en: 'Draft has front matter' },
  defaultSeverity: 'info',
  fixable: false,
  checkDocument(ctx) {
    if (ctx.model.frontMatter || ctx.model.document.blocks.length === 0) return;
    const block = ctx.model.document.blocks[0];
    // a placeholder: the heading of the first § is not the title of the law
    const title = 'Titel des Gesetzes';
    ctx.report(block, {
      message: { key: 'vorspann-fehlt.missing' },
      start: { line: 0, character: 0 },
      end: { line: 0, character: block.lines[0]?.length ?? 0 },
      suggestions: [
        {
          title: { key: 'vorspann-fehlt.insert' },
          edits: [{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, newText: `---\ntitel: ${title}\ntyp: stammgesetz\n---\n` }],
        },
      ],
    });
  },
};

// --- numbers -------------------------------------------------------------------------

export interface NumKey {
  n: number;
  s: string;
}

const NUMKEY_CACHE = new WeakMap<Unit, NumKey | null>();

/** numKey of a unit's own number, cached per unit (units live as long as their block's parse). */
export function unitKey(u: Unit): NumKey | undefined {
  let k = NUMKEY_CACHE.get(u);
  if (k === undefined) NUMKEY_CACHE.set(u, (k = numKey(u.num, u.kind, u.numberStyle) ?? null));
  return k ?? undefined;
}

const RANGE_END_CACHE = new WeakMap<Unit, NumKey | null>();
function rangeEndKey(u: Unit): NumKey | undefined {
  let k = RANGE_END_CACHE.get(u);
  if (k === undefined) RANGE_END_CACHE.set(u, (k = numKey(u.numTo, u.kind) ?? null));
  return k ?? undefined;
}

/** `12a` → {12, "a"}; letters `c` → {3, ""}; `bb` → {2, ""}; Roman `IV a` → {4, "a"}. */
export function numKey(num: string | undefined, kind: UnitKind, style?: string): NumKey | undefined {
  if (!num) return undefined;
  if (kind === 'buchstabe' || kind === 'doppelbuchstabe' || kind === 'dreifachbuchstabe') {
    return { n: num.charCodeAt(0) - 96, s: '' };
  }
  let m = /^(\d+)([a-z]*)$/.exec(num);
  if (m) return { n: Number(m[1]), s: m[2] };
  if (style === 'roman' || style === 'bare-roman' || /^[IVXLC]+[a-z]?$/.test(num)) {
    m = /^([IVXLC]+)([a-z]?)$/.exec(num);
    if (m) return { n: romanValue(m[1]), s: m[2] };
  }
  return undefined;
}

function cmp(a: NumKey, b: NumKey): number {
  return a.n !== b.n ? a.n - b.n : a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
}

export type SeqProblem =
  | { type: 'start'; first: string }
  | { type: 'gap'; expected: number }
  | { type: 'duplicate'; firstIndex: number }
  | { type: 'order'; prevIndex: number };

/**
 * Check a numbered sequence. Each element: its key, and for ranges the key
 * of the last number covered. Letter suffixes (3a after 3) are insertions and
 * not gaps.
 */
export function checkSequence(items: { key: NumKey; to?: NumKey }[], firstValue = 1): { index: number; problem: SeqProblem }[] {
  const out: { index: number; problem: SeqProblem }[] = [];
  if (!items.length) return out;
  // fast path: the usual, correct sequence (1, 2, 2a, 3 …) needs no bookkeeping
  let ok = items[0].key.n === firstValue && items[0].key.s === '';
  for (let i = 1; ok && i < items.length; i++) {
    const p = items[i - 1].to ?? items[i - 1].key;
    const k = items[i].key;
    ok = cmp(k, p) > 0 && (k.n === p.n || (k.n === p.n + 1 && k.s === ''));
  }
  if (ok) return out;
  const seen = new Map<string, number>();
  let prev: NumKey | undefined;
  for (let i = 0; i < items.length; i++) {
    const { key, to } = items[i];
    const id = `${key.n}${key.s}`;
    if (i === 0 && (key.n !== firstValue || key.s !== '')) {
      out.push({ index: i, problem: { type: 'start', first: String(firstValue) } });
    }
    if (seen.has(id)) {
      out.push({ index: i, problem: { type: 'duplicate', firstIndex: seen.get(id) as number } });
      continue;
    }
    seen.set(id, i);
    if (prev) {
      const c = cmp(key, prev);
      if (c < 0) {
        out.push({ index: i, problem: { type: 'order', prevIndex: i - 1 } });
        continue;
      }
      if (key.n > prev.n + 1 || (key.n === prev.n + 1 && key.s !== '')) {
        // a number that only comes later is out of order, not missing (§ 4, § 6, § 5: one finding, at § 5)
        const expected = prev.n + 1;
        let later = false;
        for (let j = i + 1; j < items.length && !later; j++) later = items[j].key.n === expected && items[j].key.s === '';
        if (!later) out.push({ index: i, problem: { type: 'gap', expected } });
      }
    }
    prev = to ?? key;
  }
  return out;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function toRoman(n: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of table) while (n >= v) {
    out += r;
    n -= v;
  }
  return out;
}
function letterOf(kind: UnitKind, n: number): string {
  const l = LETTERS[n - 1] ?? '?';
  return kind === 'doppelbuchstabe' ? l + l : kind === 'dreifachbuchstabe' ? l + l + l : l;
}

const WORD: Partial<Record<UnitKind, string>> = {
  absatz: 'Absatz',
  nummer: 'Nummer',
  buchstabe: 'Buchstabe',
  doppelbuchstabe: 'Doppelbuchstabe',
  dreifachbuchstabe: 'Dreifachbuchstabe',
  buch: 'Buch',
  teil: 'Teil',
  kapitel: 'Kapitel',
  unterkapitel: 'Unterkapitel',
  abschnitt: 'Abschnitt',
  unterabschnitt: 'Unterabschnitt',
  titel: 'Titel',
  untertitel: 'Untertitel',
};

function normLabel(u: Unit): string {
  if (u.kind === 'bereich') return u.label;
  return `${u.kind === 'artikel' ? 'Artikel' : '§'} ${u.num ?? ''}`.trim();
}

/** `Absatz 2`, `Nummer 1a`, `Buchstabe c` (the number without the marker's brackets and dot). */
function subLabel(u: Unit): string {
  return `${WORD[u.kind] ?? u.kind} ${u.num ?? u.label}`;
}

function relMarker(u: Unit): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line: u.markerLine, character: u.markerStart }, end: { line: u.markerLine, character: u.markerEnd } };
}

// --- H2 ----------------------------------------------------------------------------------

const ARABIC_WORD: Partial<Record<UnitKind, string>> = {
  buch: 'Buch',
  teil: 'Teil',
  kapitel: 'Kapitel',
  unterkapitel: 'Unterkapitel',
  abschnitt: 'Abschnitt',
  unterabschnitt: 'Unterabschnitt',
  titel: 'Titel',
  untertitel: 'Untertitel',
};

export const gliederungBezeichnung: Rule = {
  id: 'gliederung-bezeichnung',
  hdr: 'H2',
  source: 'HdR4 Teil C 4',
  description: { de: 'Gliederungseinheiten: Einheitenwort und arabische Zahl', en: 'Gliederung units: unit word and Arabic number' },
  defaultSeverity: 'warning',
  fixable: true,
  appliesTo: isDraft,
  checkBlock(ctx) {
    const u = ctx.block.parse.head;
    if (!u || !GLIEDERUNG_KINDS.has(u.kind) || u.numberStyle === 'arabic' || !u.num) return;
    const key = numKey(u.num, u.kind, u.numberStyle);
    if (!key) return;
    const arabic = `${key.n}${key.s}`;
    const start = { line: u.markerLine, character: u.markerStart };
    const end = { line: u.markerLine, character: u.markerEnd };
    if (u.numberStyle === 'bare-roman') {
      ctx.report({ message: { key: 'gliederung-bezeichnung.bareRoman', args: { written: u.label, arabic } }, start, end });
      return;
    }
    const fixed = `${ARABIC_WORD[u.kind]} ${arabic}`;
    ctx.report({
      message: { key: 'gliederung-bezeichnung.ordinal', args: { written: u.label, fixed } },
      start,
      end,
      fix: [{ start, end, newText: fixed }],
    });
  },
  checkDocument(ctx) {
    const g = ctx.model.gliederung;
    if (!g.length) return;
    const kinds = new Set(g.map((u) => u.kind));
    if (kinds.size === 1 && !kinds.has('abschnitt')) {
      const u = g[0];
      ctx.report(u.block, {
        message: { key: 'gliederung-bezeichnung.singleLevel', args: { word: WORD[u.kind] ?? u.kind } },
        ...relMarker(u),
        severity: 'info',
      });
    }
  },
};

export const gliederungEbenen: Rule = {
  id: 'gliederung-ebenen',
  hdr: 'H1',
  source: 'HdR4 Teil C, Rn. 377',
  description: {
    de: 'Gliederungsebenen in der Reihenfolge Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel, Untertitel',
    en: 'Gliederung levels in the order Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel, Untertitel',
  },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    for (const u of ctx.model.gliederung) {
      const p = u.parent;
      if (!p || !GLIEDERUNG_KINDS.has(p.kind)) continue;
      const lu = GLIEDERUNG_LEVEL[u.kind] ?? 5;
      const lp = GLIEDERUNG_LEVEL[p.kind] ?? 5;
      if (lu < lp) {
        ctx.report(u.block, {
          message: { key: 'gliederung-ebenen.order', args: { child: u.label, parent: p.label, childWord: WORD[u.kind] ?? u.kind, parentWord: WORD[p.kind] ?? p.kind } },
          ...relMarker(u),
        });
      }
    }
  },
};

export const gliederungEntbehrlich: Rule = {
  id: 'gliederung-entbehrlich',
  hdr: 'H2',
  source: 'HdR4 Teil C 4',
  description: { de: 'Kleine Gesetze brauchen keine Gliederung', en: 'Small laws need no Gliederung' },
  defaultSeverity: 'hint',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    const g = ctx.model.gliederung;
    const count = ctx.model.norms.length;
    if (g.length && count > 0 && count < 20) {
      ctx.report(g[0].block, { message: { key: 'gliederung-entbehrlich.fewNorms', args: { count, paragraphs: count === 1 ? '§' : '§§' } }, ...relMarker(g[0]) });
    }
  },
};

export const gliederungNummerierung: Rule = {
  id: 'gliederung-nummerierung',
  hdr: 'H2',
  source: 'HdR4 Teil C 4',
  description: { de: 'Gliederungseinheiten fortlaufend nummeriert', en: 'Gliederung units numbered consecutively' },
  defaultSeverity: 'warning',
  fixable: false,
  checkDocument(ctx) {
    const groups = new Map<Unit, Map<UnitKind, Unit[]>>();
    for (const u of ctx.model.gliederung) {
      if (!u.parent) continue;
      let m = groups.get(u.parent);
      if (!m) groups.set(u.parent, (m = new Map()));
      const list = m.get(u.kind) ?? [];
      list.push(u);
      m.set(u.kind, list);
    }
    for (const byKind of groups.values()) {
      for (const [kind, list] of byKind) {
        const items: { key: { n: number; s: string } }[] = [];
        const units: Unit[] = [];
        for (const u of list) {
          const k = numKey(u.num, kind, u.numberStyle);
          if (k) {
            items.push({ key: k });
            units.push(u);
          }
        }
        const word = units[0]?.numberStyle === 'bare-roman' ? 'Abschnitt' : (WORD[kind] ?? kind);
        for (const { index, problem } of checkSequence(items)) {
          const u = units[index];
          const num = u.num ?? '';
          const prev = index > 0 ? (units[index - 1].num ?? '') : '';
          // numbers as the law writes them: Roman where the units are numbered in Roman
          const roman = u.numberStyle === 'roman' || u.numberStyle === 'bare-roman';
          const show = (n: number): string => (roman ? toRoman(n) : String(n));
          const args = { word, num, prev, expected: problem.type === 'gap' ? show(problem.expected) : '', first: show(1) };
          ctx.report(u.block, {
            message: { key: `gliederung-nummerierung.${problem.type}`, args },
            ...relMarker(u),
            severity: problem.type === 'duplicate' ? 'error' : undefined,
          });
        }
      }
    }
  },
};

// --- H3 ----------------------------------------------------------------------------------

export const ueberschriftFehlt: Rule = {
  id: 'ueberschrift-fehlt',
  hdr: 'H3',
  source: 'HdR4 Teil C 4.2',
  description: { de: 'Jeder § und jeder Artikel hat eine Überschrift', en: 'Every § and Artikel has a heading' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkBlock(ctx) {
    const u = ctx.block.parse.head;
    if (!u || u.repealed) return;
    if (u.kind === 'paragraph' || u.kind === 'artikel') {
      // a heading without a number is already a syntax error
      if (!u.title && u.num) {
        ctx.report({
          message: { key: 'ueberschrift-fehlt.norm', args: { label: normLabel(u), kind: u.kind === 'artikel' ? 'Artikel' : '§' } },
          ...relMarker(u),
        });
      }
    } else if (GLIEDERUNG_KINDS.has(u.kind) && !u.title) {
      ctx.report({ message: { key: 'ueberschrift-fehlt.gliederung', args: { label: u.label } }, ...relMarker(u) });
    }
  },
};

// --- H4 -------------------------------------------------------------------------------------

function normSequences(ctx: DocumentCheckContext): Map<string, Unit[]> {
  const seqs = new Map<string, Unit[]>();
  for (const u of ctx.model.norms) {
    const w = u.label.startsWith('§') ? '§' : 'Artikel';
    const list = seqs.get(w) ?? [];
    list.push(u);
    seqs.set(w, list);
  }
  return seqs;
}

export const paragraphNummerierung: Rule = {
  id: 'paragraph-nummerierung',
  hdr: 'H4',
  source: 'HdR4 Teil C 4.2',
  description: { de: '§§ und Artikel lückenlos und aufsteigend nummeriert', en: '§§ and Artikel numbered without gaps, in order' },
  defaultSeverity: 'warning',
  fixable: false,
  checkDocument(ctx) {
    for (const [word, list] of normSequences(ctx)) {
      const items: { key: NumKey; to?: NumKey }[] = [];
      const units: Unit[] = [];
      for (const u of list) {
        const k = unitKey(u);
        if (!k) continue;
        items.push({ key: k, to: u.numTo ? rangeEndKey(u) : undefined });
        units.push(u);
      }
      for (const { index, problem } of checkSequence(items)) {
        const u = units[index];
        const cur = normLabel(u);
        const prevUnit = index > 0 ? units[index - 1] : undefined;
        const prev = prevUnit ? (prevUnit.numTo ? `${word} ${prevUnit.numTo}` : normLabel(prevUnit)) : '';
        const r: ReportInput = { message: { key: '' }, ...relMarker(u) };
        switch (problem.type) {
          case 'start':
            r.message = { key: 'paragraph-nummerierung.start', args: { cur, first: `${word} 1` } };
            break;
          case 'gap': {
            const k = numKey(u.num, u.kind) as NumKey;
            const several = k.n - 1 > problem.expected;
            const missing = several ? `${word === '§' ? '§§' : 'Artikel'} ${problem.expected} bis ${k.n - 1}` : `${word} ${problem.expected}`;
            const einheiten = word === '§' ? 'Die Paragraphen' : 'Die Artikel';
            r.message = { key: several ? 'paragraph-nummerierung.gapRange' : 'paragraph-nummerierung.gap', args: { missing, prev, cur, einheiten } };
            break;
          }
          case 'duplicate':
            r.message = { key: 'paragraph-nummerierung.duplicate', args: { cur, line: units[problem.firstIndex].block.startLine + 1 } };
            r.severity = 'error';
            break;
          case 'order':
            r.message = { key: 'paragraph-nummerierung.order', args: { cur, prev } };
            break;
        }
        ctx.report(u.block, r);
      }
    }
  },
};

const TYP_WORD: Record<string, string> = { stammgesetz: 'Stammgesetz', verordnung: 'Verordnung', aenderungsgesetz: 'Änderungsgesetz' };
/** „in einem neuen Stammgesetz“, „in einer neuen Verordnung“ (German needs the article's gender). */
const IN_NEW: Record<string, string> = { stammgesetz: 'einem neuen Stammgesetz', verordnung: 'einer neuen Verordnung', aenderungsgesetz: 'einem neuen Änderungsgesetz' };

export const buchstabenzusatz: Rule = {
  id: 'buchstabenzusatz',
  hdr: 'H4',
  source: 'HdR4 Teil C 4.2',
  description: {
    de: 'Keine Buchstabenzusätze (§ 27a) in einem neuen Stammgesetz und in den Artikeln eines Änderungsgesetzes',
    en: 'No letter suffixes (§ 27a) in a new Stammgesetz nor in the Artikel of an amending law',
  },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkBlock(ctx) {
    const typ = TYP_WORD[ctx.doc.typ] ?? ctx.doc.typ;
    const inTyp = IN_NEW[ctx.doc.typ] ?? typ;
    const amending = ctx.doc.typ === 'aenderungsgesetz';
    for (const u of ctx.block.parse.units) {
      if (!u.num || !/^\d+[a-z]+$/.test(u.num)) continue;
      if (amending) {
        // the amending law's own Artikel are counted 1, 2, 3 (what it inserts into the amended law stands in quotes)
        if (u.kind === 'artikel') ctx.report({ message: { key: 'buchstabenzusatz.artikel', args: { cur: normLabel(u) } }, ...relMarker(u) });
      } else if (NORM_KINDS.has(u.kind)) {
        ctx.report({ message: { key: 'buchstabenzusatz.norm', args: { cur: normLabel(u), typ, inTyp } }, ...relMarker(u) });
      } else if (u.kind === 'absatz' || u.kind === 'nummer') {
        ctx.report({ message: { key: 'buchstabenzusatz.sub', args: { cur: subLabel(u), typ, inTyp } }, ...relMarker(u) });
      }
    }
  },
};

export const untergliederungNummerierung: Rule = {
  id: 'untergliederung-nummerierung',
  hdr: 'H4',
  source: 'HdR4 Teil C 4.2 (entsprechend für Absätze, Nummern und Buchstaben)',
  description: {
    de: 'Absätze, Nummern und Buchstaben lückenlos und aufsteigend nummeriert',
    en: 'Absätze, Nummern and Buchstaben numbered without gaps, in order',
  },
  defaultSeverity: 'warning',
  fixable: false,
  checkBlock(ctx) {
    for (const container of ctx.block.parse.units) {
      // Absätze of a § / Artikel
      if (container.kind === 'paragraph' || container.kind === 'artikel') {
        const abs = container.children.filter((c) => c.kind === 'absatz' && !c.implicit);
        check(abs, container, 'absatz');
      }
      // each list: consecutive items of one kind. A list interrupted by text continues when its
      // next item does not start again at 1 (VwVfG § 36 Absatz 2: „1. … 3. … oder verbunden
      // werden mit 4. … 5. …“); a list starting at 1 after text is a new list (e.g. in Satz 2).
      let list: Unit[] = [];
      let kind: UnitKind | undefined;
      let interrupted = false;
      const flush = (): void => {
        if (list.length && kind && kind !== 'anstrich') check(list, container, kind);
        list = [];
        kind = undefined;
        interrupted = false;
      };
      for (const p of container.parts) {
        if (p.type !== 'unit' || !ITEM_KINDS.has(p.unit.kind)) {
          if (list.length) interrupted = true;
          continue;
        }
        const u = p.unit;
        if (u.kind !== kind) flush();
        else if (interrupted) {
          const k = numKey(u.num, u.kind);
          if (k && k.n === 1 && k.s === '') flush();
          interrupted = false;
        }
        kind = u.kind;
        list.push(u);
      }
      flush();
    }
    function check(units: Unit[], parent: Unit, kind: UnitKind): void {
      const items: { key: NumKey }[] = [];
      const us: Unit[] = [];
      for (const u of units) {
        const k = numKey(u.num, kind);
        if (k) {
          items.push({ key: k });
          us.push(u);
        }
      }
      const letter = kind === 'buchstabe' || kind === 'doppelbuchstabe' || kind === 'dreifachbuchstabe';
      const word = WORD[kind] ?? kind;
      for (const { index, problem } of checkSequence(items)) {
        const u = us[index];
        // `Nummer 3`, not the marker `3.` (which would end the message in "3..")
        const prev = index > 0 ? subLabel(us[index - 1]) : '';
        const fmt = (n: number): string => (letter ? letterOf(kind, n) : String(n));
        const first = kind === 'absatz' ? '(1)' : letter ? `${letterOf(kind, 1)})` : '1.';
        const args: Record<string, string> = {
          word,
          cur: problem.type === 'start' ? u.label : subLabel(u),
          prev,
          parent: parent.address || parent.label,
          expected: problem.type === 'gap' ? fmt(problem.expected) : '',
          first,
        };
        ctx.report({ message: { key: `untergliederung-nummerierung.${problem.type}`, args }, ...relMarker(u), severity: problem.type === 'duplicate' ? 'error' : undefined });
      }
    }
  },
};

// --- empty units ----------------------------------------------------------------------------

export const leereEinheit: Rule = {
  id: 'leere-einheit',
  source: 'HdR4 Teil C 4 (jede Gliederungseinheit hat Inhalt)',
  description: { de: 'Keine leeren Einheiten', en: 'No empty units' },
  defaultSeverity: 'warning',
  fixable: false,
  checkBlock(ctx) {
    for (const u of ctx.block.parse.units) {
      if (u.repealed || u.implicit) continue;
      const empty = u.parts.length === 0 && u.annotations.length === 0;
      if (!empty) continue;
      if (u.kind === 'paragraph' || u.kind === 'artikel') {
        ctx.report({ message: { key: 'leere-einheit.norm', args: { label: normLabel(u) } }, ...relMarker(u) });
      } else if (u.kind === 'absatz' || ITEM_KINDS.has(u.kind)) {
        ctx.report({ message: { key: 'leere-einheit.sub', args: { label: subLabel(u) } }, ...relMarker(u) });
      }
    }
  },
  checkDocument(ctx) {
    for (const g of ctx.model.gliederung) {
      if (g.children.length === 0) {
        ctx.report(g.block, { message: { key: 'leere-einheit.gliederung', args: { label: g.label } }, ...relMarker(g) });
      }
    }
  },
};

// --- H16 ---------------------------------------------------------------------------------------

const INKRAFT = /Inkrafttreten/;

export const inkrafttreten: Rule = {
  id: 'inkrafttreten',
  hdr: 'H16',
  source: 'HdR3 Rn. 708 ff.',
  description: { de: 'Letzter § oder Artikel: Inkrafttreten', en: 'Last § or Artikel: entry into force' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    const norms = ctx.model.norms;
    if (!norms.length) return;
    const last = norms[norms.length - 1];
    const artikel = last.kind === 'artikel' || (last.kind === 'bereich' && last.label.startsWith('Artikel'));
    const kind = artikel ? 'Artikel' : '§';
    const found = norms.filter((u) => u.title && INKRAFT.test(u.title));
    if (!found.length) {
      const lastNum = numKey(last.numTo ?? last.num, last.kind);
      const next = lastNum ? lastNum.n + 1 : norms.length + 1;
      const label = `${kind} ${next}`;
      const subject = ctx.doc.typ === 'verordnung' ? 'Diese Verordnung' : 'Dieses Gesetz';
      const end = last.block.contentEnd();
      const blockOfLast: Block = last.block;
      ctx.report(last.block, {
        message: { key: 'inkrafttreten.missing', args: { kind } },
        ...relMarker(last),
        suggestions: [
          {
            title: { key: 'inkrafttreten.insert', args: { label } },
            edits: [{ start: end, end, newText: `\n\n${label} Inkrafttreten\n${subject} tritt am Tag nach der Verkündung in Kraft.` }],
          },
        ],
      });
      void blockOfLast;
      return;
    }
    for (const u of found) {
      if (u === last) continue;
      ctx.report(u.block, {
        message: { key: 'inkrafttreten.misplaced', args: { label: normLabel(u), title: u.title ?? '', kind } },
        ...relMarker(u),
      });
    }
  },
};
