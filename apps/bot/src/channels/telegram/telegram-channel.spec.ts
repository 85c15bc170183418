/**
 * The Telegram adapter with the real telegraf client against the fake Bot API over HTTP.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotEvent, BotReply } from '@gcm/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeTelegramServer,
  parseTelegramHtml,
  telegramUpdates,
} from '../../../test/support/fake-telegram-server';
import { EventNotHandledError } from '../../api/api-sink';
import { DeliveryError, type HandledEvent, type SendOptions } from '../channel';
import { TelegramChannel, type TelegramChannelOptions } from './telegram-channel';
import { silentLogger as silent } from '../../common/logger';

const CHAT = 4242;
const SECRET = 'webhook-secret_1';

let telegram: FakeTelegramServer;
const cleanups: (() => Promise<unknown>)[] = [];

beforeEach(async () => {
  telegram = await FakeTelegramServer.start();
  cleanups.push(() => telegram.close());
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function createChannel(options: Partial<TelegramChannelOptions> = {}): TelegramChannel {
  const sut = new TelegramChannel({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    mode: 'polling',
    retryDelayMs: { min: 10, max: 50 },
    // Pacing has tests of its own (with Telegram's limits); elsewhere it would only slow tests.
    limits: { perSecond: 1000, perChatPerSecond: 1000 },
    logger: silent,
    ...options,
  });
  cleanups.push(() => sut.stop());
  return sut;
}

/**
 * A stand-in for the API: records the events (releases, deliveries) and answers fixed replies;
 * like the API, it hands an update released after some messages went out that count again.
 */
function recordingSink(answer: (event: BotEvent) => BotReply[] = () => []) {
  const events: BotEvent[] = [];
  const released: string[] = [];
  const confirmed: string[] = [];
  const sentParts = new Map<string, number>();
  return {
    events,
    released,
    confirmed,
    sentParts,
    async handle(event: BotEvent): Promise<HandledEvent> {
      events.push(event);
      const parts = sentParts.get(event.updateId);
      return { replies: answer(event), ...(parts ? { sentParts: parts } : {}) };
    },
    async release(event: BotEvent, parts = 0): Promise<void> {
      released.push(event.updateId);
      if (parts > 0) sentParts.set(event.updateId, parts);
    },
    delivered(event: BotEvent): void {
      confirmed.push(event.updateId);
    },
  };
}

const text = (
  value: string,
  extra: Partial<Extract<BotReply, { type: 'text' }>> = {},
): BotReply => ({
  type: 'text',
  text: value,
  ...extra,
});

/** What the API answers an event it refuses as it is (one that fails its validation). */
const refused = () =>
  new EventNotHandledError({
    code: 'validation_failed',
    message: 'Some fields are invalid: see details.',
    details: [
      { field: 'argument', message: 'argument must be shorter than or equal to 4000 characters' },
    ],
  });

/** The apology the web chat gives too (WEB_CHAT_TEXTS.refused): one text for the bot. */
const APOLOGY =
  'Xin lỗi, hệ thống không xử lý được tin nhắn này. Bạn vui lòng viết lại ngắn gọn hơn hoặc hỏi theo cách khác.';

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: () => {},
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (m: string) => lines.push(`error ${m}`),
    },
  };
}

async function eventually(assertion: () => void, timeout = 3_000): Promise<void> {
  await vi.waitFor(assertion, { timeout, interval: 10 });
}

