/**
 * The Synopse of an amending draft: for each amended law of the workspace,
 * the current version and the version after the draft's commands, § by §,
 * side by side, with the changed words marked and each row linked to the
 * Änderungsbefehle that change it. Rendered as HTML (the Synopse view in
 * the editor, `norma synopse --format html`) or Markdown (for the
 * Begründung). Every piece of text is escaped.
 */
import { diffArrays, diffWords } from 'diff';
import { escapeHtml as esc } from '../export/common';
import type { RefContext } from '../refs';
import type { KnownLaw } from '../refs/laws';
import { DocumentModel } from '../model/document-model';
import { GLIEDERUNG_KINDS, unitWord, type Unit } from '../model/types';
import { NormaDocument } from '../parser/document';
import { amendAnalysis } from './index';
import { writeNorma, type DocBlock, type NormaDoc } from '../import/writer';
import type { Command } from './commands';
import { gliederungOf, gliederungUnits, type GUnit } from './apply';
import { modelToDoc } from './tree';

export type RowStatus = 'unveraendert' | 'geaendert' | 'neu' | 'aufgehoben';

export interface SynopseCommand {
  /** 0-based line of the command in the draft. */
  line: number;
  /** „Artikel 1 Nummer 3“-style label: the command's list marker in its Artikel. */
  label: string;
  sentence: string;
}

export interface SynopseRow {
  /** „§ 17“, „Artikel 2“. */
  key: string;
  title: string | undefined;
  status: RowStatus;
  alt: string;
  neu: string;
  commands: SynopseCommand[];
}

export interface Synopse {
  law: KnownLaw;
  uri: string;
  draftUri: string;
  rows: SynopseRow[];
}

interface Norm {
  key: string;
  title: string | undefined;
  text: string;
  /** A Gliederung unit (its row shows its heading; shown only when it changed). */
  gliederung?: boolean;
  /** The Inhaltsübersicht (its row shows its entries, one per line; shown only when it changed). */
  toc?: boolean;
}

const TOC_KEY = 'Inhaltsübersicht';

/**
 * The changed entries of the Inhaltsübersicht with one entry of context on
 * each side, „…“ for the entries left out: the row of a long Inhaltsübersicht
 * shows what changed.
 */
function tocExcerpt(alt: string, neu: string): { alt: string; neu: string } {
  const merged: { a?: string; n?: string; changed: boolean }[] = [];
  for (const p of diffArrays(alt.split('\n'), neu.split('\n'))) {
    for (const v of p.value) merged.push(p.added ? { n: v, changed: true } : p.removed ? { a: v, changed: true } : { a: v, n: v, changed: false });
  }
  const keep = merged.map((m, i) => m.changed || merged[i - 1]?.changed === true || merged[i + 1]?.changed === true);
  const side = (k: 'a' | 'n'): string => {
    const out: string[] = [];
    merged.forEach((m, i) => {
      if (m[k] === undefined) return;
      if (keep[i]) out.push(m[k] as string);
      else if (out[out.length - 1] !== '…') out.push('…');
    });
    return out.join('\n');
  };
  return { alt: side('a'), neu: side('n') };
}

function tocRow(entries: readonly { text: string }[]): Norm {
  return { key: TOC_KEY, title: undefined, text: entries.map((e) => e.text.replace(/\s+/g, ' ').trim()).join('\n'), toc: true };
}

/** „Teil 1 Abschnitt 2“: each Gliederung unit of a tree (by block index) by its word and number and those of the units above it. */
function gliederungKeys(blocks: readonly DocBlock[]): Map<number, string> {
  const units = gliederungUnits(blocks);
  const byIndex = new Map(units.map((u) => [u.index, u]));
  const out = new Map<number, string>();
  for (const u of units) {
    const parts: string[] = [];
    for (let x: GUnit | undefined = u; x; x = byIndex.get(x.parent)) parts.unshift(`${x.word} ${x.num}`);
    out.set(u.index, parts.join(' '));
  }
  return out;
}

function gliederungRow(key: string, label: string, title: string | undefined): Norm {
  return { key, title, text: `${label}${title ? ` ${title}` : ''}`, gliederung: true };
}

