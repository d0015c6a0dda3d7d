/**
 * `norma import`: real federal law (gesetze-im-internet XML and LegalDocML.de)
 * as .norma text. The whole corpus imports without syntax errors and with
 * every § / Artikel of the source; small XML snippets pin down how each
 * element is written and how the language service reads the result.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService, type LanguageService } from '../server/src/service/index';
import type { DocumentModel } from '../server/src/service/model/document-model';
import type { Unit } from '../server/src/service/model/types';
import { importXml, type ImportResult } from '../server/src/service/import';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'norma.js');
const CORPUS = '/work/shared/corpus';
const URI = 'file:///import.norma';

interface Opened {
  ls: LanguageService;
  model: DocumentModel;
  text: string;
  lines: string[];
  result: ImportResult;
}

function open(result: ImportResult): Opened {
  const ls = createLanguageService();
  ls.open(URI, result.text);
  return { ls, model: ls.getModel(URI), text: result.text, lines: result.text.split('\n'), result };
}

function importOpen(xml: string, footnotes: 'drop' | 'comments' = 'drop'): Opened {
  return open(importXml(xml, { footnotes }));
}

function syntaxErrors(o: Opened): string[] {
  return o.ls
    .getDiagnostics(URI)
    .filter((d) => d.code === 'syntax' || d.code === 'frontmatter')
    .map((d) => `${d.code} ${d.range.start.line + 1}: ${d.message} | ${o.lines[d.range.start.line]}`);
}

function unit(o: Opened, eId: string): Unit {
  const u = o.model.byEId(eId);
  assert.ok(u, `keine Einheit ${eId}; vorhanden: ${[...o.model.units()].map((x) => x.eId).join(', ')}`);
  return u;
}

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();

// --- snippets -------------------------------------------------------------------------------------------

/** A gii document: the metadata norm plus the given norms. */
function gii(norms: string, meta = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<dokumente builddate="20250326224002" doknr="BJNR000000001">' +
    '<norm doknr="BJNR000000001"><metadaten><jurabk>TestG</jurabk><amtabk>TestG</amtabk>' +
    '<ausfertigung-datum manuell="ja">2020-01-02</ausfertigung-datum><fundstelle typ="amtlich"><periodikum>BGBl I</periodikum><zitstelle>2020, 1</zitstelle></fundstelle>' +
    `<langue>Gesetz zur Erprobung des Imports</langue>${meta}<standangabe checked="ja"><standtyp>Stand</standtyp><standkommentar>Zuletzt geändert durch Art. 1 G v. 1.2.2024 I Nr. 5</standkommentar></standangabe>` +
    '</metadaten><textdaten><fussnoten><Content><P><pre xml:space="preserve">(+++ Textnachweis ab: 1.1.2020 +++)</pre></P></Content></fussnoten></textdaten></norm>' +
    norms +
    '</dokumente>'
  );
}

function para(num: string, title: string, content: string, fussnoten = ''): string {
  return `<norm><metadaten><jurabk>TestG</jurabk><enbez>§ ${num}</enbez><titel format="parat">${title}</titel></metadaten><textdaten><text format="XML"><Content>${content}</Content></text><fussnoten>${fussnoten}</fussnoten></textdaten></norm>`;
}

function gl(kz: string, bez: string, titel: string): string {
  return `<norm><metadaten><jurabk>TestG</jurabk><gliederungseinheit><gliederungskennzahl>${kz}</gliederungskennzahl><gliederungsbez>${bez}</gliederungsbez><gliederungstitel>${titel}</gliederungstitel></gliederungseinheit></metadaten><textdaten><text format="XML"><Content><P></P></Content></text></textdaten></norm>`;
}

function dl(type: string, items: [string, string][]): string {
  return `<DL Font="normal" Type="${type}">${items.map(([dt, dd]) => `<DT>${dt}</DT><DD Font="normal"><LA Size="normal">${dd}</LA></DD>`).join('')}</DL>`;
}

/** The lines of the body after the front matter (without blank lines). */
function bodyLines(o: Opened): string[] {
  const end = o.lines.indexOf('---', 1);
  return o.lines.slice(end + 1).filter((l) => l.trim() !== '');
}

// --- corpus ------------------------------------------------------------------------------------------------

interface SourceCount {
  single: number;
  ranges: number;
}

/** § / Art and (XXXX) ranges counted from the gii source text. */
function giiSourceCount(xml: string): SourceCount {
  const enbez = [...xml.matchAll(/<enbez>([^<]*)<\/enbez>/g)].map((m) => m[1].trim());
  return {
    single: enbez.filter((e) => /^(§|Art) \d+[a-z]*$/.test(e)).length,
    ranges: enbez.filter((e) => e.startsWith('(XXXX)')).length,
  };
}

/** akn:article elements outside quoted structures (those are text of the amending command). */
function ldmlSourceCount(xml: string): number {
  const withoutQuotes = xml.replace(/<akn:quotedStructure\b[^>]*\/>/g, '').replace(/<akn:quotedStructure\b[\s\S]*?<\/akn:quotedStructure>/g, '');
  return (withoutQuotes.match(/<akn:article\b/g) ?? []).length;
}

/** Expected numbers from the corpus README (§/Art, ranges). */
const GII_EXPECTED: Record<string, SourceCount> = {
  'bgb.xml': { single: 2518, ranges: 24 },
  'gg.xml': { single: 201, ranges: 1 },
  'wogg.xml': { single: 53, ranges: 0 },
  'baugb.xml': { single: 294, ranges: 0 },
  'ozg.xml': { single: 16, ranges: 0 },
  'egovg.xml': { single: 28, ranges: 0 },
  'vwvfg.xml': { single: 121, ranges: 0 },
  'bmg.xml': { single: 63, ranges: 0 },
  'uhvorschg.xml': { single: 12, ranges: 0 },
  'sgb_12.xml': { single: 194, ranges: 1 },
  'lobbyrg-2024.xml': { single: 10, ranges: 0 },
};

const LDML_EXPECTED: Record<string, number> = {
  'lobbyrg_2021_stammgesetz_regelungstext.xml': 10,
  'lobbyrg_aendg_2024_aenderungsgesetz_regelungstext.xml': 3,
  'sgleig_mantelgesetz_2024_regelungstext-1_mantel.xml': 10,
  'sgleig_mantelgesetz_2024_regelungstext-2_art1_sgleig.xml': 75,
};

