/**
 * Amending laws: the Änderungsbefehle of a draft checked against the law
 * they amend (when it is in the workspace) and the new version of that law.
 *
 * The analysis is cached per document model and workspace version: the
 * commands of an Artikel are read once per block (commands.ts), the target
 * law's tree once per target model (tree.ts), and applying copies only the
 * blocks the commands touch (apply.ts). Across edits, the apply state of each
 * amended law is kept per draft document: an edit re-applies only what
 * depends on the commands it changed ({@link applyIncremental}); an edit of
 * the amended law gives it a new tree, and everything is applied again.
 */
import type { DocumentModel } from '../model/document-model';
import type { RefContext } from '../refs';
import { standaloneContext } from '../refs';
import { draftLand, type KnownLaw } from '../refs/laws';
import { writeNorma, type NormaDoc } from '../import/writer';
import { applyIncremental, type ApplyResult, type ApplyState } from './apply';
import { amendingArtikel, AMENDS_RE, type AmendingArtikel, type Command } from './commands';
import { modelToDoc } from './tree';

export { parseCommand, amendGrammarSource } from './grammar';
export type { CommandAst } from './grammar';
export { applyChanges, applyIncremental, changeKey, localKey, spliceInsert, spliceReplace, sentenceSpans } from './apply';
export type { ApplyState, Change, Issue, IssueKind, Level } from './apply';
export { amendingArtikel, readArtikel } from './commands';
export type { AmendingArtikel, Command } from './commands';
export { modelToDoc, parseFragment } from './tree';

export interface ArtikelAnalysis extends AmendingArtikel {
  /** The amended law as Norma knows it (data file or workspace). */
  law: KnownLaw | undefined;
  /** The law named in the Eingangssatz, when it names one Norma knows. */
  eingangLaw: KnownLaw | undefined;
  /** The amended law's document, when it is in the workspace. */
  targetUri: string | undefined;
}

export interface LawAmendment {
  law: KnownLaw;
  uri: string;
  target: DocumentModel;
  /** The commands of every Artikel that amends this law, in order. */
  commands: Command[];
  result: ApplyResult<Command>;
  /** How the result was reached after the last edit, and how many commands were carried out for it (see applyIncremental). */
  apply: { mode: ApplyState['mode']; replayed: number };
}

export interface AmendAnalysis {
  artikel: ArtikelAnalysis[];
  /** Per amended law of the workspace: the commands applied. */
  laws: LawAmendment[];
}

const cache = new WeakMap<DocumentModel, { key: string; analysis: AmendAnalysis }>();
/** Per draft document (kept across its models) and amended law: the state of the last apply. */
const applyStates = new WeakMap<object, Map<string, ApplyState<Command>>>();

function lawIn(text: string, at: number, ctx: RefContext, land?: string): KnownLaw | undefined {
  return ctx.registry.matchAt(text, at, text.length, land)?.law;
}

/** The amending Artikel of a draft, their commands, and the commands applied to each amended law of the workspace. */
export function amendAnalysis(model: DocumentModel, ctx: RefContext = model.workspace ?? standaloneContext()): AmendAnalysis {
  // the workspace version changes with every edit of any document (the structure key would add nothing)
  const key = `${ctx.version}|${ctx.registry.version}`;
  const hit = cache.get(model);
  if (hit && hit.key === key) return hit.analysis;
  const artikel: ArtikelAnalysis[] = [];
  const byUri = new Map<string, { law: KnownLaw; commands: Command[] }>();
  const land = draftLand(model.context);
  for (const a of amendingArtikel(model)) {
    const title = a.artikel.title ?? '';
    const m = AMENDS_RE.exec(title);
    const law = m ? lawIn(title, m[0].length, ctx, land) : undefined;
    let eingangLaw: KnownLaw | undefined;
    if (a.eingangssatz) {
      const t = a.eingangssatz.text;
      const at = /^(?:Das|Die|Der)\s+/u.exec(t);
      if (at) eingangLaw = lawIn(t, at[0].length, ctx, land);
    }
    const target = law ?? eingangLaw;
    const targetUri = target?.uri && target.uri !== model.document.uri && ctx.modelOf(target.uri) ? target.uri : undefined;
    artikel.push({ ...a, law: target, eingangLaw, targetUri });
    if (targetUri && target) {
      let e = byUri.get(targetUri);
      if (!e) byUri.set(targetUri, (e = { law: target, commands: [] }));
      e.commands.push(...a.commands);
    }
  }
  const laws: LawAmendment[] = [];
  let states = applyStates.get(model.document);
  if (!states) applyStates.set(model.document, (states = new Map()));
  for (const [uri, e] of byUri) {
    const targetModel = ctx.modelOf(uri);
    if (!targetModel) continue;
    const state = applyIncremental(states.get(uri), modelToDoc(targetModel), e.commands);
    states.set(uri, state);
    const result = state.result;
    laws.push({ law: e.law, uri, target: targetModel, commands: e.commands, result, apply: { mode: state.mode, replayed: state.replayed } });
  }
  const analysis = { artikel, laws };
  cache.set(model, { key, analysis });
  return analysis;
}

export interface NewVersion {
  law: KnownLaw;
  /** The amended law's document. */
  uri: string;
  /** The new version as .norma text. */
  text: string;
  doc: NormaDoc;
  commands: number;
  applied: number;
  warnings: string[];
}

/** The new version of every amended law of the workspace, as .norma text. */
export function newVersions(model: DocumentModel, ctx?: RefContext): NewVersion[] {
  const out: NewVersion[] = [];
  const titel = model.context.titel;
  for (const l of amendAnalysis(model, ctx).laws) {
    const doc: NormaDoc = { ...l.result.doc, frontMatter: l.result.doc.frontMatter.filter((e) => e.key !== 'aenderungsstand') };
    if (titel) {
      // in the place of the old entry, else before the provenance
      const old = l.result.doc.frontMatter.findIndex((e) => e.key === 'aenderungsstand');
      const at = old >= 0 ? old : doc.frontMatter.findIndex((e) => e.key === 'ressort' || e.key === 'ebene' || e.key === 'land' || e.key === 'eli' || e.key === 'quelle');
      const entry = { key: 'aenderungsstand', value: `geändert durch ${titel}` };
      if (at < 0) doc.frontMatter.push(entry);
      else doc.frontMatter.splice(at, 0, entry);
    }
    const w = writeNorma(doc);
    out.push({ law: l.law, uri: l.uri, text: w.text, doc, commands: l.commands.length, applied: l.result.applied.length, warnings: w.warnings });
  }
  return out;
}
export { synopse, synopseHtml, synopseHtmlBody, synopseMarkdown, SYNOPSE_CSS, type Synopse, type SynopseRow } from './synopse';
