import { describe, expect, it } from 'vitest';
import { toCleanText, withoutControlChars } from './transforms';

describe('text cleaning', () => {
  it('drops control characters but keeps tabs and line breaks', () => {
    expect(withoutControlChars('a\u0000b\u0007c\u007f\u0085d\te\r\nf')).toBe('abcd\te\r\nf');
    expect(withoutControlChars(5)).toBe(5);
  });

  it('cleans free text: NFC, no control characters, trimmed', () => {
    expect(toCleanText(' Ho\u0302\u0300 \u0000Chí Minh\n')).toBe('Hồ Chí Minh');
    expect(toCleanText(null)).toBe(null);
  });

  it('counts zero-width characters as space at the edges, not inside', () => {
    expect(toCleanText('\u200B \n\t\uFEFF\u2060')).toBe('');
    expect(toCleanText('\u200Bxin chào\u200D')).toBe('xin chào');
    expect(toCleanText('👨\u200D👩')).toBe('👨\u200D👩');
  });
});
