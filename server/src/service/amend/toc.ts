/**
 * The Inhaltsübersicht of an amended law as the apply engine sees it: its
 * entries (the `toc` lines of the Inhaltsübersicht block, each „§ 23a
 * Elektronische Anmeldung“, „Abschnitt 3 Allgemeine Meldepflichten“,
 * „§§ 10 bis 12 (weggefallen)“, „Anlage 1 …“), the unit each entry names,
 * the entries an Angabe of a command names („die Angabe zu § 23“, „die
 * Angaben zu den §§ 10 bis 12“, „die Angabe zu Teil 2 Kapitel 1“), the
 * entries of a quotation („„§ 23a Elektronische Anmeldung““) and the level
 * (indentation) a new entry gets among the entries around it.
 */
import type { TocLine } from '../import/writer';
import type { AstLevel } from './grammar';
import { gliederungOf, nearestText, numKey } from './apply';

export interface TocUnit {
  kind: 'paragraph' | 'artikel' | 'anlage' | 'gliederung';
  /** Gliederung units: the word in the nominative singular. */
  word?: string;
  num: string;
  /** Range entries („§§ 10 bis 12“, „§§ 3 und 4“). */
  to?: string;
  conj?: 'bis' | 'und';
  /** The designation as written („§ 23a“, „Abschnitt 3“, „Erster Teil“). */
  label: string;
  /** The heading after the designation („Elektronische Anmeldung“, „(weggefallen)“). */
  title: string;
}

const G_WORDS = 'Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel';
const NORM_RE = /^(§§?|Artikel|Art\.)\s*(\d+[a-z]{0,2})(?:\s+(bis|und)\s+(\d+[a-z]{0,2}))?(?![\p{L}\p{N}])\s*(.*)$/u;
const ANLAGE_RE = /^(Anlage|Anhang)(?:\s+(\d+[a-z]{0,2}|[IVXLC]+))?(?![\p{L}\p{N}])\s*(.*)$/u;
const G_RE = new RegExp(String.raw`^((?:${G_WORDS})\s+(?:\d+[a-z]{0,2}|[IVXLC]+(?:\s?[a-z])?\.?)|[A-ZÄÖÜ][a-zäöüß]+(?:er|es|e)\s+(?:${G_WORDS}))(?![\p{L}\p{N}])\s*(.*)$`, 'u');

/** The unit an entry names, or undefined for an entry Norma cannot read („Inhaltsübersicht“, a bare title). */
export function tocUnit(text: string): TocUnit | undefined {
  const t = text.trim();
  let m = NORM_RE.exec(t);
  if (m) {
    const kind = m[1].startsWith('§') ? 'paragraph' : 'artikel';
    const u: TocUnit = { kind, num: m[2], label: t.slice(0, t.length - m[5].length).trim(), title: m[5].trim() };
    if (m[3]) {
      u.conj = m[3] as 'bis' | 'und';
      u.to = m[4];
    }
    return u;
  }
  if ((m = ANLAGE_RE.exec(t))) return { kind: 'anlage', num: m[2] ?? '', label: t.slice(0, t.length - m[3].length).trim(), title: m[3].trim() };
  if ((m = G_RE.exec(t))) {
    const g = gliederungOf(m[1]);
    if (g.num) return { kind: 'gliederung', word: g.word, num: g.num, label: m[1], title: m[2].trim() };
  }
  return undefined;
}

/** `§ 23a`, `Artikel 2`, `Anlage 1`, `Abschnitt 3`: the key of a unit (of an entry or of the law). */
export function unitKey(u: Pick<TocUnit, 'kind' | 'word' | 'num'>): string {
  return `${u.kind === 'paragraph' ? '§' : u.kind === 'artikel' ? 'Artikel' : u.kind === 'anlage' ? 'Anlage' : u.word} ${u.num}`.trim();
}

/** Whether an entry names the unit `v` of the kind of level `of`. */
function names(u: TocUnit | undefined, of: AstLevel, v: string): boolean {
  if (!u) return false;
  if (of.kind === 'gliederung') return u.kind === 'gliederung' && u.word === of.word && u.num === v;
  if (u.kind !== of.kind) return false;
  if (u.num === v) return true;
  if (u.to === undefined) return false;
  if (u.conj === 'und') return u.to === v;
  return numKey(v) > numKey(u.num) && numKey(v) <= numKey(u.to);
}

export interface TocMiss {
  missing: true;
  what: string;
  existing: string;
}

/** „Angabe zu § 23“, „Angaben zu den §§ 10 bis 12“: an Angabe level as text. */
export function angabeText(l: AstLevel): string {
  const of = l.of;
  if (!of) return 'Angabe';
  const word = of.kind === 'paragraph' ? '§' : of.kind === 'artikel' ? 'Artikel' : of.kind === 'anlage' ? 'Anlage' : (of.word ?? '');
  const within = (l.within ?? []).map((w) => `${w.word ?? ''} ${w.values[0] ?? ''} `).join('');
  if (of.values.length === 1) return `Angabe zu ${within}${word} ${of.values[0]}`;
  const plural = of.kind === 'paragraph' ? '§§' : word;
  const list = of.range ? `${of.values[0]} bis ${of.values[1]}` : `${of.values.slice(0, -1).join(', ')} und ${of.values[of.values.length - 1]}`;
  return `Angaben zu ${within}${plural} ${list}`;
}

