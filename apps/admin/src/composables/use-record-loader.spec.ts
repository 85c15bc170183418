import { ApiError } from '@gcm/api-client';
import { errorMessagesVi } from '@gcm/domain';
import { describe, expect, it, vi } from 'vitest';
import { withSetup } from '@/test-utils/with-setup';
import { useRecordLoader } from './use-record-loader';

const notFound = () => 'Không tìm thấy đơn vị.';

describe('useRecordLoader', () => {
  it('reads the record of the id', async () => {
    const fetchRecord = vi.fn(async (id: string) => ({ id, name: 'Phường Bắc' }));
    const sut = await withSetup(() => useRecordLoader(fetchRecord, notFound));

    expect(await sut.load('u-1')).toEqual({ id: 'u-1', name: 'Phường Bắc' });
    expect(sut.errorText.value).toBeNull();
  });

  it('reads nothing for a create form (no id)', async () => {
    const fetchRecord = vi.fn(async (id: string) => id);
    const sut = await withSetup(() => useRecordLoader(fetchRecord, notFound));

    expect(await sut.load(undefined)).toBeUndefined();
    expect(fetchRecord).not.toHaveBeenCalled();
  });

  it("says the page's own message for a 404", async () => {
    const missing = new ApiError(404, 'unit_not_found', 'Unit not found.');
    const sut = await withSetup(() => useRecordLoader(() => Promise.reject(missing), notFound));

    expect(await sut.load('u-1')).toBeUndefined();
    expect(sut.error.value).toBe(missing);
    expect(sut.errorText.value).toBe('Không tìm thấy đơn vị.');
  });

  it("describes any other failure in the user's language", async () => {
    const failure = new ApiError(403, 'forbidden', 'Forbidden.');
    const sut = await withSetup(() => useRecordLoader(() => Promise.reject(failure), notFound));

    await sut.load('u-1');

    expect(sut.errorText.value).toBe(errorMessagesVi.forbidden);
  });
});