describe('TelegramChannel, long polling', () => {
  it('receives a text and a /start command and sends the replies with inline buttons', async () => {
    const sink = recordingSink((event) => [
      text(event.type === 'command' ? 'Chào **bạn**!' : 'Đã nhận', {
        format: 'markdown',
        buttons: [
          [
            { label: 'Hỏi đáp', action: 'menu:faq' },
            { label: 'Báo cáo', action: 'menu:report' },
          ],
        ],
      }),
    ]);
    const sut = createChannel();
    await sut.start(sink);

    const first = telegram.pushUpdate(telegramUpdates.text(CHAT, 'Xin chào'));
    const second = telegram.pushUpdate(
      telegramUpdates.text(CHAT, '/start@gcm_helpdesk_bot lien-ket'),
    );
    const sent = await telegram.waitForSent(2);

    expect(sink.events).toEqual([
      expect.objectContaining({
        type: 'text',
        text: 'Xin chào',
        updateId: String(first.update_id),
        chatId: '4242',
      }),
      expect.objectContaining({
        type: 'command',
        command: 'start',
        argument: 'lien-ket',
        updateId: String(second.update_id),
      }),
    ]);
    expect(sent.map((call) => call.params)).toEqual([
      expect.objectContaining({ chat_id: '4242', text: 'Đã nhận', parse_mode: 'HTML' }),
      expect.objectContaining({ chat_id: '4242', text: 'Chào <b>bạn</b>!', parse_mode: 'HTML' }),
    ]);
    expect(sent[1].params.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Hỏi đáp', callback_data: 'menu:faq' },
          { text: 'Báo cáo', callback_data: 'menu:report' },
        ],
      ],
    });
  });

  it('delivers a button press as an action and answers the callback query', async () => {
    const sink = recordingSink(() => [text('Câu hỏi thường gặp')]);
    const sut = createChannel();
    await sut.start(sink);

    const press = telegram.pushUpdate(telegramUpdates.callback(CHAT, 'menu:faq'));
    const [answered] = await telegram.waitForCalls('answerCallbackQuery');
    await telegram.waitForSent(1);

    expect(answered.params.callback_query_id).toBe(
      (press as unknown as { callback_query: { id: string } }).callback_query.id,
    );
    expect(sink.events).toEqual([
      expect.objectContaining({
        type: 'action',
        action: 'menu:faq',
        chatId: '4242',
        updateId: String(press.update_id),
      }),
    ]);
  });

  it('splits a long reply into messages within 4096 characters, buttons on the last one only', async () => {
    const paragraph = 'Người lao động cần ký hợp đồng với doanh nghiệp được cấp phép. '.repeat(20);
    const long = Array.from({ length: 10 }, () => paragraph.trim()).join('\n\n');
    const sink = recordingSink(() => [
      text(long, { buttons: [[{ label: 'Thêm', action: 'more' }]] }),
    ]);
    const sut = createChannel();
    await sut.start(sink);

    telegram.pushUpdate(telegramUpdates.text(CHAT, 'XKLĐ'));
    const atLeast = Math.ceil(long.length / 4096);
    await telegram.waitForSent(atLeast);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the rest, if any

    const parts = telegram.sent;
    expect(parts.length).toBeGreaterThanOrEqual(atLeast);
    for (const part of parts)
      expect(parseTelegramHtml(part.params.text as string).length).toBeLessThanOrEqual(4096);
    expect(parts.map((part) => part.params.reply_markup === undefined)).toEqual([
      ...Array.from({ length: parts.length - 1 }, () => true),
      false,
    ]);
    expect(parts.map((part) => part.params.text).join('\n\n')).toBe(long);
  });

  it('shows HTML in a reply as text', async () => {
    const sink = recordingSink(() => [
      text('<script>alert(1)</script> & <b>không</b>'),
      text('**<i>**', { format: 'markdown' }),
    ]);
    const sut = createChannel();
    await sut.start(sink);

    telegram.pushUpdate(telegramUpdates.text(CHAT, 'hi'));
    const sent = await telegram.waitForSent(2);

    expect(sent[0].params.text).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;không&lt;/b&gt;',
    );
    expect(sent[1].params.text).toBe('<b>&lt;i&gt;</b>');
  });

  it('delivers a sticker as an unsupported event', async () => {
    const sink = recordingSink(() => [text('Xin lỗi, tôi chỉ đọc được chữ.')]);
    const sut = createChannel();
    await sut.start(sink);

    telegram.pushUpdate(telegramUpdates.sticker(CHAT));
    await telegram.waitForSent(1);

    expect(sink.events).toEqual([
      expect.objectContaining({ type: 'unsupported', what: 'sticker', chatId: '4242' }),
    ]);
  });

  it('skips an update without a chat and goes on with the next', async () => {
    const sink = recordingSink();
    const sut = createChannel();
    await sut.start(sink);

    telegram.pushUpdate(telegramUpdates.inlineQuery(CHAT));
    const next = telegram.pushUpdate(telegramUpdates.text(CHAT, 'còn đó không?'));
    await eventually(() => expect(sink.events).toHaveLength(1));

    expect(sink.events[0]).toMatchObject({ type: 'text', updateId: String(next.update_id) });
    await eventually(() => expect(telegram.pendingUpdates).toEqual([]));
  });

  it('acknowledges an update only after the sink handled it', async () => {
    const stillPending: boolean[] = [];
    const sink = recordingSink((event) => {
      stillPending.push(
        telegram.pendingUpdates.some((u) => String(u.update_id) === event.updateId),
      );
      if (stillPending.length === 1) throw new Error('API down');
      return [text('Đã nhận')];
    });
    const sut = createChannel();
    await sut.start(sink);

    const update = telegram.pushUpdate(telegramUpdates.text(CHAT, 'hỏi'));
    await telegram.waitForSent(1);

    // Fetched again after the failure (the fake drops only acknowledged updates)…
    expect(sink.events.map((event) => event.updateId)).toEqual([
      String(update.update_id),
      String(update.update_id),
    ]);
    expect(stillPending).toEqual([true, true]);
    // …and acknowledged by the next poll once handled.
    await eventually(() => expect(telegram.pendingUpdates).toEqual([]));
    expect(telegram.callsTo('getUpdates').at(-1)?.params.offset).toBe(update.update_id + 1);
  });

  it('keeps an update the sink failed on for the next start, and holds back only its own chat', async () => {
    const failing = recordingSink((event) => {
      if (event.chatId === String(CHAT)) throw new Error('API down');
      return [];
    });
    const first = createChannel();
    await first.start(failing);

    const stuck = telegram.pushUpdate(telegramUpdates.text(CHAT, 'lần 1'));
    const other = telegram.pushUpdate(telegramUpdates.text(777, 'chat khác'));
    await eventually(() => {
      expect(failing.events.filter((e) => e.chatId === String(CHAT)).length).toBeGreaterThanOrEqual(
        2,
      );
      expect(failing.events.filter((e) => e.chatId === '777')).toHaveLength(1); // handled once, not again
    });
    await first.stop();

    expect(telegram.pendingUpdates.map((u) => u.update_id)).toContain(stuck.update_id);

    const working = recordingSink(() => [text('Xin lỗi vì chậm trễ')]);
    const second = createChannel();
    await second.start(working);
    await telegram.waitForSent(1);
    await second.stop();

    // The other chat's update comes again too (handled ahead of the offset, which stayed at the
    // stuck one): the API answers it as a duplicate.
    expect(working.events.map((event) => event.updateId)).toEqual([
      String(stuck.update_id),
      String(other.update_id),
    ]);
    expect(telegram.pendingUpdates).toEqual([]);
  });

  it('acknowledges an update the API refuses for good, apologises, and goes on', async () => {
    const { lines, logger } = recordingLogger();
    const sink = recordingSink((event) => {
      if (event.type === 'command') throw refused();
      return [text('Trả lời')];
    });
    const sut = createChannel({ logger });
    await sut.start(sink);

    const bad = telegram.pushUpdate(telegramUpdates.text(CHAT, '/canbo gấp'));
    telegram.pushUpdate(telegramUpdates.text(CHAT, 'câu tiếp theo'));
    await eventually(() => expect(telegram.pendingUpdates).toEqual([]));

    expect(sink.events.map((e) => e.type)).toEqual(['command', 'text']);
    expect(telegram.sent.map((call) => call.params.text)).toEqual([APOLOGY, 'Trả lời']);
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^error Telegram: update ${bad.update_id} refused by the API.*argument must be shorter`,
        ),
      ),
    );
  });

  it('after a 429, sends the reply again once Telegram’s retry_after is over, not asking the API again', async () => {
    const sink = recordingSink(() => [text('Trả lời')]);
    const sut = createChannel();
    await sut.start(sink);
    telegram.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });

    telegram.pushUpdate(telegramUpdates.text(CHAT, 'hỏi'));
    await telegram.waitForSent(2, 5_000);

    expect(sink.events).toHaveLength(1);
    expect(sink.released).toEqual([]);
    const [refused, delivered] = telegram.sent;
    expect(delivered.params.text).toBe('Trả lời');
    expect(delivered.at - refused.at).toBeGreaterThanOrEqual(1_000);
    expect(delivered.at - refused.at).toBeLessThan(1_500);
  });

  it('after a 429 in the middle of a reply, goes on with the message that met it', async () => {
    const long = 'Câu trả lời dài. '.repeat(400); // split into two Telegram messages
    const replies = [text('Một'), text(long), text('Ba')];
    const sink = recordingSink(() => replies);
    const sut = createChannel();
    await sut.start(sink);
    telegram.passNext('sendMessage', 2);
    telegram.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });

    telegram.pushUpdate(telegramUpdates.text(CHAT, 'hỏi'));
    await eventually(() => expect(telegram.delivered).toHaveLength(4), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(sink.events).toHaveLength(1);
    expect(sink.released).toEqual([]);
    const texts = telegram.delivered.map((call) => String(call.params.text));
    expect(texts[0]).toBe('Một');
    expect(texts[1].length + texts[2].length).toBeGreaterThanOrEqual(long.trim().length - 2);
    expect(texts[3]).toBe('Ba');
    // The second part was refused once and sent once; nothing went out twice.
    expect(telegram.sent.map((call) => call.failed ?? false)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(telegram.sent[3].params.text).toBe(telegram.sent[2].params.text);
  });

  it('when Telegram asks for a longer wait than a reply may take, comes back to the update after it and sends only the rest', async () => {
    const replies = [text('Một'), text('Hai')];
    const sink = recordingSink(() => replies);
    const sut = createChannel({ replyWaitMs: 300 });
    await sut.start(sink);
    telegram.passNext('sendMessage');
    telegram.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });

    const update = telegram.pushUpdate(telegramUpdates.text(CHAT, 'hỏi'));
    await eventually(() => expect(telegram.delivered).toHaveLength(2), 5_000);

    // Released for the next delivery, which came after retry_after exactly (not a longer
    // back-off) and sent only the second message.
    expect(sink.released).toEqual([String(update.update_id)]);
    expect(sink.events).toHaveLength(2);
    expect(telegram.delivered.map((call) => call.params.text)).toEqual(['Một', 'Hai']);
    const [, refused, sent] = telegram.sent;
    expect(sent.at - refused.at).toBeGreaterThanOrEqual(1_000);
    expect(sent.at - refused.at).toBeLessThan(1_500);
  });

  it('keeps other chats answered while one waits out a 429', async () => {
    const sink = recordingSink((event) => [text(`Trả lời ${event.chatId}`)]);
    const sut = createChannel({ replyWaitMs: 300 });
    await sut.start(sink);
    telegram.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 5',
      parameters: { retry_after: 5 },
    });

    telegram.pushUpdate(telegramUpdates.text(CHAT, 'hỏi'));
    await telegram.waitForSent(1);
    const asked = Date.now();
    telegram.pushUpdate(telegramUpdates.text(777, 'chat khác'));
    await eventually(() =>
      expect(telegram.delivered.map((call) => call.params.text)).toEqual(['Trả lời 777']),
    );

    expect(Date.now() - asked).toBeLessThan(500);
  });

  it('stops a waiting long poll at once', async () => {
    const sut = createChannel({ pollTimeoutSeconds: 30 });
    await sut.start(recordingSink());
    await telegram.waitForCalls('getUpdates');

    const started = Date.now();
    await sut.stop();
    const polls = telegram.callsTo('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(telegram.callsTo('getUpdates')).toHaveLength(polls);
  });

  it('lets an update being handled finish when stopped, and acknowledges it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sink = recordingSink(() => []);
    const slowSink = {
      async handle(event: BotEvent) {
        await gate;
        return sink.handle(event);
      },
    };
    const sut = createChannel();
    await sut.start(slowSink);
    telegram.pushUpdate(telegramUpdates.text(CHAT, 'chậm'));
    await eventually(() => expect(telegram.callsTo('getUpdates').length).toBeGreaterThanOrEqual(1));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const stopping = sut.stop();
    release();
    await stopping;

    expect(sink.events).toHaveLength(1);
    expect(telegram.pendingUpdates).toEqual([]);
  });
});

describe('TelegramChannel, webhook', () => {
  async function serveWebhook(sut: TelegramChannel): Promise<string> {
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      await sut.webhook!(req, res, Buffer.concat(chunks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/telegram`;
  }

  function post(url: string, body: unknown, secret: string | null = SECRET): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function startWebhook(
    sink: ReturnType<typeof recordingSink>,
    options: Partial<TelegramChannelOptions> = {},
  ) {
    const sut = createChannel({ mode: 'webhook', webhookSecret: SECRET, ...options });
    await sut.start(sink);
    return { sut, url: await serveWebhook(sut) };
  }

  it('registers the webhook with its secret and connection limit at start', async () => {
    await startWebhook(recordingSink(), {
      webhookUrl: 'https://bot.gcm.example/webhooks/telegram',
      webhookMaxConnections: 80,
    });

    expect(telegram.webhook).toEqual({
      url: 'https://bot.gcm.example/webhooks/telegram',
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query', 'my_chat_member'],
      max_connections: 80,
    });
    expect(telegram.callsTo('deleteWebhook')).toEqual([]);
  });

  it('is only offered in webhook mode, and needs a secret there', () => {
    expect(createChannel().webhook).toBeUndefined();
    expect(() => createChannel({ mode: 'webhook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => createChannel({ mode: 'webhook', webhookSecret: 'has spaces' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
  });

  it('handles an update and sends the replies before answering 200', async () => {
    const sink = recordingSink(() => [text('Đã nhận câu hỏi')]);
    const { url } = await startWebhook(sink);

    const response = await post(url, {
      update_id: 501,
      ...telegramUpdates.text(CHAT, 'Visa du học?'),
    });

    expect(response.status).toBe(200);
    expect(sink.events).toEqual([
      expect.objectContaining({ type: 'text', updateId: '501', text: 'Visa du học?' }),
    ]);
    expect(telegram.sent.map((call) => call.params.text)).toEqual(['Đã nhận câu hỏi']);
  });

  it('answers 401 to a missing or wrong secret and never calls the sink', async () => {
    const sink = recordingSink();
    const { url } = await startWebhook(sink);
    const update = { update_id: 502, ...telegramUpdates.text(CHAT, 'giả mạo') };

    const missing = await post(url, update, null);
    const wrong = await post(url, update, 'webhook-secret_2');
    const longer = await post(url, update, `${SECRET}x`);

    expect([missing.status, wrong.status, longer.status]).toEqual([401, 401, 401]);
    expect(await missing.json()).toEqual({ error: expect.any(String) });
    expect(sink.events).toEqual([]);
    expect(telegram.sent).toEqual([]);
  });

  it('answers 400 to malformed JSON, and keeps working', async () => {
    const sink = recordingSink();
    const { url } = await startWebhook(sink);

    const malformed = await post(url, '{"update_id": 503, "message": ');
    const notAnUpdate = await post(url, '[1, 2]');
    const good = await post(url, { update_id: 504, ...telegramUpdates.text(CHAT, 'ok') });

    expect([malformed.status, notAnUpdate.status, good.status]).toEqual([400, 400, 200]);
    expect(await malformed.json()).toEqual({ error: expect.any(String) });
    expect(sink.events.map((event) => event.updateId)).toEqual(['504']);
  });

  it('gives the sink the same updateId each time Telegram retries an update', async () => {
    const sink = recordingSink(() => [text('Trả lời')]);
    const { url } = await startWebhook(sink);
    const update = { update_id: 505, ...telegramUpdates.text(CHAT, 'gửi lại') };

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post(url, update)).status);

    expect(statuses).toEqual([200, 200, 200]);
    expect(sink.events.map((event) => event.updateId)).toEqual(['505', '505', '505']);
  });

  it('tells the sink once the replies went out, and not when there were none', async () => {
    const sink = recordingSink((event) =>
      event.type === 'text' && event.text === 'hỏi' ? [text('Trả lời')] : [],
    );
    const { url } = await startWebhook(sink);

    await post(url, { update_id: 513, ...telegramUpdates.text(CHAT, 'hỏi') });
    await post(url, { update_id: 514, ...telegramUpdates.text(CHAT, 'lặp lại') });

    expect(telegram.sent.map((call) => call.params.text)).toEqual(['Trả lời']);
    expect(sink.confirmed).toEqual(['513']);
  });

  it('answers 500 when the sink fails, so that Telegram retries', async () => {
    const sink = recordingSink(() => {
      throw new Error('API unreachable');
    });
    const { url } = await startWebhook(sink);

    const response = await post(url, { update_id: 506, ...telegramUpdates.text(CHAT, 'hỏi') });

    expect(response.status).toBe(500);
    expect(telegram.sent).toEqual([]);
  });

  it('answers 200 for an update the API refuses as invalid (it would be refused again), 500 when the API fails on it', async () => {
    const refused = recordingSink(() => {
      throw new EventNotHandledError({ code: 'validation_failed', message: 'command too long' });
    });
    const { url } = await startWebhook(refused);
    const response = await post(url, { update_id: 511, ...telegramUpdates.text(CHAT, 'hỏi') });
    expect(response.status).toBe(200);

    const failing = recordingSink(() => {
      throw new EventNotHandledError({ code: 'internal_error', message: 'try again' });
    });
    const second = await startWebhook(failing);
    const retried = await post(second.url, {
      update_id: 512,
      ...telegramUpdates.text(CHAT, 'hỏi'),
    });
    expect(retried.status).toBe(500);
  });

  it('answers 500 when Telegram asks for a longer wait than a reply may take, 200 when the person blocked the bot', async () => {
    const sink = recordingSink(() => [text('Trả lời')]);
    const { url } = await startWebhook(sink);

    telegram.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 30',
      parameters: { retry_after: 30 },
    });
    const limited = await post(url, { update_id: 507, ...telegramUpdates.text(CHAT, 'a') });
    telegram.failNext('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    // Another chat: this one is held for the 30 s.
    const blocked = await post(url, { update_id: 508, ...telegramUpdates.text(CHAT + 1, 'b') });

    expect([limited.status, blocked.status]).toEqual([500, 200]);
  });

  it('answers 200 and apologises when the API refuses an update for good', async () => {
    const sink = recordingSink(() => {
      throw refused();
    });
    const { url } = await startWebhook(sink);

    const response = await post(url, { update_id: 511, ...telegramUpdates.text(CHAT, '/canbo …') });

    expect(response.status).toBe(200);
    expect(telegram.sent.map((call) => call.params.text)).toEqual([APOLOGY]);
  });

  it('tells the sink when sending the replies failed for now, before answering 500', async () => {
    const sink = recordingSink(() => [text('Trả lời')]);
    const { url } = await startWebhook(sink);
    telegram.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });

    const failed = await post(url, { update_id: 512, ...telegramUpdates.text(CHAT, 'hỏi') });

    expect(failed.status).toBe(500);
    expect(sink.released).toEqual(['512']);
  });

  it('tells the API how many messages of a partly sent update went out, and skips those the API hands back', async () => {
    const sink = recordingSink(() => [text('Một'), text('Hai')]);
    const { url } = await startWebhook(sink);
    telegram.passNext('sendMessage');
    telegram.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });

    const failed = await post(url, { update_id: 514, ...telegramUpdates.text(CHAT, 'hỏi') });
    const told = new Map(sink.sentParts);
    const again = await post(url, { update_id: 514, ...telegramUpdates.text(CHAT, 'hỏi') });

    expect([failed.status, again.status]).toEqual([500, 200]);
    // Kept by the API, not by this instance: another instance or a restarted bot skips them too.
    expect(told).toEqual(new Map([['514', 1]]));
    expect(telegram.delivered.map((call) => call.params.text)).toEqual(['Một', 'Hai']);
  });

  it('does not release an update whose chat blocked the bot', async () => {
    const sink = recordingSink(() => [text('Trả lời')]);
    const { url } = await startWebhook(sink);
    telegram.failNext('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });

    const blocked = await post(url, { update_id: 513, ...telegramUpdates.text(CHAT, 'hỏi') });

    expect(blocked.status).toBe(200);
    expect(sink.released).toEqual([]);
  });

  it('answers a button press once, however often Telegram delivers it', async () => {
    const sink = recordingSink(() => [text('Đã đổi ngôn ngữ')]);
    const { url } = await startWebhook(sink);
    telegram.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    const press = { update_id: 515, ...telegramUpdates.callback(CHAT, 'lang:en') };

    const failed = await post(url, press);
    const again = await post(url, press);

    expect([failed.status, again.status]).toEqual([500, 200]);
    expect(telegram.callsTo('answerCallbackQuery')).toHaveLength(1);
    expect(telegram.delivered.map((call) => call.params.text)).toEqual(['Đã đổi ngôn ngữ']);
  });

  it('answers a button press and maps being blocked to unfollow', async () => {
    const sink = recordingSink();
    const { url } = await startWebhook(sink);

    await post(url, { update_id: 509, ...telegramUpdates.callback(CHAT, 'lang:en') });
    await post(url, { update_id: 510, ...telegramUpdates.blocked(CHAT) });

    expect(telegram.callsTo('answerCallbackQuery')).toHaveLength(1);
    expect(sink.events.map((event) => event.type)).toEqual(['action', 'unfollow']);
  });
});

