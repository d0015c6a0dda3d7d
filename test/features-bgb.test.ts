/**
 * The structural features on a real law: the Bürgerliches Gesetzbuch,
 * imported from gesetze-im-internet XML (about 12,000 lines, 2,500 §§).
 * Each feature must answer well within an editor's patience; the limit here
 * is generous (it is a check, not a benchmark) and the measured times are
 * printed. `npm run bench` is the place for exact figures.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, createLanguageService, type LanguageService } from '../server/src/service/index';
import { importXml } from '../server/src/service/import';
import { decodeSemanticTokens } from '../server/src/service/features/semantic-tokens';
import { ROOT } from './features-helpers';

const BGB_XML = path.join(ROOT, '..', 'shared', 'corpus', 'gii-xml', 'bgb.xml');
const URI = 'file:///bgb.norma';
/** Generous: the goal is well under 50 ms on a warm service. */
const LIMIT_MS = 400;

/** Best of three runs, in milliseconds (the first call also warms the code up). */
function time<T>(f: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result: T | undefined;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    result = f();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: best, result: result as T };
}

describe('features on the imported BGB', function () {
  this.timeout(120_000);
  let text = '';
  let ls: LanguageService;
  let lines: string[] = [];
  const figures: string[] = [];

  before(function () {
    if (!fs.existsSync(BGB_XML)) this.skip();
    text = importXml(fs.readFileSync(BGB_XML, 'utf8')).text;
    lines = text.split('\n');
    ls = createLanguageService();
    ls.open(URI, text);
    ls.getModel(URI);
  });

  after(() => {
    if (figures.length) console.log(`      BGB (${lines.length} lines), best of 3: ${figures.join(', ')}`);
  });

  function check<T>(name: string, f: () => T): T {
    const { ms, result } = time(f);
    figures.push(`${name} ${ms.toFixed(1)} ms`);
    assert.ok(ms < LIMIT_MS, `${name} took ${ms.toFixed(1)} ms`);
    return result;
  }

  const lineOf = (prefix: string): number => {
    const i = lines.findIndex((l) => l.startsWith(prefix));
    assert.ok(i >= 0, prefix);
    return i;
  };

  it('document symbols: five Bücher, § 823 with its Absätze', () => {
    const symbols = check('document symbols', () => ls.getDocumentSymbols(URI));
    const buecher = symbols.filter((s) => s.name.startsWith('Buch '));
    assert.deepEqual(
      buecher.map((s) => s.name),
      ['Buch 1 Allgemeiner Teil', 'Buch 2 Recht der Schuldverhältnisse', 'Buch 3 Sachenrecht', 'Buch 4 Familienrecht', 'Buch 5 Erbrecht'],
    );
    const find = (list: typeof symbols, name: string): (typeof symbols)[number] | undefined => {
      for (const s of list) {
        if (s.name === name) return s;
        const inner = find(s.children ?? [], name);
        if (inner) return inner;
      }
      return undefined;
    };
    const p823 = find(buecher[1].children ?? [], '§ 823 Schadensersatzpflicht');
    assert.deepEqual(p823?.children?.map((c) => c.name), ['Absatz 1', 'Absatz 2']);
    assert.equal(p823?.selectionRange.start.line, lineOf('§ 823 '));
  });

  it('workspace symbols: „823“ and „Schadensersatz“', () => {
    const hits = check('workspace symbols', () => ls.getWorkspaceSymbols('823'));
    assert.equal(hits[0].name, '§ 823 Schadensersatzpflicht');
    const words = ls.getWorkspaceSymbols('Schadensersatz');
    assert.ok(words.some((s) => s.name === '§ 823 Schadensersatzpflicht'));
  });

  it('folding ranges: at least one per §', () => {
    const folds = check('folding ranges', () => ls.getFoldingRanges(URI));
    assert.ok(folds.length > 2500, `${folds.length} ranges`);
  });

  it('selection ranges: from a word in § 823 Absatz 1 to the whole Buch', () => {
    const line = lineOf('§ 823 ') + 1;
    const [sel] = check('selection ranges', () => ls.getSelectionRanges(URI, [{ line, character: 10 }]));
    const steps: string[] = [];
    for (let s: typeof sel | undefined = sel; s; s = s.parent) {
      const { start, end } = s.range;
      steps.push(lines[start.line].slice(start.character, start.line === end.line ? Math.min(end.character, start.character + 20) : start.character + 20));
    }
    assert.deepEqual(steps.slice(0, 4), ['vorsätzlich', 'Wer vorsätzlich oder', '(1) Wer vorsätzlich ', '§ 823 Schadensersatz']);
    assert.equal(steps[steps.length - 2], 'Buch 2 Recht der Sch');
  });

  it('semantic tokens: sorted and without overlaps', () => {
    const tokens = check('semantic tokens', () => ls.getSemanticTokens(URI));
    const list = decodeSemanticTokens(tokens);
    assert.ok(list.length > 10_000, `${list.length} tokens`);
    for (let i = 1; i < list.length; i++) {
      const p = list[i - 1];
      const t = list[i];
      assert.ok(p.line < t.line || p.start + p.length <= t.start, `tokens ${i - 1} and ${i}`);
    }
  });

  it('formatting: the importer writes canonical text, so there is nothing to do; a disorderly § is put right', () => {
    const edits = check('format', () => ls.format(URI));
    assert.deepEqual(edits, []);
    // indent § 823 badly: the formatter restores the text as imported
    const start = lineOf('§ 823 ');
    const messy = lines.map((l, i) => (i > start && i <= start + 2 ? `   ${l}  ` : l)).join('\n');
    const ls2 = createLanguageService();
    ls2.open(URI, messy);
    const fix = ls2.format(URI);
    assert.equal(fix.length, 4);
    assert.equal(applyEdits(messy, fix).text, text);
  });

  it('completions: after „§ “ every §, after „§ 823 Absatz “ its Absätze', () => {
    const line = lineOf('§ 823 ') + 1;
    const ls2 = createLanguageService();
    ls2.open(URI, text);
    ls2.update(URI, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'Nach § 823 Absatz \n' }]);
    ls2.getModel(URI);
    const norms = check('completion after „§ “', () => ls2.getCompletions(URI, { line, character: 7 }));
    assert.ok(norms.items.length > 2000, `${norms.items.length} items`);
    assert.ok(norms.items.some((i) => i.label === '§ 823' && i.detail === 'Schadensersatzpflicht'));
    const abs = check('completion after „Absatz “', () => ls2.getCompletions(URI, { line, character: 18 }));
    assert.deepEqual(
      abs.items.map((i) => i.label),
      ['Absatz 1', 'Absatz 2'],
    );
  });
});
