import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInPeriod,
  eachDay,
  isDay,
  startOfVietnamDay,
  vietnamDay,
} from './vietnam-days';

describe('Vietnam days', () => {
  it('reads the day in Vietnam, which starts at 17:00 UTC the evening before', () => {
    expect(vietnamDay(new Date('2026-12-05T16:59:59Z'))).toBe('2026-12-05');
    expect(vietnamDay(new Date('2026-12-05T17:00:00Z'))).toBe('2026-12-06');
    expect(startOfVietnamDay('2026-12-06').toISOString()).toBe('2026-12-05T17:00:00.000Z');
  });

  it('accepts real calendar days only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-1')).toBe(false);
    expect(isDay('06/12/2026')).toBe(false);
    expect(isDay(20261206)).toBe(false);
  });

  it('counts and lists the days of a period, across a month and a year', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysInPeriod('2026-12-30', '2027-01-02')).toBe(4);
    expect(daysInPeriod('2026-12-06', '2026-12-05')).toBe(0);
    expect(eachDay('2026-12-30', '2027-01-01')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });
});
