/**
 * The structural language features: what the document model alone can
 * answer (no citations, no defined terms). One file per feature; the
 * LanguageService exposes each as a method.
 */
export { NEVER_CANCELLED, type CancellationToken } from './common';
export { getDocumentSymbols, headingName, selectionRangeOf, symbolKindOf } from './document-symbols';
export {
  WorkspaceSymbols,
  structuralSymbols,
  type WorkspaceSymbolEntry,
  type WorkspaceSymbolSource,
  type WorkspaceSymbolOptions,
  type SymbolWorkspace,
} from './workspace-symbols';
export { getFoldingRanges } from './folding';
export { getSelectionRanges, wordRangeAt } from './selection-ranges';
export {
  getSemanticTokens,
  decodeSemanticTokens,
  SEMANTIC_TOKENS_LEGEND,
  NORMA_TOKEN_TYPES,
  type RawSemanticToken,
  type SemanticTokenSource,
} from './semantic-tokens';
export { formatDocument, LIST_INDENT, type NormaFormattingOptions } from './formatting';
export {
  getCompletions,
  nextDesignation,
  BUILTIN_ANNOTATION_SCHEMAS,
  type AnnotationSchema,
  type CompletionContext,
  type CompletionSource,
} from './completions';
