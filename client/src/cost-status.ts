/**
 * The status-bar item with the compliance cost (Erfüllungsaufwand) of the
 * whole workspace: the yearly sums per addressee, the breakdown in the
 * tooltip, a click opens the workspace's cost report. The figures come from
 * the language server (`norma/costSummary`); the item only formats them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { t, uiLanguage } from './l10n';

/** The server's sums (see server/src/lsp/server.ts, CostSummary). */
interface Summen {
  buerger: { stunden: number; sachkosten: number };
  wirtschaft: { euro: number; buerokratiekosten: number };
  verwaltung: { bund: number; laender: number; sozialversicherung: number };
}

export interface CostSummary {
  jaehrlich: Summen;
  einmalig: Summen;
  annotations: number;
  documents: number;
  fehlerhaft: number;
}

export const COST_SUMMARY_REQUEST = 'norma/costSummary';
/** The URI the server reads as "every draft of the workspace" in `norma/costReport`. */
export const WORKSPACE_REPORT = '*';

export class NormaCostStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** The last summary shown (for tests). */
  summary: CostSummary | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item = vscode.window.createStatusBarItem('norma.kosten', vscode.StatusBarAlignment.Right, 99);
    this.label();
  }

  /** Name and command title in Norma's language (again on each update: `norma.locale` may have changed). */
  private label(): void {
    this.item.name = t('Norma: compliance cost of the workspace');
    this.item.command = { title: t('Show the cost report of the workspace'), command: 'norma.erfuellungsaufwand', arguments: [WORKSPACE_REPORT] };
  }

  /** Ask the server again, a moment after the last change (diagnostics arrive per document). */
  schedule(delay = 300): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  async update(): Promise<void> {
    const c = this.client();
    const experimental = c?.initializeResult?.capabilities.experimental as { costSummary?: boolean } | undefined;
    if (!c || !c.isRunning() || !experimental?.costSummary) {
      this.item.hide();
      return;
    }
    const gen = ++this.generation;
    let s: CostSummary | null;
    try {
      s = await c.sendRequest<CostSummary | null>(COST_SUMMARY_REQUEST, {});
    } catch {
      return; // a cancelled or failed request: keep what is shown
    }
    if (gen !== this.generation) return; // a newer answer is on its way
    this.summary = s ?? undefined;
    if (!s || (s.annotations === 0 && s.fehlerhaft === 0)) {
      this.item.hide();
      return;
    }
    this.label();
    this.item.text = `$(graph) ${headline(s)}`;
    this.item.tooltip = tooltip(s);
    this.item.show();
  }

  /** For tests: what the item shows. */
  get text(): string {
    return this.item.text;
  }
  get tooltipText(): string {
    const tip = this.item.tooltip;
    return typeof tip === 'string' ? tip : (tip?.value ?? '');
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }
}

/** Numbers as in the texts around them: Norma's language (`norma.locale`, see l10n.ts). */
function locale(): string {
  return uiLanguage() === 'de' ? 'de-DE' : 'en-GB';
}

/** „4.000“, „1,2 Mio.“ (de) / “4,000”, “1.2M” (en). */
function short(n: number): string {
  const abs = Math.abs(n);
  const f = new Intl.NumberFormat(locale(), abs >= 1_000_000 ? { notation: 'compact', compactDisplay: 'short', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 });
  return f.format(n);
}

function full(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

function verwaltung(s: Summen): number {
  return s.verwaltung.bund + s.verwaltung.laender + s.verwaltung.sozialversicherung;
}

/** The status-bar text: the yearly sums that are not zero; the one-off sums when there are no yearly ones. */
export function headline(s: CostSummary): string {
  const parts = (x: Summen, perYear: boolean): string[] => {
    const out: string[] = [];
    if (x.buerger.stunden) out.push(t('{0} h citizens', short(x.buerger.stunden)));
    if (x.wirtschaft.euro) out.push(t('{0} € business', short(x.wirtschaft.euro)));
    if (verwaltung(x)) out.push(t('{0} € administration', short(verwaltung(x))));
    if (!out.length && x.buerger.sachkosten) out.push(t('{0} € citizens', short(x.buerger.sachkosten)));
    return out.length ? [perYear ? t('per year:') : t('one-off:'), out.join(' · ')] : [];
  };
  const p = parts(s.jaehrlich, true);
  const shown = p.length ? p : parts(s.einmalig, false);
  const warn = s.fehlerhaft ? ` $(warning) ${s.fehlerhaft}` : '';
  return shown.length ? `${t('Compliance cost')} ${shown.join(' ')}${warn}` : `${t('Compliance cost')} ≈ 0${warn}`;
}

/** The breakdown: the Vorblatt's lines for yearly and one-off cost. */
export function tooltip(s: CostSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.appendMarkdown(`**${t('Compliance cost of the workspace')}**\n\n`);
  md.appendMarkdown(`| | ${t('per year')} | ${t('one-off')} |\n|---|---:|---:|\n`);
  const row = (label: string, j: number, e: number, unit: string, digits = 0): void => {
    md.appendMarkdown(`| ${label} | ${full(j, digits)} ${unit} | ${full(e, digits)} ${unit} |\n`);
  };
  const j = s.jaehrlich;
  const e = s.einmalig;
  row(t('Citizens: time'), j.buerger.stunden, e.buerger.stunden, 'h');
  row(t('Citizens: expenses'), j.buerger.sachkosten, e.buerger.sachkosten, '€');
  row(t('Business'), j.wirtschaft.euro, e.wirtschaft.euro, '€');
  row(t('of which bureaucracy cost from information obligations'), j.wirtschaft.buerokratiekosten, e.wirtschaft.buerokratiekosten, '€');
  row(t('Administration: Federation'), j.verwaltung.bund, e.verwaltung.bund, '€');
  row(t('Administration: Länder (incl. municipalities)'), j.verwaltung.laender, e.verwaltung.laender, '€');
  row(t('Administration: social insurance'), j.verwaltung.sozialversicherung, e.verwaltung.sozialversicherung, '€');
  md.appendMarkdown(`\n${t('{0} @aufwand annotations in {1} drafts.', s.annotations, s.documents)}`);
  if (s.fehlerhaft) md.appendMarkdown(` ${t('{0} annotations with errors are left out of the sums.', s.fehlerhaft)}`);
  md.appendMarkdown(`\n\n${t('Click to show the cost report of the workspace.')}`);
  return md;
}
