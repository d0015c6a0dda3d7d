/**
 * The rule registry and the runner that turns parse findings and rule
 * findings into diagnostics: configured severity, inline suppression,
 * absolute positions.
 */
import type { BlockCheckContext, Rule, RuleFinding, Severity, SeverityOrOff } from './rule';
import * as structure from './structure-rules';
import * as text from './text-rules';
import { aufwand } from './aufwand-rule';
import { DIGITALCHECK_RULES } from './digitalcheck-rules';
import * as refs from './ref-rules';
import { TERM_RULES } from './term-rules';
import { AMEND_RULES } from './amend-rules';
import { eingangsformel, landesrecht } from './land-rules';
import type { Block } from '../parser/block';
import { segments, type Segment } from './segments';
import type { DocumentModel, DocumentContext } from '../model/document-model';
import type { RelEdit, RelPos } from '../model/types';
import { EMPTY_CONFIG, type ResolvedConfig } from '../config/config';
import { settingsKey } from '../config/settings';
import { closest } from '../util/strings';

export const unterdrueckung: Rule = {
  id: 'unterdrueckung',
  source: 'Norma-Sprachreferenz (docs/language.md), Unterdrückungskommentare',
  description: { de: 'Unterdrückungskommentare nennen bekannte Regeln und wirken', en: 'Suppression comments name known rules and take effect' },
  defaultSeverity: 'warning',
  fixable: false,
};

export const config: Rule = {
  id: 'config',
  source: 'Norma-Sprachreferenz (docs/language.md), norma.config.json',
  description: { de: 'norma.config.json gültig', en: 'Valid norma.config.json' },
  defaultSeverity: 'error',
  fixable: true,
};

export const RULES: readonly Rule[] = [
  structure.syntax,
  structure.frontmatter,
  structure.vorspannFehlt,
  structure.gliederungBezeichnung,
  structure.gliederungEbenen,
  structure.gliederungEntbehrlich,
  structure.gliederungNummerierung,
  structure.ueberschriftFehlt,
  structure.paragraphNummerierung,
  structure.buchstabenzusatz,
  structure.untergliederungNummerierung,
  text.abkuerzung,
  text.eigeneAbkuerzung,
  text.bereichStrich,
  text.anfuehrungszeichen,
  structure.inkrafttreten,
  structure.leereEinheit,
  refs.verweisZielFehlt,
  refs.verweisAufgehoben,
  refs.verweisKette,
  refs.zitierungErstnennung,
  refs.zitierungFassung,
  ...TERM_RULES,
  ...AMEND_RULES,
  unterdrueckung,
  config,
  aufwand,
  ...DIGITALCHECK_RULES,
  eingangsformel,
  landesrecht,
];

export const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Codes accepted in config and suppression comments: rule ids and HdR ids (H6 = every H6 rule). */
export function knownCodes(): string[] {
  const hdr = new Set<string>();
  for (const r of RULES) if (r.hdr) hdr.add(r.hdr);
  return [...RULES.map((r) => r.id), ...[...hdr].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))];
}

function matchesCode(rule: Rule, code: string): boolean {
  return rule.id === code || rule.hdr === code;
}

export function contextKey(c: DocumentContext): string {
  return `${c.typ}|${c.fassung}|${c.ebene}|${c.land ?? ''}|${c.abkuerzung ?? ''}|${c.kurztitel ?? ''}`;
}

const BLOCK_RULES = RULES.filter((r) => r.checkBlock);
/** Shared by every block without findings (most of them). */
const NO_FINDINGS: RuleFinding[] = [];
const DOC_RULES = RULES.filter((r) => r.checkDocument);

