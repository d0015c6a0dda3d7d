/**
 * LegalDocML.de export of amending laws: each Änderungsbefehl as `akn:mod`
 * (with `akn:ref` to the changed unit, `akn:quotedText`, `akn:quotedStructure`
 * with LegalDocML.de elements) and as `akn:textualMod` in
 * `akn:analysis/akn:activeModifications`; valid against the official schema
 * (xmllint); and the round trip: the export imported again with
 * `norma import` gives the same commands, and applying them gives the same
 * new version of the amended law (samples/aenderung-bmg.norma against
 * samples/gesetze/bmg.norma; the Lobbyregistergesetz amendment of 2024 from
 * the corpus).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService, type LanguageService } from '../server/src/service/index';
import { amendAnalysis, newVersions } from '../server/src/service/amend';
import { importXml } from '../server/src/service/import';
import { parseXml, findAll, find, type XElement } from '../server/src/service/import/xml';
import { amendingDraft, ERPROBUNGSGESETZ, erprobungsgesetz, erprobungsgesetzParagraphen } from './amend-helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const CORPUS = path.join(SHARED, 'corpus');
const SCHEMA = path.join(SHARED, 'schemas', 'validate-regelungstext-entwurfsfassung.xsd');
const DATUM = '2026-01-15';

function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** xmllint's messages, or undefined when the document validates. */
function validate(xml: string): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-export-amend-'));
  try {
    const f = path.join(dir, 'regelungstext.xml');
    fs.writeFileSync(f, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, f], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return `${r.stdout}${r.stderr}`.includes(`${f} validates`) ? undefined : `${r.stderr}`.split('\n').slice(0, 15).join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ZIEL = erprobungsgesetz(erprobungsgesetzParagraphen('Die Anmeldung ist schriftlich vorzunehmen. Sie ist gebührenfrei.'));

const entwurf = (commands: string[]): string => amendingDraft(ERPROBUNGSGESETZ, commands);

const ELI = 'eli/bund/bgbl-1/2020/s1/2020-01-01/1/deu/regelungstext-verkuendung-1';

/** Export a draft (with the amended law in the workspace unless `ohneZiel`); the XML and its parsed root. */
function exportDraft(text: string, ohneZiel = false): { xml: string; root: XElement; warnings: string[] } {
  const ls = createLanguageService();
  if (!ohneZiel) ls.open('file:///ws/erprg.norma', ZIEL);
  ls.open('file:///ws/entwurf.norma', text);
  const r = ls.exportLegalDocML('file:///ws/entwurf.norma', { datum: DATUM });
  return { xml: r.xml, root: rootOf(r.xml), warnings: r.warnings };
}

function rootOf(xml: string): XElement {
  const root = parseXml(xml).find((e) => e.local === 'akomaNtoso');
  assert.ok(root, 'akn:akomaNtoso');
  return root;
}

const byEId = (root: XElement, eId: string): XElement | undefined => findEId(root, eId);
function findEId(el: XElement, eId: string): XElement | undefined {
  if (el.attrs.eId === eId) return el;
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    const f = findEId(c, eId);
    if (f) return f;
  }
  return undefined;
}
function textOf(el: XElement): string {
  return el.children.map((c) => (c.type === 'text' ? c.text : textOf(c))).join('');
}
const kids = (el: XElement, local?: string): XElement[] => el.children.filter((c): c is XElement => c.type === 'element' && (!local || c.local === local));

function textualMods(root: XElement): XElement[] {
  const am = find(root, 'activeModifications');
  return am ? kids(am, 'textualMod') : [];
}

