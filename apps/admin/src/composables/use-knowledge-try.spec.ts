import type { ExplainResponse } from '@gcm/domain';
import { describe, expect, it, vi } from 'vitest';
import { outcomeOf, useKnowledgeTry } from './use-knowledge-try';

const response = (fields: Partial<ExplainResponse> = {}): ExplainResponse => ({
  status: 'answered',
  confidence: 0.9,
  suggestions: [],
  nearest: [],
  locale: 'vi',
  inField: true,
  danger: false,
  ...fields,
});

describe('outcomeOf', () => {
  it('tells an honest no answer in the field from a question outside it, and danger first', () => {
    expect(outcomeOf(response())).toBe('answered');
    expect(outcomeOf(response({ status: 'ambiguous' }))).toBe('ambiguous');
    expect(outcomeOf(response({ status: 'no_answer' }))).toBe('no_answer');
    expect(outcomeOf(response({ status: 'no_answer', inField: false }))).toBe('out_of_field');
    expect(outcomeOf(response({ status: 'answered', danger: true }))).toBe('danger');
  });
});

describe('useKnowledgeTry', () => {
  it('asks with the trimmed text and keeps the result and its question', async () => {
    const explain = vi.fn(async () => response());
    const sut = useKnowledgeTry(explain);
    sut.text.value = '  mất hộ chiếu  ';

    await sut.run();

    expect(explain).toHaveBeenCalledWith('mất hộ chiếu');
    expect(sut.result.value?.status).toBe('answered');
    expect(sut.askedText.value).toBe('mất hộ chiếu');
  });

  it('asks nothing for an empty question and keeps the error of a failed one', async () => {
    const explain = vi.fn(async () => {
      throw new Error('down');
    });
    const sut = useKnowledgeTry(explain);

    expect(await sut.run('   ')).toBeNull();
    expect(explain).not.toHaveBeenCalled();
    expect(await sut.run('hộ chiếu')).toBeNull();
    expect(sut.error.value).toBeInstanceOf(Error);
    expect(sut.result.value).toBeNull();
  });
});
