/**
 * The Änderungsbefehle of an amending law, read from its document model:
 * Artikel „Änderung des …“, the Eingangssatz („Das … vom … wird wie folgt
 * geändert:“), the numbered commands and their sub-commands („1. § 3 wird wie
 * folgt geändert: a) In Absatz 1 … b) …“), whose target path is carried down,
 * and the quoted structures they insert. Each leaf command becomes a
 * {@link Command}: a change for the apply engine with its source position.
 */
import type { DocumentModel } from '../model/document-model';
import type { Block } from '../parser/block';
import type { Unit } from '../model/types';
import { GLIEDERUNG_FORMS, parseCommand, type AstLevel, type CommandAst } from './grammar';
import type { Change, Level, Verb } from './apply';
import { GAZETTE } from '../util/gazette';

const FULL_GAZETTE = new RegExp(String.raw`\(${GAZETTE}\.`, 'u');

/** „Änderung des Bundesmeldegesetzes“, „Weitere Änderung der Meldeverordnung“. */
export const AMENDS_RE = /^(?:(?:Weitere|Nochmalige|Erneute|Zweite|Dritte)\s+)?Änderung(?:en)?\s+(?:des|der)\s+/u;

export interface SourceSpan {
  block: Block;
  /** Line relative to the block. */
  line: number;
  start: number;
  end: number;
}

export interface Command extends Change {
  /** The list item (or Absatz) holding the command. */
  unit: Unit;
  /** The command sentence as read (up to its colon or period). */
  sentence: string;
  span: SourceSpan;
  ast: CommandAst;
  /** Position in the Artikel's commands. */
  index: number;
  /** Where the quoted structure stands, if any. */
  contentSpan?: SourceSpan;
}

export interface Unparsed {
  unit: Unit;
  text: string;
  span: SourceSpan;
}

export interface Eingangssatz {
  text: string;
  span: SourceSpan;
  /** „wird wie folgt geändert:“ at its end. */
  geaendert: boolean;
  /** Date and gazette of the amended law („vom 3. Mai 2013 (BGBl. I S. 1084)“). */
  full: boolean;
}

export interface AmendingArtikel {
  artikel: Unit;
  /** The law named in the heading („Bundesmeldegesetzes“). */
  lawName: string;
  eingangssatz: Eingangssatz | undefined;
  commands: Command[];
  unparsed: Unparsed[];
  /** Commands nested to a Dreifachbuchstabe (H14). */
  tooDeep: Unit[];
}

const RANK: Record<string, number> = {
  paragraph: 0,
  artikel: 0,
  anlage: 0,
  ueberschrift: 1,
  absatz: 1,
  satz: 2,
  halbsatz: 2.5,
  teil: 3,
  nummer: 4,
  buchstabe: 5,
  doppelbuchstabe: 6,
  dreifachbuchstabe: 7,
  // the Inhaltsübersicht stands on its own, like a §; its Angaben below it
  inhaltsuebersicht: 0,
  angabe: 1,
};

/** Gliederung units rank above the § (Buch highest), in the order of docs/language.md section 7. */
const GLIEDERUNG_RANK: Record<string, number> = { Buch: -8, Teil: -7, Kapitel: -6, Unterkapitel: -5, Abschnitt: -4, Unterabschnitt: -3, Titel: -2, Untertitel: -1 };

function rank(l: Level): number {
  if (l.kind === 'gliederung') return GLIEDERUNG_RANK[l.word ?? ''] ?? -1;
  return RANK[l.kind] ?? 0;
}

const NORM_LEVEL = new Set(['paragraph', 'artikel', 'anlage']);

/**
 * A path written relative to the command above it, completed from it. A §,
 * Artikel or Anlage stands on its own (its number is unique in the law): the
 * Gliederung units above it are dropped.
 */
