/**
 * The walkthrough „Norma kennenlernen“ in real VS Code, started the way a
 * course participant starts it: `npm start -- --teilnehmer <Name> --port <P>`
 * (out/client/tools/start.js: packages the extension, copies samples/ to
 * kurs/<Name>/, starts code-server with the walkthrough in front). Chromium,
 * through playwright-core, then does each step as a participant would – the
 * step's button, then the key the step asks for (F12, F2) – and checks that
 * VS Code marks the step done. Screenshots of three steps and of the finished
 * walkthrough go to artifacts/walkthrough-*.png.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort, ROOT, TOOLS } from '../../client/tools/code-server';
import { runFromQuickInput } from './quick-input';

const ARTIFACTS = path.join(ROOT, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (s: string): void => void process.stdout.write(`      ${s}\n`);
const STEPS = ['oeffnen', 'gliederung', 'befund', 'verweise', 'begriffe', 'aufwand', 'digitalcheck', 'vorschau', 'aenderung', 'export'];

describe('Walkthrough „Norma kennenlernen“ in real VS Code, started by npm start --teilnehmer', function () {
  this.timeout(15 * 60 * 1000);
  const name = `e2e-${process.pid}`;
  const seat = path.join(ROOT, 'kurs', name);
  let start: ChildProcess | undefined;
  let output = '';
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.NORMA_E2E_REQUIRED) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
      this.skip();
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const port = await freePort();
    start = spawn(process.execPath, [path.join(ROOT, 'out', 'client', 'tools', 'start.js'), '--teilnehmer', name, '--port', String(port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    start.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    const deadline = Date.now() + 5 * 60 * 1000;
    let url: string | undefined;
    while (!url) {
      url = new RegExp(`${name}: (http://127\\.0\\.0\\.1:${port}/\\S+)`).exec(output)?.[1];
      if (start.exitCode !== null) throw new Error(`npm start ended (${start.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start printed no URL within 5 minutes:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(fs.existsSync(path.join(seat, 'schulung', 'einfuehrung.norma')), 'the participant got a copy of samples/');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (start && start.exitCode === null) {
      const ended = new Promise((r) => start?.once('exit', r));
      start.kill('SIGINT');
      await Promise.race([ended, new Promise((r) => setTimeout(r, 10000))]);
      if (start.exitCode === null) start.kill('SIGKILL');
    }
    fs.rmSync(seat, { recursive: true, force: true });
    fs.rmSync(path.join(TOOLS, 'kurs', name), { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await shot(`walkthrough-failed-${(this.currentTest.title.split(' ')[0] ?? 'x').replace(/\W/g, '')}.png`).catch(() => undefined);
  });

  const walkthrough = (): ReturnType<Page['locator']> => page.locator('.gettingStartedContainer').first();
  const checkbox = (id: string): ReturnType<Page['locator']> => page.locator(`.gettingStartedContainer [data-done-step-id$="${id}"]`).first();
  const done = async (id: string): Promise<boolean> => (await checkbox(id).getAttribute('aria-checked').catch(() => null)) === 'true';

  async function shot(file: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, file) });
  }

  /** The walkthrough in front again, through the command palette („Norma: Einführung „Norma kennenlernen“ öffnen“). */
  async function openWalkthrough(): Promise<void> {
    await runFromQuickInput(page, {
      open: 'F1',
      text: 'Norma: Einführung',
      row: 'Einführung „Norma kennenlernen“ öffnen',
      then: () => page.locator('.gettingStartedContainer button.getting-started-step').first().waitFor({ timeout: 20000 }),
      artifacts: ARTIFACTS,
      log,
    });
  }

  /** Expand a step and click one of its buttons (its n-th command link). */
  async function clickButton(id: string, n = 0): Promise<void> {
    const step = page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="${id}"]`).first();
    if (!(await step.isVisible())) await openWalkthrough();
    await step.waitFor({ timeout: 20000 });
    if (!((await step.getAttribute('class')) ?? '').includes('expanded')) await step.click();
    const buttons = page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="${id}"] .step-description-container .button-container a.monaco-button`);
    await buttons.nth(n).waitFor({ timeout: 10000 });
    await buttons.nth(n).click();
  }

  /** Save the active editor and read the participant's exercise file from disk. */
  async function saveAndRead(file = path.join('schulung', 'einfuehrung.norma')): Promise<string> {
    await page.keyboard.press('Control+S');
    await new Promise((r) => setTimeout(r, 1000));
    return fs.readFileSync(path.join(seat, file), 'utf8');
  }

  async function expectDone(id: string): Promise<void> {
    await openWalkthrough();
    const deadline = Date.now() + 20000;
    while (!(await done(id))) {
      if (Date.now() > deadline) {
        await shot(`walkthrough-failed-${id}.png`);
        assert.fail(`step „${id}“ is not marked done`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('npm start opens the walkthrough; no step is done yet (screenshot)', async () => {
    await walkthrough().waitFor({ timeout: 60000 });
    // German: npm start gives the extension its German texts (code-server has no German language pack)
    await page.locator('.gettingStartedContainer', { hasText: 'Norma kennenlernen' }).first().waitFor({ timeout: 20000 });
    await page.locator('.gettingStartedContainer', { hasText: 'LegalDocML.de exportieren' }).first().waitFor({ timeout: 20000 });
    for (const id of STEPS) assert.equal(await done(id), false, `${id} already done`);
    assert.equal(await page.locator('.gettingStartedContainer button.getting-started-step').count(), STEPS.length);
    // the step's page (media/walkthrough/de/01-oeffnen.md) beside the steps
    await page
      .frameLocator('.getting-started-media iframe.webview')
      .frameLocator('#active-frame')
      .locator('h1', { hasText: 'Einen Entwurf öffnen' })
      .waitFor({ state: 'attached', timeout: 20000 });
    await shot('walkthrough-start.png');
  });

  it('1 open a draft: the button opens the exercise', async () => {
    await clickButton('oeffnen');
    await page.locator('.tab.active', { hasText: 'einfuehrung.norma' }).first().waitFor({ timeout: 20000 });
    await expectDone('oeffnen');
  });

  it('2 outline and numbering: renumbering closes the gap after § 2 (screenshot)', async () => {
    await clickButton('gliederung', 1);
    await page.locator('.tab.active', { hasText: 'einfuehrung.norma' }).first().waitFor({ timeout: 20000 });
    await page.locator('.view-lines', { hasText: '§ 3 Antrag' }).first().waitFor({ timeout: 20000 });
    const text = await saveAndRead();
    assert.match(text, /^§ 3 Antrag$/m);
    assert.match(text, /^§ 5 Inkrafttreten$/m);
    assert.match(text, /nach § 3 Abs\. 1 werden/, 'the citation follows the renumbering');
    await new Promise((r) => setTimeout(r, 1500));
    await shot('walkthrough-gliederung.png');
    await expectDone('gliederung');
  });

  it('3 finding and quick fix: „Abs.“ becomes „Absatz“', async () => {
    await clickButton('befund', 1);
    await page.locator('.tab.active', { hasText: 'einfuehrung.norma' }).first().waitFor({ timeout: 20000 });
    const deadline = Date.now() + 20000;
    while (!/nach § 3 Absatz 1 werden/.test(await saveAndRead())) {
      if (Date.now() > deadline) assert.fail('„Abs.“ was not fixed');
    }
    await expectDone('befund');
  });

  it('4 references: F12 on the selected citation', async () => {
    await clickButton('verweise');
    await page.locator('.tab.active', { hasText: 'einfuehrung.norma' }).first().waitFor({ timeout: 20000 });
    // the button selected „§ 3 Absatz 1“ (the status bar counts the selected characters)
    await page.locator('.statusbar-item', { hasText: '(12 selected)' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('F12');
    await expectDone('verweise');
  });

  it('5 defined terms: F2 renames „Verwaltungsportal“ in the definition and its usage', async () => {
    await clickButton('begriffe');
    await page.locator('.tab.active', { hasText: 'einfuehrung.norma' }).first().waitFor({ timeout: 20000 });
    await page.locator('.statusbar-item', { hasText: '(17 selected)' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('F2');
    // the rename box opens over the term, with the term in it
    const input = page.locator('.rename-box input').first();
    await input.waitFor({ state: 'visible', timeout: 20000 });
    assert.equal(await input.inputValue(), 'Verwaltungsportal');
    await input.fill('Bürgerportal');
    await input.press('Enter');
    await page.locator('.view-lines', { hasText: '„Bürgerportal“ ein Portal' }).first().waitFor({ timeout: 20000 });
    const text = await saveAndRead();
    assert.doesNotMatch(text, /Verwaltungsportal/);
    assert.match(text, /über das Bürgerportal, in dem/);
    await expectDone('begriffe');
  });

  it('6 compliance cost: the report opens (screenshot)', async () => {
    await clickButton('aufwand');
    await page.locator('.tab', { hasText: 'Erfüllungsaufwand: einfuehrung.norma' }).first().waitFor({ timeout: 30000 });
    await new Promise((r) => setTimeout(r, 1500));
    await shot('walkthrough-aufwand.png');
    await expectDone('aufwand');
  });

  it('7 Digitalcheck: the list names the Schriftform finding', async () => {
    await clickButton('digitalcheck');
    await page.locator('.quick-input-widget', { hasText: 'schriftlich' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Escape');
    await expectDone('digitalcheck');
  });

  it('8 preview', async () => {
    await clickButton('vorschau');
    await page.locator('.tab', { hasText: 'Vorschau: einfuehrung.norma' }).first().waitFor({ timeout: 30000 });
    await expectDone('vorschau');
  });

  it('9 amending law and synopsis (screenshot)', async () => {
    await clickButton('aenderung', 0);
    await page.locator('.tab.active', { hasText: 'aenderung-bmg.norma' }).first().waitFor({ timeout: 20000 });
    await openWalkthrough();
    await clickButton('aenderung', 1);
    await page.locator('.tab', { hasText: 'Synopse: aenderung-bmg.norma' }).first().waitFor({ timeout: 30000 });
    await new Promise((r) => setTimeout(r, 1500));
    await shot('walkthrough-synopse.png');
    await expectDone('aenderung');
  });

  it('10 LegalDocML.de export: the file is written into the participant’s folder', async () => {
    const xml = path.join(seat, 'aenderung-bmg.xml');
    await clickButton('export');
    // the save dialog (a quick input in the browser) proposes the draft's name with .xml
    await page.locator('.quick-input-widget input').first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 30000;
    while (!fs.existsSync(xml)) {
      if (Date.now() > deadline) {
        await shot('walkthrough-export-failed.png');
        assert.fail(`${xml} was not written`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await expectDone('export');
  });

  it('all ten steps are done (screenshot)', async () => {
    await openWalkthrough();
    for (const id of STEPS) assert.equal(await done(id), true, id);
    await shot('walkthrough-fertig.png');
    log(`walkthrough: ${STEPS.length} of ${STEPS.length} steps done`);
  });
});
