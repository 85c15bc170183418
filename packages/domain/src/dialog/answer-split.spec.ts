import { describe, expect, it } from 'vitest';
import { buttonLabel, MORE_MARKER, splitAnswer, wholeAnswer } from './answer-split';
import { INITIAL_STATE } from './conversation-state';
import { Action, interpret } from './intent';
import { answerReplies, faqReplies, moreReplies, topicReplies } from './replies';
import type { TextReply } from '../messages/bot-message';

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A starter answer of 105 words: one paragraph, sentences with a law's number in brackets. */
const CONDITIONS =
  'Người lao động phải **từ đủ 18 tuổi trở lên** (Điều 44 Luật số 69/2020/QH14), tự nguyện đi, ' +
  'đủ sức khỏe theo yêu cầu của Việt Nam và nước tiếp nhận, đáp ứng yêu cầu về ngoại ngữ, tay ' +
  'nghề của công việc, có giấy chứng nhận hoàn thành khóa bồi dưỡng kiến thức cần thiết, và không ' +
  'thuộc trường hợp bị cấm, bị tạm hoãn hoặc chưa được xuất cảnh. Mỗi nước, mỗi chương trình có ' +
  'thể đặt thêm điều kiện riêng (tuổi tối đa, giới tính, kinh nghiệm…); hãy hỏi doanh nghiệp có ' +
  'giấy phép và kiểm tra lại với Sở Nội vụ.';

/** A starter answer with a list and a closing paragraph. */
const PLAN =
  'Việt Nam ủng hộ Thỏa thuận GCM. Thủ tướng Chính phủ đã ban hành Kế hoạch triển khai Thỏa ' +
  'thuận (Quyết định số 402/QĐ-TTg ngày 20/3/2020); các bộ, ngành, địa phương dựa vào đó lập kế ' +
  'hoạch riêng. Các nhóm việc chính:\n- tuyên truyền, cung cấp thông tin về di cư hợp pháp, an ' +
  'toàn;\n- hoàn thiện chính sách, pháp luật về di cư;\n- nắm tình hình, số liệu di cư, giữ an ' +
  'ninh, trật tự;\n- hợp tác quốc tế, bảo vệ quyền của người di cư.\n\nĐịa phương bạn làm cụ thể ' +
  'những gì, hãy hỏi Ủy ban nhân dân xã/phường.';

describe('splitAnswer', () => {
  it('sends an answer of 80 words or fewer whole', () => {
    const short = 'Hộ chiếu phổ thông cấp cho người từ đủ 14 tuổi có thời hạn 10 năm. '
      .repeat(5)
      .trim();
    expect(words(short)).toBeLessThanOrEqual(80);
    expect(splitAnswer(short)).toEqual({ first: short });
  });

  it('cuts a long answer after a whole sentence, within 80 words, losing nothing', () => {
    const { first, rest } = splitAnswer(CONDITIONS);
    expect(first.endsWith('chưa được xuất cảnh.')).toBe(true);
    expect(rest?.startsWith('Mỗi nước, mỗi chương trình')).toBe(true);
    expect(words(first)).toBeLessThanOrEqual(80);
    expect(`${first} ${rest}`).toBe(CONDITIONS);
  });

  it('prefers the end of a list item or paragraph, and never after "…chính:"', () => {
    const { first, rest } = splitAnswer(PLAN);
    expect(words(first)).toBeLessThanOrEqual(80);
    expect(first.endsWith('giữ an ninh, trật tự;')).toBe(true);
    expect(rest).toBe(
      '- hợp tác quốc tế, bảo vệ quyền của người di cư.\n\n' +
        'Địa phương bạn làm cụ thể những gì, hãy hỏi Ủy ban nhân dân xã/phường.',
    );
    // A cap so low that only the first sentences fit: not cut before the list it announces.
    expect(splitAnswer(PLAN, 45).first.endsWith('lập kế hoạch riêng.')).toBe(true);
  });

  it('does not cut inside bold, a link or a number like "402/QĐ-TTg. "', () => {
    const bold = `**${'Đi làm việc ở nước ngoài theo hợp đồng. '.repeat(12).trim()}** Hết.`;
    expect(splitAnswer(bold)).toEqual({ first: bold });
    const link =
      'Xem thêm tại [Cổng dịch vụ công. Bộ Ngoại giao. Cục Lãnh sự](https://dichvucong.gov.vn/a.b). ' +
      'Hồ sơ nộp trực tuyến. '.repeat(25).trim();
    const { first } = splitAnswer(link);
    expect(first.includes('[') === first.includes('](https://dichvucong.gov.vn/a.b)')).toBe(true);
  });

  it('sends one long sentence whole rather than cut it', () => {
    const sentence = `Bạn ${'cần chuẩn bị giấy tờ, '.repeat(30)}rồi nộp.`;
    expect(splitAnswer(sentence)).toEqual({ first: sentence });
  });

  it('cuts where staff put <!-- more -->, whatever the length, without showing the marker', () => {
    const marked = `Ngắn gọn trước.\n${MORE_MARKER}\nPhần chi tiết sau.`;
    expect(splitAnswer(marked)).toEqual({ first: 'Ngắn gọn trước.', rest: 'Phần chi tiết sau.' });
    expect(splitAnswer(`Chỉ một phần.\n<!--more-->`)).toEqual({ first: 'Chỉ một phần.' });
    expect(wholeAnswer(marked)).toBe('Ngắn gọn trước.\n\nPhần chi tiết sau.');
  });
});

