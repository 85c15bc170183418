import { describe, expect, it } from 'vitest';
import { eachIsoDate, isoDaysInPeriod, shiftIsoDate } from './day-periods';

describe('periods of days', () => {
  it('moves a day across months and years', () => {
    expect(shiftIsoDate('2026-12-30', 3)).toBe('2027-01-02');
    expect(shiftIsoDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts and lists the days of a period, both ends included', () => {
    expect(isoDaysInPeriod('2026-12-30', '2027-01-02')).toBe(4);
    expect(isoDaysInPeriod('2026-12-06', '2026-12-06')).toBe(1);
    expect(isoDaysInPeriod('2026-12-06', '2026-12-05')).toBe(0);
    expect(eachIsoDate('2026-12-30', '2027-01-01')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
    ]);
  });

  it('refuses text that is not a day', () => {
    expect(() => shiftIsoDate('2026-02-30', 1)).toThrow(RangeError);
  });
});
