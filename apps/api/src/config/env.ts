/**
 * The only reader of process.env in the API. Validates every variable once at start-up
 * and exports a typed, frozen object; a bad value stops the process with its name.
 * Every variable is documented in docs/configuration.md and .env.example.
 */
import path from 'node:path';
import { passwordProblemsEn } from '@gcm/domain';
import { passwordProblem } from '@gcm/domain/password-strength';
import { z } from 'zod';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL');

const TIP_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Where the bot's web chat is in development: its default BOT_PORT on this machine. */
export const DEV_WEB_CHAT_URL = 'http://localhost:3001';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    API_HOST: z.string().min(1).default('0.0.0.0'),
    API_PORT: port.default(3000),
    PUBLIC_URL: z.string().url('must be a URL such as https://gcm.example.gov.vn').optional(),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'data')),
    ADMIN_EMAIL: z.string().email('must be an email address').optional(),
    ADMIN_PASSWORD: z.string().optional(),
    DEMO_DATA: booleanString.optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    COOKIE_SECURE: booleanString.optional(),
    TRUST_PROXY: booleanString.default(false),
    CORS_ORIGINS: z.string().optional(),
    BODY_LIMIT_KB: z.coerce.number().int().min(1).max(51_200).default(1024),
    IMPORT_LIMIT_KB: z.coerce.number().int().min(1).max(204_800).default(20_480),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
    LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
    ADMIN_DIST_DIR: z.string().default(path.join(REPO_ROOT, 'apps', 'admin', 'dist')),
    BOT_SERVICE_TOKEN: z
      .string()
      .min(24, 'must be at least 24 characters (e.g. openssl rand -hex 32)')
      .optional(),
    /** Where browsers reach the bot's web chat: the console's bot simulator loads it from there. */
    WEB_CHAT_URL: z
      .string()
      .url('must be the address of the bot, such as https://chat.example.gov.vn')
      .refine(
        (url) => /^https?:\/\/[^/]+\/?$/.test(url),
        'must be an origin (http(s)://host[:port]), no path',
      )
      .transform((url) => url.replace(/\/$/, ''))
      .optional(),
    REPORT_REMINDER_INTERVAL_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int('must be a whole number')
      .min(0, 'must be 0 (off) or more')
      .max(86_400, 'must be at most 86400 (a day)')
      .default(300),
    /**
     * Keys that encrypt confidential reports (tips) at rest: `id:base64` pairs, comma-separated,
     * each key 32 random bytes (openssl rand -base64 32). Without any, the feature is off.
     */
    TIPS_ENCRYPTION_KEYS: z.string().optional(),
    /** The key that encrypts new content (needed when there are several). */
    TIPS_ENCRYPTION_KEY_ID: z
      .string()
      .regex(TIP_KEY_ID, 'must be a key id: letters, digits, _ or -, up to 32')
      .optional(),
    TIPS_RETENTION_DAYS: z.coerce
      .number({ message: 'must be a number of days' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(3650, 'must be at most 3650 (ten years)')
      .default(365),
    TIPS_RETENTION_INTERVAL_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int('must be a whole number')
      .min(0, 'must be 0 (off) or more')
      .max(86_400, 'must be at most 86400 (a day)')
      .default(3600),
    /**
     * After the police are told of an addition to a report, further additions within this many
     * seconds are not told again, unless an officer opened the report meanwhile (0: every one).
     */
    TIPS_ADDITION_NOTICE_WINDOW_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int('must be a whole number')
      .min(0, 'must be 0 (every addition told) or more')
      .max(3600, 'must be at most 3600 (an hour)')
      .default(300),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('warn'),
  })
  .refine((e) => Boolean(e.ADMIN_EMAIL) === Boolean(e.ADMIN_PASSWORD), {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    path: ['ADMIN_PASSWORD'],
  })
  .superRefine((e, ctx) => {
    const problem = e.ADMIN_PASSWORD && passwordProblem(e.ADMIN_PASSWORD, [e.ADMIN_EMAIL ?? '']);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_PASSWORD'],
        message: passwordProblemsEn[problem],
      });
    }
  })
  .superRefine((e, ctx) => {
    const problem = tipKeysProblem(e.TIPS_ENCRYPTION_KEYS, e.TIPS_ENCRYPTION_KEY_ID);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  })
  .transform((e) => ({
    ...e,
    TIPS_ENCRYPTION: tipKeyring(e.TIPS_ENCRYPTION_KEYS, e.TIPS_ENCRYPTION_KEY_ID),
    COOKIE_SECURE: e.COOKIE_SECURE ?? servedOverHttps(e),
    // Outside production the bot runs beside the API on its default port (pnpm start, pnpm dev).
    WEB_CHAT_URL: e.WEB_CHAT_URL ?? (e.NODE_ENV === 'production' ? undefined : DEV_WEB_CHAT_URL),
  }));

export type Env = Readonly<z.infer<typeof schema>>;

/** The keys of confidential reports: the one new content is encrypted with, and every key by id. */
export interface TipKeyring {
  currentKeyId: string;
  /** Key id → the key's 32 bytes, base64. */
  keys: Readonly<Record<string, string>>;
}

function parseTipKeys(raw: string): { id: string; key: string }[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(':');
      return at < 0 ? { id: '', key: part } : { id: part.slice(0, at), key: part.slice(at + 1) };
    });
}

function tipKeysProblem(
  raw: string | undefined,
  currentId: string | undefined,
): { path: string; message: string } | null {
  const path = 'TIPS_ENCRYPTION_KEYS';
  if (!raw) {
    return currentId
      ? { path: 'TIPS_ENCRYPTION_KEY_ID', message: 'is set but TIPS_ENCRYPTION_KEYS is not' }
      : null;
  }
  const keys = parseTipKeys(raw);
  if (keys.length === 0) return { path, message: 'must list at least one id:base64 key' };
  const seen = new Set<string>();
  for (const { id, key } of keys) {
    if (!TIP_KEY_ID.test(id))
      return { path, message: 'each key must be id:base64, the id letters, digits, _ or -' };
    if (seen.has(id)) return { path, message: `the key id ${id} is listed twice` };
    seen.add(id);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key) || Buffer.from(key, 'base64').length !== 32)
      return {
        path,
        message: `the key ${id} must be 32 bytes in base64 (openssl rand -base64 32)`,
      };
  }
  if (currentId && !seen.has(currentId))
    return { path: 'TIPS_ENCRYPTION_KEY_ID', message: `names no key of TIPS_ENCRYPTION_KEYS` };
  if (!currentId && keys.length > 1)
    return {
      path: 'TIPS_ENCRYPTION_KEY_ID',
      message: 'must name the key for new content when TIPS_ENCRYPTION_KEYS lists several',
    };
  return null;
}

function tipKeyring(raw: string | undefined, currentId: string | undefined): TipKeyring | null {
  if (!raw) return null;
  const keys = parseTipKeys(raw);
  return Object.freeze({
    currentKeyId: currentId ?? keys[0].id,
    keys: Object.freeze(Object.fromEntries(keys.map((k) => [k.id, k.key]))),
  });
}

/** Whether people reach the API over HTTPS, as its PUBLIC_URL says (Secure cookie, HSTS). */
export function servedOverHttps(env: { PUBLIC_URL?: string }): boolean {
  return env.PUBLIC_URL?.startsWith('https:') ?? false;
}

export class EnvError extends Error {}

/** Parses the given variables (process.env by default); throws EnvError naming each bad one. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}
