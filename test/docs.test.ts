/**
 * The documentation is checked against the code: every example in
 * docs/language.md, docs/rules.md and docs/cli.md is run through the built
 * language service or the CLI, and its output compared with the output the
 * document prints. A change of the code that changes what a user sees fails
 * here until the document says so; the failure shows the actual output,
 * ready to be pasted into the fence.
 *
 * language.md and rules.md. For every ```norma fence the fences that follow
 * it, up to the next ```norma fence, are compared:
 *   ```text diagnostics [ids…]  every diagnostic at German locale, as
 *                               `line:col severity rule message`; an indented
 *                               `fix → …` line is the changed line after the
 *                               safe fix, `suggestion: …` the title of a
 *                               suggestion. With rule ids: only those rules.
 *   ```text units               the unit tree: kind, label, „title“, eId,
 *                               text/table lines (counted from 1 within the
 *                               example), annotations, `repealed`
 *   ```text saetze              the Sätze of every unit with own text
 * A ```norma fence without a diagnostics fence (that covers `syntax`) must
 * have no syntax error. A ```json norma.config.json fence is a config file:
 * compared with the ```text diagnostics fence right after it, or else it
 * must have no findings; a later ```norma config fence is checked with it in
 * effect. In rules.md every rule has a "## <id>" section whose fact table
 * (HdR rule, source, default severity, fixable, applies to) matches the
 * rule's metadata, and a row in "Rules at a glance". The ```ohm fence of
 * language.md is the grammar source, verbatim.
 *
 * cli.md. A fence whose info string is `<lang> <file name>` (```norma
 * entwurf.norma) is a file of a scratch folder. A ```console fence holds
 * commands (`$ …`), each followed by its expected output (stdout and stderr
 * together). Before each console fence the folder is recreated from the file
 * fences seen so far; the commands of a fence run in order, in bash, with
 * `norma` standing for `node bin/norma.js` and NO_COLOR=1. The scratch
 * folder's real path is printed as /tmp/norma-cli-demo, as in the document.
 * Commands that use jq are skipped (and reported as pending) where jq is not
 * installed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { applyEdits, createLanguageService, knownCodes, RULE_BY_ID, RULES, type NormaDiagnostic } from '../server/src/service/index';
import { parseConfig } from '../server/src/service/config/config';
import { grammarSource } from '../server/src/service/parser/grammar';
import type { DocumentContext, DocumentModel } from '../server/src/service/model/document-model';
import type { Unit } from '../server/src/service/model/types';
import type { Rule } from '../server/src/service/rules/rule';

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');
const BIN = path.join(ROOT, 'bin', 'norma.js');
/** The folder name the console examples of cli.md print. */
const DEMO_SHOWN = '/tmp/norma-cli-demo';
const SEV = ['', 'error', 'warning', 'info', 'hint'];

type Token = MarkdownIt.Token;

function parseMarkdown(file: string): { src: string; tokens: Token[] } {
  const src = fs.readFileSync(path.join(DOCS, file), 'utf8');
  return { src, tokens: new MarkdownIt({ html: true }).parse(src, {}) };
}

/** The fence's content as lines, without the final line break. */
function fenceLines(t: Token): string[] {
  return t.content.replace(/\n$/, '').split('\n');
}

