import type { TopicResponse } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import { useKnowledgeTopics } from './use-knowledge-topics';

const topic = (id: string, name: string): TopicResponse => ({
  id,
  name,
  nameEn: null,
  publishedFaqCount: 0,
});

describe('useKnowledgeTopics', () => {
  it('sorts the topics in Vietnamese order and names one by its id', async () => {
    const sut = useKnowledgeTopics(async () => [topic('2', 'Việc làm'), topic('1', 'Giấy tờ')]);

    await sut.load();

    expect(sut.options.value.map((o) => o.label)).toEqual(['Giấy tờ', 'Việc làm']);
    expect(sut.nameOf('2')).toBe('Việc làm');
    expect(sut.nameOf('x')).toBe('');
  });

  it('keeps the error of a failed load', async () => {
    const sut = useKnowledgeTopics(async () => {
      throw new Error('down');
    });

    await sut.load();

    expect(sut.error.value).toBeInstanceOf(Error);
    expect(sut.topics.value).toEqual([]);
  });
});
