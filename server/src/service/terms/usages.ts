/**
 * Usages of defined terms in one block.
 *
 * The terms of a document are compiled into a matcher: a map from every
 * form of a term's first word to the term (see inflection.ts), so a block
 * is scanned word by word with one map lookup per word. A block's usages
 * are cached on it for the matcher's signature (the set of terms of the
 * document): an edit that does not change a definition rescans only the
 * edited block.
 *
 * Scanned: the units' own text, headings' titles, table cells and the
 * entries of the Inhaltsübersicht. Not scanned: markers and heading
 * numbers, comments, annotations, the front matter and quoted text („…“,
 * the wording of another provision or a word mentioned as a word).
 */
import type { Block } from '../parser/block';
import type { Unit } from '../model/types';
import { segments } from '../rules/segments';
import { quotedSpans } from '../rules/segments';
import { wordForms, type TermShape, type WordForm } from './inflection';
import type { BlockDefinition } from './definitions';

/** One word of a usage. */
export interface UsageWord {
  start: number;
  end: number;
  /** Index of the word in the term. */
  index: number;
  form: WordForm;
}

/** A usage of a term in a block; positions relative to the block. */
export interface BlockUsage {
  key: string;
  line: number;
  start: number;
  end: number;
  unit: Unit;
  /** Where it stands: text, a heading's title, a table cell, an entry of the Inhaltsübersicht. */
  where: 'text' | 'title' | 'cell' | 'toc';
  words: UsageWord[];
}

interface MatchEntry {
  key: string;
  shape: TermShape;
  forms: Map<string, WordForm>[];
}

/** The compiled terms of a document. */
export class TermMatcher {
  /** Form of a first word → the terms that start with it, with the form. */
  readonly first = new Map<string, { entry: MatchEntry; form: WordForm }[]>();
  /** {@link probe} of every first-word form: most words of a text fail this test without a string being made. */
  readonly probes = new Set<number>();
  constructor(
    readonly signature: string,
    shapes: readonly TermShape[],
  ) {
    for (const shape of shapes) {
      const forms = shape.words.map((w, i) => wordForms(w, i === 0));
      const entry: MatchEntry = { key: shape.key, shape, forms };
      for (const [f, form] of forms[0]) {
        this.probes.add(probe(f.charCodeAt(0), f.length, f.charCodeAt(f.length - 1)));
        const list = this.first.get(f);
        if (list) list.push({ entry, form });
        else this.first.set(f, [{ entry, form }]);
      }
    }
    // longer terms first: „elektronische Anmeldung“ before „Anmeldung“
    for (const list of this.first.values()) list.sort((a, b) => b.entry.shape.words.length - a.entry.shape.words.length);
  }
}

/** A number for a word's first character, length and last character. */
function probe(first: number, length: number, last: number): number {
  return (first * 128 + Math.min(length, 127)) * 65536 + last;
}

/** A character of a word: letters (Latin with diacritics, Greek, Cyrillic), digits, apostrophes; hyphens join words. */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x52f) ||
    c === 0x2019 ||
    c === 39
  );
}

const matchers = new Map<string, TermMatcher>();

