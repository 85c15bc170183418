/// <reference types="node" />
/**
 * Starts the built API (apps/api/dist/main.js) as its own process for end-to-end tests of the
 * other apps (the console's browser tests, the bot's channel tests): a free port on 127.0.0.1,
 * a fresh data folder (embedded PGlite) and only the variables given, nothing from the
 * caller's shell. Nothing is built here; turbo builds first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const API_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');

const READY_LINE = 'GCM Helpdesk API ready';
const START_TIMEOUT_MS = 60_000;

export interface RunningApi {
  baseUrl: string;
  dataDir: string;
  /** Everything every run of the API printed, for failure messages. */
  output: () => string;
  /** SIGTERM, then the data folder is removed. */
  stop: () => Promise<void>;
  /** SIGKILL: a crash, nothing finished; the data folder stays. */
  kill: () => Promise<void>;
  /** Starts the API again with the same variables, port and data folder; resolves once healthy. */
  restart: () => Promise<void>;
}

/** Fails with the command to run when a build the tests need is missing. */
export function requireBuilt(files: string[], command: string): void {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0)
    throw new Error(
      `Build first (turbo run test does): missing ${missing.join(', ')}\n  ${command}`,
    );
}

/**
 * A port nothing listens on, below Linux's ephemeral range (32768–60999 by default). Not one
 * the system gives out (`listen(0)`): between this check and the process binding it a few
 * seconds later, the system may hand that port to an outgoing connection (the tests make
 * thousands), and the process fails with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port found between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts the API with `vars` (plus its port and data folder) and waits until /health answers.
 * With `template` (the variables its first start reads: DEMO_DATA, ADMIN_*), its own data folder
 * starts as a copy of the run's template made with them (templateDataDir below), when the run
 * has one and `vars` names no DATA_DIR or DATABASE_URL.
 */
export async function startBuiltApi(
  vars: Record<string, string>,
  options: { template?: Record<string, string> } = {},
): Promise<RunningApi> {
  requireBuilt([API_MAIN], 'npx pnpm@10.34.8 --filter @gcm/api build');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-api-'));
  if (options.template && !vars.DATA_DIR && !vars.DATABASE_URL)
    await fromTemplate(dataDir, options.template);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    LOG_LEVEL: 'warn',
    ...vars,
  };
  let output = '';
  let child: ChildProcess | undefined;
  const launch = async () => {
    const started = output.length;
    const proc = spawn(process.execPath, [API_MAIN], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntilHealthy(baseUrl, proc, () => output.slice(started));
  };

  const stop = async () => {
    if (child) await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    dataDir,
    output: () => output,
    stop,
    async kill() {
      if (child) await stopProcess(child, 'SIGKILL');
    },
    async restart() {
      if (child) await stopProcess(child);
      await launch();
    },
  };
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

async function waitUntilHealthy(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The API exited with code ${child.exitCode}:\n${output()}`);
    if (output().includes(READY_LINE)) {
      try {
        if ((await fetch(`${baseUrl}/health`)).ok) return;
      } catch {
        // Not answering yet.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The API was not healthy within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

// --- Template databases --------------------------------------------------------------------------

/**
 * Template databases for the other apps' end-to-end tests, one per set of first-start variables,
 * made on demand within a test run: the built API (startBuiltApi above) started once on an empty
 * data folder with those variables (initdb, migrations, the demo data, the administrator) and
 * stopped. Each API of those tests then starts on a copy of it, which takes a third of the CPU a
 * first start does; what it serves is the same as after its own first start.
 *
 * The first file that needs a template makes it; files in other workers wait for it (a lock
 * folder). They live under GCM_E2E_TEMPLATE_ROOT, a folder vitest's global setup
 * (built-api-template-setup.ts) makes for the run and removes after it; without that variable
 * (a file run some other way), every API starts on an empty folder as before.
 */
export const TEMPLATE_ROOT_VAR = 'GCM_E2E_TEMPLATE_ROOT';

/** Longer than a first start with the demo data on a loaded machine. */
const WAIT_FOR_OTHER_MS = 180_000;

/**
 * The data folder of the API first started with `vars` (no DATA_DIR, no DATABASE_URL: the
 * variables the first start reads, such as DEMO_DATA and ADMIN_*), made the first time;
 * undefined when the run has no template root, or another worker did not make it in time.
 */
export async function templateDataDir(vars: Record<string, string>): Promise<string | undefined> {
  const root = process.env[TEMPLATE_ROOT_VAR];
  if (!root || !existsSync(root)) return undefined;
  const key = createHash('sha256')
    .update(JSON.stringify(Object.entries(vars).sort(([a], [b]) => a.localeCompare(b))))
    .digest('hex')
    .slice(0, 16);
  const ready = path.join(root, key);
  const lock = path.join(root, `${key}.making`);
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  while (!existsSync(ready)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is making it.
      if (Date.now() > deadline) return undefined;
      await sleep(250);
      continue;
    }
    try {
      const making = mkdtempSync(path.join(root, 'making-'));
      const api = await startBuiltApi({ ...vars, DATA_DIR: making });
      await api.stop();
      renameSync(making, ready);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return ready;
}

/**
 * Copies the template made with `vars` into `dataDir` when that folder is empty (or missing)
 * and the run has a template root.
 */
export async function fromTemplate(dataDir: string, vars: Record<string, string>): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return;
  const template = await templateDataDir(vars);
  if (template) cpSync(template, dataDir, { recursive: true });
}
