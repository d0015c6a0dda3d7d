/**
 * The cost report as HTML (`norma kosten --format html`, the report view in
 * VS Code): section E, the tables, the charts per § and addressee with the
 * figures of the annotations, and every piece of the draft's text escaped.
 */
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../server/src/service';
import { costCharts, costReportHtml, costReportHtmlBody } from '../server/src/service/costs';

const DRAFT = `---
titel: Gesetz <script>alert("titel")</script> zur Probe
typ: stammgesetz
---
§ 1 Antrag <img src=x onerror=alert(1)>
(1) Der Antrag wird elektronisch gestellt.
@aufwand Antrag <script>alert("bezeichnung")</script> stellen
  adressat: buerger
  fallzahl: 6.000
  zeit: 30 min
  sachkosten: 2
(2) Die Behörde prüft den Antrag.
@aufwand Prüfung | des [Antrags](javascript:alert(1))
  adressat: verwaltung
  ebene: land
  laufbahn: gehoben
  fallzahl: 6.000
  zeit: 20 min
  lohnsatz: 48
§ 2 Register
Die Behörde richtet ein Register ein.
@aufwand Einrichtung des Registers
  adressat: verwaltung
  ebene: bund
  art: einmalig
  fallzahl: 1
  zeit: 100 h
  lohnsatz: 50
§ 3 Inkrafttreten
Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.
`;

function report() {
  const s = createLanguageService();
  s.open('file:///probe.norma', DRAFT);
  return s.getCostReport(['file:///probe.norma'], new Map([['file:///probe.norma', 'probe.norma']]));
}

describe('cost report as HTML', () => {
  it('draws a bar per § with the euros of each addressee (hand-computed)', () => {
    const charts = costCharts(report());
    // § 1 jährlich: Bürger Sachkosten 6.000 × 2 € = 12.000 €; Länder 6.000 × 20 min ÷ 60 × 48 €/h = 96.000 €
    assert.match(charts, /<title>§ 1 · Bürger \(Sachkosten\): 12\.000 €<\/title>/);
    assert.match(charts, /<title>§ 1 · Verwaltung Länder und Kommunen: 96\.000 €<\/title>/);
    // the Bürger time apart: 6.000 × 30 min ÷ 60 = 3.000 h
    assert.match(charts, /<title>§ 1: 3\.000 Stunden<\/title>/);
    // § 2 einmalig: 1 × 100 h × 50 €/h = 5.000 € for the Bund
    assert.match(charts, /Einmaliger Erfüllungsaufwand je Vorschrift und Adressat/);
    assert.match(charts, /<title>§ 2 · Verwaltung Bund: 5\.000 €<\/title>/);
    // the longest bar is the largest sum: § 1 (108.000 €) fills the plot, bars are proportional
    const widths = [...charts.matchAll(/<rect class="norma-bar-(buerger|laender)" x="[\d.]+" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    assert.equal(widths.length, 2);
    assert.ok(Math.abs(widths[1] / widths[0] - 96000 / 12000) < 0.01, `widths ${widths.join(', ')}`);
  });

  it('contains section E and the tables, and escapes every piece of the draft', () => {
    const html = costReportHtml(report());
    assert.match(html, /<h2>E\. Erfüllungsaufwand<\/h2>/);
    assert.match(html, /<h3>E\.1 Erfüllungsaufwand für Bürgerinnen und Bürger<\/h3>/);
    assert.match(html, /<table>/);
    assert.ok(html.indexOf('norma-charts') < html.indexOf('Erfüllungsaufwand nach Vorschriften</h2>'), 'the charts come before the tables');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /href="javascript:/i);
    assert.match(html, /Antrag &lt;script&gt;alert\(&quot;bezeichnung&quot;\)&lt;\/script&gt; stellen/);
    assert.match(html, /Gesetz &lt;script&gt;/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-/);
  });

  it('has no charts when there is nothing to draw', () => {
    const s = createLanguageService();
    s.open('file:///leer.norma', '---\ntitel: Leer\ntyp: stammgesetz\n---\n§ 1 Inkrafttreten\nDieses Gesetz tritt am Tag nach der Verkündung in Kraft.\n');
    const r = s.getCostReport(['file:///leer.norma']);
    assert.equal(costCharts(r), '');
    assert.match(costReportHtmlBody(r), /keine <code>@aufwand<\/code>-Angaben/);
  });
});
