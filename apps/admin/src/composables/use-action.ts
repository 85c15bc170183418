import { ref, shallowRef } from 'vue';

/**
 * Runs an async action (a save, a delete) with a busy flag and its error kept, and refuses to
 * start it twice at once (a double click sends one request).
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const busy = ref(false);
  const error = shallowRef<unknown>(null);

  async function run(...args: A): Promise<{ ok: true; value: R } | { ok: false }> {
    if (busy.value) return { ok: false };
    busy.value = true;
    error.value = null;
    try {
      return { ok: true, value: await action(...args) };
    } catch (caught) {
      error.value = caught;
      return { ok: false };
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
