import {
  daysInMonth,
  endOfLocalDay,
  formatDateVi,
  type IsoDate,
  localDateOf,
  parseIsoDate,
  MAX_YEAR,
  MIN_YEAR,
  startOfLocalDay,
  toIsoDate,
} from './local-time';
import { MAX_MONTHS_AFTER, type ReportSchedule, type ScheduleKind } from './schedule';

/**
 * One reporting period of a schedule, with its days in Vietnam time and the instants the API
 * stores and compares.
 *
 * Keys are stable and sort within a schedule: `2026` (yearly), `2026-H1`/`2026-H2`,
 * `2026-Q1`…`2026-Q4`, `2026-01`…`2026-12`, and `once` for a one-off schedule.
 *
 * The functions below expect a valid schedule (`validateSchedule`); a one-off schedule with a day
 * that does not exist makes them throw a RangeError, as does an invalid `Date`.
 */
export interface ReportingPeriod {
  key: string;
  kind: ScheduleKind;
  /** "Năm 2026", "6 tháng đầu năm 2026", "Quý III/2026", "Tháng 7/2026". */
  label: string;
  firstDay: IsoDate;
  lastDay: IsoDate;
  dueDate: IsoDate;
  /** 00:00 local time of `firstDay`. */
  startsAt: Date;
  /** Exclusive: 00:00 local time of the day after `lastDay` (the next period's `startsAt`). */
  endsAt: Date;
  /** 23:59:59.999 local time of `dueDate`: a report is late when submitted after this instant. */
  dueAt: Date;
}

/** A period key read back: a recurring period by year and number, or the one-off period. */
export type PeriodKeyParts =
  { kind: Exclude<ScheduleKind, 'once'>; year: number; index: number } | { kind: 'once' };

/** Most periods one call lists; a longer range is a mistake (a monthly schedule over 80 years). */
export const MAX_PERIODS_LISTED = 1000;

const MONTHS_PER_PERIOD: Record<Exclude<ScheduleKind, 'once'>, number> = {
  yearly: 12,
  half_yearly: 6,
  quarterly: 3,
  monthly: 1,
};

const ROMAN = ['I', 'II', 'III', 'IV'];

const KEY_PATTERNS: [Exclude<ScheduleKind, 'once'>, RegExp][] = [
  ['yearly', /^(\d{4})$/],
  ['half_yearly', /^(\d{4})-H([12])$/],
  ['quarterly', /^(\d{4})-Q([1-4])$/],
  ['monthly', /^(\d{4})-(0[1-9]|1[0-2])$/],
];

