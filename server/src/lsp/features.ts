/**
 * The language-service features the server routes to, as optional methods.
 *
 * The feature methods (see the feature API) land in the language service one
 * by one. The server looks each one up on the service instance at start-up:
 * a method that exists is advertised as a capability and its requests are
 * routed to it; a method that does not exist yet is not advertised, so a
 * client never offers a command that does nothing.
 */
import type {
  CancellationToken,
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
  SemanticTokensLegend,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver';

/** What the service's methods accept as a token. */
export type Token = Pick<CancellationToken, 'isCancellationRequested'>;

export interface FeatureMethods {
  getDocumentSymbols(uri: string, token?: Token): DocumentSymbol[] | undefined;
  getWorkspaceSymbols(query: string, token?: Token): (SymbolInformation | WorkspaceSymbol)[] | undefined;
  getFoldingRanges(uri: string, token?: Token): FoldingRange[] | undefined;
  getSelectionRanges(uri: string, positions: Position[], token?: Token): SelectionRange[] | undefined;
  getDefinition(uri: string, position: Position, token?: Token): Location | Location[] | LocationLink[] | undefined;
  getReferences(uri: string, position: Position, includeDeclaration: boolean, token?: Token): Location[] | undefined;
  getHover(uri: string, position: Position, token?: Token): Hover | undefined;
  getDocumentLinks(uri: string, token?: Token): DocumentLink[] | undefined;
  getCompletions(uri: string, position: Position, token?: Token): CompletionList | CompletionItem[] | undefined;
  prepareRename(uri: string, position: Position, token?: Token): Range | { range: Range; placeholder: string } | undefined;
  rename(uri: string, position: Position, newName: string, token?: Token, options?: { annotate?: boolean }): WorkspaceEdit | undefined;
  getCodeActions(uri: string, range: Range, diagnostics: Diagnostic[], token?: Token): CodeAction[] | undefined;
  renumber(uri: string, options?: unknown, token?: Token): WorkspaceEdit | undefined;
  getSemanticTokens(uri: string, token?: Token): SemanticTokens | undefined;
  format(uri: string, options: FormattingOptions, token?: Token): TextEdit[] | undefined;
  getInlayHints(uri: string, range: Range, token?: Token): InlayHint[] | undefined;
  getCodeLenses(uri: string, token?: Token): CodeLens[] | undefined;
}

export type FeatureName = keyof FeatureMethods;

export const FEATURE_NAMES: readonly FeatureName[] = [
  'getDocumentSymbols',
  'getWorkspaceSymbols',
  'getFoldingRanges',
  'getSelectionRanges',
  'getDefinition',
  'getReferences',
  'getHover',
  'getDocumentLinks',
  'getCompletions',
  'prepareRename',
  'rename',
  'getCodeActions',
  'renumber',
  'getSemanticTokens',
  'format',
  'getInlayHints',
  'getCodeLenses',
];

/** The feature methods a service instance has, bound to it. */
export function availableFeatures(service: object): Partial<FeatureMethods> {
  const out: Record<string, unknown> = {};
  const s = service as Record<string, unknown>;
  for (const name of FEATURE_NAMES) {
    const f = s[name];
    if (typeof f === 'function') out[name] = (f as (...a: unknown[]) => unknown).bind(service);
  }
  return out as Partial<FeatureMethods>;
}

/** The semantic-token legend the service module exports, if it does. */
export function semanticTokensLegend(serviceModule: object): SemanticTokensLegend | undefined {
  const l = (serviceModule as { SEMANTIC_TOKENS_LEGEND?: unknown }).SEMANTIC_TOKENS_LEGEND;
  if (l && typeof l === 'object' && Array.isArray((l as SemanticTokensLegend).tokenTypes)) return l as SemanticTokensLegend;
  return undefined;
}