/** Lines compared as the document shows them: trailing blanks and a last empty line do not count. */
function normalise(lines: string[]): string {
  const out = lines.map((l) => l.replace(/\s+$/, ''));
  if (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

function compare(where: string, what: string, expected: string[], actual: string[]): void {
  assert.equal(normalise(actual), normalise(expected), `${where}: ${what} differ from the document`);
}

// --- what the document shows, computed from the service -------------------------------------

function fixedLines(text: string, edits: { range: { start: { line: number }; end: { line: number } }; newText: string }[]): string {
  const r = applyEdits(text, edits as Parameters<typeof applyEdits>[1]);
  const minLine = Math.min(...edits.map((e) => e.range.start.line));
  const maxLine = Math.max(...edits.map((e) => e.range.end.line));
  const added = edits.reduce((n, e) => n + (e.newText.split('\n').length - 1) - (e.range.end.line - e.range.start.line), 0);
  return r.text
    .split('\n')
    .slice(minLine, maxLine + added + 1)
    .map((l) => l.replace(/\r$/, ''))
    .join(' ⏎ ');
}

function fmtDiagnostics(diags: readonly NormaDiagnostic[], text: string): string[] {
  if (!diags.length) return ['(none)'];
  const out: string[] = [];
  for (const d of diags) {
    out.push(`${d.range.start.line + 1}:${d.range.start.character + 1} ${SEV[d.severity]} ${d.code} ${d.message}`);
    if (d.data?.fix?.length) out.push(`    fix → ${fixedLines(text, d.data.fix)}`);
    for (const s of d.data?.suggestions ?? []) out.push(`    suggestion: ${s.title}`);
  }
  return out;
}

function depth(u: Unit): number {
  let d = 0;
  for (let p = u.parent; p && p.kind !== 'dokument'; p = p.parent) d++;
  return d;
}

function fmtUnits(model: DocumentModel): string[] {
  const out: string[] = [];
  for (const u of model.units()) {
    if (u.kind === 'eingangsformel' && u.implicit && u.parts.length === 0 && u.annotations.length === 0) continue;
    const b = u.block.startLine;
    let s = `${'  '.repeat(depth(u))}${u.kind} ${u.implicit ? '(implicit)' : u.label}`;
    if (u.title !== undefined) s += ` „${u.title}“`;
    s += `  ${u.eId || '(no eId)'}`;
    const bits: string[] = [];
    for (const p of u.parts) {
      if (p.type === 'text') bits.push(p.text.endLine > p.text.line ? `L${b + p.text.line + 1}–${b + p.text.endLine + 1}` : `L${b + p.text.line + 1}`);
      else if (p.type === 'table') bits.push(p.table.endLine > p.table.line ? `table L${b + p.table.line + 1}–${b + p.table.endLine + 1}` : `table L${b + p.table.line + 1}`);
    }
    if (bits.length) s += (bits[0].startsWith('table') ? '  ' : '  text ') + bits.join(', ');
    if (u.toc) s += `  entries ${u.toc.map((t) => `L${b + t.line + 1}`).join(', ')}`;
    for (const a of u.annotations) s += `  @${a.name} L${b + a.line + 1}${a.entries.length ? ` (${a.entries.map((e) => e.key).join(', ')})` : ''}`;
    if (u.repealed) s += '  repealed';
    out.push(s);
  }
  return out.length ? out : ['(none)'];
}

function fmtSaetze(model: DocumentModel, text: string): string[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: string[] = [];
  for (const u of model.units()) {
    const b = u.block.startLine;
    const name = u.address || (u.implicit ? u.kind : u.label) || u.kind;
    for (const s of u.saetze) {
      const sl = lines[b + s.start.line];
      let t: string;
      if (s.start.line === s.end.line) t = sl.slice(s.start.character, s.end.character);
      else {
        const el = lines[b + s.end.line];
        t = `${sl.slice(s.start.character)} … ${el.slice(el.length - el.trimStart().length, s.end.character)}`;
      }
      out.push(`${name} Satz ${s.num}: ${t}`);
    }
  }
  return out.length ? out : ['(none)'];
}

interface Analysis {
  text: string;
  model: DocumentModel;
  diags: NormaDiagnostic[];
}

/** A ```norma example, analysed on first use (with the config of the document's last config fence if `config`). */
function analysis(text: string, configText: string | undefined): () => Analysis {
  let a: Analysis | undefined;
  return () => {
    if (a) return a;
    const ls =
      configText === undefined
        ? createLanguageService()
        : createLanguageService({
            fileSystem: {
              readFile: (p) => (p === '/ex/norma.config.json' ? configText : undefined),
              dirname: (p) => path.posix.dirname(p),
              join: (d, n) => path.posix.join(d, n),
            },
          });
    const uri = configText === undefined ? 'file:///beispiel.norma' : 'file:///ex/beispiel.norma';
    ls.open(uri, text);
    a = { text, model: ls.getModel(uri), diags: ls.getDiagnostics(uri, 'de') };
    return a;
  };
}

function configDiagnostics(text: string): NormaDiagnostic[] {
  const cfg = parseConfig('/ex/norma.config.json', text, knownCodes());
  return createLanguageService().configDiagnostics(cfg, 'de');
}

// --- rule metadata as rules.md words it -----------------------------------------------------------

function contexts(): Record<string, DocumentContext> {
  const base = { ebene: 'bund', land: undefined, abkuerzung: undefined, kurztitel: undefined, titel: 'T', hasFrontMatter: true } as const;
  return {
    'entwurf/stammgesetz': { ...base, typ: 'stammgesetz', fassung: 'entwurf' },
    'entwurf/verordnung': { ...base, typ: 'verordnung', fassung: 'entwurf' },
    'entwurf/aenderungsgesetz': { ...base, typ: 'aenderungsgesetz', fassung: 'entwurf' },
    'verkuendet/stammgesetz': { ...base, typ: 'stammgesetz', fassung: 'verkuendet' },
    'konsolidiert/stammgesetz': { ...base, typ: 'stammgesetz', fassung: 'konsolidiert' },
  };
}

/** "all documents", "drafts only", … : which documents a rule applies to, in the words of the fact tables. */
function appliesPhrase(rule: Rule): string {
  if (!rule.appliesTo) return 'all documents';
  const c = contexts();
  const yes = Object.keys(c).filter((k) => rule.appliesTo?.(c[k]));
  if (yes.join() === 'entwurf/stammgesetz,entwurf/verordnung,entwurf/aenderungsgesetz') return 'drafts only';
  if (yes.join() === 'entwurf/stammgesetz,entwurf/verordnung') return 'drafts of a Stammgesetz or a Verordnung only';
  return `UNKNOWN:${yes.join()}`;
}

function factProblems(rule: Rule, rows: Map<string, string>): string[] {
  const want: Record<string, string> = {
    'HdR rule': rule.hdr ?? '–',
    Source: rule.source,
    'Default severity': rule.defaultSeverity,
    Fixable: rule.fixable ? 'yes' : 'no',
    'Applies to': appliesPhrase(rule),
  };
  const problems: string[] = [];
  for (const [k, v] of Object.entries(want)) {
    const got = rows.get(k);
    if (got === undefined) {
      problems.push(`fact row "${k}" is missing`);
      continue;
    }
    const g = got.replace(/`/g, '');
    const ok = k === 'Source' ? g === v : k === 'HdR rule' ? g.split(/[ (]/)[0] === v : g.startsWith(v);
    if (!ok) problems.push(`"${k}" is "${got}", the code says "${v}"`);
  }
  return problems;
}

function rowCells(tokens: Token[], i: number): string[] {
  const cells: string[] = [];
  for (let j = i + 1; tokens[j].type !== 'tr_close'; j++) if (tokens[j].type === 'inline') cells.push(tokens[j].content);
  return cells;
}

// --- checks of language.md and rules.md -------------------------------------------------------------

interface Check {
  title: string;
  run: () => void;
}

/** A short label for an example: its first line after the front matter. */
function label(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  if (lines[0] === '---') {
    i = 1;
    while (i < lines.length && lines[i] !== '---') i++;
    i++;
  }
  while (i < lines.length && lines[i].trim() === '') i++;
  const l = (lines[i] ?? '').trim();
  return l.length > 50 ? `${l.slice(0, 49)}…` : l;
}

const TEXT_FENCES = new Set(['diagnostics', 'units', 'saetze']);

function exampleChecks(file: string): Check[] {
  const { tokens } = parseMarkdown(file);
  const isRules = file === 'rules.md';
  const checks: Check[] = [];
  const add = (line: number, title: string, run: () => void): void => {
    checks.push({ title: `${file}:${line + 1} ${title}`, run });
  };
  let current: { line: number; label: string; get: () => Analysis; syntaxChecked: boolean } | undefined;
  /** A config example whose diagnostics fence comes next. */
  let pendingConfig: string | undefined;
  let config: string | undefined;
  let section: { id: string; line: number; rows: Map<string, string> } | undefined;
  const seenSections = new Set<string>();
  const glanceRows = new Set<string>();

  const finishNorma = (): void => {
    if (current && !current.syntaxChecked) {
      const c = current;
      add(c.line, `no syntax error — ${c.label}`, () => {
        const { diags, text } = c.get();
        const syn = diags.filter((d) => d.code === 'syntax');
        assert.deepEqual(fmtDiagnostics(syn, text), ['(none)'], `${file}:${c.line + 1}: the example has syntax errors but no diagnostics fence shows them`);
      });
    }
    current = undefined;
  };
  const finishSection = (): void => {
    if (section && isRules) {
      const s = section;
      add(s.line, `fact table of ${s.id}`, () => {
        const problems = factProblems(RULE_BY_ID.get(s.id) as Rule, s.rows);
        assert.deepEqual(problems, [], `${file}:${s.line + 1}: the fact table of ${s.id} does not match the rule's metadata`);
      });
    }
    section = undefined;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.tag === 'h2') {
      finishSection();
      const title = tokens[i + 1].content.trim().replace(/`/g, '');
      if (RULE_BY_ID.has(title)) {
        section = { id: title, line: t.map?.[0] ?? 0, rows: new Map() };
        seenSections.add(title);
      }
    }
    if (isRules && t.type === 'tr_open') {
      const cells = rowCells(tokens, i);
      if (section) {
        // fact table rows: | key | value |
        if (cells.length === 2 && !section.rows.has(cells[0])) section.rows.set(cells[0], cells[1]);
      } else {
        // "Rules at a glance": | [`id`](#id) | HdR | checks | severity | fix | applies |
        const m = /^\[`([a-z-]+)`\]/.exec(cells[0] ?? '');
        const rule = m ? RULE_BY_ID.get(m[1]) : undefined;
        if (rule && cells.length === 6) {
          glanceRows.add(rule.id);
          add(t.map?.[0] ?? 0, `glance table row of ${rule.id}`, () => {
            const applies = appliesPhrase(rule);
            const wantApplies = rule.id === 'config' ? 'every config file' : applies === 'drafts only' ? 'drafts' : applies;
            const problems: string[] = [];
            if (cells[1] !== (rule.hdr ?? '–')) problems.push(`HdR ${cells[1]}, the code says ${rule.hdr ?? '–'}`);
            if (cells[3] !== rule.defaultSeverity) problems.push(`severity ${cells[3]}, the code says ${rule.defaultSeverity}`);
            if (!cells[4].startsWith(rule.fixable ? 'yes' : 'no')) problems.push(`safe fix ${cells[4]}, the code says ${rule.fixable ? 'yes' : 'no'}`);
            if (cells[5] !== wantApplies) problems.push(`applies to ${cells[5]}, the code says ${wantApplies}`);
            assert.deepEqual(problems, [], `${file}:${(t.map?.[0] ?? 0) + 1}: row ${rule.id} of "Rules at a glance"`);
          });
        }
      }
    }
    if (t.type !== 'fence') continue;
    const line = t.map?.[0] ?? 0;
    const info = t.info.trim().split(/\s+/).filter(Boolean);
    const text = t.content;

    if (info[0] === 'norma') {
      finishNorma();
      const useConfig = info.includes('config');
      if (useConfig && config === undefined) add(line, 'config example', () => assert.fail(`${file}:${line + 1}: a \`norma config\` fence needs a \`json norma.config.json\` fence before it`));
      current = { line, label: label(text), get: analysis(text, useConfig ? config : undefined), syntaxChecked: false };
      continue;
    }
    if (info[0] === 'json' && info[1] === 'norma.config.json') {
      finishNorma();
      pendingConfig = undefined;
      config = text;
      const next = tokens.slice(i + 1).find((x) => x.type === 'fence');
      if (next && next.info.trim() === 'text diagnostics') pendingConfig = text;
      else {
        add(line, 'config example without findings', () => {
          assert.deepEqual(fmtDiagnostics(configDiagnostics(text), text), ['(none)'], `${file}:${line + 1}: the config example has findings but no diagnostics fence shows them`);
        });
      }
      continue;
    }
    if (pendingConfig !== undefined) {
      const cfgText = pendingConfig;
      pendingConfig = undefined;
      const expected = fenceLines(t);
      add(line, 'diagnostics of the config example', () => compare(`${file}:${line + 1}`, 'config diagnostics', expected, fmtDiagnostics(configDiagnostics(cfgText), cfgText)));
      continue;
    }
    if (info[0] === 'text' && TEXT_FENCES.has(info[1])) {
      const kind = info[1];
      const expected = fenceLines(t);
      if (!current) {
        add(line, `${kind} fence`, () => assert.fail(`${file}:${line + 1}: a \`text ${kind}\` fence without a \`norma\` example before it`));
        continue;
      }
      const c = current;
      if (kind === 'diagnostics') {
        // "```text diagnostics syntax frontmatter": only the diagnostics of these rules
        const only = info.slice(2);
        if (!only.length || only.includes('syntax')) c.syntaxChecked = true;
        const unknown = only.filter((id) => !RULE_BY_ID.has(id));
        add(line, `diagnostics${only.length ? ` (${only.join(', ')})` : ''} — ${c.label}`, () => {
          assert.deepEqual(unknown, [], `${file}:${line + 1}: the diagnostics fence names unknown rules`);
          const { diags, text: src } = c.get();
          compare(`${file}:${line + 1}`, 'diagnostics', expected, fmtDiagnostics(only.length ? diags.filter((d) => only.includes(d.code)) : diags, src));
        });
      } else if (kind === 'units') {
        add(line, `units — ${c.label}`, () => compare(`${file}:${line + 1}`, 'units', expected, fmtUnits(c.get().model)));
      } else {
        add(line, `Sätze — ${c.label}`, () => compare(`${file}:${line + 1}`, 'Sätze', expected, fmtSaetze(c.get().model, c.get().text)));
      }
      continue;
    }
    if (info[0] === 'ohm') {
      add(line, 'grammar source', () => {
        assert.equal(t.content.replace(/\n$/, ''), grammarSource().replace(/^\n/, ''), `${file}:${line + 1}: the grammar differs from grammar.ts`);
      });
      continue;
    }
    // a misspelt info string would silently skip a check
    if (info.length) {
      add(line, `fence \`${t.info.trim()}\``, () => assert.fail(`${file}:${line + 1}: unknown fence \`${t.info.trim()}\` (norma [config], text diagnostics|units|saetze, json norma.config.json, ohm)`));
    }
  }
  finishNorma();
  finishSection();
  if (isRules) {
    for (const r of RULES) {
      checks.push({
        title: `${file} describes rule ${r.id}`,
        run: () => {
          assert.ok(seenSections.has(r.id), `${file}: no "## ${r.id}" section`);
          assert.ok(glanceRows.has(r.id), `${file}: no row for ${r.id} in "Rules at a glance"`);
        },
      });
    }
  }
  return checks;
}

