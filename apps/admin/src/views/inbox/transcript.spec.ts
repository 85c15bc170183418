import type { ConversationMessage } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import { translator } from '@/test-utils/translator';
import { faqDraftOf, messageHtml, messageText, transcriptLines } from './transcript';

const textIn = (locale: 'vi-VN' | 'en-US') => translator(locale).t;
let seq = 0;
const said = (text: string): ConversationMessage => ({
  seq: ++seq,
  direction: 'in',
  text,
  createdAt: '',
});
const botSaid = (text: string, buttons: { label: string; action: string }[][] = []) =>
  ({
    seq: ++seq,
    direction: 'out',
    reply: { type: 'text', text, buttons },
    createdAt: '',
  }) satisfies ConversationMessage;
/** What the inbox shows for each line, in Vietnamese. */
const shown = (lines: ConversationMessage[]) =>
  transcriptLines(lines, textIn('vi-VN'), 'vi').map((line) => line.text);

describe('messageText', () => {
  it('shows the text of an incoming message and of a text reply', () => {
    expect(messageText({ seq: 1, direction: 'in', text: 'Xin chào', createdAt: '' })).toBe(
      'Xin chào',
    );
    expect(
      messageText({
        seq: 2,
        direction: 'out',
        reply: { type: 'text', text: 'Chào bạn' },
        createdAt: '',
      }),
    ).toBe('Chào bạn');
  });

  it('shows a link reply as its title and address', () => {
    const sut = messageText({
      seq: 3,
      direction: 'out',
      reply: { type: 'link', url: 'https://a.vn', title: 'Hướng dẫn' },
      createdAt: '',
    });
    expect(sut).toBe('Hướng dẫn\nhttps://a.vn');
  });
});

describe('faqDraftOf', () => {
  it('takes the question and the last reply sent', () => {
    const sut = faqDraftOf('Hỏi?', [
      { seq: 1, direction: 'in', text: 'Hỏi?', createdAt: '' },
      { seq: 2, direction: 'out', reply: { type: 'text', text: 'Trả lời cũ' }, createdAt: '' },
      { seq: 3, direction: 'out', reply: { type: 'text', text: 'Trả lời mới' }, createdAt: '' },
    ]);
    expect(sut).toEqual({ question: 'Hỏi?', answer: 'Trả lời mới' });
  });
});

describe('messageHtml', () => {
  it('renders a Markdown reply safely, and leaves plain text to be shown as text', () => {
    const reply = { type: 'text' as const, format: 'markdown' as const, text: '**113** <b>x</b>' };
    const sut = messageHtml({ seq: 1, direction: 'out', reply, createdAt: '' });
    expect(sut).toContain('<strong>113</strong>');
    expect(sut).not.toContain('<b>');
    expect(messageHtml({ seq: 2, direction: 'in', text: '**x**', createdAt: '' })).toBeNull();
  });
});

describe('transcriptLines', () => {
  it('shows a button pressed as the label the person saw, not its payload', () => {
    const sut = shown([
      said('lam ho chieu o dau'),
      botSaid('Có phải bạn muốn hỏi:', [
        [{ label: 'Làm hộ chiếu ở đâu, thủ tục thế nào?', action: 'pick:faq-1' }],
        [{ label: 'Không phải, gặp cán bộ', action: 'handoff' }],
      ]),
      said('[pick:faq-1]'),
      botSaid('Bạn nộp hồ sơ tại…', [
        [
          { label: '👍 Có', action: 'fb:up:faq-1' },
          { label: '👎 Không', action: 'fb:down:faq-1' },
        ],
      ]),
      said('[fb:down:faq-1]'),
      said('[handoff]'),
    ]);
    expect(sut).toEqual([
      'lam ho chieu o dau',
      'Có phải bạn muốn hỏi:',
      'Bấm nút: Làm hộ chiếu ở đâu, thủ tục thế nào?',
      'Bạn nộp hồ sơ tại…',
      'Bấm nút: 👎 Không',
      'Bấm nút: Không phải, gặp cán bộ',
    ]);
  });

  it('names a button that is no longer in the transcript in the bot’s words', () => {
    // The web chat's own "Gặp cán bộ" under the text box; the menu from an earlier day.
    expect(shown([said('[handoff]'), said('[handoff:end]'), said('[sub:ok]')])).toEqual([
      'Bấm nút: Gặp cán bộ',
      'Bấm nút: Kết thúc',
      'Bấm nút: Đồng ý',
    ]);
    expect(shown([said('[topic:7d1c]'), said('[rp:o:abc]')])).toEqual([
      'Bấm một nút của bot',
      'Bấm một nút của bot',
    ]);
    const english = transcriptLines([said('[handoff]')], textIn('en-US'), 'en');
    expect(english[0].text).toBe('Pressed: Talk to staff');
  });

  it('says what the bot could not read in Vietnamese, and marks these lines', () => {
    const sut = transcriptLines(
      [said('[sticker]'), said('[video note]'), said('[tệp: hop-dong.jpg]')],
      textIn('vi-VN'),
      'vi',
    );
    expect(sut.map((line) => line.text)).toEqual([
      'Gửi nhãn dán (bot không đọc được)',
      'Gửi video (bot không đọc được)',
      '[tệp: hop-dong.jpg]',
    ]);
    expect(sut.map((line) => line.isAction)).toEqual([true, true, false]);
  });

  it('leaves what the person typed as they typed it, brackets included', () => {
    expect(shown([said('[hỏi] làm hộ chiếu'), said('[help me]'), said('[khác]')])).toEqual([
      '[hỏi] làm hộ chiếu',
      '[help me]',
      '[khác]',
    ]);
  });
});
