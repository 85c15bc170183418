/**
 * The only reader of process.env in the bot. Validates every variable once at start-up and
 * returns a typed, frozen object; a bad value stops the process with the variable's name.
 * Without channel tokens the bot serves the web chat only.
 */
import { z } from 'zod';
import type { ChannelName } from '../channels/channel';

const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number between 0 and 65535')
  .min(0, 'must be a whole number between 0 and 65535')
  .max(65535, 'must be a whole number between 0 and 65535');

const httpUrl = z.url({
  protocol: /^https?$/,
  message: 'must be an http:// or https:// URL',
});

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  BOT_HOST: z.string().min(1).default('0.0.0.0'),
  BOT_PORT: port.default(3001),
  /** Where the core API listens; the bot reaches data only through it. */
  API_URL: httpUrl.default('http://127.0.0.1:3000'),
  /** The bot's service token for the API (required once the bot posts events). */
  BOT_SERVICE_TOKEN: z.string().min(1).optional(),
  /** Milliseconds the bot waits for the API's /health before calling it down. */
  API_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(1500),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  /** Point telegraf at a fake Bot API in tests (default https://api.telegram.org). */
  TELEGRAM_API_ROOT: httpUrl.optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().min(1).optional(),
  ZALO_APP_ID: z.string().min(1).optional(),
  ZALO_OA_ACCESS_TOKEN: z.string().min(1).optional(),
  ZALO_OA_SECRET_KEY: z.string().min(1).optional(),
  /** Point the Zalo client at a fake OA API in tests (default https://openapi.zalo.me). */
  ZALO_API_BASE: httpUrl.optional(),
});

export type BotEnv = Readonly<z.infer<typeof schema>>;

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

/** Parses the given variables (process.env by default); throws EnvError naming each bad one. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): BotEnv {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = i.path.join('.') || '(env)';
      const got = typeof i.path[0] === 'string' ? cleaned[i.path[0]] : undefined;
      const shown = got === undefined || /TOKEN|SECRET/.test(name) ? '' : ` (got "${got}")`;
      return `  ${name}: ${i.message}${shown}`;
    });
    throw new EnvError(`Invalid bot configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}

/** For main.ts: the parsed configuration, or a message on stderr and exit code 1. */
export function loadEnvOrExit(): BotEnv {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    return process.exit(1);
  }
}

/** The channels switched on by their tokens; the web chat is always on. */
export function enabledChannels(env: BotEnv): ChannelName[] {
  const channels: ChannelName[] = ['web'];
  if (env.TELEGRAM_BOT_TOKEN) channels.push('telegram');
  if (env.ZALO_OA_ACCESS_TOKEN) channels.push('zalo');
  return channels;
}
