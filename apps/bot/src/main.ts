/**
 * The bot's entry point: validate the configuration, build the channels, start the HTTP server
 * (health, webhooks, web chat), start each channel with the API as its event sink, start the
 * outbox worker for the chat platforms, and shut all of it down cleanly on SIGINT/SIGTERM.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiClient } from '@gcm/api-client';
import { ApiSink } from './api/api-sink';
import { createChannels } from './channels/create-channels';
import { startChannel } from './channels/start-channel';
import { consoleLogger, errorMessage } from './common/logger';
import { loadEnvOrExit } from './config/env';
import { serviceTokenFrom } from './config/service-token';
import { createApiHealthCheck } from './health/api-health';
import { waitForApi } from './health/wait-for-api';
import { createBotServer } from './http/bot-server';
import { OutboxWorker } from './outbox/outbox-worker';

const SHUTDOWN_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const log = consoleLogger;
  const token = serviceTokenFrom(env);
  // The token is read before each call: in development the API may write its file later.
  const api = createApiClient({
    baseUrl: env.API_URL,
    token: () => token.read(),
    timeoutMs: env.API_TIMEOUT_MS,
  });

  const { web, platforms } = createChannels(env, api.bot, log);
  const channels = [web, ...platforms];
  const sink = new ApiSink(api.bot, { log });
  const worker = new OutboxWorker({
    api: api.bot,
    channels: platforms,
    batchSize: env.OUTBOX_BATCH,
    leaseSeconds: env.OUTBOX_LEASE_SECONDS,
    idleMaxMs: env.OUTBOX_IDLE_MAX_MS,
    log,
  });
  const checkApi = createApiHealthCheck(env.API_URL, env.API_HEALTH_TIMEOUT_MS);
  const server = createBotServer({ checkApi, channels, routes: [web.routes], log });

  await listen(server, env.BOT_PORT, env.BOT_HOST);
  const stopping = new AbortController();
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      log.error(`${signal} again, exiting now`);
      process.exit(1);
    }
    shuttingDown = true;
    log.info(`${signal} received, shutting down`);
    setTimeout(() => {
      log.error('shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS * 2).unref();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();

    stopping.abort();
    // Stop receiving and delivering first (in-flight work finishes), then the server.
    void Promise.allSettled([worker.stop(), ...channels.map((c) => c.stop())]).then(() => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  // Nothing is posted before the API answers: until then the web chat and the webhooks answer
  // 503, and the platforms deliver again later.
  await waitForApi(checkApi, { url: env.API_URL, log, signal: stopping.signal });
  if (stopping.signal.aborted) return;
  for (const channel of channels) await startChannel(channel, sink, log, stopping.signal);
  worker.start();

  log.info(
    `${publicUrl(server, env.BOT_HOST)} (channels: ${channels.map((c) => c.name).join(', ')})`,
  );
  const apiLine = `API at ${env.API_URL}; service token: ${token.describe()}`;
  if (token.read()) log.info(apiLine);
  else log.warn(apiLine);
  if (platforms.length === 0) log.info('web chat only: set TELEGRAM_BOT_TOKEN or ZALO_* for more');
  if (env.NODE_ENV === 'production' && env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_WEBHOOK_URL) {
    log.warn('Telegram by long polling: run one bot instance only, or set TELEGRAM_WEBHOOK_URL');
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`port ${port} is already in use; set BOT_PORT to another port`));
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => resolve());
  });
}

function publicUrl(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown}:${port}`;
}

main().catch((error: unknown) => {
  console.error(`Bot: failed to start: ${errorMessage(error)}`);
  process.exit(1);
});
