/**
 * The incremental apply of Änderungsbefehle: random edits to the commands of
 * an amending draft against the Bundesmeldegesetz (samples/gesetze/bmg.norma)
 * — words and numbers changed, commands inserted, deleted, swapped and
 * replaced, local and structural commands, Gliederung commands — and to the
 * amended law itself. After every edit, the incremental result must be the
 * same as applying every command from scratch: the issues, the commands
 * applied, the units they resolved to, the new version's text, and (through
 * the language service) the diagnostics of the draft.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, DocumentModel, NormaDocument, type NormaDiagnostic } from '../server/src/service/index';
import { amendAnalysis, amendingArtikel, applyChanges, applyIncremental, modelToDoc, newVersions, synopse, type ApplyState, type Command } from '../server/src/service/amend';
import type { ApplyResult } from '../server/src/service/amend/apply';
import { writeNorma } from '../server/src/service/import/writer';
import { rng } from '../bench/random';

const ROOT = path.resolve(__dirname, '..', '..');
const BMG = fs.readFileSync(path.join(ROOT, 'samples', 'gesetze', 'bmg.norma'), 'utf8');

/** Commands against the BMG: the first line is the command, the others (indented by two) its quotation or sub-commands. */
const POOL: string[][] = [
  ['In § 17 Absatz 1 werden die Wörter „zwei Wochen“ durch die Wörter „einem Monat“ ersetzt.'],
  ['In § 17 Absatz 2 Satz 1 wird das Wort „Auszug“ durch das Wort „Umzug“ ersetzt.'],
  ['In § 17 Absatz 1 wird das Wort „Meldebehörde“ durch das Wort „Meldestelle“ ersetzt.'],
  ['Dem § 17 Absatz 1 wird folgender Satz angefügt: „Die Anmeldung erfolgt elektronisch.“'],
  ['§ 17 Absatz 4 wird aufgehoben.'],
  ['In § 19 Absatz 1 Satz 2 werden die Wörter „schriftlich oder“ gestrichen.'],
  ['In § 24 Absatz 2 Satz 1 wird das Wort „Bestätigung“ jeweils durch das Wort „Quittung“ ersetzt.'],
  ['In § 23 Absatz 1 wird das Wort „Meldebehörde“ durch das Wort „Behörde“ ersetzt.'],
  ['In der Überschrift des § 18 wird das Wort „Meldebescheinigung“ durch das Wort „Bescheinigung“ ersetzt.'],
  ['§ 18 Absatz 1 wird durch den folgenden Absatz 1 ersetzt:', '  „(1) Die Meldebehörde stellt eine Bescheinigung aus.“'],
  ['In § 99 wird das Wort „Wohnung“ durch das Wort „Unterkunft“ ersetzt.'],
  ['In § 17 Absatz 9 wird das Wort „Wohnung“ gestrichen.'],
  ['§ 43 wird aufgehoben.'],
  ['Nach § 23 wird der folgende § 23b eingefügt:', '  „§ 23b Neu', '  Die Anmeldung ist neu.“'],
  ['Nach § 17 wird der folgende § 17a eingefügt:', '  „§ 17a Probe', '  (1) Die Probe gilt.“'],
  ['Abschnitt 6 wird aufgehoben.'],
  ['Die Überschrift des Abschnitts 2 wird durch die folgende Überschrift ersetzt: „Rechte der Betroffenen“'],
  ['Nach Abschnitt 4 wird folgender Abschnitt 4a eingefügt:', '  „Abschnitt 4a Digitales', '  § 34a Portal', '  Das Portal ist offen.“'],
  ['§ 17 wird durch den folgenden § 17 ersetzt:', '  „§ 17 Anmeldung', '  Wer zieht, meldet sich.“'],
  ['Die bisherigen §§ 55 und 56 werden die §§ 56 und 57.'],
  ['In § 17a Absatz 1 wird das Wort „Probe“ durch das Wort „Prüfung“ ersetzt.'],
  ['In § 34a wird das Wort „offen“ durch das Wort „geöffnet“ ersetzt.'],
  ['§ 54 wird aufgehoben.'],
  ['In § 54 Absatz 1 wird das Wort „ordnungswidrig“ durch das Wort „rechtswidrig“ ersetzt.'],
  ['§ 19 wird wie folgt geändert:', '  a) In Absatz 1 wird das Wort „Wohnungsgeber“ jeweils durch das Wort „Vermieter“ ersetzt.', '  b) Absatz 5 wird aufgehoben.'],
  ['In § 20 wird das Wort „Wohnung“ jeweils durch das Wort „Unterkunft“ ersetzt.'],
  ['In § 21 Absatz 1 wird nach dem Wort „Wohnungen“ das Wort „gleichzeitig“ eingefügt.'],
  ['Abschnitt 5 Unterabschnitt 3 wird aufgehoben.'],
  ['Die bisherigen Abschnitte 6 und 7 werden die Abschnitte 7 und 8.'],
];

