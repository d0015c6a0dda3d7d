/**
 * Runs the extension-host suite with mocha. Two hosts load it:
 *   - @vscode/test-electron (`npm run test:electron`) calls `run()`;
 *   - code-server (`npm run test:vscode`): the gated test extension
 *     (client/test-extension) calls `runSuite(resultsFile)` once the
 *     workbench has started, and the harness waits for the results file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { metrics, pendingReasons } from './shared';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
  reason?: string;
}

export interface SuiteResults {
  host: string;
  vscodeVersion: string;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  metrics: Record<string, number | string | undefined>;
}

export function runSuite(resultsFile?: string): Promise<SuiteResults> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const results: SuiteResults = {
          host: process.env.NORMA_E2E_HOST ?? 'vscode',
          vscodeVersion: vscode.version,
          passed: tests.filter((t) => t.state === 'passed').length,
          failed: tests.filter((t) => t.state === 'failed').length,
          pending: tests.filter((t) => t.state === 'pending').length,
          tests,
          metrics,
        };
        if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
        resolve(results);
      });
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
      runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending', reason: pendingReasons.get(t.fullTitle()) }));
    } catch (e) {
      reject(e);
    }
  });
}

/** Entry point for @vscode/test-electron. */
export async function run(): Promise<void> {
  const r = await runSuite(process.env.NORMA_E2E_RESULTS);
  if (r.failed > 0) throw new Error(`${r.failed} test(s) failed in the extension host`);
}