describe('TelegramChannel.send', () => {
  async function sendError(
    replies: BotReply[] = [text('Nhắc hạn nộp báo cáo')],
    options: SendOptions = {},
  ): Promise<DeliveryError> {
    const sut = createChannel();
    const error = await sut.send(String(CHAT), replies, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    return error as DeliveryError;
  }

  it('asks to retry after Telegram’s retry_after on 429 when that is past the deadline, saying how many messages went out', async () => {
    telegram.passNext('sendMessage');
    telegram.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });

    const error = await sendError([text('Một'), text('Hai'), text('Ba')], {
      alreadySent: 1,
      deadline: Date.now() + 5_000,
    });

    expect(error).toMatchObject({ kind: 'retry', retryAfterSeconds: 7, scope: 'chat', sent: 2 });
    expect(telegram.sent.map((call) => call.params.text)).toEqual(['Hai', 'Ba']);
  });

  it('skips the messages an earlier try sent', async () => {
    const sut = createChannel();
    const long = 'Cảnh báo dài. '.repeat(400); // two Telegram messages

    await sut.send(String(CHAT), [text(long), text('Hết')], { alreadySent: 1 });

    const texts = telegram.delivered.map((call) => String(call.params.text));
    expect(texts).toHaveLength(2);
    expect(long.trim().endsWith(texts[0].trim())).toBe(true);
    expect(texts[1]).toBe('Hết');
  });

  it('gives up for good when the bot is blocked or the chat is unknown', async () => {
    telegram.failNext('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    expect(await sendError()).toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('blocked'),
    });

    telegram.failNext('sendMessage', {
      error_code: 403,
      description: 'Forbidden: user is deactivated',
    });
    expect((await sendError()).kind).toBe('permanent');

    telegram.failNext('sendMessage', {
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
    expect((await sendError()).kind).toBe('permanent');
  });

  it('fails only the message, leaving the chat reachable, when Telegram refuses the request itself', async () => {
    telegram.failNext('sendMessage', {
      error_code: 400,
      description: 'Bad Request: message is too long',
    });
    expect(await sendError()).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('message is too long'),
    });

    telegram.failNext('sendMessage', {
      error_code: 400,
      description: "Bad Request: can't parse entities: Unsupported start tag",
    });
    expect((await sendError()).kind).toBe('rejected');

    telegram.failNext('sendMessage', {
      error_code: 400,
      description: 'Bad Request: PEER_ID_INVALID',
    });
    expect((await sendError()).kind).toBe('permanent');
  });

  it('asks to retry on a server error and when Telegram cannot be reached', async () => {
    telegram.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    expect(await sendError()).toMatchObject({ kind: 'retry', retryAfterSeconds: undefined });

    const unreachable = new TelegramChannel({
      token: telegram.token,
      apiRoot: 'http://127.0.0.1:9',
      mode: 'polling',
      logger: silent,
    });
    const error = await unreachable.send(String(CHAT), [text('x')]).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'retry' });
  });

  it('sends a document by URL with its caption and a link with its title linked', async () => {
    const sut = createChannel();

    await sut.send(String(CHAT), [
      {
        type: 'document',
        url: 'https://portal.gov.vn/files/mau-bao-cao.pdf',
        fileName: 'mau-bao-cao.pdf',
        caption: 'Mẫu báo cáo 2025',
      },
      {
        type: 'link',
        url: 'https://portal.gov.vn/canh-bao',
        title: 'Cảnh báo lừa đảo',
        description: 'Đọc kỹ trước khi đi',
      },
    ]);

    expect(telegram.sent.map((call) => [call.method, call.params])).toEqual([
      [
        'sendDocument',
        expect.objectContaining({
          chat_id: '4242',
          document: 'https://portal.gov.vn/files/mau-bao-cao.pdf',
          caption: 'Mẫu báo cáo 2025',
        }),
      ],
      [
        'sendMessage',
        expect.objectContaining({
          text: '<a href="https://portal.gov.vn/canh-bao">Cảnh báo lừa đảo</a>\nĐọc kỹ trước khi đi',
          parse_mode: 'HTML',
        }),
      ],
    ]);
  });
});

