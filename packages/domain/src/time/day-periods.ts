/**
 * Periods of whole days in Vietnam's time, each day written `yyyy-mm-dd` (an IsoDate): the
 * dashboard's statistics and the question log's period filter. Built on the reporting layer's
 * Vietnam calendar (`reporting/local-time.ts`: isIsoDate, localIsoDateOf, startOfLocalDay).
 */
import {
  addDays,
  daysBetween,
  parseIsoDate,
  toIsoDate,
  type IsoDate,
} from '../reporting/local-time';

function calendar(day: IsoDate) {
  const date = parseIsoDate(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return date;
}

/** `day` moved by `count` days (earlier when negative). */
export function shiftIsoDate(day: IsoDate, count: number): IsoDate {
  return toIsoDate(addDays(calendar(day), count));
}

/** How many days from `from` to `to`, both included (0 when `to` is before `from`). */
export function isoDaysInPeriod(from: IsoDate, to: IsoDate): number {
  return Math.max(0, daysBetween(calendar(from), calendar(to)) + 1);
}

/** Every day from `from` to `to`, both included. */
export function eachIsoDate(from: IsoDate, to: IsoDate): IsoDate[] {
  return Array.from({ length: isoDaysInPeriod(from, to) }, (_, i) => shiftIsoDate(from, i));
}
