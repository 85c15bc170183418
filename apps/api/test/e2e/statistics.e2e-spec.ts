import { localIsoDateOf } from '@gcm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEmergencyRoute } from '../../src/modules/knowledge/emergency-route';
import { createFaq, createTopic } from '../support/knowledge-factories';
import { createUnit, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

/**
 * The dashboard's statistics and the question log's filters, over rows written at known
 * instants, several of them just either side of midnight in Vietnam (17:00 UTC).
 */
describe('question statistics and the question log', () => {
  let t: TestApp;
  let viewer: TestAgent;
  let coordinator: TestAgent;
  let editor: TestAgent;
  const ids: Record<string, string> = {};

  async function conversation(channel: string, chatId: string): Promise<string> {
    const [row] = await t.dataSource.query(
      `INSERT INTO conversations (channel, chat_id, user_id) VALUES ($1, $2, $2) RETURNING id`,
      [channel, chatId],
    );
    return row.id;
  }

  async function question(fields: {
    at: string;
    channel: string;
    status: 'answered' | 'ambiguous' | 'no_answer';
    text: string;
    normalised: string;
    conversationId?: string;
    faqId?: string;
    suggestions?: string[];
  }): Promise<string> {
    const [row] = await t.dataSource.query(
      `INSERT INTO question_log (channel, text, normalised, locale, status, confidence, faq_id,
         suggestions, conversation_id, created_at)
       VALUES ($1, $2, $3, 'vi', $4, 0.5, $5, $6, $7, $8) RETURNING id`,
      [
        fields.channel,
        fields.text,
        fields.normalised,
        fields.status,
        fields.faqId ?? null,
        JSON.stringify((fields.suggestions ?? []).map((id) => ({ id, confidence: 0.4 }))),
        fields.conversationId ?? null,
        fields.at,
      ],
    );
    return row.id;
  }

  async function feedback(conversationId: string, faqId: string, useful: boolean, at: string) {
    await t.dataSource.query(
      `INSERT INTO answer_feedback (conversation_id, faq_id, useful, created_at) VALUES ($1, $2, $3, $4)`,
      [conversationId, faqId, useful, at],
    );
  }

  async function handoff(status: string, at: Date) {
    await t.dataSource.query(
      `INSERT INTO handoff_items (channel, question, status, created_at) VALUES ('api', 'Câu hỏi', $1, $2)`,
      [status, at.toISOString()],
    );
  }

  const HOUR = 3600_000;
  let inboxOldest: Date;

  beforeAll(async () => {
    t = await startTestApp();
    editor = (await signedInAs(t, 'editor')).agent;
    viewer = (await signedInAs(t, 'viewer')).agent;
    coordinator = (await signedInAs(t, 'coordinator')).agent;
    const topic = await createTopic(editor, 'Hộ chiếu');
    const faq = (await createFaq(editor, topic, {
      question: 'Làm hộ chiếu ở đâu?',
      answer: 'Tại Công an tỉnh hoặc trên Cổng dịch vụ công.',
    })) as { id: string };
    const telegram = await conversation('telegram', 't-1');
    const zalo = await conversation('zalo', 'z-1');

    // 23:59 on 31/10 in Vietnam: before the period.
    await question({
      at: '2026-10-31T16:59:00Z',
      channel: 'telegram',
      status: 'answered',
      text: 'Trước kỳ',
      normalised: 'truoc ky',
      conversationId: telegram,
      faqId: faq.id,
    });
    // 23:59 on 02/11 in Vietnam.
    ids.answered = await question({
      at: '2026-11-02T16:59:00Z',
      channel: 'telegram',
      status: 'answered',
      text: 'Làm hộ chiếu ở đâu?',
      normalised: 'lam ho chieu o dau',
      conversationId: telegram,
      faqId: faq.id,
    });
    // 00:00 on 03/11 in Vietnam.
    ids.telegramNoAnswer = await question({
      at: '2026-11-02T17:00:00Z',
      channel: 'telegram',
      status: 'no_answer',
      text: 'Giá vé xe buýt?',
      normalised: 'giá vé xe buýt?',
      conversationId: telegram,
    });
    ids.zaloNoAnswer = await question({
      at: '2026-11-03T03:00:00Z',
      channel: 'zalo',
      status: 'no_answer',
      text: 'giá vé xe buýt',
      normalised: 'giá vé xe buýt',
      conversationId: zalo,
    });
    ids.ambiguous = await question({
      at: '2026-11-04T10:00:00Z',
      channel: 'web',
      status: 'ambiguous',
      text: 'hộ chiếu',
      normalised: 'ho chieu',
      faqId: faq.id,
      suggestions: [faq.id],
    });
    // 23:30 on 07/11 in Vietnam: the period's last day.
    ids.apiNoAnswer = await question({
      at: '2026-11-07T16:30:00Z',
      channel: 'api',
      status: 'no_answer',
      text: 'Thủ tục làm visa Hàn Quốc?',
      normalised: 'thu tuc lam visa han quoc',
    });
    // 00:00 on 08/11 in Vietnam: after the period.
    await question({
      at: '2026-11-07T17:00:00Z',
      channel: 'api',
      status: 'no_answer',
      text: 'Sau kỳ',
      normalised: 'sau ky',
    });

    // 👎 on the answer of 02/11, 30 s later (still 02/11 in Vietnam), before the next question.
    await feedback(telegram, faq.id, false, '2026-11-02T16:59:30Z');
    // 00:00 on 01/11 in Vietnam: the period's first instant.
    await feedback(telegram, faq.id, true, '2026-10-31T17:00:00Z');
    await feedback(zalo, faq.id, true, '2026-11-05T01:00:00Z');
    // 00:00 on 08/11 in Vietnam: after the period.
    await feedback(zalo, faq.id, false, '2026-11-07T17:00:00Z');

    inboxOldest = new Date(Date.now() - (3 * HOUR + 12 * 60_000));
    await handoff('open', inboxOldest);
    await handoff('open', new Date(Date.now() - HOUR));
    await handoff('answered', new Date('2026-01-01T00:00:00Z'));
    await handoff('closed', new Date('2026-01-01T00:00:00Z'));
  });
  afterAll(() => t.close());

  const NOVEMBER = { from: '2026-11-01', to: '2026-11-07' };
  const channels = (counts: Partial<Record<string, number>>) => ({
    telegram: 0,
    zalo: 0,
    web: 0,
    api: 0,
    ...counts,
  });

  it('counts questions per Vietnam day and channel, and their outcomes', async () => {
    const body = (await viewer.get('/api/v1/statistics/questions').query(NOVEMBER).expect(200))
      .body;

    expect(body).toMatchObject({ ...NOVEMBER, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(body.days).toEqual([
      { date: '2026-11-01', total: 0, byChannel: channels({}) },
      { date: '2026-11-02', total: 1, byChannel: channels({ telegram: 1 }) },
      { date: '2026-11-03', total: 2, byChannel: channels({ telegram: 1, zalo: 1 }) },
      { date: '2026-11-04', total: 1, byChannel: channels({ web: 1 }) },
      { date: '2026-11-05', total: 0, byChannel: channels({}) },
      { date: '2026-11-06', total: 0, byChannel: channels({}) },
      { date: '2026-11-07', total: 1, byChannel: channels({ api: 1 }) },
    ]);
    expect(body.outcomes).toEqual({ answered: 1, ambiguous: 1, no_answer: 3, total: 5 });
  });

  it('counts 👍 and 👎 given in the period and the share of 👍', async () => {
    const body = (await viewer.get('/api/v1/statistics/questions').query(NOVEMBER).expect(200))
      .body;

    expect(body.feedback).toEqual({ useful: 2, notUseful: 1, usefulRate: 0.667 });
  });

  it('lists the unanswered questions most asked, grouped by their text without accents', async () => {
    const body = (await viewer.get('/api/v1/statistics/questions').query(NOVEMBER).expect(200))
      .body;

    expect(body.topUnanswered).toEqual([
      { text: 'giá vé xe buýt', count: 2, lastAskedAt: '2026-11-03T03:00:00.000Z' },
      { text: 'Thủ tục làm visa Hàn Quốc?', count: 1, lastAskedAt: '2026-11-07T16:30:00.000Z' },
    ]);
  });

  it('gives the open inbox items and how long the oldest has waited, whatever the period', async () => {
    const body = (
      await viewer
        .get('/api/v1/statistics/questions')
        .query({ from: '2020-01-01', to: '2020-01-31' })
        .expect(200)
    ).body;

    expect(body.outcomes.total).toBe(0);
    expect(body.inbox.open).toBe(2);
    expect(body.inbox.oldestOpenAt).toBe(inboxOldest.toISOString());
    const expectedAge = (Date.now() - inboxOldest.getTime()) / 1000;
    expect(body.inbox.oldestOpenAgeSeconds).toBeGreaterThanOrEqual(3 * 3600 + 12 * 60);
    expect(body.inbox.oldestOpenAgeSeconds).toBeLessThanOrEqual(expectedAge + 1);
  });

  it('asks staff for a citizen-protection hotline whenever the emergency route names none', async () => {
    const route = async () =>
      (await viewer.get('/api/v1/statistics/questions').expect(200)).body.emergencyRoute;
    // No route yet: the bot gives its own sentence, and there is nothing for staff to edit.
    expect(await route()).toEqual({ articleId: null, namesHotline: false });

    await seedEmergencyRoute(t.dataSource.manager);
    const [{ id, body }] = await t.dataSource.query(
      `SELECT id, body FROM articles WHERE key = 'emergency-route'`,
    );
    // As seeded: 113, the foreign ministry's hotline and the missions abroad.
    expect(body).toContain('**+84 981 84 84 84**');
    expect(await route()).toEqual({ articleId: id, namesHotline: true });

    // Edited down to 113 (as on an installation from before the seed named the hotline).
    await editor
      .patch(`/api/v1/knowledge/articles/${id}`)
      .send({ body: 'Gọi **113**; ở nước ngoài báo Đại sứ quán Việt Nam gần nhất.' })
      .expect(200);
    expect(await route()).toEqual({ articleId: id, namesHotline: false });

    await editor
      .patch(`/api/v1/knowledge/articles/${id}`)
      .send({
        body: 'Gọi **113**; ở nước ngoài gọi đường dây nóng bảo hộ công dân **+84 24 0000 0000**.',
      })
      .expect(200);
    expect(await route()).toEqual({ articleId: id, namesHotline: true });

    await editor.patch(`/api/v1/knowledge/articles/${id}`).send({ status: 'archived' }).expect(200);
    expect(await route()).toEqual({ articleId: null, namesHotline: false });
  });

  it('covers the last 7 days up to today in Vietnam when no period is given', async () => {
    const body = (await coordinator.get('/api/v1/statistics/questions').expect(200)).body;

    expect(body.to).toBe(localIsoDateOf(new Date()));
    expect(body.days).toHaveLength(7);
    expect(body.days.at(-1).date).toBe(localIsoDateOf(new Date()));
  });

  it('refuses a period that ends before it starts, is too long or is not a day', async () => {
    for (const query of [
      { from: '2026-11-08', to: '2026-11-01' },
      { from: '2020-01-01', to: '2026-11-01' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '01/11/2026' },
    ]) {
      const res = await viewer.get('/api/v1/statistics/questions').query(query).expect(400);
      expect(res.body.code, JSON.stringify(query)).toBe('validation_failed');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['from']);
    }
  });

  it('lets only the roles that read the question log see the statistics', async () => {
    const unit = await createUnit(t, { kind: 'province' });
    const reporter = (await signedInAs(t, 'unit_reporter', { unitId: unit.id })).agent;
    await reporter.get('/api/v1/statistics/questions').expect(403);
    await t.http.get('/api/v1/statistics/questions').expect(401);
    for (const role of ['admin', 'editor'] as const) {
      await (await signedInAs(t, role)).agent.get('/api/v1/statistics/questions').expect(200);
    }
  });

  describe('question log filters', () => {
    const list = async (query: Record<string, string>) =>
      (await viewer.get('/api/v1/assistant/questions').query(query).expect(200)).body;

    it('finds the answers given a 👎, with the feedback on each row', async () => {
      const body = await list({ feedback: 'not_useful' });

      expect(body.total).toBe(1);
      expect(body.items).toEqual([
        expect.objectContaining({ id: ids.answered, feedback: 'not_useful', channel: 'telegram' }),
      ]);
      const all = await list({ ...NOVEMBER, pageSize: '50' });
      const byId = new Map(all.items.map((q: { id: string }) => [q.id, q]));
      expect(byId.get(ids.zaloNoAnswer)).toMatchObject({ feedback: null });
    });

    it('filters by outcome, channel and Vietnam days, newest first', async () => {
      expect((await list({ status: 'no_answer', channel: 'telegram' })).items).toEqual([
        expect.objectContaining({ id: ids.telegramNoAnswer }),
      ]);
      const third = await list({ from: '2026-11-03', to: '2026-11-03' });
      expect(third.items.map((q: { id: string }) => q.id)).toEqual([
        ids.zaloNoAnswer,
        ids.telegramNoAnswer,
      ]);
      const period = await list({ ...NOVEMBER, status: 'no_answer', pageSize: '2', page: '2' });
      expect(period.total).toBe(3);
      expect(period.items.map((q: { id: string }) => q.id)).toEqual([ids.telegramNoAnswer]);
    });

    it('refuses an unknown channel or feedback and a period that ends before it starts', async () => {
      for (const query of [
        { channel: 'sms' },
        { feedback: 'meh' },
        { from: '2026-11-08', to: '2026-11-01' },
      ]) {
        const res = await viewer.get('/api/v1/assistant/questions').query(query).expect(400);
        expect(res.body.code).toBe('validation_failed');
      }
    });

    it('is closed to unit reporters', async () => {
      const unit = await createUnit(t, { kind: 'province' });
      const reporter = (await signedInAs(t, 'unit_reporter', { unitId: unit.id })).agent;
      await reporter.get('/api/v1/assistant/questions').expect(403);
    });
  });
});
