import { describe, expect, it } from 'vitest';
import { createApiClient } from '@gcm/api-client';
import { silentLogger } from '../common/logger';
import { parseEnv } from '../config/env';
import { createChannels } from './create-channels';

/** Telegram and Zalo both switched on; nothing is started, so nothing is called. */
const PLATFORMS = {
  TELEGRAM_BOT_TOKEN: '123456:TEST-token',
  ZALO_OA_ACCESS_TOKEN: 'zalo-access-token',
  ZALO_APP_ID: '4291763606161179100',
  ZALO_OA_SECRET_KEY: 'zalo-oa-secret',
};

const limitsWith = (vars: Record<string, string>) => {
  const api = createApiClient({ baseUrl: 'http://127.0.0.1:9', token: 'unused' }).bot;
  return createChannels(parseEnv({ ...PLATFORMS, ...vars }), api, silentLogger).platforms.map(
    (channel) => [channel.name, channel.limits],
  );
};

describe('createChannels', () => {
  it('sends one message a second to a chat on Telegram and Zalo, unless MESSAGES_PER_CHAT_PER_SECOND says more', () => {
    expect(limitsWith({})).toEqual([
      ['telegram', { perSecond: 30, perChatPerSecond: 1 }],
      ['zalo', { perSecond: 10, perChatPerSecond: 1 }],
    ]);
    expect(limitsWith({ MESSAGES_PER_CHAT_PER_SECOND: '20' })).toEqual([
      ['telegram', { perSecond: 30, perChatPerSecond: 20 }],
      ['zalo', { perSecond: 10, perChatPerSecond: 20 }],
    ]);
  });
});
