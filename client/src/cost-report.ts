/**
 * The cost report view: Vorblatt section E, the bar charts per § and
 * addressee and the table per provision, as the language server renders
 * them (`norma/costReport` with `format: "html"`; every piece of document
 * text escaped there). The webview runs no script at all; its CSP allows
 * only the stylesheet from the extension's media folder.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { escapeHtml } from './preview';
import { t, uiLanguage } from './l10n';

export const COST_REPORT_REQUEST = 'norma/costReport';

export class CostReportPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** For tests: the body last shown. */
  body = '';

  constructor(
    /** A draft's URI, or `*` for the workspace. */
    readonly target: string,
    title: string,
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('norma.costReport', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: false,
      enableCommandUris: false,
      localResourceRoots: [media],
      enableFindWidget: true,
    });
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      // the figures change with the annotations: render again after the server has analysed an edit
      vscode.languages.onDidChangeDiagnostics(() => this.schedule(300)),
    );
  }

  schedule(delay = 0): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  async update(): Promise<boolean> {
    const c = this.client();
    if (!c) return false;
    const gen = ++this.generation;
    let r: { markdown: string; html?: string } | null;
    try {
      r = await c.sendRequest<{ markdown: string; html?: string } | null>(COST_REPORT_REQUEST, { uri: this.target, format: 'html' });
    } catch {
      return false;
    }
    if (gen !== this.generation) return false;
    const body = r?.html ?? `<p>${escapeHtml(t('The cost report is not available in this version of the language server yet.'))}</p>`;
    this.body = body;
    // the server writes the report in German; the fallback is in Norma's language
    this.panel.webview.html = this.page(body, r?.html ? 'de' : uiLanguage());
    return true;
  }

  private page(body: string, lang: string): string {
    const webview = this.panel.webview;
    const css = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'report.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; base-uri 'none'; form-action 'none'`;
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${css.toString()}">
<title>${escapeHtml(this.panel.title)}</title>
</head>
<body class="norma-report">
${body}
</body>
</html>`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}

export class CostReports implements vscode.Disposable {
  private readonly panels = new Map<string, CostReportPanel>();
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
  ) {}

  async show(target: string, title: string): Promise<CostReportPanel> {
    let p = this.panels.get(target);
    if (p) p.panel.reveal(undefined, true);
    else {
      p = new CostReportPanel(target, title, this.extensionUri, this.client, () => this.panels.delete(target));
      this.panels.set(target, p);
    }
    await p.update();
    return p;
  }

  get(target: string): CostReportPanel | undefined {
    return this.panels.get(target);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
  }
}
