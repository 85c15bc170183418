import { ApiError } from '@gcm/api-client';
import { describe, expect, it } from 'vitest';
import { withSetup } from '@/test-utils/with-setup';
import { toFieldMap, useFormErrors } from './use-form-errors';

describe('useFormErrors', () => {
  it('takes the field errors of a validation_failed answer, in Vietnamese where it knows them', async () => {
    const sut = await withSetup(useFormErrors);
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { field: 'code', message: 'code must match the pattern' },
      { field: 'contactEmail', message: 'contactEmail must be an email address' },
      { field: 'name', message: 'already used' },
    ]);

    expect(sut.setFromError(error)).toBe(true);
    expect(sut.fieldErrors.value).toEqual({
      code: 'code must match the pattern',
      contactEmail: 'Chưa đúng dạng địa chỉ email.',
      name: 'Giá trị này đã được dùng cho một mục khác.',
    });
    expect(sut.hasFieldErrors.value).toBe(true);
  });

  it('clears the fields for an error without details', async () => {
    const sut = await withSetup(useFormErrors);
    sut.set('name', 'required');

    expect(sut.setFromError(new ApiError(409, 'unit_code_taken', 'Taken'))).toBe(false);
    expect(sut.fieldErrors.value).toEqual({});
    expect(sut.setFromError(new Error('boom'))).toBe(false);
  });

  it('adds and clears its own errors', async () => {
    const sut = await withSetup(useFormErrors);

    sut.set('name', 'required');
    sut.set('kind', 'required');
    expect(Object.keys(sut.fieldErrors.value)).toEqual(['name', 'kind']);

    sut.clear();
    expect(sut.hasFieldErrors.value).toBe(false);
  });
});

describe('toFieldMap', () => {
  it('joins several messages for one field', () => {
    expect(
      toFieldMap([
        { field: 'password', message: 'too short' },
        { field: 'password', message: 'needs a digit' },
      ]),
    ).toEqual({ password: 'too short; needs a digit' });
  });
});