/**
 * The rows of a model by head (`model.heads`, which are the blocks of its
 * tree): §§ / Artikel with their text (heading line excluded, annotations
 * and comments left out), Gliederung units with their heading.
 */
function headRows(model: DocumentModel, gkeys: Map<number, string> = gliederungKeys(modelToDoc(model).blocks)): (Norm | undefined)[] {
  const out: (Norm | undefined)[] = [];
  const normSet = new Set(model.norms);
  model.heads.forEach((n, i) => {
    out.push(
      GLIEDERUNG_KINDS.has(n.kind) ? gliederungRow(gkeys.get(i) ?? n.label, n.label, n.title) : normSet.has(n) ? normRow(model, n) : n === model.inhaltsuebersicht ? tocRow(n.toc ?? []) : undefined,
    );
  });
  return out;
}

const blockIndexes = new WeakMap<DocumentModel, Map<unknown, number>>();

function normRow(model: DocumentModel, n: Unit): Norm {
  const key = unitWord(n) ?? n.label;
  const blocks = model.document.blocks;
  let at = blockIndexes.get(model);
  if (!at) blockIndexes.set(model, (at = new Map(blocks.map((b, i) => [b, i]))));
  const first = n.block;
  const last = n.lastBlock ?? n.block;
  const lines: string[] = [];
  for (let k = at.get(first) ?? 0; k < blocks.length && blocks[k].startLine <= last.startLine; k++) {
    const b = blocks[k];
    if (b.startLine < first.startLine) continue;
    for (let i = b === first ? 1 : 0; i < b.lines.length; i++) lines.push(b.lines[i]);
  }
  const text = lines
    .filter((l) => !/^\s*(?:\/\/|@)/.test(l) && !/^\s{2,}[\w-]+:\s/.test(l))
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return { key, title: n.title, text };
}

const altCache = new WeakMap<DocumentModel, (Norm | undefined)[]>();
/** The rows of the current version, by block of its tree (cached per model of the law). */
function altRows(model: DocumentModel): (Norm | undefined)[] {
  let r = altCache.get(model);
  if (!r) altCache.set(model, (r = headRows(model)));
  return r;
}

const blockRowCache = new WeakMap<DocBlock, Norm | null>();
/** The row of a § or Artikel the commands changed or inserted: the block written as in the new version and read back. */
function changedRow(b: DocBlock): Norm | undefined {
  let r = blockRowCache.get(b);
  if (r === undefined) {
    const text = writeNorma({ frontMatter: [], frontMatterComments: [], blocks: [b] }, { verify: false }).text;
    const m = new DocumentModel(new NormaDocument('synopse:block', text));
    const n = m.heads.find((h) => m.norms.includes(h));
    r = n ? normRow(m, n) : null;
    blockRowCache.set(b, r);
  }
  return r ?? undefined;
}

const baseIndexes = new WeakMap<NormaDoc, Map<DocBlock, number>>();
/**
 * The rows of the new version, from the apply engine's tree: a block it did
 * not copy is the block of the current version (its row as there), a copied
 * or new one is written out on its own. No new version of the whole law is
 * written and read back.
 */
function neuRows(base: NormaDoc, alt: (Norm | undefined)[], blocks: readonly DocBlock[]): Norm[] {
  let idx = baseIndexes.get(base);
  if (!idx) baseIndexes.set(base, (idx = new Map(base.blocks.map((b, i) => [b, i]))));
  const gkeys = gliederungKeys(blocks);
  const out: Norm[] = [];
  blocks.forEach((b, i) => {
    const h = b.heading;
    if (h?.kind === 'gliederung') {
      out.push(gliederungRow(gkeys.get(i) ?? h.label, h.label, h.title));
      return;
    }
    const j = idx.get(b);
    if (j === undefined && h?.kind === 'keyword' && h.keyword === 'Inhaltsübersicht') {
      out.push(tocRow(b.toc ?? []));
      return;
    }
    const r = j !== undefined ? alt[j] : h?.kind === 'norm' || h?.kind === 'range' ? changedRow(b) : undefined;
    if (r) out.push(r);
  });
  return out;
}

function commandKey(c: Command): string | undefined {
  const first = c.target[0];
  if (first?.kind === 'inhaltsuebersicht') return TOC_KEY;
  if (first && (first.kind === 'paragraph' || first.kind === 'artikel')) return `${first.kind === 'paragraph' ? '§' : 'Artikel'} ${first.values[0]}`;
  return undefined;
}

