import { describe, expect, it } from 'vitest';
import {
  fieldHintVi,
  formatFieldValue,
  formatNumberVi,
  isSkipAnswer,
  parseFieldInput,
  validateValue,
} from './field-input';
import type {
  CountField,
  DateField,
  DecimalField,
  MultipleChoiceField,
  ReportField,
  SingleChoiceField,
  TextField,
  YesNoField,
} from './template';

const count = (fields: Partial<CountField> = {}): CountField => ({
  key: 'victims',
  label: 'Số nạn nhân',
  type: 'count',
  required: true,
  ...fields,
});
const decimal = (fields: Partial<DecimalField> = {}): DecimalField => ({
  key: 'rate',
  label: 'Tỷ lệ',
  type: 'decimal',
  required: true,
  ...fields,
});
const text = (fields: Partial<TextField> = {}): TextField => ({
  key: 'notes',
  label: 'Ghi chú',
  type: 'text',
  required: false,
  ...fields,
});
const date = (fields: Partial<DateField> = {}): DateField => ({
  key: 'held_on',
  label: 'Ngày tổ chức',
  type: 'date',
  required: true,
  ...fields,
});
const yesNo: YesNoField = { key: 'trained', label: 'Đã tập huấn?', type: 'yes_no', required: true };
const single = (fields: Partial<SingleChoiceField> = {}): SingleChoiceField => ({
  key: 'channel',
  label: 'Hình thức tuyên truyền',
  type: 'single_choice',
  required: true,
  choices: [
    { value: 'meeting', label: 'Hội nghị' },
    { value: 'radio', label: 'Phát thanh' },
    { value: 'leaflet', label: 'Tờ rơi' },
  ],
  ...fields,
});
const multiple = (fields: Partial<MultipleChoiceField> = {}): MultipleChoiceField => ({
  key: 'destinations',
  label: 'Nước đến',
  type: 'multiple_choice',
  required: true,
  choices: [
    { value: 'japan', label: 'Nhật Bản' },
    { value: 'korea', label: 'Hàn Quốc' },
    { value: 'taiwan', label: 'Đài Loan (Trung Quốc)' },
    { value: 'other', label: 'Nước khác' },
  ],
  ...fields,
});

const value = (field: ReportField, input: string, now?: Date) => {
  const result = parseFieldInput(field, input, { now });
  if (!result.ok) throw new Error(`${input}: ${result.message}`);
  return result.value;
};
const message = (field: ReportField, input: string) => {
  const result = parseFieldInput(field, input);
  if (result.ok) throw new Error(`${input} was accepted as ${JSON.stringify(result.value)}`);
  return result.message;
};

describe('parseFieldInput: counts', () => {
  it('reads whole numbers as people type them', () => {
    for (const [input, expected] of [
      ['12', 12],
      [' 0 ', 0],
      ['007', 7],
      ['1.200', 1200],
      ['1 200', 1200],
      ['1\u00a0200', 1200],
      ['1,200', 1200],
      ['1.234.567', 1_234_567],
      ['12.', 12],
      ['không', 0],
      ['khong co', 0],
      ['Ko', 0],
    ] as const) {
      expect(value(count(), input), input).toBe(expected);
    }
  });

  it('accepts the field’s unit after the number, with or without diacritics', () => {
    const people = count({ unit: 'người' });
    expect(value(people, '12 người')).toBe(12);
    expect(value(people, '1.200 nguoi')).toBe(1200);
    expect(value(people, '12người')).toBe(12);
    expect(message(people, '12 vụ')).toBe('Vui lòng nhập một số nguyên không âm, ví dụ 12.');
    expect(message(count(), '12 người')).toBe('Vui lòng nhập một số nguyên không âm, ví dụ 12.');
  });

  it('explains what is wrong in plain Vietnamese', () => {
    expect(message(count(), 'mười hai')).toBe('Vui lòng nhập một số nguyên không âm, ví dụ 12.');
    expect(message(count(), '-3')).toMatch(/^Số lượng không thể là số âm/);
    expect(message(count(), '3,5')).toMatch(/không có phần thập phân/);
    expect(message(count(), '1.20')).toMatch(/không có phần thập phân/);
    expect(message(count(), '1.2000')).toMatch(/không có phần thập phân/);
    expect(message(count(), '1.20.000')).toBe('Vui lòng nhập một số nguyên không âm, ví dụ 12.');
    expect(message(count(), '1.200 000')).toBe('Vui lòng nhập một số nguyên không âm, ví dụ 12.');
    expect(message(count(), '9'.repeat(16))).toBe('Số này quá lớn.');
  });

  it('keeps to the field’s range', () => {
    expect(message(count({ min: 1, max: 100 }), '101')).toBe('Vui lòng nhập một số từ 1 đến 100.');
    expect(message(count({ max: 5000 }), '6.000')).toBe(
      'Vui lòng nhập một số không lớn hơn 5.000.',
    );
    expect(message(count({ min: 1 }), '0')).toBe('Vui lòng nhập một số không nhỏ hơn 1.');
  });
});

