import { KNOWLEDGE_WRITERS } from '@gcm/domain';
import { computed } from 'vue';
import { useSessionStore } from '@/stores/session';

/**
 * Whether the signed-in person may change the knowledge base (editors and admins): the screens
 * show their write buttons only then. Everyone else reads; the API refuses them anyway.
 */
export function useKnowledgeAccess() {
  const session = useSessionStore();
  const canWrite = computed(() => session.hasRole(KNOWLEDGE_WRITERS));
  return { canWrite };
}
