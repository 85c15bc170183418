import type { UnitResponse } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import { unitLabel, useUnitOptions } from './use-unit-options';

const unitFactory = (overrides: Partial<UnitResponse>): UnitResponse => ({
  id: 'id',
  code: 'CODE',
  name: 'Đơn vị',
  kind: 'commune',
  parentId: null,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  address: null,
  deletedAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  ...overrides,
});

describe('useUnitOptions', () => {
  it('sorts by Vietnamese name and finds names by id', async () => {
    const units = [
      unitFactory({ id: '1', name: 'Phường Đông' }),
      unitFactory({ id: '2', name: 'Phường An Bình' }),
      unitFactory({ id: '3', name: 'Phường Bắc' }),
    ];
    const sut = useUnitOptions(async () => units);

    await sut.load();

    expect(sut.sorted.value.map((u) => u.id)).toEqual(['2', '3', '1']);
    expect(sut.nameOf('3')).toBe('Phường Bắc');
    expect(sut.nameOf(null)).toBe('—');
    expect(sut.nameOf('missing')).toBe('…');
  });

  it('keeps the error when loading fails', async () => {
    const failure = new Error('down');
    const sut = useUnitOptions(() => Promise.reject(failure));

    await sut.load();

    expect(sut.error.value).toBe(failure);
    expect(sut.loading.value).toBe(false);
  });
});

describe('unitLabel', () => {
  it('shows the name and the code', () => {
    expect(unitLabel({ name: 'Công an thành phố', code: 'CA-TP' })).toBe(
      'Công an thành phố (CA-TP)',
    );
  });
});
