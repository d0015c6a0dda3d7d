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
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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
    assert.ok(results.passed >= 8, `only ${results.passed} tests passed`);
  });

  it('shows the finding in the Problems panel (screenshot in artifacts/)', async () => {
    // open the training draft through Quick Open, as a person would
    await page.keyboard.press('Control+P');
    await page.keyboard.type('fehlerhafter-entwurf.norma');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20000 });
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
});
