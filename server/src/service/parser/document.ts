/**
 * A draft held as a list of blocks, updated incrementally.
 *
 * `update()` takes LSP-style content changes. Only the blocks that an edit
 * touches (plus the block before, whose extent can change when a heading
 * disappears) are lexed again; blocks whose text is unchanged keep their
 * object and with it their parse and cached analyses.
 */
import { lexLine, initialState, normalState, startsBlock, Tok, type LexState, type LineToken } from './lexer';
import { Block } from './block';
import type { Position, Range } from 'vscode-languageserver-types';

export interface ContentChange {
  range?: Range;
  text: string;
}

interface Scan {
  blocks: Block[];
  /** Lexer state after the last line. */
  endState: LexState;
}

/**
 * Split `text` into blocks. `state` is the lexer state at the start of the text.
 * When `text` does not end with a line break, its last line is still a line.
 */
export function scanBlocks(text: string, state: LexState): Scan {
  const blocks: Block[] = [];
  let blockStart = 0;
  let lines: string[] = [];
  let tokens: LineToken[] = [];
  let pos = 0;
  const len = text.length;
  let forceBreak = false;
  const flush = (end: number): void => {
    if (lines.length === 0) return;
    blocks.push(new Block(text.slice(blockStart, end), lines, tokens));
    lines = [];
    tokens = [];
    blockStart = end;
  };
  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let line = text.slice(pos, nl);
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    const tok = lexLine(line, state);
    if ((startsBlock(tok) || forceBreak) && lines.length > 0) flush(pos);
    forceBreak = false;
    lines.push(line);
    tokens.push(tok);
    // the line after the closing front-matter delimiter starts the next block
    if (tok.kind === Tok.FrontMatterDelimiter && lines.length > 1) forceBreak = true;
    pos = nl + 1;
  }
  // a quoted structure still open at the end of the text: reported at the last line
  if (state.mode === 'quote' && tokens.length) {
    const last = tokens[tokens.length - 1];
    if (!last.error) last.error = { kind: 'quote-unclosed-eof', start: last.indent, end: last.end };
  }
  flush(len);
  return { blocks, endState: state };
}

export class NormaDocument {
  readonly uri: string;
  version: number;
  blocks: Block[] = [];
  private _lineCount = 0;
  /** Incremented on every change; lets derived data check freshness. */
  generation = 0;
  /**
   * Incremented when a change alters the document's structure as citations see it: which units exist,
   * their numbers, whether they are repealed, how many Sätze they have. Typing inside a sentence does
   * not change it, so resolved citations can be kept (see refs/index.ts).
   */
  get structureVersion(): number {
    // compared lazily: an edit must not parse blocks before anyone asks for them
    if (this.pendingStructure.length) {
      for (const { old, fresh } of this.pendingStructure) {
        if (fresh.length !== old.length || fresh.some((b, i) => b !== old[i] && b.structureSignature() !== old[i].structureSignature())) {
          this._structureVersion++;
          break;
        }
      }
      this.pendingStructure = [];
    }
    return this._structureVersion;
  }
  private _structureVersion = 0;
  private pendingStructure: { old: Block[]; fresh: Block[] }[] = [];

  constructor(uri: string, text: string, version = 0) {
    this.uri = uri;
    this.version = version;
    this.setText(text);
  }

  get lineCount(): number {
    return this._lineCount;
  }

  getText(range?: Range): string {
    const all = this.blocks.map((b) => b.text).join('');
    if (!range) return all;
    return all.slice(this.offsetAt(range.start, all), this.offsetAt(range.end, all));
  }

  /** The text of one line (without its line break). */
  lineAt(line: number): string {
    const b = this.blockAtLine(line);
    if (!b) return '';
    return b.lines[line - b.startLine] ?? '';
  }

  private offsetAt(p: Position, all: string): number {
    let off = 0;
    for (let l = 0; l < p.line; l++) {
      const nl = all.indexOf('\n', off);
      if (nl < 0) return all.length;
      off = nl + 1;
    }
    let lineEnd = all.indexOf('\n', off);
    if (lineEnd < 0) lineEnd = all.length;
    return Math.min(off + p.character, lineEnd);
  }

  setText(text: string): void {
    const old = this.blocks;
    const scan = scanBlocks(text, initialState());
    this.blocks = reuse(scan.blocks, old);
    detachReplaced(old, this.blocks);
    this.renumber(0);
    this.generation++;
    this._structureVersion++;
    this.pendingStructure = [];
  }

  /** Index of the block containing `line` (binary search). */
  blockIndexAtLine(line: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid].startLine <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  blockAtLine(line: number): Block | undefined {
    if (this.blocks.length === 0) return undefined;
    return this.blocks[this.blockIndexAtLine(line)];
  }

  update(changes: readonly ContentChange[], version?: number): void {
    for (const c of changes) {
      if (!c.range) this.setText(c.text);
      else this.applyRangeChange(c.range, c.text);
    }
    if (version !== undefined) this.version = version;
  }

