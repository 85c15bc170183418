import { describe, expect, it } from 'vitest';
import type { ReportTemplateDefinition } from './template';
import { isValidTemplate, TEMPLATE_LIMITS, validateTemplate } from './validate-template';

// Drafts are made wrong in every way on purpose, so the tests write to them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Draft = Record<string, any>;

/** A small valid template; `change` edits a copy. */
function template(change: (draft: Draft) => void = () => {}): unknown {
  const draft: ReportTemplateDefinition = {
    code: 'trafficking_quarterly',
    title: 'Số liệu mua bán người',
    version: 1,
    owedBy: ['police'],
    schedule: { kind: 'quarterly', due: { day: 10, monthsAfter: 1 } },
    sections: [
      {
        key: 'cases',
        title: 'Vụ việc',
        fields: [
          { key: 'cases', label: 'Số vụ', type: 'count', required: true },
          {
            key: 'victims',
            label: 'Số nạn nhân',
            type: 'count',
            required: true,
            min: 0,
            max: 1000,
          },
          { key: 'rate', label: 'Tỷ lệ xử lý', type: 'decimal', required: false, decimals: 1 },
          { key: 'notes', label: 'Ghi chú', type: 'text', required: false, maxLength: 2000 },
          {
            key: 'channel',
            label: 'Nguồn phát hiện',
            type: 'single_choice',
            required: true,
            choices: [
              { value: 'police', label: 'Công an' },
              { value: 'border', label: 'Biên phòng' },
            ],
          },
          {
            key: 'reported_on',
            label: 'Ngày báo cáo',
            type: 'date',
            required: false,
            min: '2026-01-01',
          },
          { key: 'has_plan', label: 'Có kế hoạch riêng?', type: 'yes_no', required: true },
        ],
      },
    ],
    rules: [
      {
        key: 'victims_cover_cases',
        expression: 'cases <= victims',
        message: 'Số vụ không thể nhiều hơn số nạn nhân.',
      },
    ],
  };
  const copy = structuredClone(draft) as unknown as Draft;
  change(copy);
  return copy;
}

const paths = (input: unknown) => validateTemplate(input).map((problem) => problem.path);
const field = (draft: Draft, index: number) => draft.sections[0].fields[index];

