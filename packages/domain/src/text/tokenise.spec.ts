import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS, isVietnameseSyllable, QUESTION_LIMITS, syllableKeys, tokenise } from '.';

describe('tokenise', () => {
  it('splits on spaces, punctuation and emoji', () => {
    expect(tokenise('Mất hộ chiếu,giờ sao?😭🙏 ạ!!').map((t) => t.text)).toEqual([
      'mất',
      'hộ',
      'chiếu',
      'giờ',
      'sao',
      'ạ',
    ]);
  });

  it('gives exact and folded keys, and marks accented tokens', () => {
    const [typed, plain] = tokenise('Chiếu chieu');
    expect(typed).toMatchObject({ folded: 'chieu', marked: true });
    expect(plain).toMatchObject({ folded: 'chieu', marked: false });
    expect(typed.exact).not.toBe(plain.exact);
  });

  it('limits a question but not a FAQ text', () => {
    const long = 'hộ chiếu '.repeat(1_000);
    expect(tokenise(long).length).toBeLessThanOrEqual(QUESTION_LIMITS.maxTokens);
    expect(tokenise(long, DOCUMENT_LIMITS)).toHaveLength(2_000);
  });

  it('keeps other scripts as tokens instead of failing', () => {
    expect(tokenise('Привет 你好').map((t) => t.folded)).toEqual(['привет', '你好']);
  });
});

describe('syllableKeys', () => {
  it('gives the same exact key for old and new tone placement', () => {
    expect(syllableKeys('khoẻ').exact).toBe(syllableKeys('khỏe').exact);
    expect(syllableKeys('hoà').exact).toBe(syllableKeys('hòa').exact);
    expect(syllableKeys('thuỷ').exact).toBe(syllableKeys('thủy').exact);
  });

  it('keeps different tones and vowel marks apart in the exact key only', () => {
    expect(syllableKeys('bán').exact).not.toBe(syllableKeys('bạn').exact);
    expect(syllableKeys('mất').exact).not.toBe(syllableKeys('mát').exact);
    expect(syllableKeys('bán').folded).toBe(syllableKeys('bạn').folded);
  });

  it('merges the i/y spellings after a consonant', () => {
    expect(syllableKeys('ký').exact).toBe(syllableKeys('kí').exact);
    expect(syllableKeys('ky').folded).toBe('ki');
    expect(syllableKeys('lý').folded).toBe('li');
    expect(syllableKeys('y').folded).toBe('y');
    expect(syllableKeys('thủy').folded).toBe('thuy');
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['nguoi', 'chieu', 'khuyen', 'truong', 'ho', 'a'])('accepts %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each(['passport', 'how', 'first', 'xkld', 'dsq', 'visa'])('rejects %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});
