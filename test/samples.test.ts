/**
 * The sample drafts in samples/: the two realistic drafts lint clean (no
 * errors, no warnings) and use the constructs of the format they are meant
 * to show; the flawed training draft gives exactly the findings written down
 * in its .erwartet.json, and `--fix` removes exactly the fixable ones.
 * Everything runs through `node bin/norma.js`, as a trainer or a CI job would.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, DocumentModel } from '../server/src/service/index';
import type { Unit, UnitKind } from '../server/src/service/model/types';
import { asExpected, asSet, lintJson as lint, norma, ROOT, type Expected, type JsonFinding } from './cli-helpers';

const SAMPLES = path.join(ROOT, 'samples');
const WOHNSITZ = path.join(SAMPLES, 'wohnsitzanmeldung.norma');
const WOHNGELD = path.join(SAMPLES, 'wohngeld-digital.norma');
const AENDERUNG = path.join(SAMPLES, 'aenderung-bmg.norma');
const BMG_XML = path.resolve(ROOT, '..', 'shared', 'corpus', 'gii-xml', 'bmg.xml');
const FLAWED = path.join(SAMPLES, 'schulung', 'fehlerhafter-entwurf.norma');
const SOLUTION = path.join(SAMPLES, 'schulung', 'fehlerhafter-entwurf.loesung.norma');
const EXPECTED = path.join(SAMPLES, 'schulung', 'fehlerhafter-entwurf.erwartet.json');

function readExpected(): Expected[] {
  const raw = JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as Expected[];
  assert.ok(Array.isArray(raw) && raw.length > 0, 'fehlerhafter-entwurf.erwartet.json: leeres oder kein Array');
  for (const e of raw) {
    assert.deepEqual(Object.keys(e).sort(), ['code', 'column', 'line', 'message', 'severity'], `unerwartete Felder in ${JSON.stringify(e)}`);
  }
  return raw;
}

/** Apply LSP edits to a string (independent of the CLI's own implementation). */
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }): number => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

function model(file: string): DocumentModel {
  const ls = createLanguageService();
  const uri = `file://${file}`;
  ls.open(uri, fs.readFileSync(file, 'utf8'));
  return ls.getModel(uri);
}

function kinds(m: DocumentModel): Set<UnitKind> {
  return new Set([...m.units()].map((u) => u.kind));
}

describe('samples/gesetze: the imported laws are exactly what norma import writes from the corpus', () => {
  for (const name of ['bmg', 'uhvorschg', 'wogg', 'sgb_12']) {
    it(`samples/gesetze/${name}.norma = norma import ../shared/corpus/gii-xml/${name}.xml`, function () {
      this.timeout(60000);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-gesetze-'));
      const out = path.join(dir, `${name}.norma`);
      const r = norma(['import', path.resolve(ROOT, '..', 'shared', 'corpus', 'gii-xml', `${name}.xml`), '-o', out]);
      assert.equal(r.status, 0, r.stderr);
      const fresh = fs.readFileSync(out, 'utf8');
      const committed = fs.readFileSync(path.join(SAMPLES, 'gesetze', `${name}.norma`), 'utf8');
      fs.rmSync(dir, { recursive: true, force: true });
      // compare line by line so a difference names its line
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const first = a.findIndex((l, i) => l !== b[i]);
      assert.ok(first < 0 && a.length === b.length, `differs from line ${first + 1}: ${JSON.stringify(a[first])} vs. ${JSON.stringify(b[first])} (regenerate, see samples/gesetze/README.md)`);
    });
  }
});

