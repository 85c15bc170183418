import type { FaqResponse } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import {
  checkFaqForm,
  emptyFaqForm,
  formFromFaq,
  prefillFromQuery,
  toFaqRequest,
  type FaqForm,
} from './use-knowledge-faq-form';

const t = (key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key;

function errorsOf(form: FaqForm): Record<string, string> {
  const errors: Record<string, string> = {};
  checkFaqForm(form, (field, message) => (errors[field] = message), t);
  return errors;
}

const filled = (fields: Partial<FaqForm> = {}): FaqForm => ({
  ...emptyFaqForm(),
  topicId: 'topic-1',
  question: 'Bị mất hộ chiếu thì làm gì?',
  answer: 'Báo ngay cho cơ quan đại diện Việt Nam.',
  ...fields,
});

describe('checkFaqForm', () => {
  it('accepts a complete form', () => {
    expect(errorsOf(filled())).toEqual({});
  });

  it('asks for the topic, the question and the answer', () => {
    expect(Object.keys(errorsOf(emptyFaqForm())).sort()).toEqual(['answer', 'question', 'topicId']);
  });

  it('refuses a too short question or answer with the limit in the message', () => {
    const sut = errorsOf(filled({ question: 'abc', answer: 'ngắn' }));

    expect(sut.question).toBe('knowledge.faqForm.errors.tooShort {"min":5}');
    expect(sut.answer).toBe('knowledge.faqForm.errors.tooShort {"min":10}');
  });

  it('refuses too many alternates and an alternate that is too long', () => {
    const many = Array.from({ length: 31 }, (_, i) => `cách hỏi ${i}`);

    expect(errorsOf(filled({ alternates: many })).alternates).toContain('tooMany');
    expect(errorsOf(filled({ sources: ['x'.repeat(501)] })).sources).toContain('itemTooLong');
  });
});

describe('toFaqRequest', () => {
  it('trims, drops empty and repeated list items, and sends empty English as null', () => {
    const sut = toFaqRequest(
      filled({ question: '  Hỏi?  ', alternates: [' ho chieu ', 'ho  chieu', ''], answerEn: ' ' }),
    );

    expect(sut).toMatchObject({ question: 'Hỏi?', alternates: ['ho chieu'], answerEn: null });
    expect(sut).not.toHaveProperty('status');
  });
});

describe('prefillFromQuery', () => {
  it('takes the question and answer from the address, nothing else', () => {
    expect(prefillFromQuery({ question: ' mất hộ chiếu ', answer: 'Trả lời', x: 'y' })).toEqual({
      question: 'mất hộ chiếu',
      answer: 'Trả lời',
    });
    expect(prefillFromQuery({ question: ['a', 'b'] })).toEqual({});
  });
});

describe('formFromFaq', () => {
  it('puts a FAQ’s content in the form, with empty strings for missing English', () => {
    const faq = {
      topic: { id: 't', name: 'Giấy tờ' },
      question: 'Q?',
      answer: 'A',
      alternates: ['a'],
      questionEn: null,
      answerEn: null,
      alternatesEn: [],
      sources: [],
      tags: [],
      needsReview: true,
    } as unknown as FaqResponse;

    expect(formFromFaq(faq)).toMatchObject({ topicId: 't', questionEn: '', needsReview: true });
  });
});
