import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiClient } from '@gcm/api-client';
import { RESEND_AFTER_SECONDS, type BotEvent, type BotReply } from '@gcm/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  startFakeZaloServer,
  zaloChatNowEvent,
  zaloFollowEvent,
  zaloTextEvent,
  type FakeZaloOptions,
  type SignedRequest,
} from '../../../test/support/fake-zalo-server';
import { startApiDouble, type ApiDouble } from '../../../test/support/api-double';
import { EventNotHandledError } from '../../api/api-sink';
import { DeliveryError, type EventSink } from '../channel';
import {
  ZALO_LIMITS,
  ZALO_RESEND_WINDOW_MS,
  ZaloChannel,
  type ZaloChannelOptions,
} from './zalo-channel';
import { ZaloTokenStore } from './zalo-token-store';
import { zaloSignature } from './zalo-webhook';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function silentLogger() {
  return { warn: vi.fn<(message: string) => void>(), error: vi.fn<(message: string) => void>() };
}

/** What a sink was asked to queue in the API's outbox (EventSink.redeliver). */
interface Redelivered {
  updateId: string;
  sentParts: number;
  retryAfterSeconds?: number;
}

/**
 * The API's side of `redeliver`: records what it queues, or fails while `apiDown` is set, as the
 * API does when it cannot be reached.
 */
function outboxOf(sink: EventSink) {
  const queued: Redelivered[] = [];
  const state = { apiDown: false };
  sink.redeliver = async (event, options) => {
    if (state.apiDown) throw new Error('API down');
    queued.push({ updateId: event.updateId, ...options });
    return 'queued';
  };
  return { queued, state };
}

/** A sink that records events and answers `replies` (or what `answer` returns). */
function recordingSink(answer: (event: BotEvent) => Promise<BotReply[]> | BotReply[] = () => []) {
  const events: BotEvent[] = [];
  const sink: EventSink = {
    handle: async (event) => {
      events.push(event);
      return { replies: await answer(event) };
    },
  };
  const { queued, state } = outboxOf(sink);
  return { sink, events, queued, state };
}

/**
 * 50 messages a second to a chat rather than one, for the tests of what is sent rather than when:
 * a reply of several messages then takes milliseconds, not seconds.
 */
const brisk: Partial<ZaloChannelOptions> = {
  limits: { ...ZALO_LIMITS, perChatPerSecond: 50 },
};

async function setup(
  input: {
    sink?: EventSink;
    fake?: FakeZaloOptions;
    channel?: Partial<ZaloChannelOptions>;
  } = {},
) {
  const zalo = await startFakeZaloServer(input.fake);
  cleanups.push(() => zalo.close());
  const logger = silentLogger();
  const sut = new ZaloChannel({
    appId: zalo.options.appId,
    oaSecretKey: zalo.options.oaSecretKey,
    accessToken: zalo.options.accessToken,
    refreshToken: zalo.options.refreshToken,
    appSecret: zalo.options.appSecret,
    apiBase: zalo.url,
    oauthBase: zalo.url,
    timeoutMs: 2000,
    logger,
    ...input.channel,
  });
  await sut.start(input.sink ?? recordingSink().sink);
  cleanups.push(() => sut.stop());
  const webhookUrl = await hostWebhook(sut);
  return { sut, zalo, logger, webhookUrl };
}

async function apiDouble(): Promise<ApiDouble> {
  const api = await startApiDouble();
  cleanups.push(() => api.close());
  return api;
}

/** The token store the bot wires in, on the API at `api`. */
function tokenStore(api: { url: string }, logger = silentLogger()): ZaloTokenStore {
  const client = createApiClient({ baseUrl: api.url, token: 'svc-token', timeoutMs: 2000 });
  return new ZaloTokenStore(client.bot, { logger, reloadDelayMs: 20 });
}

/** Mounts the channel's webhook on a real HTTP server, as the bot's server does. */
async function hostWebhook(channel: ZaloChannel): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void channel.webhook(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;
}

function post(url: string, request: SignedRequest) {
  return fetch(url, { method: 'POST', headers: request.headers, body: request.body });
}

