import type { Page } from '@gcm/domain';
import { describe, expect, it, vi } from 'vitest';
import { loadAllPages } from './load-all-pages';

function pagedSource(total: number) {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  return vi.fn(async (page: number, pageSize: number): Promise<Page<number>> => ({
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total,
    page,
    pageSize,
  }));
}

describe('loadAllPages', () => {
  it('reads pages until every item has arrived', async () => {
    const source = pagedSource(7);

    const sut = await loadAllPages(source, 3);

    expect(sut).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(source.mock.calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('stops at an empty page even if total says more', async () => {
    const source = vi.fn(async (page: number): Promise<Page<number>> => ({
      items: page === 1 ? [1] : [],
      total: 10,
      page,
      pageSize: 1,
    }));

    expect(await loadAllPages(source, 1)).toEqual([1]);
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('gives up after maxPages', async () => {
    const source = vi.fn(async (page: number): Promise<Page<number>> => ({
      items: [page],
      total: Number.MAX_SAFE_INTEGER,
      page,
      pageSize: 1,
    }));

    expect(await loadAllPages(source, 1, 4)).toEqual([1, 2, 3, 4]);
  });
});
