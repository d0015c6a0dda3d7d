/**
 * The rule registry and the runner that turns parse findings and rule
 * findings into diagnostics: configured severity, inline suppression,
 * absolute positions.
 */
import type { Rule, RuleFinding, Severity, SeverityOrOff } from './rule';
import * as structure from './structure-rules';
import * as text from './text-rules';
import type { Block } from '../parser/block';
import type { DocumentModel, DocumentContext } from '../model/document-model';
import type { Finding, RelPos } from '../model/types';
import type { ResolvedConfig } from '../config/config';
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
  unterdrueckung,
  config,
];

export const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Codes accepted in config and suppression comments: rule ids and HdR ids (H6 = every H6 rule). */
export function knownCodes(): string[] {
  const hdr = new Set<string>();
  for (const r of RULES) if (r.hdr) hdr.add(r.hdr);
  return [...RULES.map((r) => r.id), ...hdr];
}

function matchesCode(rule: Rule, code: string): boolean {
  return rule.id === code || rule.hdr === code;
}

function contextKey(c: DocumentContext): string {
  return `${c.typ}|${c.fassung}|${c.ebene}|${c.abkuerzung ?? ''}|${c.kurztitel ?? ''}`;
}

const BLOCK_RULES = RULES.filter((r) => r.checkBlock);
const DOC_RULES = RULES.filter((r) => r.checkDocument);

/** Block rule findings, cached on the block for the document context. */
export function blockFindings(block: Block, ctx: DocumentContext): RuleFinding[] {
  const key = contextKey(ctx);
  if (block.ruleCache && block.ruleCache.key === key) return block.ruleCache.findings;
  const findings: RuleFinding[] = [];
  for (const rule of BLOCK_RULES) {
    if (rule.appliesTo && !rule.appliesTo(ctx)) continue;
    rule.checkBlock?.({
      block,
      doc: ctx,
      report: (f) => findings.push({ rule: rule.id, ...f }),
    });
  }
  block.ruleCache = { key, findings };
  return findings;
}

export interface PlacedFinding {
  block: Block;
  finding: RuleFinding;
}

export function documentFindings(model: DocumentModel): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  for (const rule of DOC_RULES) {
    if (rule.appliesTo && !rule.appliesTo(model.context)) continue;
    rule.checkDocument?.({
      model,
      doc: model.context,
      report: (block, f) => out.push({ block, finding: { rule: rule.id, ...f } }),
    });
  }
  return out;
}

/** A finding in absolute positions with its effective severity. */
export interface AbsFinding {
  rule: Rule;
  severity: Severity;
  finding: Finding;
  block: Block;
}

function severityFor(rule: Rule, f: RuleFinding, cfg: ResolvedConfig): SeverityOrOff {
  const byId = cfg.rules.get(rule.id);
  if (byId) return byId;
  if (rule.hdr) {
    const byHdr = cfg.rules.get(rule.hdr);
    if (byHdr) return byHdr;
  }
  return f.severity ?? rule.defaultSeverity;
}

/** Every finding of a document, after configuration and suppression comments. */
export function collectFindings(model: DocumentModel, cfg: ResolvedConfig): AbsFinding[] {
  const ctx = model.context;
  const raw: { block: Block; finding: RuleFinding }[] = [];
  for (const block of model.document.blocks) {
    const p = block.parse;
    for (const f of p.syntax) raw.push({ block, finding: f });
    if (p.frontMatter) for (const f of p.frontMatter.findings) raw.push({ block, finding: f });
    for (const f of blockFindings(block, ctx)) raw.push({ block, finding: f });
  }
  for (const pf of documentFindings(model)) raw.push(pf);

  // --- suppression comments ---------------------------------------------------
  interface Dir {
    block: Block;
    kind: string;
    line: number;
    from: number;
    to: number;
    codes: string[] | undefined;
    used: boolean;
    start: number;
    end: number;
  }
  const dirs: Dir[] = [];
  const openRanges: Dir[] = [];
  const codes = knownCodes();
  const dirFindings: { block: Block; finding: RuleFinding }[] = [];
  for (const { block, directive: d } of model.directives()) {
    const line = block.startLine + d.line;
    for (const c of d.codes ?? []) {
      if (!codes.includes(c)) {
        const near = closest(c, codes);
        dirFindings.push({
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
    if (d.kind === 'disable-next-line') dirs.push({ ...base, from: line + 1, to: line + 1 });
    else if (d.kind === 'disable-line') dirs.push({ ...base, from: line, to: line });
    else if (d.kind === 'disable') {
      const dir = { ...base, from: line, to: Number.MAX_SAFE_INTEGER };
      dirs.push(dir);
      openRanges.push(dir);
    } else {
      // enable: closes the matching open disable ranges
      for (const o of openRanges) {
        if (o.to !== Number.MAX_SAFE_INTEGER) continue;
        const same = !d.codes || !o.codes || d.codes.some((c) => o.codes?.includes(c));
        if (same) o.to = line;
      }
    }
  }

  const out: AbsFinding[] = [];
  for (const { block, finding } of raw) {
    const rule = RULE_BY_ID.get(finding.rule);
    if (!rule) continue;
    if (rule.appliesTo && !rule.appliesTo(ctx) && rule.id !== 'syntax' && rule.id !== 'frontmatter') continue;
    const sev = severityFor(rule, finding, cfg);
    if (sev === 'off') continue;
    const line = block.startLine + finding.start.line;
    let suppressed = false;
    if (rule.id !== 'syntax') {
      for (const d of dirs) {
        if (line < d.from || line > d.to) continue;
        if (d.codes && !d.codes.some((c) => matchesCode(rule, c))) continue;
        d.used = true;
        suppressed = true;
      }
    }
    if (suppressed) continue;
    out.push({ rule, severity: sev, finding, block });
  }
  const unt = RULE_BY_ID.get('unterdrueckung') as Rule;
  const untSev = severityFor(unt, { rule: 'unterdrueckung', message: { key: '' }, start: zero, end: zero }, cfg);
  if (untSev !== 'off') {
    for (const { block, finding } of dirFindings) out.push({ rule: unt, severity: untSev, finding, block });
    for (const d of dirs) {
      if (d.used) continue;
      out.push({
        rule: unt,
        severity: 'hint',
        block: d.block,
        finding: {
          rule: 'unterdrueckung',
          message: { key: 'unterdrueckung.unused', args: { kind: d.kind } },
          start: { line: d.line - d.block.startLine, character: d.start },
          end: { line: d.line - d.block.startLine, character: d.end },
          suggestions: [
            {
              title: { key: 'unterdrueckung.remove' },
              edits: [removeComment(d.block, d.line - d.block.startLine, d.start, d.end)],
            },
          ],
        },
      });
    }
  }
  out.sort((a, b) => {
    const la = a.block.startLine + a.finding.start.line;
    const lb = b.block.startLine + b.finding.start.line;
    return la - lb || a.finding.start.character - b.finding.start.character;
  });
  return out;
}

const zero: RelPos = { line: 0, character: 0 };

function removeComment(block: Block, line: number, start: number, end: number): { start: RelPos; end: RelPos; newText: string } {
  const text = block.lines[line];
  const whole = text.slice(0, start).trim() === '';
  if (whole) return { start: { line, character: 0 }, end: { line: line + 1, character: 0 }, newText: '' };
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  return { start: { line, character: s }, end: { line, character: end }, newText: '' };
}
