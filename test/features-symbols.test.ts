/**
 * Document symbols (the outline) and workspace symbols (Go to Symbol in
 * Workspace): names, kinds, details, ranges and selection ranges as the
 * editor shows them.
 */
import * as assert from 'node:assert/strict';
import { SymbolKind, SymbolTag, type DocumentSymbol } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/service/index';
import type { WorkspaceSymbolSource } from '../server/src/service/index';
import { containsRange } from '../server/src/service/features/common';
import { draft, law, open, rs, sample, URI } from './features-helpers';

const KIND_NAME = Object.fromEntries(Object.entries(SymbolKind).map(([k, v]) => [v, k]));
function kindName(k: number): string {
  return KIND_NAME[k] as string;
}

/** name | detail | kind | tags | range | selection range, children indented. */
function tree(symbols: DocumentSymbol[], indent = ''): string[] {
  const out: string[] = [];
  for (const s of symbols) {
    out.push(`${indent}${s.name} | ${s.detail ?? ''} | ${kindName(s.kind)}${s.tags?.includes(SymbolTag.Deprecated) ? ' deprecated' : ''} | ${rs(s.range)} | ${rs(s.selectionRange)}`);
    out.push(...tree(s.children ?? [], `${indent}  `));
  }
  return out;
}

const DRAFT = law(
  'Der Bundestag hat das folgende Gesetz beschlossen:',
  '',
  'Inhaltsübersicht',
  '  § 1 Anwendungsbereich',
  '  § 2 Anmeldung',
  '',
  'Abschnitt 1 Allgemeines',
  '',
  '§ 1 Anwendungsbereich',
  'Dieses Gesetz gilt für die Anmeldung.',
  '',
  '§ 2 Anmeldung',
  '(1) Wer eine Wohnung bezieht, hat sich innerhalb von zwei Wochen bei der Meldebehörde anzumelden.',
  '(2) (weggefallen)',
  '',
  '§§ 3 bis 5 (weggefallen)',
  '',
  'Abschnitt 2',
  'Schluss',
  '',
  '§ 6 Inkrafttreten',
  'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
  '',
  'Anlage 1 (zu § 2 Absatz 1)',
  'Muster der Anmeldung',
);

