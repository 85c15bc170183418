import { describe, expect, it } from 'vitest';
import { readingShare, readingsOfLetters } from './syllable-frequency';
import { syllableKeys } from './syllable';

const exactOf = (syllable: string): string => syllableKeys(syllable).exact;
const only =
  (...syllables: string[]) =>
  (exact: string): boolean =>
    syllables.map(exactOf).includes(exact);

describe('readingShare', () => {
  it('gives the share of the letters’ uses that are the accepted readings', () => {
    const gia = readingShare('gia', only('giá'));
    expect(gia).toBeGreaterThan(0);
    expect(gia).toBeLessThan(1);
    // "giá" is far more common than "giã".
    expect(gia).toBeGreaterThan(readingShare('gia', only('giã')) ?? 1);
    expect(readingShare('gia', () => true)).toBe(1);
    expect(readingShare('gia', () => false)).toBe(0);
  });

  it('counts old and new tone placements as one syllable', () => {
    expect(readingShare('hoa', only('hòa'))).toBe(readingShare('hoa', only('hoà')));
    expect(readingShare('hoa', only('hòa'))).toBeGreaterThan(0);
  });

  it('says nothing of letters it has not seen', () => {
    expect(readingShare('xkld', () => true)).toBeUndefined();
  });

  it('lists the readings of letters with their shares, the most common one largest', () => {
    const readings = readingsOfLetters('vang');
    const total = readings.reduce((sum, r) => sum + r.share, 0);
    expect(total).toBeCloseTo(1, 10);
    const share = (syllable: string): number =>
      readings.find((r) => r.exact === exactOf(syllable))?.share ?? 0;
    expect(share('vàng')).toBeGreaterThan(share('vâng'));
    expect(readingsOfLetters('xkld')).toEqual([]);
  });
});
