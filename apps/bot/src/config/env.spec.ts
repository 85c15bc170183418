import { describe, expect, it } from 'vitest';
import { EnvError, enabledChannels, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies the defaults to an empty environment', () => {
    const sut = parseEnv({});

    expect(sut.BOT_PORT).toBe(3001);
    expect(sut.API_URL).toBe('http://127.0.0.1:3000');
    expect(sut.BOT_SERVICE_TOKEN).toBeUndefined();
    expect(Object.isFrozen(sut)).toBe(true);
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
    expect(enabledChannels(sut)).toEqual(['web']);
  });

  it('switches channels on by their tokens', () => {
    const sut = parseEnv({ TELEGRAM_BOT_TOKEN: '123:abc', ZALO_OA_ACCESS_TOKEN: 'z' });

    expect(enabledChannels(sut)).toEqual(['web', 'telegram', 'zalo']);
  });
});
