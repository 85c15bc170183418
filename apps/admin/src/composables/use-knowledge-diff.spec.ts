import { describe, expect, it } from 'vitest';
import { diffSnapshots, fieldText, restorableContent } from './use-knowledge-diff';

describe('diffSnapshots', () => {
  it('lists only the fields that changed, words for the question and lines for the answer', () => {
    const sut = diffSnapshots(
      { question: 'Mất hộ chiếu thì làm gì?', answer: 'Dòng một\nDòng hai\n', status: 'draft' },
      {
        question: 'Mất hộ chiếu ở nước ngoài thì làm gì?',
        answer: 'Dòng một\nDòng ba\n',
        status: 'draft',
      },
    );

    expect(sut.map((d) => d.field)).toEqual(['question', 'answer']);
    const [question, answer] = sut;
    expect(question?.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual([
      'ở nước ngoài',
    ]);
    expect(answer?.parts).toEqual([
      { kind: 'same', text: 'Dòng một\n' },
      { kind: 'removed', text: 'Dòng hai\n' },
      { kind: 'added', text: 'Dòng ba\n' },
    ]);
  });

  it('keeps the last line unchanged when text is added after it', () => {
    const [answer] = diffSnapshots({ answer: 'Dòng một' }, { answer: 'Dòng một\n\nDòng thêm' });

    expect(answer?.parts).toEqual([
      { kind: 'same', text: 'Dòng một\n' },
      { kind: 'added', text: '\nDòng thêm\n' },
    ]);
  });

  it('compares lists item by item and treats a missing value as empty', () => {
    const sut = diffSnapshots({ alternates: ['a'] }, { alternates: ['a', 'b'], questionEn: null });

    expect(sut).toHaveLength(1);
    expect(sut[0]?.field).toBe('alternates');
    expect(sut[0]?.parts.some((p) => p.kind === 'added' && p.text.includes('b'))).toBe(true);
  });

  it('finds nothing between equal versions', () => {
    expect(diffSnapshots({ question: 'x', tags: [] }, { question: 'x', tags: [] })).toEqual([]);
  });
});

describe('fieldText', () => {
  it('writes lists one item a line and nothing as empty', () => {
    expect(fieldText(['a', 'b'])).toBe('a\nb');
    expect(fieldText(null)).toBe('');
    expect(fieldText(true)).toBe('true');
  });
});

describe('restorableContent', () => {
  it('takes an old version’s content back, without its status', () => {
    const sut = restorableContent({
      question: 'Câu hỏi cũ?',
      answer: 'Câu trả lời cũ đủ dài.',
      alternates: ['cách hỏi khác'],
      questionEn: null,
      topicId: 't1',
      status: 'archived',
    });

    expect(sut).toEqual({
      question: 'Câu hỏi cũ?',
      answer: 'Câu trả lời cũ đủ dài.',
      alternates: ['cách hỏi khác'],
      questionEn: null,
      answerEn: null,
      alternatesEn: [],
      sources: [],
      tags: [],
      topicId: 't1',
    });
  });
});
