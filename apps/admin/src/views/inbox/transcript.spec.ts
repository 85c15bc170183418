import { describe, expect, it } from 'vitest';
import { faqDraftOf, messageHtml, messageText } from './transcript';

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
