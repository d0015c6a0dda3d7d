/**
 * Line memos (Block.memoActive): a block made by an edit takes the per-line
 * results of the block it replaced — the citations of a line, the Sätze of
 * a one-line unit, the findings of the line-local rules. Random edits of an
 * amending draft and of a Stammgesetz with the cases the memos must not get
 * wrong (citations continued from the line before or by „mit der Maßgabe“
 * list items, several segments on a line, quoted structures over several
 * lines, the same line twice, the heading of the amending Artikel changed)
 * must give what a fresh open of the text gives: the model, the Sätze, the
 * diagnostics, every citation with its resolution, and the law mentions.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, type LanguageService } from '../server/src/service/index';
import { rng } from '../bench/random';
import { snapshot } from './model-helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const BMG = fs.readFileSync(path.join(ROOT, 'samples', 'gesetze', 'bmg.norma'), 'utf8');
const Z = 'file:///ws/bmg.norma';
const E = 'file:///ws/entwurf.norma';

const AMENDING = [
  '---',
  'titel: Gesetz zur Erprobung der Zeilenmerker',
  'typ: aenderungsgesetz',
  '---',
  'Artikel 1 Änderung des Bundesmeldegesetzes',
  'Das Bundesmeldegesetz vom 3. Mai 2013 (BGBl. I S. 1084), das zuletzt durch Artikel 12 des Gesetzes vom 22. Dezember 2025 (BGBl. 2025 I Nr. 370) geändert worden ist, wird wie folgt geändert:',
  '  1. In § 17 Absatz 1 werden die Wörter „zwei Wochen“ durch die Wörter „einem Monat“ ersetzt.',
  '  2. In § 17 Absatz 2 Satz 1 wird das Wort „Auszug“ durch das Wort „Umzug“ ersetzt.',
  '  3. Dem § 17 Absatz 1 wird folgender Satz angefügt: „Die Anmeldung erfolgt schriftlich.“',
  '  4. In § 19 Absatz 1 Satz 2 werden die Wörter „schriftlich oder“ gestrichen.',
  '  5. § 18 Absatz 1 wird durch den folgenden Absatz 1 ersetzt:',
  '    „(1) Die Meldebehörde stellt eine Bescheinigung aus, vgl. § 17 Abs. 2.“',
  '  6. In § 24 Absatz 2 Satz 1 wird das Wort „Bestätigung“ jeweils durch das Wort „Quittung“ ersetzt.',
  '  7. § 19 wird wie folgt geändert:',
  '    a) In Absatz 1 wird das Wort „Wohnungsgeber“ jeweils durch das Wort „Vermieter“ ersetzt.',
  '    b) Absatz 5 wird aufgehoben.',
  '  8. In § 24 Absatz 2 Satz 1 wird das Wort „Bestätigung“ jeweils durch das Wort „Quittung“ ersetzt.',
  '  9. Nach § 23 wird der folgende § 23b eingefügt:',
  '    „§ 23b Neu',
  '    Die Anmeldung ist per Fax z. B. innerhalb von 2-3 Tagen neu.“',
  '  10. In § 20 wird das Wort "Wohnung" jeweils durch das Wort „Unterkunft“ ersetzt.',
  '',
  'Artikel 2 Inkrafttreten',
  'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
  '',
].join('\n');

const STAMM = [
  '---',
  'titel: Gesetz über die Erprobung',
  'abkuerzung: ErprobG',
  '---',
  '§ 1 Anwendungsbereich',
  '(1) Dieses Gesetz gilt für Anträge nach § 3 Absatz 2 des Bundesmeldegesetzes.',
  '(2) Absatz 1 gilt entsprechend; § 2 Satz 1 bleibt unberührt.',
  '§ 2 Verfahren',
  '(1) § 1 Absatz 1 gilt mit der Maßgabe, dass',
  '  1. nach Absatz 2 der Antrag schriftlich zu stellen ist,',
  '  2. die Frist nach Satz 1 zwei Wochen beträgt.',
  '(2) Die Behörde entscheidet nach § 1 Absatz 2 und § 3 des ErprobG unverzüglich. Das gilt auch nach Abs. 1.',
  '(3) Die Behörde entscheidet nach § 1 Absatz 2 und § 3 des ErprobG unverzüglich. Das gilt auch nach Abs. 1.',
  '(4) Der Antrag ist schriftlich',
  '  1. bei der Behörde oder',
  '  2. bei der Gemeinde',
  'oder elektronisch zu stellen.',
  '| § 1 Absatz 1 | Absatz 2 |',
  '| § 2 | persönlich erscheinen |',
  '§ 3 Inkrafttreten',
  'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
  '',
].join('\n');

/** Pieces typed into a line. */
const SNIPPETS = ['x', ' ', '„', '“', '"', 'Abs. ', 'z. B. ', '§ 5 ', 'Absatz 3 ', 'Satz 2 ', 'des Bundesmeldegesetzes ', 'mit der Maßgabe, dass ', 'schriftlich ', 'per Fax ', '1-3 ', '.', ':', 'ErprobG '];