/** Block rule findings, cached on the block for the document context and the config's rule settings. */
export function blockFindings(block: Block, ctx: DocumentContext, key?: string, cfg: ResolvedConfig = EMPTY_CONFIG): RuleFinding[] {
  key ??= `${contextKey(ctx)}|${settingsKey(cfg)}`;
  if (block.ruleCache && block.ruleCache.key === key) return block.ruleCache.findings;
  let findings: RuleFinding[] = NO_FINDINGS;
  let segs: Segment[] | undefined;
  let current = '';
  // one context for all rules of the block (this runs for every block of a law)
  const check: BlockCheckContext = {
    block,
    doc: ctx,
    config: cfg,
    get segments() {
      return (segs ??= segments(block));
    },
    report: (f) => {
      if (findings === NO_FINDINGS) findings = [];
      findings.push({ rule: current, ...f });
    },
  };
  // line-local rules on an edited block: their findings for one-line units come from the line memo
  const memo = block.memoActive;
  const local = memo ? BLOCK_RULES.filter((r) => r.lineLocal && runs(r, ctx) && !isOff(r, cfg)) : [];
  const localFindings = memo && local.length ? lineLocalFindings(local, check, `${key}|${local.map((r) => r.id).join(',')}`) : undefined;
  for (const rule of BLOCK_RULES) {
    if (!runs(rule, ctx) || isOff(rule, cfg)) continue;
    current = rule.id;
    if (localFindings && rule.lineLocal) {
      const out = localFindings[local.indexOf(rule)];
      if (out.length) {
        if (findings === NO_FINDINGS) findings = [];
        for (const f of out) findings.push(f);
      }
    } else rule.checkBlock?.(check);
  }
  block.ruleCache = { key, findings };
  return findings;
}

/**
 * Segments whose findings line-local rules may take from the line memo: the
 * only segment on its line, the whole text of a unit of one line.
 */
function oneLineUnits(segs: readonly Segment[]): boolean[] {
  return segs.map((seg, i) => {
    if (seg.inQuote || seg.kind !== 'text') return false;
    if ((i > 0 && segs[i - 1].line === seg.line) || (i + 1 < segs.length && segs[i + 1].line === seg.line)) return false;
    const parts = seg.unit.parts;
    if (parts.length !== 1) return false;
    const p = parts[0];
    return p.type === 'text' && p.text.line === seg.line && p.text.endLine === seg.line && p.text.start === seg.start && p.text.end === seg.end;
  });
}

/** A memo entry for a line without findings of any line-local rule. */
const NONE_LOCAL: RuleFinding[][] = [];

/**
 * The findings of the line-local rules, per rule in the order its check gives
 * them: for the one-line units, taken from the line memo (one entry per line
 * for all of them); the rules run on the other segments only.
 */
function lineLocalFindings(rules: readonly Rule[], check: BlockCheckContext, tag: string): RuleFinding[][] {
  const segs = check.segments;
  const block = check.block;
  const memoizable = oneLineUnits(segs);
  const cached: (RuleFinding[][] | undefined)[] = [];
  const todo: Segment[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const hit = memoizable[i] ? block.memoGet<RuleFinding[][]>(seg.line, 'rules', tag, seg.start, seg.end) : undefined;
    cached.push(hit);
    if (!hit) todo.push(seg);
  }
  // each rule on the segments not in the memo; its findings by line, and in the order reported
  const byLine: Map<number, RuleFinding[]>[] = [];
  const order: RuleFinding[][] = [];
  for (const rule of rules) {
    const lineMap = new Map<number, RuleFinding[]>();
    const list: RuleFinding[] = [];
    byLine.push(lineMap);
    order.push(list);
    if (!todo.length) continue;
    rule.checkBlock?.({
      block: check.block,
      doc: check.doc,
      config: check.config,
      segments: todo,
      report: (f) => {
        const x: RuleFinding = { rule: rule.id, ...f };
        list.push(x);
        const l = lineMap.get(f.start.line);
        if (l) l.push(x);
        else lineMap.set(f.start.line, [x]);
      },
    });
  }
  const out: RuleFinding[][] = rules.map(() => []);
  const emitted = new Set<number>();
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const hit = cached[i];
    if (hit) {
      for (let r = 0; r < hit.length; r++) for (const f of hit[r]) out[r].push(onLine(f, seg.line));
      continue;
    }
    if (emitted.has(seg.line)) continue;
    emitted.add(seg.line);
    let any = false;
    let onItsLine = true;
    for (let r = 0; r < rules.length; r++) {
      const group = byLine[r].get(seg.line);
      if (!group) continue;
      any = true;
      for (const f of group) {
        out[r].push(f);
        if (!allOnLine(f, seg.line)) onItsLine = false;
      }
    }
    if (memoizable[i] && onItsLine) block.memoSet(seg.line, 'rules', tag, seg.start, seg.end, any ? rules.map((_, r) => (byLine[r].get(seg.line) ?? []).map((f) => onLine(f, 0))) : NONE_LOCAL);
  }
  // (a line-local rule reports on its segments' lines only; anything else keeps its place at the end)
  for (let r = 0; r < rules.length; r++) for (const f of order[r]) if (!emitted.has(f.start.line)) out[r].push(f);
  return out;
}

