/**
 * Builds the channels the configuration switches on: the web chat always, Telegram with
 * TELEGRAM_BOT_TOKEN, Zalo with ZALO_OA_ACCESS_TOKEN (its renewed tokens kept in the API). The
 * only place that knows every adapter.
 */
import type { ApiClient } from '@gcm/api-client';
import type { BotEnv } from '../config/env';
import type { Logger } from '../common/logger';
import type { Channel } from './channel';
import { TelegramChannel } from './telegram/telegram-channel';
import { WebChannel } from './web/web-channel';
import { ZALO_LIMITS, ZaloChannel } from './zalo/zalo-channel';
import { ZaloTokenStore } from './zalo/zalo-token-store';

export interface BotChannels {
  web: WebChannel;
  /** The chat platforms: they receive from outside and deliver the outbox. */
  platforms: Channel[];
}

export function createChannels(env: BotEnv, api: ApiClient['bot'], log: Logger): BotChannels {
  const web = new WebChannel({
    api,
    origins: env.WEB_CHAT_ORIGINS,
    pollMs: env.WEB_CHAT_POLL_MS,
    messagesPerMinute: env.WEB_CHAT_RATE_LIMIT,
    requestsPerAddressPerMinute: env.WEB_CHAT_ADDRESS_RATE_LIMIT,
    handoffsPerAddressPerHour: env.WEB_CHAT_HANDOFFS_PER_HOUR,
    trustProxy: env.TRUST_PROXY,
    log,
  });
  const platforms: Channel[] = [];

  if (env.TELEGRAM_BOT_TOKEN) {
    platforms.push(
      new TelegramChannel({
        token: env.TELEGRAM_BOT_TOKEN,
        apiRoot: env.TELEGRAM_API_ROOT,
        mode: env.TELEGRAM_WEBHOOK_URL ? 'webhook' : 'polling',
        webhookUrl: env.TELEGRAM_WEBHOOK_URL,
        webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
        webhookMaxConnections: env.TELEGRAM_WEBHOOK_MAX_CONNECTIONS,
        limits: {
          perSecond: env.TELEGRAM_MESSAGES_PER_SECOND,
          perChatPerSecond: env.MESSAGES_PER_CHAT_PER_SECOND,
        },
        logger: log,
      }),
    );
  }

  if (env.ZALO_OA_ACCESS_TOKEN && env.ZALO_APP_ID && env.ZALO_OA_SECRET_KEY) {
    platforms.push(
      new ZaloChannel({
        appId: env.ZALO_APP_ID,
        oaSecretKey: env.ZALO_OA_SECRET_KEY,
        accessToken: env.ZALO_OA_ACCESS_TOKEN,
        refreshToken: env.ZALO_REFRESH_TOKEN,
        appSecret: env.ZALO_APP_SECRET,
        apiBase: env.ZALO_API_BASE,
        oauthBase: env.ZALO_OAUTH_BASE,
        limits: { ...ZALO_LIMITS, perChatPerSecond: env.MESSAGES_PER_CHAT_PER_SECOND },
        // The env pair only seeds the API's store; renewed pairs live there.
        tokenStore: new ZaloTokenStore(api, { logger: log }),
        logger: log,
      }),
    );
  }

  return { web, platforms };
}