async function until(condition: () => boolean, timeoutMs = 4000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const text = (value: string, extra: Partial<BotReply> = {}): BotReply =>
  ({ type: 'text', text: value, ...extra }) as BotReply;

describe('ZaloChannel webhook', () => {
  it('hands a signed text event to the sink and sends the reply with the access_token header', async () => {
    const { sink, events } = recordingSink(() => [text('Xin chào! Bạn cần hỏi gì?')]);
    const { zalo, webhookUrl } = await setup({ sink });
    const event = zaloTextEvent({ userId: 'u-100', text: 'Xin chào', msgId: 'msg-1' });

    const response = await post(webhookUrl, zalo.signedEvent(event));

    expect(response.status).toBe(200);
    expect(events).toEqual([
      expect.objectContaining({
        channel: 'zalo',
        type: 'text',
        updateId: 'msg-1',
        chatId: 'u-100',
        user: { id: 'u-100' },
        text: 'Xin chào',
      }),
    ]);
    await until(() => zalo.delivered.length === 1);
    expect(zalo.delivered[0]).toMatchObject({
      accessToken: 'access-0',
      userId: 'u-100',
      message: { text: 'Xin chào! Bạn cần hỏi gì?' },
    });
  });

  it('sends the replies before answering 200 when they go out in time, and says they were delivered', async () => {
    const confirmed: string[] = [];
    const { sink } = recordingSink(() => [text('Xin chào! Bạn cần hỏi gì?')]);
    sink.delivered = (event) => confirmed.push(event.updateId);
    const { zalo, webhookUrl } = await setup({ sink });

    const response = await post(
      webhookUrl,
      zalo.signedEvent(zaloTextEvent({ userId: 'u-101', text: 'Xin chào', msgId: 'msg-2' })),
    );

    // A bot that died before sending would not have answered 200: Zalo would send it again.
    expect(response.status).toBe(200);
    expect(zalo.delivered.map((m) => m.userId)).toEqual(['u-101']);
    expect(confirmed).toEqual(['msg-2']);
  });

  it('normalises the text to NFC', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl } = await setup({ sink });
    const decomposed = 'Xin chào'.normalize('NFD');

    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ text: decomposed })));

    expect(events[0]).toMatchObject({ type: 'text', text: 'Xin chào'.normalize('NFC') });
  });

  it('answers 401 and hands nothing on for a forged or missing signature', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl } = await setup({ sink });
    const event = zaloTextEvent({ text: 'hi' });

    const forged = await post(webhookUrl, zalo.signedEvent(event, { secret: 'not-the-key' }));
    const unsigned = zalo.signedEvent(event);
    delete unsigned.headers['X-ZEvent-Signature'];
    const missing = await post(webhookUrl, unsigned);
    const tampered = zalo.signedEvent(event);
    tampered.body = tampered.body.replace('"hi"', '"hello"');
    const altered = await post(webhookUrl, tampered);

    expect([forged.status, missing.status, altered.status]).toEqual([401, 401, 401]);
    expect(events).toEqual([]);
    expect(zalo.messages).toEqual([]);
  });

  it('checks the signature before reading the body: 401 for a forged body that is not JSON', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl } = await setup({ sink });
    const request = zalo.signedEvent(zaloTextEvent({ text: 'hi' }));

    const response = await post(webhookUrl, { ...request, body: '{"event_name": "user_se' });

    expect(response.status).toBe(401);
    expect(events).toEqual([]);
  });

  it('answers 200 and logs a correctly signed body that is not JSON', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl, logger } = await setup({ sink });
    const body = '{"timestamp":"1718000000000","event_name": "user_se';
    const signature = zaloSignature(
      zalo.options.appId,
      body,
      '1718000000000',
      zalo.options.oaSecretKey,
    );

    const response = await post(webhookUrl, {
      headers: { 'Content-Type': 'application/json', 'X-ZEvent-Signature': signature },
      body,
    });

    expect(response.status).toBe(200);
    expect(events).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('body is not JSON'));
  });

  it('maps an unfollow to an unfollow event for the follower', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl } = await setup({ sink });
    const at = Date.now();
    const request = zalo.signedEvent({
      ...zaloFollowEvent({ userId: 'u-7', unfollow: true }),
      timestamp: String(at),
    });

    const response = await post(webhookUrl, request);

    expect(response.status).toBe(200);
    expect(events).toEqual([
      {
        channel: 'zalo',
        type: 'unfollow',
        updateId: `unfollow:u-7:${at}`,
        chatId: 'u-7',
        user: { id: 'u-7' },
        sentAt: new Date(at).toISOString(),
      },
    ]);
  });

  it('greets a person who opens the chat (user_click_chatnow carries user_id, no sender)', async () => {
    const { sink, events } = recordingSink(() => [text('Xin chào! Bạn cần hỏi gì?')]);
    const { zalo, webhookUrl } = await setup({ sink });

    const response = await post(webhookUrl, zalo.signedEvent(zaloChatNowEvent({ userId: 'u-8' })));

    expect(response.status).toBe(200);
    expect(events).toEqual([expect.objectContaining({ type: 'follow', chatId: 'u-8' })]);
    await until(() => zalo.delivered.length === 1);
    expect(zalo.delivered[0]).toMatchObject({ userId: 'u-8' });
  });

  it('answers 200 and logs a signed event it cannot read, so Zalo does not retry it', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl, logger } = await setup({ sink });

    const noUser = await post(
      webhookUrl,
      zalo.signedEvent({ event_name: 'user_send_text', message: { msg_id: 'm', text: 'hi' } }),
    );
    const noName = await post(webhookUrl, zalo.signedEvent({ sender: { id: 'u-1' } }));

    expect([noUser.status, noName.status]).toEqual([200, 200]);
    expect(events).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('without a user id'));
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('no event_name'));
  });

  it('drops a signed event an hour old or 5 minutes ahead with 200, so Zalo does not retry it, and logs it', async () => {
    const { sink, events } = recordingSink(() => [text('Trả lời')]);
    const { zalo, webhookUrl, logger } = await setup({ sink });
    const hour = 3_600_000;
    const sentAt = (offsetMs: number, msgId: string) =>
      zalo.signedEvent({
        ...zaloTextEvent({ userId: 'u-9', text: 'Làm hộ chiếu ở đâu?', msgId }),
        timestamp: String(Date.now() + offsetMs),
      });

    const responses = [
      await post(webhookUrl, sentAt(-6 * hour, 'six-hours-old')),
      await post(webhookUrl, sentAt(-30 * 24 * hour, 'a-month-old')),
      await post(webhookUrl, sentAt(24 * hour, 'a-day-ahead')),
    ];

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(events).toEqual([]);
    expect(zalo.messages).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/six-hours-old dropped: .*more than an hour ago/),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/a-day-ahead dropped: .*more than 5 minutes ahead/),
    );
  });

  it('takes an event up to an hour old or up to 5 minutes ahead (clocks differ a little)', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl } = await setup({ sink });
    const sentAt = (offsetMs: number, msgId: string) =>
      zalo.signedEvent({
        ...zaloTextEvent({ text: 'Làm hộ chiếu ở đâu?', msgId }),
        timestamp: String(Date.now() + offsetMs),
      });

    await post(webhookUrl, sentAt(-59 * 60_000, 'late'));
    await post(webhookUrl, sentAt(4 * 60_000, 'early'));

    expect(events.map((e) => e.updateId)).toEqual(['late', 'early']);
  });

  it('ignores the OA’s own messages echoed back', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl } = await setup({ sink });

    const response = await post(
      webhookUrl,
      zalo.signedEvent({ ...zaloTextEvent({ text: 'our reply' }), event_name: 'oa_send_text' }),
    );

    expect(response.status).toBe(200);
    expect(events).toEqual([]);
  });

  it('answers 503 when the sink fails at once, so that Zalo delivers again', async () => {
    const sink: EventSink = { handle: () => Promise.reject(new Error('API down')) };
    const { zalo, webhookUrl, logger } = await setup({ sink });

    const response = await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ text: 'hi' })));

    expect(response.status).toBe(503);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('API down'));
  });

  it('answers 200 and logs an event the API refuses as invalid: Zalo must not send it again', async () => {
    const sink: EventSink = {
      handle: () =>
        Promise.reject(
          new EventNotHandledError({ code: 'validation_failed', message: 'action too long' }),
        ),
    };
    const { zalo, webhookUrl, logger } = await setup({ sink });

    const response = await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ text: 'hi' })));

    expect(response.status).toBe(200);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/refused by the API and dropped.*action too long/),
    );
  });

  it('answers 503 when the API fails on the event itself, which may pass later', async () => {
    const sink: EventSink = {
      handle: () =>
        Promise.reject(new EventNotHandledError({ code: 'internal_error', message: 'later' })),
    };
    const { zalo, webhookUrl } = await setup({ sink });

    const response = await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ text: 'hi' })));

    expect(response.status).toBe(503);
  });

  it('still answers 200 within 2 s when the sink is slow, and sends the replies afterwards', async () => {
    let finish!: (replies: BotReply[]) => void;
    const sink: EventSink = {
      handle: () => new Promise((resolve) => (finish = (replies) => resolve({ replies }))),
    };
    const { zalo, webhookUrl } = await setup({ sink });
    const started = Date.now();

    const response = await post(
      webhookUrl,
      zalo.signedEvent(zaloTextEvent({ userId: 'u-9', text: 'hi' })),
    );
    const elapsed = Date.now() - started;

    expect(response.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(2000);
    expect(zalo.messages).toEqual([]);
    finish([text('Cảm ơn bạn đã chờ')]);
    await until(() => zalo.delivered.length === 1);
    expect(zalo.delivered[0]).toMatchObject({
      userId: 'u-9',
      message: { text: 'Cảm ơn bạn đã chờ' },
    });
  });

  it('answers 503 before the channel is started', async () => {
    const zalo = await startFakeZaloServer();
    cleanups.push(() => zalo.close());
    const sut = new ZaloChannel({
      appId: zalo.options.appId,
      oaSecretKey: zalo.options.oaSecretKey,
      accessToken: 'a',
      apiBase: zalo.url,
      logger: silentLogger(),
    });
    const url = await hostWebhook(sut);

    const response = await post(url, zalo.signedEvent(zaloTextEvent({ text: 'hi' })));

    expect(response.status).toBe(503);
  });
});