describe('TelegramChannel within Telegram’s limits (the fake enforcing them)', () => {
  beforeEach(async () => {
    await telegram.close();
    telegram = await FakeTelegramServer.start({ floodLimits: true });
  });

  /** Telegram's own limits, not the loose ones of the other tests. */
  const paced = (options: Partial<TelegramChannelOptions> = {}) =>
    createChannel({ limits: undefined, ...options });
  const long = (label: string) => `${label} ${'Cảnh báo tuyển lao động trái phép. '.repeat(150)}`;

  it('has Telegram’s limits', () => {
    expect(paced().limits).toEqual({ perSecond: 30, perChatPerSecond: 1 });
  });

  it('sends the messages of a reply a second apart, so Telegram refuses none', async () => {
    const sink = recordingSink(() => [text('Một'), text('Hai'), text('Ba')]);
    const sut = paced();
    await sut.start(sink);

    telegram.pushUpdate(telegramUpdates.text(CHAT, 'hỏi'));
    const sent = await telegram.waitForSent(3, 5_000);

    expect(telegram.tooManyRequests).toEqual([]);
    expect(sent.map((call) => call.params.text)).toEqual(['Một', 'Hai', 'Ba']);
    expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(1_000);
    expect(sent[2].at - sent[1].at).toBeGreaterThanOrEqual(1_000);
  });

  it('delivers a two-part message to many chats whole and in order, 30 a second, none refused', async () => {
    const sut = paced();
    const chats = Array.from({ length: 40 }, (_, i) => String(9000 + i));

    await Promise.all(chats.map((chat) => sut.send(chat, [text(long(chat))])));

    expect(telegram.tooManyRequests).toEqual([]);
    for (const chat of chats) {
      const parts = telegram.delivered.filter((call) => String(call.params.chat_id) === chat);
      expect(parts).toHaveLength(2);
      expect(String(parts[0].params.text).startsWith(chat)).toBe(true);
      expect(parts[1].at - parts[0].at).toBeGreaterThanOrEqual(1_000);
    }
    const times = telegram.delivered.map((call) => call.at);
    for (const [index, at] of times.entries()) {
      expect(times.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(
        30,
      );
      if (index >= 30) expect(at - times[index - 30]).toBeGreaterThanOrEqual(1_000);
    }
  });

  it('answers a person before the outbox messages waiting for the same budget', async () => {
    const sink = recordingSink(() => [text('Trả lời')]);
    const sut = paced();
    await sut.start(sink);
    const chats = Array.from({ length: 60 }, (_, i) => String(9100 + i));
    const broadcast = Promise.all(chats.map((chat) => sut.send(chat, [text('Cảnh báo')])));
    await telegram.waitForSent(5);

    const asked = Date.now();
    telegram.pushUpdate(telegramUpdates.text(CHAT, 'hỏi'));
    await eventually(() =>
      expect(telegram.delivered.some((call) => call.params.text === 'Trả lời')).toBe(true),
    );
    const answeredAfter = Date.now() - asked;
    await broadcast;

    // 60 messages take two seconds at 30 a second; the answer did not wait for them.
    expect(answeredAfter).toBeLessThan(500);
    expect(telegram.tooManyRequests).toEqual([]);
  });
});