describe('parseFieldInput: decimals', () => {
  it('reads the Vietnamese decimal comma and the dot', () => {
    for (const [input, expected] of [
      ['3,5', 3.5],
      ['3.5', 3.5],
      ['0,125', 0.125],
      ['-2,25', -2.25],
      ['1.200,5', 1200.5],
      ['1,200.5', 1200.5],
      ['1.234.567', 1_234_567],
      ['1 234,5', 1234.5],
      ['1234.567', 1234.567],
      ['42', 42],
      ['3,50', 3.5],
    ] as const) {
      expect(value(decimal({ decimals: 3 }), input), input).toBe(expected);
    }
  });

  it('asks again when a lone separator before three digits could mean thousands', () => {
    expect(message(decimal({ decimals: 3 }), '1.200')).toBe(
      '“1.200” có thể hiểu là 1200 hoặc 1,2. Vui lòng viết số không có dấu phân cách hàng nghìn, dùng dấu phẩy cho phần thập phân, ví dụ 1200 hoặc 1,2.',
    );
    expect(message(decimal({ decimals: 3 }), '1,200')).toMatch(/có thể hiểu là 1200 hoặc 1,2\./);
    expect(message(decimal({ decimals: 3 }), '5.000')).toMatch(/có thể hiểu là 5000 hoặc 5\./);
  });

  it('limits the digits after the comma', () => {
    expect(message(decimal(), '3,14159')).toBe(
      'Vui lòng nhập tối đa 2 chữ số sau dấu phẩy, ví dụ 3,25.',
    );
    expect(message(decimal({ decimals: 0 }), '3,5')).toMatch(/số nguyên/);
    expect(message(decimal(), 'ba phẩy năm')).toBe(
      'Vui lòng nhập một số, dùng dấu phẩy cho phần thập phân, ví dụ 3,5.',
    );
    expect(message(decimal(), '1,2,3.4')).toMatch(/ví dụ 3,5/);
    expect(message(decimal({ min: 0 }), '-1')).toBe('Vui lòng nhập một số không nhỏ hơn 0.');
  });
});

describe('parseFieldInput: text', () => {
  it('keeps the text, tidied: NFC, no control characters, trimmed', () => {
    expect(value(text(), '  Đã tổ chức\u0000 3 buổi\ntuyên truyền.  ')).toBe(
      'Đã tổ chức 3 buổi\ntuyên truyền.',
    );
    expect(value(text(), 'Tuyên truyền'.normalize('NFD'))).toBe('Tuyên truyền');
  });

  it('refuses text longer than the field allows, saying by how much', () => {
    expect(message(text({ maxLength: 10 }), 'một hai ba bốn')).toBe(
      'Nội dung quá dài: tối đa 10 ký tự, bạn đã nhập 14 ký tự. Vui lòng rút gọn.',
    );
    expect(message(text({ minLength: 20 }), 'ngắn')).toMatch(/ít nhất 20 ký tự/);
    expect(message(text(), 'x'.repeat(50_000))).toMatch(/tối đa 4.000 ký tự/);
  });
});

describe('parseFieldInput: dates', () => {
  it('reads day/month/year in the usual ways', () => {
    for (const input of [
      '05/07/2026',
      '5/7/2026',
      '05-07-2026',
      '5.7.2026',
      '05/07/26',
      '5 / 7 / 2026',
      '2026-07-05',
      'ngày 5 tháng 7 năm 2026',
      'Ngay 05 thang 07 nam 2026',
    ]) {
      expect(value(date(), input), input).toBe('2026-07-05');
    }
  });

  it('reads today and yesterday in Vietnam time', () => {
    // 17:30 UTC on 04/07 is 00:30 on 05/07 in Vietnam.
    const now = new Date('2026-07-04T17:30:00Z');
    expect(value(date(), 'hôm nay', now)).toBe('2026-07-05');
    expect(value(date(), 'hom qua', now)).toBe('2026-07-04');
    expect(message(date(), 'hôm nay')).toMatch(/ngày\/tháng\/năm/);
  });

  it('refuses days not on the calendar and other formats', () => {
    expect(message(date(), '31/02/2026')).toBe(
      'Ngày 31/02/2026 không có trên lịch. Vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/07/2026.',
    );
    expect(message(date(), '05/07-2026')).toMatch(/ví dụ 05\/07\/2026/);
    expect(message(date(), 'tuần trước')).toMatch(/ví dụ 05\/07\/2026/);
    expect(message(date({ min: '2026-01-01' }), '31/12/2025')).toBe(
      'Ngày phải từ 01/01/2026 trở về sau.',
    );
    expect(message(date({ max: '2026-06-30' }), '01/07/2026')).toBe(
      'Ngày không được sau 30/06/2026.',
    );
  });
});