describe('ZaloChannel re-delivery', () => {
  /** A sink whose calls answer, in turn, what `answers` says: replies, a failure, or a slow failure. */
  function scriptedSink(answers: (BotReply[] | 'fail-late')[]) {
    const events: BotEvent[] = [];
    const sink: EventSink = {
      handle: async (event) => {
        events.push(event);
        const next = answers.shift() ?? [];
        if (next !== 'fail-late') return { replies: next };
        await new Promise((resolve) => setTimeout(resolve, 150));
        throw new Error('API timed out');
      },
    };
    const { queued, state } = outboxOf(sink);
    return { sink, events, queued, state };
  }
  const fast = { ackAfterMs: 50, redelivery: { firstDelayMs: 50, resendWindowMs: 200 } };

  it('posts an event the API failed on after the webhook was answered again, then sends its replies', async () => {
    const { sink, events } = scriptedSink(['fail-late', [text('Xin lỗi đã để bạn chờ')]]);
    const { zalo, webhookUrl, logger } = await setup({ sink, channel: fast });

    const response = await post(
      webhookUrl,
      zalo.signedEvent(zaloTextEvent({ userId: 'u-20', text: 'hi', msgId: 'late-1' })),
    );

    expect(response.status).toBe(200);
    await until(() => zalo.delivered.length === 1);
    expect(events.map((e) => e.updateId)).toEqual(['late-1', 'late-1']);
    expect(zalo.delivered[0]).toMatchObject({
      userId: 'u-20',
      message: { text: 'Xin lỗi đã để bạn chờ' },
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /late-1 not delivered \(the API failed after the webhook.*API timed out\)/,
      ),
    );
  });

  it('asks the API once more after its resend window when a re-post has no replies yet, and answers once', async () => {
    // The API recorded the event before failing: within its window it answers nothing (the first
    // attempt may still be delivering), after it the stored replies.
    const { sink, events } = scriptedSink(['fail-late', [], [text('Câu trả lời đã lưu')]]);
    const { zalo, webhookUrl } = await setup({ sink, channel: fast });

    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-21', text: 'hi' })));

    await until(() => zalo.delivered.length === 1);
    expect(events).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(zalo.delivered.map((m) => m.message.text)).toEqual(['Câu trả lời đã lưu']);
    expect(events).toHaveLength(3);
  });

  it('asks again only after the API’s resend window (RESEND_AFTER_SECONDS) has passed, by 5 s', () => {
    expect(RESEND_AFTER_SECONDS).toBe(20);
    expect(ZALO_RESEND_WINDOW_MS).toBe((RESEND_AFTER_SECONDS + 5) * 1000);
  });

  it('stops after an empty answer that comes after the resend window: the event has no replies', async () => {
    const { sink, events } = scriptedSink(['fail-late', [], []]);
    const { zalo, webhookUrl, sut } = await setup({ sink, channel: fast });

    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-22', text: 'hi' })));

    await until(() => events.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(events).toHaveLength(3);
    expect(zalo.messages).toEqual([]);
    expect(await stopCount(sut)).toBe(0);
  });

  it('hands the replies a temporary failure held back to the API’s outbox, with the count sent: nobody is answered twice', async () => {
    const replies = [text('Một'), text('Hai'), text('Ba')];
    const { sink, events, queued } = scriptedSink([replies]);
    const { zalo, webhookUrl, sut } = await setup({ sink, channel: { ...fast, ...brisk } });
    zalo.failNextSends({ kind: 'pass' });
    zalo.failNextSends({ kind: 'server-error', status: 502 });

    await post(
      webhookUrl,
      zalo.signedEvent(zaloTextEvent({ userId: 'u-23', text: 'hi', msgId: 'held-1' })),
    );
    await until(() => queued.length === 1);
    // What the outbox worker of any instance then does with the item the API queued.
    await sut.send('u-23', replies, { alreadySent: queued[0].sentParts });

    expect(queued).toEqual([{ updateId: 'held-1', sentParts: 1, retryAfterSeconds: undefined }]);
    expect(zalo.messages.map((m) => [m.message.text, m.answeredError])).toEqual([
      ['Một', 0],
      ['Hai', -1],
      ['Hai', 0],
      ['Ba', 0],
    ]);
    expect(events).toHaveLength(1);
    expect(await stopCount(sut)).toBe(0);
  });

  it('queues replies that met Zalo’s -32 for the minute it asks for, and keeps nothing in memory', async () => {
    const { sink, queued } = scriptedSink([[text('Xin chào')]]);
    const { zalo, webhookUrl, logger, sut } = await setup({ sink, channel: fast });
    zalo.failNextSends({ kind: 'rate-limited' });

    await post(
      webhookUrl,
      zalo.signedEvent(zaloTextEvent({ userId: 'u-24', text: 'hi', msgId: 'minute-1' })),
    );

    await until(() => queued.length === 1);
    expect(queued).toEqual([{ updateId: 'minute-1', sentParts: 0, retryAfterSeconds: 60 }]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('queued in the outbox to go in 60 s, after the 0 message(s) sent'),
    );
    expect(await stopCount(sut)).toBe(0);
  });

  it('keeps the replies in memory only while the API cannot take them, and says at stop how many were waiting', async () => {
    const { sink, queued, state } = scriptedSink([[text('Xin chào')], [text('Chào lại')]]);
    const { zalo, webhookUrl, logger, sut } = await setup({ sink, channel: fast });
    state.apiDown = true;
    zalo.failNextSends({ kind: 'server-error', status: 502 }, 2);

    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-29', text: 'a' })));
    await until(() =>
      logger.warn.mock.calls.some(([m]) => m.includes('the API could not queue them')),
    );
    state.apiDown = false;
    await until(() => queued.length === 1);
    expect(queued[0]).toMatchObject({ sentParts: 0 });

    state.apiDown = true;
    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-29', text: 'b' })));
    await until(
      () =>
        logger.warn.mock.calls.filter(([m]) => m.includes('the API could not queue them')).length >=
        2,
    );
    expect(await stopCount(sut)).toBe(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('stopping with 1 answered event(s) still waiting'),
    );
  });

  it('sends the messages of one reply a second apart, as the channel guide says (the welcome’s three)', async () => {
    const lines = ['Xin chào!', 'Kênh này trả lời…', 'Chọn chủ đề:'];
    const { sink } = recordingSink(() => lines.map((line) => text(line)));
    const { zalo, webhookUrl } = await setup({ sink });

    await post(webhookUrl, zalo.signedEvent(zaloChatNowEvent({ userId: 'u-30' })));

    await until(() => zalo.delivered.length === 3, 5_000);
    const at = zalo.delivered.map((m) => m.at);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(950);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(950);
    expect(zalo.delivered.map((m) => m.message.text)).toEqual(lines);
  });

  it('hands replies still waiting for a sending slot to the outbox when the bot stops, rather than losing them', async () => {
    const { sink, queued } = scriptedSink([[text('Một'), text('Hai')]]);
    const { zalo, webhookUrl, sut } = await setup({ sink });
    sut.limiter.holdChat('u-31', 3_600_000);

    await post(
      webhookUrl,
      zalo.signedEvent(zaloTextEvent({ userId: 'u-31', text: 'a', msgId: 'stop-1' })),
    );

    expect(await stopCount(sut)).toBe(0);
    expect(queued).toEqual([{ updateId: 'stop-1', sentParts: 0, retryAfterSeconds: undefined }]);
    expect(zalo.messages).toEqual([]);
  });

  it('drops replies the person cannot receive, with an error in the log, and does not retry', async () => {
    const { sink } = scriptedSink([[text('Xin chào')]]);
    const { zalo, webhookUrl, logger, sut } = await setup({ sink, channel: fast });
    zalo.failNextSends({ kind: 'permanent', error: -230 });

    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-25', text: 'hi' })));

    await until(() => logger.error.mock.calls.length > 0);
    expect(logger.error.mock.calls[0][0]).toMatch(/not delivered.*-230/);
    expect(await stopCount(sut)).toBe(0);
    expect(zalo.messages).toHaveLength(1);
  });

  it('sends webhook replies within the channel’s rate limiter, which the outbox shares', async () => {
    const { sink } = scriptedSink([[text('Xin chào')]]);
    const { zalo, webhookUrl, sut } = await setup({ sink, channel: fast });
    sut.limiter.holdChat('u-26', 400);

    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-26', text: 'hi' })));
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(zalo.messages).toEqual([]);
    await until(() => zalo.delivered.length === 1);
  });

  it('answers the person’s next message at once after an OA-side failure (-200): the chat is not held', async () => {
    const { sink, queued } = recordingSink((event) => [
      text(`trả lời ${'text' in event ? event.text : ''}`),
    ]);
    const { zalo, webhookUrl } = await setup({ sink, channel: fast });
    zalo.failNextSends({ kind: 'permanent', error: -200, message: 'Gửi tin thất bại' }, 1, 'u-27');

    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-27', text: 'a' })));
    await until(() => queued.length === 1);
    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-27', text: 'b' })));

    await until(() => zalo.delivered.length === 1, 2000);
    expect(zalo.delivered[0]).toMatchObject({ userId: 'u-27', message: { text: 'trả lời b' } });
  });

  it('hands a reply that gets no sending slot in time to the outbox, not blocking the chat', async () => {
    const { sink, queued } = scriptedSink([[text('Một')], [text('Hai')]]);
    const channel = {
      ...fast,
      redelivery: { ...fast.redelivery, firstDelayMs: 60_000, slotWaitMs: 100 },
    };
    const { zalo, webhookUrl, logger, sut } = await setup({ sink, channel });
    sut.limiter.holdChat('u-28', 3_600_000); // e.g. the person's receive quota (-218)

    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-28', text: 'a' })));
    await post(webhookUrl, zalo.signedEvent(zaloTextEvent({ userId: 'u-28', text: 'b' })));

    await until(
      () => logger.warn.mock.calls.filter(([m]) => m.includes('no sending slot')).length === 2,
      2000,
    );
    expect(zalo.messages).toEqual([]);
    expect(queued).toHaveLength(2);
    expect(await stopCount(sut)).toBe(0);
  });
});

/** Stops the channel and answers how many events its log said were still waiting. */
async function stopCount(sut: ZaloChannel): Promise<number> {
  const logger = (sut as unknown as { logger: ReturnType<typeof silentLogger> }).logger;
  await sut.stop();
  const line = logger.error.mock.calls.map(([m]) => m).find((m) => m.includes('stopping with'));
  return line ? Number(/stopping with (\d+)/.exec(line)![1]) : 0;
}

describe('ZaloChannel.start', () => {
  it('begins with the stored pair, not the configured one a renewal has spent', async () => {
    const api = await apiDouble();
    api.tokens.set('zalo', {
      channel: 'zalo',
      accessToken: 'access-stored',
      refreshToken: 'refresh-stored',
      accessExpiresAt: null,
      revision: 7,
      updatedAt: new Date().toISOString(),
    });
    const { sut, zalo } = await setup({
      fake: { accessToken: 'access-stored', refreshToken: 'refresh-stored' },
      channel: {
        accessToken: 'access-spent',
        refreshToken: 'refresh-spent',
        tokenStore: tokenStore(api),
      },
    });

    await sut.send('u-1', [text('Xin chào')]);

    expect(zalo.delivered.map((m) => m.accessToken)).toEqual(['access-stored']);
    expect(zalo.refreshes).toEqual([]);
  });

  it('starts with the configured pair, and a warning, when the API cannot be reached', async () => {
    const api = await startApiDouble();
    await api.close();
    const logger = silentLogger();
    const { sut, zalo } = await setup({ channel: { tokenStore: tokenStore(api, logger) } });

    await sut.send('u-1', [text('Xin chào')]);

    expect(zalo.delivered.map((m) => m.accessToken)).toEqual(['access-0']);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/could not read the stored/));
  });
});

