/**
 * The command palette and Quick Open, driven the way the end-to-end tests
 * need them on a slow, shared machine. Typing right after F1 or Ctrl+P loses
 * keys when the palette opens late, and a webview that has the focus (the
 * walkthrough's step page, the preview, the Synopse) keeps the keys to its own
 * frame. So: Escape, focus back to the workbench, open, wait for the
 * palette's input, fill it, click the row, wait for the result; a failed
 * attempt (a screenshot of it in artifacts/) is tried again, up to three times.
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface QuickInputRun {
  /** 'F1' for the command palette, 'Control+P' for Quick Open. */
  open: 'F1' | 'Control+P';
  /** What to look for: a command title or a file name (the palette's '>' is added for F1). */
  text: string;
  /** The row to choose (text it contains). */
  row: string | RegExp;
  /** Resolves once the chosen entry did its job (a tab, a view); rejects if not. */
  then: () => Promise<unknown>;
  /** Folder for a screenshot of a failed attempt. */
  artifacts?: string;
  log?: (s: string) => void;
}

export async function runFromQuickInput(page: Page, run: QuickInputRun): Promise<void> {
  const input = page.locator('.quick-input-widget input').first();
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: run.row }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.keyboard.press(run.open);
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(run.open === 'F1' ? `>${run.text}` : run.text, { timeout: 10000 });
      await row.waitFor({ timeout: 15000 });
      await row.click({ timeout: 10000 });
      await run.then();
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      run.log?.(`„${run.text}“ from ${run.open === 'F1' ? 'the command palette' : 'Quick Open'} did not work (attempt ${attempt}: ${String(e).split('\n')[0]}); again`);
      if (run.artifacts) await page.screenshot({ path: path.join(run.artifacts, `quick-input-retry-${attempt}.png`) }).catch(() => undefined);
    }
  }
}
