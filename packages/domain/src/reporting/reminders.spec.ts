import { describe, expect, it } from 'vitest';
import { periodByKey, type ReportingPeriod } from './periods';
import {
  DEFAULT_REMINDER_SCHEDULE,
  dueReminderSteps,
  type ReminderSchedule,
  reminderMessageVi,
  reminderStepKey,
  validateReminderSchedule,
} from './reminders';
import type { ReportSchedule } from './schedule';

/** An instant given as Vietnam local time, "2026-06-28 08:00". */
const local = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);

const sut = DEFAULT_REMINDER_SCHEDULE;
const DUE = '2026-07-05';
const keysAt = (text: string, schedule: ReminderSchedule = sut, due = DUE) =>
  dueReminderSteps(schedule, due, local(text)).map((step) => step.key);

describe('reminderStepKey', () => {
  it('names steps by their offset from the due day', () => {
    expect([-7, -3, -1, 0, 1, 14].map(reminderStepKey)).toEqual([
      'd-7',
      'd-3',
      'd-1',
      'd0',
      'd+1',
      'd+14',
    ]);
  });
});

describe('dueReminderSteps', () => {
  it('sends each step on its day once the window opens', () => {
    expect(keysAt('2026-06-28 07:59')).toEqual([]);
    expect(keysAt('2026-06-28 08:00')).toEqual(['d-7']);
    expect(keysAt('2026-07-02 08:00')).toEqual(['d-3']);
    expect(keysAt('2026-07-04 12:00')).toEqual(['d-1']);
    expect(keysAt('2026-07-06 08:00')).toEqual(['d+1']);
  });

  it('describes the step it sends', () => {
    expect(dueReminderSteps(sut, DUE, local('2026-07-02 09:15'))).toEqual([
      { key: 'd-3', offsetDays: -3, day: '2026-07-02', daysUntilDue: 3 },
    ]);
  });

  it('sends nothing outside the window, nor on the days between steps', () => {
    expect(keysAt('2026-06-28 17:00')).toEqual([]);
    expect(keysAt('2026-06-28 23:30')).toEqual([]);
    expect(keysAt('2026-06-27 12:00')).toEqual([]);
    expect(keysAt('2026-06-29 12:00')).toEqual([]);
    expect(keysAt('2026-07-05 12:00')).toEqual([]);
    expect(keysAt('2026-07-07 12:00')).toEqual([]);
  });

  it('still sends a step missed in the morning later the same day, within the window', () => {
    expect(keysAt('2026-07-02 16:59')).toEqual(['d-3']);
  });

  it('decides the day and the window by Vietnam time, not UTC', () => {
    // 01:00 UTC on 02/07 is 08:00 in Vietnam: the d-3 step's day and window.
    expect(dueReminderSteps(sut, DUE, new Date('2026-07-02T01:00:00Z'))).toHaveLength(1);
    // 23:30 UTC on 01/07 is 06:30 on 02/07 in Vietnam: the window is not open yet.
    expect(dueReminderSteps(sut, DUE, new Date('2026-07-01T23:30:00Z'))).toEqual([]);
  });

  it('catches a missed step up on later days when allowed, until the next step takes over', () => {
    const lenient: ReminderSchedule = { ...sut, catchUpDays: 2 };
    expect(keysAt('2026-06-29 09:00', lenient)).toEqual(['d-7']);
    expect(keysAt('2026-06-30 09:00', lenient)).toEqual(['d-7']);
    expect(keysAt('2026-07-01 09:00', lenient)).toEqual([]);
    // d-3 on 02/07 and d-1 on 04/07: on 03/07 d-3 may be caught up, on 04/07 d-1 has taken over.
    expect(keysAt('2026-07-03 09:00', lenient)).toEqual(['d-3']);
    expect(keysAt('2026-07-04 09:00', lenient)).toEqual(['d-1']);
    expect(keysAt('2026-07-05 09:00', lenient)).toEqual(['d-1']);
    expect(keysAt('2026-07-06 09:00', lenient)).toEqual(['d+1']);
    expect(keysAt('2026-07-08 09:00', lenient)).toEqual(['d+1']);
    expect(keysAt('2026-07-09 09:00', lenient)).toEqual([]);
    const [late] = dueReminderSteps(lenient, DUE, local('2026-07-03 09:00'));
    expect(late.daysUntilDue).toBe(2);
  });

  it('works across the year for the second half, due 05/01 of the next year', () => {
    const halfYearly: ReportSchedule = {
      kind: 'half_yearly',
      due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
    };
    const secondHalf = periodByKey(halfYearly, '2026-H2') as ReportingPeriod;
    expect(dueReminderSteps(sut, secondHalf, local('2026-12-29 08:00'))).toEqual([
      { key: 'd-7', offsetDays: -7, day: '2026-12-29', daysUntilDue: 7 },
    ]);
    expect(dueReminderSteps(sut, secondHalf, local('2027-01-06 10:00'))[0]?.key).toBe('d+1');
  });

  it('takes the offsets in any order and refuses a due day that is not one', () => {
    const shuffled: ReminderSchedule = { ...sut, offsetsDays: [1, -1, -7, -3] };
    expect(keysAt('2026-07-02 08:00', shuffled)).toEqual(['d-3']);
    expect(() => dueReminderSteps(sut, '05/07/2026', local('2026-07-02 08:00'))).toThrow(
      RangeError,
    );
  });
});

