import { describe, expect, it } from 'vitest';
import {
  foldDiacritics,
  hasDiacritics,
  MAX_INPUT_CHARS,
  normaliseText,
  stripControlChars,
} from '.';

describe('normaliseText', () => {
  it('turns NFD input into the same NFC text', () => {
    const nfc = 'Hộ chiếu của tôi bị mất'.normalize('NFC');
    expect(normaliseText(nfc.normalize('NFD'))).toBe(normaliseText(nfc));
  });

  it('lower-cases, including Đ', () => {
    expect(normaliseText('ĐĂNG KÝ XKLĐ')).toBe('đăng ký xklđ');
  });

  it('removes zero-width characters without splitting the word', () => {
    expect(normaliseText('hộ\u200B chi\u200Cế\u200Du\uFEFF')).toBe('hộ chiếu');
  });

  it('drops HTML tags and entities', () => {
    const words = normaliseText('<p>Xin <b>visa</b>&nbsp;ở đâu?</p>').split(/\s+/).filter(Boolean);
    expect(words).toEqual(['xin', 'visa', 'ở', 'đâu?']);
  });

  it('keeps apostrophe words whole', () => {
    expect(normaliseText("Hasn't paid")).toBe('hasnt paid');
  });

  it('caps the length of what it returns', () => {
    expect(normaliseText('a'.repeat(10_000))).toHaveLength(MAX_INPUT_CHARS);
    expect(normaliseText('a'.repeat(10_000), 20_000)).toHaveLength(10_000);
  });

  it('returns an empty string for anything that is not a string', () => {
    expect(normaliseText(undefined)).toBe('');
    expect(normaliseText(42)).toBe('');
    expect(normaliseText({ toString: () => 'x' })).toBe('');
  });
});

describe('foldDiacritics', () => {
  it('removes tones, vowel marks and the bar of đ', () => {
    expect(foldDiacritics('Đăng ký xuất khẩu lao động ở Đài Loan')).toBe(
      'Dang ky xuat khau lao dong o Dai Loan',
    );
  });

  it('tells whether a text carries diacritics', () => {
    expect(hasDiacritics('đi')).toBe(true);
    expect(hasDiacritics('di xuat khau')).toBe(false);
  });
});

describe('stripControlChars', () => {
  it('drops C0, DEL and C1 controls but keeps tabs and line breaks', () => {
    expect(stripControlChars('Hộ\u0000 chiếu\u0007\u001b\u007f\u0085\tmới\r\n')).toBe(
      'Hộ chiếu\tmới\r\n',
    );
  });
});
