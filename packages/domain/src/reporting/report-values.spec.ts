import { describe, expect, it } from 'vitest';
import { checkReport, failedRules, unansweredFields } from './report-values';
import { POLICE_MIGRATION_STATISTICS_TEMPLATE as sut } from './seed-templates';
import { templateFields } from './template';

/** A complete, consistent set of the police's half-year figures. */
function figures(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of templateFields(sut)) if (field.type === 'count') values[field.key] = 0;
  return { ...values, illegal_migration_cases: 2, illegal_migration_people: 5, ...changes };
}

describe('checkReport', () => {
  it('accepts a complete report and returns every field, tidied', () => {
    const check = checkReport(sut, figures({ notes: '  Số liệu sơ bộ. ' }), 'submit');
    expect(check.problems).toEqual([]);
    expect(check.values.notes).toBe('Số liệu sơ bộ.');
    expect(check.values.illegal_migration_people).toBe(5);
    expect(Object.keys(check.values)).toEqual(templateFields(sut).map((field) => field.key));
  });

  it('lets a draft leave required fields empty but not hold wrong values', () => {
    const check = checkReport(sut, { labour_departed: 12, labour_returned: -1 }, 'draft');
    expect(check.problems).toEqual([
      {
        kind: 'invalid_value',
        field: 'labour_returned',
        message:
          'Số người lao động về nước: Số lượng không thể là số âm. Vui lòng nhập một số nguyên không âm, ví dụ 12.',
      },
    ]);
    expect(check.values.labour_departed).toBe(12);
    expect(check.values.labour_returned).toBeNull();
  });

  it('wants every required field answered at submission', () => {
    const { labour_departed: _dropped, ...rest } = figures();
    const check = checkReport(sut, { ...rest, study_departed: null }, 'submit');
    expect(check.problems).toEqual([
      {
        kind: 'missing_required',
        field: 'labour_departed',
        message:
          'Chưa trả lời mục bắt buộc “Số người xuất cảnh đi làm việc ở nước ngoài theo hợp đồng”.',
      },
      {
        kind: 'missing_required',
        field: 'study_departed',
        message: 'Chưa trả lời mục bắt buộc “Số người xuất cảnh đi học tập ở nước ngoài”.',
      },
    ]);
  });

  it('checks the cross-field rules at submission only', () => {
    const broken = figures({ trafficking_victims_identified: 2, trafficking_victims_supported: 3 });
    expect(checkReport(sut, broken, 'draft').problems).toEqual([]);
    expect(checkReport(sut, broken, 'submit').problems).toEqual([
      {
        kind: 'rule_failed',
        rule: 'supported_within_identified',
        fields: ['trafficking_victims_supported', 'trafficking_victims_identified'],
        message:
          'Số nạn nhân được tiếp nhận, hỗ trợ không thể lớn hơn số nạn nhân bị mua bán được xác định.',
      },
    ]);
  });

  it('reports keys the template does not have', () => {
    expect(checkReport(sut, { victims: 3 }, 'draft').problems).toEqual([
      {
        kind: 'unknown_field',
        field: 'victims',
        message: 'Trường “victims” không có trong mẫu báo cáo.',
      },
    ]);
  });
});

describe('failedRules', () => {
  it('points out a broken rule as soon as both of its numbers are in', () => {
    expect(failedRules(sut, { illegal_received_back: 4 })).toEqual([]);
    expect(failedRules(sut, { illegal_received_back: 4, illegal_returned: 3 })).toMatchObject([
      { rule: 'received_back_within_returned' },
    ]);
  });
});

describe('unansweredFields', () => {
  it('lists what is left to ask, in the template’s order', () => {
    const left = unansweredFields(sut, figures({ labour_returned: null }));
    expect(left.map((field) => field.key)).toEqual(['labour_returned', 'notes']);
    expect(unansweredFields(sut, figures(), { requiredOnly: true })).toEqual([]);
  });
});
