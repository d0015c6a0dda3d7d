/**
 * The rule framework. A rule has a stable code, the drafting rule it
 * enforces (HdR id and source), a default severity and whether it has safe
 * fixes; it checks one block at a time (cached with the block) and/or the
 * whole document (cheap checks across blocks).
 */
import type { Block } from '../parser/block';
import type { DocumentModel, DocumentContext } from '../model/document-model';
import type { Finding, Message, RelEdit, RelPos, Suggestion } from '../model/types';
import type { Segment } from './segments';
import type { ResolvedConfig } from '../config/config';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface RuleMeta {
  /** Stable code, used in output, config and suppression comments. */
  id: string;
  /** Id of the drafting rule in ../shared/docs/domain-rules.md (H2 … H17), if any. */
  hdr?: string;
  /** Where the rule comes from (Handbuch der Rechtsförmlichkeit, …). */
  source: string;
  /** Short description (German, English). */
  description: { de: string; en: string };
  defaultSeverity: Severity;
  /** Whether findings carry a safe fix (applied by --fix). */
  fixable: boolean;
  /** Whether the rule applies to a document (drafts only, federal only, …). Default: always. */
  appliesTo?: (ctx: DocumentContext) => boolean;
  /**
   * How the rule applies to a Land law (`ebene: land`), see land-rules.ts:
   * `alle` (default; HdR practice, which the Länder follow), `landesform`
   * (checked in the Land's form), `entsprechend` (a federal procedure applied
   * as practice; messages say so), `bund` (federal law only; not run).
   */
  geltung?: Geltung;
  /** Why a rule's `geltung` is not `alle` (German, English). */
  geltungGrund?: { de: string; en: string };
}

export type Geltung = 'alle' | 'landesform' | 'entsprechend' | 'bund';

export interface BlockCheckContext {
  block: Block;
  doc: DocumentContext;
  /** The block's text segments (computed once per pass, shared by the rules). */
  readonly segments: readonly Segment[];
  report(f: ReportInput): void;
  /** The configuration in effect (vague terms, cost tables); part of the block cache's key. */
  config?: ResolvedConfig;
}

export interface DocumentCheckContext {
  model: DocumentModel;
  doc: DocumentContext;
  report(block: Block, f: ReportInput): void;
}

export interface ReportInput {
  message: Message;
  start: RelPos;
  end: RelPos;
  fix?: RelEdit[];
  suggestions?: Suggestion[];
  /** Severity for this finding when the user has not configured the rule. */
  severity?: Severity;
}

export interface Rule extends RuleMeta {
  checkBlock?(ctx: BlockCheckContext): void;
  /**
   * The rule's block check goes segment by segment, and what it reports for
   * a segment lies on the segment's line and follows from that line's text,
   * the segment's range and kind, and (for the Sätze) its unit's own text,
   * besides the document context and configuration: for a unit whose text
   * is one line (a numbered Änderungsbefehl), its findings can be kept
   * across edits of other lines of the block (see blockFindings).
   */
  lineLocal?: boolean;
  checkDocument?(ctx: DocumentCheckContext): void;
}

export interface RuleFinding extends Finding {
  severity?: Severity;
}

export const isDraft = (c: DocumentContext): boolean => c.fassung === 'entwurf';