function editOnce(text: string, rand: () => number): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const lines = text.split('\n');
  const pick = (n: number): number => Math.floor(rand() * n);
  // not the headings of §§ and Artikel: their labels („§  2“ typed with two blanks) are not part of the document's
  // structure version, and a citation's resolution that names the nearest § keeps the old label (as before the memos)
  let li = pick(lines.length - 1);
  while (/^(?:§|Artikel)/.test(lines[li])) li = pick(lines.length - 1);
  const line = lines[li];
  const r = rand();
  if (r < 0.06) {
    // the line twice
    return { range: { start: { line: li, character: 0 }, end: { line: li, character: 0 } }, text: `${line}\n` };
  }
  if (r < 0.1 && li > 4) {
    // the line away
    return { range: { start: { line: li, character: 0 }, end: { line: li + 1, character: 0 } }, text: '' };
  }
  if (r < 0.13) {
    // a line break inside the line
    const at = pick(line.length + 1);
    return { range: { start: { line: li, character: at }, end: { line: li, character: at } }, text: '\n' };
  }
  if (r < 0.5 && line.length) {
    // one character toggled
    const at = pick(line.length);
    const ch = line[at] === 'e' ? 'a' : 'e';
    return { range: { start: { line: li, character: at }, end: { line: li, character: at + 1 } }, text: ch };
  }
  const at = pick(line.length + 1);
  if (r < 0.6 && line.length > at) return { range: { start: { line: li, character: at }, end: { line: li, character: Math.min(line.length, at + 1 + pick(6)) } }, text: '' };
  return { range: { start: { line: li, character: at }, end: { line: li, character: at } }, text: SNIPPETS[pick(SNIPPETS.length)] };
}

function apply(text: string, c: ReturnType<typeof editOnce>): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }): number => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + Math.min(p.character, lines[p.line]?.length ?? 0);
  };
  return text.slice(0, off(c.range.start)) + c.text + text.slice(off(c.range.end));
}

