import type { PlanGroupResponse, PlanTaskResponse, TaskUpdateResponse } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import {
  attachmentView,
  filterGroups,
  planUnits,
  readAttachment,
  unitsSummary,
} from './use-plan-view';

const unit = (id: string, name: string) => ({ id, code: id.toUpperCase(), name });
const police = unit('ca', 'Công an thành phố');
const labour = unit('ld', 'Phòng Lao động');
const ward = unit('pa', 'Phường An Hòa');

function task(id: string, lead: typeof police, coordinating: (typeof police)[]): PlanTaskResponse {
  return {
    id,
    code: id,
    title: id,
    leadUnit: lead,
    coordinatingUnits: coordinating,
  } as PlanTaskResponse;
}

const groups: PlanGroupResponse[] = [
  {
    id: 'g1',
    ordinal: 1,
    title: 'Tuyên truyền',
    tasks: [task('1.1', labour, [ward]), task('1.2', police, [])],
  },
  { id: 'g2', ordinal: 2, title: 'Quản lý', tasks: [task('2.1', police, [labour])] },
];

describe('plan view', () => {
  it('keeps the tasks a unit leads or coordinates, and drops groups left empty', () => {
    expect(filterGroups(groups, 'pa').map((g) => [g.ordinal, g.tasks.map((t) => t.id)])).toEqual([
      [1, ['1.1']],
    ]);
    expect(filterGroups(groups, 'ld').map((g) => g.tasks.map((t) => t.id))).toEqual([
      ['1.1'],
      ['2.1'],
    ]);
    expect(filterGroups(groups, '')).toHaveLength(2);
  });

  it('lists every unit the plan names, once, by Vietnamese name', () => {
    expect(planUnits(groups).map((u) => u.name)).toEqual([
      'Công an thành phố',
      'Phòng Lao động',
      'Phường An Hòa',
    ]);
  });

  it('sums a long list of coordinating units up for a table cell', () => {
    expect(unitsSummary([police, labour, ward, police, labour])).toBe(
      'Công an thành phố, Phòng Lao động, Phường An Hòa và 2 đơn vị khác',
    );
    expect(unitsSummary([police])).toBe('Công an thành phố');
    expect(unitsSummary([])).toBe('—');
  });

  it('shows a stored photo as a thumbnail, a document as a link, a chat file by name', () => {
    const update = (attachment: TaskUpdateResponse['attachment']) =>
      ({ id: 'u-1', attachment }) as TaskUpdateResponse;
    const file = { fileName: null, mimeType: null, sizeBytes: 10, fileRef: null, stored: true };

    expect(attachmentView(update({ ...file, kind: 'photo', mimeType: 'image/jpeg' }))).toEqual({
      kind: 'photo',
      url: '/api/v1/task-updates/u-1/attachment',
      name: 'Ảnh',
    });
    expect(attachmentView(update({ ...file, kind: 'document', fileName: 'bao-cao.pdf' }))).toEqual({
      kind: 'document',
      url: '/api/v1/task-updates/u-1/attachment',
      name: 'bao-cao.pdf',
    });
    expect(
      attachmentView(update({ ...file, kind: 'photo', stored: false, fileRef: 'AgAC' })),
    ).toEqual({ kind: 'elsewhere', name: 'Ảnh' });
    expect(attachmentView(update(null))).toBeNull();
  });

  it('reads a chosen file as base64 and refuses one over 5 MB', async () => {
    const small = new File(['xin chào'], 'ghi-chu.txt', { type: 'text/plain' });
    const read = await readAttachment(small);
    expect(read).toEqual({
      ok: true,
      value: {
        kind: 'document',
        fileName: 'ghi-chu.txt',
        mimeType: 'text/plain',
        contentBase64: Buffer.from('xin chào').toString('base64'),
      },
    });

    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'lon.jpg', { type: 'image/jpeg' });
    expect(await readAttachment(big)).toEqual({ ok: false, message: 'Tệp quá lớn: tối đa 5 MB.' });
  });
});
