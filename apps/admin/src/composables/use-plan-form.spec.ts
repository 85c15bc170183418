import type { PlanSummaryResponse } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { translator } from '@/test-utils/translator';
import {
  checkGroupForm,
  checkPlanForm,
  groupRequestOf,
  newGroupForm,
  planFormOf,
  planRequestOf,
  type GroupForm,
  type PlanForm,
} from './use-plan-form';

const { t } = translator();
const text = messages['vi-VN'];

function problems(check: (set: (field: string, message: string) => void) => void) {
  const found: Record<string, string> = {};
  check((field, message) => (found[field] = message));
  return found;
}

const groups = [
  { id: 'g1', ordinal: 1, title: 'Tuyên truyền' },
  { id: 'g2', ordinal: 2, title: 'Chính sách' },
];

describe('the plan form', () => {
  it('reads a plan back as it was entered', () => {
    const plan = {
      id: 'p1',
      number: '389/KH-UBND',
      title: 'Kế hoạch triển khai Thỏa thuận GCM',
      issuingUnit: { id: 'u1', code: 'TP-BK', name: 'UBND thành phố Bắc Kạn' },
      startYear: 2020,
      endYear: 2030,
      issuedOn: '2020-07-17',
    } as PlanSummaryResponse;
    expect(planRequestOf(planFormOf(plan))).toEqual({
      number: '389/KH-UBND',
      title: 'Kế hoạch triển khai Thỏa thuận GCM',
      issuingUnitId: 'u1',
      startYear: 2020,
      endYear: 2030,
      issuedOn: '2020-07-17',
    });
  });

  it('says what is missing or wrong before sending', () => {
    const empty = planFormOf(null);
    expect(problems((set) => checkPlanForm(empty, set, t))).toEqual({
      number: text.common.requiredField,
      title: text.common.requiredField,
      issuingUnitId: text.common.requiredField,
      startYear: text.common.requiredField,
      endYear: text.common.requiredField,
      issuedOn: text.common.requiredField,
    });
    expect(
      problems((set) => checkPlanForm({ ...empty, startYear: '20', endYear: '2030' }, set, t)),
    ).toMatchObject({ startYear: text.reporting.plan.task.yearFormat });
    const backwards: PlanForm = {
      number: '12/KH-UBND',
      title: 'Kế hoạch',
      issuingUnitId: 'u1',
      startYear: '2030',
      endYear: '2020',
      issuedOn: '2026-02-30',
    };
    expect(problems((set) => checkPlanForm(backwards, set, t))).toEqual({
      endYear: text.reporting.plan.entry.endBeforeStart,
      issuedOn: text.common.requiredField,
    });
  });
});

describe('the task group form', () => {
  it('numbers a new group after the last one and sends a number', () => {
    const form = newGroupForm(groups);
    expect(form.ordinal).toBe('3');
    expect(groupRequestOf({ ...form, title: '  Hợp tác quốc tế ' })).toEqual({
      ordinal: 3,
      title: 'Hợp tác quốc tế',
    });
  });

  it("refuses another group's number, but a group keeps its own", () => {
    const form: GroupForm = { ordinal: '2', title: 'Chính sách' };
    expect(problems((set) => checkGroupForm(form, groups, null, set, t))).toEqual({
      ordinal: text.errors.plan_group_ordinal_taken,
    });
    expect(problems((set) => checkGroupForm(form, groups, 'g2', set, t))).toEqual({});
    expect(
      problems((set) => checkGroupForm({ ordinal: '0', title: '' }, groups, null, set, t)),
    ).toEqual({
      ordinal: text.reporting.plan.entry.ordinalFormat,
      title: text.common.requiredField,
    });
  });
});
