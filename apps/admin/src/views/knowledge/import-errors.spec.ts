import { describe, expect, it } from 'vitest';
import { translator } from '@/test-utils/translator';
import { importErrorText } from './import-errors';

const textIn = (locale: 'vi-VN' | 'en-US') => translator(locale).t;
const vi = (message: string) => importErrorText(message, textIn('vi-VN'));

describe('importErrorText', () => {
  // The API's own messages (faq-transfer.dto.ts, class-validator's defaults, knowledge.errors.ts).
  it('says the import’s reasons in Vietnamese, naming the column staff know', () => {
    expect(vi('question is required')).toBe('Thiếu câu hỏi.');
    expect(vi('answer must be at least 10 characters')).toBe(
      'Câu trả lời phải có ít nhất 10 ký tự.',
    );
    expect(vi('question must be shorter than or equal to 500 characters')).toBe(
      'Câu hỏi dài tối đa 500 ký tự.',
    );
    expect(vi('each value in alternates must be shorter than or equal to 300 characters')).toBe(
      'Mỗi mục trong cách hỏi khác dài tối đa 300 ký tự.',
    );
    expect(vi('status must be one of: draft, published, archived')).toMatch(/^Trạng thái chỉ/);
    expect(vi('unknown field colour')).toBe(
      'Cột “colour” không dùng được: xem danh sách cột ở trên.',
    );
    expect(vi('id faq-7 already appears in row 2')).toBe(
      'Mã “faq-7” đã có ở dòng 2: mỗi mã chỉ xuất hiện một lần trong tệp.',
    );
    expect(vi('Another FAQ already has the id "visa-1".')).toBe(
      'Một câu hỏi khác đã dùng mã “visa-1”.',
    );
  });

  it('names the list separator of a CSV cell', () => {
    expect(vi('tags must be a list of texts')).toBe(
      'Nhãn phải là danh sách chữ (các mục cách nhau bằng dấu |).',
    );
  });

  it('keeps a reason it does not know, after a Vietnamese lead-in', () => {
    expect(vi('something new went wrong')).toBe('Dòng không hợp lệ (something new went wrong).');
  });

  it('speaks English in the English console', () => {
    expect(importErrorText('topic is required', textIn('en-US'))).toBe('The topic is missing.');
  });
});