/** Edits of the amended law: a line of it and another wording (toggled). */
const LAW_EDITS: [RegExp, string, string][] = [
  [/^\(1\) Wer eine Wohnung bezieht, hat sich innerhalb von zwei Wochen/, 'zwei Wochen', 'drei Wochen'],
  [/^§ 18 Meldebescheinigung$/, 'Meldebescheinigung', 'Meldebestätigung'],
  [/^§ 54 Bußgeldvorschriften$/, '§ 54 Bußgeldvorschriften', '§ 54a Bußgeldvorschriften'],
  [/^Abschnitt 4 Besondere Meldepflichten$/, 'Abschnitt 4 ', 'Abschnitt 3a '],
];


function draft(entries: string[][]): string {
  const lines = [
    '---',
    'titel: Gesetz zur Erprobung der Änderungsbefehle',
    'typ: aenderungsgesetz',
    '---',
    'Artikel 1 Änderung des Bundesmeldegesetzes',
    'Das Bundesmeldegesetz vom 3. Mai 2013 (BGBl. I S. 1084), das zuletzt durch Artikel 12 des Gesetzes vom 22. Dezember 2025 (BGBl. 2025 I Nr. 370) geändert worden ist, wird wie folgt geändert:',
  ];
  entries.forEach((e, i) => {
    lines.push(`  ${i + 1}. ${e[0]}`);
    for (const l of e.slice(1)) lines.push(`  ${l}`);
  });
  lines.push('', 'Artikel 2 Inkrafttreten', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.', '');
  return lines.join('\n');
}

/** One random edit of the list of commands. */
function edit(entries: string[][], rand: () => number): void {
  const pick = (n: number): number => Math.floor(rand() * n);
  const r = rand();
  if (!entries.length || r < 0.15) entries.splice(pick(entries.length + 1), 0, [...POOL[pick(POOL.length)]]);
  else if (r < 0.25) entries.splice(pick(entries.length), 1);
  else if (r < 0.35 && entries.length > 1) {
    const i = pick(entries.length - 1);
    [entries[i], entries[i + 1]] = [entries[i + 1], entries[i]];
  } else if (r < 0.45) entries[pick(entries.length)] = [...POOL[pick(POOL.length)]];
  else if (r < 0.55) {
    // another § number
    const e = entries[pick(entries.length)];
    e[0] = e[0].replace(/§ (\d+)/, (_, n: string) => `§ ${Number(n) + (rand() < 0.5 ? 1 : -1)}`);
  } else {
    // a letter inside a quotation (the command or its quoted structure)
    const e = entries[pick(entries.length)];
    const li = pick(e.length);
    const line = e[li];
    const spots: number[] = [];
    let depth = 0;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '„') depth++;
      else if (line[i] === '“') depth--;
      else if ((depth > 0 || li > 0) && /\p{Ll}/u.test(line[i])) spots.push(i);
    }
    if (!spots.length) return;
    const at = spots[pick(spots.length)];
    e[li] = line.slice(0, at) + 'xyzäe'[pick(5)] + line.slice(at + 1);
  }
}

