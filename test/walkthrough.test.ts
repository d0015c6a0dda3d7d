/**
 * The walkthrough „Norma kennenlernen“ (contributes.walkthroughs): what the
 * manifest promises exists, and the exercise draft it works on shows exactly
 * the findings the steps fix. That every step is marked done in real VS Code
 * is checked by test/e2e/walkthrough.e2e.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service/index';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'samples');
const EXERCISE = path.join(SAMPLES, 'schulung', 'einfuehrung.norma');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string }[];
    walkthroughs: { id: string; title: string; steps: Step[] }[];
  };
}

const json = <T>(f: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as T;
const manifest = json<Manifest>('package.json');
const nls = { en: json<Record<string, string>>('package.nls.json'), de: json<Record<string, string>>('package.nls.de.json') };
const text = (lang: 'en' | 'de', v: string): string => (/^%(.+)%$/.test(v) ? nls[lang][v.slice(1, -1)] : v);
const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === 'kennenlernen');
const steps = walkthrough?.steps ?? [];

/** Built-in VS Code commands the steps use (buttons and completion events). */
const BUILTIN = new Set([
  'outline.focus',
  'workbench.actions.view.problems',
  'editor.action.quickFix',
  'editor.action.revealDefinition',
  'editor.action.peekDefinition',
  'editor.action.revealDefinitionAside',
  'editor.action.goToReferences',
  'editor.action.referenceSearch.trigger',
  'references-view.findReferences',
  'editor.action.rename',
]);

function commandLinks(markdown: string): { command: string; args: unknown[] }[] {
  return [...markdown.matchAll(/\]\(command:([\w.-]+)(?:\?([^)]*))?\)/g)].map((m) => ({
    command: m[1],
    args: m[2] ? (JSON.parse(decodeURIComponent(m[2])) as unknown[]) : [],
  }));
}

describe('Einführung „Norma kennenlernen“ (walkthrough)', () => {
  it('has 8 to 10 steps from opening a draft to the LegalDocML.de export, titled in German and English', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has no „kennenlernen“');
    assert.equal(text('de', walkthrough.title), 'Norma kennenlernen');
    assert.ok(steps.length >= 8 && steps.length <= 10, `${steps.length} steps`);
    assert.deepEqual(
      steps.map((s) => text('de', s.title)),
      [
        'Einen Entwurf öffnen',
        'Gliederung und Nummerierung',
        'Befund und Schnellkorrektur',
        'Verweisen folgen, Fundstellen finden',
        'Begriffsbestimmungen',
        'Erfüllungsaufwand',
        'Digitalcheck',
        'Vorschau',
        'Änderungsbefehl und Synopse',
        'LegalDocML.de exportieren',
      ],
    );
    for (const s of steps) assert.notEqual(text('en', s.title), text('de', s.title), `${s.id}: English title`);
  });

  it('every step has a markdown page in both languages, shipped in the .vsix', () => {
    const shipped = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    for (const s of steps) {
      assert.ok(s.media.markdown, `${s.id}: no markdown page`);
      for (const lang of ['de', 'en'] as const) {
        const file = text(lang, s.media.markdown);
        assert.ok(file && fs.existsSync(path.join(ROOT, file)), `${s.id} (${lang}): ${file} missing`);
        const page = fs.readFileSync(path.join(ROOT, file), 'utf8');
        assert.match(page, /^# \S/, `${file}: starts with a heading`);
        assert.ok(shipped.includes(`!${path.dirname(file)}/*.md`), `${file} is not in the .vsix`);
      }
    }
  });

  it('every step completes on a command or context; its buttons run commands that exist', () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const s of steps) {
      assert.ok(s.completionEvents.length > 0, `${s.id} completes only when selected`);
      for (const e of s.completionEvents) {
        const m = /^onCommand:(.+)$/.exec(e);
        if (m) assert.ok(contributed.has(m[1]) || BUILTIN.has(m[1]), `${s.id}: ${e}`);
        else assert.match(e, /^onContext:/, `${s.id}: ${e}`);
      }
      for (const lang of ['de', 'en'] as const) {
        const links = commandLinks(text(lang, s.description));
        assert.ok(links.length > 0, `${s.id} (${lang}) has no button`);
        for (const l of links) assert.ok(contributed.has(l.command) || BUILTIN.has(l.command), `${s.id}: button runs ${l.command}`);
        // the buttons of both languages do the same
        assert.deepEqual(links, commandLinks(text('de', s.description)), `${s.id}: buttons differ between en and de`);
      }
    }
  });

  it('the files the buttons open are in samples/, and each selection finds what the step is about', () => {
    const ls = createLanguageService();
    const opened: string[] = [];
    for (const s of steps) {
      for (const l of commandLinks(text('de', s.description)).filter((c) => c.command === 'norma.schulung.oeffnen')) {
        const [file, select] = l.args as [string, string | undefined];
        const abs = path.join(SAMPLES, ...file.split('/'));
        assert.ok(fs.existsSync(abs), `${s.id}: ${file}`);
        opened.push(file);
        if (!select) continue;
        const source = fs.readFileSync(abs, 'utf8');
        const m = new RegExp(select, 'u').exec(source);
        assert.ok(m, `${s.id}: /${select}/ matches nothing in ${file}`);
        const uri = `file:///${file}`;
        ls.open(uri, source);
        const before = source.slice(0, m.index).split('\n');
        const pos = { line: before.length - 1, character: before[before.length - 1].length + 1 };
        if (s.id === 'verweise') {
          // F12 on the selected citation goes to § 4 Absatz 1 (the cited Absatz, before renumbering)
          assert.equal(m[0], '§ 4 Abs. 1');
          const defs = ls.getDefinition(uri, pos);
          assert.equal(defs.length, 1, 'one definition');
          assert.equal(source.split('\n')[defs[0].range.start.line].slice(0, 3), '(1)');
        }
        if (s.id === 'begriffe') {
          const defs = ls.getDefinition(uri, pos);
          assert.equal(defs.length, 1);
          assert.match(source.split('\n')[defs[0].range.start.line], /„Verwaltungsportal“ ein Portal/);
        }
      }
    }
    assert.deepEqual([...new Set(opened)], ['schulung/einfuehrung.norma', 'aenderung-bmg.norma']);
  });

  it('the exercise draft shows exactly the three findings the steps fix (numbering, „Abs.“, Schriftform)', () => {
    const ls = createLanguageService();
    const uri = 'file:///schulung/einfuehrung.norma';
    ls.open(uri, fs.readFileSync(EXERCISE, 'utf8'));
    const found = ls.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
    assert.deepEqual(found, ['22:1 paragraph-nummerierung', '23:68 schriftform', '31:37 abkuerzung']);
  });
});
