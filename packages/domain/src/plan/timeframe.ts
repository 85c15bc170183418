import { formatDateVi, localDateOf, toIsoDate } from '../reporting/local-time';
/**
 * When a plan task is to be carried out, as plans write it: "Thường xuyên" (ongoing, for the
 * plan's whole period), a date range, or "until" a year ("Từ nay đến năm 2022") or a date.
 * Dates are calendar days (`YYYY-MM-DD`) in Vietnam's time.
 */
export type TaskTimeframe =
  | { kind: 'ongoing' }
  | { kind: 'range'; from: string; to: string }
  /** `until` is a year (`2022`: to the end of that year) or a day (`2022-06-30`). */
  | { kind: 'until'; until: string };

export type TimeframeKind = TaskTimeframe['kind'];

export const TIMEFRAME_KINDS: readonly TimeframeKind[] = ['ongoing', 'range', 'until'];

export const timeframeKindLabelsVi: Record<TimeframeKind, string> = {
  ongoing: 'Thường xuyên',
  range: 'Trong khoảng thời gian',
  until: 'Đến một năm hoặc một ngày',
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^\d{4}$/;

/** The years a plan, its tasks' days and years may be in (the `plans_period` check too). */
export const PLAN_YEARS = { min: 1945, max: 2100 } as const;

/** Whether `value` is a whole year a plan may cover. */
export function isPlanYear(value: unknown): value is number {
  return (
    Number.isInteger(value) && PLAN_YEARS.min <= Number(value) && Number(value) <= PLAN_YEARS.max
  );
}

const FIELDS: Record<TimeframeKind, readonly string[]> = {
  ongoing: ['kind'],
  range: ['kind', 'from', 'to'],
  until: ['kind', 'until'],
};

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (no 2021-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    isPlanYear(year) &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * Why `value` is not a task timeframe, in a sentence for the API's 400 answer, or null when
 * it is one. Unknown fields are refused, so what is stored is exactly the union.
 */
export function timeframeProblem(value: unknown): string | null {
  const kinds = TIMEFRAME_KINDS.join(', ');
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `timeframe must be an object such as { "kind": "ongoing" }; kind is one of: ${kinds}`;
  const record = value as Record<string, unknown>;
  const kind = record.kind;
  if (typeof kind !== 'string' || !(TIMEFRAME_KINDS as readonly string[]).includes(kind))
    return `timeframe.kind must be one of: ${kinds}`;
  const allowed = FIELDS[kind as TimeframeKind];
  const extra = Object.keys(record).filter((key) => !allowed.includes(key));
  if (extra.length > 0)
    return `timeframe of kind ${kind} takes only ${allowed.join(', ')}; remove ${extra.join(', ')}`;
  if (kind === 'range') {
    if (!isCalendarDate(record.from)) return 'timeframe.from must be a date written YYYY-MM-DD';
    if (!isCalendarDate(record.to)) return 'timeframe.to must be a date written YYYY-MM-DD';
    if (record.to < record.from) return 'timeframe.to must not be before timeframe.from';
  }
  if (kind === 'until') {
    const until = record.until;
    const isYear = typeof until === 'string' && YEAR.test(until) && isPlanYear(Number(until));
    if (!isYear && !isCalendarDate(until))
      return 'timeframe.until must be a year (2022) or a date written YYYY-MM-DD';
  }
  return null;
}

/** A fresh copy of a valid timeframe holding only its own fields. */
export function toTimeframe(value: TaskTimeframe): TaskTimeframe {
  switch (value.kind) {
    case 'ongoing':
      return { kind: 'ongoing' };
    case 'range':
      return { kind: 'range', from: value.from, to: value.to };
    case 'until':
      return { kind: 'until', until: value.until };
  }
}

/** "Thường xuyên", "Từ 01/03/2021 đến 30/06/2021", "Đến năm 2022", "Đến ngày 30/06/2022". */
export function timeframeLabelVi(timeframe: TaskTimeframe): string {
  switch (timeframe.kind) {
    case 'ongoing':
      return 'Thường xuyên';
    case 'range':
      return `Từ ${formatDateVi(timeframe.from)} đến ${formatDateVi(timeframe.to)}`;
    case 'until':
      return YEAR.test(timeframe.until)
        ? `Đến năm ${timeframe.until}`
        : `Đến ngày ${formatDateVi(timeframe.until)}`;
  }
}

/** The last day of the timeframe (`YYYY-MM-DD`), or null for ongoing work, which has none. */
export function timeframeDueOn(timeframe: TaskTimeframe): string | null {
  switch (timeframe.kind) {
    case 'ongoing':
      return null;
    case 'range':
      return timeframe.to;
    case 'until':
      return YEAR.test(timeframe.until) ? `${timeframe.until}-12-31` : timeframe.until;
  }
}

/** Today's date in Vietnam, `YYYY-MM-DD`. */
export function vietnamToday(now: Date = new Date()): string {
  return toIsoDate(localDateOf(now));
}

/** A task is overdue once its last day has passed in Vietnam and it is not done. */
export function isTaskOverdue(
  task: { dueOn: string | null; status: string },
  today: string = vietnamToday(),
): boolean {
  return task.dueOn !== null && task.dueOn < today && task.status !== 'done';
}
