/**
 * Where the bot's bearer token for the API comes from. BOT_SERVICE_TOKEN wins; in development
 * the API writes `${DATA_DIR}/bot-service-token` instead, possibly after the bot has started or
 * anew at each of its starts, so the file is read lazily and again whenever it changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BotEnv } from './env';

export const SERVICE_TOKEN_FILE_NAME = 'bot-service-token';

export interface ServiceToken {
  /** The token to send now, or undefined (the API will then refuse the bot's calls). */
  read(): string | undefined;
  /** Where the token comes from, for the start-up log (never the token itself). */
  describe(): string;
}

export function serviceTokenFrom(
  env: Pick<BotEnv, 'BOT_SERVICE_TOKEN' | 'DATA_DIR'>,
): ServiceToken {
  const fixed = env.BOT_SERVICE_TOKEN;
  if (fixed) return { read: () => fixed, describe: () => 'BOT_SERVICE_TOKEN' };
  return tokenFile(path.join(env.DATA_DIR, SERVICE_TOKEN_FILE_NAME));
}

function tokenFile(file: string): ServiceToken {
  let seenMtimeMs = -1;
  let token: string | undefined;

  // One stat per API call is cheap; re-reading only on change keeps it so.
  const read = (): string | undefined => {
    try {
      const { mtimeMs } = fs.statSync(file);
      if (mtimeMs !== seenMtimeMs) {
        token = fs.readFileSync(file, 'utf8').trim() || undefined;
        seenMtimeMs = mtimeMs;
      }
    } catch {
      token = undefined;
      seenMtimeMs = -1;
    }
    return token;
  };

  return {
    read,
    describe: () =>
      read()
        ? `file ${file}`
        : `none: BOT_SERVICE_TOKEN is unset and ${file} does not exist yet; ` +
          'the API will refuse events until one of them is there',
  };
}
