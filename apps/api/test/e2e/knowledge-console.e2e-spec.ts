import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionLogEntity } from '../../src/modules/assistant/question-log.entity';
import { HandoffItemEntity } from '../../src/modules/assistant/handoff-item.entity';
import { createFaq, createTopic } from '../support/knowledge-factories';
import { signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

/** What the console's knowledge screens need beyond the bot's own routes. */
describe('knowledge screens in the console', () => {
  let t: TestApp;
  let editor: TestAgent;
  let viewer: TestAgent;
  let passport: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT: '1000' }, { dictionary: true });
    editor = (await signedInAs(t, 'editor')).agent;
    viewer = (await signedInAs(t, 'viewer')).agent;
    const papers = await createTopic(editor, 'Giấy tờ');
    passport = (
      await createFaq(editor, papers, {
        question: 'Bị mất hộ chiếu ở nước ngoài thì phải làm gì?',
        answer: 'Báo ngay cho cơ quan đại diện Việt Nam nơi bạn ở để được cấp giấy tờ thay thế.',
      })
    ).id;
    await createFaq(editor, papers, {
      question: 'Làm căn cước công dân ở đâu?',
      answer: 'Đến công an cấp xã hoặc cấp huyện nơi bạn cư trú, mang theo giấy tờ cần thiết.',
    });
  });
  afterAll(() => t.close());

  it('finds FAQs typed without diacritics in the list search', async () => {
    const res = await viewer
      .get('/api/v1/knowledge/faqs')
      .query({ search: 'ho chieu' })
      .expect(200);
    expect(res.body.items.map((f: { id: string }) => f.id)).toEqual([passport]);
  });

  it('ranks a search by the bot’s matcher: best match first, other word orders and abbreviations too', async () => {
    // Drafts (editors search them too), so that the viewer's lists in other tests stay as they are.
    const papers = await createTopic(editor, 'Hộ chiếu và thị thực');
    const general = (
      await createFaq(editor, papers, {
        question: 'Hộ chiếu phổ thông là gì?',
        answer: 'Là giấy tờ để công dân Việt Nam xuất cảnh, nhập cảnh, có giá trị 10 năm.',
        status: 'draft',
      })
    ).id;
    const renewal = (
      await createFaq(editor, papers, {
        question: 'Đang làm việc ở Hàn Quốc mà hộ chiếu sắp hết hạn thì gia hạn thế nào?',
        answer: 'Nộp hồ sơ tại Đại sứ quán Việt Nam ở Seoul, kèm ảnh và hộ chiếu cũ.',
        status: 'draft',
      })
    ).id;
    const found = async (search: string) =>
      (
        await editor.get('/api/v1/knowledge/faqs').query({ search, pageSize: 100 }).expect(200)
      ).body.items.map((f: { id: string }) => f.id) as string[];

    // Newest first without a search; with one, the closest first, every "hộ chiếu" FAQ found.
    const ranked = await found('ho chieu la gi');
    expect(ranked[0]).toBe(general);
    expect(await found('ho chieu')).toEqual(expect.arrayContaining([general, renewal, passport]));
    expect((await found('ho chieu het han gia han'))[0]).toBe(renewal);
    // Another word order than the question's, and the dictionary's abbreviation, as the bot reads them.
    expect((await found('gia han ho chieu han quoc'))[0]).toBe(renewal);
    expect(await found('gia han hc')).toContain(renewal);
    // Other filters still apply, and the total counts what the search found.
    const res = await editor
      .get('/api/v1/knowledge/faqs')
      .query({ search: 'ho chieu het han', pageSize: 1, topicId: papers })
      .expect(200);
    expect(res.body).toMatchObject({ total: 1, items: [{ id: renewal }] });
  });

  it('sorts the list by question or topic, and refuses an unknown order', async () => {
    const questions = async (sort: string) =>
      (await viewer.get('/api/v1/knowledge/faqs').query({ sort }).expect(200)).body.items.map(
        (f: { question: string }) => f.question,
      );

    expect(await questions('question')).toEqual([
      'Bị mất hộ chiếu ở nước ngoài thì phải làm gì?',
      'Làm căn cước công dân ở đâu?',
    ]);
    expect((await questions('updated_asc'))[0]).toBe(
      'Bị mất hộ chiếu ở nước ngoài thì phải làm gì?',
    );
    expect((await questions('updated_desc'))[0]).toBe('Làm căn cước công dân ở đâu?');
    await viewer.get('/api/v1/knowledge/faqs').query({ sort: 'random' }).expect(400);
  });

  it('keeps a review day and lists the FAQs whose review day has passed', async () => {
    const overdue = async () =>
      (
        await editor.get('/api/v1/knowledge/faqs').query({ reviewOverdue: true }).expect(200)
      ).body.items.map((f: { id: string }) => f.id);
    expect(await overdue()).toEqual([]);

    const saved = await editor
      .patch(`/api/v1/knowledge/faqs/${passport}`)
      .send({ reviewDueOn: '2020-01-31' })
      .expect(200);
    expect(saved.body.reviewDueOn).toBe('2020-01-31');
    expect(await overdue()).toEqual([passport]);

    await editor
      .patch(`/api/v1/knowledge/faqs/${passport}`)
      .send({ reviewDueOn: '2999-12-31' })
      .expect(200);
    expect(await overdue()).toEqual([]);
    await editor
      .patch(`/api/v1/knowledge/faqs/${passport}`)
      .send({ reviewDueOn: '31/12/2999' })
      .expect(400);
  });

  describe('POST /assistant/explain', () => {
    const count = async (entity: typeof QuestionLogEntity | typeof HandoffItemEntity) =>
      t.dataSource.getRepository(entity).count();

    it('says what the bot would answer, with the closest FAQs, and logs nothing', async () => {
      const [logged, handoffs] = [await count(QuestionLogEntity), await count(HandoffItemEntity)];
      const res = (
        await viewer
          .post('/api/v1/assistant/explain')
          .send({ text: 'mat ho chieu o nuoc ngoai phai lam sao' })
          .expect(200)
      ).body;
      expect(res).toMatchObject({ status: 'answered', faq: { id: passport }, inField: true });
      expect(res.faq.answerHtml).toContain('cơ quan đại diện');
      expect(res.nearest[0]).toMatchObject({ id: passport, confidence: expect.any(Number) });
      expect(res.nearest[0].question).toBe('Bị mất hộ chiếu ở nước ngoài thì phải làm gì?');

      const none = (
        await editor
          .post('/api/v1/assistant/explain')
          .send({ text: 'Đi làm việc ở nước ngoài cần đóng bảo hiểm xã hội không?' })
          .expect(200)
      ).body;
      expect(none).toMatchObject({ status: 'no_answer', inField: true });
      expect(none.handoffId).toBeUndefined();
      expect(Array.isArray(none.nearest)).toBe(true);

      expect(await count(QuestionLogEntity)).toBe(logged);
      expect(await count(HandoffItemEntity)).toBe(handoffs);
    });

    it('is for signed-in staff only and checks the text like ask', async () => {
      await request(t.url).post('/api/v1/assistant/explain').send({ text: 'hộ chiếu' }).expect(401);
      await viewer.post('/api/v1/assistant/explain').send({ text: '   ' }).expect(400);
    });
  });
});
