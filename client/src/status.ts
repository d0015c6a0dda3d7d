/**
 * The status-bar item: whether the language server runs, and the findings
 * of the draft in the active editor. A click shows the output.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { t } from './l10n';

export class NormaStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private state: State = State.Stopped;

  constructor() {
    this.item = vscode.window.createStatusBarItem('norma.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = t('Norma');
    this.item.command = 'norma.showOutput';
  }

  setState(state: State): void {
    this.state = state;
    this.refresh();
  }

  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'norma') {
      this.item.hide();
      return;
    }
    const item = this.item;
    item.backgroundColor = undefined;
    switch (this.state) {
      case State.Starting:
        item.text = '$(sync~spin) Norma';
        item.tooltip = t('The Norma language server is starting …');
        break;
      case State.Running: {
        const diags = vscode.languages.getDiagnostics(editor.document.uri);
        const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
        const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
        item.text = errors || warnings ? `$(law) Norma $(error) ${errors} $(warning) ${warnings}` : '$(law) Norma $(check)';
        item.tooltip =
          errors || warnings
            ? t('Norma: {0} errors, {1} warnings in this draft. Click to show the output.', errors, warnings)
            : t('Norma: no errors or warnings in this draft. Click to show the output.');
        break;
      }
      default:
        item.text = '$(error) Norma';
        item.tooltip = t('The Norma language server is not running. Click to show the output.');
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
    item.show();
  }

  /** For tests: what the item shows. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
