import type { ChannelTokensResponse } from '@gcm/domain';
import { createApiClient } from '@gcm/api-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApiDouble, type ApiDouble } from '../../../test/support/api-double';
import { waitFor } from '../../../test/support/wait-for';
import type { ZaloTokens } from './zalo-client';
import { ZaloTokenStore, type ZaloTokenStoreOptions } from './zalo-token-store';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CONFIGURED: ZaloTokens = { accessToken: 'access-env', refreshToken: 'refresh-env' };

async function api(): Promise<ApiDouble> {
  const double = await startApiDouble();
  cleanups.push(() => double.close());
  return double;
}

function storeFor(apiUrl: string, options: ZaloTokenStoreOptions = {}) {
  const logger = { warn: vi.fn<(m: string) => void>(), error: vi.fn<(m: string) => void>() };
  const client = createApiClient({ baseUrl: apiUrl, token: 'svc-token', timeoutMs: 2000 });
  const sut = new ZaloTokenStore(client.bot, { logger, reloadDelayMs: 20, ...options });
  return { sut, logger };
}

/** A pair as another instance stored it, at `revision`. */
function stored(revision: number, n = revision): ChannelTokensResponse {
  return {
    channel: 'zalo',
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    accessExpiresAt: '2026-03-01T10:00:00.000Z',
    revision,
    updatedAt: '2026-02-28T09:00:00.000Z',
  };
}

describe('ZaloTokenStore.load', () => {
  it('starts from the stored pair, which wins over the configured one', async () => {
    const double = await api();
    double.tokens.set('zalo', stored(3));
    const { sut } = storeFor(double.url);

    const tokens = await sut.load(CONFIGURED);

    expect(tokens).toEqual({
      accessToken: 'access-3',
      refreshToken: 'refresh-3',
      expiresAt: Date.parse('2026-03-01T10:00:00.000Z'),
    });
  });

  it('starts from the configured pair while none is stored', async () => {
    const double = await api();
    const { sut, logger } = storeFor(double.url);

    expect(await sut.load(CONFIGURED)).toEqual(CONFIGURED);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('starts from the configured pair, with a warning, when the API cannot be reached', async () => {
    const double = await startApiDouble();
    await double.close();
    const { sut, logger } = storeFor(double.url);

    expect(await sut.load(CONFIGURED)).toEqual(CONFIGURED);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/could not read the stored tokens.*ZALO_OA_ACCESS_TOKEN/),
    );
    expect(JSON.stringify(logger.warn.mock.calls)).not.toMatch(/access-env|refresh-env/);
  });
});

describe('ZaloTokenStore.save', () => {
  it('stores the first renewal against no pair, and each next one against the last', async () => {
    const double = await api();
    const { sut } = storeFor(double.url);
    await sut.load(CONFIGURED);

    expect(await sut.save({ accessToken: 'access-1', refreshToken: 'refresh-1' })).toBeUndefined();
    expect(await sut.save({ accessToken: 'access-2', refreshToken: 'refresh-2' })).toBeUndefined();

    const saves = double.requests.filter((r) => r.method === 'PUT').map((r) => r.body);
    expect(saves).toEqual([
      {
        accessToken: 'access-1',
        refreshToken: 'refresh-1',
        accessExpiresAt: null,
        expectedRevision: 0,
      },
      {
        accessToken: 'access-2',
        refreshToken: 'refresh-2',
        accessExpiresAt: null,
        expectedRevision: 1,
      },
    ]);
    expect(double.tokens.get('zalo')).toMatchObject({ accessToken: 'access-2', revision: 2 });
  });

  it('answers the stored pair when another instance saved first', async () => {
    const double = await api();
    double.tokens.set('zalo', stored(4));
    const { sut, logger } = storeFor(double.url);
    await sut.load(CONFIGURED);
    double.tokens.set('zalo', stored(5));

    const answer = await sut.save({ accessToken: 'access-mine', refreshToken: 'refresh-mine' });

    expect(answer).toMatchObject({ accessToken: 'access-5', refreshToken: 'refresh-5' });
    expect(double.tokens.get('zalo')?.accessToken).toBe('access-5');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/another bot instance/));
    // Carrying on from revision 5, the next renewal is stored.
    expect(await sut.save({ accessToken: 'access-6', refreshToken: 'refresh-6' })).toBeUndefined();
    expect(double.tokens.get('zalo')?.revision).toBe(6);
  });

  it('learns the revision first when the API was down at start', async () => {
    const double = await api();
    double.tokens.set('zalo', stored(2));
    double.reply = (route) => (route === 'getTokens' ? { status: 503 } : undefined);
    const { sut } = storeFor(double.url);
    await sut.load(CONFIGURED);
    double.reply = () => undefined;

    expect(await sut.save({ accessToken: 'access-new', refreshToken: 'refresh-new' })).toBe(
      undefined,
    );
    expect(double.tokens.get('zalo')).toMatchObject({ accessToken: 'access-new', revision: 3 });
  });
});

