/**
 * `npm run test:vscode`: Norma in real VS Code (code-server, installed into
 * .tools/ on first use) driven by Debian's Chromium through playwright-core.
 *
 *   1. package the extension (.vsix) and the test host extension, install both
 *      into a fresh code-server profile, open a copy of samples/;
 *   2. the extension-host suite (client/src/test/suite) runs inside the
 *      extension host against the real `vscode` API and writes its results;
 *   3. Playwright checks what a person sees: the finding in the Problems
 *      panel, the status-bar item; screenshots go to artifacts/.
 *
 * Results and timings: artifacts/vscode-e2e.json (the benchmark reads the
 * activation time from there).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runFromQuickInput } from './quick-input';
import {
  ensureCodeServer,
  freePort,
  installExtensions,
  packageExtension,
  packageTestExtension,
  ROOT,
  startCodeServer,
  writeUserSettings,
  type RunningCodeServer,
} from '../../client/tools/code-server';

/** What the extension-host suite writes (client/src/test/suite/index.ts). */
interface SuiteResults {
  vscodeVersion: string;
  passed: number;
  failed: number;
  pending: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; error?: string; reason?: string }[];
  metrics: Record<string, number | string | undefined>;
}

const ARTIFACTS = path.join(ROOT, 'artifacts');
// the callbacks of frame.evaluate run in the browser, where `document` exists
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

/** A draft whose title, headings and text try to run code in the preview. */
const INJECTION = [
  '---',
  'titel: Gesetz <script>document.body.dataset.pwned = "titel"</script> über Proben',
  'typ: stammgesetz',
  '---',
  '§ 1 Prüfung <img src=x onerror="document.body.dataset.pwned=\'heading\'">',
  '(1) Text mit <script>document.body.dataset.pwned = "text"</script> und <a href="javascript:document.body.dataset.pwned=\'link\'">hier</a> sowie [Verweis](javascript:document.body.dataset.pwned=\'md\').',
  '(2) Die Angaben nach Absatz 1 werden elektronisch übermittelt.',
  '§ 2 Inkrafttreten',
  'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
  '',
].join('\n');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (s: string): void => void process.stdout.write(`      ${s}\n`);