  private applyRangeChange(range: Range, text: string): void {
    if (this.blocks.length === 0) {
      this.setText(text);
      return;
    }
    const lastLine = this._lineCount - 1;
    const start = clampPos(range.start, lastLine);
    let end = clampPos(range.end, lastLine);
    // a reversed range (invalid in LSP) is read as an insertion at its start, as applyEdits() does
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
    let bs = this.blockIndexAtLine(start.line);
    let be = this.blockIndexAtLine(end.line);
    // the block before can grow when the first line of `bs` stops being a heading
    if (bs > 0) bs--;
    // the block after may begin inside the replaced text (handled by re-scanning through `be`)
    for (;;) {
      const region = this.blocks.slice(bs, be + 1);
      const regionText = region.map((b) => b.text).join('');
      const regionStartLine = this.blocks[bs].startLine;
      const s = offsetInRegion(region, start.line - regionStartLine, start.character);
      const e = offsetInRegion(region, end.line - regionStartLine, end.character);
      const newText = regionText.slice(0, s) + text + regionText.slice(e);
      const state = bs === 0 ? initialState() : normalState();
      const scan = scanBlocks(newText, state);
      const next = this.blocks[be + 1];
      const needsMore =
        next !== undefined &&
        (scan.endState.mode === 'quote' ||
          (bs === 0 && scan.endState.mode === 'frontmatter') ||
          // the next block does not begin with a heading: it was split off after the closing front-matter
          // delimiter, and that split may be gone (e.g. the front matter stopped being one)
          !startsBlock(next.tokens[0]));
      // A region ending inside a quoted structure or front matter changes how the next block lexes.
      if (needsMore) {
        be++;
        continue;
      }
      // When the old region's last block did not end with a line break (document end) keep as is.
      const fresh = reuse(scan.blocks, region);
      if (fresh.length !== region.length) {
        this._structureVersion++;
        this.pendingStructure = [];
      } else if (fresh.some((b, i) => b !== region[i])) this.pendingStructure.push({ old: region, fresh });
      this.blocks.splice(bs, be - bs + 1, ...fresh);
      detachReplaced(region, fresh);
      inheritMemos(region, fresh);
      this.renumber(bs);
      this.generation++;
      return;
    }
  }

  /** Recompute start lines from block `from` on. */
  private renumber(from: number): void {
    let line = from > 0 ? this.blocks[from - 1].startLine + this.blocks[from - 1].lineCount : 0;
    for (let i = from; i < this.blocks.length; i++) {
      this.blocks[i].startLine = line;
      line += this.blocks[i].lineCount;
    }
    const last = this.blocks[this.blocks.length - 1];
    // a document ending with a line break has one more (empty) line
    this._lineCount = last ? line + (last.text.endsWith('\n') ? 1 : 0) : 1;
    if (this.blocks.length === 0) this._lineCount = 1;
  }
}

function clampPos(p: Position, lastLine: number): Position {
  if (p.line < 0) return { line: 0, character: 0 };
  if (p.line > lastLine) return { line: lastLine, character: Number.MAX_SAFE_INTEGER };
  return { line: p.line, character: Math.max(0, p.character) };
}

/** Offset of (line, character) inside the concatenated text of `region`. */
function offsetInRegion(region: Block[], line: number, character: number): number {
  let off = 0;
  let l = line;
  for (const b of region) {
    if (l < b.lineCount) {
      const t = b.text;
      let lo = 0;
      for (let k = 0; k < l; k++) lo = t.indexOf('\n', lo) + 1;
      let le = t.indexOf('\n', lo);
      if (le < 0) le = t.length;
      // keep a CR of a CRLF line ending out of the addressable line
      if (le > lo && t.charCodeAt(le - 1) === 13) le--;
      return off + Math.min(lo + character, le);
    }
    l -= b.lineCount;
    off += b.text.length;
  }
  // past the last line of the region: its end
  return off;
}

/**
 * The new blocks of an edit take over the line memos of the blocks it
 * replaced (see Block.memoActive): the one in the same place when as many
 * blocks came as went, else the one that began with the same line.
 */
function inheritMemos(old: Block[], fresh: Block[]): void {
  const reused = new Set(old);
  const kept = new Set(fresh);
  for (let i = 0; i < fresh.length; i++) {
    const b = fresh[i];
    if (reused.has(b)) continue;
    let pred = fresh.length === old.length && !kept.has(old[i]) ? old[i] : undefined;
    pred ??= old.find((o) => !kept.has(o) && o.lines[0] === b.lines[0]);
    b.inheritMemos(pred);
  }
}

/** Mark the old blocks that the new list does not reuse. */
function detachReplaced(old: Block[], fresh: Block[]): void {
  if (!old.length) return;
  const kept = new Set(fresh);
  for (const b of old) if (!kept.has(b)) b.detached = true;
}

/** Keep old block objects (with their parses) for blocks whose text did not change. */
function reuse(fresh: Block[], old: Block[]): Block[] {
  if (old.length === 0) return fresh;
  const byText = new Map<string, Block[]>();
  for (const b of old) {
    const list = byText.get(b.text);
    if (list) list.push(b);
    else byText.set(b.text, [b]);
  }
  return fresh.map((b) => {
    const list = byText.get(b.text);
    if (list && list.length) {
      const o = list.shift() as Block;
      // the lexer state at the block start is always "normal" except for block 0, which is re-scanned
      if (sameTokens(o, b)) return o;
    }
    return b;
  });
}

function sameTokens(a: Block, b: Block): boolean {
  if (a.tokens.length !== b.tokens.length) return false;
  for (let i = 0; i < a.tokens.length; i++) if (a.tokens[i].kind !== b.tokens[i].kind || a.tokens[i].error?.kind !== b.tokens[i].error?.kind) return false;
  return true;
}
