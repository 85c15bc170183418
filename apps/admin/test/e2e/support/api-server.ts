/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * Starts the built API (apps/api/dist/main.js) for the browser tests: a free port on
 * 127.0.0.1, a fresh data folder (embedded PGlite) with the demo data, the built console
 * served at `/`, and a first administrator. Nothing is built here; turbo builds first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
export const API_MAIN = path.join(repoRoot, 'apps/api/dist/main.js');
export const ADMIN_DIST = path.join(repoRoot, 'apps/admin/dist');

const READY_LINE = 'GCM Helpdesk API ready';
const START_TIMEOUT_MS = 60_000;

export interface ApiOptions {
  adminEmail: string;
  adminPassword: string;
}

export interface RunningApi {
  baseUrl: string;
  /** Everything the API printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Fails with the command to run when a build the tests need is missing. */
export function requireBuilds(): void {
  const missing = [path.join(ADMIN_DIST, 'index.html'), API_MAIN].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `Build first (turbo run test does): missing ${missing.join(', ')}\n` +
        '  npx pnpm@10.34.8 --filter @gcm/api build && npx pnpm@10.34.8 --filter @gcm/admin build',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startApi({ adminEmail, adminPassword }: ApiOptions): Promise<RunningApi> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-admin-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Only what the API needs: nothing from the caller's shell (a DATABASE_URL, COOKIE_SECURE…)
  // may point this throwaway API at real data or change how it behaves.
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    DEMO_DATA: 'true',
    ADMIN_DIST_DIR: ADMIN_DIST,
    LOG_LEVEL: 'warn',
    // Every test signs in through the form; the default (5 a minute) would refuse the later ones.
    LOGIN_RATE_LIMIT: '100',
  };
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilHealthy(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with code ${child.exitCode}:\n${output()}`);
    }
    if (output().includes(READY_LINE)) {
      try {
        const response = await fetch(`${baseUrl}/health`);
        if (response.ok) return;
      } catch {
        // Not answering yet.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The API was not healthy within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}