describe('reminderMessageVi', () => {
  const base = {
    templateTitle: 'Số liệu liên quan đến di cư 6 tháng',
    periodLabel: '6 tháng đầu năm 2026',
    dueDate: DUE,
  };

  it('says how many days are left, or how late the report is', () => {
    expect(reminderMessageVi({ ...base, daysUntilDue: 3 })).toBe(
      'Nhắc hạn nộp báo cáo “Số liệu liên quan đến di cư 6 tháng” (6 tháng đầu năm 2026): hạn nộp 05/07/2026, còn 3 ngày.',
    );
    expect(reminderMessageVi({ ...base, daysUntilDue: 1 })).toMatch(
      /05\/07\/2026, tức là ngày mai\.$/,
    );
    expect(reminderMessageVi({ ...base, daysUntilDue: 0 })).toMatch(/, tức là hôm nay\.$/);
    expect(reminderMessageVi({ ...base, daysUntilDue: -1 })).toBe(
      'Báo cáo “Số liệu liên quan đến di cư 6 tháng” (6 tháng đầu năm 2026) chưa được nộp: hạn nộp 05/07/2026, đã quá hạn 1 ngày.',
    );
  });
});

describe('validateReminderSchedule', () => {
  it('accepts the default schedule', () => {
    expect(validateReminderSchedule(DEFAULT_REMINDER_SCHEDULE)).toEqual([]);
    expect(
      validateReminderSchedule({
        offsetsDays: [0],
        window: { start: '00:00', end: '24:00' },
        catchUpDays: 30,
      }),
    ).toEqual([]);
  });

  it('points at each mistake', () => {
    expect(
      validateReminderSchedule({
        offsetsDays: [-7, -7, 1.5, 90],
        window: { start: '8:00', end: '07:00' },
        catchUpDays: -1,
      }).map((problem) => problem.path),
    ).toEqual([
      'reminders.offsetsDays[1]',
      'reminders.offsetsDays[2]',
      'reminders.offsetsDays[3]',
      'reminders.window.start',
      'reminders.catchUpDays',
    ]);
    expect(
      validateReminderSchedule({
        offsetsDays: [],
        window: { start: '17:00', end: '08:00' },
        catchUpDays: 0,
      }),
    ).toEqual([
      { path: 'reminders.offsetsDays', message: 'Cần từ 1 đến 10 lần nhắc.' },
      { path: 'reminders.window.end', message: 'Giờ kết thúc gửi phải sau giờ bắt đầu.' },
    ]);
    expect(validateReminderSchedule(null)).toHaveLength(1);
  });
});