/**
 * The rows of a command on Gliederung units: the units it names, found in
 * the current version as the apply engine finds them (each level the first
 * inside the one before), keyed with the units above them („Teil 2
 * Abschnitt 1“); the units it inserts, under the same parent; and the §§ of
 * its quoted units.
 */
function commandUnits(c: Command, units: GUnit[]): string[] {
  const byIndex = new Map(units.map((u) => [u.index, u]));
  const key = (u: GUnit | undefined): string => {
    const parts: string[] = [];
    for (let x = u; x; x = byIndex.get(x.parent)) parts.unshift(`${x.word} ${x.num}`);
    return parts.join(' ');
  };
  const out: string[] = [];
  const levels = c.target.filter((l) => l.kind === 'gliederung');
  let scope: GUnit | undefined;
  let found: GUnit | undefined;
  for (const [i, l] of levels.entries()) {
    const inScope = units.filter((u) => u.word === l.word && (!scope || (u.index > scope.index && u.index < scope.end)));
    for (const v of i === levels.length - 1 ? l.values : l.values.slice(0, 1)) {
      const u = inScope.find((x) => x.num === v);
      if (!u) return out;
      if (i === levels.length - 1) out.push(key(u));
      found ??= i === levels.length - 1 ? u : undefined;
    }
    scope = inScope.find((x) => x.num === l.values[0]);
  }
  if (c.neu?.kind === 'gliederung') {
    const appending = c.verb === 'anfuegen' || c.verb === 'voranstellen';
    const parent = appending ? scope : found ? byIndex.get(found.parent) : undefined;
    const prefix = parent ? `${key(parent)} ` : '';
    for (const v of c.neu.values) out.push(`${prefix}${c.neu.word} ${v}`);
    for (const line of c.content ?? []) {
      const m = /^\s*§\s+(\d+[a-z]{0,2})\b/.exec(line);
      if (m) out.push(`§ ${m[1]}`);
    }
  }
  return out;
}

function commandLabel(c: Command): string {
  const u: Unit | undefined = c.unit;
  const path: string[] = [];
  for (let x: Unit | undefined = u; x && x.kind !== 'artikel' && x.kind !== 'paragraph' && x.kind !== 'dokument'; x = x.parent) if (x.label) path.unshift(x.label);
  let art: Unit | undefined = u;
  while (art && art.kind !== 'artikel') art = art.parent;
  const head = art ? (unitWord(art) ?? art.label) : '';
  return [head, ...path.map((p) => (/^\d/.test(p) ? `Nummer ${p.replace(/\.$/, '')}` : `Buchstabe ${p.replace(/\)$/, '')}`))].filter(Boolean).join(' ');
}

