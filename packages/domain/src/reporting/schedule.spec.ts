import { describe, expect, it } from 'vitest';
import { validateSchedule } from './schedule';

const paths = (input: unknown) => validateSchedule(input).map((problem) => problem.path);

describe('validateSchedule', () => {
  it('accepts the schedules of the city plan', () => {
    expect(validateSchedule({ kind: 'yearly', due: { day: 5, month: 11 } })).toEqual([]);
    expect(
      validateSchedule({
        kind: 'half_yearly',
        due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
      }),
    ).toEqual([]);
    expect(validateSchedule({ kind: 'quarterly', due: { day: 31, monthsAfter: 0 } })).toEqual([]);
    expect(validateSchedule({ kind: 'monthly', due: { day: 5, monthsAfter: 1 } })).toEqual([]);
    expect(
      validateSchedule({
        kind: 'once',
        firstDay: '2026-03-01',
        lastDay: '2026-03-31',
        dueDate: '2026-04-10',
      }),
    ).toEqual([]);
  });

  it('points at days that no month has, with a Vietnamese message', () => {
    expect(validateSchedule({ kind: 'yearly', due: { day: 31, month: 4 } })).toEqual([
      { path: 'schedule.due.day', message: 'Tháng 4 không có ngày 31; ngày phải từ 1 đến 30.' },
    ]);
    expect(validateSchedule({ kind: 'yearly', due: { day: 29, month: 2 } })).toEqual([]);
    expect(paths({ kind: 'yearly', due: { day: 1, month: 13 } })).toEqual(['schedule.due.month']);
    expect(paths({ kind: 'monthly', due: { day: 0, monthsAfter: 13 } })).toEqual([
      'schedule.due.day',
      'schedule.due.monthsAfter',
    ]);
  });

  it('refuses a second half due before July of the same year: it belongs to the next year', () => {
    const problems = validateSchedule({
      kind: 'half_yearly',
      due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1 } },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('schedule.due.secondHalf');
    expect(problems[0].message).toMatch(/năm sau/);
  });

  it('checks the days of a one-off period', () => {
    expect(
      paths({ kind: 'once', firstDay: '2026-04-01', lastDay: '2026-03-01', dueDate: '2026-02-30' }),
    ).toEqual(['schedule.dueDate', 'schedule.lastDay']);
    expect(
      paths({ kind: 'once', firstDay: '2026-04-01', lastDay: '2026-04-30', dueDate: '2026-03-01' }),
    ).toEqual(['schedule.dueDate']);
    expect(
      paths({
        kind: 'once',
        firstDay: '2026-04-01',
        lastDay: '2026-04-30',
        dueDate: '2026-05-05',
        label: ' ',
      }),
    ).toEqual(['schedule.label']);
  });

  it('says what is missing when the shape is wrong', () => {
    expect(paths(null)).toEqual(['schedule']);
    expect(paths({ kind: 'weekly' })).toEqual(['schedule.kind']);
    expect(paths({ kind: 'half_yearly' })).toEqual(['schedule.due']);
    expect(paths({ kind: 'yearly', due: { day: 5, month: 11, yearOffset: 2 } })).toEqual([
      'schedule.due.yearOffset',
    ]);
  });
});
