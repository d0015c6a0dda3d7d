/**
 * The VS Code extension as a package: what the manifest promises exists,
 * every UI string has a German and an English text, the snippets expand to
 * drafts the language service accepts, and the language configuration
 * continues numbering on Enter as VS Code would apply it.
 *
 * (How these behave inside a real VS Code is tested by the extension-host
 * suite, client/src/test/suite, through `npm run test:vscode`.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (f: string): string => fs.readFileSync(path.join(ROOT, f), 'utf8');
const json = <T>(f: string): T => JSON.parse(read(f)) as T;

interface Manifest {
  main: string;
  l10n: string;
  activationEvents: string[];
  contributes: {
    languages: { id: string; configuration: string; extensions: string[] }[];
    grammars: { language: string; path: string; scopeName: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { enum?: string[]; additionalProperties?: { enum: string[] } }> };
  };
  bin: Record<string, string>;
}

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const manifest = json<Manifest>('package.json');
const snippets = json<Record<string, Snippet>>(manifest.contributes.snippets[0].path);

/** Expand a snippet body as VS Code does when every placeholder keeps its default (first choice). */
function expandSnippet(body: string[], vars: Record<string, string> = {}): string {
  const text = body.join('\n');
  const values = new Map<string, string>();
  // defaults first, so that mirrors (${1}) get the value of their placeholder
  for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}|\$\{(\d+)\|([^|]*)\|\}/g)) {
    if (m[1] && !values.has(m[1])) values.set(m[1], m[2]);
    if (m[3] && !values.has(m[3])) values.set(m[3], m[4].split(',')[0]);
  }
  return text
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string) => values.get(n) ?? '')
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string) => values.get(n) ?? '')
    .replace(/\$\{([A-Z_]+)\}/g, (_, v: string) => vars[v] ?? '')
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a: string | undefined, b: string | undefined) => values.get(a ?? b ?? '') ?? '');
}

const DATE = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '21' };

