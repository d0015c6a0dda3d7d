/**
 * The extension in a real VS Code (code-server or @vscode/test-electron),
 * driven through the real `vscode` API. The workspace is a copy of samples/.
 * A feature the language server does not offer yet (its capability missing
 * in the server's initialize result) makes its test pending, with the reason.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NormaApi } from '../../extension';
import { codeOf, diagnosticsWhere, headingLine, lineOf, metrics, pending, positionOf, sleep, until } from './shared';

const EXTENSION_ID = 'norma.norma';

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

async function openDraft(...parts: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(...parts));
  return vscode.window.showTextDocument(doc);
}

/** Undo every change of the active editor's document and close it. */
async function revertAndClose(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

async function untitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'norma', content });
  return vscode.window.showTextDocument(doc);
}

describe('Norma in VS Code', function () {
  let api: NormaApi;
  let client: LanguageClient;

  /** The server's capabilities: a feature is tested when the server offers it. */
  function offers(capability: string): boolean {
    const caps = client.initializeResult?.capabilities as Record<string, unknown> | undefined;
    return !!caps?.[capability];
  }
  function requireCapability(ctx: Mocha.Context, capability: string, method: string): void {
    if (!offers(capability)) pending(ctx, `the language server does not offer ${capability} yet (LanguageService.${method} not implemented)`);
  }

  before(async function () {
    this.timeout(120000);
    const ext = vscode.extensions.getExtension<NormaApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const t0 = performance.now();
    api = await ext.activate();
    metrics.activateCallMs = performance.now() - t0;
    await api.ready;
    const c = api.client();
    assert.ok(c, 'the language client was not created');
    client = c;
    metrics.activationMs = api.activationMs;
    metrics.serverReadyMs = api.serverReadyMs;
  });

  it('activates for the workspace and runs the language server', () => {
    assert.equal(client.state, 2 /* State.Running */);
    assert.equal(client.initializeResult?.serverInfo?.name, 'norma-language-server');
    assert.ok(typeof metrics.activationMs === 'number' && metrics.activationMs > 0);
  });

  it('shows the findings of a draft that is not open (workspace diagnostics)', async () => {
    const uri = workspaceFile('schulung', 'fehlerhafter-entwurf.norma');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the draft must not be open for this test');
    const diags = await diagnosticsWhere(uri, 'workspace diagnostics of the training draft', (ds) => ds.some((d) => codeOf(d) === 'abkuerzung'));
    assert.ok(diags.some((d) => codeOf(d) === 'paragraph-nummerierung' && d.severity === vscode.DiagnosticSeverity.Error), 'duplicate § 7 is an error');
  });

  it('shows a diagnostic at the abbreviation, citing the drafting rule', async () => {
    const editor = await openDraft('schulung', 'fehlerhafter-entwurf.norma');
    const doc = editor.document;
    const at = positionOf(doc, 'Abs. 1 Nr. 2');
    const diags = await diagnosticsWhere(doc.uri, 'a diagnostic at „Abs.“', (ds) => ds.some((d) => d.range.start.isEqual(at)));
    const d = diags.find((x) => x.range.start.isEqual(at));
    assert.ok(d);
    assert.equal(codeOf(d), 'abkuerzung');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /Abkürzung „Abs\.“ im Normtext: „Absatz“ ausschreiben/);
    assert.match(d.source ?? '', /H6/);
    assert.equal(doc.getText(d.range), 'Abs.');
  });

  it('fixes the abbreviation with the preferred quick fix', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith('fehlerhafter-entwurf.norma'));
    const doc = editor.document;
    const at = positionOf(doc, 'Abs. 1 Nr. 2');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at));
    const fix = actions.find((a) => a.title === '„Abs.“ durch „Absatz“ ersetzen');
    assert.ok(fix, `no quick fix for „Abs.“; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.match(doc.lineAt(at.line).text, /nach Absatz 1 Nr\. 2 beizufügen/);
    await diagnosticsWhere(doc.uri, 'the finding at the fixed word to disappear', (ds) => !ds.some((d) => d.range.start.isEqual(at) && codeOf(d) === 'abkuerzung'));
  });

  it('fixes every safe finding with „Alle automatisch behebbaren Probleme beheben“', async () => {
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, 0, 0),
      vscode.CodeActionKind.SourceFixAll.append('norma').value,
    );
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.norma');
    assert.ok(fixAll, `no fix-all action; offered: ${actions.map((a) => `${a.kind?.value} ${a.title}`).join(' | ')}`);
    assert.equal(fixAll.title, 'Alle automatisch behebbaren Probleme beheben');
    assert.ok(fixAll.edit && (await vscode.workspace.applyEdit(fixAll.edit)));
    const text = doc.getText();
    assert.match(text, /ressort: Ministerium/, 'the misspelt front-matter key is fixed');
    assert.match(text, /die §§ 3 bis 6 gelten/i, 'the dash range is fixed');
    assert.match(text, /1\. „Bewohnerparkausweis“/, 'straight quotes become German quotes');
    assert.doesNotMatch(text, /ggf\.|z\. B\./, 'abbreviations are written out');
    await diagnosticsWhere(doc.uri, 'the fixed findings to disappear', (ds) => !ds.some((d) => ['abkuerzung', 'bereich-strich', 'anfuehrungszeichen'].includes(codeOf(d))));
    await revertAndClose();
  });

  it('inserts the § snippet', async () => {
    const editor = await untitled('');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'norma', name: 'Paragraph' });
    assert.equal(editor.document.getText(), '§ 1 Überschrift\n(1) Text des ersten Absatzes.\n');
    await revertAndClose();
  });

  it('inserts the Stammgesetz skeleton, and the server finds no error in it', async () => {
    const editor = await untitled('');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'norma', name: 'Stammgesetz' });
    const doc = editor.document;
    assert.match(doc.getText(), /^---\ntitel: Gesetz über die elektronische Beantragung von Leistungen\n/);
    assert.match(doc.getText(), /§ 3 Inkrafttreten\nDieses Gesetz tritt am Tag nach der Verkündung in Kraft\./);
    // the server has analysed this version: wait a moment for the publication, then no error may be there
    await until('the server to publish for the snippet', async () => {
      await sleep(300);
      return vscode.languages.getDiagnostics(doc.uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error) || undefined;
    });
    assert.deepEqual(
      vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message),
      [],
    );
    await revertAndClose();
  });

  it('continues „(1)“ with „(2)“ and list numbering on Enter', async () => {
    const editor = await untitled('§ 1 Anwendungsbereich\n(1) Dieses Gesetz gilt für\n  1. Anträge und');
    const doc = editor.document;
    editor.selection = new vscode.Selection(2, doc.lineAt(2).text.length, 2, doc.lineAt(2).text.length);
    await vscode.commands.executeCommand('type', { text: '\n' });
    assert.equal(doc.lineAt(3).text, '  2. ');
    await vscode.commands.executeCommand('type', { text: 'Bescheide.' });
    editor.selection = new vscode.Selection(1, doc.lineAt(1).text.length, 1, doc.lineAt(1).text.length);
    await vscode.commands.executeCommand('type', { text: '\n' });
    assert.equal(doc.lineAt(2).text, '(2) ');
    await revertAndClose();
  });

  it('treats „§ 3a“, umlauts and ß as words', async () => {
    const editor = await untitled('Nach § 3a Absatz 2 prüft die Straßenverkehrsbehörde.');
    const doc = editor.document;
    const word = (needle: string): string => {
      const r = doc.getWordRangeAtPosition(positionOf(doc, needle, 1));
      return r ? doc.getText(r) : '';
    };
    assert.equal(word('§ 3a'), '§ 3a');
    assert.equal(word('Straßenverkehrsbehörde'), 'Straßenverkehrsbehörde');
    await revertAndClose();
  });

  it('shows the cited unit on hover over a citation', async function () {
    requireCapability(this, 'hoverProvider', 'getHover');
    const editor = await openDraft('wohnsitzanmeldung.norma');
    const doc = editor.document;
    const at = positionOf(doc, '§ 4 Absatz 1 bereitgestellte', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Anmeldeportal/, `hover text: ${text}`);
    await revertAndClose();
  });

  it('goes to the definition of a citation', async function () {
    requireCapability(this, 'definitionProvider', 'getDefinition');
    const editor = await openDraft('wohnsitzanmeldung.norma');
    const doc = editor.document;
    const at = positionOf(doc, '§ 4 Absatz 1 bereitgestellte', 2);
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
    assert.ok(result.length > 0, 'no definition');
    const first = result[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetRange' in first ? first.targetRange : first.range;
    assert.equal(uri.toString(), doc.uri.toString());
    const p4 = headingLine(doc, '§ 4 Anmeldeportal');
    const p5 = headingLine(doc, '§ 5 Nutzerkonto');
    assert.ok(range.start.line >= p4 && range.start.line < p5, `definition at line ${range.start.line + 1}, § 4 spans lines ${p4 + 1}–${p5}`);
    await revertAndClose();
  });

  it('completes § numbers after „§ “', async function () {
    requireCapability(this, 'completionProvider', 'getCompletions');
    const editor = await openDraft('wohnsitzanmeldung.norma');
    const doc = editor.document;
    const line = lineOf(doc, '(4) Die Möglichkeit, sich persönlich');
    const end = doc.lineAt(line).range.end;
    await editor.edit((b) => b.insert(end, ' Siehe § '));
    const at = doc.lineAt(line).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, ' ');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label) + ' ' + (i.detail ?? '') + ' ' + (typeof i.label === 'string' ? '' : (i.label.description ?? '')));
    assert.ok(labels.some((l) => /\b4\b/.test(l) && /Anmeldeportal/.test(l)), `completion items: ${labels.slice(0, 10).join(' | ')}`);
    await revertAndClose();
  });

  it('renumbers the §§ with the renumber command', async function () {
    if (!(client.initializeResult?.capabilities.executeCommandProvider?.commands ?? []).includes('norma.server.renumber')) {
      pending(this, 'the language server does not offer renumbering yet (LanguageService.renumber not implemented)');
    }
    const editor = await openDraft('schulung', 'fehlerhafter-entwurf.norma');
    const doc = editor.document;
    await vscode.commands.executeCommand('norma.renumber');
    const numbers = await until('the §§ to be renumbered', () => {
      const ns = doc.getText().split('\n').filter((l) => /^§ \d+/.test(l)).map((l) => /^§ (\d+[a-z]*)/.exec(l)?.[1]);
      return ns.every((n, i) => n === String(i + 1)) ? ns : undefined;
    });
    assert.ok(numbers.length >= 9);
    await revertAndClose();
  });

  it('shows the cost report behind the Erfüllungsaufwand code lens', async function () {
    requireCapability(this, 'codeLensProvider', 'getCodeLenses');
    const experimental = client.initializeResult?.capabilities.experimental as { costReport?: boolean } | undefined;
    if (!experimental?.costReport) pending(this, 'the language server has no cost report yet (LanguageService.getCostReport not implemented)');
    const editor = await openDraft('wohnsitzanmeldung.norma');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const lens = lenses.find((l) => l.command?.command === 'norma.erfuellungsaufwand');
    assert.ok(lens?.command, `no cost lens; lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    assert.match(lens.command.title, /Erfüllungsaufwand/);
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const view = await until('the cost report view', () => api.reports.get(editor.document.uri.toString()));
    await until('the report rendered', () => (view.body.includes('Einrichtung der Anmeldeportale') ? true : undefined));
    assert.match(view.body, /<h2>E\. Erfüllungsaufwand<\/h2>/);
    assert.match(view.body, /<svg[^>]*role="img"/, 'the bar chart per § and addressee');
    assert.match(view.body, /<rect class="norma-bar-laender"/);
    assert.notEqual(view.panel.viewColumn, editor.viewColumn, 'beside the editor');
    assert.doesNotMatch(view.panel.webview.html, /<script/i, 'the report view runs no script');
    assert.match(view.panel.webview.html, /Content-Security-Policy" content="default-src 'none'/);
    view.dispose();
    await revertAndClose();
  });

  it('shows the cost of an @aufwand as an inlay hint and its calculation on hover', async function () {
    requireCapability(this, 'inlayHintProvider', 'getInlayHints');
    const editor = await openDraft('wohnsitzanmeldung.norma');
    const doc = editor.document;
    const line = headingLine(doc, '@aufwand Betrieb und Pflege der Softwarelösung');
    const hints = await until('the cost inlay hints', async () => {
      const hs = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
      return hs.length ? hs : undefined;
    });
    const labelOf = (h: vscode.InlayHint): string => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const atLine = hints.filter((h) => h.position.line === line).map(labelOf);
    // 1 × (1.600 h × 40,40 €/h [Bund, gehobener Dienst] + 200.000 € Sachkosten) = 264.640 € a year
    assert.ok(atLine.some((l) => l.includes('264.640 €/Jahr') && l.includes('Verwaltung (Bund)')), `hints at line ${line + 1}: ${atLine.join(' | ')}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Erfüllungsaufwand: Betrieb und Pflege der Softwarelösung/);
    assert.match(text, /\| Fallzahl \| 1 \|/);
    assert.match(text, /40,40 €\/h \| Bund, gehobener Dienst/);
    assert.match(text, /1 × \(96\.000 min ÷ 60 × 40,40 €\/h \+ 200\.000,00 €\) = \*\*264\.640 €\*\*/);
    await revertAndClose();
  });

  it('shows the workspace total of the compliance cost in the status bar, and updates it on an edit', async function () {
    const experimental = client.initializeResult?.capabilities.experimental as { costSummary?: boolean } | undefined;
    if (!experimental?.costSummary) pending(this, 'the language server has no cost summary');
    const costs = api.costStatus;
    const before = await until('the cost total of the workspace', () => (costs.summary && costs.summary.annotations > 0 ? costs.summary : undefined), 30000);
    assert.match(costs.text, /\$\(graph\) (Compliance cost|Erfüllungsaufwand)/);
    // the tooltip's Vorblatt breakdown shows the server's sums (the samples hold several drafts with Bund costs)
    const bund = Math.round(before.jaehrlich.verwaltung.bund);
    assert.ok(bund > 0, 'the samples have yearly Bund costs');
    const grouped = (sep: string): string => String(Math.abs(bund)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const bundRow = new RegExp(`(Administration: Federation|Verwaltung: Bund) \\| -?(${grouped(',')}|${grouped('.')}) €`);
    assert.match(costs.tooltipText, bundRow);
    // a new draft with one annotation for citizens: 6.000 cases × 30 min = 3.000 h a year more
    const editor = await untitled(
      '---\ntitel: Gesetz zur Probe der Kostensumme\ntyp: stammgesetz\n---\n§ 1 Antrag\nDer Antrag wird elektronisch gestellt.\n@aufwand Antrag stellen\n  adressat: buerger\n  fallzahl: 6.000\n  zeit: 30 min\n',
    );
    const after = await until('the total with the new annotation', () =>
      costs.summary && costs.summary.annotations === before.annotations + 1 ? costs.summary : undefined,
    30000);
    assert.equal(Math.round(after.jaehrlich.buerger.stunden - before.jaehrlich.buerger.stunden), 3000);
    assert.equal(after.jaehrlich.wirtschaft.euro, before.jaehrlich.wirtschaft.euro);
    // the click opens the workspace's report
    await vscode.commands.executeCommand('norma.erfuellungsaufwand', '*');
    const view = await until('the workspace cost report', () => api.reports.get('*'));
    await until('the workspace report with the new annotation', () => (view.body.includes('Antrag stellen') ? true : undefined));
    assert.match(view.body, /Einrichtung der Anmeldeportale/, 'the report covers the drafts that are not open');
    view.dispose();
    await vscode.window.showTextDocument(editor.document);
    await revertAndClose();
  });

  it('opens the live preview beside the draft; a click in it reveals the source line', async function () {
    const experimental = client.initializeResult?.capabilities.experimental as { preview?: boolean } | undefined;
    if (!experimental?.preview) pending(this, 'the language server renders no preview yet');
    const editor = await openDraft('wohnsitzanmeldung.norma');
    const doc = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const t0 = performance.now();
    await vscode.commands.executeCommand('norma.preview');
    const panel = await until('the preview panel', () => api.previews.get(doc.uri));
    await until('the first paint of the preview', () => panel.lastRendered, 30000);
    metrics.previewFirstPaintMs = Math.round(performance.now() - t0);
    assert.notEqual(panel.panel.viewColumn, editor.viewColumn, 'the preview opens beside the editor');
    // a real DOM click in the webview on the text of § 4 Absatz 2 moves the cursor to its line
    const target = lineOf(doc, '(2) Das Anmeldeportal muss');
    assert.ok(await panel.clickLine(target));
    await until(`the cursor at line ${target + 1}`, () => {
      const e = vscode.window.visibleTextEditors.find((x) => x.document === doc);
      return e && e.selection.active.line === target ? true : undefined;
    });
    assert.ok(panel.received.some((m) => m.type === 'click' && m.line === target), 'the webview sent the click');
    // what the webview sends is validated: nothing else comes through
    assert.equal(panel.dropped, 0);
    panel.dispose();
    await revertAndClose();
  });

  it('updates the preview of a 100-§ draft while typing (change to repaint)', async function () {
    const experimental = client.initializeResult?.capabilities.experimental as { preview?: boolean } | undefined;
    if (!experimental?.preview) pending(this, 'the language server renders no preview yet');
    const paras: string[] = [];
    for (let i = 1; i <= 100; i++) paras.push(`§ ${i} Regelung ${i}\n(1) Die Behörde entscheidet über den Antrag nach Absatz 2 elektronisch.\n(2) Der Antrag enthält\n  1. den Namen,\n  2. die Anschrift und\n  3. die Angaben nach § ${Math.max(1, i - 1)}.`);
    const editor = await untitled(`---\ntitel: Gesetz mit hundert Paragraphen\ntyp: stammgesetz\n---\n${paras.join('\n')}\n`);
    await vscode.commands.executeCommand('norma.preview');
    const panel = await until('the preview panel', () => api.previews.get(editor.document.uri));
    await until('the first paint', () => panel.lastRendered, 30000);
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const line = lineOf(editor.document, '§ 50 Regelung 50') + 1;
    const times: number[] = [];
    const dom: number[] = [];
    const fromChange: number[] = [];
    let changedAt = 0;
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === editor.document) changedAt = performance.now();
    });
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 4), 'x')));
      await panel.rendered(editor.document.version);
      const end = performance.now();
      times.push(end - t);
      fromChange.push(end - changedAt);
      dom.push(panel.lastRendered?.ms ?? 0);
    }
    sub.dispose();
    fromChange.sort((a, b) => a - b);
    // the extension host learns of the change, asks the server, posts the HTML; the webview patches the DOM and says so
    metrics.previewChangeToPaintP50Ms = Math.round(fromChange[Math.floor(fromChange.length / 2)]);
    dom.sort((a, b) => a - b);
    metrics.previewDomP50Ms = Math.round(dom[Math.floor(dom.length / 2)]);
    times.sort((a, b) => a - b);
    metrics.previewUpdateP50Ms = Math.round(times[Math.floor(times.length / 2)]);
    metrics.previewUpdateMaxMs = Math.round(times[times.length - 1]);
    panel.dispose();
    await revertAndClose();
  });

  it('exports a sample as LegalDocML.de and as HTML into the workspace', async function () {
    const experimental = client.initializeResult?.capabilities.experimental as { export?: boolean } | undefined;
    if (!experimental?.export) pending(this, 'the language server has no export');
    const source = workspaceFile('wohnsitzanmeldung.norma');
    const xmlFile = workspaceFile('export', 'wohnsitzanmeldung.xml');
    const written = await api.exportTo('legaldocml', source, xmlFile);
    assert.ok(written && written.length >= 1);
    const xml = new TextDecoder().decode(await vscode.workspace.fs.readFile(xmlFile));
    assert.match(xml, /<akn:akomaNtoso/);
    assert.match(xml, /Gesetz zur digitalen Anmeldung einer Wohnung/);
    assert.match(xml, /<akn:ref [^>]*href="[^"]*art-z15/, 'an internal citation as akn:ref to the eId of § 15');
    const htmlFile = workspaceFile('export', 'wohnsitzanmeldung.html');
    await api.exportTo('html', source, htmlFile);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(htmlFile));
    assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
    assert.doesNotMatch(html, /<script/i);
    // the real-VS-Code test validates the XML with xmllint against the official schema
  });

  it('shows the Synopse and the new version of the law an amending draft amends', async function () {
    const experimental = client.initializeResult?.capabilities.experimental as { synopse?: boolean } | undefined;
    if (!experimental?.synopse) pending(this, 'the language server has no Synopse');
    const editor = await openDraft('aenderung-bmg.norma');
    // the imported Bundesmeldegesetz is a workspace file: the server knows it once the workspace is read
    const r = await until('the Synopse', async () => {
      const x = await client.sendRequest<{ html: string } | null>('norma/synopse', { uri: editor.document.uri.toString() });
      return x && x.html.includes('norma-synopse-tabelle') ? x : undefined;
    }, 30000);
    assert.match(r.html, /Synopse: Bundesmeldegesetz/);
    assert.match(r.html, /<ins>/);
    const firstCommand = lineOf(editor.document, '1. ');
    assert.match(r.html, new RegExp(`class="norma-befehl" href="#" data-uri="[^"]+" data-line="${firstCommand}"`), 'the first command is linked');
    await vscode.commands.executeCommand('norma.synopse');
    const panel = await until('the Synopse panel', () => api.previews.get(editor.document.uri, 'synopse'));
    await until('the Synopse painted', () => panel.lastRendered, 30000);
    panel.dispose();
    await vscode.window.showTextDocument(editor.document);
    const opened = await vscode.commands.executeCommand<vscode.TextDocument[]>('norma.neueFassung');
    assert.ok(opened && opened.length === 1, 'one new version');
    const neu = opened[0];
    assert.equal(neu.uri.scheme, 'norma-neu');
    assert.equal(neu.languageId, 'norma');
    assert.match(neu.getText(), /^§ 17 /m);
    assert.match(neu.getText(), /aenderungsstand: geändert durch/);
    await vscode.window.showTextDocument(neu);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(editor.document);
    await revertAndClose();
  });

  it('speaks the language of norma.locale in its own texts (tab titles, status bar), whatever VS Code’s display language', async function () {
    const experimental = client.initializeResult?.capabilities.experimental as { preview?: boolean; costSummary?: boolean; costReport?: boolean } | undefined;
    if (!experimental?.preview || !experimental.costSummary || !experimental.costReport) pending(this, 'the language server has no preview or cost report');
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('norma');
    const before = config().inspect<string>('locale')?.globalValue;
    const editor = await openDraft('wohnsitzanmeldung.norma');
    const doc = editor.document;
    const costs = api.costStatus;
    /** The texts the extension makes with `norma.locale` set to `locale`. */
    const texts = async (locale: string): Promise<{ preview: string; report: string; status: string }> => {
      await config().update('locale', locale, vscode.ConfigurationTarget.Global);
      await until(`norma.locale = ${locale}`, () => (config().get('locale') === locale ? true : undefined));
      const preview = api.previews.open(doc);
      const previewTitle = preview.panel.title;
      preview.dispose();
      await vscode.commands.executeCommand('norma.erfuellungsaufwand', doc.uri.toString());
      const report = await until('the cost report of the draft', () => api.reports.get(doc.uri.toString()));
      const reportTitle = report.panel.title;
      report.dispose();
      // the status-bar item says it again at once when the setting changes
      const want = locale === 'de' ? /Erfüllungsaufwand (jährlich|einmalig):/ : /Compliance cost (per year|one-off):/;
      const status = await until(`the cost status in ${locale}`, () => (want.test(costs.text) ? costs.text : undefined), 20000);
      return { preview: previewTitle, report: reportTitle, status };
    };
    try {
      const de = await texts('de');
      assert.equal(de.preview, 'Vorschau: wohnsitzanmeldung.norma');
      assert.equal(de.report, 'Erfüllungsaufwand: wohnsitzanmeldung.norma');
      assert.match(costs.tooltipText, /Verwaltung: Bund \|/);
      const en = await texts('en');
      assert.equal(en.preview, 'Preview: wohnsitzanmeldung.norma');
      assert.equal(en.report, 'Compliance cost: wohnsitzanmeldung.norma');
      assert.match(costs.tooltipText, /Administration: Federation \|/);
      metrics.displayLanguage = vscode.env.language;
    } finally {
      await config().update('locale', before, vscode.ConfigurationTarget.Global);
      await vscode.window.showTextDocument(doc);
      await revertAndClose();
    }
  });

  it('restarts the language server on command and gets diagnostics again', async () => {
    await vscode.commands.executeCommand('norma.restartServer');
    const c = api.client();
    assert.ok(c);
    await until('the restarted client to run', () => c.state === 2 || undefined);
    client = c;
    const editor = await openDraft('schulung', 'fehlerhafter-entwurf.norma');
    await diagnosticsWhere(editor.document.uri, 'diagnostics from the restarted server', (ds) => ds.some((d) => codeOf(d) === 'abkuerzung'));
    await revertAndClose();
  });
});
