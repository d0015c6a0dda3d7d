/**
 * `npm run test:electron`: the same extension-host suite as `npm run
 * test:vscode`, in VS Code desktop downloaded by @vscode/test-electron.
 * Needs access to update.code.visualstudio.com; on machines without it the
 * download fails (ENOTFOUND) and this prints so; there, use `npm run
 * test:vscode` (code-server), which runs the same suite.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'norma-electron-'));
  const workspace = path.join(work, 'entwuerfe');
  fs.cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
  fs.mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { NORMA_E2E_HOST: 'electron', NORMA_E2E_RESULTS: path.join(ROOT, 'artifacts', 'electron-e2e.json') },
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  const msg = e instanceof Error ? e.message : String(e);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|Failed to get JSON|download/i.test(msg)) {
    process.stderr.write(
      `test:electron: VS Code could not be downloaded (${msg}).\n` +
        'This machine cannot reach Microsoft\'s update server. The same suite runs in real VS Code through code-server: npm run test:vscode\n',
    );
  } else {
    process.stderr.write(`test:electron: ${e instanceof Error ? (e.stack ?? msg) : msg}\n`);
  }
  process.exitCode = 1;
});
