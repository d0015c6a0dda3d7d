/**
 * `npm run bench`: Norma's performance figures on real federal law.
 *
 * Imports the ten corpus laws (../shared/corpus/gii-xml) to .norma (not
 * timed), then measures on the BGB:
 *   - cold full analysis (scan, parse, model, all diagnostics) with empty
 *     caches: first run in the process, and the median of fresh runs;
 *   - markdown-it parsing the same text, measured the same way in the same run;
 *   - re-analysis after one-character edits inside a § (200 edits, p50/p95);
 *   - heap with all ten laws open and analysed;
 *   - `norma lint` over the ten imported laws as a child process (wall time,
 *     node start included).
 * `--json` prints one JSON line with the headline keys.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import MarkdownIt from 'markdown-it';
import { createLanguageService } from '../server/src/service';
import { clearSkeletonMemo } from '../server/src/service/parser/grammar';
import { importXml } from '../server/src/service/import';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'gii-xml');
const LAWS = ['bgb', 'gg', 'wogg', 'baugb', 'ozg', 'egovg', 'vwvfg', 'bmg', 'uhvorschg', 'sgb_12'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
function now(): number {
  return performance.now();
}
/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const log = (s: string): void => {
    if (!json) process.stdout.write(s + '\n');
  };
  const outDir = path.join(os.tmpdir(), 'norma-bench-corpus');
  fs.mkdirSync(outDir, { recursive: true });
  const texts = new Map<string, string>();
  for (const law of LAWS) {
    const xml = fs.readFileSync(path.join(CORPUS, `${law}.xml`), 'utf8');
    const { text } = importXml(xml);
    texts.set(law, text);
    fs.writeFileSync(path.join(outDir, `${law}.norma`), text);
  }
  const bgb = texts.get('bgb') as string;
  const uri = 'file:///bench/bgb.norma';
  log(`BGB imported: ${bgb.length.toLocaleString('de-DE')} characters, ${bgb.split('\n').length.toLocaleString('de-DE')} lines`);

  // --- cold full analysis vs markdown-it -------------------------------------------
  const md = new MarkdownIt();
  const analyse = (): number => {
    clearSkeletonMemo();
    const s = createLanguageService();
    const t0 = now();
    s.open(uri, bgb);
    const d = s.getDiagnostics(uri);
    const t = now() - t0;
    if (d.length < 0) throw new Error('unreachable');
    return t;
  };
  const mdParse = (): number => {
    const t0 = now();
    md.parse(bgb, {});
    return now() - t0;
  };
  // The first run of each in this process (cold JIT) is reported as it is. Then both are run
  // interleaved, 3 warm-up rounds discarded, the median of 15 taken. No forced GC between runs:
  // a full collection before each run slows both down (the young generation is shrunk) and hides
  // what a real cold analysis allocates.
  const firstRunMs = analyse();
  const mdFirstMs = mdParse();
  const runs: number[] = [];
  const mdRuns: number[] = [];
  for (let i = 0; i < 18; i++) {
    const a = analyse();
    const b = mdParse();
    if (i >= 3) {
      runs.push(a);
      mdRuns.push(b);
    }
  }
  const coldMs = median(runs);
  const markdownItMs = median(mdRuns);
  const ratio = coldMs / markdownItMs;
  log(`cold full analysis: ${coldMs.toFixed(1)} ms (median of ${runs.length} runs, each with a new service and empty caches; first run in the process, JIT cold: ${firstRunMs.toFixed(1)} ms)`);
  log(`markdown-it parse:  ${markdownItMs.toFixed(1)} ms (median of ${mdRuns.length} runs interleaved with ours; first run ${mdFirstMs.toFixed(1)} ms)`);
  log(`ratio:              ${ratio.toFixed(2)} (goal ≤ 1.0)`);

  // --- one-character edits inside a § ------------------------------------------------------
  const s = createLanguageService();
  s.open(uri, bgb, 1);
  s.getDiagnostics(uri);
  const doc = s.getDocument(uri);
  if (!doc) throw new Error('no document');
  const model = s.getModel(uri);
  const targets: { line: number; character: number }[] = [];
  for (const u of model.units()) {
    if (u.kind !== 'absatz') continue;
    const parts = u.textParts();
    if (!parts.length) continue;
    const p = parts[0];
    if (p.end - p.start < 10) continue;
    targets.push({ line: u.block.startLine + p.line, character: p.start + 5 });
  }
  const rand = rng(42);
  const edits: number[] = [];
  let version = 2;
  for (let i = 0; i < 200; i++) {
    const t = targets[Math.floor(rand() * targets.length)];
    // refresh the absolute line: blocks do not move with same-line edits, but stay safe
    const t0 = now();
    s.update(uri, [{ range: { start: t, end: t }, text: 'x' }], version++);
    s.getDiagnostics(uri);
    edits.push(now() - t0);
    // undo (a second keystroke, also measured)
    const t1 = now();
    s.update(uri, [{ range: { start: t, end: { line: t.line, character: t.character + 1 } }, text: '' }], version++);
    s.getDiagnostics(uri);
    edits.push(now() - t1);
  }
  const editP50Ms = percentile(edits, 50);
  const editP95Ms = percentile(edits, 95);
  log(`edit inside a § → diagnostics: p50 ${editP50Ms.toFixed(2)} ms, p95 ${editP95Ms.toFixed(2)} ms, max ${Math.max(...edits).toFixed(2)} ms (${edits.length} keystrokes; goal p95 ≤ 15 ms)`);
  if (s.getDocument(uri)?.getText() !== bgb) throw new Error('edit round trip changed the text');

  // --- heap with all ten laws ----------------------------------------------------------------
  s.close(uri);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const all = createLanguageService();
  for (const [law, text] of texts) {
    all.open(`file:///bench/${law}.norma`, text);
    all.getDiagnostics(`file:///bench/${law}.norma`);
  }
  gc();
  const heapMB = process.memoryUsage().heapUsed / 1024 / 1024;
  log(`heap with all ten laws open and analysed: ${heapMB.toFixed(1)} MB (before opening: ${(heapBefore / 1024 / 1024).toFixed(1)} MB; goal ≤ 300 MB)${(globalThis as { gc?: unknown }).gc ? '' : ' [run with --expose-gc for exact figures]'}`);

  // --- norma lint over the corpus, wall time incl. node start --------------------------------------
  const bin = path.join(ROOT, 'bin', 'norma.js');
  const lintRuns: number[] = [];
  let lintExit = -1;
  for (let i = 0; i < 3; i++) {
    const t0 = now();
    const r = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', '-o', path.join(os.tmpdir(), 'norma-bench-lint.json'), outDir], { encoding: 'utf8' });
    lintRuns.push(now() - t0);
    lintExit = r.status ?? -1;
  }
  const lintMs = median(lintRuns);
  const bytes = [...texts.values()].reduce((a, t) => a + Buffer.byteLength(t), 0);
  log(`norma lint over the ten imported laws (${(bytes / 1e6).toFixed(1)} MB): ${lintMs.toFixed(0)} ms wall (median of 3, node start included; exit ${lintExit}; goal ≤ 3000 ms)`);

  if (json) {
    process.stdout.write(
      JSON.stringify({
        coldMs: round(coldMs),
        markdownItMs: round(markdownItMs),
        ratio: round(ratio, 3),
        editP95Ms: round(editP95Ms, 3),
        heapMB: round(heapMB),
        editP50Ms: round(editP50Ms, 3),
        firstRunMs: round(firstRunMs),
        lintCorpusMs: Math.round(lintMs),
      }) + '\n',
    );
  }
}

function round(x: number, d = 1): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 1;
});