export function combine(context: Level[], rel: Level[]): Level[] {
  let out: Level[];
  if (!rel.length) out = context;
  else {
    const r = rank(rel[0]);
    out = r === 0 ? rel : [...context.filter((l) => rank(l) < r), ...rel];
  }
  const k = out.findIndex((l) => NORM_LEVEL.has(l.kind));
  return k > 0 && out.slice(0, k).every((l) => l.kind === 'gliederung') ? out.slice(k) : out;
}

/** Split a command's text into the sentence (up to the first colon outside quotes followed by „) and an inline quotation. */
function splitInline(text: string): { sentence: string; inline: string | undefined; inlineAt: number } {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201e /* „ */) depth++;
    else if (c === 0x201c /* “ */ && depth > 0) depth--;
    else if (c === 58 /* : */ && depth === 0) {
      const rest = text.slice(i + 1);
      const m = /^\s*„/.exec(rest);
      if (m) return { sentence: text.slice(0, i + 1), inline: rest.trimStart(), inlineAt: i + 1 + m[0].length - 1 };
      if (rest.trim() === '') return { sentence: text.slice(0, i + 1), inline: undefined, inlineAt: -1 };
      // new wording without quotation marks (as some Verkündungsfassungen print it)
      if (/^\s*\p{Lu}/u.test(rest)) return { sentence: text.slice(0, i + 1), inline: rest.trim(), inlineAt: i + 1 + (rest.length - rest.trimStart().length) };
    }
  }
  return { sentence: text, inline: undefined, inlineAt: -1 };
}

/** The lines of a quotation without its outer marks (and a period after the closing mark). */
export function unquote(lines: string[]): string[] {
  if (!lines.length) return lines;
  const out = [...lines];
  out[0] = out[0].replace(/^\s*„/, '');
  const last = out.length - 1;
  out[last] = out[last].replace(/“\s*[.;,]?\s*$/, '');
  return out;
}

/** Where a law name may follow a path: after a number or a Gliederung word, before „des“ or „der“. */
const LAW_NAME_AT = new RegExp(String.raw`(?:\d[a-z]{0,2}|(?<![\p{L}])(?:${GLIEDERUNG_FORMS.join('|')}))(?=\s+(?:des|der)\s)`, 'gu');
const LAW_NAME = /^\s+(?:des|der)\s+[^„]*?,?(?=\s+(?:wird|werden)\s)/u;

/**
 * The command read with a law name in its path taken out („§ 5 der
 * Meldeverordnung wird …“, „Der Dritte Abschnitt des Zweiten Buches des
 * Bürgerlichen Gesetzbuchs wird …“): the name is tried from the last place
 * it may begin, so that the units above in the genitive („des Zweiten
 * Buches“) stay in the path.
 */
function withoutLawName(s: string): CommandAst | undefined {
  const at = [...s.matchAll(LAW_NAME_AT)].map((m) => (m.index ?? 0) + m[0].length);
  for (let k = at.length - 1; k >= 0; k--) {
    const rest = s.slice(at[k]);
    if (!LAW_NAME.test(rest)) continue;
    const ast = parseCommand(s.slice(0, at[k]) + rest.replace(LAW_NAME, ''));
    if (ast) return ast;
  }
  return undefined;
}

/** Sentence → its tree (shared, read-only): an edit re-reads the Artikel, and all but one sentence are as before. */
const sentenceMemo = new Map<string, CommandAst | null>();

function parse(sentence: string): CommandAst | undefined {
  const hit = sentenceMemo.get(sentence);
  if (hit !== undefined) return hit ?? undefined;
  const s = sentence.replace(/\s+/g, ' ').trim();
  const ast = parseCommand(s) ?? (s.includes(' des ') || s.includes(' der ') ? withoutLawName(s) : undefined);
  if (sentenceMemo.size > 20_000) sentenceMemo.clear();
  sentenceMemo.set(sentence, ast ?? null);
  return ast;
}

