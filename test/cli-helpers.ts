/**
 * Running the `norma` command line from tests as a user would (node bin/norma.js, NO_COLOR), and its
 * lint findings in the JSON format, compared as the .erwartet.json files of the exercises write them.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'norma.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/norma.js <args>` in the repository (or `cwd`). */
export function norma(args: string[], cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.error, undefined, `norma ${args.join(' ')} could not be started: ${r.error}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One entry of the JSON output of `norma lint --format json`. */
export interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
  source: string;
  fix?: TextEdit[];
}

/** `norma lint --format json <args>`: the findings, or an error that shows what was printed instead. */
export function lintJson(args: string[]): { status: number | null; findings: JsonFinding[]; stderr: string } {
  const r = norma(['lint', '--format', 'json', ...args]);
  try {
    return { status: r.status, findings: JSON.parse(r.stdout) as JsonFinding[], stderr: r.stderr };
  } catch {
    throw new Error(`norma lint ${args.join(' ')} printed no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** A finding as the .erwartet.json files write it: 1-based line and column. */
export interface Expected {
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

export function asExpected(f: JsonFinding): Expected {
  return { line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity, code: f.code, message: f.message };
}

/** Findings as a sorted list of one-line strings: compared as a set, shown readably on failure. */
export function asSet(list: Expected[]): string[] {
  return list.map((e) => `${e.line}:${e.column} ${e.severity} ${e.code} ${e.message}`).sort();
}
