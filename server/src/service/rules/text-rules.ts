/**
 * Rules on the wording of the text: abbreviations (H6), the law's own short
 * title in its text (H6), ranges with a dash (H7), quotation marks (H13).
 * Quoted text („…“) is the wording of another provision and left alone by
 * H6 and H7.
 */
import type { Rule } from './rule';
import { isDraft } from './rule';
import { ABKUERZUNGEN, type Abkuerzung } from '../data/abkuerzungen';
import { quotedSpans, inSpans, findIn, haystack } from './segments';
import { GAZETTE } from '../util/gazette';

// --- H6 abbreviations -----------------------------------------------------------

const ABK_ENTRIES: Abkuerzung[] = ABKUERZUNGEN.eintraege;
/**
 * Every abbreviation ends with a period, so the rule looks only at periods
 * and matches the table against the few characters before each one (a
 * regular expression over all the text would cost a scan per position).
 */
const ABK_RE = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${ABK_ENTRIES.map((e) => `(${e.muster})`).join('|')})`, 'gu');
const ABK_WINDOW = 24;
const AFTER_CITATION = /(?:§§?|Absatz|Absätze|Abs\.|Artikel|Art\.|Nummer|Nr\.)\s*\d+[a-z]?\s*$/u;
const AFTER_NUMBER = /\d+[a-z]?\s*$/u;
const FUNDSTELLE_BEFORE = new RegExp(String.raw`(?:${GAZETTE}\.|Bl\.|\((?:EU|EG|EWG|Euratom|EGKS)\))[^;]{0,30}$`, 'u');
const EU_NUMBER_AFTER = /^\s*\d+\/\d+/u;
const LETTER = /[\p{L}\p{N}]/u;

export const abkuerzung: Rule = {
  id: 'abkuerzung',
  hdr: 'H6',
  source: 'HdR4 Teil B III 6 (Rn. 326 f.), Teil C 2',
  description: { de: 'Keine Abkürzungen im Normtext', en: 'No abbreviations in the rule text' },
  defaultSeverity: 'warning',
  fixable: true,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    const lines = ctx.block.lines;
    for (const seg of ctx.segments) {
      if (seg.inQuote) continue;
      const line = lines[seg.line];
      const [hay, off] = haystack(line, seg.start, seg.end);
      let spans: [number, number][] | undefined;
      for (let h = hay.indexOf('.', seg.start - off); h >= 0 && h + off < seg.end; h = hay.indexOf('.', h + 1)) {
        const j = h + off;
        let ws = Math.max(seg.start, j - ABK_WINDOW);
        while (ws > seg.start && LETTER.test(line[ws - 1])) ws--;
        // the window reaches a little past the period for patterns that look ahead („Art. 5“)
        const win = line.slice(ws, Math.min(seg.end, j + 8));
        const endInWin = j + 1 - ws;
        ABK_RE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = ABK_RE.exec(win)) && m.index + m[0].length !== endInWin) {
          if (m.index + m[0].length > endInWin) {
            m = null;
            break;
          }
        }
        if (!m) continue;
        let idx = 1;
        while (idx < m.length && m[idx] === undefined) idx++;
        const entry = ABK_ENTRIES[idx - 1];
        const at = ws + m.index;
        spans ??= quotedSpans(line, seg.start, seg.end);
        if (inSpans(at, spans)) continue;
        const before = line.slice(Math.max(seg.start, at - 40), at);
        if (entry.kontext === 'nachZitat' && !AFTER_CITATION.test(before)) continue;
        if (entry.kontext === 'nachZahl' && !AFTER_NUMBER.test(before)) continue;
        if (entry.kontext === 'keineFundstelle' && (FUNDSTELLE_BEFORE.test(before) || EU_NUMBER_AFTER.test(line.slice(j + 1, seg.end)))) continue;
        const start = { line: seg.line, character: at };
        const end = { line: seg.line, character: j + 1 };
        if (entry.voll) {
          ctx.report({
            message: { key: 'abkuerzung.found', args: { abk: m[0], voll: entry.voll } },
            start,
            end,
            fix: [{ start, end, newText: entry.voll }],
          });
        } else {
          ctx.report({ message: { key: 'abkuerzung.noFix', args: { abk: m[0], hint: entry.hinweis ?? '' } }, start, end });
        }
      }
    }
  },
};

// --- H6 the law's own short title ---------------------------------------------------

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const OWN_CACHE = new Map<string, RegExp>();

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const eigeneAbkuerzung: Rule = {
  id: 'eigene-abkuerzung',
  hdr: 'H6',
  source: 'HdR4 Teil B III 6 (Rn. 326 f.)',
  description: { de: 'Eigener Kurztitel nicht im eigenen Text', en: "The law's own short title not in its own text" },
  defaultSeverity: 'warning',
  fixable: true,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    const names = [ctx.doc.abkuerzung, ctx.doc.kurztitel].filter((n): n is string => !!n && n.length >= 3);
    if (!names.length) return;
    const verordnung = ctx.doc.typ === 'verordnung';
    // the article that goes with the name: a Gesetz is neuter, a Verordnung feminine
    const repl: Record<string, string> = verordnung
      ? { 'nach dieser': 'nach dieser Verordnung', 'nach der': 'nach dieser Verordnung', der: 'dieser Verordnung', die: 'diese Verordnung' }
      : { 'nach diesem': 'nach diesem Gesetz', 'nach dem': 'nach diesem Gesetz', des: 'dieses Gesetzes', dem: 'diesem Gesetz', das: 'dieses Gesetz' };
    const key = `${ctx.doc.typ}|${names.join('|')}`;
    let re = OWN_CACHE.get(key);
    if (!re) {
      // article + name (+ genitive s/es) or the name alone
      const alts = names.map((n) => `${escapeRe(n)}(?:es|s)?`).join('|');
      // the article also capitalised at the start of a sentence („Das ErprobG gilt.“)
      const articles = Object.keys(repl).flatMap((a) => [a, cap(a)]);
      re = new RegExp(`(?:\\b(${articles.join('|')})\\s+)?(?<![\\p{L}\\p{N}])(?:${alts})(?![\\p{L}\\p{N}])`, 'gu');
      OWN_CACHE.set(key, re);
    }
    for (const seg of ctx.segments) {
      if (seg.inQuote || seg.kind === 'title') continue;
      const line = ctx.block.lines[seg.line];
      // cheap test first: does the segment contain one of the names at all?
      const [hay, off] = haystack(line, seg.start, seg.end);
      if (!names.some((n) => {
        const k = hay.indexOf(n, seg.start - off);
        return k >= 0 && k + off < seg.end;
      })) continue;
      const text = line.slice(seg.start, seg.end);
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let spans: [number, number][] | undefined;
      while ((m = re.exec(text))) {
        const at = seg.start + m.index;
        spans ??= quotedSpans(line, seg.start, seg.end);
        if (inSpans(at, spans)) continue;
        const start = { line: seg.line, character: at };
        const end = { line: seg.line, character: at + m[0].length };
        const name = m[1] ? m[0].slice(m[0].indexOf(m[1]) + m[1].length).trim() : m[0];
        const article = m[1]?.toLowerCase();
        const replacement = m[1] && article ? (m[1] === article ? repl[article] : cap(repl[article])) : undefined;
        ctx.report({
          message: { key: verordnung ? 'eigene-abkuerzung.foundVerordnung' : 'eigene-abkuerzung.found', args: { name } },
          start,
          end,
          fix: replacement ? [{ start, end, newText: replacement }] : undefined,
        });
      }
    }
  },
};

// --- H7 ranges with a dash -------------------------------------------------------------

const DASH_RANGE_RE =
  /(?<![\p{L}\p{N}])(§§?|Absätze|Absätzen|Absatz|Nummern|Nummer|Artikel|Artikeln|Sätze|Sätzen|Satz|Anlagen|Buchstaben|Buchstabe|Abs\.|Nr\.|Nrn\.|Art\.)(\s*)(\d+[a-z]?|[a-z])(\s*[-–—]\s*)(\d+[a-z]?|[a-z])(?![\p{L}\p{N}])/gu;

// abbreviated words are written out as well („Abs. 1-3“ → „Absätze 1 bis 3“, not „Absatz 1 bis 3“ after the H6 fix)
const PLURAL: Record<string, string> = {
  '§': '§§',
  Absatz: 'Absätze',
  Nummer: 'Nummern',
  Satz: 'Sätze',
  Buchstabe: 'Buchstaben',
  'Abs.': 'Absätze',
  'Nr.': 'Nummern',
  'Nrn.': 'Nummern',
  'Art.': 'Artikel',
};

const DASHES = /[-–—]/g;

export const bereichStrich: Rule = {
  id: 'bereich-strich',
  hdr: 'H7',
  source: 'HdR3 Rn. 78 (Sekundärquelle)',
  description: { de: 'Bereiche mit „bis“, nicht mit Strich', en: 'Ranges with „bis“, not with a dash' },
  defaultSeverity: 'warning',
  fixable: true,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    for (const seg of ctx.segments) {
      if (seg.inQuote) continue;
      const line = ctx.block.lines[seg.line];
      if (findIn(line, DASHES, seg.start, seg.end) < 0) continue;
      const text = line.slice(seg.start, seg.end);
      DASH_RANGE_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      let spans: [number, number][] | undefined;
      while ((m = DASH_RANGE_RE.exec(text))) {
        const [all, word, sp, from, dash, to] = m;
        const isLetter = /^[a-z]$/.test(from);
        if (isLetter !== /^[a-z]$/.test(to)) continue;
        if (isLetter && !/^Buchstabe/.test(word)) continue;
        const at = seg.start + m.index;
        spans ??= quotedSpans(line, seg.start, seg.end);
        if (inSpans(at, spans)) continue;
        const plural = PLURAL[word] ?? word;
        const fixedText = `${plural}${sp || ' '}${from} bis ${to}`;
        const start = { line: seg.line, character: at };
        const end = { line: seg.line, character: at + all.length };
        void dash;
        ctx.report({
          message: { key: 'bereich-strich.found', args: { text: all, fixed: fixedText } },
          start,
          end,
          fix: [{ start, end, newText: fixedText }],
        });
      }
    }
  },
};

// --- H13 quotation marks -----------------------------------------------------------------

/** Characters that can make a quotation wrong: straight ", guillemets, English ”, and „ (balance). */
const QUOTE_SUSPECTS = /["»«”„]/g;

export const anfuehrungszeichen: Rule = {
  id: 'anfuehrungszeichen',
  hdr: 'H13',
  source: 'HdR4 Teil D 2.2; LegalDocML.de startQuote',
  description: { de: 'Deutsche Anführungszeichen „…“', en: 'German quotation marks „…“' },
  defaultSeverity: 'warning',
  fixable: true,
  appliesTo: isDraft,
  lineLocal: true,
  checkBlock(ctx) {
    const block = ctx.block;
    // multi-line parts: balance is checked over the whole part (built when first needed)
    let multiLineOpen: Set<number> | undefined;
    for (const seg of ctx.segments) {
      if (seg.inQuote) continue;
      const line = block.lines[seg.line];
      if (findIn(line, QUOTE_SUSPECTS, seg.start, seg.end) < 0) continue;
      // German pairs on a stack; straight quotes alternate open/close
      const german: number[] = [];
      const straight: number[] = [];
      let englishOpen = -1;
      const fixes: { at: number; ch: string }[] = [];
      let kind: 'straight' | 'guillemets' | 'english' | 'mixed' | undefined;
      let reportAt = -1;
      for (let i = seg.start; i < seg.end; i++) {
        const c = line[i];
        if (c === '„') german.push(i);
        else if (c === '“') {
          if (german.length) german.pop();
          else englishOpen = i;
        } else if (c === '”') {
          if (englishOpen >= 0) {
            fixes.push({ at: englishOpen, ch: '„' }, { at: i, ch: '“' });
            kind ??= 'english';
            if (reportAt < 0) reportAt = englishOpen;
            englishOpen = -1;
          } else if (german.length) {
            german.pop();
            fixes.push({ at: i, ch: '“' });
            kind ??= 'mixed';
            if (reportAt < 0) reportAt = i;
          }
        } else if (c === '"') {
          if (german.length && straight.length === 0) {
            // „…" closed with a straight quote
            german.pop();
            fixes.push({ at: i, ch: '“' });
            kind ??= 'mixed';
            if (reportAt < 0) reportAt = i;
          } else if (straight.length) {
            const o = straight.pop() as number;
            fixes.push({ at: o, ch: '„' }, { at: i, ch: '“' });
            kind ??= 'straight';
            if (reportAt < 0) reportAt = o;
          } else straight.push(i);
        } else if (c === '»' || c === '«') {
          // »…« (German) or «…» (Swiss): both become „…“
          const closing = c === '»' ? '«' : '»';
          const j = line.indexOf(closing, i + 1);
          if (j > 0 && j < seg.end) {
            fixes.push({ at: i, ch: '„' }, { at: j, ch: '“' });
            kind ??= 'guillemets';
            if (reportAt < 0) reportAt = i;
            i = j;
          }
        }
      }
      if (kind && fixes.length) {
        const start = { line: seg.line, character: reportAt };
        const last = Math.max(...fixes.map((f) => f.at));
        const end = { line: seg.line, character: last + 1 };
        ctx.report({
          message: { key: `anfuehrungszeichen.${kind}` },
          start,
          end,
          fix: fixes.map((f) => ({ start: { line: seg.line, character: f.at }, end: { line: seg.line, character: f.at + 1 }, newText: f.ch })),
        });
      }
      if (german.length && !multiLineOpen) {
        multiLineOpen = new Set<number>();
        for (const u of block.parse.units) for (const p of u.parts) if (p.type === 'text' && p.text.endLine > p.text.line) multiLineOpen.add(p.text.line);
      }
      if (german.length && !multiLineOpen?.has(seg.line)) {
        const at = german[0];
        ctx.report({
          message: { key: 'anfuehrungszeichen.unbalanced' },
          start: { line: seg.line, character: at },
          end: { line: seg.line, character: at + 1 },
        });
      }
    }
  },
};
