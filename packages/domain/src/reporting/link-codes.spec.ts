import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatLinkCode,
  generateLinkCode,
  isLinkCode,
  LINK_CODE_ALPHABET,
  LINK_CODE_LENGTH,
  normaliseLinkCode,
} from './link-codes';

/** A random source that returns the given bytes in turn, over and over. */
const bytes =
  (...values: number[]) =>
  (size: number) =>
    Uint8Array.from({ length: size }, (_, index) => values[index % values.length]);

describe('link codes', () => {
  it('use no look-alike characters', () => {
    expect(LINK_CODE_ALPHABET).toHaveLength(31);
    for (const symbol of '0O1IL') expect(LINK_CODE_ALPHABET).not.toContain(symbol);
    expect(new Set(LINK_CODE_ALPHABET).size).toBe(LINK_CODE_ALPHABET.length);
  });

  it('are drawn from the random source given', () => {
    expect(generateLinkCode(bytes(0, 1, 2, 3, 4, 5, 6, 7))).toBe('ABCDEFGH');
    expect(generateLinkCode(bytes(30))).toBe('99999999');
    // 31 and 62 wrap round to A, as any byte below 248 does.
    expect(generateLinkCode(bytes(31, 62))).toBe('AAAAAAAA');
  });

  it('throw away bytes that would favour some symbols', () => {
    expect(generateLinkCode(bytes(248, 255, 0))).toBe('AAAAAAAA');
    expect(() => generateLinkCode(bytes(250))).toThrow(/too few usable bytes/);
  });

  it('come out valid, and spread over the whole alphabet, with crypto', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const code = generateLinkCode(randomBytes);
      expect(isLinkCode(code)).toBe(true);
      for (const symbol of code) seen.add(symbol);
    }
    expect(seen.size).toBe(LINK_CODE_ALPHABET.length);
  });

  it('are read back however people type them', () => {
    for (const typed of [
      'ABCD-EFGH',
      'abcd efgh',
      ' abcdefgh ',
      'Abcd–Efgh',
      'ab.cd_ef gh',
      'ａｂｃｄ－ｅｆｇｈ',
    ]) {
      expect(normaliseLinkCode(typed), typed).toBe('ABCDEFGH');
    }
  });

  it('refuse what cannot be a code', () => {
    for (const typed of [
      'ABCD-EFG',
      'ABCD-EFGHJ',
      'ABCD-EFG0',
      'abcd-efgl',
      'ABCD EFG!',
      '',
      'x'.repeat(100),
    ]) {
      expect(normaliseLinkCode(typed), typed).toBeNull();
    }
    expect(isLinkCode('abcdefgh')).toBe(false);
    expect(isLinkCode('ABCDEFGH')).toBe(true);
  });

  it('are shown in two groups of four', () => {
    expect(formatLinkCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(LINK_CODE_LENGTH).toBe(8);
  });
});
