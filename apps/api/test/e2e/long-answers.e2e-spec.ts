import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionEvent,
  actions,
  BOT_TOKEN,
  postEvent,
  textEvent,
  texts,
} from '../support/bot-factories';
import { createFaq, createTopic } from '../support/knowledge-factories';
import { signedInAs, startTestApp, TestApp } from '../support/test-app';

/** A starter answer of 105 words: two sentences, then a third that "Xem thêm" gives. */
const CONDITIONS =
  'Người lao động phải **từ đủ 18 tuổi trở lên** (Điều 44 Luật số 69/2020/QH14), tự nguyện đi, ' +
  'đủ sức khỏe theo yêu cầu của Việt Nam và nước tiếp nhận, đáp ứng yêu cầu về ngoại ngữ, tay ' +
  'nghề của công việc, có giấy chứng nhận hoàn thành khóa bồi dưỡng kiến thức cần thiết, và không ' +
  'thuộc trường hợp bị cấm, bị tạm hoãn hoặc chưa được xuất cảnh. Mỗi nước, mỗi chương trình có ' +
  'thể đặt thêm điều kiện riêng (tuổi tối đa, giới tính, kinh nghiệm…); hãy hỏi doanh nghiệp có ' +
  'giấy phép và kiểm tra lại với Sở Nội vụ.';
const QUESTION = 'Người lao động cần điều kiện gì để đi làm việc ở nước ngoài theo hợp đồng?';

describe('long answers through the bot endpoint', () => {
  let t: TestApp;
  let faqId: string;
  let markedId: string;
  let topicId: string;

  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN });
    const { agent: editor } = await signedInAs(t, 'editor');
    topicId = await createTopic(editor, 'Đi làm việc ở nước ngoài');
    faqId = (await createFaq(editor, topicId, { question: QUESTION, answer: CONDITIONS })).id;
    markedId = (
      await createFaq(editor, topicId, {
        question: 'Hộ chiếu có thời hạn bao lâu?',
        answer:
          'Hộ chiếu phổ thông có thời hạn **10 năm**.\n<!-- more -->\n' +
          'Người chưa đủ 14 tuổi được cấp hộ chiếu có thời hạn 5 năm.',
      })
    ).id;
  });
  afterAll(() => t.close());

  it('sends a long answer as its first part with "Xem thêm"; the button gives the rest, and 👍/👎 still count', async () => {
    const res = (
      await postEvent(
        t.url,
        textEvent('long-1', 'điều kiện để đi làm việc ở nước ngoài theo hợp đồng'),
      ).expect(200)
    ).body;
    const [first] = texts(res);
    expect(first).toContain(`**${QUESTION}**`);
    expect(first).toContain('chưa được xuất cảnh.\n\nCâu trả lời này có hữu ích không?');
    expect(first).not.toContain('Mỗi nước');
    expect(res.replies[0].buttons[0]).toEqual([{ label: 'Xem thêm', action: `more:${faqId}` }]);
    expect(actions(res)).toEqual([
      `more:${faqId}`,
      `fb:up:${faqId}`,
      `fb:down:${faqId}`,
      'handoff',
    ]);

    const more = (await postEvent(t.url, actionEvent('long-1', `more:${faqId}`)).expect(200)).body;
    expect(texts(more)).toEqual([
      'Mỗi nước, mỗi chương trình có thể đặt thêm điều kiện riêng (tuổi tối đa, giới tính, kinh ' +
        'nghiệm…); hãy hỏi doanh nghiệp có giấy phép và kiểm tra lại với Sở Nội vụ.\n\n' +
        'Câu trả lời này có hữu ích không?',
    ]);
    expect(actions(more)).toEqual([`fb:up:${faqId}`, `fb:down:${faqId}`, 'handoff']);

    const thanks = (await postEvent(t.url, actionEvent('long-1', `fb:up:${faqId}`)).expect(200))
      .body;
    expect(texts(thanks)[0]).toMatch(/^Cảm ơn bạn/);
    const [row] = await t.dataSource.query(`SELECT useful FROM answer_feedback WHERE faq_id = $1`, [
      faqId,
    ]);
    expect(row.useful).toBe(true);
  });

  it('cuts where the editor wrote <!-- more -->, and never shows the marker', async () => {
    const res = (await postEvent(t.url, actionEvent('long-2', `faq:${markedId}`)).expect(200)).body;
    expect(texts(res)[0]).toBe(
      '**Hộ chiếu có thời hạn bao lâu?**\n\nHộ chiếu phổ thông có thời hạn **10 năm**.\n\n' +
        'Câu trả lời này có hữu ích không?',
    );
    const more = (await postEvent(t.url, actionEvent('long-2', `more:${markedId}`)).expect(200))
      .body;
    expect(texts(more)[0]).toMatch(/^Người chưa đủ 14 tuổi được cấp hộ chiếu có thời hạn 5 năm\./);
    expect(JSON.stringify([res, more])).not.toContain('<!--');
  });

  it('lists a long question whole in the topic, with a short numbered button', async () => {
    const res = (await postEvent(t.url, actionEvent('long-3', `topic:${topicId}`)).expect(200))
      .body;
    expect(texts(res)[0]).toContain(`. ${QUESTION}`);
    const labels: string[] = res.replies[0].buttons.flat().map((b: { label: string }) => b.label);
    expect(labels.every((label) => [...label].length <= 40)).toBe(true);
    expect(labels).toContain('1. Hộ chiếu có thời hạn bao lâu?');
    expect(labels.some((label) => /^\d\. Người lao động cần điều kiện gì.*…$/.test(label))).toBe(
      true,
    );
  });

  it('puts each question whole on its button on the web chat, whose buttons wrap', async () => {
    const web = { ...actionEvent('long-web', `topic:${topicId}`), channel: 'web' as const };
    const res = (await postEvent(t.url, web).expect(200)).body;
    expect(texts(res)[0]).toBe('Các câu hỏi thường gặp về chủ đề này:');
    const labels: string[] = res.replies[0].buttons.flat().map((b: { label: string }) => b.label);
    expect(labels).toContain(QUESTION);
  });

  it('answers a stale "Xem thêm" with the list again, never an error', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const res = (await postEvent(t.url, actionEvent('long-4', `more:${ghost}`)).expect(200)).body;
    expect(texts(res)[0]).toMatch(/^Lựa chọn này không còn nữa/);
  });
});