/** Everything the memos feed: model, Sätze, diagnostics (snapshot), citations with their resolution, mentions. */
function state(ls: LanguageService): unknown {
  const idx = ls.getReferenceIndex(E);
  const pos = (b: { startLine: number }, line: number, s: number, e: number): string => `${b.startLine + line}:${s}-${e}`;
  return {
    snapshot: snapshot(ls, E),
    citations: idx.citations.map((rc) => ({
      at: pos(rc.citation.block, rc.citation.line, rc.citation.start, rc.citation.end),
      text: rc.citation.text,
      unit: rc.citation.unit.eId,
      unitsEnd: rc.citation.unitsEnd,
      law: rc.citation.law.kind === 'gesetz' ? `gesetz:${rc.citation.law.law.id}` : JSON.stringify(rc.citation.law),
      fassung: rc.citation.fassung,
      full: rc.citation.fullCitation,
      linked: rc.citation.linked,
      amendment: rc.citation.amendment,
      previous: rc.citation.previous ? pos(rc.citation.previous.block, rc.citation.previous.line, rc.citation.previous.start, rc.citation.previous.end) : undefined,
      entries: rc.citation.entries,
      scope: rc.scope,
      status: rc.status,
      resolved: rc.entries.map((e) => `${e.status} ${e.targets.map((t) => `${t.uri}#${t.unit.eId}`).join(',')} ${e.problem ? JSON.stringify(e.problem) : ''}`),
    })),
    mentions: idx.mentions.map((m) => `${pos(m.block, m.line, m.start, m.end)} ${m.law.kind} ${m.fullCitation} ${m.inTitle} ${m.unit.eId}`),
  };
}

describe('line memos across edits', function () {
  this.timeout(300_000);

  for (const [name, base, seed] of [
    ['an amending draft', AMENDING, 11],
    ['a Stammgesetz', STAMM, 12],
  ] as const) {
    it(`${name}: 250 random edits, every result as in a fresh open (and the memos are used)`, () => {
      const rand = rng(seed);
      const ls = createLanguageService();
      ls.open(Z, BMG);
      let text = base;
      ls.open(E, text);
      state(ls);
      let version = 1;
      let reused = 0;
      for (let step = 0; step < 250; step++) {
        // mostly one edit, sometimes two before anyone looks (a block never analysed passes its memos on)
        const n = rand() < 0.15 ? 2 : 1;
        for (let k = 0; k < n; k++) {
          const c = editOnce(text, rand);
          ls.update(E, [c], version++);
          text = apply(text, c);
        }
        assert.equal(ls.getDocument(E)?.getText(), text);
        const doc = ls.getDocument(E);
        const got = state(ls);
        if (doc?.blocks.some((b) => b.memoActive)) reused++;
        const fresh = createLanguageService();
        fresh.open(Z, BMG);
        fresh.open(E, text);
        assert.deepEqual(got, state(fresh), `step ${step}:\n${text}`);
      }
      assert.ok(reused > 200, `blocks with line memos after ${reused} of 250 steps`);
    });
  }

  it('a finding that depends on another line of its unit: „schriftlich“ with „elektronisch“ later in the same Satz', () => {
    const ls = createLanguageService();
    ls.open(Z, BMG);
    ls.open(E, STAMM);
    const lines = STAMM.split('\n');
    // a first edit in the block: from now on its lines have memos
    const g = lines.indexOf('  2. bei der Gemeinde');
    ls.update(E, [{ range: { start: { line: g, character: 13 }, end: { line: g, character: 13 } }, text: 'n' }], 2);
    const before = ls.getDiagnostics(E).filter((d) => d.code === 'schriftform').length;
    const l = lines.indexOf('oder elektronisch zu stellen.');
    ls.update(E, [{ range: { start: { line: l, character: 5 }, end: { line: l, character: 17 } }, text: 'persönlich' }], 3);
    const text = STAMM.replace('  2. bei der Gemeinde', '  2. bei der nGemeinde').replace('oder elektronisch zu stellen.', 'oder persönlich zu stellen.');
    const fresh = createLanguageService();
    fresh.open(Z, BMG);
    fresh.open(E, text);
    assert.deepEqual(state(ls), state(fresh));
    assert.equal(ls.getDiagnostics(E).filter((d) => d.code === 'schriftform').length, before + 1);
  });

  it('the Artikel amends another law after an edit of its heading: the citations of its commands follow', () => {
    const ls = createLanguageService();
    ls.open(Z, BMG);
    ls.open(E, AMENDING);
    state(ls);
    const lines = AMENDING.split('\n');
    const h = lines.indexOf('Artikel 1 Änderung des Bundesmeldegesetzes');
    ls.update(E, [{ range: { start: { line: h, character: 10 }, end: { line: h, character: lines[h].length } }, text: 'Änderung des Passgesetzes' }], 2);
    const text = AMENDING.replace('Artikel 1 Änderung des Bundesmeldegesetzes', 'Artikel 1 Änderung des Passgesetzes');
    const fresh = createLanguageService();
    fresh.open(Z, BMG);
    fresh.open(E, text);
    assert.deepEqual(state(ls), state(fresh));
    assert.ok(ls.getDocument(E)?.blocks.some((b) => b.memoActive));
  });
});