describe('Norma in real VS Code (code-server + Chromium)', function () {
  this.timeout(15 * 60 * 1000);
  const timings: Record<string, number> = {};
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let results: SuiteResults & { crashed?: string };
  let work: string;
  let workspace: string;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.NORMA_E2E_REQUIRED) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
      this.skip();
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    let t = performance.now();
    const install = ensureCodeServer(log);
    timings.codeServerInstallMs = Math.round(install.ms);
    t = performance.now();
    const vsix = packageExtension(log);
    timings.packageMs = Math.round(performance.now() - t);
    timings.vsixBytes = fs.statSync(vsix).size;
    // what a user downloads: client and server bundled, no node_modules
    assert.ok(timings.vsixBytes < 8 * 1024 * 1024, `norma.vsix is ${timings.vsixBytes} bytes (limit 8 MB)`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-vscode-e2e-'));
    const hostVsix = packageTestExtension(log, work);
    workspace = path.join(work, 'entwuerfe');
    fs.cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'injektion.norma'), INJECTION);
    // the law the amending sample amends is in samples/gesetze/ (imported with norma import)
    assert.ok(fs.existsSync(path.join(workspace, 'gesetze', 'bmg.norma')), 'samples/gesetze/bmg.norma');
    const profile = { userDataDir: path.join(work, 'user-data'), extensionsDir: path.join(work, 'extensions') };
    writeUserSettings(profile);
    t = performance.now();
    installExtensions(profile, [vsix, hostVsix], log);
    timings.installExtensionsMs = Math.round(performance.now() - t);
    const resultsFile = path.join(work, 'results.json');
    t = performance.now();
    server = await startCodeServer({
      port: await freePort(),
      folder: workspace,
      profile,
      log,
      env: {
        NORMA_E2E_SUITE: path.join(ROOT, 'out', 'client', 'src', 'test', 'suite', 'index.js'),
        NORMA_E2E_RESULTS: resultsFile,
        NORMA_E2E_HOST: 'code-server',
      },
    });
    timings.codeServerStartMs = Math.round(performance.now() - t);
    t = performance.now();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    timings.workbenchMs = Math.round(performance.now() - t);
    // the extension host starts once the browser is connected; the test host extension runs the suite
    t = performance.now();
    const deadline = Date.now() + 5 * 60 * 1000;
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) throw new Error(`the extension-host suite wrote no results within 5 minutes\n${server.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    timings.suiteMs = Math.round(performance.now() - t);
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults & { crashed?: string };
    fs.writeFileSync(path.join(ARTIFACTS, 'vscode-e2e.json'), JSON.stringify({ date: new Date().toISOString(), timings, ...results }, null, 2));
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('runs the extension-host suite against the real vscode API without failures', () => {
    assert.ok(!results.crashed, `the suite crashed: ${results.crashed}`);
    log(`VS Code ${results.vscodeVersion}: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
    for (const t of results.tests) log(`  ${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-'} ${t.title}${t.reason ? ` (pending: ${t.reason})` : ''}`);
    log(`activation ${Number(results.metrics.activationMs).toFixed(1)} ms, server ready ${Number(results.metrics.serverReadyMs).toFixed(0)} ms after load`);
    const failed = results.tests.filter((t) => t.state === 'failed');
    assert.equal(failed.length, 0, failed.map((f) => `${f.title}\n${f.error}`).join('\n\n'));
    // every capability the suite tests exists now: a test that went pending means one was lost
    const pendingTests = results.tests.filter((t) => t.state === 'pending');
    assert.equal(pendingTests.length, 0, pendingTests.map((t) => `${t.title} (${t.reason ?? ''})`).join('\n'));
    assert.ok(results.passed >= 8, `only ${results.passed} tests passed`);
  });

  it('the LegalDocML.de file exported by the extension validates against the official schema', () => {
    const xml = path.join(workspace, 'export', 'wohnsitzanmeldung.xml');
    assert.ok(fs.existsSync(xml), 'the extension-host suite exported no LegalDocML.de file');
    const schema = path.join(ROOT, '..', 'shared', 'schemas', 'validate-regelungstext-entwurfsfassung.xsd');
    const r = spawnSync('xmllint', ['--noout', '--schema', schema, xml], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('shows the finding in the Problems panel (screenshot in artifacts/)', async () => {
    // open the training draft through Quick Open, as a person would
    await quickOpen('fehlerhafter-entwurf.norma');
    // the Problems panel, filtered to the abbreviation finding
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel', { timeout: 20000 });
    const filter = page.locator('.markers-panel-container .viewpane-filter input, .viewpane-filter-container input').first();
    await filter.fill('Abs.');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Abkürzung „Abs.“ im Normtext' });
    await row.first().waitFor({ timeout: 30000 });
    const text = await row.first().innerText();
    assert.match(text, /„Absatz“ ausschreiben/);
    assert.match(text, /abkuerzung/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-problems-panel.png') });
  });

  it('shows Norma in the status bar with the draft’s findings', async () => {
    const item = page.locator('.statusbar-item', { hasText: 'Norma' });
    await item.first().waitFor({ timeout: 20000 });
    const label = (await item.first().getAttribute('aria-label')) ?? (await item.first().innerText());
    assert.match(label, /Norma/);
    // the workspace total of the compliance cost, beside it
    const cost = page.locator('.statusbar-item', { hasText: /Compliance cost|Erfüllungsaufwand/ });
    await cost.first().waitFor({ timeout: 20000 });
    assert.match(await cost.first().innerText(), /(per year|jährlich):.*€/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-editor.png') });
  });

  /** Open a file of the workspace through Quick Open, as a person would (test/e2e/quick-input.ts). */
  async function quickOpen(name: string): Promise<void> {
    await runFromQuickInput(page, {
      open: 'Control+P',
      text: name,
      row: name,
      then: () => page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 10000 }),
      artifacts: ARTIFACTS,
      log: (s) => void process.stdout.write(`      ${s}\n`),
    });
  }

  /** Run a command through the command palette, as a person would. */
  async function palette(text: string, row: string): Promise<void> {
    await runFromQuickInput(page, {
      open: 'F1',
      text,
      row,
      then: () => page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 10000 }),
      artifacts: ARTIFACTS,
      log: (s) => void process.stdout.write(`      ${s}\n`),
    });
  }

  /** The frame of the preview webview (webviews are nested iframes) once it shows `text`. */
  async function previewFrame(text: string): Promise<import('playwright-core').Frame> {
    const deadline = Date.now() + 30000;
    for (;;) {
      const webviews = await page.locator('iframe.webview').count();
      for (let i = 0; i < webviews; i++) {
        const root = page.frameLocator('iframe.webview').nth(i).frameLocator('#active-frame').locator('#norma-root', { hasText: text });
        if ((await root.count().catch(() => 0)) > 0) {
          const frame = await (await root.first().elementHandle())?.ownerFrame();
          if (frame) return frame;
        }
      }
      if (Date.now() > deadline) {
        await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-preview-missing.png') });
        throw new Error(`no preview showing „${text}“ (${webviews} webviews)`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('opens the preview of a sample with the editor-title button; a click in it moves the cursor (screenshot in artifacts/)', async () => {
    await quickOpen('wohnsitzanmeldung.norma');
    await page.locator('.editor-actions [aria-label*="Preview"], .editor-actions [aria-label*="Vorschau"]').first().click({ timeout: 20000 });
    const frame = await previewFrame('Anmeldeportal');
    // the heading of § 5 (its section carries the source line)
    const section = frame.locator('#norma-root section.norma-norm[data-line]', { hasText: 'Nutzerkonto und Identifizierung' }).first();
    const heading = section.locator('.norma-norm-kopf').first();
    await heading.waitFor({ timeout: 20000 });
    const line = Number(await section.getAttribute('data-line'));
    assert.ok(line > 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-preview.png') });
    await heading.click();
    // the status bar shows the cursor's line
    await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line + 1},`) }).first().waitFor({ timeout: 20000 });
  });

  it('opens the Synopse of the amending sample; a link of a changed § goes to its Änderungsbefehl (screenshot in artifacts/)', async () => {
    await quickOpen('aenderung-bmg.norma');
    await palette('Norma: Synopsis', 'Synopsis');
    const frame = await previewFrame('Synopse: Bundesmeldegesetz');
    const link = frame.locator('#norma-root a.norma-befehl').first();
    await link.waitFor({ timeout: 20000 });
    const line = Number(await link.getAttribute('data-line'));
    assert.ok(await frame.locator('#norma-root ins').count() > 0, 'new words are marked');
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-synopse.png') });
    await link.click();
    await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line + 1},`) }).first().waitFor({ timeout: 20000 });
  });

  it('shows script, onerror and javascript: text of a draft in the preview without running it', async () => {
    await quickOpen('injektion.norma');
    await palette('Norma: Open Preview', 'Open Preview');
    const frame = await previewFrame('über Proben');
    const root = frame.locator('#norma-root');
    // every link clicked: nothing may run
    const links = await root.locator('a').all();
    assert.ok(links.length <= 10, `${links.length} links in the injection draft`);
    for (const a of links) await a.click({ timeout: 2000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    const state = await frame.evaluate(() => {
      const r = document.getElementById('norma-root');
      const all: { attributes: ArrayLike<{ name: string }>; getAttribute(n: string): string | null }[] = Array.from(r.querySelectorAll('*'));
      return {
        pwned: (document.body.dataset.pwned as string | undefined) ?? null,
        text: (r.textContent as string | null) ?? '',
        scripts: r.querySelectorAll('script').length as number,
        images: r.querySelectorAll('img').length as number,
        handlers: all.filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name))).length,
        jsLinks: all.filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') ?? '')).length,
        csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') as string | undefined) ?? '',
      };
    });
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-preview-injection.png') });
    assert.equal(state.pwned, null, 'code from the draft ran in the preview');
    assert.equal(state.scripts, 0);
    assert.equal(state.images, 0);
    assert.equal(state.handlers, 0);
    assert.equal(state.jsLinks, 0);
    assert.match(state.text, /<script>document\.body\.dataset\.pwned = "titel"<\/script>/);
    assert.match(state.text, /<img src=x onerror=/);
    assert.match(state.text, /javascript:document\.body\.dataset\.pwned='md'/);
    assert.match(state.csp, /default-src 'none'/);
    assert.match(state.csp, /script-src 'nonce-/);
  });
});
