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
