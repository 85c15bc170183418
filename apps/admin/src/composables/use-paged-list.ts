import type { Page } from '@gcm/domain';
import { computed, reactive, ref, shallowRef } from 'vue';

export type PageQuery<F> = F & { page: number; pageSize: number };

export interface PagedListOptions {
  pageSize?: number;
}

/**
 * A paged, filtered list read from the API: the filters, the current page and its items, and
 * the loading and error state. A slow answer that arrives after a newer request is ignored.
 */
export function usePagedList<T, F extends object>(
  fetchPage: (query: PageQuery<F>) => Promise<Page<T>>,
  initialFilters: F,
  options: PagedListOptions = {},
) {
  const pageSize = options.pageSize ?? 20;
  const filters = reactive({ ...initialFilters }) as F;
  const page = ref(1);
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const pageCount = computed(() => Math.max(1, Math.ceil(total.value / pageSize)));
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetchPage({ ...filters, page: page.value, pageSize });
      if (request !== latest) return;
      items.value = result.items;
      total.value = result.total;
      // The last item of the last page was removed: show the new last page.
      if (result.items.length === 0 && result.total > 0 && page.value > pageCount.value) {
        page.value = pageCount.value;
        await load();
      }
    } catch (caught) {
      if (request === latest) error.value = caught;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  /** Applies the filters from the first page. */
  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function goTo(target: number): Promise<void> {
    page.value = Math.min(Math.max(1, target), pageCount.value);
    return load();
  }

  function resetFilters(): Promise<void> {
    for (const key of Object.keys(filters)) delete (filters as Record<string, unknown>)[key];
    Object.assign(filters, initialFilters);
    return search();
  }

  return {
    filters,
    page,
    pageSize,
    items,
    total,
    loading,
    error,
    pageCount,
    load,
    search,
    goTo,
    resetFilters,
  };
}

/** What usePagedList returns: a page shows it with PagedTable. */
export type PagedList<T = unknown, F extends object = object> = ReturnType<
  typeof usePagedList<T, F>
>;
