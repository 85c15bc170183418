import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  isLate,
  nextPeriod,
  parsePeriodKey,
  periodAt,
  periodByKey,
  periodKeyFirstDay,
  periodsBetween,
  periodsDueBetween,
  type ReportingPeriod,
} from './periods';
import type { ReportSchedule } from './schedule';

/** An instant given as Vietnam local time, "2026-07-05 23:59". */
const local = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);
const utc = (text: string) => new Date(`${text.replace(' ', 'T')}:00Z`);

const yearly: ReportSchedule = { kind: 'yearly', due: { day: 5, month: 11 } };
const halfYearly: ReportSchedule = {
  kind: 'half_yearly',
  due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
};
const quarterly: ReportSchedule = { kind: 'quarterly', due: { day: 10, monthsAfter: 1 } };
const monthly: ReportSchedule = { kind: 'monthly', due: { day: 31, monthsAfter: 0 } };
const once: ReportSchedule = {
  kind: 'once',
  firstDay: '2026-03-01',
  lastDay: '2026-03-31',
  dueDate: '2026-04-10',
};

const keys = (periods: ReportingPeriod[]) => periods.map((period) => period.key);

describe('periods of a schedule', () => {
  it('makes a calendar year, due 05/11 of that year, with its instants in UTC', () => {
    expect(periodByKey(yearly, '2026')).toEqual({
      key: '2026',
      kind: 'yearly',
      label: 'Năm 2026',
      firstDay: '2026-01-01',
      lastDay: '2026-12-31',
      dueDate: '2026-11-05',
      startsAt: utc('2025-12-31 17:00'),
      endsAt: utc('2026-12-31 17:00'),
      dueAt: new Date('2026-11-05T16:59:59.999Z'),
    });
  });

  it('makes two halves, the second due 05/01 of the next year', () => {
    const first = periodByKey(halfYearly, '2026-H1');
    const second = periodByKey(halfYearly, '2026-H2');
    expect(first).toMatchObject({
      label: '6 tháng đầu năm 2026',
      firstDay: '2026-01-01',
      lastDay: '2026-06-30',
      dueDate: '2026-07-05',
    });
    expect(second).toMatchObject({
      label: '6 tháng cuối năm 2026',
      firstDay: '2026-07-01',
      lastDay: '2026-12-31',
      dueDate: '2027-01-05',
    });
    expect(first?.endsAt).toEqual(second?.startsAt);
  });

  it('names quarters in Roman numerals and months by number', () => {
    expect(periodByKey(quarterly, '2026-Q3')).toMatchObject({
      label: 'Quý III/2026',
      firstDay: '2026-07-01',
      lastDay: '2026-09-30',
      dueDate: '2026-10-10',
    });
    expect(periodByKey(quarterly, '2026-Q4')?.dueDate).toBe('2027-01-10');
    expect(periodByKey(monthly, '2026-07')).toMatchObject({
      label: 'Tháng 7/2026',
      lastDay: '2026-07-31',
      dueDate: '2026-07-31',
    });
  });

  it('moves a due day past the end of its month to the last day', () => {
    expect(periodByKey(monthly, '2026-02')?.dueDate).toBe('2026-02-28');
    expect(periodByKey(monthly, '2028-02')?.dueDate).toBe('2028-02-29');
    expect(periodByKey(monthly, '2026-04')?.dueDate).toBe('2026-04-30');
    const leapDay: ReportSchedule = { kind: 'yearly', due: { day: 29, month: 2, yearOffset: 1 } };
    expect(periodByKey(leapDay, '2026')?.dueDate).toBe('2027-02-28');
    expect(periodByKey(leapDay, '2027')?.dueDate).toBe('2028-02-29');
  });

  it('makes the one period of a one-off schedule, with a default label', () => {
    expect(periodByKey(once, 'once')).toMatchObject({
      key: 'once',
      label: 'Kỳ báo cáo từ 01/03/2026 đến 31/03/2026',
      dueAt: new Date('2026-04-10T16:59:59.999Z'),
    });
    expect(
      periodByKey({ ...once, label: 'Rà soát tháng 3' } as ReportSchedule, 'once')?.label,
    ).toBe('Rà soát tháng 3');
  });

  it('reads keys, and refuses a key of another kind of schedule', () => {
    expect(parsePeriodKey('2026-H2')).toEqual({ kind: 'half_yearly', year: 2026, index: 2 });
    expect(parsePeriodKey('2026-07')).toEqual({ kind: 'monthly', year: 2026, index: 7 });
    expect(parsePeriodKey('once')).toEqual({ kind: 'once' });
    for (const bad of ['2026-H3', '2026-Q0', '2026-13', '26', '2026-7', '', 'ONCE', '0001']) {
      expect(parsePeriodKey(bad), bad).toBeNull();
    }
    expect(periodByKey(halfYearly, '2026-Q1')).toBeNull();
    expect(periodByKey(yearly, 'once')).toBeNull();
    expect(periodKeyFirstDay('2026-Q3')).toBe('2026-07-01');
    expect(periodKeyFirstDay('2026-H2')).toBe('2026-07-01');
    expect(periodKeyFirstDay('once')).toBeNull();
  });
});

