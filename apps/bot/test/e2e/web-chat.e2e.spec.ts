import { randomUUID } from 'node:crypto';
import type { ConversationMessage } from '@gcm/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../support/api-double';
import { openSse, type SseClient } from '../support/sse-client';
import { startBot, type RunningBot } from '../support/start-bot';
import { waitFor } from '../support/wait-for';

let api: ApiDouble;
let bot: RunningBot | undefined;
const streams: SseClient[] = [];

beforeEach(async () => {
  api = await startApiDouble();
});

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await bot?.close();
  bot = undefined;
  await api.close();
});

async function start(web: Parameters<typeof startBot>[1] = {}) {
  bot = await startBot(api.url, web);
  return bot.url;
}

function postMessage(url: string, body: object, headers: Record<string, string> = {}) {
  return fetch(`${url}/web/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const message = (text: string, sessionId = randomUUID()) => ({
  sessionId,
  clientMessageId: randomUUID(),
  text,
});

function stored(seq: number, direction: 'in' | 'out', text: string): ConversationMessage {
  return direction === 'in'
    ? { seq, direction, text, createdAt: new Date().toISOString() }
    : { seq, direction, reply: { type: 'text', text }, createdAt: new Date().toISOString() };
}

async function stream(url: string, headers: Record<string, string> = {}) {
  const client = await openSse(url, headers);
  streams.push(client);
  return client;
}

describe('POST /web/messages', () => {
  it('posts the message to the API as a web event and answers its replies', async () => {
    const url = await start();
    const body = message('Đi làm việc ở Nhật cần giấy tờ gì?');

    const response = await postMessage(url, body);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      replies: [{ type: 'text', text: 'Đã nhận: Đi làm việc ở Nhật cần giấy tờ gì?' }],
    });
    expect(api.requests[0].authorization).toBe('Bearer svc-token');
    expect(api.events[0]).toMatchObject({
      type: 'text',
      channel: 'web',
      chatId: body.sessionId,
      updateId: body.clientMessageId,
      user: { id: body.sessionId },
    });
  });

  it('sends a button press as an action event', async () => {
    const url = await start();
    const sessionId = randomUUID();

    await postMessage(url, { sessionId, clientMessageId: randomUUID(), action: 'handoff' });

    expect(api.events[0]).toMatchObject({ type: 'action', action: 'handoff', chatId: sessionId });
  });

  it('refuses empty, overlong and malformed messages in Vietnamese', async () => {
    const url = await start();

    const empty = await postMessage(url, message('   '));
    const long = await postMessage(url, message('a'.repeat(2001)));
    const malformed = await fetch(`${url}/web/messages`, { method: 'POST', body: '{nope' });

    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ message: 'Vui lòng nhập câu hỏi trước khi gửi.' });
    expect(long.status).toBe(413);
    expect(await long.json()).toMatchObject({ code: 'question_too_long' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'malformed_json' });
    expect(api.events).toHaveLength(0);
  });

  it('refuses a message nested deeper than any widget sends with 400, in Vietnamese', async () => {
    const url = await start();
    const body = JSON.stringify(message('xin chào')).replace(
      /}$/,
      `,"x":${'['.repeat(1500)}${']'.repeat(1500)}}`,
    );

    const response = await fetch(`${url}/web/messages`, { method: 'POST', body });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'malformed_json',
      message: 'Nội dung gửi lên không hợp lệ.',
    });
    expect(api.events).toHaveLength(0);
  });

  it('answers 429 politely when one session sends too fast', async () => {
    const url = await start({ web: { messagesPerMinute: 3 } });
    const sessionId = randomUUID();

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await postMessage(url, message('a', sessionId))).status);
    const refused = await postMessage(url, message('a', sessionId));
    const otherSession = await postMessage(url, message('a'));

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({
      code: 'too_many_requests',
      message: expect.stringContaining('Vui lòng đợi'),
    });
    expect(otherSession.status).toBe(200);
  });

  it('limits each client address on all web-chat routes, whatever session ids it makes up', async () => {
    const url = await start({ web: { requestsPerAddressPerMinute: 5 } });

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postMessage(url, message('a'))).status);
    const refused = await postMessage(url, message('a'));
    const widget = await fetch(`${url}/web/widget.js`);

    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      code: 'too_many_requests',
      message: 'Có quá nhiều yêu cầu từ mạng của bạn. Vui lòng đợi một chút rồi thử lại.',
    });
    expect(widget.status).toBe(429);
    expect(api.events).toHaveLength(5);
  });

  it('reads the address from X-Forwarded-For only behind a trusted proxy, and then the last one', async () => {
    const burst = async (url: string, forwardedFor: (i: number) => string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const headers = { 'X-Forwarded-For': forwardedFor(i) };
        statuses.push((await postMessage(url, message('a'), headers)).status);
      }
      return statuses;
    };

    const direct = await start({ web: { requestsPerAddressPerMinute: 2 } });
    expect(await burst(direct, (i) => `203.0.113.${i}`)).toEqual([200, 200, 429]);
    await bot?.close();

    const proxied = await start({ web: { requestsPerAddressPerMinute: 2, trustProxy: true } });
    // The proxy appends the address it saw; what comes before it is the client's own writing.
    expect(await burst(proxied, (i) => `198.51.100.${i}, 203.0.113.7`)).toEqual([200, 200, 429]);
    expect(await burst(proxied, (i) => `203.0.113.${10 + i}`)).toEqual([200, 200, 200]);
  });

  it('lets one address open a few inbox items an hour, then answers it with handoffs paused', async () => {
    api.opensHandoff = (event) => event.type === 'text' && event.text === 'Gặp cán bộ';
    const url = await start({ web: { handoffsPerAddressPerHour: 2 } });

    const questions = [];
    for (let i = 0; i < 3; i++) questions.push((await postMessage(url, message('Hỏi'))).status);
    const handoffs = [];
    for (let i = 0; i < 2; i++)
      handoffs.push((await postMessage(url, message('Gặp cán bộ'))).status);
    const refused = await postMessage(url, message('Gặp cán bộ'));
    const question = await postMessage(url, message('Hỏi'));

    expect(questions).toEqual([200, 200, 200]);
    expect(handoffs).toEqual([200, 200]);
    expect([refused.status, question.status]).toEqual([200, 200]);
    expect(api.events.map((e) => e.handoffsPaused ?? false)).toEqual([
      ...Array(5).fill(false),
      true,
      true,
    ]);
  });

  it('opens no more inbox items than allowed however many messages come at once', async () => {
    api.opensHandoff = () => true;
    const url = await start({ web: { handoffsPerAddressPerHour: 3 } });

    const responses = await Promise.all(
      Array.from({ length: 30 }, () => postMessage(url, message('Gặp cán bộ'))),
    );

    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(api.events.filter((e) => !e.handoffsPaused)).toHaveLength(3);
  });

  it('answers 503 in Vietnamese when the API cannot answer', async () => {
    api.reply = () => ({ status: 503, body: { code: 'database_unavailable', message: 'down' } });
    const url = await start();

    const response = await postMessage(url, message('xin chào'));

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      message: 'Hệ thống tạm thời chưa trả lời được. Vui lòng thử lại sau ít phút.',
    });
  });

  it('answers 400 in Vietnamese, without Retry-After, when the API refuses the message for good', async () => {
    api.reply = (route, request) => {
      if (route !== 'events') return undefined;
      const { events } = request.body as { events: unknown[] };
      const refused = {
        code: 'validation_failed',
        message: 'Some fields are invalid: see details.',
        details: [{ field: 'text', message: 'text is not accepted' }],
      };
      return { status: 200, body: { results: events.map(() => ({ error: refused })) } };
    };
    const url = await start();

    const response = await postMessage(url, message('một câu hỏi API không nhận'));

    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toEqual({
      code: 'validation_failed',
      message:
        'Xin lỗi, hệ thống không xử lý được tin nhắn này. Bạn vui lòng viết lại ngắn gọn hơn hoặc hỏi theo cách khác.',
    });
  });

  it('keeps 503 with Retry-After when the API failed on the message for now', async () => {
    api.reply = (route, request) => {
      if (route !== 'events') return undefined;
      const { events } = request.body as { events: unknown[] };
      const failed = { code: 'internal_error', message: 'send it again later' };
      return { status: 200, body: { results: events.map(() => ({ error: failed })) } };
    };
    const url = await start();

    const response = await postMessage(url, message('thử lại sau'));

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('lets only the configured origins post, with CORS headers for them', async () => {
    const url = await start({ web: { origins: ['https://portal.example.gov.vn'] } });

    const preflight = await fetch(`${url}/web/messages`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://portal.example.gov.vn', 'Access-Control-Request-Method': 'POST' },
    });
    const allowed = await postMessage(url, message('a'), {
      Origin: 'https://portal.example.gov.vn',
    });
    const refused = await postMessage(url, message('a'), { Origin: 'https://evil.example' });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(
      'https://portal.example.gov.vn',
    );
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://portal.example.gov.vn',
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(api.events).toHaveLength(1);
  });
});

describe('GET /web/sessions/:sessionId/events', () => {
  it('pushes the session’s stored messages, then new ones as they are stored', async () => {
    const url = await start();
    const sessionId = randomUUID();
    api.conversations.set(`web/${sessionId}`, [stored(1, 'in', 'Hỏi'), stored(2, 'out', 'Đáp')]);

    const sut = await stream(`${url}/web/sessions/${sessionId}/events`);
    await waitFor(() => sut.events.length === 2);
    api.conversations.get(`web/${sessionId}`)?.push(stored(3, 'out', 'Cán bộ trả lời'));
    await waitFor(() => sut.events.length === 3);

    expect(sut.status).toBe(200);
    expect(sut.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(sut.events.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(JSON.parse(sut.events[2].data)).toMatchObject({
      seq: 3,
      direction: 'out',
      reply: { type: 'text', text: 'Cán bộ trả lời' },
    });
    expect(api.requests.at(-1)?.path).toBe(`/api/v1/bot/conversations/web/${sessionId}/messages`);
  });

  it('resumes after Last-Event-ID', async () => {
    const url = await start();
    const sessionId = randomUUID();
    api.conversations.set(`web/${sessionId}`, [
      stored(1, 'in', 'a'),
      stored(2, 'out', 'b'),
      stored(3, 'out', 'c'),
    ]);

    const sut = await stream(`${url}/web/sessions/${sessionId}/events?after=0`, {
      'Last-Event-ID': '2',
    });
    await waitFor(() => sut.events.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 150));

    expect(sut.events.map((e) => e.id)).toEqual(['3']);
  });

  it('keeps an idle stream alive with heartbeats and keeps polling through API errors', async () => {
    const url = await start({ web: { heartbeatMs: 40 } });
    const sessionId = randomUUID();
    let failures = 2;
    api.reply = (route) =>
      route === 'messages' && failures-- > 0
        ? { status: 500, body: { code: 'internal_error' } }
        : undefined;
    api.conversations.set(`web/${sessionId}`, [stored(1, 'out', 'sau lỗi')]);

    const sut = await stream(`${url}/web/sessions/${sessionId}/events`);
    await waitFor(() => sut.events.length === 1);

    expect(sut.lines).toContain(': ping');
  });

  it('refuses a session id that is not a UUID, and too many streams for one session', async () => {
    const url = await start({ web: { maxStreamsPerSession: 1 } });
    const sessionId = randomUUID();

    const bad = await fetch(`${url}/web/sessions/not-a-uuid/events`);
    await stream(`${url}/web/sessions/${sessionId}/events`);
    const second = await fetch(`${url}/web/sessions/${sessionId}/events`);

    expect(bad.status).toBe(400);
    expect(second.status).toBe(429);
  });

  it('ends the open streams when the channel stops', async () => {
    const url = await start();
    const sut = await stream(`${url}/web/sessions/${randomUUID()}/events`);
    await waitFor(() => sut.lines.length > 0);

    await bot?.web.stop();
    await bot?.close();
    bot = undefined;

    // close() resolved: the server had no open connection left.
    expect(sut.lines[0]).toMatch(/^retry: \d+$/);
  });
});

describe('the widget and the demo page', () => {
  it('serves the widget to any origin, with an ETag', async () => {
    const url = await start({ web: { origins: ['https://portal.example.gov.vn'] } });

    const response = await fetch(`${url}/web/widget.js`, {
      headers: { Origin: 'https://x.example' },
    });
    const script = await response.text();
    const again = await fetch(`${url}/web/widget.js`, {
      headers: { 'If-None-Match': response.headers.get('etag') ?? '' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(script).toContain('Hỏi đáp về di cư an toàn');
    expect(script).not.toMatch(/innerHTML/);
    expect(again.status).toBe(304);
  });

  it('serves a Vietnamese demo page at / that embeds the widget', async () => {
    const url = await start();

    const page = await fetch(`${url}/`);
    const html = await page.text();

    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<script src="/web/widget.js" defer></script>');
  });
});
