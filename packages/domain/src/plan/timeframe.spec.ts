import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isTaskOverdue,
  timeframeDueOn,
  timeframeLabelVi,
  timeframeProblem,
  toTimeframe,
  vietnamToday,
} from './timeframe';

describe('timeframeProblem', () => {
  it('accepts the three kinds a plan writes', () => {
    expect(timeframeProblem({ kind: 'ongoing' })).toBeNull();
    expect(timeframeProblem({ kind: 'range', from: '2021-03-01', to: '2021-06-30' })).toBeNull();
    expect(timeframeProblem({ kind: 'range', from: '2021-03-01', to: '2021-03-01' })).toBeNull();
    expect(timeframeProblem({ kind: 'until', until: '2022' })).toBeNull();
    expect(timeframeProblem({ kind: 'until', until: '2022-06-30' })).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(timeframeProblem(null)).toMatch(/must be an object/);
    expect(timeframeProblem('thường xuyên')).toMatch(/must be an object/);
    expect(timeframeProblem({ kind: 'sometimes' })).toMatch(/kind must be one of: ongoing/);
    expect(timeframeProblem({ kind: 'ongoing', until: '2022' })).toMatch(/remove until/);
    expect(timeframeProblem({ kind: 'range', from: '2021-03-01' })).toMatch(/timeframe.to/);
    expect(timeframeProblem({ kind: 'range', from: '01/03/2021', to: '2021-06-30' })).toMatch(
      /timeframe.from must be a date/,
    );
    expect(timeframeProblem({ kind: 'range', from: '2021-07-01', to: '2021-06-30' })).toMatch(
      /not be before/,
    );
    expect(timeframeProblem({ kind: 'until', until: 2022 })).toMatch(/year \(2022\) or a date/);
    expect(timeframeProblem({ kind: 'until', until: '2021-02-30' })).toMatch(/year/);
    expect(timeframeProblem({ kind: 'until', until: '3022' })).toMatch(/year/);
  });
});

describe('isCalendarDate', () => {
  it('takes real days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('2023-1-01')).toBe(false);
  });
});

describe('labels and due dates', () => {
  it('reads as Vietnamese plans write it', () => {
    expect(timeframeLabelVi({ kind: 'ongoing' })).toBe('Thường xuyên');
    expect(timeframeLabelVi({ kind: 'range', from: '2021-03-01', to: '2021-06-30' })).toBe(
      'Từ 01/03/2021 đến 30/06/2021',
    );
    expect(timeframeLabelVi({ kind: 'until', until: '2022' })).toBe('Đến năm 2022');
    expect(timeframeLabelVi({ kind: 'until', until: '2022-06-30' })).toBe('Đến ngày 30/06/2022');
  });

  it('ends on the last day: the range end, the year end or the day; ongoing work has none', () => {
    expect(timeframeDueOn({ kind: 'ongoing' })).toBeNull();
    expect(timeframeDueOn({ kind: 'range', from: '2021-03-01', to: '2021-06-30' })).toBe(
      '2021-06-30',
    );
    expect(timeframeDueOn({ kind: 'until', until: '2022' })).toBe('2022-12-31');
    expect(timeframeDueOn({ kind: 'until', until: '2022-06-30' })).toBe('2022-06-30');
  });

  it('copies only the fields of its kind', () => {
    const loose = { kind: 'ongoing', note: 'x' } as unknown as Parameters<typeof toTimeframe>[0];
    expect(toTimeframe(loose)).toEqual({ kind: 'ongoing' });
  });
});

describe('overdue', () => {
  it("counts days in Vietnam's time", () => {
    expect(vietnamToday(new Date('2022-12-31T16:59:59Z'))).toBe('2022-12-31');
    expect(vietnamToday(new Date('2022-12-31T17:00:00Z'))).toBe('2023-01-01');
  });

  it('is past the last day and not done', () => {
    expect(isTaskOverdue({ dueOn: '2022-12-31', status: 'in_progress' }, '2023-01-01')).toBe(true);
    expect(isTaskOverdue({ dueOn: '2022-12-31', status: 'in_progress' }, '2022-12-31')).toBe(false);
    expect(isTaskOverdue({ dueOn: '2022-12-31', status: 'done' }, '2023-01-01')).toBe(false);
    expect(isTaskOverdue({ dueOn: null, status: 'not_started' }, '2099-01-01')).toBe(false);
  });
});
