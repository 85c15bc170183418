import { describe, expect, it } from 'vitest';
import { entryDetails, recordName } from './entry-details';

const yesNo = { yesNo: (value: boolean) => (value ? 'Có' : 'Không') };

describe('recordName', () => {
  it('names a FAQ by its question, a unit by its name, an account by its full name', () => {
    expect(recordName(null, { question: 'Làm hộ chiếu ở đâu?', code: 'x' })).toBe(
      'Làm hộ chiếu ở đâu?',
    );
    expect(recordName(null, { code: 'UBND-P1', name: 'UBND phường Đức Xuân' })).toBe(
      'UBND phường Đức Xuân',
    );
    expect(recordName(null, { email: 'a@b.vn', fullName: 'Nguyễn Thị Lan' })).toBe(
      'Nguyễn Thị Lan',
    );
  });

  it('names a deleted record by what it was, and a renamed one by its new name', () => {
    expect(recordName({ title: 'Nhóm cũ' }, undefined)).toBe('Nhóm cũ');
    expect(recordName({ name: 'Tên cũ' }, { name: 'Tên mới' })).toBe('Tên mới');
  });

  it('shortens a long name and has none when nothing names the record', () => {
    const long =
      'Người lao động đi làm việc ở nước ngoài theo hợp đồng cần chuẩn bị những giấy tờ gì';
    const name = recordName(null, { question: long })!;
    expect(name.length).toBeLessThanOrEqual(48);
    expect(name.endsWith('…')).toBe(true);
    expect(long.startsWith(name.slice(0, -1))).toBe(true);
    expect(recordName(null, { locked: true, units: 2 })).toBeUndefined();
    expect(recordName(undefined, undefined)).toBeUndefined();
  });
});

describe('entryDetails', () => {
  it('of a change, shows only the fields that differ and counts the others', () => {
    const details = entryDetails(
      { name: 'Phòng Tư pháp', address: null, isActive: true, tags: ['a'] },
      { name: 'Phòng Tư pháp', address: '1 Lê Lợi', isActive: false, tags: ['a'] },
      yesNo,
    );
    expect(details.fields).toEqual([
      { key: 'address', before: '—', after: '1 Lê Lợi' },
      { key: 'isActive', before: 'Có', after: 'Không' },
    ]);
    expect(details.unchanged).toBe(2);
  });

  it('of a creation or a deletion, shows every recorded field on its one side', () => {
    expect(entryDetails(undefined, { code: '1.1', coordinatingUnitIds: [] }, yesNo)).toEqual({
      fields: [
        { key: 'code', before: undefined, after: '1.1' },
        { key: 'coordinatingUnitIds', before: undefined, after: '—' },
      ],
      unchanged: 0,
    });
    expect(entryDetails({ ordinal: 2 }, null, yesNo).fields).toEqual([
      { key: 'ordinal', before: '2', after: undefined },
    ]);
  });

  it('keeps a field recorded on one side only, and shows days and instants in Vietnam', () => {
    const details = entryDetails(
      { status: 'draft', dueOn: '2025-06-30' },
      { status: 'draft', publishedAt: '2026-12-07T17:30:00.000Z' },
      yesNo,
    );
    expect(details.fields).toEqual([
      { key: 'dueOn', before: '30/06/2025', after: undefined },
      { key: 'publishedAt', before: undefined, after: '08/12/2026 00:30' },
    ]);
    expect(details.unchanged).toBe(1);
  });

  it('lists the naming fields first and the bookkeeping last', () => {
    const details = entryDetails(
      undefined,
      { id: 'f1', answer: 'Ở Phòng Quản lý xuất nhập cảnh.', question: 'Làm hộ chiếu ở đâu?' },
      yesNo,
    );
    expect(details.fields.map((field) => field.key)).toEqual(['question', 'answer', 'id']);
  });

  it('writes a nested record as compact text, never as JSON', () => {
    const [field] = entryDetails(
      undefined,
      { timeframe: { kind: 'range', from: '2025-03-01', to: '2025-06-30' } },
      yesNo,
    ).fields;
    expect(field!.after).toBe('kind: range; from: 01/03/2025; to: 30/06/2025');
  });

  it('names a coded value when the console has a name for it, and keeps the code otherwise', () => {
    const words = {
      ...yesNo,
      named: (key: string, value: string) =>
        key === 'role' ? { unit_reporter: 'Cán bộ báo cáo' }[value] : undefined,
    };
    const details = entryDetails(
      { role: 'unit_reporter', status: 'draft' },
      { role: 'admin', status: 'published' },
      words,
    );
    expect(details.fields).toEqual([
      { key: 'role', before: 'Cán bộ báo cáo', after: 'admin' },
      { key: 'status', before: 'draft', after: 'published' },
    ]);
  });

  it('names each item of a list of ids, and keeps an id it has no name for', () => {
    const units: Record<string, string> = { u1: 'Phòng Tư pháp', u2: 'Công an thành phố' };
    const words = { ...yesNo, named: (_key: string, value: string) => units[value] };
    const [field] = entryDetails(
      undefined,
      { coordinatingUnitIds: ['u1', 'u2', 'u9'] },
      words,
    ).fields;
    expect(field!.after).toBe('Phòng Tư pháp, Công an thành phố, u9');
  });

  it('has nothing to show when nothing was recorded', () => {
    expect(entryDetails(null, undefined, yesNo)).toEqual({ fields: [], unchanged: 0 });
  });
});
