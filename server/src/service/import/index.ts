/**
 * `norma import`: real federal law as .norma text.
 *
 * Two sources: gesetze-im-internet XML (gii-norm, consolidated text) and
 * LegalDocML.de 1.8.2 (Verkündungsfassungen). A pure library: XML text in,
 * .norma text and warnings out.
 */
import { parseXml, type XElement } from './xml';
import { importGii, kennzahlParents, type GliederungSource } from './gii';
import { DocumentModel } from '../model/document-model';
import type { NormaDocument } from '../parser/document';
import { importLegalDocML, LDML_NAMESPACE_RE } from './legaldocml';
import { writeNorma } from './writer';

export type ImportFormat = 'gii' | 'legaldocml';

export interface ImportOptions {
  /** Footnotes and documentary notes: dropped (default) or kept as `// ` comments. */
  footnotes?: 'drop' | 'comments';
  /**
   * LegalDocML.de: reads a document the Regelungstext references by `href`
   * (its Anlagen, documents of their own), or undefined when it cannot.
   */
  resolve?: (href: string) => string | undefined;
}

export interface ImportResult {
  text: string;
  format: ImportFormat;
  warnings: string[];
}

/** Which importer a parsed document needs (or undefined). */
export function detectFormat(roots: XElement[]): ImportFormat | undefined {
  const root = roots[0];
  if (!root) return undefined;
  if (root.local === 'dokumente' || root.local === 'norm') return 'gii';
  if (root.local === 'akomaNtoso') {
    const ns = Object.entries(root.attrs).filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:')).map(([, v]) => v);
    if (ns.some((v) => LDML_NAMESPACE_RE.test(v))) return 'legaldocml';
  }
  return undefined;
}

export function importXml(xml: string, options: ImportOptions = {}): ImportResult {
  const roots = parseXml(xml);
  const format = detectFormat(roots);
  const root = roots[0];
  if (!format || !root) {
    const what = root ? `<${root.name}>` : 'kein Wurzelelement';
    throw new Error(
      `Nicht unterstütztes XML (${what}). Unterstützt sind gesetze-im-internet-XML (gii-norm, Wurzel <dokumente>) und LegalDocML.de (Wurzel <akn:akomaNtoso> im Namensraum http://Inhaltsdaten.LegalDocML.de/1.8.2/).`,
    );
  }
  const wrapped = root.local === 'norm' ? { ...root, local: 'dokumente', name: 'dokumente', attrs: {}, children: [root] } : root;
  if (format === 'gii') {
    const { doc, warnings, gliederung } = importGii(wrapped as XElement, options);
    const written = writeNorma(doc);
    if (written.document) warnings.push(...nestingWarnings(written.document, gliederung));
    return { text: written.text, format, warnings: [...warnings, ...written.warnings] };
  }
  const { doc, warnings } = importLegalDocML(root, options);
  const written = writeNorma(doc);
  return { text: written.text, format, warnings: [...warnings, ...written.warnings] };
}

/**
 * Compare the nesting of the Gliederung in the source (gliederungskennzahl)
 * with the nesting the document model derives from the written headings.
 */
function nestingWarnings(document: NormaDocument, source: GliederungSource[]): string[] {
  const model = new DocumentModel(document);
  const units = model.gliederung;
  if (units.length !== source.length) {
    return [`Gliederung: ${source.length} Überschriften in der Quelle, ${units.length} im Ergebnis; Verschachtelung nicht geprüft`];
  }
  const index = new Map(units.map((u, i) => [u, i]));
  const parents = kennzahlParents(source);
  const bad: string[] = [];
  units.forEach((u, i) => {
    const mp = u.parent && index.has(u.parent) ? (index.get(u.parent) as number) : -1;
    if (mp !== parents[i]) {
      const where = (p: number): string => (p >= 0 ? `„${source[p].label}“` : 'oberster Ebene');
      bad.push(`„${source[i].label}“ (Quelle: unter ${where(parents[i])}; Norma: unter ${where(mp)})`);
    }
  });
  if (!bad.length) return [];
  return [`Gliederung: ${bad.length} Überschrift(en) verschachtelt Norma anders als die gliederungskennzahl der Quelle, z. B. ${bad.slice(0, 3).join('; ')}`];
}

export { parseXml } from './xml';
export type { NormaDoc, Node, Heading, DocBlock } from './writer';
export { writeNorma } from './writer';
