import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeZaloServer, type FakeZaloServer } from '../../../test/support/fake-zalo-server';
import { DeliveryError } from '../channel';
import {
  retryAfterHeader,
  ZaloClient,
  type ZaloClientOptions,
  type ZaloTokens,
} from './zalo-client';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fake(): Promise<FakeZaloServer> {
  const zalo = await startFakeZaloServer();
  cleanups.push(() => zalo.close());
  return zalo;
}

function clientFor(zalo: FakeZaloServer, overrides: Partial<ZaloClientOptions> = {}) {
  const logger = { warn: vi.fn<(m: string) => void>(), error: vi.fn<(m: string) => void>() };
  const sut = new ZaloClient({
    appId: zalo.options.appId,
    accessToken: zalo.options.accessToken,
    refreshToken: zalo.options.refreshToken,
    appSecret: zalo.options.appSecret,
    apiBase: zalo.url,
    oauthBase: zalo.url,
    timeoutMs: 10_000,
    logger,
    ...overrides,
  });
  return { sut, logger };
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeliveryError))
    throw new Error(`expected a DeliveryError, got ${String(error)}`);
  return error;
}

describe('ZaloClient', () => {
  it('posts the v3 customer-service message shape and returns the message id', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);

    const result = await sut.sendText('u-1', 'Xin chào', [
      { kind: 'query', title: 'Hỏi đáp', payload: '#gcm:faq' },
      { kind: 'url', title: 'Cổng thông tin', url: 'https://gcm.example.vn' },
    ]);

    expect(result.messageId).toBe('msg-1');
    expect(zalo.delivered[0]).toEqual({
      accessToken: 'access-0',
      userId: 'u-1',
      answeredError: 0,
      at: expect.any(Number),
      message: {
        text: 'Xin chào',
        attachment: {
          type: 'template',
          payload: {
            buttons: [
              { title: 'Hỏi đáp', type: 'oa.query.hide', payload: '#gcm:faq' },
              {
                title: 'Cổng thông tin',
                type: 'oa.open.url',
                payload: { url: 'https://gcm.example.vn' },
              },
            ],
          },
        },
      },
    });
  });

  it('refreshes proactively when the known expiry has passed', async () => {
    const zalo = await fake();
    const onTokens = vi.fn<(tokens: ZaloTokens) => void>();
    const now = 1_800_000_000_000;
    const { sut } = clientFor(zalo, {
      accessTokenExpiresAt: now + 30_000,
      now: () => now,
      onTokens,
    });

    await sut.sendText('u-1', 'hi');

    expect(zalo.refreshes).toHaveLength(1);
    expect(zalo.delivered[0].accessToken).toBe('access-1');
    expect(onTokens).toHaveBeenCalledWith({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresAt: now + 90_000_000,
    });
  });

  it('makes one refresh for sends that find the token expired at the same time', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);
    zalo.expireAccessToken();

    await Promise.all([
      sut.sendText('u-1', 'a'),
      sut.sendText('u-2', 'b'),
      sut.sendText('u-3', 'c'),
    ]);

    expect(zalo.refreshes).toHaveLength(1);
    expect(zalo.delivered.map((m) => m.accessToken)).toEqual(['access-1', 'access-1', 'access-1']);
  });

  it('asks for a retry, and says why, when the refresh token is no longer valid', async () => {
    const zalo = await fake();
    const { sut, logger } = clientFor(zalo, { refreshToken: 'refresh-used-before' });
    zalo.expireAccessToken();

    const error = await failure(sut.sendText('u-1', 'hi'));

    expect(error).toMatchObject({ kind: 'retry', retryAfterSeconds: 300 });
    expect(error.message).toMatch(/Invalid refresh token/);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/refreshing the access token failed/),
    );
  });

  it('carries on with the tokens onTokens answers instead of those it renewed', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo, {
      // As when another instance stored its pair first: the store answers that one.
      onTokens: () => ({ accessToken: zalo.validAccessToken, refreshToken: 'refresh-stored' }),
    });
    zalo.expireAccessToken();

    await sut.sendText('u-1', 'hi');

    expect(sut.tokens).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-stored' });
    expect(zalo.delivered.map((m) => m.accessToken)).toEqual(['access-1']);
  });

  it('carries on with the tokens another instance renewed first, when its own refresh token is spent', async () => {
    const zalo = await fake();
    let shared: ZaloTokens | undefined;
    const first = clientFor(zalo, { onTokens: (tokens) => void (shared = tokens) }).sut;
    const { sut, logger } = clientFor(zalo, { reloadTokens: async () => shared });
    zalo.expireAccessToken();

    await first.sendText('u-1', 'a');
    await sut.sendText('u-2', 'b');

    expect(zalo.refreshes.map((r) => [r.refreshToken, r.ok])).toEqual([
      ['refresh-0', true],
      ['refresh-0', false],
    ]);
    expect(zalo.delivered.map((m) => [m.userId, m.accessToken])).toEqual([
      ['u-1', 'access-1'],
      ['u-2', 'access-1'],
    ]);
    expect(sut.tokens).toEqual(first.tokens);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('reports the refused refresh when nothing newer is stored', async () => {
    const zalo = await fake();
    const reloadTokens = vi.fn(async () => undefined);
    const { sut } = clientFor(zalo, { refreshToken: 'refresh-used-before', reloadTokens });
    zalo.expireAccessToken();

    const error = await failure(sut.sendText('u-1', 'hi'));

    expect(reloadTokens).toHaveBeenCalledOnce();
    expect(error).toMatchObject({ kind: 'retry', retryAfterSeconds: 300 });
    expect(error.message).toMatch(/Invalid refresh token/);
  });

  it('asks for a retry when the token is rejected and cannot be refreshed', async () => {
    const zalo = await fake();
    const { sut, logger } = clientFor(zalo, { refreshToken: undefined });
    zalo.expireAccessToken();

    const error = await failure(sut.sendText('u-1', 'hi'));

    expect(error.kind).toBe('retry');
    expect(zalo.refreshes).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/ZALO_REFRESH_TOKEN/));
  });

  it.each([
    [-213, 'User has not followed OA'],
    [-217, 'User has blocked invitation from OA'],
    [-227, 'User is banned or has been inactive for more than 45 days'],
    [-230, 'User has not interacted with the OA in the past 7 days'],
    [-232, 'User has interaction expired'],
    [-244, 'User has restricted this message type from your OA'],
  ])('treats person-side error %i as permanent', async (code, message) => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);
    zalo.failNextSends({ kind: 'permanent', error: code, message });

    const error = await failure(sut.sendText('u-1', 'hi'));

    expect(error.kind).toBe('permanent');
    expect(error.message).toContain(message);
  });

  it.each([
    [-204, 'OA has been deleted'],
    [-209, 'App is not activated'],
    [-212, 'OA has not registered this API'],
    [-219, 'App has been removed'],
    [-221, 'OA is not verified'],
    [-224, 'The OA package does not allow this API'],
    [-240, 'MessageV2 API has been shut down, please switch to MessageV3'],
    [-320, 'App needs a Zalo Cloud Account'],
    [-321, 'Zalo Cloud Account is out of money'],
    [-999, 'a code we have never seen'],
  ])(
    'retries OA- or app-side error %i after an hour, never blaming the person',
    async (code, message) => {
      const zalo = await fake();
      const { sut } = clientFor(zalo);
      zalo.failNextSends({ kind: 'permanent', error: code, message });

      const error = await failure(sut.sendText('u-1', 'hi'));

      expect(error).toMatchObject({ kind: 'retry', retryAfterSeconds: 3600, scope: 'channel' });
      expect(error.message).toContain(message);
    },
  );

  it('retries -200 "Gửi tin thất bại", which gives no reason, after a minute, not holding the chat', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);
    zalo.failNextSends({ kind: 'permanent', error: -200, message: 'Gửi tin thất bại' });

    const error = await failure(sut.sendText('u-1', 'hi'));

    expect(error).toMatchObject({ kind: 'retry', retryAfterSeconds: 60, scope: 'channel' });
  });

  it('says a wait is about the chat only for the per-minute limit and the person’s quota', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);
    zalo.failNextSends({ kind: 'permanent', error: -218, message: 'Out of quota receive' });
    zalo.failNextSends({ kind: 'permanent', error: -211, message: 'Out of quota' });

    const receiveQuota = await failure(sut.sendText('u-1', 'a'));
    const oaQuota = await failure(sut.sendText('u-1', 'b'));

    expect(receiveQuota).toMatchObject({ kind: 'retry', retryAfterSeconds: 3600, scope: 'chat' });
    expect(oaQuota).toMatchObject({ kind: 'retry', retryAfterSeconds: 3600, scope: 'channel' });
  });

  it.each([
    [-201, 'message is invalid!'],
    [-233, 'Message type is not supported'],
  ])(
    'rejects our own bad request (error %i): the message fails, the person stays reachable',
    async (code, message) => {
      const zalo = await fake();
      const { sut } = clientFor(zalo);
      zalo.failNextSends({ kind: 'permanent', error: code, message });

      const error = await failure(sut.sendText('u-1', 'hi'));

      expect(error.kind).toBe('rejected');
    },
  );

  it.each([400, 413, 422])('rejects a request Zalo answers HTTP %i', async (status) => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);
    zalo.failNextSends({ kind: 'server-error', status });

    const error = await failure(sut.sendText('u-1', 'hi'));

    expect(error.kind).toBe('rejected');
  });

  it('retries Zalo’s per-minute limit (HTTP 200, error -32) after a minute', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);
    zalo.failNextSends({ kind: 'rate-limited' });

    const perMinute = await failure(sut.sendText('u-1', 'b'));

    expect(zalo.messages.at(-1)?.answeredError).toBe(-32);
    expect(perMinute).toMatchObject({ kind: 'retry', retryAfterSeconds: 60, scope: 'chat' });
  });

  it('retries an HTTP 429 (a proxy’s, not Zalo’s) after its Retry-After', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);
    zalo.failNextSends({ kind: 'http-429', retryAfterSeconds: 12 });

    const http429 = await failure(sut.sendText('u-1', 'a'));

    expect(http429).toMatchObject({ kind: 'retry', retryAfterSeconds: 12 });
  });

  it('leaves the wait to the outbox when a 429 has no usable Retry-After', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);
    zalo.failNextSends({ kind: 'http-429' });
    zalo.failNextSends({ kind: 'http-429', retryAfterSeconds: 0 });

    const noHeader = await failure(sut.sendText('u-1', 'a'));
    const zero = await failure(sut.sendText('u-1', 'b'));

    expect(noHeader.kind).toBe('retry');
    expect(noHeader.retryAfterSeconds).toBeUndefined();
    expect(zero.retryAfterSeconds).toBeUndefined();
    expect(['', 'soon', '-5', '0', '2.5'].map((v) => retryAfterHeader(v))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      2.5,
    ]);
  });

  it('retries a 5xx, an unreachable API and a timeout', async () => {
    const zalo = await fake();
    zalo.failNextSends({ kind: 'server-error', status: 503 });
    const serverError = await failure(clientFor(zalo).sut.sendText('u-1', 'a'));

    const closed = await closedPortUrl();
    const unreachable = await failure(
      clientFor(zalo, { apiBase: closed }).sut.sendText('u-1', 'b'),
    );

    const hanging = await silentServer();
    const timeout = await failure(
      clientFor(zalo, { apiBase: hanging, timeoutMs: 200 }).sut.sendText('u-1', 'c'),
    );

    expect([serverError.kind, unreachable.kind, timeout.kind]).toEqual(['retry', 'retry', 'retry']);
    expect(timeout.message).toMatch(/timed out/);
  });

  it('renders links and files as text with their URL', async () => {
    const zalo = await fake();
    const { sut } = clientFor(zalo);

    await sut.sendLink('u-1', { url: 'https://a.vn/x', title: 'Hướng dẫn' });
    await sut.sendFile('u-1', { url: 'https://a.vn/f.pdf', fileName: 'f.pdf', caption: 'Mẫu 01' });

    expect(zalo.delivered.map((m) => m.message.text)).toEqual([
      'Hướng dẫn: https://a.vn/x',
      '📄 f.pdf: https://a.vn/f.pdf\nMẫu 01',
    ]);
  });
});

async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** A server that accepts requests and never answers. */
async function silentServer(): Promise<string> {
  const server = http.createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
