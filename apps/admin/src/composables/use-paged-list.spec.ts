import type { Page } from '@gcm/domain';
import { describe, expect, it, vi } from 'vitest';
import { usePagedList, type PageQuery } from './use-paged-list';

interface Filters {
  search?: string;
  kind?: string;
}

function pageOf<T>(items: T[], total: number, page = 1, pageSize = 20): Page<T> {
  return { items, total, page, pageSize };
}

/** A promise whose answer the test decides later. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('usePagedList', () => {
  it('loads the first page with the filters', async () => {
    const fetchPage = vi.fn(async (_q: PageQuery<Filters>) => pageOf(['a', 'b'], 45));
    const sut = usePagedList(fetchPage, { search: 'xã' } as Filters);

    await sut.load();

    expect(fetchPage).toHaveBeenCalledWith({ search: 'xã', page: 1, pageSize: 20 });
    expect(sut.items.value).toEqual(['a', 'b']);
    expect(sut.total.value).toBe(45);
    expect(sut.pageCount.value).toBe(3);
    expect(sut.loading.value).toBe(false);
  });

  it('goes back to page 1 when the filters change, and clamps page numbers', async () => {
    const fetchPage = vi.fn(async (q: PageQuery<Filters>) => pageOf([q.page], 50, q.page, 10));
    const sut = usePagedList(fetchPage, {} as Filters, { pageSize: 10 });
    await sut.load();

    await sut.goTo(3);
    expect(sut.page.value).toBe(3);
    await sut.goTo(99);
    expect(sut.page.value).toBe(5);

    sut.filters.kind = 'commune';
    await sut.search();
    expect(fetchPage).toHaveBeenLastCalledWith({ kind: 'commune', page: 1, pageSize: 10 });
  });

  it('ignores an answer that arrives after a newer request', async () => {
    const slow = deferred<Page<string>>();
    const fetchPage = vi
      .fn<(q: PageQuery<Filters>) => Promise<Page<string>>>()
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce(pageOf(['new'], 1));
    const sut = usePagedList(fetchPage, {} as Filters);

    const first = sut.load();
    await sut.search();
    slow.resolve(pageOf(['old'], 1));
    await first;

    expect(sut.items.value).toEqual(['new']);
  });

  it('keeps the error and stops loading', async () => {
    const failure = new Error('down');
    const sut = usePagedList(() => Promise.reject(failure), {} as Filters);

    await sut.load();

    expect(sut.error.value).toBe(failure);
    expect(sut.loading.value).toBe(false);
  });

  it('shows the new last page when the current one became empty', async () => {
    const fetchPage = vi.fn(async (q: PageQuery<Filters>) =>
      q.page === 3 ? pageOf([], 20, 3, 10) : pageOf(['x'], 20, q.page, 10),
    );
    const sut = usePagedList(fetchPage, {} as Filters, { pageSize: 10 });
    sut.page.value = 3;

    await sut.load();

    expect(sut.page.value).toBe(2);
    expect(sut.items.value).toEqual(['x']);
  });

  it('resets the filters to their first values', async () => {
    const fetchPage = vi.fn(async () => pageOf<string>([], 0));
    const sut = usePagedList(fetchPage, { search: '' } as Filters);
    sut.filters.search = 'abc';
    sut.filters.kind = 'police';

    await sut.resetFilters();

    expect(fetchPage).toHaveBeenLastCalledWith({ search: '', page: 1, pageSize: 20 });
  });
});
