/**
 * The exports of a draft: LegalDocML.de 1.8.2 (Regelungstext,
 * Entwurfsfassung) and HTML (a standalone page, or the body fragment the
 * live preview shows). Pure: models in, text out.
 */
export { exportLegalDocML, ldmlEId, LDML_NS, type LegalDocMLDocument, type LegalDocMLExport, type LegalDocMLExportOptions } from './legaldocml';
export { renderHtmlBody, renderHtmlDocument, htmlCsp, NORMA_HTML_CSS, type HtmlOptions } from './html';
