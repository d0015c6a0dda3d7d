/**
 * Helpers for the tests of the structural language features: drafts opened
 * in an in-memory language service, ranges as compact strings, and what a
 * user observes of a document's model (for the formatter's guarantee that
 * the model does not change).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../server/src/service/index';

export const ROOT = path.resolve(__dirname, '..', '..');
export const URI = 'file:///entwurf.norma';

/** Lines joined with line feeds, with a final line break. */
export function draft(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** A draft with a minimal front matter (a Stammgesetz in draft). */
export function law(...lines: string[]): string {
  return draft('---', 'titel: Gesetz zur Probe', 'typ: stammgesetz', '---', ...lines);
}

export function open(text: string, uri = URI, ls: LanguageService = createLanguageService()): LanguageService {
  ls.open(uri, text);
  return ls;
}

/** `line:char-line:char`, 0-based as in LSP. */
export function rs(r: Range | undefined): string {
  return r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : '-';
}

export function sample(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8');
}

/** Line and character of the first occurrence of `needle` (after `from` occurrences), plus `delta`. */
export function at(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(needle)} (${nth}) not in text`);
  }
  const off = i + delta;
  const before = text.slice(0, off);
  const line = before.split('\n').length - 1;
  return { line, character: off - (before.lastIndexOf('\n') + 1) };
}

const QUOTES = /[„“”"»«]/g;

/** Text as the formatter must keep it: no whitespace, every kind of quotation mark alike. */
export function visible(text: string): string {
  return text.replace(/\s+/g, '').replace(QUOTES, '"');
}

function norm(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().replace(QUOTES, '"');
}

/** The model as a user observes it, without positions: units, eIds, nesting, own text, annotations, syntax errors. */
export function modelView(ls: LanguageService, uri = URI): unknown {
  const model = ls.getModel(uri);
  return {
    context: model.context,
    frontMatter: model.frontMatter?.entries.map((e) => `${e.key}=${e.value}`),
    units: [...model.units()].map((u) => ({
      kind: u.kind,
      num: u.num,
      label: norm(u.label),
      title: norm(u.title),
      eId: u.eId,
      parent: u.parent?.eId,
      repealed: u.repealed,
      text: norm(u.ownText()),
      tables: u.parts.filter((p) => p.type === 'table').length,
      annotations: u.annotations.map((a) => `@${a.name} ${norm(a.label)} ${a.entries.map((e) => `${e.key}=${norm(e.value)}`).join(',')}`),
      toc: u.toc?.map((t) => norm(t.text)),
    })),
    syntax: ls
      .getDiagnostics(uri)
      .filter((d) => d.code === 'syntax')
      .map((d) => d.message),
  };
}
