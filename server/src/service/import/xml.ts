/**
 * XML reading for the importers: fast-xml-parser with `preserveOrder`
 * (law text is mixed content: text, inline elements, line breaks and lists
 * in document order), turned into a small, easy-to-walk element tree.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XText {
  type: 'text';
  text: string;
}

export interface XElement {
  type: 'element';
  /** Qualified name as written (`akn:article`, `P`). */
  name: string;
  /** Name without namespace prefix (`article`). */
  local: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export type XNode = XText | XElement;

type Raw = Record<string, unknown>;

function localName(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

function convert(raw: Raw[]): XNode[] {
  const out: XNode[] = [];
  for (const r of raw) {
    for (const key of Object.keys(r)) {
      if (key === ':@') continue;
      const v = r[key];
      if (key === '#text') {
        out.push({ type: 'text', text: String(v) });
        continue;
      }
      const attrs: Record<string, string> = {};
      const a = r[':@'] as Record<string, unknown> | undefined;
      if (a) for (const [k, val] of Object.entries(a)) attrs[k] = String(val);
      out.push({ type: 'element', name: key, local: localName(key), attrs, children: Array.isArray(v) ? convert(v as Raw[]) : [] });
    }
  }
  return out;
}

/**
 * Parse XML into element trees (the document's top-level nodes).
 * Throws an Error with a German message when the text is not well-formed XML.
 */
export function parseXml(xml: string): XElement[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const e = valid.err;
    throw new Error(`Kein wohlgeformtes XML in Zeile ${e.line}, Spalte ${e.col} (Meldung des XML-Parsers: ${e.msg})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // numeric character references (&#x201E;) and the XML entities; generous limits for whole codes
    htmlEntities: true,
    processEntities: { enabled: true, maxTotalExpansions: 1e9, maxExpandedLength: 1e12, maxEntityCount: 1e6 },
    maxNestedTags: 1000,
  });
  const raw = parser.parse(xml) as Raw[];
  return convert(raw).filter((n): n is XElement => n.type === 'element');
}

// --- tree helpers ---------------------------------------------------------------------

export function elements(n: XElement, local?: string): XElement[] {
  const out: XElement[] = [];
  for (const c of n.children) if (c.type === 'element' && (local === undefined || c.local === local)) out.push(c);
  return out;
}

export function child(n: XElement, local: string): XElement | undefined {
  for (const c of n.children) if (c.type === 'element' && c.local === local) return c;
  return undefined;
}

/** First descendant (depth-first, document order) with the local name. */
export function find(n: XElement, local: string): XElement | undefined {
  for (const c of n.children) {
    if (c.type !== 'element') continue;
    if (c.local === local) return c;
    const d = find(c, local);
    if (d) return d;
  }
  return undefined;
}

/** All descendants with the local name (not descending into matches). */
export function findAll(n: XElement, local: string, out: XElement[] = []): XElement[] {
  for (const c of n.children) {
    if (c.type !== 'element') continue;
    if (c.local === local) out.push(c);
    else findAll(c, local, out);
  }
  return out;
}

/** All text below a node, concatenated without any separator. */
export function rawText(n: XNode): string {
  if (n.type === 'text') return n.text;
  let s = '';
  for (const c of n.children) s += rawText(c);
  return s;
}

/** Collapse whitespace runs to one blank and trim. */
export function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