const VERB: Record<Exclude<CommandAst['type'], 'geaendert' | 'woerter'>, Verb> = {
  gefasst: 'neufassen',
  ersetzt: 'ersetzen',
  eingefuegt: 'einfuegen',
  angefuegt: 'anfuegen',
  vorangestellt: 'voranstellen',
  aufgehoben: 'aufheben',
  gestrichen: 'streichen',
  umnummeriert: 'umnummerieren',
};

interface TextLine {
  line: number;
  start: number;
  end: number;
  text: string;
  multi: boolean;
  /** Lines of a multi-line part, with relative indentation. */
  lines: string[];
}

function texts(u: Unit): TextLine[] {
  const out: TextLine[] = [];
  const b = u.block;
  for (const p of u.parts) {
    if (p.type !== 'text') continue;
    const t = p.text;
    if (t.line === t.endLine) {
      out.push({ line: t.line, start: t.start, end: t.end, text: b.lines[t.line].slice(t.start, t.end), multi: false, lines: [b.lines[t.line].slice(t.start, t.end)] });
    } else {
      const base = b.tokens[t.line].indent;
      const lines: string[] = [];
      for (let l = t.line; l <= t.endLine; l++) {
        const tok = b.tokens[l];
        const from = l === t.line ? t.start : tok.indent;
        const to = l === t.endLine ? t.end : tok.end;
        lines.push(' '.repeat(Math.max(0, tok.indent - base)) + b.lines[l].slice(from, to));
      }
      out.push({ line: t.line, start: t.start, end: t.end, text: lines.join('\n'), multi: true, lines });
    }
  }
  return out;
}

function levelsOf(ast: CommandAst): AstLevel[] {
  return 'path' in ast ? ast.path : [];
}

/** Read the commands of one amending Artikel. */
export function readArtikel(artikel: Unit): AmendingArtikel {
  const title = artikel.title ?? '';
  const m = AMENDS_RE.exec(title);
  const lawName = m ? title.slice(m[0].length).replace(/\s+(?:vom|in der)\s.*$/, '') : title;
  const res: AmendingArtikel = { artikel, lawName, eingangssatz: undefined, commands: [], unparsed: [], tooDeep: [] };
  const abs = artikel.children.filter((c) => c.kind === 'absatz');
  const walk = (u: Unit, context: Level[], first: boolean): void => {
    const tl = texts(u);
    let ctx = context;
    if (tl.length && !tl[0].multi) {
      const head = tl[0];
      const { sentence, inline, inlineAt } = splitInline(head.text);
      const span: SourceSpan = { block: u.block, line: head.line, start: head.start, end: head.start + sentence.length };
      const eingang = first && u.kind === 'absatz' && /^(?:Das|Die|Der)\s/u.test(sentence) && !parse(sentence);
      if (eingang) {
        res.eingangssatz = {
          text: sentence,
          span,
          geaendert: /wird\s+wie\s+folgt\s+geändert:\s*$/u.test(sentence),
          full: /\bvom\s+\d{1,2}\.\s+\S+\s+\d{4}/u.test(sentence) && FULL_GAZETTE.test(sentence),
        };
      } else {
        const ast = parse(sentence);
        if (ast) {
          if (u.kind === 'dreifachbuchstabe') res.tooDeep.push(u);
          if (ast.type === 'geaendert') ctx = combine(context, ast.path);
          else {
            if (ast.type === 'umnummeriert' && ast.geaendert) ctx = combine(context, ast.to);
            // the quotation: inline after the colon, or the next text part
            let content: string[] | undefined;
            let contentSpan: SourceSpan | undefined;
            if (inline !== undefined) {
              content = unquote([inline]);
              contentSpan = { block: u.block, line: head.line, start: head.start + inlineAt, end: head.end };
            } else if (tl[1] && tl[1].text.trimStart().startsWith('„')) {
              content = unquote(tl[1].lines);
              contentSpan = { block: u.block, line: tl[1].line, start: tl[1].start, end: tl[1].multi ? u.block.lines[tl[1].line].length : tl[1].end };
            }
            addCommand(res, u, sentence, span, ast, context, content, contentSpan);
          }
        } else if (sentence.trim()) {
          res.unparsed.push({ unit: u, text: sentence, span });
        }
      }
    }
    for (const c of u.children) walk(c, ctx, false);
  };
  if (!abs.length) return res;
  for (const a of abs) walk(a, [], true);
  return res;
}