describe('export: Änderungsbefehle als akn:mod und akn:textualMod', function () {
  this.timeout(60_000);

  it('Wörter ersetzen: akn:mod mit akn:ref auf das Ziel, zwei akn:quotedText, textualMod „substitution“ mit source auf den mod', () => {
    const { root } = exportDraft(entwurf(['1. In § 1 Absatz 1 werden die Wörter „zwei Wochen“ durch die Wörter „einem Monat“ ersetzt.']));
    const mods = findAll(root, 'mod');
    assert.equal(mods.length, 1);
    const mod = mods[0];
    assert.equal(mod.attrs.refersTo, 'aenderungsbefehl-ersetzen');
    assert.equal(mod.attrs.eId, 'art-z1_abs-n1_inhalt-n1_liste-n1_listenelem-n1_text-n1_ändbefehl-n1');
    assert.equal(textOf(mod), 'In § 1 Absatz 1 werden die Wörter zwei Wochen durch die Wörter einem Monat ersetzt.');
    const ref = kids(mod, 'ref');
    assert.equal(ref.length, 1);
    assert.equal(textOf(ref[0]), '§ 1 Absatz 1');
    assert.equal(ref[0].attrs.href, `${ELI}/art-z1_abs-z1.xml`);
    const qt = kids(mod, 'quotedText');
    assert.deepEqual(
      qt.map((q) => [textOf(q), q.attrs.startQuote, q.attrs.endQuote, q.attrs.eId]),
      [
        ['zwei Wochen', '„', '“', `${mod.attrs.eId}_quottext-n1`],
        ['einem Monat', '„', '“', `${mod.attrs.eId}_quottext-n2`],
      ],
    );
    const tm = textualMods(root);
    assert.equal(tm.length, 1);
    assert.equal(tm[0].attrs.type, 'substitution');
    assert.equal(kids(tm[0], 'source')[0].attrs.href, `#${mod.attrs.eId}`);
    assert.equal(kids(tm[0], 'destination')[0].attrs.href, `${ELI}/art-z1_abs-z1.xml`);
    assert.equal(kids(tm[0], 'force')[0].attrs.period, '#meta-n1_geltzeiten-n1_geltungszeitgr-n1');
    // the Artikel is a Hauptänderung; the Eingangssatz names the amended law as akn:affectedDocument
    assert.equal(byEId(root, 'art-z1')?.attrs.refersTo, 'hauptaenderung');
    const aff = find(root, 'affectedDocument') as XElement;
    assert.equal(textOf(aff), 'Erprobungsgesetz vom 1. Januar 2020 (BGBl. I S. 1)');
    assert.equal(aff.attrs.href, ELI);
    // the metadata: analysis between lifecycle and temporalData, as in the official sample
    const meta = kids(find(root, 'meta') as XElement).map((e) => e.local);
    assert.deepEqual(meta, ['identification', 'lifecycle', 'analysis', 'temporalData', 'proprietary']);
  });

  it('neue Einheiten als akn:quotedStructure mit LegalDocML.de-Elementen: § (article), Absatz (paragraph), Nummer (point)', () => {
    const { root, xml } = exportDraft(
      entwurf([
        '1. Nach § 2 wird der folgende § 2a eingefügt:',
        '  „§ 2a Elektronisches Verfahren',
        '  (1) Das Verfahren ist elektronisch.',
        '  (2) Das Nähere regelt eine Verordnung.“',
        '2. § 3 Absatz 2 wird wie folgt gefasst:',
        '  „(2) Das Nähere regelt das Ministerium.“',
        '3. In § 1 Absatz 3 wird folgende Nummer 3 angefügt:',
        '  „3. den Antrag zurückweisen.“',
      ]),
    );
    const qs = findAll(root, 'quotedStructure');
    assert.deepEqual(
      qs.map((q) => kids(q).map((e) => `${e.local} ${e.attrs.eId.slice(q.attrs.eId.length)}`)),
      [['article _art-z2a'], ['paragraph _abs-z2'], ['point _listenelem-n1']],
    );
    const art = kids(qs[0], 'article')[0];
    assert.deepEqual(
      kids(art).map((e) => `${e.local}: ${textOf(e).replace(/\s+/g, ' ').trim()}`),
      ['num: § 2a', 'heading: Elektronisches Verfahren', 'paragraph: (1) Das Verfahren ist elektronisch.', 'paragraph: (2) Das Nähere regelt eine Verordnung.'],
    );
    assert.deepEqual(
      findAll(root, 'mod').map((m) => m.attrs.refersTo),
      ['aenderungsbefehl-einfuegen', 'aenderungsbefehl-neufassung', 'aenderungsbefehl-einfuegen'],
    );
    assert.deepEqual(
      textualMods(root).map((t) => {
        const d = kids(t, 'destination')[0];
        return `${t.attrs.type} ${d.attrs.href.slice(ELI.length + 1)} ${d.attrs.pos ?? ''}`.trim();
      }),
      ['insertion art-z2.xml after', 'substitution art-z3_abs-z2.xml', 'insertion art-z1_abs-z3.xml end'],
    );
    if (hasXmllint()) assert.equal(validate(xml), undefined);
  });

  it('aufheben, streichen, umnummerieren, voranstellen, Bereiche, zwei Befehle in einem Satz: Typen und Ziele wie im amtlichen Beispiel', () => {
    const { root, xml } = exportDraft(
      entwurf([
        '1. § 1 wird wie folgt geändert:',
        '  a) In Absatz 3 wird Nummer 2 aufgehoben.',
        '  b) In Absatz 2 wird Satz 2 gestrichen.',
        '  c) Der bisherige Absatz 2 wird Absatz 3 und wird wie folgt geändert:',
        '    aa) Das Wort „schriftlich“ wird durch das Wort „elektronisch“ ersetzt.',
        '2. Dem § 2 wird folgender Satz vorangestellt: „Es gilt Folgendes.“',
        '3. In § 3 werden die Absätze 1 und 2 durch den folgenden Absatz 1 ersetzt:',
        '  „(1) Das Verfahren ist digital.“',
        '4. In § 1 Absatz 1 wird nach dem Wort „Anmeldung“ das Wort „elektronisch“ eingefügt und wird das Wort „zwei“ durch das Wort „drei“ ersetzt.',
      ]),
    );
    const tm = textualMods(root).map((t) => {
      const d = kids(t, 'destination').map((x) => `${x.attrs.href.slice(ELI.length + 1)}${x.attrs.pos ? ` ${x.attrs.pos}` : ''}${x.attrs.upTo ? ` bis ${x.attrs.upTo.slice(ELI.length + 1)}` : ''}`);
      return `${t.attrs.type}: ${d.join(' + ')} ← ${kids(t, 'source')[0].attrs.href.replace(/^#art-z1_abs-n1_inhalt-n1_liste-n1_/, '')}`;
    });
    assert.deepEqual(tm, [
      'repeal: art-z1_abs-z3_inhalt-n1_liste-n1_listenelem-n2.xml ← listenelem-n1_liste-n1_listenelem-n1_text-n1_ändbefehl-n1',
      'repeal: art-z1_abs-z2.xml ← listenelem-n1_liste-n1_listenelem-n2_text-n1_ändbefehl-n1',
      'renumbering: art-z1_abs-z2.xml ← listenelem-n1_liste-n1_listenelem-n3_liste-n1_listeneing-n1_ändbefehl-n1',
      'substitution: art-z1_abs-z3.xml ← listenelem-n1_liste-n1_listenelem-n3_liste-n1_listenelem-n1_text-n1_ändbefehl-n1',
      'insertion: art-z2.xml start ← listenelem-n2_text-n1_ändbefehl-n1',
      'substitution: art-z3_abs-z1.xml + art-z3_abs-z2.xml ← listenelem-n3_text-n1_ändbefehl-n1',
      'insertion: art-z1_abs-z1.xml after ← listenelem-n4_text-n1_ändbefehl-n1',
      'substitution: art-z1_abs-z1.xml ← listenelem-n4_text-n1_ändbefehl-n1',
    ]);
    // the renumbering that introduces sub-commands stands in the list introduction
    const intro = byEId(root, 'art-z1_abs-n1_inhalt-n1_liste-n1_listenelem-n1_liste-n1_listenelem-n3_liste-n1_listeneing-n1') as XElement;
    assert.equal(kids(intro, 'mod')[0].attrs.refersTo, 'aenderungsbefehl-umnummerierung');
    // a Satz is a fragment: akn:quotedText, not akn:quotedStructure
    const voran = byEId(root, 'art-z1_abs-n1_inhalt-n1_liste-n1_listenelem-n2_text-n1_ändbefehl-n1') as XElement;
    assert.deepEqual(kids(voran).map((e) => e.local), ['ref', 'quotedText']);
    if (hasXmllint()) assert.equal(validate(xml), undefined);
  });

  it('ohne das geänderte Gesetz im Arbeitsbereich: ELI aus dem Eingangssatz, eIds aus dem Pfad; ohne Fundstelle ein Hinweis', () => {
    const { root } = exportDraft(entwurf(['1. In § 1 Absatz 3 Nummer 2 wird das Wort „Antrag“ durch das Wort „Gesuch“ ersetzt.']), true);
    assert.equal(kids(textualMods(root)[0], 'destination')[0].attrs.href, `${ELI}/art-z1_abs-z3_inhalt-n1_liste-n1_listenelem-z2.xml`);
    const ohne = exportDraft(
      ['---', 'titel: Gesetz zur Änderung des Erprobungsgesetzes', 'typ: aenderungsgesetz', '---', 'Artikel 1 Änderung des Erprobungsgesetzes', 'In § 2 des Erprobungsgesetzes wird das Wort „Meldebehörde“ durch das Wort „Behörde“ ersetzt.', ''].join('\n'),
      true,
    );
    assert.equal(kids(textualMods(ohne.root)[0], 'destination')[0].attrs.href, 'art-z2.xml');
    assert.ok(ohne.warnings.some((w) => /Artikel 1: keine Fundstelle/.test(w)), ohne.warnings.join('\n'));
  });

  it('ein Stammgesetz hat keine akn:analysis', () => {
    const { root } = exportDraft(ZIEL);
    assert.equal(find(root, 'analysis'), undefined);
    assert.equal(find(root, 'mod'), undefined);
  });
});

