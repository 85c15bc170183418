import { createApiClient } from '@gcm/api-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxItem, startApiDouble, type ApiDouble } from '../../test/support/api-double';
import { RecordingChannel } from '../../test/support/recording-channel';
import { waitFor } from '../../test/support/wait-for';
import { DeliveryError, type Channel } from '../channels/channel';
import { OutboxWorker } from './outbox-worker';

let api: ApiDouble;
const workers: OutboxWorker[] = [];

beforeEach(async () => {
  api = await startApiDouble();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await api.close();
});

function startWorker(
  channels: Channel[],
  overrides: { leaseSeconds?: number; batchSize?: number } = {},
) {
  const client = createApiClient({ baseUrl: api.url, token: 'svc', timeoutMs: 2000 });
  const sut = new OutboxWorker({
    api: client.bot,
    channels,
    batchSize: overrides.batchSize ?? 10,
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

  it('lets the channel pace the item: outbox priority, the lease’s deadline, the parts already sent', async () => {
    const telegram = new RecordingChannel('telegram');
    api.pending.push(outboxItem({ id: 'a', sentParts: 1 }));
    const started = Date.now();

    startWorker([telegram], { leaseSeconds: 20 });
    await waitFor(() => api.results.length === 1);

    const [options] = telegram.options;
    expect(options).toMatchObject({ priority: 'outbox', alreadySent: 1 });
    // The lease is 20 s from the claim; the item is handed back 5 s before it ends rather than
    // sent late.
    expect(options.deadline!).toBeGreaterThanOrEqual(started + 15_000);
    expect(options.deadline!).toBeLessThanOrEqual(Date.now() + 15_000);
    expect(options.signal?.aborted).toBe(false);
  });

  it('reports how many parts went out when a delivery is cut short, so the next sends the rest', async () => {
    const telegram = new RecordingChannel('telegram');
    telegram.failWith = () =>
      new DeliveryError('Telegram sendMessage: 429 Too Many Requests', 'retry', 1, 'chat', 2);
    api.pending.push(outboxItem({ id: 'a', sentParts: 1 }), outboxItem({ id: 'b' }));

    startWorker([telegram]);
    await waitFor(() => api.results.length === 2);

    expect(api.results).toEqual([
      {
        id: 'a',
        outcome: 'retry',
        retryAfterSeconds: 1,
        error: 'Telegram sendMessage: 429 Too Many Requests',
        sentParts: 2,
      },
      {
        id: 'b',
        outcome: 'retry',
        retryAfterSeconds: 1,
        error: 'held back behind an earlier message to the same chat',
      },
    ]);
  });

  it('keeps the channel busy: claims the next batch while the last items of one are still going out', async () => {
    const telegram = new RecordingChannel('telegram');
    telegram.sendMs = 100;
    api.pending.push(
      ...Array.from({ length: 6 }, (_, i) => outboxItem({ id: `item-${i}`, chatId: `c${i}` })),
    );

    startWorker([telegram], { batchSize: 2 });
    await waitFor(() => api.claims.length >= 2, 1_000);

    // Two batches of two claimed before any item was done.
    expect(api.results).toEqual([]);
    await waitFor(() => api.results.length === 6, 3_000);
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
    await waitFor(() => api.claims.length >= 1);
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

describe('OutboxWorker, fetch_file items', () => {
  const key = 'tip_photo:5b0f6a6e-1f7c-4f0e-9a59-3c1f1b7f8d21';
  const fetchItem = (id: string) =>
    outboxItem({ id, kind: 'fetch_file', chatId: key, replies: [] });

  it("fetches the file from the platform by the API's reference and uploads its bytes", async () => {
    const telegram = new RecordingChannel('telegram');
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    telegram.files.set('ph-1280', photo);
    api.fileRefs.set(key, 'ph-1280');
    api.pending.push(fetchItem('f'));

    startWorker([telegram]);
    await waitFor(() => api.results.length === 1);

    expect(api.results).toEqual([{ id: 'f', outcome: 'sent' }]);
    expect(telegram.fetched).toEqual(['ph-1280']);
    expect(telegram.sent).toEqual([]);
    expect(api.uploads).toHaveLength(1);
    expect(api.uploads[0]).toMatchObject({ key, contentType: 'application/octet-stream' });
    expect(api.uploads[0].bytes.equals(photo)).toBe(true);
  });

  it('reports rejected when the platform no longer has the file, or the API refuses it; retry when the API is away', async () => {
    const telegram = new RecordingChannel('telegram');
    telegram.files.set(
      'gone',
      new DeliveryError('Telegram getFile: 400 Bad Request: wrong file_id', 'rejected'),
    );
    telegram.files.set('busy', new DeliveryError('Telegram file download: 502', 'retry', 3));
    api.fileRefs.set(key, 'gone');
    api.pending.push(fetchItem('gone'));
    startWorker([telegram]);
    await waitFor(() => api.results.length === 1);
    expect(api.results[0]).toEqual({
      id: 'gone',
      outcome: 'rejected',
      error: 'Telegram getFile: 400 Bad Request: wrong file_id',
    });

    api.fileRefs.set(key, 'busy');
    api.pending.push(fetchItem('busy'));
    await waitFor(() => api.results.length === 2);
    expect(api.results[1]).toMatchObject({ id: 'busy', outcome: 'retry', retryAfterSeconds: 3 });

    telegram.files.set('ok', Buffer.from('GIF89a'));
    api.fileRefs.set(key, 'ok');
    api.reply = (route) =>
      route === 'uploadFile'
        ? { status: 400, body: { code: 'tip_photo_invalid', message: 'not a JPEG, PNG or WebP' } }
        : undefined;
    api.pending.push(fetchItem('gif'));
    await waitFor(() => api.results.length === 3);
    expect(api.results[2]).toMatchObject({ id: 'gif', outcome: 'rejected' });
    expect(api.results[2].error).toContain('not a JPEG, PNG or WebP');

    api.reply = (route) =>
      route === 'fileSource'
        ? { status: 503, body: { code: 'database_unavailable', message: 'down' } }
        : undefined;
    api.pending.push(fetchItem('away'));
    await waitFor(() => api.results.length === 4);
    expect(api.results[3]).toMatchObject({ id: 'away', outcome: 'retry' });
  });
});
