import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  formatDateTimeVi,
  formatDateVi,
  isIsoDate,
  localDateOf,
  localIsoDateOf,
  localMinutesOfDay,
  parseIsoDate,
  startOfLocalDay,
  toIsoDate,
  VIETNAM_UTC_OFFSET_MINUTES,
} from './local-time';

describe('Vietnam local time', () => {
  it('is UTC+7 all year round', () => {
    expect(VIETNAM_UTC_OFFSET_MINUTES).toBe(420);
    // No daylight saving: the same offset in January and in July.
    expect(localIsoDateOf(new Date('2026-01-15T16:59:00Z'))).toBe('2026-01-15');
    expect(localIsoDateOf(new Date('2026-01-15T17:00:00Z'))).toBe('2026-01-16');
    expect(localIsoDateOf(new Date('2026-07-15T17:00:00Z'))).toBe('2026-07-16');
  });

  it('gives the local day and time of an instant', () => {
    expect(localDateOf(new Date('2026-12-31T17:30:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(localMinutesOfDay(new Date('2026-07-05T01:00:00Z'))).toBe(8 * 60);
    expect(localMinutesOfDay(new Date('2026-07-05T16:59:00Z'))).toBe(23 * 60 + 59);
    expect(localMinutesOfDay(new Date('1969-12-31T17:00:00Z'))).toBe(0);
  });

  it('begins and ends a local day at 17:00 and 16:59:59.999 UTC', () => {
    expect(startOfLocalDay('2026-07-05').toISOString()).toBe('2026-07-04T17:00:00.000Z');
    expect(endOfLocalDay({ year: 2026, month: 7, day: 5 }).toISOString()).toBe(
      '2026-07-05T16:59:59.999Z',
    );
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays({ year: 2026, month: 1, day: 5 }, -7)).toEqual({
      year: 2025,
      month: 12,
      day: 29,
    });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(daysBetween({ year: 2026, month: 12, day: 29 }, { year: 2027, month: 1, day: 5 })).toBe(
      7,
    );
  });

  it('reads only days that exist', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('05/07/2026')).toBeNull();
    expect(parseIsoDate('0099-01-01')).toBeNull();
    expect(isIsoDate('2026-07-05')).toBe(true);
    expect(isIsoDate(20260705)).toBe(false);
    expect(toIsoDate({ year: 2026, month: 7, day: 5 })).toBe('2026-07-05');
  });

  it('formats days as dd/mm/yyyy, an instant by its local day', () => {
    expect(formatDateVi('2026-07-05')).toBe('05/07/2026');
    expect(formatDateVi(new Date('2026-07-05T16:59:00Z'))).toBe('05/07/2026');
    expect(formatDateVi(new Date('2026-07-05T17:00:00Z'))).toBe('06/07/2026');
    expect(formatDateTimeVi(new Date('2026-07-05T16:59:00Z'))).toBe('23:59 05/07/2026');
    expect(() => formatDateVi('05/07/2026')).toThrow(RangeError);
  });
});
