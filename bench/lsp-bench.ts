/**
 * The language server's figures for `npm run bench`, measured over LSP as an
 * editor sees them: `norma-language-server --stdio` as a child process, the
 * imported BGB opened in it.
 *
 *   - keystroke → published diagnostics: from sending a one-character
 *     didChange until the publishDiagnostics of that version arrives
 *     (debounce delay, analysis and transport included);
 *   - completion after „§ “: from sending the didChange that types the
 *     space after „§“ until the completion list arrives;
 *   - the extension's activation time, from the last extension-host run
 *     (`npm run test:vscode` writes artifacts/vscode-e2e.json).
 *
 * `bench.ts` runs this file as a child process (`node lsp-bench.js BGB.norma`),
 * so that the benchmark's own heap (all ten laws) does not put its garbage
 * collections into the client side of the measurement.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service';
import { LspClient, ROOT } from '../test/lsp-client';
import { rng } from './random';

export interface LspBenchResult {
  lspKeystrokeP50Ms: number;
  lspKeystrokeP95Ms: number;
  completionP50Ms: number | null;
  completionP95Ms: number | null;
  completionNote?: string;
  activationMs: number | null;
  serverReadyMs: number | null;
  activationNote?: string;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}


export async function lspBench(bgb: string, log: (s: string) => void, keystrokes = 200): Promise<LspBenchResult> {
  // positions inside the text of Absätze (the same kind of target as the in-process benchmark)
  const probe = createLanguageService();
  const probeUri = 'file:///bench/bgb.norma';
  probe.open(probeUri, bgb);
  const targets: { line: number; character: number }[] = [];
  for (const u of probe.getModel(probeUri).units()) {
    if (u.kind !== 'absatz') continue;
    const p = u.textParts()[0];
    if (p && p.end - p.start >= 10) targets.push({ line: u.block.startLine + p.line, character: p.start + 5 });
  }
  probe.close(probeUri);

  const client = await LspClient.start({ initializationOptions: { workspaceDiagnostics: false } });
  const result: LspBenchResult = { lspKeystrokeP50Ms: 0, lspKeystrokeP95Ms: 0, completionP50Ms: null, completionP95Ms: null, activationMs: null, serverReadyMs: null };
  try {
    const uri = 'file:///bench/bgb.norma';
    const t0 = performance.now();
    await client.open(uri, bgb, 1);
    await client.nextDiagnostics(uri, { version: 1, timeoutMs: 120000 });
    log(`LSP: BGB opened and first diagnostics published in ${(performance.now() - t0).toFixed(0)} ms`);

    // --- keystroke → published diagnostics -------------------------------------------------
    const rand = rng(7);
    const lat: number[] = [];
    let version = 2;
    const keystroke = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> => {
      const v = version++;
      const since = client.published.length;
      const t = performance.now();
      await client.change(uri, v, [{ range, text }]);
      const p = await client.nextDiagnostics(uri, { since, version: v, timeoutMs: 10000 });
      return p.at - t;
    };
    const WARMUP = 20;
    for (let i = 0; i < WARMUP / 2 + keystrokes / 2; i++) {
      const t = targets[Math.floor(rand() * targets.length)];
      const a = await keystroke({ start: t, end: t }, 'x');
      const b = await keystroke({ start: t, end: { line: t.line, character: t.character + 1 } }, '');
      // the first keystrokes warm up the server's JIT, as in the in-process benchmark
      if (i >= WARMUP / 2) lat.push(a, b);
      // a typist's pause between keystrokes, so each one is published on its own
      await new Promise((r) => setTimeout(r, 20));
    }
    result.lspKeystrokeP50Ms = percentile(lat, 50);
    result.lspKeystrokeP95Ms = percentile(lat, 95);
    log(`LSP keystroke → published diagnostics: p50 ${result.lspKeystrokeP50Ms.toFixed(2)} ms, p95 ${result.lspKeystrokeP95Ms.toFixed(2)} ms, max ${Math.max(...lat).toFixed(2)} ms (${lat.length} keystrokes on the BGB; goal p95 ≤ 15 ms)`);

    // --- completion after „§ “ -----------------------------------------------------------------
    if (!client.capabilities.completionProvider) {
      result.completionNote = 'n/a: the language server offers no completion (LanguageService.getCompletions not implemented yet)';
      log(`completion after „§ “: ${result.completionNote}`);
    } else {
      const comp: number[] = [];
      let empty = 0;
      for (let i = 0; i < 100; i++) {
        const t = targets[Math.floor(rand() * targets.length)];
        const v1 = version++;
        const t1 = performance.now();
        // typing „§“ and the space, then the editor asks for completions (trigger character " ")
        void client.change(uri, v1, [{ range: { start: t, end: t }, text: ' § ' }]);
        const list = await client.request<{ items: unknown[] } | unknown[] | null>('textDocument/completion', {
          textDocument: { uri },
          position: { line: t.line, character: t.character + 3 },
          context: { triggerKind: 2, triggerCharacter: ' ' },
        });
        comp.push(performance.now() - t1);
        const items = Array.isArray(list) ? list : (list?.items ?? []);
        if (!items.length) empty++;
        const since = client.published.length;
        const v2 = version++;
        await client.change(uri, v2, [{ range: { start: t, end: { line: t.line, character: t.character + 3 } }, text: '' }]);
        await client.nextDiagnostics(uri, { since, version: v2, timeoutMs: 10000 });
        await new Promise((r) => setTimeout(r, 20));
      }
      result.completionP50Ms = percentile(comp, 50);
      result.completionP95Ms = percentile(comp, 95);
      log(`completion after „§ “ (typing + request → list): p50 ${result.completionP50Ms.toFixed(2)} ms, p95 ${result.completionP95Ms.toFixed(2)} ms (${comp.length} requests, ${empty} empty lists; goal p95 ≤ 20 ms)`);
    }
  } finally {
    await client.stop();
  }

  // --- activation time of the extension (extension-host run) --------------------------------------
  const e2e = path.join(ROOT, 'artifacts', 'vscode-e2e.json');
  if (fs.existsSync(e2e)) {
    const r = JSON.parse(fs.readFileSync(e2e, 'utf8')) as { date?: string; vscodeVersion?: string; metrics?: { activationMs?: number; serverReadyMs?: number } };
    result.activationMs = typeof r.metrics?.activationMs === 'number' ? r.metrics.activationMs : null;
    result.serverReadyMs = typeof r.metrics?.serverReadyMs === 'number' ? r.metrics.serverReadyMs : null;
    log(
      `extension activation (code-server, VS Code ${r.vscodeVersion ?? '?'}, run of ${r.date ?? '?'}): activate() ${result.activationMs?.toFixed(1) ?? 'n/a'} ms, language server ready ${result.serverReadyMs?.toFixed(0) ?? 'n/a'} ms after the extension was loaded`,
    );
  } else {
    result.activationNote = 'n/a: no extension-host run yet (npm run test:vscode writes artifacts/vscode-e2e.json)';
    log(`extension activation: ${result.activationNote}`);
  }
  return result;
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node out/bench/lsp-bench.js BGB.norma\n');
    process.exitCode = 2;
  } else {
    lspBench(fs.readFileSync(file, 'utf8'), (line) => process.stdout.write(`${line}\n`)).then(
      (r) => process.stdout.write(`RESULT ${JSON.stringify(r)}\n`),
      (e: unknown) => {
        process.stderr.write(`lsp-bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