describe('periodAt', () => {
  it('decides by the local day, not the UTC day', () => {
    expect(periodAt(halfYearly, local('2026-06-30 23:59'))?.key).toBe('2026-H1');
    // 30/06 17:00 UTC is already 01/07 in Vietnam.
    expect(periodAt(halfYearly, utc('2026-06-30 17:00'))?.key).toBe('2026-H2');
    expect(periodAt(yearly, utc('2026-12-31 17:00'))?.key).toBe('2027');
    expect(periodAt(monthly, local('2026-01-01 00:00'))?.key).toBe('2026-01');
  });

  it('finds a one-off period only within its days', () => {
    expect(periodAt(once, local('2026-03-15 12:00'))?.key).toBe('once');
    expect(periodAt(once, local('2026-04-01 00:00'))).toBeNull();
  });

  it('refuses an invalid instant', () => {
    expect(() => periodAt(yearly, new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('currentPeriod', () => {
  it('is the period still due soonest among those begun', () => {
    expect(currentPeriod(halfYearly, local('2026-07-02 09:00'))?.key).toBe('2026-H1');
    expect(currentPeriod(halfYearly, local('2026-07-05 23:59'))?.key).toBe('2026-H1');
    expect(currentPeriod(halfYearly, local('2026-07-06 00:00'))?.key).toBe('2026-H2');
    expect(currentPeriod(halfYearly, local('2027-01-03 10:00'))?.key).toBe('2026-H2');
    expect(currentPeriod(quarterly, local('2026-04-08 10:00'))?.key).toBe('2026-Q1');
    expect(currentPeriod(quarterly, local('2026-04-11 10:00'))?.key).toBe('2026-Q2');
  });

  it('stays on a year past its due date until the next year begins', () => {
    expect(currentPeriod(yearly, local('2026-03-01 10:00'))?.key).toBe('2026');
    expect(currentPeriod(yearly, local('2026-12-01 10:00'))?.key).toBe('2026');
    expect(currentPeriod(yearly, local('2027-01-01 00:00'))?.key).toBe('2027');
  });

  it('is the one-off period once it has begun, even when it is past due', () => {
    expect(currentPeriod(once, local('2026-02-28 23:59'))).toBeNull();
    expect(currentPeriod(once, local('2026-03-01 00:00'))?.key).toBe('once');
    expect(currentPeriod(once, local('2026-05-01 00:00'))?.key).toBe('once');
  });
});

describe('nextPeriod', () => {
  it('is the first period that has not begun', () => {
    expect(nextPeriod(halfYearly, local('2026-06-30 23:59'))?.key).toBe('2026-H2');
    expect(nextPeriod(halfYearly, local('2026-07-01 00:00'))?.key).toBe('2027-H1');
    expect(nextPeriod(monthly, local('2026-12-15 00:00'))?.key).toBe('2027-01');
    expect(nextPeriod(once, local('2026-02-01 00:00'))?.key).toBe('once');
    expect(nextPeriod(once, local('2026-03-01 00:00'))).toBeNull();
  });
});

describe('periodsBetween', () => {
  it('lists the periods that overlap the range, in order', () => {
    expect(
      keys(periodsBetween(quarterly, local('2026-02-01 00:00'), local('2026-12-31 23:59'))),
    ).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(
      keys(periodsBetween(halfYearly, local('2025-12-31 00:00'), local('2026-01-01 00:00'))),
    ).toEqual(['2025-H2', '2026-H1']);
    expect(
      keys(periodsBetween(once, local('2026-03-31 23:00'), local('2026-06-01 00:00'))),
    ).toEqual(['once']);
    expect(periodsBetween(once, local('2026-04-01 00:00'), local('2026-06-01 00:00'))).toEqual([]);
  });

  it('refuses a reversed or an absurdly long range', () => {
    expect(() =>
      periodsBetween(yearly, local('2027-01-01 00:00'), local('2026-01-01 00:00')),
    ).toThrow(RangeError);
    expect(() =>
      periodsBetween(monthly, local('1900-01-01 00:00'), local('2999-01-01 00:00')),
    ).toThrow(/more than/);
  });
});

describe('periodsDueBetween', () => {
  it('finds the periods whose due date falls in the range, even long after they ended', () => {
    const from = local('2026-12-29 00:00');
    const to = local('2027-01-06 23:59');
    expect(keys(periodsDueBetween(halfYearly, from, to))).toEqual(['2026-H2']);
    expect(
      keys(periodsDueBetween(yearly, local('2026-11-01 00:00'), local('2026-11-06 00:00'))),
    ).toEqual(['2026']);
    expect(periodsDueBetween(yearly, local('2026-11-06 00:00'), local('2026-12-31 00:00'))).toEqual(
      [],
    );
    const lateYearly: ReportSchedule = {
      kind: 'yearly',
      due: { day: 15, month: 12, yearOffset: 1 },
    };
    expect(
      keys(periodsDueBetween(lateYearly, local('2027-12-01 00:00'), local('2027-12-31 00:00'))),
    ).toEqual(['2026']);
    const slowMonthly: ReportSchedule = { kind: 'monthly', due: { day: 1, monthsAfter: 12 } };
    expect(
      keys(periodsDueBetween(slowMonthly, local('2027-06-01 00:00'), local('2027-07-02 00:00'))),
    ).toEqual(['2026-06', '2026-07']);
    expect(
      keys(periodsDueBetween(once, local('2026-04-10 23:00'), local('2026-04-11 00:00'))),
    ).toEqual(['once']);
  });
});

describe('isLate', () => {
  const secondHalf = periodByKey(halfYearly, '2026-H2') as ReportingPeriod;

  it('counts the whole due day in local time as on time', () => {
    // 23:59 local on 05/01 is 16:59 UTC the same day.
    expect(isLate(local('2027-01-05 23:59'), secondHalf)).toBe(false);
    expect(isLate(utc('2027-01-05 16:59'), secondHalf)).toBe(false);
    expect(isLate(new Date('2027-01-05T16:59:59.999Z'), secondHalf)).toBe(false);
    // 00:30 UTC on 05/01 is 07:30 local on the due day.
    expect(isLate(utc('2027-01-05 00:30'), secondHalf)).toBe(false);
  });

  it('counts local time after the due day as late, even while the UTC date is still the due day', () => {
    // 00:30 local on 06/01 is 17:30 UTC on 05/01.
    expect(isLate(local('2027-01-06 00:30'), secondHalf)).toBe(true);
    expect(isLate(utc('2027-01-05 17:30'), secondHalf)).toBe(true);
    expect(isLate(new Date('2027-01-05T17:00:00.000Z'), secondHalf)).toBe(true);
    // 00:30 UTC on 06/01 is 07:30 local on 06/01.
    expect(isLate(utc('2027-01-06 00:30'), secondHalf)).toBe(true);
  });

  it('takes a due instant as well as a period', () => {
    expect(isLate(local('2026-07-06 08:00'), secondHalf.dueAt)).toBe(false);
    expect(isLate(local('2027-01-06 08:00'), secondHalf.dueAt)).toBe(true);
  });
});
