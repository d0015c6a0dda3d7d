/**
 * Digitalcheck (digital feasibility of federal drafts, BMDS, principles of
 * 2025): wording that forces paper, office visits, paper evidence, named
 * technologies or discretion. Found in the text itself, no annotation needed.
 *
 * Never reported: quoted text („…“: the wording of another provision in an
 * amendment, a defined term), comments, headings, annotations. A sentence
 * that already says „elektronisch“ is clean for the form rules (Schriftform,
 * Unterschrift, persönliches Erscheinen, Vorlage im Original): the drafter
 * has provided the electronic route for that requirement.
 *
 * No rewrite is a safe fix: each changes what the law requires. Where one
 * word can be replaced without touching the grammar („schriftlichen“ →
 * „schriftlichen oder elektronischen“, „Schriftform“ → „Textform“) it is
 * offered as a suggestion.
 */
import type { BlockCheckContext, Rule } from './rule';
import { isDraft } from './rule';
import { quotedSpans, inSpans, type Segment } from './segments';
import type { Message, RelPos, Suggestion } from '../model/types';
import { costDataFor } from '../costs/data';
import { formatDecimal, formatNumber } from '../costs/numbers';
import { DEFAULT_UNBESTIMMTE_BEGRIFFE } from '../config/settings';
import { landesVwVfG } from '../refs/laws';

/** The five principles of the Digitalcheck, version 2025 (domain-rules §3). */
export const DIGITALCHECK_PRINZIPIEN: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: 'Digitale Angebote für alle nutzbar gestalten',
  2: 'Datenwiederverwendung benötigt einheitliches Recht',
  3: 'Etablierte Technologien ermöglichen effiziente Umsetzung',
  4: 'Automatisierung basiert auf eindeutigen Regelungen',
  5: 'Datenschutz und Informationssicherheit schaffen Vertrauen',
};

const prinzip = (n: 1 | 2 | 3 | 4 | 5): string => `${n} „${DIGITALCHECK_PRINZIPIEN[n]}“`;
const source = (n: 1 | 2 | 3 | 4 | 5): string => `Digitalcheck, Prinzip ${prinzip(n)} (BMDS, Fassung 2025)`;

/** The Digitalcheck is a procedure of the federal government: a Land draft gets it as practice („entsprechend“). */
const GELTUNG = {
  geltung: 'entsprechend',
  geltungGrund: {
    de: 'der Digitalcheck ist ein Verfahren der Bundesregierung (BMDS, Nationaler Normenkontrollrat); seine Prinzipien gelten für die digitale Ausführung von Landesrecht ebenso',
    en: 'the Digitalcheck is a procedure of the federal government (BMDS, Nationaler Normenkontrollrat); its principles hold for the digital execution of Land law as well',
  },
} as const;

const ELEKTRONISCH = /elektronisch/i;
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

interface Hit {
  match: RegExpExecArray;
  seg: Segment;
  /** Start and end in line coordinates. */
  at: number;
  end: number;
}

/** Whether the sentence around a hit mentions „elektronisch“ (the unit's Sätze; a table cell or title by itself). */
function sentenceSaysElektronisch(ctx: BlockCheckContext, seg: Segment, at: number): boolean {
  const lines = ctx.block.lines;
  for (const s of seg.unit.saetze) {
    const afterStart = seg.line > s.start.line || (seg.line === s.start.line && at >= s.start.character);
    const beforeEnd = seg.line < s.end.line || (seg.line === s.end.line && at < s.end.character);
    if (!afterStart || !beforeEnd) continue;
    for (let l = s.start.line; l <= s.end.line; l++) {
      const from = l === s.start.line ? s.start.character : 0;
      const to = l === s.end.line ? s.end.character : lines[l].length;
      if (ELEKTRONISCH.test(lines[l].slice(from, to))) return true;
    }
    return false;
  }
  return ELEKTRONISCH.test(lines[seg.line].slice(seg.start, seg.end));
}

/**
 * The matches of `re` (global, unicode) in the block's text segments, outside
 * quotations, quoted structures, headings, comments and annotations. `quick`
 * is a cheap test that a segment can contain a match at all.
 */
function* hits(ctx: BlockCheckContext, re: RegExp, quick: RegExp, elektronischExempt: boolean): Iterable<Hit> {
  const lines = ctx.block.lines;
  for (const seg of ctx.segments) {
    if (seg.inQuote || seg.kind === 'title') continue;
    const line = lines[seg.line];
    const piece = line.slice(seg.start, seg.end);
    if (!quick.test(piece)) continue;
    let spans: [number, number][] | undefined;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(piece))) {
      const at = seg.start + m.index;
      spans ??= quotedSpans(line, seg.start, seg.end);
      if (inSpans(at, spans)) continue;
      if (elektronischExempt && sentenceSaysElektronisch(ctx, seg, at)) continue;
      yield { match: m, seg, at, end: at + m[0].length };
    }
  }
}

function report(ctx: BlockCheckContext, h: Hit, message: Message, suggestions?: Suggestion[]): void {
  const start: RelPos = { line: h.seg.line, character: h.at };
  const end: RelPos = { line: h.seg.line, character: h.end };
  ctx.report({ message, start, end, suggestions });
}

