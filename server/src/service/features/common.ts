/**
 * Small helpers shared by the structural language features: the
 * cancellation token every entry point takes, and position and range
 * arithmetic on LSP coordinates (0-based lines, UTF-16 characters).
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { NormaDocument } from '../parser/document';
import type { Unit } from '../model/types';

/**
 * The part of a cancellation token the features read (structurally the same
 * as vscode-jsonrpc's `CancellationToken`, so the server passes its own).
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

export function cancelled(token: CancellationToken | undefined): boolean {
  return token !== undefined && token.isCancellationRequested;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** Negative when `a` is before `b`. */
export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPos(r: Range, p: Position): boolean {
  return comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return comparePos(outer.start, inner.start) <= 0 && comparePos(inner.end, outer.end) <= 0;
}

export function sameRange(a: Range, b: Range): boolean {
  return comparePos(a.start, b.start) === 0 && comparePos(a.end, b.end) === 0;
}

/** The range of the whole document, from its start to the end of its last line. */
export function documentRange(doc: NormaDocument): Range {
  const last = doc.lineCount - 1;
  return range(0, 0, last, doc.lineAt(last).length);
}

/** Whether a character code is a blank in the sense of the language (space, tab, no-break space, BOM). */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff;
}

/** The first words of a text, at most `max` characters, with „…“ when shortened (blanks collapsed). */
export function firstWords(text: string, max = 48): string {
  // collapse blanks while copying, and stop one character past the limit
  let out = '';
  let blank = false;
  for (let i = 0; i < text.length && out.length <= max; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      blank = out.length > 0;
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += text[i];
  }
  if (out.length <= max) return out;
  let cut = out.lastIndexOf(' ', max);
  if (cut < max / 2) cut = max;
  return `${out.slice(0, cut).replace(/[,;:]$/, '')} …`;
}

/** The first words of a unit's own text before its list (reads no more of the text than it needs). */
export function leadOf(u: Unit, max = 48): string | undefined {
  let text = '';
  for (const p of u.parts) {
    // the text before the unit's list (a list item's lead-in, not the text after its sub-items)
    if (p.type === 'unit') break;
    if (p.type !== 'text') continue;
    const t = p.text;
    const line = u.block.lines[t.line];
    const end = t.line === t.endLine ? t.end : u.block.tokens[t.line].end;
    text += (text ? ' ' : '') + line.slice(t.start, Math.min(end, t.start + max * 2));
    if (text.length > max) break;
  }
  return text ? firstWords(text, max) : undefined;
}