describe('the answer with "Xem thêm"', () => {
  const faq = {
    id: '11111111-1111-4111-8111-111111111111',
    question: 'Điều kiện?',
    answer: CONDITIONS,
  };

  it('sends the first part with "Xem thêm", the feedback buttons and "Gặp cán bộ"', () => {
    const [reply] = faqReplies('vi', faq) as TextReply[];
    expect(reply?.text).toContain('chưa được xuất cảnh.');
    expect(reply?.text).not.toContain('Mỗi nước');
    const labels = reply?.buttons?.map((row) => row.map((b) => b.label));
    expect(labels).toEqual([['Xem thêm'], ['👍 Có', '👎 Không'], ['Gặp cán bộ']]);
    const more = reply?.buttons?.[0]?.[0]?.action ?? '';
    expect(Buffer.byteLength(more)).toBeLessThanOrEqual(64);
    expect(
      interpret(INITIAL_STATE, {
        type: 'action',
        action: more,
        channel: 'telegram',
        updateId: '1',
        chatId: 'c',
        user: { id: 'u' },
      }),
    ).toEqual({ kind: 'show_more', faqId: faq.id });
  });

  it('"Xem thêm" gives the rest, still with the feedback buttons', () => {
    const [reply] = moreReplies('en', faq) as TextReply[];
    expect(reply?.text.startsWith('Mỗi nước, mỗi chương trình')).toBe(true);
    expect(reply?.buttons?.[0]?.map((b) => b.action)).toEqual([
      Action.feedback(faq.id, true),
      Action.feedback(faq.id, false),
    ]);
    // An answer shortened since: sent whole, without a second "Xem thêm".
    const [whole] = moreReplies('vi', { ...faq, answer: 'Ngắn.' }) as TextReply[];
    expect(whole?.text).toContain('**Điều kiện?**\n\nNgắn.');
    expect(whole?.buttons?.flat().some((b) => b.action === Action.more(faq.id))).toBe(false);
  });
});

describe('questions as buttons', () => {
  it('cuts a long question at a word with "…", within 40 characters', () => {
    const question = 'Tôi bị giữ hộ chiếu ở nước ngoài thì phải làm gì để lấy lại?';
    const label = buttonLabel(question);
    expect([...label].length).toBeLessThanOrEqual(40);
    expect(label).toBe('Tôi bị giữ hộ chiếu ở nước ngoài thì…');
    expect(buttonLabel('Thỏa thuận GCM là gì?')).toBe('Thỏa thuận GCM là gì?');
  });

  it('lists long questions whole in the message, numbered like their short buttons', () => {
    const faqs = [
      { id: 'a', question: 'Thỏa thuận GCM là gì?' },
      {
        id: 'b',
        question: 'Người lao động cần điều kiện gì để đi làm việc ở nước ngoài theo hợp đồng?',
      },
    ];
    const [topic] = topicReplies('vi', faqs) as TextReply[];
    expect(topic?.text).toContain(`2. ${faqs[1]?.question}`);
    const labels = topic?.buttons?.flat().map((b) => b.label) ?? [];
    expect(labels.slice(0, 2)).toEqual([
      '1. Thỏa thuận GCM là gì?',
      '2. Người lao động cần điều kiện gì để…',
    ]);
    expect(labels.every((l) => [...l].length <= 40)).toBe(true);

    const [choices] = answerReplies('vi', {
      status: 'ambiguous',
      suggestions: faqs.map((f) => ({ ...f, confidence: 0.5 })),
    } as never) as TextReply[];
    expect(choices?.text.startsWith('Có phải bạn muốn hỏi:\n1. Thỏa thuận GCM là gì?\n2. ')).toBe(
      true,
    );
    expect(choices?.buttons?.[1]?.[0]?.action).toBe(Action.pick('b'));
  });

  it('keeps short questions as they are, without a list', () => {
    const [topic] = topicReplies('vi', [
      { id: 'a', question: 'Thỏa thuận GCM là gì?' },
    ]) as TextReply[];
    expect(topic?.text).toBe('Các câu hỏi thường gặp về chủ đề này:');
    expect(topic?.buttons?.[0]?.[0]?.label).toBe('Thỏa thuận GCM là gì?');
  });
});
