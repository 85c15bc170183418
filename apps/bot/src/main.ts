/**
 * The bot's entry point: validate the configuration, start the HTTP server (health, web chat,
 * later the channel webhooks), start the channels, and shut down cleanly on SIGINT/SIGTERM.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Channel } from './channels/channel';
import { enabledChannels, loadEnvOrExit, type BotEnv } from './config/env';
import { createApiHealthCheck } from './health/api-health';
import { createBotServer } from './http/bot-server';

const SHUTDOWN_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  // The Telegram and Zalo adapters are wired in a later issue; the web chat needs no adapter yet.
  const channels: Channel[] = [];
  const server = createBotServer({
    checkApi: createApiHealthCheck(env.API_URL, env.API_HEALTH_TIMEOUT_MS),
    channels: enabledChannels(env),
  });

  await listen(server, env.BOT_PORT, env.BOT_HOST);
  for (const channel of channels) await channel.start();
  console.log(`Bot: ${publicUrl(server, env.BOT_HOST)} (${describeChannels(env)})`);
  console.log(`Bot: API at ${env.API_URL}`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`Bot: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`Bot: ${signal} received, shutting down`);
    setTimeout(() => {
      console.error('Bot: shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS * 2).unref();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    void Promise.allSettled(channels.map((channel) => channel.stop())).then(() => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
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

function describeChannels(env: BotEnv): string {
  const notes: string[] = [];
  if (!env.TELEGRAM_BOT_TOKEN) notes.push('no TELEGRAM_BOT_TOKEN');
  else notes.push('TELEGRAM_BOT_TOKEN set, Telegram channel not wired yet');
  if (env.ZALO_OA_ACCESS_TOKEN) notes.push('ZALO_OA_ACCESS_TOKEN set, Zalo channel not wired yet');
  return `web chat only: ${notes.join('; ')}`;
}

main().catch((error: unknown) => {
  console.error(`Bot: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
