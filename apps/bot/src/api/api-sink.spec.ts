import { createApiClient } from '@gcm/api-client';
import type { BotEvent, BotEventBatchRequest } from '@gcm/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApiDouble, type ApiDouble } from '../../test/support/api-double';
import {
  ApiSink,
  isRefusedForGood,
  UpdateBeingDeliveredError,
  type ApiSinkOptions,
} from './api-sink';

const textEvent = (text: string, chatId = '42', updateId = `u-${text}`): BotEvent => ({
  type: 'text',
  channel: 'telegram',
  updateId,
  chatId,
  user: { id: chatId },
  text,
});

let api: ApiDouble;

beforeEach(async () => {
  api = await startApiDouble();
});

afterEach(async () => {
  await api.close();
});

function sinkFor(url: string, options: ApiSinkOptions = {}) {
  const client = createApiClient({ baseUrl: url, token: 'svc-token', timeoutMs: 2000 });
  return new ApiSink(client.bot, { backoffMs: 10, ...options });
}

const batches = () =>
  api.requests.map((r) => (r.body as BotEventBatchRequest).events.map((e) => e.updateId));

describe('ApiSink', () => {
  it('posts the event with the service token and returns the replies', async () => {
    const sut = sinkFor(api.url);

    const { replies } = await sut.handle(textEvent('xin chào'));

    expect(replies).toEqual([{ type: 'text', text: 'Đã nhận: xin chào' }]);
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/bot/events/batch',
      authorization: 'Bearer svc-token',
      body: { events: [textEvent('xin chào')] },
    });
  });

  it('sends events that arrive while requests are under way together, each getting its own replies', async () => {
    const sut = sinkFor(api.url, { maxInFlight: 1 });

    const handled = await Promise.all(
      ['một', 'hai', 'ba', 'bốn'].map((text, i) => sut.handle(textEvent(text, `chat-${i}`))),
    );

    expect(handled.map((h) => h.replies[0])).toEqual(
      ['một', 'hai', 'ba', 'bốn'].map((text) => ({ type: 'text', text: `Đã nhận: ${text}` })),
    );
    expect(batches()).toEqual([['u-một', 'u-hai', 'u-ba', 'u-bốn']]);
  });

  it("keeps to the batch size and holds a chat's next event until the request carrying its last is answered", async () => {
    const sut = sinkFor(api.url, { maxInFlight: 2, maxBatch: 2 });

    await Promise.all([
      sut.handle(textEvent('a1', 'A')),
      sut.handle(textEvent('b1', 'B')),
      sut.handle(textEvent('a2', 'A')),
      sut.handle(textEvent('c1', 'C')),
    ]);

    expect(batches()).toEqual([['u-a1', 'u-b1'], ['u-c1'], ['u-a2']]);
  });

  it('fails only the event the API could not handle', async () => {
    api.reply = (_route, request) => {
      const { events } = request.body as BotEventBatchRequest;
      return {
        status: 200,
        body: {
          results: events.map((e) =>
            e.chatId === 'bad'
              ? { error: { code: 'validation_failed', message: 'text: must be a string' } }
              : { replies: [{ type: 'text', text: 'ok' }], duplicate: false, handoffOpened: true },
          ),
        },
      };
    };
    const sut = sinkFor(api.url, { maxInFlight: 1 });

    const [good, bad] = await Promise.allSettled([
      sut.handle(textEvent('a', 'good')),
      sut.handle(textEvent('b', 'bad')),
    ]);

    expect(good).toMatchObject({
      status: 'fulfilled',
      value: { replies: [{ type: 'text', text: 'ok' }], handoffOpened: true },
    });
    expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'EventNotHandledError' } });
    expect(api.requests).toHaveLength(1);
  });

  it('tries once more after a 5xx', async () => {
    let calls = 0;
    api.reply = (route) =>
      route === 'events' && ++calls === 1
        ? { status: 502, body: { code: 'internal_error' } }
        : undefined;
    const sut = sinkFor(api.url);

    await expect(sut.handle(textEvent('a'))).resolves.toMatchObject({
      replies: [{ type: 'text' }],
    });
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

  it('tells the API when the replies of an event could not be sent, and never throws', async () => {
    const lines: string[] = [];
    const sut = sinkFor(api.url, {
      log: { info: () => {}, warn: (m) => lines.push(m), error: (m) => lines.push(m) },
    });
    const event = textEvent('gửi không được');
    await sut.handle(event);

    await sut.release(event);
    await sut.release(textEvent('chưa từng gửi'));

    expect(api.released).toEqual([{ channel: 'telegram', updateId: event.updateId }]);
    expect(lines).toEqual([expect.stringContaining('could not tell the API')]);
  });

  it('tells the API how many messages went out before sending failed', async () => {
    const sut = sinkFor(api.url);
    const event = textEvent('một nửa');
    await sut.handle(event);

    await sut.release(event, 2);

    expect(api.released).toEqual([{ channel: 'telegram', updateId: event.updateId, sentParts: 2 }]);
  });

  it('hands replies to the API’s outbox once, takes “queued already” as done, and throws while the API is away', async () => {
    const lines: string[] = [];
    const sut = sinkFor(api.url, {
      log: { info: () => {}, warn: (m) => lines.push(m), error: (m) => lines.push(m) },
    });
    const event = textEvent('giữ hộ');
    await sut.handle(event);

    const first = await sut.redeliver(event, { sentParts: 1, retryAfterSeconds: 60 });
    const second = await sut.redeliver(event, { sentParts: 1 });
    const unknown = await sut.redeliver(textEvent('chưa từng gửi'), { sentParts: 0 });
    api.reply = (route) => (route === 'redeliver' ? { status: 503 } : undefined);
    const away = await sut.redeliver(event, { sentParts: 1 }).catch((e: unknown) => e);

    expect([first, second, unknown]).toEqual(['queued', 'done', 'done']);
    expect(api.redelivered).toEqual([
      { channel: 'telegram', updateId: event.updateId, sentParts: 1, retryAfterSeconds: 60 },
    ]);
    expect(lines).toEqual([expect.stringContaining('has no record of it')]);
    expect(away).toMatchObject({ status: 503 });
  });

  it('asks again for the replies of an event the API recorded while its answer was lost', async () => {
    // The API records the event and fails before answering (it dies after COMMIT, or its
    // database connection breaks during it); the retry finds it recorded within the resend
    // window, where the API answers "the first attempt may still be delivering".
    const stored = [{ type: 'text', text: 'Câu trả lời đã lưu' }];
    let posts = 0;
    let released = false;
    api.reply = (route) => {
      if (route === 'release') {
        released = true;
        return { status: 204, body: undefined };
      }
      if (route !== 'events') return undefined;
      posts += 1;
      const duplicate = released
        ? { replies: stored, duplicate: true }
        : { replies: [], duplicate: true, delivering: true };
      if (posts === 1) return { status: 502, body: { code: 'internal_error', message: 'lost' } };
      return { status: 200, body: { results: [duplicate] } };
    };
    const sut = sinkFor(api.url);

    const { replies } = await sut.handle(textEvent('a'));

    expect(replies).toEqual(stored);
    expect(api.requests.map((r) => r.path)).toEqual([
      '/api/v1/bot/events/batch',
      '/api/v1/bot/events/batch',
      '/api/v1/bot/updates/release',
      '/api/v1/bot/events/batch',
    ]);
  });

  it('does the same when the next delivery of such an event comes later', async () => {
    let down = true;
    api.reply = (route) => {
      if (route === 'events' && down) {
        return { status: 503, body: { code: 'database_unavailable', message: 'down' } };
      }
      return undefined;
    };
    const sut = sinkFor(api.url);
    const event = textEvent('a');
    await expect(sut.handle(event)).rejects.toMatchObject({ status: 503 });
    // It was recorded after all, and is now within the resend window.
    down = false;
    api.events.push(event);
    api.reply = (route) =>
      route === 'events' && api.released.length === 0
        ? { status: 200, body: { results: [{ replies: [], duplicate: true, delivering: true }] } }
        : undefined;

    const { replies } = await sut.handle(event);

    expect(replies).toEqual([{ type: 'text', text: 'Đã nhận: a' }]);
    expect(api.released).toEqual([{ channel: 'telegram', updateId: event.updateId }]);
  });

  it('leaves a duplicate alone when its first post was answered: that one is delivering it', async () => {
    const sut = sinkFor(api.url);
    const event = textEvent('a');
    await sut.handle(event);
    api.reply = (route) =>
      route === 'events'
        ? { status: 200, body: { results: [{ replies: [], duplicate: true, delivering: true }] } }
        : undefined;

    const error = await sut.handle(event).catch((e: unknown) => e);

    // To come again later (a webhook answers 5xx), not refused for good.
    expect(error).toBeInstanceOf(UpdateBeingDeliveredError);
    expect(isRefusedForGood(error)).toBe(false);
    expect(api.released).toEqual([]);
  });

  it('answers nothing to send for a duplicate whose replies were delivered', async () => {
    const sut = sinkFor(api.url);
    api.reply = (route) =>
      route === 'events'
        ? { status: 200, body: { results: [{ replies: [], duplicate: true }] } }
        : undefined;

    await expect(sut.handle(textEvent('a'))).resolves.toMatchObject({ replies: [] });
  });

  it('tells the API which updates were delivered, those of the meantime together', async () => {
    const sut = sinkFor(api.url);
    const events = ['a', 'b', 'c'].map((text) => textEvent(text));

    for (const event of events) sut.delivered(event);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(api.delivered).toEqual(
      events.map((e) => ({ channel: 'telegram', updateId: e.updateId })),
    );
    const requests = api.requests.filter((r) => r.path === '/api/v1/bot/updates/delivered');
    expect(requests.map((r) => (r.body as { updates: unknown[] }).updates.length)).toEqual([1, 2]);
  });

  it('logs, and never throws, when it cannot tell the API an update was delivered', async () => {
    const lines: string[] = [];
    api.reply = (route) =>
      route === 'delivered' ? { status: 503, body: { code: 'database_unavailable' } } : undefined;
    const sut = sinkFor(api.url, {
      deliveredRetryMs: 10,
      log: { info: () => {}, warn: (m) => lines.push(m), error: (m) => lines.push(m) },
    });

    sut.delivered(textEvent('a'));
    // Its retries take their time on a busy machine: wait for the line, then for any other.
    await vi.waitFor(() => expect(lines.length).toBeGreaterThan(0), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(lines).toEqual([expect.stringContaining('could not tell the API that 1 update(s)')]);
  });

  it('says once that the API cannot handle events, and once that it can again', async () => {
    const lines: string[] = [];
    const sut = sinkFor(api.url, {
      log: {
        info: (m) => lines.push(`info: ${m}`),
        warn: (m) => lines.push(`warn: ${m}`),
        error: (m) => lines.push(`error: ${m}`),
      },
    });
    api.reply = () => ({ status: 503, body: { code: 'database_unavailable', message: 'down' } });
    for (const text of ['a', 'b', 'c']) {
      await expect(sut.handle(textEvent(text))).rejects.toMatchObject({ status: 503 });
    }
    api.reply = () => undefined;

    await sut.handle(textEvent('d'));

    expect(lines).toEqual([
      'warn: posting 1 event(s) failed (down), trying again',
      expect.stringMatching(/^error: the API cannot handle events \(down\)/),
      expect.stringMatching(
        /^info: the API handles events again after \d+ s \(3 refused meanwhile\)$/,
      ),
    ]);
  });

  it('tries again when nothing answers, then throws a network error', async () => {
    const url = api.url;
    await api.close();
    api = await startApiDouble();
    const sut = sinkFor(url);

    await expect(sut.handle(textEvent('a'))).rejects.toMatchObject({ status: 0 });
  });
});
