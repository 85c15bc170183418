/**
 * The inbox's counts for the navigation's badge: how many items wait for staff and how many of
 * them are urgent. One copy for the whole console: the layout asks every half minute, and the
 * inbox asks again at once after it changed an item.
 */
import type { HandoffCountsResponse } from '@gcm/domain';
import { readonly, shallowRef } from 'vue';
import { api } from '@/api/client';

const counts = shallowRef<HandoffCountsResponse | null>(null);

/** Asks the API again; on a failure the last counts stay (the next tick tries again). */
export async function refreshInboxCounts(): Promise<void> {
  try {
    counts.value = await api.assistant.handoffCounts();
  } catch {
    // An expired session is handled by the router's listener; anything else waits for the next tick.
  }
}

export const inboxCounts = readonly(counts);

/** Forgets the counts (signed out). */
export function clearInboxCounts(): void {
  counts.value = null;
}