// --- Schriftform --------------------------------------------------------------------------------------

const SCHRIFTFORM_RE = new RegExp(`${NOT_WORD_BEFORE}(?:([Ss]chriftlich)(e[nmrs]?)?|Schriftform(\\p{L}*))${NOT_WORD_AFTER}`, 'gu');
const SCHRIFTFORM_QUICK = /chriftlich|Schriftform/;

/**
 * The Schriftform message cites § 3a Absatz 2 of the procedure act of the draft's level: the VwVfG in a
 * federal draft, the Land's act in a Land draft (by name when data/landesgesetze.json knows it).
 */
function schriftformMessage(ctx: BlockCheckContext, form: 'schriftlich' | 'schriftform', text: string): Message {
  if (ctx.doc.ebene !== 'land') return { key: `schriftform.${form}`, args: { text, prinzip: prinzip(1), vwvfg: 'VwVfG' } };
  const land = landesVwVfG(ctx.doc);
  return land ? { key: `schriftform.${form}`, args: { text, prinzip: prinzip(1), vwvfg: land } } : { key: `schriftform.${form}Land`, args: { text, prinzip: prinzip(1) } };
}

export const schriftform: Rule = {
  id: 'schriftform',
  source: source(1),
  ...GELTUNG,
  description: { de: 'Keine Schriftform ohne elektronische Alternative', en: 'No written form without an electronic alternative' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    for (const h of hits(ctx, SCHRIFTFORM_RE, SCHRIFTFORM_QUICK, true)) {
      const m = h.match;
      const text = m[0];
      const start = { line: h.seg.line, character: h.at };
      const end = { line: h.seg.line, character: h.end };
      if (m[1]) {
        // „schriftlichen“ → „schriftlichen oder elektronischen“ (same ending: the grammar holds)
        const ending = m[2] ?? '';
        const fixed = `${text} oder elektronisch${ending}`;
        report(ctx, h, schriftformMessage(ctx, 'schriftlich', text), [
          { title: { key: 'schriftform.addElektronisch', args: { text, fixed } }, edits: [{ start, end, newText: fixed }] },
        ]);
      } else {
        const suggestions: Suggestion[] | undefined = m[3] ? undefined : [{ title: { key: 'schriftform.textform' }, edits: [{ start, end, newText: 'Textform' }] }];
        report(ctx, h, schriftformMessage(ctx, 'schriftform', text), suggestions);
      }
    }
  },
};

// --- eigenhändige Unterschrift -------------------------------------------------------------------------

const UNTERSCHRIFT_RE = new RegExp(
  `${NOT_WORD_BEFORE}(?:[Ee]igenhändig|[Hh]andschriftlich)(?:e[nmrs]?)?\\s+(?:zu\\s+)?(?:unterschr(?:ieben|eiben)\\p{L}*|unterzeichn\\p{L}*|geschrieben\\p{L}*|(?:Namens)?[Uu]nterschrift\\p{L}*)${NOT_WORD_AFTER}`,
  'gu',
);
const UNTERSCHRIFT_QUICK = /igenhändig|andschriftlich/;

export const unterschrift: Rule = {
  id: 'unterschrift',
  source: source(1),
  ...GELTUNG,
  description: { de: 'Keine eigenhändige Unterschrift', en: 'No handwritten signature' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    for (const h of hits(ctx, UNTERSCHRIFT_RE, UNTERSCHRIFT_QUICK, true)) report(ctx, h, { key: 'unterschrift.found', args: { text: h.match[0], prinzip: prinzip(1) } });
  },
};

// --- persönliches Erscheinen -----------------------------------------------------------------------------

const ERSCHEINEN_RE = new RegExp(
  `${NOT_WORD_BEFORE}(?:` +
    // „persönlich erscheinen“, „persönlich bei der Meldebehörde zu erscheinen“, „persönlich vorzusprechen“
    `[Pp]ersönlich(?:\\s+[^\\s.;:,]+){0,5}?\\s+(?:zu\\s+)?(?:erscheinen|vorsprechen|vorzusprechen)` +
    // „persönliches Erscheinen“, „persönliche Vorsprache“, „persönlich vorstellig“, „persönliche Anwesenheit“
    `|[Pp]ersönlich(?:e[nmrs]?)?\\s+(?:Erscheinens?|Vorsprache|vorstellig|Anwesenheit|anwesend)` +
    `|in\\s+Person\\s+(?:zu\\s+)?erscheinen` +
    `)${NOT_WORD_AFTER}`,
  'gu',
);
const ERSCHEINEN_QUICK = /ersönlich|in\s+Person/;

export const persoenlichesErscheinen: Rule = {
  id: 'persoenliches-erscheinen',
  source: source(1),
  ...GELTUNG,
  description: { de: 'Kein persönliches Erscheinen ohne Online-Verfahren', en: 'No personal attendance without an online procedure' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    let args: { minuten: string; euro: string } | undefined;
    for (const h of hits(ctx, ERSCHEINEN_RE, ERSCHEINEN_QUICK, true)) {
      if (!args) {
        const w = costDataFor(ctx.config).wege.durchschnitt;
        args = { minuten: formatNumber(w.minuten), euro: formatDecimal(w.euro) };
      }
      report(ctx, h, { key: 'persoenliches-erscheinen.found', args: { text: h.match[0], prinzip: prinzip(1), ...args } });
    }
  },
};

