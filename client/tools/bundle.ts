/**
 * Bundles the extension and the language server with esbuild into dist/:
 *   dist/extension.js  the VS Code client (vscode-languageclient; `vscode` stays external)
 *   dist/server.js     the language server with the whole language service
 * `--production` minifies and leaves out source maps (what `npm run package` ships).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export async function bundle(production: boolean, outdir = path.join(ROOT, 'dist')): Promise<{ files: { file: string; bytes: number }[]; ms: number }> {
  const t0 = performance.now();
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { extension: 'client/src/extension.ts', server: 'server/src/lsp/start.ts' },
    bundle: true,
    platform: 'node',
    // VS Code 1.91 (the oldest the manifest accepts) runs extensions on Node 20
    target: 'node20',
    format: 'cjs',
    outdir,
    external: ['vscode'],
    // jsonc-parser's UMD build (its "main") loads its parts with dynamic requires: take its ES module build
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    minify: production,
    sourcemap: !production,
    define: { NORMA_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
    legalComments: production ? 'external' : 'inline',
  });
  const files = fs.readdirSync(outdir).map((f) => ({ file: path.relative(ROOT, path.join(outdir, f)), bytes: fs.statSync(path.join(outdir, f)).size }));
  return { files, ms: performance.now() - t0 };
}

if (require.main === module) {
  const production = process.argv.includes('--production');
  bundle(production).then(
    (r) => {
      for (const f of r.files) process.stdout.write(`${f.file}  ${(f.bytes / 1024).toFixed(0)} KB\n`);
      process.stdout.write(`bundled in ${r.ms.toFixed(0)} ms${production ? ' (production)' : ''}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`bundle: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