/** The matcher for a set of terms (the last few are kept). */
export function matcherFor(shapes: readonly TermShape[]): TermMatcher {
  const unique = new Map<string, TermShape>();
  for (const s of shapes) if (!unique.has(s.key)) unique.set(s.key, s);
  const sorted = [...unique.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // the first word as written matters too (a capitalised adjective matches capitalised forms)
  const signature = sorted.map((s) => `${s.key}\u0001${s.words.map((w) => w.text).join(' ')}`).join('\n');
  let m = matchers.get(signature);
  if (m) {
    matchers.delete(signature);
    matchers.set(signature, m);
    return m;
  }
  m = new TermMatcher(signature, sorted);
  matchers.set(signature, m);
  if (matchers.size > 8) matchers.delete(matchers.keys().next().value as string);
  return m;
}

const TOC_DESIGNATION =
  /^(?:§§?[ \u00a0]*\S+(?:[ \u00a0]+(?:bis|und)[ \u00a0]+\S+)?|(?:Artikel|Art\.|Anlage|Anhang|Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel)(?:[ \u00a0]+[\dIVXLC]+[a-z]?)?|[IVXLC]+[a-z]?\.)[ \u00a0]*(?:-[ \u00a0]*)?$/;

/** Whether a word begins a sentence (a capitalised adjective is allowed there). */
function sentenceStart(line: string, segStart: number, at: number, where: BlockUsage['where']): boolean {
  let i = at;
  while (i > segStart && (line.charCodeAt(i - 1) === 32 || line.charCodeAt(i - 1) === 0xa0)) i--;
  if (i <= segStart) return true;
  const c = line[i - 1];
  if (c === '.' || c === '!' || c === '?') return true;
  if (where === 'toc' || where === 'title' || where === 'cell') return TOC_DESIGNATION.test(line.slice(segStart, at));
  return false;
}

interface Segment {
  line: number;
  start: number;
  end: number;
  unit: Unit;
  where: BlockUsage['where'];
  inQuote: boolean;
}

function blockSegments(block: Block): Segment[] {
  const out: Segment[] = [];
  for (const s of segments(block)) out.push({ line: s.line, start: s.start, end: s.end, unit: s.unit, where: s.kind, inQuote: s.inQuote });
  for (const u of block.parse.units) {
    if (!u.toc) continue;
    for (const e of u.toc) out.push({ line: e.line, start: e.start, end: e.end, unit: u, where: 'toc', inQuote: false });
  }
  return out;
}

const CACHE_KEY = 'terms.usages';
const NONE: BlockUsage[] = [];

/** The usages of the matcher's terms in a block (cached on the block for the matcher's signature). */
export function blockUsages(block: Block, matcher: TermMatcher, defs: readonly BlockDefinition[]): BlockUsage[] {
  const c = block.caches.get(CACHE_KEY) as { sig: string; list: BlockUsage[] } | undefined;
  if (c && c.sig === matcher.signature) return c.list;
  const list = matcher.first.size ? scanBlock(block, matcher, defs) : NONE;
  block.caches.set(CACHE_KEY, { sig: matcher.signature, list });
  return list;
}

function scanBlock(block: Block, matcher: TermMatcher, defs: readonly BlockDefinition[]): BlockUsage[] {
  if (block.parse.kind === 'frontmatter') return NONE;
  let out: BlockUsage[] | undefined;
  const lines = block.lines;
  const { first, probes } = matcher;
  for (const seg of blockSegments(block)) {
    if (seg.inQuote || seg.end <= seg.start) continue;
    const line = lines[seg.line];
    const end = seg.end;
    // quoted text and the terms of definitions are no usages
    let excluded: [number, number][] | undefined;
    if (indexWithin(line, '„', seg.start, end) >= 0) excluded = quotedSpans(line, seg.start, end);
    for (const d of defs) if (d.line === seg.line) (excluded ??= []).push([d.start, d.end]);
    // candidate words: a cheap numeric test (first character, length, last character) before the map lookup
    let i = seg.start;
    while (i < end) {
      const ch = line.charCodeAt(i);
      if (!isWordChar(ch)) {
        i++;
        continue;
      }
      let we = i + 1;
      while (we < end && (isWordChar(line.charCodeAt(we)) || line.charCodeAt(we) === 45)) we++;
      const from = i;
      i = we;
      if (!probes.has(probe(ch, we - from, line.charCodeAt(we - 1)))) continue;
      const cands = first.get(line.slice(from, we));
      if (!cands || (excluded && inside(excluded, from))) continue;
      let best: BlockUsage | undefined;
      for (const { entry, form } of cands) {
        if (form.capital && !sentenceStart(line, seg.start, from, seg.where)) continue;
        const words: UsageWord[] = [{ start: from, end: we, index: 0, form }];
        let pos = we;
        let ok = true;
        for (let k = 1; k < entry.forms.length; k++) {
          let j = pos;
          while (j < end && (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 0xa0)) j++;
          const e2 = j > pos && j < end ? wordAt(line, j, end) : j;
          if (e2 === j || (excluded && inside(excluded, j))) {
            ok = false;
            break;
          }
          const f = entry.forms[k].get(line.slice(j, e2));
          if (!f || f.capital) {
            ok = false;
            break;
          }
          words.push({ start: j, end: e2, index: k, form: f });
          pos = e2;
        }
        if (!ok) continue;
        best = { key: entry.key, line: seg.line, start: from, end: pos, unit: seg.unit, where: seg.where, words };
        break; // candidates are sorted longest first
      }
      if (best) {
        (out ??= []).push(best);
        i = best.end;
      }
    }
  }
  return out ?? NONE;
}

/** End of the word that starts at `j` (or `j` when none starts there); inner hyphens belong to it. */
function wordAt(line: string, j: number, end: number): number {
  if (j >= end || !isWordChar(line.charCodeAt(j))) return j;
  let e = j + 1;
  while (e < end && (isWordChar(line.charCodeAt(e)) || line.charCodeAt(e) === 45)) e++;
  return e;
}

/** Index of `ch` in [start, end) of a line, without searching past `end` (a row of many table cells stays linear). */
function indexWithin(line: string, ch: string, start: number, end: number): number {
  if (line.length > 2 * (end - start) + 64) {
    const i = line.slice(start, end).indexOf(ch);
    return i < 0 ? -1 : start + i;
  }
  const i = line.indexOf(ch, start);
  return i >= 0 && i < end ? i : -1;
}

function inside(spans: [number, number][], pos: number): boolean {
  for (const [s, e] of spans) if (pos >= s && pos < e) return true;
  return false;
}
