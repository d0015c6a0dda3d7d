/**
 * Code actions from the diagnostics' own data: every safe fix (`data.fix`)
 * as the preferred quick fix, every suggestion (`data.suggestions`) as a
 * further quick fix, a per-rule „fix all of this rule“, a suppression comment,
 * and the source action „Alle automatisch behebbaren Probleme beheben“
 * (`source.fixAll.norma`, usable in `editor.codeActionsOnSave`).
 *
 * No rule logic: which edit fixes what is decided by the rules; this only
 * packages the edits as LSP code actions.
 */
import { nonOverlappingFixes } from '../service/diagnostics';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { applyEdits, type Locale, type NormaDiagnostic } from '../service';
import { t } from './messages';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.norma`;
export const RENUMBER_KIND = `${CodeActionKind.Source}.renumber.norma`;
/** The server-side command that renumbers a document (workspace/executeCommand). */
export const RENUMBER_COMMAND = 'norma.server.renumber';
/** Rules whose findings renumbering resolves. */
const RENUMBER_RULES = new Set(['paragraph-nummerierung', 'buchstabenzusatz', 'untergliederung-nummerierung', 'gliederung-nummerierung']);
/** Findings that a suppression comment cannot silence (or that do not stand in norm text). */
const NOT_SUPPRESSIBLE = new Set(['syntax', 'frontmatter', 'config', 'unterdrueckung']);
const MAX_FIX_PASSES = 10;

export interface CodeActionInput {
  uri: string;
  range: Range;
  /** `context.only` of the request. */
  only?: string[];
  /** All current diagnostics of the document (the server's own, with their data). */
  diagnostics: readonly NormaDiagnostic[];
  /** The text of the document. */
  text: string;
  locale: Locale;
  /** Re-analyses a changed text (same URI and config) for „fix all“'s further passes. */
  reanalyse: (text: string) => readonly NormaDiagnostic[];
  /** Whether the service can renumber. */
  renumber: boolean;
}

export function kindMatches(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function lineTexts(text: string): string[] {
  return text.split(/\r?\n/);
}

function textIn(lines: string[], r: Range): string {
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  const parts = [(lines[r.start.line] ?? '').slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l] ?? '');
  parts.push((lines[r.end.line] ?? '').slice(0, r.end.character));
  return parts.join('\n');
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

/** A title that says what the safe fix does. */
export function fixTitle(d: NormaDiagnostic, lines: string[], locale: Locale): string {
  const edits = d.data.fix ?? [];
  if (edits.length === 1) {
    const e = edits[0];
    const old = textIn(lines, e.range);
    if (old && e.newText) return t('replace', locale, { old: short(old), new: short(e.newText) });
    if (e.newText) return t('insert', locale, { new: short(e.newText) });
    if (old) return t('remove', locale, { old: short(old) });
  }
  if (edits.length > 1 && edits.length <= 3 && edits.every((e) => e.newText && textIn(lines, e.range))) {
    return edits.map((e) => t('replace', locale, { old: short(textIn(lines, e.range)), new: short(e.newText) })).join(', ');
  }
  return t('fixGeneric', locale, { rule: d.code, count: edits.length });
}

/** One edit that turns `before` into `after`: the lines between their common prefix and suffix. */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const a = before.split('\n');
  const b = after.split('\n');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const endLine = a.length - s;
  const range: Range =
    endLine < a.length ? { start: { line: p, character: 0 }, end: { line: endLine, character: 0 } } : { start: { line: p, character: 0 }, end: { line: a.length - 1, character: a[a.length - 1].length } };
  const middle = b.slice(p, b.length - s);
  const newText = endLine < a.length ? middle.map((l) => `${l}\n`).join('') : middle.join('\n');
  return { range, newText };
}

/**
 * The edits of „fix all“: the safe fixes of the first pass as they are; when
 * fixes that overlapped need further passes (as `norma lint --fix` makes
 * them), one edit over the changed lines.
 */
export function fixAllEdits(text: string, diags: readonly NormaDiagnostic[], reanalyse: (text: string) => readonly NormaDiagnostic[]): TextEdit[] {
  const first = nonOverlappingFixes(diags);
  if (!first.count) return [];
  // nothing was held back for a later pass: the first pass is all (the common case, and cheap)
  if (first.count === diags.filter((d) => d.data.fix?.length).length) return first.edits;
  let current = applyEdits(text, first.edits).text;
  let more = false;
  for (let pass = 1; pass < MAX_FIX_PASSES; pass++) {
    const next = nonOverlappingFixes(reanalyse(current));
    if (!next.count) break;
    const r = applyEdits(current, next.edits);
    if (!r.applied || r.text === current) break;
    current = r.text;
    more = true;
  }
  if (!more) return first.edits;
  const e = diffEdit(text, current);
  return e ? [e] : [];
}

function suppressEdit(d: NormaDiagnostic, lines: string[]): TextEdit {
  const line = d.range.start.line;
  const indent = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// norma-disable-next-line ${d.code}\n` };
}

