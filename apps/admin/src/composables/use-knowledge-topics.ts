import type { TopicResponse } from '@gcm/domain';
import { computed, shallowRef } from 'vue';
import { knowledgeApi } from '@/api/knowledge';

/** The knowledge base's topics, for a select and for naming a topic by its id. */
export function useKnowledgeTopics(
  fetchTopics: () => Promise<TopicResponse[]> = knowledgeApi.topics,
) {
  const topics = shallowRef<TopicResponse[]>([]);
  const error = shallowRef<unknown>(null);

  async function load(): Promise<void> {
    error.value = null;
    try {
      topics.value = [...(await fetchTopics())].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    } catch (caught) {
      error.value = caught;
    }
  }

  const options = computed(() => topics.value.map((t) => ({ value: t.id, label: t.name })));
  const nameOf = (id: string | null | undefined) =>
    topics.value.find((topic) => topic.id === id)?.name ?? '';

  return { topics, error, options, load, nameOf };
}
