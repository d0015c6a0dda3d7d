/** Output formats of `norma lint`, separate from rule logic (as ESLint's formatters). */
import type { NormaDiagnostic } from '../../service';
import { stylish } from './stylish';
import { json } from './json';
import { sarif } from './sarif';
import { github } from './github';

export interface FileResult {
  file: string;
  diagnostics: NormaDiagnostic[];
  /** Number of fixes applied with --fix. */
  fixed: number;
}

export interface FormatOptions {
  cwd: string;
  locale: 'de' | 'en';
}

export type Formatter = (results: FileResult[], options: FormatOptions) => string;

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github };

export const SEVERITY_NAME: Record<number, 'error' | 'warning' | 'info' | 'hint'> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