/**
 * The entries an Angabe names, in order (a range over the entries that
 * exist), or what is missing. Gliederung units above the unit (`within`)
 * are found one after the other; the unit is the first entry after them.
 */
export function findAngabe(toc: readonly TocLine[], l: AstLevel): number[] | TocMiss {
  const of = l.of;
  if (!of) return { missing: true, what: 'Angabe', existing: '' };
  const units = toc.map((e) => tocUnit(e.text));
  let from = 0;
  for (const w of l.within ?? []) {
    const k = units.findIndex((u, i) => i >= from && names(u, w, w.values[0] ?? ''));
    if (k < 0) return { missing: true, what: `Angabe zu ${w.word} ${w.values[0]}`, existing: '' };
    from = k + 1;
  }
  const sameKind = units.filter((u): u is TocUnit => !!u && u.kind === of.kind && (of.kind !== 'gliederung' || u.word === of.word));
  let values = of.values;
  if (of.range && of.values.length === 2) {
    const a = numKey(of.values[0]);
    const b = numKey(of.values[1]);
    const inRange = sameKind.map((u) => u.num).filter((n) => numKey(n) >= a && numKey(n) <= b);
    // a range entry („§§ 10 bis 12 (weggefallen)“) is named by its first number
    values = inRange.length ? inRange : [of.values[0]];
  }
  const out: number[] = [];
  for (const v of values) {
    const k = units.findIndex((u, i) => i >= from && names(u, of, v));
    if (k < 0) {
      const word = unitKey({ kind: of.kind as TocUnit['kind'], word: of.word, num: '' });
      return { missing: true, what: `Inhaltsübersicht, Angabe zu ${word} ${v}`, existing: nearestText(sameKind.map((u) => u.num), v, (n) => `Angabe zu ${word} ${n}`, 'die Inhaltsübersicht hat keine Angabe dieser Art') };
    }
    if (!out.includes(k)) out.push(k);
  }
  return out.sort((a, b) => a - b);
}


/**
 * The entries of a quotation: one per line, without the quotation marks
 * (a line may hold an entry quoted on its own, „„§ 55a …““), a line that
 * names no unit continuing the entry before it; with each line's
 * indentation relative to the first.
 */
export function quotedEntries(content: readonly string[]): { text: string; indent: number }[] {
  const out: { text: string; indent: number }[] = [];
  const base = (content[0] ?? '').length - (content[0] ?? '').trimStart().length;
  for (const raw of content) {
    const indent = Math.max(0, raw.length - raw.trimStart().length - base);
    const t = raw
      .trim()
      .replace(/^„/, '')
      .replace(/“\s*[.;,]?$/, '')
      .trim();
    if (!t) continue;
    if (out.length && !tocUnit(t)) out[out.length - 1].text += ` ${t}`;
    else out.push({ text: t, indent });
  }
  return out;
}

/**
 * The levels of new entries inserted at `at` (before the entry there):
 * a Gliederung entry gets the level of the nearest entry of its word (else
 * of the nearest Gliederung entry before it); a § or Artikel the level of
 * the nearest § or Artikel entry before (or after) it, or one below a new
 * Gliederung entry before it in the quotation; deeper indentation in the
 * quotation is kept.
 */
export function newLevels(toc: readonly TocLine[], at: number, entries: { text: string; indent: number }[]): number[] {
  const units = toc.map((e) => tocUnit(e.text));
  const around = (pred: (u: TocUnit) => boolean): number | undefined => {
    for (let i = at - 1; i >= 0; i--) if (units[i] && pred(units[i] as TocUnit)) return toc[i].level;
    for (let i = at; i < toc.length; i++) if (units[i] && pred(units[i] as TocUnit)) return toc[i].level;
    return undefined;
  };
  const out: number[] = [];
  let lastG: number | undefined;
  entries.forEach((e, j) => {
    const u = tocUnit(e.text);
    if (j > 0 && e.indent > entries[j - 1].indent) {
      // indented in the quotation: one level below the entry before it
      out.push(out[j - 1] + 1);
      return;
    }
    let level: number;
    if (u?.kind === 'gliederung') {
      level = around((x) => x.kind === 'gliederung' && x.word === u.word) ?? around((x) => x.kind === 'gliederung') ?? 0;
      lastG = level;
    } else if (lastG !== undefined) level = lastG + 1;
    else level = around((x) => x.kind === u?.kind) ?? around((x) => x.kind === 'paragraph' || x.kind === 'artikel') ?? (at > 0 ? toc[at - 1].level : 0);
    out.push(level);
  });
  return out;
}