/** The path of a container command as a string (part of its sub-commands' keys), by path. */
const contextKeys = new WeakMap<Level[], string>();
function contextKey(context: Level[]): string {
  let k = contextKeys.get(context);
  if (k === undefined) contextKeys.set(context, (k = JSON.stringify(context)));
  return k;
}

function addCommand(res: AmendingArtikel, u: Unit, sentence: string, span: SourceSpan, ast: CommandAst, context: Level[], content: string[] | undefined, contentSpan: SourceSpan | undefined): void {
  // what the command does follows from its sentence, the path it continues and its quotation: the key of its change
  // joined, not concatenated: one flat string, compared with the key of the same command before the edit
  const parts = [contextKey(context), sentence, ...(content ?? ['\u0002']), ''];
  let sub = 0;
  const push = (c: Pick<Command, 'verb' | 'target'> & Partial<Command>): void => {
    parts[parts.length - 1] = String(sub++);
    const cmd: Command = { unit: u, sentence, span, ast, contentSpan, index: res.commands.length, verb: c.verb, target: c.target, key: parts.join('\u0001') };
    if (c.words) cmd.words = c.words;
    if (c.neu) cmd.neu = c.neu;
    if (c.side) cmd.side = c.side;
    if (c.to) cmd.to = c.to;
    if (c.content) cmd.content = c.content;
    res.commands.push(cmd);
  };
  if (ast.type === 'woerter') {
    // „In Absatz 2 Satz 3 und Absatz 3 Satz 2 wird jeweils …“: the changes for each place
    for (const p of [ast.path, ...(ast.more ?? [])]) {
      const target = combine(context, p);
      for (const w of ast.changes) {
        const verb: Verb = w.op === 'einfuegen' ? 'einfuegen' : w.op === 'streichen' ? 'streichen' : w.op === 'anfuegen' ? 'anfuegen' : 'ersetzen';
        push({ verb, target, words: w });
      }
    }
    return;
  }
  if (ast.type === 'geaendert') return;
  const verb = VERB[ast.type];
  const target = ast.type === 'angefuegt' || ast.type === 'vorangestellt' ? combine(context, ast.path) : combine(context, levelsOf(ast));
  const c: Partial<Command> & { verb: Verb; target: Level[] } = { verb, target };
  if ('neu' in ast) c.neu = ast.neu;
  if (ast.type === 'eingefuegt') c.side = ast.side;
  if (ast.type === 'umnummeriert') c.to = combine(context, ast.to);
  if (content) c.content = content;
  // „Die Angabe zu § 9 wird durch die Angabe „§ 9 (weggefallen)“ ersetzt.“: the new wording stands in the sentence
  else if (ast.type === 'ersetzt' && ast.neuText) c.content = [ast.neuText.text];
  push(c);
}

/** The amending Artikel of a document, in order. */
export function amendingArtikel(model: DocumentModel): AmendingArtikel[] {
  const out: AmendingArtikel[] = [];
  for (const n of model.norms) {
    if (n.kind !== 'artikel' || !n.title || !AMENDS_RE.test(n.title)) continue;
    const cache = n.block.caches.get('amend') as { head: Unit; result: AmendingArtikel } | undefined;
    if (cache && cache.head === n) {
      out.push(cache.result);
      continue;
    }
    const result = readArtikel(n);
    n.block.caches.set('amend', { head: n, result });
    out.push(result);
  }
  return out;
}
