/**
 * Rules on the structure of a law: unit naming (H2), headings (H3),
 * numbering of §§ and of their parts (H4), the commencement clause (H16),
 * empty units, and the parse findings (syntax, front matter).
 */
import type { Rule, DocumentCheckContext, ReportInput } from './rule';
import { isDraft } from './rule';
import { GLIEDERUNG_KINDS, ITEM_KINDS, NORM_KINDS, type Unit, type UnitKind } from '../model/types';
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
    const first = ctx.model.norms[0];
    const title = first?.title ? first.title : 'Titel des Gesetzes';
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
        out.push({ index: i, problem: { type: 'gap', expected: prev.n + 1 } });
      }
    }
    prev = to ?? key;
  }
  return out;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
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

function subLabel(u: Unit): string {
  return `${WORD[u.kind] ?? u.kind} ${u.label}`;
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
      ctx.report(g[0].block, { message: { key: 'gliederung-entbehrlich.fewNorms', args: { count } }, ...relMarker(g[0]) });
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
          const args = { word, num, prev, expected: problem.type === 'gap' ? String(problem.expected) : '', first: '1' };
          ctx.report(u.block, { message: { key: `gliederung-nummerierung.${problem.type}`, args }, ...relMarker(u) });
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
  checkBlock(ctx) {
    const u = ctx.block.parse.head;
    if (!u || u.repealed) return;
    if (u.kind === 'paragraph' || u.kind === 'artikel') {
      if (!u.title) {
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
        const k = numKey(u.num, u.kind);
        if (!k) continue;
        items.push({ key: k, to: u.numTo ? numKey(u.numTo, u.kind) : undefined });
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
            const missing = k.n - 1 > problem.expected ? `${word === '§' ? '§§' : 'Artikel'} ${problem.expected} bis ${k.n - 1}` : `${word} ${problem.expected}`;
            r.message = { key: 'paragraph-nummerierung.gap', args: { missing, prev, cur } };
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

export const buchstabenzusatz: Rule = {
  id: 'buchstabenzusatz',
  hdr: 'H4',
  source: 'HdR4 Teil C 4.2',
  description: {
    de: 'Keine Buchstabenzusätze (§ 27a) in einem neuen Stammgesetz',
    en: 'No letter suffixes (§ 27a) in a new Stammgesetz',
  },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: (c) => isDraft(c) && (c.typ === 'stammgesetz' || c.typ === 'verordnung'),
  checkBlock(ctx) {
    const typ = TYP_WORD[ctx.doc.typ] ?? ctx.doc.typ;
    for (const u of ctx.block.parse.units) {
      if (!u.num || !/^\d+[a-z]+$/.test(u.num)) continue;
      if (NORM_KINDS.has(u.kind)) {
        ctx.report({ message: { key: 'buchstabenzusatz.norm', args: { cur: normLabel(u), typ } }, ...relMarker(u) });
      } else if (u.kind === 'absatz' || u.kind === 'nummer') {
        ctx.report({ message: { key: 'buchstabenzusatz.sub', args: { cur: subLabel(u), typ } }, ...relMarker(u) });
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
      // each list: consecutive items of one kind, not interrupted by text
      let list: Unit[] = [];
      let kind: UnitKind | undefined;
      const flush = (): void => {
        if (list.length && kind && kind !== 'anstrich') check(list, container, kind);
        list = [];
        kind = undefined;
      };
      for (const p of container.parts) {
        if (p.type !== 'unit' || !ITEM_KINDS.has(p.unit.kind)) {
          flush();
          continue;
        }
        if (p.unit.kind !== kind) flush();
        kind = p.unit.kind;
        list.push(p.unit);
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
        const prev = index > 0 ? us[index - 1].label : '';
        const fmt = (n: number): string => (letter ? letterOf(kind, n) : String(n));
        const first = kind === 'absatz' ? '(1)' : letter ? `${letterOf(kind, 1)})` : '1.';
        const args: Record<string, string> = {
          word,
          cur: u.label,
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