function analyse(text: string): { errors: string[]; all: string[]; service: ReturnType<typeof createLanguageService>; uri: string } {
  const service = createLanguageService();
  const uri = 'file:///snippet.norma';
  service.open(uri, text);
  const diags = service.getDiagnostics(uri);
  return {
    errors: diags.filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`),
    all: diags.map((d) => `${d.range.start.line + 1}: ${d.code}`),
    service,
    uri,
  };
}

describe('VS Code extension manifest', () => {
  it('points to files that exist: grammar, language configuration, snippets, l10n, binaries', () => {
    for (const l of manifest.contributes.languages) assert.ok(fs.existsSync(path.join(ROOT, l.configuration)), l.configuration);
    for (const g of manifest.contributes.grammars) assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
    for (const s of manifest.contributes.snippets) assert.ok(fs.existsSync(path.join(ROOT, s.path)), s.path);
    assert.ok(fs.existsSync(path.join(ROOT, manifest.l10n, 'bundle.l10n.json')));
    assert.ok(fs.existsSync(path.join(ROOT, manifest.l10n, 'bundle.l10n.de.json')));
    for (const b of Object.values(manifest.bin)) assert.ok(fs.existsSync(path.join(ROOT, b)), b);
    assert.equal(manifest.main, './dist/extension.js', 'the esbuild bundle of client/src/extension.ts');
    assert.deepEqual(manifest.activationEvents, ['onLanguage:norma', 'workspaceContains:**/*.norma']);
  });

  it('the .vsix ships exactly the manifest, the bundles and what the manifest points to', () => {
    const ignore = read('.vscodeignore')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1));
    for (const needed of ['package.json', 'package.nls.json', 'package.nls.de.json', 'README.md', 'LICENSE', 'dist/extension.js', 'dist/server.js']) assert.ok(ignore.includes(needed), needed);
    for (const l of manifest.contributes.languages) assert.ok(ignore.includes(l.configuration.replace(/^\.\//, '')));
    for (const g of manifest.contributes.grammars) assert.ok(ignore.includes(g.path.replace(/^\.\//, '')));
    for (const s of manifest.contributes.snippets) assert.ok(ignore.includes(s.path.replace(/^\.\//, '')));
  });

  it('every %key% of the manifest has an English (package.nls.json) and a German (package.nls.de.json) text', () => {
    const keys = [...read('package.json').matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 10);
    const en = json<Record<string, string>>('package.nls.json');
    const de = json<Record<string, string>>('package.nls.de.json');
    assert.deepEqual(Object.keys(en).sort(), [...new Set(keys)].sort(), 'package.nls.json');
    assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort(), 'package.nls.de.json');
    for (const k of Object.keys(en)) assert.notEqual(de[k], en[k], `${k} is not translated`);
  });

  it('every t() string of the client (client/src/l10n.ts) is in both l10n bundles with the same placeholders, and the bundles have no others', () => {
    const sources = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && e.name !== 'test') walk(path.join(dir, e.name));
        else if (e.name.endsWith('.ts')) sources.set(path.relative(ROOT, path.join(dir, e.name)), fs.readFileSync(path.join(dir, e.name), 'utf8'));
      }
    };
    walk(path.join(ROOT, 'client', 'src'));
    const used = new Set<string>();
    for (const [file, src] of sources) {
      // the texts go through t() from l10n.ts, which follows norma.locale; nothing calls vscode.l10n.t
      assert.doesNotMatch(src, /l10n\.t\(/, `${file} calls vscode.l10n.t instead of t from ./l10n`);
      // every call of t has a string literal as its message (the only thing this scan and the bundles can see)
      for (const m of src.matchAll(/(?<![\w.$])t\(\s*(.)/g)) if (!/^(function|export)\b/.test(src.slice(src.lastIndexOf('\n', m.index) + 1, m.index).trim())) assert.equal(m[1], "'", `${file}: t( without a string literal at ${src.slice(m.index, m.index + 40)}`);
      for (const m of src.matchAll(/(?<![\w.$])t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
    }
    assert.ok(used.size >= 40, `${used.size} texts found`);
    const en = json<Record<string, string>>(`${manifest.l10n}/bundle.l10n.json`);
    const de = json<Record<string, string>>(`${manifest.l10n}/bundle.l10n.de.json`);
    assert.deepEqual(Object.keys(en).sort(), [...used].sort());
    assert.deepEqual(Object.keys(de).sort(), [...used].sort());
    const ph = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const k of used) {
      // placeholders survive the translation
      assert.deepEqual(ph(de[k]), ph(k), k);
      assert.deepEqual(ph(en[k]), ph(k), k);
      assert.ok(de[k].trim(), `${k}: empty German text`);
    }
  });

  it('every contributed command is registered by the extension, and vice versa', () => {
    const src = read('client/src/extension.ts');
    const registered = [...src.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), registered);
  });

  it('settings: rule severities (German and English words), locale, trace', () => {
    const props = manifest.contributes.configuration.properties;
    assert.deepEqual(props['norma.rules'].additionalProperties?.enum, ['off', 'error', 'warning', 'info', 'hint', 'aus', 'fehler', 'warnung', 'information', 'hinweis']);
    assert.deepEqual(props['norma.locale'].enum, ['', 'de', 'en', 'auto']);
    assert.deepEqual(props['norma.trace.server'].enum, ['off', 'messages', 'verbose']);
  });
});

describe('snippets', () => {
  it('are there for the Stammgesetz, §, Absatz, Begriffsbestimmungen, Inkrafttreten, @aufwand, Änderungsartikel and the Änderungsbefehle', () => {
    const names = Object.keys(snippets);
    for (const n of ['Stammgesetz', 'Paragraph', 'Absatz', 'Begriffsbestimmungen', 'Inkrafttreten', 'Erfüllungsaufwand', 'Änderungsartikel']) assert.ok(names.includes(n), n);
    assert.ok(names.filter((n) => n.startsWith('Änderungsbefehl')).length >= 6);
    for (const [n, s] of Object.entries(snippets)) {
      assert.ok(s.prefix.length > 0 && s.description.length > 10, n);
      // every tab stop $1, $2, … runs without gaps
      const stops = new Set([...s.body.join('\n').matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])).filter((x) => x > 0));
      assert.deepEqual([...stops].sort((a, b) => a - b), Array.from({ length: stops.size }, (_, i) => i + 1), n);
    }
  });

  it('the Stammgesetz skeleton is a draft without errors: front matter, Eingangsformel, three §§, Inkrafttreten last', () => {
    const text = expandSnippet(snippets.Stammgesetz.body, DATE);
    const r = analyse(text);
    assert.deepEqual(r.errors, []);
    const model = r.service.getModel(r.uri);
    const paras = [...model.units()].filter((u) => u.kind === 'paragraph');
    assert.deepEqual(paras.map((u) => `${u.label} ${u.title}`), ['§ 1 Anwendungsbereich', '§ 2 Begriffsbestimmungen', '§ 3 Inkrafttreten']);
    assert.ok(!r.all.some((d) => /inkrafttreten|vorspann-fehlt|ueberschrift-fehlt|frontmatter/.test(d)), r.all.join('\n'));
  });

  it('§, Absatz, Begriffsbestimmungen, Inkrafttreten and @aufwand build a draft with the expected units', () => {
    const text = [
      '---\ntitel: Gesetz zur Probe\ntyp: stammgesetz\n---',
      expandSnippet(snippets.Paragraph.body),
      expandSnippet(snippets.Absatz.body),
      expandSnippet(snippets['Erfüllungsaufwand'].body),
      '',
      expandSnippet(snippets.Begriffsbestimmungen.body),
      '',
      expandSnippet(snippets.Inkrafttreten.body),
    ].join('\n');
    const r = analyse(text);
    assert.deepEqual(r.errors, []);
    const units = [...r.service.getModel(r.uri).units()];
    const p1 = units.find((u) => u.kind === 'paragraph' && u.label === '§ 1');
    assert.ok(p1);
    const absaetze = p1.children.filter((u) => u.kind === 'absatz');
    assert.deepEqual(absaetze.map((u) => u.label), ['(1)', '(2)']);
    const ann = absaetze[1].annotations[0];
    assert.equal(ann?.name, 'aufwand');
    assert.deepEqual(ann.entries.map((e) => e.key), ['adressat', 'fallzahl', 'zeit']);
    const defs = units.find((u) => u.kind === 'paragraph' && u.title === 'Begriffsbestimmungen');
    assert.equal(defs?.label, '§ 2');
    assert.equal(units.filter((u) => u.kind === 'nummer').length, 2);
    assert.ok(units.some((u) => u.kind === 'paragraph' && u.title === 'Inkrafttreten'));
  });

  it('the Änderungsartikel with every Änderungsbefehl is an Änderungsgesetz without errors, one Nummer per Befehl', () => {
    const befehle = Object.entries(snippets).filter(([n]) => n.startsWith('Änderungsbefehl'));
    const artikel = expandSnippet(snippets['Änderungsartikel'].body).split('\n');
    // the Artikel's first Nummer comes from the snippet ($0 default), the others are appended as Nummern
    const items = befehle.map(([, s], i) => `${i + 2}. ${expandSnippet(s.body)}`);
    const text = ['---\ntitel: Gesetz zur Änderung des Bundesmeldegesetzes\ntyp: aenderungsgesetz\n---', 'Der Bundestag hat das folgende Gesetz beschlossen:', '', ...artikel, ...items, '', 'Artikel 2 Inkrafttreten', 'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.', ''].join('\n');
    const r = analyse(text);
    // citations in Änderungsbefehle point into the amended law, which is not in this workspace: their resolution is not the snippets' business
    assert.deepEqual(r.errors.filter((e) => !/ verweis-/.test(e)), [], text);
    const units = [...r.service.getModel(r.uri).units()];
    const art1 = units.find((u) => u.kind === 'artikel' && u.label === 'Artikel 1');
    assert.equal(art1?.title, 'Änderung des Bundesmeldegesetzes');
    const nummern = units.filter((u) => u.kind === 'nummer' && u.eId.startsWith('art-z1_'));
    const top = nummern.filter((u) => !/_liste-n1_listenelem-n\d+_liste/.test(u.eId));
    assert.equal(top.length, befehle.length + 1, top.map((u) => u.label).join(' '));
    // no quotation left open, no triple letters (H14)
    assert.ok(!r.all.some((d) => /syntax|anfuehrungszeichen/.test(d)), r.all.join('\n'));
  });
});

describe('language configuration', () => {
  interface OnEnterRule {
    beforeText: string;
    afterText?: string;
    action: { indent: string; appendText?: string };
  }
  const conf = json<{ onEnterRules: OnEnterRule[]; wordPattern: { pattern: string; flags: string }; comments: { lineComment: string } }>('language-configuration.json');
  // VS Code compiles string patterns with no flags (languageConfigurationExtensionPoint._parseRegex)
  const rules = conf.onEnterRules.map((r) => ({ before: new RegExp(r.beforeText, ''), after: r.afterText ? new RegExp(r.afterText, '') : undefined, append: r.action.appendText }));

  /** What VS Code appends after the line break when Enter is pressed at `before|after`. */
  function onEnter(before: string, after = ''): string | undefined {
    for (const r of rules) if (r.before.test(before) && (!r.after || r.after.test(after))) return r.append;
    return undefined;
  }

  it('continues Absätze: (1) → (2), (9) → (10), (29) → (30)', () => {
    assert.equal(onEnter('(1) Wer eine Wohnung bezieht, meldet sich an.'), '(2) ');
    assert.equal(onEnter('(9) Text'), '(10) ');
    assert.equal(onEnter('(29) Text'), '(30) ');
  });

  it('continues Nummern, Buchstaben, Doppelbuchstaben and Anstriche (the indentation is kept by VS Code)', () => {
    assert.equal(onEnter('  1. die Anschrift,'), '2. ');
    assert.equal(onEnter('  9. die Anschrift,'), '10. ');
    assert.equal(onEnter('    a) den Namen,'), 'b) ');
    assert.equal(onEnter('    x) den Namen,'), 'y) ');
    assert.equal(onEnter('      aa) den Namen,'), 'bb) ');
    assert.equal(onEnter('  - die Anschrift,'), '- ');
    assert.equal(onEnter('  – die Anschrift,'), '– ');
  });

  it('does nothing where the next number is not clear, in the middle of a line, or after an empty marker', () => {
    assert.equal(onEnter('(1a) Text'), undefined, '(1b) or (2)?');
    assert.equal(onEnter('  6a. Text'), undefined);
    assert.equal(onEnter('(1) Wer eine Wohnung', ' bezieht'), undefined, 'splitting a line');
    assert.equal(onEnter('(2) '), undefined);
    assert.equal(onEnter('§ 1 Anwendungsbereich'), undefined);
    assert.equal(onEnter('Dieses Gesetz gilt.'), undefined);
    assert.equal(onEnter('\\1. Januar 2027'), undefined, 'an escaped line is text');
  });

  it('has a word pattern (Unicode) that takes „§ 3a“, umlauts and ß as one word', () => {
    assert.equal(conf.wordPattern.flags, 'u');
    const re = new RegExp(conf.wordPattern.pattern, `g${conf.wordPattern.flags}`);
    const words = (s: string): string[] => [...s.matchAll(re)].map((m) => m[0]);
    assert.deepEqual(words('Nach § 3a Absatz 2 prüft die Straßenverkehrsbehörde'), ['Nach', '§ 3a', 'Absatz', '2', 'prüft', 'die', 'Straßenverkehrsbehörde']);
    assert.deepEqual(words('Die §§ 8 bis 12'), ['Die', '§§ 8', 'bis', '12']);
    assert.equal(conf.comments.lineComment, '//');
  });
});
