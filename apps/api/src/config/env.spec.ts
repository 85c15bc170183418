import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env';

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    const sut = loadEnv({});
    expect(sut.API_PORT).toBe(3000);
    expect(sut.DATABASE_URL).toBeUndefined();
    expect(sut.DATA_DIR).toMatch(/data$/);
  });

  it('names the variable that is malformed', () => {
    expect(() => loadEnv({ API_PORT: 'abc' })).toThrow(/API_PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
    expect(() => loadEnv({ COOKIE_SECURE: 'maybe' })).toThrow(EnvError);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadEnv({ ADMIN_EMAIL: 'a@b.vn' })).toThrow(/ADMIN_PASSWORD/);
    expect(loadEnv({ ADMIN_EMAIL: 'a@b.vn', ADMIN_PASSWORD: 'mot-hai-ba-4' }).ADMIN_EMAIL).toBe(
      'a@b.vn',
    );
  });

  it('refuses an ADMIN_PASSWORD that is short, common or patterned', () => {
    const admin = (password: string) => () =>
      loadEnv({ ADMIN_EMAIL: 'quan.tri@backan.gov.vn', ADMIN_PASSWORD: password });
    expect(admin('ngan-1')).toThrow(/ADMIN_PASSWORD: The password needs at least 10/);
    expect(admin('password12')).toThrow(/ADMIN_PASSWORD: This password is too common/);
    expect(admin('aaaaaaaaa1')).toThrow(/ADMIN_PASSWORD: The password follows an easy pattern/);
    expect(admin('quantri2026')).toThrow(/ADMIN_PASSWORD: The password contains the email/);
  });

  it('makes the session cookie Secure by default when the public URL is https', () => {
    expect(loadEnv({}).COOKIE_SECURE).toBe(false);
    expect(loadEnv({ PUBLIC_URL: 'http://gcm.local:3000' }).COOKIE_SECURE).toBe(false);
    expect(loadEnv({ PUBLIC_URL: 'https://gcm.example.gov.vn' }).COOKIE_SECURE).toBe(true);
    expect(
      loadEnv({ PUBLIC_URL: 'https://gcm.example.gov.vn', COOKIE_SECURE: 'false' }).COOKIE_SECURE,
    ).toBe(false);
  });

  it('finds the bot web chat on this machine outside production, and only where told in it', () => {
    expect(loadEnv({}).WEB_CHAT_URL).toBe('http://localhost:3001');
    expect(loadEnv({ WEB_CHAT_URL: 'https://chat.example.gov.vn/' }).WEB_CHAT_URL).toBe(
      'https://chat.example.gov.vn',
    );
    const production = { NODE_ENV: 'production', BOT_SERVICE_TOKEN: 'x'.repeat(32) };
    expect(loadEnv(production).WEB_CHAT_URL).toBeUndefined();
    expect(() => loadEnv({ WEB_CHAT_URL: 'https://chat.example.gov.vn/widget' })).toThrow(
      /WEB_CHAT_URL/,
    );
  });

  it('reads the keys of confidential reports and says which one is wrong', () => {
    const k = (byte: number) => Buffer.alloc(32, byte).toString('base64');
    expect(loadEnv({}).TIPS_ENCRYPTION).toBeNull();
    expect(loadEnv({ TIPS_ENCRYPTION_KEYS: `a:${k(1)}` }).TIPS_ENCRYPTION).toEqual({
      currentKeyId: 'a',
      keys: { a: k(1) },
    });
    const rotated = loadEnv({
      TIPS_ENCRYPTION_KEYS: `old:${k(1)}, new:${k(2)}`,
      TIPS_ENCRYPTION_KEY_ID: 'new',
    });
    expect(rotated.TIPS_ENCRYPTION?.currentKeyId).toBe('new');
    expect(() => loadEnv({ TIPS_ENCRYPTION_KEYS: `a:${k(1)},b:${k(2)}` })).toThrow(
      /TIPS_ENCRYPTION_KEY_ID: must name the key/,
    );
    expect(() => loadEnv({ TIPS_ENCRYPTION_KEYS: `a:${k(1).slice(4)}` })).toThrow(
      /TIPS_ENCRYPTION_KEYS: the key a must be 32 bytes/,
    );
    expect(() => loadEnv({ TIPS_ENCRYPTION_KEYS: k(1) })).toThrow(/id:base64/);
    expect(() =>
      loadEnv({ TIPS_ENCRYPTION_KEYS: `a:${k(1)}`, TIPS_ENCRYPTION_KEY_ID: 'b' }),
    ).toThrow(/TIPS_ENCRYPTION_KEY_ID: names no key/);
    expect(() => loadEnv({ TIPS_RETENTION_DAYS: '0' })).toThrow(/TIPS_RETENTION_DAYS/);
  });

  it('treats empty strings as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
