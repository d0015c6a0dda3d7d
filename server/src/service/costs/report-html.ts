/**
 * The cost report as HTML, for the report view in the editor and
 * `norma kosten --format html`: Vorblatt section E and the table per
 * provision (the Markdown report, rendered by markdown-it with raw HTML
 * disabled, so every piece of document text is escaped) and bar charts per
 * § and addressee, drawn as inline SVG (no script, no network).
 */
import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../export/common';
import { unitWord, type Unit } from '../model/types';
import type { Posten } from './engine';
import { formatInteger, formatRund } from './numbers';
import { costReportMarkdown, type CostReport } from './report';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });


/** The addressees a chart bar is split into (euros) and their CSS classes. */
const SEGMENTE = [
  { key: 'buergerSach', label: 'Bürger (Sachkosten)', css: 'norma-bar-buerger' },
  { key: 'wirtschaft', label: 'Wirtschaft', css: 'norma-bar-wirtschaft' },
  { key: 'bund', label: 'Verwaltung Bund', css: 'norma-bar-bund' },
  { key: 'laender', label: 'Verwaltung Länder und Kommunen', css: 'norma-bar-laender' },
  { key: 'sv', label: 'Sozialversicherung', css: 'norma-bar-sv' },
] as const;
type SegmentKey = (typeof SEGMENTE)[number]['key'];

interface NormZeile {
  label: string;
  euro: Record<SegmentKey, number>;
  stunden: number;
}

function normLabel(norm: Unit | undefined): string {
  if (!norm) return 'Vor dem ersten §';
  return unitWord(norm) ?? norm.label;
}

function zeilen(posten: Posten[], art: 'jaehrlich' | 'einmalig', multiDoc: boolean, names: Map<string, string>): NormZeile[] {
  const byNorm = new Map<string, NormZeile>();
  for (const p of posten) {
    if (p.spec.art !== art) continue;
    const key = `${p.uri}#${p.norm?.eId ?? ''}`;
    let z = byNorm.get(key);
    if (!z) {
      const label = multiDoc ? `${normLabel(p.norm)} (${names.get(p.uri) ?? p.uri})` : normLabel(p.norm);
      z = { label, euro: { buergerSach: 0, wirtschaft: 0, bund: 0, laender: 0, sv: 0 }, stunden: 0 };
      byNorm.set(key, z);
    }
    const e = p.ergebnis;
    const s = p.spec;
    if (s.adressat === 'buerger') {
      z.stunden += e.stunden;
      z.euro.buergerSach += e.euro;
    } else if (s.adressat === 'wirtschaft') z.euro.wirtschaft += e.euro;
    else if (s.ebene === 'bund') z.euro.bund += e.euro;
    else if (s.ebene === 'sozialversicherung') z.euro.sv += e.euro;
    else z.euro.laender += e.euro;
  }
  return [...byNorm.values()];
}

const W = 640;
const LABEL_W = 170;
const VALUE_W = 110;
const BAR_H = 18;
const GAP = 8;

/** A horizontal stacked bar chart: one bar per §, segments per addressee (euros). */
function euroChart(title: string, rows: NormZeile[]): string {
  const sums = rows.map((r) => SEGMENTE.reduce((n, s) => n + Math.max(0, r.euro[s.key]), 0));
  const max = Math.max(...sums, 0);
  if (max <= 0) return '';
  const plot = W - LABEL_W - VALUE_W;
  const h = rows.length * (BAR_H + GAP) + GAP;
  const out: string[] = [];
  out.push(`<figure class="norma-chart"><figcaption>${escapeHtml(title)}</figcaption>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${W} ${h}" width="100%" preserveAspectRatio="xMinYMin meet">`);
  rows.forEach((r, i) => {
    const y = GAP + i * (BAR_H + GAP);
    out.push(`<text class="norma-chart-label" x="${LABEL_W - 6}" y="${y + BAR_H - 5}" text-anchor="end">${escapeHtml(r.label)}</text>`);
    let x = LABEL_W;
    for (const s of SEGMENTE) {
      const v = Math.max(0, r.euro[s.key]);
      if (v <= 0) continue;
      const w = Math.max(1, (v / max) * plot);
      out.push(`<rect class="${s.css}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}"><title>${escapeHtml(`${r.label} · ${s.label}: ${formatInteger(v)} €`)}</title></rect>`);
      x += w;
    }
    out.push(`<text class="norma-chart-value" x="${(x + 6).toFixed(1)}" y="${y + BAR_H - 5}">${escapeHtml(`${formatRund(sums[i]).replace(/^rund /, '')} €`)}</text>`);
  });
  out.push('</svg>');
  const used = SEGMENTE.filter((s) => rows.some((r) => r.euro[s.key] > 0));
  out.push(`<ul class="norma-legend">${used.map((s) => `<li><span class="norma-swatch ${s.css}"></span>${escapeHtml(s.label)}</li>`).join('')}</ul>`);
  out.push('</figure>');
  return out.join('\n');
}

