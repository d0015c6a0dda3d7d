/**
 * Amending laws on the BGB: a generated amending draft with 200 commands
 * (150 word replacements, 25 Sätze appended, 25 new §§ inserted), checked
 * against the imported BGB and applied. Measured: compiling the command
 * grammar (once per process); the draft's full analysis with the BGB already
 * open (cold: the BGB's tree for the apply engine is built in it), and after
 * editing one command: the last letter of a replacement word toggled („…n“ ↔
 * „…m“), every edit a real change of the text, p50/p95 of 100 edits after 40
 * warm-up edits (the first few dozen edits after opening a document run
 * while the JIT compiles the incremental paths of parser, rules and apply).
 * Of each edit, the amending analysis on its own (reading the commands of
 * the edited Artikel, applying them incrementally) is reported too. Goals:
 * ≤ 200 ms cold, ≤ 10 ms after an edit.
 */
import { createLanguageService } from '../server/src/service';
import { amendAnalysis, parseCommand } from '../server/src/service/amend';
import { idleMinorGc } from '../server/src/lsp/idle-gc';

export interface AmendBenchResult {
  /** Compiling the command grammar (once per process, on the first command read). */
  amendGrammarMs: number;
  amendColdMs: number;
  amendEditP50Ms: number;
  amendEditP95Ms: number;
  /** Of each edit: the amending analysis alone (commands read, applied incrementally). */
  amendEditOwnP50Ms: number;
  amendEditOwnP95Ms: number;
  /** The young-generation collection after each edit (server/src/lsp/idle-gc.ts), outside the edit time. */
  amendIdleGcP50Ms: number;
  amendIdleGcP95Ms: number;
  commands: number;
  applied: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Words of at least six letters that stand once in a text. */
function uniqueWord(text: string): string | undefined {
  const words = text.match(/\p{L}{6,}/gu) ?? [];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of words) {
    if (counts.get(w) !== 1) continue;
    // not inside a longer word
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${w}($|[^\\p{L}\\p{N}])`, 'u');
    if (re.test(text)) return w;
  }
  return undefined;
}

export function benchAmend(bgb: string, log: (s: string) => void): AmendBenchResult {
  const ls = createLanguageService();
  const bgbUri = 'file:///bench/bgb.norma';
  ls.open(bgbUri, bgb);
  ls.getDiagnostics(bgbUri);
  const model = ls.getModel(bgbUri);
  const norms = new Set(model.norms.map((n) => n.num));
  // candidates: §§ whose Absatz 1 is plain text with a word that stands there once
  const cands: { num: string; word: string }[] = [];
  for (const n of model.norms) {
    if (n.kind !== 'paragraph' || n.repealed || !n.num) continue;
    const a1 = n.children.find((c) => c.kind === 'absatz' && c.num === '1');
    if (!a1 || a1.children.length) continue;
    const w = uniqueWord(a1.ownText());
    if (w) cands.push({ num: n.num, word: w });
  }
  const step = Math.max(1, Math.floor(cands.length / 200));
  const picked = cands.filter((_, i) => i % step === 0).slice(0, 200);
  const lines = [
    '---',
    'titel: Gesetz zur Messung der Änderungsbefehle',
    'typ: aenderungsgesetz',
    '---',
    'Artikel 1 Änderung des Bürgerlichen Gesetzbuchs',
    'Das Bürgerliche Gesetzbuch in der Fassung der Bekanntmachung vom 2. Januar 2002 (BGBl. I S. 42, 2909; 2003 I S. 738), das zuletzt durch Artikel 1 des Gesetzes vom 29. März 2026 (BGBl. 2026 I Nr. 83) geändert worden ist, wird wie folgt geändert:',
  ];
  const wordLines: number[] = [];
  picked.forEach((c, i) => {
    const k = i + 1;
    if (i % 8 === 3) lines.push(`  ${k}. Dem § ${c.num} Absatz 1 wird folgender Satz angefügt: „Das Nähere regelt eine Rechtsverordnung.“`);
    else if (i % 8 === 7 && !norms.has(`${c.num}x`)) lines.push(`  ${k}. Nach § ${c.num} wird der folgende § ${c.num}x eingefügt:`, `    „§ ${c.num}x Erprobung`, '    Die Vorschrift wird erprobt.“');
    else {
      wordLines.push(lines.length);
      lines.push(`  ${k}. In § ${c.num} Absatz 1 wird das Wort „${c.word}“ durch das Wort „${c.word}n“ ersetzt.`);
    }
  });
  lines.push('', 'Artikel 2 Inkrafttreten', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.', '');
  const uri = 'file:///bench/aenderung-bgb.norma';
  const tg = performance.now();
  parseCommand('§ 1 wird aufgehoben.');
  const amendGrammarMs = performance.now() - tg;
  const t0 = performance.now();
  ls.open(uri, lines.join('\n'), 1);
  ls.getDiagnostics(uri);
  const amendColdMs = performance.now() - t0;
  const an = amendAnalysis(ls.getModel(uri), ls.refContext);
  const law = an.laws[0];
  const commands = law?.commands.length ?? 0;
  const applied = law?.result.applied.length ?? 0;
  // edits: the last letter of a new word toggled („…n“ → „…m“, on the next visit back), each a real change
  const times: number[] = [];
  const own: number[] = [];
  const idle: number[] = [];
  let version = 2;
  for (let i = -40; i < 100; i++) {
    const line = wordLines[((i + 40) * 7) % wordLines.length];
    const text = lines[line];
    const at = text.lastIndexOf('“ ersetzt.') - 1;
    const ch = text[at] === 'n' ? 'm' : 'n';
    const t1 = performance.now();
    ls.update(uri, [{ range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: ch }], version++);
    const model = ls.getModel(uri);
    const t2 = performance.now();
    amendAnalysis(model, ls.refContext);
    const t3 = performance.now();
    ls.getDiagnostics(uri);
    const t = performance.now() - t1;
    lines[line] = text.slice(0, at) + ch + text.slice(at + 1);
    // what the language server does once the diagnostics are out (server/src/lsp/idle-gc.ts), timed apart
    const t4 = performance.now();
    idleMinorGc();
    const tg = performance.now() - t4;
    if (i >= 0) {
      times.push(t);
      own.push(t3 - t2);
      idle.push(tg);
    }
  }
  const r = {
    amendGrammarMs,
    amendColdMs,
    amendEditP50Ms: percentile(times, 50),
    amendEditP95Ms: percentile(times, 95),
    amendEditOwnP50Ms: percentile(own, 50),
    amendEditOwnP95Ms: percentile(own, 95),
    amendIdleGcP50Ms: percentile(idle, 50),
    amendIdleGcP95Ms: percentile(idle, 95),
    commands,
    applied,
  };
  log(
    `amending the BGB: ${commands} commands (${applied} applied), checked and applied with the BGB open: ${amendColdMs.toFixed(0)} ms cold (goal ≤ 200 ms; the command grammar compiled before, once per process: ${amendGrammarMs.toFixed(0)} ms); after editing one command p50 ${r.amendEditP50Ms.toFixed(1)} ms, p95 ${r.amendEditP95Ms.toFixed(1)} ms (goal ≤ 10 ms; 100 edits after 40 warm-up edits), of it the amending analysis (commands read, applied incrementally) p50 ${r.amendEditOwnP50Ms.toFixed(2)} ms, p95 ${r.amendEditOwnP95Ms.toFixed(2)} ms; the young-generation collection the server runs after each edit once the diagnostics are out (server/src/lsp/idle-gc.ts; not in the edit time) p50 ${r.amendIdleGcP50Ms.toFixed(2)} ms, p95 ${r.amendIdleGcP95Ms.toFixed(2)} ms`,
  );
  return r;
}
