/**
 * From findings to LSP diagnostics: configured severity, localised message,
 * absolute positions, inline suppression.
 *
 * The diagnostics of a block are converted once and cached on the block for
 * (document context, locale, configuration); on later calls a block that did
 * not move returns the same objects and a moved block is shifted. A keystroke
 * therefore costs work in proportion to the blocks it touched plus a pass over
 * the block list, not a reformatting of every message in the law.
 */
import { DiagnosticSeverity, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { DocumentModel } from './model/document-model';
import type { Block } from './parser/block';
import type { RelEdit, RelPos } from './model/types';
import type { ResolvedConfig } from './config/config';
import type { Rule, RuleFinding, Severity } from './rules/rule';
import {
  RULE_BY_ID,
  appliesTo,
  contextKey,
  directiveRanges,
  documentFindings,
  rawBlockFindings,
  severityFor,
  suppressed,
  unusedDirectiveFindings,
} from './rules';
import { format, type Locale } from './i18n/messages';

export interface NormaDiagnosticData {
  rule: string;
  hdr?: string;
  /** Safe fix (applied by `norma lint --fix` and "fix all"). */
  fix?: TextEdit[];
  /** Quick fixes that are offered but not applied automatically. */
  suggestions?: { title: string; edits: TextEdit[] }[];
}

export interface NormaDiagnostic {
  range: Range;
  severity: DiagnosticSeverity;
  code: string;
  source: string;
  message: string;
  data: NormaDiagnosticData;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The source text shown with a diagnostic: the drafting rule and where it is written. */
export function ruleSource(ruleId: string): string {
  const r = RULE_BY_ID.get(ruleId);
  if (!r) return 'Norma';
  return r.hdr ? `${r.hdr} · ${r.source}` : r.source;
}

function absPos(line0: number, p: RelPos): { line: number; character: number } {
  return { line: line0 + p.line, character: p.character };
}

export function absEdits(block: Block, edits: RelEdit[]): TextEdit[] {
  const l = block.startLine;
  return edits.map((e) => ({ range: { start: absPos(l, e.start), end: absPos(l, e.end) }, newText: e.newText }));
}

export function toDiagnostic(rule: Rule, severity: Severity, f: RuleFinding, block: Block, locale: Locale, landDraft = false): NormaDiagnostic {
  // a federal procedure applied to a Land law says so in every message
  const entsprechend = landDraft && rule.geltung === 'entsprechend';
  const l = block.startLine;
  const data: NormaDiagnosticData = { rule: rule.id };
  if (rule.hdr) data.hdr = rule.hdr;
  if (f.fix) data.fix = absEdits(block, f.fix);
  if (f.suggestions) data.suggestions = f.suggestions.map((s) => ({ title: format(s.title, locale), edits: absEdits(block, s.edits) }));
  return {
    range: { start: absPos(l, f.start), end: absPos(l, f.end) },
    severity: SEVERITY[severity],
    code: rule.id,
    source: entsprechend ? `${ruleSource(rule.id)} ${format({ key: 'landesrecht.quelleEntsprechend' }, locale)}` : ruleSource(rule.id),
    message: entsprechend ? `${format(f.message, locale)} ${format({ key: 'landesrecht.entsprechend' }, locale)}` : format(f.message, locale),
    data,
  };
}

function shiftEdits(edits: TextEdit[], delta: number): TextEdit[] {
  return edits.map((e) => ({ range: shiftRange(e.range, delta), newText: e.newText }));
}
function shiftRange(r: Range, delta: number): Range {
  return { start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } };
}
function shift(d: NormaDiagnostic, delta: number): NormaDiagnostic {
  const data: NormaDiagnosticData = { ...d.data };
  if (data.fix) data.fix = shiftEdits(data.fix, delta);
  if (data.suggestions) data.suggestions = data.suggestions.map((s) => ({ title: s.title, edits: shiftEdits(s.edits, delta) }));
  return { ...d, range: shiftRange(d.range, delta), data };
}

const NONE: NormaDiagnostic[] = [];

interface BlockDiagnostics {
  key: string;
  startLine: number;
  list: NormaDiagnostic[];
}

const configIds = new WeakMap<ResolvedConfig, number>();
let nextConfigId = 1;
function configKey(cfg: ResolvedConfig): number {
  let id = configIds.get(cfg);
  if (id === undefined) configIds.set(cfg, (id = nextConfigId++));
  return id;
}

function byPosition(a: NormaDiagnostic, b: NormaDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Every diagnostic of a document, after configuration and suppression comments, in document order. */
export function computeDiagnostics(model: DocumentModel, cfg: ResolvedConfig, locale: Locale): NormaDiagnostic[] {
  const ctx = model.context;
  const land = ctx.ebene === 'land';
  const ctxKey = contextKey(ctx);
  const key = `${ctxKey}|${locale}|${configKey(cfg)}`;
  const out: NormaDiagnostic[] = [];
  for (const block of model.document.blocks) {
    let c = block.diagnostics as BlockDiagnostics | undefined;
    if (!c || c.key !== key) {
      const list: NormaDiagnostic[] = [];
      for (const f of rawBlockFindings(block, ctx, cfg)) {
        const rule = RULE_BY_ID.get(f.rule);
        if (!rule || !appliesTo(rule, ctx)) continue;
        const sev = severityFor(rule, f, cfg);
        if (sev === 'off') continue;
        list.push(toDiagnostic(rule, sev, f, block, locale, land));
      }
      list.sort(byPosition);
      c = { key, startLine: block.startLine, list: list.length ? list : NONE };
      block.diagnostics = c;
    } else if (c.startLine !== block.startLine) {
      const delta = block.startLine - c.startLine;
      c.list = c.list.map((d) => shift(d, delta));
      c.startLine = block.startLine;
    }
    for (const d of c.list) out.push(d);
  }
  let sortNeeded = false;
  const pushPlaced = (rule: Rule, f: RuleFinding, block: Block): void => {
    const sev = severityFor(rule, f, cfg);
    if (sev === 'off') return;
    out.push(toDiagnostic(rule, sev, f, block, locale, land));
    sortNeeded = true;
  };
  for (const { block, finding } of documentFindings(model, cfg)) {
    const rule = RULE_BY_ID.get(finding.rule);
    if (rule && appliesTo(rule, ctx)) pushPlaced(rule, finding, block);
  }

  // inline suppression
  const { ranges, findings: dirFindings } = directiveRanges(model);
  let result = out;
  if (ranges.length) {
    result = out.filter((d) => {
      const rule = RULE_BY_ID.get(d.code);
      return !rule || !suppressed(ranges, rule, d.range.start.line);
    });
  }
  const unt = RULE_BY_ID.get('unterdrueckung') as Rule;
  if (severityFor(unt, undefined, cfg) !== 'off') {
    for (const { block, finding } of [...dirFindings, ...unusedDirectiveFindings(ranges)]) {
      const sev = finding.severity && !cfg.rules.get(unt.id) ? finding.severity : severityFor(unt, finding, cfg);
      if (sev === 'off') continue;
      result.push(toDiagnostic(unt, sev, finding, block, locale));
      sortNeeded = true;
    }
  }
  if (sortNeeded) result.sort(byPosition);
  return result;
}

/**
 * The safe fixes of one pass: each finding's edits all or none, none
 * overlapping another finding's (those wait for the next pass).
 */
export function nonOverlappingFixes(diags: readonly NormaDiagnostic[]): { edits: TextEdit[]; count: number } {
  const key = (p: { line: number; character: number }): number => p.line * 1e7 + p.character;
  const taken: [number, number][] = [];
  const edits: TextEdit[] = [];
  let count = 0;
  const fixable = diags.filter((d) => d.data.fix?.length).sort((a, b) => key(a.range.start) - key(b.range.start));
  for (const d of fixable) {
    const spans = (d.data.fix as TextEdit[]).map((e) => [key(e.range.start), key(e.range.end)] as [number, number]);
    const clash = spans.some(([s, e]) => taken.some(([ts, te]) => (s < te && ts < e) || s === ts));
    if (clash) continue;
    taken.push(...spans);
    edits.push(...(d.data.fix as TextEdit[]));
    count++;
  }
  return { edits, count };
}