/** The Synopse of every law of the workspace that the draft amends. */
export function synopse(model: DocumentModel, ctx?: RefContext): Synopse[] {
  const analysis = amendAnalysis(model, ctx);
  const out: Synopse[] = [];
  for (const l of analysis.laws) {
    const base = modelToDoc(l.target);
    const altByHead = altRows(l.target);
    const alt = altByHead.filter((n): n is Norm => !!n);
    const neu = neuRows(base, altByHead, l.result.doc.blocks);
    const byKeyCommands = new Map<string, SynopseCommand[]>();
    for (const c of l.commands) {
      const keys = new Set<string>();
      const k = commandKey(c);
      if (k) keys.add(k);
      if (c.neu && (c.neu.kind === 'paragraph' || c.neu.kind === 'artikel')) for (const val of c.neu.values) keys.add(`${c.neu.kind === 'paragraph' ? '§' : 'Artikel'} ${val}`);
      for (const key of keys) {
        let list = byKeyCommands.get(key);
        if (!list) byKeyCommands.set(key, (list = []));
        list.push({ line: c.span.block.startLine + c.span.line, label: commandLabel(c), sentence: c.sentence });
      }
    }
    // commands on Gliederung units: at the rows whose key ends with the units they name
    const units = gliederungUnits(modelToDoc(l.target).blocks);
    // a command whose path fits several units changed none of them
    const ambiguous = new Set(l.result.issues.filter((i) => i.kind === 'ziel-mehrdeutig').map((i) => i.change));
    for (const c of l.commands) {
      if ((c.target[0]?.kind !== 'gliederung' && c.neu?.kind !== 'gliederung') || ambiguous.has(c)) continue;
      for (const key of new Set(commandUnits(c, units))) {
        let list = byKeyCommands.get(key);
        if (!list) byKeyCommands.set(key, (list = []));
        list.push({ line: c.span.block.startLine + c.span.line, label: commandLabel(c), sentence: c.sentence });
      }
    }
    // merge both sequences by key, keeping the order of the new version and placing removed §§ where they stood
    const neuKeys = new Set(neu.map((n) => n.key));
    const altByKey = new Map(alt.map((n) => [n.key, n]));
    const rows: SynopseRow[] = [];
    let ai = 0;
    const pushRemovedUntil = (stop: string | undefined): void => {
      while (ai < alt.length && alt[ai].key !== stop) {
        const a = alt[ai++];
        if (!neuKeys.has(a.key)) rows.push({ key: a.key, title: a.title, status: 'aufgehoben', alt: a.text, neu: '', commands: byKeyCommands.get(a.key) ?? [] });
      }
      if (ai < alt.length && alt[ai].key === stop) ai++;
    };
    for (const n of neu) {
      const a = altByKey.get(n.key);
      if (a) pushRemovedUntil(n.key);
      const status: RowStatus = !a ? 'neu' : a.text === n.text && a.title === n.title ? 'unveraendert' : 'geaendert';
      const texts = n.toc && a && status === 'geaendert' ? tocExcerpt(a.text, n.text) : { alt: a ? a.text : '', neu: n.text };
      rows.push({ key: n.key, title: n.title ?? a?.title, status, alt: texts.alt, neu: texts.neu, commands: byKeyCommands.get(n.key) ?? [] });
    }
    pushRemovedUntil(undefined);
    // Gliederung units and the Inhaltsübersicht are rows only where they changed (their §§ are rows of their own)
    const gliederungKeys = new Set([...alt, ...neu].filter((n) => n.gliederung || n.toc).map((n) => n.key));
    out.push({ law: l.law, uri: l.uri, draftUri: model.document.uri, rows: rows.filter((r) => !(gliederungKeys.has(r.key) && r.status === 'unveraendert')) });
  }
  return out;
}

// --- rendering -------------------------------------------------------------------------------------------


/** The old and new text of a row with the changed words marked (`<del>` in the old, `<ins>` in the new). */
function markedHtml(alt: string, neu: string): { alt: string; neu: string } {
  let a = '';
  let n = '';
  for (const part of diffWords(alt, neu)) {
    const t = esc(part.value).replace(/\n/g, '<br>');
    if (part.added) n += `<ins>${t}</ins>`;
    else if (part.removed) a += `<del>${t}</del>`;
    else {
      a += t;
      n += t;
    }
  }
  return { alt: a, neu: n };
}

const STATUS_TEXT: Record<RowStatus, string> = { unveraendert: 'unverändert', geaendert: 'geändert', neu: 'neu', aufgehoben: 'aufgehoben' };