function summary(r: ApplyResult<Command>, commands: readonly Command[]): string[] {
  const idx = (c: Command): number => commands.indexOf(c);
  return [
    ...r.issues.map((i) => `issue ${idx(i.change)} ${i.kind} ${i.quote ?? ''} ${JSON.stringify(i.args)}`),
    `applied ${r.applied.map(idx).join(',')}`,
    ...[...r.resolved].map(([c, a]) => `resolved ${idx(c)} ${a}`),
    writeNorma(r.doc).text,
  ];
}

function fmt(d: NormaDiagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`;
}

/** The smallest line range that turns `a` into `b`, as an LSP change. */
function lineChange(a: string, b: string): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const x = a.split('\n');
  const y = b.split('\n');
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  // lines p … x.length-s-1 with their line breaks (the texts end with a line break: the last lines are equal)
  const text = y
    .slice(p, y.length - s)
    .map((l) => `${l}\n`)
    .join('');
  return { range: { start: { line: p, character: 0 }, end: { line: x.length - s, character: 0 } }, text };
}

describe('amend: incremental apply', function () {
  this.timeout(300_000);

  it('the engine: 600 random edits, each result the same as applying all commands from scratch', () => {
    const rand = rng(20261121);
    const base = modelToDoc(new DocumentModel(new NormaDocument('file:///ws/bmg.norma', BMG)));
    const entries: string[][] = [];
    for (let i = 0; i < 12; i++) entries.push([...POOL[Math.floor(rand() * POOL.length)]]);
    let state: ApplyState<Command> | undefined;
    const modes = new Map<string, number>();
    for (let step = 0; step < 600; step++) {
      edit(entries, rand);
      const model = new DocumentModel(new NormaDocument('file:///ws/entwurf.norma', draft(entries)));
      const commands = amendingArtikel(model).flatMap((a) => a.commands);
      state = applyIncremental(state, base, commands);
      modes.set(state.mode, (modes.get(state.mode) ?? 0) + 1);
      const scratch = applyChanges(base, commands);
      assert.deepEqual(summary(state.result, commands), summary(scratch, commands), `step ${step}:\n${draft(entries)}`);
    }
    // every way of reaching the result was taken
    for (const m of ['local', 'replay']) assert.ok((modes.get(m) ?? 0) > 20, `${m}: ${JSON.stringify([...modes])}`);
  });

  it('the language service: 150 random edits of the draft and of the amended law, diagnostics and new version as from scratch', () => {
    const rand = rng(7);
    const Z = 'file:///ws/bmg.norma';
    const E = 'file:///ws/entwurf.norma';
    const ls = createLanguageService();
    let law = BMG;
    ls.open(Z, law);
    const entries: string[][] = [];
    for (let i = 0; i < 10; i++) entries.push([...POOL[Math.floor(rand() * POOL.length)]]);
    let text = draft(entries);
    ls.open(E, text);
    ls.getDiagnostics(E);
    const modes = new Map<string, number>();
    let version = 1;
    for (let step = 0; step < 150; step++) {
      if (rand() < 0.12) {
        // an edit of the amended law: its tree is new, everything is applied again
        const [re, from, to] = LAW_EDITS[Math.floor(rand() * LAW_EDITS.length)];
        const lines = law.split('\n');
        const i = lines.findIndex((l) => re.test(l) || re.test(l.replace(to, from)));
        const next = lines[i].includes(from) ? lines[i].replace(from, to) : lines[i].replace(to, from);
        ls.update(Z, [{ range: { start: { line: i, character: 0 }, end: { line: i, character: lines[i].length } }, text: next }], version++);
        lines[i] = next;
        law = lines.join('\n');
      } else {
        edit(entries, rand);
        const next = draft(entries);
        ls.update(E, [lineChange(text, next)], version++);
        text = next;
        assert.equal(ls.getDocument(E)?.getText(), text, 'the edit as the editor sends it');
      }
      const diags = ls.getDiagnostics(E, 'de').map(fmt);
      const an = amendAnalysis(ls.getModel(E), ls.refContext);
      for (const l of an.laws) modes.set(l.apply.mode, (modes.get(l.apply.mode) ?? 0) + 1);
      const fresh = createLanguageService();
      fresh.open(Z, law);
      fresh.open(E, text);
      assert.deepEqual(diags, fresh.getDiagnostics(E, 'de').map(fmt), `step ${step}:\n${text}`);
      const l = an.laws[0];
      const f = amendAnalysis(fresh.getModel(E), fresh.refContext).laws[0];
      assert.deepEqual(summary(l.result, l.commands), summary(f.result, f.commands), `step ${step}`);
      const neu = newVersions(ls.getModel(E), ls.refContext);
      assert.deepEqual(
        neu.map((v) => v.text),
        newVersions(fresh.getModel(E), fresh.refContext).map((v) => v.text),
      );
      // the Synopse from the engine's tree: as from scratch, and each § row's new text as in the new version written out
      const rows = synopse(ls.getModel(E), ls.refContext)[0]?.rows ?? [];
      assert.deepEqual(rows, synopse(fresh.getModel(E), fresh.refContext)[0]?.rows ?? [], `step ${step}: Synopse`);
      if (step % 10 === 0 && neu[0]) {
        const written = new DocumentModel(new NormaDocument('file:///ws/neu.norma', neu[0].text));
        const expected = written.norms.filter((n) => n.label.startsWith('§ ')).map((n) => `${n.label} ${n.title}`);
        const actual = rows.filter((r) => r.key.startsWith('§ ') && r.status !== 'aufgehoben').map((r) => `${r.key} ${r.title}`);
        assert.deepEqual(actual, expected, `step ${step}: the §§ of the Synopse and of the new version`);
      }
    }
    for (const m of ['local', 'replay', 'full']) assert.ok((modes.get(m) ?? 0) > 3, `${m}: ${JSON.stringify([...modes])}`);
  });

  it('the commands’ citations of the amended law are resolved once per model of that law; the memo key covers every field of a citation entry', () => {
    const ls = createLanguageService();
    ls.open('file:///ws/bmg.norma', BMG);
    ls.open('file:///ws/entwurf.norma', draft(POOL.slice(0, 8)));
    const cits = ls.getReferenceIndex('file:///ws/entwurf.norma').citations.filter((rc) => rc.citation.amendment && rc.entries.length);
    assert.ok(cits.length >= 5);
    // refs/index.ts sameEntries() compares these fields: a new field must be added there
    const e = cits[0].citation.entries[0];
    assert.deepEqual(Object.keys(e).sort(), ['bare', 'end', 'levels', 'start', 'top']);
    assert.deepEqual(Object.keys(e.levels[0]).sort(), ['end', 'kind', 'mod', 'rel', 'start', 'to', 'toEnd', 'toStart', 'value', 'valueEnd', 'valueStart', 'written']);
    // an edit of one command: the others' resolutions are reused, bound to the new citations
    ls.update('file:///ws/entwurf.norma', [{ range: { start: { line: 6, character: 4 }, end: { line: 6, character: 4 } }, text: ' ' }], 2);
    const again = ls.getReferenceIndex('file:///ws/entwurf.norma').citations.filter((rc) => rc.citation.amendment && rc.entries.length);
    assert.equal(again.length, cits.length);
    assert.ok(cits[3].entries[0].targets[0]?.unit);
    assert.equal(again[3].entries[0].targets[0]?.unit, cits[3].entries[0].targets[0]?.unit);
    assert.notEqual(again[3].citation, cits[3].citation);
    assert.equal(again[3].citation.block, ls.getModel('file:///ws/entwurf.norma').norms[0].block);
  });
});
