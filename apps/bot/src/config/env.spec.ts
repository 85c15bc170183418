import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies the defaults to an empty environment', () => {
    const sut = parseEnv({});

    expect(sut.BOT_PORT).toBe(3001);
    expect(sut.API_URL).toBe('http://127.0.0.1:3000');
    expect(sut.BOT_SERVICE_TOKEN).toBeUndefined();
    expect(sut.DATA_DIR).toMatch(/data$/);
    expect(sut.WEB_CHAT_ORIGINS).toEqual(['*']);
    expect(sut.OUTBOX_BATCH).toBe(20);
    expect(sut.OUTBOX_LEASE_SECONDS).toBe(60);
    expect(sut.TELEGRAM_WEBHOOK_MAX_CONNECTIONS).toBe(40);
    expect(Object.isFrozen(sut)).toBe(true);
  });

  it('points API_URL at 127.0.0.1 on API_PORT when API_URL is unset, as pnpm start runs them', () => {
    expect(parseEnv({ API_PORT: '3930' }).API_URL).toBe('http://127.0.0.1:3930');
    expect(parseEnv({ API_PORT: '3930', API_URL: 'http://10.0.0.5:3000' }).API_URL).toBe(
      'http://10.0.0.5:3000',
    );
    expect(() => parseEnv({ API_PORT: '0' })).toThrow(/API_URL: is required when API_PORT=0/);
    expect(() => parseEnv({ API_PORT: 'x' })).toThrow(/API_PORT/);
  });

  it("keeps TELEGRAM_WEBHOOK_MAX_CONNECTIONS within Telegram's 1 to 100", () => {
    expect(
      parseEnv({ TELEGRAM_WEBHOOK_MAX_CONNECTIONS: '100' }).TELEGRAM_WEBHOOK_MAX_CONNECTIONS,
    ).toBe(100);
    expect(() => parseEnv({ TELEGRAM_WEBHOOK_MAX_CONNECTIONS: '101' })).toThrow(
      /TELEGRAM_WEBHOOK_MAX_CONNECTIONS/,
    );
  });

  it('sends Telegram 30 messages a second unless told, and at most 1000', () => {
    expect(parseEnv({}).TELEGRAM_MESSAGES_PER_SECOND).toBe(30);
    expect(parseEnv({ TELEGRAM_MESSAGES_PER_SECOND: '15' }).TELEGRAM_MESSAGES_PER_SECOND).toBe(15);
    expect(() => parseEnv({ TELEGRAM_MESSAGES_PER_SECOND: '1001' })).toThrow(
      /TELEGRAM_MESSAGES_PER_SECOND/,
    );
  });

  it('sends one message a second to a chat unless told, at least one and at most 1000', () => {
    expect(parseEnv({}).MESSAGES_PER_CHAT_PER_SECOND).toBe(1);
    expect(parseEnv({ MESSAGES_PER_CHAT_PER_SECOND: '20' }).MESSAGES_PER_CHAT_PER_SECOND).toBe(20);
    for (const bad of ['0', '1001', '0.5']) {
      expect(() => parseEnv({ MESSAGES_PER_CHAT_PER_SECOND: bad })).toThrow(
        /MESSAGES_PER_CHAT_PER_SECOND/,
      );
    }
  });

  it('claims an empty outbox again within 2 s unless told, between 100 ms and a minute', () => {
    expect(parseEnv({}).OUTBOX_IDLE_MAX_MS).toBe(2_000);
    expect(parseEnv({ OUTBOX_IDLE_MAX_MS: '250' }).OUTBOX_IDLE_MAX_MS).toBe(250);
    expect(() => parseEnv({ OUTBOX_IDLE_MAX_MS: '99' })).toThrow(/OUTBOX_IDLE_MAX_MS/);
  });

  it('requires BOT_SERVICE_TOKEN in production only', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /BOT_SERVICE_TOKEN: is required when NODE_ENV=production/,
    );
    const token = 'a'.repeat(32);
    expect(parseEnv({ NODE_ENV: 'production', BOT_SERVICE_TOKEN: token }).BOT_SERVICE_TOKEN).toBe(
      token,
    );
    expect(() => parseEnv({ BOT_SERVICE_TOKEN: 'short' })).toThrow(/at least 24 characters/);
  });

  it('trusts no proxy and limits each web-chat address unless told otherwise', () => {
    const sut = parseEnv({});

    expect(sut.TRUST_PROXY).toBe(false);
    expect(sut.WEB_CHAT_ADDRESS_RATE_LIMIT).toBe(60);
    expect(sut.WEB_CHAT_HANDOFFS_PER_HOUR).toBe(5);
    expect(parseEnv({ TRUST_PROXY: 'yes' }).TRUST_PROXY).toBe(true);
    expect(() => parseEnv({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY: must be true or false/);
    expect(() => parseEnv({ WEB_CHAT_HANDOFFS_PER_HOUR: '0' })).toThrow(/WEB_CHAT_HANDOFFS/);
  });

  it('reads WEB_CHAT_ORIGINS as a list of origins', () => {
    const sut = parseEnv({
      WEB_CHAT_ORIGINS: 'https://portal.example.gov.vn/, http://localhost:5173',
    });

    expect(sut.WEB_CHAT_ORIGINS).toEqual([
      'https://portal.example.gov.vn',
      'http://localhost:5173',
    ]);
    expect(() => parseEnv({ WEB_CHAT_ORIGINS: 'portal.example.gov.vn' })).toThrow(
      /WEB_CHAT_ORIGINS/,
    );
  });

  it('asks for the secrets a channel needs to check its webhooks', () => {
    expect(() =>
      parseEnv({
        TELEGRAM_BOT_TOKEN: '1:a',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example/webhooks/telegram',
      }),
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET: is required with TELEGRAM_WEBHOOK_URL/);
    expect(() => parseEnv({ ZALO_OA_ACCESS_TOKEN: 'z' })).toThrow(
      /ZALO_APP_ID[\s\S]*ZALO_OA_SECRET_KEY/,
    );
    expect(() => parseEnv({ ZALO_REFRESH_TOKEN: 'r' })).toThrow(/ZALO_APP_SECRET/);
  });

  it('bounds the outbox settings', () => {
    expect(() => parseEnv({ OUTBOX_BATCH: '0' })).toThrow(/OUTBOX_BATCH/);
    expect(() => parseEnv({ OUTBOX_LEASE_SECONDS: '601' })).toThrow(/OUTBOX_LEASE_SECONDS/);
  });

  it('rejects a bad BOT_PORT with a message naming it', () => {
    expect(() => parseEnv({ BOT_PORT: 'abc' })).toThrow(EnvError);
    expect(() => parseEnv({ BOT_PORT: 'abc' })).toThrow(/BOT_PORT/);
    expect(() => parseEnv({ BOT_PORT: '70000' })).toThrow(/BOT_PORT: must be a whole number/);
  });

  it('names every bad variable and hides secret values', () => {
    const error = (() => {
      try {
        parseEnv({ API_URL: 'ftp://x', TELEGRAM_API_ROOT: 'nope', BOT_PORT: '3002' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected parseEnv to throw');
    })();

    expect(error.message).toMatch(/API_URL: must be an http/);
    expect(error.message).toMatch(/TELEGRAM_API_ROOT/);
    expect(error.message).not.toMatch(/BOT_PORT/);
  });

  it('treats empty values as unset', () => {
    const sut = parseEnv({ BOT_PORT: '', TELEGRAM_BOT_TOKEN: '' });

    expect(sut.BOT_PORT).toBe(3001);
    expect(sut.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('accepts a complete Zalo configuration', () => {
    const sut = parseEnv({
      ZALO_OA_ACCESS_TOKEN: 'z',
      ZALO_APP_ID: 'app',
      ZALO_OA_SECRET_KEY: 'secret',
    });

    expect(sut.ZALO_OA_ACCESS_TOKEN).toBe('z');
  });
});
