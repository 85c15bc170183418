/**
 * Calendar dates and instants in Vietnam time (Asia/Ho_Chi_Minh), where every reporting date and
 * deadline lives.
 *
 * Vietnam has kept one fixed offset, UTC+7, with no daylight saving time since 1975, so local time
 * is UTC shifted by a constant: plain arithmetic on `Date`, no time-zone database and no
 * dependency. (Should that ever change, this file is the one place to teach it.)
 *
 * Two kinds of value:
 * - an instant is a `Date` (what is stored and compared: `submittedAt`, `dueAt`);
 * - a calendar day is an `IsoDate` string `yyyy-mm-dd` (what templates store and people read:
 *   a due date, the first day of a period). `formatDateVi` shows either as dd/mm/yyyy.
 */

/** The time zone reporting dates and deadlines are in. */
export const REPORTING_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnam's offset from UTC, in minutes: +7 hours all year round (no DST since 1975). */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A calendar day as `yyyy-mm-dd`, e.g. `2026-07-05`. */
export type IsoDate = string;

/** A calendar day as numbers; `month` is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Years accepted anywhere in reporting (dates typed by people, template dates). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Number of days in `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True for a day that exists, in years MIN_YEAR–MAX_YEAR. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** `yyyy-mm-dd` → the day, or null when the text is not one or the day does not exist. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === 'string' && parseIsoDate(text) !== null;
}

export function toIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The calendar day of an instant in Vietnam: 2026-07-04T17:30Z is 05/07/2026 00:30 local. */
export function localDateOf(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** `localDateOf` as `yyyy-mm-dd`. */
export function localIsoDateOf(instant: Date): IsoDate {
  return toIsoDate(localDateOf(instant));
}

/** Minutes since local midnight (0–1439) of an instant in Vietnam. */
export function localMinutesOfDay(instant: Date): number {
  const ms = (((instant.getTime() + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(ms / 60_000);
}

/** The instant a local day begins (00:00 in Vietnam, 17:00 UTC the day before). */
export function startOfLocalDay(date: CalendarDate | IsoDate): Date {
  return new Date(utcMidnightMs(asCalendarDate(date)) - OFFSET_MS);
}

/** The last millisecond of a local day (23:59:59.999 in Vietnam, 16:59:59.999 UTC). */
export function endOfLocalDay(date: CalendarDate | IsoDate): Date {
  return new Date(startOfLocalDay(date).getTime() + DAY_MS - 1);
}

/** The day `days` days after `date` (before, when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(utcMidnightMs(date) + days * DAY_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utcMidnightMs(to) - utcMidnightMs(from)) / DAY_MS);
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * A day as Vietnamese people write it: dd/mm/yyyy. An instant is shown as its local day
 * (2026-07-05T16:59Z → "05/07/2026", 2026-07-05T17:00Z → "06/07/2026").
 */
export function formatDateVi(date: Date | CalendarDate | IsoDate): string {
  const { year, month, day } = date instanceof Date ? localDateOf(date) : asCalendarDate(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/** An instant as local time and day: "23:59 ngày 05/07/2026" reads "HH:MM dd/mm/yyyy". */
export function formatDateTimeVi(instant: Date): string {
  const minutes = localMinutesOfDay(instant);
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)} ${formatDateVi(instant)}`;
}

function asCalendarDate(date: CalendarDate | IsoDate): CalendarDate {
  if (typeof date !== 'string') return date;
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`not a yyyy-mm-dd date: ${date}`);
  return parsed;
}

// Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
function utcMidnightMs({ year, month, day }: CalendarDate): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