export function codeActionsFromDiagnostics(input: CodeActionInput): CodeAction[] {
  const { uri, locale, only } = input;
  const lines = lineTexts(input.text);
  const out: CodeAction[] = [];
  const here = input.diagnostics.filter((d) => touches(d.range, input.range));
  const asDiag = (d: NormaDiagnostic): Diagnostic => d as unknown as Diagnostic;

  if (kindMatches(CodeActionKind.QuickFix, only)) {
    const rulesDone = new Set<string>();
    for (const d of here) {
      if (d.data.fix?.length) {
        out.push({ title: fixTitle(d, lines, locale), kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [asDiag(d)], edit: { changes: { [uri]: d.data.fix } } });
      }
      for (const s of d.data.suggestions ?? []) {
        out.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [asDiag(d)], edit: { changes: { [uri]: s.edits } } });
      }
      if (input.renumber && RENUMBER_RULES.has(d.code)) {
        out.push({ title: t('renumber', locale), kind: CodeActionKind.QuickFix, diagnostics: [asDiag(d)], command: { title: t('renumber', locale), command: RENUMBER_COMMAND, arguments: [uri] } });
      }
    }
    // „fix all of this rule“ where a rule has several fixable findings in the file
    for (const d of here) {
      if (!d.data.fix?.length || rulesDone.has(d.code)) continue;
      rulesDone.add(d.code);
      const same = input.diagnostics.filter((x) => x.code === d.code && x.data.fix?.length);
      if (same.length < 2) continue;
      const { edits } = nonOverlappingFixes(same);
      out.push({ title: t('fixAllRule', locale, { rule: d.code }), kind: CodeActionKind.QuickFix, diagnostics: same.map(asDiag), edit: { changes: { [uri]: edits } } });
    }
    for (const d of here) {
      if (NOT_SUPPRESSIBLE.has(d.code)) continue;
      out.push({ title: t('disableLine', locale, { rule: d.code }), kind: CodeActionKind.QuickFix, diagnostics: [asDiag(d)], edit: { changes: { [uri]: [suppressEdit(d, lines)] } } });
    }
  }

  if (kindMatches(FIX_ALL_KIND, only) && input.diagnostics.some((d) => d.data.fix?.length)) {
    // listed with the quick fixes of a fixable finding too (the light bulb), and on request as a source action
    const requested = only?.length ? true : here.some((d) => d.data.fix?.length);
    if (requested) {
      const edits = fixAllEdits(input.text, input.diagnostics, input.reanalyse);
      if (edits.length) out.push({ title: t('fixAll', locale), kind: FIX_ALL_KIND, diagnostics: input.diagnostics.filter((d) => d.data.fix?.length).map(asDiag), edit: { changes: { [uri]: edits } } });
    }
  }

  if (input.renumber && only?.length && kindMatches(RENUMBER_KIND, only)) {
    out.push({ title: t('renumber', locale), kind: RENUMBER_KIND, command: { title: t('renumber', locale), command: RENUMBER_COMMAND, arguments: [uri] } });
  }
  return out;
}
