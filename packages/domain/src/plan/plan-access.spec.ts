import { describe, expect, it } from 'vitest';
import { isOwnTask, isTaskUnit } from './plan-access';

const task = { leadUnitId: 'ca', coordinatingUnitIds: ['ducxuan', 'songcau'] };

describe('isTaskUnit', () => {
  it('is the lead or a coordinating unit', () => {
    expect(isTaskUnit(task, 'ca')).toBe(true);
    expect(isTaskUnit(task, 'songcau')).toBe(true);
    expect(isTaskUnit(task, 'nongthuong')).toBe(false);
    expect(isTaskUnit(task, null)).toBe(false);
  });
});

describe('isOwnTask', () => {
  it("limits a unit reporter to its unit's tasks, and no one else", () => {
    expect(isOwnTask({ role: 'unit_reporter', unitId: 'ducxuan' }, task)).toBe(true);
    expect(isOwnTask({ role: 'unit_reporter', unitId: 'nongthuong' }, task)).toBe(false);
    expect(isOwnTask({ role: 'coordinator', unitId: null }, task)).toBe(true);
    expect(isOwnTask({ role: 'viewer', unitId: 'nongthuong' }, task)).toBe(true);
  });
});
