/**
 * The live preview: the draft rendered like a published law, in a webview
 * beside the editor. The language server renders the HTML (`norma/preview`,
 * every piece of document text escaped); the extension adds the shell with
 * a strict Content-Security-Policy (nonce, no inline code, resources only
 * from the extension's media folder), keeps it up to date while the drafter
 * types, synchronises scrolling both ways, and reveals the source line of a
 * click. Messages from the webview are validated with zod.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { z } from 'zod';
import { t, uiLanguage } from './l10n';

export const PREVIEW_REQUEST = 'norma/preview';
export const SYNOPSE_REQUEST = 'norma/synopse';
/** What a panel shows: the draft as a law, or the Synopse of an amending draft. */
export type PanelKind = 'preview' | 'synopse';

/** What the server answers: the rendered body and the document version it shows. */
interface PreviewResult {
  html: string;
  version: number;
}

/** Messages from the webview (anything else is dropped). */
const FromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('click'), line: z.number().int().nonnegative() }),
  z.object({ type: z.literal('scroll'), line: z.number().int().nonnegative() }),
  z.object({ type: z.literal('open'), uri: z.string().max(2000), line: z.number().int().nonnegative() }),
  z.object({ type: z.literal('toggleCosts') }),
  z.object({ type: z.literal('external'), url: z.string().max(2000) }),
  z.object({ type: z.literal('rendered'), version: z.number().int(), ms: z.number().nonnegative() }),
]);
export type FromWebview = z.infer<typeof FromWebview>;

