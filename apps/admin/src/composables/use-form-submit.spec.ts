import { ApiError } from '@gcm/api-client';
import { describe, expect, it, vi } from 'vitest';
import { withSetup } from '@/test-utils/with-setup';
import { useFormSubmit, type SetFieldError } from './use-form-submit';

describe('useFormSubmit', () => {
  it('saves when the checks pass and returns what the save returned', async () => {
    const save = vi.fn(async () => ({ id: 'u-1' }));
    const sut = await withSetup(() => useFormSubmit(save, () => {}));

    expect(await sut.submit()).toEqual({ ok: true, value: { id: 'u-1' } });
    expect(save).toHaveBeenCalledTimes(1);
    expect(sut.fieldErrors.value).toEqual({});
  });

  it('sends nothing while a check fails, and shows its message beside the field', async () => {
    const save = vi.fn(async () => 'saved');
    let name = '';
    const sut = await withSetup(() =>
      useFormSubmit(save, (set: SetFieldError) => {
        if (!name) set('name', 'Vui lòng nhập trường này.');
      }),
    );

    expect(await sut.submit()).toEqual({ ok: false });
    expect(sut.fieldErrors.value).toEqual({ name: 'Vui lòng nhập trường này.' });
    expect(save).not.toHaveBeenCalled();

    name = 'UBND xã';
    expect((await sut.submit()).ok).toBe(true);
    expect(sut.fieldErrors.value).toEqual({});
  });

  it("keeps the save's error and puts the API's field errors beside their fields", async () => {
    const failure = new ApiError(400, 'validation_failed', 'Invalid', [
      { field: 'contactEmail', message: 'contactEmail must be an email address' },
    ]);
    const sut = await withSetup(() => useFormSubmit(() => Promise.reject(failure)));

    expect(await sut.submit()).toEqual({ ok: false });
    expect(sut.error.value).toBe(failure);
    expect(sut.fieldErrors.value).toEqual({
      contactEmail: 'Chưa đúng dạng địa chỉ email.',
    });
    expect(sut.busy.value).toBe(false);
  });
});