/** Bürger time per § (hours), a chart of its own: hours and euros do not add up. */
function stundenChart(title: string, rows: NormZeile[]): string {
  const list = rows.filter((r) => r.stunden > 0);
  const max = Math.max(...list.map((r) => r.stunden), 0);
  if (max <= 0) return '';
  const plot = W - LABEL_W - VALUE_W;
  const h = list.length * (BAR_H + GAP) + GAP;
  const out: string[] = [];
  out.push(`<figure class="norma-chart"><figcaption>${escapeHtml(title)}</figcaption>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${W} ${h}" width="100%" preserveAspectRatio="xMinYMin meet">`);
  list.forEach((r, i) => {
    const y = GAP + i * (BAR_H + GAP);
    const w = Math.max(1, (r.stunden / max) * plot);
    out.push(`<text class="norma-chart-label" x="${LABEL_W - 6}" y="${y + BAR_H - 5}" text-anchor="end">${escapeHtml(r.label)}</text>`);
    out.push(`<rect class="norma-bar-stunden" x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}"><title>${escapeHtml(`${r.label}: ${formatInteger(r.stunden)} Stunden`)}</title></rect>`);
    out.push(`<text class="norma-chart-value" x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + BAR_H - 5}">${escapeHtml(`${formatRund(r.stunden).replace(/^rund /, '')} h`)}</text>`);
  });
  out.push('</svg></figure>');
  return out.join('\n');
}

/** The charts of a report: jährlich and einmalig, euros by addressee and Bürger hours, per §. */
export function costCharts(r: CostReport): string {
  const multi = r.dokumente.filter((d) => d.costs.posten.length).length > 1;
  const names = new Map(r.dokumente.map((d) => [d.uri, d.name]));
  const parts: string[] = [];
  for (const [art, name] of [
    ['jaehrlich', 'Jährlicher'],
    ['einmalig', 'Einmaliger'],
  ] as const) {
    const rows = zeilen(r.posten, art, multi, names);
    if (!rows.length) continue;
    parts.push(euroChart(`${name} Erfüllungsaufwand je Vorschrift und Adressat (Euro)`, rows));
    parts.push(stundenChart(`${name} Zeitaufwand der Bürgerinnen und Bürger je Vorschrift (Stunden)`, rows));
  }
  const body = parts.filter(Boolean).join('\n');
  return body ? `<section class="norma-charts"><h2>Erfüllungsaufwand je Vorschrift</h2>\n${body}\n</section>` : '';
}

/** The report's body: section E and the tables (from the Markdown report), the charts before the tables. */
export function costReportHtmlBody(r: CostReport): string {
  const html = md.render(costReportMarkdown(r));
  const charts = costCharts(r);
  const at = html.indexOf('<h2>Erfüllungsaufwand nach Vorschriften</h2>');
  return at >= 0 ? `${html.slice(0, at)}${charts}\n${html.slice(at)}` : `${html}${charts}`;
}

export const REPORT_CSS = `
body { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9em; }
th, td { border: 1px solid #8884; padding: 0.2rem 0.45rem; }
td:nth-child(n+5) { text-align: right; }
.norma-chart { margin: 0.5rem 0 1.2rem; }
.norma-chart figcaption { font-weight: 600; margin-bottom: 0.3rem; }
.norma-chart-label, .norma-chart-value { font-size: 12px; fill: currentColor; }
.norma-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; font-size: 0.85em; }
.norma-swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; vertical-align: -0.05em; }
.norma-bar-buerger { fill: #6a9fb5; background: #6a9fb5; }
.norma-bar-wirtschaft { fill: #d08d3a; background: #d08d3a; }
.norma-bar-bund { fill: #5b8a4a; background: #5b8a4a; }
.norma-bar-laender { fill: #8a6bb0; background: #8a6bb0; }
.norma-bar-sv { fill: #b05b6b; background: #b05b6b; }
.norma-bar-stunden { fill: #6a9fb5; }
`;

/** A standalone HTML page of the report (strict CSP: no scripts, only the inline style with its hash-free nonce). */
export function costReportHtml(r: CostReport, nonce = 'norma-report'): string {
  const title = r.dokumente.length === 1 && r.dokumente[0].titel ? `Erfüllungsaufwand – ${r.dokumente[0].titel}` : 'Erfüllungsaufwand';
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${escapeHtml(nonce)}'; img-src data:">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">${REPORT_CSS}</style>
</head>
<body>
${costReportHtmlBody(r)}
</body>
</html>
`;
}