function allOnLine(f: RuleFinding, line: number): boolean {
  const on = (e: { start: RelPos; end: RelPos }): boolean => e.start.line === line && e.end.line === line;
  return on(f) && (f.fix ?? []).every(on) && (f.suggestions ?? []).every((s) => s.edits.every(on));
}

/** A finding whose positions all lie on one line, moved to `line`. */
function onLine(f: RuleFinding, line: number): RuleFinding {
  const at = (p: RelPos): RelPos => ({ line, character: p.character });
  const edit = (e: RelEdit): RelEdit => ({ start: at(e.start), end: at(e.end), newText: e.newText });
  const x: RuleFinding = { ...f, start: at(f.start), end: at(f.end) };
  if (f.fix) x.fix = f.fix.map(edit);
  if (f.suggestions) x.suggestions = f.suggestions.map((s) => ({ title: s.title, edits: s.edits.map(edit) }));
  return x;
}

export interface PlacedFinding {
  block: Block;
  finding: RuleFinding;
}

/** A rule switched off by the config (by its id, or by its HdR id when the id is not configured): it need not run. */
export function isOff(rule: Rule, cfg: ResolvedConfig): boolean {
  return severityFor(rule, undefined, cfg) === 'off';
}

export function documentFindings(model: DocumentModel, cfg: ResolvedConfig = EMPTY_CONFIG): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  for (const rule of DOC_RULES) {
    if (!runs(rule, model.context) || isOff(rule, cfg)) continue;
    rule.checkDocument?.({
      model,
      doc: model.context,
      report: (block, f) => out.push({ block, finding: { rule: rule.id, ...f } }),
    });
  }
  return out;
}

/** Effective severity of a finding: config by rule id, then by HdR id, then the finding's or rule's default. */
export function severityFor(rule: Rule, f: { severity?: Severity } | undefined, cfg: ResolvedConfig): SeverityOrOff {
  const byId = cfg.rules.get(rule.id);
  if (byId) return byId;
  if (rule.hdr) {
    const byHdr = cfg.rules.get(rule.hdr);
    if (byHdr) return byHdr;
  }
  return f?.severity ?? rule.defaultSeverity;
}

/** The raw findings of one block: syntax, front matter and block rules (the last cached on the block). */
export function rawBlockFindings(block: Block, ctx: DocumentContext, cfg: ResolvedConfig = EMPTY_CONFIG): RuleFinding[] {
  const p = block.parse;
  const fm = p.frontMatter?.findings ?? [];
  const rules = blockFindings(block, ctx, undefined, cfg);
  if (!p.syntax.length && !fm.length) return rules;
  return [...p.syntax, ...fm, ...rules];
}

export function appliesTo(rule: Rule, ctx: DocumentContext): boolean {
  return runs(rule, ctx) || rule.id === 'syntax' || rule.id === 'frontmatter';
}

/** The rule runs on the document: its own condition, and no federal-only rule on a Land law. */
function runs(rule: Rule, ctx: DocumentContext): boolean {
  if (rule.geltung === 'bund' && ctx.ebene === 'land') return false;
  return !rule.appliesTo || rule.appliesTo(ctx);
}

