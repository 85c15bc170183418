/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The built API serving the built console, with the built bot beside it for the bot simulator
 * (its web chat on a port of its own, as in production), and the bot's side of the API (events
 * and the outbox, with the service token) for what a Telegram chat would do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BotEvent, OutboxItem } from '@gcm/domain';
import {
  freePort,
  REPO_ROOT,
  requireBuilt,
  startBuiltApi,
  type RunningApi,
} from '../../../../api/test/support/run-built-api';
import { ADMIN_DIST, firstStart } from './api-server';

export const BOT_MAIN = path.join(REPO_ROOT, 'apps/bot/dist/main.js');
const SERVICE_TOKEN = 'console-e2e-bot-service-token-7c41a9';

export interface Helpdesk {
  api: RunningApi;
  /** The bot's web chat, http://127.0.0.1:<port> */
  botUrl: string;
  /** Posts a chat event as the bot does (Telegram chat `chatId`). */
  event(event: BotEvent): Promise<unknown>;
  /** Claims what waits in the outbox for Telegram, as the bot's Telegram channel does. */
  claimTelegram(): Promise<OutboxItem[]>;
  /** Reports a claimed item as delivered. */
  reportSent(item: OutboxItem): Promise<void>;
  /** Reports a claimed item as refused for good by the person's side (blocked the bot). */
  reportBlocked(item: OutboxItem): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `botVars` adds variables to the bot's: a Telegram channel against the fake Bot API
 * (apps/bot/test/support/fake-telegram-server.ts) with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT,
 * say; its outbox worker then delivers the Telegram items, so claimTelegram finds none.
 */
export async function startHelpdesk(
  admin: { email: string; password: string },
  botVars: Record<string, string> = {},
): Promise<Helpdesk> {
  requireBuilt([BOT_MAIN], 'npx pnpm@10.34.8 --filter @gcm/bot build');
  const botPort = await freePort();
  const botUrl = `http://127.0.0.1:${botPort}`;
  const api = await startBuiltApi(
    {
      ...firstStart(admin),
      ADMIN_DIST_DIR: ADMIN_DIST,
      LOGIN_RATE_LIMIT: '100',
      BOT_SERVICE_TOKEN: SERVICE_TOKEN,
      WEB_CHAT_URL: botUrl,
    },
    { template: firstStart(admin) },
  );
  let bot: ChildProcess | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-console-e2e-bot-'));
  try {
    bot = await startBot(botPort, {
      API_URL: api.baseUrl,
      BOT_SERVICE_TOKEN: SERVICE_TOKEN,
      DATA_DIR: dataDir,
      // The console's origin, as docs/configuration.md tells operators to set it.
      WEB_CHAT_ORIGINS: api.baseUrl,
      ...botVars,
    });
  } catch (error) {
    await api.stop();
    throw error;
  }

  const asBot = (route: string, body: unknown) =>
    fetch(`${api.baseUrl}/api/v1/bot${route}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SERVICE_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (res) => {
      if (!res.ok) throw new Error(`POST /bot${route}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? undefined : res.json();
    });

  return {
    api,
    botUrl,
    event: (event) => asBot('/events', event),
    claimTelegram: async () =>
      (
        (await asBot('/outbox/claim', { channels: ['telegram'], limit: 50, leaseSeconds: 60 })) as {
          items: OutboxItem[];
        }
      ).items,
    reportSent: async (item) => {
      await asBot(`/outbox/${item.id}/result`, { claimId: item.claimId, outcome: 'sent' });
    },
    reportBlocked: async (item) => {
      await asBot(`/outbox/${item.id}/result`, {
        claimId: item.claimId,
        outcome: 'failed',
        error: '403: Forbidden: bot was blocked by the user',
      });
    },
    async stop() {
      await stopProcess(bot);
      rmSync(dataDir, { recursive: true, force: true });
      await api.stop();
    },
  };
}

async function startBot(port: number, vars: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BOT_MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      BOT_HOST: '127.0.0.1',
      BOT_PORT: String(port),
      ...vars,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The bot exited (${child.exitCode}) while starting:\n${output}`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // Not answering yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopProcess(child);
  throw new Error(`The bot was not ready within 30 s:\n${output}`);
}

function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