describe('parseFieldInput: yes/no', () => {
  it('reads yes and no typed any way', () => {
    for (const input of [
      'có',
      'Có',
      'CO',
      'c',
      'yes',
      'ok',
      'rồi',
      'Dạ có ạ',
      'vâng ạ',
      'ừ',
      '1',
    ]) {
      expect(value(yesNo, input), input).toBe(true);
    }
    for (const input of [
      'không',
      'khong',
      'k',
      'ko',
      'No',
      'chưa',
      'không có',
      'dạ không ạ',
      '2',
    ]) {
      expect(value(yesNo, input), input).toBe(false);
    }
    expect(message(yesNo, 'có lẽ')).toBe('Vui lòng trả lời “có” hoặc “không”.');
  });
});

describe('parseFieldInput: choices', () => {
  it('reads a choice by its number, its label without diacritics, or the start of a label', () => {
    expect(value(single(), '2')).toBe('radio');
    expect(value(single(), '2.')).toBe('radio');
    expect(value(single(), 'Phát thanh')).toBe('radio');
    expect(value(single(), 'phat thanh')).toBe('radio');
    expect(value(single(), 'TO ROI')).toBe('leaflet');
    expect(value(single(), 'hoi')).toBe('meeting');
    expect(value(single(), 'leaflet')).toBe('leaflet');
  });

  it('lists the choices when it cannot tell', () => {
    expect(message(single(), 'báo chí')).toBe(
      'Không có lựa chọn “báo chí”. Vui lòng chọn theo số thứ tự hoặc gõ tên lựa chọn: 1. Hội nghị; 2. Phát thanh; 3. Tờ rơi.',
    );
    expect(message(single(), '4')).toBe('Vui lòng chọn một số từ 1 đến 3.');
    const ambiguous = single({
      choices: [
        { value: 'a', label: 'Tập huấn cán bộ' },
        { value: 'b', label: 'Tập huấn người dân' },
      ],
    });
    expect(message(ambiguous, 'tap huan')).toMatch(/^Không có lựa chọn/);
  });

  it('reads several choices separated by commas, "và", lines or spaces between numbers', () => {
    expect(value(multiple(), '1, 3')).toEqual(['japan', 'taiwan']);
    expect(value(multiple(), '3 1')).toEqual(['japan', 'taiwan']);
    expect(value(multiple(), 'han quoc và nhật bản')).toEqual(['japan', 'korea']);
    expect(value(multiple(), 'Hàn Quốc\nNước khác; 2')).toEqual(['korea', 'other']);
    expect(value(multiple(), 'Đài Loan (Trung Quốc)')).toEqual(['taiwan']);
    expect(value(multiple({ required: false }), 'không')).toEqual([]);
  });

  it('names what it did not understand, and keeps to the number of choices allowed', () => {
    expect(message(multiple(), '1, Lào, 9')).toMatch(/^Không hiểu lựa chọn “lao”, “9”\./);
    expect(message(multiple(), 'không')).toBe('Vui lòng chọn ít nhất 1 lựa chọn.');
    expect(message(multiple({ maxSelected: 2 }), '1, 2, 3')).toBe(
      'Chỉ được chọn tối đa 2 lựa chọn.',
    );
    expect(message(multiple({ minSelected: 2 }), '1')).toBe('Vui lòng chọn ít nhất 2 lựa chọn.');
  });
});

describe('parseFieldInput: unanswered', () => {
  it('lets an optional field be skipped, and says a required one cannot', () => {
    expect(isSkipAnswer('Bỏ qua')).toBe(true);
    expect(isSkipAnswer('bo qua.')).toBe(true);
    expect(isSkipAnswer('-')).toBe(true);
    expect(isSkipAnswer('bỏ')).toBe(false);
    expect(parseFieldInput(count({ required: false }), 'bỏ qua')).toEqual({
      ok: true,
      value: null,
    });
    expect(parseFieldInput(text(), 'bo qua')).toEqual({ ok: true, value: null });
    expect(parseFieldInput(text(), '   ')).toEqual({ ok: true, value: null });
    expect(message(count(), 'bỏ qua')).toBe(
      'Mục này bắt buộc, không bỏ qua được. Vui lòng nhập một số nguyên không âm, ví dụ 12.',
    );
    expect(message(text({ required: true }), '')).toMatch(/^Mục này bắt buộc/);
  });

  it('never throws on odd input', () => {
    const fields: ReportField[] = [count(), decimal(), text(), date(), yesNo, single(), multiple()];
    for (const field of fields) {
      for (const input of [
        '',
        '\u0000',
        '🙂',
        'x'.repeat(10_000),
        '<b>1</b>',
        undefined as unknown as string,
      ]) {
        expect(() => parseFieldInput(field, input)).not.toThrow();
      }
    }
  });
});

