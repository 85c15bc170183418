import type { PlanGroupResponse, PlanTaskResponse } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { translator } from '@/test-utils/translator';
import {
  checkTaskForm,
  newTaskForm,
  taskFormOf,
  taskRequestOf,
  type TaskForm,
} from './use-plan-task-form';

const { t } = translator();
const text = messages['vi-VN'];

const task = (overrides: Partial<PlanTaskResponse> = {}): PlanTaskResponse => ({
  id: 'task-31',
  planId: 'plan-1',
  group: { id: 'group-3', ordinal: 3, title: 'Nắm tình hình' },
  code: '3.1',
  title: 'Rà soát người di cư',
  description: '',
  leadUnit: { id: 'unit-ca', code: 'TP-CA', name: 'Công an thành phố' },
  coordinatingUnits: [{ id: 'unit-lđ', code: 'SNV', name: 'Sở Nội vụ' }],
  timeframe: { kind: 'until', until: '2025' },
  timeframeLabel: 'Đến năm 2025',
  dueOn: '2025-12-31',
  status: 'in_progress',
  overdue: false,
  updateCount: 0,
  lastUpdateAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const group = (tasks: PlanTaskResponse[]): PlanGroupResponse => ({
  id: 'group-3',
  ordinal: 3,
  title: 'Nắm tình hình',
  tasks,
});

function problems(form: TaskForm, groups: PlanGroupResponse[], taskId: string | null = null) {
  const found: Record<string, string> = {};
  checkTaskForm(form, groups, taskId, (field, message) => (found[field] = message), t);
  return found;
}

describe('the plan task form', () => {
  it('numbers a new task after the last of its group', () => {
    const form = newTaskForm(group([task(), task({ id: 'task-33', code: '3.3' })]));
    expect(form).toMatchObject({ groupId: 'group-3', code: '3.4', status: 'not_started' });
  });

  it('reads a task back unchanged: a year stays a year, a day a day', () => {
    const byYear = task();
    expect(taskRequestOf(taskFormOf(byYear))).toEqual({
      groupId: 'group-3',
      code: '3.1',
      title: 'Rà soát người di cư',
      description: '',
      leadUnitId: 'unit-ca',
      coordinatingUnitIds: ['unit-lđ'],
      timeframe: { kind: 'until', until: '2025' },
      status: 'in_progress',
    });
    const byDay = task({ timeframe: { kind: 'until', until: '2025-06-30' } });
    expect(taskFormOf(byDay).timeframe).toBe('untilDate');
    expect(taskRequestOf(taskFormOf(byDay)).timeframe).toEqual({
      kind: 'until',
      until: '2025-06-30',
    });
  });

  it('sends text in NFC, trimmed, and never the lead unit among the coordinating ones', () => {
    const form = {
      ...newTaskForm(group([])),
      title: '  Tuyên truyền v\u00ea\u0300 di cư  ',
      leadUnitId: 'unit-ca',
      coordinatingUnitIds: ['unit-ca', 'unit-lđ'],
    };
    const body = taskRequestOf(form);
    expect(body.title).toBe('Tuyên truyền về di cư');
    expect(body.coordinatingUnitIds).toEqual(['unit-lđ']);
    expect(body.timeframe).toEqual({ kind: 'ongoing' });
  });

  it('says in Vietnamese what is wrong before anything is sent', () => {
    const groups = [group([task()])];
    const form = {
      ...newTaskForm(groups[0]),
      code: '4.1',
      title: 'ab',
      timeframe: 'range' as const,
    };
    expect(problems(form, groups)).toEqual({
      code: 'Số thứ tự phải bắt đầu bằng số của nhóm: 3.1, 3.2…',
      title: text.reporting.plan.task.titleShort,
      leadUnitId: text.common.requiredField,
      from: text.common.requiredField,
      to: text.common.requiredField,
    });

    const taken = { ...form, code: '3.1', title: 'Tên đủ dài', leadUnitId: 'unit-ca' };
    expect(problems({ ...taken, from: '2025-06-30', to: '2025-01-01' }, groups)).toEqual({
      code: text.errors.plan_task_code_taken,
      to: text.reporting.plan.task.toBeforeFrom,
    });
    // The task keeps its own number when edited.
    expect(problems({ ...taken, timeframe: 'untilYear', year: '2025' }, groups, 'task-31')).toEqual(
      {},
    );
    expect(problems({ ...taken, timeframe: 'untilYear', year: '25' }, groups, 'task-31')).toEqual({
      year: text.reporting.plan.task.yearFormat,
    });
  });
});
