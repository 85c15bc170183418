import { describe, expect, it } from 'vitest';
import { DEFAULT_DECISION, decide, type Assessed } from './confidence';

const candidate = (coverage: number, phrasingCoverage: number): Assessed => ({
  id: 'fishing',
  score: 10,
  coverage,
  phrasingCoverage,
  overlap: 0,
});

describe('decide: the field', () => {
  // Few of the question's words are the field's (share under 0.4): "đi tàu cá xa bờ mấy tháng
  // liền có ổn không" has more everyday words than words of the field.
  const signals = { share: 0.3, contentWords: 7 };

  it('keeps a question in the field when one FAQ explains much of it', () => {
    const result = decide([candidate(0.46, 0.45)], signals, DEFAULT_DECISION);
    expect(result.inField).toBe(true);
    expect(result.status).not.toBe('no_answer');
  });

  it('leaves it outside when no FAQ explains much of it, or it names little of the FAQ', () => {
    for (const best of [candidate(0.3, 0.45), candidate(0.46, 0.1)]) {
      expect(decide([best], signals, DEFAULT_DECISION)).toMatchObject({
        status: 'no_answer',
        inField: false,
      });
    }
  });
});
