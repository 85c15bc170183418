import { describe, expect, it } from 'vitest';
import { cleanText, cutText } from './clean-text';

describe('cleanText', () => {
  it('composes to NFC', () => {
    const decomposed = 'Vie\u0302\u0323t Nam';
    expect(cleanText(decomposed)).toBe('Việt Nam');
    expect(cleanText(decomposed)).toHaveLength(8);
  });

  it('drops NUL and other control characters, keeping line breaks and tabs', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f\tg\nh')).toBe('abcdef\tg\nh');
    expect(cleanText('dòng 1\r\ndòng 2\rdòng 3')).toBe('dòng 1\ndòng 2\ndòng 3');
  });

  it('replaces lone surrogates and keeps whole emoji', () => {
    expect(cleanText('a\uD83Db')).toBe('a\uFFFDb');
    expect(cleanText('a\uDE00b')).toBe('a\uFFFDb');
    expect(cleanText('cảm ơn 😀')).toBe('cảm ơn 😀');
  });
});

describe('cutText', () => {
  it('cuts by code points, never inside an emoji', () => {
    expect(cutText('😀😀😀', 2)).toBe('😀😀');
    expect(cutText('abc', 5)).toBe('abc');
  });
});
