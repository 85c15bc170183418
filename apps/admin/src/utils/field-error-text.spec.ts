import { describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { translator } from '@/test-utils/translator';
import { fieldErrorText } from './field-error-text';

const texter = (locale: 'vi-VN' | 'en-US') => {
  const { t, te } = translator(locale);
  return (message: string, reason?: string) =>
    fieldErrorText({ field: 'x', message, reason }, t, te);
};
const vi = texter('vi-VN');

describe('fieldErrorText', () => {
  // Messages the API sends (units.errors.ts, unit.dto.ts, class-validator's defaults…).
  it('says the API’s reasons in Vietnamese, beside a field that needs no name', () => {
    expect(vi('already used')).toBe('Giá trị này đã được dùng cho một mục khác.');
    expect(vi('contactEmail must be an email address')).toBe('Chưa đúng dạng địa chỉ email.');
    expect(vi('name must be shorter than or equal to 200 characters')).toBe(
      'Dài tối đa 200 ký tự.',
    );
    expect(vi('password must be longer than or equal to 10 characters')).toBe(
      'Cần ít nhất 10 ký tự.',
    );
    expect(vi('code is required')).toBe('Vui lòng nhập trường này.');
    expect(vi('code must be text')).toBe('Phải là chữ.');
    expect(vi('parentId must be a unit id (UUID)')).toBe(
      'Hãy chọn lại trong danh sách: mục đã chọn không còn.',
    );
    expect(vi('entityId must be a UUID')).toMatch(/^Chưa đúng dạng mã định danh/);
    expect(vi('kind must be one of: province, district, commune')).toBe(
      'Hãy chọn một giá trị trong danh sách.',
    );
    expect(vi('wrong password')).toBe('Mật khẩu hiện tại không đúng.');
  });

  it('says why a password is refused from its stable reason', () => {
    expect(vi('password is too common', 'common')).toBe(messages['vi-VN'].passwordProblems.common);
  });

  it('shows a reason it does not know as sent: a report value’s is already Vietnamese', () => {
    expect(vi('Số người: phải là số nguyên không âm')).toBe('Số người: phải là số nguyên không âm');
  });

  it('speaks English in the English console', () => {
    expect(texter('en-US')('already used')).toBe('This value is already used by another item.');
  });
});
