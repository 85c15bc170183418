/**
 * What the bot gateway's channels hand the API beyond plain text: a file with a caption, a
 * greeting, and (bug-for-bug with the bot) the release of an update whose replies could not be
 * sent, so that the next delivery gets them at once, and the word that they were delivered, so
 * that no later delivery gets them again.
 */
import type { BotEvent } from '@gcm/domain';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaq, createTopic } from '../support/knowledge-factories';
import { BOT_TOKEN, postEvent, textEvent, texts } from '../support/bot-factories';
import { signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

let updates = 0;
function fileEvent(chatId: string, fields: Partial<Extract<BotEvent, { type: 'file' }>> = {}) {
  return {
    channel: 'telegram',
    updateId: `file-${++updates}`,
    chatId,
    user: { id: chatId },
    type: 'file',
    fileRef: 'AgACAgIAAxkBAAIB',
    mimeType: 'image/jpeg',
    ...fields,
  } as BotEvent;
}

const release = (url: string, body: object, token = BOT_TOKEN) =>
  request(url)
    .post('/api/v1/bot/updates/release')
    .set('Authorization', `Bearer ${token}`)
    .send(body);

const redeliver = (url: string, body: object, token = BOT_TOKEN) =>
  request(url)
    .post('/api/v1/bot/updates/redeliver')
    .set('Authorization', `Bearer ${token}`)
    .send(body);

const claim = (url: string, channels: string[]) =>
  request(url)
    .post('/api/v1/bot/outbox/claim')
    .set('Authorization', `Bearer ${BOT_TOKEN}`)
    .send({ channels, limit: 50, leaseSeconds: 30 });

const delivered = (url: string, body: object, token = BOT_TOKEN) =>
  request(url)
    .post('/api/v1/bot/updates/delivered')
    .set('Authorization', `Bearer ${token}`)
    .send(body);

describe('bot updates: captions, greetings, releasing replies the bot could not send', () => {
  let t: TestApp;
  let editor: TestAgent;
  let coordinator: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN }, { dictionary: true });
    editor = (await signedInAs(t, 'editor')).agent;
    coordinator = (await signedInAs(t, 'coordinator')).agent;
    const topicId = await createTopic(editor, 'Đi làm việc ở nước ngoài');
    await createFaq(editor, topicId, {
      question: 'Dấu hiệu nhận biết mua bán người là gì?',
      answer: 'Hứa hẹn việc nhẹ lương cao, giữ giấy tờ tùy thân là dấu hiệu cần cảnh giác.',
    });
  });
  afterAll(() => t.close());

  async function transcriptOf(question: string): Promise<string[]> {
    const inbox = (
      await coordinator.get('/api/v1/assistant/handoffs').query({ status: 'open' }).expect(200)
    ).body.items;
    const item = inbox.find((i: { question: string }) => i.question === question);
    expect(item, `an inbox item for "${question}"`).toBeDefined();
    const messages = (
      await coordinator.get(`/api/v1/assistant/handoffs/${item.id}/messages`).expect(200)
    ).body.items;
    return messages
      .filter((m: { direction: string }) => m.direction === 'in')
      .map((m: { text: string }) => m.text);
  }

  it('shows a file with its name and caption in a conversation with staff', async () => {
    const question = 'Công ty môi giới này thu phí 5.000 đô có đúng không?';
    await postEvent(t.url, textEvent('f1', question)).expect(200);

    const res = await postEvent(
      t.url,
      fileEvent('f1', { fileName: 'hop-dong.jpg', caption: 'Đây là ảnh hợp đồng họ đưa tôi' }),
    ).expect(200);
    await postEvent(t.url, fileEvent('f1')).expect(200);

    expect(texts(res.body)[0]).toMatch(/^Đã ghi nhận/);
    expect(await transcriptOf(question)).toEqual([
      question,
      '[tệp: hop-dong.jpg] Đây là ảnh hợp đồng họ đưa tôi',
      '[tệp]',
    ]);
  });

  it('answers the caption of a photo sent outside a conversation with staff', async () => {
    const res = await postEvent(
      t.url,
      fileEvent('f2', { caption: 'dấu hiệu mua bán người là gì' }),
    ).expect(200);

    expect(texts(res.body)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
  });

  it('still says only text can be read for a photo without a caption', async () => {
    const res = await postEvent(t.url, fileEvent('f3')).expect(200);

    expect(texts(res.body)[0]).toMatch(/chỉ đọc được tin nhắn chữ/);
  });

  it('greets "xin chào" with the welcome and the menu, and opens nothing for staff', async () => {
    const res = await postEvent(t.url, textEvent('g1', 'xin chào')).expect(200);
    const next = await postEvent(t.url, textEvent('g1', 'dấu hiệu mua bán người')).expect(200);

    expect(texts(res.body)[0]).toMatch(/^Xin chào!/);
    expect(texts(next.body)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
    const [open] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM handoff_items WHERE question = 'xin chào'`,
    );
    expect(open.n).toBe(0);
  });

  it('hands the stored replies to the next delivery at once once the bot released the update', async () => {
    const event = textEvent('r1', 'dấu hiệu mua bán người', 'release-1');
    const first = (await postEvent(t.url, event).expect(200)).body;
    const soon = (await postEvent(t.url, event).expect(200)).body;

    await release(t.url, { channel: 'telegram', updateId: 'release-1' }).expect(204);
    const again = (await postEvent(t.url, event).expect(200)).body;
    const thenSoon = (await postEvent(t.url, event).expect(200)).body;

    expect(texts(first)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
    expect(soon).toEqual({ replies: [], duplicate: true, delivering: true });
    expect(again).toEqual({ replies: first.replies, duplicate: true, sentParts: 0 });
    // Handed out once: a delivery right after that one is a concurrent duplicate again.
    expect(thenSoon).toEqual({ replies: [], duplicate: true, delivering: true });
  });

  it('hands the next delivery, on any instance, how many messages of the replies went out', async () => {
    const event = textEvent('p1', 'dấu hiệu mua bán người', 'partial-1');
    const first = (await postEvent(t.url, event).expect(200)).body;

    await release(t.url, { channel: 'telegram', updateId: 'partial-1', sentParts: 2 }).expect(204);
    const again = (await postEvent(t.url, event).expect(200)).body;
    // A later failure that got less far does not lower the count.
    await release(t.url, { channel: 'telegram', updateId: 'partial-1', sentParts: 1 }).expect(204);
    const third = (await postEvent(t.url, event).expect(200)).body;

    expect(again).toEqual({ replies: first.replies, duplicate: true, sentParts: 2 });
    expect(third).toEqual({ replies: first.replies, duplicate: true, sentParts: 2 });
    const bad = await release(t.url, {
      channel: 'telegram',
      updateId: 'partial-1',
      sentParts: -1,
    }).expect(400);
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['sentParts']),
    );
  });

  it('queues the replies of an update answered to Zalo in the outbox, once, after the parts sent', async () => {
    const event = { ...textEvent('z-r1', 'dấu hiệu mua bán người', 'zr-1'), channel: 'zalo' };
    const first = (await postEvent(t.url, event as BotEvent).expect(200)).body;

    const before = Date.now();
    await redeliver(t.url, {
      channel: 'zalo',
      updateId: 'zr-1',
      sentParts: 1,
      retryAfterSeconds: 3,
    }).expect(204);
    const twice = await redeliver(t.url, { channel: 'zalo', updateId: 'zr-1', sentParts: 1 });
    const soon = (await claim(t.url, ['zalo']).expect(200)).body.items;
    let later: unknown[] = [];
    while (later.length === 0 && Date.now() - before < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      later = (await claim(t.url, ['zalo']).expect(200)).body.items;
    }
    const claimableAfter = Date.now() - before;
    const retried = (await postEvent(t.url, event as BotEvent).expect(200)).body;

    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'conflict' });
    // Not before the wait Zalo asked for.
    expect(soon).toEqual([]);
    expect(claimableAfter).toBeGreaterThanOrEqual(3_000);
    expect(later).toEqual([
      expect.objectContaining({
        kind: 'reply',
        channel: 'zalo',
        chatId: 'z-r1',
        replies: first.replies,
        sentParts: 1,
      }),
    ]);
    // The outbox has them now: a delivery of the update again sends nothing.
    expect(retried).toEqual({ replies: [], duplicate: true });
    await redeliver(t.url, { channel: 'zalo', updateId: 'never-seen', sentParts: 0 }).expect(404);
    const bad = await redeliver(t.url, { channel: 'zalo', updateId: 'zr-1' }).expect(400);
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['sentParts']),
    );
  });

  it('gives a delivered update nothing to send, and passes over updates never recorded', async () => {
    const event = textEvent('d1', 'dấu hiệu mua bán người', 'delivered-1');
    const first = (await postEvent(t.url, event).expect(200)).body;

    await delivered(t.url, {
      updates: [
        { channel: 'telegram', updateId: 'delivered-1' },
        { channel: 'telegram', updateId: 'never-seen' },
      ],
    }).expect(204);
    const soon = (await postEvent(t.url, event).expect(200)).body;
    // Another instance that failed to send them does not undo it.
    await release(t.url, { channel: 'telegram', updateId: 'delivered-1' }).expect(204);
    const afterRelease = (await postEvent(t.url, event).expect(200)).body;

    expect(texts(first)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
    expect(soon).toEqual({ replies: [], duplicate: true });
    expect(afterRelease).toEqual({ replies: [], duplicate: true });
    // Never handed out again, however late the next delivery comes.
    const [row] = await t.dataSource.query(
      `SELECT resend_after = 'infinity' AS never FROM bot_updates WHERE update_id = 'delivered-1'`,
    );
    expect(row.never).toBe(true);
  });

  it('refuses a bad list of delivered updates', async () => {
    const empty = await delivered(t.url, { updates: [] }).expect(400);
    expect(empty.body).toMatchObject({ code: 'validation_failed' });
    const bad = await delivered(t.url, { updates: [{ channel: 'fax', updateId: '' }] }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining([expect.stringContaining('channel')]),
    );
    await delivered(t.url, { updates: [{ channel: 'telegram', updateId: 'x' }] }, 'wrong').expect(
      401,
    );
  });

  it('answers 404 for an update it never recorded, and 400 or 401 for a bad request', async () => {
    const unknown = await release(t.url, { channel: 'telegram', updateId: 'never-seen' }).expect(
      404,
    );
    expect(unknown.body).toMatchObject({ code: 'not_found' });
    await release(t.url, { channel: 'zalo', updateId: 'release-1' }).expect(404);
    const bad = await release(t.url, { channel: 'fax', updateId: '' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['channel', 'updateId']),
    );
    await release(t.url, { channel: 'telegram', updateId: 'release-1' }, 'wrong').expect(401);
  });

  it('documents the route in the OpenAPI document', async () => {
    const doc = (await request(t.url).get('/api/docs/openapi.json').expect(200)).body;

    expect(doc.paths['/api/v1/bot/updates/release']?.post).toMatchObject({
      tags: ['bot'],
      responses: { '204': expect.anything(), '404': expect.anything() },
    });
    expect(doc.paths['/api/v1/bot/updates/redeliver']?.post).toMatchObject({
      tags: ['bot'],
      responses: { '204': expect.anything(), '404': expect.anything(), '409': expect.anything() },
    });
    expect(doc.paths['/api/v1/bot/updates/delivered']?.post).toMatchObject({
      tags: ['bot'],
      responses: { '204': expect.anything() },
    });
  });
});