// --- Vorlage im Original, beglaubigte Abschrift ------------------------------------------------------------------

const ORIGINAL_RE = new RegExp(
  `${NOT_WORD_BEFORE}(?:im\\s+Original|in\\s+Urschrift|(?:amtlich\\s+)?[Bb]eglaubigte[nrs]?\\s+(?:Abschrift(?:en)?|Kopien?|Fotokopien?|Ablichtung(?:en)?)|Originale?\\s+vorzulegen|Vorlage\\s+(?:des|der|eines|einer)\\s+Originals?)${NOT_WORD_AFTER}`,
  'gu',
);
const ORIGINAL_QUICK = /Original|Urschrift|eglaubigt/;

export const vorlageOriginal: Rule = {
  id: 'vorlage-original',
  source: source(2),
  ...GELTUNG,
  description: { de: 'Keine Vorlage im Original oder in beglaubigter Abschrift (Once-Only)', en: 'No originals or certified copies (once only)' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    for (const h of hits(ctx, ORIGINAL_RE, ORIGINAL_QUICK, true)) report(ctx, h, { key: 'vorlage-original.found', args: { text: h.match[0], prinzip: prinzip(2) } });
  },
};

// --- named technologies ---------------------------------------------------------------------------------

const TECHNOLOGIE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:(?:Tele)?[Ff]ax\\p{L}*|De-Mail(?!-Gesetz)(?:-\\p{L}+)?|PDF(?:-\\p{L}+|/A)?|CD-ROMs?|DVDs?|Disketten?)${NOT_WORD_AFTER}`,
  'gu',
);
const TECHNOLOGIE_QUICK = /[Ff]ax|De-Mail|PDF|CD-ROM|DVD|Diskette/;

export const technologie: Rule = {
  id: 'technologie',
  source: source(3),
  ...GELTUNG,
  description: { de: 'Technologieoffene Formulierung', en: 'Technology-neutral wording' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    for (const h of hits(ctx, TECHNOLOGIE_RE, TECHNOLOGIE_QUICK, false)) report(ctx, h, { key: 'technologie.found', args: { text: h.match[0], prinzip: prinzip(3) } });
  },
};

// --- vague terms -----------------------------------------------------------------------------------------

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TERM_CACHE = new Map<string, { re: RegExp; quick: RegExp }>();

/**
 * The pattern for a list of terms: words separated by any blanks, the first
 * letter in either case (start of a sentence), an adjective ending on the
 * last word („angemessenen“, „unverzügliche“).
 */
export function termPattern(terms: readonly string[]): { re: RegExp; quick: RegExp } | undefined {
  const key = JSON.stringify(terms);
  let p = TERM_CACHE.get(key);
  if (p) return p;
  const alts = [...terms]
    .map((t) => t.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const words = t.split(/\s+/).map(escapeRe);
      const first = words[0];
      const c = first.charAt(0);
      if (c.toLowerCase() !== c.toUpperCase()) words[0] = `[${c.toLowerCase()}${c.toUpperCase()}]${first.slice(1)}`;
      const last = words.length - 1;
      if (/\p{L}$/u.test(words[last])) words[last] += '(?:e|en|er|es|em)?';
      return words.join('\\s+');
    });
  if (!alts.length) return undefined;
  // the longest word of each term without its first letter (which may be capitalised)
  const stems = [
    ...new Set(
      terms
        .map((t) => t.trim().split(/\s+/).sort((a, b) => b.length - a.length)[0]?.slice(1) ?? '')
        .filter(Boolean),
    ),
  ].map(escapeRe);
  p = { re: new RegExp(`${NOT_WORD_BEFORE}(?:${alts.join('|')})${NOT_WORD_AFTER}`, 'gu'), quick: new RegExp(stems.join('|'), 'u') };
  TERM_CACHE.set(key, p);
  return p;
}

export const unbestimmterBegriff: Rule = {
  id: 'unbestimmter-begriff',
  source: source(4),
  ...GELTUNG,
  description: { de: 'Keine unbestimmten Begriffe und kein Ermessen ohne Not', en: 'No indeterminate terms or discretion without need' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    const p = termPattern(ctx.config?.unbestimmteBegriffe ?? DEFAULT_UNBESTIMMTE_BEGRIFFE);
    if (!p) return;
    for (const h of hits(ctx, p.re, p.quick, false)) report(ctx, h, { key: ctx.doc.ebene === 'land' ? 'unbestimmter-begriff.foundLand' : 'unbestimmter-begriff.found', args: { text: h.match[0], prinzip: prinzip(4) } });
  },
};

export const DIGITALCHECK_RULES: readonly Rule[] = [schriftform, unterschrift, persoenlichesErscheinen, vorlageOriginal, technologie, unbestimmterBegriff];