describe('features: document symbols', () => {
  it('outlines Gliederung › § › Absatz with the other parts of the law beside them', () => {
    const ls = open(DRAFT);
    assert.deepEqual(tree(ls.getDocumentSymbols(URI)), [
      'Eingangsformel |  | String | 4:0-4:50 | 4:0-4:50',
      'Inhaltsübersicht |  | Array | 6:0-8:15 | 6:0-6:16',
      'Abschnitt 1 Allgemeines | Allgemeines | Namespace | 10:0-19:24 | 10:0-10:23',
      '  § 1 Anwendungsbereich | Anwendungsbereich | Function | 12:0-13:37 | 12:0-12:21',
      '  § 2 Anmeldung | Anmeldung | Function | 15:0-17:17 | 15:0-15:13',
      '    Absatz 1 | Wer eine Wohnung bezieht, hat sich innerhalb von … | Field | 16:0-16:97 | 16:0-16:3',
      '    Absatz 2 | (weggefallen) | Field deprecated | 17:0-17:17 | 17:0-17:3',
      '  §§ 3 bis 5 (weggefallen) | (weggefallen) | Function deprecated | 19:0-19:24 | 19:0-19:24',
      'Abschnitt 2 Schluss | Schluss | Namespace | 21:0-25:56 | 21:0-22:7',
      '  § 6 Inkrafttreten | Inkrafttreten | Function | 24:0-25:56 | 24:0-24:17',
      'Anlage 1 (zu § 2 Absatz 1) | (zu § 2 Absatz 1) | File | 27:0-28:20 | 27:0-27:26',
    ]);
  });

  it('lists Artikel, Präambel and Schlussformel; a § without Absätze has no children; Teil and Buch are modules', () => {
    const ls = open(
      draft(
        'Präambel',
        'Im Bewusstsein seiner Verantwortung hat sich das Deutsche Volk dieses Gesetz gegeben.',
        'Teil 1 Grundrechte',
        'Artikel 1',
        '(1) Die Würde des Menschen ist unantastbar.',
        'Artikel 2 Freiheit',
        'Jeder hat das Recht auf die freie Entfaltung seiner Persönlichkeit.',
        'Schlussformel',
        'Die verfassungsmäßigen Rechte des Bundesrates sind gewahrt.',
      ),
    );
    assert.deepEqual(tree(ls.getDocumentSymbols(URI)), [
      'Präambel |  | String | 0:0-1:85 | 0:0-0:8',
      'Teil 1 Grundrechte | Grundrechte | Module | 2:0-6:67 | 2:0-2:18',
      '  Artikel 1 |  | Function | 3:0-4:43 | 3:0-3:9',
      '    Absatz 1 | Die Würde des Menschen ist unantastbar. | Field | 4:0-4:43 | 4:0-4:3',
      '  Artikel 2 Freiheit | Freiheit | Function | 5:0-6:67 | 5:0-5:18',
      'Schlussformel |  | String | 7:0-8:59 | 7:0-7:13',
    ]);
  });

  it('outlines the Wohnsitzanmeldung sample: five Teile, 26 §§, every range inside its parent', () => {
    const ls = open(sample('wohnsitzanmeldung.norma'));
    const symbols = ls.getDocumentSymbols(URI);
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        'Eingangsformel',
        'Inhaltsübersicht',
        'Teil 1 Allgemeine Vorschriften',
        'Teil 2 Elektronische Anmeldung',
        'Teil 3 Datenverarbeitung',
        'Teil 4 Fristen, Gebührenfreiheit, Bußgeldvorschriften',
        'Teil 5 Schlussvorschriften',
        'Anlage (zu § 7 Absatz 2) Datensatz für die elektronische Anmeldung',
      ],
    );
    const teil2 = symbols[3];
    assert.deepEqual(
      teil2.children?.map((c) => c.name),
      ['Abschnitt 1 Anmeldeportal und Zugang', 'Abschnitt 2 Verfahren der elektronischen Anmeldung', 'Abschnitt 3 Besondere Fälle'],
    );
    const p4 = teil2.children?.[0].children?.[0];
    assert.equal(p4?.name, '§ 4 Anmeldeportal');
    assert.deepEqual(
      p4?.children?.map((c) => `${c.name} | ${c.detail}`),
      [
        'Absatz 1 | Die Länder stellen sicher, dass die Anmeldung …',
        'Absatz 2 | Das Anmeldeportal muss',
        'Absatz 3 | Der Bund stellt den Ländern eine Softwarelösung …',
      ],
    );
    const paragraphs: string[] = [];
    const walk = (list: DocumentSymbol[], parent?: DocumentSymbol): void => {
      for (const s of list) {
        assert.ok(containsRange(s.range, s.selectionRange), `${s.name}: selection range outside range`);
        if (parent) assert.ok(containsRange(parent.range, s.range), `${s.name} outside ${parent.name}`);
        if (s.name.startsWith('§ ')) paragraphs.push(s.name.split(' ')[1]);
        walk(s.children ?? [], s);
      }
    };
    walk(symbols);
    assert.deepEqual(paragraphs, Array.from({ length: 26 }, (_, i) => String(i + 1)));
  });

  it('answers nothing once the request is cancelled', () => {
    const ls = open(DRAFT);
    assert.deepEqual(ls.getDocumentSymbols(URI, { isCancellationRequested: true }), []);
  });
});