/** Reads a period key (`2026`, `2026-H2`, `2026-Q3`, `2026-07`, `once`); null when it is none. */
export function parsePeriodKey(key: string): PeriodKeyParts | null {
  if (key === 'once') return { kind: 'once' };
  for (const [kind, pattern] of KEY_PATTERNS) {
    const match = pattern.exec(key);
    if (!match) continue;
    const year = Number(match[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return { kind, year, index: match[2] === undefined ? 1 : Number(match[2]) };
  }
  return null;
}

/**
 * The first day of the period a key names (`2026-H2` → 2026-07-01), whatever the schedule; null
 * for `once` and for what is not a key. Lets periods of different kinds be put in order.
 */
export function periodKeyFirstDay(key: string): IsoDate | null {
  const parts = parsePeriodKey(key);
  if (!parts || parts.kind === 'once') return null;
  const month = (parts.index - 1) * MONTHS_PER_PERIOD[parts.kind] + 1;
  return toIsoDate({ year: parts.year, month, day: 1 });
}

/** The period of `schedule` named by `key`, or null when the key is not one of its periods. */
export function periodByKey(schedule: ReportSchedule, key: string): ReportingPeriod | null {
  const parts = parsePeriodKey(key);
  if (!parts || parts.kind !== schedule.kind) return null;
  if (schedule.kind === 'once') return oncePeriod(schedule);
  return parts.kind === 'once' ? null : recurringPeriod(schedule, parts.year, parts.index);
}

/**
 * The period whose days contain `instant` (in Vietnam time): on 2026-07-02 the half-yearly period
 * is `2026-H2`. For a one-off schedule, null outside its days.
 */
export function periodAt(schedule: ReportSchedule, instant: Date): ReportingPeriod | null {
  checkInstant(instant);
  if (schedule.kind === 'once') {
    const period = oncePeriod(schedule);
    return contains(period, instant) ? period : null;
  }
  const { year, month } = localDateOf(instant);
  return recurringPeriod(schedule, year, Math.floor((month - 1) / monthsPer(schedule)) + 1);
}

/**
 * The period a unit reports on at `now`: among the periods that have begun, the earliest whose
 * due instant has not passed; when every begun period is past due, the latest one (its report is
 * late but still owed). Null only for a one-off period that has not begun.
 *
 * So on 02/07/2026 a half-yearly schedule (first half due 05/07) gives `2026-H1`, and from 06/07
 * `2026-H2`; a yearly schedule due 05/11 gives `2026` all through 2026. Periods that are overdue
 * and not submitted are the API's to list (`periodsBetween`), since it knows the submissions.
 */
export function currentPeriod(schedule: ReportSchedule, now: Date): ReportingPeriod | null {
  checkInstant(now);
  if (schedule.kind === 'once') {
    const period = oncePeriod(schedule);
    return period.startsAt.getTime() <= now.getTime() ? period : null;
  }
  const containing = periodAt(schedule, now) as ReportingPeriod;
  const earliest = step(schedule, containing, -lookBack(schedule));
  let open: ReportingPeriod | null = null;
  for (let period = earliest; ; period = step(schedule, period, 1)) {
    if (period.dueAt.getTime() >= now.getTime()) {
      open = period;
      break;
    }
    if (period.key === containing.key) break;
  }
  return open ?? containing;
}

/**
 * The first period that begins after `now`. A template edited at `now` applies from this period:
 * no report of it can have been started yet. Null for a one-off period that has begun.
 */
export function nextPeriod(schedule: ReportSchedule, now: Date): ReportingPeriod | null {
  checkInstant(now);
  if (schedule.kind === 'once') {
    const period = oncePeriod(schedule);
    return period.startsAt.getTime() > now.getTime() ? period : null;
  }
  return step(schedule, periodAt(schedule, now) as ReportingPeriod, 1);
}

/**
 * The periods that overlap `from`–`to` (both inclusive), in order. Throws a RangeError for a range
 * of more than MAX_PERIODS_LISTED periods or when `to` is before `from`.
 */
export function periodsBetween(schedule: ReportSchedule, from: Date, to: Date): ReportingPeriod[] {
  checkRange(from, to);
  if (schedule.kind === 'once') {
    const period = oncePeriod(schedule);
    const overlaps =
      period.startsAt.getTime() <= to.getTime() && period.endsAt.getTime() > from.getTime();
    return overlaps ? [period] : [];
  }
  const first = periodAt(schedule, from) as ReportingPeriod;
  const last = periodAt(schedule, to) as ReportingPeriod;
  const count = ordinal(schedule, last) - ordinal(schedule, first) + 1;
  if (count > MAX_PERIODS_LISTED) {
    throw new RangeError(`more than ${MAX_PERIODS_LISTED} periods between the two dates`);
  }
  const periods = [first];
  while (periods.length < count) periods.push(step(schedule, periods[periods.length - 1], 1));
  return periods;
}

/**
 * The periods whose due instant falls within `from`–`to` (both inclusive), in order of due date.
 * The reminder job asks this for the days around now.
 */
export function periodsDueBetween(
  schedule: ReportSchedule,
  from: Date,
  to: Date,
): ReportingPeriod[] {
  checkRange(from, to);
  if (schedule.kind === 'once') {
    const period = oncePeriod(schedule);
    return within(period.dueAt, from, to) ? [period] : [];
  }
  // A period is due at most MAX_MONTHS_AFTER months after it ends (or the year after a year):
  // start looking that far back.
  const start = step(schedule, periodAt(schedule, from) as ReportingPeriod, -lookBack(schedule));
  const end = periodAt(schedule, to) as ReportingPeriod;
  if (ordinal(schedule, end) - ordinal(schedule, start) + 1 > MAX_PERIODS_LISTED) {
    throw new RangeError(`more than ${MAX_PERIODS_LISTED} periods between the two dates`);
  }
  const due: ReportingPeriod[] = [];
  for (let period = start; ; period = step(schedule, period, 1)) {
    if (within(period.dueAt, from, to)) due.push(period);
    if (period.key === end.key) break;
  }
  return due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * Whether a report submitted at `submittedAt` is late: after 23:59:59.999 Vietnam time of the due
 * day. The local time decides, never the UTC date: 23:59 local on the due day (16:59 UTC) is on
 * time, 00:30 local the day after (17:30 UTC, still the due day in UTC) is late.
 */
export function isLate(submittedAt: Date, due: ReportingPeriod | Date): boolean {
  const dueAt = due instanceof Date ? due : due.dueAt;
  return submittedAt.getTime() > dueAt.getTime();
}

// ---------------------------------------------------------------------------------------------

type Recurring = Exclude<ReportSchedule, { kind: 'once' }>;

function monthsPer(schedule: Recurring): number {
  return MONTHS_PER_PERIOD[schedule.kind];
}

function recurringPeriod(schedule: Recurring, year: number, index: number): ReportingPeriod {
  const months = monthsPer(schedule);
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const firstDay = { year, month: firstMonth, day: 1 };
  const lastDay = { year, month: lastMonth, day: daysInMonth(year, lastMonth) };
  const dueDate = recurringDueDate(schedule, year, index, lastMonth);
  return build(
    schedule.kind,
    recurringKey(schedule.kind, year, index),
    recurringLabel(schedule.kind, year, index),
    toIsoDate(firstDay),
    toIsoDate(lastDay),
    toIsoDate(dueDate),
  );
}

function recurringDueDate(schedule: Recurring, year: number, index: number, lastMonth: number) {
  if (schedule.kind === 'yearly' || schedule.kind === 'half_yearly') {
    const due =
      schedule.kind === 'yearly'
        ? schedule.due
        : index === 1
          ? schedule.due.firstHalf
          : schedule.due.secondHalf;
    return clampedDay(year + (due.yearOffset ?? 0), due.month, due.day);
  }
  const monthIndex = lastMonth - 1 + schedule.due.monthsAfter;
  return clampedDay(year + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, schedule.due.day);
}

function clampedDay(year: number, month: number, day: number) {
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

function recurringKey(kind: Recurring['kind'], year: number, index: number): string {
  switch (kind) {
    case 'yearly':
      return String(year);
    case 'half_yearly':
      return `${year}-H${index}`;
    case 'quarterly':
      return `${year}-Q${index}`;
    case 'monthly':
      return `${year}-${String(index).padStart(2, '0')}`;
  }
}

function recurringLabel(kind: Recurring['kind'], year: number, index: number): string {
  switch (kind) {
    case 'yearly':
      return `Năm ${year}`;
    case 'half_yearly':
      return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'quarterly':
      return `Quý ${ROMAN[index - 1]}/${year}`;
    case 'monthly':
      return `Tháng ${index}/${year}`;
  }
}

function oncePeriod(schedule: Extract<ReportSchedule, { kind: 'once' }>): ReportingPeriod {
  for (const day of [schedule.firstDay, schedule.lastDay, schedule.dueDate]) {
    if (!parseIsoDate(day)) throw new RangeError(`not a yyyy-mm-dd date: ${day}`);
  }
  const label =
    schedule.label?.trim() ||
    `Kỳ báo cáo từ ${formatDateVi(schedule.firstDay)} đến ${formatDateVi(schedule.lastDay)}`;
  return build('once', 'once', label, schedule.firstDay, schedule.lastDay, schedule.dueDate);
}

function build(
  kind: ScheduleKind,
  key: string,
  label: string,
  firstDay: IsoDate,
  lastDay: IsoDate,
  dueDate: IsoDate,
): ReportingPeriod {
  return {
    key,
    kind,
    label,
    firstDay,
    lastDay,
    dueDate,
    startsAt: startOfLocalDay(firstDay),
    endsAt: new Date(endOfLocalDay(lastDay).getTime() + 1),
    dueAt: endOfLocalDay(dueDate),
  };
}

function ordinal(schedule: Recurring, period: ReportingPeriod): number {
  const parts = parsePeriodKey(period.key) as { year: number; index: number };
  return parts.year * (12 / monthsPer(schedule)) + parts.index - 1;
}

function step(schedule: Recurring, period: ReportingPeriod, by: number): ReportingPeriod {
  const perYear = 12 / monthsPer(schedule);
  const next = ordinal(schedule, period) + by;
  return recurringPeriod(schedule, Math.floor(next / perYear), (next % perYear) + 1);
}

/** How many periods back one may still be due: its months plus the longest wait after it. */
function lookBack(schedule: Recurring): number {
  const waitMonths =
    schedule.kind === 'yearly' || schedule.kind === 'half_yearly' ? 24 : MAX_MONTHS_AFTER;
  return Math.ceil(waitMonths / monthsPer(schedule)) + 1;
}

function contains(period: ReportingPeriod, instant: Date): boolean {
  return (
    period.startsAt.getTime() <= instant.getTime() && instant.getTime() < period.endsAt.getTime()
  );
}

function within(instant: Date, from: Date, to: Date): boolean {
  return from.getTime() <= instant.getTime() && instant.getTime() <= to.getTime();
}

function checkInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('not a valid instant');
  }
}

function checkRange(from: Date, to: Date): void {
  checkInstant(from);
  checkInstant(to);
  if (to.getTime() < from.getTime()) throw new RangeError('the range ends before it begins');
}