describe('Beispielentwürfe (samples/)', () => {
  describe('die Musterentwürfe sind sauber', () => {
    for (const file of [WOHNSITZ, WOHNGELD, SOLUTION, AENDERUNG]) {
      it(`${path.relative(ROOT, file)}: keine Fehler und keine Warnungen`, () => {
        const { status, findings, stderr } = lint([file]);
        const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map(asExpected);
        assert.deepEqual(asSet(serious), [], `Befunde in ${path.basename(file)}`);
        assert.equal(status, 0, stderr);
      });
    }
  });

  describe('aenderung-bmg.norma: Änderungsgesetz zum eingelesenen Bundesmeldegesetz', () => {
    let dir: string;
    before(function () {
      this.timeout(60000);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-aenderung-'));
      const r = norma(['import', BMG_XML, '-o', path.join(dir, 'bmg.norma')]);
      assert.equal(r.status, 0, r.stderr);
    });

    it('mit dem Bundesmeldegesetz im Arbeitsbereich: keine Befunde im Entwurf, jeder Befehl geprüft', function () {
      this.timeout(60000);
      const { findings } = lint([AENDERUNG, path.join(dir, 'bmg.norma')]);
      const own = findings.filter((f) => path.resolve(ROOT, f.file) === AENDERUNG).map(asExpected);
      assert.deepEqual(asSet(own), []);
    });

    it('ohne das Gesetz: nur der Hinweis, welches Gesetz einzulesen ist', () => {
      const { findings } = lint([AENDERUNG]);
      assert.deepEqual(
        findings.map((f) => `${f.severity} ${f.code}`),
        ['info aenderung-zielgesetz'],
      );
    });

    it('norma apply wendet alle Befehle an; die neue Fassung ändert nur die geänderten Zeilen', function () {
      this.timeout(60000);
      const r = norma(['apply', AENDERUNG, path.join(dir, 'bmg.norma'), '-o', path.join(dir, 'neu')]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /BMG: 8 von 8 Änderungsbefehl\(en\) angewandt/);
      const before = fs.readFileSync(path.join(dir, 'bmg.norma'), 'utf8').split('\n');
      const after = fs.readFileSync(path.join(dir, 'neu', 'bmg.norma'), 'utf8').split('\n');
      const changed = after.filter((l) => !before.includes(l));
      assert.equal(changed.length, 9, changed.join('\n')); // aenderungsstand and the eight units changed
      assert.ok(changed.includes('(3a) Die Zuzugsmeldebehörde übermittelt die amtliche Meldebestätigung nach § 24 Absatz 2 elektronisch an das Nutzerkonto der meldepflichtigen Person.'));
    });

    it('@aufwand-Angaben an den geänderten Pflichten (Bürger, Wirtschaft, Verwaltung, einmalig)', () => {
      const m = model(AENDERUNG);
      const adressaten = [...m.annotations()].filter((a) => a.name === 'aufwand').map((a) => a.entries.find((e) => e.key === 'adressat')?.value);
      assert.deepEqual(adressaten, ['buerger', 'wirtschaft', 'verwaltung', 'verwaltung']);
    });
  });

  describe('wohnsitzanmeldung.norma zeigt jedes Element des Formats', () => {
    let m: DocumentModel;
    let text: string;
    before(() => {
      m = model(WOHNSITZ);
      text = fs.readFileSync(WOHNSITZ, 'utf8');
    });

    it('Vorspann mit titel, kurztitel, abkuerzung, typ, fassung, stand und ressort', () => {
      const keys = (m.frontMatter?.entries ?? []).map((e) => e.key);
      assert.deepEqual(keys, ['titel', 'kurztitel', 'abkuerzung', 'typ', 'fassung', 'stand', 'ressort']);
      assert.equal(m.context.typ, 'stammgesetz');
      assert.equal(m.context.fassung, 'entwurf');
    });

    it('Eingangsformel, Gliederung in Teile und Abschnitte (Titel in derselben und in der nächsten Zeile)', () => {
      assert.match(m.eingangsformel?.ownText() ?? '', /^Der Bundestag hat .* das folgende Gesetz beschlossen:$/);
      const g = m.gliederung;
      assert.ok(g.some((u) => u.kind === 'teil') && g.some((u) => u.kind === 'abschnitt'));
      assert.ok(g.every((u) => u.title), 'jede Gliederungseinheit hat einen Titel');
      assert.ok(g.some((u) => u.titleLine === u.markerLine), 'Titel in derselben Zeile');
      assert.ok(g.some((u) => u.titleLine === u.markerLine + 1), 'Titel in der nächsten Zeile');
      assert.ok(m.norms.length >= 20 && m.norms.length <= 30, `${m.norms.length} §§`);
      assert.ok(m.norms.every((u) => u.title), 'jeder § hat eine Überschrift');
      assert.match(m.norms[m.norms.length - 1].title ?? '', /^Inkrafttreten/);
    });

    it('Absätze, Nummern, Buchstaben, Doppelbuchstaben, Anstriche und Text nach Listen auf beiden Ebenen', () => {
      const k = kinds(m);
      for (const kind of ['absatz', 'nummer', 'buchstabe', 'doppelbuchstabe', 'anstrich'] as UnitKind[]) assert.ok(k.has(kind), kind);
      const afterList = [...m.units()].filter((u) => u.parts.some((p) => p.type === 'text' && p.text.role === 'after-list'));
      assert.ok(afterList.some((u) => u.kind === 'absatz'), 'Text nach einer Liste im Absatz');
      assert.ok(afterList.some((u) => u.kind === 'nummer'), 'Text nach einer Liste in einer Nummer');
    });

    it('Tabelle in einem §, Anlage mit Tabelle, @aufwand-Annotationen, Kommentare und eine begründete Unterdrückung', () => {
      const tableIn = (u: Unit): boolean => u.parts.some((p) => p.type === 'table');
      assert.ok([...m.units()].some((u) => u.kind === 'absatz' && tableIn(u)), 'Tabelle in einem Absatz');
      assert.equal(m.anlagen.length, 1);
      assert.match(m.anlagen[0].title ?? '', /^\(zu § 7 Absatz 2\) /);
      assert.ok(tableIn(m.anlagen[0]), 'Tabelle in der Anlage');
      const aufwand = [...m.annotations()].filter((a) => a.name === 'aufwand');
      assert.ok(aufwand.length >= 3);
      for (const a of aufwand) {
        const keys = a.entries.map((e) => e.key);
        for (const key of ['adressat', 'fallzahl', 'zeit']) assert.ok(keys.includes(key), `@aufwand ${a.label}: ${key}`);
      }
      assert.match(text, /^\/\/ /m, 'Kommentarzeile');
      assert.match(text, /\S {1,}\/\/ /, 'Kommentar am Zeilenende');
      const directives = [...m.directives()].map((d) => d.directive);
      assert.equal(directives.length, 1);
      assert.equal(directives[0].kind, 'disable-next-line');
      assert.deepEqual(directives[0].codes, ['eigene-abkuerzung']);
    });

    it('Verweise innerhalb des Entwurfs zeigen auf vorhandene Einheiten', () => {
      const missing = unresolvedInternalReferences(m, text);
      assert.deepEqual(missing, []);
    });

    it('die Inhaltsübersicht stimmt mit den Überschriften überein', () => {
      const toc = (m.inhaltsuebersicht?.toc ?? []).map((e) => e.text);
      const headings = m.heads
        .filter((u) => u.kind !== 'eingangsformel' && u.kind !== 'inhaltsuebersicht')
        .map((u) => `${u.label} ${u.title ?? ''}`.trim());
      assert.deepEqual(toc, headings);
    });
  });

  describe('wohngeld-digital.norma', () => {
    let m: DocumentModel;
    before(() => {
      m = model(WOHNGELD);
    });

    it('Verordnung mit 10 bis 15 §§, ohne Gliederung, mit Schlussformel', () => {
      assert.equal(m.context.typ, 'verordnung');
      assert.ok(m.norms.length >= 10 && m.norms.length <= 15, `${m.norms.length} §§`);
      assert.equal(m.gliederung.length, 0);
      assert.match(m.eingangsformel?.ownText() ?? '', /verordnet die Bundesregierung:$/);
      assert.ok(m.schlussformel);
    });

    it('Verweise innerhalb des Entwurfs zeigen auf vorhandene Einheiten', () => {
      assert.deepEqual(unresolvedInternalReferences(m, fs.readFileSync(WOHNGELD, 'utf8')), []);
    });

    it('Buchstaben direkt im Absatz, Begriffsbestimmungen in Anführungszeichen, Sätze mit Datumsangaben', () => {
      const buchstaben = [...m.units()].filter((u) => u.kind === 'buchstabe');
      assert.ok(buchstaben.length > 0 && buchstaben.every((u) => u.parent?.kind === 'absatz'));
      const begriffe = m.norms.find((u) => u.title === 'Begriffsbestimmungen');
      assert.ok(begriffe);
      const defs = [...m.units()].filter((u) => DocumentModel.normOf(u) === begriffe && /^„[^“]+“/.test(u.ownText()));
      assert.ok(defs.length >= 4, `${defs.length} Begriffsbestimmungen`);
      // § 11 Absatz 1: four sentences although „am 1. Januar 2027“ and „31. Dezember 2026“ contain periods
      const ueber = m.norms.find((u) => u.title === 'Übergangsregelung');
      const abs1 = ueber?.children.find((c) => c.num === '1');
      assert.ok(abs1);
      assert.match(abs1.ownText(), /am 1\. Januar 2027/);
      assert.equal(abs1.saetze.length, 4);
    });
  });

  describe('Schulungsentwurf mit eingebauten Fehlern', () => {
    let expected: Expected[];
    before(() => {
      expected = readExpected();
    });

    it('norma lint meldet genau die Befunde aus fehlerhafter-entwurf.erwartet.json', () => {
      const { status, findings } = lint([FLAWED]);
      assert.deepEqual(asSet(findings.map(asExpected)), asSet(expected));
      assert.equal(status, 1, 'Exit-Code 1 bei Fehlern');
    });

    it('--fix behebt genau die behebbaren Befunde und lässt den übrigen Text unverändert', () => {
      // the rules whose findings in this draft have a safe fix (see fehlerhafter-entwurf.md)
      const FIXABLE = new Set(['frontmatter', 'gliederung-bezeichnung', 'eigene-abkuerzung', 'bereich-strich', 'anfuehrungszeichen', 'abkuerzung']);
      const fixable = expected.filter((e) => FIXABLE.has(e.code));
      const rest = expected.filter((e) => !FIXABLE.has(e.code));
      assert.equal(fixable.length, 11);

      const before = lint([FLAWED]).findings;
      const withFix = before.filter((f) => f.fix?.length);
      assert.deepEqual(asSet(withFix.map(asExpected)), asSet(fixable), 'Befunde mit Korrektur');

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-samples-'));
      try {
        const copy = path.join(dir, 'fehlerhafter-entwurf.norma');
        const original = fs.readFileSync(FLAWED, 'utf8');
        fs.writeFileSync(copy, original);
        const after = lint(['--fix', copy]);
        assert.equal(after.status, 1, 'die nicht behebbaren Fehler bleiben');
        // findings after a fix on the same line move by what the fixes before them added or removed
        const edits = withFix.flatMap((f) => f.fix ?? []);
        const shifted = rest.map((e) => {
          let delta = 0;
          for (const ed of edits) {
            const r = ed.range;
            if (r.start.line === e.line - 1 && r.end.line === e.line - 1 && r.end.character <= e.column - 1) delta += ed.newText.length - (r.end.character - r.start.character);
          }
          return { ...e, column: e.column + delta };
        });
        assert.deepEqual(asSet(after.findings.map(asExpected)), asSet(shifted));

        const fixed = fs.readFileSync(copy, 'utf8');
        assert.equal(fixed, applyLspEdits(original, withFix.flatMap((f) => f.fix ?? [])));
        // only the lines of fixable findings changed, and no line was added or removed
        const a = original.split('\n');
        const b = fixed.split('\n');
        assert.equal(b.length, a.length);
        const changed = a.map((l, i) => (l === b[i] ? 0 : i + 1)).filter((n) => n > 0);
        assert.deepEqual(changed, [...new Set(fixable.map((e) => e.line))].sort((x, y) => x - y));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

/**
 * References to §§ of the draft itself („nach § 9 Absatz 2 Nummer 1 Buchstabe a“,
 * „die §§ 4 bis 6“, „nach § 3 Absatz 2 Satz 1“) whose target does not exist.
 * A citation followed, after further citation words, by „des …“ / „der …“ with
 * a capital („§ 3a Absatz 2 des Verwaltungsverfahrensgesetzes“) points into
 * another law and is skipped. A stand-in until the reference resolver exists.
 */
function unresolvedInternalReferences(m: DocumentModel, text: string): string[] {
  const REF =
    /(§§?) (\d+[a-z]?)(?: (bis|und) (\d+[a-z]?))?(?: Absatz (\d+))?(?: Satz (\d+))?(?: Nummer (\d+))?(?: Buchstabe ([a-z]))?(?: Doppelbuchstabe ([a-z]{2}))?/gu;
  const OTHER_LAW = /^(?:\s*(?:,|und|oder|bis|Absatz|Absätze|Satz|Sätze|Nummer|Nummern|Buchstabe|Buchstaben|§§?|\d+[a-z]?|[a-z]{1,2}))*\s+(?:des|der)\s+\p{Lu}/u;
  const child = (u: Unit | undefined, kind: UnitKind, num: string | undefined): Unit | undefined => {
    if (!u || num === undefined) return u;
    const scope = u.kind === 'paragraph' && kind !== 'absatz' ? (u.children.find((c) => c.implicit) ?? u) : u;
    return scope.children.find((c) => c.kind === kind && c.num === num);
  };
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*\/\//.test(line) || /^§ \d/.test(line) || /^\s+§ \d/.test(line)) return; // comments, headings, Inhaltsübersicht
    for (const ref of line.matchAll(REF)) {
      if (OTHER_LAW.test(line.slice((ref.index ?? 0) + ref[0].length))) continue;
      const [, , from, conj, to, abs, satz, nr, bst, dbst] = ref;
      const nums = [from];
      if (conj === 'bis') for (let n = Number(from) + 1; n <= Number(to); n++) nums.push(String(n));
      else if (conj === 'und') nums.push(to);
      for (const num of nums) {
        let u = child(m.norms.find((n) => n.num === num), 'absatz', abs);
        if (u && satz && u.saetze.length < Number(satz)) u = undefined;
        u = child(child(child(u, 'nummer', nr), 'buchstabe', bst), 'doppelbuchstabe', dbst);
        if (!u) out.push(`Zeile ${i + 1}: ${ref[0]}`);
      }
    }
  });
  return out;
}