describe('ZaloTokenStore, when the API cannot take a renewed pair', () => {
  it('keeps saving it in the background until the API takes it', async () => {
    const double = await api();
    let refusals = 2;
    double.reply = (route) =>
      route === 'saveTokens' && refusals-- > 0
        ? { status: 503, body: { code: 'database_unavailable', message: 'down' } }
        : undefined;
    const { sut, logger } = storeFor(double.url, { saveRetryMs: 20 });
    cleanups.push(() => sut.stop());
    await sut.load(CONFIGURED);

    await expect(
      sut.save({ accessToken: 'access-1', refreshToken: 'refresh-1' }),
    ).rejects.toThrow();

    // The double holds the pair a moment before the store hears back and logs it.
    const logged = () =>
      logger.warn.mock.calls.some(
        ([m]) => m === 'Zalo: the renewed tokens are stored in the API now',
      );
    await waitFor(() => double.tokens.has('zalo') && logged(), 5_000, 'the pair stored');
    expect(double.tokens.get('zalo')).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      revision: 1,
    });
  });

  it('saves only the newest of the pairs waiting, and makes a last try when stopped', async () => {
    const double = await api();
    let down = true;
    double.reply = (route) =>
      route === 'saveTokens' && down
        ? { status: 503, body: { code: 'database_unavailable', message: 'down' } }
        : undefined;
    const { sut } = storeFor(double.url, { saveRetryMs: 60_000 });
    await sut.load(CONFIGURED);

    await expect(
      sut.save({ accessToken: 'access-1', refreshToken: 'refresh-1' }),
    ).rejects.toThrow();
    await expect(
      sut.save({ accessToken: 'access-2', refreshToken: 'refresh-2' }),
    ).rejects.toThrow();
    down = false;
    await sut.stop();

    expect(double.tokens.get('zalo')).toMatchObject({ accessToken: 'access-2', revision: 1 });
    const saved = double.requests.filter((r) => r.method === 'PUT').map((r) => r.body);
    expect(saved.map((b) => (b as { accessToken: string }).accessToken)).toEqual([
      'access-1',
      'access-2',
      'access-2',
    ]);
  });
});

describe('ZaloTokenStore.reload', () => {
  it('finds the pair another instance stored after spending the refresh token, even a moment later', async () => {
    const double = await api();
    double.tokens.set('zalo', stored(1));
    const { sut } = storeFor(double.url);
    await sut.load(CONFIGURED);
    setTimeout(() => double.tokens.set('zalo', stored(2)), 50);

    const tokens = await sut.reload();

    expect(tokens).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('answers nothing when nothing newer is stored, after a few reads', async () => {
    const double = await api();
    double.tokens.set('zalo', stored(1));
    const { sut } = storeFor(double.url, { reloadTries: 3 });
    await sut.load(CONFIGURED);

    expect(await sut.reload()).toBeUndefined();
    expect(double.requests.filter((r) => r.method === 'GET')).toHaveLength(1 + 3);
  });

  it('answers nothing, with a warning, when the API cannot be reached', async () => {
    const double = await api();
    const { sut, logger } = storeFor(double.url);
    await sut.load(CONFIGURED);
    double.reply = () => ({ status: 502 });

    expect(await sut.reload()).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/could not read/));
  });
});
