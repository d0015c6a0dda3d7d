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

/**
 * The segments of a block. Computed on demand for one pass of the block
 * rules (which share them through their context) and not kept: after the
 * pass the rules' findings are cached instead.
 */
export function segments(block: Block): Segment[] {
  const p = block.parse;
  const list: Segment[] = [];
  for (const u of p.units) {
    if (u.title !== undefined && u.titleLine >= 0) {
      list.push({ line: u.titleLine, start: u.titleStart, end: u.titleEnd, unit: u, inQuote: false, kind: 'title' });
    }
    for (const part of u.parts) {
      if (part.type === 'text') {
        const t = part.text;
        if (t.line === t.endLine) {
          list.push({ line: t.line, start: t.start, end: t.end, unit: u, inQuote: false, kind: 'text' });
        } else {
          list.push({ line: t.line, start: t.start, end: block.tokens[t.line].end, unit: u, inQuote: false, kind: 'text' });
          for (let l = t.line + 1; l <= t.endLine; l++) {
            list.push({ line: l, start: block.tokens[l].indent, end: l === t.endLine ? t.end : block.tokens[l].end, unit: u, inQuote: true, kind: 'text' });
          }
        }
      } else if (part.type === 'table') {
        for (const row of part.table.rows) for (const c of row.cells) list.push({ line: row.line, start: c.start, end: c.end, unit: u, inQuote: false, kind: 'cell' });
      }
    }
  }
  return list;
}

/**
 * The string to search for a segment: the line itself when the segment is
 * most of it, else a copy of just the segment, so that a search never runs
 * far past the segment's end (a table row of 100,000 cells would otherwise
 * make every per-cell search quadratic). Returns the string and the offset
 * of its index 0 in the line.
 */
export function haystack(line: string, start: number, end: number): [string, number] {
  return line.length > 2 * (end - start) + 64 ? [line.slice(start, end), start] : [line, 0];
}

/** First index (in line coordinates) of a match of `re` (a global regex) in [start, end), or -1. */
export function findIn(line: string, re: RegExp, start: number, end: number): number {
  const [hay, off] = haystack(line, start, end);
  re.lastIndex = start - off;
  const m = re.exec(hay);
  return m && m.index + off < end ? m.index + off : -1;
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