const corpusFiles = [
  ...Object.keys(GII_EXPECTED)
    .filter((f) => f !== 'lobbyrg-2024.xml')
    .map((f) => path.join(CORPUS, 'gii-xml', f)),
  path.join(CORPUS, 'consolidated', 'lobbyrg-2024.xml'),
  ...Object.keys(LDML_EXPECTED).map((f) => path.join(CORPUS, 'legaldocml', f)),
];

const stats: { file: string; lines: number; bytes: number; ms: number; warnings: string[] }[] = [];
const imported = new Map<string, Opened>();

describe('norma import: Korpus', function () {
  this.timeout(120_000);
  const available = fs.existsSync(CORPUS);

  after(() => {
    if (!stats.length) return;
    const rows = stats.map((s) => `  ${path.basename(s.file).padEnd(58)} ${String(s.lines).padStart(6)} Zeilen ${String(s.bytes).padStart(8)} B ${String(s.ms).padStart(5)} ms  ${s.warnings.length} Hinweise`);
    console.log(`\n  Import-Statistik (Fußnoten weggelassen):\n${rows.join('\n')}`);
    for (const s of stats) for (const w of s.warnings) console.log(`    ${path.basename(s.file)}: ${w.slice(0, 300)}`);
  });

  for (const file of corpusFiles) {
    const name = path.basename(file);
    it(`${name}: keine Syntaxfehler, alle § / Artikel und Bereiche der Quelle`, function () {
      if (!available) this.skip();
      const xml = fs.readFileSync(file, 'utf8');
      const t0 = performance.now();
      const result = importXml(xml);
      const ms = Math.round(performance.now() - t0);
      const o = open(result);
      imported.set(name, o);
      stats.push({ file, lines: result.text.split('\n').length - 1, bytes: Buffer.byteLength(result.text), ms, warnings: result.warnings });
      assert.deepEqual(syntaxErrors(o), []);
      const single = o.model.norms.filter((u) => u.kind === 'paragraph' || u.kind === 'artikel').length;
      const ranges = o.model.norms.filter((u) => u.kind === 'bereich').length;
      if (result.format === 'gii') {
        const src = giiSourceCount(xml);
        assert.deepEqual(src, GII_EXPECTED[name], 'Zählung der Quelle wie im Korpus-README');
        assert.deepEqual({ single, ranges }, src);
      } else {
        const src = ldmlSourceCount(xml);
        assert.equal(src, LDML_EXPECTED[name], 'Zählung der Quelle wie im Korpus-README');
        assert.deepEqual({ single, ranges }, { single: src, ranges: 0 });
      }
      // every range is repealed and written "§§ 3 bis 6 (weggefallen)"
      for (const r of o.model.norms.filter((u) => u.kind === 'bereich')) assert.ok(r.repealed, r.label);
    });
  }

  it('mit Fußnoten als Kommentaren: ebenfalls keine Syntaxfehler und dieselben Einheiten', function () {
    if (!available) this.skip();
    for (const f of ['bgb.xml', 'gg.xml', 'sgb_12.xml', 'wogg.xml']) {
      const xml = fs.readFileSync(path.join(CORPUS, 'gii-xml', f), 'utf8');
      const o = importOpen(xml, 'comments');
      assert.deepEqual(syntaxErrors(o), [], f);
      assert.deepEqual(giiSourceCount(xml), {
        single: o.model.norms.filter((u) => u.kind === 'paragraph' || u.kind === 'artikel').length,
        ranges: o.model.norms.filter((u) => u.kind === 'bereich').length,
      });
      assert.ok(o.lines.some((l) => l.startsWith('// (+++')), `${f}: Dokumentationshinweise als Kommentare`);
    }
  });

  it('Vorspann aus den Metadaten (gii und LegalDocML)', function () {
    if (!available) this.skip();
    const bgb = imported.get('bgb.xml');
    const gg = imported.get('gg.xml');
    const egovg = imported.get('egovg.xml');
    const aendg = imported.get('lobbyrg_aendg_2024_aenderungsgesetz_regelungstext.xml');
    const stamm = imported.get('lobbyrg_2021_stammgesetz_regelungstext.xml');
    if (!bgb || !gg || !egovg || !aendg || !stamm) this.skip();
    assert.deepEqual(bgb.model.frontMatter?.values, {
      titel: 'Bürgerliches Gesetzbuch',
      abkuerzung: 'BGB',
      typ: 'stammgesetz',
      fassung: 'konsolidiert',
      ausfertigung: '1896-08-18',
      fundstelle: 'RGBl 1896, 195',
      aenderungsstand: 'zuletzt geändert durch Art. 1 G v. 29.3.2026 I Nr. 83',
      stand: '2026-04-13',
      quelle: 'gesetze-im-internet.de (juris), BJNR001950896',
    });
    assert.equal(egovg.model.frontMatter?.values.kurztitel, 'E-Government-Gesetz');
    assert.equal(gg.model.frontMatter?.values.abkuerzung, 'GG');
    assert.deepEqual(aendg.model.frontMatter?.values, {
      titel: 'Gesetz zur Änderung des Lobbyregistergesetzes',
      typ: 'aenderungsgesetz',
      fassung: 'verkuendet',
      ausfertigung: '2024-01-15',
      fundstelle: 'BGBl. 2024 I Nr. 10',
      stand: '2024-01-18',
      eli: 'eli/bund/bgbl-1/2024/10/2024-01-18/1/deu/regelungstext-verkuendung-1',
      quelle: 'LegalDocML.de 1.8.2, eli/bund/bgbl-1/2024/10/2024-01-18/1/deu/2024-01-18/regelungstext-verkuendung-1.xml',
    });
    assert.equal(stamm.model.frontMatter?.values.kurztitel, 'Lobbyregistergesetz');
    assert.equal(stamm.model.frontMatter?.values.abkuerzung, 'LobbyRG');
    assert.equal(stamm.model.frontMatter?.values.typ, 'stammgesetz');
  });

  it('GG: Eingangsformel, Präambel, römische Gliederung, Artikel ohne Überschrift, Anhang EV', function () {
    const gg = imported.get('gg.xml');
    if (!gg) this.skip();
    assert.match(gg.model.eingangsformel?.ownText() ?? '', /^Der Parlamentarische Rat hat am 23\. Mai 1949/);
    assert.match(gg.model.praeambel?.ownText() ?? '', /^Im Bewußtsein seiner Verantwortung vor Gott/);
    assert.deepEqual(
      gg.model.gliederung.slice(0, 6).map((u) => u.label + ' ' + u.title),
      ['I. Die Grundrechte', 'II. Der Bund und die Länder', 'III. Der Bundestag', 'IV. Der Bundesrat', 'IV a. Gemeinsamer Ausschuß', 'V. Der Bundespräsident'],
    );
    const art1 = gg.model.norms[0];
    assert.equal(art1.label, 'Artikel 1');
    assert.equal(art1.parent?.label, 'I.');
    const range = gg.model.norms.find((u) => u.kind === 'bereich');
    assert.equal(gg.lines[range!.range.start.line], 'Artikel 74a und 75 (weggefallen)');
    assert.deepEqual(
      gg.model.anlagen.map((u) => u.label),
      ['Anhang EV'],
    );
    // "Artikel 3" on its own line inside the Anhang is text, not a heading
    assert.ok(gg.lines.includes('\\Artikel 3'));
  });

  it('BGB: Gliederung Buch › Abschnitt › Titel › Untertitel › Kapitel wie in der Quelle verschachtelt', function () {
    const bgb = imported.get('bgb.xml');
    if (!bgb) this.skip();
    const p21 = unit(bgb, 'art-z21');
    const chain: string[] = [];
    for (let u = p21.parent; u && u.kind !== 'dokument'; u = u.parent) chain.unshift(`${u.label} ${u.title}`);
    assert.deepEqual(chain, ['Buch 1 Allgemeiner Teil', 'Abschnitt 1 Personen', 'Titel 2 Juristische Personen', 'Untertitel 1 Vereine', 'Kapitel 1 Allgemeine Vorschriften']);
    assert.ok(!bgb.result.warnings.some((w) => w.startsWith('Gliederung')), bgb.result.warnings.join('\n'));
  });

  it('Text bleibt der Gesetzestext: eigener Text der Absätze wie in der Quelle (Stichprobe)', function () {
    if (!available) this.skip();
    let checked = 0;
    for (const [f, every] of [
      ['gg.xml', 1],
      ['ozg.xml', 1],
      ['bgb.xml', 7],
      ['vwvfg.xml', 2],
    ] as const) {
      const o = imported.get(f);
      if (!o) continue;
      const xml = fs.readFileSync(path.join(CORPUS, 'gii-xml', f), 'utf8');
      let i = 0;
      for (const m of xml.matchAll(/<enbez>(?:§|Art) (\d+[a-z]*)<\/enbez>.*?<Content>(.*?)<\/Content>/g)) {
        const [, num, content] = m;
        // plain Absätze only: no lists, tables, line breaks, footnotes or notes
        if (/<(DL|table|BR|FnR|noindex|Footnotes|pre)\b/.test(content)) continue;
        const ps = [...content.matchAll(/<P>(.*?)<\/P>/g)].map((p) => ws(p[1].replace(/<[^>]+>/g, '')));
        if (!ps.length || ps.some((p) => !p)) continue;
        if (i++ % every) continue;
        if (ps.every((p) => /^\(\d+[a-z]*\) /.test(p))) {
          for (const p of ps) {
            const [, abs, text] = /^\((\d+[a-z]*)\) (.*)$/.exec(p) as RegExpExecArray;
            assert.equal(unit(o, `art-z${num}_abs-z${abs}`).ownText(), text, `${f} § ${num} Abs. ${abs}`);
            checked++;
          }
        } else if (ps.length === 1) {
          assert.equal(unit(o, `art-z${num}_abs-n1`).ownText(), ps[0], `${f} ${num}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 500, `nur ${checked} Absätze geprüft`);
  });

  it('LegalDocML: Absätze des LobbyRG 2021 wie in der Quelle (akn:ref als Text)', function () {
    const o = imported.get('lobbyrg_2021_stammgesetz_regelungstext.xml');
    if (!o) this.skip();
    const xml = fs.readFileSync(path.join(CORPUS, 'legaldocml', 'lobbyrg_2021_stammgesetz_regelungstext.xml'), 'utf8');
    let checked = 0;
    for (const m of xml.matchAll(/<akn:paragraph\b[^>]*\beId="(art-z\d+_abs-z\d+)"[^>]*>\s*<akn:num\b[^>]*>\(\d+\)<\/akn:num>\s*<akn:content\b[^>]*>\s*<akn:p\b[^>]*>([\s\S]*?)<\/akn:p>\s*<\/akn:content>/g)) {
      const text = ws(m[2].replace(/<[^>]+>/g, ''));
      assert.equal(unit(o, m[1]).ownText(), text, m[1]);
      checked++;
    }
    assert.ok(checked >= 20, `nur ${checked}`);
    // § 2 Abs. 1: list introduction, four Nummern, listWrapUp after the list
    const abs = unit(o, 'art-z2_abs-z1');
    assert.deepEqual(
      abs.children.map((c) => c.label),
      ['1.', '2.', '3.', '4.'],
    );
    assert.match(abs.ownText(), /wenn Die Eintragung ist unverzüglich vorzunehmen/);
  });

  it('LegalDocML-Änderungsgesetz: zitierte Strukturen als mehrzeilige Zitate im Text der Befehle', function () {
    const o = imported.get('lobbyrg_aendg_2024_aenderungsgesetz_regelungstext.xml');
    if (!o) this.skip();
    const art1 = unit(o, 'art-z1');
    const abs = art1.children[0];
    assert.ok(abs.implicit);
    assert.equal(abs.children.length, 9, 'Nummern 1 bis 9 des Artikels 1');
    // Nr. 3 Buchst. b: "Die Absätze 2 bis 4 werden durch die folgenden Absätze 2 bis 5 ersetzt:" + quotation
    const nr3 = abs.children[2];
    const b = nr3.children.find((c) => c.num === 'b');
    assert.ok(b);
    const own = b.ownText();
    assert.match(own, /^Die Absätze 2 bis 4 werden durch die folgenden Absätze 2 bis 5 ersetzt: „\(2\) Interessenvertreterinnen/);
    assert.match(own, /\n1\. eine Beschreibung der beauftragten Interessenvertretung/);
    // the quotation keeps its structure by indentation in the text
    assert.ok(o.lines.some((l) => l.startsWith('        1. eine Beschreibung der beauftragten Interessenvertretung')));
    assert.ok(own.endsWith('in anonymisierter Form erfolgen.“') || /“\.?$/.test(own), own.slice(-80));
    assert.equal(b.children.length, 0, 'die zitierten Absätze und Nummern sind keine Einheiten des Änderungsgesetzes');
    // quotedText keeps its marks
    const nr1a = abs.children[0].children[0];
    assert.equal(nr1a.ownText(), 'In Absatz 1 wird nach den Wörtern „gegenüber den Organen“ das Wort „, Gremien“ eingefügt.');
    assert.equal(o.model.schlussformel?.ownText(), 'Die verfassungsmäßigen Rechte des Bundesrates sind gewahrt. Das vorstehende Gesetz wird hiermit ausgefertigt. Es ist im Bundesgesetzblatt zu verkünden.');
  });

  it('Mantelgesetz: Artikel 1 verweist als Kommentar auf das eingebundene Stammgesetz', function () {
    const o = imported.get('sgleig_mantelgesetz_2024_regelungstext-1_mantel.xml');
    if (!o) this.skip();
    const art1 = unit(o, 'art-z1');
    assert.equal(art1.title, 'Soldatinnen- und Soldatengleichstellungsgesetz (SGleiG)');
    const line = o.lines[art1.range.start.line + 1];
    assert.match(line, /^\/\/ Artikel 1: eigenes Dokument \(regelungstext-eingebundene-stammform\): eli\/bund\/bgbl-1\/2024\/17\/.*regelungstext-verkuendung-2\.xml$/);
    assert.equal(o.model.context.typ, 'aenderungsgesetz');
    assert.equal(o.model.inhaltsuebersicht?.toc?.length, 10);
  });

  it('Rechtsetzungsdokument (documentCollection): klare Fehlermeldung mit den Regelungstexten', function () {
    if (!available) this.skip();
    const xml = fs.readFileSync(path.join(CORPUS, 'legaldocml', 'sgleig_mantelgesetz_2024_rechtsetzungsdokument.xml'), 'utf8');
    assert.throws(() => importXml(xml), /Rechtsetzungsdokument \(akn:documentCollection\) ohne eigenen Regelungstext.*regelungstext-verkuendung-1\.xml/);
  });
});

// --- focused snippets ----------------------------------------------------------------------------------------

describe('norma import: gii-Elemente', () => {
  it('Vorspann: Titel, Abkürzung, typ, fassung, Daten, Fundstelle, Stand und Quelle', () => {
    const o = importOpen(gii(para('1', 'Zweck', '<P>Text.</P>')));
    assert.deepEqual(o.lines.slice(0, 12), [
      '---',
      'titel: Gesetz zur Erprobung des Imports',
      'abkuerzung: TestG',
      'typ: stammgesetz',
      'fassung: konsolidiert',
      'ausfertigung: 2020-01-02',
      'fundstelle: BGBl I 2020, 1',
      'aenderungsstand: Zuletzt geändert durch Art. 1 G v. 1.2.2024 I Nr. 5',
      'stand: 2025-03-26',
      'quelle: gesetze-im-internet.de (juris), BJNR000000001',
      '---',
      '',
    ]);
    const vo = importOpen(gii(para('1', 'Zweck', '<P>Text.</P>')).replace('Gesetz zur Erprobung des Imports', 'Verordnung über die Erprobung'));
    assert.equal(vo.model.context.typ, 'verordnung');
  });

  it('verschachtelte Listen: 1. › a) › aa) mit 2 Leerzeichen je Ebene', () => {
    const inner = dl('a-alpha', [
      ['aa)', 'erstens,'],
      ['bb)', 'zweitens,'],
    ]);
    const mid = dl('alpha', [
      ['a)', 'Buchstabe a,'],
      ['b)', `Buchstabe b mit ${inner}`],
    ]);
    const o = importOpen(gii(para('1', 'Listen', `<P>(1) Es gilt: ${dl('arabic', [['1.', `Nummer eins ${mid}`], ['2.', 'Nummer zwei.']])}</P>`)));
    assert.deepEqual(bodyLines(o), [
      '§ 1 Listen',
      '(1) Es gilt:',
      '  1. Nummer eins',
      '    a) Buchstabe a,',
      '    b) Buchstabe b mit',
      '      aa) erstens,',
      '      bb) zweitens,',
      '  2. Nummer zwei.',
    ]);
    assert.deepEqual(syntaxErrors(o), []);
    const bb = unit(o, 'art-z1_abs-z1_inhalt-n1_liste-n1_listenelem-n1_liste-n1_listenelem-n2_liste-n1_listenelem-n2');
    assert.equal(bb.kind, 'doppelbuchstabe');
    assert.equal(bb.ownText(), 'zweitens,');
    assert.equal(bb.address, '§ 1 Absatz 1 Nummer 1 Buchstabe b Doppelbuchstabe bb');
  });

  it('Text nach einer Liste (Schlusssatz) auf beiden Ebenen', () => {
    const inner = `${dl('alpha', [
      ['a)', 'der Antrag,'],
      ['b)', 'die Anzeige'],
    ])} jeweils in Textform,`;
    const o = importOpen(gii(para('2', 'Form', `<P>(1) Schriftlich sind ${dl('arabic', [['1.', `einzureichen ${inner}`], ['2.', 'die Erklärung']])}abzugeben.</P><P>(2) Satz.</P>`)));
    assert.deepEqual(bodyLines(o), [
      '§ 2 Form',
      '(1) Schriftlich sind',
      '  1. einzureichen',
      '    a) der Antrag,',
      '    b) die Anzeige',
      '    jeweils in Textform,',
      '  2. die Erklärung',
      'abzugeben.',
      '(2) Satz.',
    ]);
    const abs = unit(o, 'art-z2_abs-z1');
    assert.equal(abs.ownText(), 'Schriftlich sind abzugeben.');
    const nr1 = abs.children[0];
    assert.equal(nr1.ownText(), 'einzureichen jeweils in Textform,');
    assert.deepEqual(
      nr1.textParts().map((t) => t.role),
      ['text', 'after-list'],
    );
    assert.equal(unit(o, 'art-z2_abs-z2').ownText(), 'Satz.');
  });

  it('(weggefallen): Absatz, Nummer und ganzer §', () => {
    const o = importOpen(
      gii(
        para('3', 'Pflichten', `<P>(1) Es gilt ${dl('arabic', [['1.', 'dies,'], ['2.', '(weggefallen)'], ['3.', 'das.']])}</P><P>(2) (weggefallen)</P>`) +
          para('4', '(weggefallen)', '<P></P>'),
      ),
    );
    assert.deepEqual(syntaxErrors(o), []);
    assert.ok(unit(o, 'art-z3_abs-z2').repealed);
    assert.ok(unit(o, 'art-z3_abs-z1_inhalt-n1_liste-n1_listenelem-n2').repealed);
    assert.ok(!unit(o, 'art-z3_abs-z1_inhalt-n1_liste-n1_listenelem-n1').repealed);
    const p4 = unit(o, 'art-z4');
    assert.ok(p4.repealed);
    assert.equal(o.lines[p4.range.start.line], '§ 4 (weggefallen)');
  });

  it('Bereiche „(XXXX) §§ 3 bis 6“ (auch ohne Leerzeichen) und „(XXXX) Art 74a und 75“', () => {
    const range = (enbez: string): string =>
      `<norm><metadaten><jurabk>TestG</jurabk><enbez>${enbez}</enbez><titel format="XML">(weggefallen)</titel></metadaten><textdaten><text format="XML"><Content><P></P></Content></text></textdaten></norm>`;
    const o = importOpen(gii(range('(XXXX) §§ 3 bis 6') + range('(XXXX)§§ 2354 bis 2359') + range('(XXXX) Art 74a und 75')));
    assert.deepEqual(bodyLines(o), ['§§ 3 bis 6 (weggefallen)', '§§ 2354 bis 2359 (weggefallen)', 'Artikel 74a und 75 (weggefallen)']);
    assert.deepEqual(
      o.model.norms.map((u) => [u.kind, u.num, u.rangeConj, u.numTo, u.repealed]),
      [
        ['bereich', '3', 'bis', '6', true],
        ['bereich', '2354', 'bis', '2359', true],
        ['bereich', '74a', 'und', '75', true],
      ],
    );
  });

  it('Tabellen (CALS): Kopf- und Rumpfzeilen, verbundene Zellen auf dem Spaltenraster', () => {
    const table =
      '<table frame="all"><tgroup cols="3"><colspec colname="col1"/><colspec colname="col2"/><colspec colname="col3"/>' +
      '<thead><row><entry colname="col1">Anzahl<BR/> der Mitglieder</entry><entry colname="col2">Stufe</entry><entry colname="col3">Euro</entry></row></thead>' +
      '<tbody><row><entry colname="col1" morerows="1">1</entry><entry colname="col2">I</entry><entry colname="col3">361</entry></row>' +
      '<row><entry colname="col2">II</entry><entry colname="col3">408</entry></row>' +
      '<row><entry namest="col1" nameend="col2">Summe</entry><entry colname="col3">769 | gerundet</entry></row></tbody></tgroup></table>';
    const o = importOpen(gii(para('5', 'Höchstbeträge', `<P>(1) Die Beträge sind: ${table}</P><P>(2) Weiter.</P>`)));
    assert.deepEqual(bodyLines(o), [
      '§ 5 Höchstbeträge',
      '(1) Die Beträge sind:',
      '| Anzahl der Mitglieder | Stufe | Euro |',
      '| 1 | I | 361 |',
      '|  | II | 408 |',
      '| Summe |  | 769 \\| gerundet |',
      '(2) Weiter.',
    ]);
    assert.deepEqual(syntaxErrors(o), []);
    const abs = unit(o, 'art-z5_abs-z1');
    const tables = abs.parts.filter((p) => p.type === 'table');
    assert.equal(tables.length, 1);
    assert.equal(tables[0].type === 'table' && tables[0].table.rows.length, 4);
  });

  it('Fußnoten: FnR immer entfernt; Footnotes und fussnoten weggelassen oder als Kommentare', () => {
    const content = '<P>(1) Text<FnR ID="F1"/> mit Fußnote.</P><Footnotes><Footnote FnZ="*" ID="F1"><B>Amtlicher Hinweis:</B><BR/>Diese Vorschrift dient der Umsetzung.</Footnote></Footnotes>';
    const fussnoten = '<Content><P><pre xml:space="preserve">(+++ § 6: Zur Anwendung vgl. § 7 +++)</pre></P></Content>';
    const xml = gii(para('6', 'Fußnoten', content, fussnoten));
    const dropped = importOpen(xml);
    assert.ok(!dropped.lines.some((l) => l.includes('//')), dropped.text);
    assert.equal(unit(dropped, 'art-z6_abs-z1').ownText(), 'Text mit Fußnote.');
    const kept = importOpen(xml, 'comments');
    assert.deepEqual(syntaxErrors(kept), []);
    assert.equal(unit(kept, 'art-z6_abs-z1').ownText(), 'Text mit Fußnote.');
    assert.deepEqual(
      kept.lines.filter((l) => l.startsWith('//')),
      ['// (+++ Textnachweis ab: 1.1.2020 +++)', '// Fußnote: Amtlicher Hinweis: Diese Vorschrift dient der Umsetzung.', '// (+++ § 6: Zur Anwendung vgl. § 7 +++)'],
    );
  });

  it('Textzeilen, die wie Überschriften oder Marken aussehen, werden mit \\ geschützt und bleiben Text', () => {
    const o = importOpen(
      gii(
        para('7', 'Übergang', '<P>1. Januar 2027 ist der Stichtag.</P>') +
          para('8', 'Entsprechende Anwendung', '<P>§ 5 gilt entsprechend.</P>') +
          para('9', 'Zeilen', '<P>(1) Es gelten<BR/>Artikel 3<BR/>§ 12 Anwendungsbereich<BR/>a) kein Buchstabe<BR/>| keine Tabelle<BR/>@keine Annotation<BR/>// kein Kommentar<BR/>\\kein Escape<BR/>(2a) kein Absatz</P>'),
      ),
    );
    assert.deepEqual(syntaxErrors(o), []);
    assert.deepEqual(bodyLines(o).slice(0, 2), ['§ 7 Übergang', '\\1. Januar 2027 ist der Stichtag.']);
    assert.equal(unit(o, 'art-z7_abs-n1').ownText(), '1. Januar 2027 ist der Stichtag.');
    assert.equal(unit(o, 'art-z7').children.length, 1);
    // "§ 5 gilt entsprechend." reads as prose on its own: no escape needed, still text
    assert.ok(o.lines.includes('§ 5 gilt entsprechend.'));
    assert.equal(unit(o, 'art-z8_abs-n1').ownText(), '§ 5 gilt entsprechend.');
    assert.deepEqual(
      o.model.norms.map((u) => u.label),
      ['§ 7', '§ 8', '§ 9'],
    );
    const abs = unit(o, 'art-z9_abs-z1');
    assert.equal(abs.children.length, 0);
    assert.deepEqual(
      abs.textParts().map((t) => abs.block.partText(t)),
      ['Es gelten', 'Artikel 3', '§ 12 Anwendungsbereich', 'a) kein Buchstabe', '| keine Tabelle', '@keine Annotation', '// kein Kommentar', '\\kein Escape', '(2a) kein Absatz'],
    );
    assert.equal([...o.model.units()].filter((u) => u.kind === 'absatz').length, 3);
  });

  it('„ //“ im Gesetzestext beginnt keinen Kommentar (Wortverbinder U+2060) und wird gemeldet', () => {
    const r = importXml(gii(para('10', 'Adressen', '<P>Die Adresse lautet a //b und gilt.</P>')));
    const o = open(r);
    assert.equal(unit(o, 'art-z10_abs-n1').ownText(), 'Die Adresse lautet a \u2060//b und gilt.');
    assert.ok(r.warnings.some((w) => w.includes('U+2060')), r.warnings.join('\n'));
    assert.ok(!o.model.document.blocks.some((b) => b.tokens.some((t) => t.commentStart >= 0)));
  });

  it('Gliederung: Ebenen aus der gliederungskennzahl, Bezeichnungen wie in der Quelle', () => {
    const o = importOpen(
      gii(
        gl('010', 'Buch 1', 'Allgemeiner Teil') +
          gl('010010', 'Abschnitt 1', 'Personen') +
          para('1', 'Eins', '<P>Text.</P>') +
          gl('010020', 'Abschnitt 2', 'Sachen') +
          para('2', 'Zwei', '<P>Text.</P>') +
          gl('020', 'Buch 2', 'Schuldrecht') +
          gl('020010', 'Erster Abschnitt', 'Inhalt') +
          para('3', 'Drei', '<P>Text.</P>'),
      ),
    );
    assert.deepEqual(syntaxErrors(o), []);
    assert.deepEqual(
      o.model.gliederung.map((u) => u.eId),
      ['hauptteil-n1_buch-n1', 'hauptteil-n1_buch-n1_abschnitt-n1', 'hauptteil-n1_buch-n1_abschnitt-n2', 'hauptteil-n1_buch-n2', 'hauptteil-n1_buch-n2_abschnitt-n1'],
    );
    assert.equal(unit(o, 'art-z2').parent?.eId, 'hauptteil-n1_buch-n1_abschnitt-n2');
    assert.ok(o.lines.includes('Erster Abschnitt Inhalt'));
    assert.ok(!o.result.warnings.length, o.result.warnings.join('\n'));
  });

  it('GG-Formen: Eingangsformel, Präambel, „I. Die Grundrechte“, Art ohne Überschrift, Inhaltsübersicht', () => {
    const norm = (enbez: string, content: string, titel = ''): string =>
      `<norm><metadaten><jurabk>TestG</jurabk><enbez>${enbez}</enbez>${titel}</metadaten><textdaten><text format="XML"><Content>${content}</Content></text></textdaten></norm>`;
    const toc = `<norm><metadaten><jurabk>TestG</jurabk><enbez>Inhaltsübersicht</enbez></metadaten><textdaten><text format="XML"><TOC><Ident>Teil 1</Ident><Title>Allgemeines</Title><table><tgroup cols="2"><tbody><row><entry>§  1</entry><entry>Zweck</entry></row></tbody></tgroup></table></TOC></text></textdaten></norm>`;
    const o = importOpen(
      gii(
        norm('Eingangsformel', '<P>Der Bundestag hat das folgende Gesetz beschlossen:</P>') +
          toc +
          norm('Präambel', '<P><SP>Im Bewußtsein,</SP><BR/>dies zu tun.</P>') +
          gl('010', 'I.', 'Die Grundrechte') +
          norm('Art 1', '<P>(1) Die Würde.</P>'),
      ),
    );
    assert.deepEqual(bodyLines(o), [
      'Der Bundestag hat das folgende Gesetz beschlossen:',
      'Inhaltsübersicht',
      '  Teil 1 Allgemeines',
      '    § 1 Zweck',
      'Präambel',
      'Im Bewußtsein,',
      'dies zu tun.',
      'I. Die Grundrechte',
      'Artikel 1',
      '(1) Die Würde.',
    ]);
    assert.deepEqual(syntaxErrors(o), []);
    assert.equal(o.model.eingangsformel?.ownText(), 'Der Bundestag hat das folgende Gesetz beschlossen:');
    assert.equal(o.model.inhaltsuebersicht?.toc?.length, 2);
    assert.equal(o.model.praeambel?.ownText(), 'Im Bewußtsein, dies zu tun.');
  });

  it('Anlagen: Überschrift mit „(zu § …)“ und Titel, Inhalt mit Absatz-artigem Text und Fundstelle als Hinweis', () => {
    const anlage = `<norm><metadaten><jurabk>TestG</jurabk><enbez>Anlage 1</enbez><titel format="XML">(zu § 12 Absatz 1)<BR/>Höchstbeträge</titel></metadaten><textdaten><text format="XML"><Content><P><noindex><kommentar typ="Fundstelle">(Fundstelle: BGBl. I 2020, 5)</kommentar></noindex></P><P>(1) Erster Punkt.</P><P>I. Kriterien</P></Content></text></textdaten></norm>`;
    const o = importOpen(gii(para('12', 'Beträge', '<P>Text.</P>') + anlage));
    assert.deepEqual(syntaxErrors(o), []);
    assert.deepEqual(bodyLines(o).slice(2), ['Anlage 1 (zu § 12 Absatz 1) Höchstbeträge', '\\(1) Erster Punkt.', '\\I. Kriterien']);
    const a = o.model.anlagen[0];
    assert.equal(a.num, '1');
    assert.equal(a.ownText(), '(1) Erster Punkt. I. Kriterien');
    const kept = importOpen(gii(para('12', 'Beträge', '<P>Text.</P>') + anlage), 'comments');
    assert.ok(kept.lines.includes('// (Fundstelle: BGBl. I 2020, 5)'));
  });

  it('nicht darstellbare Verschachtelung (aa) direkt im Absatz) wird Text mit Hinweis statt Syntaxfehler', () => {
    const r = importXml(gii(para('13', 'Sonderfall', `<P>(1) Es gilt ${dl('a-alpha', [['aa)', 'erstens'], ['bb)', 'zweitens']])}</P>`)));
    const o = open(r);
    assert.deepEqual(syntaxErrors(o), []);
    assert.equal(unit(o, 'art-z13_abs-z1').children.length, 0);
    assert.ok(r.warnings.some((w) => w.includes('Doppelbuchstabe „aa)“ direkt im Absatz')), r.warnings.join('\n'));
  });
});

describe('norma import: LegalDocML-Elemente', () => {
  const NS = 'http://Inhaltsdaten.LegalDocML.de/1.8.2/';
  function ldml(body: string, preface = '<akn:preface><akn:longTitle><akn:p><akn:docTitle>Gesetz zur Änderung des Erprobungsgesetzes</akn:docTitle></akn:p></akn:longTitle></akn:preface>'): string {
    return (
      `<?xml version="1.0" encoding="UTF-8"?><akn:akomaNtoso xmlns:akn="${NS}"><akn:act name="regelungstext"><akn:meta>` +
      '<akn:identification><akn:FRBRWork><akn:FRBRthis value="eli/bund/bgbl-1/2024/99/regelungstext-verkuendung-1"/><akn:FRBRuri value="eli/bund/bgbl-1/2024/99"/>' +
      '<akn:FRBRdate date="2024-05-02" name="verkuendungsfassung-ausfertigungsdatum"/></akn:FRBRWork><akn:FRBRExpression><akn:FRBRthis value="eli/bund/bgbl-1/2024/99/2024-05-03/1/deu/regelungstext-verkuendung-1"/><akn:FRBRdate date="2024-05-03" name="verkuendung"/></akn:FRBRExpression></akn:identification>' +
      '<akn:proprietary><meta:legalDocML.de_metadaten xmlns:meta="http://MetadatenRegelungstext.LegalDocML.de/1.8.2/"><meta:typ>gesetz</meta:typ><meta:form>mantelform</meta:form></meta:legalDocML.de_metadaten></akn:proprietary>' +
      `</akn:meta>${preface}<akn:preamble><akn:formula refersTo="eingangsformel"><akn:p>Der Bundestag hat das folgende Gesetz beschlossen:</akn:p></akn:formula></akn:preamble><akn:body>${body}</akn:body></akn:act></akn:akomaNtoso>`
    );
  }

  it('Vorspann, Gliederung, Artikel, Absätze, Listen mit Einleitung und Schluss', () => {
    const body =
      '<akn:part><akn:num>Teil 1</akn:num><akn:heading>Allgemeines</akn:heading><akn:article><akn:num>§ 1</akn:num><akn:heading>Zweck</akn:heading>' +
      '<akn:paragraph><akn:num>(1)</akn:num><akn:content><akn:blockList><akn:listIntroduction>Es gilt nach <akn:ref href="#art-z2">§ 2</akn:ref>,</akn:listIntroduction>' +
      '<akn:item><akn:num>1.</akn:num><akn:p>dass a,</akn:p></akn:item><akn:item><akn:num>2.</akn:num><akn:blockList><akn:listIntroduction>dass b</akn:listIntroduction><akn:item><akn:num>a)</akn:num><akn:p>mit x</akn:p></akn:item><akn:listWrapUp>in allen Fällen,</akn:listWrapUp></akn:blockList></akn:item>' +
      '<akn:listWrapUp>soweit nichts anderes bestimmt ist.</akn:listWrapUp></akn:blockList></akn:content></akn:paragraph>' +
      '<akn:paragraph><akn:num>(2)</akn:num><akn:content><akn:p>Zweiter Absatz.</akn:p></akn:content></akn:paragraph></akn:article></akn:part>';
    const o = importOpen(ldml(body));
    assert.deepEqual(syntaxErrors(o), []);
    assert.deepEqual(o.model.frontMatter?.values, {
      titel: 'Gesetz zur Änderung des Erprobungsgesetzes',
      typ: 'aenderungsgesetz',
      fassung: 'verkuendet',
      ausfertigung: '2024-05-02',
      fundstelle: 'BGBl. 2024 I Nr. 99',
      stand: '2024-05-03',
      eli: 'eli/bund/bgbl-1/2024/99/2024-05-03/1/deu/regelungstext-verkuendung-1',
      quelle: 'LegalDocML.de 1.8.2, eli/bund/bgbl-1/2024/99/2024-05-03/1/deu/regelungstext-verkuendung-1',
    });
    assert.deepEqual(bodyLines(o), [
      'Der Bundestag hat das folgende Gesetz beschlossen:',
      'Teil 1 Allgemeines',
      '§ 1 Zweck',
      '(1) Es gilt nach § 2,',
      '  1. dass a,',
      '  2. dass b',
      '    a) mit x',
      '    in allen Fällen,',
      'soweit nichts anderes bestimmt ist.',
      '(2) Zweiter Absatz.',
    ]);
    assert.equal(unit(o, 'art-z1').parent?.eId, 'hauptteil-n1_teil-n1');
    assert.equal(unit(o, 'art-z1_abs-z1').ownText(), 'Es gilt nach § 2, soweit nichts anderes bestimmt ist.');
    assert.equal(unit(o, 'art-z1_abs-z1_inhalt-n1_liste-n1_listenelem-n2').ownText(), 'dass b in allen Fällen,');
  });

  it('Änderungsbefehle: quotedText mit „…“, quotedStructure als mehrzeiliges Zitat nach der Zeile mit „:“', () => {
    const body =
      '<akn:article><akn:num>Artikel 1</akn:num><akn:heading>Änderung des Erprobungsgesetzes</akn:heading><akn:paragraph><akn:num/><akn:content><akn:blockList>' +
      '<akn:listIntroduction>Das Erprobungsgesetz wird wie folgt geändert:</akn:listIntroduction>' +
      '<akn:item><akn:num>1.</akn:num><akn:p><akn:mod>In § 1 wird das Wort <akn:quotedText startQuote="„" endQuote="“">alt</akn:quotedText> durch das Wort <akn:quotedText startQuote="„" endQuote="“">neu</akn:quotedText> ersetzt.</akn:mod></akn:p></akn:item>' +
      '<akn:item><akn:num>2.</akn:num><akn:p><akn:mod>§ 2 Absatz 1 wird wie folgt gefasst: <akn:quotedStructure startQuote="„" endQuote="“"><akn:paragraph><akn:num>(1)</akn:num><akn:content><akn:blockList><akn:listIntroduction>Es gilt:</akn:listIntroduction>' +
      '<akn:item><akn:num>1.</akn:num><akn:p>eins,</akn:p></akn:item><akn:item><akn:num>2.</akn:num><akn:p>zwei.</akn:p></akn:item></akn:blockList></akn:content></akn:paragraph></akn:quotedStructure>.</akn:mod></akn:p></akn:item>' +
      '<akn:item><akn:num>3.</akn:num><akn:p><akn:mod>Folgender § 3 wird angefügt: <akn:quotedStructure startQuote="„" endQuote="“"><akn:article><akn:num>§ 3</akn:num><akn:heading>Neu</akn:heading><akn:paragraph><akn:num/><akn:content><akn:p>Neuer Text.</akn:p></akn:content></akn:paragraph></akn:article></akn:quotedStructure></akn:mod></akn:p></akn:item>' +
      '</akn:blockList></akn:content></akn:paragraph></akn:article>' +
      '<akn:article><akn:num>Artikel 2</akn:num><akn:heading>Inkrafttreten</akn:heading><akn:paragraph><akn:num/><akn:content><akn:p>Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.</akn:p></akn:content></akn:paragraph></akn:article>';
    const o = importOpen(ldml(body));
    assert.deepEqual(syntaxErrors(o), []);
    assert.deepEqual(bodyLines(o), [
      'Der Bundestag hat das folgende Gesetz beschlossen:',
      'Artikel 1 Änderung des Erprobungsgesetzes',
      'Das Erprobungsgesetz wird wie folgt geändert:',
      '  1. In § 1 wird das Wort „alt“ durch das Wort „neu“ ersetzt.',
      '  2. § 2 Absatz 1 wird wie folgt gefasst:',
      '    „(1) Es gilt:',
      '      1. eins,',
      '      2. zwei.“.',
      '  3. Folgender § 3 wird angefügt:',
      '    „§ 3 Neu',
      '    Neuer Text.“',
      'Artikel 2 Inkrafttreten',
      'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
    ]);
    assert.deepEqual(
      o.model.norms.map((u) => u.label),
      ['Artikel 1', 'Artikel 2'],
      'der zitierte § 3 ist kein § des Änderungsgesetzes',
    );
    const nr2 = unit(o, 'art-z1_abs-n1_inhalt-n1_liste-n1_listenelem-n2');
    assert.equal(nr2.children.length, 0);
    // the text of a quotation spans its lines (joined with line breaks, without their indentation)
    assert.equal(nr2.ownText(), '§ 2 Absatz 1 wird wie folgt gefasst: „(1) Es gilt:\n1. eins,\n2. zwei.“.');
  });

  it('zitierte Struktur ohne „:“ davor: Zeilen als Text (Marken geschützt) statt mehrzeiligem Zitat', () => {
    const body =
      '<akn:article><akn:num>Artikel 1</akn:num><akn:heading>Änderung</akn:heading><akn:paragraph><akn:num/><akn:content><akn:blockList><akn:listIntroduction>Das Gesetz wird geändert:</akn:listIntroduction>' +
      '<akn:item><akn:num>1.</akn:num><akn:p><akn:mod>Die Nummern 4 und 5 werden wie folgt gefasst <akn:quotedStructure startQuote="„" endQuote="“"><akn:point><akn:num>4.</akn:num><akn:content><akn:p>vier,</akn:p></akn:content></akn:point><akn:point><akn:num>5.</akn:num><akn:content><akn:p>fünf.</akn:p></akn:content></akn:point></akn:quotedStructure>.</akn:mod></akn:p></akn:item>' +
      '</akn:blockList></akn:content></akn:paragraph></akn:article>';
    const r = importXml(ldml(body));
    const o = open(r);
    assert.deepEqual(syntaxErrors(o), []);
    assert.deepEqual(bodyLines(o).slice(3), ['  1. Die Nummern 4 und 5 werden wie folgt gefasst', '    „4. vier,', '    \\5. fünf.“.']);
    const nr1 = unit(o, 'art-z1_abs-n1_inhalt-n1_liste-n1_listenelem-n1');
    assert.equal(nr1.children.length, 0);
    assert.equal(nr1.ownText(), 'Die Nummern 4 und 5 werden wie folgt gefasst „4. vier, 5. fünf.“.');
    assert.ok(r.warnings.some((w) => w.includes('nicht als mehrzeiliges Zitat lesbar')), r.warnings.join('\n'));
  });

  it('nicht unterstütztes und nicht wohlgeformtes XML: deutsche Fehlermeldungen', () => {
    assert.throws(() => importXml('<html><body/></html>'), /^Error: Nicht unterstütztes XML \(<html>\)\. Unterstützt sind gesetze-im-internet-XML/);
    assert.throws(() => importXml('<akn:akomaNtoso xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>'), /Nicht unterstütztes XML/);
    assert.throws(() => importXml('<dokumente><norm>'), /^Error: Kein wohlgeformtes XML/);
    assert.throws(() => importXml(`<akn:akomaNtoso xmlns:akn="${NS}"><akn:doc name="begruendung"/></akn:akomaNtoso>`), /ohne akn:act/);
  });
});

describe('norma import (Kommandozeile)', function () {
  this.timeout(60_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-import-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [BIN, 'import', ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const xml = gii(para('1', 'Zweck', '<P>(1) Text<FnR ID="F1"/>.</P>', '<Content><P>(+++ Hinweis +++)</P></Content>'));
  fs.writeFileSync(path.join(dir, 'g.xml'), xml);
  fs.writeFileSync(path.join(dir, 'html.xml'), '<html/>');

  it('schreibt nach stdout, mit -o in eine Datei, mit --fussnoten kommentar die Hinweise als Kommentare', () => {
    const r = run('g.xml');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, importXml(xml).text);
    const o = run('g.xml', '-o', 'out/g.norma', '--fussnoten', 'kommentar');
    assert.equal(o.code, 0, o.stderr);
    assert.equal(o.stdout, '');
    const written = fs.readFileSync(path.join(dir, 'out', 'g.norma'), 'utf8');
    assert.ok(written.includes('\n// (+++ Hinweis +++)\n'), written);
    assert.match(o.stderr, /g\.xml \(gesetze-im-internet\) → out\/g\.norma, \d+ Zeilen/);
  });

  it('Aufruffehler, fehlende Datei und nicht unterstütztes XML: Exit-Code 2 mit deutscher Meldung', () => {
    const cases: [string[], RegExp][] = [
      [[], /^norma: import: keine Eingabedatei angegeben/],
      [['a.xml', 'b.xml'], /genau eine Eingabedatei erwartet/],
      [['g.xml', '--fussnoten', 'ja'], /--fussnoten erwartet weglassen oder kommentar, nicht „ja“/],
      [['g.xml', '--gibtsnicht'], /unbekannte Option „--gibtsnicht“/],
      [['fehlt.xml'], /^norma: Datei nicht gefunden: fehlt\.xml/],
      [['html.xml'], /^norma: html\.xml: Nicht unterstütztes XML \(<html>\)/],
    ];
    for (const [args, re] of cases) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, re);
    }
  });
});
