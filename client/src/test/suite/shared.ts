/** State shared between the suite's test files and its runner. */
import * as vscode from 'vscode';

/** Figures measured inside the extension host (written to the results file). */
export const metrics: Record<string, number | string | undefined> = {};

/** Why a test is pending (a feature the language service does not have yet). */
export const pendingReasons = new Map<string, string>();

/** Mark the running test pending, with its reason. */
export function pending(ctx: Mocha.Context, reason: string): never {
  const title = ctx.test?.fullTitle();
  if (title) pendingReasons.set(title, reason);
  ctx.skip();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Poll until `check` returns a value (or throw after `timeoutMs`). */
export async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(50);
  }
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** Wait until the diagnostics of `uri` satisfy `ok`; returns them. */
export function diagnosticsWhere(uri: vscode.Uri, what: string, ok: (ds: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 20000): Promise<readonly vscode.Diagnostic[]> {
  return until(what, () => {
    const ds = vscode.languages.getDiagnostics(uri);
    return ok(ds) ? ds : undefined;
  }, timeoutMs);
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`no line with „${needle}“ in ${doc.uri.fsPath}`);
}

/** The line that starts with `prefix` (a heading at column 0, not its Inhaltsübersicht entry). */
export function headingLine(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starting with „${prefix}“ in ${doc.uri.fsPath}`);
}

export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const line = lineOf(doc, needle);
  return new vscode.Position(line, doc.lineAt(line).text.indexOf(needle) + offset);
}