describe('validateTemplate', () => {
  it('accepts a valid template', () => {
    expect(validateTemplate(template())).toEqual([]);
    expect(isValidTemplate(template())).toBe(true);
  });

  it('checks the template’s own properties', () => {
    expect(
      paths(
        template((draft) => {
          draft.code = 'Báo cáo';
          draft.title = '  ';
          draft.version = 0;
          draft.owedBy = ['police', 'police', 'army'];
          draft.schedule = { kind: 'weekly' };
        }),
      ),
    ).toEqual(['code', 'title', 'version', 'owedBy[1]', 'owedBy[2]', 'schedule.kind']);
    expect(paths(template((draft) => (draft.owedBy = [])))).toEqual(['owedBy']);
    expect(validateTemplate(null)).toEqual([{ path: '', message: 'Mẫu báo cáo không hợp lệ.' }]);
  });

  it('wants snake_case field keys, unique across the template, and not a rule keyword', () => {
    const problems = validateTemplate(
      template((draft) => {
        field(draft, 1).key = 'cases';
        field(draft, 2).key = 'Tỷ_lệ';
        field(draft, 3).key = 'and';
        draft.sections.push({
          key: 'more',
          title: 'Thêm',
          fields: [{ key: 'channel', label: 'Kênh', type: 'yes_no', required: true }],
        });
      }),
    );
    expect(problems).toContainEqual({
      path: 'sections[0].fields[1].key',
      message: 'Mã trường “cases” đã dùng ở sections[0].fields[0].',
    });
    expect(problems).toContainEqual({
      path: 'sections[1].fields[0].key',
      message: 'Mã trường “channel” đã dùng ở sections[0].fields[4].',
    });
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['sections[0].fields[2].key', 'sections[0].fields[3].key']),
    );
    expect(
      problems.find((problem) => problem.path === 'sections[0].fields[3].key')?.message,
    ).toMatch(/từ khóa/);
  });

  it('checks labels, types and properties that do not belong to the type', () => {
    expect(
      paths(
        template((draft) => {
          field(draft, 0).label = '';
          field(draft, 0).required = 'yes';
          field(draft, 1).type = 'number';
          field(draft, 2).choices = [];
          field(draft, 3).requried = true;
        }),
      ),
    ).toEqual([
      'sections[0].fields[0].label',
      'sections[0].fields[0].required',
      'sections[0].fields[1].type',
      'sections[0].fields[2].choices',
      'sections[0].fields[3].requried',
      // The rule names `victims`, whose type is unknown now.
      'rules[0].expression',
    ]);
  });

  it('wants min ≤ max, whole non-negative bounds for counts, sensible lengths and decimals', () => {
    expect(
      paths(
        template((draft) => {
          field(draft, 1).min = 10;
          field(draft, 1).max = 5;
          field(draft, 0).min = -1;
          field(draft, 2).decimals = 9;
          field(draft, 3).minLength = 10;
          field(draft, 3).maxLength = 5;
          field(draft, 5).max = '2025-12-31';
        }),
      ),
    ).toEqual([
      'sections[0].fields[0].min',
      'sections[0].fields[1].max',
      'sections[0].fields[2].decimals',
      'sections[0].fields[3].maxLength',
      'sections[0].fields[5].max',
    ]);
    expect(paths(template((draft) => (field(draft, 5).min = '2026-02-30')))).toEqual([
      'sections[0].fields[5].min',
    ]);
  });

  it('wants choices that people can tell apart when typing without diacritics or by number', () => {
    const problems = validateTemplate(
      template((draft) => {
        field(draft, 4).choices = [
          { value: 'police', label: 'Công an' },
          { value: 'police', label: 'Biên phòng' },
          { value: 'other', label: 'cong an!' },
          { value: 'third', label: '3' },
          { value: 'fourth', label: '' },
        ];
      }),
    );
    expect(problems).toEqual([
      { path: 'sections[0].fields[4].choices[1].value', message: 'Mã lựa chọn “police” bị trùng.' },
      {
        path: 'sections[0].fields[4].choices[2].label',
        message: 'Tên lựa chọn “cong an!” trùng với lựa chọn 1 khi gõ không dấu.',
      },
      {
        path: 'sections[0].fields[4].choices[3].label',
        message:
          'Tên lựa chọn không được chỉ là một con số: người báo cáo chọn bằng cách gõ số thứ tự.',
      },
      {
        path: 'sections[0].fields[4].choices[4].label',
        message: 'Tên lựa chọn không được để trống.',
      },
    ]);
    expect(paths(template((draft) => (field(draft, 4).minSelected = 1)))).toEqual([
      'sections[0].fields[4].minSelected',
    ]);
  });

  it('checks how many may be chosen in a multiple choice', () => {
    expect(
      paths(
        template((draft) => {
          field(draft, 4).type = 'multiple_choice';
          field(draft, 4).minSelected = 2;
          field(draft, 4).maxSelected = 1;
        }),
      ),
    ).toEqual(['sections[0].fields[4].maxSelected']);
    expect(
      paths(
        template((draft) => {
          field(draft, 4).type = 'multiple_choice';
          field(draft, 4).maxSelected = 3;
        }),
      ),
    ).toEqual(['sections[0].fields[4].maxSelected']);
  });

  it('wants rules that parse and compare numeric fields of the template', () => {
    const problems = validateTemplate(
      template((draft) => {
        draft.rules = [
          { key: 'a', expression: 'cases <= ', message: 'x' },
          { key: 'b', expression: 'cases <= suspects', message: 'x' },
          { key: 'c', expression: 'notes = 1 or has_plan = 1', message: 'x' },
          { key: 'c', expression: 'rate <= 100', message: '' },
        ];
      }),
    );
    expect(problems).toEqual([
      {
        path: 'rules[0].expression',
        message: 'Quy tắc chưa viết xong: còn thiếu một số hoặc mã trường ở cuối.',
      },
      {
        path: 'rules[1].expression',
        message: 'Quy tắc dùng trường “suspects” không có trong mẫu báo cáo.',
      },
      {
        path: 'rules[2].expression',
        message:
          'Trường “notes” không phải số (số nguyên hoặc số thập phân) nên không dùng được trong quy tắc.',
      },
      {
        path: 'rules[2].expression',
        message:
          'Trường “has_plan” không phải số (số nguyên hoặc số thập phân) nên không dùng được trong quy tắc.',
      },
      { path: 'rules[3].key', message: 'Mã quy tắc “c” bị trùng.' },
      { path: 'rules[3].message', message: 'Thông báo khi vi phạm không được để trống.' },
    ]);
    expect(paths(template((draft) => delete draft.rules))).toEqual(['rules']);
    expect(validateTemplate(template((draft) => (draft.rules = [])))).toEqual([]);
  });

  it('keeps templates to a size a chat can carry', () => {
    const many = Array.from({ length: TEMPLATE_LIMITS.fields + 5 }, (_, index) => ({
      key: `f${index}`,
      label: `Trường ${index}`,
      type: 'count',
      required: false,
    }));
    const problems = validateTemplate(
      template((draft) => {
        draft.sections[0].fields = many;
        draft.rules = [];
      }),
    );
    expect(problems).toEqual([
      {
        path: `sections[0].fields[${TEMPLATE_LIMITS.fields}]`,
        message: 'Mẫu báo cáo có tối đa 200 trường.',
      },
    ]);
    expect(paths(template((draft) => (draft.sections = [])))).toEqual(['sections']);
  });
});
