/**
 * The Synopse of an amending draft (`norma synopse`, the Synopse view): rows
 * per §, changed words marked, links to the commands, text escaped.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service';
import { synopse, synopseHtml, synopseMarkdown } from '../server/src/service/amend';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'norma.js');
const WOANMG = "---\ntitel: Gesetz über die Anmeldung von Wohnungen\nkurztitel: Wohnungsanmeldegesetz\nabkuerzung: WoAnmG\ntyp: stammgesetz\nfassung: konsolidiert\n---\n§ 1 Anmeldung\n(1) Wer eine Wohnung bezieht, hat sich innerhalb von zwei Wochen nach dem Bezug der Wohnung schriftlich bei der Meldebehörde anzumelden.\n(2) Die Anmeldung ist schriftlich oder zur Niederschrift vorzunehmen. Sie ist gebührenfrei.\n§ 2 Abmeldung\nWer aus einer Wohnung auszieht, hat sich innerhalb von zwei Wochen abzumelden.\n§ 3 Mitwirkung des Wohnungsgebers\n(1) Der Wohnungsgeber bestätigt den Einzug.\n(2) Die Bestätigung enthält\n  1. den Namen des Wohnungsgebers,\n  2. die Anschrift der Wohnung.\n§ 4 Inkrafttreten\nDieses Gesetz tritt am Tag nach der Verkündung in Kraft.\n";
const AENDERUNG = "---\ntitel: Gesetz zur Änderung des Wohnungsanmeldegesetzes\ntyp: aenderungsgesetz\n---\nArtikel 1 Änderung des Wohnungsanmeldegesetzes\nDas Wohnungsanmeldegesetz vom 1. März 2020 (BGBl. I S. 100), das zuletzt durch Artikel 2 des Gesetzes vom 5. Mai 2024 (BGBl. 2024 I Nr. 150) geändert worden ist, wird wie folgt geändert:\n1. § 1 wird wie folgt geändert:\n  a) In Absatz 1 wird das Wort „schriftlich“ durch das Wort „elektronisch“ ersetzt.\n  b) Absatz 2 wird durch den folgenden Absatz 2 ersetzt:\n    „(2) Die Anmeldung erfolgt über das Verwaltungsportal. Sie ist gebührenfrei.“\n2. In § 2 werden die Wörter „zwei Wochen“ durch die Wörter „einem Monat“ ersetzt.\n3. § 3 Absatz 2 wird wie folgt geändert:\n  a) In Nummer 2 wird der „.“ am Ende durch ein „,“ ersetzt.\n  b) Nach Nummer 2 wird folgende Nummer 3 eingefügt:\n    „3. das Datum des Einzugs.“\n\nArtikel 2 Inkrafttreten\nDieses Gesetz tritt am Tag nach der Verkündung in Kraft.\n";

function build(law = WOANMG, draft = AENDERUNG) {
  const s = createLanguageService();
  s.open('file:///w/woanmg.norma', law);
  s.open('file:///w/aenderung.norma', draft);
  return synopse(s.getModel('file:///w/aenderung.norma'), s.refContext);
}

describe('Synopse', () => {
  it('has a row per §: changed, inserted and unchanged, each changed § linked to its commands', () => {
    const [s] = build();
    assert.equal(s.law.abkuerzung, 'WoAnmG');
    const rows = Object.fromEntries(s.rows.map((r) => [r.key, r.status]));
    assert.deepEqual(rows, { '§ 1': 'geaendert', '§ 2': 'geaendert', '§ 3': 'geaendert', '§ 4': 'unveraendert' });
    const r2 = s.rows.find((r) => r.key === '§ 2');
    assert.ok(r2 && r2.commands.length === 1);
    assert.match(AENDERUNG.split('\n')[r2.commands[0].line], /§ 2/);
  });

  it('marks the changed words: Markdown ~~old~~ / **new**, HTML <del>/<ins>', () => {
    const list = build();
    const md = synopseMarkdown(list);
    assert.match(md, /innerhalb von ~~zwei Wochen~~ abzumelden\. \| Wer aus einer Wohnung auszieht, hat sich innerhalb von \*\*einem Monat\*\* abzumelden\./);
    assert.match(md, /1 Vorschrift bleibt unverändert\./);
    const html = synopseHtml(list);
    assert.match(html, /<del>zwei Wochen<\/del>/);
    assert.match(html, /<ins>einem Monat<\/ins>/);
    assert.match(html, /<details><summary>§ 4 /);
    assert.doesNotMatch(html, /<script/i);
  });

  it('escapes the text of the law and the draft', () => {
    const law = WOANMG.replace('zwei Wochen abzumelden', 'zwei Wochen <script>alert(1)</script> abzumelden');
    const html = synopseHtml(build(law, AENDERUNG));
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('norma synopse: html by default, markdown on request, exit code 2 without the amended law', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-synopse-'));
    fs.writeFileSync(path.join(dir, 'woanmg.norma'), WOANMG);
    fs.writeFileSync(path.join(dir, 'aenderung.norma'), AENDERUNG);
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'synopse', ...args], { cwd: dir, encoding: 'utf8' });
    const html = run('aenderung.norma', 'woanmg.norma');
    assert.equal(html.status, 0, html.stderr);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    const md = run('--format', 'markdown', 'aenderung.norma', 'woanmg.norma');
    assert.match(md.stdout, /^# Synopse: Gesetz über die Anmeldung von Wohnungen \(WoAnmG\)/);
    const none = run('aenderung.norma');
    assert.equal(none.status, 2);
    assert.match(none.stderr, /Kein geändertes Gesetz unter den angegebenen Dateien/);
    const bad = run('--format', 'pdf', 'aenderung.norma', 'woanmg.norma');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Unbekanntes Format „pdf“. Formate: html, markdown/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
