import { createApiClient } from '@gcm/api-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxItem, startApiDouble, type ApiDouble } from '../../test/support/api-double';
import { RecordingChannel } from '../../test/support/recording-channel';
import { waitFor } from '../../test/support/wait-for';
import { DeliveryError, type Channel } from '../channels/channel';
import { OutboxWorker } from './outbox-worker';
import { RateLimiter } from './rate-limiter';

let api: ApiDouble;
const workers: OutboxWorker[] = [];

beforeEach(async () => {
  api = await startApiDouble();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await api.close();
});

function startWorker(channels: Channel[], overrides: { leaseSeconds?: number } = {}) {
  const client = createApiClient({ baseUrl: api.url, token: 'svc', timeoutMs: 2000 });
  const sut = new OutboxWorker({
    api: client.bot,
    channels,
    batchSize: 10,
    leaseSeconds: overrides.leaseSeconds ?? 30,
    idleMinMs: 10,
    idleMaxMs: 40,
  });
  workers.push(sut);
  sut.start();
  return sut;
}

describe('OutboxWorker', () => {
  it('claims for its own channels, sends and reports sent', async () => {
    const telegram = new RecordingChannel('telegram');
    api.pending.push(
      outboxItem({ id: 'a', chatId: '1' }),
      outboxItem({ id: 'z', channel: 'zalo' }),
      outboxItem({ id: 'b', chatId: '2' }),
    );

    startWorker([telegram]);
    await waitFor(() => api.results.length === 2);

    expect(api.claims[0]).toEqual({ channels: ['telegram'], limit: 10, leaseSeconds: 30 });
    expect(api.requests[0].authorization).toBe('Bearer svc');
    expect(telegram.sent.map((m) => m.chatId).sort()).toEqual(['1', '2']);
    expect(telegram.sent[0].replies).toEqual(outboxItem().replies);
    expect(api.results).toEqual(
      expect.arrayContaining([
        { id: 'a', outcome: 'sent' },
        { id: 'b', outcome: 'sent' },
      ]),
    );
    expect(api.pending.map((i) => i.id)).toEqual(['z']);
  });

  it('reports retry with the retryAfterSeconds the platform asked for', async () => {
    const telegram = new RecordingChannel('telegram');
    telegram.failWith = () => new DeliveryError('Too Many Requests', 'retry', 7);
    api.pending.push(outboxItem({ id: 'a' }));

    startWorker([telegram]);
    await waitFor(() => api.results.length === 1);

    expect(api.results[0]).toEqual({
      id: 'a',
      outcome: 'retry',
      retryAfterSeconds: 7,
      error: 'Too Many Requests',
    });
  });

  it('reports failed when the chat cannot be reached for good', async () => {
    const telegram = new RecordingChannel('telegram');
    telegram.failWith = () => new DeliveryError('bot was blocked by the user', 'permanent');
    api.pending.push(outboxItem({ id: 'a' }));

    startWorker([telegram]);
    await waitFor(() => api.results.length === 1);

    expect(api.results[0]).toEqual({
      id: 'a',
      outcome: 'failed',
      error: 'bot was blocked by the user',
    });
  });

  it('uses the channel’s own rate limiter when it has one (Zalo’s, shared with its webhook replies)', async () => {
    const zalo = Object.assign(new RecordingChannel('zalo'), {
      limiter: new RateLimiter({ perSecond: 1000, perChatPerSecond: 1000 }),
    });
    zalo.limiter.holdChat('1', 400);
    api.pending.push(outboxItem({ id: 'a', channel: 'zalo', chatId: '1' }));
    const started = Date.now();

    startWorker([zalo]);
    await waitFor(() => api.results.length === 1);

    expect(zalo.sent[0].at - started).toBeGreaterThanOrEqual(350);
  });

  it('holds the chat only for a wait about that chat, not for one about the OA or platform', async () => {
    const zalo = Object.assign(new RecordingChannel('zalo'), {
      limiter: new RateLimiter({ perSecond: 1000, perChatPerSecond: 1000 }),
    });
    const failures = [
      new DeliveryError('Zalo error -200: Gửi tin thất bại', 'retry', 60, 'channel'),
      new DeliveryError('Zalo error -32: reached limit call api', 'retry', 60, 'chat'),
    ];
    zalo.failWith = () => failures.shift();
    api.pending.push(outboxItem({ id: 'oa', channel: 'zalo', chatId: 'oa-side' }));

    startWorker([zalo]);
    await waitFor(() => api.results.length === 1);
    // The OA-side failure says nothing about the person: their chat has a slot at once.
    expect(zalo.limiter.tryReserve('oa-side').granted).toBe(true);

    api.pending.push(outboxItem({ id: 'chat', channel: 'zalo', chatId: 'per-chat' }));
    await waitFor(() => api.results.length === 2);
    expect(api.results.map((r) => [r.id, r.outcome, r.retryAfterSeconds])).toEqual([
      ['oa', 'retry', 60],
      ['chat', 'retry', 60],
    ]);
    expect(zalo.limiter.tryReserve('per-chat')).toMatchObject({ granted: false });
  });

  it('reports rejected when the platform refused the message itself', async () => {
    const telegram = new RecordingChannel('telegram');
    telegram.failWith = () => new DeliveryError('Bad Request: message text is empty', 'rejected');
    api.pending.push(outboxItem({ id: 'a' }));

    startWorker([telegram]);
    await waitFor(() => api.results.length === 1);

    expect(api.results[0]).toEqual({
      id: 'a',
      outcome: 'rejected',
      error: 'Bad Request: message text is empty',
    });
  });

  it('reports an unexpected error as retry, leaving the back-off to the API', async () => {
    const telegram = new RecordingChannel('telegram');
    telegram.failWith = () => new Error('socket hang up');
    api.pending.push(outboxItem({ id: 'a' }));

    startWorker([telegram]);
    await waitFor(() => api.results.length === 1);

    expect(api.results[0]).toEqual({ id: 'a', outcome: 'retry', error: 'socket hang up' });
  });

  it('spaces two messages to one chat by at least 1 s / perChatPerSecond', async () => {
    const telegram = new RecordingChannel('telegram', { perSecond: 30, perChatPerSecond: 4 });
    api.pending.push(outboxItem({ id: 'a', chatId: '9' }), outboxItem({ id: 'b', chatId: '9' }));

    startWorker([telegram]);
    await waitFor(() => api.results.length === 2);

    expect(telegram.sent).toHaveLength(2);
    expect(telegram.sent[1].at - telegram.sent[0].at).toBeGreaterThanOrEqual(250);
  });

  it('holds back the later items of a chat behind one that must be retried', async () => {
    const telegram = new RecordingChannel('telegram');
    telegram.failWith = (_chat, replies) =>
      replies[0].type === 'text' && replies[0].text === 'first'
        ? new DeliveryError('busy', 'retry', 3)
        : undefined;
    api.pending.push(
      outboxItem({ id: 'a', chatId: '5', replies: [{ type: 'text', text: 'first' }] }),
      outboxItem({ id: 'b', chatId: '5', replies: [{ type: 'text', text: 'second' }] }),
    );

    startWorker([telegram]);
    await waitFor(() => api.results.length === 2);

    expect(telegram.sent).toEqual([]);
    expect(api.results[1]).toMatchObject({ id: 'b', outcome: 'retry', retryAfterSeconds: 3 });
  });

  it('hands back an item it could not send before its lease ran out', async () => {
    const telegram = new RecordingChannel('telegram', { perSecond: 30, perChatPerSecond: 1 });
    api.pending.push(outboxItem({ id: 'a', chatId: '1' }), outboxItem({ id: 'b', chatId: '1' }));

    // A 1 s lease: the second message to the chat would go out after 1 s, too late.
    startWorker([telegram], { leaseSeconds: 1 });
    await waitFor(() => api.results.length === 2);

    expect(telegram.sent).toHaveLength(1);
    expect(api.results).toEqual([
      { id: 'a', outcome: 'sent' },
      {
        id: 'b',
        outcome: 'retry',
        retryAfterSeconds: 1,
        error: 'not sent before its lease ran out',
      },
    ]);
  });

  it('stop() waits for the send in flight and hands back what was not started', async () => {
    const telegram = new RecordingChannel('telegram', { perSecond: 30, perChatPerSecond: 0.5 });
    telegram.sendMs = 200;
    api.pending.push(outboxItem({ id: 'a', chatId: '1' }), outboxItem({ id: 'b', chatId: '1' }));
    const sut = startWorker([telegram]);
    await waitFor(() => api.claims.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));

    await sut.stop();

    expect(telegram.sent).toHaveLength(1);
    expect(api.results).toEqual([
      { id: 'a', outcome: 'sent' },
      { id: 'b', outcome: 'retry', retryAfterSeconds: 1, error: 'bot instance stopping' },
    ]);
    const claims = api.claims.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.claims).toHaveLength(claims);
  });

  it('backs off while the outbox is empty', async () => {
    startWorker([new RecordingChannel('telegram')]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // 10, 20, 40, 40, … ms apart: about 8 claims in 300 ms, not 30. It keeps asking (at least
    // twice even on a loaded machine) but spaces its asks out.
    expect(api.claims.length).toBeGreaterThan(1);
    expect(api.claims.length).toBeLessThan(15);
  });

  it('reports every item exactly once when two instances share the outbox', async () => {
    const first = new RecordingChannel('telegram');
    const second = new RecordingChannel('telegram');
    first.sendMs = 5;
    second.sendMs = 5;
    const ids = Array.from({ length: 40 }, (_, i) => `item-${i}`);
    api.pending.push(...ids.map((id, i) => outboxItem({ id, chatId: String(i % 7) })));

    startWorker([first]);
    startWorker([second]);
    await waitFor(() => api.results.length >= ids.length);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(api.results.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(first.sent.length + second.sent.length).toBe(ids.length);
  });

  it('keeps trying to claim while the API is down', async () => {
    let calls = 0;
    api.reply = (route) =>
      route === 'claim' && ++calls <= 2
        ? { status: 503, body: { code: 'internal_error' } }
        : undefined;
    const telegram = new RecordingChannel('telegram');
    api.pending.push(outboxItem({ id: 'a' }));

    startWorker([telegram]);
    await waitFor(() => api.results.length === 1);

    expect(api.results[0]).toEqual({ id: 'a', outcome: 'sent' });
  });
});