describe('features: workspace symbols', () => {
  const BGB = draft(
    '---',
    'titel: Bürgerliches Gesetzbuch',
    'abkuerzung: BGB',
    'typ: stammgesetz',
    'fassung: konsolidiert',
    '---',
    'Buch 2 Recht der Schuldverhältnisse',
    '§ 82 Wegfall der Bereicherung',
    'Text.',
    '§ 820 Verschärfte Haftung bei ungewissem Erfolgseintritt',
    'Text.',
    '§ 823 Schadensersatzpflicht',
    '(1) Wer vorsätzlich oder fahrlässig das Leben eines anderen widerrechtlich verletzt, ist zum Ersatz des daraus entstehenden Schadens verpflichtet.',
    '§ 826 Sittenwidrige vorsätzliche Schädigung',
    'Text.',
    '§§ 827 bis 828 (weggefallen)',
    'Teil 2 Schäden',
    'Anlage 1 Schadenstabelle',
  );
  const ENTWURF = law('Teil 1 Allgemeines', '§ 1 Schadensersatz bei Anmeldung', 'Text.', 'Teil 2 Verfahren', '§ 2 Anmeldung', 'Text.');

  function workspace(): ReturnType<typeof createLanguageService> {
    const ls = createLanguageService();
    ls.open('file:///bgb.norma', BGB);
    ls.open('file:///entwurf.norma', ENTWURF);
    return ls;
  }
  const names = (ls: ReturnType<typeof createLanguageService>, q: string): string[] =>
    ls.getWorkspaceSymbols(q).map((s) => `${s.name} [${s.containerName}]`);

  it('finds a § by its number: exact first, then the numbers it begins', () => {
    const ls = workspace();
    assert.deepEqual(names(ls, '823'), ['§ 823 Schadensersatzpflicht [BGB]']);
    assert.deepEqual(names(ls, '§ 82'), [
      '§ 82 Wegfall der Bereicherung [BGB]',
      '§ 820 Verschärfte Haftung bei ungewissem Erfolgseintritt [BGB]',
      '§ 823 Schadensersatzpflicht [BGB]',
      '§ 826 Sittenwidrige vorsätzliche Schädigung [BGB]',
      '§§ 827 bis 828 (weggefallen) [BGB]',
    ]);
  });

  it('finds titles by a word, umlauts and case aside, across documents: whole words before word beginnings', () => {
    const ls = workspace();
    assert.deepEqual(names(ls, 'Schaden'), [
      'Teil 2 Schäden [BGB]',
      '§ 823 Schadensersatzpflicht [BGB]',
      'Anlage 1 Schadenstabelle [BGB]',
      '§ 1 Schadensersatz bei Anmeldung [Gesetz zur Probe]',
    ]);
    assert.deepEqual(names(ls, 'teil 2'), ['Teil 2 Schäden [BGB]', 'Teil 2 Verfahren [Gesetz zur Probe]']);
  });

  it('gives locations, kinds and the deprecated tag; an empty query lists everything in document order', () => {
    const ls = workspace();
    const [s823] = ls.getWorkspaceSymbols('823');
    assert.equal(s823.location.uri, 'file:///bgb.norma');
    assert.equal(rs(s823.location.range), '11:0-11:27');
    assert.equal(s823.kind, SymbolKind.Function);
    const [range] = ls.getWorkspaceSymbols('827');
    assert.deepEqual(range.tags, [SymbolTag.Deprecated]);
    const all = ls.getWorkspaceSymbols('');
    assert.equal(all.length, 8 + 4);
    assert.deepEqual(
      all.slice(0, 2).map((s) => [s.name, s.kind]),
      [
        ['Buch 2 Recht der Schuldverhältnisse', SymbolKind.Module],
        ['§ 82 Wegfall der Bereicherung', SymbolKind.Function],
      ],
    );
  });

  it('follows edits and closed documents', () => {
    const ls = workspace();
    assert.deepEqual(names(ls, 'Meldebestätigung'), []);
    ls.update('file:///entwurf.norma', [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '§ 3 Meldebestätigung\nText.\n' }]);
    assert.deepEqual(names(ls, 'Meldebestätigung'), ['§ 3 Meldebestätigung [Gesetz zur Probe]']);
    ls.close('file:///bgb.norma');
    assert.deepEqual(names(ls, '823'), []);
  });

  it('lists what an added source offers (the term engine adds defined terms this way)', () => {
    const ls = workspace();
    const terms: WorkspaceSymbolSource = {
      id: 'test.terms',
      symbols: (model) =>
        model.context.abkuerzung === 'BGB' ? [{ name: 'Schadensersatz', kind: SymbolKind.Constant, range: { start: { line: 12, character: 4 }, end: { line: 12, character: 8 } } }] : [],
    };
    ls.workspaceSymbolSources.push(terms);
    const hits = ls.getWorkspaceSymbols('Schadensersatz');
    assert.deepEqual(
      hits.map((s) => `${s.name} ${kindName(s.kind)} ${s.location.uri} ${rs(s.location.range)}`),
      [
        'Schadensersatz Constant file:///bgb.norma 12:4-12:8',
        '§ 1 Schadensersatz bei Anmeldung Function file:///entwurf.norma 5:0-5:32',
        '§ 823 Schadensersatzpflicht Function file:///bgb.norma 11:0-11:27',
      ],
    );
  });
});