/** A suppression directive with the absolute lines it covers. */
export interface DirectiveRange {
  block: Block;
  kind: string;
  /** Absolute line of the comment. */
  line: number;
  from: number;
  to: number;
  codes: string[] | undefined;
  used: boolean;
  start: number;
  end: number;
}

/** Suppression directives of a document, and findings about unknown codes in them. */
export function directiveRanges(model: DocumentModel): { ranges: DirectiveRange[]; findings: PlacedFinding[] } {
  const ranges: DirectiveRange[] = [];
  const findings: PlacedFinding[] = [];
  const open: DirectiveRange[] = [];
  const codes = knownCodes();
  for (const { block, directive: d } of model.directives()) {
    const line = block.startLine + d.line;
    for (const c of d.codes ?? []) {
      if (!codes.includes(c)) {
        const near = closest(c, codes);
        findings.push({
          block,
          finding: {
            rule: 'unterdrueckung',
            message: near
              ? { key: 'unterdrueckung.unknownCodeDidYouMean', args: { code: c, kind: d.kind, near } }
              : { key: 'unterdrueckung.unknownCode', args: { code: c, kind: d.kind } },
            start: { line: d.line, character: d.start },
            end: { line: d.line, character: d.end },
          },
        });
      }
    }
    const base = { block, kind: d.kind, line, codes: d.codes, used: false, start: d.start, end: d.end };
    if (d.kind === 'disable-next-line') ranges.push({ ...base, from: line + 1, to: line + 1 });
    else if (d.kind === 'disable-line') ranges.push({ ...base, from: line, to: line });
    else if (d.kind === 'disable') {
      const r = { ...base, from: line, to: Number.MAX_SAFE_INTEGER };
      ranges.push(r);
      open.push(r);
    } else {
      // enable: closes the matching open disable ranges
      for (const o of open) {
        if (o.to !== Number.MAX_SAFE_INTEGER) continue;
        const same = !d.codes || !o.codes || d.codes.some((c) => o.codes?.includes(c));
        if (same) o.to = line;
      }
    }
  }
  return { ranges, findings };
}

/** Whether a finding of `rule` on absolute `line` is suppressed; marks the directives used. */
export function suppressed(ranges: DirectiveRange[], rule: Rule, line: number): boolean {
  if (rule.id === 'syntax') return false;
  let hit = false;
  for (const d of ranges) {
    if (line < d.from || line > d.to) continue;
    if (d.codes && !d.codes.some((c) => matchesCode(rule, c))) continue;
    d.used = true;
    hit = true;
  }
  return hit;
}

/** Findings about directives that suppressed nothing (a hint with a suggestion to remove them). */
export function unusedDirectiveFindings(ranges: DirectiveRange[]): PlacedFinding[] {
  const codes = knownCodes();
  const out: PlacedFinding[] = [];
  for (const d of ranges) {
    // a directive naming only unknown codes is reported as such, not also as unused
    if (d.used || (d.codes && d.codes.every((c) => !codes.includes(c)))) continue;
    const rl = d.line - d.block.startLine;
    out.push({
      block: d.block,
      finding: {
        rule: 'unterdrueckung',
        severity: 'hint',
        message: { key: 'unterdrueckung.unused', args: { kind: d.kind } },
        start: { line: rl, character: d.start },
        end: { line: rl, character: d.end },
        suggestions: [{ title: { key: 'unterdrueckung.remove' }, edits: [removeComment(d.block, rl, d.start, d.end)] }],
      },
    });
  }
  return out;
}

function removeComment(block: Block, line: number, start: number, end: number): { start: RelPos; end: RelPos; newText: string } {
  const text = block.lines[line];
  const whole = text.slice(0, start).trim() === '';
  if (whole) return { start: { line, character: 0 }, end: { line: line + 1, character: 0 }, newText: '' };
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  return { start: { line, character: s }, end: { line, character: end }, newText: '' };
}
