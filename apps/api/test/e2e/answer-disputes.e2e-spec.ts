import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionEvent, actions, BOT_TOKEN, postEvent, textEvent } from '../support/bot-factories';
import { ask, createFaq, createTopic } from '../support/knowledge-factories';
import { signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

const PASSPORT = 'Làm hộ chiếu phổ thông ở đâu?';
const LOST = 'Bị mất hộ chiếu thì phải làm gì?';

/**
 * Learning from use: a 👎 on a direct answer keeps that FAQ from being given again, directly,
 * for the same question; it is offered among the choices instead, until staff edit the FAQ.
 */
describe('answers people disputed with 👎', () => {
  let t: TestApp;
  let editor: TestAgent;
  let passportId: string;
  let lostId: string;

  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN });
    editor = (await signedInAs(t, 'editor')).agent;
    const topicId = await createTopic(editor, 'Hộ chiếu');
    passportId = (
      await createFaq(editor, topicId, {
        question: PASSPORT,
        answer:
          'Nộp hồ sơ tại Phòng Quản lý xuất nhập cảnh Công an tỉnh hoặc trên Cổng dịch vụ công.',
      })
    ).id;
    lostId = (
      await createFaq(editor, topicId, {
        question: LOST,
        answer: 'Báo mất tại cơ quan công an gần nhất, rồi làm thủ tục cấp lại hộ chiếu.',
      })
    ).id;
  });
  afterAll(() => t.close());

  const askInChat = async (chatId: string, text: string) =>
    actions((await postEvent(t.url, textEvent(chatId, text)).expect(200)).body);

  it('offers a 👎 answer as a choice to the next person asking the same, until the FAQ is edited', async () => {
    expect(await askInChat('dispute-1', PASSPORT)).toContain(`fb:down:${passportId}`);
    await postEvent(t.url, actionEvent('dispute-1', `fb:down:${passportId}`)).expect(200);

    // Someone else, the same question typed another way (same words once normalised).
    const next = await askInChat('dispute-2', 'làm hộ chiếu phổ thông ở đâu');
    expect(next).not.toContain(`fb:down:${passportId}`);
    expect(next[0]).toBe(`pick:${passportId}`);
    expect(next).toContain('handoff');
    const asked = (await ask(editor, PASSPORT).expect(200)).body;
    expect(asked).toMatchObject({ status: 'ambiguous', disputed: true });
    expect(asked.suggestions[0].id).toBe(passportId);

    // Other questions, and other FAQs, are answered as before.
    expect(await askInChat('dispute-3', LOST)).toContain(`fb:down:${lostId}`);

    // Staff rewrite the answer: people judge the new one afresh.
    await editor
      .patch(`/api/v1/knowledge/faqs/${passportId}`)
      .send({
        answer:
          'Nộp hồ sơ tại Phòng Quản lý xuất nhập cảnh Công an tỉnh, hoặc trực tuyến trên Cổng dịch vụ công quốc gia với tài khoản VNeID.',
      })
      .expect(200);
    expect((await ask(editor, PASSPORT).expect(200)).body).toMatchObject({
      status: 'answered',
      faq: { id: passportId },
    });
    expect((await ask(editor, PASSPORT).expect(200)).body.disputed).toBeUndefined();
  });

  it('lets a later 👍 on the same direct answer settle it; a 👎 on a chosen answer disputes nothing', async () => {
    const question = 'mất hộ chiếu thì phải làm gì';
    expect(await askInChat('dispute-6', question)).toContain(`fb:up:${lostId}`);
    expect(await askInChat('dispute-4', question)).toContain(`fb:down:${lostId}`);
    await postEvent(t.url, actionEvent('dispute-4', `fb:down:${lostId}`)).expect(200);
    expect((await ask(editor, question).expect(200)).body.status).toBe('ambiguous');

    // Someone who got it directly before says it helped: the latest verdict wins.
    await postEvent(t.url, actionEvent('dispute-6', `fb:up:${lostId}`)).expect(200);
    expect((await ask(editor, question).expect(200)).body).toMatchObject({
      status: 'answered',
      faq: { id: lostId },
    });

    // The first person says 👎 again: disputed again. A 👎 after picking it among the choices
    // judges the choice, not a direct answer: it is not tied to a question.
    await postEvent(t.url, actionEvent('dispute-4', `fb:down:${lostId}`)).expect(200);
    const picked = await askInChat('dispute-5', question);
    expect(picked[0]).toBe(`pick:${lostId}`);
    await postEvent(t.url, actionEvent('dispute-5', picked[0])).expect(200);
    await postEvent(t.url, actionEvent('dispute-5', `fb:down:${lostId}`)).expect(200);
    const [verdict] = await t.dataSource.query(
      `SELECT f.question_log_id FROM answer_feedback f JOIN conversations c ON c.id = f.conversation_id
       WHERE c.chat_id = 'dispute-5'`,
    );
    expect(verdict.question_log_id).toBeNull();
  });
});