describe('validateValue', () => {
  it('accepts well-typed values and tidies them', () => {
    expect(validateValue(count(), 12)).toEqual({ ok: true, value: 12 });
    expect(validateValue(decimal(), 3.25)).toEqual({ ok: true, value: 3.25 });
    expect(validateValue(text(), '  ghi chú ')).toEqual({ ok: true, value: 'ghi chú' });
    expect(validateValue(date(), '2026-07-05')).toEqual({ ok: true, value: '2026-07-05' });
    expect(validateValue(yesNo, false)).toEqual({ ok: true, value: false });
    expect(validateValue(single(), 'radio')).toEqual({ ok: true, value: 'radio' });
    expect(validateValue(multiple(), ['other', 'japan', 'other'])).toEqual({
      ok: true,
      value: ['japan', 'other'],
    });
  });

  it('refuses values of the wrong type or out of range', () => {
    expect(validateValue(count(), 1.5).ok).toBe(false);
    expect(validateValue(count(), '12').ok).toBe(false);
    expect(validateValue(count(), -1)).toEqual({
      ok: false,
      message: 'Số lượng không thể là số âm. Vui lòng nhập một số nguyên không âm, ví dụ 12.',
    });
    expect(validateValue(count(), Number.MAX_SAFE_INTEGER + 2).ok).toBe(false);
    expect(validateValue(decimal(), Number.NaN).ok).toBe(false);
    expect(validateValue(decimal(), 0.125).ok).toBe(false);
    expect(validateValue(decimal(), 0.1 + 0.2)).toEqual({ ok: true, value: 0.3 });
    expect(validateValue(date(), '05/07/2026').ok).toBe(false);
    expect(validateValue(yesNo, 'có').ok).toBe(false);
    expect(validateValue(single(), 'tv').ok).toBe(false);
    expect(validateValue(multiple(), ['japan', 'mars']).ok).toBe(false);
    expect(validateValue(multiple(), 'japan').ok).toBe(false);
    expect(validateValue(text({ maxLength: 3 }), 'abcd').ok).toBe(false);
  });

  it('treats null, undefined, blank text and an empty list as not answered', () => {
    expect(validateValue(count({ required: false }), null)).toEqual({ ok: true, value: null });
    expect(validateValue(text(), '  ')).toEqual({ ok: true, value: null });
    expect(validateValue(count(), undefined).ok).toBe(false);
    expect(validateValue(multiple(), []).ok).toBe(false);
    expect(validateValue(multiple({ required: false }), [])).toEqual({ ok: true, value: [] });
  });
});

describe('showing fields and values', () => {
  it('formats numbers the Vietnamese way', () => {
    expect(formatNumberVi(1200)).toBe('1.200');
    expect(formatNumberVi(1_234_567.25)).toBe('1.234.567,25');
    expect(formatNumberVi(-3.5)).toBe('-3,5');
    expect(formatNumberVi(0)).toBe('0');
  });

  it('shows values as people read them', () => {
    expect(formatFieldValue(count({ unit: 'người' }), 1200)).toBe('1.200 người');
    expect(formatFieldValue(decimal(), 3.5)).toBe('3,5');
    expect(formatFieldValue(yesNo, true)).toBe('Có');
    expect(formatFieldValue(date(), '2026-07-05')).toBe('05/07/2026');
    expect(formatFieldValue(single(), 'radio')).toBe('Phát thanh');
    expect(formatFieldValue(multiple(), ['japan', 'korea'])).toBe('Nhật Bản, Hàn Quốc');
    expect(formatFieldValue(multiple(), [])).toBe('(không chọn)');
    expect(formatFieldValue(count(), null)).toBe('(bỏ trống)');
  });

  it('tells how to answer each field', () => {
    expect(fieldHintVi(count())).toBe('Vui lòng nhập một số nguyên không âm, ví dụ 12.');
    expect(fieldHintVi(count({ required: false, max: 100 }))).toBe(
      'Vui lòng nhập một số nguyên không âm, ví dụ 12. Số không lớn hơn 100. Gõ “bỏ qua” nếu không có thông tin.',
    );
    expect(fieldHintVi(date({ min: '2026-01-01', max: '2026-06-30' }))).toMatch(
      /Ngày từ 01\/01\/2026 đến 30\/06\/2026\./,
    );
    expect(fieldHintVi(yesNo)).toBe('Vui lòng trả lời “có” hoặc “không”.');
  });
});