// --- round trip -------------------------------------------------------------------------------------------

interface Amendment {
  ls: LanguageService;
  uri: string;
}

function workspace(stamm: string, aend: string): Amendment {
  const ls = createLanguageService();
  ls.open('file:///ws/stamm.norma', stamm);
  ls.open('file:///ws/aenderung.norma', aend);
  return { ls, uri: 'file:///ws/aenderung.norma' };
}

/** The commands of a draft against its amended law, as comparable lines. */
function commandView(a: Amendment): string[] {
  const an = amendAnalysis(a.ls.getModel(a.uri), a.ls.refContext);
  assert.equal(an.laws.length, 1, 'das geänderte Gesetz ist im Arbeitsbereich');
  return an.laws[0].commands.map((c) => JSON.stringify({ verb: c.verb, target: c.target, neu: c.neu, side: c.side, to: c.to, words: c.words && [c.words.op, c.words.old?.text, c.words.anchor?.text, c.words.neu?.text, c.words.atEnd, c.words.all], content: c.content }));
}

function roundTrip(stamm: string, aend: string): { before: Amendment; after: Amendment; xml: string } {
  const before = workspace(stamm, aend);
  const xml = before.ls.exportLegalDocML(before.uri, { datum: DATUM }).xml;
  const back = importXml(xml);
  return { before, after: workspace(stamm, back.text), xml };
}

