import { createApiClient } from '@gcm/api-client';
import type { BotEvent } from '@gcm/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../../test/support/api-double';
import { ApiSink } from './api-sink';

const textEvent = (text: string): BotEvent => ({
  type: 'text',
  channel: 'telegram',
  updateId: '1001',
  chatId: '42',
  user: { id: '42' },
  text,
});

let api: ApiDouble;

beforeEach(async () => {
  api = await startApiDouble();
});

afterEach(async () => {
  await api.close();
});

function sinkFor(url: string) {
  const client = createApiClient({ baseUrl: url, token: 'svc-token', timeoutMs: 2000 });
  return new ApiSink(client.bot, { backoffMs: 10 });
}

describe('ApiSink', () => {
  it('posts the event with the service token and returns the replies', async () => {
    const sut = sinkFor(api.url);

    const replies = await sut.handle(textEvent('xin chào'));

    expect(replies).toEqual([{ type: 'text', text: 'Đã nhận: xin chào' }]);
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/bot/events',
      authorization: 'Bearer svc-token',
      body: textEvent('xin chào'),
    });
  });

  it('tries once more after a 5xx', async () => {
    let calls = 0;
    api.reply = (route) =>
      route === 'events' && ++calls === 1
        ? { status: 502, body: { code: 'internal_error' } }
        : undefined;
    const sut = sinkFor(api.url);

    await expect(sut.handle(textEvent('a'))).resolves.toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('throws after two failed tries so that the webhook answers 5xx', async () => {
    api.reply = () => ({ status: 503, body: { code: 'database_unavailable', message: 'down' } });
    const sut = sinkFor(api.url);

    await expect(sut.handle(textEvent('a'))).rejects.toMatchObject({ status: 503 });
    expect(api.requests).toHaveLength(2);
  });

  it('does not try again when the API refuses the event', async () => {
    api.reply = () => ({ status: 401, body: { code: 'unauthenticated', message: 'no token' } });
    const sut = sinkFor(api.url);

    await expect(sut.handle(textEvent('a'))).rejects.toMatchObject({ status: 401 });
    expect(api.requests).toHaveLength(1);
  });

  it('tries again when nothing answers, then throws a network error', async () => {
    const url = api.url;
    await api.close();
    api = await startApiDouble();
    const sut = sinkFor(url);

    await expect(sut.handle(textEvent('a'))).rejects.toMatchObject({ status: 0 });
  });
});
