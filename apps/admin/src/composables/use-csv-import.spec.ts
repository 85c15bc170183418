import { ApiError } from '@gcm/api-client';
import { ErrorCode } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import { useCsvImport } from './use-csv-import';

const answer = (dryRun: boolean) => ({ created: 2, updated: 1, dryRun });
const lineErrors = [{ line: 3, field: 'kind', message: 'Loại đơn vị không hợp lệ.' }];

describe('useCsvImport', () => {
  it('keeps the answer of a check, with no errors', async () => {
    const sut = useCsvImport(async (dryRun) => answer(dryRun));

    expect(await sut.run(true)).toBe(true);

    expect(sut.result.value).toEqual({ created: 2, updated: 1, dryRun: true });
    expect(sut.rowErrors.value).toEqual([]);
    expect(sut.otherError.value).toBeNull();
  });

  it('lists the file’s line errors, not as a separate alert', async () => {
    const sut = useCsvImport(async () => {
      throw new ApiError(400, ErrorCode.CsvInvalid, 'Tệp có lỗi.', lineErrors);
    });

    expect(await sut.run(true)).toBe(false);

    expect(sut.rowErrors.value).toEqual(lineErrors);
    expect(sut.result.value).toBeNull();
    expect(sut.otherError.value).toBeNull();
  });

  it('shows any other error apart, with no line errors', async () => {
    const refused = new ApiError(403, ErrorCode.Forbidden, 'Bạn không có quyền.');
    const sut = useCsvImport(async () => {
      throw refused;
    });

    expect(await sut.run(false)).toBe(false);

    expect(sut.otherError.value).toBe(refused);
    expect(sut.rowErrors.value).toEqual([]);
  });

  it('forgets the last answer and errors when a new run starts or on clear', async () => {
    let fail = true;
    const sut = useCsvImport(async (dryRun) => {
      if (fail) throw new ApiError(400, ErrorCode.CsvInvalid, 'Tệp có lỗi.', lineErrors);
      return answer(dryRun);
    });
    await sut.run(true);

    fail = false;
    await sut.run(true);
    expect(sut.rowErrors.value).toEqual([]);
    expect(sut.result.value).not.toBeNull();

    sut.clear();
    expect(sut.result.value).toBeNull();
  });
});
