import {
  POLICE_MIGRATION_STATISTICS_TEMPLATE,
  validateTemplate,
  type ReportTemplateInput,
} from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import {
  builderErrorsFrom,
  checkRule,
  checkTemplateForm,
  choicesFrom,
  emptyField,
  emptyRule,
  emptyTemplateForm,
  errorsUnder,
  formFromDefinition,
  keyFromLabel,
  nextVersionPeriod,
  scheduleSummary,
  templateChanges,
  toTemplateInput,
  uniqueKey,
  type TemplateForm,
} from './use-report-template-form';

/** A small yearly template typed in the builder: two counts and a rule. */
function smallForm(): TemplateForm {
  const form = emptyTemplateForm();
  form.code = 'bao_cao_thu';
  form.title = 'Báo cáo thử';
  form.owedBy = ['commune'];
  Object.assign(form.schedule, { kind: 'yearly', day: '5', month: '11' });
  form.sections[0]!.title = 'Số liệu';
  Object.assign(form.sections[0]!.fields[0]!, { label: 'Số vụ việc', key: 'so_vu' });
  const second = emptyField('count');
  Object.assign(second, { label: 'Số nạn nhân', key: 'nan_nhan', min: '0', max: '1000' });
  form.sections[0]!.fields.push(second);
  const rule = emptyRule();
  Object.assign(rule, {
    expression: 'nan_nhan >= so_vu',
    message: 'Mỗi vụ có ít nhất một nạn nhân.',
  });
  form.rules.push(rule);
  return form;
}

describe('template builder form', () => {
  it('turns what staff typed into a definition the domain accepts', () => {
    const input = toTemplateInput(smallForm());

    expect(validateTemplate({ ...input, version: 1 })).toEqual([]);
    expect(input.schedule).toEqual({ kind: 'yearly', due: { day: 5, month: 11 } });
    expect(input.sections[0]!.fields[1]).toEqual({
      key: 'nan_nhan',
      label: 'Số nạn nhân',
      required: true,
      type: 'count',
      min: 0,
      max: 1000,
    });
    expect(input.rules[0]!.key).toBe('quy_tac_1');
  });

  it('round-trips the seeded police template through the form unchanged', () => {
    const { version: _version, ...saved } = POLICE_MIGRATION_STATISTICS_TEMPLATE;

    expect(toTemplateInput(formFromDefinition(POLICE_MIGRATION_STATISTICS_TEMPLATE))).toEqual(
      saved,
    );
  });

  it('names each wrong part of the builder in Vietnamese, by path', () => {
    const form = smallForm();
    form.owedBy = [];
    form.sections[0]!.fields[1]!.min = '50';
    form.sections[0]!.fields[1]!.max = '10';
    form.schedule.month = '13';

    const errors = checkTemplateForm(form);

    expect(errorsUnder(errors, 'owedBy')).toMatch(/loại đơn vị/i);
    expect(errorsUnder(errors, 'sections[0].fields[1]')).toBeTruthy();
    expect(errorsUnder(errors, 'schedule')).toMatch(/tháng/i);
    expect(errorsUnder(errors, 'sections[0].fields[0]')).toBeNull();
  });

  it('makes keys from Vietnamese labels and keeps them unique', () => {
    expect(keyFromLabel('Số vụ việc mua bán người')).toBe('so_vu_viec_mua_ban_nguoi');
    expect(keyFromLabel('Đã hồi hương')).toBe('da_hoi_huong');
    expect(keyFromLabel('2 năm')).toBe('f_2_nam');
    expect(keyFromLabel('!!!')).toBe('truong');
    expect(uniqueKey('so_vu', ['so_vu', 'so_vu_2'])).toBe('so_vu_3');
  });

  it('keeps the stored value of a choice whose label stays, and makes values for new ones', () => {
    const choices = choicesFrom({
      choicesText: 'Đường bộ\n\nĐường biển\nĐường bộ',
      savedChoices: [{ value: 'road', label: 'Đường bộ' }],
    });

    expect(choices).toEqual([
      { value: 'road', label: 'Đường bộ' },
      { value: 'duong_bien', label: 'Đường biển' },
      { value: 'road_2', label: 'Đường bộ' },
    ]);
  });

  it('moves the API’s definition.* field errors onto the builder’s paths', () => {
    expect(
      builderErrorsFrom({ 'definition.sections[0].title': 'Thiếu tên', 'definition.code': 'Sai' }),
    ).toEqual({ 'sections[0].title': 'Thiếu tên', code: 'Sai' });
  });
});

describe('checkRule', () => {
  it('names the fields a rule uses, with their labels', () => {
    expect(checkRule('nan_nhan >= so_vu', smallForm())).toEqual({
      ok: true,
      fields: [
        { key: 'nan_nhan', label: 'Số nạn nhân', numeric: true },
        { key: 'so_vu', label: 'Số vụ việc', numeric: true },
      ],
    });
  });

  it('says where a rule cannot be read', () => {
    const result = checkRule('nan_nhan >=', smallForm());

    expect(result.ok).toBe(false);
    expect(result.ok || result.position).toBe(11);
  });

  it('refuses fields the template lacks and fields that are not numbers', () => {
    const form = smallForm();
    form.sections[0]!.fields.push(
      Object.assign(emptyField('text'), { label: 'Ghi chú', key: 'ghi_chu' }),
    );

    const unknown = checkRule('so_nguoi <= so_vu', form);
    const text = checkRule('ghi_chu > 0', form);

    expect(unknown.ok || unknown.message).toBe('Mẫu chưa có trường “so_nguoi”.');
    expect(text.ok || text.message).toMatch(/“Ghi chú” không phải trường số/);
  });
});

describe('versions', () => {
  it('lists what a new version changes for a person', () => {
    const before = toTemplateInput(smallForm());
    const edited = smallForm();
    edited.sections[0]!.fields[0]!.label = 'Số vụ';
    edited.sections[0]!.fields[1]!.required = false;
    edited.sections[0]!.fields.push(
      Object.assign(emptyField('yes_no'), { label: 'Có phối hợp?', key: 'phoi_hop' }),
    );
    edited.rules = [];
    const after: ReportTemplateInput = toTemplateInput(edited);

    expect(templateChanges(before, after)).toEqual([
      'Trường “Số vụ”: tên “Số vụ việc” → “Số vụ”.',
      'Trường “Số nạn nhân”: thành không bắt buộc.',
      'Thêm trường “Có phối hợp?” (Có/Không).',
      'Bỏ quy tắc nan_nhan >= so_vu.',
    ]);
    expect(templateChanges(before, before)).toEqual([]);
  });

  it('says from which period an edit saved now applies', () => {
    const schedule = toTemplateInput(smallForm()).schedule;

    // 15/12/2026 in Vietnam: year 2026 has begun, the edit applies from 2027.
    expect(nextVersionPeriod(schedule, new Date('2026-12-15T03:00:00Z'))).toEqual({
      key: '2027',
      label: 'Năm 2027',
      firstDay: '01/01/2027',
    });
  });

  it('sums a schedule up in Vietnamese', () => {
    expect(
      scheduleSummary({
        kind: 'half_yearly',
        due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
      }),
    ).toBe('6 tháng một lần, hạn 05/07 và 05/01 năm sau');
  });
});
