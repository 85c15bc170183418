import type { Page } from '@gcm/domain';

/** The page size the console asks for when it needs a whole list (e.g. units for a select). */
export const FULL_LIST_PAGE_SIZE = 100;

/**
 * Reads every page of a paged list, one after another, until `total` items have arrived or a
 * page comes back empty. `maxPages` guards against a server that never stops.
 */
export async function loadAllPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  pageSize = FULL_LIST_PAGE_SIZE,
  maxPages = 100,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const result = await fetchPage(page, pageSize);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}
