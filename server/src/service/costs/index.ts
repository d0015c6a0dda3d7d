/**
 * Compliance cost (Erfüllungsaufwand): the Standardkostenmodell on @aufwand
 * annotations, the cost report and its editor features.
 */
export * from './data';
export { parseAufwand, AUFWAND_KEYS, type AufwandSpec, type ParsedAufwand, type ZeitTeil } from './aufwand';
export { computeErgebnis, blockAufwand, documentCosts, totals, costStats, type Posten, type PostenErgebnis, type DocumentCosts, type Summen, type Totals } from './engine';
export { buildCostReport, costReportJson, costReportCsv, costReportMarkdown, costSummaryText, CSV_COLUMNS, type CostReport, type CostJson } from './report';
export { inlayHints, codeLenses, costHover, annotationCompletions, postenHover, summenText, COST_REPORT_COMMAND, type Cancellation } from './features';
export { parseGermanNumber, formatInteger, formatDecimal, formatRund } from './numbers';
export { costReportHtml, costReportHtmlBody, costCharts } from './report-html';
