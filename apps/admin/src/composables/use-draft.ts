import { onBeforeUnmount, onMounted } from 'vue';
import { useRoute } from 'vue-router';

/**
 * What a form keeps when the session expires mid-edit: the router's guard stashes every open
 * form's content (stashDrafts) before sending the person to sign in again; back on the same
 * page, signed in as the same person, the form takes it back (restore). Kept in this tab's
 * sessionStorage only, and never a password: the form's `read` leaves those out.
 */
const PREFIX = 'gcm.draft:';
const open = new Map<string, () => unknown>();

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Saves the content of every open form, for `userId` only. Called on a 401. */
export function stashDrafts(userId: string): void {
  const store = storage();
  if (!store) return;
  for (const [key, read] of open) {
    try {
      store.setItem(PREFIX + key, JSON.stringify({ userId, value: read() }));
    } catch {
      // Storage full or refused: the content cannot be kept.
    }
  }
}

export function useDraft<T>(read: () => T, write: (value: T) => void) {
  const key = useRoute().fullPath;

  onMounted(() => open.set(key, read));
  onBeforeUnmount(() => open.delete(key));

  /** Puts back content stashed for this page and `userId`; true when there was some. */
  function restore(userId: string | undefined): boolean {
    const store = storage();
    const raw = store?.getItem(PREFIX + key);
    if (!store || !raw) return false;
    store.removeItem(PREFIX + key);
    try {
      const draft = JSON.parse(raw) as { userId: string; value: T };
      if (!userId || draft.userId !== userId) return false;
      write(draft.value);
      return true;
    } catch {
      return false;
    }
  }

  return { restore };
}
