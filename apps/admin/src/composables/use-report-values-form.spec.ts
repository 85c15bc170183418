import type { ReportTemplateDefinition } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import {
  changedValues,
  historyChanges,
  readValues,
  valueErrorsFrom,
  valuesForm,
} from './use-report-values-form';

const definition: ReportTemplateDefinition = {
  code: 'thu',
  title: 'Báo cáo thử',
  version: 1,
  owedBy: ['commune'],
  schedule: { kind: 'yearly', due: { day: 5, month: 11 } },
  sections: [
    {
      key: 'so_lieu',
      title: 'Số liệu',
      fields: [
        { key: 'so_vu', label: 'Số vụ', type: 'count', required: true, unit: 'vụ' },
        { key: 'nan_nhan', label: 'Số nạn nhân', type: 'count', required: true },
        { key: 'ty_le', label: 'Tỷ lệ', type: 'decimal', required: false },
        { key: 'ngay', label: 'Ngày họp', type: 'date', required: false },
        { key: 'co_hop', label: 'Có họp?', type: 'yes_no', required: false },
        {
          key: 'hinh_thuc',
          label: 'Hình thức',
          type: 'multiple_choice',
          required: false,
          choices: [
            { value: 'truc_tiep', label: 'Trực tiếp' },
            { value: 'truc_tuyen', label: 'Trực tuyến' },
          ],
        },
      ],
    },
  ],
  rules: [
    { key: 'r1', expression: 'nan_nhan >= so_vu', message: 'Số nạn nhân không ít hơn số vụ.' },
  ],
};

describe('report values in the console', () => {
  it('shows stored values in the controls, numbers with a decimal comma', () => {
    expect(
      valuesForm(definition, { so_vu: 1200, ty_le: 3.5, co_hop: false, hinh_thuc: ['truc_tuyen'] }),
    ).toEqual({
      so_vu: '1200',
      nan_nhan: '',
      ty_le: '3,5',
      ngay: '',
      co_hop: false,
      hinh_thuc: ['truc_tuyen'],
    });
  });

  it('reads numbers as the bot does, and keeps a draft with required fields empty', () => {
    const form = valuesForm(definition, {});
    Object.assign(form, { so_vu: '1.200 vụ', ty_le: '3,5', ngay: '2026-11-05', co_hop: true });

    expect(readValues(definition, form, 'draft')).toEqual({
      values: {
        so_vu: 1200,
        nan_nhan: null,
        ty_le: 3.5,
        ngay: '2026-11-05',
        co_hop: true,
        hinh_thuc: null,
      },
      errors: {},
    });
  });

  it('puts a Vietnamese message beside a wrong number', () => {
    const form = valuesForm(definition, {});
    Object.assign(form, { so_vu: '-3', nan_nhan: 'mười' });

    const { errors } = readValues(definition, form, 'draft');

    expect(Object.keys(errors).sort()).toEqual(['nan_nhan', 'so_vu']);
    expect(errors.nan_nhan).toMatch(/số nguyên không âm/);
  });

  it('on submit, asks for required fields and puts a broken rule beside both its fields', () => {
    const empty = readValues(definition, valuesForm(definition, {}), 'submit');
    expect(Object.keys(empty.errors).sort()).toEqual(['nan_nhan', 'so_vu']);

    const form = valuesForm(definition, { so_vu: 5, nan_nhan: 2 });
    const broken = readValues(definition, form, 'submit');
    expect(broken.errors).toEqual({
      nan_nhan: 'Số nạn nhân không ít hơn số vụ.',
      so_vu: 'Số nạn nhân không ít hơn số vụ.',
    });
  });

  it('sends only the fields that changed', () => {
    expect(
      changedValues(
        { so_vu: 5, nan_nhan: 2 },
        { so_vu: 5, nan_nhan: 7, ty_le: null, co_hop: true },
      ),
    ).toEqual({ nan_nhan: 7, co_hop: true });
  });

  it('moves the API’s values.* errors to their fields', () => {
    expect(valueErrorsFrom({ 'values.so_vu': 'Sai' })).toEqual({ so_vu: 'Sai' });
  });

  it('words a history entry’s changes with labels and formatted values', () => {
    expect(
      historyChanges(definition, {
        changes: {
          so_vu: { before: null, after: 1200 },
          hinh_thuc: { before: ['truc_tiep'], after: ['truc_tiep', 'truc_tuyen'] },
          gone: { before: 1, after: null },
        },
      }),
    ).toEqual([
      { label: 'Số vụ', before: '(bỏ trống)', after: '1.200 vụ' },
      { label: 'Hình thức', before: 'Trực tiếp', after: 'Trực tiếp, Trực tuyến' },
      { label: 'gone', before: '1', after: '—' },
    ]);
  });
});
