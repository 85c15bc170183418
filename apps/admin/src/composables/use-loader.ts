import { ref, shallowRef, type ShallowRef } from 'vue';

export interface LoaderOptions {
  /** Start in the loading state, so that the page says "Đang tải…" until the first answer. */
  loading?: boolean;
}

/**
 * Data read from the API when the page asks for it, with a loading flag and the error of the
 * last attempt. A failed load keeps the data of the last one that succeeded.
 */
export function useLoader<T>(fetch: () => Promise<T>, initial: T, options: LoaderOptions = {}) {
  const data = shallowRef(initial) as ShallowRef<T>;
  const loading = ref(options.loading ?? false);
  const error = shallowRef<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await fetch();
    } catch (caught) {
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  return { data, loading, error, load };
}
