/**
 * The only reader of process.env in the bot. Validates every variable once at start-up and
 * returns a typed, frozen object; a bad value stops the process with the variable's name.
 * Without channel tokens the bot serves the web chat only.
 */
import path from 'node:path';
import { z } from 'zod';

/** apps/bot/src/config (or dist/config) → the repository root, like the API's DATA_DIR default. */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number between 0 and 65535')
  .min(0, 'must be a whole number between 0 and 65535')
  .max(65535, 'must be a whole number between 0 and 65535');

const httpUrl = z.url({
  protocol: /^https?$/,
  message: 'must be an http:// or https:// URL',
});

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be a whole number between ${min} and ${max}` })
    .int(`must be a whole number between ${min} and ${max}`)
    .min(min, `must be a whole number between ${min} and ${max}`)
    .max(max, `must be a whole number between ${min} and ${max}`);

/** `*`, or origins separated by commas (`https://portal.example.gov.vn,http://localhost:5173`). */
const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim().replace(/\/+$/, '')))
  .transform((origins) => origins.filter(Boolean))
  .refine(
    (origins) =>
      origins.length > 0 && origins.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)),
    'must be * or comma-separated origins such as https://portal.example.gov.vn',
  );

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    BOT_HOST: z.string().min(1).default('0.0.0.0'),
    BOT_PORT: port.default(3001),
    /** Behind a reverse proxy: a client's address is the last one in X-Forwarded-For. */
    TRUST_PROXY: booleanString.default(false),
    /** Where the core API listens; the bot reaches data only through it. */
    API_URL: httpUrl.optional(),
    /** The API's port: without API_URL, the bot finds the API on this machine at this port. */
    API_PORT: port.default(3000),
    /**
     * The bot's service token for the API. Required in production; elsewhere, when unset, the
     * bot reads `${DATA_DIR}/bot-service-token`, which the API writes in development.
     */
    BOT_SERVICE_TOKEN: z
      .string()
      .min(24, 'must be at least 24 characters, as the API requires (e.g. openssl rand -hex 32)')
      .optional(),
    /** Where the API keeps its data in development; the bot only reads the token file there. */
    DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'data')),
    /** Milliseconds the bot waits for the API's /health before calling it down. */
    API_HEALTH_TIMEOUT_MS: wholeNumber(100, 30_000).default(1500),
    /** Milliseconds any other API call may take (answering a question included). */
    API_TIMEOUT_MS: wholeNumber(500, 120_000).default(10_000),
    /** Origins allowed to post web-chat messages and open its event stream; `*` = any page. */
    WEB_CHAT_ORIGINS: originList.default(['*']),
    /** How often an open web-chat stream asks the API for new messages. */
    WEB_CHAT_POLL_MS: wholeNumber(250, 60_000).default(1500),
    /** Web-chat messages accepted per session and minute before 429. */
    WEB_CHAT_RATE_LIMIT: wholeNumber(1, 1000).default(20),
    /** Requests per client address and minute on the web chat's routes before 429. */
    WEB_CHAT_ADDRESS_RATE_LIMIT: wholeNumber(1, 10_000).default(60),
    /** Inbox items one client address may open from the web chat per hour. */
    WEB_CHAT_HANDOFFS_PER_HOUR: wholeNumber(1, 1000).default(5),
    /** Outbox items one claim takes (1–500). */
    OUTBOX_BATCH: wholeNumber(1, 500).default(20),
    /** Seconds a claim holds an item before another instance may take it (5–600). */
    OUTBOX_LEASE_SECONDS: wholeNumber(5, 600).default(60),
    /**
     * Longest wait in ms between two claims while the outbox stays empty (100–60000): how soon an
     * idle bot sends a staff reply, against how often it asks the API for nothing.
     */
    OUTBOX_IDLE_MAX_MS: wholeNumber(100, 60_000).default(2_000),
    TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
    /** Point telegraf at a fake Bot API in tests (default https://api.telegram.org). */
    TELEGRAM_API_ROOT: httpUrl.optional(),
    /** Public URL of this bot's /webhooks/telegram; unset = long polling. */
    TELEGRAM_WEBHOOK_URL: httpUrl.optional(),
    TELEGRAM_WEBHOOK_SECRET: z.string().min(1).optional(),
    /**
     * Webhook requests Telegram keeps open at once (1–100; Telegram's own default is 40). The bot
     * answers a webhook once the reply is sent, so this caps updates per second at about this
     * number divided by the time one takes: raise it for a busy bot.
     */
    TELEGRAM_WEBHOOK_MAX_CONNECTIONS: wholeNumber(1, 100).default(40),
    /**
     * Messages a second the bot sends to Telegram, answers and outbox together (Telegram's limit
     * is 30; a bot allowed paid broadcasts may send up to 1000). One a second per chat stays.
     */
    TELEGRAM_MESSAGES_PER_SECOND: wholeNumber(1, 1000).default(30),
    /**
     * Messages a second to one chat, on Telegram and Zalo alike (1–1000). Both platforms allow
     * one: raise it only against the fake platforms of the end-to-end tests, whose conversations
     * would otherwise take a second a message.
     */
    MESSAGES_PER_CHAT_PER_SECOND: wholeNumber(1, 1000).default(1),
    ZALO_APP_ID: z.string().min(1).optional(),
    ZALO_OA_ACCESS_TOKEN: z.string().min(1).optional(),
    /** Renews the OA access token when it expires (with ZALO_APP_ID and ZALO_OA_SECRET_KEY). */
    ZALO_REFRESH_TOKEN: z.string().min(1).optional(),
    ZALO_OA_SECRET_KEY: z.string().min(1).optional(),
    /** The Zalo app's secret key, needed with ZALO_REFRESH_TOKEN to renew the access token. */
    ZALO_APP_SECRET: z.string().min(1).optional(),
    /** Point the Zalo client at a fake OA API in tests (default https://openapi.zalo.me). */
    ZALO_API_BASE: httpUrl.optional(),
    /** Point the token refresh at a fake OAuth server in tests (default https://oauth.zaloapp.com). */
    ZALO_OAUTH_BASE: httpUrl.optional(),
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, when: string) => {
      if (!env[name])
        ctx.addIssue({ code: 'custom', path: [name], message: `is required ${when}` });
    };
    // Port 0 lets the API pick a free port, which the bot cannot know.
    if (env.API_PORT === 0) need('API_URL', 'when API_PORT=0');
    // In production a missing token is a deployment mistake, not a development convenience.
    if (env.NODE_ENV === 'production') need('BOT_SERVICE_TOKEN', 'when NODE_ENV=production');
    // Webhooks without their secrets could be forged by anyone who finds the URL.
    if (env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_WEBHOOK_URL) {
      need('TELEGRAM_WEBHOOK_SECRET', 'with TELEGRAM_WEBHOOK_URL');
    }
    if (env.ZALO_OA_ACCESS_TOKEN) {
      need('ZALO_APP_ID', 'with ZALO_OA_ACCESS_TOKEN');
      need('ZALO_OA_SECRET_KEY', 'with ZALO_OA_ACCESS_TOKEN (it checks webhook signatures)');
    }
    if (env.ZALO_REFRESH_TOKEN) need('ZALO_APP_SECRET', 'with ZALO_REFRESH_TOKEN');
  })
  // `pnpm start` runs both apps on one machine: setting API_PORT alone must not lose the API.
  .transform(({ API_PORT, API_URL, ...env }) => ({
    ...env,
    API_URL: API_URL ?? `http://127.0.0.1:${API_PORT}`,
  }));

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
