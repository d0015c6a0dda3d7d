/**
 * The course material: the trainer's guide in docs/schulung/ and the
 * exercises in samples/schulung/, checked as a trainer would use them.
 *
 * Exercises. Every `<name>.erwartet.json` in samples/schulung/ belongs to an
 * exercise of EXERCISES: its starting draft `<name>.norma` shows exactly
 * these findings (line, column, severity, code, message), its `<name>.md`
 * says „Erwartet werden N Befunde (… Fehler, … Warnungen, … Hinweise)“ with
 * the same counts, and the module page that links it names „N Befunde“ too.
 * Its solution `<name>.loesung.norma` shows no error, warning or info (the
 * hints a solution keeps on purpose are listed below). Drafts that cite or
 * amend a real law are linted together with it, from samples/gesetze/.
 * The cost exercise's solution gives the figures computed by hand below.
 *
 * Commands. Every command of the guide is run. Convention (docs/schulung/README.md,
 * „Befehle in dieser Anleitung“): in docs/schulung/*.md and samples/schulung/*.md
 *   ```sh            each line is a command participants type, run in bash
 *                    from the project folder; a trailing `# Exit-Code N`
 *                    is the exit code the guide promises (else 0); lines
 *                    starting with `#` are comments
 *   ```text Ausgabe  right after a ```sh fence: lines the output of that
 *                    fence must contain, in this order („…“ lines skipped)
 *   ```text          not run: the browser editor (`npm start …`, which
 *                    cannot run here and is covered by the real-VS-Code
 *                    test test/e2e/vscode.e2e.ts) and commands with
 *                    placeholders such as `<Name>` or `<Port>`
 * The commands of one page run in order in a scratch folder holding a copy of
 * samples/ and a link to bin/ (so `node bin/norma.js …` runs as typed, and
 * `cp`, `--fix` or `apply -o` never touch the repository). A ```text fence
 * must not hold a `node bin/norma.js` command without a placeholder, and a
 * ```sh fence no `npm start`: a command cannot slip out of the test.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { asExpected, asSet, norma, ROOT, type Expected, type JsonFinding } from './cli-helpers';

const SAMPLES = path.join(ROOT, 'samples');
const SCHULUNG = path.join(SAMPLES, 'schulung');
const GUIDE = path.join(ROOT, 'docs', 'schulung');
const UHVORSCHG = path.join(SAMPLES, 'gesetze', 'uhvorschg.norma');

interface Exercise {
  name: string;
  /** The module page that links the exercise. */
  modul: string;
  /** Laws of samples/gesetze/ the draft is linted with. */
  gesetze: string[];
  /** Hints the solution keeps on purpose (codes). */
  loesungHinweise: string[];
}

const EXERCISES: Exercise[] = [
  // the Landesverwaltungsverfahrensgesetz of MV is not cited in full: see fehlerhafter-entwurf.md
  { name: 'fehlerhafter-entwurf', modul: 'modul-1-grundlagen.md', gesetze: [], loesungHinweise: ['landesrecht', 'zitierung-erstnennung'] },
  { name: 'verweise-begriffe', modul: 'modul-2-verweise-aenderungen.md', gesetze: [UHVORSCHG], loesungHinweise: [] },
  { name: 'aenderung-uhvorschg', modul: 'modul-2-verweise-aenderungen.md', gesetze: [UHVORSCHG], loesungHinweise: [] },
  { name: 'digitalcheck-aufwand', modul: 'modul-3-aufwand-digitalcheck.md', gesetze: [], loesungHinweise: [] },
];

const MODULE_PAGES = ['modul-1-grundlagen.md', 'modul-2-verweise-aenderungen.md', 'modul-3-aufwand-digitalcheck.md'];

/** The findings of `file` when it is linted together with `more`. */
function lintOwn(file: string, more: string[]): { status: number | null; findings: Expected[] } {
  const r = norma(['lint', '--format', 'json', file, ...more]);
  const all = JSON.parse(r.stdout) as JsonFinding[];
  const own = all.filter((f) => path.resolve(ROOT, f.file) === file).map(asExpected);
  return { status: r.status, findings: own };
}

const count = (list: Expected[], sev: string): number => list.filter((e) => e.severity === sev).length;

