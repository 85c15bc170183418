/**
 * Secrets made once and kept in the data folder when the configuration gives none, so that
 * `pnpm start` on one machine needs no setup: the bot's service token and, on the embedded
 * database, the key of confidential reports.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Env, EnvError } from './env';

/**
 * Without BOT_SERVICE_TOKEN, a token is made once and kept in DATA_DIR/bot-service-token, where
 * the bot started on the same machine finds it: `pnpm start` needs no configuration. Several
 * machines share one token through the variable.
 */
export function withBotToken(env: Env): Env {
  if (env.BOT_SERVICE_TOKEN) return env;
  const file = path.join(env.DATA_DIR, 'bot-service-token');
  if (!existsSync(file)) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Object.freeze({ ...env, BOT_SERVICE_TOKEN: readFileSync(file, 'utf8').trim() });
}

/** The key file of confidential reports made for an embedded database (see withLocalTipKey). */
const LOCAL_TIP_KEY_FILE = 'tips-key';
const LOCAL_TIP_KEY_ID = 'local';

/**
 * Without TIPS_ENCRYPTION_KEYS on the embedded database (`pnpm start`, a trial or a single
 * machine), a key is made once and kept in DATA_DIR/tips-key (0600) so that "Báo tin" works
 * there with no configuration. On a PostgreSQL server the feature stays off until the keys are
 * set: the key must then live apart from the database's backups (docs/configuration.md).
 */
export function withLocalTipKey(env: Env): Env {
  if (env.TIPS_ENCRYPTION || env.DATABASE_URL) return env;
  const file = localTipKeyFile(env);
  if (!existsSync(file)) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  const key = readFileSync(file, 'utf8').trim();
  if (Buffer.from(key, 'base64').length !== 32) {
    throw new EnvError(
      `${file} does not hold a 32-byte base64 key: restore it from a backup, or set TIPS_ENCRYPTION_KEYS`,
    );
  }
  return Object.freeze({
    ...env,
    TIPS_ENCRYPTION: Object.freeze({
      currentKeyId: LOCAL_TIP_KEY_ID,
      keys: Object.freeze({ [LOCAL_TIP_KEY_ID]: key }),
    }),
  });
}

export function localTipKeyFile(env: Pick<Env, 'DATA_DIR'>): string {
  return path.join(env.DATA_DIR, LOCAL_TIP_KEY_FILE);
}
