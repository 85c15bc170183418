import { describe, expect, it, vi } from 'vitest';
import { useLoader } from './use-loader';

describe('useLoader', () => {
  it('keeps the data and clears loading', async () => {
    const sut = useLoader(async () => ['a', 'b'], [] as string[]);

    const pending = sut.load();
    expect(sut.loading.value).toBe(true);
    await pending;

    expect(sut.data.value).toEqual(['a', 'b']);
    expect(sut.loading.value).toBe(false);
    expect(sut.error.value).toBeNull();
  });

  it('starts in the loading state when asked to', () => {
    expect(useLoader(async () => 1, 0, { loading: true }).loading.value).toBe(true);
    expect(useLoader(async () => 1, 0).loading.value).toBe(false);
  });

  it('keeps the error and the last data when a load fails, and clears it on the next', async () => {
    const failure = new Error('down');
    const fetch = vi
      .fn<() => Promise<number>>()
      .mockResolvedValueOnce(1)
      .mockRejectedValueOnce(failure)
      .mockResolvedValueOnce(2);
    const sut = useLoader(fetch, 0);

    await sut.load();
    await sut.load();
    expect(sut.error.value).toBe(failure);
    expect(sut.data.value).toBe(1);
    expect(sut.loading.value).toBe(false);

    await sut.load();
    expect(sut.error.value).toBeNull();
    expect(sut.data.value).toBe(2);
  });
});