/** The Synopse as an HTML body fragment (no script; unchanged §§ folded in `<details>`). */
export function synopseHtmlBody(list: Synopse[]): string {
  if (!list.length) return '<p class="norma-synopse-leer">Keine Synopse: Der Entwurf ändert kein Gesetz, das im Arbeitsbereich geöffnet ist (mit „norma import“ einlesen).</p>';
  const out: string[] = [];
  for (const s of list) {
    const changed = s.rows.filter((r) => r.status !== 'unveraendert').length;
    out.push(`<section class="norma-synopse">`);
    out.push(`<h1>Synopse: ${esc(s.law.titel)}${s.law.abkuerzung ? ` (${esc(s.law.abkuerzung)})` : ''}</h1>`);
    out.push(`<p class="norma-synopse-stand">${changed} von ${s.rows.length} ${s.rows.length === 1 ? 'Vorschrift' : 'Vorschriften'} geändert, eingefügt oder aufgehoben.</p>`);
    out.push('<table class="norma-synopse-tabelle"><thead><tr><th>Geltende Fassung</th><th>Fassung des Entwurfs</th></tr></thead>');
    for (const r of s.rows) {
      const head = `${esc(r.key)}${r.title ? ` ${esc(r.title)}` : ''}`;
      const links = r.commands.length
        ? `<div class="norma-synopse-befehle">${r.commands
            .map((c) => `<a class="norma-befehl" href="#" data-uri="${esc(s.draftUri)}" data-line="${c.line}" title="${esc(c.sentence)}">${esc(c.label || 'Änderungsbefehl')}</a>`)
            .join(' · ')}</div>`
        : '';
      if (r.status === 'unveraendert') {
        out.push(
          `<tbody class="norma-synopse-unveraendert"><tr><td colspan="2"><details><summary>${head} <span class="norma-synopse-status">(unverändert)</span></summary><div class="norma-synopse-text">${esc(r.alt).replace(/\n/g, '<br>')}</div></details></td></tr></tbody>`,
        );
        continue;
      }
      const m = markedHtml(r.alt, r.neu);
      out.push(
        `<tbody class="norma-synopse-${r.status}"><tr><th colspan="2" class="norma-synopse-kopf">${head} <span class="norma-synopse-status">(${STATUS_TEXT[r.status]})</span>${links}</th></tr>` +
          `<tr><td class="norma-synopse-alt">${m.alt}</td><td class="norma-synopse-neu">${m.neu}</td></tr></tbody>`,
      );
    }
    out.push('</table></section>');
  }
  return out.join('\n');
}

export const SYNOPSE_CSS = `body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.45; margin: 1rem; }
.norma-synopse-tabelle { border-collapse: collapse; width: 100%; table-layout: fixed; }
.norma-synopse-tabelle th, .norma-synopse-tabelle td { border: 1px solid #8886; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
.norma-synopse-kopf { background: #8881; }
.norma-synopse-status { font-weight: normal; font-style: italic; }
.norma-synopse-befehle { font-weight: normal; font-size: 0.85em; }
del { background: #f4c7c3; text-decoration: line-through; }
ins { background: #c8e6c9; text-decoration: none; }
summary { cursor: pointer; }
`;

/** A standalone HTML page of the Synopse (strict CSP, no script). */
export function synopseHtml(list: Synopse[], nonce = 'norma-synopse'): string {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${esc(nonce)}'">
<title>Synopse</title>
<style nonce="${esc(nonce)}">${SYNOPSE_CSS}</style>
</head>
<body>
${synopseHtmlBody(list)}
</body>
</html>
`;
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** `**x**` around the words of `v`, its outer blanks outside (Markdown emphasis must not start with a blank). */
function wrap(v: string, m: string): string {
  const x = /^(\s*)([\s\S]*?)(\s*)$/.exec(v) as RegExpExecArray;
  return x[2] ? `${x[1]}${m}${x[2]}${m}${x[3]}` : v;
}

/** The Synopse as Markdown: a table per amended law, changed words as ~~old~~ and **new**. */
export function synopseMarkdown(list: Synopse[]): string {
  if (!list.length) return 'Keine Synopse: Der Entwurf ändert kein Gesetz, das angegeben ist (mit „norma import“ einlesen).\n';
  const out: string[] = [];
  for (const s of list) {
    out.push(`# Synopse: ${s.law.titel}${s.law.abkuerzung ? ` (${s.law.abkuerzung})` : ''}`, '');
    out.push('| Vorschrift | Geltende Fassung | Fassung des Entwurfs |', '|---|---|---|');
    for (const r of s.rows) {
      if (r.status === 'unveraendert') continue;
      let a = '';
      let n = '';
      for (const p of diffWords(r.alt, r.neu)) {
        const v = mdCell(p.value);
        if (p.added) n += wrap(v, '**');
        else if (p.removed) a += wrap(v, '~~');
        else {
          a += v;
          n += v;
        }
      }
      out.push(`| ${mdCell(`${r.key}${r.title ? ` ${r.title}` : ''}`)} (${STATUS_TEXT[r.status]}) | ${a || '–'} | ${n || '–'} |`);
    }
    const same = s.rows.filter((r) => r.status === 'unveraendert').length;
    out.push('', same === 1 ? '1 Vorschrift bleibt unverändert.' : `${same} Vorschriften bleiben unverändert.`, '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
