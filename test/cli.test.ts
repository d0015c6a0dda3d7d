/**
 * `norma lint` as a user runs it: `node bin/norma.js` in a folder with
 * drafts, its output in every format, --fix, exit codes and messages,
 * norma.config.json in a parent folder.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { RULES } from '../server/src/service/index';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'norma.js');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function norma(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmpDirs: string[] = [];
/** A fresh temporary folder with the given files (paths relative to it). */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-cli-'));
  tmpDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text, 'utf8');
  }
  return dir;
}
after(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

const FM = '---\ntitel: Gesetz zur Erprobung\ntyp: stammgesetz\n---\n';
const INK = 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.';

/** Five warnings, three of them with a safe fix. */
const ENTWURF = `${FM}§ 1 Anwendungsbereich\nEs gilt z. B. "dies" und §§ 1 - 3.\n§ 3 Zuständigkeit\nText.\n`;
const ENTWURF_FIXED = `${FM}§ 1 Anwendungsbereich\nEs gilt zum Beispiel „dies“ und §§ 1 bis 3.\n§ 3 Zuständigkeit\nText.\n`;
const ENTWURF_STYLISH = [
  'entwurf.norma:6:9 warning abkuerzung Abkürzung „z. B.“ im Normtext: „zum Beispiel“ ausschreiben.',
  'entwurf.norma:6:15 warning anfuehrungszeichen Gerade Anführungszeichen "…": im Normtext stehen deutsche Anführungszeichen „…“.',
  'entwurf.norma:6:26 warning bereich-strich Bereich mit Strich „§§ 1 - 3“: Bereiche werden mit „bis“ angegeben – „§§ 1 bis 3“.',
  'entwurf.norma:7:1 warning paragraph-nummerierung § 2 fehlt: auf § 1 folgt § 3. Die Paragraphen sind lückenlos zu zählen.',
  'entwurf.norma:7:1 warning inkrafttreten Keine Inkrafttretensregelung: der letzte § regelt das Inkrafttreten.',
];
const SAUBER = `${FM}§ 1 Anwendungsbereich\nDieses Gesetz gilt für alle Behörden.\n\n§ 2 Inkrafttreten\n${INK}\n`;
/** One error (a § used twice). */
const FEHLER = `${FM}§ 1 Anwendungsbereich\nText.\n\n§ 1 Zweck\nText.\n\n§ 2 Inkrafttreten\n${INK}\n`;

const STYLISH_LINE = /^(\S.*?):(\d+):(\d+) (error|warning|info|hint) ([a-z-]+) (.+)$/;

describe('norma lint (CLI)', function () {
  this.timeout(60000);

  describe('files, folders, globs', () => {
    it('a file: one line per finding `path:line:col severity code message`, then the summary', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF });
      const r = norma(dir, 'lint', 'entwurf.norma');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, [...ENTWURF_STYLISH, '', '✖ 5 Befund(e) (0 Fehler, 5 Warnung(en)) in 1 Datei(en).', '  3 davon mit --fix behebbar.', ''].join('\n'));
      for (const l of ENTWURF_STYLISH) assert.match(l, STYLISH_LINE);
    });

    it('a clean file', () => {
      const dir = folder({ 'sauber.norma': SAUBER });
      const r = norma(dir, 'lint', 'sauber.norma');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '✔ 1 Datei(en) geprüft, keine Befunde.\n');
    });

    it('a folder: every .norma file below it, sorted, other files ignored', () => {
      const dir = folder({ 'a/entwurf.norma': ENTWURF, 'a/b/c/sauber.norma': SAUBER, 'a/b/fehler.norma': FEHLER, 'a/notiz.txt': 'z. B.', 'a/node_modules/x/y.norma': ENTWURF });
      const r = norma(dir, 'lint', 'a', '--format', 'json');
      assert.equal(r.code, 1);
      const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((d) => path.relative(dir, d.file)))];
      assert.deepEqual(files, [path.join('a', 'b', 'fehler.norma'), path.join('a', 'entwurf.norma')]);
      const all = norma(dir, 'lint', 'a/');
      assert.match(all.stdout, /in 3 Datei\(en\)\.\n/);
    });

    it('the files given are one workspace: a draft citing another is checked against it', () => {
      const basis = `---\ntitel: Gesetz über die Erprobung von Meldewegen\nkurztitel: Meldewegegesetz\nabkuerzung: MeldWG\ntyp: stammgesetz\n---\n§ 1 Anwendungsbereich\n(1) Eins.\n(2) Zwei.\n\n§ 2 Inkrafttreten\n${INK}\n`;
      const entwurf = `${FM}§ 1 Anwendungsbereich\nEs gelten § 1 Absatz 2 und § 1 Absatz 3 des Meldewegegesetzes.\n\n§ 2 Inkrafttreten\n${INK}\n`;
      const dir = folder({ 'basis.norma': basis, 'entwurf.norma': entwurf });
      const both = norma(dir, 'lint', 'entwurf.norma', 'basis.norma');
      assert.equal(both.code, 1);
      assert.equal(
        both.stdout.split('\n')[0],
        'entwurf.norma:6:28 error verweis-ziel-fehlt „§ 1 Absatz 3 (MeldWG)“ gibt es nicht: § 1 hat die Absätze 1, 2.',
      );
      // alone, the Meldewegegesetz is not known: nothing to check against
      assert.equal(norma(dir, 'lint', 'entwurf.norma').code, 0);
    });

    it('a glob (expanded by norma, not by the shell) and several arguments', () => {
      const dir = folder({ 'x/entwurf.norma': ENTWURF, 'y/sauber.norma': SAUBER, 'y/z/fehler.norma': FEHLER });
      const r = norma(dir, 'lint', '**/s*.norma', 'x/*.norma');
      assert.equal(r.code, 0);
      const files = new Set(r.stdout.split('\n').filter((l) => STYLISH_LINE.test(l)).map((l) => l.split(':')[0]));
      assert.deepEqual([...files], [path.join('x', 'entwurf.norma')]);
      assert.match(r.stdout, /in 2 Datei\(en\)\./);
    });
  });

  describe('formats', () => {
    it('json: an array of {file, range, severity, code, message, source} with LSP positions', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF });
      const r = norma(dir, 'lint', 'entwurf.norma', '--format', 'json');
      assert.equal(r.code, 0);
      const out = JSON.parse(r.stdout) as Record<string, unknown>[];
      assert.equal(out.length, 5);
      for (const d of out) {
        for (const k of ['file', 'range', 'severity', 'code', 'message', 'source']) assert.ok(k in d, k);
        assert.equal(d.file, path.join(fs.realpathSync(dir), 'entwurf.norma'));
      }
      assert.deepEqual(out[0], {
        file: out[0].file,
        range: { start: { line: 5, character: 8 }, end: { line: 5, character: 13 } },
        severity: 'warning',
        code: 'abkuerzung',
        message: 'Abkürzung „z. B.“ im Normtext: „zum Beispiel“ ausschreiben.',
        source: 'H6 · HdR4 Teil B III 6 (Rn. 326 f.), Teil C 2',
        fix: [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 13 } }, newText: 'zum Beispiel' }],
      });
      assert.deepEqual(
        out.map((d) => [d.code, d.severity]),
        [
          ['abkuerzung', 'warning'],
          ['anfuehrungszeichen', 'warning'],
          ['bereich-strich', 'warning'],
          ['paragraph-nummerierung', 'warning'],
          ['inkrafttreten', 'warning'],
        ],
      );
    });

    it('json with no findings is an empty array', () => {
      const dir = folder({ 'sauber.norma': SAUBER });
      assert.equal(norma(dir, 'lint', 'sauber.norma', '-f', 'json').stdout, '[]\n');
    });

    it('github: workflow commands with 1-based positions, levels by severity and escaped values', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF, 'fehler.norma': FEHLER });
      const r = norma(dir, 'lint', 'entwurf.norma', 'fehler.norma', '--format', 'github');
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 6);
      assert.equal(
        lines[0],
        '::warning file=entwurf.norma,line=6,col=9,endLine=6,endColumn=14,title=Norma abkuerzung::Abkürzung „z. B.“ im Normtext: „zum Beispiel“ ausschreiben. [H6 · HdR4 Teil B III 6 (Rn. 326 f.), Teil C 2]',
      );
      assert.equal(lines[5], '::error file=fehler.norma,line=8,col=1,endLine=8,endColumn=4,title=Norma paragraph-nummerierung::§ 1 ist doppelt vergeben (zuerst in Zeile 5). [H4 · HdR4 Teil C 4.2]');
      for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=Norma [a-z-]+::.+$/);
    });

    it('github: "," and ":" in properties, "%" and line breaks in the message are escaped', () => {
      const dir = folder({
        'v1,neu:b.norma': ENTWURF,
        'norma.config.json': '{ "rules": { "50%\\nmehr": "off" } }',
      });
      const r = norma(dir, 'lint', 'v1,neu:b.norma', '-f', 'github');
      const lines = r.stdout.trimEnd().split('\n');
      assert.ok(lines[0].startsWith('::warning file=v1%2Cneu%3Ab.norma,line=6,col=9,'), lines[0]);
      const cfg = lines.find((l) => l.includes('title=Norma config'));
      assert.ok(cfg, r.stdout);
      assert.ok(cfg.startsWith('::error file=norma.config.json,line=1,col=14,'), cfg);
      assert.ok(cfg.includes('::Unbekannte Regel „50%25%0Amehr“'), cfg);
      assert.equal(lines.length, 6);
    });

    describe('sarif', () => {
      const dir = (): string => folder({ 'entwurf.norma': ENTWURF, 'sub/fehler.norma': FEHLER });
      function sarifRun(): { log: Sarif; json: JsonDiag[] } {
        const d = dir();
        const r = norma(d, 'lint', 'entwurf.norma', 'sub/fehler.norma', '--format', 'sarif');
        assert.equal(r.code, 1, r.stderr);
        const j = norma(d, 'lint', 'entwurf.norma', 'sub/fehler.norma', '--format', 'json');
        return { log: JSON.parse(r.stdout) as Sarif, json: JSON.parse(j.stdout) as JsonDiag[] };
      }

      it('has the required structure of SARIF 2.1.0: version, one run, the tool with all rules and their metadata', () => {
        const { log } = sarifRun();
        assert.equal(log.version, '2.1.0');
        assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
        assert.equal(log.runs.length, 1);
        const driver = log.runs[0].tool.driver;
        assert.equal(driver.name, 'Norma');
        assert.equal(driver.version, VERSION);
        assert.deepEqual(
          driver.rules.map((r) => r.id),
          RULES.map((r) => r.id),
        );
        for (const [i, rule] of driver.rules.entries()) {
          const meta = RULES[i];
          assert.equal(rule.shortDescription.text, meta.description.de);
          assert.ok(rule.fullDescription.text.includes(meta.source));
          assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[meta.defaultSeverity]);
          assert.equal(rule.properties.hdr, meta.hdr ?? null);
          assert.equal(rule.properties.fixable, meta.fixable);
        }
      });

      it('results: ruleId and a consistent ruleIndex, levels, 1-based regions equal to the LSP ranges + 1, fixes', () => {
        const { log, json } = sarifRun();
        const run = log.runs[0];
        assert.equal(run.columnKind, 'utf16CodeUnits');
        assert.ok(run.originalUriBaseIds.SRCROOT.uri.startsWith('file://'));
        assert.ok(run.originalUriBaseIds.SRCROOT.uri.endsWith('/'));
        assert.equal(run.results.length, json.length);
        assert.equal(run.results.length, 6);
        const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
        run.results.forEach((res, i) => {
          const j = json[i];
          assert.equal(res.ruleId, j.code);
          assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
          assert.equal(res.level, LEVEL[j.severity]);
          assert.equal(res.message.text, j.message);
          const loc = res.locations[0].physicalLocation;
          assert.equal(loc.artifactLocation.uriBaseId, 'SRCROOT');
          assert.deepEqual(loc.region, {
            startLine: j.range.start.line + 1,
            startColumn: j.range.start.character + 1,
            endLine: j.range.end.line + 1,
            endColumn: j.range.end.character + 1,
          });
          if (j.fix) {
            const change = res.fixes?.[0].artifactChanges[0];
            assert.ok(change);
            assert.deepEqual(change.artifactLocation, loc.artifactLocation);
            assert.deepEqual(
              change.replacements.map((x) => [x.deletedRegion.startLine, x.deletedRegion.startColumn, x.deletedRegion.endLine, x.deletedRegion.endColumn, x.insertedContent.text]),
              j.fix.map((e) => [e.range.start.line + 1, e.range.start.character + 1, e.range.end.line + 1, e.range.end.character + 1, e.newText]),
            );
          } else assert.equal(res.fixes, undefined);
        });
        assert.deepEqual(
          run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri),
          ['entwurf.norma', 'entwurf.norma', 'entwurf.norma', 'entwurf.norma', 'entwurf.norma', 'sub/fehler.norma'],
        );
        assert.equal(run.results[5].level, 'error');
      });

      it('validates against the SARIF 2.1.0 JSON schema (from the npm package @microsoft/jest-sarif)', () => {
        // the official schema ships in the devDependency @microsoft/jest-sarif (lib/schemas/sarif-2.1.0-rtm.5.json)
        const schema = loadSarifSchema();
        assert.ok(schema, 'SARIF schema not found: is @microsoft/jest-sarif installed (npm ci)?');
        const { log } = sarifRun();
        // zod reads "uri-reference" as an absolute URL; relative references are checked here instead
        const uris: string[] = [];
        const strip = (o: unknown): void => {
          if (!o || typeof o !== 'object') return;
          const rec = o as Record<string, unknown>;
          if (rec.format === 'uri-reference') delete rec.format;
          for (const v of Object.values(rec)) strip(v);
        };
        strip(schema);
        const result = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(log);
        assert.ok(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 5), null, 2));
        for (const r of log.runs[0].results) uris.push(r.locations[0].physicalLocation.artifactLocation.uri);
        for (const u of uris) assert.doesNotThrow(() => new URL(u, log.runs[0].originalUriBaseIds.SRCROOT.uri));
        // the validator does reject what it should
        const bad = JSON.parse(JSON.stringify(log)) as Sarif;
        bad.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
        assert.equal(z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(bad).success, false);
      });

      it('messages and rule descriptions in English with --locale en', () => {
        const d = dir();
        const log = JSON.parse(norma(d, 'lint', 'entwurf.norma', '-f', 'sarif', '--locale', 'en').stdout) as Sarif;
        assert.equal(log.runs[0].tool.driver.rules.find((r) => r.id === 'abkuerzung')?.shortDescription.text, 'No abbreviations in the rule text');
        assert.equal(log.runs[0].results[0].message.text, 'Abbreviation "z. B." in the rule text: write "zum Beispiel".');
        assert.equal(log.runs[0].results[0].fixes?.[0].description.text, 'Safe fix by Norma');
      });
    });

    it('an unknown format is a usage error', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF });
      const r = norma(dir, 'lint', 'entwurf.norma', '--format', 'xml');
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'norma: Unbekanntes Format „xml“. Formate: stylish, json, sarif, github\n');
    });
  });

  describe('--fix', () => {
    it('rewrites the file with the safe fixes only, reports what is left, and is idempotent', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF });
      const r = norma(dir, 'lint', 'entwurf.norma', '--fix');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'entwurf.norma'), 'utf8'), ENTWURF_FIXED);
      assert.equal(
        r.stdout,
        [ENTWURF_STYLISH[3], ENTWURF_STYLISH[4], '', '✖ 2 Befund(e) (0 Fehler, 2 Warnung(en)) in 1 Datei(en).', '  3 Korrektur(en) angewendet.', ''].join('\n'),
      );
      const again = norma(dir, 'lint', 'entwurf.norma', '--fix');
      assert.equal(again.code, 0);
      assert.equal(fs.readFileSync(path.join(dir, 'entwurf.norma'), 'utf8'), ENTWURF_FIXED);
      assert.equal(again.stdout, [ENTWURF_STYLISH[3], ENTWURF_STYLISH[4], '', '✖ 2 Befund(e) (0 Fehler, 2 Warnung(en)) in 1 Datei(en).', ''].join('\n'));
    });

    it('fixes that overlap are applied over several passes (abbreviation inside a dash range)', () => {
      const body = (line: string): string => `${FM}§ 1 Anwendungsbereich\n(1) Es gilt:\n  1. eins,\n  2. zwei.\n(2) Weiter.\n(3) ${line}\n\n§ 2 Inkrafttreten\n${INK}\n`;
      const dir = folder({ 'entwurf.norma': body('Es gelten Abs. 1-2 und Abs. 1 Nr. 1 - 2 sowie Nr. 1 bis 2.') });
      const r = norma(dir, 'lint', 'entwurf.norma', '--fix');
      assert.equal(r.code, 0, r.stdout);
      assert.equal(fs.readFileSync(path.join(dir, 'entwurf.norma'), 'utf8'), body('Es gelten Absätze 1 bis 2 und Absatz 1 Nummern 1 bis 2 sowie Nummer 1 bis 2.'));
      assert.equal(r.stdout, '✔ 1 Datei(en) geprüft, keine Befunde.\n  6 Korrektur(en) angewendet.\n');
    });

    it('keeps CRLF line breaks and a byte order mark (which is no part of the draft)', () => {
      const crlf = ENTWURF.replace(/\n/g, '\r\n');
      const dir = folder({ 'crlf.norma': crlf, 'bom.norma': `\ufeff${ENTWURF}` });
      const r = norma(dir, 'lint', 'crlf.norma', 'bom.norma', '--fix');
      assert.equal(r.code, 0);
      assert.equal(fs.readFileSync(path.join(dir, 'crlf.norma'), 'utf8'), ENTWURF_FIXED.replace(/\n/g, '\r\n'));
      assert.equal(fs.readFileSync(path.join(dir, 'bom.norma'), 'utf8'), `\ufeff${ENTWURF_FIXED}`);
      // the front matter after the BOM is read as such: no vorspann-fehlt, positions as without the BOM
      assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('bom.norma:')).join('\n'), [ENTWURF_STYLISH[3], ENTWURF_STYLISH[4]].map((l) => l.replace('entwurf.norma', 'bom.norma')).join('\n'));
    });

    it('leaves files without fixes and suggestions (front matter, Inkrafttreten) untouched', () => {
      const text = '§ 1 Anwendungsbereich\nText.\n';
      const dir = folder({ 'ohne.norma': text });
      const before = fs.statSync(path.join(dir, 'ohne.norma')).mtimeMs;
      const r = norma(dir, 'lint', 'ohne.norma', '--fix');
      assert.equal(r.code, 0);
      assert.equal(fs.readFileSync(path.join(dir, 'ohne.norma'), 'utf8'), text);
      assert.equal(fs.statSync(path.join(dir, 'ohne.norma')).mtimeMs, before);
      assert.ok(!r.stdout.includes('angewendet'), r.stdout);
    });

    it('never touches norma.config.json, and does not count its fixes as fixable', () => {
      const config = '{ "rules": { "abkurzung": "off" } }';
      const dir = folder({ 'norma.config.json': config, 'sauber.norma': SAUBER });
      const r = norma(dir, 'lint', 'sauber.norma');
      assert.equal(r.stdout, ['norma.config.json:1:14 error config Unbekannte Regel „abkurzung“ – meinten Sie „abkuerzung“?', '', '✖ 1 Befund(e) (1 Fehler, 0 Warnung(en)) in 2 Datei(en).', ''].join('\n'));
      norma(dir, 'lint', 'sauber.norma', '--fix');
      assert.equal(fs.readFileSync(path.join(dir, 'norma.config.json'), 'utf8'), config);
    });
  });

  describe('exit codes', () => {
    it('0 for a clean file and for warnings only, 1 for errors', () => {
      const dir = folder({ 'sauber.norma': SAUBER, 'entwurf.norma': ENTWURF, 'fehler.norma': FEHLER });
      assert.equal(norma(dir, 'lint', 'sauber.norma').code, 0);
      assert.equal(norma(dir, 'lint', 'entwurf.norma').code, 0);
      const r = norma(dir, 'lint', 'fehler.norma');
      assert.equal(r.code, 1);
      assert.equal(r.stdout.split('\n')[0], 'fehler.norma:8:1 error paragraph-nummerierung § 1 ist doppelt vergeben (zuerst in Zeile 5).');
      assert.equal(norma(dir, 'lint', 'sauber.norma', 'fehler.norma').code, 1);
    });

    it('--max-warnings: 1 when there are more warnings than allowed, with a message on stderr', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF });
      const ok = norma(dir, 'lint', 'entwurf.norma', '--max-warnings', '5');
      assert.equal(ok.code, 0);
      assert.equal(ok.stderr, '');
      const over = norma(dir, 'lint', 'entwurf.norma', '--max-warnings', '4');
      assert.equal(over.code, 1);
      assert.equal(over.stderr, 'norma: 5 Warnungen, erlaubt sind höchstens 4 (--max-warnings).\n');
      assert.equal(norma(dir, 'lint', 'entwurf.norma', '--max-warnings', '0', '-f', 'json').code, 1);
      const bad = norma(dir, 'lint', 'entwurf.norma', '--max-warnings', 'viele');
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr, 'norma: --max-warnings erwartet eine ganze Zahl ≥ 0, nicht „viele“\n');
    });

    const usage: [string, string[], Record<string, string>, string][] = [
      ['an unknown option', ['lint', 'entwurf.norma', '--bogus'], { 'entwurf.norma': ENTWURF }, 'norma: Unbekannte Option „--bogus“. Optionen: --format, --fix, --max-warnings, --locale, -o/--output, -q/--quiet. Hilfe: norma --help\n'],
      ['an option without its value', ['lint', 'entwurf.norma', '--format'], { 'entwurf.norma': ENTWURF }, 'norma: Option „--format“ erwartet einen Wert.\n'],
      ['a missing file', ['lint', 'fehlt.norma'], {}, 'norma: Datei oder Ordner nicht gefunden: fehlt.norma\n'],
      ['a glob that matches nothing', ['lint', 'entwuerfe/**/*.norma'], { 'x.txt': '' }, 'norma: Keine Datei passt zu „entwuerfe/**/*.norma“\n'],
      ['a folder without drafts', ['lint', 'leer'], { 'leer/notiz.txt': '' }, 'norma: Keine .norma-Dateien in leer\n'],
      ['no file at all', ['lint'], {}, 'norma: Keine Dateien angegeben. Beispiel: norma lint entwuerfe/\n'],
      ['a bad locale', ['lint', 'entwurf.norma', '--locale', 'fr'], { 'entwurf.norma': ENTWURF }, 'norma: --locale erwartet de oder en, nicht „fr“\n'],
      ['an unknown option of norma refs', ['refs', 'entwurf.norma', '--bogus'], { 'entwurf.norma': ENTWURF }, 'norma: refs: Unbekannte Option „--bogus“. Optionen: --format, --status, -o/--output. Hilfe: norma --help\n'],
      ['a switch given a value', ['apply', 'entwurf.norma', '--help=ja'], { 'entwurf.norma': ENTWURF }, 'norma: apply: Option „--help“ nimmt keinen Wert an.\n'],
      ['an unknown command', ['pruefe', 'entwurf.norma'], {}, 'norma: Unbekannter Befehl „pruefe“. Befehle: lint, import, kosten, refs, export, apply, synopse. Hilfe: norma --help\n'],
    ];
    for (const [what, args, files, message] of usage) {
      it(`2 for ${what}, with a German message on stderr and nothing on stdout`, () => {
        const r = norma(folder(files), ...args);
        assert.equal(r.code, 2);
        assert.equal(r.stderr, message);
        assert.equal(r.stdout, '');
      });
    }
  });

  describe('--locale, configuration, output file', () => {
    it('--locale en: English messages and summary', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF });
      const r = norma(dir, 'lint', 'entwurf.norma', '--locale', 'en');
      assert.equal(r.code, 0);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], 'entwurf.norma:6:9 warning abkuerzung Abbreviation "z. B." in the rule text: write "zum Beispiel".');
      assert.equal(lines[3], 'entwurf.norma:7:1 warning paragraph-nummerierung § 2 is missing: § 1 is followed by § 3. Number the provisions without gaps.');
      assert.equal(lines[6], '✖ 5 finding(s) (0 error(s), 5 warning(s)) in 1 file(s).');
      assert.equal(lines[7], '  3 fixable with --fix.');
    });

    it('a norma.config.json in a parent folder is applied; its errors are reported with its path and line', () => {
      const config = ['{', '  "rules": {', '    "H6": "off",', '    "bereich-strich": "fehler",', '    "abkurzung": "aus",', '    "H16": "laut"', '  }', '}', ''].join('\n');
      const dir = folder({ 'norma.config.json': config, 'projekt/entwuerfe/entwurf.norma': ENTWURF });
      const cwd = path.join(dir, 'projekt');
      const r = norma(cwd, 'lint', 'entwuerfe');
      assert.equal(r.code, 1);
      const cfgPath = path.join('..', 'norma.config.json');
      assert.equal(
        r.stdout,
        [
          `${path.join('entwuerfe', 'entwurf.norma')}:6:15 warning anfuehrungszeichen Gerade Anführungszeichen "…": im Normtext stehen deutsche Anführungszeichen „…“.`,
          `${path.join('entwuerfe', 'entwurf.norma')}:6:26 error bereich-strich Bereich mit Strich „§§ 1 - 3“: Bereiche werden mit „bis“ angegeben – „§§ 1 bis 3“.`,
          `${path.join('entwuerfe', 'entwurf.norma')}:7:1 warning paragraph-nummerierung § 2 fehlt: auf § 1 folgt § 3. Die Paragraphen sind lückenlos zu zählen.`,
          `${path.join('entwuerfe', 'entwurf.norma')}:7:1 warning inkrafttreten Keine Inkrafttretensregelung: der letzte § regelt das Inkrafttreten.`,
          `${cfgPath}:5:5 error config Unbekannte Regel „abkurzung“ – meinten Sie „abkuerzung“?`,
          `${cfgPath}:6:12 error config Ungültiger Wert "laut" für „rules.H16“. Erlaubt: off, aus, error, fehler, warning, warn, warnung, info, information, hint, hinweis.`,
          '',
          '✖ 6 Befund(e) (3 Fehler, 3 Warnung(en)) in 2 Datei(en).',
          '  2 davon mit --fix behebbar.',
          '',
        ].join('\n'),
      );
      const json = JSON.parse(norma(cwd, 'lint', 'entwuerfe', '-f', 'json').stdout) as JsonDiag[];
      const cfg = json.filter((d) => d.code === 'config');
      assert.deepEqual(
        cfg.map((d) => [d.file, d.range.start.line, d.range.start.character]),
        [
          [path.join(fs.realpathSync(dir), 'norma.config.json'), 4, 4],
          [path.join(fs.realpathSync(dir), 'norma.config.json'), 5, 11],
        ],
      );
    });

    it('"locale": "en" in the config switches the messages to English', () => {
      const dir = folder({ 'norma.config.json': '{ "locale": "en" }', 'entwurf.norma': ENTWURF });
      const r = norma(dir, 'lint', 'entwurf.norma');
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], 'entwurf.norma:6:9 warning abkuerzung Abbreviation "z. B." in the rule text: write "zum Beispiel".');
      assert.equal(lines[6], '✖ 5 finding(s) (0 error(s), 5 warning(s)) in 1 file(s).');
      // --locale wins over the config
      assert.equal(norma(dir, 'lint', 'entwurf.norma', '--locale', 'de').stdout.split('\n')[6], '✖ 5 Befund(e) (0 Fehler, 5 Warnung(en)) in 1 Datei(en).');
    });

    it('-o writes the report to a file (folders are created), stdout stays empty', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF });
      const r = norma(dir, 'lint', 'entwurf.norma', '-o', 'berichte/lint.json', '--format', 'json');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      const out = JSON.parse(fs.readFileSync(path.join(dir, 'berichte', 'lint.json'), 'utf8')) as JsonDiag[];
      assert.equal(out.length, 5);
      const s = norma(dir, 'lint', 'entwurf.norma', '--output', 'stylish.txt');
      assert.equal(s.stdout, '');
      assert.equal(fs.readFileSync(path.join(dir, 'stylish.txt'), 'utf8').split('\n')[0], ENTWURF_STYLISH[0]);
    });

    it('-q shows errors only', () => {
      const dir = folder({ 'entwurf.norma': ENTWURF, 'fehler.norma': FEHLER });
      const r = norma(dir, 'lint', 'entwurf.norma', 'fehler.norma', '-q');
      assert.equal(r.code, 1);
      assert.deepEqual(
        r.stdout.split('\n').filter((l) => STYLISH_LINE.test(l)),
        ['fehler.norma:8:1 error paragraph-nummerierung § 1 ist doppelt vergeben (zuerst in Zeile 5).'],
      );
    });
  });

  describe('help and version', () => {
    it('--help prints the usage and exits 0', () => {
      for (const arg of ['--help', '-h', 'help']) {
        const r = norma(os.tmpdir(), arg);
        assert.equal(r.code, 0);
        assert.match(r.stdout, /^Norma – Gesetzentwürfe prüfen, importieren und exportieren\n/);
        assert.match(r.stdout, /norma lint <Dateien\|Ordner\|Muster…> \[Optionen\]/);
        assert.match(r.stdout, /--max-warnings <N>/);
        assert.match(r.stdout, /Exit-Codes: 0 keine Fehler, 1 Befunde, 2 Aufruf- oder Dateifehler\./);
      }
    });
    it('no command prints the usage and exits 2', () => {
      const r = norma(os.tmpdir());
      assert.equal(r.code, 2);
      assert.match(r.stdout, /^Norma – /);
    });
    it('--version prints the version of package.json', () => {
      const r = norma(os.tmpdir(), '--version');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${VERSION}\n`);
    });
  });
});

// --- SARIF and JSON shapes used above -----------------------------------------------------------------

interface JsonDiag {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
  source: string;
  fix?: { range: JsonDiag['range']; newText: string }[];
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface Sarif {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          defaultConfiguration: { level: string };
          properties: { hdr: string | null; fixable: boolean };
        }[];
      };
    };
    originalUriBaseIds: { SRCROOT: { uri: string } };
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
      fixes?: {
        description: { text: string };
        artifactChanges: { artifactLocation: { uri: string; uriBaseId?: string }; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[];
      }[];
    }[];
  }[];
}

/** The SARIF 2.1.0 schema from the npm package @microsoft/jest-sarif, or a file named by NORMA_SARIF_SCHEMA. */
function loadSarifSchema(): Record<string, unknown> | undefined {
  const candidates: string[] = [];
  if (process.env.NORMA_SARIF_SCHEMA) candidates.push(process.env.NORMA_SARIF_SCHEMA);
  try {
    candidates.push(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
  } catch {
    // not installed
  }
  for (const c of candidates) if (fs.existsSync(c)) return JSON.parse(fs.readFileSync(c, 'utf8')) as Record<string, unknown>;
  return undefined;
}
