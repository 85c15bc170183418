import type { TestAgent } from './test-app';

let sequence = 0;

/** Creates a topic through the API and returns its id. */
export async function createTopic(
  editor: TestAgent,
  name = `Chủ đề ${++sequence}`,
): Promise<string> {
  return (await editor.post('/api/v1/knowledge/topics').send({ name }).expect(201)).body.id;
}

/** Creates a FAQ through the API (published unless told otherwise) and returns its body. */
export async function createFaq(
  editor: TestAgent,
  topicId: string,
  fields: {
    question: string;
    answer: string;
    alternates?: string[];
    status?: string;
    questionEn?: string;
    answerEn?: string;
  },
) {
  return (
    await editor
      .post('/api/v1/knowledge/faqs')
      .send({ topicId, status: 'published', ...fields })
      .expect(201)
  ).body;
}

export function ask(agent: TestAgent, text: string, locale?: 'vi' | 'en') {
  return agent.post('/api/v1/assistant/ask').send(locale ? { text, locale } : { text });
}