for (const file of ['language.md', 'rules.md']) {
  describe(`docs/${file}`, () => {
    for (const c of exampleChecks(file)) it(c.title, c.run);
  });
}

describe('docs/language.md grammar', () => {
  it('shows the grammar source of grammar.ts once', () => {
    const fences = parseMarkdown('language.md').tokens.filter((t) => t.type === 'fence' && t.info.trim() === 'ohm');
    assert.equal(fences.length, 1);
  });
});

// --- cli.md -------------------------------------------------------------------------------------------

interface ConsoleCommand {
  line: number;
  cmd: string;
  expected: string[];
}

interface ConsoleFence {
  line: number;
  /** The files of the scratch folder when the fence runs. */
  files: Map<string, string>;
  commands: ConsoleCommand[];
}

function consoleFences(): ConsoleFence[] {
  const { tokens } = parseMarkdown('cli.md');
  const files = new Map<string, string>();
  const out: ConsoleFence[] = [];
  for (const t of tokens) {
    if (t.type !== 'fence') continue;
    const info = t.info.trim().split(/\s+/).filter(Boolean);
    if (info.length === 2 && info[0] !== 'console' && info[0] !== 'text') {
      files.set(info[1], t.content);
      continue;
    }
    if (info[0] !== 'console') continue;
    const lines = fenceLines(t);
    const commands: ConsoleCommand[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith('$ ')) continue;
      const c: ConsoleCommand = { line: (t.map?.[0] ?? 0) + 2 + i, cmd: lines[i].slice(2), expected: [] };
      while (i + 1 < lines.length && !lines[i + 1].startsWith('$ ')) c.expected.push(lines[++i]);
      commands.push(c);
    }
    out.push({ line: (t.map?.[0] ?? 0) + 1, files: new Map(files), commands });
  }
  return out;
}

