import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelegramServer, parseTelegramHtml, telegramUpdates } from './fake-telegram-server';

let sut: FakeTelegramServer;

beforeEach(async () => {
  sut = await FakeTelegramServer.start();
});

afterEach(async () => {
  await sut.close();
});

async function call(method: string, params: Record<string, unknown> = {}, token = sut.token) {
  const response = await fetch(`${sut.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('FakeTelegramServer', () => {
  it('holds a long poll until an update is queued', async () => {
    const poll = call('getUpdates', { timeout: 5 });
    await sut.waitForCalls('getUpdates');
    const started = Date.now();

    const update = sut.pushUpdate(telegramUpdates.text(1, 'a'));

    expect((await poll).body).toEqual({ ok: true, result: [update] });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers an empty list when the poll times out', async () => {
    expect((await call('getUpdates', { timeout: 0 })).body).toEqual({ ok: true, result: [] });
  });

  it('forgets updates before the offset, and only those', async () => {
    const first = sut.pushUpdate(telegramUpdates.text(1, 'a'));
    const second = sut.pushUpdate(telegramUpdates.text(1, 'b'));

    const again = await call('getUpdates', { offset: first.update_id });
    const after = await call('getUpdates', { offset: first.update_id + 1 });

    expect((again.body.result as unknown[]).length).toBe(2);
    expect(after.body.result).toEqual([second]);
    expect(sut.pendingUpdates).toEqual([second]);
  });

  it('answers errors in Telegram’s shape', async () => {
    sut.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 5',
      parameters: { retry_after: 5 },
    });

    const limited = await call('sendMessage', { chat_id: 1, text: 'x' });
    const wrongToken = await call('getMe', {}, '1:wrong');
    const broken = await call('sendMessage', { chat_id: 1, text: '<b>x', parse_mode: 'HTML' });

    expect(limited).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 5',
        parameters: { retry_after: 5 },
      },
    });
    expect(wrongToken.status).toBe(401);
    expect(broken.body).toMatchObject({
      ok: false,
      error_code: 400,
      description: expect.stringContaining("can't parse entities"),
    });
    expect(sut.sent).toHaveLength(2);
  });

  it('answers a callback query once, and a second answer as too old', async () => {
    expect((await call('answerCallbackQuery', { callback_query_id: 'q1' })).status).toBe(200);
    const again = await call('answerCallbackQuery', { callback_query_id: 'q1' });
    expect(again).toMatchObject({
      status: 400,
      body: { description: expect.stringContaining('query is too old') },
    });
  });

  it('with flood limits, refuses a second message to a chat within a second, with retry_after', async () => {
    const limited = await FakeTelegramServer.start({ floodLimits: true });
    const send = (chatId: number) =>
      fetch(`${limited.apiRoot}/bot${limited.token}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: chatId, text: 'Cảnh báo' }),
      }).then(async (res) => ({ status: res.status, body: await res.json() }));
    try {
      expect((await send(1)).status).toBe(200);
      const second = await send(1);
      expect((await send(2)).status).toBe(200);

      expect(second).toEqual({
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 1',
          parameters: { retry_after: 1 },
        },
      });
      expect(limited.tooManyRequests).toHaveLength(1);
      expect(limited.delivered.map((c) => c.params.chat_id)).toEqual([1, 2]);
    } finally {
      await limited.close();
    }
  });

  it('with flood limits, refuses more than perSecond messages of the bot within a second', async () => {
    const limited = await FakeTelegramServer.start({
      floodLimits: { perSecond: 3, perChatPerSecond: 1 },
    });
    try {
      const statuses: number[] = [];
      for (let chat = 1; chat <= 4; chat += 1) {
        const res = await fetch(`${limited.apiRoot}/bot${limited.token}/sendMessage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chat_id: chat, text: 'Cảnh báo' }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses getUpdates while a webhook is set', async () => {
    await call('setWebhook', {
      url: 'https://bot.example/webhooks/telegram',
      secret_token: 's3cret',
    });

    expect((await call('getUpdates')).status).toBe(409);
    expect((await call('getWebhookInfo')).body.result).toMatchObject({
      url: 'https://bot.example/webhooks/telegram',
    });
  });
});

describe('parseTelegramHtml', () => {
  it('returns the visible text', () => {
    expect(parseTelegramHtml('<b>a &lt;b&gt;</b> <a href="https://x.vn">&amp;</a>')).toBe(
      'a <b> &',
    );
  });

  it('rejects what Telegram rejects', () => {
    expect(() => parseTelegramHtml('<script>')).toThrow(/Unsupported start tag/);
    expect(() => parseTelegramHtml('a < b')).toThrow(/can't parse entities/);
    expect(() => parseTelegramHtml('R&D')).toThrow(/entity/);
    expect(() => parseTelegramHtml('<b><i>x</b></i>')).toThrow(/end tag/);
  });
});
