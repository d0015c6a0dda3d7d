/**
 * Text segments of a block that rules scan: the units' own text, headings
 * and table cells, one line at a time, never markers, comments, annotations
 * or the front matter.
 */
import type { Block } from '../parser/block';
import type { Unit } from '../model/types';

export interface Segment {
  line: number;
  start: number;
  end: number;
  unit: Unit;
  /** The segment continues a multi-line quoted structure (all of it is quoted text). */
  inQuote: boolean;
  kind: 'text' | 'title' | 'cell';
}

export function* segments(block: Block): Iterable<Segment> {
  const p = block.parse;
  for (const u of p.units) {
    if (u.title !== undefined && u.titleLine >= 0) {
      yield { line: u.titleLine, start: u.titleStart, end: u.titleEnd, unit: u, inQuote: false, kind: 'title' };
    }
    for (const part of u.parts) {
      if (part.type === 'text') {
        const t = part.text;
        if (t.line === t.endLine) {
          yield { line: t.line, start: t.start, end: t.end, unit: u, inQuote: false, kind: 'text' };
        } else {
          yield { line: t.line, start: t.start, end: block.tokens[t.line].end, unit: u, inQuote: false, kind: 'text' };
          for (let l = t.line + 1; l <= t.endLine; l++) {
            yield { line: l, start: block.tokens[l].indent, end: l === t.endLine ? t.end : block.tokens[l].end, unit: u, inQuote: true, kind: 'text' };
          }
        }
      } else if (part.type === 'table') {
        for (const row of part.table.rows) for (const c of row.cells) yield { line: row.line, start: c.start, end: c.end, unit: u, inQuote: false, kind: 'cell' };
      }
    }
  }
}

/**
 * Spans of „quoted text“ within [start, end) of a line. A quote that is not
 * closed on the line runs to its end.
 */
export function quotedSpans(line: string, start: number, end: number): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let open = -1;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x201e) {
      if (depth === 0) open = i;
      depth++;
    } else if (c === 0x201c && depth > 0) {
      depth--;
      if (depth === 0) spans.push([open, i + 1]);
    }
  }
  if (depth > 0) spans.push([open, end]);
  return spans;
}

export function inSpans(pos: number, spans: [number, number][]): boolean {
  for (const [s, e] of spans) if (pos >= s && pos < e) return true;
  return false;
}
