import { daysInMonth, type IsoDate, parseIsoDate, compareCalendarDates } from './local-time';

/**
 * When a report is owed: the kind of period and when each period's report is due. Stored as data
 * in the template (JSON), edited in the console.
 *
 * - yearly: one period per calendar year, due on a day and month of that year (the city's plan:
 *   05/11) or of the next (`yearOffset: 1`);
 * - half_yearly: January–June and July–December, each with its own due day (the police's
 *   statistics: 05/07 for the first half, 05/01 of the next year for the second);
 * - quarterly and monthly: due on a day of the period's last month (`monthsAfter: 0`) or of a
 *   later month (`monthsAfter: 1` is the month after the period);
 * - once: a single period, its first and last day and its due date given outright.
 *
 * A due day past the end of its month (31 in a 30-day month, 29/02 in a common year) falls on the
 * month's last day.
 */
export type ReportSchedule =
  | { kind: 'yearly'; due: DueDayOfYear }
  | { kind: 'half_yearly'; due: { firstHalf: DueDayOfYear; secondHalf: DueDayOfYear } }
  | { kind: 'quarterly'; due: DueAfterPeriod }
  | { kind: 'monthly'; due: DueAfterPeriod }
  | OnceSchedule;

export interface OnceSchedule {
  kind: 'once';
  firstDay: IsoDate;
  lastDay: IsoDate;
  dueDate: IsoDate;
  /** How the period is named to people ("Đợt rà soát tháng 3/2026"); a default is built otherwise. */
  label?: string;
}

/** A due day in a year: `day`/`month` of the period's year, or of the next with `yearOffset: 1`. */
export interface DueDayOfYear {
  day: number;
  month: number;
  yearOffset?: 0 | 1;
}

/** A due day counted from the period's last month: 0 is that month, 1 the month after, … */
export interface DueAfterPeriod {
  day: number;
  monthsAfter: number;
}

export const ScheduleKind = {
  Yearly: 'yearly',
  HalfYearly: 'half_yearly',
  Quarterly: 'quarterly',
  Monthly: 'monthly',
  Once: 'once',
} as const;

export type ScheduleKind = ReportSchedule['kind'];

export const SCHEDULE_KINDS: readonly ScheduleKind[] = Object.values(ScheduleKind);

export const scheduleKindLabelsVi: Record<ScheduleKind, string> = {
  yearly: 'Hằng năm',
  half_yearly: '6 tháng một lần',
  quarterly: 'Hằng quý',
  monthly: 'Hằng tháng',
  once: 'Một lần',
};

/** Longest wait after a quarter or month ends before its report is due (months). */
export const MAX_MONTHS_AFTER = 12;

/** Where a definition is wrong: a path such as `sections[1].fields[0].key`, and what to fix. */
export interface TemplateProblem {
  path: string;
  message: string;
}

/**
 * Problems with a schedule read from JSON (empty when it is a valid `ReportSchedule`), with
 * Vietnamese messages and paths under `path`.
 */
export function validateSchedule(input: unknown, path = 'schedule'): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (at: string, message: string) => problems.push({ path: at, message });
  if (!isRecord(input)) {
    add(path, 'Chưa có lịch báo cáo.');
    return problems;
  }
  const due = input.due;
  switch (input.kind) {
    case 'yearly':
      checkDayOfYear(due, `${path}.due`, add);
      break;
    case 'half_yearly':
      if (!isRecord(due)) {
        add(`${path}.due`, 'Cần hạn nộp cho 6 tháng đầu năm và 6 tháng cuối năm.');
        break;
      }
      checkDayOfYear(due.firstHalf, `${path}.due.firstHalf`, add, 1);
      checkDayOfYear(due.secondHalf, `${path}.due.secondHalf`, add, 7);
      break;
    case 'quarterly':
    case 'monthly':
      checkDayAfterPeriod(due, `${path}.due`, add);
      break;
    case 'once':
      checkOnce(input, path, add);
      break;
    default:
      add(
        `${path}.kind`,
        'Loại lịch báo cáo không hợp lệ; chọn hằng năm, 6 tháng, hằng quý, hằng tháng hoặc một lần.',
      );
  }
  return problems;
}

type Add = (path: string, message: string) => void;

/**
 * `periodFirstMonth`: the first month of the period this due day is for (1 for a year and the
 * first half, 7 for the second); a due day in the period's own year must not come before it.
 */
function checkDayOfYear(input: unknown, path: string, add: Add, periodFirstMonth = 1): void {
  if (!isRecord(input)) {
    add(path, 'Cần hạn nộp gồm ngày và tháng.');
    return;
  }
  const { day, month, yearOffset } = input;
  if (!isIntegerIn(month, 1, 12)) {
    add(`${path}.month`, 'Tháng của hạn nộp phải từ 1 đến 12.');
    return;
  }
  // 29/02 is allowed: in a common year it falls on 28/02.
  const maxDay = month === 2 ? 29 : daysInMonth(2001, month);
  if (!isIntegerIn(day, 1, maxDay)) {
    add(
      `${path}.day`,
      `Tháng ${month} không có ngày ${String(day)}; ngày phải từ 1 đến ${maxDay}.`,
    );
  }
  if (yearOffset !== undefined && yearOffset !== 0 && yearOffset !== 1) {
    add(`${path}.yearOffset`, 'Năm của hạn nộp là năm của kỳ báo cáo (0) hoặc năm sau (1).');
    return;
  }
  if ((yearOffset ?? 0) === 0 && month < periodFirstMonth) {
    add(path, 'Hạn nộp không thể trước khi kỳ báo cáo bắt đầu; có thể hạn nộp rơi vào năm sau?');
  }
}

function checkDayAfterPeriod(input: unknown, path: string, add: Add): void {
  if (!isRecord(input)) {
    add(path, 'Cần hạn nộp gồm ngày và số tháng sau kỳ báo cáo.');
    return;
  }
  if (!isIntegerIn(input.day, 1, 31)) add(`${path}.day`, 'Ngày của hạn nộp phải từ 1 đến 31.');
  if (!isIntegerIn(input.monthsAfter, 0, MAX_MONTHS_AFTER)) {
    add(
      `${path}.monthsAfter`,
      `Số tháng sau kỳ báo cáo phải từ 0 (tháng cuối của kỳ) đến ${MAX_MONTHS_AFTER}.`,
    );
  }
}

function checkOnce(input: Record<string, unknown>, path: string, add: Add): void {
  const days = (['firstDay', 'lastDay', 'dueDate'] as const).map((name) => {
    const value = input[name];
    const parsed = typeof value === 'string' ? parseIsoDate(value) : null;
    if (!parsed)
      add(`${path}.${name}`, 'Ngày không hợp lệ; cần dạng năm-tháng-ngày, ví dụ 2026-07-05.');
    return parsed;
  });
  const [first, last, due] = days;
  if (first && last && compareCalendarDates(first, last) > 0) {
    add(`${path}.lastDay`, 'Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu.');
  }
  if (first && due && compareCalendarDates(due, first) < 0) {
    add(`${path}.dueDate`, 'Hạn nộp không thể trước ngày bắt đầu kỳ báo cáo.');
  }
  if (input.label !== undefined && (typeof input.label !== 'string' || !input.label.trim())) {
    add(`${path}.label`, 'Tên kỳ báo cáo, nếu có, không được để trống.');
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