describe('Schulung: Übungen (samples/schulung/)', () => {
  it('jede .erwartet.json gehört zu einer Übung dieses Tests, jede Übung hat Entwurf, Lösung, Auflösung', () => {
    const found = fs
      .readdirSync(SCHULUNG)
      .filter((f) => f.endsWith('.erwartet.json'))
      .map((f) => f.replace(/\.erwartet\.json$/, ''))
      .sort();
    assert.deepEqual(found, EXERCISES.map((e) => e.name).sort());
    for (const e of EXERCISES) {
      for (const ext of ['.norma', '.loesung.norma', '.md']) assert.ok(fs.existsSync(path.join(SCHULUNG, e.name + ext)), `${e.name}${ext} fehlt`);
    }
  });

  for (const ex of EXERCISES) {
    describe(ex.name, () => {
      const draft = path.join(SCHULUNG, `${ex.name}.norma`);
      const solution = path.join(SCHULUNG, `${ex.name}.loesung.norma`);
      const expected = (): Expected[] => JSON.parse(fs.readFileSync(path.join(SCHULUNG, `${ex.name}.erwartet.json`), 'utf8')) as Expected[];
      const withLaws = ex.gesetze.length ? ` (mit ${ex.gesetze.map((g) => path.basename(g)).join(', ')})` : '';

      it(`der Ausgangsentwurf zeigt genau die Befunde aus ${ex.name}.erwartet.json${withLaws}`, () => {
        const want = expected();
        assert.ok(want.length > 0);
        for (const e of want) assert.deepEqual(Object.keys(e).sort(), ['code', 'column', 'line', 'message', 'severity'], JSON.stringify(e));
        const { status, findings } = lintOwn(draft, ex.gesetze);
        assert.deepEqual(asSet(findings), asSet(want));
        assert.equal(status, count(want, 'error') > 0 ? 1 : 0);
      });

      it(`${ex.name}.md und die Modulseite nennen dieselbe Zahl von Befunden`, () => {
        const want = expected();
        const md = fs.readFileSync(path.join(SCHULUNG, `${ex.name}.md`), 'utf8');
        const m = /Erwartet werden (\d+) Befunde \(([^)]*)\)/.exec(md);
        assert.ok(m, `${ex.name}.md: kein Satz „Erwartet werden N Befunde (…)“`);
        assert.equal(Number(m[1]), want.length, `${ex.name}.md nennt ${m[1]} Befunde`);
        const parts = Object.fromEntries(
          m[2].split(',').map((p) => {
            const [n, word] = p.trim().split(/\s+/);
            return [word.replace(/en$|e$/, ''), Number(n)];
          }),
        );
        const got = { Fehler: parts.Fehler ?? 0, Warnung: parts.Warnung ?? 0, Information: parts.Information ?? 0, Hinweis: parts.Hinweis ?? 0 };
        assert.deepEqual(got, { Fehler: count(want, 'error'), Warnung: count(want, 'warning'), Information: count(want, 'info'), Hinweis: count(want, 'hint') }, `${ex.name}.md: ${m[0]}`);
        const page = fs.readFileSync(path.join(GUIDE, ex.modul), 'utf8');
        assert.ok(page.includes(`${ex.name}.md`), `${ex.modul} verlinkt ${ex.name}.md nicht`);
        assert.ok(page.includes(`${want.length} Befunde`), `${ex.modul} nennt nicht „${want.length} Befunde“ für ${ex.name}`);
      });

      it(`die Lösung zeigt keine Fehler, Warnungen oder Informationen${withLaws}`, () => {
        const { status, findings } = lintOwn(solution, ex.gesetze);
        // a Landesgesetz keeps the information that it is Landesrecht (rule landesrecht): nothing to fix
        assert.deepEqual(asSet(findings.filter((f) => f.severity !== 'hint' && f.code !== 'landesrecht')), []);
        assert.deepEqual(findings.filter((f) => f.severity === 'hint' || f.code === 'landesrecht').map((f) => f.code), ex.loesungHinweise);
        assert.equal(status, 0);
      });
    });
  }

  it('im ganzen Ordner samples/ (der Arbeitsbereich des Editors) zeigt jede Übung dieselben Befunde', function () {
    this.timeout(60_000);
    const r = norma(['lint', '--format', 'json', SAMPLES]);
    const all = JSON.parse(r.stdout) as JsonFinding[];
    for (const ex of EXERCISES) {
      const own = (file: string): Expected[] =>
        all
          .filter((f) => path.resolve(ROOT, f.file) === file)
          .map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity, code: f.code, message: f.message }));
      const want = JSON.parse(fs.readFileSync(path.join(SCHULUNG, `${ex.name}.erwartet.json`), 'utf8')) as Expected[];
      assert.deepEqual(asSet(own(path.join(SCHULUNG, `${ex.name}.norma`))), asSet(want), ex.name);
      assert.deepEqual(own(path.join(SCHULUNG, `${ex.name}.loesung.norma`)).map((f) => f.code), ex.loesungHinweise, `${ex.name}.loesung`);
    }
  });

  describe('aenderung-uhvorschg: Änderungsgesetz zum Unterhaltsvorschussgesetz', () => {
    it('norma apply wendet alle Befehle der Lösung an, im Ausgangsentwurf scheitert einer', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-schulung-apply-'));
      try {
        const ok = norma(['apply', path.join(SCHULUNG, 'aenderung-uhvorschg.loesung.norma'), UHVORSCHG, '-o', path.join(dir, 'loesung')]);
        assert.equal(ok.status, 0, ok.stderr);
        assert.match(ok.stdout, /UhVorschG: 5 von 5 Änderungsbefehl\(en\) angewandt/);
        const neu = fs.readFileSync(path.join(dir, 'loesung', 'uhvorschg.norma'), 'utf8');
        assert.match(neu, /^§ 9a Elektronisches Antragsverfahren$/m);
        assert.match(neu, /^\(2\) Die Entscheidung ist dem Antragsteller elektronisch mitzuteilen\./m);
        const bad = norma(['apply', path.join(SCHULUNG, 'aenderung-uhvorschg.norma'), UHVORSCHG, '-o', path.join(dir, 'entwurf')]);
        assert.equal(bad.status, 1);
        assert.match(bad.stdout, /UhVorschG: 4 von 5 Änderungsbefehl\(en\) angewandt/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('digitalcheck-aufwand: Erfüllungsaufwand', () => {
    it('der Ausgangsentwurf: norma kosten lässt die fehlerhaften Angaben weg (Exit-Code 1)', () => {
      const r = norma(['kosten', '--format', 'json', path.join(SCHULUNG, 'digitalcheck-aufwand.norma')]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /3 @aufwand-Angabe\(n\) mit Fehlern nicht berücksichtigt/);
    });

    it('die Lösung: die von Hand gerechneten Zahlen (Fallzahl × Zeit × Lohnsatz, data/erfuellungsaufwand.json)', () => {
      const r = norma(['kosten', '--format', 'json', path.join(SCHULUNG, 'digitalcheck-aufwand.loesung.norma')]);
      assert.equal(r.status, 0, r.stderr);
      const k = JSON.parse(r.stdout) as {
        jaehrlich: unknown;
        einmalig: unknown;
        posten: { bezeichnung: string; minuten: number; lohnsatz: number | null; ergebnis: { stunden: number; euro: number } }[];
      };
      // § 2 Bürger: 1.200.000 × (sich-vertraut-machen mittel 5 + formulare-ausfuellen mittel 6 + uebermitteln einfach 1 = 12 min) ÷ 60
      //   = 240.000 Stunden (die Zeit der Bürgerinnen und Bürger wird nicht in Euro bewertet)
      // § 3 Wirtschaft, Gesamtwirtschaft, Qualifikation mittel 37,10 €/h: 900.000 × (beschaffung-von-daten einfach 2
      //   + formulare-ausfuellen einfach 3 + daten-uebermitteln einfach 1 = 6 min) ÷ 60 = 90.000 h × 37,10 = 3.339.000 €,
      //   alles Bürokratiekosten (informationspflicht: ja)
      // § 4 Verwaltung Land, gehobener Dienst 43,20 €/h: 1.200.000 × (formelle-pruefung einfach 5 + bescheid-erstellen einfach 5
      //   = 10 min) ÷ 60 = 200.000 h × 43,20 = 8.640.000 € jährlich (125 Personenjahre)
      // § 5 Verwaltung Bund, höherer Dienst 67,60 €/h, einmalig: 1 × (2.400 h × 67,60 + 1.500.000 Sachkosten) = 1.662.240 €
      assert.deepEqual(
        k.posten.map((p) => [p.bezeichnung, p.minuten, p.lohnsatz, p.ergebnis.stunden, p.ergebnis.euro]),
        [
          ['Antrag auf Elterngeld', 12, null, 240000, 0],
          ['Entgeltbescheinigung des Arbeitgebers', 6, 37.1, 90000, 3339000],
          ['Prüfung und Bescheid', 10, 43.2, 200000, 8640000],
          ['Einrichtung des Antragsportals', 144000, 67.6, 2400, 1662240],
        ],
      );
      assert.deepEqual(k.jaehrlich, {
        buerger: { stunden: 240000, sachkosten: 0 },
        wirtschaft: { euro: 3339000, buerokratiekosten: 3339000 },
        verwaltung: { bund: 0, laender: 8640000, sozialversicherung: 0 },
      });
      assert.deepEqual(k.einmalig, {
        buerger: { stunden: 0, sachkosten: 0 },
        wirtschaft: { euro: 0, buerokratiekosten: 0 },
        verwaltung: { bund: 1662240, laender: 0, sozialversicherung: 0 },
      });
    });
  });
});

// --- the trainer's guide ----------------------------------------------------------------------------

interface Command {
  where: string;
  cmd: string;
  exit: number;
}

interface Block {
  where: string;
  commands: Command[];
  /** Lines the output must contain, in order. */
  output: string[];
}

function guideFiles(): string[] {
  const docs = fs
    .readdirSync(GUIDE)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(GUIDE, f));
  const samples = fs
    .readdirSync(SCHULUNG)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(SCHULUNG, f));
  return [...docs, ...samples];
}

const PLACEHOLDER = /<[A-Za-zÄÖÜäöü-]+>/;

/** The ```sh blocks of a page with their ```text Ausgabe; throws on a command outside the convention. */
function blocks(file: string): Block[] {
  const rel = path.relative(ROOT, file);
  const tokens = new MarkdownIt({ html: true }).parse(fs.readFileSync(file, 'utf8'), {});
  const out: Block[] = [];
  let last: Block | undefined;
  for (const t of tokens) {
    if (t.type !== 'fence') {
      if (t.type !== 'inline' && t.type !== 'paragraph_close' && t.type !== 'paragraph_open') last = undefined;
      continue;
    }
    const info = t.info.trim();
    const line = (t.map?.[0] ?? 0) + 1;
    const lines = t.content.replace(/\n$/, '').split('\n');
    if (info === 'sh') {
      const commands: Command[] = [];
      lines.forEach((l, i) => {
        const s = l.trim();
        if (!s || s.startsWith('#')) return;
        assert.ok(!/^npm (start|run start)\b/.test(s), `${rel}:${line + 1 + i}: „${s}“ startet den Browser-Editor und gehört in einen \`\`\`text-Block`);
        assert.ok(!PLACEHOLDER.test(s.replace(/#.*$/, '')), `${rel}:${line + 1 + i}: „${s}“ hat einen Platzhalter und gehört in einen \`\`\`text-Block`);
        const m = /\s#\s*Exit-Code\s+(\d+)\s*$/.exec(s);
        commands.push({ where: `${rel}:${line + 1 + i}`, cmd: m ? s.slice(0, m.index).trim() : s.replace(/\s#.*$/, ''), exit: m ? Number(m[1]) : 0 });
      });
      last = { where: `${rel}:${line}`, commands, output: [] };
      out.push(last);
    } else if (info === 'text Ausgabe') {
      assert.ok(last && last.output.length === 0, `${rel}:${line}: \`\`\`text Ausgabe steht nicht direkt nach einem \`\`\`sh-Block`);
      last.output = lines.map((l) => l.replace(/\s+$/, '')).filter((l) => l && l !== '…');
      last = undefined;
    } else if (info === 'text' || info === '') {
      for (const [i, l] of lines.entries()) {
        if (/^\s*node bin\/norma\.js\b/.test(l)) assert.ok(PLACEHOLDER.test(l), `${rel}:${line + 1 + i}: „${l.trim()}“ ist ein Befehl ohne Platzhalter und gehört in einen \`\`\`sh-Block`);
      }
      last = undefined;
    } else if (info === 'norma' || info === 'json') {
      last = undefined;
    } else {
      assert.fail(`${rel}:${line}: unbekannter Block \`\`\`${info} (sh, text Ausgabe, text, norma, json)`);
    }
  }
  return out;
}

describe('Schulung: Trainerleitfaden (docs/schulung/)', function () {
  this.timeout(120_000);

  it('README und die drei Modulseiten sind da; jedes Modul hat Lernziele, Zeitplan (etwa 90 Minuten) und Auflösung', () => {
    assert.ok(fs.existsSync(path.join(GUIDE, 'README.md')));
    const readme = fs.readFileSync(path.join(GUIDE, 'README.md'), 'utf8');
    for (const page of MODULE_PAGES) {
      assert.ok(readme.includes(`(${page})`), `README.md verlinkt ${page} nicht`);
      const text = fs.readFileSync(path.join(GUIDE, page), 'utf8');
      for (const h of ['## Lernziele', '## Zeitplan', 'Auflösung']) assert.ok(text.includes(h), `${page}: „${h}“ fehlt`);
      // the Zeitplan table: | Minuten | … |, its first column summed
      const zeitplan = text.slice(text.indexOf('## Zeitplan'));
      const rows = zeitplan.split('\n').filter((l) => /^\|\s*\d+\s*\|/.test(l));
      const sum = rows.reduce((n, l) => n + Number(/^\|\s*(\d+)/.exec(l)?.[1]), 0);
      assert.ok(sum >= 85 && sum <= 95, `${page}: Zeitplan ${sum} Minuten`);
    }
  });

  it('die genannten Befehle „Norma: …“ heißen so wie in package.nls.de.json', () => {
    const titles = new Set(Object.entries(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.de.json'), 'utf8')) as Record<string, string>).filter(([k]) => k.startsWith('command.')).map(([, v]) => `Norma: ${v}`));
    for (const file of guideFiles()) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/„(Norma: [^“]+)“/g)) assert.ok(titles.has(m[1]), `${path.relative(ROOT, file)}: „${m[1]}“ ist kein Befehl (${[...titles].join(', ')})`);
    }
  });

  it('relative Links zeigen auf vorhandene Dateien', () => {
    for (const file of guideFiles()) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(m[1])) continue;
        assert.ok(fs.existsSync(path.resolve(path.dirname(file), decodeURI(m[1]))), `${path.relative(ROOT, file)}: Link ${m[1]} zeigt ins Leere`);
      }
    }
  });

  const pages = guideFiles().map((f) => ({ file: f, blocks: blocks(f) }));
  const total = pages.reduce((n, p) => n + p.blocks.reduce((k, b) => k + b.commands.length, 0), 0);

  it(`die Leitfadenseiten enthalten Befehle (${total} insgesamt)`, () => {
    assert.ok(total >= 20, `${total}`);
    for (const p of pages.filter((x) => path.dirname(x.file) === GUIDE)) {
      if (path.basename(p.file) !== 'README.md') assert.ok(p.blocks.length > 0, `${path.relative(ROOT, p.file)}: keine \`\`\`sh-Blöcke`);
    }
  });

  for (const p of pages) {
    if (!p.blocks.length) continue;
    describe(`Befehle in ${path.relative(ROOT, p.file)}`, () => {
      let dir = '';
      before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-schulung-'));
        fs.cpSync(SAMPLES, path.join(dir, 'samples'), { recursive: true });
        fs.symlinkSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'));
      });
      after(() => {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      });
      for (const b of p.blocks) {
        it(`${b.where}: ${b.commands.map((c) => c.cmd).join(' · ')}`, () => {
          let out = '';
          for (const c of b.commands) {
            const r = spawnSync('/bin/bash', ['-c', `{ ${c.cmd} ; } 2>&1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
            out += r.stdout ?? '';
            assert.equal(r.status, c.exit, `${c.where}: „${c.cmd}“ endet mit Exit-Code ${r.status}, die Anleitung sagt ${c.exit}:\n${r.stdout}`);
          }
          const lines = out.split('\n').map((l) => l.replace(/\s+$/, ''));
          let at = 0;
          for (const want of b.output) {
            const i = lines.indexOf(want, at);
            assert.ok(i >= 0, `${b.where}: die Ausgabe enthält nicht (oder nicht in dieser Reihenfolge) „${want}“:\n${out}`);
            at = i + 1;
          }
        });
      }
    });
  }
});