function hasJq(): boolean {
  const r = spawnSync('jq', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

describe('docs/cli.md', function () {
  this.timeout(30_000);
  const fences = consoleFences();
  let demo = '';
  let demoReal = '';
  let jq: boolean | undefined;

  before(() => {
    demo = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-docs-cli-'));
    demoReal = fs.realpathSync(demo);
  });
  after(() => {
    if (demo) fs.rmSync(demo, { recursive: true, force: true });
  });

  const reset = (files: Map<string, string>): void => {
    for (const e of fs.readdirSync(demo)) fs.rmSync(path.join(demo, e), { recursive: true, force: true });
    for (const [name, text] of files) {
      fs.mkdirSync(path.dirname(path.join(demo, name)), { recursive: true });
      fs.writeFileSync(path.join(demo, name), text);
    }
  };

  const run = (cmd: string): string[] => {
    const node = JSON.stringify(process.execPath);
    const real = cmd.replace(/(^|[;|&]\s*)norma /g, `$1${node} ${JSON.stringify(BIN)} `);
    const r = spawnSync('/bin/bash', ['-c', `{ ${real} ; } 2>&1`], { cwd: demo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    let out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    // the document shows the scratch folder as /tmp/norma-cli-demo
    for (const p of new Set([demoReal, demo])) out = out.split(p).join(DEMO_SHOWN);
    const lines = out.replace(/\n$/, '').split('\n');
    return lines.length === 1 && lines[0] === '' ? [] : lines;
  };

  it('has console examples', () => {
    assert.ok(fences.length > 0 && fences.every((f) => f.commands.length > 0));
  });

  for (const f of fences) {
    describe(`console example at cli.md:${f.line}`, () => {
      before(() => reset(f.files));
      for (const c of f.commands) {
        it(`cli.md:${c.line} $ ${c.cmd}`, function () {
          if (/(^|[|;&]\s*)jq /.test(c.cmd)) {
            jq ??= hasJq();
            if (!jq) this.skip();
          }
          compare(`cli.md:${c.line}`, `the output of \`${c.cmd}\``, c.expected, run(c.cmd));
        });
      }
    });
  }
});