/** One open preview. */
export class PreviewPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private costs = false;
  /** Set while the editor scrolls because the preview asked it to (no echo back). */
  private scrollingFromPreview = 0;
  /** For tests and the benchmark: the last version the webview painted, and when. */
  lastRendered: { version: number; at: number; ms: number } | undefined;
  /** For tests: every valid message from the webview, in order. */
  readonly received: FromWebview[] = [];
  /** For tests: the number of invalid messages dropped. */
  dropped = 0;
  private readonly renderedListeners: ((v: number) => void)[] = [];

  constructor(
    private readonly document: vscode.TextDocument,
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly onDispose: () => void,
    column: vscode.ViewColumn,
    readonly kind: PanelKind = 'preview',
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(
      kind === 'synopse' ? 'norma.synopse' : 'norma.preview',
      kind === 'synopse' ? t('Synopsis: {0}', basename(document.uri)) : t('Preview: {0}', basename(document.uri)),
      { viewColumn: column, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [media], retainContextWhenHidden: true, enableFindWidget: true },
    );
    this.panel.iconPath = vscode.Uri.joinPath(media, 'preview-icon.svg');
    this.panel.webview.html = this.shell();
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length) this.schedule(10);
      }),
      // new findings only move the margin markers: no new rendering
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.ready && e.uris.some((u) => u.toString() === this.document.uri.toString())) {
          void this.panel.webview.postMessage({ type: 'diagnostics', diagnostics: this.diagnostics() });
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document !== this.document || Date.now() < this.scrollingFromPreview) return;
        const line = e.visibleRanges[0]?.start.line ?? 0;
        void this.panel.webview.postMessage({ type: 'scrollTo', line });
      }),
    );
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  /** The HTML shell: CSP with a fresh nonce, the stylesheet and the script from media/. */
  private shell(): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
    const title = escapeHtml(basename(this.document.uri));
    const lang = uiLanguage();
    const costsLabel = escapeHtml(t('Cost per §'));
    const loading = escapeHtml(t('The preview is being rendered …'));
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css.toString()}">
<title>${title}</title>
</head>
<body>
<div class="norma-toolbar"${this.kind === 'synopse' ? ' hidden' : ''}><label><input type="checkbox" id="norma-costs"> ${costsLabel}</label></div>
<main id="norma-root" class="norma-preview" aria-live="polite"><p class="norma-loading">${loading}</p></main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
  }

  /** Render again a moment after the last change (the server analyses the change meanwhile). */
  schedule(delay = 0): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  async update(): Promise<void> {
    if (!this.ready) return;
    const c = this.client();
    if (!c || !c.isRunning()) return;
    const costs = this.costs;
    let r: PreviewResult | null;
    try {
      r = await c.sendRequest<PreviewResult | null>(this.kind === 'synopse' ? SYNOPSE_REQUEST : PREVIEW_REQUEST, { uri: c.code2ProtocolConverter.asUri(this.document.uri), costs });
    } catch {
      return; // cancelled or failed: the next change renders again
    }
    // answers arrive in order; one older than what is shown (or for the other cost setting) is dropped
    if (!r || r.version < this.shownVersion || (r.version === this.shownVersion && costs === this.shownCosts) || costs !== this.costs) return;
    this.shownVersion = r.version;
    this.shownCosts = costs;
    await this.panel.webview.postMessage({ type: 'update', html: r.html, version: r.version, diagnostics: this.diagnostics(), costs });
  }

  private shownVersion = -1;
  private shownCosts = false;

  /** The draft's findings for the margin markers. */
  private diagnostics(): { line: number; severity: string; message: string }[] {
    return vscode.languages.getDiagnostics(this.document.uri).map((d) => ({
      line: d.range.start.line,
      severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info',
      message: `${typeof d.code === 'object' ? d.code.value : (d.code ?? '')}: ${d.message}`,
    }));
  }

  /** Render again even if the version did not change (server restarted). */
  rerender(): void {
    this.shownVersion = -1;
    this.schedule(0);
  }

  /** For tests: ask the webview to click the text rendered from `line` (a real DOM click in the webview). */
  async clickLine(line: number): Promise<boolean> {
    return this.panel.webview.postMessage({ type: 'testClick', line });
  }

  /** For tests: resolves when the webview has painted `version` or later. */
  rendered(version: number): Promise<void> {
    if (this.lastRendered && this.lastRendered.version >= version) return Promise.resolve();
    return new Promise((resolve) => {
      const l = (v: number): void => {
        if (v >= version) {
          this.renderedListeners.splice(this.renderedListeners.indexOf(l), 1);
          resolve();
        }
      };
      this.renderedListeners.push(l);
    });
  }

  private receive(raw: unknown): void {
    const parsed = FromWebview.safeParse(raw);
    if (!parsed.success) {
      this.dropped++;
      return;
    }
    const m = parsed.data;
    this.received.push(m);
    if (this.received.length > 200) this.received.splice(0, 100);
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.schedule(0);
        break;
      case 'toggleCosts':
        this.costs = !this.costs;
        this.schedule(0);
        break;
      case 'click':
        void this.reveal(this.document.uri, m.line, true);
        break;
      case 'scroll': {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
        if (!editor) break;
        this.scrollingFromPreview = Date.now() + 300;
        editor.revealRange(new vscode.Range(m.line, 0, m.line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'open': {
        // a citation into another draft or law of the workspace: only file URIs of .norma documents
        let target: vscode.Uri;
        try {
          target = vscode.Uri.parse(m.uri, true);
        } catch {
          this.dropped++;
          break;
        }
        if ((target.scheme !== 'file' && target.scheme !== 'untitled') || !target.path.endsWith('.norma')) {
          this.dropped++;
          break;
        }
        void this.reveal(target, m.line, true);
        break;
      }
      case 'external': {
        // a citation of a law outside the workspace: its page on gesetze-im-internet.de or EUR-Lex, in the browser
        let url: vscode.Uri;
        try {
          url = vscode.Uri.parse(m.url, true);
        } catch {
          this.dropped++;
          break;
        }
        if (url.scheme !== 'https') {
          this.dropped++;
          break;
        }
        void vscode.env.openExternal(url);
        break;
      }
      case 'rendered':
        this.lastRendered = { version: m.version, at: Date.now(), ms: m.ms };
        for (const l of [...this.renderedListeners]) l(m.version);
        break;
    }
  }

  /** Show `uri` in the editor column of the draft, with the cursor at the start of `line`. */
  private async reveal(uri: vscode.Uri, line: number, focus: boolean): Promise<void> {
    const doc = uri.toString() === this.document.uri.toString() ? this.document : await vscode.workspace.openTextDocument(uri);
    const existing = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const safe = Math.min(line, doc.lineCount - 1);
    const range = new vscode.Range(safe, 0, safe, 0);
    this.scrollingFromPreview = Date.now() + 300;
    await vscode.window.showTextDocument(doc, {
      viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: !focus,
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}

/** The previews, one per draft. */
export class NormaPreviews implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
  ) {}

  /** Open (or show) the preview of `document` beside its editor. */
  open(document: vscode.TextDocument, kind: PanelKind = 'preview'): PreviewPanel {
    const key = `${kind}:${document.uri.toString()}`;
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const p = new PreviewPanel(document, this.extensionUri, this.client, () => this.panels.delete(key), vscode.ViewColumn.Beside, kind);
    this.panels.set(key, p);
    return p;
  }

  get(uri: vscode.Uri, kind: PanelKind = 'preview'): PreviewPanel | undefined {
    return this.panels.get(`${kind}:${uri.toString()}`);
  }

  /** The server restarted: render every preview again. */
  refreshAll(): void {
    for (const p of this.panels.values()) p.rerender();
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