describe('ZaloChannel.send', () => {
  it('refreshes an expired token once, sends with the new one and stores the new tokens', async () => {
    const api = await apiDouble();
    const { sut, zalo } = await setup({ channel: { tokenStore: tokenStore(api) } });
    zalo.expireAccessToken();

    await sut.send('u-1', [text('Thông báo mới')]);

    expect(zalo.refreshes).toEqual([
      {
        secretKey: 'app-secret',
        contentType: 'application/x-www-form-urlencoded',
        appId: zalo.options.appId,
        grantType: 'refresh_token',
        refreshToken: 'refresh-0',
        ok: true,
      },
    ]);
    expect(zalo.messages.map((m) => [m.accessToken, m.answeredError])).toEqual([
      [expect.stringContaining('access-0'), -216],
      ['access-1', 0],
    ]);
    expect(api.tokens.get('zalo')).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      revision: 1,
    });
    expect(sut.client.tokens.refreshToken).toBe('refresh-1');
  });

  it('throws a permanent DeliveryError when the person cannot receive', async () => {
    const { sut, zalo } = await setup();
    zalo.failNextSends({ kind: 'permanent', error: -230 });

    const error = await sut.send('u-1', [text('hi')]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ kind: 'permanent', message: expect.stringContaining('-230') });
  });

  it('throws a retry DeliveryError on a server error', async () => {
    const { sut, zalo } = await setup();
    zalo.failNextSends({ kind: 'server-error', status: 502 });

    const error = await sut.send('u-1', [text('hi')]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ kind: 'retry' });
  });

  it('splits a long text into messages of at most 2000 characters, buttons under the last', async () => {
    const { sut, zalo } = await setup({ channel: brisk });
    const paragraph =
      'Người lao động cần kiểm tra hợp đồng trước khi đi làm việc ở nước ngoài. '.repeat(20);
    const long = `${paragraph.trim()}\n\n${paragraph.trim()}\n\n${paragraph.trim()}`;

    await sut.send('u-1', [
      text(long, {
        buttons: [[{ label: 'Hỏi tiếp', action: 'ask' }], [{ label: 'Menu', action: 'menu' }]],
      }),
    ]);

    const sent = zalo.delivered.map((m) => m.message);
    expect(sent.length).toBeGreaterThan(1);
    for (const message of sent) expect(message.text!.length).toBeLessThanOrEqual(2000);
    expect(
      sent
        .map((m) => m.text)
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toBe(long.replace(/\s+/g, ' '));
    expect(sent.slice(0, -1).every((m) => m.attachment === undefined)).toBe(true);
    expect(sent.at(-1)!.attachment).toEqual({
      type: 'template',
      payload: {
        buttons: [
          { title: 'Hỏi tiếp', type: 'oa.query.hide', payload: '#gcm:ask' },
          { title: 'Menu', type: 'oa.query.hide', payload: '#gcm:menu' },
        ],
      },
    });
  });

  it('skips the messages an earlier try sent, and counts those gone out when one fails', async () => {
    const { sut, zalo } = await setup({ channel: brisk });
    const replies = [text('Một'), text('Hai'), text('Ba'), text('Bốn')];
    zalo.failNextSends({ kind: 'pass' });
    zalo.failNextSends({ kind: 'server-error', status: 502 });

    const error = await sut.send('u-1', replies, { alreadySent: 1 }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'retry', sent: 2 });
    await sut.send('u-1', replies, { alreadySent: 2 });
    expect(zalo.delivered.map((m) => m.message.text)).toEqual(['Hai', 'Ba', 'Bốn']);
  });

  it('holds the person’s chat for a wait about them (-32), not for one about the OA (-200)', async () => {
    const { sut, zalo } = await setup();
    zalo.failNextSends({ kind: 'permanent', error: -200, message: 'Gửi tin thất bại' }, 1, 'oa');
    zalo.failNextSends({ kind: 'rate-limited' }, 1, 'person');

    await sut.send('oa', [text('hi')]).catch(() => undefined);
    await sut.send('person', [text('hi')]).catch(() => undefined);

    expect(sut.limiter.chatFreeFrom('oa')).toBeLessThan(Date.now() + 2_000);
    expect(sut.limiter.chatFreeFrom('person')).toBeGreaterThan(Date.now() + 30_000);
  });

  it('sends Markdown as plain text, and links and documents as text with their URL', async () => {
    const { sut, zalo } = await setup({ channel: brisk });

    await sut.send('u-1', [
      text('**Lưu ý:** xem [hướng dẫn](https://gcm.example.vn/huong_dan)', { format: 'markdown' }),
      {
        type: 'link',
        url: 'https://gcm.example.vn/a',
        title: 'Cảnh báo',
        description: 'Lừa đảo việc làm',
      },
      { type: 'document', url: 'https://gcm.example.vn/f.pdf', fileName: 'mau-bao-cao.pdf' },
    ]);

    expect(zalo.delivered.map((m) => m.message.text)).toEqual([
      'Lưu ý: xem hướng dẫn: https://gcm.example.vn/huong_dan',
      'Cảnh báo: https://gcm.example.vn/a\nLừa đảo việc làm',
      '📄 mau-bao-cao.pdf: https://gcm.example.vn/f.pdf',
    ]);
  });

  it('a button pressed comes back as an action event', async () => {
    const { sink, events } = recordingSink();
    const { zalo, webhookUrl } = await setup({ sink });

    await post(
      webhookUrl,
      zalo.signedEvent(zaloTextEvent({ userId: 'u-3', text: '#gcm:menu.faq' })),
    );

    expect(events[0]).toMatchObject({ type: 'action', action: 'menu.faq', chatId: 'u-3' });
  });
});

describe('ZaloChannel.fetchFile', () => {
  it('downloads the picture at the URL a person sent; a URL that is gone or not http(s) is refused for good', async () => {
    const { sut, zalo } = await setup();
    const picture = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const url = zalo.imageUrl(picture);

    expect((await sut.fetchFile(url, { maxBytes: 1024 })).equals(picture)).toBe(true);
    expect(zalo.downloads).toHaveLength(1);
    await expect(
      sut.fetchFile(`${zalo.url}/cdn/gone.jpg`, { maxBytes: 1024 }),
    ).rejects.toMatchObject({
      kind: 'rejected',
    });
    await expect(sut.fetchFile('file:///etc/passwd', { maxBytes: 1024 })).rejects.toMatchObject({
      kind: 'rejected',
    });
    await expect(sut.fetchFile(url, { maxBytes: 4 })).rejects.toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('larger than'),
    });
  });
});
