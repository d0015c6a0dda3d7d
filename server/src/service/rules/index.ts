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
import type { RelPos } from '../model/types';
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
  for (const rule of BLOCK_RULES) {
    if (!runs(rule, ctx) || isOff(rule, cfg)) continue;
    current = rule.id;
    rule.checkBlock?.(check);
  }
  block.ruleCache = { key, findings };
  return findings;
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