describe('export: Rundreise Änderungsgesetz → LegalDocML.de → norma import → dieselben Änderungsbefehle', function () {
  this.timeout(120_000);

  it('samples/aenderung-bmg.norma gegen samples/gesetze/bmg.norma: gültig, dieselben Befehle, dieselbe neue Fassung', () => {
    const stamm = fs.readFileSync(path.join(ROOT, 'samples', 'gesetze', 'bmg.norma'), 'utf8');
    const aend = fs.readFileSync(path.join(ROOT, 'samples', 'aenderung-bmg.norma'), 'utf8');
    const { before, after, xml } = roundTrip(stamm, aend);
    if (hasXmllint()) assert.equal(validate(xml), undefined);
    const root = rootOf(xml);
    assert.equal(findAll(root, 'textualMod').length, 8);
    assert.deepEqual(commandView(after), commandView(before));
    const a = newVersions(before.ls.getModel(before.uri), before.ls.refContext)[0];
    const b = newVersions(after.ls.getModel(after.uri), after.ls.refContext)[0];
    assert.equal(a.applied, 8);
    assert.equal(b.applied, a.applied);
    assert.equal(b.text, a.text);
  });

  it('Lobbyregistergesetz 2024 (Korpus): 46 textualMods, gültig, weiter 45 von 46 Befehlen anwendbar, dieselbe neue Fassung', function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    const read = (n: string): string => importXml(fs.readFileSync(path.join(CORPUS, 'legaldocml', `${n}.xml`), 'utf8')).text;
    const { before, after, xml } = roundTrip(read('lobbyrg_2021_stammgesetz_regelungstext'), read('lobbyrg_aendg_2024_aenderungsgesetz_regelungstext'));
    if (hasXmllint()) assert.equal(validate(xml), undefined);
    const root = rootOf(xml);
    const tm = findAll(root, 'textualMod');
    assert.equal(tm.length, 46);
    const types: Record<string, number> = {};
    for (const t of tm) types[t.attrs.type] = (types[t.attrs.type] ?? 0) + 1;
    // as the official sample counts them (22 insertion, 20 substitution, 4 repeal)
    assert.deepEqual(types, { insertion: 22, substitution: 20, repeal: 4 });
    // the targets as the official sample writes them: the ELI of the Lobbyregistergesetz 2021
    assert.ok(tm.every((t) => kids(t, 'destination')[0].attrs.href.startsWith('eli/bund/bgbl-1/2021/s818/2021-04-16/1/deu/regelungstext-verkuendung-1/')));
    assert.deepEqual(commandView(after), commandView(before));
    const a = newVersions(before.ls.getModel(before.uri), before.ls.refContext)[0];
    const b = newVersions(after.ls.getModel(after.uri), after.ls.refContext)[0];
    assert.equal(a.applied, 45);
    assert.equal(b.applied, 45);
    assert.equal(b.commands, 46);
    assert.equal(b.text, a.text);
  });
});
