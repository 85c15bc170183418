/**
 * Runs the built bot (apps/bot/dist/main.js) as its own process for end-to-end tests, the way
 * it runs in production: only the variables given (nothing from the caller's shell), on
 * 127.0.0.1 and a free BOT_PORT. Resolves once the bot has started every channel and its
 * /health answers. `kill()` is a crash (SIGKILL), `stop()` a clean shutdown (SIGTERM), and
 * `restart()` starts it again with the same variables on the same port.
 *
 *   const bot = await startBuiltBot(({ url }) => ({ API_URL: api.baseUrl, … }));
 *   await bot.kill();
 *   await bot.restart();
 *
 * Nothing is built here; turbo builds first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, requireBuilt, REPO_ROOT } from '@gcm/api/test/support/run-built-api';

export const BOT_MAIN = path.join(REPO_ROOT, 'apps/bot/dist/main.js');

/** main.ts prints this once the channels and the outbox worker are running. */
const READY_LINE = '(channels: ';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 12_000;

/**
 * Bot variables for files whose conversations go back and forth in one chat, against the fake
 * platforms (which do not enforce Telegram's or Zalo's limits): 20 messages a second to a chat
 * rather than one (MESSAGES_PER_CHAT_PER_SECOND), and an empty outbox claimed again within
 * 250 ms rather than 2 s (OUTBOX_IDLE_MAX_MS), so that a step waits for the bot's work, not for
 * the production pacing. Files whose subject is the pacing itself, or that count on a chat's
 * messages coming a second apart, keep the defaults.
 */
export const BRISK_PACING: Readonly<Record<string, string>> = {
  MESSAGES_PER_CHAT_PER_SECOND: '20',
  OUTBOX_IDLE_MAX_MS: '250',
};

export interface BotAddress {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
}

export type BotVars = Record<string, string> | ((address: BotAddress) => Record<string, string>);

export interface RunningBotProcess extends BotAddress {
  /** Everything every run of the process printed, for failure messages. */
  output(): string;
  readonly running: boolean;
  /** SIGTERM: the bot finishes what it is doing and exits. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing finished. */
  kill(): Promise<void>;
  /** Starts the process again (stopping it first if it runs) with the same variables and port. */
  restart(): Promise<void>;
}

export async function startBuiltBot(vars: BotVars): Promise<RunningBotProcess> {
  requireBuilt([BOT_MAIN], 'npx pnpm@10.34.8 --filter @gcm/bot build');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-bot-'));
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    BOT_HOST: '127.0.0.1',
    BOT_PORT: String(port),
    DATA_DIR: dataDir,
    ...(typeof vars === 'function' ? vars({ port, url }) : vars),
  };

  let output = '';
  let child: ChildProcess | undefined;

  const launch = async () => {
    const started = output.length;
    const proc = spawn(process.execPath, [BOT_MAIN], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitUntilReady(url, proc, () => output.slice(started));
    } catch (error) {
      await signal(proc, 'SIGKILL');
      throw new Error(`${(error as Error).message}\n--- bot output ---\n${output}`);
    }
  };

  const isRunning = () => !!child && child.exitCode === null && child.signalCode === null;

  await launch();
  return {
    port,
    url,
    output: () => output,
    get running() {
      return isRunning();
    },
    async stop() {
      if (child) await signal(child, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      if (child) await signal(child, 'SIGKILL');
    },
    async restart() {
      if (isRunning() && child) await signal(child, 'SIGTERM');
      await launch();
    },
  };
}

/** Sends `name` and resolves once the process has exited (SIGKILL after STOP_TIMEOUT_MS). */
function signal(child: ChildProcess, name: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(name);
  });
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The bot exited (${child.exitCode ?? child.signalCode}) while starting`);
    }
    if (output().includes(READY_LINE)) {
      try {
        if ((await fetch(`${url}/health`)).ok) return;
      } catch {
        // Not answering yet.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`The bot was not ready within ${START_TIMEOUT_MS / 1000} s`);
}

/** For `onTestFailed`: prints a process's output, so that a CI log shows why. */
export function dumpOnFailure(label: string, output: () => string): () => void {
  return () => console.error(`--- ${label} output ---\n${output()}`);
}
