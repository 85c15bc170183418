import { isApiError } from '@gcm/api-client';
import { computed, shallowRef } from 'vue';
import { useApiError } from './use-api-error';

/**
 * Opens the record an edit form works on. A failed load is kept and worded for the page: the
 * page's own "not found" message for a 404, else the error's message (see useApiError).
 */
export function useRecordLoader<T>(
  fetchRecord: (id: string) => Promise<T>,
  notFoundText: () => string,
) {
  const { describe } = useApiError();
  const error = shallowRef<unknown>(null);
  const errorText = computed(() => {
    const caught = error.value;
    if (!caught) return null;
    return isApiError(caught) && caught.status === 404 ? notFoundText() : describe(caught);
  });

  /** The record; undefined without an id (a create form) or when it could not be read. */
  async function load(id: string | undefined): Promise<T | undefined> {
    if (id === undefined) return undefined;
    error.value = null;
    try {
      return await fetchRecord(id);
    } catch (caught) {
      error.value = caught;
      return undefined;
    }
  }

  return { error, errorText, load };
}
