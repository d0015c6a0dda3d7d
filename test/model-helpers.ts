/**
 * Helpers for the parser, incremental and robustness tests: open a draft in
 * a fresh language service, take a comparable snapshot of what a user sees
 * (units with ranges, Sätze, annotations, diagnostics), and apply LSP range
 * edits to a plain string as the reference for `update()`.
 */
import * as assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../server/src/service/index';
import type { DocumentModel } from '../server/src/service/model/document-model';
import type { Unit } from '../server/src/service/model/types';

export const URI = 'file:///t.norma';

export interface Opened {
  ls: LanguageService;
  model: DocumentModel;
}

/** Open `text` as `file:///t.norma` in a new language service. */
export function openDraft(text: string): Opened {
  const ls = createLanguageService();
  ls.open(URI, text);
  return { ls, model: ls.getModel(URI) };
}

export function r(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** The unit with this eId; fails the test when there is none. */
export function byEId(model: DocumentModel, eId: string): Unit {
  const u = model.byEId(eId);
  assert.ok(u, `no unit with eId ${eId}; eIds: ${[...model.units()].map((x) => x.eId).join(', ')}`);
  return u;
}

/** Text of a range in the document (LSP positions). */
export function textAt(ls: LanguageService, range: Range): string {
  const doc = ls.getDocument(URI);
  assert.ok(doc);
  return doc.getText(range);
}

/** The Sätze of a unit as the text they cover (absolute positions, read from the document). */
export function saetzeText(ls: LanguageService, u: Unit): string[] {
  return u.saetze.map((s) => textAt(ls, { start: u.abs(s.start), end: u.abs(s.end) }));
}

function rangeStr(x: Range | undefined): string {
  return x ? `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}` : '-';
}

/** Everything a user can observe of the model and diagnostics, as plain data. */
export function snapshot(ls: LanguageService, uri = URI): unknown {
  const doc = ls.getDocument(uri);
  assert.ok(doc);
  const model = ls.getModel(uri);
  const units = [...model.units()].map((u) => ({
    kind: u.kind,
    num: u.num,
    numTo: u.numTo,
    eId: u.eId,
    label: u.label,
    title: u.title,
    repealed: u.repealed,
    implicit: u.implicit,
    parent: u.parent?.eId,
    children: u.children.map((c) => c.eId),
    range: rangeStr(u.range),
    marker: rangeStr(u.markerRange),
    titleRange: rangeStr(u.titleRange),
    ownText: u.ownText(),
    saetze: u.saetze.map((s) => rangeStr({ start: u.abs(s.start), end: u.abs(s.end) })),
    annotations: u.annotations.map((a) => ({
      name: a.name,
      label: a.label,
      line: a.block.startLine + a.line,
      entries: a.entries.map((e) => `${e.key}=${e.value}`),
    })),
    toc: u.toc?.map((t) => `${u.block.startLine + t.line}:${t.text}`),
  }));
  const diagnostics = ls.getDiagnostics(uri).map((d) => ({
    code: d.code,
    range: rangeStr(d.range),
    message: d.message,
    severity: d.severity,
    fix: d.data.fix?.map((e) => `${rangeStr(e.range)}=${e.newText}`),
  }));
  return {
    text: doc.getText(),
    lineCount: doc.lineCount,
    context: model.context,
    frontMatter: model.frontMatter?.values,
    norms: model.norms.map((u) => u.eId),
    gliederung: model.gliederung.map((u) => u.eId),
    units,
    diagnostics,
  };
}

/** Offset of an LSP position in `text` with the document's conventions (lines split at \n, a CR before \n is not addressable, out-of-range positions clamp). */
export function offsetAt(text: string, line: number, character: number): number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  if (line >= starts.length) {
    line = starts.length - 1;
    character = Number.MAX_SAFE_INTEGER;
  }
  const ls = starts[line];
  let le = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  if (le > ls && text.charCodeAt(le - 1) === 13) le--;
  return Math.min(ls + Math.max(0, character), le);
}

export interface RangeEdit {
  range: Range;
  text: string;
}

/** Reference implementation of one LSP range change on a string. */
export function applyChange(text: string, c: RangeEdit): string {
  const s = offsetAt(text, c.range.start.line, c.range.start.character);
  const e = Math.max(s, offsetAt(text, c.range.end.line, c.range.end.character));
  return text.slice(0, s) + c.text + text.slice(e);
}

/** Position (line, character) of the first occurrence of `needle` in `text` at or after `from` (plus `delta` characters). */
export function posOf(text: string, needle: string, delta = 0, from = 0): { line: number; character: number } {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `${JSON.stringify(needle)} not in text`);
  const off = i + delta;
  const before = text.slice(0, off);
  const line = before.split('\n').length - 1;
  return { line, character: off - (before.lastIndexOf('\n') + 1) };
}
